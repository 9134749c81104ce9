"""The event lexicon: CAMEO codes and their PLOVER/ACLED equivalents, trigger words, frames.

Loaded once from `cameo.tsv`, `triggers.tsv` and `frames.tsv` (see docs/knowledge-events.md)
and passed to the event coder.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from . import data_path
from .tsv import alternatives, read_tsv

CODE_RE = re.compile(r"^\d{2,4}$")
# A trigger row's code for a sense of the word that carries no event ("wound up the talks",
# "struck a conciliatory tone"): the row wins over the lemma's other rows, and nothing fires.
NO_EVENT = "-"
POS_VALUES = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "VN": ("VERB", "AUX", "NOUN", "PROPN"), "A": ("ADJ",)}
CONDITION_KINDS = {"prep", "obj", "mod", "xcomp", "pobj", "subj"}
TARGET_KINDS = {"dobj", "prep", "between", "poss", "place", "none"}
FLAGS = {"sym", "territory", "violence", "habitual-ok", "armed", "animate", "official", "unnamed-ok", "against-state", "person", "bodily", "stance", "forces",
         "undergone", "future", "addressee"}
FRAMES = {"report", "claim", "setting", "planned", "hypothetical", "negated", "threatened", "light", "territory", "assist", "opinion",
          "vehicle", "prevented", "habitual", "former", "background", "cause", "advocated", "series", "mishap", "era", "armed-body",
          "patient", "false", "inquiry", "question", "disposition", "value", "ultimatum", "ability", "document", "responsibility",
          "accountable", "occur", "reprisal", "possible", "upcoming", "damning", "body", "comparison", "speech",
          "repel", "directive", "forcible", "impunity", "meeting", "platform", "terms", "deadline",
          "comeuppance", "implicative", "consent", "custody", "vowed-force", "ground", "justice", "neighbours",
          "disowned", "charge", "safety", "granting", "shielding"}


@dataclass(frozen=True, kw_only=True)
class CameoCode:
    code: str
    label: str
    plover: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None


@dataclass(frozen=True, kw_only=True)
class TriggerRule:
    lemma: str
    pos: tuple[str, ...]  # spaCy coarse tags the trigger may have
    condition: tuple[str, frozenset[str]] | None  # (kind, words)
    code: str
    targets: tuple[tuple[str, str | None], ...]  # (kind, preposition)
    flags: frozenset[str]
    line: int  # line in triggers.tsv: the `rule` field of an event names it

    @property
    def name(self) -> str:
        cond = f"[{self.condition[0]}:{'|'.join(sorted(self.condition[1]))}]" if self.condition else ""
        return f"triggers.tsv:{self.line}:{self.lemma}{cond}->{self.code}"


@dataclass(frozen=True)
class EventLexicon:
    codes: dict[str, CameoCode]
    triggers: dict[str, tuple[TriggerRule, ...]]  # by lemma, in file order
    frames: dict[str, frozenset[str]]  # word -> frames

    @classmethod
    def load(cls, directory: Path | None = None) -> "EventLexicon":
        def path(name: str) -> Path:
            return directory / name if directory else data_path(name)

        codes = _load_codes(path("cameo.tsv"))
        triggers = _load_triggers(path("triggers.tsv"), codes)
        frames = _load_frames(path("frames.tsv"))
        return cls(codes, triggers, frames)

    def code(self, code: str) -> CameoCode:
        """The entry of a code, falling back to its parent (a 4-digit code to its 3-digit one)."""
        while code and code not in self.codes:
            code = code[:-1]
        return self.codes[code]

    def has_frame(self, word: str, frame: str) -> bool:
        return frame in self.frames.get(word.lower(), ())


def _load_codes(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    for line, row in read_tsv(path, ["code", "label", "plover", "acled_event_type", "acled_sub_event_type"]):
        code = row["code"]
        if not CODE_RE.match(code):
            raise KnowledgeError(str(path), f"{code!r} is not a CAMEO code of 2 to 4 digits", line)
        if code in codes:
            raise KnowledgeError(str(path), f"code {code} is listed twice", line)
        if not row["label"]:
            raise KnowledgeError(str(path), f"code {code} has no label", line)
        codes[code] = CameoCode(
            code=code,
            label=row["label"],
            plover=row["plover"] or None,
            acled_event_type=row["acled_event_type"] or None,
            acled_sub_event_type=row["acled_sub_event_type"] or None,
        )
    missing_roots = [f"{r:02d}" for r in range(1, 21) if f"{r:02d}" not in codes]
    if missing_roots:
        raise KnowledgeError(str(path), f"root code(s) {', '.join(missing_roots)} missing")
    return codes


def _load_triggers(path: Path, codes: dict[str, CameoCode]) -> dict[str, tuple[TriggerRule, ...]]:
    by_lemma: dict[str, list[TriggerRule]] = defaultdict(list)
    for line, row in read_tsv(path, ["lemma", "pos", "when", "code", "target", "flags"]):
        if not row["lemma"]:
            raise KnowledgeError(str(path), "empty lemma", line)
        if row["pos"] not in POS_VALUES:
            raise KnowledgeError(str(path), f"pos must be one of {', '.join(POS_VALUES)}, not {row['pos']!r}", line)
        if row["code"] != NO_EVENT and row["code"] not in codes:
            raise KnowledgeError(str(path), f"code {row['code']!r} is not in cameo.tsv", line)
        condition = None
        if row["when"]:
            kind, _, words = row["when"].partition(":")
            if kind not in CONDITION_KINDS or not words:
                raise KnowledgeError(
                    str(path), f"condition {row['when']!r} must be KIND:WORD|WORD with KIND in "
                    f"{', '.join(sorted(CONDITION_KINDS))}", line)
            condition = (kind, frozenset(w.lower() for w in alternatives(words)))
        targets: list[tuple[str, str | None]] = []
        for spec in alternatives(row["target"]):
            kind, _, prep = spec.partition(":")
            if kind not in TARGET_KINDS or (kind == "prep") != bool(prep):
                raise KnowledgeError(str(path), f"target {spec!r} is not one of dobj, prep:WORD, between, poss, place, none", line)
            targets.append((kind, prep or None))
        flags = frozenset(f.strip() for f in row["flags"].split(",") if f.strip())
        unknown = flags - FLAGS
        if unknown:
            raise KnowledgeError(str(path), f"unknown flag(s) {', '.join(sorted(unknown))}", line)
        # one row may serve several lemmas that share everything else ("call|describe|brand")
        for lemma in alternatives(row["lemma"]):
            rule = TriggerRule(
                lemma=lemma.lower(),
                pos=POS_VALUES[row["pos"]],
                condition=condition,
                code=row["code"],
                targets=tuple(targets),
                flags=flags,
                line=line,
            )
            shadowing = next((r for r in by_lemma[rule.lemma]
                              if _general(r) and _general(rule) and set(r.pos) & set(rule.pos)), None)
            if shadowing is not None:
                # only the first general row of a lemma is ever tried: a second one is dead
                raise KnowledgeError(str(path), f"{rule.lemma!r} already has a row without a condition (line "
                                     f"{shadowing.line}) for the same part of speech: this row would never fire", line)
            by_lemma[rule.lemma].append(rule)
    return {lemma: tuple(rules) for lemma, rules in by_lemma.items()}


def _general(rule: TriggerRule) -> bool:
    """A row tried after every conditional one (see `coding.triggers._ordered`)."""
    return rule.condition is None and "territory" not in rule.flags


@functools.lru_cache(maxsize=None)
def frame_words(frame: str) -> frozenset[str]:
    """The words of one frame of the shipped `frames.tsv`, read once, for a stage that holds
    no lexicon (the actor stage's "a statement issued by the ministry": frame `document`)."""
    return frozenset(word for word, frames in _load_frames(data_path("frames.tsv")).items() if frame in frames)


def _load_frames(path: Path) -> dict[str, frozenset[str]]:
    frames: dict[str, set[str]] = defaultdict(set)
    for line, row in read_tsv(path, ["word", "frame"]):
        if row["frame"] not in FRAMES:
            raise KnowledgeError(str(path), f"frame must be one of {', '.join(sorted(FRAMES))}, not {row['frame']!r}", line)
        frames[row["word"].lower()].add(row["frame"])
    return {word: frozenset(f) for word, f in frames.items()}
