"""What a sentence does, however it is phrased: the indirect shapes issue 13 lists.

Each sentence goes into an otherwise good apology, so the only finding that
matters is the one the sentence itself deserves (or must not get).
"""

from __future__ import annotations

import pytest

from amends.check import check_text

HEAD = "Subject: Apology for missing our interview – Sam Lee, Analyst\n\nDear Dana,\n\n"
GOOD_TAIL = (
    "I remain very interested in the role. Could we meet on Tuesday at 10:00 GMT "
    "or Wednesday at 14:00 GMT?\n\nThank you for your understanding,\nSam Lee\n"
)


def _draft(sentence: str, owned: bool = True) -> str:
    owning = " That was my mistake, and I now set two reminders." if owned else ""
    return f"{HEAD}I'm sorry I missed our interview this morning.{owning} {sentence}\n\n{GOOD_TAIL}"


@pytest.mark.parametrize(
    ("category", "sentence"),
    [
        ("blame", "Honestly the calendar invitation from your side said Thursday."),
        ("blame", "it wasnt my fault tbh, the recruiter gave me the wrong day"),
        ("blame", "Your video link never loaded, so there was no way to join."),
        ("demand", "I trust you will be able to find me a slot before Friday."),
        ("demand", "Unless you object, I will dial in at the same time tomorrow."),
        ("demand", "Please confirm a new date by noon tomorrow at the latest."),
        ("begging", "Please think of my children, this job means everything to us."),
        ("begging", "I'm begging you not to close my application."),
        ("emotional", "I have been in a total state for hours and can't stop crying."),
        ("overshare", "I was throwing up on the bathroom floor until dawn."),
    ],
)
def test_indirect_flaws_are_found(category: str, sentence: str) -> None:
    report = check_text(_draft(sentence))
    assert category in report.categories, [(f.rule, f.excerpt) for f in report.findings]


def test_vague_availability_as_the_only_offer_is_vague_time() -> None:
    # beside concrete times (the usual tail) it would only be flexibility
    text = (
        f"{HEAD}I'm sorry I missed our interview this morning. That was my mistake. "
        "I remain very interested in the role. I'm free most days, just say the word."
        "\n\nThank you for your understanding,\nSam Lee\n"
    )
    assert "vague-time" in check_text(text).categories


@pytest.mark.parametrize(
    "sentence",
    [
        "My phone died overnight, so the alarm never went off.",
        "The interview somehow went completely out of my head.",
    ],
)
def test_a_bare_excuse_told_as_a_story_is_an_excuse(sentence: str) -> None:
    report = check_text(_draft(sentence, owned=False))
    assert {"excuse", "missing-ownership"} <= report.categories


@pytest.mark.parametrize(
    "sentence",
    [
        "My train was cancelled and the next one was an hour later.",
        "I overslept, and that is entirely on me.",
        "I have attached the portfolio we discussed.",
        "I'm happy to join by phone instead if that is easier.",
    ],
)
def test_hard_negatives_are_left_alone(sentence: str) -> None:
    report = check_text(_draft(sentence))
    assert report.findings == (), [(f.rule, f.excerpt) for f in report.findings]


@pytest.mark.parametrize("category", ["blame", "demand", "begging", "overshare"])
def test_error_level_flaws_make_the_draft_fail(category: str) -> None:
    sentence = {
        "blame": "Your recruiter told me it was next week.",
        "demand": "I'll assume Thursday at 10:00 GMT works unless I hear otherwise.",
        "begging": "Please, please give me one more chance, I need this.",
        "overshare": "I had diarrhoea all night and could not leave the toilet.",
    }[category]
    report = check_text(_draft(sentence))
    assert category in report.categories and not report.passed
