"""Opening a records file of any kind: CSV or text (any Excel variant), an ``.xlsx`` workbook, or
``-`` for standard input (:func:`open_records`)."""

from __future__ import annotations

import os
from typing import Any

from bsa_check.errors import Location, RecordError
from bsa_check.records.reader import RecordReader
from bsa_check.records.sniff import source_for

__all__ = ["open_records"]


def open_records(path: str | os.PathLike[str], *, sheet: str | None = None, **kw: Any) -> RecordReader:
    """Open a records file: CSV or text (any Excel variant), an ``.xlsx`` workbook, or ``-`` for
    standard input (raising :class:`RecordError` for fatal file problems); see RecordReader.
    ``sheet``: the workbook's sheet to read (default: the mapping's, else the first)."""
    source = source_for(path)
    try:
        if source.kind == "xlsx":
            from bsa_check.records.xlsx import XlsxReader  # openpyxl only when a workbook is read

            return XlsxReader(source, sheet=sheet, **kw)
        if sheet is not None:
            raise RecordError("--sheet is for an .xlsx workbook; this file is text (CSV)",
                              location=Location(source.name), hint="leave out --sheet", code="BSA344")
        return RecordReader(path, source=source if source.path is None else None, **kw)
    except BaseException:
        source.close()
        raise
