"""The Kolada client's error and warning.

Swedish terms: *nätverk* (network), *ögonblicksbild* (a snapshot, for working offline).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from styrmodell._errors import ABSENT, Problem, StyrmodellError
from styrmodell._messages import problem

__all__ = ["KoladaError", "KoladaWarning", "kolada_failure"]


class KoladaError(StyrmodellError):
    """Kolada could not be asked, or answered something this client cannot use.

    Raised for an HTTP error status (a 4xx at once, a 429 or 5xx once the retries are
    spent), a timeout, no network, a body that is not JSON or not shaped like a Kolada v3
    answer (a v2 ``next_page`` key, no ``values``), a row that cannot be read, and for
    values built with bad fields (an id that is not a Kolada id). Every message names the
    URL where there is one; network failures say how to work offline from a snapshot.

    Attributes:
        problems: Every problem (path, code, message, value), as for every
            :class:`~styrmodell.StyrmodellError`.
        url: The URL asked, or ``None``.
        status: The HTTP status answered, or ``None``.

    Examples:
        >>> from styrmodell.kolada import KoladaError
        >>> issubclass(KoladaError, StyrmodellError)
        True
    """

    url: str | None
    status: int | None

    def __init__(
        self,
        message: str = "",
        *,
        problems: Iterable[str | Problem] = (),
        url: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, problems=problems)
        self.url = url
        self.status = status

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.args, self.problems, self.url, self.status))


def _rebuild(
    args: tuple[Any, ...], problems: tuple[Problem, ...], url: str | None, status: int | None
) -> KoladaError:
    return KoladaError(*args, problems=problems, url=url, status=status)


class KoladaWarning(UserWarning):
    """Kolada answered, but not everything asked for came back (ids without any row).

    Examples:
        >>> issubclass(KoladaWarning, UserWarning)
        True
    """


def kolada_failure(
    code: str,
    path: str = "",
    /,
    *,
    url: str | None = None,
    status: int | None = None,
    value: object = ABSENT,
    **params: object,
) -> KoladaError:
    """A :class:`KoladaError` holding one catalog problem, with the URL and status kept.

    The status is also a parameter of the message (``{status}``).
    """
    if status is not None:
        params["status"] = status
    found = problem(code, path, value=value, **params)
    return KoladaError(str(found), problems=[found], url=url, status=status)
