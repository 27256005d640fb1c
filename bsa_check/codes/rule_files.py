"""Problem codes of rule files and rule test files as files: BSA000 (unclassified) and BSA1xx (YAML
syntax and safety, the schema, finding the files; BSA13x: rule test files)."""

from __future__ import annotations

from bsa_check.codes.model import ERROR, Code, entry

ENTRIES: tuple[Code, ...] = (
    entry("BSA000", "unclassified", ERROR,
          ("an error without a more specific code", "An internal fallback: the message says what is wrong. Please report "
           "it, so it gets a code of its own."),
          ("een fout zonder specifiekere code", "Een interne terugval: de melding zegt wat er mis is. Meld het, zodat "
           "het een eigen code krijgt."),
          "a rule test case that fails without naming a code"),

    # --- BSA1xx rule-file structure ------------------------------------------------------------------
    entry("BSA100", "yaml-syntax", ERROR,
          ("the file is not valid YAML", "A syntax error, a control character or a file that is not UTF-8. Nothing "
           "after it can be read; fix it first."),
          ("het bestand is geen geldige YAML", "Een syntaxfout, een stuurteken of een bestand dat geen UTF-8 is. Wat "
           "erna komt kan niet gelezen worden; los dit eerst op."),
          "rules: [ {id: a}   (a flow list without its closing ])"),
    entry("BSA101", "duplicate-key", ERROR,
          ("a key appears twice in one mapping", "YAML would silently keep only the last value. validate keeps the "
           "first and goes on; remove one of the two."),
          ("een sleutel staat twee keer in één mapping", "YAML houdt stilzwijgend alleen de laatste waarde. validate "
           "houdt de eerste en gaat door; verwijder er één."),
          "name: a\\nname: b"),
    entry("BSA102", "schema", ERROR,
          ("the file does not match the rule-file schema", "An unknown key (with a did-you-mean), a missing required "
           "key or a value of the wrong kind. `bsa-check schema rules` gives the JSON Schema."),
          ("het bestand past niet bij het schema", "Een onbekende sleutel (met suggestie), een ontbrekende verplichte "
           "sleutel of een waarde van de verkeerde soort. `bsa-check schema rules` geeft het JSON-schema."),
          "rules:\\n  - id: r\\n    outcom: positive   (did you mean 'outcome'?)"),
    entry("BSA103", "unsafe-value", ERROR,
          ("a tag or value a rule file may not hold", "Rule files are data only: no YAML tags (!!python/...), no "
           "infinite or huge numbers."),
          ("een tag of waarde die niet in een regelbestand mag", "Regelbestanden zijn alleen gegevens: geen YAML-tags "
           "(!!python/...), geen oneindige of reusachtige getallen."),
          "x: !!python/object/apply:os.system [ls]"),
    entry("BSA104", "alias", ERROR,
          ("anchors, aliases and merge keys are not supported", "&name, *name and << could expand a small file into a "
           "huge one; write the value out in full."),
          ("ankers, aliassen en merge-sleutels worden niet ondersteund", "&naam, *naam en << kunnen een klein bestand "
           "enorm laten uitdijen; schrijf de waarde voluit."),
          "a: &x 1\\nb: *x"),
    entry("BSA105", "too-large", ERROR,
          ("the rule file is over 1 MiB", "Rule files are small; a larger one is refused unread. Split it, or check it "
           "is the right file."),
          ("het regelbestand is groter dan 1 MiB", "Regelbestanden zijn klein; een groter bestand wordt ongelezen "
           "geweigerd. Splits het, of controleer of het het juiste bestand is."),
          "a 2 MB export saved as rules.yaml"),
    entry("BSA106", "too-deep", ERROR,
          ("nesting deeper than 64 levels", "Rule files need a handful of levels; check brackets and indentation."),
          ("nesting dieper dan 64 niveaus", "Regelbestanden hebben maar een paar niveaus nodig; controleer haken en "
           "inspringing."),
          "[[[[[[ ... 65 levels ... ]]]]]]"),
    entry("BSA107", "yaml-trap", ERROR,
          ("an unquoted value YAML 1.1 and 1.2 read differently", "yes/no/on/off, 010, 0x2D, 1_000, 1:30, exponents, "
           "45,5 and timestamps with a time are refused where they stand, and so is a date, number or boolean where "
           "text belongs. Write true/false, a plain number, or quote the text."),
          ("een waarde zonder aanhalingstekens die YAML 1.1 en 1.2 anders lezen", "yes/no/on/off, 010, 0x2D, 1_000, "
           "1:30, exponenten, 45,5 en tijdstempels met tijd worden geweigerd, net als een datum, getal of boolean waar "
           "tekst hoort. Schrijf true/false, een gewoon getal, of zet de tekst tussen aanhalingstekens."),
          "reason: {nl: ja, en: yes}   ->   reason: {nl: ja, en: \"yes\"}"),
    entry("BSA110", "not-a-file", ERROR,
          ("the rule file cannot be found or read", "The path does not exist, is not a regular file, or is not a "
           "bundled rule-set name (exit 2)."),
          ("het regelbestand is niet te vinden of te lezen", "Het pad bestaat niet, is geen gewoon bestand, of is geen "
           "naam van een meegeleverde regelset (exit 2)."),
          "bsa-check validate rules/ho-curent.yaml"),
    entry("BSA111", "test-file-given-to-validate", ERROR,
          ("a rule test file was given to validate", "*.bsa-test.yaml files hold test cases; run them with bsa-check "
           "test."),
          ("een regeltestbestand is aan validate gegeven", "*.bsa-test.yaml-bestanden bevatten testgevallen; draai ze "
           "met bsa-check test."),
          "bsa-check validate tests/rules/mbo.bsa-test.yaml"),
    entry("BSA112", "escaped-control-character", ERROR,
          ('a text holds a control character written as a YAML escape', 'Texts are shown on terminals and in reports, where ESC or BEL would be an instruction; remove "\\e", "\\a", "\\x9b" and the like (line feeds and tabs stay allowed).'),
          ('een tekst bevat een stuurteken, geschreven als YAML-escape', 'Teksten verschijnen in terminals en rapporten, waar ESC of BEL een opdracht zou zijn; verwijder "\\e", "\\a", "\\x9b" en dergelijke (regeleinden en tabs mogen).'),
          'title: {en: "\\e[2Jx"}'),
    entry("BSA113", "rules-outside-repository", ERROR,
          ("a rule test file's rules: points outside its repository", "rules: names a bundled rule set or a path inside the test file's repository: an absolute path, ~, a path above the root or a symlink leading out is refused unread."),
          ('rules: van een regeltestbestand wijst buiten de repository', 'rules: noemt een meegeleverde regelset of een pad binnen de repository van het testbestand: een absoluut pad, ~, een pad boven de root of een link naar buiten wordt ongelezen geweigerd.'),
          'rules: /etc/passwd'),
    entry("BSA114", "rules-not-a-rule-file", ERROR,
          ("a rule test file's rules: names a file that is not a rule file", 'The file is named without showing any of its lines.'),
          ('rules: van een regeltestbestand noemt een bestand dat geen regelbestand is', 'Het bestand wordt genoemd zonder een van zijn regels te tonen.'),
          'rules: ../README.md'),
    entry("BSA120", "no-rule-files", ERROR,
          ("a folder given to validate holds no rule files", "validate DIR searches DIR recursively for YAML files "
           "with a top-level rules or schema_version key (skipping hidden folders and *.bsa-test.yaml); none was "
           "found (exit 2)."),
          ("een map voor validate bevat geen regelbestanden", "validate MAP zoekt in MAP (recursief) naar "
           "YAML-bestanden met een sleutel rules of schema_version op het hoogste niveau (verborgen mappen en "
           "*.bsa-test.yaml overgeslagen); er is er geen gevonden (exit 2)."),
          "bsa-check validate docs/"),
    entry("BSA130", "impossible-expectation", ERROR,
          ("a rule test case expects what the rule set cannot give", "The expected rule, precondition or outcome does "
           "not exist in the rule set, or the named rule never gives that outcome."),
          ("een regeltest verwacht wat de regelset niet kan geven", "De verwachte regel, voorwaarde of uitkomst bestaat "
           "niet in de regelset, of de genoemde regel geeft die uitkomst nooit."),
          "expect: {rule: norm_met, outcome: negative}"),
)
