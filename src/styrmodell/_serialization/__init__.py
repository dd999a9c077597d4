"""Plan files: the converter (``make_converter``, ``converter``) and JSON and TOML documents.

Swedish terms: *planfil* (a plan file), *formatversion* (the ``"format"`` key).

- :mod:`._converter`: the cattrs converter, configured the way ``cattrs.preconf`` is;
- :mod:`._problems`: cattrs' error groups as a list of :class:`~styrmodell.Problem`;
- :mod:`._limits`: size caps, checked before any value is built;
- :mod:`._documents`: ``loads``, ``load``, ``dumps``, ``dump``.
"""

from styrmodell._serialization._converter import configure_converter, converter, make_converter
from styrmodell._serialization._documents import FORMAT, dump, dumps, load, loads
from styrmodell._serialization._limits import DocumentLimits

__all__ = [
    "FORMAT",
    "DocumentLimits",
    "configure_converter",
    "converter",
    "dump",
    "dumps",
    "load",
    "loads",
    "make_converter",
]
