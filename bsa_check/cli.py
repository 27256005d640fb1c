"""Command line: parse options, call one service, render, exit. The only place that prints or exits.

Exit codes (all commands): 0 done (a negative advice is a result, not a failure); 1 findings
(records that could not be evaluated); 2 usage error, unreadable input, or a rule set that
cannot be loaded.
"""

from __future__ import annotations

import contextlib
import sys
from enum import Enum
from typing import Annotated, Any, Iterator, Optional, Sequence

import typer

from bsa_check import __version__
from bsa_check.errors import BsaCheckError, ErrorList, UsageError
from bsa_check.formats import CHECK_FORMATS
from bsa_check.services.common import (Console, Text, default_rules, detect_lang, parse_as_of, reading, stderr,
                                       usable_many)
from bsa_check.services.notes import programmes_on_default

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Start-up: ``--help`` and ``--version`` import only typer and this module. rich, the i18n catalogue
# and the keyed hash are imported on first use by the names below (tests/unit/test_startup.py);
# pydantic, yaml and the engine only inside the commands that need them.
KEY_ENV = "BSA_CHECK_PSEUDONYM_KEY"  # bsa_check.privacy.KEY_ENV (a test keeps them equal)


def _language(lang: "Lang | None") -> str:
    """The language of this command's output and messages: --lang, else configured, else LC_ALL/LANG."""
    from bsa_check.i18n.problems import choose

    return choose(lang.value if lang else detect_lang())


app = typer.Typer(
    name="bsa-check",
    help="Check Dutch binding study advice (BSA) rules on student records, and explain every verdict.",
    add_completion=True,  # --install-completion / --show-completion (issue 18 item 6)
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


class Lang(str, Enum):
    nl = "nl"
    en = "en"


# --pseudonymize: shared by every command that shows student numbers (check, explain; compare can
# take the same two options and call pseudonymizer_from_options).
PseudonymizeOpt = Annotated[bool, typer.Option(
    "--pseudonymize", help=f"Replace student numbers in the output by a keyed hash (key: ${KEY_ENV} or --pseudonym-key-file).")]
PseudonymKeyFileOpt = Annotated[Optional[str], typer.Option(
    "--pseudonym-key-file", help="File holding the pseudonym key (instead of the environment variable).",
    metavar="FILE")]


# --columns and --sheet: how check, explain and compare read an export (records.mapping, records.xlsx).
ColumnsOpt = Annotated[Optional[str], typer.Option(
    "--columns", help="Column mapping file (YAML): the export's headers and value spellings onto bsa-check's "
                      "fields; `bsa-check columns EXPORT` proposes one.", metavar="MAPPING.yaml")]
SheetOpt = Annotated[Optional[str], typer.Option(
    "--sheet", help="For an .xlsx workbook: the sheet to read (default: the mapping's, else the first).",
    metavar="NAME")]
STUDENTS_HELP = "Student records: CSV or text (any Excel variant), an .xlsx workbook, or - for standard input."


# check's --format choices: the format registry (bsa_check.formats.CHECK_FORMATS)
CheckFormat = Enum("CheckFormat", {name: name for name in CHECK_FORMATS}, type=str)  # type: ignore[misc]


def _output_format(fmt, output: str | None, allowed: tuple, command: str) -> str:  # type: ignore[no-untyped-def,type-arg]
    """--format, else the --output suffix's format (bsa_check.formats: one rule for every command)."""
    from bsa_check.formats import output_format

    return output_format(fmt.value if fmt else None, output, allowed, command)


def _fail(errors: Sequence[BsaCheckError], code: int) -> typer.Exit:
    from bsa_check.i18n.problems import chosen, error_line

    err, lang = stderr(), chosen()
    for e in errors:
        err.print(Text(error_line(e, lang)), style="red")
    return typer.Exit(code)


@contextlib.contextmanager
def _user_errors() -> Iterator[None]:
    """Turn the tool's own errors into one message each on stderr and exit code 2."""
    try:
        yield
    except ErrorList as exc:
        raise _fail(exc.errors, EXIT_USAGE) from None
    except BsaCheckError as exc:
        raise _fail([exc], EXIT_USAGE) from None


def _workers(value: Any) -> int:
    """``--workers``: a number of processes, or ``auto`` for the available cores."""
    from bsa_check.parallel import MAX_WORKERS, worker_count

    try:
        return worker_count(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number from 1 to {MAX_WORKERS}, nor auto") from None


WorkersOpt = Annotated[int, typer.Option(
    "--workers", parser=_workers, metavar="N|auto",
    help="Processes to use (default 1; auto: the available cores). Output is identical; text output is "
         "always one process.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bsa-check {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Show the version and exit.")] = None,
) -> None:
    """bsa-check FILE is short for bsa-check check FILE."""
    from bsa_check.i18n.problems import forget

    forget()  # each run chooses its message language afresh (in-process runs: tests, the API)


@app.command()
def check(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[str], typer.Option(
        "--rules", help="Bundled rule set name or path to a rule file; default from the configuration, else ho-current.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[Optional[CheckFormat], typer.Option(
        "--format", help="Output format; default from the --output suffix (.json, .jsonl, .csv, .xlsx, .txt), else text.")] = None,
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

    language = _language(lang)
    with _user_errors():
        chosen = _output_format(fmt, output, tuple(f.value for f in CheckFormat), "check")
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

    language = _language(lang)
    from bsa_check.i18n.problems import describe, error_line, severity, translate  # noqa: F401 - as used here
    with _user_errors():
        failed = run_explain(students, student_id, rules, as_of, language, param, pseudonymize, pseudonym_key_file,
                             columns, sheet)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


class DueFormat(str, Enum):
    text = "text"
    csv = "csv"
    jsonl = "jsonl"


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
        "--format", help="Output format; default from the --output suffix (.csv, .jsonl), else text.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
) -> None:
    """Per student, the procedural steps a lawful binding advice still needs, each with its last day (personal data)."""
    from bsa_check.services.due_run import run_due

    language = _language(lang)
    with _user_errors():
        ruleset = usable_many([rules or default_rules()], param)[0]
        chosen = _output_format(fmt, output, tuple(f.value for f in DueFormat), "due")
        code = run_due(students, ruleset, parse_as_of(as_of), within, language, chosen, output,
                       reading(columns, sheet), stderr, Text)
    programmes_on_default([ruleset])  # BSA327, as check says it
    raise typer.Exit(code)


class LetterKind(str, Enum):
    warning = "warning"
    advice = "advice"


class LetterFormat(str, Enum):
    html = "html"
    docx = "docx"


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
    fmt: Annotated[LetterFormat, typer.Option("--format", help="html (printable, self-contained) or docx (Word).")] = LetterFormat.html,
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

    language = _language(lang)
    from bsa_check.i18n.problems import describe, error_line, severity, translate  # noqa: F401 - as used here
    with _user_errors():
        inst = load_institution(institution) if institution else None
        ruleset = usable_many([rules or default_rules()], param)[0]
        done = run_letters(students, ruleset, kind.value, parse_as_of(as_of), language, output, fmt.value, inst,
                           template_dir, reading(columns, sheet), error_locator, scenario)
    programmes_on_default([ruleset])  # BSA327: letters on a default value are named, as check names them
    for line in summary_lines(done, output, fmt.value, language):
        typer.echo(line)
    err = stderr()
    if inst is None:
        no_inst = "no --institution: the letters show [to be filled in] for the institution's details"
        err.print(Text(f"{severity('warning', language)}[BSA805]: {translate('BSA805', no_inst, language)}"),
                  style="yellow")
    for e in done.errors:
        err.print(Text(error_line(e, language)), style="red")
    raise typer.Exit(EXIT_FINDINGS if done.errors else EXIT_OK)


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def compare(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[list[str]], typer.Option(
        "--rules", help="Rule set name or file; at least twice. The first is the baseline (A).")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[Optional[CompareFormat], typer.Option(
        "--format", help="Output format; default from the --output suffix (.html, .json, .md), else text.")] = None,
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

    language = _language(lang)
    from bsa_check.i18n.problems import describe, error_line, severity, translate  # noqa: F401 - as used here
    with _user_errors():
        chosen = _output_format(fmt, output, tuple(f.value for f in CompareFormat), "compare")
        run = run_compare(students, rules, as_of, language, chosen, output, param, list_changed, pseudonymize,
                          pseudonym_key_file, workers, columns, sheet)
    compare_notes(run, language)
    raise typer.Exit(EXIT_FINDINGS if run.result.error_count else EXIT_OK)


class ValidateFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    gitlab = "gitlab"


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(
        help="Rule files, or folders searched recursively for them; a .md file is checked as a letter template.",
        metavar="RULEFILE_OR_DIR...")],
    fmt: Annotated[Optional[ValidateFormat], typer.Option(
        "--format", help="Output format; default github when GITHUB_ACTIONS=true, else text.")] = None,
    show_suppressed: Annotated[bool, typer.Option(
        "--show-suppressed", help="Also list the suppressed problems, each with its reason.")] = False,
    lang: Annotated[Optional[Lang], typer.Option(
        "--lang", help="Language of the messages; default from LC_ALL/LANG.")] = None,
) -> None:
    """Every problem of every rule file: structure, consistency, legal lint. Exit 1 if any error."""
    import os

    from bsa_check.services.validate_run import render_validation, run_validation

    chosen = fmt.value if fmt else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    language = _language(lang)
    with _user_errors():
        run = run_validation(files)
    typer.echo(render_validation(run, chosen, show_suppressed, language), nl=False)
    if run.unusable:
        raise typer.Exit(EXIT_USAGE)
    raise typer.Exit(EXIT_FINDINGS if run.failed else EXIT_OK)


@app.command("test")
def run_tests(
    paths: Annotated[list[str], typer.Argument(help="*.bsa-test.yaml files or folders (searched recursively).",
                                               metavar="TESTFILE_OR_DIR...")],
    junit_xml: Annotated[Optional[str], typer.Option("--junit-xml", help="Also write JUnit XML to this file.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Less output.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="pytest's own report (in English), one line per "
                                                                  "case.")] = False,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
) -> None:
    """Run rule test cases (expected verdicts) through pytest; exit 1 on a failing case."""
    from bsa_check.testing.runner import run

    raise typer.Exit(run(paths, junit_xml, quiet, lang=_language(lang), verbose=verbose))


@app.command("columns")
def columns_command(
    students: Annotated[str, typer.Argument(help=STUDENTS_HELP, metavar="STUDENTS")],
    rules: Annotated[Optional[list[str]], typer.Option(
        "--rules", help="Rule set(s) the mapping is for: their required columns are marked when missing.")] = None,
    output: Annotated[Optional[str], typer.Option("--output", help="Write the mapping to this file (atomically).")] = None,
    sheet: SheetOpt = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Language of the summary; default from LC_ALL/LANG.")] = None,
) -> None:
    """Propose a column mapping file (--columns) from an export's header and a sample of its rows.
    Exit 1 when a required field could not be placed."""
    from bsa_check.services.columns_run import proposal_notes, propose_mapping

    language = _language(lang)
    with _user_errors():
        proposal = propose_mapping(students, rules, output, sheet, param)
    proposal_notes(proposal, language)
    raise typer.Exit(EXIT_FINDINGS if proposal.missing_required else EXIT_OK)


class SchemaKind(str, Enum):
    rules = "rules"
    tests = "tests"
    columns = "columns"


@app.command()
def schema(
    kind: Annotated[SchemaKind, typer.Argument(help="Which schema: rules, tests or columns.")] = SchemaKind.rules,
) -> None:
    """JSON Schema (draft-07) of the rule format, rule test files or column mapping files, for editors and CI."""
    from bsa_check.schema import columns_schema_text, rules_schema_text, tests_schema_text

    text = {SchemaKind.rules: rules_schema_text, SchemaKind.tests: tests_schema_text,
            SchemaKind.columns: columns_schema_text}[kind]()
    typer.echo(text, nl=False)


class RulesFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("rules")
def list_rules(
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[RulesFormat, typer.Option("--format", help="Output format.")] = RulesFormat.text,
    show: Annotated[Optional[str], typer.Option("--show", help="Print this bundled rule set in full (to read what "
                                                               "a file extends).", metavar="NAME")] = None,
) -> None:
    """The bundled rule sets: name, title, legal status (law or proposal), valid from; --show NAME: one in full."""
    from bsa_check.services.rules_list import bundled_models, rules_json, rules_table

    language = _language(lang)
    if show is not None:
        from bsa_check.ruleset.show import show_bundled

        with _user_errors():
            typer.echo(show_bundled(show), nl=False)
        return
    with _user_errors():
        models = bundled_models()
    if fmt is RulesFormat.json:
        typer.echo(rules_json(models, language))
        return
    Console(highlight=False).print(rules_table(models, language))


@app.command()
def synth(
    rows: Annotated[int, typer.Option("--rows", min=0, help="Number of students (data rows).")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same file.")] = 1,
    year: Annotated[int, typer.Option("--year", min=1950, max=2190,
                                      help="Last academic year (2025 = 2025-2026).")] = 2025,
    years: Annotated[int, typer.Option("--years", min=1, max=100, help="Spread the rows over this many academic years.")] = 1,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
) -> None:
    """A synthetic, seeded cohort of first-year HO students (Dutch Excel CSV) for trying and benchmarking."""
    from bsa_check import synth as generator
    from bsa_check.output import open_output

    with _user_errors():
        with open_output(output, []) as out:
            generator.write_csv(out, rows, seed=seed, first_year=year, years=years)


@app.command("codes")
def explain_codes(
    code: Annotated[Optional[str], typer.Argument(help="A problem code, e.g. BSA256; none: list them all.",
                                                  metavar="[CODE]")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
) -> None:
    """What a problem code means: name, severity, explanation and an example."""
    from bsa_check.services.codes_run import code_text

    language = _language(lang)
    with _user_errors():
        text = code_text(code, language)
    typer.echo(text, nl=False)


_COMMANDS = {"check", "explain", "compare", "rules", "validate", "schema", "test", "synth", "codes", "columns", "due", "letters"}


def main(argv: list[str] | None = None) -> None:
    """Console entry point: ``bsa-check FILE`` is ``bsa-check check FILE``."""
    from bsa_check.cli_habits import did_you_mean, name_values
    from bsa_check.signals import install
    from bsa_check.textsafe import ascii_fallback_streams

    ascii_fallback_streams()  # a non-UTF-8 locale: ASCII arrows and crosses, never UnicodeEncodeError
    install()  # SIGINT, SIGTERM, SIGHUP: temp file removed, exit 128+n (bsa_check.signals)
    args = list(sys.argv[1:] if argv is None else argv)
    from bsa_check import help_nl

    dutch = help_nl.wanted(args)  # --lang nl, or a Dutch LC_ALL/LANG: help texts and click's words in Dutch
    if args[:1] == ["--lang"] and len(args) > 2 and set(args[2:]) <= {"-h", "--help"}:
        args = args[2:]  # bsa-check --lang nl --help: the program's help, in that language
    if args and args[0] not in _COMMANDS and not args[0].startswith("-"):
        meant = did_you_mean(args[0], _COMMANDS)
        if meant is not None:
            raise SystemExit(_fail([UsageError(f"no command {args[0]!r} (and no such file)", code="BSA436",
                                               hint=f"did you mean: bsa-check {meant}? `bsa-check --help` lists "
                                               "the commands")], EXIT_USAGE).exit_code)
        args.insert(0, "check")
    elif args and args[0].startswith("-") and args[0] not in _ROOT_OPTIONS:
        args.insert(0, "check")
    from bsa_check.guard import guarded_exit

    command = typer.main.get_command(_app_for(args[0] if args else None))
    name_values(command)  # value names in help: --as-of DATE, not <str>
    if dutch:
        help_nl.install()
        help_nl.translate_tree(command)
    else:
        help_nl.uninstall()
    with guarded_exit():
        command.main(args=args, prog_name="bsa-check")


_ROOT_OPTIONS = ("--help", "-h", "--version", "--install-completion", "--show-completion")


def _app_for(command: str | None) -> typer.Typer:
    """The app as typer builds it on every start, with only ``command`` registered when one is named:
    typer builds every registered command's options before it runs one (issue 8: start-up). Same
    command, same options, help and errors; anything else (``--help``, an unknown name) gets the full app."""
    import copy

    if command not in _COMMANDS:
        return app
    one = copy.copy(app)
    one.registered_commands = [c for c in app.registered_commands
                               if (c.name or typer.main.get_command_name(getattr(c.callback, "__name__", ""))) == command]
    return one if len(one.registered_commands) == 1 else app
