"""Test configuration shared by the whole suite.

Hypothesis' ``too_slow`` health check and per-example deadlines measure wall-clock time; on a
loaded 2-core CI machine they fail tests that are correct. Timing belongs in ``benchmarks/``,
so the suite's profile turns both off. Set ``HYPOTHESIS_PROFILE=thorough`` for more examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "styrmodell",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    parent=settings.get_profile("styrmodell"),
    max_examples=1000,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "styrmodell"))
