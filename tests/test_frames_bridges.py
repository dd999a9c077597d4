"""Bridges: outcomes to and from frames, scorecards to frames, one kommun's scorecard."""

from __future__ import annotations

import polars as pl
from hypothesis import given, settings

from _frames_cases import YEAR, cases, columns, needed_scale, outcomes, verdicts_of_frame
from styrmodell import Bands, Goal, Indicator, Outcomes, Plan, assess, render
from styrmodell.frames import (
    assess_frame,
    outcomes_from_frame,
    outcomes_to_frame,
    rollup_frame,
    scorecard_for,
    scorecard_to_frame,
)


@settings(max_examples=15)
@given(cases())
def test_outcomes_go_to_a_frame_and_back_unchanged(case) -> None:
    items = Outcomes(outcomes(case))
    assert outcomes_from_frame(outcomes_to_frame(items)) == items


@settings(max_examples=15)
@given(cases())
def test_a_scorecard_as_a_frame_says_what_assess_frame_says(case) -> None:
    card = assess(case.plan, outcomes(case), YEAR, as_of=case.as_of)
    frame = pl.DataFrame(columns(case), schema_overrides={"year": pl.Int64})
    result = assess_frame(case.plan, frame, year=YEAR, as_of=case.as_of, scale=needed_scale(case))
    ours = verdicts_of_frame(scorecard_to_frame(card).iter_rows(named=True))
    theirs = verdicts_of_frame(result.iter_rows(named=True))
    assert {k: v[:2] for k, v in ours.items()} == {k: v[:2] for k, v in theirs.items()}


def _plan() -> Plan:
    rule = Bands.higher_is_better(60, 40)
    return Plan(
        id="p",
        years=YEAR,
        levels=("KF-mål", "Nämndmål"),
        goals=[
            Goal(
                id="kf",
                level=0,
                title="Trygg uppväxt",
                children=[
                    Goal(
                        id="n",
                        level=1,
                        title="Fler elever klarar skolan",
                        indicators=[
                            Indicator(id=i, title=f"Indikator {i}", targets={YEAR: rule})
                            for i in "abc"
                        ],
                    )
                ],
            )
        ],
    )


def test_one_kommuns_scorecard_from_a_national_frame_renders_and_agrees() -> None:
    plan = _plan()
    units = [f"{k:04d}" for k in range(290)]
    frame = pl.DataFrame(
        {
            "indicator": [i for _ in units for i in "abc"],
            "year": [YEAR] * (3 * len(units)),
            "org_unit": [u for u in units for _ in "abc"],
            "value": [str((k * 7 + j * 31) % 100) for k in range(len(units)) for j in range(3)],
        }
    )
    goals = rollup_frame(plan, assess_frame(plan, frame, year=YEAR))
    expected = {
        r["goal"]: r["status"]
        for r in goals.filter(pl.col("org_unit") == "0180", pl.col("gender") == "T").iter_rows(
            named=True
        )
    }
    card = scorecard_for(plan, frame, YEAR, "0180")
    assert {g.id: g.status.value for g in card.walk()} == expected
    assert card.org_unit == "0180"
    assert {o.org_unit for r in card.all_indicators() for o in r.outcomes.values()} == {"0180"}
    text = render(card, "text")
    assert "Fler elever klarar skolan" in text
    assert "| Fler elever klarar skolan" in render(card, "markdown") or "Fler elever" in render(
        card, "markdown"
    )
    assert render(card, "html").lstrip().lower().startswith("<!doctype html")
