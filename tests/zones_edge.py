"""Named edge-case time zones, reused by every test that touches dates.

Each constant says why the zone is interesting, so a failing test names the
trap it fell into.
"""

from __future__ import annotations

NO_DST = "Asia/Tokyo"  # never changes
FIXED_OFFSET = "Etc/GMT-14"  # fixed offset, sign inverted by POSIX convention (UTC+14)
HALF_HOUR_DST = "Australia/Lord_Howe"  # DST shift of 30 minutes
NEGATIVE_DST = "Europe/Dublin"  # "standard" time is summer time; winter is negative DST
SOUTHERN_DST = "Australia/Sydney"  # clocks go forward in October
TWO_HOUR_DST = "Antarctica/Troll"  # shifts by two hours (UTC+0 <-> UTC+2)
SKIPPED_DAY = "Pacific/Apia"  # skipped 30 December 2011 entirely
QUARTER_HOUR = "Asia/Kathmandu"  # UTC+5:45
HALF_HOUR = "Asia/Kolkata"  # UTC+5:30, no DST
US_EAST = "America/New_York"  # US DST dates differ from the EU's by weeks
EU_WEST = "Europe/London"
EU_CENTRAL = "Europe/Berlin"
FRI_SAT_WEEKEND = "Asia/Riyadh"  # Saudi Arabia: weekend is Friday-Saturday
FAR_EAST = "Pacific/Auckland"  # 13 hours from London in the northern winter

ALL_EDGE_ZONES = [
    NO_DST,
    FIXED_OFFSET,
    HALF_HOUR_DST,
    NEGATIVE_DST,
    SOUTHERN_DST,
    TWO_HOUR_DST,
    SKIPPED_DAY,
    QUARTER_HOUR,
    HALF_HOUR,
    US_EAST,
    EU_WEST,
    EU_CENTRAL,
    FRI_SAT_WEEKEND,
    FAR_EAST,
]
