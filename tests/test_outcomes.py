from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from _cases import texts
from styrmodell import (
    Gender,
    Outcome,
    Outcomes,
    Period,
    PlanError,
    Progress,
    SerializationError,
)


def test_gender_codes_and_labels() -> None:
    assert [g.value for g in Gender] == ["T", "K", "M"]
    assert Gender.coerce("k") is Gender.WOMEN
    assert Gender.coerce("MEN") is Gender.MEN
    assert Gender.WOMEN.label("en") == "Women"
    with pytest.raises(PlanError, match="'X'"):
        Gender.coerce("X")


def test_outcome_coerces_friendly_input() -> None:
    o = Outcome("frisk", "Delår 2022", "91,74", gender="K", references={"riket": 90.5})
    assert o.period == Period.delar(2022)
    assert o.value == Decimal("91.74")
    assert o.gender is Gender.WOMEN
    assert o.references["riket"] == Decimal("90.5")
    assert Outcome("x", 2022, True).value is True
    assert Outcome("x", 2022, Progress.STARTED).value is Progress.STARTED
    pair = Outcome("x", 2022, ("2022-01-05", dt.date(2022, 3, 1))).value
    assert pair == (dt.date(2022, 1, 5), dt.date(2022, 3, 1))
    assert Outcome("x", 2022).value is None


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"value": "abc"}, "abc"),
        ({"value": float("nan")}, "nan"),
        ({"numerator": 3}, "go together"),
        ({"numerator": 3, "denominator": 0}, "positive"),
        ({"numerator": -1, "denominator": 3}, "negative"),
        ({"value": True, "numerator": 1, "denominator": 3}, "numeric"),
        ({"org_unit": ""}, "org_unit"),
        ({"value": (1, 2, 3)}, "pair"),
    ],
)
def test_outcome_rejects_bad_input(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(PlanError, match=match):
        Outcome("x", 2022, **kwargs)  # type: ignore[arg-type]


def test_share_value_from_counts() -> None:
    assert Outcome("x", 2022, numerator=37, denominator=50).value == Decimal(74)


counts = st.integers(min_value=0, max_value=10_000)


@given(st.lists(st.tuples(counts, st.integers(1, 10_000)), min_size=1, max_size=8))
def test_pool_sums_counts_and_never_averages(parts: list[tuple[int, int]]) -> None:
    parts = [(min(n, d), d) for n, d in parts]
    outs = [
        Outcome("x", 2022, numerator=n, denominator=d, org_unit=f"u{i}")
        for i, (n, d) in enumerate(parts)
    ]
    pooled = Outcome.pool(outs, org_unit="nämnd")
    total_n = sum(n for n, _ in parts)
    total_d = sum(d for _, d in parts)
    assert pooled.numerator == total_n
    assert pooled.denominator == total_d
    assert pooled.value == Decimal(100) * total_n / total_d
    assert pooled.org_unit == "nämnd"
    values = [o.value for o in outs]
    assert isinstance(pooled.value, Decimal)
    assert min(values) <= pooled.value <= max(values)  # type: ignore[type-var]


def test_pool_example_differs_from_average() -> None:
    a = Outcome("x", 2022, numerator=1, denominator=10, org_unit="A")  # 10 %
    b = Outcome("x", 2022, numerator=45, denominator=50, org_unit="B")  # 90 %
    assert Outcome.pool([a, b]).value == Decimal(100) * 46 / 60  # not 50


def test_pool_refuses_mixed_or_uncounted() -> None:
    with pytest.raises(PlanError, match="never averaged"):
        Outcome.pool([Outcome("x", 2022, 50)])
    with pytest.raises(PlanError, match="share"):
        Outcome.pool(
            [
                Outcome("x", 2022, numerator=1, denominator=2),
                Outcome("x", 2023, numerator=1, denominator=2),
            ]
        )
    with pytest.raises(PlanError, match="at least one"):
        Outcome.pool([])


def test_outcomes_lookup() -> None:
    outs = Outcomes(
        [
            Outcome("x", 2022, 5),
            Outcome("x", 2022, 4, gender="K"),
            Outcome("x", 2021, 3),
            Outcome("y", "Delår 2022", 1, org_unit="SOF"),
        ]
    )
    assert outs.get("x", 2022).value == 5  # type: ignore[union-attr]
    assert outs["x", 2022, "K"].value == 4
    assert outs["y", Period.delar(2022), "T", "SOF"].value == 1
    assert outs.get("x", 2020) is None
    with pytest.raises(KeyError):
        outs["x", 2020]
    assert set(outs.series("x")) == {Period.year(2021), Period.year(2022)}
    assert len(outs.for_indicator("x")) == 3
    assert outs.indicators == {"x", "y"}
    assert outs.org_units == {None, "SOF"}
    more = outs + Outcomes([Outcome("z", 2022, 1)])
    assert len(more) == 5
    assert len(more + iter([Outcome("w", 2022, 1)])) == 6


def test_duplicates_are_reported() -> None:
    with pytest.raises(PlanError, match="duplicate outcome for indicator 'x'"):
        Outcomes([Outcome("x", 2022, 5), Outcome("x", 2022, 6)])


def test_pooled_from_collection() -> None:
    outs = Outcomes(
        [
            Outcome("x", 2022, numerator=1, denominator=4, org_unit="A"),
            Outcome("x", 2022, numerator=3, denominator=4, org_unit="B"),
        ]
    )
    assert outs.pooled("x", 2022, ["A", "B"], into="N").value == 50
    with pytest.raises(PlanError, match="'C'"):
        outs.pooled("x", 2022, ["A", "C"])


def test_csv_round_trip() -> None:
    outs = Outcomes(
        [
            Outcome("x", "jan-okt 2022", "50", references={"riket": 48}),
            Outcome("x", 2022, numerator=3, denominator=4, gender="K", org_unit="SOF"),
            Outcome("m", 2022, Progress.DONE),
            Outcome("b", 2022, True),
            Outcome("d", 2022, (dt.date(2022, 1, 1), None)),
            Outcome("e", 2022, -5, budget=-100),
            Outcome("n", 2022),
        ]
    )
    text = outs.to_csv()
    assert text.splitlines()[0] == (
        "indicator,period,gender,org_unit,value,numerator,denominator,budget,ref:riket"
    )
    again = Outcomes.read_csv(io.StringIO(text))
    assert again == outs
    assert list(again) == list(outs)


def test_csv_path(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "utfall.csv"
    outs = Outcomes([Outcome("x", 2022, "1.5")])
    outs.write_csv(path)
    assert Outcomes.read_csv(path) == outs


def test_csv_reports_every_bad_row() -> None:
    text = "indicator,period,value\nx,2022,abc\ny,20x2,1\nz,2022,3\n"
    with pytest.raises(SerializationError) as info:
        Outcomes.read_csv(io.StringIO(text))
    message = str(info.value)
    assert "row 1" in message
    assert "row 2" in message
    assert "row 3" not in message


def test_csv_lists_every_bad_row_as_a_problem() -> None:
    text = "indicator,period,value\nx,2022,abc\ny,20x2,1\nz,2022,3\n"
    with pytest.raises(SerializationError) as info:
        Outcomes.read_csv(io.StringIO(text))
    problems = texts(info.value.problems)
    assert [problem.split(":")[0] for problem in problems] == ["row 1", "row 2"]
    assert str(info.value) == "Outcomes: " + "; ".join(problems)


CSV = "indicator,period,value\nx,2022,1\ny,2023,2\n"


@pytest.mark.parametrize(
    "head",
    [
        "# FIKTIVA UTFALL — påhittade, inte kommunens resultat.\n",
        "# one\n#two\n# indicator,period,value\n",
        "\n# after a blank line\n\n",
        "\ufeff# with a byte order mark\n",
        "\ufeff",
        "",
    ],
)
def test_csv_comment_lines_at_the_top_are_skipped(head: str) -> None:
    assert Outcomes.read_csv(io.StringIO(head + CSV)) == Outcomes.read_csv(io.StringIO(CSV))


def test_csv_comments_are_skipped_when_read_from_a_path(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "utfall.csv"
    path.write_text("# FICTIONAL\r\n" + CSV.replace("\n", "\r\n"), encoding="utf-8-sig")
    assert Outcomes.read_csv(path) == Outcomes.read_csv(io.StringIO(CSV))


@given(
    comments=st.lists(
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=20),
        max_size=5,
    )
)
def test_any_comments_at_the_top_leave_the_outcomes_and_row_numbers_alone(
    comments: list[str],
) -> None:
    head = "".join(f"#{line}\n" for line in comments)
    assert Outcomes.read_csv(io.StringIO(head + CSV)) == Outcomes.read_csv(io.StringIO(CSV))
    with pytest.raises(SerializationError, match=r"^Outcomes: row 3: "):
        Outcomes.read_csv(io.StringIO(head + CSV + "z,20x2,1\n"))


def test_csv_a_hash_below_the_header_is_data() -> None:
    outs = Outcomes.read_csv(io.StringIO("indicator,period,value\n#x,2022,1\n"))
    assert outs["#x", 2022].value == 1


def test_csv_with_only_comments_has_no_columns() -> None:
    with pytest.raises(SerializationError, match="missing column"):
        Outcomes.read_csv(io.StringIO("# nothing here\n\n"))


def test_csv_missing_columns() -> None:
    with pytest.raises(SerializationError, match="period"):
        Outcomes.read_csv(io.StringIO("indicator,value\nx,1\n"))


def test_csv_accepts_decimal_comma() -> None:
    outs = Outcomes.read_csv(io.StringIO('indicator,period,value\nx,2022,"91,74"\n'))
    assert outs["x", 2022].value == Decimal("91.74")


def test_from_rows_with_python_values() -> None:
    outs = Outcomes.from_rows([{"indicator": "x", "period": Period.year(2022), "value": 3}])
    assert outs["x", 2022].value == 3


def test_outcomes_without_references_share_one_empty_mapping() -> None:
    a = Outcome("x", 2022, 1)
    b = Outcome("y", 2023, 2, references={})
    assert a.references is b.references
    assert a.references == {}
    assert Outcome("z", 2023, 3, references={"riket": 4}).references == {"riket": Decimal(4)}
