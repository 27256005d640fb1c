"""Column mapping files (``--columns MAPPING.yaml``): an export's headers and value spellings onto
the canonical record fields, and the header checks that come with them.

A mapping file is safe YAML (duplicate keys refused) validated against a published JSON Schema
(``bsa-check schema columns``, generated from :class:`MappingFile`); every error names the mapping
file, line and column, and says what to change. Example::

    # yaml-language-server: $schema=<path to bsa_check/schema/columns.schema.json>
    schema_version: 1
    sheet: Blad1                       # .xlsx: the sheet to read (default: the first)
    columns:
      student_id: Studentnummer        # canonical field: the export's header
      ec_year1: Behaalde EC
      warning_date: Waarschuwing verstuurd
      part_time:
        header: Voltijd/deeltijd
        values: {VT: nee, DT: ja}      # the export's spelling -> a spelling bsa-check reads
      hearing_date: null               # not in this export
    ignore: [Naam, E-mail]             # known columns bsa-check does not need (no warning)

Owns: loading and checking a mapping file (BSA600-BSA606); the header index the reader uses; the
reader's check that every header a mapping names is in the export and that no column that looks
like a procedure step (a warning, a hearing, a conversation) is left unmapped (BSA342: such a
column, ignored, would make a warned and heard student look unwarned).

Must not: read records, or guess: a value spelling or header the mapping does not name is read as
the reader always reads it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bsa_check.errors import ErrorList, Location, RecordError
from bsa_check.records.fields import FIELDS_BY_NAME, HEADER_INDEX, TEXT, normalise_header
from bsa_check.records.parse import PARSERS
from bsa_check.records.vocabulary import procedure_step_of

__all__ = ["ColumnMapping", "MappingFile", "load_mapping", "header_index", "check_columns", "columns_schema"]

MAX_MAPPING_BYTES = 1 << 20
_SCHEMA_HINT = "see `bsa-check schema columns`"
Scalar = Union[str, bool, int, float]


class ColumnSpec(BaseModel):
    """One canonical field: the export's header, and optionally its value spellings."""

    model_config = ConfigDict(extra="forbid")

    header: Optional[str] = Field(None, description="The export's header for this field (null: not in the export).")
    values: dict[str, Scalar] = Field(
        default_factory=dict,
        description="The export's value spellings (matched case-insensitively, trimmed) -> a spelling bsa-check "
                    "reads for this field, e.g. {VT: nee, DT: ja} for part_time.")
    numbers_as_text: bool = Field(
        False, description="An .xlsx number cell in this text column is read as its digits instead of flagged. "
                           "Only for codes that never start with 0 (Excel drops leading zeros).")
    guess: Optional[str] = Field(None, description="Written by `bsa-check columns`: why it guessed this header. "
                                                   "Informational; delete it once checked.")


class MappingFile(BaseModel):
    """A column mapping file (format version 1)."""

    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = Field(1, description="The mapping format version: 1.")
    sheet: Optional[str] = Field(None, description="For an .xlsx workbook: the sheet to read (default: the first).")
    columns: dict[str, Union[ColumnSpec, str, None]] = Field(
        default_factory=dict,
        description="Canonical field name -> the export's header (text), or a mapping with header and values; "
                    "null: the export has no such column.")
    ignore: list[str] = Field(default_factory=list,
                              description="Export headers bsa-check does not need (e.g. name, e-mail): read "
                                          "without a warning.")


class ColumnMapping:
    """A loaded, checked mapping: headers per field, value spellings, where each was written."""

    def __init__(self, path: str, headers: dict[str, str], values: dict[str, dict[str, str]],
                 numbers_as_text: frozenset[str], ignore: list[str], sheet: str | None,
                 where: dict[str, Location]) -> None:
        self.path = path
        self.headers = headers  # field -> export header, as written
        self.values = values  # field -> {casefolded export spelling: canonical spelling}
        self.numbers_as_text = numbers_as_text
        self.ignore = ignore
        self.ignored = frozenset(normalise_header(h) for h in ignore)
        self.sheet = sheet
        self.where = where  # field -> location of its header in the mapping file

    def parser(self, name: str, parse: Callable[[str], Any]) -> Callable[[str], Any]:
        """``parse`` with this field's value spellings translated first (the reader memoises per cell)."""
        table = self.values.get(name)
        if not table:
            return parse

        def translated(text: str) -> Any:
            return parse(table.get(text.casefold(), text))

        return translated


def header_index(mapping: ColumnMapping | None) -> dict[str, str]:
    """Normalised header -> field: the canonical names and Dutch aliases, then the mapping's headers
    (a mapping wins: it is what the user said this export means)."""
    if mapping is None:
        return HEADER_INDEX
    index = dict(HEADER_INDEX)
    mapped = {normalise_header(h) for h in mapping.headers.values()}
    for key, name in list(index.items()):
        # a canonical spelling the mapping gives to another field, or whose field the mapping moves
        if key in mapped or name in mapping.headers:
            del index[key]
    for name, header in mapping.headers.items():
        index[normalise_header(header)] = name
    return index


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value).strip()


def _error(message: str, location: Location, hint: str, code: str, **params: Any) -> RecordError:
    return RecordError(message, location=location, hint=hint, code=code, params=params)


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """Read, validate and check a mapping file; raise :class:`ErrorList` of located errors."""
    from bsa_check.errors import BsaCheckError
    from bsa_check.ruleset.load import read_source
    from bsa_check.ruleset.yamlsafe import load_yaml

    file = os.fspath(path)
    p = Path(file)
    if not p.is_file():
        what = "is a directory" if p.is_dir() else "not found"
        raise ErrorList([_error(f"column mapping file {what}", Location(file),
                                "give the path of a mapping .yaml file (`bsa-check columns EXPORT` writes one)",
                                "BSA600")])
    try:
        _, text = read_source(p, "column mapping file", MAX_MAPPING_BYTES)
        data, positions = load_yaml(text, file)
    except BsaCheckError as exc:
        raise ErrorList([_error(f"column mapping file: {exc.message}", exc.location or Location(file),
                                exc.hint or _SCHEMA_HINT, "BSA600")]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ErrorList([_error("a column mapping file must be a YAML mapping (columns: ...)",
                                positions.locate(()), _SCHEMA_HINT, "BSA601")])
    try:
        model = MappingFile.model_validate(data)
    except ValidationError as exc:
        errors: list[RecordError] = []
        for err in exc.errors(include_url=False):
            if err.get("type") in ("string_type", "none_required") and isinstance(err.get("input"), dict):
                continue  # the text or null branch of header-or-mapping: the mapping branch says more
            where = _data_path(tuple(err["loc"]), data)
            is_key = False
            shown = ".".join(str(p) for p in where) or "top level"
            if err.get("type") == "extra_forbidden":  # did you mean: among this format's keys
                keys = [*MappingFile.model_fields, *ColumnSpec.model_fields]
                close = difflib.get_close_matches(str(err["loc"][-1]), keys, n=1)
                parent = ".".join(str(p) for p in where[:-1]) or "top level"
                message = f"unknown key {where[-1] if where else err['loc'][-1]!r} in {parent}"
                hint = f"did you mean {close[0]!r}?" if close else "remove it; see `bsa-check schema columns`"
                is_key = True
            else:
                message, hint = f"{shown}: {err.get('msg', 'invalid value')}", "fix the value (see `bsa-check schema columns`)"
            location = positions.locate(where, key=is_key or err.get("type") == "extra_forbidden")
            errors.append(_error(message, location, hint, "BSA601"))
        unique = {(str(e.location), e.message): e for e in errors}
        raise ErrorList(sorted(unique.values(), key=lambda e: (e.location.line or 0, e.location.column or 0) if e.location else (0, 0))) from None
    errors = []
    headers: dict[str, str] = {}
    values: dict[str, dict[str, str]] = {}
    numbers: set[str] = set()
    header_where: dict[str, Location] = {}
    owner: dict[str, str] = {}
    for name, spec in model.columns.items():
        at = positions.locate(("columns", name), key=True)
        if name not in FIELDS_BY_NAME:
            close = difflib.get_close_matches(name, list(FIELDS_BY_NAME), n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}?" if close else "use a field name from the README's field table"
            errors.append(_error(f"{name!r} is not a record field", at, hint, "BSA602", field=name))
            continue
        if isinstance(spec, str) or spec is None:
            spec = ColumnSpec(header=spec)
        header_at = positions.locate(("columns", name) if isinstance(model.columns[name], str)
                                     else ("columns", name, "header"))
        if spec.header is not None and spec.header.strip():
            key = normalise_header(spec.header)
            if key in owner:
                errors.append(_error(f"the header {spec.header.strip()!r} is mapped to both {owner[key]} and {name}",
                                     header_at, "one export column holds one field: remove one of them", "BSA606",
                                     field=name))
                continue
            owner[key] = name
            headers[name] = spec.header.strip()
            header_where[name] = header_at
        kind = FIELDS_BY_NAME[name].kind
        if spec.values:
            if name in ("student_id", "programme"):
                errors.append(_error(f"values: are not allowed for {name}", at,
                                     "the student number and programme code are read as written", "BSA605",
                                     field=name))
                continue
            table: dict[str, str] = {}
            for spelling, target in spec.values.items():
                shown = _text(target)
                try:
                    PARSERS[kind](shown)
                except Exception:  # noqa: BLE001 - any parser refusal means the target is not readable
                    errors.append(_error(
                        f"columns.{name}.values: {shown!r} is not a {name} value bsa-check reads",
                        positions.locate(("columns", name, "values", spelling)),
                        f"write a value the field table accepts for {name} "
                        f"({FIELDS_BY_NAME[name].en})", "BSA604", field=name, value=shown))
                    continue
                table[_text(spelling).casefold()] = shown
            values[name] = table
        if spec.numbers_as_text:
            if kind != TEXT:
                errors.append(_error(f"numbers_as_text is only for text fields; {name} is {kind}", at,
                                     "remove numbers_as_text here", "BSA605", field=name))
                continue
            numbers.add(name)
    if errors:
        raise ErrorList(errors)
    return ColumnMapping(file, headers, values, frozenset(numbers), [h.strip() for h in model.ignore],
                         model.sheet, header_where)


def _data_path(loc: tuple[Any, ...], data: Any) -> tuple[Any, ...]:
    """A pydantic error ``loc`` as a path into the YAML data (union branch names skipped)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
    return tuple(path)


def check_columns(reader: Any, wanted: set[str] | None) -> None:
    """After the reader resolved its header: every header the mapping names is in the export
    (BSA603), and no unknown column looks like a procedure step whose field the rule sets read
    while no column holds it (BSA342). Ignored columns (the mapping's ``ignore``) leave the unknown
    list, so they are not warned about."""
    mapping: ColumnMapping | None = reader.mapping
    columns: dict[str, int] = reader.columns
    if mapping is not None:
        present = [h.strip() for h in reader.headers if h.strip()]
        errors = []
        for name, header in mapping.headers.items():
            if name in columns:
                continue
            close = difflib.get_close_matches(header, present, n=1, cutoff=0.6)
            hint = (f"did you mean {close[0]!r}?" if close else
                    "write the export's header exactly, or null if the export has no such column")
            errors.append(_error(f"the column {header!r} mapped to {name} is not in {reader.path}'s header",
                                 mapping.where[name], hint, "BSA603", field=name, header=header))
        if errors:
            raise ErrorList(errors)
        reader.unknown_columns = [u for u in reader.unknown_columns if normalise_header(u) not in mapping.ignored]
    header_line = reader.header_line
    for raw in reader.unknown_columns:
        field = procedure_step_of(raw)
        if field is None or field in columns or (wanted is not None and field not in wanted):
            continue
        index = next(i for i, h in enumerate(reader.headers) if h.strip() == raw) + 1
        spec = FIELDS_BY_NAME[field]
        sheet = getattr(reader, "sheet", None) or None  # a workbook: located as Blad1!D1
        raise RecordError(
            f"column {raw!r} looks like the {spec.en} ({field}), but is not mapped to it: a rule set reads "
            f"{field}, and without it the step would count as not taken",
            hint=f"did you mean {field} ({', '.join(spec.aliases)})? Map it with --columns (e.g. `{field}: {raw}`; "
            f"`bsa-check columns` proposes a mapping), rename the header, or list it under ignore: in the mapping",
            location=Location(reader.path, header_line, index, raw, sheet), code="BSA342",
            params={"field": field, "column": raw})


def columns_schema() -> dict[str, Any]:
    """The mapping file JSON Schema (``bsa-check schema columns``), generated from :class:`MappingFile`."""
    schema = MappingFile.model_json_schema(by_alias=True)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["title"] = "bsa-check column mapping (format version 1)"
    schema["properties"]["columns"]["propertyNames"] = {"enum": sorted(FIELDS_BY_NAME)}
    return schema


