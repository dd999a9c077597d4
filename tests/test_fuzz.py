"""Fuzz tests: every reader and text parser answers any input with a value or a StyrmodellError.

Inputs are generated and mutated (``tests/_fuzz.py``): the example files with bytes flipped,
cut, duplicated, spliced and re-encoded, extreme numbers, deep nesting, huge fields, control
characters and lone surrogates, and texts built from each parser's own words. Anything but a
:class:`~styrmodell.StyrmodellError` — or, under ``make fuzz``, an input that takes more than
five seconds — is an escape. The writers are fuzzed too: what they write reads back.

The normal suite runs a few examples per surface; ``make fuzz`` runs the ``fuzz`` profile
(``STYRMODELL_FUZZ=fuzz``) and writes ``build/fuzz-report.md``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from typing import Any

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

import _fuzz
import styrmodell as sm
import styrmodell.io as sm_io
from _fuzz import FUZZING, attempt, fuzz_settings, mutated, seed_files, texts
from styrmodell import strategies as sst
from styrmodell.calendar import Frequency, OccasionRule

# Inputs of 200 kB are the point here; hypothesis warns that their repr is long.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

# -- adapters: the reader or writer each surface goes through ------------------------------


def read_plan_json(data: bytes) -> Any:
    return sm.loads(data, sm.Plan, "json")


def read_plan_toml(data: bytes) -> Any:
    return sm.loads(data, sm.Plan, "toml")


def read_outcomes(data: bytes) -> Any:
    return sm_io.read_outcomes(data)


def write_outcomes(outcomes: sm.Outcomes) -> bytes:
    text = sm_io.write_outcomes(outcomes)
    assert text is not None
    return text.encode("utf-8")


def read_ledger(data: bytes) -> Any:
    return sm_io.read_ledger(data)


def write_ledger(ledger: sm.Ledger) -> bytes:
    text = sm_io.write_ledger(ledger)
    assert text is not None
    return text.encode("utf-8")


def read_investments(data: bytes) -> Any:
    return sm_io.read_investments(data)


def write_investments(budget: sm.InvestmentBudget) -> bytes:
    text = sm_io.write_investments(budget)
    assert text is not None
    return text.encode("utf-8")


def occasion_rule(text: str) -> Any:
    rule = OccasionRule("delårsrapport", text, start=dt.date(2023, 1, 1))
    return rule.occasions(between=(dt.date(2023, 1, 1), dt.date(2025, 12, 31)))


def threshold(text: str) -> Any:
    return sm.parse_threshold(text)


def threshold_in_percent(text: str) -> Any:
    return sm.parse_threshold(text, unit=sm.Unit.PERCENT, year=2023)


# -- the record of the run -----------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    _fuzz.limit_memory()
    yield
    _fuzz.write_report()


@pytest.fixture(autouse=True)
def _no_escapes(request: pytest.FixtureRequest) -> Iterator[None]:
    before = {name: len(s.escapes) for name, s in _fuzz.SURFACES.items()}
    yield
    found = [
        escape for name, s in _fuzz.SURFACES.items() for escape in s.escapes[before.get(name, 0) :]
    ]
    assert not found, f"{len(found)} escape(s):\n" + "\n".join(found[:20])


# -- the inputs the hardening issue names (under make fuzz: some take minutes before the fix) --

HEAD = '{"format": "styrmodell/1", '


def known(*inputs: Any) -> st.SearchStrategy[Any]:
    """The issue's reproductions, drawn among the generated inputs under ``make fuzz``."""
    return st.sampled_from(inputs) if FUZZING else st.nothing()


KNOWN_PLANS = known(
    (HEAD + '"id": "p", "years": [2023, 2023], "levels": ["Mål"], "title": "\\ud800"}').encode(),
    (HEAD + '"id": "p", "id": "q", "years": [2023, 2023], "levels": ["Mål"]}').encode(),
    (
        HEAD + '"id": "p", "years": [2023, 2023], "levels": ["Mål"], "goals": [{"id": "g", '
        '"indicators": [{"id": "i", "target": {"type": "bands", "green": "[1e25, inf)"}}]}]}'
    ).encode(),
    (
        HEAD
        + '"id": "p", "years": [2023, 2023], "levels": ["Mål"], "notes": ["'
        + "x" * 200_000
        + '"]}'
    ).encode(),
)
KNOWN_THRESHOLDS = known("1" * 10_000, "1" * 20_000, "<" * 100_000, "Grönt: [1e25, inf)")
KNOWN_FREQUENCIES = known("1" * 20_000, "9" * 5000 + " månaders eftersläpning")
KNOWN_RULES = known("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31")
KNOWN_INTERVALS = known(
    "[1e25, inf)", "(-inf, -1e30)", "(1e999999, inf)", "[" + "1" * 5000 + ", 2]"
)
KNOWN_OUTCOMES = known(
    "indicator,period,value\ntjänst,2023,1\n".encode("latin-1"),
    b"indicator,period,value\rx,2023,1\r",
    b"indicator,period,value\nx,2023," + b"1" * 200_000 + b"\n",
    b"indicator,period,numerator,denominator\nx,2023,1e999999,1\n",
)
KNOWN_LEDGERS = known(
    b"record,code,name,group,kind,scenario,amount,unit\n"
    b"line,11,N,,kostnader,Budget 2023,1e-999999999,tkr\n",
    b"record,code,name,group,kind,scenario,amount,unit\rline,11,N,,kostnader,B,-1,tkr\r",
    b"record,code,name,group,kind,scenario,amount,unit\nline,11,"
    + b"N" * 200_000
    + b",,x,B,1,tkr\n",
)
KNOWN_INVESTMENTS = known(
    b"record,row,name,group,category,year,amount,unit\nobject,3,X,SOF,IT,"
    + b"9" * 5000
    + b",1,tkr\n",
    b"record,row,name,group,category,year,amount,unit\robject,3,X,SOF,IT,2023,1,tkr\r",
)


# -- plan files ----------------------------------------------------------------------------

TOML_SEEDS = seed_files(".toml")
JSON_SEEDS = [sm.dumps(sm.loads(seed, sm.Plan, "toml")).encode() for seed in TOML_SEEDS]


@fuzz_settings(2.5)
@given(data=mutated(JSON_SEEDS) | KNOWN_PLANS)
def test_mutated_json_plans(data: bytes) -> None:
    attempt("plan file, JSON (mutated examples)", read_plan_json, data)


@fuzz_settings(2.0)
@given(data=mutated(TOML_SEEDS))
def test_mutated_toml_plans(data: bytes) -> None:
    attempt("plan file, TOML (mutated examples)", read_plan_toml, data)


@fuzz_settings(1.0)
@given(data=mutated(JSON_SEEDS + TOML_SEEDS, hostile=True), fmt=st.sampled_from(["json", "toml"]))
def test_hostile_plans(data: bytes, fmt: str) -> None:
    attempt(
        "plan file (deep nesting, huge fields, encodings)",
        lambda d: sm.loads(d, sm.Plan, fmt),
        data,
    )


NUMBERS = st.sampled_from(
    [
        "1e999999",
        "-1e-999999999",
        "9" * 5000,
        "1e24",
        "1e-25",
        "0e-999999999",
        "1" + "0" * 30,
        "0." + "0" * 30 + "1",
        "NaN",
        "-Infinity",
        "1_000",
        "58 17",
        "333 088",
        "8 ,17",
        "\u22124,1",
        "1,5",
        "1.5e3",
        "-0",
        "+7",
        "0x10",
        "١٢",
    ]
)
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | NUMBERS
    | st.sampled_from(
        [
            "(60, inf)",
            "[1, 2]",
            "(-inf, 1e30)",
            "[1e25, inf)",
            "2023-12-31",
            "GREEN",
            "PERCENT",
            "bands",
            "target_value",
            "3 months",
            "jan-nov 2022",
            "T1 2023",
            "\ud800",
        ]
    )
)
KEYS = st.sampled_from(
    [
        "type",
        "green",
        "yellow",
        "red",
        "precision",
        "unit",
        "target",
        "comparator",
        "year",
        "history",
        "references",
        "budget",
        "within",
        "due",
        "value",
        "id",
        "title",
        "goals",
        "indicators",
        "targets",
        "2024",
        "children",
        "level",
        "years",
        "levels",
        "x",
    ]
)
DOCUMENT_VALUES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=16,
)
TYPES = [
    sm.Plan,
    sm.Goal,
    sm.Indicator,
    sm.Threshold,
    sm.Bands,
    sm.TargetValue,
    sm.BudgetDeviation,
    sm.Duration,
    sm.Milestone,
    sm.Context,
    sm.Interval,
    sm.Period,
    sm.Outcomes,
    sm.Ledger,
    sm.InvestmentBudget,
    sm.FollowUpCalendar,
    sm.ActionPlan,
]


@fuzz_settings(2.0)
@given(body=DOCUMENT_VALUES, type_=st.sampled_from(TYPES), fmt=st.sampled_from(["json", "toml"]))
def test_generated_documents(body: Any, type_: Any, fmt: str) -> None:
    doc = {"format": "styrmodell/1", **body} if isinstance(body, dict) else {"value": body}
    try:
        text = json.dumps(doc) if fmt == "json" else _toml(doc)
    except (TypeError, ValueError):
        return  # not representable in this format
    attempt(f"documents of every type ({fmt})", lambda t: sm.loads(t, type_, fmt), text)


def _toml(doc: dict[str, Any]) -> str:
    import tomlkit

    return tomlkit.dumps(doc)


# -- CSV files -----------------------------------------------------------------------------

CELLS = (
    NUMBERS
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "",
            "T",
            "K",
            "M",
            "2023",
            "Delår 2023",
            "jan-aug 2023",
            "2023-13-01",
            "true",
            "done",
            "2023-01-05/2023-03-20",
            "tkr",
            "kr",
            "line",
            "printed",
            "chart",
            "object",
            "kostnader",
            "intäkter",
            "Budget 2023",
            "=cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\r",
            '"',
            "\x00",
            "x" * 20_000,
            "9" * 5000,
        ]
    )
)


def _csv(header: list[str], rows: list[list[str]], sep: str = ",") -> bytes:
    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in '",\n;') else value

    lines = [sep.join(header), *(sep.join(cell(v) for v in row) for row in rows)]
    return ("\n".join(lines) + "\n").encode("utf-8", errors="surrogatepass")


def generated_csv(header: list[str]) -> st.SearchStrategy[bytes]:
    row = st.lists(CELLS, min_size=len(header) - 2, max_size=len(header) + 1)
    return st.builds(_csv, st.just(header), st.lists(row, max_size=5), st.sampled_from([",", ";"]))


OUTCOME_SEEDS = [
    (_fuzz.EXAMPLES / "oxelosund_outcomes_2023.csv").read_bytes(),
    write_outcomes(sm.Outcomes([])),
]
OUTCOME_HEADER = [
    "indicator",
    "period",
    "gender",
    "org_unit",
    "value",
    "numerator",
    "denominator",
    "budget",
    "ref:riket",
]
LEDGER_SEEDS = [(_fuzz.EXAMPLES / "oxelosund_internbudget_2023.csv").read_bytes()]
LEDGER_HEADER = ["record", "code", "name", "group", "kind", "scenario", "amount", "unit"]
INVESTMENT_SEEDS = [(_fuzz.EXAMPLES / "oxelosund_investeringsbudget_2023_2025.csv").read_bytes()]
INVESTMENT_HEADER = ["record", "row", "name", "group", "category", "year", "amount", "unit"]


@fuzz_settings(2.0)
@given(data=mutated(OUTCOME_SEEDS, hostile=True) | generated_csv(OUTCOME_HEADER) | KNOWN_OUTCOMES)
def test_outcome_files(data: bytes) -> None:
    attempt("outcomes CSV", read_outcomes, data)


@fuzz_settings(2.0)
@given(data=mutated(LEDGER_SEEDS, hostile=True) | generated_csv(LEDGER_HEADER) | KNOWN_LEDGERS)
def test_ledger_files(data: bytes) -> None:
    attempt("ledger CSV", read_ledger, data)


@fuzz_settings(2.0)
@given(
    data=mutated(INVESTMENT_SEEDS, hostile=True)
    | generated_csv(INVESTMENT_HEADER)
    | KNOWN_INVESTMENTS
)
def test_investment_files(data: bytes) -> None:
    attempt("investments CSV", read_investments, data)


# -- text parsers --------------------------------------------------------------------------


@fuzz_settings(1.5)
@given(
    text=texts()
    | st.builds(lambda a, b: f"{a}{b}", st.sampled_from("[("), texts())
    | KNOWN_INTERVALS
)
def test_interval_texts(text: str) -> None:
    attempt("Interval.parse", sm.Interval.parse, text)


@fuzz_settings(1.5)
@given(text=texts())
def test_period_texts(text: str) -> None:
    attempt("Period.parse", sm.Period.parse, text)


@fuzz_settings(1.5)
@given(text=texts() | KNOWN_FREQUENCIES)
def test_frequency_texts(text: str) -> None:
    attempt("Frequency.parse", Frequency.parse, text)


@fuzz_settings(2.0)
@given(text=texts(max_size=90) | KNOWN_THRESHOLDS, in_percent=st.booleans())
def test_threshold_texts(text: str, in_percent: bool) -> None:
    attempt("parse_threshold", threshold_in_percent if in_percent else threshold, text)


RULE_PARTS = st.lists(
    st.builds(
        lambda k, v: f"{k}={v}",
        st.sampled_from(
            [
                "FREQ",
                "BYMONTH",
                "BYMONTHDAY",
                "BYDAY",
                "BYSETPOS",
                "INTERVAL",
                "COUNT",
                "UNTIL",
                "BYWEEKNO",
                "BYYEARDAY",
                "WKST",
                "X",
            ]
        ),
        st.sampled_from(
            [
                "DAILY",
                "WEEKLY",
                "MONTHLY",
                "YEARLY",
                "2",
                "30",
                "31",
                "-1",
                "0",
                "1,2,3",
                "MO",
                "1FR",
                "-1SU",
                "20231231",
                "9" * 50,
                "",
            ]
        ),
    ),
    max_size=5,
).map(";".join)


@fuzz_settings(1.0)
@given(text=RULE_PARTS | texts() | KNOWN_RULES)
def test_occasion_rule_texts(text: str) -> None:
    attempt("OccasionRule text", occasion_rule, text)


# -- writers read back ---------------------------------------------------------------------

WRITTEN = st.one_of(
    sst.plans(calendar=True).map(lambda v: (v, sm.Plan)),
    sst.thresholds().map(lambda v: (v, sm.Threshold)),
    sst.outcome_collections().map(lambda v: (v, sm.Outcomes)),
    sst.ledgers().map(lambda v: (v, sm.Ledger)),
    sst.investment_budgets().map(lambda v: (v, sm.InvestmentBudget)),
    sst.action_plans().map(lambda v: (v, sm.ActionPlan)),
)


@fuzz_settings(0.5)
@given(pair=WRITTEN, fmt=st.sampled_from(["json", "toml"]))
def test_documents_read_back(pair: tuple[Any, Any], fmt: str) -> None:
    value, type_ = pair
    text = sm.dumps(value, fmt)
    assert attempt(f"documents read back ({fmt})", lambda t: sm.loads(t, type_, fmt), text) == value


@fuzz_settings(0.5)
@given(title=st.text(), note=st.text(max_size=20))
def test_any_text_in_a_plan_reads_back_or_is_refused_on_writing(title: str, note: str) -> None:
    plan = sm.Plan(
        id="p", years=2023, levels=["Mål"], goals=[sm.Goal(id="g", title=title)], notes=[note]
    )
    for fmt in ("json", "toml"):
        try:
            text = sm.dumps(plan, fmt)
        except sm.SerializationError as exc:
            assert "lone surrogate" in str(exc)  # noqa: PT017 - the refusal is the answer
            continue
        assert (
            attempt(
                "documents read back (any text)", lambda t, f=fmt: sm.loads(t, sm.Plan, f), text
            )
            == plan
        )


@fuzz_settings(0.5)
@given(outcomes=sst.outcome_collections())
def test_outcome_files_read_back(outcomes: sm.Outcomes) -> None:
    back = attempt("outcomes CSV read back", read_outcomes, write_outcomes(outcomes))
    assert back == outcomes


@fuzz_settings(0.5)
@given(ledger=sst.ledgers())
def test_ledger_files_read_back(ledger: sm.Ledger) -> None:
    assert attempt("ledger CSV read back", read_ledger, write_ledger(ledger)) == ledger


@fuzz_settings(0.5)
@given(budget=sst.investment_budgets())
def test_investment_files_read_back(budget: sm.InvestmentBudget) -> None:
    back = attempt("investments CSV read back", read_investments, write_investments(budget))
    assert back == budget


@fuzz_settings(0.5)
@given(interval=sst.intervals(), period=sst.periods())
def test_interval_and_period_texts_read_back(interval: sm.Interval, period: sm.Period) -> None:
    assert attempt("Interval text read back", sm.Interval.parse, str(interval)) == interval
    for locale in ("sv", "en"):
        assert attempt("Period label read back", sm.Period.parse, period.label(locale)) == period


@fuzz_settings(0.3)
@given(calendar=sst.follow_up_calendars())
def test_calendar_files_read_back(calendar: sm.FollowUpCalendar) -> None:
    between = (dt.date(2023, 1, 1), dt.date(2024, 12, 31))
    text = sm_io.write_ics(calendar, between=between, stamp=dt.datetime(2023, 1, 1, tzinfo=dt.UTC))
    events = attempt(
        ".ics read back",
        lambda t: icalendar.Calendar.from_ical(t).walk("VEVENT"),
        text,
    )
    assert len(events) == len(calendar.occurrences(between=between))


def test_the_seeds_are_what_the_mutations_start_from() -> None:
    assert len(TOML_SEEDS) == 3
    assert all(sm.loads(seed, sm.Plan) for seed in JSON_SEEDS)
    assert read_outcomes(OUTCOME_SEEDS[0]).items
    assert read_ledger(LEDGER_SEEDS[0]).lines
    assert read_investments(INVESTMENT_SEEDS[0]).objects
