"""The live routes of the dashboard's server: /api/stream, /api/sources, /api/alerts.

A real `sitroom serve` runs as a subprocess; this process writes the store as another
writer would (`Store.add_articles`, the watch's tables), and reads the stream over HTTP."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from sitroom.store import Store
from sitroom.store.schema import utc_now
from sitroom.watch.alerts import begin, evaluate
from sitroom.watch.config import AlertRule, Source
from sitroom.watch.state import prepare, save_states, sync_sources
from test_watch_alerts import HOMS, report

SRC = Path(__file__).resolve().parents[1] / "src"
TOKEN = "live-test-token-0123456789"
START_SECONDS = 60.0
LOCK_WAIT = 30.0
ALEPPO = ("Aleppo", 36.2, 37.16, "2025-01-10")  # what the store held before: another event


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[str, Path, subprocess.Popen[bytes]]]:
    db = tmp_path / "live.duckdb"
    with Store.open(db) as store:
        store.add_articles([report("old", "Levant Wire", 4, event_id="before", where=ALEPPO)])
    port = free_port()
    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp"),
           "SITROOM_TOKEN": TOKEN}
    process = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(db), "--port", str(port)],
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            if httpx.get(f"{url}/api/sources", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        assert process.poll() is None, process.stderr.read().decode() if process.stderr else "the server died"
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.2)
    yield url, db, process
    if process.poll() is None:
        process.kill()
    process.wait(timeout=30)


class Listener:
    """Reads /api/stream in a thread: every event and every comment line, with its time."""

    def __init__(self, url: str) -> None:
        self.messages: list[tuple[float, str, Any]] = []
        self.comments: list[tuple[float, str]] = []
        self.connected = threading.Event()
        self.thread = threading.Thread(target=self._read, args=(url,), daemon=True)
        self.thread.start()
        assert self.connected.wait(20), "the stream did not open"

    def _read(self, url: str) -> None:
        try:
            self._lines(url)
        except httpx.HTTPError:  # the server stopped (the end of each test)
            pass

    def _lines(self, url: str) -> None:
        kind = None
        with httpx.stream("GET", f"{url}/api/stream", timeout=httpx.Timeout(5, read=None)) as response:
            assert response.headers["content-type"].startswith("text/event-stream")
            for line in response.iter_lines():
                if line.startswith(":"):
                    self.comments.append((time.monotonic(), line))
                    self.connected.set()
                elif line.startswith("event: "):
                    kind = line[len("event: "):]
                elif line.startswith("data: "):
                    self.messages.append((time.monotonic(), kind or "message", json.loads(line[len("data: "):])))

    def wait_for(self, kind: str, count: int = 1, seconds: float = 30) -> list[Any]:
        deadline = time.monotonic() + seconds
        while True:
            found = [data for _, seen, data in self.messages if seen == kind]
            if len(found) >= count:
                return found
            assert time.monotonic() < deadline, f"no {kind} message within {seconds} s: {self.messages}"
            time.sleep(0.1)


def test_a_write_by_another_process_reaches_the_page_as_an_events_message(served: tuple[str, Path, Any]) -> None:
    url, db, _ = served
    listener = Listener(url)
    # no wait: the page hears ": connected" only once the server has placed its mark, so a
    # write right after it is news (and what was there before is not)
    with Store.open(db, wait=LOCK_WAIT) as store:
        store.add_articles([report("a1", "Levant Wire", 12)])
    (message,) = listener.wait_for("events")
    assert message["ids"] == ["shelling-maarat"] and message["count"] == 1 and message["at"].endswith("Z")
    with Store.open(db, wait=LOCK_WAIT) as store:
        store.add_articles([report("a2", "Gulf Daily", 19), report("a3", "Horn Times", 8, event_id="homs",
                                                                    where=HOMS)])
    later = listener.wait_for("events", 2)[1]
    assert sorted(later["ids"]) == ["homs", "shelling-maarat"] and later["count"] == 2
    assert all(kind == "events" for _, kind, _ in listener.messages)


def test_alerts_reach_the_stream_and_the_api_and_sources_show_their_health(served: tuple[str, Path, Any]) -> None:
    url, db, _ = served
    assert httpx.get(f"{url}/api/sources").json() == []  # a store that was never watched
    assert httpx.get(f"{url}/api/alerts").json() == []
    rule = AlertRule(name="deadly-syria", codes=("19",), countries=("SYR",), min_killed=10)
    with Store.open(db, wait=LOCK_WAIT) as store:
        prepare(store)
        states = sync_sources(store, [Source(url="https://levant.example/rss.xml", every=300),
                                      Source(url="https://broken.example/feed", every=60)])
        now = utc_now()
        save_states(store, [
            states["https://levant.example/rss.xml"].__class__(
                url="https://levant.example/rss.xml", kind="feed", every=300, last_poll=now, next_poll=now,
                last_status=304, items=3, polls=5),
            states["https://broken.example/feed"].__class__(
                url="https://broken.example/feed", kind=None, every=60, last_poll=now, next_poll=now, failures=2,
                last_status=500, last_error="HTTP 500 Internal Server Error", polls=2)])
        begin(store)
    listener = Listener(url)
    with Store.open(db, wait=LOCK_WAIT) as store:
        store.add_articles([report("a1", "Levant Wire", 12)])
        (raised,) = evaluate(store, [rule])
    (alert,) = listener.wait_for("alert")
    assert alert == raised.to_dict() and alert["reason"] == "new" and alert["rule"] == "deadly-syria"
    assert {"rule", "event_id", "reason", "at", "summary"} <= set(alert)
    assert httpx.get(f"{url}/api/alerts", params={"limit": 5}).json() == [alert]
    assert httpx.get(f"{url}/api/alerts", params={"limit": 0}).status_code == 422
    health = {row["url"]: row for row in httpx.get(f"{url}/api/sources").json()}
    assert health["https://levant.example/rss.xml"]["health"] == "ok"
    assert health["https://levant.example/rss.xml"]["items"] == 3
    broken = health["https://broken.example/feed"]
    assert (broken["health"], broken["failures"], broken["last_status"], broken["kind"]) == ("failing", 2, 500, "feed")
    assert set(broken) == {"url", "kind", "every", "last_poll", "next_poll", "last_status", "last_error", "failures",
                           "items", "health"}


def test_an_idle_stream_is_kept_open_with_pings_and_the_server_still_stops_promptly(
        served: tuple[str, Path, subprocess.Popen[bytes]]) -> None:
    url, _, process = served
    listener = Listener(url)
    # the first ping is due PING_SECONDS (15 s) after the stream opened: wait for it, with
    # room for a loaded machine, rather than a fixed 16 s
    deadline = time.monotonic() + 15 + 60
    while not any(line == ": ping" for _, line in listener.comments):
        assert time.monotonic() < deadline, listener.comments
        time.sleep(0.2)
    process.send_signal(signal.SIGINT)  # a page is still listening
    began = time.monotonic()
    process.wait(timeout=20)
    assert time.monotonic() - began < 10
