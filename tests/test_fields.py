"""The field toolkit: one input means one thing in every class; messages name the field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from styrmodell import Direction, LedgerError, PlanError, Unit
from styrmodell._fields import Fields

F = Fields(PlanError)


@attrs.frozen(kw_only=True)
class Row:
    id: str = F.identifier()
    title: str = F.text()
    unit: Unit | None = F.optional_choice(Unit)
    direction: Direction = F.choice(Direction, default=Direction.HIGHER_IS_BETTER)
    amount: Decimal | None = F.optional_decimal()
    tags: tuple[str, ...] = F.strings()
    flag: bool = F.flag()
    due: dt.date | None = F.optional_date()
    year: int | None = F.optional_year()


def test_enums_are_read_from_member_value_or_name() -> None:
    for unit in (Unit.PERCENT, "percent", "PERCENT", "Percent"):
        assert Row(id="r", unit=unit).unit is Unit.PERCENT


def test_a_near_miss_gets_a_did_you_mean() -> None:
    with pytest.raises(PlanError, match=r"Row.unit: .*got 'procent'.*did you mean 'percent'"):
        Row(id="r", unit="procent")


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("id", " r", "Row.id: expected a non-empty id"),
        ("title", 3, "Row.title: expected text, got 3"),
        ("amount", "abc", "Row.amount: expected a number, got 'abc'"),
        ("tags", 5, "Row.tags: expected a sequence, got 5"),
        ("flag", 1, "Row.flag: expected True or False, got 1"),
        ("due", "31/12", "Row.due: expected a date"),
        ("year", 0, "Row.year: expected a year"),
    ],
)
def test_every_message_names_class_and_field(field: str, value: object, expected: str) -> None:
    kwargs = {"id": "r", field: value}
    with pytest.raises(PlanError) as info:
        Row(**kwargs)  # type: ignore[arg-type]
    assert str(info.value).startswith(expected)
    assert info.value.problems[0].path == f"Row.{field}"
    assert info.value.problems[0].value == value


def test_conversions() -> None:
    row = Row(id="r", amount="1 234,5", tags="a", due="2023-12-31", year=2023)
    assert row.amount == Decimal("1234.5")
    assert row.tags == ("a",)
    assert row.due == dt.date(2023, 12, 31)
    assert Row(id="r", due=dt.datetime(2023, 1, 2, 3)).due == dt.date(2023, 1, 2)


def test_the_error_class_is_the_modules() -> None:
    G = Fields(LedgerError)

    @attrs.frozen
    class Line:
        amount: Decimal = G.decimal()

    with pytest.raises(LedgerError, match=r"Line\.amount"):
        Line("x")
