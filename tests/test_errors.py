"""The exception hierarchy: ``problems`` on PlanError and SerializationError."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import texts

LISTING = [sm.PlanError, sm.SerializationError]
lines = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=20)


@pytest.mark.parametrize("cls", LISTING)
@given(message=lines, problems=st.lists(lines, min_size=1, max_size=5))
def test_problems_are_kept_one_by_one_and_the_message_as_given(
    cls: type[sm.PlanError | sm.SerializationError], message: str, problems: list[str]
) -> None:
    exc = cls(message, problems=problems)
    assert str(exc) == message
    assert exc.args == (message,)
    assert texts(exc.problems) == tuple(problems)


@pytest.mark.parametrize("cls", LISTING)
@given(message=lines)
def test_an_error_about_one_thing_lists_its_message(
    cls: type[sm.PlanError | sm.SerializationError], message: str
) -> None:
    assert texts(cls(message).problems) == (message,)


@pytest.mark.parametrize("cls", LISTING)
def test_an_empty_error_lists_nothing(cls: type[sm.PlanError | sm.SerializationError]) -> None:
    assert cls().problems == ()


@pytest.mark.parametrize("cls", LISTING)
def test_problems_survive_pickle_and_copy(cls: type[sm.PlanError | sm.SerializationError]) -> None:
    exc = cls("p: 2 problems", problems=["a: x", "b: y"])
    for again in (pickle.loads(pickle.dumps(exc)), copy.copy(exc)):
        assert type(again) is cls
        assert str(again) == "p: 2 problems"
        assert texts(again.problems) == ("a: x", "b: y")


@pytest.mark.parametrize("cls", LISTING)
def test_listing_errors_stay_value_errors(cls: type[Exception]) -> None:
    assert issubclass(cls, sm.StyrmodellError)
    assert issubclass(cls, ValueError)
