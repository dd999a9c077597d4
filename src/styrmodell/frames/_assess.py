"""assess_frame: every outcome of a frame judged by the plan, as expressions over integers.

The steps, each a narwhals operation that every engine runs:

1. the plan becomes a small table, one row per indicator: its rule's measure, integer
   thresholds and constants (:mod:`styrmodell.frames._compile`), joined to the outcomes;
2. each series (indicator × gender × org unit) gets its outcome for the year: the full
   year, else the latest period available by the date assessed (a window maximum);
3. what the measure needs is joined on: the earlier year's value (on that year exactly,
   never the year before it by accident), the reference's rows, the budget;
4. values become keys (:mod:`styrmodell.frames._values`), the measure's key is counted
   against the rule's thresholds, and the piece found is joined to its verdict;
5. refused values stop the result (:mod:`styrmodell.frames._guard`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import narwhals as nw

from styrmodell._errors import PlanError, SerializationError
from styrmodell._goals import Plan
from styrmodell._messages import failure
from styrmodell._period import Period
from styrmodell._reason import Reason
from styrmodell._status import Status
from styrmodell.frames import _compile as C
from styrmodell.frames._backend import Frame, frame_of, require
from styrmodell.frames._guard import finish
from styrmodell.frames._values import Parsed, parse_number

__all__ = ["OUTPUT", "assess_frame"]

SERIES = ["indicator", "gender", "org_unit"]
PERIOD = ["first_month", "last_month"]
_NEVER = 2**62
"""A threshold no key reaches (keys stay below 2·10¹⁴)."""

OUTPUT = [
    "indicator",
    "goal",
    "org_unit",
    "gender",
    "year",
    "first_month",
    "last_month",
    "value",
    "status",
    "reason",
    "measured",
    "compared_with",
]
"""The columns of :func:`assess_frame`'s result, in order."""

# Why codes: column × 100 + problem (see styrmodell.frames._guard).
_VALUE, _REF, _EARLIER, _BUDGET, _NUMERATOR, _DENOMINATOR, _GENDER = (
    0,
    100,
    200,
    300,
    400,
    500,
    600,
)
_INEXACT, _UNKNOWN_LABEL, _BAD_GENDER, _BAD_COUNTS = 4, 5, 6, 7


def _plan_table(frame: Frame, compiled: C.Compiled) -> tuple[Any, Any, int]:
    width = compiled.max_thresholds()
    references = {name: i for i, name in enumerate(compiled.references)}
    cols: dict[str, list[object]] = {
        name: []
        for name in (
            "indicator",
            "goal",
            "_rule",
            "_kind",
            "_cy",
            "_until",
            "_ref",
            "_refname",
            "_off",
            "_cw",
            "_q",
        )
    }
    for j in range(width):
        cols[f"_t{j}"] = []
    for ind in compiled.indicators:
        rule = compiled.rules[ind.rule]
        measure_scale = compiled.deviation_scale if rule.kind == C.DEVIATION else compiled.scale
        cols["indicator"].append(ind.id)
        cols["goal"].append(ind.goal)
        cols["_rule"].append(rule.id)
        cols["_kind"].append(rule.kind)
        cols["_cy"].append(ind.compared_year)
        cols["_until"].append(ind.last_month)
        cols["_ref"].append(references.get(rule.reference, -1) if rule.reference else -1)
        cols["_refname"].append(rule.reference or "")
        cols["_off"].append(C.scaled(rule.offset, compiled.scale) if rule.reference else 0)
        cols["_cw"].append(None if rule.compared_with is None else float(rule.compared_with))
        q = 0
        if rule.precision is not None:
            q = 10 ** (measure_scale - C.decimals(rule.precision))
        cols["_q"].append(q)
        for j in range(width):
            cols[f"_t{j}"].append(rule.thresholds[j] if j < len(rule.thresholds) else _NEVER)
    schema: dict[str, Any] = dict.fromkeys(cols, nw.Int64)
    schema.update(indicator=nw.String, goal=nw.String, _refname=nw.String, _cw=nw.Float64)
    plan = frame.table(cols, schema)

    label_ids = {label: i for i, label in enumerate(compiled.labels)}
    pieces: dict[str, list[object]] = {"_rule": [], "_piece": [], "status": [], "reason": []}

    def piece(rule: int, number: int, status: Status, reason: Reason) -> None:
        pieces["_rule"].append(rule)
        pieces["_piece"].append(number)
        pieces["status"].append(status.value)
        pieces["reason"].append(reason.value)

    for rule in compiled.rules:
        for number, reason in C.pseudo_verdicts():
            piece(rule.id, number, Status.NOT_ASSESSED, reason)
        if rule.kind == C.CATEGORY:
            for label, (status, reason) in rule.labels.items():
                piece(rule.id, label_ids[label], status, reason)
        else:
            for number, (status, reason) in enumerate(rule.verdicts):
                piece(rule.id, number, status, reason)
    verdicts = frame.table(
        pieces, {"_rule": nw.Int64, "_piece": nw.Int64, "status": nw.String, "reason": nw.String}
    )
    return plan, verdicts, width


def _why(parsed: Parsed, column: int) -> nw.Expr:
    return nw.when(parsed.why != 0).then(parsed.why + column).otherwise(nw.lit(0))


def _quotient(
    lf: Any, p: nw.Expr, q: nw.Expr, digits: int, name: str
) -> tuple[Any, nw.Expr, nw.Expr]:
    """``floor(p·10^digits / q)`` and whether anything remains, for ``p ≥ 0 < q``.

    By long division: every step stays below 2⁵³ (q < 10¹⁴), so every engine divides exactly. A
    quotient beyond 10¹⁴⁻ᵈⁱᵍⁱᵗˢ is held at that bound (no rule reaches so far). Each step
    is a column (*name* and a suffix), so the expressions stay small.
    """
    cap = 10 ** max(0, 14 - digits)
    a_, r_, q_, c_ = (f"{name}{part}" for part in ("a", "r", "q", "c"))
    lf = lf.with_columns(**{q_: q, f"{name}p": p})
    lf = lf.with_columns(**{f"{name}w": nw.col(f"{name}p") // nw.col(q_)})
    whole = nw.col(f"{name}w")
    lf = lf.with_columns(
        **{
            r_: nw.col(f"{name}p") - whole * nw.col(q_),
            c_: whole >= cap,
            a_: nw.when(whole >= cap).then(nw.lit(cap)).otherwise(whole),
        }
    )
    for _ in range(digits):
        digit = (nw.col(r_) * 10) // nw.col(q_)
        lf = lf.with_columns(**{f"{name}d": digit})
        lf = lf.with_columns(
            **{
                a_: nw.col(a_) * 10
                + nw.when(nw.col(c_)).then(nw.lit(0)).otherwise(nw.col(f"{name}d")),
                r_: nw.col(r_) * 10 - nw.col(f"{name}d") * nw.col(q_),
            }
        )
    return lf, nw.col(a_), nw.col(c_) | (nw.col(r_) != 0)


def _apply(lf: Any, parsed: Parsed) -> Any:
    for stage in parsed.stages:
        lf = lf.with_columns(**stage)
    return lf


def _signed_key(negative: nw.Expr, a: nw.Expr, tail: nw.Expr) -> nw.Expr:
    body = a * 2 + tail.cast(nw.Int64)
    return nw.when(negative).then(-body).otherwise(body)


def _rounded(key: nw.Expr, q: nw.Expr) -> nw.Expr:
    """The number of *key* rounded half-up (ties away from zero) to units of *q*, scaled."""
    magnitude = key.abs() // 2
    rounded = ((magnitude + q // 2) // q) * q
    return nw.when(key < 0).then(-rounded).otherwise(rounded)


def assess_frame(
    plan: Plan,
    outcomes: Any,
    year: int,
    *,
    as_of: dt.date | None = None,
    period: Period | None = None,
    references: Mapping[str, str | Mapping[str, str]] | None = None,
    scale: int | None = None,
    connection: Any = None,
) -> Any:
    """Judge every outcome of a frame with *plan*'s targets for *year*, as ``assess`` would.

    Args:
        plan: The plan; every family of its targets for *year* must have a kernel.
        outcomes: A polars DataFrame or LazyFrame, a pandas DataFrame, a pyarrow Table, a
            DuckDB relation or a PySpark DataFrame with the columns of
            ``docs/how-to/national-scale.md`` (indicator, year, value...).
        year: The year assessed.
        as_of: The date of the assessment (milestones, which periods are available).
        period: Assess the outcomes of this period.
        references: Reference name → the org unit whose rows hold it (``{"riket": "0000"}``),
            or a mapping of org unit → such a unit; ``ref:<name>`` columns need none.
        scale: Decimals the values are held with (default: what the plan needs, ≥ 2).
        connection: The DuckDB connection of a relation (default: DuckDB's own).

    Returns:
        The same kind of frame (lazy in, lazy out): one row per indicator × org unit ×
        gender with ``status``, ``reason``, ``value``, ``measured`` and ``compared_with``.

    Raises:
        ThresholdError: for a target whose family has no kernel, naming it.
        SerializationError: for missing columns, or values that are NaN, infinite, not a
            number or beyond the scale (a lazy frame raises when it is computed).

    Examples:
        >>> import polars as pl
        >>> from styrmodell import Bands, Goal, Indicator, Plan
        >>> plan = Plan(id="p", years=2024, levels=("Nämndmål",), goals=[Goal(id="g",
        ...     indicators=[Indicator(id="a", title="A",
        ...                           targets={2024: Bands.higher_is_better(60, 40)})])])
        >>> outcomes = pl.DataFrame({"indicator": ["a", "a"], "year": [2024, 2024],
        ...                          "org_unit": ["0180", "1480"], "value": ["59,5", "61"]})
        >>> result = assess_frame(plan, outcomes, year=2024)
        >>> result.sort("org_unit").select("org_unit", "status").rows()
        [('0180', 'yellow'), ('1480', 'green')]
    """
    require()
    if isinstance(year, bool) or not isinstance(year, int):
        raise failure(PlanError, "assess.expected_year", "assess_frame", value=year)
    if as_of is not None and not isinstance(as_of, dt.date):
        raise failure(PlanError, "assess.expected_as_of", "assess_frame", value=as_of)
    if period is not None and not isinstance(period, Period):
        raise failure(PlanError, "assess.expected_period", "assess_frame", value=period)
    compiled = C.compile_plan(plan, year, as_of=as_of, scale=scale, period=period)
    frame = frame_of(outcomes, connection)
    lf, output = _judged(frame, compiled, references or {})
    return finish(lf, frame.engine, compiled.scale, output)


def _normalised(lf: Any, names: set[str]) -> Any:
    missing = [c for c in ("indicator", "year") if c not in names]
    if "value" not in names and not {"numerator", "denominator"} <= names:
        missing.append("value")
    if missing:
        raise failure(
            SerializationError, "frames.missing_columns", "outcomes", columns=", ".join(missing)
        )
    if ("first_month" in names) != ("last_month" in names):
        raise failure(SerializationError, "frames.months_together", "outcomes")
    gender = nw.lit("T")
    if "gender" in names:
        g = nw.col("gender").cast(nw.String).str.strip_chars().str.to_uppercase()
        gender = (
            nw.when(g.is_null() | (g == ""))
            .then(nw.lit("T"))
            .when(g == "TOTAL")
            .then(nw.lit("T"))
            .when(g == "WOMEN")
            .then(nw.lit("K"))
            .when(g == "MEN")
            .then(nw.lit("M"))
            .otherwise(g)
        )
    org = nw.lit("")
    if "org_unit" in names:
        org = nw.col("org_unit").cast(nw.String).fill_null("")
    columns = {
        "indicator": nw.col("indicator").cast(nw.String),
        "year": nw.col("year").cast(nw.Int64),
        "gender": gender,
        "org_unit": org,
    }
    if "first_month" in names:
        columns["first_month"] = nw.col("first_month").cast(nw.Int64)
        columns["last_month"] = nw.col("last_month").cast(nw.Int64)
    else:
        columns["first_month"] = nw.lit(1)
        columns["last_month"] = nw.lit(12)
    return lf.with_columns(**columns)


def _judged(
    frame: Frame, compiled: C.Compiled, references: Mapping[str, Any]
) -> tuple[Any, list[str]]:
    lf = frame.lf
    schema = dict(lf.collect_schema())
    names = set(schema)
    lf = _normalised(lf, names)
    plan_table, verdicts, width = _plan_table(frame, compiled)
    lf = lf.join(plan_table, on="indicator", how="inner")
    kinds = compiled.kinds
    y = compiled.year
    if "forecast" in names:
        lf = lf.filter(~nw.col("forecast").cast(nw.Boolean).fill_null(False))
    base = lf

    # -- the outcome of the year, per series ------------------------------------------
    if compiled.period is not None:
        p = compiled.period
        main = lf.filter(
            (nw.col("year") == p.calendar_year)
            & (nw.col("first_month") == p.first_month)
            & (nw.col("last_month") == p.last_month)
            & (nw.col("last_month") <= nw.col("_until"))
        )
    else:
        main = lf.filter((nw.col("year") == y) & (nw.col("last_month") <= nw.col("_until")))
        if "first_month" in names:
            full = ((nw.col("first_month") == 1) & (nw.col("last_month") == 12)).cast(nw.Int64)
            count = nw.col("last_month") - nw.col("first_month") + 1
            rank = full * 10_000 + nw.col("last_month") * 100 + count
            main = main.with_columns(_pk=rank).filter(
                nw.col("_pk") == nw.col("_pk").max().over(*SERIES)
            )

    value_type = schema.get("value", nw.Float64)
    s = compiled.scale
    # -- the earlier year --------------------------------------------------------------
    if C.YEAR in kinds and "value" in names:
        earlier = base.filter(
            (nw.col("_kind") == C.YEAR) & (nw.col("year") < y) & ~nw.col("value").is_null()
        ).select(*SERIES, *PERIOD, nw.col("year").alias("_hy"), nw.col("value").alias("_hv"))
        main = main.join(
            earlier,
            left_on=[*SERIES, *PERIOD, "_cy"],
            right_on=[*SERIES, *PERIOD, "_hy"],
            how="left",
        )
    # -- references --------------------------------------------------------------------
    ref_columns: list[tuple[int, str, Any]] = []
    for i, name in enumerate(compiled.references):
        column = f"ref:{name}"
        if column in names:
            ref_columns.append((i, column, schema[column]))
            continue
        unit = references.get(name)
        if unit is None:
            continue
        rows = base.filter(~nw.col("value").is_null())
        key_cols = ["indicator", "year", *PERIOD, "gender"]
        if isinstance(unit, str):
            refs = rows.filter(nw.col("org_unit") == unit).select(
                *key_cols, nw.col("value").alias(f"_r{i}")
            )
            main = main.join(refs, on=key_cols, how="left")
        else:
            groups = frame.table(
                {"org_unit": list(unit), f"_g{i}": list(unit.values())},
                {"org_unit": nw.String, f"_g{i}": nw.String},
            )
            main = main.join(groups, on="org_unit", how="left")
            refs = rows.select(
                *key_cols, nw.col("org_unit").alias(f"_g{i}"), nw.col("value").alias(f"_r{i}")
            )
            main = main.join(refs, on=[*key_cols, f"_g{i}"], how="left")
        ref_columns.append((i, f"_r{i}", value_type))

    # -- values as keys ----------------------------------------------------------------
    if "value" in names:
        value = parse_number("value", value_type, s, "_v_")
    else:
        main = main.with_columns(_novalue=nw.when(nw.lit(False)).then(nw.lit(0)))
        value = parse_number("_novalue", nw.Int64, s, "_v_")
    main = _apply(main, value)
    vkey, vtail, vnum, vpresent = value.key, value.tail, value.number, value.present
    why_terms: list[nw.Expr] = []
    kind = nw.col("_kind")
    numeric_kind = (kind != C.NO_TARGET) & (kind != C.CATEGORY)
    why_terms.append(nw.when(numeric_kind).then(_why(value, _VALUE)).otherwise(nw.lit(0)))
    if {"numerator", "denominator"} <= names:
        n = parse_number("numerator", schema["numerator"], s, "_n_")
        d = parse_number("denominator", schema["denominator"], s, "_d_")
        main = _apply(_apply(main, n), d)
        counted = ~vpresent & n.present & d.present
        exact = ~n.tail & ~d.tail
        usable = counted & exact & (n.key >= 0) & (d.key > 0)
        safe_n = nw.when(usable).then(n.key // 2).otherwise(nw.lit(0))
        safe_d = nw.when(usable).then(d.key // 2).otherwise(nw.lit(1))
        main = main.with_columns(_counted=counted, _usable=usable)
        counted, usable = nw.col("_counted"), nw.col("_usable")
        main, a, rest = _quotient(main, safe_n, safe_d, s + 2, "_nd_")
        vkey = (
            nw.when(counted)
            .then(nw.when(usable).then(_signed_key(nw.lit(False), a, rest)))
            .otherwise(vkey)
        )
        vtail = nw.when(counted).then(rest).otherwise(vtail)
        vnum = (
            nw.when(counted).then(nw.when(usable).then(n.number * 100.0 / d.number)).otherwise(vnum)
        )
        vpresent = vpresent | counted
        why_terms += [
            nw.when(counted).then(_why(n, _NUMERATOR)).otherwise(nw.lit(0)),
            nw.when(counted).then(_why(d, _DENOMINATOR)).otherwise(nw.lit(0)),
            nw.when(counted & (n.why == 0) & (d.why == 0) & ~usable)
            .then(nw.lit(_NUMERATOR + _BAD_COUNTS))
            .otherwise(nw.lit(0)),
        ]
    main = main.with_columns(_vkey=vkey, _vtail=vtail, _vnum=vnum, _vpresent=vpresent)
    vkey, vtail, vnum, vpresent = (nw.col(c) for c in ("_vkey", "_vtail", "_vnum", "_vpresent"))

    measure: Any = nw.when(kind == C.VALUE).then(vkey)
    measured: Any = nw.when(kind == C.VALUE).then(
        nw.when(nw.col("_q") > 0)
        .then(_rounded(vkey, nw.col("_q")).cast(nw.Float64) / float(10**s))
        .otherwise(vnum)
    )
    compared: Any = nw.when(kind == C.VALUE).then(nw.col("_cw"))
    missing: Any = (
        nw.when(kind == C.NO_TARGET).then(nw.lit(0)).when(~vpresent).then(nw.lit(C.NO_VALUE_PIECE))
    )
    arithmetic_tail = nw.lit(False)

    if C.REFERENCE in kinds:
        if ref_columns:
            rpresent: nw.Expr = nw.lit(False)
            rtail: nw.Expr = nw.lit(False)
            rwhy: nw.Expr = nw.lit(0)
            rkey: Any = None
            for i, column, dtype in ref_columns:
                parsed = parse_number(column, dtype, s, f"_r{i}_")
                main = _apply(main, parsed)
                this = nw.col("_ref") == i
                rkey = (nw.when if rkey is None else rkey.when)(this).then(parsed.key)
                rpresent = nw.when(this).then(parsed.present).otherwise(rpresent)
                rtail = nw.when(this).then(parsed.tail).otherwise(rtail)
                rwhy = nw.when(this).then(_why(parsed, _REF)).otherwise(rwhy)
            main = main.with_columns(_rkey=rkey, _rpresent=rpresent, _rtail=rtail, _rwhy=rwhy)
            is_ref = kind == C.REFERENCE
            level = nw.col("_rkey") + nw.col("_off") * 2
            diff = vkey - level
            measure = measure.when(is_ref).then(diff)
            measured = measured.when(is_ref).then((diff // 2).cast(nw.Float64) / float(10**s))
            compared = compared.when(is_ref & vpresent).then(
                (level // 2).cast(nw.Float64) / float(10**s)
            )
            missing = missing.when(is_ref & ~nw.col("_rpresent")).then(
                nw.lit(C.MISSING_REFERENCE_PIECE)
            )
            arithmetic_tail = arithmetic_tail | (is_ref & (vtail | nw.col("_rtail")))
            why_terms.append(nw.when(is_ref & vpresent).then(nw.col("_rwhy")).otherwise(nw.lit(0)))
        else:
            missing = missing.when(kind == C.REFERENCE).then(nw.lit(C.MISSING_REFERENCE_PIECE))

    if C.YEAR in kinds:
        is_year = kind == C.YEAR
        if "value" in names:
            earlier = parse_number("_hv", value_type, s, "_h_")
            main = _apply(main, earlier)
            main = main.with_columns(
                _hkey=earlier.key,
                _htail=earlier.tail,
                _hpresent=earlier.present,
                _hwhy=_why(earlier, _EARLIER),
                _hnum=earlier.number,
            )
            diff = vkey - nw.col("_hkey")
            measure = measure.when(is_year).then(diff)
            measured = measured.when(is_year).then((diff // 2).cast(nw.Float64) / float(10**s))
            compared = compared.when(is_year & vpresent).then(
                (nw.col("_hkey") // 2).cast(nw.Float64) / float(10**s)
            )
            missing = missing.when(is_year & ~nw.col("_hpresent").fill_null(False)).then(
                nw.lit(C.MISSING_HISTORY_PIECE)
            )
            arithmetic_tail = arithmetic_tail | (
                is_year & (vtail | nw.col("_htail").fill_null(False))
            )
            why_terms.append(
                nw.when(is_year & vpresent).then(nw.col("_hwhy").fill_null(0)).otherwise(nw.lit(0))
            )
        else:
            missing = missing.when(is_year).then(nw.lit(C.MISSING_HISTORY_PIECE))

    if C.DEVIATION in kinds:
        is_dev = kind == C.DEVIATION
        if "budget" in names:
            budget = parse_number("budget", schema["budget"], s, "_b_")
            main = _apply(main, budget)
            main = main.with_columns(
                _bkey=budget.key,
                _btail=budget.tail,
                _bpresent=budget.present,
                _bwhy=_why(budget, _BUDGET),
                _bnum=budget.number,
            )
            bkey = nw.col("_bkey")
            usable = (
                is_dev & vpresent & nw.col("_bpresent") & (bkey != 0) & ~vtail & ~nw.col("_btail")
            )
            dp = nw.when(usable).then((vkey - bkey) // 2).otherwise(nw.lit(0))
            q = nw.when(usable).then(bkey.abs() // 2).otherwise(nw.lit(1))
            ds = compiled.deviation_scale
            main, a, rest = _quotient(main, dp.abs(), q, ds + 2, "_dq_")
            main = main.with_columns(_dneg=dp < 0)
            main = main.with_columns(_dkey=_signed_key(nw.col("_dneg"), a, rest))
            dkey = nw.col("_dkey")
            measure = measure.when(is_dev).then(dkey)
            measured = measured.when(is_dev).then(
                nw.when(nw.col("_q") > 0)
                .then(_rounded(dkey, nw.col("_q")).cast(nw.Float64) / float(10**ds))
                .otherwise((vnum - nw.col("_bnum")) * 100.0 / nw.col("_bnum").abs())
            )
            compared = compared.when(is_dev & vpresent & (bkey != 0)).then(nw.col("_bnum"))
            missing = (
                missing.when(is_dev & ~nw.col("_bpresent"))
                .then(nw.lit(C.MISSING_BUDGET_PIECE))
                .when(is_dev & (bkey == 0))
                .then(nw.lit(C.ZERO_BUDGET_PIECE))
            )
            arithmetic_tail = arithmetic_tail | (
                is_dev & nw.col("_bpresent") & (vtail | nw.col("_btail"))
            )
            why_terms.append(nw.when(is_dev & vpresent).then(nw.col("_bwhy")).otherwise(nw.lit(0)))
        else:
            missing = missing.when(is_dev).then(nw.lit(C.MISSING_BUDGET_PIECE))

    if C.CATEGORY in kinds:
        text = nw.col("value").cast(nw.String).str.strip_chars().str.to_lowercase()
        label: nw.Expr = nw.lit(-1)
        for i, word in enumerate(compiled.labels):
            label = nw.when(text == word).then(nw.lit(i)).otherwise(label)
        missing = missing.when(kind == C.CATEGORY).then(label)

    pieces: nw.Expr = nw.lit(0)
    for j in range(width):
        pieces = pieces + (nw.col("_mkey") >= nw.col(f"_t{j}")).cast(nw.Int64)
    main = main.with_columns(_mkey=measure)
    main = main.with_columns(_piece=missing.otherwise(pieces))
    main = main.join(verdicts, on=["_rule", "_piece"], how="left")

    gender_ok = nw.col("gender").is_in(["T", "K", "M"])
    why_terms.append(nw.when(gender_ok).then(nw.lit(0)).otherwise(nw.lit(_GENDER + _BAD_GENDER)))
    why_terms.append(
        nw.when(arithmetic_tail & (nw.col("_piece") >= 0))
        .then(nw.lit(_VALUE + _INEXACT))
        .otherwise(nw.lit(0))
    )
    why_terms.append(
        nw.when(nw.col("status").is_null())
        .then(nw.lit(_VALUE + _UNKNOWN_LABEL))
        .otherwise(nw.lit(0))
    )
    why: nw.Expr = nw.lit(0)
    for term in reversed(why_terms):
        why = nw.when(term != 0).then(term).otherwise(why)
    judged = main.with_columns(
        _why=why,
        value=vnum,
        measured=nw.when(nw.col("_piece") >= 0).then(measured),
        compared_with=compared,
        _shown=nw.col("value").cast(nw.String) if "value" in names else nw.lit(""),
    )
    judged = judged.with_columns(
        org_unit=nw.when(nw.col("org_unit") != "").then(nw.col("org_unit"))
    )
    keep = [*OUTPUT, "_why", "_shown", "_refname"]
    return judged.select(keep), list(OUTPUT)
