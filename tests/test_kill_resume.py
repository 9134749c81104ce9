"""A real `sitroom ingest` killed (SIGKILL) at random moments and run again to completion
leaves exactly the store a clean run makes: same articles, sentences, events (ids and
records) and evidence rows."""
from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
KILLS = 4
# Articles in the corpus: the ingest writes them 64 at a time (commands.INGEST_BATCH = 16,
# BATCHES_PER_OPEN = 4), so 500 make eight writes: room for four kills, each after at
# least one write of its run and before its last.
ARTICLES = 500
# Tries per kill before the test gives up: a kill that comes too early or too late is tried
# again at another random moment.
ATTEMPTS = 8
# The width of the window a kill is drawn in, as a share of a clean run's analysis time:
# about one and a half writes' worth, so that a kill rarely uses up the work the next
# kills need (at 0.25 three kills once left less than two writes for the fourth).
SPAN_SHARE = 0.2

# Pieces of short wire reports, written for these tests: who, what, where, how many, who says.
ACTORS = ["Sudanese army", "Rapid Support Forces", "M23 rebels", "Congolese troops", "Houthi forces",
          "Saudi-led coalition aircraft", "Russian forces", "Ukrainian troops", "Al-Shabaab fighters",
          "Somali soldiers", "Israeli aircraft", "Hamas gunmen", "Myanmar junta troops", "Arakan Army fighters"]
PLACES = ["El Fasher", "Omdurman", "Goma", "Bunia", "Hodeidah", "Marib", "Kharkiv", "Avdiivka", "Mogadishu",
          "Baidoa", "Khan Younis", "Rafah", "Sittwe", "Lashio"]
ACTS = ["shelled", "attacked", "stormed", "bombed", "raided", "seized"]
TARGETS = ["a market", "an army base", "a village", "a displacement camp", "a checkpoint", "a hospital"]
DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
SOURCES = ["local officials said", "a medical charity said", "witnesses told reporters",
           "the health ministry said", "a monitoring group said"]
FOLLOW_UPS = [
    "The government condemned the attack and promised an inquiry.",
    "The United Nations called for an immediate ceasefire.",
    "Residents said they had fled toward the border.",
    "Aid groups warned of shortages of food and medicine.",
    "Both sides accused each other of violating a truce agreed last month.",
]


def write_corpus(folder: Path, count: int = ARTICLES, seed: int = 7) -> None:
    """`count` short reports in `folder`, JSON Lines and text files mixed."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(count):
        actor, place, act = rng.choice(ACTORS), rng.choice(PLACES), rng.choice(ACTS)
        killed, injured = rng.randint(2, 90), rng.randint(0, 40)
        text = (f"{actor} {act} {rng.choice(TARGETS)} in {place} on "
                f"{rng.choice(DAYS)}, killing at least {killed} people and wounding {injured}, "
                f"{rng.choice(SOURCES)}.\n\n{rng.choice(FOLLOW_UPS)} {rng.choice(FOLLOW_UPS)}\n")
        published = f"2024-0{rng.randint(1, 9)}-{rng.randint(10, 28)}"
        if i % 3:
            lines.append({"id": f"report-{i:04d}", "text": text, "published": published, "outlet": "Test Wire"})
        else:
            (folder / f"report-{i:04d}.txt").write_text(text, encoding="utf-8")
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "sitroom.cli", "ingest", str(corpus), "--db", str(db), "--quiet",
            "--published", "2024-06-30"]


def environment() -> dict[str, str]:
    return {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")}


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted (the ingestion time aside)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT id, content_hash, title, outlet, published, published_inferred, url, language, source, "
                "notes::VARCHAR, furniture::VARCHAR, text FROM articles ORDER BY id").fetchall(),
            "sentences": con.execute("SELECT * FROM sentences ORDER BY article_id, idx").fetchall(),
            "events": con.execute(
                "SELECT * EXCLUDE (record), record::VARCHAR FROM events ORDER BY id").fetchall(),
            "evidence": con.execute(
                'SELECT * FROM evidence ORDER BY event_id, doc_id, start, "end", article_id').fetchall(),
        }
    finally:
        con.close()


def stored_articles(db: Path) -> int:
    return len(dump(db)["articles"]) if db.exists() else 0


@pytest.mark.slow
def test_killed_ingests_resume_to_the_clean_store(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    clean_db = tmp_path / "clean.duckdb"
    started = time.monotonic()
    done = subprocess.run(ingest_command(corpus, clean_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    clean_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    clean = dump(clean_db)
    assert len(clean["articles"]) == ARTICLES and clean["events"]
    # Start-up alone (interpreter, spaCy's load, two articles): no kill before it can land in a write.
    write_corpus(tmp_path / "start-up", 2)
    started = time.monotonic()
    done = subprocess.run(ingest_command(tmp_path / "start-up", tmp_path / "start-up.duckdb"), capture_output=True,
                          text=True, timeout=600, env=environment())
    startup_seconds = time.monotonic() - started
    assert done.returncode == 0, done.stderr

    killed = tmp_path / "killed"  # the store's folder: its file, write-ahead log and ingest lock
    killed.mkdir()
    killed_db = killed / "store.duckdb"
    seed = int(os.environ.get("SITROOM_TEST_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    # Each kill is drawn in a window that opens where kills were seen to come too early (nothing
    # stored yet by that run) and spans SPAN_SHARE of the analysis; a kill that came too late
    # (the run had finished) is undone and closes the window above it.
    too_early = startup_seconds
    too_late = clean_seconds
    span = SPAN_SHARE * max(clean_seconds - startup_seconds, 1.0)
    log = [f"seed {seed} (replay with SITROOM_TEST_SEED={seed}); clean run {clean_seconds:.2f} s, "
           f"start-up {startup_seconds:.2f} s"]
    for kill in range(KILLS):
        before = stored_articles(killed_db)
        snapshot = tmp_path / f"before-kill-{kill + 1}"
        shutil.copytree(killed, snapshot)
        for attempt in range(ATTEMPTS):
            high = min(too_early + span, too_late)
            delay = rng.uniform(min(too_early, high - 0.1), high)  # timings vary: the bounds may cross
            process = subprocess.Popen(ingest_command(corpus, killed_db), stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=environment())
            time.sleep(delay)
            running = process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=60)
            after = stored_articles(killed_db)
            log.append(f"kill {kill + 1}, try {attempt + 1}: after {delay:.2f} s, "
                       f"{'running' if running else 'finished'}, {before} -> {after} of {ARTICLES} stored")
            if running and before < after < ARTICLES:
                break  # killed while it was writing: it had stored part of its work, not all
            if running and after == before:
                too_early = max(too_early, delay)
            else:  # it finished (or stored the last article) first: undo, and kill earlier
                too_late = min(too_late, delay)
                shutil.rmtree(killed)
                shutil.copytree(snapshot, killed)
        else:
            pytest.fail(f"no kill landed while the ingest was writing in {ATTEMPTS} tries:\n" + "\n".join(log))
    print("\n".join(log))
    done = subprocess.run(ingest_command(corpus, killed_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    assert done.returncode == 0, done.stderr
    resumed = dump(killed_db)
    for table in clean:
        assert resumed[table] == clean[table], f"{table} differs after kills: {log}"
