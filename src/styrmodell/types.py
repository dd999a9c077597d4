"""Types that the values of styrmodell hold: the read-only mapping of frozen values.

Swedish terms: none.

Fields that map keys to values — an indicator's ``targets`` per year, a context's
``references``, a ledger's totals, a result's assessments per gender — hold a
:class:`FrozenMap`: a read-only :class:`~collections.abc.Mapping` that hashes by value, so
the frozen values holding it hash and compare by value too. Read it like any mapping; build
one from a ``dict`` where a value needs it.
"""

from styrmodell._frozenmap import FrozenMap

__all__ = ["FrozenMap"]
