"""The company and the role: "the data analyst role at Acme", "Stripe interview (backend eng)".

Only phrases that say what a word is are read: a role is followed by "role",
"position" or "job" (or ends in a job-title word such as "analyst"); a company
follows "at" after the interview or role, precedes "interview", or is where
the interviewer is "from". Lower-case words are capitalised for the messages
("acme" -> "Acme"); everything else is kept as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amends.intake.lexicon import agencies, word_set
from amends.intake.text import Story

_WORD = r"[A-Za-z0-9&][\w&'\-]*(?:\.(?:com|io|ai|co|org|net))?"
_CO = rf"(?P<co>{_WORD}(?: (?-i:[A-Z0-9&][\w&'\-]*|and|&|of))*)"
_ROLE = r"(?P<role>[A-Za-z][\w/+#&\-]*(?: [A-Za-z][\w/+#&\-]*){0,5})"
_KIND = r"(?:role|position|job|post|opening|vacancy|internship|gig|opportunity)"
_DET = r"(?:the |a |an |my |our |their |this |that )?"
_ACRONYMS = frozenset(
    [
        "ux",
        "ui",
        "qa",
        "sre",
        "vp",
        "cto",
        "cfo",
        "ceo",
        "coo",
        "hr",
        "it",
        "pm",
        "swe",
        "sde",
        "ai",
        "ml",
        "seo",
        "bi",
        "crm",
        "erp",
        "ios",
        "aws",
        "gcp",
        "etl",
        "sql",
        "api",
        "nhs",
        "bbc",
        "ibm",
        "hsbc",
        "kpmg",
        "pwc",
        "ey",
        "bp",
        "sap",
    ]
)
_COMPANY_PATTERNS = [
    rf"\b(?:{_KIND}) (?:at|with|for) {_CO}",
    rf"\b(?:interview|interviews|onsite|screen|screening|assessment|call|chat|meeting) (?:at|for) {_CO}",  # noqa: E501
    rf"\binterview(?:ing)? (?:with|w) [A-Za-z]+(?: [A-Za-z]+)? (?:from|at) {_CO}",
    rf"\b(?:at|to) {_CO}(?:s)? (?:office|offices|hq|headquarters|building|campus)",
    rf"(?:^|\b(?:my|the|an?|this|that|todays|tomorrows|yesterdays|for|missed|with) ){_CO}(?:s)? (?:interview|phone screen|video interview|onsite|final round|first round|second round|call|assessment)\b",  # noqa: E501
    rf"\b[A-Za-z]+ (?:from|at) {_CO}(?: (?:emailed|called|rang|texted|set|booked|arranged|sent|said|is|was)\b)",  # noqa: E501
    rf"\b(?:applied (?:to|at|for)|applying to|work(?:ing)? at|join(?:ing)?) {_CO}",
]
_ROLE_PATTERNS = [
    rf"\b(?:for|as) {_DET}{_ROLE} {_KIND}\b",
    rf"\b{_DET}{_ROLE} {_KIND} (?:at|with|for|interview)\b",
    r"\binterview\s*\((?P<paren>[^)]{2,60})\)",
    rf"\b(?:for|as) (?:a |an |the ){_ROLE}(?= at | with | interview|[,.]|$)",
    rf"(?:^|\b(?:my|the|an?|this|that|todays|tomorrows|yesterdays|for|missed) ){_ROLE} interview\b",
]


@dataclass(frozen=True)
class Org:
    company: str | None
    role: str | None


def read_org(story: Story) -> Org:
    """The company and role a story names (either may be ``None``)."""
    return Org(company=_company(story.text), role=_role(story.text))


def _company(text: str) -> str | None:
    for pattern in _COMPANY_PATTERNS:
        for m in re.finditer(pattern, text, re.IGNORECASE | re.MULTILINE):
            name = _clean_company(m.group("co"))
            if name:
                return name
    return None


def _clean_company(raw: str) -> str | None:
    words: list[str] = []
    for word in raw.split():
        key = word.lower()
        if (key in word_set("not_company") or key in _STOP) and key not in ("&", "of", "and"):
            break
        words.append(word)
    while words and words[-1].lower() in ("&", "of", "and"):
        words.pop()
    if not words:
        return None
    name = " ".join(words)
    key = name.lower()
    last = key.split()[-1]
    if agencies().fullmatch(key) or last in word_set("role_heads") or key.isdigit():
        return None
    if re.fullmatch(r"\d.*|[a-z]", key):
        return None
    return _capitalised(name)


_STOP = frozenset(
    [
        "at",
        "for",
        "on",
        "in",
        "to",
        "with",
        "from",
        "about",
        "and",
        "but",
        "so",
        "because",
        "via",
        "over",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "tomorrow",
        "today",
        "tonight",
        "yesterday",
        "this",
        "next",
        "last",
        "my",
        "the",
        "a",
        "an",
        "this",
        "that",
        "who",
        "which",
        "when",
        "where",
        "while",
        "if",
        "as",
        "by",
        "then",
        "there",
        "here",
    ]
)


def _role(text: str) -> str | None:
    for pattern in _ROLE_PATTERNS:
        for m in re.finditer(pattern, text, re.IGNORECASE | re.MULTILINE):
            raw = m.groupdict().get("paren") or m.group("role")
            role = _clean_role(raw, strict=pattern is _ROLE_PATTERNS[3])
            if role:
                return role
    return None


def _clean_role(raw: str, strict: bool) -> str | None:
    words = raw.strip(" ,.").split()
    while words and words[0].lower() in {"the", "a", "an", "my", "our", "their", "new"}:
        words.pop(0)
    kept: list[str] = []
    for word in words:
        key = word.lower()
        if key in _STOP or key in {
            "interview",
            "role",
            "position",
            "job",
            "zoom",
            "teams",
            "video",
        }:
            break
        kept.append(word)
    if not kept:
        return None
    last = kept[-1].lower()
    if kept[0].lower() in word_set("not_company") - {"tech", "technical", "final"}:
        return None
    if last not in word_set("role_heads") and (
        strict or (len(kept) == 1 and _looks_like_company(kept[0]))
    ):
        return None
    if last not in word_set("role_heads") and last in word_set("not_company"):
        return None
    return _capitalised(" ".join(kept))


def _looks_like_company(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in word_set("role_heads")


def _capitalised(text: str) -> str:
    """Lower-case input gets capitals ("data analyst" -> "Data Analyst"); other text is kept."""
    if text != text.lower():
        return text
    return " ".join(w.upper() if w in _ACRONYMS else w[:1].upper() + w[1:] for w in text.split())
