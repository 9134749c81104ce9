"""The writer's work as the store grows: an ingest's writes replayed from saved analyses.

    .venv/bin/python benchmarks/writes_at_scale.py --save FILE CORPUS [--workers 2]
    .venv/bin/python benchmarks/writes_at_scale.py FILE [--parts 10] [--top 25] [--into STORE]

`--save` analyses CORPUS (a JSON Lines file or a folder of them, as `benchmarks/scaling.py
--keep DIR` writes `DIR/corpus-10`) with the workers of an ingest and keeps each analysis
with its story print (a pickle: keep it outside the repository, in /tmp for instance).

Replaying FILE runs `commands.ingest_articles` on a fresh store with those analyses in
place of the workers', so the writer does what it does in an ingest (the checks, the
batches, the opens and closes, fusion), and nothing else runs beside it. Every SQL
statement is timed in processor seconds of the writer's thread (DuckDB runs one thread
per store, the caller's), by kind and by part of the input: `--parts 10` over the ten
copies of `scaling.py --copies 10` compares the first news cycle's writes, into an empty
store, with the last one's, into a store nine times as large. What grows from part to
part is what reads more as the store grows. Opening (connect and migrate) and closing
(each close checkpoints) are timed apart, and the rest of the writes (Python: fusion's
scoring, clustering, rows) is their time less those.
"""
from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from sitroom.commands import IngestReport, ingest_articles
from sitroom.errors import InputError
from sitroom.intake import read_articles
from sitroom.options import Options
from sitroom.parallel import Analysed, analysts
from sitroom.records import Article
from sitroom.store import database

sys.path.insert(0, str(Path(__file__).resolve().parent))
from statement_times import StatementTimes  # noqa: E402  (a sibling script, not a package)


def save(corpus: Path, out: Path, workers: int) -> int:
    articles = []
    for item in read_articles([str(corpus)], Options()):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    with analysts(Options(), workers=workers, for_store=True) as analyse:
        analysed = list(analyse(articles))
    out.write_bytes(pickle.dumps(analysed, protocol=pickle.HIGHEST_PROTOCOL))
    print(f"{len(analysed)} analyses saved to {out}")
    return 0


class PartTimes:
    """A `StatementTimes` per part of the input, the part being the one the writes are in,
    with the opens and closes timed apart (processor time of this thread)."""

    def __init__(self, parts: int, total: int) -> None:
        self.parts = [StatementTimes(clock=time.thread_time) for _ in range(parts)]
        self.opens = [0.0] * parts
        self.closes = [0.0] * parts
        self.writes = [0.0] * parts
        self.size = max(total // parts, 1)
        self.part = 0

    def at(self, written: int) -> None:
        self.part = min(written // self.size, len(self.parts) - 1)


def replay(saved: Path, parts: int, top: int, into: Path | None) -> int:
    analysed: list[Analysed] = pickle.loads(saved.read_bytes())
    by_id = {(item[0] if isinstance(item, tuple) else item).article.id: item for item in analysed}
    articles = [(item[0] if isinstance(item, tuple) else item).article for item in analysed]
    times = PartTimes(parts, len(articles))
    connect, close = database._connect, database.Store.close

    def timed_connect(*args: Any, **kwargs: Any) -> Any:
        began = time.thread_time()
        con = connect(*args, **kwargs)
        times.opens[times.part] += time.thread_time() - began
        return times.parts[times.part].wrap(con)

    def timed_close(store: database.Store) -> None:
        began = time.thread_time()
        close(store)
        times.closes[times.part] += time.thread_time() - began

    def analyse(wanted: Iterable[Article]) -> Iterator[Analysed]:
        for article in wanted:
            yield by_id[article.id]

    written = [0, 0.0]  # articles written, and the writes' processor time so far

    def progress(report: IngestReport) -> None:
        now = time.thread_time()
        times.writes[times.part] += now - written[1]
        written[0], written[1] = report.stored, now
        times.at(report.stored)

    with tempfile.TemporaryDirectory(prefix="sitroom-writes-") as scratch:
        store = into or Path(scratch) / "store.duckdb"
        store.unlink(missing_ok=True)
        database._connect, database.Store.close = timed_connect, timed_close
        try:
            began = time.perf_counter()
            written[1] = time.thread_time()
            report = ingest_articles(articles, Options(), store, analyse=analyse, progress=progress)
            seconds = time.perf_counter() - began
        finally:
            database._connect, database.Store.close = connect, close
    print(f"{report.stored} articles written in {seconds:.1f} s (wall), {sum(times.writes):.1f} s of the "
          f"writer's processor time (checks and writes), in {parts} parts of {times.size}")
    print(f"{'part':>4} {'writes':>7} {'stmts':>7} {'open':>6} {'close':>6} {'rest':>6}")
    for k in range(parts):
        statements = times.parts[k].total()
        rest = times.writes[k] - statements - times.opens[k] - times.closes[k]
        print(f"{k:>4} {times.writes[k]:7.2f} {statements:7.2f} {times.opens[k]:6.2f} {times.closes[k]:6.2f} "
              f"{rest:6.2f}")
    first, last = times.parts[0], times.parts[-1]
    print(f"statements, part 0 against part {parts - 1} (calls, rows fetched, processor seconds, ratio), "
          f"the longest in part {parts - 1} first:")
    for key, calls, seconds in last.rows()[:top]:
        before = first.seconds.get(key, 0.0)
        ratio = f"{seconds / before:6.1f}" if before else "     -"
        print(f"{first.calls.get(key, 0):>5} {calls:>5} {first.rows_read.get(key, 0):>7} {last.rows_read[key]:>7} "
              f"{before:7.3f} {seconds:7.3f} {ratio}  {key}")
    growth: dict[str, float] = defaultdict(float)
    for key, seconds in last.seconds.items():
        growth[key] = seconds - first.seconds.get(key, 0.0)
    print(f"grew most from part 0 to part {parts - 1} (seconds added):")
    for key, added in sorted(growth.items(), key=lambda item: -item[1])[:10]:
        print(f"  {added:+7.3f}  {key}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("saved", type=Path, help="analyses saved by --save")
    parser.add_argument("corpus", type=Path, nargs="?", help="with --save: the corpus to analyse")
    parser.add_argument("--save", action="store_true", help="analyse CORPUS and save the analyses to SAVED")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--parts", type=int, default=10, help="parts of the input to time apart")
    parser.add_argument("--top", type=int, default=25, help="statements to print")
    parser.add_argument("--into", type=Path, help="the store to write (kept); default: a temporary one")
    args = parser.parse_args()
    if args.save:
        if args.corpus is None:
            parser.error("--save needs a CORPUS")
        return save(args.corpus, args.saved, args.workers)
    return replay(args.saved, args.parts, args.top, args.into)


if __name__ == "__main__":
    sys.exit(main())
