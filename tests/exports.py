"""Realistic student-record exports written by the tests themselves (issue 17), from the canonical CSV
``examples/students.csv``: the same students as different systems and Excel write them.

Each writer takes the canonical rows (header -> text) and a folder and returns the path it wrote.
No real student data: names and e-mail addresses are made up from the student number.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Callable

from tests.conftest import ROOT

CANONICAL = ROOT / "examples" / "students.csv"


def canonical_rows() -> list[dict[str, str]]:
    with CANONICAL.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def _iso(text: str) -> str:
    if not text:
        return ""
    d, m, y = text.split("-")
    return f"{y}-{m}-{d}"


def _day(text: str) -> date | None:
    return date.fromisoformat(_iso(text)) if text else None


def _person(row: dict[str, str]) -> tuple[str, str]:
    n = row["studentnummer"]
    return f"Student {n[-3:]}", f"s{n}@student.example.nl"


# Osiris through Dutch Excel: "sep=;" first line, UTF-8 with BOM, CRLF, Dutch report headers, name and e-mail.
OSIRIS = ["Studentnummer", "Naam", "E-mailadres", "Opleidingscode", "Collegejaar", "Inschrijvingsjaar",
          "Datum inschrijving", "Datum uitschrijving", "Behaalde EC", "Deeltijd", "Propedeuse behaald",
          "Persoonlijke omstandigheden", "Besluit omstandigheden", "Waarschuwing verstuurd", "Hoorzitting",
          "Datum advies", "EC totaal", "Datum gesprek"]


def osiris_excel(rows: list[dict[str, str]], folder: Path) -> Path:
    path = folder / "osiris-bsa-overzicht.csv"
    lines = ["sep=;", ";".join(OSIRIS)]
    for r in rows:
        name, mail = _person(r)
        lines.append(";".join([r["studentnummer"], name, mail, r["opleiding"], r["collegejaar"],
                               r["inschrijvingsjaar"], r["inschrijfdatum"], r["uitschrijfdatum"], r["ec_jaar1"],
                               r["deeltijd"], r["propedeuse_behaald"], r["persoonlijke_omstandigheden"],
                               r["besluit_omstandigheden"], r["waarschuwingsdatum"], r["hoordatum"],
                               r["adviesdatum"], r["ec_totaal"], r["gespreksdatum"]]))
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


# PeopleSoft Campus Solutions: English field names, comma-delimited, ISO dates, decimal point, Y/N.
PEOPLESOFT = ["EMPLID", "NAME", "EMAIL_ADDR", "ACAD_PROG", "Academic Year", "Year of Enrollment",
              "Enrollment Date", "Withdrawal Date", "Credits Year 1", "Part Time", "Propaedeutic Passed",
              "Personal Circumstances", "Circumstances Decision", "Warning Date", "Hearing Date", "Advice Date",
              "Total Credits", "Conversation Date"]
_YN = {"ja": "Y", "nee": "N"}
_CIRC = {"geen": "none", "ziekte": "illness", "topsport": "top_sport", "zwangerschap": "pregnancy",
         "bijzondere familieomstandigheden": "family", "functiebeperking": "impairment",
         "bestuursjaar": "student_board"}
_DECISION = {"": "", "afgewezen": "rejected", "erkend": "accepted", "uitstel": "postpone"}


def peoplesoft(rows: list[dict[str, str]], folder: Path) -> Path:
    path = folder / "ps_cs_progress.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=",", lineterminator="\n")
        w.writerow(PEOPLESOFT)
        for r in rows:
            name, mail = _person(r)
            w.writerow([r["studentnummer"], name, mail, r["opleiding"], r["collegejaar"][:4], r["inschrijvingsjaar"],
                        _iso(r["inschrijfdatum"]), _iso(r["uitschrijfdatum"]), r["ec_jaar1"].replace(",", "."),
                        _YN[r["deeltijd"]], _YN[r["propedeuse_behaald"]], _CIRC[r["persoonlijke_omstandigheden"]],
                        _DECISION[r["besluit_omstandigheden"]], _iso(r["waarschuwingsdatum"]),
                        _iso(r["hoordatum"]), _iso(r["adviesdatum"]), r["ec_totaal"].replace(",", "."),
                        _iso(r["gespreksdatum"])])
    return path


# Progress through Excel's "Unicode text": UTF-16 with BOM, tab-delimited, CRLF.
PROGRESS = ["Studentnr", "Opleiding", "Studiejaar", "Jaar van inschrijving", "Inschrijvingsdatum",
            "Uitschrijvingsdatum", "EC jaar 1", "Deeltijd", "Propedeuse behaald", "Omstandigheden",
            "Besluit omstandigheden", "Datum waarschuwing", "Datum hoorzitting", "Adviesdatum", "Totaal EC",
            "Datum gesprek", "Roepnaam", "E-mail"]


def progress_unicode_text(rows: list[dict[str, str]], folder: Path) -> Path:
    path = folder / "progress-export.txt"
    lines = ["\t".join(PROGRESS)]
    for r in rows:
        name, mail = _person(r)
        lines.append("\t".join([r["studentnummer"], r["opleiding"], r["collegejaar"], r["inschrijvingsjaar"],
                                r["inschrijfdatum"], r["uitschrijfdatum"], r["ec_jaar1"], r["deeltijd"],
                                r["propedeuse_behaald"], r["persoonlijke_omstandigheden"],
                                r["besluit_omstandigheden"], r["waarschuwingsdatum"], r["hoordatum"],
                                r["adviesdatum"], r["ec_totaal"], r["gespreksdatum"], name, mail]))
    path.write_bytes("\r\n".join(lines).encode("utf-16") + "\r\n".encode("utf-16-le"))
    return path


# Studielink/advisor workbook: an .xlsx with date cells, number cells for credits, text student numbers,
# a second sheet with notes (the first sheet is read).
STUDIELINK = ["Studentnummer", "Naam", "Opleidingscode", "Collegejaar", "Inschrijvingsjaar",
              "Ingangsdatum inschrijving", "Einddatum inschrijving", "EC jaar 1", "Deeltijd", "Propedeuse behaald",
              "Persoonlijke omstandigheden", "Besluit omstandigheden", "Waarschuwingsdatum", "Hoordatum",
              "Adviesdatum", "EC totaal", "Gespreksdatum"]


def _number(text: str) -> float | int | None:
    if not text:
        return None
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() and "," not in text else value


def studielink_xlsx(rows: list[dict[str, str]], folder: Path) -> Path:
    import openpyxl

    path = folder / "studielink-inschrijvingen.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws.append(STUDIELINK)
    for r in rows:
        name, _ = _person(r)
        ws.append([r["studentnummer"], name, r["opleiding"], r["collegejaar"], int(r["inschrijvingsjaar"]),
                   _day(r["inschrijfdatum"]), _day(r["uitschrijfdatum"]), _number(r["ec_jaar1"]), r["deeltijd"],
                   r["propedeuse_behaald"], r["persoonlijke_omstandigheden"], r["besluit_omstandigheden"] or None,
                   _day(r["waarschuwingsdatum"]), _day(r["hoordatum"]),
                   datetime.combine(_day(r["adviesdatum"]), datetime.min.time()), _number(r["ec_totaal"]),
                   _day(r["gespreksdatum"])])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, (date, datetime)):
                cell.number_format = "DD-MM-YYYY"
    notes = wb.create_sheet("Toelichting")
    notes.append(["Kolom", "Betekenis"])
    notes.append(["EC jaar 1", "behaalde studiepunten in het eerste jaar"])
    wb.save(path)
    return path


# The canonical Dutch headers, as Dutch Excel saves a CSV: sep=; line, BOM, CRLF (no mapping needed).
def canonical_excel(rows: list[dict[str, str]], folder: Path) -> Path:
    path = folder / "bsa-excel.csv"
    header = list(rows[0])
    lines = ["sep=;", ";".join(header)] + [";".join(r[h] for h in header) for r in rows]
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    return path


# The canonical Dutch headers in a workbook (no mapping needed): typed cells, a second sheet first in
# line would be wrong, so the records sheet is named and a notes sheet comes before it (--sheet).
def canonical_xlsx(rows: list[dict[str, str]], folder: Path) -> Path:
    import openpyxl

    path = folder / "bsa-werkmap.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Uitleg"
    wb.active.append(["Deze werkmap bevat de BSA-gegevens op blad Studenten."])
    ws = wb.create_sheet("Studenten")
    header = list(rows[0])
    ws.append(header)
    for r in rows:
        cells: list[object] = []
        for h in header:
            text = r[h]
            if h.endswith("datum") and text:
                cells.append(_day(text))
            elif h in ("ec_jaar1", "ec_totaal", "inschrijvingsjaar") and text:
                cells.append(_number(text))
            else:
                cells.append(text or None)
        ws.append(cells)
    wb.save(path)
    return path


# writer, needs a mapping (its headers are not the reader's), --sheet to give
EXPORTS: dict[str, tuple[Callable[[list[dict[str, str]], Path], Path], bool, str | None]] = {
    "osiris-excel-sep-bom-crlf": (osiris_excel, True, None),
    "peoplesoft-english-comma": (peoplesoft, True, None),
    "progress-utf16-tab": (progress_unicode_text, True, None),
    "studielink-xlsx-dates-two-sheets": (studielink_xlsx, True, None),
    "canonical-excel-sep-bom-crlf": (canonical_excel, False, None),
    "canonical-xlsx-named-sheet": (canonical_xlsx, False, "Studenten"),
}
