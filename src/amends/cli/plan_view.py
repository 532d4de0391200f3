"""Terminal rendering of a plan with Rich: what to do first, then each message in a panel."""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from amends.dates.format import time_text
from amends.plan.markdown import checklist
from amends.plan.result import Plan
from amends.texts import snippets


def print_plan(console: Console, plan: Plan) -> None:
    """Print ``plan`` for a person reading a terminal (lines wrap, nothing is cropped)."""
    texts = snippets("render")
    s = plan.situation
    tz = s.candidate.tz
    action = plan.first_action
    console.print(Rule(f"First hour: {s.interview.role} at {s.interview.company}"))
    headline = Text.assemble(
        ("Do this first — ", "bold"),
        (texts["channels"][action.channel], "bold red"),
        "\n",
        action.summary,
        "\n\n",
        (action.why, "dim"),
        "\n\nRespond by ",
        (time_text(action.respond_by, tz), "bold"),
        f"  ({action.minutes_left} min left)",
    )
    console.print(Panel(headline, border_style="red"))
    if plan.slots or plan.slot_note or plan.warnings:
        lines = [Text(f"• {slot.message_text}") for slot in plan.slots]
        lines.extend(Text(f"⚠ Check: {w.message}", style="yellow") for w in plan.warnings)
        if plan.slot_note:
            lines.append(Text(plan.slot_note, style="dim"))
        console.print(Panel(Group(*lines), title="Times to offer", title_align="left"))
    for message in plan.messages:
        title = texts["titles"][message.kind]
        if message.speaking_seconds is not None:
            title += f" (about {message.speaking_seconds} s spoken)"
        parts: list[Text] = []
        recipient = " ".join(
            bit
            for bit in (
                message.to_name,
                f"<{message.to_email}>" if message.to_email else None,
                message.to_phone,
            )
            if bit
        )
        if recipient:
            parts.append(Text(f"To: {recipient}", style="dim"))
        if message.note:
            parts.append(Text(message.note, style="italic"))
        if message.subject:
            parts.append(Text.assemble(("Subject: ", "dim"), (message.subject, "bold")))
        if parts:
            parts.append(Text(""))
        parts.append(Text(message.body))
        console.print(Panel(Group(*parts), title=title, title_align="left"))
    for title, rows in checklist(plan):
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="dim", no_wrap=True)
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column()
        for when, text in rows:
            grid.add_row("☐", when, text)
        console.print(Panel(grid, title=title, title_align="left"))
