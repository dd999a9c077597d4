"""Months: an annual amount spread over months, and the full-year forecast of a prognosis.

Swedish terms: *periodisering* (an annual amount spread over months), *helårsprognos*
(full-year forecast: the utfall of the closed months plus the budget, or the last prognos, of
the open months), *ackumulerat utfall* (the outcome of months 1..n), *stängda månader* (closed
months).
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from styrmodell._errors import LedgerError
from styrmodell._ledger import Ledger, index_of
from styrmodell._ledger_base import F, as_key, exact_sum
from styrmodell._ledger_lines import STORED_KINDS, LedgerLine, LineKind, Verksamhet, as_kind
from styrmodell._ledger_queries import known_scenario, selected_codes
from styrmodell._messages import failure
from styrmodell._numbers import EXACT, NumberLike

__all__ = ["MAX_PARTS", "forecast", "monthly", "periodise"]

MAX_PARTS = 1000
""":func:`periodise` spreads an amount over at most this many parts (months, weeks, days)."""

_ZERO = Decimal(0)


def _profile(profile: Sequence[NumberLike] | None, months: int) -> tuple[Fraction, ...]:
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_PARTS:
        raise failure(
            LedgerError, "ledger.expected_months", "months", value=months, limit=MAX_PARTS
        )
    if profile is None:
        return (Fraction(1),) * months
    if isinstance(profile, str | bytes) or not isinstance(profile, Sequence):
        raise failure(
            LedgerError, "ledger.expected_profile", "profile", value=profile, months=months
        )
    if len(profile) != months:
        raise failure(
            LedgerError,
            "ledger.profile_length",
            "profile",
            value=profile,
            months=months,
            n=len(profile),
        )
    weights = []
    for i, w in enumerate(profile):
        d = F.as_decimal(w, f"profile[{i}]")
        if d < 0:
            raise failure(LedgerError, "ledger.negative_weight", f"profile[{i}]", value=w)
        weights.append(Fraction(d))
    if sum(weights) == 0:
        raise failure(LedgerError, "ledger.zero_profile", "profile", value=profile)
    return tuple(weights)


def periodise(
    amount: NumberLike, profile: Sequence[NumberLike] | None = None, *, months: int = 12
) -> tuple[Decimal, ...]:
    """Spread an annual *amount* over *months*, evenly or by a *profile*, summing exactly.

    Each month gets its share in the amount's own smallest unit (whole tkr for
    ``333088``, öre for ``100.50``); the units left over go one each to the months with the
    largest remainder, the earliest first. The months always sum to the amount exactly.
    The amount passes the limits of the one number coercion, so the work is bounded.

    Args:
        amount: The annual amount.
        profile: One non-negative weight per month (e.g. ``[31, 28, 31, ...]`` or a seasonal
            pattern); ``None`` spreads evenly.
        months: How many parts, 1 to :data:`MAX_PARTS` (12 by default).

    Raises:
        LedgerError: for a non-number, a profile of the wrong length, a negative weight or
            all-zero weights.

    Example:
        >>> periodise(100)
        ... # doctest: +NORMALIZE_WHITESPACE
        (Decimal('9'), Decimal('9'), Decimal('9'), Decimal('9'), Decimal('8'), Decimal('8'),
         Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'))
        >>> periodise("100.50", months=2)
        (Decimal('50.25'), Decimal('50.25'))
    """
    value = F.as_decimal(amount, "periodise amount")
    weights = _profile(profile, months)
    raw_exponent = value.as_tuple().exponent
    exponent = min(raw_exponent, 0) if isinstance(raw_exponent, int) else 0
    # Within the limits an amount has at most 28 significant digits: fewer than 10²⁸ units.
    units = int(abs(value).scaleb(-exponent, EXACT))
    total_weight = sum(weights)
    shares = [units * w / total_weight for w in weights]
    floors = [math.floor(s) for s in shares]
    left = units - sum(floors)
    order = sorted(range(months), key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    sign = -1 if value < 0 else 1
    return tuple(Decimal(sign * n).scaleb(exponent, EXACT) for n in floors)


def monthly(
    ledger: Ledger,
    scenario: str,
    kind: LineKind | str = LineKind.NET,
    *,
    verksamhet: Verksamhet | str | None = None,
    group: str | None = None,
    profile: Sequence[NumberLike] | None = None,
) -> tuple[Decimal, ...]:
    """*scenario* per month: every line periodised, then summed month by month.

    The months sum exactly to ``total`` of the same selection.

    Raises:
        LedgerError: for an unknown scenario, verksamhet or group, or a bad profile.
    """
    known_scenario(ledger, scenario)
    kind = as_kind(kind, "kind")
    codes = selected_codes(ledger, verksamhet, group)
    kinds = STORED_KINDS if kind is LineKind.NET else (kind,)
    _profile(profile, 12)  # validate once, before the loop
    months = [_ZERO] * 12
    with decimal.localcontext(EXACT):
        for line in ledger.lines:
            if (
                line.scenario == scenario
                and line.kind in kinds
                and (codes is None or line.verksamhet.code in codes)
            ):
                for i, part in enumerate(periodise(line.amount, profile)):
                    months[i] += part
    return tuple(months)


def forecast(
    ledger: Ledger,
    name: str,
    *,
    basis: str,
    outcome: str,
    closed_months: int,
    profile: Sequence[NumberLike] | None = None,
) -> Ledger:
    """A ledger with a full-year forecast column *name* added.

    Each row and kind gets the *outcome* for the closed months (an accumulated utfall,
    e.g. "Utfall jan–aug 2023", a scenario of the ledger) plus the open months of *basis*
    (the budget, or the last prognos) periodised by *profile*: what kommuner do at each
    prognosis occasion.

    Args:
        ledger: The ledger holding both *basis* and *outcome*.
        name: The new scenario, e.g. "Helårsprognos augusti 2023".
        basis: The scenario that fills the open months.
        outcome: The accumulated outcome of months 1..*closed_months*.
        closed_months: 0–12.
        profile: Month weights for periodising *basis*; even by default.

    Raises:
        LedgerError: for an unknown scenario, a name already used, or bad months.
    """
    known_scenario(ledger, basis, "basis")
    known_scenario(ledger, outcome, "outcome")
    name = as_key(name, "forecast name")
    if name in ledger.scenarios:
        raise failure(LedgerError, "ledger.scenario_exists", "forecast", value=name)
    if (
        isinstance(closed_months, bool)
        or not isinstance(closed_months, int)
        or not 0 <= closed_months <= 12
    ):
        raise failure(
            LedgerError, "ledger.expected_closed_months", "closed_months", value=closed_months
        )
    _profile(profile, 12)
    index = index_of(ledger)
    new = []
    for code, v in index.names.items():
        for kind in STORED_KINDS:
            b = index.get(code, kind, basis)
            o = index.get(code, kind, outcome)
            if b is None and o is None:
                continue
            open_part = periodise(b or _ZERO, profile)[closed_months:]
            value = exact_sum((o or _ZERO, *open_part))
            new.append(LedgerLine(v, kind, name, value, ledger.unit))
    return attrs.evolve(ledger, lines=ledger.lines + tuple(new))
