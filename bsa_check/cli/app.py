"""The typer app, its root callback (``--version``) and what every command does alike: the language,
the output format, the tool's own errors as one line each on stderr and exit code 2.

Exit codes (all commands): 0 done (a negative advice is a result, not a failure); 1 findings
(records that could not be evaluated); 2 usage error, unreadable input, or a rule set that
cannot be loaded.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Annotated, Iterator, Optional, Sequence

import typer

from bsa_check import __version__
from bsa_check.errors import BsaCheckError, ErrorList
from bsa_check.services.common import Text, detect_lang, stderr

if TYPE_CHECKING:
    from bsa_check.cli.options import Lang

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


app = typer.Typer(
    name="bsa-check",
    help="Check Dutch binding study advice (BSA) rules on student records, and explain every verdict.",
    add_completion=True,  # --install-completion / --show-completion (issue 18 item 6)
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
)


def choose_language(lang: "Lang | None") -> str:
    """The language of this command's output and messages: --lang, else configured, else LC_ALL/LANG."""
    from bsa_check.i18n.problems import choose

    return choose(lang.value if lang else detect_lang())


def output_format(fmt, output: str | None, allowed: tuple, command: str) -> str:  # type: ignore[no-untyped-def,type-arg]
    """--format, else the --output suffix's format (bsa_check.formats: one rule for every command)."""
    from bsa_check.formats import output_format as choose

    return choose(fmt.value if fmt else None, output, allowed, command)


def fail(errors: Sequence[BsaCheckError], code: int) -> typer.Exit:
    """Each error as one line on stderr; the exit to raise."""
    from bsa_check.i18n.problems import chosen, error_line

    err, lang = stderr(), chosen()
    for e in errors:
        err.print(Text(error_line(e, lang)), style="red")
    return typer.Exit(code)


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Turn the tool's own errors into one message each on stderr and exit code 2."""
    try:
        yield
    except ErrorList as exc:
        raise fail(exc.errors, EXIT_USAGE) from None
    except BsaCheckError as exc:
        raise fail([exc], EXIT_USAGE) from None


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
