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
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # a hang: leave nothing running behind
        proc.kill()
        raise
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
                             "--as-of", "2026-08-20",
                             # the suffix names the format (issue 18: a contradicting suffix is refused)
                             "--output", str(out / ("result.jsonl" if command == "check" else "result.json"))],
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV, start_new_session=True)
    _wait_for_temp_file(out, proc)
    os.killpg(proc.pid, signum)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:  # a hang: leave nothing running behind
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip() == f"bsa-check: stopped by {signal.Signals(signum).name}"
    assert list(out.iterdir()) == []
    deadline = time.monotonic() + 10
    while _running_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _running_in_group(proc.pid) == []  # no worker left running


def _running_in_group(pgid: int) -> list[int]:
    """Processes of process group ``pgid`` that are still running (not zombies waiting for a reaper)."""
    running = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            running.append(int(entry.name))
    return running


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_inside_pytest_a_signal_is_a_keyboard_interrupt_then_exit_128_plus_n(signum: int) -> None:
    """``bsa-check test`` runs pytest, which ends on KeyboardInterrupt with its own summary (a
    ``Terminated`` there would be an INTERNALERROR); the run still exits with 128 + n."""
    from bsa_check.signals import AsKeyboardInterrupt, Terminated

    before = signal.getsignal(signum)
    raised = False
    with AsKeyboardInterrupt() as interrupted:
        try:
            os.kill(os.getpid(), signum)
            time.sleep(5)  # the handler runs at once
        except KeyboardInterrupt:
            raised = True
            raise  # a KeyboardInterrupt the library lets through is swallowed: reraise() ends the run
    assert raised
    assert interrupted.signum == signum and signal.getsignal(signum) is before
    with pytest.raises(Terminated) as info:
        interrupted.reraise()
    assert info.value.exit_code == 128 + signum
    with AsKeyboardInterrupt() as quiet:
        pass
    quiet.reraise()  # nothing happened: nothing raised


def test_a_library_failing_while_it_ends_on_a_signal_still_exits_128_plus_n() -> None:
    """pytest's report of the interrupted frame once failed with a TypeError (a frame without a line
    number), which escaped as a traceback with exit 1 in CI. After a signal, what the library raises
    while ending is swallowed and the run ends with 128 + n; without a signal an error stays an error."""
    from bsa_check.signals import AsKeyboardInterrupt, Terminated

    with AsKeyboardInterrupt() as interrupted:
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        except KeyboardInterrupt:
            raise TypeError("unsupported operand type(s) for -: 'NoneType' and 'int'") from None
    with pytest.raises(Terminated) as info:
        interrupted.reraise()
    assert info.value.exit_code == 128 + signal.SIGTERM
    with pytest.raises(TypeError), AsKeyboardInterrupt():
        raise TypeError("a real bug, no signal")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=lambda s: signal.Signals(s).name)
def test_the_test_command_ends_like_the_others(tmp_path: Path, signum: int) -> None:
    shipped = (ROOT / "tests" / "rules" / "ho-current.bsa-test.yaml").read_text(encoding="utf-8")
    for i in range(150):
        (tmp_path / f"copy{i:03}.bsa-test.yaml").write_text(shipped, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", "test", str(tmp_path), "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    time.sleep(2.5)
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the run ended before the signal (a fast machine)")
    assert proc.returncode == 128 + signum, out[-2000:] + err
    assert "INTERNALERROR" not in out + err and "Traceback" not in err
    assert err.strip().endswith(f"bsa-check: stopped by {signal.Signals(signum).name}")
