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
from hypothesis import HealthCheck, example, given, settings
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


# --- arbitrary Unicode through intake, the store and the API (issue 18) -----------------------

# The characters that broke something, and their kin, mixed with anything at all: lone
# surrogates (JSON's "\ud800"), direction controls, non-characters, C0/C1 controls,
# separators, and what means something in a path or a URL.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
hostile_chars = st.one_of(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
    st.sampled_from(BIDI_CONTROLS),
    st.sampled_from(["\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"]),
    st.sampled_from(list("\x00\x1b\x7f\x85\u2028\u2029\u200b\u00ad\ufeff/.%?#\\ \n\t")),
    st.characters(codec=None, categories=None),
)
hostile_text = st.text(hostile_chars, max_size=24)
FIELDS = ("id", "title", "outlet", "url", "language")
hostile_objects = st.builds(
    lambda body, fields: {"text": f"Rebels attacked the town of Beni on Monday. {body}", **fields},
    hostile_text,
    st.dictionaries(st.sampled_from(FIELDS), st.one_of(hostile_text, st.sampled_from([".", "..", "x" * 201]))),
)
_BIDI = set(BIDI_CONTROLS)
_ID_REFUSED = {"Cc", "Cf", "Cs", "Zl", "Zp"}
# Fewer examples than FUZZ: each opens a DuckDB store.
HOSTILE = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _surrogate_in(value: object) -> bool:
    return isinstance(value, str) and any("\ud800" <= ch <= "\udfff" for ch in value)


def _check_article(item: Article) -> None:
    """What every article intake lets through satisfies, whatever it was given."""
    for value in (item.id, item.text, item.title, item.outlet, item.published, item.url, item.language, item.source,
                  *item.notes):
        if value is not None:
            value.encode("utf-8")  # hashing, DuckDB, JSON, the terminal
    assert not _BIDI & set(item.text)
    for value in (item.title, item.outlet, item.url, item.language):
        if value is not None:
            assert value and not _BIDI & set(value) and value == " ".join(value.split())
            assert not any(unicodedata.category(ch) == "Cc" for ch in value)
    assert 0 < len(item.id) <= 200 and item.id not in (".", "..")
    assert not any(unicodedata.category(ch) in _ID_REFUSED for ch in item.id)


@HOSTILE
@given(objects=st.lists(hostile_objects, min_size=1, max_size=4))
def test_arbitrary_unicode_through_intake_and_the_store(objects: list[dict[str, str]]) -> None:
    from sitroom.intake import read_objects
    from sitroom.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.jsonl"
        path.write_text("\n".join(json.dumps(o) for o in objects) + "\n", encoding="utf-8")
        from_file = list(read_articles([path], Options()))
    posted = list(read_objects(objects, "request", Options()))
    for items, where in ((from_file, lambda n: f"{path}:{n}"), (posted, lambda n: f"request item {n}")):
        assert len(items) == len(objects)
        for number, (given, item) in enumerate(zip(objects, items), start=1):
            if isinstance(item, InputError):
                assert item.source == where(number)
                str(item).encode("utf-8", "backslashreplace")
                continue
            assert not any(_surrogate_in(value) for value in given.values()), given
            _check_article(item)
    articles = [item for item in posted if isinstance(item, Article)]
    with Store.open(":memory:") as store:
        store.add_articles([(article, [], []) for article in articles])
        for article in {a.id: a for a in articles}.values():  # a later copy of an id wins, as in a batch
            assert store.article(article.id) == article


@settings(HOSTILE, max_examples=50)
@given(name=st.binary(min_size=1, max_size=24).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                      and b not in (b".", b"..") and not b.startswith(b".")))
def test_any_file_name_gives_a_source_the_store_takes(name: bytes) -> None:
    import os

    from sitroom.store import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(os.fsdecode(Path(folder).as_posix().encode() + b"/" + name + b".txt"))
        path.write_text("Rebels attacked the town of Beni on Monday, officials said.\n", encoding="utf-8")
        [item] = list(read_articles([Path(folder)], Options()))
    assert isinstance(item, Article), item
    _check_article(item)
    with Store.open(":memory:") as store:
        store.add_article(item, [], [])
        assert store.article(item.id) == item


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from test_server import client_for

    from sitroom.store import Store

    path = tmp_path_factory.mktemp("hostile-api") / "api.duckdb"
    Store.open(path).close()
    return client_for(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(objects=st.lists(hostile_objects, min_size=1, max_size=3), query=hostile_text)
@example(objects=[{"text": "Rebels attacked the town of Beni on Monday. \ud800"}], query="\udc80x")
def test_arbitrary_unicode_through_the_api(api, objects: list[dict[str, str]], query: str) -> None:  # type: ignore[no-untyped-def]
    import urllib.parse

    from test_server import AUTH

    response = api.post("/api/articles", content=json.dumps({"articles": objects}),
                        headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code in (200, 201, 422), response.text
    body = response.json()
    if response.status_code == 422:
        assert set(body["error"]) == {"status", "type", "message"}
    else:
        assert not any(_surrogate_in(value) for o in objects for value in o.values())
        for given, stored_id in zip(objects, body["ids"]):
            quoted = urllib.parse.quote(stored_id, safe="-_.!~*'()")  # what encodeURIComponent leaves alone
            article = api.get(f"/api/articles/{quoted}")
            assert article.status_code == 200, (stored_id, article.text)
            assert article.json()["id"] == stored_id and given["text"].startswith(article.json()["text"][:20])
    # a lone surrogate cannot be encoded as UTF-8 by a client library; sent as the bytes a
    # broken client would send ("surrogatepass"), it is percent-encoded by hand
    encoded = urllib.parse.quote(query.encode("utf-8", "surrogatepass"), safe="")
    for name in ("text", "actor", "since", "bbox"):
        answer = api.get(f"/api/events?{name}={encoded}")
        assert answer.status_code in (200, 400, 422), (name, query, answer.text)
        answer.json()
