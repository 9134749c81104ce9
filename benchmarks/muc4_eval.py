"""Violent incidents in real wire copy: sitroom against the MUC-4 templates.

    .venv/bin/python benchmarks/muc4_eval.py [--data ../shared/dev/muc4_dev.jsonl] [--limit N] [--json]

MUC-4 articles (1989-91 wire copy about Latin America, all in upper case) carry templates
for the terrorist incidents they report: type, date, place (country first), perpetrator,
targets. An article is `relevant` when it has at least one template.

A *violent incident* for these figures is a coded event that is news (not `historical`),
asserted or claimed (not planned, threatened, hypothetical or negated) and of a violent
CAMEO root: 18 (assault, abduction, bombing), 19 (fighting), 20 (mass violence) or 145
(riot), unless its target is a combatant (armed forces or an armed group), a country as
such, or both of its actors bear arms: MUC-4 counts terrorist acts against civilian,
government, diplomatic, economic or police targets, not combat between soldiers and
guerrillas, nor a soldier or guerrilla killed in it, nor war between states (see
docs/quality.md). Printed:

- found: relevant articles with at least one violent incident;
- country: templates (with a country) for which the article has a violent incident
  placed in that country;
- quiet: irrelevant articles with no violent incident;
- per incident type (the templates' ATTACK, BOMBING, KIDNAPPING, ...) the share of
  templates whose article has a violent incident in the template's country;
- date: templates dated to the day ("30 DEC 89") or to a range of at most
  DATE_RANGE_MAX_DAYS days ("08 JAN 90 - 09 JAN 90"), whose article is found, for which
  one of the article's violent incidents is dated on that day or within that range (an
  incident dated to a week, a month or a year falls within it only if its whole period
  does). "- 08 JAN 90" (on or before) is no day-precise date; of "A / B" either is right.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import pycountry

from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Article, Event

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "muc4_dev.jsonl"
VIOLENT_ROOTS = ("18", "19", "20")
RIOT_CODES = ("145",)
NEWS_MODALITIES = ("asserted", "claimed")
# Actor roles that bear arms: a clash between two of them is combat, not a MUC incident.
ARMED_ROLES = ("MIL", "REB", "INS", "RAD", "COP", "UAF", "SPY")


COMBATANT_ROLES = ("MIL", "REB", "INS", "RAD")


def _roles(code: str) -> str:
    return code[3:] if len(code) > 3 and code[:3].isalpha() and code[:3].isupper() and code[:3] not in ARMED_ROLES else code


def is_armed(code: str | None) -> bool:
    return bool(code) and _roles(code)[:3] in ARMED_ROLES


def violent_incident(event: Event) -> bool:
    if event.historical or event.modality not in NEWS_MODALITIES:
        return False
    code = event.event_code
    if code.startswith(RIOT_CODES):
        return True
    if code[:2] not in VIOLENT_ROOTS:
        return False
    source = event.source_actor.code if event.source_actor else None
    target = event.target_actor.code if event.target_actor else None
    if is_combatant(target) or is_state(target):
        return False  # soldiers, guerrillas or a whole country attacked: warfare, not terrorism
    return not (is_armed(source) and is_armed(target))


def is_combatant(code: str | None) -> bool:
    """Armed forces and armed groups (not the police: MUC-4 counts attacks on them)."""
    return is_armed(code) and _roles(code)[:3] in COMBATANT_ROLES


def is_state(code: str | None) -> bool:
    """A country as such ("the invasion of Panama"): a country's own code, not a role-only
    code of the same length ("CVL" civilians, "MED" reporters, "GOV" officials of no
    named country)."""
    return bool(code) and len(code) == 3 and code.isalpha() and pycountry.countries.get(alpha_3=code) is not None


def template_countries(template: dict) -> set[str]:
    """The template's country as ISO alpha-3 codes (MUC-4 writes "COLOMBIA / VENEZUELA"
    for either, "? HONDURAS" for uncertain; both are accepted as written)."""
    places = template.get("INCIDENT: LOCATION") or ["-"]
    country = places[0].split(":")[0]
    out = set()
    for name in country.split("/"):
        name = name.strip(" ?()-").title()
        if not name:
            continue
        try:
            found = pycountry.countries.lookup(name)
        except LookupError:
            try:
                found = pycountry.countries.search_fuzzy(name)[0]
            except LookupError:
                continue
        out.add(found.alpha_3)
    return out


# A template's range of dates is day-precise enough for the date figure when it spans at
# most this many days after its first: longer ones ("1 FEB 89 - 28 FEB 89") say the month.
DATE_RANGE_MAX_DAYS = 3
_TEMPLATE_DAY = re.compile(r"(\d{1,2}) ([A-Z]{3})[A-Z]* (\d\d)")
_MONTH_ABBREVIATIONS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# How many days an event's date covers, by its precision (a year's is the longest).
_PRECISION_DAYS = {"day": 0, "week": 6}


def _template_day(text: str) -> dt.date | None:
    match = _TEMPLATE_DAY.fullmatch(text.strip())
    if match is None or match[2] not in _MONTH_ABBREVIATIONS:
        return None
    try:
        return dt.date(1900 + int(match[3]), _MONTH_ABBREVIATIONS.index(match[2]) + 1, int(match[1]))
    except ValueError:
        return None


def template_spans(template: dict) -> list[tuple[dt.date, dt.date]]:
    """The day-precise dates of a template as (first, last) days: "30 DEC 89", or
    "08 JAN 90 - 09 JAN 90" when it spans at most DATE_RANGE_MAX_DAYS; each alternative of
    "A / B". "- 08 JAN 90" (on or before) and longer ranges give none."""
    spans = []
    for written in template.get("INCIDENT: DATE") or ():
        for alternative in written.split("/"):
            alternative = alternative.strip(" ()")
            ends = [_template_day(part) for part in alternative.split(" - ")] if alternative[:1].isdigit() else []
            if not ends or None in ends or len(ends) > 2:
                continue
            first, last = ends[0], ends[-1]
            if 0 <= (last - first).days <= DATE_RANGE_MAX_DAYS:
                spans.append((first, last))
    return spans


def event_span(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date covers: one day, a week, a month or a year."""
    if not event.date:
        return None
    first = dt.date.fromisoformat(event.date[:10])
    if event.date_precision in _PRECISION_DAYS:
        return first, first + dt.timedelta(days=_PRECISION_DAYS[event.date_precision])
    if event.date_precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return first, dt.date(first.year, 12, 31)


def dated_right(template: dict, incidents: list[Event]) -> bool | None:
    """Whether one incident's date falls on or within the template's day or range; None when
    the template gives no day-precise date."""
    spans = template_spans(template)
    if not spans:
        return None
    days = [span for span in map(event_span, incidents) if span is not None]
    return any(first <= a and b <= last for first, last in spans for a, b in days)


def read_rows(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def articles(rows: Iterable[dict]) -> Iterator[Article]:
    for row in rows:
        yield Article(id=row["id"], text=row["text"], language="en")


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    by_id = {row["id"]: row for row in rows}
    found = relevant = quiet = irrelevant = 0
    templates = placed = 0
    per_type: dict[str, Counter] = {}
    misses: list[str] = []
    noisy: list[str] = []
    dated = dated_ok = 0
    misdated: list[str] = []
    for analysis in analyzer.analyze_many(articles(rows)):
        row = by_id[analysis.article.id]
        incidents = [e for e in analysis.events if violent_incident(e)]
        countries = {e.location.country for e in incidents if e.location is not None}
        if row["relevant"]:
            relevant += 1
            found += bool(incidents)
            if not incidents:
                misses.append(row["id"])
            for template in row["templates"]:
                wanted = template_countries(template)
                if not wanted:
                    continue
                kind = (template.get("INCIDENT: TYPE") or ["?"])[0]
                counts = per_type.setdefault(kind, Counter())
                counts["templates"] += 1
                templates += 1
                if wanted & countries:
                    placed += 1
                    counts["placed"] += 1
            for template in row["templates"] if incidents else ():
                right = dated_right(template, incidents)
                if right is not None:
                    dated += 1
                    dated_ok += right
                    if not right:
                        misdated.append(row["id"])
        else:
            irrelevant += 1
            quiet += not incidents
            if incidents:
                noisy.append(row["id"])
    share = lambda a, b: round(a / b, 3) if b else 0.0  # noqa: E731
    return {
        "articles": len(rows),
        "relevant": relevant,
        "found": found,
        "found_share": share(found, relevant),
        "templates": templates,
        "placed": placed,
        "country_share": share(placed, templates),
        "irrelevant": irrelevant,
        "quiet": quiet,
        "quiet_share": share(quiet, irrelevant),
        "per_type": {k: {"templates": v["templates"], "placed": v["placed"], "share": share(v["placed"], v["templates"])}
                     for k, v in sorted(per_type.items(), key=lambda kv: -kv[1]["templates"])},
        "missed_articles": misses,
        "noisy_articles": noisy,
        "dated": dated,
        "dated_right": dated_ok,
        "date_share": share(dated_ok, dated),
        "misdated_articles": misdated,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--list", action="store_true", help="also list missed and noisy article ids")
    args = parser.parse_args(argv)
    rows = read_rows(args.data, args.limit)
    began = time.perf_counter()
    result = evaluate(rows, Analyzer(Options()))
    result["seconds"] = round(time.perf_counter() - began, 1)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"MUC-4 {args.data.name}: {result['articles']} articles ({result['seconds']} s)")
    print(f"  violent incident found in relevant articles: {result['found']}/{result['relevant']} "
          f"({result['found_share']:.1%})")
    print(f"  in the template's country: {result['placed']}/{result['templates']} templates "
          f"({result['country_share']:.1%})")
    print(f"  no violent incident in irrelevant articles: {result['quiet']}/{result['irrelevant']} "
          f"({result['quiet_share']:.1%})")
    print("  incident type        templates  in country")
    for kind, counts in result["per_type"].items():
        print(f"  {kind:20s} {counts['templates']:9d}  {counts['placed']:4d} ({counts['share']:.1%})")
    print(f"  dated on the template's day: {result['dated_right']}/{result['dated']} templates "
          f"({result['date_share']:.1%})")
    if args.list:
        print("missed:", " ".join(result["missed_articles"]))
        print("noisy:", " ".join(result["noisy_articles"]))
        print("misdated:", " ".join(result["misdated_articles"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
