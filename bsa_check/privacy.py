"""Pseudonymisation of student numbers, so a report can be shared (``--pseudonymize``).

A student number becomes ``ps-`` plus 16 hex digits of HMAC-SHA256 under a secret key: the same
number and key always give the same pseudonym (reports made with one key can be joined), and
without the key a pseudonym cannot be traced back. A plain hash would not do: student numbers are
short and guessable, so anyone could hash every possible number and look the pseudonym up.

Owns: the keyed hash (:class:`Pseudonymizer`, pure) and finding the key (:func:`key_from`):
the environment variable :data:`KEY_ENV` or a key file. Must not: write, print or log the key,
or keep it anywhere but in the :class:`Pseudonymizer` object.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from bsa_check.errors import Location, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from bsa_check.service import Result
    from bsa_check.records.reader import Row

KEY_ENV = "BSA_CHECK_PSEUDONYM_KEY"
MIN_KEY_BYTES = 16  # shorter keys can be guessed, and then every student number with them
MAX_KEY_FILE_BYTES = 4096
PREFIX = "ps-"
_DOMAIN = b"bsa-check student_id v1\x00"  # keeps these pseudonyms apart from other uses of the key

KEY_HINT = (f"set {KEY_ENV} to a secret of at least {MIN_KEY_BYTES} characters, or give --pseudonym-key-file FILE "
            "(e.g. made with: python -c \"import secrets; print(secrets.token_hex(32))\" > key.txt)")


class Pseudonymizer:
    """Student number -> stable pseudonym under one key. The key is never shown (not even in ``repr``)."""

    __slots__ = ("_key", "_cache")

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_BYTES:
            raise UsageError(f"the pseudonym key is {len(key)} bytes; at least {MIN_KEY_BYTES} are needed",
                             hint=KEY_HINT, code="BSA408")
        self._key = key
        self._cache: dict[str, str] = {}

    def __repr__(self) -> str:
        return "Pseudonymizer(key=<hidden>)"

    def __call__(self, student_id: str | None) -> str | None:
        """The pseudonym of a student number; ``None`` (no number in the row) stays ``None``."""
        if student_id is None:
            return None
        found = self._cache.get(student_id)
        if found is None:
            digest = hmac.new(self._key, _DOMAIN + student_id.encode("utf-8"), hashlib.sha256).hexdigest()
            found = PREFIX + digest[:16]
            if len(self._cache) < 100_000:
                self._cache[student_id] = found
        return found

    def results(self, results: Iterable["Result"]) -> Iterator["Result"]:
        """The same results with every student number replaced (in the result and in its record)."""
        for r in results:
            record = r.record
            if "student_id" in record:
                record = {**record, "student_id": self(record["student_id"])}
            yield r._replace(student_id=self(r.student_id), record=record)


    def rows(self, rows: Iterable["Row"]) -> Iterator["Row"]:
        """Reader rows with the student number replaced (for compare's list of changed students)."""
        for row in rows:
            yield row.with_student(self(row.student_id))


def key_from(environ: Mapping[str, str], key_file: str | None) -> bytes:
    """The key: the contents of ``key_file`` (surrounding whitespace removed), else ``environ[KEY_ENV]``.

    Raises :class:`UsageError` (exit 2) when there is no key, it is too short, or the file cannot be read.
    """
    if key_file is not None:
        path = Path(key_file)
        try:
            st = path.stat()
            if not stat.S_ISREG(st.st_mode):
                raise UsageError(f"--pseudonym-key-file {key_file} is not a regular file", location=Location(key_file),
                                 hint=KEY_HINT, code="BSA408")
            if st.st_size > MAX_KEY_FILE_BYTES:
                raise UsageError(f"--pseudonym-key-file {key_file} is larger than {MAX_KEY_FILE_BYTES} bytes",
                                 location=Location(key_file), hint="the key file holds one secret", code="BSA408")
            key = path.read_bytes().strip()
        except OSError as exc:
            raise UsageError(f"--pseudonym-key-file {key_file} cannot be read: {exc.strerror or exc.__class__.__name__}",
                             location=Location(key_file), hint=KEY_HINT, code="BSA408") from None
        if not key:
            raise UsageError(f"--pseudonym-key-file {key_file} is empty", location=Location(key_file),
                             hint=KEY_HINT, code="BSA408")
        return key
    key_text = environ.get(KEY_ENV, "").strip()
    if not key_text:
        raise UsageError(f"--pseudonymize needs a key, and {KEY_ENV} is not set", hint=KEY_HINT, code="BSA408")
    return key_text.encode("utf-8")


def pseudonymizer_from_options(pseudonymize: bool, key_file: str | None,
                               environ: Mapping[str, str] | None = None) -> Pseudonymizer | None:
    """What a command with ``--pseudonymize`` / ``--pseudonym-key-file`` needs: ``None`` when off.

    A key file without ``--pseudonymize`` is a usage error, so nobody believes a report is
    pseudonymised when it is not.
    """
    if not pseudonymize:
        if key_file is not None:
            raise UsageError("--pseudonym-key-file is given without --pseudonymize",
                             hint="add --pseudonymize to replace student numbers in the output", code="BSA408")
        return None
    return Pseudonymizer(key_from(os.environ if environ is None else environ, key_file))
