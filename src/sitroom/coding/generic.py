"""Generic, habitual and aggregate statements told as if they were the day's incident.

News tells the day's act with what makes it one act: a day, a place, a count, a victim
with a name or a number. A speech, an editorial or a charge sums up many acts instead:
"the gangs are responsible for the kidnappings", "a wave of murders of peasant leaders",
"the murder and kidnapping of students, workers and peasants", "the torture, murders and
disappearances". Each function here says when an act's words sum up acts of a kind rather
than tell one; the coder then keeps the act as background (`historical`), not as news.

None of them applies to an act with a day of its own (the coder asks only when no day was
found for the act): "the attacks killed 12 people on Monday" stays news.
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Nouns that name the whole people of a place: "the bombing of the civilian population".
WHOLE_PEOPLES = frozenset({"population", "populace", "citizenry"})
# Links from a noun to a modifier that picks out some of its kind: "the students who
# marched", "students of the university", "two students", "these students".
PICKING_DEPS = frozenset({"det", "poss", "nummod", "quantmod", "prep", "relcl", "acl", "appos"})
# Prepositions through which a word of answering for an act takes the act: "responsible
# for", "accused of", "involved in".
CHARGE_PREPS = frozenset({"for", "of", "in"})


def _dated(token: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in token.subtree)


def _of_objects(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _list_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def _joined(token: Token) -> list[Token]:
    head = _list_head(token)
    return [head, *head.conjuncts]


def _counted(token: Token) -> bool:
    return any(t.dep_ == "nummod" or t.like_num or t.ent_type_ == "CARDINAL" for t in token.subtree)


def plural_acts(act: Token) -> bool:
    """"the kidnappings", "the kidnapping and disappearances": an act noun in the plural
    (or joined to one) names acts of its kind, many of them, unless a number counts them
    or their sufferers ("two bombings", "the murders of two journalists": so many acts,
    each one of the news)."""
    joined = _joined(act)
    return not any(_counted(t) for t in joined) and any(t.pos_ == "NOUN" and t.tag_ == "NNS" for t in joined)


def _bare_plural(noun: Token) -> bool:
    """"students", "peasant leaders", "political prisoners": a plural with nothing that picks
    some of them out."""
    return (noun.tag_ in ("NNS", "NNPS") and noun.ent_type_ not in ("ORG", "GPE", "PERSON", "CARDINAL")
            and not any(c.dep_ in PICKING_DEPS for c in noun.children))


def _whole_people(noun: Token) -> bool:
    """"the civilian population", "the populace": a place's whole people, no one in particular."""
    return noun.lemma_.lower() in WHOLE_PEOPLES and not any(c.dep_ in ("prep", "relcl", "acl", "nummod")
                                                             for c in noun.children)


def class_of_victims(act: Token) -> bool:
    """"the murder and kidnapping of students, workers and peasants", "the bombing of the
    civilian population", "killing civilians": an act whose sufferers are a whole class of
    people (a bare plural, or all of a place's people) names what is done to such people,
    not one act done to some of them ("the killing of three students", "of the students who
    marched" pick them out)."""
    if act.pos_ == "NOUN":
        head = _list_head(act)  # "the murder and kidnapping of ...": the "of" may hang on the first
        sufferers = _of_objects(act) or _of_objects(head)
    elif act.tag_ == "VBG":
        sufferers = [c for c in act.children if c.dep_ == "dobj"]
    else:
        return False
    if not sufferers:
        return False
    joined = [t for s in sufferers for t in (s, *s.conjuncts)]
    return all(_bare_plural(t) or _whole_people(t) for t in joined)


def _charge_word(token: Token, is_accountable: Callable[[str], bool],
                 is_claimed: Callable[[str], bool]) -> bool:
    """The word that answers for an act through a preposition: "responsible for", "blamed
    for", "involved in", "accused (X) of"; not a claim of responsibility ("claimed
    responsibility for the attacks": the doer's own word on acts just done)."""
    if not is_accountable(token.lemma_.lower()):
        return False
    return not (token.dep_ in ("dobj", "pobj") and is_claimed(token.head.lemma_.lower()))


def charged_acts(act: Token, is_accountable: Callable[[str], bool], is_claimed: Callable[[str], bool],
                 is_series: Callable[[str], bool]) -> bool:
    """"the gangs are responsible for the kidnappings and disappearances", "blamed the group
    for a series of attacks", "accused the militia of killing civilians": a charge of acts of
    a kind (plural, a series, or done to a whole class of people) with no day sums up a
    record; it tells no act of the day ("blamed for Monday's bombing" tells one)."""
    top = _list_head(act)
    many = plural_acts(act) or class_of_victims(act)
    if top.dep_ == "pobj" and top.head.lower_ == "of" and is_series(top.head.head.lemma_.lower()):
        top, many = top.head.head, True  # "for a series of attacks"
    if not many or top.dep_ not in ("pobj", "pcomp") or top.head.lower_ not in CHARGE_PREPS:
        return False
    governor = top.head.head
    if governor.pos_ in ("NOUN", "PROPN") and governor.dep_ == "dobj":
        governor = governor.head  # "accused the militia of ...": the preposition hangs on the accused
    return _charge_word(governor, is_accountable, is_claimed) and not _dated(top)


def whole_series(act: Token, is_series: Callable[[str], bool]) -> bool:
    """"due to a series of attacks", "condemned the wave of murders": a series named whole
    is many acts over a time, none of them told ("one of a string of raids" picks one:
    `rules.one_of_a_series`)."""
    if act.dep_ != "pobj" or act.head.lower_ != "of":
        return False
    series = act.head.head
    return series.pos_ == "NOUN" and is_series(series.lemma_.lower()) and not _dated(series)


def catalogue(act: Token, is_act: Callable[[Token], bool]) -> bool:
    """"the torture, murders and disappearances", "reporting the killings, the massacres and
    the attacks": acts of several kinds listed together, in the plural, with no day, are a
    record of abuses, not the day's act. Not a list that did something ("bombings and
    shootings killed 12"), which is the subject of its own verb."""
    joined = _joined(act)
    acts = [t for t in joined if t.pos_ == "NOUN" and is_act(t)]
    if len(acts) < 2 or len({t.lemma_.lower() for t in acts}) < 2 or not plural_acts(act):
        return False
    return joined[0].dep_ not in ("nsubj", "nsubjpass") and not any(_dated(t) for t in joined)


def generic_act_noun(act: Token, is_act: Callable[[Token], bool]) -> bool:
    """An act noun whose sufferers are a whole class, with no day ("the bombing of the
    civilian population", "the murder and kidnapping of students, workers and peasants").
    A gerund that takes such an object ("killing civilians") sums up only under a charge
    (`charged_acts`): "troops began killing civilians" may be the day's news."""
    return act.pos_ == "NOUN" and is_act(act) and class_of_victims(act) and not _dated(_list_head(act))


# Links of a bare verb form that stands for a finite verb: the clause's own verb, one
# joined to it, or a relative clause's ("the men who run the squads kidnap ...").
FINITE_DEPS = frozenset({"ROOT", "conj", "relcl"})
# Verbs whose complement clause takes a bare infinitive, not a present ("let them kill").
BARE_INFINITIVE_GOVERNORS = frozenset({"let", "make", "help", "have", "see", "watch", "hear", "bid"})


def bare_form_present(verb: Token) -> bool:
    """"they steal, kidnap and murder anyone", "the men who run these squads kidnap union
    members": a bare verb form with no auxiliary that has a subject of its own, or is joined
    to a verb in the present, is a present the tagger read as an infinitive (not "to kill",
    "will kill", "let them kill")."""
    if verb.tag_ != "VB" or verb.dep_ not in FINITE_DEPS or any(c.dep_ in ("aux", "auxpass")
                                                                 for c in verb.children):
        return False
    if any(c.dep_ == "nsubj" for c in verb.children):
        return True
    head = verb
    while head.dep_ == "conj" and head.head != head and head.tag_ not in ("VBZ", "VBP"):
        head = head.head  # "steal, kidnap and murder": the parse may chain the verbs through a noun
    if head == verb or any(c.dep_ in ("aux", "auxpass") for c in head.children):
        return False  # "will rob, kidnap and kill", "to rob, kidnap and kill"
    if head.tag_ in ("VBZ", "VBP"):
        return True
    # "the bandits rob, kidnap and kill": the first of the list, with the subject, read as a
    # noun or an adjective (not a past, and not after "let them", "made them")
    return (head.tag_ not in ("VBD", "VBN", "VBG", "MD") and any(c.dep_ == "nsubj" for c in head.children)
            and head.head.lemma_.lower() not in BARE_INFINITIVE_GOVERNORS)


def summed_up(act: Token, *, is_act: Callable[[Token], bool], is_accountable: Callable[[str], bool],
              is_claimed: Callable[[str], bool], is_series: Callable[[str], bool]) -> bool:
    """Whether the act's words sum up acts of a kind (any of the rules above). Asked only of
    an act with no day of its own and outside a headline."""
    return (charged_acts(act, is_accountable, is_claimed, is_series) or whole_series(act, is_series)
            or catalogue(act, is_act) or generic_act_noun(act, is_act))
