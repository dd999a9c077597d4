"""Step one of reading a målvärde: clean text copied from a plan, keeping a map back to it.

Swedish terms: *fotnot* (a footnote mark such as "³"), *hårt mellanslag* (a no-break space).

Text copied out of Word, PDF or a web page carries clutter that is not part of the rule: HTML
tags and entities (``<p>``, ``&nbsp;``), typographic quotes and dashes, no-break and thin
spaces, line breaks inside a table cell, zero-width characters, and footnote marks. One
left-to-right pass turns it into plain text with single spaces, and records for every
character where it came from, so an error can point at the word in the text as the user
wrote it.

What each character becomes:

- spaces of every kind, tabs and line breaks → one space (runs collapse);
- ``–``, ``—``, ``−`` and the other dashes → ``-`` (ranges and minus signs are told apart
  later, by what stands around them);
- typographic quotes → ``"`` or ``'``; zero-width characters, soft hyphens and bidi
  controls → nothing; other control characters → a space;
- an HTML tag (``<p>``, ``</i>``, ``<input type="checkbox"/>``) → a space; an entity
  (``&nbsp;``, ``&lt;``, ``&#8805;``) → its character, normalised in turn;
- a superscript digit (``¹²³…``) is a footnote mark: the målvärde ends there, and what
  follows is the note's text ("Oförändrat antal ³ Nyckeltalet ska redovisas …").

The pass is linear in the length of the text: every character is looked at a bounded number
of times (a ``<`` that opens no tag is kept as a comparator, found with one forward search
shared by all of them).
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

__all__ = ["Normalised", "normalise"]

_SPACES = frozenset(" \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007")
_SPACES |= frozenset("\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\x85")
_DROP = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a\u202b\u202c\u202d\u202e")
_DROP |= frozenset("\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_MAP = {
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\u2043", "-"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
    "\u2026": "...",
    "\u2264": "≤",
    "\u2265": "≥",
    "\uff05": "%",
}
_FOOTNOTES = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
_TAG_START = re.compile(r"</?[A-Za-z!]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{1,31});")
_MAX_TAG = 2000
_SPECIAL = "<&" + "".join(sorted(_FOOTNOTES | _SPACES | _DROP | set(_MAP)))
# A run of characters that stay as they are: copied in one step.
_KEEP = "[^" + re.escape(_SPECIAL) + "\\x00-\\x1f\\x7f-\\x9f]"
# A run of characters that stay as they are, single spaces between them: copied in one step.
_ONE_SPACE = "[" + re.escape("".join(sorted(_SPACES))) + "]"
_PLAIN = re.compile(f"(?:{_KEEP}|{_ONE_SPACE}(?={_KEEP}))+")
# The same once no ">" is left in the text: every "<" from there on is a comparator.
_PLAIN_NO_TAGS = re.compile(f"(?:<|{_KEEP}|{_ONE_SPACE}(?=<|{_KEEP}))+")
_AS_SPACE = str.maketrans(dict.fromkeys(_SPACES, " "))
_SPACE_RUN = re.compile("[" + re.escape("".join(sorted(_SPACES | _DROP))) + "]+")
_LESS_RUN = re.compile("<+(?![A-Za-z!/])")


class Normalised(NamedTuple):
    """Clean text and where each of its characters came from.

    Attributes:
        source: The text as given.
        text: The clean text.
        origin: ``origin[i]`` is the index in *source* of ``text[i]``; one more entry at the
            end holds the index just past the last character read.
    """

    source: str
    text: str
    origin: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of *source* that ``text[start:end]`` came from."""
        lo = self.origin[min(start, len(self.text))]
        hi = self.origin[end - 1] + 1 if end > start else lo
        return lo, max(hi, lo)


def normalise(source: str) -> Normalised:
    r"""Clean *source* in one pass (see the module's docstring for what changes).

    Examples:
        >>> normalise("<p>Grönt: mer än 60\u00a0%</p>").text
        'Grönt: mer än 60 %'
        >>> normalise("Ökning ⁴ jämfört med 2010").text
        'Ökning'
    """
    out: list[str] = []
    origin: list[int] = []
    n = len(source)
    next_gt = source.find(">")  # index of the next ">" at or after i (-1: none left)
    next_lt = -2  # index of the next "<" after i
    i = 0
    last_space = True  # drop leading spaces and collapse runs

    def emit(text: str, at: int) -> None:
        nonlocal last_space
        for ch in text:
            if ch == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            out.append(ch)
            origin.append(at)

    while i < n:
        if next_gt != -1 and next_gt < i:
            next_gt = source.find(">", i)
        plain = (_PLAIN_NO_TAGS if next_gt == -1 else _PLAIN).match(source, i)
        if plain is not None:
            j = plain.end()
            start = i + 1 if last_space and source[i] in _SPACES else i
            out.append(source[start:j].translate(_AS_SPACE))
            origin.extend(range(start, j))
            last_space = False
            i = j
            continue
        run = _SPACE_RUN.match(source, i) or _LESS_RUN.match(source, i)
        if run is not None:
            j = run.end()
            if run.group()[0] == "<":
                out.append(run.group())
                origin.extend(range(i, j))
                last_space = False
            elif any(c in _SPACES for c in run.group()):
                emit(" ", i)
            i = j
            continue
        ch = source[i]
        if ch == "<" and _TAG_START.match(source, i):
            if next_lt != -1 and next_lt <= i:
                next_lt = source.find("<", i + 1)
            closes = next_gt != -1 and next_gt - i <= _MAX_TAG
            if closes and (next_lt == -1 or next_lt > next_gt):
                emit(" ", i)
                i = next_gt + 1
                continue
        elif ch == "&":
            m = _ENTITY.match(source, i)
            if m:
                decoded = html.unescape(m.group())
                if decoded != m.group():
                    for c in decoded:
                        if c in _FOOTNOTES:
                            return _done(source, out, origin, i)
                        emit(_one(c), i)
                    i = m.end()
                    continue
        if ch in _FOOTNOTES:
            return _done(source, out, origin, i)
        emit(_one(ch), i)
        i += 1
    return _done(source, out, origin, n)


def _one(ch: str) -> str:
    if ch in _SPACES:
        return " "
    if ch in _DROP:
        return ""
    mapped = _MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch < " " or "\x7f" <= ch <= "\x9f":
        return " "
    return ch


def _done(source: str, out: list[str], origin: list[int], end: int) -> Normalised:
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    origin.append(origin[-1] + 1 if origin else end)
    return Normalised(source, "".join(out), tuple(origin))
