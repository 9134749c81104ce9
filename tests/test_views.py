"""The dashboard's reads under /api/view and its vendored libraries.

The store holds synthetic events whose dates, background flags, codes, actors, places
and tolls come from simple cycles; every expected figure is worked out here from the
records as written, never from the code under test.
"""
from __future__ import annotations

import collections
import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitroom.records import Actor, Article, Event, Evidence, Fatalities, Place, Sentence
from sitroom.server import ServerConfig, create_app
from sitroom.server.app import STATIC, static_files
from sitroom.store import Store

REPO = Path(__file__).resolve().parents[1]
TOKEN = "views-test-token-0123456789"
# (code, quad class) across the four classes: cooperation 1-2, conflict 3-4
CODES = [("042", 1), ("0871", 2), ("111", 3), ("190", 4), ("193", 4)]
ACTORS = [("RUSMIL", "Russian army"), ("UKRMIL", "Ukrainian army"), ("UKRGOV", "Ukrainian government"),
          ("IGOUNO", "United Nations")]
PLACES = [("Kharkiv", "UKR", 49.99, 36.23), ("Kherson", "UKR", 46.64, 32.61), ("Kursk", "RUS", 51.73, 36.19), None]
FIRST_DAY = dt.date(2025, 1, 1)
N_EVENTS = 150


def spec(i: int) -> dict[str, Any]:
    """The i-th event's fields: one in thirteen undated, one in seven told as background."""
    source = ACTORS[i % len(ACTORS)]
    # The United Nations only ever cooperates, so some pairs are all cooperation.
    code, quad = CODES[i % 2] if source[0] == "IGOUNO" else CODES[i % len(CODES)]
    target = ACTORS[(i + 1 + i // 9) % len(ACTORS)]
    return {
        "id": f"ev{i:04d}", "code": code, "quad": quad, "source": source, "target": target,
        "place": PLACES[i % len(PLACES)],
        "date": None if i % 13 == 5 else (FIRST_DAY + dt.timedelta(days=(i * 7) % 90)).isoformat(),
        "historical": i % 7 == 3, "killed": (i % 6) if quad == 4 else None,
    }


SPECS = [spec(i) for i in range(N_EVENTS)]


def news(s: dict[str, Any]) -> bool:
    return s["date"] is not None and not s["historical"]


def rows() -> list[tuple[Article, list[Sentence], list[Event]]]:
    """One article reporting every event (an article's own events are never fused together)."""
    lines = [f"Report {s['id']}: {s['source'][1]} and {s['target'][1]}." for s in SPECS]
    text = "\n".join(lines) + "\n"
    article = Article(id="a-1", text=text, title="Reports", outlet="Wire", published="2025-04-01", language="en")
    sentences, events, offset = [], [], 0
    for i, (s, line) in enumerate(zip(SPECS, lines)):
        sentences.append(Sentence(index=i, start=offset, end=offset + len(line), text=line))
        place = s["place"]
        events.append(Event(
            id=s["id"], event_code=s["code"], event_label="label", plover_type=None, acled_event_type=None,
            acled_sub_event_type=None,
            source_actor=Actor(text=s["source"][1], name=s["source"][1], code=s["source"][0], country=s["source"][0][:3]),
            target_actor=Actor(text=s["target"][1], name=s["target"][1], code=s["target"][0], country=s["target"][0][:3]),
            date=s["date"], date_precision="day",
            location=Place(name=place[0], country=place[1], admin1=None, lat=place[2], lon=place[3],
                           precision="city") if place else None,
            fatalities=Fatalities(killed=s["killed"]) if s["killed"] is not None else None, attribution=None,
            modality="asserted", historical=s["historical"],
            evidence=(Evidence(doc_id=article.id, outlet="Wire", sentence=line, start=offset, end=offset + len(line),
                               published=article.published),),
            confidence=0.8, rule="synthetic",
        ))
        offset += len(line) + 1
    return [(article, sentences, events)]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    path = tmp_path_factory.mktemp("views") / "events.duckdb"
    with Store.open(path) as store:
        store.add_articles(rows())
        assert store.count_events() == N_EVENTS  # one event per article: nothing fused
    return TestClient(create_app(ServerConfig(db_path=path, token=TOKEN)), raise_server_exceptions=False)


def listed(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    while True:
        answer = client.get("/api/view/events", params={**params, "limit": 40, "offset": len(found)}).json()
        found += answer["events"]
        if not answer["events"]:
            assert len(found) == answer["total"]
            return found


# --- events ------------------------------------------------------------------------


def test_news_and_background_split_the_events_and_all_is_both(client):
    expected = {
        "news": {s["id"] for s in SPECS if news(s)},
        "background": {s["id"] for s in SPECS if not news(s)},
        "all": {s["id"] for s in SPECS},
    }
    assert expected["news"] and expected["background"] and any(s["date"] is None for s in SPECS)
    for scope, ids in expected.items():
        assert {e["id"] for e in listed(client, scope=scope)} == ids, scope
    assert {e["id"] for e in listed(client)} == expected["news"]  # news is the default


def test_events_come_newest_first_undated_last_then_by_id(client):
    got = [(e["date"], e["id"]) for e in listed(client, scope="all")]
    by_id = sorted((s["date"], s["id"]) for s in SPECS if s["date"])
    dated = sorted(by_id, key=lambda pair: pair[0], reverse=True)  # a stable sort: ids stay ascending in a day
    undated = sorted(s["id"] for s in SPECS if s["date"] is None)
    assert got == dated + [(None, i) for i in undated]
    assert len({day for day, _ in dated}) < len(dated)  # some days hold several events: the id order shows


def test_the_other_filters_apply_within_a_scope(client):
    got = {e["id"] for e in listed(client, scope="news", actor="UKR", code="19", since="2025-02-01")}
    expected = {s["id"] for s in SPECS if news(s) and s["code"].startswith("19") and s["date"] >= "2025-02-01"
                and (s["source"][0].startswith("UKR") or s["target"][0].startswith("UKR"))}
    assert got == expected and expected


def test_a_bad_scope_or_date_is_refused_in_the_one_error_shape(client):
    for route in ("events", "timeline", "network", "places"):
        answer = client.get(f"/api/view/{route}", params={"scope": "everything"})
        assert answer.status_code == 422 and "scope" in answer.json()["error"]["message"], route
        answer = client.get(f"/api/view/{route}", params={"since": "2025-02-30"})
        assert answer.status_code == 400 and "since" in answer.json()["error"]["message"], route


# --- the charts ------------------------------------------------------------------------


def test_the_timeline_counts_each_day_by_kind_with_the_undated_and_both_scopes(client):
    for scope, keep in (("news", news), ("background", lambda s: not news(s)), ("all", lambda s: True)):
        answer = client.get("/api/view/timeline", params={"scope": scope}).json()
        chosen = [s for s in SPECS if keep(s)]
        counts = collections.Counter((s["date"], s["quad"]) for s in chosen if s["date"])
        quads = [c["quad"] for c in answer["classes"]]
        got = {(day["date"], quads[i]): n for day in answer["days"] for i, n in enumerate(day["counts"]) if n}
        assert got == dict(counts), scope
        assert [day["date"] for day in answer["days"]] == sorted({s["date"] for s in chosen if s["date"]})
        assert answer["undated"] == sum(1 for s in chosen if s["date"] is None)
        assert answer["scopes"] == {"news": sum(map(news, SPECS)), "background": sum(not news(s) for s in SPECS)}
    labels = {c["quad"]: (c["label"], c["kind"]) for c in answer["classes"]}
    assert labels == {1: ("verbal cooperation", "cooperation"), 2: ("material cooperation", "cooperation"),
                      3: ("verbal conflict", "conflict"), 4: ("material conflict", "conflict")}


def test_the_default_period_is_the_latest_30_days_with_events(client):
    days = sorted({s["date"] for s in SPECS if news(s)})
    assert len(days) > 30
    assert client.get("/api/view/timeline").json()["period"] == {"since": days[-30], "until": days[-1]}
    # fewer days than that: all of them
    few = sorted({s["date"] for s in SPECS if news(s) and s["code"].startswith("19")
                  and "RUSMIL" in (s["source"][0], s["target"][0])})
    assert 1 < len(few) < 30
    assert client.get("/api/view/timeline", params={"actor": "RUSMIL", "code": "19"}).json()["period"] == {
        "since": few[0], "until": few[-1]}
    assert client.get("/api/view/timeline", params={"text": "no such words"}).json()["period"] is None


def test_the_network_tells_each_pairs_cooperation_and_conflict(client):
    answer = client.get("/api/view/network", params={"scope": "all", "limit": 500}).json()
    pairs: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for s in SPECS:
        if s["source"][0] != s["target"][0]:
            pairs[(s["source"][0], s["target"][0])]["cooperation" if s["quad"] <= 2 else "conflict"] += 1
    got = {(link["source"], link["target"]): link for link in answer["links"]}
    assert set(got) == set(pairs)
    for pair, kinds in pairs.items():
        link = got[pair]
        assert (link["cooperation"], link["conflict"]) == (kinds["cooperation"], kinds["conflict"])
        assert link["events"] == kinds["cooperation"] + kinds["conflict"]
        expected = ("cooperation" if kinds["cooperation"] > kinds["conflict"] else
                    "conflict" if kinds["conflict"] > kinds["cooperation"] else "mixed")
        assert link["kind"] == expected
    assert {link["kind"] for link in answer["links"]} >= {"cooperation", "conflict"}
    weights = collections.Counter()
    for (source, target), kinds in pairs.items():
        weights[source] += sum(kinds.values())
        weights[target] += sum(kinds.values())
    assert {node["code"]: node["events"] for node in answer["nodes"]} == dict(weights)
    heaviest = client.get("/api/view/network", params={"scope": "all", "limit": 2}).json()["links"]
    assert [link["events"] for link in heaviest] == sorted((sum(k.values()) for k in pairs.values()), reverse=True)[:2]


def test_places_carry_their_events_and_deaths(client):
    answer = client.get("/api/view/places").json()
    chosen = [s for s in SPECS if news(s) and s["place"]]
    per_place: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    per_country: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for s in chosen:
        for table, key in ((per_place, s["place"][0]), (per_country, s["place"][1])):
            table[key][0] += 1
            table[key][1] += s["killed"] or 0
    assert {p["name"]: [p["events"], p["killed"]] for p in answer["places"]} == dict(per_place)
    assert {c["country"]: [c["events"], c["killed"]] for c in answer["countries"]} == dict(per_country)
    assert sum(p["killed"] for p in answer["places"]) > 0


# --- the page's files -------------------------------------------------------------------


def test_the_vendored_libraries_are_served_from_the_package(client):
    page = client.get("/").text
    for path in ("/static/vendor/d3/d3.min.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet/leaflet.css", "/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
                 "/static/vendor/leaflet.markercluster/MarkerCluster.css", "/static/app.js", "/static/timeline.js"):
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["content-type"].startswith("text/javascript" if path.endswith(".js") else "text/css")
    # every file the page names is one the server has, and none lives elsewhere
    named = [part.split('"')[0] for part in page.split('src="')[1:] + page.split('href="')[1:]]
    assert named and all(name.startswith("/static/") or name.startswith("#") for name in named)
    served = static_files()
    for name in named:
        if name.startswith("/static/") and name != "/static/live.js":  # live.js: issue 16's
            assert name.removeprefix("/static/") in served, name
    assert client.get("/static/vendor/manifest.json").status_code == 404  # only known types are served
    assert client.get("/static/vendor/../app.js").status_code in (200, 404)  # the client normalises `..` away


def test_the_vendored_files_match_their_manifest_and_a_changed_one_is_caught(tmp_path):
    script = REPO / "scripts" / "vendor_libraries.py"
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    copy = tmp_path / "vendor"
    shutil.copytree(STATIC / "vendor", copy)
    (copy / "leaflet" / "leaflet.js").write_text("alert('not leaflet')", encoding="utf-8")
    (copy / "extra.js").write_text("", encoding="utf-8")
    (copy / "d3" / "LICENSE").unlink()
    done = subprocess.run([sys.executable, str(script), "--vendor", str(copy)], capture_output=True, text=True)
    assert done.returncode == 1
    assert "leaflet/leaflet.js: changed since leaflet@1.9.4" in done.stderr
    assert "extra.js: not in the manifest" in done.stderr
    assert "d3/LICENSE: missing" in done.stderr


@pytest.mark.slow
def test_the_wheel_carries_the_page_and_its_libraries_with_their_licences(tmp_path):
    # Built from a copy, so that setuptools' build folder does not land in the checkout.
    source = tmp_path / "source"
    shutil.copytree(REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, source / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-w",
                           str(tmp_path), str(source)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    wheel = next(tmp_path.glob("sitroom-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    static = "sitroom/server/static/"
    for path in sorted(STATIC.rglob("*")):
        if path.is_file():
            assert static + path.relative_to(STATIC).as_posix() in names, path
    assert {static + "vendor/d3/LICENSE", static + "vendor/leaflet/LICENSE",
            static + "vendor/leaflet.markercluster/MIT-LICENCE.txt"} <= names
