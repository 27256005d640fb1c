"""Dutch for the usage problems (BSA4xx), configuration (BSA6xx, BSA7xx), letters (BSA8xx) and the
notes the commands print. Format: see ``bsa_check.i18n.problems``."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "*": {
        "rule set {name} from {path}": "regelset {name} uit {path}",
    },
    "BSA438": {
        "--only names {what}, not an outcome": "--only noemt {what}, dat is geen uitkomst",
        "did you mean {near}? the outcomes are {valid}": "bedoelt u {near}? de uitkomsten zijn {valid}",
        "the outcomes are {valid}": "de uitkomsten zijn {valid}",
    },
    "BSA439": {
        "--summary prints only the counts, and the {fmt} format has no place for counts alone":
            "--summary toont alleen de aantallen, en het formaat {fmt} heeft geen plaats voor alleen aantallen",
        "use --format text or --format json with --summary, or leave it out":
            "gebruik --format text of --format json bij --summary, of laat het weg",
    },
    "BSA805": {
        "no --institution: the letters show [to be filled in] for the institution's details":
            "geen --institution: de brieven tonen [in te vullen] voor de gegevens van de instelling",
    },
}
