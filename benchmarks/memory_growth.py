"""What grows with the dated stream, process by process: the writer and each worker.

    .venv/bin/python benchmarks/memory_growth.py [--copies 10] [--workers 2] [--every 4] [--keep DIR]

Ingests `scaling.py`'s stream of `--copies` copies of the dated feed into a fresh store,
as `scaling.py` does, with probes in each process: every `--every` chunks a worker logs
its resident memory and what it holds (glibc's heap: in use and free; Python's
allocated blocks; the objects the collector tracks, by type, which excludes what the
worker was forked with and froze; spaCy's vocabulary and strings; the size of every
`functools` cache in sitroom's modules), and the writer logs the same after each write
(with DuckDB's own memory while the store is open). Printed: each process's figures at
the end of every copy of the stream, then the growth from the end of the first copy to
the end of the last, and the object types that grew most in the workers and the writer.

The probes cost time (a walk over the tracked objects); read the memory, not the speed.
"""
from __future__ import annotations

import argparse
import ctypes
import gc
import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scaling  # noqa: E402  (the stream of copies, from the benchmark beside this one)

from sitroom import commands, parallel  # noqa: E402
from sitroom.options import Options  # noqa: E402
from sitroom.records import Analysis, Article  # noqa: E402
from sitroom.store import Store  # noqa: E402
from sitroom.story import StoryPrint  # noqa: E402

MB = 1024 * 1024
LOG = "SITROOM_MEMORY_GROWTH_LOG"  # the folder each process logs into (one file per process)


class _Mallinfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]


def _glibc() -> Any:
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.mallinfo2.restype = _Mallinfo2
        return libc
    except (OSError, AttributeError):
        return None


LIBC = _glibc()


def heap() -> dict[str, int]:
    """glibc's heap: bytes in use, free inside it, and mapped apart (large blocks)."""
    if LIBC is None:
        return {}
    info = LIBC.mallinfo2()
    return {"malloc_used": info.uordblks, "malloc_free": info.fordblks, "malloc_mmapped": info.hblkhd}


def caches() -> dict[str, int]:
    """The current size of every `functools` cache in sitroom's modules."""
    sizes = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("sitroom"):
            continue
        for attribute, value in list(vars(module).items()):
            info = getattr(value, "cache_info", None)
            if callable(info):
                try:
                    sizes[f"{name}.{attribute}"] = info().currsize
                except TypeError:
                    continue
    return sizes


def probe(kind: str, documents: int, extra: dict[str, Any] | None = None) -> None:
    folder = os.environ.get(LOG)
    if not folder:
        return
    types = Counter(type(o).__name__ for o in gc.get_objects())
    row = {"pid": os.getpid(), "kind": kind, "documents": documents, "time": time.time(),
           "rss": psutil.Process().memory_info().rss, "blocks": sys.getallocatedblocks(),
           "tracked": sum(types.values()), "types": dict(types.most_common(40)), **heap(),
           "caches": caches(), **(extra or {})}
    with open(Path(folder) / f"{kind}-{os.getpid()}.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")


_worker_documents = 0
_worker_chunks = 0


def probed_chunk(options: Options, articles: list[Article]) -> list[tuple[Analysis, StoryPrint]]:
    """`parallel.analyze_chunk_for_store`, with a probe every EVERY chunks (in the worker)."""
    global _worker_documents, _worker_chunks
    result = original_chunk(options, articles)
    _worker_documents += len(articles)
    _worker_chunks += 1
    if _worker_chunks % EVERY == 0:
        nlp = parallel._worker_analyzer(options).nlp
        probe("worker", _worker_documents, {"vocab": len(nlp.vocab), "strings": len(nlp.vocab.strings)})
    return result


_writer_documents = 0


def probed_write(ready: list[tuple[Analysis, StoryPrint | None]], store: Any, wait: float,
                 report: commands.IngestReport, progress: Any) -> None:
    """`commands._write`, with a probe after it (in the writer)."""
    global _writer_documents
    original_write(ready, store, wait, report, progress)
    _writer_documents += len(ready)
    probe("writer", _writer_documents, {"duckdb_open": _duck[0]})


_duck = [0]  # DuckDB's memory at the last close
_duck_tags: dict[str, int] = {}  # DuckDB's memory by tag, the most seen at a close


def probed_close(self: Store) -> None:
    """DuckDB's own memory just before the store closes (after its writes)."""
    try:
        rows = self._con.execute("SELECT tag, memory_usage_bytes FROM duckdb_memory()").fetchall()
        _duck[0] = sum(int(v) for _, v in rows)
        for tag, value in rows:
            _duck_tags[tag] = max(_duck_tags.get(tag, 0), int(value))
    except Exception:  # noqa: BLE001 (a probe: left out where DuckDB has no such table)
        _duck[0] = -1
    original_close(self)


class Sampler:
    """Every `interval` seconds, the RSS of this process (the writer) and of each child,
    with how many documents the writer had written: the peaks between the probes."""

    def __init__(self, interval: float = 0.25) -> None:
        self.interval = interval
        self.samples: list[tuple[int, int, dict[int, int]]] = []  # (documents written, writer RSS, child RSS by pid)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "Sampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            children = {}
            for child in me.children(recursive=True):
                try:
                    children[child.pid] = child.memory_info().rss
                except psutil.Error:
                    continue
            self.samples.append((_writer_documents, me.memory_info().rss, children))

    def summarise(self, per_copy: int, copies: int) -> None:
        print(f"{'copy':>4}{'peak sum MB':>12}{'writer MB':>10}  workers' peaks MB (sampled every {self.interval} s)")
        for copy in range(copies):
            window = [s for s in self.samples if copy * per_copy <= s[0] < (copy + 1) * per_copy]
            if not window:
                continue
            peak_sum = max(w + sum(c.values()) for _, w, c in window)
            pids = sorted({pid for _, _, c in window for pid in c})
            workers = "  ".join(f"{pid}: {max(c.get(pid, 0) for _, _, c in window) / MB:.0f}" for pid in pids)
            print(f"{copy + 1:>4}{peak_sum / MB:12.0f}{max(w for _, w, _ in window) / MB:10.0f}  {workers}")


EVERY = 4
original_chunk = parallel.analyze_chunk_for_store
original_write = commands._write
original_close = Store.close


def summarise(folder: Path, per_copy: int, copies: int) -> None:
    rows: dict[str, list[dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.jsonl")):
        rows[path.stem] = [json.loads(line) for line in path.read_text().splitlines()]
    print(f"{'process':<18}{'copy':>5}{'docs':>7}{'RSS MB':>8}{'malloc used':>12}{'free':>7}{'mmapped':>8}"
          f"{'py blocks':>11}{'tracked':>9}  extra")
    for name, log in rows.items():
        share = per_copy if name.startswith("writer") else per_copy / max(len(rows) - 1, 1)
        for copy in range(1, copies + 1):
            upto = [r for r in log if r["documents"] <= share * copy + 1e-9]
            if not upto:
                continue
            r = upto[-1]
            extra = f"vocab {r['vocab']} strings {r['strings']}" if "vocab" in r else f"duckdb {r.get('duckdb_open', 0) / MB:.1f} MB"
            print(f"{name:<18}{copy:>5}{r['documents']:>7}{r['rss'] / MB:8.1f}{r.get('malloc_used', 0) / MB:12.1f}"
                  f"{r.get('malloc_free', 0) / MB:7.1f}{r.get('malloc_mmapped', 0) / MB:8.1f}{r['blocks']:>11}"
                  f"{r['tracked']:>9}  {extra}")
        first = [r for r in log if r["documents"] <= share + 1e-9] or log[:1]
        a, b = first[-1], log[-1]
        print(f"  {name}: from the end of copy 1 to the last probe: RSS {(b['rss'] - a['rss']) / MB:+.1f} MB, "
              f"peak seen {max(r['rss'] for r in log) / MB:.1f} MB")
        grown = Counter(b["types"])
        grown.subtract(Counter(a["types"]))
        print("  tracked objects that grew most: " + ", ".join(f"{k} {v:+d}" for k, v in grown.most_common(8)))
        cache_growth = {k: (a["caches"].get(k, 0), v) for k, v in b["caches"].items() if v != a["caches"].get(k, 0)}
        print("  caches (end of copy 1 -> last): " + (", ".join(f"{k} {x}->{y}" for k, (x, y) in cache_growth.items())
                                                      or "none changed"))


def main() -> int:
    global EVERY
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--every", type=int, default=4, help="chunks between two probes in a worker")
    parser.add_argument("--keep", type=Path, help="write the corpus, store and logs here and keep them")
    args = parser.parse_args()
    EVERY = args.every
    parallel.analyze_chunk_for_store = probed_chunk  # forked workers inherit the probes
    commands._write = probed_write
    Store.close = probed_close  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="sitroom-memory-") as scratch:
        root = args.keep or Path(scratch)
        logs = root / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        for old in logs.glob("*.jsonl"):
            old.unlink()
        os.environ[LOG] = str(logs)
        corpus = scaling.write_corpus(root / f"corpus-{args.copies}", args.copies, same_days=False)
        store = root / f"store-{args.copies}.duckdb"
        store.unlink(missing_ok=True)
        began = time.perf_counter()
        with Sampler() as sampler:
            report = commands.ingest([str(corpus)], Options(), store, workers=args.workers)
        print(f"{report.articles} documents, {report.stored} stored in {time.perf_counter() - began:.1f} s")
        summarise(logs, report.articles // args.copies, args.copies)
        sampler.summarise(report.articles // args.copies, args.copies)
        print("DuckDB's memory by tag, the most seen at a close (MB): " + ", ".join(
            f"{tag} {value / MB:.1f}" for tag, value in sorted(_duck_tags.items(), key=lambda kv: -kv[1]) if value))
    return 0


if __name__ == "__main__":
    sys.exit(main())
