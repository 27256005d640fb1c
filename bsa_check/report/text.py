"""Text format: a rich table of verdicts and a summary (the CLI prints errors and notes on stderr).

Written to a file or pipe (not a terminal), the tables go through ``plain_table``, which writes
rich's bytes without rich's general layout machinery (issue 8: start-up); anything it does not
promise to render identically (a terminal, colour forced, markup-like text) goes through rich.
"""

from __future__ import annotations

from typing import Any

from bsa_check.explain import one_line
from bsa_check.i18n import fmt_value, outcome_label, t
from bsa_check.report import Reporter
from bsa_check import plain as plain_table
from bsa_check.textsafe import visible

STYLES = {
    "positive": "green",
    "negative": "bold red",
    "negative_advisory": "red",
    "procedure_incomplete": "yellow",
    "needs_review": "magenta",
    "postponed": "cyan",
    "no_advice": "dim",
}

FILE_WIDTH = 200  # the table's width when the output is not a terminal
COLUMNS = (("col.line", "right"), ("col.student", "left"), ("col.programme", "left"), ("col.ec", "right"),
           ("col.outcome", "left"), ("col.rule", "left"), ("col.reason", "left"))
OUTCOME_COLUMN = 4  # a rich Text (styled), not markup
# Every cell is data (student number, programme, rule id and reason come from the export and the
# rule file): escaped by ``visible`` and handed to rich as a Text, never read as markup.


class TextReporter(Reporter):
    def start(self) -> None:
        lang = self.lang
        status = t(f"status.{self.rs.model.legal_status}", lang)
        self.title = visible(t("table.title", lang, ruleset=self.rs.name, version=self.rs.version, status=status,
                               as_of=fmt_value(self.as_of, lang)))
        self.table_rows: list[tuple[str, ...]] = []  # cells in COLUMNS order; the outcome as its key

    def on_verdict(self, result: Any) -> None:
        v = result.verdict
        ec = result.record.get("ec_year1")
        self.table_rows.append((str(result.line), visible(result.student_id or ""), visible(result.programme or ""),
                                fmt_value(ec, self.lang) if ec is not None else "", v.outcome, visible(v.rule.id),
                                visible(one_line(v, self.lang))))

    def on_error(self, result: Any) -> None:
        pass

    def _summary_rows(self) -> list[tuple[str, str]]:
        """(outcome or message key, count) of the summary table."""
        rows = [(outcome, str(n)) for outcome, n in self.summary().items()]
        return rows + [("summary.errors", str(len(self.errors))), ("summary.total", str(self.rows))]

    def finish(self) -> None:
        text = self._plain()
        if text is not None:
            self.out.write(text)
            return
        self._rich()

    def _plain(self) -> str | None:
        """The whole report as rich writes it to this file, or None where only rich itself will do."""
        if not plain_table.file_is_plain(self.out):
            return None
        lang = self.lang
        markup: list[str] = []  # strings rich reads as markup (the tool's own words only)
        texts: list[str] = [self.title]  # rich Text objects (styled, never markup)
        columns = [plain_table.Column(t(key, lang), justify) for key, justify in COLUMNS]
        for row in self.table_rows:
            for i, (column, value) in enumerate(zip(columns, row)):
                if i == OUTCOME_COLUMN:
                    value = outcome_label(value, lang)
                texts.append(value)
                column.cells.append(value)
        summary_title = t("summary.title", lang)
        summary = [plain_table.Column(t("col.outcome", lang)), plain_table.Column(t("col.count", lang), "right")]
        for key, n in self._summary_rows():
            label = outcome_label(key, lang) if key in STYLES else t(key, lang)
            (texts if key in STYLES else markup).append(label)
            summary[0].cells.append(label)
            summary[1].cells.append(n)
        markup += [summary_title, *summary[1].cells, *(c.header for c in columns), *(c.header for c in summary)]
        banner = t("proposal.banner", lang) if self.rs.model.legal_status == "proposal" else None
        if banner is not None:
            texts.append(banner)
        plain = plain_table.plain_text
        if not (all(plain(v) for v in markup) and all(plain(v, markup=False) for v in texts)):
            return None
        main = plain_table.render_table(self.title, columns, FILE_WIDTH)
        tail = plain_table.render_table(summary_title, summary, FILE_WIDTH)
        if main is None or tail is None:
            return None
        head = plain_table.render_banner(banner, FILE_WIDTH) if banner is not None else ""
        return head + main + tail

    def _rich(self) -> None:
        from rich import box
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        lang = self.lang
        console = Console(file=self.out, width=None if self.out.isatty() else FILE_WIDTH, highlight=False)
        table = Table(title=Text(self.title), box=box.SIMPLE_HEAD, show_lines=False, title_justify="left")
        for key, justify in COLUMNS:
            table.add_column(t(key, lang), justify="right" if justify == "right" else "left",
                             ratio=1 if key == "col.reason" else None)
        for row in self.table_rows:
            outcome = row[OUTCOME_COLUMN]
            table.add_row(*map(Text, row[:OUTCOME_COLUMN]), Text(outcome_label(outcome, lang), style=STYLES[outcome]),
                          *map(Text, row[OUTCOME_COLUMN + 1:]))
        if self.rs.model.legal_status == "proposal":
            console.print(Text(t("proposal.banner", lang), style="bold yellow"))
        console.print(table)
        summary = Table(title=t("summary.title", lang), box=box.SIMPLE_HEAD, title_justify="left")
        summary.add_column(t("col.outcome", lang))
        summary.add_column(t("col.count", lang), justify="right")
        for key, n in self._summary_rows():
            summary.add_row(Text(outcome_label(key, lang), style=STYLES[key]) if key in STYLES else t(key, lang), n)
        console.print(summary)
