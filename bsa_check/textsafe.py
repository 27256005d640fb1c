"""Text from outside (cells, rule-file texts, file names) made safe to show: the one escaping function.

Cells and rule texts are data. On a terminal, a control character is an instruction: ESC starts
a sequence that can clear the screen, set the window title or turn a student number into a
hyperlink (OSC 8); BEL, backspace and carriage return rewrite what was printed; C1 characters
(U+0080-U+009F) are the same controls in 8-bit form (U+009B is CSI); bidirectional overrides make
a text read differently from what it holds. :func:`visible` writes each such character as a
visible escape (``\\x1b``, ``\\x9b``, ``\\u202e``), so it shows what the cell holds and does
nothing. A lone surrogate (a file name byte that is not UTF-8, decoded by Python with
``surrogateescape``) is written as the byte it stands for (``\\xff``) instead of breaking the
encoder.

Every human-readable renderer passes external text through :func:`visible` and hands it to rich
as a ``Text`` (never as a markup string), so ``[/bold]`` in a cell is printed as those characters
and never read as markup (tests/unit/test_terminal_safety.py). Machine formats escape the same
characters their own way (JSON: ``\\u`` escapes, lossless; see ``report/machine.py``).

This module imports nothing heavy (start-up: the CLI imports it for every message).
"""

from __future__ import annotations

import re

# C0 (tabs and line breaks included: a cell or a one-line message never needs them raw), DEL, C1,
# the bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators,
# and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, bidi-override and lone-surrogate character written as a visible escape."""
    if text.isprintable():  # the common case, in C: letters, digits, punctuation and the space
        return text
    return _UNSAFE.sub(_escape, text)


# --- a terminal that is not UTF-8 -------------------------------------------------------------------

# The tool's own symbols, as ASCII, for a standard output or error whose encoding (a non-UTF-8
# locale, PYTHONIOENCODING=latin-1) cannot write them. Any other character is written as a
# backslash escape: the output stays readable and nothing raises UnicodeEncodeError.
ASCII_FALLBACK = {
    "↓": "v", "↑": "^", "→": "->", "←": "<-", "✗": "x", "✓": "ok", "✔": "ok", "✘": "x", "—": "--", "–": "-",
    "…": "...", "─": "-", "━": "-", "│": "|", "█": "#", "▒": "+", "░": ".", "·": ".", "•": "*", "⚠": "!",
    "\ufe0f": "", "≥": ">=", "≤": "<=", "≠": "!=", "€": "EUR", "‘": "'", "’": "'", "“": '"', "”": '"',
    "\u00a0": " ", "×": "x",
}
ERROR_HANDLER = "bsa-check-ascii"


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    out = []
    for ch in exc.object[exc.start:exc.end]:
        sub = ASCII_FALLBACK.get(ch)
        if sub is None:
            code = ord(ch)
            sub = f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else (
                f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        out.append(sub)
    return "".join(out), exc.end


def ascii_fallback_streams() -> None:
    """Make standard output and error write :data:`ASCII_FALLBACK` (else a backslash escape) for a
    character their encoding cannot write, instead of failing with UnicodeEncodeError. UTF-8 streams
    are left as they are."""
    import codecs
    import sys

    try:
        codecs.lookup_error(ERROR_HANDLER)
    except LookupError:
        codecs.register_error(ERROR_HANDLER, _fallback)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("_", "-")
        if encoding.startswith("utf") or not hasattr(stream, "reconfigure"):
            continue
        try:
            stream.reconfigure(errors=ERROR_HANDLER)
        except (ValueError, OSError, AttributeError):  # a closed or replaced stream: leave it
            pass


# JSON (ensure_ascii=False) escapes C0 itself; these it writes raw: DEL and C1 (terminal controls),
# the bidi marks and overrides, the line and paragraph separators (line breaks to some readers), and lone surrogates (a file name
# byte that is not UTF-8, which would make the document unwritable). Escaped as \\u sequences the
# document stays lossless: json.loads gives back the same string.
JSON_ESCAPES = str.maketrans({code: f"\\u{code:04x}" for code in
                              [*range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, *range(0x202A, 0x202F),
                               *range(0x2066, 0x206A), *range(0xD800, 0xE000)]})


def first_control(text: str) -> str | None:
    """The first character of ``text`` that :func:`visible` escapes, line feed and tab excepted
    (a rule text may have lines); ``None`` when there is none."""
    if text.isprintable():
        return None
    for match in _UNSAFE.finditer(text):
        if match.group() not in "\n\t":
            return match.group()
    return None


def visible_problem(problem):  # type: ignore[no-untyped-def]
    """A ``bsa_check.problems.Problem`` with its message, hint and file name escaped by :func:`visible`
    (validate's formats print them as they are)."""
    import dataclasses

    loc = problem.location
    return dataclasses.replace(
        problem, message=visible(problem.message), hint=visible(problem.hint) if problem.hint else problem.hint,
        location=dataclasses.replace(loc, file=visible(loc.file),
                                     column_name=visible(loc.column_name) if loc.column_name else loc.column_name))
