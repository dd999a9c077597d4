"""Change from a base: "minska med minst 10 % jämfört med 2004", "halvera", "+5 procentenheter".

Swedish terms: *jämfört med* (compared with), *basår* (base year), *medelvärdet 2001–2005*
(the mean of a base period), *halvera* (halve: −50 %), *procentenheter* (percentage points,
an absolute change of a percentage), *minska med* / *öka med* (decrease / increase by).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from itertools import pairwise
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_flag
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands, band_values
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    crosses_break,
    not_assessed,
)
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._measured import (
    QUOTIENT,
    as_measure_bands,
    bands_text,
    explain_measured,
    judge,
)
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Unit, as_optional_unit

__all__ = ["RelativeChange", "as_years", "years_text"]

_HUNDRED = Decimal(100)
_MAX_YEARS = 50


def as_years(value: object, at: str = "value") -> tuple[int, ...]:
    """One year or several (a list, a range): sorted, each once, at least one."""
    if isinstance(value, int) and not isinstance(value, bool):
        return (F.as_year(value, at),)
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise failure(ThresholdError, "relative.expected_years", at, value=value)
    years = sorted({F.as_year(year, f"{at}[{i}]") for i, year in enumerate(value)})
    if not years or len(years) > _MAX_YEARS:
        raise failure(ThresholdError, "relative.expected_years", at, value=value)
    return tuple(years)


def years_text(years: tuple[int, ...], locale: str) -> str:
    """In words: "2004", "2001–2005" (consecutive years) or "2001, 2003 och 2005"."""
    if len(years) == 1:
        return str(years[0])
    if all(b == a + 1 for a, b in pairwise(years)):
        return f"{years[0]}–{years[-1]}"
    first = _text.join((str(y) for y in years[:-1]), locale)
    return text("words.and", locale, first=first, second=str(years[-1]))


def _change_unit(relative: bool, unit: Unit | None) -> Unit | None:
    if relative:
        return Unit.PERCENT
    return Unit.PERCENTAGE_POINTS if unit is Unit.PERCENT else unit


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class RelativeChange:
    r"""Bands on the change of the value from a base: one year's outcome or a period's mean.

    The base values come from ``Context.history``. The change is ``value − base``
    (*relative* false: in the unit, i.e. procentenheter for a percentage) or that
    difference in percent of the base's size (*relative* true: "minska med 10 %"). Sums
    and differences are exact; a mean of several years and a percent are quotients to 28
    significant digits.

    Not assessed (never a false red): a base year without a value
    (``Reason.MISSING_HISTORY``), a relative change from a base of zero
    (``Reason.ZERO_BASE``), a base on the other side of a series break from the year
    assessed (``Reason.NOT_COMPARABLE``; ``Context.breaks``, which needs ``Context.year``
    — without it ``Reason.MISSING_YEAR``).

    Attributes:
        base: The base year, or the years whose mean is the base ("medelvärdet
            2001–2005": ``range(2001, 2006)``).
        relative: Whether the change is in percent of the base (true) or in the unit.
        bands: The bands on the change.
        unit: The unit of the values, for text.

    ``Assessment.measured`` is the change, ``compared_with`` the base (the mean),
    ``years`` the base years.

    Examples:
        >>> from styrmodell import Context, RelativeChange
        >>> rule = RelativeChange.decrease(10, base=2004)
        >>> rule.assess(88, Context(history={2004: 100})).explain()
        'Förändringen −12\xa0% (88 jämfört med 100 för 2004) är högst −10\xa0% → Grönt'
    """

    base: tuple[int, ...] = attrs.field(converter=as_years)
    relative: bool = attrs.field(default=True, converter=as_flag)
    bands: Bands = attrs.field(converter=as_measure_bands)
    unit: Unit | None = attrs.field(default=None, converter=as_optional_unit)

    @classmethod
    def decrease(
        cls,
        by: object,
        base: object,
        *,
        relative: bool = True,
        yellow: object = None,
        unit: Unit | str | None = None,
    ) -> RelativeChange:
        r"""Green when the value fell by at least *by* ("minska med minst 10 %").

        With *yellow*, a fall of at least *yellow* (less than *by*) is yellow.

        Examples:
            >>> from styrmodell import RelativeChange, describe
            >>> describe(RelativeChange.decrease(20, base=range(2001, 2006)))
            ... # doctest: +NORMALIZE_WHITESPACE
            'Förändring i procent jämfört med medelvärdet 2001–2005: Grönt: högst −20\xa0%,
            Rött: mer än −20\xa0%'
        """
        shift = _change_unit(relative, as_optional_unit(unit, "RelativeChange.unit"))
        green = EXACT.minus(to_decimal(by, what="RelativeChange.decrease by"))
        low = None if yellow is None else EXACT.minus(to_decimal(yellow, what="yellow"))
        bands = Bands.lower_is_better(green, low, unit=shift)
        given: dict[str, Any] = {"base": base, "relative": relative, "unit": unit}
        return cls(bands=bands, **given)

    @classmethod
    def increase(
        cls,
        by: object,
        base: object,
        *,
        relative: bool = True,
        yellow: object = None,
        unit: Unit | str | None = None,
    ) -> RelativeChange:
        r"""Green when the value rose by at least *by* ("öka med 5 procentenheter från 2019").

        Examples:
            >>> from styrmodell import RelativeChange, describe
            >>> describe(RelativeChange.increase(5, base=2019, relative=False, unit="percent"))
            ... # doctest: +NORMALIZE_WHITESPACE
            'Förändring jämfört med 2019: Grönt: minst 5\xa0%-enheter, Rött: mindre än
            5\xa0%-enheter'
        """
        shift = _change_unit(relative, as_optional_unit(unit, "RelativeChange.unit"))
        bands = Bands.higher_is_better(by, yellow, unit=shift)
        given: dict[str, Any] = {"base": base, "relative": relative, "unit": unit}
        return cls(bands=bands, **given)

    @classmethod
    def halve(cls, base: object, *, unit: Unit | str | None = None) -> RelativeChange:
        """In words: "Halvera": a fall of at least 50 % from *base*.

        Examples:
            >>> from styrmodell import Context, RelativeChange
            >>> RelativeChange.halve(2015).assess(40, Context(history={2015: 80})).status.label()
            'Grönt'
        """
        return cls.decrease(50, base, unit=unit)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """The change of *value* from the base in ``context.history``, classified."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        if ctx.breaks:
            if ctx.year is None:
                return not_assessed(self, v, Reason.MISSING_YEAR)
            if any(crosses_break(ctx, year, ctx.year) for year in self.base):
                return attrs.evolve(not_assessed(self, v, Reason.NOT_COMPARABLE), years=self.base)
        found = [ctx.history.get(year) for year in self.base]
        if any(number is None for number in found):
            return attrs.evolve(not_assessed(self, v, Reason.MISSING_HISTORY), years=self.base)
        total = Decimal(0)
        for number in found:
            total = EXACT.add(total, number)  # type: ignore[arg-type]
        mean = total if len(found) == 1 else QUOTIENT.divide(total, len(found))
        change = EXACT.subtract(v, mean)
        if self.relative:
            if mean.is_zero():
                found_zero = not_assessed(self, v, Reason.ZERO_BASE)
                return attrs.evolve(found_zero, compared_with=mean, years=self.base)
            change = QUOTIENT.divide(EXACT.multiply(change, _HUNDRED), mean.copy_abs())
        return judge(self, self.bands, v, change, compared_with=mean, years=self.base)


def _base_text(rule: RelativeChange, locale: str) -> str:
    years = years_text(rule.base, locale)
    if len(rule.base) == 1:
        return years
    return text("relative.base.mean", locale, years=years)


def describe_relative(rule: RelativeChange, locale: str) -> str:
    """In words: "Förändring i procent jämfört med 2004: Grönt: högst −10 %, Rött: mer än −10 %"."""
    code = "relative.describe." + ("relative" if rule.relative else "absolute")
    return text(code, locale, base=_base_text(rule, locale), rule=bands_text(rule.bands, locale))


def explain_relative(a: Assessment, locale: str) -> str:
    """In words: "Förändringen −12 % (88 jämfört med 100 för 2004) är högst −10 % → Grönt"."""
    rule: RelativeChange = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    base = _base_text(rule, locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.status is Status.NOT_ASSESSED and a.reason is not Reason.GAP:
        return text(f"relative.explain.{a.reason.value}", locale, base=base, status=status)
    assert a.measured is not None
    assert a.compared_with is not None
    shown = text(
        "relative.explain.change",
        locale,
        change=_text.number(a.measured, rule.bands.unit, locale),
        value=_text.number(a.value, rule.unit, locale),
        earlier=_text.number(a.compared_with, rule.unit, locale),
        base=base,
    )
    return explain_measured(a, rule.bands, shown, locale)


def relative_strategy(st: ModuleType, *, unit: Unit | None = None) -> Any:
    """Decreases, increases and halvings from one year or a period."""
    bases = st.integers(2000, 2015) | st.builds(
        lambda first, n: range(first, first + n), st.integers(2000, 2010), st.integers(2, 5)
    )
    amounts = st.integers(1, 40)

    def with_yellow(maker: Any) -> Any:
        return st.builds(
            lambda by, base, relative, half: maker(
                by, base, relative=relative, yellow=by // 2 if half and by > 1 else None, unit=unit
            ),
            amounts,
            bases,
            st.booleans(),
            st.booleans(),
        )

    return st.one_of(
        with_yellow(RelativeChange.decrease),
        with_yellow(RelativeChange.increase),
        st.builds(RelativeChange.halve, bases, unit=st.just(unit)),
    )


def relative_values(st: ModuleType, rule: RelativeChange) -> Any:
    """Values from −300 to 300 (the bounds depend on the base, drawn with the context)."""
    return band_values(st, rule.bands)


def relative_contexts(st: ModuleType, rule: RelativeChange) -> Any:
    """A year after the base and a non-zero value for each base year."""
    numbers = _draw.decimals(st, min_value=1, max_value=200, places=1).filter(bool)
    history = st.fixed_dictionaries(dict.fromkeys(rule.base, numbers))
    return st.builds(Context, year=st.integers(rule.base[-1] + 1, 2035), history=history)


RELATIVE_CHANGE = register(
    Family(
        type=RelativeChange,
        tag="relative_change",
        describe=describe_relative,
        explain=explain_relative,
        strategy=relative_strategy,
        values=relative_values,
        contexts=relative_contexts,
        as_bands=lambda rule: rule.bands,
    )
)
