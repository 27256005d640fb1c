"""The commands that give verdicts on student records: check, explain, due, letters, compare.

Each parses its options, calls its service (bsa_check.services), renders and sets the exit code.
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from bsa_check.cli.app import EXIT_FINDINGS, EXIT_OK, app, choose_language, output_format, user_errors
from bsa_check.cli.options import (CheckFormat, ColumnsOpt, CompareFormat, DueFormat, Lang, LetterFormat, LetterKind,
                                   PseudonymizeOpt, PseudonymKeyFileOpt, SheetOpt, STUDENTS_HELP, WorkersOpt)
from bsa_check.formats import CHECK_FORMAT_HELP, COMPARE_FORMAT_HELP, DUE_FORMAT_HELP
from bsa_check.services.common import Text, default_rules, parse_as_of, reading, stderr, usable_many
from bsa_check.services.notes import programmes_on_default


@app.command()
def check(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[str], typer.Option(
        "--rules", help="Bundled rule set name or path to a rule file; default from the configuration, else ho-current.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[Optional[CheckFormat], typer.Option(
        "--format", help=CHECK_FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    pseudonymize: PseudonymizeOpt = False,
    pseudonym_key_file: PseudonymKeyFileOpt = None,
    workers: WorkersOpt = 1,
    columns: ColumnsOpt = None,
    sheet: SheetOpt = None,
    excel: Annotated[Optional[bool], typer.Option(
        "--excel/--no-excel", help="CSV for Excel: byte order mark, CRLF line ends, ';' between cells and a "
        "decimal comma; default: on when the input is a ';' CSV or an .xlsx workbook (Dutch Excel).")] = None,
    keep_columns: Annotated[Optional[str], typer.Option(
        "--keep-columns", metavar="NAME,...",
        help="Carry these columns of the export (e.g. name, e-mail) into csv or xlsx output, for a mail merge.")] = None,
    keep_all: Annotated[bool, typer.Option(
        "--keep-all", help="Carry every column of the export into csv or xlsx output.")] = False,
    only: Annotated[Optional[str], typer.Option(
        "--only", metavar="OUTCOME,...",
        help="Write only the rows with these outcomes (e.g. negative,procedure_incomplete); the counts stay whole.")] = None,
    summary: Annotated[bool, typer.Option(
        "--summary", help="Only the counts per outcome (text, or json without the verdicts).")] = False,
) -> None:
    """One verdict per student: outcome, deciding rule, legal basis and reason."""
    from bsa_check.services.check_run import report_notes, run_check

    language = choose_language(lang)
    with user_errors():
        chosen = output_format(fmt, output, tuple(f.value for f in CheckFormat), "check")
        run = run_check(students, rules, as_of, language, chosen, output, param, pseudonymize, pseudonym_key_file,
                        workers, columns, sheet, excel, keep_columns, keep_all, only, summary)
    report_notes(run.ruleset, run.reader, run.reporter, language, run.on_default)
    raise typer.Exit(EXIT_FINDINGS if run.reporter.errors else EXIT_OK)


@app.command()
def explain(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    student_id: Annotated[str, typer.Argument(help="The student number to explain.", metavar="STUDENT_ID")],
    rules: Annotated[Optional[list[str]], typer.Option(
        "--rules", help="Rule set name or file; give it twice (or more) to compare regimes.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    pseudonymize: PseudonymizeOpt = False,
    pseudonym_key_file: PseudonymKeyFileOpt = None,
    columns: ColumnsOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """One student's full decision: every check in order, values, legal basis, what would change it."""
    from bsa_check.services.explain_run import run_explain

    language = choose_language(lang)
    with user_errors():
        failed = run_explain(students, student_id, rules, as_of, language, param, pseudonymize, pseudonym_key_file,
                             columns, sheet)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
def due(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[str], typer.Option(
        "--rules", help="Bundled rule set name or path to a rule file; default from the configuration, else ho-current.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    columns: ColumnsOpt = None,
    sheet: SheetOpt = None,
    within: Annotated[Optional[int], typer.Option("--within", min=0, help="Only steps whose last day is within DAYS.",
                                                  metavar="DAYS")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[Optional[DueFormat], typer.Option(
        "--format", help=DUE_FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
) -> None:
    """Per student, the procedural steps a lawful binding advice still needs, each with its last day (personal data)."""
    from bsa_check.services.due_run import run_due

    language = choose_language(lang)
    with user_errors():
        ruleset = usable_many([rules or default_rules()], param)[0]
        chosen = output_format(fmt, output, tuple(f.value for f in DueFormat), "due")
        code = run_due(students, ruleset, parse_as_of(as_of), within, language, chosen, output,
                       reading(columns, sheet), stderr, Text)
    programmes_on_default([ruleset])  # BSA327, as check says it
    raise typer.Exit(code)


@app.command()
def letters(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    kind: Annotated[LetterKind, typer.Option("--kind", help="warning: to students who still need one; advice: the verdict.")],
    output: Annotated[str, typer.Option("--output", help="Folder for the letters (created 0700), one file per student.",
                                        metavar="DIR")],
    rules: Annotated[Optional[str], typer.Option(
        "--rules", help="Bundled rule set name or path to a rule file; default from the configuration, else ho-current.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Date of the letters (ISO or dd-mm-jjjj); default today.")] = None,
    columns: ColumnsOpt = None,
    sheet: SheetOpt = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Language of the letters; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[LetterFormat, typer.Option("--format", help="html (printable, self-contained) or docx (Word).")] = LetterFormat["html"],
    institution: Annotated[Optional[str], typer.Option(
        "--institution", help="YAML file with the institution's name, address, signer and appeal route.", metavar="FILE.yaml")] = None,
    template_dir: Annotated[Optional[str], typer.Option(
        "--template-dir", help="Folder with your own templates (same file names as the bundled ones).", metavar="DIR")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    scenario: Annotated[bool, typer.Option(
        "--scenario", help="Under a proposal (not law): write drafts, each marked as not law. Refused without it.")] = False,
) -> None:
    """One letter per student, warning or advice; letters are never pseudonymised (real student numbers).

    Refused, one line each: a binding negative letter for any outcome but negative (procedure
    incomplete names the missing step; needs review gets no binding letter) and a warning that can
    no longer leave the reasonable period before the latest advice date.
    """
    from bsa_check.letters.institution import load_institution
    from bsa_check.letters.run import run_letters, summary_lines
    from bsa_check.service import error_locator
    from bsa_check.services.letters_run import letters_notes

    language = choose_language(lang)
    with user_errors():
        inst = load_institution(institution) if institution else None
        ruleset = usable_many([rules or default_rules()], param)[0]
        done = run_letters(students, ruleset, kind.value, parse_as_of(as_of), language, output, fmt.value, inst,
                           template_dir, reading(columns, sheet), error_locator, scenario)
    programmes_on_default([ruleset])  # BSA327: letters on a default value are named, as check names them
    for line in summary_lines(done, output, fmt.value, language):
        typer.echo(line)
    letters_notes(done, inst is not None, language)
    raise typer.Exit(EXIT_FINDINGS if done.errors else EXIT_OK)


@app.command()
def compare(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[list[str]], typer.Option(
        "--rules", help="Rule set name or file; at least twice. The first is the baseline (A).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[Optional[CompareFormat], typer.Option(
        "--format", help=COMPARE_FORMAT_HELP)] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    list_changed: Annotated[bool, typer.Option(
        "--list-changed", help="Also list the students whose outcome changes, with both reasons (personal data).")] = False,
    pseudonymize: PseudonymizeOpt = False,
    pseudonym_key_file: PseudonymKeyFileOpt = None,
    workers: WorkersOpt = 1,
    columns: ColumnsOpt = None,
    sheet: SheetOpt = None,
) -> None:
    """How outcomes change between rule sets over a whole file: transitions, per programme, credits."""
    from bsa_check.services.compare_run import compare_notes, run_compare

    language = choose_language(lang)
    with user_errors():
        chosen = output_format(fmt, output, tuple(f.value for f in CompareFormat), "compare")
        run = run_compare(students, rules, as_of, language, chosen, output, param, list_changed, pseudonymize,
                          pseudonym_key_file, workers, columns, sheet)
    compare_notes(run, language)
    raise typer.Exit(EXIT_FINDINGS if run.result.error_count else EXIT_OK)
