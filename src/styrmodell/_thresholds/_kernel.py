"""Kernels: a threshold family's rule as data, for the columnar engine (``styrmodell.frames``).

Swedish terms: *mått* (the measure a rule judges: the value, its difference to riket or to an
earlier year, its deviation from the budget, how far a milestone has come).

A family declares its kernel with the registry (``Family.kernel``): a function of a
threshold and the assessment's fixed circumstances (the :class:`~styrmodell.Context` with
the year and the date, no values) that returns a :class:`Kernel`. A kernel is plain data —
*what* number the rule judges (a measure) and the cases of the number line that give each
status and reason — so the engine compiles every family to the same integer comparisons,
and no code of a family runs per row. Nothing here imports an engine.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TypeAlias

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import (
    Fields,
    as_number,
    as_optional_number,
    as_optional_year,
    as_text,
    choice,
)
from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._reason import Reason
from styrmodell._status import Status, as_status

__all__ = [
    "Case",
    "Categories",
    "Deviation",
    "Kernel",
    "Measure",
    "ReferenceDifference",
    "Value",
    "YearDifference",
    "cases_of",
]

F = Fields(ThresholdError)

_ZERO = Decimal(0)


@attrs.frozen
class Value:
    """The measure is the outcome's value itself (bands, target values, durations in days)."""


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class ReferenceDifference:
    """The measure is ``value − (reference + offset)``; compared with the reference level.

    Attributes:
        reference: The reference's name (``"riket"``): a ``ref:<name>`` column of the frame,
            or the rows of the org unit the frame's references name (``"0000"``).
        offset: Added to the reference before the difference is taken.
    """

    reference: str = attrs.field(default="riket", converter=as_text)
    offset: Decimal = attrs.field(default=_ZERO, converter=as_number)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class YearDifference:
    """The measure is ``value − the earlier year's value`` of the same series and months.

    Attributes:
        year: The year compared with; ``None``: the year before the one assessed. Never an
            older year by accident — a missing year is ``Reason.MISSING_HISTORY``.
    """

    year: int | None = attrs.field(default=None, converter=as_optional_year)


@attrs.frozen
class Deviation:
    """The measure is the deviation from the budget in percent, ``(value − b) / |b| × 100``.

    A missing budget gives ``Reason.MISSING_BUDGET``, a zero budget ``Reason.ZERO_BUDGET``.
    The engine compares it with integer cross-multiplication (no division by the budget).
    """


def _as_reason(value: object, at: str = "value") -> Reason:
    return choice(Reason, value, at)


def _labels(value: object, at: str = "value") -> FrozenMap[str, tuple[Status, Reason]]:
    if not isinstance(value, Mapping) or not value:
        raise ThresholdError(f"{at}: expected a mapping of label to (Status, Reason)")
    out: dict[str, tuple[Status, Reason]] = {}
    for label, verdict in value.items():
        if not isinstance(label, str) or not label.strip() or label != label.strip().lower():
            raise ThresholdError(f"{at}: expected lower-case labels, got {label!r}")
        if not (
            isinstance(verdict, tuple)
            and len(verdict) == 2
            and isinstance(verdict[0], Status)
            and isinstance(verdict[1], Reason)
        ):
            raise ThresholdError(f"{at}[{label!r}]: expected (Status, Reason), got {verdict!r}")
        out[label] = verdict
    return FrozenMap(out)


@attrs.frozen(field_transformer=F.locate)
class Categories:
    """The measure is a category named by the value's text ("done", "started", "true").

    The family decides each category's status and reason once per assessment (a milestone
    asks its own ``assess`` for each state, by the date assessed): the engine only maps
    labels. A value whose text is no label is refused.

    Attributes:
        labels: Lower-case label → ``(Status, Reason)``.
    """

    labels: FrozenMap[str, tuple[Status, Reason]] = attrs.field(converter=_labels)


Measure: TypeAlias = Value | ReferenceDifference | YearDifference | Deviation | Categories
"""What a kernel judges."""

_MEASURES = (Value, ReferenceDifference, YearDifference, Deviation, Categories)


def _measure(value: object, at: str = "value") -> Measure:
    if not isinstance(value, _MEASURES):
        names = ", ".join(m.__name__ for m in _MEASURES)
        raise ThresholdError(f"{at}: expected one of {names}, got {value!r}")
    return value


@attrs.frozen(field_transformer=F.locate)
class Case:
    """A stretch of the measure's number line with its status and reason.

    Attributes:
        interval: Where on the line (after rounding to the kernel's precision).
        status: The status there.
        reason: The reason given there.
    """

    interval: Interval
    status: Status = attrs.field(converter=as_status)
    reason: Reason = attrs.field(converter=_as_reason)


def _cases(value: object, at: str = "value") -> tuple[Case, ...]:
    if not isinstance(value, Iterable) or isinstance(value, str | bytes):
        raise ThresholdError(f"{at}: expected a sequence of Case, got {value!r}")
    cases = tuple(value)
    for i, case in enumerate(cases):
        if not isinstance(case, Case):
            raise ThresholdError(f"{at}[{i}]: expected a Case, got {case!r}")
    return cases


def _otherwise(value: object, at: str = "value") -> tuple[Status, Reason]:
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and isinstance(value[0], Status)
        and isinstance(value[1], Reason)
    ):
        raise ThresholdError(f"{at}: expected (Status, Reason), got {value!r}")
    return value


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Kernel:
    """A rule as data the columnar engine compiles: a measure and cases on its number line.

    The measured number (rounded half-up to *precision*, if given) falls in one case's
    interval, which gives the status and the reason; a number in no case gets *otherwise*
    (a gap). Cases must not overlap. A categorical measure has no cases.

    Attributes:
        measure: What number the rule judges: :class:`Value`, :class:`ReferenceDifference`,
            :class:`YearDifference`, :class:`Deviation` or :class:`Categories`.
        cases: The stretches of the line and their verdicts.
        precision: The precision the measure is rounded to first (a power of ten), or
            ``None``.
        otherwise: The verdict between the cases.
        compared_with: A fixed number the rule compares with (a target value), reported as
            the result's ``compared_with``; measures that compare with data report that.

    Examples:
        >>> from styrmodell import Bands
        >>> rule = Bands.higher_is_better(60, 40)
        >>> kernel = Kernel(measure=Value(), cases=cases_of(rule))
        >>> [(str(c.interval), c.status.name) for c in kernel.cases]
        [('[60, inf)', 'GREEN'), ('[40, 60)', 'YELLOW'), ('(-inf, 40)', 'RED')]
    """

    measure: Measure = attrs.field(converter=_measure)
    cases: tuple[Case, ...] = attrs.field(default=(), converter=_cases)
    precision: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    otherwise: tuple[Status, Reason] = attrs.field(
        default=(Status.NOT_ASSESSED, Reason.GAP), converter=_otherwise
    )
    compared_with: Decimal | None = attrs.field(default=None, converter=as_optional_number)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.measure, Categories) and self.cases:
            raise ThresholdError("Kernel: a categorical measure has labels, not cases")
        ordered = sorted(
            (c.interval for c in self.cases),
            key=lambda iv: (iv.lower is not None, iv.lower or _ZERO, not iv.lower_closed),
        )
        for a, b in itertools.pairwise(ordered):
            if a.intersection(b) is not None:
                raise ThresholdError(f"Kernel: the cases {a} and {b} overlap")


def cases_of(
    bands: object,
    reasons: Mapping[Status, Reason] | None = None,
    *,
    by_interval: Mapping[Interval, Reason] | None = None,
) -> tuple[Case, ...]:
    """The cases of a :class:`~styrmodell.Bands`: one per interval, green first.

    Args:
        bands: The bands (anything with ``bands() -> [(Status, intervals)]``).
        reasons: The reason of each status (a target value's MET / WITHIN_MARGIN /
            NOT_MET); ``Reason.BAND`` when not given.
        by_interval: A reason per interval, before *reasons* (a comparison's "better" and
            "same" stretches are both green).
    """
    out: list[Case] = []
    for status, intervals in bands.bands():  # type: ignore[attr-defined]
        for iv in intervals:
            reason = (by_interval or {}).get(iv) or (reasons or {}).get(status) or Reason.BAND
            out.append(Case(iv, status, reason))
    return tuple(out)
