"""The Kolada v3 client: chunked path requests, paging, retries, timeouts, provenance.

Swedish terms: *nyckeltal* (a KPI), *kommun* (a municipality), *enhet* (an ou).

httpx is imported when a :class:`Client` is made, never before: ``import styrmodell`` and
``import styrmodell.kolada`` work without it, and so do snapshots.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Any, Protocol, TypeVar
from urllib.parse import urlencode, urlsplit

from styrmodell.kolada._errors import KoladaWarning, kolada_failure
from styrmodell.kolada._parse import (
    parse_data,
    parse_kpi_groups,
    parse_kpis,
    parse_municipalities,
    parse_municipality_groups,
    parse_ous,
)
from styrmodell.kolada._transport import Transport, local_now, logger
from styrmodell.kolada._values import (
    Kpi,
    KpiGroup,
    Municipality,
    MunicipalityGroup,
    OrganisationalUnit,
    Request,
    Row,
    UnitKind,
)

__all__ = [
    "BASE_URL",
    "MAX_IDS",
    "MAX_PER_PAGE",
    "Client",
    "ProgressCallback",
    "kpi_ids",
    "municipality_ids",
    "ou_ids",
    "years_of",
]

T = TypeVar("T")

BASE_URL = "https://api.kolada.se/v3/"
"""Kolada's API (version 3)."""

MAX_IDS = 25
"""At most this many ids in one path segment (Kolada answers HTTP 422 beyond)."""

MAX_PER_PAGE = 5000
"""At most this many items per page (Kolada answers HTTP 422 beyond)."""


class ProgressCallback(Protocol):
    """``progress(done, total, path)``: called after each request of an operation completes.

    Example:
        >>> def progress(done: int, total: int, path: str) -> None:
        ...     print(f"{done}/{total} {path}")
    """

    def __call__(self, done: int, total: int, path: str, /) -> None:
        """Say that *done* of *total* requests are complete, the last one for *path*."""


_KPI = re.compile(r"^[NU]\d{5}$")
_MUNICIPALITY = re.compile(r"^(?:\d{4}|G\d{1,12})$")
_OU = re.compile(r"^[A-Za-z0-9]{1,40}$")
_DATA_PATH = re.compile(
    r"^(?:data|oudata)(?:/(?:kpi|municipality|ou|year)/[A-Za-z0-9]+(?:,[A-Za-z0-9]+)*){2,3}$"
)


def _ids(
    value: str | Iterable[str], pattern: re.Pattern[str], code: str, at: str
) -> tuple[str, ...]:
    items: Iterable[object] = (value,) if isinstance(value, str) else value
    out: dict[str, None] = {}
    try:
        listed = list(items)
    except TypeError:
        raise kolada_failure(code, at, value=value) from None
    for i, item in enumerate(listed):
        if not isinstance(item, str) or not pattern.match(item):
            raise kolada_failure(code, f"{at}[{i}]", value=item)
        out[item] = None
    return tuple(out)


def kpi_ids(value: str | Iterable[str]) -> tuple[str, ...]:
    """KPI ids, checked ("N" or "U" and five digits) and without repeats, in order.

    Examples:
        >>> kpi_ids(["N21704", "U21468", "N21704"])
        ('N21704', 'U21468')
    """
    return _ids(value, _KPI, "kolada.bad_kpi_id", "kpis")


def municipality_ids(value: str | Iterable[str]) -> tuple[str, ...]:
    """Municipality ids (four digits; riket "0000") or group ids ("G" and digits).

    Examples:
        >>> municipality_ids("0481")
        ('0481',)
    """
    return _ids(value, _MUNICIPALITY, "kolada.bad_municipality_id", "municipalities")


def ou_ids(value: str | Iterable[str]) -> tuple[str, ...]:
    """Organisational unit ids (letters and digits)."""
    return _ids(value, _OU, "kolada.bad_ou_id", "ous")


def years_of(value: int | Iterable[int]) -> tuple[int, ...]:
    """Years from one year, a ``range`` or an iterable of years, without repeats.

    Examples:
        >>> years_of(range(2021, 2025))
        (2021, 2022, 2023, 2024)
    """
    items: Iterable[object] = (value,) if isinstance(value, int) else value
    out: dict[int, None] = {}
    try:
        listed = list(items)
    except TypeError:
        raise kolada_failure("kolada.bad_request_year", "years", value=value) from None
    for i, item in enumerate(listed):
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 9999:
            raise kolada_failure("kolada.bad_request_year", f"years[{i}]", value=item)
        out[item] = None
    return tuple(out)


def chunks(items: Sequence[T], size: int = MAX_IDS) -> list[tuple[T, ...]]:
    """*items* in runs of at most *size*.

    Examples:
        >>> [len(c) for c in chunks(list(range(30)))]
        [25, 5]
    """
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


def _listed(name: str, ids: list[str], limit: int = 10) -> str:
    """The ids after their segment's name, "kpi N1, N2" (at most *limit*), or "" for none."""
    if not ids:
        return ""
    shown = ", ".join(ids[:limit])
    more = f" … (+{len(ids) - limit})" if len(ids) > limit else ""
    return f"{name} {shown}{more}"


def _warn(missing: list[str], stacklevel: int) -> None:
    """Warn (and log) that the ids listed in *missing* came back without anything."""
    parts = [part for part in missing if part]
    if parts:
        message = str(kolada_failure("kolada.no_rows", ids="; ".join(parts)))
        logger.warning("%s", message)
        # Point at the caller of the public method (data(), kpis()), not at this module.
        warnings.warn(message, KoladaWarning, stacklevel=stacklevel)


def _setting(value: object, ok: bool, name: str, expected: str) -> None:
    if not ok:
        raise kolada_failure("kolada.bad_setting", name, value=value, expected=expected)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _warn_missing(
    rows: list[Row],
    kpis: tuple[str, ...],
    units: tuple[str, ...],
    years: tuple[int, ...],
    kind: UnitKind,
) -> None:
    """Warn about the ids asked for that came back without any row."""
    seen_kpis = {r.kpi for r in rows}
    seen_units = {r.unit for r in rows}
    seen_years = {r.period for r in rows}
    missing = [
        _listed("kpi", [k for k in kpis if k not in seen_kpis]),
        _listed(kind, [u for u in units if u not in seen_units]),
        _listed("year", [str(y) for y in years if y not in seen_years]),
    ]
    _warn(missing, stacklevel=5)


class Client:
    """A client for the Kolada v3 API that returns styrmodell values.

    Every id segment of a data path is split into runs of at most 25 ids and the product
    of the runs is asked for; pages are followed through ``next_url`` until it is null;
    HTTP 429 and 5xx are retried with exponential backoff that honours ``Retry-After``;
    each request has a timeout. Requests are logged on the ``styrmodell.kolada`` logger
    and kept in :attr:`requests` (the provenance a snapshot records).

    Args:
        base_url: The API's base URL; tests point it at a server on 127.0.0.1.
        timeout: Seconds to wait for a connection and for each read.
        retries: How many times a 429, a 5xx, a timeout or a broken connection is retried
            (so at most ``retries + 1`` attempts per page).
        backoff: The first wait between attempts in seconds; it doubles each time.
            A ``Retry-After`` header replaces it.
        max_wait: The longest single wait; Kolada asking for a longer one is an error.
        per_page: Items per page, at most 5,000.
        progress: Called as ``progress(done, total, path)`` after each request of an
            operation (no progress bar is forced on anyone).
        sleep: How to wait (``time.sleep``); tests pass a function that records the waits.
        now: The current time (aware); gives ``fetched_at`` and reads ``Retry-After`` dates.

    Raises:
        KoladaError: when httpx is not installed (it names the ``kolada`` extra), or for a
            setting out of range.

    Examples:
        >>> from styrmodell.kolada import Client
        >>> with Client("http://127.0.0.1:9/v3/", retries=0) as client:
        ...     client.base_url
        'http://127.0.0.1:9/v3/'
    """

    def __init__(
        self,
        base_url: str = BASE_URL,
        *,
        timeout: float = 30.0,
        retries: int = 4,
        backoff: float = 1.0,
        max_wait: float = 120.0,
        per_page: int = MAX_PER_PAGE,
        progress: ProgressCallback | None = None,
        sleep: Callable[[float], object] = time.sleep,
        now: Callable[[], dt.datetime] = local_now,
    ) -> None:
        try:
            parts = urlsplit(base_url) if isinstance(base_url, str) else None
        except ValueError:  # "http://[::1": an unclosed IPv6 bracket
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise kolada_failure("kolada.bad_base_url", "base_url", value=base_url)
        _setting(
            timeout, _number(timeout) and 0 < timeout <= 3600, "timeout", "seconds, 0 < t ≤ 3600"
        )
        _setting(
            retries,
            isinstance(retries, int) and not isinstance(retries, bool) and 0 <= retries <= 20,
            "retries",
            "a whole number from 0 to 20",
        )
        _setting(
            backoff, _number(backoff) and 0 <= backoff <= 600, "backoff", "seconds, 0 ≤ b ≤ 600"
        )
        _setting(
            max_wait,
            _number(max_wait) and 0 <= max_wait <= 3600,
            "max_wait",
            "seconds, 0 ≤ w ≤ 3600",
        )
        _setting(
            per_page,
            isinstance(per_page, int)
            and not isinstance(per_page, bool)
            and 1 <= per_page <= MAX_PER_PAGE,
            "per_page",
            f"a whole number from 1 to {MAX_PER_PAGE}",
        )
        self.base_url = base_url if base_url.endswith("/") else base_url + "/"
        self.timeout = float(timeout)
        self.retries = retries
        self.backoff = float(backoff)
        self.max_wait = float(max_wait)
        self.per_page = per_page
        self.progress = progress
        self._now = now
        self.requests: list[Request] = []
        """Every request made, in order (what a snapshot records as provenance)."""
        self._transport = Transport(
            self.base_url,
            timeout=self.timeout,
            retries=retries,
            backoff=self.backoff,
            max_wait=self.max_wait,
            sleep=sleep,
            now=now,
        )

    # -- lifetime ----------------------------------------------------------------------

    def close(self) -> None:
        """Close the connections."""
        self._transport.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def today(self) -> dt.date:
        """Today's date by the client's clock (what ``fetched_at`` says)."""
        return self._now().date()

    # -- metadata ----------------------------------------------------------------------

    def kpis(
        self, ids: str | Iterable[str] | None = None, *, title: str | None = None
    ) -> tuple[Kpi, ...]:
        """KPI metadata: of *ids* (``/kpi/{ids}``), by *title* (``/kpi?title=``), or all.

        Each run of 25 ids is one request. ``client.kpis(["N21704"])[0].publ_period`` is
        the year the KPI's next final publication covers.
        """
        if ids is not None:
            wanted = kpi_ids(ids)
            jobs: list[tuple[str, dict[str, str]]] = [
                (f"kpi/{','.join(chunk)}", {}) for chunk in chunks(wanted)
            ]
        elif title is not None:
            _setting(title, isinstance(title, str) and 0 < len(title) <= 200, "title", "text")
            jobs = [("kpi", {"title": title})]
        else:
            jobs = [("kpi", {})]
        found = tuple(self._run(jobs, parse_kpis))
        if ids is not None:
            known = {k.id for k in found}
            _warn([_listed("kpi", [k for k in wanted if k not in known])], stacklevel=3)
        return found

    def kpi_groups(self) -> tuple[KpiGroup, ...]:
        """Every KPI group (``/kpi_groups``)."""
        return tuple(self._run([("kpi_groups", {})], parse_kpi_groups))

    def municipalities(self, *, region_type: str | None = None) -> tuple[Municipality, ...]:
        """Municipalities (``/municipality``).

        Kommuner with ``region_type="K"``, regions and riket with ``"L"``, or all.
        """
        params = {}
        if region_type is not None:
            _setting(region_type, region_type in ("K", "L"), "region_type", "'K' or 'L'")
            params["region_type"] = region_type
        return tuple(self._run([("municipality", params)], parse_municipalities))

    def municipality_groups(self) -> tuple[MunicipalityGroup, ...]:
        """Every municipality group (``/municipality_groups``)."""
        return tuple(self._run([("municipality_groups", {})], parse_municipality_groups))

    def ous(
        self, *, municipality: str | Iterable[str] | None = None
    ) -> tuple[OrganisationalUnit, ...]:
        """Organisational units (``/ou``), optionally of some municipalities."""
        if municipality is None:
            jobs: list[tuple[str, dict[str, str]]] = [("ou", {})]
        else:
            wanted = municipality_ids(municipality)
            jobs = [("ou", {"municipality": ",".join(chunk)}) for chunk in chunks(wanted)]
        return tuple(self._run(jobs, parse_ous))

    # -- data --------------------------------------------------------------------------

    def data(
        self,
        *,
        kpis: str | Iterable[str] = (),
        municipalities: str | Iterable[str] = (),
        years: int | Iterable[int] = (),
        from_date: dt.date | None = None,
    ) -> tuple[Row, ...]:
        """Values from ``/data/kpi/{k}/municipality/{m}/year/{y}`` (or two of the three).

        Args:
            kpis: KPI ids.
            municipalities: Municipality ids, riket "0000", regions, groups ("G…").
            years: Years (an int, a ``range``, a list).
            from_date: Only values changed since this date (a refresh).

        Returns:
            One :class:`Row` per kpi × municipality × year × gender, as received.

        Warns:
            KoladaWarning: when some ids asked for came back without any row (not for a
                ``from_date`` request, where nothing new is normal).

        Raises:
            KoladaError: for fewer than two segments, a bad id, or any failure of a
                request.
        """
        return self._data(
            "data",
            "municipality",
            kpi_ids(kpis),
            municipality_ids(municipalities),
            years_of(years),
            from_date,
        )

    def ou_data(
        self,
        *,
        kpis: str | Iterable[str] = (),
        ous: str | Iterable[str] = (),
        years: int | Iterable[int] = (),
        from_date: dt.date | None = None,
    ) -> tuple[Row, ...]:
        """Values of organisational units from ``/oudata/kpi/{k}/ou/{ou}/year/{y}``.

        Or two of the three segments; otherwise as :meth:`data`.
        """
        return self._data("oudata", "ou", kpi_ids(kpis), ou_ids(ous), years_of(years), from_date)

    def replay(self, path: str, *, from_date: dt.date | None = None) -> tuple[Row, ...]:
        """Ask again for the data of a recorded request's *path* (what a refresh does)."""
        # The path may come from a snapshot file: only a data path of ids goes into a URL.
        if not isinstance(path, str) or not _DATA_PATH.match(path):
            raise kolada_failure(
                "kolada.bad_setting", "path", value=path, expected="a recorded data path"
            )
        kind: UnitKind = "ou" if path.startswith("oudata/") else "municipality"
        return tuple(self._run([(path, {})], self._data_parser(kind), from_date=from_date))

    def _data(
        self,
        root: str,
        kind: UnitKind,
        kpis: tuple[str, ...],
        units: tuple[str, ...],
        years: tuple[int, ...],
        from_date: dt.date | None,
    ) -> tuple[Row, ...]:
        segments = [
            ("kpi", kpis),
            (kind, units),
            ("year", tuple(str(y) for y in years)),
        ]
        given = [(name, ids) for name, ids in segments if ids]
        if len(given) < 2:
            raise kolada_failure(
                "kolada.two_segments",
                root,
                units=f"{kind}s" if kind == "ou" else "municipalities",
                given=", ".join(name for name, _ in given) or "none",
            )
        jobs: list[tuple[str, dict[str, str]]] = [
            (
                root
                + "/"
                + "/".join(
                    f"{name}/{','.join(run)}" for (name, _), run in zip(given, product, strict=True)
                ),
                {},
            )
            for product in itertools.product(*(chunks(ids) for _, ids in given))
        ]
        rows = self._run(jobs, self._data_parser(kind), from_date=from_date)
        if from_date is None:
            _warn_missing(rows, kpis, units, years, kind)
        return tuple(rows)

    def _data_parser(self, kind: UnitKind) -> Callable[[list[Any], str], list[Row]]:
        today = self.today()

        def parse(values: list[Any], url: str) -> list[Row]:
            return parse_data(values, url, kind=kind, fetched_at=today)

        return parse

    # -- requests ----------------------------------------------------------------------

    def _run(
        self,
        jobs: list[tuple[str, dict[str, str]]],
        parse: Callable[[list[Any], str], list[T]],
        *,
        from_date: dt.date | None = None,
    ) -> list[T]:
        out: list[T] = []
        for done, (path, params) in enumerate(jobs, start=1):
            query = dict(params)
            query["per_page"] = str(self.per_page)
            if from_date is not None:
                query["from_date"] = from_date.isoformat()
            items, pages = self._transport.collect(path, query, parse)
            out.extend(items)
            shown = path + ("?" + urlencode(params) if params else "")
            self.requests.append(
                Request(
                    path=shown,
                    fetched_at=self.today(),
                    from_date=from_date,
                    pages=pages,
                    rows=len(items),
                )
            )
            logger.info("Kolada %s: %d items in %d page(s)", shown, len(items), pages)
            if self.progress is not None:
                self.progress(done, len(jobs), shown)
        return out
