"""Response times of the dashboard's reads (/api/view/*) beside the plain routes they
extend, on the 100,000-event store of api_bench.py, in one run.

    python benchmarks/view_bench.py                     # builds /tmp/sitroom-bench-100k.duckdb once
    python benchmarks/view_bench.py --db /tmp/small.duckdb --events 20000 --rounds 20

Each pair is timed back to back against the same server, so their ratio holds on a
shared machine where single figures move between runs. `page load` is what the page
asks for when it opens: the timeline first (it names the default period), then the
events, places and network of that period side by side.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_bench import build, timed  # noqa: E402  (sibling scripts, not a package)
from load import percentile, start_server  # noqa: E402


def page_load(base: str, rounds: int) -> list[float]:
    """The dashboard's first load: the timeline, then three reads of its period at once."""
    times = []
    with httpx.Client(base_url=base, timeout=120) as first, concurrent.futures.ThreadPoolExecutor(3) as pool:
        clients = [httpx.Client(base_url=base, timeout=120) for _ in range(3)]
        for _ in range(rounds + 1):
            started = time.perf_counter()
            period = first.get("/api/view/timeline").json()["period"]
            query = f"since={period['since']}&until={period['until']}"
            urls = [f"/api/view/events?limit=50&{query}", f"/api/view/places?{query}",
                    f"/api/view/network?limit=60&{query}"]
            for response in pool.map(lambda pair: pair[0].get(pair[1]), zip(clients, urls)):
                response.raise_for_status()
            times.append((time.perf_counter() - started) * 1000)
        for client in clients:
            client.close()
    return times[1:]  # the first pays for caches


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/sitroom-bench-100k.duckdb"))
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    if not args.db.exists():
        seconds = build(args.db, args.events)
        print(f"built {args.db}: {args.events} events in {seconds:.1f} s")
    proc, base = start_server(args.db)
    pairs = [
        ("GET /api/events (first page, store order)", "/api/events?limit=50"),
        ("GET /api/view/events (news, newest first)", "/api/view/events?limit=50"),
        ("GET /api/view/events (background)", "/api/view/events?limit=50&scope=background"),
        ("GET /api/events (page at 90,000, store order)", "/api/events?limit=50&offset=90000"),
        ("GET /api/view/events (news, page at 90,000)", "/api/view/events?limit=50&offset=90000"),
        ("GET /api/timeline", "/api/timeline"),
        ("GET /api/view/timeline (+ kinds, scopes, period)", "/api/view/timeline"),
        ("GET /api/network", "/api/network"),
        ("GET /api/view/network (+ cooperation, conflict)", "/api/view/network"),
        ("GET /api/places", "/api/places"),
        ("GET /api/view/places (+ deaths)", "/api/view/places"),
    ]
    try:
        with httpx.Client(base_url=base, timeout=120) as http:
            period = http.get("/api/view/timeline").json()["period"]
            pairs.append(("GET /api/view/events (the default period)",
                          f"/api/view/events?limit=50&since={period['since']}&until={period['until']}"))
            print(f"default period: {period['since']} to {period['until']}")
            print(f"{'endpoint':<52}{'median ms':>10}{'p95 ms':>9}{'bytes':>10}")
            for name, url in pairs:
                times = timed(http, "GET", url, args.rounds)
                size = len(http.get(url).content)
                print(f"{name:<52}{statistics.median(times):>10.1f}{percentile(times, 0.95):>9.1f}{size:>10}")
        times = page_load(base, args.rounds)
        print(f"{'page load (timeline, then 3 reads at once)':<52}{statistics.median(times):>10.1f}"
              f"{percentile(times, 0.95):>9.1f}")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
