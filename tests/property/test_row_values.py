"""A ``Row`` always carries complete values (issue 16 item 1): whichever reader options made it
(the row memo on or off, the programme in the memo's key or not), every row of a file has the same
``values``, with its student number and programme in them, as a plain reading gives."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bsa_check.engine.compile import compile_ruleset
from bsa_check.privacy import Pseudonymizer
from bsa_check.records.plan import record_plan
from bsa_check.records.reader import RecordReader, Row
from bsa_check.ruleset.load import load
from tests.property.test_check_rows import COLUMNS, REQUIRED

OPTIONS = [{"row_memo": False}, {"row_memo": True, "memo_programme": True},
           {"row_memo": True, "memo_programme": False}]


@st.composite
def look_alike_files(draw):
    """A CSV whose rows repeat a few templates under other student numbers and programmes, so the
    row memo serves most of them."""
    templates = draw(st.lists(st.fixed_dictionaries({c: COLUMNS[c] for c in REQUIRED}), min_size=1, max_size=3))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerow(REQUIRED)
    for _ in range(draw(st.integers(1, 12))):
        row = dict(draw(st.sampled_from(templates)))
        row["studentnummer"] = draw(st.sampled_from(["1001", "1002", "1003", ""]))
        row["opleiding"] = draw(st.sampled_from(["59001", "59002"]))
        writer.writerow([row[c] for c in REQUIRED])
    return buf.getvalue()


def read(path: Path, **options) -> list[Row]:
    with RecordReader(path, fields=None, unique_ids=False, **options) as reader:
        return list(reader)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=look_alike_files())
def test_values_do_not_depend_on_the_reader_options(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "students.csv"
        path.write_text(text, encoding="utf-8")
        plain, *memoised = (read(path, **options) for options in OPTIONS)
    for rows in memoised:
        assert [(r.line, r.error is None, r.student_id, r.programme) for r in rows] == \
            [(r.line, r.error is None, r.student_id, r.programme) for r in plain]
        assert [r.values for r in rows] == [r.values for r in plain]
    for row in plain:
        if row.error is None:
            assert row.values["student_id"] == row.student_id
            assert row.values["programme"] == row.programme


def test_rows_that_share_a_parse_still_carry_their_own_student_and_programme(tmp_path):
    path = tmp_path / "students.csv"
    path.write_text("studentnummer;opleiding;inschrijvingsjaar;ec_jaar1\n"
                    "1;59001;1;45\n2;59002;1;45\n3;59001;1;45\n", encoding="utf-8")
    rows = read(path, row_memo=True, memo_programme=False)
    assert rows[0].key == rows[1].key == rows[2].key  # one parse served all three
    assert rows[0].parsed is rows[1].parsed
    assert [(r.values["student_id"], r.values["programme"]) for r in rows] == \
        [("1", "59001"), ("2", "59002"), ("3", "59001")]
    pseudo = Pseudonymizer(b"k" * 32)
    renamed = list(pseudo.rows(rows))
    assert [r.values["student_id"] for r in renamed] == [pseudo("1"), pseudo("2"), pseudo("3")]
    assert [r.values["programme"] for r in renamed] == ["59001", "59002", "59001"]


def test_every_command_reads_with_the_memo_where_the_rule_set_allows_it():
    """No command chooses: the record plan turns the row memo on exactly where it is safe."""
    for name in ("ho-current", "ho-proposed-2023", "mbo"):
        plan = record_plan([compile_ruleset(load(name))])
        assert plan.reader_options()["row_memo"] is plan.memo_safe
