"""BSA250/BSA251/BSA252: a credit norm stays within what the law allows.

HO: a year-one norm (a parameter or literal that ``ec_year1``, or credits counted by an ``ec``
aggregate over first-year units or this year's results, is compared with) above 60 EC asks more
than a full year's credits (BSA250). Under the proposed 2023 law (``scenario: proposed_2023`` or
``legal_status: proposal``) the cap is 30 EC for year one and 60 EC after two years (BSA251). MBO has
no credit norm in law (art. 8.1.7a WEB): any test on credits in an MBO rule set is BSA252. A rule
set with such a norm would give verdicts that contradict the law, so these errors refuse it for
verdicts. Every test of every rule counts, through derived values too.

Passing example::

    parameters:
      norm_ec: {type: decimal, values: {2024-09-01: 40}}
    rules:
      - {id: not_met, when: {field: ec_year1, lt: {param: norm_ec}}, outcome: negative, ...}

Failing examples (conformance files in ``tests/data/rules/invalid``): ``lint_norm_above_60.yaml``
(BSA250: the same with ``values: {2024-09-01: 75}``), ``lint_proposal_above_30.yaml`` (BSA251) and
``lint_mbo_credit_norm.yaml`` (BSA252: ``when: {field: ec_year1, lt: 30}`` in an MBO rule set).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

from bsa_check.problems import ERROR
from bsa_check.ruleset import model as m
from bsa_check.ruleset.walk import operand_refs, params_compared_with, tests_in

NAME = "norms"
CODES = ("BSA250", "BSA251", "BSA252")
SEVERITY = ERROR
BLOCKS_VERDICTS = True

CREDIT_FIELDS = frozenset({"ec_year1", "ec_total"})
YEAR_ONE_MAX = Decimal(60)
PROPOSAL_MAX = Decimal(30)


def credit_derived(rs: m.RuleSet, year_one: bool) -> set[str]:
    """Derived values that are credits: an ``ec`` aggregate (year one: counting first-year units or this
    year's results only), or a sum over such values."""
    out: set[str] = set()

    def is_credit(op: Any) -> bool:
        if isinstance(op, m.Aggregate):
            return op.aggregate == "ec" and (not year_one or op.first_year_only or op.this_year_only)
        if isinstance(op, m.Arithmetic) and op.op[0] in ("add", "max", "min"):
            return any(is_credit(x) for x in op.op[1])
        if isinstance(op, m.Arithmetic):
            return is_credit(op.op[1][0])
        if isinstance(op, m.FieldRef):
            # a derived value choosing between credit fields (ho-proposed's year-two count) is not a
            # year-one norm: direct tests on ec_year1 are linted where they are written
            return not year_one and op.field in CREDIT_FIELDS
        if isinstance(op, m.DerivedRef):
            return op.derived in out
        return False
    for _ in range(3):  # derived values referring to derived values
        for name, d in rs.derived.items():
            if any(is_credit(c.value) for c in d.cases):
                out.add(name)
    return out


def credit_norms(rs: m.RuleSet, fields: frozenset[str]) -> dict[str, tuple[Any, ...]]:
    """Parameters a credit field is compared with (directly, through a derived value, or through
    credits counted by an aggregate) -> path of the test; every test of every rule, preconditions too."""
    return params_compared_with(rs, fields, credit_derived=credit_derived(rs, fields == frozenset({"ec_year1"})))


def _values(p: m.Parameter, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Any]]:
    for k, v in p.values.items():
        yield (*path, "values", k), v
    for code, v in p.by_programme.items():
        if isinstance(v, dict):
            for k, x in v.items():
                yield (*path, "by_programme", code, k), x
        else:
            yield (*path, "by_programme", code), v


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, Decimal)) and not isinstance(value, bool)


def check(linter: Any) -> None:
    rs = linter.rs
    year_one = credit_norms(rs, frozenset({"ec_year1"}))
    if rs.sector == "mbo":
        credits = credit_derived(rs, False)
        for i, rule in enumerate(rs.rules):
            for t, path in tests_in(rule.when, ("rules", i, "when")):
                names = {t.subject[1]} | {n for _, n in operand_refs(t.op[1])}
                if names & CREDIT_FIELDS or names & credits:
                    linter.add(path, "BSA252", "a credit norm in an MBO rule set",
                               "MBO has no credit norm in law (art. 8.1.7a WEB): a binding negative is a qualitative "
                               "decision after a procedure; test the procedure, not credits")
        return
    proposal = rs.scenario == "proposed_2023" or rs.legal_status == "proposal"
    cap, code, why = ((PROPOSAL_MAX, "BSA251", "the 2023 proposal caps the year-one norm at 30 EC "
                       "(Kamerstukken II 31 288/31 524, nr. 1039)") if proposal
                      else (YEAR_ONE_MAX, "BSA250", "a year-one norm above 60 EC asks more than a full "
                            "year's credits; no norm can lawfully exceed what the year offers"))
    for name in year_one:
        p = rs.parameters.get(name)
        if p is None:
            continue
        for at, value in _values(p, ("parameters", name)):
            if _is_number(value) and value > cap:
                linter.add(at, code, f"year-one norm {name!r} is {value} EC, above {cap} EC", why)
    if proposal:
        for name in credit_norms(rs, frozenset({"ec_total"})):
            p = rs.parameters.get(name)
            for at, value in _values(p, ("parameters", name)) if p else ():
                if _is_number(value) and value > 60:
                    linter.add(at, "BSA251", f"year-two norm {name!r} is {value} EC, above 60 EC",
                               "the 2023 proposal caps the check after two years at 60 EC "
                               "(Kamerstukken II 31 288/31 524, nr. 1039)")
    for i, rule in enumerate(rs.rules):  # a norm written as a literal number
        for t, path in tests_in(rule.when, ("rules", i, "when")):
            op, rhs = t.op
            if t.subject == ("field", "ec_year1") and _is_number(rhs) and rhs > cap:
                linter.add((*path, op), code, f"year-one norm {rhs} EC written in rule {rule.id!r} is above {cap} EC",
                           why)
