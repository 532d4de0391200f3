"""Checks on reschedule times the user typed (``--slot``, the web form).

The finder never proposes a time that breaks a rule, but a person may type one:
a Saturday, 03:00 on their own clock, a public holiday or customary closure of
the interviewer's region. Each problem becomes one plain sentence; the plan
still offers the time (the user may know better, say by prior agreement) and
shows the warnings beside it. Wording lives in ``data/slots.toml`` (``[typed]``).
"""

from __future__ import annotations

from collections.abc import Sequence

from amends.dates.format import zone_label
from amends.dates.slot import Slot
from amends.slots.clock import day_window, windows_over
from amends.slots.query import Prepared, SlotRequest, prepare
from amends.texts import snippet


def slot_problems(slot: Slot, p: Prepared) -> list[str]:
    """Every rule ``slot`` breaks, as sentences naming the slot (empty when it keeps them all)."""
    their = slot.start.astimezone(p.their_tz)
    day = their.date()
    country = p.country.name if p.country else None
    ctx = {"slot": slot.message_text, "country": country}
    problems: list[str] = []
    closed = p.calendar.closed_reason(day)
    if p.calendar.is_weekend(day):
        problems.append(snippet("slots", "typed.weekend", **ctx))
    elif closed is not None:
        problems.append(snippet("slots", f"typed.{closed[0]}", **ctx, day_name=closed[1]))
    window = day_window(day, p.hours, p.their_tz)
    if window is None or not (window[0] <= slot.start and slot.end <= window[1]):
        problems.append(
            snippet("slots", "typed.their_hours", hours=p.hours.text, zone=zone_label(their), **ctx)
        )
    mine = windows_over((slot.start, slot.end), p.my_hours, p.my_tz)
    if not any(start <= slot.start and slot.end <= end for start, end in mine):
        local = slot.start.astimezone(p.my_tz)
        problems.append(
            snippet("slots", "typed.my_hours", hours=p.my_hours.text, zone=zone_label(local), **ctx)
        )
    return problems


def typed_slot_problems(slots: Sequence[Slot], request: SlotRequest) -> list[str]:
    """The problems of every typed slot, in slot order."""
    p = prepare(request)
    return [problem for slot in slots for problem in slot_problems(slot, p)]
