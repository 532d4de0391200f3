"""A snippet's rendered text is kept by the values of the names it reads, and nothing else.

Call sites pass one context to many snippets (the checklist's steps all get the
interview's start, the respond-by clock, the contact...), most of which each
snippet never reads. Keying the kept text on every value passed would miss on
every plan (its times are its own); keying on the names read hits, and must
never give another text than rendering would.
"""

from __future__ import annotations

from datetime import UTC, datetime

import jinja2
import pytest

from amends import texts
from amends.plan.english import _template
from amends.texts import Conditional, Substitution, compile_snippet, environment, render_snippet

STAMP = datetime(2026, 11, 23, 10, 40, tzinfo=UTC)


def test_values_a_snippet_does_not_read_do_not_keep_it_from_the_cache() -> None:
    template = Substitution.of("Call {{ contact }} now.")
    assert template is not None
    first = render_snippet(template, {"contact": "Dana", "start": "10:00", "at": STAMP})
    kept = len(texts._RENDERED)
    again = render_snippet(template, {"contact": "Dana", "start": "11:30", "at": None})
    assert first == again == "Call Dana now."
    assert len(texts._RENDERED) == kept  # found, not rendered and kept a second time


def test_a_read_value_of_another_type_renders_its_own_text() -> None:
    template = Substitution.of("{{ n }} day(s)")
    assert template is not None
    assert render_snippet(template, {"n": 1}) == "1 day(s)"
    assert render_snippet(template, {"n": True}) == "True day(s)"
    assert render_snippet(template, {"n": 1.0}) == "1.0 day(s)"


def test_a_conditional_snippet_reads_its_conditions_and_its_sections_names() -> None:
    template = Conditional.of("Call {{ contact }}{% if phone %} on {{ phone }}{% endif %}.")
    assert template is not None
    assert template.names == ("contact", "phone")
    assert render_snippet(template, {"contact": "Dana", "phone": None, "x": 1}) == "Call Dana."
    assert render_snippet(template, {"contact": "Dana", "phone": "+1 555"}) == (
        "Call Dana on +1 555."
    )


def test_a_jinja_snippet_is_kept_by_every_name_any_branch_reads() -> None:
    source = "{% for item in items %}{{ item }}{% endfor %}{% if a %}x{% else %}{{ b }}{% endif %}"
    template = compile_snippet(environment(), source)
    assert texts._READS[template] == ("a", "b", "items")
    assert render_snippet(template, {"items": "ab", "a": True, "b": "y", "unread": STAMP}) == "abx"
    assert render_snippet(template, {"items": "ab", "a": False, "b": "y"}) == "aby"
    assert render_snippet(template, {"items": "ab", "a": False, "b": "z"}) == "abz"


def test_a_missing_name_a_snippet_reads_still_fails_as_jinja_does() -> None:
    plain = Substitution.of("Dear {{ name }},")
    assert plain is not None
    with pytest.raises(jinja2.UndefinedError):
        render_snippet(plain, {"other": "x"})
    compiled = compile_snippet(environment(), "{% for i in items %}{{ i }}{% endfor %}")
    with pytest.raises(jinja2.UndefinedError):
        render_snippet(compiled, {"other": "x"})


def test_a_missing_name_in_a_section_not_written_is_not_needed() -> None:
    template = Conditional.of("a{% if b %} {{ c }}{% endif %}")
    assert template is not None
    assert render_snippet(template, {"b": ""}) == "a"  # rendered, as Jinja would, uncached


def test_message_templates_share_one_set_of_globals() -> None:
    first = _template("messages/email.txt.j2", "gb")
    other = _template("messages/voicemail.txt.j2", "gb")
    assert first.globals is other.globals  # one parent copy per plan, not per template
    own = environment().from_string("{{ x }}", globals={"x": "own"})
    assert own.render() == "own"
    assert "x" not in first.globals  # a template's own globals never reach the others


def test_a_value_passed_under_a_globals_name_is_part_of_the_key() -> None:
    template = compile_snippet(environment(), "Hi {{ dict }}{% for i in range(n) %}.{% endfor %}")
    assert render_snippet(template, {"dict": "Dana", "n": 1}) == "Hi Dana."
    assert render_snippet(template, {"dict": "Sam", "n": 1}) == "Hi Sam."
    assert render_snippet(template, {"n": 2}) == template.render(n=2)  # the global itself


def test_a_snippet_that_includes_a_template_is_rendered_every_time() -> None:
    # The included template reads names of its own that the snippet's source never shows.
    env = environment().overlay(loader=jinja2.DictLoader({"part.j2": "to {{ who }}"}))
    template = compile_snippet(env, 'Write {% include "part.j2" %}')
    assert render_snippet(template, {"who": "Dana"}) == "Write to Dana"
    assert render_snippet(template, {"who": "Sam"}) == "Write to Sam"
    imported = compile_snippet(env, '{% import "part.j2" as p with context %}{{ p }}')
    assert render_snippet(imported, {"who": "Ana"}) == "to Ana"
    assert render_snippet(imported, {"who": "Bo"}) == "to Bo"


def test_globals_given_for_a_loaded_template_stay_with_that_template() -> None:
    env = environment.__wrapped__()  # a fresh one: the process's own stays untouched
    first = env.get_template("messages/email.txt.j2")
    other = env.get_template("messages/voicemail.txt.j2")
    again = env.get_template("messages/email.txt.j2", globals={"review_only": "own"})
    assert again is first and first.globals["review_only"] == "own"
    assert "review_only" not in other.globals
    assert "review_only" not in env.from_string("{{ x }}").globals
    assert "review_only" not in env.get_template("messages/phone_script.txt.j2").globals
