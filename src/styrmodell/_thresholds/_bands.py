"""Bands: one interval (or a union of intervals) per status on a number.

The most common målvärde in Swedish plans: "Grönt: mer än 60% Gult: 40-60% Rött: mindre än
40%", "Grönt: upp till 30 Gult: 31-40 Rött: över 40". Every numeric family (target values,
comparisons with a reference or an earlier year, budget deviation) classifies through the
same engine, so they share one lookup and one lint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._locale import language
from styrmodell._numbers import optional_decimal, to_decimal
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import (
    band_green,
    band_red,
    band_yellow,
    coerce_band,
    optional_direction,
    unit_or_none,
)
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit

__all__ = ["BandTable", "Bands", "band_of", "difference_bands", "explain_number", "precision_of"]

_COLOURS = (Status.GREEN, Status.YELLOW, Status.RED)
_NEG_INF = Decimal("-Infinity")
_POS_INF = Decimal("Infinity")


def precision_of(value: object) -> Decimal | None:
    """Validate a reporting precision: a power of ten such as 1, 0.1 or 0.01, or ``None``."""
    p = optional_decimal(value, what="precision")
    if p is None:
        return None
    if p <= 0 or p.normalize().as_tuple().digits != (1,):
        raise ThresholdError(f"precision: expected a power of ten such as 1 or 0.1, got {value!r}")
    return Decimal(1).scaleb(p.adjusted())


def round_to(value: Decimal, precision: Decimal) -> Decimal:
    """*value* rounded half-up to *precision* (how plans report: 2,25 → 2,3)."""
    try:
        return value.quantize(precision, rounding=ROUND_HALF_UP)
    except InvalidOperation:
        if not value.is_finite():
            raise ThresholdError(f"value: expected a finite number, got {value!r}") from None
        raise ThresholdError(
            f"value {value} is too large to round to precision {precision}"
        ) from None


class BandTable:
    """The number line cut at every band bound, as runs of one status, with fast look-ups.

    A *run* is a stretch of the line that belongs to one band interval (or to no band: a
    gap). ``find`` and ``classify`` are if/elif chains over the runs, generated once per
    threshold from the validated Decimal bounds, the way attrs generates ``__init__``: a
    look-up then costs what a hand-written chain costs. The generated source holds only
    identifiers and operators; every bound and status is passed in as a default argument,
    so no text from a user or a file ever reaches ``exec``.
    """

    __slots__ = ("classify", "find_run", "intervals", "pieces", "statuses")

    def __init__(
        self, bands: Sequence[tuple[Status, tuple[Interval, ...]]], precision: Decimal | None
    ) -> None:
        bounds = sorted(
            {b for _, ivs in bands for iv in ivs for b in (iv.lower, iv.upper) if b is not None}
        )
        # Consecutive pieces: open segment, cut point, open segment, ..., open segment.
        pieces: list[tuple[Interval, Status | None, Interval | None]] = []
        edges: list[Decimal | None] = [None, *bounds, None]
        for i in range(1, len(edges)):
            lo, hi = edges[i - 1], edges[i]
            segment = Interval(lo, hi)
            status, iv = _lookup(bands, segment.sample())
            pieces.append((segment, status, iv))
            if hi is not None:
                status, iv = _lookup(bands, hi)
                pieces.append((Interval.point(hi), status, iv))
        self.pieces: list[tuple[Interval, Status | None]] = [(pc, s) for pc, s, _ in pieces]
        # Merge neighbouring pieces of the same band interval (or of the same gap) into runs.
        runs: list[tuple[Interval, Status | None, Interval | None]] = []
        for piece, status, iv in pieces:
            if runs and runs[-1][1] is status and runs[-1][2] == iv:
                prev = runs[-1][0]
                merged = Interval(
                    prev.lower,
                    piece.upper,
                    lower_closed=prev.lower_closed,
                    upper_closed=piece.upper_closed,
                )
                runs[-1] = (merged, status, iv)
            else:
                runs.append((piece, status, iv))
        self.statuses: list[Status | None] = [s for _, s, _ in runs]
        self.intervals: list[Interval | None] = [iv for _, _, iv in runs]
        self.find_run, self.classify = _compile([r for r, _, _ in runs], self.statuses, precision)

    def find(self, v: Decimal) -> tuple[Status | None, Interval | None]:
        """The status and band interval of a finite *v* (``(None, None)`` in a gap)."""
        i = self.find_run(v)
        return self.statuses[i], self.intervals[i]


def _compile(
    runs: list[Interval], statuses: list[Status | None], precision: Decimal | None
) -> tuple[Callable[[Decimal], int], Callable[[Iterable[Any]], list[Status]]]:
    """Generate ``find_run(v) -> index`` and ``classify(values) -> statuses``.

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


@functools.lru_cache(maxsize=4096)
def band_table(
    bands: tuple[tuple[Status, tuple[Interval, ...]], ...], precision: Decimal | None
) -> BandTable:
    """The table for *bands*, shared by every threshold with equal bands (tables never change)."""
    return BandTable(bands, precision)


def _not_finite(v: Decimal) -> None:
    raise ThresholdError(f"value: expected a finite number, got {v!r}")


def _lookup(
    bands: Sequence[tuple[Status, tuple[Interval, ...]]], v: Decimal
) -> tuple[Status | None, Interval | None]:
    for status, ivs in bands:
        for iv in ivs:
            if iv._contains(v):
                return status, iv
    return None, None


def band_of(status: Status) -> str:
    """The field name of a colour's band: ``"green"``, ``"yellow"`` or ``"red"``."""
    return status.name.lower()


@attrs.frozen(kw_only=True)
class Bands:
    r"""Green, yellow and red as intervals on the value ("Grönt: mer än 60% Gult: 40-60% …").

    Each status takes an :class:`Interval`, interval notation, a sequence of them (a union,
    e.g. red on both sides of a ± deviation) or ``None``. Bands may not overlap; they may
    leave gaps, which :func:`~styrmodell.lint` reports and where a value is assessed as
    ``NOT_ASSESSED`` with reason ``"gap"``.

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
        >>> from styrmodell import Bands, Status, Unit
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
        >>> rule.assess(61).status
        <Status.GREEN: 'green'>
        >>> rule.classify([61, 50, 12])
        [<Status.GREEN: 'green'>, <Status.YELLOW: 'yellow'>, <Status.RED: 'red'>]
        >>> rule.describe()
        'Grönt: mer än 60\xa0%, Gult: 40–60\xa0%, Rött: mindre än 40\xa0%'
    """

    green: tuple[Interval, ...] = attrs.field(default=None, converter=band_green)
    yellow: tuple[Interval, ...] = attrs.field(default=None, converter=band_yellow)
    red: tuple[Interval, ...] = attrs.field(default=None, converter=band_red)
    unit: Unit | None = attrs.field(default=None, converter=unit_or_none)
    direction: Direction | None = attrs.field(default=None, converter=optional_direction)
    precision: Decimal | None = attrs.field(default=None, converter=precision_of)
    _table: BandTable = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        bands = self.bands()
        if not bands:
            raise ThresholdError("Bands: at least one of green, yellow and red must be given")
        for i, (s1, ivs1) in enumerate(bands):
            for s2, ivs2 in bands[i + 1 :]:
                for a in ivs1:
                    for b in ivs2:
                        shared = a.intersection(b)
                        if shared is not None:
                            raise ThresholdError(
                                f"Bands: {band_of(s1)} {a} and {band_of(s2)} {b} overlap: "
                                f"both contain {shared.sample()}"
                            )
        object.__setattr__(self, "_table", band_table(tuple(bands), self.precision))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy the init fields only and rebuild the table: the table is derived
        # data whose sentinels (or generated functions) must not be copied.
        fields = attrs.asdict(self, recurse=False, filter=lambda a, _: a.init)
        return (_rebuild_bands, (fields,))

    # -- named constructors ------------------------------------------------------------

    @classmethod
    def higher_is_better(
        cls,
        green: object,
        yellow: object = None,
        *,
        unit: Unit | None = None,
        precision: object = None,
    ) -> Bands:
        """Green from *green* up, yellow from *yellow* up to green, red below: no gaps.

        Examples:
            >>> str(Bands.higher_is_better(50, 40).yellow[0])
            '[40, 50)'
        """
        g = to_decimal(green, what="Bands.higher_is_better green")
        if yellow is None:
            return cls(
                green=Interval.at_least(g),
                red=Interval.below(g),
                unit=unit,
                direction=Direction.HIGHER_IS_BETTER,
                precision=precision,
            )
        y = to_decimal(yellow, what="Bands.higher_is_better yellow")
        if y >= g:
            raise ThresholdError(f"Bands.higher_is_better: yellow {y} must be below green {g}")
        return cls(
            green=Interval.at_least(g),
            yellow=Interval(y, g, lower_closed=True),
            red=Interval.below(y),
            unit=unit,
            direction=Direction.HIGHER_IS_BETTER,
            precision=precision,
        )

    @classmethod
    def lower_is_better(
        cls,
        green: object,
        yellow: object = None,
        *,
        unit: Unit | None = None,
        precision: object = None,
    ) -> Bands:
        """Green up to *green*, yellow up to *yellow*, red above: no gaps.

        Examples:
            >>> Bands.lower_is_better(30, 40).describe()
            'Grönt: högst 30, Gult: mer än 30 och högst 40, Rött: mer än 40'
        """
        g = to_decimal(green, what="Bands.lower_is_better green")
        if yellow is None:
            return cls(
                green=Interval.at_most(g),
                red=Interval.above(g),
                unit=unit,
                direction=Direction.LOWER_IS_BETTER,
                precision=precision,
            )
        y = to_decimal(yellow, what="Bands.lower_is_better yellow")
        if y <= g:
            raise ThresholdError(f"Bands.lower_is_better: yellow {y} must be above green {g}")
        return cls(
            green=Interval.at_most(g),
            yellow=Interval(g, y, upper_closed=True),
            red=Interval.above(y),
            unit=unit,
            direction=Direction.LOWER_IS_BETTER,
            precision=precision,
        )

    @classmethod
    def plus_minus(
        cls,
        green: object,
        yellow: object = None,
        red: object = None,
        *,
        center: object = 0,
        unit: Unit | None = None,
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

        def mirror(value: object, name: str) -> tuple[Interval, ...]:
            out: list[Interval] = []
            for iv in coerce_band(value, name=f"Bands.plus_minus {name}"):
                if iv.lower is None or iv.lower < c:
                    raise ThresholdError(
                        f"Bands.plus_minus {name}: {iv} reaches below the center {c}; "
                        "give only the plus side"
                    )
                lo = 2 * c - iv.upper if iv.upper is not None else None
                hi = 2 * c - iv.lower
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

        return cls(
            green=mirror(green, "green"),
            yellow=mirror(yellow, "yellow"),
            red=mirror(red, "red"),
            unit=unit,
            precision=precision,
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

        ``None`` gives ``NOT_ASSESSED`` (reason ``"no_value"``), a value in a gap
        ``NOT_ASSESSED`` (reason ``"gap"``). *context* is not needed by bands.

        Raises:
            ThresholdError: for NaN, infinities, booleans and non-numbers.
        """
        if context is not None:
            context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        v = value if type(value) is Decimal and value.is_finite() else to_decimal(value)
        measured = v if self.precision is None else round_to(v, self.precision)
        table = self._table
        i = table.find_run(measured)
        status = table.statuses[i]
        if status is None:
            return Assessment(Status.NOT_ASSESSED, v, self, "gap", measured)
        return Assessment(status, v, self, "band", measured, None, table.intervals[i])

    def classify(self, values: Iterable[Any]) -> list[Status]:
        """The status of each value, fast, for bulk use (a value in a gap: NOT_ASSESSED).

        Raises:
            ThresholdError: for ``None``, NaN, infinities and non-numbers.
        """
        try:
            return self._table.classify(values)
        except (InvalidOperation, TypeError):
            # NaN (or an unorderable object) stopped the chain: find it and say which.
            for v in values:
                to_decimal(v)
            raise  # pragma: no cover - to_decimal raised above for the offending value

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language: "Grönt: mer än 60 %, Gult: 40–60 %, Rött: mindre än 40 %"."""
        text = _text.rule_text(
            ((s, _text.band_text(ivs, self.unit, locale)) for s, ivs in self.bands()), locale
        )
        if self.precision is not None:
            text += f" ({_text.precision_text(self.precision, locale)})"
        return text

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words: "61 % är mer än 60 % → Grönt"; gaps and missing values say so."""
        return explain_number(assessment, self.unit, self.precision, locale)


def _rebuild_bands(fields: dict[str, Any]) -> Bands:
    """Rebuild a :class:`Bands` from its fields (unpickling, copying)."""
    return Bands(**fields)


def explain_number(a: Assessment, unit: Unit | None, precision: Decimal | None, locale: str) -> str:
    """The explanation of a number matched against a band (shared by the numeric families)."""
    sv = language(locale) == "sv"
    if a.reason == "no_value":
        return _text.verdict("Inget utfall" if sv else "No outcome", a.status, locale)
    shown = _text.number(a.value, unit, locale)
    if precision is not None and a.measured is not None and a.measured != a.value:
        rounded = _text.number(a.measured, unit, locale, places=_text.places_of(precision))
        shown += f" ({_text.words(locale)['rounded']} {rounded})"
    if a.reason == "gap":
        text = (
            f"{shown} faller mellan målvärdets intervall"
            if sv
            else f"{shown} falls between the target's bands"
        )
        return _text.verdict(text, a.status, locale)
    assert a.interval is not None, "a matched band always has its interval"
    pred = _text.interval_text(a.interval, unit, locale, predicate=True)
    return _text.verdict(f"{shown} {_text.words(locale)['is']} {pred}", a.status, locale)


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
    if direction is None:
        return Bands(green=Interval.closed(-t, t), red=[Interval.below(-t), Interval.above(t)])
    better = Interval.above(t) if direction is Direction.HIGHER_IS_BETTER else Interval.below(-t)
    worse = Interval.below(-t) if direction is Direction.HIGHER_IS_BETTER else Interval.above(t)
    same = Interval.closed(-t, t)
    if not yellow:
        middle = Status.GREEN
    bands: dict[Status, list[Interval]] = {Status.GREEN: [better], Status.RED: [worse]}
    bands.setdefault(middle, []).append(same)
    return Bands(
        green=bands.get(Status.GREEN),
        yellow=bands.get(Status.YELLOW),
        red=bands.get(Status.RED),
        direction=direction,
    )


register(
    Family(
        type=Bands,
        tag="bands",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
        as_bands=lambda t: t,
    )
)
