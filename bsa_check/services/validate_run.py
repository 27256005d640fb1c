"""``bsa-check validate`` end to end: every problem of every rule file, in the chosen format.

Called by the CLI, which parses the options and chooses the format: :func:`run_validation` checks
the files (the tool's own errors are raised), :func:`render_validation` makes the report text; the
CLI writes it and sets the exit code from the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bsa_check.validation import ValidationRun


def run_validation(files: list[str]) -> ValidationRun:
    """Validate the rule files and templates (folders searched), under the configuration's suppressions."""
    from bsa_check import validation
    from bsa_check.config import load_config

    return validation.run(files, load_config())


def render_validation(run: ValidationRun, chosen: str, show_suppressed: bool, language: str) -> str:
    """The report in format ``chosen`` (``formats.VALIDATE_FORMATS``); file names and rule texts made
    visible first (shown, never obeyed: issue 15)."""
    from bsa_check.formats import VALIDATE_FORMATS
    from bsa_check.textsafe import visible_problem

    run.problems = [visible_problem(p) for p in run.problems]
    run.suppressed = [(visible_problem(p), reason) for p, reason in run.suppressed]
    shown = run.suppressed if show_suppressed else None
    report: str = VALIDATE_FORMATS[chosen].load()(run, shown, language)
    return report


# validate's formats (formats.VALIDATE_FORMATS): (run, shown suppressions or None, language) -> text

def text_report(run: ValidationRun, shown: list[Any] | None, language: str) -> str:
    from bsa_check.report.problems import as_text

    return as_text(run.problems, len(run.files), shown, run.origins, language)


def json_report(run: ValidationRun, shown: list[Any] | None, language: str) -> str:
    from bsa_check.report.problems import as_json

    return as_json(run.problems, run.files, shown, run.origins)


def github_report(run: ValidationRun, shown: list[Any] | None, language: str) -> str:
    from bsa_check.report.problems import as_github

    return as_github(run.problems)


def gitlab_report(run: ValidationRun, shown: list[Any] | None, language: str) -> str:
    from bsa_check.config import repository_root
    from bsa_check.report.problems import as_gitlab

    return as_gitlab(run.problems, repository_root())


def sarif_report(run: ValidationRun, shown: list[Any] | None, language: str) -> str:
    from bsa_check.config import repository_root
    from bsa_check.report.problems import as_sarif

    return as_sarif(run.problems, repository_root(), shown)
