r"""The iCalendar (RFC 5545) file of a follow-up calendar, for a nämnd to subscribe to.

Swedish terms: *årshjul* (the calendar), *prenumerera* (subscribe).

The file is written from the calendar's occasions, never read: each occasion is one all-day
``VEVENT`` on its (shifted) due date. Text from data (titles, your own kinds, recipients,
descriptions, the calendar's name) is cleaned of what RFC 5545 forbids in a TEXT value:
control characters other than the tab are dropped (line breaks become the ``\n`` escape),
as are the bidirectional overrides that could make a calendar application show something
else than the file says, and lone surrogates (no UTF-8 exists for them) become U+FFFD.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re

from styrmodell._calendar import (
    FollowUpCalendar,
    Occasion,
    content_labels_of,
    kind_label_of,
    label_of,
    recipient_label_of,
)
from styrmodell._errors import CalendarError
from styrmodell._locale import parse_locale
from styrmodell._messages import failure, text
from styrmodell._period import Period

__all__ = ["write_ics"]


@functools.cache
def _forbidden() -> re.Pattern[str]:
    # C0 controls but the tab (line breaks are escaped before this runs), DEL, C1 controls,
    # and the Unicode bidirectional overrides and isolates.
    return re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@functools.cache
def _surrogates() -> re.Pattern[str]:
    return re.compile("[\ud800-\udfff]")


def _clean(value: str) -> str:
    """Data made fit for a TEXT value: forbidden characters dropped, surrogates replaced."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_forbidden().sub("", line) for line in value.split("\n")]
    return _surrogates().sub("\ufffd", "\n".join(lines))


def _escape(value: str) -> str:
    """Escape a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, newline."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts = []
    begin, room = 0, 75  # a continuation line starts with a space: 74 octets of the line
    while len(data) - begin > room:
        cut = begin + room
        while data[cut] & 0xC0 == 0x80:  # a continuation byte: cut before its character
            cut -= 1
        parts.append(data[begin:cut].decode("utf-8"))
        begin, room = cut, 74
    parts.append(data[begin:].decode("utf-8"))
    return "\r\n ".join(parts)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _description(occasion: Occasion, locale: str) -> str:
    lines = []
    if occasion.period is not None:
        lines.append(text("ics.period", locale, period=occasion.period.label(locale)))
    recipient = recipient_label_of(occasion, locale, _clean)
    lines.append(text("ics.recipient", locale, recipient=recipient))
    if occasion.contents:
        contents = ", ".join(content_labels_of(occasion, locale, _clean))
        lines.append(text("ics.contents", locale, contents=contents))
    if occasion.reported:
        lines.append(text("ics.reported", locale, flags="/".join(occasion.reported)))
    if occasion.is_shifted:
        lines.append(
            text(
                "ics.moved",
                locale,
                planned=occasion.planned.isoformat(),
                shift=occasion.shift.label(locale),
            )
        )
    if occasion.description:
        lines.append(_clean(occasion.description))
    return "\n".join(lines)


def _uid(calendar: FollowUpCalendar, occasion: Occasion) -> str:
    """A UID that stays the same between exports while the occasion's identity does."""
    period = occasion.period.label() if occasion.period else ""
    key = "\x1f".join(
        (
            calendar.name,
            str(occasion.kind),
            occasion.planned.isoformat(),
            period,
            occasion.recipient,
            occasion.title,
        )
    )
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:32] + "@styrmodell"


def write_ics(
    calendar: FollowUpCalendar,
    *,
    between: tuple[dt.date, dt.date] | Period,
    locale: str = "sv",
    stamp: dt.datetime | None = None,
) -> str:
    r"""The occasions of *calendar* in *between* as an iCalendar (RFC 5545) text.

    Each occasion is an all-day ``VEVENT`` on its (shifted) due date, with a UID that stays
    the same between exports as long as the occasion's kind, planned date, period, recipient
    and title do, so a subscribed calendar updates its events instead of duplicating them.
    Lines end in CRLF and are folded at 75 octets; TEXT values are escaped, and characters
    RFC 5545 forbids in them (control characters) are dropped. Write the text with
    ``newline=""`` to keep the CRLF.

    Args:
        calendar: The :class:`~styrmodell.FollowUpCalendar`.
        between: The range to export (dates or a :class:`~styrmodell.Period`).
        locale: Language of the summaries and descriptions (from the message catalogs).
        stamp: The ``DTSTAMP`` (a timezone-aware datetime); default: now, in UTC.

    Raises:
        CalendarError: for a calendar that is none, a bad range or a naive *stamp*.

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import FollowUpCalendar, Occasion
        >>> cal = FollowUpCalendar("Nämnden", occasions=[
        ...     Occasion("budgetbeslut", dt.date(2024, 6, 15), recipient="KF")])
        >>> ics = write_ics(cal, between=Period.year(2024), locale="en",
        ...                 stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
        >>> [line for line in ics.splitlines() if line.startswith(("DTSTART", "SUMMARY"))]
        ['DTSTART;VALUE=DATE:20240614', 'SUMMARY:Budget decision to municipal council (KF)']
    """
    if not isinstance(calendar, FollowUpCalendar):
        raise failure(
            CalendarError,
            "calendar.expected_instance",
            "write_ics",
            value=calendar,
            kind="FollowUpCalendar",
        )
    if stamp is None:
        stamp = dt.datetime.now(dt.UTC)
    if not isinstance(stamp, dt.datetime) or stamp.utcoffset() is None:
        raise failure(CalendarError, "calendar.expected_stamp", "stamp", value=stamp)
    occasions = calendar.occurrences(between=between)
    stamp_text = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lang = parse_locale(locale).language.upper()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//styrmodell//styrmodell årshjul//{lang}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(_clean(calendar.name))}",
    ]
    seen: dict[str, int] = {}
    for occasion in occasions:
        uid = _uid(calendar, occasion)
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # equal identity, different contents: keep UIDs unique
            uid = uid.replace("@", f"-{seen[uid]}@", 1)
        # An all-day event without DTEND lasts one day (RFC 5545 §3.6.1): only for 9999-12-31.
        end = (
            [f"DTEND;VALUE=DATE:{_date(occasion.due + dt.timedelta(days=1))}"]
            if occasion.due < dt.date.max
            else []
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{_date(occasion.due)}",
            *end,
            f"SUMMARY:{_escape(label_of(occasion, locale, _clean))}",
            f"DESCRIPTION:{_escape(_description(occasion, locale))}",
            f"CATEGORIES:{_escape(kind_label_of(occasion, locale, _clean))}",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
