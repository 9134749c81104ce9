"""A real `sitroom ingest` killed (SIGKILL) at random moments of its writes and run again to
completion leaves exactly the store a clean run makes: same articles, sentences, events
(ids and records) and evidence rows."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
KILLS = 4
# Articles in the corpus: the ingest writes them 32 at a time (commands.INGEST_BATCH), so
# 500 make sixteen writes: room for four kills, each in the second write of its run.
ARTICLES = 500
# The ingest kills itself once its second write of the run has begun (the first is then
# stored), after a random delay of up to this: inside that write or just after it. Drawn
# in the process, from the moment the write begins, so that where a kill lands does not
# depend on how long the machine took to get there (a kill timed from the outside came
# too early or too late on a machine slower or faster than the clean run's).
KILL_WITHIN_SECONDS = 0.2
KILLING_INGEST = """
import os, random, signal, sys, threading, time
from sitroom import cli
from sitroom.store import Store

delay = random.Random(int(sys.argv[1])).uniform(0.0, float(sys.argv[2]))
original_add = Store.add_articles
writes = []


def kill_later():
    time.sleep(delay)
    os.kill(os.getpid(), signal.SIGKILL)


def add_articles(self, *args, **kwargs):
    writes.append(True)
    if len(writes) == 2:
        threading.Thread(target=kill_later, daemon=True).start()
    return original_add(self, *args, **kwargs)


Store.add_articles = add_articles
sys.argv = ["sitroom", *sys.argv[3:]]
cli.main()
"""

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
    done = subprocess.run(ingest_command(corpus, clean_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    assert done.returncode == 0, done.stderr
    clean = dump(clean_db)
    assert len(clean["articles"]) == ARTICLES and clean["events"]

    killed = tmp_path / "killed"  # the store's folder: its file, write-ahead log and ingest lock
    killed.mkdir()
    killed_db = killed / "store.duckdb"
    seed = int(os.environ.get("SITROOM_TEST_SEED", random.randrange(2**32)))
    rng = random.Random(seed)
    log = [f"seed {seed} (replay with SITROOM_TEST_SEED={seed})"]
    for kill in range(KILLS):
        before = stored_articles(killed_db)
        command = [sys.executable, "-c", KILLING_INGEST, str(rng.randrange(2**32)), str(KILL_WITHIN_SECONDS),
                   *ingest_command(corpus, killed_db)[3:]]
        process = subprocess.run(command, capture_output=True, text=True, timeout=600, env=environment())
        after = stored_articles(killed_db)
        log.append(f"kill {kill + 1}: {before} -> {after} of {ARTICLES} stored")
        assert process.returncode == -signal.SIGKILL, (process.returncode, process.stderr[-2000:], log)
        # killed in or just after its second write: its first was stored, not all of its work
        assert before < after < ARTICLES, log
    print("\n".join(log))
    done = subprocess.run(ingest_command(corpus, killed_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    assert done.returncode == 0, done.stderr
    resumed = dump(killed_db)
    for table in clean:
        assert resumed[table] == clean[table], f"{table} differs after kills: {log}"
