"""Follow-up calendars, occasions, rules and the iCalendar export (styrmodell._calendar)."""

from __future__ import annotations

import datetime as dt
import doctest
import re
import runpy
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell._calendar
import styrmodell._holidays
from styrmodell import ActionPlan, CalendarError, Goal, Indicator, Period, Plan, PlanError
from styrmodell._calendar import (
    Content,
    Coverage,
    FollowUpCalendar,
    Frequency,
    Occasion,
    OccasionKind,
    OccasionRule,
    contents_for,
)
from styrmodell._holidays import Shift, WorkingDays
from styrmodell._strategies_calendar import follow_up_calendars, occasion_rules, occasions

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
        ({"kind": " "}, "Occasion.kind: expected a non-empty text, got ''"),
        ({"due": "2024-01-01"}, r"Occasion.due: expected a datetime\.date, got '2024-01-01'"),
        ({"period": "2024"}, "Occasion.period: expected a Period or None, got '2024'"),
        ({"recipient": ""}, "Occasion.recipient"),
        ({"contents": [""]}, r"contents\[0\]: expected a non-empty text"),
        ({"contents": 3}, "contents: expected a collection of texts, got 3"),
        ({"reported": "D/X"}, "reported: expected the flags D .delår. and/or B"),
        ({"shift": "later"}, "shift: expected a Shift"),
        ({"due": D(1900, 1, 1)}, "year: expected a year 1953–9999"),
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
        cal.to_ics(between=Period.year(2024), stamp=dt.datetime(2024, 1, 1))


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
    text = cal.to_ics(between=Period.year(2024), stamp=STAMP)
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
    text = cal.to_ics(between=Period.year(2024), locale="en", stamp=STAMP)
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
    (event,) = icalendar.Calendar.from_ical(cal.to_ics(between=Period.year(9999))).walk("VEVENT")
    assert event.decoded("DTSTART") == last.due
    assert "DTEND" not in event
    assert cal.next_due(after=D(1953, 1, 1)) == cal.year(9990)[0]


def test_uids_are_stable_and_name_dependent() -> None:
    cal = tricky_calendar()
    first = [e["UID"] for e in events(cal.to_ics(between=Period.year(2024), stamp=STAMP))]
    later = cal.to_ics(between=(D(2024, 4, 1), D(2024, 12, 31)), stamp=STAMP + dt.timedelta(9))
    assert [e["UID"] for e in events(later)] == first[1:]
    # Closing a day moves a deadline but keeps its UID; renaming the calendar changes it.
    moved = attrs.evolve(cal, working_days=WorkingDays(closed=[D(2024, 4, 15)]))
    moved_ev = events(moved.to_ics(between=Period.year(2024), stamp=STAMP))
    assert [e["UID"] for e in moved_ev] == first
    assert moved_ev[1]["DTSTART;VALUE=DATE"] == "20240412"
    renamed = attrs.evolve(cal, name="Annan nämnd")
    renamed_ev = events(renamed.to_ics(between=Period.year(2024), stamp=STAMP))
    assert {e["UID"] for e in renamed_ev}.isdisjoint(first)


def test_equal_identity_different_contents_still_get_unique_uids() -> None:
    a = Occasion("x", D(2024, 3, 1), contents=["mål"])
    cal = FollowUpCalendar("T", occasions=[a, attrs.evolve(a, contents=["nyckeltal"])])
    uids = [e["UID"] for e in events(cal.to_ics(between=Period.year(2024), stamp=STAMP))]
    assert len(set(uids)) == 2


def test_default_stamp_is_now_in_utc() -> None:
    text = FollowUpCalendar("T", occasions=[Occasion("x", D(2024, 3, 1))]).to_ics(
        between=Period.year(2024)
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
    evs = events(cal.to_ics(between=Period.year(year), stamp=STAMP))
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


def oxelosund_plan() -> Plan:
    """A slice of Oxelösund's plan: KF goals with D/B flags, nämndmål and their measures."""
    return Plan(
        id="oxelosund-von",
        years=(2023, 2025),
        levels=("KF-mål", "Nämndmål"),
        goals=[
            Goal(
                id="kf-deltagande",
                title="Fler invånare deltar i kommunala verksamheter",
                reported_in="D/B",
                children=[
                    Goal(
                        id="n-traffpunkt",
                        title="Öka deltagandet i öppen träffpunkt (ÄF)",
                        reported_in="D/B",
                        indicators=[
                            Indicator(id="deltagare", frequency="Månadsvis"),
                            Indicator(
                                id="sjukfranvaro",
                                frequency="Månadsvis (en månads eftersläpning)",
                            ),
                            Indicator(id="enkat", frequency="Årligen, publiceras i april"),
                        ],
                    )
                ],
            ),
            Goal(
                id="kf-trygghet",
                title="Trygghet bland barn och ungdomar ökar",
                reported_in="B",
                children=[
                    Goal(
                        id="n-forebyggande",
                        reported_in="B",
                        indicators=[Indicator(id="besok", frequency="Månadsvis")],
                    )
                ],
            ),
        ],
    )


def test_contents_for_delarsrapport_and_bokslut() -> None:
    plan = oxelosund_plan()
    delar = Occasion(
        "delårsrapport", D(2023, 9, 25), Period.delar(2023), "KF", ["mål"], reported="D"
    )
    got = FollowUpCalendar("T").contents_for(delar, plan)
    assert [e.id for e in got] == [
        "kf-deltagande",
        "n-traffpunkt",
        "deltagare",
        "sjukfranvaro",
        "enkat",
    ]
    by_id = {e.id: e for e in got}
    assert by_id["deltagare"].available
    assert by_id["deltagare"].path == "goals[0].children[0].indicators[0]"
    # A month's lag: jan–aug is known on 1 October, after the report is due.
    assert not by_id["sjukfranvaro"].available
    assert by_id["sjukfranvaro"].reason == "not_yet_available"
    assert by_id["sjukfranvaro"].available_from == D(2023, 10, 1)
    assert by_id["sjukfranvaro"].explain() == (
        "Ej tillgängligt än: utfallet finns tidigast 2023-10-01 (månadsvis, 1 månads eftersläpning)"
    )
    assert by_id["enkat"].available_from == D(2024, 4, 1)
    assert by_id["kf-deltagande"].explain("en") == "Can be assessed"

    bokslut = Occasion(
        "årsredovisning", D(2024, 2, 28), Period.year(2023), "KF", ["mål"], reported="B"
    )
    got_b = {e.id: e for e in contents_for(bokslut, plan)}
    assert set(got_b) == {
        "kf-deltagande",
        "n-traffpunkt",
        "deltagare",
        "sjukfranvaro",
        "enkat",
        "kf-trygghet",
        "n-forebyggande",
        "besok",
    }
    assert got_b["sjukfranvaro"].available
    assert not got_b["enkat"].available  # the survey is published in April


def test_contents_for_without_flags_goes_by_frequency_and_contents() -> None:
    plan = oxelosund_plan()
    per_mars = Occasion("månadsrapport", D(2023, 4, 14), Period(2023, 1, 3), "KS", ["mål"])
    ids = [e.id for e in contents_for(per_mars, plan)]
    assert "enkat" not in ids  # a yearly figure says nothing per mars
    assert {"deltagare", "sjukfranvaro", "besok"} <= set(ids)
    budget = Occasion("budgetbeslut", D(2023, 6, 15), Period.year(2024), "KF", ["budget"])
    assert contents_for(budget, plan) == ()
    with pytest.raises(CalendarError, match="contents_for: expected an Occasion"):
        contents_for("delår", plan)  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="contents_for: expected a Plan"):
        contents_for(per_mars, "plan")  # type: ignore[arg-type]


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
