"""Human-readable dates and times that always carry their time zone.

Every time amends writes for a person says which zone it is in, and shows the
UTC offset too, because abbreviations are ambiguous (CST, IST, BST each name
several zones) and many zones have only numeric abbreviations. Dates are
formatted with Babel so wording can follow a locale later.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import format_date

LOCALE = "en_GB"


def utc_offset_label(offset: timedelta) -> str:
    """``UTC+5:30``, ``UTC−5``, ``UTC+0`` (a true minus sign, no padding)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "\u2212"
    hours, mins = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{mins:02d}" if mins else "")


def zone_label(moment: datetime) -> str:
    """The zone of an aware time as people read it: ``EST (UTC−5)`` or ``UTC+4``."""
    offset = moment.utcoffset()
    assert offset is not None, "zone_label needs an aware datetime"
    abbr = moment.tzname() or ""
    utc = utc_offset_label(offset)
    if not abbr or abbr[0] in "+-" or (abbr.upper() in {"UTC", "GMT"} and offset):
        return utc
    if abbr.upper() in {"UTC", "GMT"}:
        return abbr
    return f"{abbr} ({utc})"


def long_date(moment: datetime) -> str:
    """``Tuesday 24 November 2026``."""
    return str(format_date(moment.date(), "EEEE d MMMM y", locale=LOCALE))


def short_date(moment: datetime) -> str:
    """``Tue 24 Nov``."""
    return str(format_date(moment.date(), "EEE d MMM", locale=LOCALE))


def clock(moment: datetime) -> str:
    """``14:30``."""
    return moment.strftime("%H:%M")


def at_zone(moment: datetime, tz: str) -> datetime:
    """The same instant on the clocks of ``tz``."""
    return moment.astimezone(ZoneInfo(tz))


def moment_text(moment: datetime, tz: str) -> str:
    """``Tuesday 24 November 2026 at 10:00 EST (UTC−5)`` in zone ``tz``."""
    local = at_zone(moment, tz)
    return f"{long_date(local)} at {clock(local)} {zone_label(local)}"


def time_text(moment: datetime, tz: str) -> str:
    """``10:00 EST (UTC−5)`` in zone ``tz`` (for same-day references)."""
    local = at_zone(moment, tz)
    return f"{clock(local)} {zone_label(local)}"


def dual_moment_text(moment: datetime, their_tz: str, my_tz: str) -> str:
    """Their local time, with mine alongside when the clocks differ.

    ``Tuesday 24 November 2026 at 10:00 EST (UTC−5) (15:00 GMT my time)``; when
    the candidate's date differs, their date is written out too.
    """
    return moment_text(moment, their_tz) + my_time_suffix(moment, their_tz, my_tz)


def my_time_suffix(moment: datetime, their_tz: str, my_tz: str) -> str:
    """`` (15:00 GMT my time)`` when the candidate's clock differs, else ``""``."""
    theirs = at_zone(moment, their_tz)
    mine = at_zone(moment, my_tz)
    if theirs.utcoffset() == mine.utcoffset():
        return ""
    label = zone_label(mine).replace(" (", ", ").rstrip(")")
    mine_text = f"{clock(mine)} {label}"
    if theirs.date() != mine.date():
        mine_text = f"{short_date(mine)}, {mine_text}"
    return f" ({mine_text}, my time)"
