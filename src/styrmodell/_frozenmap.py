"""An immutable, hashable mapping for frozen attrs values (a dict field would not hash).

Its hash is computed when asked, not kept: the mappings styrmodell holds are small (the
targets of a plan's years, an outcome's references), and a kept hash would travel into
pickles and copies made in another process, where strings hash differently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Generic, TypeVar

__all__ = ["FrozenMap"]

K = TypeVar("K")
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """A read-only mapping that hashes by value and compares equal to an equal ``dict``.

    Public as :class:`styrmodell.types.FrozenMap`: the type of the mapping fields of frozen
    values (an indicator's targets per year, a context's references, a ledger's totals).

    Example:
        >>> targets = FrozenMap({2024: "≥ 50 %", 2025: "≥ 55 %"})
        >>> targets[2025], targets == {2024: "≥ 50 %", 2025: "≥ 55 %"}
        ('≥ 55 %', True)
        >>> hash(targets) == hash(FrozenMap(dict(targets)))
        True
    """

    __slots__ = ("_data",)

    def __init__(self, data: Mapping[K, V] | None = None) -> None:
        self._data: dict[K, V] = dict(data or {})

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other.items())
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # A slotted class pickles (with every protocol) and copies as a call with its data.
        return (FrozenMap, (self._data,))
