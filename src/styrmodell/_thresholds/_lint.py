"""Lint: the defects real plans have in their målvärden.

Gaps ("under 2,2 % / 2,3–2,9 %" leaves 2,2 without a colour), overlaps (raised already at
construction), statuses not ordered along one direction, unreachable statuses and an empty
yellow band. Every finding says what, where, and in Swedish and English.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._messages import failure
from styrmodell._numbers import EXACT
from styrmodell._status import Status
from styrmodell._thresholds._bands import Bands, Stretch
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._finding import Finding, Kind
from styrmodell._thresholds._registry import Family, family_of, is_registered
from styrmodell._thresholds._text import BandWords, Listing, Span, Walk, places_of
from styrmodell._units import Direction

__all__ = ["Finding", "describe", "lint"]

_MAX_LISTED = 10
_SEVERITY = {"error": 0, "warning": 1, "info": 2}


def _family(threshold: object, what: str) -> Family:
    if not is_registered(threshold):
        raise failure(ThresholdError, "threshold.expected", what, value=threshold)
    return family_of(threshold)


def describe(threshold: Threshold, locale: str = "sv") -> str:
    """The rule of *threshold* as a plan would print it, Swedish by default.

    The one way to describe a threshold: the wording is its family's, found in the
    registry (see :mod:`styrmodell.families`).

    Examples:
        >>> from styrmodell import Bands, Unit, describe
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
        >>> describe(rule, "en")
        'Green: more than 60%, Yellow: 40–60%, Red: less than 40%'
    """
    return _family(threshold, "describe").describe(threshold, locale)


def lint(threshold: Threshold, *, path: str = "") -> list[Finding]:
    """Check *threshold* for gaps, statuses out of order, unreachable and empty bands.

    A family that presents itself as bands (its ``as_bands``) gets the band lint; a family
    with checks of its own (its ``lint``) adds their findings.

    Args:
        threshold: A threshold of a registered family.
        path: Where the threshold sits in a plan; copied into every finding.

    Returns:
        The findings, most severe first; an empty list for a clean rule.

    Examples:
        >>> from styrmodell import Bands, Unit, lint
        >>> rule = Bands(green="(-inf, 2.2)", yellow="[2.3, 2.9]", red="(3, inf)",
        ...              unit=Unit.PERCENT, precision="0.1")
        >>> for finding in lint(rule):
        ...     print(finding.message("en"))
        Gap: 2.2% gets no colour (values from 2.2% to less than 2.3%)
        Gap: 3.0% gets no colour (values more than 2.9% up to 3%)
    """
    family = _family(threshold, "lint")
    findings: list[Finding] = []
    bands = family.as_bands(threshold) if family.as_bands is not None else None
    if bands is not None:
        findings += _lint_bands(bands)
    if family.lint is not None:
        findings += family.lint(threshold)
    findings.sort(key=lambda f: _SEVERITY[f.severity])
    return [attrs.evolve(f, path=path) for f in findings] if path else findings


# -- reportable values ----------------------------------------------------------------


def _reportable(iv: Interval | Stretch, p: Decimal) -> tuple[int | None, tuple[Decimal, ...]]:
    """How many multiples of *p* lie in *iv* (``None`` = unbounded) and the first few."""
    if iv.lower is None and iv.upper is None:
        return None, ()
    lo_k: Decimal | None = None
    hi_k: Decimal | None = None
    # Exact arithmetic: bounds and precision within the limits never round here.
    if iv.lower is not None:
        q = EXACT.divide(iv.lower, p)
        lo_k = q.to_integral_value(rounding=ROUND_CEILING, context=EXACT)
        if lo_k == q and not iv.lower_closed:
            lo_k = EXACT.add(lo_k, 1)
    if iv.upper is not None:
        q = EXACT.divide(iv.upper, p)
        hi_k = q.to_integral_value(rounding=ROUND_FLOOR, context=EXACT)
        if hi_k == q and not iv.upper_closed:
            hi_k = EXACT.subtract(hi_k, 1)

    def value(k: Decimal) -> Decimal:
        return EXACT.multiply(k, p).quantize(p, context=EXACT)

    if lo_k is None:
        assert hi_k is not None
        return None, tuple(value(EXACT.subtract(hi_k, i)) for i in reversed(range(_MAX_LISTED)))
    if hi_k is None:
        return None, tuple(value(EXACT.add(lo_k, i)) for i in range(_MAX_LISTED))
    count = int(EXACT.subtract(hi_k, lo_k)) + 1
    if count <= 0:
        return 0, ()
    shown = min(count, _MAX_LISTED)
    return count, tuple(value(EXACT.add(lo_k, i)) for i in range(shown))


# -- bands ----------------------------------------------------------------------------


def _gaps(bands: Bands) -> list[Interval]:
    gaps: list[Interval] = []
    current: Stretch | None = None
    for piece, status, _ in bands._table.pieces:
        if status is not None:
            if current is not None:
                gaps.append(current.interval())
                current = None
            continue
        if current is None:
            current = piece
        else:
            current = Stretch(current.lower, piece.upper, current.lower_closed, piece.upper_closed)
    if current is not None:
        gaps.append(current.interval())
    return gaps


def _lint_bands(bands: Bands) -> list[Finding]:
    findings: list[Finding] = []
    unit, p = bands.unit, bands.precision
    for gap in _gaps(bands):
        span = Span(gap, unit)
        if p is None:
            findings.append(
                Finding(
                    kind="gap",
                    severity="error",
                    code="lint.gap.open",
                    params={"span": span},
                    interval=gap,
                )
            )
            continue
        count, values = _reportable(gap, p)
        if count == 0:
            findings.append(
                Finding(
                    kind="gap",
                    severity="info",
                    code="lint.gap.closed",
                    params={"span": span, "precision": p},
                    interval=gap,
                    count=0,
                )
            )
            continue
        more = count is None or count > len(values)
        # A gap unbounded below lists its highest values: the ellipsis goes in front.
        side: Any = "" if not more else ("below" if gap.lower is None else "above")
        listing = Listing(values, unit, places_of(p), side)
        findings.append(
            Finding(
                kind="gap",
                severity="error",
                code="lint.gap.values",
                params={
                    "values": listing,
                    "span": span,
                    "n": len(values) + 1 if more else len(values),
                },
                interval=gap,
                values=values,
                count=count,
            )
        )
    findings += _lint_order(bands)
    if p is not None:
        for status, ivs in bands.bands():
            counts = [_reportable(iv, p)[0] for iv in ivs]
            if all(c == 0 for c in counts):
                kind: Kind = "empty_yellow" if status is Status.YELLOW else "unreachable"
                findings.append(
                    Finding(
                        kind=kind,
                        severity="warning",
                        code="lint.unreachable",
                        params={"status": status, "band": BandWords(ivs, unit), "precision": p},
                        interval=ivs[0],
                        count=0,
                    )
                )
    return findings


_ORDER_CODES = {
    None: "lint.order.none",
    Direction.HIGHER_IS_BETTER: "lint.order.higher",
    Direction.LOWER_IS_BETTER: "lint.order.lower",
}


def _lint_order(bands: Bands) -> list[Finding]:
    p = bands.precision
    walk: list[tuple[Status, Interval]] = []
    for piece, status, iv in bands._table.pieces:
        if status is None or iv is None:
            continue
        if p is not None and _reportable(piece, p)[0] == 0:
            continue
        if walk and walk[-1][0] is status:
            continue
        walk.append((status, iv))
    ranks = [s.rank or 0 for s, _ in walk]
    rising = all(a <= b for a, b in pairwise(ranks))
    falling = all(a >= b for a, b in pairwise(ranks))
    peak = ranks.index(max(ranks)) if ranks else 0
    unimodal = all(a <= b for a, b in pairwise(ranks[: peak + 1])) and all(
        a >= b for a, b in pairwise(ranks[peak:])
    )
    d = bands.direction
    ok = (
        (d is Direction.HIGHER_IS_BETTER and rising)
        or (d is Direction.LOWER_IS_BETTER and falling)
        or (d is None and (rising or falling or unimodal))
    )
    if ok:
        return []
    # Each band interval once, in the order met along the line.
    seen: set[Interval] = set()
    steps: list[tuple[Status, tuple[Interval, ...]]] = []
    for status, iv in walk:
        if iv not in seen:
            seen.add(iv)
            steps.append((status, (iv,)))
    return [
        Finding(
            kind="order",
            severity="error",
            code=_ORDER_CODES[d],
            params={"walk": Walk(tuple(steps), bands.unit)},
        )
    ]
