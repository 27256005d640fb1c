"""The two markers evaluation passes around: :data:`ABSENT` (a value that is not there) and
:class:`MissingValue` (a rule needs a value the record lacks). Kept apart so every engine module
(``units``, ``context``, ``evaluate``, ``compile``) can import them without a cycle."""

from __future__ import annotations

ABSENT = object()


class MissingValue(Exception):
    """A rule needs a value that the record does not have (an empty, non-optional cell)."""

    def __init__(self, field_name: str) -> None:
        super().__init__(field_name)
        self.field = field_name


__all__ = ["ABSENT", "MissingValue"]
