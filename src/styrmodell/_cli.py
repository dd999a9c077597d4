"""The ``styrmodell`` command: check a plan file, describe its targets, report on outcomes.

``import`` reads a plan's target table into a draft plan file (every målvärde cell parsed,
every cell not read listed; exit 1 when there is one).

Swedish terms: *planfil* (plan file), *utfall* (outcomes), *målvärde* (target),
*rapport* (report), *anmärkning* (a finding), *årshjul* (the follow-up calendar ``calendar``
prints or exports).

Exit codes: 0 all is well; 1 findings — ``check``: of severity error (a threshold the linter
finds broken, or a plan file that reads but fails the plan's own validation); ``report``: any
finding that would leave the report silently wrong (a year outside the plan, outcomes that
miss the year, an unknown indicator id, a reference naming nothing; ``--allow-findings``
makes them exit 0); 2 the input could not be read or used (a bad file, a bad argument).
Errors are one message on stderr, without a traceback unless ``--debug`` is given —
whatever the input: a problem the library reports is worded in the ``--locale`` asked for
(:func:`styrmodell._messages.problem_text`); a file that cannot be read, is nested too
deeply or is too large is named with what went wrong; anything else is said to be a bug,
with how to report it.

Every word comes from the ``cli`` catalog of the text layer — argparse's own words
("usage:", "the following arguments are required") too; text from data (titles, names,
file names) passes :func:`styrmodell._safe.printable` before it reaches the terminal.
``-`` reads a plan or outcomes from stdin and writes a report or calendar to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sys
import tomllib
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TextIO

import attrs

from styrmodell import kolada
from styrmodell._assessment import assess, one_line
from styrmodell._calendar import Content, FollowUpCalendar, Occasion
from styrmodell._diff import diff
from styrmodell._errors import (
    CalendarError,
    PlanError,
    Problem,
    SerializationError,
    StyrmodellError,
)
from styrmodell._goals import Indicator, Plan
from styrmodell._io._csv import read_table
from styrmodell._io.ics import write_ics
from styrmodell._io.outcomes import read_outcomes
from styrmodell._io.targets import read_target_table
from styrmodell._io.xlsx import write_scorecard_xlsx
from styrmodell._locale import parse_locale
from styrmodell._messages import (
    REFERENCE_LOCALE,
    available_locales,
    failure,
    ntext,
    problem_text,
    text,
)
from styrmodell._outcomes import Outcomes
from styrmodell._period import Period
from styrmodell._plan_lint import lint
from styrmodell._report import FORMATS, render
from styrmodell._report._findings import ReportFinding, report_findings
from styrmodell._safe import printable
from styrmodell._serialization import dump, dumps, load, loads
from styrmodell._thresholds._base import Threshold
from styrmodell._thresholds._lint import describe
from styrmodell.kolada._client import municipality_ids

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERRUPTED = 130

DEFAULT_LOCALE = "sv"
STDIO = "-"
"""The name that reads stdin (a plan, outcomes) or writes stdout (a report, a calendar)."""

STDIN_NAME = "<stdin>"

XLSX = "xlsx"
"""The report format written as an Excel workbook (the ``excel`` extra), not as text."""


class _UsageError(StyrmodellError):
    """A bad argument (argparse's own errors exit 2 as well)."""


class _Bug(StyrmodellError):
    """An exception other than a StyrmodellError came out of reading a file: a bug."""


# -- argparse's own words, in the locale --------------------------------------------------

# argparse words its messages with gettext; while the command parses, they come from the
# cli catalog instead (the %-placeholders are argparse's, filled in by argparse).
_ARGPARSE_WORDS = {
    "usage: ": "cli.argparse.usage",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognized",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.argparse.invalid_value",
    "expected one argument": "cli.argparse.expected_one",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
    "not allowed with argument %s": "cli.argparse.not_allowed",
    "ignored explicit argument %r": "cli.argparse.ignored",
}


@contextlib.contextmanager
def _argparse_words(locale: str) -> Iterator[None]:
    """Word argparse's messages in *locale* while the block runs (then as before)."""
    before = argparse._  # type: ignore[attr-defined]

    def words(message: str) -> str:
        code = _ARGPARSE_WORDS.get(message)
        return text(code, locale) if code is not None else before(message)

    argparse._ = words  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    locale = DEFAULT_LOCALE

    def error(self, message: str) -> NoReturn:  # one line, exit 2, as for every bad input
        shown = printable(message, newlines=False)
        self.exit(EXIT_INPUT, text("cli.error.usage", self.locale, prog=self.prog, message=shown))


# -- output --------------------------------------------------------------------------------


def _out(value: str, stream: TextIO | None = None) -> None:
    """Write *value* to stdout, with what the stream cannot encode written as an escape.

    A lone surrogate from a file, or "→" on a Latin-1 terminal, must not stop the command.
    """
    stream = stream or sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(value.encode(encoding, "backslashreplace").decode(encoding))


def _say(line: str) -> None:
    """One line for people, with control characters from data made visible."""
    _out(printable(line) + "\n")


MAX_LINE = 1000
"""A line of an error longer than this is cut: a message quoting a huge value stays readable."""


def _err(message: str) -> None:
    lines = [
        line if len(line) <= MAX_LINE else line[: MAX_LINE - 1] + "…"
        for line in printable(message).splitlines()
    ]
    _out("\n".join(lines) + "\n", sys.stderr)


def _use_color(choice: str, stream: TextIO) -> bool:
    """Whether to colour: ``--color always`` or ``never``, else whether *stream* is a terminal.

    ``NO_COLOR`` (https://no-color.org), set and not empty, turns ``auto`` colour off.
    """
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR", ""):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _terminal_width() -> int:
    """The terminal's width (``COLUMNS`` when set), 100 when there is no terminal."""
    return shutil.get_terminal_size((100, 24)).columns


# -- reading and writing files ------------------------------------------------------------


@contextlib.contextmanager
def _reading(path: str) -> Iterator[None]:
    """Turn what reading *path* can raise besides a StyrmodellError into one naming *path*.

    The library's readers raise only :class:`StyrmodellError`; this is the command's second
    line of defence, so that no input ever ends in a traceback.
    """
    try:
        yield
    except StyrmodellError:
        raise
    except OSError as exc:
        raise failure(
            SerializationError, "cli.error.cannot_read", path, reason=exc.strerror or str(exc)
        ) from exc
    except UnicodeError as exc:
        raise failure(SerializationError, "cli.error.text", path, reason=str(exc)) from exc
    except RecursionError as exc:
        raise failure(SerializationError, "cli.error.too_deep", path) from exc
    except MemoryError as exc:
        raise failure(SerializationError, "cli.error.too_large", path) from exc
    except Exception as exc:  # a reader let a builtin error through: a bug, but name the file
        raise failure(_Bug, "cli.error.bug_reading", path, error=_brief(exc)) from exc


def _brief(exc: BaseException) -> str:
    """The exception's type and message on one short line."""
    kind = type(exc)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    shown = one_line(f"{name}: {exc}")
    return shown if len(shown) <= 300 else shown[:299] + "…"


def _shown_name(path: str) -> str:
    return STDIN_NAME if path == STDIO else path


def _file_label(path: str) -> str:
    """How a report names an input among its sources: the file's name, or "stdin"."""
    return "stdin" if path == STDIO else Path(path).name


def _read_bytes(path: str) -> bytes:
    """The bytes of *path*, or of stdin for ``-``."""
    with _reading(_shown_name(path)):
        if path == STDIO:
            return sys.stdin.buffer.read()
        return Path(path).read_bytes()


def _write(value: str, output: str | None) -> None:
    if output is None or output == STDIO:
        _out(value)
        return
    try:
        Path(output).write_text(value, encoding="utf-8", errors="backslashreplace")
    except OSError as exc:
        raise failure(
            SerializationError, "cli.error.cannot_write", output, reason=exc.strerror or str(exc)
        ) from None


def _write_bytes(value: bytes, output: str | None) -> None:
    """Write a binary file (a workbook) to *output*, or to stdout when it is not a terminal."""
    if output is None or output == STDIO:
        if sys.stdout.isatty():
            raise failure(_UsageError, "cli.error.binary_to_terminal", "-o")
        sys.stdout.flush()
        sys.stdout.buffer.write(value)
        sys.stdout.buffer.flush()
        return
    try:
        Path(output).write_bytes(value)
    except OSError as exc:
        raise failure(
            SerializationError, "cli.error.cannot_write", output, reason=exc.strerror or str(exc)
        ) from None


def _one_stdin(*paths: str | None) -> None:
    if sum(1 for p in paths if p == STDIO) > 1:
        raise failure(_UsageError, "cli.error.two_stdin", STDIO)


def _targets(plan: Plan) -> Iterator[tuple[str, Indicator, int | None, Threshold]]:
    """Every (path, indicator, year, threshold) of *plan*; year ``None`` for all years."""
    for goal_path, goal in plan.walk():
        for n, indicator in enumerate(goal.indicators):
            path = f"{goal_path}.indicators[{n}]"
            if indicator.target is not None:
                yield f"{path}.target", indicator, None, indicator.target
            for year, threshold in indicator.targets.items():
                yield f"{path}.targets.{year}", indicator, year, threshold


def _format_of(data: bytes) -> str:
    """A document from stdin is JSON when it starts with "{", else TOML."""
    return "json" if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") else "toml"


def _load_plan(path: str) -> Plan:
    with _reading(_shown_name(path)):
        if path == STDIO:
            data = _read_bytes(path)
            return loads(data, Plan, _format_of(data), source=STDIN_NAME)
        return load(path, Plan)


def _load_outcomes(path: str, data: bytes) -> Outcomes:
    """Read outcomes from CSV (``read_outcomes`` skips the ``#`` comments at the top)."""
    name = _shown_name(path)
    with _reading(name):
        return read_outcomes(data, name=name)


_MARK = re.compile(r"#\s*(fiktiva|fiktiv|fictional)\s*:\s*(\w+)", re.IGNORECASE)
_YES = {"ja", "yes", "true", "1", "j", "y"}


def marked_fictional(data: bytes) -> bool:
    r"""Whether the comment lines at the top of an outcomes file say ``# fiktiva: ja``.

    The mark is a comment line ``# fiktiva: ja`` (or ``# fictional: yes``; ``true`` and
    ``1`` also count, in any case) among the ``#`` lines before the header.

    Examples:
        >>> marked_fictional(b"# FIKTIVA UTFALL\n# fiktiva: ja\nindicator,period,value\n")
        True
        >>> marked_fictional(b"indicator,period,value\n# fiktiva: ja\n")
        False
    """
    for line in data.decode("utf-8-sig", errors="replace").splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return False
        found = _MARK.match(stripped)
        if found and found.group(2).lower() in _YES:
            return True
    return False


# -- places: an id and a title, the tree path as detail -----------------------------------

_TITLE = 40
_PATH_PART = re.compile(r"([^.\[\]]+)|\[([^\]]*)\]")


def _short(title: str) -> str:
    title = one_line(title)
    return title if len(title) <= _TITLE else title[: _TITLE - 1] + "…"


def _place(kind: str, id: object, title: object, year: object, locale: str) -> str:
    """What a finding is about: ``mått 'tel' ("Tillgänglighet"), målvärde 2019``."""
    shown_id = one_line(str(id))
    shown_title = _short(title) if isinstance(title, str) and title.strip() else ""
    if shown_title:
        where = text(f"cli.place.{kind}", locale, id=shown_id, title=shown_title)
    else:
        where = text(f"cli.place.{kind}.untitled", locale, id=shown_id)
    if year is None:
        return where
    if year == "*":
        return text("cli.place.all_years", locale, where=where)
    return text("cli.place.target", locale, where=where, year=one_line(str(year)))


def _steps(path: str) -> list[str]:
    return [name or index for name, index in _PATH_PART.findall(path)]


def _locate(document: object, path: str, locale: str) -> str:
    """The goal or indicator (and target year) a path of a plan document is in, or ""."""
    node: object = document
    kind = ""
    found: Mapping[str, object] | None = None
    year: object = None
    steps = _steps(path)
    for n, step in enumerate(steps):
        if isinstance(node, Mapping):
            if step == "target" and kind == "indicator":
                year = "*"
            if step == "targets" and kind == "indicator" and n + 1 < len(steps):
                year = steps[n + 1]
                break
            node = node.get(step)
            if step in ("goals", "children"):
                kind = "goal"
            elif step == "indicators":
                kind = "indicator"
        elif isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
            if isinstance(node, Mapping) and kind:
                found = node
        else:
            break
    if found is None or not isinstance(found.get("id"), str):
        return ""
    return _place(kind, found["id"], found.get("title"), year, locale)


def _document(path: str, data: bytes | None = None) -> object:
    """The file *path* (or *data* read from it) as JSON or TOML; None if it is neither."""
    try:
        if data is None:
            data = b"" if path == STDIO else Path(path).read_bytes()
        decoded = data.decode("utf-8-sig")
        if path.lower().endswith(".json") or (path == STDIO and _format_of(data) == "json"):
            return json.loads(decoded)
        return tomllib.loads(decoded)
    except (OSError, ValueError, RecursionError, MemoryError):
        return None


def _problem_line(problem: Problem, document: object, locale: str) -> tuple[str, str]:
    """(place, message) of a problem of a plan document.

    A path that leads to a goal or an indicator is shown as its id and title, the path
    kept as detail at the end of the message.
    """
    path, message = _parts(problem, locale)
    if not path:
        return "", message
    where = _locate(document, path, locale)
    if not where:
        return path, message
    return where, f"{message} [{path}]"


def _parts(problem: Problem, locale: str) -> tuple[str, str]:
    """(path, message in *locale*) of a problem of a plan."""
    if problem.path:
        return problem.path, problem_text(attrs.evolve(problem, path=""), locale)
    shown = problem_text(problem, locale)
    path, sep, message = shown.partition(": ")
    if sep and path and " " not in path:
        return path, message
    return "", shown


def _finding_line(file: str, where: str, severity: str, message: str, locale: str) -> str:
    word = text(f"cli.severity.{severity}", locale)
    return f"{file}: {where}: {word}: {message}" if where else f"{file}: {word}: {message}"


# -- check ----------------------------------------------------------------------------------


def _invalid_plan(args: argparse.Namespace, problems: Sequence[Problem]) -> int:
    """Print each problem of a plan that fails its own validation as a finding; exit 1."""
    document = _document(args.plan)
    name = _shown_name(args.plan)
    for problem in problems:
        where, message = _problem_line(problem, document, args.locale)
        _say(_finding_line(name, where, "error", message, args.locale))
    _say(text("cli.check.invalid", args.locale, file=name, n=len(problems)))
    return EXIT_FINDINGS


def _places(plan: Plan) -> dict[str, tuple[str, str, str]]:
    """Path of every goal and indicator → (kind, id, title), to say what a finding is about."""
    found: dict[str, tuple[str, str, str]] = {}
    for goal_path, goal in plan.walk():
        found[goal_path] = ("goal", goal.id, goal.title)
        for n, ind in enumerate(goal.indicators):
            found[f"{goal_path}.indicators[{n}]"] = ("indicator", ind.id, ind.title)
    return found


def _where(path: str, places: dict[str, tuple[str, str, str]], locale: str) -> str:
    """The goal or indicator (and target year) a finding of ``lint(plan)`` at *path* is about."""
    base, year = path, None
    if ".targets." in path:
        base, _, year = path.rpartition(".targets.")
    elif path.endswith(".target"):
        base, year = path.removesuffix(".target"), "*"
    if base not in places:
        return ""
    kind, id_, title = places[base]
    return _place(kind, id_, title, year, locale)


def _cmd_check(args: argparse.Namespace) -> int:
    try:
        plan = _load_plan(args.plan)
    except SerializationError as exc:
        # The file was read, but the Plan refused it (its converters or its whole-model
        # checks): findings with paths, not unreadable input.
        if isinstance(exc.__cause__, PlanError) and exc.problems:
            return _invalid_plan(args, exc.problems)
        raise
    findings = lint(plan)
    places = _places(plan)
    name = _shown_name(args.plan)
    for f in findings:
        where = _where(f.path, places, args.locale)
        message = f"{f.text(args.locale)} [{f.path}]"
        _say(_finding_line(name, where, f.severity, message, args.locale))
    errors = sum(1 for f in findings if f.severity == "error")
    _say(
        text(
            "cli.check.summary",
            args.locale,
            file=name,
            indicators=len(plan.all_indicators()),
            targets=sum(1 for _ in _targets(plan)),
            findings=len(findings),
            errors=errors,
        )
    )
    return EXIT_FINDINGS if errors else EXIT_OK


# -- import ---------------------------------------------------------------------------------


def _years_option(value: str) -> tuple[int, int]:
    first, sep, last = value.partition("-")
    if sep and first.strip().isdigit() and last.strip().isdigit():
        a, b = int(first), int(last)
        if 1900 <= a <= b <= 2200:
            return a, b
    raise argparse.ArgumentTypeError(text("import.bad_years", DEFAULT_LOCALE, value=value))


def _cmd_import(args: argparse.Namespace) -> int:
    """Read a target table into a draft plan; print each cell not read; exit 1 if any."""
    with _reading(args.table):
        draft = read_target_table(
            args.table,
            sheet=args.sheet,
            plan_id=args.id,
            title=args.title,
            years=args.years,
            locale=args.locale,
        )
    for cell in draft.unread:
        message = problem_text(attrs.evolve(cell.problem, path=""), args.locale)
        _say(
            text(
                "import.unread",
                args.locale,
                table=args.table,
                line=cell.line,
                column=cell.column,
                message=message,
            )
        )
    if draft.ignored:
        columns = ", ".join(repr(c) for c in draft.ignored)
        _say(
            ntext(
                "import.ignored", len(draft.ignored), args.locale, table=args.table, columns=columns
            )
        )
    kind = "json" if args.out.lower().endswith(".json") else "toml"
    _write(dumps(draft.plan, kind), args.out)
    _say(
        text(
            "import.summary",
            args.locale,
            out=args.out,
            goals=sum(1 for _ in draft.plan.walk()),
            indicators=len(draft.plan.all_indicators()),
            targets=draft.targets,
            unread=len(draft.unread),
        )
    )
    return EXIT_FINDINGS if draft.unread else EXIT_OK


# -- describe and report -------------------------------------------------------------------


def _cmd_describe(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    all_years = text("cli.describe.all_years", args.locale)
    for path, indicator, year, threshold in _targets(plan):
        if args.year is not None and year is not None and year != args.year:
            continue
        when = all_years if year is None else year
        _say(f"{indicator.id} ({when}): {one_line(indicator.title)}")
        _say(f"    {describe(threshold, args.locale)}    [{path}]")
    return EXIT_OK


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise failure(_UsageError, "cli.error.as_of", "--as-of", value=value) from None


def _lines_of(name: str, data: bytes) -> Callable[[ReportFinding], str]:
    """Where an outcomes finding is: ``file:line`` of its row (the first for an indicator)."""
    try:
        table = read_table(data, name=name, required=("indicator",))
    except StyrmodellError:
        return lambda _: name
    rows: dict[str, list[tuple[int, str]]] = {}
    for row in table.rows:
        rows.setdefault(row.cells.get("indicator", "").strip(), []).append(
            (row.line, row.cells.get("period", "").strip())
        )

    def where(finding: ReportFinding) -> str:
        found = rows.get(finding.indicator or "")
        if not found:
            return name
        for line, period in found:
            with contextlib.suppress(StyrmodellError, ValueError):
                if finding.period is not None and Period.parse(period) == finding.period:
                    return f"{name}:{line}"
        return f"{name}:{found[0][0]}"

    return where


def _print_findings(
    found: Sequence[ReportFinding],
    plan_name: str,
    where: Callable[[ReportFinding], str],
    locale: str,
) -> None:
    for finding in found:
        file = plan_name if finding.file == "plan" else where(finding)
        message = finding.message(locale)
        if finding.path:
            message += f" [{finding.path}]"
        _err(_finding_line(file, "", "warning", message, locale))
    _err(ntext("cli.report.findings", len(found), locale))


def _cmd_report(args: argparse.Namespace) -> int:
    if args.kolada is not None:
        return _kolada_report(args)
    if args.outcomes is None:
        raise failure(_UsageError, "kolada.cli.report_needs_outcomes", "report")
    _one_stdin(args.plan, args.outcomes)
    as_of = _as_of(args.as_of)
    plan = _load_plan(args.plan)
    data = _read_bytes(args.outcomes)
    outcomes = _load_outcomes(args.outcomes, data)
    card = assess(plan, outcomes, args.year, as_of=as_of)
    to_stdout = args.output is None or args.output == STDIO
    color = args.format == "text" and to_stdout and _use_color(args.color, sys.stdout)
    width = args.width if args.width is not None else _terminal_width()
    plan_name, outcomes_name = _shown_name(args.plan), _shown_name(args.outcomes)
    sources = [
        text("cli.report.source.plan", args.locale, file=_file_label(args.plan)),
        text("cli.report.source.outcomes", args.locale, file=_file_label(args.outcomes)),
    ]
    if args.format == XLSX:
        workbook = write_scorecard_xlsx(
            card, locale=args.locale, sources=sources, fictional=marked_fictional(data)
        )
        _write_bytes(workbook, args.output)
    else:
        report = render(
            card,
            args.format,
            args.locale,
            color=color,
            width=width,
            sources=sources,
            fictional=marked_fictional(data),
        )
        _write(report, args.output)
    found = report_findings(plan, outcomes, args.year)
    if found:
        _print_findings(found, plan_name, _lines_of(outcomes_name, data), args.locale)
        if not args.allow_findings:
            return EXIT_FINDINGS
    return EXIT_OK


# -- calendar -------------------------------------------------------------------------------


def _fields(cls: type) -> set[str]:
    return {f.alias or f.name for f in attrs.fields(cls) if f.init}


def _top_keys(path: str, data: bytes | None) -> set[str]:
    """The top-level keys of a JSON or TOML document, or none when it cannot be read."""
    document = _document(path, data)
    return {str(k) for k in document} - {"format"} if isinstance(document, dict) else set()


def _load_calendar(path: str) -> FollowUpCalendar:
    """A plan's calendar, or a calendar file's; the file is tried as a plan first.

    When it is neither, the error is the one for the type whose fields the document names
    (a plan with a broken goal is reported as a plan), else one line saying it is neither.
    """
    name = _shown_name(path)
    data = _read_bytes(path) if path == STDIO else None

    def read(cls: type[Any]) -> Any:
        with _reading(name):
            if data is not None:
                return loads(data, cls, _format_of(data), source=STDIN_NAME)
            return load(path, cls)

    try:
        plan: Plan = read(Plan)
    except SerializationError as as_plan:
        try:
            calendar: FollowUpCalendar = read(FollowUpCalendar)
            return calendar
        except SerializationError as as_calendar:
            if str(as_plan) == str(as_calendar):  # unreadable, not JSON/TOML, no "format"
                raise as_plan from None
            keys = _top_keys(path, data)
            plan_keys = len(keys & _fields(Plan))
            calendar_keys = len(keys & _fields(FollowUpCalendar))
            if plan_keys > calendar_keys:
                raise as_plan from None
            if calendar_keys > plan_keys:
                raise as_calendar from None
            raise failure(SerializationError, "cli.error.neither", name) from None
    if plan.calendar is None:
        raise failure(CalendarError, "cli.error.no_calendar", name, plan=repr(plan.id))
    return plan.calendar


def _calendar_row(o: Occasion, locale: str, marked: str) -> list[str]:
    kind = o.kind_label(locale) + (f": {o.title}" if o.title else "")
    contents = ", ".join(c.label(locale) if isinstance(c, Content) else c for c in o.contents)
    if o.reported:
        flags = text("cli.calendar.marked", locale, flags="/".join(o.reported))
        contents = f"{contents}, {flags}" if contents else flags
    return [
        o.due.isoformat(),
        o.planned.isoformat() if o.is_shifted else "",
        one_line(kind),
        one_line(o.period.label(locale)) if o.period is not None else "–",
        one_line(o.recipient_label(locale)),
        one_line(contents) or "–",
        marked,
    ]


_CALENDAR_COLUMNS = ("due", "planned", "occasion", "period", "recipient", "contents")


def _calendar_table(
    calendar: FollowUpCalendar, year: int, locale: str, as_of: dt.date | None
) -> str:
    occasions = calendar.year(year)
    name = one_line(calendar.name)
    lines = [text("cli.calendar.title", locale, name=name, year=year), ""]
    if not occasions:
        lines.append(text("cli.calendar.none", locale, year=year))
    following = None
    if as_of is not None:
        following = calendar.next_due(after=as_of - dt.timedelta(days=1))
    rows = [
        _calendar_row(o, locale, "→" if following and o.due == following.due else "")
        for o in occasions
    ]
    if rows:
        head = [text(f"cli.calendar.column.{c}", locale) for c in _CALENDAR_COLUMNS]
        shifted = any(r[1] for r in rows)
        columns = [0, 1, 2, 3, 4, 5] if shifted else [0, 2, 3, 4, 5]
        table = [[head[c] for c in columns], *[[r[c] for c in columns] for r in rows]]
        widths = [max(len(t[i]) for t in table) for i in range(len(columns) - 1)]
        marks = ["", *[r[6] for r in rows]]
        for mark, cells in zip(marks, table, strict=True):
            row = "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=False))
            lines.append(f"{mark or ' '} {row}  {cells[-1]}".rstrip())
        lines += ["", ntext("cli.calendar.count", len(rows), locale)]
    if as_of is not None:
        if following is None:
            lines.append(text("cli.calendar.nothing", locale, date=as_of.isoformat()))
        else:
            lines.append(
                text(
                    "cli.calendar.next",
                    locale,
                    date=as_of.isoformat(),
                    due=following.due.isoformat(),
                    occasion=one_line(following.label(locale)),
                )
            )
    return "\n".join(lines) + "\n"


def _cmd_calendar(args: argparse.Namespace) -> int:
    if not 1953 <= args.year <= 9999:
        raise failure(_UsageError, "cli.error.calendar_year", "--year", year=args.year)
    as_of = _as_of(args.as_of)
    if as_of is not None and args.ics is not None:
        raise failure(_UsageError, "cli.error.as_of_ics", "--as-of")
    calendar = _load_calendar(args.file)
    if args.ics is None:
        _out(_calendar_table(calendar, args.year, args.locale, as_of))
        return EXIT_OK
    ics = write_ics(calendar, between=Period.year(args.year), locale=args.locale)
    if args.ics == STDIO:
        _out(ics)
        return EXIT_OK
    try:
        with open(args.ics, "w", encoding="utf-8", newline="") as out:  # keep CRLF as is
            out.write(ics)
    except OSError as exc:
        raise failure(
            SerializationError, "cli.error.cannot_write", args.ics, reason=exc.strerror or str(exc)
        ) from None
    n = ics.count("\r\nBEGIN:VEVENT\r\n")
    _say(ntext("cli.calendar.wrote", n, args.locale, year=args.year, path=args.ics))
    return EXIT_OK


# -- demo -----------------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace) -> int:
    data = resources.files("styrmodell") / "_demo"
    plan = loads(
        (data / "oxelosund_von_2023.toml").read_bytes(), Plan, "toml", source="oxelosund.toml"
    )
    outcomes_csv = (data / "oxelosund_outcomes_2023.csv").read_bytes()
    outcomes = read_outcomes(outcomes_csv, name="oxelosund_outcomes_2023.csv")
    card = assess(plan, outcomes, 2023, as_of=dt.date(2024, 2, 15))
    color = args.format == "text" and _use_color(args.color, sys.stdout)
    width = args.width if args.width is not None else _terminal_width()
    sources = [text("cli.demo.source", args.locale)]
    shown = render(
        card,
        args.format,
        args.locale,
        color=color,
        width=width,
        sources=sources,
        fictional=marked_fictional(outcomes_csv),
    )
    _out(shown)
    return EXIT_OK


# -- arguments ------------------------------------------------------------------------------


def _locale(value: str) -> str:
    """A ``--locale`` the text layer has (``sv``, ``en``) or a variant of one (``sv_SE``).

    Returns the locale as babel names it (``en-GB`` becomes ``en_GB``).
    """
    try:
        found = parse_locale(value)
    except StyrmodellError:
        found = None
    known = available_locales()
    if found is None or not (found.language in known or str(found) in known):
        raise argparse.ArgumentTypeError(
            # The locale asked for is not one we have: say so in the reference language.
            text("cli.error.locale", REFERENCE_LOCALE, value=repr(value), choices=", ".join(known))
        )
    return str(found)


def _width(value: str) -> int:
    try:
        width = int(value)
    except ValueError:
        width = 0
    if width < 1:
        raise argparse.ArgumentTypeError(text("cli.error.width", _Parser.locale, value=repr(value)))
    return width


def _requested_locale(argv: Sequence[str]) -> str:
    """The ``--locale`` in *argv* (also abbreviated, or as ``--locale=xx``), for the help.

    A locale the text layer lacks gives the reference locale (English) for the error.
    """
    for n, arg in enumerate(argv):
        name, sep, value = arg.partition("=")
        if len(name) < 3 or not "--locale".startswith(name):
            continue
        if not sep:
            if n + 1 >= len(argv):
                break
            value = argv[n + 1]
        try:
            return _locale(value)
        except argparse.ArgumentTypeError:
            # A locale we lack: whoever asked for it may not read Swedish, so the whole
            # error (prefix, usage, message) is worded in the reference language.
            return REFERENCE_LOCALE
    return DEFAULT_LOCALE


def _new_parser(make: Any, locale: str, **kwargs: Any) -> tuple[argparse.ArgumentParser, Any, Any]:
    """A parser whose section titles and help option are worded in *locale*."""
    parser: argparse.ArgumentParser = make(add_help=False, **kwargs)
    arguments = parser.add_argument_group(text("cli.group.arguments", locale))
    options = parser.add_argument_group(text("cli.group.options", locale))
    options.add_argument("-h", "--help", action="help", help=_help("cli.help.help", locale))
    return parser, arguments, options


def _help(code: str, locale: str, **params: object) -> str:
    return text(code, locale, **params).replace("%", "%%")  # argparse %-formats help


def _cmd_diff(args: argparse.Namespace) -> int:
    """What changed from one plan file to another, one change a line; exit 1 when any did."""
    _one_stdin(args.old, args.new)
    changes = diff(_load_plan(args.old), _load_plan(args.new))
    for change in changes:
        _say(change.describe(args.locale))
    _say(ntext("cli.diff.count", len(changes), args.locale))
    return EXIT_FINDINGS if changes else EXIT_OK


def _parser(locale: str = DEFAULT_LOCALE) -> argparse.ArgumentParser:
    from styrmodell import __version__

    class Parser(_Parser):
        pass

    Parser.locale = locale
    parser, _, options = _new_parser(
        Parser,
        locale,
        prog="styrmodell",
        description=_help("cli.description", locale),
        epilog=_help("cli.epilog", locale),
    )
    options.add_argument(
        "--version",
        action="version",
        version=f"styrmodell {__version__}",
        help=_help("cli.help.version", locale),
    )
    options.add_argument("--debug", action="store_true", help=_help("cli.help.debug", locale))
    sub = parser.add_subparsers(
        dest="command",
        required=True,
        parser_class=Parser,
        title=text("cli.group.commands", locale),
        metavar="{check,report,describe,diff,calendar,demo}",
    )

    def command(name: str) -> tuple[Any, Any]:
        _, arguments, options = _new_parser(
            sub.add_parser,
            locale,
            name=name,
            help=_help(f"cli.{name}.help", locale),
            description=_help(f"cli.{name}.help", locale),
            epilog=_help(f"cli.{name}.epilog", locale),
        )
        return arguments, options

    def locale_option(options: Any) -> None:
        options.add_argument(
            "--locale",
            default=DEFAULT_LOCALE,
            type=_locale,
            help=_help("cli.help.locale", locale, choices=", ".join(available_locales())),
        )

    def report_options(options: Any) -> None:
        options.add_argument(
            "--format",
            default="text",
            choices=[*FORMATS, XLSX],
            help=_help("cli.help.format", locale),
        )
        options.add_argument(
            "--color",
            "--colour",
            default="auto",
            choices=["auto", "always", "never"],
            help=_help("cli.help.color", locale),
        )
        options.add_argument(
            "--width", type=_width, metavar="N", help=_help("cli.help.width", locale)
        )

    plan_help = _help("cli.help.plan", locale)
    arguments, options = command("check")
    arguments.add_argument("plan", help=plan_help)
    locale_option(options)
    options.set_defaults(func=_cmd_check)

    arguments, options = command("report")
    arguments.add_argument("plan", help=plan_help)
    arguments.add_argument("outcomes", nargs="?", help=_help("cli.help.outcomes", locale))
    options.add_argument(
        "--year", type=int, required=True, help=_help("cli.help.report_year", locale)
    )
    options.add_argument("--as-of", help=_help("cli.help.as_of", locale))
    report_options(options)
    options.add_argument("-o", "--output", help=_help("cli.help.output", locale))
    options.add_argument(
        "--allow-findings", action="store_true", help=_help("cli.help.allow_findings", locale)
    )
    locale_option(options)
    _kolada_report_options(options, locale)
    options.set_defaults(func=_cmd_report)

    arguments, options = command("describe")
    arguments.add_argument("plan", help=plan_help)
    options.add_argument("--year", type=int, help=_help("cli.help.describe_year", locale))
    locale_option(options)
    options.set_defaults(func=_cmd_describe)

    arguments, options = command("diff")
    arguments.add_argument("old", help=_help("cli.help.diff_old", locale))
    arguments.add_argument("new", help=_help("cli.help.diff_new", locale))
    locale_option(options)
    options.set_defaults(func=_cmd_diff)

    arguments, options = command("calendar")
    arguments.add_argument("file", help=_help("cli.help.calendar_file", locale))
    options.add_argument(
        "--year", type=int, required=True, help=_help("cli.help.calendar_year", locale)
    )
    options.add_argument("--ics", metavar="OUT", help=_help("cli.help.ics", locale))
    options.add_argument("--as-of", help=_help("cli.help.calendar_as_of", locale))
    locale_option(options)
    options.set_defaults(func=_cmd_calendar)

    arguments, options = command("import")
    arguments.add_argument("table", help=_help("import.help.table", locale))
    options.add_argument("--out", required=True, help=_help("import.help.out", locale))
    options.add_argument("--id", help=_help("import.help.id", locale))
    options.add_argument("--title", help=_help("import.help.title", locale))
    options.add_argument("--years", type=_years_option, help=_help("import.help.years", locale))
    options.add_argument("--sheet", help=_help("import.help.sheet", locale))
    locale_option(options)
    options.set_defaults(func=_cmd_import)

    arguments, options = command("demo")
    report_options(options)
    locale_option(options)
    options.set_defaults(func=_cmd_demo)

    _kolada_commands(sub, locale, locale_option)
    return parser


# -- kolada ---------------------------------------------------------------------------------


def _kolada_report_options(options: Any, locale: str) -> None:
    """``report --kolada SNAP [--municipality ID]``: outcomes and references from a snapshot."""
    options.add_argument("--kolada", metavar="SNAP", help=_help("kolada.cli.help.kolada", locale))
    options.add_argument(
        "--municipality", help=_help("kolada.cli.help.report_municipality", locale)
    )


def _kolada_commands(sub: Any, locale: str, locale_option: Any) -> None:
    """``kolada fetch PLAN ...`` and ``kolada refresh SNAP``."""
    parser, _, _ = _new_parser(
        sub.add_parser,
        locale,
        name="kolada",
        help=_help("kolada.cli.help", locale),
        description=_help("kolada.cli.help", locale),
    )
    actions = parser.add_subparsers(
        dest="kolada_command",
        required=True,
        parser_class=_Parser,
        title=text("cli.group.commands", locale),
    )

    def action(name: str) -> tuple[Any, Any]:
        _, arguments, options = _new_parser(
            actions.add_parser,
            locale,
            name=name,
            help=_help(f"kolada.cli.{name}.help", locale),
            description=_help(f"kolada.cli.{name}.help", locale),
        )
        options.add_argument(
            "--base-url", default=None, help=_help("kolada.cli.help.base_url", locale)
        )
        options.add_argument(
            "-q", "--quiet", action="store_true", help=_help("kolada.cli.help.quiet", locale)
        )
        locale_option(options)
        return arguments, options

    arguments, options = action("fetch")
    arguments.add_argument("plan", help=_help("cli.help.plan", locale))
    options.add_argument(
        "--municipality", required=True, help=_help("kolada.cli.help.municipality", locale)
    )
    options.add_argument("--years", required=True, help=_help("kolada.cli.help.years", locale))
    options.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="ID",
        help=_help("kolada.cli.help.group", locale),
    )
    options.add_argument("--out", required=True, help=_help("kolada.cli.help.out", locale))
    options.set_defaults(func=_cmd_kolada_fetch)

    arguments, options = action("refresh")
    arguments.add_argument("file", help=_help("kolada.cli.help.snapshot", locale))
    options.add_argument("--since", help=_help("kolada.cli.help.since", locale))
    options.add_argument("--out", help=_help("kolada.cli.help.refresh_out", locale))
    options.set_defaults(func=_cmd_kolada_refresh)


def _kolada_years(value: str) -> list[int]:
    """``"2021-2024"``, ``"2023"`` or ``"2021,2023"`` as years."""
    years: list[int] = []
    try:
        for part in value.split(","):
            first, dash, last = part.strip().partition("-")
            start = int(first)
            end = int(last) if dash else start
            if not 1900 <= start <= end <= 2100 or end - start > 100:
                raise ValueError(part)
            years += range(start, end + 1)
    except ValueError:
        raise failure(_UsageError, "kolada.cli.bad_years", "--years", value=value) from None
    return sorted(set(years))


def _kolada_progress(args: argparse.Namespace) -> Any:
    if args.quiet:
        return None

    def progress(done: int, total: int, path: str) -> None:
        sys.stderr.write(
            printable(text("kolada.cli.progress", args.locale, done=done, total=total, path=path))
            + "\n"
        )
        sys.stderr.flush()

    return progress


def _kolada_client(args: argparse.Namespace, base_url: str) -> kolada.Client:
    return kolada.Client(base_url, progress=_kolada_progress(args))


def _kolada_dump(snapshot: kolada.Snapshot, path: str) -> None:
    try:
        dump(snapshot, path)
    except OSError as exc:
        raise failure(
            SerializationError, "cli.error.cannot_write", path, reason=exc.strerror or str(exc)
        ) from None


def _cmd_kolada_fetch(args: argparse.Namespace) -> int:
    plan = _load_plan(args.plan)
    kpis = list(dict.fromkeys(k for i in plan.all_indicators() if (k := i.kolada_kpi)))
    if not kpis:
        raise failure(_UsageError, "kolada.cli.no_kpis", args.plan)
    years = _kolada_years(args.years)
    (unit,) = municipality_ids(args.municipality)
    base_url = args.base_url or kolada.BASE_URL
    with _kolada_client(args, base_url) as client:
        kommuner = client.municipalities(region_type="K")
        title = next((m.title for m in kommuner if m.id == unit), "")
        groups = list(args.group)
        if title:
            groups += kolada.similar_groups(client.municipality_groups(), title)
        units = [unit, kolada.COUNTRY, *groups, *(m.id for m in kommuner)]
        snapshot = kolada.fetch(kpis, units, years, client=client, municipality=unit)
    _kolada_dump(snapshot, args.out)
    if not args.quiet:
        _err(
            ntext(
                "kolada.cli.fetched",
                len(snapshot.rows),
                args.locale,
                kpis=len(kpis),
                units=len(set(units)),
                requests=len(snapshot.requests),
                out=args.out,
            )
        )
    return EXIT_OK


def _load_snapshot(path: str) -> kolada.Snapshot:
    with _reading(path):
        return load(path, kolada.Snapshot)


def _kolada_since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise failure(_UsageError, "kolada.cli.bad_since", "--since", value=value) from None


def _cmd_kolada_refresh(args: argparse.Namespace) -> int:
    since = _kolada_since(args.since)
    snapshot = _load_snapshot(args.file)
    base_url = args.base_url or snapshot.base_url
    with _kolada_client(args, base_url) as client:
        done = kolada.refresh(snapshot, since, client=client)
    _kolada_dump(done.snapshot, args.out or args.file)
    _say(done.describe(args.locale))
    return EXIT_OK


def _kolada_report(args: argparse.Namespace) -> int:
    if args.outcomes is not None:
        raise failure(_UsageError, "kolada.cli.outcomes_and_kolada", "report")
    plan = _load_plan(args.plan)
    snapshot = _load_snapshot(args.kolada)
    unit = args.municipality or snapshot.municipality
    if unit is None:
        raise failure(_UsageError, "kolada.cli.which_municipality", args.kolada)
    given = kolada.inputs(plan, snapshot, unit)
    card = given.assess(plan, args.year, as_of=_as_of(args.as_of))
    to_stdout = args.output is None or args.output == STDIO
    if args.format == XLSX:
        source = text("cli.report.source.kolada", args.locale, file=_file_label(args.kolada))
        workbook = write_scorecard_xlsx(card, locale=args.locale, sources=[source])
        _write_bytes(workbook, args.output)
        return EXIT_OK
    color = args.format == "text" and to_stdout and _use_color(args.color, sys.stdout)
    _write(kolada.report(card, given, args.format, args.locale, color=color), args.output)
    return EXIT_OK


# -- errors ---------------------------------------------------------------------------------


def _worded(exc: StyrmodellError, locale: str) -> str:
    """The error's message with each of its problems worded in *locale*.

    The message keeps its frame (the file it names, the indentation); the problems' own
    text and their count change, so English output is exactly the exception's text, and an
    error whose problems have no wording in the catalogs is shown as it is.
    """
    message = str(exc)
    problems = exc.problems
    changed = False
    for found in problems:
        english, worded = str(found), problem_text(found, locale)
        if english != worded:
            message = message.replace(english, worded)
            changed = True
    if changed and len(problems) > 1:
        message = message.replace(
            ntext("count.problems", len(problems), REFERENCE_LOCALE),
            ntext("count.problems", len(problems), locale),
        )
    return message


def _inputs(args: argparse.Namespace) -> str:
    names = [getattr(args, name, None) for name in ("plan", "outcomes", "file", "table")]
    return ", ".join(_shown_name(name) for name in names if name) or "styrmodell"


def _failed(exc: BaseException, args: argparse.Namespace) -> str:
    """What went wrong, worded for the person at the terminal."""
    locale = args.locale if isinstance(getattr(args, "locale", None), str) else DEFAULT_LOCALE
    if isinstance(exc, StyrmodellError):
        return text("cli.error", locale, message=_worded(exc, locale))
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else _inputs(args)
        reason = exc.strerror or str(exc)
        return text("cli.error", locale, message=f"{os.fsdecode(where)}: {reason}")
    if isinstance(exc, RecursionError | MemoryError | UnicodeError):
        why = (
            text("cli.error.too_deep", locale)
            if isinstance(exc, RecursionError)
            else text("cli.error.too_large", locale)
            if isinstance(exc, MemoryError)
            else text("cli.error.text", locale, reason=exc)
        )
        return text("cli.error", locale, message=f"{_inputs(args)}: {why}")
    return text("cli.error.bug", locale, error=_brief(exc))


def _exit_code(exc: SystemExit) -> int:
    if exc.code is None:
        return EXIT_OK
    if isinstance(exc.code, int):
        return exc.code
    _err(str(exc.code))
    return EXIT_INPUT


def _quiet_stdout() -> None:
    """After a broken pipe, send what is left to /dev/null (no error when Python exits)."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``styrmodell`` command; returns the exit code.

    Never raises for any input or argument (``--debug`` re-raises, to show the traceback).

    Examples:
        >>> main(["describe", "no-such-plan.toml"])
        2
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    locale = _requested_locale(arguments)
    parser = _parser(locale)
    try:
        with _argparse_words(locale):
            args = parser.parse_args(arguments)
    except SystemExit as exc:  # --help, --version, or a bad argument argparse explained
        return _exit_code(exc)
    try:
        code: int = args.func(args)
    except BrokenPipeError:  # e.g. `styrmodell report ... | head`
        _quiet_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        if args.debug:
            raise
        return EXIT_INTERRUPTED
    except Exception as exc:  # every failure is one message, never a traceback
        if args.debug:
            raise
        _err(_failed(exc, args))
        return EXIT_INPUT
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
