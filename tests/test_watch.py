"""`sitroom watch` end to end: a real subprocess with the real model, against a `NewsSite`
on loopback whose feeds change while it runs, some of whose sources fail in every way a
source fails, with alert rules delivered to a file and to a webhook that fails at first.
Stopped with SIGTERM (it finishes the batch in hand and exits 0) and killed with SIGKILL
(nothing stored is lost, nothing is stored twice)."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from sitroom.store import Store
from sitroom.watch import sources as watched
from sitroom.watch.state import run_sql
from test_watch_site import NewsSite

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[1] / "src"
WAIT_SECONDS = 180.0
SITE, HOOKS, SLOW = "127.0.0.1", "127.0.0.2", "127.0.0.3"  # one address per host the watch must treat apart

# Reports written for these tests: one shelling told by three outlets (the toll rises,
# then a third outlet confirms it), a threat, and news no rule wants.
SHELLING_12 = ("Shelling kills 12 in Idlib market",
               "Syrian government forces shelled a crowded market in the town of Maarat al-Numan in Idlib province on "
               "Tuesday, killing 12 civilians, the Syrian Observatory for Human Rights said.\n\nThe Britain-based "
               "monitor said at least 30 people were wounded in the attack, which struck shortly after midday as "
               "residents bought food.\n\nRescue workers pulled bodies from the rubble of several shops, witnesses said.")
SHELLING_19 = ("Death toll in Idlib market shelling rises to 19",
               "Syrian government forces shelled a crowded market in the town of Maarat al-Numan in Idlib province on "
               "Tuesday, killing 19 civilians, rescue workers said on Wednesday.\n\nThe toll rose overnight as more "
               "bodies were recovered from the rubble, the White Helmets civil defence group said.\n\nDozens of "
               "people were wounded, according to local doctors.")
SHELLING_CONFIRMED = ("Nineteen dead in Idlib market attack",
                      "Syrian government forces shelled a crowded market in the town of Maarat al-Numan in Idlib "
                      "province on Tuesday, killing 19 civilians, a local doctor told reporters.\n\nThe doctor said "
                      "the town's only hospital was overwhelmed.")
PORTS = ("Russia plans to attack Ukrainian ports, officials say",
         "Russia plans to attack Ukraine's ports, Ukrainian officials said on Thursday.\n\nThe warning came after a "
         "week of drone strikes on grain terminals along the Danube.")
TALKS = ("Kenya hosts Somalia talks",
         "Kenya's president met Somalia's prime minister in Nairobi on Thursday to discuss security along their "
         "shared border, officials said.\n\nThe two leaders agreed to set up a joint committee on refugees.")


def environment() -> dict[str, str]:
    return {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}


def start(sources: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "sitroom.cli", "watch", str(sources), "--db", str(db), *extra],
                            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stop(process: subprocess.Popen[str]) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=WAIT_SECONDS)
    return process.returncode, err


def wait_until(check: Callable[[], bool], what: str, process: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the watch ended while waiting for {what}: {process.communicate()[1][-3000:]}")
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.3)


def query(db: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read the store from this process while the watch (another process) writes it."""
    if not db.exists():
        return []
    with Store.open(db, read_only=True, wait=60) as store:
        return run_sql(store, sql)


def alert_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_sources(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.fixture()
def site() -> Iterator[NewsSite]:
    with NewsSite(hosts=(SITE, HOOKS, SLOW)) as served:
        yield served


def test_the_watch_stores_new_items_once_reports_failing_sources_and_alerts(tmp_path: Path, site: NewsSite) -> None:
    rss = site.add_feed("/world/rss.xml", "rss", "Levant Wire")
    atom = site.add_feed("/gulf/atom.xml", "atom", "Gulf Daily")
    sitemap = site.add_feed("/sitemap-news.xml", "sitemap", "Horn Times")
    listing = site.add_feed("/courier/", "listing", "Eastern Courier")
    site.behave("/broken.xml", "500")
    site.behave("/garbage.xml", "garbage")
    site.behave("/hangs.xml", "hang")
    site.behave("/huge/", "huge-stream")
    site.hook_failures["/hooks/ops"] = 2
    site.publish(rss, "shelling-kills-12-in-idlib-market", *SHELLING_12, outlet="Levant Wire")
    site.publish(sitemap, "kenya-hosts-somalia-talks", *TALKS, outlet="Horn Times")
    failing = {site.url("/broken.xml"): "HTTP 500", site.url("/garbage.xml"): "not a readable RSS/Atom feed",
               site.url("/hangs.xml", SLOW): "timeout", site.url("/huge/", SLOW): "too large",
               "http://sitroom-test.invalid/world/rss.xml": "cannot resolve the host name"}
    sources = write_sources(tmp_path, f"""
[watch]
contact = "desk@sitroom.test"
delay = 0.1
timeout = 3
batch_wait = 0.5

{''.join(f'[[source]]{chr(10)}url = "{url}"{chr(10)}every = 2{chr(10)}' for url in
         [site.url(rss), site.url(atom), site.url(sitemap), site.url(listing)])}
{''.join(f'[[source]]{chr(10)}url = "{url}"{chr(10)}every = 2{chr(10)}' for url in failing)}
[[alert]]
name = "deadly-syria"
code = ["18", "19", "20"]
country = "SYR"
min_killed = 10
file = "alerts.jsonl"
webhook = "{site.url('/hooks/ops', HOOKS)}"

[[alert]]
name = "russia-ukraine-threats"
actor = ["RUS", "UKR"]
modality = "threatened"
file = "threats.jsonl"
""")
    db = tmp_path / "news.duckdb"
    alerts, threats = tmp_path / "alerts.jsonl", tmp_path / "threats.jsonl"
    watch = start(sources, db)
    try:
        def syria(reason: str) -> list[dict[str, Any]]:
            return [a for a in alert_lines(alerts) if a["reason"] == reason
                    and (a["event"]["source_actor"] or {}).get("code") == "SYRMIL"]

        wait_until(lambda: syria("new"), "the first alert", watch)
        (new,) = syria("new")
        assert new["rule"] == "deadly-syria" and new["killed"] == 12 and new["outlets"] == 1
        event_id = new["event_id"]
        site.publish(atom, "death-toll-in-idlib-market-shelling-rises-to-19", *SHELLING_19, outlet="Gulf Daily")
        wait_until(lambda: syria("toll rose"), "the toll-rose alert", watch)
        (rose,) = syria("toll rose")
        assert rose["event_id"] == event_id and rose["killed"] == 19 and rose["outlets"] == 2
        site.publish(listing, "nineteen-dead-in-idlib-market-attack", *SHELLING_CONFIRMED, outlet="Eastern Courier")
        site.publish(listing, "russia-plans-to-attack-ukrainian-ports", *PORTS, outlet="Eastern Courier")
        wait_until(lambda: syria("confirmed by another outlet") and alert_lines(threats), "the last alerts", watch)
        (confirmed,) = syria("confirmed by another outlet")
        assert confirmed["event_id"] == event_id and confirmed["outlets"] == 3 and confirmed["killed"] == 19
        (threat,) = alert_lines(threats)
        assert threat["rule"] == "russia-ukraine-threats" and threat["event"]["modality"] == "threatened"
        # the webhook failed twice, then took every alert of its rule, each once
        wait_until(lambda: len(site.posted("/hooks/ops")) == len(alert_lines(alerts)), "the webhook deliveries")
        # what the checks below need has happened, however fast the rest went: an unchanged
        # poll of every feed, three tries of the garbage (two backoffs), and every failing
        # source's failure saved (the hanging one's comes only after its 3 s timeout)
        wait_until(lambda: all(304 in {hit.status for hit in site.requests(feed)} for feed in (rss, atom, sitemap, listing))
                   and len(site.requests("/garbage.xml")) >= 3, "unchanged polls and three garbage tries", watch)
        wait_until(lambda: {url for url, failures in query(db, "SELECT url, failures FROM watch_sources")
                            if failures} >= set(failing), "every failing source's failure saved", watch)
        health = subprocess.run([sys.executable, "-m", "sitroom.cli", "sources", "--db", str(db), "--json"],
                                env=environment(), capture_output=True, text=True, timeout=120)
        assert health.returncode == 0, health.stderr
    finally:
        code, err = stop(watch)
    assert code == 0, err
    assert "Stopped: " in err

    assert sorted(a["reason"] for a in alert_lines(alerts) if a["event_id"] == event_id) == [
        "confirmed by another outlet", "new", "toll rose"]  # once per event, then once per material change
    posted = site.posted("/hooks/ops")
    assert sorted((p["id"], p["reason"]) for p in posted) == sorted((a["id"], a["reason"]) for a in alert_lines(alerts))
    assert len(site.requests("/hooks/ops", method="POST")) == len(posted) + 2

    rows = {row["url"]: row for row in json.loads(health.stdout)}
    for url in (site.url(rss), site.url(atom), site.url(sitemap), site.url(listing)):
        assert rows[url]["health"] == "ok" and rows[url]["failures"] == 0, rows[url]
    for url, problem in failing.items():
        assert rows[url]["health"] == "failing" and rows[url]["failures"] >= 1, rows[url]
        assert problem in rows[url]["last_error"], rows[url]
    assert rows[site.url(sitemap)]["kind"] == "sitemap" and rows[site.url(listing)]["kind"] == "listing"

    served = site.pages_served()
    assert len(served) == 5 and set(served.values()) == {1}  # every item fetched, none twice
    stored = {url for (url,) in query(db, "SELECT url FROM articles")}
    assert stored == {site.url(path) for path in served}
    assert site.most_active[SITE] == 1  # one request at a time on each host
    for feed in (rss, atom, sitemap, listing):
        assert 304 in {hit.status for hit in site.requests(feed)}
    assert all(hit.agent.startswith("sitroom/") and "desk@sitroom.test" in hit.agent for hit in site.requests())
    # backing off: the waits the watch said double, and the tries kept to them, each wait
    # counted from the failure: from the moment the site began to answer one try to the
    # moment the next came in (no slack: a loaded machine only makes a try later)
    waits = [float(line.rsplit("next try in ", 1)[1].split()[0]) for line in err.splitlines()
             if "/garbage.xml:" in line and "next try in " in line]
    assert waits[:3] == [2.0, 4.0, 8.0], waits
    garbage_tries = sorted(site.requests("/garbage.xml"), key=lambda hit: hit.asked)
    answered = [hit.answered for hit in garbage_tries if hit.answered is not None]
    assert len(garbage_tries) >= 3 and len(answered) == len(garbage_tries)
    gaps = [later.asked - began for began, later in zip(answered, garbage_tries[1:])]
    assert all(gap >= wait for gap, wait in zip(gaps, waits)), (gaps, waits)


def publish_many(site: NewsSite, feed: str, count: int, seed: int) -> list[str]:
    """`count` short reports (each its own text) on `feed`; their page paths."""
    rng = random.Random(seed)
    towns = ["Goma", "Bunia", "Kharkiv", "Marib", "Omdurman", "Sittwe", "Baidoa", "Rafah"]
    forces = ["Rebel fighters", "Army troops", "Militiamen", "Government forces"]
    paths = []
    for i in range(count):
        town, force = rng.choice(towns), rng.choice(forces)
        text = (f"{force} attacked a village near {town} on Monday, killing {rng.randint(2, 40)} people, local "
                f"officials said.\n\nResidents of the village, report {i}, fled toward the main road.")
        paths.append(site.publish(feed, f"report-{seed}-{i}-from-{town.lower()}", f"Attack near {town} ({i})", text))
    return paths


def test_sigterm_stores_the_pages_in_hand_and_exits_0_and_a_restart_resumes(tmp_path: Path, site: NewsSite) -> None:
    feed = site.add_feed("/wire/rss.xml", "rss", "Test Wire")
    pages = publish_many(site, feed, 24, seed=3)
    sources = write_sources(tmp_path, f"""
[watch]
delay = 0.3
batch = 4
batch_wait = 1
max_new = 8

[[source]]
url = "{site.url(feed)}"
every = 2
""")
    db = tmp_path / "news.duckdb"
    watch = start(sources, db)
    wait_until(lambda: len(site.pages_served()) >= 6, "some pages fetched", watch)
    code, err = stop(watch)
    assert code == 0, err
    assert "Stopping: finishing the requests under way" in err
    fetched = set(site.pages_served())
    stored = {url for (url,) in query(db, "SELECT url FROM articles")}
    assert stored == {site.url(path) for path in fetched}  # every page fetched was stored before it exited
    assert len(fetched) < len(pages)  # it stopped early

    watch = start(sources, db)
    try:
        wait_until(lambda: len(query(db, "SELECT id FROM articles")) == len(pages), "the rest of the pages", watch)
    finally:
        code, err = stop(watch)
    assert code == 0, err
    assert set(site.pages_served().values()) == {1}  # the restart fetched none of them again
    assert {url for (url,) in query(db, "SELECT url FROM articles")} == {site.url(path) for path in pages}
    ((polls,),) = query(db, "SELECT polls FROM watch_sources")
    assert polls >= 2


def test_sigkill_loses_nothing_stored_and_stores_nothing_twice(tmp_path: Path, site: NewsSite) -> None:
    feed = site.add_feed("/wire/rss.xml", "rss", "Test Wire")
    pages = publish_many(site, feed, 30, seed=5)
    sources = write_sources(tmp_path, f"""
[watch]
delay = 0.1
batch = 4
batch_wait = 0.5

[[source]]
url = "{site.url(feed)}"
every = 1
""")
    db = tmp_path / "news.duckdb"
    kept: set[str] = set()
    for kill in range(3):
        if len(kept) == len(pages):
            break
        watch = start(sources, db)
        wait_until(lambda: len(query(db, "SELECT id FROM articles")) > len(kept), "another batch stored", watch)
        time.sleep(random.Random(kill).uniform(0.0, 1.5))  # a kill at any moment
        watch.send_signal(signal.SIGKILL)
        watch.communicate(timeout=60)
        now = {url for (url,) in query(db, "SELECT url FROM articles")}
        assert kept <= now  # nothing stored was lost
        kept = now
    polled = len(site.requests(feed))
    watch = start(sources, db)
    try:
        wait_until(lambda: len(query(db, "SELECT url FROM watch_urls WHERE status = 'stored'")) == len(pages),
                   "every page stored and recorded", watch)
        wait_until(lambda: len(site.requests(feed)) > polled, "a poll of the restarted watch", watch)
    finally:
        code, err = stop(watch)
    assert code == 0, err
    rows = query(db, "SELECT url, count(*) FROM articles GROUP BY url")
    assert len(rows) == len(pages) and {count for _, count in rows} == {1}
    ledger = dict(query(db, "SELECT url, status FROM watch_urls"))
    assert set(ledger.values()) == {"stored"} and len(ledger) == len(pages)
    # a page is fetched again only if a kill came after its fetch and before its batch was stored
    assert sum(site.pages_served().values()) <= len(pages) + 3 * 16


def test_the_analysis_runs_on_a_dask_cluster(tmp_path: Path, site: NewsSite) -> None:
    from distributed import Client, LocalCluster

    feed = site.add_feed("/world/rss.xml", "rss", "Levant Wire")
    site.publish(feed, "shelling-kills-12-in-idlib-market", *SHELLING_12, outlet="Levant Wire")
    site.publish(feed, "kenya-hosts-somalia-talks", *TALKS, outlet="Levant Wire")
    sources = write_sources(tmp_path, f'[watch]\ndelay = 0.1\nbatch_wait = 0.5\n\n[[source]]\nurl = "{site.url(feed)}"\n'
                                      "every = 2\n")
    db = tmp_path / "news.duckdb"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster.scheduler_address) as client:
        watch = start(sources, db, "--scheduler", cluster.scheduler_address)
        try:
            wait_until(lambda: len(query(db, "SELECT id FROM articles")) == 2, "both articles", watch)
        finally:
            code, err = stop(watch)
        assert code == 0, err

        def analysed() -> int:
            from sitroom.parallel import _worker_analyzer
            return _worker_analyzer.cache_info().currsize

        assert list(client.run(analysed).values()) == [1]  # the worker built its analyzer and did the work
    codes = {code for (code,) in query(db, "SELECT event_code FROM events")}
    assert "194" in codes and "044" in codes
    with Store.open(db, read_only=True) as store:
        assert [state.health for state in watched(store)] == ["ok"]
