"""Golden plans: a representative handful, reviewed by reading them as the recipient would."""

from __future__ import annotations

import json

import pytest

from amends.check import check_email
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

# Issue 11: situations across every scenario, reason, mode, contact type,
# senior/non-senior and both English variants; each golden file was read as
# its recipient would read it.
ANA = ["--name", "Ana Ruiz", "--phone", "+1 312 555 0188", "--email", "ana@example.org"]
OLA = ["--name", "Ola Nowak", "--email", "ola@example.org"]

CASES.update({
    # Chicago interviewer with a title, same day, direct number: American English.
    "us-missed-forgot-call-dr": [
        *ANA, "--my-tz", "America/Chicago", "--company", "Lakeshore Bank",
        "--role", "Risk Analyst", "--interviewer", "Dr. Ruth Okafor",
        "--contact-email", "rokafor@lakeshore.example", "--contact-phone", "+1 312 555 0142",
        "--at", "2026-11-23 10:00", "--tz", "America/Chicago",
        "--scenario", "missed", "--reason", "forgot",
        "--slot", "2026-11-24 14:00", "--slot", "2026-11-25 10:30",
        "--now", "2026-11-23T16:35:00+00:00",
    ],
    # Noticed the next day: "yesterday", never "later in the day".
    "gb-missed-overslept-yesterday-video": [
        *OLA, "--my-tz", "Europe/London", "--company", "Brightwater",
        "--role", "Content Designer", "--interviewer", "Hannah Price",
        "--contact-email", "hannah@brightwater.example", "--platform", "Google Meet",
        "--at", "2026-11-24 10:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "overslept",
        "--slot", "2026-11-26 11:00", "--slot", "2026-11-27 14:30",
        "--now", "2026-11-25T09:00:00+00:00",
    ],
    # Two days later, phone interview, coordinator the contact: "on Monday 23 November".
    "gb-missed-calendar-error-monday-coordinator-phone": [
        *OLA, "--my-tz", "Europe/Berlin", "--company", "Nordwind AG",
        "--role", "Controller", "--interviewer", "Prof. Dr. Klaus Berger",
        "--contact-name", "Lena Fischer", "--contact-role", "coordinator",
        "--contact-email", "jobs@nordwind.example", "--mode", "phone",
        "--at", "2026-11-23 14:00", "--tz", "Europe/Berlin",
        "--scenario", "missed", "--reason", "calendar-error",
        "--slot", "2026-11-26 10:00", "--slot", "2026-11-27 15:00",
        "--now", "2026-11-25T08:30:00+00:00",
    ],
    # Toronto, in person, a private matter, written in the afternoon: Canadian -> American.
    "ca-missed-personal-afternoon-in-person": [
        *ANA, "--my-tz", "America/Toronto", "--company", "Maple Freight",
        "--role", "Dispatcher", "--interviewer", "Marc Tremblay",
        "--contact-email", "marc@maplefreight.example", "--mode", "in-person",
        "--address", "100 King St W, Toronto",
        "--at", "2026-11-23 09:00", "--tz", "America/Toronto",
        "--scenario", "missed", "--reason", "personal",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 14:00",
        "--now", "2026-11-23T20:30:00+00:00",
    ],
    # Only the agency recruiter's address: To the recruiter, no claim of other messages.
    "nz-missed-family-emergency-recruiter-only": [
        *OLA, "--my-tz", "Pacific/Auckland", "--company", "Xero",
        "--role", "Payroll Specialist", "--interviewer", "James Holt",
        "--contact-role", "recruiter", "--recruiter", "Aroha Ngata (Robert Walters)",
        "--contact-email", "aroha.ngata@robertwalters.example", "--mode", "in-person",
        "--at", "2026-11-24 11:00", "--tz", "Pacific/Auckland",
        "--scenario", "missed", "--reason", "family-emergency",
        "--slot", "2026-11-30 11:00", "--slot", "2026-12-01 14:00",
        "--now", "2026-11-24T20:00:00+00:00",
    ],
    # Senior, formal greeting with a title, agency recruiter, New York, video.
    "us-missed-medical-senior-formal-agency": [
        *ANA, "--senior", "--link", "https://ana.example/work", "--greeting", "formal",
        "--my-tz", "America/New_York", "--company", "Hudson Capital",
        "--role", "Chief Risk Officer", "--interviewer", "Ms Dana Whitfield",
        "--contact-email", "dwhitfield@hudson.example", "--contact-phone", "+1 212 555 0199",
        "--recruiter", "Tom (Hays)",
        "--at", "2026-11-23 09:30", "--tz", "America/New_York",
        "--scenario", "missed", "--reason", "medical",
        "--slot", "2026-11-24 15:00", "--slot", "2026-11-25 11:00",
        "--now", "2026-11-23T15:10:00+00:00",
    ],
    # London, in person, transport disruption, number known: route safeguard fits.
    "gb-missed-transit-in-person-call": [
        *SAM, "--my-tz", "Europe/London", "--company", "Thames Water",
        "--role", "Project Engineer", "--interviewer", "Gareth Evans",
        "--contact-email", "g.evans@thames.example", "--contact-phone", "+44 20 7946 0321",
        "--mode", "in-person", "--address", "Clearwater Court, Reading",
        "--at", "2026-11-23 11:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "transit",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 14:00",
        "--now", "2026-11-23T11:25:00+00:00",
    ],
    # Sydney interviewer, Singapore candidate, travel disruption, video: no route planning.
    "au-missed-travel-video": [
        *OLA, "--my-tz", "Asia/Singapore", "--company", "Coral Analytics",
        "--role", "Data Engineer", "--interviewer", "Liam O'Brien",
        "--contact-email", "liam@coral.example", "--platform", "Zoom",
        "--at", "2026-11-24 10:00", "--tz", "Australia/Sydney",
        "--scenario", "missed", "--reason", "travel",
        "--slot", "2026-11-26 13:00", "--slot", "2026-11-27 11:00",
        "--now", "2026-11-24T01:30:00+00:00",
    ],
    # Bangalore interviewer: IST with its offset and place; phone interview, technical.
    "in-missed-technical-phone-mode": [
        *SAM, "--my-tz", "Europe/London", "--company", "Infosphere",
        "--role", "QA Lead", "--interviewer", "Priya Nair",
        "--contact-email", "priya.nair@infosphere.example", "--mode", "phone",
        "--at", "2026-11-23 15:00", "--tz", "Asia/Kolkata",
        "--scenario", "missed", "--reason", "technical",
        "--slot", "2026-11-25 14:00", "--slot", "2026-11-26 15:30",
        "--now", "2026-11-23T10:10:00+00:00",
    ],
    # Shanghai interviewer: CST written with UTC+8 and the place; illness, no safeguard.
    "cn-missed-illness-email": [
        *SAM, "--my-tz", "Europe/London", "--company", "Huaxin Tech",
        "--role", "Product Manager", "--interviewer", "Li Wei",
        "--contact-email", "li.wei@huaxin.example",
        "--at", "2026-11-23 16:00", "--tz", "Asia/Shanghai",
        "--scenario", "missed", "--reason", "illness",
        "--slot", "2026-11-25 16:00", "--slot", "2026-11-26 15:00",
        "--now", "2026-11-23T09:30:00+00:00",
    ],
    # A clash noticed too late (missed), Dublin, in person.
    "ie-missed-conflict-in-person": [
        *OLA, "--my-tz", "Europe/Dublin", "--company", "Liffey Labs",
        "--role", "Office Manager", "--interviewer", "Siobhán Byrne",
        "--contact-email", "siobhan@liffey.example", "--contact-phone", "+353 1 555 0147",
        "--mode", "in-person", "--address", "Grand Canal Dock, Dublin",
        "--at", "2026-11-23 10:00", "--tz", "Europe/Dublin",
        "--scenario", "missed", "--reason", "conflict",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 15:00",
        "--now", "2026-11-23T10:45:00+00:00",
    ],
    # Los Angeles interviewer (PST shared with Manila), London candidate, time-zone mistake.
    "us-missed-timezone-mistake-coordinator": [
        *SAM, "--my-tz", "Europe/London", "--company", "Sunset Studios",
        "--role", "Producer", "--interviewer", "Kevin Park",
        "--contact-name", "Maria Gonzalez", "--contact-role", "coordinator",
        "--contact-email", "maria@sunset.example",
        "--at", "2026-11-23 09:00", "--tz", "America/Los_Angeles",
        "--scenario", "missed", "--reason", "timezone-mistake",
        "--slot", "2026-11-24 09:00", "--slot", "2026-11-25 10:00",
        "--now", "2026-11-23T17:45:00+00:00",
    ],
    # Running late to a video call in New York, direct number: call before the start.
    "us-late-overslept-video-call": [
        *ANA, "--my-tz", "America/New_York", "--company", "Beacon Health",
        "--role", "Nurse Recruiter", "--interviewer", "Karen Mills",
        "--contact-email", "kmills@beacon.example", "--contact-phone", "+1 646 555 0110",
        "--platform", "Teams",
        "--at", "2026-11-23 09:00", "--tz", "America/New_York",
        "--scenario", "late", "--reason", "overslept",
        "--slot", "2026-11-24 11:00", "--slot", "2026-11-25 14:00",
        "--now", "2026-11-23T13:45:00+00:00",
    ],
    # Taken ill three hours before an in-person interview: not "rather than arrive late".
    "gb-late-illness-before-start-in-person": [
        *SAM, "--my-tz", "Europe/London", "--company", "Northern Rail",
        "--role", "Timetable Planner", "--interviewer", "Mrs. Joan Hartley",
        "--contact-email", "j.hartley@northernrail.example",
        "--contact-phone", "+44 161 555 0123", "--mode", "in-person",
        "--address", "Piccadilly Gate, Manchester",
        "--at", "2026-11-23 14:00", "--tz", "Europe/London",
        "--scenario", "late", "--reason", "illness",
        "--slot", "2026-11-26 10:00", "--slot", "2026-11-27 14:00",
        "--now", "2026-11-23T11:00:00+00:00",
    ],
    # Called away before the start; agency recruiter; Berlin video.
    "de-late-family-emergency-agency": [
        *OLA, "--my-tz", "Europe/Berlin", "--company", "Spree Mobility",
        "--role", "Fleet Analyst", "--interviewer", "Jonas Weber",
        "--contact-email", "jonas@spree.example", "--recruiter", "Keisha (Robert Half)",
        "--at", "2026-11-23 15:00", "--tz", "Europe/Berlin",
        "--scenario", "late", "--reason", "family-emergency",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 14:00",
        "--now", "2026-11-23T12:40:00+00:00",
    ],
    # Chicago, in person, transit, no number: email before the start.
    "us-late-transit-in-person-email": [
        *ANA, "--my-tz", "America/Chicago", "--company", "Prairie Foods",
        "--role", "Buyer", "--interviewer", "Tom Becker",
        "--contact-email", "tbecker@prairie.example", "--mode", "in-person",
        "--address", "200 W Madison St, Chicago",
        "--at", "2026-11-23 14:00", "--tz", "America/Chicago",
        "--scenario", "late", "--reason", "transit",
        "--slot", "2026-11-24 10:00", "--slot", "2026-11-25 15:00",
        "--now", "2026-11-23T19:35:00+00:00",
    ],
    # A technical problem before the start of a Lisbon video call.
    "pt-late-technical-video": [
        *SAM, "--my-tz", "Europe/Lisbon", "--company", "Talkdesk",
        "--role", "Customer Success Manager", "--interviewer", "Inês Costa",
        "--contact-email", "ines@talkdesk.example", "--contact-phone", "+351 21 555 0100",
        "--platform", "Zoom",
        "--at", "2026-11-23 15:00", "--tz", "Europe/Lisbon",
        "--scenario", "late", "--reason", "technical",
        "--slot", "2026-11-24 11:00", "--slot", "2026-11-25 14:00",
        "--now", "2026-11-23T14:45:00+00:00",
    ],
    # A clash two days ahead, New York; the finder proposes times, none on the clash day.
    "us-conflict-two-days-ahead-finder": [
        *ANA, "--my-tz", "America/New_York", "--company", "Atlas Media",
        "--role", "Video Editor", "--interviewer", "Rachel Green",
        "--contact-email", "rachel@atlas.example",
        "--at", "2026-11-25 11:00", "--tz", "America/New_York",
        "--scenario", "conflict", "--reason", "conflict",
        "--now", "2026-11-23T14:00:00+00:00",
    ],
    # A medical appointment clashes; senior; in person in London; a week ahead.
    "gb-conflict-medical-senior-in-person": [
        *SAM, "--senior", "--my-tz", "Europe/London", "--company", "Crown Estates",
        "--role", "Head of Finance", "--interviewer", "Dr Moore",
        "--contact-email", "moore@crown.example", "--mode", "in-person",
        "--address", "1 St James's Market, London",
        "--at", "2026-11-30 10:00", "--tz", "Europe/London",
        "--scenario", "conflict", "--reason", "medical",
        "--slot", "2026-12-02 10:00", "--slot", "2026-12-03 14:00",
        "--now", "2026-11-23T09:00:00+00:00",
    ],
    # A private clash, Toronto coordinator, tomorrow: call, as it is within a day.
    "ca-conflict-personal-coordinator-call": [
        *ANA, "--my-tz", "America/Toronto", "--company", "Northern Lights Energy",
        "--role", "Geologist", "--interviewer", "Anne Dubois",
        "--contact-name", "Paul Roy", "--contact-role", "coordinator",
        "--contact-email", "careers@nle.example", "--contact-phone", "+1 416 555 0134",
        "--at", "2026-11-24 13:00", "--tz", "America/Toronto",
        "--scenario", "conflict", "--reason", "personal",
        "--slot", "2026-11-26 10:00", "--slot", "2026-11-27 14:00",
        "--now", "2026-11-23T15:00:00+00:00",
    ],
    # Travelling on the day of a Sydney phone interview: a request, days ahead.
    "au-conflict-travel-phone-mode": [
        *OLA, "--my-tz", "Australia/Sydney", "--company", "Harbour Bank",
        "--role", "Credit Officer", "--interviewer", "Grace Liu",
        "--contact-email", "grace.liu@harbourbank.example", "--mode", "phone",
        "--at", "2026-11-26 11:00", "--tz", "Australia/Sydney",
        "--scenario", "conflict", "--reason", "travel",
        "--slot", "2026-11-30 10:00", "--slot", "2026-12-01 14:00",
        "--now", "2026-11-23T22:00:00+00:00",
    ],
    # Live Zoom failure, New York, on the phone to them: "carry on now on this call".
    "us-tech-failure-zoom-call": [
        *ANA, "--my-tz", "America/New_York", "--company", "Gotham Design",
        "--role", "UX Researcher", "--interviewer", "Mike Ross",
        "--contact-email", "mike@gotham.example", "--contact-phone", "+1 212 555 0177",
        "--platform", "Zoom",
        "--at", "2026-11-23 14:00", "--tz", "America/New_York",
        "--scenario", "tech-failure", "--reason", "technical",
        "--now", "2026-11-23T19:12:00+00:00",
    ],
    # A phone interview that dropped, London, no number for them: email, script kept.
    "gb-tech-failure-phone-mode-no-number": [
        *SAM, "--my-tz", "Europe/London", "--company", "Barclays",
        "--role", "Analyst", "--interviewer", "James Holt",
        "--contact-email", "james.holt@barclays.example", "--mode", "phone",
        "--at", "2026-11-23 15:00", "--tz", "Europe/London",
        "--scenario", "tech-failure", "--reason", "technical",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 14:00",
        "--now", "2026-11-23T15:20:00+00:00",
    ],
    # Teams failed; only the recruiter is known (in-house); Bangalore; London candidate.
    "in-tech-failure-teams-recruiter-contact": [
        *SAM, "--my-tz", "Europe/London", "--company", "Infosphere",
        "--role", "Scrum Master", "--interviewer", "Ravi Kumar",
        "--contact-name", "Meera Iyer", "--contact-role", "recruiter",
        "--contact-email", "meera@infosphere.example", "--platform", "Teams",
        "--at", "2026-11-23 16:00", "--tz", "Asia/Kolkata",
        "--scenario", "tech-failure", "--reason", "technical",
        "--slot", "2026-11-25 15:00", "--slot", "2026-11-26 14:30",
        "--now", "2026-11-23T10:45:00+00:00",
    ],
    # A US recipient, but the user chooses British English.
    "us-missed-forgot-english-gb-override": [
        *SAM, "--english", "gb", "--my-tz", "Europe/London", "--company", "Empire Legal",
        "--role", "Paralegal", "--interviewer", "Sarah Cohen",
        "--contact-email", "scohen@empire.example",
        "--at", "2026-11-23 10:00", "--tz", "America/New_York",
        "--scenario", "missed", "--reason", "forgot",
        "--slot", "2026-11-24 10:00", "--slot", "2026-11-25 13:00",
        "--now", "2026-11-23T15:40:00+00:00",
    ],
    # A British recipient, but the user chooses American English.
    "gb-missed-overslept-english-us-override": [
        *ANA, "--english", "us", "--my-tz", "America/Chicago", "--company", "Albion Retail",
        "--role", "Merchandiser", "--interviewer", "Ms Emma Clarke", "--greeting", "formal",
        "--contact-email", "emma@albion.example",
        "--at", "2026-11-23 16:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "overslept",
        "--slot", "2026-11-25 15:00", "--slot", "2026-11-26 16:00",
        "--now", "2026-11-23T16:50:00+00:00",
    ],
    # Relocating: availability windows instead of single times.
    "gb-missed-forgot-windows": [
        *SAM, "--my-tz", "America/New_York", "--company", "Fenland Energy",
        "--role", "Planner", "--interviewer", "Tom Hughes",
        "--contact-email", "tom@fenland.example",
        "--at", "2026-11-23 10:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "forgot", "--windows",
        "--now", "2026-11-23T11:00:00+00:00",
    ],
    # Senior, technical failure kept them from joining a video call; portfolio.
    "gb-missed-technical-video-senior": [
        *SAM, "--senior", "--link", "https://sam.example/portfolio",
        "--my-tz", "Europe/London", "--company", "Kestrel Partners",
        "--role", "Director of Engineering", "--interviewer", "Olivia Grant",
        "--contact-email", "olivia@kestrel.example", "--platform", "Teams",
        "--at", "2026-11-23 13:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "technical",
        "--slot", "2026-11-25 10:00", "--slot", "2026-11-26 15:00",
        "--now", "2026-11-23T13:30:00+00:00",
    ],
    # Nobody named: "Hello," and the hiring coordinator; no times, invite a proposal.
    "gb-missed-overslept-unnamed-coordinator": [
        *OLA, "--my-tz", "Europe/London", "--company", "Pennine Water",
        "--role", "Site Engineer", "--contact-role", "coordinator",
        "--contact-email", "recruitment@pennine.example", "--mode", "in-person",
        "--at", "2026-11-23 09:00", "--tz", "Europe/London",
        "--scenario", "missed", "--reason", "overslept", "--count", "1", "--days", "1",
        "--my-hours", "19:00-20:00",
        "--now", "2026-11-23T09:50:00+00:00",
    ],
    # Running late for a phone interview in Denver, calendar error.
    "us-late-calendar-error-phone-mode": [
        *ANA, "--my-tz", "America/Denver", "--company", "Rocky Mountain Health",
        "--role", "Billing Specialist", "--interviewer", "Jake Miller",
        "--contact-email", "jake@rmh.example", "--contact-phone", "+1 303 555 0155",
        "--mode", "phone",
        "--at", "2026-11-23 10:00", "--tz", "America/Denver",
        "--scenario", "late", "--reason", "calendar-error",
        "--slot", "2026-11-24 13:00", "--slot", "2026-11-25 09:30",
        "--now", "2026-11-23T16:40:00+00:00",
    ],
})  # fmt: skip


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_plan_markdown_reads_as_reviewed(cli: CliRun, name: str) -> None:
    result = cli(["plan", *CASES[name], "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden(f"plan-{name}.md", result.stdout)


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_plan_messages_pass_the_draft_checker(cli: CliRun, name: str) -> None:
    result = cli(["plan", *CASES[name], "--format", "json"])
    assert result.exit_code == 0, result.stderr
    for message in json.loads(result.stdout)["messages"]:
        spoken = message["kind"] in ("phone-script", "voicemail")
        report = check_email(
            None if spoken else message["subject"],
            message["body"],
            kind="script" if spoken else "email",
        )
        assert [(f.rule, f.excerpt) for f in report.findings] == [], (message["kind"], name)
