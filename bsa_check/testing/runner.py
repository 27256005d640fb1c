"""Run rule-test files with pytest: the service behind ``bsa-check test``.

:func:`run` finds the ``*.bsa-test.yaml`` files under the given paths and hands exactly those
files to ``pytest.main`` with the plugin (``testing.plugin``), so ``bsa-check test DIR`` and
``pytest -p bsa_check.testing.plugin DIR`` run the same cases with the same node ids. Only the
test files are given to pytest, and no conftest, Python test module or project ``addopts`` is
loaded: rule tests run the same in every repository. JUnit XML is pytest's own ``--junitxml``.
In English pytest prints the report; in Dutch (``lang="nl"``) pytest's own, English, terminal report is
left out and ``testing.report`` prints the report in Dutch, unless ``verbose`` asks for pytest's (one
line per case). The failing cases' reports are in ``lang`` either way (the plugin's ``--bsa-lang``).
The reason for exit code 2 is printed here (on stderr), in ``lang``.
"""

from __future__ import annotations

import os
import sys
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterator

from bsa_check.testing.model import TEST_FILE_SUFFIX

# pytest's default ``norecursedirs`` (plus caches): a directory pytest would not enter is not searched here either.
SKIPPED_DIRS = ("*.egg", ".*", "_darcs", "build", "CVS", "dist", "node_modules", "venv", "{arch}", "__pycache__")

OK, FAILED, USAGE = 0, 1, 2


def find_test_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every ``*.bsa-test.yaml`` below the directory ``path``, in a stable order."""
    if not path.is_dir():
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not any(fnmatch(d, pattern) for pattern in SKIPPED_DIRS))
        for name in sorted(files):
            if name.endswith(TEST_FILE_SUFFIX):
                yield Path(root) / name


def _usage(message: str, lang: str) -> int:
    from bsa_check.i18n.problems import translate

    print(f"bsa-check test: {translate('*', message, lang)}", file=sys.stderr)
    return USAGE


def run(paths: list[str], junit_xml: str | None = None, quiet: bool = False, lang: str = "en",
        verbose: bool = False) -> int:
    """Run the rule tests in ``paths`` (files or directories, searched recursively).

    Returns 0 when every case passes, 1 when a case fails (or a test file cannot be loaded), 2
    when a path does not exist, a file is not a ``*.bsa-test.yaml`` file, or no test files are found.
    """
    import pytest  # only this command needs pytest

    files: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            return _usage(f"{given}: no such file or directory", lang)
        if path.is_file() and not path.name.endswith(TEST_FILE_SUFFIX):
            return _usage(f"{given}: not a rule test file (its name must end in {TEST_FILE_SUFFIX})", lang)
        for file in find_test_files(path):
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    if not files:
        if not paths:
            return _usage("no paths given", lang)
        return _usage(f"no *{TEST_FILE_SUFFIX} files under {', '.join(paths)}", lang)

    rootdir = os.path.commonpath([str(f.resolve().parent) for f in files])
    args = [
        *(str(f) for f in files),
        "-p", "bsa_check.testing.plugin",
        "-p", "no:cacheprovider",
        "-p", "no:python",  # nothing here is Python: no module, package __init__ or conftest is imported
        "--noconftest",
        "--assert=plain",  # no Python tests, so nothing to rewrite (and no warning about the plugin)
        "--rootdir", rootdir,
        "-c", os.devnull,  # ignore the repository's pytest.ini/pyproject: rule tests run the same everywhere
        "-o", "addopts=",
        "-o", "junit_suite_name=bsa-check",
    ]
    if junit_xml:
        args.append(f"--junitxml={junit_xml}")
    plugins: list[object] = []
    args.append(f"--bsa-lang={'nl' if lang == 'nl' else 'en'}")
    if lang == "nl" and not verbose:  # pytest's report is English: ours instead
        from bsa_check.testing.report import Report

        args.extend(["-p", "no:terminal"])
        plugins.append(Report(lang, quiet=quiet))
    elif verbose:
        args.append("-v")
    elif quiet:
        args.append("-q")
    from bsa_check.signals import AsKeyboardInterrupt

    with AsKeyboardInterrupt() as interrupted:  # pytest ends its own way; then exit 128 + n
        code = pytest.main(args, plugins=plugins)
    interrupted.reraise()
    if code == pytest.ExitCode.OK:
        return OK
    if code == pytest.ExitCode.TESTS_FAILED:
        return FAILED
    return USAGE
