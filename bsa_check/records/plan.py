"""The record plan: how a row is read for a set of compiled rule sets, derived in one place.

Owns: which fields are parsed, which columns an export must have, the sector's cell parsers (MBO
has no closed list of personal circumstances), the rule sets' ``record_bounds``, and the row memo's
key (whether rows that look alike may share parsed values, and whether the programme is part of
that key). :func:`record_plan` derives it from compiled rule sets; ``check``, ``explain``,
``compare``, ``due``, the Python API and the rule-test runner (``bsa-check test``) all read records
through it, so one record gets one verdict whichever command reads it.

:func:`cell_parser` is the one function that turns a cell's text into a field's value: the
readers (CSV, workbook, dicts) build their column plans with it, and a rule-test case parses each
of its cells with it, so a rule test runs exactly as a CSV row.

Pure: no I/O. The rule sets are duck-typed (``fields_read``, ``required_columns``,
``memo_safe``, ``reads_programme``, ``model.sector``, ``model.record_bounds``) so this module does
not import the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bsa_check.records import fields as F
from bsa_check.records.parse import PARSERS, CircumstanceParser, bounded, parse_circumstances_open

__all__ = ["Bound", "RecordPlan", "cell_parser", "record_plan"]

# field -> (least, most, note): a value outside is a row error BSA314 (``record_bounds``)
Bound = tuple[Any, Any, "str | None"]
CellParser = Callable[[str], Any]


def cell_parser(name: str, parsers: Mapping[str, CellParser] | None = None,
                bounds: Mapping[str, Bound] | None = None, mapping: Any = None) -> CellParser:
    """The parser of field ``name``'s non-empty, stripped cell text: its kind's parser (or the
    override in ``parsers``, by kind), refusing values outside ``bounds`` (BSA314), with a
    ``--columns`` mapping's value spellings translated first. Raises ``CellError`` (or
    ``ValueError``/``ArithmeticError`` from odd digits) for text it cannot read."""
    kind = F.FIELDS_BY_NAME[name].kind
    parse = (parsers or {}).get(kind) or PARSERS[kind]
    if bounds and name in bounds:
        parse = bounded(parse, *bounds[name])
    if mapping is not None:
        parse = mapping.parser(name, parse)
    return parse


@dataclass(frozen=True, slots=True)
class RecordPlan:
    """How to read records for a set of compiled rule sets (see the module docstring)."""

    fields: frozenset[str]
    required: tuple[str, ...]
    parsers: Mapping[str, CellParser] = field(default_factory=dict)
    bounds: Mapping[str, Bound] = field(default_factory=dict)
    memo_safe: bool = True  # rows that look alike may share parsed values and verdicts
    memo_programme: bool = True  # the programme is part of the row memo's key

    def reader_options(self, *, extra: Iterable[str] = ()) -> dict[str, Any]:
        """The keyword arguments of ``open_records`` (and the other readers) for this plan. Rows that
        look alike share their parsed values (the reader's row memo) whenever that is safe: a
        ``Row`` carries complete values either way, so no command chooses.
        ``extra``: fields also parsed when the export has them (``due``: pending resits)."""
        return {
            "fields": self.fields | frozenset(extra),
            "required": self.required,
            "parsers": dict(self.parsers),
            "bounds": dict(self.bounds),
            "row_memo": self.memo_safe,
            "memo_programme": self.memo_programme,
        }

    def cell_parser(self, name: str, mapping: Any = None) -> CellParser:
        """:func:`cell_parser` for field ``name`` under this plan."""
        return cell_parser(name, self.parsers, self.bounds, mapping)


def _sector_parsers(rulesets: list[Any]) -> dict[str, CellParser]:
    """MBO has no closed list of personal circumstances; HO's list (UB WHW art. 2.1) is exclusive.
    With rule sets of both sectors the closed list applies (an HO verdict must not take an unlisted
    circumstance for ``other``)."""
    kinds = declared_kinds(rulesets)
    if kinds:  # a rule set names kinds of its own: those, the statutory ones, anything else is "other"
        return {F.CIRCUMSTANCES: CircumstanceParser(kinds)}
    if rulesets and all(rs.model.sector == "mbo" for rs in rulesets):
        return {F.CIRCUMSTANCES: parse_circumstances_open}
    return {}


def declared_kinds(rulesets: list[Any]) -> dict[str, tuple[str, ...]]:
    """The circumstance kinds the rule sets declare (``circumstances``: designated and excluded) -> their
    spellings; with several rule sets, every one's (a kind one of them does not know is a reported
    circumstance to it, weighed like ``other``)."""
    kinds: dict[str, tuple[str, ...]] = {}
    for rs in rulesets:
        declared = rs.model.circumstances
        if declared is None:
            continue
        for code, kind in (*declared.designated.items(), *declared.excluded.items()):
            kinds[code] = tuple(dict.fromkeys((*kinds.get(code, ()), *kind.spellings)))
    return kinds


def _bounds(rulesets: list[Any]) -> dict[str, Bound]:
    """The rule sets' ``record_bounds``; with several rule sets the tightest bound of each field
    applies, so a row is an error when any of them would refuse it."""
    bounds: dict[str, Bound] = {}
    for rs in rulesets:
        for name, b in rs.model.record_bounds.items():
            low, high, note = bounds.get(name, (None, None, None))
            low = b.min if low is None or (b.min is not None and b.min > low) else low
            high = b.max if high is None or (b.max is not None and b.max < high) else high
            bounds[name] = (low, high, note or (b.note.en if b.note else None))
    return bounds


def record_plan(rulesets: Iterable[Any]) -> RecordPlan:
    """The record plan of these compiled rule sets: the fields any of them reads, the columns any
    requires, the sector parsers, the tightest bounds, and the row memo's safety (each rule set's
    ``CompiledRuleSet.memo_safe``: the rule lives with the compiled rule set) and key (the programme is left out when no rule set's
    verdict depends on it, see ``CompiledRuleSet.reads_programme``)."""
    rs_list = list(rulesets)
    return RecordPlan(
        fields=frozenset().union(*(rs.fields_read for rs in rs_list)),
        required=tuple(sorted(frozenset().union(*(rs.required_columns for rs in rs_list)))),
        parsers=_sector_parsers(rs_list),
        bounds=_bounds(rs_list),
        memo_safe=all(rs.memo_safe for rs in rs_list),
        memo_programme=any(rs.reads_programme for rs in rs_list),
    )
