"""Milestones: done or not done, with an optional deadline.

Covers "Genomfört", "utförd / Ej utförd", "Plan klar", "Påbörja registrering", "Mål under
2019" and "infört vid årets slut".

Swedish terms: *ej påbörjat* (not started), *påbörjat* (started), *genomfört* / *utfört* /
*uppnått* (done), *senast* (due).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._locale import language
from styrmodell._status import Status
from styrmodell._thresholds import _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import optional_date
from styrmodell._thresholds._registry import Family, register

__all__ = ["Milestone", "Progress"]

_PROGRESS_LABELS = {
    "sv": {"NOT_STARTED": "ej påbörjat", "STARTED": "påbörjat", "DONE": "genomfört"},
    "en": {"NOT_STARTED": "not started", "STARTED": "started", "DONE": "done"},
}
_PROGRESS_RANK = {"NOT_STARTED": 0, "STARTED": 1, "DONE": 2}


class Progress(enum.Enum):
    """How far a milestone or activity has come: ``NOT_STARTED < STARTED < DONE``.

    Examples:
        >>> Progress.STARTED < Progress.DONE
        True
        >>> Progress.coerce(True)
        <Progress.DONE: 'done'>
    """

    NOT_STARTED = "not_started"
    STARTED = "started"
    DONE = "done"

    @property
    def rank(self) -> int:
        """0, 1 or 2."""
        return _PROGRESS_RANK[self.name]

    def label(self, locale: str = "sv") -> str:
        """The word: "ej påbörjat", "påbörjat", "genomfört" (sv) or English."""
        return _PROGRESS_LABELS[language(locale)][self.name]

    @classmethod
    def coerce(cls, value: object) -> Progress:
        """A Progress from a Progress or a bool (``True`` = done, ``False`` = not started).

        Raises:
            ThresholdError: for anything else.
        """
        if isinstance(value, Progress):
            return value
        if isinstance(value, bool):
            return cls.DONE if value else cls.NOT_STARTED
        raise ThresholdError(
            f"milestone value: expected a bool or a styrmodell.Progress, got {value!r}"
        )

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Progress):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Progress):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Progress):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Progress):
            return NotImplemented
        return self.rank >= other.rank


def _due(value: object) -> dt.date | None:
    return optional_date(value, what="Milestone.due")


def _required(value: object) -> Progress:
    if not isinstance(value, Progress) or value is Progress.NOT_STARTED:
        raise ThresholdError(
            f"Milestone.required: expected Progress.STARTED or Progress.DONE, got {value!r}"
        )
    return value


@attrs.frozen(kw_only=True)
class Milestone:
    """Done / not done, with an optional deadline.

    Reaching *required* is green. Not reached after the deadline is red. Before the
    deadline, a started milestone is yellow and one not yet started is ``NOT_ASSESSED``
    (reason ``"not_due"``): nothing is late yet. The date judged by is ``context.as_of``,
    else 31 December of ``context.year``. Without a deadline (``due=None``) the deadline is
    31 December of ``context.year``; with neither, the milestone is judged as it stands
    ("utförd / Ej utförd").

    Attributes:
        due: The deadline ("Mål under 2019" → 2019-12-31).
        required: ``Progress.DONE`` ("Genomfört") or ``Progress.STARTED`` ("Påbörjat").

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import Context, Milestone, Progress
        >>> rule = Milestone(due=dt.date(2019, 12, 31))
        >>> rule.assess(Progress.STARTED, Context(as_of=dt.date(2019, 8, 31))).status
        <Status.YELLOW: 'yellow'>
        >>> rule.assess(False, Context(year=2019)).status
        <Status.RED: 'red'>
    """

    due: dt.date | None = attrs.field(default=None, converter=_due)
    required: Progress = attrs.field(default=Progress.DONE, converter=_required)

    def deadline(self, context: Context) -> dt.date | None:
        """The deadline in *context*: ``due``, else 31 December of ``context.year``."""
        if self.due is not None:
            return self.due
        return None if context.year is None else dt.date(context.year, 12, 31)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge the progress *value* (a ``Progress`` or a bool) at ``context.as_of``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, "no_value")
        progress = Progress.coerce(value)
        if progress >= self.required:
            return Assessment(Status.GREEN, progress, self, "reached")
        deadline = self.deadline(ctx)
        if deadline is None:
            return Assessment(Status.RED, progress, self, "not_reached")
        on = ctx.as_of or (dt.date(ctx.year, 12, 31) if ctx.year is not None else None)
        if on is None:
            return Assessment(Status.NOT_ASSESSED, progress, self, "missing_date")
        if on > deadline or (on == deadline and ctx.as_of is None):
            return Assessment(Status.RED, progress, self, "overdue")
        if progress is Progress.STARTED:
            return Assessment(Status.YELLOW, progress, self, "in_progress")
        return Assessment(Status.NOT_ASSESSED, progress, self, "not_due")

    def describe(self, locale: str = "sv") -> str:
        """The rule in plan language, e.g. "Grönt: genomfört senast 31 december 2019, …"."""
        sv = language(locale) == "sv"
        done = self.required.label(locale)
        if self.due is None:
            parts = [(Status.GREEN, done)]
            if self.required is Progress.DONE:
                started = Progress.STARTED.label(locale)
                parts.append(
                    (Status.YELLOW, f"{started} under året" if sv else f"{started} during the year")
                )
            parts.append(
                (Status.RED, f"ej {done} vid årets slut" if sv else f"not {done} by the year's end")
            )
            return _text.rule_text(parts, locale)
        due = _text.date_text(self.due, locale)
        parts = [(Status.GREEN, f"{done} senast {due}" if sv else f"{done} by {due}")]
        if self.required is Progress.DONE:
            started = Progress.STARTED.label(locale)
            parts.append(
                (Status.YELLOW, f"{started} före {due}" if sv else f"{started} before {due}")
            )
        parts.append((Status.RED, f"ej {done} senast {due}" if sv else f"not {done} by {due}"))
        return _text.rule_text(parts, locale)

    def explain(self, assessment: Assessment, locale: str = "sv") -> str:
        """Why, in words, e.g. "Påbörjat, ej genomfört före 31 december 2019 → Gult"."""
        sv = language(locale) == "sv"
        a = assessment
        if a.reason == "no_value":
            return _text.verdict("Inget utfall" if sv else "No outcome", a.status, locale)
        state = a.value.label(locale).capitalize() if isinstance(a.value, Progress) else ""
        need = self.required.label(locale)
        due = _text.date_text(self.due, locale) if self.due else ""
        texts = {
            "reached": (f"{state} (krav: {need})", f"{state} (required: {need})"),
            "not_reached": (f"{state}, ej {need}", f"{state}, not {need}"),
            "overdue": (f"{state}, ej {need} i tid", f"{state}, not {need} in time"),
            "in_progress": (f"{state}, ännu ej {need}", f"{state}, not yet {need}"),
            "not_due": (f"{state}, inte försenat än", f"{state}, not late yet"),
            "missing_date": (
                f"{state}; datum för bedömningen saknas",
                f"{state}; no date to judge the deadline by",
            ),
        }
        text = texts[a.reason][0 if sv else 1]
        if due and a.reason in ("overdue", "in_progress", "not_due"):
            text += f" ({'senast' if sv else 'due'} {due})"
        return _text.verdict(text, a.status, locale)


register(
    Family(
        type=Milestone,
        tag="milestone",
        describe=lambda t, locale: t.describe(locale),
        explain=lambda a, locale: a.threshold.explain(a, locale),
    )
)
