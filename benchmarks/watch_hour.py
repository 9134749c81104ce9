"""A simulated hour of `sitroom watch` on 200 feeds, time compressed.

    .venv/bin/python benchmarks/watch_hour.py                      # 200 feeds, one hour at 20x
    .venv/bin/python benchmarks/watch_hour.py --feeds 50 --minutes 20 --compress 10

A `NewsSite` (tests/test_watch_site.py) serves FEEDS feeds (RSS, Atom, news sitemaps and
listing pages) spread over HOSTS loopback addresses (127.0.1.x: one host each, so the
per-host turns and delays are real). Each feed starts with a few stories; new stories
appear at random moments through the hour (ITEMS per feed per hour on average). A real
`sitroom watch` subprocess with the real model polls every feed every EVERY seconds,
with DELAY seconds between two requests to one host. Every duration is divided by
COMPRESS: the watch runs in real time on compressed intervals, and the figures are
given back in simulated time (real seconds times COMPRESS).

Printed: requests made against the minimum needed (a robots.txt per host, a listing per
feed and per change, a page per story; every other poll is a conditional request
answered 304 with no body), the time from a story's appearance on the site to its
article and events in the store, the watch process's resident memory over the run (the
peak of each tenth of the hour: flat when nothing grows with time), and whether any
page was fetched twice.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_watch_site import NewsSite  # noqa: E402  (the tests' news site)

from sitroom.store import Store  # noqa: E402
from sitroom.watch.state import run_sql  # noqa: E402

KINDS = ("rss",) * 6 + ("atom",) * 2 + ("sitemap", "listing")
FORCES = ["Rebel fighters", "Army troops", "Militiamen", "Government forces", "Police", "Protesters", "Drones"]
ACTS = ["attacked", "shelled", "raided", "stormed", "blockaded", "marched on", "struck"]
PLACES = ["Goma", "Bunia", "Kharkiv", "Marib", "Omdurman", "Sittwe", "Baidoa", "Rafah", "Gao", "Kidal", "Mosul",
          "Lashio", "Tripoli", "Benghazi", "Juba", "Bamako"]
FOLLOW = ["Residents fled toward the main road.", "The government promised an inquiry.",
          "Aid groups warned of shortages of food and medicine.", "The United Nations called for calm.",
          "Both sides accused each other of breaking a truce agreed last month."]
FIRST_DAY, DAYS = dt.date(2024, 1, 1), 365  # the days the reports are dated
INITIAL_STORIES = (1, 3)  # stories each feed holds when the hour begins
SAMPLE_SECONDS = 0.5  # how often the watch's memory is read (real time)
DRAIN_SECONDS = 120.0  # real seconds the watch gets after the hour to store the last stories
WARM_UP_SECONDS = 900.0  # real seconds the watch gets to load the model and store the first stories


def story(rng: random.Random, feed: int, number: int) -> tuple[str, str, str, str]:
    """(slug, title, text, publication day) of a short report: a day of the last year, so
    that, as in the news, most reports are of events of their own and a few of one event."""
    place = rng.choice(PLACES)
    day = (FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
    text = (f"{rng.choice(FORCES)} {rng.choice(ACTS)} a district of {place} on Monday, killing "
            f"{rng.randint(2, 60)} people, local officials said.\n\n{rng.choice(FOLLOW)} {rng.choice(FOLLOW)}\n\n"
            f"The report, number {number} of desk {feed}, was filed from {place}.")
    return f"report-{feed}-{number}-from-{place.lower()}", f"Fighting in {place} ({feed}.{number})", text, day


def stored_count(db: Path) -> int:
    """Articles in the store, read from this process while the watch writes it."""
    if not db.exists():
        return 0
    with Store.open(db, read_only=True, wait=60) as store:
        return run_sql(store, "SELECT count(*) FROM articles")[0][0]


def percentile(values: list[float], share: float) -> float:
    """The value `share` of the way up the sorted `values`."""
    return values[int(share * (len(values) - 1))]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--minutes", type=float, default=60.0, help="simulated minutes")
    parser.add_argument("--compress", type=float, default=20.0, help="simulated seconds per real second")
    parser.add_argument("--every", type=float, default=300.0, help="simulated seconds between polls of a feed")
    parser.add_argument("--delay", type=float, default=1.0, help="simulated seconds between requests to one host")
    parser.add_argument("--items", type=float, default=2.0, help="new stories per feed per simulated hour")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    hour = args.minutes * 60 / args.compress  # real seconds
    hosts = tuple(f"127.0.1.{i + 1}" for i in range(args.hosts))
    schedule: list[tuple[float, int, tuple[str, str, str, str]]] = []  # (real offset, feed, story)
    with tempfile.TemporaryDirectory(prefix="sitroom-watch-hour-") as folder, \
            NewsSite(hosts=hosts, keep_bodies=False) as site:
        work = Path(folder)
        feeds: list[tuple[str, str]] = []  # (path, host)
        initial = 0
        for f in range(args.feeds):
            kind = KINDS[f % len(KINDS)]
            path = site.add_feed(f"/desk{f}/{'sitemap.xml' if kind == 'sitemap' else kind}", kind, f"Desk {f}")
            feeds.append((path, hosts[f % len(hosts)]))
            for n in range(rng.randint(*INITIAL_STORIES)):
                slug, title, text, day = story(rng, f, n)
                site.publish(path, slug, title, text, published=day)
                initial += 1
            count = sum(1 for _ in range(int(args.items * args.minutes / 60 * 10)) if rng.random() < 0.1)
            for n in range(count):
                schedule.append((rng.uniform(0, hour), f, story(rng, f, 100 + n)))
        schedule.sort()
        sources = work / "sources.toml"
        sources.write_text(
            f"[watch]\ndelay = {args.delay / args.compress}\ntimeout = 10\nbatch_wait = 0.5\n"
            + "".join(f'\n[[source]]\nurl = "{site.url(path, host)}"\nevery = {args.every / args.compress}\n'
                      for path, host in feeds), encoding="utf-8")
        db = work / "watch.duckdb"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        watch = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "watch", str(sources), "--db", str(db),
                                  "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        samples: list[tuple[float, int]] = []  # (monotonic time, resident kB)
        appeared: dict[str, float] = {}  # page URL -> wall time it appeared during the hour
        done = threading.Event()

        def sample() -> None:
            while not done.is_set() and watch.poll() is None:
                samples.append((time.monotonic(), rss_kb(watch.pid)))
                time.sleep(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # warm-up: the model loads and the stories already there are fetched; the hour
        # (and the latency measured over it) begins once they are stored
        warm_start = time.monotonic()
        while stored_count(db) < initial:
            if watch.poll() is not None or time.monotonic() - warm_start > WARM_UP_SECONDS:
                raise SystemExit(f"the watch did not store the first {initial} stories: {watch.stderr.read()[-2000:]}")
            time.sleep(1)
        warm_up = time.monotonic() - warm_start
        began, began_wall = time.monotonic(), time.time()
        for offset, f, (slug, title, text, day) in schedule:
            time.sleep(max(0.0, began + offset - time.monotonic()))
            path, host = feeds[f]
            site.publish(path, slug, title, text, published=day)
            appeared[site.url(f"/news/{slug}", host)] = time.time()
        time.sleep(max(0.0, began + hour - time.monotonic()))
        hour_ended, hour_ended_wall = time.monotonic(), time.time()
        total = initial + len(schedule)
        deadline = time.monotonic() + DRAIN_SECONDS
        while time.monotonic() < deadline and watch.poll() is None:
            if sum(1 for hit in site.requests() if hit.path.startswith("/news/") and hit.status == 200) >= total:
                break
            time.sleep(1)
        time.sleep(2)
        watch.send_signal(signal.SIGTERM)
        _, err = watch.communicate(timeout=300)
        done.set()
        sampler.join()
        if watch.returncode != 0:
            raise SystemExit(f"the watch failed ({watch.returncode}): {err[-2000:]}")

        with Store.open(db, read_only=True) as store:
            stored = dict(run_sql(store, "SELECT url, epoch_us(ingested_at) FROM articles"))
            events = run_sql(store, "SELECT count(*) FROM events")[0][0]
        hits = site.requests()
        site_port = site.port

    feed_paths = {path for path, _ in feeds}
    feed_hits = [h for h in hits if h.path in feed_paths]
    page_hits = Counter(h.path for h in hits if h.path.startswith("/news/") and h.status == 200)
    robots = sum(1 for h in hits if h.path == "/robots.txt")
    bodies = sum(1 for h in hits if h.status == 200)
    feed_full = sum(1 for h in feed_hits if h.status == 200)
    feed_304 = sum(1 for h in feed_hits if h.status == 304)
    changes = len(schedule)
    minimum = args.hosts + args.feeds + changes + total
    scheduled = args.feeds * (args.minutes * 60 / args.every)
    latencies = sorted((stored[url] / 1e6 - appeared[url]) * args.compress for url in appeared if url in stored)
    missing = [url for url in appeared if url not in stored]
    tenth = hour / 10
    peaks = []
    for i in range(10):
        window = [kb for at, kb in samples if began + i * tenth <= at < began + (i + 1) * tenth]
        peaks.append(max(window) / 1024 if window else 0.0)
    after = [kb for at, kb in samples if at >= hour_ended]

    def minutes(seconds: float) -> str:
        return f"{seconds / 60:.1f} min"

    print(f"sitroom watch, a simulated hour: {args.feeds} feeds on {args.hosts} hosts, polled every "
          f"{args.every:g} s, {args.delay:g} s between requests to a host, time compressed {args.compress:g}x "
          f"({hour:.0f} s real); {dt.date.today()}")
    print(f"warm-up (model loaded, the {initial} stories already there stored): {warm_up:.0f} s real")
    print(f"stories: {initial} there at the start, {changes} appeared during the hour; {len(stored)} stored, "
          f"{len(missing)} of the hour's not stored; {events} events in the store")
    print(f"requests made: {len(hits)} = {robots} robots.txt + {len(feed_hits)} listing polls ({feed_304} answered "
          f"304 without a body, {feed_full} with one) + {sum(page_hits.values())} article pages")
    print(f"requests with a body: {bodies}; minimum needed: {minimum} = {args.hosts} robots.txt + {args.feeds} first "
          f"listings + {changes} changed listings + {total} pages (ratio {bodies / minimum:.2f})")
    in_hour = sum(1 for h in feed_hits if began_wall <= h.at < hour_ended_wall)
    print(f"listing polls during the hour: {in_hour} made, {scheduled:.0f} at one per feed per interval "
          f"({in_hour / scheduled:.2f})")
    if latencies:
        print(f"appearance to stored event (simulated): median {minutes(statistics.median(latencies))}, "
              f"90th percentile {minutes(percentile(latencies, 0.9))}, max {minutes(latencies[-1])} "
              f"(poll interval {minutes(args.every)})")
        fetched = {f"http://{h.host}:{site_port}{h.path}": h.at for h in hits
                   if h.path.startswith("/news/") and h.status == 200}
        waits = sorted((fetched[url] - appeared[url]) * args.compress for url in appeared if url in fetched)
        work_seconds = sorted(stored[url] / 1e6 - fetched[url] for url in appeared if url in stored and url in fetched)
        print(f"  of which appearance to page fetched (polling, simulated): median {minutes(statistics.median(waits))}, "
              f"90th percentile {minutes(percentile(waits, 0.9))}, max {minutes(waits[-1])}")
        print(f"  and page fetched to stored (batching, analysis, fusion; real seconds, which the compression "
              f"multiplies by {args.compress:g} above): median {statistics.median(work_seconds):.1f} s, 90th "
              f"percentile {percentile(work_seconds, 0.9):.1f} s, max {work_seconds[-1]:.1f} s")
    print("watch memory, peak per tenth of the hour (MB): " + " ".join(f"{peak:.0f}" for peak in peaks)
          + (f"; after the hour {max(after) / 1024:.0f}" if after else ""))
    twice = [path for path, count in page_hits.items() if count > 1]
    print(f"pages fetched twice: {len(twice)}" + (f" ({', '.join(twice[:5])})" if twice else ""))


if __name__ == "__main__":
    main()
