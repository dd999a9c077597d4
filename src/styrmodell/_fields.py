"""One field toolkit: the converters every attrs class of styrmodell uses for its fields.

The same input means the same thing in every class — ``"percent"``, ``"PERCENT"`` and
``Unit.PERCENT`` are one unit wherever a unit is taken — and every message names the class
and the field (``"Indicator.title: expected text, got 3"``). Numbers go through the one
coercion with limits (:func:`styrmodell._numbers.to_decimal`).

A converter is a plain function ``convert(value: object, at: str = "value") -> T``: it says
what it takes and raises :class:`FieldError` naming *at*. A class declares its fields with
attrs' own ``attrs.field(converter=...)`` and lets :meth:`Fields.locate` (an attrs
``field_transformer``) pass each converter the field's name and turn its errors into the
module's error class::

    F = Fields(PlanError)

    @attrs.frozen(kw_only=True, field_transformer=F.locate)
    class Indicator:
        id: str = attrs.field(converter=as_id)
        title: str = attrs.field(default="", converter=as_text)
        unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)

Why plain functions rather than field factories or ``attrs.Converter`` objects at the
declaration: mypy's attrs plugin reads a plain converter's first parameter as the type
``__init__`` accepts (``object`` here, so ``Bands(green="(60, inf)")`` type-checks in a
user's code), and it cannot read a factory call or a ``Converter`` object (it would then
demand the stored type, ``tuple[Interval, ...]``).
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from styrmodell._errors import StyrmodellError
from styrmodell._messages import failure
from styrmodell._numbers import to_decimal

__all__ = [
    "FieldError",
    "Fields",
    "as_date",
    "as_flag",
    "as_id",
    "as_number",
    "as_optional_date",
    "as_optional_id",
    "as_optional_number",
    "as_optional_text",
    "as_optional_year",
    "as_text",
    "as_texts",
    "as_tuple",
    "as_year",
    "choice",
    "where",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


class FieldError(StyrmodellError, ValueError):
    """A value a field does not take, before the class is known.

    :meth:`Fields.locate` turns it into the class's own error (``PlanError``,
    ``ThresholdError``...) with the same problems. Called outside a class, a converter
    raises it as it is (it is a :class:`~styrmodell.StyrmodellError` and a ``ValueError``).
    """


def where(instance: object, field: attrs.Attribute[Any]) -> str:
    """How messages name a field: ``"Indicator.title"``."""
    return f"{type(instance).__name__}.{field.alias or field.name}"


# -- converters ------------------------------------------------------------------------


def as_text(value: object, at: str = "value") -> str:
    """*value* if it is text.

    Examples:
        >>> as_text("Andel")
        'Andel'
    """
    if not isinstance(value, str):
        raise failure(FieldError, "field.expected_text", at, value=value)
    return value


def as_optional_text(value: object, at: str = "value") -> str | None:
    """Text or ``None``."""
    return None if value is None else as_text(value, at)


def as_id(value: object, at: str = "value") -> str:
    """*value* if it is a non-empty id without surrounding spaces."""
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise failure(FieldError, "field.expected_id", at, value=value)
    return value


def as_optional_id(value: object, at: str = "value") -> str | None:
    """An id or ``None``."""
    return None if value is None else as_id(value, at)


def as_tuple(value: object, at: str = "value") -> tuple[Any, ...]:
    """A tuple from ``None`` (empty) or any sequence but text or a mapping."""
    if value is None:
        return ()
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise failure(FieldError, "field.expected_sequence", at, value=value)
    return tuple(value)


def as_texts(value: object, at: str = "value") -> tuple[str, ...]:
    """A tuple of texts from ``None``, one text, or a sequence of texts.

    Examples:
        >>> as_texts("SOF"), as_texts(["SOF", "ÄF"])
        (('SOF',), ('SOF', 'ÄF'))
    """
    if type(value) is tuple and all(type(item) is str for item in value):
        return value  # already converted: the common case on evolve and in files
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(as_text(item, f"{at}[{i}]") for i, item in enumerate(as_tuple(value, at)))


def as_number(value: object, at: str = "value") -> Decimal:
    """A Decimal through the one coercion with limits.

    Examples:
        >>> as_number("333 088,5")
        Decimal('333088.5')
    """
    return to_decimal(value, what=at, error=FieldError)


def as_optional_number(value: object, at: str = "value") -> Decimal | None:
    """A Decimal or ``None``."""
    return None if value is None else as_number(value, at)


def as_flag(value: object, at: str = "value") -> bool:
    """``True`` or ``False`` (not 0, 1 or "yes": a flag that is not a bool is a mistake)."""
    if not isinstance(value, bool):
        raise failure(FieldError, "field.expected_bool", at, value=value)
    return value


def as_date(value: object, at: str = "value") -> dt.date:
    """A date from a date, a datetime (its date) or ISO text (``"2023-12-31"``).

    Examples:
        >>> as_date("2023-12-31")
        datetime.date(2023, 12, 31)
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) <= 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise failure(FieldError, "field.expected_date", at, value=value)


def as_optional_date(value: object, at: str = "value") -> dt.date | None:
    """A date or ``None``."""
    return None if value is None else as_date(value, at)


def as_year(value: object, at: str = "value") -> int:
    """A year: an int from 1 to 9999."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise failure(FieldError, "field.expected_year", at, value=value)
    return value


def as_optional_year(value: object, at: str = "value") -> int | None:
    """A year or ``None``."""
    return None if value is None else as_year(value, at)


def _choices(cls: type[enum.Enum]) -> list[str]:
    return [m.value if isinstance(m.value, str) else m.name.lower() for m in cls]


def choice(cls: type[E], value: object, at: str = "value") -> E:
    """A member of enum *cls* from the member, its value or its name (any case).

    A near miss is answered with "did you mean". Each enum module defines its converters
    with it (``as_unit``, ``as_optional_unit``...), because a converter named at the field
    must be a plain function.

    Examples:
        >>> from styrmodell import Unit
        >>> choice(Unit, "PERCENT"), choice(Unit, "percent")
        (<Unit.PERCENT: 'percent'>, <Unit.PERCENT: 'percent'>)
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
    import difflib  # only for a value that failed: kept out of `import styrmodell`

    close = difflib.get_close_matches(value.lower(), choices, n=1) if isinstance(value, str) else []
    if close:
        raise failure(
            FieldError,
            "field.expected_choice_hint",
            at,
            value=value,
            kind=kind,
            choices=", ".join(choices),
            hint=repr(close[0]),
        )
    raise failure(
        FieldError,
        "field.expected_choice",
        at,
        value=value,
        kind=kind,
        choices=", ".join(choices),
    )


# -- binding to a class -----------------------------------------------------------------


def _takes_at(convert: Callable[..., Any]) -> bool:
    """Whether *convert* takes the field's name (a second parameter called ``at``)."""
    code = getattr(convert, "__code__", None)
    if code is not None and not inspect.ismethod(convert):
        # A plain function: read its code, as inspect.signature would, at a tenth of the cost
        # (every converted field of every class asks this while the package is imported).
        return bool(code.co_argcount >= 2 and code.co_varnames[1] == "at")
    try:
        params = list(inspect.signature(convert).parameters.values())
    except (TypeError, ValueError):
        return False
    return len(params) >= 2 and params[1].name == "at"


class Fields:
    """The toolkit bound to one error class (``PlanError``, ``LedgerError``...).

    Args:
        error: The :class:`~styrmodell.StyrmodellError` subclass a class's converters raise.

    Examples:
        >>> import attrs
        >>> from styrmodell import PlanError
        >>> F = Fields(PlanError)
        >>> @attrs.frozen(field_transformer=F.locate)
        ... class Row:
        ...     title: str = attrs.field(converter=as_text)
        ...     share: Decimal | None = attrs.field(default=None, converter=as_optional_number)
        >>> Row("Andel", "91,74").share
        Decimal('91.74')
        >>> Row(3)
        Traceback (most recent call last):
        ...
        styrmodell._errors.PlanError: Row.title: expected text, got 3
    """

    def __init__(self, error: type[StyrmodellError]) -> None:
        self.error = error

    def locate(
        self, cls: type[Any], fields: list[attrs.Attribute[Any]]
    ) -> list[attrs.Attribute[Any]]:
        """An attrs ``field_transformer``: converters get the field's name, errors the class's.

        A converter whose second parameter is ``at`` is called as ``convert(value,
        "Class.field")``; a :class:`FieldError` it raises comes out as this toolkit's error
        class with the same problems. Other converters are left as they are.
        """
        error = self.error
        out: list[attrs.Attribute[Any]] = []
        for field in fields:
            convert = field.converter
            if convert is None or isinstance(convert, attrs.Converter) or not _takes_at(convert):
                out.append(field)
                continue
            # Named once, when the class is made: converting costs one call, not a format.
            at = f"{cls.__name__}.{field.alias or field.name}"

            def located(
                value: object, _convert: Callable[[object, str], Any] = convert, _at: str = at
            ) -> Any:
                try:
                    return _convert(value, _at)
                except FieldError as exc:
                    raise error(str(exc), problems=exc.problems) from None

            located.__name__ = getattr(convert, "__name__", "convert")
            out.append(field.evolve(converter=located))
        return out

    def field(self, convert: Callable[[object, str], Any], **kwargs: Any) -> Any:
        """An ``attrs.field`` converting with ``convert(value, "Class.field")`` by itself.

        For fields built by a helper function (``items_field(LedgerLine)``) in a class that
        has its own typed ``__init__``; a class whose generated ``__init__`` users call
        declares ``attrs.field(converter=...)`` and :meth:`locate` instead, so that mypy
        reads what ``__init__`` accepts.
        """
        error = self.error

        def located(value: object, instance: object, attribute: attrs.Attribute[Any]) -> Any:
            try:
                return convert(value, where(instance, attribute))
            except FieldError as exc:
                raise error(str(exc), problems=exc.problems) from None

        located.__name__ = getattr(convert, "__name__", "convert")
        return attrs.field(
            converter=attrs.Converter(located, takes_self=True, takes_field=True), **kwargs
        )

    def check(self, convert: Callable[[object, str], T], value: object, at: str) -> T:
        """``convert(value, at)``, its :class:`FieldError` raised as this toolkit's error.

        For converting outside a field (a reader's cell, an argument):

        Examples:
            >>> from styrmodell import LedgerError
            >>> Fields(LedgerError).check(as_number, "tolv", "row 3: amount")
            Traceback (most recent call last):
            ...
            styrmodell._errors.LedgerError: row 3: amount: expected a number, got 'tolv'
        """
        try:
            return convert(value, at)
        except FieldError as exc:
            raise self.error(str(exc), problems=exc.problems) from None

    # Converting outside a field, in this toolkit's error class.

    def as_text(self, value: object, at: str) -> str:
        """:func:`as_text` raising this toolkit's error."""
        return self.check(as_text, value, at)

    def as_identifier(self, value: object, at: str) -> str:
        """:func:`as_id` raising this toolkit's error."""
        return self.check(as_id, value, at)

    def as_strings(self, value: object, at: str) -> tuple[str, ...]:
        """:func:`as_texts` raising this toolkit's error."""
        return self.check(as_texts, value, at)

    def as_tuple(self, value: object, at: str) -> tuple[Any, ...]:
        """:func:`as_tuple` raising this toolkit's error."""
        return self.check(as_tuple, value, at)

    def as_decimal(self, value: object, at: str) -> Decimal:
        """:func:`as_number` raising this toolkit's error."""
        return to_decimal(value, what=at, error=self.error)

    def as_flag(self, value: object, at: str) -> bool:
        """:func:`as_flag` raising this toolkit's error."""
        return self.check(as_flag, value, at)

    def as_choice(self, value: object, at: str, cls: type[E]) -> E:
        """:func:`choice` raising this toolkit's error."""
        return self.check(lambda v, a: choice(cls, v, a), value, at)

    def as_date(self, value: object, at: str) -> dt.date:
        """:func:`as_date` raising this toolkit's error."""
        return self.check(as_date, value, at)

    def as_year(self, value: object, at: str) -> int:
        """:func:`as_year` raising this toolkit's error."""
        return self.check(as_year, value, at)
