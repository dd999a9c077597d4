"""Every indicator threshold of Hässleholm's omsorgsnämnd plan 2019–2021, built in code.

Source: ``shared/seeds/hassleholm-omsorgsnamnden-2019-2021.txt``, the table at the end
(KF övergripande mål ▸ inriktningsmål ▸ nämndsmål ▸ indikatorer ▸ målvärde). Each rule is
written as the plan words it; where the plan is defective (gaps, an overlap, colours out of
order) the library must say so, and these tests pin what it says.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import styrmodell as sm
from styrmodell import (
    Bands,
    BudgetDeviation,
    CompareToReference,
    Context,
    Direction,
    Duration,
    Interval,
    Milestone,
    Progress,
    Status,
    ThresholdError,
    Unit,
    YearOverYear,
    describe,
    lint,
)

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
HIB, LIB = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
D = Decimal

# -- the plan's rules ----------------------------------------------------------------

# "Andel av medborgarna som tar kontakt ... via telefon får ett direkt gott eller medelgott
# svar ... inom 60 sek."  Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%
TELEFON = Bands(
    green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT, direction=HIB
)

# "Andel brukare som är nöjda eller mycket nöjda med sin hemtjänst / sitt äldreboende / sin
# LSS-insats", "Andelen patienter ... får träffa sjuksköterska vid behov."
# Grönt: Bättre än riket Gult: Som riket Rött: Sämre än riket
NOJD_HEMTJANST = CompareToReference(unit=Unit.PERCENT)
NOJD_ALDREBOENDE = CompareToReference(unit=Unit.PERCENT)
NOJD_LSS = CompareToReference(unit=Unit.PERCENT)
SJUKSKOTERSKA = CompareToReference(unit=Unit.PERCENT)

# "Tid från beslut till verkställighet gällande brukare under 18 år."
# Grönt: ... verkställighet inom 3 månader Rött: ... efter 3 månader
VERKSTALLIGHET = Duration("3 månader")

# "Öka antalet arbetsmarknadsresurser ... Ugång 16 st 2018"
# Grönt : fler än 16 Gult: 16 Rött: Färre än 16
ARBETSMARKNADSRESURSER = Bands(
    green="(16, inf)",
    yellow="[16, 16]",
    red="(-inf, 16)",
    unit=Unit.COUNT,
    direction=HIB,
    precision=1,
)

# "Utfall i bokslut": Grönt: = 0 - 0,5% plus  Gult: plus/minus 0,5-2%
# Rött: mer än plus/minus 2%  (written literally it overlaps at 0,5; see the tests)
BUDGET_FIXED = BudgetDeviation(
    green="[0, 0.5]",
    yellow=["[-2, -0.5]", "(0.5, 2]"],
    red=["(-inf, -2)", "(2, inf)"],
)

# "Nettokostnadsavvikelse Äldreomsorg (%)": Grönt: mer än -4,1% Gult: -0,1 - -4%
# Rött: mer än -0%.  Literally ("mer än −4,1 %" = above −4,1) green swallows yellow and red;
# the plan means a cost *below* the reference by more than 4,1 %.
ALDREOMSORG = Bands(
    green="(-inf, -4.1)",
    yellow="[-4, -0.1]",
    red="(0, inf)",
    unit=Unit.PERCENT,
    direction=LIB,
    precision="0.1",
)

# "Nettokostnadsavvikelse LSS (%)": Grönt: mer än 9,5% Gult: -0,1 - -9,4% Rött: 0,0%
LSS_LITERAL = Bands(green="(9.5, inf)", yellow="[-9.4, -0.1]", red="[0, 0]", unit=Unit.PERCENT)

# "Kostnad för hemtjänst per invånare 65+": Bättre än / Samma som / Sämre än riket
KOSTNAD_HEMTJANST = CompareToReference(direction=LIB, unit=Unit.SEK)

# "Medarbetarengagemang (HME) totalindex": Förbättrat / Oförändrat / Försämrat jämfört mot 2018
HME = YearOverYear(direction=HIB, base_year=2018, unit=Unit.INDEX)

# "Antal tv medarbetare per chef": Grönt: upp till 30 Gult: 31-40 Rött: över 40
MEDARBETARE_PER_CHEF = Bands(
    green="(-inf, 30]",
    yellow="[31, 40]",
    red="(40, inf)",
    unit=Unit.COUNT,
    direction=LIB,
    precision=1,
)

# "GAP-analys ska genomföras": Grönt: utförd Rött: Ej utförd
GAP_ANALYS = Milestone()

# "Total sjukfrånvaro (%)": Grönt: under 7,8% Gult: 7,8-8,5% Rött: över 8,5%
SJUKFRANVARO = Bands(
    green="(-inf, 7.8)", yellow="[7.8, 8.5]", red="(8.5, inf)", unit=Unit.PERCENT, direction=LIB
)

# "Korttidsfrånvaro dag 1-14 (%)": Grönt: under 2,2% Gult: 2,3-2,9% Rött: över 3%
KORTTIDSFRANVARO = Bands(
    green="(-inf, 2.2)", yellow="[2.3, 2.9]", red="(3, inf)", unit=Unit.PERCENT, direction=LIB
)
KORTTIDSFRANVARO_REPORTED = Bands(
    green="(-inf, 2.2)",
    yellow="[2.3, 2.9]",
    red="(3, inf)",
    unit=Unit.PERCENT,
    direction=LIB,
    precision="0.1",
)

# "Öka antal elbilar utifrån befintligt antal 2019 vilket är 19 bilar."
# Grönt:>22 Gult:19-22 Rött:<19
ELBILAR = Bands(
    green="(22, inf)", yellow="[19, 22]", red="(-inf, 19)", unit=Unit.COUNT, direction=HIB
)

# "Upphandla Tena identify": Mål under 2019
TENA = Milestone(due=dt.date(2019, 12, 31))

# "Säkerställa att samtlig administrativ och legitimerad personal har förutsättningar ...
# för att delta i digitala möten": Grönt: samtlig personal Gult: 90-99% Rött: under 90%
DIGITALA_MOTEN = Bands(
    green="[100, 100]",
    yellow="[90, 99]",
    red="(-inf, 90)",
    unit=Unit.PERCENT,
    direction=HIB,
    precision=1,
)

# ("Säkerställa att varje verksamhet arbetar med värdegrundsfrågor" has the målvärde
# "Brukarenkät nöjdhet bemötande": a data source, not a rule; there is nothing to build.)

ALL_RULES = {
    "telefon": TELEFON,
    "nojd_hemtjanst": NOJD_HEMTJANST,
    "nojd_aldreboende": NOJD_ALDREBOENDE,
    "nojd_lss": NOJD_LSS,
    "sjukskoterska": SJUKSKOTERSKA,
    "verkstallighet": VERKSTALLIGHET,
    "arbetsmarknadsresurser": ARBETSMARKNADSRESURSER,
    "budget": BUDGET_FIXED,
    "aldreomsorg": ALDREOMSORG,
    "lss": LSS_LITERAL,
    "kostnad_hemtjanst": KOSTNAD_HEMTJANST,
    "hme": HME,
    "medarbetare_per_chef": MEDARBETARE_PER_CHEF,
    "gap_analys": GAP_ANALYS,
    "sjukfranvaro": SJUKFRANVARO,
    "korttidsfranvaro": KORTTIDSFRANVARO_REPORTED,
    "elbilar": ELBILAR,
    "tena": TENA,
    "digitala_moten": DIGITALA_MOTEN,
}


def around(bound: str) -> list[Decimal]:
    """A boundary, ±0,1 around it, and far away on both sides."""
    b = D(bound)
    return [b - 1000, b - D("0.1"), b, b + D("0.1"), b + 1000]


def statuses(rule: sm.Threshold, values: list[Decimal], ctx: Context | None = None) -> list[Status]:
    return [rule.assess(v, ctx).status for v in values]


# -- bands on and around every boundary -----------------------------------------------


@pytest.mark.parametrize(
    ("rule", "bound", "expected"),
    [
        (TELEFON, "60", [R, Y, Y, G, G]),
        (TELEFON, "40", [R, R, Y, Y, G]),
        (ARBETSMARKNADSRESURSER, "16", [R, Y, Y, Y, G]),  # counts: 15,9 rounds to 16
        (ARBETSMARKNADSRESURSER, "16.5", [R, Y, G, G, G]),
        (ARBETSMARKNADSRESURSER, "15.4", [R, R, R, Y, G]),
        (ALDREOMSORG, "-4.1", [G, G, NA, Y, R]),
        (ALDREOMSORG, "-4", [G, NA, Y, Y, R]),
        (ALDREOMSORG, "-0.1", [G, Y, Y, NA, R]),
        (ALDREOMSORG, "0", [G, Y, NA, R, R]),
        (LSS_LITERAL, "9.5", [NA, NA, NA, G, G]),
        (LSS_LITERAL, "-9.4", [NA, NA, Y, Y, G]),
        (LSS_LITERAL, "-0.1", [NA, Y, Y, R, G]),
        (LSS_LITERAL, "0", [NA, Y, R, NA, G]),
        (MEDARBETARE_PER_CHEF, "30", [G, G, G, G, R]),
        (MEDARBETARE_PER_CHEF, "30.5", [G, G, Y, Y, R]),
        (MEDARBETARE_PER_CHEF, "31", [G, Y, Y, Y, R]),
        (MEDARBETARE_PER_CHEF, "40", [G, Y, Y, Y, R]),
        (MEDARBETARE_PER_CHEF, "40.5", [G, Y, R, R, R]),
        (SJUKFRANVARO, "7.8", [G, G, Y, Y, R]),
        (SJUKFRANVARO, "8.5", [G, Y, Y, R, R]),
        (KORTTIDSFRANVARO, "2.2", [G, G, NA, Y, R]),
        (KORTTIDSFRANVARO, "2.3", [G, NA, Y, Y, R]),
        (KORTTIDSFRANVARO, "2.9", [G, Y, Y, NA, R]),
        (KORTTIDSFRANVARO, "3", [G, Y, NA, R, R]),
        (KORTTIDSFRANVARO_REPORTED, "2.2", [G, G, NA, Y, R]),
        (KORTTIDSFRANVARO_REPORTED, "2.15", [G, G, NA, Y, R]),
        (KORTTIDSFRANVARO_REPORTED, "2.25", [G, NA, Y, Y, R]),
        (KORTTIDSFRANVARO_REPORTED, "3", [G, Y, NA, R, R]),
        (KORTTIDSFRANVARO_REPORTED, "2.95", [G, Y, NA, R, R]),
        (KORTTIDSFRANVARO_REPORTED, "3.05", [G, NA, R, R, R]),
        (ELBILAR, "22", [R, Y, Y, G, G]),
        (ELBILAR, "19", [R, R, Y, Y, G]),
        (DIGITALA_MOTEN, "100", [R, G, G, G, NA]),  # > 100 % cannot happen, and has no colour
        (DIGITALA_MOTEN, "99", [R, Y, Y, Y, NA]),
        (DIGITALA_MOTEN, "99.5", [R, Y, G, G, NA]),
        (DIGITALA_MOTEN, "90", [R, Y, Y, Y, NA]),
        (DIGITALA_MOTEN, "89.5", [R, R, Y, Y, NA]),
    ],
)
def test_bands_on_and_around_each_boundary(rule, bound, expected):
    values = around(bound)
    assert statuses(rule, values) == expected
    assert rule.classify(values) == expected


@pytest.mark.parametrize(
    ("outcome_deviation", "expected"),
    [
        ("-1000", R),
        ("-2.1", R),
        ("-2", Y),
        ("-1.9", Y),
        ("-0.6", Y),
        ("-0.5", Y),
        ("-0.4", NA),
        ("-0.1", NA),
        ("0", G),
        ("0.1", G),
        ("0.4", G),
        ("0.5", G),
        ("0.6", Y),
        ("1.9", Y),
        ("2", Y),
        ("2.1", R),
        ("1000", R),
    ],
)
def test_budget_on_and_around_each_boundary(outcome_deviation, expected):
    budget = D(-400_000)  # nämndens nettokostnad, tkr
    outcome = budget + abs(budget) * D(outcome_deviation) / 100
    a = BUDGET_FIXED.assess(outcome, Context(budget=budget))
    assert a.status is expected
    assert a.measured == D(outcome_deviation)


@pytest.mark.parametrize(
    "rule", [NOJD_HEMTJANST, NOJD_ALDREBOENDE, NOJD_LSS, SJUKSKOTERSKA], ids=lambda r: "riket"
)
def test_compare_to_riket_on_and_around_the_reference(rule):
    ctx = Context(references={"riket": 89})
    assert statuses(rule, around("89"), ctx) == [R, R, Y, G, G]
    assert rule.assess(89, Context()).reason == "missing_reference"


def test_cost_of_home_care_lower_is_better():
    ctx = Context(references={"riket": 65_000})
    assert statuses(KOSTNAD_HEMTJANST, around("65000"), ctx) == [G, G, Y, R, R]
    a = KOSTNAD_HEMTJANST.assess(64_000, ctx)
    assert a.explain() == "64\xa0000\xa0kr är bättre än riket (65\xa0000\xa0kr) → Grönt"


def test_hme_compared_with_2018():
    ctx = Context(year=2020, history={2018: 78, 2019: 99})
    assert statuses(HME, around("78"), ctx) == [R, R, Y, G, G]
    assert HME.assess(80, ctx).explain() == "80 är förbättrat jämfört med 2018 (78) → Grönt"
    assert HME.assess(80, Context(year=2020)).status is NA


def test_verkstallighet_within_three_months():
    decided = dt.date(2019, 3, 1)
    limit = dt.date(2019, 6, 1)
    for end, expected in [
        (decided, G),
        (limit - dt.timedelta(days=1), G),
        (limit, G),
        (limit + dt.timedelta(days=1), R),
        (dt.date(2021, 1, 1), R),
    ]:
        assert VERKSTALLIGHET.assess((decided, end)).status is expected
    assert VERKSTALLIGHET.assess((decided, None), Context(as_of=limit)).status is NA
    assert VERKSTALLIGHET.assess((decided, None), Context(as_of=dt.date(2019, 6, 2))).status is R


def test_gap_analys_done_or_not():
    assert GAP_ANALYS.assess(True).status is G
    assert GAP_ANALYS.assess(False).status is R
    assert GAP_ANALYS.assess(True).explain() == "Genomfört (krav: genomfört) → Grönt"


def test_tena_during_2019():
    assert TENA.assess(Progress.STARTED, Context(as_of=dt.date(2019, 12, 30))).status is Y
    assert TENA.assess(Progress.STARTED, Context(as_of=dt.date(2019, 12, 31))).status is Y
    assert TENA.assess(Progress.STARTED, Context(as_of=dt.date(2020, 1, 1))).status is R
    assert TENA.assess(Progress.DONE, Context(as_of=dt.date(2020, 1, 1))).status is G
    assert TENA.assess(False, Context(year=2019)).status is R
    assert TENA.assess(False, Context(as_of=dt.date(2019, 2, 1))).status is NA


# -- the plan's defects, found by lint -----------------------------------------------


def test_sick_leave_rule_lints_to_two_gaps():
    findings = lint(KORTTIDSFRANVARO)
    assert [(f.kind, f.severity) for f in findings] == [("gap", "error"), ("gap", "error")]
    assert [f.interval for f in findings] == [
        Interval.parse("[2.2, 2.3)"),
        Interval.parse("(2.9, 3]"),
    ]


def test_sick_leave_rule_at_precision_0_1_still_leaves_2_2_and_3_0_without_colour():
    findings = lint(KORTTIDSFRANVARO_REPORTED)
    assert [(f.kind, f.severity) for f in findings] == [("gap", "error"), ("gap", "error")]
    assert [f.values for f in findings] == [(D("2.2"),), (D("3.0"),)]
    assert [f.count for f in findings] == [1, 1]
    assert findings[0].message() == (
        "Glapp: 2,2\xa0% får ingen färg (värden från 2,2\xa0% till under 2,3\xa0%)"
    )
    assert (
        findings[1].message() == "Glapp: 3,0\xa0% får ingen färg (värden över 2,9\xa0% till 3\xa0%)"
    )
    assert (
        findings[0].message("en") == "Gap: 2.2% gets no colour (values from 2.2% to less than 2.3%)"
    )
    for reported in ("2.2", "3.0"):
        a = KORTTIDSFRANVARO_REPORTED.assess(reported)
        assert (a.status, a.reason) == (NA, "gap")
    assert KORTTIDSFRANVARO_REPORTED.assess("2.2").explain() == (
        "2,2\xa0% faller mellan målvärdets intervall → Ej bedömd"
    )


def test_budget_rule_written_literally_overlaps_at_0_5():
    with pytest.raises(ThresholdError) as info:
        BudgetDeviation(
            green="[0, 0.5]",  # "= 0 - 0,5% plus"
            yellow=["[-2, -0.5]", "[0.5, 2]"],  # "plus/minus 0,5-2%"
            red=["(-inf, -2)", "(2, inf)"],  # "mer än plus/minus 2%"
        )
    message = str(info.value)
    assert "overlap" in message
    assert "green [0, 0.5]" in message
    assert "yellow [0.5, 2]" in message
    assert message.endswith("both contain 0.5")


def test_budget_rule_once_fixed_lints_the_gap_between_minus_0_5_and_0():
    (gap,) = lint(BUDGET_FIXED)
    assert (gap.kind, gap.severity) == ("gap", "error")
    assert gap.interval == Interval.open(D("-0.5"), 0)
    assert gap.message() == "Glapp: värden över \u22120,5\xa0% till under 0\xa0% får ingen färg"
    assert gap.message("en") == "Gap: values more than -0.5% to less than 0% get no colour"


def test_lss_net_cost_rule_is_not_ordered_along_one_direction():
    findings = lint(LSS_LITERAL)
    order = [f for f in findings if f.kind == "order"]
    assert len(order) == 1
    assert order[0].severity == "error"
    assert order[0].message() == (
        "Färgerna följer inte en riktning; från lågt till högt: Gult (\u22129,4 – \u22120,1\xa0%), "
        "Rött (0\xa0%), Grönt (mer än 9,5\xa0%)"
    )
    gaps = [f.interval for f in findings if f.kind == "gap"]
    assert gaps == [
        Interval.below(D("-9.4")),
        Interval.open(D("-0.1"), 0),
        Interval(0, D("9.5"), upper_closed=True),
    ]
    # Declaring either direction does not help: the colours zigzag.
    for direction in Direction:
        rule = Bands(green="(9.5, inf)", yellow="[-9.4, -0.1]", red="[0, 0]", direction=direction)
        assert "order" in {f.kind for f in lint(rule)}


def test_aldreomsorg_literally_overlaps_and_as_meant_leaves_two_values_without_colour():
    with pytest.raises(
        ThresholdError, match=r"green \(-4.1, inf\) and yellow \[-4, -0.1\] overlap"
    ):
        Bands(green="(-4.1, inf)", yellow="[-4, -0.1]", red="(0, inf)")
    findings = lint(ALDREOMSORG)
    assert [(f.kind, f.values) for f in findings] == [("gap", (D("-4.1"),)), ("gap", (D("0.0"),))]


def test_clean_rules_lint_clean_or_only_note_closed_gaps():
    for rule in (
        TELEFON,
        ARBETSMARKNADSRESURSER,
        SJUKFRANVARO,
        ELBILAR,
        VERKSTALLIGHET,
        GAP_ANALYS,
        TENA,
    ):
        assert lint(rule) == []
    (closed,) = lint(MEDARBETARE_PER_CHEF)
    assert (closed.kind, closed.severity, closed.count) == ("gap", "info", 0)
    assert closed.interval == Interval.open(30, 31)


def test_som_riket_without_tolerance_is_flagged():
    for rule in (NOJD_HEMTJANST, NOJD_ALDREBOENDE, NOJD_LSS, SJUKSKOTERSKA, KOSTNAD_HEMTJANST, HME):
        (finding,) = lint(rule)
        assert (finding.kind, finding.severity) == ("empty_yellow", "warning")


def test_digital_meetings_between_99_and_100_and_above_100():
    findings = lint(DIGITALA_MOTEN)
    assert [(f.kind, f.severity, f.interval) for f in findings] == [
        ("gap", "error", Interval.above(100)),
        ("gap", "info", Interval.open(99, 100)),
    ]


# -- describe, in Swedish, as the plan would print it ---------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("telefon", "Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%"),
        ("nojd_hemtjanst", "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket"),
        ("nojd_aldreboende", "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket"),
        ("nojd_lss", "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket"),
        ("sjukskoterska", "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket"),
        ("verkstallighet", "Grönt: inom 3 månader, Rött: efter 3 månader"),
        (
            "arbetsmarknadsresurser",
            "Grönt: mer än 16, Gult: 16, Rött: mindre än 16 (värden avrundas till 1)",
        ),
        (
            "budget",
            "Avvikelse mot budget – Grönt: 0–0,5\xa0%, Gult: \u22122 – \u22120,5\xa0% eller mer "
            "än 0,5\xa0% och högst 2\xa0%, Rött: mindre än \u22122\xa0% eller mer än 2\xa0%",
        ),
        (
            "aldreomsorg",
            "Grönt: mindre än \u22124,1\xa0%, Gult: \u22124 – \u22120,1\xa0%, Rött: mer än 0\xa0% "
            "(värden avrundas till 0,1)",
        ),
        ("lss", "Grönt: mer än 9,5\xa0%, Gult: \u22129,4 – \u22120,1\xa0%, Rött: 0\xa0%"),
        ("kostnad_hemtjanst", "Grönt: bättre än riket, Gult: som riket, Rött: sämre än riket"),
        (
            "hme",
            "Grönt: förbättrat jämfört med 2018, Gult: oförändrat jämfört med 2018, "
            "Rött: försämrat jämfört med 2018",
        ),
        (
            "medarbetare_per_chef",
            "Grönt: högst 30, Gult: 31–40, Rött: mer än 40 (värden avrundas till 1)",
        ),
        (
            "gap_analys",
            "Grönt: genomfört, Gult: påbörjat under året, Rött: ej genomfört vid årets slut",
        ),
        ("sjukfranvaro", "Grönt: mindre än 7,8\xa0%, Gult: 7,8–8,5\xa0%, Rött: mer än 8,5\xa0%"),
        (
            "korttidsfranvaro",
            "Grönt: mindre än 2,2\xa0%, Gult: 2,3–2,9\xa0%, Rött: mer än 3\xa0% "
            "(värden avrundas till 0,1)",
        ),
        ("elbilar", "Grönt: mer än 22, Gult: 19–22, Rött: mindre än 19"),
        (
            "tena",
            "Grönt: genomfört senast 31 december 2019, Gult: påbörjat före 31 december 2019, "
            "Rött: ej genomfört senast 31 december 2019",
        ),
        (
            "digitala_moten",
            "Grönt: 100\xa0%, Gult: 90–99\xa0%, Rött: mindre än 90\xa0% (värden avrundas till 1)",
        ),
    ],
)
def test_describe_in_swedish(name, expected):
    assert describe(ALL_RULES[name]) == expected


def test_every_rule_is_described_and_lints_without_raising():
    assert len(ALL_RULES) == 19
    for rule in ALL_RULES.values():
        assert describe(rule, "en")
        lint(rule)


@pytest.mark.parametrize(
    ("rule", "value", "ctx", "expected"),
    [
        (TELEFON, 61, None, "61\xa0% är mer än 60\xa0% → Grönt"),
        (TELEFON, 40, None, "40\xa0% är mellan 40 och 60\xa0% → Gult"),
        (
            KORTTIDSFRANVARO_REPORTED,
            "2,94",
            None,
            "2,94\xa0% (avrundat 2,9\xa0%) är mellan 2,3 och 2,9\xa0% → Gult",
        ),
        (SJUKFRANVARO, "8,6", None, "8,6\xa0% är mer än 8,5\xa0% → Rött"),
        (ARBETSMARKNADSRESURSER, 16, None, "16 är lika med 16 → Gult"),
        (
            NOJD_HEMTJANST,
            "88,5",
            Context(references={"riket": 89}),
            "88,5\xa0% är sämre än riket (89\xa0%) → Rött",
        ),
        (
            BUDGET_FIXED,
            -401_000,
            Context(budget=-400_000),
            "Avvikelse \u22120,25\xa0% (utfall \u2212401\xa0000, budget \u2212400\xa0000) "
            "faller mellan målvärdets intervall → Ej bedömd",
        ),
        (
            VERKSTALLIGHET,
            (dt.date(2019, 3, 1), dt.date(2019, 6, 1)),
            None,
            "1 mars 2019 – 1 juni 2019: inom 3 månader → Grönt",
        ),
    ],
)
def test_explain_in_swedish(rule, value, ctx, expected):
    assert rule.assess(value, ctx).explain() == expected
