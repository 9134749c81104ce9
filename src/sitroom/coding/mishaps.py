"""Deaths and harm that no party caused: accidents and disasters told with words of violence.

"The landslide killed 31 people", "two climbers died in the avalanche", "crashed into
houses, killing five", "one pilot died when a light plane crashed": a toll told with a
happening of a kind (`is_kind`, the lexicon's frame of mishaps) as its cause is that
happening's, not an act of violence. `coder.py` drops such a trigger.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .merge import TOLL_LEMMAS
from .syntax import has_own_subject, subject_of


def in_a(verb: Token, is_kind: Callable[[str], bool]) -> bool:
    """Killed or hurt in something of a kind: "two climbers died in the avalanche", "four
    were killed at the scene of the accident"."""
    if verb.lemma_.lower() not in TOLL_LEMMAS:
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if prep.lower_ != "at" and is_kind(noun.lemma_.lower()):
                return True
            if noun.lemma_.lower() in SCENE_NOUNS and any(
                    of.lower_ == "of" and any(g.dep_ == "pobj" and is_kind(g.lemma_.lower()) for g in of.children)
                    for of in noun.children):
                return True
    return False


# "at the scene of the crash": where something happened
SCENE_NOUNS = frozenset({"scene", "site"})


def caused_by(verb: Token, is_kind: Callable[[str], bool], *, tolls_only: bool = True) -> bool:
    """The subject of a toll verb (of any violent verb without `tolls_only`) is of a kind
    (`is_kind` on its lemma): "the landslide killed 31 people", "an earthquake struck the
    region", "a civil war that killed ..." (a relative pronoun stands for its antecedent),
    "raged for a decade and killed ..." (a joined verb's): `subject_of`."""
    if tolls_only and verb.lemma_.lower() not in TOLL_LEMMAS:
        return False
    subject = subject_of(verb)
    if subject is None:
        return False
    # "a magnitude 6.1 earthquake struck": the small parser may give the verb two subjects,
    # or hang the noun on the measure as an apposition
    subjects = [subject, *(c for c in subject.head.children if c.dep_ == "nsubj" and c != subject),
                *(c for c in subject.children if c.dep_ == "appos")]
    return any(is_kind(s.lemma_.lower()) for s in subjects)


def after_a(verb: Token, is_kind: Callable[[str], bool]) -> bool:
    """A toll verb in a clause hung on a verb of a kind, or a participle with no subject of
    its own so hung: "a cargo plane crashed into houses, killing five" (the crash's deaths),
    "crashed into a street, destroying homes"; the verb it hangs on may be of a kind by its
    doer: "a town flattened by an earthquake, killing 300"."""
    if verb.dep_ not in ("advcl", "conj", "xcomp", "acl"):
        return False
    if verb.lemma_.lower() not in TOLL_LEMMAS and (
            verb.tag_ != "VBG" or has_own_subject(verb)):
        return False
    # the parse may hang the participle on the place ("crashed into an estate destroying
    # houses") or on another participle ("crashed, causing many dead and wounded")
    current = verb.head
    for _ in range(4):
        if current.pos_ == "VERB" and (is_kind(current.lemma_.lower())
                                       or caused_by(current, is_kind, tolls_only=False)):
            return True
        if current.pos_ in ("NOUN", "PROPN") and any(
                c.dep_ in ("relcl", "acl") and c != verb and c.pos_ == "VERB" and caused_by(c, is_kind, tolls_only=False)
                for c in current.children):
            return True  # "a city which was destroyed by an earthquake in 1983 killing 200"
        if current.dep_ not in ("advcl", "conj", "xcomp", "acl", "pobj", "prep") or (
                current.pos_ == "VERB" and has_own_subject(current)):
            return False
        current = current.head
    return False


def when_a(verb: Token, is_kind: Callable[[str], bool]) -> bool:
    """A toll verb whose "when" or "as" clause is a happening of a kind: "one pilot died and
    another was injured when a light plane crashed" (a joined verb shares the clause)."""
    if verb.lemma_.lower() not in TOLL_LEMMAS:
        return False
    heads = [verb]
    while heads[-1].dep_ == "conj" and heads[-1].head.pos_ == "VERB" and len(heads) < 4:
        heads.append(heads[-1].head)
    return any(
        clause.dep_ in ("advcl", "relcl") and any(_in_clause_of(clause, head) for head in heads)
        and any(c.lower_ in ("when", "as") and c.dep_ in ("mark", "advmod") for c in clause.children)
        and (is_kind(clause.lemma_.lower()) or caused_by(clause, is_kind, tolls_only=False))
        for clause in heads[-1].subtree)  # the top verb's subtree holds the others


def _in_clause_of(clause: Token, verb: Token) -> bool:
    """`clause` hangs from `verb` directly or through its phrases ("injured on Monday when
    ...": the parse may hang the "when" clause on the day), through no other verb."""
    for ancestor in clause.ancestors:
        if ancestor == verb:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False
