"""How ingest time and memory grow with the corpus: 1,000 against 10,000 documents.

    .venv/bin/python benchmarks/scaling.py [--sizes 1000 10000] [--workers 2] [--keep DIR]

The corpora are made from the shared ECB+ documents (982 news texts): document k is
ECB+ document k mod 982, and every copy after the first is varied so that it is a
distinct article (its own id, outlet and date; numbers changed; one name swapped for a
name from another document). A share of copies (`SAME_STORY_SHARE`) keeps the text and
changes only the id, outlet and date, as another outlet running the same wire story
would: their events have the same content and fuse with the first copy's. Everything
is seeded, so the corpora are the same on every run.

Each corpus is written as JSON Lines files of `FILE_DOCS` documents (intake reads a file
whole) and ingested into a fresh store with `commands.ingest`. Printed per size: wall
time, documents per second, peak RSS of this process and its workers, the time spent in
store checks and writes, and the store's counts; then the 10,000 : 1,000 ratios against
the targets (time at most ~11x, peak memory within 20%).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sitroom.bench import MB, timed
from sitroom.commands import ingest
from sitroom.options import Options
from sitroom.store import Store

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
FILE_DOCS = 500  # documents per JSON Lines file: well under intake's per-file size limit
SAME_STORY_SHARE = 0.25  # copies that keep their text (another outlet, same wire story)
FIRST_DAY = dt.date(2024, 1, 1)
DAYS = 365
OUTLETS = ("Wire A", "Daily B", "Courier C", "Herald D", "Post E", "Times F", "Monitor G")
NUMBER = re.compile(r"\b\d{1,4}\b")
NAME = re.compile(r"\b[A-Z][a-z]{3,}\b")
TIME_TARGET = 11.0  # 10x the documents may cost at most this many times the time
MEMORY_TARGET = 0.20  # peak memory at 10x the documents may be at most this much higher


def base_documents() -> list[dict]:
    return [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]


def variant(base: dict, copy: int, rng: random.Random, names: list[str]) -> dict:
    """Copy number `copy` (0: the original) of one ECB+ document, as an article."""
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    text = base["text"]
    if copy and rng.random() >= SAME_STORY_SHARE:
        shift = rng.randrange(1, 9)
        text = NUMBER.sub(lambda m: str(int(m.group()) + shift), text)
        found = NAME.findall(text)
        if found:
            text = re.sub(rf"\b{re.escape(rng.choice(found))}\b", rng.choice(names), text)
    return {
        "id": base["id"] if copy == 0 else f"{base['id']}-copy{copy}",
        "text": text,
        "outlet": OUTLETS[copy % len(OUTLETS)],
        "published": day.isoformat(),
    }


def documents(size: int, seed: int = 7) -> Iterator[dict]:
    bases = base_documents()
    rng = random.Random(seed)
    names = sorted({name for doc in bases for name in NAME.findall(doc["text"])})
    for k in range(size):
        yield variant(bases[k % len(bases)], k // len(bases), rng, names)


def write_corpus(folder: Path, size: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = None
    for k, doc in enumerate(documents(size)):
        if k % FILE_DOCS == 0:
            if out:
                out.close()
            out = (folder / f"part-{k // FILE_DOCS:04d}.jsonl").open("w", encoding="utf-8")
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    if out:
        out.close()
    return folder


def measure(corpus: Path, store: Path, workers: int) -> dict:
    report, seconds, peak = timed(lambda: ingest([str(corpus)], Options(), store, workers=workers))
    with Store.open(store, read_only=True) as opened:
        stats = opened.stats()
    return {"documents": report.articles, "stored": report.stored, "failed": len(report.failed),
            "seconds": seconds, "peak_rss": peak, "check_seconds": report.check_seconds,
            "write_seconds": report.write_seconds, **stats}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write the corpora and stores here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sitroom-scaling-") as scratch:
        root = args.keep or Path(scratch)
        results = []
        for size in args.sizes:
            corpus = write_corpus(root / f"corpus-{size}", size)
            store = root / f"store-{size}.duckdb"
            store.unlink(missing_ok=True)
            result = measure(corpus, store, args.workers)
            results.append(result)
            print(f"{size:>6} docs: {result['seconds']:7.1f} s  {result['documents'] / result['seconds']:6.2f} docs/s  "
                  f"peak RSS {result['peak_rss'] / MB:6.0f} MB  store checks {result['check_seconds']:5.1f} s  "
                  f"writes {result['write_seconds']:5.1f} s  ({result['stored']} stored, {result['failed']} failed; "
                  f"{result['events']} events, {result['evidence']} evidence rows, "
                  f"{result['sentences']} sentences)", flush=True)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        scale = large["documents"] / small["documents"]
        time_ratio = large["seconds"] / small["seconds"]
        memory_growth = large["peak_rss"] / small["peak_rss"] - 1
        print(f"{scale:.0f}x the documents: {time_ratio:.2f}x the time (target <= {TIME_TARGET:.0f}x), "
              f"peak memory {100 * memory_growth:+.1f}% (target within {100 * MEMORY_TARGET:.0f}%); "
              f"writes {large['write_seconds'] / small['write_seconds']:.2f}x, "
              f"checks {large['check_seconds'] / small['check_seconds']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
