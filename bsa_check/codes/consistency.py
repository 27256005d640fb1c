"""Problem codes of a rule set's consistency and meaning: BSA14x (extends and precondition sets) and
BSA2xx up to BSA234 (references, types, units, derived values, rule order). BSA201-BSA216 block
verdicts: the rule set does not load (``bsa_check.codes.model.entry``)."""

from __future__ import annotations

from bsa_check.codes.model import ERROR, WARNING, Code, entry

ENTRIES: tuple[Code, ...] = (
    entry("BSA140", "extends-not-found", ERROR,
          ("extends names no bundled rule set and no file", "extends takes a bundled rule-set name (bsa-check rules) "
           "or a path relative to the extending file; a URL is refused: rule sets are never fetched."),
          ("extends noemt geen meegeleverde regelset en geen bestand", "extends neemt de naam van een meegeleverde "
           "regelset (bsa-check rules) of een pad ten opzichte van het bestand zelf; een URL wordt geweigerd: regelsets "
           "worden nooit opgehaald."),
          "extends: ho-curent   ->   extends: ho-current"),
    entry("BSA141", "extends-cycle-or-depth", ERROR,
          ("extends makes a cycle, or a chain that is too deep", "A file cannot extend itself, directly or through "
           "other files, and a chain of extends is at most five files deep."),
          ("extends maakt een kringloop, of een te lange keten", "Een bestand kan niet op zichzelf voortbouwen, direct "
           "of via andere bestanden, en een keten van extends is hoogstens vijf bestanden lang."),
          "a.yaml: extends: b.yaml   b.yaml: extends: a.yaml"),
    entry("BSA143", "extends-placement", ERROR,
          ("a rule change that cannot be placed", "In a file that extends another rule set, each rule says where it "
           "goes (exactly one of replace, before, after: an id of the extended rule set), a new rule's id is new, and "
           "remove_rules names existing rules; a file without extends has none of these keys."),
          ("een regelwijziging die niet te plaatsen is", "In een bestand met extends zegt elke regel waar hij komt "
           "(precies een van replace, before, after: een id van de uitgebreide regelset), heeft een nieuwe regel een "
           "nieuw id, en noemt remove_rules bestaande regels; een bestand zonder extends heeft deze sleutels niet."),
          "rules: [{id: extra, when: ..., outcome: positive, ...}]   ->   add before: norm_met"),
    entry("BSA144", "removal-without-reason", ERROR,
          ("a rule removed without a reason", "remove_rules takes a rule of the extended rule set out; say why, in "
           "Dutch and English (validate and explain show it)."),
          ("een regel weggelaten zonder reden", "remove_rules laat een regel van de uitgebreide regelset weg; zeg "
           "waarom, in het Nederlands en het Engels (validate en explain tonen het)."),
          "remove_rules: [{id: late_entry}]   ->   add reason: {nl: ..., en: ...}"),
    entry("BSA145", "unknown-precondition-set", ERROR,
          ("requires names a precondition set that does not exist", "A name in a rule's requires stands for a set "
           "under the top-level preconditions (of this file or a file it extends); define it there, or write the "
           "preconditions out."),
          ("requires noemt een set voorwaarden die niet bestaat", "Een naam in requires staat voor een set onder "
           "preconditions op het hoogste niveau (van dit bestand of een bestand waarop het voortbouwt); definieer hem "
           "daar, of schrijf de voorwaarden uit."),
          "requires: [lawful_procedur]   ->   requires: [lawful_procedure]"),
    entry("BSA201", "inconsistent", ERROR,
          ("the rule set is inconsistent", "A reference or value that does not fit the rest of the rule set; the message "
           "says which."),
          ("de regelset is inconsistent", "Een verwijzing of waarde die niet past bij de rest van de regelset; de "
           "melding zegt welke."),
          "a rule that refers to something the rule set does not declare"),
    entry("BSA202", "parameter-type", ERROR,
          ("a parameter value is not of the declared type", "Each dated value must have the parameter's type (decimal, "
           "integer, month_day --MM-DD, text_list, ...)."),
          ("een parameterwaarde heeft niet het opgegeven type", "Elke gedateerde waarde moet het type van de parameter "
           "hebben (decimal, integer, month_day --MM-DD, text_list, ...)."),
          "type: month_day\\nvalues: {2024-09-01: 31-08}"),
    entry("BSA203", "out-of-range", ERROR,
          ("a parameter value is outside its declared range", "Use a value within range: min..max, or change the range."),
          ("een parameterwaarde valt buiten het opgegeven bereik", "Gebruik een waarde binnen range: min..max, of pas het "
           "bereik aan."),
          "range: {min: 0, max: 60}\\nvalues: {2024-09-01: 75}"),
    entry("BSA204", "unknown-field", ERROR,
          ("a rule reads a record field that does not exist", "The field names are in the README's field table; the "
           "message suggests the closest one."),
          ("een regel leest een veld dat niet bestaat", "De veldnamen staan in de veldentabel van de README; de melding "
           "stelt de dichtstbijzijnde voor."),
          "when: {field: ec_jaar_1, lt: 45}   (did you mean 'ec_year1'?)"),
    entry("BSA205", "type-mismatch", ERROR,
          ("an operator compares values of different kinds", "E.g. a number with a date, or a date shift on a number; "
           "compare like with like."),
          ("een operator vergelijkt waarden van verschillende soort", "Bijv. een getal met een datum, of een "
           "datumverschuiving op een getal; vergelijk gelijksoortige waarden."),
          "when: {field: ec_year1, before: 2025-09-01}"),
    entry("BSA206", "unknown-parameter", ERROR,
          ("a rule refers to a parameter the rule set does not declare", "Declare it under parameters, or fix the "
           "spelling."),
          ("een regel verwijst naar een parameter die niet gedeclareerd is", "Declareer hem onder parameters, of "
           "verbeter de spelling."),
          "when: {field: ec_year1, ge: {param: nrom_ec}}"),
    entry("BSA207", "unknown-derived", ERROR,
          ("a rule refers to a derived value the rule set does not declare", "Declare it under derived, or fix the "
           "spelling."),
          ("een regel verwijst naar een afgeleide waarde die niet gedeclareerd is", "Declareer hem onder derived, of "
           "verbeter de spelling."),
          "when: {derived: advise_day, on_or_after: ...}"),
    entry("BSA208", "derived-without-default", ERROR,
          ("a derived value's last case has a condition", "End with a case without 'when' so every record gets a value."),
          ("het laatste geval van een afgeleide waarde heeft een voorwaarde", "Eindig met een geval zonder 'when', zodat "
           "elk record een waarde krijgt."),
          "cases: [{when: {...}, value: 1}]"),
    entry("BSA209", "unknown-placeholder", ERROR,
          ("a reason text uses a placeholder that does not exist", "Placeholders name a field, parameter or derived "
           "value: {ec_year1}, {norm_ec}."),
          ("een redentekst gebruikt een plaatshouder die niet bestaat", "Plaatshouders noemen een veld, parameter of "
           "afgeleide waarde: {ec_year1}, {norm_ec}."),
          "reason: {en: \"{ec_yaer1} EC\"}"),
    entry("BSA210", "duplicate-id", ERROR,
          ("a rule id (or test case name) is used twice", "Every rule needs its own id, so a verdict can name it."),
          ("een regel-id (of testnaam) komt twee keer voor", "Elke regel heeft een eigen id nodig, zodat een uitkomst hem "
           "kan noemen."),
          "rules: [{id: r, ...}, {id: r, ...}]"),
    entry("BSA211", "negative-without-procedure", ERROR,
          ("a binding negative without preconditions, or an if_missing that decides anyway", "A binding negative needs "
           "its procedural steps under requires; when one is missing the outcome is procedure_incomplete."),
          ("een bindend negatief advies zonder voorwaarden, of een if_missing die toch beslist", "Een bindend negatief "
           "advies heeft zijn procedurestappen onder requires nodig; ontbreekt er één, dan is de uitkomst "
           "procedure_incomplete."),
          "- id: not_met\\n  outcome: negative   (no requires)"),
    entry("BSA212", "derived-cycle", ERROR,
          ("a derived value depends on itself", "Break the cycle: a derived value may not refer to itself, directly or "
           "through another."),
          ("een afgeleide waarde hangt van zichzelf af", "Doorbreek de kring: een afgeleide waarde mag niet naar "
           "zichzelf verwijzen, direct of via een andere."),
          "derived: {a: {cases: [{value: {derived: a}}]}}"),
    entry("BSA213", "unknown-unit", ERROR,
          ("a unit, group, block or compensation scheme the catalogue does not have", "Unit filters and aggregates need "
           "the rule set's units: catalogue, and may only name what it declares."),
          ("een onderdeel, groep, blok of compensatieregeling die de catalogus niet kent", "Filters en aggregaten op "
           "onderdelen hebben de catalogus units: nodig, en mogen alleen noemen wat die declareert."),
          "{aggregate: passed_ec, units: [STAT9]}"),
    entry("BSA214", "discretion-without-review", ERROR,
          ("a discretionary rule that does not leave the decision to a person", "discretion: true must give "
           "needs_review and name decided_by."),
          ("een discretionaire regel die de beslissing niet aan een mens laat", "discretion: true moet needs_review "
           "geven en decided_by noemen."),
          "discretion: true\\noutcome: positive"),
    entry("BSA215", "exclusion-without-negative", ERROR,
          ("an exclusion on a rule that gives no binding negative", "Only a binding negative excludes a student from "
           "re-enrolling (WHW 7.8b lid 5)."),
          ("een uitsluiting bij een regel die geen bindend negatief advies geeft", "Alleen een bindend negatief advies "
           "sluit herinschrijving uit (WHW 7.8b lid 5)."),
          "outcome: positive\\nexclusion: {years: 3}"),
    entry("BSA216", "compensation-band", ERROR,
          ("a compensation band that is empty or reaches the pass mark", "A compensated grade is a failed grade: keep "
           "min at most max, and max below the pass mark."),
          ("een compensatieband die leeg is of het cijfer voor voldoende bereikt", "Een gecompenseerd cijfer is een "
           "onvoldoende: houd min hoogstens max, en max onder de cesuur."),
          "band: {min: 5, max: 5.5}   (pass mark 5.5)"),
    entry("BSA220", "dated-values-order", WARNING,
          ("dated values are not in date order", "The value in force is still picked correctly, but the file is harder "
           "to read; list the dates in order."),
          ("gedateerde waarden staan niet op datumvolgorde", "De geldende waarde wordt nog steeds goed gekozen, maar het "
           "bestand leest moeilijker; zet de data op volgorde."),
          "values: {2026-09-01: 42.5, 2024-09-01: 40}"),
    entry("BSA221", "unreachable-rule", ERROR,
          ("a rule can never fire", "A rule before it always applies (e.g. one without 'when'); move it, or give it a "
           "condition."),
          ("een regel kan nooit gelden", "Een regel ervoor geldt altijd (bijv. een zonder 'when'); verplaats hem, of geef "
           "hem een voorwaarde."),
          "rules: [{id: always, ...no when...}, {id: never, ...}]"),
    entry("BSA222", "exclusive-overlap", ERROR,
          ("with decision: exclusive, two rules decide one record differently", "Shown with a witness record; make the "
           "conditions exclusive, or use decision: first_match if the order settles it."),
          ("bij decision: exclusive beslissen twee regels één record verschillend", "Getoond met een voorbeeldrecord; "
           "maak de voorwaarden uitsluitend, of gebruik decision: first_match als de volgorde beslist."),
          "low: ec_year1 < 30 -> needs_review; lower: ec_year1 < 20 -> positive"),
    entry("BSA223", "interim-without-label", ERROR,
          ("an interim advice without a label", "outcome: interim (or if_missing: interim) needs a label saying which "
           "interim advice it is (on track, doubtful, warning, ...), in both languages."),
          ("een tussentijds advies zonder label", "outcome: interim (of if_missing: interim) heeft een label nodig dat "
           "zegt welk tussentijds advies het is (op koers, twijfelachtig, waarschuwing, ...), in beide talen."),
          "outcome: interim   (no label:)  ->  label: {nl: twijfelachtig, en: doubtful}"),
    entry("BSA224", "binding-interim", ERROR,
          ("an interim advice with something binding", "An interim advice is never binding: it has no preconditions of a "
           "binding negative (requires; an exclusion on it is BSA215). Give a binding advice in a rule of its own."),
          ("een tussentijds advies met iets bindends", "Een tussentijds advies is nooit bindend: het heeft geen voorwaarden "
           "voor een bindend negatief advies (requires; een uitsluiting erbij is BSA215). Geef een bindend advies in een "
           "eigen regel."),
          "outcome: interim\\nrequires: [lawful_procedure]"),
    entry("BSA225", "label-without-interim", ERROR,
          ("a label on a rule that gives no interim advice", "label names an interim advice; on another outcome it would "
           "be silently ignored. Use outcome: interim, or drop the label."),
          ("een label bij een regel die geen tussentijds advies geeft", "label benoemt een tussentijds advies; bij een andere "
           "uitkomst zou het stil genegeerd worden. Gebruik outcome: interim, of laat het label weg."),
          "outcome: positive\nlabel: {nl: op koers, en: on track}"),
    entry("BSA226", "derived-text-compared", ERROR,
          ("a derived text compared in a condition", "A derived value whose cases give text: {nl, en} is for reasons "
           "only; a condition compares the values its cases test instead."),
          ("een afgeleide tekst vergeleken in een voorwaarde", "Een afgeleide waarde waarvan de gevallen text: {nl, en} "
           "geven is alleen voor redenen; een voorwaarde vergelijkt de waarden die de gevallen testen."),
          "derived: {track: {cases: [{text: {nl: ..., en: ...}}]}}\nwhen: {derived: track, eq: x}"),
    entry("BSA227", "placeholder-in-derived-text", ERROR,
          ("a placeholder in a derived text", "A derived text is shown as written, so {name} in it would never be "
           "filled; name the value in the rule's reason, or write {{ and }} for literal braces."),
          ("een placeholder in een afgeleide tekst", "Een afgeleide tekst wordt getoond zoals geschreven, dus {naam} erin "
           "wordt nooit ingevuld; noem de waarde in de reden van de regel, of schrijf {{ en }} voor letterlijke accolades."),
          "cases: [{text: {nl: 'nog {shortfall} EC', en: '{shortfall} EC to go'}}]"),
    entry("BSA228", "circumstance-designated-and-excluded", ERROR,
          ("a circumstance kind both designated and excluded", "A kind is a ground or it is not: list it under "
           "circumstances.designated (or designated_circumstances) or under circumstances.excluded, not both."),
          ("een soort omstandigheid zowel aangewezen als uitgesloten", "Een soort is een grond of niet: noem hem onder "
           "circumstances.designated (of designated_circumstances) of onder circumstances.excluded, niet beide."),
          "circumstances: {designated: {exchange: ...}, excluded: {exchange: ...}}"),
    entry("BSA229", "circumstance-kind-refused", ERROR,
          ("a statutory circumstance excluded, or a kind that is already one", "The list of Uitvoeringsbesluit WHW 2008 "
           "art. 2.1 is the base: an OER may add grounds but cannot exclude illness, impairment, pregnancy, family, "
           "participation_body, institution_activity or student_board. A declared kind needs a name (and spellings) "
           "of its own: not other, not a statutory kind or spelling."),
          ("een wettelijke omstandigheid uitgesloten, of een soort die er al een is", "De lijst van het Uitvoeringsbesluit "
           "WHW 2008 art. 2.1 is de basis: een OER mag gronden toevoegen, maar ziekte, functiebeperking, zwangerschap, "
           "familieomstandigheden, medezeggenschap, instellingsactiviteit en studentbestuur niet uitsluiten. Een eigen "
           "soort heeft een eigen naam (en schrijfwijzen) nodig: niet other, geen wettelijke soort of schrijfwijze."),
          "circumstances: {excluded: {illness: {reason: ..., legal_basis: ...}}}"),

    entry("BSA230", "date-shift-out-of-range", ERROR,
          ('a date shifted by the rule set falls outside the years 1-9999', 'Chained plus shifts reach past year 9999 (or before year 1) for this record: the row is a located error; shorten the shifts or check the date.'),
          ('een door de regelset verschoven datum valt buiten de jaren 1-9999', 'Gestapelde plus-verschuivingen komen voor dit record voorbij jaar 9999 (of voor jaar 1): de rij is een fout met plaats; kort de verschuivingen in of controleer de datum.'),
          '{field: warning_date, plus: {years: 9000}}'),
    entry("BSA231", "weighted-not-average", ERROR,
          ("weighted_by on an aggregate that is not an average", "weighted_by: ec weighs the grades of an average by "
           "their units' credits; on credits or counts it means nothing and would be silently ignored."),
          ("weighted_by bij een aggregaat dat geen gemiddelde is", "weighted_by: ec weegt de cijfers van een gemiddelde "
           "naar de studiepunten van hun onderdelen; bij studiepunten of aantallen betekent het niets en zou het stil "
           "genegeerd worden."),
          "{aggregate: ec, weighted_by: ec}   ->   {aggregate: average, weighted_by: ec}"),
    entry("BSA232", "unit-years-reversed", ERROR,
          ("a unit valid until an academic year before the one it is valid from", "valid_from and valid_until name the "
           "first and the last academic year a unit is in the catalogue; reversed, the unit is never in it."),
          ("een onderdeel geldig tot een studiejaar vóór het jaar waarin het geldig wordt", "valid_from en valid_until "
           "noemen het eerste en het laatste studiejaar waarin een onderdeel in de onderdelenlijst staat; omgekeerd staat "
           "het er nooit in."),
          "units: {OLD1: {ec: 5, valid_from: 2025-2026, valid_until: 2024-2025}}"),
    entry("BSA233", "unknown-field-value", ERROR,
          ("a field compared with a value it never has", "programme_role is main or side; negative_ground is "
           "study_progress, attendance_only or both. Any other value would never match, and the rule would "
           "silently never apply."),
          ("een veld vergeleken met een waarde die het nooit heeft", "programme_role is main of side; negative_ground is "
           "study_progress, attendance_only of both. Een andere waarde komt nooit overeen, en de regel zou stil nooit "
           "gelden."),
          "{field: negative_ground, eq: attendance}   ->   {field: negative_ground, eq: attendance_only}"),

    entry("BSA234", "mbo-negative-without-step", ERROR,
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
          "(no progress_talks)", blocking=True),
)
