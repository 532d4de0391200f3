"""Reschedule slot finder: two or three times that are right on both clocks.

Public API::

    from amends.slots import SlotRequest, find_slots
    from amends.slots.busy_file import load_busy   # reads an .ics file (needs icalendar)

    result = find_slots(SlotRequest(now=now, interviewer_tz="America/New_York",
                                    candidate_tz="Europe/London"))
    result.slots          # tuple[Slot, ...] - every one keeps every rule
    result.windows        # availability windows (window mode)
    result.near_misses    # closest times outside the candidate's own hours
    result.explanation    # plain words when fewer than requested fit
    result.to_json()      # {"slots": [...], "windows": [...], "explanation": ..., ...}
"""

from __future__ import annotations

from amends.dates.calendar import BusinessCalendar, Hours
from amends.dates.country import Country, country_for_zone, parse_country
from amends.slots.busy import BusyCalendar
from amends.slots.clock import Interval
from amends.slots.finder import find_slots
from amends.slots.offer import NearMiss, SlotResult, Window
from amends.slots.options import SlotOptions, slot_request_from_options
from amends.slots.query import MAX_COUNT, MAX_DAYS, SlotRequest

__all__ = [
    "MAX_COUNT",
    "MAX_DAYS",
    "BusinessCalendar",
    "BusyCalendar",
    "Country",
    "Hours",
    "Interval",
    "NearMiss",
    "SlotOptions",
    "SlotRequest",
    "SlotResult",
    "Window",
    "country_for_zone",
    "find_slots",
    "parse_country",
    "slot_request_from_options",
]
