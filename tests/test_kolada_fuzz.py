"""Fuzz the reading of Kolada answers: whatever the body, only StyrmodellError comes out."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styrmodell import StyrmodellError
from styrmodell.kolada import KoladaError
from styrmodell.kolada._parse import (
    parse_data,
    parse_kpi_groups,
    parse_kpis,
    parse_municipalities,
    parse_municipality_groups,
    parse_ous,
    parse_page,
)

DAY = dt.date(2026, 11, 30)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(["T", "K", "M", "N21704", "0180", "2023", "2024-04-30", "", "G1"]),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=20,
)
KEYS = [
    "kpi", "municipality", "ou", "period", "values", "gender", "count", "status", "value",
    "isdeleted", "id", "title", "members", "publication_date", "publ_period",
    "is_divided_by_gender", "has_ou_data", "type", "member_id",
]  # fmt: skip
shaped_value = st.fixed_dictionaries(
    {},
    optional={
        "gender": st.one_of(st.sampled_from(["T", "K", "M", "X"]), scalars),
        "count": scalars,
        "status": scalars,
        "value": scalars,
        "isdeleted": scalars,
    },
)
shaped_item = st.fixed_dictionaries(
    {},
    optional={
        "kpi": scalars,
        "municipality": scalars,
        "ou": scalars,
        "period": st.one_of(st.integers(1990, 2030), scalars),
        "values": st.one_of(st.lists(shaped_value, max_size=3), json_values),
        "id": scalars,
        "title": scalars,
        "members": st.one_of(st.lists(st.one_of(scalars, json_values), max_size=3), scalars),
        "publication_date": scalars,
        "publ_period": scalars,
        "is_divided_by_gender": scalars,
        "type": scalars,
    },
)
items = st.lists(st.one_of(shaped_item, json_values), max_size=5)
PARSERS = [
    parse_kpis,
    parse_kpi_groups,
    parse_municipalities,
    parse_municipality_groups,
    parse_ous,
]


def read_all(values: list[Any]) -> None:
    for parse in PARSERS:
        with contextlib.suppress(StyrmodellError):
            parse(values, "u")
    for kind in ("municipality", "ou"):
        with contextlib.suppress(StyrmodellError):
            parse_data(values, "u", kind=kind, fetched_at=DAY)  # type: ignore[arg-type]


@settings(max_examples=100)
@given(st.binary(max_size=200))
def test_any_bytes_give_a_page_or_a_kolada_error(body: bytes) -> None:
    try:
        page = parse_page(body, "u")
    except KoladaError:
        return
    read_all(page.values)


@settings(max_examples=100)
@given(st.one_of(json_values, st.fixed_dictionaries({"values": items}, optional={
    "next_url": scalars, "next_page": scalars, "count": scalars})))  # fmt: skip
def test_any_json_gives_a_page_or_a_kolada_error(document: Any) -> None:
    body = json.dumps(document).encode()
    try:
        page = parse_page(body, "u")
    except KoladaError:
        return
    read_all(page.values)


@settings(max_examples=120)
@given(items)
def test_any_items_give_values_or_a_kolada_error(values: list[Any]) -> None:
    read_all(values)


def test_deeply_nested_json_is_a_kolada_error() -> None:
    body = b'{"values": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    with pytest.raises(KoladaError, match="nested too deeply"):
        parse_page(body, "u")


def test_a_number_with_thousands_of_digits_is_a_kolada_error() -> None:
    item = '{"kpi": "N1", "municipality": "0180", "period": 2023, "values": [{"gender": "T", '
    body = f'{{"values": [{item}"value": 1{"0" * 5000}}}]}}], "next_url": null}}'.encode()
    with pytest.raises(KoladaError, match="not JSON"):
        parse_page(body, "u")


def test_a_number_beyond_the_limits_is_a_kolada_error_at_its_path() -> None:
    item = '{"kpi": "N1", "municipality": "0180", "period": 2023, "values": [{"gender": "T", '
    body = f'{{"values": [{item}"value": 1e30}}]}}], "next_url": null}}'.encode()
    page = parse_page(body, "u")
    with pytest.raises(KoladaError) as caught:
        parse_data(page.values, "u", kind="municipality", fetched_at=DAY)
    assert [p.path for p in caught.value.problems] == ["values[0].values[0].value"]


_USERS = ("_cli.py", "_goals.py", "_contents.py")


def test_every_message_code_the_kolada_modules_use_is_in_both_catalogs() -> None:
    import re
    from pathlib import Path

    from styrmodell._messages import catalog_ids

    package = Path(__file__).resolve().parent.parent / "src" / "styrmodell"
    # The Kolada modules, and the Kolada lines of the command, the plan and the calendar.
    paths = [*(package / "kolada").glob("*.py"), *(package / n for n in _USERS)]
    used = {
        code
        for path in paths
        for code in re.findall(r'"(kolada\.[a-z_0-9.]+)"', path.read_text(encoding="utf-8"))
    }
    used |= {f"kolada.cli.{name}.help" for name in ("fetch", "refresh")}  # f"...{name}..."
    assert len(used) > 40
    for locale in ("sv", "en"):
        own = {c for c in catalog_ids(locale) if c.startswith("kolada.")}
        assert used == own, (sorted(used - own), sorted(own - used))
