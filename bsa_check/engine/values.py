"""The two markers evaluation passes around: :data:`ABSENT` (a value that is not there) and
:class:`MissingValue` (a rule needs a value the record lacks); and :class:`Average`, an average's value. Kept apart so every engine module
(``units``, ``context``, ``evaluate``, ``compile``) can import them without a cycle."""

from __future__ import annotations

from decimal import Decimal

ABSENT = object()


class Average(Decimal):
    """An average grade: a Decimal, compared and computed exactly (never rounded); only its text is
    shortened (``bsa_check.i18n.fmt_value``: two decimals, cut, with an ellipsis where digits were cut)."""

    __slots__ = ()

    def __repr__(self) -> str:  # apart from a Decimal of the same digits (report.machine's signature)
        return f"Average('{self}')"


class MissingValue(Exception):
    """A rule needs a value that the record does not have (an empty, non-optional cell)."""

    def __init__(self, field_name: str) -> None:
        super().__init__(field_name)
        self.field = field_name


__all__ = ["ABSENT", "Average", "MissingValue"]
