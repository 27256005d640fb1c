"""Suppressing a validate finding: inline ``# bsa-check: ignore[CODE,...] reason`` comments and the
configuration's ``ignore`` per path glob (``bsa_check.config``).

An inline comment at the end of a line applies to the problems on that line; a comment on a line of
its own applies to the next line that is neither blank nor a comment. The reason is required: a
suppression without one is an error (BSA701) and suppresses nothing. An error that blocks verdicts
(the rule set does not load, or a legal lint refuses it: ``bsa_check.codes``, ``blocking``) cannot be
suppressed: the problem stays and the attempt is an error of its own (BSA702). An inline suppression
that matches no problem is a warning (BSA703). The comment is found in the line's text (a ``#`` inside
a quoted value that spells out the whole marker would count too; rule texts have no reason to).
Pure: gets the file's text from the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bsa_check.errors import Location
from bsa_check.problems import ERROR, WARNING, Problem

MARKER = re.compile(r"#\s*bsa-check:\s*ignore\[([^\]]*)\][ \t]*(.*)$")


@dataclass(frozen=True, slots=True)
class Suppression:
    target: int  # the line whose problems it suppresses (1-based)
    location: Location  # where the comment is
    codes: tuple[str, ...]
    reason: str


def inline_suppressions(text: str, file: str) -> list[Suppression]:
    """Every ``# bsa-check: ignore[...]`` comment of ``text``, with the line it applies to."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        match = MARKER.search(line)
        if match is None:
            continue
        codes = tuple(c.strip().upper() for c in match.group(1).split(",") if c.strip())
        target = i + 1
        if line[: match.start()].strip() == "":  # a comment on its own line: the next line of content
            for j in range(i + 1, len(lines)):
                if lines[j].strip() and not lines[j].lstrip().startswith("#"):
                    target = j + 1
                    break
        out.append(Suppression(target, Location(file, i + 1, match.start() + 1), codes, match.group(2).strip()))
    return out


def _blocking(code: str) -> bool:
    from bsa_check import codes

    entry = codes.get(code)
    return entry is not None and entry.blocking


def apply(problems: list[Problem], file: str, text: str | None,
          ignored: list[tuple[str, str]], config_file: str | None) -> tuple[list[Problem], list[tuple[Problem, str]]]:
    """(problems kept, plus any BSA701-703; problems suppressed with their reason) for one rule file.

    ``ignored``: the configuration's (glob, code) pairs for this file; ``config_file`` names it.
    """
    inline = inline_suppressions(text, file) if text and "bsa-check:" in text else []
    kept: list[Problem] = []
    suppressed: list[tuple[Problem, str]] = []
    extra: list[Problem] = []
    used: set[tuple[int, str]] = set()
    flagged: set[tuple[object, str]] = set()
    for s in inline:
        if not s.reason:
            extra.append(Problem("BSA701", ERROR, f"ignore[{', '.join(s.codes)}] has no reason", s.location,
                                 "say why after the brackets: # bsa-check: ignore[BSA256] the board decides"))
    for p in problems:
        reason = None
        for k, s in enumerate(inline):
            if p.location.line != s.target or p.code not in s.codes:
                continue
            used.add((k, p.code))
            if _blocking(p.code):
                if (k, p.code) not in flagged:
                    flagged.add((k, p.code))
                    extra.append(_cannot(p.code, s.location))
            elif s.reason:
                reason = s.reason
        if reason is None:
            for glob, code in ignored:
                if code != p.code:
                    continue
                if _blocking(code):
                    if (glob, code) not in flagged:
                        flagged.add((glob, code))
                        extra.append(_cannot(code, Location(config_file or "?"), f"ignore {glob!r}"))
                else:
                    reason = f"ignored for {glob!r} in {config_file}"
                    break
        if reason is None:
            kept.append(p)
        else:
            suppressed.append((p, reason))
    for k, s in enumerate(inline):
        for code in s.codes:
            if (k, code) not in used and s.reason:
                extra.append(Problem("BSA703", WARNING, f"ignore[{code}] suppresses nothing: no {code} on line "
                                     f"{s.target}", s.location, "remove it, or check the code and the line"))
    return sorted(kept + extra, key=Problem.sort_key), suppressed


def _cannot(code: str, location: Location, what: str = "") -> Problem:
    return Problem("BSA702", ERROR, f"{code} blocks verdicts and cannot be suppressed" + (f" ({what})" if what else ""),
                   location, f"fix the rule set; `bsa-check codes {code}` explains the error")
