"""Two real `sitroom ingest` processes on one store take turns: the second says it waits
for the lock, then finds everything stored; a second ingest held off too long is refused with an
error naming the file and the process, while readers get in between batches. Nothing is corrupted."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from sitroom.errors import StoreLocked
from sitroom.store import Store
from sitroom.store import writer_lock
from test_kill_resume import dump, environment, ingest_command, write_corpus

ARTICLES = 150


def _wait_for(path: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
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
    first = subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True, env=environment())
    _wait_for(db, 60)  # the first holds the file from here on
    second_command = [part for part in ingest_command(corpus, db) if part != "--quiet"]
    second = subprocess.Popen(second_command, stderr=subprocess.PIPE, text=True, env=environment())
    _, first_err = first.communicate(timeout=600)
    _, second_err = second.communicate(timeout=600)
    assert first.returncode == 0, first_err
    assert second.returncode == 0, second_err
    assert f"Waiting up to 30 s: {db} is in use by another sitroom process (process {first.pid})" in second_err
    # the second found every article stored by the first and wrote nothing
    assert f"{ARTICLES} articles read: 0 stored, {ARTICLES} unchanged" in second_err
    assert dump(db) == dump(clean_db)


@pytest.mark.slow
def test_a_store_held_too_long_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, ARTICLES, seed=12)
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen(ingest_command(corpus, db), stderr=subprocess.PIPE, text=True, env=environment())
    try:
        _wait_for(db, 60)
        time.sleep(0.5)
        # a second ingest is refused once its wait is over, naming the file and the holder
        with pytest.raises(StoreLocked) as caught, writer_lock(db, wait=0.3):
            pass
        assert str(caught.value).startswith(f"{db} is in use by another sitroom process (process {holder.pid})")
        # readers are not: the ingest lets go of the file between batches. Read until one read
        # finds part of the articles stored while the ingest still runs (it got in between two
        # of its writes), noting for each read whether the writer was still running after it.
        reads: list[tuple[int, bool]] = []  # (articles seen, the ingest still running once read)
        refused: list[str] = []
        deadline = time.monotonic() + 120
        while holder.poll() is None and time.monotonic() < deadline:
            try:
                with Store.open(db, read_only=True, wait=0.5) as store:
                    articles = store.stats()["articles"]
            except StoreLocked as exc:  # the ingest is writing: expected now and then, and only so
                assert str(exc).startswith(f"{db} is in use by another sitroom process"), exc
                refused.append(str(exc))
                continue
            reads.append((articles, holder.poll() is None))
            if reads[-1][1] and 0 < articles < ARTICLES:
                break
            time.sleep(0.05)
        between = [articles for articles, running in reads if running and 0 < articles < ARTICLES]
        seen = sorted({articles for articles, _ in reads})
        print(f"{len(reads)} reads (articles seen: {seen}), {len(refused)} refused while the ingest wrote")
        assert between, f"no read got in between the ingest's writes: {reads}, {len(refused)} refused"
    finally:
        _, err = holder.communicate(timeout=600)
    assert holder.returncode == 0, err
    with Store.open(db, read_only=True) as store:
        assert store.stats()["articles"] == ARTICLES
