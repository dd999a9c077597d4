"""Registers styrmodell's strategies with hypothesis (the ``hypothesis`` entry point).

hypothesis runs :func:`_register` when it is imported, so ``st.from_type(styrmodell.Bands)``
works in a user's tests without styrmodell importing hypothesis. Every registered threshold
family gets its own strategy (``Family.strategy``), and so does a family registered later
(a listener on the registry); the other types' strategies live in
``styrmodell.strategies``. The strategies are deferred: ``styrmodell.strategies`` itself
imports hypothesis, which may still be initialising here.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

# (public type name in styrmodell or a themed submodule, strategy in styrmodell.strategies)
_TYPES = (
    ("Interval", "intervals"),
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
    from styrmodell._thresholds._registry import families, on_change

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

    done: set[type[Any]] = set()

    def register_families() -> None:
        for family in families():
            if family.strategy is not None and family.type not in done:
                done.add(family.type)
                st.register_type_strategy(family.type, _family_strategy(st, family.strategy))

    register_families()
    on_change(register_families)


def _family_strategy(st: ModuleType, strategy: Any) -> Any:
    return st.deferred(lambda: strategy(st))
