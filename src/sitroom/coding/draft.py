"""An event while its article is coded: the mutable draft the coder fills in, merges
(`merge.py`) and places (`scene.py`) before it is frozen into a `records.Event`, and the
stable id it will carry."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..records import Actor, Evidence, TollReport


@dataclass
class Draft:
    """An event before merging: mutable while the sentence is coded, frozen into an Event."""

    code: str
    rule: str
    trigger: str
    lemma: str
    anchor: int  # character offset of the trigger: what makes two events of one sentence differ
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str
    date_inferred: bool
    historical: bool
    place: object | None
    tolls: list[TollReport]
    attribution: str | None
    modality: str
    evidence: list[Evidence]
    symmetric: bool
    violent: bool
    date_suspect: bool = False
    # The date is only the article's own, no day being told or carried for the act
    # (`event_day.EventDate.by_the_report`): the story's day may stand for it.
    date_by_report: bool = False
    # A re-mention of an event told before ("the assault", "19 people had been killed"):
    # merged into the nearest earlier event of its kind (merge.py).
    anaphoric: bool = False
    # Told in a subordinate clause ("... after gunmen killed 12", "the town, which rebels
    # seized"): the sentence's news is its main clause, so it weighs less.
    subordinate: bool = False
    # Told by a counted plural ("several guerrilla attacks", "a series of bombings"): a
    # summary of many acts, which a single act told elsewhere is one of (merge.py).
    summary: bool = False
    # The anchor of the act this one is about ("condemned the strikes": the strikes'),
    # whose doer is this act's target once the article's events are merged (coder.py).
    about: int | None = None
    # False for a re-mention kept only to find the event it names ("condemned the attack"
    # with no actor of its own): dropped when no earlier event takes it (merge.py).
    standalone: bool = True
    # Addressed to "both sides" ("urged both countries to show restraint") with no party
    # named: the article's two sides are its targets, one event each (sides.address_both).
    both_sides: str | None = None
    # Where a verbal act was made, when its sentence sets it ("told a news conference in
    # Tashkent"): its place once the article's events are merged (where.said_place); kept
    # apart until then, so that where a statement was made does not decide what merges.
    setting: object | None = None
    # The anchors of every draft merged into this one (its own first).
    anchors: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.anchors.add(self.anchor)


def event_id(doc_id: str, draft: "Draft") -> str:
    """Same article, same event, same id: from the article, the trigger's place and the dyad."""
    key = "|".join([
        doc_id, str(draft.anchor), draft.code[:2],
        (draft.source.code or draft.source.name) if draft.source else "",
        (draft.target.code or draft.target.name) if draft.target else "",
    ])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
