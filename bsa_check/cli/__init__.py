"""Command line: parse options, call one service, render, exit. The only place that prints or exits.

The app and what every command does alike live in :mod:`bsa_check.cli.app`, the shared options in
:mod:`bsa_check.cli.options`, the commands in :mod:`bsa_check.cli.verdicts` and
:mod:`bsa_check.cli.tools` (imported here in the order ``--help`` lists them); their bodies in
:mod:`bsa_check.services`. This module is the console entry point, :func:`main`.

Start-up: ``--help`` and ``--version`` import only typer and this package. rich, the i18n catalogue
and the keyed hash are imported on first use (tests/unit/test_startup.py); pydantic, yaml and the
engine only inside the commands that need them.
"""

from __future__ import annotations

import sys

import typer

from bsa_check.cli import verdicts  # noqa: F401 - registers check, explain, due, letters, compare (--help's order)
from bsa_check.cli import tools  # noqa: F401 - then validate, test, columns, schema, rules, synth, codes
from bsa_check.cli.app import EXIT_USAGE, app, fail
from bsa_check.cli.options import KEY_ENV, CheckFormat
from bsa_check.errors import UsageError

__all__ = ["KEY_ENV", "CheckFormat", "app", "main"]


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
            raise SystemExit(fail([UsageError(f"no command {args[0]!r} (and no such file)", code="BSA436",
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
