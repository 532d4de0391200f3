"""Helpers shared by the export tests: sample slots and plans, parsers, a scratch khal."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar

from amends.dates.slot import Slot
from amends.export.confirmed import Confirmed
from amends.plan import Plan
from amends.plan.builder import build_plan
from amends.plan.request import PlanRequest

NOW = datetime(2026, 11, 23, 10, 40, tzinfo=UTC)


def confirmed(**overrides: Any) -> Confirmed:
    """A video interview three days after NOW, interviewer in New York, candidate in London."""
    values: dict[str, Any] = {
        "start": datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("America/New_York")),
        "interviewer_tz": "America/New_York",
        "candidate_tz": "Europe/London",
        "mode": "video",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "link": "https://meet.example/abc-def",
    }
    values.update(overrides)
    if values["mode"] != "video" and "link" not in overrides:
        values["link"] = None
    return Confirmed(**values)


def plan(**overrides: Any) -> Plan:
    """A first-hour plan for a missed interview, with two offered slots."""
    values: dict[str, Any] = {
        "name": "Sam Patel",
        "email": "sam@example.org",
        "company": "Acme",
        "role": "Data Analyst",
        "interviewer": "Dana Lee",
        "contact_email": "dana@acme.example",
        "contact_phone": "+44 20 7946 0000",
        "at": "2026-11-23 10:00",
        "tz": "Europe/London",
        "my_tz": "America/New_York",
        "scenario": "missed",
        "reason": "overslept",
        "now": NOW.isoformat(),
        "slot": ["2026-11-25 14:00", "2026-11-26 10:00"],
    }
    values.update(overrides)
    situation = PlanRequest.from_values(values).to_situation()
    slots = [
        Slot(s, s + timedelta(minutes=45), situation.interview.tz, situation.candidate.tz)
        for s in situation.slots_requested
    ]
    return build_plan(situation, slots)


def events(data: bytes) -> list[Any]:
    """The VEVENTs of an .ics file, parsed back with icalendar."""
    return list(Calendar.from_ical(data).walk("VEVENT"))


def by_kind(data: bytes) -> dict[str, Any]:
    """Events keyed by their amends kind (the second CATEGORIES value)."""
    result = {}
    for event in events(data):
        cats = event.get("categories")
        result[str(cats.cats[1])] = event
    return result


def parse_eml(data: bytes) -> EmailMessage:
    message = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(message, EmailMessage)
    return message


def khal_list(tmp: Path, ics: Path, local_tz: str, start: str, end: str) -> list[str]:
    """Import ``ics`` into a scratch khal calendar and list ``start`` .. ``end`` as lines."""
    cal = tmp / "khal-cal"
    cal.mkdir(exist_ok=True)
    config = tmp / "khal.conf"
    config.write_text(
        "[calendars]\n[[scratch]]\n"
        f"path = {cal}\ntype = calendar\n"
        "[locale]\n"
        f"local_timezone = {local_tz}\ndefault_timezone = {local_tz}\n"
        "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "[default]\ndefault_calendar = scratch\n",
        encoding="utf-8",
    )
    env = {"HOME": str(tmp), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PATH": "/usr/bin:/bin"}
    base = ["khal", "-c", str(config)]
    run_tool([*base, "import", "--batch", "-a", "scratch", str(ics)], env)
    listed = run_tool(
        [*base, "list", "--format", "{start} | {title}", "--day-format", "", start, end], env
    )
    return [line for line in listed.splitlines() if line.strip()]


def run_tool(args: list[str], env: dict[str, str]) -> str:
    """Run a calendar program (khal, calcurse) and return its output; it must succeed."""
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout
