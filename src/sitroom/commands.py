"""The library functions behind each command: `sitroom extract` and `sitroom.extract()`
are one code path. Each takes an `Options` object and yields records or our errors;
nothing here prints.
"""
from __future__ import annotations

import contextlib
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError
from .evaluation import Evaluation, read_gold, score
from .intake import read_articles
from .options import Options
from .parallel import CHUNK, Analyse, analysts
from .pipeline import Analyzer
from .records import Analysis, Article, Event
from .store import Store, content_hash
from .story import StoryPrint

if TYPE_CHECKING:
    from .knowledge.geonames_index import ImportReport

# Articles analysed and written per store transaction during ingest: a kill loses at
# most this much work, and batching keeps DuckDB writes off the per-row path. Each
# transaction pays fixed costs (fusion's look-ups, a commit that waits for the disk):
# 32 articles a transaction wrote the dated ECB+ stream with 0.76 of the processor time
# of 16 and under half the wall time (docs/performance.md).
INGEST_BATCH = 32
# Opening a store file costs tens of milliseconds (connecting, checking its schema, a
# checkpoint when closing): an ingest given a path writes up to this many batches per
# open (each its own transaction). Four an open took the opens and closes of the dated
# ECB+ stream from 1.4 to 0.8 s of processor time, but the writer's peak at ten times the
# stream from 474 to 547 MB (docs/performance.md, eighth pass): two it is.
BATCHES_PER_OPEN = 2
# Readers (the dashboard, `sitroom events`) wait for the file while an ingest holds it: an
# open is let go of after the batch during which it has been held this long (wall clock),
# whatever is left of its BATCHES_PER_OPEN, so a reader waits at most about this plus one
# batch's write and a close, well under the server's read wait (server.config.READ_WAIT_SECONDS).
HOLD_SECONDS = 1.5
CHECK_WINDOW = 8 * INGEST_BATCH
# An ingest report keeps this many notes (one per article is common: "publication date
# inferred"); past it, notes are only counted, so a long ingest's memory stays flat.
MAX_REPORT_NOTES = 100


def analyze(paths: Iterable[str], options: Options, *, analyzer: Analyzer | None = None) -> Iterator[Analysis | InputError]:
    """Every article found under `paths`, analysed; an `InputError` per unreadable input."""
    analyzer = analyzer or Analyzer(options)
    pending: list[Article] = []
    for item in read_articles(paths, options):
        if isinstance(item, InputError):
            yield from analyzer.analyze_many(pending)
            pending = []
            yield item
            continue
        pending.append(item)
        if len(pending) >= options.batch_size:
            yield from analyzer.analyze_many(pending)
            pending = []
    yield from analyzer.analyze_many(pending)


def extract(paths: Iterable[str], options: Options, *, analyzer: Analyzer | None = None) -> Iterator[Event | InputError]:
    """The events of every article under `paths` (no store involved): the news, and the
    background too with `options.background`."""
    for item in analyze(paths, options, analyzer=analyzer):
        if isinstance(item, InputError):
            yield item
        else:
            yield from reported(item.events, options)


def reported(events: Iterable[Event], options: Options) -> Iterator[Event]:
    """The events `extract` gives: background ones only when asked for."""
    return (e for e in events if options.background or not e.historical)


@dataclass
class IngestReport:
    articles: int = 0  # articles read
    stored: int = 0  # new or changed articles written
    unchanged: int = 0  # already in the store with the same text
    events: int = 0  # events coded in the stored articles
    failed: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # e.g. non-English articles stored uncoded
    notes_left_out: int = 0  # notes past MAX_REPORT_NOTES, counted only
    check_seconds: float = 0.0  # time spent asking the store which articles are unchanged
    write_seconds: float = 0.0  # time spent opening the store and writing batches

    def note(self, text: str) -> None:
        if len(self.notes) < MAX_REPORT_NOTES:
            self.notes.append(text)
        else:
            self.notes_left_out += 1


StoreLike = Store | str | os.PathLike[str]


def ingest(paths: Iterable[str], options: Options, store: StoreLike, *, analyzer: Analyzer | None = None,
           workers: int = 1, scheduler: str | None = None, wait: float = 0.0,
           progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Store every article under `paths` with its events, incrementally and idempotently.

    `store` is an open `Store` (used as it is) or the path of one: a path is opened for
    each batch (waiting up to `wait` seconds for another process to let go of it) and
    closed again, so that readers get in between batches while the analysis runs.
    Articles already stored with the same text are skipped before any analysis, so a
    re-run after an interruption only does the work that was left. The analysis runs in
    this process, in `workers` local processes or on the Dask cluster at `scheduler`
    (see `sitroom.parallel`); this process writes, batch by batch, in input order, so the
    store ends the same whichever way the work was spread.
    """
    return ingest_articles(read_articles(paths, options), options, store, analyzer=analyzer, workers=workers,
                           scheduler=scheduler, wait=wait, progress=progress)


def ingest_articles(items: Iterable[Article | InputError], options: Options, store: StoreLike, *,
                    analyzer: Analyzer | None = None, workers: int = 1, scheduler: str | None = None,
                    wait: float = 0.0, progress: Callable[[IngestReport], None] | None = None,
                    analyse: Analyse | None = None) -> IngestReport:
    """`ingest` for articles already read (and the errors met reading them), in order.

    `analyse` (from an `analysts` context the caller keeps open, as `sitroom watch` does
    for its whole run) stands in for the workers set up here for this call alone."""
    report = IngestReport()
    # the workers print each article for the story step beside its analysis, so that
    # this process, which writes, has less to do (a caller's `analyse` may not: then the
    # store prints them)
    with contextlib.nullcontext(analyse) if analyse is not None else \
            analysts(options, workers=workers, scheduler=scheduler, analyzer=analyzer,
                     for_store=True) as analysing:
        ready: list[tuple[Analysis, StoryPrint | None]] = []
        # the first check holds one chunk per worker only: the workers start (the model
        # loads, they fork) when the first chunk is handed out, the other cores idle until
        # then; later windows are read while the workers analyse (docs/performance.md)
        first = min(CHECK_WINDOW, max(workers, 1) * CHUNK)
        read_all: list[bool] = []  # holds True once the input is read to its end
        for item in analysing(_to_analyse(items, store, wait, report, progress, first=first, read_all=read_all)):
            ready.append(item if isinstance(item, tuple) else (item, None))
            # once the input is read to its end, the workers are on their last chunks: each
            # batch is written as it is ready, so the write left after they finish is one
            # batch at most, not up to BATCHES_PER_OPEN of them with the cores idle. Whole
            # batches only: a batch is always the same INGEST_BATCH articles of the input
            # (fusion's decisions depend on what one transaction holds).
            if len(ready) >= INGEST_BATCH * (1 if read_all else BATCHES_PER_OPEN):
                whole = len(ready) - len(ready) % INGEST_BATCH
                _write(ready[:whole], store, wait, report, progress)
                ready = ready[whole:]
        _write(ready, store, wait, report, progress)
    return report


@contextlib.contextmanager
def _session(store: StoreLike, wait: float) -> Iterator[Store]:
    """The store for one batch: the caller's open Store, or the file opened just for it."""
    if isinstance(store, Store):
        yield store
        return
    with Store.open(store, wait=wait) as opened:
        yield opened


def _to_analyse(items: Iterable[Article | InputError], store: StoreLike, wait: float, report: IngestReport,
                progress: Callable[[IngestReport], None] | None, *, first: int = CHECK_WINDOW,
                read_all: list[bool] | None = None) -> Iterator[Article]:
    """The articles that need analysis: failures and unchanged articles are counted and
    dropped here, checked against the store `first` at a time, then CHECK_WINDOW at a
    time (one open each). `read_all` is given True once the input is read to its end."""
    window: list[Article | InputError] = []
    size = first
    for item in itertools.chain(items, [None]):
        if item is not None:
            window.append(item)
            if len(window) < size:
                continue
        unchanged: set[int] = set()
        if any(isinstance(entry, Article) for entry in window):
            began = time.perf_counter()
            with _session(store, wait) as opened:
                stored = opened.stored_hashes([entry.id for entry in window if isinstance(entry, Article)])
            unchanged = {i for i, entry in enumerate(window)
                         if isinstance(entry, Article) and stored.get(entry.id) == content_hash(entry)}
            report.check_seconds += time.perf_counter() - began
        for i, entry in enumerate(window):
            if isinstance(entry, InputError):
                report.failed.append(entry)
            else:
                report.articles += 1
                if i in unchanged:
                    report.unchanged += 1
                else:
                    yield entry
        if window and progress:
            progress(report)
        window = []
        size = CHECK_WINDOW
    if read_all is not None:
        read_all.append(True)


def _write(ready: list[tuple[Analysis, StoryPrint | None]], store: StoreLike, wait: float, report: IngestReport,
           progress: Callable[[IngestReport], None] | None) -> None:
    """Write `ready` in batches of INGEST_BATCH, one transaction each, in one open (more
    when an open has been held for HOLD_SECONDS)."""
    if not ready:
        return
    began = time.perf_counter()
    batches = [ready[start:start + INGEST_BATCH] for start in range(0, len(ready), INGEST_BATCH)]
    while batches:
        with _session(store, wait) as opened:
            held = time.perf_counter()
            while batches:
                batch = batches.pop(0)
                report.stored += opened.add_articles(
                    [(a.article, a.sentences, a.events) for a, _ in batch],
                    prints={a.article.id: made for a, made in batch if made is not None})
                for analysis, _ in batch:
                    report.events += len(analysis.events)
                    for note in analysis.article.notes:
                        report.note(f"{analysis.article.source or analysis.article.id}: {note}")
                if time.perf_counter() - held >= HOLD_SECONDS:
                    break  # let readers in; the rest of `ready` in the next open
    report.write_seconds += time.perf_counter() - began
    if progress:
        progress(report)


@dataclass
class EvaluateReport:
    evaluation: Evaluation
    articles: int = 0  # articles read
    failed: list[InputError] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # gold articles no input gave


def evaluate(paths: Iterable[str], gold_path: Path, options: Options, *,
             analyzer: Analyzer | None = None) -> EvaluateReport:
    """Code the articles under `paths` and score their events against the gold file (the
    format of docs/evaluate.md). The gold file is checked before any article is read."""
    gold = read_gold(gold_path)
    events: list[dict] = []
    failed: list[InputError] = []
    read: set[str] = set()
    for item in analyze(paths, options, analyzer=analyzer):
        if isinstance(item, InputError):
            failed.append(item)
            continue
        read.add(item.article.id)
        events.extend(e.to_dict() for e in reported(item.events, options))
    wanted = sorted({g["doc"] for g in gold})
    return EvaluateReport(evaluation=score(gold, events), articles=len(read), failed=failed,
                          unread=[doc for doc in wanted if doc not in read])
def import_gazetteer(source: str, *, index: str | None = None,
                     progress: Callable[[int], None] | None = None) -> "ImportReport":
    """Build the local GeoNames index from a GeoNames dump (see `knowledge.geonames_index`)."""
    from pathlib import Path

    from .knowledge.geonames_index import import_dump

    return import_dump(Path(source), Path(index) if index else None, progress=progress)
