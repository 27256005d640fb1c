"""``--workers``: a worker's rendered output handed to the parent out of band, in a memory file.

A worker's piece of ``check`` output (about nine times the bytes of the input it read) went to the
parent through the pool's result pipe: pickled, read, unpickled, then written to the output from
Python, every byte copied four times by the parent. That made the parent the bottleneck (issue 22:
its own CPU time was a fifth of the run's at 2 workers, more than a sixteenth of the work, so more
workers could not help). Now the worker writes the piece into an anonymous memory file
(``memfd_create``: no name, no path, gone when its last descriptor closes, also when a process is
killed), passes the descriptor to the parent over a Unix socket (``SCM_RIGHTS``), and the result
carries a :class:`PieceFile`, a token and a size. The parent copies the bytes to the output in the
kernel (``sendfile``, :meth:`bsa_check.output.GuardedWriter.write_file`), never reading them.

Nothing is written to a disk and no temp file can survive. Where the system lacks any part (no
``memfd_create``, no ``socket.send_fds``) or a step fails in the worker (no memory, too many open
files), the piece goes through the pipe as bytes, as before: the output is the same either way.
Where the parent cannot take a descriptor the worker sent (too many open files there: the kernel
drops it), the piece is *lost* and the run ends with BSA411 naming the open-file limit, never a
wrong output and never a hang (the pool's result thread must not raise). Tokens carry the
channel's number, so a late result of an earlier run in the same process is not waited for.

The channel is set up by :func:`open_channel` in the parent before the workers fork and closed by
:func:`close_channel` after the run; :func:`out_of_band` is called in a worker, and a
:class:`PieceFile` unpickled in the parent (the pool's result thread) receives its descriptor.
"""

from __future__ import annotations

import errno
import itertools
import os
import socket
import threading
from typing import Any

__all__ = ["PieceFile", "close_channel", "open_channel", "out_of_band"]

_CHANNELS = itertools.count()
MIN_BYTES = 1 << 16  # a smaller piece goes through the pipe: a memory file and a message cost more


class _Channel:
    """Both ends of the socket pair (the workers send on ``send``, the parent receives on ``receive``),
    and the parent's descriptors received before they were asked for (token -> descriptor)."""

    def __init__(self) -> None:
        self.receive, self.send = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.waiting: dict[bytes, int] = {}
        self.lock = threading.Lock()
        self.count = itertools.count()
        self.id = next(_CHANNELS)  # in every token: a late result from an earlier run is told apart

    def take(self, token: bytes) -> int:
        """The descriptor sent with ``token`` (a worker sent it before its result, so it is here);
        -1 when its message came without it (the kernel drops a passed descriptor the parent has no
        room for: too many open files)."""
        with self.lock:
            while token not in self.waiting:
                message, fds, _flags, _addr = socket.recv_fds(self.receive, 64, 1)
                for extra in fds[1:]:  # pragma: no cover - a worker sends one
                    os.close(extra)
                self.waiting[message] = fds[0] if fds else -1
            return self.waiting.pop(token)

    def close(self) -> None:
        with self.lock:
            for fd in self.waiting.values():  # a piece whose result never came (the run ended early)
                if fd >= 0:
                    os.close(fd)
            self.waiting.clear()
        self.receive.close()
        self.send.close()


_CHANNEL: _Channel | None = None


def available() -> bool:
    return hasattr(os, "memfd_create") and hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")


def open_channel() -> bool:
    """In the parent, before the workers fork: pieces may go out of band. False where they cannot."""
    global _CHANNEL
    if _CHANNEL is None and available():
        try:
            _CHANNEL = _Channel()
        except OSError:  # pragma: no cover - e.g. too many open files: the pipe carries the pieces
            return False
    return _CHANNEL is not None


def close_channel() -> None:
    """In the parent, after the run: the channel and every descriptor not yet taken are closed."""
    global _CHANNEL
    channel, _CHANNEL = _CHANNEL, None
    if channel is not None:
        channel.close()


def out_of_band(data: bytes) -> bytes | PieceFile:
    """In a worker: ``data`` in a memory file whose descriptor is on its way to the parent, as the
    :class:`PieceFile` to return in its place; ``data`` itself where there is no channel, the piece
    is small, or a step fails."""
    channel = _CHANNEL
    if channel is None or len(data) < MIN_BYTES:
        return data
    fd = -1
    try:
        fd = os.memfd_create("bsa-check-piece", os.MFD_CLOEXEC)
        view = memoryview(data)
        written = 0
        while written < len(data):
            written += os.write(fd, view[written:])
        token = f"{channel.id}:{os.getpid()}:{next(channel.count)}".encode()
        socket.send_fds(channel.send, [token], [fd])
    except OSError:
        return data
    finally:
        if fd >= 0:
            os.close(fd)  # the parent has its own descriptor now (or none was sent)
    return PieceFile(token, len(data))


def _received(token: bytes, size: int) -> PieceFile:
    """Unpickling a :class:`PieceFile` in the parent (in the pool's result thread): take its
    descriptor from the channel. Never raises (an exception there would end the pool's result
    thread and leave the run waiting): a piece whose descriptor cannot be had is *lost* (``fd``
    -1), and writing it raises BSA411 in the main thread."""
    channel = _CHANNEL
    if channel is None or not token.startswith(f"{channel.id}:".encode()):
        return PieceFile(token, size)  # a late result of an earlier run: its descriptor is not here
    try:
        return PieceFile(token, size, channel.take(token))
    except OSError:  # pragma: no cover - the channel broke
        return PieceFile(token, size)


def lost_error() -> OSError:
    return OSError(errno.EMFILE, "a worker's piece of the output did not reach this process")


class PieceFile:
    """Bytes in a memory file: ``size`` bytes from ``offset`` of descriptor ``fd`` (the parent's).

    Sliced like the bytes it stands for (``piece[start:end]``, a part sharing the descriptor), its
    length is theirs; the descriptor is closed by :meth:`close` or when the last part is collected.
    Pickled, it is its token and size (worker to parent), and the parent's unpickling takes the
    descriptor from the channel."""

    __slots__ = ("token", "size", "fd", "offset", "_root", "__weakref__")

    def __init__(self, token: bytes, size: int, fd: int = -1, offset: int = 0, root: PieceFile | None = None) -> None:
        self.token = token
        self.size = size
        self.fd = fd
        self.offset = offset
        self._root = root  # a part keeps the piece that owns the descriptor alive

    def __len__(self) -> int:
        return self.size

    def __bool__(self) -> bool:
        return self.size > 0

    def __getitem__(self, key: slice) -> PieceFile:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("a piece is sliced by a range of bytes")
        start, stop, _ = key.indices(self.size)
        root = self if self._root is None else self._root
        return PieceFile(self.token, max(0, stop - start), self.fd, self.offset + start, root)

    @property
    def lost(self) -> bool:
        """Its descriptor never reached this process (see ``_received``): the bytes are gone."""
        return self.fd < 0 and self.size > 0

    def read(self) -> bytes:
        """The bytes themselves (where the output cannot take them from the descriptor)."""
        if self.lost:
            raise lost_error()
        out = bytearray()
        while len(out) < self.size:
            data = os.pread(self.fd, min(self.size - len(out), 1 << 20), self.offset + len(out))
            if not data:
                raise OSError("a piece's memory file ended early")
            out += data
        return bytes(out)

    def close(self) -> None:
        if self._root is None and self.fd >= 0:
            fd, self.fd = self.fd, -1
            os.close(fd)

    def __del__(self) -> None:
        try:
            self.close()
        except OSError:  # pragma: no cover - already closed
            pass

    def __reduce__(self) -> tuple[Any, ...]:
        return (_received, (self.token, self.size))
