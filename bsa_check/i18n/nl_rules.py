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
        "{where} has no precondition {name}": "{where} heeft geen voorwaarde {name}",
        "{who} never gives {outcome}": "{who} geeft nooit {outcome}",
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
    "BSA202": {
        "value {value} is not of type {_kind}": "waarde {value} is niet van de soort {_kind}",
    },
    "BSA203": {
        "value {value} is outside the declared range {range}": "waarde {value} ligt buiten het opgegeven bereik {range}",
        "use a value within the range{range}": "gebruik een waarde binnen het bereik{range}",
        "value {value} is not one of the declared choices: {choices}":
            "waarde {value} is niet een van de opgegeven keuzes: {choices}",
    },
    "BSA204": {
        "unknown record field {name}": "onbekend veld {name}",
    },
    "BSA205": {
        "default is a {_kind}, but {name} is a {_kind2}": "default is een {_kind}, maar {name} is een {_kind2}",
        "use a default of the same type": "gebruik een default van dezelfde soort",
        "'plus' shifts a date, but this operand is a {_kind}": "'plus' verschuift een datum, maar deze operand is een {_kind}",
        "remove 'plus'": "verwijder 'plus'",
        "'until' is a date, not a {_kind}": "'until' is een datum, geen {_kind}",
        "give a date operand": "geef een datum als operand",
        "{name} works on numbers, not a {_kind}": "{name} werkt op getallen, niet op een {_kind}",
        "give a number operand": "geef een getal als operand",
        "the cases of derived value {name} mix types: {kinds}":
            "de gevallen van afgeleide waarde {name} mengen soorten: {kinds}",
        "give every case a value of the same type": "geef elk geval een waarde van dezelfde soort",
        "operator {op} cannot compare a {_kind} with a {_kind2}": "operator {op} kan geen {_kind} met een {_kind2} vergelijken",
        "compare values of the same type (numbers, dates, texts or yes/no)":
            "vergelijk waarden van dezelfde soort (getallen, datums, teksten of ja/nee)",
        "lt/le/gt/ge compare two numbers (or two dates; prefer before/after for dates)":
            "lt/le/gt/ge vergelijken twee getallen (of twee datums; gebruik liever before/after voor datums)",
        "before/after compare two dates": "before/after vergelijken twee datums",
        "'in' tests a single value against a list: in: [a, b]": "'in' test één waarde tegen een lijst: in: [a, b]",
    },
    "BSA206": {
        "unknown parameter {name}": "onbekende parameter {name}",
        "{name} is not an integer parameter of this rule set": "{name} is geen gehele-getalparameter van deze regelset",
        "declare it under parameters with type: integer": "declareer hem onder parameters met type: integer",
        "unknown parameter {name} for rule set {rules}": "onbekende parameter {name} voor regelset {rules}",
    },
    "BSA207": {
        "unknown derived value {name}": "onbekende afgeleide waarde {name}",
    },
    "BSA208": {
        "the last case of derived value {name} has a 'when'": "het laatste geval van afgeleide waarde {name} heeft een 'when'",
        "end with a case without 'when' so every record gets a value":
            "eindig met een geval zonder 'when', zodat elk record een waarde krijgt",
    },
    "BSA209": {
        "unknown placeholder {{name}}": "onbekende plaatshouder {{name}}",
    },
    "BSA210": {
        "rule id {rule} is used twice (also rule {n})": "regel-id {rule} wordt twee keer gebruikt (ook regel {n})",
        "give every rule its own id": "geef elke regel een eigen id",
        "case name {name} is used twice (first on line {line})": "gevalnaam {name} wordt twee keer gebruikt (eerst op regel {line})",
        "give every case its own name": "geef elk geval een eigen naam",
    },
    "BSA211": {
        "rule {rule} gives a binding negative without any precondition":
            "regel {rule} geeft een bindend negatief advies zonder enige voorwaarde",
        "list the steps a binding negative needs under 'requires' (warning, hearing, ...)":
            "noem de stappen die een bindend negatief advies nodig heeft onder 'requires' (waarschuwing, hoorzitting, ...)",
        "if_missing: {outcome} would decide without the missing steps":
            "if_missing: {outcome} zou beslissen zonder de ontbrekende stappen",
        "use procedure_incomplete (or needs_review)": "gebruik procedure_incomplete (of needs_review)",
    },
    "BSA212": {
        "derived value {name} depends on itself": "afgeleide waarde {name} hangt van zichzelf af",
        "break the cycle: a derived value may not refer to itself, directly or through another":
            "doorbreek de kringloop: een afgeleide waarde mag niet naar zichzelf verwijzen, direct of via een andere",
    },
    "BSA213": {
        "a unit filter needs the rule set's unit catalogue (units:)":
            "een filter op onderdelen heeft de onderdelenlijst van de regelset nodig (units:)",
        "add units: {pass_mark: 5.5, units: {CODE: {ec: 5}}} to the rule set":
            "voeg units: {pass_mark: 5.5, units: {CODE: {ec: 5}}} toe aan de regelset",
        "unit {unit} is not in the unit catalogue": "onderdeel {unit} staat niet in de onderdelenlijst",
        "no unit of the catalogue is in group {group}": "geen onderdeel van de lijst hoort bij groep {group}",
        "no unit of the catalogue is in block {block}": "geen onderdeel van de lijst hoort bij blok {block}",
        "aggregate {name} needs the rule set's unit catalogue (units:)":
            "aggregaat {name} heeft de onderdelenlijst van de regelset nodig (units:)",
        "add units: with each unit's credits (and block)": "voeg units: toe met de studiepunten (en het blok) van elk onderdeel",
        "unknown compensation scheme {name}": "onbekende compensatieregeling {name}",
    },
    "BSA214": {
        "rule {rule} is a discretionary clause, so a person decides":
            "regel {rule} is een discretionaire bepaling, dus een persoon beslist",
        "give it outcome: needs_review and name who decides under decided_by (e.g. the examination board)":
            "geef hem outcome: needs_review en noem wie beslist onder decided_by (bijv. de examencommissie)",
    },
    "BSA215": {
        "rule {rule} has an exclusion but does not give a binding negative":
            "regel {rule} heeft een uitsluiting maar geeft geen bindend negatief advies",
        "an exclusion term belongs to a binding negative (7.8b lid 5 WHW); move it to that rule":
            "een uitsluitingstermijn hoort bij een bindend negatief advies (7.8b lid 5 WHW); verplaats hem naar die regel",
    },
    "BSA216": {
        "compensation band {low}..{high} is empty": "compensatieband {low}..{high} is leeg",
        "write min at most max": "schrijf min hoogstens gelijk aan max",
        "compensation band reaches {high}, a pass (pass mark {mark})":
            "compensatieband reikt tot {high}, een voldoende (cesuur {mark})",
        "a compensated grade is a failed grade: keep max below the pass mark":
            "een gecompenseerd cijfer is een onvoldoende: houd max onder de cesuur",
    },
    "BSA220": {
        "dated values of {name} are not in date order": "de gedateerde waarden van {name} staan niet op datumvolgorde",
        "list them oldest first, so a reader sees which value is in force when":
            "zet de oudste eerst, zodat een lezer ziet welke waarde wanneer geldt",
    },
    "BSA221": {
        "rule {rule} can never fire: rule {other} before it always applies":
            "regel {rule} kan nooit beslissen: regel {other} ervoor is altijd van toepassing",
        "move the rule without 'when' to the end, or give it a condition":
            "zet de regel zonder 'when' aan het eind, of geef hem een voorwaarde",
        "rule {rule} can never fire: rule {other} has the same condition and comes first":
            "regel {rule} kan nooit beslissen: regel {other} heeft dezelfde voorwaarde en komt eerst",
        "change or remove one of the two conditions": "wijzig of verwijder een van beide voorwaarden",
    },
    "BSA222": {
        "rules {a} ({oa}) and {b} ({ob}) both decide the record {record}":
            "regels {a} ({oa}) en {b} ({ob}) beslissen allebei over het record {record}",
        "with decision: exclusive, make the conditions exclusive, or use decision: first_match if the order is "
        "meant to settle it": "maak bij decision: exclusive de voorwaarden uitsluitend, of gebruik decision: "
                              "first_match als de volgorde het moet beslissen",
    },
    "BSA223": {
        "rule {rule} gives an interim advice without a label": "regel {rule} geeft een tussentijds advies zonder label",
        "name the advice under label, e.g. label: {nl: twijfelachtig, en: doubtful}":
            "noem het advies onder label, bijv. label: {nl: twijfelachtig, en: doubtful}",
    },
    "BSA224": {
        "rule {rule} gives an interim advice, which is never binding, but has preconditions of a binding advice":
            "regel {rule} geeft een tussentijds advies, dat nooit bindend is, maar heeft voorwaarden van een bindend advies",
        "an interim advice has no binding consequence: drop requires, or give the binding advice in a rule of its own":
            "een tussentijds advies heeft geen bindend gevolg: laat requires weg, of geef het bindende advies in een "
            "eigen regel",
    },
    "BSA225": {
        "rule {rule} has a label but gives no interim advice": "regel {rule} heeft een label maar geeft geen tussentijds advies",
        "a label names an interim advice: use outcome: interim, or drop the label":
            "een label noemt een tussentijds advies: gebruik outcome: interim, of laat het label weg",
    },
    "BSA226": {
        "a derived text (nl/en) cannot be compared": "een afgeleide tekst (nl/en) kan niet worden vergeleken",
        "a derived text is for reasons only; compare the values its cases test instead":
            "een afgeleide tekst is alleen voor redenen; vergelijk in plaats daarvan de waarden die de gevallen testen",
    },
    "BSA227": {
        "a derived text is literal, but it has the placeholder {{name}}":
            "een afgeleide tekst is letterlijk, maar bevat de plaatshouder {{name}}",
        "name the value in the rule's reason instead, or write {{ and }} for literal braces":
            "noem de waarde in plaats daarvan in de reden van de regel, of schrijf {{ en }} voor letterlijke accolades",
    },
    "BSA230": {
        "{field}, shifted by the rule set, falls outside the years 1-9999":
            "{field}, verschoven door de regelset, valt buiten de jaren 1-9999",
        "a date": "een datum",
        "the rule set's chained 'plus' shifts reach too far; shorten them (or check the date)":
            "de gekoppelde 'plus'-verschuivingen van de regelset reiken te ver; maak ze korter (of controleer de datum)",
    },
    "BSA251": {
        "year-two norm {name} is {value} EC, above 60 EC": "norm jaar 2 {name} is {value} EC, boven 60 EC",
        "the 2023 proposal caps the check after two years at 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)":
            "het voorstel van 2023 begrenst de toets na twee jaar op 60 EC (Kamerstukken II 31 288/31 524, nr. 1039)",
    },
    "BSA252": {
        "a credit norm in an MBO rule set": "een studiepuntennorm in een MBO-regelset",
        "MBO has no credit norm in law (art. 8.1.7a WEB): a binding negative is a qualitative decision after a "
        "procedure; test the procedure, not credits": "het MBO kent geen wettelijke studiepuntennorm (art. 8.1.7a "
                                                      "WEB): een bindend negatief advies is een kwalitatief besluit "
                                                      "na een procedure; toets de procedure, niet studiepunten",
    },
    "BSA253": {
        "rule {rule} can give a binding negative without {_what} ({field})":
            "regel {rule} kan een bindend negatief advies geven zonder {_what} ({field})",
        "add a precondition that reads {field} ({basis})": "voeg een voorwaarde toe die {field} leest ({basis})",
        "rule {rule} reads {field} but its preconditions hold without {_what}":
            "regel {rule} leest {field} maar de voorwaarden gelden ook zonder {_what}",
        "require the step to be recorded, e.g. {field: {field}, before: ...} ({basis})":
            "eis dat de stap is vastgelegd, bijv. {field: {field}, before: ...} ({basis})",
        "rule {rule} can give a binding negative on any date: no precondition reads the advice date":
            "regel {rule} kan op elke datum een bindend negatief advies geven: geen voorwaarde leest de adviesdatum",
        "rule {rule} can give a binding negative with an advice date {_label}":
            "regel {rule} kan een bindend negatief advies geven met een adviesdatum {_label}",
    },
    "BSA254": {
        "use a category of Uitvoeringsbesluit WHW art. 2.1 (an exclusive list), or list it under "
        "designated_circumstances if the OER designates it": "gebruik een categorie van Uitvoeringsbesluit WHW art. "
                                                             "2.1 (een uitputtende lijst), of noem hem onder "
                                                             "designated_circumstances als de OER hem aanwijst",
    },
    "BSA255": {
        "scenario proposed_2023 is not law": "scenario proposed_2023 is geen wet",
        "set legal_status: proposal, so every verdict is labelled as not law":
            "zet legal_status: proposal, zodat elke uitkomst als geen wet wordt gemarkeerd",
    },
    "BSA256": {
        "rule {rule} leaves the decision to a person without saying who":
            "regel {rule} laat de beslissing aan een persoon zonder te zeggen wie",
        "name who decides under decided_by (examination board, BSA committee)":
            "noem wie beslist onder decided_by (examencommissie, BSA-commissie)",
    },
    "BSA257": {
        "rule {rule} gives a binding negative while reported personal circumstances are {decision}":
            "regel {rule} geeft een bindend negatief advies terwijl gemelde persoonlijke omstandigheden {decision} zijn",
        "put a rule before it that gives needs_review (not weighed, accepted) or postponed (postpone) (WHW art. "
        "7.8b lid 3, Uitvoeringsbesluit WHW art. 2.1)": "zet er een regel voor die needs_review geeft (niet "
                                                        "gewogen, erkend) of postponed (uitstel) (WHW art. 7.8b lid "
                                                        "3, Uitvoeringsbesluit WHW art. 2.1)",
        "rule {rule} gives a binding negative, but the rule set never reads personal_circumstances":
            "regel {rule} geeft een bindend negatief advies, maar de regelset leest personal_circumstances nooit",
        "put a rule before it that gives needs_review while reported circumstances are not weighed (WHW art. 7.8b "
        "lid 3, Uitvoeringsbesluit WHW art. 2.1)": "zet er een regel voor die needs_review geeft zolang gemelde "
                                                   "omstandigheden niet gewogen zijn (WHW art. 7.8b lid 3, "
                                                   "Uitvoeringsbesluit WHW art. 2.1)",
    },
    "BSA258": {
        "rule {rule} gives a binding negative, but the rule set never reads propaedeutic_passed":
            "regel {rule} geeft een bindend negatief advies, maar de regelset leest propaedeutic_passed nooit",
        "put a rule before it that gives positive when propaedeutic_passed is yes: after the propaedeutic exam no "
        "binding negative is possible (WHW art. 7.8b lid 2)": "zet er een regel voor die positief geeft als "
                                                             "propaedeutic_passed ja is: na het propedeutisch examen "
                                                             "is geen bindend negatief advies mogelijk (WHW art. "
                                                             "7.8b lid 2)",
    },
    "BSA259": {
        "rule {rule} has preconditions but no reason_if_missing, so its {a} verdict would give the {b} reason":
            "regel {rule} heeft voorwaarden maar geen reason_if_missing, dus de uitkomst {a} zou de reden van {b} geven",
        "add reason_if_missing (nl and en) saying the outcome is not lawful yet and naming {missing}":
            "voeg reason_if_missing toe (nl en en) die zegt dat de uitkomst nog niet rechtmatig is en {missing} noemt",
    },
    "BSA260": {
        "choices are for text parameters, not a {_kind}": "choices zijn voor tekstparameters, niet voor een {_kind}",
        "remove choices, or use range for numbers": "verwijder choices, of gebruik range voor getallen",
        "{name} is compared with {value}, which is not one of its declared choices: {choices}":
            "{name} wordt vergeleken met {value}, en dat is niet een van de opgegeven keuzes: {choices}",
        "before_valid_from names {name}, which is neither a bundled rule set nor a file":
            "before_valid_from noemt {name}, en dat is geen meegeleverde regelset en geen bestand",
        "before_valid_from names this rule file itself": "before_valid_from noemt dit regelbestand zelf",
        "name the rule set that applies before valid_from": "noem de regelset die vóór valid_from geldt",
        "before_valid_from names {name}, which itself delegates to {other}":
            "before_valid_from noemt {name}, die zelf weer doorverwijst naar {other}",
        "name a rule set without before_valid_from (one step only)":
            "noem een regelset zonder before_valid_from (maar één stap)",
    },
    "BSA265": {
        "{name} cannot be an optional column: its absence can make a binding negative more likely ({why})":
            "{name} kan geen optionele kolom zijn: als hij ontbreekt, kan een bindend negatief advies waarschijnlijker "
            "worden ({why})",
        "remove {name} from optional_columns, so an export without that column stops with its name instead of "
        "giving binding negatives; only columns whose absence blocks a negative (warning_date, hearing_date) or has "
        "a stated default (advice_date: --as-of) can be optional": "haal {name} uit optional_columns, zodat een "
        "export zonder die kolom stopt met de naam ervan in plaats van bindende negatieve adviezen te geven; alleen "
        "kolommen waarvan het ontbreken een negatief advies tegenhoudt (warning_date, hearing_date) of die een "
        "opgegeven standaard hebben (advice_date: --as-of) kunnen optioneel zijn",
    },
}
