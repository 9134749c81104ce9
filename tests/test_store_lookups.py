"""The store's look-ups stay keyed as it grows: DuckDB's memory and threads are bounded,
each batch reads what it looks up through an index or a filter on the table itself (not a
join or an OR that reads every row), and a version-4 store is upgraded in place."""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import duckdb
import pytest

from sitroom import story
from sitroom.store import Store, story_print
from sitroom.store import database
from sitroom.store import fusion as store_fusion
from sitroom.store.schema import MIGRATIONS, SCHEMA_VERSION

from test_store import make_article, make_event

STORY = ("Rebels of the Northern Front shelled Kadugli and Dilling on Monday, said Ahmed Haroun. "
         "Governor Haroun said Kadugli Hospital took in 14 wounded from Dilling and Talodi. "
         "The Northern Front told Radio Dabanga that Kadugli Airport was its target.")


def _plan(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> str:
    return con.execute("EXPLAIN ANALYZE " + sql, params).fetchall()[0][1]


def _scans(plan: str, table: str) -> list[str]:
    """The scan types of `table` in an EXPLAIN ANALYZE rendering."""
    lines = plan.splitlines()
    found = []
    for i, line in enumerate(lines):
        if f"main.{table} " in line or f"main.{table}│" in line.replace(" ", ""):
            kind = next((re.search(r"Type: (\w+ Scan)", lines[j]) for j in range(i, min(i + 3, len(lines)))
                         if "Type:" in lines[j]), None)
            found.append(kind.group(1) if kind else "?")
    return found


def test_open_bounds_duckdb_memory_and_threads(tmp_path: Path) -> None:
    with duckdb.connect(config={"memory_limit": database.MEMORY_LIMIT}) as reference, duckdb.connect() as default:
        bounded = reference.execute("SELECT current_setting('memory_limit')").fetchone()
        unbounded = default.execute("SELECT current_setting('memory_limit')").fetchone()
    assert bounded != unbounded
    with Store.open(tmp_path / "s.duckdb") as store:
        assert store._con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone() \
            == (bounded[0], database.THREADS)
    with Store.open(tmp_path / "s.duckdb", read_only=True, memory_limit="64MB", threads=2) as store:
        limit, threads = store._con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
        assert limit.startswith("61") and threads == 2


def test_a_version_4_store_is_upgraded_and_its_bands_take_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "v4.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)")
        for version, statements in MIGRATIONS[:4]:
            for statement in statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [version])
        con.execute("INSERT INTO stories VALUES ('a', 'a', DATE '2025-03-10', 9, [1, 2]), ('b', 'b', NULL, 9, [1, 2])")
        con.execute("INSERT INTO story_bands VALUES (7, 'a'), (8, 'a'), (7, 'b')")
        con.execute("INSERT INTO story_links VALUES ('a', 'b', 0.5)")
    with Store.open(path) as store:
        con = store._con
        assert con.execute("SELECT max(version) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
        assert con.execute("SELECT article_id, band, strftime(published, '%Y-%m-%d') FROM story_bands "
                           "ORDER BY ALL").fetchall() == [("a", 7, "2025-03-10"), ("a", 8, "2025-03-10"), ("b", 7, None)]
        assert store_fusion.StoryIndex(con, None).linked(["b"]) == {"a": {"b": 0.5}, "b": {"a": 0.5}}


@pytest.fixture
def busy(tmp_path: Path) -> Store:
    """A store whose link and member tables hold many rows, so that DuckDB would rather
    scan them than look up, were a look-up not keyed."""
    store = Store.open(tmp_path / "busy.duckdb")
    con = store._con
    con.execute("INSERT INTO story_links SELECT 'x' || i, 'y' || i, 0.5 FROM range(20000) r(i)")
    con.execute("INSERT INTO members SELECT 'm' || i, 'x' || i, 'm' || i, i, '{}', '{}', '19', NULL, NULL "
                "FROM range(20000) r(i)")
    return store


def test_story_links_are_read_through_the_index_of_each_end(busy: Store) -> None:
    plan = _plan(busy._con, store_fusion._LINKS_OF.format(columns="a, b"), [["x5", "y7"], ["x5", "y7"]])
    assert _scans(plan, "story_links") == ["Index Scan", "Index Scan"]
    assert store_fusion.StoryIndex(busy._con, None).linked(["x5", "y7"]) == {
        "x5": {"y5": 0.5}, "y5": {"x5": 0.5}, "x7": {"y7": 0.5}, "y7": {"x7": 0.5}}


def test_members_are_read_by_id_through_an_index(busy: Store) -> None:
    plan = _plan(busy._con, f"{store_fusion._MEMBER_SELECT} WHERE list_contains(?, id)", [["m5", "m9"]])
    assert _scans(plan, "members") == ["Index Scan"]


def test_the_story_step_reads_the_bands_of_its_days_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[str, list]] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        real = store._con

        class Recording:
            def execute(self, sql: str, params: list | None = None):
                if "FROM story_bands" in sql:
                    seen.append((sql, params))
                return real.execute(sql, params) if params is not None else real.execute(sql)

            def __getattr__(self, name: str):
                return getattr(real, name)

        store._con = Recording()
        for i, day in enumerate(("2025-03-10", "2025-03-11", "2025-06-01")):
            article, sentences = make_article(f"a{i}", [STORY], published=day)
            store.add_articles([(article, sentences, [make_event(f"e{i}", article, sentences[0])])])
        store._con = real
        assert store.stories(["a0"]) == {"a0": ["a0", "a1"]}  # the June report is too late to join
        sql, params = seen[-1]
        plan = _plan(real, sql, params)
    assert "published" in plan.split("main.story_bands")[1].split("Dummy Scan")[0]  # a filter of the scan


def test_prints_made_ahead_are_stored_as_given() -> None:
    article, sentences = make_article("a", [STORY], published="2025-03-10")
    made = story_print(article)
    assert made == story.fingerprint(article.text, article.published, store_fusion.default_knowledge().story_stopwords)
    other = dataclasses.replace(made, signature=tuple(v + 1 for v in made.signature))
    with Store.open(":memory:") as store:
        store.add_articles([(article, sentences, [make_event("e", article, sentences[0])])], prints={"a": other})
        stored = store._con.execute("SELECT signature FROM stories WHERE article_id = 'a'").fetchone()[0]
    assert tuple(stored) == other.signature


def _add_batches(store: Store, ids: range) -> None:
    for i in ids:
        article, sentences = make_article(f"a{i}", [STORY], published="2025-03-10")
        store.add_articles([(article, sentences, [make_event(f"e{i}", article, sentences[0], date="2025-03-10",
                                                             place=("Kadugli", "SDN", 11.0, 29.7))])])


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[str]]:
    """The JSON texts store.fusion parses from here on: as members (`_parsed`), and the
    others (the records of the events rebuilt, which `fusion.fuse` takes as copies)."""
    as_member: list[str] = []
    other: list[str] = []
    real_loads = store_fusion.json.loads

    def counting(text: str, *args, **kwargs):
        (as_member if sys._getframe(1).f_code.co_name == "_parsed" else other).append(text)
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(store_fusion.json, "loads", counting)
    return as_member, other


def test_a_batch_parses_each_stored_member_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch reads its stories' members back several times (the story's members, the
    candidates, the events formed again, the leads): each record is parsed once for all
    of them, and once more for the event rebuilt from it (`fusion.fuse` takes copies)."""
    with Store.open(":memory:") as store:
        _add_batches(store, range(3))
        stored = {record for (record,) in store._con.execute("SELECT record FROM members").fetchall()}
        store_fusion._parsed.cache_clear()  # as if the three were stored by an earlier ingest
        as_member, other = _count_parses(monkeypatch)
        _add_batches(store, range(3, 4))
    read_back = [text for text in as_member + other if text in stored]
    assert len(set(read_back)) == 3  # every stored member was read back ...
    assert len(read_back) == 2 * 3  # ... and parsed once as a member, once to rebuild its event (was 15)


def test_the_next_batches_of_a_story_parse_its_stored_members_no_more(monkeypatch: pytest.MonkeyPatch) -> None:
    """The members a day's batches read back are the same again and again: parsed once,
    they are kept (`PARSED_MEMBERS`) for the later batches, which parse only the records
    of the events they rebuild."""
    store_fusion._parsed.cache_clear()
    with Store.open(":memory:") as store:
        _add_batches(store, range(3))
        stored = {record for (record,) in store._con.execute("SELECT record FROM members").fetchall()}
        as_member, other = _count_parses(monkeypatch)
        _add_batches(store, range(3, 4))
    assert [text for text in as_member if text in stored] == []  # read back as members: parsed before
    assert sorted(text for text in other if text in stored) == sorted(stored)  # the rebuilt event's copies
