"""How often sitroom gives a news snippet the ACLED sub-event type an ACLED coder would.

    .venv/bin/python benchmarks/case2021_acled.py [--dev ../shared/dev/case2021_acled_dev.jsonl]
                                                  [--own tests/data/acled/snippets.jsonl] [--json] [--errors]

Two sets, each one JSON object per line with `id`, `text` and `label`:
- the CASE-2021 Task 2 snippets of ../shared/dev (a quarter of the set; the rest is kept
  apart), labelled with CASE's names for ACLED's 25 sub-event types or one of five types
  outside ACLED (diplomacy, attribution of responsibility, man-made and natural disasters,
  organised crime);
- our own snippets (tests/data/acled/README.md), labelled with ACLED's own names or `none`;
  printed whole and by part: `dev` (written while the rules were made) and `fresh`
  (written after, never used to change a rule).

sitroom's answer for a snippet is the ACLED sub-event type of its first ACLED-typed event
in the text (the lede's event; within a sentence, the trigger that comes first), `none`
when no event has one. The five outside types all count as `none`: an ACLED coder codes
no event for a flood or a diplomatic expulsion. Printed per set: weighted F1 (per-type F1
weighted by the gold count), accuracy, the share of snippets with no event at all, the
share of ACLED-labelled snippets with no ACLED-typed event, and the per-type table; also
the weighted F1 over the ACLED-labelled snippets alone (`none` left out of the average).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Analysis, Article, Event

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "case2021_acled_dev.jsonl"
DEFAULT_OWN = ROOT / "tests" / "data" / "acled" / "snippets.jsonl"
NONE = "none"

# CASE-2021 Task 2's label names for ACLED's sub-event types.
CASE_LABELS = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
}
# CASE's types outside ACLED: no ACLED event.
CASE_OUTSIDE = frozenset({"ATTRIB", "DIPLO", "MAN_MADE_DISASTER", "NATURAL_DISASTER", "ORG_CRIME"})


def read_set(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        label = row["label"]
        if label in CASE_LABELS:
            row["gold"] = CASE_LABELS[label]
        elif label in CASE_OUTSIDE:
            row["gold"] = NONE
        else:
            row["gold"] = label
    return rows


def answer(events: Iterable[Event]) -> str:
    """The snippet's ACLED sub-event type: that of its first ACLED-typed event."""
    typed = [e for e in events if e.acled_sub_event_type]
    if not typed:
        return NONE
    first = min(typed, key=_position)
    return first.acled_sub_event_type or NONE


def _position(event: Event) -> tuple[int, int]:
    evidence = event.evidence[0]
    inside = evidence.sentence.find(event.trigger or "")
    return evidence.start, max(inside, 0)


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    articles = [Article(id=str(r["id"]), text=r["text"], language="en") for r in rows]
    analyses: dict[str, Analysis] = {a.article.id: a for a in analyzer.analyze_many(articles)}
    pairs, details = [], []
    no_event = no_acled_event = acled_rows = 0
    for row in rows:
        analysis = analyses[str(row["id"])]
        predicted = answer(analysis.events)
        pairs.append((row["gold"], predicted))
        no_event += not analysis.events
        if row["gold"] != NONE:
            acled_rows += 1
            no_acled_event += predicted == NONE
        chosen = [e for e in analysis.events if e.acled_sub_event_type == predicted]
        details.append({"id": row["id"], "gold": row["gold"], "predicted": predicted,
                        "rule": chosen[0].acled_rule if chosen else None, "text": row["text"][:160]})
    result = score(pairs)
    result.update({
        "snippets": len(rows),
        "no_event_share": round(no_event / len(rows), 3) if rows else 0.0,
        "no_acled_event_share": round(no_acled_event / acled_rows, 3) if acled_rows else 0.0,
        "errors": [d for d in details if d["gold"] != d["predicted"]],
    })
    return result


def score(pairs: list[tuple[str, str]]) -> dict:
    """Per-type precision, recall, F1; weighted F1 (by gold count) and accuracy."""
    gold_count = Counter(g for g, _ in pairs)
    predicted_count = Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    per_type = {}
    for label in sorted(set(gold_count) | set(predicted_count)):
        precision = right[label] / predicted_count[label] if predicted_count[label] else 0.0
        recall = right[label] / gold_count[label] if gold_count[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[label] = {"gold": gold_count[label], "predicted": predicted_count[label],
                           "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}
    total = len(pairs)
    weighted = sum(per_type[label]["f1"] * n for label, n in gold_count.items()) / total if total else 0.0
    typed = sum(n for label, n in gold_count.items() if label != NONE)
    weighted_typed = sum(per_type[label]["f1"] * n for label, n in gold_count.items() if label != NONE)
    return {"weighted_f1": round(weighted, 3), "accuracy": round(sum(right.values()) / total, 3) if total else 0.0,
            "weighted_f1_acled_only": round(weighted_typed / typed, 3) if typed else 0.0, "per_type": per_type}


def report(name: str, result: dict, *, errors: bool) -> None:
    print(f"{name}: {result['snippets']} snippets; weighted F1 {result['weighted_f1']:.3f}, accuracy "
          f"{result['accuracy']:.3f} (weighted F1 over the ACLED-labelled only {result['weighted_f1_acled_only']:.3f}); "
          f"no event at all {result['no_event_share']:.1%}, ACLED-labelled "
          f"with no ACLED event {result['no_acled_event_share']:.1%}")
    print(f"  {'sub-event type':36s} {'gold':>4s} {'pred':>4s} {'P':>6s} {'R':>6s} {'F1':>6s}")
    for label, row in result["per_type"].items():
        print(f"  {label:36s} {row['gold']:4d} {row['predicted']:4d} {row['precision']:6.3f} {row['recall']:6.3f} "
              f"{row['f1']:6.3f}")
    if errors:
        for error in result["errors"]:
            print(f"  ! {error['gold']} <- {error['predicted']} [{error['rule']}] {error['text']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--own", type=Path, default=DEFAULT_OWN)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--errors", action="store_true", help="List every snippet given the wrong type.")
    args = parser.parse_args(argv)
    analyzer = Analyzer(Options())
    results = {}
    if args.dev.exists():
        results["dev"] = evaluate(read_set(args.dev), analyzer)
    if args.own.exists():
        own = read_set(args.own)
        results["own"] = evaluate(own, analyzer)
        for part in sorted({row.get("part", "") for row in own} - {""}):
            results[f"own ({part})"] = evaluate([row for row in own if row.get("part") == part], analyzer)
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, result in results.items():
        report(name, result, errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
