"""assess_frame on polars: the same verdicts as the object path, exactly (issue 13)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import polars as pl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from _frames_cases import (
    YEAR,
    cases,
    columns,
    disagreements,
    needed_scale,
    verdicts_of_frame,
    verdicts_of_objects,
)
from styrmodell import (
    Bands,
    Goal,
    Indicator,
    Outcome,
    Period,
    Plan,
    RollUp,
    SerializationError,
    ThresholdError,
    assess,
)
from styrmodell.families import Family, register, unregister
from styrmodell.frames import assess_frame, rollup_frame


def _examples() -> int:
    # 50 in the normal suite; the thorough profile (HYPOTHESIS_PROFILE=thorough) runs 1000.
    return 1000 if settings.default.max_examples >= 1000 else 50


@settings(max_examples=_examples())
@given(cases())
def test_polars_agrees_with_assess_on_every_edge(case) -> None:
    """Values on, just inside and just outside every edge and half-point: zero disagreements."""
    frame = pl.DataFrame(columns(case), schema_overrides={"year": pl.Int64})
    result = assess_frame(case.plan, frame, year=YEAR, as_of=case.as_of, scale=needed_scale(case))
    found = disagreements(
        verdicts_of_objects(case), verdicts_of_frame(result.iter_rows(named=True))
    )
    assert found == []


POLICIES = [
    RollUp.WORST,
    RollUp.MAJORITY,
    RollUp.share(),
    RollUp.share(Decimal("0.6"), Decimal("0.3")),
    RollUp.WORST.counting(),
    RollUp.MAJORITY.counting(),
    RollUp.share().counting(),
]
_RULE = Bands.higher_is_better(60, 40)
_VALUES = {"green": "70", "yellow": "50", "red": "30", "none": None}


def _tree() -> Plan:
    def ind(i: str) -> Indicator:
        return Indicator(id=i, title=i, targets={YEAR: _RULE})

    return Plan(
        id="p",
        years=YEAR,
        levels=("KF-mål", "Nämndmål", "Delmål"),
        goals=[
            Goal(
                id="kf1",
                level=0,
                indicators=[ind("a")],
                children=[
                    Goal(id="n1", level=1, indicators=[ind("b"), ind("c"), ind("d")]),
                    Goal(
                        id="n2",
                        level=1,
                        indicators=[ind("e")],
                        children=[Goal(id="d1", level=2, indicators=[ind("f"), ind("g")])],
                    ),
                ],
            ),
            Goal(id="kf2", level=0, indicators=[ind("h"), ind("i")]),
            Goal(id="kf3", level=0),
        ],
    )


@settings(max_examples=40)
@given(
    st.lists(st.sampled_from(POLICIES), min_size=4, max_size=4),
    st.lists(
        st.lists(st.sampled_from(sorted(_VALUES)), min_size=9, max_size=9), min_size=1, max_size=4
    ),
)
def test_rollup_frame_agrees_with_assess_for_every_org_unit(policies, units) -> None:
    plan = attrs.evolve(_tree(), rollups={0: policies[0], 1: policies[1], 2: policies[2]})
    rows = [
        (ident, f"u{n}", _VALUES[colour])
        for n, colours in enumerate(units)
        for ident, colour in zip("abcdefghi", colours, strict=True)
        if _VALUES[colour] is not None
    ]
    assume(rows)
    frame = pl.DataFrame(
        {
            "indicator": [r[0] for r in rows],
            "org_unit": [r[1] for r in rows],
            "year": [YEAR] * len(rows),
            "value": [r[2] for r in rows],
        }
    )
    goals = rollup_frame(plan, assess_frame(plan, frame, year=YEAR), rollup=policies[3])
    found = {(r["goal"], r["org_unit"]): r["status"] for r in goals.iter_rows(named=True)}
    outcomes = [Outcome(i, Period.year(YEAR), v, org_unit=u) for i, u, v in rows]
    expected = {}
    for unit in {r[1] for r in rows}:
        card = assess(plan, outcomes, YEAR, org_unit=unit, rollup=policies[3])
        expected |= {(g.id, unit): g.status.value for g in card.walk()}
    assert found == expected


def test_a_family_without_a_kernel_is_refused_by_name() -> None:
    @attrs.frozen
    class Always:
        def assess(self, value, context=None):  # pragma: no cover - never judged here
            raise AssertionError

    register(Family(type=Always, tag="always_green", describe=str, explain=str))
    rule = Always()
    try:
        plan = Plan(
            id="p",
            years=YEAR,
            levels=("Nämndmål",),
            goals=[Goal(id="g", indicators=[Indicator(id="a", title="A", targets={YEAR: rule})])],
        )
        frame = pl.DataFrame({"indicator": ["a"], "year": [YEAR], "value": ["1"]})
        with pytest.raises(ThresholdError, match=r"always_green family .* has no kernel"):
            assess_frame(plan, frame, year=YEAR)
    finally:
        unregister(Always)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), 1e300])
def test_values_that_cannot_be_judged_exactly_are_refused(bad: float) -> None:
    plan = _tree()
    frame = pl.DataFrame({"indicator": ["a", "b"], "year": [YEAR, YEAR], "value": [bad, 50.0]})
    with pytest.raises(SerializationError, match="1 row"):
        assess_frame(plan, frame, year=YEAR)
