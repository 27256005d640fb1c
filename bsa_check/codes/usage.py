"""Problem codes of usage (BSA4xx): command-line options, output targets, the ``codes`` command and
the Python API."""

from __future__ import annotations

from bsa_check.codes.model import ERROR, Code, entry

ENTRIES: tuple[Code, ...] = (
    entry("BSA401", "param-syntax", ERROR,
          ("--param is not NAME=VALUE, or its value cannot be read", "E.g. --param norm_ec=42 (exit 2)."),
          ("--param is geen NAAM=WAARDE, of de waarde is niet te lezen", "Bijv. --param norm_ec=42 (exit 2)."),
          "--param norm_ec"),
    entry("BSA402", "unknown-param-option", ERROR,
          ("--param names a parameter no rule set declares", "The message suggests the closest name (exit 2)."),
          ("--param noemt een parameter die geen regelset kent", "De melding stelt de dichtstbijzijnde naam voor (exit 2)."),
          "--param nrom_ec=42"),
    entry("BSA403", "param-out-of-range", ERROR,
          ("a --param value outside the parameter's range", "Choose a value within the range (exit 2)."),
          ("een --param-waarde buiten het bereik van de parameter", "Kies een waarde binnen het bereik (exit 2)."),
          "--param norm_ec=75"),
    entry("BSA404", "output-over-input", ERROR,
          ("--output would overwrite an input file", "Choose another output file (exit 2)."),
          ("--output zou een invoerbestand overschrijven", "Kies een ander uitvoerbestand (exit 2)."),
          "--output students.csv"),
    entry("BSA405", "output-folder-missing", ERROR,
          ("the folder of --output does not exist", "Create it first, or choose another path (exit 2)."),
          ("de map van --output bestaat niet", "Maak hem eerst, of kies een ander pad (exit 2)."),
          "--output nope/out.csv"),
    entry("BSA406", "as-of-date", ERROR,
          ("--as-of is not a date", "ISO (2026-08-31) or dd-mm-jjjj (exit 2)."),
          ("--as-of is geen datum", "ISO (2026-08-31) of dd-mm-jjjj (exit 2)."), "--as-of 31-02-2026"),
    entry("BSA407", "student-not-found", ERROR,
          ("explain: the student number is not in the file", "Check the number, or the file (exit 2)."),
          ("explain: het studentnummer staat niet in het bestand", "Controleer het nummer, of het bestand (exit 2)."),
          "bsa-check explain students.csv 99999"),
    entry("BSA408", "pseudonym-key", ERROR,
          ("--pseudonymize without a usable key", "Set BSA_CHECK_PSEUDONYM_KEY (at least 16 characters) or "
           "--pseudonym-key-file (exit 2)."),
          ("--pseudonymize zonder bruikbare sleutel", "Zet BSA_CHECK_PSEUDONYM_KEY (minstens 16 tekens) of "
           "--pseudonym-key-file (exit 2)."),
          "bsa-check check students.csv --pseudonymize   (no key)"),
    entry("BSA409", "compare-needs-two", ERROR,
          ("compare needs at least two rule sets", "E.g. --rules ho-current --rules ho-proposed-2023 (exit 2)."),
          ("compare heeft minstens twee regelsets nodig", "Bijv. --rules ho-current --rules ho-proposed-2023 (exit 2)."),
          "bsa-check compare students.csv --rules ho-current"),
    entry("BSA410", "output-target-refused", ERROR,
          ('--output names something that is not a regular file or a new path', 'A device, FIFO, socket, directory or symlink is refused before anything is written (exit 2); write to standard output for a pipe or /dev/null.'),
          ('--output noemt iets dat geen gewoon bestand of nieuw pad is', 'Een apparaat, FIFO, socket, map of symbolische link wordt geweigerd voordat er iets geschreven wordt (exit 2); schrijf naar standaarduitvoer voor een pipe of /dev/null.'),
          '--output /dev/null'),
    entry("BSA411", "write-failed", ERROR,
          ('writing the output failed', 'Disk full, a read-only folder or file system, no permission: one message, exit 2, and no temp file is left.'),
          ('het schrijven van de uitvoer mislukte', 'Schijf vol, een alleen-lezen map of bestandssysteem, geen rechten: een melding, exit 2, en er blijft geen tijdelijk bestand achter.'),
          '--output /full-disk/out.json'),
    entry("BSA420", "unknown-code", ERROR,
          ("bsa-check codes: no such problem code", "The message suggests the closest code; `bsa-check codes` lists them "
           "all (exit 2)."),
          ("bsa-check codes: deze foutcode bestaat niet", "De melding stelt de dichtstbijzijnde code voor; `bsa-check "
           "codes` noemt ze allemaal (exit 2)."),
          "bsa-check codes BSA2500"),
    entry("BSA430", "api-item-not-a-record", ERROR,
          ("Python API: an item of the records is not a non-empty mapping",
           "bsa_check.check() reads an iterable of dicts (column name -> cell); an item that is not a dict, or an empty "
           "one, becomes an error result at its position (1-based), the other items are still checked."),
          ("Python-API: een element van de gegevens is geen niet-lege mapping",
           "bsa_check.check() leest een reeks dicts (kolomnaam -> cel); een element dat geen dict is, of een lege, wordt "
           "een foutresultaat op zijn positie (vanaf 1); de andere elementen worden gewoon gecontroleerd."),
          "bsa_check.check([{'student_id': '1', 'programme': 'B-X'}, None])"),
    entry("BSA431", "api-unknown-key", ERROR,
          ("Python API: an item has a key the first item does not have",
           "The first dict's keys are the header (as a CSV's first line): a later item with another key is an error "
           "result, so no value is silently dropped. Give every dict the same keys (None for an empty cell)."),
          ("Python-API: een element heeft een sleutel die het eerste element niet heeft",
           "De sleutels van de eerste dict zijn de kopregel (zoals de eerste regel van een CSV): een later element met "
           "een andere sleutel is een foutresultaat, zodat geen waarde stil verdwijnt. Geef elke dict dezelfde sleutels "
           "(None voor een lege cel)."),
          "[{'student_id': '1', 'programme': 'B-X'}, {'student_id': '2', 'programme': 'B-X', 'ec': 30}]"),
    entry("BSA432", "api-optional-library", ERROR,
          ("Python API: to_pandas()/to_polars() without that library installed",
           "pandas and polars are optional: install the extra (pip install 'bsa-check[pandas]' or 'bsa-check[polars]'); "
           "as_dicts() needs neither."),
          ("Python-API: to_pandas()/to_polars() zonder die bibliotheek",
           "pandas en polars zijn optioneel: installeer de extra (pip install 'bsa-check[pandas]' of "
           "'bsa-check[polars]'); as_dicts() heeft geen van beide nodig."),
          "bsa_check.check('students.csv').to_pandas()   (pandas not installed)"),
    entry("BSA433", "xlsx-to-terminal", ERROR,
          ("--format xlsx without --output while standard output is a terminal",
           "A workbook is binary: give --output FILE.xlsx, or redirect standard output to a file (exit 2)."),
          ("--format xlsx zonder --output terwijl de uitvoer een terminal is",
           "Een werkmap is binair: geef --output BESTAND.xlsx, of stuur de standaarduitvoer naar een bestand (exit 2)."),
          "bsa-check check students.csv --format xlsx"),
    entry("BSA434", "output-suffix-contradicts-format", ERROR,
          ("the --output file's suffix names another format than --format",
           "The suffix chooses the format when --format is not given (.json .jsonl .csv .xlsx .html .md .txt); both "
           "given must agree, so a file named .json never holds a text table (exit 2)."),
          ("de extensie van het --output-bestand noemt een ander formaat dan --format",
           "De extensie kiest het formaat als --format ontbreekt (.json .jsonl .csv .xlsx .html .md .txt); gegeven samen "
           "moeten ze overeenkomen, zodat een .json-bestand nooit een teksttabel bevat (exit 2)."),
          "bsa-check check students.csv --format text --output out.json"),
    entry("BSA435", "output-suffix-not-written", ERROR,
          ("the --output file's suffix names a format this command does not write",
           "E.g. check --output report.html: choose a suffix of a format the command writes, or another name (exit 2)."),
          ("de extensie van het --output-bestand noemt een formaat dat dit commando niet schrijft",
           "Bijv. check --output rapport.html: kies de extensie van een formaat dat het commando schrijft, of een andere "
           "naam (exit 2)."),
          "bsa-check check students.csv --output report.html"),
    entry("BSA436", "unknown-command", ERROR,
          ("no such command (and no such file)",
           "The first word is neither a command nor an existing file; the message suggests the nearest command (exit 2)."),
          ("dit commando bestaat niet (en dit bestand ook niet)",
           "Het eerste woord is geen commando en geen bestaand bestand; de melding stelt het dichtstbijzijnde commando "
           "voor (exit 2)."),
          "bsa-check chek students.csv"),
    entry("BSA437", "excel-needs-csv", ERROR,
          ("--excel with an output format other than CSV",
           "--excel writes CSV the way Excel reads it (byte order mark, CRLF, ';'); give --format csv or an .csv "
           "--output file (exit 2)."),
          ("--excel met een ander uitvoerformaat dan CSV",
           "--excel schrijft CSV zoals Excel het leest (byte order mark, CRLF, ';'); geef --format csv of een "
           ".csv-bestand bij --output (exit 2)."),
          "bsa-check check students.csv --excel --format json"),
    entry("BSA438", "only-unknown-outcome", ERROR,
          ("--only names an outcome that does not exist",
           "Give outcome codes separated by commas (positive, negative, negative_advisory, procedure_incomplete, "
           "needs_review, postponed, no_advice); the message names them (exit 2)."),
          ("--only noemt een uitkomst die niet bestaat",
           "Geef uitkomstcodes gescheiden door komma's (positive, negative, negative_advisory, procedure_incomplete, "
           "needs_review, postponed, no_advice); de melding noemt ze (exit 2)."),
          "bsa-check check students.csv --only negatief"),
    entry("BSA439", "summary-needs-text-or-json", ERROR,
          ("--summary with an output format that has no summary of its own",
           "--summary prints only the counts: in the text format, or the json document without its verdicts; jsonl, "
           "csv and xlsx are row formats (exit 2)."),
          ("--summary met een uitvoerformaat zonder eigen samenvatting",
           "--summary toont alleen de aantallen: in het tekstformaat, of het json-document zonder de adviezen; jsonl, "
           "csv en xlsx zijn rijformaten (exit 2)."),
          "bsa-check check students.csv --summary --format csv"),
    entry("BSA440", "keep-columns-needs-csv-or-xlsx", ERROR,
          ("--keep-columns or --keep-all with an output format other than csv or xlsx",
           "The export's own columns are carried into csv and xlsx output only (for a mail merge); give --format csv "
           "or xlsx, or an --output file ending in .csv or .xlsx (exit 2)."),
          ("--keep-columns of --keep-all met een ander uitvoerformaat dan csv of xlsx",
           "De eigen kolommen van de export gaan alleen mee naar csv- en xlsx-uitvoer (voor samenvoegen); geef "
           "--format csv of xlsx, of een --output-bestand op .csv of .xlsx (exit 2)."),
          "bsa-check check students.csv --keep-columns naam"),
    entry("BSA441", "keep-columns-unknown", ERROR,
          ("--keep-columns names a column the export does not have",
           "Names are the export's headers (case and spaces do not matter); the message lists the export's columns "
           "(exit 2)."),
          ("--keep-columns noemt een kolom die de export niet heeft",
           "Namen zijn de kolomkoppen van de export (hoofdletters en spaties tellen niet); de melding noemt de "
           "kolommen van de export (exit 2)."),
          "bsa-check check students.csv --format csv --keep-columns naam   (no such header)"),
    entry("BSA442", "keep-columns-with-pseudonyms", ERROR,
          ("--keep-columns or --keep-all together with --pseudonymize",
           "Kept columns (name, e-mail) would undo the pseudonyms; personal data is written only when asked, and "
           "never beside pseudonyms (exit 2)."),
          ("--keep-columns of --keep-all samen met --pseudonymize",
           "Meegenomen kolommen (naam, e-mail) maken de pseudoniemen ongedaan; persoonsgegevens worden alleen "
           "geschreven als daarom gevraagd wordt, en nooit naast pseudoniemen (exit 2)."),
          "bsa-check check students.csv --format csv --keep-all --pseudonymize"),
    entry("BSA443", "results-read-once", ERROR,
          ("the results of the Python API's check() were already read", "check() streams its results: they can be "
           "read once. Keep them with results = list(bsa_check.check(...)) (or to_list(), as_dicts() once) and "
           "use that list as often as needed."),
          ("de uitkomsten van check() in de Python-API zijn al gelezen", "check() levert zijn uitkomsten als "
           "stroom: ze zijn één keer te lezen. Bewaar ze met results = list(bsa_check.check(...)) (of één keer "
           "to_list() of as_dicts()) en gebruik die lijst zo vaak als nodig."),
          "r = bsa_check.check('students.csv'); r.as_dicts(); r.to_pandas()"),
)
