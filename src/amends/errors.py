"""Errors the core raises for the interfaces to turn into one-line messages.

Every error a user can cause names the *field* they got wrong and what would
be valid, so the CLI can print ``amends: --tz: ...`` (exit 2) and the web API
can answer 422 with a field path, without either parsing exception text.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Alternative:
    """Another field value that would make the input valid (``scenario`` = ``late``).

    The core never writes an interface's words: the CLI renders this as
    ``--scenario late``, the web as the field's label and the choice's label.
    """

    field: str
    value: str


class AmendsError(Exception):
    """Base class for every error amends raises on purpose."""


class InputError(AmendsError):
    """Bad input from the user: a field, and a sentence saying what would be valid.

    ``field`` uses the snake_case option name (``contact_email``, ``at``); the
    CLI shows it as ``--contact-email`` and the API as the JSON key. A setting
    that only exists as an environment variable is named as such
    (``$AMENDS_SECRET_KEY``) and shown as it is. ``message`` is written in words
    for a person and never names a flag or a command; when the fix lies in
    *another* field, ``alternatives`` carries it as data and each interface
    renders it in its own terms (flags, or labels).
    """

    def __init__(
        self, field: str, message: str, alternatives: tuple[Alternative, ...] = ()
    ) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.alternatives = alternatives

    def cli_text(self) -> str:
        """The message as the command line shows it (``--field: message; use --other x``)."""
        name = self.field
        if name and not name.startswith(("-", "$")) and "/" not in name and "." not in name:
            name = cli_flag(name)
        text = self.message
        if self.alternatives:
            options = " or ".join(f"{cli_flag(a.field)} {a.value}" for a in self.alternatives)
            text = f"{text}; use {options}"
        return f"{name}: {text}" if name else text


def cli_flag(field: str) -> str:
    """``contact_email`` -> ``--contact-email`` (the command line's spelling of a field)."""
    return "--" + field.replace("_", "-")


class StateError(AmendsError):
    """A request that is well-formed but not allowed now (e.g. an illegal case transition)."""


class AccessError(StateError):
    """Allowed to see this, but not to do it (a coach changing a case shared with them)."""


class StoreError(AmendsError):
    """The data store cannot be used (corrupt, locked, from a newer version)."""
