"""Fusion against ECB+'s gold: do articles about one real event share events, and do
articles about different events not?

    .venv/bin/python benchmarks/ecbplus_fusion.py [--db PATH] [--limit N]

Every document of ../shared/bench/ecbplus_docs.jsonl is ingested into one store (a fresh
temporary one, or `--db`, which is reused when it already holds them). Two documents are
*predicted* to report the same event when at least one fused event has evidence from
both; they *are* the same when ECB+ puts them in one gold cluster. Printed: pairwise
precision, recall and F1 over all document pairs, for all documents and for the
conflict-related topics.

Conflict-related topics are chosen from the data, not by hand: a topic is one when most
of its documents have at least one event in CAMEO roots 14 to 20 (protest, force,
assault, fight, mass violence), the roots of the product's conflict focus. Each ECB+
topic holds two gold clusters of look-alike events (two earthquakes, two shootings),
which is what makes precision hard.
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sitroom.commands import ingest
from sitroom.options import Options
from sitroom.store import Store

ECB = Path(__file__).resolve().parents[2] / "shared" / "bench" / "ecbplus_docs.jsonl"
CONFLICT_ROOTS = {str(root) for root in range(14, 21)}
CONFLICT_SHARE = 0.5  # a topic is conflict-related when more than this share of its documents has such an event


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="store to use (kept); default: a temporary one")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    args = parser.parse_args()
    if not ECB.exists():
        print(f"{ECB}: not found; ../shared must be beside the repository", file=sys.stderr)
        return 1
    docs = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = docs[: args.limit] if args.limit else docs
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "ecb.jsonl"
        corpus.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs),
                          encoding="utf-8")
        db = args.db or Path(tmp) / "ecb.duckdb"
        started = time.perf_counter()
        with Store.open(db) as store:
            report = ingest([str(corpus)], Options(db_path=db), store)
            events = store.events()
        seconds = time.perf_counter() - started
    print(f"{len(docs)} documents, {report.stored} stored now, {report.events} per-article events, "
          f"{len(events)} fused events, {seconds:.1f} s")

    doc_events: dict[str, set[str]] = defaultdict(set)
    doc_roots: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for doc_id in event.get("articles") or ():
            doc_events[doc_id].add(event["id"])
            doc_roots[doc_id].add(event["event_code"][:2])
    by_topic: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        by_topic[str(doc["topic"])].append(doc)
    conflict = sorted(
        (t for t, members in by_topic.items()
         if sum(bool(doc_roots[d["id"]] & CONFLICT_ROOTS) for d in members) > CONFLICT_SHARE * len(members)),
        key=lambda t: int(t) if t.isdigit() else 0,
    )
    print(f"conflict-related topics ({len(conflict)}): {', '.join(conflict)}")
    print(f"{'set':<28}{'docs':>6}{'gold pairs':>12}{'predicted':>11}{'precision':>11}{'recall':>8}{'F1':>7}")
    for name, chosen in (("all topics", docs),
                         ("conflict-related topics", [d for t in conflict for d in by_topic[t]])):
        _row(name, chosen, doc_events)
    return 0


def _row(name: str, docs: list[dict], doc_events: dict[str, set[str]]) -> None:
    true_pos = gold = predicted = 0
    for a, b in itertools.combinations(docs, 2):
        same_gold = a["gold_event_cluster"] == b["gold_event_cluster"]
        same_pred = bool(doc_events[a["id"]] & doc_events[b["id"]])
        gold += same_gold
        predicted += same_pred
        true_pos += same_gold and same_pred
    precision = true_pos / predicted if predicted else 0.0
    recall = true_pos / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name:<28}{len(docs):>6}{gold:>12}{predicted:>11}{precision:>11.3f}{recall:>8.3f}{f1:>7.3f}")


if __name__ == "__main__":
    sys.exit(main())
