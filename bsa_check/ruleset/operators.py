"""The test operators of the rule language, in one table.

Every operator a test may use (``{field: ec_year1, ge: 45}``) is one :class:`Operator` row here:
its YAML key, which kinds of subject and operand it compares (and the hint when they do not fit),
the comparison itself, whether a test with it shows a credit gap, its words in Dutch and English
(``explain``), and its description (the published schema). The rule-file model
(``ruleset.model.Test``) takes its operator keys from this table, the compiler
(``engine.compile``) its type check and comparison, ``explain`` its words, the credit-gap finder
which operators mark a gap. Adding an operator is adding a row (and regenerating the schema:
``bsa-check schema rules``).

Pure data and small functions; imports nothing of the package. No code from a rule file is run:
the comparison is chosen by the operator's key from this table.
"""

from __future__ import annotations

import operator
from datetime import date
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

# The kinds of value the compiler tells apart (what a subject or operand holds).
NUMBER, DATE_K, BOOL_K, TEXT_K, SET_K, LIST_K = "number", "date", "boolean", "text", "set", "list"

Compare = Callable[[Any, Any], bool]


@dataclass(frozen=True, slots=True)
class Operator:
    """One test operator.

    ``compare(subject kind, operand kind)``: the comparison function for values of those kinds, or
    ``None`` when the operator cannot compare them (then ``expect`` is the hint of error BSA205).
    ``credit_gap``: ``"unmet"`` when a failed test of an earlier rule is a credit gap (``ge``: the
    norm not reached), ``"met"`` when a holding test of the deciding rule is one (``lt``), ``None``
    otherwise. ``flag``: the operand is ``true``/``false`` (``is_set``), not a value compared.
    """

    key: str
    family: Literal["comparison", "date", "set", "presence"]
    compare: Callable[[str, str], Compare | None]
    expect: str
    words: Mapping[str, str]
    description: str
    credit_gap: Literal["unmet", "met"] | None = None
    flag: bool = False
    # Its documentation by example, run by the tests (tests/unit/test_operators.py): (record field,
    # cell text, operand as written in YAML, whether the test holds); at least one that holds and
    # one that does not.
    examples: tuple[tuple[str, str, Any, bool], ...] = ()


def _same_scalar(fn: Compare) -> Callable[[str, str], Compare | None]:
    return lambda s, r: fn if s == r and s not in (SET_K, LIST_K) else None


def _ordered(fn: Compare) -> Callable[[str, str], Compare | None]:
    return lambda s, r: fn if s == r and s in (NUMBER, DATE_K) else None


def _dates(fn: Compare) -> Callable[[str, str], Compare | None]:
    return lambda s, r: fn if s == DATE_K and r == DATE_K else None


def _member(fn: Compare) -> Callable[[str, str], Compare | None]:
    return lambda s, r: fn if r == LIST_K and s not in (SET_K, LIST_K) else None


def _contains(s: str, r: str) -> Compare | None:
    if s != SET_K or r not in (TEXT_K, LIST_K):
        return None
    if r == LIST_K:
        return lambda a, b: all(x in a for x in b)
    return lambda a, b: b in a


def _contains_any(s: str, r: str) -> Compare | None:
    return (lambda a, b: any(x in a for x in b)) if s == SET_K and r == LIST_K else None


def _contains_none(s: str, r: str) -> Compare | None:
    return (lambda a, b: not any(x in a for x in b)) if s == SET_K and r == LIST_K else None


def _is_set(s: str, r: str) -> Compare | None:
    return None  # not a comparison: the compiler tests presence (see Operator.flag)


_SAME = "compare values of the same type (numbers, dates, texts or yes/no)"
_ORDER = "lt/le/gt/ge compare two numbers (or two dates; prefer before/after for dates)"
_DATES = "before/after compare two dates"
_IN = "'in' tests a single value against a list: in: [a, b]"

OPERATORS: dict[str, Operator] = {op.key: op for op in (
    Operator("eq", "comparison", _same_scalar(operator.eq), _SAME, {"en": "=", "nl": "="},
             "equal to (numbers, dates, texts or yes/no)",
             examples=(("ec_year1", "45", 45, True), ("ec_year1", "44,5", 45, False))),
    Operator("ne", "comparison", _same_scalar(operator.ne), _SAME, {"en": "≠", "nl": "≠"},
             "not equal to",
             examples=(("ec_year1", "44,5", 45, True), ("ec_year1", "45", 45, False))),
    Operator("lt", "comparison", _ordered(operator.lt), _ORDER, {"en": "<", "nl": "<"},
             "less than", credit_gap="met",
             examples=(("ec_year1", "44,5", 45, True), ("ec_year1", "45", 45, False))),
    Operator("le", "comparison", _ordered(operator.le), _ORDER, {"en": "≤", "nl": "≤"},
             "less than or equal to",
             examples=(("ec_year1", "45", 45, True), ("ec_year1", "45,5", 45, False))),
    Operator("gt", "comparison", _ordered(operator.gt), _ORDER, {"en": ">", "nl": ">"},
             "greater than",
             examples=(("ec_year1", "45,5", 45, True), ("ec_year1", "45", 45, False))),
    Operator("ge", "comparison", _ordered(operator.ge), _ORDER, {"en": "≥", "nl": "≥"},
             "greater than or equal to (a norm)", credit_gap="unmet",
             examples=(("ec_year1", "45", 45, True), ("ec_year1", "44,5", 45, False))),
    Operator("before", "date", _dates(operator.lt), _DATES, {"en": "before", "nl": "vóór"}, "a date before",
             examples=(("warning_date", "31-01-2026", date(2026, 2, 1), True), ("warning_date", "2026-02-01", date(2026, 2, 1), False))),
    Operator("on_or_before", "date", _dates(operator.le), _DATES, {"en": "on or before", "nl": "op of vóór"},
             "a date on or before",
             examples=(("warning_date", "2026-02-01", date(2026, 2, 1), True), ("warning_date", "2026-02-02", date(2026, 2, 1), False))),
    Operator("after", "date", _dates(operator.gt), _DATES, {"en": "after", "nl": "na"}, "a date after",
             examples=(("warning_date", "2026-02-02", date(2026, 2, 1), True), ("warning_date", "2026-02-01", date(2026, 2, 1), False))),
    Operator("on_or_after", "date", _dates(operator.ge), _DATES, {"en": "on or after", "nl": "op of na"},
             "a date on or after",
             examples=(("warning_date", "2026-02-01", date(2026, 2, 1), True), ("warning_date", "2026-01-31", date(2026, 2, 1), False))),
    Operator("in", "set", _member(lambda a, b: a in b), _IN, {"en": "in", "nl": "in"},
             "a single value that is one of a list",
             examples=(("programme", "59001", ["59001", "59002"], True), ("programme", "59003", ["59001", "59002"], False))),
    Operator("not_in", "set", _member(lambda a, b: a not in b), _IN, {"en": "not in", "nl": "niet in"},
             "a single value that is none of a list",
             examples=(("programme", "59003", ["59001", "59002"], True), ("programme", "59001", ["59001", "59002"], False))),
    Operator("contains", "set", _contains,
             "'contains' tests a list field (units, circumstances) for a code or list of codes",
             {"en": "contains", "nl": "bevat"}, "a list field holds the code (or every code of a list)",
             examples=(("personal_circumstances", "illness|family", "family", True), ("personal_circumstances", "illness", ["illness", "family"], False))),
    Operator("contains_any", "set", _contains_any, "'contains_any' tests a list field for any of a list of codes",
             {"en": "contains any of", "nl": "bevat een van"}, "a list field holds at least one of a list of codes",
             examples=(("personal_circumstances", "illness|family", ["pregnancy", "family"], True), ("personal_circumstances", "illness", ["pregnancy", "family"], False))),
    Operator("contains_none", "set", _contains_none, "'contains_none' tests a list field for none of a list of codes",
             {"en": "contains none of", "nl": "bevat geen van"}, "a list field holds none of a list of codes",
             examples=(("personal_circumstances", "illness", ["pregnancy", "family"], True),
                       ("personal_circumstances", "illness|family", ["pregnancy", "family"], False))),
    Operator("is_set", "presence", _is_set, "is_set: true or false", {"en": "is filled in", "nl": "is ingevuld"},
             "true: the value is filled in; false: it is empty", flag=True,
             examples=(("warning_date", "2026-02-01", True, True), ("warning_date", "", True, False))),
)}

# explain's word for a failed-or-false is_set test
IS_EMPTY_WORDS: Mapping[str, str] = {"en": "is empty", "nl": "is leeg"}

TEST_OPS: tuple[str, ...] = tuple(OPERATORS)
DATE_OPS: tuple[str, ...] = tuple(k for k, op in OPERATORS.items() if op.family == "date")
# Operators whose tests can show a credit gap (see Operator.credit_gap)
GAP_WHEN_UNMET = frozenset(k for k, op in OPERATORS.items() if op.credit_gap == "unmet")
GAP_WHEN_MET = frozenset(k for k, op in OPERATORS.items() if op.credit_gap == "met")
CREDIT_GAP_OPS = GAP_WHEN_UNMET | GAP_WHEN_MET


def words(key: str, lang: str) -> str:
    """The operator's word(s) in ``lang`` (``nl`` or ``en``) for explanations."""
    return OPERATORS[key].words[lang]


def attribute(key: str) -> str:
    """The model attribute holding the operator's operand (``in`` is a Python keyword: ``in_``)."""
    return "in_" if key == "in" else key


__all__ = ["CREDIT_GAP_OPS", "DATE_OPS", "GAP_WHEN_MET", "GAP_WHEN_UNMET", "IS_EMPTY_WORDS", "OPERATORS",
           "Operator", "TEST_OPS", "attribute", "words"]
