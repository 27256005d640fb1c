"""Text format: a rich table of verdicts and a summary (the CLI prints errors and notes on stderr)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bsa_check.explain import one_line
from bsa_check.i18n import fmt_value, outcome_label, t
from bsa_check.report import Reporter

STYLES = {
    "positive": "green",
    "negative": "bold red",
    "negative_advisory": "red",
    "procedure_incomplete": "yellow",
    "needs_review": "magenta",
    "postponed": "cyan",
    "no_advice": "dim",
}


class TextReporter(Reporter):
    def start(self) -> None:
        self.console = Console(file=self.out, width=None if self.out.isatty() else 200, highlight=False)
        lang = self.lang
        status = t(f"status.{self.rs.model.legal_status}", lang)
        self.table = Table(title=t("table.title", lang, ruleset=self.rs.name, version=self.rs.version, status=status,
                                   as_of=fmt_value(self.as_of, lang)),
                           box=box.SIMPLE_HEAD, show_lines=False, title_justify="left")
        for key, opts in (("col.line", {"justify": "right"}), ("col.student", {}), ("col.programme", {}),
                          ("col.ec", {"justify": "right"}), ("col.outcome", {}), ("col.rule", {}),
                          ("col.reason", {"ratio": 1})):
            self.table.add_column(t(key, lang), **opts)

    def on_verdict(self, result: Any) -> None:
        v = result.verdict
        ec = result.record.get("ec_year1")
        self.table.add_row(str(result.line), result.student_id or "", result.programme or "",
                           fmt_value(ec, self.lang) if ec is not None else "",
                           Text(outcome_label(v.outcome, self.lang), style=STYLES[v.outcome]),
                           v.rule.id, one_line(v, self.lang))

    def on_error(self, result: Any) -> None:
        pass

    def finish(self) -> None:
        lang = self.lang
        if self.rs.model.legal_status == "proposal":
            self.console.print(Text(t("proposal.banner", lang), style="bold yellow"))
        self.console.print(self.table)
        summary = Table(title=t("summary.title", lang), box=box.SIMPLE_HEAD, title_justify="left")
        summary.add_column(t("col.outcome", lang))
        summary.add_column(t("col.count", lang), justify="right")
        for outcome, n in self.summary().items():
            summary.add_row(Text(outcome_label(outcome, lang), style=STYLES[outcome]), str(n))
        summary.add_row(t("summary.errors", lang), str(len(self.errors)))
        summary.add_row(t("summary.total", lang), str(self.rows))
        self.console.print(summary)
