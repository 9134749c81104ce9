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
    """One source's toll from the number mentions of one sentence.

    The killed figure is a stated total where there is one ("at least 412 ... : 214 rebels,
    ..."), else the sum of the groups; qualifiers stay those of the figure used.
    """
    killed_total = [m for m in mentions if m.category == "killed" and m.group is None and m.value is not None]
    killed_groups = [m for m in mentions if m.category == "killed" and m.group is not None and m.value is not None]
    injured = [m for m in mentions if m.category == "injured" and m.value is not None]
    by_group: dict[str, int] = {}
    for m in killed_groups:
        by_group[m.group] = by_group.get(m.group, 0) + m.value  # type: ignore[index, operator]
    if killed_total:
        first = max(killed_total, key=lambda m: m.value or 0)
        killed: int | None = first.value
        qualifier: str | None = first.qualifier
    elif by_group:
        killed = sum(by_group.values())
        qualifier = "exact" if all(m.qualifier == "exact" for m in killed_groups) else "at least"
    else:
        killed, qualifier = None, None
    injured_total = max((m.value for m in injured if m.group is None), default=None) or (
        sum(m.value for m in injured if m.value) if injured else None)  # type: ignore[misc]
    if killed is None and injured_total is None:
        return None
    return TollReport(killed=killed, injured=injured_total, qualifier=qualifier, attribution=attribution,
                      doc_id=doc_id, sentence=sentence, by_group=by_group)


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
