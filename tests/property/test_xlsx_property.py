"""Property (issue 17): for generated tables, the .xlsx (typed cells: dates, numbers, booleans) and the
CSV of the same data give identical verdicts and errors, and rows in = verdicts + errors."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsa_check.records.plan import record_plan
from bsa_check.records.opener import open_records
from bsa_check.service import results

AS_OF = date(2026, 8, 20)
HEADER = ["studentnummer", "opleiding", "collegejaar", "inschrijvingsjaar", "inschrijfdatum", "uitschrijfdatum",
          "ec_jaar1", "deeltijd", "propedeuse_behaald", "persoonlijke_omstandigheden", "besluit_omstandigheden",
          "waarschuwingsdatum", "hoordatum", "adviesdatum", "notitie"]
# Text that is read (or refused) the same way in both: never a control character (openpyxl refuses
# those in a workbook), never a number-looking text the workbook would store as text anyway.
JUNK = st.text(alphabet="abXY -/,.;|éü", max_size=8)


class Cell:
    """One generated value: how a CSV writes it, and how a workbook holds it."""

    def __init__(self, text: str, typed: object) -> None:
        self.text, self.typed = text, typed


def _date(d: date) -> Cell:
    return Cell(d.strftime("%d-%m-%Y"), d)


DATES = st.dates(min_value=date(2024, 9, 1), max_value=date(2026, 8, 31)).map(_date)
CREDITS = st.integers(0, 12000).map(lambda n: Decimal(n).scaleb(-2)).map(
    lambda d: Cell(str(d).replace(".", ","), int(d) if d == int(d) else float(d)))
BOOL = st.sampled_from([Cell("ja", True), Cell("nee", False), Cell("ja", "ja"), Cell("N", "N")])
EMPTY = st.just(Cell("", None))


def junk() -> st.SearchStrategy[Cell]:
    return JUNK.map(lambda t: Cell(t, t if t.strip() else None))


COLUMNS = {
    "studentnummer": st.sampled_from(["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "0012"]).map(lambda t: Cell(t, t)),
    "opleiding": st.sampled_from([Cell("59001", "59001"), Cell("P-2", "P-2"), Cell("", None)]),
    "collegejaar": st.sampled_from([Cell("2025-2026", "2025-2026"), Cell("2025", 2025), Cell("", None)]),
    "inschrijvingsjaar": st.sampled_from([Cell("1", 1), Cell("2", 2), Cell("1", "1"), Cell("", None)]),
    "inschrijfdatum": st.one_of(DATES, EMPTY),
    "uitschrijfdatum": st.one_of(EMPTY, EMPTY, DATES),
    "ec_jaar1": st.one_of(CREDITS, EMPTY),
    "deeltijd": st.one_of(BOOL, EMPTY),
    "propedeuse_behaald": st.one_of(BOOL, EMPTY),
    "persoonlijke_omstandigheden": st.sampled_from(["geen", "ziekte", "topsport", "", "onzin"]).map(
        lambda t: Cell(t, t or None)),
    "besluit_omstandigheden": st.sampled_from(["", "uitstel", "erkend", "afgewezen"]).map(lambda t: Cell(t, t or None)),
    "waarschuwingsdatum": st.one_of(DATES, EMPTY),
    "hoordatum": st.one_of(DATES, EMPTY),
    "adviesdatum": st.one_of(DATES, EMPTY),
    "notitie": st.one_of(EMPTY, junk()),
}


@st.composite
def tables(draw: st.DrawFn) -> list[list[Cell]]:
    rows = []
    for _ in range(draw(st.integers(0, 10))):
        row = [draw(COLUMNS[h]) for h in HEADER]
        if draw(st.integers(0, 9)) == 0:  # now and then a junk cell in a random column
            i = draw(st.integers(0, len(HEADER) - 1))
            row[i] = draw(junk())
        rows.append(row)
    return rows


def _outcomes(path: Path, ruleset) -> list[tuple]:  # type: ignore[no-untyped-def]
    with open_records(path, **record_plan([ruleset]).reader_options()) as reader:
        return [(r.line, r.student_id, r.verdict.outcome if r.verdict else None, r.verdict.rule if r.verdict else None,
                 r.error.code if r.error else None, r.error.location.column if r.error else None)
                for r in results(reader, ruleset, AS_OF)]


@pytest.mark.filterwarnings("ignore::UserWarning")
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_xlsx_and_csv_of_the_same_table_give_the_same_verdicts(table, ho_current, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("tables")
    text = io.StringIO()
    w = csv.writer(text, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    for row in table:
        w.writerow([c.text for c in row])
    csv_path = folder / "t.csv"
    csv_path.write_text(text.getvalue(), encoding="utf-8")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Blad1"
    ws.append(HEADER)
    for row in table:
        ws.append([c.typed for c in row])
    xlsx_path = folder / "t.xlsx"
    wb.save(xlsx_path)

    from_csv = _outcomes(csv_path, ho_current)
    from_xlsx = _outcomes(xlsx_path, ho_current)
    assert from_xlsx == from_csv
    # rows in = verdicts + errors: every generated row that is not wholly empty has one item
    filled = [row for row in table if any(c.text.strip() for c in row)]
    assert len(from_csv) == len(filled)
    assert all((o[2] is None) != (o[4] is None) for o in from_csv)
