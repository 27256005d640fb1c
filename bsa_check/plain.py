"""Plain output written straight to a file, byte for byte as rich writes it there.

Issue 8 (start-up): rich's general layout machinery (measuring, padding and cropping every cell
as segments) took about as long as the rest of a check of the example file. This module redoes,
for the one case the text report needs, what rich does when it writes a ``Table(box=SIMPLE_HEAD,
title_justify="left")`` to a file that is not a terminal, with a fixed width: no colour, one cell
per character. It follows rich's own steps (``Table._calculate_column_widths``,
``Text.wrap``/``divide_line``, ``Lines.justify``, ``Text.truncate``) and uses rich's
``ratio_reduce`` and ``divide_line``, so the output is the same bytes.

The CLI's one-line messages on stderr (``Text`` printed by a soft-wrapping console) likewise:
:class:`LazyText` is a rich ``Text`` made on demand, and :func:`stderr_console` writes it as the
line rich would write when stderr is a plain file or pipe.

Anything outside that case returns ``None`` (or goes to rich): a terminal, a colour forced by the
environment, Windows, text rich would read as markup or emoji, characters that are not one cell
wide, tabs and control characters. tests/property/test_plain_table.py checks, on generated
tables, that whatever this renders equals rich's output.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Sequence

# One cell per character in every Unicode version rich knows: printable ASCII and Latin-1 letters
# and signs (not the no-break space, which is whitespace to Python, nor the soft hyphen).
_SAFE = re.compile(r"[\x20-\x7e\xa1-\xac\xae-\xff]*")
_MARKUP_TAG = re.compile(r"""((\\*)\[([a-z#/@][^[]*?)])""")  # rich.markup.RE_TAGS
_EMOJI = re.compile(r"(:(\S*?)(?:(?:\-)(emoji|text))?:)")  # rich._emoji_replace: a :name: code
_TRAILING_SPACE = re.compile(r"\s+$")  # rich.text._re_whitespace
# Environment variables that make rich treat a file as a terminal (and so colour it).
_TERMINAL_ENV = ("FORCE_COLOR", "TTY_COMPATIBLE", "DATABRICKS_RUNTIME_VERSION")


class Column:
    __slots__ = ("header", "justify", "cells")

    def __init__(self, header: str, justify: str = "left") -> None:
        self.header = header
        self.justify = justify
        self.cells: list[str] = []


def plain_text(value: str, *, markup: bool = True) -> bool:
    """Whether rich would print ``value`` unchanged, one cell per character (``markup``: it is a str
    rich reads as markup, not a ``Text``)."""
    if _SAFE.fullmatch(value) is None:
        return False
    if markup and ("\\[" in value or _MARKUP_TAG.search(value) is not None):
        return False
    return not (markup and _EMOJI.search(value) is not None)


def file_is_plain(out: Any) -> bool:
    """Whether rich would write to ``out`` without colour or terminal sizing, in UTF-8."""
    try:
        if out.isatty():
            return False
    except (AttributeError, ValueError, OSError):
        return False
    if sys.platform == "win32" or any(name in os.environ for name in _TERMINAL_ENV):
        return False
    import builtins

    if hasattr(builtins, "get_ipython"):  # rich may treat a notebook as a colour terminal
        return False
    return (getattr(out, "encoding", "utf-8") or "utf-8").lower().startswith("utf")


def _wrap(text: str, width: int, justify: str, overflow: str) -> list[str]:
    """rich ``Text.wrap`` of one line of single-cell text (no tabs, no newlines)."""
    from rich._wrap import divide_line

    offsets = divide_line(text, width, fold=overflow == "fold")
    bounds = [0, *offsets, len(text)]
    lines = [text[a:b] for a, b in zip(bounds, bounds[1:])] if offsets else [text]
    out = []
    for line in lines:
        if len(line) > width:  # Text.rstrip_end
            match = _TRAILING_SPACE.search(line)
            if match is not None:
                line = line[: len(line) - min(len(match.group(0)), len(line) - width)]
        if justify == "left":
            line = _truncate(line, width, overflow, pad=True)
        elif justify == "right":
            line = _truncate(line.rstrip(), width, overflow)
            line = " " * (width - len(line)) + line if width - len(line) > 0 else line
        out.append(_truncate(line, width, overflow))
    return out


def _truncate(line: str, width: int, overflow: str, pad: bool = False) -> str:
    """rich ``Text.truncate`` for single-cell text."""
    length = len(line)
    if length > width:
        line = (line[: max(width - 1, 0)] + "…") if overflow == "ellipsis" else line[: max(width, 0)]
    if pad and length < width:
        line = line + " " * (width - length)
    return line


def _normalize(lo: int, hi: int) -> tuple[int, int]:
    """rich ``Measurement.normalize``."""
    lo = min(max(0, lo), hi)
    return max(0, lo), max(0, max(lo, hi))


def _measure(text: str, width: int) -> tuple[int, int]:
    """rich ``Measurement.get`` of a table cell (``Padding((0, 1))`` around ``text``) at most ``width``."""
    if width < 1:
        return 0, 0
    if width - 2 < 1:  # Padding.__rich_measure__
        lo, hi = width, width
    else:  # the text, measured with the same options (rich 15), then the padding added
        words = text.split()
        lo, hi = _normalize(max(len(w) for w in words) if words else len(text), len(text))
        lo, hi = min(lo, width), min(hi, width)
        lo, hi = (0, 0) if hi < 1 else _normalize(lo, hi)
        lo, hi = min(lo + 2, width), min(hi + 2, width)
    lo, hi = _normalize(lo, hi)
    lo, hi = min(lo, width), min(hi, width)
    return (0, 0) if hi < 1 else _normalize(lo, hi)


def _column_width(column: Column, width: int) -> int:
    """rich ``Table._measure_column(...).maximum``."""
    if width < 1:
        return 0
    cells = [column.header, *column.cells]
    return min(max(_measure(c, width)[1] for c in cells), width)


def _collapse_widths(widths: list[int], max_width: int) -> list[int]:
    """rich ``Table._collapse_widths`` with every column wrappable."""
    from rich._ratio import ratio_reduce

    total_width = sum(widths)
    excess_width = total_width - max_width
    while total_width and excess_width > 0:
        max_column = max(widths)
        second_max_column = max(w if w != max_column else 0 for w in widths)
        column_difference = max_column - second_max_column
        ratios = [1 if w == max_column else 0 for w in widths]
        if not any(ratios) or not column_difference:
            break
        max_reduce = [min(excess_width, column_difference)] * len(widths)
        widths = ratio_reduce(excess_width, ratios, max_reduce, widths)
        total_width = sum(widths)
        excess_width = total_width - max_width
    return widths


def _widths(columns: Sequence[Column], max_width: int) -> list[int]:
    """rich ``Table._calculate_column_widths`` (no expand, no fixed or minimum widths)."""
    from rich._ratio import ratio_reduce

    widths = [_column_width(c, max_width) or 1 for c in columns]
    table_width = sum(widths)
    if table_width > max_width:
        widths = _collapse_widths(widths, max_width)
        table_width = sum(widths)
        if table_width > max_width:
            widths = ratio_reduce(table_width - max_width, [1] * len(widths), widths, widths)
        widths = [_column_width(c, w) for w, c in zip(widths, columns)]
    return widths


def _cell_lines(text: str, width: int, justify: str) -> list[str]:
    """A padded (0, 1) cell, as lines of exactly ``width`` characters (rich ``Padding``)."""
    inner = width - 2
    return [" " + line + " " for line in _wrap(text, inner, justify, "ellipsis")]


def render_table(title: str, columns: Sequence[Column], console_width: int) -> str | None:
    """The table as rich prints it (title left-justified, box SIMPLE_HEAD, edge and header shown), or
    ``None`` where this renderer does not promise rich's bytes."""
    n = len(columns)
    if n == 0 or len({len(c.cells) for c in columns}) != 1:
        return None
    extra = 2 + (n - 1)
    widths = _widths(columns, console_width - extra)
    if any(w < 3 for w in widths):  # a cell narrower than its padding: leave it to rich
        return None
    table_width = sum(widths) + extra
    if table_width > console_width:
        return None
    out = []
    if title:
        out.extend(_wrap(title, table_width, "left", "fold"))
    out.append(" " * table_width)  # top edge: SIMPLE_HEAD's top row is blank
    rows = [[c.header for c in columns]] + [[c.cells[i] for c in columns] for i in range(len(columns[0].cells))]
    for index, row in enumerate(rows):
        cells = [_cell_lines(text, w, c.justify) for text, w, c in zip(row, widths, columns)]
        height = max(len(lines) for lines in cells)
        for lines, w in zip(cells, widths):
            blank = [" " * w] * (height - len(lines))
            lines[:] = (blank + lines) if index == 0 else (lines + blank)  # header: bottom-aligned
        for k in range(height):
            out.append(" " + " ".join(lines[k] for lines in cells) + " ")
        if index == 0:
            out.append(" " + "─".join("─" * w for w in widths) + " ")
    out.append(" " * table_width)  # bottom edge
    return "".join(line[:console_width] + "\n" for line in out)


def render_banner(text: str, console_width: int) -> str:
    """A ``Text`` printed on its own (justify and overflow by default), as rich writes it."""
    return "".join(line[:console_width] + "\n" for line in _wrap(text, console_width, "default", "fold"))


class LazyText:
    """``rich.text.Text(text, style=...)``, built only when rich renders it (``__rich__``)."""

    __slots__ = ("args", "kwargs")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs

    def __rich__(self) -> Any:
        from rich.text import Text

        return Text(*self.args, **self.kwargs)

    def plain_line(self) -> str | None:
        """The text when rich would print it unchanged on one line, else None."""
        text = self.args[0] if len(self.args) == 1 and not self.kwargs.keys() - {"style"} else None
        return text if isinstance(text, str) and plain_text(text, markup=False) else None


class _PlainStderr:
    """The CLI's stderr console (``Console(stderr=True, highlight=False, soft_wrap=True)``) while stderr
    is a plain file: a :class:`LazyText` is written as its line; anything else goes to rich."""

    def print(self, *objects: Any, style: Any = None) -> None:
        line = objects[0].plain_line() if len(objects) == 1 and isinstance(objects[0], LazyText) else None
        if line is None:
            rich_stderr().print(*objects, style=style)
            return
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def rich_stderr() -> Any:
    """Messages are one line each (for grep) except on a terminal, where rich wraps them at spaces to its
    width: the terminal itself would fold a long note mid-word."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=not _isatty(sys.stderr))


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no stream, or a closed one
        return False


def stderr_console() -> Any:
    """A console for messages on stderr: plain while stderr is a plain file, else rich's."""
    return _PlainStderr() if file_is_plain(sys.stderr) else rich_stderr()
