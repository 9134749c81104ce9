"""How many: tie the casualty numbers of a sentence to the violent trigger they count.

A number belongs to the nearest violent trigger above it in the parse ("strikes ...,
killing 12 people"); a toll verb ("killing", "left ... dead") hanging from another violent
trigger folds into it. Tolls are reported as the sentence gives them; reconciling
several reports of one event is the merger's job.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..records import Fatalities, NumberMention, TollReport
from ..resolve.numbers import toll_from_numbers

MAX_CLIMB = 8
TOLL_CATEGORIES = ("killed", "injured")


def attach_numbers(doc: Doc, mentions: Sequence[NumberMention], owners: dict[int, int]) -> tuple[dict[int, list[NumberMention]], list[NumberMention]]:
    """Map trigger token index -> its number mentions; also return the unattached ones.

    `owners` maps each token index of a violent trigger (and its light verb) to the index
    of the trigger that owns the toll.
    """
    attached: dict[int, list[NumberMention]] = {}
    orphans: list[NumberMention] = []
    for mention in mentions:
        if mention.category not in TOLL_CATEGORIES:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        owner = _owner(span.root, owners)
        if owner is None:
            orphans.append(mention)
        else:
            attached.setdefault(owner, []).append(mention)
    return attached, orphans


def _owner(token: Token, owners: dict[int, int]) -> int | None:
    current = token
    for _ in range(MAX_CLIMB):
        if current.i in owners:
            return owners[current.i]
        if current.head == current:
            return None
        current = current.head
    return None


def report_from(mentions: Sequence[NumberMention], *, attribution: str | None, doc_id: str, sentence: str) -> TollReport | None:
    """One source's toll from the number mentions of one sentence (see `toll_from_numbers`)."""
    toll = toll_from_numbers(mentions)
    if toll["killed"] is None and toll["injured"] is None:
        return None
    return TollReport(killed=toll["killed"], injured=toll["injured"], qualifier=toll["qualifier"],
                      attribution=attribution, doc_id=doc_id, sentence=sentence, by_group=dict(toll["by_group"]))


def reconcile(reports: Sequence[TollReport]) -> Fatalities | None:
    """One reconciled toll from several reports, keeping every report.

    Conservative, as the coding conventions ask: `low` is the smallest figure, `high` the
    largest; `best` (and `killed`) is the largest figure, since wire tolls of one event
    only grow as bodies are counted ("more than 410", then "at least 412").
    """
    reports = [r for r in reports if r.killed is not None or r.injured is not None]
    if not reports:
        return None
    killed_values = [r.killed for r in reports if r.killed is not None]
    injured_values = [r.injured for r in reports if r.injured is not None]
    best_report = max(reports, key=lambda r: (r.killed or -1, len(r.by_group)))
    by_group = max((r.by_group for r in reports), key=len)
    return Fatalities(
        killed=max(killed_values) if killed_values else None,
        injured=max(injured_values) if injured_values else None,
        qualifier=best_report.qualifier,
        by_group=dict(by_group),
        low=min(killed_values) if killed_values else None,
        best=max(killed_values) if killed_values else None,
        high=max(killed_values) if killed_values else None,
        reconciliation="largest of consistent reports" if len(set(killed_values)) > 1 else "single figure",
        reports=tuple(reports),
    )
