"""Ingest spread over local worker processes or a Dask cluster stores exactly what one
process stores; the input is read lazily; the store is let go of between batches."""
from __future__ import annotations

import gc
import itertools
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitroom import parallel
from sitroom.cli import main
from sitroom.commands import BATCHES_PER_OPEN, INGEST_BATCH, MAX_REPORT_NOTES, IngestReport, ingest
from sitroom.errors import ModelError, UsageError, WorkerError
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article
from sitroom.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
ECB = SHARED / "bench" / "ecbplus_docs.jsonl"
# ECB+ documents added to the ten examples for the equivalence tests: enough for several
# chunks per worker, few enough to keep the test under a minute.
ECB_DOCS = 70


def articles(count: int, *, prefix: str = "a") -> list[Article]:
    return [Article(id=f"{prefix}-{n:04d}", text=f"Article {n} says little.\nIt has two lines.", published="2024-05-01")
            for n in range(count)]


def write_jsonl(path: Path, items: list[Article]) -> Path:
    path.write_text("".join(json.dumps({"id": a.id, "text": a.text, "published": a.published}) + "\n"
                            for a in items), encoding="utf-8")
    return path


class CountingAnalyzer(Analyzer):
    """An Analyzer with a blank spaCy model that counts the articles it analyses."""

    def __init__(self) -> None:
        super().__init__(Options(), nlp=blank_model())
        self.analysed = 0

    def analyze_many(self, items: Any) -> Any:
        for analysis in super().analyze_many(items):
            self.analysed += 1
            yield analysis


@pytest.fixture(scope="module")
def blank() -> CountingAnalyzer:
    return CountingAnalyzer()


# ordered(): the order, the bound on work in flight, cancellation


def test_results_come_in_input_order_when_chunks_finish_out_of_order() -> None:
    items = articles(5 * parallel.CHUNK)
    with ThreadPoolExecutor(max_workers=4) as pool:
        def submit(chunk: list[Article]) -> Future:
            # the first chunks take longest, so later ones finish first
            delay = 0.05 * (5 - int(chunk[0].id.split("-")[1]) // parallel.CHUNK)
            return pool.submit(lambda: (time.sleep(delay), chunk)[1])

        out = list(parallel.ordered(submit, items, in_flight=4))
    assert [a.id for a in out] == [a.id for a in items]


def test_the_input_is_read_only_as_far_as_the_work_in_flight() -> None:
    pulled = 0

    def source() -> Iterator[Article]:
        nonlocal pulled
        for article in articles(100 * parallel.CHUNK):
            pulled += 1
            yield article

    done: list[Future] = []

    def submit(chunk: list[Article]) -> Future:
        future: Future = Future()
        future.set_result(chunk)
        done.append(future)
        return future

    stream = parallel.ordered(submit, source(), in_flight=3)
    next(stream)
    assert pulled == 3 * parallel.CHUNK
    for _ in itertools.islice(stream, 10 * parallel.CHUNK):
        pass
    assert pulled <= 14 * parallel.CHUNK


def test_work_not_collected_is_cancelled_when_the_consumer_stops() -> None:
    futures: list[Future] = []

    def submit(chunk: list[Article]) -> Future:
        future: Future = Future()
        futures.append(future)
        if len(futures) == 1:
            future.set_result(chunk)
        return future

    stream = parallel.ordered(submit, articles(10 * parallel.CHUNK), in_flight=3)
    next(stream)
    stream.close()
    assert len(futures) == 3
    assert all(f.cancelled() for f in futures[1:])


def test_chunks_cover_the_input_in_order() -> None:
    items = articles(2 * parallel.CHUNK + 3)
    got = list(parallel.chunks(items))
    assert [len(c) for c in got] == [parallel.CHUNK, parallel.CHUNK, 3]
    assert [a for c in got for a in c] == items


@pytest.mark.parametrize("kwargs", [
    {"workers": 0},
    {"workers": 2, "scheduler": "tcp://127.0.0.1:8786"},
])
def test_bad_worker_settings_are_usage_errors(kwargs: dict) -> None:
    with pytest.raises(UsageError), parallel.analysts(Options(), **kwargs):
        pass


def test_a_ready_analyzer_runs_only_in_this_process(blank: CountingAnalyzer) -> None:
    with pytest.raises(UsageError, match="this process only"), parallel.analysts(Options(), workers=2,
                                                                                  analyzer=blank):
        pass


def test_cli_refuses_workers_with_a_scheduler(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", articles(2))
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(tmp_path / "s.duckdb"), "--workers", "2",
                                       "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr == "Error: give either --workers or --scheduler, not both\n"


def test_an_unreachable_scheduler_is_a_worker_error_and_touches_no_store(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "SCHEDULER_TIMEOUT_SECONDS", 1)
    source = write_jsonl(tmp_path / "in.jsonl", articles(2))
    db = tmp_path / "s.duckdb"
    with pytest.raises(WorkerError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        ingest([str(source)], Options(), db, scheduler="tcp://127.0.0.1:9")
    assert not db.exists()


# commands.ingest: the store per batch, skipping, the report


def test_a_store_path_is_let_go_of_between_batches(tmp_path: Path, blank: CountingAnalyzer) -> None:
    items = articles(3 * BATCHES_PER_OPEN * INGEST_BATCH + 5)
    source = write_jsonl(tmp_path / "in.jsonl", items)
    db = tmp_path / "s.duckdb"
    seen: list[int] = []

    def progress(report: IngestReport) -> None:
        if report.stored:
            # another process or thread could open it here: the ingest holds no connection
            with Store.open(db, read_only=True) as reader:
                seen.append(reader.stats()["articles"])

    report = ingest([str(source)], Options(), db, analyzer=blank, progress=progress)
    assert report.stored == len(items) and not report.failed
    # progress also reports articles checked and skipped, so a count may repeat
    assert list(dict.fromkeys(seen)) == [*range(BATCHES_PER_OPEN * INGEST_BATCH, len(items), BATCHES_PER_OPEN * INGEST_BATCH), len(items)]


READER = """
import sys, time
from sitroom.store import Store
store = Store.open(sys.argv[1], read_only=True)
print("reading", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def test_a_reader_holding_the_store_only_delays_the_ingest(tmp_path: Path, blank: CountingAnalyzer) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", articles(INGEST_BATCH + 1))
    db = tmp_path / "s.duckdb"
    Store.open(db).close()
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), "1.0"], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        report = ingest([str(source)], Options(), db, analyzer=blank, wait=30)
    finally:
        reader.kill()
        reader.wait()
    assert report.stored == INGEST_BATCH + 1


def test_an_open_store_is_used_as_it_is(blank: CountingAnalyzer, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", articles(INGEST_BATCH + 1))
    with Store.open(":memory:") as store:
        report = ingest([str(source)], Options(), store, analyzer=blank)
        assert report.stored == INGEST_BATCH + 1
        assert store.stats()["articles"] == INGEST_BATCH + 1


def test_unchanged_articles_are_skipped_before_analysis(tmp_path: Path) -> None:
    analyzer = CountingAnalyzer()
    items = articles(INGEST_BATCH + 3)
    source = write_jsonl(tmp_path / "in.jsonl", items)
    db = tmp_path / "s.duckdb"
    ingest([str(source)], Options(), db, analyzer=analyzer)
    assert analyzer.analysed == len(items)
    changed = items[:2] + [Article(id=items[2].id, text="A new text.", published="2024-05-01")] + items[3:]
    write_jsonl(source, changed)
    report = ingest([str(source)], Options(), db, analyzer=analyzer)
    assert analyzer.analysed == len(items) + 1
    assert (report.articles, report.stored, report.unchanged) == (len(items), 1, len(items) - 1)


def test_failed_inputs_are_reported_and_the_rest_stored(tmp_path: Path, blank: CountingAnalyzer) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", articles(3))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    report = ingest([str(good), str(bad), str(tmp_path / "missing.txt")], Options(), tmp_path / "s.duckdb",
                    analyzer=blank)
    assert report.stored == 3 and len(report.failed) == 2


def test_the_report_keeps_a_bounded_number_of_notes(tmp_path: Path, blank: CountingAnalyzer) -> None:
    # an undated dateline gives each article one note ("publication date ... inferred")
    undated = [Article(id=f"u-{n}", text=f"PARIS, March 3 2025 - Officials said the talks on item {n} "
                                         "would go on in the coming weeks.") for n in range(MAX_REPORT_NOTES + 7)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": a.id, "text": a.text}) + "\n" for a in undated), encoding="utf-8")
    report = ingest([str(source)], Options(), tmp_path / "s.duckdb", analyzer=blank)
    assert len(report.notes) == MAX_REPORT_NOTES
    assert report.notes_left_out == 7


# the real model: every way of spreading the work stores the same


def _snapshot(path: Path) -> dict[str, Any]:
    with Store.open(path, read_only=True) as store:
        stored = list(store.articles())
        return {
            "articles": stored,
            "sentences": {a.id: store.sentences(a.id) for a in stored},
            "events": store.events(),
            "stats": store.stats(),
        }


def _documents(corpus: Path) -> int:
    """How many articles the corpus folder holds (one per JSON line)."""
    return sum(len(path.read_text(encoding="utf-8").splitlines()) for path in corpus.glob("*.jsonl"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ECB.exists():
        pytest.fail(f"the shared data is missing: expected {ECB} (see README)")
    folder = tmp_path_factory.mktemp("corpus")
    lines = ECB.read_text(encoding="utf-8").splitlines()[:ECB_DOCS]
    (folder / "ecb.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "examples.jsonl").write_text((REPO / "examples" / "articles.jsonl").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    report = ingest([str(corpus)], Options(), db)
    assert report.stored == _documents(corpus) and report.events > 0
    return _snapshot(db)


@pytest.mark.slow
def test_two_local_workers_store_what_one_process_stores(corpus: Path, one_process: dict, tmp_path: Path) -> None:
    db = tmp_path / "two.duckdb"
    report = ingest([str(corpus)], Options(), db, workers=2)
    assert report.stored == _documents(corpus)
    assert _snapshot(db) == one_process


@pytest.mark.slow
def test_the_writer_s_batch_size_does_not_change_what_is_stored(corpus: Path, one_process: dict, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from sitroom import commands

    # the size the writer had before it took 32 articles a transaction, two transactions an open
    monkeypatch.setattr(commands, "INGEST_BATCH", 16)
    monkeypatch.setattr(commands, "BATCHES_PER_OPEN", 4)
    db = tmp_path / "sixteen.duckdb"
    report = ingest([str(corpus)], Options(), db)
    assert report.stored == _documents(corpus)
    assert _snapshot(db) == one_process


@pytest.mark.slow
def test_a_dask_cluster_stores_what_one_process_stores(corpus: Path, one_process: dict, tmp_path: Path) -> None:
    from distributed import LocalCluster

    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = ingest([str(corpus)], Options(), db, scheduler=cluster.scheduler_address)
    assert report.stored == _documents(corpus)
    assert _snapshot(db) == one_process


@pytest.mark.slow
def test_a_worker_that_cannot_load_the_model_says_so(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", articles(3))
    with pytest.raises(ModelError, match="no_such_model"):
        ingest([str(source)], Options(model="no_such_model"), tmp_path / "s.duckdb", workers=2)


def test_for_the_store_workers_send_the_story_print_and_leave_the_mentions_out() -> None:
    """Two workers print each article for the story step (the writer then has less to do)
    and send back only what the store keeps."""
    from sitroom.store import story_print

    text = ("Rebels of the Northern Front shelled Kadugli on Monday, Governor Ahmed Haroun said. "
            "Kadugli Hospital took in 14 wounded from Dilling and Talodi, Radio Dabanga reported.")
    items = [Article(id=f"s-{n}", text=text, published=f"2025-03-1{n}") for n in range(3)]
    with parallel.analysts(Options(), workers=2, for_store=True) as analyse:
        sent = list(analyse(items))
    with parallel.analysts(Options()) as analyse:
        whole = list(analyse(items))
    assert [analysis.article for analysis, _ in sent] == [analysis.article for analysis in whole]
    assert [made for _, made in sent] == [story_print(analysis.article) for analysis in whole]
    assert [analysis.events for analysis, _ in sent] == [analysis.events for analysis in whole]
    assert any(analysis.actors and analysis.places for analysis in whole)
    assert not any(analysis.actors or analysis.places or analysis.dates or analysis.numbers for analysis, _ in sent)


# forked workers: the parent's Analyzer, fresh standard streams


def _analyzers_seen(options: Options) -> list[tuple[int, int, int]]:
    """In a worker: the cache's (hits, misses, size) once the worker has asked for its Analyzer."""
    parallel._worker_analyzer(options)
    info = parallel._worker_analyzer.cache_info()
    return [(info.hits, info.misses, info.currsize)]


@pytest.mark.skipif(parallel.start_method() != "fork", reason="workers are forked on Linux only")
def test_forked_workers_use_the_analyzer_this_process_loaded_and_this_process_lets_go() -> None:
    options = Options(model="blank:en")
    pool = parallel._start_pool(options, 2)
    try:
        assert parallel._worker_analyzer.cache_info().currsize == 0  # this process writes, it keeps no model
        seen = pool.submit(_analyzers_seen, options).result(timeout=60)
    finally:
        pool.shutdown(wait=True)
    # the one Analyzer in the worker is the one it was forked with: found, never built
    assert seen == [(1, 1, 1)]


# The parent's stderr is a pipe nobody reads yet; just before the fork a thread writes more
# than the pipe holds, and blocks holding the stream's lock (as a progress bar's thread
# may at any moment). The worker then writes to stderr; the parent drains the pipe. The
# fork waits until the pipe is full (the thread is then blocked inside its write, the lock
# held), not a fixed time that a loaded machine may not give the thread.
FORK_WITH_STDERR_HELD = """
import fcntl, multiprocessing, os, struct, sys, termios, threading, time
from concurrent.futures import ProcessPoolExecutor
from sitroom import parallel

read_end, write_end = os.pipe()
sys.stderr = open(write_end, "w", encoding="utf-8")
writer = threading.Thread(target=lambda: (sys.stderr.write("x" * 1_000_000), sys.stderr.flush()), daemon=True)


def pipe_full():
    held = struct.unpack("i", fcntl.ioctl(read_end, termios.FIONREAD, b"\\0\\0\\0\\0"))[0]
    return held >= fcntl.fcntl(write_end, fcntl.F_GETPIPE_SZ)


def hold_the_lock():
    if writer.ident is None:
        writer.start()
        while not pipe_full():
            time.sleep(0.01)


def say(text):
    print(text, file=sys.stderr, flush=True)
    return text


os.register_at_fork(before=hold_the_lock)
fresh = sys.argv[1] == "fresh"
pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                           initializer=parallel._fresh_streams if fresh else None)
said = pool.submit(say, "worker here")
threading.Thread(target=lambda: list(iter(lambda: os.read(read_end, 65536), b"")), daemon=True).start()
try:
    print(said.result(timeout=float(sys.argv[2])), flush=True)
finally:
    for worker in multiprocessing.active_children():  # a stuck one would hold our stdout open
        worker.kill()
    os._exit(0)
"""


@pytest.mark.skipif(parallel.start_method() != "fork", reason="workers are forked on Linux only")
@pytest.mark.parametrize(("streams", "says"), [("fresh", True), ("inherited", False)])
def test_a_forked_worker_writes_to_stderr_while_another_thread_held_its_lock(streams: str, says: bool) -> None:
    """With its own streams the worker writes; with the parent's (the control case) it
    waits forever on the lock the parent's thread held at the fork."""
    done = subprocess.run([sys.executable, "-c", FORK_WITH_STDERR_HELD, streams, "20" if says else "3"],
                          capture_output=True, text=True, timeout=120, cwd=REPO)
    assert ("worker here" in done.stdout) is says, done.stdout + done.stderr


def _permanent_objects() -> int:
    return gc.get_freeze_count()


@pytest.mark.skipif(parallel.start_method() != "fork", reason="workers are forked on Linux only")
def test_forked_workers_hold_what_was_loaded_as_permanent_and_this_process_does_not() -> None:
    options = Options(model="blank:en")
    pool = parallel._start_pool(options, 2)
    try:
        frozen = pool.submit(_permanent_objects).result(timeout=60)
    finally:
        pool.shutdown(wait=True)
    # the worker's collections skip the model and knowledge it was forked with ...
    assert frozen > 10_000
    # ... and this process, which let go of its copy, collects everything again
    assert gc.get_freeze_count() == 0
