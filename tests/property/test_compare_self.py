"""Comparing a rule set with itself shows no change (style.md property), and totals always add up."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.compare import compare
from bsa_check.engine.compile import compile_ruleset
from bsa_check.records.reader import Row
from bsa_check.ruleset.load import load
from tests.property.strategies import as_of_dates, records
from tests.property.test_check_rows import csv_files, records_in


@pytest.fixture(scope="module")
def compiled():
    return {name: compile_ruleset(load(name)) for name in ("ho-current", "ho-proposed-2023")}


def rows_of(recs):
    return [Row(i + 2, r, None, r.get("student_id")) for i, r in enumerate(recs)]


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=st.lists(records(), max_size=25), as_of=as_of_dates, name=st.sampled_from(["ho-current", "ho-proposed-2023"]))
def test_a_rule_set_compared_with_itself_changes_nothing(compiled, recs, as_of, name):
    rs = compiled[name]
    result = compare(rows_of(recs), [rs, rs], as_of, source="mem", list_changed=True)
    assert result.rows == len(recs) == result.compared + result.error_count
    assert result.changed_count() == 0 and result.changed == []
    m = result.matrix(0, 1)
    assert m.changed == 0 and m.moves == [] and all(c.before == c.after for c in m.cells)
    assert result.outcome_counts(0) == result.outcome_counts(1)
    assert sum(n for _, n, _ in result.histogram()) == result.compared
    for p in result.programmes:
        assert result.changed_count(p) == 0


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(recs=st.lists(records(), max_size=25), as_of=as_of_dates)
def test_totals_add_up_between_different_rule_sets(compiled, recs, as_of):
    rss = [compiled["ho-current"], compiled["ho-proposed-2023"]]
    result = compare(rows_of(recs), rss, as_of, source="mem", list_changed=True)
    assert result.compared + result.error_count == result.rows == len(recs)
    m = result.matrix(0, 1)
    assert sum(c.count for c in m.cells) == result.compared
    assert sum(result.total(p) for p in result.programmes) == result.compared
    assert m.changed == result.changed_count() == len(result.changed)
    # a changed student really has different outcomes, with a reason under each rule set
    for s in result.changed:
        assert s.decisions[0].outcome != s.decisions[1].outcome and all(d.reason for d in s.decisions)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=csv_files())
def test_cli_self_comparison_of_any_file_counts_every_row_and_changes_nothing(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cohort.csv"
        path.write_text(text, encoding="utf-8", newline="")
        result = CliRunner().invoke(app, ["compare", str(path), "--rules", "ho-current", "--rules", "ho-current",
                                          "--format", "json", "--as-of", "2026-08-15"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(result.stdout)
    totals = doc["totals"]
    assert totals["rows"] == records_in(text) == totals["compared"] + totals["errors"]
    assert totals["changed"] == 0 and doc["transitions"][0]["changed"] == 0
    assert (result.exit_code == 1) == (totals["errors"] > 0)
