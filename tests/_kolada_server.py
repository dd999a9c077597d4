"""A Kolada v3 look-alike on 127.0.0.1 for the tests and the benchmark (no internet, no mocks).

It serves v3-shaped bodies written from the shapes in issue 14: the envelope
``{"values", "count", "next_url", "previous_url"}`` with ``count`` = items on the page,
``per_page`` ≤ 5000 (422 beyond), at most 25 ids per path segment (422 beyond), the data
path forms ``/data/kpi/{k}/municipality/{m}/year/{y}`` (and two of three, and ``/oudata``),
``from_date``, and the metadata endpoints. Tests queue scripted answers (a 429 with
``Retry-After``, a 500, malformed JSON, a v2 body, a stall for a timeout) in front of it.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

MAX_IDS = 25
MAX_PER_PAGE = 5000


@dataclass
class Scripted:
    """One scripted answer, used once, for the first request whose path contains *match*."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    match: str = ""
    stall: threading.Event | None = None  # wait on this before answering (a timeout)


@dataclass
class Item:
    """One data item: (kpi, unit, period) with its gender values, and when it last changed."""

    kpi: str
    unit: str
    period: int
    values: list[dict[str, Any]]
    updated: dt.date = dt.date(2024, 1, 1)
    ou: bool = False

    def body(self) -> dict[str, Any]:
        return {
            "kpi": self.kpi,
            ("ou" if self.ou else "municipality"): self.unit,
            "period": self.period,
            "values": self.values,
        }


class FakeKolada:
    """The server's data, its script of answers, and the log of requests."""

    def __init__(self) -> None:
        self.kpis: list[dict[str, Any]] = []
        self.kpi_groups: list[dict[str, Any]] = []
        self.municipalities: list[dict[str, Any]] = []
        self.groups: list[dict[str, Any]] = []
        self.ous: list[dict[str, Any]] = []
        self.items: list[Item] = []
        self.script: deque[Scripted] = deque()
        self.log: list[str] = []
        self.lock = threading.Lock()
        self.base = ""
        self._server: ThreadingHTTPServer | None = None
        self._stalls: list[threading.Event] = []

    # -- data ---------------------------------------------------------------------------

    def reset(self) -> None:
        with self.lock:
            self.kpis.clear()
            self.kpi_groups.clear()
            self.municipalities.clear()
            self.groups.clear()
            self.ous.clear()
            self.items.clear()
            self.script.clear()
            self.log.clear()

    def add(
        self,
        kpi: str,
        unit: str,
        period: int,
        values: list[dict[str, Any]] | dict[str, Any],
        *,
        updated: dt.date = dt.date(2024, 1, 1),
        ou: bool = False,
    ) -> Item:
        """Add (or replace) an item; *values* may be ``{"T": 1.5, "K": None}`` for short."""
        if isinstance(values, dict):
            values = [
                {"gender": g, "count": 1, "status": "", "value": v, "isdeleted": False}
                for g, v in values.items()
            ]
        item = Item(kpi, unit, period, values, updated, ou)
        with self.lock:
            self.items = [
                i for i in self.items if (i.kpi, i.unit, i.period, i.ou) != (kpi, unit, period, ou)
            ]
            self.items.append(item)
        return item

    def queue(self, *answers: Scripted) -> None:
        with self.lock:
            self.script.extend(answers)

    def requests_to(self, fragment: str) -> list[str]:
        return [path for path in self.log if fragment in path]

    # -- serving ------------------------------------------------------------------------

    def start(self) -> str:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                fake._handle(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        host, port = self._server.server_address[:2]
        self.base = f"http://{host}:{port}"
        return f"{self.base}/v3/"

    def stop(self) -> None:
        for event in self._stalls:
            event.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def _send(
        self, handler: BaseHTTPRequestHandler, status: int, body: bytes, headers: dict[str, str]
    ) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            handler.wfile.write(body)

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        with self.lock:
            self.log.append(handler.path)
            scripted = next((s for s in self.script if s.match in handler.path), None)
            if scripted is not None:
                self.script.remove(scripted)
        if scripted is not None:
            if scripted.stall is not None:
                self._stalls.append(scripted.stall)
                scripted.stall.wait(10)
            self._send(handler, scripted.status, scripted.body, scripted.headers)
            return
        status, payload = self._answer(handler.path)
        self._send(handler, status, json.dumps(payload, ensure_ascii=False).encode(), {})

    def _answer(self, raw: str) -> tuple[int, Any]:
        parts = urlsplit(raw)
        if not parts.path.startswith("/v3/"):
            return 404, {"detail": "Not Found"}
        path = parts.path[len("/v3/") :].strip("/").split("/")
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        try:
            per_page = int(query.get("per_page", MAX_PER_PAGE))
            page = int(query.get("page", 1))
        except ValueError:
            return 422, {"detail": "per_page and page are numbers"}
        if not 1 <= per_page <= MAX_PER_PAGE:
            return 422, {"detail": f"per_page must be at most {MAX_PER_PAGE}"}
        for segment in path:
            if len(segment.split(",")) > MAX_IDS:
                return 422, {"detail": f"at most {MAX_IDS} ids per segment"}
        with self.lock:
            found = self._select(path, query)
        if found is None:
            return 404, {"detail": "Not Found"}
        start = (page - 1) * per_page
        values = found[start : start + per_page]

        def link(n: int) -> str:
            return f"{self.base}{parts.path}?{urlencode({**query, 'page': n})}"

        return 200, {
            "values": values,
            "count": len(values),
            "next_url": link(page + 1) if start + per_page < len(found) else None,
            "previous_url": link(page - 1) if page > 1 else None,
        }

    def _select(self, path: list[str], query: dict[str, str]) -> list[Any] | None:
        head = path[0]
        if head == "kpi":
            if len(path) == 2:
                ids = path[1].split(",")
                return [k for k in self.kpis if k["id"] in ids]
            title = query.get("title", "").lower()
            return [k for k in self.kpis if title in k["title"].lower()]
        if head == "kpi_groups":
            return list(self.kpi_groups)
        if head == "municipality":
            kind = query.get("region_type")
            return [m for m in self.municipalities if kind is None or m["type"] == kind]
        if head == "municipality_groups":
            return list(self.groups)
        if head == "ou":
            wanted = query.get("municipality")
            ids = None if wanted is None else wanted.split(",")
            return [o for o in self.ous if ids is None or o["municipality"] in ids]
        if head in ("data", "oudata"):
            unit_name = "ou" if head == "oudata" else "municipality"
            segments = dict(zip(path[1::2], path[2::2], strict=False))
            if not set(segments) <= {"kpi", unit_name, "year"} or len(segments) < 2:
                return None
            since = query.get("from_date")
            since_date = dt.date.fromisoformat(since) if since else None

            sets = {name: set(ids.split(",")) for name, ids in segments.items()}

            def wanted(name: str, value: str) -> bool:
                return name not in sets or value in sets[name]

            return [
                i.body()
                for i in self.items
                if i.ou == (head == "oudata")
                and wanted("kpi", i.kpi)
                and wanted(unit_name, i.unit)
                and wanted("year", str(i.period))
                and (since_date is None or i.updated >= since_date)
            ]
        return None


@contextmanager
def running() -> Iterator[FakeKolada]:
    fake = FakeKolada()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def kpi(id: str, **fields: Any) -> dict[str, Any]:
    """A v3 KPI metadata entry with every field Kolada lists."""
    return {
        "id": id,
        "title": fields.pop("title", f"Nyckeltal {id}"),
        "description": "",
        "is_divided_by_gender": True,
        "municipality_type": "K",
        "operating_area": "Äldreomsorg",
        "perspective": "Kvalitet",
        "auspice": "E",
        "has_ou_data": False,
        "publication_date": "2024-04-30",
        "prel_publication_date": "2024-02-15",
        "publ_period": 2023,
        **fields,
    }


def fill(fake: FakeKolada, kpis: list[str], units: list[str], years: list[int]) -> None:
    """Values for every kpi × unit × year, T/K/M in rotating order (deterministic)."""
    orders = (("T", "K", "M"), ("M", "T", "K"), ("K", "M", "T"))
    for n, (k, u, y) in enumerate((k, u, y) for k in kpis for u in units for y in years):
        fake.items.append(
            Item(
                k,
                u,
                y,
                [
                    {
                        "gender": g,
                        "count": 1,
                        "status": "",
                        "value": round(50 + (n * 7 + i * 3) % 500 / 10, 1),
                        "isdeleted": False,
                    }
                    for i, g in enumerate(orders[n % 3])
                ],
            )
        )
