from __future__ import annotations

import copy
import os
import pickle
import subprocess
import sys
import textwrap
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import Status
from styrmodell import strategies as sms

FAMILIES = (
    sm.Interval,
    sm.Bands,
    sm.CompareToReference,
    sm.YearOverYear,
    sm.TargetValue,
    sm.BudgetDeviation,
    sm.Milestone,
    sm.Duration,
)
MISSING_CONTEXT_REASONS = {
    "missing_reference",
    "missing_history",
    "missing_year",
    "missing_budget",
    "missing_date",
    "not_due",
    "pending",
    "missing_population",
}


def _run(code: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYPOTHESIS")}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_import_styrmodell_does_not_import_hypothesis():
    out = _run(
        """
        import sys
        import styrmodell
        from styrmodell import Bands, lint, describe
        rule = Bands(green="(60, inf)", red="(-inf, 60]")
        lint(rule), describe(rule), rule.assess(61)
        print(sorted(m for m in sys.modules if m.split(".")[0] == "hypothesis"))
        """
    )
    assert out == "[]"


def test_the_entry_point_registers_the_types_without_importing_strategies():
    out = _run(
        """
        import sys
        import hypothesis
        from hypothesis import strategies as st
        import styrmodell as sm
        print("styrmodell.strategies" in sys.modules)
        rule = st.from_type(sm.Bands).example()
        plan = st.from_type(sm.Interval).example()
        print(type(rule).__name__, type(plan).__name__, "styrmodell.strategies" in sys.modules)
        """
    )
    assert out.splitlines() == ["False", "Bands Interval True"]


@given(st.data())
def test_from_type_works_for_every_family(data):
    for family in FAMILIES:
        value = data.draw(st.from_type(family))
        assert isinstance(value, family)


@given(st.from_type(sm.Bands))
def test_from_type_bands_are_valid(rule):
    assert rule.bands()
    assert sm.describe(rule)


@given(sms.decimals(min_value=-5, max_value=5, places=1))
def test_decimals(d):
    assert isinstance(d, Decimal)
    assert d.is_finite()
    assert -5 <= d <= 5
    assert d == d.quantize(Decimal("0.1"))


@given(sms.numbers())
def test_numbers_are_friendly_input(value):
    assert isinstance(value, int | float | str | Decimal)
    assert not isinstance(value, bool)
    assert sm._numbers.to_decimal(value).is_finite()


@given(sms.intervals(min_value=0, max_value=10))
def test_intervals_are_valid_and_in_range(iv):
    for bound in (iv.lower, iv.upper):
        assert bound is None or 0 <= bound <= 10


@given(
    sms.bands(
        direction=sm.Direction.LOWER_IS_BETTER, precision=Decimal("0.1"), unit=sm.Unit.PERCENT
    )
)
def test_bands_options_are_honoured(rule):
    assert rule.direction is sm.Direction.LOWER_IS_BETTER
    assert rule.precision == Decimal("0.1")
    assert rule.unit is sm.Unit.PERCENT
    assert not [f for f in sm.lint(rule) if f.kind in ("order", "gap") and f.severity == "error"]


@given(sms.bands(direction=None, precision=None))
def test_bands_without_direction(rule):
    assert rule.direction is None
    assert rule.precision is None


@given(sms.thresholds())
def test_every_family_round_trips_through_pickle_copy_and_equality(rule):
    assert isinstance(rule, sm.Threshold)
    for copied in (pickle.loads(pickle.dumps(rule)), copy.deepcopy(rule), copy.copy(rule)):
        assert copied == rule
        assert hash(copied) == hash(rule)
        assert sm.describe(copied) == sm.describe(rule)


@given(sms.thresholds(), st.data())
def test_values_and_contexts_fit_their_threshold(rule, data):
    ctx = data.draw(sms.contexts_for(rule))
    value = data.draw(sms.values_for(rule))
    a = rule.assess(value, ctx)
    assert a.threshold is rule
    assert isinstance(a.status, Status)
    if not isinstance(
        rule, sm.Bands | sm.TargetValue | sm.BudgetDeviation | sm.Milestone | sm.Duration
    ):
        assert a.status.is_colour
    assert a.explain()
    assert a.explain("en")
    copied = pickle.loads(pickle.dumps(rule))
    assert copied.assess(value, ctx).status is a.status


@given(sms.thresholds(), st.data())
def test_assess_never_raises_for_missing_context(rule, data):
    value = data.draw(sms.values_for(rule))
    a = rule.assess(value, sm.Context())
    assert a.status.is_colour or a.reason in MISSING_CONTEXT_REASONS | {"gap"}
    if a.reason in MISSING_CONTEXT_REASONS:
        assert a.status is Status.NOT_ASSESSED
    assert rule.assess(value).status is a.status
    assert rule.assess(None).reason == "no_value"
    assert rule.assess(None).status is Status.NOT_ASSESSED


@given(sms.thresholds())
def test_none_is_no_value_for_every_family(rule):
    a = rule.assess(None, sm.Context(year=2020))
    assert (a.status, a.reason, a.value) == (Status.NOT_ASSESSED, "no_value", None)
