"""What an error the classifier alone found must also show before it is reported.

An error (blame, demand, begging) makes ``amends check`` exit 1 and tells a
stressed person their draft hurts them, so one misread sentence must not do it
to a draft a coach would send. The catalogue's patterns are evidence of their
own; a sentence only the classifier flags must also look like the flaw as a
whole, not in one clause:

- **begging**: a sentence that, read whole, offers times, invites a proposal or
  gives availability ("if another day suits you better, please tell me") is an
  invitation, even when one of its clauses reads as pleading;
  The same holds for a bare excuse ("I know things get busy, so: I'm available
  Tuesday at 10:00 CT or…" is about the times, not a story);
- **demand**: a question that puts times forward ("could we do Thursday at 10
  or Friday at 2?") asks; it does not set; nor does a sentence that puts times
  forward and leaves the choice to them ("let me know if Monday 11:00 IST is
  convenient, or a time you propose"), nor one stating one's own availability that limits
  or insists on nothing ("I am available Wednesday or Friday, 9:00-12:00 CET";
  ``own_availability``);
- **blame**: a clause read as blame in a sentence that is not, read whole, must say
  something went wrong (``went_wrong``: "…on Zoom, using the link you sent" is not blame);
  blame points at something — the reader's side, a third party, the
  arrangements — or disowns the miss (``blame_target`` in the catalogue). A
  story of one's own mishap with none of that ("my phone updated overnight and
  wiped my alarms") is at most an excuse, which the excuse rule reports. A long
  retelling (a sentence of 20 words or more in a draft over the length limit,
  of 30 anywhere: ``LONG_STORY_WORDS``) must point by name — the
  employer's people or arrangements, a provider, a fault phrase
  (``blame_pointed``): "I figured since your office is in Denver it would be the
  same…" mentions the reader's side in passing and blames nobody; an
  ownership line in the sentence vetoes it unless the sentence then turns on the
  employer's side ("that part is on me; still, the coordinator's invitation had
  the wrong date").
- **overshare**: a long retelling (as for blame) must hold private detail —
  the body, symptoms, tests and treatment, police and courts, relationships,
  money (``private_detail``): "an exceptional fortnight at my current firm…"
  told at length is not.

One decision reads the draft as a whole (:func:`standing_excuses`): an excuse
is a *weak* reason told bare. When ``--reason`` names a cause that is not weak
(outside one's control, a private matter, a clash with another commitment), the
reason given is the fact the reader needs, never an excuse. A weak reason given
in a line or so, in a draft that owns the miss elsewhere ("I read the time as
Lagos time. That scheduling error is mine."), is the short factual reason a
coach allows; an owned draft that still retells the story at length
(``OWNED_STORY_WORDS``) keeps its excuse finding.
"""

from __future__ import annotations

from amends.check.model import Finding
from amends.check.rules import Catalogue, Rule
from amends.check.scan import Hit, Scan, Span, cuts
from amends.check.situation import weak_reason
from amends.check.text import paragraphs, words

LONG_STORY_WORDS = (20, 30)
"""A sentence of the first many words in an over-long draft, or of the second anywhere, is a
retelling: read as blame, it must name what it blames."""

_BENIGN_WHOLE: dict[str, tuple[str, ...]] = {
    "begging": ("invites-proposal", "offers-times", "vague-time"),
    "excuse": ("invites-proposal", "offers-times"),
}
"""Functions that, when the whole sentence does one, outweigh a clause read as the flaw."""

_ASKING = ("offers-times", "invites-proposal")
"""A question doing one of these asks for a time; it is not a demand."""


def _whole_does(scan: Scan, span: Span, labels: tuple[str, ...]) -> bool:
    readings = scan.readings.get(span)
    if not readings:
        return False
    whole = readings[0]
    return any(whole[i] >= z for i, z in cuts(labels))


def _is_question(scan: Scan, span: Span) -> bool:
    return scan.folded[span[0] : span[1]].rstrip().endswith("?")


def _leaves_the_choice(scan: Scan, span: Span, cat: Catalogue) -> bool:
    """Times put forward as a question, or leaving the choice to them ("or a time you propose")."""
    if not _whole_does(scan, span, _ASKING):
        return False
    return _is_question(scan, span) or scan.search_any(cat.lexicon["invitation"], *span)


def _states_own_availability(scan: Scan, span: Span, cat: Catalogue) -> bool:
    """Times offered as one's own availability, with nothing limited or insisted on."""
    if not _whole_does(scan, span, ("offers-times",)):
        return False
    own, terms = cat.lexicon["own_availability"], cat.lexicon["sets_terms"]
    return scan.search_any(own, *span) and not scan.search_any(terms, *span)


def _turns_on_them(scan: Scan, span: Span, cat: Catalogue) -> bool:
    """Owned, then turned on the employer's side ("that is on me; still, your coordinator…")."""
    lex = cat.lexicon
    return scan.search_any(lex["turn"], *span) and scan.search_any(lex["employer_side"], *span)


def _long_story(scan: Scan, span: Span, cat: Catalogue) -> bool:
    n = len(words(scan.folded, *span))
    in_long_draft = len(scan.body_words) > cat.limits.email_words
    return n >= LONG_STORY_WORDS[1] or (in_long_draft and n >= LONG_STORY_WORDS[0])


def _stands(scan: Scan, rule: Rule, hit: Hit, cat: Catalogue) -> bool:
    span = (hit.start, hit.end)
    if rule.category in _BENIGN_WHOLE and _whole_does(scan, span, _BENIGN_WHOLE[rule.category]):
        return False
    if rule.category == "demand" and _leaves_the_choice(scan, span, cat):
        return False  # "…is either convenient? otherwise a time you propose": it asks
    if rule.category == "demand" and _states_own_availability(scan, span, cat):
        return False  # "I am available Wednesday or Friday, 9:00-12:00 CET": it offers
    if rule.category == "overshare" and _long_story(scan, span, cat):
        return scan.search_any(cat.lexicon["private_detail"], *span)
    if rule.category == "blame":
        if not _whole_does(scan, span, ("blame",)) and not scan.search_any(
            cat.lexicon["went_wrong"], *span
        ):
            return False  # "…on Zoom, using the link you sent": their link, nothing gone wrong
        if scan.search_any(cat.lexicon["ownership"], *span) and not _turns_on_them(scan, span, cat):
            return False  # "I misread your invitation": owned, not blamed
        if _long_story(scan, span, cat):
            target = "blame_pointed"
        elif scan.outside_control:  # from --reason, or told in the draft
            target = "blame_party"  # "a signal failure held every train" is a fact, not blame
        else:
            target = "blame_target"
        return scan.search_any(cat.lexicon[target], *span)
    return True


def corroborated(scan: Scan, rule: Rule, hits: list[Hit], cat: Catalogue) -> list[Hit]:
    """The classifier's hits for ``rule`` that hold up (most warnings pass unchanged)."""
    if rule.severity != "error" and rule.category not in _BENIGN_WHOLE:
        return hits
    return [hit for hit in hits if _stands(scan, rule, hit, cat)]


OWNED_STORY_WORDS = 25
"""In a draft that owns the miss, a story of this many words around an excuse is a retelling."""

_STORY = ("excuse", "blame", "outside-reason")
_STORY_CUT = 0.3
"""A sentence that reads, even faintly, as one of these tells part of what happened; feelings
("I am furious with myself") and ownership lines do not."""

_NOT_OWNING = ("excuse", "blame", "begging")
"""A sentence read as one of these owns nothing, whatever else the model hears in it."""


def owns_elsewhere(scan: Scan, cat: Catalogue, skip: set[Span]) -> bool:
    """Whether a body sentence outside ``skip`` takes responsibility (words or model)."""
    own = cat.lexicon["ownership"]
    for span in scan.body_sentences:
        if span in skip:
            continue
        if scan.search_any(own, *span):
            return True
        if scan.does(span, "ownership") and not any(scan.does(span, x) for x in _NOT_OWNING):
            return True
    return False


def _story_words(scan: Scan, places: set[Span]) -> int:
    """Words of the sentences telling what happened, in the paragraphs holding the excuses."""
    story = cuts(_STORY, _STORY_CUT)
    text = scan.folded
    told = 0
    for a, b in paragraphs(text, scan.draft.body_start, len(text)):
        if not any(a <= s < b for s, _ in places):
            continue
        for span in scan.body_sentences:
            best = scan.best.get(span)
            inside = a <= span[0] < b
            if inside and (span in places or (best and any(best[i] >= z for i, z in story))):
                told += len(words(text, *span))
    return told


def standing_excuses(
    findings: list[tuple[int, Finding]], scan: Scan, cat: Catalogue
) -> list[tuple[int, Finding]]:
    """Drop excuse findings when the reason is not weak, or is brief in an owned draft."""
    places = {scan.sentence_at(f.start) for _, f in findings if f.category == "excuse"}
    if not places:
        return findings
    weak = weak_reason(scan)
    if weak is None and scan.outside_control:
        weak = False  # no --reason, but the draft tells a cause outside one's control
    if weak is not False:
        if _story_words(scan, places) >= OWNED_STORY_WORDS:
            return findings
        if not owns_elsewhere(scan, cat, places):
            return findings
    return [(order, f) for order, f in findings if f.category != "excuse"]
