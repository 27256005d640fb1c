"""Tests for bsa_check.records.mapping (--columns files), vocabulary and the procedure-step check (issue 17)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from bsa_check.errors import ErrorList, RecordError
from bsa_check.records.mapping import load_mapping
from bsa_check.records.opener import open_records
from bsa_check.records.vocabulary import procedure_step_of
from bsa_check.schema import COLUMNS_SCHEMA_FILE, columns_schema_text
from tests.conftest import ROOT


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[RecordError]:
    with pytest.raises(ErrorList) as info:
        load_mapping(path)
    return info.value.errors


EXPORT = ("Studentnr;Opleidingscode;Voltijd/deeltijd;Waarschuwing verstuurd;Naam;E-mail\r\n"
          "s1;P;VT;12-05-2026;An;a@example.nl\r\ns2;P;DT;;Bo;b@example.nl\r\n")
MAPPING = """\
schema_version: 1
columns:
  student_id: Studentnr
  programme: "Opleidingscode"
  part_time:
    header: Voltijd/deeltijd
    values: {VT: nee, dt: yes}
  warning_date: Waarschuwing verstuurd
  hearing_date: null
ignore: [Naam, E-mail]
"""


def test_a_mapping_maps_headers_and_value_spellings(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", EXPORT)
    mapping = load_mapping(write(tmp_path, "m.yaml", MAPPING))
    with open_records(export, mapping=mapping, required=("student_id", "programme", "part_time")) as r:
        rows = list(r)
    assert r.columns == {"student_id": 1, "programme": 2, "part_time": 3, "warning_date": 4}
    assert r.unknown_columns == []  # the ignored ones are not warned about
    assert [row.values["part_time"] for row in rows] == [False, True]
    assert rows[0].values["warning_date"].isoformat() == "2026-05-12"


def test_without_the_mapping_the_same_export_stops_on_the_warning_column(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", EXPORT.replace("Studentnr", "studentnummer").replace("Opleidingscode", "opleiding"))
    with pytest.raises(RecordError) as info:
        with open_records(export, fields=("warning_date",), required=()):
            pass
    err = info.value
    assert err.code == "BSA342" and (err.location.line, err.location.column) == (1, 4)
    assert "warning_date" in err.message and "did you mean warning_date" in err.hint
    # a rule set that does not read the warning date is not stopped by it
    with open_records(export, fields=("part_time",), required=()) as r:
        assert "Waarschuwing verstuurd" in r.unknown_columns


@pytest.mark.parametrize(("header", "field"), [
    ("Waarschuwing verstuurd", "warning_date"), ("Hoorzitting", "hearing_date"), ("Datum gesprek", "conversation_date"),
    ("Hearing offered", "hearing_date"), ("BSA-warning", "warning_date"), ("Aantal voortgangsgesprekken", None),
    ("Naam", None), ("E-mail", None)])
def test_procedure_step_words(header: str, field: str | None) -> None:
    assert procedure_step_of(header) == field


def test_mapping_errors_are_located_with_a_did_you_mean(tmp_path: Path) -> None:
    path = write(tmp_path, "m.yaml", "schema_version: 1\ncolums:\n  student_id: x\n")
    err = errors_of(path)[0]
    assert err.code == "BSA601" and (err.location.line, err.location.column) == (2, 1) and "columns" in err.hint
    path = write(tmp_path, "m2.yaml", "columns:\n  studnet_id: Studentnr\n  ec_year1: {header: EC, value: {}}\n")
    errs = errors_of(path)
    assert [e.code for e in errs] == ["BSA601"]  # the schema first: 'value' is not a key
    assert errs[0].location.line == 3
    path = write(tmp_path, "m3.yaml", "columns:\n  studnet_id: Studentnr\n  part_time:\n    header: D\n"
                                      "    values: {VT: misschien}\n  programme: {header: P, values: {a: b}}\n"
                                      "  ec_year1: D\n")
    errs = errors_of(path)
    assert [(e.code, e.location.line) for e in errs] == [("BSA602", 2), ("BSA604", 5), ("BSA605", 6), ("BSA606", 7)]
    assert "did you mean 'student_id'" in errs[0].hint


def test_a_header_the_mapping_names_must_be_in_the_export(tmp_path: Path) -> None:
    export = write(tmp_path, "export.csv", EXPORT)
    mapping = load_mapping(write(tmp_path, "m.yaml", MAPPING.replace("Studentnr", "Studentnummer")))
    with pytest.raises(ErrorList) as info:
        open_records(export, mapping=mapping)
    err = info.value.errors[0]
    assert err.code == "BSA603" and err.location.file.endswith("m.yaml") and err.location.line == 3
    assert "did you mean 'Studentnr'" in err.hint


def test_yaml_problems_and_missing_files_are_bsa600(tmp_path: Path) -> None:
    assert errors_of(tmp_path / "nope.yaml")[0].code == "BSA600"
    err = errors_of(write(tmp_path, "dup.yaml", "columns:\n  student_id: a\n  student_id: b\n"))[0]
    assert err.code == "BSA600" and err.location.line == 3


def test_the_configuration_names_the_institutions_mapping(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One configuration file for everything (bsa_check.config): its ``columns`` is the mapping every
    command reads when --columns is not given, resolved against the configuration's folder."""
    from bsa_check.services.common import doors

    monkeypatch.chdir(tmp_path)
    assert doors(None, None)["mapping"] is None
    (tmp_path / "mappings").mkdir()
    write(tmp_path / "mappings", "osiris.yaml", "columns:\n  ec_year1: Behaalde EC\n")
    write(tmp_path, ".bsa-check.yaml", "columns: mappings/osiris.yaml\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    monkeypatch.chdir(sub)  # found upward
    mapping = doors(None, None)["mapping"]
    assert mapping is not None and mapping.headers == {"ec_year1": "Behaalde EC"}
    write(tmp_path, "other.yaml", "columns:\n  ec_year1: EC\n")
    assert doors(str(tmp_path / "other.yaml"), None)["mapping"].headers == {"ec_year1": "EC"}  # --columns wins


def test_committed_columns_schema_has_not_drifted_and_validates_mappings(tmp_path: Path) -> None:
    committed = ROOT / "bsa_check" / "schema" / COLUMNS_SCHEMA_FILE
    assert committed.read_text(encoding="utf-8") == columns_schema_text(), "regenerate: bsa-check schema columns"
    schema = json.loads(committed.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(yaml.safe_load(MAPPING))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(schema).validate({"columns": {"studnet_id": "x"}})
