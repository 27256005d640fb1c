"""Text format: the verdicts as they come, then a summary (the CLI prints errors and notes on stderr;
in a report that is not for a terminal each row error is also written in its row's place).

Owns: streaming the verdicts in bounded memory (issue 18): rows are written in blocks as they are
evaluated, the first within a fraction of a second, the summary at the end. The layout is decided
once, from the output's width (``layout.output_width``: ``COLUMNS``, the terminal, else 200), the
headers, the rule set's rule ids and outcome labels, and the first :data:`SAMPLE_ROWS` rows (for the
width of the student and programme columns), never from all rows:

* a table (line, student, programme, EC, outcome, rule, reason) when the reason column gets at
  least :data:`REASON_MIN` cells; every cell wraps at word boundaries within its column;
* else a stacked layout per student: student, programme and outcome on one line, the reason
  wrapped at word boundaries beneath it, indented, then line, rule and EC.

No line is wider than the width, and a word is only cut where it is longer than a whole line.

Must not: read a cell as markup or write a control character from a cell or rule text (every such
text goes through ``textsafe.visible`` first); colour anything but on a terminal (or FORCE_COLOR).
"""

from __future__ import annotations

import time
from typing import Any

from bsa_check.explain import one_line, outcome_text
from bsa_check.i18n import fmt_value, outcome_label, t
from bsa_check.report import Reporter
from bsa_check.report.layout import BOLD, SGR, cells, hang, output_width, pad, paint, wants_colour, wrap
from bsa_check.report.machine import _TailMemo
from bsa_check.ruleset.model import OUTCOMES
from bsa_check.textsafe import visible

COLUMNS = (("col.line", "right"), ("col.student", "left"), ("col.programme", "left"), ("col.ec", "right"),
           ("col.outcome", "left"), ("col.rule", "left"), ("col.reason", "left"))
GAP = "  "
STYLES = {  # rich styles of the outcomes (compare's text report)
    "positive": "green",
    "negative": "bold red",
    "negative_advisory": "red",
    "procedure_incomplete": "yellow",
    "needs_review": "magenta",
    "postponed": "cyan",
    "no_advice": "dim",
    "not_yet_due": "dim",
    "interim": "cyan",
}
SAMPLE_ROWS = 64  # rows looked at for the student and programme widths (or what came in SAMPLE_SECONDS)
SAMPLE_SECONDS = 0.2
CELL_MAX = 24  # the widest a student or programme column is kept when the reason needs the room
REASON_WANT = 60  # ...which it does below this width
REASON_MIN = 36  # a table whose reason column would be narrower is stacked instead
INDENT = 4  # the stacked layout's reason, under the student
BLOCK_ROWS = 512  # rows per write
BLOCK_SECONDS = 0.25  # ...or what came in this long, so a slow input still shows its rows


def _is_terminal(out: Any) -> bool:
    try:
        return bool(out.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def error_text(error: Any, lang: str) -> str:
    """A row error as the report writes it in the row's place: ``error[BSA310]: column 7 (ec_jaar1):
    message (hint)``, stderr's words in ``lang`` without the file and line (the row's line leads)."""
    from bsa_check.errors import cell_name
    from bsa_check.i18n.problems import severity, translate

    loc = error.location
    where = ""
    if loc is not None and loc.sheet and loc.line is not None and loc.column is not None:
        where = cell_name(loc.sheet, loc.line, loc.column)
    elif loc is not None and loc.column is not None:
        where = f"{'kolom' if lang == 'nl' else 'column'} {loc.column}"
    if where and loc is not None and loc.column_name:
        where += f" ({loc.column_name})"
    text = f"{severity('error', lang)}[{error.code}]: " + (f"{where}: " if where else "")
    text += str(translate(error.code, error.message, lang))
    if error.hint:
        text += f" ({translate(error.code, error.hint, lang)})"
    return text


class TextReporter(Reporter):
    summary_only = False  # --summary: the counts, no rows

    def start(self) -> None:
        lang = self.lang
        self.width = output_width(self.out)
        self.colour = wants_colour(self.out)
        self._errors_inline = not _is_terminal(self.out)
        status = t(f"status.{self.rs.model.legal_status}", lang)
        title = visible(t("table.title", lang, ruleset=self.rs.name, version=self.rs.version, status=status,
                          as_of=fmt_value(self.as_of, lang)))
        head: list[str] = []
        if self.rs.model.legal_status == "proposal":
            head += [paint(line, "1;33" if self.colour else None)
                     for line in wrap(t("proposal.banner", lang), self.width)]
        head += wrap(title, self.width)
        self.out.write("\n".join(head) + "\n")
        self.out.flush()  # something shows at once, whatever the input's size
        self._sample: list[Any] | None = []
        self._sample_until = time.monotonic() + SAMPLE_SECONDS
        self._block: list[str] = []
        self._block_since = time.monotonic()
        self._ec: dict[Any, str] = {}
        self._tails: _TailMemo | None = None

    # -- rows -----------------------------------------------------------------------------------

    def on_verdict(self, result: Any) -> None:
        sample = self._sample
        if sample is not None:
            sample.append(result)
            if len(sample) >= SAMPLE_ROWS or time.monotonic() >= self._sample_until:
                self._decide()
            return
        self._emit(result)

    def on_error(self, result: Any) -> None:
        """A row that could not be evaluated: in its place in the report when the report is not
        for a terminal (a file or pipe keeps every row; a terminal shows them on stderr, at the end)."""
        if self.summary_only or not self._errors_inline:
            return
        sample = self._sample
        if sample is not None:
            sample.append(result)
            return
        self._emit_error(result)

    def _emit_error(self, result: Any) -> None:
        text = visible(error_text(result.error, self.lang))
        sgr = "31" if self.colour else None
        line = str(result.line)
        if self.stacked:
            head = f"{t('col.line', self.lang)} {line}{GAP}"
            lines = hang(head + text, self.width, INDENT)
        else:
            lead = 1 + max(self.widths[0], len(line)) + len(GAP)
            body = wrap(text, self.width - lead)
            lines = [f" {line.rjust(self.widths[0])}{GAP}{body[0]}", *(" " * lead + part for part in body[1:])]
        self._block.append("\n".join(paint(part, sgr) for part in lines))
        self._flush_block()

    def _decide(self) -> None:
        """Choose the layout from the width, the headers and the sample; write the sample's rows."""
        rows, self._sample = self._sample or [], None
        sample = [r for r in rows if r.error is None]  # error rows (written in their place) have no cells to fit
        lang = self.lang
        headers = [t(key, lang) for key, _ in COLUMNS]
        w = [cells(h) for h in headers[:6]]
        w[0] = max(w[0], 5, *(len(str(r.line)) for r in sample))
        w[1] = max(w[1], max((cells(visible(r.student_id or "")) for r in sample), default=0))
        w[2] = max(w[2], max((cells(visible(r.programme or "")) for r in sample), default=0))
        w[3] = max(w[3], 4, *(cells(self._ec_text(r)) for r in sample))
        w[4] = max(w[4], *(cells(outcome_label(o, lang)) for o in OUTCOMES),
                   *(cells(visible(f"{outcome_label('interim', lang)}: {getattr(r.model.label, lang)}"))
                     for r in self.rs.rules if r.model.label is not None))  # an interim advice's label
        w[5] = max(w[5], min(2 * CELL_MAX, max((cells(visible(rule.id)) for rule in self.rs.rules), default=0)))
        # The student and programme columns as wide as the sample's cells, unless the reason would
        # get less than REASON_WANT: then they give up width down to CELL_MAX (longer cells wrap).
        for i in (1, 2):
            short = REASON_WANT - (self.width - 1 - sum(w[:6]) - len(GAP) * 6)
            if short > 0 and w[i] > CELL_MAX:
                w[i] = max(CELL_MAX, cells(headers[i]), w[i] - short)
        reason = self.width - 1 - sum(w[:6]) - len(GAP) * 6
        self.stacked = reason < REASON_MIN
        if self.stacked:
            self._tails = _TailMemo(self._stacked_tail)
        else:
            w.append(reason)
            self.widths = w
            self._prefix = " " * (1 + sum(w[:4]) + len(GAP) * 4)
            self._tails = _TailMemo(self._table_tail)
            if rows and not self.summary_only:
                cols = [pad(h, wd, right == "right") for (_, right), h, wd in zip(COLUMNS, headers, w)]
                header = (" " + GAP.join(cols)).rstrip()
                self._block += [paint(header, BOLD if self.colour else None), " " + "─" * (self.width - 2)]
        for result in rows:
            if result.error is None:
                self._emit(result)
            else:
                self._emit_error(result)

    def _ec_text(self, result: Any) -> str:
        ec = result.record.get("ec_year1") if result.record else None
        if ec is None:
            return ""
        text = self._ec.get(ec)
        if text is None:
            text = fmt_value(ec, self.lang)
            if len(self._ec) < 4096:
                self._ec[ec] = text
        return text

    def _label(self, outcome: str) -> str:
        return outcome_label(outcome, self.lang)

    def _verdict_label(self, v: Any) -> str:
        """The outcome in words, with an interim advice's label (rule-file text: made visible)."""
        return visible(outcome_text(v, self.lang))

    def _table_tail(self, v: Any) -> tuple[str, str, str]:
        """(outcome, the first line's outcome, rule and reason cells, the lines after it)."""
        w = self.widths
        sgr = SGR.get(v.outcome) if self.colour else None
        label = wrap(self._verdict_label(v), w[4])
        rule = wrap(visible(v.rule.id), w[5])
        reason = wrap(visible(one_line(v, self.lang)), w[6])
        lines = []
        for i in range(max(len(label), len(rule), len(reason))):
            parts = [paint(pad(label[i], w[4]) if i < len(label) else " " * w[4], sgr),
                     pad(rule[i] if i < len(rule) else "", w[5]), reason[i] if i < len(reason) else ""]
            lines.append(GAP.join(parts).rstrip())
        rest = "".join(f"\n{self._prefix}{line}".rstrip() for line in lines[1:])
        return v.outcome, lines[0], rest

    def _stacked_tail(self, v: Any) -> tuple[str, str, str]:
        """(outcome, the coloured outcome label, the indented reason lines with the rule id)."""
        sgr = SGR.get(v.outcome) if self.colour else None
        indent = " " * INDENT
        reason = "".join(f"\n{indent}{line}" for line in wrap(visible(one_line(v, self.lang)), self.width - INDENT))
        return v.outcome, paint(self._verdict_label(v), sgr), reason

    def _emit(self, result: Any) -> None:
        if self.summary_only:
            return
        tails = self._tails
        assert tails is not None
        _, first, rest = tails.tail(result)
        sid = visible(result.student_id or "")
        programme = visible(result.programme or "")
        ec = self._ec_text(result)
        if self.stacked:
            text = self._stacked_row(result, sid, programme, ec, first, rest)
        else:
            w = self.widths
            line = str(result.line)
            if cells(sid) <= w[1] and cells(programme) <= w[2] and cells(ec) <= w[3] and len(line) <= w[0]:
                text = (f" {line.rjust(w[0])}{GAP}{pad(sid, w[1])}{GAP}{pad(programme, w[2])}{GAP}"
                        f"{pad(ec, w[3], True)}{GAP}{first}{rest}")
            else:
                text = self._wrapped_row(line, sid, programme, ec, first, rest)
        self._block.append(text)
        self._flush_block()

    def _flush_block(self) -> None:
        if len(self._block) >= BLOCK_ROWS or time.monotonic() - self._block_since >= BLOCK_SECONDS:
            self._write()

    def _wrapped_row(self, line: str, sid: str, programme: str, ec: str, first: str, rest: str) -> str:
        """A table row whose student, programme or EC cell is wider than its column."""
        w = self.widths
        left = [wrap(line, w[0]), wrap(sid, w[1]), wrap(programme, w[2]), wrap(ec, w[3])]
        right = [first, *(r[len(self._prefix):] for r in rest.split("\n")[1:])]
        out = []
        for i in range(max(len(right), *(len(c) for c in left))):
            cols = [pad(c[i] if i < len(c) else "", w[j], j in (0, 3)) for j, c in enumerate(left)]
            out.append((" " + GAP.join(cols) + GAP + (right[i] if i < len(right) else "")).rstrip())
        return "\n".join(out)

    def _stacked_row(self, result: Any, sid: str, programme: str, ec: str, label: str, reason: str) -> str:
        lang = self.lang
        width = self.width
        head = f"{sid}{GAP}{programme}{GAP}{label}"
        plain = cells(sid) + cells(programme) + cells(self._verdict_label(result.verdict)) + 2 * len(GAP)
        if plain > width:  # wrap student and programme; the label on a line of its own if need be
            lines = hang(f"{sid}{GAP}{programme}", width, INDENT)
            label_size = plain - cells(sid) - cells(programme) - 2 * len(GAP)
            if cells(lines[-1]) + len(GAP) + label_size <= width:
                lines[-1] += GAP + label
            else:  # the label on lines of its own (wrapped, each painted)
                outcome = result.verdict.outcome
                sgr = SGR.get(outcome) if self.colour else None
                lines += [" " * INDENT + paint(part, sgr) for part in wrap(self._label(outcome), width - INDENT)]
            head = "\n".join(lines)
        detail = f"{t('col.line', lang)} {result.line} · {t('col.rule', lang)} {visible(result.verdict.rule.id)}"
        if ec:
            detail += f" · {t('col.ec', lang)} {ec}"
        indent = " " * INDENT
        tail = "".join(f"\n{indent}{line}" for line in wrap(detail, width - INDENT))
        return head + reason + tail

    def _write(self) -> None:
        if self._block:
            self.out.write("\n".join(self._block) + "\n")
            self.out.flush()
            self._block = []
        self._block_since = time.monotonic()

    # -- the end --------------------------------------------------------------------------------

    def _summary_rows(self) -> list[tuple[str, str]]:
        """(outcome or message key, count) of the summary table."""
        rows = [(outcome, str(n)) for outcome, n in self.summary().items()]
        return rows + [("summary.errors", str(len(self.errors))), ("summary.total", str(self.rows))]

    def finish(self) -> None:
        if self._sample is not None:
            self._decide()
        lang = self.lang
        rows = [(self._label(key) if key in SGR else t(key, lang), key, n) for key, n in self._summary_rows()]
        label_w = max(cells(t("col.outcome", lang)), *(cells(label) for label, _, _ in rows))
        count_w = max(cells(t("col.count", lang)), *(len(n) for _, _, n in rows))
        bold = BOLD if self.colour else None
        block = self._block
        if 1 + label_w + len(GAP) + count_w > self.width:  # too narrow for two columns: "label  n" lines
            block += ["", *wrap(t("summary.title", lang), self.width)]
            for label, key, n in rows:
                lines = hang(f"{label}{GAP}{n}", self.width, 2)
                block += [paint(line, SGR.get(key) if self.colour else None) for line in lines]
            self._write()
            return
        block += ["", *wrap(t("summary.title", lang), self.width),
                  paint(f" {pad(t('col.outcome', lang), label_w)}{GAP}{pad(t('col.count', lang), count_w, True)}",
                        bold),
                  " " + "─" * min(label_w + len(GAP) + count_w, self.width - 2)]
        for label, key, n in rows:
            sgr = SGR.get(key) if self.colour else None
            block.append(f" {paint(pad(label, label_w), sgr)}{GAP}{n.rjust(count_w)}")
        self._write()
