"""The Kolada client's transport: one GET retried, pages followed, answers bounded.

:class:`~styrmodell.kolada.Client` decides which paths to ask for; this module asks the
server: HTTP 429 and 5xx are retried with exponential backoff that honours ``Retry-After``,
timeouts and broken connections are retried, each answer is read up to :data:`MAX_BODY`
bytes, and a next page is followed only on the client's own base URL.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
from collections.abc import Callable
from types import ModuleType
from typing import Any, TypeVar
from urllib.parse import SplitResult, urlencode, urlsplit, urlunsplit

from styrmodell._safe import printable
from styrmodell.kolada._errors import kolada_failure
from styrmodell.kolada._parse import Page, parse_page

__all__ = ["MAX_BODY", "MAX_PAGES", "Transport", "httpx_module", "local_now", "logger"]

T = TypeVar("T")

logger = logging.getLogger("styrmodell.kolada")

MAX_PAGES = 10_000
"""A request that pages further than this is stopped (a guard against a paging loop)."""

_MAX_URL = 8000  # longer URLs are refused by servers (and by httpx at 65,536)

MAX_BODY = 64 * 1024 * 1024
"""The largest answer read (a full page of 5,000 data items is about 2 MB)."""


def httpx_module() -> ModuleType:
    """httpx, or a :class:`~styrmodell.kolada.KoladaError` naming the ``kolada`` extra."""
    try:
        import httpx
    except ImportError:
        raise kolada_failure("kolada.needs_httpx") from None
    return httpx


def local_now() -> dt.datetime:
    """Now, aware, in the time zone of the machine."""
    return dt.datetime.now().astimezone()


class Transport:
    """GET requests to one Kolada base URL, with the client's retry and time settings.

    Args:
        base_url: The API's base URL, ending in ``/``.
        timeout: Seconds to wait for a connection and for each read.
        retries: How many times a 429, a 5xx, a timeout or a broken connection is retried.
        backoff: The first wait between attempts in seconds; it doubles each time.
        max_wait: The longest single wait; a longer ``Retry-After`` is an error.
        sleep: How to wait.
        now: The current time (aware); reads ``Retry-After`` dates.

    Example:
        >>> transport = Transport("http://127.0.0.1:9/v3/", timeout=1.0, retries=0,
        ...                       backoff=0.0, max_wait=0.0, sleep=print, now=local_now)
        >>> transport.base_url
        'http://127.0.0.1:9/v3/'
        >>> transport.close()
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float,
        retries: int,
        backoff: float,
        max_wait: float,
        sleep: Callable[[float], object],
        now: Callable[[], dt.datetime],
    ) -> None:
        self._httpx = httpx_module()
        self.base_url = base_url
        self._base: SplitResult = urlsplit(base_url)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep
        self._now = now
        self._http = self._httpx.Client(
            timeout=self._httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": "styrmodell-kolada"},
            follow_redirects=False,
        )

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def collect(
        self, path: str, query: dict[str, str], parse: Callable[[list[Any], str], list[T]]
    ) -> tuple[list[T], int]:
        """Every item of *path* with *query*, page after page, and the number of pages."""
        url: str | None = self.base_url + path + "?" + urlencode(query)
        seen: set[str] = set()
        items: list[T] = []
        pages = 0
        while url is not None:
            if url in seen:
                raise kolada_failure("kolada.paging_loop", url, url=url, value=url)
            if pages >= MAX_PAGES:
                raise kolada_failure("kolada.too_many_pages", url, url=url, limit=MAX_PAGES)
            seen.add(url)
            pages += 1
            page = self.get(url)
            items.extend(parse(page.values, url))
            url = self._next(page.next_url, url)
        return items, pages

    def _next(self, next_url: str | None, url: str) -> str | None:
        """The next page's URL on our own base (its path and query), or ``None``."""
        if next_url is None:
            return None
        if not (next_url.isascii() and next_url.isprintable() and len(next_url) <= _MAX_URL):
            raise kolada_failure("kolada.bad_next_url", url, url=url, value=next_url)
        try:
            parts = urlsplit(next_url)
        except ValueError:
            raise kolada_failure("kolada.bad_next_url", url, url=url, value=next_url) from None
        if (
            parts.netloc.lower() != self._base.netloc.lower()
            or not parts.path.startswith(self._base.path)
            or parts.scheme not in ("http", "https")
        ):
            raise kolada_failure(
                "kolada.foreign_next_url", url, url=url, value=next_url, base=self.base_url
            )
        return urlunsplit((self._base.scheme, self._base.netloc, parts.path, parts.query, ""))

    def get(self, url: str) -> Page:
        """One page of *url*, retried as the settings say."""
        httpx = self._httpx
        attempt = 0
        while True:
            attempt += 1
            logger.debug("GET %s (attempt %d)", url, attempt)
            try:
                with self._http.stream("GET", url) as response:
                    status = response.status_code
                    body = self._read(response, url)
                    headers = response.headers
            except httpx.TimeoutException as exc:  # connect, read, write or pool
                self._retry_or_fail(attempt, url, "timeout", exc)
                continue
            except httpx.ConnectError as exc:
                raise kolada_failure(
                    "kolada.network", url, url=url, reason=f"{type(exc).__name__}: {exc}"
                ) from None
            except httpx.TransportError as exc:
                self._retry_or_fail(attempt, url, "network", exc)
                continue
            except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
                raise kolada_failure(
                    "kolada.network", url, url=url, reason=f"{type(exc).__name__}: {exc}"
                ) from None
            if status == 429 or 500 <= status <= 599:
                if attempt > self.retries:
                    raise kolada_failure(
                        "kolada.retries_spent", url, url=url, status=status, attempts=attempt
                    )
                delay = self._retry_after(headers.get("retry-after"))
                if delay is None:
                    delay = self._backoff(attempt)
                logger.warning(
                    "Kolada answered HTTP %d for %s; waiting %.1f s (attempt %d of %d)",
                    status,
                    url,
                    delay,
                    attempt,
                    self.retries + 1,
                )
                self._wait(delay, url, status)
                continue
            if not 200 <= status <= 299:
                detail = (
                    printable(body[:300].decode("utf-8", "replace").strip(), newlines=False) or "-"
                )
                code = "kolada.http_422" if status == 422 else "kolada.http_status"
                raise kolada_failure(code, url, url=url, status=status, detail=detail)
            return parse_page(body, url)

    def _read(self, response: Any, url: str) -> bytes:
        parts = []
        size = 0
        for part in response.iter_bytes():
            size += len(part)
            if size > MAX_BODY:
                raise kolada_failure(
                    "kolada.bad_json",
                    url,
                    url=url,
                    reason=f"the answer is larger than {MAX_BODY} bytes",
                )
            parts.append(part)
        return b"".join(parts)

    def _retry_or_fail(self, attempt: int, url: str, kind: str, exc: Exception) -> None:
        if attempt > self.retries:
            if kind == "timeout":
                raise kolada_failure(
                    "kolada.timeout", url, url=url, timeout=self.timeout, attempts=attempt
                ) from None
            raise kolada_failure(
                "kolada.network", url, url=url, reason=f"{type(exc).__name__}: {exc}"
            ) from None
        delay = self._backoff(attempt)
        logger.warning(
            "Kolada request %s failed (%s: %s); retrying in %.1f s",
            url,
            type(exc).__name__,
            exc,
            delay,
        )
        self._wait(delay, url, None)

    def _backoff(self, attempt: int) -> float:
        return min(self.backoff * 2.0 ** (attempt - 1), self.max_wait)

    def _retry_after(self, header: str | None) -> float | None:
        """Seconds to wait from a ``Retry-After`` header (seconds or an HTTP date)."""
        if header is None:
            return None
        text = header.strip()
        if text.isascii() and text.isdigit() and len(text) <= 9:
            return float(int(text))
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return max(0.0, (when - self._now()).total_seconds())

    def _wait(self, delay: float, url: str, status: int | None) -> None:
        if delay > self.max_wait:
            raise kolada_failure(
                "kolada.wait_too_long",
                url,
                url=url,
                status=status,
                seconds=f"{delay:g}",
                limit=f"{self.max_wait:g}",
            )
        self._sleep(delay)
