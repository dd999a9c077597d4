"""Reports: a scorecard as a terminal table, a Markdown table or one self-contained HTML page.

Swedish terms: *måluppfyllelse* (goal attainment), *uppföljning* (follow-up report),
*utfall* (outcome), *målvärde* (target), *kvinnor / män* (per kön), *ansvarig* (the
responsible unit), *avvikelse* (budget deviation), *källa* (data source).

Status is never shown by colour alone: every status also has its word ("Grönt") and an
icon (●, ◐, ○, –), so a report prints in black and white and reads with a screen reader.

Every format shows the same report (:mod:`styrmodell._report._rows` builds it): the goal
tree with each goal's responsible units, each indicator's outcome at its precision (a budget
deviation in its unit and in percent), its previous value, per-gender cells with their
status, the target, the reason for every "Ej bedömd" and the source of the data; and above
the table the as-of date, the date made, the data sources and — when the outcomes are made
up — a warning that says so.

Text from data (titles, level names, outcomes) is made safe for each format: line breaks
become spaces and control characters visible escapes in every format
(:func:`styrmodell._safe.printable`); Markdown also escapes its table, emphasis and link
syntax and HTML's ``<``, ``>`` and ``&``, so a title cannot add a row, a link or a tag; HTML
escapes everything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from styrmodell._assessment import Scorecard
from styrmodell._errors import StyrmodellError
from styrmodell._messages import failure
from styrmodell._report._html import write_html
from styrmodell._report._markdown import write_markdown
from styrmodell._report._rows import build
from styrmodell._report._text import DEFAULT_WIDTH, write_text

__all__ = ["FORMATS", "ReportFormat", "render"]

ReportFormat = Literal["text", "markdown", "html"]

FORMATS: tuple[str, ...] = ("text", "markdown", "html")
"""The formats :func:`render` writes."""


def render(
    scorecard: Scorecard,
    format: ReportFormat | str = "text",
    locale: str = "sv",
    *,
    color: bool = False,
    width: int = DEFAULT_WIDTH,
    made: dt.date | None = None,
    sources: Sequence[str] = (),
    fictional: bool = False,
) -> str:
    """Render a scorecard as a report: ``"text"``, ``"markdown"`` or ``"html"``.

    Args:
        scorecard: What :func:`~styrmodell.assess` returned.
        format: ``"text"`` (a table for the terminal), ``"markdown"`` (a table for a
            nämnd's document) or ``"html"`` (one self-contained, print-friendly page).
        locale: Any locale the text layer has a catalog for (``"sv"``, the default, or
            ``"en"``) or a regional variant of one; numbers follow the locale.
        color: Colour the status words with ANSI codes (text only; the command turns it on
            when the output is a terminal).
        width: The widest a line of the text report may be (100 by default; the command
            gives the terminal's): titles, notes and targets wrap within their columns.
        made: The date the report is made; by default the day of ``SOURCE_DATE_EPOCH``
            when it is set (reproducible output), else today.
        sources: Where the data come from, one entry each ("utfall 2023.csv", "Kolada,
            hämtat 2026-11-30"); an indicator whose source is ``kolada:<KPI>`` adds
            "Kolada" by itself and is credited "Källa: Kolada".
        fictional: The outcomes are made up: the report says so above the table.

    Returns:
        The report. Every goal and indicator of the plan is in it, with its status as a
        word and an icon, the outcome, the target as :func:`~styrmodell.describe` says
        it, the goal's responsible units, and columns for women and men where an indicator
        is followed up per kön; an indicator or goal that is not assessed says why.

    Raises:
        StyrmodellError: for an unknown format, or a scorecard that is not one.

    Examples:
        >>> import datetime as dt
        >>> import styrmodell as sm
        >>> plan = sm.Plan(id="p", title="VP", years=2023, levels=("Nämndmål",),
        ...     org_units=[sm.OrgUnit("SOF", "Socialförvaltningen")], goals=[
        ...     sm.Goal(id="g", title="Nöjda brukare", responsible=["SOF"], indicators=[
        ...         sm.Indicator(id="i", title="Nöjdhet", unit=sm.Unit.PERCENT,
        ...         targets={2023: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)})])])
        >>> card = sm.assess(plan, [sm.Outcome("i", sm.Period.year(2023), 85)], 2023)
        >>> report = render(card, "markdown", made=dt.date(2024, 2, 20))
        >>> print(report.replace(chr(160), " "), end="")  # no-break spaces
        ## Måluppfyllelse 2023: VP
        <BLANKLINE>
        Bedömt på alla utfall för 2023 · Framtagen 20 februari 2024
        <BLANKLINE>
        | Mål / mått | Status | Ansvarig | Utfall | Målvärde |
        |---|---|---|---|---|
        | **Nämndmål: Nöjda brukare** | ● Grönt | SOF |  |  |
        | ↳ Nöjdhet | ● Grönt |  | 85 % | Grönt: ≥ 80 %, Rött: mindre än 80 % |
        <BLANKLINE>
        Nämndmål: ● Grönt 1 · Mått: ● Grönt 1
    """
    if not isinstance(scorecard, Scorecard):
        raise failure(StyrmodellError, "report.expected_scorecard", "render", value=scorecard)
    if format not in FORMATS:
        raise failure(StyrmodellError, "report.unknown_format", "render", value=format)
    if isinstance(width, bool) or not isinstance(width, int):
        raise failure(StyrmodellError, "report.expected_width", "render", value=width)
    if isinstance(sources, str):
        sources = (sources,)
    report = build(scorecard, locale, made=made, sources=sources, fictional=fictional)
    if format == "text":
        return write_text(report, width=width, color=color)
    if format == "markdown":
        return write_markdown(report)
    return write_html(report)
