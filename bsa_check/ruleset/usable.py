"""Whether a loaded, compiled rule set may give verdicts: exactly what ``validate`` reports for it.

design.md ("Guarantees"): a rule set that ``validate`` reports an error for is never used to give
verdicts. ``check``, ``explain`` and ``compare`` call :func:`problems_for_use` and refuse (exit 2)
on any error, listing every problem; warnings are shown once on stderr. Before issue 14 only a
subset of the legal lint refused (``legal_blockers``), so a BSA254 (a circumstance outside
Uitvoeringsbesluit WHW 2008 art. 2.1) or a BSA257 found on witness records still gave binding
negatives with exit 0 and nothing on stderr.

Pure: runs the same linter as ``validate`` on the rule set as it will be used (with ``--param``
overrides); prints nothing.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.problems import ERROR, Problem
from bsa_check.ruleset.load import LoadedRuleSet


def problems_for_use(loaded: LoadedRuleSet, compiled: Any) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) ``validate`` would report for this rule set, each sorted by position."""
    from bsa_check.ruleset.validate import lint

    # the lint evaluates witness records: on a copy with its own parameter cache, so the witnesses'
    # programme never counts as one the run evaluated (CompiledRuleSet.programmes_on_default)
    if compiled is not None:
        compiled = dataclasses.replace(compiled, _param_cache={})
    problems = lint(loaded, compiled)
    if loaded.earlier is not None:  # before_valid_from: the delegate gives verdicts too (earlier years)
        from bsa_check.ruleset.validate import delegate_problems

        problems = [*problems, *delegate_problems(loaded.earlier)]
    problems = sorted(problems, key=Problem.sort_key)
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity != ERROR]
    return errors, warnings


def with_lint_errors(exc: ErrorList, loaded: LoadedRuleSet) -> ErrorList:
    """A rule set that does not compile: its compile errors plus the lint errors ``validate`` also
    reports for it (e.g. a norm out of its declared range, BSA203, and above 60 EC, BSA250), so a
    refusal lists every problem at once, as ``validate`` does."""
    from bsa_check.ruleset.validate import lint

    seen = {(e.code, str(e.location), e.message) for e in exc.errors}
    extra = [RuleFileError(p.message, location=p.location, hint=p.hint, code=p.code)
             for p in sorted(lint(loaded, None), key=Problem.sort_key)
             if p.severity == ERROR and (p.code, str(p.location), p.message) not in seen]
    return ErrorList([*exc.errors, *extra]) if extra else exc


__all__ = ["problems_for_use", "with_lint_errors"]
