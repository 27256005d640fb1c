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


def source_messages() -> list[tuple[str, str, str]]:
    """(where, code, template) of every message text in the package (code ``*``: any code)."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("codes.py", "help_nl.py") or path.parent.name == "i18n":  # the Dutch itself
            continue
        where = str(path.relative_to(PACKAGE.parent))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                args = [*node.args, *(k.value for k in node.keywords)]
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                codes = [a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                         and CODE.match(a.value)]
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
NOT_YET: set[str] = {
    "'plus' shifts a date, but this operand is a {}",
    "'until' is a date, not a {}",
    '--as-of {} {}',
    '--excel is for CSV output, and the format is {}',
    '--format xlsx writes a workbook, not text for a terminal',
    '--institution {} cannot be read ({})',
    '--output folder {} can be read by others (mode {})',
    '--output folder {} does not exist',
    '--output folder {} is not empty',
    '--output names {}, not a regular file; refusing to replace it',
    '--output {} is a symbolic link',
    '--output {} is a {} file, but --format is {}',
    '--output {} is not a folder',
    '--output {} is the input file; refusing to overwrite it',
    '--param {} is not NAME=VALUE',
    '--param {}={} is outside the range {} declared by the rule set',
    '--param {}={} {}',
    '--param {}={}: {} is not one of the values the rule set declares for {}: {}',
    '--pseudonym-key-file is given without --pseudonymize',
    '--pseudonym-key-file {} cannot be read: {}',
    '--pseudonym-key-file {} is empty',
    '--pseudonym-key-file {} is larger than {} bytes',
    '--pseudonym-key-file {} is not a regular file',
    '--pseudonymize needs a key, and {} is not set',
    'MBO has no credit norm in law (art. 8.1.7a WEB): a binding negative is a qualitative decision after a procedure; test the procedure, not credits',
    'YAML error: {}',
    'YAML syntax error: {}',
    'a column mapping file must be a YAML mapping (columns: ...)',
    'a compensated grade is a failed grade: keep max below the pass mark',
    'a credit norm in an MBO rule set',
    'a letter template is a page or two of text',
    'a lone {}',
    'a mapping key must be a plain value',
    'a placeholder is {{name}}: lower-case letters, digits and _',
    'a rule file is a YAML mapping with name, rules, ...',
    'a rule file must be a YAML mapping (name: ..., rules: ...)',
    'a rule set cannot extend itself, directly or through another file',
    'a rule test file must be a YAML mapping (rules: ..., cases: ...)',
    "a unit filter needs the rule set's unit catalogue (units:)",
    'add --format csv (or an --output file ending in .csv), or leave out --excel',
    'add --output results.xlsx (or redirect standard output to a file)',
    'add --pseudonymize to replace student numbers in the output',
    'add `extends: NAME`, or delete the rules from the list',
    'add `extends: NAME`, or remove the key',
    'add a precondition that reads {} ({})',
    'add it to --template-dir',
    "add preconditions like ho-current's end_of_year ({{derived: advice_day, on_or_after: {{param: earliest_advice}}}}) and within_first_year ({{derived: advice_day, on_or_before: {{param: latest_advice}}}}) (WHW art. 7.8b lid 1 and 3)",
    'add reason: {{nl: ..., en: ...}}: why the institution leaves it out',
    'add reason_if_missing (nl and en) saying the outcome is not lawful yet and naming {{missing}}',
    "add units: with each unit's credits (and block)",
    'add units: {{pass_mark: 5.5, units: {{CODE: {{ec: 5}}}}}} to the rule set',
    "aggregate {} needs the rule set's unit catalogue (units:)",
    'an exclusion term belongs to a binding negative (7.8b lid 5 WHW); move it to that rule',
    'anchors and aliases (&name, *name) are not supported in rule files',
    'as_of {} {}',
    'before_valid_from names this rule file itself',
    'before_valid_from names {}, which is neither a bundled rule set nor a file',
    'before_valid_from names {}, which itself delegates to {}',
    'break the cycle: a derived value may not refer to itself, directly or through another',
    'bundled rule sets: {}; or a path relative to this file',
    'cannot read {}: {}',
    'case name {} is used twice (first on line {})',
    'case {} has no reference date',
    'change or remove one of the two conditions',
    'character U+{} is not allowed in YAML',
    'check indentation, colons and quotes around this position',
    'check the file is YAML',
    'check the path and permissions',
    'check the student number, or the file',
    'choices are for text parameters, not a {}',
    'choose a value within the range',
    'choose another output file',
    'column mapping file {}',
    'column mapping file: {}',
    'column {} looks like the {} ({}), but is not mapped to it: a rule set reads {}, and without it the step would count as not taken',
    'columns.{}.values: {} is not a {} value bsa-check reads',
    'compare needs at least two rule sets',
    'compensation band reaches {}, a pass (pass mark {})',
    'compensation band {}..{} is empty',
    'configuration: {}',
    'could not write the output: {}; {}',
    'create it first, or choose another path',
    'create the folder first, or choose another path',
    'dated values of {} are not in date order',
    'declare it under parameters with type: integer',
    'default is a {}, but {} is a {}',
    'derived value {} depends on itself',
    'did you mean {} ({})? Map it with --columns (e.g. `{}: {}`; `bsa-check columns` proposes a mapping), rename the header, or list it under ignore: in the mapping',
    'did you mean: bsa-check {}? `bsa-check --help` lists the commands',
    'download the file, check it, and name its path relative to this file',
    'duplicate key {} (first defined on line {})',
    'e.g. --param norm_ec=42',
    'e.g. --rules ho-current --rules ho-proposed-2023',
    'e.g. remove_rules: [{{id: some_rule, reason: {{nl: ..., en: ...}}}}]',
    "e.g. rules=['ho-current', 'ho-proposed-2023']",
    'e.g. {{id: some_rule, reason: {{nl: ..., en: ...}}}}',
    "end with a case without 'when' so every record gets a value",
    'extend the bundled rule set or a file nearer to it',
    'extends chains are at most {} files deep; this one goes further',
    'extends makes a cycle: {}',
    'extends must name a bundled rule set or a rule file',
    'extends names a URL ({}); rule sets are never fetched',
    'extends names {}, which is neither a bundled rule set nor a file ({} {})',
    'fix the rule set; `bsa-check codes {}` explains the error',
    'format the column as Text in Excel and enter or export the value again; if these codes never start with 0, set numbers_as_text: true for {} in the --columns mapping',
    "give a UTF-8 YAML file with the institution's details",
    'give a date operand',
    'give a new (or empty) folder for each run',
    'give a new or regular file, or leave out --output and redirect standard output (e.g. > /dev/null)',
    'give a number operand',
    'give as_of at the top of the file or in the case',
    'give each field once',
    'give every case a value of the same type',
    'give every case its own name',
    'give every dict the same keys (None for an empty cell)',
    'give every rule its own id',
    'give it outcome: needs_review and name who decides under decided_by (e.g. the examination board)',
    'give one non-empty dict per student, keyed by column name',
    'give the path of a .yaml rule file, or a bundled name',
    'give the path of a .yaml rule file, or a folder of them',
    'give the path of a Markdown letter template',
    'give the path of a mapping .yaml file (`bsa-check columns EXPORT` writes one)',
    'give the real folder, or a new path',
    'if_missing: {} would decide without the missing steps',
    'ignore[{}] has no reason',
    'ignore[{}] suppresses nothing: no {} on line {}',
    'invalid scalar value: {}',
    'item {} has the key {}, which the first item does not have',
    'item {} is {}',
    'lang {} is not nl or en',
    "lang='nl' or lang='en'",
    'language {} is neither nl nor en',
    'leave out --format (the suffix chooses {}), or name the file *{}',
    'letters go to a folder, one file per student',
    'letters hold personal data: chmod 700 {}, or give a new folder',
    "list the steps a binding negative needs under 'requires' (warning, hearing, ...)",
    'list them oldest first, so a reader sees which value is in force when',
    'merge keys (<<) are not supported in rule files',
    "move the rule without 'when' to the end, or give it a condition",
    'name a bundled rule set, or a path relative to this test file inside its repository',
    'name a rule file',
    'name a rule file; check one with: bsa-check validate FILE',
    'name a rule set without before_valid_from (one step only)',
    'name the rule files, or the folder holding them',
    'name the rule set that applies before valid_from',
    'name who decides under decided_by (examination board, BSA committee)',
    'nesting deeper than {} levels',
    'no bundled rule set named {}',
    'no bundled rule set or file named {}',
    'no command {} (and no such file)',
    'no letter template {}',
    'no problem code {}',
    'no unit of the catalogue is in block {}',
    'no unit of the catalogue is in group {}',
    'numbers_as_text is only for text fields; {} is {}',
    'one export column holds one field: remove one of them',
    'only personal_circumstances, passed_units, pending_resits, recognised_circumstances and unit_results take a list',
    'operator {} cannot compare a {} with a {}',
    'parameters must be a mapping of name -> parameter',
    "pip install 'bsa-check[{}]', or use as_dicts()",
    'possible: {}',
    'precondition sets: {}; define it under top-level preconditions',
    'put a rule before it that gives needs_review (not weighed, accepted) or postponed (postpone) (WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)',
    'put a rule before it that gives needs_review while reported circumstances are not weighed (WHW art. 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)',
    'put a rule before it that gives positive when propaedeutic_passed is yes: after the propaedeutic exam no binding negative is possible (WHW art. 7.8b lid 2)',
    'quote the value as a string',
    'raw HTML in a letter template',
    "remove 'plus'",
    'remove choices, or use range for numbers',
    'remove it, or check the code and the line',
    'remove it, or complete the placeholder {{name}}',
    'remove numbers_as_text here',
    'remove one of the two; YAML would silently keep only the last',
    'remove the control character (save the file as plain UTF-8 text)',
    'remove the escape: texts are shown on terminals and in reports',
    'remove {} from optional_columns, so an export without that column stops with its name instead of giving binding negatives; only columns whose absence blocks a negative (warning_date, hearing_date) or has a stated default (advice_date: --as-of) can be optional',
    'remove_rules is only for a file that extends another rule set',
    'remove_rules must be a list of {{id, reason}}',
    'remove_rules.{}: name the rule to remove (id)',
    'remove_rules.{}: removing rule {} needs a reason in both languages',
    'remove_rules.{}: the extended rule set has no rule {}',
    "replace: ID takes the place of the parent's rule; before: ID / after: ID inserts",
    'require the step to be recorded, e.g. {{field: {}, before: ...}} ({})',
    'rule files are data only: remove the tag',
    'rule files hold mappings, lists and values',
    'rule files need only a few levels of nesting; check the brackets and indentation',
    'rule id {} is used twice (also rule {})',
    'rule set {} has no rule {}',
    'rule set {} is a proposal, not law: no letter can rest on it',
    'rule {} can give a binding negative on any date: no precondition reads the advice date',
    'rule {} can give a binding negative with an advice date {}',
    'rule {} can give a binding negative without {} ({})',
    'rule {} can never fire: rule {} before it always applies',
    'rule {} can never fire: rule {} has the same condition and comes first',
    'rule {} gives a binding negative while reported personal circumstances are {}',
    'rule {} gives a binding negative without any precondition',
    'rule {} gives a binding negative, but the rule set never reads personal_circumstances',
    'rule {} gives a binding negative, but the rule set never reads propaedeutic_passed',
    'rule {} has an exclusion but does not give a binding negative',
    'rule {} has preconditions but no reason_if_missing, so its {} verdict would give the {} reason',
    'rule {} is a discretionary clause, so a person decides',
    'rule {} leaves the decision to a person without saying who',
    'rule {} reads {} but its preconditions hold without {}',
    'rules must be a list',
    'rules {} ({}) and {} ({}) both decide the record {}',
    'rules.{}.requires names {}, which is not a precondition set of this rule set',
    'rules.{}: a rule in a file that extends another says where it goes: exactly one of replace, before or after (found {})',
    'rules.{}: rule id {} is already a rule of the extended rule set',
    'rules.{}: {} is only for a file that extends another rule set',
    'rules.{}: {} names {}, which is not a rule of the extended rule set',
    'rules: {} is not a rule file (not a YAML mapping with schema_version); its content is not shown',
    'rules: {} {}',
    'run it with: bsa-check test {}',
    'save it as UTF-8',
    'save the template as UTF-8',
    'say why after the brackets: # bsa-check: ignore[BSA256] the board decides',
    'scenario proposed_2023 is not law',
    'see `bsa-check schema rules`',
    'set legal_status: proposal, so every verdict is labelled as not law',
    'split it, or check it is the right file',
    'text holds the control character U+{}, written as an escape',
    'the 2023 proposal caps the check after two years at 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)',
    'the cases of derived value {} mix types: {}',
    "the column {} mapped to {} is not in {}'s header",
    'the file is not UTF-8 text',
    'the folder above {} does not exist',
    'the header {} is mapped to both {} and {}',
    'the key file holds one secret',
    "the last case of derived value {} has a 'when'",
    'the pseudonym key is {} bytes; at least {} are needed',
    'the rule file is empty',
    'the rule set extends names ({}) is not a YAML mapping',
    "the rule set's chained 'plus' shifts reach too far; shorten them (or check the date)",
    'the student number and programme code are read as written',
    'to change that rule write replace: {}; else choose another id',
    'top sport is a ground only where the institution designates it',
    'unit {} is not in the unit catalogue',
    'unknown compensation scheme {}',
    'unknown derived value {}',
    'unknown key {} in {}',
    'unknown parameter {}',
    'unknown parameter {} for rule set {}',
    'unknown placeholder {{{}}}',
    'unknown record field {}',
    'unsupported YAML node',
    'unsupported YAML tag {}',
    'use a category of Uitvoeringsbesluit WHW art. 2.1 (an exclusive list), or list it under designated_circumstances if the OER designates it',
    'use a default of the same type',
    'use a simple name',
    'use a simple name as key',
    'use a value within the range{}',
    'use due or check to explore it, or --scenario for drafts marked as not law',
    'use procedure_incomplete (or needs_review)',
    'value {} is not of type {}',
    'value {} is not one of the declared choices: {}',
    'value {} is outside the declared range {}',
    'values: are not allowed for {}',
    'with decision: exclusive, make the conditions exclusive, or use decision: first_match if the order is meant to settle it',
    'write Markdown text; a letter never carries markup or scripts',
    'write a plain decimal such as 44.5',
    'write a plain number such as 45',
    'write a value the field table accepts for {} ({})',
    'write it in quotes: "{}"',
    'write min at most max',
    'write nl or en (Nederlands/English), or leave it empty for --lang',
    'write plain text and {{name}} placeholders only',
    'write the keys out in full',
    'write the value out in full',
    'year-two norm {} is {} EC, above 60 EC',
    '{} blocks verdicts and cannot be suppressed{}',
    '{} cannot be an optional column: its absence can make a binding negative more likely ({})',
    '{} cannot be read ({})',
    '{} does not write {} (the suffix of --output {})',
    '{} has no precondition {}',
    '{} is a directory with no rule files',
    '{} is a rule test file, not a rule file',
    '{} is a single value, not a list',
    '{} is a {}',
    '{} is compared with {}, which is not one of its declared choices: {}',
    '{} is larger than {} KiB',
    '{} is not UTF-8',
    '{} is not a finite number',
    '{} is not a ground under Uitvoeringsbesluit WHW art. 2.1',
    '{} is not a personal-circumstance category',
    '{} is not a placeholder: templates run no code',
    '{} is not a record field',
    '{} is not an integer parameter of this rule set',
    '{} is not installed',
    '{} is too large for a rule file (more than {} digits)',
    '{} is too large or too small for a rule file',
    '{} is {} bytes; the limit is {}',
    '{} is {}, already given as {}',
    '{} must be a mapping',
    '{} never gives {}',
    '{} works on numbers, not a {}',
    '{} writes {}; choose a file name with one of their suffixes',
    '{} {}: templates run no code',
    '{}, shifted by the rule set, falls outside the years 1-9999',
    '{}: YAML reads {} as the number {}',
    '{}`bsa-check codes` lists them all',
    '{}bundled rule sets: {}',
    '{}bundled rule sets: {}; or give a path to a .yaml rule file',
    '{}give a bundled rule set ({}) or a path relative to this test file',
    '{}the sheets are: {}',
}


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
