"""Reading and writing styrmodell's files.

Swedish terms: *planfil* (a plan file), *gräns* (a limit).

Plan files and every other styrmodell value as JSON or TOML documents (``load``, ``loads``,
``dump``, ``dumps``, also importable from ``styrmodell``), with the size caps a reader of
untrusted files can set (:class:`DocumentLimits`; ``docs/explanation/limits.md``).

Examples:
    >>> from styrmodell import Plan
    >>> from styrmodell.io import DocumentLimits, load
    >>> plan = load("examples/oxelosund_von_2023.toml", Plan, limits=DocumentLimits(bytes=10**6))
    >>> plan.years
    (2023, 2025)
"""

from styrmodell._serialization import FORMAT, DocumentLimits, dump, dumps, load, loads

__all__ = [
    "FORMAT",
    "DocumentLimits",
    "dump",
    "dumps",
    "load",
    "loads",
]
