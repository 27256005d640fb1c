"""The hostile-input corpus (tests/data/hostile): every input ends in its expected, located message.

``rules/*.yaml``: rule files, each with ``# expect: CODE LINE`` on its first line, checked through
``validate`` (all problems) and the loader ``check`` uses. ``records/*.csv``: student exports, each
with its expected code, line, column, number of data rows and exit code in ``records/expect.yaml``;
run through ``bsa-check check --format jsonl``. No input may give a traceback or lose a row:
verdicts plus errors equal the data rows. A few inputs too large to commit (a 10 MB cell, a rule
file over the size limit) are generated here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.errors import BsaCheckError, ErrorList
from bsa_check.ruleset.load import load_file
from bsa_check.ruleset.validate import validate_path
from tests.conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "hostile"
RULE_FILES = sorted((CORPUS / "rules").glob("*.yaml"))
EXPECT = yaml.safe_load((CORPUS / "records" / "expect.yaml").read_text(encoding="utf-8"))
RECORD_FILES = sorted((CORPUS / "records").glob("*.csv"))
runner = CliRunner()


def test_the_corpus_has_at_least_40_inputs_each_with_an_expectation() -> None:
    assert len(RULE_FILES) + len(RECORD_FILES) >= 40
    assert len(RULE_FILES) >= 20 and len(RECORD_FILES) >= 20
    assert sorted(EXPECT) == [p.name for p in RECORD_FILES]
    for path in RULE_FILES:
        assert re.match(r"# expect: BSA\d{3} \d+$", path.read_text(encoding="utf-8").splitlines()[0]), path.name


# --- rule files ------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_hostile_rule_file_gives_its_located_code(path: Path) -> None:
    code, line = re.match(r"# expect: (BSA\d+) (\d+)", path.read_text(encoding="utf-8").splitlines()[0]).groups()
    found = [p for p in validate_path(path) if p.severity == "error"]
    hit = [p for p in found if (p.code, p.location.line) == (code, int(line))]
    assert hit, [(p.code, p.location.line, p.message) for p in found]
    assert hit[0].location.file == str(path) and hit[0].location.column and hit[0].hint
    # the loader check/explain use refuses it the same way, with a project error only
    with pytest.raises((BsaCheckError, ErrorList)) as info:
        load_file(path)
    errors = info.value.errors if isinstance(info.value, ErrorList) else [info.value]
    assert any(e.code == code and e.location.line == int(line) for e in errors)


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_hostile_rule_file_through_the_cli_is_exit_2_without_traceback(path: Path) -> None:
    code = path.read_text(encoding="utf-8").split()[2]
    result = runner.invoke(app, ["check", str(ROOT / "examples" / "students.csv"), "--rules", str(path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert f"error[{code}]" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_as_rule_file_is_named_as_such_and_never_read() -> None:
    """Review finding 15: /dev/zero exists; it is no regular file (reading it would never end)."""
    from bsa_check.errors import RuleFileError
    from bsa_check.ruleset.load import not_a_file, resolve

    assert not_a_file(Path("/dev/zero")) == "is not a regular file (a device, pipe or socket), not a rule file"
    assert not_a_file(CORPUS / "nope.yaml") == "does not exist" and not_a_file(CORPUS).startswith("is a directory")
    assert not_a_file(RULE_FILES[0]) is None
    with pytest.raises(RuleFileError) as info:
        resolve("/dev/zero")
    assert info.value.code == "BSA110" and "not a regular file" in info.value.message
    result = runner.invoke(app, ["check", str(ROOT / "examples" / "students.csv"), "--rules", "/dev/zero"])
    assert result.exit_code == 2 and "not a regular file" in result.stderr and "no bundled" not in result.stderr


def test_rule_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * 120_000, encoding="utf-8")
    problems = validate_path(path)
    assert [p.code for p in problems] == ["BSA105"] and "limit" in problems[0].message


_MEASURE = textwrap.dedent("""
    import resource, sys, time
    from pathlib import Path
    from bsa_check.errors import RuleFileError
    from bsa_check.ruleset.load import load_file
    best, code = None, None
    for _ in range(3):  # the best of three: a busy machine must not fail the test, a slow loader must
        start = time.perf_counter()
        try:
            load_file(Path(sys.argv[1]))
        except RuleFileError as exc:
            code = exc.code
        else:
            code = None
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    # Peak RSS of this process. VmHWM, not ru_maxrss: Linux carries the forking process's peak into
    # ru_maxrss across exec, so a large pytest process would be counted as this child's memory.
    try:
        with open("/proc/self/status") as status:
            peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(code, best, peak_kb)
""")


def test_alias_bomb_is_refused_in_under_a_second_with_under_100_mb() -> None:
    """Issue 9 acceptance. Billion laughs: 9 levels of 9 aliases = 387 million strings if expanded.

    Measured in a fresh interpreter (peak RSS includes Python, pydantic and PyYAML themselves:
    about 35 MB); the time covers loading only. Margins are generous for a busy machine.
    """
    bomb = CORPUS / "rules" / "alias_bomb.yaml"
    assert bomb.stat().st_size < 1024 and bomb.read_text().count("*") == 72
    proc = subprocess.run([sys.executable, "-c", _MEASURE, str(bomb)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    code, seconds, max_rss_kb = proc.stdout.split()
    assert code == "BSA104", proc.stderr
    assert float(seconds) < 1.0
    assert int(max_rss_kb) < 100 * 1024


# --- records ---------------------------------------------------------------------------------------


def _check(path: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["check", str(path), "--format", "jsonl", "--as-of", "2026-08-20", *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result


def _assert_outcome(path: Path, result, code: str, line: int | None, column: int | None, rows: int,  # type: ignore[no-untyped-def]
                    exit_code: int, all_errors: list[list] | None = None) -> None:
    assert result.exit_code == exit_code, result.stderr
    items = [json.loads(x) for x in result.stdout.splitlines() if x]
    # every data row: exactly one verdict or one error, none lost, none invented
    assert len(items) == rows, result.stdout
    assert all(("outcome" in x) != ("error" in x) for x in items)
    assert len({x["line"] for x in items}) == len(items)  # one item per record, each on its own line
    if all_errors is not None:
        assert [[x["error"]["code"], x["line"]] for x in items if "error" in x] == all_errors
    where = f"{path}:{line}" if line is not None else str(path)
    if column is not None:
        where += f":{column}"
    if exit_code == 2 or code in ("BSA315", "BSA316", "BSA330"):  # refused, or a warning on stderr
        assert f"[{code}]: {where}" in result.stderr, result.stderr
        return
    errors = [x for x in items if "error" in x]
    hit = [x for x in errors if x["error"]["code"] == code and x["line"] == line
           and (column is None or x["error"]["column"] == column)]
    assert hit, errors
    assert hit[0]["error"]["hint"]
    assert f"error[{code}]: {where}" in result.stderr  # the same message, located, on stderr


@pytest.mark.parametrize("path", RECORD_FILES, ids=lambda p: p.stem)
def test_broken_export_gives_its_located_code_and_loses_no_row(path: Path) -> None:
    e = EXPECT[path.name]
    extra = ["--rules", str((path.parent / e["rules"]).resolve())] if "rules" in e else []
    _assert_outcome(path, _check(path, *extra), e["code"], e["line"], e["column"], e["rows"], e["exit"],
                    e.get("errors"))


def test_formula_cells_are_neutralised_in_csv_output() -> None:
    import csv
    import io

    path = CORPUS / "records" / "formula_cells.csv"
    result = runner.invoke(app, ["check", str(path), "--format", "csv", "--as-of", "2026-08-20"])
    assert result.exit_code == 1
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter=";"))
    assert rows[2][1:3] == ["'=HYPERLINK(\"http://x\")", "'+59001"]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


# generated inputs, too large to commit


def test_ten_megabyte_cell_on_one_line(tmp_path: Path) -> None:
    head, good = _head_and_row()
    path = tmp_path / "big_line.csv"
    path.write_text(f"{head}\n{good}\n{good.replace('900001', '900002').replace(';ok', ';' + 'x' * 10_000_000)}\n"
                    f"{good.replace('900001', '900003')}\n", encoding="utf-8")
    _assert_outcome(path, _check(path), "BSA308", 3, None, 3, 1)


def test_ten_megabyte_quoted_cell_over_many_lines(tmp_path: Path) -> None:
    head, good = _head_and_row()
    cell = '"' + "\n".join(["y" * 999] * 10_000) + '"'
    path = tmp_path / "big_cell.csv"
    path.write_text(f"{head}\n{good}\n{good.replace('900001', '900002').replace(';ok', ';' + cell)}\n"
                    f"{good.replace('900001', '900003').replace(';45;', ';4x;')}\n", encoding="utf-8")
    # the later row keeps its true line number (3 + 10,000 lines of the cell)
    _assert_outcome(path, _check(path), "BSA310", 10_003, 5, 3, 1)


def _head_and_row() -> tuple[str, str]:
    text = (CORPUS / "records" / "negative_credits.csv").read_text(encoding="utf-8").splitlines()
    return text[0], text[1]
