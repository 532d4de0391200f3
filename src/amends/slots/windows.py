"""Availability windows: "Tue 24 Nov–Thu 26 Nov: mornings 09:00–12:00 EST" instead of times.

Someone relocating or travelling often cannot commit to single times but can
say when they are generally free. A window is a stretch of time that keeps
every rule (both parties' hours, business days, busy times, notice) and is long
enough for the interview. Consecutive days with the same hours on both clocks
(same offsets too, so a DST change starts a new window) are merged into one
line.

A window is one stretch of instants, so the clocks may change inside it (Dublin's
fold, Lord Howe's 30-minute gap, Cairo's midnight change): each end is then
written with its own offset (``00:30 UTC+11–02:00 UTC+10:30``), read as the clock
showed it just before the end, so a window ending at midnight ends at ``24:00``
of its day and one ending as the clocks jump ends on the old time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from amends.dates.format import English, clock, short_date, zone_label
from amends.slots.clock import Interval, Span, instant
from amends.slots.offer import Window
from amends.texts import snippet

if TYPE_CHECKING:
    from amends.slots.query import Prepared

NOON = 12 * 60
EVENING = 18 * 60
"""From here a window is an evening one: "afternoon 20:00–24:00" would misname it."""
_TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class Reading:
    """A span as one clock shows it: the start, and the end as the clock reached it."""

    start: datetime
    last: datetime  # the span's last instant on this clock (its offset is the end's)
    end_wall: datetime  # the wall time the clock reached at the end (naive)

    @classmethod
    def of(cls, span: Interval, tz: ZoneInfo) -> Reading:
        """``span`` read on ``tz``'s clock."""
        last = (span[1] - _TICK).astimezone(tz)
        return cls(span[0].astimezone(tz), last, last.replace(tzinfo=None) + _TICK)

    def start_text(self, english: English = "gb") -> str:
        """``09:00`` (or ``9:00 AM``)."""
        return clock(self.start, english)

    def end_text(self, english: English = "gb") -> str:
        """``17:00``; ``24:00`` for a span that runs to the end of its day (12:00 AM in US)."""
        if english == "gb" and self.end_wall.time() == time():
            return "24:00"
        return clock(self.end_wall, english)

    @property
    def zone(self) -> str:
        """The zone at the start."""
        return zone_label(self.start)

    @property
    def end_zone(self) -> str:
        """The zone at the end when the clocks change inside the span, else ``""``."""
        label = zone_label(self.last)
        return "" if label == self.zone else label

    @property
    def end_day(self) -> date:
        """The date the span ends on (a span ending at midnight ends on its own day)."""
        return self.last.date()

    def differs_from(self, other: Reading) -> bool:
        """The two clocks show different offsets at the start or at the end."""
        return (
            self.start.utcoffset() != other.start.utcoffset()
            or self.last.utcoffset() != other.last.utcoffset()
        )


def hours_text(reading: Reading, english: English = "gb") -> str:
    """``09:00–12:00 EST (UTC−5)``, or ``00:30 UTC+11–02:00 UTC+10:30`` across a change."""
    return snippet(
        "slots",
        "window.hours",
        start=reading.start_text(english),
        end=reading.end_text(english),
        zone=reading.zone,
        end_zone=reading.end_zone,
    )


@dataclass(frozen=True)
class _Piece:
    day: date
    span: Interval
    key: tuple[str, ...]


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def _mine(mine: Reading, day: date) -> str:
    """The span on the candidate's clock, with day shifts spelled out."""
    shift = ""
    if mine.start.date() > day:
        shift = snippet("slots", "window.next_day")
    elif mine.start.date() < day:
        shift = snippet("slots", "window.previous_day")
    later = mine.end_day > mine.start.date()
    return snippet(
        "slots",
        "window.mine",
        start=mine.start_text(),
        end=mine.end_text(),
        zone=mine.zone,
        end_zone=mine.end_zone,
        shift=shift,
        end_shift=snippet("slots", "window.end_next_day") if later else "",
    )


def _piece(p: Prepared, day: date, span: Interval) -> _Piece:
    their, mine = Reading.of(span, p.their_tz), Reading.of(span, p.my_tz)
    mine_text = _mine(mine, day) if their.differs_from(mine) else ""
    key = (their.start_text(), their.end_text(), their.zone, their.end_zone, mine_text)
    return _Piece(day, span, key)


def _groups(pieces: list[_Piece]) -> list[list[_Piece]]:
    """Runs of consecutive calendar days with identical hours on both clocks."""
    by_day: dict[date, list[_Piece]] = {}
    for piece in pieces:
        by_day.setdefault(piece.day, []).append(piece)
    open_runs: dict[tuple[str, ...], list[_Piece]] = {}
    done: list[list[_Piece]] = []
    for day in sorted(by_day):
        keys_today = {piece.key for piece in by_day[day]}
        for key in list(open_runs):
            if key not in keys_today or open_runs[key][-1].day != day - timedelta(days=1):
                done.append(open_runs.pop(key))
        for piece in by_day[day]:
            run = open_runs.get(piece.key)
            if run is not None and run[-1].day == day - timedelta(days=1):
                run.append(piece)
            else:
                open_runs[piece.key] = [piece]
    done.extend(open_runs.values())
    return sorted(done, key=lambda run: run[0].span[0])


def _days_text(run: list[_Piece]) -> str:
    first = datetime.combine(run[0].day, datetime.min.time())
    last = datetime.combine(run[-1].day, datetime.min.time())
    return short_date(first) if len(run) == 1 else f"{short_date(first)}–{short_date(last)}"


def _part(p: Prepared, span: Interval, many: bool) -> str:
    their = Reading.of(span, p.their_tz)
    start = _minute(their.start)
    end = _minute(their.end_wall) or 24 * 60
    suffix = "" if many else "_one"
    if end <= NOON:
        return snippet("slots", f"window.morning{suffix}")
    if start >= EVENING:
        return snippet("slots", f"window.evening{suffix}")
    if start >= NOON and end <= EVENING:
        return snippet("slots", f"window.afternoon{suffix}")
    return ""


def _window(p: Prepared, run: list[_Piece]) -> Window:
    start_text, end_text, _, _, mine = run[0].key
    days = _days_text(run)
    part = _part(p, run[0].span, len(run) > 1)
    hours = hours_text(Reading.of(run[0].span, p.their_tz))
    their = f"{days}, {hours}"
    text = snippet("slots", "window.text", days=days, part=part, hours=hours, mine=mine)
    spans = tuple(
        (s.astimezone(p.their_tz), e.astimezone(p.their_tz)) for s, e in (r.span for r in run)
    )
    return Window(
        dates=tuple(r.day for r in run),
        spans=spans,
        start=start_text,
        end=end_text,
        interviewer_local=their,
        candidate_local=mine or their,
        text=text,
    )


def build_windows(
    p: Prepared, days: Sequence[date], free: Sequence[Sequence[Span]]
) -> list[Window]:
    """Group each day's free spans (microseconds) that are long enough for the interview."""
    pieces = [
        _piece(p, day, (instant(span[0]), instant(span[1])))
        for day, spans in zip(days, free, strict=True)
        for span in spans
        if span[1] - span[0] >= p.length
    ]
    return [_window(p, run) for run in _groups(pieces)]
