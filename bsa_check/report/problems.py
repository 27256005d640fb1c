"""Renderers for validation problems: text, json, GitHub workflow annotations, SARIF 2.1.0, GitLab
Code Quality.

Formatting only: the problems are found by ``ruleset.validate``. SARIF and GitLab give paths
relative to the repository (``root``, found by ``bsa_check.config.repository_root``); SARIF's are
URI-encoded under ``%SRCROOT%``, and its rules carry the registry's metadata (``bsa_check.codes``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from bsa_check import __version__
from bsa_check.problems import ERROR, Problem

FORMATS = ("text", "json", "github", "sarif", "gitlab")


Suppressed = list[tuple[Problem, str]]  # (problem, reason)


def _line(p: Problem, lang: str = "en") -> str:
    if lang != "en":
        from bsa_check.i18n.problems import severity, translate

        hint = translate(p.code, p.hint, lang) if p.hint else None
        return f"{p.location}: {severity(p.severity, lang)} {p.code}: {translate(p.code, p.message, lang)}" + \
            (f" ({hint})" if hint else "")
    return f"{p.location}: {p.severity} {p.code}: {p.message}" + (f" ({p.hint})" if p.hint else "")


_TEXT = {
    "suppressed": {"en": "suppressed ({n}):", "nl": "onderdrukt ({n}):"},
    "reason": {"en": "reason", "nl": "reden"},
    "summary": {"en": "{files} file(s) checked: {errors} error(s), {warnings} warning(s)",
                "nl": "{files} bestand(en) gecontroleerd: {errors} fout(en), {warnings} waarschuwing(en)"},
    "summary.suppressed": {"en": ", {n} suppressed", "nl": ", {n} onderdrukt"},
}


def as_text(problems: list[Problem], files: int, suppressed: Suppressed | None = None,
            origins: dict[str, dict[str, Any]] | None = None, lang: str = "en") -> str:
    """One line per problem; ``suppressed`` (``--show-suppressed``): also those, each with its reason;
    ``origins``: for each file that extends another, where each rule and parameter came from. ``lang``:
    the messages in Dutch (``nl``) or English; the machine formats below stay English."""
    from bsa_check.ruleset.extends import summary_lines

    lines = [line for file, summary in (origins or {}).items() for line in summary_lines(file, summary)]
    if lang != "en":
        from bsa_check.i18n.problems import translate

        lines = [str(translate("*", line, lang)) for line in lines]
    lines.extend(_line(p, lang) for p in problems)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if suppressed:
        lines.append(_TEXT["suppressed"][lang].format(n=len(suppressed)))
        lines.extend(f"  {_line(p, lang)} -- {_TEXT['reason'][lang]}: {reason}" for p, reason in suppressed)
    summary = _TEXT["summary"][lang].format(files=files, errors=errors, warnings=warnings)
    if suppressed:
        summary += _TEXT["summary.suppressed"][lang].format(n=len(suppressed))
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _json_problem(p: Problem) -> dict[str, Any]:
    return {"code": p.code, "severity": p.severity, "message": p.message, "hint": p.hint, "file": p.location.file,
            "line": p.location.line, "column": p.location.column}


def as_json(problems: list[Problem], files: Iterable[str], suppressed: Suppressed | None = None,
            origins: dict[str, dict[str, Any]] | None = None) -> str:
    doc: dict[str, Any] = {"format_version": 1, "files": list(files), "problems": [_json_problem(p) for p in problems]}
    if origins:
        doc["extends"] = origins  # file -> {chain, rules: [{id, file}], parameters, removed}
    if suppressed is not None:
        doc["suppressed"] = [{**_json_problem(p), "reason": reason} for p, reason in suppressed]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem]) -> str:
    """``::error file=F,line=L,col=C,title=CODE::message`` workflow commands, one per problem."""
    out = []
    for p in problems:
        props = [f"file={_escape_property(p.location.file)}"]
        if p.location.line:
            props.append(f"line={p.location.line}")
        if p.location.column:
            props.append(f"col={p.location.column}")
        props.append(f"title={_escape_property(p.code)}")
        message = p.message + (f" ({p.hint})" if p.hint else "")
        out.append(f"::{'error' if p.severity == ERROR else 'warning'} {','.join(props)}::{_escape_data(message)}")
    return "\n".join(out) + ("\n" if out else "")


def relative_path(file: str, root: Path | None) -> str | None:
    """``file`` relative to ``root`` with forward slashes, or None when it lies outside ``root``."""
    if root is None:
        return None
    try:
        rel = Path(file).resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return None
    return PurePosixPath(*rel.parts).as_posix()


def _sarif_location(file: str, root: Path | None) -> dict[str, Any]:
    rel = relative_path(file, root)
    if rel is not None:
        return {"uri": quote(rel, safe="/"), "uriBaseId": "%SRCROOT%"}
    path = Path(file)
    if path.is_absolute():
        return {"uri": path.as_uri()}
    return {"uri": quote(PurePosixPath(*path.parts).as_posix(), safe="/")}


def as_sarif(problems: list[Problem], root: Path | None = None, suppressed: Suppressed | None = None) -> str:
    """SARIF 2.1.0: one run, the rules the results use with the registry's metadata, a level per severity.

    ``suppressed`` (``--show-suppressed``): those results too, each with an in-source suppression and its
    reason as the justification (code scanning then shows them as dismissed).
    """
    from bsa_check import codes

    listed = [(p, None) for p in problems] + list(suppressed or [])
    ids = sorted({p.code for p, _ in listed})
    index = {code: i for i, code in enumerate(ids)}
    rules = []
    for code in ids:
        entry = codes.get(code)
        rule: dict[str, Any] = {"id": code}
        if entry is not None:
            example = entry.example.replace("\\n", "\n")
            rule.update({
                "name": entry.name,
                "shortDescription": {"text": entry.en[0]},
                "fullDescription": {"text": entry.en[1]},
                "help": {"text": f"{entry.en[1]}\n\nExample:\n{example}",
                         "markdown": f"{entry.en[1]}\n\nExample:\n\n```yaml\n{example}\n```"},
                "helpUri": entry.help_uri,
                "defaultConfiguration": {"level": _sarif_level(entry.severity)},
            })
        rules.append(rule)
    results = []
    for p, reason in listed:
        region = {}
        if p.location.line:
            region["startLine"] = p.location.line
        if p.location.column:
            region["startColumn"] = p.location.column
        physical: dict[str, Any] = {"artifactLocation": _sarif_location(p.location.file, root)}
        if region:
            physical["region"] = region
        result = {"ruleId": p.code, "ruleIndex": index[p.code], "level": _sarif_level(p.severity),
                  "message": {"text": p.message + (f" ({p.hint})" if p.hint else "")},
                  "locations": [{"physicalLocation": physical}]}
        if reason is not None:
            result["suppressions"] = [{"kind": "inSource", "justification": reason}]
        results.append(result)
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "bsa-check", "version": __version__,
                                         "informationUri": codes.DOCS_URL, "rules": rules}},
                     "columnKind": "unicodeCodePoints", "results": results}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _sarif_level(severity: str) -> str:
    return "error" if severity == ERROR else "warning"


# GitLab Code Quality severities: info, minor, major, critical, blocker.
_GITLAB_SEVERITY = {ERROR: "major", "warning": "minor"}


def as_gitlab(problems: list[Problem], root: Path | None = None) -> str:
    """GitLab Code Quality report (a JSON list): description, check_name, fingerprint, severity, location.

    An error that blocks verdicts (a legal lint) is ``blocker``; other errors ``major``, warnings ``minor``.
    The fingerprint is stable for the same problem at the same place.
    """
    from bsa_check import codes

    out = []
    for p in problems:
        path = relative_path(p.location.file, root) or p.location.file
        entry = codes.get(p.code)
        severity = "blocker" if entry is not None and entry.blocking and p.severity == ERROR \
            else _GITLAB_SEVERITY.get(p.severity, "info")
        line = p.location.line or 1
        key = "\0".join((p.code, path, str(line), str(p.location.column or 0), p.message))
        out.append({
            "description": f"{p.code}: {p.message}" + (f" ({p.hint})" if p.hint else ""),
            "check_name": p.code + (f" {entry.name}" if entry else ""),
            "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
            "severity": severity,
            "location": {"path": path, "lines": {"begin": line}},
        })
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
