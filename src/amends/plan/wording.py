"""The facts a message states about time: when the interview was, and the late-notice line.

Every sentence must be true now: an interview this morning is "this morning",
yesterday's is "yesterday", one earlier in the week is "on Monday 23 November";
and the delay line compares the interview's date with the moment of realising
and with now, so an interview missed yesterday is never "later in the day".
All days are read on the interviewer's clock, because they read the message.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from amends.dates.format import (
    English,
    clock,
    day_and_month,
    long_date,
    my_time_suffix,
    short_date,
    zone_label,
)
from amends.plan.english import snippet_in
from amends.plan.reasons import Reason
from amends.plan.situation import Situation
from amends.slots.windows import Reading, hours_text

if TYPE_CHECKING:
    from amends.slots.offer import Window

DELAY_WORTH_MENTIONING = timedelta(hours=3)


def day_part(moment: datetime) -> str:
    """``morning`` before noon, ``afternoon`` before six, else ``evening``."""
    return "morning" if moment.hour < 12 else "afternoon" if moment.hour < 18 else "evening"


def _days_apart(moment: datetime, now: datetime, tz: str) -> int:
    zone = ZoneInfo(tz)
    return (moment.astimezone(zone).date() - now.astimezone(zone).date()).days


def spoken_when(moment: datetime, s: Situation, english: English, *, on: bool = True) -> str:
    """``this morning at 10:00 GMT``, ``yesterday at …``, ``on Monday 23 November at …``."""
    local = moment.astimezone(ZoneInfo(s.interview.tz))
    at = f"{clock(local, english)} {zone_label(local)}"
    days = _days_apart(moment, s.now, s.interview.tz)
    if days == 0:
        return snippet_in("compose", "when.today", english, part=day_part(local), at=at)
    if days in (-1, 1):
        key = "when.yesterday" if days < 0 else "when.tomorrow"
        return snippet_in("compose", key, english, at=at)
    now_year = s.now.astimezone(local.tzinfo).year
    day = day_and_month(local, english) if local.year == now_year else long_date(local, english)
    text = snippet_in("compose", "when.date", english, day=day, at=at)
    return text if on else text.removeprefix("on ")


def written_when(moment: datetime, s: Situation, english: English) -> str:
    """:func:`spoken_when` with the candidate's own time alongside when the clocks differ."""
    return spoken_when(moment, s, english) + my_time_suffix(
        moment, s.interview.tz, s.candidate.tz, english
    )


def slot_text(moment: datetime, s: Situation, english: English) -> str:
    """A proposed time as a message lists it: the full date, their clock, mine beside it."""
    local = moment.astimezone(ZoneInfo(s.interview.tz))
    now_year = s.now.astimezone(local.tzinfo).year
    day = day_and_month(local, english) if local.year == now_year else long_date(local, english)
    return f"{day} at {clock(local, english)} {zone_label(local)}" + my_time_suffix(
        moment, s.interview.tz, s.candidate.tz, english
    )


def window_text(window: Window, s: Situation, english: English) -> str:
    """An availability window as a message lists it, on the reader's clock style."""
    if english == "gb":
        return window.message_text
    first, last = window.spans[0][0], window.spans[-1][0]
    days = short_date(first, english)
    if len(window.spans) > 1:
        days += "–" + short_date(last, english)
    theirs = Reading.of(window.spans[0], ZoneInfo(s.interview.tz))
    mine = Reading.of(window.spans[0], ZoneInfo(s.candidate.tz))
    return snippet_in(
        "compose",
        "window.text",
        english,
        days=days,
        hours=hours_text(theirs, english),
        mine=hours_text(mine, english) if mine.differs_from(theirs) else "",
    )


def _realised_key(s: Situation) -> str:
    tz = s.interview.tz
    start, realised = s.interview.start, s.happening.realised
    local = realised.astimezone(ZoneInfo(tz))
    same_day_as_interview = _days_apart(realised, start, tz) == 0
    today = _days_apart(realised, s.now, tz) == 0
    if same_day_as_interview and today:
        part = day_part(local)
        return "later_this_morning" if part == "morning" else f"this_{part}"
    if same_day_as_interview:
        return "later_that_day"
    if today:
        return f"this_{day_part(local)}"
    return "afterwards"


def delay_line(s: Situation, reason: Reason, english: English) -> str | None:
    """Why this message comes late, for a missed interview written three or more hours on."""
    if s.happening.scenario != "missed" or s.now - s.interview.start < DELAY_WORTH_MENTIONING:
        return None
    if reason.outside_control:
        return snippet_in("compose", "delay.outside", english)
    if not reason.mention:  # a private matter is not "my mistake"
        return snippet_in("compose", "delay.plain", english)
    key = _realised_key(s)
    waited = s.now - s.happening.realised >= DELAY_WORTH_MENTIONING
    realised = snippet_in("compose", f"realised.{key}", english)
    return snippet_in(
        "compose", "delay.own_waited" if waited else "delay.own", english, realised=realised
    )
