"""``bsa-check letters`` end to end: check the templates, compose per student, write one file each.

The output folder is created with mode 0700 (an existing one must be empty and not readable by
others: no letter of an earlier run is ever mixed in);
each letter is written to a temporary file (mode 0600) in that folder and renamed to
``<student number>.html`` or ``.docx`` only when complete, so no partial letter and no temporary
file survives. Letters carry the real student number: ``letters`` has no ``--pseudonymize``.
Returns the lines of the summary (written, refused, skipped) and the exit code; the CLI prints.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Callable

from bsa_check.engine.compile import CompiledRuleSet
from bsa_check.errors import ErrorList, EvaluationError, Location, RecordError, UsageError
from bsa_check.formats import LETTER_FORMATS
from bsa_check.i18n import outcome_label, t
from bsa_check.letters.compose import Composer, Letter, Refusal, Skip
from bsa_check.letters.institution import Institution, letter_values
from bsa_check.letters.template import Block, blocks, check_template, known_names, read_template
from bsa_check.problems import Problem
from bsa_check.report.due import plain

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TEMPLATE_PACKAGE = "bsa_check.letters"  # package data: templates/*.md

SUMMARY = {
    "written": {"en": "{n} letter(s) written to {folder} ({fmt}); letters are never pseudonymised",
                "nl": "{n} brief/brieven geschreven naar {folder} ({fmt}); brieven worden nooit gepseudonimiseerd"},
    "refused": {"en": "{n} refused:", "nl": "{n} geweigerd:"},
    "skipped": {"en": "{n} without a letter: {what}", "nl": "{n} zonder brief: {what}"},
    "refused_one": {"en": "  refused[{code}]: {student} (line {line}): {text}",
                    "nl": "  geweigerd[{code}]: {student} (regel {line}): {text}"},
    "no_warning_due": {"en": "no_warning_due", "nl": "geen waarschuwing nodig"},
}


def _skip_reason(what: str, lang: str) -> str:
    """Why students got no letter: an outcome (its label in Dutch) or ``no_warning_due``; English keeps the code."""
    if lang != "nl":
        return what
    from bsa_check.i18n import OUTCOME_LABELS

    if what in OUTCOME_LABELS:
        return OUTCOME_LABELS[what]["nl"]
    return SUMMARY.get(what, {}).get("nl", what)


def template_names(sector: str, kind: str) -> list[str]:
    if kind == "warning":
        return [f"{sector}-warning"]
    names = [f"{sector}-advice-positive", f"{sector}-advice-negative"]
    if sector == "ho":
        names.append("ho-advice-postponed")
    return names


def template_text(name: str, lang: str, template_dir: str | None) -> tuple[str, str]:
    """(file name for messages, text) of ``<name>.<lang>.md``: from ``template_dir`` when it has one,
    else the bundled template."""
    file = f"{name}.{lang}.md"
    if template_dir is not None:
        path = Path(template_dir) / file
        if path.is_file():
            text, problems = read_template(path)
            if text is None:
                raise ErrorList([UsageError(p.message, location=p.location, hint=p.hint, code=p.code) for p in problems])
            return str(path), text
    res = resources.files(TEMPLATE_PACKAGE).joinpath("templates", file)
    if not res.is_file():
        raise UsageError(f"no letter template {file}", hint="add it to --template-dir", code="BSA806")
    return f"bundled:{file}", res.read_text(encoding="utf-8")


def load_templates(ruleset: CompiledRuleSet, kind: str, lang: str, template_dir: str | None) -> dict[str, tuple[str, str]]:
    """Every template this run may use, checked against this rule set's names; any problem stops
    the run before a letter is written."""
    sector = ruleset.model.sector
    known = known_names(ruleset.model.parameters, ruleset.model.derived)
    out: dict[str, tuple[str, str]] = {}
    problems: list[Problem] = []
    for name in template_names(sector, kind):
        file, text = template_text(name, lang, template_dir)
        problems.extend(check_template(text, file, known))
        out[name.split("-", 1)[1]] = (file, text)
    if problems:
        raise ErrorList([UsageError(p.message, location=p.location, hint=p.hint, code=p.code) for p in problems])
    return out


def prepare_folder(folder: str) -> Path:
    path = Path(folder)
    if path.is_symlink():  # as --output everywhere (issue 15): a link is never followed
        raise UsageError(f"--output {folder} is a symbolic link", location=Location(folder), code="BSA410",
                         hint="give the real folder, or a new path")
    if path.exists():
        if not path.is_dir():
            raise UsageError(f"--output {folder} is not a folder", location=Location(folder), code="BSA806",
                             hint="letters go to a folder, one file per student")
        if any(path.iterdir()):
            # a letter of an earlier run (a binding negative since refused, say) must never sit among
            # this run's letters and be sent by mistake
            raise UsageError(f"--output folder {folder} is not empty", location=Location(folder), code="BSA806",
                             hint="give a new (or empty) folder for each run")
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            raise UsageError(f"--output folder {folder} can be read by others (mode {mode:o})", location=Location(folder),
                             code="BSA806", hint=f"letters hold personal data: chmod 700 {folder}, or give a new folder")
        return path
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise UsageError(f"the folder above {folder} does not exist", location=Location(folder), code="BSA806",
                         hint="create it first, or choose another path")
    os.mkdir(path, 0o700)
    os.chmod(path, 0o700)  # whatever the umask
    return path


def write_private(folder: Path, name: str, data: bytes) -> Path:
    target = folder / name
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    ok = False
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
        ok = True
    finally:
        if not ok:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return target


@dataclass
class LetterRun:
    written: list[tuple[str, Path]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    errors: list[RecordError | EvaluationError] = field(default_factory=list)


_LANGUAGES = {"nl": "nl", "nederlands": "nl", "dutch": "nl", "ned": "nl", "nl-nl": "nl",
              "en": "en", "engels": "en", "english": "en", "eng": "en", "en-gb": "en", "en-us": "en"}


def student_language(value: Any, default: str) -> str | None:
    """The language of one student's letter: the export's language cell (nl or en, in a few
    spellings), else ``default`` (--lang); None for a value that is neither, which is that row's
    error rather than a guess."""
    if value is None or not str(value).strip():
        return default
    return _LANGUAGES.get(str(value).strip().casefold())


def run_letters(students: str, ruleset: CompiledRuleSet, kind: str, as_of: date, lang: str, folder: str, fmt: str,
                institution: Institution | None, template_dir: str | None, open_for: Callable[..., Any],
                locate: Callable[..., Any], scenario: bool = False) -> LetterRun:
    proposal = ruleset.model.legal_status != "law"
    if proposal and not scenario:
        # a letter is a decision with legal effect; a proposal that is not law can ground none
        raise UsageError(f"rule set {ruleset.name!r} is a proposal, not law: no letter can rest on it", code="BSA807",
                         hint="use due or check to explore it, or --scenario for drafts marked as not law")
    templates_of: dict[str, dict[str, tuple[str, str]]] = {}
    composers: dict[str, Composer] = {}
    result = LetterRun()
    with open_for(students, [ruleset], extra=("language",)) as reader:
        # every language a letter may be in is checked before anything is written: --lang, and both
        # when the export has a language column (the student's own language, where the export says it)
        for each in (lang, *(("nl", "en") if "language" in reader.columns else ())):
            if each not in templates_of:
                templates_of[each] = load_templates(ruleset, kind, each, template_dir)
                composers[each] = Composer(ruleset, as_of, each, letter_values(institution, ruleset.model.sector, each))
        composer = composers[lang]  # refusals and the summary are for the advisor: in --lang
        out = prepare_folder(folder)
        where = locate(reader)
        for row in reader:
            if row.error is not None:
                result.errors.append(row.error)
                continue
            sid = row.student_id or ""
            student_lang = student_language(row.values.get("language"), lang)
            if student_lang is None:
                col = reader.columns["language"]
                result.errors.append(RecordError(
                    f"language {str(row.values.get('language'))[:20]!r} is neither nl nor en",
                    location=Location(str(reader.path), row.line, col, reader.headers[col - 1].strip()),
                    hint="write nl or en (Nederlands/English), or leave it empty for --lang", code="BSA815"))
                continue
            templates = templates_of[student_lang]
            writer = composers[student_lang]
            try:
                made = (writer.warning if kind == "warning" else writer.advice)(row.line, sid, row.values)
            except EvaluationError as exc:
                result.errors.append(where(exc, row.line))
                continue
            if isinstance(made, Skip):
                result.skipped[made.reason] = result.skipped.get(made.reason, 0) + 1
            elif isinstance(made, Refusal):
                if student_lang != lang:  # a refusal is for the advisor: told in --lang
                    made = (composer.warning if kind == "warning" else composer.advice)(row.line, sid, row.values)
                result.refused.append(made)  # type: ignore[arg-type]  # retold in --lang: a Refusal again
            elif made.template not in templates:
                outcome = made.template.rsplit("-", 1)[-1]
                result.refused.append(composer.refuse(row.line, sid, "BSA813", outcome_label(outcome, lang)))
            elif not SAFE_NAME.match(sid):
                result.refused.append(composer.refuse(row.line, sid, "BSA814", repr(sid)[:40]))
            else:
                data = render(made, templates, student_lang, fmt, proposal=proposal)
                result.written.append((sid, write_private(out, f"{sid}.{fmt}", data)))
    return result


def render(letter: Letter, templates: dict[str, tuple[str, str]], lang: str, fmt: str, *, proposal: bool = False) -> bytes:
    """One letter's file content. ``templates`` are keyed by what follows the sector in the
    template's name: ``warning``, ``advice-positive``, ``advice-negative``, ``advice-postponed``."""
    _, text = templates[letter.template]
    made = blocks(text, letter.values, lang)
    if proposal:  # a scenario draft says so first, in bold: it is no decision
        made.insert(0, Block("p", ((f"[{t('status.proposal', lang)}] {t('proposal.banner', lang)}", True),)))
    title = next(("".join(t for t, _ in b.runs) for b in made if b.kind == "h1"), letter.template)
    content: bytes = LETTER_FORMATS[fmt].load()(made, title, lang)  # formats.LETTER_FORMATS: html, docx
    return content


def summary_lines(run: LetterRun, folder: str, fmt: str, lang: str) -> list[str]:
    lines = [SUMMARY["written"][lang].format(n=len(run.written), folder=folder, fmt=fmt)]
    if run.refused:
        lines.append(SUMMARY["refused"][lang].format(n=len(run.refused)))
        for r in run.refused:
            lines.append(SUMMARY["refused_one"][lang].format(code=r.code, student=plain(r.student_id), line=r.line,
                                                             text=plain(r.text)))
    for what, n in sorted(run.skipped.items()):
        lines.append(SUMMARY["skipped"][lang].format(n=n, what=_skip_reason(what, lang)))
    return lines
