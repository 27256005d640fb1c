"""Renderers for ``compare`` shared by every format, plus the json and markdown formats.

Formats a :class:`bsa_check.compare.Comparison`; never evaluates. The JSON document is the stable,
versioned shape (``format_version``); text (``compare_text``) and html (``compare_html``) show the
same numbers through the helpers here, so the formats cannot disagree.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, TextIO

from bsa_check.compare import BIN_WIDTH, N_BINS, NO_CREDITS, Comparison, Matrix, Norm, RuleSetInfo, bin_label
from bsa_check.i18n import fmt_date, fmt_decimal, outcome_label, t
from bsa_check.textsafe import JSON_ESCAPES, visible

COMPARE_FORMAT_VERSION = 1
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"R{index + 1}"


def share(n: int, total: int) -> Decimal:
    """n/total as a fraction rounded to 4 places (half-even); 0 when total is 0."""
    if not total:
        return Decimal(0)
    return (Decimal(n) / Decimal(total)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)


def pct(n: int, total: int, lang: str) -> str:
    """``35.5%`` (en) or ``35,5%`` (nl), one decimal."""
    value = (share(n, total) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_EVEN)
    text = format(value, "f")
    return (text.replace(".", ",") if lang == "nl" else text) + "%"


def status(info: RuleSetInfo, lang: str) -> str:
    return t(f"status.{info.legal_status}", lang)


def ruleset_label(c: Comparison, index: int) -> str:
    info = c.rulesets[index]
    return f"{letter(index)}: {info.name} {info.version}"


def drawn_norms(c: Comparison) -> list[tuple[int, Decimal, list[Norm]]]:
    """The norms drawn on the credit chart: each rule set's full-time (default) year-one norm.

    Part-time and per-programme norms are listed in the legend and the JSON, not drawn: a line per
    variant would bury the picture. A rule set without a credit norm (MBO) has no line.
    """
    out = []
    for i, info in enumerate(c.rulesets):
        full = [n for n in info.norms if not n.part_time] or list(info.norms[:1])
        for value in sorted({n.value for n in full}):
            out.append((i, value, [n for n in full if n.value == value]))
    return out


def other_norms(c: Comparison) -> list[tuple[int, Norm]]:
    """Norms not drawn: part-time ones (when a full-time one is drawn)."""
    drawn = {(i, n.param) for i, _, ns in drawn_norms(c) for n in ns}
    return [(i, n) for i, info in enumerate(c.rulesets) for n in info.norms if (i, n.param) not in drawn]


def norm_text(c: Comparison, index: int, norm: Norm, lang: str) -> str:
    text = f"{letter(index)} {c.rulesets[index].name}: {norm.title[lang]} {fmt_decimal(norm.value, lang)} EC"
    if norm.by_programme:
        per = ", ".join(f"{p} {fmt_decimal(v, lang)}" for p, v in sorted(norm.by_programme.items()))
        text += " (" + t("cmp.per_programme_norm", lang, items=per) + ")"
    return text


def headline(c: Comparison, lang: str) -> list[str]:
    """The few sentences a reader needs first."""
    lines = [t("cmp.rows", lang, rows=c.rows, compared=c.compared, errors=c.error_count)]
    changed = c.changed_count()
    lines.append(t("cmp.changed", lang, n=changed, pct=pct(changed, c.compared, lang)))
    for m in c.matrices():
        for cell in m.moves[:3]:
            lines.append(t("cmp.move", lang, n=cell.count, a=letter(m.a), b=letter(m.b),
                           before=outcome_label(cell.before, lang), after=outcome_label(cell.after, lang)))
    return lines


def bin_range(index: int, lang: str) -> str:
    if index == NO_CREDITS:
        return t("cmp.no_credits", lang)
    return bin_label(index).replace(".", ",") if lang == "nl" else bin_label(index)


def main_move(m: Matrix, lang: str) -> str:
    moves = m.moves
    if not moves:
        return ""
    cell = moves[0]
    return f"{outcome_label(cell.before, lang)} → {outcome_label(cell.after, lang)} ({cell.count})"


# --- json ------------------------------------------------------------------------------------------


def _matrix_dict(c: Comparison, m: Matrix) -> dict[str, Any]:
    return {
        "from": m.a, "to": m.b,
        "from_ruleset": c.rulesets[m.a].name, "to_ruleset": c.rulesets[m.b].name,
        "total": m.total, "changed": m.changed, "changed_share": float(share(m.changed, m.total)),
        "cells": [{"from": x.before, "to": x.after, "count": x.count, "share": float(share(x.count, m.total))}
                  for x in m.cells],
    }


def compare_dict(c: Comparison, lang: str) -> dict[str, Any]:
    """The JSON document: stable keys, ``format_version``, totals that add up to the rows read."""
    hist = c.histogram()
    bins = [{"from": str(BIN_WIDTH * b), "to": str(BIN_WIDTH * (b + 1)) if b < N_BINS - 1 else None,
             "count": n, "changed": moved} for b, n, moved in hist if b != NO_CREDITS]
    no_value = next(((n, moved) for b, n, moved in hist if b == NO_CREDITS), (0, 0))
    return {
        "format_version": COMPARE_FORMAT_VERSION,
        "command": "compare",
        "as_of": c.as_of.isoformat(),
        "lang": lang,
        "source": c.source,
        "rulesets": [{
            "label": letter(i), "name": r.name, "version": r.version, "sha256": r.sha256,
            "legal_status": r.legal_status, "title": r.title[lang], "params": r.params,
            "placeholders": list(r.placeholders),
            "norms": [{"param": n.param, "title": n.title[lang], "value": str(n.value), "part_time": n.part_time,
                       "by_programme": {p: str(v) for p, v in sorted(n.by_programme.items())}} for n in r.norms],
        } for i, r in enumerate(c.rulesets)],
        "totals": {"rows": c.rows, "compared": c.compared, "errors": c.error_count, "changed": c.changed_count()},
        "outcomes": [c.outcome_counts(i) for i in range(len(c.rulesets))],
        "transitions": [_matrix_dict(c, m) for m in c.matrices()],
        "programmes": [{
            "programme": p, "compared": c.total(p), "changed": c.changed_count(p),
            "outcomes": [c.outcome_counts(i, p) for i in range(len(c.rulesets))],
            "transitions": [_matrix_dict(c, m) for m in c.matrices(p)],
        } for p in c.programmes],
        "histogram": {"field": "ec_year1", "bin_width": str(BIN_WIDTH), "bins": bins,
                      "no_value": {"count": no_value[0], "changed": no_value[1]}},
        "errors": {
            "count": c.error_count,
            "listed": [{"line": e.line, "code": e.code, "message": e.message, "file": e.file, "column": e.column,
                        "column_name": e.column_name, "hint": e.hint, "ruleset": e.ruleset} for e in c.errors],
        },
        "changed_students": None if c.changed is None else [{
            "line": s.line, "student_id": s.student_id, "programme": s.programme, "ec_year1": s.ec_year1,
            "decisions": [{"ruleset": c.rulesets[i].name, "outcome": d.outcome, "label": d.label, "rule": d.rule,
                           "reason": d.reason}
                          for i, d in enumerate(s.decisions)],
        } for s in c.changed],
    }


def to_json(c: Comparison, lang: str) -> str:
    return json.dumps(compare_dict(c, lang), ensure_ascii=False, indent=2).translate(JSON_ESCAPES) + "\n"


# --- markdown --------------------------------------------------------------------------------------


# Markdown that text from a record (programme codes, reasons, file names) could make active: links
# and images ([ ] ! ( )), code (`), emphasis (* _ ~), HTML and entities (< > &), table cells (|).
_MD_ESCAPES = str.maketrans({
    **{ch: "\\" + ch for ch in "\\`*_[]()!~#|"},
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " ", "\r": " ",
})


def _md(text: Any) -> str:
    """Text as inert Markdown: every character Markdown (GitHub flavour) would act on is escaped,
    so a record cell can neither break the table nor become a link, an image, code or HTML; control
    characters are written as visible escapes (``bsa_check.textsafe``)."""
    return visible(str(text).translate(_MD_ESCAPES))


def _md_table(head: list[str], rows: list[list[Any]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    out = ["| " + " | ".join(_md(h) for h in head) + " |",
           "|" + "|".join("---:" if i in right else "---" for i in range(len(head))) + "|"]
    out += ["| " + " | ".join(_md(x) for x in row) + " |" for row in rows]
    return out


def write_json(c: Comparison, lang: str, out: TextIO) -> None:
    """The json format (``formats.COMPARE_FORMATS``): :func:`to_json` written to ``out``."""
    out.write(to_json(c, lang))


def matrix_rows(c: Comparison, m: Matrix, lang: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a transition table: outcome under A down, under B across, row totals."""
    cols = m.columns()
    head = [f"{letter(m.a)} ↓ {letter(m.b)} →"] + [outcome_label(o, lang) for o in cols] + [t("cmp.total", lang)]
    rows = []
    for r in m.rows():
        counts = [m.count(r, col) for col in cols]
        rows.append([outcome_label(r, lang)] + [str(n) if n else "·" for n in counts] + [str(sum(counts))])
    return head, rows


def to_markdown(c: Comparison, lang: str) -> str:
    """GitHub-flavoured Markdown that fits a job summary: headline, tables, a text histogram."""
    out = [f"## {t('cmp.title', lang)}", ""]
    for i, info in enumerate(c.rulesets):
        mark = " ⚠️ **" + status(info, lang) + "**" if info.is_proposal else f" ({status(info, lang)})"
        # every rule-set text escaped: the name by its pattern, the version and labels by _md
        out.append(f"- **{letter(i)}**: `{info.name}` {_md(info.version)}{mark} — sha256 `{info.sha256[:12]}`")
    out += ["", t("cmp.as_of", lang, as_of=fmt_date(c.as_of, lang), source=_md(c.source)), ""]
    out += [f"> {line}" for line in headline(c, lang)] + [""]
    out += [f"### {t('cmp.outcomes', lang)}", ""]
    head = [t("col.outcome", lang)] + [letter(i) for i in range(len(c.rulesets))]
    counts = [c.outcome_counts(i) for i in range(len(c.rulesets))]
    rows = [[outcome_label(o, lang)] + [str(cnt[o]) for cnt in counts] for o in counts[0]
            if any(cnt[o] for cnt in counts)]
    out += _md_table(head, rows, set(range(1, len(head)))) + [""]
    for m in c.matrices():
        out += [f"### {_md(t('cmp.matrix', lang, a=ruleset_label(c, m.a), b=ruleset_label(c, m.b)))}", ""]
        head, rows = matrix_rows(c, m, lang)
        out += _md_table(head, rows, set(range(1, len(head)))) + [""]
    out += [f"### {t('cmp.programmes', lang)}", ""]
    out += _md_table(*programme_table(c, lang), right={1, 2, 3}) + [""]
    # in the code block only a line starting with backticks would act; every line starts with the
    # tool's own words or spaces, and visible() keeps a rule-set text from starting a new line
    fenced = [visible(line) for line in histogram_lines(c, lang, width=30)]
    out += [f"### {t('cmp.histogram', lang)}", "", "```"] + fenced + ["```", ""]
    if c.error_count:
        out += [f"### {t('cmp.errors', lang, n=c.error_count)}", ""]
        out += [f"- `{e.code}` {_md(str(e))}" for e in c.errors]
        if c.error_count > len(c.errors):
            out.append(f"- {t('cmp.errors_more', lang, n=c.error_count - len(c.errors))}")
        out.append("")
    if c.changed is not None:
        out += [f"### {t('cmp.changed_title', lang, n=len(c.changed))}", ""]
        head = [t("col.line", lang), t("col.student", lang), t("col.programme", lang), t("col.ec", lang)]
        head += [f"{letter(i)}" for i in range(len(c.rulesets))]
        out += _md_table(head, [[s.line, s.student_id or "", s.programme or "", s.ec_year1 or ""]
                                + [f"{decision_outcome(d, lang)}: {d.reason}" for d in s.decisions]
                                for s in c.changed]) + [""]
    return "\n".join(out)


def write_markdown(c: Comparison, lang: str, out: TextIO) -> None:
    """The markdown format (``formats.COMPARE_FORMATS``): :func:`to_markdown` written to ``out``."""
    out.write(to_markdown(c, lang))


def programme_table(c: Comparison, lang: str) -> tuple[list[str], list[list[str]]]:
    head = [t("col.programme", lang), t("cmp.students", lang), t("cmp.changed_col", lang), t("cmp.share", lang)]
    head += [t("cmp.main_move", lang, a=letter(m.a), b=letter(m.b)) for m in c.matrices()]
    rows = []
    for p in c.programmes:
        total, changed = c.total(p), c.changed_count(p)
        rows.append([p or t("cmp.no_programme", lang), str(total), str(changed), pct(changed, total, lang)]
                    + [main_move(m, lang) for m in c.matrices(p)])
    return head, rows


def histogram_lines(c: Comparison, lang: str, width: int = 40) -> list[str]:
    """A terminal histogram of ec_year1: one bar per 5 EC, the norms as marker lines between bins.

    ``█`` is a student whose outcome is the same under every rule set, ``▒`` one whose outcome changes.
    """
    hist = c.histogram()
    peak = max((n for _, n, _ in hist), default=0) or 1
    markers = drawn_norms(c)
    lines = []
    for b, n, moved in hist:
        if b != NO_CREDITS:
            lo = BIN_WIDTH * b
            for i, value, _norms in markers:
                if lo <= value < lo + BIN_WIDTH or (b == N_BINS - 1 and value >= lo):
                    lines.append(f"{'':>9} ── {letter(i)} {c.rulesets[i].name}: "
                                 f"{t('cmp.norm', lang)} {fmt_decimal(value, lang)} EC")
        same = n - moved
        bar_same = round(same * width / peak)
        bar_moved = round(moved * width / peak)
        if n and not bar_same + bar_moved:
            bar_moved = 1 if moved else 0
            bar_same = 0 if moved else 1
        lines.append(f"{bin_range(b, lang):>9} │{'█' * bar_same}{'▒' * bar_moved} {n}"
                     + (f" ({moved} {t('cmp.changed_short', lang)})" if moved else ""))
    lines.append(t("cmp.hist_legend", lang))
    for i, norm in other_norms(c):
        lines.append(t("cmp.not_drawn", lang, norm=norm_text(c, i, norm, lang)))
    return lines


def decision_outcome(d: Any, lang: str) -> str:
    """A compared decision's outcome in words, with an interim advice's label."""
    text = outcome_label(d.outcome, lang)
    return text if d.label is None else f"{text}: {d.label}"
