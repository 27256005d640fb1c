"""The synthetic cohort generator: deterministic, calibrated (domain.md §9), and clean input for check."""

from __future__ import annotations

import io
import json
from collections import Counter
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from bsa_check import synth
from bsa_check.cli import app

runner = CliRunner()
SECTOR = {p.code: p.sector for p in synth.PROGRAMMES}
COL = {name: i for i, name in enumerate(synth.HEADER)}


def _csv(count: int, seed: int = 1, **kw) -> str:
    out = io.StringIO()
    assert synth.write_csv(out, count, seed=seed, **kw) == count
    return out.getvalue()


def test_same_seed_same_bytes_and_another_seed_differs():
    assert _csv(500, seed=7) == _csv(500, seed=7)
    assert _csv(500, seed=7) != _csv(500, seed=8)
    # a prefix of a larger run is the smaller run: rows do not depend on the total count
    assert _csv(1000, seed=7).startswith(_csv(500, seed=7))


def test_header_and_shape():
    text = _csv(300)
    lines = text.split("\r\n")
    assert lines[0] == ";".join(synth.HEADER)
    assert lines[-1] == "" and len(lines) == 302  # header + rows + final CRLF
    assert all(line.count(";") == len(synth.HEADER) - 1 for line in lines[:-1])
    ids = [line.split(";")[0] for line in lines[1:-1]]
    assert len(set(ids)) == len(ids)


def _full_time_enrolled_first_years(rows, sector):
    return [r for r in rows if SECTOR[r[COL["opleiding"]]] == sector and r[COL["deeltijd"]] == "nee"
            and not r[COL["uitschrijfdatum"]] and r[COL["inschrijvingsjaar"]] == "1"
            and r[COL["inschrijfdatum"]].startswith("01-09")]


@pytest.mark.parametrize("sector, low, high", [("wo", 0.10, 0.15), ("hbo", 0.08, 0.18)])
def test_share_under_a_45_ec_norm_is_calibrated(sector, low, high):
    rows = list(synth.rows(20_000, seed=11))
    selected = _full_time_enrolled_first_years(rows, sector)
    assert len(selected) > 3000
    credits = [Decimal(r[COL["ec_jaar1"]].replace(",", ".")) for r in selected]
    under = sum(c < 45 for c in credits) / len(credits)
    assert low <= under <= high, under
    # a mass at 60 (the whole first year) and a tail of early leavers
    assert sum(c == 60 for c in credits) / len(credits) > 0.3
    assert sum(c <= 15 for c in credits) / len(credits) > 0.02


def test_population_has_every_situation_the_rules_distinguish():
    rows = list(synth.rows(5000, seed=2))
    count = Counter()
    for r in rows:
        count["part_time"] += r[COL["deeltijd"]] == "ja"
        count["deregistered"] += bool(r[COL["uitschrijfdatum"]])
        count["circumstances"] += r[COL["persoonlijke_omstandigheden"]] != "geen"
        count["late_entry"] += r[COL["inschrijfdatum"]].startswith("01-02")
        count["year_two"] += r[COL["inschrijvingsjaar"]] == "2"
        count["warned_not_heard"] += bool(r[COL["waarschuwingsdatum"]]) and not r[COL["hoordatum"]]
        count["half_ec"] += r[COL["ec_jaar1"]].endswith(",5")
    for key in ("part_time", "deregistered", "circumstances", "late_entry", "year_two", "warned_not_heard", "half_ec"):
        assert count[key] > 20, key


@pytest.mark.parametrize("rules", ["ho-current", "ho-proposed-2023"])
def test_output_passes_check_with_no_errors_and_gives_every_ho_outcome(tmp_path, rules):
    path = tmp_path / "cohort.csv"
    result = runner.invoke(app, ["synth", "--rows", "3000", "--seed", "5", "--output", str(path)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "verdicts.json"
    result = runner.invoke(app, ["check", str(path), "--rules", rules, "--as-of", "2026-08-20",
                                 "--format", "json", "--output", str(out)])
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    assert summary["errors"] == 0 and summary["rows"] == 3000
    for outcome in ("positive", "negative", "procedure_incomplete", "needs_review", "no_advice"):
        assert summary[outcome] > 0, outcome


def test_years_spread_rows_over_academic_years():
    rows = list(synth.rows(900, seed=1, first_year=2025, years=3))
    assert Counter(r[COL["collegejaar"]] for r in rows) == {"2023-2024": 300, "2024-2025": 300, "2025-2026": 300}


def test_stdout_when_no_output_is_asked():
    result = runner.invoke(app, ["synth", "--rows", "3"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == ";".join(synth.HEADER) and len(result.stdout.splitlines()) == 4
