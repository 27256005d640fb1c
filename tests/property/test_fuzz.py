"""Fuzzing: arbitrary text and bytes into the CSV reader, the rule loader and the test-file loader.

Only project errors may come out (a :class:`BsaCheckError`, or an :class:`ErrorList` of them),
never another exception, and the reader's rows keep their invariants. In the normal suite each
test runs hypothesis' default budget (100 examples); the long run is

    python -m pytest tests/property/test_fuzz.py --hypothesis-profile=fuzz

(20,000 examples per test, registered in tests/conftest.py; about 15-30 minutes on a laptop).
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsa_check.errors import BsaCheckError, ErrorList, RecordError
from bsa_check.records.reader import open_records
from bsa_check.ruleset.load import load_file, validate_data
from bsa_check.ruleset.yamlsafe import load_yaml
from bsa_check.testing.load import load_test_file

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- inputs ------------------------------------------------------------------------------------

HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;deeltijd;inschrijfdatum;"
          "uitschrijfdatum;propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden;notitie\r\n")
CSV_TOKENS = st.sampled_from([
    ";", ",", '"', '""', "\r\n", "\n", "\r", "\x00", "\t", " ", "s1", "59001", "44,5", "1.234,5", "-3", "31-02-2025",
    "2025-2026", "ja", "nee", "ziekte|topsport", "uitstel", "=cmd", "\ufeff", "é", "€", "\u2028", "x" * 300])
CSV_TEXT = st.lists(CSV_TOKENS, max_size=80).map("".join)
ANY_BYTES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    CSV_TEXT.map(lambda t: (HEADER + t).encode("utf-8")),
    CSV_TEXT.map(lambda t: (HEADER + t).encode("cp1252", "replace")),
    st.tuples(st.just(HEADER.encode()), st.binary(max_size=300)).map(b"".join),
)

YAML_TOKENS = st.sampled_from([
    "\n", "  ", "- ", ": ", "{", "}", "[", "]", ",", "'", '"', "&a ", "*a", "<<: ", "!!python/object:os.system ",
    "!x ", "? ", "|", ">", "#", "---", "...", "%YAML 1.1", "~", "null", "yes", "no", "on", "010", "0x1F", "1e3",
    "1.0e+3", "45,5", ".nan", ".inf", "2024-09-01", "2024-09-01 10:00:00", "1:30", "\t", "\ufeff", "\x85", "é",
    "schema_version", "name", "rules", "parameters", "values", "when", "field", "ec_year1", "ge", "outcome",
    "positive", "negative", "legal_basis", "law", "WHW", "reason", "nl", "en", "id", "r", "requires", "cases",
    "record", "expect", "as_of", "ho-current", "programme", "part_time", "error", "BSA310", "params", "norm_ec",
])
YAML_TEXT = st.one_of(st.text(max_size=200), st.lists(YAML_TOKENS, max_size=80).map("".join))
RULE_PREFIX = ("schema_version: 1\nname: f\nversion: '1'\ntitle: {nl: a, en: b}\nlegal_status: law\n"
               "valid_from: 2024-09-01\nsector: ho\nlegal_basis: {law: WHW}\n")
TEST_PREFIX = "rules: ho-current\nas_of: 2026-08-20\ncases:\n  - name: c\n"


def _only_project_errors(call) -> None:  # type: ignore[no-untyped-def]
    try:
        call()
    except ErrorList as exc:
        assert exc.errors and all(isinstance(e, BsaCheckError) for e in exc.errors)
        assert all(e.location is not None for e in exc.errors)
    except BsaCheckError as exc:
        assert exc.code.startswith("BSA") and exc.location is not None


# --- the CSV reader ----------------------------------------------------------------------------


@FUZZ
@given(data=ANY_BYTES)
def test_csv_reader_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        reader = open_records(path)
    except RecordError as exc:
        # BSA34x: inputs that are not a table, workbooks (issue 17)
        assert exc.code.startswith(("BSA30", "BSA34")) and exc.location is not None and exc.location.file == str(path)
        return
    with reader:
        rows = list(reader)
    lines = sum(1 for _ in io.StringIO(data.decode(reader.encoding), newline=""))
    previous = 0
    for row in rows:
        assert previous < row.line <= lines  # rows in order, each on a real line
        previous = row.line
        assert (row.error is None) == bool(row.values)
        if row.error is not None:
            assert isinstance(row.error, RecordError) and row.error.location.line == row.line
            assert row.error.hint


# A whole command per example (rule set loaded and compiled each time): a quarter of the budget.
@settings(FUZZ, max_examples=max(10, settings.default.max_examples // 4))
@given(data=ANY_BYTES)
def test_check_command_on_arbitrary_bytes_gives_one_result_per_row(tmp_path: Path, data: bytes) -> None:
    import json

    from typer.testing import CliRunner

    from bsa_check.cli import app

    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", str(path), "--format", "jsonl", "--as-of", "2026-08-20",
                                      "--rules", "ho-current"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2)
    if result.exit_code != 2:
        with open_records(path, unique_ids=True) as reader:
            rows = sum(1 for _ in reader)
        items = [json.loads(line) for line in result.stdout.splitlines() if line]
        assert len(items) == rows
        assert all(("outcome" in x) != ("error" in x) for x in items)


# --- the rule loader ---------------------------------------------------------------------------


@FUZZ
@given(text=YAML_TEXT, prefixed=st.booleans())
def test_rule_loader_on_arbitrary_text(text: str, prefixed: bool) -> None:
    source = (RULE_PREFIX + text) if prefixed else text

    def load() -> None:
        data, positions = load_yaml(source, "fuzz.yaml", strict_scalars=True)
        validate_data(data, positions)

    _only_project_errors(load)


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), YAML_TEXT.map(lambda t: (RULE_PREFIX + t).encode("utf-8", "surrogatepass"))))
def test_rule_file_loader_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    _only_project_errors(lambda: load_file(path))


# --- the rule test-file loader -----------------------------------------------------------------


@FUZZ
@given(text=YAML_TEXT, prefixed=st.booleans())
def test_test_file_loader_on_arbitrary_text(tmp_path: Path, text: str, prefixed: bool) -> None:
    path = tmp_path / "fuzz.bsa-test.yaml"
    path.write_bytes(((TEST_PREFIX + text) if prefixed else text).encode("utf-8", "surrogatepass"))
    _only_project_errors(lambda: load_test_file(path))
