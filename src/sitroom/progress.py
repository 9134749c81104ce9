"""A progress bar for long ingests (rich, on stderr, only when stderr is a terminal)."""
from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from .commands import IngestReport


class IngestProgress:
    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Progress | None = None
        self._task: int | None = None

    def __enter__(self) -> "IngestProgress":
        if self.enabled:
            self._progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(pulse_style="cyan"),
                TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                console=Console(file=sys.stderr), transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("ingesting", total=None, detail="")
        return self

    def update(self, report: IngestReport) -> None:
        if self._progress is None or self._task is None:
            return
        self._progress.update(
            self._task,
            detail=f"{report.articles} read, {report.stored} stored, {report.unchanged} unchanged, "
                   f"{len(report.failed)} failed, {report.events} events",
        )

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
