"""The registry of threshold families: how styrmodell knows each family, and how to add yours.

Swedish terms: *målvärdestyp* (a threshold family).

A family is one module: a frozen value class with ``assess(value, context=None)``, and one
call to :func:`register` with its :class:`Family` entry. Files, lint, :func:`~styrmodell.describe`,
explanations and the hypothesis strategies then know it; a :class:`Kernel` (the rule as
data: a measure and the cases of its number line) lets ``styrmodell.frames`` judge it. See
``docs/how-to/custom-threshold.md``.
"""

from __future__ import annotations

from styrmodell._thresholds._kernel import (
    Case,
    Categories,
    Deviation,
    Kernel,
    ReferenceDifference,
    Value,
    YearDifference,
    cases_of,
)
from styrmodell._thresholds._registry import (
    Family,
    families,
    family_of,
    family_tagged,
    register,
    unregister,
)

__all__ = [
    "Case",
    "Categories",
    "Deviation",
    "Family",
    "Kernel",
    "ReferenceDifference",
    "Value",
    "YearDifference",
    "cases_of",
    "families",
    "family_of",
    "family_tagged",
    "register",
    "unregister",
]
