"""Signals that end a run: SIGINT, SIGTERM and SIGHUP, all handled alike (issue 15).

Each raises :class:`Terminated` in the main thread, a ``BaseException`` (like KeyboardInterrupt),
so no ``except Exception`` swallows it and every ``finally`` on the way out runs: the output's
temp file is removed (``bsa_check.output``), the worker pool is ended. The CLI then exits with
128 + the signal number and one line on stderr, without a traceback. Worker processes
(``--workers``) ignore SIGINT (a Ctrl-C reaches the whole process group; the parent ends them)
and die quietly on SIGTERM, the signal the pool ends them with.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator
from typing import Any

ENDING = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(BaseException):
    """The run was ended by a signal (``signum``)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    @property
    def name(self) -> str:
        try:
            return signal.Signals(self.signum).name
        except ValueError:
            return f"signal {self.signum}"


received: int | None = None  # the signal that is ending this run, once one came


def _raise(signum: int, frame: Any) -> None:
    global received
    received = signum
    raise Terminated(signum)


def kill_children() -> None:
    """Kill this process's worker processes at once (SIGKILL): after a signal, without the pool's
    own shutdown, which may wait forever for a queue lock a worker died holding."""
    import multiprocessing

    for child in multiprocessing.active_children():
        try:
            child.kill()
        except (OSError, ValueError):
            pass


def install() -> None:
    """In the CLI's main thread: SIGINT, SIGTERM and SIGHUP raise :class:`Terminated`."""
    for sig in ENDING:
        signal.signal(sig, _raise)


def quiet_worker() -> None:
    """A worker process's initializer: SIGINT ignored, SIGTERM and SIGHUP end it without a word.

    Workers are forked with these signals blocked (:func:`blocked`), so none arrives before this
    has run; they are unblocked here."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in ENDING:
        if sig != signal.SIGINT:
            signal.signal(sig, signal.SIG_DFL)
    import os
    import sys

    sys.stderr = _OrphanQuiet(sys.stderr, os.getppid())
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, ENDING)


class _OrphanQuiet:
    """A worker's stderr that says nothing once the parent is gone: a worker the pool started just
    as a signal ended the run finds its result pipe closed (BrokenPipeError), and its traceback
    would follow the user's prompt. While the parent lives, a worker's errors are shown as before."""

    def __init__(self, stream: Any, parent: int) -> None:
        self._stream = stream
        self._parent = parent

    def write(self, text: str) -> int:
        import os

        if os.getppid() != self._parent:
            return len(text)
        return int(self._stream.write(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def blocked() -> Iterator[None]:
    """The ending signals blocked in this thread while the block runs (delivered when it ends); what
    is forked or started meanwhile starts with them blocked."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, ENDING) if hasattr(signal, "pthread_sigmask") else None
    try:
        yield
    finally:
        if old is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def end_workers_and_exit(code: int) -> None:
    """Leave at once after a signal: kill the worker processes and skip the interpreter's exit
    handlers. A worker ended by the same signal (a Ctrl-C or ``kill`` of the process group) may
    have died holding the pool's queue lock, and the pool's own exit handler would wait for that
    lock forever. Everything that must be undone (the temp file) was undone on the way here."""
    import os

    kill_children()
    os._exit(code)


class AsKeyboardInterrupt:
    """While a library that handles KeyboardInterrupt itself runs (pytest, for ``bsa-check test``):
    SIGINT, SIGTERM and SIGHUP raise KeyboardInterrupt, so it ends its way (a summary, no internal
    error); the signal is kept in ``signum``, and :meth:`reraise` then ends the run with 128 + n."""

    def __init__(self) -> None:
        self.signum: int | None = None
        self._saved: dict[int, Any] = {}

    def _interrupt(self, signum: int, frame: Any) -> None:
        self.signum = signum
        raise KeyboardInterrupt

    def __enter__(self) -> AsKeyboardInterrupt:
        import threading

        if threading.current_thread() is threading.main_thread():
            for sig in ENDING:
                self._saved[sig] = signal.signal(sig, self._interrupt)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: object, tb: object) -> bool:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)
        # After an ending signal, what the library raises while it ends is swallowed, and
        # reraise() ends the run with 128 + n. pytest's report of the interrupted frame can itself
        # fail (a TypeError on a frame without a line number, once in CI); that printed a
        # traceback and exited 1.
        return self.signum is not None and exc_type is not None and issubclass(exc_type, (Exception, KeyboardInterrupt))

    def reraise(self) -> None:
        if self.signum is not None:
            raise Terminated(self.signum)
