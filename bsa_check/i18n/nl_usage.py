"""Dutch for the usage problems (BSA4xx), column mappings (BSA6xx), configuration and suppression
(BSA7xx), letters (BSA8xx) and the notes the commands print. Format: see ``bsa_check.i18n.problems``."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "*": {
        "rule set {name} from {path}": "regelset {name} uit {path}",
        "unknown key {key} in {where}": "onbekende sleutel {key} in {where}",
        "{_hint}the sheets are: {names}": "{_hint}de werkbladen zijn: {names}",
        "the sheets are: {names}": "de werkbladen zijn: {names}",
        "{_hint}give a bundled rule set ({names}) or a path relative to this test file":
            "{_hint}geef een meegeleverde regelset ({names}) of een pad ten opzichte van dit testbestand",
        "give a bundled rule set ({names}) or a path relative to this test file":
            "geef een meegeleverde regelset ({names}) of een pad ten opzichte van dit testbestand",
        "did you mean {name}? ": "bedoelt u {name}? ",
        "did you mean {name}?": "bedoelt u {name}?",
        # bsa-check test (testing/runner.py): why it exits 2
        "{path}: no such file or directory": "{path}: bestand of map bestaat niet",
        "{path}: not a rule test file (its name must end in {suffix})":
            "{path}: geen regeltestbestand (de naam moet eindigen op {suffix})",
        "no paths given": "geen paden opgegeven",
        "no *{suffix} files under {paths}": "geen *{suffix}-bestanden onder {paths}",
    },
    "BSA340": {
        "format the column as Text in Excel and enter or export the value again; if these codes never start with 0, "
        "set numbers_as_text: true for {name} in the --columns mapping":
            "maak de kolom in Excel Tekst en voer de waarde opnieuw in of exporteer opnieuw; als deze codes nooit "
            "met 0 beginnen, zet dan numbers_as_text: true voor {name} in de --columns-koppeling",
    },
    "BSA342": {
        "column {column} looks like the {_what} ({field}), but is not mapped to it: a rule set reads {field2}, and "
        "without it the step would count as not taken":
            "kolom {column} lijkt {_what} ({field}), maar is er niet aan gekoppeld: een regelset leest {field2}, en "
            "zonder die kolom telt de stap als niet gezet",
        "did you mean {field} ({aliases})? Map it with --columns (e.g. `{a}: {b}`; `bsa-check columns` proposes a "
        "mapping), rename the header, or list it under ignore: in the mapping":
            "bedoelt u {field} ({aliases})? Koppel hem met --columns (bijv. `{a}: {b}`; `bsa-check columns` stelt "
            "een koppeling voor), hernoem de kop, of zet hem onder ignore: in de koppeling",
    },
    "BSA401": {
        "lang {lang} is not nl or en": "lang {lang} is niet nl of en",
        "lang='nl' or lang='en'": "lang='nl' of lang='en'",
        "--param {item} is not NAME=VALUE": "--param {item} is niet NAAM=WAARDE",
        "e.g. --param norm_ec=42": "bijv. --param norm_ec=42",
        "--param {name}={value} {_why}": "--param {name}={value} {_why}",
        "{name} is a {_kind}": "{name} is een {_kind}",
    },
    "BSA402": {
        "unknown parameter {name}": "onbekende parameter {name}",
        "unknown parameter {name} for rule set {rules}": "onbekende parameter {name} voor regelset {rules}",
    },
    "BSA403": {
        "--param {name}={text}: {value} is not one of the values the rule set declares for {name2}: {choices}":
            "--param {name}={text}: {value} is niet een van de waarden die de regelset voor {name2} opgeeft: {choices}",
        "--param {name}={value} is outside the range {range} declared by the rule set":
            "--param {name}={value} ligt buiten het bereik {range} dat de regelset opgeeft",
        "choose a value within the range": "kies een waarde binnen het bereik",
    },
    "BSA404": {
        "--output {path} is the input file; refusing to overwrite it":
            "--output {path} is het invoerbestand; dat wordt niet overschreven",
        "choose another output file": "kies een ander uitvoerbestand",
    },
    "BSA405": {
        "--output folder {path} does not exist": "--output-map {path} bestaat niet",
        "create the folder first, or choose another path": "maak eerst de map aan, of kies een ander pad",
    },
    "BSA406": {
        "as_of {value} {_why}": "as_of {value} {_why}",
        "--as-of {value} {_why}": "--as-of {value} {_why}",
    },
    "BSA407": {
        "check the student number, or the file": "controleer het studentnummer, of het bestand",
    },
    "BSA408": {
        "--pseudonym-key-file {path} cannot be read: {reason}": "--pseudonym-key-file {path} is niet te lezen: {reason}",
        "--pseudonym-key-file {path} is empty": "--pseudonym-key-file {path} is leeg",
        "--pseudonymize needs a key, and {name} is not set": "--pseudonymize heeft een sleutel nodig, en {name} is niet gezet",
        "--pseudonym-key-file is given without --pseudonymize": "--pseudonym-key-file is gegeven zonder --pseudonymize",
        "add --pseudonymize to replace student numbers in the output":
            "voeg --pseudonymize toe om studentnummers in de uitvoer te vervangen",
        "the pseudonym key is {n} bytes; at least {m} are needed": "de pseudoniemsleutel is {n} bytes; er zijn er minstens {m} nodig",
        "--pseudonym-key-file {path} is not a regular file": "--pseudonym-key-file {path} is geen gewoon bestand",
        "--pseudonym-key-file {path} is larger than {n} bytes": "--pseudonym-key-file {path} is groter dan {n} bytes",
        "the key file holds one secret": "het sleutelbestand bevat één geheim",
    },
    "BSA409": {
        "compare needs at least two rule sets": "compare heeft minstens twee regelsets nodig",
        "e.g. rules=['ho-current', 'ho-proposed-2023']": "bijv. rules=['ho-current', 'ho-proposed-2023']",
        "e.g. --rules ho-current --rules ho-proposed-2023": "bijv. --rules ho-current --rules ho-proposed-2023",
    },
    "BSA410": {
        "--output {path} is a symbolic link": "--output {path} is een symbolische koppeling",
        "give the real folder, or a new path": "geef de echte map, of een nieuw pad",
        "--output names {what}, not a regular file; refusing to replace it":
            "--output noemt {what}, geen gewoon bestand; dat wordt niet vervangen",
        "give a new or regular file, or leave out --output and redirect standard output (e.g. > /dev/null)":
            "geef een nieuw of gewoon bestand, of laat --output weg en leid de standaarduitvoer om (bijv. > /dev/null)",
    },
    "BSA411": {
        "could not write the output: {reason}; {what}": "de uitvoer kon niet worden geschreven: {reason}; {what}",
    },
    "BSA420": {
        "no problem code {code}": "geen probleemcode {code}",
        "{_hint}`bsa-check codes` lists them all": "{_hint}`bsa-check codes` toont ze allemaal",
        "`bsa-check codes` lists them all": "`bsa-check codes` toont ze allemaal",
    },
    "BSA430": {
        "item {n} is {what}": "item {n} is {what}",
        "give one non-empty dict per student, keyed by column name":
            "geef één niet-lege dict per student, met kolomnamen als sleutels",
    },
    "BSA431": {
        "item {n} has the key {key}, which the first item does not have":
            "item {n} heeft de sleutel {key}, die het eerste item niet heeft",
        "give every dict the same keys (None for an empty cell)": "geef elke dict dezelfde sleutels (None voor een lege cel)",
    },
    "BSA432": {
        "{name} is not installed": "{name} is niet geïnstalleerd",
        "pip install 'bsa-check[{name}]', or use as_dicts()": "pip install 'bsa-check[{name}]', of gebruik as_dicts()",
    },
    "BSA433": {
        "--format xlsx writes a workbook, not text for a terminal": "--format xlsx schrijft een werkmap, geen tekst voor een terminal",
        "add --output results.xlsx (or redirect standard output to a file)":
            "voeg --output uitkomsten.xlsx toe (of leid de standaarduitvoer om naar een bestand)",
    },
    "BSA434": {
        "--output {path} is a {suffix} file, but --format is {fmt}": "--output {path} is een {suffix}-bestand, maar --format is {fmt}",
        "leave out --format (the suffix chooses {named}), or name the file *{suffix}":
            "laat --format weg (de extensie kiest {named}), of noem het bestand *{suffix}",
    },
    "BSA435": {
        "{command} does not write {named} (the suffix of --output {path})":
            "{command} schrijft geen {named} (de extensie van --output {path})",
        "{command} writes {formats}; choose a file name with one of their suffixes":
            "{command} schrijft {formats}; kies een bestandsnaam met een van hun extensies",
    },
    "BSA436": {
        "no command {name} (and no such file)": "geen opdracht {name} (en ook geen bestand met die naam)",
        "did you mean: bsa-check {name}? `bsa-check --help` lists the commands":
            "bedoelt u: bsa-check {name}? `bsa-check --help` toont de opdrachten",
    },
    "BSA437": {
        "--excel is for CSV output, and the format is {fmt}": "--excel is voor CSV-uitvoer, en het formaat is {fmt}",
        "add --format csv (or an --output file ending in .csv), or leave out --excel":
            "voeg --format csv toe (of een --output-bestand dat eindigt op .csv), of laat --excel weg",
    },
    "BSA438": {
        "--only names {what}, not an outcome": "--only noemt {what}, geen uitkomst",
        "did you mean {name}? the outcomes are {outcomes}": "bedoelt u {name}? de uitkomsten zijn {outcomes}",
        "the outcomes are {outcomes}": "de uitkomsten zijn {outcomes}",
    },
    "BSA439": {
        "--summary prints only the counts, and the {fmt} format has no place for counts alone":
            "--summary toont alleen de aantallen, en het formaat {fmt} heeft geen plaats voor alleen aantallen",
        "use --format text or --format json with --summary, or leave it out":
            "gebruik --format text of --format json met --summary, of laat het weg",
    },
    "BSA600": {
        "column mapping file {_what}": "kolomkoppelingsbestand {_what}",
        "give the path of a mapping .yaml file (`bsa-check columns EXPORT` writes one)":
            "geef het pad van een .yaml-koppelingsbestand (`bsa-check columns EXPORT` schrijft er een)",
        "column mapping file: {message}": "kolomkoppelingsbestand: {message}",
        "not found": "niet gevonden",
        "does not exist": "bestaat niet",
    },
    "BSA601": {
        "a column mapping file must be a YAML mapping (columns: ...)":
            "een kolomkoppelingsbestand moet een YAML-mapping zijn (columns: ...)",
    },
    "BSA602": {
        "{name} is not a record field": "{name} is geen veld van de studentgegevens",
    },
    "BSA603": {
        "the column {header} mapped to {name} is not in {path}'s header":
            "de kolom {header} die aan {name} is gekoppeld, staat niet in de kopregel van {path}",
    },
    "BSA604": {
        "columns.{name}.values: {value} is not a {name2} value bsa-check reads":
            "columns.{name}.values: {value} is geen waarde voor {name2} die bsa-check leest",
        "write a value the field table accepts for {name} ({_what})":
            "schrijf een waarde die de veldentabel voor {name} accepteert ({_what})",
    },
    "BSA605": {
        "values: are not allowed for {name}": "values: zijn niet toegestaan voor {name}",
        "the student number and programme code are read as written": "het studentnummer en de opleidingscode worden gelezen zoals ze er staan",
        "numbers_as_text is only for text fields; {name} is {_kind}": "numbers_as_text is alleen voor tekstvelden; {name} is {_kind}",
        "remove numbers_as_text here": "verwijder numbers_as_text hier",
    },
    "BSA606": {
        "the header {header} is mapped to both {a} and {b}": "de kop {header} is gekoppeld aan zowel {a} als {b}",
        "one export column holds one field: remove one of them": "één exportkolom bevat één veld: verwijder een van beide",
    },
    "BSA700": {
        "configuration: {message}": "configuratie: {message}",
    },
    "BSA701": {
        "ignore[{codes}] has no reason": "ignore[{codes}] heeft geen reden",
        "say why after the brackets: # bsa-check: ignore[BSA256] the board decides":
            "zeg waarom na de haken: # bsa-check: ignore[BSA256] de examencommissie beslist",
    },
    "BSA702": {
        "{code} blocks verdicts and cannot be suppressed{why}": "{code} blokkeert uitkomsten en kan niet worden onderdrukt{why}",
        "fix the rule set; `bsa-check codes {code}` explains the error":
            "herstel de regelset; `bsa-check codes {code}` legt de fout uit",
    },
    "BSA703": {
        "ignore[{code}] suppresses nothing: no {code2} on line {line}":
            "ignore[{code}] onderdrukt niets: geen {code2} op regel {line}",
        "remove it, or check the code and the line": "verwijder het, of controleer de code en de regel",
    },
    "BSA800": {
        "unknown placeholder {{name}}": "onbekende plaatshouder {{name}}",
    },
    "BSA801": {
        "{what} {text}: templates run no code": "{what} {text}: sjablonen voeren geen code uit",
        "write plain text and {name} placeholders only": "schrijf alleen gewone tekst en {name}-plaatshouders",
        "{text} is not a placeholder: templates run no code": "{text} is geen plaatshouder: sjablonen voeren geen code uit",
        "a placeholder is {name}: lower-case letters, digits and _": "een plaatshouder is {name}: kleine letters, cijfers en _",
    },
    "BSA802": {
        "raw HTML in a letter template": "ruwe HTML in een briefsjabloon",
        "write Markdown text; a letter never carries markup or scripts":
            "schrijf Markdown-tekst; een brief bevat nooit opmaakcode of scripts",
    },
    "BSA803": {
        "a lone {ch}": "een losse {ch}",
        "remove it, or complete the placeholder {name}": "verwijder hem, of maak de plaatshouder {name} af",
    },
    "BSA804": {
        "{path} cannot be read ({reason})": "{path} is niet te lezen ({reason})",
        "give the path of a Markdown letter template": "geef het pad van een Markdown-briefsjabloon",
        "{path} is larger than {n} KiB": "{path} is groter dan {n} KiB",
        "a letter template is a page or two of text": "een briefsjabloon is een of twee pagina's tekst",
        "the file is not UTF-8 text": "het bestand is geen UTF-8-tekst",
        "save the template as UTF-8": "sla het sjabloon op als UTF-8",
    },
    "BSA440": {
        "carries the export's columns into csv or xlsx output only; the format is {fmt}":
            "neemt de kolommen van de export alleen mee naar csv- of xlsx-uitvoer; het formaat is {fmt}",
        "add --format csv or --format xlsx (or an --output file ending in .csv or .xlsx)":
            "voeg --format csv of --format xlsx toe (of een --output-bestand op .csv of .xlsx)",
    },
    "BSA441": {
        "--keep-columns names {what}, not a column of the export":
            "--keep-columns noemt {what}, geen kolom van de export",
        "did you mean {near}? the columns are {available}": "bedoelt u {near}? de kolommen zijn {available}",
        "the columns are {available}": "de kolommen zijn {available}",
    },
    "BSA442": {
        "would write the export's own columns next to pseudonymized student numbers":
            "zou de eigen kolommen van de export naast gepseudonimiseerde studentnummers schrijven",
        "leave out --pseudonymize, or leave out the kept columns":
            "laat --pseudonymize weg, of laat de meegenomen kolommen weg",
    },
    "BSA805": {
        "no --institution: the letters show [to be filled in] for the institution's details":
            "geen --institution: de brieven tonen [in te vullen] voor de gegevens van de instelling",
        "--institution {path} cannot be read ({reason})": "--institution {path} is niet te lezen ({reason})",
        "give a UTF-8 YAML file with the institution's details": "geef een UTF-8-YAML-bestand met de gegevens van de instelling",
    },
    "BSA806": {
        "--output folder {path} can be read by others (mode {mode})": "--output-map {path} is leesbaar voor anderen (modus {mode})",
        "letters hold personal data: chmod 700 {path}, or give a new folder":
            "brieven bevatten persoonsgegevens: chmod 700 {path}, of geef een nieuwe map",
        "the folder above {path} does not exist": "de map boven {path} bestaat niet",
        "create it first, or choose another path": "maak hem eerst aan, of kies een ander pad",
        "no letter template {name}": "geen briefsjabloon {name}",
        "add it to --template-dir": "voeg het toe aan --template-dir",
        "--output {path} is not a folder": "--output {path} is geen map",
        "letters go to a folder, one file per student": "brieven komen in een map, één bestand per student",
        "--output folder {path} is not empty": "--output-map {path} is niet leeg",
        "give a new (or empty) folder for each run": "geef voor elke run een nieuwe (of lege) map",
    },
    "BSA807": {
        "rule set {name} is a proposal, not law: no letter can rest on it":
            "regelset {name} is een voorstel, geen wet: er kan geen brief op steunen",
        "use due or check to explore it, or --scenario for drafts marked as not law":
            "gebruik due of check om hem te verkennen, of --scenario voor concepten gemarkeerd als geen wet",
    },
    "BSA815": {
        "language {value} is neither nl nor en": "taal {value} is geen nl of en",
        "write nl or en (Nederlands/English), or leave it empty for --lang":
            "schrijf nl of en (Nederlands/English), of laat het leeg voor --lang",
    },
}
