"""British or American English for one message, never a mix of the two.

The recipient decides: someone in the US or Canada (the interviewer's country,
from ``--country`` or their zone) reads American English with a 12-hour clock;
everyone else British English with a 24-hour clock; ``--english us|gb`` (or the
profile key ``english``) overrides. Wording is written once, in British English,
in the templates and catalogues; :func:`render` and :func:`snippet_in` convert
the template's own text before the user's values are filled in, so a company
called "Realise Ltd" keeps its name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import BaseLoader, Environment, Template

from amends.dates.country import country_for_zone
from amends.dates.format import English
from amends.plan.situation import Situation
from amends.texts import (
    Conditional,
    Substitution,
    compile_snippet,
    environment,
    render_in,
    render_snippet,
    render_template,
    snippets,
    tidy,
)

__all__ = ["Renderer", "english_for", "localise", "macros", "render", "snippet_in", "snippets"]

AMERICAN_COUNTRIES = frozenset({"US", "CA", "PR", "GU", "VI", "AS", "MP", "UM"})
_JINJA = re.compile(r"(\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\})", re.S)


def english_for(s: Situation) -> English:
    """The variant for messages to this situation's contact."""
    if s.candidate.english is not None:
        return s.candidate.english
    country = (s.interview.country or country_for_zone(s.interview.tz) or "").split("-")[0]
    return "us" if country in AMERICAN_COUNTRIES else "gb"


@cache
def _pattern(variant: English) -> tuple[re.Pattern[str], dict[str, str]] | None:
    if variant == "gb":
        return None
    table = snippets("english")[variant]
    mapping: dict[str, str] = {**table["phrases"], **table["words"]}
    keys = sorted(mapping, key=len, reverse=True)
    words = "|".join(re.escape(k) for k in keys)
    return re.compile(rf"\b({words})\b", re.I), {k.lower(): v for k, v in mapping.items()}


def localise(text: str, variant: English) -> str:
    """Our own wording (a catalogue line, a template's text) in ``variant``."""
    found = _pattern(variant)
    if found is None:
        return text
    pattern, mapping = found

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        new = mapping[word.lower()]
        return new[:1].upper() + new[1:] if word[:1].isupper() else new

    return pattern.sub(swap, text)


def _localise_source(source: str, variant: English) -> str:
    """Convert the literal text of a Jinja template, leaving its tags alone."""
    parts = _JINJA.split(source)
    return "".join(p if i % 2 else localise(p, variant) for i, p in enumerate(parts))


class _LocalisingLoader(BaseLoader):
    """The message templates, their literal text converted to one English variant."""

    def __init__(self, inner: BaseLoader, variant: English) -> None:
        self.inner = inner
        self.variant = variant

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return _localise_source(source, self.variant), filename, uptodate


@cache
def _environment(variant: English) -> Environment:
    """The shared message environment, overlaid with a converting loader for American."""
    env = environment()
    if variant == "gb" or env.loader is None:
        return env
    return env.overlay(loader=_LocalisingLoader(env.loader, variant))


@cache
def _template(name: str, variant: English) -> Template:
    """The compiled message template (looked up once, not through Jinja's locked cache)."""
    return _environment(variant).get_template(name)


def macros(variant: English) -> Any:
    """The macros of ``templates/messages/_macros.j2`` in ``variant``, called from Python.

    The pieces every message shares (the greeting, the times offered, the
    signature) are rendered once per plan from them and given to each message
    template as text, instead of each template importing and calling them.
    """
    return _template("messages/_macros.j2", variant).module


def render(name: str, variant: English, **context: Any) -> str:
    """Render ``templates/<name>`` in ``variant`` (macros included), tidied like every message."""
    return tidy(render_template(_template(name, variant), {"english": variant, **context}))


class Renderer:
    """:func:`render` of several templates from one set of values (a plan's messages).

    The values (some forty) are copied into Jinja's parent mapping once per plan and
    set of template globals (one set, shared by every message template), instead of
    three times per message; a message's own few values (``with_reason``, the
    recruiter's greeting) are laid over that copy.
    """

    def __init__(self, variant: English, context: dict[str, Any]) -> None:
        self.variant = variant
        self.context = context
        self._parents: dict[int, dict[str, Any]] = {}

    def __call__(self, name: str, **extra: Any) -> str:
        template = _template(name, self.variant)
        parent = self._parents.get(id(template.globals))
        if parent is None:
            values = {**template.globals, "english": self.variant, **self.context}
            parent = self._parents[id(template.globals)] = values
        return tidy(render_in(template, {**parent, **extra} if extra else parent))


@cache
def _snippet(name: str, key: str, variant: English) -> Template | Substitution | Conditional:
    """The snippet in ``variant``: plain names and one-line sections without a Jinja context
    (the variant's environment differs only in its loader), anything else compiled."""
    source: Any = snippets(name)
    for part in key.split("."):
        source = source[part]
    if not isinstance(source, str):
        raise KeyError(f"{name}.{key} is not a text snippet")
    text = _localise_source(source, variant)
    return (
        Substitution.of(text)
        or Conditional.of(text)
        or compile_snippet(_environment(variant), text)
    )


def snippet_in(name: str, key: str, variant: English, **context: Any) -> str:
    """The snippet ``key`` of ``data/<name>.toml`` in ``variant``."""
    return render_snippet(_snippet(name, key, variant), context)
