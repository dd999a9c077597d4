"""Plan files: the one cattrs converter, and JSON and TOML documents.

Swedish terms: *planfil* (a plan file), *formatversion* (the ``"format"`` key).

Every public value of styrmodell unstructures to plain data (``dict``, ``list``, ``str``,
``int``, ``bool``) and back through :data:`converter`, one ``cattrs.Converter`` that owns every
hook:

- ``Decimal`` as a string (``"91.74"``); an integer is accepted when reading, a float never
  (it would not be exact), nor NaN or infinity;
- dates in ISO 8601 (``"2023-12-31"``); TOML's own dates are accepted when reading;
- enums by name (``"GREEN"``, ``"PERCENT"``);
- a :class:`~styrmodell.Period` as its label (``"2023"``, ``"jan-nov 2022"``, ``"T1 2023"``);
- an :class:`~styrmodell.Interval` as its notation (``"[40, 60]"``), a band of several
  intervals as a list of them;
- a ``FrozenMap`` as a table; integer keys (years) are written as strings (``"2024"``);
- a threshold as a table tagged with its family: ``{"type": "bands", "green": "(60, inf)"}``;
  ``Duration.within`` as text (``"3 months"``);
- every other attrs class by its fields, leaving out fields that hold their default.

A document is a table with ``"format": "styrmodell/1"`` first; an object that is not a
table by itself (an interval, a list) sits under ``"value"``. Reading checks everything and
raises one :class:`~styrmodell.SerializationError` that lists every problem with its path.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import json
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from dateutil.relativedelta import relativedelta

from styrmodell._errors import SerializationError, StyrmodellError
from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._numbers import to_decimal
from styrmodell._period import Period
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._budget import BudgetDeviation
from styrmodell._thresholds._change import YearOverYear
from styrmodell._thresholds._duration import Duration
from styrmodell._thresholds._milestone import Milestone
from styrmodell._thresholds._reference import CompareToReference
from styrmodell._thresholds._target import TargetValue

__all__ = [
    "FORMAT",
    "THRESHOLD_TYPES",
    "converter",
    "dump",
    "dumps",
    "load",
    "loads",
]

T = TypeVar("T")

FORMAT = "styrmodell/1"
"""The format version every document carries under ``"format"``."""

Format = Literal["json", "toml"]

THRESHOLD_TYPES: Mapping[str, type[Any]] = {
    "bands": Bands,
    "compare_to_reference": CompareToReference,
    "milestone": Milestone,
    "year_over_year": YearOverYear,
    "target_value": TargetValue,
    "budget_deviation": BudgetDeviation,
    "duration": Duration,
}
"""The tag of each threshold family in a document (``{"type": "bands", ...}``)."""

_TAG_OF: dict[type[Any], str] = {cls: tag for tag, cls in THRESHOLD_TYPES.items()}

# Numbers larger than this, or with more decimals than this, are refused: no plan needs them,
# and formatting a number with a million digits would hang a report.
_MAX_DIGITS = 18
_MAX_DECIMALS = 30
_INT_LIMIT = 10**_MAX_DIGITS
_INT_KEY = re.compile(r"^-?\d{1,18}$")
_DURATION_PART = re.compile(
    r"(?P<n>\d{1,4})\s*(?P<unit>months?|mån(?:ader|ad)?|weeks?|veckor|vecka|days?|dagar|dag)"
    r"(?=\s|$|,)",
    re.IGNORECASE,
)


def _short(value: object) -> str:
    """A repr of *value* short enough for one line of an error message."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _kind(value: object) -> str:
    """What a file holds, in the words of JSON and TOML ("text", "a number", "a list")."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, float):
        return f"the decimal number {value!r}"
    if isinstance(value, int):
        return f"the number {_short(value)}"
    if isinstance(value, list):
        return f"a list {_short(value)}"
    if isinstance(value, Mapping):
        return f"a table {_short(dict(value))}"
    return f"{type(value).__name__} {_short(value)}"


# -- structuring hooks: plain data -> values ---------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if not isinstance(value, str):
        raise SerializationError(f"expected text, got {_kind(value)}")
    return value


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SerializationError(f"expected a whole number, got {_kind(value)}")
    if abs(value) >= _INT_LIMIT:
        raise SerializationError(f"the number {_short(value)} is too large")
    return value


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise SerializationError(f"expected true or false, got {_kind(value)}")
    return value


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, float):
        raise SerializationError(
            f'expected a number as text such as "91.74" (exact), got {_kind(value)}'
        )
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise SerializationError(f'expected a number as text such as "91.74", got {_kind(value)}')
    if isinstance(value, int) and abs(value) >= _INT_LIMIT:
        raise SerializationError(f"the number {_short(value)} is too large")
    try:
        number = to_decimal(value, what="", error=SerializationError)
    except SerializationError as exc:
        raise SerializationError(str(exc).removeprefix(": ")) from None
    if number and number.adjusted() >= _MAX_DIGITS:
        raise SerializationError(f"the number {_short(value)} is too large")
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -_MAX_DECIMALS:
        raise SerializationError(
            f"the number {_short(value)} has more than {_MAX_DECIMALS} decimals"
        )
    return number


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        raise SerializationError(f"expected a date such as 2023-12-31, got the time {value}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise SerializationError(f"{value!r} is not a date: {exc}") from None
    raise SerializationError(f'expected a date such as "2023-12-31", got {_kind(value)}')


def _structure_enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    names = ", ".join(cls.__members__)
    if not isinstance(value, str):
        raise SerializationError(f"expected one of {names}, got {_kind(value)}")
    try:
        return cls[value]
    except KeyError:
        raise SerializationError(
            f"{value!r} is not a {cls.__name__}: expected one of {names}"
        ) from None


def _structure_interval(value: object, _: object) -> Interval:
    if not isinstance(value, str):
        raise SerializationError(
            f'expected an interval such as "[40, 60]" or "(60, inf)", got {_kind(value)}'
        )
    return Interval.parse(value)


def _structure_period(value: object, _: object) -> Period:
    if isinstance(value, int) and not isinstance(value, bool):
        return Period.year(value)
    if not isinstance(value, str):
        raise SerializationError(
            f'expected a period such as "2023", "jan-nov 2022" or "T1 2023", got {_kind(value)}'
        )
    return Period.parse(value)


def _structure_band(value: object, _: object) -> tuple[Interval, ...]:
    if isinstance(value, str):
        parts = [part for part in value.split("|") if part.strip()]
        return tuple(Interval.parse(part) for part in parts)
    if isinstance(value, list):
        band: tuple[Interval, ...] = _structure_items(value, tuple[Interval, ...], Interval, tuple)
        return band
    raise SerializationError(
        f'expected an interval such as "[40, 60]" or a list of them, got {_kind(value)}'
    )


def _structure_relativedelta(value: object, _: object) -> relativedelta:
    if not isinstance(value, str):
        raise SerializationError(f'expected a duration such as "3 months", got {_kind(value)}')
    months = days = 0
    rest = _DURATION_PART.sub("", value).replace(",", "").replace("och", "").replace("and", "")
    parts = list(_DURATION_PART.finditer(value))
    if not parts or rest.strip():
        raise SerializationError(
            f'{value!r} is not a duration: expected text such as "3 months", "10 days" '
            'or "3 months 10 days"'
        )
    for part in parts:
        n, unit = int(part["n"]), part["unit"].lower()
        if unit.startswith(("month", "mån")):
            months += n
        elif unit.startswith(("week", "veck")):
            days += 7 * n
        else:
            days += n
    return relativedelta(months=months, days=days)


def _structure_threshold(value: object, _: object) -> Any:
    if not isinstance(value, Mapping):
        raise SerializationError(
            f'expected a threshold table such as {{"type": "bands", ...}}, got {_kind(value)}'
        )
    tag = value.get("type")
    if tag is None:
        _raise_at(
            "type",
            Threshold,
            SerializationError(f"required field missing: one of {', '.join(THRESHOLD_TYPES)}"),
        )
    cls = THRESHOLD_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        _raise_at(
            "type",
            Threshold,
            SerializationError(
                f"unknown threshold type {_short(tag)}: expected one of "
                f"{', '.join(THRESHOLD_TYPES)}"
            ),
        )
    return converter.structure(value, cls)


def _raise_at(field: str, cls: Any, exc: Exception) -> typing.NoReturn:
    """Raise *exc* as a problem of *field* of *cls* (so its path ends in ``.field``)."""
    exc.__notes__ = [AttributeValidationNote(f"Structuring {cls} @ {field}", field, str)]
    raise ClassValidationError(f"While structuring {cls}", [exc], cls)


def _structure_each(cl: Any, jobs: Iterable[tuple[str, Any, Any, Callable[[], Any]]]) -> list[Any]:
    """Run every ``(where, index, item_type, structure)`` job and collect all failures.

    Each failure keeps cattrs' note of where it happened (``@ index 2``, ``@ key '2024'``), so
    the one ``SerializationError`` can give every problem its path.
    """
    out: list[Any] = []
    errors: list[Exception] = []
    for where, index, item_type, structure in jobs:
        try:
            out.append(structure())
        except Exception as exc:
            exc.__notes__ = [
                *getattr(exc, "__notes__", []),
                IterableValidationNote(f"Structuring {cl} @ {where}", index, item_type),
            ]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {cl!r}", errors, cl)
    return out


def _structure_items(
    value: list[Any] | tuple[Any, ...], cl: Any, item_type: Any, factory: Callable[[Any], Any]
) -> Any:
    hook = converter.get_structure_hook(item_type)
    return factory(
        _structure_each(
            cl,
            (
                (f"index {i}", i, item_type, functools.partial(hook, item, item_type))
                for i, item in enumerate(value)
            ),
        )
    )


def _is_sequence(t: Any) -> bool:
    return get_origin(t) in (tuple, list) and bool(get_args(t))


def _sequence_hook(t: Any) -> Callable[[Any, Any], Any]:
    origin, args = get_origin(t), get_args(t)
    factory: Callable[[Any], Any] = tuple if origin is tuple else list
    if origin is list or (len(args) == 2 and args[1] is Ellipsis):
        item_type = args[0]

        def structure_homogeneous(value: object, _: object) -> Any:
            if not isinstance(value, list | tuple):
                raise SerializationError(f"expected a list, got {_kind(value)}")
            return _structure_items(value, t, item_type, factory)

        return structure_homogeneous

    def structure_fixed(value: object, _: object) -> Any:
        if not isinstance(value, list | tuple):
            raise SerializationError(f"expected a list of {len(args)} items, got {_kind(value)}")
        if len(value) != len(args):
            raise SerializationError(
                f"expected a list of {len(args)} items, got {len(value)}: {_short(value)}"
            )
        jobs = (
            (f"index {i}", i, item_type, functools.partial(converter.structure, item, item_type))
            for i, (item, item_type) in enumerate(zip(value, args, strict=True))
        )
        return tuple(_structure_each(t, jobs))

    return structure_fixed


def _is_frozenmap(t: Any) -> bool:
    return t is FrozenMap or get_origin(t) is FrozenMap


def _frozenmap_structure_hook(t: Any) -> Callable[[Any, Any], Any]:
    args = get_args(t)
    key_type, value_type = args if args else (Any, Any)
    key_hook = converter.get_structure_hook(key_type)
    value_hook = converter.get_structure_hook(value_type)

    def structure_key(key: object) -> Any:
        if key_type is int and isinstance(key, str):
            if not _INT_KEY.match(key):
                raise SerializationError(f"expected a whole number such as 2024, got {key!r}")
            return int(key)
        return key_hook(key, key_type)

    def structure_map(value: object, _: object) -> FrozenMap[Any, Any]:
        if not isinstance(value, Mapping):
            raise SerializationError(f"expected a table, got {_kind(value)}")

        def entry(key: object, item: object) -> tuple[Any, Any]:
            return structure_key(key), value_hook(item, value_type)

        jobs = (
            (f"key {key!r}", key, value_type, functools.partial(entry, key, item))
            for key, item in value.items()
        )
        return FrozenMap(dict(_structure_each(t, jobs)))

    return structure_map


def _is_union(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType)


def _union_structure_hook(t: Any) -> Callable[[Any, Any], Any]:
    members = [m for m in get_args(t) if m is not type(None)]
    optional = len(members) < len(get_args(t))
    hooks = [(m, converter.get_structure_hook(m)) for m in members]

    def structure_union(value: object, _: object) -> Any:
        if value is None:
            if optional:
                return None
            raise SerializationError(f"expected a value, got {_kind(value)}")
        if isinstance(value, bool) and bool in members:
            return value
        first: Exception | None = None
        for member, hook in hooks:
            if member is bool:
                continue
            try:
                return hook(value, member)
            except Exception as exc:
                first = first or exc
        if first is not None:
            raise first
        raise SerializationError(f"expected true or false, got {_kind(value)}")

    return structure_union


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _literal_structure_hook(t: Any) -> Callable[[Any, Any], Any]:
    allowed = get_args(t)

    def structure_literal(value: object, _: object) -> Any:
        if isinstance(value, bool) or value not in allowed:
            listed = ", ".join(repr(a) for a in allowed)
            raise SerializationError(f"expected one of {listed}, got {_kind(value)}")
        return value

    return structure_literal


def _attrs_structure_hook(cl: Any) -> Callable[[Any, Any], Any]:
    generated = make_dict_structure_fn(cl, converter, _cattrs_forbid_extra_keys=True)
    tag = _TAG_OF.get(cl)
    name = cl.__name__
    cache: dict[Any, Any] = {}

    def structure_attrs(value: object, _: object) -> Any:
        if not isinstance(value, Mapping):
            raise SerializationError(f"expected a table of {name} fields, got {_kind(value)}")
        if tag is not None:
            key = _cache_key(value)
            if key is not None:
                hit = cache.get(key)
                if hit is not None:
                    return hit
            given = value.get("type", tag)
            if given != tag:
                _raise_at(
                    "type",
                    cl,
                    SerializationError(f"expected the type {tag!r} here, got {_short(given)}"),
                )
            value = {k: v for k, v in value.items() if k != "type"}
            result = generated(value, cl)
            if key is not None:
                if len(cache) >= 4096:
                    cache.clear()
                cache[key] = result
            return result
        return generated(value, cl)

    return structure_attrs


def _cache_key(value: Mapping[Any, Any]) -> Any:
    """A hashable key for a threshold's table (the common case, all text, is fast)."""
    if all(type(v) is str for v in value.values()):
        return tuple(value.items())
    return _freeze(value)


def _freeze(value: Any) -> Any:
    """A hashable copy of plain data, or ``None`` when it holds something else."""
    if isinstance(value, str | bool | int):
        return (type(value), value)
    if isinstance(value, Mapping):
        items = []
        for k, v in value.items():
            frozen = _freeze(v)
            if frozen is None or not isinstance(k, str):
                return None
            items.append((k, frozen))
        return ("map", tuple(items))
    if isinstance(value, list):
        parts = [_freeze(v) for v in value]
        return None if any(p is None for p in parts) else ("list", tuple(parts))
    return None


# -- unstructuring hooks: values -> plain data -------------------------------------------


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _unstructure_band(value: tuple[Interval, ...]) -> str | list[str]:
    if len(value) == 1:
        return str(value[0])
    return [str(iv) for iv in value]


def _unstructure_relativedelta(value: relativedelta) -> str:
    rd = value.normalized()
    months = rd.years * 12 + rd.months
    parts = []
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if rd.days:
        parts.append(f"{rd.days} day{'s' if rd.days != 1 else ''}")
    return " ".join(parts) or "0 days"


def _unstructure_threshold(value: Any) -> Any:
    if type(value) not in _TAG_OF:
        raise SerializationError(
            f"cannot write a threshold of type {type(value).__name__}: expected one of "
            f"{', '.join(c.__name__ for c in _TAG_OF)}"
        )
    return converter.unstructure(value)


def _frozenmap_unstructure_hook(t: Any) -> Callable[[Any], Any]:
    args = get_args(t)
    value_type = args[1] if args else None

    def unstructure_map(value: Mapping[Any, Any]) -> dict[str, Any]:
        if value_type is None:
            return {str(k): converter.unstructure(v) for k, v in value.items()}
        hook = converter.get_unstructure_hook(value_type)
        return {str(k): hook(v) for k, v in value.items()}

    return unstructure_map


def _attrs_unstructure_hook(cl: Any) -> Callable[[Any], Any]:
    generated = make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=True)
    # A default that the field's converter turns into something else (None -> ()) is
    # compared in its converted form, so `green=None` and `green=()` are both left out.
    converted_defaults: list[tuple[str, Any]] = []
    for field in attrs.fields(cl):
        if not field.init or field.default is attrs.NOTHING or field.converter is None:
            continue
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            continue
        convert = field.converter
        if not callable(convert):
            continue
        try:
            effective = convert(default)
        except Exception:
            continue
        if effective != default:
            unstructured = converter.unstructure(effective, unstructure_as=field.type)
            converted_defaults.append((field.alias or field.name, unstructured))
    tag = _TAG_OF.get(cl)

    def unstructure_attrs(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = generated(value)
        for key, default in converted_defaults:
            if key in out and out[key] == default:
                del out[key]
        if tag is not None:
            return {"type": tag, **out}
        return out

    return unstructure_attrs


def _make_converter() -> cattrs.Converter:
    c = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    # Generic rules first: cattrs consults the newest predicate first.
    c.register_structure_hook_factory(attrs.has, _attrs_structure_hook)
    c.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_hook)
    c.register_structure_hook_factory(_is_sequence, _sequence_hook)
    c.register_structure_hook_factory(_is_union, _union_structure_hook)
    c.register_structure_hook_factory(_is_literal, _literal_structure_hook)
    c.register_structure_hook_factory(_is_frozenmap, _frozenmap_structure_hook)
    c.register_unstructure_hook_factory(_is_frozenmap, _frozenmap_unstructure_hook)
    band = tuple[Interval, ...]
    c.register_structure_hook_func(lambda t: t == band, _structure_band)
    c.register_unstructure_hook_func(lambda t: t == band, _unstructure_band)
    c.register_structure_hook_func(lambda t: t is Threshold, _structure_threshold)
    c.register_unstructure_hook_func(lambda t: t is Threshold, _unstructure_threshold)
    # Exact classes (dispatched on the class and its subclasses).
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook(Decimal, _structure_decimal)
    c.register_unstructure_hook(Decimal, _unstructure_decimal)
    c.register_structure_hook(dt.date, _structure_date)
    c.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    c.register_structure_hook(enum.Enum, _structure_enum)
    c.register_unstructure_hook(enum.Enum, lambda e: e.name)
    c.register_structure_hook(Interval, _structure_interval)
    c.register_unstructure_hook(Interval, str)
    c.register_structure_hook(Period, _structure_period)
    c.register_unstructure_hook(Period, lambda p: p.label("sv"))
    c.register_structure_hook(relativedelta, _structure_relativedelta)
    c.register_unstructure_hook(relativedelta, _unstructure_relativedelta)
    return c


converter: cattrs.Converter = _make_converter()
"""The one converter between styrmodell values and plain data (see the module docstring).

Examples:
    >>> from styrmodell import Bands, converter
    >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)")
    >>> converter.unstructure(rule)
    {'type': 'bands', 'green': '(60, inf)', 'yellow': '[40, 60]', 'red': '(-inf, 40)'}
    >>> converter.structure({"type": "bands", "green": "(60, inf)"}, Bands).green
    (Interval.parse('(60, inf)'),)
"""


# -- errors ------------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[A-Za-z0-9_]+$")


def _join(path: str, key: object) -> str:
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{path}[{key}]"
    text = str(key)
    if not _IDENTIFIER.match(text):
        return f"{path}[{text!r}]"
    return f"{path}.{text}" if path else text


def _problems(exc: BaseException, path: str) -> list[tuple[str, str]]:
    """Every leaf problem under *exc*, each with its path in the document."""
    if isinstance(exc, BaseValidationError):
        out: list[tuple[str, str]] = []
        for sub in exc.exceptions:
            note = next(
                (
                    n
                    for n in getattr(sub, "__notes__", ())
                    if isinstance(n, AttributeValidationNote | IterableValidationNote)
                ),
                None,
            )
            if isinstance(note, AttributeValidationNote):
                out += _problems(sub, _join(path, note.name))
            elif isinstance(note, IterableValidationNote):
                key = note.index
                if isinstance(exc, IterableValidationError) and not _is_sequence(exc.cl):
                    key = str(key)  # a mapping key, even when it looks like a number
                out += _problems(sub, _join(path, key))
            elif isinstance(sub, ForbiddenExtraKeysError):
                known = [a.alias or a.name for a in attrs.fields(sub.cl) if a.init]
                for key in sorted(sub.extra_fields):
                    hint = difflib.get_close_matches(key, known, n=1)
                    did_you_mean = f" (did you mean {hint[0]!r}?)" if hint else ""
                    out.append(
                        (
                            _join(path, key),
                            f"unknown field{did_you_mean}; known: {', '.join(known)}",
                        )
                    )
            else:
                out += _problems(sub, path)
        return out
    if isinstance(exc, KeyError):
        return [(path, "required field missing")]
    if isinstance(exc, StyrmodellError):
        problems: tuple[str, ...] = getattr(exc, "problems", ())
        if problems and problems != (str(exc),):
            # A whole-model check (Plan validation) that lists its problems one by one.
            return [(path, problem) for problem in problems]
        _head, *listed = str(exc).split("\n")
        if listed and all(line.startswith("  ") for line in listed):
            # A whole-model check's list ("Plan 'p' has 2 problem(s):" and one per line).
            return [(path, line.strip()) for line in listed]
        return [(path, str(exc))]
    if isinstance(exc, RecursionError):
        return [(path, "nested too deeply")]
    return [(path, f"{type(exc).__name__}: {exc}")]


def _error(source: str, problems: list[tuple[str, str]]) -> SerializationError:
    lines = [f"{path}: {message}" if path else message for path, message in problems]
    if len(lines) == 1:
        return SerializationError(f"{source}: {lines[0]}", problems=lines)
    listed = "\n".join(f"  {line}" for line in lines)
    return SerializationError(f"{source}: {len(lines)} problems\n{listed}", problems=lines)


def _fail(source: str, message: str) -> SerializationError:
    """A problem with the whole document: the message names *source*, the problem does not."""
    return SerializationError(f"{source}: {message}", problems=[message])


# -- documents ---------------------------------------------------------------------------


# attrs classes written as text rather than as a table of fields.
_SCALARS: set[type[Any]] = {Interval, Period}


def _is_table_type(t: Any) -> bool:
    return t is Threshold or (isinstance(t, type) and attrs.has(t) and t not in _SCALARS)


def _decode(data: str | bytes, source: str) -> str:
    if isinstance(data, str):
        return data
    if not isinstance(data, bytes | bytearray):
        raise _fail(source, f"expected text or bytes, got {type(data).__name__}")
    try:
        return bytes(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise _fail(source, f"not UTF-8 text: byte 0x{bad:02x} at position {exc.start}") from None


def _parse(text: str, fmt: str, source: str) -> Any:
    if not text.strip():
        raise _fail(source, "the file is empty")
    try:
        if fmt == "json":
            return json.loads(text)
        if fmt == "toml":
            return tomllib.loads(text)
    except json.JSONDecodeError as exc:
        raise _fail(
            source, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(source, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise _fail(source, f"not valid {fmt.upper()}: nested too deeply") from None
    except ValueError as exc:
        raise _fail(source, f"not valid {fmt.upper()}: {exc}") from None
    raise SerializationError(f"unknown format {fmt!r}: expected 'json' or 'toml'")


def _check_format(fmt: str) -> Format:
    if fmt == "json":
        return "json"
    if fmt == "toml":
        return "toml"
    raise SerializationError(f"unknown format {fmt!r}: expected 'json' or 'toml'")


def loads(text: str | bytes, type: type[T], format: str = "json", *, source: str = "") -> T:
    """Read a value of *type* from a JSON or TOML document.

    Args:
        text: The document, as text or UTF-8 bytes.
        type: The type to read (``Plan``, ``Bands``, ``Threshold``...).
        format: ``"json"`` or ``"toml"``.
        source: How messages name the document (a file name); ``"<json>"`` by default.

    Returns:
        The value, checked by its class like any value made in code.

    Raises:
        SerializationError: for anything wrong with the document: not UTF-8, not valid
            JSON/TOML, empty, a missing or unknown ``"format"``, and every problem with
            the data, each with its path and value, all in one error (one by one in its
            ``problems``). When the data have the right shape and types but the class
            refuses them (a :class:`~styrmodell.Plan` that fails its validation), the
            error's ``__cause__`` is the class's own error (a ``PlanError``).

    Examples:
        >>> from styrmodell import Interval, loads
        >>> loads('{"format": "styrmodell/1", "value": "[40, 60]"}', Interval)
        Interval.parse('[40, 60]')
        >>> loads('{"format": "styrmodell/1", "value": "(60, 40)"}', Interval)
        Traceback (most recent call last):
        ...
        styrmodell._errors.SerializationError: <json>: value: '(60, 40)' is not an interval: ...
    """
    fmt = _check_format(format)
    source = source or f"<{fmt}>"
    data = _parse(_decode(text, source), fmt, source)
    if not isinstance(data, dict):
        raise _fail(
            source, f'expected a document table with "format": {FORMAT!r}, got {_kind(data)}'
        )
    version = data.get("format")
    if version is None:
        raise _fail(source, f'format: required field missing: "{FORMAT}"')
    if version != FORMAT:
        raise _fail(
            source,
            f"format: unknown format version {_short(version)}: this styrmodell reads {FORMAT!r}",
        )
    body = {k: v for k, v in data.items() if k != "format"}
    if _is_table_type(type):
        payload: Any = body
    else:
        extra = sorted(set(body) - {"value"})
        if extra:
            return _raise(source, [(k, "unknown field; known: format, value") for k in extra])
        if "value" not in body:
            return _raise(source, [("value", "required field missing")])
        payload = body["value"]
    try:
        return converter.structure(payload, type)
    except Exception as exc:
        base = "" if _is_table_type(type) else "value"
        raise _error(source, _problems(exc, base)) from _refused(exc) or exc


def _refused(exc: BaseException) -> StyrmodellError | None:
    """The error of the class itself when every field read well but the class refused them.

    That is a :class:`~styrmodell.Plan` whose validation fails (duplicate ids...), rather
    than data of the wrong shape; cattrs raises it bare or wrapped without a field note.
    """
    if isinstance(exc, StyrmodellError):
        return exc
    if isinstance(exc, ClassValidationError) and len(exc.exceptions) == 1:
        sub = exc.exceptions[0]
        notes = getattr(sub, "__notes__", ())
        if isinstance(sub, StyrmodellError) and not any(
            isinstance(n, AttributeValidationNote | IterableValidationNote) for n in notes
        ):
            return sub
    return None


def _raise(source: str, problems: list[tuple[str, str]]) -> typing.NoReturn:
    raise _error(source, problems)


def _document(obj: object) -> dict[str, Any]:
    try:
        data = converter.unstructure(obj)
    except StyrmodellError:
        raise
    except Exception as exc:
        raise SerializationError(
            f"cannot write {type(obj).__name__}: {type(exc).__name__}: {exc}"
        ) from exc
    if isinstance(data, dict) and _is_table_type(type(obj)):
        return {"format": FORMAT, **data}
    return {"format": FORMAT, "value": data}


def dumps(obj: object, format: str = "json") -> str:
    """Write *obj* as a JSON or TOML document (with ``"format": "styrmodell/1"``).

    TOML needs the optional extra ``styrmodell[toml]`` (tomlkit).

    Raises:
        SerializationError: for a value the converter cannot write, for ``None`` where
            TOML would need it, or when tomlkit is missing.

    Examples:
        >>> from styrmodell import TargetValue, dumps
        >>> print(dumps(TargetValue(">=", 50)))
        {
          "format": "styrmodell/1",
          "type": "target_value",
          "comparator": ">=",
          "target": "50"
        }
        <BLANKLINE>
    """
    fmt = _check_format(format)
    doc = _document(obj)
    if fmt == "json":
        try:
            return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        except (TypeError, ValueError) as exc:
            raise SerializationError(f"cannot write {type(obj).__name__} as JSON: {exc}") from None
    return _toml_dumps(doc)


def _toml_dumps(doc: dict[str, Any]) -> str:
    try:
        import tomlkit
    except ImportError:
        raise SerializationError(
            "writing TOML needs tomlkit: pip install styrmodell[toml]"
        ) from None
    nones = list(_none_paths(doc, ""))
    if nones:
        raise SerializationError(
            f"TOML cannot hold an empty value (None) at {', '.join(nones)}: write JSON instead"
        )
    try:
        text: str = tomlkit.dumps(doc)
    except Exception as exc:
        raise SerializationError(f"cannot write TOML: {type(exc).__name__}: {exc}") from None
    return text


def _none_paths(value: Any, path: str) -> typing.Iterator[str]:
    if value is None:
        yield path or "(document)"
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _none_paths(v, _join(path, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _none_paths(v, _join(path, i))


def _format_of(path: Path, format: str | None) -> Format:
    if format is not None:
        return _check_format(format)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    raise _fail(
        str(path), f"cannot tell the format from the suffix {suffix!r}: expected .json or .toml"
    )


def load(path: str | Path, type: type[T], *, format: str | None = None) -> T:
    """Read a value of *type* from a ``.json`` or ``.toml`` file.

    Args:
        path: The file; its suffix chooses the format unless *format* is given.
        type: The type to read, e.g. ``Plan``.
        format: ``"json"`` or ``"toml"`` to override the suffix.

    Raises:
        SerializationError: when the file cannot be read, and for every problem
            :func:`loads` reports, each message starting with the file name.
    """
    p = Path(path)
    fmt = _format_of(p, format)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise _fail(str(p), f"cannot read the file: {exc.strerror or exc}") from None
    return loads(data, type, fmt, source=str(p))


def dump(obj: object, path: str | Path, *, format: str | None = None) -> None:
    """Write *obj* to a ``.json`` or ``.toml`` file (UTF-8), choosing the format by suffix.

    Raises:
        SerializationError: as :func:`dumps`, or when the file cannot be written.
    """
    p = Path(path)
    text = dumps(obj, _format_of(p, format))
    try:
        p.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise _fail(str(p), f"cannot write the file: {exc.strerror or exc}") from None
