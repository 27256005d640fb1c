"""Compiling conditions into predicates: ``all``, ``any``, ``not`` and the tests, each test's
operator from the operator table (``ruleset.operators``) with its type check (BSA205, BSA226), and
the literals compared with a text parameter's choices (BSA260) or a closed field's codes (BSA233).
A test records what it compared in the context's log (the trace). :class:`ConditionCompiler` is a
mixin of the compiler in ``engine.compile``.

Pure: no I/O, no printing, deterministic.
"""

from __future__ import annotations

from typing import Any, Callable

from bsa_check.engine.compile_operands import BILINGUAL, is_literal, literal
from bsa_check.engine.context import Ctx, Getter
from bsa_check.engine.values import ABSENT
from bsa_check.engine.verdict import TestResult
from bsa_check.records import fields as F
from bsa_check.ruleset import model as m
from bsa_check.ruleset.operators import OPERATORS

__all__ = ["ConditionCompiler"]

# fields of a closed vocabulary whose compared literals are checked (BSA233)
_CODES: dict[str, tuple[str, ...]] = {"programme_role": tuple(F.PROGRAMME_ROLES),
                                      "negative_ground": tuple(F.NEGATIVE_GROUNDS)}

# how a test reads its right operand (see ConditionCompiler.test)
_GETTER, _LITERAL, _PARAM, _FIELD = 0, 1, 2, 3


class ConditionCompiler:
    """Conditions and their tests (see the module docstring)."""

    def condition(self, c: Any, path: tuple[Any, ...]) -> Callable[[Ctx], bool]:
        # all/any as plain loops: the same order, short-circuit and True/False as all()/any() over a
        # generator, about three times faster (no generator per evaluation)
        if isinstance(c, m.All):
            parts = tuple(self.condition(x, (*path, "all", i)) for i, x in enumerate(c.all))

            def all_of(ctx: Ctx, parts: tuple[Callable[[Ctx], bool], ...] = parts) -> bool:
                for p in parts:
                    if not p(ctx):
                        return False
                return True
            return all_of
        if isinstance(c, m.Any_):
            parts = tuple(self.condition(x, (*path, "any", i)) for i, x in enumerate(c.any))

            def any_of(ctx: Ctx, parts: tuple[Callable[[Ctx], bool], ...] = parts) -> bool:
                for p in parts:
                    if p(ctx):
                        return True
                return False
            return any_of
        if isinstance(c, m.Not):
            inner = self.condition(c.not_, (*path, "not"))
            return lambda ctx, inner=inner: not inner(ctx)
        return self.test(c, path)

    def test(self, t: m.Test, path: tuple[Any, ...]) -> Callable[[Ctx], bool]:
        skind, sname = t.subject
        op, rhs = t.op
        self.ops_seen.add(op)
        # model_construct: the subject names only a field, parameter or derived value (no validation needed)
        subject_ref: Any = {"field": m.FieldRef, "param": m.ParamRef,
                            "derived": m.DerivedRef}[skind].model_construct(**{skind: sname})
        if op == "is_set":
            if skind == "field":
                spec = self.field_spec(sname, (*path, "field"))
                if spec is None:
                    return lambda ctx: False
            else:
                self.operand(subject_ref, path)
            expected = bool(rhs)
            if skind == "field":
                def is_set(ctx: Ctx, name: str = sname, expected: bool = expected) -> bool:
                    v = ctx.record.get(name)
                    present = v is not None and not (isinstance(v, frozenset) and not v)
                    if ctx.log is not None:
                        ctx.log.append(TestResult(name, "is_set", v, expected, None, present == expected, not present))
                    return present == expected
                return is_set
            sget, _, _ = self.operand(subject_ref, path)

            def is_set_other(ctx: Ctx, sget: Getter = sget, expected: bool = expected, name: str = sname) -> bool:
                v = sget(ctx)
                present = v is not ABSENT and v is not None
                if ctx.log is not None:
                    ctx.log.append(TestResult(name, "is_set", v, expected, None, present == expected, not present))
                return present == expected
            return is_set_other

        self._check_choices(skind, sname, op, rhs, path)
        self._check_codes(skind, sname, op, rhs, path)
        sget, skind_v, slabel = self.operand(subject_ref, path)
        rget, rkind, rlabel = self.operand(rhs, (*path, op))
        if BILINGUAL in (skind_v, rkind):
            self.err((*path, op) if rkind == BILINGUAL else path, "a derived text (nl/en) cannot be compared",
                     "a derived text is for reasons only; compare the values its cases test instead", "BSA226")
            return lambda ctx: False
        if skind_v is None or rkind is None:
            return lambda ctx: False
        compare = self._comparator(op, skind_v, rkind, path)
        if compare is None:
            return lambda ctx: False
        name = slabel or sname
        # The common operands are read in place rather than through their getters (a call each): a
        # subject field (the getter only when the cell is empty: its default, MissingValue or ABSENT),
        # a literal, a parameter or a field without 'plus' on the right. The same values either way.
        left_field = sname if skind == "field" else None
        right_mode, right_arg = _GETTER, None
        if is_literal(rhs):
            right_mode, right_arg = _LITERAL, literal(rhs)[0]
        elif getattr(rhs, "plus", None) is None and isinstance(rhs, m.ParamRef):
            right_mode, right_arg = _PARAM, rhs.param
        elif getattr(rhs, "plus", None) is None and isinstance(rhs, m.FieldRef):
            right_mode, right_arg = _FIELD, rhs.field

        def run(ctx: Ctx, sget: Getter = sget, rget: Getter = rget, compare: Callable[..., Any] = compare,
                op: str = op, name: str = name, rlabel: str | None = rlabel, left_field: str | None = left_field,
                right_mode: int = right_mode, right_arg: Any = right_arg) -> bool:
            if left_field is None:
                left = sget(ctx)
            else:
                left = ctx.record.get(left_field, ABSENT)
                if left is ABSENT or left is None:
                    left = sget(ctx)
            if right_mode == _LITERAL:
                right = right_arg
            elif right_mode == _PARAM:
                right = ctx.params[right_arg]
            elif right_mode == _FIELD:
                right = ctx.record.get(right_arg, ABSENT)
                if right is ABSENT or right is None:
                    right = rget(ctx)
            else:
                right = rget(ctx)
            absent = left is ABSENT or right is ABSENT
            result = False if absent else compare(left, right)
            if ctx.log is not None:
                ctx.log.append(TestResult(name, op, None if left is ABSENT else left,
                                          None if right is ABSENT else right, rlabel, result, absent))
            return result
        return run

    def _check_choices(self, skind: str, sname: str, op: str, rhs: Any, path: tuple[Any, ...]) -> None:
        """A text parameter with declared ``choices`` compared with a value outside them is an error: the
        misspelled reading (``first_year_unit``) would never match, silently switching to the other one."""
        p = self.rs.parameters.get(sname) if skind == "param" else None
        if p is None or p.choices is None:
            return
        values = rhs if isinstance(rhs, list) else [rhs]
        for i, v in enumerate(values):
            if isinstance(v, str) and v not in p.choices:
                where = (*path, op, i) if isinstance(rhs, list) else (*path, op)
                self.err(where, f"{sname} is compared with {v!r}, which is not one of its declared choices: "
                                f"{', '.join(p.choices)}", self.suggest(v, p.choices), "BSA260")

    def _check_codes(self, skind: str, sname: str, op: str, rhs: Any, path: tuple[Any, ...]) -> None:
        """A field of a closed vocabulary (programme_role, negative_ground) compared with a value that is
        not one of its codes never matches: refused (BSA233), so a rule "never on attendance alone" cannot
        silently test ``attendance``."""
        codes = _CODES.get(sname) if skind == "field" else None
        if codes is None:
            return
        values = rhs if isinstance(rhs, list) else [rhs]
        for i, v in enumerate(values):
            if isinstance(v, str) and v not in codes:
                where = (*path, op, i) if isinstance(rhs, list) else (*path, op)
                self.err(where, f"{sname} is compared with {v!r}, which is not one of its values: {', '.join(codes)}",
                         self.suggest(v, codes), "BSA233")

    def _comparator(self, op: str, skind: str, rkind: str, path: tuple[Any, ...]) -> Callable[[Any, Any], bool] | None:
        """The operator's comparison for these kinds, from the operator table (``ruleset.operators``);
        an error BSA205 with the operator's hint when it cannot compare them."""
        row = OPERATORS[op]
        compare = row.compare(skind, rkind)
        if compare is None:
            self.err((*path, op), f"operator {op!r} cannot compare a {skind} with a {rkind}", row.expect, "BSA205")
        return compare
