"""Swedish CSV both ways: files as Swedish Excel saves them, and "CSV för Excel" written."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import styrmodell as sm
from _cases import texts
from styrmodell import InvestmentBudget, Ledger, LedgerError, Outcomes, SerializationError
from styrmodell.io import (
    read_investments,
    read_ledger,
    read_outcomes,
    sniff,
    write_investments,
    write_ledger,
    write_outcomes,
    write_scorecard_csv,
)
from styrmodell.ledger import LedgerLine

EXAMPLES = Path(__file__).parent.parent / "examples"


def swedish_excel(text: str, *, utf8: bool = False) -> bytes:
    """*text* as Swedish Excel saves it: CRLF, and cp1252 ("CSV (semikolonavgränsad)") or
    UTF-8 with a byte order mark ("CSV UTF-8"). Excel writes a minus as a hyphen."""
    text = text.replace("\n", "\r\n").replace("\u2212", "-")
    return b"\xef\xbb\xbf" + text.encode("utf-8") if utf8 else text.encode("cp1252")


OUTCOMES = """\
indicator;period;gender;org_unit;value;numerator;denominator;budget;ref:riket
nöjd-brukare;2023;K;Äldreomsorg;85,5;;;;82,1
nöjd-brukare;2023;M;Äldreomsorg;79;;;;80
väntetid;jan–aug 2023;T;;−12,25;;;;
jobbcoach;2023;T;;;11;20;;
"""


def test_outcomes_as_swedish_excel_saves_them() -> None:
    data = swedish_excel(OUTCOMES)
    with pytest.raises(SerializationError) as info:
        read_outcomes(data, name="utfall.csv")
    (found,) = texts(info.value.problems)
    assert found.startswith("utfall.csv:2: not UTF-8 text")
    assert 'encoding="auto"' in found
    outcomes = read_outcomes(data, encoding="auto")
    women = outcomes.get("nöjd-brukare", 2023, gender="K", org_unit="Äldreomsorg")
    assert women.value == Decimal("85.5")
    assert women.references["riket"] == Decimal("82.1")
    assert outcomes.get("jobbcoach", 2023).value == Decimal(55)
    assert len(outcomes) == 4
    assert sniff(data).describe() == (
        "CSV, teckenkodning cp1252, avgränsare ';', decimalkomma, 4 rader"
    )


LEDGER = """\
record;code;name;group;kind;scenario;amount;unit
line;54;Individ och familjeomsorg;;kostnader;Budget 2022;−58 117;tkr
line;54;Individ och familjeomsorg;;intäkter;Budget 2022;2 045,5;tkr
line;55;Vård och omsorg, SoL och HSL;;kostnader;Budget 2022;-224207;tkr
printed;;S:a Nettokostnad;;nettokostnad;Budget 2022;−280 278,5;tkr
"""


@pytest.mark.parametrize("utf8", [False, True])
def test_a_ledger_as_swedish_excel_saves_it(utf8: bool) -> None:
    data = swedish_excel(LEDGER, utf8=utf8)
    ledger = read_ledger(data, encoding="auto")
    assert sm.ledger.total(ledger, "Budget 2022") == Decimal("-280278.5")
    assert sm.ledger.check(ledger) == ()
    found = sniff(data)
    assert (found.encoding, found.separator, found.decimal) == (
        "utf-8-sig" if utf8 else "cp1252",
        ";",
        ",",
    )


def test_tab_separated_utf8_with_a_decimal_point() -> None:
    text = LEDGER.replace(";", "\t").replace("2 045,5", "2045.5").replace("−280 278,5", "-280278.5")
    ledger = read_ledger(text.encode())
    assert sm.ledger.total(ledger, "Budget 2022", "intäkter") == Decimal("2045.5")
    found = sniff(text.encode())
    assert (found.encoding, found.separator, found.decimal) == ("utf-8", "\t", ".")
    assert found.describe("en") == ("CSV, encoding utf-8, separator tab, decimal point, 4 rows")


def test_errors_name_the_line_and_the_column() -> None:
    bad = LEDGER.replace("2 045,5", "2 04,5").replace("−58 117", "femtio")
    with pytest.raises(LedgerError) as info:
        read_ledger(swedish_excel(bad), encoding="auto", name="budget.csv")
    assert list(texts(info.value.problems)) == [
        "budget.csv:2: amount: expected a number, got 'femtio'",
        "budget.csv:3: amount: expected a number, got '2 04,5'",
    ]
    with pytest.raises(SerializationError) as outcome:
        read_outcomes(
            swedish_excel(OUTCOMES.replace("85,5", "85,5%")), encoding="auto", name="u.csv"
        )
    assert texts(outcome.value.problems)[0].startswith("u.csv:2: value: ")


def test_investments_as_swedish_excel_saves_them() -> None:
    text = (
        "record;row;name;group;category;year;amount;unit\n"
        "object;30;Madrasser;ÄF;Inventarier;2023;150;tkr\n"
        "object;32;Inventarier äldreomsorg;ÄF;Inventarier;2023;1 000;tkr\n"
        "printed;;Varav summa ÄF;ÄF;;2023;1 150;tkr\n"
    )
    budget = read_investments(swedish_excel(text), encoding="auto")
    assert sm.ledger.total(budget, 2023, group="ÄF") == Decimal(1150)
    assert sm.ledger.check(budget) == ()


# -- writing "CSV för Excel" --------------------------------------------------------------


def test_ledgers_investments_and_outcomes_written_for_excel_read_back() -> None:
    ledger = read_ledger(EXAMPLES / "oxelosund_internbudget_2023.csv")
    text = write_ledger(ledger, excel=True)
    assert text.startswith("\ufeffrecord;code;name;")
    assert read_ledger(text.encode("utf-8")) == ledger
    decimals = Ledger([LedgerLine("54 IFO", "kostnader", "B", "-2,25")])
    assert ";-2,25;" in write_ledger(decimals, excel=True)
    assert read_ledger(write_ledger(decimals, excel=True).encode()) == decimals

    budget = read_investments(EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv")
    assert isinstance(budget, InvestmentBudget)
    assert read_investments(write_investments(budget, excel=True).encode()) == budget

    outcomes = read_outcomes(swedish_excel(OUTCOMES), encoding="auto")
    written = write_outcomes(outcomes, excel=True)
    assert written.startswith("\ufeffindicator;period;")
    assert ";85,5;" in written
    assert read_outcomes(written.encode()) == outcomes


def test_a_scorecard_written_for_excel() -> None:
    plan = sm.load(EXAMPLES / "oxelosund_von_2023.toml", sm.Plan)
    outcomes = read_outcomes(EXAMPLES / "oxelosund_outcomes_2023.csv")
    card = sm.assess(plan, outcomes, 2023, as_of=dt.date(2023, 12, 31))
    text = write_scorecard_csv(card, excel=True)
    assert text.startswith("\ufeffkind;level;id;title;status;value;unit;period;target;")
    table = sm._io._csv.read_table(text.encode())  # what Excel (and styrmodell) reads
    rows = {row.get("id"): row for row in table.rows}
    assert rows["jobbcoach"].get("value") == "55"
    assert rows["jobbcoach"].get("unit") == "%"
    assert rows["jobbcoach"].get("status") == "Grönt"
    assert len(table.rows) == sum(1 + len(g.indicators) for g in card.walk())
    plain = write_scorecard_csv(card, locale="en")
    assert plain.startswith("kind,level,id,")
    assert ",Green," in plain


def test_outcomes_of_the_demo_are_the_same_read_from_csv_for_excel(tmp_path: Path) -> None:
    outcomes = read_outcomes(EXAMPLES / "oxelosund_outcomes_2023.csv")
    path = tmp_path / "utfall.csv"
    write_outcomes(outcomes, path, excel=True)
    assert isinstance(read_outcomes(path), Outcomes)
    assert read_outcomes(path) == outcomes
    assert sniff(path).separator == ";"
