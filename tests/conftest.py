"""Shared hypothesis settings: no deadline (first examples import babel data), modest sizes."""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("styrmodell", deadline=None, max_examples=60)
settings.load_profile("styrmodell")
