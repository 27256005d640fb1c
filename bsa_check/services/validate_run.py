"""``bsa-check validate`` end to end: every problem of every rule file, in the chosen format.

Called by the CLI, which parses the options and chooses the format: :func:`run_validation` checks
the files (the tool's own errors are raised), :func:`render_validation` makes the report text; the
CLI writes it and sets the exit code from the run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bsa_check.validation import ValidationRun


def run_validation(files: list[str]) -> ValidationRun:
    """Validate the rule files and templates (folders searched), under the configuration's suppressions."""
    from bsa_check import validation
    from bsa_check.config import load_config

    return validation.run(files, load_config())


def render_validation(run: ValidationRun, chosen: str, show_suppressed: bool, language: str) -> str:
    """The report in format ``chosen`` (text, json, github, gitlab or sarif); file names and rule texts
    made visible first (shown, never obeyed: issue 15)."""
    from bsa_check.config import repository_root
    from bsa_check.report import problems as render
    from bsa_check.textsafe import visible_problem

    run.problems = [visible_problem(p) for p in run.problems]
    run.suppressed = [(visible_problem(p), reason) for p, reason in run.suppressed]
    shown = run.suppressed if show_suppressed else None
    if chosen == "text":
        return render.as_text(run.problems, len(run.files), shown, run.origins, language)
    if chosen == "json":
        return render.as_json(run.problems, run.files, shown, run.origins)
    if chosen == "github":
        return render.as_github(run.problems)
    if chosen == "gitlab":
        return render.as_gitlab(run.problems, repository_root())
    return render.as_sarif(run.problems, repository_root(), shown)
