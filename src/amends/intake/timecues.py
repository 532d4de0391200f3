"""The words around a time that say what it is: the interview's start, the moment the
person noticed, another event's time, a belief or a correction, and where sentences and
clauses end. Patterns only; :mod:`.when` applies them to a story.
"""

from __future__ import annotations

import re
from datetime import datetime
from itertools import pairwise

from amends.intake.timewords import Clock

# "Dr. Bauer", "Mr. Sanz": a title's full stop ends no sentence.
SENTENCE = re.compile(
    r"(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bmx)(?<!\bprof)(?<!\bst)"
    r"[.!?;\n]+(?:\s|$)|\s+-\s+"
)
CLAUSE = re.compile(r",|\bbut\b|\band then\b|\bthen\b|\bso\b|\bbecause\b|\bwhen\b|\band\b(?= i\b)")
REALISE = (
    r"(?:saw|seen|noticed|spotted) (?:the |their |\d+ |two |three |several )?missed calls?"
    r"|noticed|notice|realised|realise|saw|seen|see|woke|wake|waking|found out|checked|check"
    r"|remembered|remember|it hit me|dawned|discovered|spotted|looked at|got up|opened"
    r"|thought of it|only thought|sat down|came back|got back|got home"
    # "logged into zoom at 11.55": joining is when the person found the call gone
    r"|logged (?:in|on)(?:to)?(?: (?:the )?(?:zoom|teams|webex|meet|call|meeting|link))?"
)
OTHER = (
    r"missed calls?|dentist|dentists|doctor|doctors|gp|appt|left|leave|leaving|train|bus"
    r"|flight|plane|arrive|arriving|arrival|arrived|eta|got to|get to|made it|showed up"
    r"|turned up|rocked up"
    r"|be there|get there"
    r"|get in|be in|back|home|until|til|till|landed|land|lands|departs|departing|reach|shift"
    r"|appointment|exam|class|lecture|finish|finishes|ends|free|available|instead|offered"
    r"|reschedule|rescheduled|move it|moved|alarm|set|asleep|bed|sleep|by|now|kicked|froze"
    r"|dialled|dialed|joined|logged|died|crashed|dropped|broke|cut out|emailed|texted|rang"
    r"|messaged|phoned|called|sent (?:me )?(?:a |an )?(?:message|text|email|mail)"
    # "could we make it for 3:30" (a new time), but "can't make it for 3pm" is the start
    r"|(?<!n't )(?<!not )(?<!cant )(?<!wont )(?<!couldnt )(?<!didnt )(?<!never )"
    r"(?<!cannot )make it(?: (?:for|by|at|to|there))?"
)
START = (
    r"(?:meant|supposed|due|expected) to be (?:there|in|at|on)|interview|interviews|call|screen"
    r"|screening|chat|meeting|it (?:is|was|starts|started|begins|began)|its|starts|started|start"
    r"|begins|began|scheduled|booked|supposed|meant|due|slot|for|invite|invitation|said|says"
    r"|was it|is it|or|webex|zoom|teams|skype|facetime|onsite|missed the|missed my"
    r"|(?:the|my) in[- ]person"
)
# "which I now realise was 3pm here": a start converted to the person's clock, no noticing.
CONVERTED = r"(?:now )?realised? (?:that )?(?:it )?(?:was|is|thats)"
CUES = re.compile(
    rf"\b(?:(?P<converted>{CONVERTED})|(?P<realise>{REALISE})|(?P<other>{OTHER})"
    rf"|(?P<start>{START}))\b"
)
THOUGHT = re.compile(
    r"\b(?:thought|assumed|believed|expected|had it (?:down )?as|i had it"
    r"|(?:read|saw|took|understood) (?:it|the time|the invite) as"
    r"|set (?:a |my |the )?(?:reminder|alarm) for"
    r"|(?:calculated|converted|counted) (?:it |that )?(?:as|to)"
    r"|had (?:it |that )?(?:calculated|worked out|converted) as"
    r"|(?:worked|figured) (?:it |that )?out (?:as|to be)|thinking (?:it was|that was|its|it is)"
    r"|thougt|thot|tought)\b"
    r"|\b(?:had|put|wrote|got)\b[^,.]{0,70}\bdown (?:as|for)\b"
    r"|\b(?:wrote|put|had|saved|entered|noted|copied|recorded|logged|typed|marked)\b[^,.;]{0,100}"
    r"(?<!same time )(?<!same day )"
    r"\bas\b"
)
ACTUAL = re.compile(r"\b(?:actually|really|turns out|turned out|in fact|but it was|it was at)\b")
CONTRAST = re.compile(
    r"\bbut\b|\b(?:invite|invitation|email|confirmation|calendar invite) (?:said|says|stated"
    r"|states|had)\b|\bwhen (?:the|their|it)\b"
)
# "interview is at 10, no wait 10.30 i just checked", "at 9, no, 9:15": the writer takes a
# time back and gives another straight after it.
RETRACTED = re.compile(
    r"[\s,]*(?:-+\s*)?(?:no|nope|sorry|wait|scratch that|i mean|or rather)\b"
    r"(?:[\s,!.]*(?:no|wait|sorry|actually|i mean|its|it is|make that))*[\s,!.]*(?:at )?\d"
)


def retractions(low: str, spans: list[tuple[int, int]]) -> dict[int, int]:
    """Which time (by index in ``spans``, sorted or not) each taken-back time gives way to."""
    order = sorted(range(len(spans)), key=lambda i: spans[i][0])
    found: dict[int, int] = {}
    for a, b in pairwise(order):
        m = RETRACTED.match(low, spans[a][1])
        if m is not None and m.end() - 1 == spans[b][0]:
            found[a] = b
    return found


CORRECTION = re.compile(
    r"\bbut (?:it )?(?:was|is)(?: actually| really)?(?: in| on)? (?P<who>theirs|their time|mine|my time)"  # noqa: E501
)
# "the clocks went back on sunday", "nz went onto daylight saving on sunday": that day is
# when the clocks changed, never the interview's.
CLOCK_CHANGE = re.compile(
    r"\bclocks? (?:changed|change|went|go|goes|moved|move|sprang|spring|fell|fall|jumped"
    r"|shifted)\b|\btime (?:changed|change|went|go|goes|moved|move|sprang|spring|fell|fall"
    r"|jumped|shifted) (?:back|forward|forwards|ahead|over)\b"
    r"|\bdaylight sav(?:ing|ings)\b|\bdst\b|\bsummer time\b"
    r"|\b(?:put|set) (?:its|their|our) clocks\b"
)
CONTACTED = re.compile(
    r"\b(?:call|called|calls|rang|ring|emailed|email|texted|messaged|phoned|wrote|sent)"
    r" (?:me|us)\b|\bto confirm\b"
)
INTERVIEW_WORD = re.compile(r"\b(?:interview|interviews|screen|screening|zoom|teams|webex)\b")
OTHER_EVENT = re.compile(
    r"\b(?:meeting|all[- ]hands|shift|appointment|appt|surgery|operation|class|lecture|exam"
    r"|x-?ray|scan|mri|treatment|procedure|check-?up|physio|therapy|vaccination|blood test"
    r"|ceremony|wedding|funeral|flight|train|school run|pick ?up|collect)\b"
)
# What was realised is the time itself: "realised the 8am", "noticed that my 2pm" (not
# "saw the 9:15 bus had gone", "noticed my 7am alarm never went off": another thing's time).
OBJECT = re.compile(r"\s+(?:that\s+)?(?:the|my|our)\s+")
OBJECT_OTHER = re.compile(
    r"\s*(?:bus|train|tram|metro|subway|tube|flight|plane|ferry|coach|alarm|reminder|shift"
    r"|appointment|appt|meeting|class|lecture|exam|departure|service|connection)\b"
)

NOUN_AFTER = re.compile(
    r"\s*(?:(?!and |but |then |so |when )[a-z]+ ){0,2}"
    r"(?:interview|call|screen|meeting|chat|slot|zoom|teams|webex|skype)\b"
)
OTHER_AFTER = re.compile(
    r"\s*(?:[a-z]+ )?(?:meeting|shift|appointment|appt|class|lecture|exam|train|bus|flight"
    r"|alarm|dentist|doctor|doctors|gp)\b"
)
# When the interview came back to mind, told without a word of noticing: it was out of the
# person's mind (or they slept) until a time ("went clean out of my head until 9", "was
# sleeping until 14:00"). An arrival after the start ("got to their office at 11:40") is
# not read so: writers label it either way.
_GONE = re.compile(
    r"\b(?:slept|sleeping|asleep|out of my (?:head|mind)|(?:didnt|didn't|did not) (?:realise"
    r"|realize|notice|remember|see it|twig|click)|forgot)\b[^.;!?]{0,40}"
    r"\b(?:until|till|til|untill)(?: [a-z]+){0,5}? (?:at |around |about )?$"
    # "it never crossed my mind until Florencia from X called at 4:15", "did not see the
    # calls from the recruiter, Ms. Lin of Y, until 6 p.m.", "i only remebered when the HR
    # lady emailed at 5.15": someone getting in touch brought it back
    r"|\b(?:(?:never|didnt|didn't|did not) (?:crossed|cross) my mind|(?:didnt|didn't|did not)"
    r" (?:see|think of|hear)|never (?:saw|thought of|heard)|only (?:remembered|remebered"
    r"|realised|realized|noticed|clicked|knew))\b[^.;!?]{0,60}?"
    r"\b(?:until|till|til|untill|when)\b[^.;!?]{0,80}? (?:at |around |about )?$"
)
_UNTIL = re.compile(r"\b(?:until|till|til|untill|when)\b")


def found_gone(low: str, start: int) -> bool:
    """Whether the time at ``start`` is the moment the interview came back to mind or the
    person woke (see ``_GONE``)."""
    if not _UNTIL.search(low, max(0, start - 100), start):
        return False
    # "out of my head, until 9": the clause before counts
    return _GONE.search(low[max(0, start - 200) : start]) is not None


# Reaching the place once the slot had begun, the time right after: "arrived 12:05 and
# they'd gone", "got to Golden Stool Ventures at Airport City at 11:50", "I reach there 2.10".
_ARRIVED = re.compile(
    r"\b(?:arrived|reached|reach there|got there|got in|made it there"
    r"|got to (?:the |their |there )?[\w&'-]+(?: [\w&'-]+){0,5})"
    r"(?: (?:at|around|about|only at|just after|by))? $"
)


# An arrival that still got the interview ("they still saw me", "it went ahead") saw no miss.
_STILL_SEEN = re.compile(
    r"\b(?:still (?:saw|see|seen|met|meet|interviewed|took|had)\b|(?:saw|see|met) me anyway"
    r"|went ahead\b)"
)


def found_late(low: str, start: int) -> bool:
    """Whether the time at ``start`` is told as the person's arrival (see ``_ARRIVED``) with a
    miss to see: an arrival the interviewer still took is no moment of realising."""
    return _ARRIVED.search(low[max(0, start - 70) : start]) is not None and not (
        _STILL_SEEN.search(low)
    )


# "its 9.20", "it is already 10:05", "its just gone 11": the time now.
_NOW_WORDS = re.compile(
    r"(?:\bits|\bit is|\bits now|\bit is now|\bnow|\bnow its)(?: already| just(?: gone)?)?\s*$"
)


def says_now(low: str, clock: Clock, now: datetime) -> bool:
    """ "its 9.20": a time told as the present (within ten minutes of now) is no start."""
    if not _NOW_WORDS.search(low, max(0, clock.start - 24), clock.start):
        return False
    told = (clock.hour % 12) * 60 + clock.minute
    current = (now.hour % 12) * 60 + now.minute
    return min(abs(told - current), 720 - abs(told - current)) <= 10
