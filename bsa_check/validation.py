"""The service behind ``bsa-check validate``: find the rule files (folders searched recursively),
validate each (``ruleset.validate``: one pass shows every problem), apply suppressions
(``suppress``, with the configuration's ``ignore``). The CLI renders the result.

A folder is searched like ``bsa-check test`` searches one (``testing.runner.SKIPPED_DIRS``: hidden
folders, build and virtual-environment folders are skipped) for ``*.yaml``/``*.yml`` files with a
top-level ``rules``, ``schema_version`` or ``extends`` key (a column mapping or a CI file beside them is not a rule
file); ``*.bsa-test.yaml`` files are left to ``bsa-check test``. A file named on the command line is
always validated; a ``.md`` file named on the command line is checked as a letter template
(``letters.template``), since `bsa-check letters` fills it with the rule texts' placeholder language.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from bsa_check.config import Config
from bsa_check.errors import Location
from bsa_check.problems import ERROR, Problem

SUFFIXES = (".yaml", ".yml")
_RULE_FILE_KEY = re.compile(r"^(?:rules|schema_version|extends)[ \t]*:", re.MULTILINE)
SNIFF_BYTES = 1024 * 1024  # the rule-file size limit: a key further on is not in a rule file


@dataclass
class ValidationRun:
    files: list[str] = field(default_factory=list)  # the rule files checked
    problems: list[Problem] = field(default_factory=list)
    suppressed: list[tuple[Problem, str]] = field(default_factory=list)
    unusable: bool = False  # a path that does not exist or holds no rule file: exit 2
    origins: dict[str, dict[str, Any]] = field(default_factory=dict)  # ``extends``: file -> where its parts came from

    @property
    def failed(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)


def looks_like_rule_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return True  # unreadable: validate says so
    return _RULE_FILE_KEY.search(head.decode("utf-8", "replace")) is not None


def rule_files_in(folder: Path) -> list[Path]:
    """The rule files below ``folder``, in a stable order (see the module docstring)."""
    from bsa_check.testing.model import TEST_FILE_SUFFIX
    from bsa_check.testing.runner import SKIPPED_DIRS

    out = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not any(fnmatch(d, pattern) for pattern in SKIPPED_DIRS))
        for name in sorted(files):
            if not name.endswith(SUFFIXES) or name.endswith(TEST_FILE_SUFFIX) or name.startswith("."):
                continue
            path = Path(root) / name
            if looks_like_rule_file(path):
                out.append(path)
    return out


def run(paths: list[str], config: Config) -> ValidationRun:
    """Validate every rule file named or found below the folders named in ``paths``."""
    from bsa_check import suppress
    from bsa_check.ruleset.load import not_a_file
    from bsa_check.ruleset.extends import origin_summary
    from bsa_check.ruleset.validate import validate_path
    from bsa_check.testing.model import TEST_FILE_SUFFIX

    result = ValidationRun()
    config_file = str(config.path) if config.path else None
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = rule_files_in(path)
            if not found:
                result.unusable = True
                result.problems.append(Problem("BSA120", ERROR, f"{given} is a directory with no rule files",
                                               Location(given), "name the rule files, or the folder holding them"))
            targets = found
        else:
            what = not_a_file(path)
            if what is not None:
                result.unusable = True
                result.problems.append(Problem("BSA110", ERROR, f"{given} {what}", Location(given),
                                               "give the path of a .yaml rule file, or a folder of them"))
                continue
            if path.name.endswith(TEST_FILE_SUFFIX):
                result.problems.append(Problem("BSA111", ERROR, f"{given} is a rule test file, not a rule file",
                                               Location(given), "run it with: bsa-check test " + given))
                continue
            if path.suffix.lower() == ".md":  # a letter template (bsa-check letters --template-dir), when named
                from bsa_check.letters.template import validate_template_file

                result.files.append(given)
                result.problems.extend(validate_template_file(path))
                continue
            targets = [path]
        for target in targets:
            file = str(target)
            result.files.append(file)
            problems = validate_path(target)
            summary = origin_summary(target)
            if summary is not None:
                result.origins[file] = summary
            kept, suppressed = suppress.apply(problems, file, _text(target), config.ignored_codes(file), config_file)
            result.problems.extend(kept)
            result.suppressed.extend(suppressed)
    return result


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes()[:SNIFF_BYTES].decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
