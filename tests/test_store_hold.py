"""How long an ingest holds a store file: up to BATCHES_PER_OPEN write batches per open, but
never a new batch once the open has been held HOLD_SECONDS, so that readers waiting for the
file (the dashboard, `sitroom events`) wait a bounded time however slow the writes are; and
once the input is read to its end, each batch is written as it is ready."""
from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from sitroom import commands
from sitroom.commands import BATCHES_PER_OPEN, INGEST_BATCH, ingest
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.store import Store

from fake_clock import FakeClock


def corpus(path: Path, count: int) -> Path:
    path.write_text("".join(json.dumps({"id": f"h-{n:04d}", "text": f"Report {n} of a quiet day.\nNothing more.",
                                        "published": "2025-03-10"}) + "\n" for n in range(count)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def blank() -> Analyzer:
    return Analyzer(Options(), nlp=blank_model())


def record_writes(monkeypatch: pytest.MonkeyPatch, delay: float) -> list[tuple[int, float, float, int]]:
    """Each write batch as (the open it was written in, numbered from 0, when that open began,
    when the batch began, its articles), every batch taking `delay` seconds of the ingest's
    clock (a Clock of its own, not the machine's)."""
    writes: list[tuple[int, float, float, int]] = []
    # an open is numbered when it happens: a closed store's id() may be given to the next
    # store opened, so the id alone does not tell two opens apart
    opens: dict[int, tuple[int, float]] = {}
    numbers = itertools.count()
    original_open, original_add = Store.open.__func__, Store.add_articles
    clock = FakeClock()  # the ingest's clock (`commands.time`), moved on only by the writes

    def timed_open(cls: type[Store], *args: Any, **kwargs: Any) -> Store:
        store = original_open(cls, *args, **kwargs)
        opens[id(store)] = (next(numbers), clock.perf_counter())
        return store

    def slow_add(self: Store, batch: Any, *args: Any, **kwargs: Any) -> int:
        number, opened = opens[id(self)]
        writes.append((number, opened, clock.perf_counter(), len(batch)))
        clock.sleep(delay)
        return original_add(self, batch, *args, **kwargs)

    monkeypatch.setattr(commands, "time", clock)
    monkeypatch.setattr(Store, "open", classmethod(timed_open))
    monkeypatch.setattr(Store, "add_articles", slow_add)
    return writes


def test_an_ingest_writes_batches_per_open_batches_in_one_open(tmp_path: Path, blank: Analyzer,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    writes = record_writes(monkeypatch, 0.0)
    monkeypatch.setattr(commands, "HOLD_SECONDS", 3600.0)
    count = 2 * BATCHES_PER_OPEN * INGEST_BATCH + 1
    report = ingest([str(corpus(tmp_path / "in.jsonl", count))], Options(), tmp_path / "s.duckdb", analyzer=blank)
    assert report.stored == count
    opens = [store for store, _, _, _ in writes]
    assert len(writes) == 2 * BATCHES_PER_OPEN + 1
    assert [opens.count(store) for store in dict.fromkeys(opens)] == [BATCHES_PER_OPEN, BATCHES_PER_OPEN, 1]


def test_an_open_held_hold_seconds_starts_no_new_batch(tmp_path: Path, blank: Analyzer,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    hold, per_open = 0.3, 4
    writes = record_writes(monkeypatch, 0.2)
    monkeypatch.setattr(commands, "HOLD_SECONDS", hold)
    monkeypatch.setattr(commands, "BATCHES_PER_OPEN", per_open)
    count = per_open * INGEST_BATCH
    db = tmp_path / "s.duckdb"
    report = ingest([str(corpus(tmp_path / "in.jsonl", count))], Options(), db, analyzer=blank)
    assert report.stored == count
    with Store.open(db, read_only=True) as store:
        assert store.stats()["articles"] == count
    assert len(writes) == per_open
    # the first batch of an open always goes in; a later one only while the open is young
    firsts = {store: began for store, _, began, _ in reversed(writes)}
    late = [(store, began - opened) for store, opened, began, _ in writes
            if began != firsts[store] and began - opened >= hold]
    assert not late
    # with batches slower than half the bound, an open takes two of them: 0.2 s in, a second
    # batch begins; 0.4 s in, the open lets go
    opens = [store for store, _, _, _ in writes]
    assert [opens.count(store) for store in dict.fromkeys(opens)] == [2, 2]


def test_once_the_input_is_read_each_batch_is_written_as_it_is_ready(tmp_path: Path, blank: Analyzer,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers' last chunks are analysed after the input is read to its end: their
    batches go to the store as they come, so what is left to write once the analysis has
    ended is one batch at most (it was up to BATCHES_PER_OPEN batches, written with the
    workers idle)."""
    writes = record_writes(monkeypatch, 0.0)
    monkeypatch.setattr(commands, "HOLD_SECONDS", 3600.0)
    count = BATCHES_PER_OPEN * INGEST_BATCH + 2 * INGEST_BATCH + 5
    report = ingest([str(corpus(tmp_path / "in.jsonl", count))], Options(), tmp_path / "s.duckdb", analyzer=blank)
    assert report.stored == count
    per_open: dict[int, int] = {}
    for store, _, _, articles in writes:
        per_open[store] = per_open.get(store, 0) + articles
    assert sum(per_open.values()) == count
    assert list(per_open.values())[0] == BATCHES_PER_OPEN * INGEST_BATCH  # while reading, whole opens
    assert list(per_open.values())[-1] <= INGEST_BATCH  # the last write, after the analysis: one batch
    # and every batch is the INGEST_BATCH articles it always was: only the last one is short
    assert [articles for _, _, _, articles in writes][:-1] == [INGEST_BATCH] * (len(writes) - 1)
