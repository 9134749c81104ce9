"""A bounded load on `sitroom serve` from a second process on loopback.

    python benchmarks/load.py --db /tmp/sitroom-bench-100k.duckdb       # starts the server itself
    python benchmarks/load.py --url http://127.0.0.1:8000 --clients 50 --seconds 30

`--clients` asyncio clients (httpx, one connection each) loop over a mix of the
dashboard's requests for `--seconds` and the script prints latency percentiles,
requests per second and errors, overall and per route. With --db it starts
`sitroom serve` in a subprocess on a free port and stops it afterwards. `--json` prints
one JSON line of the overall figures instead of the table.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import httpx

# The mix of a dashboard session: a page load draws the four panels, then the user pages
# through the table and opens events.
MIX = (
    ("events", "/api/events?limit=50", 3),
    ("events filtered", "/api/events?limit=50&code=19&country={country}", 2),
    ("event", "/api/events/{event_id}", 3),
    ("timeline", "/api/timeline", 1),
    ("places", "/api/places", 1),
    ("network", "/api/network", 1),
    ("actors", "/api/actors", 1),
)
START_TIMEOUT_SECONDS = 60
REQUEST_TIMEOUT_SECONDS = 30
TOKEN = "load-benchmark-token-not-secret"  # the server this script starts takes it from $SITROOM_TOKEN


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


async def client(base: str, seconds: float, ids: list[str], countries: list[str], seed: int,
                 latencies: dict[str, list[float]], errors: dict[str, int]) -> None:
    rng = random.Random(seed)
    routes = [(name, path) for name, path, weight in MIX for _ in range(weight)]
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_SECONDS,
                                 limits=httpx.Limits(max_connections=1)) as http:
        while time.perf_counter() < deadline:
            name, path = rng.choice(routes)
            url = path.format(event_id=rng.choice(ids) if ids else "none",
                              country=rng.choice(countries) if countries else "SYR")
            started = time.perf_counter()
            try:
                response = await http.get(url)
                ok = response.status_code == 200
            except httpx.HTTPError:
                ok = False
            latencies[name].append((time.perf_counter() - started) * 1000)
            if not ok:
                errors[name] += 1


async def run(base: str, clients: int, seconds: float) -> dict[str, object]:
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT_SECONDS) as http:
        first = (await http.get("/api/events", params={"limit": 200})).json()
        places = (await http.get("/api/places")).json()
    ids = [e["id"] for e in first["events"]]
    countries = [c["country"] for c in places["countries"][:20]]
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    started = time.perf_counter()
    await asyncio.gather(*(client(base, seconds, ids, countries, seed, latencies, errors)
                           for seed in range(clients)))
    elapsed = time.perf_counter() - started
    every = [v for values in latencies.values() for v in values]
    figures: dict[str, object] = {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(every),
        "requests_per_s": round(len(every) / elapsed, 1), "errors": sum(errors.values()),
        "p50_ms": round(percentile(every, 0.50), 1), "p95_ms": round(percentile(every, 0.95), 1),
        "p99_ms": round(percentile(every, 0.99), 1), "max_ms": round(max(every, default=0.0), 1),
        "stored_events": first["total"],
    }
    figures["routes"] = {
        name: {"requests": len(values), "errors": errors[name], "p50_ms": round(statistics.median(values), 1),
               "p95_ms": round(percentile(values, 0.95), 1), "p99_ms": round(percentile(values, 0.99), 1)}
        for name, values in sorted(latencies.items())
    }
    return figures


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    src = Path(__file__).resolve().parents[1] / "src"
    env = {**os.environ, "PYTHONPATH": f"{src}{os.pathsep}{os.environ.get('PYTHONPATH', '')}",
           "SITROOM_TOKEN": TOKEN}
    proc = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(db), "--port", str(port)],
                            env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while True:
        try:
            httpx.get(base + "/api/events?limit=1", timeout=5).raise_for_status()
            return proc, base
        except httpx.HTTPError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit(f"the server did not start: {proc.stderr.read() if proc.stderr else ''}")
            time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="a running server, e.g. http://127.0.0.1:8000")
    where.add_argument("--db", type=Path, help="a store to serve from a fresh `sitroom serve` subprocess")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    args = parser.parse_args()
    proc = None
    base = args.url
    if args.db:
        proc, base = start_server(args.db)
    try:
        figures = asyncio.run(run(base.rstrip("/"), args.clients, args.seconds))
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    if args.json:
        print(json.dumps(figures))
        return
    print(f"{figures['clients']} clients for {figures['seconds']} s against {figures['stored_events']} stored events: "
          f"{figures['requests']} requests, {figures['requests_per_s']} requests/s, {figures['errors']} errors")
    print(f"latency ms: p50 {figures['p50_ms']}  p95 {figures['p95_ms']}  p99 {figures['p99_ms']}  "
          f"max {figures['max_ms']}")
    print(f"{'route':<18}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for name, route in figures["routes"].items():  # type: ignore[union-attr]
        print(f"{name:<18}{route['requests']:>9}{route['errors']:>8}{route['p50_ms']:>9}{route['p95_ms']:>9}"
              f"{route['p99_ms']:>9}")


if __name__ == "__main__":
    main()
