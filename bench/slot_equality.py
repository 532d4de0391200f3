"""Same answers before and after a speed change: full slot and plan outputs, compared.

``tests/test_slots_equality.py`` holds the finder to the legacy finder, which
shares the live day windows and wording, so it cannot see a change there. This
script records everything a user would see instead: the full JSON of
``find_slots`` on random requests (the bench's narrow ones, the wide ones with
busy times, notice and length, and the same with a country given) and the full
JSON and Markdown of ``make_plan`` over the plan matrix with the finder running,
at several zones and moments.

- ``--write FILE``: record the current code's answers;
- ``--compare FILE``: check the current code against a recording;
- ``--against REF`` (default ``main``): record REF's answers in a subprocess (its
  ``src`` extracted with ``git archive``, as ``bench/check_equality.py`` does), then
  compare the current code to them.

Exits 1 and lists the first differences when any answer differs. Run:
``.venv/bin/python bench/slot_equality.py [--against main] [--requests N]``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.append(str(ROOT))  # for ``bench`` and ``tests``; amends comes from the path given

from bench.check_equality import equality_main  # noqa: E402
from bench.slot_cases import random_requests  # noqa: E402
from tests.plan_cases import MATRIX, START_OFFSET, request_fields  # noqa: E402

from amends.errors import InputError  # noqa: E402
from amends.plan.builder import make_plan  # noqa: E402
from amends.plan.markdown import plan_markdown  # noqa: E402
from amends.plan.request import PlanRequest  # noqa: E402
from amends.slots import SlotRequest, find_slots  # noqa: E402

COUNTRIES = ("US", "GB", "DE", "SA", "IN", "JP", "BR", "AU", "IL", "FR")
PLAN_PLACES = (
    ("Europe/London", "America/New_York", "2026-11-23T10:40+00:00"),
    ("America/New_York", "Europe/Berlin", "2026-03-06T15:10+00:00"),
    ("Australia/Sydney", "Asia/Kolkata", "2026-10-02T01:05+00:00"),
    ("Asia/Riyadh", "Europe/Dublin", "2026-10-22T07:55+00:00"),
)


def _slots(count: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    groups: list[tuple[str, list[SlotRequest]]] = [
        ("narrow", random_requests(count, seed=7)),
        ("wide", random_requests(count, seed=8, wide=True)),
    ]
    with_country = [
        SlotRequest(**{**req.__dict__, "country": COUNTRIES[n % len(COUNTRIES)]})
        for n, req in enumerate(random_requests(count // 2, seed=9, wide=True))
    ]
    groups.append(("country", with_country))
    for name, requests in groups:
        for n, req in enumerate(requests):
            out[f"{name}#{n}"] = find_slots(req).to_json()
    return out


def _plans() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for tz, my_tz, now in PLAN_PLACES:
        for case in MATRIX:
            fields = {k: v for k, v in request_fields(*case).items() if k != "slot"}
            moment = datetime.fromisoformat(now)
            at = (moment + START_OFFSET[case[0]]).astimezone(ZoneInfo(tz))
            fields.update(tz=tz, my_tz=my_tz, now=now, at=at.strftime("%Y-%m-%d %H:%M"))
            name = f"{tz}|{'|'.join(case)}"
            try:
                plan = make_plan(_request_of(PlanRequest, fields))
            except InputError as exc:  # a scenario whose time no longer fits: record that
                out[name] = {"error": [exc.field, exc.message]}
                continue
            out[name] = {"json": plan.to_json(), "markdown": plan_markdown(plan)}
    return out


def record(count: int) -> dict[str, Any]:
    """Every answer of the current code, keyed by a stable name."""
    return {"slots": _slots(count), "plans": _plans()}


def compare(old: dict[str, Any], new: dict[str, Any], limit: int = 5) -> int:
    """Print the first differences; the number of answers that differ or are missing."""
    bad = total = 0
    for part in ("slots", "plans"):
        before, after = old[part], new[part]
        total += len(before)
        for name in sorted(before.keys() - after.keys()):
            bad += 1
            print(f"MISSING {part} {name}")
        for name in before.keys() & after.keys():
            if before[name] != after[name]:
                bad += 1
                if bad <= limit:
                    print(f"DIFFERENT {part} {name}:\n  was {before[name]}\n  now {after[name]}")
    print(f"{total - bad} of {total} answers identical")
    return bad


def main(argv: list[str]) -> int:
    return equality_main(argv, Path(__file__), record, compare)


def _request_of(kind: Any, values: dict[str, Any]) -> Any:
    """The request of flat ``values`` on this tree or an older one (``PlanRequest(**values)``)."""
    make = getattr(kind, "from_values", None)
    return make(values) if make is not None else kind(**values)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
