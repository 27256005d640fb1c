"""Project configuration: ``[tool.bsa-check]`` in ``pyproject.toml`` or a ``.bsa-check.yaml``, found upward
from the working directory (the nearest folder holding either wins; in one folder ``.bsa-check.yaml``
comes first; a ``pyproject.toml`` without the table is passed over).

Keys (all optional)::

    rules = "ho-current"            # default --rules of check, explain (a bundled name or a path)
    lang = "nl"                     # default --lang (before LC_ALL/LANG)
    columns = "mapping/osiris.yaml" # a --columns mapping file (path relative to the configuration)
    [tool.bsa-check.ignore]         # codes validate leaves out, per path glob (relative to the configuration)
    "rules/legacy/*.yaml" = ["BSA256"]

A path glob is matched with :mod:`fnmatch` against the rule file's path relative to the folder of
the configuration, with forward slashes (``*`` also matches ``/``). An error that blocks verdicts
cannot be ignored (``bsa_check.suppress``). Also :func:`repository_root`, the folder SARIF and GitLab
paths are relative to. Reads files; never writes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bsa_check.errors import Location, UsageError

FILE_NAME = ".bsa-check.yaml"
KEYS = ("rules", "lang", "columns", "ignore")


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it came from; None: no configuration found
    rules: str | None = None
    lang: str | None = None
    columns: Path | None = None  # for --columns (resolved against the configuration's folder)
    ignore: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    @property
    def base(self) -> Path:
        return self.path.parent if self.path is not None else Path.cwd()

    def ignored_codes(self, file: str) -> list[tuple[str, str]]:
        """(glob, code) pairs of ``ignore`` that apply to the rule file ``file``."""
        from fnmatch import fnmatchcase

        if not self.ignore:
            return []
        try:
            rel = Path(file).resolve().relative_to(self.base.resolve()).as_posix()
        except (ValueError, OSError):
            rel = Path(file).as_posix()
        return [(glob, code) for glob, codes in self.ignore if fnmatchcase(rel, glob) for code in codes]


def _error(path: Path, message: str, hint: str = "keys: rules, lang, columns, ignore") -> UsageError:
    return UsageError(f"configuration: {message}", location=Location(str(path)), hint=hint, code="BSA700")


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``.bsa-check.yaml``, or ``pyproject.toml`` with ``[tool.bsa-check]``, from ``start`` upward."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        candidate = here / FILE_NAME
        if candidate.is_file():
            return candidate
        pyproject = here / "pyproject.toml"
        if pyproject.is_file() and _has_table(pyproject):
            return pyproject
    return None


def _has_table(pyproject: Path) -> bool:
    import tomllib

    try:
        doc = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False  # someone else's broken pyproject.toml is not our configuration
    tool = doc.get("tool")
    return isinstance(tool, dict) and "bsa-check" in tool


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error(path, f"cannot be read: {exc}", "save it as UTF-8 text") from None
    if path.name == "pyproject.toml":
        import tomllib

        try:
            doc = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _error(path, f"not valid TOML: {exc}", "check the [tool.bsa-check] table") from None
        table = doc.get("tool", {}).get("bsa-check", {})
    else:
        from bsa_check.errors import RuleFileError
        from bsa_check.ruleset.yamlsafe import load_yaml

        try:
            table, _ = load_yaml(text, str(path)) if text.strip() else ({}, None)
        except RuleFileError as exc:
            raise _error(path, exc.message, exc.hint or "") from None
    if not isinstance(table, dict):
        raise _error(path, "must be a table (a mapping) of keys")
    return table


def load_config(start: Path | None = None) -> Config:
    """The configuration found upward from ``start`` (the working directory), or an empty one.

    Raises UsageError (BSA700) for a configuration that cannot be read or has an unknown key.
    """
    path = find_config(start)
    if path is None:
        return Config()
    table = _read(path)
    for key in table:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            raise _error(path, f"unknown key {key!r}",
                         f"did you mean {close[0]!r}?" if close else "keys: rules, lang, columns, ignore")
    rules = table.get("rules")
    if rules is not None and not isinstance(rules, str):
        raise _error(path, "rules must be a bundled rule-set name or a path", 'e.g. rules = "ho-current"')
    if isinstance(rules, str) and not _bundled(rules):
        rules = str(path.parent / rules)
    lang = table.get("lang")
    if lang is not None and lang not in ("nl", "en"):
        raise _error(path, f"lang must be nl or en, not {lang!r}", 'e.g. lang = "nl"')
    columns = table.get("columns")
    if columns is not None and not isinstance(columns, str):
        raise _error(path, "columns must be the path of a column mapping file", 'e.g. columns = "osiris.yaml"')
    ignore = table.get("ignore", {})
    if not isinstance(ignore, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(c, str) for c in v) for k, v in ignore.items()):
        raise _error(path, "ignore must map a path glob to a list of codes", 'e.g. "rules/*.yaml" = ["BSA256"]')
    return Config(path=path, rules=rules, lang=lang,
                  columns=(path.parent / columns) if columns else None,
                  ignore=tuple((glob, tuple(c.strip().upper() for c in codes)) for glob, codes in ignore.items()))


def _bundled(name: str) -> bool:
    from bsa_check.ruleset.load import bundled_rule_files

    return name in bundled_rule_files()


def repository_root(start: Path | None = None) -> Path:
    """The nearest folder upward from ``start`` (the working directory) holding ``.git``; else the working
    directory itself. SARIF and GitLab report paths relative to it."""
    folder = (start or Path.cwd()).resolve()
    for here in (folder, *folder.parents):
        if (here / ".git").exists():
            return here
    return folder


def config_lang() -> str | None:
    """The configured language, or None (no configuration, none set, or one that cannot be read: the
    command that needs the configuration reports that)."""
    try:
        return load_config().lang
    except UsageError:
        return None
