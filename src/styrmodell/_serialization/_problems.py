"""Problems with documents: what a file holds in words, and cattrs' errors as a problem list.

Swedish terms: *sökväg* (a path in a document, ``goals[2].indicators[0].unit``).

The converter runs with cattrs' detailed validation: a failure deep in a plan arrives as a tree
of ``ClassValidationError`` and ``IterableValidationError`` exception groups whose notes say
which field or item failed. :func:`problems_of` hands that tree to cattrs' own
``transform_error`` with a formatter of ours, and turns each leaf into
:class:`~styrmodell.Problem` values whose paths are paths in the document.
"""

from __future__ import annotations

import ast
import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.v import transform_error

from styrmodell._errors import ABSENT, Problem, SerializationError, StyrmodellError
from styrmodell._messages import REFERENCE_LOCALE, failure, problem, short, text

__all__ = [
    "Shown",
    "closest",
    "fail",
    "fail_at",
    "join",
    "problems_of",
    "refused",
    "shown",
]

_IDENTIFIER = re.compile(r"^[A-Za-z0-9_]+$")
# A path that a class's own check writes as "Class.field" (the field toolkit's notation).
_CLASS_QUALIFIED = re.compile(r"^[A-Z][A-Za-z0-9_]*(?=\.|\[|$)")
# cattrs' path notation: ".name" for a field, "[0]" for an index, "['key']" for a key.
_CATTRS_STEP = re.compile(
    r"""\.(?P<name>[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|\[(?P<index>-?\d+)\]"""
    r"""|\[(?P<key>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\]"""
)


@attrs.frozen
class Shown:
    """A value found in a file, in the words of JSON and TOML ("the text 'x'", "a list [1]").

    It is a message parameter that words itself in the locale its format spec names: the
    English catalog writes ``{got}``, the Swedish ``{got:sv}``, so one problem renders in
    either language (:func:`styrmodell._messages.problem_text`).

    Examples:
        >>> str(shown("x"))
        "the text 'x'"
        >>> format(shown([1, 2]), "sv")
        'listan [1, 2]'
    """

    kind: str
    value: str = ""

    def __format__(self, spec: str) -> str:
        return text(f"serialization.kind.{self.kind}", spec or REFERENCE_LOCALE, value=self.value)

    def __str__(self) -> str:
        return format(self, "")


def shown(value: object) -> Shown:
    """*value* as a :class:`Shown` ("the number 3", "null", "a table {...}")."""
    if value is None:
        return Shown("null")
    if isinstance(value, bool):
        return Shown("boolean", "true" if value else "false")
    if isinstance(value, str):
        return Shown("text", short(value))
    if isinstance(value, float):
        return Shown("decimal", repr(value))
    if isinstance(value, int):
        return Shown("number", short(value))
    if isinstance(value, list | tuple):
        return Shown("list", short(list(value)))
    if isinstance(value, Mapping):
        return Shown("table", short(dict(value)))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return Shown("time", value.isoformat())
    return Shown("other", f"{type(value).__name__} {short(value)}")


def fail(code: str, value: object = ABSENT, /, **params: object) -> NoReturn:
    """Raise a :class:`~styrmodell.SerializationError` with one problem *code* (no path yet).

    When *value* is given, it is kept on the problem and offered to the message both as
    ``{value}`` (its repr, shortened) and as ``{got}`` (in words, :func:`shown`).
    """
    if value is not ABSENT and "got" not in params:
        params["got"] = shown(value)
    raise failure(SerializationError, code, "", value=value, **params)


def fail_at(
    field: str, owner: Any, code: str, value: object = ABSENT, /, **params: object
) -> NoReturn:
    """Raise problem *code* as cattrs would for *field* of *owner* (its path ends in ``.field``)."""
    try:
        fail(code, value, **params)
    except SerializationError as exc:
        exc.__notes__ = [AttributeValidationNote(f"Structuring {owner} @ {field}", field, str)]
        raise ClassValidationError(f"While structuring {owner}", [exc], owner) from None


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to *word* (case-insensitive), or ``None`` when none is close."""
    options = {c.lower(): c for c in choices}
    found = difflib.get_close_matches(word.lower(), list(options), n=1)
    return options[found[0]] if found else None


def join(path: str, key: object) -> str:
    """*path* extended by a key or an index: ``goals[0]``, ``targets.2024``, ``refs['a b']``."""
    if isinstance(key, int) and not isinstance(key, bool):
        return f"{path}[{key}]"
    text_ = str(key)
    if not _IDENTIFIER.match(text_):
        return f"{path}[{text_!r}]"
    return f"{path}.{text_}" if path else text_


def _from_cattrs(path: str) -> str:
    """A path in cattrs' notation (``.goals[0]['2024']``) in ours (``goals[0].2024``)."""
    out = ""
    for step in _CATTRS_STEP.finditer(path):
        if step["name"] is not None:
            out = join(out, step["name"])
        elif step["index"] is not None:
            out = join(out, int(step["index"]))
        else:
            out = join(out, ast.literal_eval(step["key"]))
    return out


@attrs.frozen
class _Leaf:
    problem: Problem
    # The problem's path is written "Class.field" by the class's own check.
    qualified: bool = False


def _leaf(exc: BaseException) -> list[_Leaf]:
    """The problems one leaf exception of cattrs' tree stands for (paths relative to it)."""
    if isinstance(exc, StyrmodellError):
        found = exc.problems or (Problem("", str(exc)),)
        return [_Leaf(p, bool(_CLASS_QUALIFIED.match(p.path))) for p in found]
    if isinstance(exc, ForbiddenExtraKeysError):
        known = [a.alias or a.name for a in attrs.fields(exc.cl) if a.init]
        out = []
        for key in sorted(exc.extra_fields):
            hint = closest(key, known)
            listed = ", ".join(known)
            where = join("", key)
            if hint is not None:
                found_ = problem(
                    "serialization.unknown_field_hint",
                    where,
                    value=key,
                    hint=repr(hint),
                    known=listed,
                )
            else:
                found_ = problem("serialization.unknown_field", where, value=key, known=listed)
            out.append(_Leaf(found_))
        return out
    if isinstance(exc, KeyError):
        return [_Leaf(problem("serialization.missing"))]
    if isinstance(exc, RecursionError):
        return [_Leaf(problem("serialization.too_deep"))]
    return [_Leaf(problem("serialization.unexpected", kind=type(exc).__name__, message=str(exc)))]


def _located(leaf: _Leaf, prefix: str) -> Problem:
    found = leaf.problem
    if not prefix:
        return found
    path = found.path
    if leaf.qualified:
        # "Goal.title" under goals[0].children[1] is goals[0].children[1].title.
        path = _CLASS_QUALIFIED.sub("", path, count=1).removeprefix(".")
    if not path:
        return attrs.evolve(found, path=prefix)
    return attrs.evolve(found, path=prefix + path if path[0] == "[" else f"{prefix}.{path}")


def problems_of(exc: BaseException, base: str = "") -> list[Problem]:
    """Every problem under *exc* (a cattrs error tree, or one error), each with its path.

    Args:
        exc: What ``converter.structure`` raised.
        base: The path of the structured value in the document (``"value"``, or ``""``).
    """
    leaves: list[list[_Leaf]] = []

    def formatter(leaf: BaseException, _type: object) -> str:
        leaves.append(_leaf(leaf))
        return f"\x00{len(leaves) - 1}"

    out: list[Problem] = []
    for line in transform_error(exc, path="", format_exception=formatter):
        token, _, path = line.partition(" @ ")
        prefix = _from_cattrs(path)
        if base:
            prefix = (
                base + prefix if prefix[:1] == "[" else ".".join(p for p in (base, prefix) if p)
            )
        out += [_located(leaf, prefix) for leaf in leaves[int(token[1:])]]
    return out


def refused(exc: BaseException) -> StyrmodellError | None:
    """The class's own error when every field read well but the class refused them.

    That is a :class:`~styrmodell.Plan` whose validation fails (duplicate ids...), rather
    than data of the wrong shape; cattrs raises it bare or wrapped without a field note.
    """
    if isinstance(exc, StyrmodellError):
        return exc
    if isinstance(exc, ClassValidationError) and len(exc.exceptions) == 1:
        sub = exc.exceptions[0]
        notes: Sequence[object] = getattr(sub, "__notes__", ())
        if isinstance(sub, StyrmodellError) and not any(
            isinstance(n, AttributeValidationNote | IterableValidationNote) for n in notes
        ):
            return sub
    return None
