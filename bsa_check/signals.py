"""Signals that end a run: SIGINT, SIGTERM and SIGHUP, all handled alike (issue 15).

Each raises :class:`Terminated` in the main thread, a ``BaseException`` (like KeyboardInterrupt),
so no ``except Exception`` swallows it and every ``finally`` on the way out runs: the output's
temp file is removed (``bsa_check.output``), the worker pool is ended. The CLI then exits with
128 + the signal number and one line on stderr, without a traceback. Worker processes
(``--workers``) ignore SIGINT (a Ctrl-C reaches the whole process group; the parent ends them)
and die quietly on SIGTERM, the signal the pool ends them with.
"""

from __future__ import annotations

import signal
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


def _raise(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def install() -> None:
    """In the CLI's main thread: SIGINT, SIGTERM and SIGHUP raise :class:`Terminated`."""
    for sig in ENDING:
        signal.signal(sig, _raise)


def quiet_worker() -> None:
    """A worker process's initializer: SIGINT ignored, SIGTERM and SIGHUP end it without a word."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in ENDING:
        if sig != signal.SIGINT:
            signal.signal(sig, signal.SIG_DFL)


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

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._saved.items():
            signal.signal(sig, handler)

    def reraise(self) -> None:
        if self.signum is not None:
            raise Terminated(self.signum)
