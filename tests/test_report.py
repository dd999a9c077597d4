"""Reports: text, Markdown and HTML show every goal and indicator, status as word and icon."""

from __future__ import annotations

import datetime as dt
import re
import runpy
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from babel.dates import format_date
from hypothesis import given, settings
from hypothesis import strategies as st

import styrmodell as sm
from styrmodell._safe import printable

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
VOID = {"meta", "br", "img", "hr", "link", "input"}


@pytest.fixture(scope="module")
def card() -> sm.Scorecard:
    scorecard: sm.Scorecard = runpy.run_path(str(EXAMPLES / "oxelosund_von_2023.py"))["scorecard"]()
    return scorecard


@pytest.fixture(scope="module")
def hassleholm() -> sm.Scorecard:
    scorecard: sm.Scorecard = runpy.run_path(str(EXAMPLES / "hassleholm_omsorg_2019.py"))[
        "scorecard"
    ]()
    return scorecard


class Page(HTMLParser):
    """Collects the text of an HTML page and checks that every element is closed."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, tag
        assert self.stack[-1] == tag, (self.stack[-5:], tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert parser.stack == []
    return parser


def titles(card: sm.Scorecard) -> list[str]:
    goals = [g.goal.title or g.goal.id for g in card.walk()]
    return goals + [i.indicator.title or i.id for i in card.all_indicators()]


@pytest.mark.parametrize("name", ["card", "hassleholm"])
def test_html_parses_and_shows_every_goal_and_indicator(
    name: str, request: pytest.FixtureRequest
) -> None:
    scorecard: sm.Scorecard = request.getfixturevalue(name)
    page = parse(sm.render(scorecard, "html"))
    text = " ".join(" ".join(page.text).split())
    for title in titles(scorecard):
        assert " ".join(title.split()) in text
    assert page.tags[:2] == ["html", "head"]


def test_html_is_self_contained_and_never_colour_alone(card: sm.Scorecard) -> None:
    out = sm.render(card, "html")
    page = parse(out)
    assert "script" not in page.tags
    assert "link" not in page.tags
    assert not any(v and ("http://" in v or "https://" in v) for _, v in page.attrs)
    assert "@media print" in out
    assert '<html lang="sv">' in out
    for status in sm.Status:
        css = {"GREEN": "green", "YELLOW": "yellow", "RED": "red", "NOT_ASSESSED": "none"}
        badge = f'class="status {css[status.name]}">'
        if badge in out:  # every coloured badge also carries the icon and the word
            following = out.split(badge, 1)[1].split("</span>", 1)[0]
            assert status.label() in following


def test_html_in_english(card: sm.Scorecard) -> None:
    out = sm.render(card, "html", locale="en")
    assert '<html lang="en">' in out
    assert "Goal attainment 2023" in out
    assert "Summary per level" in out


def squeezed(text: str) -> str:
    """*text* with every run of whitespace one space: wrapped lines read as one."""
    return " ".join(text.split())


def test_text_and_markdown_show_every_indicator(card: sm.Scorecard) -> None:
    text = sm.render(card, "text", width=1000)  # wide enough for every title on its line
    md = sm.render(card, "markdown")
    for result in card.all_indicators():
        assert result.status.label() in text
        assert (result.indicator.title or result.id) in text
        assert (result.indicator.title or result.id).replace("|", "\\|") in md
    assert "\x1b[" not in text
    header = next(line for line in md.splitlines() if line.startswith("| "))
    assert header.startswith("| Mål / mått | Status | Ansvarig | Utfall | Föregående |")


def test_colour_only_when_asked(card: sm.Scorecard) -> None:
    coloured = sm.render(card, "text", color=True)
    assert "\x1b[32m" in coloured
    assert coloured.replace("\x1b[0m", "").count("Grönt") == sm.render(card).count("Grönt")


def test_per_gender_columns_where_followed_up_per_kon(hassleholm: sm.Scorecard) -> None:
    per_gender = [
        i
        for i in hassleholm.all_indicators()
        if {sm.Gender.WOMEN, sm.Gender.MEN} & set(i.by_gender())
    ]
    text = sm.render(hassleholm, "text", width=250)
    header = next(line for line in text.splitlines() if line.startswith("Status"))
    if per_gender:
        assert "Kvinnor" in header
        assert "Män" in header
    else:
        assert "Kvinnor" not in header


def test_the_summary_counts_goals_per_level(card: sm.Scorecard) -> None:
    text = sm.render(card, "text")
    summary = text.rstrip().splitlines()[-len(card.plan.levels) - 1 :]
    for line, level in zip(summary, [*card.plan.levels, "Mått"], strict=True):
        assert line.startswith(f"{level}:")
    assert summary[-1].split(":")[1].split() == [
        "●",
        "Grönt",
        "21,",
        "○",
        "Rött",
        "10,",
        "–",
        "Ej",
        "bedömd",
        "5",
    ]
    assert sum(card.counts().values()) == sum(1 for _ in card.walk())


def test_unknown_format_and_wrong_input_are_errors(card: sm.Scorecard) -> None:
    with pytest.raises(sm.StyrmodellError, match="unknown format 'pdf'"):
        sm.render(card, "pdf")
    bad: Any = "not a scorecard"
    with pytest.raises(sm.StyrmodellError, match=r"expected a styrmodell\.Scorecard"):
        sm.render(bad)
    with pytest.raises(sm.StyrmodellError, match="expected the width as a whole number"):
        sm.render(card, width=bad)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install -y chromium); "
    "the HTML report is still parsed and checked above",
)
def test_headless_chromium_renders_the_html_report(card: sm.Scorecard, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    page = tmp_path / "report.html"
    page.write_text(sm.render(card, "html"), encoding="utf-8")
    png = tmp_path / "report.png"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=1200,1600",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    height = int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)
    assert len(data) > 20_000  # a page with text and colour, not a blank image


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium is not installed (Debian: apt-get install -y chromium)",
)
@pytest.mark.parametrize("window", [1200, 1000])
def test_the_html_report_fits_its_window_without_scrolling_sideways(
    card: sm.Scorecard, tmp_path: Path, window: int
) -> None:
    """The whole Oxelösund report, laid out by Chromium: nothing wider than the window.

    The report has no script; a copy of it gets one that writes the page's width into
    the DOM Chromium dumps (the measurement only, never the report itself).
    """
    assert CHROMIUM is not None
    report = sm.render(card, "html")
    assert "<script" not in report
    measure = (
        "<script>window.addEventListener('load', () => {"
        "document.body.setAttribute('data-width', document.documentElement.scrollWidth);"
        "});</script></body>"
    )
    page = tmp_path / "measure.html"
    page.write_text(report.replace("</body>", measure), encoding="utf-8")
    dumped = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--window-size={window},900",
            "--dump-dom",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    found = re.search(r'data-width="(\d+)"', dumped)
    assert found is not None, dumped[-500:]
    assert int(found.group(1)) <= window


# -- text from data cannot inject into any format ----------------------------------------

INJECTIONS = [
    "Rad | med | lodstreck",
    "titel\r| injicerad | rad | här | x |",
    "titel\n| injicerad | rad | här | x |",
    "titel\r\n## Rubrik",
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[klicka](javascript:alert(1)) ![bild](http://example.invalid/x.png)",
    "**fet** _kursiv_ `kod` ~~struken~~ \\| &amp; &lt;b&gt;",
    "\x1b[2J\x1b]8;;http://example.invalid\x07länk\x1b]8;;\x07 \x1b[31mröd\x1b[0m",
    "höger\u202etill\u2066vänster\u2069 \x00\x08\x7f\x9b",
]


def injected_card(payload: str) -> sm.Scorecard:
    """A scorecard whose every text from data — plan, levels, goals, indicators, the
    organisation, a reference's name in a target — is *payload*."""
    plan = sm.Plan(
        id="p",
        title=payload,
        organisation=payload,
        years=2023,
        levels=(payload, f"{payload} 2"),
        goals=[
            sm.Goal(
                id="g",
                title=payload,
                children=[
                    sm.Goal(
                        id="c",
                        title=payload,
                        level=1,
                        indicators=[
                            sm.Indicator(
                                id="i",
                                title=payload,
                                unit=sm.Unit.PERCENT,
                                targets={2023: sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT)},
                            ),
                            sm.Indicator(
                                id="r",
                                title=payload,
                                unit=sm.Unit.PERCENT,
                                targets={
                                    2023: sm.CompareToReference(
                                        reference=payload, unit=sm.Unit.PERCENT
                                    )
                                },
                            ),
                        ],
                    )
                ],
            )
        ],
    )
    outcomes = [
        sm.Outcome("i", 2023, 85),
        sm.Outcome("i", 2023, 70, gender="K"),
        sm.Outcome("r", 2023, 88, references={payload: 86}),
    ]
    return sm.assess(plan, outcomes, 2023)


UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(payload: str) -> str:
    """What every format shows of *payload* as text: one line, controls as escapes."""
    one_line = " ".join(payload.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return printable(one_line, newlines=False)


@pytest.mark.parametrize("payload", INJECTIONS)
def test_text_report_shows_data_without_control_characters(payload: str) -> None:
    card = injected_card(payload)
    for out in (sm.render(card, "text"), sm.render(card, "text", color=True), card.explain()):
        body = out.replace("\x1b[0m", "").replace("\x1b[32m", "").replace("\x1b[31m", "")
        body = re.sub("\x1b\\[(?:33|2)m", "", body)
        assert UNSAFE.search(body) is None
    text = sm.render(card, "text", width=1000)
    assert shown(payload) in text
    assert squeezed(shown(payload)) in squeezed(sm.render(card, "text", width=60))


def markdown_to_html(source: str) -> Page:
    import markdown  # Python-Markdown, what mkdocs renders with

    return parse(markdown.markdown(source, extensions=["tables"]))


@pytest.mark.parametrize("payload", INJECTIONS)
def test_markdown_report_escapes_table_and_html_syntax(payload: str) -> None:
    card = injected_card(payload)
    source = sm.render(card, "markdown")
    page = markdown_to_html(source)
    # No tag from the data: only the report's own table, heading, paragraphs and bold.
    assert set(page.tags) <= {"h2", "table", "thead", "tbody", "tr", "th", "td", "strong", "p"}
    assert page.tags.count("p") == 2  # the facts and the summary
    assert page.tags.count("tr") == 1 + 4  # the header and one row per goal and indicator
    assert page.tags.count("h2") == 1
    assert page.tags.count("td") == 4 * page.tags.count("th")
    text = "".join(page.text)
    assert shown(payload) in text  # the payload reads back as the text it was
    # The summary line names the levels, escaped as well.
    summary = source.rstrip().splitlines()[-1]
    assert markdown_to_html(summary).tags == ["p"]


HTML_ATTRIBUTES = {
    # the page's own
    "lang", "charset", "name", "content", "class", "style", "role",
    # its inline SVG
    "aria-label", "width", "height", "viewbox", "x", "y", "fill", "stroke", "stroke-width",
    "points", "cx", "cy", "r",
}  # fmt: skip


@pytest.mark.parametrize("payload", INJECTIONS)
def test_html_report_escapes_everything(payload: str) -> None:
    card = injected_card(payload)
    page = parse(sm.render(card, "html"))
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "a" not in page.tags
    assert all(name in HTML_ATTRIBUTES for name, _ in page.attrs)
    text = "".join(page.text)
    assert UNSAFE.search(text) is None
    assert shown(payload) in text


@pytest.mark.parametrize("payload", INJECTIONS)
def test_every_format_shows_the_same_text_of_the_data(payload: str) -> None:
    """The three formats agree on what the data says (after their own escaping)."""
    card = injected_card(payload)
    md_text = "".join(markdown_to_html(sm.render(card, "markdown")).text)
    html_text = "".join(parse(sm.render(card, "html")).text)
    for out in (md_text, html_text):
        assert out.count(shown(payload)) >= 4  # goal, child goal, two indicators


# -- what a nämnd reads ---------------------------------------------------------------------

MADE = dt.date(2024, 2, 20)


def one_indicator(
    target: Any,
    outcomes: list[sm.Outcome],
    *,
    unit: sm.Unit | None = sm.Unit.PERCENT,
    source: str = "",
    responsible: tuple[str, ...] = (),
) -> sm.Scorecard:
    plan = sm.Plan(
        id="p",
        title="VP",
        years=(2021, 2023),
        levels=("Nämndmål",),
        goals=[
            sm.Goal(
                id="g",
                title="Mål",
                responsible=responsible,
                indicators=[
                    sm.Indicator(
                        id="i", title="Mått", unit=unit, source=source, targets={2023: target}
                    )
                ],
            )
        ],
    )
    return sm.assess(plan, outcomes, 2023)


def cells(markdown: str, title: str) -> dict[str, str]:
    """The cells of the Markdown row whose first cell ends with *title*, by column name."""
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    head = [c.strip() for c in rows[0].strip("|").split(" | ")]
    for row in rows[1:]:
        found = [c.strip() for c in row.strip("|").split(" | ")]
        if found[0].endswith(title):
            return dict(zip(head, found, strict=True))
    raise AssertionError(f"no row {title!r}")


def test_the_budget_deviation_is_shown_in_tkr_and_percent_not_the_net_cost(
    card: sm.Scorecard,
) -> None:
    md = sm.render(card, "markdown").replace("\xa0", " ")
    drift = cells(md, "Avvikelse mot driftsbudget")
    assert drift["Utfall"] == "−1 032 tkr (−0,31 %)"  # −334 120 against a budget of −333 088
    assert "utfall −334 120 tkr, budget −333 088 tkr" in drift["Kommentar"]
    invest = cells(md, "Avvikelse mot investeringsbudget")
    assert invest["Utfall"] == "+410 tkr (+4,5 %)"
    assert "−334 120" not in drift["Utfall"]


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (sm.TargetValue(">=", 50, unit=sm.Unit.PERCENT), "34,5 %"),  # edges: no decimals
        (sm.TargetValue(">=", "91.74", unit=sm.Unit.PERCENT), "34,48 %"),  # edges: two
        (sm.Bands(green="[50, inf)", red="(-inf, 50)", precision="0.1"), "34,5 %"),
        (sm.Bands(green="[50, inf)", red="(-inf, 50)", precision=1), "34 %"),
    ],
)
def test_a_pooled_share_is_shown_at_the_precision_the_indicator_declares(
    target: Any, shown: str
) -> None:
    pooled = sm.Outcome.pool(
        [
            sm.Outcome("i", 2023, numerator=6, denominator=17, org_unit="A"),
            sm.Outcome("i", 2023, numerator=4, denominator=12, org_unit="B"),
        ]
    )
    assert str(pooled.value).startswith("34.48275862")
    md = sm.render(one_indicator(target, [pooled]), "markdown").replace("\xa0", " ")
    assert cells(md, "Mått")["Utfall"] == shown


def test_a_value_given_with_fewer_decimals_is_shown_as_given() -> None:
    card = one_indicator(sm.TargetValue(">=", "91.74", unit=sm.Unit.PERCENT), [
        sm.Outcome("i", 2023, "92.1")
    ])  # fmt: skip
    assert cells(sm.render(card, "markdown"), "Mått")["Utfall"] == "92,1\xa0%"


def test_every_not_assessed_line_says_why(card: sm.Scorecard) -> None:
    md = sm.render(card, "markdown")
    rows = [line for line in md.splitlines() if line.startswith("| ") and "– Ej bedömd" in line]
    assert len(rows) == 1 + 4 + 5  # a målområde, four KF-mål, five nyckeltal
    for row in rows:
        assert row.rstrip(" |").split(" | ")[-1].strip(), row  # the Kommentar column
    assert "Målvärde saknas → Ej bedömd" in md
    assert "Inga indikatorer eller delmål" in md
    text = sm.render(card, "text", width=100)
    assert text.count("Målvärde saknas → Ej bedömd") == 5


def test_the_responsible_unit_tells_the_pairs_of_namndmal_apart(card: sm.Scorecard) -> None:
    md = sm.render(card, "markdown")
    sof = cells(md, "Nämndmål: Ökad digitalisering av verksamheterna inom social- och "
                    "omsorgsförvaltningen**")  # fmt: skip
    af = cells(md, "Nämndmål: Ökad digitalisering av verksamheterna inom "
                   "äldreomsorgsförvaltningen**")  # fmt: skip
    assert (sof["Ansvarig"], af["Ansvarig"]) == ("SOF", "ÄF")


def test_the_previous_value_is_shown_beside_the_outcome(card: sm.Scorecard) -> None:
    md = sm.render(card, "markdown").replace("\xa0", " ")
    rows = [line for line in md.splitlines() if "Andel ärenden hanterade inom 24 h." in line]
    previous = [r.split(" | ")[4] for r in rows]
    # The trend since the previous value follows it, as the scorecard has it.
    expected = [
        f"{value} (2022) {card.indicator(ind).trend.short()}"
        for value, ind in (("64 %", "24h-sof"), ("58 %", "24h-af"))
    ]
    assert previous == expected
    words = ("↑ Förbättrat", "→ Oförändrat", "↓ Försämrat")
    assert all(t.split(") ")[1] in words for t in previous)
    assert card.indicator("24h-sof").history == {2022: 64}


def test_per_gender_cells_keep_the_status_badge(card: sm.Scorecard) -> None:
    out = sm.render(card, "html")
    assert '<span class="status green">● Grönt</span> 79\xa0%' in out
    assert '<span class="status red">○ Rött</span> 70\xa0%' in out
    md = cells(
        sm.render(card, "markdown"), "Andel brukare ganska eller mycket nöjda med sin hemtjänst"
    )
    assert (md["Kvinnor"], md["Män"]) == ("● Grönt 79\xa0%", "○ Rött 70\xa0%")


def test_every_format_says_as_of_when_made_and_from_what(card: sm.Scorecard) -> None:
    sources = ["plan oxelosund_von_2023.toml", "utfall oxelosund_outcomes_2023.csv"]
    for fmt in ("text", "markdown", "html"):
        out = sm.render(card, fmt, made=MADE, sources=sources)
        assert "Per 15 februari 2024" in out
        assert "Framtagen 20 februari 2024" in out
        assert (
            "Källor: plan oxelosund\\_von\\_2023.toml; utfall" in out
            if fmt == "markdown"
            else ("Källor: plan oxelosund_von_2023.toml; utfall oxelosund_outcomes_2023.csv" in out)
        )
    english = sm.render(card, "text", "en", made=MADE, sources=sources[:1])
    assert "As of February 15, 2024" in english
    assert "Made February 20, 2024" in english
    assert "Source: plan oxelosund_von_2023.toml" in english


def test_the_date_made_is_today_or_source_date_epoch(
    card: sm.Scorecard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert f"Framtagen {format_date(dt.date.today(), 'long', locale='sv')}" in sm.render(card)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1708387200")  # 2024-02-20 00:00 UTC
    assert sm.render(card) == sm.render(card, made=MADE)


def test_fictional_outcomes_are_said_to_be_made_up_in_every_format(card: sm.Scorecard) -> None:
    for fmt in ("text", "markdown", "html"):
        assert "PÅHITTADE" in sm.render(card, fmt, fictional=True)
        assert "PÅHITTADE" not in sm.render(card, fmt)
    page = parse(sm.render(card, "html", "en", fictional=True))
    assert "NOTE: the outcomes are FICTIONAL (made up), not real results." in "".join(page.text)


def test_a_kolada_indicator_is_credited_to_kolada() -> None:
    card = one_indicator(
        sm.TargetValue(">=", 80, unit=sm.Unit.PERCENT),
        [sm.Outcome("i", 2023, 82)],
        source="kolada:U21468",
    )
    md = sm.render(card, "markdown", made=MADE)
    assert cells(md, "Mått")["Kommentar"] == "Källa: Kolada (U21468)"
    assert "Källa: Kolada ·" not in md
    assert "Källa: Kolada" in md.splitlines()[2]  # the sources say so too
    assert "Source: Kolada (U21468)" in sm.render(card, "text", "en")


def test_markdown_indents_with_a_visible_mark_never_with_spaces(card: sm.Scorecard) -> None:
    md = sm.render(card, "markdown")
    rows = [line for line in md.splitlines() if line.startswith("| ")][2:]
    for row in rows:
        first = row[2:].split(" | ")[0]
        assert first == first.strip()
        assert "\xa0\xa0" not in first
    assert any(r.startswith("| › › ↳ ") for r in rows)
    assert any(r.startswith("| › **KF-mål:") for r in rows)
    html_rows = markdown_to_html(md)
    assert any(t.startswith("› › ↳") for t in html_rows.text)


@pytest.mark.parametrize("width", [40, 60, 80, 100, 140, 200])
@pytest.mark.parametrize("name", ["card", "hassleholm"])
def test_the_text_report_fits_the_width(
    name: str, width: int, request: pytest.FixtureRequest
) -> None:
    scorecard: sm.Scorecard = request.getfixturevalue(name)
    out = sm.render(scorecard, "text", width=width, fictional=True, made=MADE)
    assert max(len(line) for line in out.splitlines()) <= width
    words = squeezed(out)
    for result in scorecard.all_indicators():
        for word in (result.indicator.title or result.id).split():
            assert word in words or len(word) > width // 4


def test_a_wide_text_report_is_one_table_with_every_column(card: sm.Scorecard) -> None:
    out = sm.render(card, "text", width=220)
    header = next(line for line in out.splitlines() if line.startswith("Status"))
    assert header.split() == [
        "Status", "Mål", "/", "mått", "Ansvarig", "Utfall", "Föregående", "Kvinnor", "Män",
        "Målvärde",
    ]  # fmt: skip
    narrow = sm.render(card, "text", width=80)
    header = next(line for line in narrow.splitlines() if line.startswith("Status"))
    assert header.split() == ["Status", "Mål", "/", "mått", "Utfall"]
    assert "    Målvärde: Grönt: ≥ 50\xa0%, Rött: mindre än\n" in narrow
    assert "Kvinnor: ● Grönt 79\xa0%" in narrow


@settings(max_examples=40, deadline=None)
@given(
    title=st.text(alphabet=st.sampled_from("aåäö ÅB-–.,:1"), min_size=1, max_size=300),
    width=st.integers(min_value=1, max_value=240),
)
def test_no_line_of_a_text_report_is_wider_than_asked(title: str, width: int) -> None:
    plan = sm.Plan(
        id="p", title=title, organisation=title, years=2023, levels=(title, "B", "C", "D"),
        goals=[sm.Goal(id="a", title=title, children=[sm.Goal(id="b", title=title, level=1,
               children=[sm.Goal(id="c", title=title, level=2, children=[sm.Goal(
                   id="d", title=title, level=3, indicators=[sm.Indicator(
                       id="i", title=title, unit=sm.Unit.TKR,
                       targets={2023: sm.BudgetDeviation.no_negative()})])])])])],
    )  # fmt: skip
    outcomes = [sm.Outcome("i", 2023, -1_234_567, budget=-1_000_000)]
    out = sm.render(sm.assess(plan, outcomes, 2023), "text", width=width, sources=[title])
    assert max(len(line) for line in out.splitlines()) <= max(width, 40)


def test_html_shows_a_bar_of_statuses_per_malomrade(card: sm.Scorecard) -> None:
    out = sm.render(card, "html")
    page = parse(out)
    bars = re.findall(r'<svg class="bar" role="img" aria-label="([^"]*)"', out)
    assert len(bars) == len(card.goals)
    assert bars[0] == "4 gröna, 1 rött"  # Mod och framtidstro's indicators (mått is neuter)
    assert "1 grönt" in bars  # Nämndens egen styrning: one green mått
    for bar in re.findall(r'<svg class="bar".*?</svg>', out):
        widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="0" width="([\d.]+)"', bar)]
        assert abs(sum(widths) - 160) < 0.5
    assert "Översikt per Målområde" in "".join(page.text)
    assert "script" not in page.tags


def test_html_draws_a_sparkline_of_each_indicator_with_history(card: sm.Scorecard) -> None:
    out = sm.render(card, "html")
    lines = re.findall(r'<svg class="spark" role="img" aria-label="([^"]*)"', out)
    assert lines == ["Utfall per år: 2022: 64\xa0%, 2023: 70\xa0%",
                     "Utfall per år: 2022: 58\xa0%, 2023: 58\xa0%"]  # fmt: skip
    assert out.count("<polyline") == 2
