"""The HTML report: one self-contained page to send or print.

Inline CSS and inline SVG only: no script, no link, nothing fetched from elsewhere. Every
status is a badge with its icon and word (never colour alone), the per-gender cells too;
each målområde has a bar of its indicators' statuses, each indicator with a history a
sparkline, both with their numbers in words. ``@media print`` and ``@page`` lay it out
on A4 in landscape, table headers repeating on each page and rows never split.
Everything from data is escaped.
"""

from __future__ import annotations

import html

from styrmodell._assessment import one_line
from styrmodell._locale import parse_locale
from styrmodell._messages import REFERENCE_LOCALE, available_locales, ntext, text
from styrmodell._report._rows import ICONS, ORDER, Line, Report, Section
from styrmodell._report._svg import share_bar, sparkline
from styrmodell._status import Status

__all__ = ["write_html"]

_CSS_CLASS = {
    Status.GREEN: "green",
    Status.YELLOW: "yellow",
    Status.RED: "red",
    Status.NOT_ASSESSED: "none",
}

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5rem;
       color: #1a1a1a; }
h1 { font-size: 1.4rem; margin-bottom: 0.3rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
.facts, .org { margin: 0.2rem 0; color: #374151; }
.fictional { border: 2px solid #7f1d1d; background: #fdecea; color: #7f1d1d; font-weight: 600;
             padding: 0.5rem 0.8rem; border-radius: 0.3rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left;
         vertical-align: top; }
th { background: #f0f0f0; }
tr.goal td { font-weight: 600; background: #fafafa; }
td.name { min-width: 8rem; width: 30%; }
td.target { min-width: 7rem; }
td.name, td.target { overflow-wrap: anywhere; }  /* long compounds: äldreomsorgsförvaltningen */
td.gender .status { display: inline-block; margin-bottom: 0.1rem; }
.note { font-weight: normal; font-size: 0.8rem; color: #4b5563; margin-top: 0.15rem; }
.status { white-space: nowrap; font-weight: 600; border-radius: 0.3rem; padding: 0.1rem 0.4rem; }
.green { background: #d4edda; color: #14532d; }
.yellow { background: #fff3cd; color: #713f12; }
.red { background: #f8d7da; color: #7f1d1d; }
.none { background: #e9ecef; color: #374151; }
.summary td, .summary th { text-align: center; }
.summary td:first-child, .summary th:first-child { text-align: left; }
svg { vertical-align: middle; }
.counts { font-size: 0.85rem; color: #374151; }
footer { margin-top: 2rem; font-size: 0.8rem; color: #555; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 9pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
""".strip()


def e(value: str) -> str:
    """*value* as HTML text or an attribute value (on one line, everything escaped)."""
    return html.escape(one_line(value))


def _lang(locale: str) -> str:
    """The BCP 47 tag of the words' language: the locale's, or English when it has no catalog."""
    found = parse_locale(locale)
    if found.language not in available_locales():
        return REFERENCE_LOCALE
    return f"{found.language}-{found.territory}" if found.territory else found.language


def badge(status: Status, locale: str) -> str:
    """The status as a coloured badge with its icon and word."""
    word = e(status.label(locale))
    return f'<span class="status {_CSS_CLASS[status]}">{ICONS[status]} {word}</span>'


def _tally(counts: dict[Status, int] | Section, locale: str) -> str:
    found = counts.counts if isinstance(counts, Section) else counts
    shown = [ntext(f"report.share.{s.value}", n, locale) for s, n in found.items() if n]
    return ", ".join(shown) or text("report.no_indicators", locale)


def _name(line: Line) -> str:
    indent = f' style="padding-left: {0.4 + 0.8 * line.depth:.1f}rem"'
    notes = "".join(f'<div class="note">{e(note)}</div>' for note in line.notes)
    return f'<td class="name"{indent}>{e(line.name)}{notes}</td>'


def _history(line: Line, locale: str) -> str:
    label = ", ".join(f"{year}: {shown}" for year, _, shown in line.history)
    points = [(year, value) for year, value, _ in line.history]
    return sparkline(points, text("report.history", locale, values=label), line.status)


def write_html(report: Report) -> str:
    """The report as one HTML page."""
    locale = report.locale
    has_history = any(len(line.history) > 1 for line in report.lines)
    head = [report.word("report.column.goal"), report.word("report.column.status")]
    if report.has_responsible:
        head.append(report.word("report.column.responsible"))
    head.append(report.word("report.column.outcome"))
    if has_history:
        head.append(report.word("report.column.history"))
    if report.has_previous:
        head.append(report.word("report.column.previous"))
    head += [g.label(locale) for g in report.genders]
    head.append(report.word("report.column.target"))
    heading = e(report.heading)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(_lang(locale))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{heading}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{heading}</h1>",
    ]
    if report.organisation:
        out.append(f'<p class="org">{e(report.organisation)}</p>')
    out.append('<p class="facts">' + " · ".join(e(f) for f in report.facts) + "</p>")
    if report.fictional:
        out.append(f'<p class="fictional" role="note">⚠ {e(report.fictional)}</p>')
    out += [
        "</header>",
        f"<h2>{e(report.word('report.summary'))}</h2>",
        '<table class="summary">',
        "<thead><tr><th>"
        + e(report.word("report.column.level"))
        + "</th>"
        + "".join(f"<th>{badge(s, locale)}</th>" for s in ORDER)
        + "</tr></thead>",
        "<tbody>",
    ]
    for name, counts in report.levels:
        cells = "".join(f"<td>{counts[s]}</td>" for s in ORDER)
        out.append(f"<tr><td>{e(name)}</td>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    if report.sections:
        out += _sections(report)
    out += [
        f"<h2>{e(report.word('report.column.goal'))}</h2>",
        '<table class="scorecard">',
        "<thead><tr>" + "".join(f"<th>{e(h)}</th>" for h in head) + "</tr></thead>",
        "<tbody>",
    ]
    for line in report.lines:
        row = [_name(line), f"<td>{badge(line.status, locale)}</td>"]
        if report.has_responsible:
            row.append(f"<td>{e(line.responsible)}</td>")
        row.append(f'<td class="number">{e(line.outcome)}</td>')
        if has_history:
            row.append(f"<td>{_history(line, locale)}</td>")
        if report.has_previous:
            row.append(f'<td class="number">{e(line.previous)}</td>')
        for gender in report.genders:
            cell = line.genders.get(gender)
            shown = f"{badge(cell.status, locale)} {e(cell.value)}" if cell else ""
            row.append(f'<td class="gender">{shown}</td>')
        row.append(f'<td class="target">{e(line.target)}</td>')
        css = "goal" if line.is_goal else "indicator"
        out.append(f'<tr class="{css}">' + "".join(row) + "</tr>")
    footer = e(report.word("report.generated"))
    if report.organisation:
        footer += f" · {e(report.organisation)}"
    out += ["</tbody>", "</table>", f"<footer>{footer}</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"


def _sections(report: Report) -> list[str]:
    """Per målområde: its status, a bar of its indicators' statuses and the counts in words."""
    locale = report.locale
    first_level = report.levels[0][0] if len(report.levels) > 1 else ""
    out = [
        f"<h2>{e(report.word('report.sections', level=first_level))}</h2>",
        '<table class="sections">',
        "<thead><tr>"
        f"<th>{e(first_level or report.word('report.column.goal'))}</th>"
        f"<th>{e(report.word('report.column.status'))}</th>"
        f"<th>{e(report.word('report.column.shares'))}</th>"
        "</tr></thead>",
        "<tbody>",
    ]
    for section in report.sections:
        words = _tally(section, locale)
        out.append(
            f"<tr><td>{e(section.title)}</td><td>{badge(section.status, locale)}</td>"
            f"<td>{share_bar(section.counts, words)} "
            f'<span class="counts">{e(words)}</span></td></tr>'
        )
    out += ["</tbody>", "</table>"]
    return out
