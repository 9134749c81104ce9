"""One ingest at a time per store file, while readers come and go.

`sitroom ingest` opens the store for each batch and lets go of it in between, so the
dashboard and `sitroom events` can read during a long ingest. Two ingests on one store
must still take turns (they would otherwise interleave their batches, and fusion's
result depends on the order events arrive). They do so on an advisory lock on a file
beside the store, `<store>.ingest-lock`, held for the whole ingest and released by the
kernel when the process ends, however it ends. The file holds the holder's process id.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import StoreError, StoreLocked

POLL_SECONDS = 0.1


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".ingest-lock")


@contextlib.contextmanager
def writer_lock(db_path: Path, *, wait: float, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's ingest lock; while another process holds it, say so once through
    `on_wait` and retry for `wait` seconds, then raise `StoreLocked` naming the holder."""
    path = lock_path(db_path)
    try:
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the ingest lock beside the store: {exc.strerror}") from exc
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                message = f"{db_path} is in use by another sitroom process{_holder(handle)}"
                if time.monotonic() >= deadline:
                    raise StoreLocked(f"{message}: wait for it to finish (for example an ingest) or stop it, "
                                      "then try again") from None
                if on_wait and not told:
                    on_wait(message)
                    told = True
                time.sleep(POLL_SECONDS)
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(handle, 0)
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        os.close(handle)


def _holder(handle: int) -> str:
    try:
        pid = os.pread(handle, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (process {pid})" if pid.isdigit() else ""
