"""Near-duplicate detection: MinHash signatures over word shingles, banded LSH.

Agency copies, republications and updated versions share most of their word
5-shingles. A 64-permutation MinHash estimates the Jaccard similarity of two
shingle sets to about ±0.06; 16 bands of 4 rows make a pair with Jaccard 0.8 a
candidate with probability ~1.0, Jaccard 0.5 ~0.64 and 0.3 ~0.12, and every
candidate is then checked on its full signature.

``signatures`` works on a whole batch in numpy, with no Python object per word:
words are split and hashed (crc32 of their UTF-8 bytes) over the batch's joined
bytes, shingles are one window sum over all texts, and the 64 permutations run
one at a time (32-bit) over the contiguous shingle array. Signature + LSH query
+ insert runs at ~30,000 docs per CPU-second on ~1.5 kB texts in batches of 500
(``bench/cluster.py``; it was ~6,000), ~45,000 on real multilingual articles.

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
from dataclasses import dataclass, field

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
# Punctuation (ASCII and the typographic marks of news text) splits words, as does all
# Unicode whitespace (what ``str.split()`` splits on).
_SEPARATORS = (string.punctuation + "„“”‚‘’«»‹›–—…·•§°€£¥©®™¿¡"
               + "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               + "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
# Words up to this many bytes get their crc32 in numpy, one byte position at a time for all
# words of a batch; the rare longer ones (URLs, hashes) go to zlib so the loop stays short.
_VECTOR_WORD_MAX = 24

_rng = np.random.default_rng(20190228)
_SHINGLE_MULT = _rng.integers(1, 2**63, size=SHINGLE, dtype=np.uint64) | np.uint64(1)
_PERM_A = _rng.integers(1, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
_PERM_B = _rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64).astype(np.uint32)
_BAND_MULT = _rng.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_TAG = np.arange(BANDS, dtype=np.uint64) << np.uint64(59)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)


def _separator_tables() -> tuple[bytes, np.ndarray, np.ndarray]:
    """Separators in UTF-8: a class per byte (0 word, 1 ASCII separator, 2 lead byte of a
    separator) for ``bytes.translate``, and the codes of the 2- and 3-byte separators.

    UTF-8 lead bytes never occur inside a sequence, so a code read at a lead byte is exactly
    that character."""
    classes = bytearray(256)
    two, three = [], []
    for char in _SEPARATORS:
        data = char.encode("utf-8")
        if len(data) == 1:
            classes[data[0]] = 1
        else:
            classes[data[0]] = 2
            (two if len(data) == 2 else three).append(int.from_bytes(data, "big"))
    return bytes(classes), np.array(sorted(two), dtype=np.int64), np.array(sorted(three), dtype=np.int64)


_BYTE_CLASS, _SEP_CODES2, _SEP_CODES3 = _separator_tables()


def _crc32_table() -> np.ndarray:
    table = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        table = np.where(table & 1, (table >> 1) ^ np.uint32(0xEDB88320), table >> 1).astype(np.uint32)
    return table


_CRC_TABLE = _crc32_table()


@dataclass(frozen=True, slots=True, eq=False)
class Signature:
    """A MinHash signature and the size of the shingle set it summarises."""

    values: np.ndarray  # uint32[NUM_PERM]
    size: int
    # LSH band keys, computed with the batch or on first use: the online step queries and
    # then inserts each signature, and hashing its bands twice cost more than the lookups.
    # A tuple of ints, which the garbage collector stops tracking (a list it would not).
    _bands: tuple[int, ...] | None = field(default=None, init=False, repr=False)

    def to_bytes(self) -> bytes:
        return np.int64(self.size).tobytes() + self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> "Signature":
        return cls(np.frombuffer(data[8:], dtype="<u4").astype(np.uint32), int(np.frombuffer(data[:8], "<i8")[0]))


def _isin_sorted(values: np.ndarray, known: np.ndarray) -> np.ndarray:
    at = np.minimum(np.searchsorted(known, values), known.size - 1)
    return known[at] == values


def _token_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """crc32 of every word of the batch (uint64, in order) and the number of words per text.

    The values are ``zlib.crc32`` of each word's UTF-8 bytes, as a per-word loop would give,
    but no ``str`` is made per word: splitting into 8M small strings and hashing them one by
    one was most of the cost of a signature."""
    # Separators are found in the UTF-8 bytes: str.translate looks every character of a
    # non-ASCII text up in a dict, ~50 µs per German article, more than all else together.
    encoded = [t.casefold().encode("utf-8") for t in texts]
    joined = b" ".join([b"", *encoded, b""])  # every word is preceded and followed by a space
    buf = np.frombuffer(joined, dtype=np.uint8)
    classes = np.frombuffer(joined.translate(_BYTE_CLASS), dtype=np.uint8)
    word = classes != 1
    leads = np.flatnonzero(classes == 2)
    if leads.size:  # a lead byte is followed by at least two bytes: its own and the final space
        code2 = (buf[leads].astype(np.int64) << 8) | buf[leads + 1]
        code3 = (code2 << 8) | buf[leads + 2]
        for codes, known, width in ((code2, _SEP_CODES2, 2), (code3, _SEP_CODES3, 3)):
            at = leads[_isin_sorted(codes, known)]
            for k in range(width):
                word[at + k] = False
    edges = np.flatnonzero(word[1:] != word[:-1]) + 1
    starts, ends = edges[0::2], edges[1::2]
    text_offsets = np.cumsum([1] + [len(e) + 1 for e in encoded[:-1]]) if encoded else np.zeros(0, np.int64)
    counts = np.diff(np.searchsorted(starts, text_offsets), append=starts.size)
    lengths = ends - starts
    # Longest words first, so the words still running at byte k are a prefix of the order.
    long = lengths > _VECTOR_WORD_MAX
    order = np.argsort(np.where(long, 255, _VECTOR_WORD_MAX - lengths).astype(np.uint8), kind="stable")
    running = np.cumsum(np.bincount(lengths[~long], minlength=_VECTOR_WORD_MAX + 1)[::-1])[::-1]
    pos = starts[order[: running[1]]]
    crc = np.full(pos.size, 0xFFFFFFFF, dtype=np.uint32)
    for k in range(1, _VECTOR_WORD_MAX + 1):
        n = int(running[k])
        if n == 0:
            break
        head = crc[:n]
        # np.take, not [], for the gathers: indexing with a small-int array is ~3x slower.
        low = head.astype(np.uint8)
        low ^= np.take(buf, pos[:n])
        head >>= np.uint32(8)
        head ^= np.take(_CRC_TABLE, low)
        pos[:n] += 1
    hashes = np.empty(starts.size, dtype=np.uint64)
    hashes[order[: crc.size]] = crc ^ np.uint32(0xFFFFFFFF)
    for i in np.flatnonzero(long).tolist():
        hashes[i] = zlib.crc32(joined[starts[i] : ends[i]])
    return hashes, counts


def signatures(texts: Sequence[str]) -> list[Signature]:
    """Signatures of many texts at once: one set of numpy calls for the whole batch.

    Per-call overhead dominates a 1 kB text, so batches (an ingest chunk, a
    Spark partition) run many times faster than ``signature`` in a loop."""
    n_texts = len(texts)
    hashes, lengths = _token_hashes(texts)
    n_shingles = np.where(lengths >= SHINGLE, lengths - SHINGLE + 1, np.minimum(lengths, 1))
    out = [Signature(_EMPTY.copy(), 0)] * n_texts
    if not n_shingles.any():
        return out
    # Each text's tokens are followed by SHINGLE-1 zeros, so one window sum over the whole
    # batch gives every shingle, and a short text's single shingle hashes its few tokens.
    pad = SHINGLE - 1
    padded = np.zeros(hashes.size + pad * n_texts, dtype=np.uint64)
    text_of_token = np.repeat(np.arange(n_texts), lengths)
    padded[np.arange(hashes.size) + pad * text_of_token] = hashes
    windows = padded.size - pad
    with np.errstate(over="ignore"):
        mixed = padded[:windows] * _SHINGLE_MULT[0]
        for k in range(1, SHINGLE):
            mixed += padded[k : k + windows] * _SHINGLE_MULT[k]
    first_window = np.cumsum(lengths + pad) - (lengths + pad)
    first_shingle = np.cumsum(n_shingles) - n_shingles
    take = np.repeat(first_window - first_shingle, n_shingles) + np.arange(int(n_shingles.sum()))
    shingles = (mixed[take] >> np.uint64(32)).astype(np.uint32)
    # Distinct shingles per text give the set sizes (duplicates do not change a minimum).
    # A sort and a diff: np.unique's hash path costs ~30x more here.
    keyed = np.sort((np.repeat(np.arange(n_texts, dtype=np.uint64), n_shingles) << np.uint64(32)) | shingles)
    repeats = keyed[1:][keyed[1:] == keyed[:-1]] >> np.uint64(32)
    sizes = n_shingles - np.bincount(repeats.astype(np.intp), minlength=n_texts)
    # One permutation at a time over the contiguous shingle array: a (shingles, 64) block
    # reduced along axis 0 was strided, out of cache and ~25x slower.
    nonempty = np.flatnonzero(n_shingles)
    mins = np.empty((NUM_PERM, nonempty.size), dtype=np.uint32)
    hashed = np.empty_like(shingles)
    for k in range(NUM_PERM):
        np.multiply(shingles, _PERM_A[k], out=hashed)
        hashed += _PERM_B[k]
        np.minimum.reduceat(hashed, first_shingle[nonempty], out=mins[k])
    mins = np.ascontiguousarray(mins.T)
    bands = list(map(tuple, _band_keys_of(mins).tolist()))
    for row, i in enumerate(nonempty.tolist()):
        sig = out[i] = Signature(mins[row], int(sizes[i]))
        object.__setattr__(sig, "_bands", bands[row])
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
    return _near(jaccard(a, b), a.size, b.size, min_jaccard, min_containment, min_size_ratio)


def _near(j: float, size_a: int, size_b: int, min_jaccard: float = 0.55, min_containment: float = 0.85,
          min_size_ratio: float = 0.5) -> bool:
    """``is_near_duplicate`` given the Jaccard estimate (so the index compares signatures once)."""
    if j >= min_jaccard:
        return True
    if min(size_a, size_b) / max(size_a, size_b) < min_size_ratio:
        return False
    contained = 0.0 if j == 0.0 else min(1.0, j * (size_a + size_b) / (1.0 + j) / min(size_a, size_b))
    return contained >= min_containment


def _band_keys_of(values: np.ndarray) -> np.ndarray:
    """uint64 key per band of each row of ``values`` (n, NUM_PERM), tagged with the band."""
    with np.errstate(over="ignore"):
        keys = values.astype(np.uint64).reshape(-1, BANDS, ROWS) @ _BAND_MULT
    return keys ^ _BAND_TAG


def _band_keys(sig: Signature) -> tuple[int, ...]:
    if sig._bands is None:
        object.__setattr__(sig, "_bands", tuple(_band_keys_of(sig.values).tolist()[0]))
    return sig._bands


class LSHIndex:
    """Banded LSH over signatures, with removal (for a time window or deleted articles).

        >>> index = LSHIndex()
        >>> index.add("a", signature("eins zwei drei vier fünf sechs sieben acht neun zehn"))
        >>> index.candidates(signature("eins zwei drei vier fünf sechs sieben acht neun elf"))
        ['a']
    """

    def __init__(self) -> None:
        # A band key held by one article maps to that key itself, by more to a list: nearly
        # all buckets hold one key, and a list per bucket (16 per article) cost ~70 bytes
        # each and most of the insert time in garbage-collector passes over them.
        self._buckets: dict[int, str | list[str]] = {}
        self._signatures: dict[str, Signature] = {}  # each keeps its band keys: removal hashes nothing

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
        buckets = self._buckets
        for band_key in _band_keys(sig):
            held = buckets.setdefault(band_key, key)
            if held is not key:
                if type(held) is list:
                    held.append(key)
                else:
                    buckets[band_key] = [held, key]

    def remove(self, key: str) -> None:
        sig = self._signatures.pop(key, None)
        if sig is None or sig.size == 0:
            return
        buckets = self._buckets
        for band_key in _band_keys(sig):
            held = buckets.get(band_key)
            if type(held) is list:
                held.remove(key)
                if len(held) == 1:
                    buckets[band_key] = held[0]
            elif held == key:
                del buckets[band_key]

    def get(self, key: str) -> Signature | None:
        return self._signatures.get(key)

    def candidates(self, sig: Signature) -> list[str]:
        """Keys sharing at least one band with ``sig``, in insertion order."""
        if sig.size == 0:
            return []
        held = [h for h in map(self._buckets.get, _band_keys(sig)) if h is not None]
        if not held:
            return []
        seen: dict[str, None] = {}
        for h in held:
            if type(h) is list:
                seen.update(dict.fromkeys(h))
            else:
                seen[h] = None
        return list(seen)

    def near_duplicates(self, sig: Signature, **thresholds: float) -> list[tuple[str, float]]:
        """Indexed keys that are near-duplicates of ``sig``, best Jaccard first."""
        found = []
        for key in self.candidates(sig):
            other = self._signatures[key]
            j = jaccard(sig, other)
            if _near(j, sig.size, other.size, **thresholds):
                found.append((key, j))
        return sorted(found, key=lambda kv: -kv[1])

    def update(self, items: Iterable[tuple[str, Signature]]) -> None:
        for key, sig in items:
            self.add(key, sig)
