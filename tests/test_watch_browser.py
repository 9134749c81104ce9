"""The live dashboard in a real browser (Debian's chromium driven by Playwright, set up as
test_browser.py does it): a `sitroom watch` subprocess stores what a `NewsSite` on
loopback publishes, and the open page shows the new event and an alert notice without
being reloaded."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from sitroom.server import ServerConfig, create_app
from sitroom.store import Store

from loopback import serving
from test_browser import CHROMIUM_ARGS, chromium
from test_watch import SHELLING_12, TALKS, start, stop
from test_watch_site import NewsSite

pytestmark = pytest.mark.slow

TOKEN = "watch-browser-token-0123456789"
LIVE_MS = 120_000  # the watch loads the model, polls, analyses; the server looks every 2 s


@pytest.fixture()
def dashboard(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = tmp_path / "live.duckdb"
    Store.open(db).close()  # an empty store, as `sitroom serve` would make
    app = create_app(ServerConfig(db_path=db, token=TOKEN))
    with serving(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=1)) as port:
        yield f"http://127.0.0.1:{port}", db


def test_a_new_event_and_its_alert_show_on_the_open_page_without_a_reload(tmp_path: Path,
                                                                          dashboard: tuple[str, Path]) -> None:
    served, db = dashboard
    executable = chromium()
    with NewsSite() as site:
        feed = site.add_feed("/world/rss.xml", "rss", "Levant Wire")
        site.publish(feed, "kenya-hosts-somalia-talks", *TALKS)
        sources = tmp_path / "sources.toml"
        sources.write_text(f"""
[watch]
delay = 0.1
batch_wait = 0.5

[[source]]
url = "{site.url(feed)}"
every = 1

[[alert]]
name = "deadly-syria"
code = ["18", "19", "20"]
country = "SYR"
min_killed = 10
""", encoding="utf-8")
        watch = start(sources, db)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(executable), headless=True,
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                problems: list[str] = []
                page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
                page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
                page.on("request", lambda r: r.url.startswith(served) or problems.append(f"outside: {r.url}"))
                page.goto(served + "/")
                page.wait_for_selector("body[data-ready='1']")
                page.evaluate("""() => {
                    window.stillTheSamePage = true;
                    window.alertsSeen = [];
                    document.addEventListener("sitroom:alert", (e) => window.alertsSeen.push(e.detail));
                }""")
                # the first article (talks) arrives while the page is open: the table fills in place
                expect(page.locator("#events tbody tr").first).to_contain_text("044", timeout=LIVE_MS)
                expect(page.locator("#live-sources tr[data-health='ok']")).to_have_count(1, timeout=LIVE_MS)
                assert page.locator(".notice").count() == 0  # no rule wants talks

                site.publish(feed, "shelling-kills-12-in-idlib-market", *SHELLING_12)
                row = page.locator("#events tbody tr", has_text="Fight with artillery and tanks").first
                expect(row).to_be_visible(timeout=LIVE_MS)
                notice = page.locator("#live .notice[data-rule='deadly-syria']").first
                expect(notice).to_be_visible(timeout=LIVE_MS)
                assert "new" in notice.text_content() and "12 killed" in notice.text_content()
                assert page.evaluate("window.stillTheSamePage") is True  # never reloaded
                seen = page.evaluate("window.alertsSeen")
                assert seen and {(a["rule"], a["reason"]) for a in seen} == {("deadly-syria", "new")}
                for alert in seen:  # each alert has its notice, and its event is in the table
                    assert page.locator(f"#live .notice[data-event='{alert['event_id']}']").count() == 1
                    assert page.locator(f"#events tbody tr[data-id='{alert['event_id']}']").count() == 1
                page.screenshot(path=str(tmp_path / "live.png"))
                browser.close()
            assert problems == []
        finally:
            code, err = stop(watch)
        assert code == 0, err
