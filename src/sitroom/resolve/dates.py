"""When: date expressions in an article, resolved against the article's date.

    DateStage            doc._.article -> doc._.dates (DateMention, sorted by start)
    resolve_expression   "since Wednesday", 2024-11-30, "past" -> ("2024-11-27", "day", "since")
    resolve_weekday      a weekday before (past) or after (future) the article's date
    clause_tense         past / future / present of the clause a date expression sits in
    infer_published      the article's own date from its dateline, for inputs that carry none

Candidates come from patterns (weekdays, months, years, relative words, full dates) and
from spaCy's DATE entities. Relative expressions need the article's date; without it they
get no value, while absolute ones ("28 November 2024") still resolve. dateparser reads
absolute day-level dates; weekdays, months and years are resolved here because they
depend on the tense of the clause, which dateparser cannot see.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import dateparser
from spacy.tokens import Doc, Span, Token

from ..nlp import doc_text
from ..records import Article, DateMention

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
# Abbreviations as wires write them ("Nov. 28", "Sept 3"); "May" needs none.
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}

# Earliest and latest years read as years: outside this range a four-digit number is a
# count or a code, not a year.
MIN_YEAR = 1800
MAX_YEAR = 2100
# Dates before this year are almost certainly misreadings in news about current events.
SUSPECT_BEFORE_YEAR = 1900
# A planned event (future tense) may lie after the article's date; within this many days
# it is plausible ("due to meet next month"), beyond it the reading is suspect.
FUTURE_PLAUSIBLE_DAYS = 365
# A day and month with no year, in a future clause, that fell this many days or fewer
# before publication is that recent day: plans a year ahead give their year.
RECENT_DAYS = 31
# A day and month with no year that falls this many days or fewer after publication is
# that coming day, whatever the tense of its clause: news gives the year of a day in
# another year, and does not write bare a day almost a year back.
COMING_DAYS = 31
# Datelines and "Published:" lines sit at the top of an article; a full date further down
# is more likely an event's than the article's.
INFER_WINDOW_CHARS = 1500
# How far up the parse a date expression may climb to find the verb it modifies.
MAX_CLIMB = 4

# The word before an expression says how it relates to the event it dates.
RELATIONS = {
    "on": "on", "at": "on", "since": "since", "from": "since", "until": "until", "till": "until",
    "through": "until", "before": "before", "by": "before", "prior": "before", "after": "after",
    "in": "in", "during": "in", "throughout": "in", "of": "in",
}
# Governors whose "to"-infinitive is planned, not done: "is due to meet on Monday".
FUTURE_GOVERNORS = frozenset({
    "due", "schedule", "expect", "plan", "set", "intend", "hope", "aim", "prepare", "slate",
    "agree", "promise", "pledge", "vow", "going", "poise", "propose", "arrange",
})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})

_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
             r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_FULL_MONTH_RE = (r"(?:January|February|March|April|May|June|July|August|September|October"
                  r"|November|December)")
_WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_YEAR_IN_WORDS = r"(?:of\s+)?(?:this|last)\s+year\b"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

# (kind, pattern): tried in this order; a later match that overlaps an earlier one is dropped.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in (
        ("iso", r"\b\d{4}-\d{2}-\d{2}(?=T|\b)"),
        ("full", rf"\b(?:{_WEEKDAY_RE},?\s+)?{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_RE}\b"),
        ("full", rf"\b(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_RE}\b"),
        ("numeric", r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
        # "on 24 May this year", "on March 3 of last year": a day whose year is told in words
        ("dayyear", rf"\b{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE},?\s+{_YEAR_IN_WORDS}"),
        ("dayyear", rf"\b{_MONTH_RE}\s+{_DAY_RE},?\s+{_YEAR_IN_WORDS}"),
        ("monthday", rf"\b(?:{_WEEKDAY_RE},?\s+)?{_MONTH_RE}\s+{_DAY_RE}\b(?![,.]?\d)"),
        ("monthday", rf"\b(?:{_WEEKDAY_RE},?\s+)?(?:the\s+)?{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?![A-Za-z])"),
        ("monthyear", rf"\b(?:(?:early|late|mid)[- ])?{_MONTH_RE}\s+(?:of\s+)?{_YEAR_RE}\b"),
        ("relative", r"(?i)\b(?:(?:earlier|later|late|early)\s+)?(?:this|last|next|past)\s+"
                     r"(?:week|weekend|month|year|morning|afternoon|evening|night)\b"),
        ("relative", r"(?i)\b(?:yesterday|today|tonight)\b"),
        # "stormed the prisons over the weekend": the weekend told without "this" or "last"
        ("relative", r"(?i)(?:(?<=\bover )|(?<=\bduring )|(?<=\bat ))the\s+weekend\b"),
        ("ago", r"(?i)\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                r"(?:days?|weeks?|months?|years?)\s+ago\b"),
        ("weekday", rf"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his|[Ll]ate|[Ee]arly|[Oo]vernight)\s+)?{_WEEKDAY_RE}"
                    rf"(?:\s+{_PART_OF_DAY})?\b"),
        ("month", rf"(?i:\b(?:in|since|until|by|during|from|before|after|through|of|last|next|this|"
                  rf"early|late|mid)[- ]+){_FULL_MONTH_RE}\b"),
        ("year", rf"(?<![\d$£€.,])\b{_YEAR_RE}\b(?![\d%]|,\d|\.\d)"),
    )
)

# What a text must hold for each of PATTERNS to match in it (None: not checked), found by
# a plain scan that is many times faster than the pattern's: a pattern whose word is
# not in the text is not run. Each is part of every match of its pattern.
_MONTH_STARTS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"  # every _MONTH_RE word starts so
_MONTH_WORD = re.compile(_MONTH_STARTS)  # of _MONTH_RE, _FULL_MONTH_RE
_YEAR_WORD = re.compile(r"(?:this|last)\s+year")  # of _YEAR_IN_WORDS
NEEDED: tuple[re.Pattern[str] | None, ...] = (
    re.compile(r"\d{4}-\d{2}-\d{2}"),  # iso
    _MONTH_WORD, _MONTH_WORD,  # full
    re.compile(r"\d/\d"),  # numeric
    _YEAR_WORD, _YEAR_WORD,  # dayyear
    _MONTH_WORD, _MONTH_WORD,  # monthday
    _MONTH_WORD,  # monthyear
    None, None,  # relative: most texts hold "last" or "today"
    re.compile("weekend", re.IGNORECASE),  # relative: "over the weekend"
    re.compile("ago", re.IGNORECASE),  # ago
    re.compile("day"),  # weekday: every weekday's name ends so
    _MONTH_WORD,  # month
    re.compile(_YEAR_RE),  # year
)

# Where in a text each of PATTERNS may match (None: the pattern is run over the whole
# text). Python's regex engine finds no fast skip for a pattern that opens with `\b`, so
# it tries every character of the text; a plain alternation of words it scans many times
# faster. Each pattern but `month` opens with `\b` and a word character, so each of its
# matches starts where one of these words starts (`_at`: a word made only of word
# characters cannot run across that start, where the text has a non-word character
# before it); `month` ends with a month's full name, after the word and the spaces or
# hyphens that lead up to it (`_before_full_month`). `matches_at` then tries the pattern
# at those places alone, in order, as `finditer` would have found them.
_WEEKDAYS = "|".join(day.capitalize() for day in WEEKDAYS)
_MONTH_LEAD_WORDS = ("in", "since", "until", "by", "during", "from", "before", "after", "through", "of",
                     "last", "next", "this", "early", "late", "mid")  # those of the `month` pattern
_FULL_MONTH = re.compile(_FULL_MONTH_RE)
# The characters other than A-Z that a case-blind pattern matches to an ASCII letter
# (dotted capital I, dotless i, long s, the Kelvin sign), which `str.lower` leaves alone or
# makes two characters of: a text holding one is scanned the long way.
_CASE_BLIND_ODD = frozenset("\u0130\u0131\u017f\u212a")


def _at(words: str) -> Callable[[str], Iterable[int]]:
    scan = re.compile(words)
    return lambda text: (m.start() for m in scan.finditer(text))


def lower_in_place(text: str) -> str | None:
    """`text` in lower case, where a case-blind pattern matches the same words in it at the
    same places as in `text` (every character stays one character); None where it may not."""
    lowered = text.lower()
    if len(lowered) != len(text) or not _CASE_BLIND_ODD.isdisjoint(text):
        return None
    return lowered


def _at_any_case(words: str) -> Callable[[str], Iterable[int] | None]:
    """`_at` for a case-blind pattern: the words (in lower case) found in the text lower-cased
    (`lower_in_place`); None where that may not find them all."""
    scan = re.compile(words)

    def starts(text: str) -> Iterable[int] | None:
        lowered = lower_in_place(text)
        return None if lowered is None else (m.start() for m in scan.finditer(lowered))
    return starts


def _before_full_month(text: str) -> list[int] | None:
    if not _CASE_BLIND_ODD.isdisjoint(text):
        return None
    starts = set()
    for match in _FULL_MONTH.finditer(text):
        end = match.start()
        while end > 0 and text[end - 1] in "- ":
            end -= 1
        if end < match.start():
            starts.update(end - len(w) for w in _MONTH_LEAD_WORDS if text[max(0, end - len(w)):end].lower() == w)
    return sorted(starts)


STARTS: tuple[Callable[[str], Iterable[int] | None] | None, ...] = (
    None,  # iso: rare in news text, and only run where NEEDED finds one
    _at(rf"{_WEEKDAYS}|\d+"), _at(rf"{_WEEKDAYS}|{_MONTH_STARTS}"),  # full
    None,  # numeric
    _at(r"\d+"), _at(_MONTH_STARTS),  # dayyear
    _at(rf"{_WEEKDAYS}|{_MONTH_STARTS}"), _at(rf"{_WEEKDAYS}|the|\d+"),  # monthday
    _at(rf"early|late|mid|{_MONTH_STARTS}"),  # monthyear
    _at_any_case("earl|late|this|last|next|past"), _at_any_case("yesterday|today|tonight"),  # relative
    _at_any_case("the"),  # relative: "over the weekend"
    None,  # ago
    _at(rf"Last|last|Next|next|This|this|Late|late|Early|early|Overnight|overnight|{_WEEKDAYS}"),  # weekday
    _before_full_month,  # month
    _at(_YEAR_RE),  # year
)


def matches_at(pattern: re.Pattern[str], starts: Callable[[str], Iterable[int] | None] | None,
               text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where `starts` says a match may start."""
    places = starts(text) if starts is not None else None
    if places is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in places:
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


# Words that make a four-digit number a count, not a year: "at least 2000 people".
_COUNT_BEFORE = re.compile(r"(?i)(?:at least|more than|over|nearly|almost|about|around|some|up to|"
                           r"than|of|estimated)\s+$")
_YEAR_WORDS_BEFORE = re.compile(r"(?i)\b(?:in|since|until|by|during|from|before|after|through|of|"
                                r"early|late|mid|year|since early|back in)[- ]+$")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    kind: str


# -- pure resolution ---------------------------------------------------------------------

def resolve_weekday(weekday: int, published: dt.date, tense: str | None) -> dt.date:
    """The day a weekday (0 = Monday) names in an article of `published`.

    Past (and present or unknown): the most recent such day on or before publication.
    Future: the next such day strictly after it.
    """
    if tense == "future":
        return published + dt.timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def resolve_month(month: int, published: dt.date, tense: str | None) -> dt.date:
    """The first day of the named month: the latest one begun by publication, or the next."""
    if tense == "future":
        year = published.year if month >= published.month else published.year + 1
    else:
        year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


# Expressions remembered by `resolve_expression`: a day of news repeats its dates ("on
# Monday", "March 5") across articles of one publication day, and dateparser takes
# milliseconds per call.
RESOLVED_CACHE = 4096


@functools.lru_cache(maxsize=RESOLVED_CACHE)
def resolve_expression(text: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str, str]:
    """Resolve one date expression: (YYYY-MM-DD or None, precision, relation).

    `text` may start with its preposition ("since Wednesday"), which gives the relation.
    Relative expressions get no value when `published` is None.
    """
    words = text.strip().split()
    relation: str | None = None
    if words and words[0].lower() in RELATIONS:
        relation = RELATIONS[words[0].lower()]
        words = words[1:]
    body = " ".join(words)
    if relation == "since" and tense != "future":
        tense = "past"  # "since Wednesday" counts from a day already gone
    value, precision = _resolve_body(body, published, tense)
    if relation is None:
        relation = "on" if precision == "day" else "in"
    return value, precision, relation


def _resolve_body(body: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str]:
    lower = body.lower().strip(" ,.")
    for resolver in (_iso, _relative, _ago, _weekday, _absolute, _month_year, _month, _year):
        found = resolver(lower, published, tense)
        if found is not None:
            return found
    return None, "day"


def _iso(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t.*)?", lower)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat(), "day"
    except ValueError:
        return None


def _relative(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(r"(?:(earlier|later|late|early)\s+)?(?:(this|last|next|past|the)\s+)?"
                         r"(yesterday|today|tonight|week|weekend|month|year|morning|afternoon|evening|night)",
                         lower)
    if match is None or (match[2] is None and match[3] not in ("yesterday", "today", "tonight")):
        return None
    which, unit = match[2], match[3]
    precision = {"week": "week", "weekend": "week", "month": "month", "year": "year"}.get(unit, "day")
    if published is None:
        return None, precision
    if unit == "yesterday" or (which == "last" and unit == "night"):
        return (published - dt.timedelta(days=1)).isoformat(), "day"
    if unit in ("today", "tonight", "morning", "afternoon", "evening", "night"):
        return published.isoformat(), "day"
    step = {"last": -1, "past": -1, "next": 1}.get(which or "this", 0)
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday())
        return (monday + dt.timedelta(weeks=step)).isoformat(), "week"
    if unit == "weekend":
        # a weekend is dated by its Saturday, at week precision (it spans two days)
        ahead = step > 0 or (which == "the" and tense == "future")  # "will meet over the weekend"
        saturday = resolve_weekday(5, published, "future" if ahead else "past")
        return saturday.isoformat(), "week"
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return dt.date(month_index // 12, month_index % 12 + 1, 1).isoformat(), "month"
    return dt.date(published.year + step, 1, 1).isoformat(), "year"


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _ago(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(r"(\d+|[a-z]+)\s+(day|week|month|year)s?\s+ago", lower)
    if match is None:
        return None
    count = int(match[1]) if match[1].isdigit() else _NUMBER_WORDS.get(match[1])
    if count is None:
        return None
    unit = match[2]
    if published is None:
        return None, unit
    if unit in ("day", "week"):
        return (published - dt.timedelta(days=count * (7 if unit == "week" else 1))).isoformat(), unit
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 - count
        return dt.date(month_index // 12, month_index % 12 + 1, 1).isoformat(), "month"
    return dt.date(published.year - count, 1, 1).isoformat(), "year"


def _weekday(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(rf"(?:(last|next|this|late|early|overnight)\s+)?({'|'.join(WEEKDAYS)})"
                         rf"(?:'s)?(?:\s+{_PART_OF_DAY})?", lower)
    if match is None:
        return None
    if published is None:
        return None, "day"
    weekday = WEEKDAYS.index(match[2])
    if match[1] == "next":
        tense = "future"
    elif match[1] == "last":
        # "last Monday" written on a Monday is the week before, not the same day
        day = resolve_weekday(weekday, published - dt.timedelta(days=1), "past")
        return day.isoformat(), "day"
    return resolve_weekday(weekday, published, tense).isoformat(), "day"


def _month_number(word: str) -> int | None:
    word = word.strip(".").lower()
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS.get(word)


def _recent(day: dt.date, published: dt.date | None, has_year: bool) -> dt.date:
    """"Said the April 1 strike would not go unpunished", told on April 16: a day and month
    named with no year in a clause about what will come, read as next year's (as dateparser
    reads a future clause), is the same day of the last weeks when that fell within
    RECENT_DAYS before publication: plans a year ahead give their year."""
    if has_year or published is None or day <= published:
        return day
    try:
        earlier = day.replace(year=day.year - 1)
    except ValueError:
        return day  # the 29th of February
    return earlier if 0 <= (published - earlier).days <= RECENT_DAYS else day


def _coming(day: dt.date, published: dt.date | None, has_year: bool) -> dt.date:
    """"President X, campaigning for the election on March 23, urged ...", told on March 9:
    a day and month named with no year in a past clause, read as last year's (as dateparser
    reads a past clause), is the coming day of this year when that falls within COMING_DAYS
    after publication (it is then after the report, and so suspect for a deed told done)."""
    if has_year or published is None or day > published:
        return day
    try:
        later = day.replace(year=day.year + 1)
    except ValueError:
        return day  # the 29th of February
    return later if 0 < (later - published).days <= COMING_DAYS else day


def _absolute(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    """Day-level dates with a month name or in numeric form, read by dateparser."""
    has_year = re.search(rf"\b{_YEAR_RE}\b", lower) is not None
    day_first = re.fullmatch(rf"(?:[a-z]+,?\s+)?(?:the\s+)?({_DAY_RE})\s+(?:of\s+)?([a-z]+\.?),?(?:\s+{_YEAR_RE})?", lower)
    month_first = re.fullmatch(rf"(?:[a-z]+,?\s+)?([a-z]+\.?)\s+({_DAY_RE}),?(?:\s+{_YEAR_RE})?", lower)
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", lower)
    if day_first and _month_number(day_first[2]):
        order = "DMY"
    elif month_first and _month_number(month_first[1]):
        order = "MDY"
    elif numeric:
        # American order unless the first number cannot be a month
        order = "DMY" if int(numeric[1]) > 12 else "MDY"
        has_year = True
    else:
        return None
    if not has_year and published is None:
        return None, "day"
    settings: dict[str, object] = {
        "DATE_ORDER": order,
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "REQUIRE_PARTS": ["day", "month"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time())
    written = lower.replace(".", "")
    day = _written_date(written, published, str(settings["PREFER_DATES_FROM"]))
    if day is not None:
        return _coming(_recent(day, published, has_year), published, has_year).isoformat(), "day"
    parsed = dateparser.parse(written, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return _coming(_recent(parsed.date(), published, has_year), published, has_year).isoformat(), "day"


# A day and month ("28 november", "monday, nov 28th"), with or without a year, as
# dateparser reads it for `_absolute`: read here, because dateparser takes a millisecond
# a call and most dates news writes out are so. (tests/test_stage_speed.py holds it to
# dateparser's reading.)
_WRITTEN_DATE = tuple(re.compile(pattern, re.ASCII) for pattern in (
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[a-z]+)"
    rf"(?:,?\s+(?P<year>{_YEAR_RE}))?",
    rf"(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?P<month>[a-z]+)\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<year>{_YEAR_RE}))?",
))


def _written_date(written: str, published: dt.date | None, prefer: str) -> dt.date | None:
    """The day `written` names, as dateparser gives it with the preference `prefer` ("past"
    or "future") from `published`; None where it is not one of these forms or is no real
    day (dateparser then decides). Without a year, it is the day in the publication's
    year, a year earlier if that is after publication (past), a year later if it is not
    (future)."""
    for pattern in _WRITTEN_DATE:
        match = pattern.fullmatch(written)
        month = _month_number(match["month"]) if match is not None else None
        if match is None or month is None:
            continue
        day = int(match["day"])
        if match["year"] is not None:
            try:
                return dt.date(int(match["year"]), month, day)
            except ValueError:
                return None
        if published is None or (month, day) == (2, 29):  # dateparser moves the 29th to a leap year
            return None
        try:
            found = dt.date(published.year, month, day)
        except ValueError:
            return None
        if published < found:
            return found.replace(year=found.year - 1) if prefer == "past" else found
        return found.replace(year=found.year + 1) if prefer == "future" else found
    return None


def _month_year(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(rf"(?:(?:early|late|mid)[- ])?([a-z]+\.?)\s+(?:of\s+)?({_YEAR_RE})", lower)
    if match is None or _month_number(match[1]) is None:
        return None
    return dt.date(int(match[2]), _month_number(match[1]) or 1, 1).isoformat(), "month"


def _month(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(r"(?:(last|next|this|early|late|mid)[- ]+)?([a-z]+\.?)", lower)
    if match is None or _month_number(match[2]) is None:
        return None
    if published is None:
        return None, "month"
    month = _month_number(match[2]) or 1
    if match[1] == "next":
        tense = "future"
    elif match[1] == "last":
        tense = "past"
        if month == published.month:
            return dt.date(published.year - 1, month, 1).isoformat(), "month"
    return resolve_month(month, published, tense).isoformat(), "month"


def _year(lower: str, published: dt.date | None, tense: str | None) -> tuple[str | None, str] | None:
    match = re.fullmatch(rf"(?:(?:early|late|mid)[- ])?({_YEAR_RE})", lower)
    if match is None:
        return None
    return f"{match[1]}-01-01", "year"


# -- tense of the clause -----------------------------------------------------------------

def clause_tense(span: Span) -> str | None:
    """past, future or present: the tense of the verb a date expression attaches to."""
    verb = _governing_verb(span)
    return _tense_of(before_the_clause(span, verb), MAX_CLIMB) if verb is not None else None


def before_the_clause(span: Span, verb: Token) -> Token:
    """"The junta said on Sunday it would retake the towns": a date between a verb and the
    subject of the clause it governs belongs to that verb, whatever the parser hangs it from
    (the clause starts at its subject, or its "that")."""
    if verb.dep_ != "ccomp" or verb.head == verb or verb.head.pos_ not in ("VERB", "AUX"):
        return verb
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    start = min((t.left_edge.i for t in (subject, mark) if t is not None), default=None)
    if start is None:
        return verb
    return verb.head if verb.head.i < span.start and span.end <= start else verb


def _tense_of(verb: Token, budget: int) -> str | None:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in FUTURE_AUX or c.tag_ == "MD" for c in aux):
        return "future"  # "will meet", "could resume on Monday"
    past_marked = verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux)
    if verb.lemma_.lower() in FUTURE_GOVERNORS and not past_marked and _is_present(verb, aux):
        return "future"  # "the vote is scheduled for Monday", "is due on Monday"
    if verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "acomp" and c.lemma_.lower() in FUTURE_GOVERNORS for c in verb.children):
        return "future"  # "is due in Brussels on Friday": the date hangs from the copula
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux) and budget > 0:
        governor = verb.head
        if governor.lemma_.lower() in FUTURE_GOVERNORS:
            return "future"  # "is due to meet on Monday", "agreed to meet on Monday"
        if verb.dep_ == "xcomp" and governor.lemma_ == "be" and governor.tag_ in ("VBZ", "VBP"):
            return "future"  # "ministers are to meet on Sunday": a present "be to" plans
        return _tense_of(governor, budget - 1) if governor != verb else None
    if past_marked or verb.tag_ == "VBN":
        return "past"  # "attacked", "has been killed", "was seized"
    if verb.tag_ == "VBG":
        if any(c.lemma_ == "be" and c.tag_ in ("VBZ", "VBP") for c in aux):
            return "future"  # "is meeting on Monday": a present progressive with a date plans
        if verb.dep_ in ("advcl", "conj", "xcomp", "acl", "pcomp") and verb.head != verb and budget > 0:
            governor = verb.head
            if governor.pos_ == "ADP" and governor.head != governor:
                governor = governor.head  # "after stopping the convoy on Wednesday"
            return _tense_of(governor, budget - 1)  # "..., killing 12 on Monday"
        return None
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return "present"
    return None


def _is_present(verb: Token, aux: list[Token]) -> bool:
    """A present-tense verb, or an adjective or participle after a present copula ("is due")."""
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    if any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return True
    head = verb.head
    return verb.dep_ in ("acomp", "xcomp", "attr") and head.tag_ in ("VBZ", "VBP")


def _governing_verb(span: Span) -> Token | None:
    current = span.root
    for _ in range(MAX_CLIMB):
        if current.head == current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.lemma_.lower() == "due" or (current.tag_ == "JJ" and current.lemma_.lower() in FUTURE_GOVERNORS):
            return current
    return None


# -- finding expressions -----------------------------------------------------------------

# Texts whose date expressions are kept: the date and number stages both scan each
# article's text with every pattern (a few milliseconds an article).
CANDIDATES_CACHE = 4


def find_candidates(text: str) -> list[Candidate]:
    """Date expressions in plain text, longest patterns first, without overlaps."""
    return list(_candidates(text))


@functools.lru_cache(maxsize=CANDIDATES_CACHE)
def _candidates(text: str) -> tuple[Candidate, ...]:
    taken: list[Candidate] = []
    for (kind, pattern), needed, starts in zip(PATTERNS, NEEDED, STARTS, strict=True):
        if needed is not None and needed.search(text) is None:
            continue
        for match in matches_at(pattern, starts, text):
            start, end = match.span()
            if kind == "month":
                # the pattern includes the word before the month; the mention starts at the month
                start = end - len(re.split(r"[- ]+", match.group())[-1])
            if kind == "year" and not _looks_like_year(text, start, end):
                continue
            if any(c.start < end and start < c.end for c in taken):
                continue
            taken.append(Candidate(start, end, kind))
    return tuple(sorted(taken, key=lambda c: c.start))


def _looks_like_year(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20):start]
    after = text[end:end + 12]
    if _YEAR_WORDS_BEFORE.search(before):
        return True
    if _COUNT_BEFORE.search(before):
        return False
    # "2500 people", "1900 displaced": a number followed by a lower-case word is a count
    if re.match(r"\s+(?:people|dead|[a-z]+(?:s|ed)\b)", after):
        return False
    return True


# "in April and November 2004", "from March to May 1999", "on June 3 and July 8, 2002": a
# month (or a month's day) joined to a later one that names a year shares that year.
_SHARED_YEAR = re.compile(rf"\s*(?:and|or|to|until|through|-|\u2013)\s+{_MONTH_RE}(?:\s+{_DAY_RE})?,?\s+({_YEAR_RE})\b")


def _shared_year(text: str, end: int) -> str | None:
    """The year a coordinated later date gives the month or day that ends at `end`."""
    match = _SHARED_YEAR.match(text, end)
    return match[1] if match else None


def _for_the_day(span: Span) -> bool:
    """"has called a meeting of party leaders for Friday", "called a strike for Monday": a
    weekday that is itself the object of "for" is the day set for something, still to come
    (not "arrested two men for Friday's bombing": the day of the noun it names)."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "for"


# "later on Tuesday", "later Tuesday": the rest of a day, which may be the report's own.
LATER_ON = re.compile(r"(?i)\blater\s+(?:on\s+)?$")


def _relation_before(text: str, start: int) -> str | None:
    match = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 16):start])
    if match and match[1].lower() in RELATIONS:
        return match[1].lower()
    return None


class DateStage:
    name = "dates"
    requires = ("doc._.article",)
    assigns = ("doc._.dates",)

    def __init__(self, *, today: dt.date | None = None) -> None:
        self.today = today  # the clock's day, for `is_suspect` (None: the machine's)

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        published = _parse_published(article.published if article else None)
        doc._.dates = list(self.mentions(doc, published, article.furniture if article else ()))
        return doc

    def mentions(self, doc: Doc, published: dt.date | None,
                 furniture: tuple[tuple[int, int], ...] = ()) -> Iterator[DateMention]:
        text = doc_text(doc)
        candidates = find_candidates(text)
        for ent in doc.ents:
            if ent.label_ != "DATE" or any(c.start < ent.end_char and ent.start_char < c.end for c in candidates):
                continue
            candidates.append(Candidate(ent.start_char, ent.end_char, "entity"))
        for candidate in sorted(candidates, key=lambda c: c.start):
            if any(s <= candidate.start < e for s, e in furniture):
                continue
            mention = self._mention(doc, text, candidate, published)
            if mention is not None:
                yield mention

    def _mention(self, doc: Doc, source: str, candidate: Candidate, published: dt.date | None) -> DateMention | None:
        # `source` is doc.text, read once by the caller: spaCy rebuilds it on every access
        text = source[candidate.start:candidate.end]
        span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        tense = clause_tense(span) if span is not None else None
        if candidate.kind == "weekday" and span is not None and _for_the_day(span):
            tense = "future"
        preposition = _relation_before(source, candidate.start)
        phrase = f"{preposition} {text}" if preposition else text
        year = _shared_year(source, candidate.end) if candidate.kind in ("month", "monthday") else None
        if year is not None:
            phrase = f"{phrase}{',' if candidate.kind == 'monthday' else ''} {year}"
        if candidate.kind == "dayyear":
            phrase = _year_in_words(phrase, published)
        if candidate.kind == "entity" and not _plausible_entity(text):
            return None
        if span is not None and _a_noun_named_like_a_month(span):
            return None
        value, precision, relation = resolve_expression(phrase, published, tense)
        if value is None and candidate.kind == "entity":
            return None
        if (candidate.kind == "weekday" and published is not None
                and text.split()[0].lower() == WEEKDAYS[published.weekday()]
                and LATER_ON.search(source[max(0, candidate.start - 16):candidate.start])):
            value = published.isoformat()  # "due to meet later on Tuesday", told on a Tuesday: that day
        return DateMention(start=candidate.start, end=candidate.end, text=text, value=value,
                           precision=precision, relation=relation, tense=tense,
                           suspect=is_suspect(value, precision, published, tense, today=self.today))


def _year_in_words(phrase: str, published: dt.date | None) -> str:
    """"24 May this year" as "24 May 1989" in an article of 1989 ("last year": 1988); as
    written (no value) without the article's date."""
    if published is None:
        return phrase
    return re.sub(r",?\s+(?:of\s+)?(this|last)\s+year$",
                  lambda m: f" {published.year - (m[1] == 'last')}", phrase)


# Words before a month's name that make it a noun when no noun follows it: "the march
# ended", "a march on the capital", "their march" (but "the March offensive" dates the
# offensive, and "last March" is a month).
NOUN_OPENERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "our", "funeral", "protest", "peace"})
# After "of", these words keep a month a month: "March of last year".
MONTH_OF = frozenset({"this", "last", "next", "that", "each", "every"})


def _a_noun_named_like_a_month(span: Span) -> bool:
    """A month's name alone used as the noun it is spelt like: "MOURNERS JOINED THE FUNERAL
    MARCH OF THE MINERS", "the march took place", "a march on the capital"."""
    if len(span) != 1 or span[0].lower_ not in MONTHS:
        return False
    token, doc = span[0], span.doc
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and before.lower_ in _MONTH_LEAD_WORDS:
        return False  # "in May of the following year": a month after its preposition
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of":
        following = doc[token.i + 2] if token.i + 2 < len(doc) else None
        return following is None or following.lower_ not in MONTH_OF
    return (before is not None and before.lower_ in NOUN_OPENERS
            and (after is None or after.pos_ not in ("NOUN", "PROPN", "NUM")))


def _plausible_entity(text: str) -> bool:
    """A spaCy DATE entity worth resolving: it names a month, a weekday or a year.

    Durations ("two years", "decades") are DATE entities too, but not dates.
    """
    lower = text.lower()
    return (any(m in lower for m in MONTHS) or any(w in lower for w in WEEKDAYS)
            or re.search(rf"\b{_YEAR_RE}\b", lower) is not None)


def is_suspect(value: str | None, precision: str, published: dt.date | None, tense: str | None, *,
               today: dt.date | None = None) -> bool:
    """Before 1900, or after the article's date or after today (a date not yet come cannot
    have been reported), unless it is a planned event within a year of that day."""
    if value is None:
        return False
    when = dt.date.fromisoformat(value)
    if when.year < SUSPECT_BEFORE_YEAR:
        return True
    for reference in (published, today or dt.date.today()):
        # a coarse date is "after" only if its whole period starts after the reference
        if reference is None or when <= reference:
            continue
        if not (tense == "future" and (when - reference).days <= FUTURE_PLAUSIBLE_DAYS):
            return True
    return False


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


# -- the article's own date --------------------------------------------------------------

_LABELLED = re.compile(r"(?im)^\W*(?:published|posted|updated|date|first published)\s*(?:on|:)?\s*:?\s*(.{6,40})$")
_DATELINE = re.compile(rf"(?m)^[A-Z][A-Za-z .'-]+,\s+((?:{_MONTH_RE})\s+{_DAY_RE}(?:,?\s+{_YEAR_RE})?|"
                       rf"{_DAY_RE}\s+{_MONTH_RE}(?:\s+{_YEAR_RE})?)\s*\(")
# Archived wire copy, often all in capitals, dates its dateline with a two-digit year and
# may end it with a dash instead of the agency: "MAPUTO (MOZAMBIQUE), 12 FEB 92 (AIM) --".
_SHORT_DATELINE = re.compile(rf"(?m)^[A-Z][A-Za-z .'()-]+,\s+({_DAY_RE})\s+((?i:{_MONTH_RE}))\s+(\d\d)"
                             r"\s*(?:\(|[—–-]{1,2}\s)")


def infer_published(text: str, today: dt.date | None = None) -> str | None:
    """The article's date from its own text, or None.

    In order: a labelled line ("Published: 2024-11-30"), a wire dateline ("KYIV, March 3
    (Reuters) -"), else the latest full date in the top of the article. A dateline without
    a year takes the latest year the text names, else the year of `today` (the clock's).
    """
    head = text[:INFER_WINDOW_CHARS]
    for match in _LABELLED.finditer(head):
        found = _full_dates(match[1])
        if found:
            return found[0].isoformat()
    match = _SHORT_DATELINE.search(head)
    if match is not None:
        year = _full_year(int(match[3]), today)
        value, precision, _ = resolve_expression(f"{match[1]} {match[2]} {year}", None, None)
        if value is not None and precision == "day":
            return value
    match = _DATELINE.search(head)
    if match is not None:
        found = _full_dates(match[1])
        if found:
            return found[0].isoformat()
        years = [int(y) for y in re.findall(rf"\b{_YEAR_RE}\b", text)]
        year = max(years) if years else (today or dt.date.today()).year
        value, _, _ = resolve_expression(f"{match[1]} {year}", None, None)
        if value is not None:
            return value
    found = _full_dates(head)
    return max(found).isoformat() if found else None


def _full_year(short: int, today: dt.date | None) -> int:
    """A two-digit year: in this century unless that would be in the future ("89" is 1989)."""
    this_year = (today or dt.date.today()).year
    year = this_year - this_year % 100 + short
    return year if year <= this_year else year - 100


def _full_dates(text: str) -> list[dt.date]:
    out: list[dt.date] = []
    for candidate in find_candidates(text):
        if candidate.kind not in ("iso", "full", "numeric"):
            continue
        value, precision, _ = resolve_expression(text[candidate.start:candidate.end], None, None)
        if value is not None and precision == "day":
            out.append(dt.date.fromisoformat(value))
    return out
