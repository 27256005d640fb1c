"""Machine formats: json (one document), jsonl (one object per data row), csv (one row per row)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from bsa_check.memo import Memo
from bsa_check.report import FORMAT_VERSION, Reporter, error_dict, ruleset_meta, verdict_dict, verdict_tail

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


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


TAIL_MEMO_ENTRIES = 8192


class _TailMemo:
    """The JSON of a verdict's tail (``verdict_tail``), rendered once per distinct record (``Result.key``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.memo = Memo(TAIL_MEMO_ENTRIES)

    def line(self, result: Any) -> str:
        """The record's JSON object, identical to ``_dump(verdict_dict(result))``."""
        key = result.key
        tail = self.memo.get(key) if key is not None else None
        if tail is None:
            tail = _dump(verdict_tail(result.verdict, self.lang))[1:]
            if key is not None:
                self.memo.put(key, tail)
        return (f'{{"line":{result.line},"student_id":{_text(result.student_id)},'
                f'"programme":{_text(result.programme)},{tail}')


class JsonlReporter(Reporter):
    def start(self) -> None:
        self._tails = _TailMemo(self.lang)

    def verdict_text(self, result: Any) -> str:
        return self._tails.line(result)

    def on_verdict(self, result: Any) -> None:
        self.out.write(self._tails.line(result) + "\n")

    def on_text(self, text: str) -> None:
        self.out.write(text + "\n")

    def on_error(self, result: Any) -> None:
        self.out.write(_dump(error_dict(result, self.lang)) + "\n")

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
        self._tails = _TailMemo(self.lang)

    def verdict_text(self, result: Any) -> str:
        return self._tails.line(result)

    def on_verdict(self, result: Any) -> None:
        self.on_text(self._tails.line(result))

    def on_text(self, text: str) -> None:
        self.out.write(("" if self._first else ",") + "\n" + text)
        self._first = False

    def on_error(self, result: Any) -> None:
        pass

    def finish(self) -> None:
        errors = [error_dict(r, self.lang) for r in self.errors]
        self.out.write('\n],"errors":' + _dump(errors) + ',"summary":' + _dump(
            {**self.summary(), "errors": len(errors), "rows": self.rows}) + "}\n")


def safe_cell(value: Any) -> str:
    """Neutralise cells a spreadsheet would run as a formula (leading = + - @ tab CR) with a ``'``.

    Every column is treated alike, negative numbers included: the only numeric column (``line``)
    is never negative, and a student number or programme code that starts with ``-`` is text.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


class CsvReporter(Reporter):
    COLUMNS = ("line", "student_id", "programme", "outcome", "rule", "basis", "reason", "error", "ruleset")

    def __init__(self, *args: Any, delimiter: str = ",", **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.writer = csv.writer(self.out, delimiter=delimiter, lineterminator="\n")
        self._buffer = io.StringIO()
        self._one_row = csv.writer(self._buffer, delimiter=delimiter, lineterminator="\n")

    def start(self) -> None:
        self.writer.writerow(self.COLUMNS)
        rs = self.rs
        self.ruleset_id = f"{rs.name} {rs.version} sha256:{rs.sha256}"

    def verdict_text(self, result: Any) -> str:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._one_row.writerow(self._cells(result))
        return buffer.getvalue()

    def _cells(self, result: Any) -> list[str]:
        d = verdict_dict(result, self.lang)
        d["error"], d["ruleset"] = "", self.ruleset_id
        return [safe_cell(d[c]) for c in self.COLUMNS]

    def on_verdict(self, result: Any) -> None:
        self.writer.writerow(self._cells(result))

    def on_text(self, text: str) -> None:
        self.out.write(text)

    def on_error(self, result: Any) -> None:
        e = result.error
        where = f"column {e.location.column} ({e.location.column_name}): " if e.location and e.location.column else ""
        message = f"{e.code} {where}{e.message}" + (f"; {e.hint}" if e.hint else "")
        self.writer.writerow([safe_cell(x) for x in (result.line, result.student_id, result.programme, "", "", "", "",
                                                     message, self.ruleset_id)])

    def finish(self) -> None:
        pass
