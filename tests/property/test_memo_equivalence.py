"""Memoised checking (rows that look alike share values, verdicts and rendered JSON) gives exactly
the output of checking every row afresh."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bsa_check import synth
from bsa_check.engine.compile import compile_ruleset
from bsa_check.records.opener import open_records
from bsa_check.report import make_reporter
from bsa_check.report.machine import _text
from bsa_check.ruleset.load import load
from bsa_check.service import results

AS_OF = date(2026, 8, 20)
POOL = list(synth.rows(60, seed=3))
RULESETS = {name: compile_ruleset(load(name)) for name in ("ho-current", "ho-proposed-2023")}


PROGRAMMES = ("50201", "60102", "30104")


def _render(path, rs, fmt, memo, memo_programme=True):
    out = io.StringIO()
    with open_records(path, fields=rs.fields_read, required=tuple(sorted(rs.required_columns)), row_memo=memo,
                      memo_programme=memo_programme) as reader:
        reporter = make_reporter(fmt, out, rs, AS_OF, "nl", str(path), delimiter=reader.delimiter)
        reporter.start()
        for result in results(reader, rs, AS_OF):
            reporter.add(result)
        reporter.finish()
    return out.getvalue()


@settings(max_examples=25, deadline=None)
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=80),
       name=st.sampled_from(sorted(RULESETS)), fmt=st.sampled_from(["jsonl", "json", "csv"]),
       blank_id=st.integers(0, 200), bad_cell=st.integers(0, 200), blank_programme=st.integers(0, 200),
       programmes=st.lists(st.sampled_from(PROGRAMMES), min_size=1, max_size=80))
def test_memoised_output_is_identical(tmp_path_factory, picks, name, fmt, blank_id, bad_cell, blank_programme,
                                      programmes):
    lines = [";".join(synth.HEADER)]
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(2_000_000 + n)  # a new student, the same record otherwise
        row[1] = programmes[n % len(programmes)]  # ... often in another programme
        if n == blank_id:
            row[0] = ""  # an error row whose other cells match a memoised row
        if n == bad_cell:
            row[6] = "veel"  # a bad credits cell
        if n == blank_programme:
            row[1] = " "  # an error row (no programme) whose memo key matches an earlier row's
        lines.append(";".join(row))
    path = tmp_path_factory.mktemp("memo") / "cohort.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    rs = RULESETS[name]
    fresh = _render(path, rs, fmt, memo=False)
    assert _render(path, rs, fmt, memo=True) == fresh
    assert _render(path, rs, fmt, memo=True, memo_programme=False) == fresh


@given(st.text())
def test_fast_json_text_equals_json_dumps(text):
    # issue 15: DEL, C1 (U+0085 among them), bidi marks, the line separators and lone surrogates as \u escapes
    escaped = "".join(f"\\u{ord(c):04x}" if 0x7F <= ord(c) <= 0x9F or c in "\u2028\u2029\u061c\u200e\u200f"
                      or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069
                      or 0xD800 <= ord(c) <= 0xDFFF else c for c in json.dumps(text, ensure_ascii=False))
    assert _text(text) == escaped
    assert json.loads(_text(text)) == text  # lossless


@settings(max_examples=15, deadline=None)
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=80), bad_cell=st.integers(0, 100))
def test_memoised_compare_is_identical(tmp_path_factory, picks, bad_cell):
    from bsa_check.compare import compare
    from bsa_check.report.compare import to_json

    lines = [";".join(synth.HEADER)]
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(3_000_000 + n)
        row[1] = PROGRAMMES[i % len(PROGRAMMES)]
        if n == bad_cell:
            row[6] = "veel"
        lines.append(";".join(row))
    path = tmp_path_factory.mktemp("memo") / "cohort.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    rulesets = list(RULESETS.values())
    fields = frozenset().union(*(rs.fields_read for rs in rulesets))
    required = tuple(sorted(frozenset().union(*(rs.required_columns for rs in rulesets))))

    def run(memo, memo_programme=True):
        with open_records(path, fields=fields, required=required, row_memo=memo,
                          memo_programme=memo_programme) as reader:
            return to_json(compare(reader, rulesets, AS_OF, source=str(path)), "en")

    fresh = run(False)
    assert run(True) == fresh
    assert run(True, memo_programme=False) == fresh


@settings(max_examples=25, deadline=None)
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=60),
       name=st.sampled_from(sorted(RULESETS)), lang=st.sampled_from(["nl", "en"]))
def test_rendered_rows_equal_rendering_each_verdict_afresh(tmp_path_factory, picks, name, lang):
    """The tail memos (by record and by verdict signature) never change a row: every jsonl line and
    csv row equals the one rendered from that row's own verdict with no memo at all."""
    import csv as csv_module

    from bsa_check.report import verdict_dict
    from bsa_check.report.facts import CSV_COLUMNS, legal_cells
    from bsa_check.report.machine import _dump, safe_cell

    lines = [";".join(synth.HEADER)]
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(4_000_000 + n)
        lines.append(";".join(row))
    path = tmp_path_factory.mktemp("memo") / "cohort.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    rs = RULESETS[name]
    with open_records(path, fields=rs.fields_read, required=tuple(sorted(rs.required_columns)), row_memo=True,
                      memo_programme=False) as reader:
        got = [r for r in results(reader, rs, AS_OF) if r.verdict is not None]
    jsonl = make_reporter("jsonl", io.StringIO(), rs, AS_OF, lang, str(path))
    csv_rep = make_reporter("csv", io.StringIO(), rs, AS_OF, lang, str(path))
    jsonl.start()
    csv_rep.start()
    ruleset_id = f"{rs.name} {rs.version} sha256:{rs.sha256}"
    for r in got:
        fresh = verdict_dict(r, lang)
        assert jsonl.verdict_text(r) == _dump(fresh)
        expected = io.StringIO()
        # the legal facts are flat cells in csv (report.facts.legal_cells), json has them as fields
        flat = {**fresh, "error": "", "ruleset": ruleset_id, **dict(zip(CSV_COLUMNS, legal_cells(r.verdict, lang)))}
        csv_module.writer(expected, lineterminator="\n").writerow([safe_cell(flat[c]) for c in csv_rep.COLUMNS])
        assert csv_rep.verdict_text(r) == expected.getvalue()


@settings(max_examples=25, deadline=None)
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=80),
       name=st.sampled_from(sorted(RULESETS)), fmt=st.sampled_from(["jsonl", "json", "csv"]),
       broken=st.lists(st.tuples(st.integers(0, 80), st.sampled_from(["id", "credits", "programme", "duplicate",
                                                                       "year"])), max_size=4),
       programmes=st.lists(st.sampled_from(PROGRAMMES), min_size=1, max_size=80), pseudonymize=st.booleans(),
       block=st.sampled_from([1, 2, 5, 4096]))
def test_check_command_streams_what_results_render(tmp_path_factory, picks, name, fmt, broken, programmes,
                                                   pseudonymize, block):
    """``check`` renders machine formats from a memo of outcome and text (``service.rendered``), not
    from a Result per row; its output equals rendering every row's Result afresh, with no memo,
    for every kind of row: verdicts, unreadable cells, duplicates, empty required cells."""
    assert_check_streams(tmp_path_factory.mktemp("memo"), picks, name, fmt, broken, programmes, pseudonymize, block)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("block", [1, 2, 4096])
def test_check_command_writes_error_rows_in_their_place_among_blocks(tmp_path, fmt, block):
    """Error rows between verdict rows stay in input order however many rows a write holds."""
    assert_check_streams(tmp_path, [0, 1, 2, 3, 4, 5], "ho-current", fmt, [(2, "credits"), (3, "id"), (5, "duplicate")],
                         list(PROGRAMMES), False, block)


def assert_check_streams(directory, picks, name, fmt, broken, programmes, pseudonymize, block):
    from typer.testing import CliRunner

    import bsa_check.services.check_jobs as check_service
    from bsa_check.cli import app
    from bsa_check.privacy import KEY_ENV, Pseudonymizer

    lines = [";".join(synth.HEADER)]
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(5_000_000 + n)
        row[1] = programmes[n % len(programmes)]
        for at, kind in broken:
            if at == n:
                if kind == "id":
                    row[0] = ""
                elif kind == "credits":
                    row[6] = "veel"
                elif kind == "programme":
                    row[1] = ""
                elif kind == "duplicate" and n:
                    row[0], row[1] = str(5_000_000 + n - 1), programmes[(n - 1) % len(programmes)]
                elif kind == "year":
                    row[3] = ""  # year of enrolment: a rule needs it (an evaluation error)
        lines.append(";".join(row))
    path = directory / "cohort.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    rs = RULESETS[name]
    key = "k" * 32
    args = ["check", str(path), "--rules", name, "--as-of", AS_OF.isoformat(), "--format", fmt, "--lang", "nl"]
    saved, check_service.WRITE_BLOCK_ROWS = check_service.WRITE_BLOCK_ROWS, block  # rows written per write
    try:
        result = CliRunner().invoke(app, args + (["--pseudonymize"] if pseudonymize else []), env={KEY_ENV: key})
    finally:
        check_service.WRITE_BLOCK_ROWS = saved
    assert result.exit_code in (0, 1), result.output

    out = io.StringIO()
    with open_records(path, fields=rs.fields_read, required=tuple(sorted(rs.required_columns))) as reader:
        # The cohort is a ';' CSV (Dutch Excel): check writes CSV for Excel then (BOM, CRLF), unasked
        reporter = make_reporter(fmt, out, rs, AS_OF, "nl", str(path), delimiter=reader.delimiter,
                                 pseudonymized=pseudonymize, excel=fmt == "csv" and reader.delimiter == ";")
        reporter.start()
        stream = results(reader, rs, AS_OF)
        for r in (Pseudonymizer(key.encode()).results(stream) if pseudonymize else stream):
            reporter.add(r)
        reporter.finish()
    assert result.stdout_bytes.decode("utf-8") == out.getvalue()  # bytes: click's stdout turns CRLF into LF
