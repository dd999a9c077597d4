"""The one test that asks the real Kolada API; opt in with STYRMODELL_KOLADA_LIVE=1.

Every other Kolada test runs against a server on 127.0.0.1 (tests/_kolada_server.py); no
test reaches the internet unless asked to.
"""

from __future__ import annotations

import os

import pytest

import styrmodell as sm
from styrmodell import kolada

LIVE = os.environ.get("STYRMODELL_KOLADA_LIVE") == "1"


@pytest.mark.skipif(
    not LIVE,
    reason="asks the live Kolada API (api.kolada.se); set STYRMODELL_KOLADA_LIVE=1 to run it",
)
def test_the_live_api_answers_in_the_v3_shape_and_makes_a_snapshot() -> None:
    # U21468 (brukarbedömning hemtjänst, helhetssyn) for Oxelösund and riket, 2021–2023.
    snap = kolada.fetch("U21468", ["0481", "0000"], range(2021, 2024), timeout=60)
    assert snap.base_url == kolada.BASE_URL
    meta = snap.kpi("U21468")
    assert meta is not None
    assert meta.title
    assert {r.municipality for r in snap.rows} == {"0481", "0000"}
    riket = kolada.reference(snap, "U21468", "0000", 2023)
    assert riket is not None
    assert riket.title
    assert "Källa: Kolada" in riket.describe()
    assert sm.loads(sm.dumps(snap), kolada.Snapshot) == snap
    with kolada.Client(timeout=60) as client:
        kommuner = client.municipalities(region_type="K")
    assert len(kommuner) >= 290
