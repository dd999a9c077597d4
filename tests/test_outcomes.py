from __future__ import annotations

import contextlib
import datetime as dt
import io
import pathlib
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
from styrmodell._numbers import to_decimal
from styrmodell.io import read_outcomes, write_outcomes


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
    text = write_outcomes(outs)
    assert text.splitlines()[0] == (
        "indicator,period,gender,org_unit,value,numerator,denominator,budget,ref:riket"
    )
    again = read_outcomes(text.encode())
    assert again == outs
    assert list(again) == list(outs)
    # "CSV för Excel": semicolons, decimal comma, a byte order mark; it reads back too.
    excel = write_outcomes(outs, excel=True)
    assert excel.startswith("\ufeffindicator;period;")
    assert read_outcomes(excel.encode()) == outs
    # Any iterable of outcomes can be written.
    assert write_outcomes(iter(outs.items)) == text


def test_csv_path(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "utfall.csv"
    outs = Outcomes([Outcome("x", 2022, "1.5")])
    assert write_outcomes(outs, path) is None
    assert read_outcomes(path) == outs
    with path.open(encoding="utf-8") as handle:
        assert read_outcomes(handle) == outs
    buffer = io.StringIO()
    write_outcomes(outs, buffer)
    assert read_outcomes(io.StringIO(buffer.getvalue())) == outs


def test_csv_reports_every_bad_row_with_file_line_and_column() -> None:
    text = b"indicator,period,value\nx,2022,abc\ny,20x2,1\nz,2022,3\n"
    with pytest.raises(SerializationError) as info:
        read_outcomes(text, name="utfall.csv")
    problems = texts(info.value.problems)
    assert [problem.split(": ")[0:2] for problem in problems] == [
        ["utfall.csv:2", "value"],
        ["utfall.csv:3", "period"],
    ]
    assert problems[0] == "utfall.csv:2: value: expected a number, got 'abc'"
    assert str(info.value) == "utfall.csv: 2 problems\n  " + "\n  ".join(problems)
    assert [p.code for p in info.value.problems] == ["number.expected", "field.expected_period"]
    assert [p.value for p in info.value.problems] == ["abc", "20x2"]


def test_csv_reports_rows_whose_outcome_is_refused_and_repeated_rows() -> None:
    text = (
        b"indicator,period,value,numerator,denominator\n"
        b"x,2022,,1,\ny,2022,,1,0\nz,2022,1,,\nz,2022,2,,\n,2022,1,,\n"
    )
    with pytest.raises(SerializationError) as info:
        read_outcomes(text, name="u.csv")
    assert texts(info.value.problems) == (
        "u.csv:2: numerator and denominator go together, got numerator=Decimal('1'), "
        "denominator=None",
        "u.csv:3: denominator must be positive, got 0",
        "u.csv:5: the same indicator, period, gender and org unit as line 4",
        "u.csv:6: indicator: required, but the cell is empty",
    )


CSV = "indicator,period,value\nx,2022,1\ny,2023,2\n"


def _read(text: str) -> Outcomes:
    return read_outcomes(io.StringIO(text))


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
    assert _read(head + CSV) == _read(CSV)


def test_csv_comments_are_skipped_when_read_from_a_path(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "utfall.csv"
    path.write_text("# FICTIONAL\r\n" + CSV.replace("\n", "\r\n"), encoding="utf-8-sig")
    assert read_outcomes(path) == _read(CSV)


@given(
    comments=st.lists(
        st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"), max_size=20),
        max_size=5,
    )
)
def test_any_comments_at_the_top_leave_the_outcomes_and_line_numbers_alone(
    comments: list[str],
) -> None:
    head = "".join(f"#{line}\n" for line in comments)
    assert _read(head + CSV) == _read(CSV)
    # The bad row is on the file's line 4 + one line per comment.
    with pytest.raises(SerializationError, match=rf"^<csv>:{4 + len(comments)}: period: "):
        _read(head + CSV + "z,20x2,1\n")


def test_csv_a_hash_below_the_header_is_data() -> None:
    outs = _read("indicator,period,value\n#x,2022,1\n")
    assert outs["#x", 2022].value == 1


def test_csv_with_only_comments_has_no_header() -> None:
    with pytest.raises(SerializationError, match="no header row"):
        _read("# nothing here\n\n")


def test_csv_missing_columns() -> None:
    with pytest.raises(SerializationError, match=r"missing column.*period"):
        _read("indicator,value\nx,1\n")


def test_csv_accepts_decimal_comma_semicolons_and_thousands_groups() -> None:
    outs = _read('indicator,period,value\nx,2022,"91,74"\n')
    assert outs["x", 2022].value == Decimal("91.74")
    outs = _read("indicator;period;value;budget\nx;2022;−4,1;333 088\n")
    assert outs["x", 2022].value == Decimal("-4.1")
    assert outs["x", 2022].budget == Decimal(333088)


@pytest.mark.parametrize("cell", ["58 17", "8 ,17", "1 2 3", "12 3456", "1,2,3", "0x10"])
def test_csv_numbers_with_spaces_other_than_thousands_groups_are_refused(cell: str) -> None:
    with pytest.raises(SerializationError) as info:
        read_outcomes(f"indicator;period;value\nx;2022;{cell}\n".encode(), name="u.csv")
    (found,) = info.value.problems
    assert found.path == "u.csv:2: value"
    assert found.value == cell


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("1e999999", "number.too_large"),
        ("1e-999999999", "number.too_small"),
        ("1" * 30, "number.too_large"),
        ("0." + "1" * 29, "number.too_many_digits"),
        ("9" * 101, "number.too_long"),
        ("nan", "number.not_finite"),
        ("-inf", "number.not_finite"),
    ],
)
def test_csv_numbers_beyond_the_limits_name_file_line_column_and_value(
    cell: str, code: str
) -> None:
    for column in ("value", "numerator", "budget", "ref:riket"):
        text = f"indicator,period,{column},denominator\nx,2022,{cell},1\n"
        with pytest.raises(SerializationError) as info:
            read_outcomes(text.encode(), name="u.csv")
        (found,) = info.value.problems
        assert (found.path, found.code, found.value) == (f"u.csv:2: {column}", code, cell)


def test_a_latin1_file_is_refused_with_its_line_and_advice_or_read_when_asked() -> None:
    data = "indicator;period;value\njobbcoach;2022;1\nÅtgärd;2022;2\n".encode("latin-1")
    with pytest.raises(SerializationError) as info:
        read_outcomes(data, name="utfall.csv")
    message = str(info.value)
    assert message.startswith("utfall.csv:3: not UTF-8 text")
    assert "CSV UTF-8" in message
    assert 'encoding="auto"' in message
    assert read_outcomes(data, encoding="auto")["Åtgärd", 2022].value == 2


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (b'indicator,period,value\nx,2022,"' + b"9" * 200_000 + b'"\n', "<csv>:2"),
        (b"indicator,period,value\nx,2022,1\x00\n", "<csv>:2"),
        (b"indicator,period,value\nx,2022,1,5,6\n", "<csv>:2"),
    ],
)
def test_malformed_csv_names_its_line(data: bytes, where: str) -> None:
    with pytest.raises(SerializationError) as info:
        read_outcomes(data)
    assert all(p.path.startswith(where) for p in info.value.problems)


def test_cr_only_line_ends_are_read() -> None:
    assert read_outcomes(CSV.replace("\n", "\r").encode()) == _read(CSV)


def test_a_reference_column_needs_a_name() -> None:
    with pytest.raises(SerializationError, match=r"ref:riket"):
        read_outcomes(b"indicator,period,value,ref:\nx,2022,1,2\n")


def test_formula_starts_are_neutralised_and_numbers_stay_numbers() -> None:
    text = write_outcomes([Outcome("=cmd|' /C calc'!A0", 2022, -5, org_unit="@SUM(A1)")])
    row = text.splitlines()[1]
    assert row.startswith("'=cmd|' /C calc'!A0,2022,T,'@SUM(A1),-5,")


# -- hardening: only SerializationError comes out of the reader -------------------------

_SEED = write_outcomes(
    [
        Outcome("x", "jan-okt 2022", "50,5", references={"riket": 48}),
        Outcome("x", 2022, numerator=3, denominator=4, gender="K", org_unit="SOF"),
        Outcome("m", "Delår 2022", Progress.DONE),
        Outcome("d", 2022, (dt.date(2022, 1, 1), dt.date(2022, 3, 1))),
    ]
).encode()

_NASTY = [
    b"\x00",
    b"\r",
    b'"',
    b";",
    b"\xff",
    b"\xc3",
    b"1e999999999",
    b"-0",
    b"9" * 40,
    b"\xe2\x80\xae",
    b"/",
    b"ref:",
    b"\n",
    b" ",
    b"58 17",
]


@given(
    st.lists(
        st.tuples(
            st.integers(0, len(_SEED)),
            st.integers(0, 3),
            st.one_of(st.sampled_from(_NASTY), st.binary(max_size=6)),
        ),
        max_size=6,
    )
)
def test_fuzz_mutated_files_raise_only_serialization_errors(
    edits: list[tuple[int, int, bytes]],
) -> None:
    data = _SEED
    for at, cut, insert in edits:
        at = min(at, len(data))
        data = data[:at] + insert + data[at + cut :]
    try:
        outs = read_outcomes(data)
    except SerializationError as exc:
        problems = exc.problems
    else:
        # What reads, writes and reads back the same.
        assert read_outcomes(write_outcomes(outs).encode()) == outs
        return
    assert problems
    assert all(p.path for p in problems)


@given(st.binary(max_size=200))
def test_fuzz_any_bytes_raise_only_serialization_errors(data: bytes) -> None:
    with contextlib.suppress(SerializationError):
        read_outcomes(b"indicator,period,gender,org_unit,value,numerator,denominator\n" + data)


@given(
    st.lists(
        st.lists(
            st.text(st.characters(exclude_categories=["Cs"]), max_size=12),
            min_size=7,
            max_size=7,
        ),
        max_size=5,
    )
)
def test_fuzz_any_cells_raise_only_serialization_errors(rows: list[list[str]]) -> None:
    from styrmodell._io._csv import write_table

    text = write_table(
        ["indicator", "period", "gender", "org_unit", "value", "numerator", "denominator"], rows
    )
    try:
        outs = read_outcomes(text.encode())
    except SerializationError:
        return
    assert read_outcomes(write_outcomes(outs).encode()) == outs


@given(
    st.from_regex(r"-?\d{1,15}(?:[.,]\d{1,9})?", fullmatch=True)
    | st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str)
)
def test_the_fast_path_for_plain_numbers_is_the_one_coercion(text: str) -> None:
    from styrmodell._io.outcomes import _number

    try:
        expected = to_decimal(text, what="value", error=SerializationError)
    except SerializationError:
        with pytest.raises(SerializationError):
            _number(text, "value")
        return
    got = _number(text, "value")
    assert got == expected
    assert got.as_tuple() == expected.as_tuple()


def test_outcomes_without_references_share_one_empty_mapping() -> None:
    a = Outcome("x", 2022, 1)
    b = Outcome("y", 2023, 2, references={})
    assert a.references is b.references
    assert a.references == {}
    assert Outcome("z", 2023, 3, references={"riket": 4}).references == {"riket": Decimal(4)}


# -- limits, pooling, indexes --------------------------------------------------------------


@pytest.mark.parametrize("field", ["numerator", "denominator", "budget", "value"])
def test_numbers_beyond_the_limits_are_refused_naming_the_field(field: str) -> None:
    kwargs: dict[str, object] = {"numerator": 1, "denominator": 1, field: "1e999999"}
    if field in ("value", "budget"):
        kwargs = {field: "1e999999"}
    with pytest.raises(PlanError) as info:
        Outcome("x", 2023, **kwargs)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"Outcome.{field}: the number '1e999999' is too large "
        "(at most 24 digits before the decimal sign)"
    )
    (found,) = info.value.problems
    assert (found.code, found.value) == ("number.too_large", "1e999999")


def test_a_share_beyond_the_limits_is_refused_not_computed_forever() -> None:
    with pytest.raises(PlanError, match=r"Outcome.value: the number .* too large"):
        Outcome("x", 2023, numerator="1e23", denominator="1e-20")


def test_pooling_is_exact_and_refuses_sums_beyond_the_limits() -> None:
    big = Decimal("99999999999999999999999")  # 23 digits: the largest counts there are
    parts = [Outcome("x", 2022, numerator=big, denominator=big, org_unit=u) for u in "AB"]
    pooled = Outcome.pool(parts)
    assert pooled.numerator == 2 * big  # exact, never rounded to 28 digits
    assert pooled.value == 100
    many = [Outcome("x", 2022, numerator=big, denominator=big, org_unit=f"u{i}") for i in range(20)]
    with pytest.raises(PlanError, match="too large"):
        Outcome.pool(many)
    fine = [
        Outcome("x", 2022, numerator="0.1", denominator=1, org_unit="A"),
        Outcome("x", 2022, numerator="99999999999999999999.0001", denominator=1, org_unit="B"),
        Outcome("x", 2022, numerator="1e-23", denominator=1, org_unit="C"),
    ]
    # The exact sum has more significant digits than a count may: said, not rounded away.
    with pytest.raises(PlanError, match="significant digits"):
        Outcome.pool(fine)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["a", "b"]),
            st.sampled_from([2021, 2022]),
            st.sampled_from(list(Gender)),
            st.sampled_from([None, "0580", "0581", "0582"]),
        ),
        unique=True,
        max_size=30,
    )
)
def test_unit_series_is_the_series_of_one_unit(
    keys: list[tuple[str, int, Gender, str | None]],
) -> None:
    outs = Outcomes([Outcome(i, y, 1, gender=g, org_unit=u) for i, y, g, u in keys])
    for indicator in ("a", "b", "c"):
        for unit in (None, "0580", "0581", "0582", "9999"):
            expected = {g: dict(s) for (g, u), s in outs.series_of(indicator).items() if u == unit}
            assert {g: dict(s) for g, s in outs.unit_series(indicator, unit).items()} == expected
    assert outs.org_units == {u for *_, u in keys}


def test_collections_are_values_that_survive_pickle_copy_and_evolve() -> None:
    import copy
    import pickle

    import attrs

    outs = Outcomes([Outcome("x", 2022, 5, org_unit="A"), Outcome("x", 2021, 4, org_unit="A")])
    reordered = Outcomes(tuple(reversed(outs.items)))
    assert outs == reordered
    assert hash(outs) == hash(reordered)
    for copied in (pickle.loads(pickle.dumps(outs)), copy.deepcopy(outs), attrs.evolve(outs)):
        assert copied == outs
        assert hash(copied) == hash(outs)
        assert copied["x", 2022, "T", "A"].value == 5
        assert set(copied.unit_series("x", "A")[Gender.TOTAL]) == {
            Period.year(2021),
            Period.year(2022),
        }
    assert outs != Outcomes([Outcome("x", 2022, 5, org_unit="A")])


def test_gender_words_come_from_the_catalogs() -> None:
    assert [g.label() for g in Gender] == ["Totalt", "Kvinnor", "Män"]
    assert [g.label("en") for g in Gender] == ["Total", "Women", "Men"]


def test_problems_of_a_collection_have_paths_and_codes() -> None:
    with pytest.raises(PlanError) as info:
        Outcomes([Outcome("x", 2022, 5), "y", Outcome("x", 2022, 6)])  # type: ignore[list-item]
    assert [(p.path, p.code) for p in info.value.problems] == [
        ("items[1]", "plan.expected_an"),
        ("items[2]", "outcomes.duplicate"),
    ]
    assert str(info.value) == "Outcomes: " + "; ".join(texts(info.value.problems))


# -- the fast paths are the same as the one coercion and the constructor -------------------


@given(st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([0.5, 55.0, -0.0, 1e15]))
def test_floats_become_what_to_decimal_makes_of_them(number: float) -> None:
    from styrmodell._outcomes import _from_float

    fast = _from_float(number)
    if fast is None:
        return
    expected = to_decimal(number, what="value", error=PlanError)
    assert fast.as_tuple() == expected.as_tuple()
    assert Outcome("x", 2022, number).value.as_tuple() == expected.as_tuple()  # type: ignore[union-attr]


@given(st.decimals(allow_nan=True, allow_infinity=True) | st.decimals(places=30))
def test_numbers_seen_cheaply_within_the_limits_are(number: Decimal) -> None:
    from styrmodell._numbers import check_limits
    from styrmodell._outcomes import _plainly_within

    if _plainly_within(number):
        assert check_limits(number, number, what="v", error=PlanError) is number


@given(
    indicator=st.sampled_from(["a", "jobbcoach", "#x"]),
    period=st.sampled_from([Period.year(2022), Period.delar(2023), Period.month(2021, 3)]),
    value=st.none()
    | st.booleans()
    | st.sampled_from(list(Progress))
    | st.decimals(min_value=-(10**6), max_value=10**6, places=2)
    | st.just((dt.date(2022, 1, 1), None)),
    gender=st.sampled_from(list(Gender)),
    org_unit=st.none() | st.sampled_from(["SOF", "0580"]),
    references=st.dictionaries(st.sampled_from(["riket", "länet"]), st.integers(0, 100)),
    budget=st.none() | st.integers(-1000, 1000).map(Decimal),
)
def test_outcomes_made_from_converted_cells_equal_those_made_by_the_constructor(
    indicator: str,
    period: Period,
    value: object,
    gender: Gender,
    org_unit: str | None,
    references: dict[str, int],
    budget: Decimal | None,
) -> None:
    import pickle

    from styrmodell._frozenmap import FrozenMap
    from styrmodell._outcomes import checked_outcome

    refs = FrozenMap({k: Decimal(v) for k, v in references.items()})
    made = Outcome(
        indicator, period, value, gender=gender, org_unit=org_unit, references=refs, budget=budget
    )
    fast = checked_outcome(indicator, period, made.value, gender, org_unit, refs, budget)
    assert fast == made
    assert hash(fast) == hash(made)
    assert repr(fast) == repr(made)
    assert pickle.loads(pickle.dumps(fast)) == made


def test_a_column_repeated_in_the_header_is_one_problem_however_often() -> None:
    header = "indicator,period,value" + ",value" * 2_000 + ",ref:riket,ref:riket"
    with pytest.raises(SerializationError) as info:
        read_outcomes(f"{header}\nx,2023,1\n".encode(), name="utfall.csv")
    assert [(p.path, p.code, p.value) for p in info.value.problems] == [
        ("utfall.csv", "outcomes.duplicate_column", "value"),
        ("utfall.csv", "outcomes.duplicate_column", "ref:riket"),
    ]
