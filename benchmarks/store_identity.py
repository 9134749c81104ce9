"""Whether two stores hold the same rows, table by table: the check that a change to the
store, fusion or the ingest's plumbing changed no output.

    .venv/bin/python benchmarks/store_identity.py STORE_A STORE_B
    .venv/bin/python benchmarks/store_identity.py --ingest CORPUS --dated --workers 2 --into STORE

The first form compares two stores: every table's rows (sorted, so the order DuckDB
keeps them in does not count), leaving out only the columns that record when a row
was written (`TIMESTAMP_COLUMNS`). It prints each table's row count and whether it is
the same, then the first rows that differ; it exits 1 when any table differs.

The second form makes a store to compare: it ingests CORPUS (as `sitroom ingest` does,
with `--workers`) into STORE, with `--dated` the dated feed of `sitroom bench` (the
documents spread over a few days, each story's reports within a day or two: fusion's
hard case). Make one store before a change and one after, then compare them.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

import duckdb

from sitroom.bench import dated_feed, documents, feed_line, stories
from sitroom.commands import ingest
from sitroom.options import Options

# Columns that say when a row was written, not what it holds.
TIMESTAMP_COLUMNS = {("articles", "ingested_at"), ("splits", "decided_at")}
# How many differing rows of a table are printed.
SHOWN = 3


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [name for (name,) in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "AND table_name <> 'schema_version' ORDER BY table_name").fetchall()]


def rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple]:
    columns = [name for (name,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall() if (table, name) not in TIMESTAMP_COLUMNS]
    listed = ", ".join(f'"{c}"::VARCHAR' for c in columns)
    return sorted(con.execute(f'SELECT {listed} FROM "{table}"').fetchall(), key=repr)


def compare(first: Path, second: Path) -> int:
    a = duckdb.connect(str(first), read_only=True)
    b = duckdb.connect(str(second), read_only=True)
    differs = 0
    names = sorted(set(tables(a)) | set(tables(b)))
    for table in names:
        left = rows(a, table) if table in tables(a) else []
        right = rows(b, table) if table in tables(b) else []
        digest = hashlib.sha256(repr(left).encode()).hexdigest()[:12]
        same = left == right
        differs += not same
        print(f"{table:<16}{len(left):>8} rows{'' if len(left) == len(right) else f' / {len(right)}':>10}  "
              f"{'same' if same else 'DIFFERENT'}  {digest}")
        if not same:
            only_left = sorted(set(left) - set(right), key=repr)[:SHOWN]
            only_right = sorted(set(right) - set(left), key=repr)[:SHOWN]
            for row in only_left:
                print(f"    only in {first.name}: {str(row)[:300]}")
            for row in only_right:
                print(f"    only in {second.name}: {str(row)[:300]}")
    print(f"{len(names) - differs} of {len(names)} tables the same")
    return 1 if differs else 0


def make(corpus: Path, store: Path, *, dated: bool, workers: int) -> int:
    options = Options()
    store.unlink(missing_ok=True)
    source = corpus
    if dated:
        # always the same path: an article's stored source names the file it came from
        source = Path(tempfile.gettempdir()) / "sitroom-identity" / f"{corpus.stem}.dated.jsonl"
        source.parent.mkdir(exist_ok=True)
        feed = dated_feed(list(documents(corpus, None, options)), stories(corpus))
        source.write_text("".join(feed_line(article) for article in feed), encoding="utf-8")
    report = ingest([str(source)], options, store, workers=workers)
    print(f"{report.articles} articles read, {report.stored} stored, {report.events} events coded, "
          f"{len(report.failed)} failed -> {store}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stores", nargs="*", type=Path)
    parser.add_argument("--ingest", type=Path, metavar="CORPUS", help="make a store from CORPUS")
    parser.add_argument("--into", type=Path, help="the store --ingest makes")
    parser.add_argument("--dated", action="store_true", help="ingest the dated feed of the corpus")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if args.ingest:
        if not args.into:
            parser.error("--ingest needs --into STORE")
        return make(args.ingest, args.into, dated=args.dated, workers=args.workers)
    if len(args.stores) != 2:
        parser.error("give two stores to compare, or --ingest CORPUS --into STORE")
    return compare(*args.stores)


if __name__ == "__main__":
    sys.exit(main())
