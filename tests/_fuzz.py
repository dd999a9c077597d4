"""The fuzz harness: profiles, the record of every input tried, mutations of example files.

The fuzz tests (``tests/test_fuzz*.py``) call each reader and text parser through
:func:`attempt`, which lets a :class:`~styrmodell.StyrmodellError` pass as an answer and counts
anything else as an *escape*. The normal suite runs few examples; ``make fuzz`` sets
``STYRMODELL_FUZZ=fuzz``, which selects the ``fuzz`` hypothesis profile (more than 20,000
inputs in all), guards every input against hangs, collects every escape instead of stopping at
the first, and writes a report per surface (inputs tried, escapes, slowest input) to
``build/fuzz-report.md``.
"""

from __future__ import annotations

import contextlib
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

import styrmodell as sm

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

PROFILE = os.environ.get("STYRMODELL_FUZZ", "")
"""``"fuzz"`` under ``make fuzz``; empty in the normal suite."""
FUZZING = PROFILE == "fuzz"
REPORT = Path(os.environ.get("STYRMODELL_FUZZ_REPORT", ROOT / "build" / "fuzz-report.md"))

HANG_SECONDS = 5.0
"""An input that takes longer is a hang (``make fuzz`` only: the suite asserts no timing)."""
MEMORY_BYTES = 3 * 1024**3
"""``make fuzz`` runs with this much address space: an input that needs more is an escape."""

settings.register_profile(
    "fuzz-quick",
    deadline=None,
    max_examples=15,
    suppress_health_check=list(HealthCheck),
    report_multiple_bugs=False,
)
settings.register_profile(
    "fuzz",
    deadline=None,
    max_examples=1000,
    suppress_health_check=list(HealthCheck),
    # Every escape is collected and reported; shrinking a hang would take hours.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    database=None,
)
BASE = settings.get_profile("fuzz" if FUZZING else "fuzz-quick")


def fuzz_settings(weight: float = 1.0) -> settings:
    """The profile's settings with *weight* times its examples (surfaces differ in cost)."""
    return settings(BASE, max_examples=max(1, round(BASE.max_examples * weight)))


@attrs.define
class Surface:
    """What the fuzzing of one reader or parser found."""

    name: str
    tried: int = 0
    escapes: list[str] = attrs.field(factory=list)
    slowest: float = 0.0
    slowest_input: str = ""


SURFACES: dict[str, Surface] = {}


class Hang(BaseException):
    """An input took longer than :data:`HANG_SECONDS` (a ``BaseException``: no library code
    may swallow it in an ``except Exception``)."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang(f"no answer after {HANG_SECONDS:.0f} s")


@contextlib.contextmanager
def _guarded() -> Iterator[None]:
    if not FUZZING:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HANG_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_memory() -> None:
    """Cap the address space under ``make fuzz`` (a runaway allocation is an escape)."""
    if FUZZING:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = MEMORY_BYTES if hard == resource.RLIM_INFINITY else min(MEMORY_BYTES, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def shown(value: object, limit: int = 120) -> str:
    text = repr(value)
    return (
        text if len(text) <= limit else f"{text[: limit - 30]}...{text[-20:]} ({len(text)} chars)"
    )


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    inside = [f for f in frames if "/styrmodell/" in f.filename and "/tests/" not in f.filename]
    frame = (inside or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{frame.filename.split('/src/')[-1]}:{frame.lineno}"


def attempt(surface: str, call: Callable[[Any], Any], data: Any) -> Any:
    """``call(data)``: its value or the StyrmodellError it raised; anything else escapes.

    In the normal suite an escape is raised at once (hypothesis shrinks it); under
    ``make fuzz`` it is recorded — input, exception, file:line — and the test fails when it
    ends, so one run lists every escape.
    """
    record = SURFACES.setdefault(surface, Surface(surface))
    start = time.perf_counter()
    try:
        with _guarded():
            return call(data)
    except sm.StyrmodellError as exc:
        return exc
    except (Exception, Hang) as exc:
        if not FUZZING:
            raise
        record.escapes.append(
            f"{type(exc).__name__}: {shown(str(exc), 160)} at {_where(exc)} for {shown(data)}"
        )
        return exc
    finally:
        elapsed = time.perf_counter() - start
        record.tried += 1
        if elapsed > record.slowest:
            record.slowest = elapsed
            record.slowest_input = shown(data, 80)


def write_report() -> None:
    """Write ``build/fuzz-report.md``: per surface, inputs tried, escapes, slowest input."""
    if not SURFACES:
        return
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    total = sum(s.tried for s in SURFACES.values())
    escapes = sum(len(s.escapes) for s in SURFACES.values())
    lines = [
        f"# Fuzz report ({PROFILE or 'quick'} profile)",
        "",
        f"{total} inputs, {escapes} escapes.",
        "",
        "| surface | inputs tried | escapes | slowest input | |",
        "|---|---:|---:|---:|---|",
    ]
    for s in sorted(SURFACES.values(), key=lambda s: s.name):
        slowest = s.slowest_input.replace("|", "¦").replace("`", "'")
        lines.append(
            f"| {s.name} | {s.tried} | {len(s.escapes)} | {s.slowest * 1000:.0f} ms | `{slowest}` |"
        )
    for s in sorted(SURFACES.values(), key=lambda s: s.name):
        if s.escapes:
            lines += ["", f"## Escapes: {s.name}", ""]
            lines += [f"- {e}" for e in dict.fromkeys(s.escapes)]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


# -- mutations of example files ------------------------------------------------------------

TOKENS: list[bytes] = [
    b"1e999999",
    b"-1e-999999999",
    b"9" * 5000,
    b"0." + b"0" * 40 + b"1",
    b"NaN",
    b"-Infinity",
    b"inf",
    b'"\\ud800"',
    b'"\\udfff\\ud800"',
    b"\x00",
    b"\x1b[2J",
    b"\r",
    b"\r\n",
    b'"',
    b"'",
    b",",
    b";",
    b"[",
    b"]",
    b"{",
    b"}",
    b"=",
    b"==",
    b"#",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xe5\xe4\xf6",
    b"\xc3",
    b"\xed\xa0\x80",
    b'"type": "bands"',
    b'"type": "x"',
    b"format",
    b"2023-02-30",
    b"=cmd|' /C calc'!A0",
    b"58 17",
    b"1 000 000",
    b"\xe2\x88\x92" + b"4,1",
    b"<script>alert(1)</script>",
]


def _index(draw: Any, data: bytearray) -> int:
    return int(draw(st.integers(0, len(data))))


def _flip(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    if data:
        i = draw(st.integers(0, len(data) - 1))
        data[i] ^= draw(st.integers(1, 255))
    return data


def _truncate(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    return data[: _index(draw, data)]


def _duplicate(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    i = _index(draw, data)
    j = min(len(data), i + draw(st.integers(1, 400)))
    k = _index(draw, data)
    times = draw(st.sampled_from([1, 2, 10]))
    return data[:k] + data[i:j] * times + data[k:]


def _splice(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    other = draw(st.sampled_from(seeds))
    return data[: _index(draw, data)] + other[draw(st.integers(0, len(other))) :]


def _delete(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    i = _index(draw, data)
    return data[:i] + data[i + draw(st.integers(1, 200)) :]


def _insert(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    i = _index(draw, data)
    return data[:i] + draw(st.sampled_from(TOKENS)) + data[i:]


def _nest(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    i = _index(draw, data)
    n = draw(st.sampled_from([10, 100, 1000, 100_000]))
    opener, closer = draw(st.sampled_from([(b"[", b"]"), (b'{"a":', b"}"), (b"[[", b"]]")]))
    return data[:i] + opener * n + b"1" + closer * n + data[i:]


def _huge(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    i = _index(draw, data)
    size = draw(st.sampled_from([20_000, 200_000]))
    fill = draw(st.sampled_from([b"x", b"9", b"a,", b"\xc3\xa5"]))
    return data[:i] + fill * size + data[i:]


def _reencode(draw: Any, data: bytearray, seeds: list[bytes]) -> bytearray:
    text = bytes(data).decode("utf-8", errors="replace")
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "utf-8-sig", "cp1252", "latin-1"]))
    return bytearray(text.encode(encoding, errors="replace"))


MUTATIONS = [_flip, _truncate, _duplicate, _splice, _delete, _insert, _nest, _huge, _reencode]
HOSTILE = [_nest, _huge, _reencode, _insert]


def mutated(seeds: list[bytes], *, hostile: bool = False) -> st.SearchStrategy[bytes]:
    """Example files changed by one to four mutations (byte flips, truncations, duplications,
    splices, deletions, inserted tokens; with *hostile*, deep nesting, huge fields and other
    encodings as well)."""
    ops = MUTATIONS if hostile else MUTATIONS[:6]

    @st.composite
    def build(draw: Any) -> bytes:
        data = bytearray(draw(st.sampled_from(seeds)))
        for _ in range(draw(st.integers(1, 4))):
            data = draw(st.sampled_from(ops))(draw, data, seeds)
        return bytes(data)

    return build()


def seed_files(*suffixes: str) -> list[bytes]:
    """The bytes of the example files with one of *suffixes*."""
    return [p.read_bytes() for p in sorted(EXAMPLES.iterdir()) if p.suffix in suffixes]


def text_of(data: bytes) -> str:
    """Bytes as a text API receives them from a careless caller: undecodable bytes become lone
    surrogates (Python's ``surrogateescape``)."""
    return data.decode("utf-8", errors="surrogateescape")


# Pieces of the texts the parsers read, to build inputs that get past their first checks.
WORDS = [
    "Grönt", "Gult", "Rött", ":", " ", "mer än", "mindre än", "minst", "högst", "över",
    "under", "upp till", "%", "procent", "tkr", "mån", "dagar", "<", ">", "<=", ">=", "=",
    "-", "–", "−", "+/-", "plus/minus", "riket", "liknande kommuner", "bättre än",
    "sämre än", "som", "ökning", "minskning", "jämfört med", "har", "årets slut", "genomfört",
    "påbörjat", "2023", "2019", "0", "1", "60", "2,5", "40-60", "1e25", "1e-30", "inf",
    "(", ")", "[", "]", ",", ";", "|", "/", "<p>", "</p>", "⁴", ".", "\n", "\r", "\x00",
    "\x1b", "\ud800", "jan", "nov", "jan-nov", "T1", "Q2", "Delår", "Helår", "Månadsvis",
    "Kvartalsvis", "Tertialvis", "Årligen", "eftersläpning", "månaders", "en månads",
    "publiceras i april", "FREQ=", "DAILY", "MONTHLY", "YEARLY", "BYMONTH=", "BYMONTHDAY=",
    "BYDAY=", "BYSETPOS=", "INTERVAL=", "COUNT=", "UNTIL=", "30", "31", "2", "-1", "MO",
    "1FR",
]  # fmt: skip


def texts(*, words: list[str] | None = None, max_size: int = 60) -> st.SearchStrategy[str]:
    """Texts for a parser: arbitrary text, runs of its own words, and long repetitions."""
    vocabulary = st.sampled_from(words or WORDS)
    repeated = st.builds(
        lambda piece, n: piece * n,
        st.text(min_size=1, max_size=3) | vocabulary,
        st.sampled_from([10, 100, 1000] + ([10_000, 100_000] if FUZZING else [])),
    )
    return (
        st.text(max_size=max_size)
        | st.lists(vocabulary, max_size=max_size // 3).map("".join)
        | st.lists(vocabulary | st.text(max_size=4), max_size=12).map(" ".join)
        | repeated
    )
