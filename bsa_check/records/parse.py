"""Cell parsers: one function per value kind, text in, typed value out.

A parser raises :class:`CellError` with a short English description of what is wrong and what
is accepted; the reader turns that into a located :class:`~bsa_check.errors.RecordError`. The
parsers never see more than one cell and never log it.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from bsa_check.records import fields as F


class CellError(ValueError):
    """A cell's text is not a valid value of its kind. ``args[0]`` says what is accepted.

    ``code`` is the message code of the row error: BSA310 (cannot be read), or BSA314 (read,
    but outside the bounds the rule set declares).
    """

    def __init__(self, message: str, code: str = "BSA310", shown: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        # The part of the cell the message is about (e.g. one item of a long list), shown instead
        # of the whole cell.
        self.shown = shown


def bounded(parse: Callable[[str], Any], low: Any, high: Any, note: str | None = None) -> Callable[[str], Any]:
    """``parse``, then refuse a value below ``low`` or above ``high`` (either may be ``None``)."""
    why = f" ({note})" if note else ""

    def parse_bounded(text: str) -> Any:
        value = parse(text)
        if low is not None and value < low:
            raise CellError(f"is below {low}, the least the rule set allows{why}; check the value", "BSA314")
        if high is not None and value > high:
            raise CellError(f"is above {high}, the most the rule set allows{why}; check the value", "BSA314")
        return value

    return parse_bounded


_DECIMAL_RE = re.compile(r"^[+-]?(\d+([.,]\d+)?|[.,]\d+)$")
# 1.234,5 or 1,234.5 or 1.234.567: digits grouped by thousands, with a decimal part or more groups
_THOUSANDS_RE = re.compile(r"^[+-]?\d{1,3}(?:(?:\.\d{3})+,\d+|(?:,\d{3})+\.\d+|(?:\.\d{3}){2,}|(?:,\d{3}){2,})$")
MAX_DECIMALS = 2  # credits are whole, halves or quarters; 1.234 is more likely a thousands separator


def parse_decimal(text: str) -> Decimal:
    """``45``, ``44,5`` and ``44.5`` are accepted; never a float, never rounded.

    A number with a thousands separator (``1.234,5``, ``1,234.5``) or more than two decimals
    (``1.234``: 1234 in Dutch, 1.234 in English) is refused, since the two readings differ.
    """
    t = text.strip().replace(" ", "")
    if not t.isascii() or not _DECIMAL_RE.match(t):
        if t.isascii() and _THOUSANDS_RE.match(t):
            raise CellError("has a thousands separator; write the number without it, with a decimal comma or "
                            "point (e.g. 1234,5)")
        raise CellError("is not a number; write credits like 45, 44,5 or 44.5")
    sep = max(t.find(","), t.find("."))
    if sep >= 0 and len(t) - sep - 1 > MAX_DECIMALS:
        raise CellError(f"has more than {MAX_DECIMALS} decimals, so '{t[sep]}' may be a thousands separator; "
                        f"write whole or decimal credits such as 45 or 44,5, without a thousands separator")
    try:
        value = Decimal(t.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the regex already excludes this
        raise CellError("is not a number; write credits like 45, 44,5 or 44.5") from None
    if value.is_signed():
        if value:
            raise CellError("is negative; credits cannot be below 0")
        value = value.copy_abs()  # "-0" is 0 credits, shown as 0 EC (issue 15), not "-0 EC"
    return value


def parse_integer(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit()) or int(t) < 1:
        raise CellError("is not a whole number of 1 or more")
    return int(t)


def parse_count(text: str) -> int:
    t = text.strip()
    if not (t.isascii() and t.isdigit()):
        raise CellError("is not a whole number of 0 or more")
    return int(t)


# Years outside this range are typos (0202, 9999) and would overflow date arithmetic later on
# (an academic year of 9999 ends in 10000, which ``datetime.date`` cannot represent).
MIN_YEAR = 1900
MAX_YEAR = 2199

_DMY_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def parse_date(text: str) -> date:
    """``dd-mm-jjjj``, ``d-m-jjjj`` (also with ``/`` or ``.``) or ISO ``jjjj-mm-dd``."""
    t = text.strip()
    if not t.isascii():
        raise CellError("is not a date; write dd-mm-jjjj (e.g. 01-02-2026) or 2026-02-01")
    m = _ISO_RE.match(t)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _DMY_RE.match(t)
        if not m:
            raise CellError("is not a date; write dd-mm-jjjj (e.g. 01-02-2026) or 2026-02-01")
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise CellError(f"is not a plausible date; the year must be between {MIN_YEAR} and {MAX_YEAR} (dd-mm-jjjj)")
    try:
        return date(y, mo, d)
    except ValueError:
        raise CellError("is not a date that exists; check day and month (dd-mm-jjjj)") from None


_TRUE = frozenset({"yes", "y", "ja", "j", "true", "waar", "1"})
_FALSE = frozenset({"no", "n", "nee", "false", "onwaar", "0"})


def parse_boolean(text: str) -> bool:
    t = text.strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise CellError("is not yes or no; write ja/nee, yes/no, true/false, 1/0 or j/n")


_YEAR_RE = re.compile(r"^(\d{4})(?:\s*[-/]\s*(\d{4}))?$")


def parse_academic_year(text: str) -> int:
    """``2025-2026``, ``2025/2026`` or ``2025``; returns the starting calendar year."""
    m = _YEAR_RE.match(text.strip()) if text.isascii() else None
    if not m or (m[2] is not None and int(m[2]) != int(m[1]) + 1):
        raise CellError("is not an academic year; write 2025-2026 or 2025")
    year = int(m[1])
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise CellError(f"is not a plausible academic year; the starting year must be between {MIN_YEAR} and {MAX_YEAR}")
    return year


def academic_year_of(day: date) -> int:
    """The academic year (starting calendar year) containing ``day``: it runs 1 September to 31
    August. The one place this rule lives (the engine, the reader's duplicate key, letters)."""
    return day.year if day.month >= 9 else day.year - 1


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {spelling: code for code, spellings in table.items() for spelling in spellings}


_CIRCUMSTANCE_INDEX = _lookup(F.CIRCUMSTANCE_CATEGORIES)
_DECISION_INDEX = _lookup(F.DECISIONS)
_ADVICE_INDEX = _lookup(F.ADVICES)


def parse_circumstances(text: str) -> frozenset[str]:
    """``none``/``geen`` or categories of Uitvoeringsbesluit WHW 2008 art. 2.1 separated by ``|``."""
    parts = [p.strip().lower() for p in text.split("|") if p.strip()]
    if all(p in F.NONE_WORDS for p in parts):
        return frozenset()
    out = set()
    for p in parts:
        if p in F.NONE_WORDS:
            continue
        code = _CIRCUMSTANCE_INDEX.get(p)
        if code is None:
            raise CellError(
                "is not a personal circumstance listed in Uitvoeringsbesluit WHW 2008 art. 2.1; use none or one of "
                + ", ".join(F.CIRCUMSTANCE_CATEGORIES)
            )
        out.add(code)
    return frozenset(out)


def parse_circumstances_open(text: str) -> frozenset[str]:
    """MBO: no closed statutory list (domain.md §4 step 5). Known spellings map to their category;
    anything else is recorded as ``other`` so it is weighed by a person, never rejected as an error."""
    parts = [p.strip().lower() for p in text.split("|") if p.strip()]
    return frozenset(_CIRCUMSTANCE_INDEX.get(p, "other") for p in parts if p not in F.NONE_WORDS)


class CircumstanceParser:
    """Personal circumstances under rule sets that declare kinds of their own (``circumstances``:
    designated and excluded, issue 19 item 4): the statutory categories as ``parse_circumstances``
    reads them, a declared kind by its code or one of its spellings, and any other text ``other``:
    a kind that matches neither stays for a person to weigh (never an error, never a guess). A class,
    not a closure, so a plan with it can go to worker processes."""

    def __init__(self, kinds: dict[str, tuple[str, ...]]) -> None:
        index = {spelling: code for code, spellings in kinds.items() for spelling in (code, *spellings)}
        index.update(_CIRCUMSTANCE_INDEX)  # a statutory spelling always means its statutory kind
        self.index = index

    def __call__(self, text: str) -> frozenset[str]:
        parts = [p.strip().lower() for p in text.split("|") if p.strip()]
        return frozenset(self.index.get(p, "other") for p in parts if p not in F.NONE_WORDS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CircumstanceParser) and other.index == self.index

    __hash__ = None  # type: ignore[assignment]


def parse_decision(text: str) -> str | None:
    t = text.strip().lower()
    if t in F.NONE_WORDS:
        return None
    code = _DECISION_INDEX.get(t)
    if code is None:
        raise CellError("is not a decision; use postpone, accepted, rejected (uitstel, erkend, afgewezen) or leave empty")
    return code


def parse_advice(text: str) -> str:
    code = _ADVICE_INDEX.get(text.strip().lower())
    if code is None:
        raise CellError("is not an advice; use positive or negative (positief/negatief)")
    return code


def parse_units(text: str) -> frozenset[str]:
    return frozenset(p.strip() for p in text.split("|") if p.strip())


def parse_text(text: str) -> str:
    return text.strip()


PARSERS: dict[str, Callable[[str], Any]] = {
    F.TEXT: parse_text,
    F.DECIMAL: parse_decimal,
    F.INTEGER: parse_integer,
    F.COUNT: parse_count,
    F.DATE: parse_date,
    F.BOOLEAN: parse_boolean,
    F.ACADEMIC_YEAR: parse_academic_year,
    F.CIRCUMSTANCES: parse_circumstances,
    F.DECISION: parse_decision,
    F.UNITS: parse_units,
    F.ADVICE: parse_advice,
}


def parse_cell(kind: str, text: str) -> Any:
    """Parse one non-empty cell; ``None`` means "absent" (e.g. ``geen`` for a decision)."""
    return PARSERS[kind](text)


# --- unit results, circumstance effects, study modes (OER rules, domain.md §11) -------------------


class UnitResult(tuple[Any, ...]):
    """One result of a unit: ``(code, status, grade, date, ec, earlier)``.

    ``status`` is ``pass``, ``fail`` or ``exempt`` when the result is a word, ``grade`` when it is a
    grade (whether a grade passes is the rule set's pass mark, not the parser's). ``ec`` overrides
    the rule set's unit catalogue; ``earlier`` marks a result from an earlier enrolment. A plain
    tuple subclass: cheap to build per record, hashable, no pydantic.
    """

    __slots__ = ()

    def __new__(cls, code: str, status: str, grade: Decimal | None, day: date | None, ec: Decimal | None,
                earlier: bool) -> "UnitResult":
        return tuple.__new__(cls, (code, status, grade, day, ec, earlier))

    code = property(lambda self: self[0])
    status = property(lambda self: self[1])
    grade = property(lambda self: self[2])
    day = property(lambda self: self[3])
    ec = property(lambda self: self[4])
    earlier = property(lambda self: self[5])

    def __str__(self) -> str:
        return f"{self[0]}:{self[2] if self[1] == 'grade' else self[1]}"


_RESULT_WORD_INDEX = _lookup(F.RESULT_WORDS)
_EARLIER_WORDS = frozenset({"earlier", "eerder", "eerdere inschrijving", "vorige"})
_EC_RE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*ec$", re.IGNORECASE)
_GRADE_RE = re.compile(r"^\d{1,2}(?:[.,]\d{1,3})?$")
_UNIT_CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$")
_RESULTS_HINT = ("write unit results as CODE:RESULT separated by |, e.g. STAT1:7,5|MATH1:VR|PHIL1:5:20-01-2026; "
                 "RESULT is a grade 1-10 or V, O, VR; optional parts: a date, credits like 5EC, eerder")


def parse_unit_results(text: str) -> tuple[UnitResult, ...]:
    """``STAT1:7,5|MATH1:VR|PHIL1:5,4:20-01-2026|ECON1:V:7,5EC:eerder`` -> results, in cell order.

    ``geen`` / ``none`` says explicitly "no results at all"; an empty cell is a missing value instead."""
    if text.strip().lower() in ("geen", "none"):
        return ()
    out: list[UnitResult] = []
    for item in text.split("|"):
        item = item.strip()
        if not item:
            continue
        parts = [p.strip() for p in item.split(":")]
        if len(parts) < 2 or not _UNIT_CODE_RE.match(parts[0]):
            raise CellError(f"item {len(out) + 1} is not CODE:RESULT; " + _RESULTS_HINT, shown=item)
        code, result = parts[0], parts[1].lower()
        grade: Decimal | None = None
        if _GRADE_RE.match(result):
            grade = Decimal(result.replace(",", "."))
            if not Decimal(1) <= grade <= Decimal(10):
                raise CellError(f"the grade of {code} is outside 1-10; " + _RESULTS_HINT, shown=item)
            status = "grade"
        else:
            status = _RESULT_WORD_INDEX.get(result, "")
            if not status:
                raise CellError(f"the result of {code} is not a grade or V, O, VR; " + _RESULTS_HINT, shown=item)
        day: date | None = None
        ec: Decimal | None = None
        earlier = False
        for extra in parts[2:]:
            low = extra.lower()
            if low in _EARLIER_WORDS:
                earlier = True
            elif (mt := _EC_RE.match(extra)) is not None:
                ec = Decimal(mt[1].replace(",", "."))
            else:
                try:
                    day = parse_date(extra)
                except CellError:
                    raise CellError(f"the part {extra!r} of {code} is not a date, credits or eerder; "
                                    + _RESULTS_HINT, shown=item) from None
        out.append(UnitResult(code, status, grade, day, ec, earlier))
    return tuple(out)


_EFFECT_INDEX = _lookup(F.EFFECTS)
_STUDY_MODE_INDEX = _lookup(F.STUDY_MODES)
_ROLE_INDEX = _lookup(F.PROGRAMME_ROLES)
_GROUND_INDEX = _lookup(F.NEGATIVE_GROUNDS)


def parse_effect(text: str) -> str | None:
    t = text.strip().lower()
    if t in F.NONE_WORDS:
        return None
    code = _EFFECT_INDEX.get(t)
    if code is None:
        raise CellError("is not an effect of recognised circumstances; use postpone, reduce_norm, no_negative or "
                        "committee (uitstel, normverlaging, geen negatief advies, commissie)")
    return code


def parse_study_mode(text: str) -> str:
    code = _STUDY_MODE_INDEX.get(text.strip().lower())
    if code is None:
        raise CellError("is not a study mode; use voltijd, deeltijd or duaal (full_time, part_time, dual)")
    return code


def parse_programme_role(text: str) -> str | None:
    t = text.strip().lower()
    if t in F.NONE_WORDS:
        return None
    code = _ROLE_INDEX.get(t)
    if code is None:
        raise CellError("is not a programme role; use hoofdopleiding or nevenopleiding (main, side)")
    return code


def parse_negative_ground(text: str) -> str | None:
    t = text.strip().lower()
    if t in F.NONE_WORDS:
        return None
    code = _GROUND_INDEX.get(t)
    if code is None:
        raise CellError("is not a ground of a negative advice; use studievoortgang, alleen aanwezigheid or beide "
                        "(study_progress, attendance_only, both)")
    return code


PARSERS[F.RESULTS] = parse_unit_results
PARSERS[F.EFFECT] = parse_effect
PARSERS[F.STUDY_MODE] = parse_study_mode
PARSERS[F.PROGRAMME_ROLE] = parse_programme_role
PARSERS[F.NEGATIVE_GROUND] = parse_negative_ground
