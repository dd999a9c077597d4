"""Bands: one interval (or a union of intervals) per status on a number.

The most common målvärde in Swedish plans: "Grönt: mer än 60% Gult: 40-60% Rött: mindre än
40%", "Grönt: upp till 30 Gult: 31-40 Rött: över 40". Every numeric family (target values,
comparisons with a reference or an earlier year, budget deviation) classifies through the
same engine: each presents itself as bands (the registry's ``as_bands``), so they share one
look-up and one lint.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import ModuleType
from typing import Any, Literal, NamedTuple

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._messages import text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F, as_band, as_precision, coerce_band, sort_key
from styrmodell._thresholds._kernel import Kernel, Value, cases_of
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_optional_direction, as_optional_unit

__all__ = [
    "BandTable",
    "Bands",
    "Stretch",
    "band_of",
    "band_values",
    "bands_strategy",
    "check_overlap",
    "describe_bands",
    "difference_bands",
    "explain_number",
    "round_to",
]

_COLOURS = (Status.GREEN, Status.YELLOW, Status.RED)
_WORST_FIRST = (Status.RED, Status.YELLOW, Status.GREEN)
_NEG_INF = Decimal("-Infinity")
_POS_INF = Decimal("Infinity")
_TWO = Decimal(2)
_ONE = Decimal(1)
_ZERO = Decimal(0)

CHAIN_RUNS = 24
"""Tables of at most this many runs are looked up by a generated if/elif chain; longer ones
by bisection (a chain of thousands of branches would be slow to compile and too deep for
Python's compiler). See ``docs/performance.md`` for the measurements behind the choice."""

Engine = Literal["auto", "chain", "bisect"]


def round_to(value: Decimal, precision: Decimal) -> Decimal:
    """*value* rounded half-up to *precision* (how plans report: 2,25 → 2,3).

    Rounded exactly, whatever the caller's decimal context: any number within the limits
    rounds to any precision within them.
    """
    try:
        return value.quantize(precision, rounding=ROUND_HALF_UP, context=EXACT)
    except InvalidOperation:
        if not value.is_finite():
            raise ThresholdError(f"value: expected a finite number, got {value!r}") from None
        raise ThresholdError(
            f"value {value} is too large to round to precision {precision}"
        ) from None


class Stretch(NamedTuple):
    """A stretch of the number line, as the band table cuts it (``None``: unbounded).

    A light stand-in for :class:`Interval` inside the table: its bounds come from validated
    intervals, so building thousands of them costs no checks.
    """

    lower: Decimal | None
    upper: Decimal | None
    lower_closed: bool = False
    upper_closed: bool = False

    def interval(self) -> Interval:
        """The stretch as an :class:`Interval`."""
        return Interval(
            self.lower, self.upper, lower_closed=self.lower_closed, upper_closed=self.upper_closed
        )


Piece = tuple[Stretch, Status | None, Interval | None]
"""A stretch of the line between two neighbouring bounds (or one bound), its status and the
band interval it lies in (``None`` in a gap)."""


class BandTable:
    """The number line cut at every band bound, as runs of one status, with fast look-ups.

    A *run* is a stretch of the line that belongs to one band interval (or to no band: a
    gap). ``find_run(v)`` gives the index of the run holding a finite *v*; ``classify``
    judges many values. Both come in two engines: an if/elif chain generated once per
    shape of rule (the way attrs generates ``__init__``), and bisection over the runs'
    lower ends. The generated source holds only identifiers and operators; every bound and
    status is passed in as an argument, so no text from a user or a file ever reaches
    ``exec``.

    Built in O(n log n) for n intervals, without recursion.
    """

    __slots__ = ("classify", "find_run", "intervals", "pieces", "statuses")

    def __init__(
        self,
        bands: Sequence[tuple[Status, tuple[Interval, ...]]],
        precision: Decimal | None,
        engine: Engine = "auto",
    ) -> None:
        self.pieces: tuple[Piece, ...] = tuple(_pieces(bands))
        # Merge neighbouring pieces of the same band interval (or of the same gap) into runs.
        runs: list[Piece] = []
        for piece, status, iv in self.pieces:
            if runs and runs[-1][1] is status and runs[-1][2] is iv:
                prev = runs[-1][0]
                merged = Stretch(prev.lower, piece.upper, prev.lower_closed, piece.upper_closed)
                runs[-1] = (merged, status, iv)
            else:
                runs.append((piece, status, iv))
        self.statuses: list[Status | None] = [s for _, s, _ in runs]
        self.intervals: list[Interval | None] = [iv for _, _, iv in runs]
        if engine == "auto":
            engine = "chain" if len(runs) <= CHAIN_RUNS else "bisect"
        build = _compile if engine == "chain" else _bisection
        self.find_run, self.classify = build([r for r, _, _ in runs], self.statuses, precision)

    def find(self, v: Decimal) -> tuple[Status | None, Interval | None]:
        """The status and band interval of a finite *v* (``(None, None)`` in a gap)."""
        i = self.find_run(v)
        return self.statuses[i], self.intervals[i]


def _pieces(bands: Sequence[tuple[Status, tuple[Interval, ...]]]) -> Iterable[Piece]:
    """The line cut at every bound, in order, each piece with the band interval holding it.

    The bands do not overlap, so their intervals sorted by start are also sorted by end:
    one pointer walks them along with the pieces (O(n log n) for the sort, linear after).
    """
    owned = sorted(((iv, s) for s, ivs in bands for iv in ivs), key=lambda p: sort_key(p[0]))
    bounds = sorted({b for iv, _ in owned for b in (iv.lower, iv.upper) if b is not None})
    j = 0

    def owner(x: Decimal) -> tuple[Status | None, Interval | None]:
        nonlocal j
        while j < len(owned):
            iv = owned[j][0]
            if iv.upper is not None and (iv.upper < x or (iv.upper == x and not iv.upper_closed)):
                j += 1  # wholly below x, so below every later piece too
                continue
            if iv._contains(x):
                return owned[j][1], iv
            return None, None
        return None, None

    edges: list[Decimal | None] = [None, *bounds, None]
    for i in range(1, len(edges)):
        lo, hi = edges[i - 1], edges[i]
        yield (Stretch(lo, hi), *owner(_inside(lo, hi)))
        if hi is not None:
            yield (Stretch(hi, hi, True, True), *owner(hi))


def _inside(lo: Decimal | None, hi: Decimal | None) -> Decimal:
    """A value strictly between *lo* and *hi* (unbounded when ``None``), computed exactly."""
    if lo is not None and hi is not None:
        return EXACT.divide(EXACT.add(lo, hi), _TWO)
    if lo is not None:
        return EXACT.add(lo, _ONE)
    if hi is not None:
        return EXACT.subtract(hi, _ONE)
    return _ZERO


def _compile(
    runs: list[Stretch], statuses: list[Status | None], precision: Decimal | None
) -> tuple[Callable[[Decimal], int], Callable[[Iterable[Any]], list[Status]]]:
    """Generate ``find_run(v) -> index`` and ``classify(values) -> statuses`` as a chain.

    ``find_run`` takes a finite Decimal already rounded; ``classify`` coerces and rounds to
    *precision* itself.
    """
    names: dict[str, Any] = {
        "_D": Decimal,
        "_coerce": to_decimal,
        "_round": round_to,
        "_INF": _POS_INF,
        "_NINF": _NEG_INF,
        "_bad": _not_finite,
        "_precision": precision,
    }
    find_lines = ["def find_run(v):"]
    cls_lines = [
        "def classify(values):",
        "    out = []",
        "    append = out.append",
        "    for v in values:",
        "        if type(v) is not _D:",
        "            v = _coerce(v)",
    ]
    if precision is not None:
        cls_lines.append("        v = _round(v, _precision)")
    last = len(runs) - 1
    for k in range(last, -1, -1):  # from the top of the line down
        run = runs[k]
        status = statuses[k]
        names[f"_s{k}"] = Status.NOT_ASSESSED if status is None else status
        if k == 0:
            head = "else:" if last else "if True:"
        else:
            names[f"_c{k}"] = run.lower
            op = ">=" if run.lower_closed else ">"
            head = f"{'if' if k == last else 'elif'} v {op} _c{k}:"
        guards = []
        if k == last:
            guards.append("v == _INF")
        if k == 0:
            guards.append("v == _NINF")
        guard = f"if {' or '.join(guards)}: _bad(v)" if guards else None
        find_lines.append(f"    {head}")
        cls_lines.append(f"        {head}")
        if guard:
            find_lines.append(f"        {guard}")
            cls_lines.append(f"            {guard}")
        find_lines.append(f"        return {k}")
        cls_lines.append(f"            append(_s{k})")
    cls_lines.append("    return out")
    # A factory whose parameters become the closures' cells: fast look-ups, no globals.
    body = [f"    {line}" for line in (*find_lines, *cls_lines)]
    source = "\n".join([f"def _make({', '.join(names)}):", *body, "    return find_run, classify"])
    find_run, classify = _factory(source)(**names)
    return find_run, classify


@functools.lru_cache(maxsize=256)
def _factory(source: str) -> Callable[..., Any]:
    """Compile a table factory once per shape of rule (the bounds are its arguments)."""
    scope: dict[str, Any] = {}
    exec(compile(source, "<styrmodell band table>", "exec"), scope)
    factory: Callable[..., Any] = scope["_make"]
    return factory


def _bisection(
    runs: list[Stretch], statuses: list[Status | None], precision: Decimal | None
) -> tuple[Callable[[Decimal], int], Callable[[Iterable[Any]], list[Status]]]:
    """``find_run`` and ``classify`` by bisection over the runs' lower ends.

    ``bisect_right`` counts the runs starting at or below *v*; a run whose lower end is
    open does not hold its own lower end, which then belongs to the run before.
    """
    # Every run after the first has a finite lower end (only the first starts at -inf).
    lowers: list[Decimal] = [r.lower for r in runs[1:] if r.lower is not None]
    opens = [not r.lower_closed for r in runs[1:]]
    shown = [Status.NOT_ASSESSED if s is None else s for s in statuses]
    last = len(runs) - 1
    right = bisect.bisect_right

    def find_run(v: Decimal) -> int:
        i = right(lowers, v)
        if i and opens[i - 1] and lowers[i - 1] == v:
            return i - 1
        if (i == last and v == _POS_INF) or (i == 0 and v == _NEG_INF):
            _not_finite(v)
        return i

    def classify(values: Iterable[Any]) -> list[Status]:
        out: list[Status] = []
        append = out.append
        for v in values:
            if type(v) is not Decimal:
                v = to_decimal(v)
            if precision is not None:
                v = round_to(v, precision)
            i = right(lowers, v)
            if i and opens[i - 1] and lowers[i - 1] == v:
                i -= 1
            elif (i == last and v == _POS_INF) or (i == 0 and v == _NEG_INF):
                _not_finite(v)
            append(shown[i])
        return out

    return find_run, classify


@functools.lru_cache(maxsize=4096)
def band_table(
    bands: tuple[tuple[Status, tuple[Interval, ...]], ...], precision: Decimal | None
) -> BandTable:
    """The table for *bands*, shared by every threshold with equal bands (tables never change)."""
    return BandTable(bands, precision)


def _not_finite(v: Decimal) -> None:
    raise ThresholdError(f"value: expected a finite number, got {v!r}")


def band_of(status: Status) -> str:
    """The field name of a colour's band: ``"green"``, ``"yellow"`` or ``"red"``."""
    return status.name.lower()


def check_overlap(bands: Sequence[tuple[Status, tuple[Interval, ...]]], owner: str) -> None:
    """Raise for the first two intervals of different bands that share a value.

    Sorted by their start, intervals that overlap anything overlap the one reaching furthest
    so far: one sweep, O(n log n).
    """
    order = {s: k for k, s in enumerate(_COLOURS)}
    owned = sorted(((iv, s) for s, ivs in bands for iv in ivs), key=lambda p: sort_key(p[0]))
    reach: tuple[Interval, Status] | None = None
    for iv, status in owned:
        if reach is not None:
            shared = reach[0].intersection(iv)
            if shared is not None:
                (s1, a), (s2, b) = sorted(
                    [(reach[1], reach[0]), (status, iv)], key=lambda p: order[p[0]]
                )
                raise ThresholdError(
                    f"{owner}: {band_of(s1)} {a} and {band_of(s2)} {b} overlap: "
                    f"both contain {shared.sample()}"
                )
        if reach is None or _ends_later(iv, reach[0]):
            reach = (iv, status)


def _ends_later(a: Interval, b: Interval) -> bool:
    if b.upper is None:
        return False
    if a.upper is None:
        return True
    return a.upper > b.upper or (a.upper == b.upper and a.upper_closed and not b.upper_closed)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Bands:
    r"""Green, yellow and red as intervals on the value ("Grönt: mer än 60% Gult: 40-60% …").

    Each status takes an :class:`Interval`, interval notation, a sequence of them (a union,
    e.g. red on both sides of a ± deviation) or ``None``. Bands may not overlap; they may
    leave gaps, which :func:`~styrmodell.lint` reports and where a value is assessed as
    ``NOT_ASSESSED`` with reason ``Reason.GAP``.

    Attributes:
        green: The band for grönt.
        yellow: The band for gult, or ``None`` for a two-level rule.
        red: The band for rött.
        unit: The unit of the value, for text ("60 %"); ``None`` for a plain number.
        direction: Which way is better, if the rule is monotone; lint checks the bands
            follow it. ``None`` also allows a rule that is best in the middle (a deviation).
        precision: The precision values are reported at (a power of ten: 1, 0.1, 0.01).
            A value is rounded half-up to it before matching: this is how "under 2,2 % /
            2,3–2,9 %" closes its gap.

    Raises:
        ThresholdError: for overlapping bands (naming both and a shared value), for no band
            at all, or for a precision that is not a power of ten.

    Examples:
        >>> from styrmodell import Bands, Status, Unit, describe
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit="percent")
        >>> rule.assess(61).status
        <Status.GREEN: 'green'>
        >>> rule.classify([61, 50, 12])
        [<Status.GREEN: 'green'>, <Status.YELLOW: 'yellow'>, <Status.RED: 'red'>]
        >>> describe(rule)
        'Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%'
    """

    green: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    yellow: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    red: tuple[Interval, ...] = attrs.field(default=None, converter=as_band)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)
    direction: Direction | None = attrs.field(default=None, converter=as_optional_direction)
    precision: Decimal | None = attrs.field(default=None, converter=as_precision)

    def __attrs_post_init__(self) -> None:
        bands = self.bands()
        if not bands:
            raise ThresholdError("Bands: at least one of green, yellow and red must be given")
        check_overlap(bands, "Bands")

    @functools.cached_property
    def _table(self) -> BandTable:
        return band_table(tuple(self.bands()), self.precision)

    # -- named constructors ------------------------------------------------------------

    @classmethod
    def higher_is_better(
        cls,
        green: object,
        yellow: object = None,
        *,
        unit: Unit | str | None = None,
        precision: object = None,
    ) -> Bands:
        """Green from *green* up, yellow from *yellow* up to green, red below: no gaps.

        Examples:
            >>> str(Bands.higher_is_better(50, 40).yellow[0])
            '[40, 50)'
        """
        g = to_decimal(green, what="Bands.higher_is_better green")
        # Passed on as given: the fields' converters read them (and name them in errors).
        given: dict[str, Any] = {"unit": unit, "precision": precision}
        if yellow is None:
            return cls(
                green=(Interval.at_least(g),),
                red=(Interval.below(g),),
                direction=Direction.HIGHER_IS_BETTER,
                **given,
            )
        y = to_decimal(yellow, what="Bands.higher_is_better yellow")
        if y >= g:
            raise ThresholdError(f"Bands.higher_is_better: yellow {y} must be below green {g}")
        return cls(
            green=(Interval.at_least(g),),
            yellow=(Interval(y, g, lower_closed=True),),
            red=(Interval.below(y),),
            direction=Direction.HIGHER_IS_BETTER,
            **given,
        )

    @classmethod
    def lower_is_better(
        cls,
        green: object,
        yellow: object = None,
        *,
        unit: Unit | str | None = None,
        precision: object = None,
    ) -> Bands:
        """Green up to *green*, yellow up to *yellow*, red above: no gaps.

        Examples:
            >>> from styrmodell import describe
            >>> describe(Bands.lower_is_better(30, 40))
            'Grönt: högst 30, Gult: mer än 30 och högst 40, Rött: mer än 40'
        """
        g = to_decimal(green, what="Bands.lower_is_better green")
        given: dict[str, Any] = {"unit": unit, "precision": precision}
        if yellow is None:
            return cls(
                green=(Interval.at_most(g),),
                red=(Interval.above(g),),
                direction=Direction.LOWER_IS_BETTER,
                **given,
            )
        y = to_decimal(yellow, what="Bands.lower_is_better yellow")
        if y <= g:
            raise ThresholdError(f"Bands.lower_is_better: yellow {y} must be above green {g}")
        return cls(
            green=(Interval.at_most(g),),
            yellow=(Interval(g, y, upper_closed=True),),
            red=(Interval.above(y),),
            direction=Direction.LOWER_IS_BETTER,
            **given,
        )

    @classmethod
    def plus_minus(
        cls,
        green: object,
        yellow: object = None,
        red: object = None,
        *,
        center: object = 0,
        unit: Unit | str | None = None,
        precision: object = None,
    ) -> Bands:
        """A rule symmetric about *center* ("plus/minus 0,5–2 %"), given for the plus side.

        Each band is given for values at or above *center*; the mirror image below
        *center* is added. A band containing *center* is mirrored into one interval.

        Examples:
            >>> rule = Bands.plus_minus("[0, 0.5]", "(0.5, 2]", "(2, inf)")
            >>> [str(i) for i in rule.red]
            ['(-inf, -2)', '(2, inf)']
        """
        c = to_decimal(center, what="Bands.plus_minus center")
        twice = EXACT.multiply(c, _TWO)

        def mirror(value: object, name: str) -> tuple[Interval, ...]:
            out: list[Interval] = []
            for iv in coerce_band(value, name=f"Bands.plus_minus {name}"):
                if iv.lower is None or iv.lower < c:
                    raise ThresholdError(
                        f"Bands.plus_minus {name}: {iv} reaches below the center {c}; "
                        "give only the plus side"
                    )
                lo = EXACT.subtract(twice, iv.upper) if iv.upper is not None else None
                hi = EXACT.subtract(twice, iv.lower)
                if iv.lower == c and iv.lower_closed:
                    out.append(
                        Interval(
                            lo, iv.upper, lower_closed=iv.upper_closed, upper_closed=iv.upper_closed
                        )
                    )
                else:
                    out.append(
                        Interval(lo, hi, lower_closed=iv.upper_closed, upper_closed=iv.lower_closed)
                    )
                    out.append(iv)
            return tuple(out)

        given: dict[str, Any] = {"unit": unit, "precision": precision}
        return cls(
            green=mirror(green, "green"),
            yellow=mirror(yellow, "yellow"),
            red=mirror(red, "red"),
            **given,
        )

    # -- behaviour ---------------------------------------------------------------------

    def bands(self) -> list[tuple[Status, tuple[Interval, ...]]]:
        """The non-empty bands as (status, intervals), green first."""
        return [
            (s, ivs)
            for s, ivs in zip(_COLOURS, (self.green, self.yellow, self.red), strict=True)
            if ivs
        ]

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """The status of *value*: the band it falls in after rounding to ``precision``.

        ``None`` gives ``NOT_ASSESSED`` (``Reason.NO_VALUE``), a value in a gap
        ``NOT_ASSESSED`` (``Reason.GAP``). *context* is not needed by bands.

        Raises:
            ThresholdError: for NaN, infinities, booleans and non-numbers.
        """
        if context is not None:
            context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = value if type(value) is Decimal and value.is_finite() else to_decimal(value)
        measured = v if self.precision is None else round_to(v, self.precision)
        table = self._table
        i = table.find_run(measured)
        status = table.statuses[i]
        if status is None:
            return Assessment(Status.NOT_ASSESSED, v, self, Reason.GAP, measured)
        return Assessment(status, v, self, Reason.BAND, measured, None, table.intervals[i])

    def classify(self, values: Iterable[Any]) -> list[Status]:
        """The status of each value, fast, for bulk use (a value in a gap: NOT_ASSESSED).

        Raises:
            ThresholdError: for ``None``, NaN, infinities and non-numbers.
        """
        try:
            return self._table.classify(values)
        except (InvalidOperation, TypeError):
            # NaN (or an unorderable object) stopped the look-up: find it and say which.
            for v in values:
                to_decimal(v)
            raise  # pragma: no cover - to_decimal raised above for the offending value


def describe_bands(rule: Bands, locale: str) -> str:
    """The rule in plan language: "Grönt: mer än 60 %, Gult: 40–60 %, Rött: mindre än 40 %"."""
    said = _text.rule_text(
        ((s, _text.band_text(ivs, rule.unit, locale)) for s, ivs in rule.bands()), locale
    )
    if rule.precision is not None:
        said = text("bands.describe.precision", locale, rule=said, precision=rule.precision)
    return said


def explain_bands(a: Assessment, locale: str) -> str:
    """Why, in words: "61 % är mer än 60 % → Grönt"; gaps and missing values say so."""
    rule: Bands = a.threshold  # type: ignore[assignment]
    return explain_number(a, rule.unit, rule.precision, locale)


def explain_number(
    a: Assessment,
    unit: Unit | None,
    precision: Decimal | None,
    locale: str,
    *,
    shown: str | None = None,
) -> str:
    """The explanation of a number matched against a band (shared by the numeric families).

    *shown* replaces the value as the sentence's subject (a deviation says what it is a
    deviation of).
    """
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if shown is None:
        shown = _text.number(a.value, unit, locale)
        if precision is not None and a.measured is not None and a.measured != a.value:
            rounded = _text.number(a.measured, unit, locale, places=_text.places_of(precision))
            shown = text("bands.explain.rounded", locale, value=shown, rounded=rounded)
    if a.reason is Reason.GAP or a.interval is None:
        return text("bands.explain.gap", locale, value=shown, status=status)
    band_said = _text.interval_text(a.interval, unit, locale, predicate=True)
    return text("bands.explain.band", locale, value=shown, band=band_said, status=status)


def difference_bands(
    direction: Direction | None, tolerance: Decimal, middle: Status, *, yellow: bool = True
) -> Bands:
    """Bands on ``value − comparison``: better beyond *tolerance*, *middle* within it, else worse.

    Shared by :class:`CompareToReference` and :class:`YearOverYear`: "bättre än / som /
    sämre än riket", "förbättrat / oförändrat / försämrat". With ``yellow=False`` the
    tolerance zone counts as green (a two-level "minst i nivå med" rule). Without a
    direction the level itself is the goal: green within the tolerance, red beyond it on
    either side ("Oförändrat", "Samma nivå som 2009").
    """
    t = tolerance
    minus_t = t.copy_negate() if t else t  # exact, and never "-0"
    if direction is None:
        return Bands(
            green=(Interval.closed(minus_t, t),),
            red=(Interval.below(minus_t), Interval.above(t)),
        )
    higher = direction is Direction.HIGHER_IS_BETTER
    better = Interval.above(t) if higher else Interval.below(minus_t)
    worse = Interval.below(minus_t) if higher else Interval.above(t)
    same = Interval.closed(minus_t, t)
    if not yellow:
        middle = Status.GREEN
    bands: dict[Status, list[Interval]] = {Status.GREEN: [better], Status.RED: [worse]}
    bands.setdefault(middle, []).append(same)
    return Bands(
        green=tuple(bands.get(Status.GREEN, ())),
        yellow=tuple(bands.get(Status.YELLOW, ())),
        red=tuple(bands.get(Status.RED, ())),
        direction=direction,
    )


# -- strategies (hypothesis is passed in as st; this module never imports it) ---------------


def bands_strategy(
    st: ModuleType,
    *,
    unit: Unit | None = None,
    direction: Direction | bool | None = False,
    gaps: bool = False,
    precision: Decimal | bool | None = False,
) -> Any:
    """Valid :class:`Bands`, built by cutting the line at sorted points.

    Args:
        st: ``hypothesis.strategies``.
        unit: The unit of the bands.
        direction: A direction the statuses follow (as ``Bands.direction`` declares), ``None``
            for no declared direction (statuses in any order), or ``False`` to draw either.
        gaps: Whether pieces of the line may be left without a colour.
        precision: A precision to declare, ``None`` for none, ``False`` to draw either.
    """

    @st.composite  # type: ignore[untyped-decorator]
    def draw_bands(draw: Callable[[Any], Any]) -> Bands:
        chosen = direction
        if chosen is False:
            chosen = draw(st.sampled_from([None, *Direction]))
        declared = precision
        if declared is False:
            declared = draw(st.sampled_from([None, Decimal(1), Decimal("0.1")]))
        points = st.sets(
            _draw.decimals(st, min_value=-200, max_value=200, places=1), min_size=1, max_size=4
        )
        cuts = sorted(draw(points))
        # Pieces along the line: segment, cut, segment, cut, ..., segment.
        n = 2 * len(cuts) + 1
        statuses: list[Status | None]
        if isinstance(chosen, Direction):
            ranks = sorted(draw(st.lists(st.integers(0, 2), min_size=n, max_size=n)))
            if chosen is Direction.LOWER_IS_BETTER:
                ranks.reverse()
            statuses = [_WORST_FIRST[r] for r in ranks]
        else:
            statuses = draw(st.lists(st.sampled_from(_WORST_FIRST), min_size=n, max_size=n))
        if gaps:
            holes = draw(st.lists(st.booleans(), min_size=n, max_size=n))
            statuses = [None if h else s for s, h in zip(statuses, holes, strict=True)]
        if all(s is None for s in statuses):
            statuses[0] = Status.RED
        by_status: dict[Status, list[Interval]] = {}
        i = 0
        while i < n:
            status = statuses[i]
            j = i
            while j + 1 < n and statuses[j + 1] is status:
                j += 1
            if status is not None:
                by_status.setdefault(status, []).append(_piece_span(cuts, i, j))
            i = j + 1
        return Bands(
            green=tuple(by_status.get(Status.GREEN, ())),
            yellow=tuple(by_status.get(Status.YELLOW, ())),
            red=tuple(by_status.get(Status.RED, ())),
            unit=unit,
            direction=chosen if isinstance(chosen, Direction) else None,
            precision=declared if isinstance(declared, Decimal) else None,
        )

    return draw_bands()


def _piece_span(cuts: list[Decimal], first: int, last: int) -> Interval:
    """The interval covering pieces first..last (even index: segment, odd index: a cut)."""

    def start(k: int) -> tuple[Decimal | None, bool]:
        if k % 2:
            return cuts[k // 2], True
        return (cuts[k // 2 - 1] if k else None), False

    def end(k: int) -> tuple[Decimal | None, bool]:
        if k % 2:
            return cuts[k // 2], True
        return (cuts[k // 2] if k // 2 < len(cuts) else None), False

    lo, lo_closed = start(first)
    hi, hi_closed = end(last)
    return Interval(lo, hi, lower_closed=lo_closed, upper_closed=hi_closed)


def band_values(st: ModuleType, rule: Bands) -> Any:
    """Numbers to assess with *rule*: on and around its bounds, and anywhere in ±300."""
    bounds = sorted(
        {b for _, ivs in rule.bands() for iv in ivs for b in (iv.lower, iv.upper) if b is not None}
    )
    return _draw.near(st, bounds)


BANDS = register(
    Family(
        type=Bands,
        tag="bands",
        describe=describe_bands,
        explain=explain_bands,
        strategy=bands_strategy,
        values=band_values,
        as_bands=lambda rule: rule,
        kernel=lambda rule, context: Kernel(
            measure=Value(), cases=cases_of(rule), precision=rule.precision
        ),
    )
)
