"""The Markdown report: one GitHub-style table for a nämnd's document.

Depth is shown with a visible mark, "›" per level ("› › ↳ Nöjdhet"), never with spaces:
table renderers trim the whitespace of a cell, no-break spaces included. Goals are bold.
Every text from data is escaped so that it stays text: table, emphasis, code and link syntax
with a backslash, ``<``, ``>`` and ``&`` as entities.
"""

from __future__ import annotations

from styrmodell._assessment import one_line
from styrmodell._report._rows import Line, Report, status_word

__all__ = ["DEPTH_MARK", "md", "write_markdown"]

DEPTH_MARK = "›"
"""What a line is prefixed with once per level below the top."""

# Backslash-escape what makes tables, emphasis, code and links (the characters every
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


def md(value: str) -> str:
    """*value* as the text of a Markdown table cell or heading: nothing in it is syntax."""
    return one_line(value).translate(_MARKDOWN)


def _name(line: Line) -> str:
    if line.is_goal:
        marks = f"{DEPTH_MARK} " * line.depth
        return f"{marks}**{md(line.name)}**"
    marks = f"{DEPTH_MARK} " * max(line.depth - 1, 0)
    return f"{marks}↳ {md(line.name)}"


def write_markdown(report: Report) -> str:
    """The report as Markdown: heading, facts, the table and a summary line."""
    locale = report.locale
    has_notes = any(line.notes for line in report.lines)
    head = [report.word("report.column.goal"), report.word("report.column.status")]
    if report.has_responsible:
        head.append(report.word("report.column.responsible"))
    head.append(report.word("report.column.outcome"))
    if report.has_previous:
        head.append(report.word("report.column.previous"))
    head += [g.label(locale) for g in report.genders]
    head.append(report.word("report.column.target"))
    if has_notes:
        head.append(report.word("report.column.notes"))
    out = [f"## {md(report.heading)}", ""]
    facts = [md(report.organisation)] if report.organisation else []
    facts += [md(fact) for fact in report.facts]
    if facts:
        out += [" · ".join(facts), ""]
    if report.fictional:
        out += [f"> **{md(report.fictional)}**", ""]
    out.append("| " + " | ".join(md(h) for h in head) + " |")
    out.append("|" + "---|" * len(head))
    for line in report.lines:
        cells = [_name(line), status_word(line.status, locale)]
        if report.has_responsible:
            cells.append(md(line.responsible))
        cells.append(md(line.outcome))
        if report.has_previous:
            cells.append(md(line.previous))
        for gender in report.genders:
            cell = line.genders.get(gender)
            cells.append(f"{status_word(cell.status, locale)} {md(cell.value)}" if cell else "")
        cells.append(md(line.target))
        if has_notes:
            cells.append("; ".join(md(note) for note in line.notes))
        out.append("| " + " | ".join(cells) + " |")
    out += ["", _summary(report)]
    return "\n".join(out) + "\n"


def _summary(report: Report) -> str:
    parts = []
    for name, counts in report.levels:
        shown = [f"{status_word(s, report.locale)} {n}" for s, n in counts.items() if n]
        if shown:
            parts.append(f"{md(name)}: {', '.join(shown)}")
    return " · ".join(parts)
