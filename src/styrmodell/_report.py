"""Reports: a scorecard as a terminal table, a Markdown table or one self-contained HTML page.

Swedish terms: *måluppfyllelse* (goal attainment), *uppföljning* (follow-up report),
*utfall* (outcome), *målvärde* (target), *kvinnor / män* (per kön).

Status is never shown by colour alone: every status also has its word ("Grönt") and an
icon (●, ◐, ○, –), so a report prints in black and white and reads with a screen reader.

Text from data (titles, level names, outcomes) is made safe for each format: line breaks
become spaces and control characters visible escapes in every format
(:func:`styrmodell._safe.printable`); Markdown also escapes its table, emphasis and link
syntax and HTML's ``<``, ``>`` and ``&``, so a title cannot add a row, a link or a tag; HTML
escapes everything.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from typing import Literal

import attrs

from styrmodell._assessment import (
    GoalResult,
    IndicatorResult,
    Scorecard,
    _target_text,
    _value_text,
    one_line,
)
from styrmodell._errors import StyrmodellError
from styrmodell._locale import parse_locale
from styrmodell._messages import REFERENCE_LOCALE, available_locales, failure, text
from styrmodell._outcomes import Gender
from styrmodell._status import Status

__all__ = ["ReportFormat", "render"]

ReportFormat = Literal["text", "markdown", "html"]

_ICONS = {Status.GREEN: "●", Status.YELLOW: "◐", Status.RED: "○", Status.NOT_ASSESSED: "–"}
_ANSI = {Status.GREEN: "32", Status.YELLOW: "33", Status.RED: "31", Status.NOT_ASSESSED: "2"}
_CSS_CLASS = {
    Status.GREEN: "green",
    Status.YELLOW: "yellow",
    Status.RED: "red",
    Status.NOT_ASSESSED: "none",
}
_ORDER = (Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED)

# Markdown: backslash-escape what makes tables, emphasis, code and links (the characters every
# CommonMark renderer and Python-Markdown both accept escaped); HTML's characters as entities
# (Python-Markdown does not accept "\<").
_MARKDOWN = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "<": "&lt;",
        ">": "&gt;",
        "&": "&amp;",
    }
)


def _md(value: str) -> str:
    """*value* as the text of a Markdown table cell or heading: nothing in it is syntax."""
    return one_line(value).translate(_MARKDOWN)


def _html(value: str) -> str:
    """*value* as HTML text or an attribute value."""
    return html.escape(one_line(value))


@attrs.frozen
class _Row:
    depth: int
    is_goal: bool
    label: str
    title: str
    status: Status
    outcome: str
    target: str
    genders: dict[Gender, str]


def _rows(card: Scorecard, locale: str) -> Iterator[_Row]:
    def goal_rows(result: GoalResult) -> Iterator[_Row]:
        levels = card.plan.levels
        level = levels[result.level] if result.level < len(levels) else ""
        yield _Row(
            result.level,
            True,
            level,
            result.goal.title or result.goal.id,
            result.status,
            "",
            "",
            {},
        )
        for ind in result.indicators:
            yield _indicator_row(ind, result.level + 1, locale)
        for child in result.children:
            yield from goal_rows(child)

    for goal in card.goals:
        yield from goal_rows(goal)


def _indicator_row(ind: IndicatorResult, depth: int, locale: str) -> _Row:
    target = _target_text(ind.threshold, locale)
    genders: dict[Gender, str] = {}
    per_gender = ind.by_gender()
    for gender in (Gender.WOMEN, Gender.MEN):
        found = per_gender.get(gender)
        if found is not None:
            outcome = ind.outcomes.get((gender, ind.org_unit))
            value = _value_text(outcome, ind.indicator, locale)
            genders[gender] = f"{_ICONS[found.status]} {found.status.label(locale)} {value}".strip()
    return _Row(
        depth,
        False,
        "",
        ind.indicator.title or ind.id,
        ind.status,
        _value_text(ind.outcome, ind.indicator, locale),
        target,
        genders,
    )


def _heading(card: Scorecard, locale: str, escape: Callable[[str], str]) -> str:
    plan = escape(card.plan.title or card.plan.id)
    if card.as_of is None:
        return text("report.heading", locale, year=card.year, plan=plan)
    return text(
        "report.heading.as_of", locale, year=card.year, plan=plan, date=card.as_of.isoformat()
    )


def _lang(locale: str) -> str:
    """The BCP 47 tag of the words' language: the locale's, or English when it has no catalog."""
    found = parse_locale(locale)
    if found.language not in available_locales():
        return REFERENCE_LOCALE
    return f"{found.language}-{found.territory}" if found.territory else found.language


def _level_counts(card: Scorecard) -> list[tuple[str, dict[Status, int]]]:
    out: list[tuple[str, dict[Status, int]]] = []
    for number, name in enumerate(card.plan.levels):
        counts = dict.fromkeys(_ORDER, 0)
        for goal in card.walk():
            if goal.level == number:
                counts[goal.status] += 1
        out.append((name, counts))
    counts = dict.fromkeys(_ORDER, 0)
    for ind in card.all_indicators():
        counts[ind.status] += 1
    out.append(("", counts))
    return out


def render(
    scorecard: Scorecard,
    format: ReportFormat | str = "text",
    locale: str = "sv",
    *,
    color: bool = False,
) -> str:
    """Render a scorecard as a report: ``"text"``, ``"markdown"`` or ``"html"``.

    Args:
        scorecard: What :func:`~styrmodell.assess` returned.
        format: ``"text"`` (a table for the terminal), ``"markdown"`` (a table for a
            nämnd's document) or ``"html"`` (one self-contained, print-friendly page).
        locale: ``"sv"`` (default) or ``"en"``; numbers follow the locale.
        color: Colour the status words with ANSI codes (text only; the command turns it on
            when the output is a terminal).

    Returns:
        The report. Every goal and indicator of the plan is in it, with its status as a
        word and an icon, the outcome, the target as :func:`~styrmodell.describe` says
        it, and columns for women and men where an indicator is followed up per kön.

    Raises:
        StyrmodellError: for an unknown format.

    Examples:
        >>> import styrmodell as sm
        >>> plan = sm.Plan(id="p", title="VP", years=2023, levels=("Nämndmål",), goals=[
        ...     sm.Goal(id="g", title="Nöjda brukare", indicators=[sm.Indicator(
        ...         id="i", title="Nöjdhet", unit=sm.Unit.PERCENT,
        ...         targets={2023: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)})])])
        >>> card = sm.assess(plan, [sm.Outcome("i", sm.Period.year(2023), 85)], 2023)
        >>> print(render(card, "markdown").replace(chr(160), " "), end="")  # no-break spaces
        ## Måluppfyllelse 2023: VP
        <BLANKLINE>
        | Mål / mått | Status | Utfall | Målvärde |
        |---|---|---|---|
        | **Nämndmål: Nöjda brukare** | ● Grönt |  |  |
        | ↳ Nöjdhet | ● Grönt | 85 % | Grönt: ≥ 80 %, Rött: mindre än 80 % |
        <BLANKLINE>
        Nämndmål: ● Grönt 1 · Mått: ● Grönt 1
    """
    if not isinstance(scorecard, Scorecard):
        raise failure(StyrmodellError, "report.expected_scorecard", "render", value=scorecard)
    rows = list(_rows(scorecard, locale))
    if format == "text":
        return _text(scorecard, rows, locale, color)
    if format == "markdown":
        return _markdown(scorecard, rows, locale)
    if format == "html":
        return _page(scorecard, rows, locale)
    raise failure(StyrmodellError, "report.unknown_format", "render", value=format)


def _summary_line(card: Scorecard, locale: str, escape: Callable[[str], str]) -> str:
    parts = []
    for name, counts in _level_counts(card):
        shown = [f"{_ICONS[s]} {s.label(locale)} {n}" for s, n in counts.items() if n]
        if shown:
            label = escape(name) if name else text("report.indicators", locale)
            parts.append(f"{label}: {', '.join(shown)}")
    return " · ".join(parts)


def _header(genders: list[Gender], locale: str, *, status_first: bool) -> list[str]:
    goal, status = text("report.column.goal", locale), text("report.column.status", locale)
    first = [status, goal] if status_first else [goal, status]
    return [
        *first,
        text("report.column.outcome", locale),
        *(g.label(locale) for g in genders),
        text("report.column.target", locale),
    ]


def _gender_columns(rows: list[_Row]) -> list[Gender]:
    return [g for g in (Gender.WOMEN, Gender.MEN) if any(g in r.genders for r in rows)]


def _text(card: Scorecard, rows: list[_Row], locale: str, color: bool) -> str:
    genders = _gender_columns(rows)
    header = _header(genders, locale, status_first=True)
    table: list[list[str]] = []
    statuses: list[Status | None] = []
    for r in rows:
        title = one_line(r.title)
        title = title if len(title) <= 70 else title[:69] + "…"
        label = one_line(r.label)
        name = "  " * r.depth + (f"{label}: {title}" if r.is_goal and label else title)
        cells = [f"{_ICONS[r.status]} {r.status.label(locale)}", name, one_line(r.outcome)]
        cells += [one_line(r.genders.get(g, "")) for g in genders] + [one_line(r.target)]
        table.append(cells)
        statuses.append(r.status)
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header) - 1)]
    lines = [_heading(card, locale, one_line), ""]
    lines.append(
        "  ".join([*(h.ljust(w) for h, w in zip(header, widths, strict=False)), header[-1]])
    )
    for cells, status in zip(table, statuses, strict=True):
        first = cells[0].ljust(widths[0])
        if color and status is not None:
            first = f"\x1b[{_ANSI[status]}m{first}\x1b[0m"
        rest = [c.ljust(w) for c, w in zip(cells[1:-1], widths[1:], strict=True)]
        lines.append("  ".join([first, *rest, cells[-1]]).rstrip())
    lines += ["", _summary_line(card, locale, one_line)]
    return "\n".join(lines) + "\n"


def _markdown(card: Scorecard, rows: list[_Row], locale: str) -> str:
    genders = _gender_columns(rows)
    header = [_md(h) for h in _header(genders, locale, status_first=False)]
    lines = [f"## {_heading(card, locale, _md)}", ""]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    for r in rows:
        pad = "\u00a0\u00a0" * max(r.depth - 1, 0)
        if r.is_goal:
            name = f"{pad}**{_md(f'{r.label}: {r.title}' if r.label else r.title)}**"
        else:
            name = f"{pad}↳ {_md(r.title)}"
        cells = [name, f"{_ICONS[r.status]} {r.status.label(locale)}", _md(r.outcome)]
        cells += [_md(r.genders.get(g, "")) for g in genders] + [_md(r.target)]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", _summary_line(card, locale, _md)]
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem;
       color: #1a1a1a; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left;
         vertical-align: top; }
th { background: #f0f0f0; }
tr.goal td { font-weight: 600; background: #fafafa; }
.status { white-space: nowrap; font-weight: 600; border-radius: 0.3rem; padding: 0.1rem 0.4rem; }
.green { background: #d4edda; color: #14532d; }
.yellow { background: #fff3cd; color: #713f12; }
.red { background: #f8d7da; color: #7f1d1d; }
.none { background: #e9ecef; color: #374151; }
.summary td, .summary th { text-align: center; }
.summary td:first-child, .summary th:first-child { text-align: left; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #555; }
@media print {
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { page-break-inside: avoid; }
  thead { display: table-header-group; }
}
""".strip()


def _badge(status: Status, locale: str) -> str:
    word = _html(status.label(locale))
    return f'<span class="status {_CSS_CLASS[status]}">{_ICONS[status]} {word}</span>'


def _page(card: Scorecard, rows: list[_Row], locale: str) -> str:
    e = _html
    genders = _gender_columns(rows)
    head = _header(genders, locale, status_first=False)
    heading = e(_heading(card, locale, str))
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(_lang(locale))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}</title>",
        f"<style>\n{_CSS}\n</style>",
        "</head>",
        "<body>",
        f"<h1>{heading}</h1>",
        f"<h2>{e(text('report.summary', locale))}</h2>",
        '<table class="summary">',
        "<thead><tr><th>"
        + e(text("report.column.level", locale))
        + "</th>"
        + "".join(f"<th>{_badge(s, locale)}</th>" for s in _ORDER)
        + "</tr></thead>",
        "<tbody>",
    ]
    for name, counts in _level_counts(card):
        cells = "".join(f"<td>{counts[s]}</td>" for s in _ORDER)
        out.append(f"<tr><td>{e(name or text('report.indicators', locale))}</td>{cells}</tr>")
    out += [
        "</tbody>",
        "</table>",
        f"<h2>{e(text('report.column.goal', locale))}</h2>",
        '<table class="scorecard">',
        "<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for r in rows:
        indent = f' style="padding-left: {0.5 + 1.2 * r.depth:.1f}rem"'
        if r.is_goal:
            name = f"{e(r.label)}: {e(r.title)}" if r.label else e(r.title)
            css = "goal"
        else:
            name = e(r.title)
            css = "indicator"
        row = [
            f"<td{indent}>{name}</td>",
            f"<td>{_badge(r.status, locale)}</td>",
            f"<td>{e(r.outcome)}</td>",
            *(f"<td>{e(r.genders.get(g, ''))}</td>" for g in genders),
            f"<td>{e(r.target)}</td>",
        ]
        out.append(f'<tr class="{css}">' + "".join(row) + "</tr>")
    out += [
        "</tbody>",
        "</table>",
        f"<footer>{e(text('report.generated', locale))} · {e(card.plan.organisation)}</footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"
