"""Turning timed entries into worded calendar events (titles, descriptions, alarm texts).

The wording is in ``templates/export/<kind>.j2``; this module gathers the
facts each template needs, including every reminder time in plain words,
because several calendar apps drop alarms when they import a file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from amends.dates.format import dual_moment_text, moment_text
from amends.export.schedule import Timed
from amends.export.wording import render_block, render_line


@dataclass(frozen=True)
class CalendarEvent:
    """One event as written to the ``.ics`` file."""

    kind: str
    uid_key: str
    title: str
    description: str
    start: datetime
    end: datetime
    alarms: tuple[tuple[timedelta, str], ...] = ()
    location: str | None = None
    url: str | None = None
    tentative: bool = False
    busy: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "alarms_minutes_before": [
                int(before.total_seconds() // 60) for before, _ in self.alarms
            ],
            "location": self.location,
            "url": self.url,
            "tentative": self.tentative,
        }


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def word_events(
    entries: Sequence[Timed],
    common: dict[str, Any],
    *,
    my_tz: str,
    their_tz: str,
    places: dict[str, tuple[str | None, str | None]] | None = None,
) -> list[CalendarEvent]:
    """Render every entry's title first, then descriptions that list the whole schedule."""
    titles = [render_line(e.kind, "title", {**common, **e.extra, "kind": e.kind}) for e in entries]
    schedule = [
        {
            "title": title,
            # Entries kept on the interviewer's clock show both zones; personal ones mine.
            "when": dual_moment_text(e.start, their_tz, my_tz)
            if e.tz == their_tz
            else moment_text(e.start, my_tz),
            "alarms": [
                {"minutes": _minutes(b), "at": moment_text(e.start - b, my_tz)} for b in e.alarms
            ],
        }
        for e, title in zip(entries, titles, strict=True)
    ]
    events: list[CalendarEvent] = []
    for entry, title, line in zip(entries, titles, schedule, strict=True):
        context = {
            **common,
            **entry.extra,
            "kind": entry.kind,
            "title": title,
            "when": line["when"],
            "when_theirs": moment_text(entry.start, their_tz),
            "when_mine": moment_text(entry.start, my_tz),
            "ends": moment_text(entry.end, my_tz),
            "alarms": line["alarms"],
            "schedule": schedule,
        }
        alarm_texts = tuple(
            (before, render_line("_alarm", "alarm", {**context, "minutes": _minutes(before)}))
            for before in entry.alarms
        )
        location, url = (places or {}).get(entry.kind, (None, None))
        events.append(
            CalendarEvent(
                kind=entry.kind,
                uid_key=entry.uid_key,
                title=title,
                description=render_block(entry.kind, "description", context),
                start=entry.local_start,
                end=entry.local_end,
                alarms=alarm_texts,
                location=location,
                url=url,
                tentative=entry.tentative,
                busy=entry.busy,
            )
        )
    return events
