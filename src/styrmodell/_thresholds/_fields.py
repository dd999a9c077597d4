"""Converters shared by the threshold families' attrs fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import pairwise

from styrmodell._errors import ParseError, ThresholdError
from styrmodell._intervals import Interval
from styrmodell._numbers import to_decimal
from styrmodell._status import Status
from styrmodell._units import Direction, Unit

__all__ = [
    "band_green",
    "band_red",
    "band_yellow",
    "direction_of",
    "offset_of",
    "optional_date",
    "optional_direction",
    "status_of",
    "tolerance_of",
    "unit_or_none",
]


def optional_date(value: object, *, what: str) -> dt.date | None:
    """A date or ``None``; a datetime counts by its date. Anything else raises."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise ThresholdError(f"{what}: expected a datetime.date, got {value!r}")


def tolerance_of(value: object) -> Decimal:
    """A tolerance: a Decimal that is zero or more."""
    d = to_decimal(value, what="tolerance")
    if d < 0:
        raise ThresholdError(f"tolerance: expected zero or more, got {value!r}")
    return d


def offset_of(value: object) -> Decimal:
    """An offset: any finite Decimal."""
    return to_decimal(value, what="offset")


def band_green(value: object) -> tuple[Interval, ...]:
    """The green band from friendly input (see :func:`coerce_band`)."""
    return coerce_band(value, name="green")


def band_yellow(value: object) -> tuple[Interval, ...]:
    """The yellow band from friendly input (see :func:`coerce_band`)."""
    return coerce_band(value, name="yellow")


def band_red(value: object) -> tuple[Interval, ...]:
    """The red band from friendly input (see :func:`coerce_band`)."""
    return coerce_band(value, name="red")


def coerce_band(value: object, *, name: str = "band") -> tuple[Interval, ...]:
    """A band from friendly input: ``None``, an Interval, notation, or a sequence of those.

    Notation may join a union with ``|``: ``"(-inf, -2) | (2, inf)"``. The intervals are
    sorted, and intervals of one band that overlap each other are rejected.
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
            f"{name}: expected an Interval, interval notation or a sequence of them, got {value!r}"
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
            raise ThresholdError(f"{name}: expected an Interval or interval notation, got {item!r}")
    intervals.sort(key=_sort_key)
    for a, b in pairwise(intervals):
        shared = a.intersection(b)
        if shared is not None:
            raise ThresholdError(
                f"{name}: intervals {a} and {b} overlap (both contain {shared.sample()})"
            )
    return tuple(intervals)


def _sort_key(iv: Interval) -> tuple[Decimal, int]:
    lo = Decimal("-Infinity") if iv.lower is None else iv.lower
    return lo, 0 if iv.lower_closed else 1


def direction_of(value: object) -> Direction:
    """Validate a Direction."""
    if not isinstance(value, Direction):
        raise ThresholdError(f"direction: expected a styrmodell.Direction, got {value!r}")
    return value


def optional_direction(value: object) -> Direction | None:
    """Validate an optional Direction."""
    return None if value is None else direction_of(value)


def unit_or_none(value: object) -> Unit | None:
    """Validate an optional Unit."""
    if value is None or isinstance(value, Unit):
        return value
    raise ThresholdError(f"unit: expected a styrmodell.Unit, got {value!r}")


def status_of(value: object) -> Status:
    """Validate a Status."""
    if not isinstance(value, Status):
        raise ThresholdError(f"expected a styrmodell.Status, got {value!r}")
    return value
