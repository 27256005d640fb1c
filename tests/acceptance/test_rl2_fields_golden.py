"""explain goldens of the rule-language constructs of issue 19 items 5, 6 and 8 (new record fields,
working-day offsets, the EC-weighted average and dated unit catalogues, what would change it beyond
credits), in both languages, over tests/data/rl2f/. The rule file's path is written as RULES.
Rewrite with ``--update-goldens`` and review the diff."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.acceptance.test_example_golden import compare_golden
from tests.conftest import ROOT

VALID = ROOT / "tests" / "data" / "rules" / "valid"
DATA = ROOT / "tests" / "data" / "rl2f"
# (student, rule file, export, --as-of)
CASES = [("920001", "aggregates_weighted_dated", "units.csv", "2026-08-20"),
         ("920003", "aggregates_weighted_dated", "units.csv", "2027-08-20"),
         ("920101", "fields_round2", "fields.csv", "2026-08-20"),
         ("920102", "fields_round2", "fields.csv", "2026-08-20"),
         ("920105", "fields_round2", "fields.csv", "2026-08-20"),
         ("920201", "mbo_grounds", "mbo.csv", "2026-06-20"),
         ("920202", "mbo_grounds", "mbo.csv", "2026-06-20")]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("student, rules, export, as_of", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_explain_golden(student, rules, export, as_of, lang, update_goldens):
    path = VALID / f"{rules}.yaml"
    result = CliRunner().invoke(app, ["explain", str(DATA / export), student, "--rules", str(path),
                                      "--lang", lang, "--as-of", as_of], terminal_width=200)
    assert result.exit_code == 0, result.output
    compare_golden(f"explain.{student}.{rules}.{lang}.txt", result.stdout.replace(str(path), "RULES"),
                   update_goldens)
