"""Hypothesis strategies for working days, follow-up calendars and action plans.

Private: re-exported from :mod:`styrmodell.strategies`. Only this module (and the
strategies module) may import hypothesis.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from styrmodell._actions import ActionPlan, Activity
from styrmodell._calendar import (
    Content,
    Coverage,
    FollowUpCalendar,
    Occasion,
    OccasionKind,
    OccasionRule,
)
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._period import Period
from styrmodell._thresholds._milestone import Progress

__all__ = [
    "action_plans",
    "activities",
    "follow_up_calendars",
    "occasion_rules",
    "occasions",
    "working_days",
]


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


_KIND_WORDS = st.one_of(
    st.sampled_from(list(OccasionKind)),
    st.sampled_from(["brukarenkät", "Uppföljningsmöte med kommunchefen", "revision; del 1"]),
)
_CONTENT_WORDS = st.one_of(
    st.sampled_from(list(Content)), st.sampled_from(["kvalitetsbokslut", "risker, åtgärder"])
)
_RECIPIENT_WORDS = st.sampled_from(["nämnd", "KS", "KF", "kommunchef", "förvaltningsledning"])


def _periods(min_year: int, max_year: int) -> st.SearchStrategy[Period]:
    years = st.integers(min_value=min_year, max_value=max_year)
    return st.one_of(
        years.map(Period.year),
        years.map(Period.delar),
        st.builds(Period.tertial, years, st.integers(1, 3)),
        st.builds(Period.quarter, years, st.integers(1, 4)),
        st.builds(Period.month, years, st.integers(1, 12)),
        st.builds(lambda y, m: Period(y, 1, m), years, st.integers(1, 12)),
    )


def occasions(*, min_year: int = 2000, max_year: int = 2040) -> st.SearchStrategy[Occasion]:
    """One-off :class:`~styrmodell.Occasion` s due between *min_year* and *max_year*."""
    return st.builds(
        Occasion,
        kind=_KIND_WORDS,
        due=st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)),
        period=st.none() | _periods(min_year, max_year),
        recipient=_RECIPIENT_WORDS,
        contents=st.lists(_CONTENT_WORDS, max_size=4),
        reported=st.sampled_from(["", "D", "B", "D/B"]),
        shift=st.sampled_from(Shift),
        title=st.sampled_from(["", "Uppföljning, extra"]),
        description=st.text(max_size=120),
    )


@st.composite
def _rule_texts(draw: st.DrawFn) -> str:
    freq = draw(st.sampled_from(["YEARLY", "MONTHLY", "WEEKLY"]))
    parts = [f"FREQ={freq}"]
    if freq == "YEARLY":
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True))
        parts.append("BYMONTH=" + ",".join(map(str, sorted(months))))
    if freq in ("YEARLY", "MONTHLY"):
        parts.append(f"BYMONTHDAY={draw(st.sampled_from([1, 10, 15, 20, 28, -1]))}")
    else:
        parts.append("BYDAY=" + draw(st.sampled_from(["MO", "WE", "FR", "MO,TH"])))
    interval = draw(st.integers(1, 3))
    if interval > 1:
        parts.append(f"INTERVAL={interval}")
    if draw(st.booleans()):
        parts.append(f"COUNT={draw(st.integers(1, 30))}")
    return ";".join(parts)


def occasion_rules(
    *, min_year: int = 2000, max_year: int = 2040
) -> st.SearchStrategy[OccasionRule]:
    """:class:`~styrmodell.OccasionRule` s: yearly, monthly or weekly, some with an end.

    Every rule drawn gives at least one date (its end, if any, is at least three years
    after its start).
    """
    starts = st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31))

    @st.composite
    def build(draw: st.DrawFn) -> OccasionRule:
        start = draw(starts)
        years = draw(st.none() | st.integers(3, 10))
        end = None if years is None else start + dt.timedelta(days=365 * years)
        return OccasionRule(
            draw(_KIND_WORDS),
            draw(_rule_texts()),
            start=start,
            end=end,
            covers=draw(st.sampled_from(Coverage)),
            lag=draw(st.integers(0, 13)),
            recipient=draw(_RECIPIENT_WORDS),
            contents=tuple(draw(st.lists(_CONTENT_WORDS, max_size=3))),
            reported=draw(st.sampled_from(["", "D", "B", "D/B"])),
            shift=draw(st.sampled_from(Shift)),
        )

    return build()


def follow_up_calendars(
    *,
    min_year: int = 2000,
    max_year: int = 2040,
    max_rules: int = 3,
    max_occasions: int = 4,
) -> st.SearchStrategy[FollowUpCalendar]:
    """:class:`~styrmodell.FollowUpCalendar` s with a few rules and one-off occasions."""
    return st.builds(
        FollowUpCalendar,
        name=st.sampled_from(["Omsorgsnämnden", "Vård- och omsorgsnämnden, Oxelösund"]),
        rules=st.lists(occasion_rules(min_year=min_year, max_year=max_year), max_size=max_rules),
        occasions=st.lists(occasions(min_year=min_year, max_year=max_year), max_size=max_occasions),
        working_days=working_days(min_year=min_year, max_year=max_year),
    )


def activities(
    *,
    goal_ids: tuple[str, ...] = ("N1", "N2", "N3", "N4"),
    units: tuple[str, ...] = ("ÄF", "SOF", ""),
    min_year: int = 2000,
    max_year: int = 2040,
) -> st.SearchStrategy[Activity]:
    """:class:`~styrmodell.Activity` s linked to some of *goal_ids*, due in a quarter or on a date.

    Ids are drawn from ``"A0"``..``"A99"``; use :func:`action_plans` for unique ids.
    """
    return st.builds(
        Activity,
        st.integers(0, 99).map(lambda i: f"A{i}"),
        st.sampled_from(["Kartlägga behov", "Utbilda personal", "Införa ny rutin, steg 1"]),
        goals=st.lists(st.sampled_from(goal_ids), max_size=3) if goal_ids else st.just([]),
        why=st.sampled_from(["", "Ökad trygghet", "Färre avvikelser"]),
        who=st.sampled_from(["", "enhetschef", "MAS", "förvaltningschef"]),
        unit=st.sampled_from(units),
        when=st.one_of(
            st.none(),
            st.sampled_from(["Q1", "Q2", "Q3", "Q4", "q2", "kvartal 3"]),
            st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)),
        ),
        how=st.sampled_from(["", "Uppföljningsmöte med kommunchefen", "Stratsys"]),
        progress=st.sampled_from(Progress),
    )


def action_plans(
    *,
    goal_ids: tuple[str, ...] = ("N1", "N2", "N3", "N4"),
    min_year: int = 2000,
    max_year: int = 2040,
    max_activities: int = 12,
) -> st.SearchStrategy[ActionPlan]:
    """:class:`~styrmodell.ActionPlan` s with unique activity ids."""
    return st.builds(
        ActionPlan,
        st.sampled_from(["Handlingsplan ÄF", "Handlingsplan SOF, enhet 2"]),
        st.integers(min_year, max_year),
        st.lists(
            activities(goal_ids=goal_ids, min_year=min_year, max_year=max_year),
            max_size=max_activities,
            unique_by=lambda a: a.id,
        ),
        unit=st.sampled_from(["ÄF", "SOF"]),
        decided_by=st.sampled_from(["", "förvaltningschef"]),
        decided=st.none() | st.dates(dt.date(min_year, 1, 1), dt.date(max_year, 12, 31)),
    )
