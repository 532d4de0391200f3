"""``.ics`` calendars (RFC 5545) built with :mod:`icalendar`.

Two calendars: the prevention calendar for a confirmed interview
(:func:`prepare_calendar`) and the follow-through calendar of a first-hour
plan (:func:`follow_up_calendar`). They are reminders for oneself, nothing to
accept or decline: with the user's address known they are ``METHOD:PUBLISH``
with the ``ORGANIZER`` iTIP requires (RFC 5546, 3.2.1), otherwise they carry
no ``METHOD`` at all, so libical's restriction check passes either way. Every
TZID has its VTIMEZONE so Outlook places events correctly.

Each event's UID comes from one identity per interview round (the case, or the
company and role when no case is given, plus the round number), never from the
times: re-exporting the same round, with or without ``--original-at`` or after
the slot moved, updates its events (SEQUENCE grows with the export time), and a
second round gets new UIDs so its reminders sit beside the first round's.
Alarm triggers are written in hours and minutes (``-PT24H``), never days: a
"day" is 23 or 25 hours across a DST change and clients disagree on it.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

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


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def case_basis(company: str, role: str, original: datetime | None, fallback: datetime) -> str:
    """The identity of a first-hour plan's follow-through: company, role, missed start."""
    when = (original or fallback).astimezone(UTC).isoformat()
    return "|".join([_key(company), _key(role), when])


def round_basis(case: str, company: str, role: str, round_number: int) -> str:
    """The identity of one interview round: the case (else company and role) and the round.

    Never the times: the same round re-exported keeps its UIDs wherever the slot moved.
    """
    who = f"case:{case.strip()}" if case.strip() else f"{_key(company)}|{_key(role)}"
    return f"{who}|round:{round_number}"


def uid_for(basis: str, key: str) -> str:
    """A stable UID: the same case and event kind always give the same UID."""
    return f"{uuid.uuid5(UID_NAMESPACE, basis + '|' + key)}@amends"


def trigger_text(before: timedelta) -> str:
    """``-PT24H``, ``-PT1H``, ``-PT15M``, ``PT0S``: exact hours and minutes, never days."""
    minutes = int(before.total_seconds() // 60)
    if minutes == 0:
        return "PT0S"
    hours, rest = divmod(abs(minutes), 60)
    body = (f"{hours}H" if hours else "") + (f"{rest}M" if rest else "")
    return f"{'-' if minutes > 0 else ''}PT{body}"


@dataclass(frozen=True)
class Organizer:
    """Who publishes the calendar (the user); without one the file carries no METHOD."""

    email: str
    name: str = ""


def calendar_bytes(
    events: Sequence[CalendarEvent],
    basis: str,
    now: datetime,
    organizer: Organizer | None = None,
) -> bytes:
    """Serialise ``events`` as one calendar with every VTIMEZONE (see the module docstring)."""
    stamp = _aware_now(now).astimezone(UTC).replace(microsecond=0)
    sequence = sequence_for(now)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if organizer is not None:
        cal.add("method", "PUBLISH")
    for item in events:
        event = Event()
        event.add("uid", uid_for(basis, item.uid_key))
        event.add("dtstamp", stamp)
        event.add("last-modified", stamp)
        event.add("sequence", sequence)
        if organizer is not None:
            address = vCalAddress(f"mailto:{organizer.email}")
            if organizer.name:
                address.params["CN"] = vText(organizer.name)
            event.add("organizer", address)
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
            alarm.add("trigger", timedelta(0))
            alarm["TRIGGER"] = _Trigger(trigger_text(before))
            event.add_component(alarm)
        cal.add_component(event)
    if events:
        # Transitions for the span of these events only (a year either side), not 1970-2038.
        first = min(e.start for e in events).date() - timedelta(days=366)
        last = max(e.end for e in events).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
        for timezone in cal.walk("VTIMEZONE"):
            # icalendar notes the span it covers in a COMMENT, which iTIP forbids there.
            timezone.pop("COMMENT", None)
    data: bytes = cal.to_ical()
    return data


class _Trigger(vText):
    """A TRIGGER value written exactly as given (``-PT24H``), without text escaping."""

    def to_ical(self) -> bytes:
        return str(self).encode("utf-8")


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
    c = confirmed
    basis = round_basis(c.case, c.company, c.role, c.round)
    return CalendarExport(calendar_bytes(events, basis, now), tuple(events), tuple(skipped))


def _plan_line(value: str | None, field: str) -> str:
    if not value:
        return ""
    return one_line(valid_unicode(value, field), field, max_length=200, required=False)


def follow_up_calendar(plan: Plan, now: datetime, *, cli: bool = True) -> CalendarExport:
    """Follow-through reminders of a first-hour plan: holds, the one follow-up, moving on.

    ``cli=False`` words the descriptions for the web app (no command names).
    """
    s = plan.situation
    their_tz, my_tz = s.interview.tz, s.candidate.tz
    contact = s.contact
    email = next((m for m in plan.messages if not m.spoken and m.subject), None)
    entries = follow_up_entries(
        tuple((x.start, x.end) for x in plan.slots),
        their_tz,
        (_step_at(plan, "follow_up", "follow_up_scheduled"), their_tz),
        (_step_at(plan, "move_on"), my_tz),
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
        "cli": cli,
    }
    events = word_events(entries, common, my_tz=my_tz, their_tz=their_tz)
    basis = case_basis(s.interview.company, s.interview.role, s.interview.start, s.interview.start)
    organizer = Organizer(s.candidate.email, s.candidate.name) if s.candidate.email else None
    return CalendarExport(calendar_bytes(events, basis, now, organizer), tuple(events))


def _step_at(plan: Plan, *keys: str) -> datetime:
    """When the plan's checklist times the step ``keys`` (the one list both views read)."""
    return next(step.at for step in plan.steps if step.key in keys)
