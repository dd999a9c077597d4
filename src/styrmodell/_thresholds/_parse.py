"""Read a plan's målvärde text into a threshold: ``parse_threshold``.

Swedish terms: *målvärde* (the text read), *grönt / gult / rött* (the colour parts),
*mer än / över / fler än* (>), *minst* (≥), *mindre än / under / färre än* (<), *högst /
upp till* (≤), *plus/minus* (±), *bättre än / som / sämre än riket*, *förbättrat /
oförändrat / försämrat*, *ökning / minskning*, *genomfört / uppnått / påbörjat*, *inom*.

The reader is strict: a text it cannot read raises :class:`~styrmodell.ParseError` naming
the text and the forms it understands; it never guesses a rule. A text it reads but whose
colours overlap raises :class:`~styrmodell.ThresholdError`, as the family itself would.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import pairwise

import attrs
from babel.dates import get_month_names

from styrmodell._errors import ParseError, ThresholdError
from styrmodell._intervals import Interval
from styrmodell._numbers import to_decimal
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._milestone import Milestone, Progress
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import Comparator, TargetValue
from styrmodell._units import Direction, Unit

__all__ = ["parse_threshold"]

HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER

_FORMS = (
    "colour parts ('Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%', "
    "'Grönt: Bättre än riket Gult: Som riket Rött: Sämre än riket', "
    "'Grönt: Förbättrat jämfört mot 2018 …', 'Grönt: utförd Rött: Ej utförd', "
    "'Grönt: … inom 3 månader Rött: … efter 3 månader'), "
    "a target ('≥ 50 %', '>20', '5', 'Minst 5 totalt', '<4 mån', '89 % eller mer'), "
    "a reference ('Över medel i SKL:s öppna jämförelser', '5 %-enheter under riket'), "
    "a change ('Ökning jämfört med 2010', 'Minskar', 'Samma nivå som 2009', "
    "'Oförändrat eller minskning', '>2022'), "
    "a milestone ('Genomfört', 'Uppnått', 'Plan klar', 'Påbörjat', 'Mål under 2019', "
    "'infört vid årets slut'), "
    "a budget deviation ('0 % neg. avvikelse', '+ eller 0', '+/-0') "
    "or a time limit ('inom 3 månader')"
)

_NUM = r"[-+]?\d+(?:,\d+)?"
_YEAR = r"(?:19|20|21)\d\d"
_UNITS = {
    "%-enheter": Unit.PERCENTAGE_POINTS,
    "procentenheter": Unit.PERCENTAGE_POINTS,
    "%": Unit.PERCENT,
    "procent": Unit.PERCENT,
    "månader": Unit.MONTHS,
    "månad": Unit.MONTHS,
    "mån": Unit.MONTHS,
    "dagar": Unit.DAYS,
    "dag": Unit.DAYS,
    "tkr": Unit.TKR,
    "kr": Unit.SEK,
}
_UNIT_RE = re.compile(
    rf"({_NUM})\s*({'|'.join(re.escape(u) for u in _UNITS)})(?![\wåäö%-])", re.IGNORECASE
)
_STOP_WORDS = frozenset(
    {"mer", "fler", "mindre", "färre", "över", "under", "minst", "högst", "max", "än"}
    | {"eller", "och", "ej", "inte", "plus", "minus", "till", "upp", "mellan"}
)
_REFERENCE = (
    r"(?:riket|rikssnittet|länet|regionen|kommungruppen|"
    r"(?:liknande|likvärdiga|jämförbara) kommuner|"
    r"(?:medel|medelvärdet|snittet|genomsnittet)(?:\s[^\d]*)?)"
)
_FOOTNOTES = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_MONTHS = {name.lower(): n for n, name in get_month_names("wide", locale="sv_SE").items()}


@attrs.frozen
class _Ask:
    """The text and what the caller said about it."""

    text: str
    unit: Unit | None
    direction: Direction | None
    year: int | None

    def fail(self, why: str) -> ParseError:
        return ParseError(f"målvärde {self.text!r}: {why}; understood forms: {_FORMS}")

    def conflict(self, what: str, said: object, given: object) -> ParseError:
        return ParseError(
            f"målvärde {self.text!r}: the text says {what} {said}, but {given} was given"
        )


def parse_threshold(
    text: str,
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
    year: int | None = None,
) -> Threshold:
    r"""Read a målvärde as the plans write it into the threshold it states.

    The text may carry the plan's clutter: HTML tags (``<p>``), a decimal comma, U+2212 or
    "–" dashes, spaces in ``"Grönt :"`` or ``"Gult::"``, a footnote mark (``"Ökning ⁴"``;
    what follows the mark is a note and is left out) and a trailing full stop.

    Args:
        text: The målvärde, e.g. ``"Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%"``.
        unit: The indicator's unit, for texts that do not say it; a unit written in the
            text ("%", "mån", "dagar", "tkr") must agree with it.
        direction: Which way is better, for texts that do not say it: a bare number ("5")
            is a level to reach (``>=``), or with ``LOWER_IS_BETTER`` one not to exceed
            (``<=``); "bättre än riket" and "förbättrat" are higher-is-better unless told.
            A text that says its direction ("Ökning", "mer än", colours in order) must
            agree with it.
        year: The year the target is for; needed for "vid årets slut".

    Returns:
        A threshold of the family the text states. Numeric colour parts become
        :class:`~styrmodell.Bands`, with the direction their order shows and a precision
        only where the text writes neighbouring colours one step apart ("upp till 30" /
        "31-40" → 1; "under 2,2%" / "2,3-2,9%" → 0,1) or says "(värden avrundas till …)".

    Raises:
        ParseError: for text that is none of the understood forms (the message names the
            text and lists the forms), or that contradicts *unit* or *direction*.
        ThresholdError: for text that is read but states an impossible rule (colours that
            overlap, as Hässleholm's "= 0 - 0,5% plus / plus/minus 0,5-2%" at 0,5).

    Examples:
        >>> from styrmodell import describe, parse_threshold
        >>> describe(parse_threshold("Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%"))
        'Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%'
        >>> parse_threshold("≥ 50 %")
        TargetValue(comparator='>=', target=Decimal('50'), unit=<Unit.PERCENT: 'percent'>, yellow_margin=None)
    """  # noqa: E501
    if not isinstance(text, str):
        raise ParseError(f"målvärde: expected text, got {text!r}")
    if unit is not None and not isinstance(unit, Unit):
        raise ParseError(f"parse_threshold unit: expected a styrmodell.Unit, got {unit!r}")
    if direction is not None and not isinstance(direction, Direction):
        raise ParseError(
            f"parse_threshold direction: expected a styrmodell.Direction, got {direction!r}"
        )
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise ParseError(f"parse_threshold year: expected a year as int, got {year!r}")
    ask = _Ask(text, unit, direction, year)
    cleaned = _clean(text)
    if not cleaned:
        raise ask.fail("the text is empty")
    parts = _colour_parts(cleaned, ask)
    if parts is None:
        return _single(cleaned, ask)
    return _coloured(parts, ask)


# -- cleaning ---------------------------------------------------------------------------


def _clean(text: str) -> str:
    s = html.unescape(re.sub(r"<[^>]*>", " ", text))
    cut = re.search(f"[{_FOOTNOTES}]", s)
    if cut:
        s = s[: cut.start()]
    s = s.replace("\u2212", "-").replace("\u2014", "–")
    s = re.sub(r"(?<=\d)[\u00a0\u202f](?=\d{3}(?!\d))", "", s)
    s = re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u202f", " "))
    return s.strip().rstrip(".,; ").strip()


def _colour_parts(s: str, ask: _Ask) -> dict[Status, str] | None:
    labels = list(re.finditer(r"\b(grönt|gult|rött)\s*:+\s*", s, flags=re.IGNORECASE))
    if not labels:
        return None
    if s[: labels[0].start()].strip():
        raise ask.fail(f"text before the first colour: {s[: labels[0].start()].strip()!r}")
    parts: dict[Status, str] = {}
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(s)
        status = {"grönt": Status.GREEN, "gult": Status.YELLOW, "rött": Status.RED}[
            m.group(1).lower()
        ]
        if status in parts:
            raise ask.fail(f"{status.label()} is given twice")
        body = s[m.end() : end].strip().rstrip(".,; ").strip()
        if not body:
            raise ask.fail(f"{status.label()} has no rule")
        parts[status] = body
    return parts


def _number(text: str, ask: _Ask) -> Decimal:
    return to_decimal(text, what=f"målvärde {ask.text!r}", error=ParseError)


def _strip_units(s: str, ask: _Ask) -> tuple[str, set[Unit]]:
    found: set[Unit] = set()

    def take(m: re.Match[str]) -> str:
        found.add(_UNITS[m.group(2).lower()])
        return m.group(1)

    return _UNIT_RE.sub(take, s), found


def _unit(found: set[Unit], ask: _Ask) -> Unit | None:
    if len(found) > 1:
        raise ask.fail(f"more than one unit: {sorted(u.name for u in found)}")
    if not found:
        return ask.unit
    (written,) = found
    if ask.unit is not None and ask.unit is not written:
        raise ask.conflict("the unit", written.name, f"unit={ask.unit.name}")
    return written


def _check_direction(said: Direction, ask: _Ask) -> Direction:
    if ask.direction is not None and ask.direction is not said:
        raise ask.conflict("the direction", said.name, f"direction={ask.direction.name}")
    return said


def _year_of(text: str | None, ask: _Ask) -> int | None:
    if text is None:
        return None
    y = int(text)
    if ask.year is not None and y >= ask.year:
        raise ask.fail(f"it compares with {y}, which is not before the target year {ask.year}")
    return y


def _year_end(ask: _Ask) -> dt.date:
    if ask.year is None:
        raise ask.fail("'årets slut' needs the target year: pass year=")
    return dt.date(ask.year, 12, 31)


# -- one interval, one band --------------------------------------------------------------

_LOWER_WORDS = {
    "mer än": False,
    "fler än": False,
    "över": False,
    ">": False,
    "minst": True,
    ">=": True,
    "≥": True,
}
_UPPER_WORDS = {
    "mindre än": False,
    "färre än": False,
    "under": False,
    "<": False,
    "högst": True,
    "max": True,
    "upp till": True,
    "<=": True,
    "≤": True,
}


def _words(table: dict[str, bool]) -> str:
    return "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))


_LO = _words(_LOWER_WORDS)
_HI = _words(_UPPER_WORDS)
_RE_ABOVE = re.compile(rf"^(?P<w>{_LO})\s*(?P<n>{_NUM})$", re.IGNORECASE)
_RE_BELOW = re.compile(rf"^(?P<w>{_HI})\s*(?P<n>{_NUM})$", re.IGNORECASE)
_RE_OR_MORE = re.compile(rf"^(?P<n>{_NUM}) eller (?P<w>mer|fler|mindre|färre)$", re.IGNORECASE)
_RE_BOTH = re.compile(
    rf"^(?P<lw>{_LO})\s*(?P<lo>{_NUM}) och (?P<hw>{_HI})\s*(?P<hi>{_NUM})$", re.IGNORECASE
)
_RE_RANGE = re.compile(rf"^(?P<a>{_NUM})\s*(?:-|–|till)\s*(?P<b>{_NUM})$", re.IGNORECASE)
_RE_POINT = re.compile(rf"^=?\s*(?P<n>{_NUM})$")


def _interval(s: str, ask: _Ask) -> Interval | None:
    """One interval from plan words, or ``None`` when *s* is not one."""
    s = s.strip()
    if s.lower() == "alla värden":
        return Interval()
    if m := _RE_BOTH.match(s):
        return Interval(
            _number(m["lo"], ask),
            _number(m["hi"], ask),
            lower_closed=_LOWER_WORDS[m["lw"].lower()],
            upper_closed=_UPPER_WORDS[m["hw"].lower()],
        )
    if m := _RE_ABOVE.match(s):
        n = _number(m["n"], ask)
        return Interval(n, None, lower_closed=_LOWER_WORDS[m["w"].lower()])
    if m := _RE_BELOW.match(s):
        n = _number(m["n"], ask)
        return Interval(None, n, upper_closed=_UPPER_WORDS[m["w"].lower()])
    if m := _RE_OR_MORE.match(s):
        n = _number(m["n"], ask)
        if m["w"].lower() in ("mer", "fler"):
            return Interval.at_least(n)
        return Interval.at_most(n)
    if m := _RE_RANGE.match(s):
        a, b = sorted((_number(m["a"], ask), _number(m["b"], ask)))
        return Interval.closed(a, b)
    if m := _RE_POINT.match(s):
        return Interval.point(_number(m["n"], ask))
    return None


def _strip_tail(s: str) -> str:
    """Drop what is counted after the last number ("30 tv anställda" → "30")."""
    m = re.match(r"^(.*\d)\s+([^\d()]+)$", s)
    if m is None:
        return s
    tail = m.group(2)
    words = {w.lower() for w in re.findall(r"[\wåäöÅÄÖ]+", tail)}
    if words & _STOP_WORDS or tail.strip() in ("plus", "minus"):
        return s
    return m.group(1)


_PLUS_MINUS = r"(?:plus/minus|plus-minus|\+/-|\+-|±)"


def _band(body: str, ask: _Ask) -> tuple[list[Interval], set[Unit]] | None:
    """The intervals of one colour part, and the units it wrote; ``None`` if not numeric."""
    s, units = _strip_units(body, ask)
    s = s.strip()
    if re.fullmatch(r"(?:samtlig|samtliga|all|alla)(?: [a-zåäö]+)?", s, re.IGNORECASE) and (
        s.lower() != "alla värden"
    ):
        # "samtlig personal": everyone, i.e. 100 %.
        return [Interval.point(100)], units | {Unit.PERCENT}
    s = _strip_tail(s)
    pieces = re.split(
        r"\s+eller\s+(?!(?:mer|fler|mindre|färre)\b(?!\s+än\b))", s, flags=re.IGNORECASE
    )
    out: list[Interval] = []
    for raw in pieces:
        piece = raw.strip()
        side = 0
        if m := re.fullmatch(r"(.*?)\s+(plus|minus)", piece, re.IGNORECASE):
            piece, side = m.group(1), 1 if m.group(2).lower() == "plus" else -1
        piece = re.sub(r"^=\s*", "", piece)
        mirrored = False
        if m := re.fullmatch(rf"(.*?)\s*{_PLUS_MINUS}\s*(.*)", piece, re.IGNORECASE):
            piece, mirrored = f"{m.group(1)} {m.group(2)}".strip(), True
        iv = _interval(piece, ask)
        if iv is None:
            return None
        if side < 0:
            iv = _mirror(iv)
        if mirrored:
            if iv.lower is not None and iv.lower == iv.upper:
                out.append(Interval.closed(-abs(iv.lower), abs(iv.lower)))
            elif (iv.lower is not None and iv.lower > 0) or iv.upper is None:
                out.append(_mirror(iv))
                out.append(iv)
            elif iv.lower is None and iv.upper is not None and iv.upper >= 0:
                # "plus/minus 2 %" alone, or "högst plus/minus 2 %": within ±2.
                out.append(
                    Interval(
                        -iv.upper,
                        iv.upper,
                        lower_closed=iv.upper_closed,
                        upper_closed=iv.upper_closed,
                    )
                )
            else:
                merged = Interval(
                    -iv.upper, iv.upper, lower_closed=iv.upper_closed, upper_closed=iv.upper_closed
                )
                out.append(merged)
        else:
            out.append(iv)
    return out, units


def _mirror(iv: Interval) -> Interval:
    return Interval(
        None if iv.upper is None else -iv.upper,
        None if iv.lower is None else -iv.lower,
        lower_closed=iv.upper_closed,
        upper_closed=iv.lower_closed,
    )


# -- colour parts --------------------------------------------------------------------------


def _coloured(parts: dict[Status, str], ask: _Ask) -> Threshold:
    for reader in (_coloured_reference, _coloured_change, _coloured_milestone, _coloured_duration):
        found = reader(parts, ask)
        if found is not None:
            return found
    return _coloured_bands(parts, ask)


def _ref_name(name: str) -> str:
    name = name.strip()
    return name[:1].lower() + name[1:]


def _coloured_reference(parts: dict[Status, str], ask: _Ask) -> Threshold | None:
    pats = {
        Status.GREEN: r"bättre än (?P<r>.+)",
        Status.YELLOW: r"(?:samma som|som|i nivå med) (?P<r>.+)",
        Status.RED: r"sämre än (?P<r>.+)",
    }
    matches = {s: re.fullmatch(p, parts.get(s, ""), re.IGNORECASE) for s, p in pats.items()}
    if not any(matches.values()):
        return None
    if set(parts) != set(pats) or not all(matches.values()):
        raise ask.fail(
            "a comparison with a reference needs all three of Grönt: bättre än …, "
            "Gult: som …, Rött: sämre än …"
        )
    names = {_ref_name(m["r"]) for m in matches.values() if m}
    if len(names) != 1 or any(re.search(r"\d", n) for n in names):
        raise ask.fail(f"the colours compare with different references: {sorted(names)}")
    return CompareToReference(
        reference=names.pop(), direction=ask.direction or HIGHER, unit=ask.unit
    )


_CHANGE_WHEN = rf"(?:\s+jämför(?:t)?\s+(?:med|mot)\s+(?:år\s+)?(?P<y>{_YEAR})r?)?"


def _coloured_change(parts: dict[Status, str], ask: _Ask) -> Threshold | None:
    words = {
        "förbättrat": "better",
        "förbättring": "better",
        "oförändrat": "same",
        "försämrat": "worse",
        "försämring": "worse",
        "ökat": "up",
        "ökning": "up",
        "minskat": "down",
        "minskning": "down",
    }
    found: dict[Status, tuple[str, str | None]] = {}
    for status in sorted(parts, key=lambda st: st is not Status.GREEN):
        body = parts[status]
        m = re.fullmatch(rf"(?P<w>[a-zåäö]+){_CHANGE_WHEN}", body, re.IGNORECASE)
        if m is None or m["w"].lower() not in words:
            if not found:
                return None
            raise ask.fail(f"{status.label()}: cannot read {body!r} as a change")
        found[status] = (words[m["w"].lower()], m["y"])
    if set(found) != set(parts) or set(parts) != {Status.GREEN, Status.YELLOW, Status.RED}:
        raise ask.fail(
            "a change needs Grönt (förbättrat/ökning), Gult (oförändrat) and "
            "Rött (försämrat/minskning)"
        )
    years = {y for _, y in found.values()}
    if len(years) != 1:
        raise ask.fail(f"the colours compare with different years: {sorted(map(str, years))}")
    green, yellow, red = (found[s][0] for s in (Status.GREEN, Status.YELLOW, Status.RED))
    if yellow != "same" or (green, red) not in (
        ("better", "worse"),
        ("up", "down"),
        ("down", "up"),
    ):
        raise ask.fail("a change reads Grönt: förbättrat, Gult: oförändrat, Rött: försämrat")
    if green == "better":
        direction = ask.direction or HIGHER
    else:
        direction = _check_direction(HIGHER if green == "up" else LOWER, ask)
    return YearOverYear(direction=direction, base_year=_year_of(years.pop(), ask), unit=ask.unit)


_DONE = r"(?:genomfört|genomförd|uppnått|uppnådd|utfört|utförd|klar|klart|infört|införd)"
_STARTED = r"(?:påbörjat|påbörjad|påbörja|påbörjas|startat|startad)"


def _coloured_milestone(parts: dict[Status, str], ask: _Ask) -> Threshold | None:
    green = parts.get(Status.GREEN, "")
    m = re.fullmatch(rf"(?P<w>{_DONE}|{_STARTED})", green, re.IGNORECASE)
    if m is None:
        return None
    red = parts.get(Status.RED, "")
    if (
        set(parts) != {Status.GREEN, Status.RED}
        or re.fullmatch(rf"(?:ej|inte) {re.escape(m['w'])}", red, re.IGNORECASE) is None
    ):
        raise ask.fail(f"a milestone reads Grönt: {m['w']} Rött: Ej {m['w']}")
    started = re.fullmatch(_STARTED, m["w"], re.IGNORECASE) is not None
    return Milestone(required=Progress.STARTED if started else Progress.DONE)


_LIMIT = r"(?P<n>\d+) (?P<u>månader|månad|dagar|dag|veckor|vecka)"


def _coloured_duration(parts: dict[Status, str], ask: _Ask) -> Threshold | None:
    green = re.fullmatch(rf"(?:.* )?inom {_LIMIT}", parts.get(Status.GREEN, ""), re.IGNORECASE)
    if green is None:
        return None
    red = re.fullmatch(rf"(?:.* )?efter {_LIMIT}", parts.get(Status.RED, ""), re.IGNORECASE)
    if (
        set(parts) != {Status.GREEN, Status.RED}
        or red is None
        or ((green["n"], green["u"].lower()) != (red["n"], red["u"].lower()))
    ):
        raise ask.fail("a time limit reads Grönt: inom N månader Rött: efter N månader")
    return Duration(f"{green['n']} {green['u'].lower()}")  # type: ignore[arg-type]


def _coloured_bands(parts: dict[Status, str], ask: _Ask) -> Threshold:
    note = None
    last = max(parts, key=lambda st: ask.text.lower().rfind(st.label().lower()))
    if m := re.fullmatch(r"(.*?)\s*\(värden avrundas till (?P<p>[\d,]+)\)", parts[last]):
        parts = {**parts, last: m.group(1)}
        note = _number(m["p"], ask)
    bands: dict[Status, list[Interval]] = {}
    units: set[Unit] = set()
    for status, body in parts.items():
        read = _band(body, ask)
        if read is None:
            raise ask.fail(f"{status.label()}: cannot read {body!r}")
        bands[status], written = read
        units |= written
    unit = _unit(units, ask)
    said = _order(bands)
    if said is not None:
        _check_direction(said, ask)
    direction = ask.direction or said
    precision = note if note is not None else _step(bands)
    try:
        return Bands(
            green=tuple(bands.get(Status.GREEN, ())),
            yellow=tuple(bands.get(Status.YELLOW, ())),
            red=tuple(bands.get(Status.RED, ())),
            unit=unit,
            direction=direction,
            precision=precision,
        )
    except ThresholdError as exc:
        raise ThresholdError(f"målvärde {ask.text!r}: {exc}") from None


def _low(iv: Interval) -> tuple[Decimal, int]:
    return (Decimal("-Infinity") if iv.lower is None else iv.lower, 0 if iv.lower_closed else 1)


def _order(bands: dict[Status, list[Interval]]) -> Direction | None:
    """The direction the colours' order along the line shows, if they follow one."""
    seq = [
        s
        for iv, s in sorted(
            ((iv, s) for s, ivs in bands.items() for iv in ivs), key=lambda p: _low(p[0])
        )
    ]
    runs = [s for i, s in enumerate(seq) if i == 0 or seq[i - 1] is not s]
    if len(runs) != len(set(runs)) or len(runs) < 2:
        return None
    rank = {Status.RED: 0, Status.YELLOW: 1, Status.GREEN: 2}
    ranks = [rank[s] for s in runs]
    if ranks == sorted(ranks):
        return HIGHER
    if ranks == sorted(ranks, reverse=True):
        return LOWER
    return None


def _places(d: Decimal) -> int:
    exp = d.as_tuple().exponent
    return max(0, -exp) if isinstance(exp, int) else 0


def _step(bands: dict[Status, list[Interval]]) -> Decimal | None:
    """The precision the text shows by writing neighbours one step apart ("30" / "31")."""
    ivs = sorted((iv for ivs in bands.values() for iv in ivs), key=_low)
    steps: list[Decimal] = []
    for a, b in pairwise(ivs):
        if a.upper is None or b.lower is None or b.lower <= a.upper:
            continue
        step = Decimal(1).scaleb(-max(_places(a.upper), _places(b.lower)))
        if b.lower - a.upper == step:
            steps.append(step)
    return min(steps) if steps else None


# -- one phrase ------------------------------------------------------------------------------


def _single(s: str, ask: _Ask) -> Threshold:
    if re.fullmatch(r"-\s?\S.*\s-\s?[^\d\s].*", s):
        raise ask.fail("it holds more than one målvärde ('-… -…'); give one rule per indicator")
    for reader in _SINGLE_READERS:
        found = reader(s, ask)
        if found is not None:
            return found
    if re.match(r"mätvärde saknas", s, re.IGNORECASE):
        raise ask.fail("the plan gives no målvärde yet ('Mätvärde saknas')")
    raise ask.fail("not a målvärde this reader understands")


def _budget(s: str, ask: _Ask) -> Threshold | None:
    if re.fullmatch(
        r"(?:0 ?% (?:neg\.?|negativ) avvikelse|ingen negativ avvikelse|\+ eller 0|0 eller \+|"
        rf"{_PLUS_MINUS} ?0 ?%?)",
        s,
        re.IGNORECASE,
    ):
        return BudgetDeviation.no_negative()
    return None


def _milestone(s: str, ask: _Ask) -> Threshold | None:
    if m := re.fullmatch(rf"mål (?:under|senast) (?:år )?(?P<y>{_YEAR})", s, re.IGNORECASE):
        return Milestone(due=dt.date(int(m["y"]), 12, 31))
    when = (
        r"(?: (?P<end>(?:vid|före|innan|senast vid) årets slut)"
        rf"| inför (?:år )?(?P<before>{_YEAR})"
        rf"| (?:under|senast) (?:år )?(?P<during>{_YEAR})"
        r"| senast (?P<date>\d{1,2} [a-zåäö]+ \d{4}))?"
    )
    m = re.fullmatch(
        rf"(?:(?P<a>[\wåäöÅÄÖ-]+) )?(?P<w>{_DONE}|{_STARTED})(?: (?P<b>[\wåäöÅÄÖ-]+))?{when}",
        s,
        re.IGNORECASE,
    )
    if m is None:
        if re.fullmatch(r".+ har .+ (?:före|vid|innan) årets slut", s, re.IGNORECASE):
            return Milestone(due=_year_end(ask))
        return None
    for word in (m["a"], m["b"]):
        if word and word.lower() in _STOP_WORDS | {"ej", "inte", "ingen"}:
            return None
    started = re.fullmatch(_STARTED, m["w"], re.IGNORECASE) is not None
    required = Progress.STARTED if started else Progress.DONE
    due = None
    if m["end"]:
        due = _year_end(ask)
    elif m["before"]:
        due = dt.date(int(m["before"]) - 1, 12, 31)
    elif m["during"]:
        due = dt.date(int(m["during"]), 12, 31)
    elif m["date"]:
        day, month, yr = m["date"].split()
        if month.lower() not in _MONTHS:
            raise ask.fail(f"{month!r} is not a month")
        due = dt.date(int(yr), _MONTHS[month.lower()], int(day))
    return Milestone(due=due, required=required)


_WHEN = (
    rf"(?: jämför(?:t)? (?:med|mot) (?:[a-zåäö]+ )?(?:år )?(?P<y>{_YEAR})"
    r"| jämfört med föregående år)?"
)
_UP = r"(?:ökning|ökar|öka|ökad|ökat|ökande|högre)"
_DOWN = r"(?:minskning|minskar|minska|minskad|minskat|minskande|lägre)"


def _change(s: str, ask: _Ask) -> Threshold | None:
    noun = r"(?: (?:andel|antal|nivå|värde))?"
    if m := re.fullmatch(
        rf"(?:oförändrat|oförändrad|oförändrade){noun}{_WHEN}"
        rf"|samma nivå som (?:år )?(?P<y2>{_YEAR})",
        s,
        re.IGNORECASE,
    ):
        return YearOverYear.same_level(base_year=_year_of(m["y"] or m["y2"], ask), unit=ask.unit)
    if m := re.fullmatch(rf"oförändrat{noun} eller (?P<w>{_UP}|{_DOWN}){_WHEN}", s, re.IGNORECASE):
        up = re.fullmatch(_UP, m["w"], re.IGNORECASE) is not None
        return YearOverYear(
            direction=_check_direction(HIGHER if up else LOWER, ask),
            base_year=_year_of(m["y"], ask),
            unchanged=Status.GREEN,
            unit=ask.unit,
        )
    if m := re.fullmatch(rf"(?P<w>{_UP}|{_DOWN}){noun}{_WHEN}", s, re.IGNORECASE):
        up = re.fullmatch(_UP, m["w"], re.IGNORECASE) is not None
        return YearOverYear(
            direction=_check_direction(HIGHER if up else LOWER, ask),
            base_year=_year_of(m["y"], ask),
            unit=ask.unit,
        )
    if m := re.fullmatch(rf"(?P<op>[<>]) ?(?P<y>{_YEAR})", s):
        # ">2022": better than 2022's outcome; the same is not enough.
        return YearOverYear(
            direction=_check_direction(HIGHER if m["op"] == ">" else LOWER, ask),
            base_year=_year_of(m["y"], ask),
            unchanged=Status.RED,
            unit=ask.unit,
        )
    return None


def _reference(s: str, ask: _Ask) -> Threshold | None:
    if m := re.fullmatch(
        rf"(?:(?:.* )?ska (?:ligga|vara) )?(?P<n>\d+(?:,\d+)?) ?(?:%-enheter|procentenheter) "
        rf"(?P<w>under|över|lägre än|högre än) (?P<r>{_REFERENCE})(?:, [\wåäö]+/[\wåäö]+)?",
        s,
        re.IGNORECASE,
    ):
        lower = m["w"].lower() in ("under", "lägre än")
        n = _number(m["n"], ask)
        if ask.unit not in (None, Unit.PERCENT):
            raise ask.conflict("the unit", "PERCENT (%-enheter)", f"unit={ask.unit.name}")
        return CompareToReference(
            reference=_ref_name(m["r"]),
            direction=_check_direction(LOWER if lower else HIGHER, ask),
            offset=-n if lower else n,
            yellow=False,
            unit=Unit.PERCENT,
        )
    if m := re.fullmatch(
        rf"(?P<w>över|under|minst i nivå med|i nivå med) (?P<r>{_REFERENCE})", s, re.IGNORECASE
    ):
        w = m["w"].lower()
        said = {"över": HIGHER, "under": LOWER}.get(w)
        direction = _check_direction(said, ask) if said else ask.direction or HIGHER
        return CompareToReference(
            reference=_ref_name(m["r"]), direction=direction, yellow=False, unit=ask.unit
        )
    return None


def _duration(s: str, ask: _Ask) -> Threshold | None:
    if m := re.fullmatch(rf"(?:.* )?inom {_LIMIT}", s, re.IGNORECASE):
        return Duration(f"{m['n']} {m['u'].lower()}")  # type: ignore[arg-type]
    return None


_COMPARATOR: dict[tuple[bool, bool], Comparator] = {
    (True, False): ">",
    (True, True): ">=",
    (False, False): "<",
    (False, True): "<=",
}


def _target(s: str, ask: _Ask) -> Threshold | None:
    body = re.sub(r"\s*\([^()\d]*\)", "", s)  # notes in parentheses without numbers
    body = re.sub(r"^[A-ZÅÄÖ]{2,}\s+", "", body)  # an index name: "NKI över 70"
    body, units = _strip_units(body, ask)
    body = _strip_tail(body.strip())
    iv = _interval(body, ask)
    if len(re.findall(r"\d+(?:,\d+)?", body)) != 1 and (iv is None or iv.lower == iv.upper):
        if len(re.findall(r"\d+(?:,\d+)?", s)) > 1:
            raise ask.fail("it holds more than one målvärde; give one rule per indicator")
        return None
    if iv is None:
        return None
    unit = _unit(units, ask)
    if iv.lower is not None and iv.upper is None:
        comparator = _COMPARATOR[True, iv.lower_closed]
        _check_direction(HIGHER, ask)
        return TargetValue(comparator, iv.lower, unit=unit)
    if iv.lower is None and iv.upper is not None:
        comparator = _COMPARATOR[False, iv.upper_closed]
        _check_direction(LOWER, ask)
        return TargetValue(comparator, iv.upper, unit=unit)
    if iv.lower is not None and iv.lower == iv.upper:
        if body.lstrip().startswith("="):
            return TargetValue("==", iv.lower, unit=unit)
        comparator = "<=" if ask.direction is LOWER else ">="
        return TargetValue(comparator, iv.lower, unit=unit)
    raise ask.fail("a range alone says nothing of the colours outside it; write the colours")


_SINGLE_READERS: tuple[Callable[[str, _Ask], Threshold | None], ...] = (
    _budget,
    _change,
    _milestone,
    _reference,
    _duration,
    _target,
)
