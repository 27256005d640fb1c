"""Dutch for the usage problems (BSA4xx), configuration (BSA6xx, BSA7xx), letters (BSA8xx) and the
notes the commands print. Format: see ``bsa_check.i18n.problems``."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "*": {
        "rule set {name} from {path}": "regelset {name} uit {path}",
    },
    "BSA805": {
        "no --institution: the letters show [to be filled in] for the institution's details":
            "geen --institution: de brieven tonen [in te vullen] voor de gegevens van de instelling",
    },
}
