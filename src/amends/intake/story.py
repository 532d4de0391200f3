"""``read_story``: the intake from end to end, one step per module.

clean the text (:mod:`.text`) -> contacts and names (:mod:`.people`) ->
company and role (:mod:`.org`) -> cues for scenario, reason, mode, platform
(:mod:`.classify`) -> times (:mod:`.when`) -> clocks (:mod:`.placing`) ->
the scenario the times allow -> fields, missing, questions (:mod:`.result`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from amends.dates.country import country_for_zone
from amends.dates.zones import zone
from amends.errors import InputError
from amends.intake.classify import Cues, read_cues, read_reason, tense_words
from amends.intake.firms import IN_HOUSE, without_courtesy
from amends.intake.learned import refine
from amends.intake.org import read_org
from amends.intake.people import People, read_people
from amends.intake.placing import interviewer_zone, one_moment, place_times, zone_of
from amends.intake.result import Intake, ask, build
from amends.intake.site import joins_remotely, visited_site
from amends.intake.text import Story, clean
from amends.intake.when import When, read_when
from amends.intake.zonewords import interviewer_place, local_words

# Countries that write dates month first (3/12 = March 12).
_MONTH_FIRST = frozenset({"US", "CA", "PH", "FM", "PW", "MH"})
SOON = timedelta(hours=2)
JUST_STARTED = timedelta(hours=1)
SLOT_OVER = timedelta(hours=2)  # a tech failure told later than this took the slot out


def read_story(text: object, now: datetime, my_tz: str, learned: bool = True) -> Intake:
    """Read a story told in the person's own words; never guess what it does not say.

    ``learned=False`` reads it with the rules alone (what the trained component is
    trained and measured against, see :mod:`.learned`).

    Raises ``InputError`` (field ``text``, ``now`` or ``my_tz``) only for input
    nothing can be read from; everything else becomes ``missing`` + ``questions``.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise InputError("now", "must be timezone-aware")
    mine = zone(my_tz, "my_tz")
    story = clean(text)
    country = country_for_zone(mine.key)
    people = read_people(story, country)
    masked = _masked(story, people.spans)
    low = masked.replace("'", "")  # cues read "doctor's" as "doctors"
    cues = read_cues(low)
    if not cues.about_interview:
        return build({}, {"scenario": ask("scenario")})
    tense = cues.tense or tense_words(low)
    month_first = (country or "") in _MONTH_FIRST
    when = read_when(
        masked.replace("'", " "), now, mine, tense, month_first, interviewer_place(low)
    )
    org = read_org(story, people.interviewer, people.agency, people.agency_named)
    cues = _without_names(cues, low, org.company, org.role)
    site = visited_site(low, org.company)
    mode = cues.mode or ("in-person" if site.in_person else None)
    if mode == "in-person" and joins_remotely(low):
        mode = None  # "their building in Leeds ... I was dialling in": not there in person
    place = interviewer_place(low) or (site.zone if mode == "in-person" else None)
    # In person with a company, a place or a venue named ("at the council"): in the user's
    # own area unless a zone or place for the interviewer says otherwise.
    same_clock, venue = local_words(low)
    named = bool(org.company or place) or venue
    local = same_clock or (mode == "in-person" and (named or site.in_person))
    if when.conflict:
        guess = place or zone_of(when.candidates) or (mine.key if local else None)
        agreed = one_moment(when.candidates, guess, mine)
        if agreed is not None:
            when.start, when.conflict = agreed, []
    tz = interviewer_zone(place, when.start, local, mine, when.candidates)
    placed = place_times(when.start, when.realised, tz, mine, now)
    special = dict(placed.special)
    _time_questions(when, special)
    scenario = _scenario(cues, placed.start or placed.approx_start, now, tense, low)
    if scenario is None and placed.start is None and placed.approx_start is None:
        scenario = _scenario_by_day(cues, when.date_only, now.astimezone(mine).date())
    fields = {
        "scenario": scenario,
        "reason": _clash_reason(cues.reason, scenario, low),
        "at": placed.at if "at" not in special else None,
        "tz": tz,
        "company": without_courtesy(org.company),
        "role": None if _contact_title(org.role, people) else org.role,
        "interviewer": people.interviewer
        if people.interviewer and people.interviewer != org.company
        else None,
        "contact_role": people.contact_role,
        "contact_email": people.contact_email,
        "contact_phone": people.contact_phone,
        "recruiter": without_courtesy(_recruiter(people, org.company)),
        "recruiter_email": people.recruiter_email if _agency(people, org.company) else None,
        "mode": mode,
        "platform": cues.platform,
        "realised": placed.realised,
    }
    if (
        scenario == "missed"
        and cues.reason == "technical"
        and placed.start is None
        and placed.approx_start is None
        and cues.live_failure
    ):
        fields["scenario"] = "tech-failure"
    if learned:
        fields = refine(fields, story.low)
        if not fields["scenario"] and fields["reason"] and not cues.reason:
            # The model read a reason the cues missed: the start decides the scenario with it.
            fields["scenario"] = _scenario(
                replace(cues, reason=fields["reason"]),
                placed.start or placed.approx_start, now, tense, low,
            )  # fmt: skip
    intake = build({k: v for k, v in fields.items() if v}, special, placed.at_on_my_clock)
    intake.my_tz = mine.key
    return intake


def _without_names(cues: Cues, low: str, *names: str | None) -> Cues:
    """The reason read again with the company and the role blanked: "Keystone Dental" or a
    "dental assistant job" is no medical appointment, "Pier 7 Media" no cue at all."""
    blanked = low
    for name in names:
        if name and len(name) > 2:
            blanked = re.sub(rf"(?<!\w){re.escape(name.lower())}(?!\w)", "zq", blanked)
    if blanked == low:
        return cues
    return replace(cues, reason=read_reason(blanked))


# Forgetting what was already booked made the clash ("forgot i had the dentist then").
_FORGOT_BOOKED = re.compile(
    r"\b(?:forgot|forgotten|forget) (?:that |about )?(?:i |id |i'd |ive |i've )?(?:had |have "
    r"|already )?(?:booked|arranged|agreed|promised|made|a |an |my )"
)
_WEAK = frozenset({"forgot", "calendar-error", "timezone-mistake", "overslept"})


def _clash_reason(reason: str | None, scenario: str | None, low: str) -> str | None:
    """A clash with a future interview that a weak reason made has that weak reason."""
    if scenario == "conflict" and reason not in _WEAK and _FORGOT_BOOKED.search(low):
        return "forgot"
    return reason


def _contact_title(role: str | None, people: People) -> bool:
    """A "role" that is the named talent partner's own title ("the talent partner, Jess")."""
    return bool(role and people.recruiter and re.fullmatch(IN_HOUSE, role.lower()))


def _employer(firm: str, company: str | None) -> bool:
    """Whether the recruiter's firm is the employer ("Sara from Halden" at Halden Foods)."""
    a, b = firm.lower(), (company or "").lower()
    return bool(b) and (a == b or b.startswith(f"{a} ") or a.startswith(f"{b} "))


def _agency(people: People, company: str | None) -> bool:
    """Whether the recruiter's firm is an agency, not the employer itself ("Dev (Sky)")."""
    return bool(people.agency) and not _employer(people.agency or "", company)


def _recruiter(people: People, company: str | None) -> str | None:
    """ "Name (Agency)" for an agency recruiter; just the name for the employer's own."""
    found = re.fullmatch(r"(?P<name>.+?) \((?P<firm>[^()]+)\)", people.recruiter or "")
    if found and _employer(found.group("firm"), company):
        return found.group("name")
    return people.recruiter


def _masked(story: Story, spans: list[tuple[int, int]]) -> str:
    """The lower-case story with emails and phone numbers blanked (their digits are no times)."""
    chars = list(story.low)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _time_questions(when: When, special: dict[str, str]) -> None:
    if when.conflict:
        special["at"] = ask("at_conflict", times=" and ".join(when.conflict))
    elif when.bad_date:
        special["at"] = ask("at_bad_date", text=when.bad_date)
    elif when.start is None and when.date_only is not None:
        special["at"] = ask("at_date_only", date=when.date_only.isoformat())
    elif when.start is None and when.time_only is not None:
        special["at"] = ask("at_time_only", time=when.time_only)


# Still on the way (or still trying to get in) a little after the start.
_STILL_LATE = re.compile(
    r"\b(?:\d+|a few|ten|five|fifteen|twenty) (?:mins?|minutes) late|\brunning late"
    r"|\bstill (?:looking|trying to find|searching|on the way|waiting to be let)"
    r"|\b(?:im|i am) (?:in the lobby|at (?:the )?reception|at the wrong|outside)"
)


# The call took place and failed part-way ("halfway into", "after ten minutes", "they
# couldnt hear me"): a tech failure however late it is told.
_IN_CALL = re.compile(
    r"\b(?:halfway|half way|midway|in the middle|mid[- ]?(?:\w+ )?(?:call|interview)|mins? in"
    r"|minutes in|after (?:\d+|a few|two|three|five|ten|twenty) (?:mins?|minutes)"
    r"|(?:couldnt|could not|cant|cannot) hear|cut off|dropped|kicked (?:me )?out|reconnect)"
)


def _scenario(
    cues: Cues, start: datetime | None, now: datetime, tense: str | None, low: str
) -> str | None:
    """The scenario: the start time decides past or future, the cues which one.

    A call or platform failing at the start (or during the call) is a tech failure; a
    laptop or the power dead beforehand is a missed interview once the start has passed
    (for a technical reason) and late while it is still ahead. Arriving a few minutes
    after the start, still trying to get in, is late.
    """
    found = cues.scenarios
    past = start <= now if start is not None else tense == "past" if tense else None
    if past is None:
        return None
    if past:
        failed = "tech-failure" in found or cues.reason == "technical"
        if failed and (cues.live_failure or (start is None and "tech-failure" in found)):
            # Told during the slot, the call failing: a tech failure. Told once the slot is
            # over, the failure took the interview out: missed (for a technical reason).
            if start is None or now - start < SLOT_OVER or _IN_CALL.search(low):
                return "tech-failure"
            return "missed"
        just_started = start is not None and now - start <= JUST_STARTED
        if just_started and _STILL_LATE.search(low) and "missed" not in found:
            return "late"
        # The start has passed and the story is about it: missed (unless the call failed).
        return "missed"
    if start is not None:
        if start - now <= timedelta(minutes=2) and "tech-failure" in found and cues.live_failure:
            return "tech-failure"  # the platform fails at the start
        # Late: the start is close at hand; a clash raised hours ahead is a conflict.
        if start - now <= SOON:
            # A start within the hour or two with something wrong is one the person is
            # running late for ("in 20 min I have the call and my laptop is updating");
            # "at 11am today, what should I wear?" is no lateness.
            held_up = cues.platform is None and _HELD_UP.search(low) is not None
            return "late" if found or cues.reason or held_up else None
        return "conflict" if found or cues.reason else None
    if "late" in found and "conflict" not in found:
        return "late"
    if "conflict" in found and "late" not in found:
        return "conflict"
    if tense == "future" and cues.reason and "late" not in found and _LATER_DAY.search(low):
        return "conflict"  # "next week I have the interview, and I have flu": to be moved
    if (
        tense == "future"
        and cues.reason
        and cues.reason not in _ON_THE_WAY
        and not found
        and _LATER_TODAY.search(low)
    ):
        return "conflict"  # "this afternoon, in person. threw my back out": hours ahead, ill
    return None


def _scenario_by_day(cues: Cues, day: date | None, today: date) -> str | None:
    """A start told by its day alone ("interview wed at Lakeshore Bindery, time TBC"): a
    later day with trouble told is a clash to move (``conflict``), never lateness."""
    if day is None or day <= today or not (cues.reason or cues.scenarios):
        return None
    return "conflict" if "late" not in cues.scenarios else None


# Reasons that make a person late on the way rather than unable to come at all.
_ON_THE_WAY = frozenset({"transit", "travel", "overslept", "technical"})
# A later part of today named with no time: hours ahead, not a start close at hand.
_LATER_TODAY = re.compile(r"\b(?:this afternoon|this evening|tonight|later today)\b")


# "the train is stopped near Cuenca", "I'm at the wrong office": on the way and behind.
_HELD_UP = re.compile(
    r"\b(?:stopped|stuck|delayed|held up|running behind|traffic|broken down|broke down"
    r"|(?:i|we|ill|i will) (?:arrive|get there|be there) (?:maybe |probably )?(?:at|in|by)"
    r"|arrive maybe|wrong (?:office|building|address|place|station|entrance|site)"
    r"|(?:wont|won't|will not|doesnt|does not) let (?:me|us) (?:in|up|through)"
    r"|(?:no ?one|nobody) (?:is )?(?:answering|picking up)|cant find|can't find|lost)\b"
)


# A day ahead named with no time: the interview is not close at hand.
_LATER_DAY = re.compile(
    r"\b(?:tomorrow|next week|next month|(?:on |this |next )(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day)\b"
)
