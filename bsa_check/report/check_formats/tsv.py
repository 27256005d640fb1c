"""tsv: tab-separated values (``text/tab-separated-values``), one line per data row with the columns of
csv (a header line, then per row its verdict or its error). Nothing is quoted: a tab, carriage return
or line feed inside a cell is written as a visible escape (``\\x09``, ``\\x0d``, ``\\x0a``), as csv
writes every control character, so each row is one line and every tab separates two cells; a cell a
spreadsheet would run as a formula starts with ``'``, as in csv. UTF-8, LF line ends; rows in input
order, also with ``--workers``."""

from __future__ import annotations

import csv
from typing import Any

from bsa_check.formats import CheckOutput
from bsa_check.report.machine import CsvReporter


class TsvReporter(CsvReporter):
    """csv's rows and cells (``safe_cell``: control characters already escaped), joined by tabs."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        # a cell that still held a tab or line feed would raise here, never shift a column
        self.writer = tab_writer(self.out)
        self._one_row = tab_writer(self._buffer)


def tab_writer(out: Any) -> Any:
    """A writer of tab-separated rows: nothing quoted, LF line ends."""
    return csv.writer(out, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n")


FORMAT = CheckOutput("tsv", TsvReporter)
