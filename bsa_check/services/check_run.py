"""``bsa-check check`` end to end: one verdict per student (its work: :mod:`bsa_check.services.check_jobs`,
run in one process or over ``--workers`` by :func:`bsa_check.services.drive.drive`).

Called by the CLI, which parses the options and chooses the format: :func:`run_check` opens the
records and the output, writes the report and returns the run (the reader, the reporter) for
:func:`report_notes` to note on stderr; the CLI sets the exit code. The tool's own errors are raised.
"""

from __future__ import annotations

import sys
from typing import Any, NamedTuple

from bsa_check.errors import UsageError
from bsa_check.formats import CHECK_FORMATS
from bsa_check.services.common import (Text, default_rules, doors, parse_as_of, parse_params,
                                       pseudonymizer_from_options, stderr, usable)
from bsa_check.services.notes import encoding_note, programmes_on_default, unknown_columns


class CheckRun(NamedTuple):
    """What :func:`report_notes` needs of a finished run."""

    ruleset: Any
    reader: Any
    reporter: Any
    on_default: dict  # type: ignore[type-arg]


def run_check(students: str, rules: str | None, as_of: str | None, language: str, fmt: str, output: str | None,
              param: list[str] | None, pseudonymize: bool, pseudonym_key_file: str | None, workers: int,
              columns: str | None, sheet: str | None, excel: bool | None, keep_columns: str | None,
              keep_all: bool, only: str | None, summary: bool) -> CheckRun:
    """Check every record and write the report in format ``fmt`` (chosen by the CLI)."""
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.output import open_output
    from bsa_check.records.plan import record_plan
    from bsa_check.records.opener import open_records
    from bsa_check.report import make_reporter
    from bsa_check.ruleset.load import load
    from bsa_check.services.check_jobs import RenderedJob, ResultsJob
    from bsa_check.services.drive import drive

    output_spec = CHECK_FORMATS[fmt]
    if excel and not output_spec.csv:
        raise UsageError(f"--excel is for CSV output, and the format is {fmt}", code="BSA437",
                         hint="add --format csv (or an --output file ending in .csv), or leave out --excel")
    from bsa_check.report import keep as kept_columns
    from bsa_check.report.select import only_outcomes, refuse_summary

    wanted = only_outcomes(only)
    refuse_summary(summary, fmt)
    reference = parse_as_of(as_of)
    pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
    keeping = kept_columns.refuse(keep_columns, keep_all, fmt, pseudo is not None)
    overrides = parse_params(param or [])
    if output_spec.binary and output is None and sys.stdout.isatty():
        raise UsageError("--format xlsx writes a workbook, not text for a terminal", code="BSA433",
                         hint="add --output results.xlsx (or redirect standard output to a file)")
    ruleset = usable(compile_ruleset, load(rules or default_rules()), overrides)
    on_default: dict = {}  # type: ignore[type-arg]
    with open_records(students, **record_plan([ruleset]).reader_options(),
                      **doors(columns, sheet)) as reader:
        keep = kept_columns.resolve(keep_columns, keep_all, reader.headers, students,
                                    reader.header_line) if keeping else []
        reader.keep_columns(keep)
        # CSV for Excel: asked for, or by default when the input came from (Dutch) Excel
        for_excel = excel if excel is not None else output_spec.csv and reader.delimiter == ";"
        with open_output(output, [students, ruleset.path]) as out:
            reporter = make_reporter(fmt, out, ruleset, reference, language, students,
                                     delimiter=reader.delimiter, pseudonymized=pseudo is not None,
                                     excel=for_excel, only=wanted, summary_only=summary,
                                     kept_headers=kept_columns.headers_of(keep, reader.headers))
            reporter.start()
            # formats that take whole results (and kept columns: the rows' own cells) run in one
            # process; the machine formats also over --workers (services.drive decides)
            if output_spec.whole_results or keep:
                drive(reader, ResultsJob(reader, ruleset, reference, reporter, pseudo))
            else:
                drive(reader, RenderedJob(reader, ruleset, reference, reporter, pseudo, on_default), workers)
            reporter.finish()
    return CheckRun(ruleset, reader, reporter, on_default)


def report_notes(ruleset, reader, reporter, language: str, on_default: dict | None = None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """stderr, every format: unknown columns, placeholder parameters, then each row that failed."""
    from bsa_check.i18n import t
    from bsa_check.report import placeholder_params

    from bsa_check.i18n.problems import severity

    err = stderr()
    encoding_note(reader)
    unknown_columns(reader, language, kept=reporter.kept_headers)
    if reporter.rows == 0:
        err.print(Text(f"{severity('warning', language)}[BSA315]: {reader.path}:{reader.header_line}: {t('records.no_rows', language)}"),
                  style="yellow")
    programmes_on_default([ruleset], workers=[on_default or {}])
    names = placeholder_params(ruleset)
    if names:
        err.print(Text(t("placeholder.params", language, names=", ".join(names))), style="yellow")
    if reporter.errors:
        err.print(Text(t("errors.title", language, n=len(reporter.errors))), style="bold red")
        from bsa_check.i18n.problems import error_line

        for r in reporter.errors:
            err.print(Text(error_line(r.error, language)), style="red")
