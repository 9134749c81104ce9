"""Two real `sitroom ingest` processes on one store take turns: the second says it waits
for the lock, then finds everything stored; a second ingest held off too long is refused with an
error naming the file and the process, while readers get in between batches. Nothing is corrupted."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitroom.errors import StoreLocked
from sitroom.store import Store
from sitroom.store import writer_lock
from test_kill_resume import dump, environment, ingest_command, write_corpus

ARTICLES = 150

# `sitroom ingest` as it is, except that it waits, its ingest lock held, until the test says
# go: once it has written its first batch and let go of the file ("between") or once it has
# stored everything ("end"). The test then sees the store between two of the ingest's
# writes, or has a second ingest find the lock held, whatever the speed of the machine,
# where it used to race an ingest that takes about a second to analyse these articles.
PAUSING_INGEST = """
import os, sys, time
from pathlib import Path
from sitroom import cli, commands
from sitroom.store import Store

paused, go, where = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
original_add, original_close, original_ingest = Store.add_articles, Store.close, commands.ingest
wrote = []


def pause():
    paused.write_text(str(os.getpid()))
    while not go.exists():
        time.sleep(0.05)


def add_articles(self, *args, **kwargs):
    wrote.append(True)
    return original_add(self, *args, **kwargs)


def close(self):
    original_close(self)
    if where == "between" and wrote and not paused.exists():
        pause()


def ingest(*args, **kwargs):
    report = original_ingest(*args, **kwargs)
    if where == "end":
        pause()
    return report


Store.add_articles, Store.close, commands.ingest = add_articles, close, ingest
sys.argv = ["sitroom", *sys.argv[4:]]
cli.main()
"""


def pausing_command(corpus: Path, db: Path, paused: Path, go: Path, where: str) -> list[str]:
    """`ingest_command`, run so that it pauses `where` ("between" or "end") until `go` exists."""
    return [sys.executable, "-c", PAUSING_INGEST, str(paused), str(go), where, *ingest_command(corpus, db)[3:]]


def _wait_for(path: Path, seconds: float, process: subprocess.Popen[str] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert process is None or process.poll() is None, f"the ingest ended before {path} appeared"
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


@pytest.mark.slow
def test_two_ingests_take_turns(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES, seed=11)
    clean_db = tmp_path / "clean.duckdb"
    done = subprocess.run(ingest_command(corpus, clean_db), capture_output=True, text=True, timeout=600,
                          env=environment())
    assert done.returncode == 0, done.stderr

    db = tmp_path / "shared.duckdb"
    paused, go = tmp_path / "paused", tmp_path / "go"
    first = subprocess.Popen(pausing_command(corpus, db, paused, go, "end"), stderr=subprocess.PIPE, text=True,
                             env=environment())
    try:
        _wait_for(paused, 600, first)  # the first has stored everything, its ingest lock still held
        second_command = [part for part in ingest_command(corpus, db) if part != "--quiet"]
        second = subprocess.Popen(second_command, stderr=subprocess.PIPE, text=True, env=environment())
        assert second.stderr is not None
        said = []  # what the second says up to its wait (it cannot go on while the first is paused)
        while not said or not (said[-1].startswith("Waiting") or said[-1] == ""):
            said.append(second.stderr.readline())
        assert said[-1].startswith(f"Waiting up to 30 s: {db} is in use by another sitroom process "
                                   f"(process {first.pid})"), said
    finally:
        go.touch()
    _, first_err = first.communicate(timeout=600)
    _, second_err = second.communicate(timeout=600)
    second_err = "".join(said) + second_err
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    # the second found every article stored by the first and wrote nothing
    assert f"{ARTICLES} articles read: 0 stored, {ARTICLES} unchanged" in second_err
    assert dump(db) == dump(clean_db)


@pytest.mark.slow
def test_a_store_held_too_long_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES, seed=12)
    db = tmp_path / "held.duckdb"
    paused, go = tmp_path / "paused", tmp_path / "go"
    holder = subprocess.Popen(pausing_command(corpus, db, paused, go, "between"), stderr=subprocess.PIPE,
                              text=True, env=environment())
    try:
        _wait_for(paused, 600, holder)  # it has written a batch and let go of the file
        # a second ingest is refused once its wait is over, naming the file and the holder
        with pytest.raises(StoreLocked) as caught, writer_lock(db, wait=0.3):
            pass
        assert str(caught.value).startswith(f"{db} is in use by another sitroom process (process {holder.pid})")
        # readers are not: the ingest lets go of the file between batches, and a read finds
        # part of the articles stored while the ingest still runs
        with Store.open(db, read_only=True, wait=30) as store:
            articles = store.stats()["articles"]
        assert holder.poll() is None and 0 < articles < ARTICLES, articles
    finally:
        go.touch()
        _, err = holder.communicate(timeout=600)
    assert holder.returncode == 0, err
    with Store.open(db, read_only=True) as store:
        assert store.stats()["articles"] == ARTICLES
