"""From a snapshot into the model: outcomes, references with provenance, populations, frames."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import Gender, Status, Unit
from styrmodell.kolada import (
    COLUMNS,
    SCHEMA,
    Kpi,
    Municipality,
    MunicipalityGroup,
    ReferenceKind,
    Row,
    Snapshot,
    comparison,
    frame,
    outcomes,
    population,
    records,
    reference,
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


def snapshot(*rows: Row, **more: object) -> Snapshot:
    return Snapshot(
        schema=SCHEMA,
        base_url="https://api.kolada.se/v3/",
        fetched_at=DAY,
        rows=rows,
        **more,  # type: ignore[arg-type]
    )


KOMMUNER = [
    Municipality(id="0000", title="Riket", type="L"),
    Municipality(id="0004", title="Region Södermanland", type="L"),
    Municipality(id="0481", title="Oxelösund", type="K"),
    Municipality(id="0480", title="Nyköping", type="K"),
    Municipality(id="0482", title="Flen", type="K"),
    Municipality(id="0483", title="Katrineholm", type="K"),
]

SNAP = snapshot(
    row("0481", "81.2"),
    row("0481", "83", gender="K"),
    row("0481", None, gender="M"),
    row("0481", "79", year=2022),
    row("0481", "12", year=2021, status="Bortfall"),
    row("0481", "50", year=2020, is_deleted=True),
    row("0000", "82.1"),
    row("0000", "83.4", gender="K"),
    row("0004", "80.9"),
    row("G38498", "80.4", count=7),
    row("0480", "78"),
    row("0482", "85.5"),
    row("0483", None),
    row("0481", "6.2", kpi="N21704"),
    kpis=[Kpi(id="U21468", publ_period=2023, publication_date="2024-04-30")],
    municipalities=KOMMUNER,
    groups=[
        MunicipalityGroup(
            id="G38498", title="Liknande kommuner äldreomsorg, Oxelösund", members=["0480"]
        )
    ],
)


# -- outcomes ----------------------------------------------------------------------------


def test_outcomes_per_gender_and_never_zero_for_a_missing_value() -> None:
    outs = outcomes(SNAP, "0481", indicators={"U21468": "nojdhet"})
    got = {(o.period.label("sv"), o.gender): o.value for o in outs.items}
    assert got == {
        ("2023", Gender.TOTAL): Decimal("81.2"),
        ("2023", Gender.WOMEN): Decimal("83"),
        ("2022", Gender.TOTAL): Decimal("79"),
    }
    # null value (2023 M), a status (2021) and isdeleted (2020) give no outcome at all.
    assert outs.get("nojdhet", 2023, gender="M") is None
    assert outs.get("nojdhet", 2021) is None
    assert outs.get("nojdhet", 2020) is None
    assert all(o.indicator == "nojdhet" for o in outs.items)


def test_outcomes_by_default_take_every_kpi_under_its_own_id() -> None:
    outs = outcomes(SNAP, "0481", years=2023)
    assert sorted({o.indicator for o in outs.items}) == ["N21704", "U21468"]


def test_outcomes_carry_kolada_references_and_a_calculated_comparison() -> None:
    outs = outcomes(
        SNAP,
        "0481",
        indicators={"U21468": "nojdhet"},
        years=2023,
        references={"riket": "0000", "liknande kommuner": "G38498", "länet": "0004"},
        comparisons={"jämförelsekommuner": ["0480", "0482", "0483"]},
    )
    total = outs.get("nojdhet", 2023)
    assert total is not None
    assert dict(total.references) == {
        "riket": Decimal("82.1"),
        "liknande kommuner": Decimal("80.4"),
        "länet": Decimal("80.9"),
        "jämförelsekommuner": Decimal("81.75"),
    }
    women = outs.get("nojdhet", 2023, gender="K")
    assert women is not None
    assert dict(women.references) == {"riket": Decimal("83.4")}  # no other K values


def test_a_plan_is_assessed_from_a_snapshot_and_a_missing_value_is_not_assessed() -> None:
    plan = sm.Plan(
        id="p",
        years=(2021, 2023),
        levels=("Mål",),
        goals=[
            sm.Goal(
                id="g",
                indicators=[
                    sm.Indicator(
                        id="nojdhet",
                        unit=Unit.PERCENT,
                        source="kolada:U21468",
                        by_gender=True,
                        targets={
                            year: sm.CompareToReference(reference="riket", unit=Unit.PERCENT)
                            for year in (2021, 2023)
                        },
                    )
                ],
            )
        ],
    )
    outs = outcomes(SNAP, "0481", indicators={"U21468": "nojdhet"}, references={"riket": "0000"})
    card = sm.assess(plan, outs, 2023)
    result = card.indicator("nojdhet")
    assert result.status is Status.RED  # 81,2 < riket 82,1
    by_gender = result.by_gender()
    assert by_gender[Gender.WOMEN].status is Status.RED  # 83 < 83,4
    # Kolada's null for men is no outcome at all: nothing to judge, never a 0 judged red.
    assert Gender.MEN not in by_gender
    assert by_gender[Gender.TOTAL].explain() == "81,2\xa0% är sämre än riket (82,1\xa0%) → Rött"
    # 2021 has a value with a status ("Bortfall"): no outcome, so not assessed.
    assert sm.assess(plan, outs, 2021).indicator("nojdhet").status is Status.NOT_ASSESSED


# -- references --------------------------------------------------------------------------


def test_riket_with_its_provenance_and_credit() -> None:
    ref = reference(SNAP, "U21468", "0000", 2023)
    assert ref is not None
    assert (ref.name, ref.kind, ref.id, ref.title, ref.year) == (
        "riket",
        ReferenceKind.COUNTRY,
        "0000",
        "Riket",
        2023,
    )
    assert (ref.value, ref.fetched_at, ref.calculated) == (Decimal("82.1"), DAY, False)
    assert ref.describe(unit=Unit.PERCENT) == (
        "Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat 2026-11-30)"
    )
    assert ref.describe("en", unit=Unit.PERCENT) == (
        "Sweden (riket) 2023: 82.1% (Source: Kolada, fetched 2026-11-30)"
    )


def test_a_group_says_how_many_members_contributed() -> None:
    ref = reference(SNAP, "U21468", "G38498", 2023, name="liknande kommuner")
    assert ref is not None
    assert (ref.kind, ref.count, ref.name) == (ReferenceKind.GROUP, 7, "liknande kommuner")
    assert ref.describe(unit=Unit.PERCENT) == (
        "Liknande kommuner äldreomsorg, Oxelösund 2023: 80,4\xa0% "
        "(medel av 7 kommuner; Källa: Kolada, hämtat 2026-11-30)"
    )
    assert "mean of 7 municipalities" in ref.describe("en")


def test_a_region_a_kommun_and_a_gender() -> None:
    region = reference(SNAP, "U21468", "0004", 2023)
    assert region is not None
    assert (region.kind, region.name, region.title) == (
        ReferenceKind.REGION,
        "0004",
        "Region Södermanland",
    )
    own = reference(SNAP, "U21468", "0481", 2023)
    assert own is not None
    assert own.kind is ReferenceKind.MUNICIPALITY
    women = reference(SNAP, "U21468", "0000", 2023, gender="K")
    assert women is not None
    assert (
        women.describe(places=1) == "Riket, kvinnor 2023: 83,4 (Källa: Kolada, hämtat 2026-11-30)"
    )
    assert women.describe("en").startswith("Sweden (riket), women 2023: 83.4")


def test_a_missing_reference_is_none_never_zero() -> None:
    assert reference(SNAP, "U21468", "0000", 2019) is None  # no row
    assert reference(SNAP, "U21468", "0483", 2023) is None  # null value
    assert reference(SNAP, "U21468", "0481", 2021) is None  # a status
    assert reference(SNAP, "U21468", "0481", 2020) is None  # deleted


def test_a_preliminary_value_says_so() -> None:
    early = snapshot(
        row("0000", "82.1", fetched_at=dt.date(2024, 3, 1)),
        kpis=[Kpi(id="U21468", publ_period=2023, publication_date="2024-04-30")],
    )
    ref = reference(early, "U21468", "0000", 2023)
    assert ref is not None
    assert ref.preliminary
    assert ref.describe() == "Riket 2023: 82,1 (preliminärt; Källa: Kolada, hämtat 2024-03-01)"
    final = reference(SNAP, "U21468", "0000", 2023)
    assert final is not None
    assert not final.preliminary


def test_a_comparison_mean_is_the_library_s_calculation_never_credited_to_kolada() -> None:
    mean = comparison(SNAP, "U21468", 2023, ["0480", "0482", "0483"], title="Sörmlands kommuner")
    assert mean is not None
    assert mean.value == Decimal("81.75")  # (78 + 85,5) / 2, exact; 0483 has no value
    assert (mean.kind, mean.count, mean.members, mean.missing) == (
        ReferenceKind.CALCULATED,
        2,
        ("0480", "0482"),
        ("0483",),
    )
    assert mean.calculated
    sv = mean.describe(unit=Unit.PERCENT, places=1)
    en = mean.describe("en")
    assert sv == (
        "Sörmlands kommuner 2023: 81,8\xa0% (styrmodells beräkning: medelvärdet av 2 kommuner, "
        "värden hämtade 2026-11-30)"
    )
    assert "Källa" not in sv
    assert "Kolada" not in sv
    assert "Source" not in en
    assert "styrmodell's calculation" in en
    assert comparison(SNAP, "U21468", 2023, ["0483"]) is None
    assert (
        comparison(SNAP, "U21468", 2023, ["0480"])
        .describe()
        .startswith(  # type: ignore[union-attr]
            "Jämförelsekommuner 2023: 78 (styrmodells beräkning: medelvärdet av 1 kommun,"
        )
    )


@settings(max_examples=40)
@given(st.lists(st.decimals(min_value=0, max_value=1000, places=3), min_size=1, max_size=12))
def test_a_comparison_mean_is_exact(values: list[Decimal]) -> None:
    ids = [f"{n:04d}" for n in range(100, 100 + len(values))]
    snap = snapshot(*(row(i, v) for i, v in zip(ids, values, strict=True)))
    mean = comparison(snap, "U21468", 2023, ids)
    assert mean is not None
    assert mean.value * len(values) == sum(values) or abs(
        mean.value * len(values) - sum(values)
    ) < Decimal("1e-20")
    assert min(values) <= mean.value <= max(values)


def test_a_population_of_every_kommun_for_a_rank() -> None:
    pop = population(SNAP, "U21468", 2023)
    assert dict(pop.values) == {
        "0481": Decimal("81.2"),
        "0480": Decimal("78"),
        "0482": Decimal("85.5"),
    }
    assert pop.missing == ("0483",)  # null: missing, not 0; riket and the region are not in it
    assert (pop.kpi, pop.year, pop.gender, pop.fetched_at) == ("U21468", 2023, Gender.TOTAL, DAY)
    assert pop.describe() == (
        "Alla kommuner 2023: 3 värden (saknas för 0483; Källa: Kolada, hämtat 2026-11-30)"
    )
    among = population(SNAP, "U21468", 2023, among=["0480", "0481"], title="Sörmland")
    assert list(among.values) == ["0480", "0481"]
    assert among.describe("en").startswith("Sörmland 2023: 2 values (Source: Kolada")


def test_a_population_without_metadata_takes_the_kommuner_with_rows() -> None:
    bare = snapshot(row("0000", 1), row("0004", 2), row("G1", 3), row("0180", 4), row("1280", 5))
    assert dict(population(bare, "U21468", 2023).values) == {
        "0180": Decimal(4),
        "1280": Decimal(5),
    }
    empty = population(bare, "U21468", 1999)
    assert empty.fetched_at is None
    assert empty.describe() == "Alla kommuner 1999: 0 värden (saknas för 0180, 1280)"


# -- bulk ----------------------------------------------------------------------------------


def test_records_are_one_per_kpi_municipality_year_gender() -> None:
    recs = records(SNAP)
    assert len(recs) == len(SNAP.rows)
    assert list(recs[0]) == list(COLUMNS)
    assert recs[2] == {
        "kpi": "U21468",
        "municipality": "0481",
        "ou": None,
        "period": 2023,
        "gender": "M",
        "value": None,
        "count": None,
        "status": "",
        "is_deleted": False,
        "usable": False,
        "preliminary": False,
        "fetched_at": DAY,
    }


def test_the_polars_frame_holds_the_values_exactly() -> None:
    data = frame(SNAP)
    assert data.columns == list(COLUMNS)
    assert data.height == len(SNAP.rows)
    assert isinstance(data.schema["value"], pl.Decimal)
    assert data["value"].to_list()[:2] == [Decimal("81.2"), Decimal("83")]
    assert data["value"].null_count() == 2
    assert data.filter(pl.col("usable")).height == len([r for r in SNAP.rows if r.usable])
    assert data.schema["fetched_at"] == pl.Date


def test_a_frame_of_an_empty_snapshot() -> None:
    assert frame(snapshot()).height == 0
