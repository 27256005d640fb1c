"""A progress line on standard error for long runs (issue 18 item 2): rows done and time taken.

Owns: :class:`RowProgress`, which shows nothing until the run has taken ``after`` seconds, and
then a transient rich line (spinner, rows, elapsed time) that is updated as rows are counted and
removed at the end. It draws only when standard error is a terminal and ``CI`` is not set: never
on a pipe, in a file or in a CI log. The row-by-row streams use :func:`with_progress`;
this class serves the callers that count rows in batches (``check --workers``: a chunk at a time).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Iterable, Iterator, TypeVar

T = TypeVar("T")

def _after() -> float:
    """Seconds a run must last before its progress line shows: 1, or BSA_CHECK_PROGRESS_AFTER (a
    number of seconds, 0 or more; anything else is ignored). The tests set 0 so that a line shows on
    a machine fast enough to finish their cohort within a second."""
    raw = os.environ.get("BSA_CHECK_PROGRESS_AFTER", "")
    try:
        value = float(raw)
    except ValueError:
        return 1.0
    return value if 0 <= value < 3600 else 1.0


AFTER = _after()  # seconds: a quick run shows no line at all


def rows_word() -> str:
    """"rows" in the language of this run's messages."""
    from bsa_check.i18n.problems import chosen

    return "rijen" if chosen() == "nl" else "rows"


def rows_column() -> Any:
    """The rich column "12,288 rows" / "12.288 rijen": the count with the thousands separator of the
    run's language (a Dutch reader takes 12,288 for twelve point two)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    word = rows_word()
    separator = "." if word == "rijen" else ","

    class RowsColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{int(task.completed):,}".replace(",", separator) + " " + word)

    return RowsColumn()


def elapsed_column(start: float) -> Any:
    """The rich column of the time since ``start`` (``time.monotonic()``), as ``0:00:01``: the run's
    own time. rich's TimeElapsedColumn counts from when the line appears, which is a second into the
    run (the line waits that long), so it first showed 0:00:00 after a second had passed."""
    from datetime import timedelta

    from rich.progress import ProgressColumn
    from rich.text import Text

    class ElapsedColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(str(timedelta(seconds=max(0, int(time.monotonic() - start)))), style="progress.elapsed")

    return ElapsedColumn()


def can_show() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


class RowProgress:
    def __init__(self, console: Any, after: float = AFTER) -> None:
        """``console``: the rich console of standard error to draw on (made on first use)."""
        self.shown = can_show()
        self.console = console
        self.after = after
        self.start = time.monotonic()
        self.count = 0
        self.progress: Any = None
        self.task: Any = None

    def advance(self, rows: int) -> None:
        self.count += rows
        if not self.shown:
            return
        if self.progress is None:
            if time.monotonic() - self.start < self.after:
                return
            from rich.progress import Progress, SpinnerColumn

            self.progress = Progress(SpinnerColumn(), rows_column(), elapsed_column(self.start),
                                     console=self.console() if callable(self.console) else self.console,
                                     transient=True)
            self.progress.start()
            self.task = self.progress.add_task("check", total=None)
        self.progress.update(self.task, completed=self.count)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


PROGRESS_AFTER = AFTER  # seconds: a quick run shows no bar at all (the row-by-row streams below)


def progress_option(reader: Any) -> dict[str, Any]:
    """``rows=`` for :func:`bsa_check.service.rendered`: the reader with the progress line, or nothing."""
    shown = progress_rows(reader)
    return {} if shown is None else {"rows": shown}


def progress_rows(reader: Any) -> Any:
    """``check``'s rows with the progress line (:func:`with_progress`) when it can show, else None
    (the reader itself: no extra step per row on a pipe, in a file or in CI)."""
    return with_progress(reader) if sys.stderr.isatty() and not os.environ.get("CI") else None


def with_progress(rows: Iterable[T], after: float = PROGRESS_AFTER) -> Iterator[T]:
    """Yield the rows; on a terminal (stderr), show a rich progress line once the run passes ``after`` s.

    Nothing is drawn when stderr is a file or a pipe, so logs and redirected output stay clean.
    """
    if not sys.stderr.isatty() or os.environ.get("CI"):  # never on a pipe, in a file or in CI
        yield from rows
        return
    start = time.monotonic()
    progress = None
    task = None
    count = 0
    try:
        for row in rows:
            count += 1
            if count & 1023 == 0:
                if progress is None and time.monotonic() - start >= after:
                    from rich.progress import Progress, SpinnerColumn

                    from bsa_check.plain import stderr_console

                    progress = Progress(SpinnerColumn(), rows_column(), elapsed_column(start),
                                        console=stderr_console(), transient=True)
                    progress.start()
                    task = progress.add_task("compare", total=None)
                if progress is not None and task is not None:
                    progress.update(task, completed=count)
            yield row
    finally:
        if progress is not None:
            progress.stop()
