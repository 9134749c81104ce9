"""The dashboard in a real browser: Debian's chromium driven by Playwright.

The store holds the two seed articles (ingested through the library, as `sitroom ingest`
does) and one article whose title, actor names and sentence are markup, which must show
as text. The test loads the page, checks every chart drew, clicks through to an event
and checks its evidence sentence is highlighted in its article.

Screenshots go to a temporary folder; set SITROOM_SCREENSHOTS=docs/screenshots to keep
them (the README shows those).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from sitroom import commands
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.records import Actor, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.server import ServerConfig, create_app
from sitroom.store import Store

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds" / "articles.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run"]
TOKEN = "browser-test-token-0123456789"
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_NAME = '<img src=x onerror="alert(2)">'
HOSTILE_SENTENCE = "Militants <b>attacked</b> the <i>checkpoint</i> near Idlib on Friday."
TIMEOUT_MS = 20_000


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


def hostile_article() -> tuple[Article, list[Sentence], list[Event]]:
    text = f"{HOSTILE_TITLE}\n\n{HOSTILE_SENTENCE}\n"
    start = text.index(HOSTILE_SENTENCE)
    article = Article(id="hostile-1", text=text, title=HOSTILE_TITLE, outlet="<u>Outlet</u>",
                      published="2024-10-15", language="en")
    sentence = Sentence(index=0, start=start, end=start + len(HOSTILE_SENTENCE), text=HOSTILE_SENTENCE)
    event = Event(
        id="hostile-event", event_code="190", event_label="Use conventional military force",
        plover_type="ASSAULT", acled_event_type=None, acled_sub_event_type=None,
        source_actor=Actor(text="Militants", name=HOSTILE_NAME, code="SYRINS", country="SYR"),
        target_actor=Actor(text="checkpoint", name="<svg onload=alert(3)>", code="SYRMIL", country="SYR"),
        date="2024-10-15", date_precision="day",
        location=Place(name="<em>Idlib</em>", country="SYR", admin1="Idlib", lat=35.93, lon=36.63,
                       precision="city"),
        fatalities=Fatalities(killed=3), attribution="<a href=javascript:alert(4)>SOHR</a>", modality="asserted",
        historical=False,
        evidence=(Evidence(doc_id=article.id, outlet=article.outlet, sentence=HOSTILE_SENTENCE, start=sentence.start,
                           end=sentence.end, published=article.published, title=HOSTILE_TITLE,
                           url="javascript:alert(5)"),),
        confidence=0.9, rule="test",
    )
    return article, [sentence], [event]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "seeds.duckdb"
    options = Options(db_path=db)
    analyzer = Analyzer(options)
    with Store.open(db) as store:
        report = commands.ingest([str(SEEDS)], options, store, analyzer=analyzer)
        assert report.stored == 2 and report.events > 0
        store.add_articles([hostile_article()])
    app = create_app(ServerConfig(db_path=db, token=TOKEN), analyzer_factory=lambda _options: analyzer)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser(served: str) -> Iterator[object]:
    executable = chromium()

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(executable), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser: object, served: str, tmp_path: Path) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.problems = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("console", lambda message: message.type == "error" and page.problems.append(f"console: {message.text}"))
    page.on("request", lambda request: request.url.startswith(served)
            or page.problems.append(f"outside request: {request.url}"))
    yield page
    context.close()


def shoot(page: object, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path))  # type: ignore[attr-defined]
    keep = os.environ.get("SITROOM_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / name)


def open_dashboard(page: object, served: str) -> None:
    page.goto(served + "/")  # type: ignore[attr-defined]
    page.wait_for_selector("body[data-ready='1']")  # type: ignore[attr-defined]


def test_the_dashboard_draws_and_an_event_shows_its_highlighted_evidence(page, served, tmp_path):
    open_dashboard(page, served)
    assert page.locator("#timeline .bar").count() >= 2
    assert page.locator("#map path.country").count() > 150
    assert page.locator("#map path.country[data-country='SYR']").evaluate("p => p.style.fill") != ""
    assert page.locator("#map circle.place").count() >= 1
    assert page.locator("#network .node").count() >= 2
    total = int(page.locator("#count").text_content().split()[0])
    stored = page.request.get(f"{served}/api/events?limit=1").json()["total"]
    assert total == stored and page.locator("#events tbody tr").count() == min(stored, 50)
    shoot(page, tmp_path, "dashboard.png")

    # an event both seed articles report (fusion), with the points where they disagree
    listed = page.request.get(f"{served}/api/events?limit=100").json()
    fused = [e for e in listed["events"] if len(e.get("articles") or ()) >= 2 and e.get("contradictions")]
    assert fused, "the two seed articles share events"
    event_id = fused[0]["id"]
    page.locator(f"#events tbody tr[data-id='{event_id}']").click()
    page.wait_for_selector("#event-panel:not([hidden]) .report .article mark")
    record = page.request.get(f"{served}/api/events/{event_id}").json()
    evidence = record["evidence"]
    marks = page.locator("#evidence .report .article mark")
    assert marks.count() == len(evidence)
    for i, item in enumerate(evidence):
        assert marks.nth(i).text_content() == item["sentence"]
        article = page.request.get(f"{served}/api/articles/{item['doc_id']}").json()
        shown = page.locator("#evidence .report .article").nth(i).text_content()
        assert shown == article["text"]  # the whole article, the sentence marked in place
    assert len({item["doc_id"] for item in evidence}) >= 2
    assert page.locator("#contradictions li.contradiction").count() == len(record["contradictions"])
    assert page.locator("#event-title").text_content().startswith(record["event_code"])
    shoot(page, tmp_path, "event.png")
    assert page.problems == []


def test_markup_in_titles_names_and_sentences_shows_as_text(page, served, tmp_path):
    open_dashboard(page, served)
    page.fill("input[name='actor']", "SYRINS")
    page.fill("input[name='text']", "checkpoint")
    page.click("#filters button[type='submit']")
    expect(page.locator("#count")).to_have_text("1 selected")
    row = page.locator("#events tbody tr").first
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
    assert page.locator("script").count() == 2  # app.js and live.js
    assert page.locator("#evidence b, #evidence i, #evidence img, #events img, #event-fields a, svg foreignObject, "
                        "#event-fields svg, #network img").count() == 0
    shoot(page, tmp_path, "hostile.png")
    assert page.problems == []


def test_clicking_an_actor_in_the_network_filters_everything(page, served):
    open_dashboard(page, served)
    before = page.locator("#count").text_content()
    code = page.locator("#network .node").first.get_attribute("data-code")
    page.locator("#network .node circle").first.click()
    expect(page.locator("#count")).not_to_have_text(before)
    assert page.locator("input[name='actor']").input_value() == code
    for cells in page.locator("#events tbody tr").all():
        text = cells.text_content()
        assert f"({code}" in text  # the actor is source or target of every listed event
    assert page.problems == []
