"""Refusing what cannot be judged exactly, as the object path refuses it.

NaN, infinities, text that is no number, numbers beyond the scale, unknown states: never
judged silently.

Each result row carries a *why* code (0: nothing wrong). How the refusal reaches the user
depends on when the engine computes:

- an eager frame (polars, pandas, pyarrow) is computed at once, and a
  :class:`~styrmodell.SerializationError` lists the first rows refused;
- a polars LazyFrame raises that same error when it is collected (a check of each batch
  of results, not a Python call per row);
- DuckDB and Spark compute outside Python: the result's ``status`` column then makes the
  engine fail with styrmodell's message ("styrmodell: …"), as its own conversion error.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import narwhals as nw

from styrmodell._errors import Problem, SerializationError
from styrmodell._messages import problem, text
from styrmodell.frames._backend import Engine, native_of

__all__ = ["COLUMNS", "PROBLEMS", "finish", "refusal"]

PROBLEMS = {
    1: "not_a_number",
    2: "not_finite",
    3: "too_large",
    4: "inexact",
    5: "unknown_label",
    6: "gender",
    7: "counts",
}
"""Problem codes (the last two digits of a why code) and their catalog names."""

COLUMNS = {
    0: "value",
    1: "ref",
    2: "value",
    3: "budget",
    4: "numerator",
    5: "denominator",
    6: "gender",
}
"""Column codes (the hundreds of a why code): which input held the value refused."""

_SHOWN = 10
"""How many refused rows an error lists."""


def refusal(why: int, row: Mapping[str, Any], scale: int) -> Problem:
    """The :class:`Problem` of one refused row."""
    column, kind = divmod(int(why), 100)
    name = COLUMNS.get(column, "value")
    if column == 1:
        name = f"ref:{row.get('_refname') or ''}"
    where = (
        f"{row.get('indicator')} {row.get('year')} {row.get('gender')} {row.get('org_unit') or '–'}"
    )
    if column == 2:
        where += f" ({text('frames.earlier_year', 'en')})"
    return problem(
        f"frames.refused.{PROBLEMS.get(kind, 'not_a_number')}",
        where,
        value=row.get("_shown"),
        column=name,
        scale=scale,
    )


def _error(problems: list[Problem], total: int) -> SerializationError:
    lines = "; ".join(str(p) for p in problems)
    more = f" (+{total - len(problems)} more)" if total > len(problems) else ""
    return SerializationError(
        text("frames.refused", "en", count=total, rows=lines + more), problems=problems
    )


def _check_rows(rows: Iterable[Mapping[str, Any]], total: int, scale: int) -> None:
    problems = [refusal(row["_why"], row, scale) for row in rows]
    if problems:
        raise _error(problems, total)


def _polars_guard(scale: int) -> Any:
    import polars as pl

    def check(batch: Any) -> Any:
        frame = batch.struct.unnest()
        bad = frame.filter(pl.col("_why") != 0)
        if bad.height:
            _check_rows(bad.head(_SHOWN).iter_rows(named=True), bad.height, scale)
        return frame.get_column("status")

    fields = ["status", "_why", "indicator", "year", "gender", "org_unit", "_shown", "_refname"]
    return pl.struct(fields).map_batches(check, return_dtype=pl.String, is_elementwise=True)


def _sql_guard(scale: int) -> nw.Expr:
    """A status that makes a SQL engine fail, with styrmodell's message, on a refused row."""
    said = nw.lit("")
    for why_kind, name in PROBLEMS.items():
        said = (
            nw.when((nw.col("_why") % 100) == why_kind)
            .then(nw.lit(text(f"frames.refused.{name}.short", "en", scale=scale)))
            .otherwise(said)
        )
    message = nw.concat_str(
        [
            nw.lit("styrmodell: refused "),
            nw.col("_shown").fill_null(""),
            nw.lit(" of "),
            nw.col("indicator"),
            nw.lit(" "),
            nw.col("year").cast(nw.String),
            nw.lit(" "),
            nw.col("gender"),
            nw.lit(" "),
            nw.col("org_unit"),
            nw.lit(": "),
            said,
        ]
    )
    # Casting the message to an integer is the one failure every SQL engine raises with
    # the text in its message (DuckDB's ConversionException, Spark's CAST_INVALID_INPUT).
    failing = message.cast(nw.Int64).cast(nw.String)
    return nw.when(nw.col("_why") != 0).then(failing).otherwise(nw.col("status"))


def finish(lf: Any, engine: Engine, scale: int, output: list[str]) -> Any:
    """The native result: computed and checked (eager), or with the guard attached (lazy)."""
    if engine is Engine.POLARS_LAZY:
        native = lf.to_native()
        native = native.with_columns(_polars_guard(scale).alias("status"))
        return native.select(output)
    if engine in (Engine.DUCKDB, Engine.SPARK):
        return lf.with_columns(status=_sql_guard(scale)).select(output).to_native()
    result = lf.collect()
    bad = result.filter(nw.col("_why") != 0)
    if len(bad):
        _check_rows(bad.head(_SHOWN).iter_rows(named=True), len(bad), scale)
    return native_of(result.select(output), engine)
