"""Budget ledgers: internbudget, årsprognos, utfall and ram, exact to the krona.

Swedish terms: *internbudget* (a nämnd's budget per verksamhet), *verksamhet* (an activity
code and name, "54 Individ och familjeomsorg"), *intäkter* (income, positive), *kostnader*
(costs, negative as in the plans), *nettokostnad* (intäkter + kostnader, always derived),
*scenario* (a column: "Årsprognos per oktober 2022", "Budget 2022", "Förändr mot budg 2022",
"M&B 2023", "Utfall 2023"), *S:a* (a printed sum), *ram* (the frame a nämnd's nettokostnad
must keep within), *förvaltning* (SOF, ÄF: a group of verksamheter).

A :class:`Ledger` is a value: a tuple of :class:`LedgerLine` values and what the document
prints about them (sums, change columns, a chart of groups, thresholds). Work on a ledger —
totals, deviations, the frame, the check of the printed figures, forecasts — is functions
(:mod:`styrmodell.ledger`). A line that is not there counts as zero, so an empty cell in a
printed table is simply an absent line, while a printed ``0`` is a line of zero.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import LedgerError, Problem
from styrmodell._fields import as_number
from styrmodell._frozenmap import FrozenMap
from styrmodell._ledger_base import (
    F,
    as_key,
    as_label,
    as_money_unit,
    as_threshold,
    items_field,
    ledger_error,
    thresholds_field,
    unit_name,
)
from styrmodell._ledger_index import LedgerIndex, index_lines
from styrmodell._ledger_lines import LedgerLine, LineKind, Verksamhet, as_kind, as_verksamhet
from styrmodell._messages import failure, problem, text
from styrmodell._numbers import NumberLike
from styrmodell._thresholds._base import Threshold
from styrmodell._units import Unit

__all__ = ["Ledger", "PrintedFigure", "ScenarioChange", "as_chart", "index_of"]


def optional_as_key(value: object, at: str = "value") -> Any:
    """:func:`as_key`, or ``None``."""
    return None if value is None else as_key(value, at)


def optional_as_verksamhet(value: object, at: str = "value") -> Any:
    """:func:`as_verksamhet`, or ``None``."""
    return None if value is None else as_verksamhet(value, at)


@attrs.frozen(init=False, field_transformer=F.locate)
class PrintedFigure:
    """A figure a document prints that follows from its lines: a row's nettokostnad or a sum.

    :func:`styrmodell.ledger.check` compares each printed figure with what the lines give.

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

    kind: LineKind = attrs.field(converter=as_kind)
    scenario: str = attrs.field(converter=as_key)
    amount: Decimal = attrs.field(converter=as_number)
    verksamhet: Verksamhet | None = attrs.field(default=None, converter=optional_as_verksamhet)
    group: str | None = attrs.field(default=None, converter=optional_as_key)
    label: str = attrs.field(default="", converter=as_label)
    unit: Unit = attrs.field(default=Unit.TKR, converter=as_money_unit)

    def __init__(
        self,
        kind: LineKind | str,
        scenario: str,
        amount: NumberLike,
        verksamhet: Verksamhet | str | tuple[str, str] | None = None,
        group: str | None = None,
        label: str = "",
        unit: Unit | str = Unit.TKR,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(kind, scenario, amount, verksamhet, group, label, unit)

    def __attrs_post_init__(self) -> None:
        if self.verksamhet is not None and (self.group is not None or self.label):
            raise failure(
                LedgerError,
                "ledger.row_figure_labelled",
                f"printed figure {self.verksamhet} / {self.scenario!r}",
            )

    def where(self, locale: str = "sv") -> str:
        """The row the figure stands on: the verksamhet, the label, or "S:a"."""
        if self.verksamhet is not None:
            return str(self.verksamhet)
        if self.label:
            return self.label
        if self.group is not None:
            return text("ledger.where.group", locale, group=self.group)
        return text("ledger.where.total", locale)


@attrs.frozen(field_transformer=F.locate)
class ScenarioChange:
    """A change column: ``name`` = ``target`` − ``base`` on every row, per kind.

    In the Oxelösund plan "Budget 2022" + "Förändr mot budg 2022" = "M&B 2023", i.e.
    ``ScenarioChange("Förändr mot budg 2022", base="Budget 2022", target="M&B 2023")``.

    Example:
        >>> ScenarioChange("Förändr mot budg 2022", base="Budget 2022", target="M&B 2023").base
        'Budget 2022'
    """

    name: str = attrs.field(converter=as_key)
    base: str = attrs.field(converter=as_key)
    target: str = attrs.field(converter=as_key)


def as_chart(value: object, at: str = "value") -> FrozenMap[str, str]:
    """A chart of accounts: verksamhet code → group ("54" → "SOF")."""
    if value is None:
        return FrozenMap()
    if not isinstance(value, Mapping):
        raise failure(LedgerError, "field.expected_mapping", at, value=value)
    return FrozenMap(
        {
            as_key(code, f"{at} code"): as_key(group, f"{at}[{code!r}]")
            for code, group in value.items()
        }
    )


def _first_unit(ledger: Ledger) -> Unit:
    return ledger.lines[0].unit if ledger.lines else Unit.TKR


def optional_as_threshold(value: object, at: str = "value") -> Any:
    """:func:`as_threshold`, or ``None``."""
    return None if value is None else as_threshold(value, at)


@attrs.frozen(init=False, field_transformer=F.locate)
class Ledger:
    r"""A budget table: lines per verksamhet, kind and scenario, summed exactly.

    A ledger holds data; :mod:`styrmodell.ledger` holds what works on it (``total``,
    ``deviation``, ``check``, ``forecast``...).

    Attributes:
        lines: The :class:`LedgerLine` values (positional or ``lines=``). A line that is not
            there counts as zero; a ``(code, kind, scenario)`` may occur once.
        unit: ``Unit.TKR`` or ``Unit.SEK``; by default the unit of the first line (tkr for
            an empty ledger). Every line and printed figure must be in it.
        printed: Figures the document prints that follow from the lines (nettokostnad rows,
            "S:a" sums); :func:`styrmodell.ledger.check` compares them.
        changes: Change columns the document prints (:class:`ScenarioChange`).
        chart: Code → group, e.g. ``{"54": "SOF", "55": "ÄF"}``; used by group totals.
        threshold: A threshold (e.g. ``BudgetDeviation``) for the whole ledger.
        thresholds: Thresholds per verksamhet code or group name.

    Raises:
        LedgerError: with one problem per duplicate line, unit mix and name clash.

    Example:
        >>> from styrmodell.ledger import total
        >>> ledger = Ledger([
        ...     LedgerLine("54 Individ och familjeomsorg", "intäkter", "Budget 2022", 2045),
        ...     LedgerLine("54 Individ och familjeomsorg", "kostnader", "Budget 2022", -58117),
        ... ])
        >>> total(ledger, "Budget 2022")
        Decimal('-56072')
        >>> ledger.unit.format(total(ledger, "Budget 2022"))
        '−56\xa0072\xa0tkr'
        >>> ledger.scenarios
        ('Budget 2022',)
    """

    lines: tuple[LedgerLine, ...] = items_field(LedgerLine)
    unit: Unit = attrs.field(
        default=attrs.Factory(_first_unit, takes_self=True), converter=as_money_unit, kw_only=True
    )
    printed: tuple[PrintedFigure, ...] = items_field(PrintedFigure, kw_only=True)
    changes: tuple[ScenarioChange, ...] = items_field(ScenarioChange, kw_only=True)
    chart: FrozenMap[str, str] = attrs.field(converter=as_chart, factory=FrozenMap, kw_only=True)
    threshold: Threshold | None = attrs.field(
        default=None, converter=optional_as_threshold, kw_only=True
    )
    thresholds: FrozenMap[str, Threshold] = thresholds_field()

    def __init__(
        self,
        lines: Iterable[LedgerLine] = (),
        *,
        unit: Unit | str | None = None,
        printed: Iterable[PrintedFigure] = (),
        changes: Iterable[ScenarioChange] = (),
        chart: Mapping[str, str] | None = None,
        threshold: Threshold | None = None,
        thresholds: Mapping[str, Threshold] | None = None,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(
            lines,
            unit=attrs.NOTHING if unit is None else unit,
            printed=printed,
            changes=changes,
            chart=chart,
            threshold=threshold,
            thresholds=thresholds,
        )

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = list(self._index.problems)
        unit = self.unit
        for i, fig in enumerate(self.printed):
            if fig.unit is not unit:
                problems.append(
                    problem(
                        "ledger.unit_mix",
                        f"printed[{i}] {fig.where()} / {fig.scenario!r}",
                        unit=unit_name(fig.unit),
                        ledger_unit=unit_name(unit),
                    )
                )
        for i, ch in enumerate(self.changes):
            if ch.name in (ch.base, ch.target) or ch.base == ch.target:
                problems.append(problem("ledger.change_names", f"changes[{i}] {ch.name!r}"))
        if problems:
            raise ledger_error("Ledger", problems)

    @functools.cached_property
    def _index(self) -> LedgerIndex:
        return index_lines(self.lines, self.unit)

    @functools.cached_property
    def scenarios(self) -> tuple[str, ...]:
        """The scenarios (columns), in the order they first occur."""
        return self._index.scenarios

    @functools.cached_property
    def verksamheter(self) -> tuple[Verksamhet, ...]:
        """The verksamheter (rows), in the order they first occur."""
        return tuple(self._index.names.values())

    @functools.cached_property
    def groups(self) -> tuple[str, ...]:
        """The groups of the chart, in the order they first occur."""
        return tuple(dict.fromkeys(self.chart.values()))


def index_of(ledger: Ledger) -> LedgerIndex:
    """The index *ledger* built over its lines (for the functions that work on ledgers)."""
    return ledger._index
