"""How well sitroom codes a user's own news: predicted events scored against gold events.

The gold format is the one of `../shared/README.md` ("Gold format"), documented for users in
`docs/evaluate.md`: one JSON object per line, each a hand-coded event of one article
(`doc`) with the CAMEO roots it accepts (`root`), accepted actor code prefixes
(`source`, `target`, `null` for any), and optionally the day, place, toll, attribution and
modality; a line with `forbid` names text whose events must be background or dated
outside a range.

Matching follows the project's scorer (`../shared/tools/score_events.py`) exactly: a gold
event is matched by at most one predicted event that shares its article, its CAMEO root,
its actors and its date (where gold gives them), greedily, required events and better
attribute agreement first; the attributes are then scored on the matched pairs. On top of
the scorer's figures, `confusion` tabulates gold roots against the predicted roots: for a
gold event that was not matched, the root of the predicted event of its article that
agrees on everything but the root (actors and date), or "none".
"""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

Record = dict[str, Any]
GOLD_KEYS = frozenset({
    "id", "doc", "root", "source", "target", "symmetric", "source_required", "target_required", "date",
    "location", "fatalities", "attribution", "modality", "required", "forbid", "note",
})


def read_gold(path: Path) -> list[Record]:
    """The gold lines of `path`, checked; a bad line raises `InputError` naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the gold file: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "the gold file is not UTF-8") from exc
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"not JSON ({exc.msg})") from exc
        rows.append(_checked(row, where))
    if not rows:
        raise InputError(str(path), "the gold file holds no events")
    return rows


def _checked(row: Any, where: str) -> Record:
    if not isinstance(row, dict):
        raise InputError(where, "a gold line must be a JSON object")
    unknown = sorted(set(row) - GOLD_KEYS)
    if unknown:
        raise InputError(where, f"unknown field {unknown[0]!r} (see docs/evaluate.md)")
    if not isinstance(row.get("doc"), str) or not row["doc"]:
        raise InputError(where, "'doc' (the article id) is missing")
    if "forbid" in row:
        rule = row["forbid"]
        if not (isinstance(rule, dict) and isinstance(rule.get("evidence_contains"), str)
                and isinstance(rule.get("date_range"), list) and len(rule["date_range"]) == 2):
            raise InputError(where, "'forbid' needs 'evidence_contains' and a two-day 'date_range'")
        return row
    roots = row.get("root")
    if not (isinstance(roots, list) and roots and all(isinstance(r, str) and len(r) == 2 and r.isdigit() for r in roots)):
        raise InputError(where, "'root' must be a list of two-digit CAMEO roots, e.g. [\"19\"]")
    for key in ("source", "target", "attribution"):
        value = row.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise InputError(where, f"'{key}' must be a list of strings or null")
    date = row.get("date")
    if date is not None and not (isinstance(date, str) or (isinstance(date, list) and all(isinstance(d, str) for d in date))):
        raise InputError(where, "'date' must be a day (YYYY-MM-DD), a list of days, or null")
    location = row.get("location")
    if location is not None and not isinstance(location, dict):
        raise InputError(where, "'location' must be an object (names, country, lat, lon, km)")
    return row


# -- the scorer's rules ------------------------------------------------------------------

def _doc_ids(pred: Record) -> set[str]:
    return {e.get("doc_id") for e in pred.get("evidence") or [] if e.get("doc_id")}


def _actor_ok(spec: list[str] | None, actor: Record | None, required: bool) -> bool:
    if spec is None:
        return True
    code = ((actor or {}).get("code") or "").upper()
    if not code:
        return not required
    return any(code.startswith(prefix) for prefix in spec)


def actors_ok(gold: Record, pred: Record) -> bool:
    def direct(source: Record | None, target: Record | None) -> bool:
        return (_actor_ok(gold.get("source"), source, gold.get("source_required", True))
                and _actor_ok(gold.get("target"), target, gold.get("target_required", False)))
    source, target = pred.get("source_actor"), pred.get("target_actor")
    return direct(source, target) or (gold.get("symmetric", False) and direct(target, source))


def date_ok(gold: Record, pred: Record) -> bool:
    want = gold.get("date")
    if want is None:
        return True
    return (pred.get("date") or "")[:10] in ([want] if isinstance(want, str) else want)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def location_ok(gold: Record, pred: Record) -> bool | None:
    want = gold.get("location")
    if want is None:
        return None
    place = pred.get("location") or {}
    if not place:
        return False
    if want.get("country") and place.get("country") and place["country"] != want["country"]:
        return False
    names = [n.casefold() for n in want.get("names", [])]
    said = [str(place.get(k) or "").casefold() for k in ("name", "admin1")]
    if any(n and (n in s or s == n) for n in names for s in said if s):
        return True
    try:
        return _km(float(place["lat"]), float(place["lon"]), want["lat"], want["lon"]) <= want["km"]
    except (KeyError, TypeError, ValueError):
        return False


def fatalities_ok(gold: Record, pred: Record) -> bool | None:
    want = gold.get("fatalities")
    if want is None:
        return None
    got = pred.get("fatalities") or {}
    if "killed" in want:
        accepted = want["killed"] if isinstance(want["killed"], list) else [want["killed"]]
        if got.get("killed") not in accepted:
            return False
    if "qualifier" in want and want["qualifier"] not in str(got.get("qualifier") or "").casefold():
        return False
    return True


def by_group_ok(gold: Record, pred: Record) -> bool | None:
    want = (gold.get("fatalities") or {}).get("by_group")
    if not want:
        return None
    got = {k.casefold(): v for k, v in ((pred.get("fatalities") or {}).get("by_group") or {}).items()}
    return all(any(got.get(a.casefold()) == count for a in group.split("|")) for group, count in want.items())


def attribution_ok(gold: Record, pred: Record) -> bool | None:
    want = gold.get("attribution")
    if want is None:
        return None
    said = str(pred.get("attribution") or "").casefold()
    return bool(said) and any(w.casefold() in said for w in want)


def modality_ok(gold: Record, pred: Record) -> bool | None:
    want = gold.get("modality")
    if want is None:
        return None
    return pred.get("modality") in ([want] if isinstance(want, str) else want)


ATTRIBUTES: dict[str, Callable[[Record, Record], bool | None]] = {
    "location": location_ok,
    "fatalities": fatalities_ok,
    "fatalities_by_group": by_group_ok,
    "attribution": attribution_ok,
    "modality": modality_ok,
}
RANKING = tuple(ATTRIBUTES)  # the attributes that decide which of two candidate matches is better


def compatible(gold: Record, pred: Record) -> bool:
    return (pred.get("event_code") or "")[:2] in gold["root"] and actors_ok(gold, pred) and date_ok(gold, pred)


def match(golds: Sequence[Record], preds: Sequence[Record]) -> dict[int, int]:
    """Greedy one-to-one matching, required events and best attribute agreement first."""
    pairs = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            if gold["doc"] in _doc_ids(pred) and compatible(gold, pred):
                agree = sum(1 for name in RANKING if ATTRIBUTES[name](gold, pred))
                pairs.append((-int(gold.get("required", True)), -agree, gi, pi))
    pairs.sort()
    used_gold: set[int] = set()
    used_pred: set[tuple[int, str]] = set()
    out: dict[int, int] = {}
    for _, _, gi, pi in pairs:
        key = (pi, golds[gi]["doc"])  # a fused event may match one gold event per article
        if gi in used_gold or key in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(key)
        out[gi] = pi
    return out


def _forbidden(rule_row: Record, pred: Record) -> bool:
    rule = rule_row["forbid"]
    sentences = [e.get("sentence") or "" for e in pred.get("evidence") or [] if e.get("doc_id") == rule_row["doc"]]
    if not any(rule["evidence_contains"] in s for s in sentences) or pred.get("historical") is True:
        return False
    low, high = rule["date_range"]
    return low <= (pred.get("date") or "")[:10] <= high


@dataclass
class Evaluation:
    gold_required: int
    gold_found: int
    predicted: int
    predicted_matched: int
    precision: float
    recall: float
    f1: float
    attributes: dict[str, dict[str, int]]
    negative_violations: int
    missed: list[str]
    found: dict[str, str]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def score(gold_rows: Sequence[Record], preds: Iterable[Record]) -> Evaluation:
    golds = [g for g in gold_rows if "forbid" not in g]
    negatives = [g for g in gold_rows if "forbid" in g]
    docs = {g["doc"] for g in golds}
    preds = [p for p in preds if _doc_ids(p) & docs]
    matched = match(golds, preds)
    required = [i for i, g in enumerate(golds) if g.get("required", True)]
    found = sum(1 for i in required if i in matched)
    units = {(pi, d) for pi, p in enumerate(preds) for d in _doc_ids(p) & docs}
    matched_units = {(pi, golds[gi]["doc"]) for gi, pi in matched.items()}
    recall = found / len(required) if required else 1.0
    precision = len(matched_units) / len(units) if units else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    attributes = {}
    for name, check in ATTRIBUTES.items():
        results = [r for r in (check(golds[gi], preds[pi]) for gi, pi in matched.items()) if r is not None]
        wanted = sum(1 for g in golds if check(g, {}) is not None)
        attributes[name] = {"right": sum(results), "matched": len(results), "gold": wanted}
    attributes["date"] = _dates(golds, preds)
    violations = sum(1 for n in negatives for p in preds if _forbidden(n, p))
    return Evaluation(
        gold_required=len(required), gold_found=found, predicted=len(units), predicted_matched=len(matched_units),
        precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3), attributes=attributes,
        negative_violations=violations,
        missed=[str(golds[i].get("id", i)) for i in required if i not in matched],
        found={str(golds[gi].get("id", gi)): str(preds[pi].get("id")) for gi, pi in matched.items()},
        confusion=_confusion(golds, preds, matched), documents=len(docs),
    )


def _dates(golds: Sequence[Record], preds: Sequence[Record]) -> dict[str, int]:
    """The date's rate: of the dated gold events that some predicted event codes (same
    article, root and actors, whatever its date), how many such events carry the right day.
    (The date is part of matching, so on matched pairs it is right by definition.)"""
    right = coded = wanted = 0
    for gold in golds:
        if gold.get("date") is None:
            continue
        wanted += 1
        near = [p for p in preds if gold["doc"] in _doc_ids(p) and (p.get("event_code") or "")[:2] in gold["root"]
                and actors_ok(gold, p)]
        if near:
            coded += 1
            right += any(date_ok(gold, p) for p in near)
    return {"right": right, "matched": coded, "gold": wanted}


def _confusion(golds: Sequence[Record], preds: Sequence[Record], matched: dict[int, int]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for gi, gold in enumerate(golds):
        want = "/".join(gold["root"])
        if gi in matched:
            table[want][(preds[matched[gi]].get("event_code") or "")[:2]] += 1
            continue
        near = [p for p in preds if gold["doc"] in _doc_ids(p) and actors_ok(gold, p) and date_ok(gold, p)]
        roots = Counter((p.get("event_code") or "")[:2] for p in near)
        table[want][roots.most_common(1)[0][0] if roots else "none"] += 1
    return {root: dict(sorted(counts.items())) for root, counts in sorted(table.items())}
