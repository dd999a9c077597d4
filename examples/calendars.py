"""Three årshjul built from the words of the plans, and Oxelösund's handlingsplan rule.

Run: python examples/calendars.py [YEAR]

The plans say *which* reports go *to whom* and *per which month*; they do not say on which
day. Every day below marked ANTAGANDE (assumption) is ours; everything else is the plan's.
Deadlines move to the previous working day when they fall on a weekend or a holiday.

This file is the one definition of these calendars: ``build_plan()`` of
``oxelosund_von_2023.py`` and ``hassleholm_omsorg_2019.py`` imports them as the plan's
``calendar``, and the ``[calendar]`` tables of the matching .toml files hold the same (a
test checks that each file loads equal to its Python example).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from styrmodell import (
    ActionPlan,
    Activity,
    FollowUpCalendar,
    Occasion,
    Period,
    Progress,
)
from styrmodell.calendar import (
    Content,
    Coverage,
    Frequency,
    OccasionKind,
    OccasionRule,
    WorkingDays,
)
from styrmodell.io import write_ics


def hassleholm() -> FollowUpCalendar:
    """Hässleholm, omsorgsnämnden, strategisk plan 2019–2021.

    "Under året ska nämnderna redovisa sin uppföljning till kommunstyrelsen vid fem olika
    tillfällen i form av tre månadsrapporter, en delårsrapport samt verksamhetsberättelsen i
    årsredovisningen. Varje nämnd ska även årligen godkänna en intern kontrollplan [...]
    Kontrollplanen ska lämnas samtidigt som granskningsrapporten, det vill säga senast i
    samband med inlämnandet av verksamhetsberättelsen." and "beslut om strategisk plan med
    budget i juni månad".
    """
    start = dt.date(2019, 1, 1)
    end = dt.date(2021, 12, 31)
    # ANTAGANDE: the three månadsrapporter are per mars, maj and oktober, due the 15th of
    # the month after; the delårsrapport (per augusti) on 30 September; the
    # verksamhetsberättelse and the kontrollplan on 15 February; the budget on 15 June.
    vb_rule = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=15"
    return FollowUpCalendar(
        "Omsorgsnämnden, Hässleholms kommun",
        rules=[
            OccasionRule(
                OccasionKind.MANADSRAPPORT,
                "FREQ=YEARLY;BYMONTH=4,6,11;BYMONTHDAY=15",
                start=start,
                end=end,
                covers=Coverage.YEAR_TO_DATE,
                lag=1,
                recipient="KS",
                contents=[Content.BUDGET, Content.FORECAST],
            ),
            OccasionRule(
                OccasionKind.DELARSRAPPORT,
                "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30",
                start=start,
                end=end,
                covers=Coverage.DELAR,
                lag=1,
                recipient="KS",
                contents=[Content.BUDGET, Content.FORECAST, Content.GOALS],
            ),
            OccasionRule(
                OccasionKind.VERKSAMHETSBERATTELSE,
                vb_rule,
                start=dt.date(2020, 1, 1),
                end=dt.date(2022, 2, 28),
                covers=Coverage.YEAR,
                lag=2,
                recipient="KS",
                contents=[Content.BUDGET, Content.GOALS],
                description="Verksamhetsberättelsen ingår i årsredovisningen.",
            ),
            OccasionRule(
                OccasionKind.INTERNKONTROLLPLAN,
                vb_rule,
                start=dt.date(2020, 1, 1),
                end=dt.date(2022, 2, 28),
                covers=Coverage.YEAR,
                lag=0,
                recipient="nämnd",
                contents=[Content.INTERNAL_CONTROL, Content.AUDIT_REPORT],
                description=(
                    "Kontrollplanen lämnas samtidigt som granskningsrapporten, senast med "
                    "verksamhetsberättelsen."
                ),
            ),
            OccasionRule(
                OccasionKind.BUDGETBESLUT,
                "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=15",
                start=dt.date(2019, 1, 1),
                end=end,
                covers=Coverage.NEXT_YEAR,
                recipient="KF",
                title="Strategisk plan med budget",
            ),
        ],
    )


def oxelosund() -> FollowUpCalendar:
    """Oxelösund, vård- och omsorgsnämnden, verksamhetsplan 2023–2025 ("Uppföljning").

    "Samtliga nämnder ska lämna budgetuppföljning med prognos för helåret samt uppföljning
    av nämndens arbete med kommunmålen per mars, april, augusti (delårsrapport) och oktober.
    Per mars fokuseras uppföljningsarbetet med kommunmålen på att det finns aktiviteter i
    handlingsplanen kopplade till nämndmålen. [...] Redovisningarna i mars, april och oktober
    görs till kommunstyrelsen. [...] Delårsrapporten och bokslutsredovisningen tas upp till
    kommunfullmäktige." — "Uppföljning av investeringar och exploatering sker fyra gånger
    årligen per april, augusti (delårsrapport), oktober och december månad
    (bokslutsredovisning)." — "Handlingsplanerna ska vara färdiga senast i februari." —
    nyckeltal "Månadsvis" and "Månadsvis (en månads eftersläpning)".
    """
    start = dt.date(2023, 1, 1)
    end = dt.date(2025, 12, 31)
    follow_up = [Content.BUDGET, Content.FORECAST, Content.GOALS]
    # ANTAGANDE: reports per month M are due the 15th of month M+1 (the delårsrapport the
    # 30th of September), the bokslut on 28 February, the nyckeltal on the 20th.
    return FollowUpCalendar(
        "Vård- och omsorgsnämnden, Oxelösunds kommun",
        rules=[
            OccasionRule(
                OccasionKind.MANADSRAPPORT,
                "FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=15",
                start=start,
                end=end,
                covers=Coverage.YEAR_TO_DATE,
                lag=1,
                recipient="KS",
                contents=[*follow_up, Content.ACTIVITIES],
                description=(
                    "Per mars fokuseras uppföljningen av kommunmålen på att det finns "
                    "aktiviteter i handlingsplanen kopplade till nämndmålen."
                ),
            ),
            OccasionRule(
                OccasionKind.MANADSRAPPORT,
                "FREQ=YEARLY;BYMONTH=5,11;BYMONTHDAY=15",
                start=start,
                end=end,
                covers=Coverage.YEAR_TO_DATE,
                lag=1,
                recipient="KS",
                contents=[*follow_up, Content.INVESTMENTS],
            ),
            OccasionRule(
                OccasionKind.DELARSRAPPORT,
                "FREQ=YEARLY;BYMONTH=9;BYMONTHDAY=30",
                start=start,
                end=end,
                covers=Coverage.DELAR,
                lag=1,
                recipient="KF",
                contents=[*follow_up, Content.INVESTMENTS],
                reported="D",
            ),
            OccasionRule(
                OccasionKind.ARSREDOVISNING,
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=28",
                start=dt.date(2024, 1, 1),
                end=dt.date(2026, 2, 28),
                covers=Coverage.YEAR,
                lag=2,
                recipient="KF",
                contents=[Content.BUDGET, Content.GOALS, Content.INVESTMENTS],
                reported="B",
                title="",
                description="Bokslut med årsredovisning och utvärdering av kommunmålen.",
            ),
            OccasionRule(
                OccasionKind.HANDLINGSPLAN,
                "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1",
                start=start,
                end=end,
                covers=Coverage.YEAR,
                recipient="ansvarig chef",
                contents=[Content.ACTIVITIES],
                description=(
                    "Handlingsplanerna ska vara färdiga senast i februari: vad, varför, "
                    "vem/funktion, när (Q1, Q2 ...) och hur uppföljningen görs."
                ),
            ),
            OccasionRule(
                "nyckeltalsuppföljning",
                "FREQ=MONTHLY;BYMONTHDAY=20",
                start=start,
                end=end,
                covers=Coverage.MONTH,
                lag=1,
                recipient="nämnd",
                contents=[Content.KEY_FIGURES],
                description="Nyckeltal följs månadsvis; sjukfrånvaron med en månads eftersläpning.",
            ),
        ],
    )


def mjolby() -> FollowUpCalendar:
    """Mjölby, omsorgs- och socialnämnden, verksamhetsplan 2011 (section 6 and its tables).

    "Resultaten redovisas genom: Enheternas årliga verksamhetsberättelser (enhetschefer
    ansvarar). Årlig uppföljning av den gemensamma verksamhetsplanen (programchefer och
    förvaltningschef ansvarar). Kund/brukarenkäter redovisas alltid separat till omsorgs-
    och socialnämnden." — "Årlig revidering av verksamhetsplanens mål beslutas av omsorgs-
    och socialnämnden" — "Uppföljning av uppdrag som getts till förvaltningen av nämnden 2
    gånger per år".
    """
    start = dt.date(2011, 1, 1)
    # ANTAGANDE: every day and month below; the plan names only the occasions.
    return FollowUpCalendar(
        "Omsorgs- och socialnämnden, Mjölby kommun",
        occasions=[
            Occasion(
                OccasionKind.VERKSAMHETSBERATTELSE,
                dt.date(2012, 1, 31),
                Period.year(2011),
                "förvaltningsledning",
                [Content.GOALS, Content.KEY_FIGURES],
                title="Enheternas verksamhetsberättelser 2011",
                description="Enhetscheferna ansvarar.",
            ),
            Occasion(
                "uppföljning av verksamhetsplanen",
                dt.date(2012, 2, 29),
                Period.year(2011),
                "nämnd",
                [Content.GOALS, Content.KEY_FIGURES],
                description="Programchefer och förvaltningschef ansvarar.",
            ),
            Occasion(
                "brukarenkät",
                dt.date(2011, 11, 15),
                Period.year(2011),
                "nämnd",
                ["kund/brukarenkäter"],
                description="Redovisas alltid separat till omsorgs- och socialnämnden.",
            ),
            Occasion(
                "revidering av verksamhetsplanens mål",
                dt.date(2011, 12, 15),
                Period.year(2012),
                "nämnd",
                [Content.GOALS],
            ),
        ],
        rules=[
            OccasionRule(
                "uppföljning av uppdrag",
                "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=1",
                start=start,
                end=dt.date(2011, 12, 31),
                recipient="nämnd",
                description="Uppdrag som getts till förvaltningen följs upp 2 gånger per år.",
            )
        ],
    )


def oxelosund_action_plan() -> ActionPlan:
    """A handlingsplan in the shape Oxelösund asks for; the activities are invented."""
    return ActionPlan(
        "Handlingsplan äldreomsorgsförvaltningen 2023",
        2023,
        [
            Activity(
                "ÄF-1",
                "Öppna träffpunkten även kvällstid",
                goals=["Öka deltagandet i öppen träffpunkt"],
                why="Fler deltagare per månad i öppen träffpunkt",
                who="Enhetschef träffpunkt",
                when="Q1",
                how="Antal deltagare per månad, vid uppföljningsmöte med kommunchefen",
                progress=Progress.DONE,
            ),
            Activity(
                "ÄF-2",
                "Riktad rekrytering av män till omsorgsyrken",
                goals=["Vidareutveckla en jämn könsfördelning inom omsorgspersonal"],
                why="Andelen män av månadsavlönad omsorgspersonal ökar mot 18 %",
                who="HR-strateg",
                when="Q2",
                how="Andel män (okt), Hypergene",
                progress=Progress.STARTED,
            ),
            Activity(
                "SOF-1",
                "Familje- och ungdomsstöd närvarande på skolorna",
                goals=["Förebyggande arbete för barn och unga ska öka"],
                unit="SOF",
                why="Fler besök hos familje- och ungdomsstöd, minst 20 per månad",
                who="1:e socialsekreterare",
                when="Q3",
                how="Antal pågående besök i snitt per månad",
            ),
        ],
        unit="ÄF",
        decided_by="förvaltningschef",
        decided=dt.date(2023, 2, 24),
    )


def handlingsplan_rule(plan: ActionPlan, calendar: FollowUpCalendar) -> list[str]:
    """Oxelösund's rule: decided by the February deadline, with what/why/who/when/how."""
    problems = list(plan.missing())
    deadlines = [
        o.due
        for o in calendar.occurrences(between=Period.year(plan.year))
        if o.kind == OccasionKind.HANDLINGSPLAN
    ]
    if plan.decided is None or not deadlines or plan.decided > deadlines[0]:
        problems.append(f"{plan.name}: inte beslutad senast {deadlines[0] if deadlines else '?'}")
    return problems


def print_year(calendar: FollowUpCalendar, year: int, *, months: int = 12) -> None:
    """Print the occasions due in *year* (and in the first months of the next, if asked)."""
    last = dt.date(year + months // 12, (months - 1) % 12 + 1, 1) + dt.timedelta(days=31)
    last = last.replace(day=1) - dt.timedelta(days=1)
    print(f"\n{calendar.name} — årshjul {year}")
    for o in calendar.occurrences(between=(dt.date(year, 1, 1), last)):
        moved = f" (planerat {o.planned})" if o.is_shifted else ""
        contents = ", ".join(o.contents)
        print(f"  {o.due}{moved}  {o.label()}" + (f"  [{contents}]" if contents else ""))


def main(argv: list[str]) -> None:
    year = int(argv[1]) if len(argv) > 1 and argv[1].isdigit() else None
    print_year(hassleholm(), year or 2020)
    print_year(oxelosund(), year or 2024)
    print_year(mjolby(), year or 2011, months=15)  # the year's reports are due in 2012

    ox = oxelosund()
    following = ox.next_due(after=dt.date(2024, 4, 12))
    assert following is not None
    print(f"\nNästa tillfälle efter 2024-04-12: {following.due} {following.label()}")
    sjuk = Frequency.parse("Månadsvis (en månads eftersläpning)")
    may = ox.due_on(dt.date(2024, 5, 20))
    if may:
        period = may[0].period
        assert period is not None
        print(
            f"Sjukfrånvaro för {period.label()} finns tidigast {sjuk.available_from(period)}: "
            f"vid nyckeltalsuppföljningen {may[0].due} ej tillgänglig än."
        )

    plan = oxelosund_action_plan()
    problems = handlingsplan_rule(plan, ox)
    print(f"\n{plan.name}: " + ("uppfyller regeln" if not problems else "; ".join(problems)))
    as_of = dt.date(2023, 7, 1)
    print(f"  Genomfört per {as_of}: {plan.share_done(as_of).label()}")
    for unit, share in plan.share_done_per_unit().items():
        print(f"  {unit}: {share.label()}")
    print("  Försenade:", ", ".join(a.id for a in plan.overdue(as_of)) or "inga")

    ics = write_ics(ox, between=Period.year(2024), stamp=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    path = Path(tempfile.gettempdir()) / "oxelosund-arshjul-2024.ics"
    path.write_text(ics, encoding="utf-8", newline="")
    print(f"\n{len(ox.year(2024))} tillfällen 2024 skrivna till {path}")
    eves = WorkingDays(eves=True)
    print("Julafton 2024 arbetsdag?", "ja" if eves.is_working_day(dt.date(2024, 12, 24)) else "nej")


if __name__ == "__main__":
    main(sys.argv)
