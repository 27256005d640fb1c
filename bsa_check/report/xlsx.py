"""``check --format xlsx``: the verdicts as an Excel workbook (openpyxl write-only, rows streamed).

Owns: a sheet of verdicts (one row per input record, headers and outcome labels in the chosen
language, line and credits as numbers, the advice date as a date cell, a frozen header row and an
autofilter) and a summary sheet (counts per outcome, rows, errors, and the rule set's name,
version and sha256, the reference date as a date cell).

Must not: write a cell a spreadsheet would run as a formula (text cells starting with = + - @ get
a leading ``'``, as the CSV output does), or write to a terminal (the CLI refuses that first).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from bsa_check.explain import outcome_text, reason, verdict_basis
from bsa_check.i18n import outcome_label
from bsa_check.report import Reporter, error_cell
from bsa_check.report.facts import CSV_COLUMNS, legal_cells
from bsa_check.report.keep import distinct
from bsa_check.report.machine import safe_cell
from bsa_check.ruleset.model import OUTCOMES

# Headings of this format (distinct in each language; the two Dutch "regel" columns of the text
# table are told apart here).
HEADINGS = {
    "line": {"en": "line", "nl": "regelnummer"},
    "student_id": {"en": "student number", "nl": "studentnummer"},
    "programme": {"en": "programme", "nl": "opleiding"},
    "outcome": {"en": "outcome", "nl": "uitkomst"},
    "outcome_code": {"en": "outcome code", "nl": "uitkomstcode"},
    "rule": {"en": "deciding rule", "nl": "beslisregel"},
    "basis": {"en": "legal basis", "nl": "wettelijke grondslag"},
    "reason": {"en": "reason", "nl": "reden"},
    "ec_year1": {"en": "EC year 1", "nl": "EC jaar 1"},
    "advice_date": {"en": "advice date", "nl": "adviesdatum"},
    "error": {"en": "error", "nl": "fout"},
    # the legal facts (``report.facts``), after the older columns
    "label": {"en": "label", "nl": "label"},  # as json/csv and the README call it (label is Dutch too)
    "exclusion": {"en": "exclusion", "nl": "uitsluiting"},
    "decided_by": {"en": "decided by", "nl": "beslist door"},
    "provenance": {"en": "provenance", "nl": "herkomst"},
    "unverified": {"en": "unverified", "nl": "niet geverifieerd"},
}
COLUMNS = tuple(HEADINGS)
SUMMARY = {
    "sheet": {"en": "Summary", "nl": "Samenvatting"},
    "verdicts": {"en": "Verdicts", "nl": "Adviezen"},
    "count": {"en": "count", "nl": "aantal"},
    "rows": {"en": "rows", "nl": "rijen"},
    "errors": {"en": "rows with an error", "nl": "rijen met een fout"},
    "ruleset": {"en": "rule set", "nl": "regelset"},
    "version": {"en": "version", "nl": "versie"},
    "sha256": {"en": "sha256", "nl": "sha256"},
    "as_of": {"en": "reference date", "nl": "peildatum"},
    "source": {"en": "input", "nl": "invoer"},
}


DATE_FORMATS = {"nl": "dd-mm-yyyy", "en": "yyyy-mm-dd"}


def _number(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class XlsxReporter(Reporter):
    """Rows are appended as results arrive (write-only: openpyxl keeps no row in memory)."""

    def _kept(self, result: Any) -> list[Any]:
        """The kept cells: text as text (formula-safe), a workbook's numbers and dates typed."""
        if not self.kept_headers:
            return []
        kept = result.kept or ()
        out: list[Any] = []
        for i in range(len(self.kept_headers)):
            value = kept[i] if i < len(kept) else None
            if isinstance(value, date):
                out.append(self._date(value))
            elif isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                out.append(_number(value))
            else:
                out.append(None if value is None or value == "" else safe_cell(value))
        return out

    def start(self) -> None:
        from openpyxl import Workbook

        lang = self.lang
        self.wb = Workbook(write_only=True)
        self.ws = self.wb.create_sheet(SUMMARY["verdicts"][lang])
        self.ws.freeze_panes = "A2"
        ours = [HEADINGS[c][lang] for c in COLUMNS]
        self.ws.append(ours + [safe_cell(h) for h in distinct(ours, [str(h) for h in self.kept_headers])])
        self._last = 1
        self._date_format = DATE_FORMATS[lang]

    def _date(self, value: Any, sheet: Any = None) -> Any:
        """A date cell shown in the language's date style (or None)."""
        if not isinstance(value, date):
            return None
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet or self.ws, value=value)
        cell.number_format = self._date_format
        return cell

    def _row(self, cells: list[Any]) -> None:
        self.ws.append(cells)
        self._last += 1

    def on_verdict(self, result: Any) -> None:
        v = result.verdict
        lang = self.lang
        record = result.record or {}
        advice = record.get("advice_date")
        self._row([result.line, safe_cell(result.student_id), safe_cell(result.programme),
                   outcome_text(v, lang), v.outcome, safe_cell(v.rule.id), safe_cell(verdict_basis(v, lang)),
                   safe_cell(reason(v, lang)), _number(record.get("ec_year1")),
                   self._date(advice), None, *(safe_cell(x) or None for x in legal_cells(v, lang)),
                   *self._kept(result)])

    def on_error(self, result: Any) -> None:
        message = error_cell(result, self.lang)
        self._row([result.line, safe_cell(result.student_id), safe_cell(result.programme), None, None, None, None,
                   None, None, None, safe_cell(message), *([None] * len(CSV_COLUMNS)), *self._kept(result)])

    def finish(self) -> None:
        from openpyxl.utils import get_column_letter

        lang = self.lang
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS) + len(self.kept_headers))}{self._last}"
        summary = self.wb.create_sheet(SUMMARY["sheet"][lang])
        summary.append([HEADINGS["outcome"][lang], SUMMARY["count"][lang]])
        for outcome in OUTCOMES:
            summary.append([outcome_label(outcome, lang), self.counts.get(outcome, 0)])
        summary.append([])
        summary.append([SUMMARY["rows"][lang], self.rows])
        summary.append([SUMMARY["errors"][lang], len(self.errors)])
        rs = self.rs
        summary.append([SUMMARY["ruleset"][lang], safe_cell(rs.name)])
        summary.append([SUMMARY["version"][lang], safe_cell(rs.version)])
        summary.append([SUMMARY["sha256"][lang], rs.sha256])
        summary.append([SUMMARY["as_of"][lang], self._date(self.as_of, summary)])
        summary.append([SUMMARY["source"][lang], safe_cell(self.source)])
        target = getattr(self.out, "buffer", self.out)
        self.out.flush()
        self.wb.save(target)
