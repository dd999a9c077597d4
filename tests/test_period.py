from __future__ import annotations

import datetime as dt
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import ParseError, Period, PlanError, StyrmodellError
from styrmodell.calendar import PeriodKind


def attempt(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, StyrmodellError | None]:
    """``(result, None)``, or ``(None, error)`` for a StyrmodellError; anything else escapes."""
    try:
        return fn(*args, **kwargs), None
    except StyrmodellError as exc:
        return None, exc


years = st.integers(min_value=1900, max_value=2200)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    year = draw(years)
    kind = draw(st.sampled_from(PeriodKind))
    if kind is PeriodKind.YEAR:
        return Period.year(year)
    if kind is PeriodKind.DELAR:
        return Period.delar(year)
    if kind is PeriodKind.TERTIAL:
        return Period.tertial(year, draw(st.integers(1, 3)))
    if kind is PeriodKind.QUARTER:
        return Period.quarter(year, draw(st.integers(1, 4)))
    if kind is PeriodKind.MONTH:
        return Period.month(year, draw(st.integers(1, 12)))
    first = draw(st.integers(1, 12))
    last = draw(st.integers(first, 12))
    return Period.months(year, first, last)


# The labels as the seed plans write them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022", Period.year(2022)),
        ("jan-okt 2022", Period.months(2022, 1, 10)),
        ("Jan-okt 2022", Period.months(2022, 1, 10)),
        ("Delår 2022", Period.delar(2022)),
        ("nov 2022", Period.month(2022, 11)),
        ("jan-nov 2022", Period.months(2022, 1, 11)),
        ("T1 2023", Period.tertial(2023, 1)),
        ("Q2 2023", Period.quarter(2023, 2)),
        ("Tertial 3 2023", Period.tertial(2023, 3)),
        ("Kvartal 4 2023", Period.quarter(2023, 4)),
        ("2023-Q2", Period.quarter(2023, 2)),
        ("jan – okt 2022", Period.months(2022, 1, 10)),
        ("november 2022", Period.month(2022, 11)),
        ("Helår 2022", Period.year(2022)),
        ("Bokslut 2021", Period.year(2021)),
        ("2022-11", Period.month(2022, 11)),
        ("Jan-Oct 2022", Period.months(2022, 1, 10)),
        ("maj-aug 2019", Period.months(2019, 5, 8)),
    ],
)
def test_parse_plan_labels(text: str, expected: Period) -> None:
    assert Period.parse(text) == expected


@pytest.mark.parametrize(
    "text", ["", "2022x", "jan-okt", "foo 2022", "T4 2023", "Q5 2023", "okt-jan 2022", "22"]
)
def test_parse_bad_label_names_the_text(text: str) -> None:
    with pytest.raises(ParseError, match=repr(text).replace("[", r"\[")):
        Period.parse(text)


def test_parse_rejects_non_text() -> None:
    with pytest.raises(ParseError, match="2022"):
        Period.parse(2022)  # type: ignore[arg-type]


def test_dates_of_seed_periods() -> None:
    assert Period.delar(2022).start == dt.date(2022, 1, 1)
    assert Period.delar(2022).end == dt.date(2022, 8, 31)
    assert Period.months(2022, 1, 10).end == dt.date(2022, 10, 31)
    assert Period.month(2022, 11).end == dt.date(2022, 11, 30)
    assert Period.month(2024, 2).end == dt.date(2024, 2, 29)
    assert Period.tertial(2023, 2).start == dt.date(2023, 5, 1)
    assert Period.quarter(2023, 2).end == dt.date(2023, 6, 30)
    assert Period.year(2023).month_count == 12


def test_labels_sv_and_en() -> None:
    assert Period.months(2022, 1, 10).label() == "jan-okt 2022"
    assert Period.months(2022, 1, 10).label("en") == "Jan-Oct 2022"
    assert Period.delar(2022).label() == "Delår 2022"
    assert Period.delar(2022).label("en") == "Interim 2022"
    assert Period.month(2022, 11).label() == "nov 2022"
    assert Period.year(2022).label("sv_SE") == "2022"
    assert str(Period.quarter(2023, 2)) == "Q2 2023"


def test_kind_is_inferred_and_checked() -> None:
    assert Period(2022).kind is PeriodKind.YEAR
    assert Period(2022, 3, 3).kind is PeriodKind.MONTH
    assert Period(2022, 3, 5).kind is PeriodKind.MONTHS
    assert Period(2022, 1, 8, "delar") == Period.delar(2022)
    with pytest.raises(PlanError, match="delar"):
        Period(2022, 1, 9, PeriodKind.DELAR)
    with pytest.raises(PlanError, match="tertial"):
        Period(2022, 2, 5, PeriodKind.TERTIAL)


@pytest.mark.parametrize(
    ("args", "match"),
    [
        ((2022, 0, 3), "first_month"),
        ((2022, 1, 13), "last_month"),
        ((2022, 5, 3), "after"),
        ((True, 1, 3), "calendar_year"),
        ((99, 1, 3), "calendar_year"),
        (("2022", 1, 3), "calendar_year"),
    ],
)
def test_invalid_periods_raise(args: tuple[object, ...], match: str) -> None:
    with pytest.raises(PlanError, match=match):
        Period(*args)  # type: ignore[arg-type]


def test_named_constructors_check_numbers() -> None:
    with pytest.raises(PlanError, match="4"):
        Period.tertial(2023, 4)
    with pytest.raises(PlanError, match="5"):
        Period.quarter(2023, 5)
    with pytest.raises(PlanError, match="kind"):
        Period(2023, 1, 12, "halvår")


def test_contains_and_shift() -> None:
    assert dt.date(2022, 8, 31) in Period.delar(2022)
    assert dt.date(2022, 9, 1) not in Period.delar(2022)
    assert dt.datetime(2022, 3, 1, 12) in Period.delar(2022)
    assert "2022-03-01" not in Period.delar(2022)
    assert Period.delar(2023).shifted(-1) == Period.delar(2022)


def test_exported() -> None:
    assert sm.Period is Period
    assert "Period" in sm.__all__


@given(periods())
def test_label_round_trips_in_both_languages(period: Period) -> None:
    assert Period.parse(period.label()) == period
    assert Period.parse(period.label("en")) == period


@given(periods())
def test_start_end_cover_the_months(period: Period) -> None:
    assert period.start <= period.end
    assert period.start.month == period.first_month
    assert period.end.month == period.last_month
    assert (period.end + dt.timedelta(days=1)).day == 1
    assert period.start in period
    assert period.end in period


@given(periods(), periods())
def test_order_is_total_and_follows_dates(a: Period, b: Period) -> None:
    assert (a < b) + (a == b) + (a > b) == 1
    if a.calendar_year < b.calendar_year:
        assert a < b
    if a.start < b.start:
        assert a < b


@given(periods())
def test_hash_and_pickle(period: Period) -> None:
    again = Period(period.calendar_year, period.first_month, period.last_month, period.kind)
    assert again == period
    assert hash(again) == hash(period)
    assert pickle.loads(pickle.dumps(period)) == period
    assert len({period, again}) == 1


@given(st.integers(1000, 9999))
def test_a_year_is_one_shared_object(year: int) -> None:
    # Outcomes of one year share their Period: one object per year, not per outcome.
    assert Period.year(year) is Period.year(year)
    assert Period.year(year) == Period(year, 1, 12, PeriodKind.YEAR)
    assert Period.parse(str(year)) is Period.year(year)


def test_labels_come_from_the_catalogs_in_any_locale() -> None:
    assert Period.months(2022, 1, 10).label("sv_SE") == "jan-okt 2022"
    assert Period.delar(2022).label("de") == "Interim 2022"  # no German catalog: English
    assert Period.month(2022, 5).label("en") == "May 2022"
    assert Period.quarter(2023, 2).label("en") == "Q2 2023"


def test_a_label_longer_than_any_period_is_refused_at_once_and_shown_short() -> None:
    with pytest.raises(ParseError) as info:
        Period.parse("jan-" * 50_000 + "okt 2022")
    assert len(str(info.value)) < 300
    assert info.value.problems[0].code == "period.parse_unreadable"


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        ("foo 2022", "period.parse_unknown_month", "(unknown month 'foo')"),
        ("T4 2023", "period.parse_bad_tertial", "(a tertial is 1, 2 or 3, got 4)"),
        ("Q0 2023", "period.parse_bad_quarter", "(a quarter is 1..4, got 0)"),
        ("okt-jan 2022", "period.parse_reversed", "(okt comes after jan)"),
        ("2022-13", "period.parse_bad_month", "(there is no month 13)"),
        ("Delår 0999", "period.parse_bad_year", "(expected a year between 1000 and 9999)"),
        ("٢٠٢٢", "period.parse_unreadable", "cannot read '٢٠٢٢' as a period"),
    ],
)
def test_parse_errors_say_what_is_wrong_with_a_code(text: str, code: str, message: str) -> None:
    with pytest.raises(ParseError) as info:
        Period.parse(text)
    (found,) = info.value.problems
    assert (found.path, found.code, found.value) == ("Period.parse", code, text)
    assert message in found.message


def test_errors_word_themselves_in_swedish() -> None:
    from styrmodell._messages import problem_text

    with pytest.raises(ParseError) as info:
        Period.parse("foo 2022")
    assert problem_text(info.value.problems[0], "sv") == (
        "Period.parse: 'foo 2022' är ingen giltig period (okänd månad 'foo')"
    )
    with pytest.raises(PlanError) as built:
        Period(2022, 1, 9, PeriodKind.DELAR)
    assert problem_text(built.value.problems[0], "en") == (
        "Period: months 1..9 do not make a delar in 2022"
    )


@given(st.text(max_size=60))
def test_fuzz_any_text_is_a_period_or_a_parse_error(text: str) -> None:
    period, error = attempt(Period.parse, text)
    if error is not None:
        assert isinstance(error, ParseError)
        assert error.problems[0].path == "Period.parse"
    else:
        assert Period.parse(period.label()) == period


labels = st.sampled_from(["jan-okt 2022", "Delår 2022", "T1 2023", "Q2 2023", "nov 2022"])


@given(label=labels, data=st.data())
def test_fuzz_mutated_labels_are_a_period_or_a_parse_error(label: str, data: st.DataObject) -> None:
    chars = list(label)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(chars)))
        chars.insert(at, data.draw(st.characters()))
    _, error = attempt(Period.parse, "".join(chars))
    assert error is None or isinstance(error, ParseError)


def test_the_hash_is_cached_and_survives_pickling() -> None:
    # A period is the key of many look-ups: its hash is computed once (attrs' cache_hash).
    p = Period.months(2022, 1, 10)
    assert hash(p) == hash(Period.months(2022, 1, 10))
    again = pickle.loads(pickle.dumps(p))
    assert hash(again) == hash(p)
    assert {again: 1}[p] == 1
    assert again.end == dt.date(2022, 10, 31)
    assert "__getattr__" not in vars(Period)  # no cached_property hook on every look-up
