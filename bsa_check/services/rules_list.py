"""``bsa-check rules``: the bundled rule sets as a table or as JSON.

Called by the CLI, which parses the options and prints: :func:`bundled_models` loads them (the
tool's own errors are raised), :func:`rules_json` and :func:`rules_table` render them.
"""

from __future__ import annotations

from typing import Any

from bsa_check.services.common import Text


def bundled_models() -> list[Any]:
    """The rule model of every bundled rule set, in the bundle's order."""
    from bsa_check.ruleset.load import bundled_rule_files, load_file

    return [load_file(path, bundled=True).model for path in bundled_rule_files().values()]


def rules_json(models: list[Any], language: str) -> str:
    """Name, version, title, legal status, valid from and sector of each, as a JSON list."""
    import json

    return json.dumps([{"name": m.name, "version": m.version, "title": getattr(m.title, language),
                        "legal_status": m.legal_status, "valid_from": m.valid_from.isoformat(),
                        "sector": m.sector} for m in models], ensure_ascii=False, indent=2)


def rules_table(models: list[Any], language: str) -> Any:
    """A rich Table of them (a proposal's status in bold yellow)."""
    from rich.table import Table

    from bsa_check.i18n import fmt_date, t

    table = Table()
    for key in ("rules.name", "rules.title", "rules.status", "rules.valid_from", "rules.version", "rules.sector"):
        table.add_column(t(key, language), no_wrap=key in ("rules.name", "rules.valid_from"))
    for m in models:
        status = t(f"status.{m.legal_status}", language)
        table.add_row(m.name, getattr(m.title, language), Text(status, style="bold yellow" if
                                                                 m.legal_status == "proposal" else ""),
                      fmt_date(m.valid_from, language), m.version, m.sector.upper())
    return table
