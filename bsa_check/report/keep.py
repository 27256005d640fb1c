"""``--keep-columns NAME,...`` / ``--keep-all`` (issue 18 item 3): the export's own columns (name,
e-mail, mentor...) carried through to the csv and xlsx output, so the result can be mail-merged.

Owns: checking the options against the format (one that ``keeps_columns``: csv and xlsx, BSA440) and against
``--pseudonymize`` (kept columns are personal data: BSA442), resolving the names against the
export's header (case- and space-insensitive; an unknown name is refused naming the available
columns, BSA441), and writing a kept cell for the output (``cell_text``: CSV for Excel gets a
decimal comma and dd-mm-jjjj dates from a workbook's typed cells).

Personal data: nothing of the export beyond the verdict's own columns is written unless the user
names it here; no kept value appears in a message.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from bsa_check.errors import Location, UsageError
from bsa_check.formats import CHECK_FORMATS

_DECIMAL = re.compile(r"-?\d+\.\d+")


def refuse(names: str | None, keep_all: bool, fmt: str, pseudonymized: bool) -> bool:
    """Whether columns are to be kept; refuse a format that cannot carry them, or pseudonyms."""
    if names is None and not keep_all:
        return False
    option = "--keep-all" if keep_all else "--keep-columns"
    if not CHECK_FORMATS[fmt].keeps_columns:
        raise UsageError(f"carries the export's columns into csv or xlsx output only; the format is {fmt}",
                         code="BSA440", location=Location(option),
                         hint="add --format csv or --format xlsx (or an --output file ending in .csv or .xlsx)")
    if pseudonymized:
        raise UsageError("would write the export's own columns next to pseudonymized student numbers",
                         code="BSA442", location=Location(option),
                         hint="leave out --pseudonymize, or leave out the kept columns")
    return True


def _norm(name: str) -> str:
    return " ".join(str(name).split()).casefold()


def distinct(ours: list[str], kept: list[str]) -> list[str]:
    """The kept headings as written beside ``ours``: one that repeats one of ours or an earlier kept one
    (case and spaces aside) gets ``(export)``, then ``(export 2)``..., so every heading names one column
    (``--keep-all`` brings the export's own ``studentnummer`` next to the verdict's)."""
    taken = {_norm(h) for h in ours}
    out: list[str] = []
    for heading in kept:
        name, n = heading, 1
        while _norm(name) in taken:
            name = f"{heading} (export)" if n == 1 else f"{heading} (export {n})"
            n += 1
        taken.add(_norm(name))
        out.append(name)
    return out


def resolve(names: str | None, keep_all: bool, headers: list[Any], source: str, header_line: int) -> list[int]:
    """The 0-based columns to keep, in the order asked (``--keep-all``: every named column)."""
    shown = [str(h).strip() if h is not None else "" for h in headers]
    if keep_all:
        return [i for i, h in enumerate(shown) if h]
    by_name: dict[str, int] = {}
    for i, h in enumerate(shown):
        if h:
            by_name.setdefault(_norm(h), i)
    wanted = [part.strip() for part in (names or "").split(",") if part.strip()]
    unknown = [name for name in wanted if _norm(name) not in by_name]
    if unknown or not wanted:
        from difflib import get_close_matches

        what = ", ".join(repr(name) for name in unknown) if unknown else "no column"
        near = get_close_matches(unknown[0], [h for h in shown if h], n=1) if unknown else []
        available = ", ".join(h for h in shown if h)
        hint = (f"did you mean {near[0]}? the columns are {available}" if near
                else f"the columns are {available}")
        raise UsageError(f"--keep-columns names {what}, not a column of the export", code="BSA441",
                         location=Location(source, header_line), hint=hint)
    out: list[int] = []
    for name in wanted:
        index = by_name[_norm(name)]
        if index not in out:
            out.append(index)
    return out


def headers_of(indexes: list[int], headers: list[Any]) -> list[str]:
    return [str(headers[i]).strip() for i in indexes]


def cell_text(value: Any, excel: bool) -> str:
    """A kept cell as CSV text: text as read; a workbook's number or date in the output's style."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, datetime):
        value = value.date() if (value.hour, value.minute, value.second) == (0, 0, 0) else value
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.strftime("%d-%m-%Y") if excel else value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        return text.replace(".", ",") if excel else text
    text = str(value)
    if excel and _DECIMAL.fullmatch(text):  # a decimal point Dutch Excel would not read as a number
        return text.replace(".", ",")
    return text
