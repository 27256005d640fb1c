"""check --format tsv: tab-separated, csv's columns and cells, one line per row (issue 16 item 4's
example of a format that is one module, bsa_check/report/check_formats/tsv.py)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check import parallel, synth
from bsa_check.cli import app

ROOT = Path(__file__).resolve().parents[2]
STUDENTS = str(ROOT / "examples" / "students.csv")
AS_OF = "2026-08-20"
runner = CliRunner()


def _run(*args: object) -> object:
    result = runner.invoke(app, ["check", *map(str, args), "--as-of", AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _tsv_rows(text: str) -> list[list[str]]:
    assert text.endswith("\n") and "\r" not in text
    return [line.split("\t") for line in text[:-1].split("\n")]


def _csv_rows(text: str) -> list[list[str]]:
    """csv's rows; csv keeps the input's delimiter (the example is a ``;`` file)."""
    header = text.split("\n", 1)[0]
    return list(csv.reader(io.StringIO(text), delimiter=";" if header.count(";") > header.count(",") else ","))


def _cohort(path: Path, rows: list[list[str]]) -> None:
    path.write_text("\n".join(",".join(r) for r in [list(synth.HEADER), *rows]) + "\n", encoding="utf-8")


def test_tsv_has_the_cells_of_csv_and_its_exit_code() -> None:
    tsv = _run(STUDENTS, "--format", "tsv")
    plain_csv = _run(STUDENTS, "--format", "csv", "--no-excel")
    assert tsv.exit_code == plain_csv.exit_code  # type: ignore[attr-defined]
    rows = _tsv_rows(tsv.stdout)  # type: ignore[attr-defined]
    assert rows == _csv_rows(plain_csv.stdout)  # type: ignore[attr-defined]
    assert rows[0][:4] == ["line", "student_id", "programme", "outcome"] and len(rows) > 5
    assert len({len(r) for r in rows}) == 1


def test_tabs_and_line_breaks_in_a_cell_are_visible_escapes_and_never_split_a_row(tmp_path: Path) -> None:
    rows = [list(r) for r in synth.rows(3, seed=4)]
    rows[0][0] = '"4000\t001"'  # a tab in the student number (quoted in the CSV input)
    rows[1][1] = '"59\r\n001"'  # a line break in the programme
    rows[2][0] = '"=4000003"'  # a formula
    rows[2][6] = "veel"  # a bad cell: an error row
    path = tmp_path / "cohort.csv"
    _cohort(path, rows)
    tsv = _run(path, "--format", "tsv")
    assert tsv.exit_code == 1  # type: ignore[attr-defined]  # the error row
    out = _tsv_rows(tsv.stdout)  # type: ignore[attr-defined]
    assert len(out) == 4 and len({len(r) for r in out}) == 1
    assert out[1][1] == "4000\\x09001"
    assert out[2][2] == "59\\x0d\\x0a001"
    assert out[3][1] == "'=4000003" and out[3][7].startswith("BSA")  # formula-safe; the error cell
    # csv writes the same cells (escaped the same way), only quoted and comma-separated
    assert out == _csv_rows(_run(path, "--format", "csv", "--no-excel").stdout)  # type: ignore[attr-defined]


@pytest.mark.skipif(not parallel.fork_available(), reason="--workers needs fork (Linux)")
def test_tsv_with_workers_is_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 256)  # many small chunks
    rows = [list(r) for r in synth.rows(80, seed=7)]
    rows[30][6] = "veel"
    path = tmp_path / "cohort.csv"
    _cohort(path, rows)
    one = _run(path, "--format", "tsv")
    two = _run(path, "--format", "tsv", "--workers", "2")
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)  # type: ignore[attr-defined]
    assert one.stdout.count("\n") == 81  # type: ignore[attr-defined]


def test_the_tsv_suffix_chooses_tsv_and_must_agree_with_format(tmp_path: Path) -> None:
    out = tmp_path / "verdicts.tsv"
    assert _run(STUDENTS, "--output", out).exit_code == 0  # type: ignore[attr-defined]
    assert out.read_text(encoding="utf-8").startswith("line\tstudent_id\tprogramme\t")
    refused = _run(STUDENTS, "--format", "csv", "--output", tmp_path / "x.tsv")
    assert refused.exit_code == 2 and "BSA434" in refused.stderr  # type: ignore[attr-defined]


@pytest.mark.parametrize("option,code", [(["--excel"], "BSA437"), (["--summary"], "BSA439"),
                                         (["--keep-all"], "BSA440")])
def test_options_for_other_formats_are_refused(option: list[str], code: str) -> None:
    refused = _run(STUDENTS, "--format", "tsv", *option)
    assert refused.exit_code == 2 and code in refused.stderr  # type: ignore[attr-defined]
