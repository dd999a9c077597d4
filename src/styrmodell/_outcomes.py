"""Outcomes: measured values of an indicator, and the indexed collection that holds them.

Swedish terms: *utfall* (an outcome), *kön* with Kolada's codes *T* (totalt), *K* (kvinnor)
and *M* (män), *enhet* / *förvaltning* / *nämnd* (the org unit measured), *riket* and
*liknande kommuner* (references), *täljare* / *nämnare* (numerator / denominator of a share).
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import os
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import IO, Any, TypeAlias

import attrs

from styrmodell._errors import PlanError, SerializationError, StyrmodellError
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import language
from styrmodell._numbers import optional_decimal, to_decimal
from styrmodell._period import Period

__all__ = ["CSV_COLUMNS", "Gender", "Outcome", "OutcomeValue", "Outcomes"]

OutcomeValue: TypeAlias = "Decimal | bool | enum.Enum | tuple[dt.date, dt.date | None] | None"
"""What an outcome's value may be: a number, done / not done, a ``Progress``, a pair of dates
(start, end) for durations, or ``None`` (not measured, "ej mätbart")."""

_HUNDRED = Decimal(100)


class Gender(enum.Enum):
    """Whom an outcome counts: everyone, women or men (Kolada's ``T``, ``K``, ``M``).

    Example:
        >>> Gender("K") is Gender.WOMEN
        True
        >>> Gender.MEN.label()
        'Män'
    """

    TOTAL = "T"
    WOMEN = "K"
    MEN = "M"

    def label(self, locale: str = "sv") -> str:
        """The word for the gender: "Totalt", "Kvinnor", "Män" (sv); English otherwise."""
        return _GENDER_LABELS[language(locale)][self]

    @classmethod
    def coerce(cls, value: object) -> Gender:
        """A Gender from itself, its code ("T", "K", "M", any case) or its name ("WOMEN").

        Raises:
            PlanError: naming the value, for anything else.
        """
        if isinstance(value, Gender):
            return value
        if isinstance(value, str):
            text = value.strip().upper()
            if text in ("T", "K", "M"):
                return cls(text)
            if text in cls.__members__:
                return cls[text]
        raise PlanError(f"gender: expected T, K or M (Gender.TOTAL/WOMEN/MEN), got {value!r}")


_GENDER_LABELS = {
    "sv": {Gender.TOTAL: "Totalt", Gender.WOMEN: "Kvinnor", Gender.MEN: "Män"},
    "en": {Gender.TOTAL: "Total", Gender.WOMEN: "Women", Gender.MEN: "Men"},
}


def _indicator_id(value: object) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PlanError(f"Outcome.indicator: expected an indicator id, got {value!r}")
    return value


def _period(value: object) -> Period:
    if isinstance(value, Period):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Period.year(value)
    if isinstance(value, str):
        return Period.parse(value)
    raise PlanError(f"Outcome.period: expected a Period, a year or a label, got {value!r}")


def _org_unit(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise PlanError(f"Outcome.org_unit: expected an org unit id or None, got {value!r}")
    return value


def _date(value: object, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise PlanError(f"{what}: expected a date, got {value!r}")


def coerce_value(value: object, *, what: str = "Outcome.value") -> OutcomeValue:
    """An outcome value from friendly input (numbers become Decimal; see :data:`OutcomeValue`)."""
    if value is None or isinstance(value, bool | enum.Enum):
        return value
    if isinstance(value, tuple | list):
        if len(value) != 2:
            raise PlanError(f"{what}: expected a (start, end) pair of dates, got {value!r}")
        start = _date(value[0], f"{what} start")
        end = None if value[1] is None else _date(value[1], f"{what} end")
        return (start, end)
    return to_decimal(value, what=what, error=PlanError)


def _value(value: object) -> OutcomeValue:
    return coerce_value(value)


def _numerator(value: object) -> Decimal | None:
    return optional_decimal(value, what="Outcome.numerator", error=PlanError)


def _denominator(value: object) -> Decimal | None:
    return optional_decimal(value, what="Outcome.denominator", error=PlanError)


def _budget(value: object) -> Decimal | None:
    return optional_decimal(value, what="Outcome.budget", error=PlanError)


def _gender(value: object) -> Gender:
    return Gender.coerce(value)


def _outcome_items(value: Iterable[Outcome]) -> tuple[Outcome, ...]:
    return tuple(value)


_NO_REFERENCES: FrozenMap[str, Decimal] = FrozenMap()
"""The references of every outcome that has none (shared: one object, not one per outcome)."""


def _references(value: Mapping[str, object] | None) -> FrozenMap[str, Decimal]:
    if value is None or (isinstance(value, Mapping) and not value):
        return _NO_REFERENCES
    if isinstance(value, FrozenMap) and all(type(v) is Decimal for v in value.values()):
        return value
    if not isinstance(value, Mapping):
        raise PlanError(f"Outcome.references: expected a mapping of name to number, got {value!r}")
    out: dict[str, Decimal] = {}
    for key, number in value.items():
        if not isinstance(key, str) or not key:
            raise PlanError(f"Outcome.references: expected a reference name, got {key!r}")
        out[key] = to_decimal(number, what=f"Outcome.references[{key!r}]", error=PlanError)
    return FrozenMap(out)


@attrs.frozen
class Outcome:
    """A measured value (utfall) of one indicator for one period, gender and org unit.

    A share may carry its *numerator* and *denominator*; then *value* may be left out and is
    ``100 × numerator / denominator`` (percent). :meth:`pool` adds shares from several units
    by pooling numerators and denominators — it never averages percentages.

    Attributes:
        indicator: The indicator's id.
        period: A :class:`Period`, a year (int) or a label ("Delår 2022").
        value: A number (Decimal; int, float and "91,74" are converted), ``True`` /
            ``False``, a ``Progress``, a (start, end) pair of dates, or ``None``.
        gender: ``Gender.TOTAL`` (default), ``WOMEN`` or ``MEN``; "T", "K", "M" accepted.
        org_unit: The org unit measured, or ``None`` for the nämnd as a whole.
        references: Comparison values for the same period, e.g. ``{"riket": 82}``.
        numerator: The count in the share (täljare).
        denominator: The base of the share (nämnare); must be positive.
        budget: The budget the outcome is compared with (budget deviation), in its unit.

    Raises:
        PlanError: for a value that is not a number, bool, Progress or date pair, a
            negative or zero denominator, or a numerator without denominator.

    Example:
        >>> o = Outcome("brukarundersokning", 2022, numerator=37, denominator=50)
        >>> o.value
        Decimal('74')
    """

    indicator: str = attrs.field(converter=_indicator_id)
    period: Period = attrs.field(converter=_period)
    value: OutcomeValue = attrs.field(default=None, converter=_value)
    gender: Gender = attrs.field(default=Gender.TOTAL, converter=_gender, kw_only=True)
    org_unit: str | None = attrs.field(default=None, converter=_org_unit, kw_only=True)
    references: FrozenMap[str, Decimal] = attrs.field(
        default=_NO_REFERENCES, converter=_references, kw_only=True
    )
    numerator: Decimal | None = attrs.field(default=None, converter=_numerator, kw_only=True)
    denominator: Decimal | None = attrs.field(default=None, converter=_denominator, kw_only=True)
    budget: Decimal | None = attrs.field(default=None, converter=_budget, kw_only=True)

    def __attrs_post_init__(self) -> None:
        where = f"Outcome {self.indicator!r} {self.period}"
        if (self.numerator is None) != (self.denominator is None):
            raise PlanError(
                f"{where}: numerator and denominator go together, got numerator="
                f"{self.numerator!r}, denominator={self.denominator!r}"
            )
        if self.denominator is not None and self.numerator is not None:
            if self.denominator <= 0:
                raise PlanError(f"{where}: denominator must be positive, got {self.denominator}")
            if self.numerator < 0:
                raise PlanError(f"{where}: numerator must not be negative, got {self.numerator}")
            if self.value is None:
                object.__setattr__(self, "value", _HUNDRED * self.numerator / self.denominator)
            elif not isinstance(self.value, Decimal):
                raise PlanError(f"{where}: a share must have a numeric value, got {self.value!r}")

    @property
    def key(self) -> tuple[str, Period, Gender, str | None]:
        """The outcome's place in :class:`Outcomes`: (indicator, period, gender, org unit)."""
        return (self.indicator, self.period, self.gender, self.org_unit)

    @property
    def number(self) -> Decimal | None:
        """The value when it is a number, else ``None``."""
        return self.value if isinstance(self.value, Decimal) else None

    @classmethod
    def pool(cls, outcomes: Iterable[Outcome], *, org_unit: str | None = None) -> Outcome:
        """Add up shares from several org units (enheter ▸ förvaltning ▸ nämnd).

        Numerators and denominators are summed and the share is recomputed from the sums;
        percentages are never averaged. References and budgets are not carried over
        (references are per unit; budgets add up only where every outcome has one).

        Args:
            outcomes: Outcomes of the same indicator, period and gender.
            org_unit: The org unit of the result (``None`` for the nämnd as a whole).

        Raises:
            PlanError: for no outcomes, outcomes of different indicators, periods or
                genders, or an outcome without numerator and denominator.

        Example:
            >>> a = Outcome("x", 2022, numerator=1, denominator=4, org_unit="A")
            >>> b = Outcome("x", 2022, numerator=3, denominator=4, org_unit="B")
            >>> Outcome.pool([a, b]).value  # not (25 + 75) / 2 by accident: (1+3)/(4+4)
            Decimal('50')
        """
        items = list(outcomes)
        if not items:
            raise PlanError("Outcome.pool: expected at least one outcome, got none")
        first = items[0]
        num = Decimal(0)
        den = Decimal(0)
        budgets: list[Decimal] = []
        for item in items:
            if (item.indicator, item.period, item.gender) != (
                first.indicator,
                first.period,
                first.gender,
            ):
                raise PlanError(
                    f"Outcome.pool: outcomes must share indicator, period and gender; "
                    f"{first.key} and {item.key} differ"
                )
            if item.numerator is None or item.denominator is None:
                raise PlanError(
                    f"Outcome.pool: {item.key} has no numerator and denominator; "
                    "shares are pooled from counts, never averaged"
                )
            num += item.numerator
            den += item.denominator
            if item.budget is not None:
                budgets.append(item.budget)
        budget = sum(budgets, Decimal(0)) if len(budgets) == len(items) else None
        return cls(
            first.indicator,
            first.period,
            gender=first.gender,
            org_unit=org_unit,
            numerator=num,
            denominator=den,
            budget=budget,
        )


_Key: TypeAlias = tuple[str, Period, Gender, "str | None"]
_SeriesKey: TypeAlias = tuple[Gender, "str | None"]

CSV_COLUMNS = (
    "indicator",
    "period",
    "gender",
    "org_unit",
    "value",
    "numerator",
    "denominator",
    "budget",
)
"""The fixed CSV columns of :meth:`Outcomes.write_csv`, in order. References follow as one
column per reference name, ``ref:<name>`` (``ref:riket``)."""

_REF_PREFIX = "ref:"
_EMPTY: dict[Any, Any] = {}
_PROGRESS_NAMES = {"not_started", "started", "done"}


def _value_text(value: OutcomeValue) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, tuple):
        start, end = value
        return f"{start.isoformat()}/{'' if end is None else end.isoformat()}"
    return str(value.name).lower()


def _parse_value(text: str, where: str) -> OutcomeValue:
    text = text.strip()
    low = text.lower()
    if not text:
        return None
    if low in ("true", "ja", "yes"):
        return True
    if low in ("false", "nej", "no"):
        return False
    if low in _PROGRESS_NAMES:
        import styrmodell

        progress = getattr(styrmodell, "Progress", None)
        if progress is None:  # pragma: no cover
            raise SerializationError(f"{where}: value {text!r} needs styrmodell.Progress")
        return progress[low.upper()]  # type: ignore[no-any-return]
    if "/" in text:
        start, _, end = text.partition("/")
        return coerce_value((start, end or None), what=where)
    return to_decimal(text, what=where, error=SerializationError)


@attrs.frozen(eq=False)
class Outcomes:
    """An indexed, immutable collection of outcomes.

    Look-up by indicator × period × gender × org unit is O(1); so is the series of one
    indicator for one gender and unit over the years (what history comes from). Two
    outcomes with the same key are an error.

    Attributes:
        items: The outcomes, in any order.

    Raises:
        PlanError: for a duplicate key, naming it.

    Example:
        >>> outs = Outcomes([Outcome("x", 2022, 5), Outcome("x", 2022, 4, gender="K")])
        >>> outs.get("x", 2022, gender="K").value
        Decimal('4')
        >>> len(outs)
        2
    """

    items: tuple[Outcome, ...] = attrs.field(converter=_outcome_items)
    _index: dict[_Key, Outcome] = attrs.field(init=False, repr=False)
    _series: dict[str, dict[_SeriesKey, dict[Period, Outcome]]] = attrs.field(
        init=False, repr=False
    )
    _by_indicator: dict[str, list[Outcome]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[_Key, Outcome] = {}
        series: dict[str, dict[_SeriesKey, dict[Period, Outcome]]] = {}
        by_indicator: dict[str, list[Outcome]] = {}
        problems: list[str] = []
        for i, item in enumerate(self.items):
            if not isinstance(item, Outcome):
                problems.append(f"items[{i}]: expected an Outcome, got {item!r}")
                continue
            key = item.key
            if key in index:
                problems.append(
                    f"items[{i}]: duplicate outcome for indicator {key[0]!r}, period "
                    f"{key[1]}, gender {key[2].value}, org unit {key[3]!r}"
                )
                continue
            index[key] = item
            series.setdefault(key[0], {}).setdefault((key[2], key[3]), {})[key[1]] = item
            by_indicator.setdefault(key[0], []).append(item)
        if problems:
            raise PlanError("Outcomes: " + "; ".join(problems))
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_series", series)
        object.__setattr__(self, "_by_indicator", by_indicator)

    # -- look-up --------------------------------------------------------------------------

    def get(
        self,
        indicator: str,
        period: Period | int | str,
        *,
        gender: Gender | str = Gender.TOTAL,
        org_unit: str | None = None,
    ) -> Outcome | None:
        """The outcome for indicator × period × gender × org unit, or ``None``."""
        return self._index.get((indicator, _period(period), Gender.coerce(gender), org_unit))

    def __getitem__(self, key: tuple[Any, ...]) -> Outcome:
        """``outcomes["id", period]`` or ``outcomes["id", period, gender, org_unit]``."""
        indicator, period, *rest = key
        gender = Gender.coerce(rest[0]) if rest else Gender.TOTAL
        org_unit = rest[1] if len(rest) > 1 else None
        full = (indicator, _period(period), gender, org_unit)
        try:
            return self._index[full]
        except KeyError:
            raise KeyError(full) from None

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.items)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Outcomes):
            return NotImplemented
        return self._index == other._index

    def __hash__(self) -> int:
        return hash(frozenset(self._index.items()))

    def for_indicator(self, indicator: str) -> tuple[Outcome, ...]:
        """Every outcome of *indicator*, in the order given."""
        return tuple(self._by_indicator.get(indicator, ()))

    def series(
        self,
        indicator: str,
        *,
        gender: Gender | str = Gender.TOTAL,
        org_unit: str | None = None,
    ) -> Mapping[Period, Outcome]:
        """The outcomes of one indicator for one gender and unit, by period (read-only)."""
        found = self._series.get(indicator, {}).get((Gender.coerce(gender), org_unit))
        return FrozenMap(found or {})

    def series_of(
        self, indicator: str
    ) -> Mapping[tuple[Gender, str | None], Mapping[Period, Outcome]]:
        """Every series of *indicator*: (gender, org unit) → period → outcome (read-only).

        Do not mutate what this returns; it is the collection's own index.
        """
        found: Mapping[tuple[Gender, str | None], Mapping[Period, Outcome]] = self._series.get(
            indicator, _EMPTY
        )
        return found

    @property
    def indicators(self) -> frozenset[str]:
        """The ids of every indicator with an outcome."""
        return frozenset(self._by_indicator)

    @property
    def org_units(self) -> frozenset[str | None]:
        """Every org unit with an outcome (``None`` for the nämnd as a whole)."""
        return frozenset(key[3] for key in self._index)

    def __add__(self, other: Outcomes | Iterable[Outcome]) -> Outcomes:
        """A new collection with the outcomes of both (duplicates are an error)."""
        if isinstance(other, Outcomes):
            return Outcomes(self.items + other.items)
        return Outcomes(self.items + tuple(other))

    def pooled(
        self,
        indicator: str,
        period: Period | int | str,
        org_units: Iterable[str],
        *,
        gender: Gender | str = Gender.TOTAL,
        into: str | None = None,
    ) -> Outcome:
        """Pool the shares of *org_units* into one outcome for *into* (see :meth:`Outcome.pool`).

        Raises:
            PlanError: for a unit without an outcome, or an outcome without counts.
        """
        found: list[Outcome] = []
        for unit in org_units:
            item = self.get(indicator, period, gender=gender, org_unit=unit)
            if item is None:
                raise PlanError(
                    f"Outcomes.pooled: no outcome for {indicator!r} {_period(period)} "
                    f"in org unit {unit!r}"
                )
            found.append(item)
        return Outcome.pool(found, org_unit=into)

    # -- rows and CSV ---------------------------------------------------------------------

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]]) -> Outcomes:
        """Build from rows with the :data:`CSV_COLUMNS` keys (and ``ref:<name>`` keys).

        Values may be text (as read from CSV) or Python values. Every bad row is reported.

        Raises:
            SerializationError: listing every bad row with its number and the problem.
        """
        items: list[Outcome] = []
        problems: list[str] = []
        for n, row in enumerate(rows, start=1):
            where = f"row {n}"
            try:
                items.append(_outcome_from_row(row, where))
            except StyrmodellError as exc:
                problems.append(f"{where}: {exc}")
        if problems:
            raise SerializationError("Outcomes: " + "; ".join(problems), problems=problems)
        try:
            return cls(items)
        except PlanError as exc:
            raise SerializationError(str(exc), problems=exc.problems) from None

    def rows(self) -> list[dict[str, str]]:
        """The outcomes as text rows with the :data:`CSV_COLUMNS` and ``ref:<name>`` keys."""
        names = sorted({name for item in self.items for name in item.references})
        out: list[dict[str, str]] = []
        for item in self.items:
            row = {
                "indicator": item.indicator,
                "period": item.period.label("sv"),
                "gender": item.gender.value,
                "org_unit": item.org_unit or "",
                "value": _value_text(item.value),
                "numerator": "" if item.numerator is None else str(item.numerator),
                "denominator": "" if item.denominator is None else str(item.denominator),
                "budget": "" if item.budget is None else str(item.budget),
            }
            for name in names:
                ref = item.references.get(name)
                row[_REF_PREFIX + name] = "" if ref is None else str(ref)
            out.append(row)
        return out

    @classmethod
    def read_csv(cls, source: str | os.PathLike[str] | IO[str]) -> Outcomes:
        r"""Read outcomes from a CSV file (a path or an open text file) with a header row.

        Columns: ``indicator``, ``period`` (a label such as "2022" or "Delår 2022"),
        ``gender`` (T/K/M, default T), ``org_unit``, ``value``, ``numerator``,
        ``denominator``, ``budget`` and one ``ref:<name>`` column per reference. Numbers
        may use a decimal comma; ``true`` / ``false`` are done / not done; ``done`` /
        ``started`` / ``not_started`` are a ``Progress``; ``2023-01-05/2023-03-20`` is a
        pair of dates. Empty cells are absent values.

        Lines at the top that start with ``#`` are comments, as are blank lines among them:
        a file can say where its numbers come from, or that they are made up. The header
        row is the first other line; rows are numbered from the first line after it, and
        a ``#`` further down is data. A UTF-8 byte order mark is skipped.

        Example:
            >>> text = "# FIKTIVA UTFALL\nindicator,period,value\njobbcoach,2023,55\n"
            >>> Outcomes.read_csv(io.StringIO(text)).get("jobbcoach", 2023).value
            Decimal('55')

        Raises:
            SerializationError: for a missing ``indicator`` or ``period`` column, and for
                every bad row.
        """
        if isinstance(source, str | os.PathLike):
            with open(source, encoding="utf-8", newline="") as handle:
                return cls._read(handle)
        return cls._read(source)

    @classmethod
    def _read(cls, handle: IO[str]) -> Outcomes:
        reader = csv.DictReader(_without_comments(handle))
        header = reader.fieldnames or []
        missing = [c for c in ("indicator", "period") if c not in header]
        if missing:
            raise SerializationError(f"Outcomes CSV: missing column(s) {missing}; got {header}")
        return cls.from_rows(reader)

    def write_csv(self, target: str | os.PathLike[str] | IO[str]) -> None:
        """Write the outcomes as CSV (UTF-8, header row) with the documented columns."""
        if isinstance(target, str | os.PathLike):
            with open(target, "w", encoding="utf-8", newline="") as handle:
                self._write(handle)
        else:
            self._write(target)

    def _write(self, handle: IO[str]) -> None:
        rows = self.rows()
        names = sorted({name for item in self.items for name in item.references})
        fields = [*CSV_COLUMNS, *(_REF_PREFIX + n for n in names)]
        writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    def to_csv(self) -> str:
        """The CSV text that :meth:`write_csv` writes."""
        buffer = io.StringIO()
        self._write(buffer)
        return buffer.getvalue()


def _without_comments(lines: Iterable[str]) -> Iterator[str]:
    """*lines* from the header on: without the ``#`` comment lines and blank lines at the top."""
    rest = iter(lines)
    for line in rest:
        text = line.removeprefix("\ufeff")
        if text.strip() and not text.startswith("#"):
            yield text
            break
    yield from rest


def _cell(row: Mapping[str, object], name: str) -> object:
    value = row.get(name)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _outcome_from_row(row: Mapping[str, object], where: str) -> Outcome:
    indicator = _cell(row, "indicator")
    period = _cell(row, "period")
    if indicator is None or period is None:
        raise SerializationError("indicator and period are required")
    raw_value = row.get("value")
    value = (
        _parse_value(raw_value, f"{where} value")
        if isinstance(raw_value, str)
        else coerce_value(raw_value)
    )
    refs: dict[str, object] = {}
    for key, cell in row.items():
        if isinstance(key, str) and key.startswith(_REF_PREFIX):
            text = cell.strip() if isinstance(cell, str) else cell
            if text not in (None, ""):
                refs[key[len(_REF_PREFIX) :]] = text
    gender = _cell(row, "gender")
    return Outcome(
        indicator,
        period,
        value,
        gender=Gender.TOTAL if gender is None else gender,
        org_unit=_cell(row, "org_unit"),
        references=refs,
        numerator=_cell(row, "numerator"),
        denominator=_cell(row, "denominator"),
        budget=_cell(row, "budget"),
    )
