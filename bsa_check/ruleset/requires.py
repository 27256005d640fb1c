"""Precondition sets: a rule's ``requires`` may name a set of preconditions defined under the top-level
``preconditions``; the loader expands each name into the set's preconditions, so the rest of the tool
sees only preconditions (in a chain of ``extends``, after the whole chain is merged).
"""

from __future__ import annotations

import copy
from typing import Any

from bsa_check.ruleset.merge import MergedPositions, rule_error
from bsa_check.ruleset.yamlsafe import PositionMap


def _own_rule_names_inherited_set(positions: PositionMap, i: int, name: str) -> bool:
    """Whether rule ``i`` is written in this file and the set it names comes from a parent: then a problem of
    its ``requires`` (BSA259, BSA253) is the rule's, located at the rule, not in a file its author cannot edit."""
    rule_file = positions.locate(("rules", i)).file
    return rule_file == positions.file and positions.locate(("preconditions", name)).file != rule_file


def expand_requires(data: Any, positions: PositionMap,
                    origins: dict[str, str] | None = None) -> tuple[Any, PositionMap]:
    """Replace each precondition-set name in a rule's ``requires`` by the set's preconditions (the rest of
    the tool sees only preconditions); an expanded precondition is located where the set defines it, and
    ``origins["set:RULE:PRECONDITION"]`` names its set (for explain). A name that is no set is refused
    (BSA145), located at the name."""
    rules = data.get("rules") if isinstance(data, dict) else None
    if not isinstance(rules, list):
        return data, positions
    sets = data.get("preconditions") if isinstance(data.get("preconditions"), dict) else {}
    if not any(isinstance(r, dict) and isinstance(r.get("requires"), list)
               and any(isinstance(x, str) for x in r["requires"]) for r in rules):
        return data, positions
    out = dict(data)
    out["rules"] = list(rules)
    where = MergedPositions(positions)
    for i, rule in enumerate(rules):
        if not (isinstance(rule, dict) and isinstance(rule.get("requires"), list)
                and any(isinstance(x, str) for x in rule["requires"])):
            continue
        expanded: list[Any] = []
        for k, item in enumerate(rule["requires"]):
            if not isinstance(item, str):
                where.route(("rules", i, "requires", len(expanded)), positions, ("rules", i, "requires", k))
                expanded.append(item)
                continue
            members = sets.get(item)
            if not isinstance(members, list):
                known = ", ".join(sets) or "(none)"
                raise rule_error(f"rules.{i}.requires names {item!r}, which is not a precondition set of this rule set",
                                 positions, ("rules", i, "requires", k),
                                 f"precondition sets: {known}; define it under top-level preconditions", "BSA145")
            for m, pre in enumerate(members):
                where.route(("rules", i, "requires", len(expanded)), positions, ("preconditions", item, m))
                expanded.append(copy.deepcopy(pre))
                if origins is not None and isinstance(pre, dict) and isinstance(pre.get("id"), str):
                    origins[f"set:{rule.get('id')}:{pre['id']}"] = item
        names = [x for x in rule["requires"] if isinstance(x, str)]
        if len(names) == 1 and len(rule["requires"]) == 1 and not _own_rule_names_inherited_set(positions, i, names[0]):
            # a problem of the whole list is one of the set
            where.route(("rules", i, "requires"), positions, ("preconditions", names[0]))
        new = dict(rule)
        new["requires"] = expanded
        out["rules"][i] = new
    return out, where
