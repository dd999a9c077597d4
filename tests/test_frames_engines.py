"""assess_frame and rollup_frame on every engine: the same verdicts as assess (issue 13).

A fixed sample of the differential test's cases (derandomised) runs on polars' lazy engine,
pyarrow, pandas and DuckDB; each returns the kind of frame it was given.
"""

from __future__ import annotations

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings

from _frames_cases import (
    YEAR,
    cases,
    columns,
    disagreements,
    needed_scale,
    verdicts_of_frame,
    verdicts_of_objects,
)
from styrmodell.frames import assess_frame, rollup_frame


def _polars(case) -> pl.DataFrame:
    cols = columns(case)
    return pl.DataFrame(cols, schema={k: pl.Int64 if k == "year" else pl.String for k in cols})


def _rows(result) -> list[dict]:
    if isinstance(result, pl.LazyFrame):
        return list(result.collect().iter_rows(named=True))
    if isinstance(result, pd.DataFrame):
        return list(pl.from_pandas(result).iter_rows(named=True))
    if isinstance(result, pa.Table):
        return list(pl.from_arrow(result).iter_rows(named=True))
    return list(result.pl().iter_rows(named=True))


ENGINES = {
    "polars-lazy": (lambda p: p.lazy(), pl.LazyFrame),
    "pyarrow": (lambda p: p.to_arrow(), pa.Table),
    "pandas": (lambda p: p.to_pandas(), pd.DataFrame),
    "duckdb": (lambda p: duckdb.from_arrow(p.to_arrow()), duckdb.DuckDBPyRelation),
}


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_engine_agrees_with_assess_on_a_fixed_sample(engine: str) -> None:
    make, kind = ENGINES[engine]

    @settings(max_examples=8, derandomize=True, database=None)
    @given(cases())
    def check(case) -> None:
        native = make(_polars(case))
        result = assess_frame(
            case.plan, native, year=YEAR, as_of=case.as_of, scale=needed_scale(case)
        )
        assert isinstance(result, kind)
        found = disagreements(verdicts_of_objects(case), verdicts_of_frame(_rows(result)))
        assert found == []
        goals = rollup_frame(case.plan, result)
        assert isinstance(goals, kind)
        units = {(r["org_unit"], r["gender"]) for r in _rows(result)}
        assert {(r["org_unit"], r["gender"]) for r in _rows(goals)} == units

    check()
