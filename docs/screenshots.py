"""Make the pictures of docs/how-to/reports.md: one report in each format, as PNG.

Run from the repository (Chromium must be installed: ``apt-get install -y chromium``)::

    python docs/screenshots.py

It assesses a small made-up plan (four years of outcomes, results per kön, a budget
deviation, an indicator from Kolada, one without an outcome), renders it with
:func:`styrmodell.render` as text, Markdown and HTML, and photographs each in headless
Chromium: the text report as the terminal shows it, the Markdown as a document renders its
table (Python-Markdown, which mkdocs uses), the HTML page as it is. The PNGs go to
``docs/images/``; the script prints what it wrote. Nothing here is fetched from the network.
"""

from __future__ import annotations

import datetime as dt
import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import styrmodell as sm

IMAGES = Path(__file__).resolve().parent / "images"
WIDTH = 1100


def scorecard() -> sm.Scorecard:
    """A small nämnd's plan, assessed for 2024 on made-up outcomes."""
    percent = sm.Unit.PERCENT
    plan = sm.Plan(
        id="von-2024",
        title="Vård- och omsorgsnämnden 2024",
        organisation="Exempelkommun, vård- och omsorgsnämnden",
        years=(2021, 2024),
        levels=("Målområde", "Nämndmål"),
        org_units=[sm.OrgUnit("ÄF", "Äldreförvaltningen"), sm.OrgUnit("EK", "Ekonomi")],
        goals=[
            sm.Goal(
                id="livskvalitet",
                title="God livskvalitet",
                children=[
                    sm.Goal(
                        id="nojd",
                        title="Nöjda brukare",
                        level=1,
                        responsible=["ÄF"],
                        indicators=[
                            sm.Indicator(
                                id="nki",
                                title="Nöjdhet med hemtjänsten",
                                unit=percent,
                                source="kolada:U21468",
                                targets={2024: sm.TargetValue(">=", 90, unit=percent)},
                            ),
                            sm.Indicator(
                                id="kontinuitet",
                                title="Personalkontinuitet (antal personal)",
                                targets={
                                    2024: sm.Bands(
                                        green="(-inf, 15]", yellow="(15, 20]", red="(20, inf)"
                                    )
                                },
                            ),
                            sm.Indicator(
                                id="fall",
                                title="Fallskador per 1 000 invånare 80+",
                                targets={2024: sm.TargetValue("<=", 30)},
                            ),
                        ],
                    ),
                ],
            ),
            sm.Goal(
                id="ekonomi",
                title="God ekonomisk hushållning",
                children=[
                    sm.Goal(
                        id="budget",
                        title="Budgeten hålls",
                        level=1,
                        responsible=["EK"],
                        indicators=[
                            sm.Indicator(
                                id="drift",
                                title="Avvikelse mot driftsbudget",
                                unit=sm.Unit.TKR,
                                targets={2024: sm.BudgetDeviation.no_negative()},
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )
    outcomes = [
        *(
            sm.Outcome("nki", year, value)
            for year, value in [(2021, 86), (2022, 88), (2023, 89), (2024, 91)]
        ),
        sm.Outcome("nki", 2024, 93, gender="K"),
        sm.Outcome("nki", 2024, 87, gender="M"),
        *(
            sm.Outcome("kontinuitet", year, value)
            for year, value in [(2021, 21), (2022, 19), (2023, 18), (2024, 17)]
        ),
        sm.Outcome("drift", 2024, -334_120, budget=-333_088),
    ]
    return sm.assess(plan, outcomes, 2024, as_of=dt.date(2025, 2, 15))


def reports() -> dict[str, str]:
    """The three reports, as the reports page shows them."""
    card = scorecard()
    options = {
        "made": dt.date(2025, 2, 20),
        "sources": ["utfall-2024.csv"],
        "fictional": True,
    }
    return {
        "text": sm.render(card, "text", width=100, **options),
        "markdown": sm.render(card, "markdown", **options),
        "html": sm.render(card, "html", **options),
    }


PAGE = """<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><style>
body {{ margin: 0; padding: 16px; font-family: system-ui, sans-serif; font-size: 14px;
       background: {background}; color: {color}; }}
pre {{ margin: 0; font: 13px/1.35 "DejaVu Sans Mono", monospace; }}
table {{ border-collapse: collapse; margin: 0.5rem 0; }}
th, td {{ border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }}
th {{ background: #f6f8fa; }}
</style></head><body>{body}</body></html>
"""


def pages(found: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Each report as a page to photograph, with the height of its picture."""
    import markdown  # Python-Markdown: installed with mkdocs (the dev extra)

    text = found["text"]
    terminal = PAGE.format(
        background="#1e1e1e", color="#e5e5e5", body=f"<pre>{html.escape(text)}</pre>"
    )
    document = PAGE.format(
        background="#ffffff",
        color="#1f2328",
        body=markdown.markdown(found["markdown"], extensions=["tables"]),
    )
    return {
        "text": (terminal, 40 + 18 * text.count("\n")),
        "markdown": (document, 640),
        "html": (found["html"], 1000),
    }


def photograph(chromium: str, page: str, png: Path, height: int, scratch: Path) -> None:
    """Write *page* to *png* as headless Chromium shows it in a window WIDTH x *height*."""
    source = scratch / f"{png.stem}.html"
    source.write_text(page, encoding="utf-8")
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-sync",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={scratch / 'profile'}",
            f"--screenshot={png}",
            f"--window-size={WIDTH},{height}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )


def main() -> int:
    """Write the three pictures; 1 when Chromium is missing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("Chromium is not installed (Debian: apt-get install -y chromium)", file=sys.stderr)
        return 1
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, (page, height) in pages(reports()).items():
            png = IMAGES / f"report-{name}.png"
            photograph(chromium, page, png, height, Path(scratch))
            print(f"wrote {png.relative_to(Path.cwd()) if png.is_relative_to(Path.cwd()) else png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
