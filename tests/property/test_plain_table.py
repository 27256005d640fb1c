"""The text report's plain-file table renderer (bsa_check/plain.py) writes rich's bytes.

Whatever ``render_table`` or ``render_banner`` renders (it may decline with ``None``) must equal
what rich writes for the same table to a non-terminal file: generated titles, headers, cells (short
and long words, empty cells, markup- and emoji-like text, non-Latin-1 characters), row counts,
justification and console widths.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from bsa_check.plain import Column, plain_text, render_banner, render_table

PLAIN_WORD = st.one_of(
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12),
    st.text("abcXYZ0123456789.,;()'-éëü", min_size=1, max_size=40),
    st.sampled_from(["[WHW art. 7.8b lid 3]", "[OER:", "a:b", "EC", "45", "2026-08-15.", "(UU, VU, TU Delft);"]),
)
# rich reads these as markup or emoji, or they are not one cell per character: the renderer declines
ODD_WORD = st.sampled_from(["[bold]x", "\\[x", ":smile:", "12:30:00", "ε", "日本", "x\u00a0y", "tab\there", "…"])
SEP = st.sampled_from([" ", " ", " ", "  ", ""])


@st.composite
def cell(draw) -> str:  # type: ignore[no-untyped-def]
    odd = draw(st.integers(0, 29)) == 0
    words = draw(st.lists(st.one_of(PLAIN_WORD, ODD_WORD) if odd else PLAIN_WORD, max_size=25))
    text = ""
    for w in words:
        text += w + draw(SEP)
    return text if draw(st.booleans()) else text.strip()


def rich_output(title: str, headers: list[tuple[str, str]], rows: list[list[str]], width: int,
                text_column: int | None) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, highlight=False)
    table = Table(title=title, box=box.SIMPLE_HEAD, show_lines=False, title_justify="left")
    for i, (header, justify) in enumerate(headers):
        table.add_column(header, justify=justify, ratio=1 if i == len(headers) - 1 else None)
    for row in rows:
        table.add_row(*[Text(v, style="bold red") if i == text_column else v for i, v in enumerate(row)])
    console.print(table)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(title=cell(), n_columns=st.integers(1, 7), data=st.data(), width=st.sampled_from([200, 80, 40, 20, 12]))
def test_plain_table_is_rich_table(title: str, n_columns: int, data, width: int) -> None:  # type: ignore[no-untyped-def]
    headers = [(data.draw(cell()), data.draw(st.sampled_from(["left", "right"]))) for _ in range(n_columns)]
    rows = data.draw(st.lists(st.lists(cell(), min_size=n_columns, max_size=n_columns), max_size=5))
    text_column = data.draw(st.one_of(st.none(), st.integers(0, n_columns - 1)))
    columns = [Column(h, j) for h, j in headers]
    for row in rows:
        for c, v in zip(columns, row):
            c.cells.append(v)
    texts = [title, *(h for h, _ in headers)] + [v for row in rows for i, v in enumerate(row) if i != text_column]
    plain = all(plain_text(v) for v in texts) and all(plain_text(row[text_column], markup=False)
                                                       for row in rows if text_column is not None)
    ours = render_table(title, columns, width) if plain else None
    if ours is not None:
        assert ours == rich_output(title, headers, rows, width, text_column)


def test_the_example_report_takes_the_plain_path() -> None:
    """The property above must not pass by always declining: a report-like table renders."""
    columns = [Column("line", "right"), Column("student"), Column("reason")]
    for i in range(3):
        columns[0].cells.append(str(i + 2))
        columns[1].cells.append(f"90000{i}")
        columns[2].cells.append("44.5 EC earned; the norm is 45 EC: binding negative advice (rejection). " * 4
                                + "[WHW art. 7.8b lid 3]")
    ours = render_table("ho-current 1.0.0 (law), as of 2026-08-20", columns, 200)
    assert ours is not None
    assert ours == rich_output("ho-current 1.0.0 (law), as of 2026-08-20",
                               [("line", "right"), ("student", "left"), ("reason", "left")],
                               [[c.cells[i] for c in columns] for i in range(3)], 200, None)


@settings(max_examples=200, deadline=None)
@given(text=cell(), width=st.sampled_from([200, 80, 20, 5]))
def test_plain_banner_is_rich_text(text: str, width: int) -> None:
    if not plain_text(text, markup=False):
        return
    out = io.StringIO()
    Console(file=out, width=width, highlight=False).print(Text(text, style="bold yellow"))
    assert render_banner(text, width) == out.getvalue()


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(cell(), st.text(max_size=30)), style=st.sampled_from(["red", "yellow", "bold red"]))
def test_plain_stderr_line_is_rich_line(text: str, style: str) -> None:
    """cli's stderr messages: the plain console writes what rich's soft-wrapping console writes."""
    import contextlib

    from bsa_check.plain import LazyText, _PlainStderr, rich_stderr

    written = []
    for console in (_PlainStderr, rich_stderr):
        buffer = io.StringIO()
        with contextlib.redirect_stderr(buffer):
            console().print(LazyText(text), style=style)
        written.append(buffer.getvalue())
    assert written[0] == written[1]
