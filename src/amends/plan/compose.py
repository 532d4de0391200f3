"""Compose every first-hour message from the templates in ``templates/messages``.

This module only decides *which* messages a situation needs and gathers the
facts they quote (times with zones, the reason's honest framing, the
safeguard); every sentence lives in the templates or in ``data/compose.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from amends.dates.format import clock, dual_moment_text, long_date, my_time_suffix, zone_label
from amends.dates.slot import Slot
from amends.plan.reasons import Reason
from amends.plan.result import FirstAction, Message
from amends.plan.situation import Situation
from amends.texts import render_text, snippet, snippets

if TYPE_CHECKING:
    from amends.slots.offer import Window

DELAY_WORTH_MENTIONING = timedelta(hours=3)


def _day_word(moment: datetime, now: datetime, tz: str) -> str | None:
    days = (moment.astimezone(ZoneInfo(tz)).date() - now.astimezone(ZoneInfo(tz)).date()).days
    return {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days)


def written_when(moment: datetime, s: Situation) -> str:
    """``today at 10:00 GMT (05:00 EST, UTC−5, my time)`` or ``on Wednesday 25 …``.

    Today, tomorrow and yesterday are named as such (the email is dated, so they
    are unambiguous and shorter); other days are written out in full.
    """
    if _day_word(moment, s.now, s.interview.tz):
        return spoken_when(moment, s) + my_time_suffix(moment, s.interview.tz, s.candidate.tz)
    return "on " + dual_moment_text(moment, s.interview.tz, s.candidate.tz)


def spoken_when(moment: datetime, s: Situation, *, on: bool = True) -> str:
    """``today at 10:00 GMT`` or ``on Tuesday 24 November at 10:00 EST (UTC−5)``."""
    local = moment.astimezone(ZoneInfo(s.interview.tz))
    day = _day_word(moment, s.now, s.interview.tz)
    at = f"{clock(local)} {zone_label(local)}"
    if day:
        return f"{day} at {at}"
    prefix = "on " if on else ""
    return f"{prefix}{long_date(local).rsplit(' ', 1)[0]} at {at}"


def _platforms(platform: str | None) -> str:
    key = (platform or "").strip().lower()
    others: dict[str, str] = snippets("compose")["other_platforms"]
    return others.get(key, others["other"])


def _delay_line(s: Situation, reason: Reason) -> str | None:
    if s.happening.scenario != "missed":
        return None
    if s.now - s.interview.start < DELAY_WORTH_MENTIONING:
        return None
    if reason.outside_control:
        return snippet("compose", "delay.outside")
    local = s.happening.realised.astimezone(ZoneInfo(s.interview.tz))
    day = _day_word(s.happening.realised, s.now, s.interview.tz)
    when = "another_day" if day != "today" else "later_today"
    if local.hour >= 12 and day == "today":
        when = "this_afternoon" if local.hour < 18 else "this_evening"
    return snippet("compose", "delay.own", realised=snippet("compose", f"realised.{when}"))


def _context(
    s: Situation,
    reason: Reason,
    action: FirstAction,
    slots: Sequence[Slot],
    windows: Sequence[Window] = (),
) -> dict[str, Any]:
    c, iv, ct = s.candidate, s.interview, s.contact
    to_name = ct.name or None
    alt = (
        snippet("compose", f"alt_mode.{iv.mode}") if s.happening.scenario != "tech-failure" else ""
    )
    goodwill = (
        snippet("compose", "goodwill.link", link=c.link)
        if c.link
        else snippet("compose", "goodwill.offer")
    )
    delay_line = _delay_line(s, reason)
    control = "_outside" if reason.outside_control else ""
    whose = "with_them" if ct.role == "interviewer" else "with_other"
    other = ct.interviewer if ct.interviewer and ct.interviewer != ct.name else iv.company
    scenario = s.happening.scenario
    return {
        "our_interview": snippet("compose", f"interview_name.{whose}", other=other),
        "our_interview_short": snippet("compose", f"interview_name.{whose}_short"),
        "ownership": snippet("compose", f"ownership.{scenario}{control}"),
        "ownership_spoken": snippet("compose", f"ownership_spoken.{scenario}{control}"),
        "candidate": c,
        "interview": iv,
        "contact": ct,
        "reason": reason,
        "scenario": s.happening.scenario,
        "senior": c.senior,
        "mention": reason.mention,
        "to_name": to_name,
        "to_first": to_name.split()[0] if to_name else None,
        "when": written_when(iv.start, s),
        "when_spoken": spoken_when(iv.start, s),
        "slots": [slot.message_text for slot in slots] or [w.message_text for w in windows],
        "windows_mode": not slots and bool(windows),
        "spoken_slots": [spoken_when(slot.start, s, on=False) for slot in slots[:2]]
        or [w.message_text for w in windows[:2]],
        "alt_mode": alt or None,
        "safeguard": reason.email_safeguard,
        "goodwill": goodwill,
        "delayed": delay_line is not None,
        "delay_line": delay_line or "",
        "now_options": snippet(
            "compose", "now_options.text", phone=c.phone, platforms=_platforms(iv.platform)
        ),
        "now_spoken": snippet("compose", "now_spoken.text"),
        "recruiter": ct.agency_recruiter,
        "interviewer_or_company": ct.interviewer or iv.company,
        "contact_reached": snippet(
            "compose", f"contact_reached.{action.channel}", contact=ct.interviewer or ct.name
        )
        if (ct.interviewer or ct.name)
        else "",
    }


def compose_messages(
    s: Situation,
    reason: Reason,
    action: FirstAction,
    slots: Sequence[Slot],
    windows: Sequence[Window] = (),
) -> list[Message]:
    """Every message this situation calls for, most urgent first."""
    ctx = _context(s, reason, action, slots, windows)
    variant = "senior" if s.candidate.senior else "standard"
    ct = s.contact
    messages: list[Message] = []
    if ct.phone:
        messages.append(
            Message(
                kind="phone-script",
                body=render_text("messages/phone_script.txt.j2", **ctx),
                to_name=ct.name or None,
                to_phone=ct.phone,
                variant=variant,
            )
        )
        if s.happening.scenario != "tech-failure":
            messages.append(
                Message(
                    kind="voicemail",
                    body=render_text("messages/voicemail.txt.j2", **ctx),
                    to_name=ct.name or None,
                    to_phone=ct.phone,
                    variant=variant,
                )
            )
    subject = render_text("messages/email_subject.txt.j2", **ctx)
    email_to: dict[str, Any] = {
        "to_name": ct.name or None,
        "to_email": ct.email,
        "variant": variant,
    }
    short_ctx = {**ctx, "with_reason": False}
    messages.append(
        Message(
            kind="email",
            subject=subject,
            body=render_text("messages/email.txt.j2", **short_ctx),
            **email_to,
        )
    )
    if reason.mention:
        reason_ctx = {**ctx, "with_reason": True}
        messages.append(
            Message(
                kind="email-with-reason",
                subject=subject,
                body=render_text("messages/email.txt.j2", **reason_ctx),
                **email_to,
            )
        )
    if ct.agency_recruiter:
        messages.append(
            Message(
                kind="recruiter-email",
                subject=render_text("messages/recruiter_subject.txt.j2", **ctx),
                body=render_text("messages/recruiter_email.txt.j2", **ctx),
                to_name=ct.agency_recruiter,
                variant=variant,
            )
        )
    if s.interview.mode == "in-person" or s.happening.scenario == "tech-failure":
        messages.append(
            Message(
                kind="alternative-mode",
                subject=render_text("messages/alternative_subject.txt.j2", **ctx),
                body=render_text("messages/alternative_mode.txt.j2", **ctx),
                **email_to,
            )
        )
    return messages
