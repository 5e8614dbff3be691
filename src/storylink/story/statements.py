"""Who said what: quotes grouped by speaker, and a speaker's quotes grouped into statements.

A speaker is a canonical entity key (the analyzer resolved "Trump", "der
US-Präsident" and "Donald J. Trump" to ``donald trump``), or, for a speaker the
texts do not name, the mention itself without its article ("ein Sprecher des
Ministeriums" and "der Sprecher des Ministeriums" meet); a quote without any
attribution that is worded exactly like quotes of one named speaker elsewhere in
the story is theirs, the others are kept under an unattributed speaker.

Within a speaker two quotes state the same thing when one lies inside the other
in one article (a direct phrase inside reported speech), when the words of one
are a run of the other's (verbatim), or when their closest sentences are
paraphrases: USE cosine at least ``PARAPHRASE_COS`` (multilingual, so across
languages too), or at least ``OVERLAP_COS`` with half their words shared (same
language). Statements are the connected groups. The pairwise step is capped:
a speaker's ``MAX_QUOTES_PER_SPEAKER`` longest quotes are grouped, the rest
stand alone, so a 5,000-member story stays linear in its quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from ..document import Quote
from ..evidence import quote_units
from ..nlp.gazetteer import gazetteer
from .inputs import MemberData
from .model import Speaker, Statement, StatementQuote
from .names import display_name, role_before

__all__ = ["build_quotes", "PARAPHRASE_COS", "OVERLAP_COS", "MAX_QUOTES_PER_SPEAKER"]

PARAPHRASE_COS = 0.7
OVERLAP_COS = 0.55
MIN_PARAPHRASE_WORDS = 4
MAX_QUOTES_PER_SPEAKER = 400

_WORD = re.compile(r"\w+")
_DETERMINERS = frozenset("der die das den dem des ein eine einer eines einem einen the a an".split())
_PRONOUNS = frozenset("er sie es ich wir ihr man he she it they we i".split())
_UNATTRIBUTED = "(unattributed)"


def _speaker_id(q: Quote, aliases: dict[str, str]) -> tuple[str | None, str]:
    """(entity key or None, grouping id) of a quote's speaker."""
    if q.speaker:
        key = aliases.get(q.speaker, q.speaker)
        return key, f"key:{key}"
    words = _WORD.findall((q.speaker_text or "").lower())
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    if not words or (len(words) == 1 and words[0] in _PRONOUNS):
        return None, "none"
    return None, "text:" + " ".join(words)


class _Groups:
    """Union-find over quote indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def build_quotes(members: Sequence[MemberData], aliases: dict[str, str] | None = None) -> tuple[Speaker, ...]:
    """Speakers with their statements, most quoted first; the unattributed last.

    ``aliases`` maps short person keys to the full key they stand for in this story
    (``names.person_aliases``)."""
    aliases = aliases or {}
    by_speaker: dict[str, list[tuple[MemberData, int, Quote]]] = defaultdict(list)
    keys: dict[str, str | None] = {}
    for m in members:
        if m.analysis is None:
            continue
        for k, q in enumerate(m.analysis.quotes):
            key, sid = _speaker_id(q, aliases)
            by_speaker[sid].append((m, k, q))
            keys[sid] = key
    _attribute_repeats(by_speaker)
    vectors = {m.id: _quote_vectors(m) for m in members if m.analysis is not None}
    speakers = []
    for sid, quotes in by_speaker.items():
        statements = _statements(quotes, vectors)
        key = keys[sid]
        roles = _roles(key, quotes, members, aliases)
        speakers.append(Speaker(
            key=key,
            name=_speaker_name(sid, key, quotes, members, aliases),
            named=key is not None,
            role=roles[0] if roles else None,
            roles=tuple(roles),
            quotes=len(quotes),
            statements=statements,
        ))
    speakers.sort(key=lambda s: (s.name == _UNATTRIBUTED, not s.named, -s.quotes, s.name))
    return tuple(speakers)


def _attribute_repeats(by_speaker: dict[str, list[tuple[MemberData, int, Quote]]]) -> None:
    """An unattributed quote worded exactly like quotes of one named speaker elsewhere in the
    story ("keine Eile" in a ticker headline, Trump's words in the agency text) is theirs."""
    unattributed = by_speaker.get("none")
    if not unattributed:
        return
    owners: dict[str, set[str]] = defaultdict(set)
    for sid, quotes in by_speaker.items():
        if sid.startswith("key:"):
            for _, _, q in quotes:
                owners[" ".join(_WORD.findall(q.text.lower()))].add(sid)
    keep = []
    for item in unattributed:
        found = owners.get(" ".join(_WORD.findall(item[2].text.lower())), set())
        if len(found) == 1:
            by_speaker[next(iter(found))].append(item)
        else:
            keep.append(item)
    if keep:
        by_speaker["none"] = keep
    else:
        del by_speaker["none"]


def _quote_vectors(m: MemberData) -> list[np.ndarray | None]:
    """Per quote of the member: its unit vectors (rows of the profile's ``quote_use``)."""
    assert m.analysis is not None
    units = quote_units(m.analysis)
    per: list[list[int]] = [[] for _ in m.analysis.quotes]
    for row, (_, _, k) in enumerate(units):
        per[k].append(row)
    if m.quote_use is None or len(m.quote_use) != len(units):
        return [None] * len(per)
    return [m.quote_use[rows] if rows else None for rows in per]


def _statements(quotes: list[tuple[MemberData, int, Quote]],
                vectors: dict[str, list[np.ndarray | None]]) -> tuple[Statement, ...]:
    order = sorted(range(len(quotes)), key=lambda i: -(quotes[i][2].end - quotes[i][2].start))
    grouped = sorted(order[:MAX_QUOTES_PER_SPEAKER])
    groups = _Groups(len(quotes))
    words = [_WORD.findall(q.text.lower()) for _, _, q in quotes]
    flat = [f" {' '.join(w)} " for w in words]
    vecs = [vectors[m.id][k] for m, k, _ in quotes]
    cos = _max_cosines([vecs[i] for i in grouped])
    slot = {i: x for x, i in enumerate(grouped)}
    for x, i in enumerate(grouped):
        mi, _, qi = quotes[i]
        for j in grouped[x + 1:]:
            mj, _, qj = quotes[j]
            if mi is mj and qi.start < qj.end and qj.start < qi.end:
                groups.union(i, j)
                continue
            ni, nj = len(words[i]), len(words[j])
            if min(ni, nj) >= 2 and (flat[i] in flat[j] or flat[j] in flat[i]):
                groups.union(i, j)
                continue
            if min(ni, nj) < MIN_PARAPHRASE_WORDS or vecs[i] is None or vecs[j] is None:
                continue
            c = cos[slot[i], slot[j]]
            if c >= PARAPHRASE_COS or (c >= OVERLAP_COS and mi.language == mj.language
                                        and _dice(words[i], words[j]) >= 0.5):
                groups.union(i, j)
    members_of: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        members_of[groups.find(i)].append(i)
    out = []
    for idx in members_of.values():
        idx.sort(key=lambda i: (quotes[i][0].position, quotes[i][2].start))
        items = tuple(_statement_quote(quotes[i][0], quotes[i][2]) for i in idx)
        dates = sorted(q.date for q in items if q.date)
        first = items[0]
        out.append(Statement(
            id=f"{first.article_id}:{first.start}",
            quotes=items,
            sources=len({q.article_id for q in items}),
            first_date=dates[0] if dates else None,
        ))
    out.sort(key=lambda s: (-s.sources, -len(s.quotes), s.id))
    return tuple(out)


def _max_cosines(vecs: list[np.ndarray | None]) -> np.ndarray:
    """Quote by quote, the best cosine between their sentences (-1 where one has no vectors):
    one product over all units, reduced per quote on both axes."""
    n = len(vecs)
    present = [k for k, v in enumerate(vecs) if v is not None and len(v)]
    out = np.full((n, n), -1.0, dtype=np.float32)
    if not present:
        return out
    units = np.concatenate([vecs[k] for k in present]).astype(np.float32)  # type: ignore[misc]
    bounds = np.cumsum([0] + [len(vecs[k]) for k in present])[:-1]  # type: ignore[arg-type]
    sims = np.maximum.reduceat(np.maximum.reduceat(units @ units.T, bounds, axis=0), bounds, axis=1)
    out[np.ix_(present, present)] = sims
    return out


def _statement_quote(m: MemberData, q: Quote) -> StatementQuote:
    return StatementQuote(
        article_id=m.id, start=q.start, end=q.end, text=q.text, kind=q.kind, date=q.date,
        speaker_text=q.speaker_text, speaker_start=q.speaker_start, speaker_end=q.speaker_end,
        language=m.language,
    )


def _dice(a: list[str], b: list[str]) -> float:
    shared = sum((Counter(a) & Counter(b)).values())
    return 2.0 * shared / (len(a) + len(b)) if a and b else 0.0


def _speaker_name(sid: str, key: str | None, quotes: list[tuple[MemberData, int, Quote]],
                  members: Sequence[MemberData], aliases: dict[str, str]) -> str:
    if key is not None:
        forms = [e.text for m in members if m.analysis for e in m.analysis.entities
                 if aliases.get(e.key, e.key) == key]
        return display_name(forms, "PER") if forms else key.title()
    if sid == "none":
        return _UNATTRIBUTED
    written = Counter(" ".join(q.speaker_text.split()) for _, _, q in quotes if q.speaker_text)
    return written.most_common(1)[0][0] if written else sid[5:]


def _roles(key: str | None, quotes: list[tuple[MemberData, int, Quote]], members: Sequence[MemberData],
           aliases: dict[str, str]) -> list[str]:
    """The roles the texts give the speaker, most frequent first."""
    if key is None:
        return []
    found: Counter[str] = Counter()
    for m in members:
        if m.analysis is None:
            continue
        text = m.article.text
        starts = {e.start for e in m.analysis.entities if aliases.get(e.key, e.key) == key}
        starts |= {q.speaker_start for qm, _, q in quotes if qm is m and q.speaker_start is not None}
        for start in sorted(starts):
            role = role_before(text, start)
            if role:
                found[role] += 1
    # A quote attributed to a role alone ("sagte der US-Präsident") names the role too.
    gaz = gazetteer()
    for _, _, q in quotes:
        words = (q.speaker_text or "").split()
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
        if words and gaz.is_role(words[0]):
            found[" ".join(words)] += 1
    return [r for r, _ in found.most_common()]
