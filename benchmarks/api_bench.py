"""Response times of every API endpoint on a store of 100,000 synthetic events.

    python benchmarks/api_bench.py                       # builds /tmp/sitroom-bench-100k.duckdb once
    python benchmarks/api_bench.py --events 20000 --db /tmp/small.duckdb --rounds 20

The store is written through `Store.add_articles` with synthetic `Article`/`Event`
records: dates over three years (a few undated), every CAMEO code of the lexicon,
actors from 40 countries in five roles, places inside the countries of the map's own
boundaries, and one event in twenty reported by a second article (so records carry
several pieces of evidence). The script then starts `sitroom serve` in a subprocess and
times `--rounds` sequential requests per endpoint from this process over loopback,
printing the median and 95th percentile.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from sitroom.knowledge.events import EventLexicon
from sitroom.records import Actor, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import TOKEN, percentile, start_server  # noqa: E402  (a sibling script, not a package)

WORLD = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "server" / "static" / "countries.geojson"
EVENTS_PER_ARTICLE = 5
ARTICLES_PER_BATCH = 500
DAYS = 3 * 365
FIRST_DAY = date(2022, 1, 1)
ROLES = ("", "GOV", "MIL", "REB", "CVL")
VERBS = ("shelled", "met", "criticised", "attacked", "visited", "threatened", "praised", "blockaded")
SHARE_UNDATED = 0.05
SHARE_REPORTED_TWICE = 0.05
SEED = 20240601
POST_ROUNDS = 5


def countries() -> list[tuple[str, str, tuple[float, float, float, float]]]:
    """(alpha-3, name, bounding box) of the map's countries, for plausible places."""
    found = []
    for feature in json.loads(WORLD.read_text(encoding="utf-8"))["features"]:
        code = feature["properties"]["iso_a3"]
        if not code:
            continue
        points = [p for polygon in feature["geometry"]["coordinates"] for ring in polygon for p in ring]
        lons = [min(max(p[0], -180), 180) for p in points]
        lats = [p[1] for p in points]
        found.append((code, feature["properties"]["name"], (min(lons), min(lats), max(lons), max(lats))))
    return found


def build(path: Path, n_events: int) -> float:
    """Write `n_events` synthetic events to a new store at `path`; returns the seconds it took."""
    rng = random.Random(SEED)
    codes = sorted(EventLexicon.load().codes.items())
    world = countries()
    actor_countries = rng.sample(world, 40)
    actors = [(f"{code}{role}", f"{name} {role or 'state'}".strip(), code)
              for code, name, _ in actor_countries for role in ROLES]
    places = []
    for i in range(400):
        code, name, (x0, y0, x1, y1) = rng.choice(world[:60] if i % 2 else actor_countries)
        places.append((f"Town {i} of {name}", code, rng.uniform(y0, y1), rng.uniform(x0, x1)))
    started = time.perf_counter()
    batch: list[tuple[Article, list[Sentence], list[Event]]] = []
    previous: list[Event] = []
    with Store.open(path) as store:
        made = 0  # distinct events so far; re-reports add evidence, not events
        a = 0
        while made < n_events:
            article_id = f"bench-{a // EVENTS_PER_ARTICLE:06d}"
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            lines, sentences, events = [], [], []
            offset = 0
            for i in range(min(EVENTS_PER_ARTICLE, n_events - made)):
                event = None
                if previous and rng.random() < SHARE_REPORTED_TWICE:
                    again = [e for e in previous if e.id not in {x.id for x in events}]
                    event = rng.choice(again) if again else None  # reported again: same id, once per article
                if event is None:
                    code, entry = rng.choice(codes)
                    source, target = rng.sample(actors, 2)
                    place = rng.choice(places)
                    when = None if rng.random() < SHARE_UNDATED else (day - timedelta(days=rng.randrange(3)))
                    event = Event(
                        id=f"e{a + i:07d}", event_code=code, event_label=entry.label, plover_type=entry.plover,
                        acled_event_type=entry.acled_event_type, acled_sub_event_type=entry.acled_sub_event_type,
                        source_actor=Actor(text=source[1], name=source[1], code=source[0], country=source[2]),
                        target_actor=Actor(text=target[1], name=target[1], code=target[0], country=target[2]),
                        date=when.isoformat() if when else None, date_precision="day",
                        location=Place(name=place[0], country=place[1], admin1=None, lat=round(place[2], 4),
                                       lon=round(place[3], 4), precision="city"),
                        fatalities=Fatalities(killed=rng.randrange(50)) if code.startswith(("18", "19", "20"))
                        else None,
                        attribution=None, modality="asserted", historical=False, evidence=(), confidence=0.7,
                        rule="benchmark",
                    )
                    made += 1
                source_name = event.source_actor.name if event.source_actor else "Someone"
                target_name = event.target_actor.name if event.target_actor else "someone"
                place_name = event.location.name if event.location else "somewhere"
                line = f"{source_name} {rng.choice(VERBS)} {target_name} near {place_name}, officials said."
                sentences.append(Sentence(index=i, start=offset, end=offset + len(line), text=line))
                evidence = Evidence(doc_id=article_id, outlet=f"Outlet {a % 37}", sentence=line, start=offset,
                                    end=offset + len(line), published=day.isoformat())
                events.append(dataclasses.replace(event, evidence=(evidence,)))
                lines.append(line)
                offset += len(line) + 1
            previous = (previous + events)[-1000:]
            article = Article(id=article_id, text="\n".join(lines) + "\n", title=f"Report {a}",
                              outlet=f"Outlet {a % 37}", published=day.isoformat(), language="en")
            batch.append((article, sentences, events))
            a += EVENTS_PER_ARTICLE
            if len(batch) >= ARTICLES_PER_BATCH:
                store.add_articles(batch)
                batch = []
        if batch:
            store.add_articles(batch)
    return time.perf_counter() - started


def timed(http: httpx.Client, method: str, url: str, rounds: int, **kwargs: object) -> list[float]:
    http.request(method, url, **kwargs)  # warm: the first call pays for imports and caches
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        response = http.request(method, url, **kwargs)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code >= 400:
            raise SystemExit(f"{method} {url}: {response.status_code} {response.text[:300]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/sitroom-bench-100k.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--post", action="store_true",
                        help=f"also time POST /api/articles ({POST_ROUNDS} short articles, added to the store)")
    parser.add_argument("--rebuild", action="store_true", help="build the store again even if it exists")
    args = parser.parse_args()
    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        seconds = build(args.db, args.events)
        print(f"built {args.db}: {args.events} events in {seconds:.1f} s "
              f"({args.events / seconds:.0f} events/s through Store.add_articles)")
    with Store.open(args.db, read_only=True) as store:
        stats = store.stats()
        some = store.events(limit=1, offset=stats["events"] // 2)[0]
        country = some["location"]["country"]
        actor = some["source_actor"]["code"][:3]
    print(f"store: {stats}")
    proc, base = start_server(args.db)
    word = some["evidence"][0]["sentence"].split()[-3]
    lat, lon = some["location"]["lat"], some["location"]["lon"]
    box = f"{max(lon - 10, -180):.2f},{max(lat - 10, -90):.2f},{min(lon + 10, 180):.2f},{min(lat + 10, 90):.2f}"
    deep = int(stats["events"] * 0.9)  # nine tenths into the store, whatever its size
    endpoints = [
        ("GET /api/events (first page of 50)", "/api/events?limit=50"),
        (f"GET /api/events (page at offset {deep:,})", f"/api/events?limit=50&offset={deep}"),
        ("GET /api/events (actor + code + dates)", f"/api/events?actor={actor}&code=1&since=2023-01-01&until=2023-12-31"),
        ("GET /api/events (text in evidence)", f"/api/events?text={word}"),
        ("GET /api/events (bbox)", f"/api/events?bbox={box}"),
        ("GET /api/events/{id}", f"/api/events/{some['id']}"),
        ("GET /api/articles/{id}", f"/api/articles/{some['evidence'][0]['doc_id']}"),
        ("GET /api/actors", "/api/actors"),
        ("GET /api/network", "/api/network"),
        ("GET /api/places", "/api/places"),
        ("GET /api/timeline", "/api/timeline"),
        (f"GET /api/timeline (country={country})", f"/api/timeline?country={country}"),
        ("GET / (the page)", "/"),
    ]
    try:
        with httpx.Client(base_url=base, timeout=120) as http:
            print(f"{'endpoint':<46}{'median ms':>10}{'p95 ms':>9}{'bytes':>10}")
            for name, url in endpoints:
                times = timed(http, "GET", url, args.rounds)
                size = len(http.get(url).content)
                print(f"{name:<46}{statistics.median(times):>10.1f}{percentile(times, 0.95):>9.1f}{size:>10}")
            if args.post:
                post_times = []
                for i in range(POST_ROUNDS + 1):
                    text = (f"Russian forces shelled Kharkiv on Monday, killing {i + 3} civilians, officials said "
                            f"(benchmark post {time.time_ns()}).")
                    started = time.perf_counter()
                    response = http.post("/api/articles", json={"articles": [{"text": text, "published": "2024-03-04"}]},
                                         headers={"Authorization": f"Bearer {TOKEN}"})
                    post_times.append((time.perf_counter() - started) * 1000)
                    response.raise_for_status()
                print(f"{'POST /api/articles (first: loads the model)':<46}{post_times[0]:>10.1f}")
                rest = post_times[1:]
                print(f"{'POST /api/articles (one short article)':<46}{statistics.median(rest):>10.1f}"
                      f"{percentile(rest, 0.95):>9.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
