"""``--output`` targets and failing writes (issue 15).

``--output`` renamed its temp file over whatever the path named: run as root, ``--output /dev/null``
replaced the machine's ``/dev/null`` with a 0600 file holding the verdicts. These tests never touch
the real ``/dev/null``: each creates its own FIFO, character device (``mknod``, as root), socket,
directory or symbolic link in a temporary folder and checks that it is refused (BSA410, exit 2)
and left as it was. A failing write (a full disk, a file size limit, a read-only target, a full
standard output) is one message (BSA411) and exit code 2, with no temp file left.
"""

from __future__ import annotations

import errno
import os
import resource
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bsa_check.cli import app
from tests.conftest import EXAMPLES, ROOT

runner = CliRunner()
STUDENTS = str(EXAMPLES / "students.csv")
AS_OF = ["--as-of", "2026-08-20"]

COMMANDS = {
    "check": ["check", STUDENTS, *AS_OF],
    "check-json": ["check", STUDENTS, *AS_OF, "--format", "json"],
    "compare": ["compare", STUDENTS, "--rules", "ho-current", "--rules", "ho-proposed-2023", *AS_OF],
    "synth": ["synth", "--rows", "20"],
}


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _char_device(path: Path) -> None:
    """A character device like /dev/null (major 1, minor 3), made by the test in its own folder."""
    if os.geteuid() != 0:
        pytest.skip("mknod of a character device needs root")
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("mknod not permitted here")


def _socket(path: Path) -> None:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _directory(path: Path) -> None:
    path.mkdir()


def _symlink(path: Path) -> None:
    (path.parent / "elsewhere.txt").write_text("keep me\n")
    path.symlink_to(path.parent / "elsewhere.txt")


def _dangling_symlink(path: Path) -> None:
    path.symlink_to(path.parent / "not-there.txt")


KINDS: dict[str, tuple[Callable[[Path], None], Callable[[int], bool], str]] = {
    "fifo": (_fifo, stat.S_ISFIFO, "a FIFO"),
    "character-device": (_char_device, stat.S_ISCHR, "a character device"),
    "socket": (_socket, stat.S_ISSOCK, "a socket"),
    "directory": (_directory, stat.S_ISDIR, "a directory"),
    "symlink": (_symlink, stat.S_ISLNK, "a symbolic link"),
    "dangling-symlink": (_dangling_symlink, stat.S_ISLNK, "a symbolic link"),
}


def _left_over(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", list(KINDS))
def test_output_to_anything_but_a_regular_file_is_refused_and_left_alone(tmp_path: Path, kind: str,
                                                                          command: str) -> None:
    make, is_kind, words = KINDS[kind]
    target = tmp_path / "target"
    make(target)
    before = os.lstat(target)
    result = runner.invoke(app, [*COMMANDS[command], "--output", str(target)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"error[BSA410]: {target}: --output names {words}" in result.stderr
    after = os.lstat(target)
    assert is_kind(after.st_mode) and (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    assert _left_over(tmp_path) == []
    if kind == "symlink":
        assert (tmp_path / "elsewhere.txt").read_text() == "keep me\n"


def test_a_regular_file_and_a_new_path_are_still_written(tmp_path: Path) -> None:
    existing = tmp_path / "old.json"
    existing.write_text("old\n")
    for target in (existing, tmp_path / "new.json"):
        result = runner.invoke(app, [*COMMANDS["check-json"], "--output", str(target)])
        assert result.exit_code == 0, result.output
        assert target.read_text(encoding="utf-8").startswith("{") and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert _left_over(tmp_path) == []


# --- failing writes --------------------------------------------------------------------------------


class _FullDisk:
    """A text file whose writes fail as on a full disk (after ``after`` characters)."""

    def __init__(self, handle, after: int = 0) -> None:  # type: ignore[no-untyped-def]
        self.handle = handle
        self.after = after

    def write(self, text: str) -> int:
        self.after -= len(text)
        if self.after < 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self.handle.write(text)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.handle, name)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("after", [0, 700])
def test_a_full_disk_is_one_message_and_exit_2_without_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 command: str, after: int) -> None:
    from bsa_check import output

    real = os.fdopen
    monkeypatch.setattr(output.os, "fdopen", lambda *a, **k: _FullDisk(real(*a, **k), after))
    # the suffix names the format (issue 18: a suffix that contradicts --format is refused)
    target = tmp_path / ("out.json" if command == "check-json" else "out.txt")
    result = runner.invoke(app, [*COMMANDS[command], "--output", str(target)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"error[BSA411]: {target}: could not write the output: No space left on device" in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []  # neither the target nor a temp file


@pytest.mark.parametrize("failure", [errno.EROFS, errno.EACCES, errno.EDQUOT])
def test_a_failing_rename_or_create_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   failure: int) -> None:
    from bsa_check import output

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(failure, os.strerror(failure))

    target = tmp_path / "out.json"
    for name in ("replace", "chmod"):
        with monkeypatch.context() as patch:
            patch.setattr(output.os, name, refuse)
            result = runner.invoke(app, [*COMMANDS["check-json"], "--output", str(target)])
        assert result.exit_code == 2, result.output
        assert f"error[BSA411]: {target}: could not write the output: {os.strerror(failure)}" in result.stderr
        assert list(tmp_path.iterdir()) == []


def _child_limits(limit: int) -> Callable[[], None]:
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_real_write_failure_in_a_child_process(tmp_path: Path) -> None:
    """The file size limit (RLIMIT_FSIZE) makes the kernel refuse the write: a real failing write."""
    synth = subprocess.run([sys.executable, "-m", "bsa_check", "synth", "--rows", "3000",
                            "--output", str(tmp_path / "in.csv")], check=False, cwd=ROOT, timeout=120,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert synth.returncode == 0
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.run([sys.executable, "-m", "bsa_check", "check", str(tmp_path / "in.csv"), "--format", "jsonl",
                           *AS_OF, "--output", str(out / "v.jsonl")], check=False, capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)}, preexec_fn=_child_limits(50_000))
    assert proc.returncode == 2, proc.stderr
    assert "error[BSA411]" in proc.stderr and "File too large" in proc.stderr and "Traceback" not in proc.stderr
    assert list(out.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [
    ["check", STUDENTS, *AS_OF], ["check", STUDENTS, *AS_OF, "--format", "jsonl"],
    ["compare", STUDENTS, "--rules", "ho-current", "--rules", "ho-proposed-2023", *AS_OF],
    ["explain", STUDENTS, "900002", *AS_OF], ["validate", str(ROOT / "rules" / "ho-current.yaml")],
    ["rules"], ["schema"], ["synth", "--rows", "2000"],
], ids=lambda a: "-".join(x for x in a[:2] if not x.startswith("/"))[:30])
def test_a_full_standard_output_is_one_message_and_exit_2(args: list[str]) -> None:
    """Standard output on /dev/full (every write fails with ENOSPC; /dev/full is only written to)."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "bsa_check", *args], check=False, stdout=full, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("error[BSA411]: <standard output>: could not write the output: No space left") == 1
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "bsa_check", "synth", "--rows", "200000"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert "Traceback" not in err and "Exception ignored" not in err


# --- in a private mount namespace: /dev/null itself, and a read-only file system --------------------


def _in_private_mount_namespace(script: str) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    """Run ``script`` (sh) in a private mount namespace: mounts made there never reach this machine's."""
    import shutil

    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare")
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], check=False, capture_output=True)
    if probe.returncode != 0:
        pytest.skip("mount namespaces are not permitted here")
    return subprocess.run(["unshare", "-m", "--propagation", "private", "sh", "-c", script], check=False,
                          capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "PY": sys.executable})


@pytest.mark.parametrize("command", ["check", "synth"])
def test_output_dev_null_is_refused_in_a_private_mount_namespace(command: str) -> None:
    """The issue's own case, ``--output /dev/null``, run where /dev is a private tmpfs holding a
    /dev/null made by the test: this machine's /dev/null is never reachable from the run."""
    args = " ".join(COMMANDS[command][1:])
    proc = _in_private_mount_namespace(
        "mount -t tmpfs tmpfs /dev && mknod -m 666 /dev/null c 1 3 && "
        f'"$PY" -m bsa_check {command} {args} --output /dev/null; echo "rc=$?"; '
        'stat -c "%F %a" /dev/null; ls -A /dev')
    lines = proc.stdout.split("\n")
    assert lines[:3] == ["rc=2", "character special file 666", "null"], proc.stdout + proc.stderr
    assert "error[BSA410]: /dev/null: --output names a character device" in proc.stderr


def test_a_read_only_file_system_is_one_message(tmp_path: Path) -> None:
    out = tmp_path / "ro"
    out.mkdir()
    proc = _in_private_mount_namespace(
        f"mount --bind {out} {out} && mount -o remount,bind,ro {out} && "
        f'"$PY" -m bsa_check {" ".join(COMMANDS["check-json"][1:])} --output {out}/verdicts.json; echo "rc=$?"')
    assert proc.stdout.strip() == "rc=2", proc.stderr
    assert f"error[BSA411]: {out}/verdicts.json: could not write the output: Read-only file system" in proc.stderr
    assert "Traceback" not in proc.stderr and list(out.iterdir()) == []
