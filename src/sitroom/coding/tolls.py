"""How many: tie the casualty numbers of a sentence to the violent trigger they count.

A number belongs to the nearest violent trigger above it in the parse ("strikes ...,
killing 12 people"); a toll verb ("killing", "left ... dead") hanging from another violent
trigger folds into it. Tolls are reported as the sentence gives them; reconciling
several reports of one event is the merger's job.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from ..records import Event, Fatalities, NumberMention, TollReport
from ..resolve.numbers import toll_from_numbers
from ..resolve.victims import PERPETRATOR

MAX_CLIMB = 8
TOLL_CATEGORIES = ("killed", "injured", "hit")


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
                      attribution=attribution, doc_id=doc_id, sentence=sentence, by_group=dict(toll["by_group"]),
                      hit=toll["hit"], added=toll["added"])


def reconcile(reports: Sequence[TollReport]) -> Fatalities | None:
    """One reconciled toll from several reports of one incident, keeping every report.

    Conservative, as the coding conventions ask: the killed are the largest figure of the
    reports that retell the incident, since wire tolls of one event only grow as bodies
    are counted ("more than 410", then "at least 412"); reports of people on top of those
    ("another man was killed") add to it, and so does the perpetrator's own death, once.
    The injured are the largest explicit figure, or, when larger, the people reported
    harmed less those known dead ("two men were shot" and later "one died": one
    injured). `low` is the smallest killed figure, `high` the largest, `best` the toll.
    """
    reports = [r for r in reports if r.killed is not None or r.injured is not None]
    if not reports:
        return None
    killed_values = [r.killed for r in reports if r.killed is not None]
    injured_values = [r.injured for r in reports if r.injured is not None]
    retold = [r for r in reports if not r.added]
    added = [r for r in reports if r.added]
    perpetrators = max((r.by_group.get(PERPETRATOR, 0) for r in reports), default=0)

    def victims_killed(report: TollReport) -> int:
        return max(0, (report.killed or 0) - report.by_group.get(PERPETRATOR, 0))

    def explicit_injured(report: TollReport) -> int:
        return max(0, (report.injured or 0) - report.hit)

    def harmed(report: TollReport) -> int:
        return victims_killed(report) + (report.injured or 0)

    def combined(measure: Callable[[TollReport], int]) -> int:
        return max((measure(r) for r in retold), default=0) + sum(measure(r) for r in added)

    killed: int | None = None
    if killed_values:
        killed = combined(victims_killed) + perpetrators
    injured: int | None = None
    if injured_values:
        injured = max(combined(explicit_injured), combined(harmed) - (killed or 0) + perpetrators)
    best_report = max(reports, key=lambda r: (r.killed or -1, len(r.by_group)))
    by_group = max((r.by_group for r in reports), key=len)
    if len(set(killed_values)) <= 1 and killed == (killed_values[0] if killed_values else None):
        rule = "single figure"
    elif killed_values and killed == max(killed_values):
        rule = "largest of consistent reports"
    else:
        rule = "largest report, with the victims reported on top of it and the perpetrator"
    return Fatalities(
        killed=killed,
        injured=injured,
        qualifier=best_report.qualifier,
        by_group=dict(by_group),
        low=min(killed_values) if killed_values else None,
        best=killed,
        high=max([*killed_values, killed]) if killed is not None else None,
        reconciliation=rule,
        reports=tuple(reports),
    )


# Events whose toll is news of what happened; a negated, planned or hypothetical act
# killed no one yet.
TOLL_MODALITIES = frozenset({"asserted", "claimed"})


# An event dated only to a year ("nine officers have been shot this year") tells a count
# over a period, not the incident's toll.
PERIOD_PRECISIONS = frozenset({"year"})


def article_toll(events: Sequence[Event]) -> tuple[int | None, int | None]:
    """One article's incident toll: (killed, injured), None where it gives no figure.

    Every toll report of the article's current events, reconciled as one incident's
    (`reconcile`): an article tells of one incident in several events ("opened fire",
    "killing two", "wounding a third", "he died in hospital") whose tolls are reports of
    that incident, not parts to add up. Background (historical) events and acts that did
    not happen (negated, planned, threatened) do not count, nor counts over a year.
    """
    reports: list[TollReport] = []
    seen: set[tuple[str, str, int | None, int | None]] = set()
    for event in events:
        toll = event.fatalities
        if toll is None or event.historical or event.modality not in TOLL_MODALITIES \
                or event.date_precision in PERIOD_PRECISIONS:
            continue
        for report in toll.reports:
            key = (report.doc_id, report.sentence, report.killed, report.injured)
            if key not in seen:
                seen.add(key)
                reports.append(report)
    fused = reconcile(reports)
    return (fused.killed, fused.injured) if fused is not None else (None, None)
