"""A snapshot as plain records and as a polars DataFrame, for the columnar engine.

Swedish terms: *rad* (a row: one kpi × kommun × år × kön).
"""

from __future__ import annotations

from typing import Any

from styrmodell._goals import Plan
from styrmodell.kolada._errors import kolada_failure
from styrmodell.kolada._model import is_preliminary
from styrmodell.kolada._values import Snapshot

__all__ = ["COLUMNS", "OUTCOME_COLUMNS", "frame", "outcome_frame", "outcome_records", "records"]

COLUMNS = (
    "kpi",
    "municipality",
    "ou",
    "period",
    "gender",
    "value",
    "count",
    "status",
    "is_deleted",
    "usable",
    "preliminary",
    "fetched_at",
)
"""The columns of :func:`records` and :func:`frame`, in order."""

_MAX_PRECISION = 38  # polars' Decimal holds at most 38 digits


def records(snapshot: Snapshot) -> list[dict[str, Any]]:
    """One plain record per row (kpi × municipality/ou × year × gender), in the snapshot's order.

    ``gender`` is Kolada's code ("T", "K", "M"); ``value`` a ``Decimal`` or ``None``;
    ``usable`` says whether the value counts (not null, no status, not deleted);
    ``preliminary`` is :func:`~styrmodell.kolada.is_preliminary`.

    Examples:
        >>> from styrmodell.kolada import SCHEMA, Row
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", rows=[
        ...     Row(kpi="U21468", municipality="0481", period=2023, gender="K", value=81,
        ...         fetched_at="2026-11-30")])
        >>> rec = records(snap)[0]
        >>> rec["gender"], rec["value"], rec["usable"]
        ('K', Decimal('81'), True)
    """
    return [
        {
            "kpi": row.kpi,
            "municipality": row.municipality,
            "ou": row.ou,
            "period": row.period,
            "gender": row.gender.value,
            "value": row.value,
            "count": row.count,
            "status": row.status,
            "is_deleted": row.is_deleted,
            "usable": row.usable,
            "preliminary": is_preliminary(snapshot, row),
            "fetched_at": row.fetched_at,
        }
        for row in snapshot.rows
    ]


def frame(snapshot: Snapshot) -> Any:
    """The :func:`records` as a polars DataFrame (``value`` as an exact polars Decimal).

    Needs polars (the ``frames`` extra); it is imported only here.

    Raises:
        KoladaError: when polars is not installed, naming what to install.
    """
    try:
        import polars as pl
    except ImportError:
        raise kolada_failure("kolada.needs_polars") from None
    schema = {
        "kpi": pl.String,
        "municipality": pl.String,
        "ou": pl.String,
        "period": pl.Int32,
        "gender": pl.String,
        "count": pl.Int64,
        "status": pl.String,
        "is_deleted": pl.Boolean,
        "usable": pl.Boolean,
        "preliminary": pl.Boolean,
        "fetched_at": pl.Date,
    }
    rows = records(snapshot)
    columns: dict[str, Any] = {name: [r[name] for r in rows] for name in COLUMNS}
    values = pl.Series("value", columns.pop("value"), dtype=_decimal_type(pl, rows))
    data = pl.DataFrame(columns, schema=schema)
    return data.insert_column(COLUMNS.index("value"), values)


def _decimal_type(pl: Any, rows: list[dict[str, Any]]) -> Any:
    """A polars Decimal type that holds every value exactly."""
    whole = 1
    scale = 0
    for r in rows:
        value = r["value"]
        if value is None:
            continue
        _, numerals, exponent = value.as_tuple()
        if isinstance(exponent, int):
            whole = max(whole, len(numerals) + exponent)
            scale = max(scale, -exponent)
    if whole + scale > _MAX_PRECISION:
        raise kolada_failure("kolada.frame_too_wide", precision=whole + scale, limit=_MAX_PRECISION)
    return pl.Decimal(whole + scale, scale)


OUTCOME_COLUMNS = (
    "indicator",
    "year",
    "gender",
    "org_unit",
    "value",
    "kpi",
    "preliminary",
    "fetched_at",
)
"""The columns of :func:`outcome_records` and :func:`outcome_frame`, in order.

The first five are the outcome columns ``styrmodell.frames.assess_frame`` documents
(indicator, year, gender, org unit, value); the kommun is the org unit, so one frame holds
the outcomes of every kommun and is assessed in one pass.
"""


def _is_kommun(unit: str) -> bool:
    return len(unit) == 4 and unit.isdigit() and not unit.startswith("00")


def outcome_records(snapshot: Snapshot, plan: Plan) -> list[dict[str, Any]]:
    """One record per indicator × kommun × year × gender with a usable value.

    For every indicator of *plan* whose source is ``"kolada:<KPI>"``, the values of that
    KPI for every kommun of the snapshot (riket, regions and groups are references, not
    units, and are left out). A null value, a status or a deleted row gives no record —
    never 0. ``gender`` is "T", "K" or "M"; ``org_unit`` is the kommun's id.

    Examples:
        >>> import styrmodell as sm
        >>> from styrmodell.kolada import SCHEMA, Row
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", rows=[
        ...     Row(kpi="U21468", municipality=m, period=2023, gender="T", value=v,
        ...         fetched_at="2026-11-30")
        ...     for m, v in [("0481", 81), ("0000", 82), ("0480", None)]])
        >>> plan = sm.Plan(id="p", years=2023, levels=["Mål"], goals=[sm.Goal(id="g",
        ...     indicators=[sm.Indicator(id="nojd", source="kolada:U21468")])])
        >>> [(r["indicator"], r["org_unit"], r["value"]) for r in outcome_records(snap, plan)]
        [('nojd', '0481', Decimal('81'))]
    """
    by_kpi: dict[str, list[str]] = {}
    for indicator in plan.all_indicators():
        kpi = indicator.kolada_kpi
        if kpi is not None:
            by_kpi.setdefault(kpi, []).append(indicator.id)
    out: list[dict[str, Any]] = []
    for row in snapshot.rows:
        ids = by_kpi.get(row.kpi)
        if ids is None or row.unit_kind != "municipality" or not row.usable:
            continue
        if not _is_kommun(row.unit):
            continue
        preliminary = is_preliminary(snapshot, row)
        out += [
            {
                "indicator": indicator,
                "year": row.period,
                "gender": row.gender.value,
                "org_unit": row.unit,
                "value": row.value,
                "kpi": row.kpi,
                "preliminary": preliminary,
                "fetched_at": row.fetched_at,
            }
            for indicator in ids
        ]
    return out


def outcome_frame(snapshot: Snapshot, plan: Plan) -> Any:
    """The :func:`outcome_records` as a polars DataFrame in :data:`OUTCOME_COLUMNS`.

    ``value`` is an exact polars Decimal. Needs polars (the ``frames`` extra).

    Raises:
        KoladaError: when polars is not installed, naming what to install.
    """
    try:
        import polars as pl
    except ImportError:
        raise kolada_failure("kolada.needs_polars") from None
    rows = outcome_records(snapshot, plan)
    schema = {
        "indicator": pl.String,
        "year": pl.Int32,
        "gender": pl.String,
        "org_unit": pl.String,
        "kpi": pl.String,
        "preliminary": pl.Boolean,
        "fetched_at": pl.Date,
    }
    columns: dict[str, Any] = {name: [r[name] for r in rows] for name in OUTCOME_COLUMNS}
    values = pl.Series("value", columns.pop("value"), dtype=_decimal_type(pl, rows))
    data = pl.DataFrame(columns, schema=schema)
    return data.insert_column(OUTCOME_COLUMNS.index("value"), values)
