"""What makes a report silently wrong: the findings the ``report`` command raises.

Swedish terms: *anmärkning* (a finding), *rapportår* (the year reported on), *utfallsfil*
(the outcomes file), *jämförelsevärde* (a reference value such as riket).

A report of a year the plan does not cover, of outcomes from another year, with an outcome
row whose indicator id is misspelt, or with a target comparing with a reference that no
outcome carries, is still a report — every indicator "Ej bedömd" — and nothing in it says
why. :func:`report_findings` names each of those mistakes with its place, so the command can
print them and exit 1.

The findings, each with its code in the ``report`` catalog:

- ``report.finding.year_outside_plan``: the year is outside the plan's years;
- ``report.finding.no_outcomes``: no outcome was given at all;
- ``report.finding.no_outcome_in_year``: outcomes were given, but none for the year;
- ``report.finding.indicator_outside_year``: an indicator has outcomes, but none for the year;
- ``report.finding.unknown_indicator``: outcomes for an indicator id the plan does not
  have (with the closest id it has, "did you mean");
- ``report.finding.unknown_reference``: a target compares with a reference ("riket") that
  the outcome it judges does not carry.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

import attrs

from styrmodell._assessment import one_line
from styrmodell._frozenmap import FrozenMap
from styrmodell._goals import Indicator, Plan
from styrmodell._messages import text
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._period import Period

__all__ = ["CODES", "ReportFinding", "report_findings"]

CODES = (
    "report.finding.year_outside_plan",
    "report.finding.no_outcomes",
    "report.finding.no_outcome_in_year",
    "report.finding.indicator_outside_year",
    "report.finding.unknown_indicator",
    "report.finding.unknown_reference",
)
"""Every finding :func:`report_findings` can give, in the order it gives them."""

_TITLE = 50  # a title in a place is cut to this many characters


@attrs.frozen
class ReportFinding:
    """One finding about a report: what is wrong, and where.

    Attributes:
        code: The finding's code in the ``report`` catalog (one of :data:`CODES`).
        file: Which input it is in: ``"plan"`` or ``"outcomes"``.
        params: The message's parameters.
        indicator: The indicator id it concerns (for an outcomes file: the rows to point at).
        period: The period of the outcome row it concerns, where it is one row.
        path: Where in the plan's tree (``goals[0].children[1].indicators[0]``), if it is
            in the plan.
    """

    code: str
    file: Literal["plan", "outcomes"]
    params: FrozenMap[str, object] = attrs.field(factory=FrozenMap)
    indicator: str | None = None
    period: Period | None = None
    path: str = ""

    def message(self, locale: str = "sv") -> str:
        """The finding in words, in *locale*."""
        return text(self.code, locale, **dict(self.params))


def _finding(
    code: str,
    file: Literal["plan", "outcomes"],
    *,
    indicator: str | None = None,
    period: Period | None = None,
    path: str = "",
    **params: object,
) -> ReportFinding:
    return ReportFinding(code, file, FrozenMap(params), indicator, period, path)


def _years(periods: Iterable[Period]) -> str:
    years = sorted({p.calendar_year for p in periods})
    if len(years) > 6:
        return f"{years[0]}–{years[-1]}"
    return ", ".join(str(y) for y in years)


def _title(indicator: Indicator) -> str:
    title = one_line(indicator.title or indicator.id)
    return title if len(title) <= _TITLE else title[: _TITLE - 1] + "…"


def _references(threshold: object) -> tuple[str, ...]:
    """The names of the references a threshold compares with (``CompareToReference``)."""
    found = getattr(threshold, "reference", None)
    if isinstance(found, str) and found:
        return (found,)
    many = getattr(threshold, "references", None)
    if isinstance(many, tuple):
        return tuple(r for r in many if isinstance(r, str))
    return ()


def _indicators(plan: Plan) -> Iterator[tuple[str, Indicator]]:
    for goal_path, goal in plan.walk():
        for n, indicator in enumerate(goal.indicators):
            yield f"{goal_path}.indicators[{n}]", indicator


def _in_year(outcome: Outcome, year: int) -> bool:
    return outcome.period.calendar_year == year


def report_findings(
    plan: Plan, outcomes: Outcomes | Iterable[Outcome], year: int
) -> tuple[ReportFinding, ...]:
    """Every mistake that would leave a report of *year* silently "Ej bedömd".

    Examples:
        >>> import styrmodell as sm
        >>> plan = sm.Plan(id="p", years=(2023, 2025), levels=("Mål",), goals=[sm.Goal(
        ...     id="g", indicators=[sm.Indicator(id="jobbcoach", targets={
        ...         2023: sm.TargetValue(">=", 50)})])])
        >>> for f in report_findings(plan, [sm.Outcome("jobcoach", 2023, 55)], 2026):
        ...     print(f.file, "|", f.code, "|", f.params.get("hint"))
        plan | report.finding.year_outside_plan | None
        outcomes | report.finding.unknown_indicator.hint | jobbcoach
    """
    items = tuple(outcomes)
    found: list[ReportFinding] = []
    first, last = plan.years
    if not first <= year <= last:
        found.append(
            _finding(
                "report.finding.year_outside_plan",
                "plan",
                year=str(year),
                years=f"{first}–{last}" if first != last else str(first),
            )
        )
    known = {ind.id: (path, ind) for path, ind in _indicators(plan)}
    ours = [o for o in items if o.indicator in known]
    if not items:
        found.append(_finding("report.finding.no_outcomes", "outcomes"))
    if ours and not any(_in_year(o, year) for o in ours):
        found.append(
            _finding(
                "report.finding.no_outcome_in_year",
                "outcomes",
                year=str(year),
                years=_years(o.period for o in ours),
            )
        )
    elif ours:
        by_indicator: dict[str, list[Outcome]] = {}
        for o in ours:
            by_indicator.setdefault(o.indicator, []).append(o)
        for indicator_id, rows in by_indicator.items():
            if any(_in_year(o, year) for o in rows):
                continue
            later = [o for o in rows if o.period.calendar_year > year]
            if not later:
                continue  # earlier years only: history, the missing outcome is "Ej bedömd"
            path, indicator = known[indicator_id]
            found.append(
                _finding(
                    "report.finding.indicator_outside_year",
                    "outcomes",
                    indicator=indicator_id,
                    period=later[0].period,
                    path=path,
                    id=indicator_id,
                    title=_title(indicator),
                    year=str(year),
                    years=_years(o.period for o in rows),
                )
            )
    found += _unknown_indicators(items, known)
    found += _unknown_references(plan, items, year, known)
    return tuple(found)


def _unknown_indicators(
    items: tuple[Outcome, ...], known: Mapping[str, tuple[str, Indicator]]
) -> Iterator[ReportFinding]:
    unknown: dict[str, list[Outcome]] = {}
    for o in items:
        if o.indicator not in known:
            unknown.setdefault(o.indicator, []).append(o)
    for indicator_id, rows in unknown.items():
        close = difflib.get_close_matches(indicator_id, list(known), n=1, cutoff=0.6)
        params: dict[str, object] = {"id": indicator_id}
        code = "report.finding.unknown_indicator"
        if close:
            code = "report.finding.unknown_indicator.hint"
            params["hint"] = close[0]
        yield ReportFinding(code, "outcomes", FrozenMap(params), indicator_id, rows[0].period)


def _unknown_references(
    plan: Plan,
    items: tuple[Outcome, ...],
    year: int,
    known: Mapping[str, tuple[str, Indicator]],
) -> Iterator[ReportFinding]:
    judged: dict[str, list[Outcome]] = {}
    for o in items:
        if o.indicator in known and _in_year(o, year) and o.gender is Gender.TOTAL:
            judged.setdefault(o.indicator, []).append(o)
    for indicator_id, (path, indicator) in known.items():
        threshold = indicator.target_for(year)
        rows = judged.get(indicator_id)
        if threshold is None or not rows:
            continue
        carried = {name for o in rows for name in o.references}
        for name in _references(threshold):
            if name in carried:
                continue
            yield _finding(
                "report.finding.unknown_reference",
                "outcomes",
                indicator=indicator_id,
                period=rows[0].period,
                path=path,
                id=indicator_id,
                title=_title(indicator),
                reference=name,
                carried=", ".join(sorted(carried)) or "–",
            )
