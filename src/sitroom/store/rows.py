"""The rows of the store's tables: their columns in insert order and one bulk insert per
table, shared by the Store's writes and fusion's (store/database.py, store/fusion.py).
"""
from __future__ import annotations

import json
from typing import Any

import duckdb

# (column, SQL type) per table, in insert order. Types drive the list casts of the bulk
# insert: JSON travels as text, DATE as text that TRY_CAST turns into a date or NULL.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "VARCHAR"), ("content_hash", "VARCHAR"), ("title", "VARCHAR"), ("outlet", "VARCHAR"),
        ("published", "VARCHAR"), ("published_inferred", "BOOLEAN"), ("url", "VARCHAR"),
        ("language", "VARCHAR"), ("source", "VARCHAR"), ("notes", "JSON"), ("furniture", "JSON"),
        ("text", "VARCHAR"), ("ingested_at", "TIMESTAMP"),
    ),
    "sentences": (("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start", "INTEGER"), ("end", "INTEGER"),
                  ("text", "VARCHAR")),
    "events": (
        ("id", "VARCHAR"), ("event_code", "VARCHAR"), ("root", "VARCHAR"), ("event_label", "VARCHAR"),
        ("plover_type", "VARCHAR"), ("acled_event_type", "VARCHAR"), ("acled_sub_event_type", "VARCHAR"),
        ("source_code", "VARCHAR"), ("source_name", "VARCHAR"), ("target_code", "VARCHAR"),
        ("target_name", "VARCHAR"), ("source_country", "VARCHAR"), ("target_country", "VARCHAR"),
        ("date", "DATE"), ("date_precision", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
        ("location_name", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("killed", "INTEGER"),
        ("attribution", "VARCHAR"), ("modality", "VARCHAR"), ("historical", "BOOLEAN"),
        ("confidence", "DOUBLE"), ("rule", "VARCHAR"),
        ("disorder_type", "VARCHAR"), ("inter1", "INTEGER"), ("inter2", "INTEGER"), ("interaction", "INTEGER"),
        ("civilian_targeting", "VARCHAR"), ("acled_rule", "VARCHAR"),
        ("record", "JSON"),
    ),
    "evidence": (
        ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("outlet", "VARCHAR"),
        ("sentence", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"), ("published", "VARCHAR"),
        ("title", "VARCHAR"), ("url", "VARCHAR"), ("member_id", "VARCHAR"),
    ),
    "members": (("id", "VARCHAR"), ("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("seq", "BIGINT"),
                ("record", "JSON"), ("decision", "JSON")),
}


def _bulk_insert_sql(table: str) -> str:
    """One INSERT that takes a list per column and unnests them into rows (far faster
    than executemany, which runs the statement once per row)."""
    columns = COLUMNS[table]
    names = ", ".join(f'"{name}"' for name, _ in columns)
    lists = ", ".join(
        f"unnest(?::{'VARCHAR' if kind in ('JSON', 'DATE') else kind}[]) AS c{i}"
        for i, (_, kind) in enumerate(columns)
    )
    values = ", ".join(
        f"c{i}::JSON" if kind == "JSON" else f"TRY_CAST(c{i} AS DATE)" if kind == "DATE" else f"c{i}"
        for i, (_, kind) in enumerate(columns)
    )
    conflict = " ON CONFLICT DO NOTHING" if table == "evidence" else ""
    return f"INSERT INTO {table} ({names}) SELECT {values} FROM (SELECT {lists}){conflict}"


INSERT = {table: _bulk_insert_sql(table) for table in COLUMNS}


def event_row(record: dict[str, Any]) -> tuple[Any, ...]:
    """The events columns of a (fused) record, `record` last."""
    source, target = record.get("source_actor") or {}, record.get("target_actor") or {}
    place, toll = record.get("location") or {}, record.get("fatalities") or {}
    return (
        record["id"], record["event_code"], record["event_code"][:2], record.get("event_label"),
        record.get("plover_type"), record.get("acled_event_type"), record.get("acled_sub_event_type"),
        source.get("code"), source.get("name"), target.get("code"), target.get("name"),
        source.get("country"), target.get("country"),
        record.get("date"), record.get("date_precision"),
        place.get("country"), place.get("admin1"), place.get("name"), place.get("lat"), place.get("lon"),
        toll.get("killed"),
        record.get("attribution"), record.get("modality"), record.get("historical"), record.get("confidence"),
        record.get("rule"),
        record.get("disorder_type"), _int(record.get("inter1")), _int(record.get("inter2")),
        _int(record.get("interaction")), record.get("civilian_targeting"), record.get("acled_rule"),
        _json(record),
    )


def _int(value: Any) -> int | None:
    """An integer column's value: a record from elsewhere may hold anything there."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        con.execute(INSERT[table], [list(column) for column in zip(*rows)])


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
