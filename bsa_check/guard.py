"""How a CLI run ends when something outside the tool ends it: a signal, or standard output that
cannot be written (a full disk, ``/dev/full``, a closed pipe). One line on stderr, no traceback.

- a signal (``bsa_check.signals.Terminated``): exit 128 + n at once (``end_workers_and_exit``);
- standard output failing (ENOSPC, EIO, ...): ``error[BSA411]`` and exit 2;
- a closed pipe (``| head``): exit 1 without a word, as click does.

Standard output is flushed here, inside the guard: left to the interpreter's shutdown, a failing
flush would print "Exception ignored" and exit 120.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

from bsa_check.signals import Terminated, end_workers_and_exit


def _silence_stdout() -> None:
    """Point standard output at the null device, so the interpreter's final flush cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


@contextlib.contextmanager
def guarded_exit() -> Iterator[None]:
    try:
        try:
            yield
        finally:
            sys.stdout.flush()
    except Terminated as exc:
        _silence_stdout()
        from bsa_check.i18n.problems import chosen

        sys.stderr.write(f"bsa-check: {'gestopt door' if chosen() == 'nl' else 'stopped by'} {exc.name}\n")
        sys.stderr.flush()
        end_workers_and_exit(exc.exit_code)
    except BrokenPipeError:
        _silence_stdout()
        raise SystemExit(1) from None
    except OSError as exc:
        from bsa_check.output import STDOUT, write_failed

        _silence_stdout()
        error = write_failed(STDOUT, exc)
        from bsa_check.i18n.problems import chosen, error_line

        sys.stderr.write(error_line(error, chosen()) + "\n")
        raise SystemExit(2) from None
