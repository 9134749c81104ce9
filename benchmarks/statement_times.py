"""The store's time per kind of SQL statement, for the benchmarks that write a store.

    with StatementTimes() as times:
        ingest(...)
    times.print(top=25)

Every connection `Store.open` makes while the block runs is wrapped: each `execute`, with
the fetch of its rows, is timed (by `clock`: the wall clock by default, which is the
writer's own, as DuckDB runs one thread per store; `time.thread_time` for processor time
of the caller's thread, where DuckDB runs) and counted under the statement's text with
its whitespace collapsed, so the story step's and fusion's look-ups each have their own
line; the rows fetched are counted too. Only the process that opens the store is seen: in
an ingest that is the writer, where every write runs.
"""
from __future__ import annotations

import re
import time
from collections import defaultdict
from types import TracebackType
from collections.abc import Callable
from typing import Any

from sitroom.store import database

_SPACE = re.compile(r"\s+")
KEY_CHARS = 150  # enough of a statement's text to tell the store's statements apart


class _Timed:
    """A DuckDB connection whose `execute` calls are timed into `times`."""

    def __init__(self, con: Any, times: "StatementTimes") -> None:
        self._con = con
        self._times = times

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        began = self._times.clock()
        try:
            return _Fetched(self._con.execute(sql, *args, **kwargs), self._times, sql)
        finally:
            self._times.add(sql, self._times.clock() - began)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)


class _Fetched:
    """A statement's result whose fetches are timed and counted with the statement."""

    def __init__(self, result: Any, times: "StatementTimes", sql: str) -> None:
        self._result = result
        self._times = times
        self._sql = sql

    def fetchall(self) -> list[Any]:
        began = self._times.clock()
        rows = self._result.fetchall()
        self._times.add(self._sql, self._times.clock() - began, calls=0, rows=len(rows))
        return rows

    def fetchone(self) -> Any:
        began = self._times.clock()
        row = self._result.fetchone()
        self._times.add(self._sql, self._times.clock() - began, calls=0, rows=row is not None)
        return row

    def __getattr__(self, name: str) -> Any:
        return getattr(self._result, name)


class StatementTimes:
    """Seconds and calls per statement text, over the connections opened in the block."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self.clock = clock
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.rows_read: dict[str, int] = defaultdict(int)
        self._connect = database._connect

    def add(self, sql: str, seconds: float, *, calls: int = 1, rows: int = 0) -> None:
        key = _SPACE.sub(" ", sql).strip()[:KEY_CHARS]
        self.seconds[key] += seconds
        self.calls[key] += calls
        self.rows_read[key] += rows

    def wrap(self, con: Any) -> Any:
        """`con` with its statements timed here."""
        return _Timed(con, self)

    def __enter__(self) -> "StatementTimes":
        def connect(*args: Any, **kwargs: Any) -> Any:
            return self.wrap(self._connect(*args, **kwargs))
        database._connect = connect
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        database._connect = self._connect

    def total(self) -> float:
        return sum(self.seconds.values())

    def rows(self) -> list[tuple[str, int, float]]:
        """(statement, calls, seconds), the longest first."""
        return sorted(((key, self.calls[key], seconds) for key, seconds in self.seconds.items()),
                      key=lambda row: -row[2])


def compare(small: StatementTimes, large: StatementTimes, *, top: int = 25) -> str:
    """The statements of `large` that took longest, with their calls and seconds at both sizes."""
    lines = [f"statements: {small.total():.1f} s -> {large.total():.1f} s "
             f"({large.total() / max(small.total(), 1e-9):.2f}x)",
             f"{'calls':>13} {'seconds':>17} {'ratio':>6}  statement"]
    for key, calls, seconds in large.rows()[:top]:
        before = small.seconds.get(key, 0.0)
        ratio = f"{seconds / before:6.1f}" if before else "     -"
        lines.append(f"{small.calls.get(key, 0):>6} {calls:>6} {before:8.2f} {seconds:8.2f} {ratio}  {key}")
    return "\n".join(lines)
