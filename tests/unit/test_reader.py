"""Tests for bsa_check.records.reader: encoding, delimiter, header mapping, row parsing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from bsa_check.errors import RecordError
from bsa_check.records import encoding as encoding_module
from bsa_check.records import quotes as quotes_module
from bsa_check.records import reader as reader_module
from bsa_check.records import textfile as textfile_module
from bsa_check.records.opener import open_records
from bsa_check.records.reader import RecordReader, Row


def write(tmp_path: Path, data: bytes | str, name: str = "records.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def read_all(path: Path, **kw) -> tuple[RecordReader, list[Row]]:
    with open_records(path, **kw) as r:
        rows = list(r)
    return r, rows


def fatal(path: Path, **kw) -> RecordError:
    with pytest.raises(RecordError) as info:
        with open_records(path, **kw) as r:
            for _ in r:  # pragma: no cover - opening must already fail
                pass
    return info.value


# -- happy paths ---------------------------------------------------------------------------------

DUTCH_EXCEL = (
    "Studentnummer;Opleiding;Collegejaar;Inschrijfdatum;EC_jaar1;EC_totaal;Deeltijd;"
    "Propedeuse_behaald;Persoonlijke_omstandigheden;Besluit_omstandigheden;Waarschuwingsdatum;"
    "Behaalde_onderdelen;Inschrijvingsjaar\r\n"
    "s1234567;34604;2025-2026;01-09-2025;44,5;44,5;nee;ja;ziekte;uitstel;15-1-2026;WIS1|PRG2;1\r\n"
    "s7654321;34604;2025;1-9-2025;60;120,0;ja;nee;geen;;2026-01-15;;2\r\n"
)


def test_dutch_excel_csv_is_parsed_into_typed_values(tmp_path: Path) -> None:
    r, rows = read_all(write(tmp_path, DUTCH_EXCEL))
    assert (r.encoding, r.delimiter) == ("utf-8", ";")
    assert r.columns["ec_year1"] == 5 and r.columns["student_id"] == 1
    assert r.unknown_columns == []
    assert [row.line for row in rows] == [2, 3]
    first, second = rows
    assert first.error is None and second.error is None
    assert first.student_id == "s1234567"
    assert first.values == {
        "student_id": "s1234567",
        "programme": "34604",
        "academic_year": 2025,
        "enrolment_date": date(2025, 9, 1),
        "ec_year1": Decimal("44.5"),
        "ec_total": Decimal("44.5"),
        "part_time": False,
        "propaedeutic_passed": True,
        "personal_circumstances": frozenset({"illness"}),
        "circumstances_decision": "postpone",
        "warning_date": date(2026, 1, 15),
        "passed_units": frozenset({"WIS1", "PRG2"}),
        "year_of_enrolment": 1,
    }
    assert isinstance(first.values["ec_year1"], Decimal)
    # Empty cells are absent, not None.
    assert "circumstances_decision" not in second.values
    assert "passed_units" not in second.values
    assert second.values["ec_total"] == Decimal("120.0")
    assert second.values["part_time"] is True
    assert second.values["personal_circumstances"] == frozenset()


def test_comma_delimiter_with_quoted_decimal_comma(tmp_path: Path) -> None:
    path = write(tmp_path, 'student_id,programme,ec_year1\ns1,34604,"44,5"\ns2,34604,45\n')
    r, rows = read_all(path)
    assert r.delimiter == ","
    assert [row.values["ec_year1"] for row in rows] == [Decimal("44.5"), Decimal("45")]


def test_utf8_bom_is_detected_and_not_part_of_the_first_header(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbfstudentnummer;opleiding\r\ns1;Pr\xc3\xa9\r\n")
    r, rows = read_all(path)
    assert r.encoding == "utf-8-sig"
    assert r.columns == {"student_id": 1, "programme": 2}
    assert rows[0].values == {"student_id": "s1", "programme": "Pré"}


def test_windows_1252_file_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\r\ns1;Pédagogie;12,5\r\n", encoding="cp1252")
    r, rows = read_all(path)
    assert r.encoding == "cp1252"
    assert rows[0].values["programme"] == "Pédagogie"
    assert rows[0].values["ec_year1"] == Decimal("12.5")


def test_header_matching_is_case_and_space_insensitive(tmp_path: Path) -> None:
    path = write(tmp_path, " StudentNummer ; OPLEIDING ; EC Jaar1 ;Notitie\ns1;P;30;x\n")
    r, rows = read_all(path)
    assert r.columns == {"student_id": 1, "programme": 2, "ec_year1": 3}
    assert r.unknown_columns == ["Notitie"]
    assert r.headers == [" StudentNummer ", " OPLEIDING ", " EC Jaar1 ", "Notitie"]
    assert rows[0].values["ec_year1"] == Decimal(30)


def test_english_headers_and_empty_header_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "student_id;;programme;ec_year1\ns1;ignored;P;7\n")
    r, rows = read_all(path)
    assert r.columns == {"student_id": 1, "programme": 3, "ec_year1": 4}
    assert r.unknown_columns == []
    assert rows[0].error is None and rows[0].values["ec_year1"] == Decimal(7)


# -- fatal file problems -------------------------------------------------------------------------


def test_missing_file_is_bsa301(tmp_path: Path) -> None:
    err = fatal(tmp_path / "nope.csv")
    assert err.code == "BSA301"
    assert err.location is not None and err.location.file == str(tmp_path / "nope.csv")
    assert err.location.line is None and err.hint


def test_directory_is_bsa301(tmp_path: Path) -> None:
    err = fatal(tmp_path)
    assert err.code == "BSA301" and "directory" in err.message


def test_bytes_invalid_in_utf8_and_cp1252_are_bsa302_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"studentnummer;opleiding\r\ns1;P\r\ns2;A\x81B\r\n")
    err = fatal(path)
    assert err.code == "BSA302"
    assert err.location is not None
    assert (err.location.line, err.location.column) == (3, 5)
    assert "0x81" in err.message
    assert err.hint == "save the file as 'CSV UTF-8' from Excel"


def test_invalid_byte_after_a_chunk_boundary_gets_the_right_line(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(encoding_module, "CHUNK_SIZE", 7)
    path = write(tmp_path, b"studentnummer;opleiding\ns1;P\r\ns2;\xe9\xe9\n\ns3;\x90\n")
    err = fatal(path)
    assert err.code == "BSA302"
    assert (err.location.line, err.location.column) == (5, 4)


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 7, 64])
def test_pre_scan_is_independent_of_chunk_boundaries(tmp_path: Path, monkeypatch, chunk: int) -> None:
    monkeypatch.setattr(encoding_module, "CHUNK_SIZE", chunk)
    text = "studentnummer;opleiding\r\ns1;Pédagogie €\r\n"
    r, rows = read_all(write(tmp_path, text, "u.csv"))
    assert r.encoding == "utf-8" and rows[0].values["programme"] == "Pédagogie €"
    r, rows = read_all(write(tmp_path, text, "w.csv", encoding="cp1252"))
    assert r.encoding == "cp1252" and rows[0].values["programme"] == "Pédagogie €"
    # A CRLF split over two chunks counts as one line break.
    err = fatal(write(tmp_path, b"studentnummer;opleiding\ns1;\r\ns2;\x90\n", "bad.csv"))
    assert (err.location.line, err.location.column) == (3, 4)
    # A UTF-8 sequence cut off by the end of the file is not UTF-8; cp1252 decodes it.
    r, _ = read_all(write(tmp_path, b"studentnummer;opleiding\ns1;\xc3", "cut.csv"))
    assert r.encoding == "cp1252"


def test_cp1252_file_that_is_invalid_utf8_elsewhere_names_both(tmp_path: Path) -> None:
    # 0xC3 0x81 is valid UTF-8 ("Á") but 0x81 is undefined in cp1252; 0xE9 alone is not UTF-8.
    path = write(tmp_path, b"studentnummer;opleiding\ns1;\xc3\x81\ns2;\xe9\n")
    err = fatal(path)
    assert err.code == "BSA302"
    assert err.location.line == 2
    assert "line 3" in err.message


def test_utf16_with_bom_is_read_and_a_broken_one_is_a_located_bsa302(tmp_path: Path) -> None:
    # Excel's "Unicode text": UTF-16 with a byte order mark, tab-delimited (issue 17)
    r, rows = read_all(write(tmp_path, "studentnummer\topleiding\r\ns1\tP\r\ns2\tQ\r\n".encode("utf-16")))
    assert (r.encoding, r.delimiter) == ("utf-16", "\t")
    assert [(row.line, row.values) for row in rows] == [
        (2, {"student_id": "s1", "programme": "P"}), (3, {"student_id": "s2", "programme": "Q"})]
    broken = "studentnummer;opleiding\r\ns1;P\r\n".encode("utf-16-le")
    err = fatal(write(tmp_path, b"\xff\xfe" + broken + b"\x00\xdc" + "x".encode("utf-16-le"), "bad.csv"))
    assert err.code == "BSA302" and "UTF-16" in err.message
    assert err.hint == "save the file as 'CSV UTF-8' from Excel"
    assert err.location.line == 3


def test_nul_byte_in_a_cell_is_a_row_error_and_other_rows_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, b"studentnummer;opleiding\ns1;P\ns2;\xc3\xa9\x00\ns3;Q\n")
    r, rows = read_all(path)
    assert r.encoding == "utf-8"
    assert [(row.line, row.student_id) for row in rows] == [(2, "s1"), (3, "s2"), (4, "s3")]
    err = rows[1].error
    assert err.code == "BSA309" and "NUL" in err.message and "\x00" not in str(err)
    assert (err.location.line, err.location.column, err.location.column_name) == (3, 2, "opleiding")
    assert rows[0].error is None and rows[2].values == {"student_id": "s3", "programme": "Q"}


def test_nul_byte_in_the_header_or_utf16_without_bom_is_bsa302(tmp_path: Path) -> None:
    err = fatal(write(tmp_path, b"studentnummer;oplei\x00ding\ns1;P\n"))
    assert err.code == "BSA302" and "header" in err.message
    assert (err.location.line, err.location.column) == (1, 20)
    err = fatal(write(tmp_path, "studentnummer;opleiding\n".encode("utf-16-le")))
    assert err.code == "BSA302" and "UTF-16" in err.message


def test_empty_file_is_bsa303(tmp_path: Path) -> None:
    assert fatal(write(tmp_path, b"")).code == "BSA303"
    assert fatal(write(tmp_path, b" \r\n\n  \t\n", "ws.csv")).code == "BSA303"


def test_tab_delimiter_is_read(tmp_path: Path) -> None:
    r, rows = read_all(write(tmp_path, "studentnummer\topleiding\ns1\tP\n"))
    assert r.delimiter == "\t" and rows[0].values == {"student_id": "s1", "programme": "P"}


def test_pipe_delimiter_is_bsa304(tmp_path: Path) -> None:
    err = fatal(write(tmp_path, "studentnummer|opleiding\n"))
    assert err.code == "BSA304" and "'|'" in err.message


def test_semicolon_wins_over_comma_outside_quotes(tmp_path: Path) -> None:
    path = write(tmp_path, '"a,b,c";studentnummer;opleiding\nx;s1;P\n')
    r, rows = read_all(path)
    assert r.delimiter == ";"
    assert r.unknown_columns == ["a,b,c"]
    assert rows[0].values == {"student_id": "s1", "programme": "P"}


def test_duplicate_header_is_bsa305(tmp_path: Path) -> None:
    err = fatal(write(tmp_path, "studentnummer;opleiding;EC_jaar1;ec_year1\n"))
    assert err.code == "BSA305"
    assert err.location.line == 1 and err.location.column == 4
    assert "EC_jaar1" in err.message and "ec_year1" in err.message
    assert err.hint == "remove or rename one of them"


def test_missing_required_columns_is_one_bsa306_naming_all(tmp_path: Path) -> None:
    err = fatal(write(tmp_path, "studentnummer;notitie\ns1;x\n"), required=("student_id", "programme", "ec_year1"))
    assert err.code == "BSA306"
    assert "programme (also accepted: opleiding, croho, crebo)" in err.message
    assert "ec_year1 (also accepted: ec_jaar1)" in err.message
    assert "student_id" not in err.message
    assert err.location.line == 1
    assert err.params["missing"] == ["programme", "ec_year1"]


def test_unknown_field_name_in_api_is_a_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        RecordReader(write(tmp_path, "studentnummer;opleiding\n"), fields=["ec_jaar_1"])


# -- rows ----------------------------------------------------------------------------------------


def test_bad_decimal_cell_is_a_located_row_error_and_other_rows_parse(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\ns1;P;40\ns2;P;4x,5\ns3;P;41,5\n")
    _, rows = read_all(path)
    assert len(rows) == 3
    assert rows[0].values["ec_year1"] == Decimal(40) and rows[2].values["ec_year1"] == Decimal("41.5")
    bad = rows[1]
    assert bad.values == {} and bad.student_id == "s2"
    err = bad.error
    assert err is not None and err.code == "BSA310"
    assert (err.location.line, err.location.column, err.location.column_name) == (3, 3, "ec_jaar1")
    assert err.message == "ec_jaar1 '4x,5' is not a number"
    assert err.hint == "write credits like 45, 44,5 or 44.5"
    assert err.hint == "write credits like 45, 44,5 or 44.5"
    assert err.params["column"] == "ec_jaar1" and err.params["value"] == "4x,5"


def test_first_bad_cell_in_column_order_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "opleiding;inschrijfdatum;ec_jaar1;studentnummer\nP;31-02-2025;x;s9\n")
    _, rows = read_all(path)
    err = rows[0].error
    assert err.code == "BSA310" and err.location.column == 2
    assert rows[0].student_id == "s9"


def test_parser_value_error_becomes_a_row_error(tmp_path: Path) -> None:
    # "²".isdigit() is True but int("²") raises ValueError, not CellError.
    path = write(tmp_path, "studentnummer;opleiding;inschrijvingsjaar\ns1;P;²\n")
    _, rows = read_all(path)
    assert rows[0].error is not None and rows[0].error.code == "BSA310"


def test_quoted_newline_keeps_line_numbers_right(tmp_path: Path) -> None:
    path = write(tmp_path, 'studentnummer;opleiding;notitie\r\ns1;P;"two\r\nlines"\r\ns2;P;x\r\ns3;P;"a\nb\nc"\r\ns4;Q;y\r\n')
    _, rows = read_all(path)
    assert [(row.line, row.student_id) for row in rows] == [(2, "s1"), (4, "s2"), (5, "s3"), (8, "s4")]


def test_ragged_row_with_too_many_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\ns1;P;44;5\ns2;P;45;;\ns3;P;46\n")
    _, rows = read_all(path)
    assert len(rows) == 3
    err = rows[0].error
    assert err.code == "BSA307" and err.message == "row has 4 cells but the header has 3"
    assert (err.location.line, err.location.column) == (2, 4)
    assert "unquoted" in err.hint
    assert rows[0].student_id == "s1"
    # Extra cells that are empty are ignored.
    assert rows[1].error is None and rows[1].values["ec_year1"] == Decimal(45)
    assert rows[2].error is None


def test_ragged_row_with_too_few_cells(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\ns1;P\n")
    _, rows = read_all(path)
    err = rows[0].error
    assert err.code == "BSA307" and err.message == "row has 2 cells but the header has 3"
    assert (err.location.line, err.location.column) == (2, 3)
    assert "missing delimiter" in err.hint


def test_trailing_empty_header_cells_do_not_widen_the_table(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;;\ns1;P\ns2;P;;\n")
    _, rows = read_all(path)
    assert [row.error for row in rows] == [None, None]


def test_blank_and_all_empty_rows_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path, "\r\n  \r\nstudentnummer;opleiding;ec_jaar1\r\ns1;P;1\r\n\r\n;;\r\n ; ;  \r\ns2;P;2\r\n\r\n")
    r, rows = read_all(path)
    assert r.header_line == 3
    assert [(row.line, row.student_id) for row in rows] == [(4, "s1"), (8, "s2")]


def test_empty_student_id_is_bsa311(tmp_path: Path) -> None:
    path = write(tmp_path, "opleiding;studentnummer;ec_jaar1\nP; ;30\n;s2;30\n")
    _, rows = read_all(path)
    first, second = rows
    assert first.error.code == "BSA311" and first.error.message == "student number is empty"
    assert first.error.location.column == 2 and first.student_id is None
    assert first.error.hint == "every row needs a student number"
    assert second.error.code == "BSA311" and second.error.message == "programme is empty"
    assert second.student_id == "s2"


def test_only_requested_fields_are_parsed(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1;inschrijfdatum\ns1;P;30;not a date\n")
    r, rows = read_all(path, fields=["ec_year1"])
    assert r.parsed_fields == ("student_id", "programme", "ec_year1")
    assert rows[0].error is None
    assert rows[0].values == {"student_id": "s1", "programme": "P", "ec_year1": Decimal(30)}
    # Parsing every field finds the bad date.
    _, rows = read_all(path)
    assert rows[0].error.code == "BSA310" and rows[0].error.location.column == 4


def test_decision_none_word_is_absent(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;besluit_omstandigheden\ns1;P;geen\n")
    _, rows = read_all(path)
    assert rows[0].error is None and "circumstances_decision" not in rows[0].values


def test_row_count_equals_non_empty_records(tmp_path: Path) -> None:
    lines = ["studentnummer;opleiding;ec_jaar1"]
    expected = 0
    for i in range(50):
        if i % 7 == 0:
            lines.append("")
            continue
        if i % 5 == 0:
            lines.append(f"s{i};P;bad")
        elif i % 11 == 0:
            lines.append(f"s{i};P")
        else:
            lines.append(f"s{i};P;{i}")
        expected += 1
    _, rows = read_all(write(tmp_path, "\n".join(lines) + "\n"))
    assert len(rows) == expected
    for row in rows:
        if row.error is None:
            assert row.values["student_id"] == row.student_id
        else:
            assert row.values == {} and row.error.location.line == row.line
    assert sum(row.error is not None for row in rows) == sum(1 for i in range(50) if i % 7 and (i % 5 == 0 or i % 11 == 0))


def test_overlong_field_is_a_csv_error_row_and_reading_continues(tmp_path: Path) -> None:
    big = "x" * 200_000  # beyond the csv module's default field size limit
    path = write(tmp_path, f"studentnummer;opleiding;notitie\ns1;P;a\ns2;P;{big}\ns3;P;b\n")
    _, rows = read_all(path)
    assert [row.line for row in rows] == [2, 3, 4]
    assert rows[1].error is not None and rows[1].error.code == "BSA308"
    assert rows[2].error is None and rows[2].student_id == "s3"


def test_unclosed_quote_is_one_error_row_and_the_later_rows_are_read(tmp_path: Path) -> None:
    path = write(tmp_path, 'studentnummer;opleiding;notitie\ns1;P;x\ns2;P;"xyzzy\ns3;P;y\ns4;P;z\n')
    _, rows = read_all(path)
    assert [(row.line, row.student_id, row.error.code if row.error else None) for row in rows] == [
        (2, "s1", None), (3, None, "BSA308"), (4, "s3", None), (5, "s4", None)]
    err = rows[1].error
    assert (err.location.line, err.location.column, err.location.column_name) == (3, 3, "notitie")
    assert "not closed" in err.message and "xyzzy" not in err.message  # the cell's text is not repeated
    assert "stray" in err.hint


def _rows_of(rows: list[Row]) -> list[tuple]:
    return [(row.line, row.error.code if row.error else None, row.values) for row in rows]


HEAD5 = "studentnummer;opleiding;ec_jaar1;deeltijd;notitie\n"


def test_stray_quote_mid_file_loses_no_later_row(tmp_path: Path) -> None:
    """Issue 9 (review finding 5): one stray quote must not swallow every later student."""
    body = [f"s{i};P;{40 + i % 5};nee;ok" for i in range(60)]
    body[3] = 's3;P;"43;nee;ok'  # never closed: csv.reader would read the rest of the file into it
    body[30] = 's30;P;40;nee;"a valid\nnote over two lines"'  # a valid quoted line break later on
    path = write(tmp_path, HEAD5 + "\n".join(body) + "\n")
    _, rows = read_all(path)
    assert len(rows) == 60
    assert [(r.line, r.error.code) for r in rows if r.error] == [(5, "BSA308")]
    assert rows[3].error.location.column == 3 and rows[3].error.location.column_name == "ec_jaar1"
    assert [r.student_id for r in rows] == [f"s{i}" if i != 3 else None for i in range(60)]
    # line numbers stay right, also after the two-line note (lines 32-33)
    assert [r.line for r in rows] == [i + 2 for i in range(31)] + [i + 3 for i in range(31, 60)]
    assert rows[30].values["student_id"] == "s30" and rows[59].values["ec_year1"] == Decimal(44)


def test_stray_quote_closed_by_a_later_quote_reads_the_lines_between_again(tmp_path: Path) -> None:
    # The quote opened in line 3 is "closed" by the inch mark in line 6: csv.reader reads lines 3-6 as
    # one well-formed record with 5 cells. Lines 4-6 look like records of their own: read them again.
    path = write(tmp_path, HEAD5 + 's1;P;40;nee;ok\ns2;P;41;nee;"stray\ns3;P;42;nee;ok\ns4;P;43;nee;ok\n'
                                   's5;P;44;nee;5"\ns6;P;45;nee;ok\n')
    _, rows = read_all(path)
    assert [(r.line, r.student_id, r.error.code if r.error else None) for r in rows] == [
        (2, "s1", None), (3, "s2", "BSA308"), (4, "s3", None), (5, "s4", None), (6, "s5", None), (7, "s6", None)]
    assert rows[2].values["ec_year1"] == Decimal(42)
    assert rows[3].error is None and rows[4].values["student_id"] == "s5"
    assert rows[1].error.location.column == 5


def test_text_after_a_quote_lines_later_is_its_own_error(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD5 + 's1;P;"40;nee;ok\r\ns2;P;41;nee;"quoted; note"\r\ns3;P;"44,5"x;nee;ok\r\ns4;P;45;nee;ok\r\n')
    _, rows = read_all(path)
    assert [(r.line, r.error.code if r.error else None) for r in rows] == [
        (2, "BSA308"), (3, None), (4, "BSA308"), (5, None)]
    assert rows[1].values["student_id"] == "s2" and rows[3].values["ec_year1"] == Decimal(45)
    assert "not closed" in rows[0].error.message and "not closed" not in rows[2].error.message


def test_valid_quoted_line_breaks_are_not_broken_up(tmp_path: Path) -> None:
    # cells with line breaks and delimiters, none of whose lines is a record of its own
    path = write(tmp_path, HEAD5 + 's1;"P;\nQ";40;nee;"a;b\nc;d;e\n""f"";"\ns2;P;41;nee;"x\r\n;;;;"\ns3;P;42;nee;ok\n')
    _, rows = read_all(path)
    assert [(r.line, r.error) for r in rows] == [(2, None), (6, None), (8, None)]
    assert rows[0].values["programme"] == "P;\nQ"


def test_stray_quote_beyond_the_field_size_limit_loses_no_later_row(tmp_path: Path) -> None:
    body = [f"s{i};P;40;nee;ok" for i in range(12_000)]  # ~190 kB after the stray quote
    body[1] = 's1;P;"40;nee;ok'
    path = write(tmp_path, HEAD5 + "\n".join(body) + "\n")
    _, rows = read_all(path)
    assert len(rows) == 12_000 and [(r.line, r.error.code) for r in rows if r.error] == [(3, "BSA308")]
    assert rows[-1].line == 12_001 and rows[-1].student_id == "s11999"


def test_overlong_line_inside_a_stray_quote(tmp_path: Path, monkeypatch) -> None:
    for module in (reader_module, textfile_module, quotes_module, encoding_module):  # the line limit, wherever it is read
        monkeypatch.setattr(module, "MAX_LINE_CHARS", 64)
    path = write(tmp_path, HEAD5 + 's1;P;40;nee;"open\ns2;P;41;nee;ok\ns3;' + "y" * 500 + "\ns4;P;43;nee;ok\n")
    _, rows = read_all(path)
    assert [(r.line, r.error.code if r.error else None) for r in rows] == [
        (2, "BSA308"), (3, None), (4, "BSA308"), (5, None)]
    assert "not closed" in rows[0].error.message and "longer than" in rows[2].error.message


def test_many_stray_quotes_are_read_in_linear_work(tmp_path: Path) -> None:
    # every line opens a quote the next line breaks: each line is read at most twice
    n = 20_000
    path = write(tmp_path, HEAD5 + "".join(f's{i};P;40;nee;"x\n' for i in range(n)))
    r, rows = read_all(path)
    assert len(rows) == n and all(row.error.code == "BSA308" for row in rows)
    assert [row.line for row in rows] == list(range(2, n + 2))
    assert r._replayed <= n


def test_pathological_quotes_are_bounded(tmp_path: Path) -> None:
    # 'a";"b' keeps a quote open both when read from a record's start and inside a quoted cell: each
    # re-read would run to the end of the file. The work is capped; no line is counted twice.
    n = 5_000
    path = write(tmp_path, HEAD5 + 's0;P;40;nee;"x\n' + 'a";"b\n' * n + "s9;P;40;nee;ok\n")
    r, rows = read_all(path)
    lines = [row.line for row in rows]
    assert lines == sorted(set(lines)) and lines[0] == 2
    assert r._replayed <= quotes_module.REREAD_FACTOR * (n + 3) + quotes_module.REREAD_SLACK


def test_chunks_read_a_stray_quote_as_the_whole_file_does(tmp_path: Path) -> None:
    """--workers reads record-aligned chunks with chunk_rows: the same rows as one pass."""
    import io as _io

    from bsa_check.records.chunks import chunks
    from bsa_check.records.seen import KeyRecorder

    body = [f"s{i};P;{40 + i % 5};nee;ok" for i in range(300)]
    body[5] = 's5;P;"43;nee;ok'
    body[200] = 's200;P;40;nee;"two\nlines"'
    path = write(tmp_path, HEAD5 + "\n".join(body) + "\n")
    whole, rows = read_all(path)
    data = path.read_bytes()
    with open_records(path) as r:
        start = r.body_offset()
        assert start is not None
        pieces = []
        for c in chunks(_io.BytesIO(data), start, 2, size=512, block_size=256):
            pieces.extend(r.chunk_rows(data[c.start:c.end].decode("utf-8"), c.first_line, KeyRecorder()))
    assert _rows_of(pieces) == _rows_of(rows)
    assert len(rows) == 300 and [row.line for row in rows if row.error] == [7]


def test_text_after_a_closing_quote_is_an_error_row(tmp_path: Path) -> None:
    path = write(tmp_path, 'studentnummer;opleiding;ec_jaar1\ns1;P;"44,5"x\ns2;P;"45"\n')
    _, rows = read_all(path)
    assert rows[0].error.code == "BSA308" and rows[0].error.location.line == 2
    assert rows[1].error is None and rows[1].values["ec_year1"] == Decimal(45)


def test_overlong_line_is_skipped_in_bounded_pieces(tmp_path: Path, monkeypatch) -> None:
    for module in (reader_module, textfile_module, quotes_module, encoding_module):  # the line limit, wherever it is read
        monkeypatch.setattr(module, "MAX_LINE_CHARS", 64)
    path = write(tmp_path, "studentnummer;opleiding\ns1;P\ns2;" + "y" * 500 + "\ns3;P\n")
    _, rows = read_all(path)
    assert [row.line for row in rows] == [2, 3, 4]
    assert rows[1].error.code == "BSA308" and "longer than" in rows[1].error.message
    assert rows[2].values == {"student_id": "s3", "programme": "P"}


def test_reader_closes_the_file_after_iteration(tmp_path: Path) -> None:
    r = open_records(write(tmp_path, "studentnummer;opleiding\ns1;P\n"))
    assert [row.student_id for row in r] == ["s1"]
    assert r._file is None
    r.close()  # idempotent


def test_iteration_is_streaming(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding\n" + "".join(f"s{i};P\n" for i in range(1000)))
    with open_records(path) as r:
        it = iter(r)
        assert next(it).line == 2
        assert next(it).line == 3
    assert list(r) == []  # closed: nothing more


# -- issue 9: broken exports -------------------------------------------------------------------


@pytest.mark.parametrize("quoted_lines", [200, 10_000])
def test_oversized_quoted_cell_over_many_lines_is_one_error_and_later_rows_keep_their_lines(
        tmp_path: Path, quoted_lines: int) -> None:
    big = "\n".join(["x" * 1000] * quoted_lines)  # 200 kB or 10 MB in one quoted cell
    path = write(tmp_path, f'studentnummer;opleiding;notitie\ns1;P;a\ns2;P;"{big}"\ns3;P;"b ""c"""\ns4;P;"d\ne"\ns5;Q;f\n')
    _, rows = read_all(path)
    after = 3 + quoted_lines
    assert [(row.line, row.error.code if row.error else None) for row in rows] == [
        (2, None), (3, "BSA308"), (after, None), (after + 1, None), (after + 3, None)]
    assert "longer than 131072 characters" in rows[1].error.message
    assert rows[2].values["student_id"] == "s3" and rows[4].values == {"student_id": "s5", "programme": "Q"}


def test_oversized_cell_on_one_line_does_not_swallow_the_next_record(tmp_path: Path) -> None:
    path = write(tmp_path, 'studentnummer;opleiding;notitie\ns1;P;"' + "y" * 300_000 + '";\ns2;P;"open\nclosed"\ns3;P;x\n')
    _, rows = read_all(path)
    assert [(row.line, row.error.code if row.error else None) for row in rows] == [(2, "BSA308"), (3, None), (5, None)]


@pytest.mark.parametrize(("line", "start_in_quotes", "ends_in_quotes"), [
    ('a;b;"c', False, True), ('"a;b', False, True), ('a"b;c', False, False), ('x" ;y', True, False),
    ('x"";"y', True, False), ('x"";y', True, True), ('x";"y', True, True), ('x";"y"', True, False), ('', True, True), ('', False, False)])
def test_quote_state_after_a_line(line: str, start_in_quotes: bool, ends_in_quotes: bool) -> None:
    assert quotes_module.ends_in_quotes(line, start_in_quotes, ";") is ends_in_quotes


def test_row_with_the_other_delimiter_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\ns1;P;45\ns2,P,44\ns3;P;40\n")
    _, rows = read_all(path)
    err = rows[1].error
    assert err.code == "BSA307" and (err.location.line, err.location.column) == (3, 2)
    assert "seems to use ','" in err.hint and "one delimiter" in err.hint
    assert rows[0].error is None and rows[2].error is None


def test_duplicate_student_is_an_error_on_the_later_row_only(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding;collegejaar\ns1;P;2025\ns2;P;2025\n s1 ;P;2025\n"
                           "s1;Q;2025\ns1;P;2024\ns1;P;2025\n")
    _, rows = read_all(path)
    assert [row.error.code if row.error else None for row in rows] == [None, None, "BSA313", None, None, "BSA313"]
    err = rows[2].error
    assert (err.location.line, err.location.column, err.location.column_name) == (4, 1, "studentnummer")
    assert err.message == "the same student number, programme and academic year as line 2"
    assert "s1" not in str(err)  # the number itself is not repeated in the message
    assert rows[5].error.params == {"first_line": 2}


def test_duplicate_key_uses_the_parsed_academic_year(tmp_path: Path) -> None:
    """Review finding 6: 2025-2026, 2025 and 2025/2026 are one academic year."""
    path = write(tmp_path, "studentnummer;opleiding;collegejaar\ns1;P;2025-2026\ns1;P;2025\n s1 ;P; 2025 / 2026 \n"
                           "s1;P;2024-2025\ns1;P;2024\ns2;P;2025\ns2;P;2025-2026\n")
    _, rows = read_all(path)
    assert [(row.line, row.error.params["first_line"] if row.error else None) for row in rows] == [
        (2, None), (3, 2), (4, 2), (5, None), (6, 5), (7, None), (8, 7)]
    assert all(row.error.code == "BSA313" for row in rows if row.error)


def test_empty_academic_year_is_the_year_of_the_advice_date(tmp_path: Path) -> None:
    # The evaluator takes an empty year as the academic year of the advice date (else --as-of, which
    # the reader does not know: then the row is compared with other rows without year or date).
    path = write(tmp_path, "studentnummer;opleiding;collegejaar;adviesdatum\n"
                           "s1;P;;15-08-2026\ns1;P;2025-2026;\ns1;P;2026;01-09-2026\ns1;P;;01-09-2026\n"
                           "s2;P;;\ns2;P;2025;\ns2;P; ;\ns3;P;x;\ns3;P;x;\n")
    _, rows = read_all(path)
    assert [(row.error.params.get("first_line") if row.error else None) for row in rows] == [
        None, 2, None, 4, None, None, 6, None, 9]
    assert [row.error.code for row in rows if row.error] == ["BSA313", "BSA313", "BSA313", "BSA310", "BSA313"]


def test_duplicate_detection_can_be_switched_off(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;opleiding\ns1;P\ns1;P\n")
    _, rows = read_all(path, unique_ids=False)
    assert [row.error for row in rows] == [None, None]
    _, rows = read_all(path)
    assert rows[1].error.message == "the same student number and programme as line 2"


def test_duplicates_without_a_programme_column_are_by_student_number(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;ec_jaar1\ns1;1\ns2;1\ns1;2\n")
    _, rows = read_all(path, required=("student_id",))
    assert [row.error.code if row.error else None for row in rows] == [None, None, "BSA313"]


def test_duplicates_on_a_short_row_compare_the_cells_it_has(tmp_path: Path) -> None:
    path = write(tmp_path, "studentnummer;notitie;opleiding\ns1;x;P\ns1;y\ns1;z\n")
    _, rows = read_all(path)
    # the second row is ragged (its own error); the third repeats the second's key (s1, no programme)
    assert [row.error.code for row in rows[1:]] == ["BSA307", "BSA313"]


# -- property: a stray quote costs exactly its own row ----------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FREE = st.text(alphabet='ab ;"', max_size=8)  # quoted by csv.writer when it holds ; or "
# before the broken row: quoted line breaks, but no line of a cell with the header's 5 cells
_MULTI = st.text(alphabet='ab ;"\n', max_size=8).filter(lambda t: t.count(";") < 4)  # the last cell only


@settings(max_examples=300, deadline=None)
@given(data=st.data(), n=st.integers(1, 25), eol=st.sampled_from(["\n", "\r\n"]))
def test_a_stray_quote_costs_its_own_row_and_no_other(tmp_path_factory, data, n: int, eol: str) -> None:
    """Rows before the broken one may hold quoted line breaks; rows after it hold quoted delimiters and
    quotes. Inserting one stray quote at the start of a plain cell of row ``r`` turns that row into one
    BSA308 error at its line; every other row reads exactly as in the unbroken file, in one pass and
    in record-aligned chunks (--workers)."""
    import csv as _csv
    import io as _io

    from bsa_check.records.chunks import chunks
    from bsa_check.records.seen import KeyRecorder

    r = data.draw(st.integers(0, n - 1), label="broken row")
    rows = []
    for i in range(n):
        text = _MULTI if i < r else _FREE
        if i == r:
            text = st.text(alphabet="ab ", min_size=1, max_size=6)
        # Before the broken row only the last cell breaks lines: a later line of such a record then
        # holds fewer than 4 delimiters, so it never reads as a record of its own (the documented
        # limit: a record whose later line is a whole record is read again, see README BSA308).
        first = _FREE if i < r else text
        rows.append([f"s{i}", data.draw(first), str(data.draw(st.integers(0, 60))), "nee", data.draw(text)])
    cell = data.draw(st.sampled_from([1, 4]), label="cell")

    def render(broken: bool) -> str:
        out = _io.StringIO()
        w = _csv.writer(out, delimiter=";", lineterminator=eol)
        w.writerow(["studentnummer", "opleiding", "ec_jaar1", "deeltijd", "notitie"])
        for i, row in enumerate(rows):
            if broken and i == r:
                row = [*row[:cell], '"' + row[cell], *row[cell + 1:]]  # unquoted, so the quote is stray
                out.write(";".join(row) + eol)
            else:
                w.writerow(row)
        return out.getvalue()

    tmp = tmp_path_factory.mktemp("stray")
    good_path, bad_path = tmp / "good.csv", tmp / "bad.csv"
    good_path.write_bytes(render(False).encode())
    bad_path.write_bytes(render(True).encode())
    _, good = read_all(good_path)
    _, bad = read_all(bad_path)
    assert len(bad) == len(good) == n
    assert bad[r].error is not None and bad[r].error.code == "BSA308" and bad[r].line == good[r].line
    assert bad[r].error.location.column == cell + 1
    assert _rows_of(bad[:r] + bad[r + 1:]) == _rows_of(good[:r] + good[r + 1:])
    # the same through record-aligned chunks
    data_bytes = bad_path.read_bytes()
    size = data.draw(st.integers(1, 200), label="chunk size")
    with open_records(bad_path) as reader:
        start = reader.body_offset()
        if start is not None:
            pieces = []
            for c in chunks(_io.BytesIO(data_bytes), start, 2, size=size, block_size=64):
                pieces.extend(reader.chunk_rows(data_bytes[c.start:c.end].decode(), c.first_line, KeyRecorder()))
            assert _rows_of(pieces) == _rows_of(bad)


def test_bad_item_of_a_long_unit_results_cell_is_shown(tmp_path: Path) -> None:
    """Review finding 14: show the offending item, not the first 40 characters of the cell."""
    cell = "PSY101:7|STAT1:8|METH1:9|BIO1:6|SOC1:7|DEV1:6|STAT2:7|COG1:8|CLIN1:9|ACAD1:x"
    path = write(tmp_path, f"studentnummer;opleiding;resultaten\ns1;P;{cell}\ns2;P;A:7|B:11\ns3;P;A:7|B:V:nooit\n")
    _, rows = read_all(path)
    err = rows[0].error
    assert err.code == "BSA310" and err.location.column == 3
    assert err.message == "resultaten: in 'ACAD1:x', the result of ACAD1 is not a grade or V, O, VR"
    assert err.params["value"] == "ACAD1:x" and "PSY101" not in err.message
    assert "'B:11'" in rows[1].error.message and "outside 1-10" in rows[1].error.message
    assert "'B:V:nooit'" in rows[2].error.message


def test_row_memo_without_programme_shares_values_across_programmes(tmp_path: Path) -> None:
    """memo_programme=False: rows that differ only in student and programme share one parsed dict
    (without student and programme); each row still has its own complete values."""
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\n1;A;40\n2;B;40\n3;A;41\n")
    _, rows = read_all(path, row_memo=True, memo_programme=False)
    assert [r.programme for r in rows] == ["A", "B", "A"]
    assert rows[0].parsed is rows[1].parsed and rows[0].key == rows[1].key
    assert rows[0].parsed == {"ec_year1": Decimal("40")}
    assert [r.values for r in rows] == [{"ec_year1": Decimal("40"), "student_id": "1", "programme": "A"},
                                        {"ec_year1": Decimal("40"), "student_id": "2", "programme": "B"},
                                        {"ec_year1": Decimal("41"), "student_id": "3", "programme": "A"}]
    _, kept = read_all(path, row_memo=True)
    assert kept[0].parsed is not kept[1].parsed and kept[1].values["programme"] == "B"


def test_row_memo_without_programme_still_refuses_an_empty_programme(tmp_path: Path) -> None:
    """A row whose other cells match a memoised row is still an error when its programme is empty."""
    path = write(tmp_path, "studentnummer;opleiding;ec_jaar1\n1;A;40\n2; ;40\n")
    _, rows = read_all(path, row_memo=True, memo_programme=False)
    assert rows[0].error is None
    assert rows[1].error is not None and rows[1].error.code == "BSA311" and rows[1].line == 3
