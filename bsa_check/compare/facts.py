"""Facts about each compared rule set that the reports show: name, version, hash, legal status, the
parameters set on the command line and the year-one credit norms in force (with their per-programme
and part-time values)."""

from __future__ import annotations

from decimal import Decimal

from bsa_check.compare.model import CREDIT_FIELD, Norm, RuleSetInfo
from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.errors import EvaluationError
from bsa_check.ruleset.walk import operand_refs, params_compared_with, tests_in


def _part_time_params(rs: CompiledRuleSet) -> set[str]:
    """Parameters a derived value selects for part-time students (``when: {field: part_time, ...}``)."""
    out = set()
    for d in rs.model.derived.values():
        for case in d.cases:
            if any(t.subject == ("field", "part_time") for t, _ in tests_in(case.when, ())):
                out |= {n for k, n in operand_refs(case.value) if k == "param"}
    return out


def ruleset_info(rs: CompiledRuleSet, year: int, programmes: list[str]) -> RuleSetInfo:
    """Name, version, hash, legal status and the year-one credit norms in force in ``year``."""
    from bsa_check.report import placeholder_params

    part_time = _part_time_params(rs)
    norms = []
    for name in params_compared_with(rs.model, frozenset({CREDIT_FIELD})):
        param = rs.params.get(name)
        if param is None or param.type not in ("decimal", "integer"):
            continue
        try:
            value = Decimal(param.resolve(None, year))
            per = {p: Decimal(param.resolve(p, year)) for p in programmes if p in param.by_programme}
        except EvaluationError:
            continue  # no value in force that year: no marker rather than a wrong one
        title = {"nl": param.model.title.nl, "en": param.model.title.en} if param.model.title else {"nl": name,
                                                                                                    "en": name}
        norms.append(Norm(name, title, value, name in part_time or "part_time" in name,
                          {p: v for p, v in per.items() if v != value}))
    model = rs.model
    return RuleSetInfo(rs.name, rs.version, rs.sha256, model.legal_status,
                       {"nl": model.title.nl, "en": model.title.en}, dict(rs.overrides),
                       tuple(placeholder_params(rs)), tuple(sorted(norms, key=lambda n: (n.part_time, n.param))))
