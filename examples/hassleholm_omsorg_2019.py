"""Hässleholm, omsorgsnämnden: verksamhetsplan målstyrning 2019–2021, modelled in full.

Every KF övergripande mål, KF inriktningsmål, nämndsmål, indikator and målvärde of
``shared/seeds/hassleholm-omsorgsnamnden-2019-2021.txt`` is here. The plan gives one
målvärde per indikator for the whole period, so each indicator has one ``target`` for all
years. Some KF branches have no nämndsmål, and one nämndsmål has no indikator: the plan
says so, and so does the model. The outcomes at the end are FICTIONAL — made up for this
demonstration, not Hässleholm's results.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from dateutil.relativedelta import relativedelta

from styrmodell import (
    Bands,
    Baseline,
    BudgetDeviation,
    CompareToReference,
    Direction,
    Duration,
    Goal,
    Indicator,
    Milestone,
    OrgUnit,
    Outcome,
    Outcomes,
    Plan,
    Progress,
    Scorecard,
    Unit,
    YearOverYear,
    assess,
)

# The årshjul is built once, from the plan's text, in examples/calendars.py.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from calendars import hassleholm as build_calendar

PCT = Unit.PERCENT
LOWER = Direction.LOWER_IS_BETTER
HIGHER = Direction.HIGHER_IS_BETTER


def som_riket(direction: Direction = HIGHER, unit: Unit = PCT) -> CompareToReference:
    """ "Grönt: Bättre än riket Gult: Som riket Rött: Sämre än riket" (tolerance 1)."""
    return CompareToReference(reference="riket", direction=direction, tolerance=1, unit=unit)


def nm(gid: str, title: str, *indicators: Indicator) -> Goal:
    """A nämndsmål of omsorgsnämnden, carried out by omsorgsförvaltningen."""
    return Goal(id=gid, title=title, responsible=["OF"], indicators=indicators)


def build_plan() -> Plan:
    """The plan: KF goals adopted 2018-12-06, nämndsmål adopted 2019-03-26."""
    samhallsservice = Goal(
        id="samhallsservice",
        title="Samhällsservice av hög kvalitet",
        children=[
            Goal(
                id="hog-tillganglighet",
                title="Hässleholms kommun ska ha en hög tillgänglighet",
                children=[
                    nm(
                        "of-tillganglighet",
                        "Omsorgsförvaltningen ska ha en hög tillgänglighet",
                        Indicator(
                            id="telefon",
                            title="Andel av medborgarna som tar kontakt med kommunen angående "
                            "omsorgen via telefon får ett direkt gott eller medelgott svar på "
                            "en enkel fråga inom 60 sek.",
                            unit=PCT,
                            direction=HIGHER,
                            target=Bands(
                                green="(60, inf)",
                                yellow="[40, 60]",
                                red="(-inf, 40)",
                                unit=PCT,
                                direction=HIGHER,
                            ),
                        ),
                        Indicator(
                            id="nojd-hemtjanst",
                            title="Andel brukare som är nöjda eller mycket nöjda med sin hemtjänst",
                            unit=PCT,
                            direction=HIGHER,
                            target=som_riket(),
                            by_gender=True,
                        ),
                        Indicator(
                            id="nojd-aldreboende",
                            title="Andel brukare som är nöjda eller mycket nöjda med sitt "
                            "äldreboende",
                            unit=PCT,
                            direction=HIGHER,
                            target=som_riket(),
                        ),
                        Indicator(
                            id="nojd-lss",
                            title="Andel brukare som är nöjda eller mycket nöjda med sin "
                            "LSS-insats",
                            unit=PCT,
                            direction=HIGHER,
                            target=som_riket(),
                        ),
                        Indicator(
                            id="sjukskoterska",
                            title="Andelen patienter vars upplevelse är att de får träffa "
                            "sjuksköterska vid behov.",
                            unit=PCT,
                            direction=HIGHER,
                            target=som_riket(),
                        ),
                    )
                ],
            ),
            Goal(
                id="inflytande",
                title="Den enskildes inflytande över vård, omsorg och service ska öka",
                children=[
                    nm(
                        "valmaende",
                        "Välmående och nöjda kommuninvånare som har inflytande över erhållen "
                        "vård och omsorg",
                    )
                ],
            ),
            Goal(
                id="naringsliv",
                title="Hässleholms kommuns kontakter med närings- och föreningslivet ska "
                "kännetecknas av fokus på service, förståelse och lyhördhet",
            ),
        ],
    )
    barn = Goal(
        id="barn-unga",
        title="Ge barn och unga en bra start i livet",
        children=[
            Goal(
                id="kunskapsuppdraget",
                title="Kunskapsuppdraget är skolans huvuduppgift",
                children=[
                    nm(
                        "barns-ratt",
                        "Barns rätt på bästa sätt",
                        Indicator(
                            id="verkstallighet-unga",
                            title="Tid från beslut till verkställighet gällande brukare under "
                            "18 år.",
                            target=Duration(within=relativedelta(months=3)),
                        ),
                    )
                ],
            )
        ],
    )
    tillvaxt = Goal(
        id="tillvaxtmotor",
        title="Hållbar tillväxtmotor",
        children=[
            Goal(
                id="livsmiljoer",
                title="Hässleholms kommun ska ha välkomnande och trygga livsmiljöer",
                children=[
                    nm(
                        "vardebaserat",
                        "Omsorgsförvaltningen ska arbeta aktivt, konsekvent och värdebaserat "
                        "för en hållbar utveckling",
                        Indicator(
                            id="vardegrund-apt",
                            title="Säkerställa att varje verksamhet arbetar med "
                            "värdegrundsfrågor regelbundet på APT.",
                            notes=[
                                'Målvärde i planen: "Brukarenkät nöjdhet bemötande" — ingen '
                                "gräns för grönt/gult/rött angiven."
                            ],
                        ),
                    )
                ],
            ),
            Goal(
                id="utanforskap",
                title="Utanförskapet ska minska",
                children=[
                    nm(
                        "integration",
                        "Omsorgsförvaltningen ska bidra till ökad integration",
                        Indicator(
                            id="arbetsmarknadsresurser",
                            title="Öka antalet arbetsmarknadsresurser inom "
                            "omsorgsförvaltningen genom samarbete med AME och AF.",
                            unit=Unit.COUNT,
                            direction=HIGHER,
                            baseline=Baseline(16, 2018, note="Utgång 16 st 2018"),
                            target=Bands(
                                green="(16, inf)",
                                yellow="[16, 16]",
                                red="(-inf, 16)",
                                unit=Unit.COUNT,
                                direction=HIGHER,
                            ),
                        ),
                    )
                ],
            ),
        ],
    )
    ekonomi = Goal(
        id="god-ekonomi",
        title="God ekonomi",
        children=[
            Goal(
                id="kostnadskontroll",
                title="Hässleholms kommun ska ha en god kostnadskontroll",
                children=[
                    nm(
                        "ekonomi-i-balans",
                        "En ekonomi i balans",
                        Indicator(
                            id="utfall-bokslut",
                            title="Utfall i bokslut",
                            unit=Unit.TKR,
                            target=BudgetDeviation(
                                green="[0, 0.5]",
                                yellow="[-2, -0.5] | (0.5, 2]",
                                red="(-inf, -2) | (2, inf)",
                            ),
                            notes=[
                                'Planen: "Grönt: = 0 - 0,5% plus, Gult: plus/minus 0,5-2%, '
                                'Rött: mer än plus/minus 2%" — ett underskott under 0,5 % '
                                "får ingen färg (lint visar glappet)."
                            ],
                        ),
                        Indicator(
                            id="nettokostnadsavvikelse-ao",
                            title="Nettokostnadsavvikelse Äldreomsorg (%)",
                            unit=PCT,
                            direction=LOWER,
                            source="Kommunens avvikelse från referenskostnad i riket "
                            "(Nettokostnad justerad för strukturella skillnader)",
                            target=Bands(
                                green="(-inf, -4.1)",
                                yellow="[-4, -0.1]",
                                red="[0, inf)",
                                unit=PCT,
                                direction=LOWER,
                                precision="0.1",
                            ),
                            notes=[
                                'Planen: "Grönt: mer än -4,1% Gult: -0,1 - -4% Rött: mer än -0%".'
                            ],
                        ),
                        Indicator(
                            id="nettokostnadsavvikelse-lss",
                            title="Nettokostnadsavvikelse LSS (%)",
                            unit=PCT,
                            direction=LOWER,
                            source="Kommunens avvikelse från strukturårsjusterad "
                            "standardkostnad för LSS kr/inv",
                            target=Bands(
                                green="(-inf, -9.5)",
                                yellow="[-9.4, -0.1]",
                                red="[0, inf)",
                                unit=PCT,
                                direction=LOWER,
                                precision="0.1",
                            ),
                            notes=[
                                'Planen: "Grönt: mer än 9,5% Gult: -0,1 - -9,4% Rött: 0,0%"; '
                                "tolkat som för äldreomsorgen (lägre kostnad är bättre)."
                            ],
                        ),
                        Indicator(
                            id="hemtjanst-kostnad",
                            title="Kostnad för hemtjänst per invånare 65+",
                            unit=Unit.SEK,
                            direction=LOWER,
                            target=som_riket(LOWER, Unit.SEK),
                        ),
                    )
                ],
            )
        ],
    )
    arbetsgivare = Goal(
        id="arbetsgivare",
        title="Attraktiv arbetsgivare",
        children=[
            Goal(
                id="ledarskap",
                title="Hässleholms kommun ska ha ett närvarande ledarskap",
                children=[
                    nm(
                        "arbetsforhallanden",
                        "Omsorgsförvaltningen ska ha attraktiva arbetsförhållande där "
                        "medarbetarnas kompetens tas till vara på bästa sätt",
                        Indicator(
                            id="hme",
                            title="Medarbetarengagemang (HME) totalindex",
                            unit=Unit.INDEX,
                            direction=HIGHER,
                            target=YearOverYear(direction=HIGHER, base_year=2018),
                        ),
                        Indicator(
                            id="medarbetare-per-chef",
                            title="Antal tv medarbetare per chef",
                            unit=Unit.COUNT,
                            direction=LOWER,
                            target=Bands(
                                green="(-inf, 30]",
                                yellow="[31, 40]",
                                red="(40, inf)",
                                unit=Unit.COUNT,
                                direction=LOWER,
                                precision=1,
                            ),
                        ),
                    ),
                    nm(
                        "kompetensforsorjning",
                        "Trygga kompetensförsörjningen inom omsorgsförvaltningen",
                        Indicator(
                            id="gap-analys", title="GAP-analys ska genomföras", target=Milestone()
                        ),
                    ),
                ],
            ),
            Goal(
                id="hallbart-arbetsliv",
                title="Hässleholms kommun ska erbjuda ett hållbart arbetsliv",
                children=[
                    nm(
                        "frisknarvaro",
                        "Frisknärvaron ska öka inom omsorgsförvaltningen",
                        Indicator(
                            id="sjukfranvaro-total",
                            title="Total sjukfrånvaro (%) tv och tidsbegränsat anställda och "
                            "månadsavlönade",
                            unit=PCT,
                            direction=LOWER,
                            by_gender=True,
                            target=Bands(
                                green="(-inf, 7.8)",
                                yellow="[7.8, 8.5]",
                                red="(8.5, inf)",
                                unit=PCT,
                                direction=LOWER,
                            ),
                        ),
                        Indicator(
                            id="korttidsfranvaro",
                            title="Korttidsfrånvaro dag 1-14 (%)",
                            unit=PCT,
                            direction=LOWER,
                            target=Bands(
                                green="(-inf, 2.2)",
                                yellow="[2.3, 2.9]",
                                red="(3, inf)",
                                unit=PCT,
                                direction=LOWER,
                                precision="0.1",
                            ),
                        ),
                    )
                ],
            ),
        ],
    )
    produktion = Goal(
        id="produktion-konsumtion",
        title="Hållbar produktion och konsumtion",
        children=[
            Goal(
                id="sjalvforsorjning",
                title="Hässleholms kommun ska öka sin självförsörjningsgrad",
            ),
            Goal(
                id="energianvandning",
                title="Hässleholms kommun ska ha en effektiv energianvändning",
                children=[
                    nm(
                        "teknologi",
                        "Införa teknologi som främjar hållbar produktion och konsumtion",
                        Indicator(
                            id="elbilar",
                            title="Öka antal elbilar utifrån befintligt antal 2019 vilket är "
                            "19 bilar.",
                            unit=Unit.COUNT,
                            direction=HIGHER,
                            baseline=Baseline(19, 2019),
                            target=Bands(
                                green="(22, inf)",
                                yellow="[19, 22]",
                                red="(-inf, 19)",
                                unit=Unit.COUNT,
                                direction=HIGHER,
                            ),
                        ),
                        Indicator(
                            id="tena-identify",
                            title="Upphandla Tena identify",
                            target=Milestone(due=dt.date(2019, 12, 31)),
                        ),
                    ),
                    nm(
                        "digitala-moten",
                        "Öka antal digitala möten i omsorgsförvaltningen",
                        Indicator(
                            id="digitala-moten-forutsattningar",
                            title="Säkerställa att samtlig administrativ och legitimerad "
                            "personal har förutsättningar (kompetens och utrustning) för att "
                            "delta i digitala möten.",
                            unit=PCT,
                            direction=HIGHER,
                            source="Metod: Inventering via egenkontroll.",
                            target=Bands(
                                green="[100, inf)",
                                yellow="[90, 99]",
                                red="(-inf, 90)",
                                unit=PCT,
                                direction=HIGHER,
                                precision=1,
                            ),
                        ),
                    ),
                ],
            ),
        ],
    )
    return Plan(
        id="hassleholm-on-2019",
        title="Verksamhetsplan Målstyrning 2019-2021, Omsorgsnämnden",
        organisation="Hässleholms kommun, omsorgsnämnden",
        years=(2019, 2021),
        levels=("KF övergripande mål", "KF inriktningsmål", "Nämndsmål"),
        goals=[samhallsservice, barn, tillvaxt, ekonomi, arbetsgivare, produktion],
        org_units=[
            OrgUnit("ON", "Omsorgsnämnden"),
            OrgUnit("OF", "Omsorgsförvaltningen", parent="ON"),
        ],
        decided=dt.date(2019, 3, 26),
        reference="Nämndsmålen antagna av omsorgsnämnden 2019-03-26",
        calendar=build_calendar(),
        notes=[
            "KF:s övergripande mål och inriktningsmål antagna av kommunfullmäktige 2018-12-06, "
            "giltighetsperiod 2019-2021 (Strategisk plan 2019-2021 med Budget 2019 och "
            "flerårsplan 2020-2021).",
            "Uppföljning till kommunstyrelsen: tre månadsrapporter, en delårsrapport och "
            "verksamhetsberättelsen i årsredovisningen.",
        ],
    )


def fictional_outcomes() -> Outcomes:
    """FICTIONAL outcomes for 2018 and 2019 — invented for the demo, not real results."""
    o = Outcome
    return Outcomes(
        [
            o("telefon", 2019, numerator=305, denominator=500),
            o("nojd-hemtjanst", 2019, 88, references={"riket": "89.5"}),
            o("nojd-hemtjanst", 2019, 90, gender="K", references={"riket": 90}),
            o("nojd-hemtjanst", 2019, 84, gender="M", references={"riket": 88}),
            o("nojd-aldreboende", 2019, 83, references={"riket": 81}),
            o("nojd-lss", 2019, 80, references={"riket": "80.5"}),
            o("sjukskoterska", 2019, 87, references={"riket": 85}),
            o("verkstallighet-unga", 2019, (dt.date(2019, 2, 4), dt.date(2019, 4, 29))),
            o("arbetsmarknadsresurser", 2019, 18),
            o("utfall-bokslut", 2019, -1_243_000, budget=-1_240_000),
            o("nettokostnadsavvikelse-ao", 2019, "-2.4"),
            o("nettokostnadsavvikelse-lss", 2019, "-10.2"),
            o("hemtjanst-kostnad", 2019, 18_950, references={"riket": 17_400}),
            o("hme", 2018, 78),
            o("hme", 2019, 79),
            o("medarbetare-per-chef", 2019, 34),
            o("gap-analys", 2019, Progress.DONE),
            o("sjukfranvaro-total", 2019, "8.1"),
            o("sjukfranvaro-total", 2019, "8.9", gender="K"),
            o("sjukfranvaro-total", 2019, "5.2", gender="M"),
            o("korttidsfranvaro", 2019, "2.6"),
            o("elbilar", 2019, 21),
            o("tena-identify", 2019, Progress.STARTED),
            o("digitala-moten-forutsattningar", 2019, numerator=188, denominator=200),
        ]
    )


def scorecard() -> Scorecard:
    """The plan assessed for 2019 with the fictional outcomes."""
    return assess(build_plan(), fictional_outcomes(), 2019, as_of=dt.date(2020, 2, 15))


def main() -> None:
    plan = build_plan()
    counts = plan.counts()
    print(plan.title, "—", plan.organisation)
    print(
        f"{counts['KF övergripande mål']} övergripande mål, {counts['KF inriktningsmål']} "
        f"inriktningsmål, {counts['Nämndsmål']} nämndsmål, {counts['indicators']} indikatorer, "
        f"{counts['targets']} målvärden\n"
    )
    print("OBS: utfallen nedan är PÅHITTADE (fiktiva) och inte Hässleholms resultat.\n")
    print(scorecard().explain())


if __name__ == "__main__":
    main()
