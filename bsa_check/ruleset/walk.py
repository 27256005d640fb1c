"""Walking a rule set's model: the tests inside a condition and the names an operand mentions.

Used by ``validate`` (its lints) and ``compare`` (which parameters a part-time case selects), so
neither reaches into the other's private helpers. Pure: reads the pydantic model only.
"""

from __future__ import annotations

from typing import Any, Iterator

from bsa_check.ruleset import model as m

__all__ = ["operand_refs", "params_compared_with", "tests_in"]


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


def params_compared_with(rs: m.RuleSet, fields: frozenset[str], *,
                         tests_of: Any = None, credit_derived: frozenset[str] | set[str] = frozenset()) -> dict[str, tuple[Any, ...]]:
    """Parameters a field in ``fields`` is compared with (directly or through a derived value) -> path of the test.

    ``params_compared_with(model, frozenset({"ec_year1"}))`` names a rule set's year-one credit norms.
    ``tests_of(rule, index)`` yields (test, path) pairs (default: the rule's ``when``); a derived value in
    ``credit_derived`` (credits counted through an aggregate) counts as one of ``fields``.
    """
    if tests_of is None:
        def tests_of(rule: Any, i: int) -> Any:
            return tests_in(rule.when, ("rules", i, "when"))
    out: dict[str, tuple[Any, ...]] = {}
    derived_params: dict[str, set[str]] = {}
    for name, d in rs.derived.items():
        derived_params[name] = {n for case in d.cases for k, n in operand_refs(case.value) if k == "param"}
    for i, rule in enumerate(rs.rules):
        for t, path in tests_of(rule, i):
            kind, name = t.subject
            op, rhs = t.op
            refs = list(operand_refs(rhs))
            names = [name] if kind == "field" else [n for k, n in refs if k == "field"]
            if not set(names) & fields and not (kind == "derived" and name in credit_derived):
                continue
            # the subject, unless it is the field itself or credits counted by an aggregate
            subject = [] if kind == "field" or (kind == "derived" and name in credit_derived) else [(kind, name)]
            for k, n in refs + subject:
                if k == "param":
                    out.setdefault(n, path)
                elif k == "derived":
                    for pn in derived_params.get(n, ()):
                        out.setdefault(pn, path)
    return out
