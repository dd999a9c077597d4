"""The ``styrmodell`` command: check a plan file, describe its targets, report on outcomes.

Swedish terms: *planfil* (plan file), *utfall* (outcomes), *målvärde* (target),
*rapport* (report), *årshjul* (the follow-up calendar ``calendar`` prints or exports).

Exit codes: 0 all is well; 1 the plan has findings of severity ``error`` (``check``): a
threshold the linter finds broken, or a plan file that reads but fails the plan's own
validation (each problem printed with its path); 2 the input could not be read or used (a
bad file, a bad argument). Errors are one message on stderr, without a traceback unless
``--debug`` is given.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
import tomllib
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from styrmodell._assessment import assess
from styrmodell._calendar import Content, FollowUpCalendar, Occasion
from styrmodell._errors import CalendarError, PlanError, SerializationError, StyrmodellError
from styrmodell._goals import Indicator, Plan
from styrmodell._io.ics import write_ics
from styrmodell._outcomes import Outcomes
from styrmodell._period import Period
from styrmodell._report import render
from styrmodell._serialization import load, loads
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._lint import Finding, describe, lint

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2


class _UsageError(StyrmodellError):
    """A bad argument (argparse's own errors exit 2 as well)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2, as for every bad input
        self.exit(EXIT_INPUT, f"{self.prog}: error: {message}\n")


def _targets(plan: Plan) -> Iterator[tuple[str, Indicator, int | None, Threshold]]:
    """Every (path, indicator, year, threshold) of *plan*; year ``None`` for all years."""
    for goal_path, goal in plan.walk():
        for n, indicator in enumerate(goal.indicators):
            path = f"{goal_path}.indicators[{n}]"
            if indicator.target is not None:
                yield f"{path}.target", indicator, None, indicator.target
            for year, threshold in indicator.targets.items():
                yield f"{path}.targets.{year}", indicator, year, threshold


def _load_plan(path: str) -> Plan:
    return load(path, Plan)


def _load_outcomes(path: str) -> Outcomes:
    """Read outcomes from CSV (``Outcomes.read_csv`` skips the ``#`` comments at the top)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise SerializationError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise SerializationError(
            f"{path}: not UTF-8 text: byte 0x{exc.object[exc.start]:02x} at position {exc.start}"
        ) from None
    try:
        return Outcomes.read_csv(io.StringIO(text, newline=""))
    except StyrmodellError as exc:
        problems = getattr(exc, "problems", ())
        raise SerializationError(f"{path}: {exc}", problems=problems) from None


def _invalid_plan(args: argparse.Namespace, problems: Sequence[str]) -> int:
    """Print each problem of a plan that fails its own validation as a finding; exit 1."""
    for problem in problems:
        path, sep, message = problem.partition(": ")
        if sep and path and " " not in path:
            print(f"{args.plan}: {path}: error: {message}")
        else:
            print(f"{args.plan}: error: {problem}")
    if args.locale.startswith("sv"):
        print(f"{args.plan}: planen klarar inte sin validering: {len(problems)} fel")
    else:
        print(f"{args.plan}: the plan fails its validation: {len(problems)} error(s)")
    return EXIT_FINDINGS


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        plan = _load_plan(args.plan)
    except SerializationError as exc:
        # The file was read, but the Plan refused it (its converters or its whole-model
        # checks): findings with paths, not unreadable input.
        if isinstance(exc.__cause__, PlanError) and exc.problems:
            return _invalid_plan(args, [str(p) for p in exc.problems])
        raise
    findings: list[Finding] = []
    for path, _indicator, _year, threshold in _targets(plan):
        findings += lint(threshold, path=path)
    lang = "sv" if args.locale.startswith("sv") else "en"
    for f in findings:
        message = f.message_sv if lang == "sv" else f.message_en
        print(f"{args.plan}: {f.path}: {f.severity}: {message}")
    errors = sum(1 for f in findings if f.severity == "error")
    n_targets = sum(1 for _ in _targets(plan))
    if lang == "sv":
        print(
            f"{args.plan}: {len(plan.all_indicators())} mått, {n_targets} målvärden, "
            f"{len(findings)} anmärkningar ({errors} fel)"
        )
    else:
        print(
            f"{args.plan}: {len(plan.all_indicators())} indicators, {n_targets} targets, "
            f"{len(findings)} findings ({errors} errors)"
        )
    return EXIT_FINDINGS if errors else EXIT_OK


def _cmd_describe(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    for path, indicator, year, threshold in _targets(plan):
        if args.year is not None and year is not None and year != args.year:
            continue
        when = "alla år" if year is None and args.locale.startswith("sv") else year or "all years"
        print(f"{indicator.id} ({when}): {indicator.title}")
        print(f"    {describe(threshold, args.locale)}    [{path}]")
    return EXIT_OK


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _UsageError(f"--as-of: {text!r} is not a date such as 2024-02-15") from None


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise SerializationError(
            f"{output}: cannot write the file: {exc.strerror or exc}"
        ) from None


def _cmd_report(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    outcomes = _load_outcomes(args.outcomes)
    card = assess(plan, outcomes, args.year, as_of=_as_of(args.as_of))
    color = args.format == "text" and args.output is None and sys.stdout.isatty()
    _write(render(card, args.format, args.locale, color=color), args.output)
    return EXIT_OK


def _fields(cls: type) -> set[str]:
    return {f.alias or f.name for f in attrs.fields(cls) if f.init}


def _top_keys(path: str) -> set[str]:
    """The top-level keys of a JSON or TOML document, or none when it cannot be read."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
        data = json.loads(text) if p.suffix.lower() == ".json" else tomllib.loads(text)
    except (OSError, ValueError, RecursionError):
        return set()
    return {str(k) for k in data} - {"format"} if isinstance(data, dict) else set()


def _load_calendar(path: str) -> FollowUpCalendar:
    """A plan's calendar, or a calendar file's; the file is tried as a plan first.

    When it is neither, the error is the one for the type whose fields the document names
    (a plan with a broken goal is reported as a plan), else one line saying it is neither.
    """
    try:
        plan = _load_plan(path)
    except SerializationError as as_plan:
        try:
            return load(path, FollowUpCalendar)
        except SerializationError as as_calendar:
            if str(as_plan) == str(as_calendar):  # unreadable, not JSON/TOML, no "format"
                raise as_plan from None
            keys = _top_keys(path)
            plan_keys = len(keys & _fields(Plan))
            calendar_keys = len(keys & _fields(FollowUpCalendar))
            if plan_keys > calendar_keys:
                raise as_plan from None
            if calendar_keys > plan_keys:
                raise as_calendar from None
            raise SerializationError(
                f"{path}: neither a plan nor a follow-up calendar: a plan has id, years, "
                "levels and goals; a calendar has name, rules and occasions"
            ) from None
    if plan.calendar is None:
        raise CalendarError(
            f"{path}: the plan {plan.id!r} has no calendar: add a [calendar] table with its "
            "rules and occasions (docs/how-to/calendars.md)"
        )
    return plan.calendar


_CALENDAR_WORDS: dict[str, dict[str, Any]] = {
    "sv": {
        "title": "årshjul",
        "head": ("Datum", "Planerat", "Tillfälle", "Period", "Mottagare", "Innehåll"),
        "marked": "mål märkta",
        "one": "tillfälle",
        "many": "tillfällen",
        "none": "Inga tillfällen",
        "next": "Nästa från",
        "nothing": "Inget tillfälle från",
        "wrote": "Skrev {n} {events} för {year} till {path}",
        "event": ("händelse", "händelser"),
    },
    "en": {
        "title": "follow-up calendar",
        "head": ("Due", "Planned", "Occasion", "Period", "Recipient", "Contents"),
        "marked": "goals marked",
        "one": "occasion",
        "many": "occasions",
        "none": "No occasions in",
        "next": "Next from",
        "nothing": "No occasion from",
        "wrote": "Wrote {n} {events} for {year} to {path}",
        "event": ("event", "events"),
    },
}


def _calendar_row(o: Occasion, locale: str, marked: str) -> list[str]:
    kind = o.kind_label(locale) + (f": {o.title}" if o.title else "")
    contents = ", ".join(c.label(locale) if isinstance(c, Content) else c for c in o.contents)
    if o.reported:
        flags = f"{_CALENDAR_WORDS[locale]['marked']} {'/'.join(o.reported)}"
        contents = f"{contents}, {flags}" if contents else flags
    return [
        o.due.isoformat(),
        o.planned.isoformat() if o.is_shifted else "",
        kind,
        o.period.label(locale) if o.period is not None else "–",
        o.recipient_label(locale),
        contents or "–",
        marked,
    ]


def _calendar_table(
    calendar: FollowUpCalendar, year: int, locale: str, as_of: dt.date | None
) -> str:
    words = _CALENDAR_WORDS[locale]
    occasions = calendar.year(year)
    lines = [f"{calendar.name} — {words['title']} {year}", ""]
    if not occasions:
        lines.append(f"{words['none']} {year}.")
    following = None
    if as_of is not None:
        following = calendar.next_due(after=as_of - dt.timedelta(days=1))
    rows = [
        _calendar_row(o, locale, "→" if following and o.due == following.due else "")
        for o in occasions
    ]
    if rows:
        head = list(words["head"])
        shifted = any(r[1] for r in rows)
        columns = [0, 1, 2, 3, 4, 5] if shifted else [0, 2, 3, 4, 5]
        table = [[head[c] for c in columns], *[[r[c] for c in columns] for r in rows]]
        widths = [max(len(t[i]) for t in table) for i in range(len(columns) - 1)]
        marks = ["", *[r[6] for r in rows]]
        for mark, cells in zip(marks, table, strict=True):
            text = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False))
            lines.append(f"{mark or ' '} {text}  {cells[-1]}".rstrip())
        n = len(rows)
        lines += ["", f"{n} {words['one'] if n == 1 else words['many']}"]
    if as_of is not None:
        if following is None:
            lines.append(f"{words['nothing']} {as_of.isoformat()}.")
        else:
            lines.append(
                f"→ {words['next']} {as_of.isoformat()}: {following.due.isoformat()} "
                f"{following.label(locale)}"
            )
    return "\n".join(lines) + "\n"


def _cmd_calendar(args: argparse.Namespace) -> int:
    if not 1953 <= args.year <= 9999:
        raise _UsageError(
            f"--year: expected a year 1953–9999 (the Swedish holiday rules used here start "
            f"in 1953), got {args.year}"
        )
    as_of = _as_of(args.as_of)
    if as_of is not None and args.ics is not None:
        raise _UsageError("--as-of marks the next occasion in the table; it has no use with --ics")
    calendar = _load_calendar(args.file)
    if args.ics is None:
        sys.stdout.write(_calendar_table(calendar, args.year, args.locale, as_of))
        return EXIT_OK
    text = write_ics(calendar, between=Period.year(args.year), locale=args.locale)
    try:
        with open(args.ics, "w", encoding="utf-8", newline="") as out:  # keep CRLF as is
            out.write(text)
    except OSError as exc:
        raise SerializationError(
            f"{args.ics}: cannot write the file: {exc.strerror or exc}"
        ) from None
    words = _CALENDAR_WORDS[args.locale]
    n = text.count("\r\nBEGIN:VEVENT\r\n")
    events = words["event"][n != 1]
    print(words["wrote"].format(n=n, events=events, year=args.year, path=args.ics))
    return EXIT_OK


def _cmd_demo(args: argparse.Namespace) -> int:
    data = resources.files("styrmodell") / "_demo"
    plan = loads(
        (data / "oxelosund_von_2023.toml").read_bytes(), Plan, "toml", source="oxelosund.toml"
    )
    text = (data / "oxelosund_outcomes_2023.csv").read_text(encoding="utf-8")
    outcomes = Outcomes.read_csv(io.StringIO(text, newline=""))
    card = assess(plan, outcomes, 2023, as_of=dt.date(2024, 2, 15))
    sv = args.locale.startswith("sv")
    print(
        "OBS: utfallen är PÅHITTADE (fiktiva), inte Oxelösunds resultat.\n"
        if sv
        else "NOTE: the outcomes are FICTIONAL, not Oxelösund's results.\n"
    )
    color = args.format == "text" and sys.stdout.isatty()
    sys.stdout.write(render(card, args.format, args.locale, color=color))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    from styrmodell import __version__

    parser = _Parser(
        prog="styrmodell",
        description="Check plan files, describe their targets and report on outcomes "
        "(mål- och resultatstyrning).",
        epilog="Exit codes: 0 ok, 1 findings of severity error (check: a broken target, or "
        "a plan that fails its validation), 2 unreadable input.",
    )
    parser.add_argument("--version", action="version", version=f"styrmodell {__version__}")
    parser.add_argument("--debug", action="store_true", help="show a traceback on errors")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def locale_option(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--locale", default="sv", choices=["sv", "en"], help="language (default: sv)"
        )

    check = sub.add_parser("check", help="load and validate a plan, lint every target")
    check.add_argument("plan", help="plan file (.toml or .json)")
    locale_option(check)
    check.set_defaults(func=_cmd_check)

    report = sub.add_parser("report", help="assess outcomes against a plan and print a report")
    report.add_argument("plan", help="plan file (.toml or .json)")
    report.add_argument("outcomes", help="outcomes as CSV (see docs/how-to/cli.md)")
    report.add_argument("--year", type=int, required=True, help="the year to assess")
    report.add_argument("--as-of", help="the date of the assessment (YYYY-MM-DD)")
    report.add_argument(
        "--format", default="text", choices=["text", "markdown", "html"], help="default: text"
    )
    report.add_argument("-o", "--output", help="write to this file instead of stdout")
    locale_option(report)
    report.set_defaults(func=_cmd_report)

    desc = sub.add_parser("describe", help="print every target in plan language")
    desc.add_argument("plan", help="plan file (.toml or .json)")
    desc.add_argument("--year", type=int, help="only the targets for this year")
    locale_option(desc)
    desc.set_defaults(func=_cmd_describe)

    cal = sub.add_parser(
        "calendar", help="print a year of a plan's årshjul, or write it as iCalendar (.ics)"
    )
    cal.add_argument("file", help="plan file with a [calendar] table, or a calendar file")
    cal.add_argument("--year", type=int, required=True, help="the calendar year to show")
    cal.add_argument("--ics", metavar="OUT", help="write the year as an iCalendar file instead")
    cal.add_argument("--as-of", help="mark the next occasion due from this date (YYYY-MM-DD)")
    locale_option(cal)
    cal.set_defaults(func=_cmd_calendar)

    demo = sub.add_parser("demo", help="run the bundled Oxelösund example (fictional outcomes)")
    demo.add_argument(
        "--format", default="text", choices=["text", "markdown", "html"], help="default: text"
    )
    locale_option(demo)
    demo.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``styrmodell`` command; returns the exit code.

    Examples:
        >>> main(["describe", "no-such-plan.toml"])
        2
    """
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except StyrmodellError as exc:
        if args.debug:
            raise
        print(f"styrmodell: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:  # e.g. `styrmodell report ... | head`
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
