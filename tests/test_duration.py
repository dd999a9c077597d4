from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import Context, Duration, Status, ThresholdError
from styrmodell.strategies import durations, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
THREE_MONTHS = Duration("3 månader")  # "verkställighet inom 3 månader"
D = dt.date


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("3 månader", relativedelta(months=3)),
        ("3 months", relativedelta(months=3)),
        ("1 mån", relativedelta(months=1)),
        ("1 månad", relativedelta(months=1)),
        ("10 dagar", relativedelta(days=10)),
        ("1 day", relativedelta(days=1)),
        ("2 veckor", relativedelta(days=14)),
        ("1 week", relativedelta(days=7)),
        (relativedelta(years=1), relativedelta(months=12)),
        (relativedelta(weeks=2), relativedelta(days=14)),
        (dt.timedelta(days=30), relativedelta(days=30)),
    ],
)
def test_within(within, expected):
    assert Duration(within).within == expected
    assert Duration(within) == Duration(expected)


@pytest.mark.parametrize(
    "within",
    [
        "0 månader",
        "tre månader",
        "3 år",
        "",
        3,
        None,
        dt.timedelta(0),
        dt.timedelta(days=-3),
        dt.timedelta(hours=5),
        relativedelta(),
        relativedelta(months=-1),
        relativedelta(hours=3),
        relativedelta(day=31),
    ],
)
def test_invalid_limits_raise_naming_the_value(within):
    with pytest.raises(ThresholdError) as info:
        Duration(within)
    assert repr(within) in str(info.value)


@pytest.mark.parametrize(
    ("value", "ctx", "status", "reason"),
    [
        ((D(2019, 1, 15), D(2019, 4, 15)), Context(), G, "within"),
        ((D(2019, 1, 15), D(2019, 4, 14)), Context(), G, "within"),
        ((D(2019, 1, 15), D(2019, 4, 16)), Context(), R, "late"),
        ((D(2019, 1, 15), D(2019, 1, 15)), Context(), G, "within"),
        ((D(2019, 11, 30), D(2020, 2, 29)), Context(), G, "within"),  # month ends clamp
        ([D(2019, 1, 15), D(2019, 6, 1)], Context(), R, "late"),
        ((D(2019, 1, 15), None), Context(), NA, "pending"),
        ((D(2019, 1, 15), None), Context(as_of=D(2019, 4, 15)), NA, "pending"),
        ((D(2019, 1, 15), None), Context(as_of=D(2019, 4, 16)), R, "late"),
        (None, Context(), NA, "no_value"),
    ],
)
def test_assess_pairs(value, ctx, status, reason):
    a = THREE_MONTHS.assess(value, ctx)
    assert (a.status, a.reason) == (status, reason)


def test_datetimes_are_judged_by_their_date():
    start = dt.datetime(2019, 1, 15, 16, 30)
    assert THREE_MONTHS.assess((start, D(2019, 4, 15))).status is G
    assert THREE_MONTHS.assess((start, dt.datetime(2019, 4, 15, 23, 0))).status is G
    assert THREE_MONTHS.assess((D(2019, 1, 15), dt.datetime(2019, 4, 16, 0, 1))).status is R
    late = THREE_MONTHS.assess((start, None), Context(as_of=D(2019, 4, 16)))
    assert late.status is R


def test_timedelta_values_for_limits_in_days():
    rule = Duration("10 dagar")
    assert rule.assess(dt.timedelta(days=10)).status is G
    assert rule.assess(dt.timedelta(days=11)).status is R
    with pytest.raises(ThresholdError, match="months"):
        THREE_MONTHS.assess(dt.timedelta(days=10))
    with pytest.raises(ThresholdError, match="days=-1"):
        rule.assess(dt.timedelta(days=-1))


@pytest.mark.parametrize(
    "value",
    [
        (D(2019, 4, 15), D(2019, 1, 15)),
        (D(2019, 1, 15),),
        (D(2019, 1, 15), D(2019, 2, 1), D(2019, 3, 1)),
        ("2019-01-15", "2019-02-01"),
        (D(2019, 1, 15), "2019-02-01"),
        90,
        "90 dagar",
    ],
)
def test_bad_values_raise(value):
    with pytest.raises(ThresholdError):
        THREE_MONTHS.assess(value)


@pytest.mark.parametrize(
    ("rule", "value", "ctx", "sv", "en"),
    [
        (
            THREE_MONTHS,
            (D(2019, 1, 15), D(2019, 4, 15)),
            Context(),
            "15 januari 2019 – 15 april 2019: inom 3 månader → Grönt",
            "January 15, 2019 – April 15, 2019: within 3 months → Green",
        ),
        (
            THREE_MONTHS,
            (D(2019, 1, 15), D(2019, 4, 16)),
            Context(),
            "15 januari 2019 – 16 april 2019: efter 3 månader → Rött",
            "January 15, 2019 – April 16, 2019: after 3 months → Red",
        ),
        (
            THREE_MONTHS,
            (D(2019, 1, 15), None),
            Context(),
            "15 januari 2019 – pågår: ännu inom 3 månader → Ej bedömd",
            "January 15, 2019 – pending: still within 3 months → Not assessed",
        ),
        (
            Duration("10 dagar"),
            dt.timedelta(days=4),
            Context(),
            "4 dagar: inom 10 dagar → Grönt",
            "4 days: within 10 days → Green",
        ),
        (
            Duration("10 dagar"),
            dt.timedelta(days=1),
            Context(),
            "1 dag: inom 10 dagar → Grönt",
            "1 day: within 10 days → Green",
        ),
        (THREE_MONTHS, None, Context(), "Inget utfall → Ej bedömd", "No outcome → Not assessed"),
    ],
)
def test_explain(rule, value, ctx, sv, en):
    a = rule.assess(value, ctx)
    assert a.explain() == sv
    assert a.explain("en") == en


@pytest.mark.parametrize(
    ("rule", "sv", "en"),
    [
        (
            THREE_MONTHS,
            "Grönt: inom 3 månader, Rött: efter 3 månader",
            "Green: within 3 months, Red: after 3 months",
        ),
        (
            Duration("1 month"),
            "Grönt: inom 1 månad, Rött: efter 1 månad",
            "Green: within 1 month, Red: after 1 month",
        ),
        (
            Duration("1 dag"),
            "Grönt: inom 1 dag, Rött: efter 1 dag",
            "Green: within 1 day, Red: after 1 day",
        ),
        (
            Duration(relativedelta(months=1, days=15)),
            "Grönt: inom 1 månad och 15 dagar, Rött: efter 1 månad och 15 dagar",
            "Green: within 1 month and 15 days, Red: after 1 month and 15 days",
        ),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "en") == en


@given(durations())
def test_equality_hash_pickle_round_trip(rule):
    for copied in (pickle.loads(pickle.dumps(rule)), copy.deepcopy(rule), Duration(rule.within)):
        assert copied == rule
        assert hash(copied) == hash(rule)


@given(durations(), st.data())
def test_green_exactly_up_to_the_deadline(rule, data):
    start, end = data.draw(values_for(rule))
    a = rule.assess((start, end))
    assert (a.status is G) == (end <= rule.deadline(start))
    assert a.status in (G, R)


@given(durations(), st.dates(D(2015, 1, 1), D(2030, 1, 1)), st.dates(D(2015, 1, 1), D(2032, 1, 1)))
def test_a_pending_case_is_red_only_after_the_deadline(rule, start, on):
    a = rule.assess((start, None), Context(as_of=on))
    assert (a.status is R) == (on > rule.deadline(start))
    assert a.status in (R, NA)


def test_a_relativedelta_value_is_judged_when_the_start_date_does_not_matter() -> None:
    from dateutil.relativedelta import relativedelta

    rule = Duration("3 månader")
    assert rule.assess(relativedelta(months=2, days=10)).status is Status.GREEN
    assert rule.assess(relativedelta(months=3)).status is Status.GREEN
    assert rule.assess(relativedelta()).status is Status.GREEN
    assert rule.assess(relativedelta(days=95)).status is Status.RED
    late = rule.assess(relativedelta(months=3, days=1))
    assert (late.status, late.reason) == (Status.RED, "late")
    assert late.explain() == "3 månader och 1 dag: efter 3 månader → Rött"
    assert late.explain("en") == "3 months and 1 day: after 3 months → Red"
    with pytest.raises(ThresholdError, match="depends on the start date; give the"):
        rule.assess(relativedelta(months=2, days=40))
    with pytest.raises(ThresholdError, match="expected a relativedelta of years, months"):
        rule.assess(relativedelta(hours=5))


@given(
    st.integers(0, 24),
    st.integers(0, 400),
    st.integers(1, 24),
    st.integers(0, 60),
    st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
)
def test_a_judged_relativedelta_agrees_with_every_start_date(
    months: int, days: int, limit_months: int, limit_days: int, start: dt.date
) -> None:
    from dateutil.relativedelta import relativedelta

    rule = Duration(relativedelta(months=limit_months, days=limit_days))
    value = relativedelta(months=months, days=days)
    try:
        status = rule.assess(value).status
    except ThresholdError:
        return  # undecidable without a start date, and the error says so
    assert rule.assess((start, start + value)).status is status
