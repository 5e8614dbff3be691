"""Display names and roles: what a reader expects to see for an entity key.

Entity keys are folded and canonical (``north korea``); mentions are inflected
("Nordkoreas", the German genitive). The display name is a mention in base
form: a mention the gazetteer knows as written, else a genitive-``s`` form
whose stem is another mention or a gazetteer name, else the most frequent
full mention (people: the longest frequent form, "Donald Trump" over "Trump")::

    >>> display_name(["Nordkoreas", "Nordkoreas"], "LOC")
    'Nordkorea'
    >>> display_name(["Trump", "Donald Trump", "Trump", "Donald J. Trump", "Donald Trump"], "PER")
    'Donald Trump'

Roles are read from the text around a person's mentions: a role word right
before the name ("US-Präsident Donald Trump") or an apposition ("Die
Sprecherin des Weißen Hauses, Sarah Sanders"), with a genitive complement::

    >>> t = "Die Sprecherin des Weißen Hauses, Sarah Sanders, sagte, US-Präsident Donald Trump komme."
    >>> role_before(t, t.index("Sarah")), role_before(t, t.index("Donald"))
    ('Sprecherin des Weißen Hauses', 'US-Präsident')
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from ..nlp.gazetteer import gazetteer
from ..nlp.keys import fold_name

__all__ = ["display_name", "role_before", "person_aliases"]

# A role noun, optionally with a genitive complement ("des Weißen Hauses", "der Partei").
_ROLE_TAIL = re.compile(
    r"(?P<role>(?:[\w.]+-)?[A-ZÄÖÜ][\w-]*(?:\s+(?:des|der)\s+(?:[A-ZÄÖÜ][\w-]*\s+){0,3}[A-ZÄÖÜ][\w-]*)?)"
    r"(?P<sep>,?\s+)$"
)
_WORDS_BEFORE = 80  # characters looked at before a mention


def display_name(mentions: Iterable[str], type: str) -> str:
    """The base-form name to show for an entity's mentions (see the module docstring)."""
    forms = Counter(" ".join(m.split()) for m in mentions if m.strip())
    if not forms:
        return ""
    gaz = gazetteer()
    folded = {fold_name(f): f for f in forms}
    ranked = sorted(forms, key=lambda f: (-forms[f], -len(f), f))
    if type == "PER":
        # The full name, not the short form an article uses after its first mention; of the
        # full forms the most frequent ("Donald Trump" over a tweet's "Donald J. Trump").
        full = [f for f in ranked if len(f.split()) > 1]
        ranked = full + [f for f in ranked if f not in full]
    for form in ranked:
        if fold_name(form) in gaz.names and not _genitive_of_known(form, folded):
            return form
    for form in ranked:
        stem = _genitive_stem(form)
        if stem and (fold_name(stem) in folded or fold_name(stem) in gaz.names):
            return folded.get(fold_name(stem), stem)
    return ranked[0]


def _genitive_stem(form: str) -> str | None:
    if len(form) > 3 and form.endswith("s") and not form.endswith(("ss", "us", "is", "os")):
        return form[:-1]
    return None


def _genitive_of_known(form: str, folded: dict[str, str]) -> bool:
    """``form`` is a genitive whose stem is also a name ("Hanois" beside "Hanoi")."""
    stem = _genitive_stem(form)
    return stem is not None and fold_name(stem) in folded


def role_before(text: str, start: int) -> str | None:
    """The role the text gives a person right before the mention at ``start``, or ``None``."""
    gaz = gazetteer()
    before = text[max(0, start - _WORDS_BEFORE):start]
    before = before.split("\n")[-1]
    m = _ROLE_TAIL.search(before)
    if not m:
        return None
    role = m.group("role")
    head = role.split()[0]
    if not gaz.is_role(head):
        return None
    return role


def person_aliases(keys: Iterable[str]) -> dict[str, str]:
    """Short person keys of a story mapped to the one full key they abbreviate.

    The analyzer links "Lehtonen" to "Aino Lehtonen" within an article; across the
    articles of one story a surname (or a first name) alone still stands apart. It joins
    the full name when exactly one full name among the story's keys has it as its last
    (or first) word::

        >>> person_aliases(["aino lehtonen", "lehtonen", "aino", "kim", "kim jong un", "kim yo jong"])
        {'lehtonen': 'aino lehtonen', 'aino': 'aino lehtonen'}
    """
    keys = set(keys)
    full = [k for k in keys if " " in k]
    out = {}
    for key in keys:
        if " " in key:
            continue
        last = [f for f in full if f.rsplit(" ", 1)[1] == key]
        first = [f for f in full if f.split(" ", 1)[0] == key]
        matches = last or first
        if len(matches) == 1 and not (last and first and last != first):
            out[key] = matches[0]
    return dict(sorted(out.items(), key=lambda kv: kv[0], reverse=True))
