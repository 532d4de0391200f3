"""The candidate's own details, kept in a small TOML file so they are typed once.

Default location: ``<user config dir>/amends/profile.toml`` (see
:mod:`amends.paths`). Keys: ``name``, ``phone``, ``email``, ``link``, ``tz``,
``senior``, ``greeting`` (``first-name`` or ``formal``), ``english`` (``us`` or ``gb``),
``my_hours`` (your waking hours, e.g. ``"07:00-22:00"``). Values are validated exactly
like the matching ``plan`` options.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from amends.datafiles import parse_toml
from amends.dates.calendar import Hours
from amends.dates.format import ENGLISH_VARIANTS
from amends.dates.zones import zone
from amends.errors import InputError
from amends.export.files import write_atomic
from amends.fields import email_address, one_line, phone_number, web_link
from amends.paths import profile_path
from amends.plan.names import GREETINGS

PROFILE_KEYS = ("name", "phone", "email", "link", "tz", "my_hours", "senior", "greeting", "english")
# profile key -> PlanRequest field
TO_REQUEST = {
    "name": "name",
    "phone": "phone",
    "email": "email",
    "link": "link",
    "tz": "my_tz",
    "my_hours": "my_hours",
    "senior": "senior",
    "greeting": "greeting",
    "english": "english",
}


def load_profile(path: Path | None = None) -> dict[str, Any]:
    """Profile values as ``PlanRequest`` field names; ``{}`` when the default file is absent.

    An explicitly given path that does not exist is an error; the default one is optional.
    """
    explicit = path is not None
    file = path or profile_path()
    if not file.exists():
        if explicit:
            raise InputError("profile", f"{file}: no such file")
        return {}
    try:
        data = parse_toml(file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError("profile", f"{file}: cannot be read ({exc.__class__.__name__})") from None
    except ValueError as exc:  # TOMLDecodeError (a UnicodeDecodeError is caught above)
        raise InputError("profile", f"{file}: not valid TOML ({exc})") from None
    return _validated(data, file)


def _validated(data: dict[str, Any], file: Path) -> dict[str, Any]:
    unknown = sorted(set(data) - set(PROFILE_KEYS))
    if unknown:
        raise InputError(
            "profile", f"{file}: unknown key {unknown[0]!r}; valid keys: {', '.join(PROFILE_KEYS)}"
        )
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "senior":
            if not isinstance(value, bool):
                raise InputError("profile", f"{file}: senior must be true or false")
            values["senior"] = value
            continue
        if not isinstance(value, str):
            raise InputError("profile", f"{file}: {key} must be a string")
        check: Callable[[str], str] = {
            "name": lambda v: one_line(v, "name", max_length=100),
            "phone": lambda v: phone_number(v, "phone"),
            "email": lambda v: email_address(v, "email"),
            "link": _link,
            "tz": lambda v: zone(v, "tz").key,
            "greeting": lambda v: _one_of(v, GREETINGS, "greeting"),
            "english": lambda v: _one_of(v, ENGLISH_VARIANTS, "english"),
            "my_hours": lambda v: Hours.parse(v, "my_hours", overnight=True).text,
        }[key]
        try:
            values[TO_REQUEST[key]] = check(value)
        except InputError as err:
            # The user did not type --tz or --phone: point at the file and its key instead.
            raise InputError("profile", f"{file}: {key}: {err.message}") from None
    return values


def _one_of(value: str, allowed: tuple[str, ...], field: str) -> str:
    key = value.strip().lower()
    if key not in allowed:
        raise InputError(field, f"{value[:20]!r} is not valid; use one of: {', '.join(allowed)}")
    return key


def _link(value: str) -> str:
    return web_link(value, "link")


def save_profile(values: dict[str, Any], path: Path | None = None) -> Path:
    """Write the profile (only known keys), atomically and readable only by the user."""
    file = path or profile_path()
    file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    lines = ["# amends profile: your own details, used by every plan"]
    for key in PROFILE_KEYS:
        value = values.get(key)
        if value is None or value == "":
            continue
        rendered = (
            ("true" if value else "false")
            if isinstance(value, bool)
            else json.dumps(str(value), ensure_ascii=False)
        )
        lines.append(f"{key} = {rendered}")
    _validated(parse_toml("\n".join(lines)), file)
    # A private temp file (0600) moved into place: never half-written, never world-readable.
    return write_atomic(
        file, ("\n".join(lines) + "\n").encode("utf-8"), force=True, field="profile"
    )
