"""A plan's Kolada nyckeltal from a snapshot: outcomes, references with provenance, reports.

Swedish terms: *datakälla* (an indicator's source; ``"kolada:U21468"`` names a Kolada
nyckeltal), *utfall* (outcome), *jämförelsevärde* (a reference: riket, liknande kommuner,
a user's own jämförelsekommuner), *rang* (rank among all kommuner), *källa* (source),
*preliminärt* (before Kolada's final publication), *publiceringsdatum* (publication date).

:func:`inputs` reads, for every indicator of a plan whose ``source`` is ``"kolada:<KPI>"``,
the kommun's outcomes per gender and the references each outcome is judged against, and
keeps every value's provenance (:class:`~styrmodell.kolada.Reference`: kind, id, title,
year, ``fetched_at``). The :class:`Inputs` it returns assesses the plan
(:meth:`Inputs.assess`: the references reach each threshold through ``Context``), explains
an indicator with its sources (:meth:`Inputs.explain`) and writes the report with a list of
sources (:func:`report`): "Riket 2023: 82,1 % (Källa: Kolada, hämtat 2026-11-30)" — and
never "Källa: Kolada" on styrmodell's own calculations.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Iterable, Mapping

import attrs

from styrmodell._assessment import IndicatorResult, Scorecard, assess, one_line
from styrmodell._frozenmap import FrozenMap
from styrmodell._goals import Indicator, Plan
from styrmodell._messages import text
from styrmodell._outcomes import Gender, Outcome, Outcomes
from styrmodell._period import Period
from styrmodell._report import ReportFormat, render
from styrmodell._report._markdown import md as _md
from styrmodell.kolada._client import municipality_ids, years_of
from styrmodell.kolada._errors import kolada_failure
from styrmodell.kolada._model import (
    COUNTRY,
    Population,
    Reference,
    comparison,
    population,
    reference,
)
from styrmodell.kolada._values import MunicipalityGroup, Snapshot

__all__ = [
    "Inputs",
    "availability",
    "default_references",
    "inputs",
    "report",
    "similar_groups",
]

SIMILAR = "liknande kommuner"
"""The reference name of the one municipality group of a snapshot (by default)."""

Key = tuple[str, int, Gender]
"""(indicator id, year, gender)."""


def similar_groups(groups: Iterable[MunicipalityGroup], title: str) -> tuple[str, ...]:
    """The ids of Kolada's groups of kommuner similar to the kommun titled *title*.

    Kolada titles them "Liknande kommuner <område>, <kommun>" (sometimes with a year after
    another comma); a group is one when its title starts so and names *title* after a comma.

    Examples:
        >>> from styrmodell.kolada import MunicipalityGroup
        >>> similar_groups([
        ...     MunicipalityGroup(id="G38498", title="Liknande kommuner äldreomsorg, Oxelösund"),
        ...     MunicipalityGroup(id="G1", title="Liknande kommuner äldreomsorg, Flen"),
        ... ], "Oxelösund")
        ('G38498',)
    """
    found = []
    for group in groups:
        parts = [p.strip() for p in group.title.split(",")]
        if parts[0].casefold().startswith("liknande kommuner") and title in parts[1:]:
            found.append(group.id)
    return tuple(found)


def default_references(snapshot: Snapshot, municipality: str) -> dict[str, str]:
    """The references a plan is compared with by default: riket and the kommun's group.

    Riket ("0000") is named ``"riket"``. The kommun's groups among the snapshot's
    municipality groups are those Kolada titles after it (:func:`similar_groups`), else
    those whose members include it, else those that list no members; they are named
    ``"liknande kommuner"`` when there is one, else by their ids.

    Examples:
        >>> from styrmodell.kolada import SCHEMA, MunicipalityGroup
        >>> snap = Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", groups=[
        ...     MunicipalityGroup(id="G38498", title="Liknande kommuner äldreomsorg, Oxelösund")])
        >>> default_references(snap, "0481")
        {'riket': '0000', 'liknande kommuner': 'G38498'}
    """
    title = snapshot.title(municipality)
    groups = list(similar_groups(snapshot.groups, title)) if title else []
    if not groups:
        groups = [g.id for g in snapshot.groups if municipality in g.members]
    if not groups:
        groups = [g.id for g in snapshot.groups if not g.members]
    named = {"riket": COUNTRY}
    if len(groups) == 1:
        named[SIMILAR] = groups[0]
    else:
        named.update((g, g) for g in groups)
    return named


@attrs.frozen(kw_only=True)
class Inputs:
    r"""What a snapshot gives the assessment of a plan, with where every value came from.

    Made by :func:`inputs`.

    Attributes:
        snapshot: The snapshot read.
        municipality: The kommun whose outcomes these are.
        kpis: Indicator id → Kolada KPI id, for every indicator whose source is Kolada.
        outcomes: The kommun's outcomes (per gender), each carrying its references by name.
        values: (indicator, year, gender) → the kommun's own value with its provenance
            (kind ``MUNICIPALITY``; ``preliminary`` when fetched before the final
            publication).
        references: (indicator, year, gender) → the references its outcome carries.
        populations: (indicator, year, gender) → the values of all kommuner (for a rank),
            when asked for.

    Examples:
        >>> import styrmodell as sm
        >>> from styrmodell import kolada
        >>> rows = [kolada.Row(kpi="U21468", municipality=m, period=2023, gender="T",
        ...                    value=v, fetched_at="2026-11-30")
        ...         for m, v in [("0481", 84), ("0000", "82.1")]]
        >>> snap = kolada.Snapshot(schema=kolada.SCHEMA, base_url="x",
        ...                        fetched_at="2026-11-30", rows=rows)
        >>> plan = sm.Plan(id="p", years=2023, levels=["Nämndmål"], goals=[sm.Goal(id="g",
        ...     indicators=[sm.Indicator(id="nojd", title="Nöjdhet", unit=sm.Unit.PERCENT,
        ...         source="kolada:U21468", target=sm.CompareToReference(
        ...             reference="riket", unit=sm.Unit.PERCENT, yellow=False))])])
        >>> given = kolada.inputs(plan, snap, "0481")
        >>> card = given.assess(plan, 2023)
        >>> print(given.explain(card.indicator("nojd")).replace("\xa0", " "))
        84 % är bättre än riket (82,1 %) → Grönt
          0481 2023: 84 % (Källa: Kolada, hämtat 2026-11-30)
          Riket 2023: 82,1 % (Källa: Kolada, hämtat 2026-11-30)
    """

    snapshot: Snapshot = attrs.field(repr=False)
    municipality: str
    kpis: FrozenMap[str, str]
    outcomes: Outcomes = attrs.field(repr=False)
    values: FrozenMap[Key, Reference] = attrs.field(repr=False)
    references: FrozenMap[Key, tuple[Reference, ...]] = attrs.field(repr=False)
    populations: FrozenMap[Key, Population] = attrs.field(repr=False)

    def assess(self, plan: Plan, year: int, **options: object) -> Scorecard:
        """:func:`styrmodell.assess` of *plan* for *year* with these outcomes.

        Each outcome's references reach its threshold through ``Context.references``, and
        the population of all kommuner (when fetched) through ``Context.population``, with
        this kommun as the member a :class:`~styrmodell.Rank` places.
        *options* (``as_of``, ``rollup``, ``period``...) go to :func:`~styrmodell.assess`.
        """
        populations = {key: pop.values for key, pop in self.populations.items()}
        return assess(
            plan,
            self.outcomes,
            year,
            populations=populations,
            member=self.municipality,
            **options,  # type: ignore[arg-type]
        )

    def sources(
        self, result: IndicatorResult, locale: str = "sv", *, gender: Gender | str = Gender.TOTAL
    ) -> tuple[str, ...]:
        """Where the values behind *result* came from, one line each (empty if not Kolada).

        The kommun's own value first (preliminary when it is), then each reference its
        outcome carried, then the population of all kommuner, when there is one.

        Args:
            result: An indicator's result from :meth:`assess`.
            locale: The language and number format.
            gender: Whose outcome: the total (default), ``"K"`` or ``"M"``.
        """
        outcome = result.outcomes.get((Gender.coerce(gender), result.org_unit))
        if result.id not in self.kpis or outcome is None:
            return ()
        key = (result.id, outcome.period.calendar_year, outcome.gender)
        unit = result.indicator.unit
        lines = []
        own = self.values.get(key)
        if own is not None:
            lines.append(own.describe(locale, unit=unit))
        lines += [ref.describe(locale, unit=unit) for ref in self.references.get(key, ())]
        pop = self.populations.get(key)
        if pop is not None:
            lines.append(pop.describe(locale))
        return tuple(lines)

    def preliminary(self, result: IndicatorResult) -> bool:
        """Whether the kommun's value behind *result* is preliminary."""
        outcome = result.outcome
        if outcome is None:
            return False
        own = self.values.get((result.id, outcome.period.calendar_year, outcome.gender))
        return own is not None and own.preliminary

    def explain(
        self, result: IndicatorResult, locale: str = "sv", *, gender: Gender | str = Gender.TOTAL
    ) -> str:
        """Why *result* got its status, followed by its sources, one indented line each.

        For the total, the first line is :meth:`IndicatorResult.explain`; for ``"K"`` or
        ``"M"`` the explanation of that gender's assessment.
        """
        sex = Gender.coerce(gender)
        if sex is Gender.TOTAL:
            why = result.explain(locale)
        else:
            why = result.for_unit(result.org_unit, sex).explain(locale)
        lines = self.sources(result, locale, gender=sex)
        return "\n".join([why, *(f"  {line}" for line in lines)])


def _indicators(plan: Plan) -> dict[str, str]:
    return {ind.id: kpi for ind in plan.all_indicators() if (kpi := ind.kolada_kpi) is not None}


def inputs(
    plan: Plan,
    snapshot: Snapshot,
    municipality: str,
    *,
    references: Mapping[str, str] | None = None,
    comparisons: Mapping[str, Iterable[str]] | None = None,
    ranks: bool = True,
    years: int | Iterable[int] | None = None,
) -> Inputs:
    """The outcomes and references of *plan*'s Kolada indicators for *municipality*.

    Every indicator whose ``source`` is ``"kolada:<KPI>"`` gets the kommun's outcomes of
    that KPI per year and gender. A row with a null value, a non-empty status or
    ``isdeleted`` gives no outcome — the indicator is then not assessed — never 0.

    Args:
        plan: The plan.
        snapshot: The snapshot (:func:`~styrmodell.kolada.fetch`, or loaded offline).
        municipality: The kommun's id ("0481").
        references: Reference name → Kolada id (riket "0000", a region, a group "G…");
            by default :func:`default_references`. Each outcome carries the value of the
            same KPI, year and gender of each one that has a usable value.
        comparisons: Reference name → a list of kommuner: each outcome carries their mean,
            computed by styrmodell and labelled so (never "Källa: Kolada").
        ranks: Also collect the population of all kommuner of each KPI, year and gender
            (for a rank, and shown in the sources), where the snapshot holds values of
            more than one kommun.
        years: Only these years.

    Returns:
        The :class:`Inputs`.

    Raises:
        KoladaError: for a municipality id that is not one.
    """
    (unit,) = municipality_ids(municipality)
    kpis = _indicators(plan)
    named = dict(default_references(snapshot, unit) if references is None else references)
    for name, ref_id in named.items():
        municipality_ids(ref_id)
        if not name:
            raise kolada_failure("kolada.reference_name", "references", value=name)
    lists = {name: municipality_ids(list(units)) for name, units in (comparisons or {}).items()}
    wanted = None if years is None else set(years_of(years))
    items: list[Outcome] = []
    values: dict[Key, Reference] = {}
    refs: dict[Key, tuple[Reference, ...]] = {}
    pops: dict[Key, Population] = {}
    for indicator, kpi in kpis.items():
        for row in snapshot.rows_of(kpi, unit):
            if row.unit_kind != "municipality" or not row.usable or row.value is None:
                continue
            if wanted is not None and row.period not in wanted:
                continue
            key = (indicator, row.period, row.gender)
            own = reference(snapshot, kpi, unit, row.period, gender=row.gender)
            if own is not None:
                values[key] = own
            found = [
                ref
                for name, ref_id in named.items()
                if (
                    ref := reference(
                        snapshot, kpi, ref_id, row.period, gender=row.gender, name=name
                    )
                )
                is not None
            ]
            found += [
                ref
                for name, members in lists.items()
                if (
                    ref := comparison(
                        snapshot, kpi, row.period, members, gender=row.gender, name=name
                    )
                )
                is not None
            ]
            refs[key] = tuple(found)
            if ranks:
                pop = population(snapshot, kpi, row.period, gender=row.gender)
                if len(pop.values) > 1:
                    pops[key] = pop
            items.append(
                Outcome(
                    indicator,
                    Period.year(row.period),
                    row.value,
                    gender=row.gender,
                    references={ref.name: ref.value for ref in found},
                )
            )
    return Inputs(
        snapshot=snapshot,
        municipality=unit,
        kpis=FrozenMap(kpis),
        outcomes=Outcomes(items),
        values=FrozenMap(values),
        references=FrozenMap(refs),
        populations=FrozenMap(pops),
    )


def availability(snapshot: Snapshot) -> Callable[[Indicator, Period], dt.date | None]:
    """When Kolada publishes an indicator's value: the ``available`` hook of ``contents_for``.

    For an indicator whose source is ``"kolada:<KPI>"`` and a period of the year the KPI's
    next publication covers (``publ_period``), the answer is the first publication date
    the snapshot's metadata gives — the preliminary one when there is one, else the final
    one. For other indicators and years it is ``None`` (the frequency decides).

    Examples:
        >>> import datetime as dt
        >>> import styrmodell as sm
        >>> from styrmodell import kolada
        >>> from styrmodell.calendar import contents_for
        >>> snap = kolada.Snapshot(schema=kolada.SCHEMA, base_url="x", fetched_at="2024-01-10",
        ...     kpis=[kolada.Kpi(id="U21468", publ_period=2023,
        ...                      prel_publication_date="2024-03-15",
        ...                      publication_date="2024-04-30")])
        >>> plan = sm.Plan(id="p", years=2023, levels=["Mål"], goals=[sm.Goal(id="g",
        ...     reported_in="B", indicators=[sm.Indicator(id="nojd", source="kolada:U21468")])])
        >>> bokslut = sm.Occasion("bokslut", dt.date(2024, 2, 28), sm.Period.year(2023),
        ...                       reported="B")
        >>> entry = contents_for(bokslut, plan, available=kolada.availability(snap))[1]
        >>> entry.available, entry.explain()
        (False, 'Ej tillgängligt än: publiceras tidigast 2024-03-15')
    """

    def published(indicator: Indicator, period: Period) -> dt.date | None:
        kpi = indicator.kolada_kpi
        meta = None if kpi is None else snapshot.kpi(kpi)
        if meta is None or meta.publ_period != period.calendar_year:
            return None
        dates = [d for d in (meta.prel_publication_date, meta.publication_date) if d is not None]
        return min(dates, default=None)

    return published


def _source_lines(card: Scorecard, given: Inputs, locale: str) -> list[tuple[str, list[str]]]:
    out = []
    for result in card.all_indicators():
        lines = list(given.sources(result, locale))
        if not lines:
            continue
        title = one_line(result.indicator.title or result.id)
        head = text("kolada.report.indicator", locale, title=title, kpi=given.kpis[result.id])
        out.append((head, lines))
    return out


def report(
    scorecard: Scorecard,
    given: Inputs,
    format: ReportFormat | str = "text",
    locale: str = "sv",
    *,
    color: bool = False,
) -> str:
    r""":func:`styrmodell.render` of *scorecard* followed by the sources of its Kolada values.

    After the table: a note when any value is preliminary, and per Kolada indicator the
    kommun's own value, each reference and the population, each on its own line with its
    source
    ("Riket 2023: 82,1 % (Källa: Kolada, hämtat 2026-11-30)"; styrmodell's own means say
    so instead).

    Examples:
        >>> import styrmodell as sm
        >>> from styrmodell import kolada
        >>> snap = kolada.Snapshot(schema=kolada.SCHEMA, base_url="x", fetched_at="2026-11-30",
        ...     rows=[kolada.Row(kpi="U21468", municipality="0481", period=2023, gender="T",
        ...                      value=84, fetched_at="2026-11-30")])
        >>> plan = sm.Plan(id="p", years=2023, levels=["Nämndmål"], goals=[sm.Goal(id="g",
        ...     indicators=[sm.Indicator(id="nojd", title="Nöjdhet", source="kolada:U21468",
        ...                              target=sm.TargetValue(">=", 80))])])
        >>> given = kolada.inputs(plan, snap, "0481", ranks=False)
        >>> print(kolada.report(given.assess(plan, 2023), given).split("\n\n")[-1], end="")
        Källor
        Nöjdhet (Kolada U21468)
          0481 2023: 84 (Källa: Kolada, hämtat 2026-11-30)
    """
    body = render(scorecard, format, locale, color=color)
    sections = _source_lines(scorecard, given, locale)
    if not sections:
        return body
    preliminary = [
        one_line(r.indicator.title or r.id)
        for r in scorecard.all_indicators()
        if given.preliminary(r)
    ]
    note = (
        text("kolada.report.preliminary", locale, titles=", ".join(preliminary))
        if preliminary
        else ""
    )
    heading = text("kolada.report.sources", locale)
    if format == "markdown":
        lines = [f"### {heading}", ""]
        if note:
            lines += [f"*{_md(note)}*", ""]
        for head, items in sections:
            lines.append(f"- {_md(head)}")
            lines += [f"  - {_md(item)}" for item in items]
        return body + "\n" + "\n".join(lines) + "\n"
    if format == "html":
        parts = [f"<h2>{html.escape(heading)}</h2>"]
        if note:
            parts.append(f"<p><em>{html.escape(note)}</em></p>")
        parts.append("<ul>")
        for head, items in sections:
            shown = "".join(f"<li>{html.escape(item)}</li>" for item in items)
            parts.append(f"<li>{html.escape(head)}<ul>{shown}</ul></li>")
        parts.append("</ul>")
        at = body.rfind("</body>")
        return body[:at] + "\n".join(parts) + "\n" + body[at:]
    lines = [heading]
    if note:
        lines.append(note)
    for head, items in sections:
        lines.append(head)
        lines += [f"  {one_line(item)}" for item in items]
    return body + "\n" + "\n".join(lines) + "\n"
