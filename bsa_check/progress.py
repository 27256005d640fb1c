"""A progress line on standard error for long runs (issue 18 item 2): rows done and time taken.

Owns: :class:`RowProgress`, which shows nothing until the run has taken ``after`` seconds, and
then a transient rich line (spinner, rows, elapsed time) that is updated as rows are counted and
removed at the end. It draws only when standard error is a terminal and ``CI`` is not set: never
on a pipe, in a file or in a CI log. The CLI's row-by-row streams use ``cli._with_progress``;
this class serves the callers that count rows in batches (``check --workers``: a chunk at a time).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

AFTER = 1.0  # seconds: a quick run shows no line at all


def rows_word() -> str:
    """"rows" in the language of this run's messages."""
    from bsa_check.i18n.problems import chosen

    return "regels" if chosen() == "nl" else "rows"


def rows_column() -> Any:
    """The rich column "12,288 rows" / "12.288 regels": the count with the thousands separator of the
    run's language (a Dutch reader takes 12,288 for twelve point two)."""
    from rich.progress import ProgressColumn
    from rich.text import Text

    word = rows_word()
    separator = "." if word == "regels" else ","

    class RowsColumn(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{int(task.completed):,}".replace(",", separator) + " " + word)

    return RowsColumn()


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
            from rich.progress import Progress, SpinnerColumn, TimeElapsedColumn

            self.progress = Progress(SpinnerColumn(), rows_column(), TimeElapsedColumn(),
                                     console=self.console() if callable(self.console) else self.console,
                                     transient=True)
            self.progress.start()
            self.task = self.progress.add_task("check", total=None)
        self.progress.update(self.task, completed=self.count)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
