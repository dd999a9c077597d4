"""The Kolada v3 client against a real HTTP server on 127.0.0.1 (tests/_kolada_server.py).

Each failure mode of issue 14 has its test here: paging over several pages, 25-id chunking
with 30 ids, a 429 then success (Retry-After in seconds and as a date), a 500 then success,
a 422, a timeout, malformed JSON, a v2-shaped body, value null, isdeleted, T/K/M in varying
order, a group with count, no network.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import socket
import subprocess
import sys
import threading
import warnings
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _kolada_server import FakeKolada, Scripted, kpi, running
from styrmodell import Gender, StyrmodellError
from styrmodell.kolada import Client, KoladaError, KoladaWarning

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeKolada]:
    with running() as fake:
        yield fake


@pytest.fixture
def fake(server: FakeKolada) -> FakeKolada:
    server.reset()
    return server


class Sleeps(list[float]):
    """Records the waits instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(fake: FakeKolada, sleeps: Sleeps) -> Iterator[Client]:
    with Client(
        f"{fake.base}/v3/", timeout=5, retries=3, backoff=1.0, sleep=sleeps, now=lambda: NOW
    ) as made:
        yield made


def body(payload: object) -> bytes:
    return json.dumps(payload).encode()


def ok(values: list[object]) -> bytes:
    return body({"values": values, "count": len(values), "next_url": None, "previous_url": None})


# -- paging and chunking ---------------------------------------------------------------


def test_pages_are_followed_through_next_url_until_null(fake: FakeKolada) -> None:
    for year in range(2015, 2022):
        fake.add("N21704", "0180", year, {"T": 20 + year - 2015})
    with Client(f"{fake.base}/v3/", per_page=3) as client:
        rows = client.data(kpis="N21704", municipalities="0180", years=range(2015, 2022))
    assert [r.period for r in rows] == list(range(2015, 2022))
    assert len(fake.log) == 3
    assert "per_page=3" in fake.log[0]
    assert "page=2" in fake.log[1]
    assert "page=3" in fake.log[2]
    assert client.requests[-1].pages == 3
    assert client.requests[-1].rows == 7


def test_thirty_ids_are_asked_for_in_runs_of_twenty_five(fake: FakeKolada) -> None:
    kommuner = [f"{n:04d}" for n in range(100, 130)]
    for m in kommuner:
        fake.add("N21704", m, 2023, {"T": 1})
    with Client(f"{fake.base}/v3/") as client:
        rows = client.data(kpis="N21704", municipalities=kommuner, years=2023)
    assert sorted(r.municipality for r in rows) == kommuner
    segments = [path.split("/municipality/")[1].split("/")[0].split(",") for path in fake.log]
    assert [len(s) for s in segments] == [25, 5]
    assert [r.path for r in client.requests] == [
        f"data/kpi/N21704/municipality/{','.join(kommuner[:25])}/year/2023",
        f"data/kpi/N21704/municipality/{','.join(kommuner[25:])}/year/2023",
    ]


def test_every_segment_is_chunked_and_the_product_of_chunks_is_asked(fake: FakeKolada) -> None:
    kpis = [f"N{n:05d}" for n in range(30)]
    kommuner = [f"{n:04d}" for n in range(100, 130)]
    for k in kpis:
        for m in kommuner:
            fake.add(k, m, 2023, {"T": 1})
    with Client(f"{fake.base}/v3/") as client:
        rows = client.data(kpis=kpis, municipalities=kommuner, years=2023)
    assert len(rows) == 30 * 30
    assert len(fake.log) == 4  # (25 + 5 kpis) × (25 + 5 kommuner)
    for path in fake.log:
        for segment in path.split("?")[0].split("/")[4::2]:
            assert len(segment.split(",")) <= 25


@settings(max_examples=8)
@given(
    kpis=st.integers(1, 30),
    kommuner=st.integers(1, 55),
    years=st.integers(1, 27),
)
def test_requests_are_the_product_of_chunk_counts(
    server: FakeKolada, kpis: int, kommuner: int, years: int
) -> None:
    server.reset()
    kpi_ids = [f"U{n:05d}" for n in range(kpis)]
    units = [f"{n:04d}" for n in range(1000, 1000 + kommuner)]
    year_list = list(range(1990, 1990 + years))
    server.add(kpi_ids[-1], units[-1], year_list[-1], {"T": 1})
    with Client(f"{server.base}/v3/") as client, warnings.catch_warnings():
        warnings.simplefilter("ignore", KoladaWarning)  # most ids have no rows here
        client.data(kpis=kpi_ids, municipalities=units, years=year_list)
    expected = -(-kpis // 25) * -(-kommuner // 25) * -(-years // 25)
    assert len(server.log) == expected


# -- rows as received ------------------------------------------------------------------


def test_rows_keep_null_values_status_isdeleted_and_any_gender_order(
    fake: FakeKolada, client: Client
) -> None:
    fake.add(
        "N21704",
        "0180",
        2023,
        [
            {"gender": "M", "count": 1, "status": "", "value": 20.5, "isdeleted": False},
            {"gender": "T", "count": 1, "status": "", "value": 21.88749, "isdeleted": False},
            {"gender": "K", "count": 1, "status": "", "value": None, "isdeleted": False},
        ],
    )
    fake.add(
        "N21704",
        "0180",
        2022,
        [
            {"gender": "K", "count": 0, "status": "Bortfall", "value": 3, "isdeleted": False},
            {"gender": "T", "count": 1, "status": "", "value": 19, "isdeleted": True},
        ],
    )
    rows = client.data(kpis="N21704", municipalities="0180", years=[2022, 2023])
    got = {(r.period, r.gender): r for r in rows}
    assert got[(2023, Gender.TOTAL)].value == Decimal("21.88749")
    assert got[(2023, Gender.MEN)].value == Decimal("20.5")
    assert got[(2023, Gender.WOMEN)].value is None
    assert not got[(2023, Gender.WOMEN)].usable
    assert got[(2022, Gender.WOMEN)].status == "Bortfall"
    assert not got[(2022, Gender.WOMEN)].usable
    assert got[(2022, Gender.TOTAL)].is_deleted
    assert [r.gender.value for r in rows if r.period == 2023] == ["M", "T", "K"]
    assert all(r.fetched_at == NOW.date() for r in rows)


def test_a_group_keeps_its_count(fake: FakeKolada, client: Client) -> None:
    fake.add(
        "U21468",
        "G38498",
        2023,
        [{"gender": "T", "count": 7, "status": "", "value": 80.4, "isdeleted": False}],
    )
    (row,) = client.data(kpis="U21468", municipalities="G38498", years=2023)
    assert (row.municipality, row.count, row.value) == ("G38498", 7, Decimal("80.4"))


def test_unit_data_come_from_oudata(fake: FakeKolada, client: Client) -> None:
    fake.add("U23471", "V15E048100101", 2023, {"T": 91}, ou=True)
    (row,) = client.ou_data(kpis="U23471", ous="V15E048100101", years=2023)
    assert (row.ou, row.municipality, row.unit_kind) == ("V15E048100101", None, "ou")
    assert fake.log[0].startswith("/v3/oudata/kpi/U23471/ou/V15E048100101/year/2023")


def test_two_of_three_segments_are_enough(fake: FakeKolada, client: Client) -> None:
    fake.add("N21704", "0180", 2022, {"T": 1})
    fake.add("N21704", "0180", 2023, {"T": 2})
    fake.add("N21704", "0481", 2023, {"T": 3})
    assert len(client.data(kpis="N21704", municipalities="0180")) == 2
    assert len(client.data(kpis="N21704", years=2023)) == 2
    assert len(client.data(municipalities="0180", years=2023)) == 1
    assert [p.split("?")[0] for p in fake.log] == [
        "/v3/data/kpi/N21704/municipality/0180",
        "/v3/data/kpi/N21704/year/2023",
        "/v3/data/municipality/0180/year/2023",
    ]
    with pytest.raises(KoladaError, match="at least two of") as caught:
        client.data(kpis="N21704")
    assert caught.value.problems[0].code == "kolada.two_segments"


def test_ids_that_come_back_without_rows_are_warned_about(
    fake: FakeKolada, client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    fake.add("N21704", "0180", 2023, {"T": 1})
    with (
        caplog.at_level(logging.WARNING, logger="styrmodell.kolada"),
        pytest.warns(KoladaWarning, match="municipality 9999; year 2024") as warned,
    ):
        client.data(kpis=["N21704", "N99999"], municipalities=["0180", "9999"], years=[2023, 2024])
    assert "kpi N99999" in str(warned[0].message)
    assert warned[0].filename == __file__  # the warning points at the caller
    assert "Kolada returned no rows" in caplog.text


def test_bad_ids_are_refused_before_any_request(fake: FakeKolada, client: Client) -> None:
    for kwargs, code in [
        ({"kpis": "n21704", "years": 2023}, "kolada.bad_kpi_id"),
        ({"kpis": "N21704", "municipalities": "481"}, "kolada.bad_municipality_id"),
        ({"kpis": "N21704", "municipalities": "../kpi"}, "kolada.bad_municipality_id"),
        ({"kpis": "N21704", "years": "2023"}, "kolada.bad_request_year"),
        ({"kpis": "N21704", "years": [True]}, "kolada.bad_request_year"),
        ({"kpis": 17, "years": 2023}, "kolada.bad_kpi_id"),
    ]:
        with pytest.raises(KoladaError) as caught:
            client.data(**kwargs)  # type: ignore[arg-type]
        assert caught.value.problems[0].code == code
    with pytest.raises(KoladaError, match="letters and digits"):
        client.ou_data(kpis="N21704", ous="a/b")
    assert fake.log == []


# -- metadata --------------------------------------------------------------------------


def test_metadata_endpoints(fake: FakeKolada, client: Client) -> None:
    fake.kpis += [
        kpi("N21704", title="Invånare 80+", is_divided_by_gender=0),
        kpi("U21468", title="Brukarbedömning hemtjänst", publication_date="2024-04-30T00:00:00"),
    ]
    fake.kpi_groups.append(
        {"id": "GKPI1", "title": "Äldreomsorg", "members": [{"member_id": "U21468"}]}
    )
    fake.municipalities += [
        {"id": "0481", "title": "Oxelösund", "type": "K"},
        {"id": "0000", "title": "Riket", "type": "L"},
    ]
    fake.groups.append(
        {"id": "G38498", "title": "Liknande kommuner", "members": [{"id": "0480"}, "0482"]}
    )
    fake.ous.append({"id": "V15E048100101", "title": "Äldreboende A", "municipality": "0481"})
    (one,) = client.kpis(["U21468"])
    assert one.title == "Brukarbedömning hemtjänst"
    assert one.publication_date == dt.date(2024, 4, 30)
    assert one.prel_publication_date == dt.date(2024, 2, 15)
    assert one.publ_period == 2023
    assert one.is_divided_by_gender is True
    assert [k.id for k in client.kpis(title="invånare")] == ["N21704"]
    assert client.kpis(title="invånare")[0].is_divided_by_gender is False
    assert [k.id for k in client.kpis()] == ["N21704", "U21468"]
    assert client.kpi_groups()[0].members == ("U21468",)
    assert [m.id for m in client.municipalities(region_type="K")] == ["0481"]
    assert [m.id for m in client.municipalities()] == ["0481", "0000"]
    assert client.municipality_groups()[0].members == ("0480", "0482")
    assert client.ous(municipality="0481")[0].title == "Äldreboende A"
    assert client.ous(municipality="0180") == ()
    assert "/v3/kpi/U21468?per_page=5000" in fake.log
    assert "/v3/municipality?region_type=K&per_page=5000" in fake.log


def test_kpis_without_metadata_are_warned_about(fake: FakeKolada, client: Client) -> None:
    fake.kpis.append(kpi("N21704"))
    with pytest.warns(KoladaWarning, match="no rows for kpi N99999$") as warned:
        assert [k.id for k in client.kpis(["N21704", "N99999"])] == ["N21704"]
    assert warned[0].filename == __file__


def test_sixty_kpis_take_three_metadata_requests(fake: FakeKolada, client: Client) -> None:
    ids = [f"N{n:05d}" for n in range(60)]
    fake.kpis += [kpi(i) for i in ids]
    assert [k.id for k in client.kpis(ids)] == ids
    assert len(fake.log) == 3


# -- HTTP failures ---------------------------------------------------------------------


def test_429_then_success_waits_as_retry_after_says(
    fake: FakeKolada, client: Client, sleeps: Sleeps, caplog: pytest.LogCaptureFixture
) -> None:
    fake.add("N21704", "0180", 2023, {"T": 1})
    fake.queue(Scripted(429, b"slow down", {"Retry-After": "7"}))
    with caplog.at_level(logging.WARNING, logger="styrmodell.kolada"):
        rows = client.data(kpis="N21704", municipalities="0180", years=2023)
    assert len(rows) == 1
    assert sleeps == [7.0]
    assert len(fake.log) == 2
    assert "HTTP 429" in caplog.text


def test_retry_after_may_be_an_http_date(fake: FakeKolada, client: Client, sleeps: Sleeps) -> None:
    fake.add("N21704", "0180", 2023, {"T": 1})
    later = "Mon, 30 Nov 2026 12:00:30 GMT"
    fake.queue(Scripted(429, b"", {"Retry-After": later}), Scripted(503, b"", {"Retry-After": "?"}))
    client.data(kpis="N21704", municipalities="0180", years=2023)
    # 30 s until the date; then an unreadable header falls back to backoff (second attempt: 2 s).
    assert sleeps == [30.0, 2.0]


def test_500_then_success_backs_off(fake: FakeKolada, client: Client, sleeps: Sleeps) -> None:
    fake.add("N21704", "0180", 2023, {"T": 1})
    fake.queue(Scripted(500, b"oops"), Scripted(502, b"oops"))
    rows = client.data(kpis="N21704", municipalities="0180", years=2023)
    assert len(rows) == 1
    assert sleeps == [1.0, 2.0]


def test_retries_are_bounded(fake: FakeKolada, client: Client, sleeps: Sleeps) -> None:
    fake.queue(*(Scripted(503, b"down") for _ in range(4)))
    with pytest.raises(KoladaError) as caught:
        client.data(kpis="N21704", municipalities="0180", years=2023)
    error = caught.value
    assert error.status == 503
    assert error.url is not None
    assert error.url.startswith(f"{fake.base}/v3/data/kpi/N21704")
    assert "4 times" in str(error)
    assert "snapshot" in str(error)
    assert sleeps == [1.0, 2.0, 4.0]
    assert len(fake.log) == 4


def test_a_wait_longer_than_max_wait_is_an_error(fake: FakeKolada) -> None:
    fake.queue(Scripted(429, b"", {"Retry-After": "3600"}))
    waits = Sleeps()
    with (
        Client(f"{fake.base}/v3/", max_wait=60, sleep=waits) as client,
        pytest.raises(KoladaError, match="wait 3600 s") as caught,
    ):
        client.kpis("N21704")
    assert waits == []
    assert caught.value.status == 429


def test_422_is_an_error_with_the_url_and_kolada_s_detail(fake: FakeKolada, client: Client) -> None:
    fake.queue(Scripted(422, body({"detail": "Too many ids"})))
    with pytest.raises(KoladaError) as caught:
        client.data(kpis="N21704", municipalities="0180", years=2023)
    error = caught.value
    assert error.status == 422
    assert str(error).startswith(f"{fake.base}/v3/data/kpi/N21704/municipality/0180/year/2023")
    assert "HTTP 422" in str(error)
    assert "Too many ids" in str(error)
    assert len(fake.log) == 1  # a 4xx is not retried


def test_the_server_itself_refuses_26_ids_and_5001_per_page(fake: FakeKolada) -> None:
    # The look-alike enforces Kolada's limits, so the chunking tests above mean something.
    import httpx

    ids = ",".join(f"{n:04d}" for n in range(100, 126))
    assert httpx.get(f"{fake.base}/v3/data/kpi/N1/municipality/{ids}").status_code == 422
    assert httpx.get(f"{fake.base}/v3/kpi?per_page=5001").status_code == 422


def test_404_is_an_error(fake: FakeKolada) -> None:
    with Client(f"{fake.base}/v2/") as client, pytest.raises(KoladaError, match="HTTP 404"):
        client.kpis()


def test_a_timeout_is_retried_then_reported_with_how_to_work_offline(
    fake: FakeKolada, sleeps: Sleeps
) -> None:
    stall = threading.Event()
    fake.add("N21704", "0180", 2023, {"T": 1})
    fake.queue(Scripted(200, ok([]), stall=stall))
    try:
        with Client(f"{fake.base}/v3/", timeout=0.3, retries=1, sleep=sleeps) as client:
            rows = client.data(kpis="N21704", municipalities="0180", years=2023)
        assert len(rows) == 1
        assert sleeps == [1.0]
        fake.queue(Scripted(200, ok([]), stall=stall))
        with (
            Client(f"{fake.base}/v3/", timeout=0.3, retries=0, sleep=sleeps) as client,
            pytest.raises(KoladaError) as caught,
        ):
            client.kpis("N21704")
    finally:
        stall.set()
    message = str(caught.value)
    assert "no answer from Kolada within 0.3 s (1 attempts)" in message
    assert 'styrmodell.load("snapshot.json", styrmodell.kolada.Snapshot)' in message
    assert caught.value.problems[0].code == "kolada.timeout"


def test_no_network_says_how_to_work_offline() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        Client(f"http://127.0.0.1:{port}/v3/", retries=3, sleep=Sleeps()) as client,
        pytest.raises(KoladaError) as caught,
    ):
        client.kpis("N21704")
    message = str(caught.value)
    assert "cannot reach Kolada" in message
    assert "To work offline, load a snapshot" in message
    assert caught.value.url == f"http://127.0.0.1:{port}/v3/kpi/N21704?per_page=5000"


# -- bodies that are not v3 ------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "code", "words"),
    [
        (b'{"values": [', "kolada.bad_json", "not JSON"),
        (b"<html>Service Unavailable</html>", "kolada.bad_json", "not JSON"),
        (b"\xff\xfe{}", "kolada.bad_json", "not UTF-8"),
        (b'{"values": [], "count": 0, "next_page": null}', "kolada.v2_body", "v2 shape"),
        (b'{"count": 0, "next_url": null}', "kolada.missing_values", 'no "values"'),
        (b'{"values": {}, "next_url": null}', "kolada.values_not_list", "not a list"),
        (b"[]", "kolada.not_envelope", "JSON list"),
        (b'{"values": [], "next_url": 5}', "kolada.bad_next_url", "neither a URL"),
        (b'{"values": [1.5e400], "next_url": null}', "kolada.bad_item", "cannot be read"),
        (b'{"values": [NaN], "next_url": null}', "kolada.bad_json", "not JSON"),
    ],
)
def test_a_body_that_is_not_a_v3_answer_is_an_error(
    fake: FakeKolada, client: Client, answer: bytes, code: str, words: str
) -> None:
    fake.queue(Scripted(200, answer))
    with pytest.raises(KoladaError) as caught:
        client.kpis("N21704")
    assert caught.value.problems[0].code == code
    assert words in str(caught.value)
    assert caught.value.url is not None


def test_a_v2_body_after_page_one_is_not_taken_for_the_end(fake: FakeKolada) -> None:
    for year in range(2020, 2024):
        fake.add("N21704", "0180", year, {"T": 1})
    fake.queue(Scripted(200, body({"values": [], "count": 0, "next_page": None}), match="page=2"))
    with Client(f"{fake.base}/v3/", per_page=2) as client, pytest.raises(KoladaError, match="v2"):
        client.data(kpis="N21704", municipalities="0180", years=range(2020, 2024))


def test_unreadable_rows_are_listed_with_their_paths(fake: FakeKolada, client: Client) -> None:
    items = [
        {"kpi": "N21704", "municipality": "0180", "period": 2023, "values": [{"gender": "X"}]},
        {"kpi": "N21704", "municipality": "0180", "period": "då", "values": []},
        {"kpi": "N21704", "municipality": "0180", "period": 2022, "values": [
            {"gender": "T", "value": "12", "count": -1},
            {"gender": "K", "value": 1, "isdeleted": "no"},
            {"gender": "M", "value": True},
        ]},
        "row",
    ]  # fmt: skip
    fake.queue(Scripted(200, ok(items)))
    with pytest.raises(KoladaError) as caught:
        client.data(kpis="N21704", municipalities="0180", years=2023)
    paths = [p.path for p in caught.value.problems]
    assert paths == [
        "values[0].values[0].gender",
        "values[1].period",
        "values[2].values[0].count",
        "values[2].values[1].isdeleted",
        "values[2].values[2].value",
        "values[3]",
    ]
    assert isinstance(caught.value, StyrmodellError)


def test_a_next_url_to_another_host_is_not_followed(fake: FakeKolada, client: Client) -> None:
    page = {"values": [], "count": 0, "next_url": "https://example.org/v3/kpi?page=2"}
    fake.queue(Scripted(200, body(page)))
    with pytest.raises(KoladaError, match="leads away from"):
        client.kpis()
    assert len(fake.log) == 1


@pytest.mark.parametrize(
    "tail", ["/v3/kpi?page=2\x00", "/v3/kpi\u00e5?x=\ud800", "/v3/" + "a" * 70_000, ":99999/v3/x"]
)
def test_a_next_url_that_is_not_a_url_of_the_base_is_an_error(
    fake: FakeKolada, client: Client, tail: str
) -> None:
    page = {"values": [], "count": 0, "next_url": fake.base + tail}
    fake.queue(Scripted(200, json.dumps(page).encode()))
    with pytest.raises(KoladaError, match="next_url"):
        client.kpis()
    assert len(fake.log) == 1


def test_a_next_url_that_loops_is_stopped(fake: FakeKolada, client: Client) -> None:
    first = f"{fake.base}/v3/kpi?per_page=5000"
    fake.queue(
        Scripted(200, body({"values": [], "next_url": f"{fake.base}/v3/kpi?page=2"})),
        Scripted(200, body({"values": [], "next_url": first})),
    )
    with pytest.raises(KoladaError, match="goes round in a loop"):
        client.kpis()


# -- progress, provenance, settings ----------------------------------------------------


def test_progress_is_reported_per_request(fake: FakeKolada) -> None:
    seen: list[tuple[int, int, str]] = []
    kommuner = [f"{n:04d}" for n in range(100, 160)]
    for m in kommuner:
        fake.add("N21704", m, 2023, {"T": 1})
    with Client(f"{fake.base}/v3/", progress=lambda *a: seen.append(a)) as client:
        client.data(kpis="N21704", municipalities=kommuner, years=2023)
    assert [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    assert seen[0][2].startswith("data/kpi/N21704/municipality/0100,")


def test_every_request_is_recorded(fake: FakeKolada, client: Client) -> None:
    fake.add("N21704", "0180", 2023, {"T": 1, "K": 2, "M": 3}, updated=dt.date(2026, 2, 1))
    client.data(kpis="N21704", municipalities="0180", years=2023, from_date=dt.date(2026, 1, 1))
    (request,) = client.requests
    assert request.path == "data/kpi/N21704/municipality/0180/year/2023"
    assert (request.fetched_at, request.from_date) == (NOW.date(), dt.date(2026, 1, 1))
    assert (request.pages, request.rows) == (1, 3)
    assert "from_date=2026-01-01" in fake.log[0]


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("timeout", 0),
        ("timeout", float("nan")),
        ("retries", -1),
        ("retries", True),
        ("per_page", 5001),
        ("per_page", 0),
        ("backoff", -1),
        ("max_wait", 10**6),
    ],
)
def test_settings_out_of_range_are_refused(setting: str, value: object) -> None:
    with pytest.raises(KoladaError, match=setting):
        Client("http://127.0.0.1:1/v3/", **{setting: value})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "url", ["ftp://api.kolada.se/v3/", "api.kolada.se/v3", "", 3, "http://[::1/v3/"]
)
def test_a_base_url_must_be_http(url: object) -> None:
    with pytest.raises(KoladaError, match="base_url"):
        Client(url)  # type: ignore[arg-type]


def test_the_base_url_gets_its_trailing_slash(fake: FakeKolada) -> None:
    fake.kpis.append(kpi("N21704"))
    with Client(f"{fake.base}/v3") as client:
        assert client.base_url == f"{fake.base}/v3/"
        assert len(client.kpis("N21704")) == 1


def test_without_httpx_the_client_names_the_kolada_extra() -> None:
    code = (
        "import sys; sys.modules['httpx'] = None\n"
        "import styrmodell.kolada as k\n"
        "try:\n"
        "    k.Client()\n"
        "except k.KoladaError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'styrmodell[kolada]'" in out.stdout
    assert "snapshots load without it" in out.stdout


def test_importing_styrmodell_or_its_kolada_module_does_not_import_httpx() -> None:
    code = "import sys, styrmodell, styrmodell.kolada; print('httpx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_kolada_error_pickles_with_its_url_and_status() -> None:
    import pickle

    error = KoladaError("x: y", problems=["x: y"], url="http://h/v3/kpi", status=429)
    back = pickle.loads(pickle.dumps(error))
    assert (back.url, back.status, str(back), back.problems) == (
        "http://h/v3/kpi",
        429,
        "x: y",
        error.problems,
    )
