"""Registers styrmodell's strategies with hypothesis (the ``hypothesis`` entry point).

hypothesis runs :func:`_register` when it is imported, so ``st.from_type(styrmodell.Bands)``
works in a user's tests without styrmodell importing hypothesis. The strategies are deferred:
``styrmodell.strategies`` itself imports hypothesis, which may still be initialising here.
"""

from __future__ import annotations

from typing import Any

# (public type name in styrmodell or a themed submodule, strategy in styrmodell.strategies)
_TYPES = (
    ("Interval", "intervals"),
    ("Bands", "bands"),
    ("CompareToReference", "compare_to_references"),
    ("YearOverYear", "year_over_years"),
    ("TargetValue", "target_values"),
    ("BudgetDeviation", "budget_deviations"),
    ("Milestone", "milestones"),
    ("Duration", "durations"),
    ("Period", "periods"),
    ("Plan", "plans"),
    ("Goal", "goals"),
    ("Indicator", "indicators"),
    ("Outcome", "outcomes"),
    ("Outcomes", "outcome_collections"),
    ("WorkingDays", "working_days"),
    ("Occasion", "occasions"),
    ("OccasionRule", "occasion_rules"),
    ("FollowUpCalendar", "follow_up_calendars"),
    ("Activity", "activities"),
    ("ActionPlan", "action_plans"),
    ("Ledger", "ledgers"),
    ("LedgerLine", "ledger_lines"),
    ("Verksamhet", "verksamheter"),
    ("InvestmentBudget", "investment_budgets"),
    ("InvestmentObject", "investment_objects"),
)


def _register() -> None:
    from hypothesis import strategies as st

    import styrmodell

    def lazy(name: str) -> Any:
        def build() -> Any:
            from styrmodell import strategies

            return getattr(strategies, name)()

        return st.deferred(build)

    def public(name: str) -> Any:
        """The public type *name*: from ``styrmodell``, else from a themed submodule."""
        if name in styrmodell.__all__:
            return getattr(styrmodell, name)
        for module in styrmodell._SUBMODULES:
            if module != "strategies":  # it imports hypothesis, still initialising here
                found = getattr(styrmodell, module)
                if name in found.__all__:
                    return getattr(found, name)
        raise AttributeError(name)

    for type_name, strategy_name in _TYPES:
        st.register_type_strategy(public(type_name), lazy(strategy_name))
