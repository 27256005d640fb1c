"""The streamed text report's layout (issue 18 item 1), on generated cells and widths: no line is
wider than the width, and no word is cut unless it is longer than the line it must fit on."""

from __future__ import annotations

import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from bsa_check.engine.compile import compile_ruleset
from bsa_check.records.opener import open_records
from bsa_check.report import make_reporter
from bsa_check.report.layout import hang, wrap
from bsa_check.ruleset.load import load
from bsa_check.service import results
from tests.conftest import EXAMPLES

WORD = st.one_of(st.text("abcdefghij0123456789.,;()[]-_", min_size=1, max_size=14),
                 st.text("éëü日本語€Ω", min_size=1, max_size=6),
                 st.text("x", min_size=30, max_size=90))
TEXT = st.lists(WORD, max_size=30).map(" ".join)
AS_OF = date(2026, 8, 20)


@settings(max_examples=300, deadline=None)
@given(text=TEXT, width=st.integers(2, 120))  # a wide character needs two cells
def test_wrap_keeps_every_word_and_the_width(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    words = text.split()
    if all(cell_len(w) <= width for w in words):
        assert " ".join(lines).split() == words  # every word whole, in order
    else:
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")  # folded, nothing lost


@settings(max_examples=100, deadline=None)
@given(text=TEXT, width=st.integers(10, 120), indent=st.integers(0, 8))
def test_hang_indents_within_the_width(text: str, width: int, indent: int) -> None:
    lines = hang(text, width, indent)
    assert all(cell_len(line) <= width for line in lines)
    assert all(line.startswith(" " * indent) for line in lines[1:])


@pytest.fixture(scope="module")
def example_results() -> list:  # type: ignore[type-arg]
    rs = compile_ruleset(load("ho-current"))
    with open_records(EXAMPLES / "students.csv") as reader:
        return [rs, [r for r in results(reader, rs, AS_OF) if r.verdict is not None]]


class _File(io.StringIO):
    def isatty(self) -> bool:
        return False


@settings(max_examples=60, deadline=None)
@given(width=st.integers(20, 240), ids=st.lists(WORD, min_size=1, max_size=90),
       programmes=st.lists(TEXT.filter(bool), min_size=1, max_size=5), lang=st.sampled_from(["en", "nl"]))
def test_every_row_fits_the_width(example_results: list, width: int, ids: list[str],  # type: ignore[type-arg]
                                  programmes: list[str], lang: str) -> None:
    rs, rows = example_results
    out = _File()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", str(width))
        patch.delenv("FORCE_COLOR", raising=False)
        reporter = make_reporter("text", out, rs, AS_OF, lang, "students.csv")
        reporter.start()
        for i, sid in enumerate(ids):
            r = rows[i % len(rows)]
            reporter.add(r._replace(student_id=sid, programme=programmes[i % len(programmes)], key=None))
        reporter.finish()
    text = out.getvalue()
    assert max(cell_len(line) for line in text.split("\n")) <= width
    # Every student number is whole unless longer than the room it has: a line less the indent
    # (stacked), or its column (table: as wide as the first rows' numbers, at least its header).
    room = width - 4 if reporter.stacked else reporter.widths[1]  # type: ignore[attr-defined]
    lines = text.split("\n")
    for sid in ids:
        if cell_len(sid) <= room:
            assert any(sid in line for line in lines), (sid, room)
