"""Renderers for ``check`` results: one class per format, all sharing :class:`Reporter`.

A reporter formats result objects; it never evaluates. ``verdict_dict``/``error_dict`` give the
machine shape shared by json, jsonl and csv, so the three cannot drift apart.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import Any, TextIO

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.errors import cell_name
from bsa_check.explain import changes, reason, shows_shortfall, verdict_basis
from bsa_check.formats import CHECK_FORMATS
from bsa_check.pieces import PieceFile
from bsa_check.report.facts import legal_facts
from bsa_check.ruleset.model import OUTCOMES, Text
from bsa_check.service import Result

FORMAT_VERSION = 1
FORMATS = tuple(CHECK_FORMATS)


def plain(value: Any) -> Any:
    """A record value as JSON: Decimals as strings (exact), dates ISO, sets sorted lists."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (frozenset, set, tuple, list)):
        return sorted(str(v) for v in value)
    if isinstance(value, Text):  # a derived text: both languages
        return {"en": value.en, "nl": value.nl}
    return str(value)


def ruleset_meta(rs: CompiledRuleSet) -> dict[str, Any]:
    return {
        "name": rs.name,
        "version": rs.version,
        "sha256": rs.sha256,
        "legal_status": rs.model.legal_status,
        "params": dict(rs.overrides),
        "placeholders": placeholder_params(rs),
    }


def placeholder_params(rs: CompiledRuleSet) -> list[str]:
    """Parameters marked as placeholders, read by a rule or derived value, and not overridden on the
    command line. A parameter nothing reads (one a file that ``extends`` a bundled set inherits but
    does not use, e.g. the part-time norm of a full-time programme) decides nothing, so it is not named."""
    used = _params_read(rs.model.model_dump(include={"rules", "derived"}, by_alias=True, warnings=False))
    return [name for name, p in rs.model.parameters.items()
            if p.placeholder and name not in rs.overrides and name in used]


def _params_read(node: Any, found: set[str] | None = None) -> set[str]:
    """Every parameter name a dumped rule or derived value refers to: ``{param: NAME}`` or ``{NAME}`` in a text."""
    found = set() if found is None else found
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "param" and isinstance(value, str):
                found.add(value)
            _params_read(value, found)
    elif isinstance(node, list):
        for value in node:
            _params_read(value, found)
    elif isinstance(node, str) and "{" in node:
        found.update(re.findall(r"\{([a-z_][a-z0-9_]*)\}", node))
    return found


def verdict_dict(result: Result, lang: str) -> dict[str, Any]:
    assert result.verdict is not None
    return {"line": result.line, "student_id": result.student_id, "programme": result.programme,
            **verdict_tail(result.verdict, lang)}


def verdict_tail(v: Any, lang: str) -> dict[str, Any]:
    """What a verdict contributes to its machine record: everything after line, student and programme.

    A function of the verdict alone, so renderers may reuse it for rows with the same verdict.
    """
    out: dict[str, Any] = {
        "outcome": v.outcome,
        "rule": v.rule.id,
        "basis": verdict_basis(v, lang),
        "reason": reason(v, lang),
        "values": {k: plain(x) if k != "missing" else [getattr(t, lang) for t in x] for k, x in sorted(v.values.items())},
        "missing": [p.id for p in v.missing],
        "shortfall": [{"field": s.field, "amount": str(s.amount), "target": str(s.target)} for s in v.shortfalls]
        if shows_shortfall(v) else [],
        "changes": changes(v, lang),
        **legal_facts(v, lang),
        "legal_status": v.ruleset.model.legal_status,
        "ruleset": {"name": v.ruleset.name, "version": v.ruleset.version, "sha256": v.ruleset.sha256},
    }
    return out


def error_dict(result: Result, lang: str) -> dict[str, Any]:
    e = result.error
    assert e is not None
    loc = e.location
    return {
        "line": result.line,
        "student_id": result.student_id,
        "error": {
            "code": e.code,
            "message": e.message,
            "file": loc.file if loc else None,
            "column": loc.column if loc else None,
            "column_name": loc.column_name if loc else None,
            "hint": e.hint,
            **({"cell": cell_name(loc.sheet, loc.line, loc.column)} if loc and loc.sheet else {}),  # a workbook
        },
    }


def error_cell(result: Result, lang: str) -> str:
    """A row error as one cell of csv and xlsx output (``BSA310 column 7 (ec_jaar1): message; hint``),
    its words in ``lang`` as stderr says them (``kolom``, the Dutch message and hint)."""
    from bsa_check.i18n.problems import translate

    e = result.error
    assert e is not None
    loc = e.location
    column = "kolom" if lang == "nl" else "column"
    where = f"{column} {loc.column} ({loc.column_name}): " if loc and loc.column else ""
    hint = translate(e.code, e.hint, lang) if e.hint else None
    return f"{e.code} {where}{translate(e.code, e.message, lang)}" + (f"; {hint}" if hint else "")


class Reporter:
    """Receives results in input order; ``finish`` returns nothing; output goes to ``out``."""

    def __init__(self, out: TextIO, rs: CompiledRuleSet, as_of: date, lang: str, source: str) -> None:
        self.out = out
        self.rs = rs
        self.as_of = as_of
        self.lang = lang
        self.source = source
        self.counts: Counter[str] = Counter()
        self.errors: list[Result] = []
        self.rows = 0
        self.pseudonymized = False  # student numbers are keyed hashes (--pseudonymize)
        # --only: the outcomes whose rows are written (None: all); every row is still counted, and
        # rows that could not be evaluated are always written (a failed row is never hidden)
        self.only: frozenset[str] | None = None
        self.kept_headers: list[str] = []  # --keep-columns: the export's headers of Result.kept (csv, xlsx)

    def add(self, result: Result) -> None:
        self.rows += 1
        if result.error is not None:
            self.errors.append(result)
            self.on_error(result)
        else:
            assert result.verdict is not None
            outcome = result.verdict.outcome
            self.counts[outcome] += 1
            if self.only is None or outcome in self.only:
                self.on_verdict(result)

    def add_text(self, text: str, outcome: str) -> None:
        """A verdict row already rendered by :meth:`verdict_text` (in a worker process)."""
        self.rows += 1
        self.counts[outcome] += 1
        if self.only is None or outcome in self.only:
            self.on_text(text)

    def add_texts(self, texts: list[str], outcomes: list[str]) -> None:
        """:meth:`add_text` for each pair, in order."""
        self.rows += len(texts)
        self.counts.update(outcomes)
        only = self.only
        if only is not None:
            texts = [text for text, outcome in zip(texts, outcomes) if outcome in only]
        self.on_texts(texts)

    def on_texts(self, texts: list[str]) -> None:
        for text in texts:
            self.on_text(text)

    def verdict_text(self, result: Result) -> str:  # pragma: no cover - machine formats only
        raise NotImplementedError

    # ``--workers`` (bsa_check.parallel): a worker renders its chunk as one piece, each row as
    # ``piece_text(verdict text)`` or ``error_piece(result)``, in order; the parent writes the piece
    # whole with ``write_piece`` and adds the counts with ``add_counted``. Machine formats only.

    def piece_text(self, text: str) -> str:
        """A verdict row as it stands in a piece: what ``on_text`` writes for it."""
        return text

    def error_piece(self, result: Result) -> str:  # pragma: no cover - machine formats only
        """An error row as it stands in a piece: what ``on_error`` writes for it."""
        raise NotImplementedError

    def write_piece(self, piece: bytes | str | PieceFile) -> None:
        """Rows rendered by ``piece_text``/``error_piece``, joined (bytes, or bytes in a memory file:
        encoded as ``out`` encodes)."""
        if isinstance(piece, bytes):
            self.out.write_bytes(piece)  # type: ignore[attr-defined]  # output.GuardedWriter
        elif isinstance(piece, PieceFile):  # bytes in a worker's memory file (bsa_check.pieces)
            self.out.write_file(piece)  # type: ignore[attr-defined]  # output.GuardedWriter
        elif piece:
            self.out.write(piece)

    def add_counted(self, rows: int, counts: dict[str, int], errors: list[Result]) -> None:
        """What ``add`` of ``rows`` rows counts: verdicts by outcome, and the error rows in order."""
        self.rows += rows
        self.counts.update(counts)
        self.errors.extend(errors)

    # Machine formats also set, in ``start``: ``tail_of(verdict)``, the rendered part of a row that
    # depends on the verdict alone, and ``row_text(line, student_id, programme, tail)``, the whole
    # row as ``verdict_text`` renders it (``service.rendered`` streams with these).

    def on_text(self, text: str) -> None:  # pragma: no cover - machine formats only
        raise NotImplementedError

    def summary(self) -> dict[str, int]:
        return {o: self.counts.get(o, 0) for o in OUTCOMES}

    def start(self) -> None:  # pragma: no cover - hooks
        pass

    def on_verdict(self, result: Result) -> None:  # pragma: no cover
        pass

    def on_error(self, result: Result) -> None:  # pragma: no cover
        pass

    def finish(self) -> None:  # pragma: no cover
        pass


def make_reporter(fmt: str, out: TextIO, rs: CompiledRuleSet, as_of: date, lang: str, source: str,
                  *, delimiter: str = ",", pseudonymized: bool = False, excel: bool = False,
                  only: frozenset[str] | None = None, summary_only: bool = False,
                  kept_headers: list[str] | None = None) -> Reporter:
    """The reporter of ``check`` format ``fmt``, as its module in ``report.check_formats`` declares it
    (``formats.CHECK_FORMATS``); ``delimiter`` and ``excel`` go to a CSV format only. ``only``: write the rows of these
    outcomes only (--only); ``summary_only``: no rows at all (--summary; text and json);
    ``kept_headers``: the export's headers of the kept cells (--keep-columns; csv and xlsx)."""
    from bsa_check.report import text

    spec = CHECK_FORMATS[fmt]  # KeyError: the CLI validates the choice
    cls = spec.reporter
    options: dict[str, Any] = {"delimiter": delimiter, "excel": excel} if spec.csv else {}
    reporter: Reporter = cls(out, rs, as_of, lang, source, **options)
    reporter.pseudonymized = pseudonymized
    reporter.only = frozenset() if summary_only else only
    if kept_headers:  # --keep-columns (csv, xlsx): the export's headers of the kept cells
        reporter.kept_headers = list(kept_headers)
    if summary_only and isinstance(reporter, text.TextReporter):
        reporter.summary_only = True
    return reporter


__all__ = ["FORMATS", "FORMAT_VERSION", "Reporter", "make_reporter", "placeholder_params"]
