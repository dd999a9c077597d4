r"""Text from data made safe to print: no terminal escape sequences, no control characters.

Swedish terms: none; this is about what a title or a cell may hold when it reaches a terminal,
a text report, a calendar or a log.

Plan files, CSV files and Kolada carry text written by people and programs. Printed as it is,
a title holding ``"\x1b]8;;…"`` or ``"\x1b[2J"`` would drive the reader's terminal (OSC links,
clearing the screen), and a lone ``"\r"`` would overwrite the start of its line. Every writer of
text for people passes data through :func:`printable`.
"""

from __future__ import annotations

import re

__all__ = ["printable"]

# C0 and C1 controls except tab and newline, DEL, and the Unicode bidirectional overrides and
# isolates that can reorder what a reader sees (Trojan Source).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    return (
        f"\\x{ord(match.group()):02x}"
        if ord(match.group()) < 0x100
        else f"\\u{ord(match.group()):04x}"
    )


def printable(text: str, *, newlines: bool = True) -> str:
    r"""*text* with every control character written as a visible escape (``\x1b``).

    Args:
        text: Text from data (a title, a cell, a file name).
        newlines: Keep ``\n`` as a line break; with ``False`` it is escaped too (for one-line
            output such as a table cell).

    Examples:
        >>> printable("Mål\x1b[2J")
        'Mål\\x1b[2J'
        >>> printable("a\rb")
        'a\\x0db'
        >>> printable("två\nrader", newlines=False)
        'två\\x0arader'
    """
    safe = _UNSAFE.sub(_shown, text)
    if not newlines:
        safe = safe.replace("\n", "\\x0a")
    return safe
