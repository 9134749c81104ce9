"""Accusations and the acts they allege: rules of English and of news writing.

An accusation is an event (CAMEO 112) of the accuser against the accused. What it alleges is
told as that party's charge, not as an act the news reports:

- `alleged_undated`: "accused the army of shelling the camp", "blamed the rebels for
  burning the schools", "accused the police of trying to kill him": an act told only as the
  content of an accusation ("of" or "for" and a verb), with no day of its own, is what the
  accuser says, not an event. One with its own day ("accused them of firing on its
  positions on Sunday night") stays an event, told as claimed (`frames.modality`).
- `before_semicolon`: "The army blamed the rebels for the fires; their spokesman denied
  that they had set them": a clause ended by a semicolon is a sentence of its own, not the
  content of a verb after it (the parse may hang it on the denial, which would deny the
  accusation).

Each rule is a test on tokens; `coder.py` applies it (docs/knowledge-events.md lists them,
tests/test_accusations.py shows each on sentences of our own).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import DateMention

ACCUSATION_CODE = "112"
# The prepositions that introduce what someone is accused of or blamed for.
CHARGE_PREPS = frozenset({"of", "for"})
# Links by which an act hangs under the charge: "of killing" (pcomp; a gerund the parse
# takes for a noun: pobj), "of trying to kill" (xcomp, climbed first).
CHARGE_DEPS = ("pcomp", "pobj")


def charge_of(act: Token, is_accusation: Callable[[Token], bool]) -> Token | None:
    """The accusing verb whose "of" or "for" governs the verb `act` ("accused X of killing",
    "blamed X for trying to kill"), or None."""
    if act.pos_ != "VERB":
        return None  # "blamed the rebels for the fires": a noun names an act told as done
    current = act
    while current.dep_ == "xcomp" and current.head != current:
        current = current.head  # "of trying to assassinate him": the attempt is the charge
    if current.dep_ not in CHARGE_DEPS or current.tag_ != "VBG":
        return None
    prep = current.head
    if prep.dep_ != "prep" or prep.lower_ not in CHARGE_PREPS:
        return None
    verb = prep.head
    if verb.dep_ == "dobj":
        verb = verb.head  # "accused the UN of ...": the preposition may hang on the accused
    return verb if is_accusation(verb) else None


def dated(act: Token, dates: Sequence[DateMention]) -> bool:
    """A day told inside the act's own words ("of firing on its positions on Sunday")."""
    words = list(act.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return any(start <= m.start < end for m in dates)


def alleged_undated(act: Token, is_accusation: Callable[[Token], bool], dates: Sequence[DateMention]) -> bool:
    """"accused the army of shelling the camp": an act told only as the content of an
    accusation, on no day of its own, is no event (the accusation is)."""
    return charge_of(act, is_accusation) is not None and not dated(act, dates)


def before_semicolon(clause: Token) -> bool:
    """A clause the parse hangs on a verb after it, a semicolon between them: "X blamed Y;
    Z denied it" is two sentences."""
    head = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or clause.i > head.i:
        return False
    return any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1:head.i])
