"""Reports: text, Markdown and HTML show every goal and indicator, status as word and icon."""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

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


def test_text_and_markdown_show_every_indicator(card: sm.Scorecard) -> None:
    text = sm.render(card, "text")
    md = sm.render(card, "markdown")
    for result in card.all_indicators():
        assert result.status.label() in text
        assert (result.indicator.title or result.id)[:60] in text
        assert (result.indicator.title or result.id).replace("|", "\\|") in md
    assert "\x1b[" not in text
    assert md.splitlines()[2].startswith("| Mål / mått | Status | Utfall |")


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
    text = sm.render(hassleholm, "text")
    if per_gender:
        assert "Kvinnor" in text.splitlines()[2]
        assert "Män" in text.splitlines()[2]
    else:
        assert "Kvinnor" not in text.splitlines()[2]


def test_the_summary_counts_goals_per_level(card: sm.Scorecard) -> None:
    text = sm.render(card, "text")
    last = text.rstrip().splitlines()[-1]
    for level in card.plan.levels:
        assert f"{level}:" in last
    assert sum(card.counts().values()) == sum(1 for _ in card.walk())


def test_unknown_format_and_wrong_input_are_errors(card: sm.Scorecard) -> None:
    with pytest.raises(sm.StyrmodellError, match="unknown format 'pdf'"):
        sm.render(card, "pdf")
    bad: Any = "not a scorecard"
    with pytest.raises(sm.StyrmodellError, match=r"expected a styrmodell\.Scorecard"):
        sm.render(bad)


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
        lines = body.splitlines()
        # Every row is one line: the heading, a blank line, the header, 4 rows (2 goals, 2
        # indicators), a blank line and the summary; or, explained, a line per goal and
        # indicator and the total.
        assert len(lines) in (3 + 4 + 2, 4 + 1)
    text = sm.render(card, "text")
    assert shown(payload)[:60] in text


def markdown_to_html(source: str) -> Page:
    import markdown  # Python-Markdown, what mkdocs renders with

    return parse(markdown.markdown(source, extensions=["tables"]))


@pytest.mark.parametrize("payload", INJECTIONS)
def test_markdown_report_escapes_table_and_html_syntax(payload: str) -> None:
    card = injected_card(payload)
    source = sm.render(card, "markdown")
    page = markdown_to_html(source)
    # No tag from the data: only the report's own table, heading, paragraph and bold.
    assert set(page.tags) <= {"h2", "table", "thead", "tbody", "tr", "th", "td", "strong", "p"}
    assert page.tags.count("tr") == 1 + 4  # the header and one row per goal and indicator
    assert page.tags.count("h2") == 1
    assert page.tags.count("td") == 4 * page.tags.count("th")
    text = "".join(page.text)
    assert shown(payload) in text  # the payload reads back as the text it was
    # The summary line names the levels, escaped as well.
    summary = source.rstrip().splitlines()[-1]
    assert markdown_to_html(summary).tags == ["p"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_html_report_escapes_everything(payload: str) -> None:
    card = injected_card(payload)
    page = parse(sm.render(card, "html"))
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "a" not in page.tags
    assert all(
        name in {"lang", "charset", "name", "content", "class", "style"} for name, _ in page.attrs
    )
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
