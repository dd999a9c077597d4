"""The ``kolada`` command and ``report --kolada``, against a Kolada look-alike on 127.0.0.1."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import socket
import subprocess
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

import styrmodell as sm
from _kolada_server import FakeKolada, Scripted, kpi, running
from styrmodell import Gender, Unit, kolada
from styrmodell._cli import main

KOMMUNER = [("0481", "Oxelösund"), ("0480", "Nyköping"), ("0482", "Flen"), ("0483", "Katrineholm")]
GROUP = "G38498"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in this interpreter: ``main(args)``, its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def server() -> Iterator[FakeKolada]:
    with running() as fake:
        yield fake


@pytest.fixture
def fake(server: FakeKolada) -> FakeKolada:
    server.reset()
    server.kpis += [
        kpi("U21468", title="Brukarbedömning hemtjänst"),
        kpi("N21704", title="Invånare 80+", is_divided_by_gender=False, publ_period=2024),
    ]
    server.municipalities += [{"id": k, "title": t, "type": "K"} for k, t in KOMMUNER]
    server.municipalities += [{"id": "0000", "title": "Riket", "type": "L"}]
    server.groups += [
        {
            "id": GROUP,
            "title": "Liknande kommuner äldreomsorg, Oxelösund",
            "members": [{"id": "0480"}, {"id": "0482"}],
        },
        {"id": "G1", "title": "Liknande kommuner äldreomsorg, Flen", "members": [{"id": "0481"}]},
    ]
    values = {
        "0481": 81,
        "0480": 78,
        "0482": 85,
        "0483": None,
        "0000": 82.1,
        GROUP: 80.4,
        "G1": 83,
    }
    for unit, value in values.items():
        for year in (2022, 2023):
            server.add("U21468", unit, year, {"T": value, "K": None, "M": value})
            server.add("N21704", unit, year, {"T": 6.5})
    return server


@pytest.fixture
def plan_file(tmp_path: Path) -> str:
    plan = sm.Plan(
        id="von",
        title="Vård och omsorg",
        years=(2022, 2023),
        levels=("Nämndmål",),
        goals=[
            sm.Goal(
                id="g",
                title="Nöjda brukare",
                indicators=[
                    sm.Indicator(
                        id="nojd",
                        title="Nöjdhet hemtjänst",
                        unit=Unit.PERCENT,
                        source="kolada:U21468",
                        target=sm.CompareToReference(
                            reference="liknande kommuner", unit=Unit.PERCENT, yellow=False
                        ),
                    ),
                    sm.Indicator(
                        id="aldre",
                        title="Invånare 80+",
                        unit=Unit.PERCENT,
                        source="kolada:N21704",
                        target=sm.TargetValue("<=", 10, unit=Unit.PERCENT),
                    ),
                ],
            )
        ],
    )
    path = tmp_path / "plan.json"
    sm.dump(plan, path)
    return str(path)


def fetch(
    fake: FakeKolada, plan_file: str, out: Path, *more: str
) -> subprocess.CompletedProcess[str]:
    return run(
        "kolada",
        "fetch",
        plan_file,
        "--municipality",
        "0481",
        "--years",
        "2022-2023",
        "--out",
        str(out),
        "--base-url",
        f"{fake.base}/v3/",
        *more,
    )


# -- fetch ----------------------------------------------------------------------------------


def test_fetch_writes_a_snapshot_of_the_kommun_riket_its_group_and_all_kommuner(
    fake: FakeKolada, plan_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "snap.json"
    done = fetch(fake, plan_file, out)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    snap = sm.load(out, kolada.Snapshot)
    assert snap.municipality == "0481"
    assert {k.id for k in snap.kpis} == {"U21468", "N21704"}
    units = {r.unit for r in snap.rows}
    # The kommun, riket, its group of similar kommuner (found by title), every kommun —
    # and not the group of another kommun.
    assert units == {"0481", "0000", GROUP, "0480", "0482", "0483"}
    assert {r.period for r in snap.rows} == {2022, 2023}
    assert snap.row("U21468", GROUP, 2023).value == Decimal("80.4")
    # Progress on stderr, one line per request, then a summary.
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Kolada: 1/")
    assert any("data/kpi/" in line for line in lines)
    assert lines[-1].endswith(f"→ {out}")
    assert f"i {len(snap.requests)} anrop" in lines[-1]


def test_fetch_quiet_says_nothing_and_a_group_may_be_named(
    fake: FakeKolada, plan_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "snap.json"
    done = fetch(fake, plan_file, out, "--quiet", "--group", "G1")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    snap = sm.load(out, kolada.Snapshot)
    assert {g.id for g in snap.groups} == {GROUP, "G1"}


def test_fetch_retries_a_429_and_a_500(fake: FakeKolada, plan_file: str, tmp_path: Path) -> None:
    fake.queue(
        Scripted(status=429, headers={"Retry-After": "0"}, match="data/kpi"),
        Scripted(status=500, headers={"Retry-After": "0"}, match="municipality_groups"),
    )
    out = tmp_path / "snap.json"
    done = fetch(fake, plan_file, out, "--quiet")
    assert done.returncode == 0, done.stderr
    assert sm.load(out, kolada.Snapshot).row("U21468", "0481", 2023) is not None
    assert not fake.script


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (Scripted(status=422, body=b'{"detail": "no"}', match="data/kpi"), "422"),
        (Scripted(status=200, body=b"{not json", match="data/kpi"), "JSON"),
        (
            Scripted(
                status=200, body=b'{"values": [], "count": 0, "next_page": null}', match="data"
            ),
            "v2",
        ),
    ],
)
def test_fetch_failures_are_one_message_and_no_file(
    fake: FakeKolada, plan_file: str, tmp_path: Path, answer: Scripted, said: str
) -> None:
    fake.queue(answer)
    out = tmp_path / "snap.json"
    done = fetch(fake, plan_file, out, "--quiet")
    assert done.returncode == 2
    assert said in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_fetch_without_network_says_how_to_work_offline(plan_file: str, tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = run(
        "kolada", "fetch", plan_file, "--municipality", "0481", "--years", "2023",
        "--out", str(tmp_path / "s.json"), "--base-url", f"http://127.0.0.1:{port}/v3/",
        "--quiet", "--locale", "en",
    )  # fmt: skip
    assert done.returncode == 2
    assert "cannot reach Kolada" in done.stderr
    assert "offline" in done.stderr


@pytest.mark.parametrize("years", ["2021-", "tjugo", "2024-2021", "1800"])
def test_fetch_refuses_bad_years(
    fake: FakeKolada, plan_file: str, tmp_path: Path, years: str
) -> None:
    done = run(
        "kolada", "fetch", plan_file, "--municipality", "0481", "--years", years,
        "--out", str(tmp_path / "s.json"), "--base-url", f"{fake.base}/v3/",
    )  # fmt: skip
    assert done.returncode == 2
    assert "--years" in done.stderr
    assert fake.log == []


def test_fetch_refuses_a_plan_without_kolada_sources(fake: FakeKolada, tmp_path: Path) -> None:
    plan = sm.Plan(id="p", years=2023, levels=("Mål",), goals=[sm.Goal(id="g")])
    path = tmp_path / "plan.json"
    sm.dump(plan, path)
    done = fetch(fake, str(path), tmp_path / "s.json")
    assert done.returncode == 2
    assert "kolada:U21468" in done.stderr
    assert fake.log == []


# -- refresh --------------------------------------------------------------------------------


def test_refresh_asks_for_what_changed_and_writes_it_back(
    fake: FakeKolada, plan_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "snap.json"
    assert fetch(fake, plan_file, out, "--quiet").returncode == 0
    fake.add("U21468", "0481", 2023, {"T": 79, "K": None, "M": 81}, updated=dt.date(2030, 1, 1))
    fake.log.clear()
    done = run("kolada", "refresh", str(out), "--since", "2029-12-01", "--quiet")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "ändrade värden: 1, nya: 0, borttagna (isdeleted): 0"
    assert "U21468 0481 2023 T: 81 → 79" in done.stdout
    assert all("from_date=2029-12-01" in path for path in fake.requests_to("data/"))
    assert sm.load(out, kolada.Snapshot).row("U21468", "0481", 2023).value == Decimal("79")


def test_refresh_refuses_a_bad_date_and_a_file_that_is_no_snapshot(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"schema": "other"}), encoding="utf-8")
    done = run("kolada", "refresh", str(bad))
    assert done.returncode == 2
    assert "bad.json" in done.stderr
    done = run("kolada", "refresh", str(bad), "--since", "igår")
    assert done.returncode == 2
    assert "--since" in done.stderr


# -- report --kolada ------------------------------------------------------------------------


def test_report_from_a_snapshot_shows_the_status_and_the_sources(
    fake: FakeKolada, plan_file: str, tmp_path: Path
) -> None:
    out = tmp_path / "snap.json"
    assert fetch(fake, plan_file, out, "--quiet").returncode == 0
    done = run("report", plan_file, "--kolada", str(out), "--year", "2023")
    assert done.returncode == 0, done.stderr
    report = done.stdout
    today = dt.date.today().isoformat()
    assert "Nöjdhet hemtjänst" in report
    assert "Källor" in report
    assert f"Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat {today})" in report
    assert (
        "Liknande kommuner äldreomsorg, Oxelösund 2023: 80,4\xa0% "
        f"(medel av 1 kommun; Källa: Kolada, hämtat {today})"
    ) in report
    assert "Alla kommuner 2023: 3 värden (saknas för 0483" in report
    # 81 is better than liknande kommuner's 80,4: green.
    given = kolada.inputs(sm.load(plan_file, sm.Plan), sm.load(out, kolada.Snapshot), "0481")
    card = given.assess(sm.load(plan_file, sm.Plan), 2023)
    assert card.indicator("nojd").status is sm.Status.GREEN
    assert report == kolada.report(card, given)
    markdown = run(
        "report", plan_file, "--kolada", str(out), "--year", "2023", "--format", "markdown",
        "--locale", "en",
    )  # fmt: skip
    assert markdown.returncode == 0
    assert "### Sources" in markdown.stdout
    women = card.indicator("nojd").by_gender()
    assert Gender.WOMEN not in women  # Kolada's K value is null: no outcome, never 0


def test_report_with_kolada_needs_a_kommun_and_not_an_outcomes_file(
    plan_file: str, tmp_path: Path
) -> None:
    snap = kolada.Snapshot(schema=kolada.SCHEMA, base_url="x", fetched_at="2026-11-30")
    path = tmp_path / "snap.json"
    sm.dump(snap, path)
    done = run("report", plan_file, "--kolada", str(path), "--year", "2023")
    assert done.returncode == 2
    assert "--municipality" in done.stderr
    done = run(
        "report", plan_file, "--kolada", str(path), "--year", "2023", "--municipality", "0481"
    )
    assert done.returncode == 0  # nothing in the snapshot: every indicator not assessed
    assert "Ej bedömd" in done.stdout
    done = run("report", plan_file, "outcomes.csv", "--kolada", str(path), "--year", "2023")
    assert done.returncode == 2
    done = run("report", plan_file, "--year", "2023")
    assert done.returncode == 2
    assert "--kolada" in done.stderr


def test_fetch_refuses_a_bad_kommun_id_before_asking(
    fake: FakeKolada, plan_file: str, tmp_path: Path
) -> None:
    done = run(
        "kolada", "fetch", plan_file, "--municipality", "Oxelösund", "--years", "2023",
        "--out", str(tmp_path / "s.json"), "--base-url", f"{fake.base}/v3/", "--locale", "en",
    )  # fmt: skip
    assert done.returncode == 2
    assert "Oxelösund" in done.stderr
    assert fake.log == []
