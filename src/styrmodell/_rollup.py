"""Roll-up policies: how a goal's status follows from its indicators and child goals.

Swedish terms: *måluppfyllelse* (goal attainment); "målet är uppfyllt om minst 75 % av
indikatorerna är gröna" is ``RollUp.share(green_at_least=0.75)``; *sämsta färgen styr* is
``RollUp.WORST``; *majoriteten avgör* is ``RollUp.MAJORITY``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from styrmodell._errors import PlanError
from styrmodell._fields import Fields, as_flag
from styrmodell._messages import failure, text
from styrmodell._status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["RollUp"]

Kind = Literal["worst", "majority", "share"]
_KINDS = ("worst", "majority", "share")

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


@attrs.frozen(field_transformer=F.locate)
class RollUp:
    """A policy that turns the statuses of a goal's parts into the goal's status.

    The parts of a goal are its indicators and its child goals, each counted once. Three
    policies:

    - ``RollUp.WORST``: the worst colour among the parts (red before yellow before green).
    - ``RollUp.MAJORITY``: the colour most parts have; a tie goes to the worse colour.
    - ``RollUp.share(green_at_least=0.75, yellow_at_least=0.5)``: green when at least 75 %
      of the parts are green, yellow when at least 50 % are green, else red.

    ``NOT_ASSESSED`` parts are *skipped* by default: the policy judges the assessed parts,
    and a goal with none is ``NOT_ASSESSED``. With ``count_not_assessed=True`` they count:
    under WORST any not-assessed part makes the goal not assessed (it cannot be called
    green); under MAJORITY they are a group of their own that can win; under a share they
    count as parts that are not green.

    Example:
        >>> RollUp.WORST([Status.GREEN, Status.YELLOW, Status.NOT_ASSESSED])
        <Status.YELLOW: 'yellow'>
        >>> RollUp.share(green_at_least=0.75)([Status.GREEN] * 3 + [Status.RED])
        <Status.GREEN: 'green'>
    """

    kind: Kind = attrs.field(converter=_kind)
    green_at_least: Decimal | None = attrs.field(default=None, converter=_optional_share)
    yellow_at_least: Decimal | None = attrs.field(default=None, converter=_optional_share)
    count_not_assessed: bool = attrs.field(default=False, converter=as_flag, kw_only=True)

    WORST: ClassVar[RollUp]
    MAJORITY: ClassVar[RollUp]

    def __attrs_post_init__(self) -> None:
        if self.kind == "share":
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
        *yellow_at_least* are, else red (fractions 0..1: "minst 75 %" is 0.75).
        """
        return cls("share", green_at_least, yellow_at_least, count_not_assessed=count_not_assessed)

    def counting(self) -> RollUp:
        """The same policy with ``NOT_ASSESSED`` parts counted."""
        return attrs.evolve(self, count_not_assessed=True)

    def __call__(self, statuses: Iterable[Status]) -> Status:
        """Roll *statuses* up into one status."""
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
        total = len(items) if self.count_not_assessed else len(coloured)
        green = Decimal(coloured.count(Status.GREEN)) / Decimal(total)
        if green >= green_at_least:
            return Status.GREEN
        if green >= yellow_at_least:
            return Status.YELLOW
        return Status.RED

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
        else:
            policy = text(f"rollup.{self.kind}", locale)
        if self.count_not_assessed:
            return text("rollup.counting", locale, policy=policy)
        return policy


RollUp.WORST = RollUp("worst")
RollUp.MAJORITY = RollUp("majority")
