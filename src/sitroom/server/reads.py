"""The dashboard's aggregate reads: actors, the actor network, places, the timeline.

`Store` answers record look-ups (`events`, `event`, `article`); the counts the page
draws are grouped here in DuckDB so that a store of 100,000 events sends the browser a
few kilobytes. Every query is constant SQL over the tables of docs/store.md; the
filter's values (the same `EventFilter` as `Store.events`, so the table and the charts
always agree) and the limits travel as parameters.
"""
from __future__ import annotations

from typing import Any

import duckdb

from ..errors import StoreError
from ..records import as_dict
from ..store import EventFilter, Store
from ..store.database import _where


def _connection(store: Store) -> duckdb.DuckDBPyConnection:
    # The Store has no public SQL surface; aggregates need one, so they borrow its
    # connection for the length of one request (it stays the Store's to close).
    return store._con


def _run(store: Store, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    try:
        return _connection(store).execute(sql, params).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: {exc}") from exc


def _selected(filters: EventFilter, *conditions: str) -> tuple[str, list[Any]]:
    """The WHERE clause of `filters` with `conditions` (constant SQL) added."""
    where, params = _where(filters)
    if conditions:
        where = (where + " AND " if where else " WHERE ") + " AND ".join(conditions)
    return where, params


def actors(store: Store, filters: EventFilter, *, limit: int) -> list[dict[str, Any]]:
    """The actors of the selected events by how many events they take part in."""
    where, params = _selected(filters)
    rows = _run(store, f"""
        WITH chosen AS (
            SELECT id, source_code, source_name, source_country, target_code, target_name, target_country
            FROM events{where}
        ), sides AS (
            SELECT id, source_code AS code, source_name AS name, source_country AS country, 1 AS src, 0 AS tgt
            FROM chosen WHERE source_code IS NOT NULL
            UNION ALL
            SELECT id, target_code, target_name, target_country, 0, 1 FROM chosen WHERE target_code IS NOT NULL
        )
        SELECT code, mode(name), mode(country), count(DISTINCT id), sum(src), sum(tgt)
        FROM sides GROUP BY code ORDER BY count(DISTINCT id) DESC, code LIMIT ?
    """, [*params, limit])
    return [
        {"code": code, "name": name, "country": country, "events": events, "as_source": int(src),
         "as_target": int(tgt)}
        for code, name, country, events, src, tgt in rows
    ]


def network(store: Store, filters: EventFilter, *, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Who acts on whom: the `limit` heaviest (source, target) pairs of the selected
    events, and their actors with the weight of their links."""
    where, params = _selected(filters, "source_code IS NOT NULL", "target_code IS NOT NULL",
                              "source_code <> target_code")
    rows = _run(store, f"""
        SELECT source_code, target_code, count(*) AS n, mode(source_name), mode(target_name)
        FROM events{where} GROUP BY source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT ?
    """, [*params, limit])
    nodes: dict[str, dict[str, Any]] = {}
    links = []
    for source, target, weight, source_name, target_name in rows:
        links.append({"source": source, "target": target, "events": weight})
        for code, name in ((source, source_name), (target, target_name)):
            node = nodes.setdefault(code, {"code": code, "name": name, "events": 0})
            node["events"] += weight
    ordered = sorted(nodes.values(), key=lambda node: (-node["events"], node["code"]))
    return {"nodes": ordered, "links": links}


def places(store: Store, filters: EventFilter, *, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Events per country of their location, and the `limit` busiest located places."""
    where, params = _selected(filters, "country IS NOT NULL")
    countries = _run(store, f"SELECT country, count(*) AS n FROM events{where} GROUP BY country "
                            "ORDER BY n DESC, country", params)
    where, params = _selected(filters, "lat IS NOT NULL", "lon IS NOT NULL")
    points = _run(store, f"""
        SELECT location_name, country, admin1, lat, lon, count(*) AS n FROM events{where}
        GROUP BY location_name, country, admin1, lat, lon ORDER BY n DESC, location_name NULLS LAST LIMIT ?
    """, [*params, limit])
    return {
        "countries": [{"country": country, "events": n} for country, n in countries],
        "places": [
            {"name": name, "country": country, "admin1": admin1, "lat": lat, "lon": lon, "events": n}
            for name, country, admin1, lat, lon, n in points
        ],
    }


def timeline(store: Store, filters: EventFilter, labels: dict[str, str]) -> dict[str, Any]:
    """Events per day and CAMEO root: the roots present, then one row per day with a
    count per root (in the order of `roots`), and how many selected events are undated."""
    where, params = _selected(filters, '"date" IS NOT NULL')
    rows = _run(store, f"""
        SELECT strftime("date", '%Y-%m-%d') AS day, root, count(*) FROM events{where}
        GROUP BY day, root ORDER BY day, root
    """, params)
    where, params = _selected(filters, '"date" IS NULL')
    undated = _run(store, f"SELECT count(*) FROM events{where}", params)[0][0]
    roots = sorted({root for _, root, _ in rows})
    column = {root: i for i, root in enumerate(roots)}
    days: dict[str, list[int]] = {}
    for day, root, n in rows:
        days.setdefault(day, [0] * len(roots))[column[root]] = n
    return {
        "roots": [{"root": root, "label": labels.get(root, root)} for root in roots],
        "days": [{"date": day, "counts": counts} for day, counts in days.items()],
        "undated": undated,
    }


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """A stored article with its text (what evidence offsets point into), or None."""
    found = store.article(article_id)
    if found is None:
        return None
    fields = as_dict(found)
    fields.pop("source", None)  # a path on the machine that ingested it: not the reader's business
    return fields
