"""`sitroom bench`: sitroom's end-to-end speed against bare spaCy's, on the same documents.

    result = run_bench(Path("ecbplus_docs.jsonl"), limit=500, workers=2)
    print("\\n".join(result.lines()))

Two timed runs over the same documents, in this order:

1. sitroom: `commands.ingest_articles` into a temporary store (reading, analysis in
   `workers` processes, store writes), from the first article read to the last batch
   written, worker start-up and model loading included;
2. bare spaCy: `spacy.load(model)` with its full default pipeline, then
   `nlp.pipe(texts, n_process=workers, batch_size=parallel.CHUNK)` over the texts sitroom
   read, model loading and process start-up included. The batch size is sitroom's chunk
   size: spaCy hands whole batches to its processes, and its default batch (1000 texts)
   would leave all but one process idle on a corpus of this size.

Peak memory is the largest sum of resident set sizes (RSS) of this process and all its
descendants seen during each run, sampled every `MEMORY_SAMPLE_SECONDS`. RSS counts
pages shared between processes (a forked spaCy worker shares the parent's model) once
per process, so it overstates what the machine gives up.
"""
from __future__ import annotations

import itertools
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import psutil

from .commands import ingest_articles
from .errors import InputError, UsageError
from .intake import read_articles
from .options import Options
from .parallel import CHUNK
from .records import Article

MEMORY_SAMPLE_SECONDS = 0.05  # often enough to catch a worker's peak while it parses a batch
MB = 1024 * 1024
T = TypeVar("T")


@dataclass(frozen=True, kw_only=True)
class BenchResult:
    corpus: str
    model: str
    documents: int
    words: int  # whitespace-separated words in the documents' texts
    workers: int
    events: int  # events sitroom coded
    sitroom_seconds: float
    sitroom_peak_rss: int  # bytes, this process and its children together
    spacy_seconds: float
    spacy_peak_rss: int

    @property
    def sitroom_docs_per_second(self) -> float:
        return self.documents / self.sitroom_seconds

    @property
    def sitroom_words_per_second(self) -> float:
        return self.words / self.sitroom_seconds

    @property
    def spacy_docs_per_second(self) -> float:
        return self.documents / self.spacy_seconds

    @property
    def spacy_words_per_second(self) -> float:
        return self.words / self.spacy_seconds

    @property
    def ratio(self) -> float:
        """sitroom's speed as a share of bare spaCy's (1.0: as fast)."""
        return self.spacy_seconds / self.sitroom_seconds

    def lines(self) -> list[str]:
        return [
            f"{self.documents} documents, {self.words:,} words from {self.corpus}; "
            f"{self.workers} process{'es' if self.workers > 1 else ''} each",
            f"sitroom ingest  {self.sitroom_seconds:7.1f} s  {self.sitroom_docs_per_second:6.2f} docs/s  "
            f"{self.sitroom_words_per_second:7.0f} words/s  peak RSS {self.sitroom_peak_rss / MB:6.0f} MB  "
            f"({self.events} events stored)",
            f"bare spaCy      {self.spacy_seconds:7.1f} s  {self.spacy_docs_per_second:6.2f} docs/s  "
            f"{self.spacy_words_per_second:7.0f} words/s  peak RSS {self.spacy_peak_rss / MB:6.0f} MB  "
            f"({self.model}, full pipeline, nlp.pipe n_process={self.workers})",
            f"sitroom / spaCy speed: {self.ratio:.2f}",
        ]


class PeakMemory:
    """Samples the RSS of this process and its descendants in a thread; `peak` is the
    largest sum seen between entering and leaving."""

    def __init__(self, interval: float = MEMORY_SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sitroom-bench-memory", daemon=True)

    def __enter__(self) -> "PeakMemory":
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        self.peak = max(self.peak, tree_rss(os.getpid()))


def tree_rss(pid: int) -> int:
    """RSS of a process and all its descendants, in bytes (processes that end while
    being read count as nothing)."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def documents(corpus: Path, limit: int | None, options: Options) -> Iterator[Article]:
    """The first `limit` articles of `corpus`; an unreadable input stops the bench."""
    for item in itertools.islice(read_articles([str(corpus)], options), limit):
        if isinstance(item, InputError):
            raise item
        yield item


def timed(run: Callable[[], T]) -> tuple[T, float, int]:
    """What `run` returns, the seconds it took and the peak RSS while it ran."""
    with PeakMemory() as memory:
        began = time.perf_counter()
        value = run()
        seconds = time.perf_counter() - began
    return value, seconds, memory.peak


def run_bench(corpus: Path, *, limit: int | None = None, workers: int = 1, options: Options | None = None) -> BenchResult:
    options = options or Options()
    words = count = 0
    for article in documents(corpus, limit, options):
        words += len(article.text.split())
        count += 1
    if not count:
        raise UsageError(f"{corpus}: no documents to time")

    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as folder:
        store = Path(folder) / "bench.duckdb"
        report, sitroom_seconds, sitroom_peak = timed(
            lambda: ingest_articles(documents(corpus, limit, options), options, store, workers=workers))

    def bare_spacy() -> int:
        import spacy

        nlp = spacy.load(options.model)
        texts = (article.text for article in documents(corpus, limit, options))
        return sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=CHUNK))

    _, spacy_seconds, spacy_peak = timed(bare_spacy)
    return BenchResult(
        corpus=corpus.name, model=options.model, documents=count, words=words, workers=workers,
        events=report.events, sitroom_seconds=sitroom_seconds, sitroom_peak_rss=sitroom_peak,
        spacy_seconds=spacy_seconds, spacy_peak_rss=spacy_peak,
    )
