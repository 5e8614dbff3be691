"""Near-duplicate detection: MinHash signatures over word shingles, banded LSH.

Agency copies, republications and updated versions share most of their word
5-shingles. A 64-permutation MinHash estimates the Jaccard similarity of two
shingle sets to about ±0.06; 16 bands of 4 rows make a pair with Jaccard 0.8 a
candidate with probability ~1.0, Jaccard 0.5 ~0.64 and 0.3 ~0.12, and every
candidate is then checked on its full signature. Tokens are hashed once per
process (crc32, cached), shingles and the 64 permutations are numpy in 32 bits.

Signatures are stable across processes and machines (no ``hash()`` of str), so
the store can persist them and rebuild the index::

    >>> a = signature("Der Verkehr in Vietnams Hauptstadt lag am Donnerstag weitgehend lahm, hieß es.")
    >>> b = signature("Der Verkehr in Vietnams Hauptstadt lag am Donnerstag völlig lahm, hieß es.")
    >>> jaccard(a, a), jaccard(a, b) < 0.5  # one changed word touches five 5-shingles
    (1.0, True)
"""

from __future__ import annotations

import string
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = [
    "NUM_PERM",
    "Signature",
    "signature",
    "signatures",
    "jaccard",
    "containment",
    "LSHIndex",
    "is_near_duplicate",
]

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
# Punctuation (ASCII and the typographic marks of news text) splits words; translate+split
# is ~5x faster than a \w+ regex and agrees with it on news prose.
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "„“”‚‘’«»‹›–—…·•§°€£¥©®™¿¡\u00a0"})
_TOKEN_CACHE_MAX = 1_000_000

_rng = np.random.default_rng(20190228)
_SHINGLE_MULT = _rng.integers(1, 2**63, size=SHINGLE, dtype=np.uint64) | np.uint64(1)
_PERM_A = _rng.integers(1, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
_PERM_B = _rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)
_BAND_MULT = _rng.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)
_token_hash: dict[str, int] = {}  # news vocabulary repeats: a dict hit beats hashing again


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """A MinHash signature and the size of the shingle set it summarises."""

    values: np.ndarray  # uint32[NUM_PERM]
    size: int

    def to_bytes(self) -> bytes:
        return np.int64(self.size).tobytes() + self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        return cls(np.frombuffer(data[8:], dtype="<u4").astype(np.uint32), int(np.frombuffer(data[:8], "<i8")[0]))


def _tokens(text: str) -> np.ndarray:
    words = text.casefold().translate(_PUNCT).split()
    try:
        return np.fromiter(map(_token_hash.__getitem__, words), dtype=np.uint64, count=len(words))
    except KeyError:
        if len(_token_hash) > _TOKEN_CACHE_MAX:
            _token_hash.clear()
        for word in words:
            if word not in _token_hash:
                # crc32 of the UTF-8 bytes: stable across processes, unlike hash(str).
                _token_hash[word] = zlib.crc32(word.encode("utf-8"))
        return np.fromiter(map(_token_hash.__getitem__, words), dtype=np.uint64, count=len(words))


def signatures(texts: Sequence[str]) -> list[Signature]:
    """Signatures of many texts at once: one set of numpy calls for the whole batch.

    Per-call overhead dominates a 1 kB text, so batches (an ingest chunk, a
    Spark partition) run several times faster than ``signature`` in a loop."""
    tokens = [_tokens(t) for t in texts]
    lengths = np.array([t.size for t in tokens], dtype=np.int64)
    n_shingles = np.where(lengths >= SHINGLE, lengths - SHINGLE + 1, np.minimum(lengths, 1))
    out = [Signature(_EMPTY.copy(), 0)] * len(texts)
    if not n_shingles.any():
        return out
    flat = np.concatenate([*tokens, np.zeros(SHINGLE, dtype=np.uint64)])
    # Shingle k of a document starts at token start+k; short documents hash their few tokens.
    doc = np.repeat(np.arange(len(texts)), n_shingles)
    token_start = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    pos = token_start[doc] + (np.arange(doc.size) - np.repeat(np.cumsum(n_shingles) - n_shingles, n_shingles))
    width = np.minimum(lengths, SHINGLE)[doc]
    with np.errstate(over="ignore"):
        mixed = flat[pos] * _SHINGLE_MULT[0]
        for k in range(1, SHINGLE):
            mixed += np.where(width > k, flat[pos + k], np.uint64(0)) * _SHINGLE_MULT[k]
    shingles = (mixed >> np.uint64(32)).astype(np.uint32)
    # Distinct shingles per document give the set sizes (duplicates do not change a minimum).
    keyed = np.unique((doc.astype(np.uint64) << np.uint64(32)) | shingles.astype(np.uint64))
    sizes = np.bincount((keyed >> np.uint64(32)).astype(np.int64), minlength=len(texts))
    hashed = shingles[:, None] * _PERM_A[None, :] + _PERM_B[None, :]
    starts = np.concatenate([[0], np.cumsum(n_shingles)[:-1]])
    nonempty = np.flatnonzero(n_shingles)
    mins = np.minimum.reduceat(hashed, starts[nonempty], axis=0)
    for row, i in enumerate(nonempty.tolist()):
        out[i] = Signature(mins[row], int(sizes[i]))
    return out


def signature(text: str) -> Signature:
    """The MinHash signature of ``text``'s word 5-shingles (case-folded)."""
    return signatures([text])[0]


def jaccard(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    if a.size == 0 or b.size == 0:
        return 0.0
    return float(np.count_nonzero(a.values == b.values)) / NUM_PERM


def containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller set that lies in the other (from Jaccard and sizes)."""
    j = jaccard(a, b)
    if j == 0.0:
        return 0.0
    inter = j * (a.size + b.size) / (1.0 + j)
    return min(1.0, inter / min(a.size, b.size))


def is_near_duplicate(a: Signature, b: Signature, *, min_jaccard: float = 0.55, min_containment: float = 0.85,
                      min_size_ratio: float = 0.5) -> bool:
    """True for copies, trimmed copies and updated versions of one text.

    Either the shingle sets mostly agree (Jaccard), or one mostly contains the
    other and they are of comparable length (an update adding a paragraph), so a
    short report quoted inside a long live ticker is *not* a duplicate."""
    if a.size == 0 or b.size == 0:
        return False
    if jaccard(a, b) >= min_jaccard:
        return True
    ratio = min(a.size, b.size) / max(a.size, b.size)
    return ratio >= min_size_ratio and containment(a, b) >= min_containment


def _band_keys(sig: Signature) -> list[int]:
    with np.errstate(over="ignore"):
        keys = sig.values.astype(np.uint64).reshape(BANDS, ROWS) @ _BAND_MULT
    return [int(k) ^ (band << 59) for band, k in enumerate(keys.tolist())]


class LSHIndex:
    """Banded LSH over signatures, with removal (for a time window or deleted articles).

        >>> index = LSHIndex()
        >>> index.add("a", signature("eins zwei drei vier fünf sechs sieben acht neun zehn"))
        >>> index.candidates(signature("eins zwei drei vier fünf sechs sieben acht neun elf"))
        ['a']
    """

    def __init__(self) -> None:
        self._buckets: dict[int, list[str]] = {}
        self._signatures: dict[str, Signature] = {}
        self._bands: dict[str, list[int]] = {}  # kept so that removal costs no hashing

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: str) -> bool:
        return key in self._signatures

    def add(self, key: str, sig: Signature) -> None:
        if key in self._signatures:
            self.remove(key)
        self._signatures[key] = sig
        if sig.size == 0:
            return
        bands = self._bands[key] = _band_keys(sig)
        for band_key in bands:
            self._buckets.setdefault(band_key, []).append(key)

    def remove(self, key: str) -> None:
        if self._signatures.pop(key, None) is None:
            return
        for band_key in self._bands.pop(key, ()):
            bucket = self._buckets.get(band_key)
            if bucket is not None:
                bucket.remove(key)
                if not bucket:
                    del self._buckets[band_key]

    def get(self, key: str) -> Signature | None:
        return self._signatures.get(key)

    def candidates(self, sig: Signature) -> list[str]:
        """Keys sharing at least one band with ``sig``, in insertion order."""
        if sig.size == 0:
            return []
        seen: dict[str, None] = {}
        for band_key in _band_keys(sig):
            for key in self._buckets.get(band_key, ()):
                seen[key] = None
        return list(seen)

    def near_duplicates(self, sig: Signature, **thresholds: float) -> list[tuple[str, float]]:
        """Indexed keys that are near-duplicates of ``sig``, best Jaccard first."""
        found = [
            (key, jaccard(sig, self._signatures[key]))
            for key in self.candidates(sig)
            if is_near_duplicate(sig, self._signatures[key], **thresholds)
        ]
        return sorted(found, key=lambda kv: -kv[1])

    def update(self, items: Iterable[tuple[str, Signature]]) -> None:
        for key, sig in items:
            self.add(key, sig)
