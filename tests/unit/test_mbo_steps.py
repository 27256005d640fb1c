"""The MBO step lint (BSA234, ``bsa_check.lint.mbo_steps``): its witnesses are honest.

A witness that completes the procedure passes every precondition of the bundled mbo binding negative (and
a gallery school's stricter numbers), so the lint is not vacuous; every witness it builds without a
step fails them, so a rule set that keeps the steps is never refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.lint import mbo_steps
from bsa_check.ruleset.load import bundled_rule_files, load_file
from bsa_check.ruleset.validate import Linter
from tests.conftest import EXAMPLES

FILES = {"mbo": bundled_rule_files()["mbo"], "mbo-college-westland": EXAMPLES / "oer" / "mbo-college-westland.yaml"}


def _linter(path: Path) -> tuple[Linter, int]:
    loaded = load_file(path)
    linter = Linter(loaded, compile_ruleset(loaded))
    return linter, next(i for i, r in enumerate(loaded.model.rules) if r.outcome == "negative")


@pytest.mark.parametrize("name", sorted(FILES))
def test_a_complete_procedure_passes_and_each_broken_step_fails(name: str) -> None:
    linter, i = _linter(FILES[name])
    rule = linter.compiled.rules[i]
    for programme, year in linter.scenarios():
        for record, as_of in mbo_steps.complete(year, programme):
            assert mbo_steps._holds(linter, rule, record, as_of, year), (programme, year, record)
            for step, _, _, _, breaker in mbo_steps.STEPS:
                for case, (broken, day) in breaker(record, as_of):
                    assert not mbo_steps._holds(linter, rule, broken, day, year), (name, step, case)


def test_every_step_is_a_precondition_of_the_bundled_negative() -> None:
    """The lint's steps are the bundled mbo rule set's preconditions (and it names them in its hint)."""
    linter, i = _linter(FILES["mbo"])
    assert {s[0] for s in mbo_steps.STEPS} == {p.id for p in linter.rs.rules[i].requires}
