"""The one coercion of friendly numeric input to :class:`~decimal.Decimal`, with limits.

Every constructor and reader that takes a number passes it through :func:`to_decimal`. It
accepts ``int``, ``Decimal``, ``float`` (converted through its shortest decimal text, so
``0.1`` stays ``0.1``) and numeric strings in Swedish or English writing ("91,74",
"−4,1", "333 088"). ``bool``, ``None``, NaN, infinities and anything else raise the caller's
error class naming the field and the value.

The limits hold any real kommun figure with room to spare (the whole Swedish state budget
is about 10¹² kronor) and keep everything downstream bounded — formatting, division,
rounding to a precision, exact sums, periodisation:

- at most :data:`MAX_SIGNIFICANT` (28) significant digits: Decimal's default precision, so
  ordinary arithmetic on one value is exact;
- at most :data:`MAX_INTEGER_DIGITS` (24) digits before the decimal sign (below 10²⁴);
- no non-zero value smaller in size than 10⁻²⁴ (:data:`MAX_DECIMALS`): its first
  significant digit is at most the 24th decimal. Computed values (a share of 1/3, a
  deviation in percent) keep their 28 significant digits;
- number text at most :data:`MAX_TEXT` (100) characters.

Exact sums of such values run in :data:`EXACT`, a context with :data:`EXACT_PRECISION`
digits: enough for 10¹⁸ values of the largest magnitude at the finest resolution, never
``MAX_PREC`` (which lets a single bad exponent allocate gigabytes).
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation
from typing import TypeAlias

from styrmodell._errors import StyrmodellError, ThresholdError
from styrmodell._messages import failure

__all__ = [
    "EXACT",
    "EXACT_PRECISION",
    "MAX_DECIMALS",
    "MAX_INTEGER_DIGITS",
    "MAX_SIGNIFICANT",
    "MAX_TEXT",
    "NumberLike",
    "check_limits",
    "optional_decimal",
    "to_decimal",
]

NumberLike: TypeAlias = Decimal | int | float | str
"""What a public entry point accepts where it needs a number."""

MAX_SIGNIFICANT = 28
"""At most this many significant digits in a number."""
MAX_INTEGER_DIGITS = 24
"""At most this many digits before the decimal sign: every number is below 10²⁴ in size."""
MAX_DECIMALS = 24
"""A non-zero number's first significant digit is at most this many places after the
decimal sign: nothing smaller in size than 10⁻²⁴."""
MAX_TEXT = 100
"""Number text longer than this is refused before it is parsed."""
EXACT_PRECISION = MAX_INTEGER_DIGITS + MAX_DECIMALS + MAX_SIGNIFICANT + 18
"""Digits of :data:`EXACT`: sums of up to 10¹⁸ numbers within the limits are exact."""
EXACT = Context(prec=EXACT_PRECISION, Emax=EXACT_PRECISION, Emin=-EXACT_PRECISION)
"""The context for exact sums and differences of numbers within the limits."""

_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})
# Digits with an optional sign, decimal comma or point, and an optional exponent; spaces only
# as thousands separators between groups of three ("333 088", not "58 17").
_PLAIN = re.compile(
    r"[+-]?(?:(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?|s?nan|inf(?:inity)?)", re.IGNORECASE
)
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:[ \u00a0\u202f_]\d{3})+(?:[.,]\d+)?")
_SEPARATORS = str.maketrans({" ": None, "\u00a0": None, "\u202f": None, "_": None})
_MAX_TEXT = MAX_TEXT
_INT_LIMIT = 10**MAX_INTEGER_DIGITS
_ZERO = Decimal(0)
# Wide enough to normalise any Decimal within the magnitude limits without rounding it.
_WIDE = Context(prec=10 * EXACT_PRECISION)


def _from_text(value: str, what: str, error: type[StyrmodellError]) -> Decimal:
    if len(value) > _MAX_TEXT:
        raise failure(error, "number.too_long", what, value=value, limit=_MAX_TEXT)
    text = value.strip().translate(_MINUS_SIGNS)
    if _PLAIN.fullmatch(text):
        pass
    elif _GROUPED.fullmatch(text):
        text = text.translate(_SEPARATORS)
    else:
        raise failure(error, "number.expected", what, value=value)
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the patterns admit only valid numbers
        raise failure(error, "number.expected", what, value=value) from None


def check_limits(
    result: Decimal, value: object, *, what: str, error: type[StyrmodellError]
) -> Decimal:
    """*result* if it is finite and within the limits, else raise *error* naming *value*."""
    if not result.is_finite():
        raise failure(error, "number.not_finite", what, value=value)
    exponent = result.as_tuple().exponent
    assert isinstance(exponent, int)
    if result.is_zero():
        # "0E-999999999" is zero, but would carry its exponent into every sum.
        return result if -MAX_DECIMALS <= exponent <= 0 else _ZERO
    adjusted = result.adjusted()
    if adjusted >= MAX_INTEGER_DIGITS:
        raise failure(error, "number.too_large", what, value=value, limit=MAX_INTEGER_DIGITS)
    if adjusted < -MAX_DECIMALS:
        raise failure(error, "number.too_small", what, value=value, limit=MAX_DECIMALS)
    # Trailing zeros are not significant ("1.000", "1E+3").
    n = len(result.normalize(_WIDE).as_tuple().digits)
    if n > MAX_SIGNIFICANT:
        raise failure(error, "number.too_many_digits", what, value=value, limit=MAX_SIGNIFICANT)
    return result


def to_decimal(
    value: object,
    *,
    what: str = "value",
    error: type[StyrmodellError] = ThresholdError,
) -> Decimal:
    """Convert *value* to a finite Decimal within the limits, or raise *error* naming it.

    Args:
        value: An ``int``, ``Decimal``, ``float`` or numeric string. Strings may use a
            decimal comma ("91,74"), a minus sign (U+2212), an exponent ("1e-3") and spaces
            (or no-break spaces) between groups of three digits ("333 088").
        what: How the message names the value, e.g. ``"Bands.green lower bound"``.
        error: The exception class to raise (a :class:`StyrmodellError` subclass).

    Returns:
        The Decimal. Floats go through ``str`` so ``0.1`` becomes ``Decimal("0.1")``.

    Raises:
        StyrmodellError: the given *error* class, for ``None``, ``bool``, NaN, infinities,
            anything that is not a number, and numbers beyond the module's limits.

    Examples:
        >>> to_decimal("333 088")
        Decimal('333088')
        >>> to_decimal("−4,1")
        Decimal('-4.1')
        >>> to_decimal("58 17")
        Traceback (most recent call last):
        ...
        styrmodell._errors.ThresholdError: value: expected a number, got '58 17'
    """
    if type(value) is Decimal:
        result = value
    elif isinstance(value, bool) or value is None:
        raise failure(error, "number.expected", what, value=value)
    elif type(value) is int:
        if not -_INT_LIMIT < value < _INT_LIMIT:
            raise failure(error, "number.too_large", what, value=value, limit=MAX_INTEGER_DIGITS)
        result = Decimal(value)
    elif isinstance(value, int | Decimal):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    elif isinstance(value, str):
        result = _from_text(value, what, error)
    else:
        raise failure(error, "number.expected", what, value=value)
    return check_limits(result, value, what=what, error=error)


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
