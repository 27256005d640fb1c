"""--workers N gives exactly the single-process output, for check (every machine format) and compare,
also on messy files: quoted line breaks, bad cells, duplicates, ragged rows, blank lines, a stray quote."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from bsa_check import parallel, pieces, synth
from bsa_check.cli import app

runner = CliRunner()
POOL = list(synth.rows(40, seed=9))
AS_OF = "2026-08-20"

pytestmark = pytest.mark.skipif(not parallel.fork_available(), reason="--workers needs fork (Linux)")


@pytest.fixture(autouse=True)
def every_piece_out_of_band(monkeypatch):
    """Every worker's piece goes to the parent in a memory file (bsa_check.pieces), however small
    these test files' pieces are: the byte-for-byte tests below run through that path (and the
    in-band path, where it is not available, has its own test)."""
    monkeypatch.setattr(pieces, "MIN_BYTES", 0)


def _messy_file(path, picks, damage):
    lines = [";".join(synth.HEADER)]
    made = []
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(4_000_000 + n)
        made.append(tuple(row))
        kind = damage.get(n)
        if kind == "dup" and n >= 1:
            row = list(made[max(n - 3, 0)])  # the same student, programme and year as an earlier row
            row[6] = "12"
        elif kind == "bad":
            row[6] = "veel"
        elif kind == "quoted":
            row[10] = '"uit\nstel"'  # a quoted line break: one record over two lines
        elif kind == "ragged":
            row = row[:5]
        elif kind == "blank":
            lines.append("")
        elif kind == "noid":
            row[0] = ""
        elif kind == "stray":
            row[10] = '"uitstel'  # a quote that is never closed
        lines.append(";".join(row))
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def _run(*args):
    result = runner.invoke(app, [*map(str, args), "--as-of", AS_OF])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


damage_kinds = st.sampled_from(["dup", "bad", "quoted", "ragged", "blank", "noid", "stray"])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=120),
       damage=st.dictionaries(st.integers(0, 119), damage_kinds, max_size=12),
       fmt=st.sampled_from(["jsonl", "json", "csv"]), chunk=st.integers(64, 2048))
def test_check_with_workers_is_byte_identical(tmp_path_factory, monkeypatch, picks, damage, fmt, chunk):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", chunk)  # many small chunks
    path = tmp_path_factory.mktemp("w") / "cohort.csv"
    _messy_file(path, picks, damage)
    one = _run("check", path, "--format", fmt)
    three = _run("check", path, "--format", fmt, "--workers", "3")
    assert (three.exit_code, three.stdout, three.stderr) == (one.exit_code, one.stdout, one.stderr)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=120),
       damage=st.dictionaries(st.integers(0, 119), damage_kinds, max_size=12),
       list_changed=st.booleans(), chunk=st.integers(64, 2048))
def test_compare_with_workers_is_identical(tmp_path_factory, monkeypatch, picks, damage, list_changed, chunk):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", chunk)
    path = tmp_path_factory.mktemp("w") / "cohort.csv"
    _messy_file(path, picks, damage)
    args = ["compare", path, "--rules", "ho-current", "--rules", "ho-proposed-2023", "--format", "json",
            *(["--list-changed"] if list_changed else [])]
    one = _run(*args)
    two = _run(*args, "--workers", "2")
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)
    doc = json.loads(two.stdout)
    assert doc["totals"]["rows"] == doc["totals"]["compared"] + doc["totals"]["errors"]


def test_the_file_is_really_split_and_workers_really_run(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 256)
    path = tmp_path / "cohort.csv"
    _messy_file(path, list(range(40)) * 3, {})
    from bsa_check.records.opener import open_records

    with open_records(path) as reader:
        planned = parallel.plan(reader, 2)
        assert planned is not None
        parts = list(planned)  # cut lazily, as the run hands them out
    assert len(parts) > 10
    seen_pids = set()

    def work(rows, recorder):
        import os

        return [(os.getpid(), row.line) for row in rows]

    with open_records(path) as reader:
        lines = []
        for out, _ in parallel.run(reader, iter(parts), 2, work):
            seen_pids |= {pid for pid, _ in out}
            lines += [line for _, line in out]
    assert lines == list(range(2, 122))  # every data row once, in order
    import os

    assert os.getpid() not in seen_pids and len(seen_pids) >= 1


def test_text_format_and_unsplittable_files_fall_back_to_one_process(tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes((";".join(synth.HEADER) + "\r" + ";".join(POOL[0]) + "\r").encode())
    from bsa_check.records.opener import open_records

    with open_records(path) as reader:
        assert parallel.plan(reader, 2) is None  # bare CR line endings
        assert parallel.plan(reader, 1) is None
    one = _run("check", path, "--format", "jsonl")
    two = _run("check", path, "--format", "jsonl", "--workers", "2")
    assert one.stdout == two.stdout and one.exit_code == two.exit_code


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_duplicates_across_chunks_are_flagged_as_in_one_process(tmp_path, monkeypatch, fmt):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 200)
    path = tmp_path / "cohort.csv"
    _messy_file(path, list(range(40)) * 2, {10: "dup", 45: "dup", 70: "dup", 5: "bad", 50: "quoted"})
    one = _run("check", path, "--format", fmt)
    two = _run("check", path, "--format", fmt, "--workers", "3")
    assert one.stdout.count("BSA313") == 3
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)


def _dup_cohort(path, picks, repeats):
    """A cohort where ``repeats`` (row -> earlier row) repeat an earlier row's key, some more than once."""
    lines = [";".join(synth.HEADER)]
    made = []
    for n, i in enumerate(picks):
        row = list(POOL[i])
        row[0] = str(5_000_000 + n)
        earlier = repeats.get(n)
        if earlier is not None and earlier < n:
            row = list(made[earlier])
            row[6] = str(n % 60)  # other credits: a duplicate need not be the same row
        made.append(tuple(row))
        lines.append(";".join(row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(picks=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=150),
       repeats=st.dictionaries(st.integers(1, 149), st.integers(0, 148), max_size=40),
       fmt=st.sampled_from(["jsonl", "json", "csv", "text"]), workers=st.integers(2, 5),
       chunk=st.integers(64, 4096))
def test_workers_name_the_first_line_of_each_duplicate_as_one_process_does(
        tmp_path_factory, monkeypatch, picks, repeats, fmt, workers, chunk):
    """Duplicates found by the keepers (partitioned by key hash over processes) name the first line
    of each key in file order, and the whole output is the one-process output, byte for byte."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", chunk)
    path = tmp_path_factory.mktemp("d") / "cohort.csv"
    _dup_cohort(path, picks, repeats)
    one = _run("check", path, "--format", fmt)
    many = _run("check", path, "--format", fmt, "--workers", str(workers))
    assert (many.exit_code, many.stdout, many.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_keepers_split_the_keys_and_each_duplicate_names_its_first_line(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 300)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 3, {50: 3, 90: 3, 100: 50, 119: 0})
    from bsa_check.records.opener import open_records

    found = {}
    with open_records(path) as reader:
        planned = parallel.plan(reader, 4)
        assert planned is not None
        parts = list(planned)
        assert len(parts) > 8
        for _, duplicates in parallel.run(reader, iter(parts), 4, lambda rows, recorder: [r.line for r in rows]):
            found.update(duplicates)
    assert parallel.keeper_count(4) == 2
    # data rows start on line 2: row n is on line n + 2; 100 repeats 50, which repeats 3
    assert found == {52: 5, 92: 5, 102: 5, 121: 2}


@pytest.mark.parametrize("out_of_band", [False, True])
def test_the_piece_is_bytes_when_the_output_is_utf8(tmp_path, monkeypatch, out_of_band):
    """Workers encode their piece; the parent writes the bytes as they come (no decoding there):
    through the result pipe, or in a memory file whose descriptor the parent receives."""
    monkeypatch.setattr(pieces, "MIN_BYTES", 0 if out_of_band else 1 << 40)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)), {})
    from bsa_check.records.opener import open_records
    from bsa_check.engine.compile import compile_ruleset
    from bsa_check.ruleset.load import load
    from bsa_check.report import make_reporter
    from bsa_check.services.check_jobs import check_work
    import io
    from datetime import date

    rs = compile_ruleset(load("ho-current"))
    reporter = make_reporter("jsonl", io.StringIO(), rs, date(2026, 8, 20), "en", str(path))
    reporter.start()
    with open_records(path) as reader:
        parts = parallel.plan(reader, 2)
        assert parts is not None
        work = check_work(reader, rs, date(2026, 8, 20), reporter, None, ("utf-8", "strict"))
        made = [chunk for chunk, _ in parallel.run(reader, parts, 2, work)]
        kind = pieces.PieceFile if out_of_band else bytes
        assert made and all(isinstance(p.piece, kind) for p in made)
        assert sum(len(p.lines) for p in made) == 40
        assert all(p.ends[-1] == len(p.piece) for p in made)
        text = b"".join(p.piece.read() if out_of_band else p.piece for p in made).decode()
    assert [json.loads(line)["line"] for line in text.splitlines()] == list(range(2, 42))


@pytest.mark.parametrize("value, expected", [("1", 1), ("16", 16), (" auto ", None), ("AUTO", None)])
def test_workers_takes_a_number_or_auto(value, expected):
    assert parallel.worker_count(value) == (expected or min(parallel.available_cores(), parallel.MAX_WORKERS))


@pytest.mark.parametrize("value", ["0", "65", "x", "-2", "2.5"])
def test_workers_refuses_anything_else(value):
    with pytest.raises(ValueError):
        parallel.worker_count(value)
    result = runner.invoke(app, ["check", "whatever.csv", "--workers", value])
    assert result.exit_code == 2 and "--workers" in result.output


def test_available_cores_follows_the_affinity(monkeypatch):
    import os

    if hasattr(os, "sched_getaffinity"):
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 3, 5})
        assert parallel.available_cores() == 3


def test_the_parent_writes_each_piece_whole(tmp_path, monkeypatch):
    """Issue 22: without a duplicate in it, a chunk is one write of the worker's bytes and one
    update of the counts: no loop over its rows in the parent."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 1024)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 2, {70: 5})
    writes, counted = [], []
    from bsa_check.report import Reporter

    real_write, real_count = Reporter.write_piece, Reporter.add_counted

    def write_piece(self, piece):
        writes.append(piece)
        real_write(self, piece)

    def add_counted(self, rows, counts, errors):
        counted.append(rows)
        real_count(self, rows, counts, errors)

    monkeypatch.setattr(Reporter, "write_piece", write_piece)
    monkeypatch.setattr(Reporter, "add_counted", add_counted)
    many = _run("check", path, "--format", "jsonl", "--workers", "2")
    with open_chunks(path) as parts:
        n = len(parts)
    assert n > 3
    # encoded in the workers, handed over in memory files (bsa_check.pieces): the parent never
    # receives the bytes through the pipe
    assert all(isinstance(w, pieces.PieceFile) for w in writes)
    # one write per chunk, except the chunk with the duplicate (row 70): written around it
    assert len(writes) == n + 1 and sum(counted) == 79
    one = _run("check", path, "--format", "jsonl")
    assert many.stdout == one.stdout and one.stdout.count("BSA313") == 1


def test_pieces_go_through_the_pipe_where_memory_files_are_not_available(tmp_path, monkeypatch):
    """No memfd_create or send_fds (or a piece too small to be worth one): the bytes come through
    the pool's result pipe, as before, and the output is the same."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 1024)
    monkeypatch.setattr(pieces, "available", lambda: False)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 2, {70: 5})
    writes = []
    from bsa_check.report import Reporter

    real_write = Reporter.write_piece
    monkeypatch.setattr(Reporter, "write_piece", lambda self, piece: (writes.append(piece), real_write(self, piece)))
    many = _run("check", path, "--format", "jsonl", "--workers", "2")
    assert writes and all(isinstance(w, bytes) for w in writes)
    assert many.stdout == _run("check", path, "--format", "jsonl").stdout


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_an_output_file_from_workers_is_the_one_process_file(tmp_path, monkeypatch, fmt):
    """--output: the pieces are copied from their memory files into the output file in the kernel
    (sendfile), around a duplicate too, and the file is the one-process file byte for byte."""
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 700)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 3, {70: 5, 101: 90})
    one, many = tmp_path / f"one.{fmt}", tmp_path / f"many.{fmt}"
    _run("check", path, "--format", fmt, "--output", one)
    _run("check", path, "--format", fmt, "--output", many, "--workers", "3")
    assert many.read_bytes() == one.read_bytes() and one.read_bytes().count(b"BSA313") == 2


def open_chunks(path):
    import contextlib

    from bsa_check.records.opener import open_records

    @contextlib.contextmanager
    def chunks():
        with open_records(path) as reader:
            planned = parallel.plan(reader, 2)
            yield None if planned is None else list(planned)

    return chunks()


@pytest.mark.skipif(not __import__("os").path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("command", ["check", "compare"])
def test_a_full_disk_with_workers_ends_at_once(tmp_path, command):
    """A write that fails (BSA411) while workers still send pieces: one message, exit 2, at once.
    Before, the pool's shutdown waited for ever on its result pipe's lock, held by a worker ended
    mid-write (4 runs in 6 hung at --workers 5), and a keeper waited for a pipe end a worker held."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    path = tmp_path / "cohort.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        synth.write_csv(out, 20_000, seed=4)
    extra = ["--rules", "ho-current", "--rules", "ho-proposed-2023", "--list-changed"] if command == "compare" else \
        ["--format", "jsonl"]
    import time

    took = []
    for _ in range(3):
        start = time.monotonic()
        with open("/dev/full", "w") as full:
            proc = subprocess.run([sys.executable, "-m", "bsa_check", command, str(path), *extra, "--as-of", AS_OF,
                                   "--workers", "5"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60,
                                  cwd=root, env={**os.environ, "PYTHONPATH": str(root)})
        took.append(time.monotonic() - start)
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("error[BSA411]") == 1 and "Traceback" not in proc.stderr
    # the keepers were waited for 5 s each before, so every run took longer; the fastest of three is
    # the guard, as a loaded machine slows single runs
    assert min(took) < 4.5, took


def test_a_keeper_whose_parent_is_gone_ends_without_a_traceback():
    """The parent's write failed and it closed the keepers' pipes while a keeper was answering a
    chunk: the keeper ends quietly (exit 0) instead of printing a BrokenPipeError traceback into the
    user's error output (seen once in CI under the full-disk test above)."""
    import multiprocessing
    from array import array

    context = multiprocessing.get_context("fork")
    mine, theirs = context.Pipe()
    mine.send_bytes(b"K" + array("q", [42]).tobytes() + array("I", [7]).tobytes())  # one chunk's keys
    mine.close()  # the parent is gone before the keeper answers: the answer hits a closed pipe
    proc = context.Process(target=parallel._keep, args=(theirs, [mine]), daemon=True)
    proc.start()
    theirs.close()
    try:
        proc.join(timeout=20)
        assert proc.exitcode == 0
    finally:
        if proc.is_alive():  # a keeper that hangs is a failure, not a process left behind
            proc.kill()
            proc.join()


def test_a_pool_told_to_start_no_new_workers_stays_empty_after_its_workers_are_killed():
    """The signal path (parallel.run's finally) kills the pool's workers; before, the pool's handler
    thread forked new ones in their place within a tenth of a second, which could escape the kill and
    hold the user's output pipe open."""
    import multiprocessing
    import time

    context = multiprocessing.get_context("fork")
    pool = context.Pool(2)
    try:
        first = list(pool._pool)
        parallel._no_new_workers(pool)
        for proc in first:
            proc.kill()
            proc.join(timeout=5)
        time.sleep(0.5)  # the handler looks every 0.1 s
        assert [p for p in multiprocessing.active_children() if p not in first and p.name.startswith("ForkPoolWorker")] \
            == []
    finally:
        parallel._abandon(pool)  # Pool.terminate waits for ever on killed workers (see _abandon)


def test_a_run_with_workers_leaves_no_descriptor_open(tmp_path, monkeypatch):
    """Every memory file a piece came in is closed once written (and the channel after the run)."""
    import os

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc/self/fd")
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 500)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 2, {70: 5})
    before = set(os.listdir("/proc/self/fd"))
    for fmt in ("jsonl", "json"):
        # exit 1: the duplicate row is an error row
        assert _run("check", path, "--format", fmt, "--workers", "2", "--output", tmp_path / f"o.{fmt}").exit_code == 1
    assert set(os.listdir("/proc/self/fd")) == before


def test_a_run_that_ends_early_closes_the_file_its_pieces_are_cut_from(tmp_path, monkeypatch):
    """The pieces are cut as they are handed out: a run that stops after its first piece (the
    consumer stopped, or an error) closes the file the cutting reads, with the run."""
    import os

    if not os.path.isdir("/proc/self/fd"):
        pytest.skip("needs /proc/self/fd")
    from bsa_check.records.opener import open_records

    monkeypatch.setattr(parallel, "CHUNK_BYTES", 256)
    path = tmp_path / "cohort.csv"
    _dup_cohort(path, list(range(40)) * 3, {})

    def cut_from():
        return sum(os.path.realpath(f"/proc/self/fd/{fd}") == str(path.resolve())
                   for fd in os.listdir("/proc/self/fd") if os.path.exists(f"/proc/self/fd/{fd}"))

    with open_records(path) as reader:
        opened = cut_from()  # the reader's own handle
        parts = parallel.plan(reader, 2)
        assert parts is not None
        run = parallel.run(reader, parts, 2, lambda rows, recorder: [r.line for r in rows])
        first, _ = next(run)
        assert first and cut_from() == opened + 1  # the cutting is under way, its file open
        run.close()  # the consumer stops after one piece
        assert cut_from() == opened


@pytest.mark.parametrize("workers", ["1", "2"])
def test_memos_that_give_way_to_the_memory_budget_change_no_output(tmp_path, monkeypatch, workers):
    """Issue 22 (flat at 5M): past the budget the memos halve; what is written stays the same."""
    from bsa_check import memo
    from bsa_check.services import cache

    path = tmp_path / "cohort.csv"
    rows = list(synth.rows(3000, seed=4))  # ~2,000 distinct records: the small memos below rotate
    path.write_text("\n".join([";".join(synth.HEADER), *(";".join(r) for r in rows)]) + "\n", encoding="utf-8")
    monkeypatch.setattr(memo, "MIN_SIZE", 16)
    monkeypatch.setattr(cache, "SIZES", {k: 256 for k in cache.SIZES})
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 4096)
    full = _run("check", path, "--format", "jsonl", "--workers", workers).stdout
    shrunk = []
    monkeypatch.setattr(memo, "BUDGET_BYTES", 0)  # every full generation is past the budget
    real_put = memo.Memo.put

    def put(self, key, value):
        before = self.size
        real_put(self, key, value)
        if self.size < before:
            shrunk.append(self.size)

    monkeypatch.setattr(memo.Memo, "put", put)
    small = _run("check", path, "--format", "jsonl", "--workers", workers).stdout
    assert small == full and len(full.splitlines()) == 3000
    if workers == "1":
        assert 16 in shrunk  # the memos did halve, down to the floor (in workers: other processes)
