from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import (
    Bands,
    BudgetDeviation,
    CompareToReference,
    Direction,
    Gender,
    Goal,
    Indicator,
    Milestone,
    OrgUnit,
    Outcome,
    Outcomes,
    Period,
    Perspective,
    Plan,
    PlanError,
    Progress,
    RollUp,
    Status,
    TargetValue,
    Unit,
    YearOverYear,
    assess,
)

TEL = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)


def plan(**changes: object) -> Plan:
    kwargs: dict[str, object] = {
        "id": "p",
        "years": (2023, 2025),
        "levels": ("KF-mål", "Nämndmål"),
        "org_units": [OrgUnit("SOF"), OrgUnit("ÄF")],
        "perspectives": [Perspective("kund"), Perspective("ekonomi")],
        "goals": [
            Goal(
                id="kf",
                perspectives=["kund"],
                children=[
                    Goal(
                        id="sof",
                        responsible=["SOF"],
                        indicators=[
                            Indicator(id="tel", unit=Unit.PERCENT, target=TEL, by_gender=True),
                            Indicator(id="riket", target=CompareToReference(tolerance=1)),
                        ],
                    ),
                    Goal(
                        id="af",
                        responsible=["ÄF"],
                        indicators=[
                            Indicator(
                                id="frisk",
                                target=YearOverYear(direction=Direction.HIGHER_IS_BETTER),
                            ),
                            Indicator(id="gap", target=Milestone(due=dt.date(2023, 6, 30))),
                            Indicator(id="nomal"),
                        ],
                    ),
                ],
            ),
            Goal(
                id="eko",
                perspectives=["ekonomi"],
                indicators=[Indicator(id="budget", target=BudgetDeviation.no_negative())],
            ),
        ],
    }
    kwargs.update(changes)
    return Plan(**kwargs)  # type: ignore[arg-type]


OUTCOMES = Outcomes(
    [
        Outcome("tel", 2023, 61),
        Outcome("tel", 2023, 70, gender="K"),
        Outcome("tel", 2023, 30, gender="M"),
        Outcome("tel", 2023, 45, org_unit="SOF"),
        Outcome("riket", 2023, 84, references={"riket": 82}),
        Outcome("frisk", 2022, "91.74"),
        Outcome("frisk", 2023, "90.1"),
        Outcome("frisk", "Delår 2023", "95"),
        Outcome("gap", 2023, Progress.STARTED),
        Outcome("budget", 2023, -99_500, budget=-100_000),
    ]
)


def test_every_indicator_assessed_with_its_context() -> None:
    card = assess(plan(), OUTCOMES, 2023, as_of=dt.date(2023, 12, 31))
    assert card.indicator("tel").status is Status.GREEN
    assert card.indicator("riket").status is Status.GREEN
    assert card.indicator("riket").assessment.compared_with == 82
    frisk = card.indicator("frisk")
    assert frisk.status is Status.RED  # 90,1 < 91,74 the year before
    assert frisk.outcome is not None
    assert frisk.outcome.period == Period.year(2023)  # the full year wins over the delår
    assert card.indicator("gap").status is Status.RED  # overdue and only started
    assert card.indicator("nomal").status is Status.NOT_ASSESSED
    assert card.indicator("nomal").assessment.reason == "no_target"
    assert card.indicator("budget").status is Status.GREEN


def test_roll_up_worst_by_default() -> None:
    card = assess(plan(), OUTCOMES, 2023, as_of=dt.date(2023, 12, 31))
    assert card["sof"].status is Status.GREEN
    assert card["af"].status is Status.RED
    assert card["kf"].status is Status.RED
    assert card["eko"].status is Status.GREEN
    assert card["af"].counts() == {
        Status.GREEN: 0,
        Status.YELLOW: 0,
        Status.RED: 2,
        Status.NOT_ASSESSED: 1,
    }
    assert "Sämsta färgen styr" in card["af"].explain()


def test_roll_up_policy_per_level() -> None:
    p = plan(rollups={0: RollUp.MAJORITY})
    card = assess(p, OUTCOMES, 2023, as_of=dt.date(2023, 12, 31))
    assert card["kf"].policy == RollUp.MAJORITY
    assert card["kf"].status is Status.RED  # green and red tie → the worse
    card = assess(
        plan(), OUTCOMES, 2023, as_of=dt.date(2023, 12, 31), rollup=RollUp.share(0.5, 0.25)
    )
    assert card["kf"].status is Status.GREEN  # one of two parts green


def test_period_and_as_of_choose_the_outcome() -> None:
    card = assess(plan(), OUTCOMES, 2023, period=Period.delar(2023))
    assert card.indicator("frisk").outcome.period == Period.delar(2023)  # type: ignore[union-attr]
    assert card.indicator("frisk").status is Status.NOT_ASSESSED  # no delår 2022 to compare
    card = assess(plan(), OUTCOMES, 2023, as_of=dt.date(2023, 9, 15))
    assert card.indicator("frisk").outcome.period == Period.delar(2023)  # type: ignore[union-attr]
    # the full-year outcome of 2023 has not ended by 15 September
    assert card.indicator("gap").outcome is None


def test_per_gender_side_by_side_and_per_unit() -> None:
    card = assess(plan(), OUTCOMES, 2023)
    tel = card.indicator("tel")
    assert tel.by_gender() == {
        Gender.TOTAL: tel.assessment,
        Gender.WOMEN: TEL.assess(70),
        Gender.MEN: TEL.assess(30),
    }
    assert tel.for_unit("SOF").status is Status.YELLOW
    assert tel.for_unit("ÄF").status is Status.NOT_ASSESSED
    assert tel.org_units == (None, "SOF")
    sof_card = assess(plan(), OUTCOMES, 2023, org_unit="SOF")
    assert sof_card.indicator("tel").status is Status.YELLOW
    assert sof_card.indicator("riket").status is Status.NOT_ASSESSED


def test_lookups_counts_and_filters() -> None:
    card = assess(plan(), OUTCOMES, 2023, as_of=dt.date(2023, 12, 31))
    assert [g.id for g in card.walk()] == ["kf", "sof", "af", "eko"]
    assert card.counts() == {
        Status.GREEN: 2,
        Status.YELLOW: 0,
        Status.RED: 2,
        Status.NOT_ASSESSED: 0,
    }
    assert card.counts_by_level()["Nämndmål"][Status.RED] == 1
    assert card.counts("KF-mål")[Status.GREEN] == 1
    assert sum(card.indicator_counts().values()) == 6
    assert card.indicator_counts("K")[Status.GREEN] == 1
    assert [g.id for g in card.filter_goals(perspective="kund")] == ["kf", "sof", "af"]
    assert [g.id for g in card.filter_goals(responsible="ÄF")] == ["af"]
    assert [g.id for g in card.filter_goals(level=0, status=Status.GREEN)] == ["eko"]
    assert [i.id for i in card.filter_indicators(gender="M")] == ["tel"]
    assert [i.id for i in card.filter_indicators(gender="M", status=Status.RED)] == ["tel"]
    assert [i.id for i in card.filter_indicators(perspective="ekonomi")] == ["budget"]
    with pytest.raises(KeyError, match="nope"):
        card["nope"]
    with pytest.raises(KeyError, match="nope"):
        card.indicator("nope")
    with pytest.raises(KeyError, match="nope"):
        card.counts("nope")


def test_rows_and_explain() -> None:
    card = assess(plan(), OUTCOMES, 2023, as_of=dt.date(2023, 12, 31))
    rows = card.rows()
    assert len(rows) == 4 + 6
    tel = next(r for r in rows if r["id"] == "tel")
    assert tel["value"] == "61\xa0%"
    assert (tel["status_T"], tel["status_K"], tel["status_M"]) == ("Grönt", "Grönt", "Rött")
    assert tel["reason"] == TEL.assess(61).explain()
    nomal = next(r for r in rows if r["id"] == "nomal")
    assert nomal["target"] == "Målvärde saknas"
    assert nomal["status"] == "Ej bedömd"
    english = card.rows("en")
    assert next(r for r in english if r["id"] == "gap")["status"] == "Red"
    text = card.explain()
    assert "Kvinnor Grönt, Män Rött" in text
    assert text.splitlines()[-1].startswith("Mål totalt:")
    assert "Goals in total" in card.explain("en", reasons=False)


def test_no_outcome_says_so() -> None:
    card = assess(plan(), Outcomes([]), 2023)
    assert card.indicator("tel").explain() == "Utfall saknas → Ej bedömd"
    assert card.indicator("tel").explain("en") == "No outcome → Not assessed"
    assert card["kf"].status is Status.NOT_ASSESSED


def test_goal_without_parts() -> None:
    p = Plan(id="p", years=2019, levels=("A",), goals=[Goal(id="a")])
    card = assess(p, [], 2019)
    assert card["a"].status is Status.NOT_ASSESSED
    assert card["a"].explain() == "Inga indikatorer eller delmål"


def test_bad_arguments() -> None:
    with pytest.raises(PlanError, match="year"):
        assess(plan(), OUTCOMES, "2023")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="RollUp"):
        assess(plan(), OUTCOMES, 2023, rollup="worst")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="as_of"):
        assess(plan(), OUTCOMES, 2023, as_of="2023-12-31")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="period"):
        assess(plan(), OUTCOMES, 2023, period="Delår 2023")  # type: ignore[arg-type]


def test_target_per_year() -> None:
    p = Plan(
        id="p",
        years=(2023, 2025),
        levels=("A",),
        goals=[
            Goal(
                id="a",
                indicators=[
                    Indicator(
                        id="x",
                        targets={2023: TargetValue(">=", 72), 2024: TargetValue(">=", 80)},
                    )
                ],
            )
        ],
    )
    outs = [Outcome("x", 2023, 75), Outcome("x", 2024, 75)]
    assert assess(p, outs, 2023).indicator("x").status is Status.GREEN
    assert assess(p, outs, 2024).indicator("x").status is Status.RED
    assert assess(p, outs, 2025).indicator("x").assessment.reason == "no_target"


def availability_plan() -> Plan:
    return Plan(
        id="p",
        years=(2023, 2023),
        levels=("Nämndmål",),
        goals=[
            Goal(
                id="g",
                indicators=[
                    # A yearly survey published in April of the following year.
                    Indicator(
                        id="nöjd",
                        unit=Unit.PERCENT,
                        target=TargetValue(">=", 72, unit=Unit.PERCENT),
                        frequency="Årligen, publiceras i april",
                    ),
                    # Sick leave, monthly with one month's lag (Oxelösund's nyckeltal).
                    Indicator(
                        id="sjuk",
                        unit=Unit.PERCENT,
                        target=TargetValue("<", 8, unit=Unit.PERCENT),
                        frequency="Månadsvis (en månads eftersläpning)",
                    ),
                ],
            )
        ],
    )


def test_data_not_yet_available_is_never_a_false_red() -> None:
    outcomes = Outcomes(
        [
            Outcome("sjuk", "jan-jul 2023", "7.5"),
            Outcome("sjuk", "jan-aug 2023", "9.1"),
        ]
    )
    # The delårsrapport is due in October; at 15 September the August figure (one month's
    # lag) is not there yet, so jan–jul is judged. The yearly survey is months away.
    card = assess(availability_plan(), outcomes, 2023, as_of=dt.date(2023, 9, 15))
    sjuk = card.indicator("sjuk")
    assert sjuk.outcome is not None
    assert sjuk.outcome.period == Period.months(2023, 1, 7)
    assert sjuk.status is Status.GREEN
    nojd = card.indicator("nöjd")
    assert nojd.status is Status.NOT_ASSESSED
    assert nojd.assessment.reason == "not_yet_available"
    assert nojd.assessment.explain() == "Utfallet finns inte tillgängligt ännu → Ej bedömd"
    assert nojd.assessment.explain("en") == "The outcome is not available yet → Not assessed"
    # From 1 October the jan–aug figure is available and judged.
    card = assess(availability_plan(), outcomes, 2023, as_of=dt.date(2023, 10, 1))
    assert card.indicator("sjuk").status is Status.RED
    # Without an as-of date nothing is held back; a missing survey is simply no value.
    card = assess(availability_plan(), outcomes, 2023)
    assert card.indicator("nöjd").assessment.reason == "no_value"


@given(
    periods=st.lists(
        st.sampled_from(
            [Period.year(2022), Period.year(2023), Period.delar(2023), Period.tertial(2023, 1)]
            + [Period.month(2023, m) for m in (1, 6, 12)]
            + [Period.months(2023, 1, 10)]
        ),
        unique=True,
    ),
    as_of=st.none() | st.dates(dt.date(2023, 1, 1), dt.date(2024, 3, 1)),
)
def test_full_year_shortcut_chooses_what_the_scan_chooses(
    periods: list[Period], as_of: dt.date | None
) -> None:
    from styrmodell._assessment import _choose

    series = {p: Outcome("x", p, i) for i, p in enumerate(periods)}
    full_year = Period.year(2023)
    shortcut = None if as_of is not None and full_year.end > as_of else full_year
    chosen = _choose(series, 2023, None, as_of, full_year=shortcut)
    assert chosen == _choose(series, 2023, None, as_of)


# -- goals that skip levels (issue 11) ------------------------------------------------------


def _skipping_plan() -> sm.Plan:
    # "Tillitsbaserad ledning": a resultatmål directly under an övergripande mål.
    return sm.Plan(
        id="styrkort",
        years=2024,
        levels=("Övergripande mål", "Målområde", "Resultatmål"),
        goals=[
            sm.Goal(
                id="tl",
                title="Tillitsbaserad ledning",
                children=[
                    sm.Goal(
                        id="ul",
                        title="Utvecklad ledning",
                        level=2,
                        indicators=[
                            sm.Indicator(id="hme", targets={2024: sm.TargetValue(">=", 75)})
                        ],
                    )
                ],
            ),
            sm.Goal(
                id="ek",
                title="Ekonomi",
                children=[sm.Goal(id="mo", title="Budget i balans", children=[sm.Goal(id="rm")])],
            ),
        ],
    )


def test_a_goal_may_skip_levels_and_counts_per_level_stay_right() -> None:
    plan = _skipping_plan()
    assert (plan.depth("ul"), plan.goal("ul").level, plan.level_name("ul")) == (1, 2, "Resultatmål")
    assert plan.counts()["Målområde"] == 1
    assert plan.counts()["Resultatmål"] == 2
    card = sm.assess(plan, [sm.Outcome("hme", 2024, 80)], 2024)
    ul = card["ul"]
    assert (ul.depth, ul.level, card.level_name(ul)) == (1, 2, "Resultatmål")
    assert card.counts("Resultatmål")[sm.Status.GREEN] == 1
    assert sum(card.counts("Målområde").values()) == 1
    assert card.counts_by_level()["Resultatmål"][sm.Status.NOT_ASSESSED] == 1
    lines = card.explain().splitlines()
    # Indented by depth, labelled by level: one step below "Tillitsbaserad ledning".
    assert lines[0].startswith("● [Grönt] Övergripande mål: Tillitsbaserad ledning")
    assert lines[1].startswith("  ● [Grönt] Resultatmål: Utvecklad ledning")
    assert lines[2].startswith("      ● hme: Grönt")


def test_render_labels_a_goal_that_skips_levels_with_its_level_name() -> None:
    card = sm.assess(_skipping_plan(), [sm.Outcome("hme", 2024, 80)], 2024)
    for fmt in ("text", "markdown", "html"):
        shown = sm.render(card, fmt)
        assert "Resultatmål" in shown
        assert "Utvecklad ledning" in shown


# -- per gender: targets and baselines (issue 11) -------------------------------------------


def _sick_leave(**fields: object) -> sm.Plan:
    sjuk = sm.Indicator(
        id="sjuk", title="Sjukfrånvaro", unit=sm.Unit.PERCENT, by_gender=True, **fields
    )
    return sm.Plan(
        id="p", years=2024, levels=("Nämndmål",), goals=[sm.Goal(id="g", indicators=[sjuk])]
    )


def test_targets_may_differ_per_gender() -> None:
    # "extra fokus på sjukfrånvaron hos kvinnor": a stricter target for women.
    plan = _sick_leave(
        targets={2024: sm.TargetValue("<=", 7)},
        gender_targets={"K": {2024: sm.TargetValue("<=", 6)}},
    )
    outcomes = [
        sm.Outcome("sjuk", 2024, "6,5"),
        sm.Outcome("sjuk", 2024, "6,5", gender="K"),
        sm.Outcome("sjuk", 2024, "6,5", gender="M"),
    ]
    result = sm.assess(plan, outcomes, 2024).indicator("sjuk")
    by_gender = {g: a.status for g, a in result.by_gender().items()}
    assert by_gender == {
        sm.Gender.TOTAL: sm.Status.GREEN,
        sm.Gender.WOMEN: sm.Status.RED,
        sm.Gender.MEN: sm.Status.GREEN,
    }
    assert "≤ 6" in result.by_gender()[sm.Gender.WOMEN].explain()
    with pytest.raises(sm.PlanError, match="gender_targets"):
        sm.Indicator(id="x", gender_targets={"X": {2024: sm.TargetValue("<=", 6)}})
    with pytest.raises(sm.PlanError, match="gender_targets"):
        sm.Indicator(id="x", gender_targets=[1])


def test_baselines_per_gender_feed_year_over_year_per_gender() -> None:
    # Only this year's outcomes per gender: the baseline gives the year before.
    plan = _sick_leave(
        baseline=sm.Baseline("6,2", 2023, by_gender={"K": "7,9", "M": "4,1"}),
        targets={2024: sm.YearOverYear(direction=sm.Direction.LOWER_IS_BETTER)},
    )
    outcomes = [
        sm.Outcome("sjuk", 2024, 6),
        sm.Outcome("sjuk", 2024, "7,5", gender="K"),
        sm.Outcome("sjuk", 2024, "4,5", gender="M"),
    ]
    result = sm.assess(plan, outcomes, 2024).indicator("sjuk")
    by_gender = {g: a.status for g, a in result.by_gender().items()}
    assert by_gender == {
        sm.Gender.TOTAL: sm.Status.GREEN,
        sm.Gender.WOMEN: sm.Status.GREEN,
        sm.Gender.MEN: sm.Status.RED,
    }
    assert result.by_gender()[sm.Gender.WOMEN].compared_with == Decimal("7.9")
    # An outcome of the baseline's year wins over the baseline.
    earlier = sm.assess(plan, [*outcomes, sm.Outcome("sjuk", 2023, 8, gender="K")], 2024)
    assert earlier.indicator("sjuk").by_gender()[sm.Gender.WOMEN].compared_with == 8


@given(
    st.decimals(min_value=0, max_value=20, places=1),
    st.decimals(min_value=0, max_value=20, places=1),
    st.sampled_from(["K", "M"]),
)
def test_a_gender_without_targets_of_its_own_is_judged_by_the_total_target(
    value: Decimal, level: Decimal, own: str
) -> None:
    total = sm.TargetValue("<=", level)
    plan = _sick_leave(
        targets={2024: total}, gender_targets={own: {2024: sm.TargetValue("<=", level / 2)}}
    )
    other = "M" if own == "K" else "K"
    outcomes = [sm.Outcome("sjuk", 2024, value, gender=g) for g in (own, other)]
    result = sm.assess(plan, outcomes, 2024).indicator("sjuk")
    judged = {g.value: a.status for g, a in result.by_gender().items()}
    assert judged[other] is total.assess(value).status
    assert judged[own] is sm.TargetValue("<=", level / 2).assess(value).status
