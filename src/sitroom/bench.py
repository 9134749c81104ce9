"""`sitroom bench`: sitroom's end-to-end speed against bare spaCy's, on the same documents,
undated and as a dated news feed.

    for result in run_bench(Path("ecbplus_docs.jsonl"), limit=500, workers=2):
        print("\\n".join(result.lines()))

Two streams of the same documents, each timed against bare spaCy in the same run:

- undated: the corpus as it is;
- dated: the corpus as a feed delivers it (`dated_feed`): every story breaks on one of
  `FEED_DAYS` days and its reports from other outlets follow within `STORY_DAYS` days,
  all interleaved in publication order. A story is the corpus's gold event cluster
  (`STORY_FIELD`, as ECB+ gives it) where there is one, else the document alone. This
  is fusion's hardest case: many reports of the same events in the same few days.

Per stream, two timed runs over the same documents, in this order:

1. sitroom: `commands.ingest_articles` into a temporary store (reading, analysis in
   `workers` processes, store writes), from the first article read to the last batch
   written, worker start-up and model loading included;
2. bare spaCy: `spacy.load(model)` with its full default pipeline, then
   `nlp.pipe(texts, n_process=workers, batch_size=parallel.CHUNK)` over the texts sitroom
   read, model loading and process start-up included. The batch size is sitroom's chunk
   size: spaCy hands whole batches to its processes, and its default batch (1000 texts)
   would leave all but one process idle on a corpus of this size.

CPU time is the processor seconds this process and its children spent during a run
(user and system, from `getrusage`; worker processes count once they have ended, and
both runs end theirs). On a machine shared with other work, wall time says how long a
run waited as much as how long it worked; CPU time says how much work it did, so its
ratio is the steadier of the two.

Peak memory is the largest sum of resident set sizes (RSS) of this process and all its
descendants seen during each run, sampled every `MEMORY_SAMPLE_SECONDS`. RSS counts
pages shared between processes (a forked spaCy worker shares the parent's model) once
per process, so it overstates what the machine gives up.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import resource
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

import psutil

from .commands import ingest_articles
from .errors import InputError, UsageError
from .intake import read_articles
from .intake.readers import JSONL_SUFFIXES
from .nlp import load_model
from .options import Options
from .parallel import CHUNK
from .records import Article
from .store import Store

MEMORY_SAMPLE_SECONDS = 0.25  # a worker holds its peak for the seconds it parses a batch; each sample costs ~1 ms
MB = 1024 * 1024
T = TypeVar("T")

STREAMS = ("undated", "dated")
# The dated feed: stories break on one of FEED_DAYS days from FEED_FIRST_DAY, and each
# report of a story comes out on its first day or within STORY_DAYS - 1 days after, as
# other outlets pick the story up ("within a day or two").
FEED_FIRST_DAY = dt.date(2025, 3, 10)
FEED_DAYS = 3
STORY_DAYS = 2
FEED_SEED = 17  # the feed is the same on every run
STORY_FIELD = "gold_event_cluster"  # ECB+'s gold event cluster: the documents that report one event
OUTLETS = ("Wire A", "Daily B", "Courier C", "Herald D", "Post E", "Times F", "Monitor G", "Gazette H",
           "Tribune I", "Observer J", "Chronicle K", "Ledger L")


@dataclass(frozen=True, kw_only=True)
class BenchResult:
    corpus: str
    model: str
    documents: int
    words: int  # whitespace-separated words in the documents' texts
    workers: int
    events: int  # events sitroom coded, one per article that reports it
    sitroom_seconds: float
    sitroom_peak_rss: int  # bytes, this process and its children together
    spacy_seconds: float
    spacy_peak_rss: int
    stream: str = "undated"  # how the documents came: "undated", or the dated feed's description
    sitroom_cpu_seconds: float = 0.0  # processor time, this process and its children together
    sitroom_parent_cpu_seconds: float = 0.0  # of which this process's: reading, dispatching, writing
    spacy_cpu_seconds: float = 0.0
    fused_events: int | None = None  # events in the store after fusion
    write_seconds: float = 0.0  # of sitroom's time, spent opening the store and writing (fusion included)

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

    @property
    def cpu_ratio(self) -> float:
        """bare spaCy's processor time as a share of sitroom's (1.0: the same work)."""
        return self.spacy_cpu_seconds / self.sitroom_cpu_seconds if self.sitroom_cpu_seconds else 0.0

    def lines(self) -> list[str]:
        fused = f", {self.fused_events} after fusion" if self.fused_events is not None else ""
        return [
            f"{self.stream}: {self.documents} documents, {self.words:,} words from {self.corpus}; "
            f"{self.workers} process{'es' if self.workers > 1 else ''} each",
            f"sitroom ingest  {self.sitroom_seconds:7.1f} s  {self.sitroom_docs_per_second:6.2f} docs/s  "
            f"{self.sitroom_words_per_second:7.0f} words/s  peak RSS {self.sitroom_peak_rss / MB:6.0f} MB  "
            f"CPU {self.sitroom_cpu_seconds:6.1f} s  ({self.events} events coded{fused}; this process "
            f"CPU {self.sitroom_parent_cpu_seconds:.1f} s, store writes {self.write_seconds:.1f} s)",
            f"bare spaCy      {self.spacy_seconds:7.1f} s  {self.spacy_docs_per_second:6.2f} docs/s  "
            f"{self.spacy_words_per_second:7.0f} words/s  peak RSS {self.spacy_peak_rss / MB:6.0f} MB  "
            f"CPU {self.spacy_cpu_seconds:6.1f} s  ({self.model}, full pipeline, nlp.pipe n_process={self.workers})",
            f"sitroom / spaCy speed: {self.ratio:.2f} (CPU time: {self.cpu_ratio:.2f})",
        ]


class PeakMemory:
    """Samples the RSS of this process and its descendants in a thread; `peak` is the
    largest sum seen between entering and leaving, `own_peak` the largest RSS of this
    process alone (the reader and writer of an ingest, without its workers)."""

    def __init__(self, interval: float = MEMORY_SAMPLE_SECONDS) -> None:
        self.interval = interval
        self.peak = 0
        self.own_peak = 0
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
        self.own_peak = max(self.own_peak, psutil.Process().memory_info().rss)


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


def stories(corpus: Path) -> dict[str, str]:
    """Each document's story (its `STORY_FIELD`) by document id, for a JSON Lines corpus
    that carries one; other corpora have none (every document is its own story)."""
    if corpus.suffix.lower() not in JSONL_SUFFIXES or not corpus.is_file():
        return {}
    out: dict[str, str] = {}
    with corpus.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                item = json.loads(line)
            except ValueError:
                continue  # intake names the bad line when the bench reads the corpus
            if isinstance(item, dict) and item.get("id") is not None and item.get(STORY_FIELD) is not None:
                out[str(item["id"])] = str(item[STORY_FIELD])
    return out


def dated_feed(articles: Sequence[Article], story_of: Mapping[str, str], *, seed: int = FEED_SEED,
               first_day: dt.date = FEED_FIRST_DAY) -> list[Article]:
    """`articles` as a news feed delivers them: each story (`story_of`, by article id; an
    article without one is a story alone) breaks on one of `FEED_DAYS` days from
    `first_day`, its reports come out that day or within `STORY_DAYS - 1` days after,
    each from another outlet, and the feed is in publication order (the reports of one
    day shuffled together). Seeded: the same input gives the same feed."""
    rng = random.Random(seed)
    by_story: dict[str, list[Article]] = {}
    for article in articles:
        by_story.setdefault(story_of.get(article.id, article.id), []).append(article)
    dated: list[tuple[dt.date, float, Article]] = []
    for reports in by_story.values():
        first = first_day + dt.timedelta(days=rng.randrange(FEED_DAYS))
        outlets = rng.sample(OUTLETS, k=len(OUTLETS))
        for i, article in enumerate(reports):
            day = first + dt.timedelta(days=rng.randrange(STORY_DAYS))
            dated.append((day, rng.random(), replace(article, published=day.isoformat(), published_inferred=False,
                                                    outlet=outlets[i % len(outlets)])))
    dated.sort(key=lambda entry: entry[:2])
    return [article for _, _, article in dated]


def feed_line(article: Article) -> str:
    """One article as a JSON Lines record that intake reads back as the same article."""
    fields = {"id": article.id, "text": article.text, "title": article.title, "outlet": article.outlet,
              "published": article.published, "url": article.url}
    return json.dumps({k: v for k, v in fields.items() if v is not None}, ensure_ascii=False) + "\n"


def describe_feed(feed: Sequence[Article], story_of: Mapping[str, str]) -> str:
    days = sorted({article.published for article in feed if article.published})
    count = len({story_of.get(article.id, article.id) for article in feed})
    return f"dated ({days[0]} to {days[-1]}, {count} stories)" if days else "dated"


def cpu_seconds(*, children: bool = True) -> float:
    """Processor seconds of this process and (unless `children` is False) of its
    children that have ended."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    if children:
        ended = resource.getrusage(resource.RUSAGE_CHILDREN)
        total += ended.ru_utime + ended.ru_stime
    return total


def timed(run: Callable[[], T]) -> tuple[T, float, int]:
    """What `run` returns, the seconds it took and the peak RSS while it ran."""
    value, seconds, peak, _ = timed_cpu(run)
    return value, seconds, peak


def timed_cpu(run: Callable[[], T]) -> tuple[T, float, int, float]:
    """`timed`, and the processor seconds `run` and the children it waited for used."""
    with PeakMemory() as memory:
        cpu = cpu_seconds()
        began = time.perf_counter()
        value = run()
        seconds = time.perf_counter() - began
        cpu = cpu_seconds() - cpu
    return value, seconds, memory.peak, cpu


def run_bench(corpus: Path, *, limit: int | None = None, workers: int = 1, options: Options | None = None,
              streams: Sequence[str] = STREAMS) -> Iterator[BenchResult]:
    """Time sitroom against bare spaCy on each stream of `corpus`'s documents (see the
    module docstring), in the order of `streams`; each result as soon as it is measured."""
    options = options or Options()
    unknown = [s for s in streams if s not in STREAMS]
    if unknown or not streams:
        raise UsageError(f"streams must be some of {', '.join(STREAMS)}, not {', '.join(unknown) or 'none'}")
    articles = list(documents(corpus, limit, options))
    if not articles:
        raise UsageError(f"{corpus}: no documents to time")
    return _streams(corpus, articles, workers, options, streams)


def _streams(corpus: Path, articles: list[Article], workers: int, options: Options,
             streams: Sequence[str]) -> Iterator[BenchResult]:
    with tempfile.TemporaryDirectory(prefix="sitroom-bench-") as folder:
        for stream in streams:
            source, label = corpus, "undated"
            if stream == "dated":
                story_of = stories(corpus)
                feed = dated_feed(articles, story_of)
                source = Path(folder) / corpus.with_suffix(".dated.jsonl").name
                source.write_text("".join(feed_line(article) for article in feed), encoding="utf-8")
                label = describe_feed(feed, story_of)
            yield _run(source, len(articles), workers, options, Path(folder) / f"{stream}.duckdb",
                       stream=label, name=corpus.name)


def _run(source: Path, limit: int, workers: int, options: Options, store: Path, *, stream: str,
         name: str) -> BenchResult:
    texts = [article.text for article in documents(source, limit, options)]
    load_model.cache_clear()  # each run loads its model, as bare spaCy's does
    parent_cpu = cpu_seconds(children=False)
    report, sitroom_seconds, sitroom_peak, sitroom_cpu = timed_cpu(
        lambda: ingest_articles(documents(source, limit, options), options, store, workers=workers))
    parent_cpu = cpu_seconds(children=False) - parent_cpu
    with Store.open(store, read_only=True) as opened:
        fused = opened.stats()["events"]

    def bare_spacy() -> int:
        import spacy

        nlp = spacy.load(options.model)
        texts = (article.text for article in documents(source, limit, options))
        return sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=CHUNK))

    _, spacy_seconds, spacy_peak, spacy_cpu = timed_cpu(bare_spacy)
    return BenchResult(
        corpus=name, model=options.model, documents=len(texts), words=sum(len(t.split()) for t in texts),
        workers=workers, events=report.events, sitroom_seconds=sitroom_seconds, sitroom_peak_rss=sitroom_peak,
        spacy_seconds=spacy_seconds, spacy_peak_rss=spacy_peak, stream=stream, fused_events=fused,
        write_seconds=report.write_seconds, sitroom_cpu_seconds=sitroom_cpu, spacy_cpu_seconds=spacy_cpu,
        sitroom_parent_cpu_seconds=parent_cpu,
    )
