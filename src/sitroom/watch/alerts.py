"""Alert rules against fused events: when a rule fires, and the alerts it leaves in the store.

A rule (`config.AlertRule`) fires once for a fused event that matches it, and again
only when that event changes materially:

    "new"                           the first time the event matches the rule
    "toll rose"                     its toll (fatalities.killed) is higher than at any earlier alert
    "confirmed by another outlet"   more outlets report it than at any earlier alert

Anything else (a new sentence from an outlet already counted, a lower toll, a typo fixed)
fires nothing. The watch asks `evaluate` after every write it makes, and every few
seconds for writes by others (`sitroom ingest`, POST /api/articles), for the events
those writes stored or changed (`changes.changes_since`). Each alert is stored in
`watch_alerts` (the dashboard reads it there) with the deliveries still owed to it (a
file, a webhook), in the transaction that moves the watch's mark, so an alert is neither
lost nor decided twice however the process ends.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import duckdb

from ..errors import StoreError
from ..store import Store
from ..store.schema import utc_now
from .changes import changes_since
from .config import AlertRule
from .state import connection, has_tables, iso, mark, run_sql, set_mark

NEW, TOLL_ROSE, CONFIRMED = "new", "toll rose", "confirmed by another outlet"
MARK = "alerts"  # watch_marks: the latest write whose events were judged
FILE, WEBHOOK = "file", "webhook"
# Records judged per query: a large ingest may change thousands of events at once.
RECORD_PAGE = 500


@dataclass(frozen=True, kw_only=True)
class Alert:
    rule: str
    event_id: str
    reason: str
    at: dt.datetime
    summary: str
    killed: int | None
    outlets: int
    id: int | None = None  # given by the store

    def to_dict(self) -> dict[str, Any]:
        """The object of the `alert` stream event, /api/alerts and every delivery."""
        return {"id": self.id, "rule": self.rule, "event_id": self.event_id, "reason": self.reason,
                "at": iso(self.at), "summary": self.summary, "killed": self.killed, "outlets": self.outlets}


def outlets(record: dict[str, Any]) -> int:
    """How many outlets report the event: distinct outlet names of its evidence; an
    article that names no outlet counts as one of its own."""
    names = set()
    for evidence in record.get("evidence") or []:
        outlet = (evidence.get("outlet") or "").strip().lower()
        names.add(f"outlet:{outlet}" if outlet else f"article:{evidence.get('doc_id')}")
    return max(len(names), 1)


def killed(record: dict[str, Any]) -> int | None:
    value = (record.get("fatalities") or {}).get("killed")
    return value if isinstance(value, int) else None


def summary(record: dict[str, Any]) -> str:
    """One line: when, what, who against whom, where, the toll and how many outlets."""
    def actor(side: str) -> str | None:
        found = record.get(side) or {}
        return found.get("name") or found.get("code")

    place = record.get("location") or {}
    where = ", ".join(part for part in (place.get("name"), place.get("country")) if part)
    who = " against ".join(part for part in (actor("source_actor"), actor("target_actor")) if part)
    toll = killed(record)
    count = outlets(record)
    parts = [record.get("date") or "undated", f"{record.get('event_code')} {record.get('event_label') or ''}".strip(),
             who, f"in {where}" if where else "", f"{toll} killed" if toll is not None else "",
             f"{count} outlet{'s' if count != 1 else ''}"]
    return "; ".join(part for part in parts if part)


def decide(rules: Sequence[AlertRule], records: Sequence[dict[str, Any]],
           previous: dict[tuple[str, str], tuple[int | None, int]], now: dt.datetime) -> list[Alert]:
    """The alerts `records` raise: per rule and event, "new", or a material change since
    the highest toll and outlet count of its earlier alerts (`previous`)."""
    alerts = []
    for record in records:
        toll, count = killed(record), outlets(record)
        for rule in rules:
            if not rule.matches(record):
                continue
            before = previous.get((rule.name, record["id"]))
            if before is None:
                reason = NEW
            elif toll is not None and (before[0] is None or toll > before[0]):
                reason = TOLL_ROSE
            elif count > before[1]:
                reason = CONFIRMED
            else:
                continue
            alerts.append(Alert(rule=rule.name, event_id=record["id"], reason=reason, at=now,
                                summary=summary(record), killed=toll, outlets=count))
    return alerts


def begin(store: Store) -> None:
    """On a store the watch never judged: start judging from its latest write, so that what
    was stored before the first watch raises nothing (later starts go on from the mark)."""
    if mark(store, MARK) is None:
        set_mark(store, MARK, changes_since(store, None, limit=0).mark or "")


def evaluate(store: Store, rules: Sequence[AlertRule]) -> list[Alert]:
    """Judge the events written since the mark, store the alerts they raise with their
    pending deliveries, and move the mark, in one transaction."""
    started = mark(store, MARK)
    if started is None:
        begin(store)
        return []
    changes = changes_since(store, started or None, limit=None)
    if not changes.event_ids or not rules:
        if changes.mark and changes.mark != started:
            set_mark(store, MARK, changes.mark)
        return []
    records = _records(store, changes.event_ids)
    previous = _previous(store, [record["id"] for record in records])
    alerts = decide(rules, records, previous, utc_now())
    owed = {rule.name: [kind for kind, target in ((FILE, rule.file), (WEBHOOK, rule.webhook)) if target]
            for rule in rules}
    con = connection(store)
    stored: list[Alert] = []
    try:
        con.execute("BEGIN TRANSACTION")
        for alert in alerts:
            (number,) = con.execute("SELECT nextval('watch_alert_seq')").fetchone() or (0,)
            con.execute("INSERT INTO watch_alerts (id, rule, event_id, reason, raised_at, summary, killed, outlets, pending, "
                        "attempts, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL)",
                        [number, alert.rule, alert.event_id, alert.reason, alert.at, alert.summary, alert.killed,
                         alert.outlets, json.dumps(owed[alert.rule])])
            stored.append(replace(alert, id=int(number)))
        con.execute("INSERT INTO watch_marks (name, value) VALUES (?, ?) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value", [MARK, changes.mark or ""])
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot record alerts: {exc}") from exc
    return stored


def _records(store: Store, event_ids: Sequence[str]) -> list[dict[str, Any]]:
    records = []
    for start in range(0, len(event_ids), RECORD_PAGE):
        page = list(event_ids[start:start + RECORD_PAGE])
        rows = run_sql(store, "SELECT record FROM events WHERE list_contains(?, id) ORDER BY id", [page])
        records.extend(json.loads(record) for (record,) in rows)
    return records


def _previous(store: Store, event_ids: Sequence[str]) -> dict[tuple[str, str], tuple[int | None, int]]:
    if not event_ids:
        return {}
    rows = run_sql(store, "SELECT rule, event_id, max(killed), max(outlets) FROM watch_alerts "
                       "WHERE list_contains(?, event_id) GROUP BY rule, event_id", [list(event_ids)])
    return {(rule, event_id): (toll, count) for rule, event_id, toll, count in rows}


# -- what the store keeps of them ---------------------------------------------------------------

_ALERT_COLUMNS = "id, rule, event_id, reason, raised_at, summary, killed, outlets"


def _alert(row: tuple[Any, ...]) -> Alert:
    number, rule, event_id, reason, at, text, toll, count = row
    return Alert(id=number, rule=rule, event_id=event_id, reason=reason, at=at, summary=text, killed=toll,
                 outlets=count)


def latest(store: Store, *, limit: int, after: int | None = None) -> list[Alert]:
    """The latest alerts, newest first (only those with an id above `after`, if given);
    empty when the store was never watched."""
    if not has_tables(store):
        return []
    rows = run_sql(store, f"SELECT {_ALERT_COLUMNS} FROM watch_alerts WHERE ? IS NULL OR id > ? "
                       "ORDER BY id DESC LIMIT ?", [after, after, limit])
    return [_alert(row) for row in rows]


def newest_id(store: Store) -> int | None:
    if not has_tables(store):
        return None
    return run_sql(store, "SELECT max(id) FROM watch_alerts")[0][0]


def pending(store: Store) -> list[tuple[Alert, list[str], int]]:
    """Alerts with deliveries still owed: (alert, what is owed, attempts so far), oldest first."""
    rows = run_sql(store, f"SELECT {_ALERT_COLUMNS}, pending, attempts FROM watch_alerts "
                       "WHERE json_array_length(pending) > 0 ORDER BY id")
    return [(_alert(row[:8]), json.loads(row[8]), row[9]) for row in rows]


def settle(store: Store, alert_id: int, owed: Sequence[str], attempts: int, error: str | None) -> None:
    """Record what is still owed to an alert after a delivery attempt."""
    run_sql(store, "UPDATE watch_alerts SET pending = ?, attempts = ?, last_error = ? WHERE id = ?",
         [json.dumps(list(owed)), attempts, error, alert_id])


def event_records(store: Store, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in _records(store, event_ids)}
