"""Analysis in one process, in local worker processes, or on a Dask cluster.

    with analysts(options, workers=4) as analyse:
        for analysis in analyse(articles):      # any iterable, read lazily
            ...

However the work is spread, `analyse` yields one `Analysis` per article in the order of
its input, and the articles go to spaCy in the same chunks (`CHUNK` articles, one
`Analyzer.analyze_many` call each), so the results are the same whatever the number of
workers. At most `AHEAD` chunks per worker are in flight at once: the input is read as
the workers need it, and memory does not grow with the corpus.

With `for_store`, each analysis comes as the store takes it: with its article's story
print (`store.story_print`), made in the worker beside the analysis instead of in the
process that writes the store, so that the writer keeps up with more workers; and
without the mentions the store does not keep (actors, places, dates, numbers: the
events hold what it keeps of them), which would only be pickled and read back.

Each worker process (local or Dask) loads the spaCy model and the knowledge once, the
first time it is given work (`analyze_chunk` keeps them per process), and reuses them
for every later chunk. Where the platform forks (Linux), local workers are forked from
this process once it has loaded the model and the knowledge itself, as spaCy's own
`nlp.pipe(n_process=...)` does: a spawned worker imports sitroom and loads both again,
about 2 s of processor time each before its first article. This process then lets go
of its copy, and each forked worker takes fresh standard streams, since a lock that
another thread of this process (the progress bar) held on them at the fork would stay
held in the worker. Elsewhere workers are spawned: a fresh interpreter each.
"""
from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import functools
import gc
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from .errors import UsageError, WorkerError
from .nlp import read_model
from .options import Options
from .pipeline import PIPE_BATCH, Analyzer
from .records import Analysis, Article
from .store import story_print
from .story import StoryPrint

# Articles per task: one spaCy batch, so a chunk is parsed exactly as in one process,
# and large enough that a task's overhead (pickling, a queue round trip) stays small.
CHUNK = PIPE_BATCH
# Chunks queued per worker beyond the one it is working on: enough that no worker waits
# while the parent writes, few enough that memory stays flat.
AHEAD = 2
# How long to wait for a Dask scheduler to answer before saying it cannot be reached.
SCHEDULER_TIMEOUT_SECONDS = 10
# Analyzers a worker process keeps (one per distinct Options): a model is large.
CACHED_ANALYZERS = 2

Analysed = Analysis | tuple[Analysis, StoryPrint]  # the second with `for_store`
Analyse = Callable[[Iterable[Article]], Iterator[Analysed]]


class _Future(Protocol):
    def result(self) -> list[Analysed]: ...

    def cancel(self) -> bool: ...


@functools.lru_cache(maxsize=CACHED_ANALYZERS)
def _worker_analyzer(options: Options) -> Analyzer:
    # its own model, not `load_model`'s: the process that forks local workers lets go of
    # it afterwards (`_local`)
    return Analyzer(options, nlp=read_model(options.model))


def start_method() -> str:
    """How local workers start: forked from this process (which loads the model first)
    where the platform forks safely, else spawned."""
    return "fork" if sys.platform == "linux" else "spawn"


def _fresh_streams() -> None:
    """A forked worker's own standard output and error, on the same file descriptors."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            continue
        try:
            fresh = open(stream.fileno(), "w", buffering=1 if stream.line_buffering else -1,  # noqa: SIM115
                         encoding=stream.encoding, errors=stream.errors, closefd=False)
        except (AttributeError, OSError, ValueError):
            continue  # not a real file (a test's capture): nothing of it is locked at OS level
        setattr(sys, name, fresh)


# One analysis at a time per process: a Dask worker may run several threads, and a spaCy
# pipeline is not meant to be shared between threads.
_WORKER_LOCK = threading.Lock()


def _glibc_malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, where this process runs on glibc (None elsewhere: musl, macOS
    and Windows have none)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already runs on
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_MALLOC_TRIM = _glibc_malloc_trim()


def release_free_memory() -> bool:
    """Give the system back the pages that the C allocator keeps free (False where it cannot).

    glibc keeps what a process frees for its next allocations, and returns to the system
    only the free space at the top of its heap: a chunk's arrays (the NER's and the
    tok2vec's, each under its threshold for a mapping of its own) leave free pages inside
    the heap that stay resident until the next chunk reuses them, about 70 MB per worker
    between chunks. Trimmed after each chunk, a worker holds its steady memory between
    chunks and rises above it only while one runs, at no measured cost in time
    (docs/performance.md, "Issue 17, sixth pass")."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True


# madvise(2)'s advice that drops a range's pages from this process's page tables; the
# pages of a file stay in the page cache, and are mapped again on the next read.
_MADV_DONTNEED = 4


def _glibc_madvise() -> Callable[[int, int, int], int] | None:
    """The C library's `madvise`, where this process runs on Linux (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        madvise = ctypes.CDLL(None, use_errno=True).madvise
    except (OSError, AttributeError):
        return None
    madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
    madvise.restype = ctypes.c_int
    return madvise


_MADVISE = _glibc_madvise()


def read_only_file_maps(maps: str = "/proc/self/maps") -> list[tuple[int, int]]:
    """The (start, end) addresses of the files this process maps shared and read only
    (`mmap.ACCESS_READ`), from Linux's list of its mappings; [] where there is none."""
    found = []
    try:
        with open(maps, encoding="utf-8", errors="replace") as lines:
            for line in lines:
                fields = line.split(maxsplit=5)
                if len(fields) == 6 and fields[1] == "r--s" and fields[5].startswith("/"):
                    start, _, end = fields[0].partition("-")
                    found.append((int(start, 16), int(end, 16)))
    except OSError:
        return []
    return found


def release_mapped_files() -> int:
    """Drop the pages of the files this process maps read only (the truecase model's,
    `recase.CaseModel`) from its resident memory; returns how many mappings.

    A worker maps the truecase model (35 MB) the first time it recases a text in
    capitals, and Linux then counts most of the file in its resident memory for the rest
    of the run, though the pages are the page cache's, shared with every process that
    maps the file: over the dated stream one worker of two met such a text, over ten
    times the stream both did, 34 MB each of the workers' growth (docs/performance.md,
    "Issue 17, tenth pass"). Dropped after each chunk, a worker counts them only while
    a chunk reads them; the next read maps them again from the page cache (no copy, no
    disk), and what they hold does not change (the mapping is read only)."""
    if _MADVISE is None:
        return 0
    maps = read_only_file_maps()
    for start, end in maps:
        _MADVISE(start, end - start, _MADV_DONTNEED)
    return len(maps)


def analyze_chunk(options: Options, articles: list[Article]) -> list[Analysis]:
    """The task a worker runs: analyse `articles` with this process's Analyzer, then give
    back what the analysis freed (`release_free_memory`) and the pages of the files it
    read through a mapping (`release_mapped_files`)."""
    with _WORKER_LOCK:
        try:
            return list(_worker_analyzer(options).analyze_many(articles))
        finally:
            release_free_memory()
            release_mapped_files()


def analyze_chunk_for_store(options: Options, articles: list[Article]) -> list[tuple[Analysis, StoryPrint]]:
    """`analyze_chunk`, each analysis as the store takes it (see `for_store`)."""
    return [store_form(analysis) for analysis in analyze_chunk(options, articles)]


def store_form(analysis: Analysis) -> tuple[Analysis, StoryPrint]:
    """What `Store.add_articles` reads of an analysis, with the article's story print."""
    kept = dataclasses.replace(analysis, actors=(), places=(), dates=(), numbers=())
    return kept, story_print(analysis.article)


def chunks(articles: Iterable[Article], size: int = CHUNK) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for article in articles:
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ordered(submit: Callable[[list[Article]], _Future], articles: Iterable[Article],
            in_flight: int) -> Iterator[Analysed]:
    """Submit chunks of `articles`, at most `in_flight` at a time, and yield the results in
    input order. Work not yet collected is cancelled when the consumer stops early."""
    pending: deque[_Future] = deque()
    try:
        for chunk in chunks(articles):
            pending.append(submit(chunk))
            if len(pending) >= in_flight:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


class _Done:
    """A chunk analysed at once, in this process (the one-worker path)."""

    def __init__(self, value: list[Analysed]) -> None:
        self._value = value

    def result(self) -> list[Analysed]:
        return self._value

    def cancel(self) -> bool:
        return False


@contextlib.contextmanager
def analysts(options: Options, *, workers: int = 1, scheduler: str | None = None,
             analyzer: Analyzer | None = None, for_store: bool = False) -> Iterator[Analyse]:
    """A function that analyses articles in this process (`workers=1`), in `workers`
    local processes, or on the Dask cluster whose scheduler listens at `scheduler`; with
    `for_store`, it yields (analysis, story print) pairs, each analysis as the store
    takes it.

    `analyzer` (this process only) stands in for the one built from `options`, as in tests
    with a blank model; workers always build theirs from `options`.
    """
    task = analyze_chunk_for_store if for_store else analyze_chunk
    if workers < 1:
        raise UsageError(f"workers must be 1 or more, not {workers}")
    if scheduler is not None and workers != 1:
        raise UsageError("give either a number of local workers or a Dask scheduler, not both")
    if analyzer is not None and (scheduler is not None or workers > 1):
        raise UsageError("a ready Analyzer runs in this process only; workers build theirs from the options")
    if scheduler is not None:
        with _dask(options, scheduler, task) as analyse:
            yield analyse
    elif workers > 1:
        with _local(options, workers, task) as analyse:
            yield analyse
    else:
        box: list[Analyzer] = [analyzer] if analyzer is not None else []

        def submit(chunk: list[Article]) -> _Future:
            if not box:  # built on first use: a re-run with nothing new loads no model
                box.append(Analyzer(options))
            done = list(box[0].analyze_many(chunk))
            return _Done([store_form(a) for a in done] if for_store else list(done))

        yield functools.partial(ordered, submit, in_flight=1)


@contextlib.contextmanager
def _local(options: Options, workers: int, task: Callable[[Options, list[Article]], list[Any]]) -> Iterator[Analyse]:
    box: list[ProcessPoolExecutor] = []  # started on first use: a re-run with nothing new starts none
    submitted = 0  # chunks handed out; from `workers` on, this process holds its objects as permanent

    def submit(chunk: list[Article]) -> _Future:
        nonlocal submitted
        if not box:
            box.append(_start_pool(options, workers))
        future = box[0].submit(task, options, chunk)
        submitted += 1
        if submitted == workers:  # once every worker has a chunk, not before: none waits for it
            _hold_as_permanent()
        return future

    try:
        def analyse(articles: Iterable[Article]) -> Iterator[Analysed]:
            try:
                yield from ordered(submit, articles, in_flight=workers * AHEAD)
            except BrokenProcessPool as exc:
                raise WorkerError(
                    "a worker process died (out of memory, or killed); what was stored is kept: "
                    "run the command again, perhaps with fewer --workers"
                ) from exc

        yield analyse
    finally:
        for pool in box:
            pool.shutdown(wait=True, cancel_futures=True)
        if submitted >= workers:
            gc.unfreeze()


def _hold_as_permanent() -> None:
    """Collect what this process let go of (its copy of the Analyzer), then take every
    object left (the modules, fusion's knowledge) as permanent while the workers run.

    This process reads, dispatches and writes while they analyse, and each of its full
    collections walked every object it holds: six of them, 0.58 s of processor time on
    the dated stream, that found nothing to free (docs/performance.md, "Issue 17, seventh
    pass"). What it allocates from here on is collected as before."""
    gc.collect()
    gc.freeze()


def _start_pool(options: Options, workers: int) -> ProcessPoolExecutor:
    """`workers` processes, forked now with this process's Analyzer (see `start_method`)
    or spawned to build their own."""
    method = start_method()
    if method != "fork":
        return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method))
    _worker_analyzer(options)  # a model that cannot load fails here, as it would in a worker
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_fresh_streams)
    # The workers take the objects loaded so far (the model, the knowledge) as permanent:
    # their garbage collections then never walk them nor write to their pages, which stay
    # shared with this process (over 300 dated articles, collections took 0.29 s of
    # processor time with them, 0.05 s without).
    gc.freeze()
    try:
        # a forking pool starts all its workers at the first task: now, with the Analyzer
        pool.submit(int).result()
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        gc.unfreeze()  # this process lets go of its copy: its cycles must be collectable
        _worker_analyzer.cache_clear()  # the workers have their copies; this process writes
    return pool


@contextlib.contextmanager
def _dask(options: Options, address: str, task: Callable[[Options, list[Article]], list[Any]]) -> Iterator[Analyse]:
    from distributed import Client
    from distributed.scheduler import KilledWorker

    try:
        client = Client(address, timeout=SCHEDULER_TIMEOUT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise WorkerError(f"cannot reach the Dask scheduler at {address}: {exc}; start one with "
                          "`dask scheduler` and workers with `dask worker ADDRESS --nthreads 1`") from exc
    try:
        threads = max(sum(client.nthreads().values()), 1)

        def submit(chunk: list[Article]) -> Any:
            return client.submit(task, options, chunk, pure=False)

        def analyse(articles: Iterable[Article]) -> Iterator[Analysed]:
            try:
                yield from ordered(submit, articles, in_flight=threads * AHEAD)
            except KilledWorker as exc:
                raise WorkerError(f"Dask workers kept dying on the same articles ({exc}); what was stored "
                                  "is kept: check the workers' memory, then run the command again") from exc

        yield analyse
    finally:
        client.close()
