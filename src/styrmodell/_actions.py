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
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from styrmodell._errors import PlanError
from styrmodell._frozenmap import FrozenMap
from styrmodell._locale import format_number, language
from styrmodell._period import Period
from styrmodell._thresholds._milestone import Progress

__all__ = ["ActionPlan", "Activity", "Share"]

_QUARTER = re.compile(r"(?:q|kvartal\s*)([1-4])", re.IGNORECASE)

_FIELDS_SV = {
    "what": "vad",
    "why": "varför",
    "who": "vem/funktion",
    "when": "när",
    "how": "hur uppföljningen görs",
    "goals": "mål",
}
_REQUIRED = ("what", "why", "who", "when", "how", "goals")


def _text(what: str, *, empty: bool = True) -> Any:
    def check(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
        if not isinstance(value, str) or (not empty and not value.strip()):
            expected = "a text" if empty else "a non-empty text"
            raise PlanError(f"{_where(instance)}.{what}: expected {expected}, got {value!r}")

    return check


def _where(instance: object) -> str:
    ident = getattr(instance, "id", None)
    name = type(instance).__name__
    return f"{name} {ident!r}" if isinstance(ident, str) and ident.strip() else name


def _when(value: object) -> dt.date | str | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        match = _QUARTER.fullmatch(value.strip())
        if match:
            return f"Q{match[1]}"
    raise PlanError(f"Activity.when: expected 'Q1'..'Q4', a datetime.date or None, got {value!r}")


def _progress(value: object) -> Progress:
    if isinstance(value, Progress):
        return value
    if isinstance(value, bool):
        return Progress.DONE if value else Progress.NOT_STARTED
    if isinstance(value, str):
        word = value.strip().lower()
        for member in Progress:
            if word in (member.value, member.label("sv"), member.label("en")):
                return member
    raise PlanError(
        "Activity.progress: expected a Progress, a bool or one of "
        f"'not_started', 'started', 'done', 'ej påbörjat', 'påbörjat', 'genomfört', got {value!r}"
    )


def _goal_ids(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise PlanError(f"Activity.goals: expected goal ids, got {value!r}")
    out: dict[str, None] = {}
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise PlanError(f"Activity.goals[{i}]: expected a non-empty goal id, got {item!r}")
        out[item.strip()] = None
    return tuple(out)


@attrs.frozen
class Activity:
    """One activity of a handlingsplan: what, why, who, when, how, and how far it has come.

    Attributes:
        id: An id unique within its plan ("ÄF-1").
        what: What is done (vad).
        goals: The ids of the goals it serves (mål), in order; duplicates dropped.
        why: The expected effect that leads towards the goal (varför).
        who: The function responsible (vem/funktion): "enhetschef", "MAS".
        unit: The responsible unit (förvaltning, enhet): "ÄF", "SOF"; empty means the plan's.
        when: When it is to be done: ``"Q1"``..``"Q4"`` of the plan's year, a date, or
            ``None``. "kvartal 2" and "q2" read as ``"Q2"``.
        how: How it is followed up (hur uppföljningen ska göras).
        progress: :class:`~styrmodell.Progress`; also accepts a bool or "genomfört",
            "påbörjat", "ej påbörjat".

    Examples:
        >>> a = Activity("ÄF-1", "Införa digital nyckelhantering", goals=["N4"], when="q2",
        ...              progress="påbörjat")
        >>> a.when, a.progress.label()
        ('Q2', 'påbörjat')
    """

    id: str = attrs.field(validator=_text("id", empty=False))
    what: str = attrs.field(validator=_text("what", empty=False))
    goals: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_goal_ids)
    why: str = attrs.field(default="", kw_only=True, validator=_text("why"))
    who: str = attrs.field(default="", kw_only=True, validator=_text("who"))
    unit: str = attrs.field(default="", kw_only=True, validator=_text("unit"))
    when: dt.date | str | None = attrs.field(default=None, kw_only=True, converter=_when)
    how: str = attrs.field(default="", kw_only=True, validator=_text("how"))
    progress: Progress = attrs.field(
        default=Progress.NOT_STARTED, kw_only=True, converter=_progress
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
            return f"{self.when} {year}"
        if self.when is None:
            return "ej angivet" if language(locale) == "sv" else "not given"
        return self.when.isoformat()


@attrs.frozen
class Share:
    r"""How many of some activities are done: ``done`` of ``total``.

    Examples:
        >>> Share(3, 4).ratio
        Decimal('0.75')
        >>> Share(3, 4).label()
        '3 av 4 (75\xa0%)'
    """

    done: int
    total: int

    def __attrs_post_init__(self) -> None:
        for count in (self.done, self.total):
            if isinstance(count, bool) or not isinstance(count, int):
                raise PlanError(
                    f"Share: expected whole numbers, got {self.done!r} of {self.total!r}"
                )
        if not 0 <= self.done <= self.total:
            raise PlanError(f"Share: expected 0 ≤ done ≤ total, got {self.done} of {self.total}")

    @property
    def ratio(self) -> Decimal | None:
        """``done / total`` as an exact Decimal, or ``None`` when there is nothing to count."""
        if self.total == 0:
            return None
        return Decimal(self.done) / Decimal(self.total)

    def label(self, locale: str = "sv") -> str:
        """The share for people: "3 av 4 (75 %)" (sv, whole percent) or "3 of 4 (75%)" (en)."""
        sv = language(locale) == "sv"
        head = f"{self.done} {'av' if sv else 'of'} {self.total}"
        ratio = self.ratio
        if ratio is None:
            return head
        percent = format_number((ratio * 100).quantize(Decimal(1)), locale)
        return f"{head} ({percent}\xa0%)" if sv else f"{head} ({percent}%)"


def _activities(value: object) -> tuple[Activity, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise PlanError(f"ActionPlan.activities: expected a collection, got {value!r}")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, Activity):
            raise PlanError(f"ActionPlan.activities[{i}]: expected an Activity, got {item!r}")
    return items


def _year(instance: object, attribute: object, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        raise PlanError(f"ActionPlan.year: expected a year as int, got {value!r}")


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, dt.date) or isinstance(value, dt.datetime)):
        raise PlanError(
            f"ActionPlan.{attribute.name}: expected a datetime.date or None, got {value!r}"
        )


@attrs.frozen
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
        PlanError: listing every duplicate activity id.

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

    name: str = attrs.field(validator=_text("name", empty=False))
    year: int = attrs.field(validator=_year)
    activities: tuple[Activity, ...] = attrs.field(default=(), converter=_activities)
    unit: str = attrs.field(default="", kw_only=True, validator=_text("unit"))
    decided_by: str = attrs.field(default="", kw_only=True, validator=_text("decided_by"))
    decided: dt.date | None = attrs.field(default=None, kw_only=True, validator=_optional_date)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, int] = {}
        problems = []
        for i, activity in enumerate(self.activities):
            if activity.id in seen:
                problems.append(
                    f"ActionPlan {self.name!r}: activities[{i}].id {activity.id!r} "
                    f"repeats activities[{seen[activity.id]}]"
                )
            seen.setdefault(activity.id, i)
        if problems:
            raise PlanError("; ".join(problems), problems=problems)

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
            PlanError: naming every bad link as ``activities[i].goals[j]`` with the id.
        """
        all_goals = getattr(known, "all_goals", None)
        if callable(all_goals):
            known_ids = frozenset(goal.id for goal in all_goals())
        else:
            known_ids = frozenset(known)
        problems = [
            f"ActionPlan {self.name!r}: {problem}" for problem in self.link_problems(known_ids)
        ]
        if problems:
            raise PlanError("; ".join(problems), problems=problems)

    def link_problems(self, goal_ids: frozenset[str], *, path: str = "") -> list[str]:
        """Every activity goal link not in *goal_ids*, as ``activities[i].goals[j]: …``."""
        return [
            f"{path}activities[{i}].goals[{j}]: {goal!r} (activity {a.id!r}) "
            "is not a goal of the plan"
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
        up; this lists every gap as ``"activities[2] (ÄF-3): varför saknas"``.

        Raises:
            PlanError: for a name in *required* that is not a field of an activity.
        """
        fields = tuple(required)
        for name in fields:
            if name not in _FIELDS_SV:
                raise PlanError(
                    f"ActionPlan.missing: unknown field {name!r}; expected some of {_REQUIRED}"
                )
        sv = language(locale) == "sv"
        out = []
        for i, activity in enumerate(self.activities):
            for name in fields:
                value = getattr(activity, name)
                if value is None or value == "" or value == ():
                    what = _FIELDS_SV[name] if sv else name
                    word = "saknas" if sv else "missing"
                    out.append(f"activities[{i}] ({activity.id}): {what} {word}")
        return tuple(out)

    # -- follow-up ----------------------------------------------------------------------

    def deadline(self, activity: Activity) -> dt.date | None:
        """The activity's last day: the end of its quarter of the plan's year, or its date."""
        return activity.deadline(self.year)

    def _due(self, as_of: dt.date | None) -> list[Activity]:
        if as_of is None:
            return list(self.activities)
        if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
            raise PlanError(f"as_of: expected a datetime.date or None, got {as_of!r}")
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
        if not isinstance(as_of, dt.date) or isinstance(as_of, dt.datetime):
            raise PlanError(f"as_of: expected a datetime.date, got {as_of!r}")
        return tuple(a for a in self.activities if self.is_overdue(a, as_of))
