"""The cells of a budget table: a verksamhet's intäkter or kostnader in one scenario.

Swedish terms: *verksamhet* (an activity code and name, "54 Individ och familjeomsorg"),
*intäkter* (income, positive), *kostnader* (costs, negative as in the plans), *nettokostnad*
(intäkter + kostnader, always derived, never stored), *scenario* (a column: "Budget 2022",
"Årsprognos per oktober 2022", "M&B 2023", "Utfall 2023").
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import LedgerError
from styrmodell._ledger_base import F, as_key, as_label, as_money_unit
from styrmodell._messages import failure, text
from styrmodell._numbers import NumberLike
from styrmodell._units import Unit

__all__ = [
    "STORED_KINDS",
    "LedgerLine",
    "LineKind",
    "Verksamhet",
    "as_kind",
    "as_line_kind",
    "as_verksamhet",
    "line_field",
]


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
        """A kind from its Swedish or English name ("intäkter", "costs", "net"...).

        Raises:
            LedgerError: for anything else.
        """
        return as_kind(value, "kind")

    def label(self, locale: str = "sv") -> str:
        """The kind's name for people: "intäkter" / "income" and so on."""
        return text(f"ledger.kind.{self.name.lower()}", locale)


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

STORED_KINDS = (LineKind.INCOME, LineKind.COSTS)
"""The kinds a line holds; nettokostnad is their sum."""


def as_kind(value: object, at: str = "value") -> LineKind:
    """A :class:`LineKind` from the member or its Swedish or English name."""
    if isinstance(value, LineKind):
        return value
    if isinstance(value, str):
        found = _KIND_NAMES.get(value.strip().casefold())
        if found is not None:
            return found
    raise failure(LedgerError, "ledger.expected_kind", at, value=value)


def as_line_kind(value: object, at: str = "value") -> LineKind:
    """The kind of a stored line: intäkter or kostnader, never the derived nettokostnad."""
    if value is LineKind.INCOME or value is LineKind.COSTS:
        return value
    kind = as_kind(value, at)
    if kind is LineKind.NET:
        raise failure(LedgerError, "ledger.net_is_derived", at, value=value)
    return kind


@attrs.frozen(field_transformer=F.locate)
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

    code: str = attrs.field(converter=as_key)
    name: str = attrs.field(default="", converter=as_label)

    @classmethod
    def parse(cls, text: str) -> Verksamhet:
        """Split "54 Individ och familjeomsorg" into code and name at the first space.

        Raises:
            LedgerError: for a text that is empty or not text.
        """
        code, _, name = as_key(text, "verksamhet").partition(" ")
        return cls(code, name)

    def __str__(self) -> str:
        return f"{self.code} {self.name}" if self.name else self.code


def as_verksamhet(value: object, at: str = "value") -> Verksamhet:
    """A :class:`Verksamhet`, from itself, ``"54 Individ och familjeomsorg"`` or a pair."""
    if type(value) is Verksamhet:
        return value
    if isinstance(value, str):
        return Verksamhet.parse(value)
    if isinstance(value, tuple) and len(value) == 2:
        return Verksamhet(*value)
    raise failure(LedgerError, "ledger.expected_verksamhet", at, value=value)


def line_field(
    convert: Callable[[object, str], Any], name: Callable[[Any, str], str], **kwargs: Any
) -> Any:
    """A field whose messages name the row it is on ("line 54 IFO / kostnader: scenario").

    The value is converted with a bare path first; only when that fails is the row named
    (from the fields converted before this one) and the conversion repeated to raise with
    the full path. Building a million lines costs no message text.
    """

    def converter(value: object, row: object, field: attrs.Attribute[Any]) -> Any:
        try:
            return convert(value, field.name)
        except LedgerError:
            pass
        return convert(value, name(row, field.name))

    converter.__name__ = getattr(convert, "__name__", "convert")
    return attrs.field(
        converter=attrs.Converter(converter, takes_self=True, takes_field=True), **kwargs
    )


def _line_at(line: LedgerLine, part: str) -> str:
    if part == "verksamhet":
        return "LedgerLine.verksamhet"
    if part == "kind":
        return f"line {line.verksamhet}: kind"
    if part == "scenario":
        return f"line {line.verksamhet} / {line.kind.value}: scenario"
    return f"line {line_where(line)}: {part}"


def line_where(line: LedgerLine) -> str:
    """How messages name a line: ``"54 Individ och familjeomsorg / kostnader / 'Budget 2022'"``."""
    return f"{line.verksamhet} / {line.kind.value} / {line.scenario!r}"


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
            way ("−58 117", "2,5"); within the limits of :func:`~._numbers.to_decimal`.
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

    verksamhet: Verksamhet = line_field(as_verksamhet, _line_at)
    kind: LineKind = line_field(as_line_kind, _line_at)
    scenario: str = line_field(as_key, _line_at)
    amount: Decimal = line_field(F.as_decimal, _line_at)
    unit: Unit = line_field(as_money_unit, _line_at, default=Unit.TKR)

    def __init__(
        self,
        verksamhet: Verksamhet | str | tuple[str, str],
        kind: LineKind | str,
        scenario: str,
        amount: NumberLike,
        unit: Unit | str = Unit.TKR,
    ) -> None:
        init: Any = self.__attrs_init__  # the field converters take what __init__ takes
        init(verksamhet, kind, scenario, amount, unit)

    @property
    def key(self) -> tuple[str, LineKind, str]:
        """``(code, kind, scenario)``: what makes a line unique in a ledger."""
        return (self.verksamhet.code, self.kind, self.scenario)
