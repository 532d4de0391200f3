"""Exports that put a plan into the user's own mail client and calendar.

- :func:`eml_for_message`: an ``.eml`` draft (``X-Unsent: 1``) of one message;
- :func:`mailto_link` / :func:`tel_link`: links that open the mail or phone app;
- :func:`prepare_calendar`: the prevention ``.ics`` for a :class:`Confirmed` slot;
- :func:`follow_up_calendar`: the follow-through ``.ics`` of a first-hour plan;
- :func:`write_plan_exports` / :func:`plan_links`: what ``amends plan`` and the web app call;
- :func:`write_atomic`: atomic, no-overwrite file writing shared by every export.
"""

from __future__ import annotations

from amends.export.confirmed import Confirmed
from amends.export.eml import eml_for_message
from amends.export.events import CalendarEvent
from amends.export.files import write_atomic
from amends.export.ics import CalendarExport, follow_up_calendar, prepare_calendar
from amends.export.links import MAX_MAILTO, MailtoLink, mailto_link, tel_link
from amends.export.plan_exports import plan_links, write_plan_exports

__all__ = [
    "MAX_MAILTO",
    "CalendarEvent",
    "CalendarExport",
    "Confirmed",
    "MailtoLink",
    "eml_for_message",
    "follow_up_calendar",
    "mailto_link",
    "plan_links",
    "prepare_calendar",
    "tel_link",
    "write_atomic",
    "write_plan_exports",
]
