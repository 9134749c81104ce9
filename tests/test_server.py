"""The HTTP API: answers against a store of synthetic events whose counts the tests work
out for themselves, the one error shape, the limits, the token, static files, and reads
that keep working while another process writes to the same file."""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
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
from fastapi.testclient import TestClient

from sitroom.errors import UsageError
from sitroom.options import Options
from sitroom.records import Actor, Analysis, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.server import ServerConfig, create_app, reads
from sitroom.server import run as server_run
from sitroom.server.access import ReadWriteLock
from sitroom.server.config import MAX_BATCH
from sitroom.store import EventFilter, Store

from fake_clock import FakeClock
from loopback import serving

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]
TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

ACTORS = [("RUSMIL", "Russian army", "RUS"), ("SYRGOV", "Syrian government", "SYR"),
          ("SYRREB", "Syrian rebels", "SYR"), ("TURGOV", "Turkish government", "TUR"),
          ("IGOUNO", "United Nations", None)]
CODES = [("190", "Use conventional military force"), ("042", "Make a visit"), ("0871", "Declare ceasefire"),
         ("111", "Criticize or denounce")]
PLACES = [("Aleppo", "SYR", 36.2, 37.16), ("Idlib", "SYR", 35.93, 36.63), ("Ankara", "TUR", 39.93, 32.86),
          None]


def synthetic(n: int, *, article_prefix: str = "a", per_article: int = 3,
              first_published: dt.date = dt.date(2024, 3, 1)) -> list[tuple[Article, list[Sentence], list[Event]]]:
    """`n` events spread over articles, dates, codes, actors and places by simple cycles.

    Articles are published eight days apart, so that fusion never reads two of them as
    one story: every synthetic event stays its own (the tests count them)."""
    rows = []
    for a in range(0, n, per_article):
        published = (first_published + dt.timedelta(days=8 * a)).isoformat()
        events = []
        sentences = []
        lines = []
        offset = 0
        for i in range(a, min(a + per_article, n)):
            code, label = CODES[i % len(CODES)]
            source = ACTORS[i % len(ACTORS)]
            target = ACTORS[(i + 1 + i // 7) % len(ACTORS)]
            place = PLACES[i % len(PLACES)]
            line = f"Sentence {i}: {source[1]} and {target[1]} near {place[0] if place else 'somewhere'}."
            sentence = Sentence(index=i - a, start=offset, end=offset + len(line), text=line)
            lines.append(line)
            offset += len(line) + 1
            sentences.append(sentence)
            day = None if i % 11 == 0 else f"2024-{1 + i % 3:02d}-{1 + i % 28:02d}"
            events.append(Event(
                id=f"{article_prefix}ev{i:06d}", event_code=code, event_label=label, plover_type=None, acled_event_type=None,
                acled_sub_event_type=None,
                source_actor=Actor(text=source[1], name=source[1], code=source[0], country=source[2]),
                target_actor=Actor(text=target[1], name=target[1], code=target[0], country=target[2]),
                date=day, date_precision="day",
                location=Place(name=place[0], country=place[1], admin1=None, lat=place[2], lon=place[3],
                               precision="city") if place else None,
                fatalities=Fatalities(killed=i % 5) if code == "190" else None, attribution=None,
                modality="asserted", historical=False,
                evidence=(Evidence(doc_id=f"{article_prefix}{a}", outlet="Wire", sentence=line, start=sentence.start,
                                   end=sentence.end, published=published),),
                confidence=0.8, rule="synthetic",
            ))
        article = Article(id=f"{article_prefix}{a}", text="\n".join(lines) + "\n", title=f"Report {a}",
                          outlet="Wire", published=published, language="en", source="/secret/path.jsonl")
        rows.append((article, sentences, events))
    return rows


N_EVENTS = 60


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server") / "events.duckdb"
    with Store.open(path) as store:
        store.add_articles(synthetic(N_EVENTS))
    return path


def all_events(path: Path) -> list[dict[str, Any]]:
    with Store.open(path, read_only=True) as store:
        return store.events()


class FakeAnalyzer:
    """Codes one fighting event per article, on its first line (what a real analyzer
    does is tested in test_a_posted_article_gets_the_events_extract_gives)."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def analyze_many(self, articles: Any) -> Iterator[Analysis]:
        for article in articles:
            first = article.text.strip().splitlines()[0]
            start = article.text.index(first)
            sentence = Sentence(index=0, start=start, end=start + len(first), text=first)
            event = Event(
                id=f"posted-{article.id}", event_code="190", event_label="Use conventional military force",
                plover_type=None, acled_event_type=None, acled_sub_event_type=None, source_actor=None,
                target_actor=None, date=article.published, date_precision="day", location=None, fatalities=None,
                attribution=None, modality="asserted", historical=False,
                evidence=(Evidence(doc_id=article.id, outlet=article.outlet, sentence=first, start=sentence.start,
                                   end=sentence.end, published=article.published),),
                confidence=0.5, rule="fake",
            )
            yield Analysis(article=article, sentences=(sentence,), actors=(), places=(), dates=(), numbers=(),
                           events=(event,))


def client_for(path: Path, **config: Any) -> TestClient:
    app = create_app(ServerConfig(db_path=path, token=TOKEN, **config), analyzer_factory=FakeAnalyzer)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return client_for(store_path)


def assert_error(response: httpx.Response, status: int, *words: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "type", "message"}
    assert body["error"]["status"] == status
    assert "Traceback" not in response.text and ".py" not in response.text
    for word in words:
        assert word in body["error"]["message"], body
    return body


# --- reads ---------------------------------------------------------------------------


def test_events_are_paginated_in_store_order_with_the_total(client, store_path):
    expected = [e["id"] for e in all_events(store_path)]
    seen = []
    offset = 0
    while True:
        body = client.get("/api/events", params={"limit": 25, "offset": offset}).json()
        assert body["total"] == N_EVENTS and body["limit"] == 25 and body["offset"] == offset
        seen += [e["id"] for e in body["events"]]
        if len(body["events"]) < 25:
            break
        offset += 25
    assert seen == expected and len(seen) == N_EVENTS


@pytest.mark.parametrize("params, keep", [
    ({"actor": "syr"}, lambda e: any((e[s] or {}).get("code", "").startswith("SYR")
                                     for s in ("source_actor", "target_actor"))),
    ({"code": "19"}, lambda e: e["event_code"].startswith("19")),
    ({"code": "0871"}, lambda e: e["event_code"] == "0871"),
    ({"country": "tur"}, lambda e: "TUR" in {(e["location"] or {}).get("country"),
                                            e["source_actor"]["country"], e["target_actor"]["country"]}),
    ({"since": "2024-02-01", "until": "2024-02-28"}, lambda e: e["date"] and "2024-02-01" <= e["date"] <= "2024-02-28"),
    ({"text": "NEAR ANKARA"}, lambda e: "near ankara" in e["evidence"][0]["sentence"].lower()),
    ({"bbox": "36,35,38,37"}, lambda e: e["location"] is not None and e["location"]["country"] == "SYR"),
    ({"code": "190", "country": "SYR", "actor": "RUS"},
     lambda e: e["event_code"] == "190" and "SYR" in {(e["location"] or {}).get("country"),
                                                      e["source_actor"]["country"], e["target_actor"]["country"]}
     and "RUSMIL" in {e["source_actor"]["code"], e["target_actor"]["code"]}),
])
def test_event_filters_select_what_they_say(client, store_path, params, keep):
    expected = [e["id"] for e in all_events(store_path) if keep(e)]
    assert expected, "the synthetic store should hold matching events"
    body = client.get("/api/events", params={**params, "limit": 500}).json()
    assert [e["id"] for e in body["events"]] == expected
    assert body["total"] == len(expected)


def test_one_event_has_its_evidence_and_an_unknown_one_is_404(client, store_path):
    record = all_events(store_path)[0]
    got = client.get(f"/api/events/{record['id']}").json()
    assert got == record and got["evidence"][0]["sentence"].startswith("Sentence ")
    assert_error(client.get("/api/events/nope"), 404, "nope")


def test_an_article_has_its_text_but_not_where_it_was_read_from(client, store_path):
    record = all_events(store_path)[0]
    evidence = record["evidence"][0]
    article = client.get(f"/api/articles/{evidence['doc_id']}").json()
    assert article["text"][evidence["start"]:evidence["end"]] == evidence["sentence"]
    assert article["title"] and article["outlet"] == "Wire" and "source" not in article
    assert "/secret/path" not in json.dumps(article)
    assert_error(client.get("/api/articles/missing"), 404, "missing")


def test_actors_count_the_events_each_takes_part_in(client, store_path):
    counts: collections.Counter[str] = collections.Counter()
    for e in all_events(store_path):
        for code in {e["source_actor"]["code"], e["target_actor"]["code"]}:
            counts[code] += 1
    body = client.get("/api/actors", params={"limit": 3}).json()
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    assert [(a["code"], a["events"]) for a in body["actors"]] == top
    assert {a["name"] for a in body["actors"]} <= {name for _, name, _ in ACTORS}


def test_the_network_weighs_each_pair_by_its_events(client, store_path):
    pairs: collections.Counter[tuple[str, str]] = collections.Counter(
        (e["source_actor"]["code"], e["target_actor"]["code"]) for e in all_events(store_path)
        if e["source_actor"]["code"] != e["target_actor"]["code"]
    )
    body = client.get("/api/network", params={"limit": 500}).json()
    assert {(l["source"], l["target"]): l["events"] for l in body["links"]} == dict(pairs)
    weights = [l["events"] for l in body["links"]]
    assert weights == sorted(weights, reverse=True)
    node_weight = {n["code"]: n["events"] for n in body["nodes"]}
    for code, weight in node_weight.items():
        assert weight == sum(n for (s, t), n in pairs.items() if code in (s, t))
    one = client.get("/api/network", params={"limit": 1}).json()
    assert len(one["links"]) == 1 and len(one["nodes"]) == 2


def test_places_count_events_per_country_and_per_place(client, store_path):
    events = all_events(store_path)
    by_country = collections.Counter(e["location"]["country"] for e in events if e["location"])
    by_place = collections.Counter(e["location"]["name"] for e in events if e["location"])
    body = client.get("/api/places").json()
    assert {c["country"]: c["events"] for c in body["countries"]} == dict(by_country)
    assert {p["name"]: p["events"] for p in body["places"]} == dict(by_place)
    aleppo = next(p for p in body["places"] if p["name"] == "Aleppo")
    assert (aleppo["lat"], aleppo["lon"], aleppo["country"]) == (36.2, 37.16, "SYR")
    syria = client.get("/api/places", params={"country": "SYR"}).json()
    # the filter keeps events placed in Syria or with a Syrian side (Ankara's, counted under TUR)
    involved = collections.Counter(e["location"]["country"] for e in events if e["location"] and "SYR" in {
        e["location"]["country"], *((e.get(side) or {}).get("country") for side in ("source_actor", "target_actor"))})
    assert {c["country"]: c["events"] for c in syria["countries"]} == dict(involved)
    assert set(involved) == {"SYR", "TUR"}


def test_the_timeline_counts_events_per_day_and_root(client, store_path):
    events = all_events(store_path)
    expected = collections.Counter((e["date"], e["event_code"][:2]) for e in events if e["date"])
    body = client.get("/api/timeline").json()
    roots = [r["root"] for r in body["roots"]]
    got = {(day["date"], roots[i]): n for day in body["days"] for i, n in enumerate(day["counts"]) if n}
    assert got == dict(expected)
    assert [d["date"] for d in body["days"]] == sorted(d["date"] for d in body["days"])
    assert body["undated"] == sum(1 for e in events if not e["date"])
    assert {r["root"]: r["label"] for r in body["roots"]}["19"] == "Fight"
    fights = client.get("/api/timeline", params={"code": "19"}).json()
    assert [r["root"] for r in fights["roots"]] == ["19"]


def test_ids_with_slashes_and_other_scripts_are_found(tmp_path):
    path = tmp_path / "ids.duckdb"
    article, sentences, events = synthetic(1, article_prefix="reuters/2024/é-")[0]
    with Store.open(path) as store:
        store.add_articles([(article, sentences, events)])
    client = client_for(path)
    assert client.get("/api/articles/reuters%2F2024%2F%C3%A9-0").json()["id"] == "reuters/2024/é-0"
    assert client.get("/api/articles/reuters/2024/é-0").json()["id"] == "reuters/2024/é-0"
    assert client.get(f"/api/events/{events[0].id}").json()["id"] == events[0].id


def test_the_openapi_description_lists_every_route(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths) == {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/actors",
                          "/api/network", "/api/places", "/api/timeline", "/api/articles",
                          "/api/view/events", "/api/view/timeline", "/api/view/network", "/api/view/places",
                          "/api/stream", "/api/sources", "/api/alerts"}
    assert "post" in paths["/api/articles"] and "get" in paths["/api/articles/{article_id}"]
    assert client.get("/docs").status_code == 404  # its assets would come from a CDN


# --- errors and limits ---------------------------------------------------------------


def test_errors_have_one_shape(client):
    assert_error(client.get("/nowhere"), 404, "/nowhere")
    assert_error(client.delete("/api/events", headers=AUTH), 405, "DELETE")
    assert_error(client.delete("/api/events"), 401, "Authorization")  # every write needs the token first
    assert_error(client.get("/api/events", params={"limit": 0}), 422, "limit")
    assert_error(client.get("/api/events", params={"limit": 501}), 422, "limit")
    assert_error(client.get("/api/events", params={"code": "19; DROP TABLE events"}), 422, "code")
    assert_error(client.get("/api/events", params={"since": "2024-02-30"}), 400, "since")
    assert_error(client.get("/api/events", params={"since": "2024-03-01", "until": "2024-01-01"}), 400, "after")
    assert_error(client.get("/api/events", params={"bbox": "1,2,3"}), 400, "bbox")
    assert_error(client.get("/api/events", params={"bbox": "10,80,20,95"}), 400, "latitudes")
    assert_error(client.get("/api/events", params={"text": "x" * 201}), 422, "text")


def test_values_reach_the_database_as_parameters(client, store_path):
    hostile = "'; DROP TABLE events; --"
    assert client.get("/api/events", params={"text": hostile}).json()["total"] == 0
    assert client.get("/api/actors", params={"text": hostile}).json()["actors"] == []
    assert client.get(f"/api/events/{hostile}").status_code == 404
    assert len(all_events(store_path)) == N_EVENTS


def test_an_unexpected_fault_is_a_500_without_details(client, monkeypatch):
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals at /srv/app/reads.py line 12")

    monkeypatch.setattr(reads, "actors", broken)
    body = assert_error(client.get("/api/actors"), 500)
    assert "secret" not in json.dumps(body)


def test_limits_on_bodies_and_query_strings(store_path):
    client = client_for(store_path, max_body_bytes=1_000, max_query_bytes=100)
    assert_error(client.get("/api/events", params={"text": "y" * 150}), 414, "query string")
    big = json.dumps({"articles": [{"text": "z" * 2_000}]})
    assert_error(client.post("/api/articles", content=big, headers={**AUTH, "Content-Type": "application/json"}),
                 413, "1000 bytes")

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit counts what arrives
        for _ in range(5):
            yield b" " * 400

    assert_error(client.post("/api/articles", content=chunks(), headers=AUTH), 413)
    too_many = {"articles": [{"text": f"Article {i}."} for i in range(MAX_BATCH + 1)]}
    assert_error(client_for(store_path).post("/api/articles", json=too_many, headers=AUTH), 422, "articles")


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/"), client.get("/api/events"), client.get("/nowhere")):
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert response.headers["x-content-type-options"] == "nosniff"


def test_a_loopback_server_answers_only_loopback_host_names(store_path):
    client = client_for(store_path, allowed_hosts=frozenset({"127.0.0.1", "localhost"}))
    assert client.get("/api/events", headers={"Host": "localhost:8000"}).status_code == 200
    assert_error(client.get("/api/events", headers={"Host": "attacker.example:8000"}), 400, "attacker.example")


def test_a_locked_store_is_a_503_to_retry(tmp_path):
    path = tmp_path / "locked.duckdb"
    with Store.open(path) as store:
        store.add_articles(synthetic(3))
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from sitroom.store import Store; s = Store.open(sys.argv[1]); "
         "print('held', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        response = client_for(path, read_wait=0.3).get("/api/events")
        assert_error(response, 503, "in use")
        assert response.headers["retry-after"] == "1"
    finally:
        holder.kill()
        holder.wait()


# --- writes --------------------------------------------------------------------------


def test_writes_need_the_token(store_path):
    client = client_for(store_path)
    body = {"articles": [{"text": "Troops attacked the town.", "published": "2024-05-01"}]}
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"},
                    {"Authorization": TOKEN}, {"Authorization": f"Bearer {TOKEN}x"}):
        response = client.post("/api/articles", json=body, headers=headers)
        assert_error(response, 401, "Authorization")
        assert response.headers["www-authenticate"] == "Bearer"
    assert len(all_events(store_path)) == N_EVENTS


def test_posted_articles_are_stored_once(tmp_path):
    path = tmp_path / "posted.duckdb"
    Store.open(path).close()
    client = client_for(path)
    articles = [{"id": "p1", "text": "Troops shelled the town on Monday.\nMore text.", "title": "<b>One</b>",
                 "outlet": "Wire", "published": "2024-05-01T10:00:00Z"},
                {"html": "<html><body><p>Rebels attacked a base near the border today.</p></body></html>",
                 "published": "2024-05-02"}]
    response = client.post("/api/articles", json={"articles": articles}, headers=AUTH)
    assert response.status_code == 201, response.text
    report = response.json()
    assert report["stored"] == 2 and report["unchanged"] == 0 and report["events"] == 2
    assert report["ids"][0] == "p1" and len(report["ids"]) == 2
    stored = client.get("/api/articles/p1").json()
    assert stored["title"] == "<b>One</b>" and stored["published"] == "2024-05-01"
    assert client.get("/api/events/posted-p1").json()["evidence"][0]["doc_id"] == "p1"
    again = client.post("/api/articles", json={"articles": articles}, headers=AUTH)
    assert again.status_code == 200 and again.json()["stored"] == 0 and again.json()["unchanged"] == 2
    with Store.open(path, read_only=True) as store:
        assert store.stats()["articles"] == 2
        assert store.article("p1").source == "POST /api/articles item 1"


def test_a_bad_posted_article_names_its_item_and_nothing_is_stored(tmp_path):
    path = tmp_path / "bad.duckdb"
    Store.open(path).close()
    client = client_for(path)
    good = {"text": "Troops shelled the town."}
    assert_error(client.post("/api/articles", json={"articles": [good, {"text": "x", "published": "soon"}]},
                             headers=AUTH), 422, "request item 2", "published")
    assert_error(client.post("/api/articles", json={"articles": [good, {"text": "   "}]}, headers=AUTH),
                 422, "item 2", "whitespace")
    # A JSON input file may point at a file with "path"; a request may not read the server's files.
    assert_error(client.post("/api/articles", json={"articles": [{"path": "/etc/passwd"}]}, headers=AUTH), 422,
                 "path")
    assert_error(client.post("/api/articles", json={"articles": [{"text": "a", "html": "<p>b</p>"}]},
                             headers=AUTH), 422, "exactly one")
    assert_error(client.post("/api/articles", content=b"{not json", headers={**AUTH,
                                                                                "Content-Type": "application/json"}),
                 422)
    with Store.open(path, read_only=True) as store:
        assert store.stats()["articles"] == 0


@pytest.mark.slow
def test_a_posted_article_gets_the_events_extract_gives(tmp_path, analyzer):
    from sitroom import commands

    seed = json.loads((SHARED / "seeds" / "articles.jsonl").read_text().splitlines()[1])
    text = (SHARED / "seeds" / seed["path"]).read_text(encoding="utf-8")
    item = {k: seed[k] for k in ("id", "title", "outlet", "published", "language")} | {"text": text}
    as_file = tmp_path / "one.json"
    as_file.write_text(json.dumps(item), encoding="utf-8")
    options = Options()
    # the store keeps background events too: what `extract --background` gives
    expected = sorted(e.id for e in commands.extract([str(as_file)], options.with_(background=True), analyzer=analyzer))
    assert len(expected) > len(list(commands.extract([str(as_file)], options, analyzer=analyzer)))
    path = tmp_path / "real.duckdb"
    app = create_app(ServerConfig(db_path=path, token=TOKEN), analyzer_factory=lambda _options: analyzer)
    Store.open(path).close()
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/articles", json={"articles": [item]}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.json()["events"] == len(expected) > 0
    got = client.get("/api/events", params={"limit": 500}).json()["events"]
    assert sorted(e["id"] for e in got) == sorted(set(expected))


# --- static files --------------------------------------------------------------------


def test_the_page_and_its_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name in ("/static/app.js", "/static/style.css", "/static/countries.geojson", "/static/icon.svg"):
        assert client.get(name).status_code == 200, name
    world = client.get("/static/countries.geojson").json()
    codes = {f["properties"]["iso_a3"] for f in world["features"]}
    assert {"SYR", "RUS", "UKR", "USA", "XKX"} <= codes and len(world["features"]) > 150


@pytest.fixture(scope="module")
def live(store_path: Path) -> Iterator[str]:
    """A real uvicorn on a free loopback port (for raw HTTP and other processes)."""
    app = create_app(ServerConfig(db_path=store_path, token=TOKEN), analyzer_factory=FakeAnalyzer)
    with serving(server_run.uvicorn_config(app)) as port:
        yield f"127.0.0.1:{port}"


def raw_get(address: str, target: str) -> tuple[int, str]:
    """GET exactly `target`, byte for byte (clients normalise `..` away before sending)."""
    host, port = address.split(":")
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(f"GET {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    head, _, body = data.decode("utf-8", "replace").partition("\r\n\r\n")
    return int(head.split()[1]), body


@pytest.mark.parametrize("target", [
    "/static/../app.py", "/static/../../store.py", "/static/%2e%2e/app.py", "/static/%2e%2e%2fapp.py",
    "/static/..%2f..%2fstore.py", "/static/%2E%2E/%2E%2E/store.py", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/static/..%5capp.py", "/static/./app.py", "/static/static/app.js",
    "/../../../../etc/passwd", "/static/" + str(REPO / "src/sitroom/server/app.py"),
])
def test_no_path_outside_the_static_folder_can_be_read(live, target):
    status, body = raw_get(live, target)
    assert status in (400, 404), (target, status)
    assert "def create_app" not in body and "root:" not in body and "import " not in body
    assert json.loads(body)["error"]["status"] == status


# --- reads while another process writes ----------------------------------------------


class AloneCondition:
    """`threading.Condition` for a lock that only one thread uses, on a LockClock."""

    def __init__(self, clock: LockClock) -> None:
        self.clock = clock

    def __enter__(self) -> "AloneCondition":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def wait(self, timeout: float | None = None) -> bool:
        assert timeout is not None, "alone, a wait without a timeout never ends"
        self.clock.sleep(timeout)
        return False

    def notify_all(self) -> None:
        return None


def test_back_to_back_reads_leave_the_file_free_now_and_then(monkeypatch):
    from sitroom.server import access

    # the lock's clock (`access.time`) for one thread: a wait with a timeout and no other
    # thread to wake it is that timeout passing
    clock = FakeClock()
    monkeypatch.setattr(access, "time", clock)
    lock = ReadWriteLock(hold=0.05, gap=0.03)
    lock._cond = AloneCondition(clock)
    gaps = []
    released = None
    while clock.monotonic() < 0.4:
        with lock.shared():
            if released is not None:
                gaps.append(clock.monotonic() - released)
            clock.sleep(0.002)
        released = clock.monotonic()
    long_gaps = [g for g in gaps if g >= 0.03]
    assert 3 <= len(long_gaps) <= 12  # about one per hold, not one per read
    assert len(gaps) > 5 * len(long_gaps)


def _distinct_day(batch: int, n: int) -> str:
    """A day far from every other batch's and the base store's, so fusion keeps each
    written event apart (the same synthetic content on the same day would fuse)."""
    return (dt.date(2030, 1, 1) + dt.timedelta(days=10 * (10 * batch + n))).isoformat()


WRITER_BATCHES = 4


def _write_batches(path: str, batches: int, reads: Any, done: Any) -> None:
    """Another process: write a batch, let go of the file, again, as ingest does. Each batch
    waits until the reader has finished two reads since the last one was written (the
    second begun after it), so that some read sees every state of the store; it waits on
    reads, not on a time, so neither side's speed (nor this process's slow start) matters."""
    for batch in range(batches):
        seen = reads.value
        while reads.value < seen + 2:
            time.sleep(0.01)
        rows = [(article, sentences, [dataclasses.replace(event, date=_distinct_day(batch, n))
                                      for n, event in enumerate(events)])
                for article, sentences, events in synthetic(6, article_prefix=f"w{batch}-", per_article=3,
                                                            first_published=dt.date(2031, 1, 1) + dt.timedelta(days=30 * batch))]
        with Store.open(path, wait=30) as store:
            store.add_articles(rows)
        done.value = batch + 1


@pytest.mark.slow
def test_reads_keep_answering_while_another_process_writes(tmp_path):
    path = tmp_path / "busy.duckdb"
    with Store.open(path) as store:
        store.add_articles(synthetic(30))
    client = client_for(path)
    spawn = multiprocessing.get_context("spawn")
    reads, done = spawn.Value("i", 0), spawn.Value("i", 0)
    writer = spawn.Process(target=_write_batches, args=(str(path), WRITER_BATCHES, reads, done))
    writer.start()
    totals = []
    failures = []
    hung = time.monotonic() + 300  # only a hang ends the reads before the writer is done
    while writer.is_alive() and time.monotonic() < hung:
        response = client.get("/api/events", params={"limit": 5})
        if response.status_code != 200:
            failures.append(response.text)
        else:
            totals.append(response.json()["total"])
        client.get("/api/timeline").raise_for_status()
        reads.value += 1
    writer.join(timeout=60)
    assert writer.exitcode == 0
    assert failures == []
    assert done.value == WRITER_BATCHES, "the writer should get the file between requests"
    # reads saw each write land, in order (the last one after the writer ended)
    totals.append(client.get("/api/events", params={"limit": 5}).json()["total"])
    assert totals == sorted(totals)
    assert sorted(set(totals)) == [30 + 6 * batch for batch in range(WRITER_BATCHES + 1)]
    with Store.open(path, read_only=True) as store:
        assert store.count_events() == 30 + 6 * done.value


@pytest.mark.slow
def test_a_writer_gets_in_under_a_steady_stream_of_reads(live, store_path, tmp_path):
    """Eight threads keep the server busy; an outside write still lands, end to end. (The
    gaps that let it in may come from the reads themselves: that the server also makes way
    on its own under back-to-back reads is checked, on a fake clock, by
    test_back_to_back_reads_leave_the_file_free_now_and_then.)"""
    stop = threading.Event()
    errors: list[str] = []

    def hammer() -> None:
        with httpx.Client(base_url=f"http://{live}", timeout=30) as http:
            while not stop.is_set():
                response = http.get("/api/actors")
                if response.status_code != 200:
                    errors.append(response.text)

    threads = [threading.Thread(target=hammer) for _ in range(8)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        # the writer measures its own wait for the file (the interpreter's start and the
        # imports are no part of it, and take seconds on a loaded machine)
        done = subprocess.run(
            [sys.executable, "-c", "import sys, time; from sitroom.store import Store; "
             "started = time.monotonic(); Store.open(sys.argv[1], wait=20).close(); "
             "print(time.monotonic() - started)", str(store_path)],
            env={**os.environ, "PYTHONPATH": str(REPO / "src")}, capture_output=True, text=True, timeout=60,
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.split()[-1]) < 10
    assert errors == []


# --- the command ---------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_sitroom_serve_prints_its_token_and_serves(tmp_path):
    path = tmp_path / "new.duckdb"
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITROOM_TOKEN"} | {"PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(path), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stderr.readline().startswith(f"Serving {path} at http://127.0.0.1:{port}/")
        token = proc.stderr.readline().rsplit(": ", 1)[1].strip()
        assert len(token) >= 30
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/events")
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert response.json()["total"] == 0  # a new store, created empty
        post = httpx.post(f"http://127.0.0.1:{port}/api/articles", json={"articles": [{"html": "<p>x</p>"}]})
        assert post.status_code == 401
        second = subprocess.run([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(path), "--port",
                                 str(port)], capture_output=True, text=True, env=env, timeout=60)
        assert second.returncode == 2
        assert second.stderr.strip().splitlines()[-1].startswith(f"Error: cannot listen on 127.0.0.1 port {port}")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_sitroom_serve_refuses_a_file_that_is_not_a_store(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run([sys.executable, "-m", "sitroom.cli", "serve", "--db", str(path), "--port",
                           str(free_port())], capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.strip().startswith(f"Error: {path} is not a DuckDB database")
    assert path.read_text() == "not a database"


def test_the_token_comes_from_the_environment_or_is_made(monkeypatch):
    monkeypatch.setenv("SITROOM_TOKEN", "a-long-enough-token-value")
    assert server_run.token_from_env() == ("a-long-enough-token-value", False)
    monkeypatch.setenv("SITROOM_TOKEN", "short")
    with pytest.raises(UsageError, match="at least 16"):
        server_run.token_from_env()
    monkeypatch.delenv("SITROOM_TOKEN")
    first, made = server_run.token_from_env()
    assert made and first != server_run.token_from_env()[0]


@pytest.mark.slow
def test_the_load_benchmark_runs_briefly_without_errors(live):
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "load.py"), "--url", f"http://{live}",
                           "--clients", "10", "--seconds", "3", "--json"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO / "src")})
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["errors"] == 0 and figures["requests"] > 10
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]


def test_event_filter_values_match_the_store_filter(client, store_path):
    with Store.open(store_path, read_only=True) as store:
        expected = store.count_events(EventFilter(actor="IGO", code="04"))
    assert client.get("/api/events", params={"actor": "IGO", "code": "04"}).json()["total"] == expected > 0
