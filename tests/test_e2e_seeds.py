"""End to end on the two reference articles: `sitroom extract`, scored by the shared scorer.

The seed texts are read from ../shared at run time (never copied). The floor below is the
quality gate: it may only rise.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / "shared"
# Event F1 on the seeds: measured 0.966 (precision 0.933, recall 1.000: 28 of 30 predicted
# matched, 24 of 24 required found) when the floor was last raised (issue 13, thirteenth
# stop: an unplaced act no longer placed in its one side's country before the dateline's;
# 0.949 when the floor was 0.94; 0.889 before that: background events are no longer given by
# default); the floor leaves room for about one more unmatched event (parser differences
# across platforms). Raise it when the coder improves, never lower it.
F1_FLOOR = 0.95
# Share right of each attribute on the matched events, measured then: every one right, so
# each floor sits just under 1.00 and one wrong value fails it.
ATTRIBUTE_FLOORS = {
    "location": 0.95,  # measured 14/14
    "attribution": 0.95,  # measured 9/9
    "fatalities": 0.95,  # measured 4/4 (tolls: killed and qualifier)
    "fatalities_by_group": 0.95,  # measured 1/1 (the toll's breakdown by group)
    "modality": 0.95,  # measured 2/2
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_input(tmp_path_factory) -> Path:
    if not (SHARED / "seeds" / "articles.jsonl").exists():
        pytest.fail(f"the shared data is missing: expected {SHARED}/seeds (see README)")
    path = tmp_path_factory.mktemp("seeds") / "seeds.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for line in (SHARED / "seeds" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
            meta = json.loads(line)
            meta["text"] = (SHARED / "seeds" / meta.pop("path")).read_text(encoding="utf-8")
            out.write(json.dumps(meta, ensure_ascii=False) + "\n")
    return path


def run_extract(path: Path, *flags: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "sitroom.cli", "extract", str(path), *flags],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def events(seed_input) -> list[dict]:
    return run_extract(seed_input)


def score(events: list[dict], tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "score_events.py"), "--gold",
                           str(SHARED / "gold" / "seeds.gold.jsonl"), "--pred", str(pred), "--json"],
                          capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_seed_score_keeps_its_floor(events, tmp_path):
    result = score(events, tmp_path)
    assert result["negative_violations"] == 0, result
    assert result["f1"] >= F1_FLOOR, result


def test_background_only_on_request(events, seed_input, tmp_path):
    """The 2015 offensive told as history: not among the news by default; with
    --background it is there, flagged, and never dated at the time of the report."""
    assert not any(e["historical"] for e in events)
    everything = run_extract(seed_input, "--background")
    background = [e for e in everything if e["historical"]]
    assert background and all(any("2015" in ev["sentence"] for ev in e["evidence"]) for e in background)
    assert {e["id"] for e in everything} - {e["id"] for e in background} == {e["id"] for e in events}
    assert score(everything, tmp_path)["negative_violations"] == 0


def test_attributes_of_matched_events(events, tmp_path):
    result = score(events, tmp_path)
    for name, floor in ATTRIBUTE_FLOORS.items():
        a = result["attributes"][name]
        assert a["matched"] and a["right"] / a["matched"] >= floor, (name, a)


def test_records_keep_the_contract(events, seed_input):
    texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in seed_input.read_text(encoding="utf-8").splitlines()}
    assert events
    for event in events:
        assert len(event["event_code"]) in (2, 3, 4) and event["event_code"].isdigit()
        assert event["modality"] in ("asserted", "claimed", "planned", "threatened", "hypothetical", "negated")
        assert event["date_precision"] in ("day", "week", "month", "year")
        assert 0 <= event["confidence"] <= 1
        assert event["evidence"], event["id"]
        for evidence in event["evidence"]:
            text = texts[evidence["doc_id"]]
            assert text[evidence["start"]:evidence["end"]] == evidence["sentence"]


def test_ids_are_stable_across_runs(events, seed_input):
    again = run_extract(seed_input)
    assert [e["id"] for e in again] == [e["id"] for e in events]
    assert len({e["id"] for e in events}) == len(events)
