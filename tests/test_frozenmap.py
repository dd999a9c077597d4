from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from styrmodell._frozenmap import FrozenMap

mappings = st.dictionaries(st.text(max_size=5), st.integers())


@given(mappings)
def test_behaves_like_the_dict(d):
    m = FrozenMap(d)
    assert m == d
    assert d == m
    assert len(m) == len(d)
    assert list(m) == list(d)
    assert dict(m.items()) == d
    for k, v in d.items():
        assert m[k] == v
        assert m.get(k) == v


@given(mappings)
def test_hash_equality_and_pickle(d):
    m = FrozenMap(d)
    same = FrozenMap(dict(reversed(list(d.items()))))
    assert m == same
    assert hash(m) == hash(same)
    for copied in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m), copy.copy(m)):
        assert copied == m
        assert hash(copied) == hash(m)
        assert isinstance(copied, FrozenMap)


def test_is_read_only():
    m = FrozenMap({"riket": 82})
    with pytest.raises(TypeError):
        m["riket"] = 1  # type: ignore[index]
    with pytest.raises(AttributeError):
        m.x = 1  # type: ignore[attr-defined]
    assert not hasattr(m, "__setitem__")


def test_copies_its_input():
    source = {"a": 1}
    m = FrozenMap(source)
    source["a"] = 2
    assert m["a"] == 1


def test_empty_and_repr_and_other_types():
    assert FrozenMap() == {}
    assert FrozenMap(None) == FrozenMap()
    assert repr(FrozenMap({"a": 1})) == "FrozenMap({'a': 1})"
    assert FrozenMap({"a": 1}) != [("a", 1)]
    assert FrozenMap({"a": 1}) != FrozenMap({"a": 2})
    with pytest.raises(KeyError):
        FrozenMap()["missing"]


@given(mappings)
def test_every_pickle_protocol_and_no_hash_carried_along(d):
    m = FrozenMap(d)
    hash(m)
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        copied = pickle.loads(pickle.dumps(m, protocol))
        assert copied == m
        assert hash(copied) == hash(m)
    # What a pickle holds is the mapping alone (a hash from another process would be wrong).
    assert m.__reduce__() == (FrozenMap, (d,))
