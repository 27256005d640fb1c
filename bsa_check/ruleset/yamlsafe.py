"""Safe YAML loading with source positions.

Rule files come from institutions and run in CI, so they are data only: the text is composed
with PyYAML's *safe* machinery into a node tree and turned into plain Python values by hand.
Only the standard scalar, sequence and mapping tags are accepted; any other tag
(``!!python/object``, ``!custom``), any anchor/alias (no billion-laughs expansion), any merge key
and any duplicate key is an error located at file:line:column. Alongside the data a
:class:`PositionMap` records where every value sits, so later schema errors can be located too.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from bsa_check.errors import Location, RuleFileError

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}

Path = tuple[Any, ...]


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


def _mark_location(file: str, mark: Any) -> Location:
    if mark is None:
        return Location(file)
    return Location(file, mark.line + 1, mark.column + 1)


class _Builder:
    def __init__(self, file: str, loader: yaml.SafeLoader) -> None:
        self.file = file
        self.loader = loader
        self.positions = PositionMap(file)
        self._seen: set[int] = set()

    def error(self, node: Node, message: str, hint: str, code: str) -> RuleFileError:
        return RuleFileError(message, location=_mark_location(self.file, node.start_mark), hint=hint, code=code)

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
            if node.tag == "tag:yaml.org,2002:float":
                # Credits are never floats: keep the exact decimal text (44.5 stays 44.5).
                try:
                    value = Decimal(node.value.replace("_", ""))
                except InvalidOperation:
                    value = None
                if value is None or not value.is_finite():
                    raise self.error(node, f"{node.value!r} is not a finite number",
                                     "write a plain decimal such as 44.5", "BSA103")
                return value
            try:
                return self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:
                raise self.error(node, f"invalid scalar value: {exc}", "quote the value as a string", "BSA103") from None
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
                key = self.build(key_node, (*path, "<key>"))
                try:
                    hash(key)
                except TypeError:  # pragma: no cover - scalars are hashable
                    raise self.error(key_node, "a mapping key must be a plain value", "use a simple name", "BSA102") from None
                if key in out:
                    raise self.error(
                        key_node,
                        f"duplicate key {key!r} (first defined on line {first_line[key]})",
                        "remove one of the two; YAML would silently keep only the last", "BSA101")
                first_line[key] = key_node.start_mark.line + 1
                self.positions.add_key((*path, key), key_node)
                out[key] = self.build(value_node, (*path, key))
            return out
        raise self.error(node, "unsupported YAML node", "rule files hold mappings, lists and values", "BSA103")  # pragma: no cover


def _refuse_aliases(text: str, file: str) -> None:
    """Refuse any alias (``*name``) at the place it is used, before anything is composed.

    Aliases are never needed in a rule file, and refusing them up front means an alias bomb
    ("billion laughs") is rejected before it can be expanded.
    """
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise RuleFileError("anchors and aliases (&name, *name) are not supported in rule files",
                                    location=_mark_location(file, event.start_mark),
                                    hint="write the value out in full", code="BSA104")
    except yaml.YAMLError:
        return  # syntax errors are reported, located, by the composing pass


def load_yaml(text: str, file: str) -> tuple[Any, PositionMap]:
    """Parse one YAML document safely. Returns (data, positions); raises RuleFileError."""
    _refuse_aliases(text, file)
    loader = yaml.SafeLoader(text)
    try:
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
        builder = _Builder(file, loader)
        data = builder.build(node, ())
        return data, builder.positions
    finally:
        loader.dispose()
