"""Conformance: each file in data/rules/invalid fails with its expected code and line; valid ones load.

An invalid file states its expectation on its first line: ``# expect: BSA101 3``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.ruleset.load import bundled_rule_files, load, load_file
from bsa_check.ruleset.validate import validate_path

DATA = Path(__file__).resolve().parent.parent / "data" / "rules"
INVALID = sorted((DATA / "invalid").glob("*.yaml"))


def problems(path: Path) -> list[RuleFileError]:
    try:
        compile_ruleset(load_file(path))
    except ErrorList as exc:
        return exc.errors
    except RuleFileError as exc:
        return [exc]
    return []


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_fails_with_code_and_line(path):
    m = re.match(r"# expect: (BSA\d+) (\d+)", path.read_text().splitlines()[0])
    assert m, f"{path.name} lacks its '# expect: CODE LINE' header"
    found = [p for p in validate_path(path) if p.severity == "error"]
    assert found, f"{path.name} validated without error"
    hit = [p for p in found if (p.code, p.location.line) == (m[1], int(m[2]))]
    assert hit, [(p.code, p.location.line, p.message) for p in found]
    assert hit[0].location.file == str(path) and hit[0].location.column
    assert hit[0].hint


def test_there_are_enough_invalid_cases():
    assert len(INVALID) >= 20
    codes = {re.match(r"# expect: (BSA\d+)", p.read_text().splitlines()[0])[1] for p in INVALID}
    # every layer is covered: structure, consistency, legal lint
    assert {"BSA101", "BSA102", "BSA103", "BSA204", "BSA221", "BSA222", "BSA250", "BSA251", "BSA252", "BSA253",
            "BSA254"} <= codes


@pytest.mark.parametrize("path", sorted((DATA / "valid").glob("*.yaml")) + list(bundled_rule_files().values()),
                         ids=lambda p: p.stem)
def test_valid_files_validate_without_problems(path):
    assert [(p.code, p.location.line, p.message) for p in validate_path(path)] == []


@pytest.mark.parametrize("path", sorted((DATA / "valid").glob("*.yaml")) + list(bundled_rule_files().values()),
                         ids=lambda p: p.stem)
def test_valid_files_load_cleanly(path):
    assert problems(path) == []


def test_unknown_key_suggests_the_right_one():
    err = problems(DATA / "invalid" / "unknown_key.yaml")[0]
    assert "outcom" in err.message and "did you mean 'outcome'" in err.hint


def test_duplicate_key_names_both_lines():
    err = problems(DATA / "invalid" / "duplicate_key.yaml")[0]
    assert "first defined on line 2" in err.message


def test_dated_and_per_programme_parameters():
    rs = compile_ruleset(load_file(DATA / "valid" / "minimal.yaml"))
    assert rs.params["norm_ec"].resolve("59001", 2025) == Decimal("40")
    assert rs.params["norm_ec"].resolve("59001", 2026) == Decimal("42.5")
    assert rs.params["norm_ec"].resolve("59002", 2026) == Decimal("36")
    record = {"student_id": "1", "programme": "59001", "ec_year1": Decimal("41"), "academic_year": 2026}
    assert rs.evaluate(record, date(2027, 8, 1)).outcome == "procedure_incomplete"
    assert rs.evaluate(dict(record, academic_year=2025), date(2026, 8, 1)).outcome == "positive"


def test_value_before_first_date_is_an_evaluation_error():
    from bsa_check.errors import EvaluationError

    rs = compile_ruleset(load_file(DATA / "valid" / "minimal.yaml"))
    with pytest.raises(EvaluationError, match="no value in force"):
        rs.evaluate({"student_id": "1", "programme": "x", "ec_year1": Decimal(1), "academic_year": 2020},
                    date(2021, 8, 1))


def test_credits_in_rule_files_are_never_floats():
    rs = load("ho-current").model
    assert isinstance(rs.parameters["norm_ec"].values[date(2011, 9, 1)], int)
    loaded = load_file(DATA / "valid" / "minimal.yaml").model
    assert loaded.parameters["norm_ec"].values[date(2026, 9, 1)] == Decimal("42.5")
    assert type(loaded.parameters["norm_ec"].values[date(2026, 9, 1)]) is Decimal
