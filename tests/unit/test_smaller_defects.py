"""The smaller defects of issue 15: each with the input that showed it.

(The non-UTF-8 locale, the non-UTF-8 file name in JSON and compare markdown's rule-set texts are
in tests/unit/test_terminal_safety.py.)
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.records.parse import CellError, parse_decimal
from bsa_check.records.stray import stray_byte_warning
from tests.conftest import ROOT

runner = CliRunner()
HOSTILE = ROOT / "tests" / "data" / "hostile" / "records"
AS_OF = ["--as-of", "2026-08-20"]


# --- -0 credits -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["-0", "-0,0", "-0.00", "- 0"])
def test_minus_zero_credits_are_zero(text: str) -> None:
    value = parse_decimal(text)
    assert value == 0 and not value.is_signed() and str(value) in ("0", "0.0", "0.00")


@pytest.mark.parametrize("text", ["-0,5", "-1", "-0.01"])
def test_negative_credits_are_still_refused(text: str) -> None:
    with pytest.raises(CellError):
        parse_decimal(text)


def test_minus_zero_credits_never_read_as_minus_0_ec() -> None:
    """Issue 15: ``-0`` credits read as "-0 EC" in every reason."""
    path = HOSTILE / "minus_zero_credits.csv"
    result = runner.invoke(app, ["check", str(path), *AS_OF, "--format", "jsonl"])
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [x["values"]["ec_year1"] for x in items[:2]] == ["0", "0.0"]
    assert all(x["reason"].startswith("0 EC earned") for x in items[:2])
    assert parse_decimal("-0") == Decimal(0)
    text = runner.invoke(app, ["check", str(path), *AS_OF]).stdout
    explain = runner.invoke(app, ["explain", str(path), "900001", *AS_OF]).stdout
    assert "-0 EC" not in text and "-0 EC" not in explain and "0 EC earned" in explain
    assert " -0 " not in text and "= -0" not in explain


# --- a UTF-8 file with one stray byte -----------------------------------------------------------


def test_a_utf8_file_with_a_stray_byte_warns_naming_the_first_non_ascii_line() -> None:
    """Issue 15: such a file was read whole as Windows-1252 without a word ("café" became "cafÃ©")."""
    path = HOSTILE / "utf8_with_one_stray_byte.csv"
    warning = stray_byte_warning(str(path), "cp1252")
    assert warning is not None and warning.code == "BSA330" and warning.location.line == 3
    assert "line 5" in warning.message  # the stray byte itself
    result = runner.invoke(app, ["check", str(path), *AS_OF])
    assert result.exit_code == 0
    assert f"warning[BSA330]: {path}:3: the file is mostly UTF-8" in result.stderr
    for command in (["compare", str(path), "--rules", "ho-current", "--rules", "ho-proposed-2023"],
                    ["explain", str(path), "900002"]):
        assert "warning[BSA330]" in runner.invoke(app, [*command, *AS_OF]).stderr


def test_a_genuine_windows_1252_export_does_not_warn(tmp_path: Path) -> None:
    source = (HOSTILE / "utf8_with_one_stray_byte.csv").read_bytes().decode("utf-8", "replace")
    path = tmp_path / "cp1252.csv"
    path.write_bytes(source.replace("\ufffd", "").encode("cp1252"))
    assert stray_byte_warning(str(path), "cp1252") is None
    result = runner.invoke(app, ["check", str(path), *AS_OF])
    assert result.exit_code == 0 and "BSA330" not in result.stderr


def test_a_utf8_file_is_not_scanned_again() -> None:
    assert stray_byte_warning(str(ROOT / "examples" / "students.csv"), "utf-8") is None


# --- chained date shifts past year 9999 -------------------------------------------------------------


def test_chained_date_shifts_past_9999_are_a_located_error_not_a_traceback() -> None:
    """Issue 15: validate accepts each shift (at most 36,600 months); chained, they overflowed in check."""
    path = HOSTILE / "chained_date_shift.csv"
    rules = HOSTILE / "chained_date_shift.rules.yaml"
    assert runner.invoke(app, ["validate", str(rules)]).exit_code == 0
    for fmt in ("text", "jsonl"):
        result = runner.invoke(app, ["check", str(path), "--rules", str(rules), *AS_OF, "--format", fmt])
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
        assert result.exit_code == 1
        assert f"error[BSA230]: {path}:3: far2, shifted by the rule set, falls outside the years 1-9999" \
            in result.stderr
        assert "2026-05-12" not in result.stderr  # the record's date is not shown
    explain = runner.invoke(app, ["explain", str(path), "900002", "--rules", str(rules), *AS_OF])
    assert explain.exit_code == 1 and "error[BSA230]" in explain.stderr
