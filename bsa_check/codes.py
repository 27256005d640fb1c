"""The problem-code registry: every BSAnnn code the tool reports, with its name, severity, a Dutch
and English title and explanation, and an example. ``bsa-check codes [CODE]``, the SARIF rule
metadata and the README's code table come from here; a test checks that every code the package
uses is registered (tests/unit/test_codes.py reads the codes from the source).

Ranges: BSA1xx rule-file structure (and test-file structure, BSA13x), BSA2xx consistency and
semantics (BSA25x legal lint), BSA3xx student records and evaluation, BSA4xx usage, BSA7xx
configuration and suppression. Codes are stable; a renamed code keeps an alias
(``bsa_check.problems.ALIASES``).

Adding a code: add one ``_code(...)`` call below, in numeric order, with

- ``code``: ``"BSAnnn"`` in your range; ``name``: a short kebab-case name (stable, like the code);
- ``severity``: ``ERROR`` (a finding: exit 1, or a row/usage error), ``WARNING`` (reported, does not
  fail); ``blocking=True`` for an error that makes a rule set unusable for verdicts (a legal lint in
  ``ruleset.validate.BLOCKING``): it can never be suppressed. Structural and consistency errors
  (BSA100-BSA107, BSA201-BSA216: the rule set does not load) are blocking without saying so;
- ``en``/``nl``: (title, explanation), one line and a few sentences saying what is wrong and what to do;
- ``example``: the smallest input that gives the code, and the fix where that helps.

Then run ``python -m bsa_check.codes --markdown`` and paste the table into the README's "Problem
codes" section (tests/unit/test_codes.py checks the README table equals the registry).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

ERROR, WARNING = "error", "warning"  # bsa_check.problems.ERROR/WARNING (a test keeps them equal)

# Where the README's code table lives: SARIF's helpUri points here (``#bsa250`` per code).
DOCS_URL = "https://github.com/bsa-check/bsa-check/blob/main/README.md"


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    name: str
    severity: str
    en: tuple[str, str]  # (title, explanation)
    nl: tuple[str, str]
    example: str
    blocking: bool = False

    def title(self, lang: str) -> str:
        return (self.nl if lang == "nl" else self.en)[0]

    def explanation(self, lang: str) -> str:
        return (self.nl if lang == "nl" else self.en)[1]

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URL}#problem-codes"


CODES: dict[str, Code] = {}


def _code(code: str, name: str, severity: str, en: tuple[str, str], nl: tuple[str, str], example: str,
          *, blocking: bool = False) -> None:
    assert code not in CODES, code
    number = int(code[3:])
    # a structural or consistency error: the rule set does not load, so it blocks verdicts too
    blocking = blocking or 100 <= number <= 107 or 201 <= number <= 216
    CODES[code] = Code(code, name, severity, en, nl, example, blocking)


# --- BSA0xx ------------------------------------------------------------------------------------------
_code("BSA000", "unclassified", ERROR,
      ("an error without a more specific code", "An internal fallback: the message says what is wrong. Please report "
       "it, so it gets a code of its own."),
      ("een fout zonder specifiekere code", "Een interne terugval: de melding zegt wat er mis is. Meld het, zodat "
       "het een eigen code krijgt."),
      "a rule test case that fails without naming a code")

# --- BSA1xx rule-file structure ----------------------------------------------------------------------
_code("BSA100", "yaml-syntax", ERROR,
      ("the file is not valid YAML", "A syntax error, a control character or a file that is not UTF-8. Nothing "
       "after it can be read; fix it first."),
      ("het bestand is geen geldige YAML", "Een syntaxfout, een stuurteken of een bestand dat geen UTF-8 is. Wat "
       "erna komt kan niet gelezen worden; los dit eerst op."),
      "rules: [ {id: a}   (a flow list without its closing ])")
_code("BSA101", "duplicate-key", ERROR,
      ("a key appears twice in one mapping", "YAML would silently keep only the last value. validate keeps the "
       "first and goes on; remove one of the two."),
      ("een sleutel staat twee keer in één mapping", "YAML houdt stilzwijgend alleen de laatste waarde. validate "
       "houdt de eerste en gaat door; verwijder er één."),
      "name: a\\nname: b")
_code("BSA102", "schema", ERROR,
      ("the file does not match the rule-file schema", "An unknown key (with a did-you-mean), a missing required "
       "key or a value of the wrong kind. `bsa-check schema rules` gives the JSON Schema."),
      ("het bestand past niet bij het schema", "Een onbekende sleutel (met suggestie), een ontbrekende verplichte "
       "sleutel of een waarde van de verkeerde soort. `bsa-check schema rules` geeft het JSON-schema."),
      "rules:\\n  - id: r\\n    outcom: positive   (did you mean 'outcome'?)")
_code("BSA103", "unsafe-value", ERROR,
      ("a tag or value a rule file may not hold", "Rule files are data only: no YAML tags (!!python/...), no "
       "infinite or huge numbers."),
      ("een tag of waarde die niet in een regelbestand mag", "Regelbestanden zijn alleen gegevens: geen YAML-tags "
       "(!!python/...), geen oneindige of reusachtige getallen."),
      "x: !!python/object/apply:os.system [ls]")
_code("BSA104", "alias", ERROR,
      ("anchors, aliases and merge keys are not supported", "&name, *name and << could expand a small file into a "
       "huge one; write the value out in full."),
      ("ankers, aliassen en merge-sleutels worden niet ondersteund", "&naam, *naam en << kunnen een klein bestand "
       "enorm laten uitdijen; schrijf de waarde voluit."),
      "a: &x 1\\nb: *x")
_code("BSA105", "too-large", ERROR,
      ("the rule file is over 1 MiB", "Rule files are small; a larger one is refused unread. Split it, or check it "
       "is the right file."),
      ("het regelbestand is groter dan 1 MiB", "Regelbestanden zijn klein; een groter bestand wordt ongelezen "
       "geweigerd. Splits het, of controleer of het het juiste bestand is."),
      "a 2 MB export saved as rules.yaml")
_code("BSA106", "too-deep", ERROR,
      ("nesting deeper than 64 levels", "Rule files need a handful of levels; check brackets and indentation."),
      ("nesting dieper dan 64 niveaus", "Regelbestanden hebben maar een paar niveaus nodig; controleer haken en "
       "inspringing."),
      "[[[[[[ ... 65 levels ... ]]]]]]")
_code("BSA107", "yaml-trap", ERROR,
      ("an unquoted value YAML 1.1 and 1.2 read differently", "yes/no/on/off, 010, 0x2D, 1_000, 1:30, exponents, "
       "45,5 and timestamps with a time are refused where they stand, and so is a date, number or boolean where "
       "text belongs. Write true/false, a plain number, or quote the text."),
      ("een waarde zonder aanhalingstekens die YAML 1.1 en 1.2 anders lezen", "yes/no/on/off, 010, 0x2D, 1_000, "
       "1:30, exponenten, 45,5 en tijdstempels met tijd worden geweigerd, net als een datum, getal of boolean waar "
       "tekst hoort. Schrijf true/false, een gewoon getal, of zet de tekst tussen aanhalingstekens."),
      "reason: {nl: ja, en: yes}   ->   reason: {nl: ja, en: \"yes\"}")
_code("BSA110", "not-a-file", ERROR,
      ("the rule file cannot be found or read", "The path does not exist, is not a regular file, or is not a "
       "bundled rule-set name (exit 2)."),
      ("het regelbestand is niet te vinden of te lezen", "Het pad bestaat niet, is geen gewoon bestand, of is geen "
       "naam van een meegeleverde regelset (exit 2)."),
      "bsa-check validate rules/ho-curent.yaml")
_code("BSA111", "test-file-given-to-validate", ERROR,
      ("a rule test file was given to validate", "*.bsa-test.yaml files hold test cases; run them with bsa-check "
       "test."),
      ("een regeltestbestand is aan validate gegeven", "*.bsa-test.yaml-bestanden bevatten testgevallen; draai ze "
       "met bsa-check test."),
      "bsa-check validate tests/rules/mbo.bsa-test.yaml")
_code("BSA112", "escaped-control-character", ERROR,
      ('a text holds a control character written as a YAML escape', 'Texts are shown on terminals and in reports, where ESC or BEL would be an instruction; remove "\\e", "\\a", "\\x9b" and the like (line feeds and tabs stay allowed).'),
      ('een tekst bevat een stuurteken, geschreven als YAML-escape', 'Teksten verschijnen in terminals en rapporten, waar ESC of BEL een opdracht zou zijn; verwijder "\\e", "\\a", "\\x9b" en dergelijke (regeleinden en tabs mogen).'),
      'title: {en: "\\e[2Jx"}')
_code("BSA113", "rules-outside-repository", ERROR,
      ("a rule test file's rules: points outside its repository", "rules: names a bundled rule set or a path inside the test file's repository: an absolute path, ~, a path above the root or a symlink leading out is refused unread."),
      ('rules: van een regeltestbestand wijst buiten de repository', 'rules: noemt een meegeleverde regelset of een pad binnen de repository van het testbestand: een absoluut pad, ~, een pad boven de root of een link naar buiten wordt ongelezen geweigerd.'),
      'rules: /etc/passwd')
_code("BSA114", "rules-not-a-rule-file", ERROR,
      ("a rule test file's rules: names a file that is not a rule file", 'The file is named without showing any of its lines.'),
      ('rules: van een regeltestbestand noemt een bestand dat geen regelbestand is', 'Het bestand wordt genoemd zonder een van zijn regels te tonen.'),
      'rules: ../README.md')
_code("BSA120", "no-rule-files", ERROR,
      ("a folder given to validate holds no rule files", "validate DIR searches DIR recursively for YAML files "
       "with a top-level rules or schema_version key (skipping hidden folders and *.bsa-test.yaml); none was "
       "found (exit 2)."),
      ("een map voor validate bevat geen regelbestanden", "validate MAP zoekt in MAP (recursief) naar "
       "YAML-bestanden met een sleutel rules of schema_version op het hoogste niveau (verborgen mappen en "
       "*.bsa-test.yaml overgeslagen); er is er geen gevonden (exit 2)."),
      "bsa-check validate docs/")
_code("BSA130", "impossible-expectation", ERROR,
      ("a rule test case expects what the rule set cannot give", "The expected rule, precondition or outcome does "
       "not exist in the rule set, or the named rule never gives that outcome."),
      ("een regeltest verwacht wat de regelset niet kan geven", "De verwachte regel, voorwaarde of uitkomst bestaat "
       "niet in de regelset, of de genoemde regel geeft die uitkomst nooit."),
      "expect: {rule: norm_met, outcome: negative}")

# --- BSA2xx consistency ------------------------------------------------------------------------------
_code("BSA140", "extends-not-found", ERROR,
      ("extends names no bundled rule set and no file", "extends takes a bundled rule-set name (bsa-check rules) "
       "or a path relative to the extending file; a URL is refused: rule sets are never fetched."),
      ("extends noemt geen meegeleverde regelset en geen bestand", "extends neemt de naam van een meegeleverde "
       "regelset (bsa-check rules) of een pad ten opzichte van het bestand zelf; een URL wordt geweigerd: regelsets "
       "worden nooit opgehaald."),
      "extends: ho-curent   ->   extends: ho-current")
_code("BSA141", "extends-cycle-or-depth", ERROR,
      ("extends makes a cycle, or a chain that is too deep", "A file cannot extend itself, directly or through "
       "other files, and a chain of extends is at most five files deep."),
      ("extends maakt een kringloop, of een te lange keten", "Een bestand kan niet op zichzelf voortbouwen, direct "
       "of via andere bestanden, en een keten van extends is hoogstens vijf bestanden lang."),
      "a.yaml: extends: b.yaml   b.yaml: extends: a.yaml")
_code("BSA143", "extends-placement", ERROR,
      ("a rule change that cannot be placed", "In a file that extends another rule set, each rule says where it "
       "goes (exactly one of replace, before, after: an id of the extended rule set), a new rule's id is new, and "
       "remove_rules names existing rules; a file without extends has none of these keys."),
      ("een regelwijziging die niet te plaatsen is", "In een bestand met extends zegt elke regel waar hij komt "
       "(precies een van replace, before, after: een id van de uitgebreide regelset), heeft een nieuwe regel een "
       "nieuw id, en noemt remove_rules bestaande regels; een bestand zonder extends heeft deze sleutels niet."),
      "rules: [{id: extra, when: ..., outcome: positive, ...}]   ->   add before: norm_met")
_code("BSA144", "removal-without-reason", ERROR,
      ("a rule removed without a reason", "remove_rules takes a rule of the extended rule set out; say why, in "
       "Dutch and English (validate and explain show it)."),
      ("een regel weggelaten zonder reden", "remove_rules laat een regel van de uitgebreide regelset weg; zeg "
       "waarom, in het Nederlands en het Engels (validate en explain tonen het)."),
      "remove_rules: [{id: late_entry}]   ->   add reason: {nl: ..., en: ...}")
_code("BSA145", "unknown-precondition-set", ERROR,
      ("requires names a precondition set that does not exist", "A name in a rule's requires stands for a set "
       "under the top-level preconditions (of this file or a file it extends); define it there, or write the "
       "preconditions out."),
      ("requires noemt een set voorwaarden die niet bestaat", "Een naam in requires staat voor een set onder "
       "preconditions op het hoogste niveau (van dit bestand of een bestand waarop het voortbouwt); definieer hem "
       "daar, of schrijf de voorwaarden uit."),
      "requires: [lawful_procedur]   ->   requires: [lawful_procedure]")
_code("BSA201", "inconsistent", ERROR,
      ("the rule set is inconsistent", "A reference or value that does not fit the rest of the rule set; the message "
       "says which."),
      ("de regelset is inconsistent", "Een verwijzing of waarde die niet past bij de rest van de regelset; de "
       "melding zegt welke."),
      "a rule that refers to something the rule set does not declare")
_code("BSA202", "parameter-type", ERROR,
      ("a parameter value is not of the declared type", "Each dated value must have the parameter's type (decimal, "
       "integer, month_day --MM-DD, text_list, ...)."),
      ("een parameterwaarde heeft niet het opgegeven type", "Elke gedateerde waarde moet het type van de parameter "
       "hebben (decimal, integer, month_day --MM-DD, text_list, ...)."),
      "type: month_day\\nvalues: {2024-09-01: 31-08}")
_code("BSA203", "out-of-range", ERROR,
      ("a parameter value is outside its declared range", "Use a value within range: min..max, or change the range."),
      ("een parameterwaarde valt buiten het opgegeven bereik", "Gebruik een waarde binnen range: min..max, of pas het "
       "bereik aan."),
      "range: {min: 0, max: 60}\\nvalues: {2024-09-01: 75}")
_code("BSA204", "unknown-field", ERROR,
      ("a rule reads a record field that does not exist", "The field names are in the README's field table; the "
       "message suggests the closest one."),
      ("een regel leest een veld dat niet bestaat", "De veldnamen staan in de veldentabel van de README; de melding "
       "stelt de dichtstbijzijnde voor."),
      "when: {field: ec_jaar_1, lt: 45}   (did you mean 'ec_year1'?)")
_code("BSA205", "type-mismatch", ERROR,
      ("an operator compares values of different kinds", "E.g. a number with a date, or a date shift on a number; "
       "compare like with like."),
      ("een operator vergelijkt waarden van verschillende soort", "Bijv. een getal met een datum, of een "
       "datumverschuiving op een getal; vergelijk gelijksoortige waarden."),
      "when: {field: ec_year1, before: 2025-09-01}")
_code("BSA206", "unknown-parameter", ERROR,
      ("a rule refers to a parameter the rule set does not declare", "Declare it under parameters, or fix the "
       "spelling."),
      ("een regel verwijst naar een parameter die niet gedeclareerd is", "Declareer hem onder parameters, of "
       "verbeter de spelling."),
      "when: {field: ec_year1, ge: {param: nrom_ec}}")
_code("BSA207", "unknown-derived", ERROR,
      ("a rule refers to a derived value the rule set does not declare", "Declare it under derived, or fix the "
       "spelling."),
      ("een regel verwijst naar een afgeleide waarde die niet gedeclareerd is", "Declareer hem onder derived, of "
       "verbeter de spelling."),
      "when: {derived: advise_day, on_or_after: ...}")
_code("BSA208", "derived-without-default", ERROR,
      ("a derived value's last case has a condition", "End with a case without 'when' so every record gets a value."),
      ("het laatste geval van een afgeleide waarde heeft een voorwaarde", "Eindig met een geval zonder 'when', zodat "
       "elk record een waarde krijgt."),
      "cases: [{when: {...}, value: 1}]")
_code("BSA209", "unknown-placeholder", ERROR,
      ("a reason text uses a placeholder that does not exist", "Placeholders name a field, parameter or derived "
       "value: {ec_year1}, {norm_ec}."),
      ("een redentekst gebruikt een plaatshouder die niet bestaat", "Plaatshouders noemen een veld, parameter of "
       "afgeleide waarde: {ec_year1}, {norm_ec}."),
      "reason: {en: \"{ec_yaer1} EC\"}")
_code("BSA210", "duplicate-id", ERROR,
      ("a rule id (or test case name) is used twice", "Every rule needs its own id, so a verdict can name it."),
      ("een regel-id (of testnaam) komt twee keer voor", "Elke regel heeft een eigen id nodig, zodat een uitkomst hem "
       "kan noemen."),
      "rules: [{id: r, ...}, {id: r, ...}]")
_code("BSA211", "negative-without-procedure", ERROR,
      ("a binding negative without preconditions, or an if_missing that decides anyway", "A binding negative needs "
       "its procedural steps under requires; when one is missing the outcome is procedure_incomplete."),
      ("een bindend negatief advies zonder voorwaarden, of een if_missing die toch beslist", "Een bindend negatief "
       "advies heeft zijn procedurestappen onder requires nodig; ontbreekt er één, dan is de uitkomst "
       "procedure_incomplete."),
      "- id: not_met\\n  outcome: negative   (no requires)")
_code("BSA212", "derived-cycle", ERROR,
      ("a derived value depends on itself", "Break the cycle: a derived value may not refer to itself, directly or "
       "through another."),
      ("een afgeleide waarde hangt van zichzelf af", "Doorbreek de kring: een afgeleide waarde mag niet naar "
       "zichzelf verwijzen, direct of via een andere."),
      "derived: {a: {cases: [{value: {derived: a}}]}}")
_code("BSA213", "unknown-unit", ERROR,
      ("a unit, group, block or compensation scheme the catalogue does not have", "Unit filters and aggregates need "
       "the rule set's units: catalogue, and may only name what it declares."),
      ("een onderdeel, groep, blok of compensatieregeling die de catalogus niet kent", "Filters en aggregaten op "
       "onderdelen hebben de catalogus units: nodig, en mogen alleen noemen wat die declareert."),
      "{aggregate: passed_ec, units: [STAT9]}")
_code("BSA214", "discretion-without-review", ERROR,
      ("a discretionary rule that does not leave the decision to a person", "discretion: true must give "
       "needs_review and name decided_by."),
      ("een discretionaire regel die de beslissing niet aan een mens laat", "discretion: true moet needs_review "
       "geven en decided_by noemen."),
      "discretion: true\\noutcome: positive")
_code("BSA215", "exclusion-without-negative", ERROR,
      ("an exclusion on a rule that gives no binding negative", "Only a binding negative excludes a student from "
       "re-enrolling (WHW 7.8b lid 5)."),
      ("een uitsluiting bij een regel die geen bindend negatief advies geeft", "Alleen een bindend negatief advies "
       "sluit herinschrijving uit (WHW 7.8b lid 5)."),
      "outcome: positive\\nexclusion: {years: 3}")
_code("BSA216", "compensation-band", ERROR,
      ("a compensation band that is empty or reaches the pass mark", "A compensated grade is a failed grade: keep "
       "min at most max, and max below the pass mark."),
      ("een compensatieband die leeg is of het cijfer voor voldoende bereikt", "Een gecompenseerd cijfer is een "
       "onvoldoende: houd min hoogstens max, en max onder de cesuur."),
      "band: {min: 5, max: 5.5}   (pass mark 5.5)")
_code("BSA220", "dated-values-order", WARNING,
      ("dated values are not in date order", "The value in force is still picked correctly, but the file is harder "
       "to read; list the dates in order."),
      ("gedateerde waarden staan niet op datumvolgorde", "De geldende waarde wordt nog steeds goed gekozen, maar het "
       "bestand leest moeilijker; zet de data op volgorde."),
      "values: {2026-09-01: 42.5, 2024-09-01: 40}")
_code("BSA221", "unreachable-rule", ERROR,
      ("a rule can never fire", "A rule before it always applies (e.g. one without 'when'); move it, or give it a "
       "condition."),
      ("een regel kan nooit gelden", "Een regel ervoor geldt altijd (bijv. een zonder 'when'); verplaats hem, of geef "
       "hem een voorwaarde."),
      "rules: [{id: always, ...no when...}, {id: never, ...}]")
_code("BSA222", "exclusive-overlap", ERROR,
      ("with decision: exclusive, two rules decide one record differently", "Shown with a witness record; make the "
       "conditions exclusive, or use decision: first_match if the order settles it."),
      ("bij decision: exclusive beslissen twee regels één record verschillend", "Getoond met een voorbeeldrecord; "
       "maak de voorwaarden uitsluitend, of gebruik decision: first_match als de volgorde beslist."),
      "low: ec_year1 < 30 -> needs_review; lower: ec_year1 < 20 -> positive")
_code("BSA223", "interim-without-label", ERROR,
      ("an interim advice without a label", "outcome: interim (or if_missing: interim) needs a label saying which "
       "interim advice it is (on track, doubtful, warning, ...), in both languages."),
      ("een tussentijds advies zonder label", "outcome: interim (of if_missing: interim) heeft een label nodig dat "
       "zegt welk tussentijds advies het is (op koers, twijfelachtig, waarschuwing, ...), in beide talen."),
      "outcome: interim   (no label:)  ->  label: {nl: twijfelachtig, en: doubtful}")
_code("BSA224", "binding-interim", ERROR,
      ("an interim advice with something binding", "An interim advice is never binding: it has no preconditions of a "
       "binding negative (requires; an exclusion on it is BSA215). Give a binding advice in a rule of its own."),
      ("een tussentijds advies met iets bindends", "Een tussentijds advies is nooit bindend: het heeft geen voorwaarden "
       "voor een bindend negatief advies (requires; een uitsluiting erbij is BSA215). Geef een bindend advies in een "
       "eigen regel."),
      "outcome: interim\\nrequires: [lawful_procedure]")
_code("BSA225", "label-without-interim", ERROR,
      ("a label on a rule that gives no interim advice", "label names an interim advice; on another outcome it would "
       "be silently ignored. Use outcome: interim, or drop the label."),
      ("een label bij een regel die geen tussentijds advies geeft", "label benoemt een tussentijds advies; bij een andere "
       "uitkomst zou het stil genegeerd worden. Gebruik outcome: interim, of laat het label weg."),
      "outcome: positive\nlabel: {nl: op koers, en: on track}")
_code("BSA226", "derived-text-compared", ERROR,
      ("a derived text compared in a condition", "A derived value whose cases give text: {nl, en} is for reasons "
       "only; a condition compares the values its cases test instead."),
      ("een afgeleide tekst vergeleken in een voorwaarde", "Een afgeleide waarde waarvan de gevallen text: {nl, en} "
       "geven is alleen voor redenen; een voorwaarde vergelijkt de waarden die de gevallen testen."),
      "derived: {track: {cases: [{text: {nl: ..., en: ...}}]}}\nwhen: {derived: track, eq: x}")
_code("BSA227", "placeholder-in-derived-text", ERROR,
      ("a placeholder in a derived text", "A derived text is shown as written, so {name} in it would never be "
       "filled; name the value in the rule's reason, or write {{ and }} for literal braces."),
      ("een placeholder in een afgeleide tekst", "Een afgeleide tekst wordt getoond zoals geschreven, dus {naam} erin "
       "wordt nooit ingevuld; noem de waarde in de reden van de regel, of schrijf {{ en }} voor letterlijke accolades."),
      "cases: [{text: {nl: 'nog {shortfall} EC', en: '{shortfall} EC to go'}}]")
_code("BSA228", "circumstance-designated-and-excluded", ERROR,
      ("a circumstance kind both designated and excluded", "A kind is a ground or it is not: list it under "
       "circumstances.designated (or designated_circumstances) or under circumstances.excluded, not both."),
      ("een soort omstandigheid zowel aangewezen als uitgesloten", "Een soort is een grond of niet: noem hem onder "
       "circumstances.designated (of designated_circumstances) of onder circumstances.excluded, niet beide."),
      "circumstances: {designated: {exchange: ...}, excluded: {exchange: ...}}")
_code("BSA229", "circumstance-kind-refused", ERROR,
      ("a statutory circumstance excluded, or a kind that is already one", "The list of Uitvoeringsbesluit WHW 2008 "
       "art. 2.1 is the base: an OER may add grounds but cannot exclude illness, impairment, pregnancy, family, "
       "participation_body, institution_activity or student_board. A declared kind needs a name (and spellings) "
       "of its own: not other, not a statutory kind or spelling."),
      ("een wettelijke omstandigheid uitgesloten, of een soort die er al een is", "De lijst van het Uitvoeringsbesluit "
       "WHW 2008 art. 2.1 is de basis: een OER mag gronden toevoegen, maar ziekte, functiebeperking, zwangerschap, "
       "familieomstandigheden, medezeggenschap, instellingsactiviteit en studentbestuur niet uitsluiten. Een eigen "
       "soort heeft een eigen naam (en schrijfwijzen) nodig: niet other, geen wettelijke soort of schrijfwijze."),
      "circumstances: {excluded: {illness: {reason: ..., legal_basis: ...}}}")

_code("BSA230", "date-shift-out-of-range", ERROR,
      ('a date shifted by the rule set falls outside the years 1-9999', 'Chained plus shifts reach past year 9999 (or before year 1) for this record: the row is a located error; shorten the shifts or check the date.'),
      ('een door de regelset verschoven datum valt buiten de jaren 1-9999', 'Gestapelde plus-verschuivingen komen voor dit record voorbij jaar 9999 (of voor jaar 1): de rij is een fout met plaats; kort de verschuivingen in of controleer de datum.'),
      '{field: warning_date, plus: {years: 9000}}')
_code("BSA231", "weighted-not-average", ERROR,
      ("weighted_by on an aggregate that is not an average", "weighted_by: ec weighs the grades of an average by "
       "their units' credits; on credits or counts it means nothing and would be silently ignored."),
      ("weighted_by bij een aggregaat dat geen gemiddelde is", "weighted_by: ec weegt de cijfers van een gemiddelde "
       "naar de studiepunten van hun onderdelen; bij studiepunten of aantallen betekent het niets en zou het stil "
       "genegeerd worden."),
      "{aggregate: ec, weighted_by: ec}   ->   {aggregate: average, weighted_by: ec}")
_code("BSA232", "unit-years-reversed", ERROR,
      ("a unit valid until an academic year before the one it is valid from", "valid_from and valid_until name the "
       "first and the last academic year a unit is in the catalogue; reversed, the unit is never in it."),
      ("een onderdeel geldig tot een studiejaar vóór het jaar waarin het geldig wordt", "valid_from en valid_until "
       "noemen het eerste en het laatste studiejaar waarin een onderdeel in de onderdelenlijst staat; omgekeerd staat "
       "het er nooit in."),
      "units: {OLD1: {ec: 5, valid_from: 2025-2026, valid_until: 2024-2025}}")
_code("BSA233", "unknown-field-value", ERROR,
      ("a field compared with a value it never has", "programme_role is main or side; negative_ground is "
       "study_progress, attendance_only or both. Any other value would never match, and the rule would "
       "silently never apply."),
      ("een veld vergeleken met een waarde die het nooit heeft", "programme_role is main of side; negative_ground is "
       "study_progress, attendance_only of both. Een andere waarde komt nooit overeen, en de regel zou stil nooit "
       "gelden."),
      "{field: negative_ground, eq: attendance}   ->   {field: negative_ground, eq: attendance_only}")

_code("BSA234", "mbo-negative-without-step", ERROR,
      ("an MBO binding negative reachable without a statutory step", "A binding negative in MBO (WEB 8.1.7a) "
       "needs each step as a precondition: a study-progress conversation, a written warning during the programme "
       "with a reasonable improvement period ended before the advice, a hearing (Awb 4:8), an advice date inside "
       "the window (9-12 months; 3-4 for a one-year programme) and, for a minor in entree, the offer of another "
       "programme. The rule set is refused for verdicts."),
      ("een bindend negatief mbo-advies zonder een wettelijke stap", "Een bindend negatief advies in het mbo (WEB "
       "8.1.7a) heeft elke stap als voorwaarde nodig: een studievoortgangsgesprek, een schriftelijke waarschuwing "
       "tijdens de opleiding met een redelijke verbetertermijn die vóór het advies is verstreken, het horen (Awb "
       "4:8), een adviesdatum binnen het venster (9-12 maanden; 3-4 bij een eenjarige opleiding) en, voor een "
       "minderjarige in de entree, het aanbod van een andere opleiding. De regelset wordt geweigerd voor "
       "uitkomsten."),
      "sector: mbo\\nrequires: [warning, improvement_period, hearing, advice_window, alternative_offered]   "
      "(no progress_talks)", blocking=True)

# --- BSA25x legal lint -------------------------------------------------------------------------------
_code("BSA250", "norm-above-60", ERROR,
      ("a year-one norm above 60 EC", "No norm can lawfully ask more than a year's credits (WHW 7.8b). The rule set "
       "is refused for verdicts."),
      ("een norm voor jaar één boven 60 EC", "Geen norm mag meer vragen dan de studiepunten van een jaar (WHW "
       "7.8b). De regelset wordt geweigerd voor uitkomsten."),
      "norm_ec: {values: {2024-09-01: 75}}", blocking=True)
_code("BSA251", "proposal-norm-above-cap", ERROR,
      ("a norm above the 2023 proposal's cap", "Under scenario proposed_2023 the year-one norm is at most 30 EC and "
       "the check after two years at most 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)."),
      ("een norm boven het plafond van het voorstel uit 2023", "Onder scenario proposed_2023 is de norm voor jaar één "
       "hoogstens 30 EC en na twee jaar hoogstens 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)."),
      "scenario: proposed_2023\\nnorm_ec: {values: {2025-09-01: 36}}", blocking=True)
_code("BSA252", "mbo-credit-norm", ERROR,
      ("a credit norm in an MBO rule set", "MBO has no credit norm in law (WEB 8.1.7a): a binding negative follows a "
       "procedure; test the procedure, not credits."),
      ("een studiepuntennorm in een mbo-regelset", "Het mbo kent wettelijk geen studiepuntennorm (WEB 8.1.7a): een "
       "bindend negatief advies volgt op een procedure; toets de procedure, niet studiepunten."),
      "sector: mbo\\nwhen: {field: ec_year1, lt: 30}", blocking=True)
_code("BSA253", "negative-without-steps", ERROR,
      ("a binding negative reachable without warning, hearing or advice window", "Preconditions must require the "
       "written warning and the hearing (WHW 7.8b lid 4; the proposal adds the conversation), and (HO) keep the "
       "advice date at the end of the year and within it."),
      ("een bindend negatief advies zonder waarschuwing, horen of adviesvenster", "Voorwaarden moeten de schriftelijke "
       "waarschuwing en het horen vereisen (WHW 7.8b lid 4; het voorstel voegt het gesprek toe) en (HO) de "
       "adviesdatum aan het eind van en binnen het jaar houden."),
      "outcome: negative\\nrequires: [{id: warning, when: {field: warning_date, is_set: true}}]   (no hearing)",
      blocking=True)
_code("BSA254", "unlisted-circumstance", ERROR,
      ("a personal-circumstance category outside Uitvoeringsbesluit WHW art. 2.1", "The statutory list is exclusive; "
       "list another category under designated_circumstances where the OER designates it (e.g. top_sport)."),
      ("een categorie persoonlijke omstandigheden buiten Uitvoeringsbesluit WHW art. 2.1", "De wettelijke lijst is "
       "uitputtend; noem een andere categorie onder designated_circumstances als de OER die aanwijst (bijv. "
       "top_sport)."),
      "when: {field: personal_circumstances, contains: top_sport}")
_code("BSA255", "proposal-labelled-law", ERROR,
      ("scenario proposed_2023 labelled as law", "Set legal_status: proposal, so every verdict says it is not law."),
      ("scenario proposed_2023 gelabeld als wet", "Zet legal_status: proposal, zodat elke uitkomst zegt dat het geen "
       "wet is."),
      "scenario: proposed_2023\\nlegal_status: law", blocking=True)
_code("BSA256", "review-without-decider", WARNING,
      ("a needs_review rule that does not say who decides", "In a rule set with provenance, name who decides under "
       "decided_by (examination board, BSA committee)."),
      ("een needs_review-regel die niet zegt wie beslist", "In een regelset met provenance: noem onder decided_by wie "
       "beslist (examencommissie, bsa-commissie)."),
      "outcome: needs_review   (no decided_by)")
_code("BSA257", "negative-ignores-circumstances", ERROR,
      ("a binding negative while personal circumstances are not weighed", "HO: put a rule before it that gives "
       "needs_review (not weighed, accepted) or postponed (WHW 7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)."),
      ("een bindend negatief advies terwijl persoonlijke omstandigheden niet gewogen zijn", "HO: zet er een regel "
       "voor die needs_review (niet gewogen, aanvaard) of postponed geeft (WHW 7.8b lid 3, Uitvoeringsbesluit WHW "
       "art. 2.1)."),
      "a rule set whose rules never read personal_circumstances", blocking=True)
_code("BSA258", "negative-ignores-propaedeutic", ERROR,
      ("a binding negative without reading the propaedeutic exam", "After the propaedeutic exam no binding negative "
       "is possible (WHW 7.8b lid 2): put a positive rule for propaedeutic_passed before it."),
      ("een bindend negatief advies zonder de propedeuse te lezen", "Na de propedeuse is geen bindend negatief advies "
       "mogelijk (WHW 7.8b lid 2): zet er een positieve regel voor propaedeutic_passed voor."),
      "a rule set whose rules never read propaedeutic_passed", blocking=True)
_code("BSA259", "requires-without-reason", ERROR,
      ("preconditions without reason_if_missing", "Its procedure_incomplete verdict would give the negative's own "
       "reason; add reason_if_missing (nl and en) naming {missing}."),
      ("voorwaarden zonder reason_if_missing", "De uitkomst procedure_incomplete zou de reden van het negatieve advies "
       "geven; voeg reason_if_missing (nl en en) toe met {missing}."),
      "outcome: negative\\nrequires: [...]   (no reason_if_missing)")
_code("BSA260", "choices-or-earlier-ruleset", ERROR,
      ("a closed set of text values misused, or before_valid_from that cannot be followed",
       "choices are for text parameters; a text parameter is only compared with one of its choices (a misspelling "
       "would silently switch to the other reading); before_valid_from names a bundled rule set or a file that does "
       "not itself delegate (one step only)."),
      ("een gesloten lijst tekstwaarden verkeerd gebruikt, of before_valid_from die niet te volgen is",
       "choices zijn voor tekstparameters; een tekstparameter wordt alleen vergeleken met een van zijn choices (een "
       "tikfout zou stil naar de andere lezing schakelen); before_valid_from noemt een meegeleverde regelset of een "
       "bestand dat zelf niet doorverwijst (een stap)."),
      "year2_counts: {type: text, choices: [first_year_units, cumulative]}  then  {eq: first_year_unit}")
_code("BSA265", "unsafe-optional-column", ERROR,
      ("an optional column whose absence can make a binding negative more likely",
       "Personal circumstances and their decision, the propaedeutic exam and a deregistration (and any field whose "
       "empty value lets a binding negative decide on a test record where a recorded value would not) may not be "
       "listed under optional_columns: an export without the column must stop, naming it (WHW 7.8b lid 2-4)."),
      ("een optionele kolom waarvan het ontbreken een bindend negatief advies waarschijnlijker maakt",
       "Persoonlijke omstandigheden en het besluit daarover, de propedeuse en een uitschrijving (en elk veld waarvan "
       "een lege waarde op een testrecord een bindend negatief advies laat beslissen waar een ingevulde waarde dat "
       "niet doet) mogen niet onder optional_columns staan: een export zonder die kolom moet stoppen en hem noemen "
       "(WHW 7.8b lid 2-4)."),
      "optional_columns: [personal_circumstances]", blocking=True)

# --- BSA3xx records and evaluation -------------------------------------------------------------------
_code("BSA301", "records-not-found", ERROR,
      ("the records file is missing, a directory or unreadable", "The run stops (exit 2)."),
      ("het bestand met gegevens ontbreekt, is een map of onleesbaar", "De run stopt (exit 2)."),
      "bsa-check check studenten.csv   (no such file)")
_code("BSA302", "records-encoding", ERROR,
      ("the records file has an unsupported encoding", "UTF-8 (with or without BOM), UTF-16 with BOM and "
       "Windows-1252 are read; a NUL byte in the header is refused (exit 2)."),
      ("het bestand heeft een niet-ondersteunde codering", "UTF-8 (met of zonder BOM), UTF-16 met BOM en "
       "Windows-1252 worden gelezen; een NUL-byte in de kopregel wordt geweigerd (exit 2)."),
      "a UTF-32 export")
_code("BSA303", "records-empty", ERROR,
      ("the records file is empty", "There is no header line (exit 2)."),
      ("het bestand is leeg", "Er is geen kopregel (exit 2)."), "an empty students.csv")
_code("BSA304", "records-delimiter", ERROR,
      ("the delimiter is a tab or |", "Use ; or , (exit 2)."),
      ("het scheidingsteken is een tab of |", "Gebruik ; of , (exit 2)."), "studentnummer|opleiding")
_code("BSA305", "records-duplicate-column", ERROR,
      ("two columns for one field", "Remove or rename one of them (exit 2)."),
      ("twee kolommen voor één veld", "Verwijder of hernoem er één (exit 2)."), "studentnummer;student_id")
_code("BSA306", "records-missing-column", ERROR,
      ("a required column is missing", "The rule set needs it; add it to the export (exit 2)."),
      ("een verplichte kolom ontbreekt", "De regelset heeft hem nodig; voeg hem toe aan de export (exit 2)."),
      "a header without opleiding")
_code("BSA307", "row-cell-count", ERROR,
      ("a row has more or fewer cells than the header", "That row is an error; the others are checked."),
      ("een regel heeft meer of minder cellen dan de kopregel", "Die regel wordt een fout; de andere worden beoordeeld."),
      "a row with 9 cells under a 10-column header")
_code("BSA308", "row-broken-quotes", ERROR,
      ("broken quotes, or a line or cell that is too long", "That row is an error; later rows keep their line "
       "numbers."),
      ("kapotte aanhalingstekens, of een te lange regel of cel", "Die regel wordt een fout; latere regels houden hun "
       "regelnummer."),
      "1234;\"B Psychologie;45")
_code("BSA309", "row-nul-byte", ERROR,
      ("a NUL byte in a cell", "A damaged export; that row is an error."),
      ("een NUL-byte in een cel", "Een beschadigde export; die regel wordt een fout."), "a cell holding \\x00")
_code("BSA310", "cell-unreadable", ERROR,
      ("a cell that cannot be read", "Not a number, a date that does not exist, a thousands separator, more than two "
       "decimals, negative credits; that row is an error."),
      ("een cel die niet te lezen is", "Geen getal, een datum die niet bestaat, een scheidingsteken voor duizendtallen, "
       "meer dan twee decimalen, negatieve studiepunten; die regel wordt een fout."),
      "ec_jaar1 = 1.234,5")
_code("BSA311", "row-missing-key", ERROR,
      ("an empty student number or programme", "That row is an error."),
      ("een leeg studentnummer of lege opleiding", "Die regel wordt een fout."), "a row with an empty studentnummer")
_code("BSA312", "value-needed", ERROR,
      ("an empty value a rule needs", "The row gets an error, never a guessed verdict; fill the cell."),
      ("een lege waarde die een regel nodig heeft", "De regel krijgt een fout, nooit een geraden uitkomst; vul de cel."),
      "an empty ec_jaar1 under a credit norm")
_code("BSA313", "duplicate-student", ERROR,
      ("the same student, programme and year as an earlier row", "The later row is an error naming the earlier line."),
      ("dezelfde student, opleiding en jaar als een eerdere regel", "De latere regel wordt een fout met het nummer van "
       "de eerdere regel."),
      "two rows 1234;59001;2025-2026")
_code("BSA314", "value-out-of-bounds", ERROR,
      ("a value outside the rule set's record_bounds", "That row is an error instead of a verdict."),
      ("een waarde buiten de record_bounds van de regelset", "Die regel wordt een fout in plaats van een uitkomst."),
      "ec_jaar1 = 75 with record_bounds: {ec_year1: {max: 60}}")
_code("BSA315", "no-rows", WARNING,
      ("a header without data rows", "Nothing was checked; is it the right export?"),
      ("een kopregel zonder gegevensregels", "Er is niets beoordeeld; is dit de juiste export?"), "a header-only CSV")
_code("BSA316", "unknown-columns", WARNING,
      ("columns that are not known fields", "They are ignored, with one warning naming them all."),
      ("kolommen die geen bekende velden zijn", "Ze worden genegeerd, met één waarschuwing die ze allemaal noemt."),
      "a column 'opmerkingen'")
_code("BSA317", "unknown-unit-result", ERROR,
      ("a unit result whose unit is not in the catalogue", "Give its credits (CODE:RESULT:nEC) or add the unit to "
       "the rule set's catalogue."),
      ("een resultaat van een onderdeel dat niet in de catalogus staat", "Geef de studiepunten (CODE:RESULTAAT:nEC) "
       "of voeg het onderdeel toe aan de catalogus van de regelset."),
      "resultaten = XYZ9:7")
_code("BSA320", "parameter-not-in-force", ERROR,
      ("a parameter has no value in force on the reference date", "Check collegejaar, add a value dated earlier, or "
       "set it with --param."),
      ("een parameter heeft geen geldende waarde op de peildatum", "Controleer collegejaar, voeg een eerder gedateerde "
       "waarde toe, of zet hem met --param."),
      "values: {2026-09-01: 42} with collegejaar 2024-2025")
_code("BSA321", "no-rule-applies", ERROR,
      ("no rule of the rule set applies to the record", "Add a final rule without 'when'."),
      ("geen regel van de regelset is van toepassing", "Voeg een laatste regel zonder 'when' toe."),
      "a rule set whose every rule has a condition")
_code("BSA326", "programme-name-and-code", ERROR,
      ("the export has both a programme name and a programme code column",
       "The tool does not pick one silently: a name where a code is expected gives the default norm. Keep one of the "
       "two columns (rename or remove the other), or map one with --columns. The run stops (exit 2)."),
      ("de export heeft zowel een opleidingsnaam- als een opleidingscodekolom",
       "De tool kiest er niet stil een: een naam waar een code verwacht wordt geeft de standaardnorm. Houd een van de "
       "twee kolommen (hernoem of verwijder de andere), of wijs er een aan met --columns. De run stopt (exit 2)."),
      "Opleiding;Opleidingscode  (both in one header)")
_code("BSA327", "programme-on-default", WARNING,
      ("rows of a programme fell back to a per-programme parameter's default",
       "No per-programme value matches these programmes, so their rows used the default. Check the programme codes "
       "in the export against the rule set's by_programme keys."),
      ("rijen van een opleiding vielen terug op de standaardwaarde van een parameter per opleiding",
       "Geen waarde per opleiding past bij deze opleidingen, dus hun rijen kregen de standaardwaarde. Vergelijk de "
       "opleidingscodes in de export met de by_programme-sleutels van de regelset."),
      "by_programme: {'34401': 40}  with opleiding 'Bedrijfskunde'")
_code("BSA330", "stray-byte", WARNING,
      ('a mostly UTF-8 file with a stray byte, read as Windows-1252', "Names the first line with a non-ASCII character (where accents may now read wrong) and the stray byte's line; save the export as UTF-8."),
      ('een grotendeels UTF-8-bestand met een losse byte, gelezen als Windows-1252', 'Noemt de eerste regel met een niet-ASCII-teken (waar accenten nu verkeerd kunnen staan) en de regel van de losse byte; sla de export op als UTF-8.'),
      'a UTF-8 export with one 0xE9 byte')
_code("BSA340", "number-cell-as-text", ERROR,
      ('a workbook number cell where text is expected', 'Excel drops leading zeros (00123 shows as 123): the row is an error, not silently changed. Format the column as text in Excel, or list it under numbers_as_text in a --columns mapping when the numbers are right.'),
      ('een getalcel in een werkmap waar tekst verwacht wordt', 'Excel laat voorloopnullen vallen (00123 wordt 123): de rij is een fout en wordt niet stil veranderd. Maak de kolom in Excel tekst, of zet hem onder numbers_as_text in een --columns-toewijzing als de getallen kloppen.'),
      'studentnummer cell 123 (number) in Blad1!A5')
_code("BSA341", "date-cell-mismatch", ERROR,
      ('a workbook date cell where a number or text is expected, or a number where a date is expected', "Excel turns 7-5 into a date; a date column holding numbers was typed wrongly. Fix the cell's type in the workbook."),
      ('een datumcel waar een getal of tekst verwacht wordt, of een getal waar een datum verwacht wordt', 'Excel maakt van 7-5 een datum; een datumkolom met getallen is verkeerd getypeerd. Herstel het celtype in de werkmap.'),
      'ec_jaar1 cell formatted as a date')
_code("BSA342", "procedure-step-unmapped", ERROR,
      ('a column that looks like a procedure step is not mapped while the rule set reads that step', 'Ignored, it would make a warned and heard student procedure_incomplete. Map it with --columns (did-you-mean names the field). The run stops (exit 2).'),
      ('een kolom die op een procedurestap lijkt is niet toegewezen terwijl de regelset die stap leest', 'Genegeerd zou een gewaarschuwde en gehoorde student procedure_incomplete krijgen. Wijs hem toe met --columns (de suggestie noemt het veld). De run stopt (exit 2).'),
      "header 'Waarschuwing verstuurd' with no mapping")
_code("BSA343", "not-a-table", ERROR,
      ('the input is not a table', 'zip, gzip, PDF, .xls before 2007, OpenDocument, Word or a web page saved as .xls: save it as .xlsx or CSV. The run stops (exit 2).'),
      ('de invoer is geen tabel', 'zip, gzip, PDF, .xls van voor 2007, OpenDocument, Word of een webpagina opgeslagen als .xls: sla hem op als .xlsx of CSV. De run stopt (exit 2).'),
      'bsa-check check export.pdf')
_code("BSA344", "workbook-unreadable", ERROR,
      ('a workbook that cannot be read, or a --sheet it does not have', 'A damaged or password-protected workbook, a sheet name not in it (with a did-you-mean), or --sheet on a CSV. The run stops (exit 2).'),
      ('een werkmap die niet te lezen is, of een --sheet die er niet in staat', 'Een beschadigde of beveiligde werkmap, een bladnaam die er niet in staat (met suggestie), of --sheet bij een CSV. De run stopt (exit 2).'),
      '--sheet Blad3 on a workbook with Blad1 and Blad2')

# --- BSA4xx usage ------------------------------------------------------------------------------------
_code("BSA401", "param-syntax", ERROR,
      ("--param is not NAME=VALUE, or its value cannot be read", "E.g. --param norm_ec=42 (exit 2)."),
      ("--param is geen NAAM=WAARDE, of de waarde is niet te lezen", "Bijv. --param norm_ec=42 (exit 2)."),
      "--param norm_ec")
_code("BSA402", "unknown-param-option", ERROR,
      ("--param names a parameter no rule set declares", "The message suggests the closest name (exit 2)."),
      ("--param noemt een parameter die geen regelset kent", "De melding stelt de dichtstbijzijnde naam voor (exit 2)."),
      "--param nrom_ec=42")
_code("BSA403", "param-out-of-range", ERROR,
      ("a --param value outside the parameter's range", "Choose a value within the range (exit 2)."),
      ("een --param-waarde buiten het bereik van de parameter", "Kies een waarde binnen het bereik (exit 2)."),
      "--param norm_ec=75")
_code("BSA404", "output-over-input", ERROR,
      ("--output would overwrite an input file", "Choose another output file (exit 2)."),
      ("--output zou een invoerbestand overschrijven", "Kies een ander uitvoerbestand (exit 2)."),
      "--output students.csv")
_code("BSA405", "output-folder-missing", ERROR,
      ("the folder of --output does not exist", "Create it first, or choose another path (exit 2)."),
      ("de map van --output bestaat niet", "Maak hem eerst, of kies een ander pad (exit 2)."),
      "--output nope/out.csv")
_code("BSA406", "as-of-date", ERROR,
      ("--as-of is not a date", "ISO (2026-08-31) or dd-mm-jjjj (exit 2)."),
      ("--as-of is geen datum", "ISO (2026-08-31) of dd-mm-jjjj (exit 2)."), "--as-of 31-02-2026")
_code("BSA407", "student-not-found", ERROR,
      ("explain: the student number is not in the file", "Check the number, or the file (exit 2)."),
      ("explain: het studentnummer staat niet in het bestand", "Controleer het nummer, of het bestand (exit 2)."),
      "bsa-check explain students.csv 99999")
_code("BSA408", "pseudonym-key", ERROR,
      ("--pseudonymize without a usable key", "Set BSA_CHECK_PSEUDONYM_KEY (at least 16 characters) or "
       "--pseudonym-key-file (exit 2)."),
      ("--pseudonymize zonder bruikbare sleutel", "Zet BSA_CHECK_PSEUDONYM_KEY (minstens 16 tekens) of "
       "--pseudonym-key-file (exit 2)."),
      "bsa-check check students.csv --pseudonymize   (no key)")
_code("BSA409", "compare-needs-two", ERROR,
      ("compare needs at least two rule sets", "E.g. --rules ho-current --rules ho-proposed-2023 (exit 2)."),
      ("compare heeft minstens twee regelsets nodig", "Bijv. --rules ho-current --rules ho-proposed-2023 (exit 2)."),
      "bsa-check compare students.csv --rules ho-current")
_code("BSA410", "output-target-refused", ERROR,
      ('--output names something that is not a regular file or a new path', 'A device, FIFO, socket, directory or symlink is refused before anything is written (exit 2); write to standard output for a pipe or /dev/null.'),
      ('--output noemt iets dat geen gewoon bestand of nieuw pad is', 'Een apparaat, FIFO, socket, map of symbolische link wordt geweigerd voordat er iets geschreven wordt (exit 2); schrijf naar standaarduitvoer voor een pipe of /dev/null.'),
      '--output /dev/null')
_code("BSA411", "write-failed", ERROR,
      ('writing the output failed', 'Disk full, a read-only folder or file system, no permission: one message, exit 2, and no temp file is left.'),
      ('het schrijven van de uitvoer mislukte', 'Schijf vol, een alleen-lezen map of bestandssysteem, geen rechten: een melding, exit 2, en er blijft geen tijdelijk bestand achter.'),
      '--output /full-disk/out.json')
_code("BSA420", "unknown-code", ERROR,
      ("bsa-check codes: no such problem code", "The message suggests the closest code; `bsa-check codes` lists them "
       "all (exit 2)."),
      ("bsa-check codes: deze foutcode bestaat niet", "De melding stelt de dichtstbijzijnde code voor; `bsa-check "
       "codes` noemt ze allemaal (exit 2)."),
      "bsa-check codes BSA2500")
_code("BSA430", "api-item-not-a-record", ERROR,
      ("Python API: an item of the records is not a non-empty mapping",
       "bsa_check.check() reads an iterable of dicts (column name -> cell); an item that is not a dict, or an empty "
       "one, becomes an error result at its position (1-based), the other items are still checked."),
      ("Python-API: een element van de gegevens is geen niet-lege mapping",
       "bsa_check.check() leest een reeks dicts (kolomnaam -> cel); een element dat geen dict is, of een lege, wordt "
       "een foutresultaat op zijn positie (vanaf 1); de andere elementen worden gewoon gecontroleerd."),
      "bsa_check.check([{'student_id': '1', 'programme': 'B-X'}, None])")
_code("BSA431", "api-unknown-key", ERROR,
      ("Python API: an item has a key the first item does not have",
       "The first dict's keys are the header (as a CSV's first line): a later item with another key is an error "
       "result, so no value is silently dropped. Give every dict the same keys (None for an empty cell)."),
      ("Python-API: een element heeft een sleutel die het eerste element niet heeft",
       "De sleutels van de eerste dict zijn de kopregel (zoals de eerste regel van een CSV): een later element met "
       "een andere sleutel is een foutresultaat, zodat geen waarde stil verdwijnt. Geef elke dict dezelfde sleutels "
       "(None voor een lege cel)."),
      "[{'student_id': '1', 'programme': 'B-X'}, {'student_id': '2', 'programme': 'B-X', 'ec': 30}]")
_code("BSA432", "api-optional-library", ERROR,
      ("Python API: to_pandas()/to_polars() without that library installed",
       "pandas and polars are optional: install the extra (pip install 'bsa-check[pandas]' or 'bsa-check[polars]'); "
       "as_dicts() needs neither."),
      ("Python-API: to_pandas()/to_polars() zonder die bibliotheek",
       "pandas en polars zijn optioneel: installeer de extra (pip install 'bsa-check[pandas]' of "
       "'bsa-check[polars]'); as_dicts() heeft geen van beide nodig."),
      "bsa_check.check('students.csv').to_pandas()   (pandas not installed)")
_code("BSA433", "xlsx-to-terminal", ERROR,
      ("--format xlsx without --output while standard output is a terminal",
       "A workbook is binary: give --output FILE.xlsx, or redirect standard output to a file (exit 2)."),
      ("--format xlsx zonder --output terwijl de uitvoer een terminal is",
       "Een werkmap is binair: geef --output BESTAND.xlsx, of stuur de standaarduitvoer naar een bestand (exit 2)."),
      "bsa-check check students.csv --format xlsx")
_code("BSA434", "output-suffix-contradicts-format", ERROR,
      ("the --output file's suffix names another format than --format",
       "The suffix chooses the format when --format is not given (.json .jsonl .csv .xlsx .html .md .txt); both "
       "given must agree, so a file named .json never holds a text table (exit 2)."),
      ("de extensie van het --output-bestand noemt een ander formaat dan --format",
       "De extensie kiest het formaat als --format ontbreekt (.json .jsonl .csv .xlsx .html .md .txt); gegeven samen "
       "moeten ze overeenkomen, zodat een .json-bestand nooit een teksttabel bevat (exit 2)."),
      "bsa-check check students.csv --format text --output out.json")
_code("BSA435", "output-suffix-not-written", ERROR,
      ("the --output file's suffix names a format this command does not write",
       "E.g. check --output report.html: choose a suffix of a format the command writes, or another name (exit 2)."),
      ("de extensie van het --output-bestand noemt een formaat dat dit commando niet schrijft",
       "Bijv. check --output rapport.html: kies de extensie van een formaat dat het commando schrijft, of een andere "
       "naam (exit 2)."),
      "bsa-check check students.csv --output report.html")
_code("BSA436", "unknown-command", ERROR,
      ("no such command (and no such file)",
       "The first word is neither a command nor an existing file; the message suggests the nearest command (exit 2)."),
      ("dit commando bestaat niet (en dit bestand ook niet)",
       "Het eerste woord is geen commando en geen bestaand bestand; de melding stelt het dichtstbijzijnde commando "
       "voor (exit 2)."),
      "bsa-check chek students.csv")
_code("BSA437", "excel-needs-csv", ERROR,
      ("--excel with an output format other than CSV",
       "--excel writes CSV the way Excel reads it (byte order mark, CRLF, ';'); give --format csv or an .csv "
       "--output file (exit 2)."),
      ("--excel met een ander uitvoerformaat dan CSV",
       "--excel schrijft CSV zoals Excel het leest (byte order mark, CRLF, ';'); geef --format csv of een "
       ".csv-bestand bij --output (exit 2)."),
      "bsa-check check students.csv --excel --format json")
_code("BSA438", "only-unknown-outcome", ERROR,
      ("--only names an outcome that does not exist",
       "Give outcome codes separated by commas (positive, negative, negative_advisory, procedure_incomplete, "
       "needs_review, postponed, no_advice); the message names them (exit 2)."),
      ("--only noemt een uitkomst die niet bestaat",
       "Geef uitkomstcodes gescheiden door komma's (positive, negative, negative_advisory, procedure_incomplete, "
       "needs_review, postponed, no_advice); de melding noemt ze (exit 2)."),
      "bsa-check check students.csv --only negatief")
_code("BSA439", "summary-needs-text-or-json", ERROR,
      ("--summary with an output format that has no summary of its own",
       "--summary prints only the counts: in the text format, or the json document without its verdicts; jsonl, "
       "csv and xlsx are row formats (exit 2)."),
      ("--summary met een uitvoerformaat zonder eigen samenvatting",
       "--summary toont alleen de aantallen: in het tekstformaat, of het json-document zonder de adviezen; jsonl, "
       "csv en xlsx zijn rijformaten (exit 2)."),
      "bsa-check check students.csv --summary --format csv")
_code("BSA440", "keep-columns-needs-csv-or-xlsx", ERROR,
      ("--keep-columns or --keep-all with an output format other than csv or xlsx",
       "The export's own columns are carried into csv and xlsx output only (for a mail merge); give --format csv "
       "or xlsx, or an --output file ending in .csv or .xlsx (exit 2)."),
      ("--keep-columns of --keep-all met een ander uitvoerformaat dan csv of xlsx",
       "De eigen kolommen van de export gaan alleen mee naar csv- en xlsx-uitvoer (voor samenvoegen); geef "
       "--format csv of xlsx, of een --output-bestand op .csv of .xlsx (exit 2)."),
      "bsa-check check students.csv --keep-columns naam")
_code("BSA441", "keep-columns-unknown", ERROR,
      ("--keep-columns names a column the export does not have",
       "Names are the export's headers (case and spaces do not matter); the message lists the export's columns "
       "(exit 2)."),
      ("--keep-columns noemt een kolom die de export niet heeft",
       "Namen zijn de kolomkoppen van de export (hoofdletters en spaties tellen niet); de melding noemt de "
       "kolommen van de export (exit 2)."),
      "bsa-check check students.csv --format csv --keep-columns naam   (no such header)")
_code("BSA442", "keep-columns-with-pseudonyms", ERROR,
      ("--keep-columns or --keep-all together with --pseudonymize",
       "Kept columns (name, e-mail) would undo the pseudonyms; personal data is written only when asked, and "
       "never beside pseudonyms (exit 2)."),
      ("--keep-columns of --keep-all samen met --pseudonymize",
       "Meegenomen kolommen (naam, e-mail) maken de pseudoniemen ongedaan; persoonsgegevens worden alleen "
       "geschreven als daarom gevraagd wordt, en nooit naast pseudoniemen (exit 2)."),
      "bsa-check check students.csv --format csv --keep-all --pseudonymize")
_code("BSA443", "results-read-once", ERROR,
      ("the results of the Python API's check() were already read", "check() streams its results: they can be "
       "read once. Keep them with results = list(bsa_check.check(...)) (or to_list(), as_dicts() once) and "
       "use that list as often as needed."),
      ("de uitkomsten van check() in de Python-API zijn al gelezen", "check() levert zijn uitkomsten als "
       "stroom: ze zijn één keer te lezen. Bewaar ze met results = list(bsa_check.check(...)) (of één keer "
       "to_list() of as_dicts()) en gebruik die lijst zo vaak als nodig."),
      "r = bsa_check.check('students.csv'); r.as_dicts(); r.to_pandas()")

# --- BSA6xx column mapping files ------------------------------------------------------------------
_code("BSA600", "mapping-unreadable", ERROR,
      ('a column mapping file is missing or not YAML', 'Check the path given to --columns or in the configuration, and the YAML syntax.'),
      ('een toewijzingsbestand ontbreekt of is geen YAML', 'Controleer het pad bij --columns of in de configuratie, en de YAML-syntaxis.'),
      '--columns osiris.yml  (no such file)')
_code("BSA601", "mapping-format", ERROR,
      ('a column mapping file is not in the mapping format', 'An unknown key or a wrong type; bsa-check schema columns gives the JSON Schema for editors.'),
      ('een toewijzingsbestand heeft niet het toewijzingsformaat', 'Een onbekende sleutel of een verkeerd type; bsa-check schema columns geeft het JSON Schema voor editors.'),
      'colums: {...}')
_code("BSA602", "mapping-unknown-field", ERROR,
      ('a mapping names a field that does not exist', "Use a canonical field name (the README's field table); the message suggests the nearest."),
      ('een toewijzing noemt een veld dat niet bestaat', 'Gebruik een veldnaam uit de veldentabel van de README; de melding stelt de dichtstbijzijnde voor.'),
      'columns: {ec_jaar: Behaalde EC}')
_code("BSA603", "mapping-unknown-header", ERROR,
      ('a mapping names a header the export does not have', 'Copy the header as the export writes it; the message suggests the nearest header.'),
      ('een toewijzing noemt een kolomkop die de export niet heeft', 'Neem de kolomkop over zoals de export hem schrijft; de melding stelt de dichtstbijzijnde voor.'),
      'ec_year1: Behaalde ECs')
_code("BSA604", "mapping-bad-value", ERROR,
      ('a mapped value spelling the field does not read', "values: maps the export's spellings onto ones the field reads (ja/nee, a circumstance, a decision)."),
      ('een toegewezen waarde die het veld niet leest', 'values: vertaalt de schrijfwijzen van de export naar waarden die het veld leest (ja/nee, een omstandigheid, een besluit).'),
      'part_time: {header: VT/DT, values: {VT: misschien}}')
_code("BSA605", "mapping-misplaced-option", ERROR,
      ('values: or numbers_as_text where it does not belong', 'values: is not for the student number or programme; numbers_as_text only for text fields.'),
      ('values: of numbers_as_text op een plek waar het niet hoort', 'values: is niet voor studentnummer of opleiding; numbers_as_text alleen voor tekstvelden.'),
      'student_id: {header: Studentnr, values: {...}}')
_code("BSA606", "mapping-header-twice", ERROR,
      ('one export header mapped to two fields', 'Each header feeds one field; remove one of the two.'),
      ('een kolomkop toegewezen aan twee velden', 'Elke kolomkop voedt een veld; verwijder een van de twee.'),
      'ec_year1: EC\\nec_total: EC')

# --- BSA7xx configuration and suppression ------------------------------------------------------------
_code("BSA700", "config-invalid", ERROR,
      ("the configuration cannot be read", "[tool.bsa-check] in pyproject.toml or .bsa-check.yaml has a syntax "
       "error, an unknown key or a value of the wrong kind (exit 2). Keys: rules, lang, columns, ignore."),
      ("de configuratie is niet te lezen", "[tool.bsa-check] in pyproject.toml of .bsa-check.yaml heeft een "
       "syntaxfout, een onbekende sleutel of een waarde van de verkeerde soort (exit 2). Sleutels: rules, lang, "
       "columns, ignore."),
      "[tool.bsa-check]\\nlanguage = \"nl\"   (did you mean 'lang'?)")
_code("BSA701", "suppression-without-reason", ERROR,
      ("an inline suppression without a reason", "Write why the warning does not apply: # bsa-check: "
       "ignore[BSA256] the examination board decides (OER art. 5)."),
      ("een onderdrukking zonder reden", "Schrijf waarom de waarschuwing niet geldt: # bsa-check: ignore[BSA256] de "
       "examencommissie beslist (OER art. 5)."),
      "outcome: needs_review  # bsa-check: ignore[BSA256]")
_code("BSA702", "blocking-error-suppressed", ERROR,
      ("an error that blocks verdicts cannot be suppressed", "A legal-lint error (BSA234, BSA250-BSA253, BSA255, "
       "BSA257, BSA258) makes the rule set unusable for verdicts; fix the rule set. The suppressed error is reported too."),
      ("een fout die uitkomsten blokkeert kan niet onderdrukt worden", "Een fout uit de juridische controle "
       "(BSA234, BSA250-BSA253, BSA255, BSA257, BSA258) maakt de regelset onbruikbaar voor uitkomsten; verbeter de regelset. "
       "De onderdrukte fout wordt ook gemeld."),
      "values: {2024-09-01: 75}  # bsa-check: ignore[BSA250] we want it")
_code("BSA703", "unused-suppression", WARNING,
      ("an inline suppression that suppresses nothing", "No problem with that code is reported on the line it "
       "applies to (its own line, or for a comment on a line of its own the next line); remove it, or check the "
       "code."),
      ("een onderdrukking die niets onderdrukt", "Op de regel waar hij voor geldt (zijn eigen regel, of bij een "
       "commentaar op een eigen regel de volgende regel) wordt geen probleem met die code gemeld; verwijder hem, of "
       "controleer de code."),
      "name: x  # bsa-check: ignore[BSA256] not relevant")


# --- BSA8xx letters and templates ------------------------------------------------------------------
_code("BSA800", "template-unknown-placeholder", ERROR,
      ('a letter template names a placeholder the letters do not fill', 'Use one of the placeholders the README lists for letters; the message suggests the nearest.'),
      ('een briefsjabloon noemt een plaatsaanduiding die de brieven niet vullen', 'Gebruik een van de plaatsaanduidingen die de README voor brieven noemt; de melding stelt de dichtstbijzijnde voor.'),
      '{studentnumer}')
_code("BSA801", "template-code", ERROR,
      ('a letter template holds template-engine code', 'Templates are data: {{ ... }}, {% ... %}, ${...}, attribute access or calls are refused, never run.'),
      ('een briefsjabloon bevat code van een sjabloontaal', 'Sjablonen zijn gegevens: {{ ... }}, {% ... %}, ${...}, attributen of aanroepen worden geweigerd, nooit uitgevoerd.'),
      "{__import__('os')}")
_code("BSA802", "template-raw-html", ERROR,
      ('a letter template holds raw HTML', 'Write Markdown; HTML in a template could change what the letter says or load something.'),
      ('een briefsjabloon bevat ruwe HTML', 'Schrijf Markdown; HTML in een sjabloon kan veranderen wat de brief zegt of iets laden.'),
      '<script>...</script>')
_code("BSA803", "template-lone-brace", ERROR,
      ('a letter template has a lone brace', 'Write {{ or }} for a literal brace.'),
      ('een briefsjabloon heeft een losse accolade', 'Schrijf {{ of }} voor een letterlijke accolade.'),
      'Beste {naam,')
_code("BSA804", "template-unreadable", ERROR,
      ('a letter template cannot be read or is not UTF-8', 'Save it as UTF-8 Markdown.'),
      ('een briefsjabloon is onleesbaar of geen UTF-8', 'Sla het op als UTF-8 Markdown.'),
      'a .md file saved as UTF-16')
_code("BSA805", "institution-file-invalid", ERROR,
      ('the --institution file is not valid', 'Safe YAML with known keys only (name, address, signatory, appeal route, ...); each problem is located.'),
      ('het --institution-bestand is ongeldig', 'Veilige YAML met alleen bekende sleutels (naam, adres, ondertekenaar, beroepsroute, ...); elk probleem heeft een plaats.'),
      'instelling: Hogeschool X  (unknown key)')
_code("BSA806", "letters-folder-not-empty", ERROR,
      ('the letters output folder exists and is not empty, or is readable by others', 'Letters hold personal data: give a new or empty folder that only you can read, so no letter of an earlier run is mixed in.'),
      ('de map voor brieven bestaat en is niet leeg, of anderen kunnen erin lezen', 'Brieven bevatten persoonsgegevens: geef een nieuwe of lege map die alleen jij kunt lezen, zodat geen brief van een eerdere run meekomt.'),
      "--output letters/  (holds last year's letters)")
_code("BSA807", "letters-proposal", ERROR,
      ('letters under a proposal that is not law', 'A letter is a decision; a proposal grounds none. --scenario writes drafts marked [PROPOSAL, NOT LAW].'),
      ('brieven onder een voorstel dat geen wet is', 'Een brief is een besluit; een voorstel kan er geen dragen. --scenario schrijft concepten gemarkeerd [VOORSTEL, GEEN WET].'),
      'letters --rules ho-proposed-2023')
_code("BSA810", "letter-procedure-incomplete", ERROR,
      ('no advice letter for procedure_incomplete', 'A binding negative would be unlawful now: the refusal names every missing step.'),
      ('geen adviesbrief bij procedure_incomplete', 'Een bindend negatief advies zou nu onrechtmatig zijn: de weigering noemt elke ontbrekende stap.'),
      'a student below the norm without a hearing')
_code("BSA811", "letter-needs-review", ERROR,
      ('no binding letter for needs_review', 'A person decides first (personal circumstances, a postponed advice).'),
      ('geen bindende brief bij needs_review', 'Eerst beslist een persoon (persoonlijke omstandigheden, een uitgesteld advies).'),
      'circumstances reported and not weighed')
_code("BSA812", "warning-too-late", ERROR,
      ('a warning letter that can no longer leave a reasonable period', "The latest advice date leaves too little time to improve (WHW 7.8b lid 4), or the date is before the step's first day."),
      ('een waarschuwingsbrief die geen redelijke termijn meer laat', 'De laatste adviesdatum laat te weinig tijd om te verbeteren (WHW 7.8b lid 4), of de datum ligt voor de eerste dag van de stap.'),
      'letters --kind warning --as-of 2026-08-10')
_code("BSA813", "letter-no-template", ERROR,
      ('no letter template for this outcome', 'negative_advisory and an MBO postponed advice have no bundled template; give one with --template-dir.'),
      ('geen briefsjabloon voor deze uitkomst', 'negative_advisory en een uitgesteld MBO-advies hebben geen meegeleverd sjabloon; geef er een met --template-dir.'),
      'outcome negative_advisory')
_code("BSA814", "student-number-not-a-file-name", ERROR,
      ('a student number that cannot be a file name', 'Letters are named by student number; one with a slash, a control character or a reserved name is refused for that student.'),
      ('een studentnummer dat geen bestandsnaam kan zijn', 'Brieven heten naar het studentnummer; een nummer met een schuine streep, een stuurteken of een gereserveerde naam wordt voor die student geweigerd.'),
      'studentnummer ../x')
_code("BSA815", "letter-language-unknown", ERROR,
      ("a student's language cell is neither nl nor en", "The taal column picks each letter's language (nl, en, Nederlands, English, ...); an empty cell gives --lang; any other value is that row's error, never a guess."),
      ("de taalcel van een student is nl noch en", "De kolom taal kiest de taal van elke brief (nl, en, Nederlands, Engels, ...); een lege cel geeft --lang; elke andere waarde is een fout in die rij, nooit een gok."),
      "taal: fr")

def get(code: str) -> Code | None:
    """The registered entry of ``code`` (an alias resolves to its current code), or None."""
    from bsa_check.problems import ALIASES

    code = code.strip().upper()
    return CODES.get(ALIASES.get(code, code))


def severity(code: str) -> str:
    entry = CODES.get(code)
    return entry.severity if entry else ERROR


def describe(code: Code, lang: str) -> str:
    """``bsa-check codes CODE``: name, severity, explanation and example, in ``lang``."""
    labels = {"nl": ("ernst", "voorbeeld", "blokkeert uitkomsten; kan niet onderdrukt worden"),
              "en": ("severity", "example", "blocks verdicts; cannot be suppressed")}[lang if lang == "nl" else "en"]
    severity_word = {"nl": {ERROR: "fout", WARNING: "waarschuwing"}}.get(lang, {}).get(code.severity, code.severity)
    lines = [f"{code.code} {code.name}: {code.title(lang)}",
             f"{labels[0]}: {severity_word}" + (f" ({labels[2]})" if code.blocking else ""),
             "", code.explanation(lang), "", f"{labels[1]}:"]
    lines += ["    " + line for line in code.example.replace("\\n", "\n").splitlines()]
    return "\n".join(lines) + "\n"


def listing(lang: str) -> str:
    """``bsa-check codes``: one line per code (the severity in ``lang``; the name is an identifier)."""
    words = {ERROR: "fout", WARNING: "waarschuwing"} if lang == "nl" else {}
    width = max(len(words.get(c.severity, c.severity)) for c in CODES.values())
    return "".join(f"{c.code}  {words.get(c.severity, c.severity):<{width}}  {c.name:<32}  {c.title(lang)}\n"
                   for c in CODES.values())


def markdown_table() -> str:
    """The README's code table (English), generated from the registry."""
    rows = ["| code | name | severity | meaning |", "|---|---|---|---|"]
    for c in CODES.values():
        sev = c.severity + (", blocks verdicts" if c.blocking else "")
        title = c.en[0].replace("|", "\\|")
        rows.append(f"| <a id=\"{c.code.lower()}\"></a>{c.code} | `{c.name}` | {sev} | {title} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # pragma: no cover - a maintainer's helper (see the module docstring)
    if sys.argv[1:] == ["--markdown"]:
        sys.stdout.write(markdown_table())
