"""Password hashing with argon2id (argon2-cffi), and the password rule.

Only the hash is stored. argon2-cffi's defaults are argon2id with the RFC 9106
low-memory profile; :func:`needs_rehash` lets sign-in upgrade old hashes when
those parameters change.
"""

from __future__ import annotations

from argon2 import Parameters, PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from amends.errors import InputError

MIN_LENGTH = 10
MAX_LENGTH = 1024

_HASHER = PasswordHasher()
# verified against when the email is unknown, so a wrong address costs the same time
_DUMMY_HASH = _HASHER.hash("not a password anyone has")


def use_parameters(parameters: Parameters) -> None:
    """Hash with other argon2id parameters from now on (the test suite's cheap profile).

    Production keeps argon2-cffi's default; existing hashes stay verifiable,
    and :func:`needs_rehash` upgrades them at the next sign-in.
    """
    global _HASHER, _DUMMY_HASH
    if parameters.type is not Type.ID:
        raise ValueError("amends hashes passwords with argon2id only")
    _HASHER = PasswordHasher.from_parameters(parameters)
    _DUMMY_HASH = _HASHER.hash("not a password anyone has")


def check_password(password: str, field: str = "password") -> str:
    """The password, or ``InputError`` saying what a valid one looks like."""
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise InputError(
            field,
            f"a password needs {MIN_LENGTH} to {MAX_LENGTH} characters (a few words work well)",
        )
    if password.strip() != password or any(c in password for c in "\r\n\x00"):
        raise InputError(field, "a password cannot start or end with spaces or hold line breaks")
    return password


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (after checking the rule)."""
    return _HASHER.hash(check_password(password))


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; a missing account still takes a full verification."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(password_hash)
