"""Mjölby, omsorgs- och socialnämnden: verksamhetsplan 2011, modelled in full.

Everything of ``shared/seeds/mjolby-omsorgs-och-socialnamnden-2011.txt`` that a model can
hold is here: Mjölby kommuns vision 2025, the eleven kommunmål, the nämnd's six åtaganden
for 2011, the nämnd's vision, and the balanced scorecard with its five perspectives (Kund,
Personal, Arbetssätt, Ekonomi, Utveckling/lärande) — each strategic goal tagged with its
:class:`~styrmodell.Perspective`, every nyckeltal with its "Mål 2011", and the footnotes
that record changes from the 2010 plan.

How the document maps onto the model:

- Levels: ``Vision`` ▸ ``Mål`` (kommunmål, åtaganden, strategiska mål) ▸
  ``Framgångsfaktor`` ▸ ``Förväntat resultat``. The kommun's vision holds the kommunmål;
  the nämnd's vision holds its åtaganden and its five strategic goals.
- The arbetssätt table is a form: each enhet marks ("Gäller för enheten") the goals it
  will work towards — the plan calls the rows "de mål som enheten ska arbeta mot". So each
  row is a goal at the level ``Förväntat resultat`` with its nyckeltal, under the
  framgångsfaktor it is listed under. As adopted, the boxes are empty: ``applies_to`` is
  set only where a row's own words name the programområde ("(gäller äldreomsorgen)",
  "inom äldreomsorgen", "IFO"); :func:`mark` records what one enhet ticks.
- The other perspectives list their nyckeltal without grouping, so those indicators sit on
  the strategic goal, and its framgångsfaktorer ("Så uppnås det strategiska målet") are in
  its description.
- "Oförändrat" and "Samma nivå som 2009" keep a level: ``YearOverYear.same_level`` (any
  change is red); "Oförändrat eller minskning" is ``YearOverYear`` with ``unchanged=GREEN``
  (the same or better is green).

The outcomes at the end are FICTIONAL — made up for this demonstration, not Mjölby's
results. Run with ``python examples/mjolby_osn_2011.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from styrmodell import (
    BudgetDeviation,
    CompareToReference,
    Direction,
    Goal,
    Indicator,
    Milestone,
    OrgUnit,
    Outcome,
    Outcomes,
    Perspective,
    Plan,
    Progress,
    Scorecard,
    Status,
    TargetValue,
    Threshold,
    Unit,
    YearOverYear,
    assess,
    diff,
)
from styrmodell.results import IndicatorResult, PlanDiff

YEAR = 2011
PCT = Unit.PERCENT
NUM = Unit.COUNT
HIGHER = Direction.HIGHER_IS_BETTER
LOWER = Direction.LOWER_IS_BETTER

PERSPECTIVES = (
    Perspective("kund", "Kund"),
    Perspective("personal", "Personal"),
    Perspective("arbetssatt", "Arbetssätt"),
    Perspective("ekonomi", "Ekonomi"),
    Perspective("utveckling", "Utveckling/lärande"),
)

# -- the målvärden, in the plan's words -------------------------------------------------

GENOMFORT = Milestone()  # "Genomfört", "Uppnått": done by the end of 2011
PABORJAT = Milestone(required=Progress.STARTED)  # "Påbörjat", "Påbörja registrering"


def over_medel() -> CompareToReference:
    """ "Över medel i SKL:s öppna jämförelser": at or above the mean is green, below red."""
    return CompareToReference(reference="medel i SKL:s öppna jämförelser", yellow=False)


def fem_procentenheter_under_riket() -> CompareToReference:
    """ "5 %-enheter under Riket" for a cost development, in percent (lower is better)."""
    return CompareToReference(reference="riket", direction=LOWER, offset=-5, yellow=False, unit=PCT)


def okning(unit: Unit | None = NUM, base_year: int | None = None) -> YearOverYear:
    """ "Ökning", "Ökad andel", "Ökning jämfört med 2010" (``None``: the previous year)."""
    return YearOverYear(direction=HIGHER, base_year=base_year, unit=unit)


def minskning(unit: Unit | None = NUM, base_year: int | None = None) -> YearOverYear:
    """ "Minskar", "Minskning", "Minskning jämfört med kartläggning år 2008"."""
    return YearOverYear(direction=LOWER, base_year=base_year, unit=unit)


def samma_niva(unit: Unit | None = NUM, base_year: int | None = None) -> YearOverYear:
    """ "Oförändrat", "Oförändrad nivå", "Samma nivå som 2009": any change is red."""
    return YearOverYear.same_level(base_year=base_year, unit=unit)


def oforandrat_eller(
    direction: Direction, unit: Unit | None = NUM, base_year: int | None = None
) -> YearOverYear:
    """ "Oförändrat eller minskning", "Oförändrat eller ökning": the same or better is green."""
    return YearOverYear(direction=direction, base_year=base_year, unchanged=Status.GREEN, unit=unit)


def alla(unit: Unit = PCT) -> TargetValue:
    """ "100 %"."""
    return TargetValue(">=", 100, unit=unit)


# -- building blocks ----------------------------------------------------------------------


def nyckeltal(
    iid: str,
    title: str,
    target: Threshold | None,
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
    by_gender: bool = False,
    notes: Iterable[str] = (),
) -> Indicator:
    """A nyckeltal with its "Mål 2011" (``None``: "Mätvärde saknas")."""
    if unit is None:
        unit = getattr(target, "unit", None) if not isinstance(target, BudgetDeviation) else None
    if direction is None:
        direction = getattr(target, "direction", None)
    return Indicator(
        id=iid,
        title=title,
        unit=unit,
        direction=direction,
        target=target,
        by_gender=by_gender,
        notes=list(notes),
    )


def rad(
    gid: str,
    title: str,
    target: Threshold | None,
    *,
    applies_to: Iterable[str] = (),
    indicators: Iterable[Indicator] = (),
    **options: object,
) -> Goal:
    """A row of the arbetssätt table: a goal an enhet can mark, with its nyckeltal.

    The nyckeltal has the row's id and words unless *indicators* are given (one row of
    the plan holds two nyckeltal: HVB externa and Viadukten).
    """
    inds = list(indicators) or [nyckeltal(gid, title, target, **options)]
    return Goal(id=f"mal-{gid}", title=title, applies_to=list(applies_to), indicators=inds)


def faktor(gid: str, title: str, *rows: Goal, description: str = "") -> Goal:
    """A framgångsfaktor of the arbetssätt perspective with its rows."""
    return Goal(id=gid, title=title, description=description, children=rows)


def strategiskt(
    gid: str,
    perspective: str,
    title: str,
    hur: Iterable[str],
    *,
    indicators: Iterable[Indicator] = (),
    children: Iterable[Goal] = (),
    description: str = "",
) -> Goal:
    """A strategic goal, tagged with its perspective; *hur* is "Så uppnås det strategiska målet"."""
    text = f"Så uppnås det strategiska målet: {'; '.join(hur)}." if hur else ""
    text = " ".join(part for part in (description, text) if part)
    return Goal(
        id=gid,
        title=title,
        perspectives=[perspective],
        indicators=list(indicators),
        children=list(children),
        description=text,
    )


# -- the plan ---------------------------------------------------------------------------

KOMMUNMAL = (
    ("trygghet", "Invånarna ska känna sig allt mer trygga och säkra."),
    ("utbildningsniva", "Utbildningsnivån ska öka."),
    (
        "forsorjningsstod",
        "Försörjningsstödskostnaderna ska minska i jämförelse med riksgenomsnittet",
    ),
    (
        "naringslivsklimat",
        "Näringslivsklimatet i kommunen ska vara bland de 25 procent bästa i landet.",
    ),
    ("energi", "Förbrukningen av icke förnyelsebar energi ska minska."),
    ("inflytande", "Medborgarnas inflytande på kommunens verksamheter ska öka."),
    ("nojdhet", "Medborgarnas nöjdhet med kommunens verksamheter ska öka."),
    (
        "resultat",
        "Årets resultat för skattefinansierad verksamhet, ska genomsnittligt över en "
        "konjunkturcykel uppgå till 2 procent av summan av skatteintäkter och generella "
        "statsbidrag.",
    ),
    (
        "laneskuld",
        "Låneskulden för skattefinansierad verksamhet bör uppgå till högst 285 mkr år 2010.",
    ),
    (
        "sjukskrivning",
        "År 2010 ska sjukskrivningstalet för kommunens personal vara nere på 15 dagar per "
        "årsarbetare.",
    ),
    ("nojda-medarbetare", "Antalet nöjda medarbetare i kommunen ska öka."),
)

ATAGANDEN = (
    ("ram", "Förvaltningens ekonomiska resultat ska ligga inom beslutad ram."),
    (
        "upplevd-kvalitet",
        "Mål och mätetal ska utformas för den upplevda kvaliteten av utförda tjänster inom "
        "förvaltningens kärnverksamheter.",
    ),
    (
        "forsorjningsstod",
        "Kostnadsutvecklingen för försörjningsstöd ska vara fem procentenheter lägre än "
        "kostnadsutvecklingen i riket.",
    ),
    (
        "lass",
        "Kommunens genomsnittliga nettokostnad per beviljad timme för personlig assistans "
        "LASS ska minska.",
    ),
    (
        "nojda-aldre",
        "En ökande andel av de äldre som har hemtjänstinsatser eller plats i särskild boende "
        "är nöjda med vården och omsorgen.",
    ),
    (
        "trygghetsboende",
        "Kommunen kan erbjuda ett ökande antal bostäder för äldre i sk trygghetsboenden.",
    ),
)


def kommunens_vision() -> Goal:
    """Mjölby kommuns vision år 2025 and the kommunmål KF decided from it."""
    return Goal(
        id="vision-2025",
        title="Mjölby kommuns vision år 2025: Världsvan och hemkär",
        description=(
            "Mjölby kommun ska vara en kommun som är hållbar över tiden. Fem strategiska "
            "utvecklingsområden gäller för alla kommunala verksamheter: En kommun med "
            "livskraft; Invånarna är initiativrika och välutbildade; En hållbar tillväxt med "
            "ett näringsliv i världsklass; Utvecklande mötesplatser; En miljö som håller i "
            "längden."
        ),
        children=[
            Goal(
                id=f"km-{key}",
                title=title,
                description="Kommunmål, beslutat av kommunfullmäktige, gemensamt för alla "
                "nämnder och förvaltningar.",
            )
            for key, title in KOMMUNMAL
        ],
    )


def kund() -> Goal:
    """Kundperspektivet: 7 rows of nyckeltal (Rättssäkerhet has three målvärden)."""
    return strategiskt(
        "sm-kund",
        "kund",
        "Kommunens invånare får, så långt det är möjligt, sina behov och egna val tillgodosedda",
        [
            "Bra och rättssäkert bemötande",
            "God information",
            "Genomföra regelbundna kundundersökningar",
        ],
        indicators=[
            nyckeltal(
                "kundundersokningar",
                "Kundundersökningar genomförs under år 2011 inom områdena: personlig "
                "assistans, dagverksamhet socialpsykiatri, särskilt boende socialpsykiatri, "
                "boende inom stöd och service samt hemtjänst och boende inom äldreomsorgen",
                GENOMFORT,
                notes=[
                    "Fotnot 1: Socialstyrelsen genomför 2010 brukarenkäter inom äldreomsorgens "
                    "hemtjänst och särskilda boenden. Omsorgs- och socialförvaltningen "
                    "genomför enkäterna inom socialpsykiatri."
                ],
            ),
            nyckeltal(
                "nki",
                "Kundnöjdhet (Nöjd Kundindex)",
                TargetValue(">", 70, unit=Unit.INDEX),
                direction=HIGHER,
                notes=["Mål 2011: NKI över 70 för samtliga kundenkäter (en per enkät)."],
            ),
            nyckeltal(
                "informationsmaterial",
                "Informationsmaterial finns om olika verksamheter.",
                over_medel(),
            ),
            nyckeltal(
                "information-hemsida",
                "Information finns på kommunens hemsida om olika verksamheter",
                over_medel(),
            ),
            nyckeltal(
                "kvalitetsdeklarationer",
                "Kvalitetsdeklarationer finns för några viktiga verksamheter och är kända av "
                "brukare/klienter.",
                TargetValue(">=", 5, unit=NUM),
                direction=HIGHER,
                notes=[
                    "Kvalitetsdeklarationer arbetas fram inom respektive berört programområde "
                    "och beslutas av omsorgs- och socialnämnden samt går igenom inom "
                    "programområdet 1 gång per år.",
                    "Mål 2011: Minst 5 totalt inom förvaltningen.",
                ],
            ),
            *(
                nyckeltal(
                    f"rattssakerhet-{key}",
                    f"Rättssäkerhet: {what}",
                    TargetValue(">=", value, unit=PCT),
                    direction=HIGHER,
                    notes=["Raden Rättssäkerhet har tre målvärden; ett nyckeltal per målvärde."],
                )
                for key, what, value in (
                    ("overklagade", "framgång i överklagade ärenden", 85),
                    ("tillsyn", "tillsynsärenden utan allvarlig kritik", 100),
                    ("klagomal", "synpunkter och klagomål, som dokumenterats, utreds", 100),
                )
            ),
            nyckeltal(
                "lov",
                "Genomför utredning om eventuellt införande av valfrihetssystem (LOV)",
                Milestone(due=dt.date(YEAR, 12, 31)),
                notes=["Mål 2011: Kommunfullmäktige har fattat beslut i frågan före årets slut."],
            ),
        ],
    )


def personal() -> Goal:
    """Personalperspektivet: 8 nyckeltal."""
    return strategiskt(
        "sm-personal",
        "personal",
        "Medarbetare och chefer arbetar för att uppnå visionen. Medarbetare och chefer trivs "
        "på sina arbetsplatser.",
        [
            "Bra arbetsmiljö",
            "Engagerade och kompetenta medarbetare och chefer",
            "Gemensam värdegrund",
        ],
        description="Nämndens strategiska mål: Personalen har förståelse för och arbetar för "
        "att uppnå visionen. Personalen trivs och är engagerade.",
        indicators=[
            nyckeltal(
                "nmi",
                "Nöjd medarbetarindex",
                TargetValue(">", 70, unit=Unit.INDEX),
                direction=HIGHER,
                notes=[
                    "Mål 2011: NKI över 70 för samtliga enheter (planen skriver NKI).",
                    "Fotnot 2: Kommungemensam enkät genomförs vartannat år, närmast hösten "
                    "år 2010.",
                ],
            ),
            nyckeltal(
                "vp-genomgang",
                "Genomgång av enhetens verksamhetsplan vid personalmöten/planeringsdagar",
                TargetValue(">=", 1, unit=NUM),
                direction=HIGHER,
                notes=["Mål 2011: Minst 1 gång/år."],
            ),
            nyckeltal(
                "vardegrund-genomgang",
                "Genomgång av omsorgs- och socialnämndens värdegrund vid "
                "personalmöten/planeringsdagar",
                TargetValue(">=", 1, unit=NUM),
                direction=HIGHER,
                notes=["Mål 2011: Minst 1 gång/år."],
            ),
            nyckeltal(
                "samtal-rutiner",
                "Ta fram nya arbetssätt och rutiner för medarbetar- och lönesamtal inom "
                "omsorgs- och socialförvaltningen",
                GENOMFORT,
            ),
            nyckeltal(
                "medarbetarsamtal",
                "Medarbetarsamtal/lönesamtal",
                alla(),
                notes=["Mål 2011: All personal minst 1 g/år (andel av personalen)."],
            ),
            nyckeltal("sjukfranvaro", "Sjukfrånvaro", minskning(PCT)),
            nyckeltal(
                "kompetens-aldreomsorg",
                "Medarbetares kompetens inom äldreomsorgen",
                GENOMFORT,
                notes=[
                    "Mål 2011: Mätning genomförs enligt bedömningskriterier i Öppna jämförelser."
                ],
            ),
            nyckeltal(
                "monsterarbetsplatsen",
                "Mönsterarbetsplatsen",
                TargetValue(">=", 2, unit=NUM),
                direction=HIGHER,
                notes=[
                    "Mål 2011: Minst 2 arbetsplatser arbetar efter konceptet Mönsterarbetsplatsen."
                ],
            ),
        ],
    )


def arbetssatt() -> Goal:
    """Arbetssättsperspektivet: 8 framgångsfaktorer, 60 rows, 61 nyckeltal."""
    ao = ["ÄO"]
    ssf_ao = ["SSF", "ÄO"]
    kvinnor_man = {"by_gender": True}
    tidiga = faktor(
        "ff-tidiga-insatser",
        "Tidiga insatser och uppsökande verksamhet",
        rad(
            "kartlaggningar",
            "Regelbundna kartläggningar av olika behovsgrupper genomförs",
            GENOMFORT,
        ),
        rad(
            "familjecentraler",
            "Familjecentraler (Öppet hus i samverkan) utvecklas under "
            "året enligt särskild projektplan",
            GENOMFORT,
        ),
        rad(
            "faltsekreterare",
            "Fältsekreterare genomför uppsökande verksamhet bland ungdomar",
            GENOMFORT,
        ),
        rad(
            "ungdomshalsan",
            "Förvaltningen deltar aktivt i det pågående utvecklingsarbetet av Ungdomshälsan",
            GENOMFORT,
        ),
        rad(
            "service-bistand-barn",
            "Oförändrat antal ärenden med serviceinsatser i "
            "förhållande till biståndsinsatser i öppenvård barn och unga",
            samma_niva(unit=Unit.RATIO),
        ),
        rad(
            "slussen",
            "Antal kontakter med öppna mottagningen Slussen",
            samma_niva(),
        ),
        rad(
            "utredningar-barn",
            "Antal utredningar barn och unga",
            samma_niva(),
            by_gender=True,
            notes=[
                "Mål 2011: Oförändrat antal.",
                "Nyckeltalet ska redovisas för olika åldersgrupper samt för pojkar/flickor "
                "år 2011.",
                "Fotnot 3: Ändring från ”ökning” i verksamhetsplanen 2010, till ”oförändrat "
                "antal”. Bedömningen är att utbudet av serviceinsatser hela tiden ökar för "
                "äldre barn i synnerhet, varför anmälningar kan tänkas minska för denna "
                "målgrupp, samtidigt som åldersgruppen tonåringar minskar de närmaste åren, "
                "vilket också bör påverka antalet utredningar i denna grupp.",
            ],
        ),
        rad(
            "kultur-fritid",
            "Erbjudanden finns om olika kultur- och fritidsaktiviteter för "
            "barn, unga och vuxna med funktionsnedsättningar",
            GENOMFORT,
        ),
        rad(
            "personliga-ombud",
            "Antal personer som har kontakt med personliga ombud (kvinnor/män, åldrar)",
            okning(base_year=2010),
            **kvinnor_man,
        ),
        rad(
            "uppsokande-aldre",
            "Antal personer som nås av uppsökande verksamhet inom "
            "äldreomsorgen (kvinnor/män, åldrar)",
            None,
            applies_to=ao,
            unit=NUM,
            direction=HIGHER,
            by_gender=True,
            notes=["Mål 2011: Mätvärde saknas, målet ska kompletteras."],
        ),
        rad(
            "demenssjukskoterska",
            "Antal personer som har kontakt med demenssjuksköterska (kvinnor/män, åldrar)",
            samma_niva(base_year=2010),
            **kvinnor_man,
            notes=["Mål 2011: Samma nivå som år 2010."],
        ),
        rad(
            "fallskador-hemtjanst",
            "Påbörja ett aktivt fallskadeförebyggande arbete inom hemtjänsten",
            GENOMFORT,
        ),
        rad(
            "fixartjanst",
            "Antal äldre personer som utnyttjar Fixartjänst (kvinnor/män, åldrar)",
            okning(base_year=2010),
            **kvinnor_man,
        ),
        rad(
            "dagverksamhet-ordinart",
            "Andel besök i öppna dagverksamheter inom "
            "äldreomsorgen av personer som bor i ordinärt boende",
            okning(PCT),
            applies_to=ao,
        ),
        rad("lakemedelsgenomgangar", "Regelbundna läkemedelsgenomgångar", GENOMFORT),
        rad(
            "checklista-fallskador",
            "Checklista för förebyggande av fallskador på "
            "äldreboenden finns och har kontrollerats under det senaste året",
            GENOMFORT,
            applies_to=ao,
        ),
        rad("trygghetsboende", "Trygghetsboende för äldre finns i kommunen", GENOMFORT),
    )
    oppenvard = faktor(
        "ff-oppenvard",
        "Effektiva öppenvårdsinsatser som stöds av forskning och beprövad erfarenhet",
        rad(
            "vardygn",
            "-Antal vård dygn HVB externa -Antal vård dygn Viadukten (inkl jourdygn)",
            None,
            indicators=[
                nyckeltal(
                    "vardygn-hvb",
                    "Antal vård dygn HVB externa",
                    oforandrat_eller(LOWER, Unit.DAYS),
                    notes=["Mål 2011: Oförändrat eller minskning."],
                ),
                nyckeltal(
                    "vardygn-viadukten",
                    "Antal vård dygn Viadukten (inkl jourdygn)",
                    oforandrat_eller(HIGHER, Unit.DAYS),
                    notes=[
                        "Mål 2011: Oförändrat eller ökning till 2008 års nivå; "
                        "taket (2008 års nivå) ligger utanför regeln."
                    ],
                ),
            ],
        ),
        rad(
            "service-bistand-missbruk",
            "Antal ärenden med serviceinsatser i förhållande "
            "till biståndsinsatser i öppenvård för vuxna missbrukare",
            samma_niva(unit=Unit.RATIO),
        ),
        rad(
            "utredningar-missbruk",
            "Antal utredningar vuxna missbrukare",
            okning(),
            notes=[
                "Fotnot 4: Jämfört med Verksamhetsplan 2010 bedöms behovet av utredningar "
                "om vuxna missbrukare öka. Målet har därmed ändrats från ”minskning” till "
                "”ökning”."
            ],
        ),
        rad(
            "utredningstid-vuxna",
            "Utredningstid i utredningar som rör vuxna",
            TargetValue("<", 4, unit=Unit.MONTHS),
            direction=LOWER,
        ),
        rad(
            "nationella-riktlinjer",
            "Deltagande i genomförandet av Nationella riktlinjer för "
            "missbruks- och beroendevården (genomförandeplan finns)",
            GENOMFORT,
        ),
        rad(
            "handtaget-dacketraffen",
            "Antal besökare på dagverksamheterna Handtaget och "
            "Dacketräffen SoL för personer med missbruk och/eller psykiska "
            "funktionsnedsättningar (kvinnor/män)",
            samma_niva(base_year=2009),
            **kvinnor_man,
        ),
        rad(
            "nya-treklovern",
            "Antal deltagare i biståndsbedömd dagverksamhet Nya Treklövern (äldreomsorgen)",
            samma_niva(base_year=2009),
            applies_to=ao,
        ),
    )
    barnperspektiv = faktor(
        "ff-barnperspektiv",
        "Barnperspektiv i alla berörda verksamheter",
        rad(
            "barnperspektivet",
            "Barnperspektivet ska beaktas i alla utredningar och i all "
            "annan verksamhet där vi kommer i kontakt med barn.",
            GENOMFORT,
            notes=[
                "Mål 2011: Varje berörd enhet kan redogöra för hur man arbetar för att "
                "beakta barnperspektivet."
            ],
        ),
    )
    delaktig = faktor(
        "ff-delaktighet",
        "Den enskilde är delaktig i och har inflytande över utformningen av insatser",
        rad(
            "genomforandeplan",
            "Andel personer med aktuell genomförandeplan vid "
            "biståndsinsatser enligt SoL eller insatser enligt LSS (gäller alla)",
            alla(),
        ),
        rad(
            "genomforandeplan-delaktig",
            "Den enskilde/företrädare har deltagit i "
            "framtagandet av genomförandeplanen (gäller alla)",
            alla(),
        ),
        rad(
            "inflytande-insatser",
            "Den enskilde/företrädare anser att hon/han har inflytande "
            "över insatsernas utformning (gäller äldreomsorgen)",
            okning(PCT),
            applies_to=ao,
        ),
        rad(
            "tes-schema",
            "Schema för insatsplanering med stöd av TES är upprättad för alla "
            "personer som har beslut om hemtjänst och särskilt boende inom stöd och service "
            "för funktionshindrade samt äldreomsorgen och är känt av den enskilde/anhörig/god "
            "man.",
            alla(),
            applies_to=ssf_ao,
        ),
        rad(
            "introduktionssamtal",
            "Introduktionssamtal genomförs med alla som erhåller nya "
            "beslut om hemtjänst inom äldreomsorgen",
            alla(),
            applies_to=ao,
        ),
        rad(
            "inflytande-hemtjanst",
            "Att den enskilde anser att hon/han har inflytande över "
            "hemtjänstens utformning inom äldreomsorgen (enligt Socialstyrelsens brukarenkät)",
            okning(PCT),
            applies_to=ao,
        ),
        rad(
            "inflytande-aldreboende",
            "Att den enskilde anser att hon/han har inflytande över "
            "vårdens utformning på äldreboenden (enligt Socialstyrelsens brukarundersökning)",
            okning(PCT),
            applies_to=ao,
        ),
        rad(
            "valkomstsamtal",
            "Välkomstsamtal vid inflyttning på äldreboenden har genomförts",
            alla(),
            applies_to=ao,
        ),
        rad(
            "levnadsberattelse",
            "Levnadsberättelse har tagits fram på äldreboendet, om den enskilde så önskat",
            alla(),
            applies_to=ao,
            notes=[
                "Fotnot 5: Gäller personer som bor i gruppboende för personer med demenssjukdomar."
            ],
        ),
    )
    anhoriga = faktor(
        "ff-anhoriga",
        "Stöd till anhöriga och familjer",
        rad(
            "narstaende",
            "Antal närstående som har kontakt med anhörigkonsulent/anhörigstöd "
            "(kvinnor/män) inom stöd och service för funktionshindrade samt äldreomsorgen",
            okning(base_year=2009),
            applies_to=ssf_ao,
            **kvinnor_man,
        ),
    )
    samverkan = faktor(
        "ff-samverkan",
        "Bra samverkan internt och externt",
        rad(
            "samarbete-skola",
            "Rutiner för samarbete mellan OSF och skolförvaltningen kring "
            "förskole- och skolbarn finns och har följts.",
            GENOMFORT,
        ),
        rad(
            "strandvagen",
            "Delta i utveckling av Strandvägens undervisningsgrupp i samarbete "
            "med skolförvaltningen.",
            GENOMFORT,
        ),
        rad(
            "mvc-bvc",
            "Utveckla samverkan mellan IFO och MVC/BVC med syftet att öka antalet "
            "anmälningar om små barn.",
            GENOMFORT,
            applies_to=["IFO"],
        ),
        rad(
            "pinocchio",
            "Delta i uppföljning av Pinocchioprojektet i samarbete med bland "
            "andra skolförvaltningen.",
            GENOMFORT,
        ),
        rad(
            "samarbete-gymnasiet",
            "Rutiner för samarbete mellan OSF och "
            "utbildningsförvaltningen kring ungdomar i gymnasieskolan finns och har följts.",
            GENOMFORT,
        ),
        rad(
            "samarbete-missbruk",
            "Rutiner för samarbete mellan OSF och olika "
            "samarbetspartners kring vuxna missbrukare finns och har följts",
            GENOMFORT,
        ),
        rad(
            "samarbete-landstinget",
            "Rutiner finns för samarbete mellan OSF och landstinget "
            "när det gäller personer med psykiska funktionsnedsättningar",
            GENOMFORT,
        ),
        rad(
            "frivilligorganisationer",
            "Att varje äldreomsorgsenhet har ett etablerat "
            "samarbete med flera frivillig- och intresseorganisationer",
            GENOMFORT,
            applies_to=ao,
        ),
        rad(
            "bostadslosa",
            "Antal bostadslösa missbrukare minskar",
            minskning(base_year=2008),
            notes=["Mål 2011: Minskning jämfört med kartläggning år 2008."],
        ),
    )
    sjalvforsorjning = faktor(
        "ff-sjalvforsorjning",
        "Självförsörjande kommuninvånare",
        rad(
            "forsorjningsstod-riket",
            "Kostnader för försörjningsstöd per invånare samt "
            "utveckling i procent per år ska ligga 5 %-enheter under Riket, kr/inv",
            fem_procentenheter_under_riket(),
            notes=[
                "Mål 2011: Uppnått. Utfallet är kostnadsutvecklingen i procent per år; "
                "kostnaden per invånare (kr/inv) redovisas vid sidan av."
            ],
        ),
        rad(
            "sysselsattning-25",
            "Antal försörjningsstödstagare i sysselsättning 25 år – uppåt, andel",
            okning(PCT),
        ),
        rad(
            "sysselsattning-unga",
            "Ungdomar med försörjningsstöd i sysselsättning (18-24 år), andel",
            okning(PCT),
            notes=[
                "Fotnot 6: Målet har justerats. I tidigare verksamhetsplan står det "
                "”arbetsföra ungdomar”. Begreppet arbetsföra saknar entydig definition. Det "
                "får antas att målgruppen ungdomar nästan utan undantag kan delta i någon "
                "form av sysselsättning."
            ],
        ),
        rad(
            "hushall-unga",
            "Andel hushåll ungdomar 18-24 år (studerande undantagna) skall minska",
            minskning(PCT),
        ),
        rad(
            "sjalvforsorjande",
            "Andel självförsörjande efter genomgången deltagande i någon "
            "av kommunens sysselsättningsverksamheter ska öka.",
            okning(PCT),
        ),
        rad("bidragstid", "Genomsnittlig bidragstid per hushåll, månader", minskning(Unit.MONTHS)),
        rad("visionscenter", "Deltagande i det fortsatta arbetet med Visionscenter", GENOMFORT),
        description="Framgångsfaktorn: Ett arbetssätt som innebär att den enskildes "
        "möjlighet till förvärvsarbete förbättras.",
    )
    halso_sjukvard = faktor(
        "ff-halso-sjukvard",
        "Hälso- och sjukvården i kommunens regi ska ha en hög kvalitet",
        rad(
            "trygg-vard", "Patientens behov av en trygg och säker vård skall tillgodoses", GENOMFORT
        ),
        rad(
            "patientsakerhet",
            "Patientsäkerheten i hälso- och sjukvården skall prioriteras",
            GENOMFORT,
        ),
        rad(
            "dokumentation",
            "Dokumentation/information skall finnas för att säkerställa den "
            "hälso- och sjukvård som verksamheten ansvarar för",
            GENOMFORT,
        ),
        rad(
            "hsl-kompetens",
            "HSL-uppgifterna ska utföras av personal som har kompetens för respektive uppgift",
            GENOMFORT,
        ),
        rad(
            "avvikelser",
            "Avvikelseberättelser ska användas för att se möjligheter till förbättringar",
            GENOMFORT,
        ),
        rad(
            "team",
            "Vård- och omsorgspersonal skall samverka i tvärprofessionella team runt patienten",
            GENOMFORT,
        ),
        rad(
            "palliativregistret",
            "Registreringar i Svenska palliativregistret",
            TargetValue(">=", 40, unit=PCT),
            direction=HIGHER,
            notes=["Mål 2011: Minst 40 % av dödsfallen (målet kan kompletteras senare av OSN)."],
        ),
        rad("senior-alert", "Registrering i Senior Alert", PABORJAT),
        rad(
            "kvalitetsregister",
            "Utvecklingsarbete om kvalitetsregister",
            GENOMFORT,
            notes=["Mål 2011: Delta i arbetet."],
        ),
    )
    return strategiskt(
        "sm-arbetssatt",
        "arbetssatt",
        "Nämndens insatser ges utifrån lägsta effektiva omhändertagandenivå för att hjälpa "
        "människor till ett tryggt och självständigt liv",
        [],
        description="Gäller alla enheter enligt anvisningar: programcheferna går tillsammans "
        "med enhetscheferna igenom vilka strategiska mål och förväntade resultat som gäller "
        "för respektive programområde/enhet och markerar de mål som enheten ska arbeta mot "
        "år 2011.",
        children=[
            tidiga,
            oppenvard,
            barnperspektiv,
            delaktig,
            anhoriga,
            samverkan,
            sjalvforsorjning,
            halso_sjukvard,
        ],
    )


def ekonomi() -> Goal:
    """Ekonomiperspektivet: 11 nyckeltal."""
    return strategiskt(
        "sm-ekonomi",
        "ekonomi",
        "Ett effektivt resursutnyttjande av nämndens budgeterade medel",
        [
            "Ekonomi i balans",
            "Rimlig fördelning av resurser i förhållande till vårdtyngd (resursfördelningssystem)",
            "Regelbunden, strukturerad uppföljning av ekonomi och verksamhet",
            "Genomförande av nuläges- och omvärldsanalyser",
            "Ekonomisk medvetenhet hos all personal",
            "Samsyn kring resurser och lösningsalternativ mellan programområden och enheter",
        ],
        description="Gäller alla enheter.",
        indicators=[
            nyckeltal(
                "ekonomi-i-balans",
                "Ekonomi i balans på enheten/inom programområdet/för nämnden",
                BudgetDeviation.no_negative(),
                unit=Unit.TKR,
                notes=["Mål 2011: + eller 0."],
            ),
            nyckeltal(
                "kostnadsutveckling-forsorjningsstod",
                "Kostnadsutvecklingen för försörjningsstöd ska vara fem (5) procentenheter "
                "lägre än kostnadsutvecklingen i riket.",
                fem_procentenheter_under_riket(),
                notes=["Mål 2011: Uppnått."],
            ),
            nyckeltal(
                "lass-timkostnad",
                "Kommunens genomsnittliga nettokostnad per beviljad timme för personlig "
                "assistans LASS ska minska.",
                minskning(Unit.SEK),
            ),
            nyckeltal(
                "resursfordelning-uppfoljning",
                "Uppföljning/revidering av resursfördelningssystemen genomförs årligen",
                GENOMFORT,
                notes=["Planen: raden är delad av ett sidbryte (”resursfördelningssy- stemmen”)."],
            ),
            nyckeltal(
                "resursfordelning-pa",
                "Resursfördelningssystem inom personlig assistans utarbetas under år 2010 för "
                "att gälla från år 2011",
                GENOMFORT,
            ),
            nyckeltal(
                "uppdrag-uppfoljning",
                "Uppföljning av uppdrag som getts till förvaltningen av nämnden 2 gånger per år",
                GENOMFORT,
            ),
            nyckeltal(
                "omvarldsanalyser",
                "Omvärldsanalyser genomförs årligen enligt anvisningar från Kommunledningskontoret",
                GENOMFORT,
            ),
            nyckeltal(
                "oppna-jamforelser",
                "Öppna jämförelser från SKL redovisas fortlöpande internt och externt",
                GENOMFORT,
            ),
            nyckeltal(
                "samrad",
                "Samråd genomförs mellan utredningsenheterna och utförare i komplexa ärenden",
                GENOMFORT,
                notes=["Mål 2011: Riktlinjerna för samråd följs."],
            ),
            nyckeltal(
                "vard-hemmaplan",
                "Ta fram rutiner för vård på hemmaplan och genomföra dem",
                GENOMFORT,
            ),
            nyckeltal(
                "ekonomidiskussioner",
                "Diskussioner genomförs om ekonomiskt utfall i alla arbetsgrupper regelbundet "
                "(minst vid varje prognostillfälle)",
                GENOMFORT,
            ),
        ],
    )


def utveckling() -> Goal:
    """Utveckling/lärandeperspektivet: 8 nyckeltal."""
    return strategiskt(
        "sm-utveckling",
        "utveckling",
        "Kontinuerlig verksamhetsutveckling och lärande är en naturlig del i det dagliga "
        "arbetet. Alla medarbetare och chefer arbetar med ständiga förbättringar.",
        [
            "Följa utvecklingen av och tillämpa arbetsmetoder som är baserade på forskning och "
            "beprövad erfarenhet (evidensbaserade metoder)",
            "Kontinuerlig och målmedveten kompetensutveckling för all personal",
            "Att ta till oss resultatet av de uppföljningar och utvärderingar som rör verksamheten",
            "Varje enhet bedriver ett systematiskt utvecklingsarbete med hjälp av effektiva "
            "kvalitetsverktyg (Kvalitet till er tjänst, Lean m. m.)",
        ],
        description="Gäller alla programområden/enheter.",
        indicators=[
            nyckeltal(
                "kompetensutvecklingsplan",
                "Årlig kompetensutvecklingsplan tas fram inom varje programområde/enhet",
                PABORJAT,
                notes=["Mål 2011: Arbete påbörjat."],
            ),
            nyckeltal(
                "aterkoppling",
                "Återkoppling på enheten/i arbetsgruppen av alla genomförda "
                "utbildningar/kurser, uppföljningar och utvärderingar",
                alla(),
            ),
            nyckeltal(
                "fou-projekt",
                "Minst två projekt inom förvaltningen i FoU-Centrums regi",
                GENOMFORT,
                notes=[
                    "Fotnot 7: Pågående/beslutade projekt: Lärcentrum demens, Familjer i "
                    "socialtjänsten (samarbete med Nordlandsforskning)."
                ],
            ),
            nyckeltal(
                "temadagar",
                "Genomförande av temadagar om IFO-frågor/frågor som rör stöd och service för "
                "personer med funktionsnedsättning/äldre frågor i samarbete med "
                "intresseorganisationer inom respektive område.",
                GENOMFORT,
            ),
            nyckeltal(
                "intresseorganisationer",
                "Ta tillvara intresseorganisationernas kompetens vid planering/genomförande av "
                "kompetensutveckling",
                GENOMFORT,
            ),
            nyckeltal(
                "bedomningsinstrument",
                "Införa evidensbaserade bedömningsinstrument för bedömning av "
                "funktionshindrades och äldres behov",
                Milestone(due=dt.date(YEAR - 1, 12, 31)),
                notes=["Mål 2011: Genomfört inför år 2011."],
            ),
            nyckeltal(
                "kvalitet-till-er-tjanst",
                "Genomföra vidareutbildning i Kvalitet till er tjänst (med stöd av kommunens "
                "utvecklingschef)",
                GENOMFORT,
            ),
            nyckeltal(
                "lean",
                "Genomföra utbildningar i Lean arbetssätt för chefer, handledare och personal "
                "i övrigt (med stöd av kommunens utvecklingschef)",
                PABORJAT,
                notes=["Mål 2011: Påbörjat."],
            ),
        ],
    )


def namndens_vision() -> Goal:
    """The nämnd's vision, its åtaganden for 2011 and its five strategic goals."""
    return Goal(
        id="osn-vision",
        title="I Mjölby kommun lever alla kommuninnevånare ett tryggt och självständigt liv.",
        description=(
            "Mjölby kommun är känd i hela landet för att erbjuda vård och omsorg av hög "
            "kvalitet och har nöjd och kompetent personal. Verksamhetsidé: Verksamheten finns "
            "till för att erbjuda kvalificerade och individuellt anpassade insatser av hög "
            "kvalitet. Verksamheten bedrivs med hänsyn till individens rätt till delaktighet "
            "och inflytande. Värdegrund: Kunden/brukaren i fokus; Respekt för varandra; "
            "Ständiga förbättringar."
        ),
        children=[
            *(
                Goal(
                    id=f"atagande-{key}",
                    title=title,
                    responsible=["OSN"],
                    description="Omsorgs- och socialnämndens åtagande år 2011, formulerat "
                    "utifrån kommunmålen.",
                )
                for key, title in ATAGANDEN
            ),
            kund(),
            personal(),
            arbetssatt(),
            ekonomi(),
            utveckling(),
        ],
    )


def build_plan() -> Plan:
    """The plan as decided by omsorgs- och socialnämnden 2011-05-02."""
    return Plan(
        id="mjolby-osn-2011",
        title="Omsorgs- och socialnämndens verksamhetsplan år 2011",
        organisation="Mjölby kommun, omsorgs- och socialnämnden",
        years=YEAR,
        levels=("Vision", "Mål", "Framgångsfaktor", "Förväntat resultat"),
        goals=[kommunens_vision(), namndens_vision()],
        org_units=[
            OrgUnit("OSN", "Omsorgs- och socialnämnden"),
            OrgUnit("OSF", "Omsorgs- och socialförvaltningen", parent="OSN"),
            OrgUnit("IFO", "Individ- och familjeomsorg", parent="OSF"),
            OrgUnit(
                "SSF", "Stöd och service för personer med funktionsnedsättningar", parent="OSF"
            ),
            OrgUnit("ÄO", "Äldreomsorg", parent="OSF"),
        ],
        perspectives=PERSPECTIVES,
        decided=dt.date(2011, 5, 2),
        reference="Beslutad av omsorgs- och socialnämnden 2011-05-02",
        notes=[
            "Verksamhetsplanen är gemensam för hela omsorgs- och socialförvaltningen och "
            "ersätter de tidigare verksamhetsplanerna för IFO, stöd och service "
            "funktionshindrade samt äldreomsorgen.",
            "Modellen balanserad styrning med fem perspektiv: Kund, Personal, Arbetsätt, "
            "Ekonomi, Utveckling och lärande.",
            "Resultaten redovisas genom enheternas årliga verksamhetsberättelser och årlig "
            "uppföljning av den gemensamma verksamhetsplanen; kund/brukarenkäter redovisas "
            "alltid separat till nämnden. Se uppföljningsplanen år 2011.",
        ],
    )


# -- "Gäller för enheten" and the 2010 plan ----------------------------------------------


def _map_goals(goal: Goal, change: dict[str, object]) -> Goal:
    """*goal* with every goal in *change* (id → function of the goal) replaced."""
    children = tuple(_map_goals(child, change) for child in goal.children)
    if children != goal.children:
        goal = attrs.evolve(goal, children=children)
    fn = change.get(goal.id)
    return fn(goal) if callable(fn) else goal


def mark(plan: Plan, unit: OrgUnit, goal_ids: Iterable[str]) -> Plan:
    """The plan with *unit* added and the goals it marks "Gäller för enheten" applying to it."""
    wanted = set(goal_ids)

    def add(goal: Goal) -> Goal:
        return attrs.evolve(goal, applies_to=[*goal.applies_to, unit.id])

    goals = tuple(_map_goals(g, dict.fromkeys(wanted, add)) for g in plan.goals)
    return attrs.evolve(plan, goals=goals, org_units=[*plan.org_units, unit])


def applicable(plan: Plan, unit_id: str) -> list[Goal]:
    """The goals that apply to *unit_id*: marked for it or one of its parents, or for all."""
    chain = {unit_id}
    parent = plan.org_unit(unit_id).parent
    while parent is not None:
        chain.add(parent)
        parent = plan.org_unit(parent).parent
    return [g for g in plan.all_goals() if not g.applies_to or chain & set(g.applies_to)]


def build_plan_2010() -> Plan:
    """What the footnotes say the 2010 plan had, on top of the 2011 plan (a sketch).

    Footnote 3: "Antal utredningar barn och unga" had "ökning"; footnote 4: "Antal
    utredningar vuxna missbrukare" had "minskning"; footnote 6: the row said "arbetsföra
    ungdomar". Everything else is taken as it is in 2011.
    """
    plan = build_plan()
    old_title = "Arbetsföra ungdomar med försörjningsstöd i sysselsättning (18-24 år), andel"

    def retarget(threshold: Threshold) -> object:
        def change(goal: Goal) -> Goal:
            ind = attrs.evolve(goal.indicators[0], target=threshold, notes=())
            return attrs.evolve(goal, indicators=[ind])

        return change

    def retitle(goal: Goal) -> Goal:
        ind = attrs.evolve(goal.indicators[0], title=old_title, notes=())
        return attrs.evolve(goal, title=old_title, indicators=[ind])

    changes: dict[str, object] = {
        "mal-utredningar-barn": retarget(okning()),
        "mal-utredningar-missbruk": retarget(minskning()),
        "mal-sysselsattning-unga": retitle,
    }
    return attrs.evolve(
        plan,
        id="mjolby-osn-2010",
        title="Omsorgs- och socialnämndens verksamhetsplan år 2010 (enligt fotnoterna)",
        years=YEAR - 1,
        goals=tuple(_map_goals(g, changes) for g in plan.goals),
        decided=None,
        reference="",
    )


def changes_since_2010() -> PlanDiff:
    """``diff`` from the 2010 sketch to the 2011 plan."""
    return diff(build_plan_2010(), build_plan())


# -- fictional outcomes and the scorecard -------------------------------------------------


def fictional_outcomes() -> Outcomes:
    """FICTIONAL outcomes for 2011 (and 2008–2010 for comparisons) — not Mjölby's results."""
    o = Outcome
    done, started, not_started = Progress.DONE, Progress.STARTED, Progress.NOT_STARTED
    skl = "medel i SKL:s öppna jämförelser"
    milestones = {
        "kundundersokningar": done, "lov": done, "samtal-rutiner": started,
        "kompetens-aldreomsorg": done, "kartlaggningar": done,
        "familjecentraler": done, "faltsekreterare": done, "ungdomshalsan": done,
        "kultur-fritid": done, "fallskador-hemtjanst": done,
        "lakemedelsgenomgangar": started, "checklista-fallskador": done,
        "trygghetsboende": done, "nationella-riktlinjer": done,
        "barnperspektivet": done, "samarbete-skola": done, "strandvagen": done,
        "mvc-bvc": started, "pinocchio": done, "samarbete-gymnasiet": done,
        "samarbete-missbruk": done, "samarbete-landstinget": not_started,
        "frivilligorganisationer": done, "visionscenter": done,
        "trygg-vard": done, "patientsakerhet": done, "dokumentation": done,
        "hsl-kompetens": done, "avvikelser": started, "team": done,
        "senior-alert": started, "kvalitetsregister": done,
        "resursfordelning-uppfoljning": done, "resursfordelning-pa": done,
        "uppdrag-uppfoljning": done, "omvarldsanalyser": done, "oppna-jamforelser": done,
        "samrad": done, "vard-hemmaplan": started, "ekonomidiskussioner": done,
        "kompetensutvecklingsplan": started, "fou-projekt": done, "temadagar": done,
        "intresseorganisationer": done, "bedomningsinstrument": done,
        "kvalitet-till-er-tjanst": done, "lean": not_started,
    }  # fmt: skip
    # (indicator, {year: value}) for measures compared with an earlier year.
    series = {
        "sjukfranvaro": {2010: "6.9", 2011: "6.4"},
        "service-bistand-barn": {2010: "1.8", 2011: "1.8"},
        "slussen": {2010: 412, 2011: 398},
        "dagverksamhet-ordinart": {2010: 61, 2011: 64},
        "vardygn-hvb": {2010: 2_190, 2011: 1_975},
        "vardygn-viadukten": {2010: 1_460, 2011: 1_530},
        "service-bistand-missbruk": {2010: "0.9", 2011: "1.1"},
        "utredningar-missbruk": {2010: 118, 2011: 131},
        "nya-treklovern": {2009: 26, 2011: 24},
        "inflytande-insatser": {2010: 78, 2011: 81},
        "inflytande-hemtjanst": {2010: 80, 2011: 80},
        "inflytande-aldreboende": {2010: 71, 2011: 74},
        "bostadslosa": {2008: 23, 2011: 17},
        "sysselsattning-25": {2010: 21, 2011: 24},
        "sysselsattning-unga": {2010: 38, 2011: 35},
        "hushall-unga": {2010: "6.2", 2011: "5.8"},
        "sjalvforsorjande": {2010: 29, 2011: 33},
        "bidragstid": {2010: "5.1", 2011: "5.4"},
        "lass-timkostnad": {2010: 263, 2011: 259},
    }
    # (indicator, {year: (women, men)}) for the nyckeltal followed per kön.
    per_gender = {
        "utredningar-barn": {2010: (96, 104), 2011: (91, 108)},
        "personliga-ombud": {2010: (19, 14), 2011: (23, 13)},
        "uppsokande-aldre": {2011: (140, 95)},
        "demenssjukskoterska": {2010: (88, 52), 2011: (90, 55)},
        "fixartjanst": {2010: (210, 95), 2011: (236, 99)},
        "handtaget-dacketraffen": {2009: (31, 58), 2011: (35, 57)},
        "narstaende": {2009: (64, 30), 2011: (71, 38)},
    }
    items = [o(iid, YEAR, value) for iid, value in milestones.items()]
    items += [o(iid, year, value) for iid, by_year in series.items() for year, value in
              by_year.items()]  # fmt: skip
    for iid, by_year in per_gender.items():
        for year, (women, men) in by_year.items():
            items += [
                o(iid, year, women + men),
                o(iid, year, women, gender="K"),
                o(iid, year, men, gender="M"),
            ]
    items += [
        o("nki", YEAR, 73),
        o("informationsmaterial", YEAR, 68, references={skl: 64}),
        o("information-hemsida", YEAR, 55, references={skl: 61}),
        o("kvalitetsdeklarationer", YEAR, 4),
        o("rattssakerhet-overklagade", YEAR, numerator=18, denominator=20),
        o("rattssakerhet-tillsyn", YEAR, numerator=6, denominator=6),
        o("rattssakerhet-klagomal", YEAR, numerator=47, denominator=50),
        o("nmi", YEAR, 71),
        o("vp-genomgang", YEAR, 1),
        o("vardegrund-genomgang", YEAR, 2),
        o("medarbetarsamtal", YEAR, numerator=608, denominator=640),
        o("monsterarbetsplatsen", YEAR, 2),
        o("utredningstid-vuxna", YEAR, "3.2"),
        o("genomforandeplan", YEAR, numerator=1_184, denominator=1_230),
        o("genomforandeplan-delaktig", YEAR, numerator=1_102, denominator=1_184),
        o("tes-schema", YEAR, numerator=512, denominator=512),
        o("introduktionssamtal", YEAR, numerator=97, denominator=97),
        o("valkomstsamtal", YEAR, numerator=58, denominator=61),
        o("levnadsberattelse", YEAR, numerator=22, denominator=22),
        o("forsorjningsstod-riket", YEAR, "-1.5", references={"riket": "3.8"}),
        o("palliativregistret", YEAR, 46),
        o("kostnadsutveckling-forsorjningsstod", YEAR, "-1.5", references={"riket": "3.8"}),
        o("ekonomi-i-balans", YEAR, -612_450, budget=-611_900),
        o("aterkoppling", YEAR, numerator=35, denominator=40),
    ]
    return Outcomes(items)


def scorecard() -> Scorecard:
    """The plan assessed for 2011 with the fictional outcomes."""
    return assess(build_plan(), fictional_outcomes(), YEAR, as_of=dt.date(2012, 2, 15))


_MARKS = {Status.GREEN: "●", Status.YELLOW: "◐", Status.RED: "○", Status.NOT_ASSESSED: "–"}


def _indicator_line(ind: IndicatorResult) -> str:
    line = f"{_MARKS[ind.status]} {ind.indicator.title} — {ind.explain()}"
    per_gender = ind.by_gender()
    if len(per_gender) > 1:
        side = ", ".join(f"{g.label()} {a.status.label()}" for g, a in per_gender.items())
        line += f" [{side}]"
    return line


def scorecard_text(card: Scorecard) -> str:
    """The scorecard as a tree; a row of the arbetssätt table is one line with its nyckeltal."""
    lines: list[str] = []
    for goal in card.walk():
        pad = "  " * goal.level
        inds = goal.indicators
        if len(inds) == 1 and inds[0].indicator.title == goal.goal.title and not goal.children:
            lines.append(pad + _indicator_line(inds[0]))
            continue
        level = card.plan.levels[goal.level]
        lines.append(f"{pad}{_MARKS[goal.status]} [{goal.status.label()}] {level}: "
                     f"{goal.goal.title}")  # fmt: skip
        lines.extend(f"{pad}    {_indicator_line(ind)}" for ind in inds)
    return "\n".join(lines)


def _in_words(threshold: object) -> str:
    """A year-over-year target in the plan's words ("ökning", "minskning", "oförändrat")."""
    if isinstance(threshold, YearOverYear):
        if threshold.unchanged is Status.GREEN:
            return "oförändrat"
        return "ökning" if threshold.direction is HIGHER else "minskning"
    return str(threshold)


def main() -> None:
    plan = build_plan()
    counts = plan.counts()
    card = scorecard()
    print(plan.title, "—", plan.organisation)
    print(f"{plan.reference}\n")
    print(
        f"{counts['Mål']} mål (11 kommunmål, 6 åtaganden, 5 strategiska mål), "
        f"{counts['Framgångsfaktor']} framgångsfaktorer, {counts['Förväntat resultat']} "
        f"förväntade resultat, {counts['indicators']} nyckeltal, {counts['targets']} "
        "målvärden\n"
    )
    print("OBS: utfallen nedan är PÅHITTADE (fiktiva) och inte Mjölbys resultat.\n")
    print("Balanserad styrning 2011, nyckeltal per perspektiv (grönt/gult/rött/ej bedömt):")
    for persp in plan.perspectives:
        found = card.filter_indicators(perspective=persp.id)
        tally = [sum(1 for i in found if i.status is s) for s in _MARKS]
        print(f"  {persp.name:<20} {len(found):>3} nyckeltal: " + " / ".join(map(str, tally)))
    print()
    print(scorecard_text(card))
    print("\nÄndringar från verksamhetsplanen 2010 (fotnoterna 3, 4 och 6):")
    for change in changes_since_2010():
        if change.subject == "target":
            before, after = _in_words(change.before), _in_words(change.after)
            print(f"  ändrat målvärde för indikator {change.id!r}: {before} → {after}")
        else:
            print(f"  {change.describe()}")
    unit = OrgUnit("hemtjanst-norr", "Hemtjänst Norr (påhittad enhet)", parent="ÄO")
    marked = mark(plan, unit, ["mal-fallskador-hemtjanst", "mal-lakemedelsgenomgangar"])
    rows = [g for g in applicable(marked, unit.id) if g.level == 3]
    print(f"\n{unit.name}: {len(rows)} förväntade resultat gäller för enheten "
          "(markerade, för äldreomsorgen eller för alla).")  # fmt: skip


if __name__ == "__main__":
    main()
