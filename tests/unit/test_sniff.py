"""Tests for bsa_check.records.sniff: sep= lines, standard input, inputs that are not a table (issue 17)."""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
from pathlib import Path

import pytest

from bsa_check.errors import RecordError
from bsa_check.records.opener import open_records
from bsa_check.records.sniff import sep_line


@pytest.mark.parametrize(("line", "sep"), [("sep=;\r\n", ";"), ("SEP=,\n", ","), ("sep=\t\n", "\t"), ('"sep=;"\n', ";"),
                                           ("studentnummer;opleiding\n", None), ("sep=;;\n", None)])
def test_sep_line(line: str, sep: str | None) -> None:
    assert sep_line(line) == sep


@pytest.mark.parametrize("sep", [";", ","])
def test_excel_sep_line_names_the_delimiter_and_rows_keep_their_line_numbers(tmp_path: Path, sep: str) -> None:
    other = "," if sep == ";" else ";"
    # the header holds the other delimiter more often than the named one: the sep= line wins
    text = f"sep={sep}\r\nstudentnummer{sep}opleiding{sep}\"a{other}b{other}c\"\r\ns1{sep}P{sep}x\r\n"
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    with open_records(path) as r:
        rows = list(r)
    assert r.delimiter == sep and r.header_line == 2
    assert [(row.line, row.values) for row in rows] == [(3, {"student_id": "s1", "programme": "P"})]


def test_sep_line_without_a_header_is_bsa303(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("sep=;\r\n\r\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        open_records(path)
    assert info.value.code == "BSA303"


def test_standard_input_is_read_like_a_file(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "sep=;\r\nstudentnummer;opleiding\r\ns1;P\r\ns2;\r\n".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with open_records("-") as r:
        rows = list(r)
    assert r.path == "<stdin>" and r.body_offset() is None
    assert [(row.line, row.error.code if row.error else None) for row in rows] == [(3, None), (4, "BSA311")]
    assert str(rows[1].error.location).startswith("<stdin>:4:2")


def test_standard_input_may_be_a_workbook(monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["studentnummer", "opleiding"])
    wb.active.append(["s1", "P"])
    buffer = io.BytesIO()
    wb.save(buffer)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.getvalue())))
    with open_records("-") as r:
        assert [row.values for row in r] == [{"student_id": "s1", "programme": "P"}]


def _zip(names: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, text in names.items():
            z.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize(("data", "what"), [
    (_zip({"students.csv": "x"}), "zip archive"),
    (_zip({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}), "OpenDocument"),
    (_zip({"word/document.xml": "<x/>"}), "Word document"),
    (gzip.compress(b"studentnummer;opleiding\n"), "gzip"),
    (b"%PDF-1.7\n", "PDF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls"),
    (b"<!DOCTYPE html><html><table>", "web page"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', "2003 XML"),
])
def test_inputs_that_are_not_a_table_are_named_with_what_to_do(tmp_path: Path, data: bytes, what: str) -> None:
    path = tmp_path / "students.xls"
    path.write_bytes(data)
    with pytest.raises(RecordError) as info:
        open_records(path)
    assert info.value.code == "BSA343" and what in info.value.message and info.value.hint


def test_a_missing_file_is_still_bsa301(tmp_path: Path) -> None:
    with pytest.raises(RecordError) as info:
        open_records(tmp_path / "nope.csv")
    assert info.value.code == "BSA301"
