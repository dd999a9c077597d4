from __future__ import annotations

import inspect
import types

import pytest

import styrmodell as sm

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
