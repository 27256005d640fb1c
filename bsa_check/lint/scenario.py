"""BSA255: a rule set for the proposed 2023 law says it is a proposal, not law.

A rule set with ``scenario: proposed_2023`` models the bill of 2023 (a 30 EC cap, a conversation
before the warning). Its verdicts are not law; with ``legal_status: proposal`` every reason says so.
Without it a user could take a proposal's binding negative for a lawful one, so this error refuses
the rule set for verdicts.

Passing example::

    scenario: proposed_2023
    legal_status: proposal

Failing example (BSA255 on ``legal_status``)::

    scenario: proposed_2023
    legal_status: law
"""

from __future__ import annotations

from typing import Any

from bsa_check.problems import ERROR

NAME = "scenario"
CODES = ("BSA255",)
SEVERITY = ERROR
BLOCKS_VERDICTS = True


def check(linter: Any) -> None:
    rs = linter.rs
    if rs.scenario == "proposed_2023" and rs.legal_status != "proposal":
        linter.add(("legal_status",), "BSA255", "scenario proposed_2023 is not law",
                   "set legal_status: proposal, so every verdict is labelled as not law")
