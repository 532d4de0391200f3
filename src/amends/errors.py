"""Errors the core raises for the interfaces to turn into one-line messages.

Every error a user can cause names the *field* they got wrong and what would
be valid, so the CLI can print ``amends: --tz: ...`` (exit 2) and the web API
can answer 422 with a field path, without either parsing exception text.
"""

from __future__ import annotations


class AmendsError(Exception):
    """Base class for every error amends raises on purpose."""


class InputError(AmendsError):
    """Bad input from the user: a field, and a sentence saying what would be valid.

    ``field`` uses the snake_case option name (``contact_email``, ``at``); the
    CLI shows it as ``--contact-email`` and the API as the JSON key. A setting
    that only exists as an environment variable is named as such
    (``$AMENDS_SECRET_KEY``) and shown as it is.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def cli_text(self) -> str:
        """The message as the command line shows it (``--field: message``)."""
        name = self.field
        if name and not name.startswith(("-", "$")) and "/" not in name and "." not in name:
            name = "--" + name.replace("_", "-")
        return f"{name}: {self.message}" if name else self.message


class StateError(AmendsError):
    """A request that is well-formed but not allowed now (e.g. an illegal case transition)."""


class AccessError(StateError):
    """Allowed to see this, but not to do it (a coach changing a case shared with them)."""


class StoreError(AmendsError):
    """The data store cannot be used (corrupt, locked, from a newer version)."""
