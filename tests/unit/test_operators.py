"""The operator table (``ruleset.operators``, issue 16 item 4): every operator is tested through it.

Each row's examples (a cell, an operand, whether the test holds) are run as a rule of a real rule
set, the record parsed by the readers' cell parser: so an operator added to the table is tested
by adding its examples, and ``ne``, ``le``, ``not_in`` and ``contains_any`` (untested before) are.
The model, the compiler, explain and the schema all take their operators from the table.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from bsa_check.engine.compile import compile_ruleset
from bsa_check.errors import ErrorList
from bsa_check.explain import test_text as shown_test
from bsa_check.records.plan import cell_parser
from bsa_check.ruleset import model as m
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.operators import OPERATORS
from bsa_check.schema import rules_schema
from tests.conftest import ROOT

MINIMAL = ROOT / "tests" / "data" / "rules" / "valid" / "minimal.yaml"
EXAMPLES = [(key, *example) for key, op in OPERATORS.items() for example in op.examples]


def _with_probe(folder: Path, test: dict[str, Any]) -> Path:
    data = yaml.safe_load(MINIMAL.read_text(encoding="utf-8"))
    data["rules"].insert(0, {"id": "probe", "when": test, "outcome": "needs_review",
                             "legal_basis": {"law": "WHW", "article": "7.8b"},
                             "reason": {"nl": "proef", "en": "probe"}})
    path = folder / "probe.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_every_operator_documents_a_test_that_holds_and_one_that_does_not() -> None:
    for key, op in OPERATORS.items():
        assert {holds for *_, holds in op.examples} == {True, False}, key
        assert op.words["nl"] and op.words["en"] and op.description and op.expect, key


@pytest.mark.parametrize(("key", "field", "cell", "operand", "holds"), EXAMPLES,
                         ids=[f"{e[0]}-{e[2] or 'empty'}-{e[4]}" for e in EXAMPLES])
def test_each_example_holds_as_the_table_says(tmp_path: Path, key: str, field: str, cell: str, operand: Any,
                                              holds: bool) -> None:
    compiled = compile_ruleset(load_file(_with_probe(tmp_path, {"field": field, key: operand})))
    record: dict[str, Any] = {"student_id": "s1", "programme": "59001", "ec_year1": Decimal(50)}
    record.pop(field, None)
    if cell:
        record[field] = cell_parser(field)(cell)
    verdict = compiled.evaluate(record, date(2026, 8, 20))
    assert (verdict.rule.id == "probe") is holds
    probe = verdict.checks[0]  # explain shows the test in the table's words
    assert probe.rule.id == "probe"
    for lang in ("en", "nl"):
        shown = shown_test(probe.tests[0], lang)
        assert f" {OPERATORS[key].words[lang]}" in shown or key == "is_set"


@pytest.mark.parametrize("key", [k for k, op in OPERATORS.items() if not op.flag])
def test_an_operator_refuses_kinds_it_cannot_compare(tmp_path: Path, key: str) -> None:
    # a date field is compared with a number (no operator of the table compares those)
    with pytest.raises(ErrorList) as info:
        compile_ruleset(load_file(_with_probe(tmp_path, {"field": "warning_date", key: 45})))
    errors = [e for e in info.value.errors if e.code == "BSA205"]
    assert errors and OPERATORS[key].expect in str(errors[0])


def test_the_model_and_the_schema_have_exactly_the_tables_operators() -> None:
    schema_ops = set(rules_schema()["$defs"]["Test"]["properties"]) - {"field", "param", "derived"}
    assert schema_ops == set(OPERATORS)
    assert m.TEST_OPS == tuple(OPERATORS)
    for key, op in OPERATORS.items():
        assert rules_schema()["$defs"]["Test"]["properties"][key]["description"] == op.description
