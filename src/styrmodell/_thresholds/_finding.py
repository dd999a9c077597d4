"""Finding: one problem lint found in a threshold, as a code and its parameters.

Swedish terms: *anmärkning* (a finding), *glapp* (a gap between bands).
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from styrmodell._frozenmap import FrozenMap
from styrmodell._intervals import Interval
from styrmodell._messages import has_text
from styrmodell._thresholds import _text
from styrmodell._thresholds._registry import family_tagged

__all__ = ["Finding", "Kind", "Severity"]

Severity = Literal["error", "warning", "info"]
Kind = Literal[
    "gap",
    "order",
    "unreachable",
    "empty_yellow",
    # Of a whole plan (styrmodell._plan_lint):
    "missing_target",
    "no_targets",
    "against_direction",
    "no_source",
    "no_baseline",
    "empty_goal",
]


def _params(value: Mapping[str, Any] | None) -> FrozenMap[str, Any]:
    return value if isinstance(value, FrozenMap) else FrozenMap(value)


@attrs.frozen(kw_only=True)
class Finding:
    r"""One problem :func:`~styrmodell.lint` found in a threshold.

    A finding is data: a *code* for its message in the text layer's catalogs and the
    message's parameters (numbers, statuses, the intervals concerned), worded in any locale
    by :meth:`message`. A family of your own words its own codes (``Family.words``).

    Attributes:
        kind: ``"gap"`` (values that get no colour), ``"order"`` (statuses not ordered along
            one direction), ``"unreachable"`` (a status no reportable value can get) or
            ``"empty_yellow"`` (a yellow band no value can practically reach); of a whole
            plan also ``"missing_target"``, ``"no_targets"``, ``"against_direction"``,
            ``"no_source"`` and ``"empty_goal"`` (see :func:`~styrmodell.lint`).
        severity: ``"error"`` (values get no or a wrong colour), ``"warning"`` or ``"info"``
            (e.g. a gap that the reporting precision closes).
        code: The message's id in the catalogs, e.g. ``"lint.gap.open"``.
        params: The message's parameters, kept as data (see ``styrmodell._thresholds._text``
            for the phrases that word themselves).
        interval: The offending interval, where there is one.
        values: Reportable values affected (at most ten are listed; see *count*).
        count: How many reportable values are affected; ``None`` when unbounded or when no
            precision is declared (then every real number in *interval* is affected).
        path: Where the threshold sits, e.g. ``goals[0].indicators[1].targets[2024]``.

    Examples:
        >>> from styrmodell import Bands, lint
        >>> (finding,) = lint(Bands(green="(-inf, 30]", yellow="[31, 40]", red="(40, inf)"))
        >>> finding.code
        'lint.gap.open'
        >>> finding.message("en")
        'Gap: values more than 30 to less than 31 get no colour'
    """

    kind: Kind
    severity: Severity
    code: str
    params: Mapping[str, Any] = attrs.field(factory=FrozenMap, converter=_params)
    interval: Interval | None = None
    values: tuple[Decimal, ...] = ()
    count: int | None = None
    path: str = ""

    def text(self, locale: str = "sv") -> str:
        """The finding in *locale*'s words, without its path.

        The words come from the catalogs; a code they lack is worded by the family its code
        starts with (the ``words`` of a family of your own).
        """
        if not has_text(self.code, locale):
            family = family_tagged(self.code.partition(".")[0])
            if family is not None and family.words is not None:
                return family.words(self.code, self.params, locale)
        return _text.render(self.code, self.params, locale)

    def message(self, locale: str = "sv") -> str:
        """The finding in *locale*'s words, prefixed with the path when there is one."""
        said = self.text(locale)
        return f"{self.path}: {said}" if self.path else said

    def __str__(self) -> str:
        return self.message()
