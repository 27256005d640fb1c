"""The one driver from an open reader to a command's results, in this process or over ``--workers``.

A command describes its work as a :class:`Job`; :func:`drive` alone decides where it runs. With
``--workers`` (and a file that can be cut into record-aligned pieces, ``parallel.plan``) every
piece is read and worked in a worker process (``job.piece``) and joined here in input order
(``job.join``, with the duplicate students the keepers found); otherwise ``job.here`` gets the
reader's rows in this process. Either way the row loop itself is the one streaming loop
(:func:`bsa_check.services.stream.results`, inside ``here`` and ``piece``), the cyclic collector
is paused while rows stream (``gcpause``), and a terminal shows the progress line after a second.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from typing import Any, Protocol

from bsa_check.gcpause import paused
from bsa_check.progress import RowProgress, progress_rows
from bsa_check.records.seen import KeyRecorder
from bsa_check.services.common import stderr

__all__ = ["Job", "drive"]


class Job(Protocol):
    """What a command does with rows: in this process, and as pieces in worker processes."""

    def here(self, rows: Iterator[Any]) -> None:
        """Work every row of the file, in order, in this process."""

    def piece(self, rows: Iterator[Any], recorder: KeyRecorder) -> Any:
        """In a worker: work the rows of one piece of the file; the result goes to :meth:`join`.
        ``recorder`` collects the piece's duplicate-student keys (the reader fills it)."""

    def join(self, piece: Any, duplicates: dict[int, int]) -> int:
        """Here, in input order: one worker's piece and its duplicate rows (line -> the line the
        student was first seen on); returns how many rows the piece held."""


def drive(reader: Any, job: Job, workers: int = 1) -> None:
    """Run ``job`` over the rows of ``reader``: over ``workers`` processes where that is asked for
    and the file allows it, else in this process (see the module docstring)."""
    from bsa_check import parallel

    parts = parallel.plan(reader, workers) if workers >= 2 else None
    if parts is None:
        # closing: an error mid-stream closes the pause (and turns the collector back on) even
        # while its traceback keeps the command's frames alive
        with closing(paused(progress_rows(reader) or reader)) as rows:
            job.here(rows)
        return
    progress = RowProgress(stderr())  # a line on a terminal once the run passes a second
    try:
        for piece, duplicates in parallel.run(reader, parts, workers, job.piece):
            progress.advance(job.join(piece, duplicates))
    finally:
        progress.close()
