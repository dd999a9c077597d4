"""Fetching a snapshot from Kolada, and refreshing one with what changed since.

Swedish terms: *hämta* (fetch), *uppdatera* (refresh), *ändrat värde* (a changed value),
*borttaget värde* (a value Kolada marks ``isdeleted``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._fields import Fields
from styrmodell._messages import text
from styrmodell._outcomes import Gender
from styrmodell._safe import printable
from styrmodell.kolada._client import (
    BASE_URL,
    Client,
    kpi_ids,
    municipality_ids,
    ou_ids,
    years_of,
)
from styrmodell.kolada._errors import KoladaError
from styrmodell.kolada._values import (
    SCHEMA,
    Kpi,
    Row,
    RowKey,
    Snapshot,
    UnitKind,
)

__all__ = ["Refresh", "ValueChange", "fetch", "refresh"]

_GROUP_PREFIX = "G"
_F = Fields(KoladaError)


def fetch(
    kpis: str | Iterable[str],
    municipalities: str | Iterable[str] = (),
    years: int | Iterable[int] = (),
    *,
    ous: str | Iterable[str] = (),
    client: Client | None = None,
    base_url: str = BASE_URL,
    metadata: bool = True,
    note: str = "",
    municipality: str | None = None,
    **options: Any,
) -> Snapshot:
    """Fetch the values of *kpis* for *municipalities* (and/or *ous*) and *years*.

    The snapshot holds the rows as received, each KPI's metadata (with its publication
    dates), the titles of the municipalities and the groups asked for, and every request
    made. Ask for riket ("0000"), regions and municipality groups ("G…") like any
    municipality; ask for all kommuner (for ranks) with
    ``[m.id for m in client.municipalities(region_type="K")]``.

    Args:
        kpis: KPI ids ("N21704").
        municipalities: Municipality, region, riket and group ids.
        years: Years (an int, a ``range`` or a list).
        ous: Organisational unit ids (``/oudata``).
        client: The client to use; by default one is made from *base_url* and *options*
            (``timeout``, ``retries``, ``progress``...) and closed afterwards.
        base_url: Kolada's API, when no *client* is given.
        metadata: Also fetch the titles of municipalities, groups and ous.
        note: Kept in the snapshot (what it is for).
        municipality: The kommun the snapshot is for (kept as ``Snapshot.municipality``).
        **options: Passed to :class:`~styrmodell.kolada.Client`.

    Returns:
        A :class:`~styrmodell.kolada.Snapshot`; write it with ``styrmodell.dump``.

    Raises:
        KoladaError: for a bad id, or any failure of a request (no network: the message
            says how to work offline).

    Example:
        ``fetch(["U21468"], ["0481", "0000", "G38498"], range(2021, 2025))`` fetches one
        KPI for Oxelösund, riket and a group of similar kommuner over four years.
    """
    wanted_kpis = kpi_ids(kpis)
    wanted_units = municipality_ids(municipalities)
    wanted_ous = ou_ids(ous)
    wanted_years = years_of(years)
    own = client is None
    active = client if client is not None else Client(base_url, **options)
    try:
        start = len(active.requests)
        kpi_meta = active.kpis(wanted_kpis) if wanted_kpis else ()
        rows: list[Row] = []
        if wanted_units:
            rows += active.data(kpis=wanted_kpis, municipalities=wanted_units, years=wanted_years)
        if wanted_ous:
            rows += active.ou_data(kpis=wanted_kpis, ous=wanted_ous, years=wanted_years)
        municipalities_meta: tuple[Any, ...] = ()
        groups_meta: tuple[Any, ...] = ()
        ous_meta: tuple[Any, ...] = ()
        if metadata and wanted_units:
            municipalities_meta = active.municipalities()
            if any(u.startswith(_GROUP_PREFIX) for u in wanted_units):
                groups_meta = tuple(g for g in active.municipality_groups() if g.id in wanted_units)
        if metadata and wanted_ous:
            kommuner = [u for u in wanted_units if not u.startswith(_GROUP_PREFIX)]
            if kommuner:
                ous_meta = tuple(o for o in active.ous(municipality=kommuner) if o.id in wanted_ous)
        return Snapshot(
            schema=SCHEMA,
            base_url=active.base_url,
            fetched_at=active.today(),
            kpis=_merge_kpis((), kpi_meta),
            municipalities=municipalities_meta,
            groups=groups_meta,
            ous=ous_meta,
            requests=tuple(active.requests[start:]),
            rows=tuple(_merge_rows((), rows).values()),
            note=note,
            municipality=municipality,
        )
    finally:
        if own:
            active.close()


def _merge_kpis(old: Iterable[Kpi], new: Iterable[Kpi]) -> tuple[Kpi, ...]:
    merged = {k.id: k for k in old}
    for kpi in new:
        merged[kpi.id] = kpi
    return tuple(merged.values())


def _merge_rows(old: Iterable[Row], new: Iterable[Row]) -> dict[RowKey, Row]:
    merged = {row.key: row for row in old}
    for row in new:
        merged[row.key] = row
    return merged


@attrs.frozen(kw_only=True)
class ValueChange:
    """One value a refresh found changed, new, or deleted (``old`` → ``new``).

    Attributes:
        kpi: The KPI id.
        unit: The municipality or ou id.
        unit_kind: ``"municipality"`` or ``"ou"``.
        period: The year.
        gender: The gender.
        old: The value before (``None``: there was no row, or no value).
        new: The value after (``None``: the row is gone, or has no value).
        old_status: Kolada's status before.
        new_status: Kolada's status after.

    Examples:
        >>> from decimal import Decimal
        >>> from styrmodell import Gender
        >>> c = ValueChange(kpi="N21704", unit="0481", unit_kind="municipality", period=2023,
        ...                 gender=Gender.TOTAL, old=Decimal("81.2"), new=Decimal("82.1"))
        >>> c.describe()
        'N21704 0481 2023 T: 81,2 → 82,1'
    """

    kpi: str
    unit: str
    unit_kind: UnitKind
    period: int
    gender: Gender
    old: Decimal | None
    new: Decimal | None
    old_status: str = ""
    new_status: str = ""

    @classmethod
    def between(cls, key: RowKey, old: Row | None, new: Row | None) -> ValueChange:
        """The change from row *old* to row *new* of the same key (either may be absent)."""
        kpi, kind, unit, period, gender = key
        return cls(
            kpi=kpi,
            unit=unit,
            unit_kind=kind,
            period=period,
            gender=gender,
            old=None if old is None else old.value,
            new=None if new is None else new.value,
            old_status="" if old is None else old.status,
            new_status="" if new is None else new.status,
        )

    def describe(self, locale: str = "sv") -> str:
        """The change in one line: "N21704 0481 2023 T: 81,2 → 82,1"."""
        return text(
            "kolada.refresh.change",
            locale,
            kpi=self.kpi,
            unit=printable(self.unit, newlines=False),
            year=self.period,
            gender=self.gender.value,
            old=self._shown(self.old, self.old_status, locale),
            new=self._shown(self.new, self.new_status, locale),
        )

    @staticmethod
    def _shown(value: Decimal | None, status: str, locale: str) -> object:
        if value is None:
            return text("kolada.refresh.no_value", locale)
        if status:
            return (
                f"{text('kolada.refresh.no_value', locale)} ({printable(status, newlines=False)})"
            )
        return value


@attrs.frozen(kw_only=True)
class Refresh:
    """What :func:`refresh` did: the new snapshot and the values that changed.

    Attributes:
        snapshot: The refreshed snapshot.
        changed: Values present before and after whose value or status differs.
        added: Values that were not in the snapshot before.
        deleted: Rows dropped because Kolada marks them ``isdeleted``.
        since: The ``from_date`` asked for.
    """

    snapshot: Snapshot
    changed: tuple[ValueChange, ...]
    added: tuple[ValueChange, ...]
    deleted: tuple[ValueChange, ...]
    since: dt.date

    def describe(self, locale: str = "sv") -> str:
        """A summary line and one line per changed, new or deleted value.

        Examples:
            >>> from styrmodell.kolada import SCHEMA, Snapshot
            >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30")
            >>> print(Refresh(snapshot=snap, changed=(), added=(), deleted=(),
            ...               since=dt.date(2026, 11, 1)).describe())
            ändrade värden: 0, nya: 0, borttagna (isdeleted): 0
        """
        lines = [
            text(
                "kolada.refresh.summary",
                locale,
                changed=len(self.changed),
                added=len(self.added),
                deleted=len(self.deleted),
            )
        ]
        lines += [f"  {c.describe(locale)}" for c in (*self.changed, *self.added, *self.deleted)]
        return "\n".join(lines)


def refresh(
    snapshot: Snapshot,
    since: dt.date | None = None,
    *,
    client: Client | None = None,
    **options: Any,
) -> Refresh:
    """Bring *snapshot* up to date by asking Kolada only for what changed since *since*.

    Every data request the snapshot recorded is asked again with ``from_date=since``, and
    the KPIs' metadata is fetched again (publication dates move on). Rows that come back
    replace the rows of the same kpi × unit × year × gender; rows Kolada marks
    ``isdeleted`` are dropped (and so are rows the snapshot held as deleted), and counted.

    Args:
        snapshot: The snapshot to refresh.
        since: Ask for changes since this date; by default the snapshot's ``fetched_at``.
        client: The client to use; by default one for the snapshot's base URL.
        **options: Passed to :class:`~styrmodell.kolada.Client`.

    Returns:
        A :class:`Refresh`: the new snapshot and which values changed (old → new).

    Raises:
        KoladaError: for any failure of a request.
    """
    since = snapshot.fetched_at if since is None else _F.as_date(since, "since")
    own = client is None
    active = client if client is not None else Client(snapshot.base_url, **options)
    try:
        start = len(active.requests)
        kpis = active.kpis([k.id for k in snapshot.kpis]) if snapshot.kpis else ()
        paths = dict.fromkeys(
            r.path
            for r in snapshot.requests
            if r.from_date is None and r.path.startswith(("data/", "oudata/"))
        )
        fresh: list[Row] = []
        for path in paths:
            fresh += active.replay(path, from_date=since)
        before = {row.key: row for row in snapshot.rows}
        after = {key: row for key, row in before.items() if not row.is_deleted}
        deleted = [
            ValueChange.between(key, row, None) for key, row in before.items() if row.is_deleted
        ]
        changed: list[ValueChange] = []
        added: list[ValueChange] = []
        for row in fresh:
            key = row.key
            old = after.get(key)
            if row.is_deleted:
                if after.pop(key, None) is not None or key not in before:
                    deleted.append(ValueChange.between(key, old, None))
                continue
            if old is None:
                if key not in before or before[key].is_deleted:
                    added.append(ValueChange.between(key, None, row))
            elif (old.value, old.status, old.count) != (row.value, row.status, row.count):
                changed.append(ValueChange.between(key, old, row))
            after[key] = row
        new = attrs.evolve(
            snapshot,
            fetched_at=active.today(),
            kpis=_merge_kpis(snapshot.kpis, kpis),
            requests=(*snapshot.requests, *active.requests[start:]),
            rows=tuple(after.values()),
        )
        return Refresh(
            snapshot=new,
            changed=tuple(changed),
            added=tuple(added),
            deleted=tuple(deleted),
            since=since,
        )
    finally:
        if own:
            active.close()
