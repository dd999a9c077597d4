"""Coercion of friendly numeric input to :class:`~decimal.Decimal`.

Every public entry point that takes a number accepts ``int``, ``Decimal``, ``float`` (converted
through ``str`` so that ``0.1`` stays ``0.1``) and numeric strings. ``bool``, ``None``, NaN,
infinities and anything else raise the caller's error class with the value in the message.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TypeAlias

from styrmodell._errors import StyrmodellError, ThresholdError

__all__ = ["NumberLike", "optional_decimal", "to_decimal"]

NumberLike: TypeAlias = Decimal | int | float | str
"""What a public entry point accepts where it needs a number."""

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
_SPACES = str.maketrans({"\u00a0": None, "\u202f": None, " ": None, "_": None})


def to_decimal(
    value: object,
    *,
    what: str = "value",
    error: type[StyrmodellError] = ThresholdError,
) -> Decimal:
    """Convert *value* to a finite Decimal, or raise *error* naming *what* and the value.

    Args:
        value: An ``int``, ``Decimal``, ``float`` or numeric string. Strings may use a
            decimal comma ("91,74"), a minus sign (U+2212) and spaces between digit groups.
        what: How the message names the value, e.g. ``"Bands.green lower bound"``.
        error: The exception class to raise (a :class:`StyrmodellError` subclass).

    Returns:
        The finite Decimal. Floats go through ``str`` so ``0.1`` becomes ``Decimal("0.1")``.

    Raises:
        StyrmodellError: the given *error* class, for ``None``, ``bool``, NaN, infinities and
            anything that is not a number.
    """
    if type(value) is Decimal:
        result = value
    elif isinstance(value, bool) or value is None:
        raise error(f"{what}: expected a number, got {value!r}")
    elif isinstance(value, int | Decimal):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(str(value))
    elif isinstance(value, str):
        text = value.strip().translate(_MINUS_SIGNS).translate(_SPACES).replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise error(f"{what}: expected a number, got {value!r}") from None
    else:
        raise error(f"{what}: expected a number, got {type(value).__name__} {value!r}")
    if not result.is_finite():
        raise error(f"{what}: expected a finite number, got {value!r}")
    return result


def optional_decimal(
    value: object,
    *,
    what: str = "value",
    error: type[StyrmodellError] = ThresholdError,
) -> Decimal | None:
    """Like :func:`to_decimal`, but ``None`` stays ``None``."""
    if value is None:
        return None
    return to_decimal(value, what=what, error=error)
