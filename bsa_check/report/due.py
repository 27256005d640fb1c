"""``due`` output: text (one line per step, then the counts), csv and jsonl; nl or en.

Formats a :class:`bsa_check.services.due.DuePlan`; evaluates nothing. Cell and rule text is data:
control characters (terminal escapes) are shown as ``\\xNN``, never passed through; csv cells a
spreadsheet would run as a formula get a leading ``'``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from decimal import Decimal
from typing import Any, TextIO

from bsa_check.explain import basis_text, render
from bsa_check.i18n import fmt_date, fmt_value, outcome_label, t
from bsa_check.report.machine import safe_cell
from bsa_check.services.due import DuePlan, Step

FORMAT_VERSION = 1

WORDS: dict[str, dict[str, str]] = {
    "title": {"en": "Due: procedural steps a lawful binding advice still needs ({ruleset} {version}), as of {as_of}",
              "nl": "Te doen: stappen die een rechtmatig bindend advies nog nodig heeft ({ruleset} {version}), peildatum {as_of}"},
    "by": {"en": "by {day}", "nl": "uiterlijk {day}"},
    "from": {"en": "from {day}", "nl": "vanaf {day}"},
    "too_late": {"en": "TOO LATE: no day left for a lawful advice", "nl": "TE LAAT: geen dag meer voor een rechtmatig advies"},
    "timing": {"en": "NOT POSSIBLE: the advice date does not meet", "nl": "NIET MOGELIJK: de adviesdatum voldoet niet aan"},
    "decision": {"en": "a person decides first: {title} ({outcome})", "nl": "eerst beslist een persoon: {title} ({outcome})"},
    "no_date": {"en": "no date in the rule set", "nl": "geen datum in de regelset"},
    "advice": {"en": "advice from {first} (window until {last})", "nl": "advies vanaf {first} (venster tot {last})"},
    "record": {"en": "record {what}", "nl": "vastleggen: {what}"},
    "rule": {"en": "rule", "nl": "regel"},
    "basis": {"en": "basis", "nl": "grondslag"},
    "line": {"en": "line", "nl": "regel"},
    "risk": {"en": "below the norm now: {amount} EC short of {target}", "nl": "nu onder de norm: {amount} EC tekort op {target}"},
    "none": {"en": "Nothing is due.", "nl": "Er is niets te doen."},
    "reachable": {"en": "still reachable with the open units", "nl": "nog haalbaar met de openstaande onderdelen"},
    "unreachable": {"en": "NOT reachable with the open units", "nl": "NIET meer haalbaar met de openstaande onderdelen"},
    "summary": {"en": "{steps} step(s) for {listed} of {students} student(s); {errors} row(s) with errors",
                "nl": "{steps} stap(pen) voor {listed} van {students} student(en); {errors} regel(s) met fouten"},
    "later": {"en": "; {n} student(s) with steps due later than --within",
              "nl": "; {n} student(en) met stappen die later dan --within vallen"},
    "out": {"en": "Counted, not listed (out of scope or nothing due):", "nl": "Geteld, niet vermeld (buiten bereik of niets te doen):"},
    "complete": {"en": "every step recorded", "nl": "alle stappen vastgelegd"},
    "scope": {"en": "out of scope", "nl": "buiten bereik"},
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def w(key: str, lang: str, **values: Any) -> str:
    return WORDS[key][lang].format(**values)


def plain(text: str) -> str:
    """Data shown on a terminal: control characters (escape sequences) as visible ``\\xNN``."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def step_text(step: Step, lang: str) -> str:
    """What to do, in the rule set's words (a precondition's ``missing``) or the decision pending."""
    if step.kind == "decision":
        title = step.rule.model.title
        return w("decision", lang, title=getattr(title, lang) if title else step.rule.id,
                 outcome=outcome_label(step.rule.outcome, lang))
    assert step.precondition is not None
    return render(step.precondition.model.missing, step.values, lang)


def step_basis(step: Step, lang: str) -> str:
    model = step.precondition.model.legal_basis if step.precondition is not None else step.rule.model.legal_basis
    return basis_text(model, lang)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def as_dict(step: Step, lang: str) -> dict[str, Any]:
    return {
        "line": step.line, "student_id": step.student_id, "programme": step.programme, "kind": step.kind,
        "step": step.step_id, "rule": step.rule.id, "latest": _iso(step.latest), "earliest": _iso(step.earliest),
        "too_late": step.too_late, "advice_from": _iso(step.advice_from), "advice_until": _iso(step.advice_until),
        "what": step_text(step, lang), "basis": step_basis(step, lang),
        "record": {k: (v.isoformat() if isinstance(v, date) else v) for k, v in step.needed.items()} or None,
        "shortfall": _dec(step.shortfall), "norm": _dec(step.target), "reachable": step.reachable,
    }


def counts(plan: DuePlan, lang: str) -> list[dict[str, Any]]:
    out = []
    for (status, outcome, rule_id), n in sorted(plan.out_of_scope.items(), key=lambda kv: (-kv[1], kv[0])):
        title = plan.rule_titles.get(rule_id)
        out.append({"status": status, "outcome": outcome, "rule": rule_id,
                    "title": getattr(title, lang) if title else rule_id, "count": n})
    return out


def write_text(plan: DuePlan, ruleset: Any, lang: str, out: TextIO) -> None:
    out.write(w("title", lang, ruleset=ruleset.name, version=ruleset.version, as_of=fmt_date(plan.as_of, lang)) + "\n")
    if ruleset.model.legal_status == "proposal":
        out.write(t("proposal.banner", lang) + "\n")
    out.write("\n")
    if not plan.steps:
        out.write(w("none", lang) + "\n")
    for s in plan.steps:
        if s.kind == "timing":
            when = w("timing", lang)
        elif s.too_late:
            when = w("too_late", lang)
        elif s.latest is None:
            when = w("no_date", lang)
        else:
            when = w("by", lang, day=fmt_date(s.latest, lang))
            if s.earliest is not None and s.earliest > plan.as_of:
                when += ", " + w("from", lang, day=fmt_date(s.earliest, lang))
        head = f"{when}  {plain(s.student_id)} ({w('line', lang)} {s.line}, {plain(s.programme or '')})"
        out.write(head + "\n")
        out.write("    " + plain(step_text(s, lang)) + "\n")
        details = [f"{w('rule', lang)} {s.rule.id}", f"{w('basis', lang)} {plain(step_basis(s, lang))}"]
        if s.advice_from is not None:
            details.append(w("advice", lang, first=fmt_date(s.advice_from, lang),
                             last=fmt_date(s.advice_until or s.advice_from, lang)))
        if s.needed:
            details.append(w("record", lang, what=", ".join(f"{k}={fmt_value(v, lang)}" for k, v in s.needed.items())))
        if s.shortfall is not None and s.shortfall > 0 and s.target is not None:
            details.append(w("risk", lang, amount=fmt_value(s.shortfall, lang), target=fmt_value(s.target, lang)))
            if s.reachable is not None:
                details.append(w("reachable" if s.reachable else "unreachable", lang))
        out.write("    " + " · ".join(details) + "\n")
    out.write("\n" + summary_line(plan, lang) + "\n")
    rows = counts(plan, lang)
    if rows:
        out.write(w("out", lang) + "\n")
        for r in rows:
            status = w("complete" if r["status"] == "complete" else "scope", lang)
            out.write(f"  {r['count']:>6}  {outcome_label(r['outcome'], lang)}: {plain(r['title'])} "
                      f"({r['rule']}; {status})\n")


def summary_line(plan: DuePlan, lang: str) -> str:
    text = w("summary", lang, steps=len(plan.steps), listed=plan.listed_students, students=plan.students,
             errors=len(plan.errors))
    return text + (w("later", lang, n=plan.later_students) if plan.later_students else "")


def write_jsonl(plan: DuePlan, ruleset: Any, lang: str, out: TextIO) -> None:
    """One object per step; a last object (``"kind": "summary"``) with the counts."""
    for s in plan.steps:
        out.write(json.dumps(as_dict(s, lang), ensure_ascii=False) + "\n")
    out.write(json.dumps({"kind": "summary", "format_version": FORMAT_VERSION, "as_of": plan.as_of.isoformat(),
                          "ruleset": {"name": ruleset.name, "version": ruleset.version, "sha256": ruleset.sha256,
                                      "legal_status": ruleset.model.legal_status},
                          "steps": len(plan.steps), "students": plan.students, "listed_students": plan.listed_students,
                          "later_students": plan.later_students,
                          "errors": len(plan.errors), "not_listed": counts(plan, lang)}, ensure_ascii=False) + "\n")


CSV_COLUMNS = ("latest", "earliest", "too_late", "student_id", "line", "programme", "kind", "step", "what", "rule",
               "basis", "advice_from", "advice_until", "record", "shortfall", "norm", "reachable")


def write_csv(plan: DuePlan, ruleset: Any, lang: str, out: TextIO, delimiter: str = ",") -> None:
    """One row per step (the counts go to stderr, as the CLI prints them for every format)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for s in plan.steps:
        d = as_dict(s, lang)
        d["record"] = "; ".join(f"{k}={v}" for k, v in (d["record"] or {}).items())
        writer.writerow([safe_cell("" if d[c] is None else d[c]) for c in CSV_COLUMNS])
    out.write(buf.getvalue())
