"""``bsa-check compare`` end to end: how outcomes change between rule sets over a whole file.

Called by the CLI, which parses the options and chooses the format: :func:`run_compare` reads the
records (in one process or over ``--workers``), writes the comparison and returns the run for
:func:`compare_notes` to note on stderr; the CLI sets the exit code. The tool's own errors are raised.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from bsa_check.errors import UsageError
from bsa_check.services.common import (Text, doors, open_for, parse_as_of,
                                       pseudonymizer_from_options, stderr, usable_many)
from bsa_check.services.notes import encoding_note, programmes_on_default, unknown_columns


class CompareRun(NamedTuple):
    """What :func:`compare_notes` needs of a finished comparison."""

    result: Any
    reader: Any
    rulesets: list  # type: ignore[type-arg]


def run_compare(students: str, rules: list[str] | None, as_of: str | None, language: str, chosen: str,
                output: str | None, param: list[str] | None, list_changed: bool, pseudonymize: bool,
                pseudonym_key_file: str | None, workers: int, columns: str | None, sheet: str | None) -> CompareRun:
    """Compare the rule sets over every record and write the comparison in format ``chosen``."""
    from bsa_check.compare import Accumulator
    from bsa_check.compare.workers import CompareJob
    from bsa_check.output import open_output
    from bsa_check.service import error_locator
    from bsa_check.services.drive import drive

    if len(rules or []) < 2:
        raise UsageError("compare needs at least two rule sets", code="BSA409",
                         hint="e.g. --rules ho-current --rules ho-proposed-2023")
    reference = parse_as_of(as_of)
    pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
    rulesets = usable_many(rules or [], param)
    with open_for(students, rulesets,
                  doors=doors(columns, sheet)) as reader, \
            open_output(output, [students, *(rs.path for rs in rulesets)]) as out:
        acc = Accumulator(rulesets, reference, students, list_changed=list_changed)
        drive(reader, CompareJob(reader, acc, rulesets, reference, error_locator(reader),
                                 language if list_changed else None, pseudo), workers)
        result = acc.result()
        render_comparison(result, chosen, language, out)
    return CompareRun(result, reader, rulesets)


def compare_notes(run: CompareRun, language: str) -> None:
    """stderr: the input's encoding, unknown columns, programmes on a default, then the rows that failed."""
    from bsa_check.i18n import t
    from bsa_check.i18n.problems import error_line

    encoding_note(run.reader)
    unknown_columns(run.reader, language)
    programmes_on_default(run.rulesets, programmes=run.result.programmes)
    if run.result.error_count:
        err = stderr()
        err.print(Text(t("errors.title", language, n=run.result.error_count)), style="bold red")
        for e in run.result.errors:
            err.print(Text(error_line(e, language)), style="red")
        if run.result.error_count > len(run.result.errors):
            err.print(Text(t("cmp.errors_more", language, n=run.result.error_count - len(run.result.errors))), style="red")


def render_comparison(result, chosen: str, language: str, out) -> None:  # type: ignore[no-untyped-def]
    """Write the comparison to ``out`` in format ``chosen`` (``formats.COMPARE_FORMATS``)."""
    from bsa_check.formats import COMPARE_FORMATS

    COMPARE_FORMATS[chosen].load()(result, language, out)
