"""Renderers for validation problems: text, json, GitHub workflow annotations, SARIF 2.1.0.

Formatting only: the problems are found by ``ruleset.validate``.
"""

from __future__ import annotations

import json
from typing import Iterable

from bsa_check import __version__
from bsa_check.problems import ERROR, Problem

FORMATS = ("text", "json", "github", "sarif")


def as_text(problems: list[Problem], files: int) -> str:
    lines = [f"{p.location}: {p.severity} {p.code}: {p.message}" + (f" ({p.hint})" if p.hint else "")
             for p in problems]
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    lines.append(f"{files} file(s) checked: {errors} error(s), {warnings} warning(s)")
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: Iterable[str]) -> str:
    doc = {"format_version": 1, "files": list(files), "problems": [
        {"code": p.code, "severity": p.severity, "message": p.message, "hint": p.hint, "file": p.location.file,
         "line": p.location.line, "column": p.location.column} for p in problems]}
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


def as_sarif(problems: list[Problem]) -> str:
    rules = sorted({p.code for p in problems})
    results = []
    for p in problems:
        region = {}
        if p.location.line:
            region["startLine"] = p.location.line
        if p.location.column:
            region["startColumn"] = p.location.column
        physical = {"artifactLocation": {"uri": p.location.file}}
        if region:
            physical["region"] = region
        results.append({"ruleId": p.code, "level": "error" if p.severity == ERROR else "warning",
                        "message": {"text": p.message + (f" ({p.hint})" if p.hint else "")},
                        "locations": [{"physicalLocation": physical}]})
    doc = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": {"name": "bsa-check", "version": __version__,
                                         "rules": [{"id": r} for r in rules]}}, "results": results}]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
