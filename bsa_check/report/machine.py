"""Machine formats: json (one document), jsonl (one object per data row), csv (one row per row)."""

from __future__ import annotations

import csv
import json
from typing import Any

from bsa_check.report import FORMAT_VERSION, Reporter, error_dict, ruleset_meta, verdict_dict

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dump(obj: Any) -> str:
    """Compact JSON on one physical line: characters some readers treat as line breaks are escaped."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).translate(_LINE_BREAKS)


class JsonlReporter(Reporter):
    def on_verdict(self, result: Any) -> None:
        self.out.write(_dump(verdict_dict(result, self.lang)) + "\n")

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

    def on_verdict(self, result: Any) -> None:
        self.out.write(("" if self._first else ",") + "\n" + _dump(verdict_dict(result, self.lang)))
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

    def start(self) -> None:
        self.writer.writerow(self.COLUMNS)
        rs = self.rs
        self.ruleset_id = f"{rs.name} {rs.version} sha256:{rs.sha256}"

    def on_verdict(self, result: Any) -> None:
        d = verdict_dict(result, self.lang)
        d["error"], d["ruleset"] = "", self.ruleset_id
        self.writer.writerow([safe_cell(d[c]) for c in self.COLUMNS])

    def on_error(self, result: Any) -> None:
        e = result.error
        where = f"column {e.location.column} ({e.location.column_name}): " if e.location and e.location.column else ""
        message = f"{e.code} {where}{e.message}" + (f"; {e.hint}" if e.hint else "")
        self.writer.writerow([safe_cell(x) for x in (result.line, result.student_id, result.programme, "", "", "", "",
                                                     message, self.ruleset_id)])

    def finish(self) -> None:
        pass
