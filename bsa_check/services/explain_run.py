"""``bsa-check explain`` end to end: one student's full decision under each rule set, in order.

Called by the CLI, which parses the options: :func:`run_explain` reads the records, prints the
explanation on standard output and the student's problems on stderr, and says whether any was
found; the CLI sets the exit code. The tool's own errors (no such student) are raised.
"""

from __future__ import annotations

import sys

from bsa_check.errors import UsageError
from bsa_check.services.common import (Console, Text, default_rules, doors, open_for, parse_as_of,
                                       pseudonymizer_from_options, stderr, usable_many)
from bsa_check.services.notes import encoding_note, programmes_on_default


def run_explain(students: str, student_id: str, rules: list[str] | None, as_of: str | None, language: str,
                param: list[str] | None, pseudonymize: bool, pseudonym_key_file: str | None,
                columns: str | None, sheet: str | None) -> bool:
    """Explain ``student_id``'s verdicts; True when a row of the student failed or was listed twice."""
    from bsa_check.errors import EvaluationError, cell_name
    from bsa_check.explain import comparison, full_explanation
    from bsa_check.i18n import t
    from bsa_check.i18n.problems import describe, error_line, severity

    from bsa_check.report.layout import hang_line, text_width

    out = Console(highlight=False, soft_wrap=True)
    width = text_width(sys.stdout)  # None: a file or pipe without COLUMNS keeps one line per line

    def say(line: str) -> None:
        for part in ([line] if width is None else hang_line(line, width)):
            out.print(Text(part))
    failed = False
    reference = parse_as_of(as_of)
    pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
    # The student is looked up by the real number; output shows only the pseudonym.
    shown = pseudo(student_id.strip()) if pseudo else student_id
    rulesets = usable_many(rules or [default_rules()], param)
    found = 0
    lines: list[int] = []
    with open_for(students, rulesets, doors=doors(columns, sheet)) as reader:
        encoding_note(reader)
        rows = 0
        for row in reader:
            rows += 1
            if row.student_id != student_id.strip():
                continue
            found += 1
            lines.append(row.line)
            if found > 1:
                out.print()
            say(t("explain.student", language, student=shown, line=row.line,
                  programme=row.values.get("programme", "")))
            if row.error is not None:
                stderr().print(Text(error_line(row.error, language)), style="red")
                failed = True
                continue
            verdicts = []
            for rs in rulesets:
                try:
                    verdicts.append(rs.trace(row.values, reference))  # explain: the full trace up front
                except EvaluationError as exc:
                    col = reader.columns.get(exc.params.get("field", ""))
                    sheet = getattr(reader, "sheet", None)  # a workbook: Blad1!F2
                    where = f"{reader.path}:{cell_name(sheet, row.line, col)}" if sheet else \
                        f"{students}:{row.line}:{col or ''}"
                    stderr().print(Text(f"{severity('error', language)}[{exc.code}]: {where} [{rs.name}] "
                                        f"{describe(exc, language)}"), style="red")
                    failed = True
            for verdict in verdicts:
                out.print()
                for line in full_explanation(verdict, language):
                    say(line)
            if len(verdicts) > 1:
                out.print()
                for line in comparison(verdicts, language):
                    say(line)
    if not found:
        raise UsageError(t("explain.not_found", language, student=shown, file=students, rows=rows),
                         hint="check the student number, or the file", code="BSA407")
    if found > 1:
        duplicate = t("explain.duplicate", language, student=shown, lines=", ".join(map(str, lines)))
        stderr().print(Text(severity("warning", language) + ": " + duplicate), style="yellow")
        failed = True
    programmes_on_default(rulesets)  # the explained student's programme, if on a default
    return failed
