"""A batch's look-ups by a column with no index read the rows they find, not every row: a
look-up of members by seq, or of pairs by their ends, reads the JSON of the members and
pairs it finds, however many the store holds (a `list_contains` filter there sat above a
scan that read every record of the table first: docs/performance.md, ninth pass)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from sitroom.store import Store

from test_store import make_article, make_event

# The store's other members and pairs, which a batch must not read: far more than it looks up.
OTHERS = 20000
# JSON columns of the tables looked up by columns with no index: what a scan must not read whole.
JSON_COLUMNS = {"members": ("record", "decision"), "member_edges": ("match",)}
REPORT = ("Soldiers of the Western Brigade shelled Umbra and Tessel on Sunday, the governor of Umbra said. "
          "The governor said Umbra Hospital took in 21 wounded from Tessel and Marrow.")


class Recording:
    """A connection that keeps every SELECT it runs, with its parameters."""

    def __init__(self, con: Any) -> None:
        self._con = con
        self.selects: list[tuple[str, list]] = []

    def execute(self, sql: str, params: list | None = None) -> Any:
        if sql.lstrip().upper().startswith("SELECT"):
            self.selects.append((sql, params))
        return self._con.execute(sql, params) if params is not None else self._con.execute(sql)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


def _boxes(plan: str) -> list[str]:
    """The text of each operator's box in an EXPLAIN ANALYZE rendering (boxes stand side
    by side: each is read from its own columns)."""
    lines = plan.splitlines()
    boxes = []
    for i, line in enumerate(lines):
        for top in re.finditer("╭─", line):
            left, right = top.start(), line.index("╮", top.start())
            body = [line[left:right + 1]]
            for below in lines[i + 1:]:
                if len(below) <= left or below[left] not in "│╰":
                    break
                body.append(below[left:right + 1])
                if below[left] == "╰":
                    break
            boxes.append("\n".join(body))
    return boxes


def _json_scans(plan: str) -> list[tuple[str, int]]:
    """(table, rows it gave) for each scan of `JSON_COLUMNS`' tables that reads one of
    their JSON columns, from an EXPLAIN ANALYZE rendering."""
    found = []
    for box in _boxes(plan):
        table = re.search(r"Table: \w+\.main\.(\w+)", box)
        if not table or table.group(1) not in JSON_COLUMNS:
            continue
        projected = box.split("Projections:")[-1].split("Filters:")[0]  # one column a line when they are many
        if any(re.search(rf"\b{column}\b", projected) for column in JSON_COLUMNS[table.group(1)]):
            found.append((table.group(1), int(re.findall(r"([\d,]+) rows?", box)[-1].replace(",", ""))))
    return found


@pytest.fixture
def crowded() -> Iterator[Store]:
    """A store holding the first report of a story, then OTHERS members and pairs of other
    stories: the later reports' look-ups name members stored before and after those."""
    store = Store.open(":memory:")
    _write_reports(store, range(1))
    con = store._con
    con.execute("INSERT INTO members SELECT 'o' || i, 'other' || i, 'o' || i, nextval('member_seq'), "
                "'{\"id\": \"o\"}', '{\"rule\": \"founded\"}', '19', DATE '2020-01-01', 'XXX/o/o' "
                "FROM range(?) r(i)", [OTHERS])
    con.execute("INSERT INTO member_edges SELECT seq, seq + 1, 0.9, '{\"score\": 0.9}' FROM members "
                "WHERE id LIKE 'o%' AND seq % 2 = 0")
    yield store
    store.close()


def _write_reports(store: Store, which: range) -> None:
    """Reports of one shelling, each batch its own: the later ones are scored against the
    earlier ones' members, pairs are stored and events formed again."""
    for i in which:
        article, sentences = make_article(f"r{i}", [REPORT], published="2025-05-04")
        event = make_event(f"e{i}", article, sentences[0], date="2025-05-04",
                           place=("Umbra", "SDN", 11.2, 29.1))
        store.add_articles([(article, sentences, [event])])


def test_a_batch_reads_the_json_of_the_members_and_pairs_it_finds_only(crowded: Store) -> None:
    real = crowded._con
    recording = Recording(real)
    crowded._con = recording
    try:
        _write_reports(crowded, range(1, 3))
    finally:
        crowded._con = real
    assert real.execute("SELECT count(DISTINCT event_id) FROM members WHERE article_id LIKE 'r%'").fetchone() == (1,)
    read = []
    for sql, params in recording.selects:
        if "members" not in sql and "member_edges" not in sql:
            continue
        plan = real.execute("EXPLAIN ANALYZE " + sql, params).fetchall()[0][1]
        read.extend((table, rows, " ".join(sql.split())[:90]) for table, rows in _json_scans(plan))
    assert {table for table, _, _ in read} == set(JSON_COLUMNS)  # the batch's look-ups of both were seen ...
    assert [(table, rows, sql) for table, rows, sql in read if rows >= OTHERS / 2] == []  # ... none read them all

