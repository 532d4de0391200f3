"""Render a plan for people: Markdown (which the CLI also shows as rich text).

Headings live in ``data/render.toml`` and the layout in
``templates/render/plan.md.j2``; times in the checklist are shown on the
candidate's own clock because that is whose day the checklist organises.
"""

from __future__ import annotations

from itertools import groupby

from amends.dates.format import at_zone, clock, short_date, time_text, zone_label
from amends.plan.result import Plan
from amends.texts import environment, snippets


def checklist(plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """The steps grouped by phase: ``[(phase title, [(time on my clock, text), ...]), ...]``.

    Today's steps show the time alone; later ones carry their date too.
    """
    titles = snippets("render")["phases"]
    tz = plan.situation.candidate.tz
    today = at_zone(plan.situation.now, tz).date()
    grouped = []
    for phase, items in groupby(plan.steps, key=lambda step: step.phase):
        rows = []
        for step in items:
            local = at_zone(step.at, tz)
            when = clock(local) if local.date() == today else f"{short_date(local)} {clock(local)}"
            rows.append((f"{when} {zone_label(local)}", step.text))
        grouped.append((titles[phase], rows))
    return grouped


def plan_markdown(plan: Plan) -> str:
    """The whole plan as a Markdown document."""
    texts = snippets("render")
    tz = plan.situation.candidate.tz
    steps = checklist(plan)
    template = environment().get_template("render/plan.md.j2")
    return (
        template.render(
            plan=plan,
            titles=texts["titles"],
            channel_title=texts["channels"][plan.first_action.channel],
            respond_by=time_text(plan.first_action.respond_by, tz),
            steps=steps,
        ).strip()
        + "\n"
    )
