"""The `sitroom` command: output shapes, error lines, exit statuses, idempotent ingest."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli import main

DATA = Path(__file__).resolve().parent / "data" / "cli"
pytestmark = pytest.mark.slow


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_extract_prints_event_records(runner):
    result = runner.invoke(main, ["extract", str(DATA / "kidnapping.txt"), "--published", "2025-04-10",
                                  "--outlet", "Test Wire"])
    assert result.exit_code == 0, result.output
    events = lines(result.stdout)
    abduction = [e for e in events if e["event_code"].startswith("181")]
    assert abduction, events
    assert abduction[0]["date"] == "2025-04-08"
    assert abduction[0]["evidence"][0]["outlet"] == "Test Wire"
    assert any(e["event_code"].startswith("11") and (e["source_actor"] or {}).get("code", "").startswith("IGOUNO")
               for e in events), events


def test_extract_reads_json_metadata_and_stdin(runner):
    text = (DATA / "protest.json").read_text(encoding="utf-8")
    result = runner.invoke(main, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    events = lines(result.stdout)
    assert {e["evidence"][0]["doc_id"] for e in events} == {"cli-kenya-protest"}
    assert any(e["event_code"].startswith("173") for e in events), events


def test_bad_inputs_get_one_line_each_and_the_rest_goes_on(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "unterminated', encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    result = runner.invoke(main, ["extract", str(empty), str(binary), str(broken), str(missing),
                                  str(DATA / "kidnapping.txt"), "--published", "2025-04-10"])
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l.startswith("Error: ")]
    assert len(errors) == 4, result.stderr
    for path in (empty, binary, broken, missing):
        assert any(str(path) in line for line in errors), (path, errors)
    assert "Traceback" not in result.stderr
    assert lines(result.stdout), "the good file was still coded"


def test_bad_published_flag_is_a_usage_error(runner):
    result = runner.invoke(main, ["extract", str(DATA / "kidnapping.txt"), "--published", "last week"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --published")


def test_analyze_shows_what_the_pipeline_found(runner):
    result = runner.invoke(main, ["analyze", str(DATA / "kidnapping.txt"), "--published", "2025-04-10"])
    assert result.exit_code == 0, result.output
    [doc] = lines(result.stdout)
    text = doc["article"]["text"]
    assert doc["sentences"] and all(text[s["start"]:s["end"]] == s["text"] for s in doc["sentences"])
    assert any(p["text"] == "Baidoa" and p["place"] and p["place"]["country"] == "SOM" for p in doc["places"])
    assert any(d["value"] == "2025-04-08" for d in doc["dates"])
    assert doc["actors"] and doc["events"]


def test_ingest_is_idempotent_and_events_are_queryable(runner, tmp_path):
    db = tmp_path / "store.duckdb"
    inputs = [str(DATA / "kidnapping.txt"), str(DATA / "protest.json")]
    first = runner.invoke(main, ["ingest", *inputs, "--db", str(db), "--published", "2025-04-10"])
    assert first.exit_code == 0, first.output
    assert "2 stored, 0 unchanged" in first.stderr
    again = runner.invoke(main, ["ingest", *inputs, "--db", str(db), "--published", "2025-04-10"])
    assert again.exit_code == 0
    assert "0 stored, 2 unchanged" in again.stderr

    as_json = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    assert as_json.exit_code == 0, as_json.output
    stored = lines(as_json.stdout)
    assert len(stored) == len({e["id"] for e in stored}) > 0

    only = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl", "--code", "181"])
    assert {e["event_code"][:3] for e in lines(only.stdout)} == {"181"}

    as_csv = runner.invoke(main, ["events", "--db", str(db), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert len(rows) == len(stored) and "event_code" in rows[0]

    table = runner.invoke(main, ["events", "--db", str(db)])
    assert table.exit_code == 0 and "events" in table.stdout


def test_events_without_a_store_says_so(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ") and "sitroom ingest" in result.stderr


def test_an_undated_article_takes_its_dateline_date(runner, tmp_path):
    article = tmp_path / "undated.txt"
    article.write_text("KHARTOUM, March 3 2025 (Wire) - Paramilitary fighters shelled a camp for displaced "
                       "people near El Fasher on Saturday, killing nine civilians, medics said.\n", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(article)])
    assert result.exit_code == 0, result.output
    [doc] = lines(result.stdout)
    assert doc["article"]["published"] == "2025-03-03"
    assert doc["article"]["published_inferred"] is True
    assert any("inferred" in note for note in doc["article"]["notes"])
    assert any(e["date"] == "2025-03-01" for e in doc["events"]), doc["events"]


def test_python_dash_m_runs_the_same_command_line():
    """`python -m sitroom` is the `sitroom` script (what a user without the script on PATH types)."""
    import subprocess
    import sys
    done = subprocess.run([sys.executable, "-m", "sitroom", "extract", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Usage: python -m sitroom extract" in done.stdout
