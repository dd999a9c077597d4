"""Lint: the defects real plans have in their målvärden.

Gaps ("under 2,2 % / 2,3–2,9 %" leaves 2,2 without a colour), overlaps (raised already at
construction), statuses not ordered along one direction, unreachable statuses and an empty
yellow band. Every finding says what, where, and in Swedish and English.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from itertools import pairwise
from typing import Literal

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._intervals import Interval
from styrmodell._locale import format_number, language
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Threshold, is_threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._milestone import Milestone
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import TargetValue
from styrmodell._units import Direction, Unit

__all__ = ["Finding", "describe", "lint"]

Severity = Literal["error", "warning", "info"]
Kind = Literal["gap", "order", "unreachable", "empty_yellow"]
_MAX_LISTED = 10


@attrs.frozen(kw_only=True)
class Finding:
    """One problem :func:`lint` found in a threshold.

    Attributes:
        kind: ``"gap"`` (values that get no colour), ``"order"`` (statuses not ordered along
            one direction), ``"unreachable"`` (a status no reportable value can get) or
            ``"empty_yellow"`` (a yellow band no value can practically reach).
        severity: ``"error"`` (values get no or a wrong colour), ``"warning"`` or ``"info"``
            (e.g. a gap that the reporting precision closes).
        message_sv: The finding in Swedish.
        message_en: The finding in English.
        interval: The offending interval, where there is one.
        values: Reportable values affected (at most ten are listed; see *count*).
        count: How many reportable values are affected; ``None`` when unbounded or when no
            precision is declared (then every real number in *interval* is affected).
        path: Where the threshold sits, e.g. ``goals[0].indicators[1].targets[2024]``.
    """

    kind: Kind
    severity: Severity
    message_sv: str
    message_en: str
    interval: Interval | None = None
    values: tuple[Decimal, ...] = ()
    count: int | None = None
    path: str = ""

    def message(self, locale: str = "sv") -> str:
        """The message in the locale's language, prefixed with the path when there is one."""
        text = self.message_sv if language(locale) == "sv" else self.message_en
        return f"{self.path}: {text}" if self.path else text

    def __str__(self) -> str:
        return self.message("sv")


def describe(threshold: Threshold, locale: str = "sv") -> str:
    """The rule of *threshold* as a plan would print it, Swedish by default.

    Examples:
        >>> from styrmodell import Bands, Unit, describe
        >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=Unit.PERCENT)
        >>> describe(rule, "en")
        'Green: more than 60%, Yellow: 40–60%, Red: less than 40%'
    """
    if not is_threshold(threshold):
        raise ThresholdError(f"describe: expected a threshold, got {threshold!r}")
    return threshold.describe(locale)


def lint(threshold: Threshold, *, path: str = "") -> list[Finding]:
    """Check *threshold* for gaps, statuses out of order, unreachable and empty bands.

    Args:
        threshold: Any threshold.
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
    findings: list[Finding] = []
    if isinstance(threshold, Bands):
        findings += _lint_bands(threshold, threshold.unit)
    elif isinstance(threshold, BudgetDeviation | TargetValue):
        findings += _lint_bands(threshold._bands, threshold.unit)
    elif isinstance(threshold, CompareToReference | YearOverYear):
        findings += _lint_difference(threshold)
    elif isinstance(threshold, Milestone | Duration):
        pass
    elif is_threshold(threshold):
        pass  # a user's own threshold family: nothing we know how to check
    else:
        raise ThresholdError(f"lint: expected a threshold, got {threshold!r}")
    order = {"error": 0, "warning": 1, "info": 2}
    findings.sort(key=lambda f: order[f.severity])
    return [attrs.evolve(f, path=path) for f in findings] if path else findings


# -- reportable values ----------------------------------------------------------------


def _reportable(iv: Interval, p: Decimal) -> tuple[int | None, tuple[Decimal, ...]]:
    """How many multiples of *p* lie in *iv* (``None`` = unbounded) and the first few."""
    if iv.lower is None and iv.upper is None:
        return None, ()
    lo_k: Decimal | None = None
    hi_k: Decimal | None = None
    if iv.lower is not None:
        q = iv.lower / p
        lo_k = q.to_integral_value(rounding=ROUND_CEILING)
        if lo_k == q and not iv.lower_closed:
            lo_k += 1
    if iv.upper is not None:
        q = iv.upper / p
        hi_k = q.to_integral_value(rounding=ROUND_FLOOR)
        if hi_k == q and not iv.upper_closed:
            hi_k -= 1
    if lo_k is None:
        assert hi_k is not None
        first = [hi_k - i for i in range(_MAX_LISTED)][::-1]
        return None, tuple((k * p).quantize(p) for k in first)
    if hi_k is None:
        return None, tuple(((lo_k + i) * p).quantize(p) for i in range(_MAX_LISTED))
    count = int(hi_k - lo_k + 1)
    if count <= 0:
        return 0, ()
    shown = min(count, _MAX_LISTED)
    return count, tuple(((lo_k + i) * p).quantize(p) for i in range(shown))


def _places(p: Decimal) -> int:
    exponent = p.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _fmt(value: Decimal, unit: Unit | None, locale: str, precision: Decimal | None) -> str:
    places = None if precision is None else _places(precision)
    text = format_number(value, locale, places=places)
    if unit is None or not unit.suffix(locale):
        return text
    return text + _text.number(0, unit, locale)[1:]


def _range_text(iv: Interval, unit: Unit | None, locale: str) -> tuple[str, str]:
    """An interval in words for a gap, as (Swedish, English): "från 2,2 % till under 2,3 %"."""

    def n(v: Decimal) -> str:
        return _text.number(v, unit, locale)

    if iv.is_point and iv.lower is not None:
        return n(iv.lower), n(iv.lower)
    if iv.lower is None and iv.upper is not None:
        return (
            f"{'upp till och med' if iv.upper_closed else 'under'} {n(iv.upper)}",
            f"{'up to' if iv.upper_closed else 'below'} {n(iv.upper)}",
        )
    if iv.upper is None and iv.lower is not None:
        return (
            f"{'från och med' if iv.lower_closed else 'över'} {n(iv.lower)}",
            f"{'from' if iv.lower_closed else 'above'} {n(iv.lower)}",
        )
    if iv.lower is None or iv.upper is None:  # pragma: no cover - handled above
        raise ThresholdError(f"unexpected unbounded interval {iv}")
    lo_sv = f"från {n(iv.lower)}" if iv.lower_closed else f"över {n(iv.lower)}"
    lo_en = f"from {n(iv.lower)}" if iv.lower_closed else f"more than {n(iv.lower)}"
    hi_sv = f"till {n(iv.upper)}" if iv.upper_closed else f"till under {n(iv.upper)}"
    hi_en = f"up to {n(iv.upper)}" if iv.upper_closed else f"to less than {n(iv.upper)}"
    return f"{lo_sv} {hi_sv}", f"{lo_en} {hi_en}"


# -- bands ----------------------------------------------------------------------------


def _gaps(bands: Bands) -> list[Interval]:
    gaps: list[Interval] = []
    current: Interval | None = None
    for piece, status in bands._table.pieces:
        if status is not None:
            if current is not None:
                gaps.append(current)
                current = None
            continue
        if current is None:
            current = piece
        else:
            current = Interval(
                current.lower,
                piece.upper,
                lower_closed=current.lower_closed,
                upper_closed=piece.upper_closed,
            )
    if current is not None:
        gaps.append(current)
    return gaps


def _lint_bands(bands: Bands, unit: Unit | None) -> list[Finding]:
    findings: list[Finding] = []
    p = bands.precision
    for gap in _gaps(bands):
        sv_range, en_range = _range_text(gap, unit, "sv"), _range_text(gap, unit, "en")
        if p is None:
            findings.append(
                Finding(
                    kind="gap",
                    severity="error",
                    message_sv=f"Glapp: värden {sv_range[0]} får ingen färg",
                    message_en=f"Gap: values {en_range[1]} get no colour",
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
                    message_sv=(
                        f"Glappet {sv_range[0]} stängs av precisionen "
                        f"{format_number(p, 'sv')}: inget rapporterat värde hamnar där"
                    ),
                    message_en=(
                        f"The gap {en_range[1]} is closed by the precision "
                        f"{format_number(p, 'en')}: no reported value falls in it"
                    ),
                    interval=gap,
                    count=0,
                )
            )
            continue
        listed_sv = ", ".join(_fmt(v, unit, "sv", p) for v in values)
        listed_en = ", ".join(_fmt(v, unit, "en", p) for v in values)
        more = count is None or count > len(values)
        plural = more or len(values) > 1
        # A gap unbounded below lists its highest values: the ellipsis goes in front.
        before = "… " if more and gap.lower is None else ""
        after = " …" if more and gap.lower is not None else ""
        findings.append(
            Finding(
                kind="gap",
                severity="error",
                message_sv=(
                    f"Glapp: {before}{listed_sv}{after} får ingen färg (värden {sv_range[0]})"
                ),
                message_en=(
                    f"Gap: {before}{listed_en}{after} "
                    f"{'get' if plural else 'gets'} no colour (values {en_range[1]})"
                ),
                interval=gap,
                values=values,
                count=count,
            )
        )
    findings += _lint_order(bands, unit)
    if p is not None:
        for status, ivs in bands.bands():
            counts = [_reportable(iv, p)[0] for iv in ivs]
            if all(c == 0 for c in counts):
                label_sv, label_en = status.label("sv"), status.label("en")
                band_sv = _text.band_text(ivs, unit, "sv")
                band_en = _text.band_text(ivs, unit, "en")
                kind: Kind = "empty_yellow" if status is Status.YELLOW else "unreachable"
                findings.append(
                    Finding(
                        kind=kind,
                        severity="warning",
                        message_sv=(
                            f"{label_sv} ({band_sv}) kan aldrig nås: inget värde med precisionen "
                            f"{format_number(p, 'sv')} ligger där"
                        ),
                        message_en=(
                            f"{label_en} ({band_en}) can never be reached: no value at the "
                            f"precision {format_number(p, 'en')} lies there"
                        ),
                        interval=ivs[0],
                        count=0,
                    )
                )
    return findings


def _lint_order(bands: Bands, unit: Unit | None) -> list[Finding]:
    p = bands.precision
    seq: list[tuple[Status, Interval]] = []
    for piece, status in bands._table.pieces:
        if status is None:
            continue
        if p is not None and _reportable(piece, p)[0] == 0:
            continue
        if seq and seq[-1][0] is status:
            continue
        seq.append((status, piece))
    ranks = [s.rank or 0 for s, _ in seq]
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
    walk_sv = ", ".join(
        f"{s.label('sv')} ({_text.band_text(ivs, unit, 'sv')})" for s, ivs in _band_walk(bands, seq)
    )
    walk_en = ", ".join(
        f"{s.label('en')} ({_text.band_text(ivs, unit, 'en')})" for s, ivs in _band_walk(bands, seq)
    )
    if d is None:
        why_sv, why_en = "följer inte en riktning", "are not ordered along one direction"
    else:
        want_sv = "högre" if d is Direction.HIGHER_IS_BETTER else "lägre"
        want_en = "higher" if d is Direction.HIGHER_IS_BETTER else "lower"
        why_sv = f"följer inte riktningen ({want_sv} är bättre)"
        why_en = f"do not follow the direction ({want_en} is better)"
    return [
        Finding(
            kind="order",
            severity="error",
            message_sv=f"Färgerna {why_sv}; från lågt till högt: {walk_sv}",
            message_en=f"The statuses {why_en}; from low to high: {walk_en}",
        )
    ]


def _band_walk(
    bands: Bands, seq: list[tuple[Status, Interval]]
) -> list[tuple[Status, tuple[Interval, ...]]]:
    """The bands in the order they appear along the line, each interval once."""
    out: list[tuple[Status, tuple[Interval, ...]]] = []
    seen: set[Interval] = set()
    for status, piece in seq:
        for s, ivs in bands.bands():
            if s is not status:
                continue
            for iv in ivs:
                if iv not in seen and iv.intersection(piece) is not None:
                    seen.add(iv)
                    out.append((s, (iv,)))
    return out


def _lint_difference(threshold: CompareToReference | YearOverYear) -> list[Finding]:
    if threshold.tolerance != 0 or threshold.unit is Unit.COUNT:
        return []
    if isinstance(threshold, CompareToReference):
        if not threshold.yellow:
            return []
        what_sv, what_en = f"lika med {threshold.reference}", f"equal to {threshold.reference}"
    elif threshold.direction is None:
        return [
            Finding(
                kind="unreachable",
                severity="warning",
                message_sv=(
                    "Grönt gäller bara ett värde exakt oförändrat; ange en tolerans för vad som "
                    "räknas som samma nivå"
                ),
                message_en=(
                    "Green applies only to a value exactly unchanged; give a tolerance for what "
                    "counts as the same level"
                ),
            )
        ]
    else:
        if threshold.unchanged is not Status.YELLOW:
            return []
        what_sv, what_en = "exakt oförändrat", "exactly unchanged"
    return [
        Finding(
            kind="empty_yellow",
            severity="warning",
            message_sv=(
                f"Gult gäller bara ett värde {what_sv}; ange en tolerans för vad som räknas som "
                "samma nivå"
            ),
            message_en=(
                f"Yellow applies only to a value {what_en}; give a tolerance for what counts as "
                "the same level"
            ),
        )
    ]
