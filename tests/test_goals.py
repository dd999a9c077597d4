from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from _cases import texts
from styrmodell import (
    Bands,
    Baseline,
    Direction,
    Goal,
    Indicator,
    OrgUnit,
    Period,
    Perspective,
    Plan,
    PlanError,
    RollUp,
    TargetValue,
    Unit,
    YearOverYear,
    describe,
    diff,
)


def small_plan(**changes: object) -> Plan:
    kwargs: dict[str, object] = {
        "id": "von",
        "title": "VP",
        "organisation": "Oxelösunds kommun, vård- och omsorgsnämnden",
        "years": (2023, 2025),
        "levels": ("Målområde", "KF-mål", "Nämndmål"),
        "org_units": [OrgUnit("VON", "Nämnden"), OrgUnit("SOF", "SOF", parent="VON")],
        "perspectives": [Perspective("kund", "Kund")],
        "decided": dt.date(2022, 12, 14),
        "reference": "§ VON.2022.55",
        "goals": [
            Goal(
                id="mo",
                title="Hållbar utveckling",
                children=[
                    Goal(
                        id="kf",
                        title="KF-mål",
                        reported_in="(D/B)",
                        children=[
                            Goal(
                                id="nm",
                                title="Nämndmål",
                                responsible=["SOF"],
                                perspectives=["kund"],
                                indicators=[
                                    Indicator(
                                        id="i1",
                                        title="Andel",
                                        unit=Unit.PERCENT,
                                        baseline=Baseline(50, "jan-okt 2022"),
                                        targets={
                                            y: TargetValue(">=", 50, unit=Unit.PERCENT)
                                            for y in (2023, 2024, 2025)
                                        },
                                    ),
                                    Indicator(id="i2", title="Utan mål"),
                                ],
                            )
                        ],
                    )
                ],
            )
        ],
    }
    kwargs.update(changes)
    return Plan(**kwargs)  # type: ignore[arg-type]


def test_plan_holds_what_the_document_says() -> None:
    plan = small_plan()
    assert plan.goal("nm").level == 2
    assert plan.indicator("i1").baseline == Baseline(Decimal(50), Period.months(2022, 1, 10))
    assert plan.goal("kf").reported_in == ("D", "B")
    assert plan.path_of("i1") == "goals[0].children[0].children[0].indicators[0]"
    assert plan.goal_of("i2").id == "nm"
    assert plan.counts() == {
        "goals": 3,
        "indicators": 2,
        "targets": 3,
        "Målområde": 1,
        "KF-mål": 1,
        "Nämndmål": 1,
    }
    assert plan.year_range == range(2023, 2026)
    assert plan.org_unit("SOF").parent == "VON"
    assert [g.id for g in plan.all_goals()] == ["mo", "kf", "nm"]
    assert plan.indicator("i2").target_for(2023) is None


def test_one_target_for_all_years() -> None:
    rule = TargetValue(">", 20)
    ind = Indicator(id="x", target=rule)
    assert ind.target_for(2023) is rule
    assert ind.target_for(2099) is rule
    assert ind.target_count == 1


def test_plan_reports_every_problem_with_paths() -> None:
    bad = Goal(
        id="nm",
        level=2,
        responsible=["ÄF"],
        applies_to=["X"],
        perspectives=["personal"],
        indicators=[
            Indicator(
                id="i1", unit=Unit.COUNT, targets={2024: TargetValue(">=", 50, unit=Unit.PERCENT)}
            ),
            Indicator(id="i1", targets={2022: TargetValue(">", 1)}),
        ],
    )
    with pytest.raises(PlanError) as info:
        small_plan(
            goals=[Goal(id="mo", children=[Goal(id="kf", children=[bad]), Goal(id="kf", level=2)])],
            org_units=[OrgUnit("SOF", parent="VON"), OrgUnit("SOF")],
            rollups={5: RollUp.WORST},
        )
    message = str(info.value)
    for expected in (
        "goals[0].children[0].children[0].responsible[0]: no org unit 'ÄF'",
        "goals[0].children[0].children[0].applies_to[0]: no org unit 'X'",
        "goals[0].children[0].children[0].perspectives[0]: no perspective 'personal'",
        "goals[0].children[0].children[0].indicators[0].targets[2024]: threshold unit PERCENT",
        "goals[0].children[0].children[0].indicators[1]: duplicate indicator id 'i1'",
        "goals[0].children[0].children[0].indicators[1].targets[2022]: target year 2022",
        "goals[0].children[1]: duplicate goal id 'kf'",
        "goals[0].children[1].level: goal 'kf' is at level 2",
        "org_units[0].parent: no org unit 'VON'",
        "org_units[1]: duplicate org unit id 'SOF'",
        "rollups[5]",
    ):
        assert expected in message
        assert sum(problem.startswith(expected) for problem in texts(info.value.problems)) == 1
    problems = texts(info.value.problems)
    assert len(problems) == 11
    assert message == "Plan 'von' has 11 problem(s):\n  " + "\n  ".join(problems)


@given(ids=st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=12))
def test_every_repeated_goal_id_is_one_problem_with_its_path(ids: list[str]) -> None:
    goals = [Goal(id=goal_id) for goal_id in ids]
    repeats = [f"goals[{i}]: duplicate goal id {g!r}" for i, g in enumerate(ids) if g in ids[:i]]
    if not repeats:
        assert len(Plan(id="p", years=2023, levels=("Mål",), goals=goals).goals) == len(ids)
        return
    with pytest.raises(PlanError) as info:
        Plan(id="p", years=2023, levels=("Mål",), goals=goals)
    assert [problem.split(" (also at")[0] for problem in texts(info.value.problems)] == repeats


def test_level_beyond_the_named_levels() -> None:
    with pytest.raises(PlanError, match="names only 1 level"):
        Plan(id="p", years=2011, levels=("Mål",), goals=[Goal(id="a", children=[Goal(id="b")])])
    with pytest.raises(PlanError, match="top-level goal 'a' is at level 1"):
        Plan(id="p", years=2011, levels=("A", "B"), goals=[Goal(id="a", level=1)])


def test_kf_goal_without_namnd_goals_is_legal() -> None:
    plan = Plan(
        id="p",
        years=(2019, 2021),
        levels=("A", "B", "C"),
        goals=[Goal(id="a", children=[Goal(id="b")])],
    )
    assert plan.counts()["C"] == 0


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda: Goal(id=""), "Goal.id"),
        (lambda: Goal(id=" x"), "Goal.id"),
        (lambda: Goal(id="x", level=-1), "level"),
        (lambda: Goal(id="x", reported_in="(X)"), "reported_in"),
        (lambda: Goal(id="x", children=["y"]), r"Goal.children\[0\]: expected a Goal"),
        (
            lambda: Goal(id="x", indicators=[Goal(id="y")]),
            r"Goal.indicators\[0\]: expected an Indicator",
        ),
        (lambda: Goal(id="x", title=3), "Goal.title"),
        (lambda: Goal(id="x", responsible=[1]), "expected text"),
        (lambda: Goal(id="x", responsible=5), "sequence"),
        (lambda: Indicator(id="x", targets={"2023": TargetValue(">", 1)}), "year"),
        (lambda: Indicator(id="x", targets={2023: "≥ 50 %"}), "threshold"),
        (lambda: Indicator(id="x", targets=[1]), "mapping"),
        (lambda: Indicator(id="x", target="x"), "threshold"),
        (lambda: Indicator(id="x", by_gender=1), "by_gender"),
        (lambda: Indicator(id="x", unit="kg"), "Unit"),
        (lambda: Indicator(id="x", direction="up"), "Direction"),
        (lambda: Indicator(id="x", baseline=48), "Baseline"),
        (lambda: Baseline("x"), "Baseline.value"),
        (lambda: Baseline(1, 2.5), "Baseline.period"),
        (lambda: Plan(id="p", years=(2025, 2023), levels=("A",)), "years"),
        (lambda: Plan(id="p", years=range(0), levels=("A",)), "years"),
        (lambda: Plan(id="p", years=2023, levels=()), "levels"),
        (lambda: Plan(id="p", years=2023, levels=("A",), decided="igår"), "decided"),
        (lambda: Plan(id="p", years=2023, levels=("A",), org_units=["SOF"]), "OrgUnit"),
        (lambda: Plan(id="p", years=2023, levels=("A",), perspectives=["k"]), "Perspective"),
        (lambda: Plan(id="p", years=2023, levels=("A",), rollups={0: "worst"}), "RollUp"),
        (lambda: Plan(id="p", years=2023, levels=("A",), rollups={"A": RollUp.WORST}), "level"),
        (lambda: Plan(id="p", years=2023, levels=("A",), rollups=[1]), "mapping"),
        (lambda: OrgUnit(""), "OrgUnit.id"),
        (lambda: Perspective(3), "Perspective.id"),
    ],
)
def test_invalid_values_name_the_field(make: object, match: str) -> None:
    with pytest.raises(PlanError, match=match):
        make()  # type: ignore[operator]


def test_friendly_conversions() -> None:
    assert Indicator(id="x", unit="percent").unit is Unit.PERCENT
    assert Indicator(id="x", reported_in=["delår", "B"]).reported_in == ("D", "B")
    assert Baseline(74, "sep 2022", note="Pulsmätning").period == Period.month(2022, 9)
    assert Baseline(2, 2022).period == Period.year(2022)
    assert Plan(id="p", years=range(2023, 2026), levels=("A",)).years == (2023, 2025)
    assert Plan(id="p", years=[2023, 2025], levels="A", decided="2022-12-14").decided == dt.date(
        2022, 12, 14
    )
    assert Plan(id="p", years=2023, levels=("A",), decided=dt.datetime(2022, 1, 1, 9)).decided == (
        dt.date(2022, 1, 1)
    )


def test_lookups_raise_naming_the_id() -> None:
    plan = small_plan()
    for call in (plan.goal, plan.indicator, plan.path_of, plan.org_unit, plan.goal_of):
        with pytest.raises(KeyError, match="nope"):
            call("nope")


def test_plans_are_values() -> None:
    assert small_plan() == small_plan()
    assert hash(small_plan()) == hash(small_plan())
    changed = attrs.evolve(small_plan(), title="Ny")
    assert changed != small_plan()


def test_diff_records_target_and_goal_changes() -> None:
    # Mjölby's footnote 4: the target changed from "minskning" to "ökning" since 2010.
    old = Plan(
        id="osn",
        years=2010,
        levels=("Strategiskt mål", "Nyckeltal"),
        goals=[
            Goal(
                id="arbetssatt",
                children=[
                    Goal(
                        id="a",
                        indicators=[
                            Indicator(
                                id="utredningar",
                                targets={2010: YearOverYear(direction=Direction.LOWER_IS_BETTER)},
                            ),
                            Indicator(id="gone"),
                        ],
                    ),
                    Goal(id="old-goal"),
                ],
            )
        ],
    )
    new = Plan(
        id="osn",
        years=2011,
        levels=("Strategiskt mål", "Nyckeltal"),
        goals=[
            Goal(
                id="arbetssatt",
                title="Arbetssätt",
                children=[
                    Goal(
                        id="a",
                        indicators=[
                            Indicator(
                                id="utredningar",
                                notes=["Ändrat från minskning till ökning"],
                                targets={2011: YearOverYear(direction=Direction.HIGHER_IS_BETTER)},
                            ),
                            Indicator(id="new", target=TargetValue(">", 1)),
                        ],
                    ),
                    Goal(id="new-goal"),
                ],
            )
        ],
    )
    changes = diff(old, new)
    lines = [str(c) for c in changes]
    assert "removed goal 'old-goal'" in lines
    assert "added goal 'new-goal'" in lines
    assert "changed goal 'arbetssatt' title: '' → 'Arbetssätt'" in lines
    assert "removed indicator 'gone'" in lines
    assert "added indicator 'new'" in lines
    assert "removed target 2010 of indicator 'utredningar'" in lines
    assert "added target 2011 of indicator 'utredningar'" in lines
    assert len(changes.of(subject="target")) == 2
    assert len(changes.of(kind="added")) == 3
    assert changes.describe().count("\n") == len(changes) - 1
    assert not diff(old, old)


def test_diff_changed_target_and_moves() -> None:
    a = small_plan()
    ind = a.indicator("i1")
    moved = attrs.evolve(
        a.goals[0],
        children=[
            attrs.evolve(
                a.goal("kf"),
                children=[
                    attrs.evolve(
                        a.goal("nm"),
                        indicators=[
                            attrs.evolve(
                                ind,
                                source="Viva",
                                targets={
                                    **ind.targets,
                                    2025: TargetValue(">=", 55, unit=Unit.PERCENT),
                                },
                                target=TargetValue(">", 1, unit=Unit.PERCENT),
                            )
                        ],
                    )
                ],
            )
        ],
    )
    b = attrs.evolve(a, goals=[moved])
    changes = diff(a, b)
    lines = [str(c) for c in changes]
    old_rule = describe(ind.targets[2025], "en")
    new_rule = describe(TargetValue(">=", 55, unit=Unit.PERCENT), "en")
    assert f"changed target 2025 of indicator 'i1': {old_rule} → {new_rule}" in lines
    # In Swedish (the default of describe), the rules in the plan's own words.
    old_sv = describe(ind.targets[2025])
    new_sv = describe(TargetValue(">=", 55, unit=Unit.PERCENT))
    assert f"ändrat målvärde 2025 för indikator 'i1': {old_sv} → {new_sv}" in (
        changes.describe().splitlines()
    )
    assert "ändrad indikator 'i1', datakälla: '' → 'Viva'" in changes.describe()
    assert "nytt målvärde alla år för indikator 'i1'" in changes.describe()
    assert any(line.startswith("added target all years of indicator 'i1'") for line in lines)
    assert "changed indicator 'i1' source: '' → 'Viva'" in lines
    assert "removed indicator 'i2'" in lines


def test_bands_in_a_plan() -> None:
    rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
    plan = Plan(
        id="p",
        years=2019,
        levels=("Nämndsmål",),
        goals=[
            Goal(id="g", indicators=[Indicator(id="x", unit=Unit.PERCENT, targets={2019: rule})])
        ],
    )
    assert plan.indicator("x").target_for(2019) is rule


def test_action_plan_links_are_validated_with_the_plan() -> None:
    from styrmodell import ActionPlan, Activity

    good = ActionPlan("HP SOF", 2023, [Activity("SOF-1", "Gör", goals=("g1",))])
    bad = ActionPlan(
        "HP ÄF",
        2023,
        [Activity("ÄF-1", "Gör", goals=("g1",)), Activity("ÄF-2", "Gör", goals=("saknas",))],
    )
    base = {"id": "p", "years": (2023, 2023), "levels": ("Mål",), "goals": [Goal(id="g1")]}
    plan = Plan(**base, action_plans=[good])  # type: ignore[arg-type]
    assert plan.action_plans == (good,)
    with pytest.raises(PlanError) as info:
        Plan(**base, action_plans=[good, bad])  # type: ignore[arg-type]
    assert "action_plans[1].activities[1].goals[0]: 'saknas' (activity 'ÄF-2')" in str(info.value)
    with pytest.raises(PlanError, match=r"Plan.action_plans\[0\]: expected an ActionPlan"):
        Plan(**base, action_plans=["HP"])  # type: ignore[arg-type]


def test_plans_survive_pickle_copy_and_evolve_with_their_indexes() -> None:
    import copy
    import pickle

    plan = small_plan()
    plan.goal("nm")  # the index is built
    for copied in (pickle.loads(pickle.dumps(plan)), copy.deepcopy(plan), attrs.evolve(plan)):
        assert copied == plan
        assert hash(copied) == hash(plan)
        assert copied.path_of("i1") == "goals[0].children[0].children[0].indicators[0]"
        assert copied.org_unit("SOF").parent == "VON"


def test_every_plan_problem_has_a_path_a_code_and_the_value() -> None:
    with pytest.raises(PlanError) as info:
        small_plan(
            goals=[Goal(id="mo", responsible=["ÄF"]), Goal(id="mo")],
            org_units=[OrgUnit("SOF"), OrgUnit("SOF")],
        )
    found = [(p.path, p.code, p.value) for p in info.value.problems]
    assert found == [
        ("org_units[1]", "plan.duplicate_org_unit", "SOF"),
        ("goals[0].responsible[0]", "plan.unknown_org_unit", "ÄF"),
        ("goals[1]", "plan.duplicate_goal", "mo"),
    ]


def test_plan_problems_in_swedish() -> None:
    from styrmodell._messages import problem_text

    with pytest.raises(PlanError) as info:
        small_plan(goals=[Goal(id="a", responsible=["ÄF"], children=[Goal(id="b", level=5)])])
    assert [problem_text(p) for p in info.value.problems] == [
        "goals[0].responsible[0]: ingen enhet 'ÄF' i planen",
        "goals[0].children[0].level: målet 'b' är på nivå 5 men dess överordnade mål 'a' är på "
        "nivå 0; ett delmål ligger en nivå under",
        "goals[0].children[0].level: målet 'b' är på nivå 5, men planen namnger bara 3 nivå(er) "
        "['Målområde', 'KF-mål', 'Nämndmål']",
    ]


def test_a_deep_tree_is_checked_and_walked_without_recursion_limits() -> None:
    depth = 3000
    goal = Goal(id=f"g{depth - 1}", level=depth - 1)
    for n in range(depth - 2, -1, -1):
        goal = Goal(id=f"g{n}", level=n, children=(goal,))
    plan = Plan(id="p", years=2023, levels=tuple(f"L{n}" for n in range(depth)), goals=[goal])
    assert len(plan.all_goals()) == depth
    assert plan.path_of(f"g{depth - 1}").count("children") == depth - 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Goal(id="x", children=["y"]), "Goal.children[0]: expected a Goal, got 'y'"),
        (lambda: Indicator(id="x", unit="procent"), "did you mean 'percent'?"),
        (lambda: Indicator(id="x", baseline=48), "Indicator.baseline: expected a Baseline, got 48"),
        (lambda: Baseline(1, "20x2"), "Baseline.period: expected a period"),
        (lambda: OrgUnit("SOF", parent=" VON"), "OrgUnit.parent: expected a non-empty id"),
        (lambda: Indicator(id="x", target=3), "Indicator.target: expected a threshold, got 3"),
        (lambda: Baseline("1e999999"), "Baseline.value: the number '1e999999' is too large"),
    ],
)
def test_messages_name_class_and_field(make: object, message: str) -> None:
    with pytest.raises(PlanError) as info:
        make()  # type: ignore[operator]
    assert message in str(info.value)
    assert info.value.problems[0].code


def test_the_same_input_means_the_same_in_every_field() -> None:
    # Enums by member, value or name; one text or a sequence for lists of ids.
    for unit in (Unit.PERCENT, "percent", "PERCENT"):
        assert Indicator(id="x", unit=unit).unit is Unit.PERCENT
    for direction in (Direction.LOWER_IS_BETTER, "lower_is_better", "LOWER_IS_BETTER"):
        assert Indicator(id="x", direction=direction).direction is Direction.LOWER_IS_BETTER
    assert Goal(id="g", responsible="SOF").responsible == ("SOF",)
    assert Goal(id="g", responsible=["SOF"]).responsible == ("SOF",)
    assert Baseline(1, Period.year(2022)) == Baseline(1, 2022) == Baseline(1, "2022")
