"""An average is compared exactly but shown shortened (issue 19 review item 2): explain printed
``6.333333333333333333333333333 ≥ 7``; now ``6.33… ≥ 7``. Two decimals, cut (not rounded), an ellipsis
where digits were cut, so the shown value never reaches a two-decimal norm the exact one misses."""

from __future__ import annotations

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.engine.values import Average
from bsa_check.i18n import fmt_value
from tests.conftest import ROOT

RULES = ROOT / "tests" / "data" / "rules" / "valid" / "aggregates_weighted_dated.yaml"
UNITS = ROOT / "tests" / "data" / "rl2f" / "units.csv"


def test_an_average_is_shown_to_two_decimals_with_an_ellipsis_where_cut():
    assert fmt_value(Average(Decimal(19) / 3), "en") == "6.33…"
    assert fmt_value(Average(Decimal(19) / 3), "nl") == "6,33…"
    assert fmt_value(Average(Decimal("6.75")), "en") == "6.75"
    assert fmt_value(Average(Decimal("7.000")), "nl") == "7"
    assert fmt_value(Average(Decimal("6.125")), "en") == "6.12…"
    assert fmt_value(Decimal(19) / 3, "en") == "6.333333333333333333333333333"  # another decimal: exact as ever


@given(st.lists(st.decimals(min_value=1, max_value=10, places=1), min_size=1, max_size=12),
       st.decimals(min_value=1, max_value=10, places=2))
def test_the_shown_average_never_crosses_a_two_decimal_norm(grades, norm):
    exact = Average(sum(grades, Decimal(0)) / len(grades))
    shown = Decimal(fmt_value(exact, "en").rstrip("…"))
    assert (shown >= norm) == (exact >= norm)
    assert (shown < norm) == (exact < norm)


def test_explain_and_reasons_show_the_average_shortened_while_the_verdict_uses_the_exact_value():
    out = CliRunner().invoke(app, ["explain", str(UNITS), "920003", "--rules", str(RULES), "--as-of", "2027-08-20",
                                   "--lang", "en"], terminal_width=200).stdout
    assert "weighted = 7.33… ≥ min_average = 6.5: ✓" in out
    assert "Weighted average 7.33…," in out
    assert "333333" not in out
    doc = json.loads(CliRunner().invoke(app, ["check", str(UNITS), "--rules", str(RULES), "--as-of", "2027-08-20",
                                              "--format", "json"]).stdout)
    row = next(v for v in doc["verdicts"] if v["student_id"] == "920003")
    assert "Weighted average 7.33…," in row["reason"]  # the text is shortened ...
    assert row["values"]["weighted"] == "7.333333333333333333333333333"  # ... the machine value stays exact
