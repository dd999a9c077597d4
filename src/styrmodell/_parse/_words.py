"""The vocabulary of målvärde text: every word the parser knows, and what it means.

Swedish terms: *ordlista* (this module). One table per role, each mapping a word or a phrase
(lower case, words separated by single spaces) to its meaning. Adding a synonym is one line
in the right table; a word may stand in several tables ("under" is a comparator, a relation
to a reference and a deadline) and the grammar picks the meaning by what follows.

Nothing here is code: the tokenizer (``_tokens``) builds its phrase index from
:data:`TABLES`, and the grammar (``_grammar``) asks a word for its meaning in a role.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from decimal import Decimal
from typing import NamedTuple

from styrmodell._status import Status
from styrmodell._units import Unit

__all__ = ["TABLES", "Role", "UnitWord"]


class Role(enum.StrEnum):
    """What a word does in a målvärde (a ``StrEnum``: looked up often, hashed as a string)."""

    COMPARATOR = "comparator"  # "minst" → ">=" (the value: a comparator)
    VERB = "verb"  # a comparator that is a verb and ends a subject: "understiger" → "<"
    MORE_LESS = "more_less"  # after "eller"/"och": "eller mer" → ">=", "och nedåt" → "<="
    UNIT = "unit"  # "%", "tkr", "dagar" → UnitWord
    COLOUR = "colour"  # "grönt" → Status.GREEN
    REFERENCE = "reference"  # "riket" → its name in Context.references ("" keeps the text)
    RELATION = "relation"  # "bättre än" → "better" (to a reference)
    CHANGE = "change"  # "ökning" → "up"
    PROGRESS = "progress"  # "genomfört" → "done" (Progress.DONE)
    NEGATION = "negation"  # "ej"
    OR = "or"
    AND = "and"
    COMPARED_WITH = "compared_with"  # "jämfört med"
    EARLIER = "earlier"  # "föregående år": the year before
    DEADLINE = "deadline"  # "senast" → "by"
    YEAR_END = "year_end"  # "årets slut"
    DURING_YEAR = "during_year"  # "under året"
    MONTH = "month"  # "juni" → 6
    WITHIN = "within"  # "inom" (a time limit)
    AFTER = "after"  # "efter"
    DEVIATION = "deviation"  # "avvikelse", "budgetavvikelse"
    SIDE = "side"  # "negativ" → -1, "positiv" → +1
    BALANCE = "balance"  # "ekonomi i balans": no negative deviation
    SURPLUS = "surplus"  # "positivt resultat": a deviation above zero
    APPROX = "approx"  # "cirka"
    NUMBER_WORD = "number_word"  # "tolv" → 12
    SHARE = "share"  # "hälften" → 50 (percent)
    PART = "part"  # "fjärdedel" → 4 (one part of four)
    OUT_OF = "out_of"  # "av" in "nio av tio"
    LABEL = "label"  # "målvärde" (before a year and ":")
    FILLER = "filler"  # words that carry no rule: "ska", "vara", "totalt"
    MODAL = "modal"  # "ska", "bör": ends a subject
    HAVE = "have"  # "har": ends a subject; "har … före årets slut" is done
    COPULA = "copula"  # "är": ends a subject
    MEASURE = "measure"  # "andel", "antal": a subject that names a measure
    INDEX_NAME = "index_name"  # "index", "NKI": a name before the number
    YEAR_WORD = "year_word"  # "år" before a year
    YEARS_OF = "years_of"  # "års" in "2008 års nivå"
    LEVEL = "level"  # "nivå" in "samma nivå som", "2008 års nivå"
    PLUS_MINUS = "plus_minus"  # "plus/minus", "±"
    PLUS = "plus"
    MINUS = "minus"
    BETWEEN = "between"  # "mellan … och …"
    FROM = "from"  # "från … till …"
    TO = "to"  # "till" (a range's upper end)
    PER = "per"  # "per år", "gång/år"
    PRECISION = "precision"  # "värden avrundas till"
    NO_TARGET = "no_target"  # "mätvärde saknas": the plan gives no målvärde yet
    PENDING = "pending"  # a word only a family of a later version reads → its name


class UnitWord(NamedTuple):
    """A unit as the text writes it.

    Attributes:
        name: The word as the vocabulary knows it ("mnkr").
        dimension: What it measures; units of one dimension convert into each other.
        scale: Its size in the dimension's smallest unit (tkr: 1000 kr; veckor: 7 dagar).
        unit: The styrmodell :class:`~styrmodell.Unit`, or ``None`` where there is none yet.
        proposed: For a unit without a member: the member it would be ("MSEK").
    """

    name: str
    dimension: str
    scale: Decimal = Decimal(1)
    unit: Unit | None = None
    proposed: str | None = None


def _unit(name: str, dimension: str, scale: int = 1, unit: Unit | None = None) -> UnitWord:
    proposed = None if unit is not None else _PROPOSED[name]
    return UnitWord(name, dimension, Decimal(scale), unit, proposed)


# The Unit member a unit without one would be (listed in the parser's report to the lead).
_PROPOSED = {
    "mnkr": "MSEK",
    "mdkr": "BSEK",
    "veckor": "WEEKS",
    "arbetsdagar": "WORKING_DAYS",
    "år": "YEARS",
    "timmar": "HOURS",
    "minuter": "MINUTES",
}

_PERCENT = _unit("%", "percent", 1, Unit.PERCENT)
_POINTS = _unit("%-enheter", "points", 1, Unit.PERCENTAGE_POINTS)
_COUNT = _unit("st", "count", 1, Unit.COUNT)
_SEK = _unit("kr", "money", 1, Unit.SEK)
_TKR = _unit("tkr", "money", 1000, Unit.TKR)
_MNKR = _unit("mnkr", "money", 1_000_000)
_MDKR = _unit("mdkr", "money", 1_000_000_000)
_DAYS = _unit("dagar", "days", 1, Unit.DAYS)
_WEEKS = _unit("veckor", "days", 7)
_WORKING_DAYS = _unit("arbetsdagar", "working_days")
_MONTHS = _unit("mån", "months", 1, Unit.MONTHS)
_YEARS = _unit("år", "months", 12)
_HOURS = _unit("timmar", "hours", 60)
_MINUTES = _unit("minuter", "hours", 1)
_INDEX = _unit("index", "index", 1, Unit.INDEX)
_RATIO = _unit("kvot", "ratio", 1, Unit.RATIO)

UNIT_OF_MEMBER: Mapping[Unit, UnitWord] = {
    Unit.PERCENT: _PERCENT,
    Unit.PERCENTAGE_POINTS: _POINTS,
    Unit.COUNT: _COUNT,
    Unit.SEK: _SEK,
    Unit.TKR: _TKR,
    Unit.DAYS: _DAYS,
    Unit.MONTHS: _MONTHS,
    Unit.INDEX: _INDEX,
    Unit.RATIO: _RATIO,
}
"""The dimension and scale of each styrmodell unit (to convert written units into it)."""

UNITS: Mapping[str, UnitWord] = {
    "%": _PERCENT,
    "procent": _PERCENT,
    "%-enheter": _POINTS,
    "%-enhet": _POINTS,
    "procentenheter": _POINTS,
    "procentenhet": _POINTS,
    "st": _COUNT,
    "st.": _COUNT,
    "stycken": _COUNT,
    "kr": _SEK,
    "kr.": _SEK,
    "kronor": _SEK,
    "sek": _SEK,
    "tkr": _TKR,
    "tkr.": _TKR,
    "tusen kronor": _TKR,
    "ksek": _TKR,
    "mnkr": _MNKR,
    "mkr": _MNKR,
    "msek": _MNKR,
    "miljoner kronor": _MNKR,
    "miljon kronor": _MNKR,
    "mdkr": _MDKR,
    "miljarder kronor": _MDKR,
    "dag": _DAYS,
    "dagar": _DAYS,
    "dygn": _DAYS,
    "kalenderdagar": _DAYS,
    "vecka": _WEEKS,
    "veckor": _WEEKS,
    "arbetsdag": _WORKING_DAYS,
    "arbetsdagar": _WORKING_DAYS,
    "vardagar": _WORKING_DAYS,
    "mån": _MONTHS,
    "mån.": _MONTHS,
    "månad": _MONTHS,
    "månader": _MONTHS,
    "år": _YEARS,
    "timme": _HOURS,
    "timmar": _HOURS,
    "tim": _HOURS,
    "h": _HOURS,
    "minuter": _MINUTES,
    "poäng": _INDEX,
    "indexpunkter": _INDEX,
    "indexenheter": _INDEX,
}

COMPARATORS: Mapping[str, str] = {
    ">": ">",
    "mer än": ">",
    "fler än": ">",
    "över": ">",
    "större än": ">",
    "högre än": ">",
    "längre än": ">",
    ">=": ">=",
    "=>": ">=",
    "≥": ">=",
    "minst": ">=",
    "lägst": ">=",
    "som minst": ">=",
    "åtminstone": ">=",
    "inte mindre än": ">=",
    "inte färre än": ">=",
    "inte lägre än": ">=",
    "inte under": ">=",
    "uppe i": ">=",
    "<": "<",
    "mindre än": "<",
    "färre än": "<",
    "under": "<",
    "lägre än": "<",
    "kortare än": "<",
    "<=": "<=",
    "=<": "<=",
    "≤": "<=",
    "högst": "<=",
    "max": "<=",
    "max.": "<=",
    "maximalt": "<=",
    "som mest": "<=",
    "upp till": "<=",
    "inte mer än": "<=",
    "inte fler än": "<=",
    "inte högre än": "<=",
    "inte över": "<=",
    "nere på": "<=",
    "=": "==",
    "==": "==",
    "lika med": "==",
    "exakt": "==",
}

VERBS: Mapping[str, str] = {
    "understiger": "<",
    "understiga": "<",
    "understigande": "<",
    "överstiger": ">",
    "överstiga": ">",
    "överstigande": ">",
    "inte överstiga": "<=",
    "inte överstiger": "<=",
    "inte understiga": ">=",
    "inte understiger": ">=",
    "överstiger inte": "<=",
    "understiger inte": ">=",
}

MORE_LESS: Mapping[str, str] = {
    "mer": ">=",
    "fler": ">=",
    "högre": ">=",
    "större": ">=",
    "över": ">=",
    "uppåt": ">=",
    "däröver": ">=",
    "mindre": "<=",
    "färre": "<=",
    "lägre": "<=",
    "under": "<=",
    "nedåt": "<=",
    "därunder": "<=",
    "kortare": "<=",
}

COLOURS: Mapping[str, Status] = {
    "grönt": Status.GREEN,
    "grön": Status.GREEN,
    "gult": Status.YELLOW,
    "gul": Status.YELLOW,
    "rött": Status.RED,
    "röd": Status.RED,
}

# The value is the reference's name in Context.references; "" keeps the words as written.
REFERENCES: Mapping[str, str] = {
    "riket": "riket",
    "rikets": "riket",
    "riksgenomsnittet": "riket",
    "riksgenomsnitt": "riket",
    "rikssnittet": "riket",
    "riksnivå": "riket",
    "riksnivån": "riket",
    "landet": "riket",
    "sverige": "riket",
    "länet": "länet",
    "länssnittet": "länet",
    "länsgenomsnittet": "länet",
    "regionen": "regionen",
    "liknande kommuner": "",
    "likvärdiga kommuner": "",
    "jämförbara kommuner": "",
    "kommungruppen": "",
    "övriga kommuner": "",
    "sveriges kommuner": "",
    "kkik": "",
    "öppna jämförelser": "",
    "medel": "",
    "medelvärdet": "",
    "medelvärde": "",
    "snittet": "",
    "genomsnittet": "",
    "medianen": "",
    "median": "",
}

RELATIONS: Mapping[str, str] = {
    "bättre än": "better",
    "sämre än": "worse",
    "som": "same",
    "samma som": "same",
    "i nivå med": "same",
    "i paritet med": "same",
    "minst i nivå med": "at_least",
    "minst som": "at_least",
    "minst samma som": "at_least",
    "lägst i nivå med": "at_least",
    "inte sämre än": "at_least",
    "högst i nivå med": "at_most",
    "högst som": "at_most",
    "över": "above",
    "högre än": "above",
    "överstiga": "above",
    "överstiger": "above",
    "under": "below",
    "lägre än": "below",
    "understiga": "below",
    "understiger": "below",
    "inte överstiga": "at_most",
    "inte överstiger": "at_most",
    "överstiger inte": "at_most",
    "inte understiga": "at_least",
    "inte understiger": "at_least",
    "understiger inte": "at_least",
}

CHANGES: Mapping[str, str] = {
    "ökning": "up",
    "ökar": "up",
    "öka": "up",
    "ökas": "up",
    "ökad": "up",
    "ökade": "up",
    "ökat": "up",
    "ökande": "up",
    "höjning": "up",
    "höjas": "up",
    "stiga": "up",
    "stiger": "up",
    "minskning": "down",
    "minskar": "down",
    "minska": "down",
    "minskas": "down",
    "minskad": "down",
    "minskade": "down",
    "minskat": "down",
    "minskande": "down",
    "sänkning": "down",
    "sänkas": "down",
    "sjunka": "down",
    "sjunker": "down",
    "reduceras": "down",
    "förbättrat": "better",
    "förbättrad": "better",
    "förbättrade": "better",
    "förbättras": "better",
    "förbättra": "better",
    "förbättring": "better",
    "utvecklas positivt": "better",
    "försämrat": "worse",
    "försämrad": "worse",
    "försämrade": "worse",
    "försämras": "worse",
    "försämring": "worse",
    "utvecklas negativt": "worse",
    "oförändrat": "same",
    "oförändrad": "same",
    "oförändrade": "same",
    "bibehållen": "same",
    "bibehållet": "same",
    "bibehålla": "same",
    "bibehållas": "same",
    "behålla": "same",
    "behållas": "same",
    "samma nivå": "same",
    "förändrat": "changed",
    "förändrad": "changed",
}

PROGRESS: Mapping[str, str] = {
    **dict.fromkeys(
        [
            "genomfört",
            "genomförd",
            "genomförda",
            "genomföras",
            "genomförts",
            "uppnått",
            "uppnådd",
            "uppnådda",
            "uppnås",
            "uppnåtts",
            "utfört",
            "utförd",
            "utförda",
            "utföras",
            "klar",
            "klart",
            "klara",
            "färdig",
            "färdigt",
            "infört",
            "införd",
            "införda",
            "införas",
            "införts",
            "implementerad",
            "implementerat",
            "implementeras",
            "antagen",
            "antaget",
            "antagits",
            "beslutad",
            "beslutat",
            "fastställd",
            "fastställt",
            "levererad",
            "levererat",
            "upprättad",
            "upprättat",
            "upprättas",
            "framtagen",
            "framtaget",
            "framtagna",
            "uppfyllt",
            "uppfylld",
            "uppfyllda",
        ],
        "done",
    ),
    **dict.fromkeys(
        [
            "påbörjat",
            "påbörjad",
            "påbörjade",
            "påbörja",
            "påbörjas",
            "påbörjats",
            "startat",
            "startad",
            "startas",
            "inlett",
            "inledd",
            "inleds",
            "inletts",
            "delvis uppnått",
            "delvis uppnådd",
            "delvis uppfyllt",
            "delvis uppfylld",
            "delvis genomfört",
            "delvis genomförd",
            "igång",
        ],
        "started",
    ),
}

NEGATIONS: Mapping[str, bool] = {"ej": True, "inte": True, "icke": True}

COMPARED_WITH: Mapping[str, bool] = dict.fromkeys(
    (
        "jämfört med",
        "jämfört mot",
        "jämför med",
        "jämför mot",
        "i jämförelse med",
        "i förhållande till",
        "mot",
    ),
    True,
)

EARLIER: Mapping[str, bool] = dict.fromkeys(
    (
        "föregående år",
        "föregående års",
        "förra året",
        "förra årets",
        "fjolåret",
        "året innan",
        "året före",
        "tidigare år",
        "tidigare",
        "föregående mätning",
        "förra mätningen",
        "senaste mätningen",
    ),
    True,
)

DEADLINES: Mapping[str, str] = {
    "senast": "by",
    "senast den": "by",
    "senast vid": "by",
    "till och med": "by",
    "t.o.m.": "by",
    "till": "by",
    "klart till": "by",
    "vid": "by",
    "per": "by",
    "före": "before",
    "innan": "before",
    "inför": "before_year",
    "under": "during",
}

YEAR_END: Mapping[str, bool] = dict.fromkeys(
    ("årets slut", "årsskiftet", "årets utgång", "utgången av året", "året ut", "årsslutet"),
    True,
)

DURING_YEAR: Mapping[str, bool] = dict.fromkeys(
    ("under året", "i år", "under innevarande år", "innevarande år"), True
)

MONTHS: Mapping[str, int] = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "mars": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "augusti": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WITHIN: Mapping[str, bool] = {"inom": True, "inom loppet av": True}
AFTER: Mapping[str, bool] = {"efter": True, "senare än": True}

DEVIATIONS: Mapping[str, bool] = dict.fromkeys(
    (
        "avvikelse",
        "avvikelsen",
        "avvikelser",
        "budgetavvikelse",
        "budgetavvikelsen",
        "avvikelse mot budget",
        "avvikelse från budget",
        "avvikelse mot budgeten",
        "avvikelse från budgeten",
    ),
    True,
)

SIDES: Mapping[str, int] = {
    "negativ": -1,
    "negativa": -1,
    "neg.": -1,
    "neg": -1,
    "positiv": 1,
    "positiva": 1,
    "pos.": 1,
}

BALANCE: Mapping[str, bool] = dict.fromkeys(
    (
        "ekonomi i balans",
        "en ekonomi i balans",
        "budget i balans",
        "en budget i balans",
        "budgeten i balans",
        "i balans",
        "håller budget",
        "håller budgeten",
        "håller sin budget",
        "håller sin driftsbudget",
        "inom ram",
        "inom ramen",
        "inom beslutad ram",
        "inom tilldelad ram",
        "inom budget",
        "inom budgeten",
        "inget underskott",
    ),
    True,
)

SURPLUS: Mapping[str, bool] = dict.fromkeys(
    ("positivt resultat", "ett positivt resultat", "överskott", "ett överskott"), True
)

APPROX: Mapping[str, bool] = dict.fromkeys(
    ("cirka", "ca", "ca.", "c:a", "omkring", "ungefär", "runt", "i storleksordningen"), True
)

NUMBER_WORDS: Mapping[str, int] = {
    "noll": 0,
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "tretton": 13,
    "fjorton": 14,
    "femton": 15,
    "sexton": 16,
    "sjutton": 17,
    "arton": 18,
    "nitton": 19,
    "tjugo": 20,
    "trettio": 30,
    "fyrtio": 40,
    "femtio": 50,
    "sextio": 60,
    "sjuttio": 70,
    "åttio": 80,
    "nittio": 90,
    "hundra": 100,
    "etthundra": 100,
    "tusen": 1000,
    "ettusen": 1000,
}
"""Numbers written as words; compounds of tens and ones ("tjugofem") are read from these."""

SHARES: Mapping[str, int] = {
    "hälften": 50,
    "alla": 100,
    "all": 100,
    "samtliga": 100,
    "samtlig": 100,
    "ingen": 0,
    "inga": 0,
}
"""Words that are a share in percent by themselves."""

PARTS: Mapping[str, int] = {
    "hälft": 2,
    "halva": 2,
    "tredjedel": 3,
    "tredjedelar": 3,
    "fjärdedel": 4,
    "fjärdedelar": 4,
    "femtedel": 5,
    "femtedelar": 5,
    "tiondel": 10,
    "tiondelar": 10,
}
"""Fractions as words: "tre fjärdedelar" is 3 parts of 4."""

OUT_OF: Mapping[str, bool] = {"av": True, "utav": True}

LABELS: Mapping[str, bool] = dict.fromkeys(
    ("målvärde", "målvärdet", "mål", "målnivå", "målnivån", "målsättning", "förväntat resultat"),
    True,
)

FILLERS: Mapping[str, bool] = dict.fromkeys(
    (
        "vara",
        "uppgå till",
        "uppgår till",
        "ligga",
        "ligga på",
        "ligger på",
        "ligger",
        "ligga på en nivå av",
        "ha",
        "nå",
        "nå upp till",
        "nås",
        "uppnå",
        "hamna på",
        "landa på",
        "att",
        "totalt",
        "sammanlagt",
        "årligen",
        "per år",
        "varje år",
        "målet är",
        "målet är att",
        "målet är nått när",
        "målet är uppnått när",
        "målet nås när",
        "målet uppnås när",
        "målvärdet är",
        "t.ex.",
        "bl.a.",
        "inkl.",
        "resp.",
        "dvs.",
    ),
    True,
)

MODALS: Mapping[str, bool] = dict.fromkeys(
    ("ska", "skall", "bör", "måste", "får", "kommer att", "ska vara", "skall vara", "bör vara"),
    True,
)
HAVE: Mapping[str, bool] = {"har": True}
COPULAS: Mapping[str, bool] = dict.fromkeys(("är", "blir"), True)

MEASURES: Mapping[str, bool] = dict.fromkeys(
    (
        "andel",
        "andelen",
        "antal",
        "antalet",
        "kostnad",
        "kostnaden",
        "kostnader",
        "kostnaderna",
        "nettokostnad",
        "nettokostnaden",
        "nettokostnadsandelen",
        "tid",
        "tiden",
        "väntetid",
        "väntetiden",
        "handläggningstid",
        "handläggningstiden",
        "utredningstid",
        "utredningstiden",
        "sjukfrånvaro",
        "sjukfrånvaron",
        "frisknärvaro",
        "frisknärvaron",
        "nöjdhet",
        "nöjdheten",
        "kvot",
        "kvoten",
    ),
    True,
)

INDEX_NAMES: Mapping[str, bool] = dict.fromkeys(
    (
        "index",
        "indexet",
        "totalindex",
        "nöjdhetsindex",
        "nöjd kund-index",
        "nöjd kundindex",
        "nöjd medarbetarindex",
        "nöjd medborgarindex",
        "nöjd region-index",
    ),
    True,
)

YEAR_WORDS: Mapping[str, bool] = {"år": True, "året": True}
YEARS_OF: Mapping[str, bool] = {"års": True}
LEVELS: Mapping[str, bool] = {"nivå": True, "nivån": True}
PLUS_MINUS: Mapping[str, bool] = dict.fromkeys(
    ("plus/minus", "plus-minus", "+/-", "+-", "-/+", "±"), True
)
PLUS: Mapping[str, bool] = {"plus": True, "+": True}
MINUS: Mapping[str, bool] = {"minus": True}
BETWEEN: Mapping[str, bool] = {"mellan": True}
FROM: Mapping[str, bool] = {"från": True, "från och med": True}
TO: Mapping[str, bool] = {"till": True, "till och med": True}
PER: Mapping[str, bool] = {"per": True, "/": True}
PRECISION: Mapping[str, bool] = dict.fromkeys(
    ("värden avrundas till", "värdena avrundas till", "avrundas till", "avrundat till"), True
)
NO_TARGET: Mapping[str, bool] = dict.fromkeys(
    (
        "mätvärde saknas",
        "målvärde saknas",
        "saknas",
        "nytt mål",
        "inget målvärde",
        "ej fastställt",
        "fastställs senare",
        "ej aktuellt",
        "ej mätbart",
    ),
    True,
)

# Words only the families of the next version read; the value names the family.
PENDING: Mapping[str, str] = {
    "halvera": "RelativeChange",
    "halveras": "RelativeChange",
    "halvering": "RelativeChange",
    "halverad": "RelativeChange",
    "fördubbla": "RelativeChange",
    "fördubblas": "RelativeChange",
    "fördubbling": "RelativeChange",
    "basår": "RelativeChange",
    "basåret": "RelativeChange",
    "basårets": "RelativeChange",
    "utgångsläget": "RelativeChange",
    "kvartil": "Rank",
    "kvartilen": "Rank",
    "kvartilerna": "Rank",
    "bästa": "Rank",
    "sämsta": "Rank",
    "topp": "Rank",
    "placering": "Rank",
    "rankning": "Rank",
    "rankingen": "Rank",
    "i genomsnitt": "PeriodAverage",
    "genomsnittligt": "PeriodAverage",
    "i snitt": "PeriodAverage",
    "planperioden": "PeriodAverage",
    "konjunkturcykel": "PeriodAverage",
    "måluppfyllelse": "Attainment",
    "uppfyllelse": "Attainment",
    "förväntad målnivå": "Attainment",
}

TABLES: Mapping[Role, Mapping[str, object]] = {
    Role.COMPARATOR: COMPARATORS,
    Role.VERB: VERBS,
    Role.MORE_LESS: MORE_LESS,
    Role.UNIT: UNITS,
    Role.COLOUR: COLOURS,
    Role.REFERENCE: REFERENCES,
    Role.RELATION: RELATIONS,
    Role.CHANGE: CHANGES,
    Role.PROGRESS: PROGRESS,
    Role.NEGATION: NEGATIONS,
    Role.OR: {"eller": True},
    Role.AND: {"och": True, "samt": True},
    Role.COMPARED_WITH: COMPARED_WITH,
    Role.EARLIER: EARLIER,
    Role.DEADLINE: DEADLINES,
    Role.YEAR_END: YEAR_END,
    Role.DURING_YEAR: DURING_YEAR,
    Role.MONTH: MONTHS,
    Role.WITHIN: WITHIN,
    Role.AFTER: AFTER,
    Role.DEVIATION: DEVIATIONS,
    Role.SIDE: SIDES,
    Role.BALANCE: BALANCE,
    Role.SURPLUS: SURPLUS,
    Role.APPROX: APPROX,
    Role.NUMBER_WORD: NUMBER_WORDS,
    Role.SHARE: SHARES,
    Role.PART: PARTS,
    Role.OUT_OF: OUT_OF,
    Role.LABEL: LABELS,
    Role.FILLER: FILLERS,
    Role.MODAL: MODALS,
    Role.HAVE: HAVE,
    Role.COPULA: COPULAS,
    Role.MEASURE: MEASURES,
    Role.INDEX_NAME: INDEX_NAMES,
    Role.YEAR_WORD: YEAR_WORDS,
    Role.YEARS_OF: YEARS_OF,
    Role.LEVEL: LEVELS,
    Role.PLUS_MINUS: PLUS_MINUS,
    Role.PLUS: PLUS,
    Role.MINUS: MINUS,
    Role.BETWEEN: BETWEEN,
    Role.FROM: FROM,
    Role.TO: TO,
    Role.PER: PER,
    Role.PRECISION: PRECISION,
    Role.NO_TARGET: NO_TARGET,
    Role.PENDING: PENDING,
}
"""Every table by role: what the tokenizer indexes."""
