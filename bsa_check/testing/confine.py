"""Rule test files stay in their repository (issue 15): what a test file's ``rules:`` may name.

A ``*.bsa-test.yaml`` comes with a pull request and runs in CI, so its ``rules:`` must not read
files elsewhere on the machine (``/etc/passwd``, ``../../../home/runner/.ssh/id_rsa``,
``/proc/self/environ``) and print their lines in error messages. It names a bundled rule set, or a
relative path that stays inside the test file's repository: the nearest folder above the test
file holding ``.git``; without one (a copy outside version control, never a CI checkout), the
current folder when the test file lies inside it, else the folder above the test file's folder
(the usual ``rules/`` + ``rules/tests/`` layout). The path is checked after symbolic links are followed. An absolute path
or one that leaves the repository is BSA113. A file there that is not a rule file (not YAML, no
``schema_version``) is BSA114, reported by name and position only: its content is never shown.
"""

from __future__ import annotations

import os
from pathlib import Path


def repository_root(test_file: Path) -> Path:
    """The folder a test file's ``rules:`` path must stay inside (see the module docstring)."""
    folder = test_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    cwd = Path(os.getcwd()).resolve()
    return cwd if folder == cwd or cwd in folder.parents else folder.parent


def outside(test_file: Path, name: str) -> str | None:
    """Why ``name`` (a ``rules:`` path) is not allowed, or ``None`` when it stays in the repository."""
    if Path(name).is_absolute():
        return "is an absolute path"
    if name.startswith("~"):
        return "is a path in a home folder"
    root = repository_root(test_file)
    target = (test_file.resolve().parent / name).resolve()
    if target != root and root not in target.parents:
        return f"leads outside the test file's repository ({root})"
    return None


def not_a_rule_file(errors: list) -> bool:  # type: ignore[type-arg]
    """Whether a rule file's load errors say it is no rule file at all (not UTF-8, not YAML, not a
    mapping, no ``schema_version``): then none of its lines may be shown."""
    for e in errors:
        if e.code == "BSA100" or "schema_version" in e.message or "must be a YAML mapping" in e.message:
            return True
    return False
