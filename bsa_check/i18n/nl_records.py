"""Dutch for the records problems (BSA3xx: reading an export, row errors) and the shared phrases.

Format: see ``bsa_check.i18n.problems``. ``"*"`` holds phrases any code may use: the reasons a cell
parser gives (``records.parse``), each half of ``"what; advice"`` on its own.
"""

from __future__ import annotations

from bsa_check.records.fields import CIRCUMSTANCE_CATEGORIES

# The Dutch spelling of each category the reader accepts (the second one listed), for the hint
_DUTCH_SPELLING = {"impairment": "functiebeperking", "family": "familieomstandigheden"}
_DUTCH_CATEGORIES = ", ".join(_DUTCH_SPELLING.get(code, spellings[1] if len(spellings) > 1 else code)
                              for code, spellings in CIRCUMSTANCE_CATEGORIES.items())

_WRITE_RESULTS = ("write unit results as CODE:RESULT separated by |, e.g. STAT1:7,5|MATH1:VR|PHIL1:5:20-01-2026; "
                  "RESULT is a grade 1-10 or V, O, VR; optional parts: a date, credits like 5EC, eerder")
_WRITE_RESULTS_NL = ("schrijf resultaten als CODE:RESULTAAT gescheiden door |, bijv. STAT1:7,5|MATH1:VR|PHIL1:5:20-01-2026; "
                     "RESULTAAT is een cijfer 1-10 of V, O, VR; optionele delen: een datum, studiepunten zoals 5EC, eerder")
_HEADER_COLUMNS = "export the records with a header line and at least the columns {columns}"
_HEADER_COLUMNS_NL = "exporteer de gegevens met een kopregel en ten minste de kolommen {columns}"

PHRASES: dict[str, str] = {
    # records.parse: what is wrong ...
    "is not a number": "is geen getal",
    "has a thousands separator": "heeft een scheidingsteken voor duizendtallen",
    "has more than {n} decimals, so '{sep}' may be a thousands separator":
        "heeft meer dan {n} decimalen, dus '{sep}' is misschien een scheidingsteken voor duizendtallen",
    "is negative": "is negatief",
    "is not a whole number of 1 or more": "is geen geheel getal van 1 of meer",
    "is not a whole number of 0 or more": "is geen geheel getal van 0 of meer",
    "is not a whole number": "is geen geheel getal",
    "is not a date": "is geen datum",
    "is not a plausible date": "is geen aannemelijke datum",
    "is not a date that exists": "is een datum die niet bestaat",
    "is not yes or no": "is geen ja of nee",
    "is not an academic year": "is geen studiejaar",
    "is not a plausible academic year": "is geen aannemelijk studiejaar",
    "is not a personal circumstance listed in Uitvoeringsbesluit WHW 2008 art. 2.1":
        "is geen persoonlijke omstandigheid uit het Uitvoeringsbesluit WHW 2008 art. 2.1",
    "is not a decision": "is geen besluit",
    "is not an advice": "is geen advies",
    "is not an effect of recognised circumstances": "is geen gevolg van erkende omstandigheden",
    "is not a study mode": "is geen studievorm",
    "is not a programme role": "is geen rol van de opleiding",
    "is not a ground of a negative advice": "is geen grond van een negatief advies",
    "is not a day of the year": "is geen dag van het jaar",
    "is below {low}, the least the rule set allows{note}": "is lager dan {low}, het minimum dat de regelset toestaat{note}",
    "is above {high}, the most the rule set allows{note}": "is hoger dan {high}, het maximum dat de regelset toestaat{note}",
    "item {n} is not CODE:RESULT": "onderdeel {n} is geen CODE:RESULTAAT",
    "the grade of {unit} is outside 1-10": "het cijfer van {unit} ligt buiten 1-10",
    "the result of {unit} is not a grade or V, O, VR": "het resultaat van {unit} is geen cijfer of V, O, VR",
    "the part {part} of {unit} is not a date, credits or eerder":
        "het deel {part} van {unit} is geen datum, studiepunten of eerder",
    "cannot be read as a {kind} value": "is niet te lezen als waarde van de soort {kind}",
    # ... and what to do
    "write credits like 45, 44,5 or 44.5": "schrijf studiepunten als 45, 44,5 of 44.5",
    "write the number without it, with a decimal comma or point (e.g. 1234,5)":
        "schrijf het getal zonder, met een decimale komma of punt (bijv. 1234,5)",
    "write whole or decimal credits such as 45 or 44,5, without a thousands separator":
        "schrijf hele of decimale studiepunten zoals 45 of 44,5, zonder scheidingsteken voor duizendtallen",
    "credits cannot be below 0": "studiepunten kunnen niet lager zijn dan 0",
    "write dd-mm-jjjj (e.g. 01-02-2026) or 2026-02-01": "schrijf dd-mm-jjjj (bijv. 01-02-2026) of 2026-02-01",
    "the year must be between {low} and {high} (dd-mm-jjjj)": "het jaar moet tussen {low} en {high} liggen (dd-mm-jjjj)",
    "check day and month (dd-mm-jjjj)": "controleer dag en maand (dd-mm-jjjj)",
    "write ja/nee, yes/no, true/false, 1/0 or j/n": "schrijf ja of nee (of j/n, 1/0)",
    "write 2025-2026 or 2025": "schrijf 2025-2026 of 2025",
    "the starting year must be between {low} and {high}": "het beginjaar moet tussen {low} en {high} liggen",
    "use none or one of {items}": "gebruik geen, of een van: " + _DUTCH_CATEGORIES,
    "use postpone, accepted, rejected (uitstel, erkend, afgewezen) or leave empty":
        "gebruik uitstel, erkend of afgewezen, of laat de cel leeg",
    "use positive or negative (positief/negatief)": "gebruik positief of negatief",
    "use postpone, reduce_norm, no_negative or committee (uitstel, normverlaging, geen negatief advies, commissie)":
        "gebruik uitstel, normverlaging, geen negatief advies of commissie",
    "use hoofdopleiding or nevenopleiding (main, side)": "gebruik hoofdopleiding of nevenopleiding (main, side)",
    "use studievoortgang, alleen aanwezigheid or beide (study_progress, attendance_only, both)":
        "gebruik studievoortgang, alleen aanwezigheid of beide (study_progress, attendance_only, both)",
    "use voltijd, deeltijd or duaal (full_time, part_time, dual)":
        "gebruik voltijd, deeltijd of duaal",
    "check the value": "controleer de waarde",
    "write a day of the year as ISO --MM-DD in quotes, e.g. '--02-01' for 1 February (not 29 February)":
        "schrijf een dag van het jaar als ISO --MM-DD tussen aanhalingstekens, bijv. '--02-01' voor 1 februari "
        "(niet 29 februari)",
    "write unit results as CODE:RESULT separated by |, e.g. STAT1:7,5|MATH1:VR|PHIL1:5:20-01-2026":
        "schrijf resultaten als CODE:RESULTAAT gescheiden door |, bijv. STAT1:7,5|MATH1:VR|PHIL1:5:20-01-2026",
    "RESULT is a grade 1-10 or V, O, VR": "RESULTAAT is een cijfer 1-10 of V, O, VR",
    "optional parts: a date, credits like 5EC, eerder": "optionele delen: een datum, studiepunten zoals 5EC, eerder",
    _WRITE_RESULTS: _WRITE_RESULTS_NL,
    "correct the {_field} in this cell": "verbeter de waarde in deze cel ({_field})",
    # value kinds (records.fields), as "cannot be read as a {kind} value" names them
    "text": "tekst", "decimal": "decimaal getal", "integer": "geheel getal", "count": "aantal", "date": "datum",
    "boolean": "ja/nee", "academic year": "studiejaar", "circumstances": "omstandigheden", "decision": "besluit",
    "units": "onderdelen", "advice": "advies", "results": "resultaten", "effect": "gevolg",
    "study mode": "studievorm",
    # shared hints
    "save the file as 'CSV UTF-8' from Excel": "sla het bestand in Excel op als 'CSV UTF-8'",
    _HEADER_COLUMNS: _HEADER_COLUMNS_NL,
    "check that the file is a CSV export with one record per line":
        "controleer of het bestand een CSV-export is met één record per regel",
}

TEXTS: dict[str, dict[str, str]] = {
    "*": PHRASES,
    "BSA301": {
        "file not found": "bestand niet gevonden",
        "check the path of the records file": "controleer het pad van het gegevensbestand",
        "is a directory, not a file": "is een map, geen bestand",
        "give the path of a CSV file": "geef het pad van een CSV-bestand",
        "file cannot be read: permission denied": "bestand is niet te lezen: geen toestemming",
        "check the file's permissions": "controleer de rechten van het bestand",
        "file cannot be read: {reason}": "bestand is niet te lezen: {reason}",
        "check that the file exists and can be read": "controleer of het bestand bestaat en te lezen is",
        "is not a regular file": "is geen gewoon bestand",
    },
    "BSA302": {
        "file is {name} encoded": "bestand is gecodeerd als {name}",
        "file contains NUL bytes; it looks UTF-16 encoded": "bestand bevat NUL-bytes; het lijkt UTF-16-gecodeerd",
        "file starts with a UTF-8 byte order mark but byte {byte} here is not UTF-8":
            "bestand begint met een UTF-8-bytevolgordemarkering, maar byte {byte} hier is geen UTF-8",
        "byte {byte} is neither UTF-8 nor Windows-1252 text": "byte {byte} is geen UTF-8- of Windows-1252-tekst",
        "byte {byte} is not Windows-1252 text, and the file is not UTF-8 either (first non-UTF-8 byte at line {line}, "
        "column {column})": "byte {byte} is geen Windows-1252-tekst, en het bestand is ook geen UTF-8 (eerste "
                            "niet-UTF-8-byte op regel {line}, kolom {column})",
        "file cannot be decoded as {encoding}": "bestand is niet te decoderen als {encoding}",
        "the header line contains a NUL byte; it is not text": "de kopregel bevat een NUL-byte; het is geen tekst",
        "bytes {a}-{b} are not UTF-16 text (the file starts with a UTF-16 byte order mark)":
            "bytes {a}-{b} zijn geen UTF-16-tekst (het bestand begint met een UTF-16-bytevolgordemarkering)",
    },
    "BSA303": {
        "file is empty": "bestand is leeg",
        "file has a 'sep=' line but no header": "bestand heeft een 'sep='-regel maar geen kopregel",
        "sheet {sheet} is empty": "werkblad {sheet} is leeg",
        "export the records with a header row and at least the columns {columns}":
            "exporteer de gegevens met een koprij en ten minste de kolommen {columns}",
        "no records: the iterable holds no non-empty dict": "geen gegevens: de reeks bevat geen niet-lege dict",
        "give one dict per student, keyed by column name": "geef één dict per student, met kolomnamen als sleutels",
    },
    "BSA304": {
        "the first line 'sep={sep}' names an unsupported delimiter":
            "de eerste regel 'sep={sep}' noemt een scheidingsteken dat niet wordt ondersteund",
        "save the file as CSV with ';', ',' or a tab between the cells":
            "sla het bestand op als CSV met ';', ',' of een tab tussen de cellen",
        "the delimiter is '|'; use ';', ',' or a tab": "het scheidingsteken is '|'; gebruik ';', ',' of een tab",
        "save the file as CSV with ';' or ',' between the cells": "sla het bestand op als CSV met ';' of ',' tussen de cellen",
    },
    "BSA305": {
        "columns {a} ({ha}) and {b} ({hb}) are both {name}": "kolommen {a} ({ha}) en {b} ({hb}) zijn allebei {name}",
        "remove or rename one of them": "verwijder of hernoem een van beide",
    },
    "BSA306": {
        "missing {_noun} {_items}": "ontbrekende {_noun} {_items}",
        "column": "kolom", "columns": "kolommen",
        "{name} (also accepted: {aliases})": "{name} (ook goed: {aliases})",
        "{name} (also accepted: {aliases}) - is the column {close} meant?":
            "{name} (ook goed: {aliases}) - is de kolom {close} bedoeld?",
        "{name} - is the column {close} meant?": "{name} - is de kolom {close} bedoeld?",
        "add the column, or rename the export's header to one of these names":
            "voeg de kolom toe, of hernoem de kop in de export naar een van deze namen",
    },
    "BSA307": {
        "row has {n} cells but the header has {width}": "regel heeft {n} cellen maar de kopregel heeft er {width}",
        "the header separates cells with '{a}' but this row seems to use '{b}': save the whole file with one delimiter":
            "de kopregel scheidt cellen met '{a}' maar deze regel lijkt '{b}' te gebruiken: sla het hele bestand op "
            "met één scheidingsteken",
        "check for a missing delimiter": "controleer of er een scheidingsteken ontbreekt",
        "row has a value in column {col}, right of the header's {width} columns":
            "rij heeft een waarde in kolom {col}, rechts van de {width} kolommen van de koprij",
        "give the column a header, or clear the cell": "geef de kolom een kop, of maak de cel leeg",
    },
    "BSA308": {
        "the header line is longer than {n} characters": "de kopregel is langer dan {n} tekens",
        # Python's csv module says why ({_reason}); a reason it words otherwise stays as it is ({reason})
        "the header cannot be read as CSV: {_reason}": "de kopregel is niet te lezen als CSV: {_reason}",
        "the row cannot be read as CSV: {_reason}": "de regel is niet te lezen als CSV: {_reason}",
        "'{a}' expected after '{b}'": "'{a}' verwacht na '{b}'",
        "line contains NUL": "de regel bevat een NUL-teken",
        "unexpected end of data": "onverwacht einde van de gegevens",
        "field larger than field limit ({n})": "cel groter dan de grens ({n})",
        "new-line character seen in unquoted field - do you need to open the file with newline=''?":
            "regeleinde in een cel zonder aanhalingstekens",
        "the header cannot be read as CSV: {reason}": "de kopregel is niet te lezen als CSV: {reason}",
        "check the quotes in the header line": "controleer de aanhalingstekens in de kopregel",
        "line is longer than {n} characters": "regel is langer dan {n} tekens",
        "a cell is longer than {n} characters": "een cel is langer dan {n} tekens",
        "check for a quote that is never closed, or shorten the cell":
            "zoek een aanhalingsteken dat nooit wordt gesloten, of maak de cel korter",
        "the row cannot be read as CSV: {reason}": "de regel is niet te lezen als CSV: {reason}",
        'check the quotes in this row: a cell that starts with " must end with "':
            'controleer de aanhalingstekens in deze regel: een cel die met " begint, moet met " eindigen',
        "{_where} is not closed on this line": "{_where} wordt op deze regel niet gesloten",
        "the quote that opens cell {n}": "het aanhalingsteken dat cel {n} opent",
        "a quote in this row": "een aanhalingsteken in deze regel",
        'remove the stray " or close the quote on this line; the lines after it are read as rows of their own':
            'verwijder de losse " of sluit het aanhalingsteken op deze regel; de regels erna worden als eigen '
            'regels gelezen',
    },
    "BSA309": {
        "the cell contains a NUL byte (0x00), which is not text": "de cel bevat een NUL-byte (0x00), en dat is geen tekst",
        "the export is damaged here: export the file again, or retype this cell":
            "de export is hier beschadigd: exporteer het bestand opnieuw, of typ deze cel opnieuw",
    },
    "BSA310": {
        "{column} '{value}' {_what}": "{column} '{value}' {_what}",
        "{column}: in '{value}', {_what}": "{column}: in '{value}', {_what}",
        "{field} {value} {_what}": "{field} {value} {_what}",
    },
    "BSA311": {
        "student number is empty": "studentnummer is leeg",
        "every row needs a student number": "elke regel heeft een studentnummer nodig",
        "programme is empty": "opleiding is leeg",
        "every row needs a programme code": "elke regel heeft een opleidingscode nodig",
    },
    "BSA312": {
        "{_field} is empty, but rule {rule} needs it": "{_field} is leeg, maar regel {rule} heeft het nodig",
        "fill in {_field} ({_description})": "vul {_field} in ({_description})",
    },
    "BSA313": {
        "the same {_same} as line {first}": "hetzelfde {_same} als regel {first}",
        "student number, programme and academic year": "studentnummer, dezelfde opleiding en hetzelfde studiejaar",
        "student number and programme": "studentnummer en dezelfde opleiding",
        "each student appears once per programme and year: remove or merge one of the rows (line {first} is "
        "evaluated, this one is not)": "elke student staat één keer per opleiding en jaar in de export: verwijder "
                                       "of voeg een van de regels samen (regel {first} wordt beoordeeld, deze niet)",
    },
    "BSA314": {
        "{column} '{value}' {_what}": "{column} '{value}' {_what}",
    },
    "BSA317": {
        "unit {unit} has a result but is not in the rule set's unit catalogue, so its credits are unknown":
            "onderdeel {unit} heeft een resultaat maar staat niet in de onderdelenlijst van de regelset, dus de "
            "studiepunten zijn onbekend",
        "add {unit} to the rule set's units, or write its credits in the result (e.g. {example})":
            "voeg {unit} toe aan de onderdelen van de regelset, of schrijf de studiepunten in het resultaat "
            "(bijv. {example})",
    },
    "BSA320": {
        "parameter {name} has no value in force on {day}": "parameter {name} heeft geen waarde die geldt op {day}",
        "check collegejaar ({year}); or add a value dated on or before {day} to the rule set, or set it with --param":
            "controleer collegejaar ({year}); of voeg aan de regelset een waarde toe met een datum op of vóór {day}, "
            "of stel hem in met --param",
    },
    "BSA321": {
        "no rule of the rule set applies to this record": "geen regel van de regelset is van toepassing op dit record",
        "add a final rule without 'when' to rule set {name}": "voeg aan regelset {name} een laatste regel zonder 'when' toe",
    },
    "BSA326": {
        "columns {a} ({name}) and {b} ({code}) both name the programme; a programme name would match no "
        "per-programme value and silently give every row the default norm":
            "kolommen {a} ({name}) en {b} ({code}) noemen allebei de opleiding; een opleidingsnaam past bij geen "
            "enkele waarde per opleiding en zou elke regel stilzwijgend de standaardnorm geven",
        "keep one programme column: to use the codes, rename {name} (e.g. to opleidingsnaam, which is then ignored) "
        "and {code} to croho (or programme); to use {name2}, remove or rename {code2}":
            "houd één opleidingskolom: om de codes te gebruiken hernoemt u {name} (bijv. naar opleidingsnaam, die "
            "dan genegeerd wordt) en {code} naar croho (of programme); om {name2} te gebruiken verwijdert of "
            "hernoemt u {code2}",
    },
    "BSA327": {
        "rule set {name}: no per-programme value of {params} matches programme(s) {programmes}; their rows use the "
        "default value (if the programme column holds names, use the codes the rule set lists under by_programme)":
            "regelset {name}: geen waarde per opleiding van {params} past bij opleiding(en) {programmes}; hun "
            "regels gebruiken de standaardwaarde (staan er namen in de opleidingskolom, gebruik dan de codes die "
            "de regelset onder by_programme noemt)",
    },
    "BSA330": {
        "the file is mostly UTF-8 but not all of it; the first byte that is not UTF-8 is on line {bad}: it is read "
        "as Windows-1252, so accented letters from line {line} on may read wrong":
            "het bestand is grotendeels UTF-8, maar niet helemaal; de eerste byte die geen UTF-8 is staat op regel "
            "{bad}: het wordt gelezen als Windows-1252, dus letters met accenten vanaf regel {line} kunnen verkeerd "
            "gelezen worden",
        "the file is mostly UTF-8 but not all of it{where}: it is read as Windows-1252, so accented letters from "
        "line {line} on may read wrong": "het bestand is grotendeels UTF-8, maar niet helemaal{where}: het wordt "
                                         "gelezen als Windows-1252, dus letters met accenten vanaf regel {line} "
                                         "kunnen verkeerd gelezen worden",
        "save the export as UTF-8 (or fix the stray byte), then run again":
            "sla de export op als UTF-8 (of herstel de losse byte) en draai opnieuw",
    },
    "BSA340": {
        "{column} '{value}' {_what}": "{column} '{value}' {_what}",
        "is a number cell{shown} where text is expected: Excel drops leading zeros (00123 becomes 123), so the value "
        "may have changed": "is een getalcel{shown} waar tekst verwacht wordt: Excel laat voorloopnullen weg (00123 "
                            "wordt 123), dus de waarde kan veranderd zijn",
    },
    "BSA341": {
        "{column} '{value}' {_what}": "{column} '{value}' {_what}",
        "is a number cell ({text}) where a date is expected": "is een getalcel ({text}) waar een datum verwacht wordt",
        "format the cell as a date in Excel (or write the date as dd-mm-jjjj text)":
            "maak de cel in Excel een datumcel (of schrijf de datum als tekst dd-mm-jjjj)",
        "holds a {type} cell ({shown}) where a {_kind} value is expected":
            "bevat een cel van de soort {type} ({shown}) waar een waarde van de soort {_kind} verwacht wordt",
        "enter the value again as text, a number or a date, as the field table says":
            "voer de waarde opnieuw in als tekst, getal of datum, zoals de veldentabel zegt",
        "is a date cell ({shown}) where a {_kind} value is expected: Excel may have turned the text into a date":
            "is een datumcel ({shown}) waar een waarde van de soort {_kind} verwacht wordt: Excel heeft de tekst "
            "misschien in een datum veranderd",
        "format the column as Text (or Number) in Excel and enter the value again":
            "maak de kolom in Excel Tekst (of Getal) en voer de waarde opnieuw in",
    },
    "BSA343": {
        "is {_what}, not a table of student records": "is {_what}, geen tabel met studentgegevens",
        # what the file is (records/sniff.py), and what to do
        "a damaged zip archive (or workbook)": "een beschadigd zip-archief (of werkmap)",
        "export the records again; if it is a workbook, open and save it in Excel":
            "exporteer de gegevens opnieuw; is het een werkmap, open en bewaar hem dan in Excel",
        "an OpenDocument file (LibreOffice)": "een OpenDocument-bestand (LibreOffice)",
        "save it as .xlsx or as CSV (UTF-8, ';' between cells)":
            "sla het op als .xlsx of als CSV (UTF-8, ';' tussen de cellen)",
        "a Word document": "een Word-document",
        "export the student records as .xlsx or CSV": "exporteer de studentgegevens als .xlsx of CSV",
        "a zip archive": "een zip-archief",
        "unpack it and give the .xlsx or .csv file inside": "pak het uit en geef het .xlsx- of .csv-bestand erin",
        "a gzip-compressed file": "een met gzip ingepakt bestand",
        "unpack it first (e.g. gunzip) and give the file inside":
            "pak het eerst uit (bijv. met gunzip) en geef het bestand erin",
        "a PDF document": "een pdf-document",
        "a PDF cannot be read as records: export the same report from the student information system as .xlsx or CSV":
            "een pdf is niet als gegevens te lezen: exporteer hetzelfde overzicht uit het studentinformatiesysteem "
            "als .xlsx of CSV",
        "an old Excel workbook (.xls, before 2007) or a password-protected workbook":
            "een oude Excel-werkmap (.xls, van vóór 2007) of een werkmap met een wachtwoord",
        "open it in Excel and save it as 'Excel-werkmap (.xlsx)' or 'CSV UTF-8'":
            "open het in Excel en sla het op als 'Excel-werkmap (.xlsx)' of 'CSV UTF-8'",
        "remove the password first if it has one": "haal eerst het wachtwoord weg als er een is",
        "open it in Excel and save it as 'Excel-werkmap (.xlsx)' or 'CSV UTF-8'; remove the password first if it has one":
            "open het in Excel en sla het op als 'Excel-werkmap (.xlsx)' of 'CSV UTF-8'; haal eerst het wachtwoord weg "
            "als er een is",
        "a web page (HTML), perhaps saved with an .xls name": "een webpagina (HTML), misschien bewaard met een .xls-naam",
        "an Excel 2003 XML spreadsheet": "een Excel 2003 XML-spreadsheet",
    },
    "BSA344": {
        "cannot be read as an Excel workbook ({name})": "is niet te lezen als Excel-werkmap ({name})",
        "the workbook has no sheets": "de werkmap heeft geen werkbladen",
        "the workbook has no sheet {sheet}": "de werkmap heeft geen werkblad {sheet}",
        "sheet {sheet} is a chart, not a table": "werkblad {sheet} is een grafiek, geen tabel",
        "give --sheet with a table": "geef bij --sheet een werkblad met een tabel",
        "the workbook part {part} unpacks to {size} bytes; the limit is {limit}":
            "het werkmapdeel {part} wordt uitgepakt {size} bytes; de grens is {limit}",
        "export the records as CSV instead": "exporteer de gegevens in plaats daarvan als CSV",
        "the sheet cannot be read further ({name})": "het werkblad is niet verder te lezen ({name})",
        "--sheet is for an .xlsx workbook; this file is text (CSV)":
            "--sheet is voor een .xlsx-werkmap; dit bestand is tekst (CSV)",
        "leave out --sheet": "laat --sheet weg",
    },
}
