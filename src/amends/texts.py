"""Short wording snippets kept as data (``data/*.toml``), rendered with Jinja2.

Longer messages are whole templates under ``templates/``; the one-line texts
of triage and the checklist live in TOML tables so they can be reviewed and
translated in one place.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import MutableMapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import jinja2.nodes
from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from amends import __version__
from amends.datafiles import data_table
from amends.paths import cache_dir, prune_stale


class TemplateCache(FileSystemBytecodeCache):
    """Compiled templates kept in the user's cache folder, so a run does not recompile them.

    Compiling the two dozen templates and snippets of one plan costs more than
    rendering them; Jinja's bytecode cache keeps the compiled code per source.
    Each file is named after the template *and* a checksum of its source, so the
    British and American versions of a template (and an edited one) never share
    a file. A cache that cannot be read or written is simply not used: the
    template is compiled as without it.
    """

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        checksum = self.get_source_checksum(source)
        bucket = Bucket(environment, self.get_cache_key(f"{name}|{checksum}", filename), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged file: compiled again (and rewritten) as if missing
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            if not os.path.isdir(self.directory):  # a new amends or Jinja version
                os.makedirs(self.directory, exist_ok=True)
                prune_stale(Path(self.directory), "templates-*")
            super().dump_bytecode(bucket)
        except OSError:
            return  # a read-only or full cache folder: compiled again next time


class _FlatGlobalsEnvironment(Environment):
    """An environment whose templates read their globals from one plain dict.

    Jinja 3.1 gives each template a ``ChainMap`` over the environment's globals,
    read in Python on every render (``range``, ``namespace``... copied into each
    context, and compared again at every ``{% import %}``): about a third of the
    cost of rendering a short message. Ours are set once, before any template
    loads (as Jinja asks), so a flat copy answers the same. Templates loaded without
    globals of their own share one copy, so a plan's messages (rendered together by
    :class:`amends.plan.english.Renderer`) lay their values over it once, not per template.
    """

    _shared_globals: dict[str, Any] | None = None

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        if d:
            return {**self.globals, **d}
        if self._shared_globals is None:
            self._shared_globals = dict(self.globals)
        return self._shared_globals

    def _load_template(self, name: str, globals: MutableMapping[str, Any] | None) -> Template:
        # Jinja lays globals given for an already loaded template over its own: on the
        # shared copy they would reach every template, so such a template gets its own.
        template = super()._load_template(name, None)
        if globals and template.globals is self._shared_globals:
            template.globals = {**template.globals, **globals}
        elif globals:
            template.globals.update(globals)
        return template


@cache
def environment() -> Environment:
    """The Jinja2 environment for plain-text messages (no HTML autoescaping)."""
    env = _FlatGlobalsEnvironment(
        loader=PackageLoader("amends", "templates"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        autoescape=False,
        # Templates are package data: checking their files for changes on every
        # render (one stat per template per message) would find nothing.
        auto_reload=False,
    )
    env.bytecode_cache = TemplateCache(str(_template_folder(env)), "%s.jinja")
    env.filters["lower_first"] = lambda text: text[:1].lower() + text[1:]
    env.filters["upper_first"] = lambda text: text[:1].upper() + text[1:]
    env.filters["md"] = markdown_text
    env.filters["fence"] = code_fence
    return env


def _template_folder(env: Environment) -> Path:
    """``<cache dir>/templates-<fingerprint>``: one folder per amends and Jinja version and
    per environment setting that changes the compiled code (the file names cover the sources)."""
    settings = (
        __version__,
        jinja2.__version__,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.autoescape,
        env.optimized,
        env.undefined.__name__,
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
    )
    digest = hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / f"templates-{digest}"


def compile_snippet(env: Environment, source: str) -> Template:
    """``env.from_string(source)``, through the environment's bytecode cache.

    Jinja's ``from_string`` always compiles; snippets are data as fixed as the
    template files, so their compiled code is kept the same way.
    """
    cache = env.bytecode_cache
    if cache is None:
        return env.from_string(source)
    bucket = cache.get_bucket(env, "<snippet>", None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        cache.set_bucket(bucket)
    template = env.template_class.from_code(env, bucket.code, env.make_globals(None), None)
    names = _names_read(env, source)
    if names is not None:
        _READS[template] = names
    return template


_READS: dict[Template, tuple[str, ...]] = {}
"""The context names each compiled snippet reads, found once when it is compiled (a snippet
that is not here is rendered every time)."""

_OTHER_TEMPLATES = (
    jinja2.nodes.Include,
    jinja2.nodes.Import,
    jinja2.nodes.FromImport,
    jinja2.nodes.Extends,
)


def _names_read(env: Environment, source: str) -> tuple[str, ...] | None:
    """Every name ``source`` looks up in its context (in any branch), in a fixed order;
    ``None`` when other templates it includes or imports may read more.

    Jinja's own list leaves out the names of globals (``range``, ``dict``...), but a
    value passed under such a name is what the snippet reads, so they are in too.
    """
    parsed = env.parse(source)
    if parsed.find(_OTHER_TEMPLATES) is not None:  # type: ignore[arg-type]
        return None
    names = jinja2.meta.find_undeclared_variables(parsed)
    names |= {
        node.name
        for node in parsed.find_all(jinja2.nodes.Name)
        if node.ctx == "load" and node.name in env.globals
    }
    return tuple(sorted(names))


# Characters that Markdown or the HTML inside it would read as markup.
_MARKDOWN_SPECIAL = frozenset("\\`*_[]<>&|~#")


def markdown_text(value: object) -> str:
    """User text for a Markdown document: every markup character backslash-escaped.

    ``<img src=x onerror=...>`` then shows as text in any Markdown renderer instead
    of becoming HTML; ordinary words are untouched.
    """
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in str(value))


def code_fence(body: object) -> str:
    """A backtick fence longer than any backtick run in ``body``, so it cannot be closed early."""
    longest = run = 0
    for ch in str(body):
        run = run + 1 if ch == "`" else 0
        longest = max(longest, run)
    return "`" * max(3, longest + 1)


@cache
def snippets(name: str) -> dict[str, Any]:
    """The TOML table ``data/<name>.toml``."""
    return data_table(name)


_FIELD = re.compile(r"\{\{ *([A-Za-z_][A-Za-z0-9_]*) *\}\}")
_MARKS = ("{{", "{%", "{#", "}}", "%}", "#}", "\r")
# Names Jinja reads as something other than a context value (any case: "True", "none"):
# literals, operators and keywords, and the template's own ``self`` -- left to Jinja.
_LITERALS = frozenset(
    {"true", "false", "none", "not", "and", "or", "in", "is", "if", "else", "elif", "endif"}
    | {"for", "endfor", "recursive", "self", "loop", "block", "extends", "import", "include"}
)


@dataclass(frozen=True)
class Substitution:
    """A snippet whose only Jinja syntax is ``{{ name }}``: literal text and names, alternating.

    Rendering it is joining the pieces with ``str`` of each value, exactly what
    Jinja's compiled code does for such a template (no autoescaping, no finalize),
    without building a Jinja context per call; a missing name fails as
    ``StrictUndefined`` does.
    """

    parts: tuple[str, ...]

    def __hash__(self) -> int:  # a rendered-text key hashes it on every look-up: hashed once
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash(self.parts)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The names the text reads, each once."""
        return tuple(dict.fromkeys(self.parts[1::2]))

    @classmethod
    def of(cls, source: str) -> Substitution | None:
        """The pieces of ``source``, or ``None`` when it uses any other Jinja syntax."""
        if any(mark in _FIELD.sub("", source) for mark in _MARKS):
            return None
        parts = tuple(_FIELD.split(source))
        names = parts[1::2]
        if any(n.lower() in _LITERALS or n in environment().globals for n in names):
            return None  # a literal or a global, which Jinja itself must render
        return cls(parts)

    def render(self, **context: Any) -> str:
        """The text with every name replaced by its value."""
        parts = self.parts
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            name = parts[i]
            if name not in context:
                raise jinja2.UndefinedError(f"{name!r} is undefined")
            out.append(str(context[name]))
            out.append(parts[i + 1])
        return "".join(out)


_IF = re.compile(r"\{% *if +([A-Za-z_][A-Za-z0-9_]*) *%\}(.*?)\{% *endif *%\}")


@dataclass(frozen=True)
class Conditional:
    """A one-line snippet of text, ``{{ name }}`` and ``{% if name %}...{% endif %}`` sections.

    The sections hold text and names only (no ``else``, no nesting); one is written
    when its name's value is true, as Jinja's ``if`` reads it, and a missing name fails
    as ``StrictUndefined`` does. One line only, and never a block at the very start
    after spaces, so ``trim_blocks`` and ``lstrip_blocks`` have nothing to remove.
    """

    pieces: tuple[tuple[str | None, Substitution], ...]

    def __hash__(self) -> int:  # a rendered-text key hashes it on every look-up: hashed once
        return self._hash

    @cached_property
    def _hash(self) -> int:
        return hash(self.pieces)

    @cached_property
    def names(self) -> tuple[str, ...]:
        """The names any section reads (its condition, its text), each once."""
        found = [n for name, sub in self.pieces for n in ((name,) if name else ()) + sub.names]
        return tuple(dict.fromkeys(found))

    @classmethod
    def of(cls, source: str) -> Conditional | None:
        """The sections of ``source``, or ``None`` when it uses any other Jinja syntax."""
        if "\n" in source or re.match(r"[ \t]+\{%", source):
            return None
        pieces: list[tuple[str | None, Substitution | None]] = []
        end = 0
        for found in _IF.finditer(source):
            name = found.group(1)
            if name.lower() in _LITERALS or name in environment().globals:
                return None
            pieces.append((None, Substitution.of(source[end : found.start()])))
            pieces.append((name, Substitution.of(found.group(2))))
            end = found.end()
        pieces.append((None, Substitution.of(source[end:])))
        if len(pieces) == 1 or any(sub is None for _, sub in pieces):
            return None
        return cls(tuple((name, sub) for name, sub in pieces if sub is not None))

    def render(self, **context: Any) -> str:
        """The text, each section written when its name is true."""
        out = []
        for name, sub in self.pieces:
            if name is not None:
                if name not in context:
                    raise jinja2.UndefinedError(f"{name!r} is undefined")
                if not context[name]:
                    continue
            out.append(sub.render(**context))
        return "".join(out)


@cache
def _snippet_template(name: str, key: str) -> Template | Substitution | Conditional | str:
    """The compiled snippet, or its finished text when it has no Jinja syntax at all."""
    source: Any = snippets(name)
    for part in key.split("."):
        source = source[part]
    if not isinstance(source, str):
        raise KeyError(f"{name}.{key} is not a text snippet")
    if not any(mark in source for mark in ("{{", "{%", "{#")):
        return tidy(source)  # what rendering it would give, without a Jinja context per call
    return (
        Substitution.of(source) or Conditional.of(source) or compile_snippet(environment(), source)
    )


def snippet(name: str, key: str, **context: Any) -> str:
    """Render the snippet ``key`` of ``data/<name>.toml`` with ``context``."""
    template = _snippet_template(name, key)
    return template if isinstance(template, str) else render_snippet(template, context)


def snippet_with(name: str, key: str, context: dict[str, Any]) -> str:
    """:func:`snippet` with its values already in a dict (a checklist renders several
    snippets from one set of values, without copying them into keywords each time)."""
    template = _snippet_template(name, key)
    return template if isinstance(template, str) else render_snippet(template, context)


_PLAIN = frozenset({str, int, bool, type(None)})
"""Values whose equality means the same text. Floats are left out: ``-0.0 == 0.0`` (and
hash alike) but render as different text, so a float is rendered, never looked up."""


def render_snippet(template: Template | Substitution | Conditional, context: dict[str, Any]) -> str:
    """``template`` rendered with ``context`` and tidied.

    Rendering is pure (snippets are data, fixed for the life of the process), so
    a snippet rendered with the same plain values (text, numbers) of the names it
    *reads* is not rendered again: the same sentences recur across plans and slot
    searches, while the other values a call site passes (a plan's own times, a
    step's dates) differ every time and would make every look-up miss.
    """
    names = template.names if not isinstance(template, Template) else _READS.get(template)
    if names is not None:
        try:
            values = tuple([context[name] for name in names])
        except KeyError:  # a name it reads is missing: rendered, so it fails (or not) as before
            return tidy(template.render(**context))
        # Each value's type is part of the key: 1, 1.0 and True are equal but render differently.
        kinds = tuple(map(type, values))
        if _PLAIN.issuperset(kinds):
            key = (template, values, kinds)
            text = _RENDERED.get(key)
            if text is None:
                if len(_RENDERED) >= _RENDERED_MAX:
                    _RENDERED.clear()  # a long-running process's sentences start again
                text = _RENDERED[key] = tidy(template.render(**context))
            return text
    return tidy(template.render(**context))


_RENDERED: dict[tuple[Any, ...], str] = {}
_RENDERED_MAX = 8192


def render_template(template: Template, context: dict[str, Any]) -> str:
    """``template.render(context)``, with one copy of the context instead of three.

    Jinja's ``render`` copies the values into a dict, then again with the globals
    into the context; a short message spends a third of its time there. The
    context is built once here, with the same names and the same precedence
    (values over globals), and an error is reported as ``render`` reports it.
    """
    return render_in(template, {**template.globals, **context})


def render_in(template: Template, parent: dict[str, Any]) -> str:
    """:func:`render_template` with Jinja's parent mapping already built (``template.globals``
    under the values): a plan renders several messages from one set of values, copied once."""
    env = template.environment
    ctx = env.context_class(env, parent, template.name, template.blocks, globals=template.globals)
    try:
        return "".join(template.root_render_func(ctx))
    except Exception:
        env.handle_exception()


def render_text(template: str, **context: Any) -> str:
    """Render ``templates/<template>`` and tidy its whitespace."""
    return tidy(environment().get_template(template).render(**context))


_SPACES = re.compile(r"[ \t]{2,}")


def _collapse_spaces(text: str) -> str:
    """Runs of spaces as one space: a few C-level replaces, no regex scan."""
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def tidy(text: str) -> str:
    """Trim trailing spaces, collapse runs of blank lines and doubled spaces."""
    text = text.strip()
    if text.isprintable():  # one line (every line break and tab is unprintable): spaces only
        return _collapse_spaces(text)
    # Tabs need the regex; runs of spaces alone the cheaper replaces.
    text = _SPACES.sub(" ", text) if "\t" in text else _collapse_spaces(text)
    # Runs of spaces never cross a line break, so one pass over the text does every line.
    text = "\n".join([line.rstrip() for line in text.splitlines()])
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
