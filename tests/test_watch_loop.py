"""The watch loop in this process, against a real `NewsSite` over loopback HTTP, with a
blank spaCy pipeline (the model is not the point here: test_watch.py runs the real one
in a real subprocess). Each test runs `watch` in a thread and stops it with its flag.

While the watch runs, the tests watch it from the site's side and from what it says; they
open the store only once it has stopped (DuckDB does not let two threads of one process
open and close one file at the same time, which is why the watch itself keeps all its
store work on one thread)."""
from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from sitroom.nlp import blank_model
from sitroom.options import Options
from sitroom.pipeline import Analyzer
from sitroom.store import Store
from sitroom.watch import load_sources, sources
from sitroom.watch.state import MAX_ATTEMPTS, prepare, run_sql, sync_sources
from sitroom.watch.watcher import WatchReport, _Watcher, watch
from test_watch_site import NewsSite

WAIT_SECONDS = 60.0

STORIES = {
    "army-shells-market-in-idlib": ("Army shells market", "Government forces shelled a market in Idlib on Tuesday, "
                                    "killing 12 people, a monitoring group said.\n\nResidents fled the town."),
    "talks-resume-in-nairobi": ("Talks resume", "Delegations from Kenya and Somalia met in Nairobi on Thursday.\n\n"
                                "They agreed to meet again next month."),
    "port-strike-warning-issued": ("Port strike warning", "Officials warned on Friday that the port could be struck "
                                   "again.\n\nShips were told to stay away from the harbour."),
    "aid-convoy-reaches-the-city": ("Aid convoy arrives", "An aid convoy reached the besieged city on Saturday after "
                                    "weeks of delay.\n\nTrucks carried flour and medicine."),
    "ceasefire-holds-for-a-second-day": ("Ceasefire holds", "A ceasefire held for a second day on Sunday, residents "
                                         "said.\n\nMarkets reopened in the old town."),
}


@pytest.fixture(scope="module")
def blank() -> Analyzer:
    return Analyzer(Options(), nlp=blank_model())


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with NewsSite() as served:
        yield served


class Running:
    """`watch` in a thread, stopped (and joined) on exit."""

    def __init__(self, sources_file: Path, db: Path, analyzer: Analyzer) -> None:
        self.flag = threading.Event()
        self.lines: list[str] = []
        self.report: WatchReport | None = None
        self.error: BaseException | None = None
        config = load_sources(sources_file)

        def run() -> None:
            try:
                self.report = watch(config, Options(db_path=db), db, analyzer=analyzer, say=self.lines.append,
                                    note=self.lines.append, stop=self.flag)
            except BaseException as exc:  # handed to the test
                self.error = exc

        self.thread = threading.Thread(target=run, daemon=True)

    def stored(self) -> int:
        """Articles stored so far, as the watch reports them ("Stored N articles ...")."""
        return sum(int(line.split()[1]) for line in list(self.lines) if line.startswith("Stored "))

    def __enter__(self) -> "Running":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.flag.set()
        self.thread.join(timeout=WAIT_SECONDS)
        assert not self.thread.is_alive(), "the watch did not stop"
        if self.error is not None and exc[0] is None:
            raise self.error


def sources_file(tmp_path: Path, urls: list[str], *, every: float = 1, extra: str = "") -> Path:
    path = tmp_path / "sources.toml"
    body = "[watch]\ndelay = 0.02\ntimeout = 2\nbatch_wait = 0.3\n" + extra + "".join(
        f'\n[[source]]\nurl = "{url}"\nevery = {every}\n' for url in urls)
    path.write_text(body, encoding="utf-8")
    return path


def in_store(db: Path, query: str) -> list[tuple[Any, ...]]:
    with Store.open(db, wait=10) as store:
        return run_sql(store, query)


def wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def stored_urls(db: Path) -> set[str]:
    return {url for (url,) in in_store(db, "SELECT url FROM articles WHERE url IS NOT NULL")}


def test_items_of_every_kind_of_source_are_stored_once(tmp_path: Path, site: NewsSite, blank: Analyzer) -> None:
    feeds = [site.add_feed("/rss.xml", "rss", "Levant Wire"), site.add_feed("/atom.xml", "atom", "Gulf Daily"),
             site.add_feed("/sitemap-news.xml", "sitemap", "Horn Times"), site.add_feed("/world/", "listing", "Courier")]
    slugs = list(STORIES)
    for feed, slug in zip(feeds, slugs):
        site.publish(feed, slug, *STORIES[slug])
    db = tmp_path / "watch.duckdb"
    with Running(sources_file(tmp_path, [site.url(f) for f in feeds]), db, blank) as run:
        wait_until(lambda: run.stored() == 4, "the first four articles")
        # later items, one of them linked from two sources, one a copy of a stored text at a new address
        site.publish(feeds[0], slugs[4], *STORIES[slugs[4]])
        site.publish(feeds[2], slugs[4], *STORIES[slugs[4]])
        site.publish(feeds[1], "copy-of-the-talks-story", *STORIES[slugs[1]])
        wait_until(lambda: run.stored() == 5 and len(site.pages_served()) == 6, "the later items")
        # a few more polls, however long they take: nothing is fetched again
        wait_until(lambda: all([hit.status for hit in site.requests(feed)].count(304) >= 2 for feed in feeds),
                   "two unchanged polls of every source")
    assert stored_urls(db) == {site.url(f"/news/{slug}") for slug in slugs}
    ledger = dict(in_store(db, "SELECT url, status FROM watch_urls"))
    assert ledger[site.url("/news/copy-of-the-talks-story")] == "duplicate"
    assert sorted(ledger.values()).count("stored") == 5
    assert set(site.pages_served().values()) == {1}  # no page fetched twice
    assert len(site.pages_served()) == 6
    for feed in feeds:
        statuses = [hit.status for hit in site.requests(feed)]
        assert statuses.count(304) >= 2, (feed, statuses)  # unchanged polls cost a 304
    with Store.open(db, wait=10) as store:
        health = {state.url: state for state in sources(store)}
    assert {state.health for state in health.values()} == {"ok"}
    assert health[site.url(feeds[2])].kind == "sitemap"
    # each stored article is credited to the one source whose poll fetched it: the item listed
    # by two sources goes to whichever of them was polled first, never to both
    items = {feed: health[site.url(feed)].items for feed in feeds}
    assert sum(items.values()) == 5
    assert items[feeds[1]] == 1 and items[feeds[3]] == 1  # the copy is a duplicate, not stored
    assert sorted([items[feeds[0]], items[feeds[2]]]) == [1, 2]


def test_a_poll_that_leaves_items_for_later_keeps_no_validators(tmp_path: Path, site: NewsSite,
                                                                 blank: Analyzer) -> None:
    feed = site.add_feed("/rss.xml", "rss")
    for slug, (title, text) in STORIES.items():
        site.publish(feed, slug, title, text)
    db = tmp_path / "watch.duckdb"
    with Running(sources_file(tmp_path, [site.url(feed)], extra="max_new = 2\n"), db, blank) as run:
        wait_until(lambda: run.stored() == 5, "all five articles")
        wait_until(lambda: len(site.requests(feed)) >= 4, "a poll after the one that took the last items")
    statuses = [hit.status for hit in site.requests(feed)]
    # two items per poll: the listing is read whole three times, then it is unchanged
    assert statuses[:3] == [200, 200, 200] and set(statuses[3:]) == {304}, statuses
    assert set(site.pages_served().values()) == {1}


def test_a_restart_resumes_with_validators_and_fetches_nothing_again(tmp_path: Path, site: NewsSite,
                                                                     blank: Analyzer) -> None:
    feed = site.add_feed("/rss.xml", "rss")
    site.publish(feed, "army-shells-market-in-idlib", *STORIES["army-shells-market-in-idlib"])
    db = tmp_path / "watch.duckdb"
    path = sources_file(tmp_path, [site.url(feed)], every=30)
    with Running(path, db, blank) as run:
        wait_until(lambda: run.stored() == 1, "the first article")
    ((polls, next_poll),) = in_store(db, "SELECT polls, next_poll FROM watch_sources")
    assert polls == 1, run.lines  # (what the watch said, should this fail again under load)
    with Running(path, db, blank):
        time.sleep(3)
    assert len(site.requests(feed)) == 1  # not due yet: the restart keeps the schedule
    in_store(db, "UPDATE watch_sources SET next_poll = TIMESTAMP '2000-01-01'")
    site.publish(feed, "talks-resume-in-nairobi", *STORIES["talks-resume-in-nairobi"])
    with Running(path, db, blank) as run:
        wait_until(lambda: run.stored() == 1, "the second article")
    assert len(stored_urls(db)) == 2
    hits = site.requests(feed)
    assert hits[1].if_none_match is not None  # the restarted watch sent the saved validator
    assert set(site.pages_served().values()) == {1}


def test_a_failing_source_backs_off_and_the_others_go_on(tmp_path: Path, site: NewsSite, blank: Analyzer) -> None:
    good = site.add_feed("/rss.xml", "rss")
    site.behave("/broken.xml", "slow-500")  # a server slow to fail: its answer comes well after the poll began
    site.publish(good, "army-shells-market-in-idlib", *STORIES["army-shells-market-in-idlib"])
    db = tmp_path / "watch.duckdb"
    path = sources_file(tmp_path, [site.url(good), site.url("/broken.xml")], every=1)
    with Running(path, db, blank) as run:
        wait_until(lambda: run.stored() == 1, "the good source's article")
        wait_until(lambda: len(site.requests("/broken.xml")) >= 3, "three tries of the broken source")
        site.publish(good, "talks-resume-in-nairobi", *STORIES["talks-resume-in-nairobi"])
        wait_until(lambda: run.stored() == 2, "the good source's next article")
    assert any("/broken.xml: HTTP 500 Internal Server Error; 3 failure(s) in a row" in line for line in run.lines)
    # the waits double (as the watch says them: a count, not a time) ...
    waits = [float(line.rsplit("next try in ", 1)[1].split()[0]) for line in list(run.lines)
             if "/broken.xml: HTTP 500" in line and "next try in " in line]
    assert waits[:3] == [1.0, 2.0, 4.0]
    # ... and the tries keep to them, each wait counted from the failure: from the moment the
    # site began to answer one try to the moment the next came in, never less than the wait
    # said (no slack: a loaded machine only makes the next try later; a wait counted from
    # when the poll began, before the site's slow answer, comes short by that answer's time)
    tries = sorted(site.requests("/broken.xml"), key=lambda hit: hit.asked)
    answered = [hit.answered for hit in tries if hit.answered is not None]
    assert len(answered) == len(tries), tries
    gaps = [later.asked - began for began, later in zip(answered, tries[1:])]
    assert len(gaps) >= 2 and all(gap >= wait for gap, wait in zip(gaps, waits)), (gaps, waits)
    with Store.open(db, wait=10) as store:
        states = {state.url: state for state in sources(store)}
    broken = states[site.url("/broken.xml")]
    assert broken.health == "failing" and broken.failures >= 3 and broken.last_status == 500
    assert broken.last_error == "HTTP 500 Internal Server Error"
    assert states[site.url(good)].health == "ok" and states[site.url(good)].items == 2

    site.behave("/broken.xml", None)  # it recovers
    site.add_feed("/broken.xml", "rss")
    in_store(db, "UPDATE watch_sources SET next_poll = TIMESTAMP '2000-01-01'")
    with Running(path, db, blank) as run:
        wait_until(lambda: any(hit.status == 200 for hit in site.requests("/broken.xml")), "the source's recovery")
        # the watch has taken the answer in (it saves its state as it stops)
        wait_until(lambda: any("/broken.xml: answering again after" in line for line in list(run.lines)),
                   "the watch to note the recovery")
    assert any("/broken.xml: answering again after" in line for line in run.lines)
    with Store.open(db, wait=10) as store:
        recovered = {state.url: state for state in sources(store)}[site.url("/broken.xml")]
    assert recovered.health == "ok" and recovered.failures == 0 and recovered.last_error is None


def test_pages_that_fail_are_retried_only_when_it_may_help(tmp_path: Path, site: NewsSite, blank: Analyzer) -> None:
    feed = site.add_feed("/rss.xml", "rss")
    site.publish(feed, "army-shells-market-in-idlib", *STORIES["army-shells-market-in-idlib"])
    site.publish(feed, "talks-resume-in-nairobi", *STORIES["talks-resume-in-nairobi"])
    site.behave("/news/army-shells-market-in-idlib", "500")  # may answer later
    site.behave("/news/talks-resume-in-nairobi", "huge")  # never will
    db = tmp_path / "watch.duckdb"
    with Running(sources_file(tmp_path, [site.url(feed)]), db, blank):
        wait_until(lambda: len(site.requests("/news/army-shells-market-in-idlib")) == MAX_ATTEMPTS,
                   "the transient failure's retries")
        time.sleep(3)
    assert len(site.requests("/news/army-shells-market-in-idlib")) == MAX_ATTEMPTS
    assert len(site.requests("/news/talks-resume-in-nairobi")) == 1
    ledger = {url: (status, attempts, error) for url, status, attempts, error in
              in_store(db, "SELECT url, status, attempts, last_error FROM watch_urls")}
    assert ledger[site.url("/news/army-shells-market-in-idlib")] == ("failed", MAX_ATTEMPTS,
                                                                     "HTTP 500 Internal Server Error")
    status, attempts, error = ledger[site.url("/news/talks-resume-in-nairobi")]
    assert (status, attempts) == ("failed", 1) and error.startswith("too large")


def test_a_sitemap_index_is_read_at_every_poll_and_its_sitemaps_conditionally(tmp_path: Path, site: NewsSite,
                                                                               blank: Analyzer) -> None:
    child = site.add_feed("/sitemaps/2025-03.xml", "sitemap", "Horn Times")
    index = site.add_index("/sitemap.xml", [child])
    site.publish(child, "army-shells-market-in-idlib", *STORIES["army-shells-market-in-idlib"])
    db = tmp_path / "watch.duckdb"
    with Running(sources_file(tmp_path, [site.url(index)]), db, blank) as run:
        wait_until(lambda: run.stored() == 1, "the first article")
        site.publish(child, "talks-resume-in-nairobi", *STORIES["talks-resume-in-nairobi"])  # the index stays as it was
        wait_until(lambda: run.stored() == 2, "the article its sitemap added")

        def unchanged_since_the_second_article() -> bool:
            statuses = [hit.status for hit in site.requests(child)]
            second = [i for i, status in enumerate(statuses) if status == 200][1:2]
            return bool(second) and 304 in statuses[second[0]:]

        wait_until(unchanged_since_the_second_article, "a poll of the sitemap after its second article")
    assert all(hit.if_none_match is None for hit in site.requests(index))  # read whole each time
    child_statuses = [hit.status for hit in site.requests(child)]
    assert child_statuses.count(200) == 2 and 304 in child_statuses
    assert set(site.pages_served().values()) == {1}


def test_a_save_the_stop_cut_short_is_made_by_the_last_save(tmp_path: Path) -> None:
    """The saver saves the sources' state every second in the store thread; stopping
    cancels it, maybe while its save still waits behind other store work (a batch being
    stored). That save never runs, and the last save, as the watch stops, must make it:
    it once lost the state of the polls since the previous save (the restart and backoff
    tests above saw a source's old poll and item counts on a loaded machine)."""
    config = load_sources(sources_file(tmp_path, ["http://127.0.0.1:9/rss.xml"]))
    url = config.sources[0].url
    db = tmp_path / "watch.duckdb"
    with Store.open(db, wait=10) as store:
        prepare(store)
        states = sync_sources(store, config.sources)
    watcher = _Watcher(config, Options(db_path=db), db, states, say=lambda _: None, note=lambda _: None)

    async def stop_while_a_save_waits() -> None:
        watcher._loop = asyncio.get_running_loop()
        with ThreadPoolExecutor(1) as store_thread:
            watcher._store_pool = store_thread
            busy = threading.Event()
            store_thread.submit(busy.wait, WAIT_SECONDS)  # the store thread at other work
            watcher.states[url] = dataclasses.replace(watcher.states[url], polls=3, items=2)
            watcher._dirty.add(url)
            saver = asyncio.create_task(watcher._save())
            await asyncio.sleep(0.1)  # the save waits for the store thread
            saver.cancel()  # the watch stops
            with contextlib.suppress(asyncio.CancelledError):
                await saver
            busy.set()
            await watcher._save()  # the last save

    asyncio.run(stop_while_a_save_waits())
    assert in_store(db, "SELECT polls, items FROM watch_sources") == [(3, 2)]
