"""People counted without a number: "a man", "both officers", "a couple", "Mary Smith", "he".

Local news rarely writes "1 person was killed": it writes "a man was shot dead", "her
husband John, 62", "the gunman killed four people and then himself". This module finds
such noun phrases and says how many people each one names and whether it names them for
the first time; `NumberStage` then asks the parse what happened to them, as it does for
written numbers.

    victim_phrases(doc, people, skip)  -> Phrase for each noun phrase that names people

How many (`value`): "a"/"an" or a possessive before a singular person noun, a named
person, and "he", "she", "him", "her", "himself", "herself" are one; "both" is two; a
noun that names a set of people ("a couple", "a pair": the `size` column of victims.tsv)
is that many. Plural nouns without a number say
nothing of how many ("victims were taken to hospital") and are not phrases.

Reference (`reference`): `new` for a first mention ("a man", "his wife", a name the
article has not counted before); `again` for what refers back ("the victim", "he",
"both", a name already counted): it tells the toll of people counted elsewhere and must
not add to them; `more` for people on top of those already counted ("another man",
"two others", "a second victim").
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER, POS
from spacy.parts_of_speech import ADJ, NOUN, PROPN
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from ..nlp import doc_text

# Whether a noun names people: (victim group, how many people its singular names), or None.
PeopleTest = Callable[[Token], "tuple[str | None, int] | None"]

NEW, AGAIN, MORE = "new", "again", "more"
# The bare noun a headline opens with ("Man shot dead in Detroit"): its own kind of
# phrase, because a scraped page often runs the headline into the lead's first sentence,
# and the lead then names the same person again in its own words.
HEADLINE = "headline"
REFERENCES = (NEW, AGAIN, MORE)
# Determiners that introduce one person the reader has not met ("a man", "an officer").
INDEFINITE = frozenset({"a", "an"})
# Determiners that point back to someone already introduced ("the victim", "this man").
DEFINITE = frozenset({"the", "this", "that"})
# Words that add people to those already counted ("another man", "two other victims").
ADDING = frozenset({"another", "other", "others", "second", "third", "additional"})
# Personal pronouns that stand for one person; their reflexive forms name the doer of
# the act as its own victim ("killed himself").
PRONOUNS = frozenset({"he", "she", "him", "her"})
REFLEXIVES = frozenset({"himself", "herself"})
# The perpetrator's own death ("himself", "took his own life") is counted apart, as a
# toll group of its own, so that "killed four people and then himself" is five.
PERPETRATOR = "perpetrator"
# Where a named person stands when the clause tells what happened to them: subject or
# object, or listed with one ("Mary Smith and her husband John").
NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "oprd", "attr"})


@dataclass(frozen=True)
class Phrase:
    token: Token  # the head the parse says what happened to
    start: int  # character offsets of the phrase in doc.text
    end: int
    value: int
    kind: str  # phrase, name, pronoun
    reference: str  # new, again, more
    group: str | None


def victim_phrases(doc: Doc, people: PeopleTest, skip: set[int]) -> Iterator[Phrase]:
    """Noun phrases that name a known number of people, in text order.

    `people` says whether a noun names people (the victims.tsv nouns); `skip`: token
    indices already inside a written count ("two men"), whose noun is counted there.
    """
    seen_names: set[str] = set()  # possessive phrases counted: "his friend"
    seen_people: list[frozenset[str]] = []  # the words of each name counted
    for i in may_head_phrase(doc):
        if i in skip:
            continue
        phrase = _phrase(doc[i], people, seen_names, seen_people)
        if phrase is not None:
            yield phrase


# Parts of speech a phrase's head may have (`_phrase`): a noun, a name, an ordinal read as
# an adjective ("a second was injured"); and the words that head one whatever their part
# of speech: the pronouns, "another", "both", and the "old" of "a 15-year-old".
_HEAD_POS = numpy.array([NOUN, PROPN, ADJ], dtype=numpy.uint64)
_HEAD_WORDS = numpy.array([hash_string(w) for w in sorted(PRONOUNS | REFLEXIVES | {"another", "both", "old"})],
                          dtype=numpy.uint64)


def may_head_phrase(doc: Doc) -> list[int]:
    """The indices of the tokens `_phrase` may make a phrase of, read from the doc's arrays
    (about a third of the tokens of news text). `_phrase` returns None for every other
    token: those need not be made `Token`s and asked."""
    pos, lower = doc.to_array([POS, LOWER]).T
    return numpy.flatnonzero(numpy.isin(pos, _HEAD_POS) | numpy.isin(lower, _HEAD_WORDS)).tolist()


def _phrase(token: Token, people: PeopleTest, seen_names: set[str], seen_people: list[frozenset[str]]) -> Phrase | None:
    lower = token.lower_
    if token.pos_ == "PRON" or token.tag_ in ("PRP", "DT"):
        if lower in REFLEXIVES:
            return _make(token, 1, "pronoun", NEW, PERPETRATOR)
        if lower in PRONOUNS and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return _make(token, 1, "pronoun", AGAIN, None)
        if lower == "another" and token.dep_ in ("dobj", "nsubj", "nsubjpass", "conj", "pobj"):
            return _make(token, 1, "phrase", MORE, None)  # "killed six and injured another"
        if lower == "both" and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return _make(token, 2, "phrase", AGAIN, None)  # "both died"
        return None
    if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
        return _named(token, seen_people)
    if (token.pos_ == "ADJ" and token.like_num and token.tag_ != "CD" and token.dep_ in ("nsubj", "nsubjpass", "dobj")
            and any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children)):
        return _make(token, 1, "phrase", MORE, None)  # "one died and a second was injured"
    age_noun = _age_as_person(token)
    if (token.pos_ not in ("NOUN", "PROPN") and not age_noun) or _in_apposition(token) or _as_predicate(token):
        return None
    if any(c.dep_ == "nummod" or (c.like_num and c.tag_ == "CD" and c.dep_ in ("quantmod", "amod", "compound"))
           for c in token.children):
        return None  # "two men": the written number counts them ("the second victim" is no count)
    found = (None, 1) if age_noun else people(token)
    if found is None:
        return None
    group, size = found
    determiners = [c for c in token.lefts if c.dep_ in ("det", "predet", "poss", "amod")]
    words = {c.lower_ for c in determiners}
    if _other_than_the_doer(token, words):
        return _make(token, size, "phrase", NEW, group)
    adding = bool(words & ADDING) or token.lemma_.lower() == "other"
    if "both" in words:
        return _make(token, 2, "phrase", AGAIN, group)
    if token.tag_ in ("NNS", "NNPS") and size == 1:
        return None  # "victims", "the victims": how many is not said
    possessor = next((c for c in determiners if c.dep_ == "poss"), None)
    if possessor is not None and not adding:
        # "his friend" told again is the same friend (a headline and its lead)
        key = f"{possessor.lower_} {token.lower_}"
        reference = AGAIN if key in seen_names else NEW
        seen_names.add(key)
        return _make(token, size, "phrase", reference, group)
    if words & INDEFINITE or possessor is not None:
        return _make(token, size, "phrase", MORE if adding else NEW, group)
    if words & DEFINITE:
        return _make(token, size, "phrase", AGAIN, group)  # "the victim", "the second victim": one of them
    if adding:
        return _make(token, size, "phrase", MORE, group)
    if not determiners and headline_noun(token):
        # a headline drops its articles: "Man shot dead in Detroit", "Family mourns boy killed"
        return _make(token, size, HEADLINE, NEW, group)
    return None


def headline_noun(token: Token) -> bool:
    """A bare noun of a headline, which drops its articles: the noun a line opens with
    ("Man shot dead in Detroit"), or any singular noun inside the article's title ("Family
    mourns boy killed in crash"); not who the headline's news is from ("Sheriff: ...")."""
    if token.dep_ == "compound" or any(c.dep_ in ("det", "predet", "poss") for c in token.lefts) \
            or _source_of_headline(token):
        return False
    if token.is_sent_start and token.text[:1].isupper():
        return True
    return token.tag_ in ("NN", "NNP") and token.idx < headline_end(token.doc)


# How far into the text an article's title may start and still be its opening headline.
TITLE_WITHIN = 200


def headline_end(doc: Doc) -> int:
    """Where the article's title ends, when the text opens with it (else 0)."""
    article = doc._.article
    title = article.title.strip() if article is not None and article.title else ""
    if not title:
        return 0
    position = doc_text(doc).find(title, 0, TITLE_WITHIN + len(title))
    return position + len(title) if position >= 0 else 0


def _source_of_headline(token: Token) -> bool:
    """"Sheriff: ...", "Witness: ...": who the headline's news is from, set off by a colon."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == ":"


def _age_as_person(token: Token) -> bool:
    """"A 15-year-old who was stabbed": an age standing for the person."""
    return (token.lower_ == "old" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj")
            and any(c.lemma_.lower() in ("year", "month", "week") for c in token.children))


def _other_than_the_doer(token: Token, words: set[str]) -> bool:
    """"a guard accused of stabbing another guard", "she shot and killed another woman": "another"
    sets the victim apart from the one who shot, it adds no one to those already counted."""
    if "another" not in words or token.dep_ != "dobj":
        return False
    verb = token.head
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject.lower_ in ("he", "she") or subject.lemma_.lower() == token.lemma_.lower() \
                or subject.ent_type_ == "PERSON"
        if verb.dep_ not in ("conj", "xcomp", "pcomp", "advcl", "acl") or verb.head == verb:
            return False
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
        if verb.dep_ == "acl" and verb.head.lemma_.lower() == token.lemma_.lower():
            return True  # "a guard accused of stabbing another guard"
    return False


def _named(token: Token, seen_people: list[frozenset[str]]) -> Phrase | None:
    """A named person counts once: at the head of the name, the first time it is named."""
    first = token
    while first.dep_ == "conj" and first.head != first:
        first = first.head  # "Mary Smith and her husband John": the list's role is its first member's
    if (first.dep_ not in NAME_ROLES and not _along_with(first)) or _in_apposition(token):
        return None  # "at 2233 S. King Drive", "near 6th and Wright": names of places, not victims
    if not any(c.isalpha() for c in token.text):
        return None  # the full stop of "Sr." read as a word of the name
    start = token
    while start.i > 0 and start.nbor(-1).ent_type_ == "PERSON" and start.nbor(-1).dep_ in ("compound", "flat"):
        start = start.nbor(-1)
    words = name_words(doc_text(token.doc)[start.idx:token.idx + len(token.text)])
    reference = AGAIN if any(same_name(words, seen) for seen in seen_people) else NEW
    seen_people.append(words)
    return Phrase(token=token, start=start.idx, end=token.idx + len(token.text), value=1, kind="name",
                  reference=reference, group=None)


# Generational suffixes after a surname: "John Smith Jr." is named by "Smith".
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def name_words(name: str) -> frozenset[str]:
    """The words of a name, without generational suffixes ("John Smith Jr." -> john, smith)."""
    words = [w.strip(".,").lower() for w in name.split()]
    words = [w for w in words if any(c.isalpha() for c in w)]
    return frozenset(w for w in words if w not in NAME_SUFFIXES) or frozenset(words)


def same_name(first: frozenset[str], second: frozenset[str]) -> bool:
    """"Amina Yusuf", then "Yusuf": one person told in fewer (or more) of the words of the
    name; "Ali Yusuf" after "Amina Yusuf" is someone else."""
    return bool(first) and bool(second) and (first <= second or second <= first)


def _along_with(token: Token) -> bool:
    """"John Smith was killed along with Peter Jones": the one "along with" shares the fate."""
    preposition = token.head
    return token.dep_ == "pobj" and preposition.lower_ == "with" and preposition.i > 0 \
        and preposition.nbor(-1).lower_ in ("along", "together")


def along_with_whom(token: Token) -> Token | None:
    """The person "along with" whom someone is told ("John Smith, along with Peter Jones,"),
    where the parse hangs the phrase on that person rather than on the verb."""
    if not _along_with(token):
        return None
    head = token.head.head
    if head.lower_ in ("along", "together") and head.head != head:
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN", "PRON") else None


def _as_predicate(token: Token) -> bool:
    """"named the dead woman as the owner of the shop", "was described as a student":
    what follows "as" says who someone already counted is."""
    return token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.pos_ in ("VERB", "AUX")


def _in_apposition(token: Token) -> bool:
    """"the victim, John Smith," and "her husband John" name one person: the second is skipped."""
    return token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN", "PRON")


def _make(token: Token, value: int, kind: str, reference: str, group: str | None) -> Phrase:
    """The phrase from its first determiner or modifier to its head."""
    left = [c for c in token.lefts if c.dep_ in ("det", "predet", "poss", "amod", "compound")]
    start = left[0].idx if left else token.idx
    return Phrase(token=token, start=start, end=token.idx + len(token.text), value=value, kind=kind,
                  reference=reference, group=group)
