"""``extends``: a rule file that says only what is its own, on top of a bundled rule set or another file.

A file with ``extends: ho-current`` (a bundled name) or ``extends: ../base.yaml`` (a path relative to
the file; never a URL) inherits everything of its parent: metadata, parameters, derived values, rules
with their preconditions, the unit catalogue, compensation schemes. What it writes itself wins:

- a top-level key replaces the parent's (``name``, ``version``, ``title``, ``provenance``, ...);
- a parameter it names is merged key by key onto the parent's: its dated ``values`` and
  ``by_programme`` entries are added to (or replace, date by date, programme by programme) the
  parent's, so ``parameters: {norm_ec: {values: {2026-09-01: 40}}}`` is a complete override; a file
  that writes ``values`` of its own clears the parent's ``placeholder`` flag (unless it writes
  ``placeholder: true`` itself); ``unverified`` is inherited unless the file sets it;
- a derived value, compensation scheme, record bound or catalogue unit replaces the parent's of that name;
- ``not_automated`` entries replace the parent's of the same id, the others are added;
- each rule it writes says where it goes: ``replace: ID`` (in the parent's rule's place),
  ``before: ID`` or ``after: ID``; ``remove_rules: [{id: ID, reason: {nl, en}}]`` takes rules out.

The merge happens on the parsed YAML, before the schema: the merged data is then validated,
compiled and linted exactly like a flat file (so the legal lint judges the merged rule set), and
every problem is located in the file that wrote the offending part (``merge.MergedPositions``).
``origins`` records which file each rule, parameter value and derived value came from, for
``explain`` and ``validate``. Chains are at most :data:`MAX_DEPTH` deep; a cycle is refused.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from bsa_check.errors import BsaCheckError, ErrorList
from bsa_check.ruleset.files import MAX_RULE_FILE_BYTES, bundled_rule_files, not_a_file, read_source
from bsa_check.ruleset.merge import PLACEMENT, Merged, merge_onto, rule_error
from bsa_check.ruleset.requires import expand_requires
from bsa_check.ruleset.yamlsafe import PositionMap, load_yaml

MAX_DEPTH = 5  # a file, its parent, ... : five files in a chain at most


def resolve_parent(name: Any, child: Path, positions: PositionMap) -> tuple[Path, bool]:
    """The file ``extends`` names: a bundled rule set, or a path relative to the extending file."""
    bundled = bundled_rule_files()
    where = ("extends",)
    if not isinstance(name, str) or not name.strip():
        raise rule_error("extends must name a bundled rule set or a rule file", positions, where,
                         f"bundled rule sets: {', '.join(bundled) or '(none)'}; or a path relative to this file",
                         "BSA140")
    if "://" in name or name.lower().startswith(("http:", "https:", "ftp:", "file:")):
        raise rule_error(f"extends names a URL ({name!r}); rule sets are never fetched", positions, where,
                         "download the file, check it, and name its path relative to this file", "BSA140")
    if name in bundled:
        return bundled[name], True
    target = Path(os.path.normpath(child.parent / name))
    what = not_a_file(target)
    if what is not None:
        raise rule_error(f"extends names {name!r}, which is neither a bundled rule set nor a file ({target} {what})",
                         positions, where,
                         f"bundled rule sets: {', '.join(bundled) or '(none)'}; or a path relative to this file",
                         "BSA140")
    return target, False


def merge_chain(data: Any, positions: PositionMap, path: Path, raw: bytes,
                _seen: tuple[Path, ...] = (), label: str | None = None) -> Merged:
    """Follow ``extends`` from ``data`` (the parsed file at ``path``) and merge; a file without it is
    returned as it is (origins empty, hash of its bytes). Raises RuleFileError, located."""
    own_sha = hashlib.sha256(raw).hexdigest()
    label = label or str(path)  # how explain and validate name the file: a bundled one by its name
    if not isinstance(data, dict) or "extends" not in data:
        _refuse_placement(data, positions)
        origins: dict[str, str] = {}
        if not _seen:
            data, positions = expand_requires(data, positions, origins)
        return Merged(data, positions, origins, (label,), own_sha)
    here = path.resolve()
    seen = (*_seen, here)
    target, bundled = resolve_parent(data["extends"], path, positions)
    if target.resolve() in seen:
        chain = " -> ".join(p.name for p in (*seen, target.resolve()))
        raise rule_error(f"extends makes a cycle: {chain}", positions, ("extends",),
                         "a rule set cannot extend itself, directly or through another file", "BSA141")
    if len(seen) >= MAX_DEPTH:
        raise rule_error(f"extends chains are at most {MAX_DEPTH} files deep; this one goes further", positions,
                         ("extends",), "extend the bundled rule set or a file nearer to it", "BSA141")
    parent_raw, text = read_source(target, "rule file", MAX_RULE_FILE_BYTES)
    parent_data, parent_positions = load_yaml(text, str(target), strict_scalars=True)
    parent = merge_chain(parent_data, parent_positions, target, parent_raw, seen,
                         target.stem if bundled else str(target))
    if not isinstance(parent.data, dict):
        raise rule_error(f"the rule set extends names ({target}) is not a YAML mapping", positions, ("extends",),
                         "name a rule file", "BSA140")
    merged, where, origins = merge_onto(parent, data, positions, label)
    origins["chain"] = " -> ".join((label, *parent.chain))
    sha = hashlib.sha256((own_sha + parent.sha256).encode()).hexdigest()
    positions = where
    if not _seen:  # the whole chain merged: precondition sets are expanded with the last definition of each
        merged, positions = expand_requires(merged, where, origins)
    return Merged(merged, positions, origins, (label, *parent.chain), sha)


def _refuse_placement(data: Any, positions: PositionMap) -> None:
    """``replace``/``before``/``after`` and ``remove_rules`` only mean something in a file that extends."""
    if not isinstance(data, dict):
        return
    if "remove_rules" in data:
        raise rule_error("remove_rules is only for a file that extends another rule set", positions,
                         ("remove_rules",), "add `extends: NAME`, or delete the rules from the list", "BSA143")
    rules = data.get("rules")
    for i, rule in enumerate(rules if isinstance(rules, list) else []):
        if isinstance(rule, dict):
            for key in PLACEMENT:
                if key in rule:
                    raise rule_error(f"rules.{i}: {key} is only for a file that extends another rule set", positions,
                                     ("rules", i, key), "add `extends: NAME`, or remove the key", "BSA143")


def origin_summary(path: Path) -> dict[str, Any] | None:
    """For ``validate``: where each rule and parameter of an extending file came from (None: the file
    does not extend, or cannot be merged; validate reports why). Keys: ``chain``, ``rules`` (id, file)
    in the merged order, ``parameters`` and ``derived`` (name, file) set in the chain below the bundled
    or first parent, ``removed`` (id, file, reason in English)."""
    try:
        raw, text = read_source(path, "rule file", MAX_RULE_FILE_BYTES)
        data, positions = load_yaml(text, str(path), strict_scalars=True)
        if not isinstance(data, dict) or "extends" not in data:
            return None
        merged = merge_chain(data, positions, path, raw)
    except (BsaCheckError, ErrorList):
        return None
    rules = merged.data.get("rules") if isinstance(merged.data.get("rules"), list) else []
    ids = [r["id"] for r in rules if isinstance(r, dict) and isinstance(r.get("id"), str)]
    o = merged.origins
    return {
        "chain": list(merged.chain),
        "rules": [{"id": i, "file": o.get(f"rule:{i}", "")} for i in ids],
        "parameters": [{"name": k.partition(":")[2], "file": v} for k, v in sorted(o.items())
                       if k.startswith("parameter:") and v != merged.chain[-1]],
        "derived": [{"name": k.partition(":")[2], "file": v} for k, v in sorted(o.items())
                    if k.startswith("derived:") and v != merged.chain[-1]],
        "removed": [{"id": k.partition(":")[2], "file": v.partition("\n")[0], "reason": v.partition("\n")[2]}
                    for k, v in sorted(o.items()) if k.startswith("removed:")],
    }


def summary_lines(file: str, summary: dict[str, Any]) -> list[str]:
    """``validate``'s text: the chain, each rule with its file, the parameters set in the chain, the removals."""
    lines = [f"{file}: extends {' -> '.join(summary['chain'][1:])}"]
    lines.append("  rules: " + ", ".join(f"{r['id']} ({r['file']})" for r in summary["rules"]))
    lines.extend(f"  parameter {p['name']}: from {p['file']}" for p in summary["parameters"])
    lines.extend(f"  derived {d['name']}: from {d['file']}" for d in summary["derived"])
    lines.extend(f"  rule {r['id']} left out in {r['file']}: {r['reason']}" for r in summary["removed"])
    return lines
