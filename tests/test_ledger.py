from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import texts
from styrmodell._ledger_base import deviation_percent, exact_sum
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
        changes=[sm.ScenarioChange(CHANGE, base=BUDGET, target=MB)],
    )


def _replace(ledger: sm.Ledger, code: str, kind: str, scenario: str, amount: int) -> sm.Ledger:
    lines = tuple(
        attrs.evolve(line, amount=Decimal(amount))
        if line.key == (code, sm.LineKind.parse(kind), scenario)
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
        if f.verksamhet is None and f.kind is sm.LineKind.parse(kind)
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
    assert ("11", sm.LineKind.INCOME, BUDGET) not in keys
    assert ("11", sm.LineKind.INCOME, CHANGE) in keys  # the plan prints 0 there
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
        ("row", "54 Individ och familjeomsorg", sm.LineKind.NET, BUDGET),
        ("sum", "S:a Nettokostnad", sm.LineKind.NET, BUDGET),
        ("sum", "S:a Kostnader", sm.LineKind.COSTS, BUDGET),
        ("change", "54 Individ och familjeomsorg", sm.LineKind.COSTS, CHANGE),
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
    extra = sm.PrintedFigure("nettokostnad", "Utfall 2023", 0, label="S:a")
    stray = sm.PrintedFigure("nettokostnad", MB, 0, verksamhet="99 Okänd")
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
    line = sm.LedgerLine("54 Individ och familjeomsorg", "kostnader", BUDGET, 0.1)
    assert line.amount == Decimal("0.1")


@pytest.mark.parametrize("bad", ["tolv", None, True, float("nan"), "inf", [1]])
def test_non_number_names_the_line(bad: object) -> None:
    with pytest.raises(sm.LedgerError, match=r"line 54 Individ och familjeomsorg / kostnader"):
        sm.LedgerLine("54 Individ och familjeomsorg", "kostnader", BUDGET, bad)  # type: ignore[arg-type]


def test_net_is_never_stored() -> None:
    with pytest.raises(sm.LedgerError, match="derived, never stored"):
        sm.LedgerLine("54", "nettokostnad", BUDGET, 1)


def test_whole_ledger_errors_are_collected() -> None:
    a = sm.LedgerLine("54 IFO", "kostnader", BUDGET, -1)
    b = sm.LedgerLine("54 IFO", "kostnader", BUDGET, -2)
    c = sm.LedgerLine("55 Vård", "kostnader", BUDGET, -1000, sm.Unit.SEK)
    d = sm.LedgerLine("55 Äldreomsorg", "intäkter", BUDGET, 1)
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
    costs = sm.LineKind.COSTS
    outcome = [
        sm.LedgerLine(
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
    for kind in sm.LineKind:
        assert totals(shuffled, kind) == totals(ledger, kind)
        for scenario in ledger.scenarios:
            expected = sum(
                (
                    line.amount
                    for line in ledger.lines
                    if line.scenario == scenario and (kind is sm.LineKind.NET or line.kind is kind)
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
    v = sm.Verksamhet("54", "IFO")
    ledger = sm.Ledger(
        [
            sm.LedgerLine(v, "kostnader", BUDGET, -cost),
            sm.LedgerLine(v, "kostnader", PROGNOS, -cost + saving),
            sm.LedgerLine(v, "intäkter", BUDGET, cost),
            sm.LedgerLine(v, "intäkter", PROGNOS, cost + saving),
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
def test_lines_are_frozen_values(line: sm.LedgerLine) -> None:
    assert attrs.evolve(line) == line
    assert hash(attrs.evolve(line)) == hash(line)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        line.amount = Decimal(0)  # type: ignore[misc]
