"""Follow-up calendars, occasions, rules and the iCalendar export (styrmodell._calendar)."""

from __future__ import annotations

import datetime as dt
import doctest
import itertools
import re
import runpy
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import styrmodell._calendar
import styrmodell._holidays
from styrmodell import ActionPlan, CalendarError, Period, StyrmodellError
from styrmodell._calendar import (
    Content,
    Coverage,
    FollowUpCalendar,
    Frequency,
    Occasion,
    OccasionKind,
    OccasionRule,
)
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._strategies_calendar import follow_up_calendars, occasion_rules, occasions
from styrmodell.io import write_ics


def attempt(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, StyrmodellError | None]:
    """``(result, None)``, or ``(None, error)`` for a StyrmodellError; anything else escapes."""
    try:
        return fn(*args, **kwargs), None
    except StyrmodellError as exc:
        return None, exc


D = dt.date
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def ytd_rule(**kwargs: object) -> OccasionRule:
    args: dict[str, object] = {
        "start": D(2023, 1, 1),
        "covers": Coverage.YEAR_TO_DATE,
        "lag": 1,
        "recipient": "KS",
    }
    args.update(kwargs)
    return OccasionRule("månadsrapport", "FREQ=YEARLY;BYMONTH=4,5,11;BYMONTHDAY=15", **args)  # type: ignore[arg-type]


# -- a strict reader of the .ics text, independent of the icalendar package --------------


def unfold(text: str) -> list[str]:
    """Check RFC 5545 §3.1 line rules and return the logical lines."""
    assert text.endswith("\r\n")
    physical = text.split("\r\n")[:-1]
    logical: list[str] = []
    for line in physical:
        assert "\r" not in line
        assert "\n" not in line
        assert len(line.encode("utf-8")) <= 75, line
        if line.startswith(" "):
            assert logical, "a continuation line cannot come first"
            logical[-1] += line[1:]
        else:
            assert line, "no empty lines"
            logical.append(line)
    return logical


def unescape(value: str) -> str:
    """Undo TEXT escaping; fail on an unknown escape or a bare ';' or ','."""
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            assert nxt in ("\\", ";", ",", "n", "N"), f"bad escape \\{nxt} in {value!r}"
            out.append("\n" if nxt in "nN" else nxt)
        else:
            assert char not in ";,", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def events(text: str) -> list[dict[str, str]]:
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    out: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            assert current is None
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            out.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            assert name not in current, f"{name} twice"
            current[name] = value
    assert current is None
    return out


# -- Occasion ---------------------------------------------------------------------------


def test_occasion_normalises_and_labels() -> None:
    o = Occasion(
        "Delårsrapport",
        D(2024, 10, 15),
        Period.delar(2024),
        "KF",
        contents=["Budgetuppföljning", "prognos", "mål", "prognos", "kvalitetsbokslut"],
        reported="B/D",
    )
    assert o.kind is OccasionKind.DELARSRAPPORT
    assert o.contents == (Content.BUDGET, Content.FORECAST, Content.GOALS, "kvalitetsbokslut")
    assert o.reported == ("D", "B")
    assert o.planned == o.due
    assert not o.is_shifted
    assert o.label() == "Delårsrapport 2024 till kommunfullmäktige (KF)"
    assert o.label("en") == "Interim report 2024 to municipal council (KF)"
    assert Occasion("brukarenkät", D(2024, 3, 1)).name() == "Brukarenkät"
    assert Occasion("x", D(2024, 3, 1), Period.tertial(2024, 1), title="Egen titel").name() == (
        "Egen titel"
    )
    assert Occasion("tertialrapport", D(2024, 5, 20), Period.tertial(2024, 1)).name() == (
        "Tertialrapport T1 2024"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": " "}, "Occasion.kind: expected a non-empty text, got ' '"),
        ({"due": "1 april"}, r"Occasion.due: expected a date \(YYYY-MM-DD\), got '1 april'"),
        ({"period": "2024"}, "Occasion.period: expected a Period or None, got '2024'"),
        ({"recipient": ""}, "Occasion.recipient"),
        ({"contents": [""]}, r"contents\[0\]: expected a non-empty text"),
        ({"contents": 3}, "contents: expected a collection of texts, got 3"),
        ({"reported": "D/X"}, "reported: expected the flags D .delår. and/or B"),
        ({"shift": "later"}, "shift: expected a Shift"),
        ({"due": D(1900, 1, 1)}, "Occasion.due: expected a date in the years 1953–9999"),
    ],
)
def test_bad_occasions_are_rejected(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"kind": "månadsrapport", "due": D(2024, 4, 15)}
    args.update(kwargs)
    with pytest.raises(CalendarError, match=message):
        Occasion(**args)  # type: ignore[arg-type]


# -- Coverage and OccasionRule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("coverage", "month", "expected"),
    [
        (Coverage.YEAR_TO_DATE, 3, Period(2024, 1, 3)),
        (Coverage.YEAR_TO_DATE, 12, Period.year(2024)),
        (Coverage.DELAR, 8, Period.delar(2024)),
        (Coverage.MONTH, 11, Period.month(2024, 11)),
        (Coverage.QUARTER, 5, Period.quarter(2024, 2)),
        (Coverage.TERTIAL, 5, Period.tertial(2024, 2)),
        (Coverage.YEAR, 2, Period.year(2024)),
        (Coverage.NEXT_YEAR, 6, Period.year(2025)),
        (Coverage.NONE, 6, None),
    ],
)
def test_coverage_periods(coverage: Coverage, month: int, expected: Period | None) -> None:
    assert coverage.period(D(2024, month, 17)) == expected


def test_rule_gives_the_periods_per_mars_april_oktober() -> None:
    rule = ytd_rule()
    got = rule.occasions(between=Period.year(2024))
    assert [o.planned for o in got] == [D(2024, 4, 15), D(2024, 5, 15), D(2024, 11, 15)]
    assert [o.period for o in got] == [Period(2024, 1, 3), Period(2024, 1, 4), Period(2024, 1, 10)]
    assert rule.rule == "FREQ=YEARLY;BYMONTH=4,5,11;BYMONTHDAY=15"
    assert OccasionRule("x", "rrule:freq=yearly;bymonth=4,5,11;bymonthday=15", start=D(2023, 1, 1))
    # An årsredovisning due in March with lag 3 covers the year before.
    annual = OccasionRule(
        "årsredovisning",
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31",
        start=D(2020, 1, 1),
        covers="year",
        lag=3,
    )
    assert annual.occasions(between=Period.year(2025))[0].period == Period.year(2024)


def test_rule_holds_text_and_compares_by_value() -> None:
    a, b = ytd_rule(), ytd_rule()
    assert a == b
    assert hash(a) == hash(b)
    assert a.to_rrule() is b.to_rrule()  # built once, cached
    assert {a, b} == {a}


def test_rule_range_start_end_and_count() -> None:
    rule = ytd_rule(start=D(2024, 5, 1), end=D(2025, 5, 14))
    assert rule.dates(between=(D(2020, 1, 1), D(2030, 1, 1))) == (
        D(2024, 5, 15),
        D(2024, 11, 15),
        D(2025, 4, 15),
    )
    counted = OccasionRule("x", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=3", start=D(2024, 1, 1))
    assert counted.dates(Period.year(2024)) == (D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31))


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("FREQ=HOURLY", "FREQ must be one of DAILY, MONTHLY, WEEKLY, YEARLY"),
        ("FREQ=YEARLY;BYHOUR=9", "BYHOUR is not allowed in a rule of whole days"),
        ("FREQ=YEARLY;UNTIL=20251231", "give the last date as end=..., not UNTIL"),
        ("BYMONTH=3;FREQ=YEARLY", "must start with FREQ="),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTH=4", "BYMONTH given twice"),
        ("FREQ=YEARLY;BYMONTH", "expected NAME=VALUE, got 'BYMONTH'"),
        ("FREQ=YEARLY;INTERVAL=0", "INTERVAL must be a whole number ≥ 1, got '0'"),
        ("FREQ=YEARLY;BYDAY=XX", "is not a valid RRULE"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "gives no date from 2024-01-01"),
        (42, "expected RRULE text, got 42"),
    ],
)
def test_bad_rules_are_rejected(rule: object, message: str) -> None:
    with pytest.raises(CalendarError, match=message):
        OccasionRule("x", rule, start=D(2024, 1, 1))  # type: ignore[arg-type]


def test_bad_rule_fields_are_rejected() -> None:
    with pytest.raises(CalendarError, match="end 2023-01-01 is before start 2024-01-01"):
        ytd_rule(start=D(2024, 1, 1), end=D(2023, 1, 1))
    with pytest.raises(CalendarError, match="lag: expected a whole number of months 0–36"):
        ytd_rule(lag=-1)
    with pytest.raises(CalendarError, match="covers: expected a Coverage"):
        ytd_rule(covers="fortnight")


# -- FollowUpCalendar -----------------------------------------------------------------------


def test_deadlines_move_off_holidays_by_policy() -> None:
    # 1 November 2025 is alla helgons dag (a Saturday); 15 November 2025 a Saturday.
    cal = FollowUpCalendar(
        "Test",
        rules=[ytd_rule()],
        occasions=[
            Occasion("handlingsplan", D(2025, 12, 24), shift=Shift.NEXT),
            Occasion("budgetbeslut", D(2025, 6, 6), shift=Shift.NONE),
        ],
        working_days=WorkingDays(eves=True),
    )
    got = cal.year(2025)
    assert [(o.kind, o.planned, o.due) for o in got] == [
        ("månadsrapport", D(2025, 4, 15), D(2025, 4, 15)),
        ("månadsrapport", D(2025, 5, 15), D(2025, 5, 15)),
        ("budgetbeslut", D(2025, 6, 6), D(2025, 6, 6)),
        ("månadsrapport", D(2025, 11, 15), D(2025, 11, 14)),
        ("handlingsplan", D(2025, 12, 24), D(2025, 12, 29)),
    ]
    assert cal.due_on(D(2025, 11, 14))[0].is_shifted
    assert cal.due_on(D(2025, 11, 15)) == ()
    assert cal.next_due(after=D(2025, 11, 14)) == got[-1]
    assert cal.next_due(after=D(2025, 11, 13)) == got[3]


def test_an_occasion_shifted_into_the_range_counts() -> None:
    # Planned Saturday 1 June 2024, moved back to Friday 31 May.
    cal = FollowUpCalendar("T", occasions=[Occasion("x", D(2024, 6, 1))])
    assert [o.due for o in cal.occurrences(between=(D(2024, 5, 1), D(2024, 5, 31)))] == [
        D(2024, 5, 31)
    ]
    assert cal.occurrences(between=Period.month(2024, 6)) == ()


def test_next_due_is_none_when_nothing_is_left() -> None:
    cal = FollowUpCalendar("T", rules=[ytd_rule(end=D(2024, 12, 31))])
    assert cal.next_due(after=D(2024, 11, 15)) is None
    assert FollowUpCalendar("empty").next_due(after=D(2024, 1, 1)) is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "FollowUpCalendar.name: expected a non-empty text"),
        ({"rules": "x"}, "FollowUpCalendar.rules: expected a collection"),
        ({"rules": [1]}, r"FollowUpCalendar.rules\[0\]: expected OccasionRule, got 1"),
        ({"occasions": [ytd_rule()]}, r"FollowUpCalendar.occasions\[0\]: expected Occasion"),
    ],
)
def test_bad_calendars_are_rejected(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"name": "T"}
    args.update(kwargs)
    with pytest.raises(CalendarError, match=message):
        FollowUpCalendar(**args)  # type: ignore[arg-type]


def test_bad_ranges_are_rejected() -> None:
    cal = FollowUpCalendar("T")
    with pytest.raises(CalendarError, match="between: start 2024-02-01 is after end 2024-01-01"):
        cal.occurrences(between=(D(2024, 2, 1), D(2024, 1, 1)))
    with pytest.raises(CalendarError, match=r"between: expected .start, end. dates or a Period"):
        cal.occurrences(between=D(2024, 2, 1))  # type: ignore[arg-type]
    with pytest.raises(CalendarError, match=r"stamp: expected a timezone-aware datetime"):
        write_ics(cal, between=Period.year(2024), stamp=dt.datetime(2024, 1, 1))


# -- iCalendar ------------------------------------------------------------------------------


def tricky_calendar() -> FollowUpCalendar:
    return FollowUpCalendar(
        "Vård- och omsorgsnämnden, Oxelösund; årshjul",
        rules=[ytd_rule(contents=["budgetuppföljning", "prognos"], reported="D/B")],
        occasions=[
            Occasion(
                "internkontrollplan",
                D(2024, 2, 24),  # a Saturday: moved to Friday 23 February
                Period.year(2024),
                "nämnd",
                contents=["internkontroll", "granskningsrapport"],
                description="Rad ett; med komma, semikolon och \\bakstreck\\\nRad två: "
                + "åäö " * 40,
            )
        ],
    )


def test_ics_is_strict_rfc_5545() -> None:
    cal = tricky_calendar()
    text = write_ics(cal, between=Period.year(2024), stamp=STAMP)
    lines = unfold(text)
    assert "X-WR-CALNAME:Vård- och omsorgsnämnden\\, Oxelösund\\; årshjul" in lines
    evs = events(text)
    assert [e["DTSTART;VALUE=DATE"] for e in evs] == [
        "20240223",
        "20240415",
        "20240515",
        "20241115",
    ]
    assert [e["DTEND;VALUE=DATE"] for e in evs] == ["20240224", "20240416", "20240516", "20241116"]
    assert all(e["DTSTAMP"] == "20240102T030405Z" for e in evs)
    assert len({e["UID"] for e in evs}) == 4
    description = unescape(evs[0]["DESCRIPTION"])
    assert "Rad ett; med komma, semikolon och \\bakstreck\\\nRad två: åäö" in description
    assert "Planerat 2024-02-24, flyttat till närmast föregående arbetsdag" in description
    assert unescape(evs[1]["SUMMARY"]) == "Månadsrapport jan-mar 2024 till kommunstyrelsen (KS)"
    assert "Mål som redovisas: D/B" in unescape(evs[1]["DESCRIPTION"])


def test_ics_parses_back_with_the_icalendar_package() -> None:
    cal = tricky_calendar()
    text = write_ics(cal, between=Period.year(2024), locale="en", stamp=STAMP)
    parsed = icalendar.Calendar.from_ical(text)
    evs = parsed.walk("VEVENT")
    occ = cal.year(2024)
    assert [e.decoded("DTSTART") for e in evs] == [o.due for o in occ]
    assert [str(e["SUMMARY"]) for e in evs] == [o.label("en") for o in occ]
    assert str(evs[0]["DESCRIPTION"]).endswith("Rad två: " + "åäö " * 40)
    assert "Planned 2024-02-24, moved to the previous working day" in str(evs[0]["DESCRIPTION"])


def test_the_last_year_neither_overflows_nor_loses_its_last_day() -> None:
    # A range ending on 9999-12-31 is widened by the longest shift without overflowing,
    # and an event on the last representable day is one day long without a DTEND.
    cal = FollowUpCalendar(
        "Sista året",
        rules=[OccasionRule("bokslut", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31",
                            start=D(9990, 1, 1), shift="none")],
    )  # fmt: skip
    (last,) = cal.year(9999)
    assert last.due == D(9999, 12, 31)
    assert cal.next_due(after=D(9999, 12, 30)) == last
    (event,) = icalendar.Calendar.from_ical(write_ics(cal, between=Period.year(9999))).walk(
        "VEVENT"
    )
    assert event.decoded("DTSTART") == last.due
    assert "DTEND" not in event
    assert cal.next_due(after=D(1953, 1, 1)) == cal.year(9990)[0]


def test_uids_are_stable_and_name_dependent() -> None:
    cal = tricky_calendar()
    first = [e["UID"] for e in events(write_ics(cal, between=Period.year(2024), stamp=STAMP))]
    later = write_ics(cal, between=(D(2024, 4, 1), D(2024, 12, 31)), stamp=STAMP + dt.timedelta(9))
    assert [e["UID"] for e in events(later)] == first[1:]
    # Closing a day moves a deadline but keeps its UID; renaming the calendar changes it.
    moved = attrs.evolve(cal, working_days=WorkingDays(closed=[D(2024, 4, 15)]))
    moved_ev = events(write_ics(moved, between=Period.year(2024), stamp=STAMP))
    assert [e["UID"] for e in moved_ev] == first
    assert moved_ev[1]["DTSTART;VALUE=DATE"] == "20240412"
    renamed = attrs.evolve(cal, name="Annan nämnd")
    renamed_ev = events(write_ics(renamed, between=Period.year(2024), stamp=STAMP))
    assert {e["UID"] for e in renamed_ev}.isdisjoint(first)


def test_equal_identity_different_contents_still_get_unique_uids() -> None:
    a = Occasion("x", D(2024, 3, 1), contents=["mål"])
    cal = FollowUpCalendar("T", occasions=[a, attrs.evolve(a, contents=["nyckeltal"])])
    uids = [e["UID"] for e in events(write_ics(cal, between=Period.year(2024), stamp=STAMP))]
    assert len(set(uids)) == 2


def test_default_stamp_is_now_in_utc() -> None:
    text = write_ics(
        FollowUpCalendar("T", occasions=[Occasion("x", D(2024, 3, 1))]), between=Period.year(2024)
    )
    stamp = events(text)[0]["DTSTAMP"]
    assert re.fullmatch(r"\d{8}T\d{6}Z", stamp)
    made = dt.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
    assert abs(made - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


# -- properties -----------------------------------------------------------------------------


ranges = st.tuples(st.dates(D(1999, 6, 1), D(2042, 12, 31)), st.integers(0, 800)).map(
    lambda t: (t[0], t[0] + dt.timedelta(days=t[1]))
)


@settings(max_examples=60, deadline=None)
@given(cal=follow_up_calendars(), between=ranges)
def test_occurrences_in_range_sorted_unique_and_on_working_days(
    cal: FollowUpCalendar, between: tuple[dt.date, dt.date]
) -> None:
    got = cal.occurrences(between=between)
    assert all(between[0] <= o.due <= between[1] for o in got)
    assert list(got) == sorted(got, key=Occasion._sort_key)
    assert [o.due for o in got] == sorted(o.due for o in got)
    assert len(set(got)) == len(got)
    for o in got:
        assert abs((o.due - o.planned).days) <= cal.working_days.max_shift
        if o.shift is Shift.NONE:
            assert o.due == o.planned
        else:
            assert cal.working_days.is_working_day(o.due)
            assert (o.due <= o.planned) if o.shift is Shift.PREVIOUS else (o.due >= o.planned)
            assert o.due == o.planned or not cal.working_days.is_working_day(o.planned)


@settings(max_examples=60, deadline=None)
@given(rule=occasion_rules(), between=ranges)
def test_every_rule_date_lies_in_the_rule_range(
    rule: OccasionRule, between: tuple[dt.date, dt.date]
) -> None:
    dates = rule.dates(between)
    assert list(dates) == sorted(set(dates))
    for day in dates:
        assert rule.start <= day
        assert rule.end is None or day <= rule.end
        assert between[0] <= day <= between[1]
    for occasion in rule.occasions(between):
        if rule.covers is not Coverage.NONE:
            assert occasion.period is not None


@settings(max_examples=60, deadline=None)
@given(cal=follow_up_calendars(), after=st.dates(D(2000, 1, 1), D(2040, 12, 31)))
def test_next_due_is_the_first_occurrence_after(cal: FollowUpCalendar, after: dt.date) -> None:
    found = cal.next_due(after=after)
    window = cal.occurrences(between=(after + dt.timedelta(days=1), D(2060, 12, 31)))
    if found is None:
        assert window == ()
    else:
        assert window[0] == found
        assert found in cal.due_on(found.due)


@settings(max_examples=40, deadline=None)
@given(cal=follow_up_calendars(max_rules=2), year=st.integers(2000, 2040))
def test_ics_matches_the_occurrences(cal: FollowUpCalendar, year: int) -> None:
    occ = cal.year(year)
    evs = events(write_ics(cal, between=Period.year(year), stamp=STAMP))
    assert [e["DTSTART;VALUE=DATE"] for e in evs] == [o.due.strftime("%Y%m%d") for o in occ]
    assert [unescape(e["SUMMARY"]) for e in evs] == [o.label() for o in occ]
    assert len({e["UID"] for e in evs}) == len(evs)


@given(o=occasions())
def test_occasions_hash_and_evolve_by_value(o: Occasion) -> None:
    assert attrs.evolve(o) == o
    assert hash(attrs.evolve(o)) == hash(o)
    assert o.planned == o.due


# -- Frequency and contents_for -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "cadence", "lag"),
    [
        ("Månadsvis", "month", 0),
        ("Månadsvis (en månads eftersläpning)", "month", 1),
        ("månadsvis (2 månaders eftersläpning)", "month", 2),
        ("Kvartalsvis", "quarter", 0),
        ("Tertialvis, tre månaders eftersläpning", "tertial", 3),
        ("Helår", "year", 0),
        ("Årligen, publiceras i april", "year", 3),
        ("Monthly (one month lag)", "month", 1),
        ("", None, 0),
        ("Vid behov", None, 0),
    ],
)
def test_frequency_reads_the_plans_words(text: str, cadence: str | None, lag: int) -> None:
    assert Frequency.parse(text) == Frequency(cadence, lag)


def test_frequency_availability_and_labels() -> None:
    monthly_lag = Frequency("month", 1)
    assert monthly_lag.available_from(Period(2024, 1, 3)) == D(2024, 5, 1)
    assert monthly_lag.label() == "månadsvis, 1 månads eftersläpning"
    assert Frequency("year", 3).label("en") == "yearly, 3 months' lag"
    assert Frequency("quarter").available_from(Period(2024, 1, 4)) == D(2024, 7, 1)
    assert Frequency().available_from(Period.delar(2024)) == D(2024, 9, 1)
    assert not Frequency("year").fits(Period.delar(2024))
    assert Frequency("tertial").fits(Period.delar(2024))
    with pytest.raises(CalendarError, match=r"Frequency.cadence: expected one of"):
        Frequency("weekly")
    with pytest.raises(CalendarError, match=r"Frequency.lag: expected 0–36 months, got -1"):
        Frequency("month", -1)
    with pytest.raises(CalendarError, match=r"Frequency.parse: '.*99 månaders"):
        Frequency.parse("Månadsvis, 99 månaders eftersläpning")


@given(
    cadence=st.sampled_from([None, "month", "quarter", "tertial", "year"]),
    lag=st.integers(0, 36),
    year=st.integers(1960, 2090),
    first=st.integers(1, 12),
    span=st.integers(0, 11),
)
def test_data_never_arrive_before_the_period_ends(
    cadence: str | None, lag: int, year: int, first: int, span: int
) -> None:
    period = Period(year, first, min(12, first + span))
    frequency = Frequency(cadence, lag)
    ready = frequency.available_from(period)
    assert ready > period.end
    assert ready.day == 1
    assert ready >= Frequency(cadence, 0).available_from(period)


def test_docstring_examples() -> None:
    assert doctest.testmod(styrmodell._calendar).failed == 0
    assert doctest.testmod(styrmodell._holidays).failed == 0


# -- the three calendars of the examples, built from the plans' text ------------------------

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "calendars.py"


@pytest.fixture(scope="module")
def example() -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLE))


def test_hassleholm_five_occasions_to_ks_and_budget_in_june(example: dict[str, Any]) -> None:
    cal: FollowUpCalendar = example["hassleholm"]()
    for year in (2020, 2021):
        got = cal.year(year)
        to_ks = [o for o in got if o.recipient == "KS"]
        # "tre månadsrapporter, en delårsrapport samt verksamhetsberättelsen"
        assert sorted(o.kind for o in to_ks) == sorted(
            ["månadsrapport"] * 3 + ["delårsrapport", "verksamhetsberättelse"]
        )
        (budget,) = [o for o in got if o.kind == "budgetbeslut"]
        assert budget.due.month == 6
        assert budget.recipient == "KF"
        assert budget.period == Period.year(year + 1)
        (kontroll,) = [o for o in got if o.kind == "internkontrollplan"]
        (vb,) = [o for o in got if o.kind == "verksamhetsberättelse"]
        assert kontroll.due <= vb.due  # "senast i samband med ... verksamhetsberättelsen"
        assert "granskningsrapport" in kontroll.contents
        assert vb.period == Period.year(year - 1)
        assert all(WorkingDays().is_working_day(o.due) for o in got)


def test_oxelosund_follow_up_per_mars_april_augusti_oktober(example: dict[str, Any]) -> None:
    cal: FollowUpCalendar = example["oxelosund"]()
    got = cal.year(2024)
    goal_reports = [o for o in got if Content.GOALS in o.contents]
    per = {
        o.period.last_month: o
        for o in goal_reports
        if o.period is not None and o.period.calendar_year == 2024
    }
    assert sorted(per) == [3, 4, 8, 10]  # per mars, april, augusti (delår), oktober
    assert {m: per[m].recipient for m in per} == {3: "KS", 4: "KS", 8: "KF", 10: "KS"}
    assert all(Content.FORECAST in per[m].contents for m in per)
    assert Content.ACTIVITIES in per[3].contents  # per mars: aktiviteter i handlingsplanen
    assert per[8].kind == "delårsrapport"
    assert per[8].reported == ("D",)
    (bokslut,) = [o for o in got if o.kind == "årsredovisning"]
    assert bokslut.recipient == "KF"
    assert bokslut.reported == ("B",)
    assert bokslut.period == Period.year(2023)
    # Investments per april, augusti, oktober and december (the bokslut).
    invest = [
        o
        for o in cal.occurrences(between=(D(2024, 1, 1), D(2025, 3, 31)))
        if Content.INVESTMENTS in o.contents
    ]
    assert [o.period.last_month for o in invest if o.period] == [12, 4, 8, 10, 12]
    (hp,) = [o for o in got if o.kind == "handlingsplan"]
    assert hp.due.month == 2
    nyckeltal = [o for o in got if o.kind == "nyckeltalsuppföljning"]
    assert len(nyckeltal) == 12
    assert all(o.period is not None and o.period.month_count == 1 for o in nyckeltal)


def test_oxelosund_handlingsplan_rule(example: dict[str, Any]) -> None:
    plan: ActionPlan = example["oxelosund_action_plan"]()
    cal: FollowUpCalendar = example["oxelosund"]()
    assert example["handlingsplan_rule"](plan, cal) == []
    late = attrs.evolve(plan, decided=D(2023, 3, 1))
    assert example["handlingsplan_rule"](late, cal) == [
        "Handlingsplan äldreomsorgsförvaltningen 2023: inte beslutad senast 2023-02-28"
    ]
    vague = attrs.evolve(plan, activities=[attrs.evolve(plan.activities[0], how="")])
    assert example["handlingsplan_rule"](vague, cal) == [
        "activities[0] (ÄF-1): hur uppföljningen görs saknas"
    ]


def test_mjolby_occasions_from_its_uppfoljningsplan(example: dict[str, Any]) -> None:
    cal: FollowUpCalendar = example["mjolby"]()
    got = cal.occurrences(between=(D(2011, 1, 1), D(2012, 3, 31)))
    assert [o.kind for o in got].count("uppföljning av uppdrag") == 2  # "2 gånger per år"
    assert {o.kind for o in got} >= {"verksamhetsberättelse", "brukarenkät"}


def test_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLE), run_name="__main__")
    out = capsys.readouterr().out
    assert "Delårsrapport 2024 till kommunfullmäktige (KF)" in out
    assert "Handlingsplan äldreomsorgsförvaltningen 2023: uppfyller regeln" in out
    assert "Genomfört per 2023-07-01: 1 av 2 (50\xa0%)" in out


def run_doc_blocks(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    text = (Path(__file__).resolve().parent.parent / "docs" / "how-to" / page).read_text("utf-8")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    for block in re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL):
        exec(compile(block, page, "exec"), namespace)
    return namespace


def test_calendars_how_to_runs_and_says_true_things(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ns = run_doc_blocks("calendars.md", tmp_path, monkeypatch)
    out = capsys.readouterr().out.splitlines()
    assert out[:5] == [
        "2024-02-29 Handlingsplan 2024 till ansvarig chef",
        "2024-04-15 Månadsrapport jan-mar 2024 till kommunstyrelsen (KS)",
        "2024-05-15 Månadsrapport jan-apr 2024 till kommunstyrelsen (KS)",
        "2024-09-30 Delårsrapport 2024 till kommunfullmäktige (KF)",
        "2024-11-15 Månadsrapport jan-okt 2024 till kommunstyrelsen (KS)",
    ]
    assert out[5:] == ["2024-09-30 Delårsrapport 2024", "2025-12-24 → 2025-12-29"]
    assert events((tmp_path / "arshjul-2024.ics").read_bytes().decode("utf-8"))
    assert ns["ics"].count("BEGIN:VEVENT") == 5
    assert ns["plan"].calendar == ns["oxelosund"]
    refused = ns["refused"]
    assert (refused.path, refused.code) == ("OccasionRule.rule", "calendar.rule_no_date")
    assert refused.message == "'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' gives no date from 2023-01-01"


# -- rules: read strictly, refused quickly when they give no date ---------------------------
# The fuzz tests take their example count from the Hypothesis profile (`make fuzz` raises it).


@pytest.mark.parametrize("freq", ["YEARLY", "MONTHLY", "WEEKLY", "DAILY"])
def test_a_rule_that_can_never_match_is_refused_for_every_frequency(freq: str) -> None:
    # Found from the parts alone (30 February exists in no year): no search at all. Before,
    # the daily rule walked every day to 9999 (6.5 s) before saying so.
    text = f"FREQ={freq};BYMONTH=2" + (";BYMONTHDAY=30" if freq != "WEEKLY" else ";BYDAY=XX")
    if freq == "WEEKLY":
        text = "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2"  # one day a week: no second one
    with pytest.raises(CalendarError, match="gives no date from 2024-01-01") as info:
        OccasionRule("x", text, start=D(2024, 1, 1))
    (found,) = info.value.problems
    assert (found.path, found.code, found.value) == (
        "OccasionRule.rule",
        "calendar.rule_no_date",
        text,
    )


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=DAILY;INTERVAL=7;BYDAY=TU",  # every 7th day from a Monday is a Monday
        "FREQ=DAILY;BYDAY=MO;BYSETPOS=2",  # a day holds one date
        "FREQ=YEARLY;BYYEARDAY=366;BYMONTH=1",
        "FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2;BYMONTHDAY=28",  # day 60 is 29 Feb or 1 Mar
        "FREQ=YEARLY;BYWEEKNO=1;BYMONTH=6",  # found by the bounded search (400 years)
        "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",  # no month has six Mondays
        "FREQ=MONTHLY;BYDAY=6MO",
    ],
)
def test_other_rules_without_a_date_are_refused(text: str) -> None:
    start = D(2024, 1, 1)  # a Monday
    with pytest.raises(CalendarError, match="gives no date"):
        OccasionRule("x", text, start=start)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", D(2028, 2, 29)),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-29", D(2028, 2, 1)),
        ("FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO", D(2044, 2, 29)),  # February with five Mondays
        ("FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2", D(2028, 2, 29)),
        ("FREQ=DAILY;INTERVAL=7;BYDAY=WE", D(2025, 1, 1)),
        ("FREQ=DAILY;INTERVAL=3;BYDAY=MO", D(2025, 1, 13)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;BYMONTH=12;BYSETPOS=-1", D(2025, 12, 5)),
    ],
)
def test_rules_that_match_rarely_are_kept(text: str, first: dt.date) -> None:
    rule = OccasionRule("x", text, start=D(2025, 1, 1))
    assert next(rule.iter_dates(rule.start)) == first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("FREQ=YEARLY;BYMONTH=13", r"BYMONTH=13 must list whole numbers from 1 to 12"),
        ("FREQ=YEARLY;BYMONTH=-1", r"BYMONTH=-1 must list whole numbers from 1 to 12"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", r"BYMONTHDAY=0 must list whole numbers from 1 to 31"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,,2", r"BYMONTHDAY=1,,2 must list"),
        ("FREQ=YEARLY;BYYEARDAY=367", r"BYYEARDAY=367 must list"),
        ("FREQ=YEARLY;BYDAY=MO,XY", r"is not a valid RRULE: BYDAY=MO,XY must list weekdays"),
        ("FREQ=YEARLY;BYDAY=54MO", r"BYDAY=54MO must list weekdays"),
        ("FREQ=WEEKLY;BYDAY=1MO", r"numbered weekdays \(BYDAY=1MO\) need FREQ=MONTHLY"),
        ("FREQ=YEARLY;BYWEEKNO=3;BYDAY=1MO", r"numbered weekdays"),
        ("FREQ=MONTHLY;BYWEEKNO=3", r"BYWEEKNO cannot be used with FREQ=MONTHLY \(RFC 5545\)"),
        ("FREQ=DAILY;BYYEARDAY=3", r"BYYEARDAY cannot be used with FREQ=DAILY"),
        ("FREQ=WEEKLY;BYMONTHDAY=3", r"BYMONTHDAY cannot be used with FREQ=WEEKLY"),
        ("FREQ=MONTHLY;BYSETPOS=1", r"BYSETPOS needs another BY... part"),
        ("FREQ=WEEKLY;WKST=XX", r"WKST=XX must be one of MO"),
        ("FREQ=YEARLY;INTERVAL=10000", r"INTERVAL must be at most 9999, got '10000'"),
        ("FREQ=YEARLY;COUNT=" + "9" * 1500, r"COUNT must be at most 9999, got '9999"),
        ("FREQ=YEARLY;INTERVAL=x", r"INTERVAL must be a whole number ≥ 1, got 'X'"),
        ("FREQ=YEARLY;INTERVAL=٣", r"INTERVAL must be a whole number ≥ 1"),  # not ASCII
        ("FREQ=YEARLY;BYMONTH=" + "1" * 1500, r"BYMONTH=1111111111.*\.\.\. must list"),
        ("FREQ=YEARLY;" + "X" * 3000, r"expected RRULE text of at most 2000 characters"),
        ("FREQ=YEARLY;" + "X" * 100 + "=1", r"XXXXXXXX\.\.\. is not allowed"),
    ],
)
def test_rule_parts_are_read_strictly(text: str, message: str) -> None:
    with pytest.raises(CalendarError, match=message) as info:
        OccasionRule("x", text, start=D(2024, 1, 1))
    assert len(str(info.value)) < 600  # a long rule is shown shortened


def test_rule_errors_word_themselves_in_swedish() -> None:
    from styrmodell._messages import problem_text

    with pytest.raises(CalendarError) as info:
        OccasionRule("x", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start=D(2024, 1, 1))
    assert problem_text(info.value.problems[0], "sv") == (
        "OccasionRule.rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30' ger inget datum från och med "
        "2024-01-01"
    )


def test_a_calendar_names_every_item_that_is_no_rule() -> None:
    with pytest.raises(CalendarError) as info:
        FollowUpCalendar("T", rules=[ytd_rule(), "x", 3])  # type: ignore[list-item]
    assert [(p.path, p.code, p.value) for p in info.value.problems] == [
        ("FollowUpCalendar.rules[1]", "calendar.expected_instance", "x"),
        ("FollowUpCalendar.rules[2]", "calendar.expected_instance", 3),
    ]


@st.composite
def rule_texts(draw: st.DrawFn) -> str:
    """RRULE texts of every shape the reader accepts (some of them give no date)."""
    freq = draw(st.sampled_from(["YEARLY", "MONTHLY", "WEEKLY", "DAILY"]))
    parts = [f"FREQ={freq}"]
    if draw(st.booleans()):
        parts.append(f"INTERVAL={draw(st.integers(1, 12))}")
    if draw(st.booleans()):
        months = draw(st.lists(st.integers(1, 12), min_size=1, max_size=3, unique=True))
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    if freq != "WEEKLY" and draw(st.booleans()):
        days = draw(st.lists(st.integers(-31, 31).filter(bool), min_size=1, max_size=3))
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    if freq == "YEARLY" and draw(st.booleans()):
        days = draw(st.lists(st.integers(-366, 366).filter(bool), min_size=1, max_size=2))
        parts.append("BYYEARDAY=" + ",".join(map(str, days)))
    weekno = freq == "YEARLY" and draw(st.booleans())
    if weekno:
        parts.append(f"BYWEEKNO={draw(st.integers(-53, 53).filter(bool))}")
    if draw(st.booleans()):
        numbered = freq in ("MONTHLY", "YEARLY") and not weekno
        n = draw(st.integers(-5, 5)) if numbered else 0
        day = draw(st.sampled_from(["MO", "TU", "WE", "TH", "FR", "SA", "SU"]))
        parts.append(f"BYDAY={n or ''}{day}")
    if any(p.startswith("BY") for p in parts) and draw(st.booleans()):
        parts.append(f"BYSETPOS={draw(st.sampled_from([1, -1, 2, 3, -2]))}")
    if freq == "WEEKLY" and draw(st.booleans()):
        parts.append("WKST=" + draw(st.sampled_from(["MO", "SU", "WE"])))
    if draw(st.integers(0, 4)) == 0:
        parts.append(f"COUNT={draw(st.integers(1, 5))}")
    return ";".join(parts)


def _truth(text: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """What dateutil says, walking from the start (the slow way the calendar avoids)."""
    from dateutil.rrule import rrule, rrulestr

    rule = rrulestr(text, dtstart=dt.datetime(start.year, start.month, start.day))
    assert isinstance(rule, rrule)
    # Cut at the end: dateutil's own between() walks to 9999 when no date is left.
    count = rule._count
    cut = rule.replace(count=None, until=dt.datetime(end.year, end.month, end.day))
    return [d.date() for d in itertools.islice(cut, count)]


@settings(max_examples=80, deadline=None)
@given(
    text=rule_texts(),
    start=st.dates(D(9900, 1, 1), D(9980, 12, 31)),
    years=st.integers(0, 18),
)
def test_the_bounded_first_date_is_dateutils_first_date(
    text: str, start: dt.date, years: int
) -> None:
    # Near 9999 dateutil's own walk ends soon, so it can be the judge of rules without dates.
    from styrmodell import _rrule

    end = start + dt.timedelta(days=365 * years)
    truth = _truth(text, start, end)
    assert _rrule.first_date(_rrule.normalise(text, "rule"), start, end) == (
        truth[0] if truth else None
    )


@settings(max_examples=80, deadline=None)
@given(text=rule_texts(), start=st.dates(D(1990, 1, 1), D(2030, 12, 31)))
def test_a_first_date_found_early_is_dateutils(text: str, start: dt.date) -> None:
    # Far from 9999 dateutil walks for minutes when there is no date, so it judges only the
    # rules that have one; the search from the last span before 9999 judges the others.
    from dateutil.rrule import rrulestr

    from styrmodell import _rrule

    found = _rrule.first_date(_rrule.normalise(text, "rule"), start, None)
    if found is not None:
        rule = rrulestr(text, dtstart=dt.datetime(start.year, start.month, start.day))
        moment = rule.after(dt.datetime(start.year, start.month, start.day), inc=True)
        assert moment is not None
        assert moment.date() == found


@settings(max_examples=80, deadline=None)
@given(
    text=rule_texts(),
    start=st.dates(D(1990, 1, 1), D(2030, 12, 31)),
    offset=st.integers(0, 20_000),
    span=st.integers(0, 800),
)
def test_a_rule_moved_forward_gives_the_same_dates(
    text: str, start: dt.date, offset: int, span: int
) -> None:
    # Queries for late dates start from the last selected period, not from the start.
    from styrmodell import _rrule

    text = _rrule.normalise(text, "rule")
    assume(_rrule.first_date(text, start, None) is not None)  # what an OccasionRule holds
    lo = start + dt.timedelta(days=offset)
    hi = lo + dt.timedelta(days=span)
    truth = [d for d in _truth(text, start, hi) if d >= lo]
    assert _rrule.dates_between(text, start, lo, hi) == truth
    assert list(itertools.islice(_rrule.dates_from(text, start, lo, hi), 3)) == truth[:3]


def test_a_late_query_of_a_daily_rule_does_not_walk_from_the_start() -> None:
    rule = OccasionRule("x", "FREQ=DAILY;INTERVAL=3;BYDAY=MO", start=D(1953, 1, 5))
    cal = FollowUpCalendar("T", rules=[rule], working_days=WorkingDays(eves=True))
    got = cal.year(9999)
    assert got
    assert all(o.planned.weekday() == 0 for o in got)
    assert all((o.planned - D(1953, 1, 5)).days % 21 == 0 for o in got)


rule_alphabet = st.sampled_from(list("FREQ=YEARLYMONTHWKDAIBSPOCUNTV;,-+0123456789 :\x00é"))


@given(text=st.one_of(st.text(rule_alphabet, max_size=80), st.text(max_size=40)))
def test_fuzz_rule_text_gives_a_rule_or_a_calendar_error(text: str) -> None:
    rule, error = attempt(OccasionRule, "x", text, start=D(2024, 1, 1), end=D(2060, 12, 31))
    if error is not None:
        assert isinstance(error, CalendarError)
        assert error.problems[0].path.startswith("OccasionRule")
    else:
        assert rule.dates((D(2024, 1, 1), D(2060, 12, 31)))


@settings(max_examples=60, deadline=None)
@given(text=rule_texts(), start=st.dates(D(1960, 1, 1), D(2050, 12, 31)))
def test_fuzz_accepted_shapes_give_a_rule_or_say_there_is_no_date(
    text: str, start: dt.date
) -> None:
    rule, error = attempt(OccasionRule, "x", text, start=start)
    if error is not None:
        assert error.problems[0].code in ("calendar.rule_no_date", "calendar.rule_no_period")
    else:
        assert next(rule.iter_dates(start)) >= start


# -- Frequency: linear, bounded, and clear --------------------------------------------------


def test_frequency_reads_long_text_in_linear_time_and_refuses_huge_lags() -> None:
    # Both took seconds before (a regex trying every digit as a start; int() of 5,000 digits).
    assert Frequency.parse("1" * 20_000) == Frequency()
    assert Frequency.parse("Månadsvis " + "x" * 50_000) == Frequency("month")
    with pytest.raises(CalendarError, match="expected a lag of 0–36 months") as info:
        Frequency.parse("9" * 5000 + " månaders eftersläpning")
    assert len(str(info.value)) < 300
    assert info.value.problems[0].code == "frequency.parse_bad_lag"
    with pytest.raises(CalendarError, match=r"Frequency\.parse: expected a text, got 3"):
        Frequency.parse(3)  # type: ignore[arg-type]


def test_frequency_labels_come_from_the_catalogs() -> None:
    assert Frequency("quarter", 2).label() == "kvartalsvis, 2 månaders eftersläpning"
    assert Frequency("month", 1).label("en") == "monthly, 1 month's lag"
    assert Frequency().label("en") == "unknown frequency"
    assert Frequency("tertial").label("de") == "every four months"  # English words
    assert Frequency.parse("Årligen, publiceras i okt").lag == 9


@given(
    text=st.one_of(
        st.text(max_size=200),
        st.text(st.sampled_from(list("0123456789 månadersftläpgvikjuliq")), max_size=200),
    )
)
def test_fuzz_frequency_text_gives_a_frequency_or_a_calendar_error(text: str) -> None:
    found, error = attempt(Frequency.parse, text)
    if error is not None:
        assert isinstance(error, CalendarError)
        assert error.problems[0].code == "frequency.parse_bad_lag"
    else:
        assert 0 <= found.lag <= 36


# -- words for people, and the .ics file ----------------------------------------------------


def test_data_in_labels_cannot_drive_the_terminal() -> None:
    o = Occasion("x\x1b]8;;https://evil\x07", D(2024, 3, 1), title="", recipient="KS\x1b[2J")
    assert "\x1b" not in o.label()
    assert "\x07" not in o.label()
    assert o.kind_label() == "X\\x1b]8;;https://evil\\x07"
    assert o.recipient_label() == "KS\\x1b[2J"
    titled = attrs.evolve(o, title="Rad ett\nrad två\u202e")
    assert titled.name() == "Rad ett\\x0arad två\\u202e"
    assert attrs.evolve(o, contents=["mål", "egen\rtext"]).contents_label("en") == (
        "goals, egen\\x0dtext"
    )


def test_labels_come_from_the_catalogs_in_any_locale() -> None:
    o = Occasion("tertialrapport", D(2024, 5, 20), Period.tertial(2024, 1), "KF")
    assert o.label("sv_SE") == "Tertialrapport T1 2024 till kommunfullmäktige (KF)"
    assert o.label("en_GB") == "Four-month report T1 2024 to municipal council (KF)"
    assert o.label("de") == o.label("en")  # no German catalog: English words


PAYLOADS = ["\x1b[2J", "\x1b]8;;x\x07", "\x00", "\x7f", "\x85", "\u202e", "\r", "a\r\nb", "\ud800"]


def test_ics_drops_the_control_characters_rfc_5545_forbids() -> None:
    cal = FollowUpCalendar(
        "Nämnd" + "".join(PAYLOADS),
        occasions=[
            Occasion(
                "egen" + "".join(PAYLOADS),
                D(2024, 3, 1),
                title="Titel" + "".join(PAYLOADS),
                recipient="mottagare\x1b[1m",
                contents=["innehåll\x00"],
                description="Beskrivning" + "".join(PAYLOADS),
            )
        ],
    )
    text = write_ics(cal, between=Period.year(2024), stamp=STAMP)
    text.encode("utf-8")  # a lone surrogate became U+FFFD
    forbidden = {chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]} - {"\t", "\r", "\n"}
    assert not forbidden & set(text)
    assert "\u202e" not in text
    assert "\r" not in text.replace("\r\n", "")
    (event,) = events(text)
    assert unescape(event["SUMMARY"]) == "Titel[2J]8;;x\na\nb\ufffd till mottagare[1m"
    parsed = icalendar.Calendar.from_ical(text)
    (ev,) = parsed.walk("VEVENT")
    assert str(ev["DESCRIPTION"]).endswith("Beskrivning[2J]8;;x\na\nb\ufffd")
    assert "X-WR-CALNAME:Nämnd[2J]8\\;\\;x\\na\\nb\ufffd" in unfold(text)


@given(title=st.text(max_size=60), description=st.text(max_size=200), kind=st.text(max_size=30))
def test_fuzz_any_text_makes_an_ics_that_reads_back(
    title: str, description: str, kind: str
) -> None:
    occasion = Occasion(kind.strip() or "x", D(2024, 3, 1), title=title, description=description)
    text = write_ics(FollowUpCalendar("T", occasions=[occasion]), between=Period.year(2024))
    assert events(text)
    (ev,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert ev.decoded("DTSTART") == D(2024, 3, 1)


def test_write_ics_refuses_what_is_no_calendar() -> None:
    with pytest.raises(CalendarError, match="write_ics: expected FollowUpCalendar, got 'x'"):
        write_ics("x", between=Period.year(2024))  # type: ignore[arg-type]


@given(
    due=st.one_of(
        st.text(max_size=30),
        st.text(st.sampled_from(list("0123456789-T: ")), max_size=12),
        st.dates().map(dt.date.isoformat),
    )
)
def test_fuzz_date_text_gives_an_occasion_or_a_calendar_error(due: str) -> None:
    occasion, error = attempt(Occasion, "x", due)
    if error is not None:
        assert isinstance(error, CalendarError)
        assert error.problems[0].path == "Occasion.due"
    else:
        assert occasion.due == dt.date.fromisoformat(due)
