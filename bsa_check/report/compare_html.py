"""HTML format of ``compare``: one self-contained document for a board. Formats, never evaluates.

Self-contained means: inline CSS and inline SVG, no script, no font, image or stylesheet fetched
from anywhere, no ``src``/``href`` leaving the file (inline SVG in HTML needs no ``xmlns``, so the
document holds no URL at all). Readable on a phone (viewport meta, fluid grid, scrollable tables)
and printed (print CSS, A4 margins, colours kept). Deterministic: same comparison, same bytes (no
timestamp; the reference date and the rule sets' hashes say what it is).

Why the two charts are written here rather than drawn by a chart library (the issue asks for a
library unless this note shows why hand-written is better). Measured on this machine:
- matplotlib (SVG backend) would add ~125 MB installed (matplotlib 35 MB, numpy 45 MB, fontTools
  30 MB, pillow, kiwisolver, contourpy) to a tool institutions install on locked-down laptops, and
  0.4-1.0 s of import. Its SVG carries a DOCTYPE and metadata with ``http://`` URLs that would have
  to be stripped, fixed pixel sizes, and text in its own fonts rather than the page's, so the
  chart would not follow the document's type, colours or print styles.
- pygal (pure Python) by default writes ``<script href="https://kozea.github.io/...">`` into every
  chart: exactly the external reference this report must never contain; it can be switched off,
  but then each upgrade has to be re-audited for what it links.
- What the report needs is small and fixed: one histogram whose x axis is always 0-60+ EC in 5 EC
  bins (no tick algorithm), a "nice" y step (one function), vertical norm lines, and 100 % bars of
  outcome shares. That is about 120 lines here, with text in the page font, colours shared with
  the tables, an accessible ``<title>``/``<desc>``, and byte-for-byte reproducible output.
The transition matrix and the per-programme table are HTML tables (shaded cells), not charts.
"""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import TextIO

from bsa_check import __version__
from bsa_check.compare import BIN_WIDTH, N_BINS, NO_CREDITS, Comparison, Matrix
from bsa_check.i18n import OUTCOME_LABELS, fmt_date, fmt_decimal, outcome_label, t
from bsa_check.report.compare import (bin_range, decision_outcome, drawn_norms, headline, letter, main_move, norm_text, other_norms,
                                      pct, status)
from bsa_check.textsafe import visible

OUTCOME_COLOURS = {
    "positive": "#2f9e44",
    "negative": "#c92a2a",
    "negative_advisory": "#e8590c",
    "procedure_incomplete": "#f59f00",
    "needs_review": "#9c36b5",
    "postponed": "#1098ad",
    "no_advice": "#adb5bd",
    "not_yet_due": "#ced4da",
    "interim": "#4263eb",
}
RULESET_COLOURS = ("#1c3d5a", "#d9480f", "#5f3dc4", "#087f5b", "#a61e4d")
SAME, CHANGED = "#a5b8cc", "#f08c00"


def _e(value: object) -> str:
    return visible(escape(str(value), quote=True))  # control characters too (bsa_check.textsafe)


def _rs_colour(i: int) -> str:
    return RULESET_COLOURS[i % len(RULESET_COLOURS)]


def _nice_step(peak: int) -> int:
    """A y-axis step of 1, 2 or 5 x 10^k giving at most five gridlines."""
    step = 1
    while True:
        for f in (1, 2, 5):
            if peak / (step * f) <= 5:
                return step * f
        step *= 10


def histogram_svg(c: Comparison, lang: str) -> str:
    """Students per 5 EC of ec_year1, stacked same/changed, with each full-time norm as a line."""
    hist = [(b, n, moved) for b, n, moved in c.histogram() if b != NO_CREDITS]
    markers = drawn_norms(c)
    width, left, right, bottom = 720, 48, 16, 52
    top = 30 + 18 * max(len(markers), 1)
    height = top + 212 + bottom
    pw, ph = width - left - right, height - top - bottom
    span = Decimal(N_BINS) * BIN_WIDTH  # the last bin (60+) is drawn 5 EC wide

    def x(ec: Decimal) -> float:
        return left + float(min(ec, span) / span) * pw

    peak = max((n for _, n, _ in hist), default=0)
    step = _nice_step(max(peak, 1))
    ymax = step * -(-max(peak, 1) // step)

    def y(v: float) -> float:
        return top + ph - v / ymax * ph

    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="hist-t hist-d">',
           f'<title id="hist-t">{_e(t("cmp.histogram", lang))}</title>',
           f'<desc id="hist-d">{_e(t("cmp.chart_note", lang))}</desc>']
    for v in range(0, ymax + 1, step):
        out.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
                   f'<text class="tick" x="{left - 8}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>')
    bar_w = pw / N_BINS
    for b, n, moved in hist:
        x0 = left + b * bar_w + 2
        same = n - moved
        if same:
            out.append(f'<rect fill="{SAME}" x="{x0:.1f}" y="{y(same):.1f}" width="{bar_w - 4:.1f}" '
                       f'height="{y(0) - y(same):.1f}"><title>{_e(bin_range(b, lang))} EC: {same}</title></rect>')
        if moved:
            out.append(f'<rect fill="{CHANGED}" x="{x0:.1f}" y="{y(n):.1f}" width="{bar_w - 4:.1f}" '
                       f'height="{y(same) - y(n):.1f}"><title>{_e(bin_range(b, lang))} EC: {moved} '
                       f'{_e(t("cmp.chart_changed", lang))}</title></rect>')
        if n:
            out.append(f'<text class="count" x="{x0 + (bar_w - 4) / 2:.1f}" y="{y(n) - 5:.1f}" '
                       f'text-anchor="middle">{n}</text>')
    out.append(f'<line class="axis" x1="{left}" x2="{width - right}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    for b in range(N_BINS - 1):  # the last edge (60) is labelled "60+" under its bar
        label = fmt_decimal(BIN_WIDTH * b, lang)
        out.append(f'<text class="tick" x="{left + b * bar_w:.1f}" y="{y(0) + 18:.1f}" text-anchor="middle">'
                   f'{label}</text>')
    out.append(f'<text class="tick" x="{left + (N_BINS - 0.5) * bar_w:.1f}" y="{y(0) + 18:.1f}" '
               f'text-anchor="middle">60+</text>')
    out.append(f'<text class="axis-title" x="{left + pw / 2:.1f}" y="{height - 8}" text-anchor="middle">'
               f'{_e(t("cmp.chart_x", lang))}</text>')
    out.append(f'<text class="axis-title" x="14" y="{top + ph / 2:.1f}" text-anchor="middle" '
               f'transform="rotate(-90 14 {top + ph / 2:.1f})">{_e(t("cmp.chart_y", lang))}</text>')
    for level, (i, value, _) in enumerate(markers):  # one label row per line, so labels never overlap
        xv = x(value)
        colour = _rs_colour(i)
        label = f"{letter(i)} {c.rulesets[i].name}: {fmt_decimal(value, lang)} EC"
        anchor = "end" if xv > left + pw * 0.6 else "start"
        dx = -6 if anchor == "end" else 6
        ly = 18 + level * 18
        out.append(f'<line class="norm" stroke="{colour}" x1="{xv:.1f}" x2="{xv:.1f}" y1="{ly - 10:.1f}" '
                   f'y2="{y(0):.1f}"/>'
                   f'<text class="norm-label" fill="{colour}" x="{xv + dx:.1f}" y="{ly:.1f}" '
                   f'text-anchor="{anchor}">{_e(label)}</text>')
    out.append("</svg>")
    return "".join(out)


def outcome_mix_svg(c: Comparison, lang: str) -> str:
    """One 100 % bar per rule set: the share of each outcome."""
    width, row, left, right = 720, 44, 170, 12
    height = row * len(c.rulesets) + 8
    pw = width - left - right
    out = [f'<svg class="chart mix" viewBox="0 0 {width} {height}" role="img" aria-labelledby="mix-t">',
           f'<title id="mix-t">{_e(t("cmp.distribution", lang))}</title>']
    for i, info in enumerate(c.rulesets):
        counts = c.outcome_counts(i)
        total = sum(counts.values()) or 1
        y0 = 4 + i * row
        out.append(f'<text class="mix-label" x="0" y="{y0 + 17}">{_e(letter(i))} {_e(info.name)}</text>'
                   f'<text class="tick" x="0" y="{y0 + 33}">{_e(status(info, lang).lower())}</text>')
        xpos = float(left)
        for outcome, n in counts.items():
            if not n:
                continue
            w = n / total * pw
            out.append(f'<rect fill="{OUTCOME_COLOURS[outcome]}" x="{xpos:.1f}" y="{y0}" width="{w:.1f}" height="32">'
                       f'<title>{_e(outcome_label(outcome, lang))}: {n} ({_e(pct(n, total, lang))})</title></rect>')
            if w >= 26:
                out.append(f'<text class="seg" x="{xpos + w / 2:.1f}" y="{y0 + 21}" text-anchor="middle">{n}</text>')
            xpos += w
    out.append("</svg>")
    return "".join(out)


def _legend(lang: str, outcomes: list[str]) -> str:
    items = "".join(f'<li><span class="sw" style="background:{OUTCOME_COLOURS[o]}"></span>'
                    f'{_e(outcome_label(o, lang))}</li>' for o in outcomes)
    return f'<ul class="legend">{items}</ul>'


def matrix_table(c: Comparison, m: Matrix, lang: str) -> str:
    cols, rows = m.columns(), m.rows()
    peak = max((x.count for x in m.cells), default=1)
    head = "".join(f'<th scope="col">{_e(outcome_label(o, lang))}</th>' for o in cols)
    body = []
    for r in rows:
        cells = []
        for col in cols:
            n = m.count(r, col)
            if not n:
                cells.append('<td class="zero">·</td>')
                continue
            alpha = 0.12 + 0.6 * n / peak
            tint = f"rgba(28,61,90,{alpha:.2f})" if r == col else f"rgba(240,140,0,{alpha:.2f})"
            cls = ("diag" if r == col else "move") + (" dark" if r == col and alpha > 0.45 else "")
            cells.append(f'<td class="{cls}" style="background:{tint}"><b>{n}</b>'
                         f'<small>{_e(pct(n, m.total, lang))}</small></td>')
        total = sum(m.count(r, col) for col in cols)
        body.append(f'<tr><th scope="row"><span class="sw" style="background:{OUTCOME_COLOURS[r]}"></span>'
                    f'{_e(outcome_label(r, lang))}</th>{"".join(cells)}<td class="total">{total}</td></tr>')
    corner = f"{letter(m.a)} ↓ &nbsp; {letter(m.b)} →"
    return (f'<div class="scroll"><table class="matrix"><thead><tr><th scope="col">{corner}</th>{head}'
            f'<th scope="col">{_e(t("cmp.total", lang))}</th></tr></thead><tbody>{"".join(body)}</tbody></table></div>'
            f'<p class="note">{_e(t("cmp.matrix_note", lang, a=letter(m.a), b=letter(m.b)))}</p>')


def programme_html(c: Comparison, lang: str) -> str:
    heads = [t("col.programme", lang), t("cmp.students", lang), t("cmp.changed_col", lang), t("cmp.share", lang)]
    heads += [t("cmp.main_move", lang, a=letter(m.a), b=letter(m.b)) for m in c.matrices()]
    rows = []
    for p in c.programmes:
        total, changed = c.total(p), c.changed_count(p)
        share = pct(changed, total, lang)
        width = 100 * changed / total if total else 0
        moves = "".join(f"<td>{_e(main_move(m, lang))}</td>" for m in c.matrices(p))
        rows.append(f'<tr><th scope="row">{_e(p or t("cmp.no_programme", lang))}</th><td class="num">{total}</td>'
                    f'<td class="num">{changed}</td><td class="num"><span class="bar"><span style="width:{width:.0f}%">'
                    f'</span></span>{_e(share)}</td>{moves}</tr>')
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
    return f'<div class="scroll"><table class="data"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _per(norm, lang: str) -> str:  # type: ignore[no-untyped-def]
    return ", ".join(f"{p} {fmt_decimal(v, lang)}" for p, v in sorted(norm.by_programme.items()))


def rulesets_html(c: Comparison, lang: str) -> str:
    cards = []
    for i, info in enumerate(c.rulesets):
        badge = (f'<span class="badge proposal">{_e(status(info, lang))}</span>' if info.is_proposal
                 else f'<span class="badge law">{_e(status(info, lang))}</span>')
        norms = "".join(f"<li>{_e(n.title[lang])}: <b>{_e(fmt_decimal(n.value, lang))} EC</b>"
                        + (f" ({_e(t('cmp.per_programme_norm', lang, items=_per(n, lang)))})" if n.by_programme else "")
                        + "</li>" for n in info.norms) or \
            f"<li>{_e(t('cmp.no_norm', lang, name=info.name))}</li>"
        extra = ""
        if info.params:
            extra += (f'<p><b>{_e(t("cmp.params", lang))}:</b> '
                      + _e(", ".join(f"{k}={v}" for k, v in sorted(info.params.items()))) + "</p>")
        if info.placeholders:
            extra += f'<p class="note"><b>{_e(t("cmp.placeholders", lang))}:</b> {_e(", ".join(info.placeholders))}</p>'
        warn = f'<p class="notlaw">{_e(t("cmp.not_law", lang))}</p>' if info.is_proposal else ""
        cards.append(f'<article class="rs" style="border-top-color:{_rs_colour(i)}">'
                     f'<h3><span class="letter" style="background:{_rs_colour(i)}">{_e(letter(i))}</span> '
                     f'{_e(info.name)} <small>{_e(t("cmp.version", lang))} {_e(info.version)}</small> {badge}</h3>'
                     f'<p>{_e(info.title[lang])}</p>{warn}<ul class="norms">{norms}</ul>{extra}'
                     f'<p class="hash">sha256 <code>{_e(info.sha256)}</code></p></article>')
    return f'<div class="rulesets">{"".join(cards)}</div>'


def to_html(c: Comparison, lang: str) -> str:
    """The whole document as one string."""
    changed = c.changed_count()
    proposals = [f"{letter(i)} {info.name}" for i, info in enumerate(c.rulesets) if info.is_proposal]
    names = " → ".join(f"{letter(i)} {info.name}" for i, info in enumerate(c.rulesets))
    cards = [
        (c.rows, t("cmp.headline_rows", lang), ""),
        (c.compared, t("cmp.headline_compared", lang), ""),
        (f"{changed} <small>{_e(pct(changed, c.compared, lang))}</small>", t("cmp.headline_changed", lang), "accent"),
        (c.error_count, t("cmp.headline_errors", lang), "warn" if c.error_count else ""),
    ]
    parts = [
        f'<header><p class="eyebrow">bsa-check · {_e(t("cmp.as_of", lang, as_of=fmt_date(c.as_of, lang), source=c.source))}</p>',
        f'<h1>{_e(t("cmp.title", lang))}</h1><p class="sub">{_e(names)}</p>',
    ]
    if proposals:
        parts.append(f'<p class="banner">⚠ {_e(", ".join(proposals))}: {_e(t("cmp.not_law", lang))}</p>')
    if c.changed is not None:
        parts.append(f'<p class="banner private">{_e(t("cmp.personal_data", lang))}</p>')
    parts.append("</header>")
    parts.append('<section class="cards">' + "".join(
        f'<div class="card {cls}"><div class="big">{value}</div><div class="label">{_e(label)}</div></div>'
        for value, label, cls in cards) + "</section>")
    parts.append('<section><ul class="headline">' + "".join(f"<li>{_e(line)}</li>" for line in headline(c, lang)[1:])
                 + "</ul></section>")
    used = [o for o in OUTCOME_LABELS if any(c.outcome_counts(i)[o] for i in range(len(c.rulesets)))]
    parts.append(f'<section><h2>{_e(t("cmp.distribution", lang))}</h2><div class="scroll">{outcome_mix_svg(c, lang)}</div>{_legend(lang, used)}</section>')
    for m in c.matrices():
        title = t("cmp.matrix", lang, a=f"{letter(m.a)} {c.rulesets[m.a].name}", b=f"{letter(m.b)} {c.rulesets[m.b].name}")
        parts.append(f'<section><h2>{_e(title)}</h2>{matrix_table(c, m, lang)}</section>')
    notes = [t("cmp.chart_note", lang)]
    notes += [t("cmp.not_drawn", lang, norm=norm_text(c, i, n, lang)) for i, n in other_norms(c)]
    notes += [t("cmp.no_norm", lang, name=info.name) for info in c.rulesets if not info.norms]
    no_value = next((n for b, n, _ in c.histogram() if b == NO_CREDITS), 0)
    if no_value:
        notes.append(t("cmp.no_value_note", lang, n=no_value))
    key = (f'<ul class="legend"><li><span class="sw" style="background:{SAME}"></span>{_e(t("cmp.chart_same", lang))}</li>'
           f'<li><span class="sw" style="background:{CHANGED}"></span>{_e(t("cmp.chart_changed", lang))}</li></ul>')
    parts.append(f'<section><h2>{_e(t("cmp.histogram", lang))}</h2><div class="scroll">{histogram_svg(c, lang)}</div>{key}'
                 + "".join(f'<p class="note">{_e(n)}</p>' for n in notes) + "</section>")
    parts.append(f'<section><h2>{_e(t("cmp.programmes", lang))}</h2>{programme_html(c, lang)}</section>')
    parts.append(f'<section><h2>{_e(t("cmp.rulesets", lang))}</h2>{rulesets_html(c, lang)}</section>')
    if c.error_count:
        items = "".join(f"<li><code>{_e(e.code)}</code> {_e(e)}</li>" for e in c.errors)
        if c.error_count > len(c.errors):
            items += f"<li>{_e(t('cmp.errors_more', lang, n=c.error_count - len(c.errors)))}</li>"
        parts.append(f'<section><h2>{_e(t("cmp.errors", lang, n=c.error_count))}</h2><ul class="errors">{items}</ul></section>')
    if c.changed is not None:
        heads = [t("col.line", lang), t("col.student", lang), t("col.programme", lang), t("col.ec", lang)]
        heads += [f"{letter(i)} {info.name}" for i, info in enumerate(c.rulesets)]
        rows = []
        for s in c.changed:
            decisions = "".join(
                f'<td><span class="pill" style="background:{OUTCOME_COLOURS[d.outcome]}">'
                f'{_e(decision_outcome(d, lang))}</span> {_e(d.reason)}</td>' for d in s.decisions)
            rows.append(f'<tr><td class="num">{s.line}</td><td>{_e(s.student_id or "")}</td>'
                        f'<td>{_e(s.programme or "")}</td><td class="num">{_e(s.ec_year1 or "")}</td>{decisions}</tr>')
        head = "".join(f'<th scope="col">{_e(h)}</th>' for h in heads)
        parts.append(f'<section><h2>{_e(t("cmp.changed_title", lang, n=len(c.changed)))}</h2><div class="scroll">'
                     f'<table class="data students"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
                     f'</table></div></section>')
    parts.append(f'<footer>{_e(t("cmp.footer", lang, version=__version__))}</footer>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{_e(t("cmp.title", lang))}: {_e(names)}</title>\n<style>{CSS}</style>\n</head>\n'
            f'<body>\n<main>\n' + "\n".join(parts) + "\n</main>\n</body>\n</html>\n")


CSS = """
.matrix td.dark,.matrix td.dark small{color:#fff}
:root{--ink:#1d2733;--muted:#5c6b7a;--line:#dfe5ec;--bg:#f4f6f9;--card:#fff;--accent:#f08c00;--navy:#1c3d5a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 3rem}
header{margin-bottom:1.5rem}
.eyebrow{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.02em}
h1{margin:.2rem 0 .1rem;font-size:2rem;line-height:1.2}
.sub{margin:0;color:var(--muted);font-size:1.1rem}
h2{font-size:1.2rem;margin:0 0 .8rem}
h3{font-size:1.05rem;margin:0 0 .4rem}
section{background:var(--card);border-radius:12px;padding:1.25rem 1.4rem;margin:0 0 1.1rem;
box-shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.08)}
.banner{margin:1rem 0 0;padding:.7rem 1rem;border-radius:8px;background:#fff4e6;border:1px solid #ffc078;
color:#7a3e00;font-weight:600}
.banner.private{background:#fff0f6;border-color:#faa2c1;color:#7a1f45}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.9rem;background:none;
box-shadow:none;padding:0}
.card{background:var(--card);border-radius:12px;padding:1rem 1.1rem;border-top:4px solid var(--navy);
box-shadow:0 1px 3px rgba(16,24,40,.1)}
.card.accent{border-top-color:var(--accent)}
.card.warn{border-top-color:#c92a2a}
.big{font-size:2.1rem;font-weight:700;line-height:1.1;font-variant-numeric:tabular-nums}
.big small{font-size:1rem;color:var(--muted);font-weight:600}
.label{color:var(--muted);font-size:.9rem}
.headline{margin:0;padding-left:1.2rem}
.headline li{margin:.15rem 0}
.chart{width:100%;height:auto;display:block}
.chart text{font-family:inherit;fill:var(--ink)}
.chart .tick{font-size:12px;fill:var(--muted)}
.chart .count{font-size:12px;font-weight:600}
.chart .axis-title{font-size:13px;fill:var(--muted)}
.chart .grid{stroke:var(--line);stroke-width:1}
.chart .axis{stroke:#8a99a8;stroke-width:1.5}
.chart .norm{stroke-width:2.5;stroke-dasharray:6 4}
.chart .norm-label{font-size:13px;font-weight:700}
.chart .mix-label{font-size:14px;font-weight:700}
.chart .seg{font-size:13px;font-weight:700;fill:#fff}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem 1.1rem;padding:0;margin:.7rem 0 0;font-size:.9rem}
.sw{display:inline-block;width:.85rem;height:.85rem;border-radius:3px;margin-right:.4rem;vertical-align:-.1rem}
.note{color:var(--muted);font-size:.88rem;margin:.5rem 0 0}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
th,td{padding:.45rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{font-size:.85rem;color:var(--muted);font-weight:600;border-bottom:2px solid var(--line)}
.matrix td{text-align:center;min-width:4.5rem}
.matrix td b{display:block;font-size:1.1rem}
.matrix td small{color:#334;font-size:.75rem}
.matrix td.zero{color:#b8c2cc}
.matrix td.total{font-weight:700;background:#f8f9fb}
.matrix thead th{text-align:center}
.matrix thead th:first-child{text-align:left;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
.bar{display:inline-block;width:4rem;height:.55rem;background:#edf0f4;border-radius:4px;margin-right:.5rem;
vertical-align:middle;overflow:hidden}
.bar span{display:block;height:100%;background:var(--accent)}
.rulesets{display:grid;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr));gap:1rem}
.rs{border:1px solid var(--line);border-top:4px solid;border-radius:10px;padding:.9rem 1rem}
.rs p{margin:.3rem 0}
.rs small{color:var(--muted);font-weight:400}
.letter{display:inline-block;color:#fff;border-radius:5px;padding:0 .4rem;margin-right:.2rem}
.badge{display:inline-block;font-size:.72rem;font-weight:700;border-radius:999px;padding:.1rem .55rem;
vertical-align:.15rem;letter-spacing:.03em}
.badge.law{background:#d3f9d8;color:#1b5e20}
.badge.proposal{background:#ffe8cc;color:#8a3c00;border:1px solid #ffa94d}
.notlaw{color:#8a3c00;font-weight:600}
.norms{margin:.4rem 0;padding-left:1.1rem;font-size:.92rem}
.hash code{font-size:.78rem;word-break:break-all;color:var(--muted)}
.pill{display:inline-block;color:#fff;font-size:.75rem;font-weight:700;border-radius:4px;padding:0 .35rem}
.students td{font-size:.88rem}
.errors{padding-left:1.1rem;font-size:.92rem}
footer{color:var(--muted);font-size:.82rem;text-align:center;margin-top:1.5rem}
@media (max-width:40rem){main{padding:1rem .75rem 2rem}h1{font-size:1.55rem}section{padding:1rem}
.big{font-size:1.7rem}th,td{padding:.35rem .4rem}.chart{min-width:34rem}}
@media print{@page{size:A4;margin:14mm}
body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
section,.card{box-shadow:none;border:1px solid var(--line);break-inside:avoid}
.cards{border:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.scroll{overflow:visible}}
"""


def write_html(c: Comparison, lang: str, out: TextIO) -> None:
    """The html format (``formats.COMPARE_FORMATS``): :func:`to_html` written to ``out``."""
    out.write(to_html(c, lang))
