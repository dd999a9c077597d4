"""A plan's Kolada indicators from a snapshot: sources, outcomes, references, reports."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from _cases import texts
from styrmodell import Gender, Status, Unit, kolada
from styrmodell.calendar import contents_for
from styrmodell.kolada import (
    SCHEMA,
    Kpi,
    Municipality,
    MunicipalityGroup,
    ReferenceKind,
    Row,
    Snapshot,
)

DAY = dt.date(2026, 11, 30)


def row(unit: str, value: object, *, gender: str = "T", year: int = 2023, **more: object) -> Row:
    return Row(
        kpi=str(more.pop("kpi", "U21468")),
        municipality=unit,
        period=year,
        gender=gender,
        value=value,
        fetched_at=more.pop("fetched_at", DAY),
        **more,  # type: ignore[arg-type]
    )


SNAP = Snapshot(
    schema=SCHEMA,
    base_url="https://api.kolada.se/v3/",
    fetched_at=DAY,
    rows=[
        row("0481", "81.2"),
        row("0481", "83", gender="K"),
        row("0481", None, gender="M"),
        row("0481", "79", year=2022),
        row("0481", "12", year=2021, status="Bortfall"),
        row("0000", "82.1"),
        row("0000", "83.4", gender="K"),
        row("G38498", "80.4", count=7),
        row("0004", "80.9"),
        row("0480", "78"),
        row("0482", "85.5"),
        row("0483", None),
        row("0481", "30", kpi="N21704", year=2024, fetched_at="2024-06-01"),
        row("0000", "31", kpi="N21704", year=2024, fetched_at="2024-06-01"),
    ],
    kpis=[
        Kpi(id="U21468", publ_period=2023, publication_date="2024-04-30"),
        Kpi(
            id="N21704",
            publ_period=2024,
            prel_publication_date="2025-03-01",
            publication_date="2025-04-30",
        ),
    ],
    municipalities=[
        Municipality(id="0000", title="Riket", type="L"),
        Municipality(id="0004", title="Region Södermanland", type="L"),
        Municipality(id="0481", title="Oxelösund", type="K"),
        Municipality(id="0480", title="Nyköping", type="K"),
        Municipality(id="0482", title="Flen", type="K"),
        Municipality(id="0483", title="Katrineholm", type="K"),
    ],
    groups=[
        MunicipalityGroup(
            id="G38498",
            title="Liknande kommuner äldreomsorg, Oxelösund",
            members=["0480", "0481"],
        )
    ],
)


def plan() -> sm.Plan:
    return sm.Plan(
        id="von",
        title="Vård och omsorg",
        years=(2021, 2024),
        levels=("Nämndmål",),
        goals=[
            sm.Goal(
                id="g",
                title="Nöjda brukare",
                indicators=[
                    sm.Indicator(
                        id="nojd",
                        title="Nöjdhet hemtjänst",
                        unit=Unit.PERCENT,
                        source="kolada:U21468",
                        by_gender=True,
                        target=sm.CompareToReference(
                            reference="liknande kommuner", unit=Unit.PERCENT, yellow=False
                        ),
                    ),
                    sm.Indicator(
                        id="egen",
                        title="Egen enkät",
                        source="Kolada N21814",  # free text, not a Kolada source
                        target=sm.TargetValue(">=", 1),
                    ),
                    sm.Indicator(
                        id="invanare",
                        title="Invånare 80+",
                        unit=Unit.PERCENT,
                        source="KOLADA: N21704",
                        target=sm.TargetValue("<=", 40, unit=Unit.PERCENT),
                    ),
                ],
            )
        ],
    )


# -- Indicator.source ---------------------------------------------------------------------


def test_a_kolada_source_names_a_kpi_and_other_sources_stay_free_text() -> None:
    indicators = {i.id: i for i in plan().all_indicators()}
    assert indicators["nojd"].kolada_kpi == "U21468"
    assert indicators["invanare"].kolada_kpi == "N21704"
    assert indicators["egen"].kolada_kpi is None
    assert indicators["egen"].source == "Kolada N21814"


@pytest.mark.parametrize("source", ["kolada:", "kolada:X21468", "kolada:U2146", "kolada:U214689"])
def test_a_kolada_source_without_a_kpi_id_is_refused_with_its_path(source: str) -> None:
    with pytest.raises(sm.PlanError) as caught:
        sm.Indicator(id="x", source=source)
    assert caught.value.problems[0].code == "kolada.source_kpi"
    assert texts(caught.value.problems)[0].startswith("Indicator.source: a Kolada source is")


def test_a_plan_file_with_a_kolada_source_reads_back() -> None:
    original = plan()
    assert sm.loads(sm.dumps(original), sm.Plan) == original


# -- inputs and assess --------------------------------------------------------------------


def test_inputs_give_outcomes_per_gender_and_never_zero_for_a_missing_value() -> None:
    data = kolada.inputs(plan(), SNAP, "0481")
    got = {(o.indicator, o.period.calendar_year, o.gender): o.value for o in data.outcomes}
    assert got == {
        ("nojd", 2023, Gender.TOTAL): Decimal("81.2"),
        ("nojd", 2023, Gender.WOMEN): Decimal("83"),
        ("nojd", 2022, Gender.TOTAL): Decimal("79"),
        ("invanare", 2024, Gender.TOTAL): Decimal("30"),
    }
    card = data.assess(plan(), 2021)  # 2021 has a status: no outcome, not assessed
    result = card.indicator("nojd")
    assert result.status is Status.NOT_ASSESSED
    assert result.outcome is None
    men = data.assess(plan(), 2023).indicator("nojd").by_gender()
    assert Gender.MEN not in men  # value null: no outcome, never 0


def test_references_reach_the_threshold_and_carry_their_provenance() -> None:
    data = kolada.inputs(
        plan(), SNAP, "0481", comparisons={"jämförelsekommuner": ["0480", "0482", "0483"]}
    )
    card = data.assess(plan(), 2023)
    result = card.indicator("nojd")
    # 81,2 against liknande kommuner 80,4: green.
    assert result.status is Status.GREEN
    assert dict(result.outcome.references) == {  # type: ignore[union-attr]
        "riket": Decimal("82.1"),
        "liknande kommuner": Decimal("80.4"),
        "jämförelsekommuner": Decimal("81.75"),
    }
    refs = {r.name: r for r in data.references[("nojd", 2023, Gender.TOTAL)]}
    assert refs["riket"].kind is ReferenceKind.COUNTRY
    assert (refs["riket"].id, refs["riket"].year, refs["riket"].fetched_at) == ("0000", 2023, DAY)
    assert refs["liknande kommuner"].kind is ReferenceKind.GROUP
    assert refs["liknande kommuner"].count == 7
    assert refs["liknande kommuner"].title == "Liknande kommuner äldreomsorg, Oxelösund"
    assert refs["jämförelsekommuner"].calculated
    assert refs["jämförelsekommuner"].missing == ("0483",)
    lines = data.sources(result)
    assert lines[0] == "Oxelösund 2023: 81,2\xa0% (Källa: Kolada, hämtat 2026-11-30)"
    assert "Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat 2026-11-30)" in lines
    assert (
        "Liknande kommuner äldreomsorg, Oxelösund 2023: 80,4\xa0% "
        "(medel av 7 kommuner; Källa: Kolada, hämtat 2026-11-30)"
    ) in lines
    calculated = next(line for line in lines if line.startswith("Jämförelsekommuner"))
    assert "styrmodells beräkning" in calculated
    assert "Källa: Kolada" not in calculated
    assert (
        lines[-1]
        == "Alla kommuner 2023: 3 värden (saknas för 0483; Källa: Kolada, hämtat 2026-11-30)"
    )
    explained = data.explain(result, "en").splitlines()
    assert explained[0] == result.explain("en")
    assert explained[1] == "  Oxelösund 2023: 81.2% (Source: Kolada, fetched 2026-11-30)"


def test_women_are_compared_with_the_references_of_women() -> None:
    data = kolada.inputs(plan(), SNAP, "0481")
    refs = data.references[("nojd", 2023, Gender.WOMEN)]
    assert [(r.name, r.value, r.gender) for r in refs] == [("riket", Decimal("83.4"), Gender.WOMEN)]
    result = data.assess(plan(), 2023).indicator("nojd")
    women = result.by_gender()[Gender.WOMEN]
    # No value of liknande kommuner for women: not assessed, never compared with 0.
    assert women.status is Status.NOT_ASSESSED
    assert data.explain(result, gender="K").splitlines() == [
        women.explain(),
        "  Oxelösund, kvinnor 2023: 83\xa0% (Källa: Kolada, hämtat 2026-11-30)",
        "  Riket, kvinnor 2023: 83,4\xa0% (Källa: Kolada, hämtat 2026-11-30)",
    ]
    assert data.sources(result, gender="M") == ()  # no outcome for men


def test_references_may_be_named_by_the_user_and_bad_ids_are_refused() -> None:
    data = kolada.inputs(
        plan(), SNAP, "0481", references={"landet": "0000", "länet": "0004"}, ranks=False
    )
    outcome = data.outcomes.get("nojd", 2023)
    assert outcome is not None
    assert dict(outcome.references) == {"landet": Decimal("82.1"), "länet": Decimal("80.9")}
    region = data.references[("nojd", 2023, Gender.TOTAL)][1]
    assert (region.kind, region.title) == (ReferenceKind.REGION, "Region Södermanland")
    assert region.describe() == "Region Södermanland 2023: 80,9 (Källa: Kolada, hämtat 2026-11-30)"
    assert data.populations == {}
    with pytest.raises(kolada.KoladaError):
        kolada.inputs(plan(), SNAP, "0481", references={"riket": "riket"})
    with pytest.raises(kolada.KoladaError):
        kolada.inputs(plan(), SNAP, "Oxelösund")


def test_default_references_are_riket_and_the_kommuns_group() -> None:
    assert kolada.default_references(SNAP, "0481") == {
        "riket": "0000",
        "liknande kommuner": "G38498",
    }
    two = Snapshot(
        schema=SCHEMA,
        base_url="x",
        fetched_at=DAY,
        groups=[MunicipalityGroup(id="G1", members=["0481"]), MunicipalityGroup(id="G2")],
    )
    assert kolada.default_references(two, "0481") == {"riket": "0000", "liknande kommuner": "G1"}
    assert kolada.default_references(two, "0480") == {"riket": "0000", "liknande kommuner": "G2"}
    three = attrs.evolve(two, groups=[*two.groups, MunicipalityGroup(id="G3")])
    assert kolada.default_references(three, "0480") == {"riket": "0000", "G2": "G2", "G3": "G3"}


def test_a_population_of_all_kommuner_comes_with_each_outcome() -> None:
    data = kolada.inputs(plan(), SNAP, "0481")
    pop = data.populations[("nojd", 2023, Gender.TOTAL)]
    assert dict(pop.values) == {
        "0481": Decimal("81.2"),
        "0480": Decimal("78"),
        "0482": Decimal("85.5"),
    }
    assert pop.missing == ("0483",)
    assert ("invanare", 2024, Gender.TOTAL) not in data.populations  # one kommun only


def test_a_rank_target_is_judged_among_all_kommuner_of_the_snapshot() -> None:
    # 0481 has 81.2 among 78, 81.2 and 85.5: second of three, a share of 2/3 — in the
    # middle half of Kolada's quartile colours, so yellow (three kommuner are enough here).
    rule = sm.Rank.quartiles(sm.Direction.HIGHER_IS_BETTER, minimum=3)
    base = plan()
    goal = base.goals[0]
    ranked = attrs.evolve(goal.indicators[0], target=rule, by_gender=False)
    ranked_plan = attrs.evolve(base, goals=[attrs.evolve(goal, indicators=[ranked])])
    card = kolada.inputs(ranked_plan, SNAP, "0481").assess(ranked_plan, 2023)
    result = card.indicator("nojd")
    assert result.status is Status.YELLOW
    assert result.assessment.measured == Decimal(200) / Decimal(3)  # per cent of the three
    assert result.assessment.compared_with == 3
    # Without the population the rank cannot be judged, and says why.
    alone = sm.assess(ranked_plan, kolada.inputs(ranked_plan, SNAP, "0481").outcomes, 2023)
    assert alone.indicator("nojd").assessment.reason is sm.Reason.MISSING_POPULATION


@settings(max_examples=40, deadline=None)
@given(
    values=st.lists(
        st.one_of(st.none(), st.decimals(min_value=0, max_value=100, places=1)),
        min_size=1,
        max_size=6,
    )
)
def test_an_outcome_exists_exactly_for_the_usable_values(values: list[Decimal | None]) -> None:
    rows = [row("0481", v, year=2020 + i) for i, v in enumerate(values)]
    snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at=DAY, rows=rows)
    data = kolada.inputs(plan(), snap, "0481")
    got = {o.period.calendar_year: o.value for o in data.outcomes}
    assert got == {2020 + i: v for i, v in enumerate(values) if v is not None}


# -- preliminary values and the calendar --------------------------------------------------


def test_a_preliminary_value_is_said_so_in_explain_and_the_report() -> None:
    data = kolada.inputs(plan(), SNAP, "0481")
    card = data.assess(plan(), 2024)
    result = card.indicator("invanare")
    assert data.preliminary(result)
    assert data.sources(result)[0] == (
        "Oxelösund 2024: 30\xa0% (preliminärt; Källa: Kolada, hämtat 2024-06-01)"
    )
    report = kolada.report(card, data)
    assert "Preliminärt: hämtat före Koladas slutliga publicering: Invånare 80+" in report
    english = kolada.report(card, data, locale="en")
    assert "Preliminary: fetched before Kolada's final publication: Invånare 80+" in english
    final = kolada.report(data.assess(plan(), 2023), data)
    assert "Preliminärt" not in final


def test_the_calendar_says_when_kolada_publishes() -> None:
    hook = kolada.availability(SNAP)
    bokslut = sm.Occasion("bokslut", dt.date(2025, 2, 20), sm.Period.year(2024), reported="B")
    entries = {e.id: e for e in contents_for(bokslut, plan(), available=hook)}
    invanare = entries["invanare"]
    assert not invanare.available
    assert invanare.available_from == dt.date(2025, 3, 1)  # the preliminary publication
    assert invanare.reason is sm.Reason.NOT_YET_AVAILABLE
    assert invanare.explain() == "Ej tillgängligt än: publiceras tidigast 2025-03-01"
    assert invanare.explain("en") == "Not yet available: published 2025-03-01 at the earliest"
    # Not the year Kolada's next publication covers, or not a Kolada source: the frequency.
    assert not entries["nojd"].published
    assert not entries["egen"].published
    later = sm.Occasion("bokslut", dt.date(2025, 3, 1), sm.Period.year(2024), reported="B")
    assert {e.id: e for e in contents_for(later, plan(), available=hook)}["invanare"].available


def test_contents_without_the_hook_are_unchanged() -> None:
    bokslut = sm.Occasion("bokslut", dt.date(2025, 2, 20), sm.Period.year(2024), reported="B")
    assert contents_for(bokslut, plan()) == contents_for(
        bokslut, plan(), available=lambda indicator, period: None
    )


# -- reports ------------------------------------------------------------------------------


def test_the_report_lists_the_sources_in_every_format() -> None:
    data = kolada.inputs(plan(), SNAP, "0481")
    card = data.assess(plan(), 2023)
    text = kolada.report(card, data)
    assert text.startswith(sm.render(card))
    tail = text[len(sm.render(card)) :].splitlines()
    assert tail[1] == "Källor"
    assert tail[2] == "Nöjdhet hemtjänst (Kolada U21468)"
    assert tail[3] == "  Oxelösund 2023: 81,2\xa0% (Källa: Kolada, hämtat 2026-11-30)"
    assert "  Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat 2026-11-30)" in tail
    markdown = kolada.report(card, data, "markdown", "en")
    assert "### Sources" in markdown
    assert "- Nöjdhet hemtjänst (Kolada U21468)\n  - Oxelösund 2023: 81.2" in markdown
    page = kolada.report(card, data, "html")
    assert page.rstrip().endswith("</html>")
    assert "<h2>Källor</h2>" in page
    assert page.index("<h2>Källor</h2>") < page.index("</body>")


def test_titles_from_data_are_escaped_in_the_report() -> None:
    snap = Snapshot(
        schema=SCHEMA,
        base_url="x",
        fetched_at=DAY,
        rows=[row("0481", 90), row("G1", 80)],
        groups=[MunicipalityGroup(id="G1", title="<b>Liknande</b>\x1b[31m")],
    )
    data = kolada.inputs(plan(), snap, "0481")
    card = data.assess(plan(), 2023)
    page = kolada.report(card, data, "html")
    assert "<b>Liknande" not in page
    assert "&lt;b&gt;Liknande&lt;/b&gt;" in page
    assert "\x1b" not in kolada.report(card, data)


def test_a_plan_without_kolada_sources_reports_as_before() -> None:
    bare = sm.Plan(
        id="p",
        years=2023,
        levels=("Mål",),
        goals=[sm.Goal(id="g", indicators=[sm.Indicator(id="i", target=sm.TargetValue(">=", 1))])],
    )
    data = kolada.inputs(bare, SNAP, "0481")
    card = data.assess(bare, 2023)
    assert kolada.report(card, data) == sm.render(card)
    assert data.explain(card.indicator("i")) == card.indicator("i").explain()


# -- bulk: one frame of every kommun's outcomes -------------------------------------------


def country() -> Snapshot:
    """Two KPIs × 290 kommuner × 2 years × T/K/M, some values null, plus riket."""
    rows = []
    for n in range(290):
        unit = f"{1000 + n:04d}"
        for year in (2022, 2023):
            for g, shift in (("T", 0), ("K", 3), ("M", -3)):
                value = None if (n + year) % 37 == 0 and g != "T" else Decimal(60 + n % 40 + shift)
                rows.append(row(unit, value, gender=g, year=year))
                rows.append(row(unit, Decimal(n % 60), kpi="N21704", gender=g, year=year))
    rows += [row("0000", "82.1", year=y) for y in (2022, 2023)]
    return Snapshot(schema=SCHEMA, base_url="x", fetched_at=DAY, rows=rows)


def test_the_outcome_frame_holds_every_kommun_and_assesses_as_the_object_path() -> None:
    pl = pytest.importorskip("polars")
    snap = country()
    the_plan = plan()
    data = kolada.outcome_frame(snap, the_plan)
    assert tuple(data.columns) == kolada.OUTCOME_COLUMNS
    assert data["org_unit"].n_unique() == 290
    assert data.filter(pl.col("org_unit") == "0000").height == 0  # riket is a reference
    assert data["value"].null_count() == 0  # null values give no row, never 0
    assert data.height == len(kolada.outcome_records(snap, the_plan))
    # Every kommun assessed from the frame's rows gives the scorecard the object path gives.
    by_unit: dict[str, list[sm.Outcome]] = {}
    for rec in data.iter_rows(named=True):
        by_unit.setdefault(rec["org_unit"], []).append(
            sm.Outcome(rec["indicator"], rec["year"], rec["value"], gender=rec["gender"])
        )
    assert len(by_unit) == 290
    seen: set[Status] = set()
    for unit, items in by_unit.items():
        framed = sm.assess(the_plan, items, 2023)
        direct = kolada.inputs(the_plan, snap, unit, references={}, ranks=False).assess(
            the_plan, 2023
        )
        for result in direct.all_indicators():
            other = framed.indicator(result.id)
            assert dict(other.by_gender()) == dict(result.by_gender()), unit
        seen.add(framed.indicator("invanare").status)
    assert seen == {Status.GREEN, Status.RED}  # N21704: 0–59 % against ≤ 40 %


def test_every_kommun_of_the_outcome_frame_is_assessed_in_one_pass() -> None:
    from styrmodell.frames import assess_frame

    snap = country()
    the_plan = plan()
    data = kolada.outcome_frame(snap, the_plan)
    judged = assess_frame(the_plan, data, 2023)
    statuses = {
        (r["indicator"], r["org_unit"], r["gender"]): r["status"]
        for r in judged.iter_rows(named=True)
    }
    assert {unit for _, unit, _ in statuses} == {f"{1000 + n:04d}" for n in range(290)}
    # The same statuses as the object path, kommun by kommun.
    for n in range(0, 290, 29):
        unit = f"{1000 + n:04d}"
        direct = kolada.inputs(the_plan, snap, unit, references={}, ranks=False).assess(
            the_plan, 2023
        )
        for result in direct.all_indicators():
            for gender, found in result.by_gender().items():
                assert statuses[(result.id, unit, gender.value)] == found.status.value, unit


@settings(max_examples=30, deadline=None)
@given(
    own=st.lists(
        st.sampled_from(["0480", "0482", "0483", "0481"]), min_size=1, max_size=4, unique=True
    ),
    locale=st.sampled_from(["sv", "en"]),
)
def test_only_kolada_values_are_credited_to_kolada(own: list[str], locale: str) -> None:
    data = kolada.inputs(plan(), SNAP, "0481", comparisons={"egna": own})
    card = data.assess(plan(), 2023)
    credit = "Källa: Kolada" if locale == "sv" else "Source: Kolada"
    for result in card.all_indicators():
        outcome = result.outcome
        if outcome is None:
            continue
        key = (result.id, outcome.period.calendar_year, outcome.gender)
        for ref in data.references.get(key, ()):
            said = ref.describe(locale)
            assert (credit in said) is not ref.calculated, said
        assert all(
            credit not in line or "styrmodell" not in line for line in data.sources(result, locale)
        )
