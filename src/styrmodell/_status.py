"""Status: the traffic-light colour of an assessment (grönt / gult / rött).

Swedish terms: *grönt* (uppfyllt), *gult* (delvis uppfyllt), *rött* (ej uppfyllt) and
*ej bedömd* (no outcome, no target, or "ej mätbart").
"""

from __future__ import annotations

import enum

from styrmodell._fields import choice
from styrmodell._messages import text

__all__ = ["Status"]

_RANK = {"RED": 0, "YELLOW": 1, "GREEN": 2}


class Status(enum.Enum):
    """The outcome of judging a value against a threshold.

    The three colours are ordered worst → best: ``RED < YELLOW < GREEN``. ``NOT_ASSESSED``
    is no colour and takes part in no ordering: comparing it raises ``TypeError``.

    Examples:
        >>> Status.RED < Status.GREEN
        True
        >>> Status.YELLOW.label()
        'Gult'
        >>> Status.NOT_ASSESSED.label("en")
        'Not assessed'
    """

    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    NOT_ASSESSED = "not_assessed"

    @property
    def rank(self) -> int | None:
        """0 for red, 1 for yellow, 2 for green, ``None`` for not assessed."""
        return _RANK.get(self.name)

    @property
    def is_colour(self) -> bool:
        """True for green, yellow and red."""
        return self is not Status.NOT_ASSESSED

    def label(self, locale: str = "sv") -> str:
        """The word for the status: "Grönt", "Gult", "Rött", "Ej bedömd" (sv) or English."""
        return text(f"status.{self.value}", locale)

    def _key(self, other: object) -> tuple[int, int]:
        if not isinstance(other, Status):
            raise TypeError(f"cannot compare Status with {type(other).__name__}")
        if self.rank is None or other.rank is None:
            raise TypeError(
                f"Status.NOT_ASSESSED has no order: cannot compare {self.name} with {other.name}"
            )
        return self.rank, other.rank

    def __lt__(self, other: object) -> bool:
        a, b = self._key(other)
        return a < b

    def __le__(self, other: object) -> bool:
        a, b = self._key(other)
        return a <= b

    def __gt__(self, other: object) -> bool:
        a, b = self._key(other)
        return a > b

    def __ge__(self, other: object) -> bool:
        a, b = self._key(other)
        return a >= b


def as_status(value: object, at: str = "value") -> Status:
    """A :class:`Status` from the member, its value or its name (a field converter)."""
    return choice(Status, value, at)
