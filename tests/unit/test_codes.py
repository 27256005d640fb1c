"""The problem-code registry (bsa_check/codes/) and ``bsa-check codes``."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from bsa_check import codes, problems
from bsa_check.cli import app
from tests.conftest import ROOT

runner = CliRunner()
CODE = re.compile(r"\bBSA\d{3}\b")


def _codes_in_source() -> dict[str, str]:
    """Every BSAnnn the package's source mentions -> one file mentioning it (read, not imported, so a code
    another branch adds is caught the moment its module is merged)."""
    out: dict[str, str] = {}
    for path in sorted((ROOT / "bsa_check").rglob("*.py")):
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            out.setdefault(code, str(path.relative_to(ROOT)))
    return out


def test_every_code_the_package_uses_is_registered():
    used = _codes_in_source()
    assert len(used) > 60
    missing = {code: where for code, where in used.items() if code not in codes.CODES}
    assert not missing, f"add these to bsa_check/codes/ (see its docstring): {missing}"


def test_every_entry_is_complete_and_in_order():
    assert list(codes.CODES) == sorted(codes.CODES)
    names = [c.name for c in codes.CODES.values()]
    assert len(names) == len(set(names))
    for c in codes.CODES.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", c.name), c.code
        assert c.severity in (codes.ERROR, codes.WARNING)
        for lang in ("nl", "en"):
            assert c.title(lang) and len(c.explanation(lang)) > 10, (c.code, lang)
        assert c.nl != c.en and c.example


def test_severity_constants_match_problems():
    assert (codes.ERROR, codes.WARNING) == (problems.ERROR, problems.WARNING)


def test_validate_reports_each_code_with_its_registered_severity():
    invalid = sorted((ROOT / "tests" / "data" / "rules" / "invalid").glob("*.yaml"))
    found = json.loads(runner.invoke(app, ["validate", *map(str, invalid), "--format", "json"]).stdout)["problems"]
    assert found
    for p in found:
        assert codes.CODES[p["code"]].severity == p["severity"], p


def test_legal_blockers_are_blocking_in_the_registry():
    from bsa_check.ruleset.validate import BLOCKING

    assert BLOCKING <= {c.code for c in codes.CODES.values() if c.blocking}
    assert not codes.CODES["BSA256"].blocking and not codes.CODES["BSA220"].blocking


def test_readme_code_table_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert codes.markdown_table() in readme, "regenerate it: python -m bsa_check.codes --markdown"


def test_codes_explains_one_code_in_dutch_and_english():
    nl = runner.invoke(app, ["codes", "BSA256", "--lang", "nl"])
    assert nl.exit_code == 0
    assert nl.stdout.startswith("BSA256 review-without-decider: een needs_review-regel die niet zegt wie beslist")
    assert "ernst: waarschuwing" in nl.stdout and "voorbeeld:" in nl.stdout
    en = runner.invoke(app, ["codes", "bsa250", "--lang", "en"])
    assert en.exit_code == 0 and en.stdout.startswith("BSA250 norm-above-60:")
    assert "severity: error (blocks verdicts; cannot be suppressed)" in en.stdout
    assert "    norm_ec: {values: {2024-09-01: 75}}" in en.stdout


def test_codes_lists_every_code():
    result = runner.invoke(app, ["codes", "--lang", "en"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == list(codes.CODES)


def test_an_unknown_code_is_a_usage_error_with_a_suggestion():
    result = runner.invoke(app, ["codes", "BSA2500"])
    assert result.exit_code == 2 and "BSA420" in result.stderr and "did you mean BSA250" in result.stderr


def test_the_dutch_listing_is_dutch():
    # issue 18 item 5: `bsa-check codes` in Dutch gives the Dutch title and severity of every code
    from bsa_check.codes import CODES, listing

    dutch = listing("nl").splitlines()
    assert len(dutch) == len(CODES)
    for line, code in zip(dutch, CODES.values()):
        assert line.startswith(code.code) and line.endswith(code.title("nl"))
        assert line.split()[1] in ("fout", "waarschuwing"), line
    assert [line.split()[1] for line in listing("en").splitlines()] == [c.severity for c in CODES.values()]
