"""services.drive: the one place that chooses between one process and --workers (issue 16 item 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bsa_check import parallel
from bsa_check.records.opener import open_records
from bsa_check.services import drive as drive_module
from bsa_check.services.drive import drive

HEADER = "studentnummer;opleiding;ec_jaar1\n"


class Lines:
    """A job that keeps each row's line: here directly, in workers as one list per piece."""

    def __init__(self) -> None:
        self.here_lines: list[int] = []
        self.joined: list[list[int]] = []
        self.duplicates: dict[int, int] = {}

    def here(self, rows):
        self.here_lines.extend(r.line for r in rows)

    def piece(self, rows, recorder):
        return [(r.line, r.error.code if r.error else None) for r in rows]

    def join(self, piece, duplicates):
        self.joined.append([line for line, _ in piece])
        self.duplicates.update(duplicates)
        return len(piece)


def cohort(tmp_path: Path, n: int, duplicate_of: dict[int, int] | None = None) -> Path:
    rows = [f"{100000 + i};P{i % 3};{i % 60}" for i in range(n)]
    for at, first in (duplicate_of or {}).items():
        rows[at] = rows[first]
    path = tmp_path / "cohort.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_one_process_gives_here_every_row_in_order(tmp_path):
    job = Lines()
    with open_records(cohort(tmp_path, 500)) as reader:
        drive(reader, job, workers=1)
    assert job.here_lines == list(range(2, 502)) and job.joined == []


@pytest.mark.skipif(not parallel.fork_available(), reason="workers need fork")
def test_workers_join_every_piece_in_input_order_with_the_duplicates(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 512)  # many pieces
    job = Lines()
    path = cohort(tmp_path, 3000, duplicate_of={2500: 10, 2999: 2500})
    with open_records(path) as reader:
        drive(reader, job, workers=2)
    assert job.here_lines == [] and len(job.joined) > 2
    assert [line for piece in job.joined for line in piece] == list(range(2, 3002))
    # the first line of each duplicate student, in file order (line = index + 2)
    assert job.duplicates == {2502: 12, 3001: 12}


def test_a_file_that_cannot_be_cut_runs_in_one_process(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes((HEADER + "1;P;40\n2;P;41\n").replace("\n", "\r").encode())  # bare CR line ends
    job = Lines()
    with open_records(path) as reader:
        drive(reader, job, workers=4)
    assert job.here_lines == [2, 3] and job.joined == []


def test_check_and_compare_run_through_the_driver(tmp_path, monkeypatch):
    """Every check format and compare hand their rows to drive(), the one choice of where rows run."""
    from typer.testing import CliRunner

    from bsa_check.cli import app

    seen: list[tuple[str, int]] = []
    real = drive_module.drive

    def spy(reader, job, workers=1):
        seen.append((type(job).__name__, workers))
        return real(reader, job, workers)

    monkeypatch.setattr(drive_module, "drive", spy)
    path = Path(__file__).resolve().parents[2] / "examples" / "students.csv"
    for fmt in ("text", "json", "jsonl", "csv"):
        result = CliRunner().invoke(app, ["check", str(path), "--format", fmt, "--as-of", "2026-08-20",
                                          "--workers", "2"])
        assert result.exit_code in (0, 1), result.output
    result = CliRunner().invoke(app, ["compare", str(path), "--rules", "ho-current", "--rules", "ho-proposed-2023",
                                      "--as-of", "2026-08-20", "--workers", "2"])
    assert result.exit_code in (0, 1), result.output
    assert seen == [("ResultsJob", 1), ("RenderedJob", 2), ("RenderedJob", 2), ("RenderedJob", 2),
                    ("CompareJob", 2)]
