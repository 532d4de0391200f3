"""``.ics`` calendars (RFC 5545) built with :mod:`icalendar`.

Two calendars: the prevention calendar for a confirmed interview
(:func:`prepare_calendar`) and the follow-through calendar of a first-hour
plan (:func:`follow_up_calendar`). Both are ``METHOD:PUBLISH`` (reminders for
oneself: nothing to accept or decline), carry a VTIMEZONE for every TZID so
Outlook places them correctly, and give each event a UID derived from the case
plus a SEQUENCE that grows with the export time, so importing a newer export
updates the events instead of duplicating them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from amends.dates.format import dual_moment_text, moment_text
from amends.errors import InputError
from amends.export.calendar_events import CalendarEvent, word_events
from amends.export.confirmed import Confirmed
from amends.export.guard import valid_unicode
from amends.export.schedule import follow_up_entries, preparation_entries
from amends.fields import one_line
from amends.plan.result import Plan

PRODID = "-//amends//amends calendar export//EN"
UID_NAMESPACE = uuid.UUID("6f1d3c52-5b7e-4a43-9d0e-2c4a8f0b7e11")
SEQUENCE_EPOCH = datetime(2024, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CalendarExport:
    """The calendar file's bytes, the events in it, and reminders left out because past."""

    data: bytes
    events: tuple[CalendarEvent, ...]
    skipped: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "events": [event.to_json() for event in self.events],
            "skipped": list(self.skipped),
        }


def _aware_now(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now


def sequence_for(now: datetime) -> int:
    """SEQUENCE grows with the export time (seconds since 2024), so later exports win."""
    return max(0, int((_aware_now(now) - SEQUENCE_EPOCH).total_seconds()))


def case_basis(company: str, role: str, original: datetime | None, fallback: datetime) -> str:
    """What identifies one interview case across exports (company, role, original start)."""
    if original is not None:
        when = original.astimezone(UTC).isoformat()
    elif company or role:
        when = ""
    else:
        when = fallback.astimezone(UTC).isoformat()
    return "|".join([" ".join(company.casefold().split()), " ".join(role.casefold().split()), when])


def uid_for(basis: str, key: str) -> str:
    """A stable UID: the same case and event kind always give the same UID."""
    return f"{uuid.uuid5(UID_NAMESPACE, basis + '|' + key)}@amends"


def calendar_bytes(events: Sequence[CalendarEvent], basis: str, now: datetime) -> bytes:
    """Serialise ``events`` as one ``METHOD:PUBLISH`` calendar with every VTIMEZONE."""
    stamp = _aware_now(now).astimezone(UTC).replace(microsecond=0)
    sequence = sequence_for(now)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for item in events:
        event = Event()
        event.add("uid", uid_for(basis, item.uid_key))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        event.add("summary", item.title)
        event.add("description", item.description)
        event.add("dtstart", item.start)
        event.add("dtend", item.end)
        event.add("status", "TENTATIVE" if item.tentative else "CONFIRMED")
        event.add("transp", "OPAQUE" if item.busy else "TRANSPARENT")
        event.add("categories", ["amends", item.kind])
        if item.location:
            event.add("location", item.location)
        if item.url:
            event.add("url", item.url)
        for before, text in item.alarms:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", text)
            alarm.add("trigger", -before)
            event.add_component(alarm)
        cal.add_component(event)
    if events:
        # Transitions for the span of these events only (a year either side), not 1970-2038.
        first = min(e.start for e in events).date() - timedelta(days=366)
        last = max(e.end for e in events).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
    data: bytes = cal.to_ical()
    return data


def _confirmed_common(c: Confirmed) -> dict[str, Any]:
    return {
        "company": c.company,
        "role": c.role,
        "interviewer": c.interviewer,
        "mode": c.mode,
        "link": c.link,
        "address": c.address,
        "minutes": c.minutes,
        "travel_minutes": c.travel_minutes,
        "their_tz": c.interviewer_tz,
        "my_tz": c.candidate_tz,
        "interview_when": dual_moment_text(c.start, c.interviewer_tz, c.candidate_tz),
        "interview_theirs": moment_text(c.start, c.interviewer_tz),
        "interview_mine": moment_text(c.start, c.candidate_tz),
        "zones_differ": c.start.astimezone(ZoneInfo(c.interviewer_tz)).utcoffset()
        != c.start.astimezone(ZoneInfo(c.candidate_tz)).utcoffset(),
    }


def prepare_calendar(confirmed: Confirmed, now: datetime) -> CalendarExport:
    """The prevention calendar for a confirmed interview (reminders already past are left out)."""
    if confirmed.start <= _aware_now(now):
        raise InputError("at", "the confirmed interview time is already past")
    entries, skipped = preparation_entries(confirmed, now)
    location = confirmed.link or confirmed.address
    places = {"interview": (location, confirmed.link), "travel": (confirmed.address, None)}
    events = word_events(
        entries,
        _confirmed_common(confirmed),
        my_tz=confirmed.candidate_tz,
        their_tz=confirmed.interviewer_tz,
        places=places,
    )
    basis = case_basis(confirmed.company, confirmed.role, confirmed.original_start, confirmed.start)
    return CalendarExport(calendar_bytes(events, basis, now), tuple(events), tuple(skipped))


def _plan_line(value: str | None, field: str) -> str:
    if not value:
        return ""
    return one_line(valid_unicode(value, field), field, max_length=200, required=False)


def follow_up_calendar(plan: Plan, now: datetime) -> CalendarExport:
    """Follow-through reminders of a first-hour plan: holds, the one follow-up, moving on."""
    s = plan.situation
    their_tz, my_tz = s.interview.tz, s.candidate.tz
    contact = s.contact
    email = next((m for m in plan.messages if not m.spoken and m.subject), None)
    entries = follow_up_entries(
        plan.first_action.respond_by,
        their_tz,
        tuple((x.start, x.end) for x in plan.slots),
        s.interviewer_calendar,
    )
    follow = next(e for e in entries if e.kind == "follow-up")
    common = {
        "company": _plan_line(s.interview.company, "company"),
        "role": _plan_line(s.interview.role, "role"),
        "contact_name": _plan_line(contact.name, "contact_name"),
        "contact_email": contact.email or "",
        "contact_phone": contact.phone or "",
        "interviewer": _plan_line(contact.interviewer, "interviewer"),
        "subject": _plan_line(email.subject if email else None, "subject"),
        "sent_by": dual_moment_text(plan.first_action.respond_by, their_tz, my_tz),
        "offered": [slot.message_text for slot in plan.slots],
        "offered_all_passed": bool(plan.slots)
        and all(slot.start < follow.start for slot in plan.slots),
        "follow_up_when": dual_moment_text(follow.start, their_tz, my_tz),
    }
    events = word_events(entries, common, my_tz=my_tz, their_tz=their_tz)
    basis = case_basis(s.interview.company, s.interview.role, s.interview.start, s.interview.start)
    return CalendarExport(calendar_bytes(events, basis, now), tuple(events))
