"""Who attacked whom, where: sitroom's event arguments against WikiEvents' gold arguments.

    .venv/bin/python benchmarks/wikievents_eval.py [--data ../shared/dev/wikievents_dev.jsonl] [--json]

WikiEvents documents are real news with KAIROS event triggers and their arguments. For
the violent events (Conflict.Attack.*, Life.Die.*, Life.Injure.*) the gold arguments are
grouped into four roles:

- attacker: Attacker (attacks), Killer (deaths), Injurer (injuries);
- victim: Victim (deaths and injuries);
- target: Target (attacks);
- place: Place (attacks, deaths, injuries).

sitroom's violent events (CAMEO roots 18, 19, 20) give the same roles: the source actor
is the attacker; the target actor is the target, and the victim too when the event
carries a toll (a killing's target is its victim); the location is the place. An
argument is matched at the level of sentences: a predicted argument matches a gold one
when the gold argument's event sits in one of the predicted event's evidence sentences
and one text holds the other's words (gold arguments are mostly head words, "general";
sitroom gives the phrase, "Russian major general"). Each gold argument and each predicted
argument counts once. Printed: precision, recall and F1 per role.

The text is the documents' sentences joined by line breaks (the dump glues them together
without spaces).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "wikievents_dev.jsonl"
ROLES = ("attacker", "victim", "target", "place")
GOLD_ROLES = {
    ("Conflict.Attack", "Attacker"): "attacker",
    ("Conflict.Attack", "Target"): "target",
    ("Conflict.Attack", "Place"): "place",
    ("Life.Die", "Killer"): "attacker",
    ("Life.Die", "Victim"): "victim",
    ("Life.Die", "Place"): "place",
    ("Life.Injure", "Injurer"): "attacker",
    ("Life.Injure", "Victim"): "victim",
    ("Life.Injure", "Place"): "place",
}
VIOLENT_ROOTS = ("18", "19", "20")
WORD_RE = re.compile(r"[^\W_]+")


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD_RE.findall(text)}


def document(row: dict) -> tuple[str, list[tuple[int, int]]]:
    """The text (sentences joined by line breaks) and each sentence's span in it."""
    texts = [sentence[1] for sentence in row["sentences"]]
    spans = []
    position = 0
    for text in texts:
        spans.append((position, position + len(text)))
        position += len(text) + 1
    return "\n".join(texts), spans


def gold_arguments(row: dict) -> list[tuple[str, int, str]]:
    """(role, sentence index, text) of every gold argument of a violent event."""
    entities = {e["id"]: e for e in row["entity_mentions"]}
    out = []
    for event in row["event_mentions"]:
        family = ".".join(event["event_type"].split(".")[:2])
        for argument in event["arguments"]:
            role = GOLD_ROLES.get((family, argument["role"]))
            if role is None:
                continue
            entity = entities.get(argument["entity_id"])
            sentence = entity["sent_idx"] if entity else event["trigger"]["sent_idx"]
            out.append((role, sentence, argument["text"]))
    return out


def predicted_arguments(events: list[Event], spans: list[tuple[int, int]]) -> list[tuple[str, frozenset[int], str]]:
    """(role, the event's sentence indices, text) of every argument sitroom gives."""
    out = []
    for event in events:
        if event.event_code[:2] not in VIOLENT_ROOTS or event.historical:
            continue
        sentences = frozenset(i for e in event.evidence for i, (start, end) in enumerate(spans)
                              if start <= e.start < end or start < e.end <= end)
        if event.source_actor is not None:
            out.append(("attacker", sentences, event.source_actor.text))
        if event.target_actor is not None:
            out.append(("target", sentences, event.target_actor.text))
            if event.fatalities is not None and (event.fatalities.killed or event.fatalities.injured):
                out.append(("victim", sentences, event.target_actor.text))
        if event.location is not None:
            out.append(("place", sentences, event.location.name))
    return out


def matches(gold_text: str, pred_text: str) -> bool:
    g, p = words(gold_text), words(pred_text)
    return bool(g) and bool(p) and (g <= p or p <= g)


def score(gold: list[tuple[str, int, str]], pred: list[tuple[str, frozenset[int], str]]) -> dict[str, list[int]]:
    """Per role: [gold arguments found, gold arguments, predicted arguments that match one, predicted]."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for role, sentence, text in gold:
        counts[role][1] += 1
        counts[role][0] += any(r == role and sentence in where and matches(text, p) for r, where, p in pred)
    for role, where, text in pred:
        counts[role][3] += 1
        counts[role][2] += any(r == role and s in where and matches(g, text) for r, s, g in gold)
    return counts


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    docs = {}
    for row in rows:
        text, spans = document(row)
        docs[row["doc_id"]] = (row, spans)
    articles = [Article(id=row["doc_id"], text=document(row)[0], language="en") for row in rows]
    for analysis in analyzer.analyze_many(articles):
        row, spans = docs[analysis.article.id]
        counts = score(gold_arguments(row), predicted_arguments(list(analysis.events), spans))
        for role, values in counts.items():
            totals[role] = [a + b for a, b in zip(totals[role], values)]
    result = {}
    for role in ROLES:
        found, gold, right, predicted = totals[role]
        precision = right / predicted if predicted else 0.0
        recall = found / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[role] = {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
                        "gold": gold, "predicted": predicted}
    return {"documents": len(rows), "roles": result}


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
    print(f"WikiEvents {args.data.name}: {result['documents']} documents")
    print("role       precision  recall     F1   gold  predicted")
    for role, r in result["roles"].items():
        print(f"{role:10s} {r['precision']:9.3f} {r['recall']:7.3f} {r['f1']:6.3f} {r['gold']:6d} {r['predicted']:10d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
