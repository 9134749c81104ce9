"""`sitroom bench`: what it measures and how it prints it."""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.bench import (
    FEED_DAYS,
    FEED_FIRST_DAY,
    MB,
    OUTLETS,
    STORY_DAYS,
    BenchResult,
    PeakMemory,
    dated_feed,
    feed_line,
    run_bench,
    stories,
    timed_cpu,
    tree_rss,
)
from sitroom.cli import main
from sitroom.errors import UsageError
from sitroom.intake import read_articles
from sitroom.options import Options
from sitroom.records import Article

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
    first, mine, spacy, ratio = result(stream="dated (2025-03-10 to 2025-03-13, 9 stories)", fused_events=30,
                                       write_seconds=1.25, sitroom_cpu_seconds=20.0, spacy_cpu_seconds=15.0,
                                       sitroom_parent_cpu_seconds=4.0).lines()
    assert first == "dated (2025-03-10 to 2025-03-13, 9 stories): 100 documents, 30,000 words from c.jsonl; 2 processes each"
    assert "10.0 s" in mine and "10.00 docs/s" in mine and "3000 words/s" in mine and "900 MB" in mine
    assert "40 events coded, 30 after fusion" in mine and "store writes 1.2 s" in mine and "CPU   20.0 s" in mine
    assert "this process CPU 4.0 s" in mine
    assert "CPU   15.0 s" in spacy
    assert "8.0 s" in spacy and "12.50 docs/s" in spacy and "800 MB" in spacy and "n_process=2" in spacy
    assert ratio == "sitroom / spaCy speed: 0.80 (CPU time: 0.75)"


def test_cpu_time_counts_the_children_a_run_waited_for() -> None:
    work = "sum(i * i for i in range(3_000_000))"
    _, _, _, cpu = timed_cpu(lambda: subprocess.run([sys.executable, "-c", work], check=True))
    _, _, _, idle = timed_cpu(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    assert cpu > idle + 0.05


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


# Five stories of my own, told by several outlets each: story k's reports are "k-0", "k-1", ...
SIZES = (1, 2, 3, 5, 8)
STORY_OF = {f"{k}-{i}": f"story {k}" for k, size in enumerate(SIZES) for i in range(size)}


def feed_input() -> list[Article]:
    return [Article(id=doc_id, text=f"Talks on the port blockade resumed in the capital ({doc_id}).",
                    published="2019-01-01", outlet="Original") for doc_id in STORY_OF]


def test_a_dated_feed_spreads_each_story_over_a_day_or_two() -> None:
    feed = dated_feed(feed_input(), STORY_OF)
    assert sorted(a.id for a in feed) == sorted(STORY_OF) and len(feed) == len(STORY_OF)
    days = {a.id: dt.date.fromisoformat(a.published or "") for a in feed}
    last = FEED_FIRST_DAY + dt.timedelta(days=FEED_DAYS + STORY_DAYS - 2)
    assert all(FEED_FIRST_DAY <= day <= last for day in days.values())
    for story in set(STORY_OF.values()):
        story_days = [days[doc_id] for doc_id, s in STORY_OF.items() if s == story]
        assert (max(story_days) - min(story_days)).days < STORY_DAYS
        outlets = [a.outlet for a in feed if STORY_OF[a.id] == story]
        assert len(set(outlets)) == len(outlets) and set(outlets) <= set(OUTLETS)  # other outlets' copies
    assert [a.published for a in feed] == sorted(a.published or "" for a in feed)  # in publication order
    assert not any(a.published_inferred for a in feed)


def test_a_dated_feed_interleaves_stories_and_is_the_same_on_every_run() -> None:
    feed = dated_feed(feed_input(), STORY_OF)
    assert feed == dated_feed(feed_input(), STORY_OF)
    assert feed != dated_feed(feed_input(), STORY_OF, seed=3)
    stories_in_order = [STORY_OF[a.id] for a in feed]
    runs = sum(1 for a, b in zip(stories_in_order, stories_in_order[1:]) if a != b) + 1
    assert runs > len(SIZES)  # some story's reports are not all in one run: the feed mixes stories


def test_an_article_without_a_story_is_a_story_alone() -> None:
    feed = dated_feed(feed_input(), {})
    assert len(feed) == len(STORY_OF) and all(a.published for a in feed)


def test_a_feed_line_reads_back_as_the_same_article(tmp_path: Path) -> None:
    feed = dated_feed(feed_input(), STORY_OF)
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(feed_line(a) for a in feed), encoding="utf-8")
    back = [a for a in read_articles([str(path)], Options()) if isinstance(a, Article)]
    assert [(a.id, a.text, a.published, a.outlet) for a in back] == [(a.id, a.text, a.published, a.outlet)
                                                                     for a in feed]


def test_stories_come_from_ecb_gold_clusters() -> None:
    found = stories(ECB)
    lines = [json.loads(line) for line in ECB.read_text(encoding="utf-8").splitlines()]
    assert found == {d["id"]: d["gold_event_cluster"] for d in lines}
    assert len(set(found.values())) < len(found)  # clusters of several documents


def test_a_corpus_without_clusters_has_no_stories(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Troops crossed the border on Monday.", encoding="utf-8")
    assert stories(tmp_path / "a.txt") == {}


def test_an_unknown_stream_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="streams must be some of undated, dated"):
        run_bench(ECB, limit=2, streams=("weekly",))


@pytest.mark.slow
def test_bench_times_both_on_the_same_documents() -> None:
    undated, dated = run_bench(ECB, limit=12, workers=1)
    assert undated.stream == "undated" and dated.stream.startswith("dated (")
    assert dated.documents == undated.documents and dated.words == undated.words
    r = undated
    texts = [json.loads(line)["text"] for line in ECB.read_text(encoding="utf-8").splitlines()[:12]]
    assert r.documents == 12 and r.words == sum(len(t.split()) for t in texts)
    assert r.sitroom_seconds > 0 and r.spacy_seconds > 0
    assert r.sitroom_peak_rss > 100 * MB and r.spacy_peak_rss > 100 * MB  # a model was loaded in each run


@pytest.mark.slow
def test_the_bench_command_prints_its_report() -> None:
    outcome = CliRunner().invoke(main, ["bench", str(ECB), "--limit", "6"])
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert len(lines) == 9 and lines[4] == ""
    for block in (lines[:4], lines[5:]):
        assert "6 documents" in block[0] and block[1].startswith("sitroom ingest")
        assert block[2].startswith("bare spaCy") and block[3].startswith("sitroom / spaCy speed: ")
    assert lines[0].startswith("undated: ") and lines[5].startswith("dated (")


@pytest.mark.slow
def test_the_bench_command_runs_one_stream_when_asked() -> None:
    outcome = CliRunner().invoke(main, ["bench", str(ECB), "--limit", "4", "--dated"])
    assert outcome.exit_code == 0, outcome.output
    lines = outcome.stdout.splitlines()
    assert len(lines) == 4 and lines[0].startswith("dated (")
