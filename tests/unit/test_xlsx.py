"""Tests for bsa_check.records.xlsx: typed cells, sheets, located errors (issue 17)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bsa_check.errors import ErrorList, Location, RecordError
from bsa_check.records.mapping import load_mapping
from bsa_check.records.opener import open_records
from bsa_check.records.xlsx import XlsxReader, number_text

HEADER = ["Studentnummer", "Opleiding", "Inschrijfdatum", "EC_jaar1", "Deeltijd", "Naam"]


def workbook(tmp_path: Path, rows: list[list[object]], *, title: str = "Blad1", header: list[str] = HEADER,
             before: list[str] = (), name: str = "records.xlsx") -> Path:
    wb = openpyxl.Workbook()
    first = wb.active
    if before:
        first.title = before[0]
        for extra in before[1:]:
            wb.create_sheet(extra)
        ws = wb.create_sheet(title)
    else:
        first.title = title
        ws = first
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.create_sheet("Toelichting").append(["notes"])
    path = tmp_path / name
    wb.save(path)
    return path


def read(path: Path, **kw):  # type: ignore[no-untyped-def]
    with open_records(path, **kw) as r:
        return r, list(r)


def test_typed_cells_are_read_as_their_types(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["00123", "B-X", date(2025, 9, 1), 7.5, "nee", "An"],
                               ["s2", "B-X", datetime(2025, 9, 1, 0, 0), 30, True, None]])
    r, rows = read(path)
    assert isinstance(r, XlsxReader) and r.sheet == "Blad1" and r.header_line == 1
    assert rows[0].values == {"student_id": "00123", "programme": "B-X", "enrolment_date": date(2025, 9, 1),
                              "ec_year1": Decimal("7.5"), "part_time": False}
    assert rows[1].values["ec_year1"] == Decimal("30") and rows[1].values["part_time"] is True
    assert r.unknown_columns == ["Naam"]
    assert [row.line for row in rows] == [2, 3]


def test_number_where_text_is_expected_is_flagged_not_changed(tmp_path: Path) -> None:
    path = workbook(tmp_path, [[4711, "B-X", date(2025, 9, 1), 7.5, "nee"], ["s2", 59001, None, 1, "nee"]])
    _, rows = read(path)
    err = rows[0].error
    assert err.code == "BSA340" and str(err.location) == f"{path}:Blad1!A2 (Studentnummer)"
    assert "4711" not in str(err)  # a student number never appears in a message
    assert "leading zeros" in err.message and "Text" in err.hint
    assert rows[0].student_id == "4711"  # the caller can still say whose row failed
    err = rows[1].error
    assert err.code == "BSA340" and (err.location.line, err.location.column) == (3, 2) and "59001" in err.message


def test_numbers_as_text_in_the_mapping_reads_whole_numbers(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", 59001, date(2025, 9, 1), 7.5, "nee"], ["s2", 59001.5, None, 1, "nee"]])
    mapping = tmp_path / "m.yaml"
    mapping.write_text("columns:\n  programme: {header: Opleiding, numbers_as_text: true}\n", encoding="utf-8")
    _, rows = read(path, mapping=load_mapping(mapping))
    assert rows[0].values["programme"] == "59001"
    assert rows[1].error.code == "BSA340"  # 59001.5 is no code


def test_date_and_number_cells_in_the_wrong_place_are_bsa341(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", "B-X", 45, 7.5, "nee"], ["s2", "B-X", date(2025, 9, 1), datetime(2026, 5, 7), "nee"]])
    _, rows = read(path)
    assert rows[0].error.code == "BSA341" and "date is expected" in rows[0].error.message
    assert str(rows[0].error.location).endswith("Blad1!C2 (Inschrijfdatum)")
    assert rows[1].error.code == "BSA341" and "turned the text into a date" in rows[1].error.message
    assert (rows[1].error.location.line, rows[1].error.location.column) == (3, 4)


def test_bad_text_cells_use_the_csv_parsers_and_are_located_by_cell(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", "B-X", "31-02-2025", "7,5", "nee"], ["s2", "", None, 1, "nee"],
                               ["s3", "B-X", "1-9-2025", "45", "misschien"]])
    _, rows = read(path)
    assert rows[0].error.code == "BSA310" and str(rows[0].error.location).endswith("Blad1!C2 (Inschrijfdatum)")
    assert rows[1].error.code == "BSA311" and rows[1].error.location.column == 2
    assert rows[2].error.code == "BSA310" and rows[2].error.location.column == 5


def test_empty_rows_are_skipped_and_cells_right_of_the_header_are_an_error(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", "B-X", None, 1, "nee"], [None, None], ["  ", None, None],
                               ["s2", "B-X", None, 1, "nee", None, "stray"]])
    _, rows = read(path)
    assert [row.line for row in rows] == [2, 5]
    assert rows[1].error.code == "BSA307" and str(rows[1].error.location).endswith("Blad1!G5")


def test_duplicate_student_in_a_workbook_is_bsa313(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", "B-X", None, 1, "nee"], ["s1", "B-X", None, 2, "nee"]])
    _, rows = read(path)
    assert rows[0].error is None and rows[1].error.code == "BSA313" and rows[1].error.location.sheet == "Blad1"


def test_the_sheet_is_chosen_by_name_and_a_wrong_name_gets_a_did_you_mean(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1", "B-X", None, 1, "nee"]], title="Studenten", before=["Uitleg"])
    with pytest.raises(RecordError) as info:
        read(path)  # the first sheet ("Uitleg") is empty
    assert info.value.code == "BSA303" and "Uitleg" in info.value.message
    r, rows = read(path, sheet="Studenten")
    assert r.sheet == "Studenten" and rows[0].values["student_id"] == "s1"
    with pytest.raises(RecordError) as info:
        read(path, sheet="studenten")
    assert info.value.code == "BSA344" and "did you mean 'Studenten'" in info.value.hint
    mapping = tmp_path / "m.yaml"
    mapping.write_text("sheet: Studenten\n", encoding="utf-8")
    assert read(path, mapping=load_mapping(mapping))[0].sheet == "Studenten"


def test_missing_column_in_a_workbook_is_located_on_the_header_row(tmp_path: Path) -> None:
    path = workbook(tmp_path, [["s1"]], header=["Studentnummer", "Naam"])
    with pytest.raises(RecordError) as info:
        read(path)
    assert info.value.code == "BSA306" and str(info.value.location) == f"{path}:Blad1!1:1"


def test_a_damaged_workbook_is_one_clear_error(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("xl/workbook.xml", "<not really")
    with pytest.raises(RecordError) as info:
        read(path)
    assert info.value.code == "BSA344" and "workbook" in info.value.message


def test_sheet_option_on_a_csv_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("studentnummer;opleiding\ns1;P\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        read(path, sheet="Blad1")
    assert info.value.code == "BSA344"


@pytest.mark.parametrize(("value", "text"), [(30, "30"), (30.0, "30"), (7.5, "7.5"), (0.1, "0.1"), (1e16, "10000000000000000")])
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


def test_location_names_a_cell_as_excel_does() -> None:
    assert str(Location("f.xlsx", 17, 4, "EC", "Blad1")) == "f.xlsx:Blad1!D17 (EC)"
    assert str(Location("f.xlsx", 2, 28, None, "Mijn blad")) == "f.xlsx:'Mijn blad'!AB2"
    assert str(Location("f.csv", 17, 4, "EC")) == "f.csv:17:4 (EC)"


def test_mapping_errors_are_an_error_list(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("colums: {}\n", encoding="utf-8")
    with pytest.raises(ErrorList) as info:
        load_mapping(mapping)
    assert info.value.errors[0].code == "BSA601"


def _peak_while_reading(path: Path) -> tuple[int, int]:
    """Peak traced memory (bytes) of reading the rows (after opening: the workbook's shared strings
    are loaded when it is opened): through the reader, and through openpyxl alone (its floor)."""
    import tracemalloc

    with open_records(path, unique_ids=False) as r:
        tracemalloc.start()
        try:
            assert sum(1 for _ in r)
            ours = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    tracemalloc.start()
    try:
        for _ in wb.worksheets[0].iter_rows(values_only=True):
            pass
        floor = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        wb.close()
    return ours, floor


def test_reading_a_workbook_streams_its_rows(tmp_path: Path) -> None:
    def big(rows: int, name: str) -> Path:
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("Blad1")
        ws.append(["studentnummer", "opleiding", "inschrijfdatum", "ec_jaar1"])
        for i in range(rows):
            ws.append([f"s{i}", "P", date(2025, 9, 1), 30 + i % 30])
        path = tmp_path / name
        wb.save(path)
        return path

    for rows in (500, 4_000):
        ours, floor = _peak_while_reading(big(rows, f"{rows}.xlsx"))
        # the reader adds a constant to what openpyxl's streaming itself holds (it keeps an emptied
        # XML element per row read, about 80 bytes): no rows are kept (4,000 rows would add MBs)
        assert ours < floor + 250_000, (rows, ours, floor)


def test_an_evaluation_error_in_a_workbook_is_located_by_cell_in_every_output(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from bsa_check.cli import app

    header = ["studentnummer", "opleiding", "inschrijvingsjaar", "inschrijfdatum", "uitschrijfdatum", "ec_jaar1",
              "deeltijd", "propedeuse_behaald", "persoonlijke_omstandigheden", "besluit_omstandigheden"]
    path = workbook(tmp_path, [["s1", "59001", 1, date(2025, 9, 1), None, None, "nee", "nee", "geen", None]],
                    header=header)
    result = CliRunner().invoke(app, ["check", str(path), "--as-of", "2026-08-20", "--format", "jsonl"])
    assert result.exit_code == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "BSA312" and error["cell"] == "Blad1!F2"
    assert f"{path}:Blad1!F2 (ec_jaar1)" in result.stderr
    compared = CliRunner().invoke(app, ["compare", str(path), "--rules", "ho-current", "--rules", "ho-proposed-2023",
                                        "--as-of", "2026-08-20"])
    assert f"{path}:Blad1!F2 (ec_jaar1)" in compared.stderr


def test_a_workbook_part_that_unpacks_too_far_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bsa_check.records import xlsx

    path = workbook(tmp_path, [["s1", "B-X", None, 1, "nee"]])
    monkeypatch.setattr(xlsx, "MAX_PART_BYTES", 100)  # the sheet's XML is larger than this
    with pytest.raises(RecordError) as info:
        read(path)
    assert info.value.code == "BSA344" and "unpacks to" in info.value.message


def test_explain_locates_an_evaluation_error_in_a_workbook_by_cell(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bsa_check.cli import app

    header = ["studentnummer", "opleiding", "inschrijvingsjaar", "inschrijfdatum", "uitschrijfdatum", "ec_jaar1",
              "deeltijd", "propedeuse_behaald", "persoonlijke_omstandigheden", "besluit_omstandigheden"]
    path = workbook(tmp_path, [["s1", "59001", 1, date(2025, 9, 1), None, None, "nee", "nee", "geen", None]],
                    header=header)
    result = CliRunner().invoke(app, ["explain", str(path), "s1", "--as-of", "2026-08-20"])
    assert result.exit_code == 1 and f"error[BSA312]: {path}:Blad1!F2 [ho-current]" in result.stderr
