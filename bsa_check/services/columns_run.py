"""``bsa-check columns`` end to end: a proposed column mapping from an export's header and a sample.

Called by the CLI, which parses the options: :func:`propose_mapping` reads the header and a sample
of rows, writes the mapping and returns the proposal (the tool's own errors are raised);
:func:`proposal_notes` says on stderr what it placed and what it could not; the CLI sets the exit code.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsa_check.services.common import Text, stderr, usable_many

if TYPE_CHECKING:
    from bsa_check.records.propose import Proposal


def propose_mapping(students: str, rules: list[str] | None, output: str | None, sheet: str | None,
                    param: list[str] | None) -> Proposal:
    """Propose a mapping for the rule sets' fields (default ho-current) and write it to ``output``."""
    from bsa_check.output import open_output
    from bsa_check.records.plan import record_plan
    from bsa_check.records.propose import SAMPLE_ROWS, propose, render
    from bsa_check.records.opener import open_records

    rulesets = usable_many(rules or ["ho-current"], param)
    plan = record_plan(rulesets)
    with open_records(students, fields=(), required=(), unique_ids=False, sheet=sheet) as reader:
        headers = list(reader.headers)
        sample = reader.sample(SAMPLE_ROWS)
        sheet_name = getattr(reader, "sheet", None)
    proposal = propose(students, headers, sample, plan.required, sorted(plan.fields),
                       sheet=sheet_name, rulesets=[rs.name for rs in rulesets])
    with open_output(output, [students, *(rs.path for rs in rulesets)]) as out:
        out.write(render(proposal))
    return proposal


def proposal_notes(proposal: Proposal, language: str) -> None:
    """stderr: the summary line, then one warning (BSA342) per step left to the user."""
    from bsa_check.i18n.problems import severity, translate
    from bsa_check.records.propose import summary

    err = stderr()
    head, *steps = summary(proposal, language)
    err.print(Text(head))
    for line in steps:
        err.print(Text(f"{severity('warning', language)}[BSA342]: {translate('BSA342', line, language)}"),
                  style="yellow")
