"""The shortcuts of the slot search give exactly what reading each day on the clock gives.

The finder turns wall times into instants with arithmetic wherever a zone's
offset is steady (per-zone, per-week tables of offset changes), reads a
country's business days from per-year sets, and renders the plain
``{{ name }}`` snippets without Jinja. Each shortcut is held here to the slow
path it replaces, around real DST changes of every zone.
"""

from __future__ import annotations

import random
import struct
from datetime import UTC, date, datetime, timedelta
from functools import cache
from importlib import resources
from itertools import pairwise
from zoneinfo import ZoneInfo

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amends.dates.calendar import Hours, calendar_for
from amends.dates.country import country_of_zone
from amends.dates.zones import zone_names
from amends.errors import InputError
from amends.plan import english
from amends.slots.clock import (
    WEEK,
    day_window,
    day_windows,
    exact_wall_instant,
    wall_instant,
    week_offsets,
)
from amends.texts import (
    Conditional,
    Substitution,
    compile_snippet,
    environment,
    render_snippet,
    snippets,
    tidy,
)
from tests.zones_edge import ALL_EDGE_ZONES

ALL_ZONES = sorted(zone_names())
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@cache
def _changes(name: str, year: int, step: int = 3) -> tuple[datetime, ...]:
    """Instants of ``year`` around which ``name`` changes its offset (a ``step``-hour scan)."""
    tz = ZoneInfo(name)
    moment = datetime(year, 1, 1, tzinfo=UTC)
    last = moment.astimezone(tz).utcoffset()
    found = []
    while moment.year == year:
        moment += timedelta(hours=step)
        offset = moment.astimezone(tz).utcoffset()
        if offset != last:
            found.append(moment)
            last = offset
    return tuple(found)


def _distinct_zones() -> list[str]:
    """One name per distinct compiled zone (links and equal rules read the same)."""
    seen: dict[bytes, str] = {}
    for name in ALL_ZONES:
        seen.setdefault(resources.files("tzdata").joinpath("zoneinfo", name).read_bytes(), name)
    return sorted(seen.values())


def test_no_zone_changes_its_offset_twice_within_a_week() -> None:
    """What the per-week tables rely on: tzdata has no two offset changes a week apart."""
    for name in _distinct_zones():
        for year in (2026,):
            changes = _changes(name, year, step=6)
            gaps = [b - a for a, b in pairwise(changes)]
            assert all(gap > timedelta(days=8) for gap in gaps), (name, year, changes)


_UNTIL = int((datetime(2200, 1, 1, tzinfo=UTC) - EPOCH).total_seconds())


def _listed_changes(name: str) -> tuple[list[int], bool]:
    """The instants (seconds after 1970) at which ``name``'s compiled tzdata file lists a change
    of UTC offset, and whether a rule (the file's footer) continues after the last one."""
    data = resources.files("tzdata").joinpath("zoneinfo", name).read_bytes()

    def counts(at: int) -> tuple[int, ...]:
        return struct.unpack(">6l", data[at + 20 : at + 44])

    isutc, isstd, leap, times, types, chars = counts(0)
    skip = 44 + times * 5 + types * 6 + chars + leap * 8 + isstd + isutc  # the 32-bit part
    isutc, isstd, leap, times, types, chars = counts(skip)
    at = skip + 44
    instants = struct.unpack(f">{times}q", data[at : at + times * 8])
    indices = data[at + times * 8 : at + times * 9]
    infos = data[at + times * 9 : at + times * 9 + types * 6]
    offsets = [struct.unpack(">l", infos[i * 6 : i * 6 + 4])[0] for i in range(types)]
    changes, last = [], offsets[0]
    for instant, index in zip(instants, indices, strict=True):
        if offsets[index] != last:
            changes.append(instant)
            last = offsets[index]
    footer = data.rsplit(b"\n", 2)[-2]
    return changes, b"," in footer


def test_no_utc_week_from_1970_to_2199_holds_two_offset_changes() -> None:
    """What the per-week tables rely on (one change at most between a week's two ends), over
    the whole span the command line accepts: every change tzdata lists, and the yearly rule
    after the last one (a rule's dates move by under a week from year to year, so changes more
    than two weeks apart in one year are never in one week in any year)."""
    for name in _distinct_zones():
        changes, ruled = _listed_changes(name)
        weeks = [instant // WEEK for instant in changes if 0 <= instant < _UNTIL]
        assert len(weeks) == len(set(weeks)), name
        if ruled:
            listed = datetime.fromtimestamp(changes[-1], UTC).year + 1 if changes else 1970
            year = max(2027, listed)
            ruled_changes = _changes(name, year, step=6) + _changes(name, year + 1, step=6)
            gaps = [b - a for a, b in pairwise(ruled_changes)]
            assert all(gap > timedelta(days=14) for gap in gaps), (name, year)


@pytest.mark.parametrize("name", ["America/New_York", "Australia/Lord_Howe", "Europe/Dublin"])
def test_a_weeks_offset_change_is_found_to_the_second(name: str) -> None:
    tz = ZoneInfo(name)
    for change in _changes(name, 2026):
        week = int((change - EPOCH).total_seconds()) // WEEK
        found = week_offsets(tz, week) or week_offsets(tz, week - 1)
        assert found is not None
        at = EPOCH + timedelta(seconds=found[0])
        before, after = at - timedelta(seconds=1), at
        assert before.astimezone(tz).utcoffset() == timedelta(seconds=found[1])
        assert after.astimezone(tz).utcoffset() == timedelta(seconds=found[2])


@st.composite
def wall_times(draw: st.DrawFn) -> tuple[date, int, ZoneInfo]:
    """A date within days of a real offset change of the zone (or any date), and a minute."""
    name = draw(st.one_of(st.sampled_from(ALL_EDGE_ZONES), st.sampled_from(ALL_ZONES)))
    year = draw(st.integers(2024, 2029))
    changes = _changes(name, year)
    near: bool = draw(st.booleans())
    if changes and near:
        change: datetime = draw(st.sampled_from(list(changes)))
        day = change.date() + timedelta(days=draw(st.integers(-3, 3)))
    else:
        day = date(year, 1, 1) + timedelta(days=draw(st.integers(0, 364)))
    return day, draw(st.integers(0, 96)) * 15, ZoneInfo(name)


@settings(max_examples=300, deadline=None)
@given(wall_times(), st.booleans())
def test_wall_instant_by_arithmetic_equals_reading_the_clock(
    case: tuple[date, int, ZoneInfo], as_start: bool
) -> None:
    day, minute, tz = case
    fast = wall_instant(day, minute, tz, as_start=as_start)
    assert fast == exact_wall_instant(day, minute, tz, as_start=as_start)
    assert fast.tzinfo is UTC


@settings(max_examples=200, deadline=None)
@given(wall_times(), st.integers(0, 95), st.integers(1, 96), st.integers(1, 40))
def test_a_run_of_day_windows_equals_each_day_read_alone(
    case: tuple[date, int, ZoneInfo], start: int, length: int, days: int
) -> None:
    day, _, tz = case
    end = (start + length) * 15
    hours = Hours(start * 15, end % 1440 if end > 1440 else end)
    first = day - timedelta(days=days // 2)
    last = first + timedelta(days=days - 1)
    expected = []
    for n in range(days):
        d = first + timedelta(days=n)
        end_day = d + timedelta(days=1) if hours.overnight else d
        opens = exact_wall_instant(d, hours.start, tz, as_start=True)
        closes = exact_wall_instant(end_day, hours.end, tz, as_start=False)
        expected.append((opens, closes) if closes > opens else None)
    assert day_windows(first, last, hours, tz) == expected
    assert [day_window(first + timedelta(days=n), hours, tz) for n in range(days)] == expected


def _zone_countries() -> list[str]:
    seen: dict[object, str] = {}
    for name in ALL_ZONES:
        try:
            country = country_of_zone(name)
        except InputError:
            continue
        seen.setdefault(country, name)
    return sorted(seen.values())


def test_business_days_from_year_tables_equal_the_day_by_day_rule() -> None:
    """Weekend (unless worked), holiday on a weekday, or closure: as each day's rule says."""
    rng = random.Random(18)
    zones = _zone_countries()
    for name in [*rng.sample(zones, 60), "Asia/Riyadh", "Europe/Berlin", "America/New_York"]:
        calendar = calendar_for(name)
        data = calendar._data
        day = date(2026, 11, 1)
        while day < date(2028, 3, 1):
            if data is None:
                open_day = day.weekday() not in calendar.weekend
            else:
                open_day = data.is_working_day(day)
            open_day = open_day and calendar.closure_name(day) is None
            assert calendar.is_business_day(day) == open_day, (name, day)
            day += timedelta(days=1)


def test_closed_days_are_every_day_with_a_holiday_or_closure() -> None:
    for name in ("Europe/Berlin", "America/New_York", "Asia/Riyadh", "Asia/Tokyo", "UTC"):
        calendar = calendar_for(name)
        first, last = date(2026, 12, 1), date(2028, 1, 31)
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        expected = [d for d in days if calendar.closed_reason(d)]
        assert calendar.closed_days(first, last) == expected
        assert expected or name == "UTC"


def _texts(table: object) -> list[str]:
    if isinstance(table, dict):
        return [text for value in table.values() for text in _texts(value)]
    return [table] if isinstance(table, str) else []


# The snippet files that hold plain and one-line conditional snippets (each has both kinds).
_FAST_SNIPPET_FILES = ["slots", "compose", "steps", "triage"]


@pytest.mark.parametrize("name", _FAST_SNIPPET_FILES)
def test_plain_substitution_snippets_render_as_jinja_does(name: str) -> None:
    simple = [s for s in _texts(snippets(name)) if "{{" in s and Substitution.of(s)]
    assert simple
    for source in simple:
        fields = (Substitution.of(source) or Substitution(())).parts[1::2]
        for value in ("Dana", None, 3, 2.5, "two  spaces\nand a line"):
            context = {field: value for field in fields}
            jinja = compile_snippet(environment(), source).render(**context)
            plain = (Substitution.of(source) or Substitution(())).render(**context)
            assert tidy(plain) == tidy(jinja), source


@pytest.mark.parametrize("name", _FAST_SNIPPET_FILES)
def test_conditional_snippets_render_as_jinja_does(name: str) -> None:
    found = [s for s in _texts(snippets(name)) if "{%" in s and Conditional.of(s)]
    assert found
    for source in found:
        template = Conditional.of(source)
        assert template is not None
        fields = sorted({f for _, sub in template.pieces for f in sub.parts[1::2]})
        fields += [n for n, _ in template.pieces if n and n not in fields]
        for value in ("Dana", None, 0, 3, "", "two  spaces"):
            for flip in range(len(fields) + 1):  # each name false in turn, then all true
                context = {f: (value if n != flip else None) for n, f in enumerate(fields)}
                jinja = compile_snippet(environment(), source).render(**context)
                assert tidy(template.render(**context)) == tidy(jinja), source


def test_conditional_snippets_fail_on_a_missing_name_as_jinja_does() -> None:
    template = Conditional.of("a{% if b %} {{ c }}{% endif %}")
    assert template is not None
    assert template.render(b="", c=1) == "a"  # a section not written needs none of its names
    assert template.render(b=True, c=1) == "a 1"
    with pytest.raises(jinja2.UndefinedError):
        template.render(c=1)
    with pytest.raises(jinja2.UndefinedError):
        compile_snippet(environment(), "a{% if b %} {{ c }}{% endif %}").render(c=1)


def test_snippets_with_other_control_syntax_stay_with_jinja() -> None:
    for source in (
        "{% if a %}x{% else %}y{% endif %}",
        "{% if a %}{% if b %}x{% endif %}{% endif %}",
        "{%- if a %}x{% endif %}",
        "  {% if a %}x{% endif %}",
        "line\n{% if a %}x{% endif %}",
        "{% if true %}x{% endif %}",
        "{% for a in b %}{{ a }}{% endfor %}",
        "{% if a %}{{ a | upper }}{% endif %}",
    ):
        assert Conditional.of(source) is None, source


def test_snippets_with_control_syntax_stay_with_jinja() -> None:
    assert Substitution.of("{{ a }}{% if b %} {{ b }}{% endif %}") is None
    # literals and globals are Jinja's to render, never names looked up in the context
    for source in ("{{ true }}", "{{ None }}", "x {{ range }}"):
        assert Substitution.of(source) is None
    assert Substitution.of("{{ a | upper }}") is None
    assert Substitution.of("{{- a }}") is None
    assert Substitution.of("Hello {{ name }}.") == Substitution(("Hello ", "name", "."))


def _keys(table: object, prefix: str = "") -> list[str]:
    if isinstance(table, dict):
        return [k for key, value in table.items() for k in _keys(value, f"{prefix}{key}.")]
    return [prefix[:-1]] if isinstance(table, str) else []


@pytest.mark.parametrize("name", ["compose", "steps", "triage", "slots"])
def test_american_snippets_render_as_their_jinja_templates_do(name: str) -> None:
    checked = 0
    for key in _keys(snippets(name)):
        fast = english._snippet(name, key, "us")
        if not isinstance(fast, Substitution | Conditional):
            continue
        source = english._localise_source(_texts_at(snippets(name), key), "us")
        parts = fast.parts if isinstance(fast, Substitution) else ()
        pieces = fast.pieces if isinstance(fast, Conditional) else ((None, fast),)
        fields = {f for _, sub in pieces for f in sub.parts[1::2]} | set(parts[1::2])
        fields |= {n for n, _ in pieces if n}
        for value in ("Dana", None, 3):
            context = {field: value for field in fields}
            jinja = compile_snippet(english._environment("us"), source).render(**context)
            assert tidy(fast.render(**context)) == tidy(jinja), key
        checked += 1
    assert checked  # every catalogue has snippets on the fast path


def _texts_at(table: dict[str, object], key: str) -> str:
    found: object = table
    for part in key.split("."):
        assert isinstance(found, dict)
        found = found[part]
    assert isinstance(found, str)
    return found


def test_equal_values_of_different_types_render_as_their_own_type() -> None:
    template = Conditional.of("{% if n %}[{{ n }}]{% endif %} left")
    assert template is not None
    assert render_snippet(template, {"n": 1}) == "[1] left"
    assert render_snippet(template, {"n": True}) == "[True] left"
    assert render_snippet(template, {"n": 1.0}) == "[1.0] left"


def test_a_negative_zero_renders_as_itself_not_as_a_remembered_zero() -> None:
    template = Substitution.of("{{ n }} h")
    assert template is not None
    assert render_snippet(template, {"n": 0.0}) == "0.0 h"
    assert render_snippet(template, {"n": -0.0}) == "-0.0 h"


@pytest.mark.parametrize("name", ["not", "self", "loop"])
def test_a_jinja_keyword_or_special_name_is_left_to_jinja(name: str) -> None:
    assert Conditional.of(f"a {{% if {name} %}}x{{% endif %}}") is None
    assert Substitution.of(f"a {{{{ {name} }}}}") is None
