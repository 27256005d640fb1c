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
CHUNK = 1 << 20  # streamed in pieces: memory stays flat however large the file
MAX_SCAN_BYTES = 64 << 20  # the warning looks at the first 64 MiB; a stray byte later is still read


def stray_byte_warning(path: str, encoding: str) -> RecordError | None:
    """BSA330 when ``path``, read as Windows-1252, looks like UTF-8 with a stray byte; else None."""
    if encoding != "cp1252":
        return None
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    lines_before = 1  # line number at the start of the current chunk
    first_line: int | None = None  # first line with a non-ASCII byte
    bad_line: int | None = None  # line of the first byte that is not UTF-8
    looks_utf8 = False
    tail = b""  # the last bytes of the previous chunk: a sequence may straddle two chunks
    try:
        with open(path, "rb") as handle:
            for _ in range(MAX_SCAN_BYTES // CHUNK):
                chunk = handle.read(CHUNK)
                if not chunk:
                    break
                if first_line is None:
                    hit = _NON_ASCII.search(chunk)
                    if hit is not None:
                        first_line = lines_before + chunk.count(b"\n", 0, hit.start())
                if not looks_utf8:
                    looks_utf8 = _UTF8_SEQUENCE.search(tail + chunk) is not None
                if bad_line is None:
                    pending = len(decoder.getstate()[0])
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as exc:
                        start = max(exc.start - pending, 0)
                        bad_line = lines_before + chunk.count(b"\n", 0, start)
                lines_before += chunk.count(b"\n")
                tail = chunk[-3:]
                if looks_utf8 and bad_line is not None:
                    break
    except OSError:
        return None
    if not looks_utf8:
        return None  # a Windows-1252 export
    line = first_line or 1
    where = f"; the first byte that is not UTF-8 is on line {bad_line}" if bad_line is not None else ""
    return RecordError(f"the file is mostly UTF-8 but not all of it{where}: it is read as Windows-1252, so "
                       f"accented letters from line {line} on may read wrong",
                       location=Location(path, line), code="BSA330",
                       hint="save the export as UTF-8 (or fix the stray byte), then run again")
