"""A UTF-8 export with a stray byte (issue 15): read as Windows-1252, but never silently.

The reader picks UTF-8 when every byte is UTF-8, else Windows-1252. A UTF-8 file with one stray
byte (a cell pasted from elsewhere) is then read whole as Windows-1252, and every accented letter
of it turns into two ("é" becomes "Ã©"). A genuine Windows-1252 export hardly ever holds a valid
UTF-8 multi-byte sequence; so when a file read as Windows-1252 does, :func:`stray_byte_warning`
returns a warning (BSA330) naming the first line with a non-ASCII character (where the text may
now read wrong) and the first byte that is not UTF-8 (what to fix). The reader keeps reading:
every row still gets its verdict or its error.
"""

from __future__ import annotations

import re

from bsa_check.errors import Location, RecordError

_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
MAX_SCAN_BYTES = 64 << 20  # the warning looks at the first 64 MiB; a stray byte later is still read


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def stray_byte_warning(path: str, encoding: str) -> RecordError | None:
    """BSA330 when ``path``, read as Windows-1252, looks like UTF-8 with a stray byte; else None."""
    if encoding != "cp1252":
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_SCAN_BYTES)
    except OSError:
        return None
    if _UTF8_SEQUENCE.search(data) is None:
        return None  # a Windows-1252 export
    first = _NON_ASCII.search(data)
    bad_line = None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = _line_of(data, exc.start)
    line = _line_of(data, first.start()) if first else 1
    where = f"; the first byte that is not UTF-8 is on line {bad_line}" if bad_line is not None else ""
    return RecordError(f"the file is mostly UTF-8 but not all of it{where}: it is read as Windows-1252, so "
                       f"accented letters from line {line} on may read wrong",
                       location=Location(path, line), code="BSA330",
                       hint="save the export as UTF-8 (or fix the stray byte), then run again")
