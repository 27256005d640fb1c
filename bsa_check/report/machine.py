"""Machine formats: json (one document), jsonl (one object per data row), csv (one row per row)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from decimal import Decimal
from typing import Any

from bsa_check.engine.values import Average
from bsa_check.memo import Memo
from bsa_check.pieces import PieceFile
from bsa_check.explain import reason, shows_shortfall, verdict_basis
from bsa_check.report.facts import CSV_COLUMNS, legal_cells
from bsa_check.report.keep import distinct
from bsa_check.report import FORMAT_VERSION, Reporter, error_cell, error_dict, ruleset_meta, verdict_tail
from bsa_check.ruleset.model import Text
from bsa_check.textsafe import JSON_ESCAPES, visible

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# characters some readers treat as line breaks, terminal controls JSON leaves raw, lone surrogates
_LINE_BREAKS = JSON_ESCAPES


def _dump(obj: Any) -> str:
    """Compact JSON on one physical line: characters some readers treat as line breaks are escaped."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS)


def _text(value: str | None) -> str:
    """A JSON string as ``_dump`` writes it; student numbers and codes are plain letters and digits."""
    if value is None:
        return "null"
    if value.isalnum():  # nothing to escape (ensure_ascii=False keeps letters as they are)
        return '"' + value + '"'
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)


TAIL_MEMO_ENTRIES = 4096

# (a derived text, ruleset.model.Text, is frozen and its repr names both languages)
_SIGNATURE_TYPES = frozenset({str, int, bool, Decimal, Average, date, type(None), frozenset, Text})


def signature(verdict: Any) -> str | None:
    """A text that determines everything ``verdict_tail`` renders: the deciding rule, the outcome,
    the missing steps, the shortfalls and the placeholder values, each by its ``repr`` (so 45 and
    45.0, or 1 and True, stay apart). ``None`` when a value is of a type whose ``repr`` might not
    say all (then the verdict is rendered on its own). Only for verdicts of one rule set."""
    values = verdict.values
    for name, value in values.items():
        kind = type(value)
        if name != "missing" and (kind not in _SIGNATURE_TYPES
                                  or kind is frozenset and not all(type(x) is str for x in value)):
            return None
    shortfalls = verdict.shortfalls if shows_shortfall(verdict) else None  # else not rendered (nor traced)
    return repr((verdict.rule.index, verdict.outcome, [p.id for p in verdict.missing], shortfalls,
                 [(k, v) for k, v in values.items() if k != "missing"], verdict.fragments))


class _TailMemo:
    """A verdict's rendered tail (``render(verdict)``: everything after line, student and programme),
    made once per distinct record (``Result.key``) and, across records, once per distinct verdict
    signature (:func:`signature`): records that differ in cells the deciding rule did not read
    (other dates, say) render the same tail."""

    def __init__(self, render: Any) -> None:
        self.render = render
        self.memo = Memo(TAIL_MEMO_ENTRIES)
        self.by_signature = Memo(TAIL_MEMO_ENTRIES)

    def tail(self, result: Any) -> Any:
        key = result.key
        tail = self.memo.get(key) if key is not None else None
        if tail is None:
            tail = self.of_verdict(result.verdict)
            if key is not None:
                self.memo.put(key, tail)
        return tail

    def of_verdict(self, verdict: Any) -> Any:
        """The tail of a verdict, rendered once per signature."""
        sig = signature(verdict)
        tail = self.by_signature.get(sig) if sig is not None else None
        if tail is None:
            tail = self.render(verdict)
            if sig is not None:
                self.by_signature.put(sig, tail)
        return tail


class _JsonLines:
    """A verdict row's JSON object, identical to ``_dump(verdict_dict(result))``."""

    def __init__(self, lang: str) -> None:
        self.tails = _TailMemo(lambda verdict: _dump(verdict_tail(verdict, lang))[1:])
        self.programmes: dict[str | None, str] = {}  # programme -> its JSON text (exports have few)

    def line(self, result: Any) -> str:
        key = result.key
        tails = self.tails
        tail = tails.memo.young.get(key) if key is not None else None  # _TailMemo.tail, without the calls
        if tail is None:
            tail = tails.tail(result)
        return self.row_text(result.line, result.student_id, result.programme, tail)

    def row_text(self, line: int, student_id: str | None, programme: str | None, tail: str) -> str:
        text = self.programmes.get(programme)
        if text is None:
            text = _text(programme)
            if len(self.programmes) < 4096:
                self.programmes[programme] = text
        return f'{{"line":{line},"student_id":{_text(student_id)},"programme":{text},{tail}'


class JsonlReporter(Reporter):
    def start(self) -> None:
        self._tails = _JsonLines(self.lang)
        self.tail_of = self._tails.tails.of_verdict
        self.row_text = self._tails.row_text

    def verdict_text(self, result: Any) -> str:
        return self._tails.line(result)

    def on_verdict(self, result: Any) -> None:
        self.out.write(self._tails.line(result) + "\n")

    def on_text(self, text: str) -> None:
        self.out.write(text + "\n")

    def on_texts(self, texts: list[str]) -> None:
        if texts:
            self.out.write("\n".join(texts) + "\n")

    def on_error(self, result: Any) -> None:
        self.out.write(self.error_piece(result))

    def piece_text(self, text: str) -> str:
        return text + "\n"

    def error_piece(self, result: Any) -> str:
        return _dump(error_dict(result, self.lang)) + "\n"

    def finish(self) -> None:
        pass


class JsonReporter(Reporter):
    """Streams the verdicts array; errors and the summary follow it."""

    def start(self) -> None:
        head = {"format_version": FORMAT_VERSION, "ruleset": ruleset_meta(self.rs), "as_of": self.as_of.isoformat(),
                "lang": self.lang, "source": self.source}
        if self.pseudonymized:
            head["student_ids"] = "pseudonymized"
        self.out.write(_dump(head)[:-1] + ',"verdicts":[')
        self._first = True
        self._tails = _JsonLines(self.lang)
        self.tail_of = self._tails.tails.of_verdict
        self.row_text = self._tails.row_text

    def verdict_text(self, result: Any) -> str:
        return self._tails.line(result)

    def on_verdict(self, result: Any) -> None:
        self.on_text(self._tails.line(result))

    def on_text(self, text: str) -> None:
        self.out.write(("" if self._first else ",") + "\n" + text)
        self._first = False

    def on_texts(self, texts: list[str]) -> None:
        if texts:
            self.out.write(("" if self._first else ",") + "\n" + ",\n".join(texts))
            self._first = False

    def on_error(self, result: Any) -> None:
        pass

    def piece_text(self, text: str) -> str:
        return ",\n" + text  # the first row of the array goes without its comma (write_piece)

    def error_piece(self, result: Any) -> str:
        return ""  # errors follow the verdicts array (finish)

    def write_piece(self, piece: bytes | str | PieceFile) -> None:
        if piece and self._first:
            piece = piece[1:]
            self._first = False
        super().write_piece(piece)

    def finish(self) -> None:
        errors = [error_dict(r, self.lang) for r in self.errors]
        self.out.write('\n],"errors":' + _dump(errors) + ',"summary":' + _dump(
            {**self.summary(), "errors": len(errors), "rows": self.rows}) + "}\n")


def safe_cell(value: Any) -> str:
    """Neutralise cells a spreadsheet would run as a formula (leading = + - @ tab CR) with a ``'``,
    and write control characters as visible escapes (``bsa_check.textsafe.visible``).

    Every column is treated alike, negative numbers included: the only numeric column (``line``)
    is never negative, and a student number or programme code that starts with ``-`` is text.
    """
    text = "" if value is None else visible(str(value))  # control characters: visible escapes
    return "'" + text if text.startswith(_FORMULA_START) else text


class CsvReporter(Reporter):
    # the legal facts (``report.facts``) come last, so the older columns keep their places
    COLUMNS = ("line", "student_id", "programme", "outcome", "rule", "basis", "reason", "error", "ruleset",
               *CSV_COLUMNS)

    def __init__(self, *args: Any, delimiter: str = ",", excel: bool = False, **kw: Any) -> None:
        """``excel``: CSV for (Dutch) Excel: a byte order mark, CRLF line ends and ``;`` (--excel)."""
        super().__init__(*args, **kw)
        self.excel = excel
        if excel:
            delimiter = ";"
        end = "\r\n" if excel else "\n"
        self.writer = csv.writer(self.out, delimiter=delimiter, lineterminator=end)
        self._buffer = io.StringIO()
        self._one_row = csv.writer(self._buffer, delimiter=delimiter, lineterminator=end)

    def start(self) -> None:
        if self.excel:
            self.out.write("\ufeff")  # Excel reads UTF-8 only with its byte order mark
        kept = distinct(list(self.COLUMNS), [str(h) for h in self.kept_headers])
        self.writer.writerow([*self.COLUMNS, *(safe_cell(h) for h in kept)])
        rs = self.rs
        self.ruleset_id = ruleset_id = f"{rs.name} {rs.version} sha256:{rs.sha256}"
        lang = self.lang
        self._tails = _TailMemo(lambda v: tuple(safe_cell(x) for x in (v.outcome, v.rule.id, verdict_basis(v, lang),
                                                                         reason(v, lang), "", ruleset_id,
                                                                         *legal_cells(v, lang))))
        self.tail_of = self._tails.of_verdict

    def row_text(self, line: int, student_id: str | None, programme: str | None, tail: tuple[str, ...]) -> str:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._one_row.writerow([safe_cell(line), safe_cell(student_id), safe_cell(programme), *tail])
        return buffer.getvalue()

    def verdict_text(self, result: Any) -> str:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._one_row.writerow(self._cells(result))
        return buffer.getvalue()

    def _cells(self, result: Any) -> list[str]:
        """The columns of ``COLUMNS``: line, student and programme, then the verdict's (memoised)."""
        cells = [safe_cell(result.line), safe_cell(result.student_id), safe_cell(result.programme),
                 *self._tails.tail(result)]
        return cells + self._kept(result) if self.kept_headers else cells

    def _kept(self, result: Any) -> list[str]:
        from bsa_check.report.keep import cell_text

        kept = result.kept or ()
        return [safe_cell(cell_text(kept[i] if i < len(kept) else None, self.excel))
                for i in range(len(self.kept_headers))]

    def on_verdict(self, result: Any) -> None:
        self.writer.writerow(self._cells(result))

    def on_text(self, text: str) -> None:
        self.out.write(text)

    def on_texts(self, texts: list[str]) -> None:
        self.out.write("".join(texts))

    def on_error(self, result: Any) -> None:
        self.out.write(self.error_piece(result))

    def error_piece(self, result: Any) -> str:
        message = error_cell(result, self.lang)
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._one_row.writerow([safe_cell(x) for x in (result.line, result.student_id, result.programme, "", "", "",
                                                       "", message, self.ruleset_id, *([""] * len(CSV_COLUMNS)))]
                               + (self._kept(result) if self.kept_headers else []))
        return buffer.getvalue()

    def finish(self) -> None:
        pass
