"""Read a plan's målvärde text into a threshold: ``parse_threshold``.

Swedish terms: *målvärde* (the text read), *grönt / gult / rött* (the colour parts),
*mer än / över / fler än* (>), *minst* (≥), *mindre än / under / färre än* (<), *högst /
upp till* (≤), *plus/minus* (±), *bättre än / som / sämre än riket*, *förbättrat /
oförändrat / försämrat*, *ökning / minskning*, *genomfört / påbörjat*, *inom*, *senast*.

The reader is a pipeline: :mod:`~styrmodell._parse._normalise` cleans the text,
:mod:`~styrmodell._parse._tokens` cuts it into numbers, known phrases (the vocabulary of
:mod:`~styrmodell._parse._words`) and words, and this module's grammar reads the lexemes.

A målvärde is either a **legend** (colour parts: "Grönt: … Gult: … Rött: …", "Grönt = …",
"Genomförd (grön), Påbörjad (gul), …") or a **statement** ("Andelen ska uppgå till minst 85
procent", "Ökning jämfört med 2010", "Genomfört senast 31 december 2019"). A statement is
read as ``[label] [subject anchor] rule [tail]``: the label ("Målvärde 2026:") and a year in
the tail ("(2024)", "år 2026") fill the year slot; the subject ("Andelen brukare som …")
ends at an anchor ("ska", "är", "understiger", ":"); the rule is read by the families'
productions in turn; the tail holds what is counted, a scope, a rate and notes.

Every lexeme is read by a production or is a known filler; a text that no production reads
to its end raises :class:`~styrmodell.ParseError` naming the first word not understood, its
position, what was expected there, with a caret line. Families registered with a ``parse``
capability (:class:`styrmodell.families.Family`) add their own productions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Any, NamedTuple

import attrs
from dateutil.relativedelta import relativedelta

from styrmodell._errors import ParseError, Problem, StyrmodellError, ThresholdError
from styrmodell._intervals import Interval
from styrmodell._locale import parse_locale
from styrmodell._messages import short, text
from styrmodell._parse._normalise import normalise
from styrmodell._parse._phrase import (
    HIGHER,
    LOWER,
    Cursor,
    Deadline,
    Hints,
    Phrase,
    Source,
    Value,
    base,
    deadline,
    direction_of,
    free_words,
    is_index_name,
    is_postfix,
    is_rule_start,
    limit,
    postfix,
    reference,
    resolve_units,
    tail,
    value,
    year,
)
from styrmodell._parse._tokens import Kind, Lexeme, lex
from styrmodell._parse._words import Role
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._milestone import Milestone, Progress
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._registry import families, family_of
from styrmodell._thresholds._target import Comparator, TargetValue
from styrmodell._units import Direction, Unit

__all__ = ["MAX_TEXT", "Reading", "parse_threshold", "read"]

MAX_TEXT = 10_000
"""A målvärde longer than this many characters is refused before it is read (real ones are
a few hundred at most); the reader is linear in the length of the text below it."""

_PROGRESS = {"done": Progress.DONE, "started": Progress.STARTED}
_PENDING_CODES = {
    "RelativeChange": "relative_change",
    "Rank": "rank",
    "PeriodAverage": "period_average",
    "Attainment": "attainment",
    "staged": "staged",
}
_MAX_FRAMES = 4


@attrs.frozen
class Reading:
    """What a målvärde text says.

    Attributes:
        threshold: The rule.
        year: The year the text names the målvärde for ("Målvärde 2026: 92 %", "(2024)",
            "senast år 2027"), or ``None``.
    """

    threshold: Threshold
    year: int | None = None


def parse_threshold(
    text: str,
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
    year: int | None = None,
    locale: str | None = None,
) -> Threshold:
    r"""Read a målvärde as the plans write it into the threshold it states.

    The text may carry the plan's clutter: HTML tags (``<p>``), entities, a decimal comma,
    "−" or "–" dashes, no-break spaces, line breaks, ``"Grönt :"`` or ``"Gult::"``, a
    footnote mark (``"Ökning ⁴"``; what follows the mark is a note and is left out) and a
    trailing full stop. See ``docs/explanation/thresholds.md`` ("From plan text") for the
    forms it reads and what each means.

    Args:
        text: The målvärde, e.g. ``"Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%"``.
        unit: The indicator's unit. A text without a unit gets it; a unit written in the
            text must be of the same kind and is converted into it ("16,4 mnkr" with
            ``unit=Unit.TKR`` is 16 400 tkr); a contradiction is an error.
        direction: Which way is better for the indicator. A bare number ("5") is a level to
            reach (``>=``), or with ``LOWER_IS_BETTER`` one not to exceed (``<=``);
            "bättre än riket" and "förbättrat" use it (higher is better if not given). A
            text that says its direction ("Ökning", "mer än", colours in order) must agree.
        year: The year the target is for: "vid årets slut" is 31 December of it, a year
            the text names ("Målvärde 2026:") must be it, and a base year must be before it.
        locale: The language of error messages ("sv", "en"); English if not given.

    Returns:
        A threshold of the family the text states.

    Raises:
        ParseError: for text that states no rule the reader knows, naming the first word
            not understood with a caret line; for text that contradicts *unit*,
            *direction* or *year*; for an impossible date; for two målvärden in one text.
        ThresholdError: for text that is read but states an impossible rule (colours that
            overlap, as Hässleholm's "= 0 - 0,5% plus / plus/minus 0,5-2%" at 0,5).

    Examples:
        >>> from styrmodell import describe, parse_threshold
        >>> describe(parse_threshold("Grönt: mer än 60% Gult: 40-60% Rött: mindre än 40%"))
        'Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%'
        >>> parse_threshold("Andelen ska uppgå till minst 85 procent")
        TargetValue(comparator='>=', target=Decimal('85'), unit=<Unit.PERCENT: 'percent'>, yellow_margin=None)
        >>> parse_threshold("Minst 10 % minskning")
        Traceback (most recent call last):
        ...
        styrmodell._errors.ParseError: målvärde 'Minst 10 % minskning': a change by an amount or against a base is a RelativeChange, which this version does not read yet
          Minst 10 % minskning
                     ^^^^^^^^^
    """  # noqa: E501
    return read(text, unit=unit, direction=direction, year=year, locale=locale).threshold


def read(
    text: str,
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
    year: int | None = None,
    locale: str | None = None,
    max_length: int | None = MAX_TEXT,
) -> Reading:
    """Read a målvärde: the threshold and the year the text names (see :func:`parse_threshold`).

    *max_length* bounds the text read (``None`` for no bound; benchmarks use it).
    """
    loc = _locale(locale)
    _check_arguments(text, unit, direction, year, loc)
    hints = Hints(unit, direction, year, loc)
    if max_length is not None and len(text) > max_length:
        raise _error(loc, "parse.too_long", text, limit=max_length, length=len(text))
    norm = normalise(text)
    src = Source(norm, [], hints)

    def fail(code: str, start: int, end: int, **params: object) -> Any:
        raise src.error(code, (start, end), **params)

    src.lexemes = lex(norm.text, fail)
    lo, hi = _trim(src.lexemes)
    if lo >= hi:
        raise src.error("parse.empty")
    legend = _find_legend(src, lo, hi)
    if legend is not None:
        return _read_legend(src, legend)
    return _read_statement(src, lo, hi)


def read_schedule(
    text: str,
    *,
    unit: Unit | None = None,
    direction: Direction | None = None,
    locale: str | None = None,
) -> dict[int, Threshold]:
    """Read targets staged by year ("9 % 2020, 15 % 2025, 30 % 2030") into year → threshold.

    The text is cut at "," / ";" / "och" into parts that each name one year; each part is
    read as a målvärde for its year ("2024: 85 %", "90 % 2025", "2026 95 %"). A comparator or
    a direction said in an earlier part holds for a later one that says none: in
    "Nettokostnadsandelen skall 2023 vara max 99%, 2024 100 % och 2025 100 %" every year is
    at most.

    Raises:
        ParseError: for text that is not such a schedule (``parse.not_schedule``), or the
            error of the first part that cannot be read (its caret under that part).

    Examples:
        >>> {y: str(t.target) for y, t in read_schedule("9 % 2020, 15 % 2025, 30 % 2030").items()}
        {2020: '9', 2025: '15', 2030: '30'}
    """
    loc = _locale(locale)
    _check_arguments(text, unit, direction, None, loc)
    if len(text) > MAX_TEXT:
        raise _error(loc, "parse.too_long", text, limit=MAX_TEXT, length=len(text))
    norm = normalise(text)
    src = Source(norm, [], Hints(unit, direction, None, loc))

    def fail(code: str, start: int, end: int, **params: object) -> Any:
        raise src.error(code, (start, end), **params)

    lexemes = src.lexemes = lex(norm.text, fail)
    parts: list[tuple[int, int]] = []
    start = 0
    for i, lx in enumerate(lexemes):
        if lx.key in (",", ";") or Role.AND in lx.senses:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(lexemes)))
    spans = [(lo, hi) for lo, hi in parts if lo < hi]
    years = [[lx for lx in lexemes[lo:hi] if lx.year_like] for lo, hi in spans]
    # Each part names one year, and more than the year ("2020 och 2021" is no schedule).
    if len(spans) < 2 or any(
        len(found) != 1 or hi - lo < 2 for (lo, hi), found in zip(spans, years, strict=True)
    ):
        raise src.error("parse.not_schedule")
    out: dict[int, Threshold] = {}
    said = direction
    for (lo, hi), (year_lx,) in zip(spans, years, strict=True):
        assert year_lx.number is not None
        y = int(year_lx.number)
        first, last = lexemes[lo], lexemes[hi - 1]
        part = norm.text[first.start : last.end]
        if first is year_lx and hi - lo > 1 and lexemes[lo + 1].is_value:
            part = norm.text[lexemes[lo + 1].start : last.end]  # "2024 100 %": the year first
        rule = read(part, unit=unit, direction=said, year=y, locale=loc).threshold
        if y in out:
            raise src.error("parse.not_schedule")
        out[y] = rule
        if said is None and isinstance(rule, TargetValue) and rule.comparator != "==":
            said = HIGHER if rule.comparator in (">", ">=") else LOWER
    return out


def _locale(locale: object) -> str:
    if locale is None:
        return "en"
    try:
        if not isinstance(locale, str):
            raise TypeError(locale)
        parse_locale(locale)
    except (StyrmodellError, TypeError):
        raise _error("en", "parse.argument.locale", "", got=short(locale)) from None
    return locale


def _error(locale: str, code: str, source: str, **params: object) -> ParseError:
    found_params = {"value": short(source), **params}
    message = text(code, locale, **found_params)
    return ParseError(
        message, problems=[Problem("", message, code=code, value=source, params=found_params)]
    )


def _check_arguments(
    source: object, unit: object, direction: object, year: object, locale: str
) -> None:
    if not isinstance(source, str):
        raise _error(locale, "parse.not_text", "", got=short(source))
    if unit is not None and not isinstance(unit, Unit):
        raise _error(locale, "parse.argument.unit", source, got=short(unit))
    if direction is not None and not isinstance(direction, Direction):
        raise _error(locale, "parse.argument.direction", source, got=short(direction))
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise _error(locale, "parse.argument.year", source, got=short(year))


_EDGE = frozenset({".", ",", ";", ":", '"', "'", "•", "*", "·", "-"})


def _trim(lexemes: list[Lexeme]) -> tuple[int, int]:
    """The span without leading bullets and quotes, and without trailing punctuation."""
    lo, hi = 0, len(lexemes)
    while lo < hi and lexemes[lo].key in ('"', "'", "•", "*", "·", "-") and not lexemes[lo].senses:
        lo += 1
    while hi > lo and lexemes[hi - 1].key in _EDGE and not lexemes[hi - 1].senses:
        hi -= 1
    return lo, hi


# == statements ===========================================================================


class _Frame(NamedTuple):
    """Where a statement's rule starts, and what came before it."""

    body: int
    subject: tuple[int, int] | None = None
    anchor: str = ""
    measure: bool = False


Production = Callable[[Cursor, _Frame], "Threshold | None"]


def _read_statement(src: Source, lo: int, hi: int) -> Reading:
    c = Cursor(src, lo, hi)
    label = _label(c)
    lead = _leading_deadline(c) if label is None else None
    if lead is not None:
        label = lead
    c.skip(Role.FILLER)
    inverted = c.take(Role.MODAL) is not None
    frames = _frames(c, inverted)
    for frame in frames:
        start = Cursor(src, frame.body, hi)
        start.skip(Role.FILLER)
        period = _period(start)
        start.skip(Role.FILLER)
        src.note(start.pos, "rule")
        found = _statement_at(src, start.pos, hi, frame)
        if found is not None:
            threshold, slot = found
            if lead is not None and isinstance(threshold, Milestone) and threshold.due is None:
                # "Senast 2027 ska åtgärden vara genomförd": done by the end of 2027.
                threshold = attrs.evolve(threshold, due=dt.date(lead[0], 12, 31))
            if period is not None:
                first, last, at = period
                wanted = src.hints.year
                if wanted is not None and not first <= wanted <= last:
                    raise src.error_at("parse.year_conflict", at, at, said=first, given=wanted)
                if label is None and first == last:
                    label = (first, at)
            return Reading(threshold, _year_slot(src, label, slot))
    _not_read(src, lo, hi, frames)
    raise AssertionError("unreachable")  # pragma: no cover


def _statement_at(src: Source, start: int, hi: int, frame: _Frame) -> Result:
    """The first production that reads the rule from *start*: built in, then registered."""
    for production in _STATEMENTS:
        found = production(Cursor(src, start, hi), frame)
        if found is not None:
            return found
    for family in families():
        parse = family.parse
        if parse is not None:
            threshold = parse(Phrase(src, start, hi, subject=frame.subject))
            if threshold is not None:
                return threshold, None
    return None


def _period(c: Cursor) -> tuple[int, int, int] | None:
    """The years a statement is for, before its rule: "ska 2023 – 2025 vara 0,0 %"."""
    first, dash, last = c.peek(), c.peek(1), c.peek(2)
    if first is None or not first.year_like or first.number is None:
        return None
    if (
        dash is not None
        and (dash.key == "-" or Role.TO in dash.senses)
        and last is not None
        and last.year_like
        and last.number is not None
    ):
        c.pos += 3
        return int(first.number), int(last.number), c.pos - 3
    if dash is not None and (
        Role.FILLER in dash.senses or Role.COPULA in dash.senses or dash.key == ":"
    ):
        c.pos += 1
        c.take_text(":")
        return int(first.number), int(first.number), c.pos - 1
    return None


def _leading_deadline(c: Cursor) -> tuple[int, int] | None:
    """A deadline that opens a statement: "Senast år 2030 ska andelen vara 100 %".

    The year the target is for (as a label names it), when "senast" and a year stand first
    and the statement goes on with "ska" / "bör"; "Senast 2025" alone is a milestone.
    """
    if c.sense(Role.DEADLINE) != "by":
        return None
    fork = c.fork()
    fork.pos += 1
    found = year(fork)
    if found is None:
        return None
    fork.take_text(",")
    if fork.sense(Role.MODAL) is None:
        return None
    c.pos = fork.pos
    return found


def _label(c: Cursor) -> tuple[int, int] | None:
    """The label before a rule, and the year it names.

    "Målvärde 2026:", "Mål:", "År 2010" before the rule: the year, if one is named.
    """
    found = None
    if c.is_text("(") and c.peek(1) is not None and c.is_text(")", k=2):
        fork = c.fork()
        fork.pos += 1
        y = year(fork)
        if y is not None and fork.is_text(")") and fork.peek(1) is not None:
            c.pos = fork.pos + 1  # "(2024) minst 80 %"
            return y
    if c.take(Role.LABEL) is not None:
        y = year(c)
        if y is not None:
            found = y
        c.take_text(":")
        return found
    fork = c.fork()
    y = year(fork)
    if y is not None and fork.peek() is not None and c.sense(Role.YEAR_WORD) is not None:
        c.pos = fork.pos
        c.take_text(":", ",")
        return y
    return None


def _year_slot(src: Source, label: tuple[int, int] | None, slot: int | None) -> int | None:
    """The year the text names; it must be the caller's ``year=`` when both are given."""
    named = label[0] if label is not None else slot
    at = label[1] if label is not None else None
    wanted = src.hints.year
    if named is not None and wanted is not None and named != wanted:
        where = at if at is not None else _find_year(src, named)
        raise src.error_at("parse.year_conflict", where, where, said=named, given=wanted)
    return named


def _find_year(src: Source, y: int) -> int:
    for i, lx in enumerate(src.lexemes):
        if lx.year_like and lx.number == y:
            return i
    return 0


# A subject (before "ska", "är", a verb) holds none of these, and does not end in the second.
_NOT_IN_SUBJECT = frozenset({Role.SHARE, Role.PROGRESS})
_NOT_LAST = frozenset({Role.COMPARATOR, Role.RELATION, Role.NEGATION, Role.APPROX})
# Words that are the rule itself and end a subject before them: "… understiger 30", "… ökar".
_VERBS = frozenset({Role.VERB, Role.CHANGE, Role.BALANCE, Role.SURPLUS})


def _frames(c: Cursor, inverted: bool) -> list[_Frame]:
    """The ways the statement may split into subject and rule, at most a few, then none."""
    src = c.src
    lexemes = src.lexemes
    starts = src.rule_starts()
    lo, hi = c.pos, c.end
    out: list[_Frame] = []
    if lo >= hi:
        return [_Frame(lo)]
    measure = Role.MEASURE in lexemes[lo].senses or is_index_name(lexemes[lo])
    for i in range(lo, hi):
        lx = lexemes[i]
        senses = lx.senses
        anchor = ""
        body = i + 1
        if lx.key == ":":
            anchor = "colon"
        elif not senses:
            if starts[i] and not measure:
                break  # a subject holds no rule
            continue
        elif Role.MODAL in senses:
            anchor = "modal"
        elif Role.HAVE in senses:
            anchor = "have"
        elif Role.COPULA in senses:
            anchor = "copula"
        elif inverted and Role.FILLER in senses:
            anchor = "filler"
        elif not senses.keys().isdisjoint(_VERBS):
            anchor, body = "verb", i
        elif Role.COMPARATOR in senses and starts[i]:
            anchor, body = "comparator", i
        last = lexemes[i - 1] if i > lo else None
        if anchor and last is not None and last.senses.keys().isdisjoint(_NOT_LAST):
            out.append(_Frame(body, (lo, i), anchor, measure))
            if len(out) >= _MAX_FRAMES:
                break
        elif not measure and (starts[i] or not senses.keys().isdisjoint(_NOT_IN_SUBJECT)):
            break  # a subject holds no rule, nor a quantifier ("All personal minst 1 g/år")
    out.append(_Frame(lo))
    return out


def _not_read(src: Source, lo: int, hi: int, frames: Sequence[_Frame]) -> None:
    """Raise the most useful error for a statement no production read."""
    lexemes = src.lexemes
    two = _two_rules(src, lo, hi)
    if two is not None and two[0]:
        raise two[1]
    pending = _pending(src, lo, hi)
    if pending is not None:
        family, at, until = pending
        raise src.error_at(f"parse.pending.{_PENDING_CODES[family]}", at, until)
    first = lexemes[lo]
    if Role.NO_TARGET in first.senses:
        raise src.error_at("parse.no_target", lo, hi - 1)
    if two is not None:
        raise two[1]
    if Role.MEASURE in first.senses and src.furthest <= lo + 1:
        raise src.error_at("parse.measure_only", lo, hi - 1)
    raise src.furthest_error()


def _two_rules(src: Source, lo: int, hi: int) -> tuple[bool, ParseError] | None:
    """When a rule was read and more follows that holds a rule.

    Returns whether a separator stands between them, and the error naming both.
    """
    if src.expected != "end" or not lo < src.furthest < hi:
        return None
    lexemes = src.lexemes
    rest = src.furthest
    separated = False
    while rest < hi and (lexemes[rest].key in _EDGE or Role.AND in lexemes[rest].senses):
        separated = True
        rest += 1
    probe = Cursor(src, rest, hi)
    if not any(is_rule_start(probe, k) for k in range(hi - rest)):
        return None
    first = src.norm.text[lexemes[lo].start : lexemes[src.furthest - 1].end]
    second = src.norm.text[lexemes[rest].start : lexemes[hi - 1].end]
    error = src.error_at("parse.two_rules", rest, hi - 1, first=short(first), second=short(second))
    return separated, error


def _pending(src: Source, lo: int, hi: int) -> tuple[str, int, int] | None:
    """A form only a family of a later version reads: (its name, where, to where)."""
    lexemes = src.lexemes
    years = values = 0
    for i in range(lo, hi):
        lx = lexemes[i]
        family = lx.senses.get(Role.PENDING)
        if family is not None:
            return str(family), i, i
        change = lx.senses.get(Role.CHANGE)
        if change in ("up", "down", "better", "worse"):
            before = lexemes[i - 1] if i > lo else None
            after = lexemes[i + 1] if i + 1 < hi else None
            later = lexemes[i + 2] if i + 2 < hi else None
            if before is not None and (
                before.is_value or Role.UNIT in before.senses
            ):  # "10 % minskning"
                return "RelativeChange", i, i
            if (
                after is not None
                and after.key == "med"
                and later is not None
                and (
                    later.is_value or Role.COMPARATOR in later.senses or Role.APPROX in later.senses
                )
            ):
                return "RelativeChange", i, min(i + 3, hi - 1)  # "öka med 5 procentenheter"
            if (
                after is not None
                and (Role.TO in after.senses or Role.FROM in after.senses)
                and later is not None
                and later.year_like
            ):
                return "RelativeChange", i, i + 2  # "ökning till 2008 års nivå"
        if lx.year_like:
            years += 1
        elif lx.is_value:
            values += 1
    if years >= 2 and values >= 2:
        return "staged", lo, hi - 1
    return None


# -- statement productions: each returns (threshold, year slot) or None -------------------

Result = tuple[Threshold, int | None] | None


def _check_direction(c: Cursor, said: Direction | None, at: int) -> Direction | None:
    given = c.hints.direction
    if said is not None and given is not None and said is not given:
        raise c.error("parse.direction_conflict", at, at, said=said.name, given=given.name)
    return said if said is not None else given


def _done(c: Cursor, *, by_year: bool = False) -> tuple[bool, int | None]:
    """Read the tail and the end; (whether the phrase is complete, the year it named)."""
    t = tail(c, by_year=by_year)
    return c.finish(), t.year


def _budget(c: Cursor, frame: _Frame) -> Result:
    """Budget deviations.

    "0 % neg. avvikelse", "högst 0,5 procent negativ budgetavvikelse", "ekonomi i balans",
    "ett positivt resultat", "+ eller 0", "+/-0".
    """
    if c.take(Role.BALANCE) is not None or _plus_or_zero(c):
        return _whole(c, BudgetDeviation.no_negative())
    if c.take(Role.SURPLUS) is not None:
        return _whole(c, BudgetDeviation(green=Interval.above(0), red=Interval.at_most(0)))
    # [comparator] [value] [side] avvikelse [comparator [±] value]
    cmp = c.take(Role.COMPARATOR)
    c.take(Role.PLUS_MINUS)
    v = value(c, article=cmp is not None)
    side = c.take(Role.SIDE)
    if c.take(Role.DEVIATION) is None:
        if side is not None:
            c.fail("deviation")
        return None
    if v is None:
        cmp = c.take(Role.COMPARATOR)
        c.take(Role.WITHIN)
        c.take(Role.PLUS_MINUS)
        v = value(c)
        if v is None:
            return None
    ok, y = _done(c)
    if not ok:
        return None
    if v.unit is not None and v.unit.dimension != "percent":
        raise c.error("parse.unit_conflict", v.hi, v.hi, said=v.unit.name, given="PERCENT")
    rule = _deviation(v.number, None if cmp is None else str(cmp), side)
    if rule is None:
        c.fail("value", v.lo)
        return None
    return rule, y


def _whole(c: Cursor, rule: Threshold) -> Result:
    ok, y = _done(c)
    return (rule, y) if ok else None


def _plus_or_zero(c: Cursor) -> bool:
    """A budget in balance or better: "+ eller 0", "0 eller +", "+/-0", "± 0 %"."""
    lo = c.pos
    plus_or = c.take(Role.PLUS) is not None and c.take(Role.OR) is not None
    if not plus_or:
        c.pos = lo
    if plus_or or c.take(Role.PLUS_MINUS) is not None:
        v = value(c)
        if v is not None and v.number == 0 and (v.unit is None or v.unit.dimension == "percent"):
            return True
    else:
        first = c.peek()
        if first is not None and first.is_value and first.number == 0:
            c.pos += 1
            c.take_text("%")
            if c.take(Role.OR) is not None and c.take(Role.PLUS) is not None:
                return True
    c.pos = lo
    return False


def _deviation(n: Decimal, comparator: str | None, side: object) -> BudgetDeviation | None:
    """The rule for a deviation of *n* % written with *comparator* on *side* (-1, +1, none)."""
    if side == -1:
        # A negative deviation of at most n: the deviation is at least -n.
        low = Decimal(0) - n
        closed = comparator != "<"
        return BudgetDeviation(
            green=Interval(low, None, lower_closed=closed),
            red=Interval(None, low, upper_closed=not closed),
        )
    if side == 1 or comparator in (">", ">="):
        closed = comparator not in (">",)
        return BudgetDeviation(
            green=Interval(n, None, lower_closed=closed),
            red=Interval(None, n, upper_closed=not closed),
        )
    # "högst 2 % avvikelse", "avvikelse högst ±2 %": within n either way.
    closed = comparator != "<"
    if n < 0 or (n == 0 and not closed):
        return None
    return BudgetDeviation(
        green=Interval(-n, n, lower_closed=closed, upper_closed=closed),
        red=[
            Interval(None, -n, upper_closed=not closed),
            Interval(n, None, lower_closed=not closed),
        ],
    )


def _change(c: Cursor, frame: _Frame) -> Result:
    """Changes against an earlier year.

    "Ökning", "Minskar jämfört med 2010", "Oförändrat eller minskning", "Samma nivå som
    2009", "ska öka jämfört med föregående år", "Ingen ökning", "Minst i nivå med
    föregående år", ">2022"; and a change to a level, which is a target ("Öka andelen till
    minst 50 %").
    """
    lo = c.pos
    unit = c.hints.unit
    years_ago = _better_than_year(c)
    if years_ago is not None:
        return years_ago
    kept = _level_kept(c)
    if kept is not None:
        return kept
    than = _than_earlier(c)
    if than is not None:
        return than
    # "Ingen ökning": unchanged or the other way.
    refused = c.take(Role.NEGATION) is not None or c.sense(Role.SHARE) == 0
    if refused and c.sense(Role.NEGATION) is None and c.sense(Role.SHARE) == 0:
        c.pos += 1
    bound = None if refused else c.take(Role.COMPARATOR)
    terms: list[tuple[str, int]] = []
    while True:
        at = c.pos
        term = c.take(Role.CHANGE)
        if term is None:
            if not terms:
                c.fail("rule")
                return None
            c.pos = at - 1  # give back the "eller"
            break
        terms.append((str(term), at))
        if term == "same" and c.is_text("som"):
            break  # "samma nivå som 2009"
        free_words(c, stop=(Role.OR, Role.COMPARED_WITH, Role.EARLIER, Role.TO, Role.FROM))
        if c.take(Role.OR) is None:
            break
    if not refused and bound is None and len(terms) == 1 and c.sense(Role.TO) is not None:
        return _change_to_level(c, terms[0])
    when = None
    if c.take(Role.COMPARED_WITH) is not None or (terms[-1][0] == "same" and c.take_text("som")):
        when = base(c)
        if when is None:
            return None
    elif c.sense(Role.EARLIER) is not None:
        when = base(c)
    ok, _ = _done(c)
    if not ok:
        return None
    base_year = None if when is None else _base_year(c, when.year, when.lo)
    kinds = [t for t, _ in terms]
    if kinds == ["same"] and not refused:
        bound_says = direction_of(str(bound)) if bound is not None else None
        if bound_says is None:
            return YearOverYear.same_level(base_year=base_year, unit=unit), None
        return (
            YearOverYear(
                direction=_check_direction(c, bound_says, lo),
                base_year=base_year,
                unchanged=Status.GREEN,
                unit=unit,
            ),
            None,
        )
    if bound is not None:
        c.fail("rule", lo)
        return None
    moving = [(t, at) for t, at in terms if t != "same"]
    if (
        len(moving) != 1
        or len(terms) > 2
        or moving[0][0] in ("worse", "changed")
        or (refused and (len(terms) > 1 or moving[0][0] not in ("up", "down")))
    ):
        c.fail("rule", moving[-1][1] if moving else lo)
        return None
    kind, at = moving[0]
    moves = {"up": HIGHER, "down": LOWER}.get(kind)
    if refused and moves is not None:
        moves = moves.opposite  # "Ingen ökning": lower is better, unchanged is fine
    direction = _check_direction(c, moves, at) or HIGHER
    unchanged = Status.GREEN if len(terms) == 2 or refused else Status.YELLOW
    return (
        YearOverYear(direction=direction, base_year=base_year, unchanged=unchanged, unit=unit),
        None,
    )


def _better_than_year(c: Cursor) -> Result:
    """A change from a year's outcome: ">2022" is better than 2022, the same is not enough."""
    lo = c.pos
    sym, year_ = c.peek(), c.peek(1)
    after = c.peek(2)
    if (
        sym is None
        or sym.key not in (">", "<")
        or year_ is None
        or not year_.year_like
        or year_.number is None
        or not year_.glued
        or (after is not None and after.key not in (".", "("))
    ):
        return None
    c.pos += 2
    ok, _ = _done(c)
    if not ok:
        return None
    direction = _check_direction(c, HIGHER if sym.key == ">" else LOWER, lo)
    rule = YearOverYear(
        direction=direction,
        base_year=_base_year(c, int(year_.number), lo + 1),
        unchanged=Status.RED,
        unit=c.hints.unit,
    )
    return rule, None


def _than_earlier(c: Cursor) -> Result:
    """Above or below an earlier outcome: "Lägre än föregående år", "högre än året innan".

    As ">2022": strictly better than the earlier outcome; the same level is not enough.
    """
    lo = c.pos
    cmp = c.sense(Role.COMPARATOR)
    following = c.peek(1)
    if cmp not in (">", "<") or following is None or Role.EARLIER not in following.senses:
        return None
    c.pos += 1
    when = base(c)
    if when is None:
        return None
    ok, _ = _done(c)
    if not ok:
        return None
    direction = _check_direction(c, HIGHER if cmp == ">" else LOWER, lo)
    rule = YearOverYear(
        direction=direction,
        base_year=_base_year(c, when.year, when.lo),
        unchanged=Status.RED,
        unit=c.hints.unit,
    )
    return rule, None


def _level_kept(c: Cursor) -> Result:
    """A level kept: "I nivå med föregående år", "Minst i nivå med fjolåret", "i nivå med 2022"."""
    lo = c.pos
    relation = c.sense(Role.RELATION)
    following = c.peek(1)
    if relation not in ("same", "at_least", "at_most") or following is None:
        return None
    if Role.EARLIER not in following.senses and not (
        following.year_like or Role.YEAR_WORD in following.senses
    ):
        return None
    c.pos += 1
    when = base(c)
    if when is None:
        return None
    ok, _ = _done(c)
    if not ok:
        return None
    base_year = _base_year(c, when.year, when.lo)
    unit = c.hints.unit
    if relation == "same":
        return YearOverYear.same_level(base_year=base_year, unit=unit), None
    direction = _check_direction(c, HIGHER if relation == "at_least" else LOWER, lo)
    return (
        YearOverYear(direction=direction, base_year=base_year, unchanged=Status.GREEN, unit=unit),
        None,
    )


def _change_to_level(c: Cursor, term: tuple[str, int]) -> Result:
    """A change to a level is a target: "Öka andelen till minst 50 %", "Minska … till 6 %"."""
    kind, at = term
    to = c.pos
    c.pos += 1
    cmp = c.take(Role.COMPARATOR)
    v = value(c, article=cmp is not None)
    if v is None:
        return None
    if v.unit is None and not v.share and c.src.lexemes[v.lo].year_like:
        c.fail("rule", to)  # "till 2025" is a year, "till 2008 års nivå" a base
        return None
    ok, y = _done(c, by_year=True)
    if not ok:
        return None
    moves = {"up": HIGHER, "down": LOWER, "better": c.hints.direction or HIGHER}.get(kind)
    if moves is None:
        c.fail("rule", at)
        return None
    _check_direction(c, moves, at)
    comparator: Comparator = cmp if cmp is not None else (">=" if moves is HIGHER else "<=")
    if direction_of(comparator) not in (None, moves):
        c.fail("rule", to + 1)  # "öka till högst 50 %" says two things
        return None
    unit, numbers = resolve_units(c, [v])
    return TargetValue(comparator, numbers[v.lo], unit=unit), y


def _base_year(c: Cursor, y: int | None, at: int) -> int | None:
    if y is not None and c.hints.year is not None and y >= c.hints.year:
        raise c.error("parse.base_not_before", at, at, base=y, year=c.hints.year)
    return y


def _milestone(c: Cursor, frame: _Frame) -> Result:
    """Milestones.

    "Genomfört", "Plan klar", "Påbörja registrering", "Genomfört senast 31 december 2019",
    "Mål under 2019", "infört vid årets slut", "… har fattat beslut … före årets slut".
    """
    lo = c.pos
    progress: Progress | None = None
    if frame.anchor == "have":
        word = c.take(Role.PROGRESS)
        if word is not None:
            progress = _PROGRESS[str(word)]
        free_words(c, stop=(Role.DEADLINE, Role.YEAR_END, Role.DURING_YEAR))
        due = deadline(c)
        if progress is None and due is None:
            return None
        ok, _ = _done(c)
        if not ok:
            return None
        return Milestone(due=due.due if due else None, required=progress or Progress.DONE), None
    before = free_words(c, stop=(Role.PROGRESS, Role.NEGATION, Role.DEADLINE))
    if c.sense(Role.NEGATION) is not None:
        c.fail("rule")
        return None
    word = c.take(Role.PROGRESS)
    if word is None:
        if before:
            c.fail("rule", lo)
            return None
        first = c.peek()
        due = deadline(c, bare=first is not None and first.kind is Kind.DATE)
        if due is None:
            return None
        ok, _ = _done(c)
        return (Milestone(due=due.due), None) if ok else None
    progress = _PROGRESS[str(word)]
    free_words(c, stop=(Role.DEADLINE, Role.YEAR_END, Role.DURING_YEAR))
    due = None
    if (
        c.sense(Role.DEADLINE) is not None
        or c.sense(Role.YEAR_END) is not None
        or c.sense(Role.DURING_YEAR) is not None
    ):
        due = deadline(c)
        if due is None:
            return None
    ok, _ = _done(c)
    if not ok:
        return None
    return Milestone(due=due.due if due else None, required=progress), None


def _reference(c: Cursor, frame: _Frame) -> Result:
    """Comparisons with a reference.

    "Över medel i SKL:s öppna jämförelser", "minst i nivå med riket", "5 %-enheter under
    riket", "fem procentenheter lägre än kostnadsutvecklingen i riket".
    """
    lo = c.pos
    offset: Value | None = None
    fork = c.fork()
    relation = fork.take(Role.RELATION)
    name = reference(fork) if relation is not None else None
    if name is not None:
        c.pos = fork.pos
    else:
        # "minst 5 procentenheter över riket", "5 %-enheter under riket"
        c.take(Role.COMPARATOR)
        offset = value(c)
        if offset is None:
            return None
        relation = c.take(Role.RELATION)
        if relation not in ("above", "below"):
            c.fail("rule", lo)
            return None
        name = reference(c)
        if name is None:
            return None
    tolerance = _tolerance_note(c)
    ok, y = _done(c)
    if not ok:
        return None
    said = {
        "above": HIGHER,
        "below": LOWER,
        "at_most": LOWER,
    }.get(str(relation))
    if relation == "worse":
        c.fail("rule", lo)
        return None
    if offset is not None and relation not in ("above", "below"):
        c.fail("reference", offset.hi + 1)
        return None
    direction = _check_direction(c, said, lo) or HIGHER
    values = [v for v in (offset, tolerance) if v is not None]
    unit, numbers = _offset_unit(c, values)
    off = Decimal(0)
    if offset is not None:
        off = numbers[offset.lo] if relation == "above" else Decimal(0) - numbers[offset.lo]
    tol = numbers[tolerance.lo] if tolerance is not None else Decimal(0)
    rule = CompareToReference(
        reference=name, direction=direction, offset=off, tolerance=tol, yellow=False, unit=unit
    )
    return rule, y


def _offset_unit(c: Cursor, values: Sequence[Value]) -> tuple[Unit | None, dict[int, Decimal]]:
    """Offsets and tolerances in percentage points fit a rule in percent."""
    points = any(v.unit is not None and v.unit.dimension == "points" for v in values)
    if points and c.hints.unit in (None, Unit.PERCENT):
        _, numbers = (
            resolve_units(Cursor(c.src, c.pos, c.end), values, offsets=True)
            if c.hints.unit is not None
            else (None, {v.lo: v.number for v in values})
        )
        return Unit.PERCENT, numbers
    return resolve_units(c, values)


def _tolerance_note(c: Cursor) -> Value | None:
    """Reads.

    "(±1 %-enheter)" after a comparison.
    """
    if c.is_text("(") and c.sense(Role.PLUS_MINUS, 1) is not None:
        fork = c.fork()
        fork.pos += 2
        v = value(fork)
        if v is not None and fork.take_text(")"):
            c.pos = fork.pos
            return v
    return None


def _duration(c: Cursor, frame: _Frame) -> Result:
    """Time limits.

    "verkställighet inom 3 månader", "inom 14 dagar", "beslut inom två veckor".
    """
    lo = c.pos
    if frame.measure:
        return None
    first = c.peek()
    if first is not None and Role.MEASURE in first.senses:
        return None
    free_words(c, stop=(Role.WITHIN,))
    if c.take(Role.WITHIN) is None:
        if c.pos > lo:
            c.fail("rule", lo)
        return None
    within = limit(c)
    if within is None:
        return None
    ok, _ = _done(c)
    if not ok:
        return None
    return Duration(within), None


def _target(c: Cursor, frame: _Frame) -> Result:
    """Target values.

    "≥ 50 %", "Minst 5 totalt", "NKI över 70", "89 % eller mer", "Minst NKI 72", "cirka 70
    %", "tolv", "hälften", "nio av tio", "understiger 30 dagar".
    """
    lo = c.pos
    if is_index_name(c.peek()) and (
        c.sense(Role.COMPARATOR, 1) is not None or c.sense(Role.VERB, 1) is not None
    ):
        c.pos += 1
    approx = c.take(Role.APPROX) is not None
    cmp = c.take(Role.COMPARATOR) or c.take(Role.VERB)
    if cmp is not None:
        c.skip(Role.APPROX)
        if is_index_name(c.peek()):
            c.pos += 1
    v = value(c, article=cmp is not None)
    if v is None:
        return None
    approx = approx or v.approx
    after = postfix(c) if cmp is None else None
    nxt, other = c.peek(), c.peek(1)
    if (
        cmp is None
        and after is None
        and nxt is not None
        and other is not None
        and (nxt.key == "-" or Role.TO in nxt.senses)
        and other.is_value
        and not (other.year_like and c.src.lexemes[v.lo].year_like)
    ):
        raise c.error("parse.range_alone", lo, c.pos + 1)
    if (
        cmp is not None
        and nxt is not None
        and Role.AND in nxt.senses
        and other is not None
        and Role.COMPARATOR in other.senses
    ):
        raise c.error("parse.range_alone", lo, c.pos + 2)
    if cmp is None and after is None:
        fork = c.fork()
        if free_words(fork, stop=(Role.OR, Role.AND)):
            more = postfix(fork)
            if more is not None:
                after = more  # "100 besökare eller fler"
                c.pos = fork.pos
    ok, y = _done(c, by_year=True)
    if not ok:
        return None
    unit, numbers = resolve_units(c, [v])
    number = numbers[v.lo]
    comparator: Comparator
    if cmp is not None:
        comparator = cmp
        _check_direction(c, direction_of(comparator), lo)
    elif after is not None:
        comparator = after  # type: ignore[assignment]
        _check_direction(c, direction_of(comparator), lo)
    else:
        if number == 0 and c.hints.direction is None and not v.share:
            # "≥ 0" holds for every count; "lex Sarah: 0" means none. Ask, never guess.
            raise c.error("parse.bare_zero", v.lo, v.hi)
        comparator = "<=" if c.hints.direction is LOWER else ">="
    _ = approx
    return TargetValue(comparator, number, unit=unit), y


def _no_target(c: Cursor, frame: _Frame) -> Result:
    """A målvärde the plan has not set yet.

    "Mätvärde saknas, målet ska kompletteras": the plan gives no målvärde yet.
    """
    if c.sense(Role.NO_TARGET) is not None:
        raise c.error("parse.no_target", c.pos, c.end - 1)
    return None


_STATEMENTS: tuple[Callable[[Cursor, _Frame], Result], ...] = (
    _no_target,
    _budget,
    _change,
    _milestone,
    _reference,
    _duration,
    _target,
)


# == legends ==============================================================================


class _Part(NamedTuple):
    status: Status
    label: int  # the colour's lexeme
    lo: int
    hi: int


class _Legend(NamedTuple):
    prefix: tuple[int, int]
    parts: dict[Status, _Part]
    precision: Decimal | None = None


_SEPARATORS = frozenset({":", "=", "-", "→"})
_PART_ENDS = frozenset({",", ";", ".", "/", "|"})


def _find_legend(src: Source, lo: int, hi: int) -> _Legend | None:
    """The colour parts of a legend, colours first ("Grönt: …") or last ("… (grön)")."""
    lexemes = src.lexemes
    labels: list[int] = []
    depth = 0
    first_label = -1
    for i in range(lo, hi):
        lx = lexemes[i]
        if lx.key == "(":
            depth += 1
        elif lx.key == ")":
            depth = max(0, depth - 1)
        elif Role.COLOUR in lx.senses and depth == 0:
            nxt = lexemes[i + 1] if i + 1 < hi else None
            labelled = (nxt is not None and nxt.key in _SEPARATORS and nxt.key != "-") or (
                nxt is not None and nxt.key == "-" and not (i + 2 < hi and lexemes[i + 2].is_value)
            )
            if first_label < 0 and (labelled or i == lo):
                first_label = i
            if first_label >= 0:
                labels.append(i)
    if first_label >= 0:
        return _colour_first(src, lo, hi, labels)
    return _colour_last(src, lo, hi)


def _colour_first(src: Source, lo: int, hi: int, labels: list[int]) -> _Legend:
    lexemes = src.lexemes
    first = labels[0]
    if first > lo and lexemes[first - 1].key not in _SEPARATORS | {",", "."}:
        raise src.error_at("parse.before_colour", lo, first - 1)
    parts: dict[Status, _Part] = {}
    for n, at in enumerate(labels):
        status: Status = lexemes[at].senses[Role.COLOUR]  # type: ignore[assignment]
        end = labels[n + 1] if n + 1 < len(labels) else hi
        start = at + 1
        while start < end and lexemes[start].key in _SEPARATORS:
            start += 1
        stop = end
        while stop > start and lexemes[stop - 1].key in _PART_ENDS and not lexemes[stop - 1].senses:
            stop -= 1
        if status in parts:
            raise src.error_at("parse.colour_twice", at, at, colour=lexemes[at].text)
        if stop <= start:
            raise src.error_at("parse.colour_empty", at, at, colour=lexemes[at].text)
        parts[status] = _Part(status, at, start, stop)
    return _with_precision(src, _Legend((lo, first), parts))


def _colour_last(src: Source, lo: int, hi: int) -> _Legend | None:
    """A legend with the colours after the words.

    "Genomförd (grön), Påbörjad (gul), Ej påbörjad (röd)"; "mer än 60 % = grönt".
    """
    lexemes = src.lexemes
    ends: list[tuple[int, int, Status]] = []  # (first lexeme of the marker, last, status)
    for i in range(lo, hi):
        lx = lexemes[i]
        status = lx.senses.get(Role.COLOUR)
        if status is None:
            continue
        if i > lo and lexemes[i - 1].key == "(" and i + 1 < hi and lexemes[i + 1].key == ")":
            ends.append((i - 1, i + 1, status))  # type: ignore[arg-type]
        elif (
            i > lo
            and lexemes[i - 1].key in ("=", "→", ":", "-")
            and (i + 1 >= hi or lexemes[i + 1].key in _PART_ENDS)
        ):
            ends.append((i - 1, i, status))  # type: ignore[arg-type]
    if not ends:
        return None
    parts: dict[Status, _Part] = {}
    start = lo
    for marker, last, status in ends:
        while start < marker and lexemes[start].key in _PART_ENDS:
            start += 1
        if status in parts:
            raise src.error_at("parse.colour_twice", marker, last, colour=lexemes[marker + 1].text)
        if marker <= start:
            raise src.error_at("parse.colour_empty", marker, last, colour=lexemes[marker + 1].text)
        parts[status] = _Part(status, marker, start, marker)
        start = last + 1
    while start < hi and lexemes[start].key in _PART_ENDS:
        start += 1
    if start < hi:
        raise src.error_at("parse.unexpected.colour", start, start)
    return _Legend((lo, lo), parts)


def _with_precision(src: Source, legend: _Legend) -> _Legend:
    """Take "(värden avrundas till 0,1)" off the end of the last part."""
    last = max(legend.parts.values(), key=lambda p: p.lo)
    lexemes = src.lexemes
    hi = last.hi
    if hi - last.lo >= 4 and lexemes[hi - 1].key == ")":
        c = Cursor(src, last.lo, hi)
        for i in range(last.lo, hi):
            if lexemes[i].key == "(" and i + 1 < hi and Role.PRECISION in lexemes[i + 1].senses:
                c.pos = i + 2
                v = value(c)
                if v is None or not c.take_text(")") or c.pos != hi:
                    break
                parts = dict(legend.parts)
                parts[last.status] = last._replace(hi=i)
                return legend._replace(parts=parts, precision=v.number)
    return legend


def _read_legend(src: Source, legend: _Legend) -> Reading:
    year_of: int | None = None
    for production in _LEGENDS:
        result = production(src, legend)
        if result is not None:
            rule, year_of = result
            return Reading(rule, _year_slot(src, None, year_of))
    spans = {s: (p.lo, p.hi) for s, p in legend.parts.items()}
    for family in families():
        parse = family.parse
        if parse is None:
            continue
        threshold = parse(Phrase(src, legend.prefix[0], legend.prefix[1], legend=spans))
        if threshold is not None:
            return Reading(threshold)
    lo = legend.prefix[0]
    hi = max(p.hi for p in legend.parts.values())
    pending = _pending(src, lo, hi)
    if pending is not None:
        name, at, until = pending
        raise src.error_at(f"parse.pending.{_PENDING_CODES[name]}", at, until)
    raise src.furthest_error()


def _prefix(src: Source, legend: _Legend) -> tuple[bool, int | None]:
    """A plain prefix before the colours, and the year it names.

    Nothing, "Målvärde 2026:" or a measure's name and ":".
    """
    lo, hi = legend.prefix
    if lo >= hi:
        return True, None
    c = Cursor(src, lo, hi)
    y = _label(c)
    if c.at_end():
        return True, y[0] if y else None
    free_words(c)
    c.take_text(":", "-", ",", ".")
    if c.at_end():
        return True, y[0] if y else None
    c.fail("colour")
    return False, None


# -- one band part ------------------------------------------------------------------------


class _Piece(NamedTuple):
    """One interval of a band as written, before units are resolved."""

    lower: Value | None
    upper: Value | None
    lower_closed: bool = False
    upper_closed: bool = False
    point: Value | None = None
    everything: bool = False
    mirrored: bool = False
    side: int = 0


def _band_part(c: Cursor) -> list[_Piece] | None:
    """One colour's band.

    "mer än 60%", "40-60%", "upp till 30 tv anställda", "samtlig personal", "minst 4 och
    mindre än 5 eller mer än 5 och högst 6", "plus/minus 0,5-2%", "mer än plus/minus 2%", "=
    0 - 0,5% plus", "alla värden".
    """
    pieces: list[_Piece] = []
    while True:
        piece = _band_piece(c)
        if piece is None:
            return None
        pieces.append(piece)
        if c.sense(Role.OR) is not None and not is_postfix(c):
            c.pos += 1
            continue
        break
    free_words(c)
    if not c.finish("part"):
        return None
    return pieces


def _band_piece(c: Cursor) -> _Piece | None:
    if c.is_text("alla") and c.is_text("värden", k=1):
        c.pos += 2
        return _Piece(None, None, everything=True)
    mirrored = c.take(Role.PLUS_MINUS) is not None
    cmp = c.take(Role.COMPARATOR)
    if cmp == "==":
        cmp = None
    if cmp is not None and not mirrored:
        mirrored = c.take(Role.PLUS_MINUS) is not None
    piece: _Piece
    if cmp is None and c.take(Role.BETWEEN) is not None:
        a = value(c)
        if a is None or c.take(Role.AND) is None:
            c.fail("part")
            return None
        b = value(c)
        if b is None:
            return None
        piece = _Piece(a, b, True, True)
    elif cmp is None and c.take(Role.FROM) is not None:
        a = value(c)
        if a is None or c.take(Role.TO) is None:
            c.fail("part")
            return None
        b = value(c)
        if b is None:
            return None
        piece = _Piece(a, b, True, True)
    else:
        c.fail("value" if cmp is not None else "part")
        a = value(c, article=cmp is not None)
        if a is None:
            return None
        if cmp is not None:
            op = str(cmp)
            if op in (">", ">=") and c.sense(Role.AND) is not None:
                upper = c.sense(Role.COMPARATOR, 1)
                if upper in ("<", "<="):
                    c.pos += 2
                    b = value(c)
                    if b is None:
                        return None
                    piece = _Piece(a, b, op == ">=", upper == "<=")
                    return _side(c, piece._replace(mirrored=mirrored))
            if op in (">", ">="):
                piece = _Piece(a, None, lower_closed=op == ">=")
            else:
                piece = _Piece(None, a, upper_closed=op == "<=")
        else:
            more = postfix(c)
            if more == ">=":
                piece = _Piece(a, None, lower_closed=True)
            elif more == "<=":
                piece = _Piece(None, a, upper_closed=True)
            elif c.is_text("-") or (c.sense(Role.TO) is not None and c.sense(Role.DEADLINE) != "x"):
                if c.is_text("-") or (c.peek(1) is not None and c.peek(1).is_value):  # type: ignore[union-attr]
                    fork = c.fork()
                    fork.pos += 1
                    upper = fork.sense(Role.COMPARATOR)
                    if upper in ("<", "<="):  # "80 - < 90 %": the upper end said
                        fork.pos += 1
                        b = value(fork)
                        if b is None:
                            return None
                        c.pos = fork.pos
                        piece = _Piece(a, b, True, upper == "<=")
                        return _side(c, piece._replace(mirrored=mirrored))
                    b = value(fork)
                    if b is not None:
                        c.pos = fork.pos
                        piece = _Piece(a, b, True, True, point=None)
                        piece = piece._replace(side=2)  # a range: sorted later
                    else:
                        piece = _Piece(None, None, point=a)
                else:
                    piece = _Piece(None, None, point=a)
            else:
                piece = _Piece(None, None, point=a)
    return _side(c, piece._replace(mirrored=mirrored))


def _side(c: Cursor, piece: _Piece) -> _Piece:
    """A trailing "plus" or "minus": the side of zero a deviation is on."""
    if c.take(Role.PLUS) is not None:
        return piece._replace(side=piece.side * 10 + 1 if piece.side else 1)
    if c.take(Role.MINUS) is not None:
        return piece._replace(side=piece.side * 10 - 1 if piece.side else -1)
    return piece


def _piece_values(piece: _Piece) -> list[Value]:
    return [v for v in (piece.lower, piece.upper, piece.point) if v is not None]


def _intervals(piece: _Piece, numbers: dict[int, Decimal]) -> list[Interval]:
    """The interval(s) of a piece once its numbers are in the rule's unit."""
    if piece.everything:
        return [Interval()]
    side = piece.side
    is_range = side in (2, 21, 19)
    sign = 0 if side in (0, 2) else (1 if side in (1, 21) else -1)

    def n(v: Value | None) -> Decimal | None:
        return None if v is None else numbers[v.lo]

    if piece.point is not None:
        x = n(piece.point)
        assert x is not None
        iv = Interval.point(x)
    elif is_range:
        a, b = sorted((n(piece.lower), n(piece.upper)))  # type: ignore[type-var]
        iv = Interval.closed(a, b)
    else:
        iv = Interval(
            n(piece.lower),
            n(piece.upper),
            lower_closed=piece.lower_closed,
            upper_closed=piece.upper_closed,
        )
    if sign < 0:
        iv = _mirror(iv)
    if not piece.mirrored:
        return [iv]
    if iv.lower is not None and iv.lower == iv.upper:
        return [Interval.closed(-abs(iv.lower), abs(iv.lower))]
    if (iv.lower is not None and iv.lower > 0) or iv.upper is None:
        return [_mirror(iv), iv]
    assert iv.upper is not None
    return [
        Interval(-iv.upper, iv.upper, lower_closed=iv.upper_closed, upper_closed=iv.upper_closed)
    ]


def _mirror(iv: Interval) -> Interval:
    return Interval(
        None if iv.upper is None else -iv.upper,
        None if iv.lower is None else -iv.lower,
        lower_closed=iv.upper_closed,
        upper_closed=iv.lower_closed,
    )


def _low(iv: Interval) -> tuple[Decimal, int]:
    return (Decimal("-Infinity") if iv.lower is None else iv.lower, 0 if iv.lower_closed else 1)


def _order(bands: dict[Status, list[Interval]]) -> Direction | None:
    """The direction the colours' order along the line shows, if they follow one."""
    seq = [
        s
        for _, s in sorted(
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


def _read_bands(
    src: Source, legend: _Legend, extra: Sequence[Value] = ()
) -> tuple[dict[Status, list[Interval]], Unit | None, dict[int, Decimal]] | None:
    """Every part as a band; the rule's unit; the numbers in it."""
    pieces: dict[Status, list[_Piece]] = {}
    for status, part in _in_order(legend):
        c = Cursor(src, part.lo, part.hi)
        read_ = _band_part(c)
        if read_ is None:
            return None
        pieces[status] = read_
    values = [v for ps in pieces.values() for p in ps for v in _piece_values(p)]
    c = Cursor(src, legend.prefix[0], max(p.hi for p in legend.parts.values()))
    unit, numbers = resolve_units(c, [*values, *extra])
    bands = {s: [iv for p in ps for iv in _intervals(p, numbers)] for s, ps in pieces.items()}
    return bands, unit, numbers


def _in_order(legend: _Legend) -> list[tuple[Status, _Part]]:
    return sorted(legend.parts.items(), key=lambda item: item[1].lo)


def _make_bands(src: Source, build: Callable[[], Threshold]) -> Threshold:
    try:
        return build()
    except ThresholdError as exc:
        raise ThresholdError(f"målvärde {src.norm.source!r}: {exc}") from None


def _legend_bands(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    plain, y = _prefix(src, legend)
    if not plain:
        return None
    read_ = _read_bands(src, legend)
    if read_ is None:
        return None
    bands, unit, _ = read_
    said = _order(bands)
    given = src.hints.direction
    if said is not None and given is not None and said is not given:
        first = min(p.label for p in legend.parts.values())
        raise src.error_at(
            "parse.direction_conflict", first, first, said=said.name, given=given.name
        )
    direction = given or said
    precision = legend.precision if legend.precision is not None else _step(bands)
    rule = _make_bands(
        src,
        lambda: Bands(
            green=bands.get(Status.GREEN),
            yellow=bands.get(Status.YELLOW),
            red=bands.get(Status.RED),
            unit=unit,
            direction=direction,
            precision=precision,
        ),
    )
    return rule, y


def _legend_budget(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A budget deviation's legend.

    "Avvikelse mot budget – Grönt: minst 0 %, Rött: mindre än 0 %".
    """
    lo, hi = legend.prefix
    c = Cursor(src, lo, hi)
    free_words(c, stop=(Role.DEVIATION,))
    if c.take(Role.DEVIATION) is None:
        return None
    c.take_text(":", "-", ",")
    if not c.at_end():
        c.fail("colour")
        return None
    hint = src.hints
    src.hints = hint._replace(unit=None)
    try:
        read_ = _read_bands(src, legend)
    finally:
        src.hints = hint
    if read_ is None:
        return None
    bands, unit, _ = read_
    if unit not in (None, Unit.PERCENT):
        first = min(p.lo for p in legend.parts.values())
        raise src.error_at("parse.unit_conflict", first, first, said=str(unit), given="PERCENT")
    rule = _make_bands(
        src,
        lambda: BudgetDeviation(
            green=bands.get(Status.GREEN),
            yellow=bands.get(Status.YELLOW),
            red=bands.get(Status.RED),
            precision=legend.precision,
        ),
    )
    return rule, None


def _legend_target(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A target value's legend.

    "Målvärde ≥ 50 % – Grönt: ≥ 50 %, Gult: minst 45 % och mindre än 50 %, Rött: …".
    """
    lo, hi = legend.prefix
    c = Cursor(src, lo, hi)
    if c.take(Role.LABEL) is None:
        return None
    y = year(c)
    c.take_text(":")
    cmp = c.take(Role.COMPARATOR)
    v = value(c)
    if v is None:
        return None
    c.take_text(":", "-", ",")
    if not c.at_end():
        c.fail("colour")
        return None
    read_ = _read_bands(src, legend, extra=[v])
    if read_ is None:
        return None
    bands, unit, numbers = read_
    t = numbers[v.lo]
    comparator: Comparator = cmp if cmp is not None else ">="
    yellow = bands.get(Status.YELLOW)
    margin: Decimal | None = None
    if yellow:
        if comparator in (">", ">=") and yellow[0].lower is not None:
            margin = t - yellow[0].lower
        elif comparator in ("<", "<=") and yellow[0].upper is not None:
            margin = yellow[0].upper - t
        elif comparator == "==" and yellow[0].lower is not None:
            margin = t - yellow[0].lower
    try:
        rule = TargetValue(comparator, t, unit=unit, yellow_margin=margin)
    except ThresholdError:
        rule = None
    as_bands = family_of(TargetValue).as_bands
    expected = as_bands(rule) if rule is not None and as_bands is not None else None
    written = {s: tuple(ivs) for s, ivs in bands.items()}
    if (
        rule is None
        or expected is None
        or legend.precision is not None
        or written != dict(expected.bands())
    ):
        first = min(p.label for p in legend.parts.values())
        raise src.error_at(
            "parse.target_mismatch", first, max(p.hi for p in legend.parts.values()) - 1
        )
    return rule, y[0] if y else None


# -- legend parts of the other families ---------------------------------------------------


def _starts_value(c: Cursor) -> bool:
    lx = c.peek()
    return lx is not None and (lx.is_value or Role.NUMBER_WORD in lx.senses)


class _Compared(NamedTuple):
    """One part of a comparison's legend: "bättre än 5 %-enheter under riket (±1)"."""

    relation: str
    name: str
    offset: Value | None
    side: str
    tolerance: Value | None


def _compared(c: Cursor) -> _Compared | None:
    relation = c.take(Role.RELATION)
    if relation is None:
        c.fail("part")
        return None
    offset = None
    side = ""
    c.fail("reference")
    if _starts_value(c):
        offset = value(c)
        where = c.take(Role.RELATION)
        if offset is None or where not in ("above", "below"):
            c.fail("reference")
            return None
        side = str(where)
    name = reference(c)
    if name is None:
        return None
    tolerance = _tolerance_note(c)
    if not c.finish("part"):
        return None
    return _Compared(str(relation), name, offset, side, tolerance)


_THREE = {
    Status.GREEN: ("better", "above", "below"),
    Status.YELLOW: ("same",),
    Status.RED: ("worse", "below", "above"),
}
_TWO = {Status.GREEN: ("at_least",), Status.RED: ("worse", "below", "above")}


def _legend_reference(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A comparison's legend.

    "Grönt: Bättre än riket Gult: Som riket Rött: Sämre än riket"; describe's "Grönt: minst
    i nivå med länet (±0,5), Rött: sämre än länet".
    """
    green = legend.parts.get(Status.GREEN)
    if green is None:
        return None
    parts: dict[Status, _Compared] = {}
    for status, part in _in_order(legend):
        found = _compared(Cursor(src, part.lo, part.hi))
        if found is None:
            return None
        parts[status] = found
    plain, y = _prefix(src, legend)
    if not plain:
        return None
    first = parts[Status.GREEN]
    for status, found in parts.items():
        same_offset = (found.offset is None) == (first.offset is None) and (
            found.offset is None
            or (first.offset is not None and found.offset.number == first.offset.number)
        )
        if found.name != first.name or found.side != first.side or not same_offset:
            at = legend.parts[status].lo
            raise src.error_at("parse.legend_mismatch.reference", at, at)
    relations = {s: found.relation for s, found in parts.items()}
    if set(relations) == set(_THREE) and all(relations[s] in _THREE[s] for s in _THREE):
        yellow = True
    elif set(relations) == set(_TWO) and all(relations[s] in _TWO[s] for s in _TWO):
        yellow = False
    else:
        raise src.error_at("parse.legend_incomplete.reference", green.label, green.label)
    said = {"above": HIGHER, "below": LOWER}.get(first.relation)
    given = src.hints.direction
    if said is not None and given is not None and said is not given:
        raise src.error_at(
            "parse.direction_conflict", green.lo, green.lo, said=said.name, given=given.name
        )
    direction = said or given or HIGHER
    tolerances = [found.tolerance for found in parts.values() if found.tolerance is not None]
    values = [v for v in (first.offset, *tolerances) if v is not None]
    c = Cursor(src, green.lo, green.hi)
    unit, numbers = _offset_unit(c, values) if values else (src.hints.unit, {})
    off = Decimal(0)
    if first.offset is not None:
        n = numbers[first.offset.lo]
        off = n if first.side == "above" else Decimal(0) - n
    tol = numbers[tolerances[0].lo] if tolerances else Decimal(0)
    rule = CompareToReference(
        reference=first.name,
        direction=direction,
        offset=off,
        tolerance=tol,
        yellow=yellow,
        unit=unit,
    )
    return rule, y


def _legend_change(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A change's legend.

    "Grönt: Förbättrat jämfört mot 2018 Gult: Oförändrat … Rött: Försämrat …"; describe's
    "Grönt: förbättrat (ökat) eller oförändrat (±1 %) jämfört med 2018, …".
    """
    green = legend.parts.get(Status.GREEN)
    if green is None:
        return None
    terms: dict[Status, list[tuple[str, Direction | None, Value | None]]] = {}
    bases: list[tuple[int | None, int]] = []
    for status, part in _in_order(legend):
        c = Cursor(src, part.lo, part.hi)
        found: list[tuple[str, Direction | None, Value | None]] = []
        while True:
            term = c.take(Role.CHANGE)
            if term is None:
                c.fail("part")
                return None
            hint: Direction | None = None
            if c.is_text("(") and c.sense(Role.CHANGE, 1) in ("up", "down") and c.is_text(")", k=2):
                hint = HIGHER if c.sense(Role.CHANGE, 1) == "up" else LOWER
                c.pos += 3
            tol = _tolerance_note(c)
            free_words(c, stop=(Role.OR, Role.COMPARED_WITH, Role.EARLIER))
            found.append((str(term), hint, tol))
            if c.take(Role.OR) is None:
                break
        if c.take(Role.COMPARED_WITH) is not None or c.sense(Role.EARLIER) is not None:
            b = base(c)
            if b is None:
                return None
            bases.append((b.year, b.lo))
        if not c.finish("part"):
            return None
        terms[status] = found
    plain, y = _prefix(src, legend)
    if not plain:
        return None
    years = {b for b, _ in bases}
    if len(years) > 1:
        raise src.error_at("parse.legend_mismatch.year", bases[-1][1], bases[-1][1])
    base_year = years.pop() if years else None
    if base_year is not None and src.hints.year is not None and base_year >= src.hints.year:
        at = bases[0][1]
        raise src.error_at("parse.base_not_before", at, at, base=base_year, year=src.hints.year)
    where: dict[str, Status] = {}
    hints: list[Direction] = []
    tolerance: Value | None = None
    for status, found in terms.items():
        for term, hint, tol in found:
            # "ökning" under green is the better way, under red the worse way.
            kind = term
            if term in ("up", "down") and status is not Status.YELLOW:
                kind = "better" if status is Status.GREEN else "worse"
            if term in ("up", "down"):
                said = HIGHER if (term == "up") == (status is Status.GREEN) else LOWER
                hints.append(said)
            if hint is not None:
                hints.append(hint if kind != "worse" else hint.opposite)
            if kind in where:
                raise src.error_at(
                    "parse.legend_incomplete.change",
                    legend.parts[status].label,
                    legend.parts[status].label,
                )
            where[kind] = status
            if tol is not None:
                tolerance = tol
    unit = src.hints.unit
    tol_n = Decimal(0)
    if tolerance is not None:
        unit, numbers = resolve_units(Cursor(src, green.lo, green.hi), [tolerance])
        tol_n = numbers[tolerance.lo]
    if (
        set(where) == {"same", "changed"}
        and where["same"] is Status.GREEN
        and where["changed"] is Status.RED
    ):
        return YearOverYear.same_level(base_year=base_year, tolerance=tol_n, unit=unit), y
    if (
        where.get("better") is not Status.GREEN
        or where.get("worse") is not Status.RED
        or "same" not in where
        or "changed" in where
        or len(set(legend.parts)) != len(set(where.values()))
    ):
        raise src.error_at("parse.legend_incomplete.change", green.label, green.label)
    said_set = set(hints)
    if len(said_set) > 1:
        raise src.error_at("parse.legend_mismatch.direction", green.lo, green.lo)
    says = said_set.pop() if said_set else None
    given = src.hints.direction
    if says is not None and given is not None and says is not given:
        raise src.error_at(
            "parse.direction_conflict", green.lo, green.lo, said=says.name, given=given.name
        )
    direction = says or given or HIGHER
    rule = YearOverYear(
        direction=direction,
        base_year=base_year,
        tolerance=tol_n,
        unchanged=where["same"],
        unit=unit,
    )
    return rule, y


class _Progressed(NamedTuple):
    """One part of a milestone's legend: "ej genomfört senast 31 december 2019"."""

    negated: bool
    progress: Progress
    deadline: Deadline | None


def _progressed(c: Cursor) -> _Progressed | None:
    lo = c.pos
    free_words(c, stop=(Role.PROGRESS, Role.NEGATION))
    negated = c.take(Role.NEGATION) is not None
    word = c.take(Role.PROGRESS)
    if word is None:
        c.fail("part", lo)
        return None
    free_words(c, stop=(Role.DEADLINE, Role.YEAR_END, Role.DURING_YEAR))
    due = None
    if c.take(Role.DURING_YEAR) is None and (
        c.sense(Role.DEADLINE) is not None or c.sense(Role.YEAR_END) is not None
    ):
        due = deadline(c)
        if due is None:
            return None
    if not c.finish("part"):
        return None
    return _Progressed(negated, _PROGRESS[str(word)], due)


def _legend_milestone(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A milestone's legend.

    "Grönt: utförd Rött: Ej utförd"; "Genomförd (grön), Påbörjad (gul), Ej påbörjad (röd)";
    describe's "Grönt: genomfört senast 31 december 2019, Gult: påbörjat före …".
    """
    parts: dict[Status, _Progressed] = {}
    for status, part in _in_order(legend):
        found = _progressed(Cursor(src, part.lo, part.hi))
        if found is None:
            return None
        parts[status] = found
    plain, y = _prefix(src, legend)
    if not plain:
        return None
    green, yellow, red = (parts.get(s) for s in (Status.GREEN, Status.YELLOW, Status.RED))
    at = min(p.label for p in legend.parts.values())
    if (
        green is None
        or green.negated
        or red is None
        or not red.negated
        or (red.progress is not green.progress and yellow is None)
        or (
            yellow is not None
            and (
                yellow.negated
                or yellow.progress is not Progress.STARTED
                or green.progress is not Progress.DONE
            )
        )
    ):
        raise src.error_at("parse.legend_incomplete.milestone", at, at)
    dates = {p.deadline.written for p in parts.values() if p.deadline is not None}
    if len(dates) > 1:
        raise src.error_at("parse.legend_mismatch.date", at, at)
    due: dt.date | None = None
    if green.deadline is not None:
        due = green.deadline.due
    elif dates:
        due = dates.pop()
    return Milestone(due=due, required=green.progress), y


def _legend_duration(src: Source, legend: _Legend) -> tuple[Threshold, int | None] | None:
    """A time limit's legend.

    "Grönt: … inom 3 månader Rött: … efter 3 månader".
    """
    limits: dict[Status, tuple[str, relativedelta]] = {}
    for status, part in _in_order(legend):
        c = Cursor(src, part.lo, part.hi)
        start = c.pos
        free_words(c, stop=(Role.WITHIN, Role.AFTER))
        kind = "within" if c.take(Role.WITHIN) else "after" if c.take(Role.AFTER) else None
        if kind is None:
            c.fail("part", start)
            return None
        found = limit(c)
        if found is None:
            return None
        free_words(c)
        if not c.finish("part"):
            return None
        limits[status] = (kind, found)
    plain, y = _prefix(src, legend)
    if not plain:
        return None
    green = limits.get(Status.GREEN)
    red = limits.get(Status.RED)
    green_part = legend.parts.get(Status.GREEN)
    if (
        green is None
        or red is None
        or green_part is None
        or set(limits) != {Status.GREEN, Status.RED}
        or green[0] != "within"
        or red[0] != "after"
    ):
        at = green_part.label if green_part else legend.prefix[0]
        raise src.error_at("parse.legend_incomplete.duration", at, at)
    if green[1] != red[1]:
        at = legend.parts[Status.RED].lo
        raise src.error_at("parse.legend_mismatch.limit", at, at)
    return Duration(green[1]), y


_LEGENDS: tuple[Callable[[Source, _Legend], tuple[Threshold, int | None] | None], ...] = (
    _legend_budget,
    _legend_target,
    _legend_reference,
    _legend_change,
    _legend_milestone,
    _legend_duration,
    _legend_bands,
)
