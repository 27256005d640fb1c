"""Command line: parse options, call one service, render, exit. The only place that prints or exits.

Exit codes (all commands): 0 done (a negative advice is a result, not a failure); 1 findings
(records that could not be evaluated); 2 usage error, unreadable input, or a rule set that
cannot be loaded.
"""

from __future__ import annotations

import sys
from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.text import Text

from bsa_check import __version__
from bsa_check.errors import BsaCheckError, ErrorList, RecordError, UsageError
from bsa_check.i18n import detect_lang

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

app = typer.Typer(
    name="bsa-check",
    help="Check Dutch binding study advice (BSA) rules on student records, and explain every verdict.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


class Lang(str, Enum):
    nl = "nl"
    en = "en"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(errors: list[BsaCheckError], code: int) -> typer.Exit:
    err = _stderr()
    for e in errors:
        err.print(Text(f"error[{e.code}]: {e}"), style="red")
    return typer.Exit(code)


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


@app.command()
def check(
    students: Annotated[str, typer.Argument(help="CSV export of student records.", metavar="STUDENTS.csv")],
    rules: Annotated[str, typer.Option("--rules", help="Bundled rule set name or path to a rule file.")] = "ho-current",
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Reference date (ISO or dd-mm-jjjj); default today.")] = None,
    lang: Annotated[Optional[Lang], typer.Option("--lang", help="Output language; default from LC_ALL/LANG.")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Output format.")] = CheckFormat.text,
    output: Annotated[Optional[str], typer.Option("--output", help="Write to this file (atomically) instead of stdout.")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", help="Override a rule-set parameter: NAME=VALUE.")] = None,
) -> None:
    """One verdict per student: outcome, deciding rule, legal basis and reason."""
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.output import open_output
    from bsa_check.records.reader import open_records
    from bsa_check.report import make_reporter
    from bsa_check.ruleset.load import load
    from bsa_check.service import results

    language = lang.value if lang else detect_lang()
    try:
        reference = _parse_as_of(as_of)
        overrides = _parse_params(param or [])
        ruleset = compile_ruleset(load(rules), overrides)
        with open_records(students, fields=ruleset.fields_read, required=tuple(sorted(ruleset.required_columns))) as reader:
            with open_output(output, [students]) as out:
                reporter = make_reporter(fmt.value, out, ruleset, reference, language, students,
                                         delimiter=reader.delimiter)
                reporter.start()
                for result in results(reader, ruleset, reference):
                    reporter.add(result)
                reporter.finish()
    except ErrorList as exc:
        raise _fail(exc.errors, EXIT_USAGE) from None
    except (UsageError, RecordError, BsaCheckError) as exc:
        raise _fail([exc], EXIT_USAGE) from None
    if fmt is not CheckFormat.text and reporter.errors:
        err = _stderr()
        for r in reporter.errors:
            err.print(Text(f"error[{r.error.code}]: {r.error}"), style="red")
    raise typer.Exit(EXIT_FINDINGS if reporter.errors else EXIT_OK)


_COMMANDS = {"check"}


def main(argv: list[str] | None = None) -> None:
    """Console entry point: ``bsa-check FILE`` is ``bsa-check check FILE``."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in _COMMANDS and not args[0].startswith("-"):
        args.insert(0, "check")
    elif args and args[0].startswith("-") and args[0] not in ("--help", "-h", "--version"):
        args.insert(0, "check")
    app(args=args, prog_name="bsa-check")
