"""Plain-text layout for the streamed text report: the output's width, word wrapping, colour.

Owns: the width the text report lays out for (``COLUMNS`` when set, else the terminal's width,
else :data:`FILE_WIDTH` for a file or pipe), wrapping text at word boundaries to a number of
terminal cells (a word longer than the line is folded, the only case a word is cut), padding to a
width in cells, and the SGR colour codes of the outcomes on a terminal.

Must not: see any text that has not been through ``textsafe.visible`` (callers escape control
characters first, so every character here is printable), or import rich at module level (start-up).
"""

from __future__ import annotations

import os
from typing import Any

FILE_WIDTH = 200  # the width on a file or pipe when COLUMNS is not set
MIN_WIDTH = 20  # narrower than this, lines are laid out for this width anyway

# The outcome styles (rich style names before) as SGR parameters.
SGR = {
    "positive": "32",
    "negative": "1;31",
    "negative_advisory": "31",
    "procedure_incomplete": "33",
    "needs_review": "35",
    "postponed": "36",
    "no_advice": "2",
    "not_yet_due": "2",
    "interim": "36",
}
BOLD = "1"


def output_width(out: Any) -> int:
    """The width to lay out for: ``COLUMNS`` (on a terminal and on a pipe alike), else the
    terminal's width, else :data:`FILE_WIDTH`."""
    width = text_width(out)
    return FILE_WIDTH if width is None else width


def wants_colour(out: Any) -> bool:
    """Colour as rich decides it: ``NO_COLOR`` never, ``FORCE_COLOR`` always, else on a terminal
    that is not ``TERM=dumb``."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def paint(text: str, sgr: str | None) -> str:
    return f"\x1b[{sgr}m{text}\x1b[0m" if sgr and text else text


def cells(text: str) -> int:
    """The width of ``text`` in terminal cells (wide characters count two, combining ones none)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def pad(text: str, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` cells (on the left when ``right``)."""
    fill = width - cells(text)
    if fill <= 0:
        return text
    return " " * fill + text if right else text + " " * fill


def _fold(word: str, width: int) -> list[str]:
    """A word longer than ``width`` cells cut into pieces of at most ``width`` cells."""
    pieces: list[str] = []
    piece = ""
    for ch in word:
        if piece and cells(piece + ch) > width:
            pieces.append(piece)
            piece = ""
        piece += ch
    if piece:
        pieces.append(piece)
    return pieces


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` cells, broken at spaces; a word longer than a line is
    folded. Runs of spaces between words become one space at a break; never an empty list."""
    width = max(width, 1)
    if cells(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split():
        size = cells(word)
        if size > width:
            if line:
                lines.append(line)
            *whole, line = _fold(word, width)
            lines.extend(whole)
            continue
        if not line:
            line = word
        elif cells(line) + 1 + size <= width:
            line = f"{line} {word}"
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def text_width(out: Any) -> int | None:
    """The width to wrap a text report for: ``COLUMNS``, else the terminal's width, else None (a
    file or pipe without ``COLUMNS``: lines are not wrapped)."""
    env = os.environ.get("COLUMNS", "").strip()
    if env.isdigit() and int(env) > 0:
        return max(int(env), MIN_WIDTH)
    try:
        if out.isatty():
            return max(os.get_terminal_size(out.fileno()).columns, MIN_WIDTH)
    except (AttributeError, ValueError, OSError):
        pass
    return None


def hang_line(line: str, width: int, extra: int = 2) -> list[str]:
    """``line`` wrapped to ``width`` at word boundaries, keeping its leading spaces; the lines after
    the first indented ``extra`` more (a hanging indent), or past a leading ``12.`` or ``-`` marker."""
    if cells(line) <= width:
        return [line]
    body = line.lstrip(" ")
    marker = body.split(" ", 1)[0]
    if marker in ("-", "*", "•") or (marker.endswith(".") and marker[:-1].isdigit()):
        extra = len(marker) + 1
    lead = min(len(line) - len(body), max(width // 2, 0))
    first, *rest = wrap(body, width - lead)
    if not rest:
        return [" " * lead + first]
    inner = min(lead + extra, max(width // 2, 0))
    return [" " * lead + first, *(" " * inner + part for part in wrap(" ".join(rest), width - inner))]


def hang(text: str, width: int, indent: int) -> list[str]:
    """``text`` wrapped to ``width`` with every line after the first indented by ``indent`` spaces."""
    first, *rest = wrap(text, width)
    if not rest:
        return [first]
    return [first, *(" " * indent + line for line in wrap(" ".join(rest), width - indent))]
