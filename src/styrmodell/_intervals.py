"""Intervals on the number line, with open or closed ends, written as in mathematics.

``Interval.parse("[40, 60]")`` is 40 ≤ x ≤ 60, ``"(60, inf)"`` is x > 60 and
``"(-inf, 40)"`` is x < 40. A plan's "Gult: 40-60%" is ``[40, 60]``; "mer än 60%" is
``(60, inf)``; "upp till 30" is ``(-inf, 30]``.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import ParseError, ThresholdError
from styrmodell._fields import Fields, as_flag, as_optional_number
from styrmodell._messages import short
from styrmodell._numbers import EXACT, MAX_TEXT, optional_decimal, to_decimal

__all__ = ["Interval"]

F = Fields(ThresholdError)

MAX_NOTATION = 2 * MAX_TEXT + 50
"""Interval notation longer than this is refused before it is read: two bounds of at most
``MAX_TEXT`` characters each, brackets, a separator and spaces."""

_NEG_INF = {"-inf", "-infinity", "-∞", "−inf", "−∞"}
_POS_INF = {"inf", "+inf", "infinity", "+infinity", "∞", "+∞"}
_TWO = Decimal(2)
_ONE = Decimal(1)


@functools.cache
def _pattern() -> re.Pattern[str]:
    # Compiled on first use (import stays cheap). The character classes of neighbouring
    # parts exclude each other, so a match runs in time linear in the (capped) length.
    return re.compile(
        r"\s*(?P<lo_br>[\[(])\s*(?P<lo>[^,;\s]+)\s*[,;]\s*(?P<hi>[^,;\s\])]+)\s*(?P<hi_br>[\])])\s*"
    )


def _bound(value: object) -> Decimal | None:
    return optional_decimal(value, what="Interval bound")


def _finite(value: object, what: str) -> Decimal:
    return to_decimal(value, what=f"Interval.{what}")


@attrs.frozen(repr=False, field_transformer=F.locate)
class Interval:
    """A set of numbers between two bounds, each end open or closed, or unbounded.

    ``None`` as a bound means unbounded (−∞ or +∞); an unbounded end is always open.
    Empty or reversed intervals raise :class:`~styrmodell.ThresholdError`.

    Attributes:
        lower: The lower bound, or ``None`` for −∞.
        upper: The upper bound, or ``None`` for +∞.
        lower_closed: Whether *lower* itself belongs to the interval.
        upper_closed: Whether *upper* itself belongs to the interval.

    Examples:
        >>> i = Interval.parse("[40, 60]")
        >>> 40 in i, 60.5 in i
        (True, False)
        >>> str(Interval.above(60))
        '(60, inf)'
    """

    lower: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    upper: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    lower_closed: bool = attrs.field(default=False, converter=as_flag, kw_only=True)
    upper_closed: bool = attrs.field(default=False, converter=as_flag, kw_only=True)

    def __attrs_post_init__(self) -> None:
        problem = self._problem()
        if problem is not None:
            raise ThresholdError(f"{self._notation()!r} is not an interval: {problem}")

    def _problem(self) -> str | None:
        if self.lower is None and self.lower_closed:
            return "an unbounded lower end (-inf) cannot be closed"
        if self.upper is None and self.upper_closed:
            return "an unbounded upper end (inf) cannot be closed"
        if self.lower is not None and self.upper is not None:
            if self.lower > self.upper:
                return f"lower bound {self.lower} is above upper bound {self.upper}"
            if self.lower == self.upper and not (self.lower_closed and self.upper_closed):
                return "it is empty (a single point needs both ends closed)"
        return None

    # -- named constructors ------------------------------------------------------------

    @classmethod
    def closed(cls, lower: object, upper: object) -> Interval:
        """``[lower, upper]``: both ends included ("40-60%")."""
        return cls(_bound(lower), _bound(upper), lower_closed=True, upper_closed=True)

    @classmethod
    def open(cls, lower: object, upper: object) -> Interval:
        """``(lower, upper)``: both ends excluded."""
        return cls(_bound(lower), _bound(upper))

    @classmethod
    def above(cls, lower: object) -> Interval:
        """``(lower, inf)``: strictly more than *lower* ("mer än 60%", ">22")."""
        return cls(_finite(lower, "above"), None)

    @classmethod
    def at_least(cls, lower: object) -> Interval:
        """``[lower, inf)``: *lower* or more ("minst 5", "≥ 50 %")."""
        return cls(_finite(lower, "at_least"), None, lower_closed=True)

    @classmethod
    def below(cls, upper: object) -> Interval:
        """``(-inf, upper)``: strictly less than *upper* ("mindre än 40%", "under 2,2%")."""
        return cls(None, _finite(upper, "below"))

    @classmethod
    def at_most(cls, upper: object) -> Interval:
        """``(-inf, upper]``: *upper* or less ("upp till 30", "högst 16")."""
        return cls(None, _finite(upper, "at_most"), upper_closed=True)

    @classmethod
    def point(cls, value: object) -> Interval:
        """``[value, value]``: exactly *value* ("Gult: 16", "100 %")."""
        v = _bound(value)
        if v is None:
            raise ThresholdError("Interval.point: expected a number, got None")
        return cls(v, v, lower_closed=True, upper_closed=True)

    @classmethod
    def everything(cls) -> Interval:
        """``(-inf, inf)``: every number."""
        return cls(None, None)

    @classmethod
    def parse(cls, text: str) -> Interval:
        """Parse the notation ``str()`` gives: ``"[40, 60]"``, ``"(60, inf)"``, ``"(-inf, 40)"``.

        Brackets ``[`` ``]`` are closed ends, parentheses open ends; ``inf``, ``-inf`` and
        ``∞`` are unbounded. Bounds use a decimal point; ``;`` may separate them instead of
        ``,``. Text longer than :data:`MAX_NOTATION` characters is refused unread, and reading
        takes time linear in the length.

        Raises:
            ParseError: for text that is not in the notation at all.
            ThresholdError: for an empty or reversed interval such as ``"(60, 40)"``.
        """
        if not isinstance(text, str):
            raise ParseError(f"Interval.parse: expected a string, got {short(text)}")
        if len(text) > MAX_NOTATION:
            raise ParseError(
                f"{short(text)} is not an interval: longer than {MAX_NOTATION} characters"
            )
        m = _pattern().fullmatch(text)
        if m is None:
            raise ParseError(
                f"{text!r} is not an interval: expected a form like '[40, 60]', '(60, inf)' "
                "or '(-inf, 40)'"
            )
        lo_text, hi_text = m["lo"].lower(), m["hi"].lower()
        if lo_text in _POS_INF or hi_text in _NEG_INF:
            raise ThresholdError(f"{text.strip()!r} is not an interval: infinity on the wrong end")
        try:
            lo = None if lo_text in _NEG_INF else to_decimal(m["lo"], what="lower bound")
            hi = None if hi_text in _POS_INF else to_decimal(m["hi"], what="upper bound")
        except ThresholdError as exc:
            raise ParseError(f"{text!r} is not an interval: {exc}") from None
        return cls(lo, hi, lower_closed=m["lo_br"] == "[", upper_closed=m["hi_br"] == "]")

    @classmethod
    def coerce(cls, value: Interval | str) -> Interval:
        """Return *value* if it is an Interval, else parse it as notation."""
        if isinstance(value, Interval):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        raise ThresholdError(f"expected an Interval or interval notation, got {value!r}")

    # -- queries -----------------------------------------------------------------------

    def __contains__(self, value: Any) -> bool:
        v = to_decimal(value)
        return self._contains(v)

    def _contains(self, v: Decimal) -> bool:
        if self.lower is not None and (
            v < self.lower or (v == self.lower and not self.lower_closed)
        ):
            return False
        return not (
            self.upper is not None
            and (v > self.upper or (v == self.upper and not self.upper_closed))
        )

    @property
    def is_point(self) -> bool:
        """True for ``[a, a]``."""
        return self.lower is not None and self.lower == self.upper

    @property
    def is_bounded(self) -> bool:
        """True when both ends are finite."""
        return self.lower is not None and self.upper is not None

    def intersection(self, other: Interval) -> Interval | None:
        """The interval both share, or ``None`` when they are disjoint."""
        lo, lo_c = self.lower, self.lower_closed
        if other.lower is not None and (
            lo is None or other.lower > lo or (other.lower == lo and not other.lower_closed)
        ):
            lo, lo_c = other.lower, other.lower_closed
        hi, hi_c = self.upper, self.upper_closed
        if other.upper is not None and (
            hi is None or other.upper < hi or (other.upper == hi and not other.upper_closed)
        ):
            hi, hi_c = other.upper, other.upper_closed
        if lo is not None and hi is not None and (lo > hi or (lo == hi and not (lo_c and hi_c))):
            return None
        return Interval(lo, hi, lower_closed=lo_c, upper_closed=hi_c)

    def sample(self) -> Decimal:
        """One value inside the interval (a bound when closed, else a point near the middle).

        Computed exactly: two bounds that differ only in their 28th digit still have a
        middle strictly between them.
        """
        if self.lower is not None and self.lower_closed:
            return self.lower
        if self.upper is not None and self.upper_closed:
            return self.upper
        if self.lower is not None and self.upper is not None:
            return EXACT.divide(EXACT.add(self.lower, self.upper), _TWO)
        if self.lower is not None:
            return EXACT.add(self.lower, _ONE)
        if self.upper is not None:
            return EXACT.subtract(self.upper, _ONE)
        return Decimal(0)

    def _notation(self) -> str:
        lo = "-inf" if self.lower is None else str(self.lower)
        hi = "inf" if self.upper is None else str(self.upper)
        return f"{'[' if self.lower_closed else '('}{lo}, {hi}{']' if self.upper_closed else ')'}"

    def __str__(self) -> str:
        return self._notation()

    def __repr__(self) -> str:
        return f"Interval.parse({self._notation()!r})"
