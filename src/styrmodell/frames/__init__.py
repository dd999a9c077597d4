"""The columnar engine: a whole country's outcomes judged in one pass (issue 13).

``assess_frame`` and ``rollup_frame`` take polars, pandas, pyarrow, DuckDB and PySpark
frames; see ``docs/how-to/national-scale.md``.
"""

from __future__ import annotations

from styrmodell.frames._assess import assess_frame
from styrmodell.frames._bridges import (
    outcomes_from_frame,
    outcomes_to_frame,
    scorecard_for,
    scorecard_to_frame,
)
from styrmodell.frames._rollup import rollup_frame

__all__ = [
    "assess_frame",
    "outcomes_from_frame",
    "outcomes_to_frame",
    "rollup_frame",
    "scorecard_for",
    "scorecard_to_frame",
]
