"""Safe YAML loading with source positions.

Rule files come from institutions and run in CI, so they are data only: the text is composed
with PyYAML's *safe* machinery into a node tree and turned into plain Python values by hand.
Only the standard scalar, sequence and mapping tags are accepted; any other tag
(``!!python/object``, ``!custom``), any anchor/alias (no billion-laughs expansion), any merge key
and any duplicate key is an error located at file:line:column. Alongside the data a
:class:`PositionMap` records where every value sits, so later schema errors can be located too.

With ``strict_scalars`` (rule files) the YAML 1.1 traps are refused instead of silently converted
(BSA107): an unquoted value that PyYAML, a YAML 1.2 editor and a human read differently. Booleans
are ``true``/``false`` only (``yes``/``no``/``on``/``off`` are booleans in YAML 1.1 but text in
YAML 1.2, which editors and the published schema use); integers are plain decimal (``010`` is octal
8 in YAML 1.1, ``0x10``, ``0b10``, ``1_000`` and ``1:30`` are numbers too); decimals have no
exponent (``1.0e+3``); ``1e3`` (a number in YAML 1.2, text in 1.1) and ``45,5`` (a Dutch decimal,
text to YAML) are refused where they stand; a timestamp must be a date without a time. Quoting
a value always makes it text. Rule test files are not strict: their record values are cell text.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import re

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bsa_check.errors import Location, RuleFileError
from bsa_check.textsafe import first_control

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

Path = tuple[Any, ...]

_INT_TAG = "tag:yaml.org,2002:int"
_FLOAT_TAG = "tag:yaml.org,2002:float"
_BOOL_TAG = "tag:yaml.org,2002:bool"

# Mapping keys with these tags keep their source text: YAML 1.1 reads ``0710`` as octal 456,
# ``59001`` as an int and ``yes``/``no``/``on`` as booleans, but a key in a rule file is a name
# (a programme code, a parameter). Timestamp keys still become dates (dated values).
_RAW_TEXT_KEY_TAGS = frozenset({_INT_TAG, _FLOAT_TAG, _BOOL_TAG})

_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DUTCH_DECIMAL = re.compile(r"[-+]?[0-9]+,[0-9]+")
_EXPONENT_TEXT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+")
_DATE_ONLY = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
TRAP_CODE = "BSA107"

MAX_DEPTH = 64  # rule files nest a handful of levels; deeper input is refused before composing
MAX_INT_DIGITS = 12  # credits, counts and months: no rule value needs more
MAX_ABS_EXPONENT = 12  # decimals between 1e-12 and 1e12 in magnitude (adjusted exponent)


class PositionMap:
    """Path (tuple of keys and indices) -> (line, column), 1-based, of the value at that path."""

    def __init__(self, file: str) -> None:
        self.file = file
        self._pos: dict[Path, tuple[int, int]] = {}
        self._key_pos: dict[Path, tuple[int, int]] = {}

    def add(self, path: Path, node: Node) -> None:
        self._pos[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def add_key(self, path: Path, node: Node) -> None:
        self._key_pos[path] = (node.start_mark.line + 1, node.start_mark.column + 1)

    def locate(self, path: Path, *, key: bool = False) -> Location:
        """The location of ``path``, or of its nearest ancestor that has one."""
        p = tuple(path)
        while True:
            table = self._key_pos if key else self._pos
            if p in table:
                line, col = table[p]
                return Location(self.file, line, col)
            if key and p in self._pos:
                line, col = self._pos[p]
                return Location(self.file, line, col)
            if not p:
                return Location(self.file, 1, 1)
            p = p[:-1]


# libyaml (C) when PyYAML was built with it: the same events, nodes and marks as the pure-Python
# parser, about ten times faster (rule files are loaded on every run, so this is start-up time).
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _mark_location(file: str, mark: Any) -> Location:
    if mark is None:
        return Location(file)
    return Location(file, mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, file: str, loader: yaml.SafeLoader, strict_scalars: bool = False,
                 collect: list[RuleFileError] | None = None) -> None:
        self.file = file
        self.loader = loader
        self.strict_scalars = strict_scalars
        self.collect = collect
        self.positions = PositionMap(file)
        self._seen: set[int] = set()

    def error(self, node: Node, message: str, hint: str, code: str) -> RuleFileError:
        return RuleFileError(message, location=_mark_location(self.file, node.start_mark), hint=hint, code=code)

    def _refuse_trap(self, node: ScalarNode, value: Any) -> None:
        """Refuse an unquoted scalar whose reading depends on the YAML version or on the reader (BSA107)."""
        raw, tag = node.value, node.tag
        shown = _shorten(raw)
        if tag == _BOOL_TAG and raw.lower() not in ("true", "false"):
            raise self.error(node, f"YAML 1.1 reads the unquoted {shown!r} as the boolean {str(value).lower()}",
                             f"write {str(value).lower()} for a yes/no value, or \"{raw}\" in quotes for text",
                             TRAP_CODE)
        if tag == _INT_TAG and not _PLAIN_INT.fullmatch(raw):
            if raw.lstrip("+-").startswith("0") and raw.lstrip("+-")[1:2].isdigit():
                what = f"the octal number {value}"
            else:
                what = f"the number {value}"
            raise self.error(node, f"YAML 1.1 reads the unquoted {shown!r} as {what}",
                             f"write {value} for a number, or \"{raw}\" in quotes for a code or text", TRAP_CODE)
        if tag == _FLOAT_TAG and (not all(c in "0123456789.+-" for c in raw)):
            plain = format(value, "f")
            raise self.error(node, f"{shown!r} is not a plain decimal (YAML 1.1 reads it as {plain})",
                             f"write {plain}, without an exponent, underscores or colons", TRAP_CODE)
        if tag == _TIMESTAMP_TAG and not _DATE_ONLY.fullmatch(raw):
            raise self.error(node, f"{shown!r} is a date with a time; rule files use dates only",
                             f"write the date as jjjj-mm-dd, e.g. {raw[:10]}", TRAP_CODE)
        if tag == _STR_TAG:
            if _DUTCH_DECIMAL.fullmatch(raw):
                dotted = raw.replace(",", ".")
                raise self.error(node, f"{shown!r} is text to YAML, not the number {dotted}",
                                 f"write {dotted} (a decimal point), or \"{raw}\" in quotes for text", TRAP_CODE)
            if _EXPONENT_TEXT.fullmatch(raw):
                raise self.error(node, f"{shown!r} is text in YAML 1.1 but a number in YAML 1.2 (editors)",
                                 f"write the number without an exponent (e.g. 1000 for 1e3), or \"{raw}\" in "
                                 "quotes for text", TRAP_CODE)

    def _trap_checked(self, node: ScalarNode, value: Any) -> Any:
        """``value``, after refusing a YAML 1.1 trap: raised, or (``collect``) recorded, and then the
        value the writer evidently meant (a Dutch or exponent decimal as the number) so that validate
        can go on to the later layers."""
        try:
            self._refuse_trap(node, value)
        except RuleFileError as trap:
            if self.collect is None:
                raise
            self.collect.append(trap)
            if node.tag == _STR_TAG:
                try:
                    return Decimal(node.value.replace(",", "."))
                except InvalidOperation:  # pragma: no cover - both trap patterns are decimal text
                    return value
        return value

    def _refuse_escaped_control(self, node: ScalarNode, value: str) -> None:
        """A control character written as a YAML escape ("\\e", "\\a", "\\x9b") in a text (BSA112).

        Raw control characters are refused before parsing (BSA100); a double-quoted scalar can
        still spell them. A text is shown on terminals and in reports, where ESC or BEL would be an
        instruction (issue 15). Line feeds and tabs ("\\n", "\\t") stay allowed: a text may have lines.
        """
        bad = first_control(value)
        if bad is not None:
            raise self.error(node, f"text holds the control character U+{ord(bad):04X}, written as an escape",
                             "remove the escape: texts are shown on terminals and in reports", "BSA112")

    def build(self, node: Node, path: Path) -> Any:
        if id(node) in self._seen:
            raise self.error(node, "anchors and aliases (&name, *name) are not supported in rule files",
                             "write the value out in full", "BSA104")
        self._seen.add(id(node))
        self.positions.add(path, node)
        if isinstance(node, ScalarNode):
            if node.tag not in _SCALAR_TAGS:
                raise self.error(node, f"unsupported YAML tag {node.tag!r}",
                                 "rule files are data only: remove the tag", "BSA103")
            if node.tag == _FLOAT_TAG:
                # Credits are never floats: keep the exact decimal text (44.5 stays 44.5).
                try:
                    value = Decimal(node.value.replace("_", ""))
                except InvalidOperation:
                    value = None
                if value is None or not value.is_finite():
                    raise self.error(node, f"{node.value!r} is not a finite number",
                                     "write a plain decimal such as 44.5", "BSA103")
                # A huge exponent (1.0e+999999999) is cheap as a Decimal but hangs any later
                # conversion to int; no rule value is anywhere near these magnitudes.
                if not -MAX_ABS_EXPONENT <= value.adjusted() <= MAX_ABS_EXPONENT:
                    raise self.error(node, f"{_shorten(node.value)!r} is too large or too small for a rule file",
                                     "write a plain decimal such as 44.5", "BSA103")
                if self.strict_scalars and not node.style:  # plain: None (Python parser) or "" (libyaml)
                    return self._trap_checked(node, value)
                return value
            if node.tag == _INT_TAG and len(node.value.lstrip("+-").replace("_", "")) > MAX_INT_DIGITS:
                raise self.error(node, f"{_shorten(node.value)!r} is too large for a rule file "
                                       f"(more than {MAX_INT_DIGITS} digits)",
                                 "write a plain number such as 45", "BSA103")
            try:
                value = self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                if node.tag == _TIMESTAMP_TAG and not node.style:  # 2026-02-30: the shape of a date, no such day
                    raise self.error(node, f"{_shorten(node.value)!r} is not a date that exists (no such day in that "
                                           "month)", "write a day of the calendar as YYYY-MM-DD, e.g. 2026-02-28",
                                     "BSA103") from None
                raise self.error(node, f"invalid scalar value: {exc}", "quote the value as a string", "BSA103") from None
            if self.strict_scalars and not node.style:  # plain: None (Python parser) or "" (libyaml)
                return self._trap_checked(node, value)
            if node.style == '"' and isinstance(value, str):
                try:
                    self._refuse_escaped_control(node, value)
                except RuleFileError as escaped:
                    if self.collect is None:
                        raise
                    self.collect.append(escaped)  # one pass: recorded, and the text read on
            return value
        if isinstance(node, SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise self.error(node, f"unsupported YAML tag {node.tag!r}",
                                 "rule files are data only: remove the tag", "BSA103")
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, MappingNode):
            if node.tag != "tag:yaml.org,2002:map":
                raise self.error(node, f"unsupported YAML tag {node.tag!r}",
                                 "rule files are data only: remove the tag", "BSA103")
            out: dict[Any, Any] = {}
            first_line: dict[Any, int] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.error(key_node, "merge keys (<<) are not supported in rule files",
                                     "write the keys out in full", "BSA104")
                if not isinstance(key_node, ScalarNode):
                    raise self.error(key_node, "a mapping key must be a plain value", "use a simple name as key", "BSA102")
                if key_node.tag in _RAW_TEXT_KEY_TAGS:
                    # Keep the key as written: 0710 stays "0710", yes stays "yes".
                    self._seen.add(id(key_node))
                    self.positions.add((*path, "<key>"), key_node)
                    key = key_node.value
                else:
                    key = self.build(key_node, (*path, "<key>"))
                try:
                    hash(key)
                except TypeError:  # pragma: no cover - scalars are hashable
                    raise self.error(key_node, "a mapping key must be a plain value", "use a simple name", "BSA102") from None
                if key in out:
                    duplicate = self.error(
                        key_node,
                        f"duplicate key {key!r} (first defined on line {first_line[key]})",
                        "remove one of the two; YAML would silently keep only the last", "BSA101")
                    if self.collect is None:
                        raise duplicate
                    self.collect.append(duplicate)  # validate goes on with the first of the two,
                    self.build(value_node, (*path, "<duplicate>", key))  # after checking the second's value too
                    continue
                first_line[key] = key_node.start_mark.line + 1
                self.positions.add_key((*path, key), key_node)
                out[key] = self.build(value_node, (*path, key))
            return out
        raise self.error(node, "unsupported YAML node", "rule files hold mappings, lists and values", "BSA103")  # pragma: no cover


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "..."


def _too_deep(location: Location) -> RuleFileError:
    return RuleFileError(f"nesting deeper than {MAX_DEPTH} levels", location=location,
                         hint="rule files need only a few levels of nesting; check the brackets and indentation",
                         code="BSA106")


def _refuse_aliases(text: str, file: str) -> None:
    """Refuse any alias (``*name``) and any nesting deeper than :data:`MAX_DEPTH`, at the place
    it occurs, before anything is composed.

    Aliases are never needed in a rule file, and refusing them up front means an alias bomb
    ("billion laughs") is rejected before it can be expanded. Deep nesting would make the
    (recursive) composer overflow the stack, and PyYAML's scanner slows down quadratically on
    deeply nested flow collections, so the event stream is abandoned as soon as it is too deep.
    """
    try:
        _walk_events(text, file, _Loader)
    except yaml.YAMLError:
        if _Loader is yaml.SafeLoader:
            return  # syntax errors are reported, located, by the composing pass
        # libyaml (since PyYAML 6.0.4's wheels) refuses nesting past its own limit before it
        # yields a single event, so its refusal says nothing about where our limit was crossed.
        # The pure-Python parser streams events: walk them again so the project's own code
        # (BSA106, located at the first level too deep) decides, whichever layer refused first.
        try:
            _walk_events(text, file, yaml.SafeLoader)
        except yaml.YAMLError:
            return


def _walk_events(text: str, file: str, loader: Any) -> None:
    depth = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, yaml.AliasEvent):
                raise RuleFileError("anchors and aliases (&name, *name) are not supported in rule files",
                                    location=_mark_location(file, event.start_mark),
                                    hint="write the value out in full", code="BSA104")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _too_deep(_mark_location(file, event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except RecursionError:  # pragma: no cover - the parser is not recursive; belt and braces
        raise _too_deep(Location(file)) from None


# Characters YAML does not allow in a document (YAML 1.1 §5.1, as PyYAML's reader checks them).
_NOT_PRINTABLE = re.compile("[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


def load_yaml(text: str, file: str, *, strict_scalars: bool = False,
              collect: list[RuleFileError] | None = None) -> tuple[Any, PositionMap]:
    """Parse one YAML document safely. Returns (data, positions); raises RuleFileError.

    ``strict_scalars``: refuse the YAML 1.1 traps (see the module docstring); rule files use it.
    ``collect``: a list that receives the problems after which reading can safely go on (a YAML 1.1
    trap, a duplicate key: the first value is kept) instead of raising them (``validate``: one pass
    shows every problem). Syntax errors, tags, aliases and nesting still raise.
    """
    bad = _NOT_PRINTABLE.search(text)
    if bad:  # located here, the same with either parser
        position = bad.start()
        line = text.count("\n", 0, position) + 1
        column = position - (text.rfind("\n", 0, position) + 1) + 1
        raise RuleFileError(f"character U+{ord(bad.group()):04X} is not allowed in YAML",
                            location=Location(file, line, column),
                            hint="remove the control character (save the file as plain UTF-8 text)", code="BSA100")
    _refuse_aliases(text, file)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as exc:  # a control character (e.g. 0x08) PyYAML will not read
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise RuleFileError(f"character U+{exc.character:04X} is not allowed in YAML", location=Location(file, line, column),
                            hint="remove the control character (save the file as plain UTF-8 text)",
                            code="BSA100") from None
    try:
        return _compose_and_build(loader, file, strict_scalars, collect)
    except RecursionError:
        # Depth is limited up front; this only guards against a path that still recurses too far.
        raise _too_deep(Location(file)) from None
    finally:
        loader.dispose()


def _compose_and_build(loader: yaml.SafeLoader, file: str, strict_scalars: bool,
                       collect: list[RuleFileError] | None = None) -> tuple[Any, PositionMap]:
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "YAML syntax error"
        if exc.context:
            problem = f"{exc.context}; {problem}"
        raise RuleFileError(f"YAML syntax error: {problem}", location=_mark_location(file, mark),
                            hint="check indentation, colons and quotes around this position", code="BSA100") from None
    except yaml.YAMLError as exc:
        raise RuleFileError(f"YAML error: {exc}", location=Location(file), hint="check the file is YAML",
                            code="BSA100") from None
    if node is None:
        raise RuleFileError("the rule file is empty", location=Location(file, 1, 1),
                            hint="a rule file is a YAML mapping with name, rules, ...", code="BSA102")
    builder = _Builder(file, loader, strict_scalars, collect)
    data = builder.build(node, ())
    return data, builder.positions
