"""``bsa-check columns``: propose a column mapping file for an export, from its header and a sample.

Owns: matching an export's headers onto the canonical fields (exact: the reader's own names; else
the SIS vocabulary of :mod:`bsa_check.records.vocabulary`, exactly or fuzzily), checking each match
against a sample of the column's values (a date field whose cells do not read as dates is a poor
match), and writing the proposal as a mapping file (YAML with comments) in which every guess is
marked (``guess:``) and every field the rule sets need that could not be placed is written as
``null`` with a ``MISSING`` comment, for the user to edit.

Must not: read more than the header and ``SAMPLE_ROWS`` rows; write record content into the
proposal beyond the distinct spellings of category columns that the field does not read (never a
student number, a date, a name, or a personal-circumstances cell); decide anything at check time (the reader only reads what the mapping file says).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from bsa_check.records.fields import (ADVICE, BOOLEAN, CIRCUMSTANCES, DATE, DECISION, EFFECT, FIELDS_BY_NAME,
                                      HEADER_INDEX, STUDY_MODE, TEXT, normalise_header)
from bsa_check.records.parse import PARSERS
from bsa_check.records.vocabulary import SYSTEMS, candidates, procedure_step_of

__all__ = ["Proposal", "propose", "render", "summary", "SAMPLE_ROWS"]

SAMPLE_ROWS = 200
_FUZZY_CUTOFF = 0.78
_CATEGORY_KINDS = (BOOLEAN, DECISION, ADVICE, STUDY_MODE, CIRCUMSTANCES, EFFECT)
_MAX_SPELLINGS = 12


@dataclass
class Match:
    field: str
    header: str
    score: float
    why: str | None  # None: the reader's own name (no guess)
    column: int


@dataclass
class Proposal:
    export: str
    sheet: str | None
    placed: dict[str, Match] = field(default_factory=dict)
    missing_required: list[str] = field(default_factory=list)
    missing_read: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    step_like: list[tuple[str, str]] = field(default_factory=list)  # (header, field) left unplaced
    unread: dict[str, list[str]] = field(default_factory=dict)  # field -> spellings the parser refuses
    values: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> proposed value spellings
    number_cells: list[str] = field(default_factory=list)  # text fields whose sample holds number cells
    rulesets: list[str] = field(default_factory=list)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _fit(kind: str, cells: list[Any]) -> float | None:
    """The share of non-empty sample cells that read as ``kind`` (a date cell is a date); None: no sample."""
    filled = [c for c in cells if _cell_text(c)]
    if not filled:
        return None
    parse = PARSERS[kind]
    good = 0
    for c in filled:
        if isinstance(c, date):
            good += kind == DATE
            continue
        if isinstance(c, (int, float)) and not isinstance(c, bool) and kind in (TEXT, DATE):
            good += kind == TEXT  # a number cell is a code at best; a date it is not
            continue
        try:
            parse(_cell_text(c))
            good += 1
        except Exception:  # noqa: BLE001 - any refusal is a non-fit
            pass
    return good / len(filled)


def _score(key: str, index: dict[str, str]) -> tuple[str, float, str] | None:
    """The best (field, score, spelling) for a normalised header over the vocabulary, or None."""
    if key in index:
        return index[key], 1.0, key
    tokens = set(key.split("_"))
    best: tuple[str, float, str] | None = None
    for spelling, name in index.items():
        ratio = difflib.SequenceMatcher(None, key, spelling).ratio()
        parts = set(spelling.split("_"))
        if len(parts) > 1 and parts <= tokens:
            ratio = max(ratio, 0.85)
        if best is None or ratio > best[1]:
            best = (name, ratio, spelling)
    return best if best is not None and best[1] >= _FUZZY_CUTOFF else None


def propose(export: str, headers: list[str], sample: list[list[Any]], required: Iterable[str],
            read: Iterable[str], sheet: str | None = None, rulesets: Iterable[str] = ()) -> Proposal:
    """Match ``headers`` (the export's header cells) onto fields, checked against ``sample`` rows."""
    proposal = Proposal(export, sheet, rulesets=list(rulesets))
    index = candidates()
    found: list[Match] = []
    for i, raw in enumerate(headers):
        header = raw.strip() if isinstance(raw, str) else _cell_text(raw)
        key = normalise_header(header)
        if not key:
            continue
        cells = [row[i] if i < len(row) else None for row in sample]
        if key in HEADER_INDEX:
            found.append(Match(HEADER_INDEX[key], header, 2.0, None, i))
            continue
        hit = _score(key, index)
        step = procedure_step_of(header)
        if hit is None and step is not None:
            hit = (step, 0.8, "")
        if hit is None:
            proposal.ignored.append(header)
            continue
        name, score, spelling = hit
        if score >= 1.0:
            why = f"a header name {', '.join(SYSTEMS)} exports use for {name}"
        elif spelling:
            why = f"looks like {spelling.replace('_', ' ')!r} ({score:.0%} alike)"
        else:
            why = f"holds a procedure-step word ({name})"
        fit = _fit(FIELDS_BY_NAME[name].kind, cells)
        if fit is not None and fit < 0.5:
            score *= 0.5
            why += f"; only {fit:.0%} of the sample reads as {FIELDS_BY_NAME[name].kind.replace('_', ' ')}"
        found.append(Match(name, header, score, why, i))
    taken_fields: set[str] = set()
    taken_columns: set[int] = set()
    for m in sorted(found, key=lambda m: (-m.score, m.column)):
        if m.field in taken_fields or m.column in taken_columns or m.score < 0.5:
            continue
        taken_fields.add(m.field)
        taken_columns.add(m.column)
        proposal.placed[m.field] = m
    for m in found:
        if m.column not in taken_columns:
            step = procedure_step_of(m.header)
            if step is not None and step not in proposal.placed:
                proposal.step_like.append((m.header, step))
            else:
                proposal.ignored.append(m.header)
    required = list(dict.fromkeys(required))
    read = list(read)
    _part_time_from_study_mode(proposal, sample, wanted={*required, *read})
    proposal.missing_required = [n for n in required if n not in proposal.placed]
    proposal.missing_read = [n for n in dict.fromkeys(read) if n not in proposal.placed and n not in required]
    for name, m in proposal.placed.items():
        kind = FIELDS_BY_NAME[name].kind
        if kind not in _CATEGORY_KINDS:
            continue
        parse = PARSERS[kind]
        bad: list[str] = []
        for row in sample:
            text = _cell_text(row[m.column] if m.column < len(row) else None)
            if not text or text in bad or text.casefold() in proposal.values.get(name, {}):
                continue
            try:
                parse(text)
            except Exception:  # noqa: BLE001
                bad.append(text)
                if len(bad) >= _MAX_SPELLINGS:
                    break
        if bad:
            proposal.unread[name] = bad
    for name, m in proposal.placed.items():
        if FIELDS_BY_NAME[name].kind == TEXT and name != "student_id" and any(
                isinstance(row[m.column] if m.column < len(row) else None, (int, float))
                and not isinstance(row[m.column], bool) for row in sample):
            proposal.number_cells.append(name)
    return proposal


def _part_time_from_study_mode(proposal: Proposal, sample: list[list[Any]], wanted: set[str]) -> None:
    """SIS exports hold the study mode (voltijd/deeltijd/duaal), HO rule sets read part_time (yes/no):
    when the rule sets need part_time, not study_mode, and only a study-mode column is there, propose
    that column for part_time with its spellings mapped (deeltijd: yes; voltijd, duaal: no), as a guess."""
    m = proposal.placed.get("study_mode")
    if m is None or "part_time" in proposal.placed or "part_time" not in wanted or "study_mode" in wanted:
        return
    values: dict[str, str] = {}
    for row in sample:
        text = _cell_text(row[m.column] if m.column < len(row) else None)
        if not text or text.casefold() in values:
            continue
        try:
            mode = PARSERS[STUDY_MODE](text)
        except Exception:  # noqa: BLE001 - a spelling that is no study mode: left for the user
            return
        values[text.casefold()] = "yes" if mode == "part_time" else "no"
    del proposal.placed["study_mode"]
    proposal.placed["part_time"] = Match("part_time", m.header, m.score, (m.why or f"{m.header!r} holds the study "
                                         "mode") + "; part_time read from it: deeltijd is yes, voltijd and duaal no",
                                         m.column)
    proposal.values["part_time"] = values


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def render(p: Proposal, schema_path: str | None = None) -> str:
    """The proposal as a commented mapping file, loadable as it is (``--columns``)."""
    if schema_path is None:
        from pathlib import Path

        import bsa_check.schema

        schema_path = (Path(bsa_check.schema.__file__).parent / "columns.schema.json").as_posix()
    out = [f"# yaml-language-server: $schema={schema_path}",
           f"# Column mapping proposed by `bsa-check columns` for {p.export}"
           + (f" (rule sets: {', '.join(p.rulesets)})" if p.rulesets else "") + ".",
           "# Check every entry with a guess: (delete the guess line once it is right), fill in every",
           "# MISSING field (the export's header, or leave null if the export has none), then run:",
           f"#   bsa-check check {p.export} --columns THIS_FILE",
           "schema_version: 1"]
    if p.sheet:
        out.append(f"sheet: {_q(p.sheet)}")
    out.append("columns:")
    for name in sorted(p.placed, key=lambda n: p.placed[n].column):
        m = p.placed[name]
        values = p.unread.get(name)
        if m.why is None and not values and name not in p.values and name not in p.number_cells:
            out.append(f"  {name}: {_q(m.header)}")
            continue
        out.append(f"  {name}:" + ("" if m.why is None else "  # GUESS: check it"))
        out.append(f"    header: {_q(m.header)}")
        if m.why is not None:
            out.append(f"    guess: {_q(m.why)}")
        if name in p.values:
            out.append("    values: {" + ", ".join(f"{_q(k)}: {_q(v)}" for k, v in p.values[name].items()) + "}")
        if name in p.number_cells:
            out.append("    # the sample holds number cells here; if these codes never start with 0, uncomment:")
            out.append("    # numbers_as_text: true")
        # health and family matters, and the decisions on them (free text such as "uitstel wegens
        # zwangerschap van ..."): never copied out, only counted
        if values and FIELDS_BY_NAME[name].kind in (CIRCUMSTANCES, DECISION):
            out.append(f"    # {len(values)} spelling(s) in the sample are not categories {name} reads; `bsa-check check`")
            out.append("    # names the rows; map each spelling under values: onto a category it reads")
        elif values:
            out.append(f"    # values in the sample that {name} does not read; map each onto a value it reads:")
            out.append("    # values:")
            for v in values:
                out.append(f"    #   {_q(v)}: ...")
    for name in p.missing_required:
        out.append(f"  {name}: null  # MISSING, required: write the export's header for "
                   f"{FIELDS_BY_NAME[name].en}")
    for name in p.missing_read:
        out.append(f"  {name}: null  # not found (read by the rules when present): "
                   f"{FIELDS_BY_NAME[name].en}")
    for header, step in p.step_like:
        out.append(f"  # {_q(header)} looks like a procedure step ({step}): map it above, or list it under ignore")
    if p.ignored:
        out.append("ignore:  # columns bsa-check does not read (read without a warning)")
        for h in p.ignored:
            out.append(f"  - {_q(h)}")
    return "\n".join(out) + "\n"


_SUMMARY = {
    "en": ("{placed} fields placed ({guesses} guesses to check), {missing} required fields missing, "
           "{ignored} columns ignored", "column {header!r} looks like a procedure step ({field}) and is not mapped"),
    "nl": ("{placed} velden geplaatst ({guesses} gokken om te controleren), {missing} verplichte velden ontbreken, "
           "{ignored} kolommen genegeerd", "kolom {header!r} lijkt een procedurestap ({field}) en is niet gekoppeld"),
}


def summary(p: Proposal, lang: str) -> list[str]:
    """What ``bsa-check columns`` says on stderr: the counts, then each unmapped procedure-step column."""
    head, step = _SUMMARY.get(lang, _SUMMARY["en"])
    lines = [head.format(placed=len(p.placed), guesses=sum(m.why is not None for m in p.placed.values()),
                         missing=len(p.missing_required), ignored=len(p.ignored))]
    lines += [step.format(header=header, field=field) for header, field in p.step_like]
    return lines
