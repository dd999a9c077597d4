"""Small inline SVG for the HTML report: a bar of status shares, and a sparkline.

Both are plain SVG elements inside the page: no script, no external reference, nothing a
printer or a mail client has to fetch. Each carries its numbers as a ``<title>`` and an
``aria-label``, and the page prints the same numbers beside it: colour is never the only
signal.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from decimal import Decimal

from styrmodell._status import Status

__all__ = ["COLOURS", "share_bar", "sparkline"]

COLOURS = {
    Status.GREEN: "#2e7d32",
    Status.YELLOW: "#f2b705",
    Status.RED: "#c62828",
    Status.NOT_ASSESSED: "#9e9e9e",
}
"""The fill of each status in the charts (the badges use lighter tints of the same hues)."""

_BAR_WIDTH = 160
_BAR_HEIGHT = 14
_SPARK_WIDTH = 80
_SPARK_HEIGHT = 22
_PAD = 3


def _attr(value: str) -> str:
    return html.escape(value, quote=True)


def share_bar(counts: Mapping[Status, int], label: str) -> str:
    """A horizontal bar split by the share of each status in *counts*; *label* says it in words.

    Examples:
        >>> from styrmodell._status import Status
        >>> bar = share_bar({Status.GREEN: 3, Status.RED: 1}, "3 gröna, 1 röd")
        >>> bar.count("<rect"), 'width="120.0"' in bar
        (2, True)
    """
    total = sum(counts.values())
    label = _attr(label)
    parts = [
        f'<svg class="bar" role="img" aria-label="{label}" width="{_BAR_WIDTH}" '
        f'height="{_BAR_HEIGHT}" viewBox="0 0 {_BAR_WIDTH} {_BAR_HEIGHT}">',
        f"<title>{label}</title>",
    ]
    if total == 0:
        parts.append(
            f'<rect x="0" y="0" width="{_BAR_WIDTH}" height="{_BAR_HEIGHT}" fill="none" '
            'stroke="#9e9e9e"/>'
        )
    x = 0.0
    for status in (Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED):
        n = counts.get(status, 0)
        if not n:
            continue
        width = _BAR_WIDTH * n / total
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="{_BAR_HEIGHT}" '
            f'fill="{COLOURS[status]}"/>'
        )
        x += width
    parts.append("</svg>")
    return "".join(parts)


def sparkline(points: Sequence[tuple[int, Decimal]], label: str, status: Status) -> str:
    """A line through the values of *points* (year, value), the last one marked.

    The last point is drawn in *status*'s colour; *label* lists the values in words.
    Returns ``""`` for fewer than two points: one value is no history.

    Examples:
        >>> from decimal import Decimal
        >>> from styrmodell._status import Status
        >>> line = sparkline([(2022, Decimal(64)), (2023, Decimal(70))], "2022: 64, 2023: 70",
        ...                  Status.GREEN)
        >>> "<polyline" in line and "<circle" in line
        True
        >>> sparkline([(2023, Decimal(70))], "2023: 70", Status.GREEN)
        ''
    """
    if len(points) < 2:
        return ""
    values = [v for _, v in points]
    low, high = min(values), max(values)
    span = high - low
    years = [y for y, _ in points]
    first, last = years[0], years[-1]
    inner_w = _SPARK_WIDTH - 2 * _PAD
    inner_h = _SPARK_HEIGHT - 2 * _PAD

    def xy(year: int, value: Decimal) -> tuple[float, float]:
        x = _PAD + (inner_w * (year - first) / (last - first) if last != first else inner_w / 2)
        y = _PAD + (inner_h / 2 if not span else float((high - value) / span) * inner_h)
        return x, y

    coords = [xy(y, v) for y, v in points]
    label = _attr(label)
    drawn = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    cx, cy = coords[-1]
    return (
        f'<svg class="spark" role="img" aria-label="{label}" width="{_SPARK_WIDTH}" '
        f'height="{_SPARK_HEIGHT}" viewBox="0 0 {_SPARK_WIDTH} {_SPARK_HEIGHT}">'
        f"<title>{label}</title>"
        f'<polyline points="{drawn}" fill="none" stroke="#455a64" stroke-width="1.5"/>'
        f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="2.5" fill="{COLOURS[status]}"/>'
        "</svg>"
    )
