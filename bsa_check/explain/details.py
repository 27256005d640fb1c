"""The detail lines of a decision trace: derived values with what decided them (a named band, the
aggregates they counted and left out, compensation), and the exclusion term and excluded
circumstances of a binding negative. Pure."""

from __future__ import annotations

from decimal import ROUND_DOWN, Decimal
from typing import Any

from bsa_check.engine.values import Average
from bsa_check.engine.verdict import Verdict
from bsa_check.explain.texts import basis_text
from bsa_check.i18n import fmt_value, t


def _ec_items(items: tuple[Any, ...], lang: str) -> str:
    return ", ".join(f"{code} ({fmt_value(ec, lang)} EC)" if ec is not None else code for code, ec in items)


def _grade(value: Any, lang: str) -> str:
    """An average is shown as :func:`bsa_check.i18n.fmt_average` does; another long decimal is cut (not
    rounded) with an ellipsis."""
    if isinstance(value, Decimal) and not isinstance(value, Average):
        exp = value.normalize().as_tuple().exponent
        if isinstance(exp, int) and exp < -4:
            return fmt_value(value.quantize(Decimal("0.0001"), rounding=ROUND_DOWN), lang) + "…"
    return fmt_value(value, lang)


def compensation_lines(comp: Any, lang: str) -> list[str]:
    """Which compensation applied and why (or why not): each condition with its values."""
    title = getattr(comp.model.title, lang)
    if not comp.candidates:
        return [t("comp.none", lang, name=comp.name, title=title, low=fmt_value(comp.model.band.min, lang),
                  high=fmt_value(comp.model.band.max, lang))]
    applied = {c for c, _ in comp.applied}
    out = []
    if comp.applied:
        out.append(t("comp.applied", lang, name=comp.name, title=title,
                     items=", ".join(f"{c} ({_grade(g, lang)})" for c, g in comp.applied)))
    rest = [(c, g) for c, g in comp.candidates if c not in applied]
    if rest:
        out.append(t("comp.not_applied", lang, name=comp.name, title=title,
                     items=", ".join(f"{c} ({_grade(g, lang)})" for c, g in rest)))
    for ch in comp.checks:
        actual = ch.actual
        if isinstance(actual, tuple):
            actual = ", ".join(actual) if actual else t("none", lang)
        else:
            actual = _grade(actual, lang)
        text = t(f"comp.{ch.key}", lang, actual=actual, required=_grade(ch.required, lang))
        if ch.unit is not None:
            text += t("comp.in_block", lang, unit=ch.unit)
        out.append(f"{text}: {'✓' if ch.ok else '✗'}")
    if comp.over_max:
        out.append(t("comp.over_max", lang, n=comp.model.max_units, items=", ".join(comp.over_max)))
    return out


def aggregate_lines(detail: Any, lang: str) -> list[str]:
    """What an aggregate counted, what it left out and why, the missing units, blocks, compensation."""
    out = []
    if detail.kind in ("ec", "pending_ec") and detail.counted:
        key = "explain.pending" if detail.kind == "pending_ec" else "explain.counted"
        out.append(t(key, lang, items=_ec_items(detail.counted, lang)))
    elif detail.kind in ("passed_count", "missing_count") and detail.counted:
        out.append(t("explain.passed", lang, items=", ".join(c for c, _ in detail.counted)))
    elif detail.kind == "average" and detail.counted and detail.weights:
        out.append(t("explain.grades_weighted", lang, items=", ".join(
            f"{c} {fmt_value(g, lang)} ({fmt_value(w, lang)} EC)" for (c, g), w in zip(detail.counted, detail.weights))))
    elif detail.kind == "average" and detail.counted:
        out.append(t("explain.grades", lang, items=", ".join(f"{c} {fmt_value(g, lang)}" for c, g in detail.counted)))
    if detail.missing:
        out.append(t("explain.missing_units", lang, items=", ".join(detail.missing)))
    if detail.excluded:
        out.append(t("explain.not_counted", lang, items=", ".join(
            f"{code} ({t('excluded.' + why, lang)})" for code, why in detail.excluded)))
    for block, missing in detail.incomplete_blocks:
        out.append(t("explain.block_incomplete", lang, block=block, items=", ".join(missing)))
    if detail.compensation is not None:
        out.extend(compensation_lines(detail.compensation, lang))
    return out


def derived_lines(verdict: Verdict, lang: str) -> list[str]:
    """Derived values that came from a named band or from unit results, with what decided them."""
    lines: list[str] = []
    for d in verdict.derived:
        label = getattr(d.case, "label", None) if d.case is not None else None
        if label is None and not d.aggregates:
            continue
        head = f"  {d.name} = {_grade(d.value, lang)}"
        if label is not None:
            head += f" ({t('explain.band', lang, label=getattr(label, lang))})"
        lines.append(head)
        for agg in d.aggregates:
            lines.extend(f"       {x}" for x in aggregate_lines(agg, lang))
    return [t("explain.values", lang), *lines] if lines else []


def exclusion_lines(verdict: Verdict, lang: str) -> list[str]:
    """The exclusion term and its scope, for a binding negative (or one that would be, once lawful)."""
    ex = verdict.rule.model.exclusion
    if ex is None or verdict.outcome not in ("negative", "procedure_incomplete"):
        return []
    term = t("exclusion.indefinite", lang) if ex.indefinite else t("exclusion.years", lang, n=ex.years)
    extra = []
    if ex.programmes:
        extra.append(t("exclusion.programmes", lang, items=", ".join(ex.programmes)))
    if ex.shared_first_year:
        extra.append(t("exclusion.shared", lang))
    key = "explain.exclusion" if verdict.outcome == "negative" else "explain.exclusion_if"
    return ["  " + t(key, lang, term=term, start=getattr(ex.from_, lang), scope=getattr(ex.scope, lang),
                     extra=f" ({'; '.join(extra)})" if extra else "", basis=basis_text(ex.legal_basis, lang))]


def excluded_circumstance_lines(verdict: Verdict, lang: str) -> list[str]:
    """Reported circumstances this rule set excludes as grounds (``circumstances.excluded``), each with
    the rule set's reason and basis: seen, and deliberately not weighed."""
    declared = verdict.ruleset.model.circumstances
    reported = verdict.record.get("personal_circumstances") if verdict.record is not None else None
    if declared is None or not reported:
        return []
    lines = []
    for code in sorted(reported & verdict.ruleset.excluded_kinds):
        kind = declared.excluded[code]
        # the kind's title in the run's language, the code after it (what rules and exports name)
        name = f"{getattr(kind.title, lang)} ({code})" if kind.title is not None else code
        lines.append("  " + t("explain.excluded_circumstance", lang, kind=name, reason=getattr(kind.reason, lang),
                               basis=basis_text(kind.legal_basis, lang)))
    return lines
