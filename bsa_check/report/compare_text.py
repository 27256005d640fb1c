"""Text format of ``compare``: rich tables and a small terminal histogram. Formats, never evaluates.

Every text reaches rich as a ``Text`` made by :func:`_text` (escaped by ``bsa_check.textsafe``):
programme codes, student numbers and reasons come from the export and the rule files, and are
never read as markup nor written as control characters.
"""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bsa_check.compare import Comparison
from bsa_check.i18n import fmt_date, fmt_decimal, outcome_label, t
from bsa_check.report.compare import (decision_outcome, headline, histogram_lines, letter, matrix_rows, programme_table, ruleset_label,
                                      status)
from bsa_check.report.text import STYLES
from bsa_check.textsafe import visible


def _text(value: str, style: str = "") -> Text:
    return Text(visible(value), style=style)


def _table(head: list[str], rows: list[list[str]], right_from: int = 1) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    for i, h in enumerate(head):
        table.add_column(_text(h), justify="right" if i >= right_from else "left")
    for row in rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def render_text(c: Comparison, lang: str, out: TextIO) -> None:
    console = Console(file=out, width=None if out.isatty() else 200, highlight=False)
    console.print(Text(t("cmp.title", lang), style="bold"))
    for i, info in enumerate(c.rulesets):
        norms = ", ".join(f"{fmt_decimal(n.value, lang)} EC" for n in info.norms if not n.part_time)
        entry = _text(f"  {ruleset_label(c, i)}  ")
        entry.append(status(info, lang), style="bold yellow" if info.is_proposal else "green")
        entry.append(visible(f"  sha256 {info.sha256[:12]}" + (f"  {t('cmp.norm', lang)} {norms}" if norms else "")))
        console.print(entry)
    if any(info.is_proposal for info in c.rulesets):
        console.print(Text(t("proposal.banner", lang), style="bold yellow"))
    console.print(_text(t("cmp.as_of", lang, as_of=fmt_date(c.as_of, lang), source=c.source)))
    console.print()
    for line in headline(c, lang):
        console.print(Text(line, style="bold"))
    console.print()

    counts = [c.outcome_counts(i) for i in range(len(c.rulesets))]
    console.print(Text(t("cmp.outcomes", lang), style="bold"))
    outcome_table = Table(box=box.SIMPLE_HEAD)
    outcome_table.add_column(t("col.outcome", lang))
    for i in range(len(c.rulesets)):
        outcome_table.add_column(letter(i), justify="right")
    for o in counts[0]:
        if any(cnt[o] for cnt in counts):
            outcome_table.add_row(Text(outcome_label(o, lang), style=STYLES[o]), *(str(cnt[o]) for cnt in counts))
    console.print(outcome_table)

    for m in c.matrices():
        head, rows = matrix_rows(c, m, lang)
        console.print(_text(t("cmp.matrix", lang, a=ruleset_label(c, m.a), b=ruleset_label(c, m.b)), style="bold"))
        console.print(_table(head, rows))
        console.print(Text(t("cmp.matrix_note", lang, a=letter(m.a), b=letter(m.b)), style="dim"))
        console.print()

    head, rows = programme_table(c, lang)
    console.print(Text(t("cmp.programmes", lang), style="bold"))
    console.print(_table(head, rows))
    console.print(Text(t("cmp.histogram", lang), style="bold"))
    for line in histogram_lines(c, lang):
        console.print(_text(line, style="cyan" if "──" in line and "│" not in line else ""))
    if c.changed is not None:
        console.print()
        table = Table(title=t("cmp.changed_title", lang, n=len(c.changed)), box=box.SIMPLE_HEAD,
                      title_justify="left", title_style="bold", show_lines=True)
        for key in ("col.line", "col.student", "col.programme", "col.ec"):
            table.add_column(t(key, lang), justify="right" if key in ("col.line", "col.ec") else "left")
        for i in range(len(c.rulesets)):
            table.add_column(letter(i), ratio=1)
        for s in c.changed:
            table.add_row(*(_text(str(x)) for x in (s.line, s.student_id or "", s.programme or "", s.ec_year1 or "")),
                          *(Text.assemble((decision_outcome(d, lang), STYLES[d.outcome]), "\n", visible(d.reason))
                            for d in s.decisions))
        console.print(table)
