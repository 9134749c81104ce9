"""How often sitroom's toll for a US local news article on gun violence is the GVDB's.

    .venv/bin/python benchmarks/gvdb_tolls.py [--data ../shared/dev/gvdb_dev.jsonl] [--limit N] [--json] [--misses]

Each Gun Violence Database article reports one incident, with the number killed
(the shooter's own death included) and the number injured or hospitalised. sitroom's
toll for an article is `sitroom.coding.tolls.article_toll` of its events: the incident
toll, the largest figure any of its current (not historical, not negated, not planned)
events gives for the killed, and the same for the injured. Printed:

- killed exact: of the articles with deaths, the share whose killed figure is the gold one;
- no death claimed: of the articles without deaths, the share where sitroom claims none;
- injured exact: of all articles, the share whose injured figure (none counts as 0) is the
  gold one; and the same share among the articles with injured.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sitroom.coding.tolls import article_toll
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "gvdb_dev.jsonl"


def read_rows(path: Path, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


# GVDB texts open with the page title, then " | " and the outlet, glued to the body
# ("Man shot, killed in Eastside | news.comPolice are ..."): the title is the headline.
TITLE_SEPARATOR = " | "
MAX_TITLE_CHARS = 200


def headline(text: str) -> str | None:
    """The article's headline, where its text opens with "title | outlet"."""
    title, separator, _ = text[:MAX_TITLE_CHARS].partition(TITLE_SEPARATOR)
    return title.strip() or None if separator else None


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    # The articles carry no publication date; the GVDB's incident date is gold, not input.
    articles = [Article(id=r["id"], text=r["text"], title=headline(r["text"]), language="en") for r in rows]
    gold = {r["id"]: r["gold"] for r in rows}
    with_deaths = killed_right = without_deaths = none_claimed = injured_right = 0
    with_injured = injured_right_among = 0
    misses: list[dict] = []
    for analysis in analyzer.analyze_many(articles):
        want = gold[analysis.article.id]
        killed, injured = article_toll(analysis.events)
        want_killed = int(want["n_killed"] or 0)
        want_injured = int(want["n_injured_or_hospitalized"] or 0)
        if want_killed > 0:
            with_deaths += 1
            killed_right += killed == want_killed
        else:
            without_deaths += 1
            none_claimed += not killed
        injured_right += (injured or 0) == want_injured
        if want_injured > 0:
            with_injured += 1
            injured_right_among += injured == want_injured
        if (killed or 0) != want_killed or (injured or 0) != want_injured:
            misses.append({"id": analysis.article.id, "killed": killed, "gold_killed": want_killed,
                           "injured": injured, "gold_injured": want_injured})
    total = len(rows)
    return {
        "articles": total,
        "with_deaths": with_deaths,
        "killed_exact": killed_right,
        "killed_exact_share": round(killed_right / with_deaths, 3) if with_deaths else 0.0,
        "without_deaths": without_deaths,
        "no_death_claimed": none_claimed,
        "no_death_claimed_share": round(none_claimed / without_deaths, 3) if without_deaths else 0.0,
        "injured_exact": injured_right,
        "injured_exact_share": round(injured_right / total, 3) if total else 0.0,
        "with_injured": with_injured,
        "injured_exact_among": injured_right_among,
        "injured_exact_among_share": round(injured_right_among / with_injured, 3) if with_injured else 0.0,
        "misses": misses,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles.")
    parser.add_argument("--json", action="store_true", help="Print the result as JSON.")
    parser.add_argument("--misses", action="store_true", help="List the articles whose toll is wrong.")
    args = parser.parse_args(argv)
    result = evaluate(read_rows(args.data, args.limit), Analyzer(Options()))
    if not args.misses:
        result.pop("misses")
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"articles: {result['articles']}")
    print(f"killed exact (articles with deaths): {result['killed_exact']}/{result['with_deaths']} "
          f"({result['killed_exact_share']:.1%})")
    print(f"no death claimed (articles without): {result['no_death_claimed']}/{result['without_deaths']} "
          f"({result['no_death_claimed_share']:.1%})")
    print(f"injured exact (all articles): {result['injured_exact']}/{result['articles']} "
          f"({result['injured_exact_share']:.1%}); among articles with injured: "
          f"{result['injured_exact_among']}/{result['with_injured']} ({result['injured_exact_among_share']:.1%})")
    for miss in result.get("misses", []):
        print(f"  {miss['id']}: killed {miss['killed']} (gold {miss['gold_killed']}), "
              f"injured {miss['injured']} (gold {miss['gold_injured']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
