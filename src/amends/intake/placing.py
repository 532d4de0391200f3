"""Putting the story's times on the right clocks: the interviewer's zone, ``at`` and ``realised``.

The interviewer's zone is, in order: the place the story puts them in ("the
Sydney team"); the zone written on the start time ("10am EST", "their time
(Sydney)"); the person's own zone when the story makes the interviewer local
(in person, "same time zone"). Otherwise it stays unknown and is asked.

``at`` is the start on the interviewer's clock. A time written "my time" or
relative to now is converted when their zone is known; when it is not, the
start is kept on the person's own clock and the zone question says so. DST
gaps and folds are never resolved silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from amends.dates.zones import gap_or_fold
from amends.intake.result import ask
from amends.intake.when import Stated

_FMT = "%Y-%m-%d %H:%M"


@dataclass
class Placed:
    """``at`` / ``realised`` texts, the start as an instant, and questions for what is open."""

    at: str | None = None
    start: datetime | None = None
    approx_start: datetime | None = None  # on the person's clock when their zone is unknown
    at_on_my_clock: bool = False  # ``at`` is the person's own wall time (their zone unknown)
    realised: str | None = None
    special: dict[str, str] = field(default_factory=dict)


def interviewer_zone(
    place: str | None,
    start: Stated | None,
    local: bool,
    my_tz: ZoneInfo,
    candidates: list[Stated] | None = None,
) -> str | None:
    """The interviewer's IANA zone, or ``None`` when the story does not tell.

    When the start is asked about (two times that differ: "14:00 Brussels time, 13:00
    here", with a wrong sum), the one zone named on the candidates is still where the
    interviewer is; two different named zones leave it open."""
    if place:
        return place
    clock = start.clock if start is not None else None
    if clock is not None and clock.zone and clock.kind in ("zone", "theirs"):
        return clock.zone
    named = {
        c.clock.zone
        for c in (candidates or [])
        if start is None
        if c.clock is not None and c.clock.zone and c.clock.kind in ("zone", "theirs")
    }
    if len(named) == 1:
        return named.pop()
    if local:
        return my_tz.key
    return None


def place_times(
    start: Stated | None, realised: Stated | None, tz: str | None, my_tz: ZoneInfo, now: datetime
) -> Placed:
    """Compute ``at`` (interviewer's clock) and ``realised`` (an ISO instant)."""
    placed = Placed()
    if start is not None:
        _place_start(start, tz, my_tz, placed)
    if realised is not None:
        moment = _instant(realised, tz, my_tz)
        if (
            moment is not None
            and moment <= now
            and (placed.start is None or moment >= placed.start)
        ):
            placed.realised = moment.astimezone(my_tz).isoformat(timespec="minutes")
    return placed


def _source_zone(stated: Stated, tz: str | None, my_tz: ZoneInfo) -> ZoneInfo | None:
    """The zone the wall time was written in (``None``: the interviewer's, not yet known)."""
    clock = stated.clock
    if clock is None or clock.kind == "theirs":
        if clock is not None and clock.zone:
            return ZoneInfo(clock.zone)
        return ZoneInfo(tz) if tz else None
    if clock.kind == "mine":
        return my_tz
    return ZoneInfo(clock.zone) if clock.zone else None


def _place_start(start: Stated, tz: str | None, my_tz: ZoneInfo, placed: Placed) -> None:
    their = ZoneInfo(tz) if tz else None
    if start.instant is not None:
        moment = start.instant
        shown = moment.astimezone(their or my_tz)
        placed.at, placed.start = shown.strftime(_FMT), moment
        if their is None:
            placed.special["tz"] = ask("at_their_clock", time=shown.strftime(_FMT))
            placed.at_on_my_clock = True
        return
    assert start.wall is not None
    source = _source_zone(start, tz, my_tz)
    if source is None:
        # Written without a zone and the interviewer's zone is unknown: keep the time as
        # written; the zone question asks where they are.
        placed.at = start.wall.strftime(_FMT)
        if gap_or_fold(start.wall, my_tz) is None:
            placed.approx_start = start.wall.replace(tzinfo=my_tz)
        return
    local = _localize(start.wall, source, placed)
    if local is None:
        return
    placed.start = local
    target = their or source
    if "fold" in placed.special and target.key != source.key:
        # Which of the two instants is meant changes the time on their clock: ask.
        placed.special["at"] = placed.special.pop("fold")
        return
    placed.at = local.astimezone(target).strftime(_FMT)
    if their is None and source is my_tz:
        placed.special["tz"] = ask("at_their_clock", time=start.wall.strftime(_FMT))
        placed.at_on_my_clock = True


def _localize(wall: datetime, source: ZoneInfo, placed: Placed) -> datetime | None:
    kind = gap_or_fold(wall, source)
    if kind == "gap":
        placed.special["at"] = ask(
            "at_gap", time=wall.strftime("%H:%M"), date=wall.strftime("%Y-%m-%d"), tz=source.key
        )
        return None
    if kind == "fold":
        first, second = wall.replace(tzinfo=source, fold=0), wall.replace(tzinfo=source, fold=1)
        placed.special["fold"] = ask(
            "fold",
            time=wall.strftime("%H:%M"),
            date=wall.strftime("%Y-%m-%d"),
            tz=source.key,
            first=first.strftime("%Z, UTC%z"),
            second=second.strftime("%Z, UTC%z"),
        )
    return wall.replace(tzinfo=source)


def _instant(stated: Stated, tz: str | None, my_tz: ZoneInfo) -> datetime | None:
    if stated.instant is not None:
        return stated.instant
    assert stated.wall is not None
    source = _source_zone(stated, tz, my_tz)
    if stated.clock is None:
        source = my_tz  # "noticed at 9" is on the person's own clock
    if source is None or gap_or_fold(stated.wall, source) is not None:
        return None
    return stated.wall.replace(tzinfo=source)


def one_moment(candidates: list[Stated], tz: str | None, my_tz: ZoneInfo) -> Stated | None:
    """Two ways of writing the same start ("3pm their time, 9:30am for me") are one start.

    Returns the one written on the interviewer's clock when every candidate is the same
    instant; ``None`` when they really differ (then the story is asked about).
    """
    moments = _moments(candidates, tz, my_tz, unzoned_mine=False)
    if moments is not None and any(m != moments[0] for m in moments):
        # "missed 1pm zoom, it was 10am pacific for them": the bare time is the user's own.
        moments = _moments(candidates, tz, my_tz, unzoned_mine=True)
    if not candidates or moments is None or any(m != moments[0] for m in moments):
        return None
    ranked = sorted(
        candidates, key=lambda s: 0 if s.clock and s.clock.kind in ("zone", "theirs") else 1
    )
    return ranked[0]


def _moments(
    candidates: list[Stated], tz: str | None, my_tz: ZoneInfo, unzoned_mine: bool
) -> list[datetime] | None:
    """The instant of each candidate; ``None`` when one falls in a DST gap or fold."""
    moments = []
    for stated in candidates:
        if stated.instant is not None:
            moments.append(stated.instant)
            continue
        assert stated.wall is not None
        source = (my_tz if unzoned_mine and stated.clock is None else None) or (
            _source_zone(stated, tz, my_tz) or my_tz
        )
        if gap_or_fold(stated.wall, source) is not None:
            return None
        moments.append(stated.wall.replace(tzinfo=source))
    return _same_day_read(candidates, moments)


def _same_day_read(candidates: list[Stated], moments: list[datetime]) -> list[datetime]:
    """A time written with no day ("which was 8pm for me") is on whichever day makes it the
    moment a dated or zoned candidate names: across zones the day can differ by one."""
    anchors = [m for s, m in zip(candidates, moments, strict=True) if not s.implied_day]
    if not anchors or any(a != anchors[0] for a in anchors):
        return moments
    ref = anchors[0]
    read = []
    for stated, moment in zip(candidates, moments, strict=True):
        if stated.implied_day and moment.tzinfo is not None:
            # The time of day on the date the anchor falls on in this candidate's zone.
            there = ref.astimezone(moment.tzinfo).date()
            moved = moment.replace(year=there.year, month=there.month, day=there.day)
            zone_info = moved.tzinfo
            if (
                isinstance(zone_info, ZoneInfo)
                and gap_or_fold(moved.replace(tzinfo=None), zone_info) is None
            ):
                moment = moved  # never onto a wall time the clocks skip or repeat
        read.append(moment)
    return read


def zone_of(candidates: list[Stated]) -> str | None:
    """The interviewer's zone written on any of the candidate starts."""
    for stated in candidates:
        if stated.clock is not None and stated.clock.zone and stated.clock.kind != "mine":
            return stated.clock.zone
    return None
