"""contents_for: which goals and indicators go into an occasion, and what is available."""

from __future__ import annotations

from datetime import date as D

import pytest

from styrmodell import (
    CalendarError,
    Goal,
    Indicator,
    Occasion,
    Period,
    Plan,
    PlanError,
)
from styrmodell._contents import contents_for
from styrmodell._reason import Reason


def oxelosund_plan() -> Plan:
    """A slice of Oxelösund's plan: KF goals with D/B flags, nämndmål and their measures."""
    return Plan(
        id="oxelosund-von",
        years=(2023, 2025),
        levels=("KF-mål", "Nämndmål"),
        goals=[
            Goal(
                id="kf-deltagande",
                title="Fler invånare deltar i kommunala verksamheter",
                reported_in="D/B",
                children=[
                    Goal(
                        id="n-traffpunkt",
                        title="Öka deltagandet i öppen träffpunkt (ÄF)",
                        reported_in="D/B",
                        indicators=[
                            Indicator(id="deltagare", frequency="Månadsvis"),
                            Indicator(
                                id="sjukfranvaro",
                                frequency="Månadsvis (en månads eftersläpning)",
                            ),
                            Indicator(id="enkat", frequency="Årligen, publiceras i april"),
                        ],
                    )
                ],
            ),
            Goal(
                id="kf-trygghet",
                title="Trygghet bland barn och ungdomar ökar",
                reported_in="B",
                children=[
                    Goal(
                        id="n-forebyggande",
                        reported_in="B",
                        indicators=[Indicator(id="besok", frequency="Månadsvis")],
                    )
                ],
            ),
        ],
    )


def test_contents_for_delarsrapport_and_bokslut() -> None:
    plan = oxelosund_plan()
    delar = Occasion(
        "delårsrapport", D(2023, 9, 25), Period.delar(2023), "KF", ["mål"], reported="D"
    )
    got = contents_for(delar, plan)
    assert [e.id for e in got] == [
        "kf-deltagande",
        "n-traffpunkt",
        "deltagare",
        "sjukfranvaro",
        "enkat",
    ]
    by_id = {e.id: e for e in got}
    assert by_id["deltagare"].available
    assert by_id["deltagare"].path == "goals[0].children[0].indicators[0]"
    # A month's lag: jan–aug is known on 1 October, after the report is due.
    assert not by_id["sjukfranvaro"].available
    assert by_id["sjukfranvaro"].reason == "not_yet_available"
    assert by_id["sjukfranvaro"].reason is Reason.NOT_YET_AVAILABLE
    assert by_id["deltagare"].reason is None
    assert by_id["sjukfranvaro"].available_from == D(2023, 10, 1)
    assert by_id["sjukfranvaro"].explain() == (
        "Ej tillgängligt än: utfallet finns tidigast 2023-10-01 (månadsvis, 1 månads eftersläpning)"
    )
    assert by_id["enkat"].available_from == D(2024, 4, 1)
    assert by_id["kf-deltagande"].explain("en") == "Can be assessed"

    bokslut = Occasion(
        "årsredovisning", D(2024, 2, 28), Period.year(2023), "KF", ["mål"], reported="B"
    )
    got_b = {e.id: e for e in contents_for(bokslut, plan)}
    assert set(got_b) == {
        "kf-deltagande",
        "n-traffpunkt",
        "deltagare",
        "sjukfranvaro",
        "enkat",
        "kf-trygghet",
        "n-forebyggande",
        "besok",
    }
    assert got_b["sjukfranvaro"].available
    assert not got_b["enkat"].available  # the survey is published in April


def test_contents_for_without_flags_goes_by_frequency_and_contents() -> None:
    plan = oxelosund_plan()
    per_mars = Occasion("månadsrapport", D(2023, 4, 14), Period(2023, 1, 3), "KS", ["mål"])
    ids = [e.id for e in contents_for(per_mars, plan)]
    assert "enkat" not in ids  # a yearly figure says nothing per mars
    assert {"deltagare", "sjukfranvaro", "besok"} <= set(ids)
    budget = Occasion("budgetbeslut", D(2023, 6, 15), Period.year(2024), "KF", ["budget"])
    assert contents_for(budget, plan) == ()
    with pytest.raises(CalendarError, match="contents_for: expected an Occasion"):
        contents_for("delår", plan)  # type: ignore[arg-type]
    with pytest.raises(PlanError, match="contents_for: expected a Plan"):
        contents_for(per_mars, "plan")  # type: ignore[arg-type]
