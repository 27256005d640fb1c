"""Find and read rule files: a bundled name (``ho-current``) or a path; read once, at most a size limit, as UTF-8.

Loading (``load``), following ``extends``, ``validate`` and ``rules --show`` read rule files through here;
every problem is a :class:`RuleFileError` located at the file.
"""

from __future__ import annotations

import difflib
import stat
from importlib import resources
from pathlib import Path

from bsa_check.errors import Location, RuleFileError

MAX_RULE_FILE_BYTES = 1024 * 1024  # rule files are small; a larger one is refused unread


def _bundled_dir() -> Path | None:
    """The bundled ``rules/`` folder: installed as package ``bsa_check._rules``, or the source tree."""
    try:
        root = resources.files("bsa_check._rules")
        path = Path(str(root))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    source = Path(__file__).resolve().parent.parent.parent / "rules"
    return source if source.is_dir() else None


def bundled_rule_files() -> dict[str, Path]:
    """Bundled rule-set name (file stem) -> path."""
    folder = _bundled_dir()
    if folder is None:
        return {}
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def not_a_file(path: Path) -> str | None:
    """What is wrong with ``path`` as a file to read (``None``: a regular file): it does not exist,
    or is a directory, or exists but is no regular file (a device such as /dev/zero, a pipe, a
    socket), which must not be read."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "does not exist"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory, not a rule file"
    return "is not a regular file (a device, pipe or socket), not a rule file"


def resolve(name_or_path: str) -> tuple[Path, bool]:
    """A bundled name or a path to a rule file. Raises RuleFileError naming what exists."""
    bundled = bundled_rule_files()
    if name_or_path in bundled:
        return bundled[name_or_path], True
    path = Path(name_or_path)
    what = not_a_file(path)
    if what is None:
        return path, False
    if what != "does not exist":
        raise RuleFileError(f"{name_or_path} {what}", location=Location(name_or_path),
                            hint="give the path of a .yaml rule file, or a bundled name", code="BSA110")
    names = ", ".join(bundled) or "(none)"
    close = difflib.get_close_matches(name_or_path, list(bundled), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    raise RuleFileError(
        f"no bundled rule set or file named {name_or_path!r}",
        location=Location(name_or_path),
        hint=f"{hint}bundled rule sets: {names}; or give a path to a .yaml rule file",
        code="BSA110",
    )


def read_source(path: Path, what: str, limit: int) -> tuple[bytes, str]:
    """Read a YAML source file of at most ``limit`` bytes as UTF-8: (raw bytes, text); errors located.

    ``what`` names the file in messages ("rule file", "test file").
    """
    file = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise RuleFileError(f"{what} is {size} bytes; the limit is {limit}", location=Location(file),
                                hint="split it, or check it is the right file", code="BSA105")
        raw = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(f"cannot read {what}: {exc.strerror or exc}", location=Location(file),
                            hint="check the path and permissions", code="BSA110") from None
    try:
        return raw, raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise RuleFileError(f"{what} is not UTF-8", location=Location(file, line), hint="save it as UTF-8",
                            code="BSA100") from None
