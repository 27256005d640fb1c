"""Dutch for the schema problems of the YAML files the tool reads (rule files, rule test files, column
mappings, the institution file of ``letters``, the configuration): pydantic's own messages, the
models' checks (``ValueError`` in ``ruleset.model``, ``testing.model``), and the hints around them.
Format: see ``bsa_check.i18n.problems``; all of it is shared (``"*"``), since several codes use it.
"""

from __future__ import annotations

_SCHEMA = "`bsa-check schema {what}`"

PHRASES: dict[str, str] = {
    # where, and what to do (ruleset.load._friendly, testing.located._message, records.mapping)
    "missing required key {key} in top level": "verplichte sleutel {key} ontbreekt op het hoogste niveau",
    "missing required key {key} in {where}": "verplichte sleutel {key} ontbreekt in {where}",
    "unknown key {key} in top level": "onbekende sleutel {key} op het hoogste niveau",
    "top level: {_msg}": "hoogste niveau: {_msg}",
    "file: {_msg}": "bestand: {_msg}",
    "{where}: {_msg}": "{where}: {_msg}",
    "{where}: {value} is not allowed; {_msg}": "{where}: {value} is niet toegestaan; {_msg}",
    "add it (see " + _SCHEMA + ")": "voeg hem toe (zie " + _SCHEMA + ")",
    "add it; see " + _SCHEMA: "voeg hem toe; zie " + _SCHEMA,
    "fix the value (see " + _SCHEMA + ")": "verbeter de waarde (zie " + _SCHEMA + ")",
    "fix the value; see " + _SCHEMA: "verbeter de waarde; zie " + _SCHEMA,
    "remove it, or check the spelling against the schema": "verwijder hem, of controleer de spelling met het schema",
    "remove it, or check the spelling; see " + _SCHEMA: "verwijder hem, of controleer de spelling; zie " + _SCHEMA,
    "remove it; see " + _SCHEMA: "verwijder hem; zie " + _SCHEMA,
    "see " + _SCHEMA: "zie " + _SCHEMA,
    "add it; {_schema}": "voeg hem toe; {_schema}",
    "fix the value; {_schema}": "verbeter de waarde; {_schema}",
    "remove it, or check the spelling; {_schema}": "verwijder hem, of controleer de spelling; {_schema}",
    "use one of: {items}": "gebruik een van: {items}",
    "known: {items}": "bekend: {items}",
    "use a value within the range": "gebruik een waarde binnen het bereik",
    "use a value within the range, or change the range": "gebruik een waarde binnen het bereik, of wijzig het bereik",
    "the rules there: {ids} (`bsa-check rules --show NAME` prints a bundled one)":
        "de regels daar: {ids} (`bsa-check rules --show NAAM` toont een meegeleverde)",
    "not weighed": "niet gewogen", "postpone": "uitstel", "accepted": "erkend",
    # pydantic's messages
    "Field required": "verplicht veld ontbreekt",
    "Extra inputs are not permitted": "extra sleutels zijn niet toegestaan",
    "Input should be a valid string": "moet tekst zijn",
    "Input should be a valid integer": "moet een geheel getal zijn",
    "Input should be a valid integer, unable to parse string as an integer": "moet een geheel getal zijn",
    "Input should be a valid integer, got a number with a fractional part": "moet een geheel getal zijn",
    "Input should be a valid number": "moet een getal zijn",
    "Input should be a valid number, unable to parse string as a number": "moet een getal zijn",
    "Input should be a valid decimal": "moet een decimaal getal zijn",
    "Input should be a valid boolean": "moet true of false zijn",
    "Input should be a valid date": "moet een datum zijn",
    "Input should be a valid date or datetime, invalid date separator, expected `-`":
        "moet een datum zijn (jjjj-mm-dd)",
    "Input should be a valid list": "moet een lijst zijn",
    "Input should be a valid dictionary": "moet een mapping zijn",
    "Input should be a valid dictionary or instance of {name}": "moet een mapping zijn",
    "Input should be greater than or equal to {n}": "moet minstens {n} zijn",
    "Input should be less than or equal to {n}": "mag hoogstens {n} zijn",
    "Input should be greater than {n}": "moet groter zijn dan {n}",
    "Input should be less than {n}": "moet kleiner zijn dan {n}",
    "Input should be {_choices}": "moet {_choices} zijn",  # 'a', 'b' or 'c'
    "Input should be {choices}": "moet {choices} zijn",
    "input should be {_choices}": "moet {_choices} zijn",
    "input should be {choices}": "moet {choices} zijn",
    # 'a', 'b' or 'c': only after "Input should be" (a shared "{a} or {b}" took any text with " or " in it,
    # e.g. a whole "rules.0.outcome: Input should be ..." or a cell reason "write 45, 44,5 or 44.5")
    "Input should be {a} or {b}": "moet {a} of {b} zijn",
    "input should be {a} or {b}": "moet {a} of {b} zijn",
    "String should have at least {n} character": "tekst moet minstens {n} teken hebben",
    "String should have at least {n} characters": "tekst moet minstens {n} tekens hebben",
    "String should have at most {n} characters": "tekst mag hoogstens {n} tekens hebben",
    "List should have at least {n} item after validation, not {m}": "lijst moet minstens {n} item hebben, niet {m}",
    "Value error, {_msg}": "{_msg}",
    # the models' own checks (ruleset.model, testing.model)
    "a date shift is at most 36600 days or months either way": "een datumverschuiving is hoogstens 36600 dagen of maanden",
    "write exactly one of add, subtract, max, min": "schrijf precies één van add, subtract, max, min",
    "write an academic year as 2025-2026 or 2025": "schrijf een studiejaar als 2025-2026 of 2025",
    "{value} is not one academic year (the second year follows the first)":
        "{value} is niet één studiejaar (het tweede jaar volgt op het eerste)",
    "a test needs exactly one of field, param or derived": "een test heeft precies één van field, param of derived nodig",
    "a test needs exactly one operator of: {ops} (found {n})": "een test heeft precies één operator nodig uit: {ops} (gevonden: {n})",
    "a test needs exactly one operator of {ops} (found {n})": "een test heeft precies één operator nodig uit {ops} (gevonden: {n})",
    "a range limit must be a plain number of at most 12 digits": "een grens van een bereik moet een gewoon getal van hoogstens 12 cijfers zijn",
    "a case needs exactly one of value or text": "een geval heeft precies één van value of text nodig",
    "give either years or indefinite: true": "geef years of indefinite: true",
    "a bound must be a plain number of at most 12 digits": "een grens moet een gewoon getal van hoogstens 12 cijfers zijn",
    "give min, max or both": "geef min, max of beide",
    "min {low} is above max {high}": "min {low} ligt boven max {high}",
    "record_bounds: {name} is not a record field": "record_bounds: {name} is geen veld van de studentgegevens",
    "record_bounds: {name} is a {kind} field; only numbers can have bounds":
        "record_bounds: {name} is een veld van de soort {kind}; alleen getallen kunnen grenzen hebben",
    "rule {rule} requires {name}, which is not a precondition set": "regel {rule} vereist {name}, en dat is geen set voorwaarden",
    "expect needs exactly one of 'outcome' or 'error'": "expect heeft precies één van 'outcome' of 'error' nodig",
    "with 'error', expect takes no rule, missing, reason_contains or label":
        "met 'error' neemt expect geen rule, missing, reason_contains of label",
    "expect takes a label only with outcome: interim": "expect neemt alleen een label bij outcome: interim",
    "a case name is one line without '::' or surrounding spaces (it names the pytest item)":
        "een gevalnaam is één regel zonder '::' of spaties eromheen (hij noemt het pytest-item)",
}

TEXTS: dict[str, dict[str, str]] = {"*": PHRASES}
