"""One field toolkit: the converters every attrs class of styrmodell uses for its fields.

The same input means the same thing in every class — ``"percent"``, ``"PERCENT"`` and
``Unit.PERCENT`` are one unit wherever a unit is taken — and every message names the class
and the field (``"Indicator.title: expected text, got 3"``). Converters know their field
through attrs' ``Converter(..., takes_self=True, takes_field=True)``; numbers go through the
one coercion with limits (:func:`styrmodell._numbers.to_decimal`).

A module binds the toolkit to its error class once and declares fields with it::

    F = Fields(PlanError)

    @attrs.frozen(kw_only=True)
    class Indicator:
        id: str = F.identifier()
        title: str = F.text()
        unit: Unit | None = F.optional_choice(Unit)

Each factory returns an ``attrs.field``; it is typed as the value it holds, so mypy checks
the class body (the attrs plugin of mypy cannot read ``attrs.Converter``).
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from styrmodell._errors import StyrmodellError
from styrmodell._messages import failure
from styrmodell._numbers import to_decimal
from styrmodell._period import Period

__all__ = ["Fields", "where"]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

Convert = Callable[[object, str], Any]
"""A converter proper: ``convert(value, where) -> value``; *where* is ``"Class.field"``."""


def where(instance: object, field: attrs.Attribute[Any]) -> str:
    """How messages name a field: ``"Indicator.title"``."""
    return f"{type(instance).__name__}.{field.alias or field.name}"


def _choices(cls: type[enum.Enum]) -> list[str]:
    return [m.value if isinstance(m.value, str) else m.name.lower() for m in cls]


class Fields:
    """Field factories whose errors are of one class (``PlanError``, ``LedgerError``...).

    Args:
        error: The :class:`~styrmodell.StyrmodellError` subclass every converter raises.

    Examples:
        >>> import attrs
        >>> from styrmodell import PlanError, Unit
        >>> F = Fields(PlanError)
        >>> @attrs.frozen
        ... class Row:
        ...     title: str = F.text()
        ...     unit: Unit | None = F.optional_choice(Unit)
        >>> Row("Andel", "percent").unit
        <Unit.PERCENT: 'percent'>
        >>> Row(3)
        Traceback (most recent call last):
        ...
        styrmodell._errors.PlanError: Row.title: expected text, got 3
    """

    def __init__(self, error: type[StyrmodellError]) -> None:
        self.error = error

    # -- converters proper (usable outside attrs fields too) ---------------------------

    def as_text(self, value: object, at: str, *, max_length: int | None = None) -> str:
        """*value* if it is text (of at most *max_length* characters)."""
        if not isinstance(value, str):
            raise failure(self.error, "field.expected_text", at, value=value)
        if max_length is not None and len(value) > max_length:
            raise failure(self.error, "field.too_long", at, value=value, limit=max_length)
        return value

    def as_identifier(self, value: object, at: str) -> str:
        """*value* if it is a non-empty id without surrounding spaces."""
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise failure(self.error, "field.expected_id", at, value=value)
        return value

    def as_strings(self, value: object, at: str) -> tuple[str, ...]:
        """A tuple of texts from ``None``, one text, or a sequence of texts."""
        if type(value) is tuple:
            for item in value:
                if type(item) is not str:
                    break
            else:
                return value  # already converted (the common case on evolve and in files)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        return tuple(
            self.as_text(item, f"{at}[{i}]") for i, item in enumerate(self.as_tuple(value, at))
        )

    def as_tuple(self, value: object, at: str) -> tuple[Any, ...]:
        """A tuple from ``None`` or any sequence but text."""
        if value is None:
            return ()
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
            raise failure(self.error, "field.expected_sequence", at, value=value)
        return tuple(value)

    def as_decimal(self, value: object, at: str) -> Decimal:
        """A Decimal through the one coercion with limits."""
        return to_decimal(value, what=at, error=self.error)

    def as_flag(self, value: object, at: str) -> bool:
        """``True`` or ``False`` (not 0, 1 or "yes": a flag that is not a bool is a mistake)."""
        if not isinstance(value, bool):
            raise failure(self.error, "field.expected_bool", at, value=value)
        return value

    def as_choice(self, value: object, at: str, cls: type[E]) -> E:
        """A member of enum *cls* from the member, its value or its name (any case).

        A near miss is answered with "did you mean".
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            key = value.strip()
            for member in cls:
                if key == member.value or key.upper() == member.name:
                    return member
            for member in cls:
                if isinstance(member.value, str) and key.lower() == member.value.lower():
                    return member
        choices = _choices(cls)
        kind = cls.__name__
        close = (
            difflib.get_close_matches(str(value).lower(), choices, n=1)
            if isinstance(value, str)
            else []
        )
        if close:
            raise failure(
                self.error,
                "field.expected_choice_hint",
                at,
                value=value,
                kind=kind,
                choices=", ".join(choices),
                hint=repr(close[0]),
            )
        raise failure(
            self.error,
            "field.expected_choice",
            at,
            value=value,
            kind=kind,
            choices=", ".join(choices),
        )

    def as_date(self, value: object, at: str) -> dt.date:
        """A date from a date, a datetime (its date) or ISO text (``"2023-12-31"``)."""
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and len(value) <= 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise failure(self.error, "field.expected_date", at, value=value)

    def as_year(self, value: object, at: str) -> int:
        """A year: an int from 1 to 9999."""
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
            raise failure(self.error, "field.expected_year", at, value=value)
        return value

    def as_period(self, value: object, at: str) -> Period:
        """A :class:`~styrmodell.Period` from itself, a year (``2022``) or a label.

        Labels are what :meth:`~styrmodell.Period.parse` reads: ``"Delår 2022"``,
        ``"jan-okt 2022"``, ``"T1 2023"``...
        """
        if type(value) is Period:
            return value
        if type(value) is int:
            if 1 <= value <= 9999:
                return Period.year(value)
        elif isinstance(value, str) and len(value) <= 100:
            try:
                return Period.parse(value)
            except StyrmodellError:
                pass
        elif isinstance(value, Period):
            return value
        raise failure(self.error, "field.expected_period", at, value=value)

    # -- field factories ------------------------------------------------------------

    def field(self, convert: Convert, *, default: Any = attrs.NOTHING, **kwargs: Any) -> Any:
        """An attrs field whose converter is ``convert(value, "Class.field")``."""

        def converter(value: object, instance: object, field: attrs.Attribute[Any]) -> Any:
            # where(instance, field), inlined: this runs for every field of every value made.
            return convert(value, f"{type(instance).__name__}.{field.alias or field.name}")

        converter.__name__ = getattr(convert, "__name__", "convert")
        return attrs.field(
            default=default,
            converter=attrs.Converter(converter, takes_self=True, takes_field=True),
            **kwargs,
        )

    def optional(self, convert: Convert, *, default: Any = None, **kwargs: Any) -> Any:
        """Like :meth:`field`, but ``None`` stays ``None`` (and is the default)."""

        def maybe(value: object, at: str) -> Any:
            return None if value is None else convert(value, at)

        maybe.__name__ = f"optional_{getattr(convert, '__name__', 'convert')}"
        return self.field(maybe, default=default, **kwargs)

    def text(self, *, default: str | Any = "", max_length: int | None = None, **kw: Any) -> str:
        """Text, ``""`` by default."""
        result: str = self.field(
            lambda v, at: self.as_text(v, at, max_length=max_length), default=default, **kw
        )
        return result

    def optional_text(self, **kw: Any) -> str | None:
        """Text or ``None``."""
        result: str | None = self.optional(self.as_text, **kw)
        return result

    def identifier(self, *, default: str | Any = attrs.NOTHING, **kw: Any) -> str:
        """A non-empty id without surrounding spaces; required by default."""
        result: str = self.field(self.as_identifier, default=default, **kw)
        return result

    def optional_identifier(self, **kw: Any) -> str | None:
        """An id or ``None``."""
        result: str | None = self.optional(self.as_identifier, **kw)
        return result

    def strings(self, **kw: Any) -> tuple[str, ...]:
        """A tuple of texts (one text, a sequence of texts, or ``None`` for none)."""
        result: tuple[str, ...] = self.field(self.as_strings, default=(), **kw)
        return result

    def decimal(self, *, default: Decimal | Any = attrs.NOTHING, **kw: Any) -> Decimal:
        """A finite Decimal within the limits; required unless a *default* is given."""
        result: Decimal = self.field(self.as_decimal, default=default, **kw)
        return result

    def optional_decimal(self, **kw: Any) -> Decimal | None:
        """A Decimal or ``None``."""
        result: Decimal | None = self.optional(self.as_decimal, **kw)
        return result

    def flag(self, *, default: bool = False, **kw: Any) -> bool:
        """``True`` or ``False``."""
        result: bool = self.field(self.as_flag, default=default, **kw)
        return result

    def choice(self, cls: type[E], *, default: E | Any = attrs.NOTHING, **kw: Any) -> E:
        """A member of enum *cls* (from the member, its value or its name)."""
        result: E = self.field(lambda v, at: self.as_choice(v, at, cls), default=default, **kw)
        return result

    def optional_choice(self, cls: type[E], **kw: Any) -> E | None:
        """A member of enum *cls*, or ``None``."""
        result: E | None = self.optional(lambda v, at: self.as_choice(v, at, cls), **kw)
        return result

    def date(self, *, default: dt.date | Any = attrs.NOTHING, **kw: Any) -> dt.date:
        """A date (a datetime counts by its date; ISO text is read)."""
        result: dt.date = self.field(self.as_date, default=default, **kw)
        return result

    def optional_date(self, **kw: Any) -> dt.date | None:
        """A date or ``None``."""
        result: dt.date | None = self.optional(self.as_date, **kw)
        return result

    def year(self, *, default: int | Any = attrs.NOTHING, **kw: Any) -> int:
        """A year (1–9999)."""
        result: int = self.field(self.as_year, default=default, **kw)
        return result

    def optional_year(self, **kw: Any) -> int | None:
        """A year or ``None``."""
        result: int | None = self.optional(self.as_year, **kw)
        return result

    def period(self, *, default: Period | Any = attrs.NOTHING, **kw: Any) -> Period:
        """A :class:`~styrmodell.Period` (a year or a label is read)."""
        result: Period = self.field(self.as_period, default=default, **kw)
        return result

    def optional_period(self, **kw: Any) -> Period | None:
        """A :class:`~styrmodell.Period` or ``None``."""
        result: Period | None = self.optional(self.as_period, **kw)
        return result
