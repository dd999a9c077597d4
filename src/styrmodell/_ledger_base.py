"""What budget ledgers and investment budgets share: field converters, exact sums, the deviation.

Swedish terms: *tkr* (tusen kronor, thousands of kronor) and *kr* (kronor), the two units a
budget table is printed in; *avvikelse* (a deviation from budget).

Every converter here is a converter proper of the field toolkit (``convert(value, at)``, *at*
naming the field or the line) and raises :class:`~styrmodell.LedgerError` with one problem.
"""

from __future__ import annotations

import decimal
import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from styrmodell._errors import LedgerError, Problem
from styrmodell._fields import Fields
from styrmodell._frozenmap import FrozenMap
from styrmodell._messages import failure
from styrmodell._numbers import EXACT
from styrmodell._thresholds._base import Threshold, is_threshold
from styrmodell._units import Unit

__all__ = [
    "F",
    "as_items",
    "as_key",
    "as_label",
    "as_money_unit",
    "as_threshold",
    "as_thresholds",
    "deviation_percent",
    "exact_sum",
    "items_field",
    "ledger_error",
    "unit_name",
]

T = TypeVar("T")

F = Fields(LedgerError)
"""The field toolkit bound to :class:`~styrmodell.LedgerError`."""

_ZERO = Decimal(0)
_HUNDRED = Decimal(100)


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum *values* exactly: numbers within the limits never round in :data:`~._numbers.EXACT`.

    Examples:
        >>> exact_sum([Decimal("0.1")] * 3)
        Decimal('0.3')
    """
    with decimal.localcontext(EXACT):
        total = _ZERO
        for value in values:
            total += value
        return total


def deviation_percent(outcome: Decimal, budget: Decimal) -> Decimal | None:
    """``(outcome − budget) / |budget| × 100``: positive is a better result.

    The formula of :meth:`~styrmodell.BudgetDeviation.deviation_percent` (a test holds the
    two equal), on figures that are Decimals already: the friendly-input coercion that
    method starts with would cost more than the division for every row of a large ledger.
    ``None`` for a zero budget (no percentage exists) instead of raising.

    Examples:
        >>> deviation_percent(Decimal(-99), Decimal(-100))
        Decimal('1.00')
        >>> deviation_percent(Decimal(5), Decimal(0)) is None
        True
    """
    if budget == 0:
        return None
    return (outcome - budget) / abs(budget) * _HUNDRED


def ledger_error(head: str, problems: Iterable[Problem]) -> LedgerError:
    """One :class:`~styrmodell.LedgerError` holding every problem of *head* ("Ledger").

    The message is ``"head: problem"`` for one problem, else a count and one problem a line.
    """
    listed = tuple(problems)
    if len(listed) == 1:
        return LedgerError(f"{head}: {listed[0]}", problems=listed)
    lines = "\n  ".join(str(p) for p in listed)
    return LedgerError(f"{head}: {len(listed)} problems\n  {lines}", problems=listed)


# -- converters proper -------------------------------------------------------------------------


def as_key(value: object, at: str = "value") -> str:
    """Text that is not empty once stripped (a code, a scenario, a group); stripped."""
    if not isinstance(value, str):
        raise failure(LedgerError, "field.expected_text", at, value=value)
    text = value.strip()
    if not text:
        raise failure(LedgerError, "ledger.expected_key", at, value=value)
    return text


def as_label(value: object, at: str = "value") -> str:
    """Text that may be empty (a name, a label); stripped."""
    return F.as_text(value, at).strip()


_UNIT_NAMES = {"tkr": Unit.TKR, "ksek": Unit.TKR, "kr": Unit.SEK, "sek": Unit.SEK}


def as_money_unit(value: object, at: str = "value") -> Unit:
    """``Unit.TKR`` or ``Unit.SEK`` from the unit or its name (``"tkr"``, ``"kr"``, ``"sek"``)."""
    if value is Unit.TKR or value is Unit.SEK:
        return value
    if isinstance(value, str):
        found = _UNIT_NAMES.get(value.strip().casefold())
        if found is not None:
            return found
    raise failure(LedgerError, "ledger.expected_money_unit", at, value=value)


def unit_name(unit: Unit) -> str:
    """How files and messages name a money unit: ``"tkr"`` or ``"kr"``."""
    return "tkr" if unit is Unit.TKR else "kr"


def as_items(value: object, at: str, cls: type[T]) -> tuple[T, ...]:
    """A tuple of *cls* values from any sequence but text; each item checked."""
    if isinstance(value, str | bytes | Mapping | cls) or not isinstance(value, Iterable):
        raise failure(LedgerError, "ledger.expected_items", at, value=value, kind=cls.__name__)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise failure(
                LedgerError, "ledger.expected_item", f"{at}[{i}]", value=item, kind=cls.__name__
            )
    return items


def as_threshold(value: object, at: str = "value") -> Threshold:
    """A styrmodell threshold (``BudgetDeviation``, ``Bands``...)."""
    if is_threshold(value):
        return value
    raise failure(LedgerError, "ledger.expected_threshold", at, value=value)


def as_thresholds(value: object, at: str = "value") -> FrozenMap[str, Threshold]:
    """Thresholds by key (a verksamhet code, a group, a row number as text)."""
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(LedgerError, "field.expected_mapping", at, value=value)
    out: dict[str, Threshold] = {}
    for key, rule in value.items():
        out[as_key(key, f"{at} key")] = as_threshold(rule, f"{at}[{key!r}]")
    return FrozenMap(out)


def items_field(cls: type[Any], **kwargs: Any) -> Any:
    """A field holding a tuple of *cls* values, from any sequence of them; ``()`` by default."""
    return F.field(functools.partial(as_items, cls=cls), default=(), **kwargs)


def thresholds_field() -> Any:
    """The ``thresholds`` field of a ledger or an investment budget."""
    return F.field(as_thresholds, factory=FrozenMap, kw_only=True)
