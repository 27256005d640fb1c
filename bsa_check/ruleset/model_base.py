"""The rule format's building blocks (see ``ruleset.model``): the base of every model (``Strict``),
the outcomes, a text in both languages, a label written as text or number, and a legal basis.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

__all__ = ["FORMAT_VERSION", "OUTCOMES", "Label", "LegalBasis", "Outcome", "Strict", "Text"]

FORMAT_VERSION = 1

OUTCOMES = (
    "positive",
    "negative",
    "negative_advisory",
    "procedure_incomplete",
    "needs_review",
    "postponed",
    "no_advice",
    "not_yet_due",
    "interim",
)
Outcome = Literal[
    "positive", "negative", "negative_advisory", "procedure_incomplete", "needs_review", "postponed", "no_advice",
    "not_yet_due", "interim",
]


class Strict(BaseModel):
    # defer_build: a model's validator is built on first use, not when this module is imported. A run
    # validates only the whole RuleSet, whose one build covers every nested model (issue 8: start-up).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """A text in both languages. ``{name}`` placeholders are filled with values."""

    nl: str
    en: str


def _to_str(value: Any) -> Any:
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


# An article, paragraph or version written as a number (``paragraph: 4``) is read as text; the
# published schema says so too, so an editor accepts what the loader accepts.
Label = Annotated[str, BeforeValidator(_to_str, json_schema_input_type=Union[str, int, float])]


class LegalBasis(Strict):
    """Where a rule comes from: law (or OER), article, paragraph (lid), optional address."""

    law: str = Field(description="WHW, WEB, Uitvoeringsbesluit WHW, OER, Kamerbrief, ...")
    article: Label | None = Field(default=None, description="e.g. 7.8b")
    paragraph: Label | None = Field(default=None, description="lid, e.g. 4")
    sub: Label | None = Field(default=None, description="onderdeel, e.g. c")
    bwb_id: str | None = Field(default=None, description="wetten.overheid.nl identifier, e.g. BWBR0005682")
    url: str | None = None
    note: Text | None = None
    unverified: bool = Field(default=False, description="true where the basis could not be checked against a primary text")
