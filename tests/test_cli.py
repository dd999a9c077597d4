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
        assert "användning: styrmodell" in shown.stdout
    english = process("report", "--help", "--locale", "en")
    assert english.stdout.startswith("usage: styrmodell report")


def test_check_a_clean_plan_exits_0() -> None:
    result = run("check", OX_PLAN)
    assert result.returncode == 0, result.stderr
    # ">2022" is strictly above last year (unchanged is red), so no "yellow only at exact
    # equality" warning remains.
    # Plan-level lint: four KF-mål the nämnd has no goals under, five indicators without
    # targets ("info"); none is an error.
    assert result.stdout.splitlines()[-1].endswith("36 mått, 91 målvärden, 9 anmärkningar (0 fel)")


def test_check_findings_of_severity_error_exit_1() -> None:
    # Hässleholm's plan has real gaps ("under 2,2 % / 2,3–2,9 % / över 3 %").
    result = run("check", HH_PLAN)
    assert result.returncode == 1
    assert (
        "hassleholm_omsorg_2019.toml: mått 'korttidsfranvaro' (\"Korttidsfrånvaro dag 1-14 "
        '(%)"), målvärde för alla år: fel: Glapp: 2,2\xa0% får ingen färg'
    ) in result.stdout
    assert "[goals[4].children[1].children[0].indicators[1].target]\n" in result.stdout


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
targets.2020 = { type = "target_value", comparator = ">=", target = "50", unit = "PERCENT" }
"""


PROBLEMS = {
    "sv": [
        "mål 'c1': fel: målet 'c1' är på nivå 0 men dess överordnade mål 'g1' är på nivå 0; "
        "ett delmål ligger en nivå under [goals[0].children[0].level]",
        "mål 'g1': fel: mål-id 'g1' finns redan (också vid goals[0]) [goals[1]]",
        "mått 'i1', målvärde 2020: fel: målvärdesåret 2020 ligger utanför planens år "
        "2023–2025 [goals[1].indicators[0].targets[2020]]",
        "planen klarar inte sin validering: 3 fel",
    ],
    "en": [
        "goal 'c1': error: goal 'c1' is at level 0 but its parent 'g1' is at level 0; a child "
        "is one level below [goals[0].children[0].level]",
        "goal 'g1': error: duplicate goal id 'g1' (also at goals[0]) [goals[1]]",
        "indicator 'i1', target 2020: error: target year 2020 is outside the plan's years "
        "2023–2025 [goals[1].indicators[0].targets[2020]]",
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
    # Each problem in the chosen locale, located by id, the path as detail.
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
    assert result.stderr.startswith(f"styrmodell: error: {tmp_path / 'missing.toml'}: ")
    assert len(result.stderr.splitlines()) == 1


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = process("--debug", "check", str(tmp_path / "missing.toml"))
    assert result.returncode != 0
    assert "Traceback" in result.stderr
    assert "SerializationError" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check"], "styrmodell check: fel: följande argument krävs: plan"),
        (["check", "--locale", "en"], "the following arguments are required: plan"),
        (["report", OX_PLAN, OX_OUTCOMES], "följande argument krävs: --year"),
        (
            ["report", OX_PLAN, OX_OUTCOMES, "--locale", "en"],
            "styrmodell report: error: the following arguments are required: --year",
        ),
        (["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--as-of", "igår"], "--as-of"),
        (["report", OX_PLAN, "missing.csv", "--year", "2023"], "missing.csv: kan inte läsa"),
        (
            ["report", OX_PLAN, "missing.csv", "--year", "2023", "--locale", "en"],
            "missing.csv: cannot read",
        ),
        (["frobnicate"], "ogiltigt val: 'frobnicate'"),
        (["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "pdf"], "ogiltigt val"),
        (
            ["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "pdf", "--locale", "en"],
            "argument --format: invalid choice: 'pdf'",
        ),
        (["report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--width", "0"], "ogiltig bredd"),
        (["report", "-", "-", "--year", "2023"], "bara en av planen och utfallen"),
    ],
)
def test_bad_arguments_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3  # usage line(s) and the error


def test_report_prints_the_scorecard() -> None:
    result = process("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--width", "1000")
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
    assert result.stderr.startswith(f"styrmodell: fel: {bad}:2: value: ")
    assert "femtio" in result.stderr


def test_report_reads_outcomes_with_comments_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    text = Path(OX_OUTCOMES).read_text(encoding="utf-8")
    assert text.startswith("#")
    data = tmp_path / Path(OX_OUTCOMES).name  # the same name: the report names its sources
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
    assert result.stdout.startswith("Måluppfyllelse 2023")
    assert "!!! OBS: utfallen är PÅHITTADE (fiktiva), inte verkliga resultat." in result.stdout
    # `make demo` reports on the example files, which carry the mark: the same banner.
    report = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--as-of", "2024-02-15")
    assert report.returncode == 0, report.stderr
    banner = [line for line in result.stdout.splitlines() if line.startswith("!!!")]
    assert banner == [line for line in report.stdout.splitlines() if line.startswith("!!!")]


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
        f"styrmodell: fel: {path}: planen 'oxelosund-von-2023' har inget årshjul: "
    )
    assert "docs/" not in swedish.stderr + result.stderr  # no file a wheel user lacks


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
        (["calendar", OX_PLAN], "följande argument krävs: --year"),
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
    assert swedish.stderr == f"styrmodell: fel: {out}: kan inte skriva filen: {os.strerror(2)}\n"


# -- report: the findings that change the exit code ----------------------------------------


def outcomes_file(tmp_path: Path, edit: dict[str, str]) -> Path:
    """The Oxelösund outcomes with each line starting with a key of *edit* replaced."""
    lines = Path(OX_OUTCOMES).read_text(encoding="utf-8").splitlines()
    for start, replacement in edit.items():
        lines = [replacement if line.startswith(start) else line for line in lines]
    path = tmp_path / "utfall.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_a_year_outside_the_plan_is_a_finding_and_exits_1() -> None:
    result = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2026", "--locale", "en")
    assert result.returncode == 1
    assert result.stdout.startswith("Goal attainment 2026")  # the report is written all the same
    assert result.stderr.splitlines() == [
        f"{OX_PLAN}: warning: the year 2026 is outside the plan's years 2023–2025",
        f"{OX_OUTCOMES}: warning: no outcome is for 2026: the outcomes of the plan's indicators "
        "are for 2022, 2023",
        "2 findings: the report may mislead (--allow-findings exits 0)",
    ]
    allowed = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2026", "--allow-findings")
    assert allowed.returncode == 0
    assert allowed.stdout == run("report", OX_PLAN, OX_OUTCOMES, "--year", "2026").stdout
    assert "varning: året 2026 ligger utanför planens år 2023–2025" in allowed.stderr


def test_outcomes_of_another_year_are_a_finding(tmp_path: Path) -> None:
    moved = tmp_path / "utfall.csv"
    moved.write_text(Path(OX_OUTCOMES).read_text(encoding="utf-8").replace(",2023,", ",2026,"))
    result = run("report", OX_PLAN, str(moved), "--year", "2023")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{moved}: varning: inget utfall gäller 2023: utfallen för planens mått gäller 2022, 2026"
    )


def test_a_misspelt_indicator_is_a_finding_at_its_line_with_the_closest_id(tmp_path: Path) -> None:
    path = outcomes_file(tmp_path, {"jobbcoach,": "jobcoach,2023,T,,55,11,20,"})
    result = run("report", OX_PLAN, str(path), "--year", "2023")
    assert result.returncode == 1
    line = line_of(path, "jobcoach,")
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line}: varning: måttet 'jobcoach' finns inte i planen; dess rader används "
        "inte. Menade du 'jobbcoach'?"
    )
    far = outcomes_file(tmp_path, {"jobbcoach,": "zzz,2023,T,,55,11,20,"})
    english = run("report", OX_PLAN, str(far), "--year", "2023", "--locale", "en")
    assert english.stderr.splitlines()[0].endswith(
        "warning: the indicator 'zzz' is not in the plan; its rows are not used"
    )


def test_an_indicator_whose_outcomes_are_all_later_is_a_finding(tmp_path: Path) -> None:
    path = outcomes_file(tmp_path, {"24h-af,2023": "24h-af,2032,T,,58,,,"})
    result = run("report", OX_PLAN, str(path), "--year", "2023", "--locale", "en")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{path}:{line_of(path, '24h-af,2032')}: warning: the outcomes of the indicator "
        "'24h-af' (\"Andel ärenden hanterade inom 24 h.\") are for 2022, 2032, none for 2023 "
        "[goals[4].children[2].children[1].indicators[0]]"
    )


def test_a_reference_naming_nothing_is_a_finding(tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(
        'format = "styrmodell/1"\nid = "p"\nyears = [2023, 2025]\nlevels = ["Mål"]\n'
        '[[goals]]\nid = "g"\n[[goals.indicators]]\nid = "nojd"\ntitle = "Nöjdhet"\n'
        'targets.2023 = { type = "compare_to_reference", reference = "riket" }\n',
        encoding="utf-8",
    )
    outcomes = tmp_path / "utfall.csv"
    outcomes.write_text("indicator,period,value,ref:rikets\nnojd,2023,81,80\n", encoding="utf-8")
    result = run("report", str(plan), str(outcomes), "--year", "2023", "--locale", "en")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"{outcomes}:2: warning: the target of the indicator 'nojd' (\"Nöjdhet\") compares "
        "with 'riket', but its outcome carries no such reference (it carries: rikets); in a "
        "CSV file: a column ref:riket [goals[0].indicators[0]]"
    )
    fixed = tmp_path / "fixed.csv"
    fixed.write_text("indicator,period,value,ref:riket\nnojd,2023,81,80\n", encoding="utf-8")
    assert run("report", str(plan), str(fixed), "--year", "2023").returncode == 0


def test_an_empty_outcomes_file_is_a_finding(tmp_path: Path) -> None:
    empty = tmp_path / "utfall.csv"
    empty.write_text("indicator,period,value\n", encoding="utf-8")
    result = run("report", OX_PLAN, str(empty), "--year", "2023")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{empty}: varning: filen har inga utfall"


def test_the_examples_report_without_findings() -> None:
    for plan, outcomes, year in [(OX_PLAN, OX_OUTCOMES, "2023")]:
        result = run("report", plan, outcomes, "--year", year)
        assert (result.returncode, result.stderr) == (0, "")


# -- report: what it says besides the table -------------------------------------------------


def test_the_report_names_its_sources_and_the_day_it_was_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1708387200")
    result = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--as-of", "2024-02-15")
    lines = result.stdout.splitlines()
    assert lines[1:5] == [
        "Oxelösunds kommun, vård- och omsorgsnämnden",
        "Per 15 februari 2024",
        "Framtagen 20 februari 2024",
        "Källor: plan oxelosund_von_2023.toml; utfall oxelosund_outcomes_2023.csv",
    ]


def test_outcomes_marked_fictional_make_the_report_say_so(tmp_path: Path) -> None:
    unmarked = tmp_path / "utfall.csv"
    unmarked.write_text("indicator,period,value\njobbcoach,2023,55\n", encoding="utf-8")
    assert "PÅHITTADE" not in run("report", OX_PLAN, str(unmarked), "--year", "2023").stdout
    for mark in ("# fiktiva: ja", "# Fictional: yes", "#fiktiva:JA"):
        marked = tmp_path / "marked.csv"
        marked.write_text(f"# Utfall\n{mark}\nindicator,period,value\njobbcoach,2023,55\n")
        out = run("report", OX_PLAN, str(marked), "--year", "2023", "--format", "html").stdout
        assert "OBS: utfallen är PÅHITTADE (fiktiva)" in out, mark
    below = tmp_path / "below.csv"
    below.write_text("indicator,period,value\n# fiktiva: ja,2023,1\n", encoding="utf-8")
    assert "PÅHITTADE" not in run("report", OX_PLAN, str(below), "--year", "2023").stdout


# -- the command: stdin and stdout, colour, width, python -m --------------------------------


def test_python_m_styrmodell_runs_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "styrmodell", "--version"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stdout.strip()) == (0, f"styrmodell {sm.__version__}")


def run_with_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "styrmodell", *args],
        input=data.decode("utf-8"), capture_output=True, text=True, encoding="utf-8",
        timeout=120, check=False,
    )  # fmt: skip


def test_a_dash_reads_stdin_and_writes_stdout(tmp_path: Path) -> None:
    from_files = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "markdown")
    plan_in = run_with_stdin(
        Path(OX_PLAN).read_bytes(), "report", "-", OX_OUTCOMES, "--year", "2023",
        "--format", "markdown", "-o", "-",
    )  # fmt: skip
    assert plan_in.returncode == 0, plan_in.stderr
    named = "plan oxelosund\\_von\\_2023.toml"  # as Markdown writes it
    assert named in from_files.stdout
    assert plan_in.stdout == from_files.stdout.replace(named, "plan stdin")
    as_json = sm.dumps(sm.load(OX_PLAN, sm.Plan)).encode("utf-8")
    # The plan's own lint findings come first; the summary is the last line.
    checked = run_with_stdin(as_json, "check", "-").stdout.splitlines()
    assert checked[-1].startswith("<stdin>: 36 mått")
    assert checked[0].startswith("<stdin>: mål 'kf-kunskapsresultat'")
    outcomes_in = run_with_stdin(
        Path(OX_OUTCOMES).read_bytes(), "report", OX_PLAN, "-", "--year", "2023",
        "--format", "markdown",
    )  # fmt: skip
    assert "PÅHITTADE" in outcomes_in.stdout
    assert "utfall stdin" in outcomes_in.stdout
    ics = run("calendar", OX_PLAN, "--year", "2024", "--ics", "-")
    assert ics.stdout.startswith("BEGIN:VCALENDAR\r\n")


@pytest.mark.parametrize(
    ("color", "no_color", "coloured"),
    [
        ("always", "", True),
        ("always", "1", True),  # asked for on the command line: wins over NO_COLOR
        ("never", "", False),
        ("auto", "", True),
        ("auto", "1", False),
    ],
)
def test_colour_follows_the_option_and_no_color(
    color: str, no_color: str, coloured: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    from styrmodell._cli import _use_color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setenv("NO_COLOR", no_color)
    assert _use_color(color, Terminal()) is coloured
    assert _use_color(color, io.StringIO()) is (color == "always")
    result = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--color", color)
    assert ("\x1b[32m" in result.stdout) is (color == "always")


def test_the_text_report_fits_the_terminal_or_the_width_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    result = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023")
    assert max(len(line) for line in result.stdout.splitlines()) <= 72
    wide = run("report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--width", "180")
    assert 150 < max(len(line) for line in wide.stdout.splitlines()) <= 180


def test_help_points_at_no_file_a_wheel_user_lacks() -> None:
    for command in ([], ["check"], ["report"], ["describe"], ["calendar"], ["demo"]):
        for locale in ("sv", "en"):
            shown = run(*command, "--help", "--locale", locale)
            assert shown.returncode == 0
            assert "docs/" not in shown.stdout
            assert ".md" not in shown.stdout
    report = run("report", "--help").stdout
    assert "# fiktiva: ja" in " ".join(report.split())
    assert "ref:<namn>" in report


def test_every_command_speaks_swedish_by_default_and_english_when_asked() -> None:
    swedish = run("report", OX_PLAN, OX_OUTCOMES)
    assert swedish.stderr == "styrmodell report: fel: följande argument krävs: --year\n"
    english = run("report", OX_PLAN, OX_OUTCOMES, "--locale", "en")
    assert english.stderr == (
        "styrmodell report: error: the following arguments are required: --year\n"
    )
    assert run("report", "--help").stdout.startswith("användning: styrmodell report")
    # argparse's words are the command's only while it parses
    import argparse

    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


# -- diff -----------------------------------------------------------------------------------

DIFF_PLAN = """\
format = "styrmodell/1"
id = "p"
years = [2023, 2025]
levels = ["Mål"]

[[goals]]
id = "g"
title = "{title}"
level = 0

[[goals.indicators]]
id = "i"
title = "Mått"
targets.2023 = {{ type = "target_value", comparator = ">=", target = "{target}" }}
"""


def two_plans(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.toml", tmp_path / "new.toml"
    old.write_text(DIFF_PLAN.format(title="Mål", target="50"), encoding="utf-8")
    new.write_text(DIFF_PLAN.format(title="Trygghet", target="55"), encoding="utf-8")
    return old, new


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "sv",
            [
                "ändrat mål 'g', titel: 'Mål' → 'Trygghet'",
                "ändrat målvärde 2023 för indikator 'i': Grönt: ≥ 50, Rött: mindre än 50 → "
                "Grönt: ≥ 55, Rött: mindre än 55",
                "2 ändringar",
            ],
        ),
        (
            "en",
            [
                "changed goal 'g' title: 'Mål' → 'Trygghet'",
                "changed target 2023 of indicator 'i': Green: ≥ 50, Red: less than 50 → "
                "Green: ≥ 55, Red: less than 55",
                "2 changes",
            ],
        ),
    ],
)
def test_diff_says_each_change_in_the_locale_and_exits_1(
    tmp_path: Path, locale: str, expected: list[str]
) -> None:
    old, new = two_plans(tmp_path)
    result = run("diff", str(old), str(new), "--locale", locale)
    assert result.returncode == 1, result.stderr
    assert result.stdout.replace("\xa0", " ").splitlines() == expected


def test_diff_of_a_plan_with_itself_is_0_changes_and_exit_0(tmp_path: Path) -> None:
    old, _ = two_plans(tmp_path)
    result = run("diff", str(old), str(old))
    assert (result.returncode, result.stdout) == (0, "0 ändringar\n")


def test_diff_reads_one_plan_from_stdin(tmp_path: Path) -> None:
    old, new = two_plans(tmp_path)
    result = run_with_stdin(old.read_bytes(), "diff", "-", str(new), "--locale", "en")
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[-1] == "2 changes"


def test_diff_of_an_unreadable_plan_exits_2(tmp_path: Path) -> None:
    old, _ = two_plans(tmp_path)
    result = run("diff", str(old), str(tmp_path / "missing.toml"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"styrmodell: fel: {tmp_path / 'missing.toml'}: ")


def test_report_as_an_excel_workbook(tmp_path: Path) -> None:
    import openpyxl  # the excel extra, in the dev extra

    out = tmp_path / "rapport.xlsx"
    result = run(
        "report", OX_PLAN, OX_OUTCOMES, "--year", "2023", "--format", "xlsx", "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    book = openpyxl.load_workbook(out)
    cells = [str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    plan = sm.load(OX_PLAN, sm.Plan)
    titles = [i.title for goal in plan.all_goals() for i in goal.indicators]
    assert titles
    assert all(any(title in cell for cell in cells) for title in titles)
    assert any("oxelosund_outcomes_2023.csv" in cell for cell in cells)  # the sources sheet


def test_a_report_workbook_goes_to_stdout_only_when_it_is_not_a_terminal() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "styrmodell", "report", OX_PLAN, OX_OUTCOMES, "--year", "2023",
         "--format", "xlsx"],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout[:2] == b"PK"  # a zip: the workbook's bytes, piped
