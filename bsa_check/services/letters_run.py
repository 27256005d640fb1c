"""``bsa-check letters``: what the CLI notes on stderr after a run of :func:`bsa_check.letters.run.run_letters`
(which writes the letters): no institution file given (BSA805), then each row that failed."""

from __future__ import annotations

from typing import Any

from bsa_check.services.common import Text, stderr


def letters_notes(done: Any, has_institution: bool, language: str) -> None:
    """stderr: the placeholder warning when no --institution was given, then the run's row errors."""
    from bsa_check.i18n.problems import error_line, severity, translate

    err = stderr()
    if not has_institution:
        no_inst = "no --institution: the letters show [to be filled in] for the institution's details"
        err.print(Text(f"{severity('warning', language)}[BSA805]: {translate('BSA805', no_inst, language)}"),
                  style="yellow")
    for e in done.errors:
        err.print(Text(error_line(e, language)), style="red")
