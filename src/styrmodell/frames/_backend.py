"""The engines: what a frame is, small tables beside it, and how a result is handed back.

styrmodell works on every frame through narwhals. This module knows the few things that
differ between engines: how a frame comes in (a pyarrow table is read through polars; a
pandas frame gets pyarrow-backed columns so integers stay integers next to missing values),
how a small table of the plan is made in the same engine (a DuckDB relation needs its
connection, a Spark frame its session), and how the result goes back out — the same kind of
frame, lazy when it came in lazy, with the refusal of bad values (see
:mod:`styrmodell.frames._guard`) attached.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Mapping, Sequence
from typing import Any

import narwhals as nw

from styrmodell._errors import SerializationError
from styrmodell._messages import failure

__all__ = ["Engine", "Frame", "frame_of", "native_of", "require"]


def require() -> None:
    """Import narwhals and polars, or say which extra provides them."""
    for name in ("narwhals", "polars"):
        try:
            importlib.import_module(name)
        except ImportError:  # pragma: no cover - the test environment has the extra
            raise ImportError(
                f"styrmodell.frames needs {name}: pip install 'styrmodell[frames]'"
            ) from None


class Engine(enum.Enum):
    """The kinds of frame styrmodell takes and gives back."""

    POLARS = "polars DataFrame"
    POLARS_LAZY = "polars LazyFrame"
    PANDAS = "pandas DataFrame"
    ARROW = "pyarrow Table"
    DUCKDB = "DuckDB relation"
    SPARK = "PySpark DataFrame"

    @property
    def lazy(self) -> bool:
        """Whether frames of this kind run lazily (the result is lazy too)."""
        return self in (Engine.POLARS_LAZY, Engine.DUCKDB, Engine.SPARK)


def _engine_of(native: object) -> Engine | None:
    module = type(native).__module__.split(".")[0]
    name = type(native).__name__
    if module == "polars":
        return {"DataFrame": Engine.POLARS, "LazyFrame": Engine.POLARS_LAZY}.get(name)
    if module == "pandas" and name == "DataFrame":
        return Engine.PANDAS
    if module == "pyarrow" and name == "Table":
        return Engine.ARROW
    if module in ("duckdb", "_duckdb") and name == "DuckDBPyRelation":
        return Engine.DUCKDB
    if module == "pyspark" and name == "DataFrame":
        return Engine.SPARK
    return None


class Frame:
    """A frame that came in: its engine, its narwhals lazy form, and its tables' maker."""

    def __init__(self, native: object, engine: Engine, connection: object = None) -> None:
        self.engine = engine
        self.connection = connection
        self.session: Any = None
        if engine is Engine.ARROW:
            import polars as pl

            native = pl.from_arrow(native)
        elif engine is Engine.PANDAS:
            import polars as pl

            # Read through polars like a pyarrow table: pandas' own group-by and joins
            # differ on empty frames and missing values, polars' are the ones tested exactly.
            native = pl.from_pandas(native)
        elif engine is Engine.SPARK:
            self.session = native.sparkSession  # type: ignore[attr-defined]
        elif engine is Engine.DUCKDB and connection is None:
            import duckdb

            self.connection = duckdb.default_connection()
        frame: Any = nw.from_native(native)
        self.lf: nw.LazyFrame[Any] = frame.lazy() if isinstance(frame, nw.DataFrame) else frame

    def table(self, columns: Mapping[str, Sequence[object]], schema: Mapping[str, Any]) -> Any:
        """A small table of the plan, in this frame's engine (a narwhals LazyFrame)."""
        import polars as pl

        polars_schema = {name: _polars_type(dtype) for name, dtype in schema.items()}
        small = pl.DataFrame(dict(columns), schema=polars_schema)
        if self.engine in (Engine.POLARS, Engine.POLARS_LAZY, Engine.ARROW, Engine.PANDAS):
            return nw.from_native(small.lazy())
        if self.engine is Engine.DUCKDB:
            relation = self.connection.from_arrow(small.to_arrow())  # type: ignore[attr-defined]
            return nw.from_native(relation)
        rows = [tuple(row) for row in small.iter_rows()]
        ddl = ", ".join(f"`{name}` {_spark_type(dtype)}" for name, dtype in schema.items())
        return nw.from_native(self.session.createDataFrame(rows, schema=ddl))


def _polars_type(dtype: Any) -> Any:
    import polars as pl

    return {nw.Int64: pl.Int64, nw.String: pl.String, nw.Float64: pl.Float64}[dtype]


def _spark_type(dtype: Any) -> str:
    return {nw.Int64: "BIGINT", nw.String: "STRING", nw.Float64: "DOUBLE"}[dtype]


def frame_of(native: object, connection: object = None) -> Frame:
    """The :class:`Frame` of *native*, or a :class:`SerializationError` naming what it got."""
    engine = _engine_of(native)
    if engine is None:
        raise failure(
            SerializationError,
            "frames.not_a_frame",
            "outcomes",
            value=type(native).__qualname__,
            kinds=", ".join(e.value for e in Engine),
        )
    return Frame(native, engine, connection)


def native_of(result: Any, engine: Engine) -> Any:
    """A computed narwhals frame as the kind of frame that came in (pandas, pyarrow, polars)."""
    if engine is Engine.ARROW:
        return result.to_arrow()
    if engine is Engine.PANDAS:
        return result.to_pandas()
    return result.to_native()
