"""Dutch for the rule-file problems (BSA1xx structure, BSA2xx consistency and legal lint) that
``validate`` (and ``test``, and a command that loads a rule set) report. Format: see
``bsa_check.i18n.problems``. The rule texts themselves (reasons, notes) come from the rule files.
"""

from __future__ import annotations

_SCHEMA = "see `bsa-check schema rules`"
_BUNDLED = "bundled rule sets: {names}; or a path relative to this file"
_BUNDLED_NL = "meegeleverde regelsets: {names}; of een pad ten opzichte van dit bestand"

PHRASES: dict[str, str] = {
    # ruleset.load.not_a_file
    "does not exist": "bestaat niet",
    "cannot be read: {reason}": "is niet te lezen: {reason}",
    "is a directory, not a rule file": "is een map, geen regelbestand",
    "is not a regular file (a device, pipe or socket), not a rule file":
        "is geen gewoon bestand (een apparaat, pipe of socket), geen regelbestand",
    "the rule file": "het regelbestand",
    "the file": "het bestand",
    "did you mean {name}? ": "bedoelt u {name}? ",
    _SCHEMA: "zie `bsa-check schema rules`",
    _BUNDLED: _BUNDLED_NL,
    # validate's summary of a file that extends another (ruleset.extends.summary_lines)
    "{file}: extends {chain}": "{file}: bouwt voort op {chain}",
    "  rules: {items}": "  regels: {items}",
    "  parameter {name}: from {file}": "  parameter {name}: uit {file}",
    "  derived {name}: from {file}": "  afgeleide waarde {name}: uit {file}",
    "  rule {rule} left out in {file}: {reason}": "  regel {rule} weggelaten in {file}: {reason}",
    # kinds of value, as type errors name them
    "number": "getal", "date": "datum", "boolean": "ja/nee-waarde", "text": "tekst", "set": "verzameling",
    "list": "lijst", "integer": "geheel getal", "decimal": "decimaal getal",
    # legal lint: what a binding negative needs, and when
    "a written warning": "een schriftelijke waarschuwing",
    "a hearing": "een hoorzitting",
    "the personal conversation (Kamerstukken II 31 288/31 524, nr. 1039)":
        "het persoonlijke gesprek (Kamerstukken II 31 288/31 524, nr. 1039)",
    "mid-year (15 October)": "halverwege het jaar (15 oktober)",
    "after the academic year (15 October of the next)": "na het studiejaar (15 oktober van het volgende)",
    "add preconditions like ho-current's end_of_year ({derived: advice_day, on_or_after: {param: earliest_advice}}) "
    "and within_first_year ({derived: advice_day, on_or_before: {param: latest_advice}}) (WHW art. 7.8b lid 1 and 3)":
        "voeg voorwaarden toe zoals end_of_year van ho-current ({derived: advice_day, on_or_after: {param: "
        "earliest_advice}}) en within_first_year ({derived: advice_day, on_or_before: {param: latest_advice}}) (WHW "
        "art. 7.8b lid 1 en 3)",
    "{value} is not a personal-circumstance category": "{value} is geen categorie persoonlijke omstandigheden",
    "top sport is a ground only where the institution designates it":
        "topsport is alleen een grond als de instelling die aanwijst",
    "{value} is excluded as a ground, so it is never in {field}":
        "{value} is uitgesloten als grond en staat dus nooit in {field}",
    "{value} is not a ground under Uitvoeringsbesluit WHW art. 2.1":
        "{value} is geen grond volgens Uitvoeringsbesluit WHW art. 2.1",
    "the 2023 proposal caps the year-one norm at 30 EC (Kamerstukken II 31 288/31 524, nr. 1039)":
        "het voorstel van 2023 begrenst de norm voor jaar 1 op 30 EC (Kamerstukken II 31 288/31 524, nr. 1039)",
    "a year-one norm above 60 EC asks more than a full year's credits; no norm can lawfully exceed what the year offers":
        "een norm voor jaar 1 boven 60 EC vraagt meer dan de studiepunten van een heel jaar; geen norm mag "
        "rechtmatig meer vragen dan het jaar biedt",
    "year-one norm {name} is {value} EC, above {cap} EC": "norm jaar 1 {name} is {value} EC, boven {cap} EC",
    "year-one norm {value} EC written in rule {rule} is above {cap} EC":
        "norm jaar 1 van {value} EC in regel {rule} ligt boven {cap} EC",
}

TEXTS: dict[str, dict[str, str]] = {
    "*": PHRASES,
    "BSA100": {
        "{what} is not UTF-8": "{what} is geen UTF-8",
        "save it as UTF-8": "sla het op als UTF-8",
        "character U+{n} is not allowed in YAML": "teken U+{n} is niet toegestaan in YAML",
        "remove the control character (save the file as plain UTF-8 text)":
            "verwijder het stuurteken (sla het bestand op als gewone UTF-8-tekst)",
        "YAML syntax error: {problem}": "YAML-syntaxfout: {problem}",
        "check indentation, colons and quotes around this position":
            "controleer inspringing, dubbele punten en aanhalingstekens rond deze plek",
        "YAML error: {problem}": "YAML-fout: {problem}",
        "check the file is YAML": "controleer of het bestand YAML is",
    },
    "BSA101": {
        "duplicate key {key} (first defined on line {line})": "dubbele sleutel {key} (eerst gedefinieerd op regel {line})",
        "remove one of the two; YAML would silently keep only the last":
            "verwijder een van beide; YAML zou stilzwijgend alleen de laatste houden",
        "{key} is {name}, already given as {first}": "{key} is {name}, al gegeven als {first}",
        "give each field once": "geef elk veld één keer",
    },
    "BSA102": {
        "parameters must be a mapping of name -> parameter": "parameters moet een mapping zijn van naam -> parameter",
        "{key} must be a mapping": "{key} moet een mapping zijn",
        "remove_rules must be a list of {id, reason}": "remove_rules moet een lijst zijn van {id, reason}",
        "e.g. remove_rules: [{id: some_rule, reason: {nl: ..., en: ...}}]":
            "bijv. remove_rules: [{id: some_rule, reason: {nl: ..., en: ...}}]",
        "rules must be a list": "rules moet een lijst zijn",
        "a rule file must be a YAML mapping (name: ..., rules: ...)":
            "een regelbestand moet een YAML-mapping zijn (name: ..., rules: ...)",
        "a mapping key must be a plain value": "een sleutel in een mapping moet een gewone waarde zijn",
        "use a simple name as key": "gebruik een eenvoudige naam als sleutel",
        "use a simple name": "gebruik een eenvoudige naam",
        "the rule file is empty": "het regelbestand is leeg",
        "a rule file is a YAML mapping with name, rules, ...": "een regelbestand is een YAML-mapping met name, rules, ...",
        "a rule test file must be a YAML mapping (rules: ..., cases: ...)":
            "een regeltestbestand moet een YAML-mapping zijn (rules: ..., cases: ...)",
        "{name} is a single value, not a list": "{name} is één waarde, geen lijst",
        "only personal_circumstances, passed_units, pending_resits, recognised_circumstances and unit_results take a "
        "list": "alleen personal_circumstances, passed_units, pending_resits, recognised_circumstances en "
                "unit_results nemen een lijst",
        "case {name} has no reference date": "geval {name} heeft geen peildatum",
        "give as_of at the top of the file or in the case": "geef as_of bovenaan het bestand of in het geval",
    },
    "BSA103": {
        "unsupported YAML tag {tag}": "YAML-tag {tag} wordt niet ondersteund",
        "rule files are data only: remove the tag": "regelbestanden zijn alleen gegevens: verwijder de tag",
        "{value} is not a finite number": "{value} is geen eindig getal",
        "write a plain decimal such as 44.5": "schrijf een gewoon decimaal getal zoals 44.5",
        "{value} is too large or too small for a rule file": "{value} is te groot of te klein voor een regelbestand",
        "{value} is too large for a rule file (more than {n} digits)":
            "{value} is te groot voor een regelbestand (meer dan {n} cijfers)",
        "write a plain number such as 45": "schrijf een gewoon getal zoals 45",
        "invalid scalar value: {problem}": "ongeldige enkelvoudige waarde: {problem}",
        "quote the value as a string": "zet de waarde als tekst tussen aanhalingstekens",
        "{value} is not a date that exists (no such day in that month)":
            "{value} is geen bestaande datum (die dag heeft die maand niet)",
        "write a day of the calendar as YYYY-MM-DD, e.g. 2026-02-28":
            "schrijf een dag van de kalender als JJJJ-MM-DD, bijv. 2026-02-28",
        "unsupported YAML node": "YAML-knoop wordt niet ondersteund",
        "rule files hold mappings, lists and values": "regelbestanden bevatten mappings, lijsten en waarden",
        "{what}: YAML reads {raw} as the number {value}": "{what}: YAML leest {raw} als het getal {value}",
        'write it in quotes: "{raw}"': 'schrijf het tussen aanhalingstekens: "{raw}"',
    },
    "BSA104": {
        "anchors and aliases (&name, *name) are not supported in rule files":
            "ankers en aliassen (&naam, *naam) worden niet ondersteund in regelbestanden",
        "write the value out in full": "schrijf de waarde voluit",
        "merge keys (<<) are not supported in rule files": "merge-sleutels (<<) worden niet ondersteund in regelbestanden",
        "write the keys out in full": "schrijf de sleutels voluit",
    },
    "BSA105": {
        "{_what} is {size} bytes; the limit is {limit}": "{_what} is {size} bytes; de grens is {limit}",
        "split it, or check it is the right file": "splits het, of controleer of het het juiste bestand is",
    },
    "BSA106": {
        "nesting deeper than {n} levels": "nesting dieper dan {n} niveaus",
        "rule files need only a few levels of nesting; check the brackets and indentation":
            "regelbestanden hebben maar een paar niveaus nodig; controleer haken en inspringing",
    },
    "BSA110": {
        "cannot read {what}: {reason}": "{what} is niet te lezen: {reason}",
        "check the path and permissions": "controleer het pad en de rechten",
        "{path} {_what}": "{path} {_what}",
        "give the path of a .yaml rule file, or a bundled name":
            "geef het pad van een .yaml-regelbestand, of de naam van een meegeleverde regelset",
        "no bundled rule set or file named {name}": "geen meegeleverde regelset of bestand met de naam {name}",
        "{_hint}bundled rule sets: {names}; or give a path to a .yaml rule file":
            "{_hint}meegeleverde regelsets: {names}; of geef een pad naar een .yaml-regelbestand",
        "bundled rule sets: {names}; or give a path to a .yaml rule file":
            "meegeleverde regelsets: {names}; of geef een pad naar een .yaml-regelbestand",
        "no bundled rule set named {name}": "geen meegeleverde regelset met de naam {name}",
        "{_hint}bundled rule sets: {names}": "{_hint}meegeleverde regelsets: {names}",
        "bundled rule sets: {names}": "meegeleverde regelsets: {names}",
        "give the path of a .yaml rule file, or a folder of them":
            "geef het pad van een .yaml-regelbestand, of van een map met regelbestanden",
    },
    "BSA107": {  # ruleset/yamlsafe.py (its code is TRAP_CODE there): values YAML 1.1 and 1.2 read differently
        "YAML 1.1 reads the unquoted {shown} as the boolean {value}":
            "YAML 1.1 leest {shown} zonder aanhalingstekens als de booleaanse waarde {value}",
        "write {value} for a yes/no value, or \"{raw}\" in quotes for text":
            "schrijf {value} voor een ja/nee-waarde, of \"{raw}\" tussen aanhalingstekens voor tekst",
        "YAML 1.1 reads the unquoted {shown} as {_what}": "YAML 1.1 leest {shown} zonder aanhalingstekens als {_what}",
        "the octal number {value}": "het octale getal {value}",
        "the number {value}": "het getal {value}",
        "write {value} for a number, or \"{raw}\" in quotes for a code or text":
            "schrijf {value} voor een getal, of \"{raw}\" tussen aanhalingstekens voor een code of tekst",
        "{shown} is not a plain decimal (YAML 1.1 reads it as {plain})":
            "{shown} is geen gewoon decimaal getal (YAML 1.1 leest het als {plain})",
        "write {plain}, without an exponent, underscores or colons":
            "schrijf {plain}, zonder exponent, liggende streepjes of dubbele punten",
        "{shown} is a date with a time; rule files use dates only":
            "{shown} is een datum met een tijd; regelbestanden gebruiken alleen datums",
        "write the date as jjjj-mm-dd, e.g. {iso}": "schrijf de datum als jjjj-mm-dd, bijv. {iso}",
        "{shown} is text to YAML, not the number {dotted}": "{shown} is tekst voor YAML, niet het getal {dotted}",
        "write {dotted} (a decimal point), or \"{raw}\" in quotes for text":
            "schrijf {dotted} (met een decimale punt), of \"{raw}\" tussen aanhalingstekens voor tekst",
        "{shown} is text in YAML 1.1 but a number in YAML 1.2 (editors)":
            "{shown} is tekst in YAML 1.1 maar een getal in YAML 1.2 (editors)",
        "write the number without an exponent (e.g. 1000 for 1e3), or \"{raw}\" in quotes for text":
            "schrijf het getal zonder exponent (bijv. 1000 voor 1e3), of \"{raw}\" tussen aanhalingstekens voor tekst",
        # ruleset/load.py: text expected, but YAML read a date, number or boolean
        "text is expected here, but YAML reads the unquoted value as the boolean {text}":
            "hier wordt tekst verwacht, maar YAML leest de waarde zonder aanhalingstekens als de booleaanse waarde {text}",
        "text is expected here, but YAML reads the unquoted value as a date and time {text}":
            "hier wordt tekst verwacht, maar YAML leest de waarde zonder aanhalingstekens als een datum met tijd {text}",
        "text is expected here, but YAML reads the unquoted value as a date {text}":
            "hier wordt tekst verwacht, maar YAML leest de waarde zonder aanhalingstekens als een datum {text}",
        "text is expected here, but YAML reads the unquoted value as the number {text}":
            "hier wordt tekst verwacht, maar YAML leest de waarde zonder aanhalingstekens als het getal {text}",
        "put it in quotes: \"{text}\"": "zet de waarde tussen aanhalingstekens: \"{text}\"",
    },
    "BSA111": {
        "{path} is a rule test file, not a rule file": "{path} is een regeltestbestand, geen regelbestand",
        "run it with: bsa-check test {path}": "draai het met: bsa-check test {path}",
    },
    "BSA112": {
        "text holds the control character U+{n}, written as an escape":
            "tekst bevat het stuurteken U+{n}, geschreven als escape",
        "remove the escape: texts are shown on terminals and in reports":
            "verwijder de escape: teksten worden getoond in terminals en rapporten",
    },
    "BSA113": {
        "rules: {name} {_why}": "rules: {name} {_why}",
        "is an absolute path": "is een absoluut pad",
        "is a path in a home folder": "is een pad in een thuismap",
        "leads outside the test file's repository ({root})": "leidt buiten de repository van het testbestand ({root})",
        "name a bundled rule set, or a path relative to this test file inside its repository":
            "noem een meegeleverde regelset, of een pad ten opzichte van dit testbestand binnen de repository",
    },
    "BSA114": {
        "rules: {name} is not a rule file (not a YAML mapping with schema_version); its content is not shown":
            "rules: {name} is geen regelbestand (geen YAML-mapping met schema_version); de inhoud wordt niet getoond",
        "name a rule file; check one with: bsa-check validate FILE":
            "noem een regelbestand; controleer er een met: bsa-check validate BESTAND",
    },
    "BSA120": {
        "{path} is a directory with no rule files": "{path} is een map zonder regelbestanden",
        "name the rule files, or the folder holding them": "noem de regelbestanden, of de map waarin ze staan",
    },
    "BSA130": {
        "rule set {name} has no rule {rule}": "regelset {name} heeft geen regel {rule}",
        "{_where} has no precondition {name}": "{_where} heeft geen voorwaarde {name}",
        "{_where} has no preconditions": "{_where} heeft geen voorwaarden",
        "{_who} never gives {outcome}": "{_who} geeft nooit {outcome}",
        "rule set {name}": "regelset {name}",
        "rule {name}": "regel {name}",
        "possible: {items}": "mogelijk: {items}",
    },
    "BSA140": {
        "the rule set extends names ({target}) is not a YAML mapping":
            "de regelset die extends noemt ({target}) is geen YAML-mapping",
        "name a rule file": "noem een regelbestand",
        "extends must name a bundled rule set or a rule file": "extends moet een meegeleverde regelset of een regelbestand noemen",
        "extends names a URL ({name}); rule sets are never fetched":
            "extends noemt een URL ({name}); regelsets worden nooit opgehaald",
        "download the file, check it, and name its path relative to this file":
            "download het bestand, controleer het, en noem het pad ten opzichte van dit bestand",
        "extends names {name}, which is neither a bundled rule set nor a file ({target} {_what})":
            "extends noemt {name}, en dat is geen meegeleverde regelset en geen bestand ({target} {_what})",
    },
    "BSA141": {
        "extends makes a cycle: {chain}": "extends maakt een kringloop: {chain}",
        "a rule set cannot extend itself, directly or through another file":
            "een regelset kan niet op zichzelf voortbouwen, direct of via een ander bestand",
        "extends chains are at most {n} files deep; this one goes further":
            "extends-ketens zijn hoogstens {n} bestanden diep; deze gaat verder",
        "extend the bundled rule set or a file nearer to it":
            "bouw voort op de meegeleverde regelset of een bestand dat er dichter bij staat",
    },
    "BSA143": {
        "remove_rules is only for a file that extends another rule set":
            "remove_rules is alleen voor een bestand dat voortbouwt op een andere regelset",
        "add `extends: NAME`, or delete the rules from the list":
            "voeg `extends: NAAM` toe, of haal de regels uit de lijst",
        "rules.{i}: {key} is only for a file that extends another rule set":
            "rules.{i}: {key} is alleen voor een bestand dat voortbouwt op een andere regelset",
        "add `extends: NAME`, or remove the key": "voeg `extends: NAAM` toe, of verwijder de sleutel",
        "remove_rules.{i}: name the rule to remove (id)": "remove_rules.{i}: noem de regel die weg moet (id)",
        "e.g. {id: some_rule, reason: {nl: ..., en: ...}}": "bijv. {id: some_rule, reason: {nl: ..., en: ...}}",
        "remove_rules.{i}: the extended rule set has no rule {rule}":
            "remove_rules.{i}: de regelset waarop wordt voortgebouwd heeft geen regel {rule}",
        "rules.{i}: a rule in a file that extends another says where it goes: exactly one of replace, before or "
        "after (found {n})": "rules.{i}: een regel in een bestand dat voortbouwt op een ander zegt waar hij komt: "
                             "precies één van replace, before of after (gevonden: {n})",
        "replace: ID takes the place of the parent's rule; before: ID / after: ID inserts":
            "replace: ID neemt de plaats in van de regel van de ouder; before: ID / after: ID voegt in",
        "rules.{i}: {key} names {target}, which is not a rule of the extended rule set":
            "rules.{i}: {key} noemt {target}, en dat is geen regel van de regelset waarop wordt voortgebouwd",
        "rules.{i}: rule id {rule} is already a rule of the extended rule set":
            "rules.{i}: regel-id {rule} is al een regel van de regelset waarop wordt voortgebouwd",
        "to change that rule write replace: {rule}; else choose another id":
            "schrijf replace: {rule} om die regel te wijzigen; kies anders een ander id",
    },
    "BSA144": {
        "remove_rules.{i}: removing rule {rule} needs a reason in both languages":
            "remove_rules.{i}: het weglaten van regel {rule} vraagt een reden in beide talen",
        "add reason: {nl: ..., en: ...}: why the institution leaves it out":
            "voeg reason: {nl: ..., en: ...} toe: waarom de instelling de regel weglaat",
    },
    "BSA145": {
        "rules.{i}.requires names {name}, which is not a precondition set of this rule set":
            "rules.{i}.requires noemt {name}, en dat is geen set voorwaarden van deze regelset",
        "precondition sets: {names}; define it under top-level preconditions":
            "sets voorwaarden: {names}; definieer hem onder preconditions op het hoogste niveau",
    },
}
