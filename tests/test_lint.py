from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import line_pieces
from styrmodell import (
    Bands,
    BudgetDeviation,
    CompareToReference,
    Context,
    Direction,
    Finding,
    Interval,
    Status,
    TargetValue,
    ThresholdError,
    Unit,
    YearOverYear,
    describe,
    lint,
)
from styrmodell._thresholds._text import Span
from styrmodell.families import Family, register, unregister
from styrmodell.strategies import bands, thresholds

HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
SICK = Bands(green="(-inf, 2.2)", yellow="[2.3, 2.9]", red="(3, inf)", unit=Unit.PERCENT)


def test_a_clean_rule_has_no_findings():
    assert lint(Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)")) == []
    assert lint(Bands.plus_minus("[0, 0.5]", "(0.5, 2]", "(2, inf)")) == []
    assert lint(TargetValue(">=", 5)) == []
    assert lint(sm.Milestone()) == []
    assert lint(sm.Duration("3 månader")) == []
    assert lint(CompareToReference(tolerance=1)) == []
    assert lint(YearOverYear(direction=HIB, unchanged=Status.GREEN)) == []


def test_gaps_without_precision():
    findings = lint(SICK)
    assert [(f.kind, f.severity, f.interval, f.count, f.values) for f in findings] == [
        ("gap", "error", Interval.parse("[2.2, 2.3)"), None, ()),
        ("gap", "error", Interval.parse("(2.9, 3]"), None, ()),
    ]
    assert [f.message() for f in findings] == [
        "Glapp: värden från 2,2\xa0% till under 2,3\xa0% får ingen färg",
        "Glapp: värden över 2,9\xa0% till 3\xa0% får ingen färg",
    ]
    assert [f.message("en") for f in findings] == [
        "Gap: values from 2.2% to less than 2.3% get no colour",
        "Gap: values more than 2.9% up to 3% get no colour",
    ]


def test_gaps_with_precision_list_the_reportable_values():
    findings = lint(attrs.evolve(SICK, precision="0.1"))
    assert [(f.values, f.count) for f in findings] == [
        ((Decimal("2.2"),), 1),
        ((Decimal("3.0"),), 1),
    ]
    assert [str(f) for f in findings] == [
        "Glapp: 2,2\xa0% får ingen färg (värden från 2,2\xa0% till under 2,3\xa0%)",
        "Glapp: 3,0\xa0% får ingen färg (värden över 2,9\xa0% till 3\xa0%)",
    ]
    assert findings[0].message("en") == (
        "Gap: 2.2% gets no colour (values from 2.2% to less than 2.3%)"
    )


def test_a_gap_closed_by_the_precision_is_info():
    rule = Bands(green="(-inf, 30]", yellow="[31, 40]", red="(40, inf)", precision=1)
    (finding,) = lint(rule)
    assert (finding.kind, finding.severity, finding.count) == ("gap", "info", 0)
    assert finding.interval == Interval.open(30, 31)
    assert finding.message() == (
        "Glappet över 30 till under 31 stängs av precisionen 1: inget rapporterat värde hamnar där"
    )
    assert finding.message("en") == (
        "The gap more than 30 to less than 31 is closed by the precision 1: "
        "no reported value falls in it"
    )


def test_long_gaps_list_ten_values_and_an_ellipsis_on_the_open_side():
    above = lint(Bands(green="(-inf, 1)", precision="0.1"))[0]
    assert above.count is None
    assert above.values == tuple(Decimal(f"1.{i}") for i in range(10))
    assert above.message("en").startswith("Gap: 1.0, 1.1, ")
    assert above.message("en").endswith("1.9 … get no colour (values from 1)")
    below = lint(Bands(green="(1, inf)", precision="0.1"))[0]
    assert below.values == (*(Decimal(f"0.{i}") for i in range(1, 10)), Decimal("1.0"))
    assert below.message("en") == (
        "Gap: … 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0 get no colour (values up to 1)"
    )
    bounded = lint(Bands(green="(-inf, 0]", red="[20, inf)", precision="0.1"))[0]
    assert bounded.count == 199
    assert len(bounded.values) == 10
    assert bounded.message().endswith("0,9, 1,0 … får ingen färg (värden över 0 till under 20)")


def test_order_against_the_declared_direction():
    rule = Bands(green="(-inf, 5)", yellow="[5, 10]", red="(10, inf)", direction=HIB)
    (finding,) = lint(rule)
    assert (finding.kind, finding.severity) == ("order", "error")
    assert finding.message() == (
        "Färgerna följer inte riktningen (högre är bättre); från lågt till högt: "
        "Grönt (mindre än 5), Gult (5–10), Rött (mer än 10)"
    )
    assert finding.message("en") == (
        "The statuses do not follow the direction (higher is better); from low to high: "
        "Green (less than 5), Yellow (5–10), Red (more than 10)"
    )
    assert lint(attrs.evolve(rule, direction=LIB)) == []
    assert lint(attrs.evolve(rule, direction=None)) == []


def test_best_in_the_middle_is_ordered_without_a_direction():
    assert lint(Bands(green="[0, 10]", yellow="(10, 20]", red="(-inf, 0) | (20, inf)")) == []
    (finding,) = lint(Bands(green="[0, 10]", yellow="(-inf, 0) | (20, inf)", red="(10, 20]"))
    assert finding.kind == "order"
    assert finding.message("en") == (
        "The statuses are not ordered along one direction; from low to high: "
        "Yellow (less than 0), Green (0–10), Red (more than 10 and at most 20), "
        "Yellow (more than 20)"
    )


def test_unreachable_and_empty_yellow():
    (unreachable,) = lint(Bands(green="(0, 1)", red="(-inf, 0] | [1, inf)", precision=1))
    assert (unreachable.kind, unreachable.severity, unreachable.count) == (
        "unreachable",
        "warning",
        0,
    )
    assert unreachable.message() == (
        "Grönt (mer än 0 och mindre än 1) kan aldrig nås: inget värde med precisionen 1 ligger där"
    )
    (empty,) = lint(
        Bands(green="[2, inf)", yellow="(1, 2)", red="(-inf, 1]", precision=1, unit=Unit.PERCENT)
    )
    assert empty.kind == "empty_yellow"
    assert empty.interval == Interval.open(1, 2)
    assert empty.message("en") == (
        "Yellow (more than 1% and less than 2%) can never be reached: "
        "no value at the precision 1 lies there"
    )


def test_exact_yellow_of_a_comparison_is_flagged():
    (same,) = lint(CompareToReference())
    assert (same.kind, same.severity) == ("empty_yellow", "warning")
    assert same.message() == (
        "Gult gäller bara ett värde lika med riket; ange en tolerans för vad som räknas som "
        "samma nivå"
    )
    (unchanged,) = lint(YearOverYear(direction=HIB))
    assert unchanged.message("en") == (
        "Yellow applies only to a value exactly unchanged; give a tolerance for what counts as "
        "the same level"
    )
    assert lint(CompareToReference(unit=Unit.COUNT)) == []
    assert lint(CompareToReference(yellow=False)) == []


def test_findings_are_sorted_by_severity_and_carry_the_path():
    rule = Bands(
        green="[2, 3)", yellow="(1, 2)", red="(-inf, 1] | [3, 4)", precision=1, direction=HIB
    )
    findings = lint(rule, path="goals[0].indicators[1].targets[2024]")
    severities = [f.severity for f in findings]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    assert {f.kind for f in findings} >= {"gap", "empty_yellow", "order"}
    assert all(f.path == "goals[0].indicators[1].targets[2024]" for f in findings)
    assert all(f.message().startswith("goals[0].indicators[1].targets[2024]: ") for f in findings)


def test_lint_of_wrapped_families_uses_their_bands():
    budget = BudgetDeviation(green="[0, 0.5]", yellow="(0.5, 2]", red="(2, inf) | (-inf, -2)")
    (gap,) = lint(budget)
    assert gap.interval == Interval.parse("[-2, 0)")
    assert gap.message() == "Glapp: värden från \u22122\xa0% till under 0\xa0% får ingen färg"


class Custom:
    def assess(self, value: Any, context: Context | None = None) -> sm.Assessment:
        return sm.Assessment(Status.GREEN, value, self, sm.Reason.BAND)


@pytest.fixture
def custom_family():
    family = register(
        Family(
            type=Custom,
            tag="always_green",
            describe=lambda rule, locale: "Alltid grönt" if locale == "sv" else "Always green",
            explain=lambda assessment, locale: "ok",
        )
    )
    yield family
    unregister(Custom)


def test_a_users_own_threshold_is_accepted(custom_family):
    assert lint(Custom()) == []
    assert describe(Custom()) == "Alltid grönt"
    assert describe(Custom(), "en") == "Always green"
    assert Custom().assess(1).explain() == "ok"


def test_an_unregistered_threshold_is_refused_naming_the_registry():
    with pytest.raises(ThresholdError, match="registered family"):
        describe(Custom())
    with pytest.raises(ThresholdError, match="registered family"):
        Custom().assess(1).explain()


@pytest.mark.parametrize("thing", [None, 5, "Grönt: mer än 60%", Interval.above(60)])
def test_lint_and_describe_reject_non_thresholds(thing):
    with pytest.raises(ThresholdError, match="expected a threshold"):
        lint(thing)
    with pytest.raises(ThresholdError, match="expected a threshold"):
        describe(thing)


def test_finding_is_a_frozen_value():
    span = Span(Interval.parse("[2.2, 2.3)"), Unit.PERCENT)
    f = Finding(kind="gap", severity="error", code="lint.gap.open", params={"span": span})
    assert f == Finding(kind="gap", severity="error", code="lint.gap.open", params={"span": span})
    assert hash(f) == hash(attrs.evolve(f))
    assert (f.message(), f.message("en"), str(f)) == (
        "Glapp: värden från 2,2\xa0% till under 2,3\xa0% får ingen färg",
        "Gap: values from 2.2% to less than 2.3% get no colour",
        "Glapp: värden från 2,2\xa0% till under 2,3\xa0% får ingen färg",
    )
    assert f.text("en") == f.message("en")
    assert attrs.evolve(f, path="x").text("en") == f.text("en")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        f.kind = "order"  # type: ignore[misc]


def test_findings_keep_their_parameters_as_data():
    (gap,) = lint(Bands(green="(-inf, 30]", yellow="[31, 40]", red="(40, inf)"))
    assert gap.code == "lint.gap.open"
    assert gap.params == {"span": Span(Interval.open(30, 31), None)}
    assert pickle.loads(pickle.dumps(gap)) == gap


# -- properties -----------------------------------------------------------------------


@given(bands(gaps=True, precision=None))
def test_every_uncoloured_piece_is_inside_a_reported_gap(rule):
    gaps = [f.interval for f in lint(rule) if f.kind == "gap"]
    for piece, status in line_pieces(rule):
        inside = [g for g in gaps if g.intersection(piece) is not None]
        if status is None:
            assert inside
            assert all(g.intersection(piece) == piece for g in inside)
        else:
            assert not inside


@given(bands(gaps=True, precision=Decimal("0.1")))
def test_listed_gap_values_really_get_no_colour(rule):
    for f in lint(rule):
        if f.kind != "gap":
            continue
        assert f.severity == ("info" if f.count == 0 else "error")
        assert all(v in f.interval for v in f.values)
        assert rule.classify(list(f.values)) == [Status.NOT_ASSESSED] * len(f.values)
        if f.count is not None and f.count <= 10:
            assert len(f.values) == f.count


@given(st.sampled_from(Direction).flatmap(lambda d: bands(direction=d, gaps=True, precision=None)))
def test_reversing_the_direction_of_a_graded_rule_is_an_order_error(rule):
    assert not [f for f in lint(rule) if f.kind == "order"]
    walk = [s for _, s in line_pieces(rule) if s is not None]
    distinct = [s for i, s in enumerate(walk) if i == 0 or walk[i - 1] is not s]
    flipped = attrs.evolve(rule, direction=rule.direction.opposite)
    has_order = any(f.kind == "order" for f in lint(flipped))
    assert has_order == (len(set(distinct)) > 1)


@given(thresholds())
def test_lint_never_raises_and_every_finding_speaks_both_languages(rule):
    for f in lint(rule, path="x"):
        assert f.kind in ("gap", "order", "unreachable", "empty_yellow")
        assert f.severity in ("error", "warning", "info")
        assert f.code.startswith("lint.")
        assert f.message("sv").startswith("x: ")
        assert f.message("en").startswith("x: ")
        assert f.message("sv") != f.message("en")
    assert describe(rule)
    assert describe(rule, "en")
