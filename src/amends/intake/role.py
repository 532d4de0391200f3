"""The role: "the data analyst role at Acme", "(backend eng)", "Crestline Legal, paralegal."

A role is read only where a phrase says what a word is: it is followed by "role",
"position" or "job", follows "position:" or "applying to be", sits in brackets after
the interview, or is a clause that is only a job title (its head word a title word
such as "analyst", kept as data in ``role_heads``). Lower-case roles get capitals for
the messages ("data analyst" -> "Data Analyst").
"""

from __future__ import annotations

import re

from amends.intake.lexicon import word_set
from amends.intake.names import overlapping
from amends.intake.text import Story

KIND = (
    r"(?:role|position|positon|job|post|opening|vacancy|internship|gig|opportunity|program"
    r"|programme|spot)"
)
_ROLE = r"(?P<role>[A-Za-z0-9][\w/+#&\-]*(?: [A-Za-z0-9][\w/+#&\-]*){0,5})"
_DET = r"(?:the |a |an |my |our |their |this |that )?"
_FOREIGN_LABEL = r"puesto|cargo|vaga|poste|stelle|posizione|vacante|plaza|ruolo|vacature"
# "vaga de analista de CRM", "Puesto Coordinador de ...": the label is no word of the role.
_LABEL_LEAD = re.compile(rf"^(?:{_FOREIGN_LABEL})(?: (?:de|di|als))?\s+", re.IGNORECASE)
_ACRONYMS = word_set("acronyms")
_STOP = word_set("stop")
_ROLE_PATTERNS = [
    (rf"\b(?:for|as|about) {_DET}{_ROLE} {KIND}\b", False),
    (rf"\b{_DET}{_ROLE} {KIND} (?:at|with|for|interview)\b", False),
    (rf"\b(?:position|role|job|post) of {_DET}{_ROLE}", False),
    (
        rf"\b(?:position|positon|role|job title|title|post|job)(?: is| was|:| -| =)? {_DET}{_ROLE}",
        True,
    ),
    # "puesto: analista actuarial", "vaga de analista de CRM", "die Stelle ist ...": the same
    # label in the story's other language.
    (
        rf"\b(?:{_FOREIGN_LABEL})(?: de| di| ist| es| é| est|:| -)?"
        rf" (?:die |der |el |la |o |a |le )?{_ROLE}",
        True,
    ),
    (
        rf"\b(?:its|it is|it was|this is) (?:a |an |the |for (?:the |a |an )?){_ROLE} {KIND}\b",
        False,
    ),
    (rf"\b(?:its|it is|it was) for (?:the |a |an )?{_ROLE}(?=[,.;!]|$)", True),
    (rf"\b(?:i am|im|i m) (?:a |an |the )?{_ROLE} candidate\b", True),
    (rf"\b(?:for|as) (?:a |an |the ){_ROLE}(?= at | with | interview|[,.]|$)", True),
    (rf"\bfor {_ROLE}(?= was| is| at | with | and | but | on | interview|[,.]|$)", True),
    (
        rf"(?:^|,\s*|\b(?:my|the|an?|this|that|todays|tomorrows|for|missed) ){_ROLE} interview\b",
        True,
    ),
    # "customer success manager at Beacon Labs": a job title starting a clause, then "at".
    (rf"(?:^|[.;!?,]\s*){_ROLE} (?:at|with) (?-i:[A-Z])", True),
    (rf"(?:^|[.;!?]\s+|,\s*|\s[-\u2013\u2014]\s*){_ROLE} {KIND}\b", True),
    # "applying to be a store supervisor", "applied for the role of buyer"
    (
        rf"\b(?:applying|applied|apply) (?:to be|as|for the (?:role|position|post) of)"
        rf" {_DET}{_ROLE}(?=[,.;!?]|$| at | with | and | but )",
        True,
    ),
    (rf"\bfor {_ROLE}(?= \()", True),  # "for Junior Developer (Python)"
]
PAREN = re.compile(r"(?P<lead>\w+)?\s*\((?P<paren>[^)]{2,60})\)")
_ROLE_LABEL = re.compile(r"(?:role|position|job|post|title)\s*[:=-]\s*", re.IGNORECASE)


def same_words(name: str, raw: str) -> bool:
    """True when a cleaned name is the phrase it came from, word for word."""
    return name.lower().split() == raw.lower().replace("'s", "").split()


def read_role(story: Story) -> str | None:
    """The job applied for, when a phrase says what it is."""
    text = story.text
    for m in PAREN.finditer(text):
        lead = (m.group("lead") or "").lower()
        content = m.group("paren").split(",")[0]
        content = re.sub(rf"\s+{KIND}$", "", content.strip(), flags=re.IGNORECASE)
        named = _ROLE_LABEL.match(content)  # "(role: payroll clerk)"
        content = content[named.end() :] if named else content
        strict = lead not in ("interview", "role", "position") and not named
        role = clean_role(content, strict=strict)
        if role:
            return role
    for pattern, strict in _ROLE_PATTERNS:
        for m in overlapping(pattern, text, re.IGNORECASE | re.MULTILINE):
            role = clean_role(m.group("role"), strict=strict)
            if role:
                return role
    return _listed_role(text)


_CLAUSE = re.compile(r"(?:^|(?<=[.;!?,])\s*)(?P<role>[^.;!?,()\n]{2,50})(?=[.;!?,]|$)", re.M)
# A clause naming the person one deals with is not the job applied for.
_CONTACT_WORDS = frozenset({"recruiter", "interviewer", "coordinator", "co-ordinator"})
# First words of a coordinator who arranges the interview, not a job applied for.
_CONTACT_LEADS = frozenset(
    {"recruitment", "talent", "interview", "people", "scheduling", "agency", "hiring", "hr"}
)
# "Crestline Legal, paralegal.": a capitalised name and a comma just before a one-word title.
_LISTED_AFTER_NAME = re.compile(r"(?:^|[.;!?]\s+)[A-Z][\w&'\-]*(?: [A-Z][\w&'\-]*){0,3},\s*$")
_NOT_LISTED = frozenset(
    {"hiring", "line", "the", "my", "their", "his", "her", "our", "your", "agency", "hr"}
)


def _listed_role(text: str) -> str | None:
    """ "Interview 14:00 at Glovo's Barcelona office, ops analyst.": a clause that is only a
    job title (its last word a title word) is the role."""
    for m in _CLAUSE.finditer(text):
        phrase = m.group("role").strip()
        words = phrase.split()
        if not words or len(words) > 5:
            continue
        listed = text[: m.start("role")].rstrip().endswith(",")
        if len(words) == 1 and not (
            (listed and _LISTED_AFTER_NAME.search(text[: m.start("role")]))
            or _one_word_sentence(text, m, words[0])
        ):
            continue  # one title word alone ("Analyst,") says too little
        last = words[-1].lower()
        line_job = (
            words[0].lower() == "line" and last != "manager"
        )  # "line cook", not "line manager"
        if (words[0].lower() in _NOT_LISTED and not line_job) or words[0].lower() in _CONTACT_LEADS:
            continue  # "the hiring manager", "hr coordinator": who someone is, not the job
        if last in _CONTACT_WORDS and not (last == "coordinator" and len(words) > 1):
            continue  # "agency recruiter"; "logistics coordinator" is a job
        role = clean_role(phrase, strict=True)
        if role and same_words(role, re.sub(r"^(?:the|a|an|my) ", "", phrase, flags=re.I)):
            return role
    return None


# Job words too general to be the job when they stand alone ("Manager." may be a person).
_TOO_GENERAL = frozenset(
    {"manager", "director", "lead", "leader", "head", "senior", "partner", "owner", "support",
     "sales", "success", "crew", "scheme", "principal", "master", "graduate", "fellow", "agent",
     "worker", "associate", "rep", "exec", "executive", "officer", "specialist", "assistant",
     "consultant", "frontend", "backend", "president", "recruiter", "coordinator", "hand",
     "tech", "admin", "trainee", "intern", "internship", "ceo", "cfo", "cto", "coo", "vp"}
)  # fmt: skip


def _one_word_sentence(text: str, m: re.Match[str], word: str) -> bool:
    """ "9am at Calder & Reeve, 40 Gresham St. Paralegal. Won't make it.": a sentence that is
    one job word (a trade, not a general word such as "Manager") is the job applied for."""
    before = text[: m.start("role")].rstrip()
    after = text[m.end("role") :]
    key = word.lower().strip(".")
    return (
        (not before or before[-1] in ".!?")
        and re.match(r"\s*(?:[.!?]|$)", after) is not None
        and key in word_set("role_heads")
        and key not in _TOO_GENERAL
    )


# Words that cannot start a company's name but can start a job title ("team leader").
_ROLE_FIRST_WORDS = frozenset(
    {
        "tech",
        "technical",
        "final",
        "sales",
        "team",
        "office",
        "store",
        "shift",
        "station",
        "night",
        "video",
        "hr",  # "HR generalist", "HR assistant"
        "remote",  # "remote sensing analyst"
    }
)


def clean_role(raw: str, strict: bool) -> str | None:
    raw = _LABEL_LEAD.sub("", raw.strip())
    words = raw.strip(" ,.").split()
    while words and words[0].lower() in {"the", "a", "an", "my", "our", "their", "new"}:
        words.pop(0)
    kept: list[str] = []
    for i, word in enumerate(words):
        key = word.lower().rstrip(".,")
        joins = key in _JOINS and 0 < i < len(words) - 1 and bool(kept)
        # "Lecturer in Chemistry"; "analista de datos" (a lower-case story: no capitals to read)
        follows = joins and (words[i + 1][:1].isupper() or (key in _ROMANCE and raw == raw.lower()))
        if joins and follows and kept[-1].lower() in word_set("role_heads"):
            kept.append(word)  # "Lecturer in Chemistry", "Head of Sales"
            continue
        acronym = word.isupper() and len(word) > 1 and key in _ACRONYMS  # "IT Auditor"
        if not acronym and (
            key in _STOP or key in {"interview", "role", "position", "job", "zoom", "teams"}
        ):
            runs_on = i < len(words) - 1 and key not in {"interview", "role", "position", "job"}
            if runs_on and not (kept and kept[-1].lower() in word_set("role_heads")):
                return None  # the phrase runs on past a small word: not a job title
            break
        kept.append(word.rstrip(".,"))
    if not kept:
        return None
    first, last = kept[0].lower(), _head_word(kept)
    if first in word_set("not_company") - _ROLE_FIRST_WORDS:
        return None
    if all(w.lower() in word_set("employment_terms") for w in kept):
        return None  # "a contract role at Nike" says the terms, not the job
    heads = word_set("role_heads") | word_set("role_heads_only")
    if first == "hr" and last in _HR_PEOPLE:
        return None  # "the HR coordinator at Pinnacle booked it": someone of their HR team
    if any(
        w.lower() in ("in", "of", "and", "for")
        or (w.lower() in _ROMANCE and kept[i].lower() in heads)
        for i, w in enumerate(kept[1:-1])
    ):
        return capitalised(" ".join(kept))
    if first in word_set("title_leads") and len(kept) > 1:
        return capitalised(" ".join(kept))  # "vp engineering", "head marketing"
    if len(kept) == 1 and kept[0].isupper() and 2 <= len(kept[0]) <= 4 and not strict:
        return kept[0]  # "the SE role"
    # "analista actuarial", "jefe de almacen": the head word comes first in some languages.
    head_first = len(kept) > 1 and first in word_set("role_heads_first")
    if last not in heads and not head_first and (strict or last in word_set("not_company")):
        return None
    if last not in heads and len(kept) == 1 and kept[0][:1].isupper() and not strict:
        return None
    return capitalised(" ".join(kept))


# "HR" and one of these is who someone is, not the job applied for ("HR generalist" is one).
_HR_PEOPLE = frozenset({"coordinator", "co-ordinator", "manager", "lady", "person", "team", "rep"})
# Small words inside a job title after its head word: "Head of Sales", "Analista de Datos".
_ROMANCE = frozenset({"de", "du", "des", "di", "da", "del"})
_JOINS = frozenset({"in", "of", "and", "for"}) | _ROMANCE
_GRADE = re.compile(r"\d+|i{1,3}|iv|v|vi|band|level|grade|jr|sr|[a-z]\d?", re.IGNORECASE)


def _head_word(kept: list[str]) -> str:
    """The word that says what the job is: "planner 1" -> planner, "physio band 6" -> physio,
    "sub-editor" -> editor."""
    words = [w.lower() for w in kept]
    while (
        len(words) > 1 and _GRADE.fullmatch(words[-1]) and words[-1] not in word_set("role_heads")
    ):
        words.pop()
    last = words[-1]
    if last not in word_set("role_heads") and "-" in last:
        return last.rsplit("-", 1)[1]
    return last


def capitalised(text: str) -> str:
    """Lower-case input gets capitals ("data analyst" -> "Data Analyst"); other text is kept."""
    if text != text.lower():
        return text
    return " ".join(
        w.upper() if w in _ACRONYMS else w if w in _JOINS else w[:1].upper() + w[1:]
        for w in text.split()
    )
