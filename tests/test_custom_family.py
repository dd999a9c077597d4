"""A threshold family defined here, outside styrmodell, gets everything a built-in one has.

"Andel dagar inom gränsen": the share of days whose value (a waiting time, a queue) stayed
within a limit, judged green / yellow / red on that share. One class and one registration:
lint, describe, explain, the hypothesis strategies and files follow from the registry,
without touching ``src/``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell import strategies as sms
from styrmodell.families import Family, family_of, family_tagged, register, unregister

WORDS = {
    "sv": {
        "rule": "Grönt: minst {green} av dagarna inom {limit}, {rest}",
        "yellow": "Gult: minst {yellow}",
        "red": "Rött: färre",
        "explain": "{share} av {n} dagar inom {limit} → {status}",
        "none": "Inga dagar → {status}",
        "short": "Gränsen {limit} är kortare än en dag",
    },
    "en": {
        "rule": "Green: at least {green} of the days within {limit}, {rest}",
        "yellow": "Yellow: at least {yellow}",
        "red": "Red: fewer",
        "explain": "{share} of {n} days within {limit} → {status}",
        "none": "No days → {status}",
        "short": "The limit {limit} is shorter than a day",
    },
}


def _words(locale: str) -> dict[str, str]:
    return WORDS["sv" if locale.split("_")[0] == "sv" else "en"]


def _number(value: object) -> Decimal:
    return Decimal(str(value))


def _optional(value: object) -> Decimal | None:
    return None if value is None else _number(value)


@attrs.frozen(kw_only=True)
class ShareOfDays:
    """Green when at least *green* % of the days stayed within *limit* (yellow from *yellow* %)."""

    limit: Decimal = attrs.field(converter=_number)
    green: Decimal = attrs.field(converter=_number)
    yellow: Decimal | None = attrs.field(default=None, converter=_optional)

    @functools.cached_property
    def bands(self) -> sm.Bands:
        """The share in whole percent: green from *green*, yellow above *yellow*, red below."""
        if self.yellow is None:
            yellow: tuple[sm.Interval, ...] = ()
            red = sm.Interval.below(self.green)
        else:
            yellow = (sm.Interval(self.yellow, self.green),)
            red = sm.Interval.at_most(self.yellow)
        return sm.Bands(
            green=(sm.Interval.at_least(self.green),),
            yellow=yellow,
            red=(red,),
            unit=sm.Unit.PERCENT,
            direction=sm.Direction.HIGHER_IS_BETTER,
            precision=Decimal(1),
        )

    def assess(self, value: Any, context: sm.Context | None = None) -> sm.Assessment:
        if not value:
            return sm.Assessment(sm.Status.NOT_ASSESSED, None, self, sm.Reason.NO_VALUE)
        days = tuple(_number(v) for v in value)
        within = sum(1 for d in days if d <= self.limit)
        inner = self.bands.assess(Decimal(within) * 100 / len(days))
        return sm.Assessment(
            inner.status, days, self, inner.reason, inner.measured, None, inner.interval
        )


def describe_share(rule: ShareOfDays, locale: str) -> str:
    w = _words(locale)
    green = sm.Unit.PERCENT.format(rule.green, locale)
    yellow = None if rule.yellow is None else sm.Unit.PERCENT.format(rule.yellow, locale)
    rest = w["red"] if yellow is None else f"{w['yellow'].format(yellow=yellow)}, {w['red']}"
    limit = sm.Unit.DAYS.format(rule.limit, locale)
    return w["rule"].format(green=green, limit=limit, rest=rest)


def explain_share(a: sm.Assessment, locale: str) -> str:
    rule: ShareOfDays = a.threshold  # type: ignore[assignment]
    w = _words(locale)
    status = a.status.label(locale)
    if a.reason is sm.Reason.NO_VALUE:
        return w["none"].format(status=status)
    return w["explain"].format(
        share=sm.Unit.PERCENT.format(a.measured, locale, places=0),
        n=len(a.value),
        limit=sm.Unit.DAYS.format(rule.limit, locale),
        status=status,
    )


def lint_share(rule: ShareOfDays) -> list[sm.Finding]:
    if rule.limit >= 1:
        return []
    return [
        sm.Finding(
            kind="unreachable",
            severity="warning",
            code="share_of_days.short",
            params={"limit": rule.limit},
        )
    ]


def words_share(code: str, params: Mapping[str, Any], locale: str) -> str:
    limit = sm.Unit.DAYS.format(params["limit"], locale)
    return _words(locale)[code.partition(".")[2]].format(limit=limit)


def share_strategy(st: Any) -> Any:
    yellow = st.none() | st.integers(40, 79)
    return st.builds(
        ShareOfDays, limit=st.integers(1, 30), green=st.integers(80, 100), yellow=yellow
    )


def share_values(st: Any, rule: ShareOfDays) -> Any:
    return st.lists(st.integers(0, 60), min_size=1, max_size=31)


FAMILY = Family(
    type=ShareOfDays,
    tag="share_of_days",
    describe=describe_share,
    explain=explain_share,
    strategy=share_strategy,
    values=share_values,
    as_bands=lambda rule: rule.bands,
    lint=lint_share,
    words=words_share,
)


@pytest.fixture
def registered() -> Iterator[Family]:
    yield register(FAMILY)
    unregister(ShareOfDays)


RULE = ShareOfDays(limit=14, green=90, yellow=75)


def test_describe_in_both_languages(registered):
    assert sm.describe(RULE) == (
        "Grönt: minst 90\xa0% av dagarna inom 14\xa0dagar, Gult: minst 75\xa0%, Rött: färre"
    )
    assert sm.describe(RULE, "en") == (
        "Green: at least 90% of the days within 14\xa0days, Yellow: at least 75%, Red: fewer"
    )


def test_assess_and_explain(registered):
    a = RULE.assess([3, 9, 14, 20])
    assert (a.status, a.reason, a.measured) == (sm.Status.RED, sm.Reason.BAND, 75)
    assert a.explain() == "75\xa0% av 4 dagar inom 14\xa0dagar → Rött"
    assert RULE.assess([1] * 9 + [15]).explain("en") == "90% of 10 days within 14\xa0days → Green"
    assert RULE.assess([]).explain() == "Inga dagar → Ej bedömd"


def test_lint_gets_the_band_lint_and_the_familys_own_checks(registered):
    assert sm.lint(RULE) == []
    # Shares in whole percent: a yellow strictly between 89 % and 90 % holds no share.
    (empty,) = sm.lint(ShareOfDays(limit=14, green=90, yellow=89))
    assert (empty.kind, empty.severity) == ("empty_yellow", "warning")
    assert empty.message() == (
        "Gult (mer än 89\xa0% och mindre än 90\xa0%) kan aldrig nås: "
        "inget värde med precisionen 1 ligger där"
    )
    (short,) = sm.lint(ShareOfDays(limit="0.5", green=90), path="x")
    assert short.message() == "x: Gränsen 0,5\xa0dagar är kortare än en dag"
    assert short.message("en") == "x: The limit 0.5\xa0days is shorter than a day"


def test_the_family_is_found_by_its_type_and_tag(registered):
    assert family_of(RULE) is registered
    assert family_tagged("share_of_days") is registered


def test_strategies_draw_the_family_and_what_fits_it(registered):
    rule = find(sms.thresholds(), lambda t: isinstance(t, ShareOfDays))
    assert isinstance(rule, ShareOfDays)

    @settings(max_examples=30)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        drawn = data.draw(st.from_type(ShareOfDays))
        days = data.draw(sms.values_for(drawn))
        ctx = data.draw(sms.contexts_for(drawn))
        a = drawn.assess(days, ctx)
        assert a.status.is_colour
        assert a.explain()
        assert a.explain("en")
        assert sm.describe(drawn)
        assert all(f.kind != "gap" for f in sm.lint(drawn))

    check()


def test_without_registration_nothing_knows_it():
    with pytest.raises(sm.ThresholdError, match="registered family"):
        sm.describe(RULE)
    with pytest.raises(sm.ThresholdError, match="registered family"):
        sm.lint(RULE)


def test_custom_family_round_trips_through_files(registered):
    """Checked after the merge with the serialization area (its converter reads the tags)."""
    for fmt in ("json", "toml"):
        text = sm.dumps(RULE, fmt)
        assert "share_of_days" in text
        assert sm.loads(text, sm.Threshold, fmt) == RULE
    plan = sm.Plan(
        id="p",
        title="Plan",
        years=(2024, 2024),
        levels=("Nämndmål",),
        goals=[
            sm.Goal(
                id="g",
                title="Kort väntetid",
                level=0,
                indicators=[
                    sm.Indicator(id="i", title="Andel dagar inom 14 dagar", targets={2024: RULE})
                ],
            )
        ],
    )
    assert sm.loads(sm.dumps(plan), sm.Plan) == plan
