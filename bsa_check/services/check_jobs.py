"""``check``'s work as a :class:`bsa_check.services.drive.Job`: the machine formats (json, jsonl,
csv, ...) rendered row by row from a memo of outcome and text, in this process or as one piece of
output per worker that the parent writes whole (:class:`RenderedJob`), and the formats that take
whole results (text, xlsx, kept columns), in this process (:class:`ResultsJob`)."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from datetime import date
from typing import Any, Callable, Iterator, NamedTuple

from bsa_check.pieces import PieceFile, out_of_band
from bsa_check.records.seen import KeyRecorder
from bsa_check.service import Result, rendered, results
from bsa_check.services import cache

__all__ = ["CheckedPiece", "RenderedJob", "ResultsJob", "WRITE_BLOCK_ROWS", "check_work", "write_checked"]

WRITE_BLOCK_ROWS = 512  # check's machine formats: rows written per write call (a few hundred kB)


class RenderedJob:
    """``check`` in a machine format. ``on_default``: filled with the programmes on a per-programme
    default that the workers met (BSA327; in one process the rule set itself keeps them)."""

    def __init__(self, reader: Any, ruleset: Any, as_of: date, reporter: Any, pseudo: Any,
                 on_default: dict[str, set[str]]) -> None:
        self.reader, self.ruleset, self.as_of, self.reporter, self.pseudo = reader, ruleset, as_of, reporter, pseudo
        self.on_default = on_default
        # made in the parent before the workers fork: each worker keeps its own copy of the memo
        self.piece = check_work(reader, ruleset, as_of, reporter, pseudo,
                                getattr(reporter.out, "bytes_encoding", None))

    def here(self, rows: Iterator[Any]) -> None:
        """Rows rendered straight from the memo, written a block at a time (an error row first
        writes the rows before it)."""
        reporter = self.reporter
        texts: list[str] = []
        outcomes: list[str] = []
        for line, sid, programme, text, outcome, error in rendered(
                self.reader, self.ruleset, self.as_of, reporter, rows=rows, pseudo=self.pseudo):
            if text is not None:
                texts.append(text)
                outcomes.append(outcome)
                if len(texts) < WRITE_BLOCK_ROWS:
                    continue
            elif texts:
                reporter.add_texts(texts, outcomes)
                texts, outcomes = [], []
            if text is None:
                reporter.add(Result(line, sid, programme, {}, None, error))
            else:
                reporter.add_texts(texts, outcomes)
                texts, outcomes = [], []
        reporter.add_texts(texts, outcomes)

    def join(self, piece: CheckedPiece, duplicates: dict[int, int]) -> int:
        for name, progs in (piece.on_default or {}).items():
            self.on_default.setdefault(name, set()).update(progs)
        write_checked(self.reporter, self.reader, piece, duplicates)
        return len(piece.lines)


class ResultsJob:
    """``check`` in a format that takes whole results (one process: results as objects)."""

    def __init__(self, reader: Any, ruleset: Any, as_of: date, reporter: Any, pseudo: Any) -> None:
        self.reader, self.ruleset, self.as_of, self.reporter, self.pseudo = reader, ruleset, as_of, reporter, pseudo

    def here(self, rows: Iterator[Any]) -> None:
        stream = results(self.reader, self.ruleset, self.as_of, rows=rows)
        add = self.reporter.add
        for result in self.pseudo.results(stream) if self.pseudo else stream:
            add(result)

    def piece(self, rows: Iterator[Any], recorder: KeyRecorder) -> Any:
        raise NotImplementedError("whole results are made in one process")  # drive() is given workers=1

    def join(self, piece: Any, duplicates: dict[int, int]) -> int:
        raise NotImplementedError("whole results are made in one process")


class CheckedPiece(NamedTuple):
    """A worker's ``check`` of one chunk: its rows rendered as one piece of output (bytes encoded as
    the output encodes, or text), and what the parent needs beside writing it: per row its line,
    where its text ends in the piece and its outcome code (an index in ``outcomes``; 0: an error
    row); the verdicts by outcome; the error rows (row index, line, student, programme, error);
    the student numbers as written (joined, each ending at ``sid_ends``), for a duplicate's error."""

    piece: bytes | str | PieceFile  # PieceFile: bytes in a memory file (bsa_check.pieces)
    lines: Any  # array("I")
    ends: Any  # array("I")
    codes: Any  # array("B")
    outcomes: list[str | None]
    counts: dict[str, int]
    errors: list[tuple[int, int, str | None, str | None, Any]]
    sids: str
    sid_ends: Any  # array("I")
    # per-programme parameters -> programmes on their default, in this worker so far (BSA327)
    on_default: dict[str, list[str]] | None = None


def check_work(reader: Any, ruleset: Any, as_of: date, reporter: Any, pseudo: Any,
               encoding: tuple[str, str] | None = None) -> Callable[[Iterator[Any], KeyRecorder], Any]:
    """A worker's ``check``: a :class:`CheckedPiece` per chunk. ``encoding``: (codec, errors) to
    encode the piece with, as the output would (``None``: the piece stays text)."""
    memo = cache.new(cache.RENDERED)  # each forked worker keeps its own copy across its chunks
    frame, error_piece = reporter.piece_text, reporter.error_piece
    only = reporter.only  # --only: other outcomes are counted, not written (an empty text in the piece)

    def work(rows: Iterator[Any], recorder: KeyRecorder) -> CheckedPiece:
        lines, ends, codes, sid_ends = array("I"), array("I"), array("B"), array("I")
        texts: list[str] = []
        sids: list[str] = []
        errors = []
        codes_of: dict[str | None, int] = {None: 0}
        pos = spos = 0
        for line, sid, programme, text, outcome, error in rendered(
                reader, ruleset, as_of, reporter, rows=rows, pseudo=pseudo, memo=memo):
            if text is None:
                errors.append((len(lines), line, sid, programme, error))
                text = error_piece(Result(line, sid, programme, {}, None, error))
                code = 0
            else:
                text = frame(text) if only is None or outcome in only else ""
                code = codes_of.get(outcome) or codes_of.setdefault(outcome, len(codes_of))
            lines.append(line)
            codes.append(code)
            texts.append(text)
            pos += len(text)
            ends.append(pos)
            if sid:
                sids.append(sid)
                spos += len(sid)
            sid_ends.append(spos)
        text = "".join(texts)
        piece: bytes | str | PieceFile = text
        if encoding is not None:
            try:
                piece = text.encode(*encoding)
            except UnicodeError:  # the parent writes the text, and meets the same error as one process
                piece = text
            else:
                if len(piece) != len(text):  # not all ASCII: where each row ends, in bytes
                    ends = array("I")
                    pos = 0
                    for t in texts:
                        pos += len(t.encode(*encoding))
                        ends.append(pos)
                piece = out_of_band(piece)  # to the parent in a memory file, not through the pipe
        counts = Counter(codes)
        outcomes = list(codes_of)
        return CheckedPiece(piece, lines, ends, codes, outcomes,
                            {outcomes[c]: n for c, n in counts.items() if c},  # type: ignore[misc]
                            errors, "".join(sids), sid_ends, ruleset.programmes_on_default())

    return work


def write_checked(reporter: Any, reader: Any, chunk: CheckedPiece, duplicates: dict[int, int]) -> None:
    """The parent's side of :func:`check_work`: the piece written whole, its rows counted; a chunk
    with duplicate rows is written around them (each replaced by its BSA313 error)."""
    def errors(low: int, high: int) -> list[Any]:
        return [Result(line, sid, programme, {}, None, error)
                for i, line, sid, programme, error in chunk.errors if low <= i < high]

    try:
        if not duplicates:
            reporter.add_counted(len(chunk.lines), chunk.counts, errors(0, len(chunk.lines)))
            reporter.write_piece(chunk.piece)
            return
        lines = chunk.lines
        row = 0
        for line in sorted(duplicates):
            k = bisect_left(lines, line)
            write_rows(reporter, chunk, row, k, errors(row, k))
            sid = chunk.sids[chunk.sid_ends[k - 1] if k else 0:chunk.sid_ends[k]] or None
            reporter.add(Result(line, sid, None, {}, None, reader.duplicate_error(line, duplicates[line])))
            row = k + 1
        write_rows(reporter, chunk, row, len(lines), errors(row, len(lines)))
    finally:
        if isinstance(chunk.piece, PieceFile):
            chunk.piece.close()  # its memory file is freed now, not when the piece is collected


def write_rows(reporter: Any, chunk: CheckedPiece, low: int, high: int, errors: list[Any]) -> None:
    """Rows ``low`` to ``high`` (exclusive) of a chunk: counted and written."""
    if high <= low:
        return
    counts = Counter(chunk.codes[low:high])
    reporter.add_counted(high - low, {chunk.outcomes[c]: n for c, n in counts.items() if c}, errors)
    start = chunk.ends[low - 1] if low else 0
    reporter.write_piece(chunk.piece[start:chunk.ends[high - 1]])
