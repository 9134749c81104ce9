"""How requests reach the store file: a short-lived connection per request.

DuckDB lets one process write a file or several read it, never both, and within one
process a file cannot be open read-only and read-write at once. So the server holds no
connection between requests (a `sitroom ingest` in another process gets the file
whenever no request is being answered), and inside the server a readers-writer lock
keeps its own reads and writes apart: reads share, a write (POST /api/articles) waits
for the reads in flight and holds new ones back until it is done.
"""
from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from ..store import Store


# Under a steady stream of requests the file is open nearly all the time (closed only
# for the instant between two requests), and an ingest in another process, which polls
# every 0.1 s, would seldom find it free. So once the file has been open this long with
# no break of GAP_SECONDS, new requests wait for the ones in flight and the file stays
# closed for GAP_SECONDS: longer than the store's lock poll, so a waiting writer sees it.
HOLD_SECONDS = 2.0
GAP_SECONDS = 0.15


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers so that a
    steady stream of reads cannot starve it. Reads that have kept the file open for
    `hold` seconds with no break of `gap` seconds make way for other processes."""

    def __init__(self, *, hold: float = HOLD_SECONDS, gap: float = GAP_SECONDS) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0
        self._pausing = False
        self._held_since = 0.0
        self._released_at = float("-inf")
        self._hold = hold
        self._gap = gap

    @contextlib.contextmanager
    def shared(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting or self._pausing:
                self._cond.wait()
            now = time.monotonic()
            if not self._readers and now - self._released_at >= self._gap:
                self._held_since = now  # closed long enough for another process: a new stretch
            elif now - self._held_since > self._hold:
                self._make_way()
                self._held_since = time.monotonic()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if not self._readers:
                    self._released_at = time.monotonic()
                    self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()

    def _make_way(self) -> None:
        """Hold new readers back until the file is closed, then keep it closed for the gap
        (called with the condition held)."""
        self._pausing = True
        try:
            while self._readers:
                self._cond.wait()
            while (left := self._released_at + self._gap - time.monotonic()) > 0:
                self._cond.wait(left)
        finally:
            self._pausing = False
            self._cond.notify_all()


class StoreAccess:
    """Opens the store for one request and closes it after; `wait` is how long an open
    retries while another process (an ingest) holds the file."""

    def __init__(self, path: Path, *, read_wait: float, write_wait: float) -> None:
        self.path = path
        self.read_wait = read_wait
        self.write_wait = write_wait
        self._lock = ReadWriteLock()

    def prepare(self) -> None:
        """Create the store if there is none yet, else check it can be read (raises
        StoreError otherwise), so that a bad --db fails at start, not on the first request."""
        if not self.path.exists():
            with self.writing():
                return
        with self.reading():
            return

    @contextlib.contextmanager
    def reading(self) -> Iterator[Store]:
        with self._lock.shared():
            store = Store.open(self.path, read_only=True, wait=self.read_wait)
            try:
                yield store
            finally:
                store.close()

    @contextlib.contextmanager
    def writing(self) -> Iterator[Store]:
        with self._lock.exclusive():
            store = Store.open(self.path, wait=self.write_wait)
            try:
                yield store
            finally:
                store.close()
