"""Same plans before and after a speed change: random plan requests, full output compared.

``bench/slot_equality.py`` covers the plan matrix at four places; this script
draws random requests instead (zone pairs and moments over two years, every
scenario, reason, mode and contact role, names with and without titles, both
English variants and greetings, the user's own ``slot`` times or the finder,
interviewer and waking hours, a country), and records for each the plan's full
JSON (links included) and Markdown, for the command line and the web app's
wording, or the one-line error of a request that is invalid.

- ``--write FILE`` / ``--compare FILE``: record the current code / check it against a recording;
- ``--against REF`` (default ``main``): record REF's answers in a fresh interpreter (its
  ``src`` from git), then compare the current code to them.

Exits 1 and lists the first differences when any answer differs. Run:
``.venv/bin/python bench/plan_equality.py [--against main] [--requests N]``.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # for ``bench``; amends comes from the path given

from bench.check_equality import equality_main  # noqa: E402

from amends.errors import InputError  # noqa: E402
from amends.plan.builder import make_plan  # noqa: E402
from amends.plan.markdown import plan_markdown  # noqa: E402
from amends.plan.reasons import reason_codes  # noqa: E402
from amends.plan.request import PlanRequest  # noqa: E402

ZONES = (
    "Europe/London", "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Asia/Kolkata",
    "Asia/Tokyo", "Australia/Sydney", "Asia/Riyadh", "America/Sao_Paulo", "Europe/Dublin",
    "Pacific/Auckland", "America/Toronto", "Asia/Jerusalem", "Africa/Lagos", "UTC",
)  # fmt: skip
PEOPLE = ("Dana Lee", "Dr Ngozi Okafor", "Zoë Núñez", "Kim Min-jun", "Ms Priya Raman", "")
OFFSETS = {
    "missed": (-300, -20),
    "tech-failure": (-40, -5),
    "late": (10, 90),
    "conflict": (600, 6000),
}


def random_fields(rng: random.Random) -> dict[str, Any]:
    """One random request's flat values; the same ``rng`` state gives the same request."""
    scenario = rng.choice(list(OFFSETS))
    tz, my_tz = rng.choice(ZONES), rng.choice(ZONES)
    now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(0, 1_000_000))
    low, high = OFFSETS[scenario]
    at = (now + timedelta(minutes=rng.randrange(low, high))).astimezone(ZoneInfo(tz))
    mode = rng.choice(["video", "phone", "in-person"])
    role = rng.choice(["interviewer", "interviewer", "recruiter", "coordinator"])
    fields: dict[str, Any] = {
        "name": rng.choice(["Sam Patel", "Alex O'Neill", "Wei Zhang"]),
        "phone": rng.choice([None, "+1 617 555 0100", "+44 7700 900123"]),
        "email": rng.choice([None, "sam@example.org"]),
        "link": rng.choice([None, None, "https://sam.example/work"]),
        "my_tz": my_tz,
        "senior": rng.random() < 0.3,
        "greeting": rng.choice([None, "first-name", "formal"]),
        "english": rng.choice([None, None, "us", "gb"]),
        "company": rng.choice(["Acme Analytics", "Realise Ltd", "Nord & Söhne"]),
        "role": rng.choice(["Data Analyst", "Nurse Practitioner", "Senior Colour Technologist"]),
        "interviewer": rng.choice(PEOPLE) or None,
        "contact_name": rng.choice(PEOPLE) or None if role != "interviewer" else None,
        "contact_role": role,
        "contact_phone": rng.choice([None, "+44 20 7946 0000", "+1 212 555 0199"]),
        "contact_email": rng.choice([None, "dana@acme.example", "talent@acme.example"]),
        "recruiter": rng.choice([None, None, "Alex Kim"]),
        "recruiter_email": rng.choice([None, "alex@agency.example"]),
        "at": at.strftime("%Y-%m-%d %H:%M"),
        "tz": tz,
        "mode": mode,
        "platform": rng.choice([None, "Zoom", "Teams", "Meet"]) if mode == "video" else None,
        "address": "1 King's Cross Square, London" if mode == "in-person" else None,
        "scenario": scenario,
        "reason": rng.choice([None, *reason_codes()]),
        "now": now.isoformat(),
        "hours": rng.choice(["09:00-17:00", "08:30-18:00", "10:00-16:00"]),
        "my_hours": rng.choice(["07:00-22:00", "09:00-23:30", "06:00-20:00"]),
        "count": rng.randrange(1, 5),
        "windows": rng.random() < 0.15,
    }
    if rng.random() < 0.3:
        fields["country"] = rng.choice(["US", "GB", "DE", "IN", "JP"])
    if rng.random() < 0.3:
        days = sorted(rng.sample(range(1, 9), 2))
        fields["slot"] = [
            (now + timedelta(days=d)).astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d 10:30")
            for d in days
        ]
    return {key: value for key, value in fields.items() if value is not None}


def record(count: int, seed: int = 18) -> dict[str, Any]:
    """Every answer of the current code for ``count`` random requests, keyed by number."""
    rng = random.Random(seed)
    out: dict[str, Any] = {}
    for n in range(count):
        fields = random_fields(rng)
        cli = n % 4 != 3  # one in four worded for the web app
        try:
            plan = make_plan(PlanRequest.from_values(fields), cli=cli)
        except InputError as exc:
            out[str(n)] = {"error": [exc.field, exc.message]}
            continue
        out[str(n)] = {"json": plan.to_json(), "markdown": plan_markdown(plan)}
    return out


def compare(old: dict[str, Any], new: dict[str, Any], limit: int = 5) -> int:
    """Print the first differences; the number of answers that differ or are missing."""
    bad = 0
    for name in sorted(old, key=int):
        if old[name] != new.get(name):
            bad += 1
            if bad <= limit:
                print(f"DIFFERENT {name}:\n  was {old[name]}\n  now {new.get(name)}")
    plans = sum("json" in answer for answer in old.values())
    print(f"{len(old) - bad} of {len(old)} answers identical ({plans} plans, the rest errors)")
    return bad


def main(argv: list[str]) -> int:
    return equality_main(argv, Path(__file__), record, compare)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
