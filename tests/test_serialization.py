"""Plan files: round trips through JSON and TOML, and every broken file answered precisely."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from cattrs.errors import BaseValidationError
from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
import styrmodell.ledger as sl
from _cases import texts
from styrmodell import strategies as sst
from styrmodell._frozenmap import FrozenMap
from styrmodell._messages import catalog_ids, problem_text
from styrmodell._serialization._problems import problems_of
from styrmodell._thresholds._registry import Family, register, unregister
from styrmodell.io import DocumentLimits

FORMATS = ["json", "toml"]
HEAD = '"format": "styrmodell/1"'


def round_trip(value: Any, type_: Any, fmt: str) -> Any:
    return sm.loads(sm.dumps(value, fmt), type_, fmt)


# -- round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("strategy", "type_"),
    [
        (sst.intervals(), sm.Interval),
        (sst.bands(), sm.Bands),
        (sst.bands(gaps=True, precision=True, direction=True), sm.Bands),
        (sst.compare_to_references(unit=sm.Unit.PERCENT), sm.CompareToReference),
        (sst.year_over_years(), sm.YearOverYear),
        (sst.target_values(unit=sm.Unit.DAYS), sm.TargetValue),
        (sst.budget_deviations(), sm.BudgetDeviation),
        (sst.milestones(), sm.Milestone),
        (sst.durations(), sm.Duration),
        (sst.thresholds(), sm.Threshold),
        (sst.verksamheter(), sl.Verksamhet),
        (sst.ledger_lines(), sl.LedgerLine),
        (sst.ledgers(), sm.Ledger),
        (sst.investment_objects(), sl.InvestmentObject),
        (sst.investment_budgets(), sm.InvestmentBudget),
        (sst.periods(), sm.Period),
        (sst.indicators(), sm.Indicator),
        (sst.goals(), sm.Goal),
        (sst.plans(), sm.Plan),
        (sst.plans(calendar=True), sm.Plan),
        (sst.outcomes(), sm.Outcome),
        (sst.outcome_collections(), sm.Outcomes),
        (sst.occasions(), sm.Occasion),
        (sst.follow_up_calendars(), sm.FollowUpCalendar),
        (sst.activities(), sm.Activity),
        (sst.action_plans(), sm.ActionPlan),
        (st.sampled_from(sm.Gender), sm.Gender),
        (st.sampled_from(sm.Status), sm.Status),
        (st.sampled_from(sm.Unit), sm.Unit),
        (st.sampled_from(sm.Direction), sm.Direction),
        (st.sampled_from(sm.Progress), sm.Progress),
        (st.lists(sst.intervals(), max_size=4).map(tuple), tuple[sm.Interval, ...]),
        (
            st.dictionaries(st.integers(2000, 2040), sst.decimals(), max_size=4).map(FrozenMap),
            FrozenMap[int, Decimal],
        ),
    ],
)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_loads_dumps_is_the_identity(strategy: Any, type_: Any, fmt: str, data: Any) -> None:
    value = data.draw(strategy)
    assert round_trip(value, type_, fmt) == value


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_contexts_round_trip(fmt: str, data: Any) -> None:
    context = data.draw(sst.thresholds().flatmap(sst.contexts_for))
    assert round_trip(context, sm.Context, fmt) == context


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=20, deadline=None)
@given(rule=sst.thresholds())
def test_a_threshold_reads_back_as_its_own_class(fmt: str, rule: Any) -> None:
    back = sm.loads(sm.dumps(rule, fmt), type(rule), fmt)
    assert type(back) is type(rule)
    assert back == rule


def test_a_threshold_is_tagged_with_its_family() -> None:
    tags = {
        sm.Bands(green="(60, inf)"): "bands",
        sm.CompareToReference(): "compare_to_reference",
        sm.Milestone(): "milestone",
        sm.YearOverYear(direction=sm.Direction.HIGHER_IS_BETTER): "year_over_year",
        sm.TargetValue(">=", 50): "target_value",
        sm.BudgetDeviation(green="[-0.5, 0.5]"): "budget_deviation",
        sm.Duration("3 months"): "duration",
    }
    for rule, tag in tags.items():
        assert json.loads(sm.dumps(rule))["type"] == tag


def test_the_document_shape_is_readable() -> None:
    rule = sm.Bands(
        green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)", unit=sm.Unit.PERCENT, precision=1
    )
    assert json.loads(sm.dumps(rule)) == {
        "format": "styrmodell/1",
        "type": "bands",
        "green": "(60, inf)",
        "yellow": "[40, 60]",
        "red": "(-inf, 40)",
        "unit": "PERCENT",
        "precision": "1",
    }
    deviation = sm.BudgetDeviation(green="[-0.5, 0.5]", red=["(-inf, -2)", "(2, inf)"])
    assert json.loads(sm.dumps(deviation))["red"] == ["(-inf, -2)", "(2, inf)"]
    assert "yellow" not in json.loads(sm.dumps(deviation))  # a default is left out
    assert json.loads(sm.dumps(sm.Duration(relativedelta(months=1, days=10))))["within"] == (
        "1 month 10 days"
    )
    context = sm.Context(year=2023, as_of=dt.date(2023, 8, 31), history={2022: "74.5"})
    assert json.loads(sm.dumps(context)) == {
        "format": "styrmodell/1",
        "year": 2023,
        "as_of": "2023-08-31",
        "history": {"2022": "74.5"},
    }


def test_toml_output_is_plain_toml() -> None:
    context = sm.Context(year=2023, references={"riket": 82, "liknande kommuner": "80.5"})
    text = sm.dumps(context, "toml")
    assert text.splitlines()[0] == 'format = "styrmodell/1"'
    assert '"liknande kommuner" = "80.5"' in text
    assert sm.loads(text, sm.Context, "toml") == context


def test_toml_accepts_its_own_dates_and_integers() -> None:
    text = 'format = "styrmodell/1"\ntype = "milestone"\ndue = 2019-12-31\n'
    assert sm.loads(text, sm.Milestone, "toml") == sm.Milestone(due=dt.date(2019, 12, 31))
    text = 'format = "styrmodell/1"\ntype = "target_value"\ncomparator = ">="\ntarget = 50\n'
    assert sm.loads(text, sm.Threshold, "toml") == sm.TargetValue(">=", 50)


def test_a_band_may_be_written_as_a_union() -> None:
    doc = f'{{{HEAD}, "type": "bands", "green": "[-2, 2]", "red": "(-inf, -2) | (2, inf)"}}'
    assert sm.loads(doc, sm.Bands).red == (sm.Interval.below(-2), sm.Interval.above(2))


def test_durations_read_swedish_and_combined_text() -> None:
    for text, expected in [
        ("3 månader", relativedelta(months=3)),
        ("2 weeks", relativedelta(days=14)),
        ("1 month 10 days", relativedelta(months=1, days=10)),
    ]:
        doc = json.dumps({"format": "styrmodell/1", "type": "duration", "within": text})
        assert sm.loads(doc, sm.Duration).within == expected


def test_bytes_with_a_byte_order_mark_are_read() -> None:
    doc = f'{{{HEAD}, "value": "[1, 2]"}}'.encode("utf-8-sig")
    assert sm.loads(doc, sm.Interval) == sm.Interval.closed(1, 2)


def test_the_converter_is_public_and_shared() -> None:
    rule = sm.TargetValue(">=", 50, unit=sm.Unit.PERCENT)
    data = sm.converter.unstructure(rule)
    assert data == {"type": "target_value", "comparator": ">=", "target": "50", "unit": "PERCENT"}
    assert sm.converter.structure(data, sm.Threshold) == rule


@pytest.mark.parametrize("suffix", [".json", ".toml"])
def test_dump_and_load_choose_the_format_by_suffix(tmp_path: Path, suffix: str) -> None:
    rule = sm.Bands(green="(60, inf)", yellow="[40, 60]", red="(-inf, 40)")
    path = tmp_path / f"rule{suffix}"
    sm.dump(rule, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("{" if suffix == ".json" else "format")
    assert sm.load(path, sm.Threshold) == rule


def test_writing_toml_without_tomlkit_says_which_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomlkit", None)
    with pytest.raises(sm.SerializationError, match=r"pip install styrmodell\[toml\]"):
        sm.dumps(sm.Interval.closed(1, 2), "toml")


def test_toml_refuses_to_write_none() -> None:
    with pytest.raises(sm.SerializationError, match=r"TOML cannot hold an empty value"):
        sm.dumps({"a": None}, "toml")


def test_writing_something_unknown_is_a_serialization_error() -> None:
    with pytest.raises(sm.SerializationError, match="cannot write"):
        sm.dumps(object())


# -- broken files ------------------------------------------------------------------------

BIG = "9" * 5000
DEEP = "[" * 100_000 + "]" * 100_000

# (document, type, format, what the message must contain: "path: message" fragments)
BROKEN: list[tuple[str | bytes, Any, str, list[str]]] = [
    ("", sm.Context, "json", ["<json>: the file is empty"]),
    ("  \n\t", sm.Context, "toml", ["<toml>: the file is empty"]),
    (b'\xff\xfe{"format": 1}', sm.Context, "json", ["not UTF-8 text: byte 0xff at position 0"]),
    (b'{"a": "\xc3"}', sm.Context, "json", ["not UTF-8 text: byte 0xc3 at position 7"]),
    ('{"format": "styrmodell/1",', sm.Context, "json", ["not valid JSON", "line 1"]),
    (
        'format = "styrmodell/1"\nyear = \nbudget = "1"\n',
        sm.Context,
        "toml",
        ["<toml>: not valid TOML: Invalid value (at line 2, column 8)"],
    ),
    ("[1, 2]", sm.Context, "json", ['expected a document table with "format"', "a list [1, 2]"]),
    ('{"year": 2023}', sm.Context, "json", ['format: required field missing: "styrmodell/1"']),
    (
        '{"format": "styrmodell/2", "year": 2023}',
        sm.Context,
        "json",
        ["format: unknown format version 'styrmodell/2': this styrmodell reads 'styrmodell/1'"],
    ),
    ('{"format": 1}', sm.Context, "json", ["format: unknown format version 1"]),
    (DEEP, sm.Context, "json", ["nested too deeply"]),
    (f'{{{HEAD}, "year": {BIG}}}', sm.Context, "json", ["not valid JSON", "4300"]),
    (
        f'{{{HEAD}, "year": {10**24}}}',
        sm.Context,
        "json",
        [f"year: the number {10**24} is too large (at most 24 digits before the decimal sign)"],
    ),
    (f'{{{HEAD}, "budget": "1e999999"}}', sm.Context, "json", ["budget: the number '1e999999'"]),
    (
        f'{{{HEAD}, "budget": "0.0000000000000000000000000000001"}}',
        sm.Context,
        "json",
        ["budget: the number '0.0000000000000000000000000000001' is too small"],
    ),
    (
        f'{{{HEAD}, "budget": NaN}}',
        sm.Context,
        "json",
        ['budget: expected a number as text such as "91.74" (exact), got the decimal number nan'],
    ),
    (
        f'{{{HEAD}, "references": {{"riket": "NaN"}}}}',
        sm.Context,
        "json",
        ["references.riket: expected a finite number, got 'NaN'"],
    ),
    (
        f'{{{HEAD}, "references": {{"riket": "-Infinity"}}}}',
        sm.Context,
        "json",
        ["references.riket: expected a finite number, got '-Infinity'"],
    ),
    (
        'format = "styrmodell/1"\nbudget = nan\n',
        sm.Context,
        "toml",
        ["budget: expected a number as text", "nan"],
    ),
    (
        f'{{{HEAD}, "references": {{"liknande kommuner": 80.5}}}}',
        sm.Context,
        "json",
        ["references['liknande kommuner']: expected a number as text such as \"91.74\""],
    ),
    (
        f'{{{HEAD}, "references": {{"riket": "åttio"}}}}',
        sm.Context,
        "json",
        ["references.riket: expected a number, got 'åttio'"],
    ),
    (f'{{{HEAD}, "year": "2023"}}', sm.Context, "json", ["year: expected a whole number"]),
    (f'{{{HEAD}, "year": true}}', sm.Context, "json", ["year: expected a whole number, got true"]),
    (
        f'{{{HEAD}, "year": ' + "[" * 50 + "]" * 50 + "}",
        sm.Context,
        "json",
        ["year: expected a whole number, got a list"],
    ),
    (
        f'{{{HEAD}, "history": {{"20x": "1"}}}}',
        sm.Context,
        "json",
        ["history.20x: expected a whole number such as 2024, got '20x'"],
    ),
    (f'{{{HEAD}, "history": [1, 2]}}', sm.Context, "json", ["history: expected a table"]),
    (
        f'{{{HEAD}, "as_of": "2023-02-30"}}',
        sm.Context,
        "json",
        ["as_of: '2023-02-30' is not a date: day is out of range for month"],
    ),
    (
        f'{{{HEAD}, "as_of": "31/12/2023"}}',
        sm.Context,
        "json",
        ["as_of: '31/12/2023' is not a date: Invalid isoformat string: '31/12/2023'"],
    ),
    (
        'format = "styrmodell/1"\nas_of = 2023-12-31T10:00:00\n',
        sm.Context,
        "toml",
        ["as_of: expected a date such as 2023-12-31, got the time 2023-12-31 10:00:00"],
    ),
    (
        f'{{{HEAD}, "yeer": 2023}}',
        sm.Context,
        "json",
        ["yeer: unknown field (did you mean 'year'?)"],
    ),
    (
        f'{{{HEAD}, "type": "band", "green": "(60, inf)"}}',
        sm.Threshold,
        "json",
        [
            "type: unknown threshold type 'band': expected one of attainment, bands, "
            "budget_deviation, compare_to_reference, duration, milestone, period_average, rank, "
            "relative_change, staged_target, target_value, year_over_year; did you mean 'bands'?"
        ],
    ),
    (
        f'{{{HEAD}, "green": "(60, inf)"}}',
        sm.Threshold,
        "json",
        ["type: required field missing: one of attainment, bands, budget_deviation"],
    ),
    (
        f'{{{HEAD}, "value": 5}}',
        tuple[sm.Interval, ...],
        "json",
        ['value: expected an interval such as "[40, 60]" or a list of them, got the number 5'],
    ),
    (
        f'{{{HEAD}, "type": "milestone"}}',
        sm.Bands,
        "json",
        ["type: expected the type 'bands' here, got 'milestone'"],
    ),
    (
        f'{{{HEAD}, "type": "bands", "green": "(60, 40)"}}',
        sm.Threshold,
        "json",
        ["green: '(60, 40)' is not an interval: lower bound 60 is above upper bound 40"],
    ),
    (
        f'{{{HEAD}, "type": "bands", "green": ["(60, inf)", "60-40"]}}',
        sm.Threshold,
        "json",
        ["green[1]: '60-40' is not an interval: expected a form like '[40, 60]'"],
    ),
    (
        f'{{{HEAD}, "type": "bands", "green": "(60, inf)", "yellow": "[50, 70]"}}',
        sm.Threshold,
        "json",
        ["<json>: Bands: green (60, inf) and yellow [50, 70] overlap: both contain 70"],
    ),
    (
        f'{{{HEAD}, "type": "bands", "green": "(60, inf)", "unit": "percent"}}',
        sm.Threshold,
        "json",
        ["unit: 'percent' is not a Unit: expected one of PERCENT, PERCENTAGE_POINTS"],
    ),
    (
        f'{{{HEAD}, "type": "bands", "green": "(60, inf)", "precision": "0.3"}}',
        sm.Threshold,
        "json",
        ["precision: expected a power of ten such as 1 or 0.1, got Decimal('0.3')"],
    ),
    (
        f'{{{HEAD}, "type": "target_value", "comparator": ">="}}',
        sm.Threshold,
        "json",
        ["target: required field missing"],
    ),
    (
        f'{{{HEAD}, "type": "target_value", "comparator": "=>", "target": "5"}}',
        sm.Threshold,
        "json",
        ["comparator: expected one of '>', '>=', '<', '<=', '==', got the text '=>'"],
    ),
    (
        f'{{{HEAD}, "type": "duration", "within": "3 fortnights"}}',
        sm.Threshold,
        "json",
        ["within: '3 fortnights' is not a duration"],
    ),
    (
        f'{{{HEAD}, "type": "duration", "within": 3}}',
        sm.Threshold,
        "json",
        ['within: expected a duration such as "3 months", got the number 3'],
    ),
    (
        f'{{{HEAD}, "type": "milestone", "required": "NOT_STARTED"}}',
        sm.Threshold,
        "json",
        ["Milestone.required: expected Progress.STARTED or Progress.DONE"],
    ),
    (
        f'{{{HEAD}, "type": "milestone", "due": 20191231}}',
        sm.Threshold,
        "json",
        ['due: expected a date such as "2023-12-31", got the number 20191231'],
    ),
    (f'{{{HEAD}, "value": "[1, 2]", "extra": 1}}', sm.Interval, "json", ["extra: unknown field"]),
    (f"{{{HEAD}}}", sm.Interval, "json", ["value: required field missing"]),
    (
        f'{{{HEAD}, "value": "GRÖN"}}',
        sm.Status,
        "json",
        ["value: 'GRÖN' is not a Status: expected one of RED, YELLOW, GREEN, NOT_ASSESSED"],
    ),
]


@pytest.mark.parametrize(
    ("text", "type_", "fmt", "expected"),
    BROKEN,
    ids=[f"broken{i:02d}" for i in range(len(BROKEN))],
)
def test_every_broken_file_is_one_serialization_error(
    text: str | bytes, type_: Any, fmt: str, expected: list[str]
) -> None:
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(text, type_, fmt)
    message = str(info.value)
    assert message.startswith(f"<{fmt}>: ")
    for fragment in expected:
        assert fragment in message
    # The problems, one by one, without the source that the message names once.
    assert info.value.problems
    for problem in texts(info.value.problems):
        assert problem in message
        assert not problem.startswith(f"<{fmt}>")


def test_there_are_at_least_thirty_distinct_broken_files() -> None:
    assert len({(str(t), str(ty), f) for t, ty, f, _ in BROKEN}) >= 30


def test_all_problems_are_listed_at_once() -> None:
    doc = json.dumps(
        {
            "format": "styrmodell/1",
            "type": "bands",
            "green": "(60, 40)",
            "yelow": "[1, 2]",
            "red": 5,
            "unit": "PERCENTS",
            "precision": 0.1,
        }
    )
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(doc, sm.Threshold)
    lines = str(info.value).splitlines()
    assert lines[0] == "<json>: 5 problems"
    assert sorted(line.split(":")[0].strip() for line in lines[1:]) == sorted(
        ["green", "yelow", "red", "unit", "precision"]
    )
    assert texts(info.value.problems) == tuple(line.strip() for line in lines[1:])


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(f'{{{HEAD}, "year": "x"}}', encoding="utf-8")
    with pytest.raises(sm.SerializationError, match=r"plan\.json: year: expected a whole number"):
        sm.load(path, sm.Context)
    with pytest.raises(sm.SerializationError, match=r"missing\.toml: cannot read the file") as info:
        sm.load(tmp_path / "missing.toml", sm.Context)
    assert str(info.value.problems[0]).startswith("cannot read the file")
    with pytest.raises(sm.SerializationError, match=r"cannot tell the format from the suffix"):
        sm.load(tmp_path / "plan.yaml", sm.Context)
    with pytest.raises(sm.SerializationError, match=r"unknown format 'yaml'"):
        sm.loads("{}", sm.Context, "yaml")


def read_or_error(text: str | bytes, type_: Any, fmt: str) -> Any:
    """The value read, or the SerializationError raised; any other exception propagates."""
    try:
        return sm.loads(text, type_, fmt)
    except sm.SerializationError as exc:
        return exc


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["(60, inf)", "[1, 2]", "2023-12-31", "GREEN", "bands", "3 months", "1"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["type", "green", "yellow", "red", "year", "history", "within", "due", "value", "x"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    body=json_values,
    type_=st.sampled_from([sm.Threshold, sm.Bands, sm.Context, sm.Interval, sm.Duration]),
)
def test_any_data_reads_or_raises_a_serialization_error(body: Any, type_: Any) -> None:
    doc = {"format": "styrmodell/1", **body} if isinstance(body, dict) else body
    result = read_or_error(json.dumps(doc), type_, "json")
    assert isinstance(result, type_ | sm.SerializationError)
    assert not isinstance(result, sm.SerializationError) or str(result).startswith("<json>: ")


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=64), fmt=st.sampled_from(FORMATS))
def test_any_bytes_read_or_raise_a_serialization_error(data: bytes, fmt: str) -> None:
    result = read_or_error(data, sm.Context, fmt)
    assert isinstance(result, sm.Context | sm.SerializationError)
    assert not isinstance(result, sm.SerializationError) or str(result).startswith(f"<{fmt}>: ")


# -- plan files --------------------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.mark.parametrize(
    "name", ["hassleholm_omsorg_2019", "mjolby_osn_2011", "oxelosund_von_2023"]
)
def test_each_seed_plan_file_loads_equal_to_its_python_example(name: str) -> None:
    import runpy

    built = runpy.run_path(str(EXAMPLES / f"{name}.py"))["build_plan"]()
    loaded = sm.load(EXAMPLES / f"{name}.toml", sm.Plan)
    assert loaded == built
    assert sm.loads(sm.dumps(loaded), sm.Plan) == built
    assert sm.loads(sm.dumps(loaded, "toml"), sm.Plan, "toml") == built


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_carries_its_calendar_through_a_file(fmt: str) -> None:
    import runpy

    calendars = runpy.run_path(str(EXAMPLES / "calendars.py"))
    for name, plan_file in [("oxelosund", "oxelosund_von_2023"),
                            ("hassleholm", "hassleholm_omsorg_2019")]:  # fmt: skip
        plan = sm.load(EXAMPLES / f"{plan_file}.toml", sm.Plan)
        assert plan.calendar == calendars[name]()
        text = sm.dumps(plan, fmt)
        back = sm.loads(text, sm.Plan, fmt)
        assert back == plan
        assert back.calendar is not None
        assert back.calendar.year(2023) == plan.calendar.year(2023)
        # The calendar is a table of its own in the document, not mixed into the plan's.
        assert sm.loads(sm.dumps(plan.calendar, fmt), sm.FollowUpCalendar, fmt) == plan.calendar
    without = sm.loads(plan_doc(), sm.Plan)
    assert without.calendar is None
    assert "calendar" not in json.loads(sm.dumps(without))


def test_a_calendar_in_a_plan_file_is_checked_with_its_path() -> None:
    doc = plan_doc(calendar={"name": "Årshjul", "rules": [{"kind": "delårsrapport"}]})
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(doc, sm.Plan)
    assert "calendar.rules[0].rule: required field missing" in str(info.value)
    with pytest.raises(sm.PlanError, match=r"Plan\.calendar: expected a FollowUpCalendar"):
        sm.Plan(id="p", years=2023, levels=["Mål"], calendar="årshjul")


def plan_doc(**changes: Any) -> str:
    doc: dict[str, Any] = {
        "format": "styrmodell/1",
        "id": "p",
        "years": [2023, 2025],
        "levels": ["Nämndmål"],
        "goals": [
            {
                "id": "g1",
                "title": "Nöjda brukare",
                "indicators": [
                    {
                        "id": "i1",
                        "unit": "PERCENT",
                        "targets": {"2024": {"type": "bands", "green": "(60, inf)"}},
                    }
                ],
            }
        ],
    }
    doc.update(changes)
    return json.dumps(doc)


def indicator(**changes: Any) -> dict[str, Any]:
    return {"id": "i1", "unit": "PERCENT", **changes}


BROKEN_PLANS: list[tuple[str, list[str]]] = [
    (
        plan_doc(
            goals=[
                {"id": "g0"},
                {"id": "g1"},
                {
                    "id": "g2",
                    "indicators": [
                        indicator(targets={"2024": {"type": "bands", "green": "(60, 40)"}})
                    ],
                },
            ]
        ),
        [
            "goals[2].indicators[0].targets.2024.green: '(60, 40)' is not an interval: "
            "lower bound 60 is above upper bound 40"
        ],
    ),
    (
        plan_doc(goals=[{"id": "g1"}, {"id": "g1"}]),
        ["goals[1]: duplicate goal id 'g1' (also at goals[0])"],
    ),
    (
        plan_doc(
            goals=[
                {
                    "id": "g",
                    "indicators": [
                        indicator(
                            targets={
                                "2020": {
                                    "type": "target_value",
                                    "comparator": ">=",
                                    "target": "5",
                                    "unit": "DAYS",
                                }
                            }
                        )
                    ],
                }
            ]
        ),
        [
            "2 problems",
            "targets[2020]: target year 2020 is outside the plan's years 2023–2025",
            "threshold unit DAYS does not fit indicator 'i1' measured in PERCENT",
        ],
    ),
    (plan_doc(id=None), ["id: expected text, got null"]),
    (plan_doc(goals={"id": "g"}), ["goals: expected a list, got a table"]),
    (plan_doc(years="2023-2025"), ["years: expected a list of 2 items, got the text"]),
    (
        plan_doc(goals=[{"id": "g", "indicators": [indicator(targets={"20x4": {}})]}]),
        ["goals[0].indicators[0].targets.20x4: expected a whole number such as 2024"],
    ),
    (
        plan_doc(goals=[{"id": "g", "indicators": [indicator(targets={"2024": {"type": "x"}})]}]),
        ["goals[0].indicators[0].targets.2024.type: unknown threshold type 'x'"],
    ),
    (
        plan_doc(goals=[{"id": "g", "indicators": [indicator(unit="procent")]}]),
        ["goals[0].indicators[0].unit: 'procent' is not a Unit"],
    ),
    (
        plan_doc(goals=[{"id": "g", "children": [{"id": "c", "titel": "x"}]}]),
        ["goals[0].children[0].titel: unknown field (did you mean 'title'?)"],
    ),
    (
        plan_doc(
            goals=[
                {
                    "id": "g",
                    "indicators": [indicator(baseline={"value": "48", "period": "jan-nov"})],
                }
            ]
        ),
        ["goals[0].indicators[0].baseline.period: ", "jan-nov"],
    ),
    (
        plan_doc(decided="14 december 2022"),
        ["decided: expected a date such as \"2023-12-31\", got the text '14 december 2022'"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), BROKEN_PLANS)
def test_broken_plan_files_name_the_path(text: str, expected: list[str]) -> None:
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(text, sm.Plan)
    for fragment in expected:
        assert fragment in str(info.value)
        assert any(
            fragment in problem for problem in texts(info.value.problems)
        ) or fragment.endswith("problems")


def test_a_plan_that_fails_its_validation_lists_each_problem_and_names_its_cause() -> None:
    text = plan_doc(
        goals=[
            {"id": "g1"},
            {"id": "g1", "indicators": [indicator(targets={"2020": {"type": "milestone"}})]},
        ]
    )
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(text, sm.Plan)
    cause = info.value.__cause__
    assert isinstance(cause, sm.PlanError)
    assert (
        texts(info.value.problems)
        == texts(cause.problems)
        == (
            "goals[1]: duplicate goal id 'g1' (also at goals[0])",
            "goals[1].indicators[0].targets[2020]: target year 2020 is outside the plan's years "
            "2023–2025",
        )
    )
    assert str(info.value) == "<json>: 2 problems\n  " + "\n  ".join(texts(cause.problems))


@pytest.mark.parametrize(
    "text",
    [
        plan_doc(id=None),
        plan_doc(goals=[{"id": "g", "children": [{"id": "c", "titel": "x"}]}]),
        plan_doc(goals=[{"id": " g"}]),
        plan_doc(goals=[{"id": "g", "indicators": [indicator(targets={"2024": {"type": "x"}})]}]),
    ],
)
def test_data_of_the_wrong_shape_is_not_a_failed_validation(text: str) -> None:
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(text, sm.Plan)
    assert not isinstance(info.value.__cause__, sm.PlanError)


# -- the converter: cattrs' own tools ----------------------------------------------------


def test_make_converter_is_public_and_makes_independent_converters() -> None:
    mine = sm.make_converter()
    assert mine is not sm.converter
    rule = sm.TargetValue(">=", 50, unit=sm.Unit.PERCENT)
    assert mine.unstructure(rule) == sm.converter.unstructure(rule)
    assert mine.structure(mine.unstructure(rule), sm.Threshold) == rule
    # The keyword arguments go to cattrs.Converter, as in cattrs.preconf.
    assert sm.make_converter(omit_if_default=False).unstructure(sm.Context())["references"] == {}


def _floats_as_decimals(value: object, _: object) -> Decimal:
    return Decimal(str(value))


@pytest.mark.parametrize("copy", [lambda c: c.copy(), lambda c: sm.make_converter()])
def test_a_hook_registered_on_a_copy_reaches_every_nested_value(copy: Any) -> None:
    # The original converter has built its hooks already: the copy must not reuse them.
    original = sm.converter
    with pytest.raises(BaseValidationError):
        original.structure([0.5], list[Decimal])
    original.structure({"2024": "1"}, FrozenMap[int, Decimal])
    original.structure({"budget": "1"}, sm.Context)
    mine = copy(original)
    mine.register_structure_hook(Decimal, _floats_as_decimals)
    assert mine.structure([0.5], list[Decimal]) == [Decimal("0.5")]
    assert mine.structure({"2024": 0.25}, FrozenMap[int, Decimal]) == {2024: Decimal("0.25")}
    context = mine.structure({"budget": 2.5, "history": {"2022": 74.5}}, sm.Context)
    assert context == sm.Context(budget="2.5", history={2022: "74.5"})
    bands = mine.structure({"type": "bands", "green": "(60, inf)", "precision": 0.1}, sm.Threshold)
    assert bands.precision == Decimal("0.1")
    # ... and nothing changed on the original.
    for data, type_ in [
        ([0.5], list[Decimal]),
        ({"2024": 0.25}, FrozenMap[int, Decimal]),
        ({"budget": 2.5}, sm.Context),
    ]:
        with pytest.raises(BaseValidationError) as info:
            original.structure(data, type_)
        assert "(exact)" in texts(problems_of(info.value))[0]


def test_an_unstructure_hook_on_a_copy_reaches_tables_and_fields() -> None:
    mine = sm.converter.copy()
    mine.register_unstructure_hook(Decimal, float)
    context = sm.Context(budget="2.5", history={2022: "74.5"})
    assert mine.unstructure(context) == {"budget": 2.5, "history": {"2022": 74.5}}
    assert sm.converter.unstructure(context) == {"budget": "2.5", "history": {"2022": "74.5"}}


@attrs.frozen
class Always:
    """A threshold family defined here, registered after styrmodell was imported."""

    status: sm.Status = sm.Status.GREEN
    note: str = ""

    def assess(self, value: object, context: object = None) -> Any:
        raise NotImplementedError


def test_a_family_registered_later_round_trips_through_every_converter() -> None:
    made_before = sm.make_converter()
    copied_before = sm.converter.copy()
    # Build the converters' unions before the family exists.
    for c in (sm.converter, made_before, copied_before):
        c.structure({"type": "milestone"}, sm.Threshold)
    family = register(
        Family(type=Always, tag="always", describe=lambda t, loc: "", explain=lambda a, loc: "")
    )
    try:
        rule = Always(sm.Status.YELLOW, note="alltid")
        for c in (sm.converter, made_before, copied_before, sm.make_converter()):
            data = c.unstructure(rule, unstructure_as=sm.Threshold)
            assert data == {"type": "always", "status": "YELLOW", "note": "alltid"}
            assert c.structure(data, sm.Threshold) == rule
            table = c.structure({"2024": data}, FrozenMap[int, sm.Threshold])
            assert table == {2024: rule}
        for fmt in FORMATS:
            assert sm.loads(sm.dumps(rule, fmt), sm.Threshold, fmt) == rule
            assert sm.loads(sm.dumps(rule, fmt), Always, fmt) == rule
        with pytest.raises(sm.SerializationError, match="did you mean 'always'"):
            sm.loads(f'{{{HEAD}, "type": "allways"}}', sm.Threshold)
    finally:
        unregister(Always)
    assert family.tag == "always"
    with pytest.raises(sm.SerializationError, match="unknown threshold type 'always'"):
        sm.loads(f'{{{HEAD}, "type": "always"}}', sm.Threshold)
    with pytest.raises(sm.SerializationError, match="cannot write a threshold of type Always"):
        sm.converter.unstructure(Always(), unstructure_as=sm.Threshold)


def test_an_outcome_holding_progress_or_dates_round_trips() -> None:
    for value in [
        sm.Progress.DONE,
        (dt.date(2023, 1, 1), None),
        (dt.date(2023, 1, 1), dt.date(2023, 3, 1)),
        True,
        None,
        Decimal("74.5"),
    ]:
        outcome = sm.Outcome("x", 2023, value=value)
        assert sm.loads(sm.dumps(outcome), sm.Outcome) == outcome
    with pytest.raises(sm.SerializationError, match=r"value: expected a list of 2 items, got 3"):
        sm.loads(f'{{{HEAD}, "indicator": "x", "period": "2023", "value": [1, 2, 3]}}', sm.Outcome)


def test_problems_carry_path_code_and_value_and_word_themselves_in_swedish() -> None:
    doc = json.dumps({"format": "styrmodell/1", "year": "2023", "budget": 0.5, "yeer": 1})
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(doc, sm.Context)
    by_path = {p.path: p for p in info.value.problems}
    assert set(by_path) == {"year", "budget", "yeer"}
    assert by_path["year"].code == "serialization.expected_int"
    assert by_path["year"].value == "2023"
    assert by_path["budget"].code == "serialization.expected_exact_number"
    assert by_path["budget"].value == 0.5
    assert by_path["yeer"].code == "serialization.unknown_field_hint"
    assert problem_text(by_path["year"], "sv") == "year: förväntade ett heltal, fick texten '2023'"
    assert problem_text(by_path["year"], "en") == str(by_path["year"])
    assert problem_text(by_path["budget"], "sv").startswith("budget: förväntade ett tal som text")
    assert problem_text(by_path["yeer"], "sv").startswith("yeer: okänt fält (menade du 'year'?)")


def test_an_enum_name_in_the_wrong_case_says_did_you_mean() -> None:
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(f'{{{HEAD}, "type": "bands", "green": "(1, 2)", "unit": "percent"}}', sm.Bands)
    assert str(info.value).endswith("did you mean 'PERCENT'?")


def test_a_class_check_deep_in_a_plan_is_named_by_its_path_in_the_document() -> None:
    doc = plan_doc(goals=[{"id": "g", "children": [{"id": "c", "title": "x", "level": "a"}]}])
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(doc, sm.Plan)
    assert texts(info.value.problems) == (
        "goals[0].children[0].level: expected a whole number, got the text 'a'",
    )


# -- limits and hostile files ------------------------------------------------------------


def test_every_limit_can_be_changed_and_names_its_path() -> None:
    doc = json.dumps(
        {
            "format": "styrmodell/1",
            "id": "p",
            "title": "x" * 30,
            "years": [2023, 2025],
            "levels": ["Mål"],
            "notes": ["a", "b", "c"],
        }
    )
    assert sm.loads(doc, sm.Plan).title == "x" * 30
    cases = [
        (DocumentLimits(bytes=50), "<json>: the text has 153 characters, more than the limit"),
        (DocumentLimits(string=29), "<json>: title: a text of 30 characters, more than the limit"),
        (DocumentLimits(depth=1), "<json>: 3 problems\n  years: nested too deeply: more than 1"),
        (DocumentLimits(items=8), "<json>: more than 8 values in the document"),
    ]  # fmt: skip
    for limits, message in cases:
        with pytest.raises(sm.SerializationError) as info:
            sm.loads(doc, sm.Plan, limits=limits)
        assert str(info.value).startswith(message)
    with pytest.raises(sm.SerializationError, match="the file has 153 bytes, more than the"):
        sm.loads(doc.encode(), sm.Plan, limits=DocumentLimits(bytes=50))
    with pytest.raises(sm.SerializationError, match=r"DocumentLimits\.string: expected a whole"):
        DocumentLimits(string=0)
    with pytest.raises(sm.SerializationError, match=r"limits: expected DocumentLimits"):
        sm.loads(doc, sm.Plan, limits=100)  # type: ignore[arg-type]


def test_a_file_too_large_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text(f'{{{HEAD}, "value": "[1, 2]"}}' + " " * 1000, encoding="utf-8")
    with pytest.raises(sm.SerializationError) as info:
        sm.load(path, sm.Interval, limits=DocumentLimits(bytes=100))
    assert str(info.value) == f"{path}: the file has 1045 bytes, more than the limit of 100"
    assert sm.load(path, sm.Interval) == sm.Interval.closed(1, 2)


def test_default_limits_hold_a_large_plan_and_refuse_what_no_plan_needs() -> None:
    assert DocumentLimits() == DocumentLimits(
        bytes=64 * 1024 * 1024, string=10_000, depth=64, items=5_000_000
    )
    goals = [{"id": f"g{i}", "description": "d" * 10_000} for i in range(3)]
    assert len(sm.loads(plan_doc(goals=goals), sm.Plan).goals) == 3
    goals[1]["description"] += "!"
    with pytest.raises(sm.SerializationError, match=r"goals\[1\]\.description: a text of 10001"):
        sm.loads(plan_doc(goals=goals), sm.Plan)


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            f'{{{HEAD}, "year": 2023, "year": 2024}}',
            "<json>: year: the key 'year' is written twice",
        ),
        (
            f'{{{HEAD}, "history": {{"2022": "1", "2023": "2", "2022": "3"}}}}',
            "<json>: history.2022: the key '2022' is written twice",
        ),
        (
            f'{{{HEAD}, "references": {{"riket": "\\ud800"}}}}',
            "<json>: references.riket: the text holds a lone surrogate U+D800 at character 1",
        ),
        (
            f'{{{HEAD}, "references": {{"x\\udfff": "1"}}}}',
            "<json>: references: a key holds a lone surrogate U+DFFF at character 2",
        ),
        (
            f'{{{HEAD}, "references": {{"riket": "{"[" * 70}"}}}}',
            "<json>: references.riket: expected a number",
        ),
        (
            f'{{{HEAD}, "history": ' + '{"a": ' * 70 + "1" + "}" * 70 + "}",
            "<json>: history" + ".a" * 63 + ": nested too deeply: more than 64 levels",
        ),
        ("[" * 100_000 + "]" * 100_000, "<json>: not valid JSON: nested too deeply"),
        (
            'format = "styrmodell/1"\nhistory = ' + "[" * 100_000 + "]" * 100_000,
            "<toml>: not valid TOML: nested too deeply",
        ),
        (
            'format = "styrmodell/1"\n' + "a." * 80 + "b = 1\n",
            "<toml>: " + "a." * 63 + "a: nested too deeply: more than 64 levels",
        ),
        (
            f'{{{HEAD},\n  "year": 2023,\n  "as_of": }}',
            "<json>: not valid JSON: Expecting value (line 3, column 12)",
        ),
        (
            'format = "styrmodell/1"\nyear = 2023\nyear = 2024\n',
            "<toml>: not valid TOML: Cannot overwrite a value (at line 3, column 12)",
        ),
    ],
)
def test_hostile_documents_are_one_clear_problem(doc: str, expected: str) -> None:
    fmt = "toml" if doc.startswith("format") else "json"
    with pytest.raises(sm.SerializationError) as info:
        sm.loads(doc, sm.Context, fmt)
    assert str(info.value).startswith(expected)
    assert len(info.value.problems) == 1


def test_a_raw_surrogate_in_text_input_is_refused_with_its_path() -> None:
    with pytest.raises(sm.SerializationError, match=r"^<toml>: value: the text holds a lone"):
        sm.loads('format = "styrmodell/1"\nvalue = "a\ud800"\n', sm.Interval, "toml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            '{"format": "styrmodell/1"}'.encode("utf-16"),
            "byte 0xff at position 0 (line 1, column 1); the file looks like UTF-16: save it as "
            "UTF-8",
        ),
        (
            '{"format": "styrmodell/1",\n"budget": "å"}'.encode("cp1252"),
            "byte 0xe5 at position 38 (line 2, column 12); the file looks like cp1252 (Windows)",
        ),
    ],
)
def test_a_file_in_another_encoding_is_named(data: bytes, expected: str) -> None:
    with pytest.raises(sm.SerializationError, match=re.escape(expected)):
        sm.loads(data, sm.Context)


@pytest.mark.parametrize("fmt", FORMATS)
def test_writing_refuses_text_no_utf8_file_can_hold(fmt: str, tmp_path: Path) -> None:
    goal = sm.Goal(id="g", title="Mål\ud800")
    with pytest.raises(sm.SerializationError) as info:
        sm.dumps(goal, fmt)
    assert str(info.value).startswith("cannot write Goal: title: the text holds a lone surrogate")
    with pytest.raises(sm.SerializationError):
        sm.dump(goal, tmp_path / f"goal.{fmt}")
    # A character outside the basic plane is fine (JSON may escape it as a surrogate pair).
    emoji = sm.Goal(id="g", title="Mål 😀")
    assert sm.loads(sm.dumps(emoji, fmt), sm.Goal, fmt) == emoji
    assert sm.loads(f'{{{HEAD}, "id": "g", "title": "\\ud83d\\ude00"}}', sm.Goal).title == "😀"


@pytest.mark.parametrize("page", ["how-to/plan-files.md", "explanation/limits.md"])
def test_the_pages_on_plan_files_and_limits_show_what_the_library_does(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)
    text = (root / "docs" / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", text, flags=re.DOTALL)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, page, page, 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert result.attempted >= 5
    assert result.failed == 0


def test_every_code_the_serialization_modules_use_is_in_both_catalogs() -> None:
    package = Path(sm.__file__).parent / "_serialization"
    source = "\n".join(p.read_text(encoding="utf-8") for p in package.glob("*.py"))
    codes = set(re.findall(r'"((?:serialization|io|number)\.[a-z_.]+)"', source))
    codes |= {
        f"serialization.kind.{kind}"
        for kind in (
            "null",
            "boolean",
            "text",
            "decimal",
            "number",
            "list",
            "table",
            "time",
            "other",
        )
    }
    assert len(codes) > 60
    for locale in ("en", "sv"):
        missing = sorted(c for c in codes if c not in catalog_ids(locale))
        assert missing == [], locale
