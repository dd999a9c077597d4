"""Rank: the unit's position among a population ("bland de 25 % bästa", "topp 50", quartiles).

Swedish terms: *placering* (position), *jämförelsegrupp* (the population: all kommuner, a
län, liknande kommuner), *kvartil* (Kolada's colours: the best 25 % green, the middle 50 %
yellow, the worst 25 % red), *bland de bästa* (among the best).
"""

from __future__ import annotations

from decimal import Decimal
from types import ModuleType
from typing import Any, Literal

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._messages import failure, text
from styrmodell._numbers import EXACT, to_decimal
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._bands import Bands
from styrmodell._thresholds._base import Assessment, Context, context_or_default, not_assessed
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._measured import (
    QUOTIENT,
    as_measure_bands,
    bands_text,
    explain_measured,
    judge,
)
from styrmodell._thresholds._registry import Family, register
from styrmodell._units import Direction, Unit, as_direction

__all__ = ["Rank", "RankBy"]

RankBy = Literal["share", "position"]
_HUNDRED = Decimal(100)


def _by(value: object, at: str = "value") -> RankBy:
    if value == "share":
        return "share"
    if value == "position":
        return "position"
    raise failure(ThresholdError, "rank.expected_by", at, value=value)


def _minimum(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 100_000:
        raise failure(ThresholdError, "rank.expected_minimum", at, value=value)
    return value


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Rank:
    r"""The unit's position among a population of units, classified with bands.

    The population is ``Context.population`` (every unit's value of the same measure and
    year, by id; Kolada gives all 290 kommuner) and the unit assessed is
    ``Context.member``; the value assessed stands for the member's own entry.

    Ties take the best position they share (competition ranking, "1224": two units tied
    for second are both second, the next is fourth), so a tie never pushes a unit down.
    The *position* is 1 + the number of units strictly better; the *share* is position ÷
    the population's size, in percent: among "de 25 % bästa" means a share of at most 25 %.

    Not assessed (never a false red): no population (``Reason.MISSING_POPULATION``), fewer
    units than *minimum* (``Reason.POPULATION_TOO_SMALL``), no member or a member not in
    the population (``Reason.NOT_IN_POPULATION``).

    Attributes:
        direction: Which way is better for the measure (the best unit is first).
        by: ``"share"`` (the bands are on the share in percent) or ``"position"`` (the
            bands are on the position, 1 the best).
        bands: The bands on the share or the position (lower is better).
        minimum: The fewest units a population may have to be ranked in.

    ``Assessment.measured`` is the share or the position (the share before any rounding
    to the bands' precision) and ``Assessment.compared_with`` the population's size.

    Examples:
        >>> from styrmodell import Context, Direction, Rank
        >>> rule = Rank.quartiles(Direction.HIGHER_IS_BETTER)
        >>> population = {"a": 90, "b": 85, "c": 80, "d": 75, "e": 70, "f": 65, "g": 60, "h": 55}
        >>> rule.assess(85, Context(population=population, member="b")).explain()
        'Plats 2 av 8 (25\xa0%) är högst 25\xa0% → Grönt'
    """

    direction: Direction = attrs.field(converter=as_direction)
    by: RankBy = attrs.field(default="share", converter=_by)
    bands: Bands = attrs.field(converter=as_measure_bands)
    minimum: int = attrs.field(default=2, converter=_minimum)

    @classmethod
    def quartiles(cls, direction: Direction | str, *, minimum: int = 4) -> Rank:
        r"""Kolada's colours: the best 25 % green, the middle 50 % yellow, the worst 25 % red.

        Examples:
            >>> from styrmodell import Rank, describe
            >>> describe(Rank.quartiles("higher_is_better"))  # doctest: +NORMALIZE_WHITESPACE
            'Placering i jämförelsegruppen som andel (plats ÷ antal, högst värde först): Grönt:
            högst 25\xa0%, Gult: mer än 25\xa0% och högst 75\xa0%, Rött: mer än 75\xa0%'
        """
        bands = Bands.lower_is_better(25, 75, unit=Unit.PERCENT)
        given: dict[str, Any] = {"direction": direction, "minimum": minimum}
        return cls(by="share", bands=bands, **given)

    @classmethod
    def best_share(
        cls, percent: object, direction: Direction | str, *, yellow: object = None
    ) -> Rank:
        r"""Green among the best *percent* % ("bland de 25 % bästa"), yellow up to *yellow* %.

        Examples:
            >>> from styrmodell import Rank, describe
            >>> describe(Rank.best_share(25, "lower_is_better"), "en")
            ... # doctest: +NORMALIZE_WHITESPACE
            'Rank as a share of the population (position ÷ units, lowest value first): Green: at
            most 25%, Red: more than 25%'
        """
        bands = Bands.lower_is_better(percent, yellow, unit=Unit.PERCENT)
        given: dict[str, Any] = {"direction": direction}
        return cls(by="share", bands=bands, **given)

    @classmethod
    def top(cls, n: object, direction: Direction | str, *, yellow: object = None) -> Rank:
        """Green at position *n* or better ("topp 50"), yellow up to position *yellow*.

        Examples:
            >>> from styrmodell import Rank, describe
            >>> describe(Rank.top(50, "higher_is_better"))
            'Placering i jämförelsegruppen (högst värde först): Grönt: högst 50, Rött: mer än 50'
        """
        bands = Bands.lower_is_better(n, yellow)
        given: dict[str, Any] = {"direction": direction}
        return cls(by="position", bands=bands, **given)

    def position(self, value: Decimal, others: Any) -> int:
        """1 + the number of *others* strictly better than *value* (ties share the best)."""
        if self.direction is Direction.HIGHER_IS_BETTER:
            return 1 + sum(1 for other in others if other > value)
        return 1 + sum(1 for other in others if other < value)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Rank *value* among ``context.population`` as ``context.member``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        v = to_decimal(value)
        population = ctx.population
        if not population:
            return not_assessed(self, v, Reason.MISSING_POPULATION)
        size = Decimal(len(population))
        if len(population) < self.minimum:
            found = not_assessed(self, v, Reason.POPULATION_TOO_SMALL)
            return attrs.evolve(found, compared_with=size)
        if ctx.member is None or ctx.member not in population:
            return not_assessed(self, v, Reason.NOT_IN_POPULATION)
        others = (number for unit, number in population.items() if unit != ctx.member)
        position = Decimal(self.position(v, others))
        if self.by == "position":
            return judge(self, self.bands, v, position, compared_with=size)
        share = QUOTIENT.divide(EXACT.multiply(position, _HUNDRED), size)
        found = judge(self, self.bands, v, share, compared_with=size)
        return attrs.evolve(found, measured=share)


def _best(rule: Rank, locale: str) -> str:
    return text(f"rank.best.{rule.direction.value}", locale)


def describe_rank(rule: Rank, locale: str) -> str:
    """In words: "Placering i jämförelsegruppen (högst värde först): Grönt: högst 50, …"."""
    return text(
        f"rank.describe.{rule.by}",
        locale,
        best=_best(rule, locale),
        rule=bands_text(rule.bands, locale),
    )


def explain_rank(a: Assessment, locale: str) -> str:
    """In words: "Plats 2 av 8 (25 %) är högst 25 % → Grönt"; a missing population says so."""
    rule: Rank = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    if a.status is Status.NOT_ASSESSED and a.reason is not Reason.GAP:
        count = int(a.compared_with) if a.compared_with is not None else 0
        return text(
            f"rank.explain.{a.reason.value}",
            locale,
            count=count,
            minimum=rule.minimum,
            status=status,
        )
    assert a.measured is not None
    assert a.compared_with is not None
    size = a.compared_with
    if rule.by == "position":
        shown = text("rank.explain.position", locale, position=int(a.measured), count=int(size))
    else:
        position = int(
            QUOTIENT.divide(EXACT.multiply(a.measured, size), _HUNDRED).to_integral_value()
        )
        shown = text(
            "rank.explain.share",
            locale,
            position=position,
            count=int(size),
            share=_text.number(a.measured, Unit.PERCENT, locale),
        )
    return explain_measured(a, rule.bands, shown, locale)


def rank_strategy(st: ModuleType, **_: Any) -> Any:
    """Quartiles, best shares and top positions, either direction."""
    directions = st.sampled_from(Direction)
    return st.one_of(
        st.builds(Rank.quartiles, directions),
        st.builds(
            Rank.best_share,
            st.integers(1, 50),
            directions,
            yellow=st.none() | st.integers(51, 99),
        ),
        st.builds(Rank.top, st.integers(1, 20), directions, yellow=st.none() | st.integers(21, 40)),
    )


def rank_values(st: ModuleType, rule: Rank) -> Any:
    """Values among a population drawn from −100 to 100."""
    return _draw.decimals(st, min_value=-120, max_value=120, places=1)


def rank_contexts(st: ModuleType, rule: Rank) -> Any:
    """A population of up to 60 units with the member ``"m"`` among them."""
    values = _draw.decimals(st, min_value=-100, max_value=100, places=1)
    population = st.dictionaries(
        st.from_regex(r"\A[0-9]{4}\Z"), values, min_size=rule.minimum - 1, max_size=60
    ).flatmap(lambda others: st.builds(lambda v: {**others, "m": v}, values))
    return st.builds(Context, year=_draw.years(st), population=population, member=st.just("m"))


RANK = register(
    Family(
        type=Rank,
        tag="rank",
        describe=describe_rank,
        explain=explain_rank,
        strategy=rank_strategy,
        values=rank_values,
        contexts=rank_contexts,
        as_bands=lambda rule: rule.bands,
    )
)
