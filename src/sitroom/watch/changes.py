"""Which events a store write stored or changed, told from the store alone.

Every writer (`sitroom ingest`, `sitroom watch`, POST /api/articles) stamps the articles
it writes with `ingested_at`, in the transaction that fuses their events. So "what
changed since I last looked" is: the events with evidence from articles stamped after
the latest stamp seen then. That needs no cooperation from the writers, and a reader in
another process (the dashboard's server) can ask it with one cheap query.

    mark = latest_mark(store)                      # remember where we are
    ...
    changed = changes_since(store, mark)           # Changes(event_ids, count, mark)
"""
from __future__ import annotations

from dataclasses import dataclass

from ..store import Store
from .state import run_sql

# At most this many ids are named per change (a large ingest touches thousands; the
# count says how many, and a page reloads its view either way).
MAX_IDS = 500
_MARK = "strftime(max(ingested_at), '%Y-%m-%d %H:%M:%S.%f')"


@dataclass(frozen=True)
class Changes:
    event_ids: tuple[str, ...]  # sorted, at most the limit asked for
    count: int  # events stored or changed, all of them
    mark: str | None  # the latest stamp now; pass it to the next call


def latest_mark(store: Store) -> str | None:
    """The stamp of the latest write (None for an empty store)."""
    return run_sql(store, f"SELECT {_MARK} FROM articles")[0][0]


def changes_since(store: Store, mark: str | None, *, limit: int | None = MAX_IDS) -> Changes:
    """The events that articles written after `mark` brought evidence to (None: since the start)."""
    newest = latest_mark(store)
    if newest is None or newest == mark:
        return Changes((), 0, mark if newest is None else newest)
    since = mark or "0001-01-01 00:00:00"
    rows = run_sql(store, """
        SELECT DISTINCT evidence.event_id FROM evidence JOIN articles ON articles.id = evidence.article_id
        WHERE articles.ingested_at > CAST(? AS TIMESTAMP) AND articles.ingested_at <= CAST(? AS TIMESTAMP)
        ORDER BY 1
    """, [since, newest])
    ids = [event_id for (event_id,) in rows]
    return Changes(tuple(ids[:limit]), len(ids), newest)
