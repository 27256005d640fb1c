"""pytest plugin: collect rule-test files (``*.bsa-test.yaml``), one pytest item per case.

Enable it with ``pytest -p bsa_check.testing.plugin`` or ``pytest_plugins =
["bsa_check.testing.plugin"]`` in the root ``conftest.py``; ``bsa-check test`` runs pytest with it
(``testing.runner``), so both collect the same files and give the same node ids
(``file::case name``). Rule sets are loaded and compiled once per session per (rule file,
parameters). A failing case shows where it is (file:line), expected against actual and the
actual one-line reason, without a traceback; a file that cannot be loaded is one failing item
that lists its located errors. This module only adapts ``testing.load``/``testing.check`` to
pytest: no rule logic, no rich or typer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from bsa_check.errors import BsaCheckError, ErrorList
from bsa_check.testing.check import run_case
from bsa_check.testing.load import LoadedCase, LoadedTestFile, RuleSetCache, load_test_file
from bsa_check.testing.model import TEST_FILE_SUFFIX
from bsa_check.textsafe import visible

LOAD_ERROR_NAME = "(cannot load)"

_CACHE = pytest.StashKey[RuleSetCache]()


class RuleTestFailure(Exception):
    """A case (or a file) failed; ``lines`` is the whole report, shown instead of a traceback."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--bsa-lang", choices=("en", "nl"), default=None,
                     help="Language of the rule-test failure reports (bsa-check test --lang); default en.")


def report_lang(config: pytest.Config) -> str:
    """The language of a failing case's report: ``--bsa-lang`` (as ``bsa-check test`` passes it), else English."""
    lang = config.getoption("bsa_lang", default=None)
    return "nl" if lang == "nl" else "en"


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith(TEST_FILE_SUFFIX):
        return None
    return RuleTestFile.from_parent(parent, path=file_path)


def conftest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """The collection hook for a conftest below the rootdir, where pytest refuses ``pytest_plugins``:
    ``from bsa_check.testing.plugin import conftest_collect_file as pytest_collect_file``.

    It steps aside when the plugin itself is registered (``-p bsa_check.testing.plugin`` or the
    root conftest's ``pytest_plugins``), so no case is collected twice.
    """
    if parent.config.pluginmanager.is_registered(sys.modules[__name__]):
        return None
    return pytest_collect_file(file_path, parent)


def _cache(config: pytest.Config) -> RuleSetCache:
    return config.stash.setdefault(_CACHE, RuleSetCache())


def _display(config: pytest.Config, path: Path) -> str:
    """The file as the user knows it: relative to where pytest was started, when below it."""
    try:
        return str(path.relative_to(config.invocation_params.dir))
    except ValueError:
        return str(path)


class RuleTestFile(pytest.File):
    """One ``*.bsa-test.yaml`` file."""

    def collect(self) -> Iterator[pytest.Item]:
        try:
            loaded = load_test_file(self.path, _cache(self.config), display=_display(self.config, self.path))
        except ErrorList as exc:
            errors = list(exc.errors)
        except BsaCheckError as exc:
            errors = [exc]
        else:
            for case in loaded.cases:
                yield RuleTestCase.from_parent(self, name=case.name, test_file=loaded, case=case)
            return
        yield RuleTestLoadError.from_parent(self, name=LOAD_ERROR_NAME, errors=errors)


class _ReadableItem(pytest.Item):
    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, RuleTestFailure):  # file names and texts: shown, never obeyed (issue 15)
            return "\n".join(visible(line) for line in excinfo.value.lines)
        return super().repr_failure(excinfo, style=style)


class RuleTestCase(_ReadableItem):
    """One case: its record is evaluated and the verdict compared with ``expect``."""

    def __init__(self, *, test_file: LoadedTestFile, case: LoadedCase, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.test_file = test_file
        self.case = case

    def runtest(self) -> None:
        result = run_case(self.test_file, self.case, _cache(self.config))
        if not result.passed:
            raise RuleTestFailure(result.failure_lines(report_lang(self.config)))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, (self.case.location.line or 1) - 1, f"case {self.case.name}"


class RuleTestLoadError(_ReadableItem):
    """Stands for a test file that cannot be loaded: it fails, listing every located problem."""

    def __init__(self, *, errors: list[BsaCheckError], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.errors = errors

    def runtest(self) -> None:
        from bsa_check.i18n.problems import describe

        lang = report_lang(self.config)
        cannot = "het regeltestbestand kan niet worden geladen" if lang == "nl" else \
            "the rule test file cannot be loaded"
        lines = [f"{_display(self.config, self.path)}: {cannot}"]
        lines.extend(f"  {describe(error, lang)}" for error in self.errors)
        raise RuleTestFailure(lines)

    def reportinfo(self) -> tuple[Path, int, str]:
        first = self.errors[0].location if self.errors else None
        line = (first.line or 1) - 1 if first is not None and first.file == _display(self.config, self.path) else 0
        return self.path, line, "rule test file cannot be loaded"
