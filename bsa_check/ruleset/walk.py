"""Walking a rule set's model: the tests inside a condition and the names an operand mentions.

Used by ``validate`` (its lints) and ``compare`` (which parameters a part-time case selects), so
neither reaches into the other's private helpers. Pure: reads the pydantic model only.
"""

from __future__ import annotations

from typing import Any, Iterator

from bsa_check.ruleset import model as m

__all__ = ["operand_refs", "tests_in"]


def tests_in(cond: Any, path: tuple[Any, ...]) -> Iterator[tuple[m.Test, tuple[Any, ...]]]:
    """Every test in a condition (``all``/``any``/``not`` walked), with its data path below ``path``."""
    if cond is None:
        return
    if isinstance(cond, m.All):
        for i, c in enumerate(cond.all):
            yield from tests_in(c, (*path, "all", i))
    elif isinstance(cond, m.Any_):
        for i, c in enumerate(cond.any):
            yield from tests_in(c, (*path, "any", i))
    elif isinstance(cond, m.Not):
        yield from tests_in(cond.not_, (*path, "not"))
    else:
        yield cond, path


def operand_refs(op: Any) -> Iterator[tuple[str, str]]:
    """(kind, name) of every field/param/derived an operand mentions."""
    if isinstance(op, m.FieldRef):
        yield "field", op.field
        if op.default is not None:
            yield from operand_refs(op.default)
    elif isinstance(op, m.ParamRef):
        yield "param", op.param
    elif isinstance(op, m.DerivedRef):
        yield "derived", op.derived
    elif isinstance(op, m.Arithmetic):
        for item in op.op[1]:
            yield from operand_refs(item)
    elif isinstance(op, m.Aggregate):
        yield "aggregate", op.aggregate
        if op.until is not None:
            yield from operand_refs(op.until)
