"""Every quality figure of the event coder in one run, with one loaded pipeline.

    .venv/bin/python benchmarks/quality.py [--muc-limit N] [--json]

Prints, each as its own benchmark does: the seeds, our example articles and the second,
third, fourth and fifth sets of wire-style articles (tests/golden/wire_*, wire3_*, wire4_* and wire5_*, written
without looking at sitroom's output) scored against their gold (`sitroom.evaluation`, the project scorer's rules), PLOVER types on the gold
sentences (plover_eval.py), WikiEvents argument F1 (wikievents_eval.py) and the MUC-4
incident figures (muc4_eval.py; `--muc-limit` takes the first N articles only, for a quick
look; the figures in docs/quality.md are on the whole set).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(HERE))

import muc4_eval  # noqa: E402
import plover_eval  # noqa: E402
import wikievents_eval  # noqa: E402

from sitroom.commands import reported  # noqa: E402
from sitroom.evaluation import read_gold, score  # noqa: E402
from sitroom.intake import read_articles  # noqa: E402
from sitroom.options import Options  # noqa: E402
from sitroom.pipeline import Analyzer  # noqa: E402


def gold_score(analyzer: Analyzer, articles: Path, gold: Path) -> dict:
    read = [a for a in read_articles([str(articles)], Options()) if not isinstance(a, Exception)]
    events = [e.to_dict() for analysis in analyzer.analyze_many(read) for e in reported(analysis.events, Options())]
    result = score(read_gold(gold), events)
    return {"precision": result.precision, "recall": result.recall, "f1": result.f1,
            "found": result.gold_found, "gold": result.gold_required, "predicted": result.predicted,
            "negative_violations": result.negative_violations,
            "attributes": {k: f"{v['right']}/{v['matched']}" for k, v in result.attributes.items()}}


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


GOLDEN = ROOT / "tests" / "golden"
# The hand-coded sets, each (articles, gold): the seeds, our examples, and the wire-style sets
# written blind (tests/golden/README.md).
GOLD_SETS = {
    "seeds": (SHARED / "seeds" / "articles.jsonl", SHARED / "gold" / "seeds.gold.jsonl"),
    "examples": (ROOT / "examples" / "articles.jsonl", GOLDEN / "examples.gold.jsonl"),
    **{name: (GOLDEN / f"{name}_articles.jsonl", GOLDEN / f"{name}.gold.jsonl")
       for name in ("wire", "wire3", "wire4", "wire5", "wire6", "wire7", "wire8", "wire9", "wire10", "wire11", "wire12", "wire13", "wire14", "wire15", "wire16", "wire17", "wire18", "wire19", "wire20", "wire21")},
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--muc-limit", type=int, default=None)
    parser.add_argument("--skip", nargs="*", default=[], choices=[*GOLD_SETS, "plover", "wikievents", "muc4"])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    analyzer = Analyzer(Options())
    results: dict[str, dict] = {}
    began = time.perf_counter()
    for name, (articles, gold) in GOLD_SETS.items():
        if name not in args.skip:
            results[name] = gold_score(analyzer, articles, gold)
    if "plover" not in args.skip:
        plover = plover_eval.evaluate(jsonl(SHARED / "dev" / "plover_gsr.jsonl"), analyzer)
        results["plover"] = {k: plover[k] for k in ("top_type_accuracy", "any_event_accuracy")}
    if "wikievents" not in args.skip:
        results["wikievents"] = {role: r["f1"] for role, r in
                                 wikievents_eval.evaluate(jsonl(SHARED / "dev" / "wikievents_dev.jsonl"), analyzer)["roles"].items()}
    if "muc4" not in args.skip:
        muc = muc4_eval.evaluate(muc4_eval.read_rows(SHARED / "dev" / "muc4_dev.jsonl", args.muc_limit), analyzer)
        results["muc4"] = {k: muc[k] for k in ("articles", "found_share", "country_share", "quiet_share")}
    results["seconds"] = {"total": round(time.perf_counter() - began, 1)}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, values in results.items():
        print(f"{name:11s} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
