from __future__ import annotations

import copy
import csv
import doctest
import io
import pickle
import re
import runpy
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import styrmodell as sm
import styrmodell.ledger as sl
from _cases import texts
from styrmodell._ledger_base import deviation_percent, exact_sum
from styrmodell._messages import problem_text
from styrmodell._strategies_ledger import ledger_amounts, ledger_lines, ledgers
from styrmodell.io import read_ledger, write_ledger
from styrmodell.ledger import (
    amount,
    assess,
    change,
    check,
    deviation,
    deviations,
    forecast,
    frame_check,
    group_totals,
    monthly,
    periodise,
    total,
    totals,
    with_change,
)

EXAMPLES = Path(__file__).parent.parent / "examples"
PROGNOS, BUDGET, CHANGE, MB = (
    "Årsprognos per oktober 2022",
    "Budget 2022",
    "Förändr mot budg 2022",
    "M&B 2023",
)
COLUMNS = (PROGNOS, BUDGET, CHANGE, MB)


@pytest.fixture(scope="module")
def oxelosund() -> sm.Ledger:
    return read_ledger(
        EXAMPLES / "oxelosund_internbudget_2023.csv",
        changes=[sl.ScenarioChange(CHANGE, base=BUDGET, target=MB)],
    )


def _replace(ledger: sm.Ledger, code: str, kind: str, scenario: str, amount: int) -> sm.Ledger:
    lines = tuple(
        attrs.evolve(line, amount=Decimal(amount))
        if line.key == (code, sl.LineKind.parse(kind), scenario)
        else line
        for line in ledger.lines
    )
    return attrs.evolve(ledger, lines=lines)


# -- the Oxelösund tables -------------------------------------------------------------------


def test_oxelosund_adds_up(oxelosund: sm.Ledger) -> None:
    assert check(oxelosund) == ()
    assert oxelosund.scenarios == COLUMNS
    assert len(oxelosund.verksamheter) == 10


@pytest.mark.parametrize(
    ("kind", "printed"),
    [
        ("nettokostnad", (-315581, -317639, -15449, -333088)),
        ("intäkter", (40465, 42265, -645, 41620)),
        ("kostnader", (-356046, -359904, -14804, -374708)),
    ],
)
def test_oxelosund_printed_sums(oxelosund: sm.Ledger, kind: str, printed: tuple[int, ...]) -> None:
    # The S:a rows exactly as the plan prints them.
    assert tuple(totals(oxelosund, kind)[s] for s in COLUMNS) == tuple(map(Decimal, printed))
    figures = {
        f.scenario: f.amount
        for f in oxelosund.printed
        if f.verksamhet is None and f.kind is sl.LineKind.parse(kind)
    }
    assert tuple(figures[s] for s in COLUMNS) == tuple(map(Decimal, printed))


def test_oxelosund_row_identities(oxelosund: sm.Ledger) -> None:
    printed_net = {
        (f.verksamhet.code, f.scenario): f.amount
        for f in oxelosund.printed
        if f.verksamhet is not None
    }
    assert len(printed_net) == 40  # every row, every column
    for v in oxelosund.verksamheter:
        for s in COLUMNS:
            income = amount(oxelosund, v, s, "intäkter")
            costs = amount(oxelosund, v, s, "kostnader")
            assert printed_net[v.code, s] == income + costs == amount(oxelosund, v, s)
        for kind in ("intäkter", "kostnader", "nettokostnad"):
            assert amount(oxelosund, v, BUDGET, kind) + amount(
                oxelosund, v, CHANGE, kind
            ) == amount(oxelosund, v, MB, kind)


def test_oxelosund_empty_cells_are_absent_lines(oxelosund: sm.Ledger) -> None:
    keys = {line.key for line in oxelosund.lines}
    assert ("11", sl.LineKind.INCOME, BUDGET) not in keys
    assert ("11", sl.LineKind.INCOME, CHANGE) in keys  # the plan prints 0 there
    assert amount(oxelosund, "11", BUDGET, "intäkter") == 0


def test_oxelosund_frame(oxelosund: sm.Ledger) -> None:
    held = frame_check(oxelosund, MB, 333088)
    assert held.holds
    assert held.margin == 0
    assert held.explain() == (
        "Nettokostnaden 333\xa0088\xa0tkr ryms inom ramen 333\xa0088\xa0tkr (M&B 2023)"
    )
    tight = frame_check(oxelosund, MB, "333 000")
    assert not tight.holds
    assert tight.margin == Decimal(-88)
    assert tight.explain("en") == (
        "Net cost 333,088\xa0kSEK exceeds the frame 333,000\xa0kSEK by 88\xa0kSEK (M&B 2023)"
    )
    assert "överskrider ramen 333\xa0000\xa0tkr med 88\xa0tkr" in tight.explain()


def test_oxelosund_formatting(oxelosund: sm.Ledger) -> None:
    net = total(oxelosund, MB)
    assert oxelosund.unit.format(net) == "−333\xa0088\xa0tkr"
    assert oxelosund.unit.format(-net) == "333\xa0088\xa0tkr"
    assert oxelosund.unit.format(net, "en") == "-333,088\xa0kSEK"


def test_oxelosund_prognosis_deviation(oxelosund: sm.Ledger) -> None:
    d = deviation(oxelosund, PROGNOS, BUDGET)
    assert d.amount == d.outcome - d.budget == change(oxelosund, BUDGET, PROGNOS)
    assert d.amount > 0  # the prognosis costs less than budgeted: a better result
    assert d.percent == sm.BudgetDeviation.deviation_percent(d.outcome, d.budget)
    assert d.format() == "+2\xa0058\xa0tkr (+0,6\xa0%)"
    assert d.format("en", places=2) == "+2,058\xa0kSEK (+0.65%)"
    ifo = deviation(oxelosund, PROGNOS, BUDGET, verksamhet="54")
    assert ifo.amount < 0  # Individ och familjeomsorg is forecast over budget
    assert deviations(oxelosund, PROGNOS, BUDGET)["54"] == ifo


def test_oxelosund_assess_no_negative(oxelosund: sm.Ledger) -> None:
    ledger = attrs.evolve(
        oxelosund,
        threshold=sm.BudgetDeviation.no_negative(),
        thresholds={"54": sm.BudgetDeviation.no_negative()},
    )
    whole = assess(ledger, PROGNOS, BUDGET)
    assert whole.status is sm.Status.GREEN
    lead = "Avvikelse 0,65\xa0% (utfall −315\xa0581, budget −317\xa0639)"
    assert whole.explain().startswith(lead)
    assert assess(ledger, PROGNOS, BUDGET, of="54").status is sm.Status.RED


def test_hassleholm_bands_from_ledger_figures(oxelosund: sm.Ledger) -> None:
    # "Grönt: = 0 - 0,5% plus Gult: plus/minus 0,5-2% Rött: mer än plus/minus 2%"
    rule = sm.BudgetDeviation(
        green="[0, 0.5]", yellow="[-2, 0) | (0.5, 2]", red="(-inf, -2) | (2, inf)"
    )
    result = assess(oxelosund, PROGNOS, BUDGET, threshold=rule)
    percent = deviation(oxelosund, PROGNOS, BUDGET).percent
    assert percent is not None
    assert Decimal("0.5") < percent < 2
    assert result.status is sm.Status.YELLOW


def test_altered_figure_is_named_by_check(oxelosund: sm.Ledger) -> None:
    broken = _replace(oxelosund, "54", "kostnader", BUDGET, -58118)
    problems = check(broken)
    where = {(p.rule, p.where, p.kind, p.scenario) for p in problems}
    assert where == {
        ("row", "54 Individ och familjeomsorg", sl.LineKind.NET, BUDGET),
        ("sum", "S:a Nettokostnad", sl.LineKind.NET, BUDGET),
        ("sum", "S:a Kostnader", sl.LineKind.COSTS, BUDGET),
        ("change", "54 Individ och familjeomsorg", sl.LineKind.COSTS, CHANGE),
    }
    row = next(p for p in problems if p.rule == "row")
    assert row.printed == -56072
    assert row.computed == -56073
    assert row.message() == (
        "54 Individ och familjeomsorg, nettokostnad, Budget 2022: tryckt −56\xa0072\xa0tkr, "
        "beräknat −56\xa0073\xa0tkr (skillnad 1\xa0tkr)"
    )
    assert str(row).startswith("54 Individ och familjeomsorg, net cost, Budget 2022: printed")


def test_unknown_printed_rows_are_reported(oxelosund: sm.Ledger) -> None:
    extra = sl.PrintedFigure("nettokostnad", "Utfall 2023", 0, label="S:a")
    stray = sl.PrintedFigure("nettokostnad", MB, 0, verksamhet="99 Okänd")
    ledger = attrs.evolve(oxelosund, printed=(*oxelosund.printed, extra, stray))
    assert [(p.rule, p.where) for p in check(ledger)] == [
        ("unknown", "S:a"),
        ("unknown", "99 Okänd"),
    ]


def test_with_change_builds_the_change_column(oxelosund: sm.Ledger) -> None:
    bare = sm.Ledger([line for line in oxelosund.lines if line.scenario != CHANGE])
    rebuilt = with_change(bare, CHANGE, base=BUDGET, target=MB)
    assert check(rebuilt) == ()
    for v in oxelosund.verksamheter:
        for kind in ("intäkter", "kostnader"):
            assert amount(rebuilt, v, CHANGE, kind) == amount(oxelosund, v, CHANGE, kind)
    with pytest.raises(sm.LedgerError, match="already exists"):
        with_change(rebuilt, CHANGE, base=BUDGET, target=MB)


def test_groups_by_user_chart(oxelosund: sm.Ledger) -> None:
    chart = {v.code: ("ÄF" if v.code == "55" else "SOF") for v in oxelosund.verksamheter}
    ledger = attrs.evolve(oxelosund, chart=chart)
    sums = group_totals(ledger, MB)
    assert sums["ÄF"] == amount(ledger, "55", MB)
    assert exact_sum(sums.values()) == total(ledger, MB)
    assert total(ledger, MB, group="SOF") == sums["SOF"]
    assert set(deviations(ledger, PROGNOS, BUDGET, by="group")) == {"SOF", "ÄF"}
    with pytest.raises(sm.LedgerError, match="no group for verksamhet 11 Nämndverksamhet, 27"):
        group_totals(oxelosund, MB, chart={"55": "ÄF"})
    with pytest.raises(sm.LedgerError, match="unknown group 'IFO'"):
        total(ledger, MB, group="IFO")


def test_csv_round_trip_of_the_example(oxelosund: sm.Ledger) -> None:
    text = (EXAMPLES / "oxelosund_internbudget_2023.csv").read_text(encoding="utf-8")
    assert write_ledger(oxelosund) == text


# -- errors -----------------------------------------------------------------------------------


def test_float_goes_through_str() -> None:
    line = sl.LedgerLine("54 Individ och familjeomsorg", "kostnader", BUDGET, 0.1)
    assert line.amount == Decimal("0.1")


@pytest.mark.parametrize("bad", ["tolv", None, True, float("nan"), "inf", [1]])
def test_non_number_names_the_line(bad: object) -> None:
    with pytest.raises(sm.LedgerError, match=r"line 54 Individ och familjeomsorg / kostnader"):
        sl.LedgerLine("54 Individ och familjeomsorg", "kostnader", BUDGET, bad)  # type: ignore[arg-type]


def test_net_is_never_stored() -> None:
    with pytest.raises(sm.LedgerError, match="derived, never stored"):
        sl.LedgerLine("54", "nettokostnad", BUDGET, 1)


def test_whole_ledger_errors_are_collected() -> None:
    a = sl.LedgerLine("54 IFO", "kostnader", BUDGET, -1)
    b = sl.LedgerLine("54 IFO", "kostnader", BUDGET, -2)
    c = sl.LedgerLine("55 Vård", "kostnader", BUDGET, -1000, sm.Unit.SEK)
    d = sl.LedgerLine("55 Äldreomsorg", "intäkter", BUDGET, 1)
    with pytest.raises(sm.LedgerError) as info:
        sm.Ledger([a, b, c, d])
    message = str(info.value)
    assert "lines[1] 54 IFO / kostnader / 'Budget 2022': duplicate line" in message
    assert "lines[2] 55 Vård / kostnader / 'Budget 2022': unit kr in a ledger in tkr" in message
    assert "code '55' is also named 'Vård'" in message
    # One problem each, never joined into one text.
    assert texts(info.value.problems) == (
        "lines[1] 54 IFO / kostnader / 'Budget 2022': duplicate line",
        "lines[2] 55 Vård / kostnader / 'Budget 2022': unit kr in a ledger in tkr",
        "lines[3] 55 Äldreomsorg / intäkter / 'Budget 2022': code '55' is also named 'Vård'",
    )
    assert [p.code for p in info.value.problems] == [
        "ledger.duplicate_line",
        "ledger.unit_mix",
        "ledger.two_names",
    ]


def test_unknown_scenario_and_verksamhet(oxelosund: sm.Ledger) -> None:
    with pytest.raises(sm.LedgerError, match="outcome: unknown scenario 'Utfall 2023'"):
        deviation(oxelosund, "Utfall 2023", BUDGET)
    with pytest.raises(sm.LedgerError, match="unknown verksamhet 99"):
        deviation(oxelosund, PROGNOS, BUDGET, verksamhet="99")
    with pytest.raises(sm.LedgerError, match="no threshold"):
        assess(oxelosund, PROGNOS, BUDGET)
    with pytest.raises(sm.LedgerError, match="positive"):
        frame_check(oxelosund, MB, -333088)


def test_bad_csv_lists_every_row() -> None:
    text = (
        "record,code,name,group,kind,scenario,amount,unit\n"
        "line,54,IFO,,kostnader,Budget 2022,tolv,tkr\n"
        "line,54,IFO,,kostnader,M&B 2023,-1,tkr\n"
        "sum,,,,,,,\n"
        "line,55,Vård,,kostnader,Budget 2022,-1,euro\n"
    )
    with pytest.raises(sm.LedgerError) as info:
        read_ledger(text.encode(), name="budget.csv")
    assert texts(info.value.problems) == (
        "budget.csv:2: amount: expected a number, got 'tolv'",
        "budget.csv:4: record: expected 'line', 'printed' or 'chart', got 'sum'",
        "budget.csv:5: unit: expected Unit.TKR or Unit.SEK ('tkr' or 'kr'), got 'euro'",
    )
    assert [p.code for p in info.value.problems] == [
        "number.expected",
        "ledger.csv_record",
        "ledger.expected_money_unit",
    ]
    assert [p.value for p in info.value.problems] == ["tolv", "sum", "euro"]
    assert str(info.value).startswith("budget.csv: 3 problems\n  budget.csv:2: amount:")
    with pytest.raises(sm.LedgerError, match="CSV header"):
        read_ledger(b"a,b\n1,2\n")


# -- periodisation and forecast -------------------------------------------------------------


def test_periodise_even_and_by_profile() -> None:
    months = periodise(-333088)
    assert exact_sum(months) == -333088
    assert {-m for m in months} == {Decimal(27757), Decimal(27758)}
    summer = [1] * 6 + [2, 2] + [1] * 4  # more in July and August (semester staffing)
    months = periodise(1400, summer)
    assert months[6] == months[7] == 200
    assert months[0] == 100
    assert periodise("100.50", months=2) == (Decimal("50.25"), Decimal("50.25"))


@pytest.mark.parametrize(
    ("profile", "match"),
    [([1] * 11, "expected 12 weights"), ([1] * 11 + [-1], r"profile\[11\]"), ([0] * 12, "> 0")],
)
def test_periodise_rejects_bad_profiles(profile: list[int], match: str) -> None:
    with pytest.raises(sm.LedgerError, match=match):
        periodise(100, profile)


@given(
    ledger_amounts(places=2),
    st.one_of(st.none(), st.lists(st.integers(0, 50), min_size=12, max_size=12)),
)
def test_periodise_sums_exactly(amount: Decimal, profile: list[int] | None) -> None:
    if profile is not None and not any(profile):
        profile = None
    months = periodise(amount, profile)
    assert len(months) == 12
    assert exact_sum(months) == amount
    assert all(m * amount >= 0 for m in months)  # no month flips sign
    if profile is None:
        assert max(months) - min(months) <= Decimal("0.01")


def test_forecast_takes_outcome_then_budget(oxelosund: sm.Ledger) -> None:
    # An accumulated outcome for Jan–Aug: 8/12 of the budget, 100 tkr more cost on IFO.
    costs = sl.LineKind.COSTS
    outcome = [
        sl.LedgerLine(
            line.verksamhet,
            line.kind,
            "Utfall jan–aug 2023",
            exact_sum(periodise(line.amount)[:8]) - (100 if line.key[:2] == ("54", costs) else 0),
        )
        for line in oxelosund.lines
        if line.scenario == MB
    ]
    ledger = attrs.evolve(oxelosund, lines=oxelosund.lines + tuple(outcome))
    forecasted = forecast(
        ledger,
        "Helårsprognos augusti 2023",
        basis=MB,
        outcome="Utfall jan–aug 2023",
        closed_months=8,
    )
    d = deviation(forecasted, "Helårsprognos augusti 2023", MB)
    assert d.amount == -100
    assert deviation(forecasted, "Helårsprognos augusti 2023", MB, verksamhet="55").amount == 0
    whole_year = forecast(ledger, "P12", basis=MB, outcome="Utfall jan–aug 2023", closed_months=12)
    assert total(whole_year, "P12") == total(ledger, "Utfall jan–aug 2023")
    with pytest.raises(sm.LedgerError, match="closed_months"):
        forecast(ledger, "P13", basis=MB, outcome="Utfall jan–aug 2023", closed_months=13)


def test_monthly_sums_to_total(oxelosund: sm.Ledger) -> None:
    months = monthly(oxelosund, MB)
    assert exact_sum(months) == total(oxelosund, MB)
    assert exact_sum(monthly(oxelosund, MB, "intäkter", verksamhet="62")) == 2990


# -- properties -------------------------------------------------------------------------------


@given(ledgers(), st.randoms(use_true_random=False))
def test_sums_are_exact_and_order_independent(ledger: sm.Ledger, rnd: object) -> None:
    lines = list(ledger.lines)
    rnd.shuffle(lines)  # type: ignore[attr-defined]
    shuffled = sm.Ledger(lines, unit=ledger.unit)
    for kind in sl.LineKind:
        assert totals(shuffled, kind) == totals(ledger, kind)
        for scenario in ledger.scenarios:
            expected = sum(
                (
                    line.amount
                    for line in ledger.lines
                    if line.scenario == scenario and (kind is sl.LineKind.NET or line.kind is kind)
                ),
                Decimal(0),
            )
            assert total(ledger, scenario, kind) == expected


@given(ledgers(amounts=ledger_amounts(max_abs=10**23, places=4)))
def test_sums_beyond_28_digits_stay_exact(ledger: sm.Ledger) -> None:
    for scenario, summed in totals(ledger).items():
        exact = sum(Fraction(line.amount) for line in ledger.lines if line.scenario == scenario)
        assert Fraction(summed) == exact


@given(ledgers(printed=True))
def test_net_identity_on_every_row(ledger: sm.Ledger) -> None:
    assert check(ledger) == ()
    for v in ledger.verksamheter:
        for s in ledger.scenarios:
            assert amount(ledger, v, s) == amount(ledger, v, s, "intäkter") + amount(
                ledger, v, s, "kostnader"
            )


@given(ledger_amounts(allow_zero=False).map(abs), ledger_amounts(max_abs=1000).map(abs))
def test_smaller_cost_is_positive_deviation(cost: Decimal, saving: Decimal) -> None:
    v = sl.Verksamhet("54", "IFO")
    ledger = sm.Ledger(
        [
            sl.LedgerLine(v, "kostnader", BUDGET, -cost),
            sl.LedgerLine(v, "kostnader", PROGNOS, -cost + saving),
            sl.LedgerLine(v, "intäkter", BUDGET, cost),
            sl.LedgerLine(v, "intäkter", PROGNOS, cost + saving),
        ]
    )
    costs = deviation(ledger, PROGNOS, BUDGET, "kostnader")
    income = deviation(ledger, PROGNOS, BUDGET, "intäkter")
    assert costs.amount == income.amount == saving
    assert costs.percent is not None
    assert (costs.percent > 0) == (saving > 0)
    assert costs.percent == deviation_percent(-cost + saving, -cost)
    net = deviation(ledger, PROGNOS, BUDGET)
    assert net.amount == 2 * saving
    assert net.percent is None  # net budget is zero: no percentage


@given(ledgers(printed=True, chart=True))
def test_csv_round_trip(ledger: sm.Ledger) -> None:
    assert read_ledger(write_ledger(ledger).encode()) == ledger


@given(ledgers(chart=True))
def test_group_totals_partition_the_total(ledger: sm.Ledger) -> None:
    for scenario in ledger.scenarios:
        assert exact_sum(group_totals(ledger, scenario).values()) == total(ledger, scenario)


@given(ledgers(scenarios=(BUDGET, MB)))
def test_change_column_always_checks(ledger: sm.Ledger) -> None:
    changed = with_change(ledger, CHANGE, base=BUDGET, target=MB)
    assert check(changed) == ()
    assert total(changed, CHANGE) == change(changed, BUDGET, MB)


@given(ledger_lines())
def test_lines_are_frozen_values(line: sl.LedgerLine) -> None:
    assert attrs.evolve(line) == line
    assert hash(attrs.evolve(line)) == hash(line)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.amount = Decimal(0)  # type: ignore[misc]


# -- one problem per line, in every locale ----------------------------------------------------


def test_a_bad_line_is_one_problem_with_code_path_and_value() -> None:
    with pytest.raises(sm.LedgerError) as info:
        sl.LedgerLine("54 Individ och familjeomsorg", "kostnader", BUDGET, "tolv")
    (found,) = info.value.problems
    assert found.path == "line 54 Individ och familjeomsorg / kostnader / 'Budget 2022': amount"
    assert (found.code, found.value) == ("number.expected", "tolv")
    assert str(info.value) == str(found)
    assert problem_text(found, "sv").endswith("amount: förväntade ett tal, fick 'tolv'")


def test_errors_name_the_field_that_holds_them() -> None:
    cases = [
        (lambda: sl.LedgerLine(3, "kostnader", BUDGET, 1), "LedgerLine.verksamhet: expected a"),
        (lambda: sl.LedgerLine("54 IFO", "utgifter", BUDGET, 1), "line 54 IFO: kind: expected"),
        (lambda: sl.LedgerLine("54 IFO", "kostnader", " ", 1), "line 54 IFO / kostnader: scenario"),
        (lambda: sl.PrintedFigure("nettokostnad", BUDGET, "x"), "PrintedFigure.amount: expected"),
        (lambda: sm.Ledger([1]), "Ledger.lines[0]: expected a LedgerLine, got 1"),  # type: ignore[list-item]
        (lambda: sm.Ledger(unit="procent"), "Ledger.unit: expected Unit.TKR or Unit.SEK"),
        (lambda: sm.Ledger(threshold=5), "Ledger.threshold: expected a styrmodell threshold"),  # type: ignore[arg-type]
        (lambda: sm.Ledger(chart={"54": ""}), "Ledger.chart['54']: expected a non-empty text"),
        (lambda: sl.Verksamhet(""), "Verksamhet.code: expected a non-empty text, got ''"),
    ]
    for make, start in cases:
        with pytest.raises(sm.LedgerError) as info:
            make()
        assert str(info.value).startswith(start), str(info.value)
        assert len(info.value.problems) == 1


def test_words_for_people_come_from_the_catalogs() -> None:
    assert [k.label() for k in sl.LineKind] == ["intäkter", "kostnader", "nettokostnad"]
    assert [k.label("en") for k in sl.LineKind] == ["income", "costs", "net cost"]
    assert [k.label("en_GB") for k in sl.LineKind] == ["income", "costs", "net cost"]
    total_row = sl.PrintedFigure("nettokostnad", MB, 1)
    sub_total = sl.PrintedFigure("nettokostnad", MB, 1, group="SOF")
    assert (total_row.where(), total_row.where("en")) == ("S:a", "Total")
    assert (sub_total.where(), sub_total.where("en")) == ("Varav summa SOF", "Of which SOF")


def test_ledger_modules_have_no_locale_branches() -> None:
    src = Path(sm.__file__).parent
    modules = [*src.glob("_ledger*.py"), *src.glob("_investment*.py"), src / "_tables.py"]
    modules += [src / "ledger.py", src / "_io" / "ledger.py", src / "_io" / "investments.py"]
    for module in modules:
        code = module.read_text(encoding="utf-8")
        assert "language(" not in code, module
        assert '== "sv"' not in code, module


def test_messages_escape_control_characters_from_data() -> None:
    problem = sl.LedgerProblem("sum", "S:a\x1b[2J", sl.LineKind.NET, "B\r", Decimal(1), Decimal(2))
    assert "\x1b" not in problem.message()
    assert "\r" not in problem.message("en")
    check_ = sl.FrameCheck("M&B\x1b]8;;x", Decimal(1), Decimal(1), Decimal(0))
    assert "\x1b" not in check_.explain()


# -- the ledger as a value ---------------------------------------------------------------------


def test_ledger_is_a_plain_value_with_a_cached_index(oxelosund: sm.Ledger) -> None:
    for copied in (pickle.loads(pickle.dumps(oxelosund)), copy.deepcopy(oxelosund)):
        assert copied == oxelosund
        assert hash(copied) == hash(oxelosund)
        assert totals(copied) == totals(oxelosund)
    assert attrs.evolve(oxelosund) == oxelosund
    assert not hasattr(oxelosund, "__dict__")
    # Only data is compared and hashed; the index is derived from the lines.
    assert [f.name for f in attrs.fields(sm.Ledger)] == [
        "lines",
        "unit",
        "printed",
        "changes",
        "chart",
        "threshold",
        "thresholds",
    ]


def test_functions_refuse_what_is_not_a_table() -> None:
    with pytest.raises(sm.LedgerError, match="expected a Ledger or an InvestmentBudget"):
        total("Budget 2022", 2023)  # type: ignore[call-overload]
    with pytest.raises(sm.LedgerError, match="expected a Ledger or an InvestmentBudget"):
        check([])  # type: ignore[call-overload]


def test_periodise_is_bounded() -> None:
    for huge in ("1e999999", "1e-999999999", 10**30, "9" * 5000):
        with pytest.raises(sm.LedgerError, match="periodise amount"):
            periodise(huge)
    with pytest.raises(sm.LedgerError, match="from 1 to 1000"):
        periodise(1, months=10**9)
    # The largest amount the limits allow still spreads exactly.
    largest = Decimal("99999999999999999999999.99999")
    assert exact_sum(periodise(largest)) == largest
    assert exact_sum(periodise(Decimal("1E-24"), months=1000)) == Decimal("1E-24")


# -- files: read_ledger and write_ledger ------------------------------------------------------

HEADER = b"record,code,name,group,kind,scenario,amount,unit\n"


def test_reader_takes_a_path_bytes_or_an_open_file(oxelosund: sm.Ledger) -> None:
    path = EXAMPLES / "oxelosund_internbudget_2023.csv"
    data = path.read_bytes()
    fields = {"changes": oxelosund.changes}
    assert read_ledger(str(path), **fields) == oxelosund
    assert read_ledger(data, **fields) == oxelosund
    assert read_ledger(io.BytesIO(data), **fields) == oxelosund
    assert read_ledger(io.StringIO(data.decode()), **fields) == oxelosund


def test_reader_names_duplicates_by_the_line_of_the_file() -> None:
    data = HEADER + (
        b"line,54,IFO,,kostnader,B,-1,tkr\n"
        b"line,55,V\xc3\xa5rd,,kostnader,B,-1,kr\n"
        b"line,54,IFO,,kostnader,B,-2,tkr\n"
        b"line,54,Annat,,intakter,B,2,tkr\n"
    )
    with pytest.raises(sm.LedgerError) as info:
        read_ledger(data, name="budget.csv")
    assert texts(info.value.problems) == (
        "budget.csv:3: unit kr in a ledger in tkr",
        "budget.csv:4: duplicate line",
        "budget.csv:5: code '54' is also named 'IFO'",
    )


def test_reader_collects_every_bad_cell_of_a_row() -> None:
    data = HEADER + b"line,,IFO,,nettokostnad,,1e-999999999,euro\n"
    with pytest.raises(sm.LedgerError) as info:
        read_ledger(data, name="b.csv")
    assert [p.path for p in info.value.problems] == [
        "b.csv:2: code",
        "b.csv:2: kind",
        "b.csv:2: scenario",
        "b.csv:2: amount",
        "b.csv:2: unit",
    ]
    assert info.value.problems[3].code == "number.too_small"


@pytest.mark.parametrize(
    ("data", "error", "start"),
    [
        # A 10⁹-digit sum is refused with its line, before any sum is made.
        (
            HEADER + b"line,54,IFO,,kostnader,B,1e-999999999,tkr\n",
            sm.LedgerError,
            "b.csv:2: amount: the number '1e-999999999' is too small",
        ),
        (
            HEADER + b"line,54,IFO,,kostnader,B," + b"9" * 5000 + b",tkr\n",
            sm.LedgerError,
            "b.csv:2: amount",
        ),
        (
            HEADER + b"line,54," + b"x" * 200_000 + b",,kostnader,B,1,tkr\n",
            sm.SerializationError,
            "b.csv:2: a field is longer",
        ),
        (
            HEADER + "line,54,Äldre,,kostnader,B,1,tkr\n".encode("cp1252"),
            sm.SerializationError,
            "b.csv:2: not UTF-8 text",
        ),
        (
            HEADER + b"line,54,IFO,,kostnader,B,1,tkr,extra\n",
            sm.SerializationError,
            "b.csv:2: 9 cells",
        ),
        (HEADER + b'line,54,"IFO,,kostnader,B,1,tkr\n', sm.LedgerError, "b.csv:2: kind"),
        (b"", sm.SerializationError, "b.csv: no header row"),
        (b"\x00\xff\xfe", sm.SerializationError, "b.csv:1: not UTF-8"),
        (b"a,b\n1,2\n", sm.LedgerError, "b.csv:1: CSV header: expected record,code,name"),
        (HEADER + b"sum,,,,,,,\n", sm.LedgerError, "b.csv:2: record: expected 'line'"),
        (
            HEADER + b"chart,54,,SOF,,,,\nchart,54,,\xc3\x84F,,,,\n",
            sm.LedgerError,
            "b.csv:3: group: code '54' is in group 'SOF' and '\xc4F'",
        ),
    ],
)
def test_hostile_files_raise_a_styrmodell_error_with_the_line(
    data: bytes, error: type[sm.StyrmodellError], start: str
) -> None:
    with pytest.raises(error) as info:
        read_ledger(data, name="b.csv")
    assert any(str(p).startswith(start) for p in info.value.problems), texts(info.value.problems)


def test_cr_only_line_ends_and_cp1252_read_when_asked() -> None:
    data = HEADER + b"line,54,IFO,,kostnader,B,-1,tkr\n"
    assert read_ledger(data.replace(b"\n", b"\r")) == read_ledger(data)
    excel = (
        "record;code;name;group;kind;scenario;amount;unit\r\n"
        "line;55;Äldreomsorg;;kostnader;Budget 2022;−58 117,5;tkr\r\n"
    ).encode("cp1252", errors="replace")
    ledger = read_ledger(excel.replace(b"?", b"-"), encoding="auto")
    assert ledger.lines[0].verksamhet.name == "Äldreomsorg"
    assert ledger.lines[0].amount == Decimal("-58117.5")


def test_writer_neutralises_formulas_and_keeps_amounts_numbers() -> None:
    payloads = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "'=already", "''-x"]
    ledger = sm.Ledger(
        [
            sl.LedgerLine(sl.Verksamhet(str(i), name), "kostnader", payload, -58117 - i)
            for i, (name, payload) in enumerate(zip(payloads, reversed(payloads), strict=True))
        ]
    )
    for excel in (False, True):
        written = write_ledger(ledger, excel=excel)
        rows = list(
            csv.reader(io.StringIO(written.lstrip("\ufeff")), delimiter=";" if excel else ",")
        )
        for row in rows[1:]:
            assert not row[2].startswith(("=", "+", "-", "@"))
            assert not row[5].startswith(("=", "+", "-", "@"))
            assert row[6].startswith("-58")  # a negative amount is still a number
        assert read_ledger(written.encode()) == ledger


def test_excel_csv_is_semicolons_decimal_comma_and_a_bom(oxelosund: sm.Ledger) -> None:
    halves = attrs.evolve(
        oxelosund, lines=(sl.LedgerLine("99 Halva", "intäkter", MB, "0,5"),), printed=()
    )
    written = write_ledger(halves, excel=True)
    assert written.startswith("\ufeffrecord;code;name;group;kind;scenario;amount;unit\n")
    assert "line;99;Halva;;intäkter;M&B 2023;0,5;tkr\n" in written
    assert read_ledger(written.encode(), changes=()) == attrs.evolve(halves, changes=())


def test_writer_writes_to_a_path_or_an_open_file(oxelosund: sm.Ledger, tmp_path: Path) -> None:
    target = tmp_path / "budget.csv"
    text = write_ledger(oxelosund, target)
    assert target.read_text(encoding="utf-8") == text
    buffer = io.StringIO()
    write_ledger(oxelosund, buffer, excel=True)
    assert buffer.getvalue().startswith("\ufeff")
    with pytest.raises(sm.SerializationError, match="cannot write the file"):
        write_ledger(oxelosund, tmp_path / "missing" / "budget.csv")


# -- fuzz: only StyrmodellError comes out, and what is written reads back ----------------------

EXAMPLE_BYTES = (EXAMPLES / "oxelosund_internbudget_2023.csv").read_bytes()
HOSTILE_CELLS = [
    "1e-999999999",
    "9" * 5000,
    "1e999999",
    "nan",
    "-inf",
    "58 17",
    "=1+1",
    '"',
    "\x00",
    "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
    "x" * 20_000,
    "",
    "nettokostnad",
    "kr",
    "chart",
    "printed",
]


def _read_or_refuse(data: bytes) -> sm.Ledger | None:
    refused: sm.StyrmodellError | None = None
    try:
        return read_ledger(data, name="fuzz.csv")
    except sm.StyrmodellError as exc:
        refused = exc
    assert refused.problems
    assert all(str(p).startswith("fuzz.csv") for p in refused.problems), texts(refused.problems)
    return None


@given(st.binary(max_size=600))
def test_fuzz_any_bytes(data: bytes) -> None:
    _read_or_refuse(data)
    _read_or_refuse(HEADER + data)


@given(st.data())
def test_fuzz_mutations_of_the_example(data: st.DataObject) -> None:
    lines = EXAMPLE_BYTES.split(b"\n")
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["cell", "bytes", "drop", "copy", "cr", "split"]))
        if op == "cell":
            cells = lines[i].split(b",")
            j = data.draw(st.integers(0, len(cells) - 1))
            cells[j] = data.draw(st.sampled_from(HOSTILE_CELLS)).encode("utf-8", "surrogatepass")
            lines[i] = b",".join(cells)
        elif op == "bytes":
            lines[i] = data.draw(st.binary(max_size=40))
        elif op == "drop":
            del lines[i]
        elif op == "copy":
            lines.insert(i, lines[i])
        elif op == "cr":
            lines[i] = lines[i] + b"\r"
        else:
            k = data.draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + b'"' + lines[i][k:]
        if not lines:
            break
    ledger = _read_or_refuse(b"\n".join(lines))
    if ledger is not None:
        assert read_ledger(write_ledger(ledger).encode()) == ledger


_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("=+-@'\"\t\n;, .|!0"),
        st.characters(codec="utf-8", exclude_characters="\r"),
    ),
    max_size=10,
).map(str.strip)


@st.composite
def _hostile_ledgers(draw: st.DrawFn) -> sm.Ledger:
    unit = draw(st.sampled_from([sm.Unit.TKR, sm.Unit.SEK]))
    codes = draw(st.lists(_TEXT.filter(bool), min_size=1, max_size=4, unique=True))
    scenarios = draw(st.lists(_TEXT.filter(bool), min_size=1, max_size=3, unique=True))
    amounts = ledger_amounts(max_abs=10**20, places=draw(st.integers(0, 4)))
    rows = [sl.Verksamhet(code, draw(_TEXT)) for code in codes]
    lines = [
        sl.LedgerLine(v, kind, s, draw(amounts), unit)
        for v in rows
        for kind in (sl.LineKind.INCOME, sl.LineKind.COSTS)
        for s in scenarios
        if draw(st.booleans())
    ] or [sl.LedgerLine(rows[0], "kostnader", scenarios[0], 0, unit)]
    printed = [
        sl.PrintedFigure(kind, s, draw(amounts), label=draw(_TEXT), unit=unit)
        for kind in sl.LineKind
        for s in scenarios
        if draw(st.booleans())
    ]
    printed += [sl.PrintedFigure("nettokostnad", scenarios[0], 0, verksamhet=rows[0], unit=unit)]
    chart = {v.code: draw(_TEXT.filter(bool)) for v in rows if draw(st.booleans())}
    return sm.Ledger(lines, unit=unit, printed=printed, chart=chart)


@given(_hostile_ledgers(), st.booleans())
def test_fuzz_what_is_written_reads_back(ledger: sm.Ledger, excel: bool) -> None:
    assert read_ledger(write_ledger(ledger, excel=excel).encode()) == ledger


# -- the how-to and the example ---------------------------------------------------------------


def test_budget_guide_runs_and_shows_what_it_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pycon block of docs/how-to/budget.md runs as a doctest, in order, from the root."""
    root = EXAMPLES.parent
    page = (root / "docs" / "how-to" / "budget.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", page, flags=re.DOTALL)
    assert "```python" not in page  # every block is checked, none only executed
    monkeypatch.chdir(root)
    test = doctest.DocTestParser().get_doctest(
        "\n".join(blocks), {}, "budget.md", "docs/how-to/budget.md", 0
    )
    result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
    assert result.failed == 0
    assert result.attempted >= 60


def test_budget_example_reproduces_every_printed_sum(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        runpy.run_path(str(EXAMPLES / "oxelosund_budget_2023.py"), run_name="__main__")
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for kind, sums in [
        ("nettokostnad", ("−315 581", "−317 639", "−15 449", "−333 088")),
        ("intäkter", ("40 465", "42 265", "−645", "41 620")),
        ("kostnader", ("−356 046", "−359 904", "−14 804", "−374 708")),
    ]:
        row = next(line for line in out.splitlines() if line.startswith(f"S:a {kind}"))
        cells = re.split(r" {2,}", row.replace("\xa0", " "))
        assert cells == [f"S:a {kind}", *(f"{s} tkr" for s in sums)]
    assert out.count("check(): 0 problem(s)") == 2
    for year, whole, sof, af in [
        (2023, "9 110", "4 750", "4 360"),
        (2024, "3 610", "1 500", "2 110"),
        (2025, "3 910", "1 800", "2 110"),
    ]:
        assert f"{year}: {whole} tkr (varav SOF {sof} tkr, varav ÄF {af} tkr)" in out.replace(
            "\xa0", " "
        )


@given(ledger_amounts(max_abs=10**23, places=4), ledger_amounts(max_abs=10**23, places=4))
def test_deviation_percent_is_the_budget_deviation_formula(
    outcome: Decimal, budget: Decimal
) -> None:
    if budget == 0:
        assert deviation_percent(outcome, budget) is None
    else:
        try:
            expected = sm.BudgetDeviation.deviation_percent(outcome, budget)
        except sm.ThresholdError:
            # Beyond the limits of numbers a threshold judges (10^24 %): no colour to compare.
            assume(False)
        assert deviation_percent(outcome, budget) == expected
        assert sl.LedgerDeviation.of(outcome, budget).percent == expected
