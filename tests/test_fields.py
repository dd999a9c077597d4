"""The field toolkit: one input means one thing in every class; messages name the field."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from styrmodell import Direction, LedgerError, PlanError, Unit
from styrmodell._fields import (
    FieldError,
    Fields,
    as_flag,
    as_id,
    as_optional_date,
    as_optional_number,
    as_optional_year,
    as_text,
    as_texts,
    choice,
)
from styrmodell._units import as_direction, as_optional_unit

F = Fields(PlanError)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Row:
    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)
    direction: Direction = attrs.field(default=Direction.HIGHER_IS_BETTER, converter=as_direction)
    amount: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    tags: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    flag: bool = attrs.field(default=False, converter=as_flag)
    due: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    year: int | None = attrs.field(default=None, converter=as_optional_year)


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
        Row(**kwargs)
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

    @attrs.frozen(field_transformer=G.locate)
    class Line:
        amount: Decimal = attrs.field(converter=as_optional_number)

    with pytest.raises(LedgerError, match=r"Line\.amount"):
        Line("x")


def test_a_converter_called_alone_raises_a_field_error() -> None:
    with pytest.raises(FieldError, match=r"^value: expected text"):
        as_text(3)
    with pytest.raises(FieldError, match=r"^x: expected a Unit"):
        choice(Unit, 3, "x")
    assert issubclass(FieldError, ValueError)


def test_converting_outside_a_field_uses_the_toolkits_error() -> None:
    with pytest.raises(LedgerError, match="row 3: amount: expected a number"):
        Fields(LedgerError).as_decimal("tolv", "row 3: amount")


def test_evolve_and_equality_go_through_the_converters() -> None:
    row = Row(id="r", amount="2,5")
    assert attrs.evolve(row, amount="2.5") == row


def test_mypy_reads_what_init_accepts(tmp_path: Path) -> None:
    # Friendly input (text for a band or a unit) must type-check in a user's code: mypy's
    # attrs plugin reads the converter's first parameter, which the toolkit keeps `object`.
    code = textwrap.dedent(
        """
        from styrmodell import Bands, CompareToReference, Indicator, Unit
        rule = Bands(green="(60, inf)", red="(-inf, 60]", unit="percent")
        ref = CompareToReference(direction="higher_is_better", unit=Unit.PERCENT)
        ind = Indicator(id="i", unit="percent")
        reveal_type(rule.green)
        """
    )
    path = tmp_path / "user_code.py"
    path.write_text(code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "error" not in result.stdout, result.stdout
    assert "tuple[styrmodell._intervals.Interval, ...]" in result.stdout
