"""Merge one rule file onto the rule set it extends: the step :func:`bsa_check.ruleset.extends.merge_chain`
takes for each file of a chain (what wins where is described there).

Works on the parsed YAML, before the schema. :class:`MergedPositions` routes each part of the merged data
to the file, and the place in it, that wrote it, so every later problem is located there.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from bsa_check.errors import Location, RuleFileError
from bsa_check.ruleset.files import bundled_rule_files
from bsa_check.ruleset.yamlsafe import PositionMap

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


def rule_error(message: str, positions: PositionMap, path: tuple[Any, ...], hint: str, code: str) -> RuleFileError:
    return RuleFileError(message, location=positions.locate(path), hint=hint, code=code)


def _text(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("nl"), str) and isinstance(value.get("en"), str)


class Merged:
    """The outcome of ``extends.merge_chain``: merged data, its positions, origins, the chain's files and hash."""

    def __init__(self, data: Any, positions: PositionMap, origins: dict[str, str], chain: tuple[str, ...],
                 sha256: str) -> None:
        self.data = data
        self.positions = positions
        self.origins = origins
        self.chain = chain
        self.sha256 = sha256


_BY_NAME = ("derived", "compensation", "record_bounds", "preconditions")  # a child's entry replaces the parent's of that name


def merge_onto(parent: Merged, child: dict[str, Any], cpos: PositionMap,
               cfile: str) -> tuple[dict[str, Any], MergedPositions, dict[str, str]]:
    """``child`` (the parsed file at ``cpos``, named ``cfile``) merged onto ``parent``: the merged data, its
    positions and its origins."""
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
        raise rule_error("parameters must be a mapping of name -> parameter", cpos, ("parameters",),
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
            raise rule_error(f"{key} must be a mapping", cpos, (key,), "see `bsa-check schema rules`", "BSA102")
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
        raise rule_error("remove_rules must be a list of {id, reason}", cpos, ("remove_rules",),
                         "e.g. remove_rules: [{id: some_rule, reason: {nl: ..., en: ...}}]", "BSA102")
    for j, removal in enumerate(removals or []):
        ident = removal.get("id") if isinstance(removal, dict) else None
        if not isinstance(ident, str):
            raise rule_error(f"remove_rules.{j}: name the rule to remove (id)", cpos, ("remove_rules", j),
                             "e.g. {id: some_rule, reason: {nl: ..., en: ...}}", "BSA143")
        if not _text(removal.get("reason")):
            raise rule_error(f"remove_rules.{j}: removing rule {ident!r} needs a reason in both languages", cpos,
                             ("remove_rules", j), "add reason: {nl: ..., en: ...}: why the institution leaves it out",
                             "BSA144")
        at = index_of(ident)
        if at is None:
            raise rule_error(f"remove_rules.{j}: the extended rule set has no rule {ident!r}", cpos,
                             ("remove_rules", j, "id"), _known(items), "BSA143")
        del items[at]
        origins[f"removed:{ident}"] = f"{cfile}\n{removal['reason']['en']}"
        origins[f"removed_nl:{ident}"] = removal["reason"]["nl"]
        origins.pop(f"rule:{ident}", None)
    crules = child.get("rules")
    if crules is not None and not isinstance(crules, list):
        raise rule_error("rules must be a list", cpos, ("rules",), "see `bsa-check schema rules`", "BSA102")
    for j, rule in enumerate(crules or []):
        if not isinstance(rule, dict):
            items.append((rule, cpos, ("rules", j), cfile))
            continue
        keys = [k for k in PLACEMENT if k in rule]
        if len(keys) != 1:
            raise rule_error(f"rules.{j}: a rule in a file that extends another says where it goes: exactly one of "
                             f"replace, before or after (found {len(keys)})", cpos, ("rules", j),
                             "replace: ID takes the place of the parent's rule; before: ID / after: ID inserts",
                             "BSA143")
        key = keys[0]
        target = rule[key]
        at = index_of(target)
        if at is None:
            raise rule_error(f"rules.{j}: {key} names {target!r}, which is not a rule of the extended rule set",
                             cpos, ("rules", j, key), _known(items), "BSA143")
        new = {k: copy.deepcopy(v) for k, v in rule.items() if k not in PLACEMENT}
        if key == "replace":
            new.setdefault("id", target)
        ident = new.get("id")
        clash = index_of(ident)
        if clash is not None and not (key == "replace" and clash == at):
            raise rule_error(f"rules.{j}: rule id {ident!r} is already a rule of the extended rule set", cpos,
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
