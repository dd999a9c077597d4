"""The public API: the namespace of DESIGN §3, the themed submodules, and what they return."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pickle
import pkgutil
import subprocess
import sys
import types
import typing
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import styrmodell as sm
from _cases import BAD_IDS, BAD_NUMBERS, GOOD_NUMBERS, names_value

PACKAGE = Path(sm.__file__).parent

# DESIGN.md §3: the names importable from `styrmodell` (a contract).
DESIGN_NAMES = {
    "Status", "Direction", "Unit", "Gender", "Period", "Interval", "Threshold", "Assessment",
    "Context", "Reason", "Bands", "CompareToReference", "Milestone", "Progress", "YearOverYear",
    "TargetValue", "BudgetDeviation", "Duration", "Rank", "RelativeChange", "PeriodAverage",
    "Attainment", "lint", "Finding", "Plan", "Goal", "Indicator", "Baseline", "Perspective",
    "OrgUnit", "Outcome", "Outcomes", "assess", "Scorecard", "RollUp", "FollowUpCalendar",
    "Occasion", "Ledger", "InvestmentBudget", "ActionPlan", "Activity", "parse_threshold",
    "describe", "dumps", "loads", "load", "dump", "converter", "make_converter", "render",
    "Problem", "StyrmodellError", "ThresholdError", "PlanError", "LedgerError", "CalendarError",
    "ParseError", "SerializationError",
}  # fmt: skip
# §3 names whose code arrives with other work (new threshold families, make_converter):
# checked below as soon as some module of styrmodell defines them.
ARRIVING = {"Rank", "RelativeChange", "PeriodAverage", "Attainment", "make_converter"}


def public_modules() -> dict[str, types.ModuleType]:
    """`styrmodell` and every public submodule, by name."""
    names = sorted(
        [p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")]
        + [
            p.parent.name
            for p in PACKAGE.glob("*/__init__.py")
            if not p.parent.name.startswith("_")
        ]
    )
    return {"styrmodell": sm} | {
        f"styrmodell.{n}": importlib.import_module(f"styrmodell.{n}") for n in names
    }


def private_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages([str(PACKAGE)], "styrmodell.")
        if m.name.rpartition(".")[2].startswith("_")
    )


@pytest.mark.parametrize("name", sorted(DESIGN_NAMES - ARRIVING))
def test_design_names_are_importable_from_the_package(name: str) -> None:
    obj = getattr(sm, name)
    assert name in sm.__all__
    if isinstance(obj, type) or inspect.isfunction(obj):
        assert obj.__module__.startswith("styrmodell")
    exec(f"from styrmodell import {name}", {})


@pytest.mark.parametrize("name", sorted(ARRIVING))
def test_arriving_design_names_are_exported_once_some_module_defines_them(name: str) -> None:
    defined = [
        module for module in private_modules() if name in vars(importlib.import_module(module))
    ]
    assert (name in sm.__all__) == bool(defined), defined


# Beyond §3: `diff(old, new)` replaced the `Plan.diff` method (one way: a function above the
# model, so `_goals` need not import `_diff`).
BEYOND_DESIGN = {"diff"}


def test_the_top_level_holds_only_design_names() -> None:
    assert set(sm.__all__) <= DESIGN_NAMES | BEYOND_DESIGN
    assert len(set(sm.__all__)) <= 59  # the four families of issue 11 (ARRIVING) included


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff's RUF022 keeps: CONSTANTS, then Classes, then functions.
    kind = 0 if name.isupper() else 1 if name[:1].isupper() else 2
    return kind, name


def test_all_is_sorted_and_unique() -> None:
    for module in public_modules().values():
        assert module.__all__ == sorted(module.__all__, key=_isort_key), module.__name__
        assert len(set(module.__all__)) == len(module.__all__), module.__name__


def test_all_is_complete_and_dir_shows_it() -> None:
    shown = {name for name in dir(sm) if not name.startswith("_")}
    assert shown == set(sm.__all__) | set(sm._SUBMODULES)
    for name in sm.__all__:
        assert getattr(sm, name) is not None


def test_names_load_on_first_use_and_unknown_names_say_so() -> None:
    assert set(sm._LAZY) <= set(sm.__all__)
    for name, module in sm._LAZY.items():
        assert getattr(sm, name) is vars(importlib.import_module(module))[name]
    with pytest.raises(AttributeError, match="no attribute 'Plna'"):
        _ = sm.Plna  # type: ignore[attr-defined]


def test_every_public_submodule_loads_on_first_use() -> None:
    on_disk = {p.stem for p in PACKAGE.glob("*.py") if not p.stem.startswith("_")}
    on_disk |= {
        p.parent.name for p in PACKAGE.glob("*/__init__.py") if not p.parent.name.startswith("_")
    }
    assert on_disk == set(sm._SUBMODULES)
    code = (
        "import sys, styrmodell\n"
        f"for name in {sorted(sm._SUBMODULES)!r}:\n"
        "    assert f'styrmodell.{name}' not in sys.modules, name\n"
        "    assert getattr(styrmodell, name).__name__ == f'styrmodell.{name}'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_name_has_one_public_place() -> None:
    # One object, one public place; different things may share a name in different modules
    # (`styrmodell.kolada.outcomes` reads a snapshot, `styrmodell.strategies.outcomes` draws).
    places: dict[int, list[str]] = {}
    for module_name, module in public_modules().items():
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type | types.FunctionType):
                places.setdefault(id(obj), []).append(f"{module_name}.{name}")
    twice = [where for where in places.values() if len(where) > 1]
    assert twice == []


def test_every_exported_name_exists_and_is_documented() -> None:
    for module in public_modules().values():
        assert inspect.getdoc(module), module.__name__
        for name in module.__all__:
            assert inspect.getdoc(getattr(module, name)), f"{module.__name__}.{name}"


@pytest.mark.parametrize(
    "obj",
    [sm.assess, sm.Scorecard, sm.RollUp, sm.render, sm.results.GoalResult,
     sm.results.IndicatorResult, sm.types.FrozenMap],
    ids=lambda obj: obj.__qualname__,
)  # fmt: skip
def test_assessment_and_report_names_show_an_example(obj: object) -> None:
    assert ">>>" in (inspect.getdoc(obj) or "")


def _public_types() -> set[type]:
    found: set[type] = set()
    for module in public_modules().values():
        for name in module.__all__:
            obj = getattr(module, name)
            if isinstance(obj, type):
                found.add(obj)
    return found


def _namespace() -> dict[str, Any]:
    """Every name of every module of styrmodell, to resolve annotations that name a type
    imported only for type checkers."""
    out: dict[str, Any] = {}
    for module in [*private_modules(), *public_modules()]:
        out.update(
            (k, v)
            for k, v in vars(importlib.import_module(module)).items()
            if not k.startswith("__")
        )
    return out


def _classes_in(hint: object) -> set[type]:
    """Every class a type hint names (through unions, generics and Literal)."""
    if isinstance(hint, type):
        return {hint}
    out: set[type] = set()
    if typing.get_origin(hint) is typing.Literal:
        return out
    origin = typing.get_origin(hint)
    if isinstance(origin, type):
        out.add(origin)
    for arg in typing.get_args(hint):
        out |= _classes_in(arg)
    return out


def test_nothing_private_is_returned_by_public_api() -> None:
    """Fields, properties and return values of public names are public types or builtins."""
    public = _public_types()
    namespace = _namespace()
    leaks: set[str] = set()
    for module in public_modules().values():
        if module.__name__ == "styrmodell.strategies":
            continue  # strategies return hypothesis' SearchStrategy
        for name in module.__all__:
            obj = getattr(module, name)
            members: list[tuple[str, Any]] = []
            if isinstance(obj, type):
                members = [
                    (f"{name}.{m}", v.fget if isinstance(v, property) else v)
                    for m, v in vars(obj).items()
                    if not m.startswith("_") and (callable(v) or isinstance(v, property))
                ]
                if attrs.has(obj):
                    hints = typing.get_type_hints(obj, localns=namespace)
                    for field in attrs.fields(obj):
                        if not field.name.startswith("_"):
                            for cls in _classes_in(hints[field.name]):
                                if cls.__module__.startswith("styrmodell") and cls not in public:
                                    leaks.add(f"{name}.{field.name}: {cls.__qualname__}")
            elif callable(obj):
                members = [(name, obj)]
            for where, function in members:
                function = getattr(function, "__func__", function)
                if not inspect.isfunction(function):
                    continue
                hint = typing.get_type_hints(function, localns=namespace).get("return")
                for cls in _classes_in(hint):
                    if cls.__module__.startswith("styrmodell") and cls not in public:
                        leaks.add(f"{where} -> {cls.__qualname__}")
    assert sorted(leaks) == []


def test_importing_styrmodell_loads_only_the_values_and_thresholds_layers() -> None:
    code = "import sys, styrmodell; print(' '.join(sorted(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    ours = {m for m in loaded if m.startswith("styrmodell.")}
    upper = {
        "styrmodell._goals",
        "styrmodell._outcomes",
        "styrmodell._calendar",
        "styrmodell._ledger",
        "styrmodell._assessment",
        "styrmodell._report",
        "styrmodell._serialization",
        "styrmodell._cli",
        "styrmodell._parse",
    }
    assert ours & upper == set()
    assert "hypothesis" not in loaded
    assert "cattrs" not in loaded


def test_errors_form_one_hierarchy_of_value_errors() -> None:
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


def test_version() -> None:
    assert isinstance(sm.__version__, str)
    assert sm.__version__.count(".") == 2


def test_strategies_module_exports_what_it_lists() -> None:
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
