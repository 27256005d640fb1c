"""One rule for the output format of every command (issue 18 item 4).

The ``--output`` file's suffix chooses the format when ``--format`` is not given; a suffix that
names another format than an explicit ``--format`` is refused (BSA434), and so is a suffix naming a
format the command does not write (BSA435). A suffix that names no format (``.out``, none) leaves
the command's default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bsa_check.errors import Location, UsageError

__all__ = ["CHECK_FORMATS", "CheckOutput", "SUFFIXES", "output_format"]

SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".html": "html", ".htm": "html",
            ".md": "markdown", ".txt": "text"}


def output_format(explicit: str | None, output: str | None, allowed: tuple[str, ...], command: str,
                  default: str = "text") -> str:
    """The format a command writes: ``explicit`` (``--format``), else the one ``output``'s suffix names,
    else ``default``."""
    suffix = Path(output).suffix.lower() if output else ""
    named = SUFFIXES.get(suffix)
    if explicit is not None:
        if named is not None and named != explicit:
            raise UsageError(f"--output {output} is a {suffix} file, but --format is {explicit}",
                             location=Location(output or ""), code="BSA434",
                             hint=f"leave out --format (the suffix chooses {named}), or name the file *{_suffix(explicit)}")
        return explicit
    if named is not None and named not in allowed:
        raise UsageError(f"{command} does not write {named} (the suffix of --output {output})",
                         location=Location(output or ""), code="BSA435",
                         hint=f"{command} writes " + ", ".join(allowed) + "; choose a file name with one of their suffixes")
    return named or default


def _suffix(fmt: str) -> str:
    return next((s for s, f in SUFFIXES.items() if f == fmt), "." + fmt)


@dataclass(frozen=True, slots=True)
class CheckOutput:
    """One output format of ``check``: its name (the ``--format`` choice), its reporter class (a
    ``bsa_check.report`` module and class name, imported only when chosen), whether the reporter takes
    whole results (``text``, ``xlsx``: one process, results as objects) rather than rows rendered
    from a memo (the machine formats, also with ``--workers``), and whether it writes CSV (``--excel``,
    the export's delimiter), and whether it is ``binary`` (a workbook: refused for a terminal)."""

    name: str
    module: str
    reporter: str
    whole_results: bool = False
    csv: bool = False
    binary: bool = False  # not text: refused for a terminal


# check's output formats, in the order --help lists them: the one registry the CLI's choices, the
# reporter factory (report.make_reporter) and the streaming choice read. A format is one reporter
# module plus its line here.
CHECK_FORMATS: dict[str, CheckOutput] = {f.name: f for f in (
    CheckOutput("text", "bsa_check.report.text", "TextReporter", whole_results=True),
    CheckOutput("json", "bsa_check.report.machine", "JsonReporter"),
    CheckOutput("jsonl", "bsa_check.report.machine", "JsonlReporter"),
    CheckOutput("csv", "bsa_check.report.machine", "CsvReporter", csv=True),
    CheckOutput("xlsx", "bsa_check.report.xlsx", "XlsxReporter", whole_results=True, binary=True),
)}
