"""The text report: a table for the terminal that fits a given width.

Titles, notes and targets wrap inside their columns (continuation lines indented under the
title), so no line is wider than the width asked for unless a single word is; the status,
outcome and per-gender columns keep their natural width. Colour (ANSI) is only ever added to
the status word, which also carries its icon: the report reads the same in black and white.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from styrmodell._report._rows import Line, Report, status_word
from styrmodell._status import Status

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "write_text"]

DEFAULT_WIDTH = 100
"""The width of a text report when none is given (the command gives the terminal's)."""

MIN_WIDTH = 40
"""Narrower widths are widened to this: below it no table is readable."""

_ANSI = {Status.GREEN: "32", Status.YELLOW: "33", Status.RED: "31", Status.NOT_ASSESSED: "2"}
_GAP = "  "
_CAP = 14  # a column other than the title and the target wraps beyond this
_MIN_TITLE = 40
_MIN_TARGET = 24
_MIN_NARROW = 36  # the narrowest title beside the outcome


def _wrap(paragraph: str, width: int, indent: str = "", more: str = "") -> list[str]:
    """*paragraph* in lines of at most *width* (words longer than that are broken)."""
    return textwrap.wrap(
        paragraph,
        width=max(width, len(indent) + len(more) + 1),
        initial_indent=indent,
        subsequent_indent=indent + more,
        break_long_words=True,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def _fields(report: Report, line: Line) -> list[tuple[str, str]]:
    """(header, cell) of every column besides the status, the name and the target."""
    locale = report.locale
    out = []
    if report.has_responsible:
        out.append((report.word("report.column.responsible"), line.responsible))
    out.append((report.word("report.column.outcome"), line.outcome))
    if report.has_previous:
        out.append((report.word("report.column.previous"), line.previous))
    for gender in report.genders:
        cell = line.genders.get(gender)
        shown = f"{status_word(cell.status, locale)} {cell.value}" if cell else ""
        out.append((gender.label(locale), shown))
    return out


def _indent(depth: int, width: int) -> str:
    """Two spaces per level, never more than a third of the column."""
    return " " * min(2 * depth, width // 3)


def _name_lines(line: Line, width: int, extra: Sequence[str]) -> list[str]:
    """The name wrapped in its column, then each of *extra* and the notes, indented."""
    indent = _indent(line.depth, width)
    more = "  " if width - len(indent) >= 12 else ""
    out = _wrap(line.name, width, indent, more)
    for note in (*extra, *line.notes):
        out += _wrap(note, width, indent + more, more)
    return out


def _natural_name(line: Line, extra: Sequence[str] = ()) -> int:
    return max(
        [
            len("  " * line.depth + line.name),
            *(len("  " * (line.depth + 1) + n) for n in (*extra, *line.notes)),
        ]
    )


def write_text(report: Report, *, width: int = DEFAULT_WIDTH, color: bool = False) -> str:
    """The report as text at most *width* characters wide (words longer than a column aside).

    When every column fits beside a title of a readable width, the report is one table;
    otherwise only the status, the title and the outcome are columns, and the target, the
    responsible units and the per-gender results follow the title on lines of their own
    ("Målvärde: Grönt: ≥ 80 %, …").
    """
    width = max(width, MIN_WIDTH)
    locale = report.locale
    status_head = report.word("report.column.status")
    name_head = report.word("report.column.goal")
    target_head = report.word("report.column.target")
    status_width = max(len(status_head), *(len(status_word(s, locale)) for s in Status))
    fields = [_fields(report, line) for line in report.lines]
    heads = [h for h, _ in fields[0]] if fields else [report.word("report.column.outcome")]
    natural = [min(_CAP, max(len(h), *(len(f[i][1]) for f in fields))) for i, h in enumerate(heads)]
    natural_name = max([len(name_head), *(_natural_name(line) for line in report.lines)])
    natural_target = max([len(target_head), *(len(line.target) for line in report.lines)])
    gaps = len(_GAP) * (len(heads) + 2)
    left = width - status_width - sum(natural) - gaps
    wide = left >= min(natural_name, _MIN_TITLE) + min(natural_target, _MIN_TARGET)
    if wide:
        target = natural_target
        name = natural_name
        if name + target > left:
            target = min(natural_target, max(_MIN_TARGET, left // 3))
            name = left - target
        widths = [status_width, name, *natural, target]
        head = [status_head, name_head, *heads, target_head]
    else:
        outcome = heads.index(report.word("report.column.outcome"))
        outcome_width = natural[outcome]
        name = width - status_width - outcome_width - 2 * len(_GAP)
        if name >= _MIN_NARROW:
            widths = [status_width, name, outcome_width]
            head = [status_head, name_head, heads[outcome]]
        else:  # too narrow for the outcome beside the title: it follows it as well
            widths = [status_width, width - status_width - len(_GAP)]
            head = [status_head, name_head]
    out = _wrap(report.heading, width)
    if report.organisation:
        out += _wrap(report.organisation, width)
    for fact in report.facts:
        out += _wrap(fact, width, "", "  ")
    if report.fictional:
        out += ["", *_wrap(f"!!! {report.fictional}", width, "", "    ")]
    out += ["", _row([[h] for h in head], widths, None)]
    for line, cells in zip(report.lines, fields, strict=True):
        first = [status_word(line.status, locale)]
        if wide:
            columns = [
                first,
                _name_lines(line, widths[1], ()),
                *(_wrap(c, w) for (_, c), w in zip(cells, widths[2:-1], strict=True)),
                _wrap(line.target, widths[-1]),
            ]
        else:
            beside = head[2] if len(head) > 2 else None
            extra = [f"{h}: {c}" for h, c in cells if c and h != beside]
            if line.has_target:
                extra.insert(
                    1 if beside is None and line.outcome else 0, f"{target_head}: {line.target}"
                )
            columns = [first, _name_lines(line, widths[1], extra)]
            if beside is not None:
                columns.append(_wrap(next(c for h, c in cells if h == beside), widths[2]))
        out.append(_row(columns, widths, line.status if color else None))
    out.append("")
    out += _summary(report, width)
    return "\n".join(out) + "\n"


def _row(columns: list[list[str]], widths: list[int], status: Status | None) -> str:
    """One table row of as many lines as its tallest cell; colour on the status word only."""
    height = max(len(c) for c in columns)
    lines = []
    for n in range(height):
        parts = []
        for i, (cell, w) in enumerate(zip(columns, widths, strict=True)):
            value = cell[n] if n < len(cell) else ""
            padded = value if i == len(columns) - 1 else value.ljust(w)
            if i == 0 and n == 0 and status is not None:
                padded = f"\x1b[{_ANSI[status]}m{padded}\x1b[0m"
            parts.append(padded)
        lines.append(_GAP.join(parts).rstrip())
    return "\n".join(lines)


def _summary(report: Report, width: int) -> list[str]:
    """One line per level: "Nämndmål: ● Grönt 20, ○ Rött 10"."""
    names = [name for name, counts in report.levels if any(counts.values())]
    pad = max((len(n) for n in names), default=0) + 1
    out = []
    for name, counts in report.levels:
        shown = [f"{status_word(s, report.locale)} {n}" for s, n in counts.items() if n]
        if shown:
            out += _wrap(f"{name}:".ljust(pad) + " " + ", ".join(shown), width, "", " " * (pad + 1))
    return out
