"""How names are written in a story: titles, particles, and the words a name is cut at.

Shared by the readers of people (:mod:`.people`) and of the company (:mod:`.org`):
a name is read only from a phrase that says who someone is, and cut at the first
word that cannot be part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import takewhile

from amends.intake.lexicon import given_names, word_set
from amends.intake.text import Story

# Titles written before a name ("Dr Okafor", "Frau Becker"); never part of the name.
TITLES = "|".join(word_set("titles"))
# One or two of them: "Herr Mag. Gruber", "Sra. Dra. Lopez".
TITLE_RE = rf"(?:(?:(?:{TITLES})\.? ){{1,2}})"
# A letter of any alphabet ("Léa", "Inês", "Yılmaz"), and a word of a name.
_L = r"[^\W\d_]"
WORD = rf"{_L}(?:{_L}|['\-])+"
# Lower-case particles inside a written name: "Sanne de Vries", "Ludwig van Beethoven".
_PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "dos", "del", "la", "le", "bin", "al"}
)
PARTICLE_RE = "|".join(sorted(_PARTICLES))
NAME = rf"(?P<name>{TITLE_RE}?{WORD}(?: {WORD}){{0,2}})"
# A name after "with", stopping before "from"/"at" so "with Tilly from Bakehouse" splits.
WHO = rf"(?P<name>{TITLE_RE}?(?!(?:from|at)\b){WORD}(?: (?!(?:from|at)\b){WORD}){{0,2}})"
TITLE_WORDS = word_set("titles")
LEADS = "|".join(sorted(word_set("title_leads")))
INTRO = (
    r"(?: is called| was called| is named| name was| name is| is| was|,| called| named|:| -"
    r"|s name is| \(| being)?"
)


def overlapping(
    pattern: str | re.Pattern[str], text: str, flags: int = 0
) -> Iterator[re.Match[str]]:
    """Every match of ``pattern``, one per start: "and Keisha from Robert Half" also tries
    "Keisha from Robert Half" when the longer phrase is no name."""
    compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, flags)
    pos = 0
    while (m := compiled.search(text, pos)) is not None:
        yield m
        pos = m.start() + 1


# A day or month is no name ("the doctors Monday and Tuesday"); a practice named after its
# doctors ("Drs Patel and Shah surgery") is a place, not a panel.
_NOT_DATE = (
    r"(?!(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)"
)
_PLURAL_TITLE = re.compile(rf"\b(?i:{'|'.join(sorted(word_set('plural_titles')))})\.?\s+")
_PANEL_TOKEN = re.compile(rf"{_L}+(?:['\-]{_L}+)*|&|\S")
_DATE_WORD = re.compile(
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?"
    r"|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?",
    re.IGNORECASE,
)
# "Drs Patel and Shah surgery": a practice named after its doctors is a place, not a panel.
_PRACTICE = re.compile(r"(?:'?s)? (?i:surgery|practice|clinic|medical|health|dental|pharmacy)\b")


def titled_panel(text: str) -> str | None:
    """ "with Drs Johnson and Lee", "the panel: Drs. Ana Ruiz, Ben Cole & Kit Moss": a plural
    title names everyone after it ("Johnson and Lee"), where a single title ("Dr Johnson
    and Lee") would not. Each member is a surname or a given name and a surname (one word
    each in a story typed without capitals, where no capital says where a name ends)."""
    cased = text != text.lower()
    for m in _PLURAL_TITLE.finditer(text):
        found = _panel(text, m.end(), cased)
        if found:
            return found
    return None


def _panel(text: str, pos: int, cased: bool) -> str | None:
    members: list[list[str]] = [[]]
    joined = False  # "and" / "&" before the last member
    end = pos
    stops = word_set("not_name") | word_set("stop") | word_set("not_company")
    for tok in _PANEL_TOKEN.finditer(text, pos, min(len(text), pos + 160)):
        word, key = tok.group(0), tok.group(0).lower()
        current = members[-1]
        if key in (",", "and", "&"):
            if not current or (joined and key == ","):
                break
            joined = key != ","
            members.append([])
            continue
        capitalised = word[:1].isupper() or not cased
        if not word[:1].isalpha() or key in stops or _DATE_WORD.fullmatch(word) or not capitalised:
            break
        if current and (len(current) >= 2 or not cased):
            break
        current.append(word if word != word.lower() and word != word.upper() else word.title())
        end = tok.end()
    if not members[-1]:
        members.pop()
        joined = False
    if len(members) < 2 or not joined or _PRACTICE.match(text, end):
        return None
    names = [" ".join(words) for words in members]
    return ", ".join(names[:-1]) + " and " + names[-1]


def clean_name(raw: str, story: Story, known: frozenset[str] = frozenset()) -> str | None:
    """Cut a captured phrase at the first word that cannot be part of a name.

    In a story typed with capitals, a name is its capitalised words (with the
    particles of names between them: "Sanne de Vries"); titles are dropped
    ("Dr Okafor" -> "Okafor"); lower-case names are capitalised. A lower-case word
    is a name when it is a known given name or begins the contact's address
    (``known``: "jana" beside jana.vogel@...).
    """
    first = next((w for w in raw.split() if w.lower().rstrip(".") not in TITLE_WORDS), "")
    cased = story.text != story.low and first[:1].isupper()
    titled = raw.split()[0].lower().rstrip(".") in TITLE_WORDS if raw.split() else False
    if first[:1].islower() and not titled and not _known_name(first.lower(), known):
        return None  # an unknown lower-case word ("the recruiter isnt answering") is no name
    words: list[str] = []
    tokens = raw.split()
    for i, word in enumerate(tokens):
        key = word.lower().rstrip(".")
        if key in TITLE_WORDS and not words:
            continue
        if key.endswith("s") and word.endswith("'s"):
            words.append(word[:-2])
            break
        stop = key in word_set("not_name") or key in word_set("not_company")
        if stop or not word.replace("-", "").replace("'", "").isalpha():
            break
        if cased and not word[:1].isupper():
            following = tokens[i + 1 : i + 2]
            if not (words and key in _PARTICLES and following and following[0][:1].isupper()):
                break
            words.append(word)
            continue
        words.append(word if not word.islower() else word.capitalize())
    name = " ".join(words)
    return None if not name or firm_named_like_person(name) else name


def firm_named_like_person(text: str) -> bool:
    """Whether ``text`` starts with an employer named after a person ("John Lewis. buying
    assistant"): the company, never a person's name (``firms_named_like_people``)."""
    low = re.sub(r"\s+", " ", text.lstrip().lower())
    return any(
        low.startswith(firm) and not low[len(firm) : len(firm) + 1].isalnum()
        for firm in word_set("firms_named_like_people")
    )


def _known_name(word: str, known: frozenset[str]) -> bool:
    return word in given_names() or any(part.startswith(word) for part in known if len(word) > 1)


def address_words(address: str | None) -> frozenset[str]:
    """The parts of an address's local part ("jana.vogel@..." -> jana, vogel)."""
    local = (address or "").split("@")[0].lower()
    return frozenset(w for w in re.split(r"[^a-z]+", local) if len(w) >= 2)


# Someone else in the user's life, named by how they relate to the user: never the
# interviewer ("my partner Sam", "my boss Dana", "my doctor, Dr Lee").
_OTHERS = (
    r"partner|boss|friend|mate|flatmate|roommate|housemate|neighbour|neighbor|landlord|landlady"
    r"|colleague|coworker|co-worker|manager|supervisor|doctor|gp|dentist|physio|therapist"
    r"|nurse|surgeon|consultant|vet|teacher|tutor|lawyer|solicitor|driver|babysitter|nanny"
)
# The user's own appointment (a practice or hospital can be the employer itself).
_MEDICAL = re.compile(
    r"\b(?:appointment|appt|prescription|check-?up|blood tests?|scan|referral|my (?:gp|doctor))\b",
    re.IGNORECASE,
)
_INTERVIEW_WORDS = re.compile(r"\binterview|\bpanel\b|\bhiring\b", re.IGNORECASE)


def other_person(story: Story, name: str) -> bool:
    """Whether ``name`` is someone in the user's own life rather than the interviewer:
    named after "my partner", "my boss", "my doctor" (or a relative), or a doctor met in a
    sentence about an appointment that says nothing of the interview."""
    relations = "|".join(sorted(word_set("relatives"), key=len, reverse=True))
    first = re.escape(name.split()[0])
    titles = "|".join(word_set("titles"))
    before = (
        rf"\b(?:my|our|his|her)(?: [a-z]+)? (?:{_OTHERS}|{relations})s?,?(?: (?:{titles})\.?)? "
        r"(?:(?:is|was|called|named) )?"
    )
    if re.search(before + first + r"\b", story.text, re.IGNORECASE):
        return True
    for m in re.finditer(rf"\b(?:dr|doctor)\.? {first}\b", story.text, re.IGNORECASE):
        start = max(story.text.rfind(mark, 0, m.start()) for mark in ".!?;\n") + 1
        ends = [i for i in (story.text.find(mark, m.end()) for mark in ".!?;\n") if i >= 0]
        sentence = story.text[start : min(ends, default=len(story.text))]
        if _MEDICAL.search(sentence) and not _INTERVIEW_WORDS.search(sentence):
            return True
    return False


# "Kind regards, Hugo Marchetti, +33 6 ...": what follows a sign-off and the writer's own
# (capitalised) name is the writer's own signature.
_SIGNED = re.compile(
    r"(?i:regards|sincerely|faithfully|best wishes|many thanks|cheers)[,.!]?\s+"
    r"(?:[A-Z][\w'.-]*[\s,]+){1,4}(?:[\w.+-]+@[\w.-]+[\s,]+)?$"
)


# A lower-case word after the detail (an address's own parts aside): more story told.
_TOLD_AFTER = re.compile(r"(?<![\w.@/:-])[a-z]{2,}\b(?![\w.-]*@)")


def name_up_to_stop(name: str) -> str:
    """A titled name up to a word no name has ("Dr Amara Okafor Friday at 10am": Friday is
    the day, not a third name)."""
    stops = word_set("not_name") | word_set("not_company")
    words = name.split(" ")
    keep = [words[0], *takewhile(lambda w: w.lower() not in stops, words[1:])]
    return " ".join(keep)


def signed_by_writer(text: str, start: int) -> bool:
    """Whether the detail at ``start`` is signed under the writer's sign-off. A signature
    closes the story: one with more told after it ("...Priya Shah, +44 7700 900123. I missed
    the 10am call", "..., 07700 900456 is the number I have for them") is an email quoted
    from someone else, or no signature."""
    signed = _SIGNED.search(text, max(0, start - 90), start) is not None
    return signed and not _TOLD_AFTER.search(text, start)


# What someone does who only passes the interview on: sends the invite or books it ("Mrs
# Ahmed emailed me the invite", "Dr Lin sent the calendar invite", "Paul set it up").
_BOOKS = re.compile(
    r"\s*(?:,[^,.;:!?]{1,40},\s*)?,?(?:who |that |whos |who has |who had )?"
    r"(?:has |had |have |just |already |then |also |kindly )*"
    r"(?:(?:sent|emailed|e-mailed|forwarded|texted|messaged)(?: me| us)?(?: over| out)?"
    r" (?:the |an |a |my )?(?:calendar |teams |zoom |meeting |interview )?(?:invite|invitation)"
    r"|booked|scheduled|arranged|organi[sz]ed|set (?:it|this|that|me|the [a-z]+) up|set up"
    r"|invited)\b",
    re.IGNORECASE,
)
# "the person who set it up is Ms Chua": named as the one who booked it.
_BOOKER = re.compile(
    rf"\b(?:who|that) (?:set (?:it|this|the [a-z]+|me|everything) up|organi[sz]ed|arranged|booked"
    rf"|scheduled|sent (?:the |me the )?invite)(?: it| me in| me| the [a-z]+)?,? (?:is|was|:)\s*"
    rf"(?:(?:{TITLES})\.?\s+)?(?-i:[A-Z][\w'-]*\s+)?$",  # "Ms Chua Mei Ling": surname first
    re.IGNORECASE,
)
# "an email from Dr Lin", "Kind regards, Mr Lee": the sender of a message.
_SENT_BY = re.compile(
    rf"\b(?:from|regards|thanks|thank you|cheers|sincerely|faithfully|best wishes|best)[,.:]?\s*"
    rf"(?:(?:{TITLES})\.?\s+)?$",
    re.IGNORECASE,
)


def passes_on(text: str, m: re.Match[str], name: str, booking: bool = True) -> bool:
    """``passes_on_only`` for a name matched by ``m`` (group ``name``) without a word of
    interviewing ("hiring manager Paul Reed sent the invite")."""
    if re.search(r"interview|\bmeet|\bpanel|\bled by|\bchaired", m.group(0), re.IGNORECASE):
        return False
    last = name.split()[-1].lower()
    end = text.lower().find(last, m.start("name"))
    return end >= 0 and passes_on_only(text, m.start("name"), end + len(last), name, booking)


def passes_on_only(text: str, start: int, end: int, name: str, booking: bool = False) -> bool:
    """Whether the person named at ``text[start:end]`` is there only as the one who sent the
    invite, booked the interview or wrote about it, with nothing in the story saying that
    they interview ("interview with Dr Lin", "Lin is interviewing me", "meeting Mr Lee").

    ``booking``: only sending the invite or booking counts, not being the sender of a message
    ("an email from Mr Lee, the hiring manager": named by role, still the interviewer; a
    hiring manager who "emailed to ask where I was" is too, one who "sent the invite" is
    not)."""
    sender = _BOOKS.match(text, end) is not None
    sender = sender or _BOOKER.search(text, max(0, start - 60), start) is not None
    if not booking and not sender:
        sender = _SENT_BY.search(text, max(0, start - 25), start) is not None
    return sender and not _said_to_interview(text, name)


def _said_to_interview(text: str, name: str) -> bool:
    """Whether the story says ``name`` interviews ("interview with Dr Lin", "meeting Mr Lee",
    "Lin is interviewing me")."""
    words = [re.escape(w) for w in name.split() if w.lower().rstrip(".") not in TITLE_WORDS]
    if not words:
        return False
    who = rf"(?:(?:{TITLES})\.? )?(?:{'|'.join(words)})"
    interviews = (
        rf"\b(?:interview(?:ed|ing)? (?:is |was |will be )?(?:with|by)|with|meet|meeting|see|seeing"
        rf"|speak (?:to|with)|talk (?:to|with)|led by|chaired by|panel (?:with|of))\s+{who}\b"
        rf"|\b{who}\b(?: [A-Z][\w'-]+)?,? (?:is |was |will be |would be )?(?:interviewing|my"
        rf" interviewer|the interviewer|(?:is|was) (?:going|meant|supposed|due) to interview)"
    )
    return re.search(interviews, text, re.IGNORECASE) is not None


def not_interviewer(story: Story, name: str) -> bool:
    """Whether ``name`` is someone in the user's own life (:func:`other_person`), or is named
    only as the one who booked the interview ("the lady who organised it is Lucia Prats,
    lucia@..."), with nothing in the story saying that they interview."""
    if other_person(story, name):
        return True
    text = story.text
    first = name.split()[0]
    spots = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(first)}(?!\w)", text, re.I)]
    if not spots:
        return False
    if not all(_BOOKER.search(text[max(0, at - 60) : at]) for at in spots):
        return False
    return not _said_to_interview(text, name)
