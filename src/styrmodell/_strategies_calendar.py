"""Hypothesis strategies for working days, follow-up calendars and action plans.

Private: re-exported from :mod:`styrmodell.strategies`. Only this module (and the
strategies module) may import hypothesis.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from styrmodell._holidays import WorkingDays

__all__ = ["working_days"]


def working_days(
    *,
    min_year: int = 1953,
    max_year: int = 9999,
    max_closed: int = 5,
) -> st.SearchStrategy[WorkingDays]:
    """:class:`~styrmodell.WorkingDays`, with or without the eves and a few closed dates.

    ``max_shift`` is always large enough for the closed dates drawn, so ``shift`` never
    raises on a value from this strategy.
    """
    closed = st.lists(
        st.dates(min_value=dt.date(min_year, 1, 1), max_value=dt.date(max_year, 12, 31)),
        max_size=max_closed,
    )
    return st.builds(
        WorkingDays,
        eves=st.booleans(),
        closed=closed,
        max_shift=st.integers(min_value=7 + max_closed, max_value=7 + max_closed + 5),
    )
