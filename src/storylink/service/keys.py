"""API keys: who may write through the service.

A key is a random token shown once, when it is made (``storylink keys add``); the
store keeps only its SHA-256 (a key has 256 random bits, so a fast hash is as good
as a slow one here: there is no password to guess). ``STORYLINK_API_KEY`` is a
key set by the environment, compared in constant time::

    >>> key = new_key()
    >>> key.startswith("sl_"), len(key_id(hash_key(key)))
    (True, 8)

Rules (``authorize``): writes always need a key, reads only when
``read_key_required`` is set; no key is a ``KeyRequired`` (HTTP 401), a wrong
or revoked one a ``KeyRefused`` (HTTP 403).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from ..config import Settings
from ..errors import KeyRefused, KeyRequired
from ..store import Store

__all__ = ["new_key", "hash_key", "key_id", "add_key", "authorize", "key_from_headers", "COOKIE"]

#: The cookie the web pages keep a reader's key in (set by ``POST /key``). Reads only: a write
#: needs the key in a header, so that a form on another site cannot post with an editor's cookie.
COOKIE = "storylink_key"


def new_key() -> str:
    return "sl_" + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_id(key_hash: str) -> str:
    """The short public name of a key: the head of its hash (safe to show and log)."""
    return key_hash[:8]


def add_key(store: Store, name: str) -> tuple[str, dict[str, Any]]:
    """Make and store a key; returns the key (shown once) and its row."""
    key = new_key()
    digest = hash_key(key)
    store.add_api_key(key_id(digest), name, digest)
    row = store.api_key_by_hash(digest)
    assert row is not None  # just written in the same store
    return key, row


def key_from_headers(headers: Any) -> str | None:
    """The key of ``X-API-Key`` or ``Authorization: Bearer …``; ``None`` when neither is given."""
    key = headers.get("x-api-key")
    if key:
        return str(key).strip() or None
    auth = headers.get("authorization") or ""
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def authorize(key: str | None, *, store: Store, settings: Settings, write: bool, where: str) -> str | None:
    """The id of the key that allows this request (``env`` for ``STORYLINK_API_KEY``), or ``None``
    for an open read.

    Raises:
        KeyRequired: a key is needed and none was given.
        KeyRefused: the key given is unknown or revoked.
    """
    if key is None:
        if not write and not settings.read_key_required:
            return None
        configured = "" if settings.api_key or store.api_keys() else (
            "; none is configured yet: set STORYLINK_API_KEY or run storylink keys add")
        raise KeyRequired(f"an API key is required (X-API-Key or Authorization: Bearer){configured}", source=where)
    if settings.api_key and hmac.compare_digest(key.encode("utf-8"), settings.api_key.encode("utf-8")):
        return "env"
    row = store.api_key_by_hash(hash_key(key))
    if row is None:
        raise KeyRefused("the API key is not valid", source=where)
    if row["revoked_at"]:
        raise KeyRefused(f"the API key {row['id']} was revoked at {row['revoked_at']}", source=where)
    return str(row["id"])
