"""What the families that judge a computed number share: a rank, a change, a share of a target.

Each such family computes one number from the value and the context (a position, a change
from a base, a share of the target) and classifies it with a :class:`~styrmodell.Bands` it
holds: the bands are data the columnar engine compiles and lint checks (the family's
``as_bands``); this module builds the assessment and the wording around them.
"""

from __future__ import annotations

from decimal import Context as DecimalContext
from decimal import Decimal
from typing import Any

from styrmodell._errors import ThresholdError
from styrmodell._messages import failure, text
from styrmodell._thresholds import _text
from styrmodell._thresholds._bands import Bands, explain_number
from styrmodell._thresholds._base import Assessment

__all__ = ["QUOTIENT", "as_measure_bands", "bands_text", "explain_measured", "judge"]

QUOTIENT = DecimalContext(prec=28)
"""Quotients (a share, a mean, a change in percent) to 28 significant digits, as Decimal
arithmetic does by default: sums and differences stay exact in ``EXACT``."""


def as_measure_bands(value: object, at: str = "value") -> Bands:
    """The bands a family classifies its computed number with (a :class:`Bands`)."""
    if isinstance(value, Bands):
        return value
    raise failure(ThresholdError, "threshold.expected_bands", at, value=value)


def judge(
    rule: Any,
    bands: Bands,
    value: Any,
    measured: Decimal,
    *,
    compared_with: Decimal | None = None,
    years: tuple[int, ...] = (),
) -> Assessment:
    """*measured* classified by *bands*, as an assessment of *value* by *rule*."""
    inner = bands.assess(measured)
    return Assessment(
        inner.status,
        value,
        rule,
        inner.reason,
        inner.measured,
        compared_with,
        inner.interval,
        years,
    )


def bands_text(bands: Bands, locale: str) -> str:
    """The bands as a rule: "Grönt: högst 25 %, Gult: …, Rött: …" (with their precision)."""
    said = _text.rule_text(
        ((s, _text.band_text(ivs, bands.unit, locale)) for s, ivs in bands.bands()), locale
    )
    if bands.precision is not None:
        said = text("bands.describe.precision", locale, rule=said, precision=bands.precision)
    return said


def explain_measured(a: Assessment, bands: Bands, shown: str, locale: str) -> str:
    """In words: "{shown} är {band} → {status}", or the gap's sentence."""
    return explain_number(a, bands.unit, bands.precision, locale, shown=shown)
