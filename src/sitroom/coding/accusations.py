"""Accusations and the acts they allege: rules of English and of news writing.

An accusation is an event (CAMEO 112) of the accuser against the accused; what it alleges
may be told as that party's charge rather than as an act the news reports:

- `said_of_opponent`, `accuses_the_state`: "the rebel commander said the army had massacred
  the hostages", "the rebels' spokesman said soldiers had burned the schools": those
  fighting a state saying, on no day of the act's own, that its forces did an act of
  violence accuse the state of it (112); the act is the accusation's content. An act with a
  day of its own ("said soldiers had shot 14 villagers on Tuesday") stays an event, and so
  does what a state says of the rebels or of another state ("police said the rebels had
  killed five farmers"): that is how the news of an act is told.
- `told_apart`: "The army blamed the rebels for the fires; their spokesman denied that
  they had set them": a clause ended by a semicolon is a sentence of its own, not the
  content of a verb after it (the parse may hang it on the denial, which would deny the
  accusation). So is a clause followed by a noun that sums it up, with a clause of its own
  on the noun: "Armenia accused Azerbaijan of shelling villages, a charge Baku denied".

Each rule is a test on tokens; `coder.py` applies it (docs/knowledge-events.md lists them,
tests/test_accusations.py shows each on sentences of our own).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Actor, DateMention
from .event_day import TIME_OF_REPORT_WORDS

ACCUSATION_CODE = "112"
# Codes of acts of violence that, said of the other side, accuse it: assault (18), fight
# (19), mass violence (20), and destroying property (171: "burned the schools"); not a
# town taken (192): "opposition officials said government troops had retaken Brega" tells
# the other side's gain, no wrong.
ALLEGED_ROOTS = ("18", "190", "191", "193", "194", "195", "196", "20", "171")
# The sides of a conflict inside one country, by role: the state's and those fighting it.
STATE_ROLES = frozenset({"GOV", "MIL", "COP"})
ARMED_OPPOSITION_ROLES = frozenset({"REB", "INS", "RAD", "OPP"})
# Codes of no side of a conflict: international bodies, aid groups, the press, civilians.
NEUTRAL_ROLES = frozenset({"IGO", "NGO", "MED", "CVL", "UNO", "EU"})
# An act told in these tenses is told as done: "had burned", "burned".
DONE_TAGS = frozenset({"VBD", "VBN"})



def dated(act: Token, dates: Sequence[DateMention]) -> bool:
    """A day told inside the act's own words ("had shot 14 villagers on Tuesday", "fired
    shells overnight")."""
    words = list(act.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if any(w.lower_ in TIME_OF_REPORT_WORDS or w.lower_ == "night" and w.i > 0 and w.nbor(-1).lower_ == "last"
           for w in words):
        return True
    return any(start <= m.start < end for m in dates)


def told_apart(clause: Token, sums_up: Callable[[Token], bool] = lambda noun: False) -> bool:
    """A clause the parse hangs on a verb after it that is no content of that verb: a
    semicolon between them ("X blamed Y; Z denied it" is two sentences), or a noun of the
    verb's between them, before the verb's own subject ("X accused Y of Z, a charge W
    denied": the verb is a clause on the noun that sums X's words up; a verb whose words come
    first has nothing before its subject: "X accused Y of Z, W said"). `sums_up`: whether a
    noun names words said (a charge, a claim), which is enough when the parse hangs the
    verb's subject on it ("a charge Minsk has denied")."""
    head = clause.head
    if clause.dep_ not in ("ccomp", "parataxis") or clause.i > head.i:
        return False
    between = clause.doc[clause.right_edge.i + 1:head.i]
    if any(t.text == ";" for t in between):
        return True
    # (the parse may also take the noun for a first subject: "an accusation Dushanbe rejected")
    nominals = [t for t in between if t.head == head and t.dep_ in ("dobj", "nsubj", "nsubjpass")]
    if clause.doc[clause.right_edge.i + 1].text != ",":
        return False
    return (len(nominals) >= 2 and nominals[-1].dep_ != "dobj") or (
        len(nominals) == 1 and nominals[0].dep_ != "dobj" and sums_up(nominals[0])
        and any(c.dep_ == "appos" for c in nominals[0].children))


def _side(actor: Actor) -> tuple[str, str] | None:
    """(country, "state" or "armed opposition") of an actor's code, None for no side."""
    code = actor.code or ""
    country, role = (code[:3], code[3:6]) if len(code) >= 6 else ("", code)
    if code[:3] in NEUTRAL_ROLES or role in NEUTRAL_ROLES:
        return None
    if role in ARMED_OPPOSITION_ROLES:
        return country, "armed opposition"
    if role in STATE_ROLES or (not role and len(country) == 3) or (len(code) == 3 and code.isalpha()):
        return (country or code), "state"
    return None


def accuses_the_state(speaker: Actor, doer: Actor) -> bool:
    """Those fighting a state, telling of the violence of that state's forces ("the rebels",
    "the army"). Not a state telling of the rebels' violence, nor one state of another's:
    the act is then the news, told by the side that reports it (a claimed event)."""
    one, other = _side(speaker), _side(doer)
    if one is None or other is None:
        return False
    (country, kind), (country2, kind2) = one, other
    return kind == "armed opposition" and kind2 == "state" and (not country or not country2 or country == country2)


def said_clause(act: Token, is_report: Callable[[Token], bool]) -> Token | None:
    """The reporting verb whose that-clause is `act` ("said (that) soldiers had burned ...",
    also the second of joined clauses: "said X and that soldiers had ..."), or None."""
    current = act
    while current.dep_ == "conj" and current.head != current and current.head.pos_ == "VERB":
        current = current.head
    if current.dep_ != "ccomp" or not is_report(current.head):
        return None
    return current.head


def said_of_opponent(act: Token, is_report: Callable[[Token], bool], dates: Sequence[DateMention]) -> Token | None:
    """The reporting verb when `act` is an act of violence told as done in what it says, on
    no day of its own ("said the army had massacred the hostages"); whether the speaker and
    the doer are opponents is the caller's test (`accuses_the_state`)."""
    if act.tag_ not in DONE_TAGS or dated(act, dates):
        return None
    if any(c.dep_ in ("neg", "aux", "auxpass") and c.lower_ not in ("had", "has", "have", "was", "were")
           for c in act.children):
        return None  # "had not burned", "may have killed", "would attack": not told as done
    subject = next((c for c in act.children if c.dep_ == "nsubj"), None)
    if subject is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return None  # "said his fighters had seized the trucks": the speaker's own side
    return said_clause(act, is_report)
