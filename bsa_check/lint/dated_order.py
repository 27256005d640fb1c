"""BSA220 (warning): a parameter's dated values are listed oldest first.

A parameter's ``values`` (and each programme's under ``by_programme``) map a start date to the
value in force from then. The engine sorts them, but a reader of the file takes the order as
written: a table out of date order hides which value is in force when.

Passing example::

    norm_ec:
      values: {2024-09-01: 40, 2026-09-01: 42.5}

Failing example (BSA220 on ``values``)::

    norm_ec:
      values: {2026-09-01: 42.5, 2024-09-01: 40}
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import WARNING

NAME = "dated_order"
CODES = ("BSA220",)
SEVERITY = WARNING
BLOCKS_VERDICTS = False


def check(linter: Any) -> None:
    for name, p in linter.rs.parameters.items():
        tables: list[tuple[tuple[str, ...], dict[Any, Any]]] = [(("parameters", name, "values"), p.values)]
        tables += [(("parameters", name, "by_programme", code), v) for code, v in p.by_programme.items()
                   if isinstance(v, dict)]
        for path, table in tables:
            keys = list(table)
            if keys != sorted(keys):
                linter.add(path, "BSA220", f"dated values of {name!r} are not in date order",
                           "list them oldest first, so a reader sees which value is in force when", WARNING)
