"""Progress on standard error for long runs: a live bar on a terminal, periodic lines otherwise.

Logs and CI capture stderr without a terminal; a bar drawn with carriage returns is unreadable
there, so the same counters are printed as plain lines every few seconds instead.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class RunProgress:
    """Counts documents, events and errors; ``total`` is the number of documents when known."""

    def __init__(self, label: str, total: int | None, console: Console | None = None, interval: float = 2.0) -> None:
        self.label = label
        self.total = total
        self.documents = 0
        self.events = 0
        self.errors = 0
        self.console = console or Console(stderr=True)
        self.interval = interval
        self._started = time.perf_counter()
        self._last_line = self._started
        self._bar: Progress | None = None
        self._task = None

    def __enter__(self) -> "RunProgress":
        if self.console.is_terminal:
            self._bar = Progress(
                TextColumn(f"[bold]{self.label}"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[events]} events, {task.fields[errors]} errors, {task.fields[rate]} docs/s"),
                TimeElapsedColumn(), console=self.console, transient=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, events=0, errors=0, rate="-")
        return self

    def advance(self, events: int = 0, errors: int = 0, documents: int = 1) -> None:
        self.documents += documents
        self.events += events
        self.errors += errors
        now = time.perf_counter()
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, advance=documents, events=self.events, errors=self.errors, rate=f"{self.rate:.0f}")
        elif now - self._last_line >= self.interval:
            self._last_line = now
            self.console.print(self.line(), highlight=False, soft_wrap=True)

    def error(self) -> None:
        self.errors += 1

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self._started
        return self.documents / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        of = f"/{self.total}" if self.total is not None else ""
        return f"{self.label}: {self.documents}{of} documents, {self.events} events, {self.errors} errors, {self.rate:.0f} docs/s"

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        else:
            self.console.print(self.line(), highlight=False, soft_wrap=True)


def count_lines(path: str) -> int:
    """Non-empty lines of a file, for a progress total; cheap next to extraction."""
    n = 0
    with open(path, "rb") as fh:
        for line in fh:
            if line.strip():
                n += 1
    return n


def stderr_console() -> Console:
    return Console(stderr=True, file=sys.stderr)
