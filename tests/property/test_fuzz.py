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
from bsa_check.records.opener import open_records
from bsa_check.ruleset.load import load_file, validate_data
from bsa_check.ruleset.yamlsafe import load_yaml
from bsa_check.testing.load import load_test_file
from bsa_check.textsafe import first_control

FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- inputs ------------------------------------------------------------------------------------

HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;deeltijd;inschrijfdatum;"
          "uitschrijfdatum;propedeuse_behaald;persoonlijke_omstandigheden;besluit_omstandigheden;notitie\r\n")
CSV_TOKENS = st.sampled_from([
    ";", ",", '"', '""', "\r\n", "\n", "\r", "\x00", "\t", " ", "s1", "59001", "44,5", "1.234,5", "-3", "31-02-2025",
    "2025-2026", "ja", "nee", "ziekte|topsport", "uitstel", "=cmd", "\ufeff", "é", "€", "\u2028", "x" * 300,
    # issue 15: rich markup and terminal controls in cells
    "[/bold]", "[red]", "[link=http://x]", ":warning:", "\\[", "\x1b[2J", "\x1b]8;;http://x\x1b\\", "\x07", "\x08",
    "\x7f", "\x9b", "\u202e"])
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
    # issue 15: markup, and control characters written as YAML escapes
    "[/bold]", "[link=http://x]", ":warning:", '"\\e[2J"', '"\\a"', '"\\x9b"', '"\\u202e"', "\u202e",
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


# --- markup and control characters in every text field (issue 15) -------------------------------

# Text that rich would read as markup or a terminal would obey, mixed with ordinary characters.
HOSTILE_TEXT = st.lists(st.sampled_from([
    "[/bold]", "[bold]", "[red]", "[/]", "[link=http://evil.example]", "[/link]", ":warning:", "\\[x]", "\\",
    "\x1b[2J", "\x1b]0;title\x07", "\x1b]8;;http://evil.example/\x1b\\", "\x1b[31m", "\x07", "\x08", "\r",
    "\x0b", "\x7f", "\x85", "\x9b", "\x9d", "\u202e", "\u2066", "\u200f", "\u2028", "a", "9", "é", " ", "{", "}",
]), min_size=1, max_size=8).map("".join)
# Fields read as text from the record (the student number, the programme), and a column no rule reads.
CSV_HEADER = ("studentnummer;opleiding;collegejaar;inschrijvingsjaar;ec_jaar1;deeltijd;waarschuwingsdatum;hoordatum;"
              "adviesdatum;inschrijfdatum;uitschrijfdatum;propedeuse_behaald;persoonlijke_omstandigheden;"
              "besluit_omstandigheden;notitie")


def _cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _hostile_records(tmp_path: Path, student: str, programme: str, note: str) -> Path:
    path = tmp_path / "hostile.csv"
    row = f"{_cell(student)};{_cell(programme)};2025-2026;1;45;nee;;;15-08-2026;01-09-2025;;nee;;;{_cell(note)}"
    other = "900002;59001;2025-2026;1;44,5;nee;12-05-2026;03-07-2026;15-08-2026;01-09-2025;;nee;;;x"
    path.write_text(f"{CSV_HEADER}\n{row}\n{other}\n",
                    encoding="utf-8", newline="")
    return path


def _cli(args: list[str]):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from bsa_check.cli import app
    from tests.unit.test_terminal_safety import unsafe_characters

    result = CliRunner().invoke(app, args, env={"FORCE_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert unsafe_characters(result.stdout) == [] and unsafe_characters(result.stderr) == []
    return result


CLI_EXAMPLES = max(10, settings.default.max_examples // 4)


@settings(FUZZ, max_examples=CLI_EXAMPLES)
@given(student=HOSTILE_TEXT, programme=HOSTILE_TEXT, note=HOSTILE_TEXT)
def test_markup_and_controls_in_every_text_cell(tmp_path: Path, student: str, programme: str, note: str) -> None:
    """Every text cell of a record: markup and control characters, in check (text, colour), compare
    and explain; never a crash, never a raw control character, never a lost row."""
    import json

    path = _hostile_records(tmp_path, student, programme, note)
    as_of = ["--as-of", "2026-08-20"]
    text = _cli(["check", str(path), *as_of])
    assert text.exit_code in (0, 1)
    rows = [json.loads(line) for line in _cli(["check", str(path), *as_of, "--format", "jsonl"]).stdout.splitlines()]
    assert len(rows) == 2
    _cli(["compare", str(path), "--rules", "ho-current", "--rules", "ho-proposed-2023", *as_of, "--list-changed"])
    if student.strip() and rows[0].get("student_id") == student.strip():
        assert _cli(["explain", str(path), student.strip(), *as_of]).exit_code in (0, 1)


_MINIMAL = Path(__file__).resolve().parents[1] / "data" / "rules" / "valid" / "minimal.yaml"


def _replace_texts(node, texts):  # type: ignore[no-untyped-def]
    """Every human text of a rule file (nl/en texts, version, law names) replaced by the next of ``texts``."""
    if isinstance(node, dict):
        return {k: (next(texts) if k in ("nl", "en", "version", "law") and isinstance(v, str)
                    else _replace_texts(v, texts)) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_texts(v, texts) for v in node]
    return node


# Markup and characters a terminal shows oddly but which are no controls YAML escapes (bidi marks):
# a rule file made of these loads, and every command must show the texts as written.
MARKUP_TEXT = st.lists(st.sampled_from([
    "[/bold]", "[bold]", "[red]", "[/]", "[link=http://evil.example]", "[/link]", ":warning:", "\\[x]", "\\",
    "\u202e", "\u2066", "\u200f", "a", "9", "é", " ", "*", "_", "`", "<b>", "&amp;", "|", "#"]),
    min_size=1, max_size=8).map("".join)


@settings(FUZZ, max_examples=CLI_EXAMPLES)
@given(texts=st.one_of(st.lists(HOSTILE_TEXT, min_size=40, max_size=40), st.lists(MARKUP_TEXT, min_size=40, max_size=40)))
def test_markup_and_controls_in_every_text_of_a_rule_file(tmp_path: Path, texts: list[str]) -> None:
    """Every text of a rule file: refused as a located error (a control character, written by the
    YAML emitter as an escape, is BSA112), or used, with nothing read as markup or obeyed."""
    import itertools

    import yaml

    data = _replace_texts(yaml.safe_load(_MINIMAL.read_text(encoding="utf-8")), itertools.cycle(texts))
    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _only_project_errors(lambda: load_file(path))
    records = _hostile_records(tmp_path, "900001", "59001", "x")
    as_of = ["--as-of", "2026-08-20"]
    result = _cli(["validate", str(path)])
    if all(t.strip() and first_control(t) is None for t in texts):
        assert result.exit_code == 0, result.stdout  # markup is data: the rule file is valid
    if result.exit_code == 0:
        for args in (["check", str(records)], ["explain", str(records), "900001"],
                     ["compare", str(records), "--rules", "ho-current", "--list-changed"],
                     ["compare", str(records), "--rules", "ho-current", "--format", "markdown"]):
            assert _cli([*args, "--rules", str(path), *as_of]).exit_code in (0, 1)
    else:
        assert "error" in result.stdout and "Traceback" not in result.output
