"""Every text a user can see exists in Dutch and English (issue 18 item 5).

Walks the problem-code registry, the message catalogue (``bsa_check.i18n``) and every problem
message written in the source (a call with a ``BSAnnn`` code, a cell parser's ``CellError``, a
``message =``/``hint =`` assignment): each must have Dutch.

A failure here after you added a message or a code: add its Dutch to the table of its code in
``bsa_check/i18n/nl_records.py`` (BSA3xx), ``nl_rules.py`` (BSA1xx, BSA2xx) or ``nl_usage.py`` (the
rest): ``"english {placeholder}": "Nederlands {placeholder}"``, one ``{name}`` for each ``{...}`` of
the f-string (``{_name}`` when the value is itself a text to translate); see
``bsa_check.i18n.problems``. Catalogue keys need both ``en`` and ``nl``.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from bsa_check import i18n
from bsa_check.codes import CODES
from bsa_check.i18n import problems
from bsa_check.ruleset.operators import IS_EMPTY_WORDS, OPERATORS

PACKAGE = Path(i18n.__file__).resolve().parent.parent
CODE = re.compile(r"^BSA\d{3}$")
HOW = ("add its Dutch to bsa_check/i18n/nl_records.py (BSA3xx), nl_rules.py (BSA1xx/2xx) or nl_usage.py "
       "(others): \"english {x}\": \"Nederlands {x}\" (see tests/unit/test_i18n_coverage.py)")
NOT_MESSAGES = {"code"}  # getattr(exc, "code", "BSA310")


def _template(node: ast.AST) -> str | None:
    """The text of a string or f-string node, each ``{...}`` as ``{}``; None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                out += str(value.value).replace("{", "{{").replace("}", "}}")
            else:
                out += "{}"
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        if left is None and right is None:
            return None
        return (left if left is not None else "{}") + (right if right is not None else "{}")
    return None


# Modules whose ValueError texts reach the user (pydantic shows a model check's message as it is)
MODEL_MODULES = ("ruleset/model.py", "ruleset/model_base.py", "ruleset/model_conditions.py", "ruleset/model_rules.py",
                 "ruleset/model_sections.py", "testing/model.py", "letters/institution.py", "config.py")


def _strings(node: ast.AST) -> list[str]:
    """The texts of a string node, or of each string in a tuple node (``return message, hint``)."""
    parts = node.elts if isinstance(node, ast.Tuple) else [node]
    return [t for t in (_template(p) for p in parts) if t]


def source_messages() -> list[tuple[str, str, str]]:
    """(where, code, template) of every message text in the package (code ``*``: any code): in a call
    with a BSAnnn code, a ``CellError``, a model's ``ValueError``, a ``message``/``hint`` assignment, or a
    ``return message, hint`` of a function that builds one."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "help_nl.py" or path.parent.name in ("codes", "i18n"):  # the Dutch itself
            continue
        where = str(path.relative_to(PACKAGE.parent))
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # a code given by a module constant (TRAP_CODE = "BSA107") counts as written out
        named = {t.id: n.value.value for n in tree.body if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str) and CODE.match(n.value.value)
                 for t in n.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                args = [*node.args, *(k.value for k in node.keywords)]
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                codes = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                         and CODE.match(a.value)] + [named[a.id] for a in args if isinstance(a, ast.Name)
                                                     and a.id in named]
                if name == "ValueError" and where.replace("\\", "/").endswith(MODEL_MODULES) and node.args:
                    found.extend((f"{where}:{node.lineno}", "*", t) for t in _strings(node.args[0]))
                    continue
                if name == "CellError":
                    code = codes[0] if codes else "*"
                    texts = [_template(node.args[0])] if node.args else []
                    for text in texts:
                        for part in (text or "").split("; "):
                            if part:
                                found.append((f"{where}:{node.lineno}", code, part))
                    continue
                if not codes or name == "getattr":
                    continue
                for arg in args:
                    text = _template(arg)
                    if text and not CODE.match(text) and text not in NOT_MESSAGES:
                        found.append((f"{where}:{node.lineno}", codes[0], text))
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and \
                    getattr(node.targets[0], "id", None) in ("message", "hint", "msg"):
                text = _template(node.value)
                if text and text.strip("{}"):
                    found.append((f"{where}:{node.lineno}", "*", text))
            elif isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Tuple) and \
                    [getattr(t, "id", None) for t in node.targets[0].elts] == ["message", "hint"]:
                found.extend((f"{where}:{node.lineno}", "*", t) for t in _strings(node.value))
            elif isinstance(node, ast.FunctionDef) and ("message" in node.name or node.name == "_friendly"):
                for sub in ast.walk(node):
                    if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Tuple):
                        found.extend((f"{where}:{sub.lineno}", "*", t) for t in _strings(sub.value))
    return found


def _is_prose(template: str) -> bool:
    """A text with words of its own, not only placeholders and punctuation."""
    return bool(re.search(r"[A-Za-z]{2}", re.sub(r"\{\}", "", template)))


def _sample(template: str) -> str:
    """The template with each ``{}`` filled with a neutral value."""
    return template.replace("{}", "\x00").replace("{{", "{").replace("}}", "}").replace("\x00", "X")


def _shape(template: str) -> str:
    return re.sub(r"\{_?[a-z][a-z0-9_]*\}", "{}", template)


def has_dutch(code: str, template: str) -> bool:
    """A table entry of ``code`` (or any code, for ``*``) fits the text; or one has its shape."""
    sample = _sample(template)
    codes = list(problems.tables()) if code == "*" else [code]
    if any(problems.lookup(c, sample) is not None for c in codes):
        return True
    shape = template.replace("{{", "{").replace("}}", "}")
    return any(_shape(english) == shape for c in (*codes, "*") for english in problems.tables().get(c, {}))


# Messages whose Dutch is still missing (issue 18 item 5: each one listed is a known gap; the list
# only shrinks). Keep it empty for new code.
NOT_YET: set[str] = set()


def test_every_message_in_the_source_has_dutch():
    missing = [f"{where} {code}: {text!r}" for where, code, text in source_messages()
               if _is_prose(text) and not has_dutch(code, text) and text not in NOT_YET]
    assert not missing, f"{len(missing)} message(s) without Dutch; {HOW}:\n" + "\n".join(missing)


def test_the_walk_finds_the_messages():
    """Not vacuous: the walk sees the messages of several layers, with and without placeholders."""
    found = source_messages()
    texts = {t for _, _, t in found}
    assert len(found) > 300
    assert "is not a number" in texts and "file not found" in texts
    assert any(code == "BSA102" for _, code, _ in found)
    assert not has_dutch("BSA310", "this English sentence has no Dutch {}")


def test_not_yet_lists_only_real_gaps():
    found = source_messages()
    texts = {t for _, _, t in found}
    translated = {t for _, code, t in found if has_dutch(code, t)}
    stale = sorted(t for t in NOT_YET if t not in texts or t in translated)
    assert not stale, f"remove from NOT_YET (gone or translated now): {stale}"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_both_languages(code):
    entry = CODES[code]
    for lang in ("en", "nl"):
        title, explanation = getattr(entry, lang)
        assert title.strip() and explanation.strip(), f"{code} has no {lang} title or explanation"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


CATALOGUES = {"MESSAGES": i18n.MESSAGES, "OUTCOME_LABELS": i18n.OUTCOME_LABELS,
              "operators": {**{key: op.words for key, op in OPERATORS.items()}, "is_empty": IS_EMPTY_WORDS}}


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_every_catalogue_key_has_both_languages(catalogue):
    for key, texts in CATALOGUES[catalogue].items():
        assert set(texts) >= {"en", "nl"}, f"{catalogue}[{key!r}] lacks {sorted({'en', 'nl'} - set(texts))}"
        assert texts["en"].strip() and texts["nl"].strip(), f"{catalogue}[{key!r}] has an empty text"
        assert _fields(texts["en"]) == _fields(texts["nl"]), f"{catalogue}[{key!r}]: placeholders differ"


def test_every_dutch_template_fills_from_its_english():
    for code, table in problems.tables().items():
        assert code == "*" or code in CODES, f"{code}: not a registered problem code"
        for english, dutch in table.items():
            assert set(problems._PLACEHOLDER.findall(dutch)) <= set(problems._PLACEHOLDER.findall(english)), \
                f"{code}: {dutch!r} uses a placeholder {english!r} does not have"


def test_column_headings_are_distinct_in_each_language():
    for lang in ("en", "nl"):
        headings = [texts[lang] for key, texts in i18n.MESSAGES.items() if key.startswith("col.")]
        assert len(headings) == len(set(headings)), f"{lang}: {headings}"


def test_dates_have_one_style_per_language():
    from datetime import date

    assert i18n.fmt_date(date(2026, 2, 1), "nl") == "01-02-2026"
    assert i18n.fmt_date(date(2026, 2, 1), "en") == "2026-02-01"


def test_every_help_text_has_dutch():
    """Each command's and option's help (bsa_check/help_nl.py HELP, keyed by the English text)."""
    import typer

    from bsa_check.cli import app
    from bsa_check.help_nl import HELP, help_texts

    missing = sorted({text for text in help_texts(typer.main.get_command(app)) if text not in HELP})
    assert not missing, ("help text(s) without Dutch; add each, exactly as declared, to HELP in "
                         "bsa_check/help_nl.py:\n" + "\n".join(repr(t) for t in missing))
