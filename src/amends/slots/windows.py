"""Availability windows: "Tue 24 Nov–Thu 26 Nov: mornings 09:00–12:00 EST" instead of times.

Someone relocating or travelling often cannot commit to single times but can
say when they are generally free. A window is a stretch of time that keeps
every rule (both parties' hours, business days, busy times, notice) and is long
enough for the interview. Consecutive days with the same hours on both clocks
(same offsets too, so a DST change starts a new window) are merged into one
line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from amends.dates.format import clock, short_date, zone_label
from amends.slots.clock import Interval
from amends.slots.offer import Window
from amends.texts import snippet

if TYPE_CHECKING:
    from amends.slots.query import Prepared

NOON = 12 * 60


@dataclass(frozen=True)
class _Piece:
    day: date
    span: Interval
    key: tuple[str, ...]


def _minute(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def _mine(p: Prepared, span: Interval, day: date) -> str:
    """The span on the candidate's clock, with day shifts spelled out."""
    start, end = span[0].astimezone(p.my_tz), span[1].astimezone(p.my_tz)
    shift = ""
    if start.date() > day:
        shift = snippet("slots", "window.next_day")
    elif start.date() < day:
        shift = snippet("slots", "window.previous_day")
    end_shift = snippet("slots", "window.end_next_day") if end.date() > start.date() else ""
    return snippet(
        "slots",
        "window.mine",
        start=clock(start),
        end=clock(end),
        zone=zone_label(start),
        shift=shift,
        end_shift=end_shift,
    )


def _piece(p: Prepared, day: date, span: Interval) -> _Piece:
    start, end = span[0].astimezone(p.their_tz), span[1].astimezone(p.their_tz)
    mine = (
        _mine(p, span, day) if start.utcoffset() != span[0].astimezone(p.my_tz).utcoffset() else ""
    )
    key = (clock(start), clock(end), zone_label(start), zone_label(end), mine)
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
    start = _minute(span[0].astimezone(p.their_tz))
    end_local = span[1].astimezone(p.their_tz)
    end = _minute(end_local) or 24 * 60
    suffix = "" if many else "_one"
    if end <= NOON:
        return snippet("slots", f"window.morning{suffix}")
    if start >= NOON:
        return snippet("slots", f"window.afternoon{suffix}")
    return ""


def _window(p: Prepared, run: list[_Piece]) -> Window:
    start_text, end_text, zone_text, _, mine = run[0].key
    days = _days_text(run)
    part = _part(p, run[0].span, len(run) > 1)
    their = f"{days}, {start_text}–{end_text} {zone_text}"
    text = snippet(
        "slots",
        "window.text",
        days=days,
        part=part,
        start=start_text,
        end=end_text,
        zone=zone_text,
        mine=mine,
    )
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
    p: Prepared, days: Sequence[date], free: Sequence[Sequence[Interval]]
) -> list[Window]:
    """Group each day's free spans that are long enough for the interview."""
    pieces = [
        _piece(p, day, span)
        for day, spans in zip(days, free, strict=True)
        for span in spans
        if span[1] - span[0] >= p.request.duration
    ]
    return [_window(p, run) for run in _groups(pieces)]
