from __future__ import annotations

import datetime as dt
import inspect
import pickle
import types
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, names_value

# The names of DESIGN.md §3 that issue 2 delivers (the rest arrive with later issues).
DESIGN_NAMES_OF_THIS_ISSUE = [
    "Status",
    "Direction",
    "Unit",
    "Interval",
    "Threshold",
    "Assessment",
    "Context",
    "Bands",
    "CompareToReference",
    "Milestone",
    "Progress",
    "YearOverYear",
    "TargetValue",
    "BudgetDeviation",
    "Duration",
    "lint",
    "Finding",
    "describe",
    "StyrmodellError",
    "ThresholdError",
    "PlanError",
    "LedgerError",
    "CalendarError",
    "ParseError",
    "SerializationError",
]


@pytest.mark.parametrize("name", DESIGN_NAMES_OF_THIS_ISSUE)
def test_design_names_are_importable_from_the_package(name):
    obj = getattr(sm, name)
    assert name in sm.__all__
    module = getattr(obj, "__module__", "")
    assert module.startswith("styrmodell")
    exec(f"from styrmodell import {name}", {})


def test_all_is_sorted_and_unique():
    assert sm.__all__ == sorted(sm.__all__)
    assert len(set(sm.__all__)) == len(sm.__all__)


def test_all_is_complete():
    public = {
        name
        for name, obj in vars(sm).items()
        if not name.startswith("_") and not isinstance(obj, types.ModuleType)
    }
    assert set(sm.__all__) == public


def test_every_exported_name_exists_and_is_documented():
    for name in sm.__all__:
        obj = getattr(sm, name)
        assert inspect.getdoc(obj), name


def test_errors_form_one_hierarchy_of_value_errors():
    for name in (
        "ThresholdError",
        "PlanError",
        "LedgerError",
        "CalendarError",
        "ParseError",
        "SerializationError",
    ):
        error = getattr(sm, name)
        assert issubclass(error, sm.StyrmodellError)
        assert issubclass(error, ValueError)


def test_version():
    assert isinstance(sm.__version__, str)
    assert sm.__version__.count(".") == 2


def test_strategies_module_exports_what_it_lists():
    from styrmodell import strategies

    assert strategies.__all__ == sorted(strategies.__all__)
    for name in strategies.__all__:
        assert callable(getattr(strategies, name))
        assert inspect.getdoc(getattr(strategies, name)), name


# -- every public entry point that takes a number --------------------------------------

_CTX = {"budget": 100}
# (name, call, accepts any finite number, None is meaningful there)
ENTRY_POINTS: list[tuple[str, Callable[[Any], object], bool, bool]] = [
    ("Interval(lower)", lambda v: sm.Interval(v, None), True, True),
    ("Interval(upper)", lambda v: sm.Interval(None, v), True, True),
    ("Interval.closed", lambda v: sm.Interval.closed(v, v), True, False),
    ("Interval.above", lambda v: sm.Interval.above(v), True, False),
    ("Interval.at_most", lambda v: sm.Interval.at_most(v), True, False),
    ("Interval.below", lambda v: sm.Interval.below(v), True, False),
    ("Interval.at_least", lambda v: sm.Interval.at_least(v), True, False),
    ("Interval.point", lambda v: sm.Interval.point(v), True, False),
    ("in Interval", lambda v: v in sm.Interval.everything(), True, False),
    ("Bands.assess", lambda v: PHONE.assess(v), True, True),
    ("Bands.classify", lambda v: PHONE.classify([v]), True, False),
    ("Bands.higher_is_better", lambda v: sm.Bands.higher_is_better(v), True, False),
    ("Bands.lower_is_better", lambda v: sm.Bands.lower_is_better(v), True, False),
    (
        "Bands.plus_minus center",
        lambda v: sm.Bands.plus_minus(sm.Interval.at_least(v), center=v),
        True,
        False,
    ),
    ("Bands precision", lambda v: sm.Bands(green="[0, 1]", precision=v), False, True),
    ("CompareToReference offset", lambda v: sm.CompareToReference(offset=v), True, False),
    ("CompareToReference tolerance", lambda v: sm.CompareToReference(tolerance=v), False, False),
    (
        "CompareToReference.assess",
        lambda v: sm.CompareToReference().assess(v, sm.Context(references={"riket": 1})),
        True,
        True,
    ),
    (
        "YearOverYear tolerance",
        lambda v: sm.YearOverYear(direction=sm.Direction.HIGHER_IS_BETTER, tolerance=v),
        False,
        False,
    ),
    (
        "YearOverYear.assess",
        lambda v: sm.YearOverYear(direction=sm.Direction.HIGHER_IS_BETTER).assess(
            v, sm.Context(year=2020, history={2019: 1})
        ),
        True,
        True,
    ),
    ("TargetValue target", lambda v: sm.TargetValue(">=", v), True, False),
    ("TargetValue yellow_margin", lambda v: sm.TargetValue(">=", 5, yellow_margin=v), False, True),
    ("TargetValue.assess", lambda v: sm.TargetValue(">=", 5).assess(v), True, True),
    (
        "BudgetDeviation.assess",
        lambda v: sm.BudgetDeviation.no_negative().assess(v, sm.Context(**_CTX)),
        True,
        True,
    ),
    (
        "BudgetDeviation.deviation_percent",
        lambda v: sm.BudgetDeviation.deviation_percent(v, 100),
        True,
        False,
    ),
    ("Context.budget", lambda v: sm.Context(budget=v), True, True),
    ("Context.references", lambda v: sm.Context(references={"riket": v}), True, False),
    ("Context.history", lambda v: sm.Context(history={2019: v}), True, False),
    ("Unit.format", lambda v: sm.Unit.PERCENT.format(v), True, False),
]
PHONE = sm.Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=sm.Unit.PERCENT)


@pytest.mark.parametrize(("value", "expected"), GOOD_NUMBERS)
@pytest.mark.parametrize(
    ("name", "call", "any_number", "none_ok"), ENTRY_POINTS, ids=[e[0] for e in ENTRY_POINTS]
)
def test_every_entry_point_accepts_friendly_numbers(
    name, call, any_number, none_ok, value, expected
):
    if any_number:
        assert call(value) == call(expected)


@pytest.mark.parametrize("value", BAD_NUMBERS, ids=BAD_IDS)
@pytest.mark.parametrize(
    ("name", "call", "any_number", "none_ok"), ENTRY_POINTS, ids=[e[0] for e in ENTRY_POINTS]
)
def test_every_entry_point_rejects_non_numbers_naming_the_value(
    name, call, any_number, none_ok, value
):
    if value is None and none_ok:
        call(value)  # None means "unbounded", "no value" or "none" there
        return
    with pytest.raises(sm.ThresholdError) as info:
        call(value)
    message = str(info.value)
    # None stands for an unbounded end: there the message names the infinity it became.
    assert names_value(message, value) or (value is None and "inf" in message), f"{name}: {message}"


# -- Context ---------------------------------------------------------------------------


def test_context_is_a_frozen_hashable_value():
    ctx = sm.Context(
        year=2020,
        as_of=dt.date(2020, 8, 31),
        references={"riket": "82,5"},
        history={2019: 80},
        budget=-1,
    )
    same = sm.Context(
        year=2020,
        as_of=dt.date(2020, 8, 31),
        references={"riket": Decimal("82.5")},
        history={2019: 80.0},
        budget="-1",
    )
    assert ctx == same
    assert hash(ctx) == hash(same)
    assert pickle.loads(pickle.dumps(ctx)) == ctx
    assert ctx.references["riket"] == Decimal("82.5")
    assert sm.Context() == sm.Context(references={}, history={})


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"year": "2020"}, "year"),
        ({"year": True}, "year"),
        ({"as_of": "1 januari 2020"}, "as_of"),
        ({"references": [("riket", 1)]}, "references"),
        ({"references": {"": 1}}, "references"),
        ({"history": {"2019": 1}}, "history"),
        ({"history": {True: 1}}, "history"),
        ({"history": 5}, "history"),
    ],
)
def test_context_rejects_bad_fields(kwargs, match):
    with pytest.raises(sm.ThresholdError, match=match):
        sm.Context(**kwargs)
