r"""A scorecard as CSV: one row per goal and indicator, numbers as numbers.

Swedish terms: *styrkort* (a scorecard), *måluppfyllelse*, *CSV för Excel* (semicolons,
decimal comma, a byte order mark: what Swedish Excel opens with a double click).

Columns (:data:`COLUMNS`): ``kind`` (``goal`` / ``indicator``), ``level``, ``id``,
``title``, ``status`` (the word for the locale), ``value`` (the outcome as a number, a
percentage in percent, or a word for a yes/no or progress outcome), ``unit``, ``period``,
``target`` (in words), ``status_K``, ``value_K``, ``status_M``, ``value_M`` (per kön),
``responsible``, ``reason`` (why, in words).
"""

from __future__ import annotations

from decimal import Decimal

from styrmodell._assessment import IndicatorResult, Scorecard, _value_text
from styrmodell._errors import StyrmodellError
from styrmodell._io._budget_csv import Target, write_to
from styrmodell._io._csv import write_table
from styrmodell._messages import failure, text
from styrmodell._outcomes import Gender, Outcome
from styrmodell._thresholds._lint import describe

__all__ = ["COLUMNS", "write_scorecard_csv"]

COLUMNS = (
    "kind",
    "level",
    "id",
    "title",
    "status",
    "value",
    "unit",
    "period",
    "target",
    "status_K",
    "value_K",
    "status_M",
    "value_M",
    "responsible",
    "reason",
)
"""The columns of a scorecard file, in order."""


def _value(outcome: Outcome | None, result: IndicatorResult, locale: str) -> object:
    if outcome is None or outcome.value is None:
        return None
    if isinstance(outcome.value, Decimal):
        return outcome.value
    return _value_text(outcome, result.indicator, locale)


def write_scorecard_csv(
    card: Scorecard,
    target: Target | None = None,
    *,
    locale: str = "sv",
    excel: bool = False,
) -> str:
    r"""Write a scorecard as CSV (see the module for the columns).

    Args:
        card: What :func:`~styrmodell.assess` returned.
        target: A path or an open text file to write to; ``None`` only returns the text.
        locale: The language of statuses, targets and reasons.
        excel: "CSV för Excel": ``;`` separators, decimal comma, a byte order mark.

    Returns:
        The CSV text.

    Raises:
        SerializationError: when the file cannot be written.

    Example:
        >>> import styrmodell as sm
        >>> plan = sm.Plan(id="p", years=2023, levels=("Nämndmål",), goals=[
        ...     sm.Goal(id="g", title="Nöjda", indicators=[sm.Indicator(
        ...         id="i", title="Nöjdhet", unit=sm.Unit.PERCENT,
        ...         targets={2023: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)})])])
        >>> card = sm.assess(plan, [sm.Outcome("i", 2023, "85,5")], 2023)
        >>> line = write_scorecard_csv(card, excel=True).splitlines()[2]
        >>> print(line[:40])
        indicator;;i;Nöjdhet;Grönt;85,5;%;2023;G
    """
    if not isinstance(card, Scorecard):
        raise failure(StyrmodellError, "xlsx.expected", "write_scorecard_csv", value=card)
    levels = card.plan.levels
    rows: list[tuple[object, ...]] = []
    for goal in card.walk():
        level = levels[goal.level] if goal.level < len(levels) else ""
        rows.append(
            (
                "goal",
                level,
                goal.id,
                goal.goal.title,
                goal.status.label(locale),
                *([None] * 8),
                ", ".join(goal.responsible),
                goal.explain(locale),
            )
        )
        for ind in goal.indicators:
            unit = ind.indicator.unit
            per_gender = ind.by_gender()
            genders: list[object] = []
            for g in (Gender.WOMEN, Gender.MEN):
                found = per_gender.get(g)
                genders += [
                    found.status.label(locale) if found is not None else None,
                    _value(ind.outcomes.get((g, ind.org_unit)), ind, locale),
                ]
            rows.append(
                (
                    "indicator",
                    "",
                    ind.id,
                    ind.indicator.title,
                    ind.status.label(locale),
                    _value(ind.outcome, ind, locale),
                    unit.suffix(locale) if unit is not None else "",
                    ind.outcome.period.label(locale) if ind.outcome is not None else "",
                    describe(ind.threshold, locale)
                    if ind.threshold is not None
                    else text("assess.no_target", locale),
                    *genders,
                    ", ".join(goal.responsible),
                    ind.explain(locale),
                )
            )
    return write_to(write_table(COLUMNS, rows, excel=excel), target)
