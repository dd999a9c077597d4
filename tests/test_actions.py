"""Action plans and activities (styrmodell._actions)."""

from __future__ import annotations

import datetime as dt
import doctest
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell._actions
from _cases import texts
from styrmodell import PlanError, Progress, StyrmodellError
from styrmodell._actions import ActionPlan, Activity, Share
from styrmodell._strategies_calendar import action_plans


def attempt(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, StyrmodellError | None]:
    """``(result, None)``, or ``(None, error)`` for a StyrmodellError; anything else escapes."""
    try:
        return fn(*args, **kwargs), None
    except StyrmodellError as exc:
        return None, exc


D = dt.date


def oxelosund_like() -> ActionPlan:
    """Activities in the shape Oxelösund's handlingsplaner ask for (what/why/who/when/how)."""
    return ActionPlan(
        "Handlingsplan äldreomsorgsförvaltningen 2023",
        2023,
        [
            Activity(
                "ÄF-1",
                "Öppna träffpunkten även kvällstid",
                goals=["N-träffpunkt"],
                why="Fler deltagare i öppen träffpunkt",
                who="enhetschef träffpunkt",
                when="Q1",
                how="Antal deltagare per månad",
                progress=Progress.DONE,
            ),
            Activity(
                "ÄF-2",
                "Rekrytera män till omsorgsyrken",
                goals=["N-könsfördelning"],
                why="Jämnare könsfördelning",
                who="HR-strateg",
                when="Q2",
                how="Andel män av månadsavlönad omsorgspersonal",
                progress=Progress.STARTED,
            ),
            Activity(
                "SOF-1",
                "Familjestöd på fler skolor",
                goals=["N-förebyggande", "N-träffpunkt"],
                unit="SOF",
                why="Fler besök hos familje- och ungdomsstöd",
                who="1:e socialsekreterare",
                when=D(2023, 9, 15),
                how="Besök per månad",
            ),
            Activity("ÄF-3", "Planera fossilfria fordon", goals=["N-miljö"], when="Q4"),
        ],
        unit="ÄF",
        decided_by="förvaltningschef",
        decided=D(2023, 2, 20),
    )


def test_activity_normalises_its_input() -> None:
    a = Activity("A", "Gör", goals=["N1", " N1 ", "N2"], when="kvartal 3", progress="genomfört")
    assert a.goals == ("N1", "N2")
    assert a.when == "Q3"
    assert a.progress is Progress.DONE
    assert a.is_done
    assert a.deadline(2024) == D(2024, 9, 30)
    assert a.when_label(2024) == "Q3 2024"
    assert Activity("B", "Gör", goals="N1", progress=False).goals == ("N1",)
    assert Activity("B", "Gör", progress="started").progress is Progress.STARTED
    assert Activity("B", "Gör", progress=True).progress is Progress.DONE
    assert Activity("B", "Gör").when_label(2024, "en") == "not given"
    assert Activity("B", "Gör", when=D(2024, 3, 15)).when_label(2024) == "2024-03-15"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"id": ""}, "Activity.id: expected a non-empty text, got ''"),
        ({"what": None}, "Activity.what: expected a non-empty text, got None"),
        ({"when": "Q5"}, "Activity.when: expected 'Q1'..'Q4', a datetime.date or None, got 'Q5'"),
        ({"when": "nästa vår"}, "Activity.when: expected 'Q1'..'Q4'"),
        ({"progress": "halvvägs"}, "Activity.progress: expected a Progress"),
        ({"goals": [""]}, r"Activity.goals\[0\]: expected a non-empty goal id"),
        ({"goals": 5}, "Activity.goals: expected goal ids, got 5"),
        ({"why": 3}, "Activity.why: expected text, got 3"),
    ],
)
def test_bad_activities_are_rejected(kwargs: dict[str, object], message: str) -> None:
    args: dict[str, object] = {"id": "A", "what": "Gör"}
    args.update(kwargs)
    with pytest.raises(PlanError, match=message):
        Activity(**args)  # type: ignore[arg-type]


def test_share_done_overall_per_goal_and_per_unit() -> None:
    plan = oxelosund_like()
    assert plan.share_done() == Share(1, 4)
    # By the end of June, Q1 and Q2 are due: one of the two done.
    assert plan.share_done(as_of=D(2023, 6, 30)) == Share(1, 2)
    assert plan.share_done(as_of=D(2023, 3, 30)) == Share(0, 0)
    assert plan.share_done(as_of=D(2023, 3, 31)) == Share(1, 1)
    assert dict(plan.share_done_per_goal(as_of=D(2023, 12, 31))) == {
        "N-förebyggande": Share(0, 1),
        "N-könsfördelning": Share(0, 1),
        "N-miljö": Share(0, 1),
        "N-träffpunkt": Share(1, 2),
    }
    assert dict(plan.share_done_per_unit()) == {"SOF": Share(0, 1), "ÄF": Share(1, 3)}


def test_overdue_activities_are_flagged() -> None:
    plan = oxelosund_like()
    assert plan.overdue(as_of=D(2023, 6, 30)) == ()
    assert [a.id for a in plan.overdue(as_of=D(2023, 7, 1))] == ["ÄF-2"]
    assert [a.id for a in plan.overdue(as_of=D(2023, 9, 16))] == ["ÄF-2", "SOF-1"]
    assert [a.id for a in plan.overdue(as_of=D(2024, 1, 1))] == ["ÄF-2", "SOF-1", "ÄF-3"]
    done = attrs.evolve(plan.activities[1], progress=Progress.DONE)
    assert not plan.is_overdue(done, D(2024, 1, 1))


def test_missing_parts_follow_the_oxelosund_rule() -> None:
    plan = oxelosund_like()
    assert plan.missing() == (
        "activities[3] (ÄF-3): varför saknas",
        "activities[3] (ÄF-3): vem/funktion saknas",
        "activities[3] (ÄF-3): hur uppföljningen görs saknas",
    )
    assert plan.missing(required=["when", "goals"]) == ()
    assert plan.missing(locale="en")[0] == "activities[3] (ÄF-3): why missing"
    with pytest.raises(PlanError, match=r"ActionPlan.missing: unknown field 'vad'"):
        plan.missing(required=["vad"])


def test_goal_links_are_checked_and_every_bad_link_named() -> None:
    plan = oxelosund_like()
    assert plan.goal_ids == {"N-träffpunkt", "N-könsfördelning", "N-förebyggande", "N-miljö"}
    plan.check_goals(plan.goal_ids)
    with pytest.raises(PlanError) as info:
        plan.check_goals(["N-träffpunkt", "N-miljö"])
    message = str(info.value)
    assert "activities[1].goals[0]: 'N-könsfördelning' (activity 'ÄF-2')" in message
    assert "activities[2].goals[0]: 'N-förebyggande' (activity 'SOF-1')" in message
    assert len(info.value.problems) == 2


def test_dates_are_read_like_every_date_in_styrmodell() -> None:
    # The field toolkit's dates: a date, a datetime's date, or ISO text.
    assert Activity("A", "Gör", when="2024-03-15").when == D(2024, 3, 15)
    assert Activity("A", "Gör", when=dt.datetime(2024, 3, 15, 12)).when == D(2024, 3, 15)
    assert ActionPlan("HP", 2023, decided="2023-02-28").decided == D(2023, 2, 28)  # type: ignore[arg-type]


def test_bad_plans_are_rejected_with_every_problem() -> None:
    a = Activity("A", "Gör")
    with pytest.raises(PlanError) as info:
        ActionPlan("HP", 2023, [a, a, Activity("B", "x"), Activity("B", "y")])
    assert "ActionPlan 'HP': activities[1].id: 'A' repeats activities[0]" in str(info.value)
    assert "activities[3].id: 'B' repeats activities[2]" in str(info.value)
    assert texts(info.value.problems) == (
        "activities[1].id: 'A' repeats activities[0]",
        "activities[3].id: 'B' repeats activities[2]",
    )
    assert [(p.code, p.value) for p in info.value.problems] == [
        ("actions.duplicate_id", "A"),
        ("actions.duplicate_id", "B"),
    ]
    with pytest.raises(PlanError, match=r"ActionPlan.activities\[0\]: expected an Activity"):
        ActionPlan("HP", 2023, ["A"])  # type: ignore[list-item]
    with pytest.raises(PlanError, match=r"ActionPlan.year: expected a year as int, got '2023'"):
        ActionPlan("HP", "2023")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match=r"ActionPlan.decided: expected a date \(YYYY-MM-DD\)"):
        ActionPlan("HP", 2023, decided="28 februari")  # type: ignore[arg-type]
    with pytest.raises(PlanError, match=r"as_of: expected a datetime.date"):
        ActionPlan("HP", 2023).overdue("2023-01-01")  # type: ignore[arg-type]


def test_share_labels_and_errors() -> None:
    assert Share(2, 3).label() == "2 av 3 (67\xa0%)"
    assert Share(2, 3).label("en") == "2 of 3 (67%)"
    assert Share(0, 0).label() == "0 av 0"
    assert Share(0, 0).ratio is None
    assert Share(1, 8).ratio == Decimal("0.125")
    with pytest.raises(PlanError, match="Share: expected 0 ≤ done ≤ total, got 3 of 2"):
        Share(3, 2)
    with pytest.raises(PlanError, match=r"Share.done: expected a whole number ≥ 0, got True"):
        Share(True, 2)


def test_docstring_examples() -> None:
    assert doctest.testmod(styrmodell._actions).failed == 0


@given(plan=action_plans(), as_of=st.none() | st.dates(D(1999, 1, 1), D(2042, 1, 1)))
def test_shares_add_up(plan: ActionPlan, as_of: dt.date | None) -> None:
    overall = plan.share_done(as_of)
    per_unit = plan.share_done_per_unit(as_of).values()
    assert sum(s.total for s in per_unit) == overall.total
    assert sum(s.done for s in per_unit) == overall.done
    for goal, share in plan.share_done_per_goal(as_of).items():
        linked = [a for a in plan.activities if goal in a.goals]
        assert share.total <= len(linked)
        assert share.done <= sum(a.is_done for a in linked)
    if overall.ratio is not None:
        assert Decimal(0) <= overall.ratio <= Decimal(1)


@given(plan=action_plans(), as_of=st.dates(D(1999, 1, 1), D(2042, 1, 1)))
def test_overdue_means_past_deadline_and_not_done(plan: ActionPlan, as_of: dt.date) -> None:
    late = plan.overdue(as_of)
    for activity in plan.activities:
        deadline = plan.deadline(activity)
        expected = deadline is not None and deadline < as_of and not activity.is_done
        assert (activity in late) is expected
    # Overdue activities are exactly the due ones not done, minus those due on as_of itself.
    due_not_done = plan.share_done(as_of)
    on_the_day = [a for a in plan.activities if plan.deadline(a) == as_of and not a.is_done]
    assert len(late) + len(on_the_day) == due_not_done.total - due_not_done.done
    # Later dates never un-flag an activity.
    later = set(plan.overdue(as_of + dt.timedelta(days=100)))
    assert set(late) <= later


def test_action_plans_how_to_says_true_things(tmp_path: Path) -> None:
    page = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "action-plans.md"
    namespace: dict[str, Any] = {}
    for block in re.findall(r"```python\n(.*?)```", page.read_text("utf-8"), flags=re.DOTALL):
        exec(compile(block, "action-plans.md", "exec"), namespace)
    plan: ActionPlan = namespace["plan"]
    repeat = namespace["repeat"]
    assert (repeat.path, repeat.code, repeat.value) == (
        "activities[1].id",
        "actions.duplicate_id",
        "A",
    )
    assert namespace["message"] == "ActionPlan 'HP': activities[1].id: 'A' repeats activities[0]"
    assert plan.missing(locale="en")[0] == "activities[2] (SOF-1): why missing"
    as_of = D(2023, 7, 1)
    assert plan.missing() == (
        "activities[2] (SOF-1): varför saknas",
        "activities[2] (SOF-1): hur uppföljningen görs saknas",
    )
    assert plan.share_done(as_of).label() == "1 av 2 (50\xa0%)"
    assert [a.id for a in plan.overdue(as_of)] == ["ÄF-2"]
    assert {k: v.label() for k, v in plan.share_done_per_unit().items()} == {
        "SOF": "0 av 1 (0\xa0%)",
        "ÄF": "1 av 2 (50\xa0%)",
    }
    with pytest.raises(PlanError, match=r"activities\[1\].goals\[0\]: 'n-konsfordelning'"):
        plan.check_goals(["n-traffpunkt", "n-forebyggande"])


def test_words_come_from_the_catalogs_and_ids_are_made_safe_to_print() -> None:
    plan = ActionPlan("HP", 2023, [Activity("A\x1b[2J", "Gör")])
    assert plan.missing(required=["why"]) == ("activities[0] (A\\x1b[2J): varför saknas",)
    assert plan.missing(required=["who"], locale="en") == (
        "activities[0] (A\\x1b[2J): who missing",
    )
    assert Activity("B", "Gör", when="Q3").when_label(2024, "en") == "Q3 2024"
    assert Activity("B", "Gör").when_label(2024) == "ej angivet"
    assert Share(1, 3).label("de") == "1 of 3 (33%)"  # English words, German numbers


def test_link_problems_carry_a_code_and_the_goal_id() -> None:
    plan = oxelosund_like()
    with pytest.raises(PlanError) as info:
        plan.check_goals(["N-träffpunkt", "N-miljö"])
    assert [(p.path, p.code, p.value) for p in info.value.problems] == [
        ("activities[1].goals[0]", "actions.unknown_goal", "N-könsfördelning"),
        ("activities[2].goals[0]", "actions.unknown_goal", "N-förebyggande"),
    ]
    found = plan.link_problems(frozenset({"N-träffpunkt", "N-miljö"}), path="action_plans[0].")
    assert [str(p) for p in found] == [
        "action_plans[0].activities[1].goals[0]: 'N-könsfördelning' (activity 'ÄF-2') "
        "is not a goal of the plan",
        "action_plans[0].activities[2].goals[0]: 'N-förebyggande' (activity 'SOF-1') "
        "is not a goal of the plan",
    ]


@given(when=st.text(max_size=30), progress=st.text(max_size=20))
def test_fuzz_activity_text_fields_give_an_activity_or_a_plan_error(
    when: str, progress: str
) -> None:
    _, error = attempt(Activity, "A", "Gör", when=when, progress=progress)
    if error is not None:
        assert isinstance(error, PlanError)
        assert error.problems[0].path in ("Activity.when", "Activity.progress")
