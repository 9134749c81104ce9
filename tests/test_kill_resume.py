"""A real `sitroom ingest` killed (SIGKILL) at random moments and run again to completion
leaves exactly the store a clean run makes: same articles, sentences, events (ids and
records) and evidence rows."""
from __future__ import annotations

import json
import os
import random
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
# Articles in the corpus: enough for several store batches (commands.INGEST_BATCH = 16) and
# a few seconds of analysis, so that kills land before, between and inside batches.
ARTICLES = 300

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

    killed_db = tmp_path / "killed.duckdb"
    rng = random.Random(2024)
    log: list[str] = []
    for kill in range(KILLS):
        # from just after start-up (spaCy loading) to near the end of a clean run
        delay = rng.uniform(1.0, clean_seconds * 0.9)
        process = subprocess.Popen(ingest_command(corpus, killed_db), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, env=environment())
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        stored = len(dump(killed_db)["articles"]) if killed_db.exists() else 0
        log.append(f"kill {kill + 1}: after {delay:.2f} s, {stored} of {ARTICLES} articles stored")
    print("\n".join([f"clean run: {clean_seconds:.2f} s", *log]))
    done = subprocess.run(ingest_command(corpus, killed_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    assert done.returncode == 0, done.stderr
    resumed = dump(killed_db)
    for table in clean:
        assert resumed[table] == clean[table], f"{table} differs after kills: {log}"
