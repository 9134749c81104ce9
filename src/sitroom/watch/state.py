"""The watch's own tables in the store: sources, the URL ledger, alerts and marks.

    prepare(store)                       create the tables (idempotent; on every watch start)
    load_states / save_states            per source: last and next poll, validators, failures
    known_urls / record_urls             the ledger: every URL the watch fetched, and how it went
    sources(store)                       every source's health (`sitroom sources`, /api/sources)

The tables live beside the store's own (docs/watch.md describes each column) and are
created by the watch, not by a store migration: a store that was never watched has none,
and every reader here answers as if they were empty. Timestamps are UTC, as in the rest
of the store. Every statement is constant SQL with parameters.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import duckdb

from ..errors import StoreError
from ..store import Store
from .config import Source

TABLES = (
    """
    CREATE TABLE IF NOT EXISTS watch_sources (
        url VARCHAR PRIMARY KEY,
        kind VARCHAR,
        every DOUBLE NOT NULL,
        last_poll TIMESTAMP,
        next_poll TIMESTAMP,
        etag VARCHAR,
        last_modified VARCHAR,
        failures INTEGER NOT NULL,
        last_status INTEGER,
        last_error VARCHAR,
        items BIGINT NOT NULL,
        polls BIGINT NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS watch_urls (
        url VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        article_id VARCHAR,
        attempts INTEGER NOT NULL,
        last_error VARCHAR,
        seen_at TIMESTAMP NOT NULL,
        done_at TIMESTAMP NOT NULL
    )
    """,
    "CREATE SEQUENCE IF NOT EXISTS watch_alert_seq START 1",
    """
    CREATE TABLE IF NOT EXISTS watch_alerts (
        id BIGINT PRIMARY KEY,
        rule VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        raised_at TIMESTAMP NOT NULL,
        summary VARCHAR NOT NULL,
        killed INTEGER,
        outlets INTEGER NOT NULL,
        pending JSON NOT NULL,
        attempts INTEGER NOT NULL,
        last_error VARCHAR
    )
    """,
    "CREATE INDEX IF NOT EXISTS watch_alerts_event ON watch_alerts (event_id)",
    "CREATE TABLE IF NOT EXISTS watch_marks (name VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)",
)
WATCH_TABLES = frozenset({"watch_sources", "watch_urls", "watch_alerts", "watch_marks"})

# Ledger statuses: what became of a URL. "retry" is the only one fetched again (a
# timeout, a 5xx: the page may answer later), at most MAX_ATTEMPTS times in all.
STORED, DUPLICATE, FAILED, RETRY = "stored", "duplicate", "failed", "retry"
MAX_ATTEMPTS = 3


@dataclass(frozen=True, kw_only=True)
class SourceState:
    url: str
    kind: str | None
    every: float
    last_poll: dt.datetime | None = None
    next_poll: dt.datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    last_status: int | None = None
    last_error: str | None = None
    items: int = 0  # articles stored from it
    polls: int = 0

    @property
    def health(self) -> str:
        if self.last_poll is None:
            return "pending"
        return "failing" if self.failures else "ok"

    def to_dict(self) -> dict[str, Any]:
        """The object of /api/sources and `sitroom sources --json`."""
        return {"url": self.url, "kind": self.kind or guess_kind(self.url), "every": self.every, "last_poll": iso(self.last_poll),
                "next_poll": iso(self.next_poll), "last_status": self.last_status, "last_error": self.last_error,
                "failures": self.failures, "items": self.items, "health": self.health}


@dataclass(frozen=True, kw_only=True)
class LedgerEntry:
    url: str
    source: str
    status: str
    article_id: str | None
    attempts: int
    last_error: str | None
    seen_at: dt.datetime
    done_at: dt.datetime


def guess_kind(url: str) -> str:
    """A source's kind before its first answer says: by the look of its address."""
    path = urlsplit(url).path.lower()
    if "sitemap" in path:
        return "sitemap"
    if path.endswith((".xml", ".rss", ".atom", "/rss", "/feed", "/atom")):
        return "feed"
    return "listing"


def iso(moment: dt.datetime | None) -> str | None:
    """A stored UTC timestamp as ISO 8601 with its zone: "2025-03-15T10:04:05Z"."""
    return None if moment is None else moment.replace(microsecond=0).isoformat() + "Z"


def connection(store: Store) -> duckdb.DuckDBPyConnection:
    # The Store has no public SQL surface; the watch's tables are its own, so it borrows
    # the connection for one call, as the server's aggregate reads do.
    return store._con


def run_sql(store: Store, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    """One constant statement with parameters on the store's connection; its rows."""
    try:
        return connection(store).execute(sql, list(params)).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def prepare(store: Store) -> None:
    """Create the watch's tables where they are missing (one transaction)."""
    con = connection(store)
    try:
        con.execute("BEGIN TRANSACTION")
        for statement in TABLES:
            con.execute(statement)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot create the watch's tables: {exc}") from exc


def has_tables(store: Store) -> bool:
    rows = run_sql(store, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                       "AND starts_with(table_name, 'watch_')")
    return WATCH_TABLES <= {name for (name,) in rows}


# -- sources ---------------------------------------------------------------------------------

_STATE_COLUMNS = ("url, kind, every, last_poll, next_poll, etag, last_modified, failures, last_status, last_error, "
                  "items, polls")


def load_states(store: Store) -> dict[str, SourceState]:
    rows = run_sql(store, f"SELECT {_STATE_COLUMNS} FROM watch_sources ORDER BY url")
    return {row[0]: _state(row) for row in rows}


def _state(row: tuple[Any, ...]) -> SourceState:
    (url, kind, every, last_poll, next_poll, etag, last_modified, failures, last_status, last_error, items,
     polls) = row
    return SourceState(url=url, kind=kind, every=every, last_poll=last_poll, next_poll=next_poll, etag=etag,
                       last_modified=last_modified, failures=failures, last_status=last_status,
                       last_error=last_error, items=items, polls=polls)


def sync_sources(store: Store, sources: Sequence[Source]) -> dict[str, SourceState]:
    """Make the table list exactly the sources of the file, keeping what is known of each:
    a source that left the file goes; a new one is pending; one whose interval shrank
    is due no later than its last poll plus the new interval. Returns the states."""
    known = load_states(store)
    wanted = {source.url: source for source in sources}
    states: dict[str, SourceState] = {}
    for url, source in wanted.items():
        old = known.get(url)
        if old is None:
            states[url] = SourceState(url=url, kind=source.kind, every=source.every)
            continue
        due = old.next_poll
        if old.last_poll is not None and not old.failures:
            shortened = old.last_poll + dt.timedelta(seconds=source.every)
            due = shortened if due is None else min(due, shortened)
        states[url] = SourceState(**{**_fields(old), "kind": source.kind or old.kind, "every": source.every,
                                     "next_poll": due})
    con = connection(store)
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM watch_sources WHERE NOT list_contains(?, url)", [list(wanted)])
        _upsert_states(con, states.values())
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot record the sources: {exc}") from exc
    return states


def _fields(state: SourceState) -> dict[str, Any]:
    return {name: getattr(state, name) for name in state.__dataclass_fields__}


def save_states(store: Store, states: Iterable[SourceState]) -> None:
    con = connection(store)
    try:
        con.execute("BEGIN TRANSACTION")
        _upsert_states(con, states)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot record the sources' state: {exc}") from exc


def _upsert_states(con: duckdb.DuckDBPyConnection, states: Iterable[SourceState]) -> None:
    rows = [(s.url, s.kind, s.every, s.last_poll, s.next_poll, s.etag, s.last_modified, s.failures, s.last_status,
             s.last_error, s.items, s.polls) for s in states]
    if not rows:
        return
    con.executemany(
        f"INSERT INTO watch_sources ({_STATE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (url) DO UPDATE SET kind = excluded.kind, every = excluded.every, "
        "last_poll = excluded.last_poll, next_poll = excluded.next_poll, etag = excluded.etag, "
        "last_modified = excluded.last_modified, failures = excluded.failures, last_status = excluded.last_status, "
        "last_error = excluded.last_error, items = excluded.items, polls = excluded.polls",
        rows)


def sources(store: Store) -> list[SourceState]:
    """Every watched source with its state, by URL; empty when the store was never watched."""
    if not has_tables(store):
        return []
    return list(load_states(store).values())


# -- the URL ledger --------------------------------------------------------------------------


def known_urls(store: Store, urls: Sequence[str]) -> dict[str, tuple[str, int]]:
    """The ledger's (status, attempts) of those of `urls` it holds."""
    if not urls:
        return {}
    rows = run_sql(store, "SELECT url, status, attempts FROM watch_urls WHERE list_contains(?, url)", [list(urls)])
    return {url: (status, attempts) for url, status, attempts in rows}


def record_urls(store: Store, entries: Sequence[LedgerEntry]) -> None:
    if not entries:
        return
    rows = [(e.url, e.source, e.status, e.article_id, e.attempts, e.last_error, e.seen_at, e.done_at) for e in entries]
    con = connection(store)
    try:
        con.execute("BEGIN TRANSACTION")
        con.executemany(
            "INSERT INTO watch_urls (url, source, status, article_id, attempts, last_error, seen_at, done_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET status = excluded.status, "
            "article_id = excluded.article_id, attempts = excluded.attempts, last_error = excluded.last_error, "
            "done_at = excluded.done_at", rows)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: cannot record fetched URLs: {exc}") from exc


def settled(status: str, attempts: int) -> bool:
    """Whether a ledger entry is final: never fetched again."""
    return status != RETRY or attempts >= MAX_ATTEMPTS


# -- marks -----------------------------------------------------------------------------------


def mark(store: Store, name: str) -> str | None:
    rows = run_sql(store, "SELECT value FROM watch_marks WHERE name = ?", [name])
    return rows[0][0] if rows else None


def set_mark(store: Store, name: str, value: str) -> None:
    run_sql(store, "INSERT INTO watch_marks (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value", [name, value])
