"""explain of a rule set that ``extends`` another, and of one with a named precondition set, pinned in
both languages (issue 19 acceptance). The rule file's path is written as RULES, so the goldens do not
depend on where the tests run. Rewrite with ``--update-goldens`` and review the diff."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.acceptance.test_example_golden import AS_OF, compare_golden
from tests.conftest import EXAMPLES, ROOT

VALID = ROOT / "tests" / "data" / "rules" / "valid"
CASES = [("900002", "extends_ho_current"), ("900001", "extends_ho_current"), ("900006", "precondition_sets")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("student, rules", CASES)
def test_explain_golden(student, rules, lang, update_goldens):
    path = VALID / f"{rules}.yaml"
    result = CliRunner().invoke(app, ["explain", str(EXAMPLES / "students.csv"), student, "--rules", str(path),
                                      "--lang", lang, "--as-of", AS_OF], terminal_width=200)
    assert result.exit_code == 0, result.output
    compare_golden(f"explain.{student}.{rules}.{lang}.txt", result.stdout.replace(str(path), "RULES"),
                   update_goldens)
