"""Hostile rule files and record cells: each ends as a located error, never a traceback or a hang.

Rule files are untrusted YAML from institutions; record cells come from exported spreadsheets.
The time bounds below are coarse guards against hangs, not benchmarks.
"""

from __future__ import annotations

import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bsa_check.errors import ErrorList, RuleFileError
from bsa_check.records.parse import CellError, parse_academic_year, parse_date
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.yamlsafe import load_yaml

RULES_DIR = Path(__file__).resolve().parents[2] / "rules"


def _refused(text: str) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load_yaml(text, "f.yaml")
    return info.value


def _nested_all(levels: int) -> str:
    """``all:`` mappings nested ``levels`` deep (one space of indentation per level)."""
    return "".join(" " * i + "all:\n" for i in range(levels - 1)) + " " * (levels - 1) + "all: 1\n"


# --- 1. numbers too large or too small -------------------------------------------------------------


@pytest.mark.parametrize("text", ["1.0e+999999999", "1.0e-999999999", "-2.5e+13", "1.5e-13"])
def test_float_with_extreme_exponent_is_refused_located(text: str) -> None:
    start = time.perf_counter()
    err = _refused(f"name: x\nvalue: {text}\n")
    assert time.perf_counter() - start < 2.0
    assert err.code == "BSA103"
    assert (err.location.file, err.location.line, err.location.column) == ("f.yaml", 2, 8)
    assert "too large or too small" in err.message
    assert err.hint == "write a plain decimal such as 44.5"


@pytest.mark.parametrize("text", ["10000000000000", "-1_000_000_000_000", "0x_FFFF_FFFF_FFFF_F"])
def test_int_with_more_than_12_digits_is_refused_located(text: str) -> None:
    err = _refused(f"value: {text}\n")
    assert err.code == "BSA103"
    assert (err.location.line, err.location.column) == (1, 8)
    assert "too large" in err.message


def test_ordinary_numbers_at_the_limits_still_load() -> None:
    data, _ = load_yaml("a: 44.5\nb: 999999999999\nc: 0.0\nd: 1.5e+12\ne: 1.0e-12\nf: -45\n", "f.yaml")
    assert data == {"a": Decimal("44.5"), "b": 999999999999, "c": Decimal("0.0"),
                    "d": Decimal("1.5e+12"), "e": Decimal("1.0e-12"), "f": -45}


def test_huge_exponent_in_a_real_rule_file_is_refused_end_to_end(tmp_path: Path) -> None:
    text = (RULES_DIR / "ho-current.yaml").read_text(encoding="utf-8")
    assert "      2011-09-01: 45\n" in text
    path = tmp_path / "huge.yaml"
    path.write_text(text.replace("      2011-09-01: 45\n", "      2011-09-01: 1.0e+999999999\n", 1), encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(RuleFileError) as info:
        load_file(path)
    assert time.perf_counter() - start < 2.0
    assert info.value.code == "BSA103"
    assert info.value.location.file == str(path) and info.value.location.line is not None


# --- 2. nesting ------------------------------------------------------------------------------------


def test_20kb_of_flow_sequence_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    err = _refused("[" * 20_000)
    assert time.perf_counter() - start < 2.0
    assert err.code == "BSA106"
    assert "nesting deeper than 64 levels" in err.message
    assert (err.location.file, err.location.line, err.location.column) == ("f.yaml", 1, 65)


def test_deep_flow_mapping_nesting_is_refused_quickly() -> None:
    start = time.perf_counter()
    err = _refused("{a: " * 20_000)
    assert time.perf_counter() - start < 2.0
    assert err.code == "BSA106"


def test_3000_levels_of_all_mappings_are_refused_located() -> None:
    start = time.perf_counter()
    err = _refused(_nested_all(3000))
    assert time.perf_counter() - start < 2.0
    assert err.code == "BSA106"
    assert (err.location.line, err.location.column) == (65, 65)


def test_deep_block_sequence_nesting_is_refused() -> None:
    err = _refused("".join(" " * i + "-\n" for i in range(3000)))
    assert err.code == "BSA106"


def test_64_levels_are_still_accepted() -> None:
    data, _ = load_yaml(_nested_all(64), "f.yaml")
    depth = 0
    while isinstance(data, dict):
        data = data["all"]
        depth += 1
    assert (depth, data) == (64, 1)
    data, _ = load_yaml("[" * 64 + "]" * 64, "f.yaml")
    depth = 0
    while isinstance(data, list) and data:
        data = data[0]
        depth += 1
    assert depth == 63 and data == []
    assert _refused(_nested_all(65)).code == "BSA106"


def test_recursion_error_while_composing_becomes_a_rule_file_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(self: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    from bsa_check.ruleset import yamlsafe

    monkeypatch.setattr(yamlsafe, "_compose_and_build", lambda *a: explode(None))
    err = _refused("a: 1\n")
    assert err.code == "BSA106"
    assert err.location.file == "f.yaml" and err.location.line is None


def test_deep_nesting_in_a_rule_file_is_refused_end_to_end(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("name: x\nrules: " + "[" * 100_000 + "\n", encoding="utf-8")
    start = time.perf_counter()
    with pytest.raises(RuleFileError) as info:
        load_file(path)
    assert time.perf_counter() - start < 2.0
    assert info.value.code == "BSA106"
    assert (info.value.location.line, info.value.location.column) == (2, 7 + 64)  # the root mapping is level 1


# --- 3./4. mapping keys keep their text ------------------------------------------------------------


def test_integer_looking_keys_stay_text_and_date_keys_stay_dates() -> None:
    data, positions = load_yaml("by: {0710: 1, 59001: 2, 2024-09-01: 3}\n", "f.yaml")
    assert data == {"by": {"0710": 1, "59001": 2, date(2024, 9, 1): 3}}
    assert [type(k) for k in data["by"]] == [str, str, date]
    loc = positions.locate(("by", "0710"), key=True)
    assert (loc.line, loc.column) == (1, 6)


def test_float_looking_keys_stay_text() -> None:
    data, _ = load_yaml("1.5: a\n1_000: b\n", "f.yaml")
    assert data == {"1.5": "a", "1_000": "b"}


def test_bool_looking_keys_stay_text_but_bool_values_do_not() -> None:
    data, _ = load_yaml("yes: on\nno: off\non: yes\nOff: 1\n", "f.yaml")
    assert data == {"yes": True, "no": False, "on": True, "Off": 1}
    assert all(type(k) is str for k in data)


def test_key_text_is_what_duplicate_detection_compares() -> None:
    # 0710 and 456 were the same key (octal) before; now they are different programme codes ...
    data, _ = load_yaml("0710: a\n456: b\n", "f.yaml")
    assert data == {"0710": "a", "456": "b"}
    # ... while a quoted and a plain spelling of the same code are a duplicate.
    err = _refused("0710: a\n'0710': b\n")
    assert err.code == "BSA101" and err.location.line == 2


def test_programme_code_with_leading_zero_survives_end_to_end(tmp_path: Path) -> None:
    text = (RULES_DIR / "ho-current.yaml").read_text(encoding="utf-8")
    old = "    values:\n      2011-09-01: 45\n"
    assert old in text
    path = tmp_path / "codes.yaml"
    path.write_text(text.replace(old, old + "    by_programme:\n      0710: 40\n      59001: 42\n", 1), encoding="utf-8")
    try:
        loaded = load_file(path)
    except ErrorList as exc:  # pragma: no cover - shows what went wrong
        pytest.fail(str(exc))
    by_programme = next(p.by_programme for p in loaded.model.parameters.values() if p.by_programme)
    assert set(by_programme) == {"0710", "59001"}


# --- 5. implausible years in record cells ----------------------------------------------------------


@pytest.mark.parametrize("text", ["9999", "9999-10000", "0000", "1899-1900", "2200", "2200/2201"])
def test_implausible_academic_year_is_a_cell_error(text: str) -> None:
    with pytest.raises(CellError) as info:
        parse_academic_year(text)
    if "-10000" not in text:
        assert "is not a plausible academic year" in info.value.args[0]


@pytest.mark.parametrize("text", ["1900", "2025-2026", "2199/2200"])
def test_plausible_academic_years_still_parse(text: str) -> None:
    assert parse_academic_year(text) == int(text[:4])


@pytest.mark.parametrize("text", ["31-12-9999", "9999-12-31", "01-01-0001", "0001-01-01", "31.12.1899", "01/01/2200"])
def test_implausible_date_is_a_cell_error(text: str) -> None:
    with pytest.raises(CellError) as info:
        parse_date(text)
    assert info.value.args[0].startswith("is not a plausible date; ")


@pytest.mark.parametrize(("text", "expected"), [("01-01-1900", date(1900, 1, 1)), ("2199-12-31", date(2199, 12, 31)),
                                                ("1-2-2026", date(2026, 2, 1))])
def test_plausible_dates_still_parse(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_range_limit_given_as_text_exponent_is_refused(tmp_path):
    from bsa_check.errors import ErrorList
    from bsa_check.ruleset.load import load_file

    src = (Path(__file__).resolve().parents[2] / "rules" / "ho-current.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "r.yaml"
    # unquoted, it is refused as a YAML 1.1 trap (text in YAML 1.1, a number in 1.2) ...
    bad.write_text(src.replace("range: {min: 0, max: 60}", "range: {min: 0, max: 1e999999999}", 1), encoding="utf-8")
    with pytest.raises(RuleFileError) as trap:
        load_file(bad)
    assert trap.value.code == "BSA107" and trap.value.location.line
    # ... quoted, the range's own bound still refuses it
    bad.write_text(src.replace("range: {min: 0, max: 60}", "range: {min: 0, max: '1e999999999'}", 1), encoding="utf-8")
    with pytest.raises(ErrorList) as info:
        load_file(bad)
    assert "12 digits" in str(info.value) and info.value.errors[0].location.line


# --- 6. YAML 1.1 traps (BSA107): refused in rule files, never silently converted -------------------


@pytest.mark.parametrize(("text", "message", "hint"), [
    ("yes", "reads the unquoted 'yes' as the boolean true", 'write true for a yes/no value, or "yes" in quotes'),
    ("Off", "as the boolean false", '"Off" in quotes for text'),
    ("010", "as the octal number 8", 'write 8 for a number, or "010" in quotes'),
    ("0x2D", "as the number 45", 'write 45 for a number'),
    ("1:30", "as the number 90", "write 90"),
    ("4_5", "as the number 45", "write 45"),
    ("4.5e+1", "is not a plain decimal (YAML 1.1 reads it as 45)", "write 45, without an exponent"),
    ("1e3", "is text in YAML 1.1 but a number in YAML 1.2", "1000 for 1e3"),
    ("45,5", "is text to YAML, not the number 45.5", "write 45.5 (a decimal point)"),
    ("2024-09-01 10:00:00", "is a date with a time", "write the date as jjjj-mm-dd, e.g. 2024-09-01"),
])
def test_yaml_11_traps_are_located_errors_in_strict_mode(text: str, message: str, hint: str) -> None:
    data, _ = load_yaml(f"a: {text}\n", "f.yaml")  # not strict (rule test files): YAML's own reading
    assert data["a"] is not None
    with pytest.raises(RuleFileError) as info:
        load_yaml(f"name: x\na: {text}\n", "f.yaml", strict_scalars=True)
    err = info.value
    assert err.code == "BSA107"
    assert (err.location.line, err.location.column) == (2, 4)
    assert message in err.message and hint in err.hint


@pytest.mark.parametrize(("text", "value"), [
    ('"yes"', "yes"), ("'010'", "010"), ('"45,5"', "45,5"), ("'1e3'", "1e3"), ("true", True), ("False", False),
    ("45", 45), ("-3", -3), ("+4", 4), ("0", 0), ("44.5", Decimal("44.5")), (".5", Decimal("0.5")),
    ("2024-09-01", date(2024, 9, 1)), ("7.8b", "7.8b"), ("1.0.0", "1.0.0"), ("~", None)])
def test_plain_and_quoted_values_load_as_written_in_strict_mode(text: str, value: object) -> None:
    data, _ = load_yaml(f"a: {text}\n", "f.yaml", strict_scalars=True)
    assert data["a"] == value and type(data["a"]) is type(value)


def test_unquoted_date_or_boolean_where_text_belongs_is_bsa107_with_the_quote_hint(tmp_path: Path) -> None:
    text = (RULES_DIR / "ho-current.yaml").read_text(encoding="utf-8")
    path = tmp_path / "r.yaml"
    path.write_text(text.replace('version: "1.1.0"', "version: 2024-09-01", 1), encoding="utf-8")
    assert "version: 2024-09-01" in path.read_text(encoding="utf-8")
    with pytest.raises(ErrorList) as info:
        load_file(path)
    err = info.value.errors[0]
    assert err.code == "BSA107" and "reads the unquoted value as a date 2024-09-01" in err.message
    assert err.hint == 'put it in quotes: "2024-09-01"' and err.location.line


def test_control_character_is_a_located_syntax_error() -> None:
    err = _refused("a: 1\nb: x\x08y\n")
    assert err.code == "BSA100" and "U+0008" in err.message
    assert (err.location.line, err.location.column) == (2, 5)


def test_deep_nesting_is_bsa106_whichever_yaml_layer_refuses_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML 6.0.4's libyaml refuses nesting past 1,000 levels itself, before yielding one event
    (a ScannerError, which became BSA100). The project's code must not depend on which layer says
    no: a loader that refuses up front still gives BSA106 at the first level past the limit."""
    import yaml

    from bsa_check.ruleset import yamlsafe

    class RefusesNesting(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            raise yaml.scanner.ScannerError("while increasing flow level", None,
                                            "exceeded maximum nesting depth", None)

    monkeypatch.setattr(yamlsafe, "_Loader", RefusesNesting)
    err = _refused("[" * 2_000)
    assert err.code == "BSA106"
    assert (err.location.file, err.location.line, err.location.column) == ("f.yaml", 1, 65)
