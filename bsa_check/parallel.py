"""``--workers N``: read, evaluate and render a file's records in N processes, in input order.

The body of the file is cut into record-aligned byte ranges (``records.chunks``); each worker
reads a range with the same reader logic as a single pass (``RecordReader.chunk_rows``) and
returns what the parent needs, in order: for ``check`` the rendered verdict rows (or the error),
for ``compare`` the per-row items. The parent replays the duplicate-student keys in file order
(a duplicate is only known once every earlier row is), writes the rows in input order and counts.
So the output is the single-process output, byte for byte (tested).

Workers are forked (Linux): they inherit the compiled rule sets, the opened reader and the
renderer, so nothing but byte ranges and results crosses the process boundary, and both sides use
the same string hashing for the duplicate keys. At most ``2 * workers`` chunks are in flight, which
bounds memory. Where fork is not available, or the file cannot be cut (a bare-CR file, a header
with a quoted line break, a stream), the work runs in one process.
"""

from __future__ import annotations

import multiprocessing
import os
from array import array
from collections import deque
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable, Iterator, NamedTuple

from bsa_check import signals
from bsa_check.gcpause import paused
from bsa_check.records.chunks import chunks
from bsa_check.records.reader import RecordReader
from bsa_check.records.seen import KeyRecorder, SeenKeys

CHUNK_BYTES = 1 << 18  # 256 KiB: smaller pieces kept both workers busier than 1 MiB on the 2-core machine


@dataclass
class _Job:
    reader: RecordReader
    work: Callable[[Iterator[Any], KeyRecorder], Any]


_JOB: _Job | None = None  # set in the parent just before forking; read in the workers


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def plan(reader: RecordReader, workers: int) -> list[Any] | None:
    """The chunks to hand out, or ``None`` when this file must be read in one process."""
    if workers < 2 or not fork_available() or not os.path.isfile(reader.path):
        return None
    start = reader.body_offset()
    if start is None:
        return None
    with open(reader.path, "rb") as handle:
        return list(chunks(handle, start, reader.header_line + 1, CHUNK_BYTES,
                           delimiter=reader.delimiter.encode()))


def _run(chunk: Any) -> tuple[Any, Any, Any]:
    job = _JOB
    assert job is not None, "worker started without a job"
    with open(job.reader.path, "rb") as handle:
        handle.seek(chunk.start)
        data = handle.read(chunk.end - chunk.start)
    recorder = KeyRecorder()
    with closing(paused(job.reader.chunk_rows(data.decode(job.reader.encoding), chunk.first_line, recorder))) as rows:
        return job.work(rows, recorder), recorder.hashes, recorder.lines


def run(reader: RecordReader, parts: list[Any], workers: int,
        work: Callable[[Iterator[Any], KeyRecorder], Any]) -> Iterator[tuple[Any, Any, Any]]:
    """``work(rows, recorder)`` for every chunk in ``workers`` processes; results in chunk order."""
    global _JOB
    _JOB = _Job(reader, work)
    context = multiprocessing.get_context("fork")
    pool = None
    try:
        with signals.blocked():  # workers (and the pool's threads) start with the ending signals blocked
            pool = context.Pool(workers, initializer=signals.quiet_worker)
        pending: deque[Any] = deque()
        todo = iter(parts)
        for chunk in todo:
            pending.append(pool.apply_async(_run, (chunk,)))
            if len(pending) >= 2 * workers:
                break
        while pending:
            result = pending.popleft().get()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_run, (nxt,)))
            yield result
    finally:
        _JOB = None
        if signals.received is not None:  # a signal ends the run (bsa_check.signals): kill, do not wait
            signals.kill_children()
        elif pool is not None:
            pool.terminate()  # what ``with pool`` does


class DuplicateReplay:
    """The parent's side of duplicate detection: the workers' recorded keys, replayed in file order."""

    def __init__(self, reader: RecordReader) -> None:
        self.reader = reader
        self.seen = SeenKeys()

    def errors(self, hashes: Any, lines: Any) -> dict[int, Any]:
        """line -> the BSA313 error for each row of this chunk that repeats an earlier key."""
        return {line: self.reader._duplicate(line, first) for line, first in self.seen.duplicates(hashes, lines).items()}


class CheckedChunk(NamedTuple):
    """A worker's ``check`` of one chunk, by column (cheaper to pickle than a tuple per row): per row
    the line, student and rendered text with its outcome (None for a row that failed); ``errors``:
    row index -> (programme, error) for the rows that failed."""

    lines: Any  # array("I")
    student_ids: list[str | None]
    texts: list[str | None]
    outcomes: list[str | None]
    errors: dict[int, tuple[str | None, Any]]
    # per-programme parameters -> programmes on their default, in this worker so far (BSA327)
    on_default: dict[str, list[str]] | None = None


def check_work(ruleset: Any, as_of: date, reporter: Any, pseudo: Any) -> Callable[[Iterator[Any], KeyRecorder], Any]:
    """A worker's ``check``: a :class:`CheckedChunk` per chunk."""
    from bsa_check.memo import Memo
    from bsa_check.service import RENDER_MEMO_ENTRIES, rendered

    memo = Memo(RENDER_MEMO_ENTRIES)  # each forked worker keeps its own copy across its chunks

    def work(rows: Iterator[Any], recorder: KeyRecorder) -> CheckedChunk:
        lines, sids, texts, outcomes, errors = array("I"), [], [], [], {}
        for line, sid, programme, text, outcome, error in rendered(
                _JOB.reader, ruleset, as_of, reporter, rows=rows, pseudo=pseudo, memo=memo):  # type: ignore[union-attr]
            if text is None:
                errors[len(lines)] = (programme, error)
            lines.append(line)
            sids.append(sid)
            texts.append(text)
            outcomes.append(outcome)
        return CheckedChunk(lines, sids, texts, outcomes, errors, ruleset.programmes_on_default())

    return work


def compare_work(rulesets: list[Any], as_of: date, locate: Any, detail_lang: str | None,
                 pseudo: Any) -> Callable[[Iterator[Any], KeyRecorder], Any]:
    """A worker's ``compare``: a :class:`ComparedChunk` per chunk."""
    from bsa_check.compare import ITEM_MEMO_ENTRIES, RowError, classify_all
    from bsa_check.memo import Memo

    memo = Memo(ITEM_MEMO_ENTRIES)  # each forked worker keeps its own copy across its chunks

    def work(rows: Iterator[Any], recorder: KeyRecorder) -> ComparedChunk:
        if pseudo is not None:
            rows = pseudo.rows(rows)
        lines = array("I")

        def tap(rows: Iterator[Any]) -> Iterator[Any]:
            for row in rows:
                lines.append(row.line)
                yield row

        ids, table, errors, changed = array("i"), {}, {}, {}  # type: ignore[var-annotated]
        for item in classify_all(tap(rows), rulesets, as_of, locate, detail_lang, memo=memo):
            if isinstance(item, RowError):
                errors[len(ids)] = item
                ids.append(-1)
                continue
            if item.changed is not None:
                changed[len(ids)] = item.changed
            cell = (item.programme, item.year, item.bin, item.outcomes)
            found = table.get(cell)
            if found is None:
                found = table[cell] = len(table)
            ids.append(found)
        return ComparedChunk(lines, ids, list(table), errors, changed)

    return work


class ComparedChunk(NamedTuple):
    """A worker's ``compare`` of one chunk: per row its line and the index of its (programme, year,
    credit bin, outcomes) in ``cells`` (-1: an error, in ``errors`` by row index), and the changed
    students by row index (``--list-changed``). The parent adds it at once unless a row is a
    duplicate (``compare.Accumulator.add_chunk``)."""

    lines: Any  # array("I")
    ids: Any  # array("i")
    cells: list[tuple[str, int, int, tuple[str, ...]]]
    errors: dict[int, Any]
    changed: dict[int, Any]
