"""Issue 18 review, item 3: explain wraps its long lines at word boundaries, with a hanging indent,
at the width (COLUMNS, else the terminal); a file or pipe without COLUMNS keeps one line per line
(the explain goldens, unchanged)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.report.layout import cells, hang_line
from tests.acceptance.test_text_out import on_a_terminal
from tests.conftest import EXAMPLES

runner = CliRunner()
ARGS = ["explain", str(EXAMPLES / "students.csv"), "900002", "--as-of", "2026-08-20",
        "--rules", "ho-current", "--rules", "ho-proposed-2023"]


def _explain(lang: str, env: dict[str, str]) -> str:
    result = runner.invoke(app, [*ARGS, "--lang", lang], env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("columns", [80, 50])
def test_explain_fits_columns_with_whole_words(lang: str, columns: int) -> None:
    wide = _explain(lang, {"COLUMNS": None})  # type: ignore[dict-item]
    narrow = _explain(lang, {"COLUMNS": str(columns)})
    assert max(cells(line) for line in wide.splitlines()) > columns  # something to wrap
    assert max(cells(line) for line in narrow.splitlines()) <= columns
    assert narrow.split() == wide.split()  # the same words, none cut, in the same order


def test_a_terminal_of_80_columns_gets_wrapped_lines() -> None:
    code, out, _ = on_a_terminal([*ARGS, "--lang", "en"], 80)
    assert code == 0
    lines = out.replace("\r\n", "\n").splitlines()
    assert lines and max(cells(line) for line in lines) <= 80


def test_hang_line_keeps_the_indent_and_hangs_past_a_number() -> None:
    lines = hang_line("  12. " + "word " * 30, 40)
    assert lines[0].startswith("  12. word") and all(line.startswith("      word") for line in lines[1:])
    assert all(cells(line) <= 40 for line in lines)
