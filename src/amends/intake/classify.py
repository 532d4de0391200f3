"""What kind of story it is: scenario cues, the reason, the mode and the platform.

Each answer comes from the cue lists in ``data/intake.toml``; when no cue
matches, or two cues disagree (a phone screen *and* an onsite), the field is
left open for a question rather than picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from amends.intake.lexicon import cue_pattern, data, platforms, word_set

SCENARIO_CUES = ("tech-failure", "late", "conflict", "missed")
_FUTURE = re.compile(
    r"\b(?:will|going to|about to|tomorrow|is at|starts at|is in|its in|upcoming|coming up"
    r"|next week|later today|this afternoon|tonight|im on my way|on the way"
    r"|i have an? [a-z -]{0,25}interview (?:on|tomorrow|next|this|at)"
    r"|(?:am|is) (?:due|scheduled) (?:to|for)|i must|i need to"
    r"|(?:its|it is|is) (?:on )?(?:this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_PAST = re.compile(
    r"\b(?:was|were|missed|yesterday|didnt|did not|started|happened|had|forgot|overslept"
    r"|slept|woke|noticed|realised)\b"
)
_INTERVIEW = re.compile(
    r"\b(?:interview|interviews|interviewer|interviewing|screen|screening|call|onsite|recruiter"
    r"|hiring|role|position|job|meeting|assessment|panel|chat with|final round|first round"
    r"|second round|talent partner|talent acquisition"
    # the word in the languages stories mix in ("entrevista 9:30", "entretien 10h chez")
    r"|entrevista|entrevistas|entretien|entrevue|colloquio|vorstellungsgespr\w*"
    r"|sollicitatiegesprek|wawancara|rozmowa kwalifikacyjna|mülakat|mulakat)\b"
    # "couldnt reach their office for the 11am", "didnt go to the 3pm": the slot by its time
    r"|\b(?:for|missed|miss|make|go to|went to|attend|attended|make it to|made it to|get to"
    r"|got to) the \d{1,2}(?:[:.]\d\d)? ?(?:am|pm|oclock|o clock)\b"
)
_NOT_VIDEO = frozenset({"WhatsApp"})


@dataclass(frozen=True)
class Cues:
    """The scenario cues found, the reason code, mode and platform (``None`` = not stated)."""

    scenarios: frozenset[str]
    reason: str | None
    mode: str | None
    platform: str | None
    about_interview: bool
    live_failure: bool = False  # the call or platform failed (not a device dead beforehand)

    @property
    def tense(self) -> str | None:
        """``past`` or ``future`` when the cues say which, else ``None``."""
        past = self.scenarios & {"missed", "tech-failure"}
        future = self.scenarios & {"late", "conflict"}
        if past and not future:
            return "past"
        if future and not past:
            return "future"
        return None


def read_cues(low: str) -> Cues:
    """Classify a (masked, lower-case) story."""
    scenarios = frozenset(s for s in SCENARIO_CUES if cue_pattern("scenario", s).search(low))
    platform = next((name for name, pattern in platforms() if pattern.search(low)), None)
    reason = read_reason(low)
    return Cues(
        scenarios=scenarios,
        reason=reason,
        mode=_mode(low, platform, reason),
        platform=platform,
        # A scenario cue ("im going to be late") is about the interview even unnamed.
        about_interview=bool(_INTERVIEW.search(low) or scenarios) or platform is not None,
        live_failure=_live_failure(low),
    )


_LIVE = re.compile(
    r"\b(?:zoom|teams|meet|webex|skype|link|call|meeting|audio|sound|mic|microphone|camera"
    r"|video|lobby|host|organi[sz]er|app|kicked|kicking|rejoin|reconnect|dropped|dropping"
    r"|froze|freezing|crash|crashed|crashes|crashing|passcode|meeting id|waiting room|hear"
    r"|line|voicemail|dead line|ringing out|engaged|join|joining|connect|connecting)\b"
)


def _live_failure(low: str) -> bool:
    """Whether a failure cue is about the call itself (or happened during it).

    A cue naming the call or the platform is live; so is one with no subject ("never
    worked", "cant hear me") right after the call or link it is about. A laptop, phone
    or the power failing is live only when the story says it happened during the call.
    """
    cues = (cue_pattern("scenario", "tech-failure"), cue_pattern("reasons.cues", "technical"))
    matches = [m for cue in cues for m in cue.finditer(low)]
    if not matches:  # the trouble told in the domain grammar only ("my sim card is broken")
        matches = list(_domain("technical").finditer(low))
    for m in matches:
        if _LIVE.search(m.group(0)):
            return True
        if not _DEVICE.search(m.group(0)) and _LIVE.search(low[max(0, m.start() - 40) : m.start()]):
            return True
    return bool(matches) and _DURING.search(low) is not None


_DEVICE = re.compile(
    r"\b(?:laptop|phone|power|battery|electricity|wifi|wi fi|internet|computer|charger|pc|mac"
    r"|macbook|broadband|router|outage|brownout|blackout)\b"
)


# The failure happened during the call, or at its start: "in the middle", "20 min in",
# "started 10 minutes ago", "right before".
_DURING = re.compile(
    r"\b(?:in the (?:interview|call|middle)|mid[- ]?(?:\w+ )?(?:call|interview)|mins? in"
    r"|minutes in|started (?:\d+|a few|ten|five|twenty) (?:mins?|minutes) ago|(?:right|just) before"
    r"|after (?:\d+|a few|two|three|five|ten|twenty) (?:mins?|minutes))"
)


def read_reason(low: str) -> str | None:
    """The first reason (in catalogue priority order) whose cues the story matches.

    An illness or medical cue about a relative ("my kid just threw up", "my daughter's
    surgery", "accompany my father to an urgent appointment") is a family emergency.
    """
    low = cue_pattern("reasons", "idioms").sub(" ", low)
    code = _cued_reason(low)
    if code not in ("timezone-mistake", "calendar-error") and cue_pattern(
        "reasons", "forgot_over"
    ).search(low):
        return "forgot"
    if code is None:
        return reason_by_domain(low) or _reason_by_words(low)
    if code == "travel" and not _JOURNEY.search(low) and reason_by_domain(low) == "transit":
        return "transit"  # "the bus from the airport is stuck": the trouble told, not the noun
    return code


# A journey of its own, more than a place passed through: a flight, a trip back from a town.
_JOURNEY = re.compile(
    r"\b(?:flight|flights|plane|flew|flying|airline|layover|abroad|overseas|holiday|vacation"
    r"|trip|eurostar|(?:back|home) from|from [a-z]+ (?:to|into) [a-z]+)\b"
)


def _cued_reason(low: str) -> str | None:
    for code in data()["reasons"]["order"]:
        m = cue_pattern("reasons.cues", code).search(low)
        if m is None:
            continue
        if code in ("illness", "medical") and _about_relative(low, m.start(), m.end()):
            return "family-emergency"
        # "sat on the tarmac with no wifi": offline because of the journey
        travelling = cue_pattern("reasons.cues", "travel").search(low) is not None
        if code == "technical" and _NO_SIGNAL.fullmatch(m.group(0)) and travelling:
            return "travel"
        if code == "technical" and _LET_IN.search(m.group(0)) and _AT_THE_DOOR.search(low):
            continue  # "got to the office but nobody let me in": a door, not a waiting room
        return str(code)
    return None


def reason_by_domain(low: str) -> str | None:
    """The reason told by what happened: a device, vehicle or relative and its trouble.

    Read when no reason cue matched, and over a journey or work merely named; a story with
    trouble of two kinds ("the bus was stuck and my phone died") gets no answer here.
    """
    found = {code for code, pattern in _domains().items() if pattern.search(low)}
    return found.pop() if len(found) == 1 else None


def _reason_by_words(low: str) -> str | None:
    """The one reason whose words (``[reason_words]``) the story has, when nothing else read
    one: "the wifi" alone says technical; the wifi and a flight say nothing for sure."""
    found = {
        str(code)
        for code in data()["reason_words"]
        if cue_pattern("reason_words", code).search(low)
    }
    return found.pop() if len(found) == 1 else None


def _domain(code: str) -> re.Pattern[str]:
    return _domains()[code]


@cache
def _domains() -> dict[str, re.Pattern[str]]:
    """One pattern per reason: a subject, at most four words, then a trouble, in a clause."""
    found = {}
    for code, table in data()["reason_domains"].items():
        subjects = "|".join(sorted(table["subjects"], key=len, reverse=True))
        troubles = "|".join(f"(?:{cue})" for cue in table["troubles"])
        gap = r"(?: [^\s.,;!?]+){0,4}"
        found[str(code)] = re.compile(rf"(?<![\w@])(?:{subjects}){gap} (?:{troubles})(?!\w)")
    return found


# Being let in, at a building's door rather than a call's waiting room.
_LET_IN = re.compile(r"\b(?:let|letting|lets|admitted)\b")
_AT_THE_DOOR = re.compile(
    r"\b(?:office|offices|reception|receptionist|building|lobby|front desk|front door|door"
    r"|gate|security desk|buzzer|intercom)\b"
)
_NO_SIGNAL = re.compile(r"(?:no|lost|lost my|lost the) (?:internet|wifi|wi fi|connection|signal)")


def _about_relative(low: str, start: int, end: int) -> bool:
    """A relative named just before the cue, in the same sentence."""
    sentence_start = max(low.rfind(mark, 0, start) for mark in ".!?;")
    relatives = "|".join(sorted(word_set("relatives"), key=len, reverse=True))
    # Searched in place, so a window cut inside "person" does not read as "son".
    found = re.compile(rf"(?<!\w)(?:{relatives})s?\b").search(
        low, max(sentence_start + 1, start - 45), start
    )
    return found is not None


# A mode offered instead ("want a video call instead", "request a video interview") says
# nothing about how the interview was set up.
_ALTERNATIVE_MODE = re.compile(
    r"\b(?:request|ask for|asking for|offer|want|prefer|propose|suggest)(?:ing|ed)? (?:a |an )?"
    r"(?:video|phone|telephone|remote|virtual|online|in-person|in person)\b[^.,;]*"
    r"|\b(?:a )?(?:video|phone|telephone)(?: call| interview)? instead\b"
)


# The user's own workplace ("my night shift at the warehouse") is no site of the interview.
_OWN_WORK = re.compile(
    r"\bmy (?:night |day |late |early |weekend )?(?:shift|job|work|workplace|rota)"
    r" (?:at|in) (?:the )?[a-z]+"
)


# Where someone else sits ("she's in their Kisumu office", "who works in the Leeds office",
# "their office is in Pune") says where the interviewer is, not where the person goes.
_SOMEONE_IN_OFFICE = re.compile(
    r"\b(?:(?:he|she|they|who|interviewer|recruiter|manager)(?: is| are| was| were)?|hes|shes"
    r"|theyre)(?: (?:sits|sat|works|worked|based|sitting|working))?(?: out)? (?:in|at|of|from)"
    r" (?:their|there|the|its|his|her) (?:[\w'-]+ ){0,2}(?:office|offices|hq|headquarters"
    r"|branch|campus|site)\b"
    r"|\b(?:their|there|his|her|the) (?:[\w'-]+ )?(?:office|offices|hq|headquarters) (?:is|are)"
    r" (?:based )?in [\w'-]+"
)


def _mode(low: str, platform: str | None, reason: str | None) -> str | None:
    low = _OWN_WORK.sub(" ", _ALTERNATIVE_MODE.sub(" ", _SOMEONE_IN_OFFICE.sub(" ", low)))
    found: set[str] = {
        str(mode) for mode in data()["modes"] if cue_pattern("modes", mode).search(low)
    }
    if platform is not None and platform not in _NOT_VIDEO:
        found.add("video")
    if len(found) == 1:
        return found.pop()
    if not found:
        implied = {
            str(m) for m in data()["implied_modes"] if cue_pattern("implied_modes", m).search(low)
        }
        if len(implied) == 1:
            return implied.pop()
    return None


def tense_words(low: str) -> str | None:
    """The tense of the story from its verbs, when the scenario cues do not tell."""
    future, past = bool(_FUTURE.search(low)), bool(_PAST.search(low))
    if future and not past:
        return "future"
    if past and not future:
        return "past"
    return None
