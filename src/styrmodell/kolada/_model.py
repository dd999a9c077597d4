"""From a snapshot into the model: outcomes, references with provenance, populations.

Swedish terms: *utfall* (an outcome), *riket* (the national value, Kolada's "0000"),
*region* / *län*, *kommungrupp* / *liknande kommuner* (a group, "G" + digits; Kolada's value
is the unweighted mean of its members), *jämförelsekommuner* (a user's own list of kommuner
to compare with; their mean is styrmodell's calculation, never Kolada's), *rang* (rank among
all kommuner), *preliminärt* (before the final publication).

Kolada's terms ask that its values be credited "Källa: Kolada", and that a user's own
calculations (averages, ranks, differences) are not: :meth:`Reference.describe` says
"Källa: Kolada" for values Kolada published, and "styrmodells beräkning" for the mean of a
user's list.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from styrmodell._fields import (
    Fields,
    as_date,
    as_flag,
    as_id,
    as_number,
    as_text,
    as_texts,
    as_year,
    choice,
)
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import format_number
from styrmodell._messages import ntext, text
from styrmodell._numbers import EXACT
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._safe import printable
from styrmodell._units import Unit
from styrmodell.kolada._client import municipality_ids, years_of
from styrmodell.kolada._errors import KoladaError
from styrmodell.kolada._values import Row, Snapshot, UnitKind, as_count, as_gender

__all__ = [
    "COUNTRY",
    "Population",
    "Reference",
    "ReferenceKind",
    "comparison",
    "is_preliminary",
    "outcomes",
    "population",
    "reference",
]

COUNTRY = "0000"
"""Kolada's id of riket (the whole country)."""

F = Fields(KoladaError)

_SHOWN_MISSING = 5


class ReferenceKind(enum.Enum):
    """What a reference value is.

    Examples:
        >>> [ReferenceKind.of(u).name for u in ("0000", "0005", "G38498", "0481")]
        ['COUNTRY', 'REGION', 'GROUP', 'MUNICIPALITY']
    """

    COUNTRY = "country"
    """Riket, Kolada's "0000"."""
    REGION = "region"
    """A region (län, landsting): "0001" to "0025"."""
    GROUP = "group"
    """A Kolada municipality group ("G…"): Kolada's unweighted mean of its members."""
    MUNICIPALITY = "municipality"
    """One kommun."""
    OU = "ou"
    """One organisational unit."""
    CALCULATED = "calculated"
    """The mean of a user's own list of kommuner, computed by styrmodell."""

    @classmethod
    def of(cls, unit: str, kind: UnitKind = "municipality") -> ReferenceKind:
        """The kind of Kolada id *unit*."""
        if kind == "ou":
            return cls.OU
        if unit == COUNTRY:
            return cls.COUNTRY
        if unit.startswith("G"):
            return cls.GROUP
        if unit.startswith("00"):
            return cls.REGION
        return cls.MUNICIPALITY


def as_reference_kind(value: object, at: str = "value") -> ReferenceKind:
    """A :class:`ReferenceKind` from the member, its value or its name (a field converter)."""
    return choice(ReferenceKind, value, at)


def is_preliminary(snapshot: Snapshot, row: Row) -> bool:
    """Whether *row* was fetched before the final publication of its year.

    The rule, from the KPI's metadata in the snapshot (``publ_period`` is the year that
    ``publication_date`` publishes finally): a year after ``publ_period`` is preliminary;
    the year ``publ_period`` itself is preliminary when the row was fetched before
    ``publication_date``; earlier years are final. Without publication metadata a value
    is not marked preliminary.

    Examples:
        >>> from styrmodell.kolada import SCHEMA, Kpi
        >>> kpi = Kpi(id="U21468", publ_period=2023, publication_date="2024-04-30")
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2024-03-01", kpis=[kpi])
        >>> row = Row(kpi="U21468", municipality="0481", period=2023, gender="T", value=80,
        ...           fetched_at="2024-03-01")
        >>> is_preliminary(snap, row)
        True
        >>> is_preliminary(snap, attrs.evolve(row, fetched_at=dt.date(2024, 5, 2)))
        False
    """
    kpi = snapshot.kpi(row.kpi)
    if kpi is None or kpi.publ_period is None:
        return False
    if row.period != kpi.publ_period:
        return row.period > kpi.publ_period
    return kpi.publication_date is not None and row.fetched_at < kpi.publication_date


def _number(value: Decimal, locale: str, unit: Unit | None, places: int | None) -> str:
    if unit is not None:
        return unit.format(value, locale, places=places)
    return format_number(value, locale, places=places)


def _frozen_values(value: Mapping[str, Decimal]) -> FrozenMap[str, Decimal]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


def _optional_count(value: object, at: str = "value") -> int | None:
    """:func:`as_count`, or ``None``."""
    return None if value is None else as_count(value, at)


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Reference:
    r"""A comparison value with where it came from.

    Riket, a region, a group, a kommun, or styrmodell's mean of a user's list of kommuner.

    ``{ref.name: ref.value}`` is what a :class:`~styrmodell.Context` takes as a reference;
    the rest is provenance for explain and the reports.

    Attributes:
        name: The name a threshold uses for it (``CompareToReference(reference="riket")``).
        kind: What it is (:class:`ReferenceKind`).
        id: The Kolada id ("0000", "G38498"), or for a calculated mean its *name*.
        title: Kolada's title of the unit ("Liknande kommuner äldreomsorg, Oxelösund"),
            or the title given to a calculated mean; ``""`` when unknown.
        kpi: The KPI id.
        year: The year.
        gender: The gender.
        value: The value.
        count: For a group, how many members contributed (Kolada's ``count``); for a
            calculated mean, how many kommuner had a value.
        fetched_at: When the value was fetched (for a calculated mean: the earliest fetch
            of the values used).
        preliminary: Fetched before the KPI's final publication of the year.
        members: For a calculated mean, the kommuner whose values were used.
        missing: For a calculated mean, the kommuner asked for that had no usable value.

    Examples:
        >>> from decimal import Decimal
        >>> ref = Reference(name="riket", kind=ReferenceKind.COUNTRY, id="0000", title="Riket",
        ...                 kpi="U21468", year=2023, value=Decimal("82.1"),
        ...                 fetched_at=dt.date(2026, 11, 30))
        >>> ref.describe(unit=Unit.PERCENT)
        'Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat 2026-11-30)'
    """

    name: str = attrs.field(default="", converter=as_text)
    kind: ReferenceKind = attrs.field(converter=as_reference_kind)
    id: str = attrs.field(converter=as_id)
    title: str = attrs.field(default="", converter=as_text)
    kpi: str = attrs.field(converter=as_id)
    year: int = attrs.field(converter=as_year)
    gender: Gender = attrs.field(default=Gender.TOTAL, converter=as_gender)
    value: Decimal = attrs.field(converter=as_number)
    count: int | None = attrs.field(default=None, converter=_optional_count)
    fetched_at: dt.date = attrs.field(converter=as_date)
    preliminary: bool = attrs.field(default=False, converter=as_flag)
    members: tuple[str, ...] = attrs.field(default=(), converter=as_texts)
    missing: tuple[str, ...] = attrs.field(default=(), converter=as_texts)

    @property
    def calculated(self) -> bool:
        """True for styrmodell's own calculation (never credited to Kolada)."""
        return self.kind is ReferenceKind.CALCULATED

    def label(self, locale: str = "sv") -> str:
        """The reference's title for people ("Riket", a group's title, "Jämförelsekommuner")."""
        if self.kind is ReferenceKind.COUNTRY:
            title = text("kolada.title.country", locale)
        elif self.kind is ReferenceKind.CALCULATED and not self.title:
            title = text("kolada.title.calculated", locale)
        else:
            title = printable(self.title or self.id, newlines=False)
        if self.gender is not Gender.TOTAL:
            title = text(
                "kolada.ref.title_gender",
                locale,
                title=title,
                gender=self.gender.label(locale).lower(),
            )
        return title

    def describe(
        self, locale: str = "sv", *, unit: Unit | None = None, places: int | None = None
    ) -> str:
        """The value with its source, e.g. "Riket 2023: 82,1 % (Källa: Kolada, hämtat 2026-11-30)".

        Args:
            locale: The language and number format.
            unit: The unit to write the value in (Kolada's metadata has none).
            places: Decimals to show (the value itself stays exact).
        """
        fetched = self.fetched_at.isoformat()
        notes = []
        if self.preliminary:
            notes.append(text("kolada.ref.preliminary", locale))
        if self.calculated:
            notes.append(ntext("kolada.ref.calculated", self.count or 0, locale, fetched=fetched))
        else:
            if self.kind is ReferenceKind.GROUP and self.count is not None:
                notes.append(ntext("kolada.ref.group_mean", self.count, locale))
            notes.append(text("kolada.ref.source", locale, fetched=fetched))
        return text(
            "kolada.ref.line",
            locale,
            title=self.label(locale),
            year=self.year,
            value=_number(self.value, locale, unit, places),
            notes="; ".join(notes),
        )


def _usable(
    snapshot: Snapshot, kpi: str, unit: str, year: int, gender: Gender, kind: UnitKind
) -> Row | None:
    row = snapshot.row(kpi, unit, year, gender, kind=kind)
    return row if row is not None and row.usable else None


def reference(
    snapshot: Snapshot,
    kpi: str,
    unit: str,
    year: int,
    *,
    gender: Gender | str = Gender.TOTAL,
    name: str | None = None,
    kind: UnitKind = "municipality",
) -> Reference | None:
    """The value Kolada published for *unit* (riket "0000", a region, a group, a kommun).

    Args:
        snapshot: Where the value is.
        kpi: The KPI id.
        unit: The Kolada id.
        year: The year.
        gender: ``Gender.TOTAL`` (default), ``WOMEN`` or ``MEN`` (or "T", "K", "M").
        name: The name for ``Context.references``; by default "riket" for riket and the
            id otherwise.
        kind: ``"ou"`` for an organisational unit.

    Returns:
        The :class:`Reference`, or ``None`` when the snapshot has no usable value (none,
        a null value, a non-empty status, or deleted): a missing reference is never 0.
    """
    sex = F.as_choice(gender, "gender", Gender)
    row = _usable(snapshot, kpi, unit, year, sex, kind)
    if row is None or row.value is None:
        return None
    ref_kind = ReferenceKind.of(unit, kind)
    return Reference(
        name=name if name is not None else ("riket" if ref_kind is ReferenceKind.COUNTRY else unit),
        kind=ref_kind,
        id=unit,
        title=snapshot.title(unit),
        kpi=kpi,
        year=year,
        gender=sex,
        value=row.value,
        count=row.count,
        fetched_at=row.fetched_at,
        preliminary=is_preliminary(snapshot, row),
    )


def comparison(
    snapshot: Snapshot,
    kpi: str,
    year: int,
    municipalities: Iterable[str],
    *,
    gender: Gender | str = Gender.TOTAL,
    name: str = "jämförelsekommuner",
    title: str = "",
) -> Reference | None:
    """The unweighted mean over a user's own list of kommuner: styrmodell's calculation.

    The mean is exact (``Decimal``) over the kommuner that have a usable value; the others
    are listed in ``missing``. It is labelled as styrmodell's calculation and never
    credited "Källa: Kolada".

    Returns:
        A :class:`Reference` of kind ``CALCULATED``, or ``None`` when no kommun of the list
        has a usable value.

    Examples:
        >>> from styrmodell.kolada import SCHEMA
        >>> rows = [Row(kpi="U21468", municipality=m, period=2023, gender="T", value=v,
        ...             fetched_at="2026-11-30") for m, v in [("0480", 80), ("0482", 85)]]
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", rows=rows)
        >>> ref = comparison(snap, "U21468", 2023, ["0480", "0482", "0483"])
        >>> ref.value, ref.missing
        (Decimal('82.5'), ('0483',))
        >>> print(ref.describe())  # doctest: +NORMALIZE_WHITESPACE
        Jämförelsekommuner 2023: 82,5 (styrmodells beräkning: medelvärdet av 2 kommuner,
        värden hämtade 2026-11-30)
    """
    sex = F.as_choice(gender, "gender", Gender)
    wanted = municipality_ids(list(municipalities))
    used: list[Row] = []
    missing: list[str] = []
    for unit in wanted:
        row = _usable(snapshot, kpi, unit, year, sex, "municipality")
        if row is None:
            missing.append(unit)
        else:
            used.append(row)
    if not used:
        return None
    total = sum((r.value for r in used if r.value is not None), Decimal(0))
    mean = EXACT.divide(total, Decimal(len(used)))
    mean = mean.normalize(EXACT) if mean == mean.to_integral_value() else mean
    return Reference(
        name=name,
        kind=ReferenceKind.CALCULATED,
        id=name,
        title=title,
        kpi=kpi,
        year=year,
        gender=sex,
        value=+mean,
        count=len(used),
        fetched_at=min(r.fetched_at for r in used),
        preliminary=any(is_preliminary(snapshot, r) for r in used),
        members=tuple(r.unit for r in used),
        missing=tuple(missing),
    )


@attrs.frozen(kw_only=True)
class Population:
    """The values of every kommun for one KPI and year: what a rank is computed among.

    Attributes:
        kpi: The KPI id.
        year: The year.
        gender: The gender.
        values: Kommun id → value, for every kommun with a usable value.
        missing: Kommuner of the population without a usable value.
        fetched_at: The earliest fetch of the values (``None`` when there are none).
        preliminary: Whether any value is preliminary.
        title: What the population is ("" → "Alla kommuner").
    """

    kpi: str
    year: int
    gender: Gender
    values: FrozenMap[str, Decimal] = attrs.field(converter=_frozen_values)
    missing: tuple[str, ...] = ()
    fetched_at: dt.date | None = None
    preliminary: bool = False
    title: str = ""

    def describe(self, locale: str = "sv") -> str:
        """How many values, which are missing, and the source.

        Examples:
            >>> p = Population(kpi="U21468", year=2023, gender=Gender.TOTAL,
            ...                values={"0480": Decimal(80)}, missing=("0482",),
            ...                fetched_at=dt.date(2026, 11, 30))
            >>> p.describe()
            'Alla kommuner 2023: 1 värde (saknas för 0482; Källa: Kolada, hämtat 2026-11-30)'
        """
        title = printable(self.title, newlines=False) or text("kolada.title.population", locale)
        head = ntext(
            "kolada.population.line", len(self.values), locale, title=title, year=self.year
        )
        notes = []
        if self.preliminary:
            notes.append(text("kolada.ref.preliminary", locale))
        if self.missing:
            shown = ", ".join(self.missing[:_SHOWN_MISSING])
            if len(self.missing) > _SHOWN_MISSING:
                shown += ", …"
            notes.append(text("kolada.population.missing", locale, missing=shown))
        if self.fetched_at is not None:
            notes.append(text("kolada.ref.source", locale, fetched=self.fetched_at.isoformat()))
        return f"{head} ({'; '.join(notes)})" if notes else head


def _is_kommun(unit: str) -> bool:
    return len(unit) == 4 and unit.isdigit() and not unit.startswith("00")


def population(
    snapshot: Snapshot,
    kpi: str,
    year: int,
    *,
    gender: Gender | str = Gender.TOTAL,
    among: Iterable[str] | None = None,
    title: str = "",
) -> Population:
    """The value of every kommun for *kpi* and *year* (unit → value), for ranks.

    Args:
        snapshot: Where the values are.
        kpi: The KPI id.
        year: The year.
        gender: The gender.
        among: The kommuner of the population (a län's, a group's members); by default
            every kommun of type "K" in the snapshot's metadata, or, without metadata,
            every kommun (four digits, not "00…") with a row of the KPI.
        title: What the population is, for people.

    Returns:
        A :class:`Population`; kommuner without a usable value are in ``missing``, never 0.
    """
    sex = F.as_choice(gender, "gender", Gender)
    if among is not None:
        universe: Iterable[str] = municipality_ids(list(among))
    else:
        typed = [m.id for m in snapshot.municipalities if m.type == "K"]
        universe = typed or dict.fromkeys(
            r.unit
            for r in snapshot.rows_of(kpi)
            if r.unit_kind == "municipality" and _is_kommun(r.unit)
        )
    values: dict[str, Decimal] = {}
    rows: list[Row] = []
    missing: list[str] = []
    for unit in universe:
        row = _usable(snapshot, kpi, unit, year, sex, "municipality")
        if row is None or row.value is None:
            missing.append(unit)
        else:
            values[unit] = row.value
            rows.append(row)
    return Population(
        kpi=kpi,
        year=year,
        gender=sex,
        values=values,
        missing=tuple(missing),
        fetched_at=min((r.fetched_at for r in rows), default=None),
        preliminary=any(is_preliminary(snapshot, r) for r in rows),
        title=title,
    )


def outcomes(
    snapshot: Snapshot,
    unit: str,
    *,
    kind: UnitKind = "municipality",
    indicators: Mapping[str, str] | None = None,
    years: int | Iterable[int] | None = None,
    references: Mapping[str, str] | None = None,
    comparisons: Mapping[str, Iterable[str]] | None = None,
) -> Outcomes:
    """The outcomes of one kommun (or ou) per KPI, year and gender, for :func:`~styrmodell.assess`.

    A row with a null value, a non-empty status or ``isdeleted`` gives no outcome — the
    indicator is then not assessed — never 0.

    Args:
        snapshot: Where the values are.
        unit: The kommun's id ("0481"), or an ou id with ``kind="ou"``.
        kind: ``"municipality"`` or ``"ou"`` (an ou's outcomes carry it as ``org_unit``).
        indicators: KPI id → the plan's indicator id; only these KPIs are read. By default
            every KPI, under its own id.
        years: Only these years.
        references: Reference name → Kolada id, e.g. ``{"riket": "0000", "liknande
            kommuner": "G38498"}``: each outcome carries the value of the same KPI, year
            and gender of each (when there is one), for ``CompareToReference``.
        comparisons: Reference name → a list of kommuner whose mean (styrmodell's
            calculation, :func:`comparison`) each outcome carries.

    Examples:
        >>> from styrmodell.kolada import SCHEMA
        >>> rows = [Row(kpi="U21468", municipality="0481", period=2023, gender=g, value=v,
        ...             fetched_at="2026-11-30") for g, v in [("T", 81), ("K", None), ("M", 79)]]
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", rows=rows)
        >>> outs = outcomes(snap, "0481", indicators={"U21468": "nojdhet"})
        >>> [(o.gender.value, o.value) for o in outs.items]
        [('T', Decimal('81')), ('M', Decimal('79'))]
    """
    wanted_years = None if years is None else set(years_of(years))
    named = dict(references or {})
    lists = {name: municipality_ids(list(units)) for name, units in (comparisons or {}).items()}
    items = []
    for row in snapshot.rows:
        if row.unit != unit or row.unit_kind != kind or not row.usable:
            continue
        if wanted_years is not None and row.period not in wanted_years:
            continue
        indicator = row.kpi if indicators is None else indicators.get(row.kpi)
        if indicator is None:
            continue
        values: dict[str, Decimal] = {}
        for name, ref_unit in named.items():
            ref = reference(snapshot, row.kpi, ref_unit, row.period, gender=row.gender)
            if ref is not None:
                values[name] = ref.value
        for name, units in lists.items():
            mean = comparison(snapshot, row.kpi, row.period, units, gender=row.gender)
            if mean is not None:
                values[name] = mean.value
        items.append(
            Outcome(
                indicator,
                row.period,
                row.value,
                gender=row.gender,
                org_unit=unit if kind == "ou" else None,
                references=values,
            )
        )
    return Outcomes(items)
