"""An ingest's start and its writer's garbage collections: the workers get their first
chunks after one chunk each has been read and checked (not a whole check window), and
the writer holds what it had loaded as permanent while they run, and lets go after."""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from sitroom import parallel
from sitroom.commands import CHECK_WINDOW, ingest_articles
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.parallel import CHUNK
from sitroom.pipeline import Analyzer
from sitroom.records import Analysis, Article
from sitroom.store import Store


def articles(count: int) -> list[Article]:
    return [Article(id=f"s-{n:04d}", text=f"Report {n}: the council met on Tuesday.\nIt adjourned.",
                    published="2024-05-01") for n in range(count)]


@pytest.mark.parametrize("workers", [1, 2, 4])
def test_the_first_check_holds_one_chunk_per_worker(tmp_path: Path, workers: int) -> None:
    read = 0

    def source() -> Iterator[Article]:
        nonlocal read
        for article in articles(CHECK_WINDOW + 100):
            read += 1
            yield article

    analyzer = Analyzer(Options(), nlp=blank_model())
    read_at_first: list[int] = []

    def analyse(items: Iterable[Article]) -> Iterator[Analysis]:
        for article in items:
            if not read_at_first:
                read_at_first.append(read)
            yield from analyzer.analyze_many([article])

    report = ingest_articles(source(), Options(), tmp_path / "s.duckdb", workers=workers, analyse=analyse)
    # the first article went to analysis once one chunk per worker had been read and checked
    assert read_at_first == [workers * CHUNK]
    assert report.stored == CHECK_WINDOW + 100


def test_later_checks_take_whole_windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked: list[int] = []
    asked = Store.stored_hashes

    def stored_hashes(self: Store, ids: list[str]) -> dict[str, str]:
        checked.append(len(ids))
        return asked(self, ids)

    monkeypatch.setattr(Store, "stored_hashes", stored_hashes)
    analyzer = Analyzer(Options(), nlp=blank_model())
    ingest_articles(articles(CHUNK + 2 * CHECK_WINDOW + 5), Options(), tmp_path / "s.duckdb", workers=1,
                    analyse=lambda items: (a for item in items for a in analyzer.analyze_many([item])))
    assert checked == [CHUNK, CHECK_WINDOW, CHECK_WINDOW, 5]


def _ids(options: Options, chunk: list[Article]) -> list[str]:
    """A worker's task that only says which articles it was given."""
    return [article.id for article in chunk]


@pytest.mark.skipif(parallel.start_method() != "fork", reason="workers are forked on Linux only")
def test_the_writer_holds_its_objects_as_permanent_while_the_workers_run() -> None:
    frozen: list[int] = []
    with parallel._local(Options(model="blank:en"), 2, _ids) as analyse:
        for n, _ in enumerate(analyse(articles(4 * CHUNK))):
            if n % CHUNK == 0:
                frozen.append(gc.get_freeze_count())
    # every chunk was collected after both workers had theirs: this process's full
    # collections skip what it held by then ...
    assert min(frozen) > 10_000
    # ... and it collects everything again once the workers are gone
    assert gc.get_freeze_count() == 0


@pytest.mark.skipif(parallel.start_method() != "fork", reason="workers are forked on Linux only")
def test_a_single_chunk_for_two_workers_freezes_nothing() -> None:
    with parallel._local(Options(model="blank:en"), 2, _ids) as analyse:
        assert len(list(analyse(articles(3)))) == 3
        assert gc.get_freeze_count() == 0
    assert gc.get_freeze_count() == 0
