"""ACLED's typology as data: sub-event types, cue lexicons, ordered rules, actor types.

Loaded once from four files (formats in docs/knowledge-acled.md) and passed to the ACLED
stage (`sitroom.coding.acled`):

    acled_types.tsv    the 25 sub-event types with their event type and disorder type
    acled_cues.tsv     named lexicons of words and phrases (instruments, targets, crowds...)
    acled_rules.tsv    ordered rules: conditions on an event and its sentence -> sub-event type
    acled_actors.tsv   how an actor gets its ACLED actor type ("inter" code 1-8)

Every check fails with a `KnowledgeError` naming the file and the line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from . import data_path
from .tsv import alternatives, read_tsv

EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
DISORDER_TYPES = ("Political violence", "Demonstrations", "Political violence; Demonstrations",
                  "Strategic developments")
# When an event carries ACLED's civilian_targeting mark: always (violence against
# civilians by definition), when its target is civilians, or never.
CIVILIANS = ("always", "target", "never")
INTER_CODES = range(1, 9)
# A rule's decision besides a sub-event type: `none` keeps the event without an ACLED
# type; `drop` removes it (a trigger that only ACLED wanted, shown not to be an event:
# a boiler explosion, a base "set up" that is a committee).
NO_TYPE, DROP = "none", "drop"
# Where a rule looks for a cue: the trigger word itself, the word it hangs from ("charged
# with looting": charged), its direct object, the trigger's clause without its doer (the
# target's side), the whole clause, the event's sentences, those with their neighbours.
SCOPES = ("trigger", "governor", "object", "obj", "near", "sent", "ctx")
FACTS = ("code", "source", "target", "victims")
CONDITION_KINDS = SCOPES + FACTS
# A phrase word that stands for any one token ("blow ? up": "blew themselves up").
ANY_WORD = "?"
NAME_RE = re.compile(r"^[a-z][a-z0-9-]*$")
ACTOR_MATCHES = ("word", "code", "role", "unnamed", "victims")
# `role` rows match the role part of a CAMEO actor code; this stands for a bare country
# code ("RUS" in "Russia struck ..."), which is the state itself.
BARE_COUNTRY = "-"


@dataclass(frozen=True, kw_only=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    civilians: str  # always, target, never
    crowd: int | None  # the inter code of the crowd side (6 protesters, 5 rioters), if any


@dataclass(frozen=True, kw_only=True)
class Cue:
    name: str
    phrases: tuple[tuple[str, ...], ...]  # each a sequence of words (lemma or lower-case form)
    line: int


@dataclass(frozen=True, kw_only=True)
class Condition:
    kind: str  # one of CONDITION_KINDS
    values: frozenset[str]  # cue names for scopes; code prefixes; inter codes ("0": none); groups
    negated: bool

    def __str__(self) -> str:
        return f"{'!' if self.negated else ''}{self.kind}:{'|'.join(sorted(self.values))}"


@dataclass(frozen=True, kw_only=True)
class Rule:
    decision: str  # a sub-event type, NO_TYPE or DROP
    conditions: tuple[Condition, ...]
    line: int
    note: str

    @property
    def name(self) -> str:
        return f"acled_rules.tsv:{self.line}"


@dataclass(frozen=True, kw_only=True)
class ActorType:
    match: str  # word, code, role, unnamed, victims
    values: tuple[str, ...]
    inter: int
    abroad: int | None  # the inter code instead when the actor's country is not the event's
    line: int


@dataclass(frozen=True)
class AcledKnowledge:
    types: dict[str, SubEventType]
    cues: dict[str, Cue]
    rules: tuple[Rule, ...]
    actor_types: tuple[ActorType, ...]

    @classmethod
    def load(cls, directory: Path | None = None) -> "AcledKnowledge":
        def path(name: str) -> Path:
            return directory / name if directory else data_path(name)

        types = _load_types(path("acled_types.tsv"))
        cues = _load_cues(path("acled_cues.tsv"))
        rules = _load_rules(path("acled_rules.tsv"), types, cues)
        actor_types = _load_actor_types(path("acled_actors.tsv"), types)
        return cls(types, cues, rules, actor_types)


def _load_types(path: Path) -> dict[str, SubEventType]:
    types: dict[str, SubEventType] = {}
    for line, row in read_tsv(path, ["sub_event_type", "event_type", "disorder_type", "civilians", "crowd"],
                              optional=["note"]):
        name = row["sub_event_type"]
        if not name:
            raise KnowledgeError(str(path), "empty sub_event_type", line)
        if name in types or name in (NO_TYPE, DROP):
            raise KnowledgeError(str(path), f"sub-event type {name!r} is listed twice or is a reserved word", line)
        if row["event_type"] not in EVENT_TYPES:
            raise KnowledgeError(str(path), f"event_type must be one of {', '.join(EVENT_TYPES)}, "
                                 f"not {row['event_type']!r}", line)
        if row["disorder_type"] not in DISORDER_TYPES:
            raise KnowledgeError(str(path), f"disorder_type must be one of {', '.join(DISORDER_TYPES)}, "
                                 f"not {row['disorder_type']!r}", line)
        if row["civilians"] not in CIVILIANS:
            raise KnowledgeError(str(path), f"civilians must be one of {', '.join(CIVILIANS)}, "
                                 f"not {row['civilians']!r}", line)
        crowd = _inter(row["crowd"], path, line, "crowd") if row["crowd"] else None
        types[name] = SubEventType(name=name, event_type=row["event_type"], disorder_type=row["disorder_type"],
                                   civilians=row["civilians"], crowd=crowd)
    if not types:
        raise KnowledgeError(str(path), "no sub-event types listed")
    return types


def _load_cues(path: Path) -> dict[str, Cue]:
    cues: dict[str, Cue] = {}
    for line, row in read_tsv(path, ["cue", "phrases"], optional=["note"]):
        name = row["cue"]
        if not NAME_RE.match(name):
            raise KnowledgeError(str(path), f"cue name {name!r} must be lower-case letters, digits and hyphens", line)
        if name in cues:
            raise KnowledgeError(str(path), f"cue {name!r} is defined twice (line {cues[name].line}); "
                                 "put all its phrases on one line", line)
        phrases = tuple(phrase_words(p) for p in alternatives(row["phrases"]))
        if not phrases:
            raise KnowledgeError(str(path), f"cue {name!r} has no phrases", line)
        for words in phrases:
            if words[0] == ANY_WORD or words[-1] == ANY_WORD:
                raise KnowledgeError(str(path), f"a phrase of cue {name!r} starts or ends with {ANY_WORD!r}: "
                                     "put the gap between words", line)
            bad = [w for w in words if "/" in w and (w.count("/") > 1 or not w.endswith(("/N", "/V")))]
            if bad:
                raise KnowledgeError(str(path), f"{bad[0]!r}: a word can only end in /N (nouns) or /V (verbs)", line)
        cues[name] = Cue(name=name, phrases=phrases, line=line)
    return cues


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase as the words it is matched by: lower case, split at spaces and hyphens
    ("cease-fire" is matched as "cease fire", whichever way the tokenizer cut it). A word
    may end in /N or /V: it then matches only a noun or only a verb ("bomb/N")."""
    return tuple(w for w in re.split(r"[\s\-‐–]+", phrase.lower().replace("/n", "/N").replace("/v", "/V")) if w)


def _load_rules(path: Path, types: dict[str, SubEventType], cues: dict[str, Cue]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for line, row in read_tsv(path, ["decision", "when"], optional=["note"]):
        decision = row["decision"]
        if decision not in types and decision not in (NO_TYPE, DROP):
            raise KnowledgeError(str(path), f"decision {decision!r} is neither a sub-event type of acled_types.tsv "
                                 f"nor {NO_TYPE!r} or {DROP!r}", line)
        conditions = tuple(_condition(spec, path, line, cues) for spec in row["when"].split())
        if not conditions:
            raise KnowledgeError(str(path), "a rule needs at least one condition (a rule for every event "
                                 "would hide all the rules after it)", line)
        if decision == DROP and not any(c.kind == "trigger" and not c.negated for c in conditions):
            raise KnowledgeError(str(path), "a drop rule must name its trigger words (trigger:CUE): only "
                                 "triggers that exist for ACLED's sake may be dropped", line)
        rules.append(Rule(decision=decision, conditions=conditions, line=line, note=row.get("note", "")))
    if not rules:
        raise KnowledgeError(str(path), "no rules listed")
    return tuple(rules)


def _condition(spec: str, path: Path, line: int, cues: dict[str, Cue]) -> Condition:
    negated = spec.startswith("!")
    kind, _, rest = spec.lstrip("!").partition(":")
    values = frozenset(alternatives(rest))
    if kind not in CONDITION_KINDS or not values:
        raise KnowledgeError(str(path), f"condition {spec!r} must be KIND:VALUE|VALUE (optionally after '!') with "
                             f"KIND one of {', '.join(CONDITION_KINDS)}", line)
    if kind in SCOPES:
        unknown = sorted(v for v in values if v not in cues)
        if unknown:
            raise KnowledgeError(str(path), f"cue(s) {', '.join(unknown)} not defined in acled_cues.tsv", line)
    elif kind == "code":
        bad = sorted(v for v in values if not v.isdigit() or not 2 <= len(v) <= 4)
        if bad:
            raise KnowledgeError(str(path), f"code prefix(es) {', '.join(bad)} are not CAMEO codes of 2 to 4 digits", line)
    elif kind in ("source", "target"):
        bad = sorted(v for v in values if v != "0" and (not v.isdigit() or int(v) not in INTER_CODES))
        if bad:
            raise KnowledgeError(str(path), f"{kind} takes inter codes 1-8 (or 0: no actor), not {', '.join(bad)}", line)
    return Condition(kind=kind, values=values, negated=negated)


def _load_actor_types(path: Path, types: dict[str, SubEventType]) -> tuple[ActorType, ...]:
    disorders = {t.disorder_type for t in types.values()}
    rows: list[ActorType] = []
    for line, row in read_tsv(path, ["match", "values", "inter", "abroad"], optional=["note"]):
        match = row["match"]
        if match not in ACTOR_MATCHES:
            raise KnowledgeError(str(path), f"match must be one of {', '.join(ACTOR_MATCHES)}, not {match!r}", line)
        values = tuple(alternatives(row["values"]))
        if not values:
            raise KnowledgeError(str(path), "no values to match", line)
        if match == "word":
            values = tuple(" ".join(phrase_words(v)) for v in values)
        elif match == "victims":
            values = tuple(v.replace(" ", "-") for v in values)
        elif match == "unnamed":
            unknown = [v for v in values if v not in disorders]
            if unknown:
                raise KnowledgeError(str(path), f"unnamed rows take disorder types of acled_types.tsv, not "
                                     f"{', '.join(unknown)}", line)
        elif match in ("code", "role"):
            bad = [v for v in values if not (v == BARE_COUNTRY or (v.isalpha() and v.isupper()))]
            if bad:
                raise KnowledgeError(str(path), f"{match} values are upper-case CAMEO codes (or {BARE_COUNTRY!r}), "
                                     f"not {', '.join(bad)}", line)
        rows.append(ActorType(match=match, values=values, inter=_inter(row["inter"], path, line, "inter"),
                              abroad=_inter(row["abroad"], path, line, "abroad") if row["abroad"] else None,
                              line=line))
    if not rows:
        raise KnowledgeError(str(path), "no actor types listed")
    return tuple(rows)


def _inter(cell: str, path: Path, line: int, column: str) -> int:
    if not cell.isdigit() or int(cell) not in INTER_CODES:
        raise KnowledgeError(str(path), f"{column} must be an ACLED inter code 1-8, not {cell!r}", line)
    return int(cell)
