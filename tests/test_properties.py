"""Property tests (hypothesis): intake never raises anything but our errors and never loses a
good record, whatever the bytes; the date, number and place resolvers never crash and keep
their invariants (offsets inside the text, dates within sane years, known qualifiers)."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.errors import InputError
from sitroom.intake import read_articles
from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.records import Article
from sitroom.resolve.dates import MAX_YEAR, MIN_YEAR, DateStage, find_candidates, is_suspect, resolve_expression
from sitroom.resolve.numbers import EXACT, NumberStage, default_lexicon, parse_amount

SUFFIXES = ["", ".txt", ".html", ".json", ".jsonl", ".xml", ".md", ".bin"]
PRECISIONS = {"day", "week", "month", "year"}
QUALIFIERS_WITH_A_VALUE = {"exact", "at least", "more than", "about", "up to", "nearly", "fewer than", "less than"}
# Text in the style of news about conflict, mixed with anything: the strategies reach the
# resolvers' patterns far more often than random characters alone.
NEWS_WORDS = [
    "on", "Saturday", "Monday", "last", "next", "week", "month", "year", "ago", "in", "2015", "1850", "2031",
    "November", "Nov.", "28", "30th", "since", "until", "early", "mid-", "at", "least", "more", "than", "dozens",
    "hundreds", "of", "killed", "12", "412", "1,200", "two", "thousand", "civilians", "rebels", "soldiers",
    "wounded", "about", "some", "nearly", "Aleppo", "Syria", "Idlib", "province", "the", "city", "Goma",
    "north", "of", "Kyiv", ",", ".", "-", "\u200b", "\n", "Hama", "Homs", "2024-11-30", "ten", "days",
]
news_text = st.lists(st.one_of(st.sampled_from(NEWS_WORDS), st.text(max_size=6)), max_size=40).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=200))
published_days = st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31)))
tenses = st.sampled_from([None, "past", "future", "present"])

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _read(data: bytes, suffix: str) -> list[Article | InputError]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        return list(read_articles([path], Options(published="2024-06-10")))


@FUZZ
@given(data=st.one_of(st.binary(max_size=2048), any_text.map(lambda t: t.encode("utf-8"))),
       suffix=st.sampled_from(SUFFIXES))
def test_intake_yields_only_articles_and_input_errors(data: bytes, suffix: str) -> None:
    for item in _read(data, suffix):
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, InputError):
            assert str(item).startswith(str(item.source)) and "input" in item.source
        else:
            assert item.text.strip() and "\x00" not in item.text
            assert "\u200b" not in item.text
            assert all(0 <= start <= end <= len(item.text) for start, end in item.furniture)
            assert item.source and "input" in item.source


# what intake keeps exactly: no NUL (made a space) and no invisible format character (removed)
kept_text = news_text.filter(lambda t: "\x00" not in t and not any(unicodedata.category(c) == "Cf" for c in t))
good_records = st.lists(
    st.builds(lambda i, words: {"id": f"good-{i}", "text": f"Report {i}: {words}".strip(), "published": "2024-06-01"},
              st.integers(0, 10_000), kept_text),
    min_size=1, max_size=6, unique_by=lambda r: r["id"])
junk_lines = st.lists(st.one_of(
    st.text(max_size=40).filter(lambda t: "\n" not in t and "\r" not in t and "\x0b" not in t and "\x0c" not in t
                                and "\x1c" not in t and "\x1d" not in t and "\x1e" not in t and "\x85" not in t
                                and "\u2028" not in t and "\u2029" not in t),
    st.just('{"text": null}'), st.just('{"published": 12345, "text": "x"}'), st.just("[1, 2"),
    st.just('{"id": 5, "html": 3}'), st.just('"just a string"')), max_size=6)


@FUZZ
@given(records=good_records, junk=junk_lines, seed=st.randoms())
def test_json_lines_never_lose_a_good_record(records: list[dict], junk: list[str], seed) -> None:  # type: ignore[no-untyped-def]
    lines = [json.dumps(r) for r in records] + junk
    seed.shuffle(lines)
    items = _read("\n".join(lines).encode("utf-8"), ".jsonl")
    articles = {a.id: a for a in items if isinstance(a, Article)}
    for record in records:
        assert record["id"] in articles
        assert articles[record["id"]].text == record["text"]
        assert articles[record["id"]].published == "2024-06-01"
    assert all(isinstance(item, (Article, InputError)) for item in items)


@FUZZ
@given(text=any_text)
def test_date_candidates_lie_inside_the_text(text: str) -> None:
    previous_end = 0
    for candidate in sorted(find_candidates(text), key=lambda c: c.start):
        assert 0 <= candidate.start < candidate.end <= len(text)
        assert candidate.start >= previous_end  # no overlaps
        previous_end = candidate.end


@FUZZ
@given(text=any_text, published=published_days, tense=tenses)
def test_resolved_dates_are_real_days_within_sane_years(text: str, published: dt.date | None,
                                                        tense: str | None) -> None:
    value, precision, relation = resolve_expression(text, published, tense)
    assert precision in PRECISIONS and isinstance(relation, str)
    if value is not None:
        day = dt.date.fromisoformat(value)
        assert MIN_YEAR <= day.year <= MAX_YEAR
        if day.year < 1900:
            assert is_suspect(value, precision, published, tense)


@FUZZ
@given(text=any_text)
def test_amounts_are_non_negative_with_a_known_qualifier(text: str) -> None:
    value, qualifier = parse_amount(text)
    lexicon = default_lexicon()
    known = {EXACT, *lexicon.qualifiers.values(), *(vague for _, vague in lexicon.vague.values())}
    assert qualifier in known, qualifier
    if value is not None:
        assert isinstance(value, int) and value >= 0


@pytest.fixture(scope="module")
def blank():  # type: ignore[no-untyped-def]
    return blank_model()


@pytest.fixture(scope="module")
def stages():  # type: ignore[no-untyped-def]
    from sitroom.knowledge.gazetteer import Gazetteer
    from sitroom.resolve.places import PlaceStage

    return DateStage(), NumberStage(), PlaceStage(Gazetteer.load())


@FUZZ
@given(text=any_text, published=published_days)
def test_stages_never_crash_and_keep_offsets_inside_the_text(blank, stages, text: str,  # type: ignore[no-untyped-def]
                                                             published: dt.date | None) -> None:
    doc = blank(text)
    doc._.article = Article(id="p", text=text, published=published.isoformat() if published else None)
    doc._.focus = []
    for stage in stages:
        doc = stage(doc)
    for mention in [*doc._.dates, *doc._.numbers, *doc._.places]:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end] == mention.text
    for date in doc._.dates:
        assert date.precision in PRECISIONS
        if date.value is not None:
            assert MIN_YEAR <= dt.date.fromisoformat(date.value).year <= MAX_YEAR
    for number in doc._.numbers:
        assert number.value is None or number.value >= 0
        if number.qualifier in QUALIFIERS_WITH_A_VALUE:
            assert number.value is not None
    for place in doc._.places:
        if place.place is not None and place.place.lat is not None:
            assert -90 <= place.place.lat <= 90 and -180 <= (place.place.lon or 0) <= 180
