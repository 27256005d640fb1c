"""record_bounds: a rule set may declare the plausible values of numeric record fields (issue 9).

A cell outside them is a located row error (BSA314); without the key nothing changes (more than
60 EC in year one is then a verdict like any other).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.records.plan import record_plan
from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList
from bsa_check.records.opener import open_records
from bsa_check.ruleset.load import load, load_file
from tests.conftest import ROOT

BOUNDED = ROOT / "tests" / "data" / "rules" / "valid" / "year_one_bounds.yaml"
CSV = ROOT / "tests" / "data" / "hostile" / "records" / "credits_above_rule_set_bound.csv"


def test_reader_refuses_values_outside_the_bounds_at_the_cell(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("studentnummer;opleiding;ec_jaar1;inschrijvingsjaar\ns1;P;60;1\ns2;P;60,5;1\ns3;P;0;11\n"
                    "s4;P;60,5;1\n", encoding="utf-8")
    bounds = {"ec_year1": (None, Decimal(60), "year one has at most 60 EC"),
              "year_of_enrolment": (Decimal(1), Decimal(10), None)}
    with open_records(path, bounds=bounds) as reader:
        rows = list(reader)
    assert rows[0].error is None and rows[0].values["ec_year1"] == Decimal(60)
    err = rows[1].error
    assert err.code == "BSA314" and (err.location.line, err.location.column) == (3, 3)
    assert err.message == "ec_jaar1 '60,5' is above 60, the most the rule set allows (year one has at most 60 EC)"
    assert err.hint == "check the value"
    assert rows[2].error.code == "BSA314" and rows[2].error.location.column == 4
    assert rows[3].error.code == "BSA314"  # the memo of parsed cells does not bypass the bound


def test_without_record_bounds_75_ec_is_a_verdict() -> None:
    result = CliRunner().invoke(app, ["check", str(CSV), "--format", "jsonl", "--as-of", "2026-08-20"])
    assert result.exit_code == 0 and result.stdout.count('"outcome"') == 3


def test_check_and_explain_apply_the_rule_sets_bounds() -> None:
    result = CliRunner().invoke(app, ["check", str(CSV), "--rules", str(BOUNDED), "--format", "jsonl",
                                      "--as-of", "2026-08-20"])
    assert result.exit_code == 1 and result.stdout.count('"outcome"') == 2
    assert f"error[BSA314]: {CSV}:3:5 (ec_jaar1): ec_jaar1 '75' is above 60" in result.stderr
    result = CliRunner().invoke(app, ["explain", str(CSV), "900002", "--rules", str(BOUNDED), "--as-of", "2026-08-20"])
    assert result.exit_code == 1 and "error[BSA314]" in result.stderr


def test_several_rule_sets_apply_the_tightest_bound() -> None:
    bounded = compile_ruleset(load_file(BOUNDED))
    options = record_plan([compile_ruleset(load("ho-current")), bounded]).reader_options()
    assert options["bounds"] == {"ec_year1": (None, Decimal(60), "year one has at most 60 EC"),
                                 "year_of_enrolment": (Decimal(1), Decimal(10), None)}
    assert options["required"] == tuple(sorted(bounded.required_columns))


@pytest.mark.parametrize(("bounds", "message"), [
    ("{ec_year: {max: 60}}", "'ec_year' is not a record field"),
    ("{programme: {max: 60}}", "'programme' is a text field; only numbers can have bounds"),
    ("{ec_year1: {min: 60, max: 30}}", "min 60 is above max 30"),
    ("{ec_year1: {}}", "give min, max or both"),
])
def test_bad_record_bounds_are_located_rule_file_errors(tmp_path: Path, bounds: str, message: str) -> None:
    path = tmp_path / "r.yaml"
    text = BOUNDED.read_text(encoding="utf-8")
    path.write_text(text[: text.index("record_bounds:")] + f"record_bounds: {bounds}\n", encoding="utf-8")
    with pytest.raises(ErrorList) as info:
        load_file(path)
    err = info.value.errors[0]
    assert message in err.message and err.code == "BSA102"
    assert err.location.line == text[: text.index("record_bounds:")].count("\n") + 1
