"""The ``styrmodell`` command with every exit code.

A few tests run it as a user does, in a subprocess (``process``): the entry point, the
version, the help, a traceback with ``--debug``, a whole report. The rest call ``main`` in
the test's own interpreter (``run``), which is the same code without an interpreter start-up
per call.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import attrs
import icalendar
import pytest

import styrmodell as sm
from styrmodell._cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OX_PLAN = str(EXAMPLES / "oxelosund_von_2023.toml")
OX_OUTCOMES = str(EXAMPLES / "oxelosund_outcomes_2023.csv")
HH_PLAN = str(EXAMPLES / "hassleholm_omsorg_2019.toml")


def process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "styrmodell._cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        check=False,
    )


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in this interpreter: ``main(args)``, its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def test_version_and_help() -> None:
    version = process("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"styrmodell {sm.__version__}"
    for command in ([], ["check"], ["report"], ["describe"], ["calendar"], ["demo"]):
        shown = process(*command, "--help")
        assert shown.returncode == 0
        assert "usage: styrmodell" in shown.stdout


def test_check_a_clean_plan_exits_0() -> None:
    result = run("check", OX_PLAN)
    assert result.returncode == 0, result.stderr
    # ">2022" is strictly above last year (unchanged is red), so no "yellow only at exact
    # equality" warning remains.
    assert result.stdout.splitlines()[-1].endswith("36 mått, 91 målvärden, 0 anmärkningar (0 fel)")


def test_check_findings_of_severity_error_exit_1() -> None:
    # Hässleholm's plan has real gaps ("under 2,2 % / 2,3–2,9 % / över 3 %").
    result = run("check", HH_PLAN)
    assert result.returncode == 1
    assert "goals[4].children[1].children[0].indicators[1].target: error: Glapp" in result.stdout


def test_check_an_unreadable_plan_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_text('format = "styrmodell/1"\nid = "p"\nyears = [2023, 2025]\n', encoding="utf-8")
    result = process("check", str(bad), "--locale", "en")
    assert result.returncode == 2
    assert result.stderr == f"styrmodell: error: {bad}: levels: required field missing\n"
    assert "Traceback" not in result.stderr


INVALID_PLAN = """\
format = "styrmodell/1"
id = "p"
years = [2023, 2025]
levels = ["Målområde", "Nämndmål"]

[[goals]]
id = "g1"

[[goals.children]]
id = "c1"
level = 0

[[goals]]
id = "g1"

[[goals.indicators]]
id = "i1"
unit = "PERCENT"
targets.2030 = { type = "target_value", comparator = ">=", target = "50", unit = "PERCENT" }
"""


PROBLEMS = {
    "sv": [
        "goals[0].children[0].level: error: målet 'c1' är på nivå 0 men dess överordnade mål "
        "'g1' är på nivå 0; ett delmål ligger en nivå under",
        "goals[1]: error: mål-id 'g1' finns redan (också vid goals[0])",
        "goals[1].indicators[0].targets[2030]: error: målvärdesåret 2030 ligger utanför planens "
        "år 2023–2025",
        "planen klarar inte sin validering: 3 fel",
    ],
    "en": [
        "goals[0].children[0].level: error: goal 'c1' is at level 0 but its parent "
        "'g1' is at level 0; a child is one level below",
        "goals[1]: error: duplicate goal id 'g1' (also at goals[0])",
        "goals[1].indicators[0].targets[2030]: error: target year 2030 is outside the "
        "plan's years 2023–2025",
        "the plan fails its validation: 3 error(s)",
    ],
}


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_check_a_plan_that_fails_its_validation_exits_1_with_each_problem_and_path(
    tmp_path: Path, locale: str
) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_text(INVALID_PLAN, encoding="utf-8")
    result = run("check", str(bad), "--locale", locale)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    # Each problem in the chosen locale, located by its path.
    assert result.stdout.splitlines() == [f"{bad}: {line}" for line in PROBLEMS[locale]]


def test_check_a_json_plan_that_fails_its_validation_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "plan.json"
    doc = {
        "format": "styrmodell/1",
        "id": "p",
        "years": [2025, 2023],
        "levels": ["Mål"],
    }
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run("check", str(bad), "--locale", "en")
    assert result.returncode == 1, result.stderr
    assert "expected (first, last) with first <= last" in result.stdout.splitlines()[0]


def test_a_plan_that_fails_its_validation_cannot_be_reported_on(tmp_path: Path) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_text(INVALID_PLAN, encoding="utf-8")
    result = run("report", str(bad), OX_OUTCOMES, "--year", "2023", "--locale", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(f"styrmodell: error: {bad}: 3 problems\n")
    assert "goals[1]: duplicate goal id 'g1'" in result.stderr


UNREADABLE: list[tuple[str, bytes, str]] = [
    ("plan.toml", b'format = "styrmodell/1"\nid = \n', "not valid TOML"),
    ("plan.json", b'{"format": "styrmodell/1", "id": ', "not valid JSON"),
    ("plan.toml", b'format = "styrmodell/1"\nid = "\xe5"\n', "not UTF-8 text: byte 0xe5"),
    ("plan.toml", b"", "the file is empty"),
    ("plan.yaml", b"id: p\n", "cannot tell the format from the suffix '.yaml'"),
    (
        "plan.toml",
        b'format = "styrmodell/2"\nid = "p"\n',
        "format: unknown format version 'styrmodell/2'",
    ),
    (
        "plan.toml",
        b'format = "styrmodell/1"\nid = "p"\nyears = "2023-2025"\nlevels = ["M"]\n',
        "years: expected a list of 2 items, got the text '2023-2025'",
    ),
    (
        "plan.toml",
        b'format = "styrmodell/1"\nid = "p"\nyears = [2023, 2025]\nlevels = ["M"]\n'
        b'[[goals]]\nid = "g"\ntitel = "x"\n',
        "goals[0].titel: unknown field (did you mean 'title'?)",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), UNREADABLE)
def test_check_unreadable_input_exits_2(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = run("check", str(path), "--locale", "en")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"styrmodell: error: {path}: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_check_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "missing.toml"), "--locale", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(f"styrmodell: error: {tmp_path / 'missing.toml'}: cannot read")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = process("--debug", "check", str(tmp_path / "missing.toml"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "SerializationError" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "the following arguments are required: plan"),
        (["report", OX_PLAN, OX_OUTCOMES], "the following arguments are required: --year"),
        (["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--as-of", "igår"], "--as-of"),
        (["report", OX_PLAN, "missing.csv", "--year", "2023"], "missing.csv: kan inte läsa"),
        (
            ["report", OX_PLAN, "missing.csv", "--year", "2023", "--locale", "en"],
            "missing.csv: cannot read",
        ),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "pdf"], "invalid choice"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3  # usage line(s) and the error


def test_report_prints_the_scorecard() -> None:
    result = process("report", OX_PLAN, OX_OUTCOMES, "--year", "2023")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Måluppfyllelse 2023: Vård- och omsorgsnämndens verksamhetsplan")
    assert "\x1b[" not in result.stdout  # not a terminal: no colour
    plan = sm.load(OX_PLAN, sm.Plan)
    for indicator in plan.all_indicators():
        assert indicator.title[:60] in result.stdout


@pytest.mark.parametrize(
    ("fmt", "start"), [("markdown", "## Goal attainment"), ("html", "<!DOCTYPE")]
)
def test_report_to_a_file_in_each_format(tmp_path: Path, fmt: str, start: str) -> None:
    out = tmp_path / f"report.{fmt}"
    result = run(
        "report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--as-of", "2024-02-15",
        "--format", fmt, "--locale", "en", "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith(start)


def test_report_reads_a_json_plan(tmp_path: Path) -> None:
    plan_json = tmp_path / "plan.json"
    sm.dump(sm.load(OX_PLAN, sm.Plan), plan_json)
    assert json.loads(plan_json.read_text(encoding="utf-8"))["format"] == "styrmodell/1"
    result = run("report", str(plan_json), OX_OUTCOMES, "--year", "2023", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Måluppfyllelse 2023")


def test_a_broken_outcomes_file_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "outcomes.csv"
    bad.write_text("indicator,period,value\njobbcoach,2023,femtio\n", encoding="utf-8")
    result = run("report", OX_PLAN, str(bad), "--year", "2023")
    assert result.returncode == 2
    assert result.stderr.startswith(f"styrmodell: error: {bad}:2: value: ")
    assert "femtio" in result.stderr


def test_report_reads_outcomes_with_comments_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    text = Path(OX_OUTCOMES).read_text(encoding="utf-8")
    assert text.startswith("#")
    data = tmp_path / "utfall.csv"
    data.write_text("\n" + text.replace("\n", "\r\n"), encoding="utf-8-sig")
    result = run("report", OX_PLAN, str(data), "--year", "2023", "--format", "markdown")
    expected = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "markdown")
    assert result.returncode == expected.returncode == 0, result.stderr
    assert result.stdout == expected.stdout


def test_describe_prints_every_target_in_plan_language() -> None:
    result = run("describe", OX_PLAN, "--year", "2024")
    assert result.returncode == 0, result.stderr
    assert "Grönt: ≥ 50\xa0%, Rött: mindre än 50\xa0%" in result.stdout
    assert ".targets.2023]" not in result.stdout
    assert ".targets.2024]" in result.stdout


def test_demo_runs_the_bundled_oxelosund_example_and_says_the_outcomes_are_fictional() -> None:
    result = run("demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OBS: utfallen är PÅHITTADE (fiktiva)")
    assert "Måluppfyllelse 2023" in result.stdout


@pytest.mark.parametrize("name", ["oxelosund_von_2023.toml", "oxelosund_outcomes_2023.csv"])
def test_the_bundled_demo_files_are_the_examples(name: str) -> None:
    bundled = ROOT / "src" / "styrmodell" / "_demo" / name
    assert bundled.read_bytes() == (EXAMPLES / name).read_bytes()


def test_the_outcomes_file_says_it_is_fictional() -> None:
    head = Path(OX_OUTCOMES).read_text(encoding="utf-8").splitlines()[:2]
    assert "FIKTIVA" in head[0]
    assert "FICTIONAL" in head[1]


# -- calendar ------------------------------------------------------------------------------


def table_rows(stdout: str) -> list[str]:
    """The table's rows: the lines after the header row, up to the blank line."""
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line[2:].startswith(("Datum", "Due")))
    end = lines.index("", start)
    return lines[start + 1 : end]


def test_calendar_prints_the_year_of_a_plans_arshjul() -> None:
    calendar = sm.load(OX_PLAN, sm.Plan).calendar
    assert calendar is not None
    expected = calendar.year(2024)
    result = run("calendar", OX_PLAN, "--year", "2024")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{calendar.name} — årshjul 2024\n")
    rows = table_rows(result.stdout)
    assert len(rows) == len(expected)
    for row, occasion in zip(rows, expected, strict=True):
        assert row.startswith(f"  {occasion.due.isoformat()}  ")  # sorted by due date
        assert occasion.recipient_label() in row
        if occasion.period is not None:
            assert f"  {occasion.period.label()}  " in row
        if occasion.is_shifted:  # a deadline moved off a weekend shows its planned day
            assert f"  {occasion.planned.isoformat()}  " in row
    delar = next(r for r in rows if "Delårsrapport" in r)
    assert "kommunfullmäktige (KF)" in delar
    assert delar.endswith("budgetuppföljning, prognos, mål, investeringar, mål märkta D")
    assert result.stdout.endswith(f"\n{len(expected)} tillfällen\n")
    assert "→" not in result.stdout  # no --as-of, nothing marked


def test_calendar_as_of_marks_what_is_next_due() -> None:
    result = run("calendar", OX_PLAN, "--year", "2024", "--as-of", "2024-04-12")
    assert result.returncode == 0, result.stderr
    marked = [r for r in table_rows(result.stdout) if r.startswith("→")]
    assert len(marked) == 1
    assert marked[0].startswith("→ 2024-04-15  ")
    assert "jan-mar 2024" in marked[0]
    assert result.stdout.splitlines()[-1] == (
        "→ Nästa från 2024-04-12: 2024-04-15 Månadsrapport jan-mar 2024 till kommunstyrelsen (KS)"
    )
    # Due on the day itself is still next; after the last one, none is.
    same_day = run("calendar", OX_PLAN, "--year", "2024", "--as-of", "2024-04-15")
    assert [r[:12] for r in table_rows(same_day.stdout) if r.startswith("→")] == ["→ 2024-04-15"]
    late = run("calendar", HH_PLAN, "--year", "2021", "--as-of", "2022-03-01")
    assert late.returncode == 0, late.stderr
    assert late.stdout.splitlines()[-1] == "Inget tillfälle från 2022-03-01."


def test_calendar_reads_a_calendar_file_in_english(tmp_path: Path) -> None:
    calendar = sm.load(HH_PLAN, sm.Plan).calendar
    assert calendar is not None
    path = tmp_path / "arshjul.json"
    sm.dump(calendar, path)
    result = run("calendar", str(path), "--year", "2020", "--locale", "en")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Omsorgsnämnden, Hässleholms kommun — follow-up calendar 2020")
    rows = table_rows(result.stdout)
    assert len(rows) == len(calendar.year(2020))
    assert sum("municipal executive board (KS)" in r for r in rows) == 5  # fem tillfällen
    assert any("Budget decision: Strategisk plan med budget" in r for r in rows)
    empty = run("calendar", str(path), "--year", "2030")
    assert empty.returncode == 0, empty.stderr
    assert "Inga tillfällen 2030." in empty.stdout


@pytest.mark.parametrize("locale", ["sv", "en"])
def test_calendar_writes_an_ics_file_that_parses_back(tmp_path: Path, locale: str) -> None:
    calendar = sm.load(OX_PLAN, sm.Plan).calendar
    assert calendar is not None
    expected = calendar.year(2024)
    out = tmp_path / "arshjul-2024.ics"
    result = run("calendar", OX_PLAN, "--year", "2024", "--ics", str(out), "--locale", locale)
    assert result.returncode == 0, result.stderr
    n = len(expected)
    said = (
        f"Skrev {n} händelser för 2024 till {out}"
        if locale == "sv"
        else (f"Wrote {n} events for 2024 to {out}")
    )
    assert result.stdout == said + "\n"
    data = out.read_bytes()
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF line ends, untranslated
    parsed = icalendar.Calendar.from_ical(data.decode("utf-8"))
    events = parsed.walk("VEVENT")
    assert [e.decoded("DTSTART") for e in events] == [o.due for o in expected]
    assert [str(e["SUMMARY"]) for e in events] == [o.label(locale) for o in expected]
    assert len({str(e["UID"]) for e in events}) == n
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == dt.timedelta(days=1) for e in events)


def test_a_plan_without_a_calendar_exits_2_in_one_line(tmp_path: Path) -> None:
    plan = attrs.evolve(sm.load(OX_PLAN, sm.Plan), calendar=None)
    path = tmp_path / "plan.toml"
    sm.dump(plan, path)
    result = run("calendar", str(path), "--year", "2024", "--locale", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(
        f"styrmodell: error: {path}: the plan 'oxelosund-von-2023' has no calendar: "
    )
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr
    swedish = run("calendar", str(path), "--year", "2024")
    assert swedish.stderr.startswith(
        f"styrmodell: error: {path}: planen 'oxelosund-von-2023' har inget årshjul: "
    )


@pytest.mark.parametrize(
    ("document", "message"),
    [
        # Neither: a threshold, or a table naming no field of either.
        (sm.dumps(sm.TargetValue(">=", 50)), "neither a plan nor a follow-up calendar"),
        ('{"format": "styrmodell/1"}', "neither a plan nor a follow-up calendar"),
        # A calendar with a broken rule is reported as a calendar, with the path.
        (
            '{"format": "styrmodell/1", "name": "Årshjul", '
                '"rules": [{"kind": "bokslut", "start": "2024-01-01"}]}',
            "rules[0].rule: required field missing",
        ),
        # A plan with a broken field is reported as a plan.
        ('{"format": "styrmodell/1", "id": "p", "years": [2023, 2025]}',
         "levels: required field missing"),
        # The same problem either way (not JSON): said once.
        ("{", "not valid JSON"),
    ],
)  # fmt: skip
def test_calendar_files_that_are_not_usable_exit_2(
    tmp_path: Path, document: str, message: str
) -> None:
    path = tmp_path / "input.json"
    path.write_text(document, encoding="utf-8")
    result = run("calendar", str(path), "--year", "2024", "--locale", "en")
    assert result.returncode == 2
    assert result.stderr.startswith(f"styrmodell: error: {path}: ")
    assert message in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["calendar", OX_PLAN], "the following arguments are required: --year"),
        (["calendar", OX_PLAN, "--year", "1900"], "--year: förväntade ett år 1953–9999"),
        (["calendar", OX_PLAN, "--year", "1900", "--locale", "en"],
         "--year: expected a year 1953–9999"),
        (["calendar", OX_PLAN, "--year", "2024", "--as-of", "igår"], "--as-of"),
        (["calendar", OX_PLAN, "--year", "2024", "--locale", "de"], "invalid choice: 'de'"),
        (["calendar", OX_PLAN, "--year", "2024", "--ics", "x.ics", "--as-of", "2024-01-01"],
         "--as-of"),
        (["calendar", "missing.toml", "--year", "2024", "--locale", "en"],
         "missing.toml: cannot read"),
        (["calendar", OX_OUTCOMES, "--year", "2024", "--locale", "en"], "cannot tell the format"),
    ],
)  # fmt: skip
def test_calendar_bad_arguments_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.ics").exists()


def test_calendar_cannot_write_the_ics_exits_2(tmp_path: Path) -> None:
    out = tmp_path / "no-such-dir" / "x.ics"
    result = run("calendar", OX_PLAN, "--year", "2024", "--ics", str(out), "--locale", "en")
    assert result.returncode == 2
    assert (
        result.stderr
        == f"styrmodell: error: {out}: cannot write the file: No such file or directory\n"
    )
    swedish = run("calendar", OX_PLAN, "--year", "2024", "--ics", str(out))
    assert swedish.stderr == f"styrmodell: error: {out}: kan inte skriva filen: {os.strerror(2)}\n"
