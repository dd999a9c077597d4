"""Oxelösund, vård- och omsorgsnämnden: verksamhetsplan 2023–2025, modelled in full.

Every målområde, KF-mål, nämndmål, mått, ingångsvärde and yearly målvärde of the plan in
``shared/seeds/oxelosund-vard-och-omsorgsnamnden-2023-2025.txt`` is here, with the
responsible förvaltning (SOF, ÄF). The outcomes at the end are FICTIONAL — made up for this
demonstration, not Oxelösund's results. Run with ``make demo`` or
``python examples/oxelosund_von_2023.py``.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from styrmodell import (
    Baseline,
    BudgetDeviation,
    Direction,
    Goal,
    Indicator,
    Milestone,
    OrgUnit,
    Outcome,
    Outcomes,
    Period,
    Plan,
    Scorecard,
    Status,
    TargetValue,
    Unit,
    YearOverYear,
    assess,
)

# The årshjul is built once, from the plan's text, in examples/calendars.py.
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
from calendars import oxelosund as build_calendar

YEARS = (2023, 2024, 2025)
PCT = Unit.PERCENT
NUM = Unit.COUNT
HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER


def at_least(*values: object, unit: Unit = NUM) -> dict[int, TargetValue]:
    """Targets "≥ v" for 2023, 2024, 2025 (the plan writes "≥ 50 %", "80 %", "110"...)."""
    return {y: TargetValue(">=", v, unit=unit) for y, v in zip(YEARS, values, strict=True)}


def above(*values: object, unit: Unit = NUM) -> dict[int, TargetValue]:
    """Targets "> v" (">20", ">50%", ">91,74 %")."""
    return {y: TargetValue(">", v, unit=unit) for y, v in zip(YEARS, values, strict=True)}


def better_than_last_year() -> dict[int, YearOverYear]:
    """ ">2022", ">2023", ">2024": above the previous year's outcome; the same is not enough."""
    return {
        y: YearOverYear(direction=HIGHER, base_year=y - 1, unchanged=Status.RED, unit=PCT)
        for y in YEARS
    }


def no_negative_deviation() -> dict[int, BudgetDeviation]:
    """ "0 % neg. avvikelse" for every year."""
    return dict.fromkeys(YEARS, BudgetDeviation.no_negative())


def nm(gid: str, title: str, units: str, *indicators: Indicator) -> Goal:
    """A nämndmål with its responsible förvaltning(ar) ("SOF", "ÄF", "SOF/ÄF")."""
    return Goal(id=gid, title=title, responsible=units.split("/"), indicators=indicators)


def kf(gid: str, title: str, reported: str, *children: Goal) -> Goal:
    """A KF-mål with its reporting "(D/B)" or "(B)" and the nämndmål under it."""
    return Goal(id=gid, title=title, reported_in=reported, children=children)


NYTT = None  # "Nytt mål." — no ingångsvärde


def build_plan() -> Plan:
    """The plan as adopted 2022-12-14, § VON.2022.55."""
    mod = Goal(
        id="mod",
        title="Mod och framtidstro",
        description="I Oxelösund råder mod och framtidstro.",
        children=[
            kf(
                "kf-invanare",
                "Genom att stärka kommunens attraktionskraft som turist- och boendeort bidrar "
                "alla nämnder och bolag till att antalet invånare i Oxelösund årligen ökar med "
                "minst 90 personer jämfört med föregående år.",
                "D/B",
                nm(
                    "nm-digital-sof",
                    "Ökad digitalisering av verksamheterna inom social- och omsorgsförvaltningen",
                    "SOF",
                    Indicator(
                        id="digital-sof",
                        title="Införa minst en lösning för välfärdsteknik alternativt "
                        "digitalisera en process.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=Baseline(2, 2022),
                        targets=at_least(1, 1, 1),
                    ),
                ),
                nm(
                    "nm-digital-af",
                    "Ökad digitalisering av verksamheterna inom äldreomsorgsförvaltningen",
                    "ÄF",
                    Indicator(
                        id="digital-af",
                        title="Införa minst en lösning för välfärdsteknik alternativt "
                        "digitalisera en process.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=Baseline(1, 2022),
                        targets=at_least(1, 1, 1),
                    ),
                ),
            ),
            kf(
                "kf-sysselsatta",
                "Andelen sysselsatta bland Oxelösunds befolkning i arbetsför ålder ökar "
                "jämfört med föregående år.",
                "D/B",
                nm(
                    "nm-jobbcoach",
                    "Andelen med insats jobbcoach som efter avslut är i egen försörjning eller "
                    "studier ska vara minst 50 %",
                    "SOF",
                    Indicator(
                        id="jobbcoach",
                        title="Andel med insats jobbcoach i egen försörjning eller studier",
                        unit=PCT,
                        direction=HIGHER,
                        source="Egen mätning i Viva.",
                        baseline=Baseline(50, "jan-okt 2022"),
                        targets=at_least(50, 50, 50, unit=PCT),
                    ),
                ),
            ),
            kf(
                "kf-effektivisering",
                "Alla nämnder och bolag tillvaratar möjliga effektiviseringar inom sitt "
                "ansvarsområde som bryter mönster och prövar nya kostnadseffektiva arbetssätt.",
                "D/B",
                nm(
                    "nm-kompetens-sof",
                    "Förvaltningen kompetensutvecklar enligt framtagen plan",
                    "SOF",
                    Indicator(
                        id="kompetens-sof",
                        title="Antal genomförda aktiviteter.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=at_least(3, 3, 3),
                    ),
                ),
                nm(
                    "nm-resursfordelning-af",
                    "Äldreomsorgsförvaltningen har ett resursfördelningssystem för att bemanna "
                    "utifrån brukarnas behov",
                    "ÄF",
                    Indicator(
                        id="resursfordelning-af",
                        title="Resursfördelningssystem infört vid årets slut.",
                        baseline=NYTT,
                        targets={2023: Milestone(due=dt.date(2023, 12, 31))},
                        notes=[
                            "Målvärde 2023 i planen: 100% (infört vid årets slut); "
                            "inget målvärde för 2024 och 2025."
                        ],
                    ),
                ),
            ),
        ],
    )
    uppvaxt = Goal(
        id="uppvaxt",
        title="Trygg och säker uppväxt",
        description="Barn och ungdomar ska känna sig trygga såväl i samhället som i de "
        "kommunala verksamheterna.",
        children=[
            kf(
                "kf-kunskapsresultat",
                "Kunskapsresultaten för elever från årskurs ett till sex i Oxelösund är minst i "
                "nivå med genomsnittet för Sveriges kommuner (UN).",
                "B",
            ),
            kf(
                "kf-trygghet-unga",
                "Trygghet bland barn och ungdomar i Oxelösund ökar jämfört med föregående år.",
                "B",
                nm(
                    "nm-forebyggande",
                    "Förebyggande arbete för barn och unga ska öka",
                    "SOF",
                    Indicator(
                        id="forebyggande",
                        title="Antal pågående besök i snitt per månad hos familje- och "
                        "ungdomsstöd.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=Baseline(48, "jan-nov 2022"),
                        targets=above(20, 20, 20),
                    ),
                ),
            ),
            kf(
                "kf-ferieplatser",
                "100 ungdomar erbjuds årligen ferieplatser i kommunal verksamhet.",
                "D/B",
                nm(
                    "nm-ferie-sof",
                    "5 ungdomar erbjuds årligen ferieplatser inom social- och omsorgsförvaltningen",
                    "SOF",
                    Indicator(
                        id="ferie-sof",
                        title="Antal mottagna feriearbetare.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=at_least(5, 5, 5),
                    ),
                ),
                nm(
                    "nm-ferie-af",
                    "5 ungdomar erbjuds årligen ferieplatser inom äldreomsorgsförvaltningen",
                    "ÄF",
                    Indicator(
                        id="ferie-af",
                        title="Antal mottagna feriearbetare.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=at_least(5, 5, 5),
                    ),
                ),
            ),
        ],
    )
    folkhalsa = Goal(
        id="folkhalsa",
        title="God folkhälsa",
        description="Oxelösundarnas faktiska folkhälsa och upplevda livskvalitet ska "
        "utvecklas positivt.",
        children=[
            kf(
                "kf-tobak-alkohol",
                "Bruk av tobak och alkohol bland barn och ungdomar i Oxelösund minskar "
                "jämfört med föregående år (KS, KFN, UN, VON).",
                "B",
                nm(
                    "nm-foraldraskap",
                    "Erbjuda föräldraskapsstödsprogram (ABC, FÖS och/eller SMB) varje termin",
                    "SOF",
                    Indicator(
                        id="foraldraskap",
                        title="Antal erbjudna grupper.",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=Baseline(3, 2022),
                        targets=at_least(2, 2, 2),
                    ),
                ),
            ),
            kf(
                "kf-delaktighet",
                "Fler invånare använder de möjligheter som finns för att delta i kommunens "
                "utveckling jämfört med föregående år.",
                "D/B",
                nm(
                    "nm-brukarundersokning-lss",
                    "Öka deltagandet i brukarundersökningen inom boende LSS",
                    "SOF",
                    Indicator(
                        id="brukarundersokning-lss",
                        title="Andel som deltagit i brukarundersökning.",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(74, 2022),
                        targets=at_least(80, 80, 80, unit=PCT),
                    ),
                ),
                nm(
                    "nm-brukarundersokning-af",
                    "Öka deltagandet i den nationella brukarundersökningen",
                    "ÄF",
                    Indicator(
                        id="brukarundersokning-hemtjanst",
                        title="Andel som deltagit i brukarundersökningen i hemtjänst",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(54),
                        targets=at_least(57, 65, 70, unit=PCT),
                    ),
                    Indicator(
                        id="brukarundersokning-sabo",
                        title="Andel som deltagit i brukarundersökningen i särskilt boende",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(39),
                        targets=at_least(42, 50, 55, unit=PCT),
                    ),
                ),
            ),
            kf(
                "kf-kultur-friskvard",
                "Fler invånare deltar i kommunala verksamheter och aktiviteter som främjar "
                "kultur, friskvård och hälsa jämfört med föregående år.",
                "D/B",
                nm(
                    "nm-traffpunkt",
                    "Öka deltagandet i öppen träffpunkt",
                    "ÄF",
                    Indicator(
                        id="traffpunkt",
                        title="Antal deltagare per månad i snitt",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=Baseline(100, "nov 2022"),
                        targets=at_least(110, 120, 130),
                    ),
                ),
            ),
        ],
    )
    aldrande = Goal(
        id="aldrande",
        title="Trygg och värdig ålderdom",
        description="Det är värdigt, tryggt och säkert att åldras i Oxelösund.",
        children=[
            kf(
                "kf-trygga-aldre",
                "Andel äldre (65+) i Oxelösund som känner sig trygga ökar jämfört med "
                "föregående år genom äldres deltagande i kommunala trygghetsskapande "
                "aktiviteter.",
                "B",
                nm(
                    "nm-information-trygghet",
                    "Öka tillgänglighet till information gällande trygghet i hemmet och ute i "
                    "samhället",
                    "ÄF",
                    Indicator(
                        id="information-trygghet",
                        title="Antal genomförda aktiviteter för att öka informationens "
                        "tillgänglighet",
                        unit=NUM,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=at_least(1, 2, 2),
                    ),
                ),
            ),
            kf(
                "kf-nojd-sabo",
                "Andelen brukare som är ganska eller mycket nöjda med sitt särskilda boende "
                "är minst i nivå med genomsnittet vid senaste mätning i likvärdiga kommuner "
                "(VON, KFN, KS, KBAB).",
                "B",
                nm(
                    "nm-nojd-sabo",
                    "Andel brukare som är ganska eller mycket nöjda med sitt SÄBO ska öka",
                    "ÄF",
                    Indicator(
                        id="nojd-sabo",
                        title="Andel brukare ganska eller mycket nöjda med sitt SÄBO",
                        unit=PCT,
                        direction=HIGHER,
                        source="Egen mätning",
                        baseline=Baseline(69),
                        targets=at_least(72, 80, 85, unit=PCT),
                    ),
                ),
            ),
            kf(
                "kf-nojd-hemtjanst",
                "Andelen brukare som är ganska eller mycket nöjda med sin hemtjänst är minst i "
                "nivå med genomsnittet vid senaste mätning i likvärdiga kommuner (VON, KFN, "
                "KS).",
                "B",
                nm(
                    "nm-nojd-hemtjanst",
                    "Andel brukare som är ganska eller mycket nöjda med sin hemtjänst",
                    "ÄF",
                    Indicator(
                        id="nojd-hemtjanst",
                        title="Andel brukare ganska eller mycket nöjda med sin hemtjänst",
                        unit=PCT,
                        direction=HIGHER,
                        source="Egen mätning",
                        baseline=Baseline(71),
                        targets=at_least(74, 82, 89, unit=PCT),
                        by_gender=True,
                    ),
                ),
            ),
            kf(
                "kf-personalkontinuitet",
                "Antal personer (personal) en brukare med hemtjänst möter under 14 dagar är "
                "högst i nivå med genomsnittet vid senaste mätning i likvärdiga kommuner "
                "(VON).",
                "B",
                nm(
                    "nm-personalkontinuitet",
                    "Antal personer (personal) som en brukare med hemtjänst möter under 14 "
                    "dagar ska minska",
                    "ÄF",
                    Indicator(
                        id="personalkontinuitet",
                        title="Antal personal en brukare med hemtjänst möter under 14 dagar",
                        unit=NUM,
                        direction=LOWER,
                        source="Egen mätning",
                        baseline=Baseline(20),
                        targets={y: TargetValue("<=", 16, unit=NUM) for y in YEARS},
                    ),
                ),
            ),
        ],
    )
    bostadsort = Goal(
        id="bostadsort",
        title="Attraktiv bostadsort",
        description="Oxelösund erbjuder ett havsnära boende och en hög kommunal servicenivå.",
        children=[
            kf(
                "kf-nojd-skola",
                "Nöjdhet bland elever och föräldrar i förskola och skolor i Oxelösunds kommun "
                "ökar jämfört med föregående år (UN).",
                "B",
                nm(
                    "nm-fsp-narvaro",
                    "Öka närvaro i de pågående ärenden som FSP har",
                    "SOF",
                    Indicator(
                        id="fsp-narvaro",
                        title="Andel pågående ärenden med ökad närvaro.",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(69, Period.delar(2022)),
                        targets=above(50, 50, 50, unit=PCT),
                    ),
                ),
            ),
            kf(
                "kf-naringsliv",
                "Företagarnas sammanfattande omdöme om kommunens näringslivsklimat ökar "
                "jämfört med föregående år (KS).",
                "B",
            ),
            kf(
                "kf-bemotande",
                "Kommuninvånarens upplevelse av gott bemötande och enkelhet att komma i "
                "kontakt med kommunens verksamheter ökar jämfört med föregående år.",
                "B",
                nm(
                    "nm-24h-sof",
                    "Öka antal ärenden som är hanterade inom 24 h (i specialistgrupp)",
                    "SOF",
                    Indicator(
                        id="24h-sof",
                        title="Andel ärenden hanterade inom 24 h.",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=better_than_last_year(),
                    ),
                ),
                nm(
                    "nm-24h-af",
                    "Öka antal ärenden som är hanterade inom 24 h (i specialistgrupp)",
                    "ÄF",
                    Indicator(
                        id="24h-af",
                        title="Andel ärenden hanterade inom 24 h.",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=NYTT,
                        targets=better_than_last_year(),
                        notes=["Planen skriver (ÅF); avser äldreomsorgsförvaltningen (ÄF)."],
                    ),
                ),
            ),
        ],
    )
    hallbar = Goal(
        id="hallbar",
        title="Hållbar utveckling",
        description="Oxelösunds kommun tar ansvar för att långsiktigt säkra resurser för "
        "framtiden och för kommande generationer.",
        children=[
            kf(
                "kf-resultat",
                "Resultatet efter reavinster, uttryckt som andel av skatter och statsbidrag "
                "ska 2023 – 2025 vara 0,0 %.",
                "D/B",
                nm(
                    "nm-driftsbudget",
                    "Nämnden håller sin driftsbudget",
                    "SOF/ÄF",
                    Indicator(
                        id="driftsbudget",
                        title="Avvikelse mot driftsbudget",
                        unit=Unit.TKR,
                        source="Intern ekonomisk uppföljning.",
                        baseline=NYTT,
                        targets=no_negative_deviation(),
                    ),
                ),
            ),
            kf(
                "kf-nettokostnadsandel",
                "Nettokostnadsandelen skall 2023 vara max 99 %, 2024 100 % och 2025 100 %.",
                "D/B",
                nm(
                    "nm-investeringsbudget",
                    "Nämnden håller sin budget på samtliga investeringar",
                    "SOF/ÄF",
                    Indicator(
                        id="investeringsbudget",
                        title="Avvikelse mot investeringsbudget",
                        unit=Unit.TKR,
                        source="Intern ekonomisk uppföljning.",
                        baseline=NYTT,
                        targets=no_negative_deviation(),
                    ),
                ),
            ),
            kf("kf-soliditet", "Kommunkoncernens soliditet ska vara minst 30% (KS).", "B"),
            kf(
                "kf-medarbetarengagemang",
                "Kommunens värde för hållbart medarbetarengagemang bland kommunens anställda "
                "ökar jämfört med föregående år.",
                "B",
                *(
                    nm(
                        f"nm-hme-{u.lower().replace('ä', 'a')}",
                        "HME-värde ökar bland de anställda jämfört med föregående år",
                        u,
                        Indicator(
                            id=f"hme-{u.lower().replace('ä', 'a')}",
                            title="HME-index",
                            unit=PCT,
                            direction=HIGHER,
                            source="HME-index",
                            baseline=Baseline(74, "sep 2022", note="Pulsmätning"),
                            targets={
                                2023: TargetValue(">", 75, unit=PCT),
                                2024: TargetValue(">=", 78, unit=PCT),
                                2025: TargetValue(">=", 81, unit=PCT),
                            },
                        ),
                    )
                    for u in ("SOF", "ÄF")
                ),
            ),
            kf(
                "kf-sjukfranvaro",
                "Sjukfrånvaron hos kommunanställda minskar jämfört med föregående år.",
                "D/B",
                *(
                    nm(
                        f"nm-frisk-{key}",
                        "Öka frisknärvaron jämfört med föregående år",
                        u,
                        Indicator(
                            id=f"frisk-{key}",
                            title="Frisknärvaro",
                            unit=PCT,
                            direction=HIGHER,
                            source="Statistik från personal-enheten.",
                            baseline=Baseline(value, Period.delar(2022)),
                            targets=above(value, value, value, unit=PCT),
                        ),
                    )
                    for key, u, value in (("sof", "SOF", "91.74"), ("af", "ÄF", "88.24"))
                ),
            ),
            kf(
                "kf-konsbalans",
                "Balansen mellan kvinnor och män i kommunens största yrkesgrupper utvecklas "
                "mot en jämnare fördelning jämfört med föregående år.",
                "D/B",
                nm(
                    "nm-konsfordelning-sof",
                    "Vidareutveckla en jämn könsfördelning inom omsorgspersonal",
                    "SOF",
                    Indicator(
                        id="konsfordelning-sof",
                        title="Andel män av omsorgspersonal",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(22),
                        targets=at_least(25, 25, 25, unit=PCT),
                    ),
                ),
                nm(
                    "nm-konsfordelning-af",
                    "Vidareutveckla en jämn könsfördelning inom omsorgspersonal",
                    "ÄF",
                    Indicator(
                        id="konsfordelning-af",
                        title="Andel män av månadsavlönad omsorgspersonal",
                        unit=PCT,
                        direction=HIGHER,
                        baseline=Baseline(15, "okt 2022"),
                        targets=at_least(18, 21, 25, unit=PCT),
                    ),
                ),
            ),
            kf(
                "kf-avfall",
                "För minskad negativ miljö- och klimatpåverkan ska mängden uppkommen avfall "
                "reduceras och återvinning öka jämfört med föregående år.",
                "D/B",
                *(
                    nm(
                        f"nm-avfall-{key}",
                        "Alla verksamheter ska ha möjlighet till avfallsåtervinning",
                        u,
                        Indicator(
                            id=f"avfall-{key}",
                            title="Andel verksamheter med möjlighet till avfallsåtervinning",
                            unit=PCT,
                            direction=HIGHER,
                            source="Egen mätning.",
                            baseline=NYTT,
                            targets=at_least(80, 90, 100, unit=PCT),
                        ),
                    )
                    for key, u in (("sof", "SOF"), ("af", "ÄF"))
                ),
            ),
            kf(
                "kf-grona-lan",
                "För minskad negativ miljö- och klimatpåverkan ska alla planerade "
                'nybyggnationer och större ombyggnationer uppfylla kriterier för "Gröna lån" '
                "(KS, MSN, Bolagen).",
                "B",
            ),
        ],
    )
    egen = Goal(
        id="egen-styrning",
        title="Nämndens egen styrning i övrigt",
        description="Övriga nämndmål: uppföljning på nämndsnivå, ingen rapportering till KF.",
        children=[
            Goal(
                id="battre-miljo",
                title="Bidra till en bättre miljö.",
                children=[
                    nm(
                        "nm-fossilfria",
                        "Öka antalet fossilfria fordon/fortskaffningsmedel",
                        "SOF",
                        Indicator(
                            id="fossilfria",
                            title="Antal aktiviteter för att öka antalet fossilfria fordon",
                            unit=NUM,
                            direction=HIGHER,
                            baseline=Baseline(2, 2022),
                            targets=at_least(2, 2, 2),
                        ),
                    )
                ],
            )
        ],
    )
    nyckeltal = Goal(
        id="nyckeltal",
        title="Nyckeltalsuppföljning",
        description="Nyckeltal som nämnden följer vid sidan av kommunmålen (utan målvärden).",
        indicators=[
            Indicator(
                id="placering-bou-alla",
                title="Placeringskostnad per dygn för BoU (alla placeringar) (SOF)",
                unit=Unit.SEK,
                purpose="Hålla budget",
                source="Placerings-ekonomi",
                baseline=Baseline(37911, "Jan-okt 2022"),
                frequency="Månadsvis",
            ),
            Indicator(
                id="placering-bou-konsulent",
                title="Placeringskostnad per dygn för BoU, konsulentstödda (SOF)",
                unit=Unit.SEK,
                purpose="Hålla budget",
                source="Placerings-ekonomi",
                baseline=Baseline(12487, "Jan-okt 2022"),
                frequency="Månadsvis",
            ),
            Indicator(
                id="belaggning-hvb-oliven",
                title="Beläggning HVB Oliven (SOF)",
                unit=Unit.DAYS,
                purpose="Maximera antalet platser/undvika externplaceringar/möjlighet att "
                "sälja platser",
                source="Antal dygn",
                frequency="Helår",
            ),
            Indicator(
                id="sjukfranvaro-af",
                title="Sjukfrånvaro (ÄF)",
                purpose="Kontinuerligt följa utvecklingen under året",
                source="Egen mätning Hypergene",
                frequency="Månadsvis (en månads eftersläpning)",
            ),
            Indicator(
                id="delegerade-hsl",
                title="Delegerade HSL-uppgifter (antal timmar) (ÄF)",
                purpose="Kontinuerligt följa utvecklingen under året",
                source="Egen mätning Treserva",
                frequency="Månadsvis",
            ),
        ],
    )
    return Plan(
        id="oxelosund-von-2023",
        title="Vård- och omsorgsnämndens verksamhetsplan 2023–2025",
        organisation="Oxelösunds kommun, vård- och omsorgsnämnden",
        years=(2023, 2025),
        levels=("Målområde", "KF-mål", "Nämndmål"),
        goals=[mod, uppvaxt, folkhalsa, aldrande, bostadsort, hallbar, egen, nyckeltal],
        org_units=[
            OrgUnit("VON", "Vård- och omsorgsnämnden"),
            OrgUnit("SOF", "Social- och omsorgsförvaltningen", parent="VON"),
            OrgUnit("ÄF", "Äldreomsorgsförvaltningen", parent="VON"),
        ],
        decided=dt.date(2022, 12, 14),
        reference="§ VON.2022.55",
        calendar=build_calendar(),
        notes=[
            "Rapportering till nämnden vid delår och helår.",
            "Ram 2023: 333 088 tkr.",
        ],
    )


def fictional_outcomes() -> Outcomes:
    """FICTIONAL outcomes for 2022 and 2023 — invented for the demo, not real results."""
    o = Outcome
    return Outcomes(
        [
            o("digital-sof", 2023, 2),
            o("digital-af", 2023, 0),
            o("jobbcoach", 2023, numerator=11, denominator=20),
            o("kompetens-sof", 2023, 3),
            o("resursfordelning-af", 2023, True),
            o("forebyggande", 2023, 41),
            o("ferie-sof", 2023, 5),
            o("ferie-af", 2023, 4),
            o("foraldraskap", 2023, 2),
            o("brukarundersokning-lss", 2023, 78),
            o("brukarundersokning-hemtjanst", 2023, 58),
            o("brukarundersokning-sabo", 2023, 40),
            o("traffpunkt", 2023, 112),
            o("information-trygghet", 2023, 1),
            o("nojd-sabo", 2023, 73),
            o("nojd-hemtjanst", 2023, 76),
            o("nojd-hemtjanst", 2023, 79, gender="K"),
            o("nojd-hemtjanst", 2023, 70, gender="M"),
            o("personalkontinuitet", 2023, 17),
            o("fsp-narvaro", 2023, 61),
            o("24h-sof", 2022, 64),
            o("24h-sof", 2023, 70),
            o("24h-af", 2022, 58),
            o("24h-af", 2023, 58),
            o("driftsbudget", 2023, -334_120, budget=-333_088),
            o("investeringsbudget", 2023, -8_700, budget=-9_110),
            o("hme-sof", 2023, 76),
            o("hme-af", 2023, 74),
            o("frisk-sof", 2023, "92.1"),
            o("frisk-af", 2023, "87.9"),
            o("konsfordelning-sof", 2023, 24),
            o("konsfordelning-af", 2023, 18),
            o("avfall-sof", 2023, 85),
            o("avfall-af", 2023, 80),
            o("fossilfria", 2023, 2),
        ]
    )


def scorecard() -> Scorecard:
    """The plan assessed for 2023 with the fictional outcomes."""
    return assess(build_plan(), fictional_outcomes(), 2023, as_of=dt.date(2024, 2, 15))


def main() -> None:
    plan = build_plan()
    counts = plan.counts()
    print(plan.title, "—", plan.organisation)
    print(f"Antagen {plan.decided}, {plan.reference}")
    print(
        f"{counts['Målområde']} målområden, {counts['KF-mål']} KF-mål, "
        f"{counts['Nämndmål']} nämndmål, {counts['indicators']} mått, "
        f"{counts['targets']} målvärden\n"
    )
    print("OBS: utfallen nedan är PÅHITTADE (fiktiva) och inte Oxelösunds resultat.\n")
    print(scorecard().explain())


if __name__ == "__main__":
    main()
