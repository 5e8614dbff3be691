"""Named entities (PER, LOC, ORG, MISC) with canonical keys.

German text goes through a CRF tagger trained on GermEval 2014 data and the
hand-annotated German news of ``tests/data/news_gold`` (its tuned splits;
``storylink/models/ner-de.crfsuite``, see ``train_ner``) whose features include
distributional word clusters learnt from unlabelled German news
(``storylink/data/ner_clusters.tsv``), followed by a
rule layer: roles and titles are cut off names ("US-Präsident Donald Trump" →
"Donald Trump"), gazetteer places and organisations the tagger missed are
added, and surnames of people named in full elsewhere in the article are found
again. Within an article a name keeps one type (the one most of its mentions
have) and is tagged wherever it recurs (``DOC_CONSISTENCY``). Other languages get a lighter path: gazetteer matches plus capitalised
sequences typed by first names, roles and organisation heads.

Keys link mentions: a full name gets ``keys.canonical_key`` (the same in every
article and language), a short form gets the key of the full name in the same
article that contains it ("Trump", "Trumps" → ``donald trump``)::

    >>> from storylink.nlp.segment import segment
    >>> text = "US-Präsident Donald Trump traf Kim Jong-un in Hanoi. Trump lobte Kim."
    >>> [(e.text, e.type, e.key) for e in find_entities(text, segment(text)[1], "de")]  # doctest: +SKIP
    [('Donald Trump', 'PER', 'donald trump'), ('Kim Jong-un', 'PER', 'kim jong un'),
     ('Hanoi', 'LOC', 'hanoi'), ('Trump', 'PER', 'donald trump'), ('Kim', 'PER', 'kim jong un')]
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import Entity, Sentence
from ..errors import ModelError
from .gazetteer import ORG_HEADS, Gazetteer, gazetteer
from .keys import canonical_key, fold_name

__all__ = ["find_entities", "tag_words", "mention_spans", "word_features", "MODEL_PATH", "TYPES"]

MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "ner-de.crfsuite"
#: Word → distributional cluster ids at three granularities (see ``train_ner.build_clusters``).
CLUSTERS_PATH = Path(__file__).resolve().parents[1] / "data" / "ner_clusters.tsv"
TYPES = ("PER", "LOC", "ORG", "MISC")

_TOKEN = re.compile(r"(?:[A-ZÄÖÜ]\.){2,}|\w+(?:[-‐&]\w+)*(?:['’](?![sS]\b)\w+)*|\S")
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?]+(?=\s+[\"„“»A-ZÄÖÜ0-9])|$)", re.M)
_UPPER = re.compile(r"[A-ZÄÖÜÀ-ÝŁŚŻŹĆŃ]")


@dataclass(frozen=True, slots=True)
class _Word:
    start: int
    end: int
    text: str


# --- features (shared by training and tagging) ------------------------------


def _shape(word: str) -> str:
    """Word shape with runs collapsed: "Jong-un" → "Xx-x", "G20" → "Xd"."""
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:8]


@functools.lru_cache(maxsize=1)
def _hanta() -> Any:
    try:
        from HanTa import HanoverTagger as ht

        return ht.HanoverTagger("morphmodel_ger.pgz")
    except Exception as exc:  # noqa: BLE001 - any failure means the package data is unusable
        raise ModelError(f"HanTa German model cannot be loaded: {exc}", source="morphmodel_ger.pgz") from exc


@functools.lru_cache(maxsize=200_000)
def _word_class(word: str) -> str:
    """HanTa's most likely STTS tag of a capitalised word out of context
    (``NE`` proper noun, ``NN`` noun, …); ``lc``/``p`` for others.

    Only capitalised words are looked up and the answer is cached: tagging whole
    sentences costs ~0.2 ms a token, far over the time this layer may take."""
    if not word[:1].isupper():
        return "lc" if word[:1].isalpha() else "p"
    tags = _hanta().tag_word(word)
    return str(tags[0][0]) if tags else "?"


@functools.lru_cache(maxsize=1)
def _clusters() -> dict[str, tuple[str, ...]]:
    """The cluster table; empty when the file is absent (then the features are just missing)."""
    if not CLUSTERS_PATH.exists():
        return {}
    table = {}
    with CLUSTERS_PATH.open(encoding="utf-8") as fh:
        for line in fh:
            word, *ids = line.rstrip("\n").split("\t")
            table[word] = tuple(ids)
    return table


def _gazetteer_marks(words: list[str], gaz: Gazetteer, genitive: bool) -> list[str]:
    """``B-LOC``/``I-ORG`` … for the longest gazetteer matches over the words."""
    marks = ["O"] * len(words)
    folded = [fold_name(w) for w in words]
    i = 0
    while i < len(words):
        hit = None
        if folded[i] and folded[i].split(" ", 1)[0] in gaz.first_words and words[i][:1].isalnum():
            for j in range(min(len(words), i + gaz.max_words), i, -1):
                entry = gaz.lookup_folded(" ".join(folded[i:j]), genitive=genitive)
                if entry is not None:
                    hit = (j, entry)
                    break
        if hit is None and genitive and words[i][:1].isupper():
            entry = gaz.lookup_folded(folded[i], genitive=True)
            if entry is not None:
                hit = (i + 1, entry)
        if hit is None:
            i += 1
            continue
        j, entry = hit
        if not (words[i][:1].isupper() or words[i][:1].isdigit()
                or " ".join(folded[i:j]) in gaz.lower_case):
            i += 1
            continue
        marks[i] = f"B-{entry.type}"
        for k in range(i + 1, j):
            marks[k] = f"I-{entry.type}"
        i = j
    return marks


#: Optional feature groups beyond the base set (``bench/ner.py`` measures each):
#: ``win2`` shape, capitals, gazetteer mark and cluster of the words two away;
#: ``allc`` every cluster level (not just the middle one) of the neighbours;
#: ``lowknown`` a capitalised word whose lower-case form is a common word (sentence starts:
#: "Die", "Nach"); ``bigram`` the word pairs with each neighbour; ``quote`` inside quotation
#: marks (titles of works, MISC). The shipped model is trained with ``FEATURES``.
FEATURE_GROUPS = ("win2", "allc", "lowknown", "bigram", "quote")
FEATURES: frozenset[str] = frozenset()


def word_features(words: list[str], *, extras: frozenset[str] | None = None) -> list[dict[str, Any]]:
    """CRF features of the words of one German sentence (``extras``: groups of
    ``FEATURE_GROUPS``; by default ``FEATURES``, those the shipped model knows).

    Example::

        >>> word_features(["Kanzlerin", "Merkel", "reist"])[1]["-1.role"]
        1.0
    """
    extras = FEATURES if extras is None else extras
    gaz = gazetteer()
    marks = _gazetteer_marks(words, gaz, genitive=True)
    clusters = _clusters()
    quoted = _quoted(words) if "quote" in extras else []
    base = []
    for i, w in enumerate(words):
        lower = w.lower()
        f: dict[str, Any] = {
            "bias": 1.0,
            "w": lower,
            "suf2": lower[-2:],
            "suf3": lower[-3:],
            "suf4": lower[-4:],
            "pre3": lower[:3],
            "shape": _shape(w),
            "pos": _word_class(w),
            "gaz": marks[i],
            "len": min(len(w), 8),
        }
        if w[:1].isupper():
            f["cap"] = 1.0
        if w.isupper() and len(w) > 1:
            f["caps"] = 1.0
        if i == 0:
            f["first"] = 1.0
        if "-" in w:
            f["hyph"] = 1.0
            f["hyph.head"] = lower.rsplit("-", 1)[-1][-5:]
        if gaz.is_first_name(w):
            f["fname"] = 1.0
        if gaz.is_role(w):
            f["role"] = 1.0
        if w in ORG_HEADS:
            f["orghead"] = 1.0
        ids = clusters.get(w) or clusters.get(w.capitalize() if w.isupper() else w.lower())
        if ids:
            for level, cid in enumerate(ids):
                f[f"c{level}"] = cid
        if "lowknown" in extras and w[:1].isupper() and lower in clusters and lower != w:
            f["lowk"] = 1.0
            if i == 0:
                f["first.lowk"] = 1.0
        if "quote" in extras and quoted[i]:
            f["inq"] = 1.0
        base.append(f)
    levels = [k for k in ("c0", "c1", "c2", "c3") if "allc" in extras or k == "c1"]
    feats = []
    for i, f in enumerate(base):
        out = dict(f)
        for off in (-2, -1, 1, 2):
            j = i + off
            if not 0 <= j < len(base):
                out[f"{off}.edge"] = 1.0
                continue
            n = base[j]
            out[f"{off}.w"] = n["w"]
            if abs(off) == 1:
                out[f"{off}.shape"] = n["shape"]
                out[f"{off}.pos"] = n["pos"]
                out[f"{off}.gaz"] = n["gaz"]
                out[f"{off}.suf3"] = n["suf3"]
                for k in levels:
                    if k in n:
                        out[f"{off}.{k}"] = n[k]
                for flag in ("fname", "role", "orghead", "cap"):
                    if flag in n:
                        out[f"{off}.{flag}"] = 1.0
                if "bigram" in extras:
                    out[f"{off}.bi"] = f"{n['w']}|{f['w']}" if off < 0 else f"{f['w']}|{n['w']}"
            elif "win2" in extras:
                out[f"{off}.shape"] = n["shape"]
                out[f"{off}.gaz"] = n["gaz"]
                if "c1" in n:
                    out[f"{off}.c1"] = n["c1"]
                if "cap" in n:
                    out[f"{off}.cap"] = 1.0
        feats.append(out)
    return feats


def _quoted(words: list[str]) -> list[bool]:
    """Whether each word stands between quotation marks of the sentence."""
    out = []
    inside = False
    for w in words:
        if w in _QUOTES and w not in "‚‘’'":
            # „ and » always open, “ ” « and " toggle: German and English conventions both occur.
            inside = True if w in "„»" else not inside
            out.append(False)
        else:
            out.append(inside)
    return out


# --- the CRF ------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _tagger() -> Any:
    import pycrfsuite

    if not MODEL_PATH.exists():
        raise ModelError("German NER model is missing; run `python -m storylink.nlp.train_ner`", source=str(MODEL_PATH))
    tagger = pycrfsuite.Tagger()
    try:
        tagger.open(str(MODEL_PATH))
    except Exception as exc:  # noqa: BLE001 - crfsuite raises plain errors for broken files
        raise ModelError(f"German NER model cannot be opened: {exc}", source=str(MODEL_PATH)) from exc
    return tagger


def tag_words(words: list[str]) -> list[str]:
    """BIO labels (``B-PER``, ``I-LOC``, ``O`` …) of one German sentence's words."""
    if not words:
        return []
    return list(_tagger().tag(word_features(words)))


def _bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for i, label in enumerate(labels):
        if label == "O":
            continue
        kind = label[2:]
        if label.startswith("I-") and spans and spans[-1][1] == i and spans[-1][2] == kind:
            spans[-1] = (spans[-1][0], i + 1, kind)
        else:
            spans.append((i, i + 1, kind))
    return spans


def mention_spans(words: list[str], *, rules: bool = True) -> list[tuple[int, int, str]]:
    """Entity spans ``(first word, end word, type)`` of one German sentence:
    the CRF's, then (with ``rules``) roles cut off and gazetteer names added."""
    spans = _bio_spans(tag_words(words))
    if not rules:
        return spans
    gaz = gazetteer()
    out = []
    for s, e, kind in spans:
        s, e = _trim(words, s, e)
        # Titles are not part of the name: "US-Präsident Donald Trump" → "Donald Trump".
        while e - s > 1 and gaz.is_role(words[s]):
            s += 1
        if s >= e or e - s == 1 and gaz.is_role(words[s]):
            continue
        if kind == "PER":
            e = _genitive_end(words, s, e)
            # "Kim und Trump" is two people.
            cut = next((k for k in range(s + 1, e - 1) if words[k] in _PERSON_BREAKS), None)
            if cut is not None:
                out.append((s, cut, kind))
                s = cut + 1
        entry = gaz.lookup(" ".join(words[s:e]), genitive=True)
        if entry is not None and entry.type in ("LOC", "ORG") and kind != "PER":
            kind = entry.type
        out.append((s, e, kind))
    taken = {i for s, e, _ in out for i in range(s, e)}
    for s, e, kind in _bio_spans(_gazetteer_marks(words, gaz, genitive=True)):
        if taken.intersection(range(s, e)) or kind == "PER" and e - s == 1:
            continue
        if e - s == 1 and gaz.is_blocked(words[s]):
            continue
        out.append((s, e, kind))
    return sorted(out)


def _genitive_end(words: list[str], s: int, e: int) -> int:
    """End of a person span before a possessed noun: "Trumps Konvoi" → "Trumps"."""
    for k in range(s, e - 1):
        if words[k].endswith("s") and all(_word_class(w) == "NN" for w in words[k + 1:e]):
            return k + 1
    return e


def _trim(words: list[str], s: int, e: int) -> tuple[int, int]:
    """Cut punctuation off the ends of a span, and what precedes a quote mark
    inside it ('Hotel "Metropole' → "Metropole")."""
    for i in range(e - 1, s, -1):
        if words[i] in _QUOTES:
            s = i + 1
            break
    while s < e and not any(c.isalnum() for c in words[s]):
        s += 1
    while e > s and not any(c.isalnum() for c in words[e - 1]):
        e -= 1
    return s, e


_PERSON_BREAKS = frozenset({"und", "oder", "sowie", ",", "and", "or"})
_QUOTES = frozenset('"„“”»«‚‘’\'')


# --- other languages ----------------------------------------------------------

_FUNCTION_WORDS = frozenset("""
a an and as at but by for from he her his how i if in into it its me my no not of on or our she so
that the their them then there these they this those to under up was we what when where which who
why with you your yes after before during while also however although because since today yesterday
tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may
june july august september october november december mr mrs ms
le la les un une des du de et en au aux il elle ils elles nous vous on ce cette ces mais pour par
avec dans sur selon lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai
juin juillet août septembre octobre novembre décembre
el los las una unos unas del y en con por para según pero este esta estos lunes martes miércoles
jueves viernes sábado domingo enero febrero marzo abril mayo junio julio agosto septiembre octubre
noviembre diciembre
il lo gli i una di da e con per su ma questo questa lunedì martedì mercoledì giovedì venerdì sabato
domenica gennaio febbraio aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
""".split())
_CONNECTORS = frozenset("of de du des del della di von van der al bin ben la le y da dos".split())


def _heuristic_spans(words: list[str]) -> list[tuple[int, int, str]]:
    """Spans of a non-German sentence: gazetteer matches, then capitalised runs."""
    gaz = gazetteer()
    out = [s for s in _bio_spans(_gazetteer_marks(words, gaz, genitive=False))
           if not (s[1] - s[0] == 1 and gaz.is_blocked(words[s[0]]))]
    taken = {i for s, e, _ in out for i in range(s, e)}
    i = 0
    while i < len(words):
        if i in taken or not _is_name_word(words[i]):
            i += 1
            continue
        j = i + 1
        while j < len(words) and j not in taken and (
            _is_name_word(words[j])
            or words[j].casefold() in _CONNECTORS and j + 1 < len(words) and _is_name_word(words[j + 1])
        ):
            j += 1
        s, end = i, j
        while end > s and words[end - 1].casefold() in _CONNECTORS:
            end -= 1
        # Everything up to the last role is a title: "German Foreign Minister Friederike Haller".
        roles = [k for k in range(s, end - 1) if gaz.is_role(words[k])]
        if roles:
            s = roles[-1] + 1
        while s < end and words[s].casefold() in _FUNCTION_WORDS:
            s += 1
        kind = _heuristic_type(words, s, end, gaz)
        if kind == "MISC" and (_is_derived_adjective(words, end) or end - s == 1 and not words[s].isupper()):
            kind = None
        sentence_initial = not any(any(c.isalnum() for c in w) for w in words[:s])
        if kind and not (sentence_initial and end - s == 1 and not gaz.is_first_name(words[s])):
            out.append((s, end, kind))
        i = j
    return sorted(out)


def _is_derived_adjective(words: list[str], end: int) -> bool:
    """ "North Korean leader", "French troops": a capitalised adjective before a lower-case noun."""
    return (end < len(words) and words[end][:1].islower()
            and words[end - 1].endswith(("an", "ese", "ish", "ian", "ic", "ais", "aise", "ano", "ana", "ese", "ci")))


def _is_name_word(word: str) -> bool:
    return bool(_UPPER.match(word)) and any(c.islower() for c in word) or (word.isupper() and len(word) > 1)


def _heuristic_type(words: list[str], s: int, e: int, gaz: Gazetteer) -> str | None:
    if s >= e or all(w.casefold() in _FUNCTION_WORDS for w in words[s:e]):
        return None
    if words[e - 1] in ORG_HEADS or words[s] in ORG_HEADS and e - s > 2:
        return "ORG"
    if gaz.is_first_name(words[s]) or s > 0 and gaz.is_role(words[s - 1]):
        return "PER"
    return "MISC"


# --- articles -------------------------------------------------------------------


def _sentence_words(text: str, sentence: Sentence) -> list[_Word]:
    if sentence.tokens:
        return [_Word(t.start, t.end, t.text) for t in sentence.tokens]
    return [_Word(sentence.start + m.start(), sentence.start + m.end(), m.group())
            for m in _TOKEN.finditer(sentence.text)]


def _fallback_sentences(text: str) -> list[Sentence]:
    return [Sentence(m.start(), m.end(), m.group()) for m in _SENTENCE.finditer(text) if m.group().strip()]


def find_entities(text: str, sentences: list[Sentence], language: str | None) -> list[Entity]:
    """The named entities of an article, in text order, each with a canonical key.

    ``sentences`` come from ``segment.segment``; when a sentence has no tokens
    it is tokenised here, and when there are no sentences at all the text is
    split into sentences here. German (``language == "de"``) uses the CRF, every
    other language the gazetteer and capitalisation heuristics.

    Raises:
        ModelError: the German model or HanTa's data cannot be loaded.
    """
    german = language == "de"
    mentions: list[tuple[int, int, str]] = []
    all_words: list[tuple[list[_Word], set[int]]] = []
    for sentence in sentences or _fallback_sentences(text):
        words = _sentence_words(text, sentence)
        if not words:
            continue
        strings = [w.text for w in words]
        spans = mention_spans(strings) if german else _heuristic_spans(strings)
        covered = set()
        for s, e, kind in spans:
            mentions.append((words[s].start, words[e - 1].end, kind))
            covered.update(range(s, e))
        all_words.append((words, covered))
    mentions += _repeated_names(text, mentions, all_words, german)
    if german and DOC_CONSISTENCY:
        mentions = _consistent(text, mentions, all_words, DOC_CONSISTENCY)
    mentions.sort()
    return _with_keys(text, mentions, german)


#: Document-level consistency of German mentions (``bench/ner.py`` measures each on the news dev
#: half): ``types`` gives every mention of one surface string the type most of them have;
#: ``spread`` also tags the other occurrences of a string tagged (as LOC, ORG or MISC) elsewhere
#: in the article.
#: Both won on news dev (exact F1 0.675 → 0.682 with ``types``, 0.686 with both; heldout 0.680 → 0.682).
DOC_CONSISTENCY: frozenset[str] = frozenset({"types", "spread"})


def _consistent(text: str, mentions: list[tuple[int, int, str]],
                all_words: list[tuple[list[_Word], set[int]]], how: frozenset[str]) -> list[tuple[int, int, str]]:
    votes: dict[str, Counter[str]] = {}
    for start, end, kind in mentions:
        votes.setdefault(text[start:end], Counter())[kind] += 1
    # A tie keeps each mention's own type.
    major = {name: c.most_common(1)[0][0] for name, c in votes.items()
             if len(c) == 1 or c.most_common(2)[0][1] > c.most_common(2)[1][1]}
    out = [(s, e, major.get(text[s:e], k) if "types" in how else k) for s, e, k in mentions]
    if "spread" not in how:
        return out
    taken = {i for s, e, _ in out for i in range(s, e)}
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for name, kind in major.items():
        parts = _TOKEN.findall(name)
        if kind != "PER" and parts and parts[0][:1].isupper() and len(name) > 2:
            by_first.setdefault(parts[0], []).append((parts, kind))
    for words, _ in all_words:
        strings = [w.text for w in words]
        for i, w in enumerate(strings):
            for parts, kind in by_first.get(w, ()):
                j = i + len(parts)
                if strings[i:j] == parts and not taken.intersection(range(words[i].start, words[j - 1].end)):
                    out.append((words[i].start, words[j - 1].end, kind))
                    taken.update(range(words[i].start, words[j - 1].end))
                    break
    return out


def _repeated_names(text: str, mentions: list[tuple[int, int, str]],
                    all_words: list[tuple[list[_Word], set[int]]], german: bool) -> list[tuple[int, int, str]]:
    """Parts of full person names found elsewhere in the article, which the tagger
    missed (a sentence-initial "Kim", a lone "Trumps")."""
    parts = set()
    for start, end, kind in mentions:
        names = text[start:end].split()
        if kind == "PER" and len(names) > 1:
            # A known common noun ("Erfolg") in a name is more likely a tagging slip than a surname.
            parts.update(n for n in names if len(n) > 2 and n[:1].isupper() and (not german or _word_class(n) != "NN"))
    if not parts:
        return []
    found = []
    for words, covered in all_words:
        for i, w in enumerate(words):
            if i in covered:
                continue
            if w.text in parts or german and w.text.endswith("s") and w.text[:-1] in parts:
                found.append((w.start, w.end, "PER"))
    return found


def _with_keys(text: str, mentions: list[tuple[int, int, str]], german: bool) -> list[Entity]:
    gaz = gazetteer()
    full_names: Counter[str] = Counter()
    full_key: dict[str, str] = {}
    for start, end, kind in mentions:
        name = text[start:end]
        if kind == "PER" and len(name.split()) > 1:
            key = canonical_key(name)
            full_names[key] += 1
            full_key[key] = key
    # Each word of a full name points to the most frequent full name that has it.
    by_part: dict[str, str] = {}
    for key, _ in full_names.most_common():
        for part in key.split():
            by_part.setdefault(part, key)
    seen = {fold_name(text[s:e]) for s, e, _ in mentions}
    out = []
    for start, end, kind in mentions:
        name = text[start:end]
        folded = fold_name(name)
        entry = gaz.lookup_folded(folded, genitive=german)
        if entry is not None and (entry.type == kind or kind == "MISC"):
            out.append(Entity(start, end, name, entry.type, entry.key))
            continue
        stem = folded[:-1] if german and folded.endswith("s") and len(folded) > 3 else None
        if kind == "PER" and " " not in folded:
            # A genitive first: "Trumps" is Trump's, even if a "Trumps …" slipped into the names.
            key = (by_part.get(stem) if stem else None) or by_part.get(folded)
            if key is None:
                key = stem if stem and stem in seen else folded
        elif kind == "PER":
            key = canonical_key(name)
            if stem and stem in full_key:
                key = stem
        else:
            key = stem if stem and stem in seen else folded
        out.append(Entity(start, end, name, kind, key))
    return out
