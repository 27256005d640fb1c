"""Compiling a rule set's parameters: each declared value checked against its type, range and
choices (BSA202, BSA203, BSA260), dated and per-programme values in order, and ``--param`` overrides
parsed (BSA401-BSA403). :class:`ParamCompiler` is a mixin of the compiler in ``engine.compile``.

Pure: no I/O, no printing, deterministic.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from decimal import Decimal
from typing import Any

from bsa_check.engine.context import CompiledParam
from bsa_check.engine.values import ABSENT
from bsa_check.errors import UsageError
from bsa_check.records.parse import CellError, parse_boolean, parse_date, parse_decimal
from bsa_check.ruleset import model as m

__all__ = ["MONTH_DAY_HINT", "ParamCompiler"]

MONTH_DAY_HINT = "write a day of the year as ISO --MM-DD in quotes, e.g. '--02-01' for 1 February (not 29 February)"


class ParamCompiler:
    """The parameters of a rule set (see the module docstring)."""

    def param_value(self, p: m.Parameter, raw: Any, path: tuple[Any, ...]) -> Any:
        t = p.type
        ok = True
        value = raw
        if t == "decimal":
            ok = isinstance(raw, (int, Decimal)) and not isinstance(raw, bool)
            value = Decimal(raw) if ok else raw
        elif t == "integer":
            ok = isinstance(raw, int) and not isinstance(raw, bool)
        elif t == "boolean":
            ok = isinstance(raw, bool)
        elif t == "text":
            ok = isinstance(raw, str)
        elif t == "date":
            ok = isinstance(raw, date)
        elif t == "month_day":
            parsed = _month_day(raw)
            ok = parsed is not None
            value = parsed
        elif t == "text_list":
            ok = isinstance(raw, list) and all(isinstance(x, str) for x in raw)
            value = tuple(raw) if ok else raw
        if not ok:
            self.err(path, f"value {raw!r} is not of type {t}",
                     MONTH_DAY_HINT if t == "month_day" else f"write a {t} value", "BSA202")
            return ABSENT
        if p.range is not None and t in ("decimal", "integer") and not _in_range(p.range, value):
            self.err(path, f"value {raw} is outside the declared range {_range_text(p.range)}",
                     "use a value within the range" + ("" if p.range.basis else ", or change the range"), "BSA203")
        outside = _outside_choices(p, value)
        if outside:
            self.err(path, f"value {outside[0]!r} is not one of the declared choices: {', '.join(p.choices or ())}",
                     self.suggest(outside[0], p.choices or ()), "BSA203")
        return value

    def dated(self, p: m.Parameter, raw: Any, path: tuple[Any, ...]) -> tuple[tuple[date, Any], ...]:
        if isinstance(raw, dict) and raw and all(isinstance(k, date) for k in raw):
            items = []
            for k in sorted(raw):
                items.append((k, self.param_value(p, raw[k], (*path, k))))
            return tuple(items)
        return ((date.min, self.param_value(p, raw, path)),)

    def parse_override(self, p: m.Parameter, name: str, text: str) -> Any:
        try:
            if p.type == "decimal":
                return parse_decimal(text)
            if p.type == "integer":
                if not text.strip().isdigit():
                    raise CellError("is not a whole number")
                return int(text)
            if p.type == "boolean":
                return parse_boolean(text)
            if p.type == "date":
                return parse_date(text)
            if p.type == "month_day":
                parsed = _month_day(text.strip())
                if parsed is None:
                    raise CellError(f"is not a day of the year; {MONTH_DAY_HINT}")
                return parsed
            if p.type == "text_list":
                value: Any = tuple(x.strip() for x in text.split("|") if x.strip())
            else:
                value = text
            outside = _outside_choices(p, value)
            if outside:
                raise UsageError(f"--param {name}={text!r}: {outside[0]!r} is not one of the values the rule set "
                                 f"declares for {name}: {', '.join(p.choices or ())}",
                                 hint=self.suggest(outside[0], p.choices or ()), code="BSA403")
            return value
        except CellError as exc:
            raise UsageError(f"--param {name}={text!r} {exc.args[0]}", hint=f"{name} is a {p.type}",
                             code="BSA401") from None

    def compile_params(self) -> dict[str, CompiledParam]:
        out = {}
        for name in self.overrides:
            if name not in self.rs.parameters:
                raise UsageError(f"unknown parameter {name!r} for rule set {self.rs.name!r}",
                                 hint=self.suggest(name, self.rs.parameters), code="BSA402")
        for name, p in self.rs.parameters.items():
            path = ("parameters", name)
            if p.choices is not None and p.type not in ("text", "text_list"):
                self.err((*path, "choices"), f"choices are for text parameters, not a {p.type}",
                         "remove choices, or use range for numbers", "BSA260")
            if name in self.overrides:
                value = self.parse_override(p, name, self.overrides[name])
                if p.range is not None and p.type in ("decimal", "integer") and not _in_range(p.range, value):
                    raise UsageError(f"--param {name}={self.overrides[name]} is outside the range "
                                     f"{_range_text(p.range)} declared by the rule set",
                                     hint="choose a value within the range", code="BSA403")
                out[name] = CompiledParam(name, p.type, p, ((date.min, value),), {})
                continue
            values = self.dated(p, p.values, (*path, "values"))
            by_prog = {code: self.dated(p, raw, (*path, "by_programme", code)) for code, raw in p.by_programme.items()}
            out[name] = CompiledParam(name, p.type, p, values, by_prog)
        return out


def _month_day(raw: Any) -> tuple[int, int] | None:
    """ISO 8601 ``--MM-DD`` (e.g. ``--02-01`` = 1 February); unambiguous for Dutch and English readers.

    29 February is refused: it does not exist every year.
    """
    mt = re.fullmatch(r"--(\d{2})-(\d{2})", raw) if isinstance(raw, str) else None
    if not mt:
        return None
    month, day_ = int(mt[1]), int(mt[2])
    if not (1 <= month <= 12 and 1 <= day_ <= calendar.monthrange(2023, month)[1]):
        return None
    return month, day_


def _outside_choices(p: m.Parameter, value: Any) -> list[str]:
    """The values of a text parameter that are not among its declared ``choices`` (none declared: none)."""
    if p.choices is None or value is ABSENT:
        return []
    values = value if isinstance(value, tuple) else (value,)
    return [v for v in values if isinstance(v, str) and v not in p.choices]


def _in_range(r: m.Range, value: Any) -> bool:
    return not ((r.min is not None and value < r.min) or (r.max is not None and value > r.max))


def _range_text(r: m.Range) -> str:
    """``0..30 (Kamerbrief ... nr. 1039)``: the limit, and where it comes from."""
    text = f"{'' if r.min is None else r.min}..{'' if r.max is None else r.max}"
    if r.basis is not None:
        parts = [r.basis.law] + ([f"art. {r.basis.article}"] if r.basis.article else []) + (
            [f"lid {r.basis.paragraph}"] if r.basis.paragraph else [])
        text += f" ({' '.join(parts)}{': ' + r.basis.note.en if r.basis.note else ''})"
    return text
