"""The command line's shared option declarations and choices (typer ``Annotated`` aliases, enums).

Imported at start-up (``--help``): typer only; the worker count's parser imports on use.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any, Optional

import typer

from bsa_check.formats import (CHECK_FORMATS, COMPARE_FORMATS, DUE_FORMATS, LETTER_FORMATS, RULES_FORMATS,
                               VALIDATE_FORMATS)

# Start-up: ``--help`` and ``--version`` import only typer and this module. rich, the i18n catalogue
# and the keyed hash are imported on first use by the names below (tests/unit/test_startup.py);
# pydantic, yaml and the engine only inside the commands that need them.
KEY_ENV = "BSA_CHECK_PSEUDONYM_KEY"  # bsa_check.privacy.KEY_ENV (a test keeps them equal)


class Lang(str, Enum):
    nl = "nl"
    en = "en"


# --pseudonymize: shared by every command that shows student numbers (check, explain; compare can
# take the same two options and call pseudonymizer_from_options).
PseudonymizeOpt = Annotated[bool, typer.Option(
    "--pseudonymize", help=f"Replace student numbers in the output by a keyed hash (key: ${KEY_ENV} or --pseudonym-key-file).")]
PseudonymKeyFileOpt = Annotated[Optional[str], typer.Option(
    "--pseudonym-key-file", help="File holding the pseudonym key (instead of the environment variable).",
    metavar="FILE")]


# --columns and --sheet: how check, explain and compare read an export (records.mapping, records.xlsx).
ColumnsOpt = Annotated[Optional[str], typer.Option(
    "--columns", help="Column mapping file (YAML): the export's headers and value spellings onto bsa-check's "
                      "fields; `bsa-check columns EXPORT` proposes one.", metavar="MAPPING.yaml")]
SheetOpt = Annotated[Optional[str], typer.Option(
    "--sheet", help="For an .xlsx workbook: the sheet to read (default: the mapping's, else the first).",
    metavar="NAME")]
STUDENTS_HELP = "Student records: CSV or text (any Excel variant), an .xlsx workbook, or - for standard input."


# Every command's --format choices are its format registry (bsa_check.formats); check's are the
# modules of bsa_check.report.check_formats, found without importing them.
CheckFormat = Enum("CheckFormat", {name: name for name in CHECK_FORMATS}, type=str)  # type: ignore[misc]
DueFormat = Enum("DueFormat", {name: name for name in DUE_FORMATS}, type=str)  # type: ignore[misc]
CompareFormat = Enum("CompareFormat", {name: name for name in COMPARE_FORMATS}, type=str)  # type: ignore[misc]
ValidateFormat = Enum("ValidateFormat", {name: name for name in VALIDATE_FORMATS}, type=str)  # type: ignore[misc]
LetterFormat = Enum("LetterFormat", {name: name for name in LETTER_FORMATS}, type=str)  # type: ignore[misc]
RulesFormat = Enum("RulesFormat", {name: name for name in RULES_FORMATS}, type=str)  # type: ignore[misc]


def parse_workers(value: Any) -> int:
    """``--workers``: a number of processes, or ``auto`` for the available cores."""
    from bsa_check.parallel import MAX_WORKERS, worker_count

    try:
        return worker_count(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a number from 1 to {MAX_WORKERS}, nor auto") from None


WorkersOpt = Annotated[int, typer.Option(
    "--workers", parser=parse_workers, metavar="N|auto",
    help="Processes to use (default 1; auto: the available cores). Output is identical; text output is "
         "always one process.")]


class LetterKind(str, Enum):
    warning = "warning"
    advice = "advice"


class SchemaKind(str, Enum):
    rules = "rules"
    tests = "tests"
    columns = "columns"
