"""The text file under a :class:`~bsa_check.records.reader.RecordReader` (a mixin of it): opening
it in the encoding the streaming pre-scan chose, the file-level errors (BSA301/BSA302), its physical
lines with a length cap, and where its body starts (``--workers`` reads it in pieces)."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from typing import Any, TextIO

from bsa_check.errors import Location, RecordError
from bsa_check.records.encoding import scan
from bsa_check.records.quotes import MAX_LINE_CHARS, split_lines
from bsa_check.records.row import Row

__all__ = ["TextFile"]


class TextFile:
    """Mixin of the CSV reader: its file (see the module docstring). The reader sets the attributes
    these methods read (``path``, ``encoding``, ``_open_bytes``, ``_source``, ...)."""

    _file: TextIO | None
    _open_bytes: Any
    _source: Any
    _file_name: str
    _plain_lines: bool
    _has_nul: bool
    _uncounted: int
    _overlong_pending: bool
    _last_line: str
    path: Any
    encoding: str
    delimiter: str
    header_line: int
    _reader: Any

    def _rows(self) -> Iterator[Row]:  # the reader's own
        raise NotImplementedError

    def _open_text(self) -> TextIO:
        return io.TextIOWrapper(self._open_bytes(), encoding=self.encoding, newline="")

    def _error(self, code: str, message: str, hint: str, line: int | None = None,
               column: int | None = None, column_name: str | None = None,
               params: dict[str, Any] | None = None) -> RecordError:
        return RecordError(
            message,
            location=Location(self._file_name, line, column, column_name),
            hint=hint,
            code=code,
            params=params,
        )

    def _unreadable(self, exc: OSError) -> RecordError:
        if isinstance(exc, FileNotFoundError):
            return self._error("BSA301", "file not found", "check the path of the records file")
        if isinstance(exc, IsADirectoryError):
            return self._error("BSA301", "is a directory, not a file", "give the path of a CSV file")
        if isinstance(exc, PermissionError):
            return self._error("BSA301", "file cannot be read: permission denied",
                               "check the file's permissions")
        reason = exc.strerror or exc.__class__.__name__
        return self._error("BSA301", f"file cannot be read: {reason}", "check that the file exists and can be read")

    def _detect_encoding(self) -> str:
        """Pick the encoding by one streaming pass over the bytes; raise BSA301/BSA302."""
        try:
            if self._source is None or self._source.path is not None:
                st = os.stat(self.path)
                if stat.S_ISDIR(st.st_mode):
                    raise IsADirectoryError(self.path)
                if not stat.S_ISREG(st.st_mode):
                    raise self._error("BSA301", "is not a regular file", "give the path of a CSV file")
            with self._open_bytes() as f:
                found = scan(f, self._file_name)
            self._plain_lines, self._has_nul = found.plain_lines, found.has_nul
            return found.encoding
        except OSError as exc:
            raise self._unreadable(exc) from None

    # -- where the body starts (--workers) ------------------------------------------------------

    def body_offset(self) -> int | None:
        """Byte offset of the first line after the header, when the body can be read in chunks:
        the header is one physical line and no line ends in a bare ``\r``. ``None`` otherwise."""
        from bsa_check.records.chunks import has_bare_cr

        if self._reader.line_num != 1:
            return None  # a quoted line break in the header
        if self._source is not None or self.encoding == "utf-16":
            return None  # standard input, or a text the byte chunks cannot be cut from
        try:
            with open(self.path, "rb") as f:
                if f.read(3) != b"\xef\xbb\xbf":
                    f.seek(0)
                for _ in range(self.header_line):
                    if not f.readline():
                        return None
                offset = f.tell()
                # line numbers count \n: a bare \r anywhere (the header too) means one pass
                return None if has_bare_cr(f, 0) else offset
        except OSError:
            return None

    def _physical_lines(self) -> Iterator[str | None]:
        """The file's physical lines, each at most MAX_LINE_CHARS characters.

        A longer line is skipped in bounded pieces and replaced by ``None``, which makes the csv
        reader raise ``csv.Error`` for that record; :meth:`_rows` turns it into an error row.
        """
        assert self._file is not None
        for line in split_lines(self._file.readline, MAX_LINE_CHARS):
            if line is None:
                self._uncounted += 1
                self._overlong_pending = True
            else:
                self._last_line = line
            yield line
