"""Issue 18 review, item 2: compare's text report fits the width (COLUMNS or the terminal), words
whole. Before, it was laid out for 200 columns on a pipe whatever COLUMNS said (lines of 135
characters at COLUMNS=80); a table too wide for the width is now stacked, a row per block."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from bsa_check.report.layout import cells
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
THIRD = str(ROOT / "tests" / "data" / "rules" / "valid" / "extends_ho_current.yaml")
BOX = set("─│█▒·→↓")


def _compare(lang: str, columns: int, *rules: str) -> str:
    rules = rules or ("ho-current", "ho-proposed-2023")
    args = ["compare", str(EXAMPLES / "students.csv"), "--as-of", "2026-08-20", "--lang", lang, "--list-changed"]
    for r in rules:
        args += ["--rules", r]
    result = runner.invoke(app, args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, (args, result.output)
    return result.stdout


def _words(text: str) -> set[str]:
    """The words of ``text``, without the punctuation a stacked layout adds around them."""
    return {w.strip(".,:;()[]") for w in text.split() if not set(w) <= BOX} - {""}


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("columns", [80, 60])
def test_compare_text_fits_the_width_with_whole_words(lang: str, columns: int) -> None:
    narrow = _compare(lang, columns)
    assert max(cells(line) for line in narrow.splitlines()) <= columns
    wide = _compare(lang, 1000)
    cut = _words(narrow) - _words(wide)
    assert not cut, sorted(cut)[:10]  # every word at the narrow width is a whole word of the wide report
    assert "…" not in narrow


def test_three_rule_sets_fit_80_columns() -> None:
    out = _compare("en", 80, "ho-current", "ho-proposed-2023", THIRD)
    assert max(cells(line) for line in out.splitlines()) <= 80
    assert not _words(out) - _words(_compare("en", 1000, "ho-current", "ho-proposed-2023", THIRD))
