"""The dashboard's reads: the news newest first, background apart, and the counts its
charts draw, with each interaction's kind (cooperation or conflict).

A *scope* splits the store in two: `news` is what happened on a known day and was
reported as such; `background` is history told in passing (`historical`) and events
without a day. `all` is both. Every read here takes the same `EventFilter` as the rest
of the API plus a scope, so the table, the timeline, the map and the network of the
page describe the same events.

Interactions are grouped by GDELT's quad classes of the CAMEO roots (`goldstein.tsv`,
the table the GDELT export uses): 1 and 2 are cooperation (verbal, material), 3 and 4
conflict. The roots of each class reach DuckDB as parameters; the SQL is constant.
"""
from __future__ import annotations

import enum
import functools
import json
from typing import Any

from ..export import CameoScales
from ..store import EventFilter, Store
from .reads import _run, _selected

# The default period of the timeline: the latest days that have events, this many of
# them (on a store fed every day, the last month; on a sparse one, enough to show).
PERIOD_DAYS = 30
QUAD_LABELS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
COOPERATION = (1, 2)
CONFLICT = (3, 4)


class Scope(str, enum.Enum):
    news = "news"
    background = "background"
    all = "all"


# Constant SQL per scope; an undated event is background whatever its `historical` says.
_SCOPE_SQL = {
    Scope.news: ('"date" IS NOT NULL', "historical IS NOT TRUE"),
    Scope.background: ('("date" IS NULL OR historical)',),
    Scope.all: (),
}
_NEWS = "(\"date\" IS NOT NULL AND historical IS NOT TRUE)"


@functools.lru_cache(maxsize=1)
def quad_roots() -> dict[int, list[str]]:
    """The CAMEO roots of each quad class, from goldstein.tsv."""
    roots: dict[int, list[str]] = {quad: [] for quad in QUAD_LABELS}
    for root, quad in sorted(CameoScales.load().quad_class.items()):
        roots[quad].append(root)
    return roots


def _quad_case() -> tuple[str, list[Any]]:
    """A SQL expression giving an event's quad class (NULL for a root goldstein.tsv lacks)."""
    roots = quad_roots()
    sql = "CASE " + " ".join(f"WHEN list_contains(?, root) THEN {quad}" for quad in QUAD_LABELS) + " END"
    return sql, [roots[quad] for quad in QUAD_LABELS]


def _kinds() -> tuple[str, str, list[Any]]:
    """SQL counting an event as cooperation and as conflict, with their parameters."""
    roots = quad_roots()
    cooperation = [root for quad in COOPERATION for root in roots[quad]]
    conflict = [root for quad in CONFLICT for root in roots[quad]]
    return ("count(*) FILTER (WHERE list_contains(?, root))", "count(*) FILTER (WHERE list_contains(?, root))",
            [cooperation, conflict])


def kind(cooperation: int, conflict: int) -> str:
    """What a link mostly is: `cooperation`, `conflict`, or `mixed` when neither leads
    (or, for roots outside both, `other`)."""
    if cooperation > conflict:
        return "cooperation"
    if conflict > cooperation:
        return "conflict"
    return "mixed" if cooperation else "other"


def _class_kind(quad: int | None) -> str:
    return "cooperation" if quad in COOPERATION else "conflict" if quad in CONFLICT else "other"


def events(store: Store, filters: EventFilter, scope: Scope, *, limit: int, offset: int) -> dict[str, Any]:
    """A page of the scope's events, newest first (undated last), then by id, with the total."""
    where, params = _selected(filters, *_SCOPE_SQL[scope])
    total = _run(store, f"SELECT count(*) FROM events{where}", params)[0][0]
    # The page is chosen on (id, date) alone and its records read after: sorting the
    # records themselves costs four times as much at offset 90,000 of 100,000.
    rows = _run(store, f"""
        WITH page AS (SELECT id, "date" FROM events{where} ORDER BY "date" DESC NULLS LAST, id LIMIT ? OFFSET ?)
        SELECT record FROM page JOIN events USING (id) ORDER BY page."date" DESC NULLS LAST, id
    """, [*params, limit, offset])
    return {"total": total, "limit": limit, "offset": offset, "scope": scope.value,
            "events": [json.loads(record) for (record,) in rows]}


def timeline(store: Store, filters: EventFilter, scope: Scope) -> dict[str, Any]:
    """Events per day and quad class; how many are undated; how many of the selection
    are news and background (the other filters applied, scope aside); and the default
    period: the last PERIOD_DAYS days that have events."""
    case, case_params = _quad_case()
    where, params = _selected(filters, *_SCOPE_SQL[scope], '"date" IS NOT NULL')
    rows = _run(store, f"""
        SELECT strftime("date", '%Y-%m-%d') AS day, {case} AS quad, count(*) FROM events{where}
        GROUP BY day, quad ORDER BY day, quad
    """, [*case_params, *params])
    where, params = _selected(filters, *_SCOPE_SQL[scope], '"date" IS NULL')
    undated = _run(store, f"SELECT count(*) FROM events{where}", params)[0][0]
    where, params = _selected(filters)
    news, background = _run(store, f"SELECT count(*) FILTER (WHERE {_NEWS}), count(*) FILTER (WHERE NOT {_NEWS}) "
                                   f"FROM events{where}", params)[0]
    quads = sorted({quad for _, quad, _ in rows}, key=lambda q: (q is None, q))
    column = {quad: i for i, quad in enumerate(quads)}
    days: dict[str, list[int]] = {}
    for day, quad, n in rows:
        days.setdefault(day, [0] * len(quads))[column[quad]] = n
    dates = list(days)
    period = {"since": dates[-PERIOD_DAYS:][0], "until": dates[-1]} if dates else None
    return {
        "classes": [{"quad": quad, "label": QUAD_LABELS[quad] if quad else "unclassified", "kind": _class_kind(quad)}
                    for quad in quads],
        "days": [{"date": day, "counts": counts} for day, counts in days.items()],
        "undated": undated,
        "scopes": {"news": news, "background": background},
        "period": period,
    }


def network(store: Store, filters: EventFilter, scope: Scope, *, limit: int) -> dict[str, list[dict[str, Any]]]:
    """The `limit` heaviest (source, target) pairs of the scope's events, each with how
    many of its events are cooperation and conflict and what it mostly is; and their
    actors, weighted by the events of their links."""
    cooperation, conflict, kind_params = _kinds()
    where, params = _selected(filters, *_SCOPE_SQL[scope], "source_code IS NOT NULL", "target_code IS NOT NULL",
                              "source_code <> target_code")
    # The names (the most common per code) are looked up for the chosen pairs only:
    # half the time of taking them for every pair.
    rows = _run(store, f"""
        WITH chosen AS (SELECT source_code, target_code, source_name, target_name, root FROM events{where}),
        pairs AS (
            SELECT source_code, target_code, count(*) AS n, {cooperation} AS cooperation, {conflict} AS conflict
            FROM chosen GROUP BY source_code, target_code ORDER BY n DESC, source_code, target_code LIMIT ?
        )
        SELECT pairs.source_code, pairs.target_code, n, cooperation, conflict, mode(source_name), mode(target_name)
        FROM pairs JOIN chosen USING (source_code, target_code)
        GROUP BY ALL ORDER BY n DESC, pairs.source_code, pairs.target_code
    """, [*params, *kind_params, limit])
    nodes: dict[str, dict[str, Any]] = {}
    links = []
    for source, target, weight, coop, confl, source_name, target_name in rows:
        links.append({"source": source, "target": target, "events": weight, "cooperation": coop,
                      "conflict": confl, "kind": kind(coop, confl)})
        for code, name in ((source, source_name), (target, target_name)):
            node = nodes.setdefault(code, {"code": code, "name": name, "events": 0})
            node["events"] += weight
    ordered = sorted(nodes.values(), key=lambda node: (-node["events"], node["code"]))
    return {"nodes": ordered, "links": links}


def places(store: Store, filters: EventFilter, scope: Scope, *, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Events and deaths per country of their location, and the `limit` busiest located
    places with theirs (`killed`: the sum of the events' tolls, 0 when none gave one)."""
    where, params = _selected(filters, *_SCOPE_SQL[scope], "country IS NOT NULL")
    countries = _run(store, f"SELECT country, count(*) AS n, coalesce(sum(killed), 0) FROM events{where} "
                            "GROUP BY country ORDER BY n DESC, country", params)
    where, params = _selected(filters, *_SCOPE_SQL[scope], "lat IS NOT NULL", "lon IS NOT NULL")
    points = _run(store, f"""
        SELECT location_name, country, admin1, lat, lon, count(*) AS n, coalesce(sum(killed), 0) FROM events{where}
        GROUP BY location_name, country, admin1, lat, lon ORDER BY n DESC, location_name NULLS LAST LIMIT ?
    """, [*params, limit])
    return {
        "countries": [{"country": country, "events": n, "killed": int(killed)} for country, n, killed in countries],
        "places": [
            {"name": name, "country": country, "admin1": admin1, "lat": lat, "lon": lon, "events": n,
             "killed": int(killed)}
            for name, country, admin1, lat, lon, n, killed in points
        ],
    }
