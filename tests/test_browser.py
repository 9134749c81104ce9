"""The dashboard in a real browser: Debian's chromium driven by Playwright.

Two stores, both made through the library as `sitroom ingest` makes them:
- `examples`: the bundled example articles (what `scripts/demo` stores): the news and
  background events, the timeline, the map, the network and the event view are checked
  against the API's own answers, and the screenshots of docs/ are taken from it;
- `checks`: the examples, the two seed articles (events two outlets report, with the
  points where they disagree), an article whose title, names and sentence are markup,
  and one whose outlet, title, id and names carry unterminated right-to-left overrides.

Every page fails its test on a request that leaves the server, a console error, a
page error or a dialog. Screenshots go to a temporary folder; set
SITROOM_SCREENSHOTS=docs/screenshots to keep them (the README and docs show those).
"""
from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlparse

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from sitroom import commands
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Actor, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.server import ServerConfig, create_app
from sitroom.store import Store

from loopback import serving

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds" / "articles.jsonl"
EXAMPLES = REPO / "examples"
# live.js belongs to the live updates (issue 16); until it is merged the page's tag for
# it answers 404, the one console error tolerated, and only while the file is absent.
LIVE_JS = REPO / "src" / "sitroom" / "server" / "static" / "live.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
TOKEN = "browser-test-token-0123456789"
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_NAME = '<img src=x onerror="alert(2)">'
HOSTILE_SENTENCE = "Militants <b>attacked</b> the <i>checkpoint</i> near Idlib on Friday."
RLO = "\u202e"
RTL_OUTLET = f"{RLO}Nile Wire"
RTL_DAY = "2024-10-16"
RTL_SENTENCE = "Rebels shelled the market in Kadugli on Wednesday."
TIMEOUT_MS = 20_000
WINDOW = {"width": 1400, "height": 1000}


def chromium() -> Path:
    """Debian's chromium, installed here when missing (the test skips only when apt cannot)."""
    if CHROMIUM.exists():
        return CHROMIUM
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        pytest.skip("chromium is missing and cannot be installed: no apt-get, or not root")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update", "-qq"], ["apt-get", "install", "-y", "-qq", "chromium"]):
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)
        if done.returncode != 0:
            pytest.skip(f"chromium is missing and `{' '.join(command)}` failed: {done.stderr.strip()[-300:]}")
    return CHROMIUM


def one_event_article(article_id: str, *, title: str, outlet: str, published: str, sentence_text: str,
                      event_id: str, source: Actor, target: Actor, place: Place, url: str | None = None,
                      attribution: str | None = None) -> tuple[Article, list[Sentence], list[Event]]:
    text = f"{title}\n\n{sentence_text}\n"
    start = text.index(sentence_text)
    article = Article(id=article_id, text=text, title=title, outlet=outlet, published=published, language="en")
    sentence = Sentence(index=0, start=start, end=start + len(sentence_text), text=sentence_text)
    event = Event(
        id=event_id, event_code="190", event_label="Use conventional military force",
        plover_type="ASSAULT", acled_event_type=None, acled_sub_event_type=None,
        source_actor=source, target_actor=target, date=published, date_precision="day", location=place,
        fatalities=Fatalities(killed=3), attribution=attribution, modality="asserted", historical=False,
        evidence=(Evidence(doc_id=article.id, outlet=outlet, sentence=sentence_text, start=sentence.start,
                           end=sentence.end, published=published, title=title, url=url),),
        confidence=0.9, rule="test",
    )
    return article, [sentence], [event]


def hostile_article() -> tuple[Article, list[Sentence], list[Event]]:
    return one_event_article(
        "hostile-1", title=HOSTILE_TITLE, outlet="<u>Outlet</u>", published="2024-10-15",
        sentence_text=HOSTILE_SENTENCE, event_id="hostile-event",
        source=Actor(text="Militants", name=HOSTILE_NAME, code="SYRINS", country="SYR"),
        target=Actor(text="checkpoint", name="<svg onload=alert(3)>", code="SYRMIL", country="SYR"),
        place=Place(name="<em>Idlib</em>", country="SYR", admin1="Idlib", lat=35.93, lon=36.63, precision="city"),
        url="javascript:alert(5)", attribution="<a href=javascript:alert(4)>SOHR</a>")


def rtl_article() -> tuple[Article, list[Sentence], list[Event]]:
    """Unterminated right-to-left overrides in the outlet, the title, the id and the
    names: each may reverse its own text, never the text printed after it."""
    return one_event_article(
        f"{RLO}rtl-article", title=f"{RLO}gnp.exe", outlet=RTL_OUTLET, published=RTL_DAY,
        sentence_text=RTL_SENTENCE, event_id=f"rtl-event{RLO}",
        source=Actor(text="Rebels", name=f"{RLO}Rebels", code="SDNREB", country="SDN"),
        target=Actor(text="market", name="traders", code="SDNCVL", country="SDN"),
        place=Place(name=f"{RLO}Kadugli", country="SDN", admin1="South Kordofan", lat=11.01, lon=29.72,
                    precision="city"))


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("browser")
    examples = folder / "examples.duckdb"
    with Store.open(examples) as store:
        report = commands.ingest([str(EXAMPLES)], Options(db_path=examples), store, analyzer=analyzer)
        assert report.stored >= 10 and report.events > 50
    checks = folder / "checks.duckdb"
    shutil.copy(examples, checks)
    with Store.open(checks) as store:
        report = commands.ingest([str(SEEDS)], Options(db_path=checks), store, analyzer=analyzer)
        assert report.stored == 2 and report.events > 0
        store.add_articles([hostile_article(), rtl_article()])
    return {"examples": examples, "checks": checks}


def server_config(db: Path, analyzer: Analyzer) -> uvicorn.Config:
    app = create_app(ServerConfig(db_path=db, token=TOKEN), analyzer_factory=lambda _options: analyzer)
    return uvicorn.Config(app, log_level="warning")


@pytest.fixture(scope="module")
def servers(stores: dict[str, Path], analyzer: Analyzer) -> Iterator[dict[str, str]]:
    with contextlib.ExitStack() as stack:
        yield {name: f"http://127.0.0.1:{stack.enter_context(serving(server_config(path, analyzer)))}"
               for name, path in stores.items()}


@pytest.fixture(scope="module")
def browser(servers: dict[str, str]) -> Iterator[Any]:
    executable = chromium()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def tolerated(message: Any) -> bool:
    where = (message.location or {}).get("url", "")
    return not LIVE_JS.exists() and ("live.js" in message.text or where.endswith("/static/live.js"))


@pytest.fixture()
def open_page(browser: Any) -> Iterator[Any]:
    """`open_page(server, query)`: a 1400x1000 page on the dashboard of `server`, loaded;
    every request is recorded and anything bound elsewhere is refused."""
    contexts = []

    def opener(server: str, query: str = "") -> Any:
        # Reduced motion: the map's clusters and zooms then move at once, not over frames.
        context = browser.new_context(viewport=WINDOW, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.problems = []
        page.requests = []

        def route(found: Any) -> None:
            page.requests.append(found.request.url)
            if found.request.url.startswith(server + "/"):
                found.continue_()
            else:
                page.problems.append(f"outside request: {found.request.url}")
                found.abort()

        context.route("**/*", route)
        page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
        page.on("console", lambda message: message.type == "error" and not tolerated(message)
                and page.problems.append(f"console: {message.text}"))
        page.goto(f"{server}/{query}")
        page.wait_for_selector("body[data-ready='1']")
        return page

    yield opener
    for context in contexts:
        context.close()


def shoot(target: Any, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    target.screenshot(path=str(path))
    keep = os.environ.get("SITROOM_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)


def all_events(page: Any, server: str) -> list[dict[str, Any]]:
    """Every stored event, through the plain API (store order), not the dashboard's reads."""
    found: list[dict[str, Any]] = []
    while True:
        answer = page.request.get(f"{server}/api/events?limit=500&offset={len(found)}").json()
        found += answer["events"]
        if len(found) >= answer["total"]:
            return found


def by_id(events: list[dict[str, Any]], event_id: str) -> dict[str, Any]:
    return next(e for e in events if e["id"] == event_id)


def is_news(event: dict[str, Any]) -> bool:
    return bool(event.get("date")) and not event.get("historical")


def default_period(events: list[dict[str, Any]]) -> tuple[str, str]:
    """The latest 30 days on which news events happened: the first and the last."""
    days = sorted({e["date"] for e in events if is_news(e)})
    return days[-30:][0], days[-1]


def row_ids(page: Any) -> list[str]:
    return page.locator("#events tbody tr[data-id]").evaluate_all("rows => rows.map(r => r.dataset.id)")


def rect(locator: Any) -> dict[str, float]:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); "
                            "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; }")


def overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def url_query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


# --- the default view: the news, newest first --------------------------------------


def test_the_dashboard_opens_on_the_news_of_the_latest_30_days_with_events(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    events = all_events(page, server)
    since, until = default_period(events)
    selected = [e for e in events if is_news(e) and since <= e["date"] <= until]
    expect(page.locator("#count")).to_have_text(f"{len(selected)} news events selected")
    assert page.locator("input[name='since']").input_value() == since
    assert page.locator("input[name='until']").input_value() == until
    assert page.locator("#events tbody tr[data-id]").count() == min(len(selected), 50)
    # every view drew
    assert page.locator("#timeline .bar").count() >= 2
    assert page.locator("#overview .brush .selection").count() == 1
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country.shaded").count() >= 3
    assert page.locator("#map .place-icon").count() >= 1
    assert page.locator("#network .node").count() >= 2
    # the timeline spans the period, and says so in words
    assert page.locator("#timeline").get_attribute("data-from") == since
    assert page.locator("#timeline").get_attribute("data-to") == until
    assert page.locator("#timeline-summary").text_content().startswith(f"{len(selected)} events from {since}")
    shoot(page, tmp_path, "dashboard.png")
    assert page.problems == []


def test_the_first_row_is_the_newest_news_event_and_background_waits_for_the_toggle(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    events = all_events(page, server)
    by_id = {e["id"]: e for e in events}
    news = [e for e in events if is_news(e)]
    background = {e["id"] for e in events if not is_news(e)}
    assert background and any(e.get("historical") for e in events) and any(not e.get("date") for e in events)
    ids = row_ids(page)
    assert by_id[ids[0]]["date"] == max(e["date"] for e in news) and is_news(by_id[ids[0]])
    dates = [by_id[i]["date"] for i in ids]
    assert dates == sorted(dates, reverse=True)
    assert not set(ids) & background
    assert "background" not in page.locator("#events tbody").text_content()

    page.locator("#scope label", has_text="Background").click()
    expect(page.locator("#count")).to_have_text(f"{len(background)} events selected")
    assert set(row_ids(page)) == background  # every one of them, whatever its date, and nothing else
    assert page.locator("input[name='since']").input_value() == ""  # background spans every date
    assert url_query(page)["scope"] == ["background"]
    shoot(page, tmp_path, "background.png")

    page.locator("#scope label", has_text="News").click()
    expect(page.locator("#events tbody tr[data-id]").first).to_have_attribute("data-id", ids[0])
    assert not set(row_ids(page)) & background
    assert page.problems == []


# --- the network -------------------------------------------------------------------


def label_boxes(page: Any) -> list[dict[str, float]]:
    return page.locator("#network .node text").evaluate_all(
        "labels => labels.map(l => { const r = l.getBoundingClientRect(); "
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: l.textContent}; })")


def assert_readable(page: Any) -> int:
    labels = label_boxes(page)
    circles = page.locator("#network .node circle").evaluate_all(
        "cs => cs.map(c => { const r = c.getBoundingClientRect(); "
        "return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })")
    panel = rect(page.locator("#network"))
    for i, a in enumerate(labels):
        assert a["right"] - a["left"] > 5 and a["bottom"] - a["top"] >= 8, f"label {a['text']} is too small to read"
        assert panel["left"] <= a["left"] and a["right"] <= panel["right"], f"label {a['text']} leaves the panel"
        assert panel["top"] <= a["top"] and a["bottom"] <= panel["bottom"], f"label {a['text']} leaves the panel"
        for j, b in enumerate(labels[i + 1:], start=i + 1):
            assert not overlaps(a, b), f"labels {a['text']} and {b['text']} overlap"
        for j, circle in enumerate(circles):
            assert j == i or not overlaps(a, circle), f"label {a['text']} covers the node of {labels[j]['text']}"
    return len(labels)


def test_no_two_network_labels_overlap_and_hover_shows_the_neighbours(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    assert assert_readable(page) >= 2
    page.click("#period-all")  # every date: the most actors the examples have
    page.wait_for_selector("body[data-ready='1']")
    network = page.request.get(f"{server}/api/view/network?limit=60").json()
    expect(page.locator("#network .node")).to_have_count(len(network["nodes"]))
    assert assert_readable(page) >= 30

    # node size by events, line colour and width by the pair's kind and events
    radius = {n["code"]: float(page.locator(f"#network .node[data-code='{n['code']}'] circle").get_attribute("r"))
              for n in network["nodes"]}
    ordered = sorted(network["nodes"], key=lambda n: n["events"])
    assert radius[ordered[-1]["code"]] > radius[ordered[0]["code"]]
    kinds = {link["kind"] for link in network["links"]}
    assert {"cooperation", "conflict"} <= kinds
    for link in network["links"]:
        line = page.locator(f"#network path.link[data-source='{link['source']}'][data-target='{link['target']}']")
        assert line.get_attribute("class") == f"link kind-{link['kind']}"
    colours = {kind: page.locator(f"#network path.kind-{kind}").first.get_attribute("stroke") for kind in kinds}
    assert len(set(colours.values())) == len(colours)

    # hovering an actor keeps it and its neighbours, and dims the rest
    hub = max(network["nodes"], key=lambda n: sum(n["code"] in (l["source"], l["target"]) for l in network["links"]))
    near = {hub["code"]} | {l["target"] if l["source"] == hub["code"] else l["source"] for l in network["links"]
                            if hub["code"] in (l["source"], l["target"])}
    page.locator(f"#network .node[data-code='{hub['code']}'] circle").hover()
    highlighted = set(page.locator("#network .node.near").evaluate_all("ns => ns.map(n => n.dataset.code)"))
    assert highlighted == near
    far = next(n["code"] for n in network["nodes"] if n["code"] not in near)
    opacity = page.locator(f"#network .node[data-code='{far}']").evaluate("n => getComputedStyle(n).opacity")
    assert float(opacity) < 0.5
    shoot(page.locator("#network-panel"), tmp_path, "network.png")
    assert page.problems == []


def test_clicking_an_actor_in_the_network_filters_everything(open_page, servers):
    page = open_page(servers["examples"])
    before = page.locator("#count").text_content()
    node = page.locator("#network .node").first
    code = node.get_attribute("data-code")
    node.locator("circle").click()
    expect(page.locator("#count")).not_to_have_text(before)
    assert page.locator("input[name='actor']").input_value() == code
    for cells in page.locator("#events tbody tr[data-id]").all():
        assert f"({code}" in cells.text_content()  # the actor is source or target of every listed event
    assert url_query(page)["actor"] == [code]
    assert page.problems == []


# --- the event view ------------------------------------------------------------------


def settled_scroll(page: Any) -> float:
    """The page's scroll position once a wheel's scrolling is over (the wheel returns before
    it is: two reads 100 ms apart agree), however long the machine takes to scroll."""
    last = None
    for _ in range(100):
        page.wait_for_timeout(100)
        now = page.evaluate("window.scrollY")
        if now == last and now > 0:
            return now
        last = now
    raise AssertionError(f"the page never settled after the wheel (scrollY {last})")


def test_clicking_a_row_opens_the_panel_beside_the_list_without_scrolling_it(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    row = page.locator("#events tbody tr[data-id]").nth(8)
    page.mouse.wheel(0, 600)
    scrolled = settled_scroll(page)
    assert scrolled > 0
    before = rect(row)
    row.click()
    page.wait_for_selector("#event-panel:not([hidden]) .report .article mark")
    assert page.evaluate("window.scrollY") == scrolled
    assert rect(row) == before
    panel = rect(page.locator("#event-panel"))
    table = rect(page.locator("#events"))
    assert panel["left"] >= table["right"], "the panel lies beside the list"
    assert 0 <= panel["top"] < WINDOW["height"] / 2 and panel["bottom"] <= WINDOW["height"], "the panel is in view"
    event_id = row.get_attribute("data-id")
    assert row.get_attribute("aria-current") == "true"
    assert url_query(page)["event"] == [event_id]
    record = page.request.get(f"{server}/api/events/{quote(event_id, safe='')}").json()
    marks = page.locator("#evidence .report .article mark")
    assert marks.count() == len(record["evidence"])
    for i, item in enumerate(record["evidence"]):
        assert marks.nth(i).text_content() == item["sentence"]
    assert page.locator("#event-title").text_content().startswith(record["event_code"])
    assert page.problems == []


def test_up_and_down_move_through_the_events_and_escape_closes(open_page, servers):
    page = open_page(servers["examples"])
    ids = row_ids(page)
    page.locator("#events tbody tr[data-id]").first.click()
    expect(page.locator("#event-fields")).to_contain_text(ids[0])
    page.keyboard.press("ArrowDown")
    expect(page.locator("#event-fields")).to_contain_text(ids[1])
    page.keyboard.press("ArrowDown")
    expect(page.locator("#event-fields")).to_contain_text(ids[2])
    assert url_query(page)["event"] == [ids[2]]
    page.keyboard.press("ArrowUp")
    expect(page.locator("#event-fields")).to_contain_text(ids[1])
    assert page.evaluate("document.activeElement.dataset.id") == ids[1]
    page.keyboard.press("Escape")
    expect(page.locator("#event-panel")).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.id") == ids[1]  # back on the row it was reading
    assert "event" not in url_query(page)
    assert page.problems == []


def test_the_url_of_an_event_opens_it(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    events = all_events(page, server)
    # one in the list (its fourth row), and one the default list does not show (a background event)
    for event in (by_id(events, row_ids(page)[3]), next(e for e in events if not is_news(e))):
        page = open_page(server, f"?event={quote(event['id'], safe='')}")
        expect(page.locator("#event-panel")).to_be_visible()
        expect(page.locator("#event-fields")).to_contain_text(event["id"])
        assert page.locator("#event-title").text_content().startswith(event["event_code"])
        if is_news(event):
            expect(page.locator(f"#events tr[data-id='{event['id']}']")).to_have_class(re.compile(r"\bopen\b"))
            shoot(page, tmp_path, "event.png")
        assert page.problems == []
    # the whole state travels: scope, filters and period too
    background = next(e for e in events if not is_news(e))
    page = open_page(server, f"?scope=background&event={quote(background['id'], safe='')}")
    expect(page.locator(f"#events tr[data-id='{background['id']}']")).to_have_class(re.compile(r"\bopen\b"))
    assert page.problems == []


def test_an_event_two_outlets_report_shows_every_article_and_where_they_disagree(open_page, servers):
    server = servers["checks"]
    listed = open_page(server).request.get(f"{server}/api/events?limit=500").json()["events"]
    fused = [e for e in listed if len(e.get("articles") or ()) >= 2 and e.get("contradictions")]
    assert fused, "the two seed articles share events"
    event_id = fused[0]["id"]
    page = open_page(server, f"?period=all&event={quote(event_id, safe='')}")
    page.wait_for_selector("#event-panel:not([hidden]) .report .article mark")
    record = page.request.get(f"{server}/api/events/{quote(event_id, safe='')}").json()
    marks = page.locator("#evidence .report .article mark")
    assert marks.count() == len(record["evidence"])
    for i, item in enumerate(record["evidence"]):
        assert marks.nth(i).text_content() == item["sentence"]
        article = page.request.get(f"{server}/api/articles/{quote(item['doc_id'], safe='')}").json()
        assert page.locator("#evidence .report .article").nth(i).text_content() == article["text"]
    assert len({item["doc_id"] for item in record["evidence"]}) >= 2
    assert page.locator("#contradictions li.contradiction").count() == len(record["contradictions"])
    assert page.problems == []


# --- the timeline and the map ---------------------------------------------------------


def test_the_brush_and_the_zoom_choose_the_period_of_every_view(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server)
    default = page.locator("input[name='since']").input_value()
    # a new selection on the overview, left of the default period's, wide enough to hold
    # example events (the examples' news falls in bursts with months between them)
    box = rect(page.locator("#overview .brush .overlay"))
    middle = (box["top"] + box["bottom"]) / 2
    width = box["right"] - box["left"]
    page.mouse.move(box["left"] + width * 0.03, middle)
    page.mouse.down()
    page.mouse.move(box["left"] + width * 0.45, middle, steps=8)
    page.mouse.up()
    expect(page.locator("input[name='since']")).not_to_have_value(default)
    page.wait_for_selector("body[data-ready='1']")
    since = page.locator("input[name='since']").input_value()
    until = page.locator("input[name='until']").input_value()
    assert since < until and url_query(page)["since"] == [since] and url_query(page)["until"] == [until]
    expect(page.locator("#events tbody tr[data-id]").first).to_be_visible()
    for day in page.locator("#events tbody td.date").all_text_contents():
        assert since <= day <= until
    listed = page.request.get(f"{server}/api/view/events?since={since}&until={until}&limit=1").json()["total"]
    expect(page.locator("#count")).to_have_text(f"{listed} news events selected")
    shoot(page.locator("#timeline-panel"), tmp_path, "timeline.png")

    page.click("#zoom-in")
    expect(page.locator("input[name='since']")).not_to_have_value(since)
    page.wait_for_selector("body[data-ready='1']")
    narrower = (page.locator("input[name='since']").input_value(), page.locator("input[name='until']").input_value())
    assert since <= narrower[0] <= narrower[1] <= until

    # the wheel zooms the chart too, and the period follows
    chart = rect(page.locator("#timeline"))
    page.mouse.move((chart["left"] + chart["right"]) / 2, (chart["top"] + chart["bottom"]) / 2)
    page.mouse.wheel(0, 400)  # out
    expect(page.locator("input[name='since']")).not_to_have_value(narrower[0])
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("input[name='since']").input_value() < narrower[0]
    assert page.problems == []


def test_the_map_clusters_places_sized_by_their_toll_and_zooms(open_page, servers, tmp_path):
    server = servers["examples"]
    page = open_page(server, "?period=all")
    places = page.request.get(f"{server}/api/view/places").json()
    world = page.request.get(f"{server}/static/countries.geojson").json()
    bounded = {f["properties"]["iso_a3"] for f in world["features"]}
    shaded = page.locator("#map path.country.shaded").evaluate_all("ps => ps.map(p => p.dataset.country)")
    assert set(shaded) == {c["country"] for c in places["countries"]} & bounded and len(shaded) >= 5
    assert page.locator("#map path.country[data-country='MLI']").get_attribute("fill") != "#f7f7f4"

    def icons() -> list[dict[str, float]]:
        """The markers on the map once its animations are over (two reads apart agree)."""
        read = ("icons => icons.map(i => ({killed: Number(i.dataset.killed), places: Number(i.dataset.places), "
                "width: i.parentElement.getBoundingClientRect().width}))")
        last = None
        for _ in range(40):
            page.wait_for_timeout(250)
            found = page.locator("#map .place-icon .toll").evaluate_all(read)
            if found == last and not page.locator("#map .leaflet-zoom-anim").count():
                return found
            last = found
        raise AssertionError("the map's markers never settled")

    page.click("#world")
    clustered = icons()
    shoot(page.locator("#map-panel"), tmp_path, "map.png")
    assert len(clustered) < len(places["places"])  # at the world's zoom, nearby places share a marker
    assert sum(icon["places"] for icon in clustered) == len(places["places"])
    assert sum(icon["killed"] for icon in clustered) == sum(p["killed"] for p in places["places"])
    ordered = sorted(clustered, key=lambda icon: icon["killed"])
    assert all(a["width"] <= b["width"] for a, b in zip(ordered, ordered[1:])), "a bigger toll, a smaller marker"
    assert ordered[-1]["width"] > ordered[0]["width"]

    # + zooms in by a power of two, a drag pans, a cluster opens into its places when clicked
    zoom = float(page.locator("#map").get_attribute("data-zoom"))
    page.locator("#map .leaflet-control-zoom-in").click()
    icons()
    assert float(page.locator("#map").get_attribute("data-zoom")) == zoom + 1
    after = rect(page.locator("#map path.country[data-country='MLI']"))
    inside = rect(page.locator("#map"))
    page.mouse.move(inside["left"] + 200, inside["top"] + 150)
    page.mouse.down()
    page.mouse.move(inside["left"] + 300, inside["top"] + 200, steps=5)
    page.mouse.up()
    icons()
    moved = rect(page.locator("#map path.country[data-country='MLI']"))
    assert moved["left"] - after["left"] >= 99 and moved["top"] - after["top"] >= 49  # the map followed the drag
    page.click("#world")
    biggest = max(icons(), key=lambda icon: icon["places"])
    assert biggest["places"] >= 2
    page.locator(f"#map .place-icon .toll[data-places='{biggest['places']:.0f}']").first.click()
    assert max(icon["places"] for icon in icons()) < biggest["places"]
    assert page.problems == []


# --- live updates -----------------------------------------------------------------------


def test_a_store_change_reloads_the_views_in_place(open_page, servers):
    server = servers["checks"]
    # every period: under the default one (the latest 30 days with events) a new latest day
    # also drops the oldest day, and the count stays put when that day held one event
    page = open_page(server, "?period=all")
    second = page.locator("#events tbody tr[data-id]").nth(1)
    opened = second.get_attribute("data-id")
    second.click()
    expect(page.locator("#event-fields")).to_contain_text(opened)
    before = page.locator("#count").text_content()
    posted = page.request.post(f"{server}/api/articles", headers={"Authorization": f"Bearer {TOKEN}"}, data={
        "articles": [{"id": "live-1", "published": "2026-03-02", "outlet": "Test Wire", "title": "Clashes in Goma",
                      "text": "GOMA, March 2 — M23 rebels attacked army positions near Goma on Monday, killing "
                              "four soldiers, the army said.\n"}]})
    assert posted.status == 201, posted.text()
    assert page.locator("#count").text_content() == before  # nothing moves until the page is told
    page.evaluate("document.dispatchEvent(new CustomEvent('sitroom:events-changed', "
                  "{detail: {ids: ['live-1'], count: 1}}))")
    expect(page.locator("#count")).not_to_have_text(before)
    newest = page.request.get(f"{server}/api/view/events?limit=1").json()["events"][0]
    expect(page.locator("#events tbody tr[data-id]").first).to_have_attribute("data-id", newest["id"])
    assert newest["date"] >= "2026-03-01"
    # the open event stays open and selected
    expect(page.locator("#event-fields")).to_contain_text(opened)
    assert page.locator(f"#events tr[data-id='{opened}']").get_attribute("aria-current") == "true"
    assert url_query(page)["event"] == [opened]
    # an alert (live.js passes each one on) marks its event in the list
    page.evaluate("id => document.dispatchEvent(new CustomEvent('sitroom:alert', {detail: {event_id: id, "
                  "rule: 'test', reason: 'new'}}))", newest["id"])
    expect(page.locator(f"#events tr[data-id='{newest['id']}']")).to_have_class(re.compile(r"\balerted\b"))
    assert page.problems == []


# --- hostile data ---------------------------------------------------------------------


def test_markup_in_titles_names_and_sentences_shows_as_text(open_page, servers, tmp_path):
    page = open_page(servers["checks"], "?actor=SYRINS&text=checkpoint&period=all")
    expect(page.locator("#count")).to_have_text("1 news event selected")
    row = page.locator("#events tbody tr[data-id]").first
    assert HOSTILE_NAME in row.text_content()
    row.click()
    page.wait_for_selector("#event-panel:not([hidden]) .report")
    report = page.locator("#evidence .report").first
    assert report.locator("h4").text_content() == HOSTILE_TITLE
    assert report.locator("h4 a").count() == 0  # a javascript: URL never becomes a link
    assert report.locator(".article mark").text_content() == HOSTILE_SENTENCE
    assert "<u>Outlet</u>" in report.locator(".meta").text_content()
    assert HOSTILE_NAME in page.locator("#event-fields").text_content()
    # Nothing the data holds became an element.
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("#evidence b, #evidence i, #evidence img, #events img, #event-fields a, svg foreignObject, "
                        "#event-fields svg, #network img, #map img, #map u, #map em").count() == 0
    shoot(page, tmp_path, "hostile.png")
    assert page.problems == []


LEFT_TO_RIGHT = """([root, needle]) => {
  // The x of each character of `needle` as drawn: rising when it reads left to right.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    return [...needle].map((_, i) => {
      const range = document.createRange();
      range.setStart(node, at + i);
      range.setEnd(node, at + i + 1);
      return range.getBoundingClientRect().left;
    });
  }
  return null;
}"""


def reads_left_to_right(page: Any, selector: str, needle: str) -> bool:
    xs = page.locator(selector).first.evaluate(f"(root, needle) => ({LEFT_TO_RIGHT})([root, needle])", needle)
    assert xs, f"{needle!r} is not in {selector}"
    return all(a < b for a, b in zip(xs, xs[1:]))


ISOLATED = """([root, value]) => {
  // Whether `value` is printed alone in an element that isolates it from its neighbours.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.data.includes(value)) continue;
    const holder = node.parentElement;
    const bidi = getComputedStyle(holder).unicodeBidi;
    return holder.textContent === value && ["isolate", "plaintext", "isolate-override"].includes(bidi);
  }
  return null;
}"""


def isolated(page: Any, selector: str, value: str) -> bool:
    found = page.locator(selector).first.evaluate(f"(root, value) => ({ISOLATED})([root, value])", value)
    assert found is not None, f"{value!r} is not in {selector}"
    return bool(found)


def test_right_to_left_overrides_in_the_data_do_not_reverse_the_text_beside_them(open_page, servers):
    page = open_page(servers["checks"], "?actor=SDNREB&text=Kadugli&period=all")
    expect(page.locator("#count")).to_have_text("1 news event selected")
    row = page.locator("#events tbody tr[data-id]").first
    assert reads_left_to_right(page, "#events tbody td:nth-child(5)", "SDN")  # after the overridden place name
    assert reads_left_to_right(page, "#events tbody td:nth-child(3)", "SDNREB")  # after the overridden actor name
    row.click()
    page.wait_for_selector("#event-panel:not([hidden]) .report .article mark")
    # the outlet carries an override; the date and the id printed after it keep their order
    assert reads_left_to_right(page, "#evidence .report .meta", RTL_DAY)
    assert reads_left_to_right(page, "#event-fields", "SDNREB")
    # each value from the data is isolated, whatever is printed beside it now
    article_id, title = rtl_article()[0].id, rtl_article()[0].title
    assert isolated(page, "#evidence .report .meta", RTL_OUTLET)
    assert isolated(page, "#evidence .report .meta", article_id)
    assert isolated(page, "#evidence .report h4", title)
    assert isolated(page, "#event-fields", rtl_article()[2][0].id)
    assert isolated(page, "#events tbody td:nth-child(5)", f"{RLO}Kadugli")
    assert page.problems == []


def test_no_request_leaves_the_server_whatever_the_reader_does(open_page, servers):
    server = servers["examples"]
    page = open_page(server)
    page.locator("#events tbody tr[data-id]").first.click()
    page.wait_for_selector("#event-panel:not([hidden]) .report")
    page.keyboard.press("Escape")
    page.locator("#scope label", has_text="Background").click()
    page.wait_for_selector("body[data-ready='1']")
    page.click("#period-all")
    page.locator("#map .leaflet-control-zoom-in").click()
    page.locator("#map .place-icon").first.hover()
    page.locator("#network .node circle").first.hover()
    page.wait_for_timeout(500)
    assert page.requests and all(url.startswith(server + "/") for url in page.requests)
    assert page.problems == []
