"""``styrmodell import``: a plan's target table into a draft plan, every cell parsed or listed."""

from __future__ import annotations

import contextlib
import csv
import io
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell._cli import main
from styrmodell._io._csv import read_table
from styrmodell._io.targets import read_target_table

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "exempel_maltabell.csv"
PAGE = ROOT / "docs" / "how-to" / "migrate-from-documents.md"


def table(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def run(*args: str, cwd: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_the_example_table_reads_into_a_draft_with_the_cells_it_cannot_read() -> None:
    draft = read_target_table(EXAMPLE)
    plan = draft.plan
    assert plan.years == (2024, 2026)
    assert plan.levels == ("KF-mål", "Nämndmål")
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (9, "2024", "parse.unexpected.part"),
        (11, "2024", "parse.pending.rank"),
        (11, "2025", "parse.pending.rank"),
        (11, "2026", "parse.pending.rank"),
        (12, "2024", "parse.unexpected.rule"),
    ]
    assert draft.targets == 20
    assert len(plan.all_indicators()) == 9
    # A KF-mål with its nämndmål, an empty cell repeating the goal above; a KF-mål whose
    # indicator hangs on it directly (no nämndmål on its row).
    assert [(path, g.title) for path, g in plan.walk()][:3] == [
        ("goals[0]", "Trygg och värdig äldreomsorg"),
        ("goals[0].children[0]", "Brukarna är nöjda med hemtjänsten"),
        ("goals[0].children[1]", "Väntetiden till särskilt boende är kort"),
    ]
    assert [i.title for i in plan.goals[2].indicators] == [
        "Andel medarbetare som rekommenderar arbetsplatsen"
    ]
    first = plan.goals[0].children[0].indicators[0]
    assert first.id == "andel-brukare-som-ar-nojda-med-sin-hemtj"
    assert (first.unit, first.direction, first.source) == (
        sm.Unit.PERCENT,
        sm.Direction.HIGHER_IS_BETTER,
        "kolada:U21468",  # "Kolada U21468" in the table: the KPI linked
    )
    assert first.targets[2026] == sm.TargetValue(">=", 92, unit=sm.Unit.PERCENT)
    waiting = plan.goals[0].children[1].indicators
    assert waiting[0].targets[2026] == sm.Duration(within="45 days")
    assert waiting[1].targets[2024] == sm.Milestone(due="2024-12-31")


def test_the_draft_passes_check_and_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "utkast.toml"
    code, stdout, _ = run("import", str(EXAMPLE), "--out", str(out), cwd=tmp_path)
    assert code == 1  # some cells were not read
    assert stdout.splitlines()[-1] == (
        f"Skrev {out}: 6 mål, 9 mått, 20 målvärden; 5 celler kunde inte läsas"
    )
    assert sm.load(out, sm.Plan) == read_target_table(EXAMPLE).plan
    code, stdout, _ = run("check", str(out), cwd=tmp_path)
    assert code == 0, stdout
    assert stdout.splitlines()[-1].endswith("9 mått, 20 målvärden, 3 anmärkningar (0 fel)")


def test_the_command_prints_each_cell_with_line_column_and_the_parsers_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "mal.csv"
    path.write_bytes(table("Mål;Mått;2024;2025", "A;Nöjdhet;Minst 80 %;Se bilaga"))
    code, stdout, _ = run("import", str(path), "--out", "p.json", "--locale", "en", cwd=tmp_path)
    assert code == 1
    lines = stdout.splitlines()
    assert lines[0].startswith(f"{path}:2: 2025: målvärde 'Se bilaga': 'Se' at position 1")
    assert lines[1:3] == ["  Se bilaga", "  ^^"]
    assert sm.load(tmp_path / "p.json", sm.Plan).all_indicators()[0].targets == {
        2024: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)
    }


def test_every_cell_read_exits_0_with_the_plans_id_title_and_years(tmp_path: Path) -> None:
    path = tmp_path / "mal.csv"
    path.write_bytes(table("Mål;Mått;Målvärde 2025", "A;Nöjdhet;Minst 80 %"))
    code, stdout, _ = run(
        "import", str(path), "--out", "p.toml", "--id", "von", "--title", "VON",
        "--years", "2024-2026", cwd=tmp_path,
    )  # fmt: skip
    assert code == 0, stdout
    plan = sm.load(tmp_path / "p.toml", sm.Plan)
    assert (plan.id, plan.title, plan.years) == ("von", "VON", (2024, 2026))
    assert run("import", str(path), "--out", "p.toml", "--years", "2026-2024", cwd=tmp_path)[0] == 2


def test_goals_carry_down_and_restart_below_a_new_goal() -> None:
    draft = read_target_table(
        table(
            "KF-mål;Nämndmål;Indikator;2024",
            "A;A1;x;5",
            ";;y;5",
            "B;;z;5",
            ";B1;w;5",
            "C;;;",  # a goal without indicators
        )
    )
    tree = [(path, g.title, [i.title for i in g.indicators]) for path, g in draft.plan.walk()]
    assert tree == [
        ("goals[0]", "A", []),
        ("goals[0].children[0]", "A1", ["x", "y"]),
        ("goals[1]", "B", ["z"]),
        ("goals[1].children[0]", "B1", ["w"]),
        ("goals[2]", "C", []),
    ]


def test_ids_are_unique_across_goals_and_indicators() -> None:
    draft = read_target_table(
        table("Mål;Mått;2024", "Nöjd kund;Nöjd kund;80", ";Nöjd kund;81", "Ö;Å;1")
    )
    ids = [g.id for _, g in draft.plan.walk()] + [i.id for i in draft.plan.all_indicators()]
    assert ids == ["nojd-kund-3", "o", "nojd-kund", "nojd-kund-2", "a"]


def test_units_directions_and_sources_from_their_columns() -> None:
    draft = read_target_table(
        table(
            "Mål;Mått;Enhet;Riktning;Datakälla;2024",
            "A;a;procent;Lägre är bättre;Kolada;Högst 20",
            "A;b;dagar;↑;;30",
            "A;c;mnkr;åt sidan;;5",
            "A;d;;;;Minst 5 tkr",
        )
    )
    a, b, c, d = draft.plan.all_indicators()
    assert a.targets[2024] == sm.TargetValue("<=", 20, unit=sm.Unit.PERCENT)
    assert (a.direction, a.source) == (sm.Direction.LOWER_IS_BETTER, "Kolada")
    assert b.targets[2024] == sm.TargetValue(">=", 30, unit=sm.Unit.DAYS)
    assert (c.unit, c.direction) == (None, None)
    assert d.unit is sm.Unit.TKR  # from its målvärden, where the table says none
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (4, "Enhet", "import.unit"),
        (4, "Riktning", "import.direction"),
    ]


def test_baselines_with_their_unit_and_period() -> None:
    draft = read_target_table(
        table(
            "Mål;Mått;Ingångsvärde;2024",
            "A;a;48 %;50",
            "A;b;1 500 st (2022);5",
            "A;c;72 jan-okt 2022;5",
            "A;d;Nytt mål;5",
            "A;e;ungefär hälften;5",
            "A;f;−2,5;5",
        )
    )
    found = [i.baseline for i in draft.plan.all_indicators()]
    assert found == [
        sm.Baseline(48),
        sm.Baseline(1500, "2022"),
        sm.Baseline(72, "jan-okt 2022"),
        None,
        None,
        sm.Baseline("-2.5"),
    ]
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (6, "Ingångsvärde", "import.baseline")
    ]


def test_kolada_sources_are_linked_and_a_bad_one_is_listed() -> None:
    draft = read_target_table(
        table(
            "Mål;Mått;Källa;2024",
            "A;a;Kolada U21468;5",
            "A;b;kolada:xyz;5",
            "A;c;Egen enkät;5",
        )
    )
    assert [i.source for i in draft.plan.all_indicators()] == ["kolada:U21468", "", "Egen enkät"]
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (3, "Källa", "kolada.source_kpi")
    ]


def test_a_target_column_for_every_year_and_years_named_in_the_text() -> None:
    draft = read_target_table(
        table(
            "Mål;Mått;Målvärde;2025",
            "A;a;Minst 80 %;",
            "A;b;Målvärde 2026: 92 %;90 %",
            "A;c;Målvärde 2025: 92 %;90 %",
        )
    )
    a, b, _c = draft.plan.all_indicators()
    assert a.target == sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)
    assert b.targets == {
        2025: sm.TargetValue(">=", 90, unit=sm.Unit.PERCENT),
        2026: sm.TargetValue(">=", 92, unit=sm.Unit.PERCENT),
    }
    assert draft.plan.years == (2025, 2026)
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (4, "Målvärde", "import.twice")
    ]


def test_a_cell_that_names_another_year_than_its_column() -> None:
    draft = read_target_table(table("Mål;Mått;2025", "A;a;Målvärde 2026: 92 %"))
    assert [u.problem.code for u in draft.unread] == ["parse.year_conflict"]


def test_a_cell_without_an_indicator_or_a_goal_is_listed() -> None:
    draft = read_target_table(table("Mål;Mått;2024", ";a;5", "A;;7", "A;b;-"))
    assert [(u.line, u.column, u.problem.code) for u in draft.unread] == [
        (2, "Mål", "import.no_goal"),
        (3, "2024", "import.no_indicator"),
    ]
    assert draft.plan.all_indicators()[0].target_count == 0


def test_unknown_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "mal.csv"
    path.write_bytes(table("Mål;Mått;Kommentar;Ansvarig;2024", "A;a;x;y;5"))
    assert read_target_table(path).ignored == ("Kommentar", "Ansvarig")
    _, stdout, _ = run("import", str(path), "--out", "p.toml", "--locale", "en", cwd=tmp_path)
    assert f"{path}: columns 'Kommentar', 'Ansvarig' are not known and left out" in stdout


def test_windows_1252_from_excel() -> None:
    data = "Mål;Mått;2024\r\nÄldreomsorg;Nöjdhet;Minst 80 %\r\n".encode("cp1252")
    draft = read_target_table(data)
    assert draft.plan.goals[0].title == "Äldreomsorg"


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        (("Mål;2024", "A;5"), "import.no_indicator_column"),
        (("Mått;2024", "a;5"), "import.no_goal_column"),
        (("Mål;Mått;Enhet", "A;a;%"), "import.no_target_column"),
        (("Mål;Mått;Målvärde", "A;a;Minst 5"), "import.no_years"),
    ],
)
def test_a_table_that_is_not_a_target_table(lines: tuple[str, ...], code: str) -> None:
    with pytest.raises(sm.SerializationError) as raised:
        read_target_table(table(*lines), name="mal.csv")
    assert raised.value.problems[0].code == code
    assert str(raised.value).startswith("mal.csv")


def test_a_table_that_is_not_a_target_table_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "mal.csv"
    path.write_bytes(table("Mål;2024", "A;5"))
    code, _stdout, stderr = run("import", str(path), "--out", "p.toml", cwd=tmp_path)
    assert code == 2
    assert stderr.startswith("styrmodell: ")
    assert "Indikator" in stderr
    assert not (tmp_path / "p.toml").exists()
    assert run("import", "missing.csv", "--out", "p.toml", cwd=tmp_path)[0] == 2


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(["", "A", "B", "minst 5", "x", "2024", "%", "Se", "-", "ökning"])
            | st.text(max_size=12),
            min_size=4,
            max_size=4,
        ),
        max_size=6,
    )
)
def test_any_table_gives_a_draft_or_a_serialization_error(rows: list[list[str]]) -> None:
    text = "Mål;Mått;Enhet;2024\n" + "\n".join(
        ";".join(c.replace(";", ",").replace('"', "") for c in row) for row in rows
    )
    try:
        draft = read_target_table(text.encode("utf-8", "surrogatepass"))
    except sm.StyrmodellError:
        return
    assert sm.loads(sm.dumps(draft.plan), sm.Plan) == draft.plan


_CONSOLE = re.compile(r"```console\n\$ styrmodell (.*?)\n(.*?)```", flags=re.DOTALL)


def test_the_migration_page_shows_what_the_commands_print(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "examples")
    examples = _CONSOLE.findall(PAGE.read_text(encoding="utf-8"))
    assert len(examples) == 2
    for command, expected in examples:
        _, stdout, stderr = run(*command.split(), cwd=tmp_path)
        assert (stderr or stdout) == expected, command


def test_every_corpus_phrasing_reads_in_a_table_as_parse_threshold_reads_it() -> None:
    """The import parses a cell with the parser itself: one code path for both."""
    from test_parse_corpus import ROWS

    rows = [r for r in ROWS if not r.options]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["Mål", "Mått", "Målvärde"])
    writer.writerows(["A", f"m{n}", r.text] for n, r in enumerate(rows))
    data = out.getvalue().encode()
    draft = read_target_table(data, name="korpus.csv")
    unread = {u.line: u.problem.code for u in draft.unread}
    indicators = draft.plan.all_indicators()
    lines = [r.line for r in read_table(data).rows]  # a cell may hold line breaks
    assert len(indicators) == len(rows) == len(lines)
    for row, ind, line in zip(rows, indicators, lines, strict=True):
        if " ".join(row.text.split()) in ("", "-", "–", "—"):
            assert ind.target_count == 0  # an empty cell, or a dash, is no målvärde
            assert line not in unread
            continue
        if row.error is not None:
            if row.error == "parse.pending.staged" and line not in unread:
                assert ind.targets, row.text  # read as a schedule
                continue
            assert unread.get(line) == row.error or row.error == "ThresholdError", row.text
            continue
        found = ind.target if ind.target is not None else next(iter(ind.targets.values()))
        assert found == row.threshold, row.text


def test_an_xlsx_workbook_reads_as_the_csv_file_does(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Mål"
    text = EXAMPLE.read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.startswith("#"):
            sheet.append(line.split(";"))
    path = tmp_path / "maltabell.xlsx"
    book.save(path)
    from_csv, from_xlsx = read_target_table(EXAMPLE), read_target_table(path, sheet="Mål")
    assert from_xlsx.plan.goals == from_csv.plan.goals
    assert [(u.column, u.problem.code) for u in from_xlsx.unread] == [
        (u.column, u.problem.code) for u in from_csv.unread
    ]
    code, stdout, _ = run("import", str(path), "--out", "p.toml", "--sheet", "Mål", cwd=tmp_path)
    assert code == 1
    assert stdout.splitlines()[-1].endswith("5 celler kunde inte läsas")
