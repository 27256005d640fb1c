"""Output files: written atomically (temp file + rename), never over an input, not world-readable.

``--output`` names a regular file or a new path, nothing else (issue 15): the temp file is renamed
over the path, so a device (``/dev/null``), a FIFO, a socket, a directory or a symbolic link there
would be replaced by a file holding the verdicts (run as root, ``--output /dev/null`` replaced the
machine's ``/dev/null``). Such a target is refused before anything is written (BSA410; write to
standard output instead). A write that fails (disk full, read-only folder or file system, no
permission), to the file or to standard output, is one located message and exit code 2 (BSA411),
never a traceback, and leaves no temp file. Signals are handled in ``bsa_check.signals``: the temp
file is removed on the way out there too.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from bsa_check.errors import Location, UsageError

# Signals that end the run (bsa_check.signals); blocked while a temp file is created and not yet
# owned by the cleanup below, so none can leave it behind.
_ENDING = {signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])}

_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"), (stat.S_ISLNK, "a symbolic link"))


# sendfile cannot write to this output (or cannot here): the piece is copied through Python instead
_NO_SENDFILE = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ESPIPE, errno.EXDEV}


class OutputError(UsageError):
    """Writing the output failed (BSA411): exit code 2, the temp file removed."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def target_kind(path: str) -> str | None:
    """What ``path`` is when it is neither a regular file nor absent (``None`` then)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise write_failed(path, exc) from None
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def check_target(path: str) -> None:
    """Refuse an output path that names anything but a regular file or nothing (BSA410)."""
    what = target_kind(path)
    if what is not None:
        raise UsageError(f"--output names {what}, not a regular file; refusing to replace it",
                         location=Location(path), code="BSA410",
                         hint="give a new or regular file, or leave out --output and redirect standard output "
                              "(e.g. > /dev/null)")


def write_failed(where: str, exc: OSError) -> OutputError:
    reason = exc.strerror or type(exc).__name__
    hint = {errno.ENOSPC: "free some space, or write elsewhere", errno.EROFS: "write to a writable file system",
            errno.EACCES: "write to a folder you may write to", errno.EPERM: "write to a folder you may write to",
            errno.EDQUOT: "free some space (quota), or write elsewhere",
            errno.EMFILE: "raise the open-file limit (ulimit -n), or use fewer --workers"}.get(exc.errno or 0, "write elsewhere")
    what = "the output is incomplete" if where == STDOUT else "nothing was written"
    return OutputError(f"could not write the output: {reason}; {what}", location=Location(where),
                       hint=hint, code="BSA411")


class GuardedWriter:
    """A text stream whose failing writes raise :class:`OutputError` (BSA411) instead of an OSError.

    Everything else (``isatty``, ``encoding``, ``fileno``...) is the wrapped stream's.
    """

    def __init__(self, stream: TextIO, where: str) -> None:
        self._stream = stream
        self._where = where

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._where, exc) from None

    def write_bytes(self, data: bytes) -> None:
        """Bytes already encoded as this stream encodes (``--workers`` pieces), written after what
        the text layer holds; ``bytes_encoding`` says whether, and how, they may be."""
        try:
            self._stream.flush()
            self._stream.buffer.write(data)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._where, exc) from None

    def write_file(self, piece: Any) -> None:
        """Bytes held in a memory file (a ``--workers`` piece, :class:`bsa_check.pieces.PieceFile`),
        encoded as this stream encodes (``bytes_encoding``), written after what the text layer holds:
        copied in the kernel (``sendfile``) where the output is a descriptor that takes it, else read
        and written."""
        fd, offset, count = piece.fd, piece.offset, piece.size
        try:
            if piece.lost:  # its descriptor never arrived (too many open files): BSA411, not a hang
                piece.read()  # raises the OSError that says so
            self._stream.flush()
            buffer = self._stream.buffer  # only a stream with bytes_encoding gets pieces as bytes
            buffer.flush()
            try:
                out = buffer.fileno()
            except (ValueError, io.UnsupportedOperation):  # an in-memory stream
                out = -1
            while count and out >= 0:
                try:
                    sent = os.sendfile(out, fd, offset, count)
                except OSError as exc:
                    if exc.errno in _NO_SENDFILE:  # e.g. an O_APPEND file: copied here instead
                        break
                    raise
                if not sent:  # pragma: no cover - the memory file is shorter than its piece says
                    raise OSError(errno.EIO, "a piece's memory file ended early")
                offset += sent
                count -= sent
            if count:
                buffer.write(piece[piece.size - count:].read())
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._where, exc) from None

    @property
    def bytes_encoding(self) -> tuple[str, str] | None:
        """(encoding, errors) for :meth:`write_bytes`, or None where the stream takes text only
        (no binary buffer below it, or an encoding whose bytes depend on what came before)."""
        import codecs

        encoding = getattr(self._stream, "encoding", None)
        if not isinstance(encoding, str) or getattr(self._stream, "buffer", None) is None:
            return None
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            return None
        if name not in ("utf-8", "ascii", "iso8859-1", "cp1252"):
            return None
        return name, getattr(self._stream, "errors", None) or "strict"

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise write_failed(self._where, exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


STDOUT = "<standard output>"


@contextlib.contextmanager
def open_output(path: str | None, inputs: list[str]) -> Iterator[TextIO]:
    """stdout when ``path`` is None; else a temp file renamed over ``path`` only on success."""
    if path is None:
        out = GuardedWriter(sys.stdout, STDOUT)
        yield out  # type: ignore[misc]
        out.flush()
        return
    target = Path(path)
    for inp in inputs:
        if _same_file(target, Path(inp)) or target.resolve() == Path(inp).resolve():
            raise UsageError(f"--output {path} is the input file; refusing to overwrite it",
                             location=Location(path), hint="choose another output file", code="BSA404")
    check_target(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output folder {folder} does not exist", location=Location(path),
                         hint="create the folder first, or choose another path", code="BSA405")
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, _ENDING) if hasattr(signal, "pthread_sigmask") else None
    tmp: str | None = None
    ok = False
    try:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
            os.chmod(tmp, 0o600)
            handle = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise write_failed(path, exc) from None
        finally:
            if blocked is not None:  # a signal that came meanwhile is raised here, and tmp is removed below
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        with contextlib.ExitStack() as stack:
            stack.callback(_close, handle, path)
            yield GuardedWriter(handle, path)  # type: ignore[misc]
        check_target(path)  # still a regular file or nothing: never renamed over anything else
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise write_failed(path, exc) from None
        ok = True
    finally:
        if not ok and tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _close(handle: TextIO, path: str) -> None:
    try:
        handle.close()
    except OSError as exc:
        raise write_failed(path, exc) from None
