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
- perpetrator: templates that name a perpetrator (PERP: INDIVIDUAL ID or ORGANIZATION ID,
  not "-" or "*") whose article has a violent incident whose source actor matches one of
  the perpetrator strings;
- target: the same for the templates' human and physical targets (HUM TGT: NAME,
  HUM TGT: DESCRIPTION, PHYS TGT: ID) against the incident's target actor.

How an actor matches a template string: both are cut into lower-case, accent-folded
words; a final "s" is dropped from words of four letters or more ("GUERRILLAS" and
"guerrilla"); little words and collective nouns (GENERIC_WORDS: "the", "of", "group",
"members", ...) are left out. The string matches when all its remaining words are among
the actor's words: those of its canonical name, of its text as written in the article,
and of the aliases the actor lists give that name. "FMLN" matches the Farabundo Marti
front through its alias; a generic perpetrator ("ARMED MEN", "TERRORISTS", "GROUP OF
ARMED MEN") matches an unnamed armed group whose mention reads "armed men", "the
terrorists" or "a group of heavily armed men", since the mention's words count; "ARMY"
matches "the Salvadoran army". Numbers count for nothing ("TEN TERRORISTS"). A mention
that says less than the name also matches when all its words are the name's and it ends
with the name's last word: "guerrillas" for "URBAN GUERRILLAS", "the army" for "SALVADORAN
ARMY" (but not for "ARMY OF NATIONAL LIBERATION"). A pronoun or role the coder did not
resolve ("they", "the group") matches nothing.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pycountry

from sitroom.knowledge.actors import ActorKB, fold
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Actor, Article, Event

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "dev" / "muc4_dev.jsonl"
VIOLENT_ROOTS = ("18", "19", "20")
RIOT_CODES = ("145",)
NEWS_MODALITIES = ("asserted", "claimed")
# Actor roles that bear arms: a clash between two of them is combat, not a MUC incident.
ARMED_ROLES = ("MIL", "REB", "INS", "RAD", "COP", "UAF", "SPY")

PERPETRATOR_SLOTS = ("PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID")
TARGET_SLOTS = ("HUM TGT: NAME", "HUM TGT: DESCRIPTION", "PHYS TGT: ID")
# Words that say nothing of who acted: a "GROUP OF ARMED MEN" is matched by "armed men".
GENERIC_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "from", "group", "band", "unit", "column",
                           "member", "some", "several", "unidentified", "unknown", "alleged", "suspected", "presumed",
                           "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen"})
STRING_RE = re.compile(r'"((?:[^"\\]|\\.)+)"')  # a quoted name, quotes inside escaped
WORD_RE = re.compile(r"[^\W_]+")
PLURAL_MIN = 4  # "arms" -> "arm" is harmless; "gas" and "bus" keep their s


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
def template_strings(template: dict, slots: Iterable[str]) -> list[str]:
    """The quoted names a template gives in `slots` ("-" and "*" give none)."""
    found = (name.replace("\\", "").strip() for slot in slots for value in template.get(slot) or ()
             for name in STRING_RE.findall(value))
    return [name for name in found if name]


def match_words(text: str) -> tuple[str, ...]:
    """Folded words in order, plural s dropped; little words, collective nouns, numbers and
    single letters left out."""
    words = (fold(w) for w in WORD_RE.findall(text))
    stems = (w[:-1] if len(w) >= PLURAL_MIN and w.endswith("s") else w for w in words)
    return tuple(w for w in stems if len(w) > 1 and not w.isdigit() and w not in GENERIC_WORDS)


def actor_matches(strings: Iterable[str], actor: Actor | None, aliases: Callable[[str], Iterable[str]]) -> bool:
    """Whether one of the template's strings names `actor` (the module docstring says how)."""
    if actor is None:
        return False
    written = match_words(actor.text)
    words = {*written, *match_words(actor.name)}
    for alias in aliases(actor.name):
        words.update(match_words(alias))
    for wanted in map(match_words, strings):
        if wanted and set(wanted) <= words:
            return True
        if written and wanted and written[-1] == wanted[-1] and set(written) <= set(wanted):
            return True  # "guerrillas" written for "URBAN GUERRILLAS": the same head, fewer words
    return False


def kb_aliases(kb: ActorKB) -> Callable[[str], tuple[str, ...]]:
    """The aliases the actor lists give a canonical name (a group's, a person's, a country's)."""
    def aliases(name: str) -> tuple[str, ...]:
        return tuple(a for entity in kb.lookup(name) if getattr(entity, "name", None) == name
                     for a in getattr(entity, "aliases", ()))
    return aliases


def read_rows(path: Path, limit: int | None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def articles(rows: Iterable[dict]) -> Iterator[Article]:
    for row in rows:
        yield Article(id=row["id"], text=row["text"], language="en")


def evaluate(rows: list[dict], analyzer: Analyzer) -> dict:
    by_id = {row["id"]: row for row in rows}
    aliases = kb_aliases(analyzer.knowledge.actors)
    found = relevant = quiet = irrelevant = 0
    templates = placed = 0
    actors = Counter()
    per_type: dict[str, Counter] = {}
    misses: list[str] = []
    unnamed: list[str] = []  # articles with an incident whose template's perpetrator no incident carries
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
                named = who_did_it(template, incidents, aliases)
                actors += named
                if incidents and named["perpetrator_templates"] > named["perpetrator"]:
                    unnamed.append(row["id"])
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
        "perpetrator_templates": actors["perpetrator_templates"],
        "perpetrator": actors["perpetrator"],
        "perpetrator_share": share(actors["perpetrator"], actors["perpetrator_templates"]),
        "target_templates": actors["target_templates"],
        "target": actors["target"],
        "target_share": share(actors["target"], actors["target_templates"]),
        "per_type": {k: {"templates": v["templates"], "placed": v["placed"], "share": share(v["placed"], v["templates"])}
                     for k, v in sorted(per_type.items(), key=lambda kv: -kv[1]["templates"])},
        "missed_articles": misses,
        "noisy_articles": noisy,
        "dated": dated,
        "dated_right": dated_ok,
        "date_share": share(dated_ok, dated),
        "misdated_articles": misdated,
        "perpetrator_missed": unnamed,
    }


def who_did_it(template: dict, incidents: list[Event], aliases: Callable[[str], Iterable[str]]) -> Counter:
    """Whether the template names a perpetrator and a target, and whether one of the
    article's violent incidents carries each as its source and target actor."""
    counts: Counter = Counter()
    for figure, slots, side in (("perpetrator", PERPETRATOR_SLOTS, "source_actor"),
                                ("target", TARGET_SLOTS, "target_actor")):
        strings = template_strings(template, slots)
        if strings:
            counts[f"{figure}_templates"] += 1
            counts[figure] += any(actor_matches(strings, getattr(e, side), aliases) for e in incidents)
    return counts


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
    print(f"  perpetrator as an incident's source: {result['perpetrator']}/{result['perpetrator_templates']} "
          f"templates ({result['perpetrator_share']:.1%})")
    print(f"  target as an incident's target: {result['target']}/{result['target_templates']} "
          f"templates ({result['target_share']:.1%})")
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
