"""The values a Kolada snapshot holds: metadata, rows as received, requests, the snapshot.

Swedish terms: *nyckeltal* (a KPI), *kommun* / *region* (a municipality of type K / L;
*riket* is "0000"), *kommungrupp* (a municipality group, "G" + digits, e.g. "Liknande
kommuner äldreomsorg"), *organisatorisk enhet* (an ou: a school, a home for the elderly),
*publiceringsdatum* (publication date), *preliminärt värde* (a preliminary value),
*ögonblicksbild* (a snapshot).

Every value here is a frozen attrs class; a :class:`Snapshot` is written and read with
:func:`styrmodell.dump` / :func:`styrmodell.load` (or ``dumps`` / ``loads``) like every other
styrmodell value, and carries its own format version, :data:`SCHEMA`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from decimal import Decimal
from typing import Literal, TypeAlias, TypeVar

import attrs

from styrmodell._fields import (
    FieldError,
    Fields,
    as_date,
    as_flag,
    as_id,
    as_optional_date,
    as_optional_id,
    as_optional_number,
    as_optional_year,
    as_text,
    as_year,
    choice,
)
from styrmodell._messages import failure, problem
from styrmodell._outcomes import Gender
from styrmodell.kolada._errors import KoladaError, kolada_failure

__all__ = [
    "SCHEMA",
    "Kpi",
    "KpiGroup",
    "Municipality",
    "MunicipalityGroup",
    "OrganisationalUnit",
    "Request",
    "Row",
    "RowKey",
    "Snapshot",
    "UnitKind",
]

SCHEMA = "styrmodell/kolada-1"
"""The format version of a snapshot document, written under ``"schema"``."""

F = Fields(KoladaError)

UnitKind: TypeAlias = Literal["municipality", "ou"]
"""Whether a row's unit is a municipality id (kommun, region, riket, group) or an ou id."""

RowKey: TypeAlias = tuple[str, UnitKind, str, int, Gender]
"""(kpi, unit kind, unit id, year, gender): one value of a snapshot."""


def as_count(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 10**12:
        raise kolada_failure("kolada.expected_count", at, value=value)
    return value


def _ids(value: object, at: str = "value") -> tuple[str, ...]:
    return tuple(
        F.as_identifier(item, f"{at}[{i}]") for i, item in enumerate(F.as_tuple(value, at))
    )


def as_gender(value: object, at: str = "value") -> Gender:
    """A :class:`~styrmodell.Gender` from the member, its value (T/K/M) or its name."""
    return choice(Gender, value, at)


def _status_text(value: object, at: str = "value") -> str:
    """A Kolada row's status: text of at most 200 characters."""
    text = as_text(value, at)
    if len(text) > 200:
        raise failure(FieldError, "field.too_long", at, value=value, limit=200)
    return text


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Kpi:
    """A Kolada nyckeltal's metadata, as Kolada describes it.

    Attributes:
        id: The KPI id, "N" or "U" and five digits ("N21704", "U21468").
        title: Its title ("Brukarbedömning hemtjänst äldreomsorg - helhetssyn, andel (%)").
        description: Kolada's description.
        is_divided_by_gender: Whether values come per gender (K, M) besides the total (T).
        municipality_type: "K" (kommuner), "L" (regioner) or "A" (both).
        operating_area: Verksamhetsområde.
        perspective: Perspektiv ("Resultat", "Kvalitet"...).
        auspice: Kolada's huvudmannaskap code.
        has_ou_data: Whether there are values per organisational unit.
        publication_date: The date of the next final publication (of :attr:`publ_period`).
        prel_publication_date: The date of the preliminary publication.
        publ_period: The year that :attr:`publication_date` publishes.

    Examples:
        >>> Kpi(id="N21704", title="Invånare 80+", publ_period=2023).publ_period
        2023
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    description: str = attrs.field(default="", converter=as_text)
    is_divided_by_gender: bool = attrs.field(default=False, converter=as_flag)
    municipality_type: str = attrs.field(default="", converter=as_text)
    operating_area: str = attrs.field(default="", converter=as_text)
    perspective: str = attrs.field(default="", converter=as_text)
    auspice: str = attrs.field(default="", converter=as_text)
    has_ou_data: bool = attrs.field(default=False, converter=as_flag)
    publication_date: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    prel_publication_date: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    publ_period: int | None = attrs.field(default=None, converter=as_optional_year)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class KpiGroup:
    """A Kolada group of KPIs (``/kpi_groups``).

    Examples:
        >>> KpiGroup(id="G2KPI100", title="Äldreomsorg", members=["N21704"]).members
        ('N21704',)
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    members: tuple[str, ...] = attrs.field(default=(), converter=_ids)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Municipality:
    """A municipality as Kolada lists it: a kommun (type "K"), a region or riket (type "L").

    Examples:
        >>> Municipality(id="0481", title="Oxelösund", type="K").title
        'Oxelösund'
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    type: str = attrs.field(default="", converter=as_text)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class MunicipalityGroup:
    """A Kolada municipality group (kommungrupp): "G" and digits, valid in data paths.

    Kolada's value for a group is the unweighted mean of its members' values; its row's
    ``count`` says how many members contributed.

    Examples:
        >>> g = MunicipalityGroup(id="G38498", title="Liknande kommuner äldreomsorg, Oxelösund",
        ...                       members=["0480", "0482"])
        >>> len(g.members)
        2
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    members: tuple[str, ...] = attrs.field(default=(), converter=_ids)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class OrganisationalUnit:
    """An organisational unit (organisatorisk enhet) with values in ``/oudata``.

    Examples:
        >>> unit = OrganisationalUnit(id="V15E048100101", title="Äldreboende", municipality="0481")
        >>> unit.municipality
        '0481'
    """

    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    municipality: str = attrs.field(default="", converter=as_text)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Request:
    """One request made to Kolada (after chunking), kept as provenance in a snapshot.

    Attributes:
        path: The path under the base URL, without paging ("data/kpi/N21704/municipality/0481").
        fetched_at: The day it was made.
        from_date: The ``from_date`` asked for (a refresh), or ``None``.
        pages: How many pages it took.
        rows: How many items Kolada returned (data items, or metadata entries).

    Examples:
        >>> Request(path="kpi/N21704", fetched_at="2026-11-30", pages=1, rows=1).fetched_at
        datetime.date(2026, 11, 30)
    """

    path: str = attrs.field(default="", converter=as_text)
    fetched_at: dt.date = attrs.field(converter=as_date)
    from_date: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    pages: int = attrs.field(default=1, converter=as_count)
    rows: int = attrs.field(default=0, converter=as_count)


def _optional_count(value: object, at: str = "value") -> int | None:
    """:func:`as_count`, or ``None``."""
    return None if value is None else as_count(value, at)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Row:
    """One value as Kolada returned it: a KPI for a unit, a year and a gender.

    Kolada nests the genders of one (kpi, unit, year) in one item; a row is one of them.
    Nothing is changed on the way in: a ``None`` value stays ``None``, a non-empty
    ``status`` is kept, and so is ``is_deleted``.

    Attributes:
        kpi: The KPI id.
        municipality: The municipality id ("0481", riket "0000", a group "G38498"), for
            data from ``/data``; ``None`` for ou data.
        ou: The organisational unit id, for data from ``/oudata``; else ``None``.
        period: The year.
        gender: ``Gender.TOTAL`` (T), ``WOMEN`` (K) or ``MEN`` (M).
        value: The value, or ``None`` (Kolada has none).
        count: For a group, how many members contributed to the mean; else as Kolada says.
        status: Kolada's status; ``""`` normally, anything else means no usable value.
        is_deleted: Kolada's ``isdeleted``: the value was withdrawn.
        fetched_at: The day the row was fetched.

    Examples:
        >>> row = Row(kpi="N21704", municipality="0180", period=2023, gender="T",
        ...           value="21.88749", count=1, fetched_at="2026-11-30")
        >>> row.value, row.usable
        (Decimal('21.88749'), True)
    """

    kpi: str = attrs.field(converter=as_id)
    municipality: str | None = attrs.field(default=None, converter=as_optional_id)
    ou: str | None = attrs.field(default=None, converter=as_optional_id)
    period: int = attrs.field(converter=as_year)
    gender: Gender = attrs.field(converter=as_gender)
    value: Decimal | None = attrs.field(default=None, converter=as_optional_number)
    count: int | None = attrs.field(default=None, converter=_optional_count)
    status: str = attrs.field(default="", converter=_status_text)
    is_deleted: bool = attrs.field(default=False, converter=as_flag)
    fetched_at: dt.date = attrs.field(converter=as_date)

    def __attrs_post_init__(self) -> None:
        if (self.municipality is None) == (self.ou is None):
            raise kolada_failure(
                "kolada.row_unit", "Row", municipality=repr(self.municipality), ou=repr(self.ou)
            )

    @property
    def unit(self) -> str:
        """The municipality id or the ou id."""
        return self.ou if self.municipality is None else self.municipality  # type: ignore[return-value]

    @property
    def unit_kind(self) -> UnitKind:
        """``"municipality"`` or ``"ou"``."""
        return "municipality" if self.ou is None else "ou"

    @property
    def key(self) -> RowKey:
        """(kpi, unit kind, unit id, year, gender)."""
        return (self.kpi, self.unit_kind, self.unit, self.period, self.gender)

    @property
    def usable(self) -> bool:
        """A value that counts: not ``None``, status ``""`` and not deleted."""
        return self.value is not None and not self.status and not self.is_deleted


def _schema(value: object, at: str = "value") -> str:
    if value != SCHEMA:
        raise kolada_failure("kolada.unknown_schema", at, value=value, expected=SCHEMA)
    return SCHEMA


T = TypeVar("T")


def _items(cls: type[T], value: object, at: str) -> tuple[T, ...]:
    items = F.as_tuple(value, at)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise kolada_failure(
                "kolada.expected_item", f"{at}[{i}]", value=item, kind=cls.__name__
            )
    return items


def _kpis(value: object, at: str = "value") -> tuple[Kpi, ...]:
    return _items(Kpi, value, at)


def _municipalities(value: object, at: str = "value") -> tuple[Municipality, ...]:
    return _items(Municipality, value, at)


def _groups(value: object, at: str = "value") -> tuple[MunicipalityGroup, ...]:
    return _items(MunicipalityGroup, value, at)


def _ous(value: object, at: str = "value") -> tuple[OrganisationalUnit, ...]:
    return _items(OrganisationalUnit, value, at)


def _requests(value: object, at: str = "value") -> tuple[Request, ...]:
    return _items(Request, value, at)


def _rows(value: object, at: str = "value") -> tuple[Row, ...]:
    return _items(Row, value, at)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Snapshot:
    """Everything fetched from Kolada, with where and when it came from: loads offline.

    A snapshot is a value: equal when its content is equal, written and read through the
    library's converter (``styrmodell.dump(snapshot, "snap.json")``,
    ``styrmodell.load("snap.json", Snapshot)``), so an assessment made from it can be
    repeated exactly after Kolada revises a value. Build one with
    :func:`~styrmodell.kolada.fetch`; bring it up to date with
    :func:`~styrmodell.kolada.refresh`.

    Attributes:
        schema: The snapshot format version, :data:`SCHEMA` (``"styrmodell/kolada-1"``).
        base_url: The Kolada API it was fetched from.
        fetched_at: The day of the latest fetch or refresh.
        kpis: The metadata of every KPI fetched (with its publication dates).
        municipalities: Municipality metadata (titles of kommuner, regions, riket).
        groups: The municipality groups asked for (title, members).
        ous: Organisational units asked for.
        requests: Every request made, in order (provenance).
        rows: The values, as received (one per kpi × unit × year × gender).
        note: Free text: what the snapshot is for, or that its values are illustrative.
        municipality: The kommun the snapshot was fetched for (``kolada fetch
            --municipality``), which ``report --kolada`` reports on; ``None`` when not said.

    Raises:
        KoladaError: for a schema this version does not read, two rows with the same key
            or two KPIs with the same id (each problem listed).

    Examples:
        >>> snap = Snapshot(schema=SCHEMA, base_url="https://api.kolada.se/v3/",
        ...                 fetched_at="2026-11-30", rows=[
        ...     Row(kpi="N21704", municipality="0000", period=2023, gender="T",
        ...         value=82, fetched_at="2026-11-30")])
        >>> snap.row("N21704", "0000", 2023).value
        Decimal('82')
    """

    schema: str = attrs.field(converter=_schema)
    base_url: str = attrs.field(default="", converter=as_text)
    fetched_at: dt.date = attrs.field(converter=as_date)
    kpis: tuple[Kpi, ...] = attrs.field(default=(), converter=_kpis)
    municipalities: tuple[Municipality, ...] = attrs.field(default=(), converter=_municipalities)
    groups: tuple[MunicipalityGroup, ...] = attrs.field(default=(), converter=_groups)
    ous: tuple[OrganisationalUnit, ...] = attrs.field(default=(), converter=_ous)
    requests: tuple[Request, ...] = attrs.field(default=(), converter=_requests)
    rows: tuple[Row, ...] = attrs.field(default=(), converter=_rows)
    note: str = attrs.field(default="", converter=as_text)
    municipality: str | None = attrs.field(default=None, converter=as_optional_id)

    def __attrs_post_init__(self) -> None:
        problems = []
        seen: dict[RowKey, int] = {}
        for i, row in enumerate(self.rows):
            first = seen.setdefault(row.key, i)
            if first != i:
                problems.append(
                    problem(
                        "kolada.duplicate_row", f"rows[{i}]", key=_key_text(row.key), first=first
                    )
                )
        ids: dict[str, int] = {}
        for i, kpi in enumerate(self.kpis):
            first = ids.setdefault(kpi.id, i)
            if first != i:
                problems.append(
                    problem("kolada.duplicate_kpi", f"kpis[{i}]", id=kpi.id, first=first)
                )
        if problems:
            listed = "; ".join(str(p) for p in problems[:5])
            more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise KoladaError(f"Snapshot: {listed}{more}", problems=problems)

    @functools.cached_property
    def _index(self) -> dict[RowKey, Row]:
        return {row.key: row for row in self.rows}

    @functools.cached_property
    def _kpis(self) -> dict[str, Kpi]:
        return {kpi.id: kpi for kpi in self.kpis}

    @functools.cached_property
    def _titles(self) -> dict[str, str]:
        titles: dict[str, str] = {}
        items: list[Municipality | MunicipalityGroup | OrganisationalUnit] = [
            *self.municipalities,
            *self.groups,
            *self.ous,
        ]
        for item in items:
            titles.setdefault(item.id, item.title)
        return titles

    def row(
        self,
        kpi: str,
        unit: str,
        year: int,
        gender: Gender | str = Gender.TOTAL,
        *,
        kind: UnitKind = "municipality",
    ) -> Row | None:
        """The row of *kpi* for *unit* (a municipality id, or an ou id with ``kind="ou"``).

        Returns ``None`` when the snapshot has no such row.
        """
        return self._index.get((kpi, kind, unit, year, F.as_choice(gender, "gender", Gender)))

    def kpi(self, id: str) -> Kpi | None:
        """The metadata of KPI *id*, or ``None``."""
        return self._kpis.get(id)

    def title(self, unit: str) -> str:
        """The title of a municipality, region, group or ou from the metadata, else ``""``."""
        return self._titles.get(unit, "")

    def rows_of(self, kpi: str | None = None, unit: str | None = None) -> Iterable[Row]:
        """The rows, optionally of one KPI and/or one unit, in the snapshot's order."""
        return (
            row
            for row in self.rows
            if (kpi is None or row.kpi == kpi) and (unit is None or row.unit == unit)
        )


def _key_text(key: RowKey) -> str:
    kpi, kind, unit, year, gender = key
    return f"{kpi} {kind} {unit} {year} {gender.value}"
