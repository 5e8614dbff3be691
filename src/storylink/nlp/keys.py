"""Canonical keys that link entity variants within and across articles.

A key is the name folded to lower case, with hyphens, dots and apostrophes
turned into spaces and diacritics removed; names the gazetteer knows map to the
gazetteer's key, so spellings in other languages meet::

    >>> canonical_key("Kim Jong-un") == canonical_key("Kim Jong Un")
    True
    >>> canonical_key("Nordkoreas"), canonical_key("North Korea")
    ('north korea', 'north korea')
    >>> canonical_key("Pjöngjang") == canonical_key("Pyongyang")
    True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["canonical_key", "fold_name"]

_SEP = re.compile(r"[\s\-‐‑–_.’'`´]+")
# ß and a few letters that NFKD does not decompose into base + mark.
_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def fold_name(name: str) -> str:
    """The spelling-insensitive form of a name: lower case, no diacritics, one space
    between the parts.

    Example::

        >>> fold_name("Kim Jong-un"), fold_name("Erdoğan"), fold_name("Weißes Haus")
        ('kim jong un', 'erdogan', 'weisses haus')
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEP.sub(" ", bare).strip().casefold()


def canonical_key(name: str) -> str:
    """The key of a full name, independent of the article it occurs in.

    Names in the gazetteer (places, organisations, well-known people, in German
    and other languages, German genitive ``-s`` included) get the gazetteer's key;
    any other name gets its folded form. Short forms ("Trump" for "Donald Trump")
    are resolved within an article by ``storylink.nlp.entities``, not here.

    Example::

        >>> canonical_key("Wladimir Putin") == canonical_key("Vladimir Putin")
        True
        >>> canonical_key("Sarah Sanders")
        'sarah sanders'
    """
    from .gazetteer import gazetteer  # the gazetteer folds its names with fold_name

    folded = fold_name(name)
    entry = gazetteer().lookup_folded(folded, genitive=True)
    return entry.key if entry is not None else folded
