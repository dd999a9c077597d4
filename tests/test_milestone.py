from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import styrmodell as sm
from _cases import assert_copies_equal
from styrmodell import Context, Milestone, Progress, Status, ThresholdError
from styrmodell.strategies import contexts_for, milestones, values_for

G, Y, R, NA = Status.GREEN, Status.YELLOW, Status.RED, Status.NOT_ASSESSED
NOT_STARTED, STARTED, DONE = Progress.NOT_STARTED, Progress.STARTED, Progress.DONE
DUE = dt.date(2019, 12, 31)
TENA = Milestone(due=DUE)  # "Mål under 2019"

colours = st.sampled_from(Status)
configured = st.builds(
    Milestone,
    due=st.none() | st.dates(dt.date(2010, 1, 1), dt.date(2030, 12, 31)),
    required=st.sampled_from([Progress.STARTED, Progress.DONE]),
    started=colours,
    delayed=colours,
    not_started=colours,
    overdue=st.sampled_from([Status.GREEN, Status.YELLOW, Status.RED]),
)


def test_progress_is_ordered():
    assert NOT_STARTED < STARTED < DONE
    assert DONE >= STARTED
    assert STARTED <= STARTED
    assert DONE > NOT_STARTED
    assert sorted([DONE, NOT_STARTED, STARTED]) == [NOT_STARTED, STARTED, DONE]
    assert [p.rank for p in (NOT_STARTED, STARTED, DONE)] == [0, 1, 2]
    with pytest.raises(TypeError):
        _ = DONE < 1


@pytest.mark.parametrize(
    ("progress", "sv", "en"),
    [
        (NOT_STARTED, "ej påbörjat", "not started"),
        (STARTED, "påbörjat", "started"),
        (DONE, "genomfört", "done"),
    ],
)
def test_progress_labels(progress, sv, en):
    assert progress.label() == sv
    assert progress.label("en") == en


def test_progress_coerce():
    assert Progress.coerce(True) is DONE
    assert Progress.coerce(False) is NOT_STARTED
    assert Progress.coerce(STARTED) is STARTED
    for bad in (1, "done", None, 0.5):
        with pytest.raises(ThresholdError, match=repr(bad)):
            Progress.coerce(bad)


@pytest.mark.parametrize(
    ("value", "ctx", "status", "reason"),
    [
        (DONE, Context(as_of=dt.date(2020, 5, 1)), G, "reached"),
        (True, Context(), G, "reached"),
        (STARTED, Context(as_of=dt.date(2019, 8, 31)), Y, "in_progress"),
        (STARTED, Context(as_of=DUE), Y, "in_progress"),
        (STARTED, Context(as_of=dt.date(2020, 1, 1)), R, "overdue"),
        (NOT_STARTED, Context(as_of=dt.date(2019, 8, 31)), NA, "not_due"),
        (False, Context(as_of=dt.date(2020, 1, 1)), R, "overdue"),
        (False, Context(year=2019), R, "overdue"),  # judged at the end of the year
        (STARTED, Context(year=2019), R, "overdue"),
        (STARTED, Context(year=2018), Y, "in_progress"),
        (STARTED, Context(), NA, "missing_date"),
        (None, Context(), NA, "no_value"),
    ],
)
def test_with_a_deadline(value, ctx, status, reason):
    a = TENA.assess(value, ctx)
    assert (a.status, a.reason) == (status, reason)
    if value is not None:
        assert a.value is Progress.coerce(value)


@pytest.mark.parametrize(
    ("value", "ctx", "status", "reason"),
    [
        (True, Context(), G, "reached"),  # "utförd"
        (False, Context(), R, "not_reached"),  # "Ej utförd"
        (STARTED, Context(), R, "not_reached"),
        (STARTED, Context(year=2019, as_of=dt.date(2019, 6, 1)), Y, "in_progress"),
        (STARTED, Context(year=2019), R, "overdue"),
    ],
)
def test_without_a_deadline(value, ctx, status, reason):
    a = Milestone().assess(value, ctx)
    assert (a.status, a.reason) == (status, reason)


def test_started_is_enough_when_required():
    rule = Milestone(required=STARTED, due=dt.date(2019, 6, 30))  # "Påbörja registrering"
    assert rule.assess(STARTED, Context(year=2019)).status is G
    assert rule.assess(DONE, Context(year=2019)).status is G
    assert rule.assess(False, Context(as_of=dt.date(2019, 7, 1))).status is R
    assert rule.assess(False, Context(as_of=dt.date(2019, 6, 1))).status is NA


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"due": "31 december 2019"}, "Milestone.due"),
        ({"due": 2019}, "due"),
        ({"required": NOT_STARTED}, "required"),
        ({"required": True}, "required"),
    ],
)
def test_invalid_fields_raise(kwargs, match):
    with pytest.raises(ThresholdError, match=match):
        Milestone(**kwargs)


def test_datetimes_become_dates():
    assert Milestone(due=dt.datetime(2019, 12, 31, 23, 59)) == TENA
    assert Context(as_of=dt.datetime(2019, 8, 31, 12)).as_of == dt.date(2019, 8, 31)


def test_iso_dates_are_read_as_everywhere():
    assert Milestone(due="2019-12-31") == TENA
    assert Milestone(required="started") == Milestone(required=sm.Progress.STARTED)
    assert Context(as_of="2019-08-31").as_of == dt.date(2019, 8, 31)


@pytest.mark.parametrize("value", [1, 0, "done", 1.0, "ja"])
def test_non_progress_values_raise_naming_the_value(value):
    with pytest.raises(ThresholdError) as info:
        TENA.assess(value, Context(year=2019))
    assert repr(value) in str(info.value)


@pytest.mark.parametrize(
    ("rule", "value", "ctx", "sv", "en"),
    [
        (
            TENA,
            STARTED,
            Context(as_of=dt.date(2019, 8, 31)),
            "Påbörjat, ännu ej genomfört (senast 31 december 2019) → Gult",
            "Started, not yet done (due December 31, 2019) → Yellow",
        ),
        (
            TENA,
            False,
            Context(year=2019),
            "Ej påbörjat, ej genomfört i tid (senast 31 december 2019) → Rött",
            "Not started, not done in time (due December 31, 2019) → Red",
        ),
        (
            TENA,
            NOT_STARTED,
            Context(as_of=dt.date(2019, 3, 1)),
            "Ej påbörjat, inte försenat än (senast 31 december 2019) → Ej bedömd",
            "Not started, not late yet (due December 31, 2019) → Not assessed",
        ),
        (
            TENA,
            STARTED,
            Context(),
            "Påbörjat; datum för bedömningen saknas → Ej bedömd",
            "Started; no date to judge the deadline by → Not assessed",
        ),
        (
            Milestone(),
            True,
            Context(),
            "Genomfört (krav: genomfört) → Grönt",
            "Done (required: done) → Green",
        ),
        (
            Milestone(),
            False,
            Context(),
            "Ej påbörjat, ej genomfört → Rött",
            "Not started, not done → Red",
        ),
        (Milestone(), None, Context(), "Inget utfall → Ej bedömd", "No outcome → Not assessed"),
    ],
)
def test_explain(rule, value, ctx, sv, en):
    a = rule.assess(value, ctx)
    assert a.explain() == sv
    assert a.explain("en") == en


@pytest.mark.parametrize(
    ("rule", "sv", "en"),
    [
        (
            Milestone(),
            "Grönt: genomfört, Gult: påbörjat under året, Rött: ej genomfört vid årets slut",
            "Green: done, Yellow: started during the year, Red: not done by the year's end",
        ),
        (
            TENA,
            "Grönt: genomfört senast 31 december 2019, Gult: påbörjat före 31 december 2019, "
            "Rött: ej genomfört senast 31 december 2019",
            "Green: done by December 31, 2019, Yellow: started before December 31, 2019, "
            "Red: not done by December 31, 2019",
        ),
        (
            Milestone(required=STARTED, due=dt.date(2019, 6, 30)),
            "Grönt: påbörjat senast 30 juni 2019, Rött: ej påbörjat senast 30 juni 2019",
            "Green: started by June 30, 2019, Red: not started by June 30, 2019",
        ),
    ],
)
def test_describe(rule, sv, en):
    assert sm.describe(rule) == sv
    assert sm.describe(rule, "en") == en


@given(milestones() | configured)
def test_equality_hash_pickle_round_trip(rule):
    assert_copies_equal(rule)


def _ordered(rule: Milestone) -> bool:
    """The settings say more progress is never worse: not started ≤ started (as colours)."""
    a, b = rule.not_started, rule.started
    return not (a.is_colour and b.is_colour) or a <= b


@given((milestones() | configured).filter(_ordered), st.data())
def test_more_progress_is_never_worse(rule, data):
    ctx = data.draw(contexts_for(rule))
    statuses = [rule.assess(p, ctx).status for p in (NOT_STARTED, STARTED, DONE)]
    assert statuses[-1] is G
    colours = [s for s in statuses if s.is_colour]
    assert colours == sorted(colours)


@given(milestones(), st.data())
def test_never_raises_for_missing_context(rule, data):
    value = data.draw(values_for(rule))
    a = rule.assess(value, Context())
    assert a.status is G or a.reason in ("not_reached", "missing_date", "cancelled")
    assert a.explain("en")


@given(milestones() | configured, st.dates(dt.date(2010, 1, 1), dt.date(2031, 12, 31)))
def test_green_only_when_reached_and_red_only_when_due(rule, on):
    ctx = Context(as_of=on)
    for p in Progress:
        a = rule.assess(p, ctx)
        reached = p not in (Progress.DELAYED, Progress.CANCELLED) and p >= rule.required
        assert (a.reason == "reached") == reached
        if reached:
            assert a.status is G
        if a.reason in ("overdue", "not_reached"):
            assert rule.due is None or on > rule.due
            assert a.status is rule.overdue


# -- the states of an action plan: Försenad, Avförd / Inställd ---------------------------------

DELAYED, CANCELLED = Progress.DELAYED, Progress.CANCELLED
BEFORE, AFTER = Context(as_of=dt.date(2019, 8, 31)), Context(as_of=dt.date(2020, 1, 15))


@pytest.mark.parametrize(
    ("progress", "before", "after"),
    [
        (DONE, G, G),
        (STARTED, Y, R),
        (DELAYED, Y, R),
        (NOT_STARTED, NA, R),
        (CANCELLED, NA, NA),
    ],
)
def test_the_documented_colour_of_each_state_around_the_due_date(progress, before, after):
    assert TENA.assess(progress, BEFORE).status is before
    assert TENA.assess(progress, AFTER).status is after


def test_states_are_labelled_and_explained():
    assert [p.label() for p in Progress] == [
        "ej påbörjat",
        "påbörjat",
        "genomfört",
        "försenat",
        "avfört",
    ]
    assert TENA.assess(DELAYED, BEFORE).explain() == (
        "Försenat, ännu ej genomfört (senast 31 december 2019) → Gult"
    )
    assert TENA.assess(DELAYED, BEFORE).reason == "delayed"
    assert TENA.assess(CANCELLED, AFTER).explain() == "Avfört, bedöms inte → Ej bedömd"
    assert TENA.assess(CANCELLED, AFTER).explain("en") == "Cancelled, not judged → Not assessed"


def test_cancelled_has_no_order_and_delayed_reaches_nothing():
    with pytest.raises(TypeError):
        _ = CANCELLED < DONE
    with pytest.raises(TypeError):
        _ = CANCELLED.rank
    assert NOT_STARTED < DELAYED < DONE
    early = Milestone(required=STARTED, due=DUE)
    assert early.assess(STARTED, BEFORE).status is G
    assert early.assess(DELAYED, BEFORE).status is Y
    assert early.assess(DELAYED, AFTER).status is R


def test_the_colours_are_settings():
    strict = Milestone(due=DUE, delayed=R, not_started=Y, overdue=Y)
    assert strict.assess(DELAYED, BEFORE).status is R
    assert strict.assess(NOT_STARTED, BEFORE).status is Y
    assert strict.assess(STARTED, AFTER).status is Y
    assert strict.assess(CANCELLED, AFTER).status is NA
    assert sm.describe(strict) == (
        "Grönt: genomfört senast 31 december 2019, Gult: påbörjat före 31 december 2019 "
        "eller ej påbörjat före 31 december 2019 eller ej genomfört senast 31 december 2019, "
        "Rött: försenat före 31 december 2019"
    )
    with pytest.raises(ThresholdError, match=r"Milestone\.overdue"):
        Milestone(overdue=NA)
    with pytest.raises(ThresholdError, match=r"Milestone\.delayed"):
        Milestone(delayed="lila")
    with pytest.raises(ThresholdError, match=r"Milestone\.required"):
        Milestone(required=CANCELLED)


@given(configured, st.data())
def test_a_cancelled_milestone_is_never_judged(rule, data):
    ctx = data.draw(contexts_for(rule))
    a = rule.assess(CANCELLED, ctx)
    assert (a.status, a.reason) == (NA, "cancelled")
    assert a.explain("en")


@given(configured, st.data())
def test_every_state_gets_its_setting(rule, data):
    ctx = data.draw(contexts_for(rule))
    settings = {
        "in_progress": rule.started,
        "delayed": rule.delayed,
        "not_due": rule.not_started,
        "overdue": rule.overdue,
        "not_reached": rule.overdue,
        "reached": G,
        "cancelled": NA,
    }
    for p in Progress:
        a = rule.assess(p, ctx)
        assert a.status is settings[a.reason.value]
