"""Building blocks for the families' hypothesis strategies, without importing hypothesis.

A family's strategy functions receive ``hypothesis.strategies`` as *st* (see
:class:`~styrmodell.families.Family`), so ``import styrmodell`` never imports hypothesis;
these helpers take it the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from types import ModuleType
from typing import Any

__all__ = ["YEARS", "dates_in", "decimals", "near", "years"]

YEARS = (2011, 2030)
"""The years contexts are drawn from."""

_STEPS = (Decimal(0), Decimal("0.05"), Decimal("-0.05"), Decimal(1), Decimal(-1))


def decimals(
    st: ModuleType, *, min_value: int = -1000, max_value: int = 1000, places: int = 2
) -> Any:
    """Finite Decimals between *min_value* and *max_value* with at most *places* decimals."""
    return st.decimals(
        min_value=min_value,
        max_value=max_value,
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def near(st: ModuleType, bounds: Iterable[Decimal], *, spread: int = 300) -> Any:
    """Numbers on and just around *bounds* (where rules go wrong), and anywhere in ±*spread*."""
    close = [b + d for b in bounds for d in _STEPS]
    anywhere = decimals(st, min_value=-spread, max_value=spread)
    return st.sampled_from(close) | anywhere if close else anywhere


def years(st: ModuleType) -> Any:
    """The year of a drawn context."""
    return st.integers(*YEARS)


def dates_in(st: ModuleType, year: int) -> Any:
    """Dates within *year*."""
    return st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31))
