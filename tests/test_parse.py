"""parse_threshold: every målvärde text of the three seed plans, failures, round trips.

The texts are copied from ``shared/seeds/`` as they stand (HTML tags, typos and footnote
marks included). Where a Hässleholm cell runs over two lines of the seed file, the two
lines are joined with one space.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import (
    Bands,
    BudgetDeviation,
    CompareToReference,
    Direction,
    Duration,
    Milestone,
    ParseError,
    Progress,
    Status,
    TargetValue,
    ThresholdError,
    Unit,
    YearOverYear,
    describe,
    parse_threshold,
)
from styrmodell import strategies as sst

HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
PCT = Unit.PERCENT
D = Decimal


def yoy(direction: Direction, base_year: int | None = None, **kw: Any) -> YearOverYear:
    return YearOverYear(direction=direction, base_year=base_year, **kw)


SAME = YearOverYear.same_level()
DONE = Milestone()
STARTED = Milestone(required=Progress.STARTED)
RIKET = CompareToReference()

# (text, keyword arguments, the threshold built by hand)
HASSLEHOLM: list[tuple[str, dict[str, Any], object]] = [
    (
        "Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%",
        {},
        Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=PCT, direction=HIB),
    ),
    ("Grönt : Bättre än riket Gult: Som riket Rött: Sämre än riket", {}, RIKET),
    ("Grönt : Bättre än riket Gult:: Som riket Rött: Sämre än riket", {}, RIKET),
    (
        "Grönt: förvaltningen har erbjudit verkställighet inom 3 månader Rött: förvaltningen "
        "har erbjudit verkställighet efter 3 månader",
        {},
        Duration("3 månader"),
    ),
    (
        "Grönt : fler än 16 Gult: 16 Rött: Färre än 16",
        {"unit": Unit.COUNT},
        Bands(
            green="(16, inf)", yellow="[16, 16]", red="(-inf, 16)", unit=Unit.COUNT, direction=HIB
        ),
    ),
    (
        "<p>Grönt: mer än 9,5%</p> <p>Gult: -0,1 - -9,4%</p> <p>Rött: 0,0%</p>",
        {},
        # "-0,1" next to "0,0": written one step (0,1) apart.
        Bands(green="(9.5, inf)", yellow="[-9.4, -0.1]", red="[0, 0]", unit=PCT, precision="0.1"),
    ),
    (
        "<p>Grönt: Bättre än riket</p> <p>Gult: Samma som riket</p> <p>Rött: Sämre än riket</p>",
        {"direction": LIB, "unit": Unit.SEK},
        CompareToReference(direction=LIB, unit=Unit.SEK),
    ),
    (
        "<p>Grönt: Förbättrat jämfört mot 2018</p> <p>Gult: Oförändrat jämfört mot 2018</p> "
        "<p>Rött: Försämrat jämfört mot 2018r</p>",
        {"unit": Unit.INDEX},
        yoy(HIB, 2018, unit=Unit.INDEX),
    ),
    (
        "<p>Grönt: upp till 30 tv anställda</p> Gult: 31-40 tv anställda Rött: över 40 tv "
        "anställda",
        {"unit": Unit.COUNT},
        Bands(
            green="(-inf, 30]",
            yellow="[31, 40]",
            red="(40, inf)",
            unit=Unit.COUNT,
            direction=LIB,
            precision=1,
        ),
    ),
    ("Grönt: utförd Rött: Ej utförd", {}, DONE),
    (
        "Grönt: under 7,8% Gult: 7,8-8,5% Rött: över 8,5%",
        {},
        Bands(green="(-inf, 7.8)", yellow="[7.8, 8.5]", red="(8.5, inf)", unit=PCT, direction=LIB),
    ),
    (
        "Grönt: under 2,2% Gult: 2,3-2,9% Rött: över 3%",
        {},
        Bands(
            green="(-inf, 2.2)",
            yellow="[2.3, 2.9]",
            red="(3, inf)",
            unit=PCT,
            direction=LIB,
            precision="0.1",
        ),
    ),
    (
        "Grönt:>22 Gult:19-22 Rött:<19",
        {"unit": Unit.COUNT},
        Bands(
            green="(22, inf)", yellow="[19, 22]", red="(-inf, 19)", unit=Unit.COUNT, direction=HIB
        ),
    ),
    ("Mål under 2019", {}, Milestone(due=dt.date(2019, 12, 31))),
    (
        "Grönt: samtlig personal Gult: 90-99% Rött: under 90%",
        {},
        Bands(
            green="[100, 100]",
            yellow="[90, 99]",
            red="(-inf, 90)",
            unit=PCT,
            direction=HIB,
            precision=1,
        ),
    ),
]

MJOLBY_YEAR = {"year": 2011}
MJOLBY: list[tuple[str, dict[str, Any], object]] = [
    ("Genomfört", {}, DONE),
    (
        "NKI över 70 för samtliga kundenkäter",
        {"unit": Unit.INDEX},
        TargetValue(">", 70, unit=Unit.INDEX),
    ),
    (
        "Över medel i SKL:s öppna jämförelser",
        {},
        CompareToReference(reference="medel i SKL:s öppna jämförelser", yellow=False),
    ),
    ("Minst 5 totalt inom förvaltningen", {}, TargetValue(">=", 5)),
    (
        "Kommunfullmäktige har fattat beslut i frågan före årets slut.",
        MJOLBY_YEAR,
        Milestone(due=dt.date(2011, 12, 31)),
    ),
    ("NKI över 70 för samtliga enheter.", {}, TargetValue(">", 70)),
    ("Minst 1 gång/år", {}, TargetValue(">=", 1)),
    ("Minskar", {}, yoy(LIB)),
    (
        "Minst 2 arbetsplatser arbetar efter konceptet Mönsterarbetsplatsen.",
        {},
        TargetValue(">=", 2),
    ),
    ("Oförändrat", {}, SAME),
    ("Oförändrad nivå.", {}, SAME),
    (
        "Oförändrat antal ³ Nyckeltalet ska redovisas för olika åldersgrupper samt för "
        "pojkar/flickor år 2011.",
        {},
        SAME,
    ),
    ("Uppnått", {}, DONE),
    ("Ökning jämfört med 2010", MJOLBY_YEAR, yoy(HIB, 2010)),
    ("Samma nivå som år 2010", MJOLBY_YEAR, YearOverYear.same_level(base_year=2010)),
    ("Ökande antal jämfört med 2010", MJOLBY_YEAR, yoy(HIB, 2010)),
    ("Ökning", {}, yoy(HIB)),
    ("Oförändrad nivå", {}, SAME),
    ("Ökning ⁴", {}, yoy(HIB)),
    ("<4 mån", {}, TargetValue("<", 4, unit=Unit.MONTHS)),
    ("Samma nivå som 2009", MJOLBY_YEAR, YearOverYear.same_level(base_year=2009)),
    ("100 %", {}, TargetValue(">=", 100, unit=PCT)),
    ("Ökad andel.", {}, yoy(HIB)),
    ("Ökning jämför med 2009.", MJOLBY_YEAR, yoy(HIB, 2009)),
    ("Minskning jämfört med kartläggning år 2008", MJOLBY_YEAR, yoy(LIB, 2008)),
    ("Minskning", {}, yoy(LIB)),
    ("Minska", {}, yoy(LIB)),
    ("Uppnått.", {}, DONE),
    (
        "Minst 40 % av dödsfallen (målet kan kompletteras senare av OSN)",
        {},
        TargetValue(">=", 40, unit=PCT),
    ),
    ("Påbörja registrering", {}, STARTED),
    ("+ eller 0", {}, BudgetDeviation.no_negative()),
    ("Arbete påbörjat", {}, STARTED),
    ("Genomfört inför år 2011", {}, Milestone(due=dt.date(2010, 12, 31))),
    ("Påbörjat", {}, STARTED),
    # The parts of the one cell that holds two målvärden, one per indicator.
    ("Oförändrat eller minskning", {}, yoy(LIB, unchanged=Status.GREEN)),
    # From the indicator's title: "… ska ligga 5 %-enheter under Riket, kr/inv".
    (
        "Kostnader för försörjningsstöd per invånare samt utveckling i procent per år ska "
        "ligga 5 %-enheter under Riket, kr/inv",
        {},
        CompareToReference(direction=LIB, offset=-5, yellow=False, unit=PCT),
    ),
]

OXELOSUND: list[tuple[str, dict[str, Any], object]] = [
    *[(t, {}, TargetValue(">=", int(t))) for t in ("1", "2", "5", "110", "120", "130")],
    ("≥ 50 %", {}, TargetValue(">=", 50, unit=PCT)),
    ("≥3", {}, TargetValue(">=", 3)),
    ("100%", {}, TargetValue(">=", 100, unit=PCT)),
    (">20", {}, TargetValue(">", 20)),
    *[
        (t, {}, TargetValue(">=", int(t.rstrip(" %")), unit=PCT))
        for t in (
            "80 %",
            "57%",
            "65%",
            "70%",
            "42%",
            "50%",
            "55%",
            "72%",
            "80%",
            "85%",
            "74%",
            "82%",
            "89%",
            "78%",
            "81%",
            "25%",
            "18%",
            "21%",
            "90 %",
            "100 %",
            "90%",
        )
    ],
    ("16", {"direction": LIB}, TargetValue("<=", 16)),
    (">50%", {}, TargetValue(">", 50, unit=PCT)),
    *[
        (f">{y}", {"year": y + 1}, yoy(HIB, y, unchanged=Status.RED, unit=PCT))
        for y in (2022, 2023, 2024)
    ],
    ("0 % neg. avvikelse", {}, BudgetDeviation.no_negative()),
    (">75%", {}, TargetValue(">", 75, unit=PCT)),
    (">91,74 %", {}, TargetValue(">", D("91.74"), unit=PCT)),
    (">88,24 %", {}, TargetValue(">", D("88.24"), unit=PCT)),
    # The mått "Resursfördelningssystem infört vid årets slut." read as its milestone.
    (
        "Resursfördelningssystem infört vid årets slut.",
        {"year": 2023},
        Milestone(due=dt.date(2023, 12, 31)),
    ),
]

# Oxelösund's ">2022" targets are judged on percentages; pass the unit as the plan file does.
for i, (text, kw, rule) in enumerate(OXELOSUND):
    if isinstance(rule, YearOverYear):
        OXELOSUND[i] = (text, {**kw, "unit": PCT}, rule)

TABLE = HASSLEHOLM + MJOLBY + OXELOSUND


@pytest.mark.parametrize(("text", "kwargs", "expected"), TABLE, ids=[t[0][:40] for t in TABLE])
def test_every_seed_målvärde_parses_to_its_threshold(
    text: str, kwargs: dict[str, Any], expected: object
) -> None:
    assert parse_threshold(text, **kwargs) == expected


# -- texts that are read but state an impossible rule -----------------------------------


def test_hassleholm_budget_rule_as_written_overlaps_at_0_5() -> None:
    text = "Grönt: = 0 - 0,5% plus <p>Gult: plus/minus 0,5-2%</p> <p>Rött: mer än plus/minus 2%</p>"
    with pytest.raises(ThresholdError) as info:
        parse_threshold(text)
    message = str(info.value)
    assert text in message
    assert "green [0, 0.5] and yellow [0.5, 2] overlap" in message
    assert message.endswith("both contain 0.5")


def test_hassleholm_aldreomsorg_as_written_overlaps() -> None:
    with pytest.raises(ThresholdError, match=r"green \(-4.1, inf\) and yellow \[-4, -0.1\]"):
        parse_threshold(
            "<p>Grönt: mer än -4,1%</p> <p>Gult: -0,1 - -4%</p> <p>Rött: mer än -0%</p>"
        )


def test_plus_minus_bands_are_unions() -> None:
    rule = parse_threshold("Gult: plus/minus 0,5-2% Rött: mer än ±2%")
    assert isinstance(rule, Bands)
    assert [str(i) for i in rule.yellow] == ["[-2, -0.5]", "[0.5, 2]"]
    assert [str(i) for i in rule.red] == ["(-inf, -2)", "(2, inf)"]
    assert rule.direction is None
    within = parse_threshold("Grönt: plus/minus 0,4% Rött: mer än plus/minus 0,4%")
    assert isinstance(within, Bands)
    assert [str(i) for i in within.green] == ["[-0.4, 0.4]"]
    with pytest.raises(ThresholdError, match=r"both contain -0\.5"):
        parse_threshold("Grönt: plus/minus 0,5% Gult: plus/minus 0,5-2%")


# -- texts it cannot read -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Brukarenkät nöjdhet bemötande", "not a målvärde this reader understands"),
        (
            "85 % framgång i överklagade ärenden. 100 % tillsynsärenden utan allvarlig kritik. "
            "100 % av alla synpunkter och klagomål, som dokumenterats, utreds",
            "more than one målvärde",
        ),
        ("All personal minst 1 g/år", "not a målvärde"),
        ("Mätning genomförs enligt bedömningskriterier i Öppna jämförelser", "not a målvärde"),
        ("Mätvärde saknas, målet ska kompletteras.", "gives no målvärde yet"),
        (
            "-Oförändrat eller minskning -Oförändrat eller ökning till 2008 års nivå",
            "more than one målvärde",
        ),
        ("Oförändrat eller ökning till 2008 års nivå", "not a målvärde"),
        (
            "Varje berörd enhet kan redogöra för hur man arbetar för att beakta barnperspektivet.",
            "not a målvärde",
        ),
        ("Delta i arbetet", "not a målvärde"),
        ("Riktlinjerna för samråd följs", "not a målvärde"),
        ("", "empty"),
        ("40-60%", "a range alone"),
        ("Grönt: Bättre än riket Rött: Sämre än riket", "all three"),
        ("Grönt: Bättre än riket Gult: Som länet Rött: Sämre än riket", "different references"),
        ("Grönt: mer än 60 Gult: kanske Rött: mindre än 40", "Gult: cannot read 'kanske'"),
        ("Grönt: 5 Grönt: 6", "Grönt is given twice"),
        ("NB Grönt: 5", "text before the first colour"),
        ("infört vid årets slut", "needs the target year"),
        ("Ökning jämfört med 2012", "not before the target year 2011"),
    ],
)
def test_unreadable_text_raises_parse_error_naming_it(text: str, why: str) -> None:
    kwargs = {"year": 2011} if "2012" in text else {}
    with pytest.raises(ParseError) as info:
        parse_threshold(text, **kwargs)
    message = str(info.value)
    assert f"målvärde {text!r}" in message
    assert why in message
    assert "understood forms:" in message
    assert "'Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%'" in message


@pytest.mark.parametrize(
    ("text", "kwargs", "said"),
    [
        ("50 %", {"unit": Unit.COUNT}, "the unit PERCENT"),
        ("Ökning", {"direction": LIB}, "the direction HIGHER_IS_BETTER"),
        (">20", {"direction": LIB}, "the direction HIGHER_IS_BETTER"),
        ("Grönt: mer än 60 Rött: högst 60", {"direction": LIB}, "the direction HIGHER"),
    ],
)
def test_text_that_contradicts_the_caller_raises(
    text: str, kwargs: dict[str, Any], said: str
) -> None:
    with pytest.raises(ParseError, match=said):
        parse_threshold(text, **kwargs)


def test_bad_arguments_raise() -> None:
    with pytest.raises(ParseError, match="expected text"):
        parse_threshold(5)  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="Unit"):
        parse_threshold("5", unit="percent")  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="Direction"):
        parse_threshold("5", direction="up")  # type: ignore[arg-type]
    with pytest.raises(ParseError, match="year"):
        parse_threshold("5", year="2011")  # type: ignore[arg-type]


# -- other forms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kwargs", "expected"),
    [
        ("89 % eller mer", {}, TargetValue(">=", 89, unit=PCT)),
        ("högst 3 dagar", {}, TargetValue("<=", 3, unit=Unit.DAYS)),
        ("= 0", {}, TargetValue("==", 0)),
        ("+/-0", {}, BudgetDeviation.no_negative()),
        (
            "ska ligga 5 %-enheter under Riket",
            {},
            CompareToReference(direction=LIB, offset=-5, yellow=False, unit=PCT),
        ),
        ("Plan klar", {}, DONE),
        ("Genomfört senast 31 december 2019", {}, Milestone(due=dt.date(2019, 12, 31))),
        ("verkställighet inom 3 månader", {}, Duration("3 månader")),
        ("Oförändrat eller ökning", {}, yoy(HIB, unchanged=Status.GREEN)),
        ("Grönt: ökning Gult: oförändrat Rött: minskning", {}, yoy(HIB)),
        ("Grönt: Påbörjat Rött: Ej påbörjat", {}, STARTED),
        (
            "Grönt: −4 – −0,1 % Rött: mindre än −4 %",
            {},
            Bands(green="[-4, -0.1]", red="(-inf, -4)", unit=PCT, direction=HIB),
        ),
        ("Grönt: minst 1\u00a0000 tkr", {}, Bands(green="[1000, inf)", unit=Unit.TKR)),
    ],
)
def test_other_forms(text: str, kwargs: dict[str, Any], expected: object) -> None:
    assert parse_threshold(text, **kwargs) == expected


# -- round trips through describe -----------------------------------------------------------

_UNITS = st.sampled_from([None, *Unit])


@given(
    st.sampled_from([Decimal(1), Decimal("0.1")]).flatmap(
        lambda q: _UNITS.flatmap(lambda u: sst.bands(gaps=True, precision=q, unit=u))
    )
    | _UNITS.flatmap(lambda u: sst.bands(gaps=False, unit=u))
)
def test_bands_read_back_from_their_description(rule: Bands) -> None:
    """Bands come back equal from their Swedish text, given the unit the text cannot show
    (a count has no suffix) and the declared direction (the text shows only the colours'
    order). A rule with gaps must state its precision: without the note, a gap one step
    wide reads as a reporting precision ("2,2 %" / "2,3 %")."""
    back = parse_threshold(describe(rule), unit=rule.unit, direction=rule.direction)
    assert isinstance(back, Bands)
    assert attrs.evolve(back, direction=rule.direction) == rule


@given(sst.target_values(unit=PCT) | sst.target_values(), sst.decimals())
def test_target_values_read_back_as_bands_that_judge_alike(
    rule: TargetValue, value: Decimal
) -> None:
    """A target's description is a colour text; it reads back as Bands that give every
    value the same status (the family is not recovered, the rule is)."""
    back = parse_threshold(describe(rule), unit=rule.unit)
    assert back.assess(value).status == rule.assess(value).status


@given(sst.durations())
def test_durations_read_back_equal(rule: Duration) -> None:
    assert parse_threshold(describe(rule)) == rule


@given(sst.milestones().filter(lambda m: m.due is not None))
def test_milestone_deadline_reads_back_from_green(rule: Milestone) -> None:
    green = describe(rule).split(", ")[0].removeprefix("Grönt: ")
    assert parse_threshold(green) == rule
