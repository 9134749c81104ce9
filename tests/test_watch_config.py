"""The sources file, alert rules, canonical URLs, backoff and what sources list: the parts
of `sitroom watch` that need no network and no model."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from sitroom.errors import FetchError, SourcesFileError
from sitroom.watch.alerts import CONFIRMED, NEW, TOLL_ROSE, decide, outlets, summary
from sitroom.watch.config import MAX_NEW_PER_POLL, AlertRule, load_sources, parse_duration
from sitroom.watch.listings import feed_items, looks_like_article, page_links, sitemap_listing, sniff_kind
from sitroom.watch.state import guess_kind
from sitroom.watch.urls import canonical, host_of, origin_of
from sitroom.watch.watcher import backoff

EXAMPLE = """
[watch]
contact = "ops@example.org"
delay = 2
max_backoff = "30m"

[[source]]
url = "https://example.org/world/rss.xml"   # feed, news sitemap or listing page
every = 300

[[source]]
url = "https://news.example.com/sitemap-news.xml"
every = "5m"
outlet = "Example News"

[[source]]
url = "https://wire.example.net/latest/"
every = "1h30m"
kind = "listing"
match = "/world/\\\\d{4}/"

[[alert]]
name = "deadly-syria"
code = ["18", "19", "20"]
country = "SYR"
min_killed = 10
file = "alerts.jsonl"
webhook = "https://hooks.example.org/sitroom"

[[alert]]
name = "russia-ukraine-threats"
actor = ["RUS", "UKR"]
modality = "threatened"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_documented_example_loads_with_every_value(tmp_path: Path) -> None:
    config = load_sources(write(tmp_path, EXAMPLE))
    assert config.settings.contact == "ops@example.org" and config.settings.delay == 2.0
    assert config.settings.max_backoff == 1800.0 and config.settings.max_new == MAX_NEW_PER_POLL
    assert [(s.url, s.every, s.kind, s.outlet) for s in config.sources] == [
        ("https://example.org/world/rss.xml", 300.0, None, None),
        ("https://news.example.com/sitemap-news.xml", 300.0, None, "Example News"),
        ("https://wire.example.net/latest/", 5400.0, "listing", None),
    ]
    assert config.sources[2].match is not None and config.sources[2].match.pattern == r"/world/\d{4}/"
    deadly, threats = config.alerts
    assert deadly.codes == ("18", "19", "20") and deadly.countries == ("SYR",) and deadly.min_killed == 10
    assert deadly.file == tmp_path / "alerts.jsonl"  # relative to the sources file
    assert deadly.webhook == "https://hooks.example.org/sitroom"
    assert threats.actors == ("RUS", "UKR") and threats.modalities == ("threatened",)


@pytest.mark.parametrize(("text", "problem"), [
    ("", "no [[source]] tables"),
    ("[[source]]\nevery = 60\n", "[[source]] 1: url is missing"),
    ('[[source]]\nurl = "ftp://example.org/feed"\n', "must be an http:// or https:// URL"),
    ('[[source]]\nurl = "https://a.org/rss"\nevry = 60\n', "unknown key 'evry'"),
    ('[[source]]\nurl = "https://a.org/rss"\nevery = "soon"\n', "duration like"),
    ('[[source]]\nurl = "https://a.org/rss"\nevery = 0.5\n', "at least 1 second"),
    ('[[source]]\nurl = "https://a.org/rss"\nkind = "podcast"\n', "kind must be one of feed, sitemap, listing"),
    ('[[source]]\nurl = "https://a.org/rss"\nmatch = "("\n', "not a regular expression"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[source]]\nurl = "https://a.org/rss"\n', "already [[source]] 1"),
    ('[watch]\ndelay = -1\n[[source]]\nurl = "https://a.org/rss"\n', "delay must be 0 or more"),
    ('[watch]\nbatch = 0\n[[source]]\nurl = "https://a.org/rss"\n', "batch must be a whole number"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\ncode = "19"\n', "name is missing"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\n', "has no filter"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\ncode = 19\n', "must be a non-empty string"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\ncode = "1x"\n', "CAMEO codes of 2 to 4 digits"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\ncountry = "Syria"\n', "ISO alpha-3"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\nmodality = "rumoured"\n', "modality must be"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\nmin_killed = -1\n', "min_killed"),
    ('[[source]]\nurl = "https://a.org/rss"\n[[alert]]\nname = "x"\ncode = "19"\n[[alert]]\nname = "x"\ncode = "18"\n',
     "two [[alert]] rules are named 'x'"),
    ("[[source]\n", "not valid TOML"),
])
def test_a_bad_sources_file_names_the_file_and_the_problem(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SourcesFileError) as caught:
        load_sources(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert problem in str(caught.value)


def test_a_missing_sources_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(SourcesFileError, match="no such file"):
        load_sources(tmp_path / "nowhere.toml")


@pytest.mark.parametrize(("value", "seconds"), [(90, 90.0), ("90", 90.0), ("90s", 90.0), ("5m", 300.0),
                                                ("1h", 3600.0), ("1h30m", 5400.0), (2.5, 2.5)])
def test_durations_read_as_seconds(value: object, seconds: float) -> None:
    assert parse_duration(value, "every") == seconds


# -- alert rules ---------------------------------------------------------------------------


def record(*, code: str = "194", source: str | None = "SYRMIL", target: str | None = None, country: str = "SYR",
           killed: int | None = 12, modality: str = "asserted", outlets_: tuple[str | None, ...] = ("Levant Wire",),
           event_id: str = "e1") -> dict:
    return {
        "id": event_id, "event_code": code, "event_label": "Fight with artillery and tanks", "date": "2025-03-11",
        "source_actor": {"code": source, "name": "Syrian army", "country": source[:3]} if source else None,
        "target_actor": {"code": target, "name": "Target", "country": target[:3]} if target else None,
        "location": {"name": "Maarat al-Numan", "country": country}, "modality": modality,
        "fatalities": {"killed": killed} if killed is not None else None,
        "evidence": [{"doc_id": f"d{i}", "outlet": outlet} for i, outlet in enumerate(outlets_)],
    }


DEADLY = AlertRule(name="deadly-syria", codes=("18", "19", "20"), countries=("SYR",), min_killed=10)
THREATS = AlertRule(name="threats", actors=("RUS", "UKR"), modalities=("threatened",))


def test_a_rule_matches_only_events_that_pass_every_filter() -> None:
    assert DEADLY.matches(record())
    assert not DEADLY.matches(record(code="042"))  # another CAMEO root
    assert not DEADLY.matches(record(country="IRQ", source="IRQMIL"))
    assert not DEADLY.matches(record(killed=9))
    assert not DEADLY.matches(record(killed=None))  # no toll is not "at least 10"
    threat = record(code="138", source="RUSMIL", target="UKR", country="UKR", killed=None, modality="threatened")
    assert THREATS.matches(threat)
    assert not THREATS.matches({**threat, "modality": "asserted"})
    assert not THREATS.matches(record(code="138", source="RUSMIL", target="POL", killed=None, modality="threatened"))


def test_a_rule_fires_once_per_event_and_again_only_on_material_change() -> None:
    now = dt.datetime(2025, 3, 12, 10, 0)
    first = decide([DEADLY], [record()], {}, now)
    assert [(a.rule, a.event_id, a.reason, a.killed, a.outlets) for a in first] == [
        ("deadly-syria", "e1", NEW, 12, 1)]
    previous = {("deadly-syria", "e1"): (12, 1)}
    assert decide([DEADLY], [record()], previous, now) == []  # nothing new
    assert decide([DEADLY], [record(outlets_=("Levant Wire", "levant wire"))], previous, now) == []  # same outlet
    assert decide([DEADLY], [record(killed=11)], previous, now) == []  # a lower toll is not news
    rose = decide([DEADLY], [record(killed=19)], previous, now)
    assert [a.reason for a in rose] == [TOLL_ROSE]
    confirmed = decide([DEADLY], [record(outlets_=("Levant Wire", "Gulf Daily"))], previous, now)
    assert [(a.reason, a.outlets) for a in confirmed] == [(CONFIRMED, 2)]


def test_an_article_without_an_outlet_counts_as_its_own() -> None:
    assert outlets(record(outlets_=(None, None, "Wire"))) == 3


def test_the_summary_is_one_line_with_when_what_who_where_and_the_toll() -> None:
    line = summary(record(outlets_=("A", "B")))
    assert line == "2025-03-11; 194 Fight with artillery and tanks; Syrian army; in Maarat al-Numan, SYR; 12 killed; " \
                   "2 outlets"


# -- URLs, backoff -------------------------------------------------------------------------


def test_canonical_urls_are_one_address_per_article() -> None:
    base = "https://Example.org/world/rss.xml"
    same = ["HTTPS://EXAMPLE.ORG:443/world/story-one?utm_source=rss&utm_medium=feed#comments",
            "/world/story-one", "https://example.org/world/story-one"]
    assert {canonical(url, base) for url in same} == {"https://example.org/world/story-one"}
    assert canonical("https://example.org/a?b=2&a=1") == "https://example.org/a?a=1&b=2"
    assert canonical("mailto:desk@example.org") is None
    assert canonical("javascript:void(0)", base) is None
    assert canonical("http://example.org:notaport/a") is None
    assert host_of("https://Example.org:8443/a") == "example.org"
    assert origin_of("https://Example.org/a") == "https://example.org:443"


def test_backoff_doubles_per_failure_up_to_its_cap_and_honours_retry_after() -> None:
    assert [backoff(300, n, 3600) for n in (1, 2, 3, 4, 5)] == [300, 600, 1200, 2400, 3600]
    assert backoff(7200, 3, 3600) == 7200  # never sooner than the source's own interval
    assert backoff(60, 1, 3600, retry_after=900) == 900


# -- what sources list ---------------------------------------------------------------------

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Levant Wire</title>
<item><title>Shelling kills 12</title><link>https://levant.example/news/shelling-kills-12?utm_source=rss</link>
<pubDate>Wed, 12 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>No link here</title></item>
</channel></rss>"""
SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://horn.example/old-story</loc><news:news><news:publication><news:name>Horn Times</news:name>
</news:publication><news:publication_date>2025-03-10T09:00:00Z</news:publication_date><news:title>Old</news:title>
</news:news></url>
<url><loc>https://horn.example/new-story</loc><news:news><news:publication><news:name>Horn Times</news:name>
</news:publication><news:publication_date>2025-03-13</news:publication_date><news:title>New</news:title>
</news:news></url></urlset>"""
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://horn.example/sitemap-2025-01.xml</loc><lastmod>2025-01-31</lastmod></sitemap>
<sitemap><loc>https://horn.example/sitemap-2025-03.xml</loc><lastmod>2025-03-13</lastmod></sitemap>
<sitemap><loc>https://horn.example/sitemap-2025-02.xml</loc><lastmod>2025-02-28</lastmod></sitemap>
<sitemap><loc>https://horn.example/sitemap-2024-12.xml</loc><lastmod>2024-12-31</lastmod></sitemap>
</sitemapindex>"""
LISTING = b"""<!doctype html><html><head><base href="https://courier.example/"></head><body>
<nav><a href="/">Home</a> <a href="/tag/ukraine">Ukraine</a> <a href="/page/2">Older</a> <a href="/login">Log in</a></nav>
<ul><li><a href="/world/russia-plans-to-attack-ports">Russia plans to attack ports</a></li>
<li><a href="world/2025/03/13/">A day's news</a></li>
<li><a href="/video/clip-of-the-strike.mp4">Video</a></li>
<li><a href="https://elsewhere.example/world/another-long-story-slug">Elsewhere</a></li>
<li><a href="/world/russia-plans-to-attack-ports#comments">Comments</a></li></ul></body></html>"""


def test_feed_items_carry_canonical_links_titles_dates_and_the_outlet() -> None:
    items = feed_items(RSS, "https://levant.example/rss.xml")
    assert [(i.url, i.title, i.published, i.outlet) for i in items] == [
        ("https://levant.example/news/shelling-kills-12", "Shelling kills 12", "2025-03-12", "Levant Wire")]


def test_a_broken_feed_is_a_fetch_error_that_says_so() -> None:
    with pytest.raises(FetchError, match="not a readable RSS/Atom feed") as caught:
        feed_items(b"<rss><channel><item>\x00\x01garbage", "https://levant.example/rss.xml")
    assert not caught.value.transient


def test_a_news_sitemap_lists_its_pages_newest_first() -> None:
    listing = sitemap_listing(SITEMAP, "https://horn.example/sitemap-news.xml")
    assert [(i.url, i.title, i.published, i.outlet) for i in listing.items] == [
        ("https://horn.example/new-story", "New", "2025-03-13", "Horn Times"),
        ("https://horn.example/old-story", "Old", "2025-03-10", "Horn Times")]


def test_a_sitemap_index_names_its_newest_sitemaps() -> None:
    listing = sitemap_listing(INDEX, "https://horn.example/sitemap.xml")
    assert listing.items == () and listing.children == (
        "https://horn.example/sitemap-2025-03.xml", "https://horn.example/sitemap-2025-02.xml",
        "https://horn.example/sitemap-2025-01.xml")


def test_a_listing_page_gives_its_article_links_and_not_its_furniture() -> None:
    items = page_links(LISTING, "https://courier.example/world/")
    assert [(i.url, i.title) for i in items] == [
        ("https://courier.example/world/russia-plans-to-attack-ports", "Russia plans to attack ports"),
        ("https://courier.example/world/2025/03/13/", "A day's news")]
    chosen = page_links(LISTING, "https://courier.example/world/", match=re.compile(r"elsewhere"))
    assert [i.url for i in chosen] == ["https://elsewhere.example/world/another-long-story-slug"]


@pytest.mark.parametrize(("url", "article"), [
    ("https://a.example/world/army-shells-market-in-idlib", True),
    ("https://a.example/news/1234567", True),
    ("https://a.example/2025/03/13/", True),
    ("https://a.example/world/", False),
    ("https://a.example/tag/syria-war-news", False),
    ("https://a.example/about", False),
    ("https://a.example/pictures/shelling-of-the-market.jpg", False),
])
def test_what_looks_like_an_article_link(url: str, article: bool) -> None:
    assert looks_like_article(url) is article


def test_kinds_are_told_from_the_body_and_guessed_from_the_address() -> None:
    assert sniff_kind(RSS) == "feed" and sniff_kind(SITEMAP) == "sitemap" and sniff_kind(INDEX) == "sitemap"
    assert sniff_kind(LISTING) == "listing" and sniff_kind(b"\x89PNG...") is None
    assert guess_kind("https://a.example/sitemap-news.xml") == "sitemap"
    assert guess_kind("https://a.example/world/rss.xml") == "feed"
    assert guess_kind("https://a.example/world/") == "listing"


# -- the commands --------------------------------------------------------------------------


def test_watch_with_a_bad_sources_file_is_one_error_line_and_touches_no_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitroom.cli import main

    path = write(tmp_path, '[[source]]\nurl = "https://a.org/rss"\nevry = 60\n')
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(main, ["watch", str(path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {path}: [[source]] 1: unknown key 'evry' (known: every, kind, match, outlet, url)\n"
    assert not db.exists()


def test_sources_lists_nothing_for_a_store_never_watched_and_needs_a_store(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from sitroom.cli import main
    from sitroom.store import Store

    db = tmp_path / "news.duckdb"
    missing = CliRunner().invoke(main, ["sources", "--db", str(db)])
    assert missing.exit_code == 2 and "no store here" in missing.stderr
    Store.open(db).close()
    listed = CliRunner().invoke(main, ["sources", "--db", str(db), "--json"])
    assert listed.exit_code == 0 and json.loads(listed.stdout) == []
