"""How often sitroom gives a PLOVER gold sentence its PLOVER type, and what it confuses.

    .venv/bin/python benchmarks/plover_eval.py [--data ../shared/dev/plover_gsr.jsonl] [--json]

Each gold record is one sentence with one event type. sitroom's answer for a sentence is
the PLOVER type of its most confident event (ties: the first in the text); a sentence
with no event, or only events without a PLOVER type, counts as "NONE". Also printed:
the share of sentences where any coded event has the gold type.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "plover_gsr.jsonl"


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    articles = [Article(id=r["id"], text=r["text"], published=r.get("date"), language="en") for r in rows]
    gold = {r["id"]: r["event"] for r in rows}
    confusion: dict[str, Counter] = defaultdict(Counter)
    right = anywhere = 0
    for analysis in analyzer.analyze_many(articles):
        typed = [e for e in analysis.events if e.plover_type]
        best = max(typed, key=lambda e: (e.confidence, -e.evidence[0].start), default=None) if typed else None
        answer = best.plover_type if best else "NONE"
        want = gold[analysis.article.id]
        confusion[want][answer] += 1
        right += answer == want
        anywhere += any(e.plover_type == want for e in typed)
    total = len(rows)
    return {
        "sentences": total,
        "top_type_right": right,
        "top_type_accuracy": round(right / total, 3) if total else 0.0,
        "any_event_right": anywhere,
        "any_event_accuracy": round(anywhere / total, 3) if total else 0.0,
        "confusion": {k: dict(v) for k, v in sorted(confusion.items())},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = evaluate(rows, Analyzer(Options()))
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"PLOVER type of the top event right: {result['top_type_right']}/{result['sentences']} "
          f"({result['top_type_accuracy']:.1%}); any event right: {result['any_event_right']} "
          f"({result['any_event_accuracy']:.1%})")
    print("gold type      n  right  most common wrong answers")
    for want, answers in result["confusion"].items():
        n = sum(answers.values())
        wrong = ", ".join(f"{a} {c}" for a, c in Counter({a: c for a, c in answers.items() if a != want}).most_common(3))
        print(f"{want:12s} {n:3d}  {answers.get(want, 0):5d}  {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
