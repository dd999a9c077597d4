"""Locales for babel: parsing a locale name, and number formatting shared by every writer.

Swedish (``"sv"``) is the default for text meant for people. Words come from the text
layer's catalogs (:mod:`styrmodell._messages`), per locale; numbers and dates always follow
the locale given, through babel. babel is always called with an explicit locale, never
``None`` (which would mean the machine's locale).

No module branches on the locale: a new locale is a new pair of catalog files.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal, get_minus_sign_symbol

from styrmodell._errors import StyrmodellError

__all__ = ["format_number", "parse_locale"]


@functools.lru_cache(maxsize=64)
def parse_locale(locale: str) -> Locale:
    """Return the babel Locale for *locale* ("sv", "sv_SE", "en", "en-GB"...).

    Raises:
        StyrmodellError: for a locale babel does not know.
    """
    if not isinstance(locale, str) or not locale:
        raise StyrmodellError(
            f"locale: expected a locale name such as 'sv' or 'en', got {locale!r}"
        )
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise StyrmodellError(f"locale: unknown locale {locale!r} ({exc})") from None


@functools.lru_cache(maxsize=64)
def _minus(locale: str) -> str:
    return get_minus_sign_symbol(parse_locale(locale))


MAX_PLACES = 3
"""At most this many decimals are written when no fixed number is asked for."""

# Wide enough to round and write any number within styrmodell's limits (and the library's
# differences and deviations of such numbers) at any precision within them, whatever the
# caller's decimal context: formatting never raises a decimal signal.
_WRITING = Context(prec=200, Emax=400, Emin=-400)


def format_number(value: Decimal | int, locale: str = "sv", *, places: int | None = None) -> str:
    """Format *value* with the locale's digit grouping, decimal sign and minus sign.

    Significant decimals are kept up to :data:`MAX_PLACES` (``Decimal("91.74")`` →
    ``"91,74"`` in sv); a computed share such as 41/43 shows as ``"95,349"`` rather than
    with 28 digits — the value itself stays exact, only its text is rounded. *places* fixes
    the number of decimals instead. Both round half-up, as the plans do (2,25 → 2,3).
    Zero is never written with a minus sign. Swedish output uses U+00A0 between digit groups
    and U+2212 as the minus sign ("−333 088").
    """
    loc = parse_locale(locale)
    with localcontext(_WRITING):
        number = Decimal(value)
        exponent = number.as_tuple().exponent
        if places is None and isinstance(exponent, int) and exponent < -MAX_PLACES:
            number = number.quantize(Decimal(1).scaleb(-MAX_PLACES), rounding=ROUND_HALF_UP)
            number = number.normalize() if number != number.to_integral_value() else number
        if places is not None:
            # Round half-up as the plans report (2,25 → 2,3); babel itself rounds half-even.
            number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if number.is_zero():
            number = number.copy_abs()  # never "−0"
        if places is None:
            text = format_decimal(number, locale=loc, decimal_quantization=False)
        else:
            pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
            text = format_decimal(number, format=pattern, locale=loc)
    if text.startswith("-"):
        text = _minus(locale) + text[1:]
    return text
