"""Reading and writing styrmodell's values as files (CSV and, through extras, spreadsheets).

Swedish terms: *utfall* (outcomes), *CSV för Excel* (semicolons, decimal comma).

Every reader raises only :class:`~styrmodell.SerializationError`, whose problems name the
file, the line and the value; every writer's output reads back.

Example:
    >>> from styrmodell import Outcome
    >>> from styrmodell.io import read_outcomes, write_outcomes
    >>> text = write_outcomes([Outcome("x", 2023, 55)])
    >>> read_outcomes(text.encode()).get("x", 2023).value
    Decimal('55')
"""

from styrmodell._io.outcomes import read_outcomes, write_outcomes

__all__ = ["read_outcomes", "write_outcomes"]
