"""The same plan on PySpark, unchanged, against a real JVM in local mode (issue 13).

One Spark session serves the whole test session (it starts in 10–30 s). Without Java the
tests skip and say why: the only skip of the suite.
"""

from __future__ import annotations

import datetime as dt
import shutil

import polars as pl
import pytest

from _frames_cases import (
    YEAR,
    Case,
    Row,
    columns,
    disagreements,
    verdicts_of_frame,
    verdicts_of_objects,
)
from styrmodell import (
    Bands,
    Goal,
    Indicator,
    Plan,
    TargetValue,
)
from styrmodell.frames import assess_frame, rollup_frame

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None,
    reason="no Java on this machine: the Spark tests need a JVM "
    "(apt-get install default-jre-headless)",
)


@pytest.fixture(scope="session")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[1]")
        .appName("styrmodell-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.driver.memory", "2g")
        # The engine's plans are many small projections; collapsing them only costs time.
        .config(
            "spark.sql.optimizer.excludedRules",
            "org.apache.spark.sql.catalyst.optimizer.CollapseProject",
        )
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _case() -> Case:
    # Two families of interval chains: Catalyst plans a wider plan (a join on the earlier
    # year, a budget's long division) for many minutes on a loaded 2-core machine.
    rules = {
        "band": Bands.higher_is_better(60, 40, precision="1"),
        "target": TargetValue(">=", 80, yellow_margin=5),
    }
    plan = Plan(
        id="p",
        years=YEAR,
        levels=("Nämndmål",),
        goals=[
            Goal(
                id="g",
                indicators=[Indicator(id=k, title=k, targets={YEAR: r}) for k, r in rules.items()],
            )
        ],
    )
    rows = [
        Row("band", "0180", "T", YEAR, "59.5"),
        Row("band", "0181", "K", YEAR, "59.49"),
        Row("band", "0182", "M", YEAR, "39.5"),
        Row("target", "0180", "T", YEAR, "80"),
        Row("target", "0181", "T", YEAR, "74.99"),
    ]
    return Case(plan, tuple(rows), dt.date(YEAR + 1, 3, 1), "riket")


def test_spark_agrees_with_assess_and_rolls_up(spark) -> None:
    case = _case()
    cols = columns(case)
    local = pl.DataFrame(cols, schema={k: pl.Int64 if k == "year" else pl.String for k in cols})
    frame = spark.createDataFrame(local.to_pandas())
    result = assess_frame(case.plan, frame, year=YEAR, as_of=case.as_of)
    assert type(result).__name__ == "DataFrame"
    assert type(result).__module__.startswith("pyspark")
    rows = [r.asDict() for r in result.collect()]
    assert disagreements(verdicts_of_objects(case), verdicts_of_frame(rows)) == []
    polars_rows = assess_frame(case.plan, local, year=YEAR, as_of=case.as_of).iter_rows(named=True)
    assert verdicts_of_frame(rows) == verdicts_of_frame(polars_rows)
    goals = {
        (r["org_unit"], r["gender"]): r["status"] for r in rollup_frame(case.plan, result).collect()
    }
    assert goals == {
        ("0180", "T"): "green",
        ("0181", "T"): "red",
        ("0181", "K"): "yellow",
        ("0182", "M"): "yellow",
    }
