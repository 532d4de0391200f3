"""Golden plans: a representative handful, reviewed by reading them as the recipient would."""

from __future__ import annotations

import pytest

from tests.conftest import CliRun
from tests.golden import assert_golden

SAM = ["--name", "Sam Patel", "--phone", "+1 617 555 0100", "--email", "sam@example.org"]

CASES = {
    # Missed this morning, direct number, London interviewer, New York candidate, 3 slots.
    "missed-overslept-call": [
        *SAM, "--my-tz", "America/New_York", "--company", "Acme Analytics",
        "--role", "Data Analyst", "--interviewer", "Dana Lee",
        "--contact-email", "dana@acme.example", "--contact-phone", "+44 20 7946 0000",
        "--at", "2026-11-23 10:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "overslept",
        "--slot", "2026-11-25 14:00", "--slot", "2026-11-26 10:00", "--slot", "2026-11-27 15:30",
        "--now", "2026-11-23T10:40:00+00:00",
    ],
    # Running late to an in-person interview, train delay, no direct number.
    "late-transit-in-person": [
        *SAM, "--my-tz", "Europe/Berlin", "--company", "Nordlicht GmbH",
        "--role", "Product Designer", "--interviewer", "Jonas Weber",
        "--contact-email", "jonas.weber@nordlicht.example", "--mode", "in-person",
        "--address", "Friedrichstraße 10, Berlin",
        "--at", "2026-11-24 14:00", "--tz", "Europe/Berlin",
        "--scenario", "late", "--reason", "transit", "--now", "2026-11-24T13:20:00+01:00",
    ],
    # Conflict known two days ahead; the coordinator is the contact; Tokyo interviewer.
    "conflict-coordinator-tokyo": [
        *SAM, "--my-tz", "Europe/London", "--company", "Kaizen Labs",
        "--role", "Backend Engineer", "--interviewer", "Aiko Tanaka",
        "--contact-name", "Zoë Núñez", "--contact-role", "coordinator",
        "--contact-email", "talent@kaizen.example",
        "--at", "2026-11-26 18:00", "--tz", "Asia/Tokyo",
        "--scenario", "conflict", "--reason", "conflict",
        "--slot", "2026-11-30 17:00", "--slot", "2026-12-01 18:00",
        "--now", "2026-11-24T09:00:00+00:00",
    ],
    # Video call failed live; senior candidate with a portfolio; agency recruiter involved.
    "tech-failure-senior-recruiter": [
        *SAM, "--link", "https://sam.example/portfolio", "--senior",
        "--my-tz", "America/Los_Angeles", "--company", "Orbital Systems",
        "--role", "VP Engineering", "--interviewer", "Priya Raman",
        "--contact-email", "priya@orbital.example", "--contact-phone", "+1 212 555 0142",
        "--recruiter", "Alex Kim", "--platform", "Zoom",
        "--at", "2026-11-23 11:00", "--tz", "America/New_York",
        "--scenario", "tech-failure", "--reason", "technical",
        "--now", "2026-11-23T16:12:00+00:00",
    ],
    # Missed, only noticed the next day (illness), no slots: invite them to propose.
    "missed-illness-noticed-next-day": [
        *SAM, "--my-tz", "Australia/Sydney", "--company", "Harbour Health",
        "--role", "Clinical Data Manager", "--interviewer", "Mia Chen",
        "--contact-email", "mia.chen@harbour.example",
        "--at", "2026-11-23 09:30", "--tz", "Australia/Sydney",
        "--scenario", "missed", "--reason", "illness",
        "--now", "2026-11-24T08:15:00+11:00",
    ],
    # Time-zone mistake across 13 hours: Auckland interviewer, London candidate.
    "missed-timezone-mistake-auckland": [
        *SAM, "--my-tz", "Europe/London", "--company", "Kiwi Freight",
        "--role", "Operations Analyst", "--interviewer", "Tama Ngata",
        "--contact-email", "tama@kiwifreight.example", "--contact-phone", "+64 9 555 0199",
        "--at", "2026-11-24 09:00", "--tz", "Pacific/Auckland",
        "--scenario", "missed", "--reason", "timezone-mistake",
        "--slot", "2026-11-26 08:00", "--slot", "2026-11-27 08:30",
        "--now", "2026-11-23T20:30:00+00:00",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_plan_markdown_reads_as_reviewed(cli: CliRun, name: str) -> None:
    result = cli(["plan", *CASES[name], "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden(f"plan-{name}.md", result.stdout)
