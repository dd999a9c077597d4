"""Inputs every numeric entry point must accept or reject (shared by the test modules)."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal
from itertools import pairwise
from typing import Any

import attrs

# (friendly input, the Decimal it stands for)
GOOD_NUMBERS: list[tuple[Any, Decimal]] = [
    (3, Decimal(3)),
    (-7, Decimal(-7)),
    (Decimal("2.25"), Decimal("2.25")),
    (0.1, Decimal("0.1")),
    (2.3, Decimal("2.3")),
    (-0.5, Decimal("-0.5")),
    ("42", Decimal(42)),
    ("2,2", Decimal("2.2")),
    (" 7.8 ", Decimal("7.8")),
    ("\u22124,1", Decimal("-4.1")),
    ("333\xa0088", Decimal(333088)),
]

BAD_NUMBERS: list[Any] = [
    float("nan"),
    float("inf"),
    float("-inf"),
    Decimal("NaN"),
    Decimal("sNaN"),
    Decimal("Infinity"),
    Decimal("-Infinity"),
    "nan",
    "inf",
    "-Infinity",
    None,
    True,
    False,
    "",
    "abc",
    "2,2 %",
    [1],
    {"a": 1},
    object(),
]

BAD_IDS = [f"{type(v).__name__}-{i}" for i, v in enumerate(BAD_NUMBERS)]


def names_value(message: str, value: Any) -> bool:
    """True when *message* names *value* (its repr, or for NaN/infinity the word)."""
    if repr(value) in message:
        return True
    if isinstance(value, float | Decimal) and not Decimal(value).is_finite():
        return "nan" in message.lower() or "inf" in message.lower()
    return False


def bounds_of(rule: Any) -> list[Decimal]:
    """The finite band bounds of a Bands rule, sorted."""
    return sorted(
        {b for _, ivs in rule.bands() for iv in ivs for b in (iv.lower, iv.upper) if b is not None}
    )


def line_pieces(rule: Any) -> list[tuple[Any, Any]]:
    """The number line cut at every bound: (piece, status or None), computed from the bands."""
    from styrmodell import Interval

    cuts: list[Decimal | None] = [None, *bounds_of(rule), None]
    pieces = []
    for lo, hi in pairwise(cuts):
        pieces.append(Interval(lo, hi))
        if hi is not None:
            pieces.append(Interval.point(hi))
    out = []
    for piece in pieces:
        owners = [s for s, ivs in rule.bands() if any(iv.intersection(piece) for iv in ivs)]
        out.append((piece, owners[0] if owners else None))
    return out


def assert_copies_equal(rule: Any) -> None:
    """A threshold survives pickle, deepcopy and attrs.evolve equal and with the same hash."""
    for copied in (pickle.loads(pickle.dumps(rule)), copy.deepcopy(rule), attrs.evolve(rule)):
        assert copied == rule
        assert hash(copied) == hash(rule)


def texts(problems: Any) -> tuple[str, ...]:
    """The problems of an error as their ``"path: message"`` lines."""
    return tuple(str(p) for p in problems)
