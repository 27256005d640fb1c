"""Turn a verdict's trace into words: one-line reasons and full explanations, nl or en.

Only called when text is wanted (the per-record evaluation path renders nothing). Pure:
returns strings and lists of lines; printing happens in the CLI.
"""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, Decimal
from typing import Any, Iterator

from bsa_check.engine.values import Average
from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.engine.verdict import TestResult, Verdict
from bsa_check.i18n import fmt_value, join_list, outcome_label, t
from bsa_check.ruleset.operators import IS_EMPTY_WORDS
from bsa_check.ruleset.operators import words as operator_words
from bsa_check.records.fields import FIELDS_BY_NAME
from bsa_check.ruleset import placeholders
from bsa_check.ruleset.model import LegalBasis, Text


def render(text: Text | None, values: dict[str, Any], lang: str) -> str:
    """Fill ``{name}`` placeholders; ``{{``/``}}`` are literal braces. No code is ever run.

    The syntax is ``ruleset.placeholders``, the one ``validate`` checks: every placeholder it accepts
    in a rule's texts is a key of ``values`` (``CompiledRule.placeholders``). A name that is not a key
    (a title rendered without values) is left as written."""
    if text is None:
        return ""
    return fill(getattr(text, lang), values, lang)


def fill(template: str, values: dict[str, Any], lang: str) -> str:
    """:func:`render` for one template string (a rule text in one language, or a letter template)."""

    def value_of(name: str) -> str | None:
        if name not in values:
            return None
        value = values[name]
        if name == "missing" and isinstance(value, tuple):
            return join_list([render(item, values, lang) for item in value], lang)
        return fmt_value(value, lang)

    return placeholders.fill(template, value_of)


def placeholder_spans(template: str) -> Iterator[tuple[str | None, int, int]]:
    """Every token the placeholder language knows, in order: ``(name, start, end)`` for ``{name}``,
    ``(None, start, end)`` for a literal ``{{`` or ``}}``. The same scanner :func:`fill` uses
    (``ruleset.placeholders``), so a validator that checks these checks exactly what will be filled."""
    yield from placeholders.spans(template)


def basis_text(basis: LegalBasis, lang: str) -> str:
    """``WHW art. 7.8b lid 4`` (lid is kept as the term of art in English too)."""
    parts = [basis.law]
    if basis.article:
        parts.append(f"art. {basis.article}")
    if basis.paragraph:
        parts.append(f"lid {basis.paragraph}")
    if basis.sub:
        parts.append(f"sub {basis.sub}")
    text = " ".join(parts)
    if basis.note is not None:
        text += f": {getattr(basis.note, lang).rstrip('.')}"
    if basis.unverified:
        text += f" [{t('unverified', lang)}]"
    return text


def verdict_basis(verdict: Verdict, lang: str) -> str:
    """The deciding rule's basis, plus the basis of each missing precondition."""
    bases = [basis_text(verdict.rule.model.legal_basis, lang)]
    for pre in verdict.missing:
        b = basis_text(pre.model.legal_basis, lang)
        if b not in bases:
            bases.append(b)
    return "; ".join(bases)


def reason(verdict: Verdict, lang: str) -> str:
    """The one-line reason: the rule's text with its values (and the missing steps).

    Under a rule set that is a proposal, every reason starts with a label saying it is not law.
    """
    text = _reason(verdict, lang)
    if verdict.ruleset.model.legal_status == "proposal":
        text = f"[{t('status.proposal', lang)}] {text}"
    return text


def _fragments(verdict: Verdict, lang: str) -> str:
    """The reason fragments whose condition held, each after a space (issue 19 item 7)."""
    texts = verdict.rule.model.reason_fragments
    return "".join(" " + render(texts[i].text, verdict.values, lang) for i in verdict.fragments)


def _reason(verdict: Verdict, lang: str) -> str:
    rule = verdict.rule.model
    if verdict.missing:
        if rule.reason_if_missing is not None:
            return render(rule.reason_if_missing, verdict.values, lang) + _fragments(verdict, lang)
        items = join_list([render(p.model.missing, verdict.values, lang) for p in verdict.missing], lang)
        return (render(rule.reason, verdict.values, lang) + _fragments(verdict, lang) + " "
                + t("missing.list", lang, items=items))
    text = render(rule.reason, verdict.values, lang) + _fragments(verdict, lang)
    if rule.note is not None:
        text += " " + render(rule.note, verdict.values, lang)
    if rule.decided_by is not None and verdict.outcome == "needs_review":
        text += " " + t("reason.decided_by", lang, who=render(rule.decided_by, verdict.values, lang))
    return text


def verdict_label(verdict: Verdict, lang: str) -> str | None:
    """The label of an interim advice (the rule's ``label``: on track, doubtful, ...), else None."""
    label = verdict.rule.model.label
    if verdict.outcome != "interim" or label is None:
        return None
    text: str = getattr(label, lang)
    return text


def outcome_text(verdict: Verdict, lang: str) -> str:
    """The outcome in words, with an interim advice's label: ``interim (not binding): doubtful``."""
    label = verdict_label(verdict, lang)
    text = outcome_label(verdict.outcome, lang)
    return text if label is None else f"{text}: {label}"


def shows_shortfall(verdict: Verdict) -> bool:
    """A credit gap is worth showing unless the student already has a positive advice or none at all."""
    return verdict.outcome not in ("positive", "no_advice", "not_yet_due")


def shortfall_texts(verdict: Verdict, lang: str) -> list[str]:
    """What would change it, one line per credit gap. A gap of a derived total (credits plus the resits
    left), or one of several gaps, names what falls short by its own label and value: two lines
    "0.5 EC short of the 45 EC norm" for the credits earned and for what the resits could bring would
    say neither which is which nor that the second already counts the resits."""
    if not shows_shortfall(verdict):
        return []
    labelled = len(verdict.shortfalls) > 1
    out = []
    for s in verdict.shortfalls:
        amount, target = fmt_value(s.amount, lang), fmt_value(s.target, lang)
        derived = verdict.ruleset.model.derived.get(s.field)
        if labelled or derived is not None:
            label = getattr(derived.title, lang) if derived is not None and derived.title is not None \
                else _field_label(s.field, lang)
            out.append(t("shortfall.of", lang, label=label, actual=fmt_value(s.actual, lang), amount=amount,
                         target=target))
        else:
            out.append(t("shortfall", lang, amount=amount, target=target))
    return out


def _field_label(name: str, lang: str) -> str:
    spec = FIELDS_BY_NAME.get(name)
    if spec is None:
        return name
    text = spec.nl if lang == "nl" else spec.en
    return text[:1].upper() + text[1:]


def changes(verdict: Verdict, lang: str) -> list[str]:
    """What would change the outcome: credit shortfalls, the units still to pass for a required-unit or
    k-of-n test, and the missing procedural steps, each with the latest day it can still lawfully be
    taken (:mod:`bsa_check.explain.gaps`)."""
    from bsa_check.explain.gaps import step_deadline_text, step_deadlines, unit_gap_texts

    out = [*shortfall_texts(verdict, lang), *unit_gap_texts(verdict, lang)]
    if verdict.missing:
        latest = step_deadlines(verdict)
        items = []
        for p in verdict.missing:
            item = f"{render(p.model.missing, verdict.values, lang)} ({basis_text(p.model.legal_basis, lang)})"
            if p.id in latest:
                item += f", {step_deadline_text(latest[p.id], lang)}"
            items.append(item)
        out.append(t("record.steps", lang, items="; ".join(items)))
    return out


def one_line(verdict: Verdict, lang: str) -> str:
    """Reason, what would change it, and the legal basis: what the text table shows."""
    parts = [reason(verdict, lang), *shortfall_texts(verdict, lang)]
    text = " ".join((p[:1].upper() + p[1:]) if p.endswith(".") else (p[:1].upper() + p[1:] + ".") for p in parts)
    flag = f" [{t('rule.unverified', lang)}]" if verdict.rule.model.unverified else ""
    return f"{text} [{verdict_basis(verdict, lang)}]{flag}"


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


def provenance_line(ruleset: CompiledRuleSet, lang: str) -> list[str]:
    p = ruleset.model.provenance
    if p is None:
        return []
    flags = [x for x, on in ((t("provenance.fictional", lang), p.fictional), (t("unverified", lang), p.unverified)) if on]
    return [t("explain.provenance", lang, document=p.document, institution=p.institution,
              articles=t("provenance.articles", lang, items=", ".join(p.articles)) if p.articles else "",
              flags=f" [{'; '.join(flags)}]" if flags else "")]


def not_automated(ruleset: CompiledRuleSet, lang: str) -> list[str]:
    """Requirements the rule set declares it cannot check from a record."""
    items = ruleset.model.not_automated
    if not items:
        return []
    lines = [t("explain.not_automated", lang)]
    lines.extend(f"  - {getattr(i.text, lang)} [{basis_text(i.legal_basis, lang)}]" for i in items)
    return lines


def full_explanation(verdict: Verdict, lang: str) -> list[str]:
    """A rule set's header, the decision trace, and what the tool could not check."""
    rs = verdict.ruleset
    status = t(f"status.{rs.model.legal_status}", lang)
    lines = [t("explain.header", lang, title=getattr(rs.model.title, lang), name=rs.name, version=rs.version,
               status=status)]
    if verdict.via is not None:  # a proposal before its start: current law decides this academic year
        lines.append(t("explain.before_valid_from", lang, asked=verdict.via.name, start=verdict.via.model.valid_from,
                       name=rs.name))
    if rs.model.legal_status == "proposal":
        lines.append(t("proposal.banner", lang))
    lines.extend(provenance_line(rs, lang))
    lines.extend(explanation(verdict, lang))
    lines.extend(not_automated(rs, lang))
    return lines


def comparison(verdicts: list[Verdict], lang: str) -> list[str]:
    """How the same student fares under each rule set."""
    lines = [t("explain.compare", lang)]
    for v in verdicts:
        name = v.ruleset.name if v.via is None else f"{v.via.name} ({v.ruleset.name})"
        lines.append("  - " + t("explain.under", lang, name=name, outcome=outcome_text(v, lang),
                                  rule=v.rule.id))
        for change in changes(v, lang):
            lines.append(f"      {change}")
    differs = len({(v.outcome, verdict_label(v, "en")) for v in verdicts}) > 1
    lines.append(t("explain.differs" if differs else "explain.same", lang))
    return lines


from bsa_check import _callable  # noqa: E402

_callable(__name__, "explain")  # bsa_check.explain(...) is the Python API (bsa_check.api)
