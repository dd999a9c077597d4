"""Numbers into keys: narwhals expressions that turn a column into exact integers.

A number enters the engines as its *key* at the frame's scale *S* (see
:mod:`styrmodell.frames._compile`): ``sign · (2·a + t)``, with *a* the whole part of
``|m|·10^S`` and *t* whether anything is left over. How a column gets there depends on
its type, and every way is exact:

- **text** ("12,5", "−3", "333 088") is read digit by digit: the whole part and the first
  *S* decimals become integers, and any further non-zero decimal sets *t*;
- **integers** are multiplied by 10^S;
- **floats** mean their shortest decimal text (as ``Decimal(repr(x))`` in the object
  path): ``m = round(x·10^S)`` is checked by converting back (``m / 10^S == x`` exactly when
  that decimal has at most *S* decimals), and otherwise the float's side of ``m`` decides
  *t* — comparisons of doubles are exact on every engine, and every integer involved stays
  below 2⁵³;
- **decimals** of an engine are read as their text.

Each parse also gives a *why* code: 0 for a number it could read, else why it could not
(the engines raise nothing by themselves; :mod:`styrmodell.frames._guard` refuses).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import narwhals as nw

from styrmodell.frames._compile import LIMIT

__all__ = ["NOT_A_NUMBER", "NOT_FINITE", "OK", "TOO_LARGE", "Parsed", "parse_number"]

OK = 0
NOT_A_NUMBER = 1
NOT_FINITE = 2
TOO_LARGE = 3

_PLAIN = r"^[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)$"
_GROUPED = "^[+-]?[0-9]{1,3}(?:[ \u00a0\u202f_][0-9]{3})+(?:[.,][0-9]+)?$"
_LIMIT_DIGITS = len(str(LIMIT)) - 1  # 14: a scaled number has at most this many digits


class Parsed(NamedTuple):
    """A column read as numbers: key, remainder flag, the float for people, and why not.

    Each is a column of the frame once :attr:`stages` are applied in order (a stage is one
    ``with_columns``): expressions refer to columns computed before them instead of
    repeating their trees, which keeps the plans small on every engine.
    """

    key: nw.Expr
    tail: nw.Expr
    number: nw.Expr
    why: nw.Expr
    present: nw.Expr
    stages: tuple[dict[str, nw.Expr], ...]


def _signed(neg: nw.Expr, a: nw.Expr, tail: nw.Expr) -> nw.Expr:
    body = a * 2 + tail.cast(nw.Int64)
    return nw.when(neg).then(-body).otherwise(body)


def _done(p: str, stages: list[dict[str, nw.Expr]], last: dict[str, nw.Expr]) -> Parsed:
    names = ("key", "tail", "number", "why", "present")
    stages.append({f"{p}{n}": last[n] for n in names})
    key, tail, number, why, present = (nw.col(f"{p}{n}") for n in names)
    return Parsed(key, tail, number, why, present, tuple(stages))


def _from_text(text: nw.Expr, scale: int, p: str) -> Parsed:
    s = (
        text.cast(nw.String)
        .str.strip_chars()
        .str.replace_all("\u2212", "-", literal=True)
        .str.replace_all("\u2013", "-", literal=True)
    )
    stages: list[dict[str, nw.Expr]] = [{f"{p}s": s}]
    s = nw.col(f"{p}s")
    norm = s
    for sep in (" ", "\u00a0", "\u202f", "_"):
        norm = norm.str.replace_all(sep, "", literal=True)
    norm = norm.str.replace_all(",", ".", literal=True)
    stages.append(
        {
            f"{p}present": ~s.is_null() & (s != ""),
            f"{p}valid": s.str.contains(_PLAIN) | s.str.contains(_GROUPED),
            f"{p}norm": norm,
        }
    )
    present, valid, norm = nw.col(f"{p}present"), nw.col(f"{p}valid"), nw.col(f"{p}norm")
    # A point at the end: the whole part is what comes before the first point, the
    # fraction what follows it (regular expressions without groups read alike everywhere).
    body = nw.concat_str([norm.str.strip_chars("+-"), nw.lit(".")])
    stages.append(
        {
            f"{p}whole": body.str.replace_all(r"\..*$", "").str.strip_chars_start("0"),
            f"{p}fraction": body.str.replace_all(r"^[^.]*\.", "").str.strip_chars_end("."),
            f"{p}neg": norm.str.starts_with("-"),
        }
    )
    whole, fraction, neg = nw.col(f"{p}whole"), nw.col(f"{p}fraction"), nw.col(f"{p}neg")
    fits = whole.str.len_chars() <= _LIMIT_DIGITS - scale
    stages.append({f"{p}fits": fits, f"{p}ok": present & valid & fits})
    fits, ok = nw.col(f"{p}fits"), nw.col(f"{p}ok")
    # Only digits reach a cast: the other rows read "0" (and are refused by their why).
    safe_whole = nw.when(ok & (whole != "")).then(whole).otherwise(nw.lit("0"))
    a = safe_whole.cast(nw.Int64) * (10**scale)
    if scale:
        head = nw.concat_str([fraction, nw.lit("0" * scale)]).str.slice(0, scale)
        a = a + nw.when(ok).then(head).otherwise(nw.lit("0")).cast(nw.Int64)
    rest = fraction.str.slice(scale).str.strip_chars("0")
    stages.append({f"{p}a": a, f"{p}tail": (ok & (rest.str.len_chars() > 0)).fill_null(False)})
    a, tail = nw.col(f"{p}a"), nw.col(f"{p}tail")
    why = (
        nw.when(~present)
        .then(nw.lit(OK))
        .when(~valid)
        .then(nw.lit(NOT_A_NUMBER))
        .when(~fits)
        .then(nw.lit(TOO_LARGE))
        .otherwise(nw.lit(OK))
    )
    last = {
        "key": nw.when(ok).then(_signed(neg, a, tail)),
        "tail": tail,
        "number": nw.when(ok).then(nw.when(ok).then(norm).otherwise(nw.lit("0")).cast(nw.Float64)),
        "why": why,
        "present": present,
    }
    return _done(p, stages, last)


def _from_float(x: nw.Expr, scale: int, p: str) -> Parsed:
    x = x.cast(nw.Float64)
    stages: list[dict[str, nw.Expr]] = [
        {
            f"{p}x": x,
            f"{p}present": ~x.is_null(),
            f"{p}finite": x.is_finite(),
            f"{p}big": x.abs() * float(10**scale) >= float(LIMIT),
        }
    ]
    x, present, finite, big = (nw.col(f"{p}{n}") for n in ("x", "present", "finite", "big"))
    ok = present & finite & ~big
    stages.append({f"{p}ok": ok, f"{p}safe": nw.when(ok).then(x).otherwise(nw.lit(0.0))})
    ok, safe = nw.col(f"{p}ok"), nw.col(f"{p}safe")
    stages.append({f"{p}m": (safe * float(10**scale)).round(0).cast(nw.Int64)})
    m = nw.col(f"{p}m")
    stages.append({f"{p}back": m.cast(nw.Float64) / float(10**scale)})
    back = nw.col(f"{p}back")
    why = (
        nw.when(~present)
        .then(nw.lit(OK))
        .when(~finite)
        .then(nw.lit(NOT_FINITE))
        .when(big)
        .then(nw.lit(TOO_LARGE))
        .otherwise(nw.lit(OK))
    )
    last = {
        "key": nw.when(ok).then(
            nw.when(safe == back).then(m * 2).when(safe > back).then(m * 2 + 1).otherwise(m * 2 - 1)
        ),
        "tail": (ok & (safe != back)).fill_null(False),
        "number": nw.when(ok).then(x),
        "why": why,
        "present": present,
    }
    return _done(p, stages, last)


def _from_integer(v: nw.Expr, scale: int, p: str) -> Parsed:
    v = v.cast(nw.Int64)
    stages: list[dict[str, nw.Expr]] = [
        {f"{p}v": v, f"{p}present": ~v.is_null(), f"{p}big": v.abs() >= LIMIT // 10**scale}
    ]
    v, present, big = nw.col(f"{p}v"), nw.col(f"{p}present"), nw.col(f"{p}big")
    ok = present & ~big
    last = {
        "key": nw.when(ok).then(v * (2 * 10**scale)),
        "tail": nw.lit(False),
        "number": nw.when(ok).then(v.cast(nw.Float64)),
        "why": nw.when(present & big).then(nw.lit(TOO_LARGE)).otherwise(nw.lit(OK)),
        "present": present,
    }
    return _done(p, stages, last)


def _not_numbers(col: nw.Expr, p: str) -> Parsed:
    present = ~col.is_null()
    never = nw.lit(False)
    last = {
        "key": nw.when(never).then(nw.lit(0)),
        "tail": never,
        "number": nw.when(never).then(nw.lit(0.0)),
        "why": nw.when(present).then(nw.lit(NOT_A_NUMBER)).otherwise(nw.lit(OK)),
        "present": present,
    }
    return _done(p, [], last)


def parse_number(name: str, dtype: Any, scale: int, prefix: str) -> Parsed:
    """The column *name* (of narwhals *dtype*) read as keys at *scale*.

    Into columns whose names start with *prefix*.
    """
    col = nw.col(name)
    if dtype.is_integer():
        return _from_integer(col, scale, prefix)
    if dtype.is_float():
        return _from_float(col, scale, prefix)
    if dtype == nw.String or dtype.is_decimal():
        return _from_text(col, scale, prefix)
    return _not_numbers(col, prefix)
