"""The full decision trace of one verdict, line by line: the rule set (and the files it extends),
every rule checked in order with its tests, the preconditions, the derived values, the deciding rule
and what would change it. Pure."""

from __future__ import annotations

import re

from bsa_check.engine.verdict import TestResult, Verdict
from bsa_check.explain.details import derived_lines, excluded_circumstance_lines, exclusion_lines
from bsa_check.explain.reasons import changes, outcome_text, reason
from bsa_check.explain.texts import basis_text, render
from bsa_check.i18n import fmt_value, t
from bsa_check.ruleset.operators import IS_EMPTY_WORDS
from bsa_check.ruleset.operators import words as operator_words


def test_text(test: TestResult, lang: str) -> str:
    op = operator_words(test.op, lang)
    if test.op == "is_set":
        state = fmt_value(test.left, lang)
        op = op if test.right else IS_EMPTY_WORDS[lang]
        return f"{test.subject} {op}: {'✓' if test.result else '✗'} ({state})"
    right = fmt_value(test.right, lang)
    if test.right_label:
        right = f"{shift_words(test.right_label, lang)} = {right}"
    mark = "✓" if test.result else "✗"
    return f"{test.subject} = {fmt_value(test.left, lang)} {op} {right}: {mark}"


_SHIFT = re.compile(r"(?<=[+-] )(\S+) (years?|months|working days|days)\b")
_SHIFT_NL = {"year": ("jaar", "jaar"), "years": ("jaar", "jaar"), "months": ("maand", "maanden"),
             "days": ("dag", "dagen"), "working days": ("werkdag", "werkdagen")}


def shift_words(label: str, lang: str) -> str:
    """A shifted date's label (``warning_date + warning_period_days days``, as the compiler writes it) with
    its units in ``lang``; the names (fields, parameters) stay as the rule file writes them."""
    if lang != "nl":
        return label

    def unit(m: re.Match[str]) -> str:
        one, many = _SHIFT_NL[m[2]]
        return f"{m[1]} {one if m[1] in ('1', '-1') else many}"

    return _SHIFT.sub(unit, label)


def explanation(verdict: Verdict, lang: str) -> list[str]:
    """The full decision, line by line: every rule checked in order, the deciding one, why."""
    rs = verdict.ruleset
    lines = [t("explain.ruleset", lang, name=rs.name, version=rs.version, sha=rs.sha256[:12])]
    lines.extend(origin_lines(rs.origins, lang))
    lines.append(t("explain.checked", lang))
    for i, check in enumerate(verdict.checks, 1):
        title = render(check.rule.model.title, {}, lang) if check.rule.model.title else check.rule.id
        state = t("explain.rule_yes" if check.matched else "explain.rule_no", lang)
        flag = f" [{t('rule.unverified', lang)}]" if check.rule.model.unverified else ""
        lines.append(f"  {i}. {check.rule.id} ({title}): {state}"
                     f" [{basis_text(check.rule.model.legal_basis, lang)}]{flag}")
        if rs.origins.get(f"rule:{check.rule.id}"):
            lines.append("       " + t("explain.from_file", lang, file=rs.origins[f"rule:{check.rule.id}"]))
        for test in check.tests:
            lines.append(f"       {test_text(test, lang)}")
    for pc in verdict.preconditions:
        state = t("explain.pre_met" if pc.met else "explain.pre_missing", lang)
        group = rs.origins.get(f"set:{verdict.rule.id}:{pc.precondition.id}")
        group = " " + t("explain.from_set", lang, name=group) if group else ""
        lines.append(f"     - {pc.precondition.id}: {state} [{basis_text(pc.precondition.model.legal_basis, lang)}]"
                     f"{group}")
        for test in pc.tests:
            lines.append(f"         {test_text(test, lang)}")
    lines.extend(derived_lines(verdict, lang))
    title = render(verdict.rule.model.title, {}, lang) if verdict.rule.model.title else verdict.rule.id
    lines.append(t("explain.decided", lang, rule=verdict.rule.id, title=title,
                   outcome=outcome_text(verdict, lang)))
    lines.append(f"  {reason(verdict, lang)}")
    rule = verdict.rule.model
    if rule.decided_by is not None and verdict.outcome == "needs_review":
        lines.append("  " + t("explain.decided_by", lang, who=render(rule.decided_by, verdict.values, lang)))
    lines.extend(exclusion_lines(verdict, lang))
    lines.extend(excluded_circumstance_lines(verdict, lang))
    change = changes(verdict, lang)
    if change:
        lines.append(t("explain.change", lang))
        lines.extend(f"  - {c}" for c in change)
    return lines


def origin_lines(origins: dict[str, str], lang: str) -> list[str]:
    """For a rule set that ``extends`` another: the chain of files, the parameters whose values this
    chain's files set over the parent's, and the rules left out with why (empty for a flat file)."""
    if "chain" not in origins:
        return []
    lines = [t("explain.extends", lang, chain=origins["chain"])]
    for key in sorted(origins):
        kind, _, name = key.partition(":")
        if kind == "parameter" and "(" in origins[key]:
            lines.append(t("explain.own_value", lang, name=name, file=origins[key]))
        elif kind == "removed":
            file, _, why = origins[key].partition("\n")
            lines.append(t("explain.removed_rule", lang, rule=name, why=why if lang == "en" else origins.get(
                f"removed_nl:{name}", why)))
    return lines
