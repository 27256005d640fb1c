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
every problem is located in the file that wrote the offending part (:class:`MergedPositions`).
``origins`` records which file each rule, parameter value and derived value came from, for
``explain`` and ``validate``. Chains are at most :data:`MAX_DEPTH` deep; a cycle is refused.
"""

from __future__ import annotations

import copy
import hashlib
import os
from pathlib import Path
from typing import Any

from bsa_check.errors import Location, RuleFileError
from bsa_check.ruleset.yamlsafe import PositionMap

MAX_DEPTH = 5  # a file, its parent, ... : five files in a chain at most
PLACEMENT = ("replace", "before", "after")


class MergedPositions(PositionMap):
    """Positions of a merged rule set: each merged path is routed to the file that wrote it.

    ``routes`` maps a merged path prefix to (that file's positions, the path there); the longest
    matching prefix wins, the rest of the path is appended. Unrouted paths are the child's."""

    def __init__(self, child: PositionMap) -> None:
        super().__init__(child.file)
        self.child = child
        self.routes: dict[tuple[Any, ...], tuple[PositionMap, tuple[Any, ...]]] = {}

    def route(self, merged: tuple[Any, ...], source: PositionMap, path: tuple[Any, ...]) -> None:
        self.routes[merged] = (source, path)

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> Location:
        p = tuple(path)
        for n in range(len(p), 0, -1):
            hit = self.routes.get(p[:n])
            if hit is not None:
                source, there = hit
                return source.locate((*there, *p[n:]), key=key)
        return self.child.locate(p, key=key)


def _error(message: str, positions: PositionMap, path: tuple[Any, ...], hint: str, code: str) -> RuleFileError:
    return RuleFileError(message, location=positions.locate(path), hint=hint, code=code)


def _text(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("nl"), str) and isinstance(value.get("en"), str)


def resolve_parent(name: Any, child: Path, positions: PositionMap) -> tuple[Path, bool]:
    """The file ``extends`` names: a bundled rule set, or a path relative to the extending file."""
    from bsa_check.ruleset.load import bundled_rule_files, not_a_file

    bundled = bundled_rule_files()
    where = ("extends",)
    if not isinstance(name, str) or not name.strip():
        raise _error("extends must name a bundled rule set or a rule file", positions, where,
                     f"bundled rule sets: {', '.join(bundled) or '(none)'}; or a path relative to this file", "BSA140")
    if "://" in name or name.lower().startswith(("http:", "https:", "ftp:", "file:")):
        raise _error(f"extends names a URL ({name!r}); rule sets are never fetched", positions, where,
                     "download the file, check it, and name its path relative to this file", "BSA140")
    if name in bundled:
        return bundled[name], True
    target = Path(os.path.normpath(child.parent / name))
    what = not_a_file(target)
    if what is not None:
        raise _error(f"extends names {name!r}, which is neither a bundled rule set nor a file ({target} {what})",
                     positions, where,
                     f"bundled rule sets: {', '.join(bundled) or '(none)'}; or a path relative to this file", "BSA140")
    return target, False


class Merged:
    """The outcome of :func:`merge_chain`: merged data, its positions, origins, the chain's files and hash."""

    def __init__(self, data: Any, positions: PositionMap, origins: dict[str, str], chain: tuple[str, ...],
                 sha256: str) -> None:
        self.data = data
        self.positions = positions
        self.origins = origins
        self.chain = chain
        self.sha256 = sha256


def merge_chain(data: Any, positions: PositionMap, path: Path, raw: bytes,
                _seen: tuple[Path, ...] = (), label: str | None = None) -> Merged:
    """Follow ``extends`` from ``data`` (the parsed file at ``path``) and merge; a file without it is
    returned as it is (origins empty, hash of its bytes). Raises RuleFileError, located."""
    from bsa_check.ruleset.load import MAX_RULE_FILE_BYTES, read_source
    from bsa_check.ruleset.yamlsafe import load_yaml

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
        raise _error(f"extends makes a cycle: {chain}", positions, ("extends",),
                     "a rule set cannot extend itself, directly or through another file", "BSA141")
    if len(seen) >= MAX_DEPTH:
        raise _error(f"extends chains are at most {MAX_DEPTH} files deep; this one goes further", positions,
                     ("extends",), "extend the bundled rule set or a file nearer to it", "BSA141")
    parent_raw, text = read_source(target, "rule file", MAX_RULE_FILE_BYTES)
    parent_data, parent_positions = load_yaml(text, str(target), strict_scalars=True)
    parent = merge_chain(parent_data, parent_positions, target, parent_raw, seen,
                         target.stem if bundled else str(target))
    if not isinstance(parent.data, dict):
        raise _error(f"the rule set extends names ({target}) is not a YAML mapping", positions, ("extends",),
                     "name a rule file", "BSA140")
    merged, where, origins = _merge(parent, data, positions, label)
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
        raise _error("remove_rules is only for a file that extends another rule set", positions,
                     ("remove_rules",), "add `extends: NAME`, or delete the rules from the list", "BSA143")
    rules = data.get("rules")
    for i, rule in enumerate(rules if isinstance(rules, list) else []):
        if isinstance(rule, dict):
            for key in PLACEMENT:
                if key in rule:
                    raise _error(f"rules.{i}: {key} is only for a file that extends another rule set", positions,
                                 ("rules", i, key), "add `extends: NAME`, or remove the key", "BSA143")


_BY_NAME = ("derived", "compensation", "record_bounds", "preconditions")  # a child's entry replaces the parent's of that name


def _merge(parent: Merged, child: dict[str, Any], cpos: PositionMap,
           cfile: str) -> tuple[dict[str, Any], MergedPositions, dict[str, str]]:
    out: dict[str, Any] = {}
    where = MergedPositions(cpos)
    origins = dict(parent.origins)
    ppos = parent.positions
    pdata: dict[str, Any] = parent.data
    for key, value in pdata.items():
        if key in ("remove_rules",):
            continue
        out[key] = copy.deepcopy(value)
        where.route((key,), ppos, (key,))
    for key, value in child.items():
        if key in ("rules", "remove_rules", "parameters", *_BY_NAME, "units", "not_automated", "sources"):
            continue
        out[key] = copy.deepcopy(value)
        where.route((key,), cpos, (key,))
    out["extends"] = child["extends"]
    _rebase_earlier(out, child, ppos, cpos)
    where.route(("extends",), cpos, ("extends",))
    # parameters: merged key by key; dated values and per-programme values entry by entry
    params = dict(out.get("parameters") or {}) if isinstance(out.get("parameters"), dict) else {}
    for name in params:
        origins.setdefault(f"parameter:{name}", parent.chain[0])
    cparams = child.get("parameters")
    if cparams is not None and not isinstance(cparams, dict):
        raise _error("parameters must be a mapping of name -> parameter", cpos, ("parameters",),
                     "see `bsa-check schema rules`", "BSA102")
    for name, spec in (cparams or {}).items():
        base: Any = params.get(name)
        if not isinstance(base, dict) or not isinstance(spec, dict):
            params[name] = copy.deepcopy(spec)
            where.route(("parameters", name), cpos, ("parameters", name))
            origins[f"parameter:{name}"] = cfile
            continue
        new = copy.deepcopy(base)
        where.route(("parameters", name), ppos, ("parameters", name))
        for k, v in spec.items():
            if k in ("values", "by_programme") and isinstance(v, dict) and isinstance(new.get(k), dict):
                for entry, val in v.items():
                    new[k][entry] = copy.deepcopy(val)
                    where.route(("parameters", name, k, entry), cpos, ("parameters", name, k, entry))
            else:
                new[k] = copy.deepcopy(v)
                where.route(("parameters", name, k), cpos, ("parameters", name, k))
        if "values" in spec and "placeholder" not in spec and new.get("placeholder") is True:
            # dated values of its own are the file's norm: the parent's stand-in flag no longer holds
            # (by_programme alone does not: the other programmes still get the parent's placeholder)
            new["placeholder"] = False
            where.route(("parameters", name, "placeholder"), cpos, ("parameters", name, "values"))
        params[name] = new
        origins[f"parameter:{name}"] = f"{cfile} (over {origins.get(f'parameter:{name}', parent.chain[0])})"
    if params or cparams is not None:
        out["parameters"] = params
    # named entries replaced whole
    for key in _BY_NAME:
        cval = child.get(key)
        if cval is None:
            continue
        base = dict(out.get(key) or {}) if isinstance(out.get(key), dict) else {}
        if not isinstance(cval, dict):
            raise _error(f"{key} must be a mapping", cpos, (key,), "see `bsa-check schema rules`", "BSA102")
        for name, spec in cval.items():
            base[name] = copy.deepcopy(spec)
            where.route((key, name), cpos, (key, name))
            if key == "derived":
                origins[f"derived:{name}"] = cfile
        out[key] = base
    for name in (out.get("derived") or {}) if isinstance(out.get("derived"), dict) else ():
        origins.setdefault(f"derived:{name}", parent.chain[0])
    # the unit catalogue: its own keys replace, its units are added or replaced by code
    cunits = child.get("units")
    if isinstance(cunits, dict):
        base = copy.deepcopy(out.get("units")) if isinstance(out.get("units"), dict) else {}
        for k, v in cunits.items():
            if k == "units" and isinstance(v, dict) and isinstance(base.get("units"), dict):
                for code, unit in v.items():
                    base["units"][code] = copy.deepcopy(unit)
                    where.route(("units", "units", code), cpos, ("units", "units", code))
            else:
                base[k] = copy.deepcopy(v)
                where.route(("units", k), cpos, ("units", k))
        out["units"] = base
    elif cunits is not None:
        out["units"] = cunits
        where.route(("units",), cpos, ("units",))
    # sources: the parent's, then the child's new ones
    csources = child.get("sources")
    if isinstance(csources, list):
        base_sources = list(out.get("sources") or []) if isinstance(out.get("sources"), list) else []
        out["sources"] = base_sources + [s for s in csources if s not in base_sources]
        where.route(("sources",), cpos, ("sources",))
    elif csources is not None:
        out["sources"] = csources
        where.route(("sources",), cpos, ("sources",))
    _merge_not_automated(out, child, cpos, ppos, where)
    _merge_rules(out, pdata, child, cpos, ppos, where, origins, parent.chain[0], cfile)
    return out, where, origins


def _rebase_earlier(out: dict[str, Any], child: dict[str, Any], ppos: PositionMap, cpos: PositionMap) -> None:
    """An inherited ``before_valid_from`` that is a path is relative to the parent's file: rewrite it
    relative to the child's, so it names the same file."""
    from bsa_check.ruleset.load import bundled_rule_files

    value = out.get("before_valid_from")
    if "before_valid_from" in child or not isinstance(value, str) or value in bundled_rule_files():
        return
    out["before_valid_from"] = os.path.relpath(Path(ppos.file).parent / value, Path(cpos.file).parent)


def _merge_not_automated(out: dict[str, Any], child: dict[str, Any], cpos: PositionMap, ppos: PositionMap, where: MergedPositions) -> None:
    cna = child.get("not_automated")
    if cna is None:
        return
    if not isinstance(cna, list):
        out["not_automated"] = cna
        where.route(("not_automated",), cpos, ("not_automated",))
        return
    base = list(out.get("not_automated") or []) if isinstance(out.get("not_automated"), list) else []
    sources: list[tuple[PositionMap, tuple[Any, ...]]] = [(ppos, ("not_automated", i)) for i in range(len(base))]
    for j, item in enumerate(cna):
        ident = item.get("id") if isinstance(item, dict) else None
        at = next((i for i, b in enumerate(base) if isinstance(b, dict) and ident and b.get("id") == ident), None)
        if at is None:
            base.append(copy.deepcopy(item))
            sources.append((cpos, ("not_automated", j)))
        else:
            base[at] = copy.deepcopy(item)
            sources[at] = (cpos, ("not_automated", j))
    out["not_automated"] = base
    where.route(("not_automated",), cpos, ("not_automated",))
    for i, (src, path) in enumerate(sources):
        where.route(("not_automated", i), src, path)


def _merge_rules(out: dict[str, Any], pdata: dict[str, Any], child: dict[str, Any], cpos: PositionMap, ppos: PositionMap,
                 where: MergedPositions, origins: dict[str, str], pfile: str, cfile: str) -> None:
    prules: Any = pdata.get("rules") if isinstance(pdata.get("rules"), list) else []
    # (rule data, its file's positions, its path there, its file)
    items: list[tuple[Any, PositionMap, tuple[Any, ...], str]] = []
    for i, rule in enumerate(prules):
        ident = rule.get("id") if isinstance(rule, dict) else None
        items.append((rule, ppos, ("rules", i), origins.get(f"rule:{ident}", pfile)))

    def index_of(ident: Any) -> int | None:
        return next((k for k, it in enumerate(items) if isinstance(it[0], dict) and it[0].get("id") == ident), None)

    removals = child.get("remove_rules")
    if removals is not None and not isinstance(removals, list):
        raise _error("remove_rules must be a list of {id, reason}", cpos, ("remove_rules",),
                     "e.g. remove_rules: [{id: some_rule, reason: {nl: ..., en: ...}}]", "BSA102")
    for j, removal in enumerate(removals or []):
        ident = removal.get("id") if isinstance(removal, dict) else None
        if not isinstance(ident, str):
            raise _error(f"remove_rules.{j}: name the rule to remove (id)", cpos, ("remove_rules", j),
                         "e.g. {id: some_rule, reason: {nl: ..., en: ...}}", "BSA143")
        if not _text(removal.get("reason")):
            raise _error(f"remove_rules.{j}: removing rule {ident!r} needs a reason in both languages", cpos,
                         ("remove_rules", j), "add reason: {nl: ..., en: ...}: why the institution leaves it out",
                         "BSA144")
        at = index_of(ident)
        if at is None:
            raise _error(f"remove_rules.{j}: the extended rule set has no rule {ident!r}", cpos,
                         ("remove_rules", j, "id"), _known(items), "BSA143")
        del items[at]
        origins[f"removed:{ident}"] = f"{cfile}\n{removal['reason']['en']}"
        origins[f"removed_nl:{ident}"] = removal["reason"]["nl"]
        origins.pop(f"rule:{ident}", None)
    crules = child.get("rules")
    if crules is not None and not isinstance(crules, list):
        raise _error("rules must be a list", cpos, ("rules",), "see `bsa-check schema rules`", "BSA102")
    for j, rule in enumerate(crules or []):
        if not isinstance(rule, dict):
            items.append((rule, cpos, ("rules", j), cfile))
            continue
        keys = [k for k in PLACEMENT if k in rule]
        if len(keys) != 1:
            raise _error(f"rules.{j}: a rule in a file that extends another says where it goes: exactly one of "
                         f"replace, before or after (found {len(keys)})", cpos, ("rules", j),
                         "replace: ID takes the place of the parent's rule; before: ID / after: ID inserts", "BSA143")
        key = keys[0]
        target = rule[key]
        at = index_of(target)
        if at is None:
            raise _error(f"rules.{j}: {key} names {target!r}, which is not a rule of the extended rule set",
                         cpos, ("rules", j, key), _known(items), "BSA143")
        new = {k: copy.deepcopy(v) for k, v in rule.items() if k not in PLACEMENT}
        if key == "replace":
            new.setdefault("id", target)
        ident = new.get("id")
        clash = index_of(ident)
        if clash is not None and not (key == "replace" and clash == at):
            raise _error(f"rules.{j}: rule id {ident!r} is already a rule of the extended rule set", cpos,
                         ("rules", j, "id" if "id" in rule else key),
                         f"to change that rule write replace: {ident}; else choose another id", "BSA143")
        entry = (new, cpos, ("rules", j), cfile)
        if key == "replace":
            old = items[at][0].get("id")
            origins.pop(f"rule:{old}", None)
            items[at] = entry
        elif key == "before":
            items.insert(at, entry)
        else:
            items.insert(at + 1, entry)
        origins[f"rule:{ident}"] = cfile
    out["rules"] = [it[0] for it in items]
    where.route(("rules",), cpos if crules is not None else ppos, ("rules",))
    for i, (rule, src, path, file) in enumerate(items):
        where.route(("rules", i), src, path)
        if isinstance(rule, dict) and isinstance(rule.get("id"), str):
            origins.setdefault(f"rule:{rule['id']}", file)


def _known(items: list[Any]) -> str:
    ids = [it[0]["id"] for it in items if isinstance(it[0], dict) and isinstance(it[0].get("id"), str)]
    return f"the rules there: {', '.join(ids) or '(none)'} (`bsa-check rules --show NAME` prints a bundled one)"


def origin_summary(path: Path) -> dict[str, Any] | None:
    """For ``validate``: where each rule and parameter of an extending file came from (None: the file
    does not extend, or cannot be merged; validate reports why). Keys: ``chain``, ``rules`` (id, file)
    in the merged order, ``parameters`` and ``derived`` (name, file) set in the chain below the bundled
    or first parent, ``removed`` (id, file, reason in English)."""
    from bsa_check.errors import BsaCheckError, ErrorList
    from bsa_check.ruleset.load import MAX_RULE_FILE_BYTES, read_source
    from bsa_check.ruleset.yamlsafe import load_yaml

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
                raise _error(f"rules.{i}.requires names {item!r}, which is not a precondition set of this rule set",
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
