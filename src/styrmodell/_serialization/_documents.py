"""Documents: JSON and TOML files holding one styrmodell value, read and written safely.

Swedish terms: *planfil* (a plan file), *formatversion* (the ``"format"`` key).

A document is a table with ``"format": "styrmodell/1"`` first; an object that is not a table by
itself (an interval, a list) sits under ``"value"``. Reading goes in steps, each of which can
only fail with a :class:`~styrmodell.SerializationError` naming the source:

1. the size (:attr:`DocumentLimits.bytes`), before anything is decoded;
2. UTF-8 (a byte order mark is skipped; UTF-16 and Windows' cp1252 are recognised and named);
3. JSON or TOML syntax, with line and column; JSON keys written twice are marked;
4. one pass over the parsed syntax: depth, text length, number of values, duplicate keys and
   lone surrogates, each with its path (:mod:`._limits`);
5. the format version;
6. the values, built by the converter, every problem with its path.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import tomllib
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TypeVar

import attrs

from styrmodell._errors import Problem, SerializationError, StyrmodellError
from styrmodell._intervals import Interval
from styrmodell._messages import ntext, problem
from styrmodell._period import Period
from styrmodell._thresholds._base import Threshold

from ._converter import converter
from ._limits import DEFAULT_LIMITS, DocumentLimits, check, pairs_hook
from ._problems import join, problems_of, refused, shown

__all__ = ["FORMAT", "dump", "dumps", "load", "loads"]

T = TypeVar("T")

FORMAT = "styrmodell/1"
"""The format version every document carries under ``"format"``."""

Format = Literal["json", "toml"]

# A JSON escape of a surrogate ("\ud800"): a pair of them is one character, a lone one is not.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")

# attrs classes written as text rather than as a table of fields.
_SCALARS: frozenset[type[Any]] = frozenset({Interval, Period})


def _is_table_type(t: Any) -> bool:
    return t is Threshold or (isinstance(t, type) and attrs.has(t) and t not in _SCALARS)


def _fail(source: str, code: str, path: str = "", /, **params: Any) -> SerializationError:
    """A problem with the whole document: the message names *source*, the problem does not."""
    found = problem(code, path, **params)
    return SerializationError(f"{source}: {found}", problems=[found])


def _error(source: str, problems: list[Problem]) -> SerializationError:
    if len(problems) == 1:
        return SerializationError(f"{source}: {problems[0]}", problems=problems)
    listed = "\n".join(f"  {p}" for p in problems)
    count = ntext("count.problems", len(problems), "en")
    return SerializationError(f"{source}: {count}\n{listed}", problems=problems)


def _check_format(fmt: object) -> Format:
    if fmt == "json":
        return "json"
    if fmt == "toml":
        return "toml"
    found = problem("serialization.unknown_format", value=fmt)
    raise SerializationError(str(found), problems=[found])


def _limits(limits: object) -> DocumentLimits:
    if limits is None:
        return DEFAULT_LIMITS
    if isinstance(limits, DocumentLimits):
        return limits
    found = problem("serialization.expected_limits", "limits", value=limits)
    raise SerializationError(str(found), problems=[found])


# -- reading -----------------------------------------------------------------------------------


def _decode(data: object, source: str, limits: DocumentLimits) -> str:
    if isinstance(data, str):
        if len(data) > limits.bytes:
            raise _fail(source, "serialization.too_big_text", size=len(data), limit=limits.bytes)
        return data
    if not isinstance(data, bytes | bytearray | memoryview):
        raise _fail(source, "serialization.not_text", kind=type(data).__name__)
    raw = bytes(data)
    if len(raw) > limits.bytes:
        raise _fail(source, "io.too_big", size=len(raw), limit=limits.bytes)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _not_utf8(raw, exc, source) from None


def _not_utf8(raw: bytes, exc: UnicodeDecodeError, source: str) -> SerializationError:
    line = raw.count(b"\n", 0, exc.start) + 1
    column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        guess = "UTF-16"
    else:
        try:
            raw.decode("cp1252")
            guess = "cp1252 (Windows)"
        except UnicodeDecodeError:
            guess = "latin-1"
    return _fail(
        source,
        "serialization.not_utf8",
        byte=f"0x{raw[exc.start]:02x}",
        position=exc.start,
        line=line,
        column=column,
        guess=guess,
    )


def _parse(text: str, fmt: Format, source: str, *, decoded: bool) -> tuple[Any, bool]:
    """The parsed syntax, and whether its texts may hold lone surrogates.

    Text decoded from UTF-8 holds none of its own (JSON escapes may still make some).
    """
    if not text.strip():
        raise _fail(source, "serialization.empty")
    raw_surrogates = not decoded and not text.isascii() and _has_surrogates(text)
    try:
        if fmt == "json":
            data = json.loads(text, object_pairs_hook=pairs_hook)
            escaped = "\\u" in text and _ESCAPED_SURROGATE.search(text) is not None
            return data, raw_surrogates or escaped
        return tomllib.loads(text), raw_surrogates
    except json.JSONDecodeError as exc:
        raise _fail(
            source, "serialization.bad_json", reason=exc.msg, line=exc.lineno, column=exc.colno
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise _fail(source, "serialization.bad_toml", reason=str(exc)) from None
    except RecursionError:
        raise _fail(source, "serialization.syntax_too_deep", format=fmt.upper()) from None
    except ValueError as exc:
        raise _fail(
            source, "serialization.bad_syntax", format=fmt.upper(), reason=str(exc)
        ) from None


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a document is parsed and its values built.

    Reading a large plan allocates millions of objects that all stay alive (the parsed
    document, then the values); every full collection on the way walks all of them again,
    which made loading grow faster than the file (measured in ``docs/performance.md``).
    Nothing made here becomes garbage in a cycle; the collector runs again afterwards.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def loads(
    text: str | bytes,
    type: type[T],
    format: str = "json",
    *,
    source: str = "",
    limits: DocumentLimits | None = None,
) -> T:
    """Read a value of *type* from a JSON or TOML document.

    Args:
        text: The document, as text or UTF-8 bytes.
        type: The type to read (``Plan``, ``Bands``, ``Threshold``...).
        format: ``"json"`` or ``"toml"``.
        source: How messages name the document (a file name); ``"<json>"`` by default.
        limits: Size caps (:class:`~styrmodell.io.DocumentLimits`); the defaults when
            ``None`` (``docs/explanation/limits.md``).

    Returns:
        The value, checked by its class like any value made in code.

    Raises:
        SerializationError: for anything wrong with the document: too large, not UTF-8, not
            valid JSON/TOML (with line and column), nested too deeply, a text too long, a
            key written twice, a lone surrogate, a missing or unknown ``"format"``, and every
            problem with the data, each with its path and value, all in one error (one by one
            in its ``problems``). When the data have the right shape and types but the class
            refuses them (a :class:`~styrmodell.Plan` that fails its validation), the
            error's ``__cause__`` is the class's own error (a ``PlanError``).

    Examples:
        >>> from styrmodell import Interval, loads
        >>> loads('{"format": "styrmodell/1", "value": "[40, 60]"}', Interval)
        Interval.parse('[40, 60]')
        >>> loads('{"format": "styrmodell/1", "value": "(60, 40)"}', Interval)
        Traceback (most recent call last):
        ...
        styrmodell._errors.SerializationError: <json>: value: '(60, 40)' is not an interval: ...
    """
    fmt = _check_format(format)
    caps = _limits(limits)
    source = source or f"<{fmt}>"
    with _collector_paused():
        decoded = _decode(text, source, caps)
        return _read(decoded, type, fmt, source, caps, decoded=not isinstance(text, str))


def _read(
    text: str, type: type[T], fmt: Format, source: str, caps: DocumentLimits, *, decoded: bool
) -> T:
    data, surrogates = _parse(text, fmt, source, decoded=decoded)
    found = check(data, caps, surrogates=surrogates)
    if found:
        raise _error(source, found)
    if not isinstance(data, dict):
        raise _fail(source, "serialization.not_a_document", got=shown(data), format=repr(FORMAT))
    version = data.get("format")
    if version is None:
        raise _fail(source, "serialization.format_missing", "format", format=FORMAT)
    if version != FORMAT:
        raise _fail(
            source,
            "serialization.format_unknown",
            "format",
            value=version,
            format=repr(FORMAT),
        )
    body = {k: v for k, v in data.items() if k != "format"}
    table = _is_table_type(type)
    if table:
        payload: Any = body
    else:
        extra = sorted(set(body) - {"value"})
        if extra:
            raise _error(
                source,
                [
                    problem("serialization.unknown_field", join("", k), known="format, value")
                    for k in extra
                ],
            )
        if "value" not in body:
            raise _error(source, [problem("serialization.missing", "value")])
        payload = body["value"]
    try:
        return converter.structure(payload, type)
    except Exception as exc:
        raise _error(source, problems_of(exc, "" if table else "value")) from refused(exc) or exc


def load(
    path: str | os.PathLike[str],
    type: type[T],
    *,
    format: str | None = None,
    limits: DocumentLimits | None = None,
) -> T:
    """Read a value of *type* from a ``.json`` or ``.toml`` file.

    Args:
        path: The file; its suffix chooses the format unless *format* is given.
        type: The type to read, e.g. ``Plan``.
        format: ``"json"`` or ``"toml"`` to override the suffix.
        limits: Size caps (:class:`~styrmodell.io.DocumentLimits`); a file larger than
            ``limits.bytes`` is refused before it is read.

    Raises:
        SerializationError: when the file cannot be read, and for every problem
            :func:`loads` reports, each message starting with the file name.

    Examples:
        >>> from styrmodell import Plan, load
        >>> load("examples/mjolby_osn_2011.toml", Plan).years
        (2011, 2011)
    """
    p = Path(path)
    fmt = _format_of(p, format)
    caps = _limits(limits)
    name = str(p)
    try:
        size = p.stat().st_size
        if size > caps.bytes:
            raise _fail(name, "io.too_big", size=size, limit=caps.bytes)
        with p.open("rb") as handle:
            data = handle.read(caps.bytes + 1)
    except OSError as exc:
        raise _fail(name, "io.cannot_read", reason=exc.strerror or str(exc)) from None
    return loads(data, type, fmt, source=name, limits=caps)


def _format_of(path: Path, format: str | None) -> Format:
    if format is not None:
        return _check_format(format)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".toml":
        return "toml"
    raise _fail(str(path), "serialization.unknown_suffix", suffix=repr(suffix))


# -- writing -----------------------------------------------------------------------------------


def _document(obj: object) -> dict[str, Any]:
    try:
        data = converter.unstructure(obj)
    except StyrmodellError:
        raise
    except Exception as exc:
        found = problem(
            "serialization.cannot_write_value",
            name=type(obj).__name__,
            reason=f"{type(exc).__name__}: {exc}",
        )
        raise SerializationError(str(found), problems=[found]) from exc
    if isinstance(data, dict) and _is_table_type(type(obj)):
        return {"format": FORMAT, **data}
    return {"format": FORMAT, "value": data}


def _refuse_surrogates(obj: object, doc: dict[str, Any]) -> None:
    """Refuse text that no UTF-8 file can hold (a lone surrogate), naming where it is."""
    found = check(doc, None, surrogates=True)
    if found:
        name = type(obj).__name__
        listed = "; ".join(str(p) for p in found)
        raise SerializationError(f"cannot write {name}: {listed}", problems=found)


def dumps(obj: object, format: str = "json") -> str:
    """Write *obj* as a JSON or TOML document (with ``"format": "styrmodell/1"``).

    TOML needs the optional extra ``styrmodell[toml]`` (tomlkit).

    Raises:
        SerializationError: for a value the converter cannot write, for text holding a lone
            surrogate (no UTF-8 file can hold it), for ``None`` where TOML would need it, or
            when tomlkit is missing.

    Examples:
        >>> from styrmodell import TargetValue, dumps
        >>> print(dumps(TargetValue(">=", 50)))
        {
          "format": "styrmodell/1",
          "type": "target_value",
          "comparator": ">=",
          "target": "50"
        }
        <BLANKLINE>
    """
    fmt = _check_format(format)
    doc = _document(obj)
    if fmt == "json":
        try:
            text = json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        except (TypeError, ValueError) as exc:
            found = problem(
                "serialization.cannot_write_value", name=type(obj).__name__, reason=str(exc)
            )
            raise SerializationError(str(found), problems=[found]) from None
        if not text.isascii() and _has_surrogates(text):
            _refuse_surrogates(obj, doc)
        return text
    _refuse_surrogates(obj, doc)
    return _toml_dumps(doc)


def _toml_dumps(doc: dict[str, Any]) -> str:
    try:
        import tomlkit
    except ImportError:
        found = problem("serialization.needs_tomlkit")
        raise SerializationError(str(found), problems=[found]) from None
    nones = list(_none_paths(doc, ""))
    if nones:
        found = problem("serialization.toml_none", paths=", ".join(nones))
        raise SerializationError(str(found), problems=[found])
    try:
        text: str = tomlkit.dumps(doc)
    except Exception as exc:
        found = problem("serialization.cannot_write_toml", reason=f"{type(exc).__name__}: {exc}")
        raise SerializationError(str(found), problems=[found]) from None
    return text


def _none_paths(value: Any, path: str) -> typing.Iterator[str]:
    stack: list[tuple[Any, str]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if node is None:
            yield where or "(document)"
        elif isinstance(node, dict):
            stack.extend((v, join(where, k)) for k, v in reversed(node.items()))
        elif isinstance(node, list | tuple):
            stack.extend((v, join(where, i)) for i, v in reversed(list(enumerate(node))))


def dump(obj: object, path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write *obj* to a ``.json`` or ``.toml`` file (UTF-8), choosing the format by suffix.

    Raises:
        SerializationError: as :func:`dumps`, or when the file cannot be written.
    """
    p = Path(path)
    text = dumps(obj, _format_of(p, format))
    try:
        p.write_bytes(text.encode("utf-8"))
    except OSError as exc:
        raise _fail(str(p), "serialization.cannot_write", reason=exc.strerror or str(exc)) from None
