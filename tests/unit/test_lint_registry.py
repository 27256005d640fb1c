"""The lint registry (``bsa_check.lint``, issue 16 item 4): one table runs every lint of ``validate``.

A lint written as a module is documented by its docstring (a passing and a failing example), and its
failing example is a conformance file; the registry says which lints refuse a rule set for verdicts,
and ``ruleset.validate.BLOCKING`` is exactly their codes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bsa_check import lint as lints
from bsa_check.engine.compile import compile_ruleset
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.validate import BLOCKING, Linter, legal_blockers, lint
from tests.conftest import ROOT

INVALID = ROOT / "tests" / "data" / "rules" / "invalid"
EXPECTED = {m[1] for path in INVALID.glob("*.yaml")
            if (m := re.match(r"# expect: (BSA\d+) (\d+)", path.read_text(encoding="utf-8").splitlines()[0]))}
MODULE_LINTS = [x for x in lints.LINTS if x.module is not None]


def test_every_lint_is_registered_once_with_its_codes() -> None:
    names = [x.name for x in lints.LINTS]
    assert len(names) == len(set(names))
    codes = [c for x in lints.LINTS for c in x.codes]
    assert all(re.fullmatch(r"BSA\d{3}", c) for c in codes)


def test_every_lint_is_a_module_documented_by_its_docstring() -> None:
    # no lint is a method of the validate linter registered by name any more (issue 16 item 4)
    assert all(x.module is not None for x in lints.LINTS)
    assert not hasattr(lints, "method")
    assert [x.name for x in MODULE_LINTS] == [x.name for x in lints.LINTS]


def test_blocking_codes_are_the_blocking_lints_codes() -> None:
    assert BLOCKING == {c for x in lints.blocking() for c in x.codes}


@pytest.mark.parametrize("entry", MODULE_LINTS, ids=[x.name for x in MODULE_LINTS])
def test_a_module_lint_documents_a_passing_and_a_failing_example(entry: lints.Lint) -> None:
    assert "Passing example" in entry.doc and "Failing example" in entry.doc
    assert all(code in entry.doc for code in entry.codes)


@pytest.mark.parametrize("entry", [x for x in MODULE_LINTS if x.severity == "error"],
                         ids=[x.name for x in MODULE_LINTS if x.severity == "error"])
def test_an_error_lint_has_a_conformance_file_per_code(entry: lints.Lint) -> None:
    assert set(entry.codes) <= EXPECTED


def test_the_registry_runs_the_lints_validate_reports(tmp_path: Path) -> None:
    path = INVALID / "lint_negative_without_propaedeutic.yaml"
    loaded = load_file(path)
    compiled = compile_ruleset(loaded)
    assert "BSA258" in {p.code for p in lint(loaded, compiled)}
    assert "BSA258" in {p.code for p in legal_blockers(loaded, compiled)}
    ran: list[str] = []
    spy = lints.Lint("spy", ("BSA999",), "error", False, lambda linter: ran.append(linter.rs.name), "")
    lints.run(Linter(loaded, compiled), [spy])  # the linter context the registry runs on
    assert ran == [loaded.model.name]
