"""Signals (issue 15): SIGTERM and SIGHUP end a run like SIGINT.

The temp file of ``--output`` is removed (no file with verdicts is left behind), the exit code is
128 + the signal number, stderr has one line and no traceback, and ``--workers`` processes end
quietly (a Ctrl-C reaches the whole process group).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGHUP]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("signals") / "cohort.csv"
    subprocess.run([sys.executable, "-m", "bsa_check", "synth", "--rows", "150000", "--output", str(path)],
                   check=True, cwd=ROOT, env=ENV, timeout=300)
    return path


def _wait_for_temp_file(folder: Path, proc: subprocess.Popen, timeout: float = 60) -> None:  # type: ignore[type-arg]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.name.endswith(".tmp") for p in folder.iterdir()):
            time.sleep(0.2)  # well inside the run: rows are being read and written
            return
        assert proc.poll() is None, "the run ended before its temp file was seen"
        time.sleep(0.01)
    pytest.fail("no temp file appeared")


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_a_signal_removes_the_temp_file_and_exits_128_plus_n(tmp_path: Path, cohort: Path, signum: int,
                                                              fmt: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", "check", str(cohort), "--format", fmt,
                             "--as-of", "2026-08-20", "--output", str(out / f"verdicts.{fmt}")],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    _wait_for_temp_file(out, proc)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err
    assert err.strip() == f"bsa-check: stopped by {signal.Signals(signum).name}"
    assert list(out.iterdir()) == []  # no temp file, no partial output


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=lambda s: signal.Signals(s).name)
@pytest.mark.parametrize("command", ["check", "compare"])
def test_workers_end_quietly_when_the_process_group_is_signalled(tmp_path: Path, cohort: Path, signum: int,
                                                                 command: str) -> None:
    """A Ctrl-C (SIGINT) or a service stop (SIGTERM) reaches the parent and every worker."""
    out = tmp_path / "out"
    out.mkdir()
    extra = ["--format", "jsonl"] if command == "check" else ["--rules", "ho-current", "--rules", "ho-proposed-2023"]
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", command, str(cohort), *extra, "--workers", "2",
                             "--as-of", "2026-08-20", "--output", str(out / "result.json")],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV, start_new_session=True)
    _wait_for_temp_file(out, proc)
    os.killpg(proc.pid, signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip() == f"bsa-check: stopped by {signal.Signals(signum).name}"
    assert list(out.iterdir()) == []
    time.sleep(0.5)
    with pytest.raises(ProcessLookupError):  # no worker left running in the group
        os.killpg(proc.pid, 0)
