"""The command in the user's locale, and never a traceback: called in-process (``main(argv)``).

tests/test_cli.py runs the command as a user does, in a subprocess; these tests call
``main`` directly, so that the locale options, every way of failing and a fuzz of argument
files run fast.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell._cli import MAX_LINE, _Bug, _failed, _reading, _worded, main
from styrmodell._messages import failure, problem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OX_PLAN = str(EXAMPLES / "oxelosund_von_2023.toml")
OX_OUTCOMES = str(EXAMPLES / "oxelosund_outcomes_2023.csv")
HH_PLAN = str(EXAMPLES / "hassleholm_omsorg_2019.toml")
REPORT = ["report", OX_PLAN, OX_OUTCOMES, "--year", "2023"]


def call(*argv: str) -> tuple[int, str, str]:
    """Run the command in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def assert_one_error_line(code: int, err: str, *, names: str) -> None:
    assert code == 2
    assert err.startswith("styrmodell")
    assert len(err.splitlines()) == 1, err
    assert names in err
    assert "Traceback" not in err


# -- the locale -----------------------------------------------------------------------------


def test_help_is_swedish_by_default_and_english_with_locale() -> None:
    code, out, _ = call("check", "--help")
    assert code == 0
    assert "planfil (.toml eller .json)" in out
    assert "visa den här hjälpen och avsluta" in out
    assert "användning: styrmodell check" in out
    for asked in (["--locale", "en"], ["--locale=en"], ["--loc", "en"]):
        code, out, _ = call("check", "--help", *asked)
        assert code == 0
        assert "plan file (.toml or .json)" in out
        assert "show this help message and exit" in out
        assert "usage: styrmodell check" in out


def test_top_level_help_lists_the_commands_in_the_locale() -> None:
    code, out, _ = call("--help")
    assert code == 0
    assert "kommandon:" in out
    assert "bedöm utfall mot en plan och skriv ut en rapport" in out
    assert "Slutkoder: 0 allt i ordning" in out


@pytest.mark.parametrize(
    ("locale", "heading"),
    [
        ("sv", "Måluppfyllelse 2023"),
        ("sv_SE", "Måluppfyllelse 2023"),
        ("sv-FI", "Måluppfyllelse 2023"),
        ("en", "Goal attainment 2023"),
        ("en_GB", "Goal attainment 2023"),
        ("en-US", "Goal attainment 2023"),
    ],
)
def test_locale_takes_every_catalog_and_its_regional_variants(locale: str, heading: str) -> None:
    code, out, err = call(*REPORT, "--locale", locale)
    assert code == 0, err
    assert out.startswith(heading)


def test_a_regional_variant_speaks_its_language() -> None:
    assert call(*REPORT, "--locale", "sv_SE")[1] == call(*REPORT)[1]
    code, out, _ = call(*REPORT, "--format", "html", "--locale", "sv_SE")
    assert code == 0
    assert '<html lang="sv-SE">' in out


@pytest.mark.parametrize("locale", ["de", "xx", "zz_SE", "", "fi_FI"])
def test_a_locale_without_a_catalog_is_refused_naming_the_choices(locale: str) -> None:
    code, _, err = call(*REPORT, "--locale", locale)
    assert code == 2
    assert f"invalid choice: {locale!r} (choose from en, sv, or a regional variant" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("sv", "styrmodell: fel: --as-of: 'igår' är inget datum som 2024-02-15"),
        ("en", "styrmodell: error: --as-of: 'igår' is not a date such as 2024-02-15"),
    ],
)
def test_errors_are_worded_in_the_locale(locale: str, said: str) -> None:
    code, out, err = call(*REPORT, "--as-of", "igår", "--locale", locale)
    assert (code, out, err) == (2, "", said + "\n")


def test_a_library_problem_is_worded_in_the_locale_in_its_frame() -> None:
    with pytest.raises(sm.PlanError) as info:
        sm.RollUp.share(75, 50)
    assert _worded(info.value, "en") == str(info.value)
    assert _worded(info.value, "sv") == (
        "RollUp.green_at_least: förväntade en andel mellan 0 och 1, fick 75"
    )
    found = [problem("rollup.no_shares", "goals[0]"), problem("rollup.no_shares", "goals[1]")]
    error = sm.PlanError("plan.toml: 2 problems\n  " + "\n  ".join(map(str, found)), problems=found)
    assert _worded(error, "sv") == (
        "plan.toml: 2 problem\n  goals[0]: tar inga andelar\n  goals[1]: tar inga andelar"
    )
    uncoded = sm.PlanError("plan.toml: 2 problems\n  a\n  b", problems=["a", "b"])
    assert _worded(uncoded, "sv") == str(uncoded)  # nothing to word: shown as it is


# -- never a traceback ------------------------------------------------------------------------


def test_a_deeply_nested_plan_is_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "plan.json"
    deep.write_text('{"format": "styrmodell/1", "goals": ' + "[" * 100_000 + "]" * 100_000 + "}")
    for command in (["check"], ["describe"], ["calendar", "--year", "2024"]):
        code, _, err = call(command[0], str(deep), *command[1:])
        assert_one_error_line(code, err, names=str(deep))


def test_text_from_a_plan_reaches_the_terminal_escaped(tmp_path: Path) -> None:
    plan = json.loads(sm.dumps(sm.load(OX_PLAN, sm.Plan)))
    plan["title"] = "Plan \x1b[2J\x1b]8;;http://example.invalid\x07"
    plan["goals"][0]["title"] = "Mål\u202eåbmob"
    goal = plan["goals"][0]
    while "indicators" not in goal:
        goal = goal["children"][0]
    goal["indicators"][0]["title"] = "Mått \x1b[31m"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    for argv in (["describe", str(path)], ["report", str(path), OX_OUTCOMES, "--year", "2023"]):
        code, out, err = call(*argv)
        assert code == 0, err
        assert "\x1b" not in out
        assert "\u202e" not in out
        assert "\\x1b" in out
    report = tmp_path / "rapport.html"
    code, _, _ = call("report", str(path), OX_OUTCOMES, "--year", "2023", "--format", "html",
                      "-o", str(report))  # fmt: skip
    assert code == 0
    assert "\x1b" not in report.read_text(encoding="utf-8")


def test_a_lone_surrogate_in_a_plan_is_refused_in_one_line(tmp_path: Path) -> None:
    # A lone surrogate is not a character: plan files holding one are refused where it is.
    plan = json.loads(sm.dumps(sm.load(OX_PLAN, sm.Plan)))
    plan["title"] = "Plan \ud800"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan), encoding="utf-8")
    code, out, err = call("check", str(path))
    assert code == 2
    assert out == ""
    assert "title" in err
    assert "\ud800" not in err
    assert "Traceback" not in err


def test_a_reader_letting_a_builtin_error_through_is_named_as_a_bug_with_its_file() -> None:
    with pytest.raises(_Bug) as info, _reading("utfall.csv"):
        next(csv.reader(io.StringIO("x" * (csv.field_size_limit() + 1))))
    assert str(info.value).startswith("utfall.csv: _csv.Error: ")
    assert "a bug in styrmodell: please report it" in str(info.value)
    assert isinstance(info.value.__cause__, csv.Error)  # --debug shows where it came from


@pytest.mark.parametrize(
    ("raised", "said"),
    [
        (RecursionError("maximum recursion depth exceeded"), "nested too deeply to read"),
        (MemoryError(), "too large to read into memory"),
        (UnicodeDecodeError("utf-8", b"\xe5", 0, 1, "invalid"), "cannot read or write the text"),
        (PermissionError(13, "Permission denied"), "cannot read the file: Permission denied"),
    ],
)
def test_reading_names_the_file_for_what_the_system_raises(raised: Exception, said: str) -> None:
    with pytest.raises(sm.SerializationError) as info, _reading("plan.toml"):
        raise raised
    assert str(info.value).startswith(f"plan.toml: {said}")


def test_the_last_resort_says_it_is_a_bug_and_how_to_report_it() -> None:
    args = argparse.Namespace(locale="en", plan="plan.toml")
    said = _failed(ZeroDivisionError("division by zero\nsecond line"), args)
    assert said.startswith("styrmodell: error: ZeroDivisionError: division by zero second line")
    assert "a bug in styrmodell: please report it with the command you ran" in said
    assert "--debug" in said
    assert "\n" not in said
    assert "ett fel i styrmodell" in _failed(ZeroDivisionError(), argparse.Namespace(locale="sv"))


def test_a_huge_value_in_a_message_is_cut_to_a_readable_line(tmp_path: Path) -> None:
    outcomes = tmp_path / "utfall.csv"
    outcomes.write_text("indicator,period,value\njobbcoach," + "9" * 5000 + ",5\n")
    code, _, err = call("report", OX_PLAN, str(outcomes), "--year", "2023")
    assert_one_error_line(code, err, names=str(outcomes))
    assert len(err.rstrip("\n")) <= MAX_LINE


def test_a_closed_pipe_ends_the_command_quietly() -> None:
    command = [sys.executable, "-m", "styrmodell._cli", *REPORT]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.read(20)
        proc.stdout.close()
        err = proc.stderr.read()
        code = proc.wait(timeout=120)
    assert code == 0
    assert err == b""


def test_debug_still_shows_the_traceback() -> None:
    with pytest.raises(sm.SerializationError):
        main(["--debug", "check", "no-such-plan.toml"])


# -- fuzz: generated argument files, every command -------------------------------------------

SPICE = [
    b"\x00", b"\xff", b"\xe5", b'"', b"[", b"]", b"{", b"}", b"=", b"\n", b"\r", b"\r\n",
    b"1e999999", b"9" * 5000, b"-", b"\\ud800", b"\\u0000", b"inf", b"nan", b"[" * 50,
    b"'", b",", b";", b"#", b"\x1b[2J", b"\xef\xbb\xbf", b"\t", b"0", b"2023", b"type",
    b"bands", b"green", b"(-inf, 40)", b"<script>", b"|", "\u202e".encode(),
    b"target_value", b"\"format\"", b"null", b"true",
]  # fmt: skip

BASES = {
    "plan.toml": Path(OX_PLAN).read_bytes(),
    "hh.toml": Path(HH_PLAN).read_bytes(),
    "plan.json": sm.dumps(sm.load(OX_PLAN, sm.Plan)).encode("utf-8"),
    "utfall.csv": Path(OX_OUTCOMES).read_bytes(),
}


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(BASES)))
    data = bytearray(BASES[name])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["cut", "insert", "flip", "truncate"]))
        if how == "cut":
            del data[at : at + draw(st.integers(1, 80))]
        elif how == "insert":
            data[at:at] = draw(st.sampled_from(SPICE) | st.binary(max_size=8))
        elif how == "flip" and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif how == "truncate":
            del data[at:]
    return name, bytes(data)


def commands(name: str, path: str) -> list[list[str]]:
    if name == "utfall.csv":
        return [["report", OX_PLAN, path, "--year", "2023", "--format", "markdown"]]
    year = "2020" if name == "hh.toml" else "2024"
    return [
        ["check", path],
        ["describe", path, "--locale", "en"],
        ["calendar", path, "--year", year],
        ["report", path, OX_OUTCOMES, "--year", "2023", "--format", "html"],
    ]


def assert_kept_its_promise(argv: list[str], code: int, err: str) -> None:
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    assert "a bug in styrmodell" not in err, err
    assert "ett fel i styrmodell" not in err, err
    if code == 2:
        assert err.startswith("styrmodell"), err
        assert all(len(line) <= MAX_LINE for line in err.splitlines())
    elif code == 1 and argv[0] == "report":  # findings, on stderr: what the report may miss
        assert err.splitlines()[-1].endswith("(--allow-findings ger slutkod 0)"), err
    else:
        assert err == ""


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_every_command_with_mutated_files(case: tuple[str, bytes]) -> None:
    name, data = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name.replace("hh", "plan")
        path.write_bytes(data)
        for argv in commands(name, str(path)):
            code, _, err = call(*argv)
            assert_kept_its_promise(argv, code, err)


WORDS = st.sampled_from(
    [
        "check", "report", "describe", "calendar", "demo", "--year", "2023", "1900", "99999",
        "-1", "x", "--as-of", "2024-02-30", "2024-02-15", "--format", "pdf", "html", "--locale",
        "sv", "de", "sv_SE", "--ics", "--output", "-o", "/nonexistent/dir/out", "--debug",
        OX_PLAN, OX_OUTCOMES, HH_PLAN, "missing.toml", "", "\x1b[2J", "--", "-", "--help",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=7))
def test_fuzz_argument_lists(argv: list[str]) -> None:
    if "--debug" in argv:  # --debug re-raises on purpose
        argv = [a for a in argv if a != "--debug"]
    if "--ics" in argv or "--output" in argv or "-o" in argv:
        with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
            code, _, err = call(*argv)
    else:
        code, _, err = call(*argv)
    assert code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err
    assert "a bug in styrmodell" not in err, err
    assert "ett fel i styrmodell" not in err, err


def test_the_bundled_error_messages_never_fail_to_word(tmp_path: Path) -> None:
    """Every message the command raises itself exists in every catalog (no missing code)."""
    with pytest.raises(sm.SerializationError):
        raise failure(sm.SerializationError, "cli.error.cannot_read", "x", reason="r")
    for locale in ("sv", "en"):
        code, _, err = call("calendar", OX_PLAN, "--year", "1900", "--locale", locale)
        assert code == 2
        assert err.count("\n") == 1
