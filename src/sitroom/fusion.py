"""One event, many reports: deciding which per-article events are the same real event,
and building the fused record from all of them.

The store calls this module; it holds no state and reads no files. A *member* is the
record one article's coder produced (`Event.to_dict()`); a fused *event* is a cluster of
members and its record is `fuse(members)`.

Candidates come from blocking (`Block`): the same CAMEO root, a date window around the
member's date and the same place (or, for undated members, the same place), never a
scan of every pair; and from the story step (`sitroom.story`): the members of articles
that tell the same story. `score` compares two members field by field; a veto (actors
that differ, places far apart, one planned and one done) rules a pair out whatever the
rest says. Inside a story the matching is softer (`Story`): roots of one family, actors
of one side named at different levels, wider date windows, and an article's lead matches
the other article's first act of its kind whatever their actors (`first_acts`); the
vetoes that protect precision stay. docs/fusion.md lists the weights and the
reconciliation rules.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .coding.tolls import reconcile
from .knowledge.fusion_rules import FusionKnowledge
from .records import TollReport, as_dict
from .story import STORY_DAYS

# A member joins the best-scoring candidate at or above this share of the total weight.
THRESHOLD = 0.7
# Days either side of a member's date in which candidates are looked for.
DATE_WINDOW = 3
# Field weights of the score; `story` counts only for two members of one story.
WEIGHTS = {"code": 1.0, "source": 1.5, "target": 1.5, "date": 2.0, "place": 1.5, "words": 1.5, "trigger": 0.5,
           "story": 2.0}
# Inside a story: the articles' similarity at which the story part agrees fully (twice
# the story threshold: the pair then shares much of who, where and how many).
STORY_FULL = 0.5
# Inside a story a member joins at this score: the story itself is evidence that the
# reports are about one thing, and the vetoes still keep two events of it apart.
STORY_THRESHOLD = 0.6
# Inside a story, days either side in which two reports may be one event when either
# date is inferred from the article's date or less precise than a day (an outlet that
# writes "this week", or none): the exact window is for dates both reports state. The
# articles of one story are published up to a week apart (`story.STORY_DAYS`), and an act
# a report states is up to DATE_WINDOW days before its report: a follow-up that retells
# "last week's" act with no date of its own is dated by its article, up to ten days after
# the act the first report dated (7 let such pairs go on ECB+'s dated copy; 14 added few).
WIDE_DATE_WINDOW = STORY_DAYS + DATE_WINDOW
# The lead: news writing puts the event an article reports first (the inverted pyramid),
# so two articles of one story report the same event in their leads. An article's lead
# event is its first act (`lead_members`): not a statement, appeal, meeting or
# diplomatic gesture (the reactions that follow an act), not background, not a plan.
# One article's lead and another article's first act of the same kind (`first_acts`: its
# account of that act, even when it leads with the arrest or the funeral that followed),
# in one story, are one event unless their places, dates or standing rule it out: their
# actors may differ, since outlets name the perpetrator and the victims in different
# words and often not at all.
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
# The modalities of an act that happened (as told): a lead is one of them.
DONE = frozenset({"asserted", "claimed"})
NAMESAKE_SOFTER = "one place name, placed in two countries: the story names one place"
COUNTRY_SOFTER = "a place known only as a country, another country than the other's: as good as unknown"
DIVISION_SOFTER = "a town placed in another province than the one the other names: the story's town, not its namesake"
# A follow-up retells as background (a trial, a funeral, an arrest "in the killing of")
# the act an earlier report of its story told as news: inside a story the two are one
# event when the rest agrees (root or family, place, a date in the window); outside one,
# background and news stay apart ("fighting since 1991" is not today's fighting).
BACKGROUND_SOFTER = "told as background in one report and as news in the other"
LEAD_SOFTER = "the lead of one article and the other's first act of its kind: the story's main event"
# Trigger words stemmed and remembered (`_stem`): a day's news repeats a few hundred.
STEM_CACHE = 4096
# Per-day agreement of two day-precise dates: 0 days apart, 1, 2, 3.
DAY_AGREEMENT = (1.0, 0.6, 0.3, 0.1)
# Two different named places closer than this still describe one event (a front, an
# offensive across neighbouring towns); farther apart they are two events.
NEAR_KM = 100.0
# Statements and appeals (CAMEO 01, 02) are cheap and frequent: two of them are one only
# if their sentences share this much of their wording.
TALK_ROOTS = frozenset({"01", "02"})
TALK_MIN_WORDS = 0.25
# Non-state armed roles that reports use interchangeably for the same fighters.
ARMED_ROLES = frozenset({"REB", "INS", "RAD"})
# A planned act (CAMEO intent code) and the act that fulfils it: intent code -> root.
FULFILS = {"036": "04", "032": "05", "031": "06", "033": "07", "035": "08"}
# Days after a plan's date in which the act that fulfils it is looked for (an act dated
# before the plan, such as an arrival the day before a meeting, does not fulfil it).
FULFIL_WINDOW = 14
# Factual modalities, most trusted first: a fused event is as factual as its best report.
MODALITY_ORDER = ("asserted", "claimed", "planned", "threatened", "hypothetical", "negated")
PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "country": 3}
_WORD = re.compile(r"[^\W\d_]{3,}|\d+", re.UNICODE)
STOPWORDS = frozenset(
    "the and for that with from this have has had were was are been said says also after before their "
    "they them its his her who which when where while into over about than other more most some such "
    "would could should will can may not but our out all any one two new last first on in at of to".split()
)


@dataclass(frozen=True)
class Block:
    """Where to look for a member's candidates outside its story: its root, its place
    (`place_key`) and a day range, or no date on either side. A member with no place
    finer than a country has no such block (`place` None): in a day that fills with
    events of one type in one country, only its story can tell which one it reports."""

    root: str
    first_day: str | None
    last_day: str | None
    place: str | None


@dataclass(frozen=True)
class Story:
    """Two members' articles tell one story: their similarity, the knowledge that makes
    the matching softer (`FusionKnowledge`), and whether one member is its article's lead
    and the other its article's first act of that kind (`leads`, see `first_acts`)."""

    similarity: float
    knowledge: FusionKnowledge
    leads: bool = False


@dataclass(frozen=True)
class Match:
    """How well a member fits a candidate: the score (0 to 1), the fields that agreed and
    differed, the softer matches a story allowed, and the veto that ruled the pair out."""

    score: float
    agreed: tuple[str, ...]
    differed: tuple[str, ...]
    veto: str | None = None
    softer: tuple[str, ...] = ()
    story: float | None = None

    def as_dict(self) -> dict[str, Any]:
        out = {"score": round(self.score, 3), "agreed": list(self.agreed), "differed": list(self.differed),
               "veto": self.veto}
        if self.story is not None:
            out["story"] = round(self.story, 3)
            out["softer"] = list(self.softer)
        return out

    def passes(self) -> bool:
        if self.veto is not None:
            return False
        return self.lead or self.score >= (THRESHOLD if self.story is None else STORY_THRESHOLD)

    @property
    def lead(self) -> bool:
        return LEAD_SOFTER in self.softer


def block(record: dict[str, Any]) -> Block:
    root = record["event_code"][:2]
    date = _day(record.get("date"))
    if date is not None:
        return Block(root, (date - dt.timedelta(days=DATE_WINDOW)).isoformat(),
                     (date + dt.timedelta(days=DATE_WINDOW)).isoformat(), place_key(record))
    return Block(root, None, None, place_key(record))


def place_key(record: dict[str, Any]) -> str | None:
    """A member's place as a block key ("SYR/Aleppo/Aleppo" for the city, "SYR/Aleppo" for
    the province): as fine as the report gives it, so that a day full of events in one
    country is split by town; a country, or no place, has none (a city and its province
    meet through their story), nor has a place lent by the article's one town or by where
    a statement was made (`basis`)."""
    place = record.get("location") or {}
    if place.get("precision") not in ("point", "city", "admin1") or not place.get("country"):
        return None
    if place.get("basis"):
        return None  # a place the article's scene or a statement's setting lends: no block of its own
    division = f"{place['country']}/{place.get('admin1') or place.get('name')}"
    return division if place.get("precision") == "admin1" else f"{division}/{place.get('name')}"


def fulfilment_block(record: dict[str, Any]) -> Block | None:
    """Where the act that fulfils a planned member would be; None if it is no plan."""
    root = FULFILS.get(record["event_code"])
    date = _day(record.get("date"))
    if record.get("modality") != "planned" or root is None or date is None:
        return None
    return Block(root, date.isoformat(), (date + dt.timedelta(days=FULFIL_WINDOW)).isoformat(), None)


def countries(record: dict[str, Any]) -> set[str]:
    found = {(record.get(side) or {}).get("country") for side in ("source_actor", "target_actor")}
    found.add((record.get("location") or {}).get("country"))
    return {c for c in found if c}


def score(member: dict[str, Any], event: dict[str, Any], story: Story | None = None) -> Match:
    """How well `member` (one article's event) fits `event` (another member, or a fused
    record); `story` when their articles tell one story (softer matching)."""
    ruled_out = veto(member, event, story)
    if ruled_out:
        return Match(0.0, (), (), ruled_out, story=story and story.similarity)
    softer: list[str] = []
    parts = {
        "code": _code_agreement(member["event_code"], event["event_code"], story, softer),
        "source": _actor_agreement(member.get("source_actor"), event.get("source_actor"), story, softer),
        "target": _actor_agreement(member.get("target_actor"), event.get("target_actor"), story, softer),
        "date": _date_agreement(member, event),
        "place": _place_agreement(member.get("location"), event.get("location"), story),
        "words": words_agreement(sentences(member), sentences(event)),
        "trigger": 1.0 if _trigger(member) and _trigger(member) == _trigger(event) else 0.0,
    }
    if story is not None:
        parts["story"] = min(1.0, story.similarity / STORY_FULL)
        if story.leads and _compatible(member["event_code"], event["event_code"], story):
            softer.append(LEAD_SOFTER)
        if parts["date"] == 0.0 and _wide_dates(member, event):
            parts["date"] = 0.1
            softer.append("date window widened: a date inferred or less precise than a day")
        if bool(member.get("historical")) != bool(event.get("historical")):
            softer.append(BACKGROUND_SOFTER)
        if parts["place"] == 0.7:
            softer.append("one place inside the other")
        elif _namesakes(told_place(member.get("location")), told_place(event.get("location"))):
            softer.append(NAMESAKE_SOFTER)
        elif _country_fallback(told_place(member.get("location")), told_place(event.get("location"))):
            softer.append(COUNTRY_SOFTER)
        elif _division_namesake(told_place(member.get("location")), told_place(event.get("location"))):
            softer.append(DIVISION_SOFTER)
    if member["event_code"][:2] in TALK_ROOTS and parts["words"] < TALK_MIN_WORDS:
        return Match(0.0, (), (), "statements in different words", story=story and story.similarity)
    if _day(member.get("date")) is None and _day(event.get("date")) is None:
        del parts["date"]  # two undated reports: the date neither agrees nor differs
    total = sum(WEIGHTS[name] * value for name, value in parts.items()) / sum(WEIGHTS[name] for name in parts)
    agreed = tuple(name for name, value in parts.items() if value >= 0.6)
    differed = tuple(name for name, value in parts.items() if value < 0.3)
    return Match(total, agreed, differed, softer=tuple(softer), story=story and story.similarity)


def _code_agreement(a: str, b: str, story: Story | None, softer: list[str]) -> float:
    if a == b:
        return 1.0
    if a[:2] == b[:2]:
        return 0.5
    family = story.knowledge.family(a) if story else None
    softer.append(f"CAMEO family {family}: {a} and {b}")
    return 0.3


def links(plan: dict[str, Any], act: dict[str, Any]) -> Match:
    """Whether `act` fulfils `plan` (a visit announced, then made): same parties in either
    direction (host and guest swap roles), no place that contradicts."""
    parties = _parties(plan)
    if not parties or not parties <= _parties(act) | {None}:
        return Match(0.0, (), (), "different parties")
    if _place_agreement(plan.get("location"), act.get("location")) == 0.0:
        return Match(0.0, (), (), "different places")
    plan_day, act_day = _day(plan.get("date")), _day(act.get("date"))
    if plan_day is None or act_day is None or not 0 <= (act_day - plan_day).days <= FULFIL_WINDOW:
        return Match(0.0, (), (), "outside the plan's window")
    closeness = 1.0 - abs((act_day - plan_day).days) / (FULFIL_WINDOW + 1)
    return Match(0.5 + 0.5 * closeness, ("parties", "date"), ())


def _parties(record: dict[str, Any]) -> set[str | None]:
    return {_country_of(record.get(side)) for side in ("source_actor", "target_actor")} - {None}


def _country_of(actor: dict[str, Any] | None) -> str | None:
    if not actor:
        return None
    return actor.get("country") or (actor.get("code") or "")[:3] or None


def _compatible(code: str, other: str, story: Story | None) -> bool:
    """One root, or (inside a story) codes of one family (`FusionKnowledge.family`)."""
    if code[:2] == other[:2]:
        return True
    family = story.knowledge.family(code) if story else None
    return family is not None and family == story.knowledge.family(other)  # type: ignore[union-attr]


def first_acts(records: Iterable[dict[str, Any]], knowledge: FusionKnowledge) -> dict[str, bool]:
    """An article's first act of each kind, from all its members: for each CAMEO family
    (or root outside the families), the member told first in the article (ties: more
    sentences, then the id), among those that are news, happened as told (`DONE`: not
    planned, threatened, hypothetical or denied), are not said (`VERBAL_ROOTS`) and are
    not dated by a year alone (the news is dated to a day, a week or a month; "conflict
    since 1991" is context). Maps each such member's id to whether it is the article's
    lead (the first of them all)."""
    acts = sorted((r for r in records if not r.get("historical") and (r.get("modality") or "asserted") in DONE
                   and r.get("date_precision") != "year" and r["event_code"][:2] not in VERBAL_ROOTS),
                  key=lambda r: (min((e.get("start") or 0) for e in r.get("evidence") or [{}]),
                                 -len(r.get("evidence") or ()), r["id"]))
    firsts: dict[str, bool] = {}
    kinds: set[str] = set()
    for record in acts:
        root = record["event_code"][:2]
        kind = knowledge.family(record["event_code"]) or root
        if kind not in kinds:
            kinds.add(kind)
            firsts[record["id"]] = not firsts
    return firsts


def main_event(lead: bool, other_lead: bool, *, linked: bool) -> bool:
    """Whether two first acts (`first_acts`: each maps to whether it leads its article) of
    two articles of one story are the story's main event: one of them must lead its
    article when the two articles are linked themselves, and both when only other articles
    of the story link them. A chain of links is weaker evidence than a link: look-alike
    reports (the same navy, the same sea, another year) join one story through an article
    that resembles both, and an article's first act of a kind may be its side remark."""
    return (lead or other_lead) if linked else (lead and other_lead)


def quick_veto(member: dict[str, Any], event: dict[str, Any], story: Story | None = None, *,
               actors: bool = True) -> str | None:
    """The vetoes that need only an event's type, standing and actors (`event` may be a
    partial record with `event_code`, `historical`, `modality` and the actors' code, name
    and country). Two leads of one story (`Story.leads`) are not kept apart by actors,
    nor is any pair when `actors` is false."""
    if not _compatible(member["event_code"], event["event_code"], story):
        return "different CAMEO roots" if story is None else "CAMEO roots of different families"
    if bool(member.get("historical")) != bool(event.get("historical")) and story is None:
        return "one is background, the other news"  # inside a story: `BACKGROUND_SOFTER`
    if (member.get("modality") == "planned") != (event.get("modality") == "planned"):
        return "one is planned, the other done"
    for side in ("source_actor", "target_actor"):
        if _different_names(member.get(side), event.get(side)):
            return f"different named {side.split('_')[0]}s"
    if not actors or (story is not None and story.leads):
        return None
    for side in ("source_actor", "target_actor"):
        if _actor_agreement(member.get(side), event.get(side), story, []) == 0.0:
            return f"different {side.split('_')[0]}s"
    return None


def veto(member: dict[str, Any], event: dict[str, Any], story: Story | None = None, *,
         actors: bool = True) -> str | None:
    """What rules the pair out whatever its score, or None. `actors` false leaves out the
    actors' disagreement (forming events inside a story: see `Fuser._form_events`)."""
    quick = quick_veto(member, event, story, actors=actors)
    if quick:
        return quick
    if _place_agreement(member.get("location"), event.get("location"), story) == 0.0:
        return "places too far apart"
    window = WIDE_DATE_WINDOW if story is not None and _wide_dates(member, event) else DATE_WINDOW
    gap = days_apart(member, event)
    if gap is not None and gap > window:
        return "dates too far apart"
    return None


def days_apart(member: dict[str, Any], event: dict[str, Any]) -> int | None:
    """Days between two reports' dates, each taken as the span its precision names ("in
    June 2005" is every day of that June, "in 2012" every day of that year, a week its
    seven days): 0 when the spans meet, so that a report that gives only the month is not
    kept apart from one that gives the day. None when either is undated."""
    spans = [_span(r) for r in (member, event)]
    if spans[0] is None or spans[1] is None:
        return None
    (first_a, last_a), (first_b, last_b) = spans
    return max(0, (first_b - last_a).days, (first_a - last_b).days)


def _span(record: dict[str, Any]) -> tuple[dt.date, dt.date] | None:
    """The first and last day a record's date may be, by its precision."""
    day = _day(record.get("date"))
    if day is None:
        return None
    precision = record.get("date_precision")
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if precision == "week":
        return day, day + dt.timedelta(days=6)
    return day, day


def _wide_dates(member: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether either date is a guess: inferred from the article's date, or coarser than a day."""
    return any(r.get("date_inferred") or r.get("date_precision") not in (None, "day") for r in (member, event))


def _actor_agreement(x: dict[str, Any] | None, y: dict[str, Any] | None, story: Story | None = None,
                     softer: list[str] | None = None) -> float:
    """1 same actor, 0.5 both unknown, 0.4 one unknown, 0 different; inside a story, 0.8
    for one side named at different levels (`actor_levels.tsv`) or one person named
    differently (a shared surname)."""
    if not x and not y:
        return 0.5
    if not x or not y:
        return 0.4
    a, b = x.get("code") or "", y.get("code") or ""
    if a and b:
        if a.startswith(b) or b.startswith(a):
            return 1.0
        role_a, role_b = _role(x), _role(y)
        same_country = (x.get("country") == y.get("country")) or not x.get("country") or not y.get("country")
        if same_country and role_a and role_a == role_b:
            return 0.9  # "a gang member" and "Orozco, a gang member": one names the country
        if a[:3] == b[:3] and a[3:6] in ARMED_ROLES and b[3:6] in ARMED_ROLES:
            return 0.9  # one outlet's "rebels" are another's "jihadists"
        side = story.knowledge.side(role_a) if story else None
        if same_country and side is not None and side == story.knowledge.side(role_b):  # type: ignore[union-attr]
            if softer is not None:
                softer.append(f"one side ({side}) named at different levels: {a} and {b}")
            return 0.8
        return 0.0
    name_a, name_b = (x.get("name") or "").casefold(), (y.get("name") or "").casefold()
    if name_a == name_b:
        return 1.0
    if story is not None and _surnames(name_a) & _surnames(name_b):
        if softer is not None:
            softer.append(f"one person named differently: {x.get('name')} and {y.get('name')}")
        return 0.8
    return 0.0


def _different_names(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
    """Two people or bodies the knowledge does not know (no code), named with no word in
    common: "Vincent Jackson" and "Jamal Williams" arrested the same week are two arrests,
    even inside one story, where actors named at different levels are otherwise let be."""
    if not x or not y or x.get("code") or y.get("code"):
        return False
    a, b = _WORD.findall((x.get("name") or "").casefold()), _WORD.findall((y.get("name") or "").casefold())
    # the last word is the surname or the body's head noun ("Chargers' Jamal Williams")
    return bool(a and b) and a[-1] != b[-1] and a[-1] not in b and b[-1] not in a


def _role(actor: dict[str, Any]) -> str | None:
    """The CAMEO role of an actor's code: after the country code, or the whole of a
    role-only code."""
    code = actor.get("code") or ""
    return (code[3:6] if actor.get("country") else code[:3]) or None


def _surnames(name: str) -> set[str]:
    """The long words of a name, which another report may use alone ("Hickok")."""
    return {w for w in _WORD.findall(name) if len(w) >= 4 and w not in STOPWORDS}


def _date_agreement(member: dict[str, Any], event: dict[str, Any]) -> float:
    m_day, e_day = _day(member.get("date")), _day(event.get("date"))
    if m_day is None or e_day is None:
        return 0.3
    gap = abs((m_day - e_day).days)
    if "day" == member.get("date_precision") == event.get("date_precision"):
        return DAY_AGREEMENT[gap] if gap < len(DAY_AGREEMENT) else 0.0
    return 0.4 if (days_apart(member, event) or 0) <= 31 else 0.0


def _place_agreement(x: dict[str, Any] | None, y: dict[str, Any] | None, story: Story | None = None) -> float:
    """1 same place, 0.7 one inside the other (a country holds only the places placed in
    it), 0.4 unknown, nearby or a region (whose point is its middle), 0 far apart;
    inside a story, one name placed in two countries is one place (`_namesakes`), and a
    place known only as a country in another country than the other's (`_country_fallback`),
    or a town placed in another province than the one the other names (`_division_namesake`),
    is as good as unknown."""
    x, y = told_place(x), told_place(y)
    if not x or not y:
        return 0.4
    same_name = (x.get("name") or "").casefold() == (y.get("name") or "").casefold()
    if x.get("country") and y.get("country") and x["country"] != y["country"]:
        if story is not None and same_name:
            return 1.0  # namesakes: the story names one of them
        return 0.4 if story is not None and _country_fallback(x, y) else 0.0
    if same_name:
        return 1.0
    if "country" in (x.get("precision"), y.get("precision")):
        # a country holds its own places; a sea or a strait placed in no country is not one of them
        return 0.7 if x.get("country") and y.get("country") else 0.4
    if (x.get("precision") == "admin1" and y.get("admin1") == x.get("name")) or (
            y.get("precision") == "admin1" and x.get("admin1") == y.get("name")):
        return 0.7
    if story is not None and _division_namesake(x, y):
        return 0.4  # the geocoder chose the town's namesake in another province: the story names the province
    if "region" in (x.get("precision"), y.get("precision")):
        return 0.4  # a sea, an island, a strip: its point is its middle, the distance from it says nothing
    distance = km(x, y)
    if distance is None:
        return 0.4
    return 0.4 if distance <= NEAR_KM else 0.0


def told_place(place: dict[str, Any] | None) -> dict[str, Any] | None:
    """A place as its report told it, for comparing reports: one lent by the article's one
    town (`basis` "scene") counts as its country only, and a statement's setting ("setting")
    as no place, as before they were lent; what the text does not tie to the act should not
    keep two reports of it apart."""
    if not place or not place.get("basis"):
        return place
    if place["basis"] == "scene" and place.get("country"):
        return {"name": place["country"], "country": place["country"], "precision": "country"}
    return None


def _namesakes(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
    """Whether two places have one name and different countries: namesakes (a Vancouver in
    Canada and one in the United States), between which the geocoder chose differently for
    each report. Two reports of one story that name the same town name the same town."""
    return bool(x and y and x.get("country") and y.get("country") and x["country"] != y["country"]
                and (x.get("name") or "").casefold() == (y.get("name") or "").casefold())


def _country_fallback(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
    """Whether two places are in different countries and one of them is only a country.
    A report that names no town leaves the coder a country to fall back on (the actors'
    nationality, a country named elsewhere in the sentence), which says little about where
    the act was; two towns of different countries are two places."""
    if not x or not y or not x.get("country") or not y.get("country") or x["country"] == y["country"]:
        return False
    return "country" in (x.get("precision"), y.get("precision"))


def _division_namesake(x: dict[str, Any] | None, y: dict[str, Any] | None) -> bool:
    """Whether one place is a province (or state) and the other a town of the same country
    that the geocoder placed in another province. A town's name recurs across a country's
    provinces (a Palmer in Alaska and another in Massachusetts, a Springfield in most
    states); when one report of a story names the state and another the town, the
    geocoder's pick among the town's namesakes is the weaker evidence. Two towns, or two
    provinces, are compared as they are."""
    if not x or not y or not x.get("country") or x.get("country") != y.get("country"):
        return False
    division, town = (x, y) if x.get("precision") == "admin1" else (y, x)
    return (division.get("precision") == "admin1" and town.get("precision") in ("city", "point")
            and town.get("admin1") != division.get("name"))


def km(x: dict[str, Any], y: dict[str, Any]) -> float | None:
    """Great-circle distance between two places, None when either has no coordinates."""
    if None in (x.get("lat"), x.get("lon"), y.get("lat"), y.get("lon")):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (x["lat"], x["lon"], y["lat"], y["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def sentences(record: dict[str, Any]) -> list[str]:
    return [e.get("sentence") or "" for e in record.get("evidence") or ()]


def words_agreement(a: Iterable[str], b: Iterable[str]) -> float:
    """Overlap of the content words of two sets of sentences, scaled so that reports
    sharing a third of their words (names, places, figures) agree fully."""
    x, y = content_words(a), content_words(b)
    if not x or not y:
        return 0.0
    overlap = len(x & y) / min(len(x), len(y))
    return min(1.0, overlap * 3)


def content_words(texts: Iterable[str]) -> set[str]:
    return set().union(*map(_content_words, texts))


# Sentences whose content words are kept: a batch scores each member against several
# candidates, and each candidate against several members, with the same evidence
# sentences (about 3 KB each when full, a few MB in all).
CONTENT_WORDS_CACHE = 1024


@functools.lru_cache(maxsize=CONTENT_WORDS_CACHE)
def _content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in STOPWORDS)


def _trigger(record: dict[str, Any]) -> str | None:
    """The word that carried the event, each of its words by its stem: "stabbed" and
    "a stabbing", "raided" and "the raid", "requested" and "requesting" are one word of
    English told in two forms, as two reports of one act tell it."""
    trigger = record.get("trigger")
    return " ".join(_stem(word) for word in trigger.casefold().split()) if trigger else None


@functools.lru_cache(maxsize=STEM_CACHE)
def _stem(word: str) -> str:
    return _stemmer().stem(word)


@functools.cache
def _stemmer() -> Any:
    # NLTK's Snowball (Porter 2) stemmer, needing no data; imported when first needed, since
    # importing NLTK takes about a second and most commands never score a pair
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# -- building the fused record -----------------------------------------------------------

def fuse(event_id: str, members: Sequence[dict[str, Any]], evidence: list[dict[str, Any]]) -> dict[str, Any]:
    """The record of event `event_id` from its members (in the order they joined) and its
    evidence rows. Fields the members agree on are taken as they are; where they disagree
    the choice follows a stated rule and the disagreement is listed in `contradictions`."""
    founder = members[0]
    record = dict(founder)
    record["id"] = event_id
    contradictions: list[dict[str, Any]] = []
    if len(members) > 1:
        code = _most_common([m["event_code"] for m in members], prefer=lambda c: len(c))
        chosen = next(m for m in members if m["event_code"] == code)
        for key in ("event_code", "event_label", "plover_type", "acled_event_type", "acled_sub_event_type", "rule",
                    "trigger", "disorder_type", "inter1", "inter2", "interaction", "civilian_targeting", "acled_rule"):
            record[key] = chosen.get(key)
        for side in ("source_actor", "target_actor"):
            record[side] = _most_specific_actor([m.get(side) for m in members])
        record.update(_fused_date(members, contradictions))
        record["location"] = _fused_place(members, contradictions)
        record["modality"] = min((m.get("modality") or "asserted" for m in members),
                                 key=lambda m: MODALITY_ORDER.index(m) if m in MODALITY_ORDER else len(MODALITY_ORDER))
        record["historical"] = all(m.get("historical") for m in members)  # news if any report is
        record["confidence"] = max(m.get("confidence") or 0.0 for m in members)
        named = [m.get("attribution") for m in members if m.get("attribution")]
        record["attribution"] = founder.get("attribution") or (named[0] if named else None)
        record["attributions"] = sorted(set(named))
    record["fatalities"] = _fused_toll(members, contradictions)
    record["evidence"] = evidence
    record["members"] = [m["id"] for m in members]
    record["articles"] = sorted({e["doc_id"] for e in evidence})
    record["contradictions"] = contradictions
    return record


def _most_common(values: Sequence[Any], *, prefer: Any = None) -> Any:
    """The value most members give; ties go to the one `prefer` ranks highest, then to
    the earliest member's."""
    counts = Counter(values)
    best = max(counts.values())
    tied = [v for v in dict.fromkeys(values) if counts[v] == best]
    if prefer is not None:
        return max(tied, key=prefer)
    return tied[0]


def _most_specific_actor(actors: Sequence[dict[str, Any] | None]) -> dict[str, Any] | None:
    known = [a for a in actors if a]
    if not known:
        return None
    codes = [a.get("code") or "" for a in known]
    code = _most_common(codes, prefer=len)
    return next(a for a in known if (a.get("code") or "") == code)


def _fused_date(members: Sequence[dict[str, Any]], contradictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The date most members give (a stated date beats one inferred from the article's
    date, and any date beats a suspect one); ties go to the earliest, since later reports
    tend to date the reporting."""
    dated = [m for m in members if m.get("date")]
    stated = ([m for m in dated if not m.get("date_inferred") and not m.get("date_suspect")]
              or [m for m in dated if not m.get("date_suspect")] or dated)
    if not stated:
        return {}
    values = [m["date"] for m in stated]
    counts = Counter(values)
    best = max(counts.values())
    date = min(v for v in counts if counts[v] == best)
    chosen = next(m for m in stated if m["date"] == date)
    if len(counts) > 1:
        contradictions.append({"field": "date", "rule": "most reported, then earliest",
                               "values": _values(stated, lambda m: m["date"])})
    return {"date": date, "date_precision": chosen.get("date_precision"), "date_inferred": chosen.get("date_inferred", False),
            "date_suspect": chosen.get("date_suspect", False)}


def _fused_place(members: Sequence[dict[str, Any]], contradictions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The place most members give, then the finest; listed as a contradiction unless every
    other place contains the chosen one (a city and its province or country)."""
    places = [m["location"] for m in members if m.get("location")]
    if not places:
        return None
    finest = {p["name"]: -PRECISION_RANK.get(p.get("precision"), 4) for p in reversed(places)}
    name = _most_common([p["name"] for p in places], prefer=finest.__getitem__)
    chosen = next(p for p in places if p["name"] == name)
    if any(p["name"] != name and _place_agreement(p, chosen) < 0.7 for p in places):
        contradictions.append({"field": "location", "rule": "most reported, then finest",
                               "values": _values([m for m in members if m.get("location")],
                                                 lambda m: m["location"]["name"])})
    return chosen


def _fused_toll(members: Sequence[dict[str, Any]], contradictions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Every member's reports, reconciled (`coding.tolls.reconcile`); a single member's
    toll is kept as its coder gave it."""
    if len(members) == 1:
        return members[0].get("fatalities")
    reports: list[TollReport] = []
    seen: set[tuple[Any, ...]] = set()
    for member in members:
        for report in _reports(member):
            key = (report.get("doc_id"), report.get("sentence"), report.get("killed"), report.get("injured"))
            if key in seen:
                continue
            seen.add(key)
            reports.append(TollReport(killed=report.get("killed"), injured=report.get("injured"),
                                      qualifier=report.get("qualifier"), attribution=report.get("attribution"),
                                      doc_id=report.get("doc_id") or "", sentence=report.get("sentence") or "",
                                      by_group=dict(report.get("by_group") or {})))
    if not reports:
        return None
    toll = reconcile(reports)
    if toll is None:
        return None
    killed = {r.killed for r in reports if r.killed is not None}
    if len(killed) > 1:
        contradictions.append({"field": "fatalities", "rule": toll.reconciliation,
                               "values": [{"value": r.killed, "doc_id": r.doc_id, "attribution": r.attribution}
                                          for r in reports if r.killed is not None]})
    return as_dict(toll)


def _reports(member: dict[str, Any]) -> list[dict[str, Any]]:
    """A member's toll reports; a toll given without any stands as one report."""
    toll = member.get("fatalities") or {}
    if toll.get("reports"):
        return list(toll["reports"])
    if toll.get("killed") is None and toll.get("injured") is None:
        return []
    evidence = (member.get("evidence") or [{}])[0]
    return [{"killed": toll.get("killed"), "injured": toll.get("injured"), "qualifier": toll.get("qualifier"),
             "attribution": member.get("attribution"), "doc_id": evidence.get("doc_id"),
             "sentence": evidence.get("sentence"), "by_group": toll.get("by_group") or {}}]


def _values(members: Sequence[dict[str, Any]], value: Any) -> list[dict[str, Any]]:
    out = []
    for m in members:
        docs = sorted({e.get("doc_id") for e in m.get("evidence") or ()} - {None})
        out.append({"value": value(m), "doc_id": docs[0] if docs else None, "attribution": m.get("attribution"),
                    "member": m["id"]})
    return out
