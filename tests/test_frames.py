"""assess_frame on polars: the same verdicts as the object path, exactly (issue 13)."""

from __future__ import annotations

import polars as pl
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
from styrmodell.frames import assess_frame


def _examples() -> int:
    # 100 in the normal suite; the thorough profile (HYPOTHESIS_PROFILE=thorough) runs 1000.
    return max(100, settings.default.max_examples)


@settings(max_examples=_examples())
@given(cases())
def test_polars_agrees_with_assess_on_every_edge(case) -> None:
    """Values on, just inside and just outside every edge and half-point: zero disagreements."""
    frame = pl.DataFrame(columns(case), schema_overrides={"year": pl.Int64})
    result = assess_frame(case.plan, frame, year=YEAR, as_of=case.as_of, scale=needed_scale(case))
    found = disagreements(
        verdicts_of_objects(case), verdicts_of_frame(result.iter_rows(named=True))
    )
    assert found == []
