"""The plain records that flow through sitroom.

Mentions (`ActorMention`, `PlaceMention`, `DateMention`, `NumberMention`) are what the
analysis stages find in one article, each with character offsets into `Article.text`.
Resolved values (`Actor`, `Place`, `Fatalities`) are what an `Event` carries. An `Event`
serialises to the interchange record of `shared/spec/event-record.md` with `to_dict()`.

All offsets are Python string indices into the article text the user gave (for HTML,
into the text extracted from it).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, kw_only=True)
class Article:
    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False  # True when `published` was guessed from the text
    url: str | None = None
    language: str | None = None
    source: str | None = None  # the file (and line) it was read from
    # Spans of page furniture (captions, comment boxes, "Related" lists) that the
    # analysis skips; offsets stay those of `text`.
    furniture: tuple[tuple[int, int], ...] = ()
    notes: tuple[str, ...] = ()  # what intake decided: "not English: fr", "truncated", ...


@dataclass(frozen=True, kw_only=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, kw_only=True)
class Actor:
    """An actor as an event carries it (the event-record `source_actor` object)."""

    text: str  # as written in the article
    name: str  # canonical name
    code: str | None  # CAMEO actor code: "RUSGOV", "SYRREB", "IGOUNO", "REB"
    country: str | None  # ISO 3166 alpha-3


@dataclass(frozen=True, kw_only=True)
class ActorMention:
    start: int
    end: int
    actor: Actor
    # country, capital, demonym, person, group, igo, role, compound, title, pronoun
    kind: str
    # For people: the office held on the article's date ("foreign minister").
    office: str | None = None
    # The mention this one was resolved through (coreference), as (start, end).
    antecedent: tuple[int, int] | None = None


@dataclass(frozen=True, kw_only=True)
class Place:
    """A resolved place (the event-record `location` object)."""

    name: str
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str  # point, city, admin1, country
    geonames_id: int | None = None
    # How an event's place was found, when not named for it in its own sentence: "scene"
    # (the one town of the article's acts, coding/scene.py) or "setting" (where a statement
    # was made, coding/where.py). Fusion keys no block on such a place (fusion.place_key).
    basis: str | None = None


@dataclass(frozen=True, kw_only=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place | None  # None: looks like a place but nothing in the gazetteer fits
    candidates: int = 0  # how many gazetteer entries the name could mean
    # name (a place name), demonym ("Syrian": the country, not where an event happened),
    # street (a street, block or neighbourhood, placed in the city the text names),
    # again ("the city", "the town": the last town named before it)
    kind: str = "name"
    reason: str | None = None  # why this entry was chosen among the candidates


@dataclass(frozen=True, kw_only=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # YYYY-MM-DD (first day of the period for coarser precision)
    precision: str  # day, week, month, year
    # How the expression relates to an event: "on", "since", "until", "before", "after", "in"
    relation: str = "on"
    tense: str | None = None  # past, future, present: what resolved a weekday
    # True when the date lies before 1900 or after the article's date (not to be trusted)
    suspect: bool = False


@dataclass(frozen=True, kw_only=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int | None  # conservative number: "dozens" -> 12, "at least 412" -> 412
    qualifier: str  # exact, at least, more than, about, up to, dozens, hundreds, ...
    category: str | None  # killed, injured, hit, abducted, arrested, displaced, missing, None
    group: str | None = None  # normalised victim group: civilians, rebels, government, ...
    # amount (a number written: "12", "dozens"), phrase ("a man", "both officers", "a
    # couple"), name (a named person), pronoun ("he", "himself"), headline (a headline's
    # bare noun: "Man shot outside bar" counts a man), listed (a number listed with other
    # people, "two teachers and a student": a part of the toll, never its total)
    kind: str = "amount"
    # new (people counted for the first time), again (people counted before: "the
    # victim", "he"), more (people on top of those counted before: "another man")
    reference: str = "new"


@dataclass(frozen=True, kw_only=True)
class TollReport:
    killed: int | None
    injured: int | None
    qualifier: str | None
    attribution: str | None
    doc_id: str
    sentence: str
    by_group: dict[str, int] = field(default_factory=dict)
    # Of `injured`, the people hit (shot, stabbed) whose fate the sentence does not give:
    # a later report of their death takes them out of the injured.
    hit: int = 0
    # The people of this report come on top of those reported before ("another man was
    # killed"), instead of retelling them.
    added: bool = False


@dataclass(frozen=True, kw_only=True)
class Fatalities:
    killed: int | None
    injured: int | None = None
    qualifier: str | None = None
    by_group: dict[str, int] = field(default_factory=dict)
    low: int | None = None
    best: int | None = None
    high: int | None = None
    reconciliation: str | None = None  # the rule that chose `killed` among the reports
    reports: tuple[TollReport, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Evidence:
    doc_id: str
    outlet: str | None
    sentence: str
    start: int
    end: int
    published: str | None = None
    title: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class Event:
    id: str
    event_code: str
    event_label: str
    plover_type: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    source_actor: Actor | None
    target_actor: Actor | None
    date: str | None
    date_precision: str
    location: Place | None
    fatalities: Fatalities | None
    attribution: str | None
    modality: str
    historical: bool
    evidence: tuple[Evidence, ...]
    confidence: float
    rule: str
    trigger: str | None = None  # the word or phrase that carried the event
    date_inferred: bool = False  # no date in the text: the article's date stands in
    date_suspect: bool = False  # the date cannot be right (before 1900, or after the report): not trusted
    # ACLED's view of the event (sitroom.coding.acled, docs/knowledge-acled.md)
    disorder_type: str | None = None  # Political violence, Demonstrations, Strategic developments, ...
    inter1: int | None = None  # ACLED actor type of the source: 1 state forces ... 7 civilians, 8 external forces
    inter2: int | None = None  # ... of the target
    interaction: int | None = None  # both inter codes, the lower first (17); a sole actor's followed by 0 (60)
    civilian_targeting: str | None = None  # "Civilian targeting" when civilians were the target
    acled_rule: str | None = None  # the rule of acled_rules.tsv and the cue words that decided the sub-event type

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)


def as_dict(record: Any) -> Any:
    """A record (or a tuple or list of records) as plain JSON-ready data."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: as_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [as_dict(r) for r in record]
    if isinstance(record, dict):
        return {k: as_dict(v) for k, v in record.items()}
    return record


@dataclass(frozen=True, kw_only=True)
class Analysis:
    """Everything the pipeline found in one article (what `sitroom analyze` prints)."""

    article: Article
    sentences: tuple[Sentence, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]
    events: tuple[Event, ...]
