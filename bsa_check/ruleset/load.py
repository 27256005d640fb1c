"""Load rule sets: bundled names (``ho-current``) or paths (found and read by ``files``); schema errors located.

Loading = safe YAML (``yamlsafe``) -> the chain of ``extends`` merged (``extends``) -> pydantic model
(``model``). Every problem becomes a :class:`RuleFileError` with file, line and column; all schema
problems of a file are collected before failing (``ErrorList``). The loader reads the file once, and hashes the exact bytes so each
verdict can cite the rule set's content hash.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bsa_check.errors import BsaCheckError, ErrorList, Location, RuleFileError
from bsa_check.ruleset.extends import merge_chain
# finding and reading rule files; imported from here by callers and tests, so re-exported
from bsa_check.ruleset.files import MAX_RULE_FILE_BYTES as MAX_RULE_FILE_BYTES
from bsa_check.ruleset.files import bundled_rule_files as bundled_rule_files
from bsa_check.ruleset.files import not_a_file as not_a_file
from bsa_check.ruleset.files import read_source as read_source
from bsa_check.ruleset.files import resolve as resolve
from bsa_check.ruleset.model import RuleSet
from bsa_check.ruleset.yamlsafe import TRAP_CODE, PositionMap, load_yaml


@dataclass(frozen=True, slots=True)
class LoadedRuleSet:
    model: RuleSet
    positions: PositionMap
    path: str
    sha256: str
    bundled: bool
    earlier: "LoadedRuleSet | None" = None  # ``before_valid_from``: decides records of earlier academic years
    # ``extends``: "rule:ID" / "parameter:NAME" / "derived:NAME" -> the file it came from ("removed:ID" -> why)
    origins: Any = None
    chain: tuple[str, ...] = ()  # this file, the file it extends, ... (``extends``)


def error_path(loc: tuple[Any, ...], data: Any) -> tuple[tuple[Any, ...], bool]:
    """Map a pydantic error ``loc`` onto the data path, skipping union tags; (path, is_key)."""
    path: list[Any] = []
    node = data
    for part in loc:
        if isinstance(node, dict):
            key = part
            if key not in node and key == "in_":
                key = "in"
            if key == "not_" and "not" in node:
                key = "not"
            if key in node:
                path.append(key)
                node = node[key]
                continue
            if isinstance(part, str) and part.startswith("[key]"):
                return tuple(path), True
            # a date-keyed mapping: pydantic reports the key text
            matched = [k for k in node if str(k) == str(part)]
            if matched:
                path.append(matched[0])
                node = node[matched[0]]
                continue
            continue  # a union tag or model name, not a data key
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
            continue
    return tuple(path), False


def _friendly(err: Mapping[str, Any], path: tuple[Any, ...], data: Any) -> tuple[str, str]:
    kind = err.get("type", "")
    where = ".".join(str(p) for p in path) or "top level"
    if kind == "extra_forbidden":
        key = path[-1] if path else err["loc"][-1]
        parent: Any = data
        for p in path[:-1]:
            parent = parent[p]
        allowed = _allowed_keys(err)
        close = difflib.get_close_matches(str(key), [k for k in allowed if k != key], n=1) if allowed else []
        hint = f"did you mean {close[0]!r}?" if close else "remove it, or check the spelling against the schema"
        return f"unknown key {key!r} in {'.'.join(str(p) for p in path[:-1]) or 'top level'}", hint
    if kind == "missing":
        return f"missing required key {err['loc'][-1]!r} in {where}", "add it (see `bsa-check schema rules`)"
    msg = err.get("msg", "invalid value")
    return f"{where}: {msg}", "fix the value (see `bsa-check schema rules`)"


def _allowed_keys(err: Mapping[str, Any]) -> list[str]:
    # pydantic does not list the allowed keys; the schema knows them per model.
    from bsa_check.ruleset import model as m

    keys: set[str] = set()
    for cls in (m.RuleSet, m.Rule, m.Parameter, m.Precondition, m.LegalBasis, m.Test, m.Derived,
                m.DerivedCase, m.Text, m.Range, m.FieldRef, m.ParamRef, m.DerivedRef, m.Offset):
        for name, info in cls.model_fields.items():
            keys.add(info.alias or name)
    keys.update({"all", "any", "not"})
    return sorted(keys)


def _written_text(value: Any) -> str:
    """The text an unquoted date, number or boolean was written as (``_unquoted_non_text``'s reading)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _unquoted_non_text(err: Mapping[str, Any]) -> tuple[str, str] | None:
    """(message, hint) when text was expected but YAML made the unquoted value a date, number or boolean."""
    if err.get("type") != "string_type":
        return None
    value = err.get("input")
    if isinstance(value, bool):
        what, text = "the boolean", str(value).lower()
    elif isinstance(value, datetime):
        what, text = "a date and time", value.isoformat(sep=" ")
    elif isinstance(value, date):
        what, text = "a date", value.isoformat()
    elif isinstance(value, (int, Decimal)):
        what, text = "the number", str(value)
    else:
        return None
    return (f"text is expected here, but YAML reads the unquoted value as {what} {text}",
            f'put it in quotes: "{text}"')


def validate_data(data: Any, positions: PositionMap) -> RuleSet:
    """Validate parsed YAML against the model; raise ErrorList of located RuleFileErrors."""
    model, errors, _ = _schema_round(data, positions)
    if model is None:
        found: list[BsaCheckError] = [*errors]
        raise ErrorList(found) from None
    return model


class ReindexedPositions(PositionMap):
    """The positions of a rule file after some of its rules were left out (``validate_repairing``):
    ``("rules", j, ...)`` of what is left is located at the rule's place in the file."""

    def __init__(self, base: PositionMap, kept: list[int]) -> None:
        super().__init__(base.file)
        self.base = base
        self.kept = kept

    def locate(self, path: tuple[Any, ...], *, key: bool = False) -> Location:
        p = tuple(path)
        if len(p) >= 2 and p[0] == "rules" and isinstance(p[1], int) and 0 <= p[1] < len(self.kept):
            p = ("rules", self.kept[p[1]], *p[2:])
        return self.base.locate(p, key=key)


@dataclass(frozen=True, slots=True)
class Repaired:
    """What ``validate_repairing`` found: the model of the repaired data (None: no safe repair), every
    error, the positions to locate later problems with, and the rules left out (original indices)."""

    model: RuleSet | None
    errors: list[RuleFileError]
    positions: PositionMap
    dropped_rules: tuple[int, ...] = ()


def validate_repairing(data: Any, positions: PositionMap, rounds: int = 4) -> Repaired:
    """Validate like :func:`validate_data`, but collect the errors and go on where that is safe (``validate``
    shows a file's problems in one pass): an unknown key is left out, an unquoted date, number or boolean
    where text belongs is read as the text written, and a rule with any other error is left out; then the
    rest is validated again. Errors a later round finds after a rule was left out are not reported (they
    may be of the repair's making, e.g. no rules left); the model is then None.
    """
    errors: list[RuleFileError] = []
    seen: set[tuple[str, Location | None, str]] = set()
    current = data
    kept: list[int] | None = None  # original indices of the rules still in ``current``
    where: PositionMap = positions
    for _ in range(rounds):
        model, found, repairs = _schema_round(current, where)
        if model is None and kept is not None and len(kept) != _rule_count(data):
            return Repaired(None, errors, where, ())  # after leaving rules out: stop, report nothing new
        for e in found:
            key = (e.code, e.location, e.message)
            if key not in seen:
                seen.add(key)
                errors.append(e)
        if model is not None:
            dropped = tuple(i for i in range(_rule_count(data)) if kept is not None and i not in kept)
            return Repaired(model, errors, where, dropped)
        if repairs is None:
            return Repaired(None, errors, where, ())
        drops = {path[1] for path, value in repairs if value is _DROP_ITEM}
        if kept is None:
            kept = list(range(_rule_count(data)))
        kept = [k for j, k in enumerate(kept) if j not in drops]
        current = _repaired(current, repairs)
        where = ReindexedPositions(positions, kept) if len(kept) != _rule_count(data) else positions
    return Repaired(None, errors, where, ())


def _rule_count(data: Any) -> int:
    rules = data.get("rules") if isinstance(data, dict) else None
    return len(rules) if isinstance(rules, list) else 0


def _repaired(data: Any, repairs: list[tuple[tuple[Any, ...], Any]]) -> Any:
    """A copy of ``data`` with each (path, value) applied: ``_DROP`` removes the key, ``_DROP_ITEM`` the
    rule (after the other repairs, so their indices still hold)."""
    import copy

    out = copy.deepcopy(data)
    items: set[int] = set()
    for path, value in repairs:
        if not path:
            continue
        if value is _DROP_ITEM:
            items.add(path[1])
            continue
        node = out
        for part in path[:-1]:
            node = node[part]
        if value is _DROP:
            if isinstance(node, dict):
                node.pop(path[-1], None)
        else:
            node[path[-1]] = value
    for index in sorted(items, reverse=True):
        del out["rules"][index]
    return out


_DROP = object()
_DROP_ITEM = object()


def _schema_round(data: Any, positions: PositionMap) -> tuple[RuleSet | None, list[RuleFileError], list[Any] | None]:
    """(model, [], []) or (None, located errors, repairs or None when some error has no safe repair)."""
    if not isinstance(data, dict):
        return None, [RuleFileError("a rule file must be a YAML mapping (name: ..., rules: ...)",
                                    location=positions.locate(()), hint="see `bsa-check schema rules`",
                                    code="BSA102")], None
    try:
        return RuleSet.model_validate(data), [], []
    except ValidationError as exc:
        errors = []
        repairs: list[Any] | None = []
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            path, is_key = error_path(tuple(err["loc"]), data)
            message, hint = _friendly(err, path, data)
            code = "BSA102"
            trap = _unquoted_non_text(err)
            if trap is not None:  # YAML 1.1 trap: an unquoted date, number or boolean where text belongs
                message, hint, code = f"{'.'.join(str(p) for p in path)}: {trap[0]}", trap[1], TRAP_CODE
            if repairs is not None:
                if err.get("type") == "extra_forbidden" and path:
                    repairs.append((path, _DROP))
                elif trap is not None and path:
                    repairs.append((path, _written_text(err["input"])))
                elif len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int) \
                        and isinstance(data.get("rules"), list):
                    repairs.append((("rules", path[1]), _DROP_ITEM))  # the rule is left out; the rest is checked
                else:
                    repairs = None
            signature = (path, message)
            if signature in seen:
                continue
            seen.add(signature)
            location = positions.locate(path, key=is_key or err.get("type") == "extra_forbidden")
            errors.append(RuleFileError(message, location=location, hint=hint, code=code))
        errors.sort(key=lambda e: (e.location.line or 0, e.location.column or 0) if e.location else (0, 0))
        return None, errors, repairs


def load_file(path: Path, *, bundled: bool = False) -> LoadedRuleSet:
    """Read, parse and validate one rule file. Raises RuleFileError or ErrorList."""
    file = str(path)
    raw, text = read_source(path, "rule file", MAX_RULE_FILE_BYTES)
    data, positions = load_yaml(text, file, strict_scalars=True)
    merged = merge_chain(data, positions, path, raw)
    positions = merged.positions
    model = validate_data(merged.data, positions)
    earlier = load_earlier(model.before_valid_from, path, positions) if model.before_valid_from else None
    return LoadedRuleSet(model=model, positions=positions, path=file, sha256=merged.sha256, bundled=bundled,
                         earlier=earlier, origins=merged.origins or None, chain=merged.chain)


def load_earlier(name: str, path: Path, positions: PositionMap) -> LoadedRuleSet:
    """The rule set ``before_valid_from`` names: a bundled name, or a path relative to the rule file.

    One step only: a rule set that itself delegates earlier years is refused (BSA260), so delegation
    can never loop."""
    bundled = bundled_rule_files()
    target, is_bundled = (bundled[name], True) if name in bundled else (path.parent / name, False)
    if not_a_file(target) is not None:
        raise RuleFileError(f"before_valid_from names {name!r}, which is neither a bundled rule set nor a file",
                            location=positions.locate(("before_valid_from",)),
                            hint=f"bundled rule sets: {', '.join(bundled) or '(none)'}; or a path relative to this file",
                            code="BSA260")
    if target.resolve() == path.resolve():
        raise RuleFileError("before_valid_from names this rule file itself", location=positions.locate(
            ("before_valid_from",)), hint="name the rule set that applies before valid_from", code="BSA260")
    raw, text = read_source(target, "rule file", MAX_RULE_FILE_BYTES)
    data, earlier_positions = load_yaml(text, str(target), strict_scalars=True)
    merged = merge_chain(data, earlier_positions, target, raw)
    earlier_positions = merged.positions
    model = validate_data(merged.data, earlier_positions)
    if model.before_valid_from is not None:
        raise RuleFileError(f"before_valid_from names {name!r}, which itself delegates to {model.before_valid_from!r}",
                            location=positions.locate(("before_valid_from",)),
                            hint="name a rule set without before_valid_from (one step only)", code="BSA260")
    return LoadedRuleSet(model=model, positions=earlier_positions, path=str(target), sha256=merged.sha256,
                         bundled=is_bundled, origins=merged.origins or None, chain=merged.chain)


def load(name_or_path: str) -> LoadedRuleSet:
    path, bundled = resolve(name_or_path)
    return load_file(path, bundled=bundled)
