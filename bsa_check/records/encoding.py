"""The encoding of a records file, chosen by one streaming pre-scan of its bytes.

UTF-8 with or without a byte order mark, else Windows-1252; UTF-16 with a byte order mark (Excel's
"Unicode text"). A file that is none of these (UTF-32, UTF-16 without a mark, a byte neither UTF-8
nor Windows-1252) is refused with BSA302 at the first offending byte's line and column. The scan
reads bounded chunks (``CHUNK_SIZE``), so no file is loaded whole, and also tells the reader whether
its rows can be read by plain line iteration (no quote, no overlong line) and whether a NUL byte
occurs (rows are then checked for one). Pure apart from reading the byte stream it is given.
"""

from __future__ import annotations

import codecs
import csv
from typing import Any, Callable, NamedTuple

from bsa_check.errors import Location, RecordError
from bsa_check.records.quotes import MAX_LINE_CHARS
from bsa_check.records.sniff import check_utf16

__all__ = ["CHUNK_SIZE", "ENCODING_HINT", "Scan", "locate", "long_stretch", "scan"]

# Bytes read per step of the encoding pre-scan; bounds its memory.
CHUNK_SIZE = 1 << 20

ENCODING_HINT = "save the file as 'CSV UTF-8' from Excel"

# The five byte values Windows-1252 leaves undefined; every other byte decodes.
_CP1252_UNDEFINED = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))


class Scan(NamedTuple):
    """What the pre-scan found: the encoding, whether rows can be read by plain line iteration, and
    whether a NUL byte occurs after the header."""

    encoding: str
    plain_lines: bool
    has_nul: bool


def _error_at(file_name: str) -> Callable[..., RecordError]:
    def error(code: str, message: str, hint: str, line: int | None = None, column: int | None = None,
              params: dict[str, Any] | None = None) -> RecordError:
        return RecordError(message, location=Location(file_name, line, column), hint=hint, code=code, params=params)
    return error


def long_stretch(chunk: bytes, carry: int, limit: int) -> tuple[bool, int]:
    """Whether ``chunk``, read after ``carry`` bytes without a ``\\n``, completes a stretch of at
    least ``limit`` bytes without one; and the bytes after its last ``\\n`` (the next carry).

    Steps from one ``\\n`` to the last ``\\n`` within the next ``limit`` bytes (``rfind``), so a
    chunk costs two C-speed passes at most and no object per line."""
    n = len(chunk)
    pos = chunk.find(b"\n")
    if pos < 0:
        carry += n
        return carry >= limit, carry
    if carry + pos >= limit:
        return True, 0
    while pos + 1 + limit <= n:  # a whole window of ``limit`` bytes follows this \n
        last = chunk.rfind(b"\n", pos + 1, pos + 1 + limit)
        if last < 0:
            return True, 0
        pos = last
    return False, n - chunk.rfind(b"\n", pos) - 1  # the rest is shorter than ``limit``


def scan(f: Any, file_name: str) -> Scan:
    """The encoding of the byte stream ``f`` (at its start), by one streaming pass in bounded chunks,
    and what the pass saw; raise BSA302 (located) for a file that is no readable text."""
    error = _error_at(file_name)
    plain_lines = False
    head = f.read(CHUNK_SIZE)
    for bom, name in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32")):
        if head.startswith(bom):
            raise error("BSA302", f"file is {name} encoded", ENCODING_HINT, 1, 1,
                        params={"encoding": name})
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text": UTF-16 with a BOM
        check_utf16(f, file_name, ENCODING_HINT)
        return Scan("utf-16", False, True)  # a decoded NUL is rare but possible: rows are checked for it
    has_bom = head.startswith(codecs.BOM_UTF8)
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    utf8_bad: int | None = None  # absolute offset of the first byte that breaks UTF-8
    cp_bad: int | None = None  # absolute offset of the first byte undefined in Windows-1252
    nul: int | None = None
    offset = 0
    chunk = head
    # Whether rows can be read by plain iteration (see _open_header): no quote, and no stretch
    # without a \n as long as the csv module's cell limit (so no line or cell is oversized).
    quotes = False
    limit = min(csv.field_size_limit(), MAX_LINE_CHARS, CHUNK_SIZE)
    carry = 0  # bytes since the last \n
    long_line = False
    while chunk:
        if not quotes:
            quotes = b'"' in chunk
        if not long_line:
            long_line, carry = long_stretch(chunk, carry, limit)
        ascii_only = chunk.isascii()
        if utf8_bad is None:
            pending = decoder.getstate()[0]
            if not (ascii_only and not pending):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    utf8_bad = offset - len(pending) + exc.start
        if cp_bad is None and not ascii_only:
            hits = [p for b in _CP1252_UNDEFINED if (p := chunk.find(b)) >= 0]
            if hits:
                cp_bad = offset + min(hits)
        if nul is None:
            p = chunk.find(b"\x00")
            if p >= 0:
                nul = offset + p
        if utf8_bad is not None and (has_bom or cp_bad is not None):
            break  # the file is already known to be unreadable
        offset += len(chunk)
        chunk = f.read(CHUNK_SIZE)
    else:
        plain_lines = not quotes and not long_line
        if utf8_bad is None:
            pending = decoder.getstate()[0]
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                utf8_bad = offset - len(pending)

    # The first fatal byte: with a BOM, the first non-UTF-8 byte; without, the point where
    # both UTF-8 and Windows-1252 have failed.
    fatal: int | None
    if utf8_bad is None:
        fatal = None
    elif has_bom:
        fatal = utf8_bad
    else:
        fatal = None if cp_bad is None else max(utf8_bad, cp_bad)

    # A NUL byte at the very start (UTF-16 without a byte order mark) makes the whole file
    # unreadable; one further on is a damaged cell: that row becomes an error (BSA309) and the
    # others are read (a NUL in the header line is refused when the header is read).
    looks_utf16 = nul is not None and nul < 2 and len(head) >= 2 and (head[0] == 0) != (head[1] == 0)
    if looks_utf16 and nul is not None and (fatal is None or nul < fatal):
        line, column = locate(f, nul, utf8_bad is None or nul < utf8_bad, has_bom)
        raise error("BSA302", "file contains NUL bytes; it looks UTF-16 encoded", ENCODING_HINT,
                    line, column, params={"byte": "0x00"})
    has_nul = nul is not None
    if fatal is not None:
        # Point at the byte that made the last candidate fail: without a BOM, the byte
        # Windows-1252 cannot decode (the UTF-8 failure is named in the message if elsewhere).
        assert utf8_bad is not None
        at = utf8_bad if has_bom or cp_bad is None else cp_bad
        f.seek(at)
        byte = f.read(1)[0]
        line, column = locate(f, at, has_bom, has_bom)
        if has_bom:
            message = f"file starts with a UTF-8 byte order mark but byte 0x{byte:02X} here is not UTF-8"
        elif utf8_bad == at:
            message = f"byte 0x{byte:02X} is neither UTF-8 nor Windows-1252 text"
        else:
            l8, c8 = locate(f, utf8_bad, True, False)
            message = (f"byte 0x{byte:02X} is not Windows-1252 text, and the file is not UTF-8 either "
                       f"(first non-UTF-8 byte at line {l8}, column {c8})")
        raise error("BSA302", message, ENCODING_HINT, line, column, params={"byte": f"0x{byte:02X}"})
    if utf8_bad is None:
        return Scan("utf-8-sig" if has_bom else "utf-8", plain_lines, has_nul)
    return Scan("cp1252", plain_lines, has_nul)


def locate(f: Any, offset: int, utf8: bool, has_bom: bool) -> tuple[int, int]:
    """1-based line and character column of byte ``offset`` (only on the error path).

    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``, as the csv module counts them. Characters are
    UTF-8 characters when ``utf8`` (the text before ``offset`` is valid UTF-8), else bytes
    (Windows-1252). Streams the file again in chunks.
    """
    f.seek(0)
    line = 1
    chars = 0  # characters since the start of the current line
    pos = 0
    prev_cr = False
    while pos < offset:
        seg = f.read(min(CHUNK_SIZE, offset - pos))
        if not seg:
            break
        breaks = seg.count(b"\n") + seg.count(b"\r") - seg.count(b"\r\n")
        if prev_cr and seg.startswith(b"\n"):
            breaks -= 1
        line += breaks
        last = max(seg.rfind(b"\n"), seg.rfind(b"\r"))
        tail = seg[last + 1:]
        if last >= 0:
            chars = 0
        # A UTF-8 character is one lead byte plus continuation bytes; count only the leads.
        chars += len(tail.translate(None, _UTF8_CONTINUATION)) if utf8 else len(tail)
        prev_cr = seg.endswith(b"\r")
        pos += len(seg)
    if has_bom and line == 1:
        chars -= 1 if utf8 else 3
    return line, chars + 1
