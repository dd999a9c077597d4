"""Reading Kolada v3 answers: the envelope, data rows and metadata, checked field by field.

Swedish terms: *svar* (an answer), *sida* (a page).

A v3 answer is ``{"values": [...], "count": n, "next_url": url | null, "previous_url": ...}``.
Numbers are read from their JSON text as ``Decimal`` (``21.88749`` stays exactly that),
through the library's one number coercion with its limits. Anything else raises
:class:`~styrmodell.kolada.KoladaError` naming the URL and, for rows, the path of each
problem in the answer (``values[3].values[1].gender``): nothing else comes out, whatever
the body holds.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs

from styrmodell._errors import Problem, StyrmodellError
from styrmodell._messages import problem, short
from styrmodell._outcomes import Gender
from styrmodell.kolada._errors import KoladaError, kolada_failure
from styrmodell.kolada._values import (
    Kpi,
    KpiGroup,
    Municipality,
    MunicipalityGroup,
    OrganisationalUnit,
    Row,
    UnitKind,
)

__all__ = [
    "Page",
    "parse_data",
    "parse_kpi_groups",
    "parse_kpis",
    "parse_municipalities",
    "parse_municipality_groups",
    "parse_ous",
    "parse_page",
]

T = TypeVar("T")

MAX_PROBLEMS = 50
"""An answer with more unreadable items than this stops being read (the rest is noise)."""

_ID = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+\-Z]*)?$")
_GENDERS = {"T": Gender.TOTAL, "K": Gender.WOMEN, "M": Gender.MEN}


@attrs.frozen
class Page:
    """One page of an answer: its items and the URL of the next page (``None`` at the end)."""

    values: list[Any]
    next_url: str | None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def parse_page(body: bytes, url: str) -> Page:
    """Check that *body* is a Kolada v3 page and return it.

    Raises:
        KoladaError: for a body that is not UTF-8 JSON, not an object, v2-shaped (a
            ``next_page`` key), without a ``values`` list, or with a ``next_url`` that is
            not text or null.

    Examples:
        >>> parse_page(b'{"values": [], "count": 0, "next_url": null}', "u").values
        []
        >>> parse_page(b'{"values": [], "next_page": "x"}', "u")
        Traceback (most recent call last):
        ...
        styrmodell.kolada._errors.KoladaError: u: Kolada answered in the v2 shape ...
    """
    try:
        text = body.decode("utf-8")
        data = json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except UnicodeDecodeError as exc:
        raise kolada_failure(
            "kolada.bad_json", url, url=url, reason=f"not UTF-8 at byte {exc.start}"
        ) from None
    except RecursionError:
        raise kolada_failure("kolada.bad_json", url, url=url, reason="nested too deeply") from None
    except ValueError as exc:  # json.JSONDecodeError, int digits limit, NaN
        raise kolada_failure("kolada.bad_json", url, url=url, reason=short(str(exc), 120)) from None
    if not isinstance(data, dict):
        raise kolada_failure("kolada.not_envelope", url, url=url, kind=type(data).__name__)
    if "next_page" in data:
        raise kolada_failure("kolada.v2_body", url, url=url)
    if "values" not in data:
        keys = ", ".join(sorted(str(k) for k in data)[:10]) or "none"
        raise kolada_failure("kolada.missing_values", url, url=url, keys=keys)
    values = data["values"]
    if not isinstance(values, list):
        raise kolada_failure("kolada.values_not_list", url, url=url, value=values)
    next_url = data.get("next_url")
    if next_url is not None and not isinstance(next_url, str):
        raise kolada_failure("kolada.bad_next_url", url, url=url, value=next_url)
    return Page(values, next_url or None)


class _Problems:
    """Problems of one answer, collected up to :data:`MAX_PROBLEMS`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.items: list[Problem] = []

    def add(self, found: Problem) -> None:
        self.items.append(found)
        if len(self.items) >= MAX_PROBLEMS:
            self.raise_()

    def raise_(self) -> None:
        if self.items:
            shown = "; ".join(str(p) for p in self.items[:3])
            more = f" (and {len(self.items) - 3} more)" if len(self.items) > 3 else ""
            message = str(
                problem(
                    "kolada.bad_items",
                    self.url,
                    n=len(self.items),
                    first=f"{shown}{more}",
                )
            )
            raise KoladaError(message, problems=self.items, url=self.url)


class _Bad(Exception):
    """One field that cannot be read: the code and parameters of its problem."""

    def __init__(self, code: str, at: str, value: object, **params: object) -> None:
        super().__init__(code)
        self.problem = problem(code, at, value=value, **params)


def _identifier(item: Mapping[str, Any], key: str, at: str) -> str:
    value = item.get(key)
    if isinstance(value, str) and _ID.match(value):
        return value
    raise _Bad("kolada.bad_id", f"{at}.{key}", value)


def _text(item: Mapping[str, Any], key: str, at: str) -> str:
    value = item.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    raise _Bad("kolada.bad_text", f"{at}.{key}", value)


def _flag(item: Mapping[str, Any], key: str, at: str) -> bool:
    value = item.get(key)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):  # v2 wrote 0/1
        return bool(value)
    raise _Bad("kolada.bad_flag", f"{at}.{key}", value)


def _year(value: object, at: str, *, optional: bool = False) -> int | None:
    if optional and value in (None, ""):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) == 4:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 9999:
        raise _Bad("kolada.bad_year", at, value)
    return value


def _date(item: Mapping[str, Any], key: str, at: str) -> dt.date | None:
    value = item.get(key)
    if value in (None, ""):
        return None
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            try:
                return dt.date.fromisoformat(match.group(1))
            except ValueError:
                pass
    raise _Bad("kolada.bad_date", f"{at}.{key}", value)


def _members(item: Mapping[str, Any], at: str) -> tuple[str, ...]:
    members = item.get("members")
    if members is None:
        return ()
    if not isinstance(members, list):
        raise _Bad("kolada.bad_members", f"{at}.members", members)
    out = []
    for i, member in enumerate(members):
        where = f"{at}.members[{i}]"
        if isinstance(member, str) and _ID.match(member):
            out.append(member)
        elif isinstance(member, Mapping):
            key = "member_id" if "member_id" in member else "id"
            out.append(_identifier(member, key, where))
        else:
            raise _Bad("kolada.bad_id", where, member)
    return tuple(out)


def _each(values: list[Any], url: str, read: Callable[[Mapping[str, Any], str], T]) -> list[T]:
    found = _Problems(url)
    out: list[T] = []
    for i, item in enumerate(values):
        at = f"values[{i}]"
        if not isinstance(item, Mapping):
            found.add(problem("kolada.bad_item", at, value=item))
            continue
        try:
            out.append(read(item, at))
        except _Bad as bad:
            found.add(bad.problem)
        except StyrmodellError as exc:  # a value's own check (Fields converters)
            for p in exc.problems:
                found.add(Problem(f"{at}.{p.path}" if p.path else at, p.message, code=p.code))
    found.raise_()
    return out


def parse_kpis(values: list[Any], url: str) -> list[Kpi]:
    """The :class:`Kpi` metadata of ``/kpi`` items."""

    def read(item: Mapping[str, Any], at: str) -> Kpi:
        return Kpi(
            id=_identifier(item, "id", at),
            title=_text(item, "title", at),
            description=_text(item, "description", at),
            is_divided_by_gender=_flag(item, "is_divided_by_gender", at),
            municipality_type=_text(item, "municipality_type", at),
            operating_area=_text(item, "operating_area", at),
            perspective=_text(item, "perspective", at),
            auspice=_text(item, "auspice", at),
            has_ou_data=_flag(item, "has_ou_data", at),
            publication_date=_date(item, "publication_date", at),
            prel_publication_date=_date(item, "prel_publication_date", at),
            publ_period=_year(item.get("publ_period"), f"{at}.publ_period", optional=True),
        )

    return _each(values, url, read)


def parse_kpi_groups(values: list[Any], url: str) -> list[KpiGroup]:
    """The :class:`KpiGroup` items of ``/kpi_groups``."""

    def read(item: Mapping[str, Any], at: str) -> KpiGroup:
        return KpiGroup(
            id=_identifier(item, "id", at),
            title=_text(item, "title", at),
            members=_members(item, at),
        )

    return _each(values, url, read)


def parse_municipalities(values: list[Any], url: str) -> list[Municipality]:
    """The :class:`Municipality` items of ``/municipality``."""

    def read(item: Mapping[str, Any], at: str) -> Municipality:
        return Municipality(
            id=_identifier(item, "id", at),
            title=_text(item, "title", at),
            type=_text(item, "type", at),
        )

    return _each(values, url, read)


def parse_municipality_groups(values: list[Any], url: str) -> list[MunicipalityGroup]:
    """The :class:`MunicipalityGroup` items of ``/municipality_groups``."""

    def read(item: Mapping[str, Any], at: str) -> MunicipalityGroup:
        return MunicipalityGroup(
            id=_identifier(item, "id", at),
            title=_text(item, "title", at),
            members=_members(item, at),
        )

    return _each(values, url, read)


def parse_ous(values: list[Any], url: str) -> list[OrganisationalUnit]:
    """The :class:`OrganisationalUnit` items of ``/ou``."""

    def read(item: Mapping[str, Any], at: str) -> OrganisationalUnit:
        return OrganisationalUnit(
            id=_identifier(item, "id", at),
            title=_text(item, "title", at),
            municipality=_text(item, "municipality", at),
        )

    return _each(values, url, read)


def _number(value: object, at: str = "value") -> Decimal | None:
    # The row's own field checks the limits (the one number coercion); here only the type.
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and -(10**30) < value < 10**30:
        return Decimal(value)
    raise _Bad("kolada.bad_value", at, value)


def _gender_rows(entries: object, at: str, base: dict[str, Any], found: _Problems) -> list[Row]:
    if not isinstance(entries, list):
        raise _Bad("kolada.bad_gender_values", f"{at}.values", entries)
    rows = []
    for j, entry in enumerate(entries):
        where = f"{at}.values[{j}]"
        try:
            if not isinstance(entry, Mapping):
                raise _Bad("kolada.bad_item", where, entry)
            gender = _GENDERS.get(entry.get("gender"))  # type: ignore[arg-type]
            if gender is None:
                raise _Bad("kolada.bad_gender", f"{where}.gender", entry.get("gender"))
            count = entry.get("count")
            if count is not None and (
                isinstance(count, bool) or not isinstance(count, int) or not 0 <= count < 10**12
            ):
                raise _Bad("kolada.bad_count", f"{where}.count", count)
            status = _text(entry, "status", where)
            if len(status) > 200:
                raise _Bad("kolada.bad_text", f"{where}.status", status)
            deleted = entry.get("isdeleted", False)
            if deleted is None:
                deleted = False
            if not isinstance(deleted, bool):
                raise _Bad("kolada.bad_flag", f"{where}.isdeleted", deleted)
            value = _number(entry.get("value"), f"{where}.value")
            try:
                row = Row(
                    **base,
                    gender=gender,
                    value=value,
                    count=count,
                    status=status,
                    is_deleted=deleted,
                )
            except KoladaError:
                raise _Bad("kolada.bad_value", f"{where}.value", value) from None
            rows.append(row)
        except _Bad as bad:
            found.add(bad.problem)
    return rows


def parse_data(values: list[Any], url: str, *, kind: UnitKind, fetched_at: dt.date) -> list[Row]:
    """The rows of a ``/data`` (``kind="municipality"``) or ``/oudata`` (``"ou"``) page.

    Each item ``{"kpi", "municipality" | "ou", "period", "values": [{"gender", "count",
    "status", "value", "isdeleted"}, ...]}`` becomes one :class:`Row` per gender, in the
    order received.

    Raises:
        KoladaError: listing every item or field that cannot be read, with its path.

    Examples:
        >>> page = parse_page(b'''{"values": [{"kpi": "N21704", "municipality": "0180",
        ...   "period": 2023, "values": [{"gender": "T", "count": 1, "status": "",
        ...   "value": 21.88749, "isdeleted": false}]}], "count": 1, "next_url": null}''', "u")
        >>> [r.value for r in parse_data(page.values, "u", kind="municipality",
        ...                              fetched_at=dt.date(2026, 11, 30))]
        [Decimal('21.88749')]
    """
    found = _Problems(url)
    out: list[Row] = []
    for i, item in enumerate(values):
        at = f"values[{i}]"
        try:
            if not isinstance(item, Mapping):
                raise _Bad("kolada.bad_item", at, item)
            base = {
                "kpi": _identifier(item, "kpi", at),
                "municipality": _identifier(item, kind, at) if kind == "municipality" else None,
                "ou": _identifier(item, kind, at) if kind == "ou" else None,
                "period": _year(item.get("period"), f"{at}.period"),
                "fetched_at": fetched_at,
            }
            out.extend(_gender_rows(item.get("values"), at, base, found))
        except _Bad as bad:
            found.add(bad.problem)
    found.raise_()
    return out
