"""The registry of threshold families: one entry per family, and everything finds families here.

Swedish terms: *målvärdestyp* (a threshold family: bands, a comparison with riket, a milestone...).

A family is one module: its frozen value class with an ``assess`` method, and one call to
:func:`register` that hands over what the rest of the library needs — its tag in files, its
wording (describe and explain, through the text layer), its lint, its hypothesis strategies,
and its capabilities (e.g. presenting itself as :class:`~styrmodell.Bands`, which gives it the
band lint and the columnar engine's interval chain). Serialization, lint, ``describe``, the
strategies and the hypothesis plugin look families up here; nothing else lists them.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError

__all__ = ["BUILT_IN", "Family", "families", "family_of", "family_tagged", "register", "unregister"]

_TAG_START = frozenset("abcdefghijklmnopqrstuvwxyz")
_TAG_CHARS = _TAG_START | frozenset("0123456789_")


def _tag(value: object) -> str:
    if (
        not isinstance(value, str)
        or not value
        or value[0] not in _TAG_START
        or not _TAG_CHARS.issuperset(value)
    ):
        raise ThresholdError(
            f"Family.tag: expected a lower-case identifier such as 'bands', got {value!r}"
        )
    return value


def _callable_or_none(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not callable(value):
        raise ThresholdError(f"Family.{attribute.name}: expected a function or None, got {value!r}")


def _callable(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not callable(value):
        raise ThresholdError(f"Family.{attribute.name}: expected a function, got {value!r}")


def _a_class(_: object, __: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, type) or not callable(getattr(value, "assess", None)):
        raise ThresholdError(f"Family.type: expected a class with an assess method, got {value!r}")


@attrs.frozen(kw_only=True)
class Family:
    """What styrmodell knows about one threshold family.

    Every field but *type*, *tag*, *describe* and *explain* is optional: a capability the
    family has or not. Each is a plain function over the family's values, so a family of
    your own inherits nothing from styrmodell's classes — it hands its functions over here.

    Attributes:
        type: The family's value class. Its instances are frozen, equal by value, and have
            ``assess(value, context=None) -> Assessment``.
        tag: The family's name in files: ``{"type": "bands", ...}``.
        describe: ``describe(threshold, locale) -> str``: the rule as a plan prints it
            (what :func:`styrmodell.describe` answers).
        explain: ``explain(assessment, locale) -> str``: why an assessment got its status
            (what :meth:`styrmodell.Assessment.explain` answers).
        strategy: ``strategy(st, **options) -> SearchStrategy`` of thresholds of this
            family, given ``hypothesis.strategies`` as *st* (so the family module never
            imports hypothesis). Called with no options by
            :func:`styrmodell.strategies.thresholds` and ``st.from_type``; a family may take
            keyword options of its own (``unit=`` for the built-in numeric families).
        values: ``values(st, threshold) -> SearchStrategy`` of values to assess with it.
        contexts: ``contexts(st, threshold) -> SearchStrategy`` of contexts it needs
            (references, history, a budget...); ``None`` when a context with a year does.
        as_bands: A capability: ``as_bands(threshold) -> Bands | None``, the bands the
            family classifies its measured number with. A family that has it gets the band
            lint (gaps, order, unreachable statuses).
        lint: ``lint(threshold) -> iterable of Finding``: the family's own checks, besides
            the band lint.
        words: ``words(code, params, locale) -> str``: the wording of the family's own
            findings, for a family whose words are not in styrmodell's catalogs (a family of
            your own). Its findings' codes start with its tag (``"share_of_days.no_days"``);
            :meth:`~styrmodell.Finding.message` asks it for codes the catalogs lack.
        parse: A capability: ``parse(phrase) -> threshold | None``, the family's own
            phrasings for :func:`~styrmodell.parse_threshold`. *phrase* is a
            ``styrmodell._parse._phrase.Phrase`` (a statement's rule, or a legend's colour
            parts) read with the tools of ``styrmodell._parse._phrase``; return ``None``
            when the phrase is not the family's.
        kernel: A capability: ``kernel(threshold, context) -> Kernel``, the rule as data
            for the columnar engine (:mod:`styrmodell.frames`): what number it judges
            and the cases of its number line (see ``styrmodell.families.Kernel``).
            *context* holds only what is fixed for a whole assessment (the year and the
            date). A family without it cannot be judged by ``assess_frame``, which says
            so; the function raises ``ThresholdError`` for a rule it cannot express.

    Examples:
        >>> class Always:
        ...     def assess(self, value, context=None): ...
        >>> entry = Family(
        ...     type=Always, tag="always",
        ...     describe=lambda t, locale: "always", explain=lambda a, locale: "always",
        ... )
        >>> entry.tag
        'always'
    """

    type: type[Any] = attrs.field(validator=_a_class)
    tag: str = attrs.field(converter=_tag)
    describe: Callable[[Any, str], str] = attrs.field(validator=_callable)
    explain: Callable[[Any, str], str] = attrs.field(validator=_callable)
    strategy: Callable[..., Any] | None = attrs.field(default=None, validator=_callable_or_none)
    values: Callable[[ModuleType, Any], Any] | None = attrs.field(
        default=None, validator=_callable_or_none
    )
    contexts: Callable[[ModuleType, Any], Any] | None = attrs.field(
        default=None, validator=_callable_or_none
    )
    as_bands: Callable[[Any], Any] | None = attrs.field(default=None, validator=_callable_or_none)
    lint: Callable[[Any], Iterable[Any]] | None = attrs.field(
        default=None, validator=_callable_or_none
    )
    words: Callable[[str, Any, str], str] | None = attrs.field(
        default=None, validator=_callable_or_none
    )
    parse: Callable[[Any], Any] | None = attrs.field(default=None, validator=_callable_or_none)
    kernel: Callable[[Any, Any], Any] | None = attrs.field(
        default=None, validator=_callable_or_none
    )


BUILT_IN: tuple[str, ...] = (
    "_bands",
    "_target",
    "_reference",
    "_change",
    "_milestone",
    "_budget",
    "_duration",
    "_rank",
    "_relative",
    "_average",
    "_attainment",
    "_staged",
)
"""The modules of ``styrmodell._thresholds`` that hold the built-in families, in their order.

Each registers its family as it loads. They load on the registry's first use, not with the
package, so ``import styrmodell`` stays cheap: adding a built-in family is its module and
its entry here.
"""

_PACKAGE = "styrmodell._thresholds"
_BUILT_IN_MODULES = frozenset(f"{_PACKAGE}.{name}" for name in BUILT_IN)

_lock = threading.Lock()
_load_lock = threading.RLock()
_loaded = [False]
_BY_TYPE: dict[type[Any], Family] = {}
_BY_TAG: dict[str, Family] = {}
_LISTENERS: list[Callable[[], None]] = []


def register(family: Family, *, replace: bool = False) -> Family:
    """Make *family* known to files, lint, describe, explain and the strategies.

    Args:
        family: The family's :class:`Family` entry.
        replace: Replace an earlier entry for the same class or tag (for reloading a module
            while developing); otherwise registering a class or tag twice is an error.

    Returns:
        *family*, so a module can keep it.

    Raises:
        ThresholdError: when the class or the tag is taken by another family.

    Examples:
        See ``docs/how-to/custom-threshold.md`` for a whole family.
    """
    if family.type.__module__ not in _BUILT_IN_MODULES:
        # Another family's tag must not take a built-in's: the built-ins are known first.
        _load_built_in()
    with _lock:
        taken = _BY_TAG.get(family.tag)
        if taken is not None and taken.type is not family.type and not replace:
            raise ThresholdError(
                f"register: the tag {family.tag!r} is taken by {taken.type.__qualname__}"
            )
        known = _BY_TYPE.get(family.type)
        if known is not None and not replace:
            raise ThresholdError(
                f"register: {family.type.__qualname__} is registered already as {known.tag!r}"
            )
        if known is not None:
            _BY_TAG.pop(known.tag, None)
        if taken is not None:
            _BY_TYPE.pop(taken.type, None)
        _BY_TYPE[family.type] = family
        _BY_TAG[family.tag] = family
        listeners = list(_LISTENERS)
    for listener in listeners:
        listener()
    return family


def unregister(cls: type[Any]) -> None:
    """Forget the family of *cls* (tests that define a family of their own clean up with it)."""
    with _lock:
        family = _BY_TYPE.pop(cls, None)
        if family is not None:
            _BY_TAG.pop(family.tag, None)
        listeners = list(_LISTENERS)
    for listener in listeners:
        listener()


def on_change(listener: Callable[[], None]) -> None:
    """Call *listener* whenever a family is registered or removed (converters re-read tags)."""
    with _lock:
        _LISTENERS.append(listener)


def _load_built_in() -> None:
    """Import the built-in families' modules, once (each registers its family)."""
    if _loaded[0]:
        return
    with _load_lock:
        if _loaded[0]:
            return
        _loaded[0] = True  # first: the modules register through this registry as they load
        for name in BUILT_IN:
            importlib.import_module(f"{_PACKAGE}.{name}")


def _order(family: Family) -> tuple[int, int]:
    module = family.type.__module__
    if module in _BUILT_IN_MODULES:
        return (0, BUILT_IN.index(module.rpartition(".")[2]))
    return (1, 0)


def families() -> Iterator[Family]:
    """Every registered family: the built-in ones first, then the others as they registered.

    The built-in families come in :data:`BUILT_IN` order (whichever module loaded first).
    """
    _load_built_in()
    return iter(sorted(_BY_TYPE.values(), key=_order))


def family_of(threshold: object) -> Family:
    """The family of *threshold* (an instance or a class).

    Raises:
        ThresholdError: for anything that is not a registered threshold.
    """
    cls = threshold if isinstance(threshold, type) else type(threshold)
    found = _BY_TYPE.get(cls)
    if found is None:
        _load_built_in()
        found = _BY_TYPE.get(cls)
    if found is None:
        for base in cls.__mro__[1:]:
            found = _BY_TYPE.get(base)
            if found is not None:
                break
        else:
            raise ThresholdError(
                f"expected a threshold of a registered family, got {_short(threshold)}"
            )
    return found


def family_tagged(tag: str) -> Family | None:
    """The family whose tag is *tag*, or ``None``."""
    _load_built_in()
    return _BY_TAG.get(tag)


def is_registered(value: object) -> bool:
    """Whether *value* is an instance of a registered family."""
    cls = type(value)
    if cls in _BY_TYPE:
        return True
    _load_built_in()
    if cls in _BY_TYPE:
        return True
    return not isinstance(value, type) and any(base in _BY_TYPE for base in cls.__mro__[1:])


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."
