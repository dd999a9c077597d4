"""File formats: reading and writing the library's values as files people and programs use.

Each format lives in :mod:`styrmodell._io`; this module is its public face. Every reader
raises only :class:`~styrmodell.StyrmodellError` (with the file, the line or path, and the
value), and every writer makes text from data safe for the format.

* ``write_ics(calendar, *, between, locale, stamp)``: a follow-up calendar as an iCalendar
  (RFC 5545) text to subscribe to.
"""

from styrmodell._io.ics import write_ics

__all__ = ["write_ics"]
