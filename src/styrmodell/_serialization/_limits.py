r"""Size caps for documents, and the one pass that checks them before any value is built.

Swedish terms: *gräns* (a limit).

A plan file is data from outside: a careless export or a hostile file must not make reading
slow, exhaust memory or fail anywhere but here. :class:`DocumentLimits` caps the file's bytes
(checked before the text is decoded), and the nesting depth, the length of every text and the
number of values (checked in one pass over the parsed syntax, before any value is built: the
building is what recursion and memory would otherwise pay for). The same pass refuses JSON
keys written twice and lone surrogates (``"\ud800"``, which no UTF-8 file can hold), each with
its path. ``docs/explanation/limits.md`` says why each default is what it is.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

import attrs

from styrmodell._errors import Problem, SerializationError
from styrmodell._messages import failure, problem

from ._problems import join

__all__ = ["DEFAULT_LIMITS", "DocumentLimits", "Duplicates", "check", "pairs_hook", "surrogate"]

# Problems of one kind listed before the rest are left out (a file with 10,000 long texts
# is answered with the first ones, not 10,000 lines).
_SHOWN = 20

_KEY_IN_PATH = 60

_SURROGATE = re.compile("[\ud800-\udfff]")


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise failure(
            SerializationError,
            "serialization.limit_positive",
            f"DocumentLimits.{attribute.name}",
            value=value,
        )


@attrs.frozen(kw_only=True)
class DocumentLimits:
    """Size caps for reading a JSON or TOML document; ``load`` and ``loads`` take ``limits=``.

    Attributes:
        bytes: The largest document, in bytes (characters for text): 64 MiB. Checked before
            the text is decoded or parsed.
        string: The longest text (a value or a key), in characters: 10,000 — a goal's
            description fits many times over.
        depth: The deepest nesting of tables and lists: 64. A plan with six levels of goals
            nests about 20 deep; the cap keeps every later step (building the values, checking
            the tree) far from Python's recursion limit.
        items: The most values in lists and tables, counted over the whole document:
            5,000,000 (a plan of 100,000 goals with an indicator each holds about 2 million).

    Examples:
        >>> DocumentLimits().depth
        64
        >>> DocumentLimits(bytes=1_000_000).bytes
        1000000
        >>> DocumentLimits(depth=0)  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        styrmodell._errors.SerializationError: DocumentLimits.depth: expected a whole number ...
    """

    bytes: int = attrs.field(default=64 * 1024 * 1024, validator=_positive)
    string: int = attrs.field(default=10_000, validator=_positive)
    depth: int = attrs.field(default=64, validator=_positive)
    items: int = attrs.field(default=5_000_000, validator=_positive)


DEFAULT_LIMITS = DocumentLimits()
_NO_LIMITS = DocumentLimits(bytes=2**62, string=2**62, depth=2**62, items=2**62)


class Duplicates(dict[str, Any]):
    """A JSON object that named a key twice: the last value kept, the keys remembered."""

    __slots__ = ("twice",)

    twice: tuple[str, ...]


def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json.loads``' ``object_pairs_hook``: a ``dict``, marked when a key came twice."""
    made = dict(pairs)
    if len(made) == len(pairs):
        return made
    seen: set[str] = set()
    twice = []
    for key, _ in pairs:
        if key in seen and key not in twice:
            twice.append(key)
        seen.add(key)
    marked = Duplicates(made)
    marked.twice = tuple(twice)
    return marked


def surrogate(text: str) -> int:
    """The index of the first lone surrogate in *text*, or ``-1``."""
    found = _SURROGATE.search(text)
    return -1 if found is None else found.start()


@attrs.define
class _Findings:
    """What the fast pass found: containers to locate, and what is wrong in them."""

    # (container, key or index or None for the container itself, problem code, params)
    marks: list[tuple[Any, Any, str, dict[str, Any]]] = attrs.field(factory=list)
    counts: dict[str, int] = attrs.field(factory=dict)

    def add(self, container: Any, at: Any, code: str, **params: Any) -> None:
        n = self.counts.get(code, 0)
        self.counts[code] = n + 1
        if n < _SHOWN:
            self.marks.append((container, at, code, params))


def check(doc: Any, limits: DocumentLimits | None, *, surrogates: bool) -> list[Problem]:
    """Every limit *doc* (parsed JSON or TOML) breaks, and its duplicate keys and surrogates.

    One pass over the parsed syntax, without recursion; the paths of what it finds are looked
    up afterwards, only when something was found.

    Args:
        doc: The parsed document (dicts, lists and scalars).
        limits: The caps; ``None`` for none (checking what is about to be written).
        surrogates: Whether to look for lone surrogates in texts (the caller knows whether
            the source can hold any).
    """
    caps = limits or _NO_LIMITS
    if type(doc) not in (dict, list, Duplicates):
        # A document that is one scalar (JSON allows that; it is not a styrmodell document).
        if isinstance(doc, str) and len(doc) > caps.string:
            return [
                problem(
                    "serialization.string_too_long",
                    "",
                    value=doc,
                    length=len(doc),
                    limit=caps.string,
                )
            ]
        return []
    found = _Findings()
    items = 0
    longest = caps.string
    # Breadth first, so what is found at one depth is listed in the document's order.
    queue: deque[tuple[Any, int]] = deque([(doc, 1)])
    pop, push = queue.popleft, queue.append
    while queue:
        node, depth = pop()
        items += len(node)
        if items > caps.items:
            return [problem("serialization.too_many_items", "", limit=caps.items)]
        if depth > caps.depth:
            found.add(node, None, "serialization.too_deep_limit", limit=caps.depth)
            continue
        kind = type(node)
        if kind is list:
            values: Any = node
        else:
            if kind is Duplicates:
                for key in node.twice:
                    found.add(node, key, "serialization.duplicate_key", key=repr(key))
            if node and max(map(len, node)) > longest:
                for key in node:
                    if len(key) > longest:
                        found.add(node, key, "serialization.key_too_long", limit=longest)
            if surrogates:
                for key in node:
                    if _SURROGATE.search(key):
                        found.add(node, key, "serialization.surrogate_key")
            values = node.values()
        for value in values:
            kind = type(value)
            if kind is str:
                if len(value) > longest:
                    found.add(node, _Value(value), "serialization.string_too_long", limit=longest)
                if surrogates and _SURROGATE.search(value):
                    found.add(node, _Value(value), "serialization.surrogate")
            elif kind is dict or kind is list or kind is Duplicates:
                push((value, depth + 1))
    if not found.marks:
        return []
    return _locate(doc, found)


@attrs.frozen
class _Value:
    """A text found in a container, whose key or index is looked up only when reported."""

    text: str = attrs.field(eq=False)

    def key_in(self, container: Any) -> Any:
        pairs = enumerate(container) if type(container) is list else container.items()
        return next(k for k, v in pairs if v is self.text)


def _locate(doc: Any, found: _Findings) -> list[Problem]:
    """The problems *found* marked, with their paths (a second pass, only on failure)."""
    wanted = {id(container) for container, _, _, _ in found.marks}
    paths: dict[int, str] = {}
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack and len(paths) < len(wanted):
        node, path = stack.pop()
        if id(node) in wanted:
            paths[id(node)] = path
        entries = enumerate(node) if type(node) is list else node.items()
        for key, value in entries:
            if type(value) in (dict, list, Duplicates):
                stack.append((value, join(path, key)))
    out = []
    for container, mark, code, params in found.marks:
        where = paths.get(id(container), "")
        key = mark.key_in(container) if isinstance(mark, _Value) else mark
        if key is None:
            out.append(problem(code, where, **params))
            continue
        # A key is shown as the value of the problem, not in the path (it may be very long).
        of_key = code in ("serialization.key_too_long", "serialization.surrogate_key")
        long_key = isinstance(key, str) and len(key) > _KEY_IN_PATH
        at = where if of_key or long_key else join(where, key)
        value = key if of_key or code == "serialization.duplicate_key" else container[key]
        if code in ("serialization.surrogate", "serialization.surrogate_key"):
            index = surrogate(value)
            out.append(
                problem(code, at, value=value, char=f"U+{ord(value[index]):04X}", index=index + 1)
            )
        elif code == "serialization.duplicate_key":
            out.append(problem(code, at, value=value, **params))
        else:
            out.append(problem(code, at, value=value, length=len(value), **params))
    for n in found.counts.values():
        if n > _SHOWN:
            out.append(problem("serialization.more_problems", "", n=n - _SHOWN))
    return out
