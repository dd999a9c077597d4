"""Swedish public holidays and working-day shifting (styrmodell._holidays)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import CalendarError
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._strategies_calendar import working_days

D = dt.date

# Written by hand from almanacs, not computed: year → (långfredagen, påskdagen, annandag påsk,
# Kristi himmelsfärdsdag, pingstdagen, midsommarafton, midsommardagen, alla helgons dag).
MOVABLE = {
    2019: ("04-19", "04-21", "04-22", "05-30", "06-09", "06-21", "06-22", "11-02"),
    2020: ("04-10", "04-12", "04-13", "05-21", "05-31", "06-19", "06-20", "10-31"),
    2021: ("04-02", "04-04", "04-05", "05-13", "05-23", "06-25", "06-26", "11-06"),
    2022: ("04-15", "04-17", "04-18", "05-26", "06-05", "06-24", "06-25", "11-05"),
    2023: ("04-07", "04-09", "04-10", "05-18", "05-28", "06-23", "06-24", "11-04"),
    2024: ("03-29", "03-31", "04-01", "05-09", "05-19", "06-21", "06-22", "11-02"),
    2025: ("04-18", "04-20", "04-21", "05-29", "06-08", "06-20", "06-21", "11-01"),
    2026: ("04-03", "04-05", "04-06", "05-14", "05-24", "06-19", "06-20", "10-31"),
    2027: ("03-26", "03-28", "03-29", "05-06", "05-16", "06-25", "06-26", "11-06"),
    2028: ("04-14", "04-16", "04-17", "05-25", "06-04", "06-23", "06-24", "11-04"),
    2029: ("03-30", "04-01", "04-02", "05-10", "05-20", "06-22", "06-23", "11-03"),
    2030: ("04-19", "04-21", "04-22", "05-30", "06-09", "06-21", "06-22", "11-02"),
}
MOVABLE_NAMES = (
    "Långfredagen",
    "Påskdagen",
    "Annandag påsk",
    "Kristi himmelsfärdsdag",
    "Pingstdagen",
    "Midsommarafton",
    "Midsommardagen",
    "Alla helgons dag",
)
FIXED = {
    "01-01": "Nyårsdagen",
    "01-06": "Trettondedag jul",
    "05-01": "Första maj",
    "06-06": "Sveriges nationaldag",
    "12-25": "Juldagen",
    "12-26": "Annandag jul",
}
EVES = {"Midsommarafton", "Julafton", "Nyårsafton"}


def _date(year: int, month_day: str) -> dt.date:
    month, day = month_day.split("-")
    return D(year, int(month), int(day))


def _expected(year: int, *, eves: bool) -> dict[dt.date, str]:
    table = {_date(year, md): name for md, name in FIXED.items()}
    table.update(
        {_date(year, md): name for md, name in zip(MOVABLE[year], MOVABLE_NAMES, strict=True)}
    )
    table[D(year, 12, 24)] = "Julafton"
    table[D(year, 12, 31)] = "Nyårsafton"
    return {d: n for d, n in table.items() if eves or n not in EVES}


@pytest.mark.parametrize("year", sorted(MOVABLE))
@pytest.mark.parametrize("eves", [False, True])
def test_holidays_match_the_hand_written_table(year: int, eves: bool) -> None:
    assert dict(WorkingDays(eves=eves).holidays(year)) == _expected(year, eves=eves)


@pytest.mark.parametrize("year", sorted(MOVABLE))
def test_no_public_holiday_or_eve_is_a_working_day_with_eves(year: int) -> None:
    days = WorkingDays(eves=True)
    assert not any(days.is_working_day(d) for d in _expected(year, eves=True))


def test_eves_are_working_days_by_law() -> None:
    # Midsommarafton 2024 is a Friday, julafton 2024 a Tuesday, nyårsafton 2024 a Tuesday.
    for day in (D(2024, 6, 21), D(2024, 12, 24), D(2024, 12, 31)):
        assert WorkingDays().is_working_day(day)
        assert not WorkingDays(eves=True).is_working_day(day)


def test_before_2005_whit_monday_not_national_day() -> None:
    h = WorkingDays().holidays(2004)
    assert h[D(2004, 5, 31)] == "Annandag pingst"  # påskdagen 2004 was 11 April
    assert D(2004, 6, 6) not in h
    assert WorkingDays().is_working_day(D(2004, 6, 7))  # a Monday, no holiday


def test_two_holidays_on_one_day() -> None:
    # Påskdagen 2008 was 23 March, so Kristi himmelsfärdsdag fell on första maj.
    h = WorkingDays().holidays(2008)
    assert h[D(2008, 5, 1)] == "Första maj, Kristi himmelsfärdsdag"
    assert len(h) == 12


def test_english_names() -> None:
    h = WorkingDays(eves=True).holidays(2025, locale="en")
    assert h[D(2025, 5, 29)] == "Ascension Day"
    assert h[D(2025, 6, 20)] == "Midsummer Eve"
    assert WorkingDays().holiday_name(D(2025, 6, 6), "en") == "National Day of Sweden"
    assert WorkingDays().holiday_name(D(2025, 6, 5)) is None


# Written by hand from the almanacs: year → (påskdagen, Jungfru Marie bebådelsedag). The
# Sunday of 22–28 March, or the Sunday before palmsöndagen when that Sunday is palmsöndagen
# (1956, 1959, 1970, 1986) or påskdagen (1967, 1978, 1989).
ANNUNCIATION = {
    1953: ("04-05", "03-22"),
    1956: ("04-01", "03-18"),
    1959: ("03-29", "03-15"),
    1961: ("04-02", "03-19"),
    1967: ("03-26", "03-12"),
    1970: ("03-29", "03-15"),
    1978: ("03-26", "03-12"),
    1981: ("04-19", "03-22"),
    1986: ("03-30", "03-16"),
    1989: ("03-26", "03-12"),
}


@pytest.mark.parametrize("year", sorted(ANNUNCIATION))
def test_marie_bebadelsedag_up_to_1989_matches_the_hand_written_table(year: int) -> None:
    easter, annunciation = (_date(year, md) for md in ANNUNCIATION[year])
    h = WorkingDays().holidays(year)
    assert h[easter] == "Påskdagen"
    assert h[annunciation] == "Jungfru Marie bebådelsedag"
    assert annunciation.weekday() == 6  # a Sunday: no working day was ever lost
    assert WorkingDays().holidays(year, "en")[annunciation] == "Feast of the Annunciation"
    assert WorkingDays().holiday_name(annunciation) == "Jungfru Marie bebådelsedag"


def test_marie_bebadelsedag_ends_with_1989() -> None:
    assert "Jungfru Marie bebådelsedag" not in WorkingDays().holidays(1990).values()
    assert D(1990, 3, 25) not in WorkingDays().holidays(1990)


def test_closed_days_accept_iso_text_and_datetimes_like_every_date_field() -> None:
    days = WorkingDays(closed=["2024-05-10", dt.datetime(2024, 1, 5, 12)])  # type: ignore[list-item]
    assert days.closed == (D(2024, 1, 5), D(2024, 5, 10))


def test_closed_days_are_not_working_days_and_are_sorted_unique() -> None:
    days = WorkingDays(closed=[D(2024, 5, 10), D(2024, 5, 10), D(2024, 1, 5)])
    assert days.closed == (D(2024, 1, 5), D(2024, 5, 10))
    assert not days.is_working_day(D(2024, 5, 10))  # klämdag after Kristi himmelsfärd
    assert WorkingDays().is_working_day(D(2024, 5, 10))


def test_shift_examples_from_the_calendar() -> None:
    days = WorkingDays()
    # Easter 2024: långfredagen 29 March to annandag påsk 1 April.
    assert days.shift(D(2024, 3, 30), Shift.PREVIOUS) == D(2024, 3, 28)
    assert days.shift(D(2024, 3, 30), Shift.NEXT) == D(2024, 4, 2)
    assert days.shift(D(2024, 3, 30), Shift.NONE) == D(2024, 3, 30)
    # Julafton on a Wednesday (2025): with eves the run is 24–28 December.
    assert WorkingDays(eves=True).shift(D(2025, 12, 24), Shift.NEXT) == D(2025, 12, 29)
    assert days.shift(D(2025, 12, 25), Shift.PREVIOUS) == D(2025, 12, 24)
    assert days.next_working_day(D(2024, 12, 20)) == D(2024, 12, 23)
    assert days.previous_working_day(D(2025, 1, 7)) == D(2025, 1, 3)
    assert days.working_days_between(D(2024, 12, 23), D(2024, 12, 31)) == 5


def test_shift_raises_when_the_policy_would_move_too_far() -> None:
    closed = [D(2024, 7, 1) + dt.timedelta(days=i) for i in range(28)]
    days = WorkingDays(closed=closed)
    with pytest.raises(CalendarError, match=r"2024-07-10: no working day within 7 days"):
        days.shift(D(2024, 7, 10), Shift.NEXT)
    assert WorkingDays(closed=closed, max_shift=30).shift(D(2024, 7, 10), Shift.NEXT) == D(
        2024, 7, 29
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"max_shift": 0}, "max_shift: expected a whole number of days 1–366, got 0"),
        ({"max_shift": True}, "max_shift"),
        ({"eves": "ja"}, "eves"),
        ({"closed": D(2024, 1, 1)}, "closed: expected a collection of dates"),
        ({"closed": ["1 maj"]}, r"WorkingDays.closed\[0\]: expected a date \(YYYY-MM-DD\)"),
        ({"closed": [D(1950, 1, 2)]}, r"WorkingDays.closed\[0\]: expected a date in the years"),
    ],
)
def test_bad_working_days_are_rejected(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises((CalendarError, TypeError), match=message):
        WorkingDays(**kwargs)  # type: ignore[arg-type]


def test_bad_years_and_days_are_rejected() -> None:
    with pytest.raises(CalendarError, match="year: expected a year 1953–9999"):
        WorkingDays().holidays(1900)
    with pytest.raises(CalendarError, match=r"day: expected a datetime\.date"):
        WorkingDays().is_working_day("2024-01-01")  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match="policy: expected a Shift"):
        WorkingDays().shift(D(2024, 1, 1), "previous")  # type: ignore[arg-type]


def test_shift_labels() -> None:
    assert Shift.PREVIOUS.label() == "närmast föregående arbetsdag"
    assert Shift.NEXT.label("en") == "next working day"


days_in_range = st.dates(min_value=D(1953, 1, 10), max_value=D(9998, 12, 20))


@given(days=working_days(), day=days_in_range, policy=st.sampled_from(Shift))
def test_shifted_day_is_a_working_day_within_the_policy(
    days: WorkingDays, day: dt.date, policy: Shift
) -> None:
    moved = days.shift(day, policy)
    if policy is Shift.NONE:
        assert moved == day
        return
    assert days.is_working_day(moved)
    assert abs((moved - day).days) <= days.max_shift
    if policy is Shift.PREVIOUS:
        assert moved <= day
    else:
        assert moved >= day
    # Nothing in between is a working day: the shift is to the *nearest* one.
    lo, hi = sorted((day, moved))
    between = [lo + dt.timedelta(days=i) for i in range((hi - lo).days + 1)]
    assert [d for d in between if days.is_working_day(d)] == [moved]


@given(day=days_in_range)
def test_working_days_are_left_alone_and_weekends_never_work(day: dt.date) -> None:
    days = WorkingDays(eves=True)
    if days.is_working_day(day):
        assert days.shift(day, Shift.PREVIOUS) == day == days.shift(day, Shift.NEXT)
    if day.weekday() >= 5:
        assert not days.is_working_day(day)


@given(year=st.integers(1953, 9999))
def test_every_year_has_its_holidays_in_order(year: int) -> None:
    names = [n for joined in WorkingDays().holidays(year).values() for n in joined.split(", ")]
    assert len(names) == (14 if year <= 1989 else 13)  # Jungfru Marie bebådelsedag to 1989
    assert names[0] == "Nyårsdagen"
    assert names[-1] == "Annandag jul"
    h = WorkingDays().holidays(year)
    assert list(h) == sorted(h)
    midsommardagen = next(d for d, n in h.items() if n == "Midsommardagen")
    assert midsommardagen.weekday() == 5
    assert 20 <= midsommardagen.day <= 26


def test_shifting_out_of_the_supported_years_raises() -> None:
    with pytest.raises(CalendarError, match="1953-01-01: the previous working day lies outside"):
        WorkingDays().shift(D(1953, 1, 1), Shift.PREVIOUS)
    with pytest.raises(CalendarError, match="9999-12-31: the next working day lies outside"):
        WorkingDays(eves=True).shift(D(9999, 12, 31), Shift.NEXT)


@given(
    days=working_days(max_closed=8),
    start=st.dates(D(1953, 1, 1), D(2100, 12, 31)),
    length=st.integers(-3, 800),
)
def test_working_days_between_counts_what_a_walk_would(
    days: WorkingDays, start: dt.date, length: int
) -> None:
    end = start + dt.timedelta(days=length)
    walked = sum(
        days.is_working_day(start + dt.timedelta(days=i)) for i in range(max(length + 1, 0))
    )
    assert days.working_days_between(start, end) == walked


def test_working_days_between_to_the_last_day_does_not_overflow() -> None:
    # 9999-12-31 is a Friday; juldagen and annandag jul fall on the weekend before it.
    assert WorkingDays().working_days_between(D(9999, 12, 20), D(9999, 12, 31)) == 10
    with pytest.raises(CalendarError, match="9999-12-31: the next working day lies outside"):
        WorkingDays().next_working_day(D(9999, 12, 31))
    with pytest.raises(CalendarError, match="1953-01-01: the previous working day lies outside"):
        WorkingDays().previous_working_day(D(1953, 1, 1))


def test_errors_carry_a_code_the_value_and_word_themselves_in_swedish() -> None:
    from styrmodell._messages import problem_text

    with pytest.raises(CalendarError) as info:
        WorkingDays(max_shift=0)
    (found,) = info.value.problems
    assert (found.path, found.code, found.value) == (
        "WorkingDays.max_shift",
        "calendar.expected_max_shift",
        0,
    )
    assert problem_text(found, "sv") == (
        "WorkingDays.max_shift: förväntade ett helt antal dagar 1–366, fick 0"
    )
