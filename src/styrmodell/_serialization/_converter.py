"""The converter between styrmodell values and plain data, configured the way ``cattrs.preconf`` is.

Swedish terms: *planfil* (a plan file), *målvärdestyp* (a threshold family, tagged ``"type"``).

:func:`make_converter` builds a ``cattrs.Converter`` and :func:`configure_converter` registers
styrmodell's hooks on it, as ``cattrs.preconf.json.make_converter`` and ``configure_converter``
do for the standard library's ``json``. Every hook factory takes the converter it is registered
on, so ``converter.copy()`` and hooks a user registers on a copy reach every nested value.
cattrs does the walking: attrs classes through its generated functions, lists and tuples
through ``cattrs.cols``, mappings through ``cattrs.gen``, ``X | None`` natively, unions with a
bool through ``configure_union_passthrough``, thresholds through ``configure_tagged_union`` built
from the family registry, and errors through its detailed validation (exception groups whose
notes carry the path). What styrmodell adds is the shape of each value and a message for
everything a file can hold instead:

- ``Decimal`` as text (``"91.74"``) through the one coercion with limits
  (:func:`styrmodell._numbers.to_decimal`); a whole number is accepted when reading, a float
  never (it would not be exact);
- dates in ISO 8601 (``"2023-12-31"``); TOML's own dates are accepted when reading;
- enums by name (``"GREEN"``, ``"PERCENT"``), with "did you mean" for a near miss;
- a :class:`~styrmodell.Period` as its label, an :class:`~styrmodell.Interval` as its
  notation (``"[40, 60]"``), a band of several intervals as a list of them (or ``"a | b"``);
- a ``FrozenMap`` as a table; integer keys (years) are written as text (``"2024"``);
- a threshold as a table tagged with its family (``{"type": "bands", ...}``), for every family
  in the registry — also those registered after the converter was made;
- every other attrs class by its fields, leaving out fields that hold their default.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import threading
import types
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Literal, NewType, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory, list_structure_factory
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.gen import (
    make_dict_structure_fn,
    make_dict_unstructure_fn,
    make_mapping_structure_fn,
    make_mapping_unstructure_fn,
)
from cattrs.strategies import configure_tagged_union, configure_union_passthrough
from dateutil.relativedelta import relativedelta

from styrmodell._errors import SerializationError, StyrmodellError
from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._numbers import MAX_INTEGER_DIGITS, to_decimal
from styrmodell._period import Period
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._milestone import Progress
from styrmodell._thresholds._registry import families, on_change

from ._problems import closest, fail, fail_at

__all__ = ["Converter", "configure_converter", "converter", "make_converter"]

_INT_LIMIT = 10**MAX_INTEGER_DIGITS
_INT_KEY = re.compile(rf"-?\d{{1,{MAX_INTEGER_DIGITS}}}")
_DURATION_PART = re.compile(
    r"(?P<n>\d{1,4})\s*(?P<unit>months?|mån(?:ader|ad)?|weeks?|veckor|vecka|days?|dagar|dag)"
    r"(?=\s|$|,)",
    re.IGNORECASE,
)

_IntKey = NewType("_IntKey", int)
"""A whole-number key of a table (a year): text in JSON and TOML, ``"2024"``."""


# -- scalars -------------------------------------------------------------------------------


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    fail("serialization.expected_text", value)


def _structure_int(value: object, _: object) -> int:
    if type(value) is int:
        if -_INT_LIMIT < value < _INT_LIMIT:
            return value
        to_decimal(value, what="", error=SerializationError)  # says what the limit is
    fail("serialization.expected_int", value)


def _structure_int_key(value: object, _: object) -> int:
    if isinstance(value, str) and _INT_KEY.fullmatch(value):
        return int(value)
    if type(value) is int:
        return _structure_int(value, int)
    fail("serialization.expected_int_key", value)


def _structure_bool(value: object, _: object) -> bool:
    if value is True or value is False:
        return value
    fail("serialization.expected_bool", value)


def _structure_decimal(value: object, _: object) -> Decimal:
    if isinstance(value, float):
        fail("serialization.expected_exact_number", value)
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        fail("serialization.expected_number", value)
    return to_decimal(value, what="", error=SerializationError)


def _unstructure_decimal(value: Decimal) -> str:
    return format(value, "f")


def _structure_date(value: object, _: object) -> dt.date:
    if isinstance(value, dt.datetime):
        fail("serialization.date_with_time", value, time=str(value))
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            fail("serialization.not_a_date", value, reason=str(exc))
    fail("serialization.expected_date", value)


def _structure_date_or_text(value: object, _: object) -> dt.date | str:
    """A date where the text is one (``"2023-12-31"``), else the text (``"Q2"``)."""
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
        return _structure_date(value, dt.date)
    if isinstance(value, str):
        return value
    return _structure_date(value, dt.date)


def _here(exc: StyrmodellError) -> StyrmodellError:
    """*exc* with its problems placed where the value is read.

    A text parser names itself (``Period.parse``); in a document the place is the field's path.
    """
    found = [attrs.evolve(p, path="") for p in exc.problems]
    return type(exc)("; ".join(p.message for p in found), problems=found)


def _structure_interval(value: object, _: object) -> Interval:
    if isinstance(value, str):
        try:
            return Interval.parse(value)
        except StyrmodellError as exc:
            raise _here(exc) from None
    fail("serialization.expected_interval", value)


def _structure_period(value: object, _: object) -> Period:
    if type(value) is int:
        return Period.year(value)
    if isinstance(value, str):
        try:
            return Period.parse(value)
        except StyrmodellError as exc:
            raise _here(exc) from None
    fail("serialization.expected_period", value)


def _structure_relativedelta(value: object, _: object) -> relativedelta:
    if not isinstance(value, str):
        fail("serialization.expected_duration", value)
    parts = list(_DURATION_PART.finditer(value))
    rest = _DURATION_PART.sub("", value).replace(",", "").replace("och", "").replace("and", "")
    if not parts or rest.strip():
        fail("serialization.not_a_duration", value)
    months = days = 0
    for part in parts:
        n, unit = int(part["n"]), part["unit"].lower()
        if unit.startswith(("month", "mån")):
            months += n
        elif unit.startswith(("week", "veck")):
            days += 7 * n
        else:
            days += n
    return relativedelta(months=months, days=days)


def _unstructure_relativedelta(value: relativedelta) -> str:
    rd = value.normalized()
    months = rd.years * 12 + rd.months
    parts = []
    if months:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    if rd.days:
        parts.append(f"{rd.days} day{'s' if rd.days != 1 else ''}")
    return " ".join(parts) or "0 days"


def _is_enum(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, enum.Enum)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members = cls.__members__
    listed = ", ".join(members)

    def structure_enum(value: object, _: object) -> enum.Enum:
        if isinstance(value, str):
            member = members.get(value)
            if member is not None:
                return member
            hint = closest(value, members)
            if hint is not None:
                fail(
                    "serialization.not_a_member_hint",
                    value,
                    kind=cls.__name__,
                    choices=listed,
                    hint=repr(hint),
                )
            fail("serialization.not_a_member", value, kind=cls.__name__, choices=listed)
        fail("serialization.expected_one_of", value, choices=listed)

    return structure_enum


def _is_literal(t: Any) -> bool:
    return get_origin(t) is Literal


def _literal_hook(t: Any) -> Callable[[object, object], object]:
    # cattrs' own literal hook raises "x not in literal ..." without the value it was given;
    # the problem must carry the value, so the check is ours.
    allowed = get_args(t)
    listed = ", ".join(repr(a) for a in allowed)

    def structure_literal(value: object, _: object) -> object:
        if not isinstance(value, bool) and isinstance(value, str | int) and value in allowed:
            return value
        fail("serialization.expected_one_of", value, choices=listed)

    return structure_literal


# -- containers ------------------------------------------------------------------------------


def _is_sequence(t: Any) -> bool:
    """``list[X]``, ``tuple[X, ...]`` and ``tuple[X, X]`` (a fixed number of one type)."""
    origin, args = get_origin(t), get_args(t)
    if origin is list:
        return len(args) == 1
    if origin is tuple and args:
        return args[-1] is Ellipsis or len(set(args)) == 1
    return False


def _sequence_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    origin, args = get_origin(t), get_args(t)
    fixed = None if origin is list or args[-1] is Ellipsis else len(args)
    items_type: Any = list[args[0]] if origin is list else tuple[args[0], ...]  # type: ignore[valid-type]
    build = list_structure_factory if origin is list else homogenous_tuple_structure_factory
    inner: list[Callable[[Any, Any], Any]] = []

    def structure_sequence(value: object, _: object) -> Any:
        if not isinstance(value, list | tuple):
            if fixed is None:
                fail("serialization.expected_list", value)
            fail("serialization.expected_items", value, n=fixed)
        if fixed is not None and len(value) != fixed:
            fail("serialization.wrong_length", value, n=fixed, count=len(value))
        if not inner:
            # Built at the first call, when the item's hook exists: a goal holds goals.
            inner.append(build(items_type, converter))
        return inner[0](value, items_type)

    return structure_sequence


def _is_band(t: Any) -> bool:
    return bool(t == tuple[Interval, ...])


def _band_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    items = homogenous_tuple_structure_factory(t, converter)
    interval = converter.get_structure_hook(Interval)

    def structure_band(value: object, _: object) -> tuple[Interval, ...]:
        if isinstance(value, str):
            return tuple(interval(part, Interval) for part in value.split("|") if part.strip())
        if isinstance(value, list | tuple):
            band: tuple[Interval, ...] = items(value, t)
            return band
        fail("serialization.expected_band", value)

    return structure_band


def _unstructure_band(value: tuple[Interval, ...]) -> str | list[str]:
    if len(value) == 1:
        return str(value[0])
    return [str(iv) for iv in value]


def _is_frozenmap(t: Any) -> bool:
    return t is FrozenMap or get_origin(t) is FrozenMap


def _frozenmap_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    key, value_type = get_args(t) or (Any, Any)
    key_type = _IntKey if key is int else key
    inner: list[Callable[[Any, Any], Any]] = []

    def structure_map(value: object, _: object) -> FrozenMap[Any, Any]:
        if type(value) is not dict and not isinstance(value, Mapping):
            fail("serialization.expected_table", value)
        if not inner:
            inner.append(
                make_mapping_structure_fn(
                    t, converter, structure_to=FrozenMap, key_type=key_type, val_type=value_type
                )
            )
        try:
            result: FrozenMap[Any, Any] = inner[0](value, t)
        except IterableValidationError:
            if key_type is _IntKey:
                _check_keys(value, t)
            raise
        return result

    return structure_map


def _check_keys(value: Mapping[Any, Any], t: Any) -> None:
    """Refuse keys that are not whole numbers, before what their values say.

    A key is the year its value belongs to: ``targets.20x4`` is wrong before its threshold is
    (cattrs reads a value first, and skips its key when the value fails).
    """
    errors: list[Exception] = []
    for key in value:
        try:
            _structure_int_key(key, int)
        except SerializationError as exc:
            exc.__notes__ = [IterableValidationNote(f"Structuring {t} @ key {key!r}", key, int)]
            errors.append(exc)
    if errors:
        raise IterableValidationError(f"While structuring {t!r}", errors, t)


def _frozenmap_unstructure_hook(t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    return make_mapping_unstructure_fn(t, converter, unstructure_to=dict, key_handler=_key_text)


def _key_text(key: object, _: object = None) -> str:
    return str(key)


def _is_date_or_text(t: Any) -> bool:
    return get_origin(t) in (Union, types.UnionType) and set(get_args(t)) == {dt.date, str}


def _is_outcome_value(t: Any) -> bool:
    """An outcome's value: a number, done / not done, a ``Progress``, a pair of dates, or None."""
    args = get_args(t)
    return get_origin(t) in (Union, types.UnionType) and Decimal in args and enum.Enum in args


def _outcome_value_hook(t: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    pair_type = next((a for a in get_args(t) if get_origin(a) is tuple), None)
    number = converter.get_structure_hook(Decimal)
    pair = converter.get_structure_hook(pair_type) if pair_type is not None else None

    def structure_value(value: object, _: object) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, list | tuple) and pair is not None:
            if len(value) != 2:
                fail("serialization.wrong_length", value, n=2, count=len(value))
            return pair(value, pair_type)
        if isinstance(value, str) and value in Progress.__members__:
            return Progress[value]
        return number(value, Decimal)

    return structure_value


# -- attrs classes -----------------------------------------------------------------------------


def _tag_of(cls: type[Any]) -> str | None:
    return next((f.tag for f in families() if f.type is cls), None)


def _attrs_hook(cl: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    generated = make_dict_structure_fn(cl, converter)
    name = cl.__name__
    tag = _tag_of(cl)
    if tag is None:

        def structure_attrs(value: object, _: object) -> Any:
            if type(value) is not dict and not isinstance(value, Mapping):
                fail("serialization.expected_fields", value, name=name)
            return generated(value, cl)

        return structure_attrs

    def structure_family(value: object, _: object) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            fail("serialization.expected_fields", value, name=name)
        if "type" in value:
            given = value["type"]
            if given != tag:
                fail_at("type", cl, "serialization.wrong_tag", given, expected=repr(tag))
            value = {k: v for k, v in value.items() if k != "type"}
        return generated(value, cl)

    return structure_family


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


def _attrs_unstructure_hook(cl: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    omit = bool(getattr(converter, "omit_if_default", False))
    generated = make_dict_unstructure_fn(cl, converter, _cattrs_omit_if_default=omit)
    # A default that the field's converter turns into something else (None -> ()) is
    # compared in its converted form, so `green=None` and `green=()` are both left out.
    converted_defaults: list[tuple[str, Any]] = []
    for field in attrs.fields(cl) if omit else ():
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
        except Exception:  # a converter that needs its instance: nothing to omit
            continue
        if effective != default:
            unstructured = converter.unstructure(effective, unstructure_as=field.type)
            converted_defaults.append((field.name, unstructured))
    tag = _tag_of(cl)

    def unstructure_attrs(value: Any) -> dict[str, Any]:
        out: dict[str, Any] = generated(value)
        for key, default in converted_defaults:
            if key in out and out[key] == default:
                del out[key]
        if tag is not None:
            return {"type": tag, **out}
        return out

    return unstructure_attrs


# -- thresholds: a tagged union of the registered families ---------------------------------------

_generation = [1]
_generation_lock = threading.Lock()


def _families_changed() -> None:
    with _generation_lock:
        _generation[0] += 1


on_change(_families_changed)


class _Families:
    """The tagged union of the registered families on one converter, rebuilt when they change.

    ``configure_tagged_union`` reads the union's members once; the registry is open (a third
    party may register a family after the converter was made), so the union is rebuilt at the
    first use after a registration.
    """

    def __init__(self, converter: cattrs.Converter) -> None:
        self.converter = converter
        self.generation = 0
        self.lock = threading.Lock()
        self.tags: dict[str, type[Any]] = {}
        self.classes: frozenset[type[Any]] = frozenset()
        self.union: Any = None
        self.structure: Callable[[Any, Any], Any] = _no_families
        self.unstructure: Callable[[Any], Any] = _no_families
        # Plans repeat a handful of rules thousands of times: equal tables give one (frozen)
        # value. Emptied when the families change.
        self.cache: dict[Any, Any] = {}

    def current(self) -> _Families:
        if self.generation != _generation[0]:
            self._rebuild()
        return self

    def _rebuild(self) -> None:
        with self.lock:
            generation = _generation[0]
            self.cache = {}
            tag_of = {f.type: f.tag for f in families()}
            self.tags = {tag: cls for cls, tag in tag_of.items()}
            self.classes = frozenset(tag_of)
            if len(tag_of) >= 2:
                union: Any = Union[tuple(tag_of)]  # noqa: UP007 - a union built at run time
                configure_tagged_union(
                    union, self.converter, tag_generator=tag_of.__getitem__, tag_name="type"
                )
                self.union = union
                self.structure = self.converter.get_structure_hook(union)
                self.unstructure = self.converter.get_unstructure_hook(union)
            elif tag_of:
                (only,) = tag_of
                self.union = only
                self.structure = self.converter.get_structure_hook(only)
                self.unstructure = self.converter.get_unstructure_hook(only)
            self.generation = generation

    def listed(self) -> str:
        return ", ".join(sorted(self.tags))


def _no_families(*_: object) -> Any:
    fail("serialization.no_families")


class Converter(cattrs.Converter):
    """A ``cattrs.Converter`` with room for the state styrmodell keeps per converter.

    ``converter.copy()`` makes another of these, with room of its own.
    """

    __slots__ = ("_styrmodell_families",)


# Converters that are not a :class:`Converter` (configured with ``configure_converter``) keep
# their state here; it holds them alive, which only costs for such converters' copies.
_ELSEWHERE: dict[int, tuple[cattrs.Converter, _Families]] = {}
_ELSEWHERE_LOCK = threading.Lock()


def _families_of(converter: cattrs.Converter) -> _Families:
    """The one family union of *converter* (shared by its hooks, surviving cache clears)."""
    state = getattr(converter, "_styrmodell_families", None)
    if isinstance(state, _Families):
        return state
    made = _Families(converter)
    try:
        converter._styrmodell_families = made  # type: ignore[attr-defined]
    except AttributeError:
        with _ELSEWHERE_LOCK:
            return _ELSEWHERE.setdefault(id(converter), (converter, made))[1]
    return made


def _threshold_hook(_t: Any, converter: cattrs.Converter) -> Callable[[object, object], Any]:
    state = _families_of(converter)

    def structure_threshold(value: object, _: object) -> Any:
        known = state.current()
        if type(value) is not dict:
            if not isinstance(value, Mapping):
                fail("serialization.expected_threshold", value)
            value = dict(value)
        key = _cache_key(value)
        if key is not None:
            hit = known.cache.get(key)
            if hit is not None:
                return hit
        tag = value.get("type")
        if tag is None:
            fail_at("type", Threshold, "serialization.tag_missing", tags=known.listed())
        if not isinstance(tag, str) or tag not in known.tags:
            hint = closest(tag, known.tags) if isinstance(tag, str) else None
            if hint is not None:
                fail_at(
                    "type",
                    Threshold,
                    "serialization.unknown_tag_hint",
                    tag,
                    tags=known.listed(),
                    hint=repr(hint),
                )
            fail_at("type", Threshold, "serialization.unknown_tag", tag, tags=known.listed())
        result = known.structure(value, known.union)
        if key is not None:
            if len(known.cache) >= 4096:
                known.cache.clear()
            known.cache[key] = result
        return result

    return structure_threshold


def _threshold_unstructure_hook(_t: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    state = _families_of(converter)

    def unstructure_threshold(value: Any) -> Any:
        known = state.current()
        if type(value) not in known.classes:
            fail(
                "serialization.unknown_threshold_class",
                name=type(value).__name__,
                names=", ".join(sorted(c.__name__ for c in known.classes)),
            )
        return known.unstructure(value)

    return unstructure_threshold


# -- the converter ---------------------------------------------------------------------------------


def configure_converter(converter: cattrs.Converter) -> None:
    """Register styrmodell's hooks on *converter* (as ``cattrs.preconf`` modules do).

    Args:
        converter: A ``cattrs.Converter``, best made with ``detailed_validation=True`` (paths
            in problems) and ``forbid_extra_keys=True`` (a typo is an error).

    Examples:
        >>> import cattrs
        >>> from styrmodell import Interval
        >>> c = cattrs.Converter()
        >>> configure_converter(c)
        >>> c.structure("[40, 60]", Interval)
        Interval.parse('[40, 60]')
    """
    # Generic rules first: cattrs consults the newest rule first.
    converter.register_structure_hook_factory(attrs.has, _attrs_hook)
    converter.register_unstructure_hook_factory(attrs.has, _attrs_unstructure_hook)
    converter.register_structure_hook_factory(_is_sequence, _sequence_hook)
    converter.register_structure_hook_factory(_is_literal, _literal_hook)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)
    converter.register_structure_hook_factory(_is_frozenmap, _frozenmap_hook)
    converter.register_unstructure_hook_factory(_is_frozenmap, _frozenmap_unstructure_hook)
    configure_union_passthrough(Union[bool, None], converter)  # noqa: UP007
    converter.register_structure_hook_func(_is_date_or_text, _structure_date_or_text)
    converter.register_structure_hook_factory(_is_outcome_value, _outcome_value_hook)
    converter.register_structure_hook_factory(_is_band, _band_hook)
    converter.register_unstructure_hook_func(_is_band, _unstructure_band)
    converter.register_structure_hook_factory(lambda t: t is Threshold, _threshold_hook)
    converter.register_unstructure_hook_factory(
        lambda t: t is Threshold, _threshold_unstructure_hook
    )
    converter.register_structure_hook(_IntKey, _structure_int_key)
    # Exact classes (and their subclasses).
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, _unstructure_decimal)
    converter.register_structure_hook(dt.date, _structure_date)
    converter.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    converter.register_unstructure_hook(enum.Enum, lambda e: e.name)
    converter.register_structure_hook(Interval, _structure_interval)
    converter.register_unstructure_hook(Interval, str)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, lambda p: p.label("sv"))
    converter.register_structure_hook(relativedelta, _structure_relativedelta)
    converter.register_unstructure_hook(relativedelta, _unstructure_relativedelta)


def make_converter(**kwargs: Any) -> cattrs.Converter:
    """A new converter between styrmodell values and plain data (dicts, lists, text).

    Like ``cattrs.preconf.json.make_converter``: the keyword arguments go to
    ``cattrs.Converter``; styrmodell's defaults are ``detailed_validation=True`` (every
    problem with its path), ``forbid_extra_keys=True`` (an unknown key is an error) and
    ``omit_if_default=True`` (fields that hold their default are left out). The public
    :data:`converter` is one of these; make your own to register hooks without changing it
    (or use ``converter.copy()``).

    Examples:
        >>> from decimal import Decimal
        >>> from styrmodell import Context, make_converter
        >>> mine = make_converter()
        >>> mine.register_unstructure_hook(Decimal, float)
        >>> mine.unstructure(Context(budget="2.5"))
        {'budget': 2.5}
        >>> make_converter().unstructure(Context(budget="2.5"))
        {'budget': '2.5'}
    """
    kwargs.setdefault("detailed_validation", True)
    kwargs.setdefault("forbid_extra_keys", True)
    kwargs.setdefault("omit_if_default", True)
    made = Converter(**kwargs)
    configure_converter(made)
    return made


converter: cattrs.Converter = make_converter()
"""The one converter between styrmodell values and plain data (see :func:`make_converter`).

Examples:
    >>> from styrmodell import Bands, converter
    >>> rule = Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)")
    >>> converter.unstructure(rule)
    {'type': 'bands', 'green': '(60, inf)', 'yellow': '[40, 60]', 'red': '(-inf, 40)'}
    >>> converter.structure({"type": "bands", "green": "(60, inf)"}, Bands).green
    (Interval.parse('(60, inf)'),)
"""
