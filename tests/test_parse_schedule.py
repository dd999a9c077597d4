"""Targets staged by year in one text: ``read_schedule`` ("9 % 2020, 15 % 2025, 30 % 2030")."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell._io.targets import read_target_table
from styrmodell._parse._grammar import read_schedule

PERCENT = sm.Unit.PERCENT


def at_least(n: int) -> sm.TargetValue:
    return sm.TargetValue(">=", n, unit=PERCENT)


def at_most(n: int) -> sm.TargetValue:
    return sm.TargetValue("<=", n, unit=PERCENT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "9 % 2020, 15 % 2025, 30 % 2030",
            {2020: at_least(9), 2025: at_least(15), 2030: at_least(30)},
        ),
        (
            "2024: 80 %, 2025: 85 %; 2026: 90 %",
            {2024: at_least(80), 2025: at_least(85), 2026: at_least(90)},
        ),
        ("Minst 80 % 2024, minst 85 % 2025", {2024: at_least(80), 2025: at_least(85)}),
        # Oxelösund's plan as printed: "max" holds for the later years too.
        (
            "Nettokostnadsandelen skall 2023 vara max 99%, 2024 100 % och 2025 100 %. (D/B)",
            {2023: at_most(99), 2024: at_most(100), 2025: at_most(100)},
        ),
        (
            "Högst 60 dagar 2024; högst 50 dagar 2026",
            {
                2024: sm.TargetValue("<=", 60, unit=sm.Unit.DAYS),
                2026: sm.TargetValue("<=", 50, unit=sm.Unit.DAYS),
            },
        ),
    ],
)
def test_a_schedule_reads_as_a_target_per_year(
    text: str, expected: dict[int, sm.Threshold]
) -> None:
    assert read_schedule(text) == expected


def test_the_direction_of_the_indicator_holds_for_bare_numbers() -> None:
    assert read_schedule("5 % 2024, 4 % 2025", direction=sm.Direction.LOWER_IS_BETTER) == {
        2024: at_most(5),
        2025: at_most(4),
    }


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Minst 80 %", "parse.not_schedule"),
        ("9 % 2020, 15 % 2020", "parse.not_schedule"),
        ("9 % 2020 och 2021, 15 % 2025", "parse.not_schedule"),
        ("9 % 2020, glass 2025", "parse.unexpected.rule"),
        ("9 % 2020, 15 dagar 2025", "parse.unit_conflict"),
    ],
)
def test_what_is_not_a_schedule(text: str, code: str) -> None:
    with pytest.raises(sm.ParseError) as raised:
        read_schedule(text, unit=PERCENT if "dagar" in text else None)
    assert raised.value.problems[0].code == code


@given(
    st.lists(st.integers(2000, 2060), min_size=2, max_size=5, unique=True),
    st.lists(st.integers(0, 100), min_size=5, max_size=5),
    st.sampled_from([("minst", ">="), ("högst", "<=")]),
    st.sampled_from([", ", "; ", " och "]),
)
def test_any_written_schedule_reads_back(
    years: list[int], values: list[int], word: tuple[str, str], sep: str
) -> None:
    said, comparator = word
    text = sep.join(f"{said} {v} % {y}" for y, v in zip(years, values, strict=False))
    assert read_schedule(text) == {
        y: sm.TargetValue(comparator, v, unit=PERCENT) for y, v in zip(years, values, strict=False)
    }


def test_the_import_reads_a_schedule_in_the_malvarde_column() -> None:
    draft = read_target_table(
        "Mål;Mått;Målvärde\nA;Andel förnybar energi;9 % 2020, 15 % 2025, 30 % 2030\n".encode()
    )
    assert draft.unread == ()
    assert draft.plan.years == (2020, 2030)
    assert draft.plan.all_indicators()[0].targets == {
        2020: at_least(9),
        2025: at_least(15),
        2030: at_least(30),
    }
    # In a year's column a schedule is not that year's target: it is listed, not read.
    draft = read_target_table("Mål;Mått;2024\nA;a;9 % 2020, 15 % 2025\n".encode())
    assert [u.problem.code for u in draft.unread] == ["parse.pending.staged"]
