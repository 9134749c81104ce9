"""`sitroom bench`: what it measures and how it prints it."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.bench import MB, BenchResult, PeakMemory, run_bench, tree_rss
from sitroom.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
ECB = SHARED / "bench" / "ecbplus_docs.jsonl"


def result(**changes: object) -> BenchResult:
    fields: dict = dict(corpus="c.jsonl", model="m", documents=100, words=30_000, workers=2, events=40,
                        sitroom_seconds=10.0, sitroom_peak_rss=900 * MB, spacy_seconds=8.0,
                        spacy_peak_rss=800 * MB)
    fields.update(changes)
    return BenchResult(**fields)


def test_rates_and_ratio_follow_from_the_timings() -> None:
    r = result()
    assert r.sitroom_docs_per_second == 10.0 and r.spacy_docs_per_second == 12.5
    assert r.sitroom_words_per_second == 3000.0 and r.spacy_words_per_second == 3750.0
    assert r.ratio == pytest.approx(0.8)


def test_the_printed_lines_carry_every_figure() -> None:
    first, mine, spacy, ratio = result().lines()
    assert first == "100 documents, 30,000 words from c.jsonl; 2 processes each"
    assert "10.0 s" in mine and "10.00 docs/s" in mine and "3000 words/s" in mine and "900 MB" in mine
    assert "8.0 s" in spacy and "12.50 docs/s" in spacy and "800 MB" in spacy and "n_process=2" in spacy
    assert ratio == "sitroom / spaCy speed: 0.80"


def test_peak_memory_counts_child_processes(tmp_path: Path) -> None:
    alone = tree_rss(os.getpid())
    child = subprocess.Popen([sys.executable, "-c", "import sys, time; b = bytearray(80_000_000); "
                              "print('ready', flush=True); time.sleep(30)"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with PeakMemory() as memory:
            pass
        assert memory.peak >= alone + 80_000_000
    finally:
        child.kill()
        child.wait()


def test_a_missing_corpus_is_one_error_line(tmp_path: Path) -> None:
    outcome = CliRunner().invoke(main, ["bench", str(tmp_path / "none.jsonl")])
    assert outcome.exit_code == 1
    assert outcome.stderr.startswith("Error: ") and "none.jsonl" in outcome.stderr
    assert len(outcome.stderr.splitlines()) == 1


def test_an_empty_corpus_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "a.jsonl").write_text(json.dumps({"id": "x", "text": "   "}) + "\n", encoding="utf-8")
    outcome = CliRunner().invoke(main, ["bench", str(folder / "a.jsonl")])
    assert outcome.exit_code != 0 and outcome.stderr.startswith("Error: ")


@pytest.mark.slow
def test_bench_times_both_on_the_same_documents() -> None:
    r = run_bench(ECB, limit=12, workers=1)
    texts = [json.loads(line)["text"] for line in ECB.read_text(encoding="utf-8").splitlines()[:12]]
    assert r.documents == 12 and r.words == sum(len(t.split()) for t in texts)
    assert r.sitroom_seconds > 0 and r.spacy_seconds > 0
    assert r.sitroom_peak_rss > 100 * MB and r.spacy_peak_rss > 100 * MB  # a model was loaded in each run


@pytest.mark.slow
def test_the_bench_command_prints_its_report() -> None:
    outcome = CliRunner().invoke(main, ["bench", str(ECB), "--limit", "6"])
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("6 documents") and lines[1].startswith("sitroom ingest")
    assert lines[2].startswith("bare spaCy") and lines[3].startswith("sitroom / spaCy speed: ")
