from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
import styrmodell.ledger as sl
from _cases import texts
from styrmodell._ledger_base import exact_sum
from styrmodell._strategies_ledger import investment_budgets, investment_objects
from styrmodell.io import read_investments, write_investments
from styrmodell.ledger import assess, check, follow_up, total, totals

EXAMPLES = Path(__file__).parent.parent / "examples"
YEARS = (2023, 2024, 2025)


@pytest.fixture(scope="module")
def oxelosund() -> sm.InvestmentBudget:
    return read_investments(EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv")


def test_oxelosund_adds_up(oxelosund: sm.InvestmentBudget) -> None:
    assert check(oxelosund) == ()
    assert oxelosund.years == YEARS
    assert oxelosund.groups == ("SOF", "ÄF")
    assert oxelosund.categories == ("Digitalisering och IT", "Inventarier", "Utrustning")


def test_oxelosund_printed_sums(oxelosund: sm.InvestmentBudget) -> None:
    # "Summa tkr 9 110 3 610 3 910", "Varav summa SOF 4 750 1 500 1 800", "... ÄF 4 360 2 110 2 110"
    assert [total(oxelosund, y) for y in YEARS] == [9110, 3610, 3910]
    assert [total(oxelosund, y, group="SOF") for y in YEARS] == [4750, 1500, 1800]
    assert [total(oxelosund, y, group="ÄF") for y in YEARS] == [4360, 2110, 2110]
    assert totals(oxelosund) == {2023: 9110, 2024: 3610, 2025: 3910}
    printed = {(s.group, s.year): s.amount for s in oxelosund.printed if s.label}
    for y in YEARS:
        assert printed[None, y] == total(oxelosund, y)
        assert printed["SOF", y] + printed["ÄF", y] == printed[None, y]
    assert oxelosund.unit.format(total(oxelosund, 2023)) == "9\xa0110\xa0tkr"


def test_oxelosund_per_category(oxelosund: sm.InvestmentBudget) -> None:
    by_category = totals(oxelosund, by="category", year=2023)
    assert exact_sum(by_category.values()) == total(oxelosund, 2023)
    assert total(oxelosund, 2023, group="ÄF", category="Utrustning") == 260
    by_group = totals(oxelosund, by="group", year=2025)
    assert by_group == {"SOF": 1800, "ÄF": 2110}


def test_altered_figure_is_named(oxelosund: sm.InvestmentBudget) -> None:
    objects = tuple(
        attrs.evolve(o, amounts={**o.amounts, 2024: Decimal(310)}) if o.row == 31 else o
        for o in oxelosund.objects
    )
    problems = check(attrs.evolve(oxelosund, objects=objects))
    assert [(p.where, p.year) for p in problems] == [
        ("Summa tkr", 2024),
        ("Varav summa ÄF", 2024),
        ("Summa", 2024),
    ]
    assert (
        problems[1].message()
        == "Varav summa ÄF, 2024: tryckt 2\xa0110\xa0tkr, beräknat 2\xa0320\xa0tkr"
    )


def test_follow_up_and_assessment(oxelosund: sm.InvestmentBudget) -> None:
    spent = {4: 650, 24: 520, 30: 150}
    report = {f.object.row: f for f in follow_up(oxelosund, 2023, spent)}
    assert report[4].remaining == 50
    assert not report[4].overspent
    assert report[24].overspent
    assert report[24].deviation.amount == -20  # overspent: a negative deviation
    assert report[5].spent == 0
    rule = sm.BudgetDeviation.no_negative()
    assert assess(oxelosund, 2023, spent, of=4, threshold=rule).status is sm.Status.GREEN
    assert assess(oxelosund, 2023, spent, of=24, threshold=rule).status is sm.Status.RED
    budget = attrs.evolve(oxelosund, threshold=rule)
    assert assess(budget, 2023, spent).status is sm.Status.GREEN
    assert assess(budget, 2023, spent, of="ÄF").status is sm.Status.GREEN


def test_errors(oxelosund: sm.InvestmentBudget) -> None:
    with pytest.raises(sm.LedgerError, match="no investment object on row 7"):
        follow_up(oxelosund, 2023, {7: 1})
    with pytest.raises(sm.LedgerError, match=r"spent on row 4 'Wifi kommunal verksamhet'"):
        follow_up(oxelosund, 2023, {4: "mycket"})
    with pytest.raises(sm.LedgerError, match="unknown group 'IFO'"):
        total(oxelosund, 2023, group="IFO")
    with pytest.raises(sm.LedgerError, match="no threshold"):
        assess(oxelosund, 2023, {})
    with pytest.raises(sm.LedgerError, match=r"row 4 'Wifi': amount for 2023"):
        sl.InvestmentObject(4, "Wifi", "SOF", "IT", {2023: "sjuhundra"})
    a = sl.InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})
    b = sl.InvestmentObject(4, "Larm", "ÄF", "IT", {2023: 500}, sm.Unit.SEK)
    with pytest.raises(sm.LedgerError) as info:
        sm.InvestmentBudget([a, b])
    assert "duplicate row" in str(info.value)
    assert "unit kr in a budget in tkr" in str(info.value)


def test_float_amounts_go_through_str() -> None:
    obj = sl.InvestmentObject(1, "Elcyklar", "SOF", "Utrustning", {2024: 0.1})
    assert obj.amount(2024) == Decimal("0.1")


def test_csv_round_trip_of_the_example(oxelosund: sm.InvestmentBudget) -> None:
    text = (EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv").read_text(encoding="utf-8")
    assert write_investments(oxelosund) == text


@given(investment_budgets(printed=True))
def test_csv_round_trip(budget: sm.InvestmentBudget) -> None:
    assert check(budget) == ()
    assert read_investments(write_investments(budget).encode()) == budget


@given(investment_budgets())
def test_groups_and_categories_partition_each_year(budget: sm.InvestmentBudget) -> None:
    for year in budget.years:
        whole = total(budget, year)
        assert exact_sum(totals(budget, by="group", year=year).values()) == whole
        assert exact_sum(totals(budget, by="category", year=year).values()) == whole


@given(investment_objects())
def test_objects_are_values(obj: sl.InvestmentObject) -> None:
    assert attrs.evolve(obj) == obj
    assert hash(attrs.evolve(obj)) == hash(obj)


# -- problems, one by one ----------------------------------------------------------------------


def test_budget_problems_are_listed_one_by_one() -> None:
    a = sl.InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})
    b = sl.InvestmentObject(4, "Larm", "ÄF", "IT", {2023: 500}, sm.Unit.SEK)
    with pytest.raises(sm.LedgerError) as info:
        sm.InvestmentBudget([a, b])
    assert texts(info.value.problems) == (
        "objects[1] row 4 'Larm': duplicate row",
        "objects[1] row 4 'Larm': unit kr in a budget in tkr",
    )


@pytest.mark.parametrize(
    ("make", "start"),
    [
        (lambda: sl.InvestmentObject(0, "W", "SOF", "IT"), "investment object row: expected a row"),
        (lambda: sl.InvestmentObject(4, " ", "SOF", "IT"), "investment object row 4: name"),
        (
            lambda: sl.InvestmentObject(4, "W", "SOF", "IT", [1]),
            "investment object row 4 'W': amounts",
        ),  # type: ignore[arg-type]
        (
            lambda: sl.InvestmentObject(4, "W", "SOF", "IT", {"9" * 5000: 1}),
            "investment object row 4 'W': year",
        ),
        (
            lambda: sl.InvestmentObject(4, "W", "SOF", "IT", {"２０２３": 1}),
            "investment object row 4 'W': year",
        ),
        (
            lambda: sl.InvestmentObject(4, "W", "SOF", "IT", {2023: 1, "2023": 2}),
            "investment object row 4 'W': year: year '2023' given twice",
        ),
        (lambda: sl.InvestmentSum(2023, "x"), "InvestmentSum.amount: expected a number"),
        (lambda: sl.InvestmentSum("99999", 1), "InvestmentSum.year: expected a year such as 2023"),
    ],
)
def test_errors_name_the_object_and_field(make: Any, start: str) -> None:
    with pytest.raises(sm.LedgerError) as info:
        make()
    assert str(info.value).startswith(start), str(info.value)
    assert len(info.value.problems) == 1


def test_words_for_people_come_from_the_catalogs() -> None:
    assert sl.InvestmentSum(2023, 1).where() == "Summa"
    assert sl.InvestmentSum(2023, 1).where("en") == "Total"
    assert sl.InvestmentSum(2023, 1, group="SOF", category="IT").where() == "Varav summa SOF, IT"
    problem = sl.InvestmentProblem("Summa tkr", 2024, Decimal(3610), Decimal(3820))
    assert problem.message("en") == "Summa tkr, 2024: printed 3,610\xa0kSEK, computed 3,820\xa0kSEK"
    assert str(problem) == problem.message("en")


# -- files -------------------------------------------------------------------------------------

HEADER = b"record,row,name,group,category,year,amount,unit\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (b"object,4,W,SOF,IT," + b"9" * 5000 + b",1,tkr\n", "i.csv:2: year: expected a year"),
        (b"object," + b"9" * 5000 + b",W,SOF,IT,2023,1,tkr\n", "i.csv:2: row: expected a row"),
        (b"object,4,W,SOF,IT,2023,1e-999999999,tkr\n", "i.csv:2: amount: the number"),
        (
            b"object,4,W,SOF,IT,2023,1,tkr\nobject,4,W,SOF,IT,2023,2,tkr\n",
            "i.csv:3: year: year 2023 given twice",
        ),
        (
            b"object,4,W,SOF,IT,2023,1,tkr\nobject,4,V,SOF,IT,2024,2,tkr\n",
            "i.csv:3: name: 'V' differs from 'W'",
        ),
        (
            b"object,4,W,SOF,IT,2023,1,tkr\nobject,4,W,SOF,IT,2024,2,kr\n",
            "i.csv:3: unit: 'kr' differs from 'tkr'",
        ),
        (b"object,4,W,SOF,IT,,1,tkr\n", "i.csv:2: year: an amount needs a year"),
        (b"printed,7,Summa,,,2023,1,tkr\n", "i.csv:2: row: a printed sum has no row number"),
        (b"sum,,,,,,,\n", "i.csv:2: record: expected 'object' or 'printed'"),
        (
            b"object,4,W,SOF,IT,2023,1,tkr\nobject,5,X,SOF,IT,2023,1,kr\n",
            "i.csv: objects[1] row 5 'X': unit kr",
        ),
    ],
)
def test_bad_files_name_the_line(rows: bytes, expected: str) -> None:
    with pytest.raises(sm.LedgerError) as info:
        read_investments(HEADER + rows, name="i.csv")
    assert any(p.startswith(expected) for p in texts(info.value.problems)), texts(
        info.value.problems
    )


def test_unreadable_files_are_serialization_errors() -> None:
    for data, start in [
        (HEADER + b"object,4," + b"x" * 200_000 + b",SOF,IT,2023,1,tkr\n", "i.csv:2: a field"),
        (HEADER + "object,4,Rullstol,ÄF,IT,2023,1,tkr\n".encode("cp1252"), "i.csv:2: not UTF-8"),
        (b"", "i.csv: no header row"),
    ]:
        with pytest.raises(sm.SerializationError) as info:
            read_investments(data, name="i.csv")
        assert texts(info.value.problems)[0].startswith(start)
    cr_only = HEADER.replace(b"\n", b"\r") + b"object,4,W,SOF,IT,2023,1,tkr\r"
    assert read_investments(cr_only).objects[0].amounts == {2023: 1}


def test_writer_neutralises_formulas_and_reads_back(oxelosund: sm.InvestmentBudget) -> None:
    hostile = sm.InvestmentBudget(
        [sl.InvestmentObject(1, '=HYPERLINK("x")', "@SOF", "-IT", {2023: -5})],
        printed=[sl.InvestmentSum(2023, -5, group="@SOF", label="+Summa")],
    )
    for excel in (False, True):
        written = write_investments(hostile, excel=excel)
        for cell in ("'=HYPERLINK", "'@SOF", "'-IT", "'+Summa"):
            assert cell in written
        assert ";-5;" in written or ",-5," in written  # the amount is still a number
        assert read_investments(written.encode()) == hostile
    assert read_investments(write_investments(oxelosund, excel=True).encode()) == oxelosund


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("=+-@'\"\t\n;, .|!0"),
        st.characters(codec="utf-8", exclude_characters="\r"),
    ),
    max_size=10,
).map(str.strip)


@st.composite
def _hostile_budgets(draw: st.DrawFn) -> sm.InvestmentBudget:
    rows = draw(st.lists(st.integers(1, 10**6), min_size=1, max_size=4, unique=True))
    years = st.integers(1000, 9999)
    amounts = st.decimals(min_value=-(10**20), max_value=10**20, places=2)
    objects = [
        sl.InvestmentObject(
            row,
            draw(_TEXT.filter(bool)),
            draw(_TEXT.filter(bool)),
            draw(_TEXT.filter(bool)),
            draw(st.dictionaries(years, amounts, max_size=3)),
        )
        for row in rows
    ]
    printed = [
        sl.InvestmentSum(draw(years), draw(amounts), label=draw(_TEXT))
        for _ in range(draw(st.integers(0, 2)))
    ]
    return sm.InvestmentBudget(objects, printed=printed)


@given(_hostile_budgets(), st.booleans())
def test_fuzz_what_is_written_reads_back(budget: sm.InvestmentBudget, excel: bool) -> None:
    assert read_investments(write_investments(budget, excel=excel).encode()) == budget


EXAMPLE_BYTES = (EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv").read_bytes()


@given(st.binary(max_size=400), st.integers(0, len(EXAMPLE_BYTES)), st.booleans())
def test_fuzz_only_styrmodell_errors(data: bytes, at: int, replace: bool) -> None:
    tail = at + len(data) if replace else at
    for candidate in (data, HEADER + data, EXAMPLE_BYTES[:at] + data + EXAMPLE_BYTES[tail:]):
        refused: sm.StyrmodellError | None = None
        try:
            budget = read_investments(candidate, name="fuzz.csv")
        except sm.StyrmodellError as exc:
            refused = exc
        if refused is None:
            assert read_investments(write_investments(budget).encode()) == budget
        else:
            assert all(p.startswith("fuzz.csv") for p in texts(refused.problems))
