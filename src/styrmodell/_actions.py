"""Action plans (handlingsplaner) and their activities, and how far they have come.

Swedish terms: *handlingsplan* (an :class:`ActionPlan`, made per förvaltning or enhet after
the verksamhetsplan), *aktivitet* / *åtgärd* / *insats* (an :class:`Activity`), *vad* (what),
*varför* (why: the expected effect that leads to the goal), *vem/funktion* (who is
responsible), *när* (when: Q1..Q4 or a date), *hur* (how it is followed up),
*genomförandegrad* (share done), *försenad* (overdue), *ej påbörjat / påbörjat / genomfört*
(:class:`~styrmodell.Progress`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import PlanError, Problem
from styrmodell._fields import Fields, as_optional_date, as_text
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import format_number
from styrmodell._messages import failure, problem, text
from styrmodell._period import Period, as_year
from styrmodell._safe import printable
from styrmodell._thresholds._milestone import Progress

__all__ = ["ActionPlan", "Activity", "Share"]

F = Fields(PlanError)

_REQUIRED = ("what", "why", "who", "when", "how", "goals")
"""What an activity must hold by Oxelösund's rule; each is "actions.field.<name>" in words."""

# Vocabulary for reading progress as the plans write it (not wording for people: the labels
# of Progress come from the catalogs).
_PROGRESS_WORDS = {
    "ej påbörjat": Progress.NOT_STARTED,
    "ej påbörjad": Progress.NOT_STARTED,
    "not started": Progress.NOT_STARTED,
    "påbörjat": Progress.STARTED,
    "påbörjad": Progress.STARTED,
    "started": Progress.STARTED,
    "genomfört": Progress.DONE,
    "genomförd": Progress.DONE,
    "done": Progress.DONE,
    "slutfört": Progress.DONE,
    "slutförd": Progress.DONE,
    "försenat": Progress.DELAYED,
    "försenad": Progress.DELAYED,
    "delayed": Progress.DELAYED,
    "avfört": Progress.CANCELLED,
    "avförd": Progress.CANCELLED,
    "inställt": Progress.CANCELLED,
    "inställd": Progress.CANCELLED,
    "cancelled": Progress.CANCELLED,
}


def _as_filled(value: object, at: str = "value") -> str:
    if not isinstance(value, str) or not value.strip():
        raise failure(PlanError, "calendar.expected_filled", at, value=value)
    return value


def _as_when(value: object, at: str = "value") -> dt.date | str | None:
    """A quarter ("Q2", "q2", "kvartal 2" → "Q2"), a date (ISO text is read) or None."""
    if value is None:
        return None
    if isinstance(value, str) and len(value) <= 20:
        word = value.strip().lower()
        number = word.removeprefix("kvartal").removeprefix("q").strip()
        if word != number and number in ("1", "2", "3", "4"):
            return f"Q{number}"
    try:
        return F.as_date(value, at)
    except PlanError:
        raise failure(PlanError, "actions.expected_when", at, value=value) from None


def _as_progress(value: object, at: str = "value") -> Progress:
    if isinstance(value, Progress):
        return value
    if isinstance(value, bool):
        return Progress.DONE if value else Progress.NOT_STARTED
    if isinstance(value, str):
        found = _PROGRESS_WORDS.get(" ".join(value.lower().split()))
        if found is not None:
            return found
        try:
            return F.as_choice(value, at, Progress)
        except PlanError:
            pass
    raise failure(PlanError, "actions.expected_progress", at, value=value)


def _as_goal_ids(value: object, at: str = "value") -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise failure(PlanError, "actions.expected_goal_ids", at, value=value)
    out: dict[str, None] = {}
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise failure(PlanError, "actions.expected_goal_id", f"{at}[{i}]", value=item)
        out[item.strip()] = None
    return tuple(out)


@attrs.frozen(field_transformer=F.locate)
class Activity:
    """One activity of a handlingsplan: what, why, who, when, how, and how far it has come.

    Attributes:
        id: An id unique within its plan ("ÄF-1").
        what: What is done (vad).
        goals: The ids of the goals it serves (mål), in order; duplicates dropped.
        why: The expected effect that leads towards the goal (varför).
        who: The function responsible (vem/funktion): "enhetschef", "MAS".
        unit: The responsible unit (förvaltning, enhet): "ÄF", "SOF"; empty means the plan's.
        when: When it is to be done: ``"Q1"``..``"Q4"`` of the plan's year, a date (ISO
            text is read), or ``None``. "kvartal 2" and "q2" read as ``"Q2"``.
        how: How it is followed up (hur uppföljningen ska göras).
        progress: :class:`~styrmodell.Progress`; also accepts a bool or "genomfört",
            "påbörjat", "ej påbörjat".

    Examples:
        >>> a = Activity("ÄF-1", "Införa digital nyckelhantering", goals=["N4"], when="q2",
        ...              progress="påbörjat")
        >>> a.when, a.progress.label()
        ('Q2', 'påbörjat')
    """

    id: str = attrs.field(converter=_as_filled)
    what: str = attrs.field(converter=_as_filled)
    goals: tuple[str, ...] = attrs.field(default=(), converter=_as_goal_ids, kw_only=True)
    why: str = attrs.field(default="", converter=as_text, kw_only=True)
    who: str = attrs.field(default="", converter=as_text, kw_only=True)
    unit: str = attrs.field(default="", converter=as_text, kw_only=True)
    when: dt.date | str | None = attrs.field(default=None, converter=_as_when, kw_only=True)
    how: str = attrs.field(default="", converter=as_text, kw_only=True)
    progress: Progress = attrs.field(
        default=Progress.NOT_STARTED, converter=_as_progress, kw_only=True
    )

    @property
    def is_done(self) -> bool:
        """True when the activity is genomförd."""
        return self.progress is Progress.DONE

    def deadline(self, year: int) -> dt.date | None:
        """The last day to get it done: the end of its quarter of *year*, or its date."""
        if isinstance(self.when, str):
            return Period.quarter(year, int(self.when[1])).end
        return self.when

    def when_label(self, year: int, locale: str = "sv") -> str:
        """When, for people: "Q2 2024", "2024-03-15", or "ej angivet" / "not given"."""
        if isinstance(self.when, str):
            return text("actions.when_quarter", locale, quarter=self.when, year=year)
        if self.when is None:
            return text("actions.when_not_given", locale)
        return self.when.isoformat()


def _as_count(value: object, at: str = "value") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise failure(PlanError, "share.expected_count", at, value=value)
    return value


@attrs.frozen(field_transformer=F.locate)
class Share:
    r"""How many of some activities are done: ``done`` of ``total``.

    Examples:
        >>> Share(3, 4).ratio
        Decimal('0.75')
        >>> Share(3, 4).label()
        '3 av 4 (75\xa0%)'
    """

    done: int = attrs.field(converter=_as_count)
    total: int = attrs.field(converter=_as_count)

    def __attrs_post_init__(self) -> None:
        if self.done > self.total:
            raise failure(
                PlanError, "share.out_of_range", "Share", done=self.done, total=self.total
            )

    @property
    def ratio(self) -> Decimal | None:
        """``done / total`` as an exact Decimal, or ``None`` when there is nothing to count."""
        if self.total == 0:
            return None
        return Decimal(self.done) / Decimal(self.total)

    def label(self, locale: str = "sv") -> str:
        """The share for people: "3 av 4 (75 %)" (sv, whole percent) or "3 of 4 (75%)" (en)."""
        ratio = self.ratio
        if ratio is None:
            return text("share.label_empty", locale, done=self.done, total=self.total)
        percent = format_number((ratio * 100).quantize(Decimal(1)), locale)
        return text("share.label", locale, done=self.done, total=self.total, percent=percent)


def _as_activities(value: object, at: str = "value") -> tuple[Activity, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise failure(PlanError, "calendar.expected_collection", at, value=value)
    items = tuple(value)
    problems = [
        problem("actions.expected_activity", f"{at}[{i}]", value=item)
        for i, item in enumerate(items)
        if not isinstance(item, Activity)
    ]
    if problems:
        raise PlanError("\n".join(map(str, problems)), problems=problems)
    return items


@attrs.frozen(field_transformer=F.locate)
class ActionPlan:
    r"""A handlingsplan: the activities of a förvaltning or enhet for one year.

    Attributes:
        name: "Handlingsplan äldreomsorgsförvaltningen 2023".
        year: The year the activities' quarters refer to.
        activities: The :class:`Activity` s; their ids must be unique.
        unit: The unit the plan belongs to; an activity without a unit counts for it.
        decided_by: Who decided it ("förvaltningschef").
        decided: When it was decided, or ``None`` if not yet.

    Raises:
        PlanError: listing every duplicate activity id in ``problems``
            (``activities[3].id``, code ``"actions.duplicate_id"``).

    Examples:
        >>> plan = ActionPlan("HP ÄF 2023", 2023, [
        ...     Activity("1", "Kartlägga", goals=["N1"], when="Q1", progress="genomfört"),
        ...     Activity("2", "Utbilda", goals=["N1", "N2"], when="Q2"),
        ... ], unit="ÄF")
        >>> plan.share_done(as_of=dt.date(2023, 7, 1)).label()
        '1 av 2 (50\xa0%)'
        >>> [a.id for a in plan.overdue(as_of=dt.date(2023, 7, 1))]
        ['2']
    """

    name: str = attrs.field(converter=_as_filled)
    year: int = attrs.field(converter=as_year)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_as_activities)
    unit: str = attrs.field(default="", converter=as_text, kw_only=True)
    decided_by: str = attrs.field(default="", converter=as_text, kw_only=True)
    decided: dt.date | None = attrs.field(default=None, converter=as_optional_date, kw_only=True)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        problems = []
        for i, activity in enumerate(self.activities):
            if activity.id in seen:
                problems.append(
                    problem(
                        "actions.duplicate_id",
                        f"activities[{i}].id",
                        value=activity.id,
                        first=seen[activity.id],
                    )
                )
            seen.setdefault(activity.id, i)
        if problems:
            raise self._error(problems)

    def _error(self, problems: list[Problem]) -> PlanError:
        message = f"ActionPlan {self.name!r}: " + "; ".join(map(str, problems))
        return PlanError(message, problems=problems)

    # -- links and completeness --------------------------------------------------------

    @property
    def goal_ids(self) -> frozenset[str]:
        """Every goal id an activity links to."""
        return frozenset(g for a in self.activities for g in a.goals)

    def check_goals(self, known: Any) -> None:
        """Raise if an activity links to a goal that is not in *known*: a Plan, or goal ids.

        A :class:`~styrmodell.Plan` checks the links of its own ``action_plans`` when it is
        built; this is for an action plan kept apart from its plan.

        Raises:
            PlanError: naming every bad link in ``problems``: path ``activities[i].goals[j]``,
                code ``"actions.unknown_goal"``, the goal id as value.
        """
        all_goals = getattr(known, "all_goals", None)
        if callable(all_goals):
            known_ids = frozenset(goal.id for goal in all_goals())
        else:
            known_ids = frozenset(known)
        problems = self._link_problems(known_ids)
        if problems:
            raise self._error(problems)

    def link_problems(self, goal_ids: frozenset[str], *, path: str = "") -> list[Problem]:
        """Every activity goal link not in *goal_ids*, at ``activities[i].goals[j]``.

        *path* is put in front of each problem's path (``"action_plans[0]."``);
        :meth:`check_goals` raises the same problems.

        Example:
            >>> from styrmodell import ActionPlan, Activity
            >>> plan = ActionPlan("VON", 2024, [Activity("A-1", "Träffpunkt", goals=["N-9"])])
            >>> found = plan.link_problems(frozenset({"N-1"}))
            >>> found[0].path, found[0].code, found[0].value
            ('activities[0].goals[0]', 'actions.unknown_goal', 'N-9')
        """
        return [
            attrs.evolve(found, path=f"{path}{found.path}")
            for found in self._link_problems(goal_ids)
        ]

    def _link_problems(self, goal_ids: frozenset[str]) -> list[Problem]:
        return [
            problem(
                "actions.unknown_goal",
                f"activities[{i}].goals[{j}]",
                value=goal,
                activity=repr(a.id),
            )
            for i, a in enumerate(self.activities)
            for j, goal in enumerate(a.goals)
            if goal not in goal_ids
        ]

    def missing(
        self, *, required: Iterable[str] = _REQUIRED, locale: str = "sv"
    ) -> tuple[str, ...]:
        """What each activity lacks of *required* (default: what, why, who, when, how, goals).

        Oxelösund's rule is that a handlingsplan holds, for every activity, what is done,
        why (the expected effect), who is responsible, when (Q1..Q4) and how it is followed
        up; this lists every gap as ``"activities[2] (ÄF-3): varför saknas"`` (the words
        from the catalogs, the activity's id made safe to print).

        Raises:
            PlanError: for a name in *required* that is not a field of an activity.
        """
        fields = tuple(required)
        for name in fields:
            if name not in _REQUIRED:
                raise failure(
                    PlanError,
                    "actions.unknown_required",
                    "ActionPlan.missing",
                    value=name,
                    expected=repr(_REQUIRED),
                )
        out = []
        for i, activity in enumerate(self.activities):
            for name in fields:
                value = getattr(activity, name)
                if value is None or value == "" or value == ():
                    out.append(
                        text(
                            "actions.missing",
                            locale,
                            path=f"activities[{i}]",
                            id=printable(activity.id, newlines=False),
                            field=text(f"actions.field.{name}", locale),
                        )
                    )
        return tuple(out)

    # -- follow-up ----------------------------------------------------------------------

    def deadline(self, activity: Activity) -> dt.date | None:
        """The activity's last day: the end of its quarter of the plan's year, or its date."""
        return activity.deadline(self.year)

    def _due(self, as_of: dt.date | None) -> list[Activity]:
        if as_of is None:
            return list(self.activities)
        _check_as_of(as_of)
        return [
            a for a in self.activities if (d := a.deadline(self.year)) is not None and d <= as_of
        ]

    def share_done(self, as_of: dt.date | None = None) -> Share:
        """How many of the activities due by *as_of* are done (all activities if ``None``).

        An activity is due by *as_of* when its deadline (its quarter's last day, or its
        date) is on or before it; activities without ``when`` are never due.
        """
        due = self._due(as_of)
        return Share(sum(a.is_done for a in due), len(due))

    def share_done_per_goal(self, as_of: dt.date | None = None) -> FrozenMap[str, Share]:
        """:meth:`share_done` for each goal id (an activity counts for each of its goals)."""
        counts: dict[str, list[int]] = {}
        for activity in self._due(as_of):
            for goal in activity.goals:
                pair = counts.setdefault(goal, [0, 0])
                pair[0] += activity.is_done
                pair[1] += 1
        return FrozenMap({k: Share(d, t) for k, (d, t) in sorted(counts.items())})

    def share_done_per_unit(self, as_of: dt.date | None = None) -> FrozenMap[str, Share]:
        """:meth:`share_done` for each responsible unit (the plan's unit when none is given)."""
        counts: dict[str, list[int]] = {}
        for activity in self._due(as_of):
            pair = counts.setdefault(activity.unit or self.unit, [0, 0])
            pair[0] += activity.is_done
            pair[1] += 1
        return FrozenMap({k: Share(d, t) for k, (d, t) in sorted(counts.items())})

    def is_overdue(self, activity: Activity, as_of: dt.date) -> bool:
        """True when *activity* is past its quarter (or date) on *as_of* and not done."""
        deadline = activity.deadline(self.year)
        return deadline is not None and deadline < as_of and not activity.is_done

    def overdue(self, as_of: dt.date) -> tuple[Activity, ...]:
        """The activities past their quarter (or date) on *as_of* and not done (försenade)."""
        _check_as_of(as_of)
        return tuple(a for a in self.activities if self.is_overdue(a, as_of))


def _check_as_of(value: object) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise failure(PlanError, "actions.expected_date", "as_of", value=value)
