"""Milestones: done or not done, with an optional deadline.

Covers "Genomfört", "utförd / Ej utförd", "Plan klar", "Påbörja registrering", "Mål under
2019" and "infört vid årets slut", and the states of an action plan's follow-up: Genomförd,
Påbörjad, Ej påbörjad, Försenad and Avförd / Inställd.

Swedish terms: *ej påbörjat* (not started), *påbörjat* (started), *genomfört* / *utfört* /
*uppnått* / *slutfört* (done), *försenat* (delayed), *avfört* / *inställt* (cancelled),
*senast* (due).
"""

from __future__ import annotations

import datetime as dt
import enum
from types import ModuleType
from typing import Any

import attrs

from styrmodell._errors import ThresholdError
from styrmodell._fields import as_optional_date
from styrmodell._messages import failure, text
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell._thresholds import _draw, _text
from styrmodell._thresholds._base import (
    Assessment,
    Context,
    context_or_default,
    not_assessed,
)
from styrmodell._thresholds._fields import F
from styrmodell._thresholds._kernel import Categories, Kernel
from styrmodell._thresholds._registry import Family, register

__all__ = ["Milestone", "Progress"]

_PROGRESS_RANK = {"NOT_STARTED": 0, "STARTED": 1, "DELAYED": 1, "DONE": 2}


class Progress(enum.Enum):
    """How far a milestone or activity has come: ``NOT_STARTED < STARTED < DONE``.

    ``DELAYED`` (försenad) is begun but behind: as far as ``STARTED`` in the order, yet it
    never meets a requirement. ``CANCELLED`` (avförd / inställd) takes part in no order
    (comparing it raises ``TypeError``): a cancelled milestone is never judged.

    Examples:
        >>> Progress.STARTED < Progress.DONE
        True
        >>> Progress.coerce(True)
        <Progress.DONE: 'done'>
        >>> Progress.DELAYED.label(), Progress.CANCELLED.label("en")
        ('försenat', 'cancelled')
    """

    NOT_STARTED = "not_started"
    STARTED = "started"
    DONE = "done"
    DELAYED = "delayed"
    CANCELLED = "cancelled"

    @property
    def rank(self) -> int:
        """0 (not started), 1 (started or delayed) or 2 (done).

        Raises:
            TypeError: for ``CANCELLED``, which has no place in the order.
        """
        rank = _PROGRESS_RANK.get(self.name)
        if rank is None:
            raise TypeError("Progress.CANCELLED has no order")
        return rank

    def label(self, locale: str = "sv") -> str:
        """The word: "ej påbörjat", "påbörjat", "genomfört" (sv) or English."""
        return text(f"progress.{self.value}", locale)

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


def _required(value: object, at: str = "value") -> Progress:
    progress = F.as_choice(value, at, Progress)
    if progress not in (Progress.STARTED, Progress.DONE):
        raise failure(ThresholdError, "milestone.required", at, value=value)
    return progress


def _colour(value: object, at: str = "value") -> Status:
    """The status a state gets (any status: a plan may call a late activity yellow)."""
    return F.as_choice(value, at, Status)


def _overdue(value: object, at: str = "value") -> Status:
    """The status of an unreached milestone after its due date: a colour."""
    status = _colour(value, at)
    if not status.is_colour:
        raise failure(ThresholdError, "milestone.overdue_colour", at, value=value)
    return status


@attrs.frozen(kw_only=True, field_transformer=F.locate)
class Milestone:
    """Done / not done, with an optional deadline.

    The colour of each state around the deadline (the defaults; each is a setting):

    ==================  ============================  =========================
    state               before the deadline           after it
    ==================  ============================  =========================
    Genomförd           green                         green
    Påbörjad            yellow (*started*)            red (*overdue*)
    Försenad            yellow (*delayed*)            red (*overdue*)
    Ej påbörjad         not assessed (*not_started*)  red (*overdue*)
    Avförd / Inställd   not assessed                  not assessed
    ==================  ============================  =========================

    Reaching *required* is green (``Påbörjad`` reaches a required ``STARTED``; a delayed
    milestone reaches nothing). A cancelled one is ``NOT_ASSESSED`` (``Reason.CANCELLED``),
    never red. Before the deadline nothing is late yet: a not-started milestone is not
    assessed (``Reason.NOT_DUE``). The date judged by is ``context.as_of``, else 31
    December of ``context.year``. Without a deadline (``due=None``) the deadline is 31
    December of ``context.year``; with neither, the milestone is judged as it stands
    ("utförd / Ej utförd": not reached is red).

    Attributes:
        due: The deadline ("Mål under 2019" → 2019-12-31): a date, a datetime or ISO text.
        required: ``Progress.DONE`` ("Genomfört") or ``Progress.STARTED`` ("Påbörjat").
        started: The status of a started milestone before the deadline.
        delayed: The status of a delayed one before the deadline.
        not_started: The status of one not started before the deadline.
        overdue: The status of any unreached one after the deadline (a colour).

    Examples:
        >>> import datetime as dt
        >>> from styrmodell import Context, Milestone, Progress
        >>> rule = Milestone(due=dt.date(2019, 12, 31))
        >>> rule.assess(Progress.STARTED, Context(as_of=dt.date(2019, 8, 31))).status
        <Status.YELLOW: 'yellow'>
        >>> rule.assess(False, Context(year=2019)).status
        <Status.RED: 'red'>
        >>> rule.assess(Progress.CANCELLED, Context(year=2020)).status
        <Status.NOT_ASSESSED: 'not_assessed'>
        >>> strict = Milestone(due=dt.date(2019, 12, 31), delayed=Status.RED)
        >>> strict.assess(Progress.DELAYED, Context(as_of=dt.date(2019, 8, 31))).status
        <Status.RED: 'red'>
    """

    due: dt.date | None = attrs.field(default=None, converter=as_optional_date)
    required: Progress = attrs.field(default=Progress.DONE, converter=_required)
    started: Status = attrs.field(default=Status.YELLOW, converter=_colour)
    delayed: Status = attrs.field(default=Status.YELLOW, converter=_colour)
    not_started: Status = attrs.field(default=Status.NOT_ASSESSED, converter=_colour)
    overdue: Status = attrs.field(default=Status.RED, converter=_overdue)

    def deadline(self, context: Context) -> dt.date | None:
        """The deadline in *context*: ``due``, else 31 December of ``context.year``."""
        if self.due is not None:
            return self.due
        return None if context.year is None else dt.date(context.year, 12, 31)

    def assess(self, value: Any, context: Context | None = None) -> Assessment:
        """Judge the progress *value* (a ``Progress`` or a bool) at ``context.as_of``."""
        ctx = context_or_default(context)
        if value is None:
            return not_assessed(self, None, Reason.NO_VALUE)
        progress = Progress.coerce(value)
        if progress is Progress.CANCELLED:
            return Assessment(Status.NOT_ASSESSED, progress, self, Reason.CANCELLED)
        if progress is not Progress.DELAYED and progress >= self.required:
            return Assessment(Status.GREEN, progress, self, Reason.REACHED)
        deadline = self.deadline(ctx)
        if deadline is None:
            return Assessment(self.overdue, progress, self, Reason.NOT_REACHED)
        on = ctx.as_of or (dt.date(ctx.year, 12, 31) if ctx.year is not None else None)
        if on is None:
            return Assessment(Status.NOT_ASSESSED, progress, self, Reason.MISSING_DATE)
        if on > deadline or (on == deadline and ctx.as_of is None):
            return Assessment(self.overdue, progress, self, Reason.OVERDUE)
        if progress is Progress.STARTED:
            return Assessment(self.started, progress, self, Reason.IN_PROGRESS)
        if progress is Progress.DELAYED:
            return Assessment(self.delayed, progress, self, Reason.DELAYED)
        return Assessment(self.not_started, progress, self, Reason.NOT_DUE)


def describe_milestone(rule: Milestone, locale: str) -> str:
    """The rule in plan language, e.g. "Grönt: genomfört senast 31 december 2019, …".

    The states whose colour before the deadline is the default's and not a colour
    (not started) go unsaid; a setting that changes a colour is said.
    """
    done = rule.required.label(locale)
    started = Progress.STARTED.label(locale)
    parts: list[tuple[Status, str]] = []
    if rule.due is None:
        parts.append((Status.GREEN, done))
        before = [
            (rule.started, text("milestone.describe.started_this_year", locale, started=started))
        ]
        for state, status in (
            (Progress.DELAYED, rule.delayed),
            (Progress.NOT_STARTED, rule.not_started),
        ):
            before.append(
                (
                    status,
                    text("milestone.describe.state_this_year", locale, state=state.label(locale)),
                )
            )
        late = text("milestone.describe.not_by_year_end", locale, done=done)
    else:
        parts.append((Status.GREEN, text("milestone.describe.by", locale, done=done, due=rule.due)))
        before = [
            (
                rule.started,
                text("milestone.describe.started_before", locale, started=started, due=rule.due),
            )
        ]
        for state, status in (
            (Progress.DELAYED, rule.delayed),
            (Progress.NOT_STARTED, rule.not_started),
        ):
            before.append(
                (
                    status,
                    text(
                        "milestone.describe.started_before",
                        locale,
                        started=state.label(locale),
                        due=rule.due,
                    ),
                )
            )
        late = text("milestone.describe.not_by", locale, done=done, due=rule.due)
    if rule.required is Progress.DONE:
        parts.append(before[0])
    if rule.delayed is not Status.YELLOW:
        parts.append(before[1])
    if rule.not_started is not Status.NOT_ASSESSED:
        parts.append(before[2])
    parts.append((rule.overdue, late))
    by_status: dict[Status, str] = {}
    for status, said in parts:
        if not status.is_colour:
            continue
        known = by_status.get(status)
        by_status[status] = (
            said if known is None else text("words.or", locale, first=known, second=said)
        )
    return _text.rule_text([(s, by_status[s]) for s in _COLOURS if s in by_status], locale)


_COLOURS = (Status.GREEN, Status.YELLOW, Status.RED)
_DUE_SHOWN = (Reason.OVERDUE, Reason.IN_PROGRESS, Reason.NOT_DUE, Reason.DELAYED)


def explain_milestone(a: Assessment, locale: str) -> str:
    """Why, in words, e.g. "Påbörjat, ännu ej genomfört (senast 31 december 2019) → Gult"."""
    rule: Milestone = a.threshold  # type: ignore[assignment]
    status = a.status.label(locale)
    if a.reason is Reason.NO_VALUE:
        return text("threshold.explain.no_value", locale, status=status)
    state = a.value.label(locale).capitalize() if isinstance(a.value, Progress) else ""
    need = rule.required.label(locale)
    said = text(f"milestone.explain.{a.reason.value}", locale, state=state, need=need)
    if rule.due is not None and a.reason in _DUE_SHOWN:
        said = text("milestone.explain.due", locale, text=said, due=rule.due)
    return _text.verdict(said, a.status, locale)


def milestone_strategy(st: ModuleType) -> Any:
    """Valid milestones, with or without a deadline, with the default colours of the states.

    The defaults are what a plan's text says and :func:`~styrmodell.parse_threshold` reads
    back.
    """
    return st.builds(
        Milestone,
        due=st.none() | st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)),
        required=st.sampled_from([Progress.STARTED, Progress.DONE]),
    )


def milestone_values(st: ModuleType, rule: Milestone) -> Any:
    """How far it has come: a ``Progress`` or a bool.

    Not ``CANCELLED``: a cancelled milestone is never judged, whatever the context.
    """
    return st.sampled_from([p for p in Progress if p is not Progress.CANCELLED]) | st.booleans()


def dated_contexts(st: ModuleType, rule: object) -> Any:
    """A context with a year and an assessment date within it (milestones, durations)."""
    return _draw.years(st).flatmap(
        lambda year: st.builds(Context, year=st.just(year), as_of=_draw.dates_in(st, year))
    )


def milestone_kernel(rule: Milestone, context: Context) -> Kernel:
    """A mapping: each state (and done / not done as true / false) judged once.

    Judged by the date of the assessment.
    """
    labels = {p.value: rule.assess(p, context) for p in Progress}
    labels["true"], labels["false"] = rule.assess(True, context), rule.assess(False, context)
    return Kernel(measure=Categories({k: (a.status, a.reason) for k, a in labels.items()}))


MILESTONE = register(
    Family(
        type=Milestone,
        tag="milestone",
        describe=describe_milestone,
        explain=explain_milestone,
        strategy=milestone_strategy,
        values=milestone_values,
        contexts=dated_contexts,
        kernel=milestone_kernel,
    )
)
