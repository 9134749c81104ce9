"""How ingest time and memory grow with the dated stream: the corpus once against ten times.

    .venv/bin/python benchmarks/scaling.py [--copies 1 10] [--workers 2] [--same-days] [--keep DIR] [--statements]

The corpus is `sitroom bench`'s dated stream of the shared ECB+ documents (982 news texts,
`bench.dated_feed`: each gold event cluster is one story, its reports from other
outlets out within a day or two, over four days). Copy 0 is that stream as it is. Each
further copy is the same stream rewritten into a new news cycle: every story's numbers
are shifted and one of its names is swapped for a name from another document (one
shift and one swap per story, so its reports still tell one story), each article gets
its own id, and the copy's four days come `CYCLE_GAP` quiet days after the previous
copy's. Ten copies are ten news cycles at the density of the first. The gap keeps a
story's copies out of each other's reach: a copy is the same text with other numbers, so
within fusion's windows (a story links articles up to `story.STORY_DAYS` apart, events
join up to `fusion.DATE_WINDOW` days apart) each story's ten copies would chain into one
event that grows with every copy, which is not what ten times the news is (an earlier
version of this benchmark put the copies back to back, and 9,820 articles fused into
4,916 events). `--same-days` puts every copy in the same four days instead: ten times
the articles per day, fusion's hardest case.
Everything is seeded, so the corpora are the same on every run.

Each corpus is written as JSON Lines files of `FILE_DOCS` documents (intake reads a file
whole) and ingested into a fresh store with `commands.ingest`. Printed per size: wall
time, documents per second, processor time of this process and its workers, peak RSS,
the time spent in store checks and writes, and the store's counts; then the ratios of
the largest size to the smallest against the targets (time at most 10.5 times for ten
times the documents, peak memory within `MEMORY_TARGET`). `--statements` also times the
writer's SQL statements, each kind apart (`statement_times.py`), and prints those of the
largest size that took longest beside the smallest size's.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psutil

from sitroom import fusion, story
from sitroom.bench import FEED_DAYS, FEED_FIRST_DAY, FEED_SEED, MB, STORY_DAYS, PeakMemory, dated_feed, documents, \
    feed_line, stories, timed_cpu
from sitroom.commands import ingest
from sitroom.options import Options
from sitroom.records import Article
from sitroom.store import Store

from statement_times import StatementTimes, compare  # noqa: E402  (a sibling script, not a package)

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
FILE_DOCS = 500  # documents per JSON Lines file: well under intake's per-file size limit
CYCLE_DAYS = FEED_DAYS + STORY_DAYS - 1  # the days one copy of the stream spans
# quiet days between two copies: more than either fusion window (see the module docstring)
CYCLE_GAP = max(story.STORY_DAYS, fusion.DATE_WINDOW) + 1
NUMBER = re.compile(r"\b\d{1,4}\b")
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
TIME_PER_COPY = 1.05  # ten times the documents may cost at most 10.5 times the time
MEMORY_TARGET = 0.10  # peak memory at ten times the documents may be at most this much higher


def rewritten(article: Article, shift: int, swap: tuple[str, str] | None, copy: int) -> Article:
    """`article` as copy `copy` tells it: numbers shifted, one name swapped, its own id."""
    text = NUMBER.sub(lambda m: str(int(m.group()) + shift), article.text)
    if swap is not None:
        text = re.sub(rf"\b{re.escape(swap[0])}\b", swap[1], text)
    return dataclasses.replace(article, id=f"{article.id}-copy{copy}", text=text)


def stream(copies: int, *, same_days: bool = False, corpus: Path = ECB) -> Iterator[Article]:
    """The dated stream `copies` times over, copy after copy (see the module docstring)."""
    options = Options()
    bases = list(documents(corpus, None, options))
    story_of = stories(corpus)
    names = sorted({name for article in bases for name in NAME.findall(article.text)})
    rng = random.Random(FEED_SEED)
    for copy in range(copies):
        first_day = FEED_FIRST_DAY + dt.timedelta(days=0 if same_days else copy * (CYCLE_DAYS + CYCLE_GAP))
        if copy == 0:
            yield from dated_feed(bases, story_of, first_day=first_day)
            continue
        by_story: dict[str, list[Article]] = {}
        for article in bases:
            by_story.setdefault(story_of.get(article.id, article.id), []).append(article)
        told: list[Article] = []
        copy_story: dict[str, str] = {}
        for story_id, reports in by_story.items():
            shift = rng.randrange(1, 9)
            found = sorted({name for article in reports for name in NAME.findall(article.text)})
            swap = (rng.choice(found), rng.choice(names)) if found else None
            for article in reports:
                told.append(rewritten(article, shift, swap, copy))
                copy_story[told[-1].id] = f"{story_id}-copy{copy}"
        yield from dated_feed(told, copy_story, seed=FEED_SEED + copy, first_day=first_day)


def write_corpus(folder: Path, copies: int, *, same_days: bool) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = None
    for k, article in enumerate(stream(copies, same_days=same_days)):
        if k % FILE_DOCS == 0:
            if out:
                out.close()
            out = (folder / f"part-{k // FILE_DOCS:04d}.jsonl").open("w", encoding="utf-8")
        out.write(feed_line(article))
    if out:
        out.close()
    return folder


class ProcessPeaks(PeakMemory):
    """`PeakMemory`, and the peak of the workers' RSS summed (this process's children,
    without it) and of each worker alone: which of the writer and the workers grows."""

    def __init__(self) -> None:
        super().__init__()
        self.workers_peak = 0
        self.each: dict[int, int] = {}

    def sample(self) -> None:
        super().sample()
        total = 0
        for child in psutil.Process().children(recursive=True):
            try:
                rss = child.memory_info().rss
            except (psutil.NoSuchProcess, psutil.AccessDenied):
                continue
            total += rss
            self.each[child.pid] = max(self.each.get(child.pid, 0), rss)
        self.workers_peak = max(self.workers_peak, total)


def measure(corpus: Path, store: Path, workers: int, statements: StatementTimes | None = None) -> dict:
    with ProcessPeaks() as memory, statements or contextlib.nullcontext():
        report, seconds, peak, cpu = timed_cpu(lambda: ingest([str(corpus)], Options(), store, workers=workers))
    with Store.open(store, read_only=True) as opened:
        stats = opened.stats()
    return {"documents": report.articles, "stored": report.stored, "failed": len(report.failed),
            "seconds": seconds, "cpu": cpu, "peak_rss": peak, "writer_rss": memory.own_peak,
            "workers_rss": memory.workers_peak, "each_worker_rss": sorted(memory.each.values(), reverse=True),
            "check_seconds": report.check_seconds,
            "write_seconds": report.write_seconds, **stats}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 10], help="sizes, in copies of the stream")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--same-days", action="store_true", help="every copy in the same four days")
    parser.add_argument("--keep", type=Path, help="write the corpora and stores here and keep them")
    parser.add_argument("--statements", action="store_true", help="time the writer's SQL statements, each kind apart")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitroom-scaling-") as scratch:
        root = args.keep or Path(scratch)
        results = []
        timings: list[StatementTimes] = []
        for copies in args.copies:
            corpus = write_corpus(root / f"corpus-{copies}", copies, same_days=args.same_days)
            store = root / f"store-{copies}.duckdb"
            store.unlink(missing_ok=True)
            timings.append(StatementTimes())
            result = measure(corpus, store, args.workers, timings[-1] if args.statements else None)
            results.append(result)
            each = "/".join(f"{rss / MB:.0f}" for rss in result["each_worker_rss"][:4])
            print(f"{copies:>3} x dated stream, {result['documents']:>6} docs: {result['seconds']:7.1f} s  "
                  f"{result['documents'] / result['seconds']:6.2f} docs/s  CPU {result['cpu']:7.1f} s  "
                  f"peak RSS {result['peak_rss'] / MB:6.0f} MB (writer {result['writer_rss'] / MB:4.0f} MB, workers "
                  f"{result['workers_rss'] / MB:4.0f} MB, each at most {each})  "
                  f"store checks {result['check_seconds']:5.1f} s  "
                  f"writes {result['write_seconds']:6.1f} s  ({result['stored']} stored, {result['failed']} failed; "
                  f"{result['events']} events, {result['evidence']} evidence rows, "
                  f"{result['sentences']} sentences)", flush=True)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        scale = large["documents"] / small["documents"]
        time_ratio = large["seconds"] / small["seconds"]
        memory_growth = large["peak_rss"] / small["peak_rss"] - 1
        writer_growth = large["writer_rss"] / small["writer_rss"] - 1
        print(f"{scale:.0f}x the documents{' in the same days' if args.same_days else ''}: {time_ratio:.2f}x the "
              f"time (target <= {TIME_PER_COPY * scale:.1f}x), {large['cpu'] / small['cpu']:.2f}x the processor "
              f"time, peak memory {100 * memory_growth:+.1f}% (target within {100 * MEMORY_TARGET:.0f}%), "
              f"the writer's {100 * writer_growth:+.1f}%; "
              f"writes {large['write_seconds'] / small['write_seconds']:.2f}x, "
              f"checks {large['check_seconds'] / small['check_seconds']:.2f}x")
        if args.statements:
            print(compare(timings[0], timings[-1]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
