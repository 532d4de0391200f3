"""Checks that read the draft as a whole rather than one phrase at a time.

- apology counting: one apology is required, a third one is grovelling;
- absence: something every apology needs (thanks, interest, times) is nowhere;
- clock times: ``10:00`` is fine when a zone is written for it (in its sentence,
  or in a line such as "All times are London time"), flagged otherwise; a time
  the draft only refers to ("sorry I missed the 10am call") needs none;
- length and narrative: the prose a recruiter has to read, and long retellings;
- subject: missing, or naming neither a person nor the interview.

Wording and patterns come from the catalogue; only the counting lives here.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from amends.check.model import Finding
from amends.check.reading import clauses
from amends.check.rules import Catalogue, Rule
from amends.check.scan import Hit, Scan, Span, cuts, within
from amends.check.situation import NOT_WEAK_REASONS
from amends.check.text import paragraphs

_LIST_LINE = re.compile(r"[ \t]*(?:[-*\u2022\u25aa\u25cf>]|\d{1,2}[.)])[ \t]+")
_SUBJECT_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def _matches(scan: Scan, lexicon: str, cat: Catalogue, start: int, end: int) -> list[Span]:
    kept: list[Span] = []
    for a, b in within(scan.spans_any(cat.lexicon[lexicon]), start, end):
        if not kept or a >= kept[-1][1]:
            kept.append((a, b))
    return kept


SUBJECT_COUNTS = frozenset({"missing-apology"})
"""What the subject line may supply: an apology there is read first ("Apologies, Elaine –
Chief People Officer conversation", the way senior people write); thanks or interest there
would not be."""


def _subject_has(scan: Scan, rule: Rule) -> bool:
    start, end = scan.draft.subject_start, scan.draft.subject_end
    return start is not None and end is not None and scan.search_any(rule.patterns, start, end)


def _call_after_miss(scan: Scan, rule: Rule, cat: Catalogue) -> bool:
    """A call about a miss (it says so). A rule about the cause (ownership) is owed only by
    a call that explains the miss with a weak reason: a voicemail that apologises and
    promises times by e-mail gives no reason to own — unless ``--reason`` names a weak one
    (overslept, forgot...): then a call that neither gives it nor owns it owes the line."""
    if rule.waive_outside_control:
        weak = scan.reason_outside_control is False and scan.reason not in NOT_WEAK_REASONS
        if weak and scan.body_has(cat.lexicon["kind_missed"]):
            return True
        return scan.anywhere("excuse") or scan.body_has(cat.rule("excuse-weak-reason").patterns)
    # a call made while the interview can still happen ("I can join now from my phone") is a
    # rescue, not a call after the miss: it owes no pitch for the role; nor does a voicemail
    # that promises the times by e-mail ("I'll send two times straight after this call"),
    # which is where the line about the role goes
    if scan.body_has(cat.lexicon["promise_times"]):
        return False
    return scan.body_has(cat.lexicon["kind_missed"]) and not scan.body_has(cat.lexicon["join_now"])


def apology_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """Fire on the first apology beyond the allowed number (counted in the body only)."""
    found = [m for s, e in scan.body_sentences for m in _matches(scan, "apology", cat, s, e)]
    limit = cat.limits.apologies
    if len(found) <= limit:
        return []
    extra = found[limit]
    return [Hit(rule, extra[0], found[-1][1] if len(found) > limit + 1 else extra[1])]


def absence_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """Fire (zero width, at the start of the body) when the body never does what is needed.

    Present means a catalogue pattern matches, or the classifier says a sentence
    does one of ``rule.labels`` (ownership phrased in ways no list foresees) and
    none of ``rule.unless_labels`` (a bare excuse is not ownership).
    Rules with ``email_only_for`` hold a draft without a subject line only when
    ``--kind`` names one of ``held_when_named``: told it is the apology, the checker
    holds it to what an apology says, while a text it only guesses to be one may be
    shorter. Rules with ``waive_outside_control`` do not fire when the cause was outside
    the user's control, nor when ``--reason`` names any other cause that is not a
    weak one (a private matter, a clash with another commitment): only a weak
    reason is owned.
    """
    if rule.waive_outside_control and (scan.outside_control or scan.reason in NOT_WEAK_REASONS):
        return []
    held = scan.kind_given and scan.kind in rule.held_when_named
    if scan.kind in rule.email_only_for and scan.draft.subject is None and not held:
        return []  # a text or a chat message about moving a date may leave it out
    if rule.only_after_miss and (
        (scan.kind == "script" and not _call_after_miss(scan, rule, cat))
        or (scan.kind == "request" and scan.body_has(cat.lexicon["running_late"]))
    ):
        return []  # a "running late" call or note owes no pitch for the role
    if scan.body_has(rule.patterns):
        return []
    if rule.category in SUBJECT_COUNTS and _subject_has(scan, rule):
        return []  # "Apologies, Elaine – Chief People Officer conversation"
    if scan.some_sentence_does(rule.labels, rule.unless_labels):
        return []
    return [Hit(rule, scan.anchor, scan.anchor)]


_OFFER_CUT = 0.4
"""A sentence this likely to offer a time counts as an offer even if it mentions the miss."""


def is_reference(scan: Scan, span: tuple[int, int], cat: Catalogue) -> bool:
    """A sentence that mentions a time already past ("sorry I missed the 10am call").

    Such a time is referred to, not offered: it does not count as availability
    and needs no zone (both sides know when the interview was).
    """
    if _reads_as_offer(scan, span, cat):
        return False
    return scan.search_any(cat.lexicon["time_reference"], *span)


def _reads_as_offer(scan: Scan, span: Span, cat: Catalogue) -> bool:
    """The whole sentence, or a clause that does not itself refer back, offers a time.

    "…so I could not connect to Zoom at 11:00" may read as an offer on its own, but it
    says what did not happen: a clause holding a reference cue does not count.
    """
    readings = scan.readings.get(span)
    if not readings:
        return False
    ((i, z),) = cuts(("offers-times",), _OFFER_CUT)
    if readings[0][i] >= z:
        return True
    refs = cat.lexicon["time_reference"]
    pieces = clauses(scan.folded[span[0] : span[1]])
    return any(
        reading[i] >= z and not any(p.search(piece) for p in refs)
        for reading, piece in zip(readings[1:], pieces, strict=True)
    )


def availability_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """Fire when nothing offers a time or invites one: times referred to do not count.

    A follow-up owes times only when it chases a new date for the miss; a
    thank-you note or a reply to a decision owes none. A hope to meet again some
    day ("hope we can reconnect soon") or a deferral ("we can talk later about a
    new date", "I'll be in touch once things settle"; lexicon ``hope_later``)
    answers no "when": the model may read it as an invitation, and it may sound
    vague about time, but only an invitation's own words ("whatever suits you")
    make it one. Times promised for later with no when ("I will send over some times
    later", "once I know my schedule"; lexicon ``times_later``) are a deferral too, even
    in words an invitation uses.
    """
    if scan.kind == "follow-up" and not scan.body_has(cat.lexicon["follow_up_about_times"]):
        return []
    offer = (*cat.lexicon["clock"], *cat.lexicon["dayref"])
    hope = cat.lexicon["hope_later"]
    invitation = cat.lexicon["invitation"]
    slot = cat.rule("placeholder-brackets").patterns
    # a sentence the model reads as vague counts only when it speaks of meeting, as for the
    # vague-time rule itself ("just checking in after last week's mix-up" offers nothing)
    about_meeting = cat.rule("vague-time-sentence").requires
    reply_only = cat.lexicon["reply_only"]
    for span in scan.body_sentences:
        if scan.search_any(reply_only, *span) and not scan.search_any(
            cat.lexicon["invites_them"], *span
        ):
            continue  # "glad to hear from you at your convenience": when to answer, not to meet
        put_off = scan.search_any(hope, *span)
        if scan.search_any(rule.patterns, *span):
            later = put_off and scan.search_any(cat.lexicon["times_later"], *span)
            if not put_off or (scan.search_any(invitation, *span) and not later):
                return []  # "I will send over some times later" invites nothing yet
            if scan.search_any(cat.lexicon["invites_them"], *span):
                return []  # "…later, or please suggest a time that suits you" asks them
            continue  # "we can talk later about a new date": vague words, but no "when"
        if scan.search_any(slot, *span) and scan.search_any(cat.lexicon["offer_cue"], *span):
            return []  # "I could come in on (add two times here)": the placeholder is the flaw
        if put_off:
            continue  # "I hope we can find another time once I am better" names no time
        if any(scan.does(span, label) for label in rule.labels if label != "vague-time"):
            return []
        if scan.does(span, "vague-time") and scan.search_any(about_meeting, *span):
            return []  # vague, but an answer to "when" (reported as vague-time)
    for span in scan.body_sentences:  # the dearer test last: a time offered, not referred to
        if scan.search_any(offer, *span) and not is_reference(scan, span, cat):
            return []
    return [Hit(rule, scan.anchor, scan.anchor)]


def offers_a_time(scan: Scan, cat: Catalogue, loose: frozenset[Span] = frozenset()) -> bool:
    """Whether some body sentence puts a clock time forward (not one it only refers to).

    In a sentence of ``loose`` (one holding a vague window) only a time on a named day counts:
    "after 3pm most weekdays" is the loose window itself, "Tuesday at 10:00, or any afternoon"
    is a time to book beside it.
    """
    clock = cat.lexicon["clock"]
    on_a_day = cat.lexicon["clock_on_a_day"]
    return any(
        scan.search_any(clock, *span)
        and (span not in loose or scan.search_any(on_a_day, *span))
        and not is_reference(scan, span, cat)
        for span in scan.body_sentences
    )


def vague_beside_times(
    findings: list[tuple[int, Finding]], scan: Scan, cat: Catalogue
) -> list[tuple[int, Finding]]:
    """Drop vague-time findings when the draft also offers a concrete time.

    Vague availability is a flaw because nobody can book it; beside a clock time
    put forward ("Tuesday at 10:00 GMT or Wednesday at 14:00 GMT? Otherwise I am
    free most afternoons") the reader has something to book, and the open offer
    is only flexibility.
    """
    loose = frozenset(scan.sentence_at(f.start) for _, f in findings if f.category == "vague-time")
    if not loose or not offers_a_time(scan, cat, loose):
        return findings
    return [(order, f) for order, f in findings if f.category != "vague-time"]


_DEADLINE = re.compile(
    r"\b(?:by|until|till|til)\s+(?:(?:tomorrow|today|tonight|the\s+latest|the\s+end\s+of\s+"
    r"(?:the\s+)?day|close\s+of\s+business|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"\s+)?(?:at\s+)?(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
"""Before a time, a deadline or an end ("by tomorrow at noon", "until 09:15"), not a slot."""

_TRAVEL = re.compile(
    r"\b(?:lands?|landed|landing|arriv(?:e|es|ed|ing)|departs?|departing|leaves|gets\s+in|"
    r"touch(?:es)?\s+down)\b(?:(?!\b(?:and|so|but|could|would)\b)[^.!?\n,;\d]){0,30}?"
    r"\s(?:at|around|about)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
"""Before a time, a journey's own timetable ("my flight lands in Leeds at 16:30"): not a slot.

The words between stop at another time or a new clause ("lands at 16:30 and I could meet
at 18:00"), so a time offered after a journey is still read as one.
"""

_LEAD_IN = 80
"""How far before a time _DEADLINE and _TRAVEL look: their words sit just before it, and a
bounded window keeps a sentence of thousands of times from being read again for each one."""


_DEADLINE_WORDS = ("by", "til")
"""Strings one of which every match of :data:`_DEADLINE` holds ("until" and "till" hold "til")."""
_TRAVEL_WORDS = ("land", "arriv", "depart", "leaves", "gets", "touch")
"""Strings one of which every match of :data:`_TRAVEL` holds."""


def _deadline_or_journey(text: str, lowered: str | None, start: int, at: int) -> bool:
    """Whether the time at ``at`` is an end, a deadline or a journey's timetable, not a slot.

    ``lowered`` is ``text`` in lower case, of the same length (None when it has another
    one): an expression none of whose words is there before the time is not tried.
    """
    lo = max(start, at - _LEAD_IN)
    if lowered is None:
        return bool(_DEADLINE.search(text, lo, at) or _TRAVEL.search(text, lo, at))
    find = lowered.find
    if any(find(w, lo, at) >= 0 for w in _DEADLINE_WORDS) and _DEADLINE.search(text, lo, at):
        return True
    return any(find(w, lo, at) >= 0 for w in _TRAVEL_WORDS) and bool(_TRAVEL.search(text, lo, at))


_CLOCK_KEY_DROP = re.compile(r"[\s.]")


def _clock_key(text: str, span: Span) -> str:
    """A clock time as written, for noticing the same time given again ("10:00", "10 am")."""
    return _CLOCK_KEY_DROP.sub("", text[span[0] : span[1]].lower())


def is_offer(scan: Scan, span: tuple[int, int], cat: Catalogue) -> bool:
    """A sentence that puts a time forward: a proposal, an availability, a time confirmed.

    The times such a sentence gives are the ones the reader will put in a
    calendar, so they need a zone. A time in any other sentence ("sorry I could
    not make our 2pm", "it ran until 09:15") is referred to: both sides already
    know which clock it was on.
    """
    if scan.search_any(cat.lexicon["offer_cue"], *span):
        return True
    if is_reference(scan, span, cat):
        return False
    return scan.kind == "confirmation" or scan.does(span, "offers-times")


def clock_zone_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """Clock times offered with no zone written for them, one finding per sentence."""
    zones = cat.lexicon["zone"]
    generic = cat.lexicon["zone_generic"]
    untimed: list[Span] = []
    zoned: set[str] = set()
    pending: dict[tuple[int, int], list[tuple[int, int]]] = {}
    written: list[Span] = []  # the sentences that give times with a zone
    text = scan.folded
    lowered = scan.same_length_lower
    for s, e in scan.sentences:
        # "there by 10:15", "until 09:15", "my train gets in at 9:40": an arrival or an end,
        # not a time to book
        times = [
            t
            for t in _matches(scan, "clock", cat, s, e)
            if not _deadline_or_journey(text, lowered, s, t[0])
        ]
        if not times:
            untimed.append((s, e))
            continue
        if scan.search_any(zones, s, e) or scan.search_any(generic, s, e):
            zoned.update(_clock_key(text, t) for t in times)
            written.append((s, e))
            continue
        if all(_clock_key(text, t) in zoned for t in times):
            continue  # "…at 10:00 or 14:00 SAST. I will pencil in 10:00": zoned already
        if (s, e) in scan.body_sentences and is_offer(scan, (s, e), cat):
            pending[(s, e)] = times
    # "All times are London time", "(all CET)", "I'm on Eastern": a zone in a sentence
    # without a time covers the draft (looked for only when a time lacks one)
    if not pending or any(scan.search_any(zones, *span) for span in untimed):
        return []
    # a zone counts only beside a time put forward: "I missed our 9:30 GMT interview" says
    # which clock the miss was on, not which one a new time is on
    offered = [
        span for span in written if span in scan.body_sentences and is_offer(scan, span, cat)
    ]
    if one_place(
        scan, cat, sorted(z for span in offered for z in within(scan.spans_any(zones), *span))
    ):
        return []  # "Tuesday at 10:00 GMT? Failing that, Wednesday at 14:00": GMT covers both
    return [Hit(rule, spans[0][0], spans[-1][1]) for spans in pending.values()]


_ZONE_CLOCK = re.compile(r"^[\d:.h\s]*(?:[ap]\.?m\b\.?)?[\s(,]*")
_ZONE_WORDS = re.compile(r"[()\[\],.]|\b(?:time|standard|daylight|summer|zone)\b")


def _place(text: str) -> str:
    """A zone as written, reduced to the place it names ("10am Eastern" and "Eastern time"
    both name "eastern", "(UK time)" and "UK" both "uk")."""
    return " ".join(_ZONE_WORDS.sub(" ", _ZONE_CLOCK.sub("", text.lower())).split())


def one_place(scan: Scan, cat: Catalogue, zoned: list[Span]) -> bool:
    """Whether the zones written beside times (``zoned``, sorted) name one place, with no
    second clock in the draft.

    One stated zone covers the draft's other times ("10:00 GMT … or Wednesday at 14:00"):
    the reader knows which clock the writer is on. Two zones ("10:00 SGT, 11:00 GMT"), or a
    time given on the reader's clock as well ("02:00 for you"), leave a bare time open.
    """
    if not zoned or scan.spans_any(cat.lexicon["second_clock"]):
        return False
    mentions: list[Span] = []
    for a, b in zoned:  # overlapping matches are one mention ("10am Eastern", "Eastern")
        if mentions and a < mentions[-1][1]:
            mentions[-1] = (mentions[-1][0], max(mentions[-1][1], b))
        else:
            mentions.append((a, b))
    return len({_place(scan.folded[a:b]) for a, b in mentions}) == 1


def _prose_words(scan: Scan, cat: Catalogue) -> list[tuple[int, int]]:
    """Body words a reader has to read: list lines (times) and the signature excluded."""
    text = scan.folded
    pos = scan.draft.body_start
    signoff = scan.live(cat.lexicon["signoff"])  # one the gate rules out ends no line
    stop = len(text)
    skipped: list[tuple[int, int]] = []
    for line in text[pos:].splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if any(p.fullmatch(text, start, end) for p in signoff):
            stop = start
            break
        if _LIST_LINE.match(text, start, end):
            skipped.append((start, end))
    if not skipped:  # every word before the signature (the words are in order)
        return scan.body_words[: bisect_left(scan.body_words, (stop, -1))]
    out = []
    at = 0
    for span in scan.body_words:
        if span[0] >= stop:
            break
        while at < len(skipped) and skipped[at][1] <= span[0]:
            at += 1
        if at < len(skipped) and skipped[at][0] <= span[0]:
            continue
        out.append(span)
    return out


def length_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """Fire on the words beyond the limit (email prose, or everything said in a script)."""
    if scan.kind == "script":
        counted = scan.body_words
        limit = cat.limits.script_words
    else:
        counted = _prose_words(scan, cat)
        limit = cat.limits.email_words
    if len(counted) <= limit:
        return []
    return [Hit(rule, counted[limit][0], counted[-1][1])]


def narrative_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """A long paragraph that retells events step by step ("then… after that… by the time…")."""
    hits: list[Hit] = []
    text = scan.folded
    body = scan.body_words
    for start, end in paragraphs(text, scan.draft.body_start, len(text)):
        # a paragraph's words are the body's words starting in it: a paragraph is trimmed of
        # white space, which no word holds, so none runs across its edges
        told = bisect_left(body, (end, -1)) - bisect_left(body, (start, -1))
        if told < cat.limits.narrative_words:
            continue
        # a marker the substring gate rules out for the draft is in none of its paragraphs
        markers = sum(len(list(p.finditer(text, start, end))) for p in scan.live(rule.patterns))
        if markers >= cat.limits.narrative_markers:
            hits.append(Hit(rule, start, end))
    return hits


_GREETING_LINE = re.compile(
    r"^[ \t]*(?:dear|hi|hello|good (?:morning|afternoon|evening))\b[^\n.?]{0,50}[,:!]?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def looks_like_email(scan: Scan) -> bool:
    """An e-mail's shape: a greeting on a line of its own ("Dear Dana,").

    Without a ``Subject:`` line that shape is the tell; a message that runs on
    from its greeting ("hi dana, so sorry…") is a text or a chat message, which
    has no subject.
    """
    return bool(_GREETING_LINE.search(scan.folded, scan.draft.body_start))


def subject_missing_hits(scan: Scan, rule: Rule) -> list[Hit]:
    """No subject line (on a draft shaped like an e-mail), or an empty one."""
    subject = scan.draft.subject
    if subject is not None and subject.strip():
        return []
    if subject is None and not looks_like_email(scan):
        return []
    at = scan.draft.subject_start if scan.draft.subject_start is not None else scan.anchor
    return [Hit(rule, at, at)]


def subject_vague_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """A subject naming neither the interview (topic words) nor a person (a proper name)."""
    d = scan.draft
    if d.subject_start is None or d.subject_end is None or not d.subject or not d.subject.strip():
        return []
    if scan.search_any(rule.patterns, d.subject_start, d.subject_end):
        return []
    tokens = list(_SUBJECT_WORD.finditer(scan.folded, d.subject_start, d.subject_end))
    if len(tokens) == 1:
        # one capitalised word names a person only when the draft uses it as a name too (the
        # signature, the greeting): "Subject: Priya" does, "Subject: Hiya!" does not
        word = tokens[0].group(0)
        named = _capitalised(word, cat) and _named_in_body(scan, word)
        return [] if named else [Hit(rule, d.subject_start, d.subject_end)]
    for i, m in enumerate(tokens):
        word = m.group(0)
        proper = word[0].isupper() and word.lower() not in cat.subject_common_words
        if proper and (i > 0 or _capitalised(tokens[1].group(0), cat)):
            return []
    return [Hit(rule, d.subject_start, d.subject_end)]


def _named_in_body(scan: Scan, word: str) -> bool:
    """Whether ``word`` appears, capitalised, as a word of the body.

    A plain search, not a pattern built from the draft: compiled patterns may be kept on disk
    between runs (:mod:`amends.cli.regex_cache`), and a draft's words must never be."""
    text, at = scan.folded, scan.draft.body_start
    while (at := text.find(word, at)) != -1:
        end = at + len(word)
        if not (_word_edge(text, at - 1) or _word_edge(text, end)):
            return True
        at += 1
    return False


def _word_edge(text: str, i: int) -> bool:
    """Whether ``text[i]`` would continue a word (what ``[\\w'-]`` matches)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_'-")


SHOUTED_SHARE = 0.7
"""A subject with at least this share of its letters (and eight or more) in capitals shouts."""


def subject_shouty_hits(scan: Scan, rule: Rule, cat: Catalogue) -> list[Hit]:
    """A subject that shouts: capitals throughout, "!!", or a pattern ("URGENT", "ASAP")."""
    d = scan.draft
    if d.subject_start is None or d.subject_end is None or not d.subject:
        return []
    letters = [c for c in d.subject if c.isalpha()]
    shouted = len(letters) >= 8 and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(
        letters
    )
    if shouted or scan.search_any(rule.patterns, d.subject_start, d.subject_end):
        return [Hit(rule, d.subject_start, d.subject_end)]
    return []


def _capitalised(word: str, cat: Catalogue) -> bool:
    return word[0].isupper() and word.lower() not in cat.subject_common_words
