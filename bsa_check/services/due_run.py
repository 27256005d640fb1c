"""``bsa-check due`` end to end: open the records, plan, write the chosen format, note errors on stderr.

Called by the CLI with its helpers (record opener, stderr console, safe text), so this module
neither parses options nor exits; it returns the exit code (0 done, 1 rows that could not be
read or evaluated).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Callable

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.formats import DUE_FORMATS
from bsa_check.output import open_output
from bsa_check.report import due as report
from bsa_check.service import error_locator
from bsa_check.services.due import plan_rows


def run_due(students: str, ruleset: CompiledRuleSet, as_of: date, within: int | None, lang: str,
            chosen: str, output: str | None, open_for: Callable[..., Any], stderr: Callable[[], Any],
            text: Callable[..., Any]) -> int:
    """``chosen``: a format of ``formats.DUE_FORMATS`` (the CLI chooses it)."""
    writer = DUE_FORMATS[chosen]
    # pending resits say which credits are still open, also where the rule set itself does not read them
    with open_for(students, [ruleset], extra=("pending_resits",)) as reader:
        plan = plan_rows(reader, ruleset, as_of, within, locate=error_locator(reader))
        delimiter = reader.delimiter
    with open_output(output, [students, ruleset.path]) as out:
        writer.load()(plan, ruleset, lang, out, **({"delimiter": delimiter} if writer.csv else {}))
    err = stderr()
    if chosen != "text":  # the other formats are for machines: the counts in words on stderr
        err.print(text(report.summary_line(plan, lang)))
        from bsa_check.i18n import outcome_label

        for r in report.counts(plan, lang):  # in words, as the text format counts them (codes are in the file)
            status = report.w("complete" if r["status"] == "complete" else "scope", lang)
            err.print(text(f"  {r['count']} {outcome_label(r['outcome'], lang)}: {r['title']} ({r['rule']}; {status})"))
    from bsa_check.i18n.problems import error_line

    for e in plan.errors:
        err.print(text(error_line(e, lang)), style="red")
    return 1 if plan.errors else 0
