"""Snapshots: fetch into one value, write and read it offline, refresh it with from_date."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import styrmodell as sm
from _cases import assert_copies_equal
from _kolada_server import FakeKolada, kpi, running
from styrmodell import Gender, SerializationError
from styrmodell.kolada import (
    SCHEMA,
    Client,
    KoladaError,
    Request,
    Row,
    Snapshot,
    fetch,
    is_preliminary,
    refresh,
)

FETCHED = dt.datetime(2024, 3, 1, 9, 0, tzinfo=dt.UTC)  # before the final publication 2024-04-30
LATER = dt.datetime(2024, 5, 6, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeKolada]:
    with running() as fake:
        yield fake


@pytest.fixture
def fake(server: FakeKolada) -> FakeKolada:
    server.reset()
    server.kpis += [kpi("U21468", title="Brukarbedömning hemtjänst"), kpi("N21704")]
    server.municipalities += [
        {"id": "0000", "title": "Riket", "type": "L"},
        {"id": "0004", "title": "Region Södermanland", "type": "L"},
        {"id": "0481", "title": "Oxelösund", "type": "K"},
        {"id": "0480", "title": "Nyköping", "type": "K"},
    ]
    server.groups.append(
        {
            "id": "G38498",
            "title": "Liknande kommuner äldreomsorg, Oxelösund",
            "members": [{"id": "0480"}, {"id": "0482"}],
        }
    )
    for year, (t, k, m) in {2022: (80.1, 82.3, 77.5), 2023: (81.2, 83, 79.4)}.items():
        server.add("U21468", "0481", year, {"M": m, "T": t, "K": k})
        server.add("U21468", "0000", year, {"T": 82.1, "K": 83.4, "M": 80.7})
    server.add(
        "U21468",
        "G38498",
        2023,
        [{"gender": "T", "count": 7, "status": "", "value": 80.4, "isdeleted": False}],
    )
    server.add("N21704", "0481", 2023, {"T": 6.2})
    return server


def make(fake: FakeKolada, when: dt.datetime = FETCHED) -> Client:
    return Client(f"{fake.base}/v3/", now=lambda: when)


def take(fake: FakeKolada, when: dt.datetime = FETCHED) -> Snapshot:
    with make(fake, when) as client:
        return fetch(["U21468", "N21704"], ["0481", "0000", "G38498"], [2022, 2023], client=client)


def test_a_fetch_holds_rows_as_received_with_provenance(fake: FakeKolada) -> None:
    snap = take(fake)
    assert snap.schema == SCHEMA == "styrmodell/kolada-1"
    assert snap.base_url == f"{fake.base}/v3/"
    assert snap.fetched_at == FETCHED.date()
    assert len(snap.rows) == 3 * 4 + 1 + 1
    row = snap.row("U21468", "0481", 2023, "M")
    assert row is not None
    assert (row.value, row.count, row.status, row.is_deleted) == (Decimal("79.4"), 1, "", False)
    assert snap.row("U21468", "G38498", 2023).count == 7  # type: ignore[union-attr]
    meta = snap.kpi("U21468")
    assert meta is not None
    assert (meta.publication_date, meta.prel_publication_date, meta.publ_period) == (
        dt.date(2024, 4, 30),
        dt.date(2024, 2, 15),
        2023,
    )
    assert snap.title("0481") == "Oxelösund"
    assert snap.title("G38498") == "Liknande kommuner äldreomsorg, Oxelösund"
    assert [g.members for g in snap.groups] == [("0480", "0482")]
    assert [r.path.split("/")[0].split("?")[0] for r in snap.requests] == [
        "kpi",
        "data",
        "municipality",
        "municipality_groups",
    ]
    assert all(r.fetched_at == FETCHED.date() for r in snap.requests)


def test_a_snapshot_round_trips_through_the_converter_and_loads_twice_equal(
    fake: FakeKolada, tmp_path: Path
) -> None:
    snap = take(fake)
    path = tmp_path / "snap.json"
    sm.dump(snap, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "styrmodell/1"
    assert document["schema"] == "styrmodell/kolada-1"
    # As received (M came first), the value exact as text, defaults left out.
    assert document["rows"][0] == {
        "kpi": "U21468",
        "municipality": "0481",
        "period": 2022,
        "gender": "MEN",
        "value": "77.5",
        "count": 1,
        "fetched_at": "2024-03-01",
    }
    first = sm.load(path, Snapshot)
    second = sm.load(path, Snapshot)
    assert first == second == snap
    assert hash(first) == hash(second)
    assert sm.loads(sm.dumps(snap), Snapshot) == snap


def test_a_snapshot_loads_offline_without_httpx(fake: FakeKolada, tmp_path: Path) -> None:
    path = tmp_path / "snap.json"
    sm.dump(take(fake), path)
    code = (
        "import sys; sys.modules['httpx'] = None\n"
        "import styrmodell as sm\n"
        "from styrmodell import kolada\n"
        f"snap = sm.load({str(path)!r}, kolada.Snapshot)\n"
        "print(kolada.reference(snap, 'U21468', '0000', 2023).describe())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == (
        "Riket 2023: 82,1 (preliminärt; Källa: Kolada, hämtat 2024-03-01)"
    )


def test_a_snapshot_of_another_schema_is_refused() -> None:
    text = json.dumps(
        {
            "format": "styrmodell/1",
            "schema": "styrmodell/kolada-2",
            "base_url": "x",
            "fetched_at": "2026-11-30",
        }
    )
    with pytest.raises(SerializationError, match="schema: unknown snapshot schema"):
        sm.loads(text, Snapshot)
    missing = json.dumps({"format": "styrmodell/1", "base_url": "x", "fetched_at": "2026-11-30"})
    with pytest.raises(SerializationError, match="schema: required field missing"):
        sm.loads(missing, Snapshot)


def test_bad_rows_in_a_snapshot_file_are_listed_with_their_paths() -> None:
    text = json.dumps(
        {
            "format": "styrmodell/1",
            "schema": SCHEMA,
            "base_url": "x",
            "fetched_at": "2026-11-30",
            "rows": [
                {"kpi": "N1", "municipality": "0180", "period": 2023, "gender": "TOTAL",
                 "value": 1.5, "fetched_at": "2026-11-30"},
                {"kpi": "N1", "period": 2023, "gender": "TOTAL", "fetched_at": "2026-11-30"},
            ],
        }
    )  # fmt: skip
    with pytest.raises(SerializationError) as caught:
        sm.loads(text, Snapshot)
    problems = [str(p) for p in caught.value.problems]
    assert any(p.startswith("rows[0].value:") for p in problems)
    assert any(p.startswith("rows[1]") and "exactly one" in p for p in problems)


def test_two_rows_with_one_key_are_refused() -> None:
    row = Row(
        kpi="N1", municipality="0180", period=2023, gender="T", value=1, fetched_at="2026-11-30"
    )
    with pytest.raises(KoladaError, match=r"rows\[1\]: a second row for N1 municipality 0180"):
        Snapshot(schema=SCHEMA, base_url="x", fetched_at="2026-11-30", rows=[row, row])


def test_a_row_has_a_municipality_or_an_ou() -> None:
    with pytest.raises(KoladaError, match="exactly one"):
        Row(kpi="N1", period=2023, gender="T", fetched_at="2026-11-30")
    with pytest.raises(KoladaError, match="exactly one"):
        Row(
            kpi="N1", municipality="0180", ou="X1", period=2023, gender="T", fetched_at="2026-11-30"
        )


def test_values_fetched_before_the_final_publication_are_preliminary(fake: FakeKolada) -> None:
    early = take(fake)
    late = take(fake, LATER)
    row = early.row("U21468", "0481", 2023)
    assert row is not None
    assert is_preliminary(early, row)  # publ_period 2023, fetched 2024-03-01 < 2024-04-30
    assert not is_preliminary(early, early.row("U21468", "0481", 2022))  # type: ignore[arg-type]
    assert not is_preliminary(late, late.row("U21468", "0481", 2023))  # type: ignore[arg-type]
    # A year after the one the next publication covers is preliminary whenever fetched.
    newer = attrs.evolve(row, period=2024, fetched_at=LATER.date())
    assert is_preliminary(late, newer)
    # Without publication metadata nothing is marked preliminary.
    bare = attrs.evolve(early, kpis=())
    assert not is_preliminary(bare, row)


def test_refresh_asks_only_for_changes_and_reports_them(fake: FakeKolada) -> None:
    snap = take(fake)
    since = FETCHED.date()
    changed_on = dt.date(2024, 5, 2)
    # Kolada revises a value, publishes a new year, withdraws one and moves its dates on.
    fake.add("U21468", "0481", 2023, {"M": 79.4, "T": 81.5, "K": 83}, updated=changed_on)
    fake.add("U21468", "0000", 2022, [
        {"gender": "T", "count": 1, "status": "", "value": 82.1, "isdeleted": True},
        {"gender": "K", "count": 1, "status": "", "value": 83.4, "isdeleted": False},
        {"gender": "M", "count": 1, "status": "", "value": 80.7, "isdeleted": False},
    ], updated=changed_on)  # fmt: skip
    fake.add("N21704", "0481", 2022, {"T": 5.9}, updated=changed_on)
    fake.kpis[0] = kpi("U21468", publication_date="2025-04-30", publ_period=2024)
    fake.log.clear()
    with make(fake, LATER) as client:
        result = refresh(snap, client=client)
    assert result.since == since
    data_requests = [p for p in fake.log if p.startswith("/v3/data/")]
    assert data_requests
    assert all(f"from_date={since.isoformat()}" in p for p in data_requests)
    assert [(c.kpi, c.unit, c.period, c.gender, c.old, c.new) for c in result.changed] == [
        ("U21468", "0481", 2023, Gender.TOTAL, Decimal("81.2"), Decimal("81.5"))
    ]
    assert [(c.kpi, c.unit, c.period, c.new) for c in result.added] == [
        ("N21704", "0481", 2022, Decimal("5.9"))
    ]
    assert [(c.unit, c.period, c.gender, c.old) for c in result.deleted] == [
        ("0000", 2022, Gender.TOTAL, Decimal("82.1"))
    ]
    new = result.snapshot
    assert new.row("U21468", "0000", 2022) is None
    assert new.row("U21468", "0481", 2023).value == Decimal("81.5")  # type: ignore[union-attr]
    assert new.row("U21468", "0481", 2022).fetched_at == FETCHED.date()  # type: ignore[union-attr]
    assert new.fetched_at == LATER.date()
    assert new.kpi("U21468").publ_period == 2024  # type: ignore[union-attr]
    assert len(new.requests) > len(snap.requests)
    assert new.requests[-1].from_date == since
    assert len(new.rows) == len(snap.rows) - 1 + 1
    assert result.describe() == "\n".join(
        [
            "ändrade värden: 1, nya: 1, borttagna (isdeleted): 1",
            "  U21468 0481 2023 T: 81,2 → 81,5",
            "  N21704 0481 2022 T: inget värde → 5,9",
            "  U21468 0000 2022 T: 82,1 → inget värde",
        ]
    )
    assert result.describe("en").splitlines()[0] == (
        "changed values: 1, new: 1, deleted (isdeleted): 1"
    )
    # The refreshed snapshot is still a snapshot: it writes and reads back equal.
    assert sm.loads(sm.dumps(new), Snapshot) == new


def test_refresh_with_nothing_new_changes_nothing(fake: FakeKolada) -> None:
    snap = take(fake)
    with make(fake, LATER) as client:
        result = refresh(snap, since=dt.date(2026, 6, 1), client=client)
    assert (result.changed, result.added, result.deleted) == ((), (), ())
    assert result.snapshot.rows == snap.rows


def test_refresh_drops_rows_the_snapshot_held_as_deleted(fake: FakeKolada) -> None:
    snap = take(fake)
    held = attrs.evolve(snap.rows[0], is_deleted=True)
    marked = attrs.evolve(snap, rows=(held, *snap.rows[1:]))
    with make(fake, LATER) as client:
        result = refresh(marked, since="2026-06-01", client=client)
    assert [c.old for c in result.deleted] == [held.value]
    assert held.key not in {r.key for r in result.snapshot.rows}


def test_refresh_with_a_status_change_reports_it(fake: FakeKolada) -> None:
    snap = take(fake)
    fake.add("N21704", "0481", 2023, [
        {"gender": "T", "count": 0, "status": "Sekretess", "value": None, "isdeleted": False},
    ], updated=dt.date(2024, 5, 2))  # fmt: skip
    with make(fake, LATER) as client:
        result = refresh(snap, client=client)
    (change,) = result.changed
    assert (change.old, change.new, change.new_status) == (Decimal("6.2"), None, "Sekretess")
    assert change.describe("en") == "N21704 0481 2023 T: 6.2 → none"


def test_fetch_makes_and_closes_its_own_client(fake: FakeKolada) -> None:
    snap = fetch("U21468", "0481", 2023, base_url=f"{fake.base}/v3/", metadata=False, note="test")
    assert snap.note == "test"
    assert {r.municipality for r in snap.rows} == {"0481"}
    assert snap.municipalities == ()


def test_a_snapshot_survives_pickle_deepcopy_and_evolve_equal(fake: FakeKolada) -> None:
    snap = take(fake)
    assert snap.row("U21468", "0481", 2023) is not None  # fills the derived index first
    assert_copies_equal(snap)
    for copied in (pickle.loads(pickle.dumps(snap)), copy.deepcopy(snap)):
        assert copied.row("U21468", "0481", 2023) == snap.row("U21468", "0481", 2023)


@pytest.mark.parametrize(
    "path",
    [
        "data/../../admin",
        "data/kpi/N21704?x=1",
        "data/kpi/N21704",
        "data//example.org/kpi/N1/year/2023",
    ],
)
def test_refresh_replays_only_recorded_data_paths_of_ids(fake: FakeKolada, path: str) -> None:
    snap = take(fake)
    forged = attrs.evolve(snap, requests=(Request(path=path, fetched_at=FETCHED.date()),))
    fake.log.clear()
    with make(fake, LATER) as client, pytest.raises(KoladaError, match="a recorded data path"):
        refresh(forged, client=client)
    assert not [p for p in fake.log if "admin" in p or "example" in p]
