"""Roll-up policies: how a goal's status follows from its indicators and child goals.

Swedish terms: *måluppfyllelse* (goal attainment); "målet är uppfyllt om minst 75 % av
indikatorerna är gröna" is ``RollUp.share(green_at_least=0.75)``; *sämsta färgen styr* is
``RollUp.WORST``; *majoriteten avgör* is ``RollUp.MAJORITY``; a share pooled from
*täljare* and *nämnare* across the parts is ``RollUp.pooled(target)``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from styrmodell._errors import PlanError
from styrmodell._fields import Fields, as_flag
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT
from styrmodell._status import Status
from styrmodell._thresholds._base import Assessment, Context, Threshold, is_threshold
from styrmodell._thresholds._lint import describe as describe_threshold
from styrmodell._trend import TrendKind

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["RollUp"]

Kind = Literal["worst", "majority", "share", "pooled", "improving"]
_KINDS = ("worst", "majority", "share", "pooled", "improving")
_HUNDRED = Decimal(100)

F = Fields(PlanError)


def _kind(value: object, at: str = "value") -> Kind:
    if value not in _KINDS:
        raise failure(PlanError, "rollup.kind", at, value=value, choices=str(list(_KINDS)))
    return value  # type: ignore[return-value]


def _share(value: object, at: str = "value") -> Decimal:
    number = F.as_decimal(value, at)
    if not Decimal(0) <= number <= Decimal(1):
        raise failure(PlanError, "rollup.share_range", at, value=value)
    return number


def _optional_share(value: object, at: str = "value") -> Any:
    """:func:`_share`, or ``None``."""
    return None if value is None else _share(value, at)


def _optional_target(value: object, at: str = "value") -> Threshold | None:
    """A threshold (the target of a pooled share), or ``None``."""
    if value is None or is_threshold(value):
        return value
    raise failure(PlanError, "rollup.pooled_target", at, value=value)


@attrs.frozen(field_transformer=F.locate)
class RollUp:
    """A policy that turns the statuses of a goal's parts into the goal's status.

    The parts of a goal are its indicators and its child goals, each counted once. Four
    policies:

    - ``RollUp.WORST``: the worst colour among the parts (red before yellow before green).
    - ``RollUp.MAJORITY``: the colour most parts have; a tie goes to the worse colour.
    - ``RollUp.share(green_at_least=0.75, yellow_at_least=0.5)``: green when at least 75 %
      of the parts are green, yellow when at least 50 % are green or yellow, else red.
    - ``RollUp.pooled(target)``: the share pooled from the numerators and denominators of
      every indicator below the goal (parts that measure the same thing), judged by
      *target* — see :meth:`pool`.

    WORST, MAJORITY and share are never worse than the worst assessed part nor better
    than the best.

    ``NOT_ASSESSED`` parts are *skipped* by default: the policy judges the assessed parts,
    and a goal with none is ``NOT_ASSESSED``. With ``count_not_assessed=True`` they count:
    under WORST any not-assessed part makes the goal not assessed (it cannot be called
    green); under MAJORITY they are a group of their own that can win; under a share they
    count as parts that are neither green nor yellow; pooled, a part without counts makes
    the goal not assessed.

    Example:
        >>> RollUp.WORST([Status.GREEN, Status.YELLOW, Status.NOT_ASSESSED])
        <Status.YELLOW: 'yellow'>
        >>> RollUp.share(green_at_least=0.75)([Status.GREEN] * 3 + [Status.RED])
        <Status.GREEN: 'green'>
        >>> RollUp.share(0.75, 0.5)([Status.YELLOW] * 3)
        <Status.YELLOW: 'yellow'>
    """

    kind: Kind = attrs.field(converter=_kind)
    green_at_least: Decimal | None = attrs.field(default=None, converter=_optional_share)
    yellow_at_least: Decimal | None = attrs.field(default=None, converter=_optional_share)
    count_not_assessed: bool = attrs.field(default=False, converter=as_flag, kw_only=True)
    target: Threshold | None = attrs.field(default=None, converter=_optional_target, kw_only=True)

    WORST: ClassVar[RollUp]
    MAJORITY: ClassVar[RollUp]

    def __attrs_post_init__(self) -> None:
        if self.kind == "improving":
            if self.green_at_least is None or self.yellow_at_least is not None:
                raise failure(PlanError, "rollup.improving_share", "RollUp.improving")
        elif self.kind == "share":
            if self.green_at_least is None or self.yellow_at_least is None:
                raise failure(PlanError, "rollup.share_needs_both", "RollUp.share")
            if self.yellow_at_least > self.green_at_least:
                raise failure(
                    PlanError,
                    "rollup.share_order",
                    "RollUp.share",
                    green=self.green_at_least,
                    yellow=self.yellow_at_least,
                )
        elif self.green_at_least is not None or self.yellow_at_least is not None:
            raise failure(PlanError, "rollup.no_shares", f"RollUp.{self.kind}")
        if (self.kind == "pooled") != (self.target is not None):
            raise failure(PlanError, "rollup.pooled_target", "RollUp.target", value=self.target)

    @classmethod
    def share(
        cls,
        green_at_least: object = Decimal("0.75"),
        yellow_at_least: object = Decimal("0.5"),
        *,
        count_not_assessed: bool = False,
    ) -> RollUp:
        """A share policy: "målet är uppfyllt om minst 75 % av indikatorerna är gröna".

        Green when at least *green_at_least* of the parts are green, yellow when at least
        *yellow_at_least* are green or yellow, else red (fractions 0..1: "minst 75 %" is
        0.75). Never better than the best part: with ``green_at_least=0`` a goal of red
        parts stays red.

        Example:
            >>> rule = RollUp.share(green_at_least=0.75, yellow_at_least=0.5)
            >>> rule([Status.GREEN, Status.YELLOW, Status.RED, Status.RED])
            <Status.YELLOW: 'yellow'>
        """
        return cls("share", green_at_least, yellow_at_least, count_not_assessed=count_not_assessed)

    @classmethod
    def improving(
        cls, at_least: object = Decimal("0.5"), *, count_not_assessed: bool = False
    ) -> RollUp:
        """A policy over trends: "minst hälften av indikatorerna går åt rätt håll".

        Green when at least *at_least* of the indicators below the goal whose trend is
        known (improved, unchanged or worsened) have improved, else red; not assessed when
        no trend is known. With ``count_not_assessed`` the unknown and not comparable
        trends count as parts that did not improve. :func:`assess` gives it the main trend
        of every indicator below the goal — see :meth:`judge_trends`.

        Example:
            >>> from styrmodell.results import TrendKind
            >>> RollUp.improving().judge_trends([TrendKind.IMPROVED, TrendKind.WORSENED])
            <Status.GREEN: 'green'>
        """
        return cls("improving", at_least, count_not_assessed=count_not_assessed)

    @classmethod
    def pooled(cls, target: Threshold, *, count_not_assessed: bool = False) -> RollUp:
        """A pooled share: Σ täljare / Σ nämnare over the parts, judged by *target*.

        For parts that measure the same thing — the share of brukare who are satisfied,
        followed up per enhet as separate indicators — the goal's share is the sum of
        the numerators over the sum of the denominators (percent), never a mean of
        percentages, and *target* (any threshold of percentages) judges it. :func:`assess`
        pools the main outcome of every indicator below the goal.

        Example:
            >>> from styrmodell import TargetValue
            >>> rule = RollUp.pooled(TargetValue(">=", 80))
            >>> rule.pool([(90, 100), (150, 200)]).status  # 240 / 300 = 80 %
            <Status.GREEN: 'green'>
        """
        return cls("pooled", count_not_assessed=count_not_assessed, target=target)

    def counting(self) -> RollUp:
        """The same policy with ``NOT_ASSESSED`` parts counted."""
        return attrs.evolve(self, count_not_assessed=True)

    def __call__(self, statuses: Iterable[Status]) -> Status:
        """Roll *statuses* up into one status.

        Raises:
            PlanError: for a pooled policy, which needs counts (:meth:`pool`), not colours.
        """
        if self.kind == "pooled":
            raise failure(PlanError, "rollup.pooled_needs_counts", "RollUp.pooled")
        if self.kind == "improving":
            raise failure(PlanError, "rollup.improving_needs_trends", "RollUp.improving")
        items = list(statuses)
        coloured = [s for s in items if s is not Status.NOT_ASSESSED]
        missing = len(items) - len(coloured)
        if not coloured:
            return Status.NOT_ASSESSED
        if self.kind == "worst":
            if missing and self.count_not_assessed:
                return Status.NOT_ASSESSED
            return min(coloured)
        if self.kind == "majority":
            counts = {s: coloured.count(s) for s in (Status.RED, Status.YELLOW, Status.GREEN)}
            best = max(counts.values())
            if self.count_not_assessed and missing > best:
                return Status.NOT_ASSESSED
            return next(s for s in (Status.RED, Status.YELLOW, Status.GREEN) if counts[s] == best)
        green_at_least, yellow_at_least = self._shares()
        total = Decimal(len(items) if self.count_not_assessed else len(coloured))
        green = Decimal(coloured.count(Status.GREEN))
        green_or_yellow = green + coloured.count(Status.YELLOW)
        if green / total >= green_at_least:
            result = Status.GREEN
        elif green_or_yellow / total >= yellow_at_least:
            result = Status.YELLOW
        else:
            result = Status.RED
        # A threshold of 0 must not lift a goal above its best part.
        return min(result, max(coloured))

    def judge_trends(self, kinds: Iterable[TrendKind]) -> Status:
        """Green when the share of improved trends reaches the policy's share, else red.

        Raises:
            PlanError: for a policy that is not ``improving``.
        """
        if self.kind != "improving" or self.green_at_least is None:
            raise failure(PlanError, "rollup.not_improving", f"RollUp.{self.kind}")
        items = list(kinds)
        known = [k for k in items if k.is_comparison]
        total = len(items) if self.count_not_assessed else len(known)
        if not known or not total:
            return Status.NOT_ASSESSED
        improved = Decimal(known.count(TrendKind.IMPROVED))
        return Status.GREEN if improved / total >= self.green_at_least else Status.RED

    def pool(self, counts: Iterable[tuple[object, object] | None]) -> Assessment:
        """Judge the share pooled from *counts* — ``(numerator, denominator)`` per part.

        ``None`` stands for a part without counts (no outcome, or a value given without
        täljare and nämnare): skipped by default, and with ``count_not_assessed`` it makes
        the goal not assessed. No counts at all, or a total denominator of zero, is not
        assessed. The pooled share lies between the smallest and the largest share of the
        parts, so under one target for all it is never worse than the worst part nor
        better than the best.

        Raises:
            PlanError: for a policy that is not pooled, or counts that are not numbers.

        Example:
            >>> from styrmodell import TargetValue
            >>> RollUp.pooled(TargetValue(">=", 80)).pool([(37, 50), None]).value
            Decimal('74')
        """
        target = self.target
        if target is None:
            raise failure(PlanError, "rollup.not_pooled", f"RollUp.{self.kind}")
        numerator = denominator = Decimal(0)
        for i, part in enumerate(counts):
            if part is None:
                if self.count_not_assessed:
                    return target.assess(None, Context())
                continue
            num, den = part
            numerator = EXACT.add(numerator, F.as_decimal(num, f"counts[{i}][0]"))
            denominator = EXACT.add(denominator, F.as_decimal(den, f"counts[{i}][1]"))
        if denominator <= 0:
            return target.assess(None, Context())
        return target.assess(_HUNDRED * numerator / denominator)

    def _shares(self) -> tuple[Decimal, Decimal]:
        if self.green_at_least is None or self.yellow_at_least is None:  # pragma: no cover
            raise failure(PlanError, "rollup.no_shares", f"RollUp.{self.kind}")
        return self.green_at_least, self.yellow_at_least

    def describe(self, locale: str = "sv") -> str:
        """The policy in words: "Sämsta färgen styr", "Grönt om minst 75 % är gröna..."."""
        if self.kind == "share":
            green_at_least, yellow_at_least = self._shares()
            policy = text(
                "rollup.share", locale, green=green_at_least * 100, yellow=yellow_at_least * 100
            )
        elif self.kind == "improving" and self.green_at_least is not None:
            policy = text("rollup.improving", locale, share=self.green_at_least * 100)
        elif self.target is not None:
            policy = text("rollup.pooled", locale, target=describe_threshold(self.target, locale))
        else:
            policy = text(f"rollup.{self.kind}", locale)
        if self.count_not_assessed:
            return text("rollup.counting", locale, policy=policy)
        return policy


RollUp.WORST = RollUp("worst")
RollUp.MAJORITY = RollUp("majority")
