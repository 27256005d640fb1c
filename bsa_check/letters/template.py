"""Letter templates: Markdown (a small, fixed subset) with the placeholders of rule-set reasons.

A template is data. Its placeholders are filled by the same code as rule-set reasons
(:func:`bsa_check.explain.fill`, scanned by :func:`bsa_check.explain.placeholder_spans`): ``{name}``
takes a value, nothing else is evaluated. Checking (``check_template``, run by ``validate`` for
``.md`` files and by ``letters`` before it writes anything) refuses, each with a code and a
file:line:column:

- BSA800 an unknown placeholder (with a did-you-mean);
- BSA801 anything that looks like template-engine code: ``{{ ... }}``, ``{% ... %}``, ``${...}``,
  ``<% ... %>``, or braces around something that is not a placeholder name (``{x.y}``,
  ``{__import__('os')}``);
- BSA802 raw HTML (``<script>``, ``<img src=...>``, any tag): a letter is text, never markup;
- BSA803 a lone ``{`` or ``}``;
- BSA804 a file that cannot be read as UTF-8 text, or is larger than :data:`MAX_BYTES`.

The Markdown subset, parsed *before* values are filled in (so a value never becomes markup):
``#``/``##``/``###`` headings, paragraphs (a blank line ends one; a line break inside one is kept, as
an address block needs), ``- `` or ``* ``
list items, ``---`` a rule, ``**bold**``. Everything else is literal text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from bsa_check.errors import Location
from bsa_check.explain import fill, placeholder_spans
from bsa_check.problems import ERROR, Problem
from bsa_check.records.fields import FIELDS_BY_NAME

MAX_BYTES = 64 * 1024

# The letter's own placeholders (besides every record field and the rule set's parameters and
# derived values). README "The year round" lists them with their meaning.
LETTER_NAMES: dict[str, str] = {
    "letter_date": "the date of the letter (--as-of)",
    "institution_name": "the institution (--institution)",
    "institution_address": "its postal address",
    "institution_postcode_city": "its postcode and city",
    "sender_name": "who signs",
    "sender_role": "the signer's role",
    "contact": "where the student can ask questions",
    "examination_board": "the body that decides (examination board, BSA committee)",
    "appeal_body": "where to appeal",
    "appeal_term": "the appeal term in words (six weeks)",
    "appeal_address": "the appeal body's address",
    "appeal_route": "the appeal route as one sentence",
    "outcome": "the outcome in words",
    "grounds": "the verdict's reason, in the rule set's words",
    "legal_basis": "the legal basis of the verdict (and of each step)",
    "what_would_change": "what would change the outcome",
    "consequences": "what a binding negative means: enrolment ends, term and scope of the exclusion",
    "shortfall_text": "the credit gap in words (empty when there is none)",
    "target": "the norm the student falls short of",
    "shortfall": "how many credits the student falls short",
    "advice_from": "the first day the advice can be given lawfully",
    "advice_until": "the last day of the advice window",
    "hearing_by": "the last day for the hearing",
    "academic_year_text": "the academic year, 2025-2026",
}

_CODE_PATTERNS = (
    (re.compile(r"\{\{.*?\}\}"), "template-engine expression"),
    (re.compile(r"\{%|%\}"), "template-engine statement"),
    (re.compile(r"\$\{"), "shell or JavaScript interpolation"),
    (re.compile(r"<%|%>"), "server-page code"),
    (re.compile(r"\{#|#\}"), "template-engine comment"),
)
_PLAIN_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_BRACED = re.compile(r"\{([^{}\n]*)\}")


def read_template(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a template file, or None with a BSA804 problem."""
    loc = Location(str(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem("BSA804", ERROR, f"{path} cannot be read ({exc.strerror})", loc,
                              "give the path of a Markdown letter template")]
    if len(data) > MAX_BYTES:
        return None, [Problem("BSA804", ERROR, f"{path} is larger than {MAX_BYTES // 1024} KiB", loc,
                              "a letter template is a page or two of text")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, [Problem("BSA804", ERROR, "the file is not UTF-8 text", Location(str(path), line),
                              "save the template as UTF-8")]


def check_template(text: str, file: str, known: Iterable[str]) -> list[Problem]:
    """Every problem of a template (see the module docstring), located by line and column."""
    names = set(known)
    problems: list[Problem] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        def at(col: int, lineno: int = lineno) -> Location:
            return Location(file, lineno, col + 1)

        used = [False] * len(line)
        for pattern, what in _CODE_PATTERNS:
            for m in pattern.finditer(line):
                if any(used[m.start():m.end()]):
                    continue
                for i in range(m.start(), m.end()):
                    used[i] = True
                problems.append(Problem("BSA801", ERROR, f"{what} {m.group(0)[:40]!r}: templates run no code", at(m.start()),
                                        "write plain text and {name} placeholders only"))
        for m in _HTML.finditer(line):
            problems.append(Problem("BSA802", ERROR, "raw HTML in a letter template", at(m.start()),
                                    "write Markdown text; a letter never carries markup or scripts"))
        for name, start, end in placeholder_spans(line):
            if any(used[start:end]):
                continue
            if name is not None and not _PLAIN_NAME.fullmatch(name):
                continue  # {x.y}, {f(...)}: not a name a letter fills; _BRACED below refuses it as code (BSA801)
            for i in range(start, end):
                used[i] = True
            if name is not None and name not in names:
                close = difflib.get_close_matches(name, sorted(names), n=1)
                problems.append(Problem("BSA800", ERROR, f"unknown placeholder {{{name}}}", at(start),
                                        f"did you mean {{{close[0]}}}?" if close else
                                        "see README, The year round, for the placeholders a letter knows"))
        for m in _BRACED.finditer(line):
            if not any(used[m.start():m.end()]):
                for i in range(m.start(), m.end()):
                    used[i] = True
                problems.append(Problem("BSA801", ERROR, f"{m.group(0)[:40]!r} is not a placeholder: templates run no code",
                                        at(m.start()), "a placeholder is {name}: lower-case letters, digits and _"))
        for i, ch in enumerate(line):
            if ch in "{}" and not used[i]:
                problems.append(Problem("BSA803", ERROR, f"a lone {ch!r}", at(i),
                                        "remove it, or complete the placeholder {name}"))
    return problems


def known_names(params: Iterable[str] = (), derived: Iterable[str] = ()) -> set[str]:
    """What a template may name: the letter's own values, every record field, and these
    rule-set parameters and derived values."""
    return set(LETTER_NAMES) | set(FIELDS_BY_NAME) | set(params) | set(derived)


def validate_template_file(path: Path) -> list[Problem]:
    """``bsa-check validate`` on a ``.md`` file: a letter template, checked against the letter's
    names, every record field, and the parameters and derived values of the bundled rule sets (a
    template for an institution's own rule set is checked against that rule set when ``letters``
    runs, before any letter is written)."""
    from bsa_check.ruleset.load import bundled_rule_files, load_file

    text, problems = read_template(path)
    if text is None:
        return problems
    params: set[str] = set()
    derived: set[str] = set()
    for rule_file in bundled_rule_files().values():
        model = load_file(rule_file, bundled=True).model
        params |= set(model.parameters)
        derived |= set(model.derived)
    return check_template(text, str(path), known_names(params, derived))


# --- the Markdown subset -----------------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One block of a letter: ``kind`` h1/h2/h3/p/li/hr; ``runs`` (text, bold) with text filled in."""

    kind: str
    runs: tuple[tuple[str, bool], ...] = ()


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NEWLINES = re.compile(r"[\r\n\u2028\u2029\x85]+")


def _text(template: str, values: dict[str, Any], lang: str) -> str:
    # a control character in a value (a terminal escape, a NUL) is shown as U+FFFD, never passed on
    # the template's own line breaks stay; a value's become spaces (a value never adds lines)
    return "\n".join(_CONTROL.sub("\ufffd", _NEWLINES.sub(" ", fill(part, values, lang)))
                     for part in template.split("\n"))


def _runs(text: str, values: dict[str, Any], lang: str) -> tuple[tuple[str, bool], ...]:
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            out.append((_text(text[pos:m.start()], values, lang), False))
        out.append((_text(m.group(1), values, lang), True))
        pos = m.end()
    if pos < len(text):
        out.append((_text(text[pos:], values, lang), False))
    return tuple(r for r in out if r[0])


def blocks(text: str, values: dict[str, Any], lang: str) -> list[Block]:
    """Parse the template's structure, then fill each text run: values stay text."""
    out: list[Block] = []
    para: list[str] = []

    def flush() -> None:
        if para:
            out.append(Block("p", _runs("\n".join(para), values, lang)))
            para.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = re.match(r"(#{1,3})\s+(.*)", line)
        if heading:
            flush()
            out.append(Block(f"h{len(heading.group(1))}", _runs(heading.group(2), values, lang)))
        elif line in ("---", "***", "___"):
            flush()
            out.append(Block("hr"))
        elif line[:2] in ("- ", "* "):
            flush()
            out.append(Block("li", _runs(line[2:].strip(), values, lang)))
        else:
            para.append(line)
    flush()
    return [b for b in out if b.kind == "hr" or b.runs]
