"""``--workers N``: read, evaluate and render a file's records in N processes, in input order.

The body of the file is cut into record-aligned byte ranges (``records.chunks``, as they are
handed out); each worker reads a range with the same reader logic as a single pass
(``RecordReader.chunk_rows``) and returns what the parent needs, in order (a command's job,
:mod:`bsa_check.services.drive`: for ``check`` the chunk's rows rendered as one piece of output,
:mod:`bsa_check.services.check_jobs`; for ``compare`` the per-row items,
:mod:`bsa_check.compare.workers`). The parent only writes each
piece whole: a copy, not a loop over rows; a large piece of bytes comes in a memory file whose
descriptor the worker passes over a socket (:mod:`bsa_check.pieces`), so the parent copies it to
the output in the kernel instead of receiving it through the result pipe.

Duplicate students (BSA313) are found in parallel too: a worker records the (hash, line) of every
row key of its chunk and splits them by hash over ``keepers`` processes; keeper ``p`` holds the
keys of partition ``p`` (a :class:`~bsa_check.records.seen.SeenKeys`) and gets each chunk's share
in chunk order, so it names the first line of each key in file order, as one pass does. A chunk
whose keepers found a duplicate is written around it: the duplicate row's text is replaced by its
error (rare; the only place the parent looks at single rows). So the output is the
single-process output, byte for byte (tested).

Workers are forked (Linux): they inherit the compiled rule sets, the opened reader and the
renderer, so nothing but byte ranges and results crosses the process boundary, and every process
uses the same string hashing for the keys. At most ``2 * workers`` chunks are in flight, which
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
from typing import Any, Callable, Iterator

from bsa_check import pieces, signals
from bsa_check.gcpause import paused
from bsa_check.records.chunks import chunks
from bsa_check.records.reader import RecordReader
from bsa_check.records.seen import KeyRecorder, SeenKeys

CHUNK_BYTES = 1 << 18  # 256 KiB: smaller pieces kept both workers busier than 1 MiB on the 2-core machine
MAX_WORKERS = 64


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it), at least 1."""
    if hasattr(os, "sched_getaffinity"):
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except OSError:  # pragma: no cover - a system that has the call but refuses it
            pass
    return max(1, os.cpu_count() or 1)


def worker_count(value: str | int) -> int:
    """``--workers``: a number from 1 to ``MAX_WORKERS``, or ``auto`` (the available cores, at most
    ``MAX_WORKERS``). Raises ValueError for anything else."""
    if isinstance(value, str) and value.strip().lower() == "auto":
        return min(available_cores(), MAX_WORKERS)
    n = int(value)
    if not 1 <= n <= MAX_WORKERS:
        raise ValueError(f"{n} is not between 1 and {MAX_WORKERS}")
    return n


def keeper_count(workers: int) -> int:
    """Processes that hold the duplicate-student keys: one per two workers. A keeper's work per row
    (a bisect and an insert) is a fraction of a worker's (read, evaluate, render)."""
    return max(1, (workers + 1) // 2)


@dataclass
class _Job:
    reader: RecordReader
    work: Callable[[Iterator[Any], KeyRecorder], Any]
    keepers: int


_JOB: _Job | None = None  # set in the parent just before forking; read in the workers


def fork_available() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def plan(reader: RecordReader, workers: int) -> Iterator[Any] | None:
    """The chunks to hand out, cut as they are handed out (so the first worker starts at once,
    and cutting overlaps the work), or ``None`` when this file must be read in one process."""
    if workers < 2 or not fork_available() or not os.path.isfile(reader.path):
        return None
    start = reader.body_offset()
    if start is None:
        return None
    return _cut(reader.path, start, reader.header_line + 1, reader.delimiter.encode())


def _cut(path: str, start: int, first_line: int, delimiter: bytes) -> Iterator[Any]:
    with open(path, "rb") as handle:
        yield from chunks(handle, start, first_line, CHUNK_BYTES, delimiter=delimiter)


def _split_keys(recorder: KeyRecorder, keepers: int) -> list[bytes]:
    """The chunk's (hash, line) pairs by keeper, each as ``K`` and the bytes of its hashes, then its lines."""
    if keepers == 1:
        return [b"K" + recorder.hashes.tobytes() + recorder.lines.tobytes()]
    hashes = [array("q") for _ in range(keepers)]
    lines = [array("I") for _ in range(keepers)]
    for h, line in zip(recorder.hashes, recorder.lines):
        p = (h >> 24) % keepers  # other bits than the keeper's own buckets use (records.seen)
        hashes[p].append(h)
        lines[p].append(line)
    return [b"K" + h.tobytes() + n.tobytes() for h, n in zip(hashes, lines)]


def _run(chunk: Any) -> tuple[Any, list[bytes]]:
    job = _JOB
    assert job is not None, "worker started without a job"
    with open(job.reader.path, "rb") as handle:
        handle.seek(chunk.start)
        data = handle.read(chunk.end - chunk.start)
    recorder = KeyRecorder()
    with closing(paused(job.reader.chunk_rows(data.decode(job.reader.encoding), chunk.first_line, recorder))) as rows:
        result = job.work(rows, recorder)
    return result, _split_keys(recorder, job.keepers)


def _keep(conn: Any, parents: list[Any]) -> None:
    """A keeper process: each message is a chunk's share of keys (``K``, hashes, then lines); the
    answer is {line: first line} for the keys seen before, in this or an earlier chunk. An empty
    message ends it, and so does the parent's end closing (``parents``: the parent's ends of this and
    the earlier keepers' pipes, which the fork copied: closed here, so that one close is the end)."""
    signals.quiet_worker()
    for end in parents:
        end.close()
    seen = SeenKeys()
    while True:
        try:
            data = conn.recv_bytes()
        except (EOFError, OSError):  # the parent closed its end: the run ended early (an error)
            break
        if not data:
            break
        n = (len(data) - 1) // 12
        hashes, lines = array("q"), array("I")
        hashes.frombytes(data[1:1 + 8 * n])
        lines.frombytes(data[1 + 8 * n:])
        try:
            conn.send(seen.duplicates(hashes, lines))
        except OSError:  # the parent closed its end while the answer was sent (an error ended the run)
            break
    conn.close()


def run(reader: RecordReader, parts: Iterator[Any], workers: int,
        work: Callable[[Iterator[Any], KeyRecorder], Any]) -> Iterator[tuple[Any, dict[int, int]]]:
    """``work(rows, recorder)`` for every chunk in ``workers`` processes; per chunk, in order, its
    result and its duplicate rows (line -> the line its key was first seen on)."""
    global _JOB
    keepers = keeper_count(workers)
    _JOB = _Job(reader, work, keepers)
    context = multiprocessing.get_context("fork")
    pool = None
    done = False
    procs: list[Any] = []
    conns: list[Any] = []
    try:
        with signals.blocked():  # workers, keepers (and the pool's threads) start with the ending signals blocked
            for _ in range(keepers):
                mine, theirs = context.Pipe()
                proc = context.Process(target=_keep, args=(theirs, [mine, *conns]), daemon=True)
                proc.start()
                theirs.close()
                procs.append(proc)
                conns.append(mine)
            pieces.open_channel()  # after the keepers: only the workers and the parent hold it
            pool = context.Pool(workers, initializer=signals.quiet_worker)
        pending: deque[Any] = deque()
        todo = iter(parts)
        for chunk in todo:
            pending.append(pool.apply_async(_run, (chunk,)))
            if len(pending) >= 2 * workers:
                break
        held: list[Any] = []  # the chunk whose keys the keepers check while the next one is awaited
        while pending:
            result, keys = pending.popleft().get()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.apply_async(_run, (nxt,)))
            duplicates = _answers(conns) if held else {}  # the held chunk's: asked before sending more
            for conn, share in zip(conns, keys):
                conn.send_bytes(share)
            if held:
                yield held.pop(), duplicates
            held.append(result)
        if held:
            yield held.pop(), _answers(conns)
        for conn in conns:
            conn.send_bytes(b"")
        done = True
    finally:
        _JOB = None
        if signals.received is not None:  # a signal ends the run (bsa_check.signals): kill, do not wait
            if pool is not None:
                _no_new_workers(pool)  # else the pool's handler thread starts new ones in place of the killed
            signals.kill_children()
        else:
            if pool is not None:
                if done:
                    pool.terminate()  # what ``with pool`` does
                else:
                    _abandon(pool)
            for conn in conns:  # a keeper still waiting (the run ended early): told to end
                try:
                    conn.send_bytes(b"")
                except OSError:  # pragma: no cover - the keeper is gone
                    pass
                conn.close()
            for proc in procs:
                proc.join(timeout=5)
                if proc.is_alive():  # pragma: no cover - a keeper that did not end
                    proc.kill()
        for conn in conns:
            conn.close()
        pieces.close_channel()
        close = getattr(parts, "close", None)
        if close is not None:
            close()  # the file the chunks are cut from, when the run ended before the last chunk


def _abandon(pool: Any) -> None:
    """End a pool whose run stopped early (an error in the parent, e.g. a full disk): kill its workers
    and drop its own shutdown. A worker ended while it wrote a result into the full result pipe
    keeps the pipe's lock for ever, and ``Pool.terminate`` (also at interpreter exit) then waits for
    it: the run hung on a full disk with ``--workers`` before this. The pool's threads are daemons."""
    _no_new_workers(pool)
    for proc in list(getattr(pool, "_pool", ())):
        try:
            proc.kill()
            proc.join(timeout=1)
        except (OSError, ValueError, AssertionError):  # pragma: no cover - already gone
            pass
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None:
        finalizer.cancel()


def _no_new_workers(pool: Any) -> None:
    """Stop the pool's handler thread from starting workers in place of ended ones (before killing them)."""
    from multiprocessing import pool as mp_pool

    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = mp_pool.TERMINATE


def _answers(conns: list[Any]) -> dict[int, int]:
    """The keepers' answers for one chunk, merged: line -> first line."""
    out: dict[int, int] = {}
    for conn in conns:
        found = conn.recv()
        if found:
            out.update(found)
    return out


def duplicate_errors(reader: RecordReader, duplicates: dict[int, int]) -> dict[int, Any]:
    """line -> the BSA313 error of each duplicate row (``duplicates``: line -> first line)."""
    return {line: reader.duplicate_error(line, first) for line, first in duplicates.items()}
