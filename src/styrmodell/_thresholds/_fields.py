"""What the threshold families' fields share beyond the field toolkit: bands, tolerances, precision.

Every field of a family is declared with the one toolkit (:class:`styrmodell._fields.Fields`,
bound to :class:`~styrmodell.ThresholdError` as :data:`F`); this module adds the converters
proper that only thresholds need. Each takes ``(value, at)``, *at* naming the field
(``"Bands.green"``), as the toolkit's own converters do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from styrmodell._errors import ParseError, ThresholdError
from styrmodell._fields import Fields
from styrmodell._intervals import Interval
from styrmodell._messages import failure, short

__all__ = ["F", "as_band", "as_precision", "as_tolerance", "coerce_band", "sort_key"]

F = Fields(ThresholdError)
"""The field toolkit of the threshold families: every message names ``Class.field``."""

_NEG_INF = Decimal("-Infinity")


def as_tolerance(value: object, at: str = "value") -> Decimal:
    """A tolerance: a Decimal that is zero or more."""
    d = F.as_decimal(value, at)
    if d < 0:
        raise failure(ThresholdError, "threshold.negative_tolerance", at, value=value)
    return d


def as_precision(value: object, at: str = "value") -> Decimal | None:
    """A reporting precision: a power of ten such as 1, 0.1 or 0.01, or ``None``."""
    if value is None:
        return None
    p = F.as_decimal(value, at)
    if p <= 0 or p.normalize().as_tuple().digits != (1,):
        raise failure(ThresholdError, "threshold.precision", at, value=value)
    return Decimal(1).scaleb(p.adjusted())


def as_band(value: object, at: str = "value") -> tuple[Interval, ...]:
    """A band from friendly input (see :func:`coerce_band`); *at* names it in messages."""
    return coerce_band(value, name=at)


def coerce_band(value: object, *, name: str = "band") -> tuple[Interval, ...]:
    """A band from friendly input: ``None``, an Interval, notation, or a sequence of those.

    Notation may join a union with ``|``: ``"(-inf, -2) | (2, inf)"``. The intervals are
    sorted, and intervals of one band that overlap each other are rejected (sorted, an
    overlap shows between neighbours: the check is O(n log n)).
    """
    if value is None:
        return ()
    items: Iterable[object]
    if isinstance(value, Interval):
        items = (value,)
    elif isinstance(value, str):
        items = [part for part in value.split("|") if part.strip()]
    elif isinstance(value, Sequence):
        items = value
    else:
        raise ThresholdError(
            f"{name}: expected an Interval, interval notation or a sequence of them, "
            f"got {short(value)}"
        )
    intervals: list[Interval] = []
    for item in items:
        if isinstance(item, Interval):
            intervals.append(item)
        elif isinstance(item, str):
            try:
                intervals.append(Interval.parse(item))
            except (ParseError, ThresholdError) as exc:
                raise type(exc)(f"{name}: {exc}") from None
        else:
            raise ThresholdError(
                f"{name}: expected an Interval or interval notation, got {short(item)}"
            )
    intervals.sort(key=sort_key)
    for a, b in pairwise(intervals):
        shared = a.intersection(b)
        if shared is not None:
            raise ThresholdError(
                f"{name}: intervals {a} and {b} overlap (both contain {shared.sample()})"
            )
    return tuple(intervals)


def sort_key(iv: Interval) -> tuple[Decimal, int]:
    """Intervals in the order they start along the line (a closed start first)."""
    lo = _NEG_INF if iv.lower is None else iv.lower
    return lo, 0 if iv.lower_closed else 1
