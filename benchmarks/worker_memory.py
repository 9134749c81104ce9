"""What a worker's memory holds chunk after chunk, in one process, over copies of the dated stream.

    .venv/bin/python benchmarks/worker_memory.py [--copies 3] [--every 1] [--skip N] [--limit N] [--out FILE]

Runs `parallel.analyze_chunk_for_store` (the task an ingest's workers run, with its trim
after each chunk) in this process over `scaling.py`'s stream of `--copies` copies of the
dated feed, chunk by chunk, and after every `--every` chunks writes one JSON line: the
documents analysed so far, the process's resident memory split as Linux counts it
(`RssAnon`: the heap and anonymous mappings; `RssFile`: pages of mapped files, such as
the truecase model's, shared with every process that maps them), glibc's heap (in use,
free inside it, mapped apart), Python's allocated blocks, spaCy's vocabulary and string
store, and the resident pages of each mapped file over 1 MB. At the end it prints each
copy's last line and the growth from the end of the first copy to the end of the last.

Where the workers' memory grows at ten times the stream, without the writer or a store:
read the split (anonymous against file pages) and which of the counts grows with it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scaling  # noqa: E402  (the stream of copies, from the benchmark beside this one)
from memory_growth import heap  # noqa: E402  (glibc's heap, read as that benchmark reads it)

from sitroom import parallel  # noqa: E402
from sitroom.options import Options  # noqa: E402

MB = 1024 * 1024
MAPPED_FILE_MIN = MB  # mapped files smaller than this are left out of the per-file split


def status() -> dict[str, int]:
    """RssAnon, RssFile and VmRSS of this process, in bytes (Linux)."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "RssAnon", "RssFile", "RssShmem"):
            found[key] = int(value.split()[0]) * 1024
    return found


def mapped_files() -> dict[str, int]:
    """Resident bytes of each file this process maps (over MAPPED_FILE_MIN), summed over its mappings."""
    sizes: dict[str, int] = {}
    name = None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            name = head[5] if len(head) > 5 and head[5].startswith("/") else None
        elif name and line.startswith("Rss:"):
            sizes[name] = sizes.get(name, 0) + int(head[1]) * 1024
    return {Path(k).name: v for k, v in sizes.items() if v >= MAPPED_FILE_MIN}


def probe(documents: int, options: Options) -> dict[str, Any]:
    nlp = parallel._worker_analyzer(options).nlp
    row: dict[str, Any] = {"documents": documents, "time": time.time(), **status(),
                           "blocks": sys.getallocatedblocks(), "vocab": len(nlp.vocab),
                           "strings": len(nlp.vocab.strings), "files": mapped_files(), **heap()}
    return row


def line(row: dict[str, Any]) -> str:
    files = " ".join(f"{k[:24]}={v / MB:.1f}" for k, v in sorted(row["files"].items()) if v >= 4 * MB)
    return (f"{row['documents']:6d} docs  RSS {row['VmRSS'] / MB:7.1f}  anon {row['RssAnon'] / MB:7.1f}  "
            f"file {row['RssFile'] / MB:6.1f}  malloc used {row.get('malloc_used', 0) / MB:7.1f}  "
            f"free {row.get('malloc_free', 0) / MB:6.1f}  mmapped {row.get('malloc_mmapped', 0) / MB:6.1f}  "
            f"py blocks {row['blocks']:9d}  vocab {row['vocab']:7d}  strings {row['strings']:7d}  {files}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--every", type=int, default=1, help="chunks between two probes")
    parser.add_argument("--skip", type=int, default=1, help="analyse every SKIP-th chunk only (a worker's share)")
    parser.add_argument("--limit", type=int, help="stop after this many documents")
    parser.add_argument("--out", type=Path, help="write every probe here as JSON Lines")
    parser.add_argument("--tracemalloc", type=int, metavar="LINES",
                        help="trace Python's allocations (slow) and print the LINES source lines whose "
                             "live memory grew most from the end of the first copy to the end")
    args = parser.parse_args()
    options = Options()
    parallel._worker_analyzer(options)
    if args.tracemalloc:
        tracemalloc.start(1)
    snapshot = None
    out = args.out.open("w", encoding="utf-8") if args.out else None
    articles = list(scaling.stream(args.copies))
    per_copy = len(articles) // args.copies
    rows = [probe(0, options)]
    print(line(rows[0]), flush=True)
    done = 0
    for k, chunk in enumerate(parallel.chunks(articles)):
        if k % args.skip:
            continue
        parallel.analyze_chunk_for_store(options, chunk)
        done += len(chunk)
        if (k // args.skip) % args.every == 0:
            rows.append(probe(done, options))
            row = {**rows[-1], "copy": (k * parallel.CHUNK) // per_copy + 1}
            if out:
                out.write(json.dumps(row) + "\n")
                out.flush()
            print(f"copy {row['copy']:2d} " + line(rows[-1]), flush=True)
        if args.tracemalloc and snapshot is None and done >= per_copy // args.skip:
            snapshot = tracemalloc.take_snapshot()
        if args.limit and done >= args.limit:
            break
    first = next((r for r in rows if r["documents"] >= per_copy // args.skip), rows[-1])
    last = rows[-1]
    print("from the end of the first copy to the last probe (MB): " + ", ".join(
        f"{key} {(last[key] - first[key]) / MB:+.1f}" for key in
        ("VmRSS", "RssAnon", "RssFile", "malloc_used", "malloc_free", "malloc_mmapped") if key in last))
    print(f"vocab {first['vocab']} -> {last['vocab']}, strings {first['strings']} -> {last['strings']}, "
          f"py blocks {first['blocks']} -> {last['blocks']}")
    if snapshot is not None:
        print("Python's live memory that grew most, by source line:")
        for stat in tracemalloc.take_snapshot().compare_to(snapshot, "lineno")[:args.tracemalloc]:
            print(f"  {stat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
