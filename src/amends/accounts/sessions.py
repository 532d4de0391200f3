"""Opaque session tokens: random, shown to the browser once, kept only as a hash.

A token is 32 random bytes (URL-safe text); the database holds its SHA-256,
so a leaked database holds no usable cookie. Sessions expire after
:data:`SESSION_HOURS` and end on sign-out, password reset and disabling.
"""

from __future__ import annotations

import hashlib
import secrets

SESSION_HOURS = 12
TOKEN_BYTES = 32


def new_token() -> str:
    """A fresh, unguessable session token."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What the store keeps for ``token`` (and looks it up by)."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()
