from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given

import styrmodell as sm
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
        sm.InvestmentObject(4, "Wifi", "SOF", "IT", {2023: "sjuhundra"})
    a = sm.InvestmentObject(4, "Wifi", "SOF", "IT", {2023: 700})
    b = sm.InvestmentObject(4, "Larm", "ÄF", "IT", {2023: 500}, sm.Unit.SEK)
    with pytest.raises(sm.LedgerError) as info:
        sm.InvestmentBudget([a, b])
    assert "duplicate row" in str(info.value)
    assert "unit kr in a budget in tkr" in str(info.value)


def test_float_amounts_go_through_str() -> None:
    obj = sm.InvestmentObject(1, "Elcyklar", "SOF", "Utrustning", {2024: 0.1})
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
def test_objects_are_values(obj: sm.InvestmentObject) -> None:
    assert attrs.evolve(obj) == obj
    assert hash(attrs.evolve(obj)) == hash(obj)
