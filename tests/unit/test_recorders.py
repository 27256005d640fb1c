"""One evaluation loop, three recorders (issue 16 item 2): outcome only (compare), credit gaps
(check) and the full trace (explain) decide alike, because they run the same loop
(``engine.evaluate.run``); only what they record differs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.engine import evaluate as ev
from bsa_check.engine.compile import compile_ruleset
from bsa_check.engine.compiled import CompiledRuleSet
from bsa_check.errors import EvaluationError
from bsa_check.records.plan import record_plan
from bsa_check.records.opener import open_records
from bsa_check.ruleset.load import load
from tests.conftest import ROOT

STUDENTS = ROOT / "examples" / "students.csv"
AS_OF = date(2026, 8, 20)


def _records(rules: str) -> list[dict[str, Any]]:
    rs = compile_ruleset(load(rules))
    with open_records(STUDENTS, **record_plan([rs]).reader_options()) as reader:
        return [row.values for row in reader if row.error is None]


@pytest.mark.parametrize("rules", ["ho-current", "ho-proposed-2023"])
def test_the_recorders_decide_alike(rules: str) -> None:
    rs = compile_ruleset(load(rules))
    records = _records(rules)
    assert records
    for record in records:
        try:
            gaps = ev.evaluate(rs, record, AS_OF, ev.CREDIT_GAPS)
        except EvaluationError as exc:
            with pytest.raises(EvaluationError) as again:
                ev.evaluate(rs, record, AS_OF, ev.TRACE)
            assert again.value.code == exc.code
            continue
        full = ev.evaluate(rs, record, AS_OF, ev.TRACE)
        outcome, rule = ev.decide(rs, record, AS_OF)
        assert (gaps.outcome, gaps.rule.id) == (full.outcome, full.rule.id) == (outcome, rule.id)
        assert gaps.values == full.values and gaps.missing == full.missing
        assert gaps.shortfalls == full.shortfalls
        # the trace is there up front with TRACE; with CREDIT_GAPS it is made when first read, the same
        assert full._trace is not None and gaps._trace is None
        assert [c.rule.id for c in gaps.checks] == [c.rule.id for c in full.checks]
        assert full.checks[-1].rule is full.rule and full.checks[-1].matched


def test_credit_gaps_record_only_rules_that_can_show_one() -> None:
    rs = compile_ruleset(load("ho-current"))
    ctx = ev.context(rs, {"student_id": "s", "programme": "59001", "year_of_enrolment": 1, "ec_year1": 30,
                          "part_time": False, "propaedeutic_passed": False}, AS_OF)
    _, _, checks, pre_checks = ev.run(rs, ctx, ev.CREDIT_GAPS)
    assert checks and all(c.rule.credit_tests for c in checks) and pre_checks == []
    ctx = ev.context(rs, ctx.record, AS_OF, tracing=True)
    rule, _, checks, pre_checks = ev.run(rs, ctx, ev.TRACE)
    assert [c.rule for c in checks] == list(rs.rules[: rule.index + 1])
    assert len(pre_checks) == len(rule.requires)
    _, _, checks, _ = ev.run(rs, ev.context(rs, ctx.record, AS_OF), ev.OUTCOME)
    assert checks == []


def test_explain_asks_the_full_trace_up_front(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_credit_gaps(*args: Any, **kw: Any) -> Any:
        raise AssertionError("explain evaluated without the trace")

    monkeypatch.setattr(CompiledRuleSet, "evaluate", no_credit_gaps)
    result = CliRunner().invoke(app, ["explain", str(STUDENTS), "900002", "--as-of", "2026-08-20"])
    assert result.exit_code == 0, result.output
    assert "norm_not_met" in result.stdout

