"""The report of ``bsa-check test`` in the chosen language, in place of pytest's own terminal report.

pytest's terminal report is English (``collected``, ``passed``, ``FAILURES``, ``short test summary``);
``bsa-check test --lang nl`` runs pytest without it (``-p no:terminal``) and prints this report
instead: one line per test file with its counts, each failing case's report (``testing.check``, in
the same language) and a summary line. ``--verbose`` shows pytest's own report instead, in English,
with one line per case. Cases, node ids, exit codes and JUnit XML are the same either way.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from bsa_check.textsafe import visible

WORDS: dict[str, dict[str, str]] = {
    "en": {"passed": "{n} passed", "failed": "{n} failed", "errors": "{n} error(s)", "skipped": "{n} skipped",
           "case": "{n} case", "cases": "{n} cases", "failure": "FAILED {node}", "error": "ERROR {node}",
           "interrupted": "interrupted", "none": "no cases found"},
    "nl": {"passed": "{n} geslaagd", "failed": "{n} mislukt", "errors": "{n} fout(en)", "skipped": "{n} overgeslagen",
           "case": "{n} geval", "cases": "{n} gevallen", "failure": "MISLUKT {node}", "error": "FOUT {node}",
           "interrupted": "onderbroken", "none": "geen gevallen gevonden"},
}


def _seconds(value: float, lang: str) -> str:
    text = f"{value:.2f} s"
    return text.replace(".", ",") if lang == "nl" else text


class Report:
    """A pytest plugin object (``pytest.main(args, plugins=[Report(lang)])``) that writes the report."""

    def __init__(self, lang: str, quiet: bool = False, out: TextIO | None = None) -> None:
        self.words = WORDS["nl" if lang == "nl" else "en"]
        self.lang = lang
        self.quiet = quiet
        self.out = out or sys.stdout
        self.counts = {"passed": 0, "failed": 0, "errors": 0, "skipped": 0}
        self.file: str | None = None
        self.file_counts: dict[str, int] = {}
        self.failures: list[tuple[str, str, str]] = []  # (kind, node id, report text)
        self.started = time.perf_counter()

    def _print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def _counted(self, counts: dict[str, int]) -> str:
        return ", ".join(self.words[k].format(n=n) for k, n in counts.items() if n)

    def _end_file(self) -> None:
        if self.file is not None and not self.quiet:
            self._print(f"{visible(self.file)}: {self._counted(self.file_counts)}")
        self.file, self.file_counts = None, {}

    def _count(self, nodeid: str, kind: str) -> None:
        file = nodeid.split("::", 1)[0]
        if file != self.file:
            self._end_file()
            self.file = file
        self.file_counts[kind] = self.file_counts.get(kind, 0) + 1
        self.counts[kind] += 1

    def pytest_collectreport(self, report: Any) -> None:
        if report.failed:
            self.counts["errors"] += 1
            self.failures.append(("error", report.nodeid, report.longreprtext))

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.when == "call" or (report.when == "setup" and not report.passed):
            kind = {"passed": "passed", "failed": "failed", "skipped": "skipped"}[report.outcome]
            if report.when == "setup" and report.failed:
                kind = "errors"
            self._count(report.nodeid, kind)
            if report.failed:
                self.failures.append(("failure" if kind == "failed" else "error", report.nodeid, report.longreprtext))
        elif report.when == "teardown" and report.failed:
            self.counts["errors"] += 1
            self.failures.append(("error", report.nodeid, report.longreprtext))

    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        self._end_file()
        for kind, node, text in self.failures:
            self._print()
            self._print(self.words[kind].format(node=visible(node)))
            for line in text.splitlines():
                self._print(visible(line))
        total = self.counts["passed"] + self.counts["failed"] + self.counts["skipped"]
        counted = self._counted(self.counts)
        summary = (f"{self.words['case' if total == 1 else 'cases'].format(n=total)}: {counted}" if counted else self.words["none"])
        if int(exitstatus) == 2:  # pytest.ExitCode.INTERRUPTED
            summary += f", {self.words['interrupted']}"
        self._print()
        self._print(f"{summary} ({_seconds(time.perf_counter() - self.started, self.lang)})")
