"""Step two of reading a målvärde: clean text → lexemes (numbers, known phrases, words).

Swedish terms: *decimalkomma* ("2,2"), *tusentalsavgränsare* (the space in "1 000").

The tokenizer cuts the clean text into digit runs, words (letters, with inner hyphens and a
genitive ":s" as in "SKL:s") and single symbols, each with its position and whether a space
stood before it. The lexer then reads, left to right:

- **numbers**: digit runs joined by thousands groups of exactly three digits after one
  space ("1 000", "333 088"), a decimal comma or point ("2,2", "91.74"), a sign glued to the
  digits where no value stands before it ("-0,1", "−4" after "mer än" or a range dash; in
  "40-60" the dash is a range); a fraction ("3/4") and an ISO date ("2019-12-31") stay whole.
  "1.000" is refused as ambiguous (a thousand, or one with three decimals?);
- **phrases** of the vocabulary (``_words``), longest first: "mer än", "i nivå med",
  "%-enheter", "jämfört med", "neg.";
- every other word or symbol as it stands, with no meaning.

Linear by construction: the token pattern is anchored at each position and every
alternative is a single character class run; the phrase index is a trie walked at most as
deep as the longest phrase.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, NamedTuple, NoReturn

from styrmodell._errors import StyrmodellError
from styrmodell._numbers import to_decimal
from styrmodell._parse._words import TABLES, Role

__all__ = ["Kind", "Lexeme", "lex", "tokenize"]


class Kind(enum.Enum):
    """What a lexeme is."""

    NUMBER = "number"
    FRACTION = "fraction"
    DATE = "date"
    WORD = "word"
    SYMBOL = "symbol"


_NO_SENSES: Mapping[Role, object] = MappingProxyType({})


class Lexeme(NamedTuple):
    """One unit of a målvärde: a number, a known phrase, a word or a symbol.

    Attributes:
        kind: Number, fraction, date, word or symbol.
        text: The text as written (clean).
        key: Its lower-case form, as the vocabulary spells it ("mer än").
        start: Where it starts in the clean text.
        end: Where it ends in the clean text.
        senses: What it can mean, by role (empty for a word the vocabulary does not know).
        glued: Whether it follows the lexeme before it with no space.
        number: A number's value; a fraction's numerator.
        other: A fraction's denominator.
        parts: A date's year, month and day (checked by the grammar, which can say where).
        year_like: Whether it is a plain four-digit number 1900–2099 (it may be a year).
    """

    kind: Kind
    text: str
    key: str
    start: int
    end: int
    senses: Mapping[Role, object] = _NO_SENSES
    glued: bool = False
    number: Decimal | None = None
    other: Decimal | None = None
    parts: tuple[int, int, int] | None = None
    year_like: bool = False

    def sense(self, role: Role) -> Any:
        """Its meaning in *role*, or ``None``."""
        return self.senses.get(role)

    @property
    def is_value(self) -> bool:
        """A number or a fraction."""
        return self.kind is Kind.NUMBER or self.kind is Kind.FRACTION


# One token: (kind: "d" digits, "w" word, "o" other symbol, text, start, end, glued).
Token = tuple[str, str, int, int, bool]

_TOKEN = re.compile(
    r"(?P<d>[0-9]+)|(?P<w>[^\W\d_]+(?:-[^\W\d_]+)*(?::s(?![^\W\d_]))?)|(?P<s> +)|(?P<o>.)",
    re.DOTALL,
)


def tokenize(text: str) -> list[Token]:
    """Cut clean *text* into digit runs, words and symbols (spaces only mark gluing).

    Examples:
        >>> [t[1] for t in tokenize("Grönt: mer än 60% (SKL:s)")]
        ['Grönt', ':', 'mer', 'än', '60', '%', '(', 'SKL:s', ')']
    """
    out: list[Token] = []
    glued = False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "s":
            glued = False
            continue
        out.append((kind or "o", m.group(), m.start(), m.end(), glued))
        glued = True
    return out


@functools.cache
def _trie() -> Mapping[str, Any]:
    """The vocabulary as a trie over token keys; ``None`` in a node holds the senses."""
    root: dict[str, Any] = {}
    senses: dict[tuple[str, ...], dict[Role, object]] = {}
    for role, table in TABLES.items():
        for phrase, meaning in table.items():
            keys = tuple(t[1].casefold() for t in tokenize(phrase))
            senses.setdefault(keys, {})[role] = meaning
    for keys, meanings in senses.items():
        node = root
        for key in keys:
            node = node.setdefault(key, {})
        node[None] = MappingProxyType(meanings)  # type: ignore[index]
    return root


Fail = Callable[..., NoReturn]
"""``fail(code, start, end, **params)``: raise the parser's error for text[start:end]."""


def lex(text: str, fail: Fail) -> list[Lexeme]:
    """Read clean *text* into lexemes (see the module's docstring).

    Args:
        text: Normalised text.
        fail: Raises the parser's error for a bad number, given its code and where it is.

    Examples:
        >>> [x.text for x in lex("Grönt: mer än -4,1 %", None)]  # type: ignore[arg-type]
        ['Grönt', ':', 'mer än', '-4,1', '%']
    """
    tokens = tokenize(text)
    keys = [t[1].casefold() for t in tokens]
    trie = _trie()
    out: list[Lexeme] = []
    n = len(tokens)
    k = 0
    while k < n:
        kind, tok, start, end, glued = tokens[k]
        if kind == "d":
            k = _number(text, tokens, k, out, None, fail)
            continue
        if (
            tok in "-+"
            and k + 1 < n
            and tokens[k + 1][0] == "d"
            and tokens[k + 1][4]
            and not _value_ends(out)
        ):
            k = _number(text, tokens, k + 1, out, (tok, start, glued), fail)
            continue
        # The longest phrase of the vocabulary that starts here.
        node: Mapping[Any, Any] | None = trie
        found: Mapping[Role, object] | None = None
        found_at = k
        j = k
        while j < n and tokens[j][0] != "d" and node is not None:
            node = node.get(keys[j])
            if node is None:
                break
            if None in node:
                found, found_at = node[None], j
            j += 1
        if found is not None:
            last_end = tokens[found_at][3]
            out.append(
                Lexeme(
                    Kind.WORD if kind == "w" else Kind.SYMBOL,
                    text[start:last_end],
                    " ".join(keys[k : found_at + 1]),
                    start,
                    last_end,
                    found,
                    glued=glued,
                )
            )
            k = found_at + 1
            continue
        out.append(
            Lexeme(Kind.WORD if kind == "w" else Kind.SYMBOL, tok, keys[k], start, end, glued=glued)
        )
        k += 1
    return out


def _value_ends(out: list[Lexeme]) -> bool:
    """Whether the lexeme before is the end of a value (so a "-" after it is a range)."""
    if not out:
        return False
    last = out[-1]
    return last.is_value or last.text in (")", "%") or Role.UNIT in last.senses


def _number(
    text: str,
    tokens: list[Any],
    k: int,
    out: list[Lexeme],
    sign: tuple[str, int, bool] | None,
    fail: Fail,
) -> int:
    """Read the number whose first digit run is ``tokens[k]``; return the next index."""
    n = len(tokens)
    _, digits, start, end, glued = tokens[k]
    if sign is not None:
        start, glued = sign[1], sign[2]
    groups = [digits]
    j = k + 1
    # A date: 2019-12-31 (the parts are checked by the grammar).
    if (
        sign is None
        and len(digits) == 4
        and j + 3 < n
        and all(tokens[x][4] for x in range(j, j + 4))
        and tokens[j][1] == "-"
        and tokens[j + 1][0] == "d"
        and tokens[j + 2][1] == "-"
        and tokens[j + 3][0] == "d"
        and len(tokens[j + 1][1]) <= 2
        and len(tokens[j + 3][1]) <= 2
    ):
        last = tokens[j + 3]
        parts = (int(digits), int(tokens[j + 1][1]), int(tokens[j + 3][1]))
        written = text[start : last[3]]
        out.append(Lexeme(Kind.DATE, written, written, start, last[3], glued=glued, parts=parts))
        return j + 4
    # Thousands groups: exactly three digits after exactly one space.
    if len(digits) <= 3:
        while (
            j < n
            and tokens[j][0] == "d"
            and not tokens[j][4]
            and len(tokens[j][1]) == 3
            and tokens[j][2] == end + 1
        ):
            groups.append(tokens[j][1])
            end = tokens[j][3]
            j += 1
    decimals = ""
    if (
        j + 1 < n
        and tokens[j][1] in ",."
        and tokens[j][4]
        and tokens[j + 1][0] == "d"
        and tokens[j + 1][4]
    ):
        decimals = tokens[j + 1][1]
        if (
            tokens[j][1] == "."
            and len(groups) == 1
            and len(decimals) == 3
            and digits.lstrip("0") != ""
            and len(digits) <= 3
        ):
            fail(
                "parse.ambiguous_number",
                start,
                tokens[j + 1][3],
                number=text[start : tokens[j + 1][3]],
            )
        end = tokens[j + 1][3]
        j += 2
    whole = "".join(groups)
    minus = sign is not None and sign[0] == "-"
    written = text[start:end]
    value = _decimal(("-" if minus else "") + whole + ("." + decimals if decimals else ""))
    if value is None:
        fail("parse.bad_number", start, end, number=written)
    # A fraction: 3/4.
    if (
        not decimals
        and len(groups) == 1
        and sign is None
        and j + 1 < n
        and tokens[j][1] == "/"
        and tokens[j][4]
        and tokens[j + 1][0] == "d"
        and tokens[j + 1][4]
    ):
        below = _decimal(tokens[j + 1][1])
        if below is None:
            fail("parse.bad_number", start, tokens[j + 1][3], number=text[start : tokens[j + 1][3]])
        out.append(
            Lexeme(
                Kind.FRACTION,
                text[start : tokens[j + 1][3]],
                text[start : tokens[j + 1][3]],
                start,
                tokens[j + 1][3],
                glued=glued,
                number=value,
                other=below,
            )
        )
        return j + 2
    year_like = (
        sign is None
        and len(groups) == 1
        and not decimals
        and len(digits) == 4
        and 1900 <= int(digits) <= 2099
    )
    out.append(
        Lexeme(
            Kind.NUMBER,
            written,
            written,
            start,
            end,
            glued=glued,
            number=value,
            year_like=year_like,
        )
    )
    # "2018r": a single letter glued to a year is a flattened footnote mark (dropped).
    if (
        year_like
        and j < n
        and tokens[j][0] == "w"
        and tokens[j][4]
        and len(tokens[j][1]) == 1
        and (j + 1 >= n or not tokens[j + 1][4] or tokens[j + 1][0] == "o")
    ):
        j += 1
    return j


def _decimal(text: str) -> Decimal | None:
    try:
        return to_decimal(text, what="number")
    except StyrmodellError:
        return None
