"""Dutch for the rule-set consistency problems and the legal lint (BSA2xx) that ``validate`` reports
(and a command that loads a rule set). Format: see ``bsa_check.i18n.problems``; the shared phrases
(kinds of value, what a binding negative needs) are in ``nl_rules.PHRASES``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
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
        "rule {rule} gives an interim advice, which is never binding, so it cannot give a binding negative when "
        "something is missing (if_missing: negative)":
            "regel {rule} geeft een tussentijds advies, dat nooit bindend is, dus kan het geen bindend negatief advies "
            "geven als er iets ontbreekt (if_missing: negative)",
        "drop if_missing: an interim rule has no preconditions, so nothing can be missing; a binding negative belongs "
        "in a rule of its own, with outcome: negative and its steps under requires":
            "laat if_missing weg: een tussentijdse regel heeft geen voorwaarden, dus er kan niets ontbreken; een "
            "bindend negatief advies hoort in een eigen regel, met outcome: negative en de stappen onder requires",
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
    "BSA231": {
        "weighted_by weighs the grades of an average, not {name}":
            "weighted_by weegt de cijfers van een gemiddelde, niet {name}",
        "use aggregate: average with weighted_by: ec, or drop weighted_by":
            "gebruik aggregate: average met weighted_by: ec, of laat weighted_by weg",
    },
    "BSA232": {
        "unit {unit} is valid until {until}, before it is valid from {start}: it is never in the catalogue":
            "onderdeel {unit} is geldig tot {until}, vóór het geldig wordt vanaf {start}: het staat nooit in de "
            "onderdelenlijst",
        "write the first academic year under valid_from and the last under valid_until":
            "schrijf het eerste studiejaar onder valid_from en het laatste onder valid_until",
    },
    "BSA233": {
        "{name} is compared with {value}, which is not one of its values: {values}":
            "{name} wordt vergeleken met {value}, dat geen van zijn waarden is: {values}",
    },
    "BSA228": {
        "circumstance kind {kind} is both designated and excluded":
            "soort omstandigheid {kind} is zowel aangewezen als uitgesloten",
        "a kind is a ground or it is not: keep it under one of designated (or designated_circumstances) and excluded":
            "een soort is een grond of niet: houd hem onder één van designated (of designated_circumstances) en "
            "excluded",
    },
    "BSA229": {
        "{kind} is a ground under Uitvoeringsbesluit WHW 2008 art. 2.1: the law's list cannot be excluded":
            "{kind} is een grond volgens Uitvoeringsbesluit WHW 2008 art. 2.1: de lijst van de wet kan niet worden "
            "uitgesloten",
        "remove it from excluded; an OER can add grounds, not take the statutory ones away":
            "haal hem uit excluded; een OER kan gronden toevoegen, niet de wettelijke wegnemen",
        "{kind} is already a kind of its own (the statutory list, or other for a kind matching none)":
            "{kind} is al een eigen soort (de wettelijke lijst, of other voor een soort die bij geen past)",
        "give the kind a name of its own": "geef de soort een eigen naam",
        "the spelling {spelling} already means a statutory kind (or none)":
            "de schrijfwijze {spelling} betekent al een wettelijke soort (of geen)",
        "an export's spelling names one kind: choose another":
            "een schrijfwijze in een export noemt één soort: kies een andere",
    },
    "BSA230": {
        "{field}, shifted by the rule set, falls outside the years 1-9999":
            "{field}, verschoven door de regelset, valt buiten de jaren 1-9999",
        "a date": "een datum",
        "the rule set's chained 'plus' shifts reach too far; shorten them (or check the date)":
            "de gekoppelde 'plus'-verschuivingen van de regelset reiken te ver; maak ze korter (of controleer de datum)",
    },
    "BSA234": {
        "rule {rule} can give a binding negative without {_what} (legal basis: {_basis}): its preconditions all "
        "hold on a witness record with {_case}": "regel {rule} kan een bindend negatief advies geven zonder {_what} "
                                                 "(wettelijke grondslag: {_basis}): alle voorwaarden gelden voor een "
                                                 "proefrecord met {_case}",
        "add a precondition that requires this step, as the precondition {step} of the bundled mbo rule set does":
            "voeg een voorwaarde toe die deze stap eist, zoals de voorwaarde {step} van de meegeleverde regelset mbo",
        # the steps (mbo_steps.STEPS) and their bases
        "a study-progress conversation (at least one)": "een studievoortgangsgesprek (ten minste één)",
        "a written warning during the programme, before the advice":
            "een schriftelijke waarschuwing tijdens de opleiding, vóór het advies",
        "a reasonable improvement period after the warning, ended before the advice":
            "een redelijke verbetertermijn na de waarschuwing, verstreken vóór het advies",
        "a hearing of the student before the decision": "het horen van de student vóór het besluit",
        "an advice date inside the advice window (9 to 12 months after the start; 3 to 4 months for a one-year "
        "programme)": "een adviesdatum binnen het adviesvenster (9 tot 12 maanden na de start; 3 tot 4 maanden bij "
                      "een eenjarige opleiding)",
        "the offer of another programme to a minor in an entree programme":
            "het aanbod van een andere opleiding aan een minderjarige in een entreeopleiding",
        "WEB art. 8.1.7a; Rijksoverheid; Kamerstukken II 31 288/31 524, nr. 1039":
            "WEB art. 8.1.7a; Rijksoverheid; Kamerstukken II 31 288/31 524, nr. 1039",
        "WEB art. 8.1.7a lid 2 sub c": "WEB art. 8.1.7a lid 2 sub c",
        "Awb art. 4:8": "Awb art. 4:8",
        "WEB art. 8.1.7a; Rijksoverheid; Grashoff amendment": "WEB art. 8.1.7a; Rijksoverheid; amendement-Grashoff",
        "WEB art. 8.1.7a; Rijksoverheid": "WEB art. 8.1.7a; Rijksoverheid",
        # the witness records without a step (mbo_steps: _talks, _warning, ...)
        "no progress talk": "geen voortgangsgesprek",
        "0 progress talks": "0 voortgangsgesprekken",
        "no warning": "geen waarschuwing",
        "a warning dated before the programme start": "een waarschuwing gedateerd vóór de start van de opleiding",
        "a warning dated on the advice date": "een waarschuwing gedateerd op de adviesdatum",
        "a warning dated after the reference date": "een waarschuwing gedateerd na de peildatum",
        "no improvement deadline and the warning one day before the advice":
            "geen einde van de verbetertermijn en de waarschuwing één dag vóór het advies",
        "an improvement period ending on the warning date": "een verbetertermijn die eindigt op de waarschuwingsdatum",
        "an improvement period ending after the advice date": "een verbetertermijn die eindigt na de adviesdatum",
        "no hearing": "geen hoorzitting",
        "a hearing after the advice date": "een hoorzitting na de adviesdatum",
        "a hearing after the reference date": "een hoorzitting na de peildatum",
        "an advice date {n} months after the start of a one-year programme":
            "een adviesdatum {n} maanden na de start van een eenjarige opleiding",
        "an advice date {n} months after the start of a longer programme":
            "een adviesdatum {n} maanden na de start van een langere opleiding",
        "a student of 17 in an entree programme without a startkwalificatie and no alternative offered":
            "een student van 17 in een entreeopleiding zonder startkwalificatie, zonder aangeboden alternatief",
        "a student of 17 in an entree programme without a startkwalificatie and no offer recorded":
            "een student van 17 in een entreeopleiding zonder startkwalificatie, zonder vastgelegd aanbod",
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
        "{value} is not a kind this rule set excludes": "{value} is geen soort die deze regelset uitsluit",
        "excluded_circumstances holds only the kinds under circumstances.excluded":
            "excluded_circumstances bevat alleen de soorten onder circumstances.excluded",
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
        "rule {rule} gives a binding negative while reported personal circumstances are {_decision}":
            "regel {rule} geeft een bindend negatief advies terwijl gemelde persoonlijke omstandigheden {_decision} zijn",
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
        "{name} cannot be an optional column: its absence can make a binding negative more likely ({_why})":
            "{name} kan geen optionele kolom zijn: als hij ontbreekt, kan een bindend negatief advies waarschijnlijker "
            "worden ({_why})",
        # the why (ruleset/optional_lint.py): a statutory field's basis, or what a witness record showed
        "an empty {name} everywhere would read as: none ({_basis})":
            "een lege {name} overal zou worden gelezen als: geen ({_basis})",
        "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1":
            "WHW art. 7.8b lid 3; Uitvoeringsbesluit WHW 2008 art. 2.1 lid 1",
        "WHW art. 7.8b lid 2: no rejection after the propaedeutic exam":
            "WHW art. 7.8b lid 2: geen afwijzing na het propedeutisch examen",
        "the OER's deregistration cut-off: no advice after deregistering before it":
            "de uitschrijfgrens van de OER: geen advies na uitschrijving daarvoor",
        "on a witness record an empty {name} lets a binding negative decide where a recorded value would not":
            "op een voorbeeldrecord laat een lege {name} een bindend negatief advies beslissen waar een ingevulde "
            "waarde dat niet zou doen",
        "remove {name} from optional_columns, so an export without that column stops with its name instead of "
        "giving binding negatives; only columns whose absence blocks a negative (warning_date, hearing_date) or has "
        "a stated default (advice_date: --as-of) can be optional": "haal {name} uit optional_columns, zodat een "
        "export zonder die kolom stopt met de naam ervan in plaats van bindende negatieve adviezen te geven; alleen "
        "kolommen waarvan het ontbreken een negatief advies tegenhoudt (warning_date, hearing_date) of die een "
        "opgegeven standaard hebben (advice_date: --as-of) kunnen optioneel zijn",
    },
}
