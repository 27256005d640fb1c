"""Text format of ``compare``: rich tables and a small terminal histogram, laid out for the width
(COLUMNS, the terminal, else 200 on a file or pipe); a table too wide for it is stacked (each row a
block of `header: value` lines, wrapped at word boundaries). Formats, never evaluates.

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
from bsa_check.report.layout import cells, hang, output_width
from bsa_check.report.text import STYLES
from bsa_check.textsafe import visible

PAD = 2  # a rich table column's padding (one cell either side)
EDGES = 2  # the table's edges (a space either side in box.SIMPLE_HEAD)
INDENT = 4  # a stacked table's values, under the row's first cell


def _text(value: str, style: str = "") -> Text:
    return Text(visible(value), style=style)


def _table(head: list[str], rows: list[list[str]], right_from: int = 1) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    for i, h in enumerate(head):
        table.add_column(_text(h), justify="right" if i >= right_from else "left")
    for row in rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def _longest_word(text: str) -> int:
    return max((cells(word) for word in text.split()), default=0)


def _fits(head: list[str], rows: list[list[str]], width: int) -> bool:
    """Whether a table of these cells, one line per row, fits ``width`` without rich shrinking a column."""
    natural = [max([cells(visible(h)), *(cells(visible(r[i])) for r in rows)]) for i, h in enumerate(head)]
    return EDGES + sum(natural) + PAD * len(head) <= width


def _stacked(console: Console, head: list[str], rows: list[list[str]], width: int, skip: str = "") -> None:
    """A table too wide for ``width``: each row's first cell on a line of its own, then one
    ``header: value`` line per other cell (``skip``: a value not worth a line, e.g. ``·`` for none),
    all wrapped at word boundaries."""
    for row in rows:
        for line in hang(visible(row[0]), width, INDENT):
            console.print(Text(line, style="bold"))
        for h, cell in zip(head[1:], row[1:]):
            if cell != skip:
                for line in hang(visible(f"{h}: {cell}"), width - INDENT, INDENT):
                    console.print(Text(" " * INDENT + line))
    console.print()


def _print_table(console: Console, head: list[str], rows: list[list[str]], width: int, skip: str = "") -> None:
    if _fits(head, rows, width):
        console.print(_table(head, rows))
    else:
        _stacked(console, head, rows, width, skip)


def _changed_fits(c: Comparison, lang: str, fixed: list[str], width: int) -> bool:
    """Whether the changed-students table's outcome columns (sharing what the fixed columns leave)
    are each as wide as their longest word."""
    assert c.changed is not None
    natural = [max(cells(visible(h)), *(cells(visible(str(x))) for x in col)) for h, col in zip(fixed, zip(
        *((s.line, s.student_id or "", s.programme or "", s.ec_year1 or "") for s in c.changed)))]
    share = (width - EDGES - sum(natural) - PAD * len(fixed)) // len(c.rulesets) - PAD
    longest = max((max(cells(decision_outcome(d, lang)), _longest_word(visible(d.reason)))
                   for s in c.changed for d in s.decisions), default=0)
    return share >= max(longest, 1)


def _changed_stacked(console: Console, c: Comparison, lang: str, width: int) -> None:
    """The changed students, one block each: line, student, programme and EC, then per rule set its
    outcome and reason, wrapped at word boundaries."""
    assert c.changed is not None
    console.print(Text(t("cmp.changed_title", lang, n=len(c.changed)), style="bold"))
    for s in c.changed:
        parts = [f"{t('col.line', lang)} {s.line}", f"{t('col.student', lang)} {s.student_id or ''}",
                 f"{t('col.programme', lang)} {s.programme or ''}"]
        if s.ec_year1:
            parts.append(f"{t('col.ec', lang)} {s.ec_year1}")
        console.print()
        for line in hang(visible(" · ".join(parts)), width, INDENT):
            console.print(Text(line))
        for i, d in enumerate(s.decisions):
            lines = hang(f"{letter(i)}: " + visible(f"{decision_outcome(d, lang)}. {d.reason}"), width - INDENT, INDENT)
            head, _, tail = lines[0].partition(": ")
            first = Text(" " * INDENT + head + ": ")
            first.append(tail, style=STYLES[d.outcome] if tail.startswith(decision_outcome(d, lang)) else "")
            console.print(first)
            for line in lines[1:]:
                console.print(Text(" " * INDENT + line))


def render_text(c: Comparison, lang: str, out: TextIO) -> None:
    width = output_width(out)
    console = Console(file=out, width=width, highlight=False)
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
    head = [t("col.outcome", lang), *(letter(i) for i in range(len(c.rulesets)))]
    shown = [o for o in counts[0] if any(cnt[o] for cnt in counts)]
    cells_of = [[outcome_label(o, lang), *(str(cnt[o]) for cnt in counts)] for o in shown]
    if _fits(head, cells_of, width):
        outcome_table = Table(box=box.SIMPLE_HEAD)
        outcome_table.add_column(head[0])
        for h in head[1:]:
            outcome_table.add_column(h, justify="right")
        for o, row in zip(shown, cells_of):
            outcome_table.add_row(Text(row[0], style=STYLES[o]), *row[1:])
        console.print(outcome_table)
    else:
        _stacked(console, head, cells_of, width)

    for m in c.matrices():
        head, rows = matrix_rows(c, m, lang)
        console.print(_text(t("cmp.matrix", lang, a=ruleset_label(c, m.a), b=ruleset_label(c, m.b)), style="bold"))
        _print_table(console, head, rows, width, skip="·")
        console.print(Text(t("cmp.matrix_note", lang, a=letter(m.a), b=letter(m.b)), style="dim"))
        console.print()

    head, rows = programme_table(c, lang)
    console.print(Text(t("cmp.programmes", lang), style="bold"))
    _print_table(console, head, rows, width)
    console.print(Text(t("cmp.histogram", lang), style="bold"))
    for line in histogram_lines(c, lang, width=max(5, min(40, width - 32))):
        console.print(_text(line, style="cyan" if "──" in line and "│" not in line else ""))
    fixed = [t(key, lang) for key in ("col.line", "col.student", "col.programme", "col.ec")]
    if c.changed is not None and c.changed and not _changed_fits(c, lang, fixed, width):
        console.print()
        _changed_stacked(console, c, lang, width)
    elif c.changed is not None:
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
