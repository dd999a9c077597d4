r"""Kolada v3: fetch nyckeltal and their references into a snapshot, and use it offline.

Swedish terms: *nyckeltal* (a KPI), *riket* (Kolada's "0000"), *liknande kommuner* (a
municipality group, "G" + digits), *jämförelsekommuner* (a user's own list), *rang* (rank
among all kommuner), *ögonblicksbild* (a snapshot), *preliminärt* (before the final
publication), *Källa: Kolada* (the credit Kolada's terms ask for).

Kolada (RKA) publishes most of the nyckeltal Swedish kommuner follow up, with every
comparison value: riket, regions, groups of similar kommuner, and the values of all 290
kommuner. This module:

- fetches from the v3 API with :class:`Client` (needs the ``kolada`` extra: httpx) — ids
  chunked to 25 per path segment, pages followed through ``next_url``, 429 and 5xx
  retried with backoff honouring ``Retry-After``, timeouts, logging on the
  ``styrmodell.kolada`` logger and an optional progress callback;
- keeps everything fetched in a :class:`Snapshot` — rows as received plus provenance
  (requests, ``fetched_at``, each KPI's publication dates) — written and read with
  ``styrmodell.dump`` / ``styrmodell.load`` and usable offline without httpx;
- brings a snapshot up to date with :func:`refresh` (``from_date``), reporting what changed;
- turns a snapshot into the model's values: :func:`outcomes` of a kommun, a
  :func:`reference` (riket, a region, a group), the :func:`comparison` mean of a user's own
  kommuner (styrmodell's calculation, never credited to Kolada), the :func:`population` of
  all kommuner for a rank, and :func:`records` / :func:`frame` for bulk work;
- wires a plan to a snapshot: an indicator whose ``source`` is ``"kolada:<KPI>"`` gets its
  outcomes and references from :func:`inputs`, which assesses the plan and explains each
  indicator with where its values came from; :func:`report` adds the sources to a report;
  :func:`availability` tells :func:`~styrmodell.contents_for` when Kolada publishes.

Examples:
    >>> import styrmodell as sm
    >>> from styrmodell import kolada
    >>> snap = kolada.Snapshot(schema=kolada.SCHEMA, base_url=kolada.BASE_URL,
    ...     fetched_at="2026-11-30", rows=[kolada.Row(kpi="U21468", municipality="0000",
    ...     period=2023, gender="T", value="82.1", fetched_at="2026-11-30")])
    >>> snap == sm.loads(sm.dumps(snap), kolada.Snapshot)
    True
    >>> print(kolada.reference(snap, "U21468", "0000", 2023).describe(unit=sm.Unit.PERCENT))
    Riket 2023: 82,1\xa0% (Källa: Kolada, hämtat 2026-11-30)
"""

from styrmodell.kolada._bulk import (
    COLUMNS,
    OUTCOME_COLUMNS,
    frame,
    outcome_frame,
    outcome_records,
    records,
)
from styrmodell.kolada._client import BASE_URL, MAX_IDS, MAX_PER_PAGE, Client, ProgressCallback
from styrmodell.kolada._errors import KoladaError, KoladaWarning
from styrmodell.kolada._fetch import Refresh, ValueChange, fetch, refresh
from styrmodell.kolada._model import (
    COUNTRY,
    Population,
    Reference,
    ReferenceKind,
    comparison,
    is_preliminary,
    outcomes,
    population,
    reference,
)
from styrmodell.kolada._plan import (
    Inputs,
    availability,
    default_references,
    inputs,
    report,
    similar_groups,
)
from styrmodell.kolada._values import (
    SCHEMA,
    Kpi,
    KpiGroup,
    Municipality,
    MunicipalityGroup,
    OrganisationalUnit,
    Request,
    Row,
    Snapshot,
)

__all__ = [
    "BASE_URL",
    "COLUMNS",
    "COUNTRY",
    "MAX_IDS",
    "MAX_PER_PAGE",
    "OUTCOME_COLUMNS",
    "SCHEMA",
    "Client",
    "Inputs",
    "KoladaError",
    "KoladaWarning",
    "Kpi",
    "KpiGroup",
    "Municipality",
    "MunicipalityGroup",
    "OrganisationalUnit",
    "Population",
    "ProgressCallback",
    "Reference",
    "ReferenceKind",
    "Refresh",
    "Request",
    "Row",
    "Snapshot",
    "ValueChange",
    "availability",
    "comparison",
    "default_references",
    "fetch",
    "frame",
    "inputs",
    "is_preliminary",
    "outcome_frame",
    "outcome_records",
    "outcomes",
    "population",
    "records",
    "reference",
    "refresh",
    "report",
    "similar_groups",
]
