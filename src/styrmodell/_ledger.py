"""Budget ledgers: internbudget, årsprognos, utfall and ram, exact to the krona.

Swedish terms: *internbudget* (a nämnd's budget per verksamhet), *verksamhet* (an activity
code and name, "54 Individ och familjeomsorg"), *intäkter* (income, positive), *kostnader*
(costs, negative as in the plans), *nettokostnad* (intäkter + kostnader, always derived),
*scenario* (a column: "Årsprognos per oktober 2022", "Budget 2022", "Förändr mot budg 2022",
"M&B 2023", "Utfall 2023"), *S:a* (a printed sum), *ram* (the frame a nämnd's nettokostnad
must keep within), *avvikelse* (deviation from budget, in tkr and per cent), *periodisering*
(an annual amount spread over months), *helårsprognos* (full-year forecast: utfall for closed
months, budget or the last prognos for open months), *förvaltning* (SOF, ÄF: a group of
verksamheter).

A :class:`Ledger` is a tuple of :class:`LedgerLine` values; every total is a pure function of
the lines, summed exactly in ``Decimal``. A line that is not there counts as zero, so an empty
cell in a printed table is simply an absent line, while a printed ``0`` is a line of zero.
"""

from __future__ import annotations

import csv
import decimal
import enum
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs

from styrmodell._errors import LedgerError
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import language
from styrmodell._numbers import NumberLike, to_decimal
from styrmodell._thresholds._base import Assessment, Context, Threshold, is_threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._units import Unit

__all__ = [
    "FrameCheck",
    "Ledger",
    "LedgerDeviation",
    "LedgerLine",
    "LedgerProblem",
    "LineKind",
    "PrintedFigure",
    "ScenarioChange",
    "Verksamhet",
    "deviation_percent",
    "exact_sum",
    "money_unit",
    "periodise",
]

_ZERO = Decimal(0)
# Additions under this context never round: a sum is exact or it raises.
_EXACT = decimal.Context(prec=decimal.MAX_PREC, traps=[decimal.Inexact, decimal.InvalidOperation])


def exact_sum(values: Iterable[Decimal]) -> Decimal:
    """Sum *values* exactly (no rounding at the context's 28 digits)."""
    with decimal.localcontext(_EXACT):
        total = _ZERO
        for value in values:
            total += value
        return total


def deviation_percent(outcome: Decimal, budget: Decimal) -> Decimal | None:
    """``(outcome − budget) / |budget| × 100``: positive is a better result.

    The formula is owned by :meth:`BudgetDeviation.deviation_percent`; this returns ``None``
    for a zero budget (no percentage exists) instead of raising.
    """
    if budget == 0:
        return None
    return BudgetDeviation.deviation_percent(outcome, budget)


# --------------------------------------------------------------------------------------------
# Small values


class LineKind(enum.Enum):
    """What a ledger figure is: intäkter, kostnader, or the derived nettokostnad.

    Lines hold ``INCOME`` or ``COSTS``; ``NET`` (intäkter + kostnader) is only ever computed,
    or printed in a document and checked.

    Example:
        >>> LineKind.parse("kostnader")
        <LineKind.COSTS: 'kostnader'>
        >>> LineKind.NET.label("en")
        'net cost'
    """

    INCOME = "intäkter"
    COSTS = "kostnader"
    NET = "nettokostnad"

    @classmethod
    def parse(cls, value: object) -> LineKind:
        """A kind from its Swedish or English name ("intäkter", "costs", "net"...)."""
        if isinstance(value, LineKind):
            return value
        if isinstance(value, str):
            found = _KIND_NAMES.get(value.strip().casefold())
            if found is not None:
                return found
        raise LedgerError(
            f"kind: expected 'intäkter', 'kostnader' or 'nettokostnad', got {value!r}"
        )

    def label(self, locale: str = "sv") -> str:
        """The kind's name for people: "intäkter" / "income" and so on."""
        return _KIND_LABELS[language(locale)][self]


_KIND_NAMES = {
    "intäkter": LineKind.INCOME,
    "intakter": LineKind.INCOME,
    "income": LineKind.INCOME,
    "kostnader": LineKind.COSTS,
    "costs": LineKind.COSTS,
    "nettokostnad": LineKind.NET,
    "net": LineKind.NET,
    "net cost": LineKind.NET,
}
_KIND_LABELS = {
    "sv": {LineKind.INCOME: "intäkter", LineKind.COSTS: "kostnader", LineKind.NET: "nettokostnad"},
    "en": {LineKind.INCOME: "income", LineKind.COSTS: "costs", LineKind.NET: "net cost"},
}
_STORED_KINDS = (LineKind.INCOME, LineKind.COSTS)


def money_unit(value: object, *, what: str = "unit") -> Unit:
    """``Unit.TKR`` or ``Unit.SEK`` from the unit or its name ("tkr", "kr", "sek")."""
    if isinstance(value, Unit):
        unit = value
    elif isinstance(value, str) and value.strip().casefold() in _UNIT_NAMES:
        unit = _UNIT_NAMES[value.strip().casefold()]
    else:
        raise LedgerError(f"{what}: expected Unit.TKR or Unit.SEK ('tkr' or 'kr'), got {value!r}")
    if not unit.is_money:
        raise LedgerError(f"{what}: expected Unit.TKR or Unit.SEK, got {unit}")
    return unit


_UNIT_NAMES = {"tkr": Unit.TKR, "ksek": Unit.TKR, "kr": Unit.SEK, "sek": Unit.SEK}


def _unit_name(unit: Unit) -> str:
    return "tkr" if unit is Unit.TKR else "kr"


def _text(value: object, what: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise LedgerError(f"{what}: expected text, got {value!r}")
    text = value.strip()
    if not text and not allow_empty:
        raise LedgerError(f"{what}: expected a non-empty text, got {value!r}")
    return text


def _code_text(value: object) -> str:
    return _text(value, "Verksamhet.code")


def _name_text(value: object) -> str:
    return _text(value, "Verksamhet.name", allow_empty=True)


def _scenario_text(value: object) -> str:
    return _text(value, "scenario")


def _optional_group(value: object) -> str | None:
    return None if value is None else _text(value, "group")


def _label_text(value: object) -> str:
    return _text(value, "label", allow_empty=True)


def _printed_amount(value: object) -> Decimal:
    return to_decimal(value, what="printed figure amount", error=LedgerError)


def _printed_unit(value: object) -> Unit:
    return money_unit(value, what="printed figure unit")


@attrs.frozen
class Verksamhet:
    """A verksamhet: an activity code and its name, as the plans print them.

    Attributes:
        code: The code, e.g. ``"54"`` (text: codes may have leading zeros or letters).
        name: The name, e.g. ``"Individ och familjeomsorg"``; may be empty.

    Example:
        >>> Verksamhet.parse("54 Individ och familjeomsorg")
        Verksamhet(code='54', name='Individ och familjeomsorg')
        >>> str(Verksamhet("54", "Individ och familjeomsorg"))
        '54 Individ och familjeomsorg'
    """

    code: str = attrs.field(converter=_code_text)
    name: str = attrs.field(default="", converter=_name_text)

    @classmethod
    def parse(cls, text: str) -> Verksamhet:
        """Split "54 Individ och familjeomsorg" into code and name at the first space."""
        code, _, name = _text(text, "verksamhet").partition(" ")
        return cls(code, name)

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.name else self.code


def _verksamhet(value: object) -> Verksamhet:
    if isinstance(value, Verksamhet):
        return value
    if isinstance(value, str):
        return Verksamhet.parse(value)
    if isinstance(value, tuple) and len(value) == 2:
        return Verksamhet(*value)
    raise LedgerError(
        f"verksamhet: expected a Verksamhet, '54 Individ och familjeomsorg' or (code, name), "
        f"got {value!r}"
    )


def _optional_verksamhet(value: object) -> Verksamhet | None:
    return None if value is None else _verksamhet(value)


def _any_kind(value: object) -> LineKind:
    return LineKind.parse(value)


def _where(verksamhet: Verksamhet, kind: LineKind, scenario: str) -> str:
    return f"{verksamhet} / {kind.value} / {scenario!r}"


def _line_kind(value: object) -> LineKind:
    kind = LineKind.parse(value)
    if kind is LineKind.NET:
        raise LedgerError(
            "kind: a line holds 'intäkter' or 'kostnader'; nettokostnad is derived, never stored"
        )
    return kind


@attrs.frozen(init=False)
class LedgerLine:
    """One figure of a budget table: a verksamhet's intäkter or kostnader in one scenario.

    Costs are negative, as the plans print them; income is positive. A change column
    ("Förändr mot budg 2022") holds signed changes.

    Args:
        verksamhet: A :class:`Verksamhet`, ``"54 Individ och familjeomsorg"`` or
            ``("54", "Individ och familjeomsorg")``.
        kind: ``LineKind.INCOME`` / ``"intäkter"`` or ``LineKind.COSTS`` / ``"kostnader"``.
        scenario: The column's name, e.g. ``"Budget 2022"``.
        amount: The amount; floats go through ``str``, strings may be written the Swedish
            way ("−58 117", "2,5").
        unit: ``Unit.TKR`` (default) or ``Unit.SEK``.

    Raises:
        LedgerError: naming the line, for a non-number, a non-money unit or a ``NET`` line.

    Example:
        >>> LedgerLine("54 Individ och familjeomsorg", "kostnader", "Budget 2022", "−58 117")
        ... # doctest: +NORMALIZE_WHITESPACE
        LedgerLine(verksamhet=Verksamhet(code='54', name='Individ och familjeomsorg'),
            kind=<LineKind.COSTS: 'kostnader'>, scenario='Budget 2022',
            amount=Decimal('-58117'), unit=<Unit.TKR: 'tkr'>)
    """

    verksamhet: Verksamhet
    kind: LineKind
    scenario: str
    amount: Decimal
    unit: Unit = Unit.TKR

    def __init__(
        self,
        verksamhet: Verksamhet | str | tuple[str, str],
        kind: LineKind | str,
        scenario: str,
        amount: NumberLike,
        unit: Unit | str = Unit.TKR,
    ) -> None:
        v = _verksamhet(verksamhet)
        k = _line_kind(kind)
        s = _text(scenario, f"line {v} / {k.value}: scenario")
        where = f"line {_where(v, k, s)}"
        self.__attrs_init__(
            v,
            k,
            s,
            to_decimal(amount, what=f"{where}: amount", error=LedgerError),
            unit
            if type(unit) is Unit and unit.is_money
            else money_unit(unit, what=f"{where}: unit"),
        )

    def _where(self) -> str:
        return _where(self.verksamhet, self.kind, self.scenario)

    @property
    def key(self) -> tuple[str, LineKind, str]:
        """``(code, kind, scenario)``: what makes a line unique in a ledger."""
        return (self.verksamhet.code, self.kind, self.scenario)


@attrs.frozen
class PrintedFigure:
    """A figure a document prints that follows from its lines: a row's nettokostnad or a sum.

    :meth:`Ledger.check` compares each printed figure with what the lines give.

    Attributes:
        kind: What is summed (``NET`` for "S:a Nettokostnad" or a nettokostnad row).
        scenario: The column.
        amount: The printed number.
        verksamhet: The row, or ``None`` for a sum over the table (or over *group*).
        group: For a sub-total of a group ("Varav summa SOF"); ``None`` otherwise.
        label: The printed label, e.g. ``"S:a Nettokostnad"``.
        unit: The unit the document prints it in.

    Example:
        >>> PrintedFigure("nettokostnad", "M&B 2023", "−333 088", label="S:a Nettokostnad").amount
        Decimal('-333088')
    """

    kind: LineKind = attrs.field(converter=_any_kind)
    scenario: str = attrs.field(converter=_scenario_text)
    amount: Decimal = attrs.field(converter=_printed_amount)
    verksamhet: Verksamhet | None = attrs.field(default=None, converter=_optional_verksamhet)
    group: str | None = attrs.field(
        default=None,
        converter=_optional_group,
    )
    label: str = attrs.field(default="", converter=_label_text)
    unit: Unit = attrs.field(default=Unit.TKR, converter=_printed_unit)

    def __attrs_post_init__(self) -> None:
        if self.verksamhet is not None and (self.group is not None or self.label):
            raise LedgerError(
                f"printed figure {self.verksamhet} / {self.scenario!r}: a row figure has "
                f"no group and no label (those are for sums)"
            )

    def where(self, locale: str = "sv") -> str:
        """The row the figure stands on: the verksamhet, the label, or "S:a"."""
        if self.verksamhet is not None:
            return str(self.verksamhet)
        if self.label:
            return self.label
        if self.group is not None:
            return ("Varav summa " if language(locale) == "sv" else "Of which ") + self.group
        return "S:a" if language(locale) == "sv" else "Total"


@attrs.frozen
class ScenarioChange:
    """A change column: ``name`` = ``target`` − ``base`` on every row, per kind.

    In the Oxelösund plan "Budget 2022" + "Förändr mot budg 2022" = "M&B 2023", i.e.
    ``ScenarioChange("Förändr mot budg 2022", base="Budget 2022", target="M&B 2023")``.
    """

    name: str = attrs.field(converter=_scenario_text)
    base: str = attrs.field(converter=_scenario_text)
    target: str = attrs.field(converter=_scenario_text)


def _signed(unit: Unit, value: Decimal, locale: str, places: int | None = None) -> str:
    text = unit.format(value, locale, places=places)
    return text if value <= 0 else "+" + text


@attrs.frozen
class LedgerDeviation:
    r"""How an outcome (or a prognos) deviates from a budget.

    Attributes:
        outcome: The outcome or prognos (e.g. "Årsprognos per oktober 2022").
        budget: The budget compared with.
        amount: ``outcome − budget``: positive is a better result (more income or a smaller
            cost, since costs are negative).
        percent: ``(outcome − budget) / |budget| × 100``, or ``None`` when the budget is zero.
        unit: The ledger's unit.

    Example:
        >>> d = LedgerDeviation(Decimal(-315581), Decimal(-317639), Decimal(2058), None, Unit.TKR)
        >>> d.format()
        '+2\xa0058\xa0tkr'
    """

    outcome: Decimal
    budget: Decimal
    amount: Decimal
    percent: Decimal | None
    unit: Unit = Unit.TKR

    @classmethod
    def of(cls, outcome: Decimal, budget: Decimal, unit: Unit = Unit.TKR) -> LedgerDeviation:
        """The deviation of *outcome* from *budget*."""
        with decimal.localcontext(_EXACT):
            amount = outcome - budget
        return cls(outcome, budget, amount, deviation_percent(outcome, budget), unit)

    def format(self, locale: str = "sv", *, places: int = 1) -> str:
        """The amount and the percent to *places* decimals: "+2 058 tkr (+0,6 %)"."""
        text = _signed(self.unit, self.amount, locale)
        if self.percent is None:
            return text
        return f"{text} ({_signed(Unit.PERCENT, self.percent, locale, places)})"


@attrs.frozen
class FrameCheck:
    """Whether a scenario's nettokostnad keeps within its frame (ram).

    Attributes:
        scenario: The scenario checked, e.g. "M&B 2023".
        frame: The frame as printed, a positive amount ("333 088 tkr").
        net_cost: The nettokostnad as a positive cost (``−`` the net total).
        margin: ``frame − net_cost``: zero or positive when the frame holds, negative by
            how much it is exceeded.
        unit: The ledger's unit.
    """

    scenario: str
    frame: Decimal
    net_cost: Decimal
    margin: Decimal
    unit: Unit = Unit.TKR

    @property
    def holds(self) -> bool:
        """True when the nettokostnad is within the frame."""
        return self.margin >= 0

    def explain(self, locale: str = "sv") -> str:
        """The check in a sentence: "Nettokostnaden 333 088 tkr ryms inom ramen 333 088 tkr"."""
        cost = self.unit.format(self.net_cost, locale)
        frame = self.unit.format(self.frame, locale)
        if language(locale) == "sv":
            if self.holds:
                rest = f", marginal {self.unit.format(self.margin, locale)}" if self.margin else ""
                return f"Nettokostnaden {cost} ryms inom ramen {frame} ({self.scenario}){rest}"
            over = self.unit.format(-self.margin, locale)
            return f"Nettokostnaden {cost} överskrider ramen {frame} med {over} ({self.scenario})"
        if self.holds:
            rest = f", margin {self.unit.format(self.margin, locale)}" if self.margin else ""
            return f"Net cost {cost} is within the frame {frame} ({self.scenario}){rest}"
        over = self.unit.format(-self.margin, locale)
        return f"Net cost {cost} exceeds the frame {frame} by {over} ({self.scenario})"


@attrs.frozen
class LedgerProblem:
    """One figure that does not add up, found by :meth:`Ledger.check`.

    Attributes:
        rule: ``"row"`` (a printed row figure, e.g. nettokostnad ≠ intäkter + kostnader),
            ``"sum"`` (a printed sum ≠ the sum of its rows), ``"change"`` (a change column ≠
            target − base), or ``"unknown"`` (a printed figure names a scenario or verksamhet
            the ledger lacks).
        where: The row: ``"54 Individ och familjeomsorg"``, ``"S:a Nettokostnad"``...
        kind: The kind of figure.
        scenario: The column.
        printed: The figure as the document prints it (``None`` for a missing one).
        computed: What the other figures give (``None`` when it cannot be computed).
        unit: The ledger's unit.
    """

    rule: Literal["row", "sum", "change", "unknown"]
    where: str
    kind: LineKind
    scenario: str
    printed: Decimal | None
    computed: Decimal | None
    unit: Unit = Unit.TKR

    @property
    def difference(self) -> Decimal | None:
        """``printed − computed``, when both are known."""
        if self.printed is None or self.computed is None:
            return None
        return self.printed - self.computed

    def message(self, locale: str = "sv") -> str:
        """The problem in a sentence naming the row and the column."""
        sv = language(locale) == "sv"
        head = f"{self.where}, {self.kind.label(locale)}, {self.scenario}"
        if self.rule == "unknown":
            return head + (
                ": okänd rad eller kolumn i reskontran"
                if sv
                else ": row or column unknown to the ledger"
            )
        printed = "–" if self.printed is None else self.unit.format(self.printed, locale)
        computed = "–" if self.computed is None else self.unit.format(self.computed, locale)
        if sv:
            text = f"{head}: tryckt {printed}, beräknat {computed}"
        else:
            text = f"{head}: printed {printed}, computed {computed}"
        diff = self.difference
        if diff is not None:
            text += f" ({'skillnad' if sv else 'difference'} {self.unit.format(diff, locale)})"
        return text

    def __str__(self) -> str:
        return self.message("en")


# --------------------------------------------------------------------------------------------
# Periodisation


def _profile(profile: Sequence[NumberLike] | None, months: int) -> tuple[Fraction, ...]:
    if isinstance(months, bool) or not isinstance(months, int) or months < 1:
        raise LedgerError(f"months: expected a positive number of months, got {months!r}")
    if profile is None:
        return (Fraction(1),) * months
    if isinstance(profile, str | bytes) or not isinstance(profile, Sequence):
        raise LedgerError(f"profile: expected a sequence of {months} weights, got {profile!r}")
    if len(profile) != months:
        raise LedgerError(f"profile: expected {months} weights, got {len(profile)}: {profile!r}")
    weights = []
    for i, w in enumerate(profile):
        d = to_decimal(w, what=f"profile[{i}]", error=LedgerError)
        if d < 0:
            raise LedgerError(f"profile[{i}]: expected a weight ≥ 0, got {w!r}")
        weights.append(Fraction(d))
    if sum(weights) == 0:
        raise LedgerError(f"profile: expected at least one weight > 0, got {profile!r}")
    return tuple(weights)


def periodise(
    amount: NumberLike, profile: Sequence[NumberLike] | None = None, *, months: int = 12
) -> tuple[Decimal, ...]:
    """Spread an annual *amount* over *months*, evenly or by a *profile*, summing exactly.

    Each month gets its share in the amount's own smallest unit (whole tkr for
    ``333088``, öre for ``100.50``); the units left over go one each to the months with the
    largest remainder, the earliest first. The months always sum to the amount exactly.

    Args:
        amount: The annual amount.
        profile: One non-negative weight per month (e.g. ``[31, 28, 31, ...]`` or a seasonal
            pattern); ``None`` spreads evenly.
        months: How many months (12 by default).

    Raises:
        LedgerError: for a non-number, a profile of the wrong length, a negative weight or
            all-zero weights.

    Example:
        >>> periodise(100)
        ... # doctest: +NORMALIZE_WHITESPACE
        (Decimal('9'), Decimal('9'), Decimal('9'), Decimal('9'), Decimal('8'), Decimal('8'),
         Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'), Decimal('8'))
    """
    value = to_decimal(amount, what="periodise amount", error=LedgerError)
    weights = _profile(profile, months)
    raw_exponent = value.as_tuple().exponent
    exponent = min(raw_exponent, 0) if isinstance(raw_exponent, int) else 0
    units = int(abs(value).scaleb(-exponent))
    total_weight = sum(weights)
    shares = [units * w / total_weight for w in weights]
    floors = [math.floor(s) for s in shares]
    left = units - sum(floors)
    order = sorted(range(months), key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    sign = -1 if value < 0 else 1
    return tuple(Decimal(sign * n).scaleb(exponent) for n in floors)


# --------------------------------------------------------------------------------------------
# The ledger


def _lines(value: Iterable[LedgerLine]) -> tuple[LedgerLine, ...]:
    if isinstance(value, str | bytes | LedgerLine) or not isinstance(value, Iterable):
        raise LedgerError(f"Ledger.lines: expected a sequence of LedgerLine, got {value!r}")
    lines = tuple(value)
    for i, line in enumerate(lines):
        if not isinstance(line, LedgerLine):
            raise LedgerError(f"Ledger.lines[{i}]: expected a LedgerLine, got {line!r}")
    return lines


def _printed(value: Iterable[PrintedFigure]) -> tuple[PrintedFigure, ...]:
    figures = tuple(value)
    for i, fig in enumerate(figures):
        if not isinstance(fig, PrintedFigure):
            raise LedgerError(f"Ledger.printed[{i}]: expected a PrintedFigure, got {fig!r}")
    return figures


def _changes(value: Iterable[ScenarioChange]) -> tuple[ScenarioChange, ...]:
    changes = tuple(value)
    for i, ch in enumerate(changes):
        if not isinstance(ch, ScenarioChange):
            raise LedgerError(f"Ledger.changes[{i}]: expected a ScenarioChange, got {ch!r}")
    return changes


def _chart(value: Mapping[str, str] | None) -> FrozenMap[str, str]:
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise LedgerError(f"Ledger.chart: expected a mapping of code to group, got {value!r}")
    out = {}
    for code, group in value.items():
        out[_text(code, "Ledger.chart code")] = _text(group, f"Ledger.chart[{code!r}]")
    return FrozenMap(out)


def threshold_or_none(value: object) -> Threshold | None:
    """An optional threshold attached to a ledger or an investment budget."""
    if value is None or is_threshold(value):
        return value
    raise LedgerError(f"threshold: expected a styrmodell threshold, got {value!r}")


def thresholds_by_key(value: object, *, owner: str) -> FrozenMap[str, Threshold]:
    """Thresholds by verksamhet code, group or object name, for *owner* ("Ledger")."""
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise LedgerError(
            f"{owner}.thresholds: expected a mapping of key to threshold, got {value!r}"
        )
    out: dict[str, Threshold] = {}
    for key, rule in value.items():
        checked = threshold_or_none(rule)
        if checked is None:
            raise LedgerError(f"{owner}.thresholds[{key!r}]: expected a threshold, got None")
        out[_text(key, f"{owner}.thresholds key")] = checked
    return FrozenMap(out)


def _thresholds(value: object) -> FrozenMap[str, Threshold]:
    return thresholds_by_key(value, owner="Ledger")


def _ledger_unit(value: object) -> Unit:
    return money_unit(value, what="Ledger.unit")


_CSV_COLUMNS = ("record", "code", "name", "group", "kind", "scenario", "amount", "unit")


@attrs.frozen
class Ledger:
    r"""A budget table: lines per verksamhet, kind and scenario, summed exactly.

    Attributes:
        lines: The :class:`LedgerLine` values (positional or ``lines=``). A line that is not
            there counts as zero; a ``(code, kind, scenario)`` may occur once.
        unit: ``Unit.TKR`` or ``Unit.SEK``; by default the unit of the first line (tkr for
            an empty ledger). Every line and printed figure must be in it.
        printed: Figures the document prints that follow from the lines (nettokostnad rows,
            "S:a" sums); :meth:`check` compares them.
        changes: Change columns the document prints (:class:`ScenarioChange`).
        chart: Code → group, e.g. ``{"54": "SOF", "55": "ÄF"}``; used by group totals.
        threshold: A threshold (e.g. ``BudgetDeviation``) for the whole ledger.
        thresholds: Thresholds per verksamhet code or group name.

    Raises:
        LedgerError: listing every duplicate line, unit mix and name clash at once.

    Example:
        >>> ledger = Ledger([
        ...     LedgerLine("54 Individ och familjeomsorg", "intäkter", "Budget 2022", 2045),
        ...     LedgerLine("54 Individ och familjeomsorg", "kostnader", "Budget 2022", -58117),
        ... ])
        >>> ledger.total("Budget 2022")
        Decimal('-56072')
        >>> ledger.unit.format(ledger.total("Budget 2022"))
        '−56\xa0072\xa0tkr'
    """

    lines: tuple[LedgerLine, ...] = attrs.field(default=(), converter=_lines)
    unit: Unit = attrs.field(kw_only=True, converter=_ledger_unit)
    printed: tuple[PrintedFigure, ...] = attrs.field(default=(), kw_only=True, converter=_printed)
    changes: tuple[ScenarioChange, ...] = attrs.field(default=(), kw_only=True, converter=_changes)
    chart: FrozenMap[str, str] = attrs.field(factory=FrozenMap, kw_only=True, converter=_chart)
    threshold: Threshold | None = attrs.field(
        default=None, kw_only=True, converter=threshold_or_none
    )
    thresholds: FrozenMap[str, Threshold] = attrs.field(
        factory=FrozenMap, kw_only=True, converter=_thresholds
    )
    _index: dict[tuple[str, LineKind, str], Decimal] = attrs.field(
        init=False, eq=False, hash=False, repr=False
    )
    _names: dict[str, Verksamhet] = attrs.field(init=False, eq=False, hash=False, repr=False)
    _scenarios: tuple[str, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)

    @unit.default
    def _default_unit(self) -> Unit:
        return self.lines[0].unit if self.lines else Unit.TKR

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, LineKind, str], Decimal] = {}
        names: dict[str, Verksamhet] = {}
        scenarios: dict[str, None] = {}
        problems: list[str] = []
        unit = self.unit
        for i, line in enumerate(self.lines):
            key = line.key
            if key in index:
                problems.append(f"lines[{i}] {line._where()}: duplicate line")
            index[key] = line.amount
            if line.unit is not unit:
                problems.append(
                    f"lines[{i}] {line._where()}: unit {_unit_name(line.unit)} in a ledger "
                    f"in {_unit_name(unit)}"
                )
            known = names.setdefault(line.verksamhet.code, line.verksamhet)
            if known is not line.verksamhet and known != line.verksamhet:
                problems.append(
                    f"lines[{i}] {line._where()}: code {line.verksamhet.code!r} is also named "
                    f"{known.name!r}"
                )
            scenarios[line.scenario] = None
        for i, fig in enumerate(self.printed):
            if fig.unit is not unit:
                problems.append(
                    f"printed[{i}] {fig.where()} / {fig.scenario!r}: unit "
                    f"{_unit_name(fig.unit)} in a ledger in {_unit_name(unit)}"
                )
        for i, ch in enumerate(self.changes):
            if ch.name in (ch.base, ch.target) or ch.base == ch.target:
                problems.append(
                    f"changes[{i}] {ch.name!r}: name, base and target must be three scenarios"
                )
        if problems:
            raise LedgerError("Ledger: " + "; ".join(problems))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_names", names)
        object.__setattr__(self, "_scenarios", tuple(scenarios))

    # -- what is in it -----------------------------------------------------------------------

    @property
    def scenarios(self) -> tuple[str, ...]:
        """The scenarios (columns), in the order they first occur."""
        return self._scenarios

    @property
    def verksamheter(self) -> tuple[Verksamhet, ...]:
        """The verksamheter (rows), in the order they first occur."""
        return tuple(self._names.values())

    def _scenario(self, scenario: str, what: str = "scenario") -> str:
        if scenario not in self._scenarios:
            raise LedgerError(
                f"{what}: unknown scenario {scenario!r}; the ledger has {list(self._scenarios)}"
            )
        return scenario

    def _code(self, verksamhet: Verksamhet | str) -> str:
        code = verksamhet.code if isinstance(verksamhet, Verksamhet) else verksamhet
        if code not in self._names:
            raise LedgerError(
                f"verksamhet: unknown verksamhet {verksamhet!s}; the ledger has "
                f"{[str(v) for v in self._names.values()]}"
            )
        return code

    def _group(self, group: str, chart: Mapping[str, str]) -> frozenset[str]:
        codes = frozenset(code for code in self._names if chart.get(code) == group)
        if not codes:
            raise LedgerError(
                f"group: unknown group {group!r}; the chart has {sorted(set(chart.values()))}"
            )
        return codes

    def _codes(
        self, verksamhet: Verksamhet | str | None, group: str | None, chart: Mapping[str, str]
    ) -> frozenset[str] | None:
        if verksamhet is not None and group is not None:
            raise LedgerError("give a verksamhet or a group, not both")
        if verksamhet is not None:
            return frozenset((self._code(verksamhet),))
        if group is not None:
            return self._group(group, chart)
        return None

    # -- figures -----------------------------------------------------------------------------

    def amount(
        self, verksamhet: Verksamhet | str, scenario: str, kind: LineKind | str = LineKind.NET
    ) -> Decimal:
        """One row's figure: a line's amount (zero when absent) or its nettokostnad.

        Raises:
            LedgerError: for an unknown verksamhet or scenario.
        """
        code = self._code(verksamhet)
        self._scenario(scenario)
        kind = LineKind.parse(kind)
        kinds = _STORED_KINDS if kind is LineKind.NET else (kind,)
        return exact_sum(self._index.get((code, k, scenario), _ZERO) for k in kinds)

    def total(
        self,
        scenario: str,
        kind: LineKind | str = LineKind.NET,
        *,
        verksamhet: Verksamhet | str | None = None,
        group: str | None = None,
        chart: Mapping[str, str] | None = None,
    ) -> Decimal:
        """The sum of *kind* in *scenario*, over the table, one verksamhet, or one group.

        Example: ``ledger.total("M&B 2023")`` is "S:a Nettokostnad" of that column.

        Raises:
            LedgerError: for an unknown scenario, verksamhet or group.
        """
        self._scenario(scenario)
        kind = LineKind.parse(kind)
        codes = self._codes(verksamhet, group, self.chart if chart is None else chart)
        kinds = _STORED_KINDS if kind is LineKind.NET else (kind,)
        return exact_sum(
            line.amount
            for line in self.lines
            if line.scenario == scenario
            and line.kind in kinds
            and (codes is None or line.verksamhet.code in codes)
        )

    def totals(self, kind: LineKind | str = LineKind.NET) -> FrozenMap[str, Decimal]:
        """Every scenario's sum of *kind* in one pass: ``{"Budget 2022": -317639, ...}``."""
        kind = LineKind.parse(kind)
        sums: dict[str, Decimal] = dict.fromkeys(self._scenarios, _ZERO)
        with decimal.localcontext(_EXACT):
            if kind is LineKind.NET:
                for line in self.lines:
                    sums[line.scenario] += line.amount
            else:
                for line in self.lines:
                    if line.kind is kind:
                        sums[line.scenario] += line.amount
        return FrozenMap(sums)

    def group_totals(
        self,
        scenario: str,
        kind: LineKind | str = LineKind.NET,
        *,
        chart: Mapping[str, str] | None = None,
    ) -> FrozenMap[str, Decimal]:
        """Sub-totals per group in *scenario*, by the ledger's chart or the *chart* given.

        Raises:
            LedgerError: for an unknown scenario, or naming every verksamhet the chart lacks
                (nothing is left out of a sub-total silently).
        """
        self._scenario(scenario)
        kind = LineKind.parse(kind)
        use = self.chart if chart is None else _chart(chart)
        missing = [str(v) for code, v in self._names.items() if code not in use]
        if missing:
            raise LedgerError(f"chart: no group for verksamhet {', '.join(missing)}")
        kinds = _STORED_KINDS if kind is LineKind.NET else (kind,)
        sums: dict[str, Decimal] = {}
        for code in self._names:
            sums.setdefault(use[code], _ZERO)
        with decimal.localcontext(_EXACT):
            for line in self.lines:
                if line.scenario == scenario and line.kind in kinds:
                    sums[use[line.verksamhet.code]] += line.amount
        return FrozenMap(sums)

    def change(
        self,
        base: str,
        target: str,
        kind: LineKind | str = LineKind.NET,
        *,
        verksamhet: Verksamhet | str | None = None,
        group: str | None = None,
    ) -> Decimal:
        """``target − base`` ("Förändr mot budg 2022" = "M&B 2023" − "Budget 2022").

        Raises:
            LedgerError: for an unknown scenario, verksamhet or group.
        """
        self._scenario(base, "base")
        self._scenario(target, "target")
        after = self.total(target, kind, verksamhet=verksamhet, group=group)
        before = self.total(base, kind, verksamhet=verksamhet, group=group)
        return exact_sum((after, -before))

    def with_change(self, name: str, *, base: str, target: str) -> Ledger:
        """A ledger with a change column *name* = *target* − *base* added on every row.

        The column gets a line for every row and kind that has a line in *base* or *target*,
        and the :class:`ScenarioChange` is recorded so :meth:`check` verifies it.

        Raises:
            LedgerError: for an unknown base or target, or a *name* already used.
        """
        change = ScenarioChange(name, base, target)
        self._scenario(base, "base")
        self._scenario(target, "target")
        if change.name in self._scenarios:
            raise LedgerError(f"with_change: scenario {change.name!r} already exists")
        new = []
        for code, v in self._names.items():
            for kind in _STORED_KINDS:
                a = self._index.get((code, kind, base))
                b = self._index.get((code, kind, target))
                if a is None and b is None:
                    continue
                value = exact_sum((b or _ZERO, -(a or _ZERO)))
                new.append(LedgerLine(v, kind, change.name, value, self.unit))
        return attrs.evolve(self, lines=self.lines + tuple(new), changes=(*self.changes, change))

    # -- deviation, frame, assessment --------------------------------------------------------

    def deviation(
        self,
        outcome: str,
        budget: str,
        kind: LineKind | str = LineKind.NET,
        *,
        verksamhet: Verksamhet | str | None = None,
        group: str | None = None,
    ) -> LedgerDeviation:
        """How *outcome* (a prognos or utfall) deviates from *budget*, in the unit and in %.

        Positive is a better result: more income, or a smaller cost (costs are negative).

        Example: ``ledger.deviation("Årsprognos per oktober 2022", "Budget 2022")``.

        Raises:
            LedgerError: for an unknown scenario, verksamhet or group.
        """
        self._scenario(outcome, "outcome")
        self._scenario(budget, "budget")
        out = self.total(outcome, kind, verksamhet=verksamhet, group=group)
        bud = self.total(budget, kind, verksamhet=verksamhet, group=group)
        return LedgerDeviation.of(out, bud, self.unit)

    def deviations(
        self,
        outcome: str,
        budget: str,
        kind: LineKind | str = LineKind.NET,
        *,
        by: Literal["verksamhet", "group"] = "verksamhet",
    ) -> FrozenMap[str, LedgerDeviation]:
        """The deviation of every verksamhet (by code) or every group, in one pass.

        Raises:
            LedgerError: for an unknown scenario, or a verksamhet the chart lacks.
        """
        self._scenario(outcome, "outcome")
        self._scenario(budget, "budget")
        kind = LineKind.parse(kind)
        if by == "verksamhet":
            key_of: Mapping[str, str] = {code: code for code in self._names}
        elif by == "group":
            missing = [str(v) for code, v in self._names.items() if code not in self.chart]
            if missing:
                raise LedgerError(f"chart: no group for verksamhet {', '.join(missing)}")
            key_of = self.chart
        else:
            raise LedgerError(f"by: expected 'verksamhet' or 'group', got {by!r}")
        outs: dict[str, Decimal] = {}
        buds: dict[str, Decimal] = {}
        for code in self._names:
            outs[key_of[code]] = buds[key_of[code]] = _ZERO
        with decimal.localcontext(_EXACT):
            for line in self.lines:
                if kind is not LineKind.NET and line.kind is not kind:
                    continue
                s = line.scenario
                if s == outcome:
                    outs[key_of[line.verksamhet.code]] += line.amount
                elif s == budget:
                    buds[key_of[line.verksamhet.code]] += line.amount
        unit = self.unit
        return FrozenMap({key: LedgerDeviation.of(outs[key], buds[key], unit) for key in outs})

    def frame_check(self, scenario: str, frame: NumberLike) -> FrameCheck:
        """Whether *scenario*'s nettokostnad keeps within *frame* (a positive amount).

        Example: "ramen för 2023 uppgår till 333 088 tkr" is
        ``ledger.frame_check("M&B 2023", 333088)``.

        Raises:
            LedgerError: for an unknown scenario, or a frame that is not a number ≥ 0.
        """
        value = to_decimal(frame, what="frame", error=LedgerError)
        if value < 0:
            raise LedgerError(
                f"frame: give the frame as the positive net cost allowed (333088), got {frame!r}"
            )
        net_cost = -self.total(scenario)
        return FrameCheck(scenario, value, net_cost, exact_sum((value, -net_cost)), self.unit)

    def assess(
        self,
        outcome: str,
        budget: str,
        *,
        kind: LineKind | str = LineKind.NET,
        of: str | None = None,
        threshold: Threshold | None = None,
    ) -> Assessment:
        """Assess *outcome* against *budget* with the attached (or given) threshold.

        The threshold is *threshold* if given, else ``thresholds[of]``, else the ledger's
        ``threshold``. It receives the outcome total and ``Context(budget=<budget total>)``
        (a ``BudgetDeviation`` judges their deviation percent).

        Args:
            outcome: The prognos or utfall scenario.
            budget: The budget scenario.
            kind: What to assess; nettokostnad by default.
            of: ``None`` for the whole ledger, a verksamhet code, or a group of the chart.
            threshold: Overrides the attached threshold.

        Raises:
            LedgerError: for an unknown scenario, verksamhet or group, or no threshold.
        """
        rule = threshold
        if rule is None and of is not None:
            rule = self.thresholds.get(of)
        if rule is None:
            rule = self.threshold
        if rule is None:
            raise LedgerError(
                f"assess: no threshold for {of or 'the ledger'!r}; attach one with "
                f"threshold= or thresholds= (e.g. BudgetDeviation.no_negative())"
            )
        verksamhet = group = None
        if of is not None:
            if of in self._names and of in set(self.chart.values()):
                raise LedgerError(f"assess: {of!r} is both a verksamhet code and a group")
            if of in self._names:
                verksamhet = of
            else:
                group = of
        out = self.total(outcome, kind, verksamhet=verksamhet, group=group)
        bud = self.total(budget, kind, verksamhet=verksamhet, group=group)
        return rule.assess(out, Context(budget=bud))

    # -- months ------------------------------------------------------------------------------

    @staticmethod
    def periodise(
        amount: NumberLike, profile: Sequence[NumberLike] | None = None, *, months: int = 12
    ) -> tuple[Decimal, ...]:
        """Spread an annual amount over months; see :func:`periodise`."""
        return periodise(amount, profile, months=months)

    def monthly(
        self,
        scenario: str,
        kind: LineKind | str = LineKind.NET,
        *,
        verksamhet: Verksamhet | str | None = None,
        group: str | None = None,
        profile: Sequence[NumberLike] | None = None,
    ) -> tuple[Decimal, ...]:
        """*scenario* per month: every line periodised, then summed month by month.

        The months sum exactly to :meth:`total` of the same selection.
        """
        self._scenario(scenario)
        kind = LineKind.parse(kind)
        codes = self._codes(verksamhet, group, self.chart)
        kinds = _STORED_KINDS if kind is LineKind.NET else (kind,)
        _profile(profile, 12)  # validate once, before the loop
        months = [_ZERO] * 12
        with decimal.localcontext(_EXACT):
            for line in self.lines:
                if (
                    line.scenario == scenario
                    and line.kind in kinds
                    and (codes is None or line.verksamhet.code in codes)
                ):
                    for i, part in enumerate(periodise(line.amount, profile)):
                        months[i] += part
        return tuple(months)

    def forecast(
        self,
        name: str,
        *,
        basis: str,
        outcome: str,
        closed_months: int,
        profile: Sequence[NumberLike] | None = None,
    ) -> Ledger:
        """A ledger with a full-year forecast column *name* added.

        Each row and kind gets the *outcome* for the closed months (an accumulated utfall,
        e.g. "Utfall jan–aug 2023") plus the open months of *basis* (the budget, or the last
        prognos) periodised by *profile*: what kommuner do at each prognosis occasion.

        Args:
            name: The new scenario, e.g. "Helårsprognos augusti 2023".
            basis: The scenario that fills the open months.
            outcome: The accumulated outcome of months 1..*closed_months*.
            closed_months: 0–12.
            profile: Month weights for periodising *basis*; even by default.

        Raises:
            LedgerError: for an unknown scenario, a name already used, or bad months.
        """
        self._scenario(basis, "basis")
        self._scenario(outcome, "outcome")
        name = _text(name, "forecast name")
        if name in self._scenarios:
            raise LedgerError(f"forecast: scenario {name!r} already exists")
        if isinstance(closed_months, bool) or not isinstance(closed_months, int):
            raise LedgerError(f"closed_months: expected 0–12, got {closed_months!r}")
        if not 0 <= closed_months <= 12:
            raise LedgerError(f"closed_months: expected 0–12, got {closed_months!r}")
        new = []
        for code, v in self._names.items():
            for kind in _STORED_KINDS:
                b = self._index.get((code, kind, basis))
                o = self._index.get((code, kind, outcome))
                if b is None and o is None:
                    continue
                open_part = periodise(b or _ZERO, profile)[closed_months:]
                value = exact_sum((o or _ZERO, *open_part))
                new.append(LedgerLine(v, kind, name, value, self.unit))
        return attrs.evolve(self, lines=self.lines + tuple(new))

    # -- check -------------------------------------------------------------------------------

    def check(self) -> tuple[LedgerProblem, ...]:
        """Compare the ledger with its own printed figures; every problem, not just the first.

        Checks each printed row figure (nettokostnad = intäkter + kostnader), each printed
        sum (and group sub-total) against the sum of its rows, and each change column
        (base + change = target) on every row and kind. An empty tuple means it all adds up.

        Example:
            >>> ledger = Ledger(
            ...     [LedgerLine("11 Nämndverksamhet", "kostnader", "Budget 2022", -929)],
            ...     printed=[PrintedFigure("nettokostnad", "Budget 2022", -929, label="S:a")],
            ... )
            >>> ledger.check()
            ()
        """
        problems: list[LedgerProblem] = []
        unit = self.unit
        for fig in self.printed:
            where = fig.where()
            known = fig.scenario in self._scenarios
            if fig.verksamhet is not None:
                known = known and self._names.get(fig.verksamhet.code) == fig.verksamhet
            if fig.group is not None:
                known = known and fig.group in set(self.chart.values())
            if not known:
                problems.append(
                    LedgerProblem("unknown", where, fig.kind, fig.scenario, fig.amount, None, unit)
                )
                continue
            if fig.verksamhet is not None:
                computed = self.amount(fig.verksamhet, fig.scenario, fig.kind)
                rule: Literal["row", "sum"] = "row"
            else:
                computed = self.total(fig.scenario, fig.kind, group=fig.group)
                rule = "sum"
            if computed != fig.amount:
                problems.append(
                    LedgerProblem(rule, where, fig.kind, fig.scenario, fig.amount, computed, unit)
                )
        for ch in self.changes:
            missing = [s for s in (ch.name, ch.base, ch.target) if s not in self._scenarios]
            if missing:
                for s in missing:
                    problems.append(
                        LedgerProblem("unknown", ch.name, LineKind.NET, s, None, None, unit)
                    )
                continue
            for code, v in self._names.items():
                for kind in _STORED_KINDS:
                    base = self._index.get((code, kind, ch.base), _ZERO)
                    delta = self._index.get((code, kind, ch.name))
                    target = self._index.get((code, kind, ch.target), _ZERO)
                    computed = exact_sum((target, -base))
                    if (delta or _ZERO) != computed:
                        problems.append(
                            LedgerProblem("change", str(v), kind, ch.name, delta, computed, unit)
                        )
        return tuple(problems)

    # -- CSV ---------------------------------------------------------------------------------

    @classmethod
    def from_csv(cls, text: str, **fields: Any) -> Ledger:
        """Read a ledger from CSV text with the columns of :meth:`to_csv`.

        Columns: ``record,code,name,group,kind,scenario,amount,unit``. ``record`` is
        ``line`` (a :class:`LedgerLine`; ``group``, if given, puts the code in the chart),
        ``printed`` (a :class:`PrintedFigure`: with a code it is a row figure, without one a
        sum, with a group a sub-total; ``name`` holds the label of a sum) or ``chart``
        (``code`` → ``group``). Amounts may be written "−58 117" or "-58117".

        Args:
            text: The CSV text (UTF-8 decoded), with the header row.
            **fields: Further :class:`Ledger` fields (``changes``, ``threshold``...).

        Raises:
            LedgerError: listing every bad row by its number.
        """
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or tuple(reader.fieldnames) != _CSV_COLUMNS:
            raise LedgerError(
                f"CSV header: expected {','.join(_CSV_COLUMNS)}, got {reader.fieldnames!r}"
            )
        lines: list[LedgerLine] = []
        printed: list[PrintedFigure] = []
        chart: dict[str, str] = {}
        problems: list[str] = []
        for number, row in enumerate(reader, start=2):
            try:
                record = (row["record"] or "").strip()
                code, name = (row["code"] or "").strip(), (row["name"] or "").strip()
                group = (row["group"] or "").strip() or None
                if None in row or any(v is None for v in row.values()):
                    raise LedgerError(f"expected {len(_CSV_COLUMNS)} columns")
                if record == "line":
                    lines.append(
                        LedgerLine(
                            Verksamhet(code, name),
                            row["kind"],
                            row["scenario"],
                            row["amount"],
                            row["unit"],
                        )
                    )
                elif record == "printed":
                    printed.append(
                        PrintedFigure(
                            row["kind"],
                            row["scenario"],
                            row["amount"],
                            verksamhet=Verksamhet(code, name) if code else None,
                            group=group,
                            label="" if code else name,
                            unit=row["unit"],
                        )
                    )
                    group = None
                elif record == "chart":
                    group = _text(row["group"], "chart group")
                    code = _text(code, "chart code")
                else:
                    raise LedgerError(
                        f"record: expected 'line', 'printed' or 'chart', got {record!r}"
                    )
                if group is not None and chart.setdefault(code, group) != group:
                    raise LedgerError(f"code {code!r} is in group {chart[code]!r} and {group!r}")
            except LedgerError as exc:
                problems.append(f"row {number}: {exc}")
        if problems:
            raise LedgerError("CSV: " + "; ".join(problems))
        if chart:
            fields.setdefault("chart", chart)
        return cls(lines, printed=printed, **fields)

    def to_csv(self) -> str:
        """The ledger as CSV text (lines, printed figures and the chart); see :meth:`from_csv`.

        Change columns and thresholds are not written: pass them to :meth:`from_csv`.
        """
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(_CSV_COLUMNS)
        for line in self.lines:
            v = line.verksamhet
            writer.writerow(
                (
                    "line",
                    v.code,
                    v.name,
                    "",
                    line.kind.value,
                    line.scenario,
                    str(line.amount),
                    _unit_name(line.unit),
                )
            )
        for fig in self.printed:
            code = fig.verksamhet.code if fig.verksamhet else ""
            name = fig.verksamhet.name if fig.verksamhet else fig.label
            writer.writerow(
                (
                    "printed",
                    code,
                    name,
                    fig.group or "",
                    fig.kind.value,
                    fig.scenario,
                    str(fig.amount),
                    _unit_name(fig.unit),
                )
            )
        for code, group in self.chart.items():
            writer.writerow(("chart", code, "", group, "", "", "", ""))
        return out.getvalue()
