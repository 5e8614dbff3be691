"""Canonical keys that link entity variants within and across articles.

    >>> canonical_key("Kim Jong-un") == canonical_key("Kim Jong Un")
    True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_key"]

_SEP = re.compile(r"[\s\-‐‑–_.’']+")


def canonical_key(name: str) -> str:
    """Lower-case, hyphens and dots folded to spaces, accents kept (``Pjöngjang`` ≠ ``Pjongjang``
    is left to the gazetteer)."""
    name = unicodedata.normalize("NFC", name)
    return _SEP.sub(" ", name).strip().casefold()
