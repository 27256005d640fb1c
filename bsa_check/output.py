"""Output files: written atomically (temp file + rename), never over an input, not world-readable."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Iterator, TextIO

from bsa_check.errors import Location, UsageError


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


@contextlib.contextmanager
def open_output(path: str | None, inputs: list[str]) -> Iterator[TextIO]:
    """stdout when ``path`` is None; else a temp file renamed over ``path`` only on success."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    for inp in inputs:
        if _same_file(target, Path(inp)) or target.resolve() == Path(inp).resolve():
            raise UsageError(f"--output {path} is the input file; refusing to overwrite it",
                             location=Location(path), hint="choose another output file", code="BSA404")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"--output folder {folder} does not exist", location=Location(path),
                         hint="create the folder first, or choose another path", code="BSA405")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.chmod(tmp, 0o600)
    ok = False
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        os.replace(tmp, target)
        ok = True
    finally:
        if not ok:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
