"""The output formats of every command (issue 16 item 4) and one rule for choosing one (issue 18 item 4).

Each command that has ``--format`` has one registry of its formats here, which its ``--format``
choices (``cli.options``), the ``--output`` suffix rule below and its service's dispatch all read.

``check``'s formats are the modules of the package ``bsa_check.report.check_formats``: a module's name
is the format's name, and the module declares the format (``FORMAT``, a :class:`CheckOutput`: its
reporter and facts). The names are found without importing the modules (``--help`` stays light);
a format's module is imported only when that format is chosen. Adding a check format is one module.
The other commands' formats are :class:`Writer` lines here (due, compare, validate, letters, rules),
each naming the function that writes it, imported only when chosen.

The ``--output`` file's suffix chooses the format when ``--format`` is not given; a suffix that
names another format than an explicit ``--format`` is refused (BSA434), and so is a suffix naming a
format the command does not write (BSA435). A suffix that names no format (``.out``, none) leaves
the command's default. A suffix names a format by :data:`SUFFIXES`, or, for the command's own
formats that no suffix there names, by being ``.`` and the format's name (``.tsv``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bsa_check.errors import Location, UsageError

__all__ = ["CHECK_FORMATS", "CHECK_FORMAT_HELP", "COMPARE_FORMATS", "COMPARE_FORMAT_HELP",
           "CheckFormats", "CheckOutput", "DUE_FORMATS", "DUE_FORMAT_HELP", "LETTER_FORMATS", "RULES_FORMATS", "SUFFIXES",
           "VALIDATE_FORMATS", "Writer", "format_help", "output_format", "suffix_help", "suffix_of"]

# the suffixes every command reads alike; a command's own format ``x`` that none of these names also
# answers to ``.x``
SUFFIXES = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".xlsx": "xlsx", ".html": "html", ".htm": "html",
            ".md": "markdown", ".txt": "text"}


def named_by(suffix: str, allowed: tuple[str, ...]) -> str | None:
    """The format a file suffix names (``.tsv`` names ``tsv`` for a command that writes tsv)."""
    named = SUFFIXES.get(suffix)
    if named is None and suffix[1:] in allowed and suffix[1:] not in SUFFIXES.values():
        return suffix[1:]
    return named


def output_format(explicit: str | None, output: str | None, allowed: tuple[str, ...], command: str,
                  default: str = "text") -> str:
    """The format a command writes: ``explicit`` (``--format``), else the one ``output``'s suffix names,
    else ``default``."""
    suffix = Path(output).suffix.lower() if output else ""
    named = named_by(suffix, allowed) if suffix else None
    if explicit is not None:
        if named is not None and named != explicit:
            raise UsageError(f"--output {output} is a {suffix} file, but --format is {explicit}",
                             location=Location(output or ""), code="BSA434",
                             hint=f"leave out --format (the suffix chooses {named}), or name the file *{suffix_of(explicit)}")
        return explicit
    if named is not None and named not in allowed:
        raise UsageError(f"{command} does not write {named} (the suffix of --output {output})",
                         location=Location(output or ""), code="BSA435",
                         hint=f"{command} writes " + ", ".join(allowed) + "; choose a file name with one of their suffixes")
    return named or default


def suffix_of(fmt: str) -> str:
    """The file suffix of format ``fmt`` (``text``: ``.txt``)."""
    return next((s for s, f in SUFFIXES.items() if f == fmt), "." + fmt)


def suffix_help(names: tuple[str, ...], default: str = "text") -> str:
    """The suffixes of ``names`` as ``--format``'s help lists them: the other formats' in order, then the
    default's (``.json, .jsonl, .csv, .xlsx, .txt``)."""
    return ", ".join(suffix_of(name) for name in (*(n for n in names if n != default), default))


# --- check ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CheckOutput:
    """One output format of ``check``, as its module in ``bsa_check.report.check_formats`` declares it
    (``FORMAT``): its name (the module's name, the ``--format`` choice); its reporter class (a
    ``bsa_check.report.Reporter``); whether the reporter takes whole results (``text``, ``xlsx``: one
    process, results as objects) rather than rows rendered from a memo (the machine formats, also with
    ``--workers``); whether it writes CSV (``--excel``, the export's delimiter); whether it is
    ``binary`` (a workbook: refused for a terminal); whether it can carry the export's own columns
    (``--keep-columns``); and whether it has a place for the counts alone (``--summary``)."""

    name: str
    reporter: Callable[..., Any]
    whole_results: bool = False
    csv: bool = False
    binary: bool = False  # not text: refused for a terminal
    keeps_columns: bool = False
    counts_alone: bool = False


class CheckFormats(Mapping[str, CheckOutput]):
    """check's output formats by name, in the order ``--help`` lists them: first those of ``order``,
    then the others alphabetically. The names are the modules of ``package`` (found in ``folder``,
    nothing imported); looking one up imports its module and returns its ``FORMAT``."""

    def __init__(self, package: str, folder: Path, order: tuple[str, ...]) -> None:
        self.package = package
        self.folder = folder
        self.order = order
        self._names: tuple[str, ...] | None = None

    @property
    def names(self) -> tuple[str, ...]:
        if self._names is None:
            found = {m.name for m in pkgutil.iter_modules([str(self.folder)]) if not m.name.startswith("_")}
            first = tuple(name for name in self.order if name in found)
            self._names = first + tuple(sorted(found - set(first)))
        return self._names

    def __getitem__(self, name: str) -> CheckOutput:
        if name not in self.names:
            raise KeyError(name)
        spec = importlib.import_module(f"{self.package}.{name}").FORMAT
        if not isinstance(spec, CheckOutput) or spec.name != name:
            raise TypeError(f"{self.package}.{name}.FORMAT must be a CheckOutput named {name!r}")
        return spec

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, name: object) -> bool:
        return name in self.names


# check's formats: the modules of bsa_check.report.check_formats. The formats check has always had
# come first in --help, in their old order; any other follows them alphabetically.
CHECK_FORMATS = CheckFormats("bsa_check.report.check_formats", Path(__file__).parent / "report" / "check_formats",
                             order=("text", "json", "jsonl", "csv", "xlsx"))


def format_help(names: tuple[str, ...]) -> str:
    """``--format``'s help for a command writing ``names`` (text the default), its suffixes generated."""
    return f"Output format; default from the --output suffix ({suffix_help(names)}), else text."


CHECK_FORMAT_HELP = format_help(CHECK_FORMATS.names)


# --- the other commands -----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Writer:
    """One output format of a command other than ``check``: its name (the ``--format`` choice) and the
    function that renders it, ``module:function``, imported only when chosen (:meth:`load`). Every
    function of one command takes the same arguments (see each registry); ``csv``: it also takes the
    export's ``delimiter``."""

    name: str
    target: str
    csv: bool = False

    def load(self) -> Callable[..., Any]:
        module, _, function = self.target.partition(":")
        found: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return found


def writers(*formats: Writer) -> dict[str, Writer]:
    """A command's formats by name, in the order ``--help`` lists them."""
    return {f.name: f for f in formats}


# due: (plan, ruleset, language, out) -> None, writing to out
DUE_FORMATS = writers(
    Writer("text", "bsa_check.report.due:write_text"),
    Writer("csv", "bsa_check.report.due:write_csv", csv=True),
    Writer("jsonl", "bsa_check.report.due:write_jsonl"),
)
DUE_FORMAT_HELP = format_help(tuple(DUE_FORMATS))
# compare: (comparison, language, out) -> None, writing to out
COMPARE_FORMATS = writers(
    Writer("text", "bsa_check.report.compare_text:render_text"),
    Writer("json", "bsa_check.report.compare:write_json"),
    Writer("markdown", "bsa_check.report.compare:write_markdown"),
    Writer("html", "bsa_check.report.compare_html:write_html"),
)
COMPARE_FORMAT_HELP = format_help(tuple(COMPARE_FORMATS))
# validate: (run, shown suppressions or None, language) -> the report's text
VALIDATE_FORMATS = writers(
    Writer("text", "bsa_check.services.validate_run:text_report"),
    Writer("json", "bsa_check.services.validate_run:json_report"),
    Writer("github", "bsa_check.services.validate_run:github_report"),
    Writer("sarif", "bsa_check.services.validate_run:sarif_report"),
    Writer("gitlab", "bsa_check.services.validate_run:gitlab_report"),
)
# letters: (blocks, title, language) -> one letter's file content (bytes); the name is its suffix
LETTER_FORMATS = writers(
    Writer("html", "bsa_check.letters.html:to_html_file"),
    Writer("docx", "bsa_check.letters.docx:to_docx"),
)
# rules: (rule models, language) -> what the CLI prints: a text, or a rich renderable (a table)
RULES_FORMATS = writers(
    Writer("text", "bsa_check.services.rules_list:rules_table"),
    Writer("json", "bsa_check.services.rules_list:rules_json"),
)
