from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell import Status

COLOURS = [Status.RED, Status.YELLOW, Status.GREEN]


def test_colours_are_ordered_worst_to_best():
    assert Status.RED < Status.YELLOW < Status.GREEN
    assert Status.GREEN > Status.RED
    assert Status.YELLOW >= Status.YELLOW
    assert Status.YELLOW <= Status.GREEN
    assert sorted([Status.GREEN, Status.RED, Status.YELLOW]) == COLOURS
    assert max(COLOURS) is Status.GREEN
    assert min(COLOURS) is Status.RED


@given(st.sampled_from(COLOURS), st.sampled_from(COLOURS))
def test_order_agrees_with_rank(a, b):
    assert (a < b) == (a.rank < b.rank)
    assert (a <= b) == (a.rank <= b.rank)
    assert (a > b) == (a.rank > b.rank)
    assert (a >= b) == (a.rank >= b.rank)


@pytest.mark.parametrize("other", [Status.RED, Status.NOT_ASSESSED])
def test_not_assessed_has_no_order(other):
    none = Status.NOT_ASSESSED
    with pytest.raises(TypeError, match="NOT_ASSESSED"):
        _ = none < other
    with pytest.raises(TypeError, match="NOT_ASSESSED"):
        _ = other >= Status.NOT_ASSESSED


def test_comparing_with_other_types_raises():
    with pytest.raises(TypeError, match="int"):
        _ = Status.RED < 1


def test_rank_and_is_colour():
    assert [s.rank for s in COLOURS] == [0, 1, 2]
    assert Status.NOT_ASSESSED.rank is None
    assert all(s.is_colour for s in COLOURS)
    assert not Status.NOT_ASSESSED.is_colour


@pytest.mark.parametrize(
    ("status", "sv", "en"),
    [
        (Status.GREEN, "Grönt", "Green"),
        (Status.YELLOW, "Gult", "Yellow"),
        (Status.RED, "Rött", "Red"),
        (Status.NOT_ASSESSED, "Ej bedömd", "Not assessed"),
    ],
)
def test_labels(status, sv, en):
    assert status.label() == sv
    assert status.label("sv_SE") == sv
    assert status.label("en") == en
    assert status.label("en_GB") == en


def test_status_pickles_and_hashes():
    for s in Status:
        assert pickle.loads(pickle.dumps(s)) is s
    assert len({*Status, *Status}) == 4
