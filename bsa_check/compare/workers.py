"""``compare``'s work as a :class:`bsa_check.services.drive.Job` (:class:`CompareJob`): in this
process, or with ``--workers N`` the rows classified in N processes (``bsa_check.parallel`` cuts the
file, forks the workers and finds the duplicates) and the items added in input order in this one, so
the result is the one-process result. :func:`compare_work` is a worker's part: per chunk a small
:class:`ComparedChunk` (each distinct cell once, rows as indexes into them)."""

from __future__ import annotations

from array import array
from datetime import date
from typing import Any, Callable, Iterator, NamedTuple

from bsa_check.compare.model import RowError
from bsa_check.compare.rows import Accumulator, classify_all, row_error
from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.errors import EvaluationError
from bsa_check.records.seen import KeyRecorder
from bsa_check.services import cache


class CompareJob:
    """``compare`` over an open reader into ``acc``, as a :class:`bsa_check.services.drive.Job`:
    in this process, or per worker piece. ``detail_lang``: also list the changed students (their
    reasons in that language); ``pseudo``: their student numbers replaced."""

    def __init__(self, reader: Any, acc: Accumulator, rulesets: list[CompiledRuleSet], as_of: date,
                 locate: Callable[[EvaluationError, int], EvaluationError] | None, detail_lang: str | None,
                 pseudo: Any) -> None:
        self.reader, self.acc, self.rulesets, self.as_of = reader, acc, rulesets, as_of
        self.locate, self.detail_lang, self.pseudo = locate, detail_lang, pseudo
        # made in the parent before the workers fork: each worker keeps its own copy of the memo
        self.piece = compare_work(rulesets, as_of, locate, detail_lang, pseudo)

    def here(self, rows: Iterator[Any]) -> None:
        add = self.acc.add
        for item in classify_all(self.pseudo.rows(rows) if self.pseudo else rows, self.rulesets, self.as_of,
                                 self.locate, self.detail_lang):
            add(item)

    def join(self, piece: ComparedChunk, duplicates: dict[int, int]) -> int:
        """One worker's piece, in input order; a duplicate row becomes its BSA313 error."""
        from bsa_check import parallel

        errors = parallel.duplicate_errors(self.reader, duplicates) if duplicates else {}
        self.acc.add_chunk(piece, {line: row_error(dup, line, None) for line, dup in errors.items()})
        return len(piece.lines)


def compare_work(rulesets: list[Any], as_of: date, locate: Any, detail_lang: str | None,
                 pseudo: Any) -> Callable[[Iterator[Any], KeyRecorder], Any]:
    """A worker's ``compare``: a :class:`ComparedChunk` per chunk."""
    memo = cache.new(cache.COMPARED)  # each forked worker keeps its own copy across its chunks

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
