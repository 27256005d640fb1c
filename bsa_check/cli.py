"""Command line: parse options, call one service, render, exit. The only place that prints or exits.

Exit codes (all commands): 0 done (a negative advice is a result, not a failure); 1 findings
(records that could not be evaluated); 2 usage error, unreadable input, or a rule set that
cannot be loaded.
"""

from __future__ import annotations

import contextlib
import sys
from datetime import date
from enum import Enum
from typing import Annotated, Any, Iterator, Optional, Sequence

import typer

from bsa_check import __version__
from bsa_check.errors import BsaCheckError, ErrorList, UsageError
from bsa_check.formats import CHECK_FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

# Start-up: ``--help`` and ``--version`` import only typer and this module. rich, the i18n catalogue
# and the keyed hash are imported on first use by the names below (tests/unit/test_startup.py);
# pydantic, yaml and the engine only inside the commands that need them.
KEY_ENV = "BSA_CHECK_PSEUDONYM_KEY"  # bsa_check.privacy.KEY_ENV (a test keeps them equal)


def Console(*args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N802 - rich.console.Console, imported on first use
    from rich.console import Console as _Console

    return _Console(*args, **kwargs)


def Text(*args, **kwargs):  # type: ignore[no-untyped-def]  # noqa: N802 - a rich.text.Text, made when rendered
    from bsa_check.plain import LazyText
    from bsa_check.textsafe import visible

    if args and isinstance(args[0], str):  # file names, cells and rule texts: shown, never obeyed
        args = (visible(args[0]), *args[1:])
    return LazyText(*args, **kwargs)


def detect_lang() -> str:
    """The configured language (``lang`` in [tool.bsa-check] or .bsa-check.yaml), else from LC_ALL/LANG."""
    from bsa_check.config import config_lang
    from bsa_check.i18n import detect_lang as _detect_lang

    return config_lang() or _detect_lang()


def _language(lang: "Lang | None") -> str:
    """The language of this command's output and messages: --lang, else configured, else LC_ALL/LANG."""
    from bsa_check.i18n.problems import choose

    return choose(lang.value if lang else detect_lang())


def default_rules() -> str:
    """``--rules`` when not given: the configured ``rules`` (said on stderr, since a configuration file
    found upward changes the verdicts), else ho-current."""
    from bsa_check.config import load_config

    config = load_config()
    if config.rules:
        from bsa_check.i18n.problems import chosen, severity, translate

        lang = chosen()
        _stderr().print(Text(f"{severity('note', lang)}: "
                             f"{translate('*', f'rule set {config.rules} from {config.path}', lang)}"), style="dim")
        return config.rules
    return "ho-current"


def pseudonymizer_from_options(pseudonymize: bool, key_file: str | None):  # type: ignore[no-untyped-def]
    from bsa_check.privacy import pseudonymizer_from_options as _from_options

    return _from_options(pseudonymize, key_file)

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


def _reading(columns: str | None, sheet: str | None):  # type: ignore[no-untyped-def]
    """``_open_for`` with the --columns mapping (or the configured one) and --sheet: how ``due`` and
    ``letters`` open an export, the same doors as check, explain and compare."""
    doors = _doors(columns, sheet)

    def open_for(students: str, rulesets: list, **options):  # type: ignore[no-untyped-def,type-arg]
        return _open_for(students, rulesets, doors=doors, **options)

    return open_for


def _doors(columns: str | None, sheet: str | None) -> dict:  # type: ignore[type-arg]
    """The reader's ``mapping`` (``--columns``, else the configuration's ``columns``) and ``sheet``."""
    from bsa_check.config import load_config
    from bsa_check.records.mapping import load_mapping

    configured = None if columns else load_config().columns
    path = columns or (str(configured) if configured else None)
    return {"mapping": load_mapping(path) if path else None, "sheet": sheet}


# check's --format choices: the format registry (bsa_check.formats.CHECK_FORMATS)
CheckFormat = Enum("CheckFormat", {name: name for name in CHECK_FORMATS}, type=str)  # type: ignore[misc]


def _output_format(fmt, output: str | None, allowed: tuple, command: str) -> str:  # type: ignore[no-untyped-def,type-arg]
    """--format, else the --output suffix's format (bsa_check.formats: one rule for every command)."""
    from bsa_check.formats import output_format

    return output_format(fmt.value if fmt else None, output, allowed, command)


def _stderr():  # type: ignore[no-untyped-def]
    """Console(stderr=True, highlight=False), wrapping at spaces only on a terminal; plain lines while stderr is a file (bsa_check.plain)."""
    from bsa_check.plain import stderr_console

    return stderr_console()


def _fail(errors: Sequence[BsaCheckError], code: int) -> typer.Exit:
    from bsa_check.i18n.problems import chosen, error_line

    err, lang = _stderr(), chosen()
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


def _parse_as_of(text: str | None) -> date:
    if text is None:
        return date.today()
    from bsa_check.records.parse import CellError, parse_date

    try:
        return parse_date(text)
    except CellError as exc:
        raise UsageError(f"--as-of {text!r} {exc.args[0]}", code="BSA406") from None


def _parse_params(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param {item!r} is not NAME=VALUE", hint="e.g. --param norm_ec=42", code="BSA401")
        out[name.strip()] = value.strip()
    return out


def _refuse_unlawful(loaded, compiled, shown: set | None = None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """A rule set ``validate`` reports an error for is not used for verdicts (design.md, issue 14):
    every problem listed, exit 2. Its warnings go to stderr once (``shown``: those already printed)."""
    from bsa_check.errors import RuleFileError
    from bsa_check.ruleset.usable import problems_for_use

    errors, warnings = problems_for_use(loaded, compiled)
    if errors:
        raise ErrorList([RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code) for p in errors])
    shown = set() if shown is None else shown
    err = None
    for p in warnings:
        key = (p.code, str(p.location), p.message)
        if key in shown:
            continue
        shown.add(key)
        err = err or _stderr()
        from bsa_check.i18n.problems import chosen, error_line

        err.print(Text(error_line(RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code), chosen(),
                                  "warning")),
                  style="yellow")


def _usable(compile_ruleset, loaded, overrides):  # type: ignore[no-untyped-def]
    from bsa_check.ruleset.usable import with_lint_errors

    try:
        compiled = compile_ruleset(loaded, overrides)
    except ErrorList as exc:
        raise with_lint_errors(exc, loaded) from None
    _refuse_unlawful(loaded, compiled)
    return compiled


def _usable_many(rules: list[str], param: list[str] | None) -> list:  # type: ignore[type-arg]
    """Load and compile several rule sets (each --param to every rule set declaring it); refuse unlawful ones."""
    from bsa_check.engine.compile import compile_many
    from bsa_check.ruleset.load import load

    from bsa_check.ruleset.usable import with_lint_errors

    loaded = [load(r) for r in rules]
    try:
        rulesets = compile_many(loaded, _parse_params(param or []))
    except ErrorList as exc:
        failed = next((ld for ld in loaded if any(e.location and e.location.file == str(ld.path) for e in exc.errors)),
                      None)
        raise (with_lint_errors(exc, failed) if failed is not None else exc) from None
    shown: set = set()  # type: ignore[type-arg]
    for ld, rs in zip(loaded, rulesets):
        _refuse_unlawful(ld, rs, shown)
    return rulesets


def _open_for(students: str, rulesets: list, *, row_memo: bool = False,  # type: ignore[no-untyped-def,type-arg]
              doors: dict | None = None, extra: tuple = ()):  # type: ignore[type-arg]
    """Open the records by the rule sets' record plan (``records.plan``), plus ``extra`` fields read
    when the export has them (``due``: pending resits)."""
    from bsa_check.records.plan import record_plan
    from bsa_check.records.reader import open_records

    options = record_plan(rulesets).reader_options(row_memo=row_memo, extra=extra)
    return open_records(students, **options, **(doors or {}))


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


def _parallel_parts(reader, workers: int):  # type: ignore[no-untyped-def]
    """The chunks for ``--workers``, or None to read the file in this process."""
    if workers < 2:
        return None
    from bsa_check import parallel

    return parallel.plan(reader, workers)


def _check_in_workers(reader, parts, workers, ruleset, as_of, reporter, pseudo,  # type: ignore[no-untyped-def]
                      on_default: dict) -> None:  # type: ignore[type-arg]
    """``check`` over worker processes: each chunk rendered there as one piece, written here in
    input order. ``on_default``: filled with the workers' programmes on a per-programme default (BSA327)."""
    from bsa_check import parallel

    from bsa_check.progress import RowProgress

    work = parallel.check_work(ruleset, as_of, reporter, pseudo, getattr(reporter.out, "bytes_encoding", None))
    progress = RowProgress(_stderr)  # a line on a terminal once the run passes a second
    try:
        for chunk, duplicates in parallel.run(reader, parts, workers, work):
            for name, progs in (chunk.on_default or {}).items():
                on_default.setdefault(name, set()).update(progs)
            parallel.write_checked(reporter, reader, chunk, duplicates)
            progress.advance(len(chunk.lines))
    finally:
        progress.close()


WRITE_BLOCK_ROWS = 512  # check's machine formats: rows written per write call (a few hundred kB)


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
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.gcpause import paused
    from bsa_check.output import open_output
    from bsa_check.records.plan import record_plan
    from bsa_check.records.reader import open_records
    from bsa_check.report import make_reporter
    from bsa_check.ruleset.load import load
    from bsa_check.service import Result, rendered, results

    language = _language(lang)
    with _user_errors():
        fmt = CheckFormat(_output_format(fmt, output, tuple(f.value for f in CheckFormat), "check"))
        output_spec = CHECK_FORMATS[fmt.value]
        if excel and not output_spec.csv:
            raise UsageError(f"--excel is for CSV output, and the format is {fmt.value}", code="BSA437",
                             hint="add --format csv (or an --output file ending in .csv), or leave out --excel")
        from bsa_check.report import keep as kept_columns
        from bsa_check.report.select import only_outcomes, refuse_summary

        wanted = only_outcomes(only)
        refuse_summary(summary, fmt.value)
        reference = _parse_as_of(as_of)
        pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
        keeping = kept_columns.refuse(keep_columns, keep_all, fmt.value, pseudo is not None)
        overrides = _parse_params(param or [])
        if output_spec.binary and output is None and sys.stdout.isatty():
            raise UsageError("--format xlsx writes a workbook, not text for a terminal", code="BSA433",
                             hint="add --output results.xlsx (or redirect standard output to a file)")
        ruleset = _usable(compile_ruleset, load(rules or default_rules()), overrides)
        on_default: dict = {}  # type: ignore[type-arg]
        with open_records(students, **record_plan([ruleset]).reader_options(row_memo=True),
                          **_doors(columns, sheet)) as reader:
            keep = kept_columns.resolve(keep_columns, keep_all, reader.headers, students,
                                        reader.header_line) if keeping else []
            reader.keep_columns(keep)
            # CSV for Excel: asked for, or by default when the input came from (Dutch) Excel
            for_excel = excel if excel is not None else output_spec.csv and reader.delimiter == ";"
            with open_output(output, [students, ruleset.path]) as out:
                reporter = make_reporter(fmt.value, out, ruleset, reference, language, students,
                                         delimiter=reader.delimiter, pseudonymized=pseudo is not None,
                                         excel=for_excel, only=wanted, summary_only=summary,
                                         kept_headers=kept_columns.headers_of(keep, reader.headers))
                reporter.start()
                # reporters that take whole results (kept columns: the rows' own cells, one process)
                streamed = output_spec.whole_results or bool(keep)
                parts = _parallel_parts(reader, workers) if not streamed else None
                if parts is not None:
                    _check_in_workers(reader, parts, workers, ruleset, reference, reporter, pseudo, on_default)
                elif streamed:
                    shown = _progress_rows(reader)
                    stream = results(reader, ruleset, reference) if shown is None else \
                        results(reader, ruleset, reference, rows=shown)
                    for result in paused(pseudo.results(stream) if pseudo else stream):
                        reporter.add(result)
                else:  # machine formats: rows rendered straight from a memo of outcome and text,
                    # written a block at a time (an error row first writes the rows before it)
                    texts: list[str] = []
                    outcomes: list[str] = []
                    for line, sid, programme, text, outcome, error in paused(
                            rendered(reader, ruleset, reference, reporter, pseudo=pseudo,
                                     **_progress_option(reader))):
                        if text is not None:
                            texts.append(text)
                            outcomes.append(outcome)
                            if len(texts) < WRITE_BLOCK_ROWS:
                                continue
                        elif texts:
                            reporter.add_texts(texts, outcomes)
                            texts, outcomes = [], []
                        if text is None:
                            reporter.add(Result(line, sid, programme, {}, None, error))
                        else:
                            reporter.add_texts(texts, outcomes)
                            texts, outcomes = [], []
                    reporter.add_texts(texts, outcomes)
                reporter.finish()
    _report_notes(ruleset, reader, reporter, language, on_default)
    raise typer.Exit(EXIT_FINDINGS if reporter.errors else EXIT_OK)


def _report_notes(ruleset, reader, reporter, language: str, on_default: dict | None = None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """stderr, every format: unknown columns, placeholder parameters, then each row that failed."""
    from bsa_check.i18n import t
    from bsa_check.report import placeholder_params

    from bsa_check.i18n.problems import severity

    err = _stderr()
    _encoding_note(reader)
    _unknown_columns(reader, language, kept=reporter.kept_headers)
    if reporter.rows == 0:
        err.print(Text(f"{severity('warning', language)}[BSA315]: {reader.path}:{reader.header_line}: {t('records.no_rows', language)}"),
                  style="yellow")
    _programmes_on_default([ruleset], workers=[on_default or {}])
    names = placeholder_params(ruleset)
    if names:
        err.print(Text(t("placeholder.params", language, names=", ".join(names))), style="yellow")
    if reporter.errors:
        err.print(Text(t("errors.title", language, n=len(reporter.errors))), style="bold red")
        from bsa_check.i18n.problems import error_line

        for r in reporter.errors:
            err.print(Text(error_line(r.error, language)), style="red")


def _programmes_on_default(rulesets: list, programmes=None, workers=None) -> None:  # type: ignore[no-untyped-def,type-arg]
    """One warning (BSA327) per rule set naming the programmes that got a per-programme parameter's
    default because it lists no value for them (e.g. a programme name where the rule set lists codes).
    ``programmes``: the programmes of the run (compare), else those evaluated here; ``workers``: per
    rule set, what ``--workers`` processes found."""
    from bsa_check.records.programme_columns import default_note

    for i, rs in enumerate(rulesets):
        found = {k: set(v) for k, v in rs.programmes_on_default(programmes).items()}
        for name, progs in (workers[i] if workers else {}).items():
            found.setdefault(name, set()).update(progs)
        note = default_note(rs.name, {k: sorted(v) for k, v in found.items()})
        if note:
            from bsa_check.i18n.problems import chosen, severity, translate

            lang = chosen()
            _stderr().print(Text(f"{severity('warning', lang)}[BSA327]: {translate('BSA327', note, lang)}"),
                            style="yellow")


def _encoding_note(reader) -> None:  # type: ignore[no-untyped-def]
    """A UTF-8 file with a stray byte, read as Windows-1252: say so (bsa_check.records.stray)."""
    warning = getattr(reader, "encoding_warning", None)
    if warning is not None:
        from bsa_check.i18n.problems import chosen, error_line

        _stderr().print(Text(error_line(warning, chosen(), "warning")), style="yellow")


def _unknown_columns(reader, language: str, kept: list[str] | None = None) -> None:  # type: ignore[no-untyped-def]
    """One warning on stderr for all export columns bsa-check does not know (never one per row),
    each with a did-you-mean; ``kept``: the headers --keep-columns carries to the output, which are
    not ignored."""
    import difflib

    from bsa_check.i18n import t
    from bsa_check.records.fields import HEADER_INDEX

    carried = {str(h).strip() for h in kept or ()}
    unknown = [h.strip() for h in reader.unknown_columns or () if h.strip() not in carried]
    if not unknown:
        return
    named = []
    for header in dict.fromkeys(unknown):
        close = difflib.get_close_matches(header.lower(), list(HEADER_INDEX), n=1, cutoff=0.7)
        named.append(repr(header) + (f" ({t('unknown.did_you_mean', language, name=close[0])})" if close else ""))
    from bsa_check.i18n.problems import severity

    _stderr().print(Text(f"{severity('warning', language)}[BSA316]: {reader.path}:{reader.header_line}: "
                         f"{t('unknown.columns', language, n=len(named), columns=', '.join(named))}; "
                         f"{t('unknown.ignored', language)}"), style="yellow")


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
    from bsa_check.errors import EvaluationError, cell_name
    from bsa_check.explain import comparison, full_explanation
    from bsa_check.i18n import t

    language = _language(lang)
    from bsa_check.i18n.problems import describe, error_line, severity, translate  # noqa: F401 - as used here
    out = Console(highlight=False, soft_wrap=True)
    failed = False
    with _user_errors():
        reference = _parse_as_of(as_of)
        pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
        # The student is looked up by the real number; output shows only the pseudonym.
        shown = pseudo(student_id.strip()) if pseudo else student_id
        rulesets = _usable_many(rules or [default_rules()], param)
        found = 0
        lines: list[int] = []
        with _open_for(students, rulesets, doors=_doors(columns, sheet)) as reader:
            _encoding_note(reader)
            rows = 0
            for row in reader:
                rows += 1
                if row.student_id != student_id.strip():
                    continue
                found += 1
                lines.append(row.line)
                if found > 1:
                    out.print()
                out.print(Text(t("explain.student", language, student=shown, line=row.line,
                                 programme=row.values.get("programme", ""))))
                if row.error is not None:
                    _stderr().print(Text(error_line(row.error, language)), style="red")
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
                        _stderr().print(Text(f"{severity('error', language)}[{exc.code}]: {where} [{rs.name}] "
                                             f"{describe(exc, language)}"), style="red")
                        failed = True
                for verdict in verdicts:
                    out.print()
                    for line in full_explanation(verdict, language):
                        out.print(Text(line))
                if len(verdicts) > 1:
                    out.print()
                    for line in comparison(verdicts, language):
                        out.print(Text(line))
        if not found:
            raise UsageError(t("explain.not_found", language, student=shown, file=students, rows=rows),
                             hint="check the student number, or the file", code="BSA407")
        if found > 1:
            from bsa_check.i18n.problems import severity

            duplicate = t("explain.duplicate", language, student=shown, lines=", ".join(map(str, lines)))
            _stderr().print(Text(severity("warning", language) + ": " + duplicate), style="yellow")
            failed = True
        _programmes_on_default(rulesets)  # the explained student's programme, if on a default
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
        ruleset = _usable_many([rules or default_rules()], param)[0]
        chosen = _output_format(fmt, output, tuple(f.value for f in DueFormat), "due")
        code = run_due(students, ruleset, _parse_as_of(as_of), within, language, chosen, output,
                       _reading(columns, sheet), _stderr, Text)
    _programmes_on_default([ruleset])  # BSA327, as check says it
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
        ruleset = _usable_many([rules or default_rules()], param)[0]
        done = run_letters(students, ruleset, kind.value, _parse_as_of(as_of), language, output, fmt.value, inst,
                           template_dir, _reading(columns, sheet), error_locator, scenario)
    _programmes_on_default([ruleset])  # BSA327: letters on a default value are named, as check names them
    for line in summary_lines(done, output, fmt.value, language):
        typer.echo(line)
    err = _stderr()
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
    from contextlib import closing

    from bsa_check.compare import compare as compare_rows
    from bsa_check.gcpause import paused
    from bsa_check.i18n import t
    from bsa_check.output import open_output
    from bsa_check.service import error_locator

    language = _language(lang)
    from bsa_check.i18n.problems import describe, error_line, severity, translate  # noqa: F401 - as used here
    with _user_errors():
        chosen = _output_format(fmt, output, tuple(f.value for f in CompareFormat), "compare")
        if len(rules or []) < 2:
            raise UsageError("compare needs at least two rule sets", code="BSA409",
                             hint="e.g. --rules ho-current --rules ho-proposed-2023")
        reference = _parse_as_of(as_of)
        pseudo = pseudonymizer_from_options(pseudonymize, pseudonym_key_file)
        rulesets = _usable_many(rules or [], param)
        with _open_for(students, rulesets, row_memo=not list_changed,
                       doors=_doors(columns, sheet)) as reader, \
                open_output(output, [students, *(rs.path for rs in rulesets)]) as out:
            parts = _parallel_parts(reader, workers)
            if parts is not None:
                from bsa_check.compare import compare_in_workers

                result = compare_in_workers(reader, parts, workers, rulesets, reference, source=students,
                                            locate=error_locator(reader), list_changed=list_changed,
                                            lang=language, pseudo=pseudo)
            else:
                rows = pseudo.rows(reader) if pseudo else reader
                # closing: an error mid-stream closes the pause (and turns the collector back on)
                # even while its traceback keeps compare's frames alive
                with closing(paused(_with_progress(rows))) as stream:
                    result = compare_rows(stream, rulesets, reference, source=students,
                                          locate=error_locator(reader), list_changed=list_changed, lang=language)
            _render_comparison(result, chosen, language, out)
    _encoding_note(reader)
    _unknown_columns(reader, language)
    _programmes_on_default(rulesets, programmes=result.programmes)
    if result.error_count:
        err = _stderr()
        err.print(Text(t("errors.title", language, n=result.error_count)), style="bold red")
        for e in result.errors:
            err.print(Text(error_line(e, language)), style="red")
        if result.error_count > len(result.errors):
            err.print(Text(t("cmp.errors_more", language, n=result.error_count - len(result.errors))), style="red")
    raise typer.Exit(EXIT_FINDINGS if result.error_count else EXIT_OK)


def _render_comparison(result, chosen: str, language: str, out) -> None:  # type: ignore[no-untyped-def]
    if chosen == "text":
        from bsa_check.report.compare_text import render_text

        render_text(result, language, out)
    elif chosen == "json":
        from bsa_check.report.compare import to_json

        out.write(to_json(result, language))
    elif chosen == "markdown":
        from bsa_check.report.compare import to_markdown

        out.write(to_markdown(result, language))
    else:
        from bsa_check.report.compare_html import to_html

        out.write(to_html(result, language))


PROGRESS_AFTER = 1.0  # seconds: a quick run shows no bar at all


def _progress_option(reader) -> dict:  # type: ignore[no-untyped-def,type-arg]
    shown = _progress_rows(reader)
    return {} if shown is None else {"rows": shown}


def _progress_rows(reader):  # type: ignore[no-untyped-def]
    """``check``'s rows with the progress line (:func:`_with_progress`) when it can show, else None
    (the reader itself: no extra step per row on a pipe, in a file or in CI)."""
    import os

    return _with_progress(reader) if sys.stderr.isatty() and not os.environ.get("CI") else None


def _with_progress(rows, after: float = PROGRESS_AFTER):  # type: ignore[no-untyped-def]
    """Yield the rows; on a terminal (stderr), show a rich progress line once the run passes ``after`` s.

    Nothing is drawn when stderr is a file or a pipe, so logs and redirected output stay clean.
    """
    import time

    import os

    if not sys.stderr.isatty() or os.environ.get("CI"):  # never on a pipe, in a file or in CI
        yield from rows
        return
    start = time.monotonic()
    progress = None
    task = None
    count = 0
    try:
        for row in rows:
            count += 1
            if count & 1023 == 0:
                if progress is None and time.monotonic() - start >= after:
                    from rich.progress import Progress, SpinnerColumn, TimeElapsedColumn

                    from bsa_check.progress import rows_column

                    progress = Progress(SpinnerColumn(), rows_column(), TimeElapsedColumn(),
                                        console=_stderr(), transient=True)
                    progress.start()
                    task = progress.add_task("compare", total=None)
                if progress is not None and task is not None:
                    progress.update(task, completed=count)
            yield row
    finally:
        if progress is not None:
            progress.stop()


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

    from bsa_check import validation
    from bsa_check.config import load_config, repository_root
    from bsa_check.report import problems as render
    from bsa_check.textsafe import visible_problem

    chosen = fmt.value if fmt else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    language = _language(lang)
    with _user_errors():
        run = validation.run(files, load_config())
    # file names and rule texts: shown, never obeyed (issue 15)
    run.problems = [visible_problem(p) for p in run.problems]
    run.suppressed = [(visible_problem(p), reason) for p, reason in run.suppressed]
    shown = run.suppressed if show_suppressed else None
    if chosen == "text":
        typer.echo(render.as_text(run.problems, len(run.files), shown, run.origins, language), nl=False)
    elif chosen == "json":
        typer.echo(render.as_json(run.problems, run.files, shown, run.origins), nl=False)
    elif chosen == "github":
        typer.echo(render.as_github(run.problems), nl=False)
    elif chosen == "gitlab":
        typer.echo(render.as_gitlab(run.problems, repository_root()), nl=False)
    else:
        typer.echo(render.as_sarif(run.problems, repository_root(), shown), nl=False)
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
    from bsa_check.output import open_output
    from bsa_check.records.plan import record_plan
    from bsa_check.records.propose import SAMPLE_ROWS, propose, render, summary
    from bsa_check.records.reader import open_records

    language = _language(lang)
    from bsa_check.i18n.problems import severity, translate
    with _user_errors():
        rulesets = _usable_many(rules or ["ho-current"], param)
        plan = record_plan(rulesets)
        with open_records(students, fields=(), required=(), unique_ids=False, sheet=sheet) as reader:
            headers = list(reader.headers)
            sample = reader.sample(SAMPLE_ROWS)
            sheet_name = getattr(reader, "sheet", None)
        proposal = propose(students, headers, sample, plan.required, sorted(plan.fields),
                           sheet=sheet_name, rulesets=[rs.name for rs in rulesets])
        with open_output(output, [students, *(rs.path for rs in rulesets)]) as out:
            out.write(render(proposal))
    err = _stderr()
    head, *steps = summary(proposal, language)
    err.print(Text(head))
    for line in steps:
        err.print(Text(f"{severity('warning', language)}[BSA342]: {translate('BSA342', line, language)}"),
                  style="yellow")
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
    import json

    from rich.table import Table

    from bsa_check.i18n import t
    from bsa_check.ruleset.load import bundled_rule_files, load_file

    language = _language(lang)
    if show is not None:
        from bsa_check.ruleset.show import show_bundled

        with _user_errors():
            typer.echo(show_bundled(show), nl=False)
        return
    with _user_errors():
        models = [load_file(path, bundled=True).model for path in bundled_rule_files().values()]
    if fmt is RulesFormat.json:
        typer.echo(json.dumps([{"name": m.name, "version": m.version, "title": getattr(m.title, language),
                                "legal_status": m.legal_status, "valid_from": m.valid_from.isoformat(),
                                "sector": m.sector} for m in models], ensure_ascii=False, indent=2))
        return
    from bsa_check.i18n import fmt_date

    table = Table()
    for key in ("rules.name", "rules.title", "rules.status", "rules.valid_from", "rules.version", "rules.sector"):
        table.add_column(t(key, language), no_wrap=key in ("rules.name", "rules.valid_from"))
    for m in models:
        status = t(f"status.{m.legal_status}", language)
        table.add_row(m.name, getattr(m.title, language), Text(status, style="bold yellow" if
                                                                 m.legal_status == "proposal" else ""),
                      fmt_date(m.valid_from, language), m.version, m.sector.upper())
    Console(highlight=False).print(table)


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
    import difflib

    from bsa_check import codes as registry

    language = _language(lang)
    if code is None:
        typer.echo(registry.listing(language), nl=False)
        return
    entry = registry.get(code)
    with _user_errors():
        if entry is None:
            close = difflib.get_close_matches(code.strip().upper(), list(registry.CODES), n=1)
            raise UsageError(f"no problem code {code!r}", code="BSA420",
                             hint=(f"did you mean {close[0]}? " if close else "") + "`bsa-check codes` lists them all")
    typer.echo(registry.describe(entry, language), nl=False)


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
