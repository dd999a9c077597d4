"""Step three's tools: a cursor over lexemes, the shared small grammars, and located errors.

Swedish terms: *jämförelsetal* (a reference), *basår* (a base year), *tidsgräns* (a time limit).

The grammar of each family (``_grammar``, or a family's own ``Family.parse``) reads lexemes
through a :class:`Cursor`. A production either reads its whole phrase and returns what it
read, or notes where it stopped and what it expected there and returns ``None``; the parser
then reports the expectation that got furthest, with the word, its position and a caret
line. Errors that are certain once a phrase is read (a unit that contradicts ``unit=``, an
impossible date) are raised at once, located the same way.

The small grammars here are shared by every family: :func:`value` (a number with its unit,
a number word, a share, a fraction), :func:`reference` (a reference's name), :func:`base`
(what a change is compared with), :func:`deadline`, :func:`limit` (a time limit),
:func:`free_words` (a subject or what is counted), :func:`tail` (what may follow a rule:
the counted noun, a scope, a rate, a year, notes in parentheses). Every one reads forward
only, so a production is linear in its phrase.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Context as DecimalContext
from decimal import Decimal, Inexact
from typing import Any, NamedTuple, NoReturn

import attrs
from dateutil.relativedelta import relativedelta

from styrmodell._errors import ParseError, Problem
from styrmodell._messages import short, text
from styrmodell._parse._normalise import Normalised
from styrmodell._parse._tokens import Kind, Lexeme
from styrmodell._parse._words import NUMBER_WORDS, UNIT_OF_MEMBER, Role, UnitWord
from styrmodell._status import Status
from styrmodell._units import Direction, Unit

__all__ = [
    "Cursor",
    "Deadline",
    "Hints",
    "Phrase",
    "Source",
    "Tail",
    "Value",
    "base",
    "deadline",
    "free_words",
    "is_index_name",
    "limit",
    "reference",
    "resolve_units",
    "tail",
    "value",
]

HIGHER, LOWER = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
_EXACT = DecimalContext(prec=60, traps=[Inexact])
_WINDOW = 60  # characters of text shown on each side of the caret


class Hints(NamedTuple):
    """What the caller said about the målvärde.

    Attributes:
        unit: The indicator's unit, or ``None``.
        direction: Which way is better for the indicator, or ``None``.
        year: The year the målvärde is for, or ``None``.
        locale: The locale of error messages.
    """

    unit: Unit | None = None
    direction: Direction | None = None
    year: int | None = None
    locale: str = "en"


class Source:
    """The målvärde being read: its text, lexemes and hints, and the furthest failure so far."""

    def __init__(self, norm: Normalised, lexemes: list[Lexeme], hints: Hints) -> None:
        self.norm = norm
        self.lexemes = lexemes
        self.hints = hints
        self.furthest = -1
        self.expected = ""
        self._rule_starts: list[bool] | None = None

    # -- failures and errors -------------------------------------------------------------

    def rule_starts(self) -> list[bool]:
        """For every lexeme, whether it begins a rule (see :func:`is_rule_start`); once."""
        if self._rule_starts is None:
            whole = Cursor(self, 0, len(self.lexemes))
            self._rule_starts = [_rule_start(whole, i) for i in range(len(self.lexemes))]
        return self._rule_starts

    def note(self, pos: int, expected: str) -> None:
        """Remember that a production expected *expected* at lexeme *pos* (the furthest wins)."""
        if pos > self.furthest:
            self.furthest, self.expected = pos, expected

    def span(self, lo: int, hi: int | None = None) -> tuple[int, int]:
        """The clean-text span of lexemes ``lo..hi`` (``hi`` inclusive; the end past the last)."""
        lexemes = self.lexemes
        if lo >= len(lexemes):
            end = len(self.norm.text)
            return end, end
        last = lexemes[lo if hi is None else min(hi, len(lexemes) - 1)]
        return lexemes[lo].start, last.end

    def error(
        self, code: str, at: tuple[int, int] | None = None, /, **params: object
    ) -> ParseError:
        """A :class:`ParseError` with message *code*, pointing at clean-text span *at*."""
        source = self.norm.source
        if at is None:
            start = end = 0
            word = ""
        else:
            start, end = self.norm.source_span(*at) if at[1] > at[0] else (self._past(at[0]),) * 2
            word = source[start:end]
        params = {
            "value": short(source),
            "word": short(word, 40),
            "position": start + 1,
            "caret": _caret(source, start, end),
            **params,
        }
        message = text(code, self.hints.locale, **params)
        found = Problem("", message, code=code, value=source, params=params)
        return ParseError(message, problems=[found])

    def _past(self, at: int) -> int:
        """The source index that clean-text index *at* points at (the end when past it)."""
        norm = self.norm
        if at >= len(norm.text):
            return len(norm.source.rstrip())
        return norm.origin[at]

    def error_at(
        self, code: str, lo: int, hi: int | None = None, /, **params: object
    ) -> ParseError:
        """An error pointing at lexemes ``lo..hi``."""
        return self.error(code, self.span(lo, hi), **params)

    def furthest_error(self) -> ParseError:
        """The error for the furthest point any production reached."""
        pos = max(self.furthest, 0)
        if pos >= len(self.lexemes):
            return self.error_at(f"parse.incomplete.{self.expected or 'rule'}", pos)
        return self.error_at(f"parse.unexpected.{self.expected or 'rule'}", pos)


def _caret(source: str, start: int, end: int) -> str:
    """Two lines: the text around *start* and carets under ``source[start:end]``."""
    lo = max(0, start - _WINDOW)
    hi = min(len(source), max(end, start + 1) + _WINDOW)
    shown = "".join(c if c.isprintable() else " " for c in source[lo:hi])
    lead = "…" if lo > 0 else ""
    trail = "…" if hi < len(source) else ""
    width = max(1, min(end, hi) - start)
    return f"  {lead}{shown}{trail}\n  {' ' * (len(lead) + start - lo)}{'^' * width}"


# -- the cursor ---------------------------------------------------------------------------


@attrs.frozen
class Phrase:
    """What a family's ``parse`` capability is given: a statement or a legend to read.

    A production reads ``phrase.cursor()`` (a statement's rule, after its label and
    subject) or the parts of ``phrase.legend`` with the tools of
    this module, and returns a threshold when it read the whole
    phrase, else ``None`` (having noted what it expected with ``cursor.fail``).

    Attributes:
        source: The målvärde being read (lexemes, hints, errors).
        start: The first lexeme of the statement's rule (statements).
        end: One past its last lexeme.
        legend: The colour parts as ``{status: (first, end)}`` lexeme spans (legends).
        subject: The subject's lexeme span, if the statement has one.
    """

    source: Source
    start: int
    end: int
    legend: dict[Status, tuple[int, int]] | None = None
    subject: tuple[int, int] | None = None

    @property
    def hints(self) -> Hints:
        """The caller's unit, direction, year and locale."""
        return self.source.hints

    def cursor(self, span: tuple[int, int] | None = None) -> Cursor:
        """A cursor over the rule (or over *span*, e.g. one legend part)."""
        lo, hi = span if span is not None else (self.start, self.end)
        return Cursor(self.source, lo, hi)


class Cursor:
    """A position in a span of lexemes ``[pos, end)``; reads forward only.

    Productions call ``take`` and friends; each consumes the next lexeme only when it fits.
    """

    __slots__ = ("end", "pos", "src")

    def __init__(self, src: Source, pos: int, end: int) -> None:
        self.src = src
        self.pos = pos
        self.end = end

    def fork(self) -> Cursor:
        """An independent cursor at the same place."""
        return Cursor(self.src, self.pos, self.end)

    @property
    def hints(self) -> Hints:
        """The caller's hints."""
        return self.src.hints

    def at_end(self) -> bool:
        """Whether nothing is left."""
        return self.pos >= self.end

    def peek(self, k: int = 0) -> Lexeme | None:
        """The lexeme *k* ahead (behind, for negative *k*), or ``None`` outside the text."""
        i = self.pos + k
        return self.src.lexemes[i] if 0 <= i < self.end else None

    def sense(self, role: Role, k: int = 0) -> Any:
        """The meaning in *role* of the lexeme *k* ahead, or ``None``."""
        lx = self.peek(k)
        return None if lx is None else lx.senses.get(role)

    def is_text(self, *texts: str, k: int = 0) -> bool:
        """Whether the lexeme *k* ahead is one of *texts* (lower case)."""
        lx = self.peek(k)
        return lx is not None and lx.key in texts

    def take(self, role: Role) -> Any:
        """Consume the next lexeme if it has a meaning in *role*; return the meaning."""
        lx = self.peek()
        if lx is None:
            return None
        meaning = lx.senses.get(role)
        if meaning is not None:
            self.pos += 1
        return meaning

    def take_text(self, *texts: str) -> bool:
        """Consume the next lexeme if it is one of *texts*."""
        if self.is_text(*texts):
            self.pos += 1
            return True
        return False

    def skip(self, *roles: Role) -> None:
        """Consume lexemes while they have a meaning in one of *roles*."""
        while (lx := self.peek()) is not None and any(r in lx.senses for r in roles):
            self.pos += 1

    def fail(self, expected: str, at: int | None = None) -> None:
        """Note that *expected* was expected here (or at lexeme *at*); returns ``None``."""
        self.src.note(self.pos if at is None else at, expected)

    def finish(self, expected: str = "end") -> bool:
        """Whether the span is read to its end (a final "." allowed); else note it."""
        if self.pos == self.end - 1 and self.src.lexemes[self.pos].key in (".", ",", ";"):
            self.pos += 1
        if self.at_end():
            return True
        self.fail(expected)
        return False

    def error(
        self, code: str, lo: int | None = None, hi: int | None = None, /, **params: object
    ) -> ParseError:
        """An error pointing at lexemes ``lo..hi`` (the current one by default)."""
        at = self.pos if lo is None else lo
        return self.src.error_at(code, at, hi, **params)


# -- is this lexeme the start of a rule? ---------------------------------------------------

_RULE_ROLES = frozenset(
    {
        Role.CHANGE,
        Role.DEVIATION,
        Role.BALANCE,
        Role.SURPLUS,
        Role.COLOUR,
        Role.NO_TARGET,
        Role.PENDING,
        Role.PLUS_MINUS,
        Role.REFERENCE,
        Role.APPROX,
        Role.SIDE,
    }
)


def is_index_name(lx: Lexeme | None) -> bool:
    """An index name written next to the number: "NKI", "HME-index", "index"."""
    if lx is None or lx.kind is not Kind.WORD:
        return False
    if Role.INDEX_NAME in lx.senses:
        return True
    head = lx.text.split("-", 1)[0]
    return 2 <= len(head) <= 8 and head.isupper() and head.isalpha() and not lx.senses


def _value_start(c: Cursor, k: int) -> bool:
    lx = c.peek(k)
    if lx is None:
        return False
    if lx.is_value or number_word(lx) is not None:
        return True
    return bool(
        Role.SHARE in lx.senses
        or Role.APPROX in lx.senses
        or Role.PLUS_MINUS in lx.senses
        or (is_index_name(lx) and _value_start(c, k + 1))
    )


def is_rule_start(c: Cursor, k: int = 0) -> bool:
    """Whether the lexeme *k* ahead begins something a free run of words may not swallow."""
    i = c.pos + k
    return c.pos + k < c.end and c.src.rule_starts()[i]


def _rule_start(c: Cursor, k: int) -> bool:
    lx = c.peek(k)
    if lx is None:
        return False
    if lx.kind is not Kind.WORD and lx.kind is not Kind.SYMBOL:
        return True
    senses = lx.senses
    if not senses:
        return False
    if not senses.keys().isdisjoint(_RULE_ROLES):
        return True
    if Role.UNIT in senses:
        # "25 tkr" (a unit after a number) begins a rule; "kostnad per timme" does not.
        before = c.peek(k - 1) if c.pos + k > 0 else None
        return before is not None and before.is_value
    if Role.COMPARATOR in senses or Role.VERB in senses:
        return _value_start(c, k + 1)
    if Role.RELATION in senses:
        nxt = c.peek(k + 1)
        return nxt is not None and (Role.REFERENCE in nxt.senses or _value_start(c, k + 1))
    return False


_WORD_SYMBOLS = frozenset({"/", "&", "'", '"'})
_AND_OR = frozenset({"och", "eller"})


def free_words(c: Cursor, *, stop: Iterable[Role] = ()) -> int:
    """Consume words that carry no rule (a subject, what is counted); return how many.

    A run stops at a number, a unit, a word that begins a rule (a comparator before a
    number, a change, a colour, a reference...), at punctuation other than "/", and at a word
    with one of the *stop* roles. "gång/år" and "per invånare" are rates.
    """
    start = i = c.pos
    end = c.end
    lexemes = c.src.lexemes
    starts = c.src.rule_starts()
    stops = frozenset(stop)
    while i < end:
        lx = lexemes[i]
        senses = lx.senses
        if Role.PER in senses and i + 1 < end and lexemes[i + 1].kind is Kind.WORD:
            i += 2  # a rate: "gång/år", "per invånare"
            continue
        if lx.kind is Kind.SYMBOL and lx.key not in _WORD_SYMBOLS:
            hyphen = lx.key == "-" and lx.glued and i + 1 < end and lexemes[i + 1].key in _AND_OR
            if not hyphen:
                break  # but "social- och omsorgsförvaltningen" goes on
        elif Role.UNIT in senses or (stops and senses and not senses.keys().isdisjoint(stops)):
            break  # a unit that follows no number is not a word to pass over ("5 tkr mnkr")
        if starts[i]:
            break
        i += 1
    c.pos = i
    return i - start


# -- values -------------------------------------------------------------------------------


class Value(NamedTuple):
    """A number as the text writes it.

    Attributes:
        number: The number (a share in percent for share words and fractions).
        unit: The unit written after it, or ``None``.
        lo: Its first lexeme.
        hi: Its last lexeme.
        share: Whether it came from a share word or a fraction ("hälften", "3/4"): percent.
        approx: Whether it was "cirka" the number.
    """

    number: Decimal
    unit: UnitWord | None
    lo: int
    hi: int
    share: bool = False
    approx: bool = False


def number_word(lx: Lexeme) -> int | None:
    """The number a word spells: "tolv" → 12, "tjugofem" → 25; ``None`` for other words."""
    if lx.kind is not Kind.WORD:
        return None
    n = lx.senses.get(Role.NUMBER_WORD)
    if isinstance(n, int):
        return n
    key = lx.key
    if not key.isalpha() or len(key) > 20:
        return None
    for tens in ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"):
        if key.startswith(tens):
            ones = NUMBER_WORDS.get(key[len(tens) :])
            if ones is not None and 1 <= ones <= 9 and key[len(tens) :] not in ("en", "ett"):
                return NUMBER_WORDS[tens] + ones
            if key[len(tens) :] in ("en", "ett"):
                return NUMBER_WORDS[tens] + 1
    return None


def _share(c: Cursor, part: Decimal, whole: Decimal, lo: int) -> Decimal:
    if whole == 0 or part > whole or part < 0:
        raise c.error("parse.bad_share", lo, c.pos - 1)
    try:
        return plain(_EXACT.multiply(_EXACT.divide(part, whole), Decimal(100)))
    except Inexact:
        raise c.error("parse.inexact_share", lo, c.pos - 1) from None


def plain(d: Decimal) -> Decimal:
    """*d* without trailing zeros, and without an exponent for whole numbers (90, not 9E+1)."""
    d = d.normalize(_EXACT)
    return d.quantize(Decimal(1)) if d.as_tuple().exponent > 0 else d  # type: ignore[operator]


def value(c: Cursor, *, article: bool = False) -> Value | None:
    """A number and its unit: "85 procent", "16,4 mnkr", "tolv", "hälften", "3/4", "nio av tio".

    *article* allows "en"/"ett" as one (after a comparator: "minst en lösning").
    Notes ``value`` and returns ``None`` when the text holds no number here.
    """
    lo = c.pos
    approx = c.take(Role.APPROX) is not None
    lx = c.peek()
    if lx is None:
        c.fail("value")
        return None
    share = False
    number: Decimal
    if lx.kind is Kind.NUMBER:
        assert lx.number is not None
        c.pos += 1
        number = lx.number
        out_of = _out_of(c)
        if out_of is not None:
            number, share = _share(c, number, out_of, lo), True
    elif lx.kind is Kind.FRACTION:
        assert lx.number is not None
        assert lx.other is not None
        c.pos += 1
        number, share = _share(c, lx.number, lx.other, lo), True
    elif (n := number_word(lx)) is not None and (
        article or lx.key not in ("en", "ett") or c.sense(Role.PART, 1) is not None
    ):
        c.pos += 1
        number = Decimal(n)
        # "fem (5) procentenheter": the digits repeat the word.
        if (
            c.is_text("(")
            and (d := c.peek(1)) is not None
            and d.number == number
            and c.is_text(")", k=2)
        ):
            c.pos += 3
        parts = c.sense(Role.PART)
        if parts is not None:
            c.pos += 1
            number, share = _share(c, number, Decimal(parts), lo), True
        else:
            out_of = _out_of(c)
            if out_of is not None:
                number, share = _share(c, number, out_of, lo), True
    elif (s := lx.senses.get(Role.SHARE)) is not None:
        c.pos += 1
        number, share = Decimal(s), True  # type: ignore[arg-type]
    else:
        c.fail("value")
        c.pos = lo
        return None
    unit = None
    u = c.peek()
    if u is not None and Role.UNIT in u.senses and not share:
        # "år 2026" is a year, not a unit.
        following = c.peek(1)
        written = u.senses[Role.UNIT]
        if isinstance(written, UnitWord) and not (
            Role.YEAR_WORD in u.senses and following is not None and following.year_like
        ):
            unit = written
            c.pos += 1
    elif u is not None and share and u.key in ("%", "procent"):
        c.pos += 1  # "hälften %" is odd but harmless
    return Value(number, unit, lo, c.pos - 1, share=share, approx=approx)


def _out_of(c: Cursor) -> Decimal | None:
    """Reads.

    "av tio" / "av 4" after a number: the whole it is a part of.
    """
    if c.sense(Role.OUT_OF) is None:
        return None
    whole = c.peek(1)
    if whole is None:
        return None
    if whole.kind is Kind.NUMBER and whole.number is not None:
        c.pos += 2
        return whole.number
    n = number_word(whole)
    if n is not None:
        c.pos += 2
        return Decimal(n)
    return None


# -- units --------------------------------------------------------------------------------


def resolve_units(
    c: Cursor, values: Sequence[Value], *, implied: Unit | None = None, offsets: bool = False
) -> tuple[Unit | None, dict[int, Decimal]]:
    """The rule's unit, and every value converted into it (keyed by the value's ``lo``).

    The caller's ``unit=`` wins; a unit written in the text must be of the same dimension and
    is converted into it exactly ("16,4 mnkr" with ``unit=Unit.TKR`` is 16 400). Without
    ``unit=``, the written unit is the rule's unit (mixed written units of one dimension
    convert into the smallest). Share words and fractions are percent (or a ratio with
    ``unit=Unit.RATIO``). With *offsets*, percentage points fit a rule in percent.

    Raises:
        ParseError: a unit that contradicts ``unit=``, units of different dimensions, a
            written unit styrmodell has no :class:`~styrmodell.Unit` for (with what to pass).
    """
    hint = c.hints.unit
    written = [v for v in values if v.unit is not None]
    target: Unit | None
    if hint is not None:
        target = hint
        want = UNIT_OF_MEMBER[hint]
        for v in written:
            assert v.unit is not None
            if v.unit.dimension != want.dimension and not (
                offsets and v.unit.dimension == "points" and hint is Unit.PERCENT
            ):
                raise c.error("parse.unit_conflict", v.hi, v.hi, said=v.unit.name, given=hint.name)
        for v in values:
            if v.share and want.dimension not in ("percent", "ratio"):
                raise c.error("parse.unit_conflict", v.lo, v.hi, said="%", given=hint.name)
    elif written:
        dimensions = {v.unit.dimension for v in written if v.unit is not None}
        if len(dimensions) > 1:
            first, second = (
                written[0],
                next(
                    v
                    for v in written
                    if v.unit is not None
                    and written[0].unit is not None
                    and v.unit.dimension != written[0].unit.dimension
                ),
            )
            assert first.unit is not None
            assert second.unit is not None
            raise c.error(
                "parse.unit_mixed",
                second.hi,
                second.hi,
                first=first.unit.name,
                second=second.unit.name,
            )
        members = [v.unit for v in written if v.unit is not None and v.unit.unit is not None]
        if not members:
            v = written[0]
            assert v.unit is not None
            if not _suggestion(v.unit):
                raise c.error(
                    "parse.unit_unknown_only",
                    v.hi,
                    v.hi,
                    said=v.unit.name,
                    proposed=v.unit.proposed,
                )
            raise c.error(
                "parse.unit_unknown",
                v.hi,
                v.hi,
                said=v.unit.name,
                proposed=v.unit.proposed or "",
                suggestion=_suggestion(v.unit),
            )
        smallest = min(members, key=lambda w: w.scale)
        target = smallest.unit
        want = smallest
    elif any(v.share for v in values):
        target, want = Unit.PERCENT, UNIT_OF_MEMBER[Unit.PERCENT]
    else:
        target = implied
        want = UNIT_OF_MEMBER[implied] if implied is not None else UnitWord("", "")
    out: dict[int, Decimal] = {}
    for v in values:
        n = v.number
        if v.unit is not None and v.unit.dimension == want.dimension and v.unit.scale != want.scale:
            try:
                n = plain(_EXACT.divide(_EXACT.multiply(n, v.unit.scale), want.scale))
            except Inexact:
                raise c.error(
                    "parse.unit_inexact", v.lo, v.hi, said=v.unit.name, given=str(target)
                ) from None
        elif v.share and target is Unit.RATIO:
            n = plain(_EXACT.divide(n, Decimal(100)))
        out[v.lo] = n
    return target, out


def _suggestion(word: UnitWord) -> str:
    for member, known in UNIT_OF_MEMBER.items():
        if known.dimension == word.dimension:
            return f"Unit.{member.name}"
    return ""


# -- years, references, bases -------------------------------------------------------------


def year(c: Cursor) -> tuple[int, int] | None:
    """A year: "2026", "år 2026"; returns (year, lexeme index of the number)."""
    k = 1 if c.sense(Role.YEAR_WORD) is not None else 0
    lx = c.peek(k)
    if lx is None or not lx.year_like:
        return None
    assert lx.number is not None
    c.pos += k + 1
    return int(lx.number), c.pos - 1


_NAME_ROLES = frozenset(
    {Role.REFERENCE, Role.DEADLINE, Role.OUT_OF, Role.FILLER, Role.LABEL, Role.MEASURE}
)


def reference(c: Cursor) -> str | None:
    """The name of a reference, or ``None`` (noting ``reference``).

    "riket" (also for "riksgenomsnittet"), "liknande kommuner", "medel i SKL:s öppna
    jämförelser": the words as written unless one word names a known reference.
    """
    lo = c.pos
    last = -1
    lexemes = c.src.lexemes
    i = lo
    while i < c.end:
        lx = lexemes[i]
        if lx.kind is not Kind.WORD or (lx.senses and not set(lx.senses) <= _NAME_ROLES):
            break
        if Role.REFERENCE in lx.senses:
            last = i
        i += 1
    if last < 0:
        c.fail("reference")
        return None
    # The name runs to the last word before punctuation or a rule word.
    end = i
    c.pos = end
    first = lexemes[lo]
    if end - lo == 1 and first.senses.get(Role.REFERENCE):
        return str(first.senses[Role.REFERENCE])
    name = c.src.norm.text[first.start : lexemes[end - 1].end]
    if len(name) > 1 and name[0].isupper() and not name[1].isupper():
        name = name[0].lower() + name[1:]
    return name


class Base(NamedTuple):
    """What a change is compared with: a year, or the previous year (``year=None``)."""

    year: int | None
    lo: int
    hi: int


def base(c: Cursor) -> Base | None:
    """What a change is compared with.

    "föregående år", "2018", "år 2010", "kartläggning år 2008", "2008 års nivå".
    """
    lo = c.pos
    if c.take(Role.EARLIER) is not None:
        return Base(None, lo, c.pos - 1)
    fork = c.fork()
    free_words(fork)
    found = year(fork)
    if found is None:
        c.fail("base", lo)
        return None
    c.pos = fork.pos
    if c.sense(Role.YEARS_OF) is not None and c.sense(Role.LEVEL, 1) is not None:
        c.pos += 2
    return Base(found[0], lo, found[1])


# -- deadlines and time limits -------------------------------------------------------------


class Deadline(NamedTuple):
    """A deadline as written.

    Attributes:
        due: The last day that is in time, or ``None`` for the end of the year assessed.
        written: The date the text names (for "före 31 december": 31 December).
        lo: First lexeme.
        hi: Last lexeme.
    """

    due: dt.date | None
    written: dt.date | None
    lo: int
    hi: int


def _date(c: Cursor, y: int, m: int, d: int, lo: int) -> dt.date:
    try:
        return dt.date(y, m, d)
    except ValueError:
        raise c.error("parse.impossible_date", lo, c.pos - 1) from None


def deadline(c: Cursor, *, bare: bool = False) -> Deadline | None:
    """A deadline.

    "senast 31 december 2019", "under 2019", "inför år 2011", "vid årets slut", "före 1 juli
    2024", "senast juni 2025", "senast 2024-06-30".  With *bare*, a date or year without
    "senast"/"under" is a deadline too. Dates are checked ("senast 31 februari 2019" is an
    error naming the date).
    """
    lo = c.pos
    kind = c.take(Role.DEADLINE)
    if kind is None:
        if c.sense(Role.YEAR_END) is not None or c.sense(Role.DURING_YEAR) is not None:
            kind = "by"
        elif not bare:
            c.fail("deadline")
            return None
        else:
            kind = "by"
    if c.is_text("den"):
        c.pos += 1
    year_of = c.hints.year
    if c.take(Role.YEAR_END) is not None or c.take(Role.DURING_YEAR) is not None:
        due = None if year_of is None else dt.date(year_of, 12, 31)
        return Deadline(due, due, lo, c.pos - 1)
    lx = c.peek()
    if lx is None:
        c.fail("deadline")
        c.pos = lo
        return None
    written: dt.date
    at = c.pos
    if lx.kind is Kind.DATE:
        assert lx.parts is not None
        c.pos += 1
        y, m, d = lx.parts
        written = _date(c, y, m, d, at)
    elif (
        lx.kind is Kind.NUMBER
        and lx.number is not None
        and not lx.year_like
        and c.sense(Role.MONTH, 1) is not None
    ):
        day = int(lx.number) if lx.number == lx.number.to_integral_value() else 0
        month = c.sense(Role.MONTH, 1)
        c.pos += 2
        found = year(c)
        if found is None:
            if year_of is None:
                raise c.error("parse.needs_year", lo, c.pos - 1)
            y = year_of
        else:
            y = found[0]
        written = _date(c, y, month, day, at)
    elif (month := c.sense(Role.MONTH)) is not None:
        c.pos += 1
        found = year(c)
        if found is None:
            if year_of is None:
                raise c.error("parse.needs_year", lo, c.pos - 1)
            y = year_of
        else:
            y = found[0]
        written = dt.date(y, month, calendar.monthrange(y, month)[1])
    else:
        found = year(c)
        if found is None:
            c.fail("deadline")
            c.pos = lo
            return None
        y = found[0]
        if kind in ("before", "before_year"):
            due = dt.date(y - 1, 12, 31)
            return Deadline(due, due, lo, c.pos - 1)
        written = dt.date(y, 12, 31)
    if kind == "before":
        return Deadline(written - dt.timedelta(days=1), written, lo, c.pos - 1)
    return Deadline(written, written, lo, c.pos - 1)


_LIMIT_UNITS = {"months": "months", "days": "days"}


def limit(c: Cursor) -> relativedelta | None:
    """A time limit: "3 månader", "14 dagar", "två veckor", "1 år", "2 månader och 10 dagar"."""
    lo = c.pos
    months = days = 0
    while True:
        start = c.pos
        c.fail("limit")
        v = value(c)
        if v is None or v.unit is None or v.share:
            c.pos = start
            c.fail("limit")
            if start == lo:
                return None
            c.pos = start - 1  # give back the "och"
            break
        n = v.number
        if n != n.to_integral_value() or n <= 0:
            raise c.error("parse.bad_limit", v.lo, v.hi)
        dim = v.unit.dimension
        if dim not in ("months", "days"):
            raise c.error("parse.limit_unit", v.hi, v.hi, said=v.unit.name)
        amount = int(n * v.unit.scale)
        if dim == "months":
            months += amount
        else:
            days += amount
        if c.take(Role.AND) is None:
            break
    return relativedelta(months=months, days=days)


# -- what may follow a rule ----------------------------------------------------------------


class Tail(NamedTuple):
    """What followed a rule: a year it is for, if the text names one."""

    year: int | None = None
    year_at: int = -1
    by: bool = False  # the year came with "senast"/"till": the target holds by then


def tail(c: Cursor, *, by_year: bool = False) -> Tail:
    """Read what may follow a rule, stopping before anything else.

    What is counted ("tv anställda"), a scope ("för samtliga enheter", "inom
    förvaltningen"), a rate ("gång/år", "kr/inv", "per invånare"), a year ("år 2026",
    "(2024)"; with *by_year* also "senast 2027"), notes in parentheses without numbers
    ("(målet kan kompletteras senare av OSN)"), commas between them and a final full stop.
    The caller then expects the end.
    """
    found_year: int | None = None
    year_at = -1
    by = False
    fresh = True  # at the start, or after a comma: where a year may stand alone
    while not c.at_end():
        start = c.pos
        lx = c.peek()
        assert lx is not None
        was_fresh, fresh = fresh, False
        if lx.key == "(":
            inner = c.fork()
            inner.pos += 1
            y = year(inner)
            if y is not None and inner.is_text(")") and found_year is None:
                found_year, year_at = y
                c.pos = inner.pos + 1
                continue
            inner.pos = c.pos + 1
            while free_words(inner) or inner.take_text(",", ";", "/", "."):
                pass
            if inner.is_text(")") and inner.pos > c.pos + 1:
                c.pos = inner.pos + 1
                continue
            inner.fail("note")
            break
        if lx.key in ("/", "per") and c.peek(1) is not None:
            nxt = c.peek(1)
            assert nxt is not None
            if nxt.kind is Kind.WORD:
                c.pos += 2
                continue
            break
        if Role.UNIT in lx.senses and c.is_text("/", "per", k=1):
            c.pos += 1  # "kr/inv": the measure's rate, after a comma
            continue
        if was_fresh and found_year is None and (lx.year_like or Role.YEAR_WORD in lx.senses):
            y = year(c)
            if y is not None:
                found_year, year_at = y
                continue
        if by_year and found_year is None and lx.senses.get(Role.DEADLINE) in ("by", "during"):
            fork = c.fork()
            fork.pos += 1
            y = year(fork)
            if y is not None:
                found_year, year_at = y
                by = lx.senses.get(Role.DEADLINE) == "by"
                c.pos = fork.pos
                continue
        if lx.key in (",", ";", ".") and c.pos + 1 < c.end:
            c.pos += 1
            fresh = True
            continue
        if free_words(c) == 0:
            c.pos = start
            break
    return Tail(found_year, year_at, by)


def direction_of(comparator: str) -> Direction | None:
    """The direction a comparator says: ">" and ">=" higher is better, "<" and "<=" lower."""
    if comparator in (">", ">="):
        return HIGHER
    if comparator in ("<", "<="):
        return LOWER
    return None


def postfix(c: Cursor) -> str | None:
    """A comparator after the number.

    "eller mer", "eller fler", "och uppåt" after a number → ">="; "eller mindre" → "<=".
    """
    if is_postfix(c):
        more = c.sense(Role.MORE_LESS, 1)
        c.pos += 2
        return str(more)
    return None


def is_postfix(c: Cursor) -> bool:
    """Whether "eller mer" / "och uppåt" follows (not "eller mer än 5", not "eller över 60")."""
    if not (c.sense(Role.OR) or c.sense(Role.AND)) or c.sense(Role.MORE_LESS, 1) is None:
        return False
    after = c.peek(2)
    return after is None or not (after.key == "än" or _value_start(c, 2))


def fail_at(c: Cursor, expected: str, at: int) -> None:
    """Note *expected* at lexeme *at*."""
    c.src.note(at, expected)


def never(c: Cursor, code: str, lo: int, hi: int | None = None, **params: object) -> NoReturn:
    """Raise the error *code* at lexemes ``lo..hi``."""
    raise c.error(code, lo, hi, **params)
