"""The text layer's catalogs: every word styrmodell writes for people, per locale, keyed by code.

Swedish terms: *meddelandekatalog* (a message catalog), *språk* (a locale).

Wording lives in gettext catalogs, one directory per locale under ``locales/``
(``locales/sv/LC_MESSAGES/*.po``), one ``.po`` file per area (thresholds, plans, ledgers,
calendars, reports, the command...). Message ids are codes (``"status.green"``,
``"bands.explain.gap"``), never sentences, and messages take named parameters in Python's
brace syntax (``"{value} faller mellan målvärdets intervall"``). Domain modules pass a code and
its parameters; this module picks the catalog for the locale and fills the parameters in,
numbers formatted by babel for that locale.

Why gettext: it is the ecosystem's convention (babel extracts and compiles it, Poedit and
Weblate edit it, plural rules come with each catalog), and a new locale is a new directory of
``.po`` files — no code changes. The wheel carries compiled ``.mo`` files (the build hook in
``hatch_build.py``); a source checkout reads the ``.po`` files directly through babel.

Locale resolution: ``"sv_SE"`` looks for ``sv_SE``, then ``sv``; a message missing from a
locale's catalog falls back to English, the complete reference catalog. A locale with no
catalog at all gets English words with its own number and date formats.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import gettext

from styrmodell._errors import ABSENT, Problem, StyrmodellError
from styrmodell._locale import format_number, parse_locale

__all__ = [
    "CATALOG_DIR",
    "REFERENCE_LOCALE",
    "available_locales",
    "catalog_ids",
    "failure",
    "has_text",
    "ntext",
    "placeholders",
    "problem",
    "problem_text",
    "short",
    "text",
]

E = TypeVar("E", bound=StyrmodellError)

CATALOG_DIR = Path(__file__).parent / "locales"
"""Where the catalogs live: ``locales/<locale>/LC_MESSAGES/<area>.po`` (and ``.mo``)."""

REFERENCE_LOCALE = "en"
"""The complete catalog every other locale falls back to."""


class _Catalog:
    """The messages of one locale: every area's catalog, merged (ids are unique per area)."""

    def __init__(self, parts: list[gettext.GNUTranslations]) -> None:
        self.messages: dict[str | tuple[str, int], str] = {}
        self._plural: Callable[[int], int] = (
            getattr(parts[0], "plural", None) or (lambda n: int(n != 1))
            if parts
            else (lambda n: int(n != 1))
        )
        for part in parts:
            self.messages.update(part._catalog)  # type: ignore[attr-defined]
        self.messages.pop("", None)  # the header

    def lookup(self, code: str) -> str | None:
        return self.messages.get(code)

    def lookup_plural(self, code: str, n: int) -> str | None:
        return self.messages.get((code, self._plural(n)))


def _read(path: Path) -> gettext.GNUTranslations:
    """One area's catalog: the compiled ``.mo`` (a wheel), else the ``.po`` (a checkout)."""
    import gettext  # on the first message, not on `import styrmodell`

    mo = path.with_suffix(".mo")
    if mo.exists() and (not path.exists() or mo.stat().st_mtime >= path.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    # A source checkout: compile in memory (babel is a runtime dependency already).
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as fp:
        catalog = read_po(fp, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@functools.cache
def _catalog(name: str) -> _Catalog | None:
    folder = CATALOG_DIR / name / "LC_MESSAGES"
    if not folder.is_dir():
        return None
    areas = sorted({p.with_suffix(".po") for p in folder.iterdir() if p.suffix in (".po", ".mo")})
    return _Catalog([_read(area) for area in areas])


@functools.lru_cache(maxsize=64)
def _chain(locale: str) -> tuple[_Catalog, ...]:
    """The catalogs to look in for *locale*, most specific first, ending with English."""
    loc = parse_locale(locale)
    names = []
    if loc.territory:
        names.append(f"{loc.language}_{loc.territory}")
    names.append(loc.language)
    names.append(REFERENCE_LOCALE)
    found: list[_Catalog] = []
    for name in dict.fromkeys(names):
        cat = _catalog(name)
        if cat is not None:
            found.append(cat)
    return tuple(found)


def _missing(code: str) -> StyrmodellError:
    return StyrmodellError(f"no message {code!r} in the catalogs (a bug in styrmodell)")


def _fill(template: str, locale: str, params: Mapping[str, object]) -> str:
    if not params:
        return template
    shown = {key: _shown(value, locale) for key, value in params.items()}
    return template.format_map(shown)


def _shown(value: object, locale: str) -> object:
    # Numbers and dates are written the locale's way; everything else is passed as given
    # (callers format numbers with units themselves, see styrmodell._thresholds._text).
    if isinstance(value, Decimal):
        return format_number(value, locale)
    if isinstance(value, date):
        from babel.dates import format_date

        return format_date(value, format="long", locale=parse_locale(locale))
    return value


def text(code: str, locale: str = "sv", /, **params: object) -> str:
    """The message *code* in *locale*, with *params* filled in.

    Args:
        code: The message id, e.g. ``"status.green"``.
        locale: A babel locale name; Swedish by default.
        **params: The message's named parameters. ``Decimal`` values are written with the
            locale's digit grouping and decimal sign, dates in the locale's long form.

    Raises:
        StyrmodellError: for a code no catalog holds (a bug: a test checks every code).

    Examples:
        >>> text("status.green")
        'Grönt'
        >>> text("status.green", "en")
        'Green'
    """
    for cat in _chain(locale):
        found = cat.lookup(code)
        if found is not None:
            return _fill(found, locale, params)
    raise _missing(code)


def ntext(code: str, n: int, locale: str = "sv", /, **params: object) -> str:
    """The plural form of message *code* for the count *n* (passed to the message as ``n``).

    Examples:
        >>> ntext("count.problems", 1, "en")
        '1 problem'
        >>> ntext("count.problems", 3)
        '3 problem'
    """
    for cat in _chain(locale):
        found = cat.lookup_plural(code, n)
        if found is not None:
            return _fill(found, locale, {"n": n, **params})
    raise _missing(code)


def has_text(code: str, locale: str = "sv") -> bool:
    """Whether some catalog for *locale* (or the English fallback) holds *code*."""
    return any(cat.lookup(code) is not None for cat in _chain(locale))


def available_locales() -> tuple[str, ...]:
    """The locales that have catalogs, e.g. ``("en", "sv")``.

    Examples:
        >>> "sv" in available_locales()
        True
    """
    return tuple(sorted(p.name for p in CATALOG_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()))


def catalog_ids(locale: str) -> frozenset[str]:
    """Every message id of *locale*'s own catalog (plural ids once), without fallbacks."""
    cat = _catalog(locale)
    if cat is None:
        return frozenset()
    return frozenset(k if isinstance(k, str) else k[0] for k in cat.messages)


def placeholders(code: str, locale: str) -> frozenset[str]:
    """The named parameters message *code* uses in *locale*'s own catalog (for tests)."""
    cat = _catalog(locale)
    if cat is None:
        return frozenset()
    forms = [
        v for k, v in cat.messages.items() if k == code or (isinstance(k, tuple) and k[0] == code)
    ]
    import string

    names = set()
    for form in forms:
        for _, field, _, _ in string.Formatter().parse(form):
            if field is not None:
                names.add(field.split(".")[0].split("[")[0].split("!")[0])
    return frozenset(names)


def short(value: object, limit: int = 60) -> str:
    """A repr of *value* short enough for one line of a message (long text is elided).

    Examples:
        >>> short("x" * 100)
        "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...xxxxxxxxxxx' (102 characters)"
    """
    shown = repr(value)
    if len(shown) <= limit:
        return shown
    return f"{shown[: limit - 20]}...{shown[-12:]} ({len(shown)} characters)"


def problem(code: str, path: str = "", /, *, value: object = ABSENT, **params: object) -> Problem:
    """A :class:`~styrmodell.Problem` whose message is catalog entry *code* (in English).

    The offending *value* is kept as it came, and shown in the message as ``{value}``
    (shortened). The problem keeps *code* and *params*, so :func:`problem_text` can word it
    in any locale.

    Examples:
        >>> p = problem("field.expected_text", "Goal.title", value=3)
        >>> str(p)
        'Goal.title: expected text, got 3'
    """
    if value is not ABSENT and "value" not in params:
        params["value"] = short(value)
    return Problem(
        path, text(code, REFERENCE_LOCALE, **params), code=code, value=value, params=params
    )


def failure(
    cls: type[E], code: str, path: str = "", /, *, value: object = ABSENT, **params: object
) -> E:
    """An exception of class *cls* holding one :func:`problem`, to be raised.

    Examples:
        >>> from styrmodell import PlanError
        >>> str(failure(PlanError, "field.expected_text", "Goal.title", value=3))
        'Goal.title: expected text, got 3'
    """
    found = problem(code, path, value=value, **params)
    return cls(str(found), problems=[found])


def problem_text(found: Problem, locale: str = "sv") -> str:
    """*found* worded in *locale* (``"path: message"``); a problem without a code as it is.

    Examples:
        >>> problem_text(problem("field.expected_text", "Goal.title", value=3))
        'Goal.title: förväntade text, fick 3'
    """
    if not found.code or not has_text(found.code, locale):
        return str(found)
    message = text(found.code, locale, **dict(found.params))
    return f"{found.path}: {message}" if found.path else message
