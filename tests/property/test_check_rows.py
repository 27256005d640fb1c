"""Every data row of any input yields exactly one verdict or one error (design.md guarantee)."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check.cli import app

COLUMNS = {
    "studentnummer": st.text("0123456789", min_size=0, max_size=6),
    "opleiding": st.sampled_from(["59001", "59002", ""]),
    "collegejaar": st.sampled_from(["2025-2026", "2025", "", "2025-2027", "volgend jaar"]),
    "inschrijvingsjaar": st.sampled_from(["1", "2", "", "0", "een"]),
    "ec_jaar1": st.sampled_from(["45", "44,5", "0", "60,0", "", "-3", "4x", "1.234,5", "12.5"]),
    "deeltijd": st.sampled_from(["ja", "nee", "", "misschien"]),
    "uitschrijfdatum": st.sampled_from(["", "01-02-2026", "01-03-2026", "31-02-2026", "2026-03-01"]),
    "persoonlijke_omstandigheden": st.sampled_from(["", "geen", "ziekte", "ziekte|zwangerschap", "geldzorgen"]),
    "besluit_omstandigheden": st.sampled_from(["", "uitstel", "erkend", "afgewezen", "later"]),
    "waarschuwingsdatum": st.sampled_from(["", "12-05-2026", "1-5-2026", "morgen"]),
    "hoordatum": st.sampled_from(["", "03-07-2026", "2026-07-03"]),
    "inschrijfdatum": st.sampled_from(["", "01-09-2025", "01-02-2026", "30-02-2026"]),
    "propedeuse_behaald": st.sampled_from(["", "ja", "nee", "misschien"]),
    "adviesdatum": st.sampled_from(["", "15-08-2026", "15-03-2026"]),
}
# Every column the rule set reads must exist (a missing one is a file-level error, exit 2).
REQUIRED = ["studentnummer", "opleiding", "inschrijvingsjaar", "ec_jaar1", "deeltijd", "uitschrijfdatum",
            "persoonlijke_omstandigheden", "besluit_omstandigheden", "inschrijfdatum", "propedeuse_behaald"]
# NUL included: a NUL in a data cell is that row's error (BSA309), not the end of the run
free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)


@st.composite
def csv_files(draw):
    optional = [c for c in COLUMNS if c not in REQUIRED]
    header = list(REQUIRED)
    header += draw(st.lists(st.sampled_from(optional), unique=True))
    header = draw(st.permutations(header))
    delimiter = draw(st.sampled_from([";", ","]))
    rows = []
    for _ in range(draw(st.integers(0, 12))):
        row = [draw(COLUMNS[c] | free_text) if draw(st.integers(0, 9)) == 0 else draw(COLUMNS[c]) for c in header]
        rows.append(row)
    blank_lines = draw(st.lists(st.integers(0, len(rows)), max_size=3))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for i, row in enumerate(rows):
        if i in blank_lines:
            buf.write("\r\n")
        writer.writerow(row)
    return buf.getvalue()


def records_in(text: str) -> int:
    """How many records the stdlib csv module sees that are not entirely empty."""
    delimiter = ";" if text.split("\r\n", 1)[0].count(";") >= text.split("\r\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return sum(1 for r in rows[1:] if any(cell.strip() for cell in r))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=csv_files())
def test_one_verdict_or_one_error_per_row(text):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cohort.csv"
        path.write_text(text, encoding="utf-8", newline="")
        result = CliRunner().invoke(app, ["check", str(path), "--format", "jsonl", "--as-of", "2026-08-15"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1), result.output
    lines = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert len(lines) == records_in(text)
    for item in lines:
        assert ("outcome" in item) != ("error" in item)
        if "error" in item:
            assert item["error"]["file"] and item["line"] >= 2
    assert (result.exit_code == 1) == any("error" in item for item in lines)
