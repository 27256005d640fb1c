"""What a records input is, before any reader opens it: the doors into the reader.

Owns: standard input (``-``: spooled to an anonymous temporary file that no name points at, read
through independent handles); telling a workbook (``.xlsx``) from text by its first bytes; naming
the inputs that are not a table (zip, gzip, PDF, an ``.xls`` from before 2007, OpenDocument, a web
page saved as ``.xls``) with what to do instead (BSA343); Excel's ``sep=;`` first line; and the
streaming check of a UTF-16 text file ("Unicode text") with its byte order mark.

Must not: read a file whole (only its first bytes, or a bounded-chunk decoding pass), keep a named
temporary file, or put record content into a message.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import tempfile
import threading
import zipfile
from typing import Any, BinaryIO, Callable

from bsa_check.errors import Location, RecordError

__all__ = ["Source", "source_for", "spooled_source", "sep_line", "check_utf16", "STDIN_NAME"]

STDIN_NAME = "<stdin>"
_HEAD = 8192
_CHUNK = 1 << 20

# First bytes of inputs that are not a table the reader can read, with what to do instead.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in Excel and save it as 'Excel-werkmap (.xlsx)' or 'CSV UTF-8'"


class Source:
    """One records input: its display name, how to open it for binary reading (each call an
    independent handle at offset 0), and its kind: ``"text"`` or ``"xlsx"``."""

    def __init__(self, name: str, opener: Callable[[], BinaryIO], kind: str, path: str | None,
                 cleanup: Callable[[], None] | None = None) -> None:
        self.name = name
        self.open = opener
        self.kind = kind
        self.path = path  # a real path on disk, or None (standard input)
        self._cleanup = cleanup

    def close(self) -> None:
        cleanup, self._cleanup = self._cleanup, None
        if cleanup is not None:
            cleanup()


def _not_a_table(name: str, what: str, hint: str) -> RecordError:
    return RecordError(f"is {what}, not a table of student records", location=Location(name), hint=hint,
                       code="BSA343", params={"kind": what})


def kind_of(head: bytes, name: str, zip_names: Callable[[], list[str]]) -> str:
    """``"xlsx"`` or ``"text"`` from the first bytes; raise BSA343 for what is not a table."""
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = zip_names()
        except (zipfile.BadZipFile, OSError, EOFError):
            raise _not_a_table(name, "a damaged zip archive (or workbook)",
                               "export the records again; if it is a workbook, open and save it in Excel") from None
        if "xl/workbook.xml" in names or any(n.endswith("workbook.xml") and n.startswith("xl/") for n in names):
            return "xlsx"
        if "mimetype" in names and "content.xml" in names:
            raise _not_a_table(name, "an OpenDocument file (LibreOffice)",
                               "save it as .xlsx or as CSV (UTF-8, ';' between cells)")
        if "word/document.xml" in names:
            raise _not_a_table(name, "a Word document", "export the student records as .xlsx or CSV")
        raise _not_a_table(name, "a zip archive", "unpack it and give the .xlsx or .csv file inside")
    if head.startswith(b"\x1f\x8b"):
        raise _not_a_table(name, "a gzip-compressed file", "unpack it first (e.g. gunzip) and give the file inside")
    if head.startswith(b"%PDF"):
        raise _not_a_table(name, "a PDF document",
                           "a PDF cannot be read as records: export the same report from the student "
                           "information system as .xlsx or CSV")
    if head.startswith(_OLE2):
        raise _not_a_table(name, "an old Excel workbook (.xls, before 2007) or a password-protected workbook",
                           _SAVE_AS + "; remove the password first if it has one")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table")):
        raise _not_a_table(name, "a web page (HTML), perhaps saved with an .xls name", _SAVE_AS)
    if start.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head.lower():
        raise _not_a_table(name, "an Excel 2003 XML spreadsheet", _SAVE_AS)
    return "text"


def source_for(path: str | os.PathLike[str]) -> Source:
    """The :class:`Source` for a path, or for ``-`` (standard input). Raises BSA301/BSA343."""
    text = os.fspath(path)
    if text == "-":
        return _stdin_source()
    name = str(text)
    try:
        with open(text, "rb") as f:
            head = f.read(_HEAD)
    except OSError:
        # the reader reports a missing or unreadable file with its own messages (BSA301)
        return Source(name, lambda: open(text, "rb"), "text", text)

    def names() -> list[str]:
        with zipfile.ZipFile(text) as z:
            return z.namelist()

    return Source(name, lambda: open(text, "rb"), kind_of(head, name, names), text)


def _stdin_source() -> Source:
    """Standard input, spooled (see :func:`spooled_source`)."""
    return spooled_source(getattr(sys.stdin, "buffer", None) or sys.stdin, STDIN_NAME)


def spooled_source(stream: Any, name: str) -> Source:
    """Spool a readable stream (standard input, or a file object given to the Python API; binary, or
    text, written as UTF-8) to an anonymous temporary file (no name on disk: ``TemporaryFile``
    unlinks it at once on POSIX, and it is deleted on close elsewhere), so the reader can read it
    more than once, as it reads a file, without holding it in memory."""
    spool = tempfile.TemporaryFile()
    try:
        while True:
            data = stream.read(_CHUNK)
            if not data:
                break
            spool.write(data.encode("utf-8") if isinstance(data, str) else data)
        spool.flush()
    except BaseException:
        spool.close()
        raise
    fd = spool.fileno()
    lock = threading.Lock()

    def opener() -> BinaryIO:
        return io.BufferedReader(_FdView(fd, lock))

    def names() -> list[str]:
        with zipfile.ZipFile(opener()) as z:
            return z.namelist()

    with opener() as f:
        head = f.read(_HEAD)
    try:
        kind = kind_of(head, name, names)
    except BaseException:
        spool.close()
        raise
    return Source(name, opener, kind, None, spool.close)


class _FdView(io.RawIOBase):
    """An independent, read-only, seekable view of an open file descriptor (its own position)."""

    def __init__(self, fd: int, lock: threading.Lock) -> None:
        self._fd = fd
        self._pos = 0
        self._lock = lock

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = len(buffer)
        if hasattr(os, "pread"):
            data = os.pread(self._fd, n, self._pos)
        else:  # pragma: no cover - Windows: no pread; one position shared under a lock
            with self._lock:
                os.lseek(self._fd, self._pos, os.SEEK_SET)
                data = os.read(self._fd, n)
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            self._pos = offset
        elif whence == io.SEEK_CUR:
            self._pos += offset
        else:
            self._pos = os.fstat(self._fd).st_size + offset
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:  # the descriptor belongs to the spool, not to this view
        super().close()


def sep_line(line: str) -> str | None:
    """The delimiter an Excel ``sep=;`` first line names (``sep=;``, ``sep=,``, ``sep=\\t``), else
    ``None``. Excel writes it for a CSV with another list separator than the reader's locale."""
    text = line.rstrip("\r\n")
    if len(text) == 5 and text[:4].lower() == "sep=":
        return text[4]
    if text.lower() in ('"sep=;"', '"sep=,"'):  # written back quoted by some tools
        return text[5]
    return None


def check_utf16(f: BinaryIO, name: str, hint: str) -> None:
    """Decode a UTF-16 file with a byte order mark in bounded chunks; raise a located BSA302 at the
    first code unit that is not UTF-16 (a lone surrogate, an odd last byte)."""
    f.seek(0)
    decoder = codecs.getincrementaldecoder("utf-16")("strict")
    offset = 0
    while True:
        chunk = f.read(_CHUNK)
        pending = len(decoder.getstate()[0])
        try:
            decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            bad = max(offset - pending + exc.start, 2)
            line, column = _utf16_position(f, bad)
            raise RecordError(f"bytes {bad}-{bad + 1} are not UTF-16 text (the file starts with a UTF-16 "
                              f"byte order mark)", location=Location(name, line, column), hint=hint,
                              code="BSA302", params={"encoding": "UTF-16"}) from None
        if not chunk:
            return
        offset += len(chunk)


def _utf16_position(f: BinaryIO, offset: int) -> tuple[int, int]:
    """1-based line and column of byte ``offset`` of a UTF-16 file (error path only)."""
    f.seek(0)
    decoder = codecs.getincrementaldecoder("utf-16")("replace")
    line, column, prev_cr, pos = 1, 0, False, 0
    while pos < offset:
        chunk = f.read(min(_CHUNK, offset - pos))
        if not chunk:
            break
        pos += len(chunk)
        for ch in decoder.decode(chunk):
            if ch == "\n" and prev_cr:
                prev_cr = False
                continue
            if ch in "\r\n":
                line, column = line + 1, 0
            else:
                column += 1
            prev_cr = ch == "\r"
    return line, column + 1
