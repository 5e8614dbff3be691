"""Build the German time-expression gold (``docs.jsonl``) from GermEval 2014 dev sentences.

Two steps, both deterministic:

1. **Selection** (``select``): which Wikipedia sentences of ``ner-de/dev.jsonl`` go into the set and how they
   are grouped into documents of eight. The regexes below only *choose* sentences; they never produce an
   annotation.
2. **Assembly** (``build``): the hand-written ``annotations.tsv`` (one line per time expression, keyed by
   GermEval sentence id, listed left to right) is turned into character offsets into each document's joined
   text. The text itself is never written into the repository; only ids, a sha256 and offsets.

Usage (from the repository root, with ``../shared`` beside it)::

    python tests/data/time_gold/make_docs.py              # writes tests/data/time_gold/docs.jsonl
    python tests/data/time_gold/make_docs.py --worksheet  # prints the documents to annotate (stdout only)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_SOURCE = HERE.parents[2].parent / "shared" / "data" / "ner-de" / "dev.jsonl"
ANNOTATIONS = HERE / "annotations.tsv"
OUT = HERE / "docs.jsonl"

SENTENCES_PER_DOC = 8
N_DOCS = 36
# How many sentences of each pool go in (36 x 8 = 288): every "rich" candidate, a spread of the
# plain-year candidates, and about 20 % sentences the trigger regex does not fire on (for precision),
# half of them with digits that are not times.
N_PLAIN = 88
N_NONTIME_DIGITS = 30
N_NONTIME_PLAIN = 28

MONTHS = r"Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
# Broad trigger: anything that might hold a time expression.
TRIGGER = re.compile(
    r"\b(1[0-9]{3}|20[0-2][0-9])\b|\b(" + MONTHS + r")\b|Frühjahr|Frühling|Sommer|Herbst|Winter|Jahrhundert"
    r"|Jahrzehnt|Jahre|Jahren|Jahr\b|Monat|Woche|Tage?\b|Tagen|später|zuvor|heute|damals|seither|seitdem"
    r"|jährlich|zwanziger|dreißiger|er Jahre")
# The less common kinds (seasons, centuries, decades, durations, relative and repeating times, parts of a
# year): a sentence with one of these is always taken, so the rare cases are not thinned out.
RICH = re.compile(
    r"Frühjahr|Frühling|Sommer|Herbst|Winter|Jahrhundert|\d0er|ziger|\b(Jahre|Jahren|Jahrzehnte?n?|Monate"
    r"|Monaten|Wochen|Tage|Tagen|Stunden)\b|später|zuvor|folgenden|nächsten|selben|gleichen Jahr|heute"
    r"|damals|jährlich|wöchentlich|täglich|Quartal|\b(Anfang|Ende|Mitte)\b")


def _spread(items: list, n: int) -> list:
    """``n`` items evenly spaced over ``items`` (file order kept), so no stretch of the file dominates."""
    if n >= len(items):
        return list(items)
    return [items[(k * len(items)) // n] for k in range(n)]


def select(rows: list[dict]) -> list[list[dict]]:
    """The documents: lists of eight sentence rows, in file order."""
    # Wikipedia only (encyclopedic text); reference lists with an ISBN are bibliography, not prose.
    wiki = [r for r in rows if "de.wikipedia.org" in r["source"] and "ISBN" not in r["text"]]
    cand = [r for r in wiki if TRIGGER.search(r["text"])]
    rich = [r for r in cand if RICH.search(r["text"])]
    plain = [r for r in cand if not RICH.search(r["text"])]
    other = [r for r in wiki if not TRIGGER.search(r["text"])]
    digits = [r for r in other if re.search(r"\d", r["text"])]
    nodigits = [r for r in other if not re.search(r"\d", r["text"])]
    chosen = {r["id"] for r in rich}
    chosen |= {r["id"] for r in _spread(plain, N_PLAIN)}
    chosen |= {r["id"] for r in _spread(digits, N_NONTIME_DIGITS)}
    chosen |= {r["id"] for r in _spread(nodigits, N_NONTIME_PLAIN)}
    picked = [r for r in wiki if r["id"] in chosen]
    if len(picked) != N_DOCS * SENTENCES_PER_DOC:
        raise SystemExit(f"selection gave {len(picked)} sentences, expected {N_DOCS * SENTENCES_PER_DOC}")
    return [picked[i:i + SENTENCES_PER_DOC] for i in range(0, len(picked), SENTENCES_PER_DOC)]


def read_annotations(path: Path) -> dict[str, list[tuple[str, int, str, str | None]]]:
    """``annotations.tsv``: ``sentence_id<TAB>span[@n]<TAB>kind<TAB>value`` or ``sentence_id<TAB>-``.

    ``span@n`` means the n-th occurrence counted from the end of the previous annotation of that sentence;
    ``-`` records that the sentence was read and holds no time expression.
    """
    out: dict[str, list[tuple[str, int, str, str | None]]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        sid = parts[0]
        out.setdefault(sid, [])
        if parts[1:] == ["-"]:
            continue
        if len(parts) != 4:
            raise SystemExit(f"{path}:{lineno}: expected 4 tab-separated fields, got {len(parts)}: {line!r}")
        span, kind, value = parts[1], parts[2], parts[3]
        nth = 1
        m = re.fullmatch(r"(.+)@(\d+)", span)
        if m:
            span, nth = m.group(1), int(m.group(2))
        out[sid].append((span, nth, kind, None if value == "null" else value))
    return out


def build(docs: list[list[dict]], notes: dict, split: str | None = None) -> list[dict]:
    out = []
    for n, sents in enumerate(docs):
        if split and split != ("dev" if n % 2 == 0 else "heldout"):
            continue
        text = "\n".join(s["text"] for s in sents)
        times = []
        base = 0
        for s in sents:
            if s["id"] not in notes:
                raise SystemExit(f"{s['id']} (doc {n}) is not annotated in {ANNOTATIONS.name}")
            pos = 0
            for span, nth, kind, value in notes[s["id"]]:
                at = pos - 1
                for _ in range(nth):
                    at = s["text"].find(span, at + 1)
                    if at < 0:
                        raise SystemExit(f"{s['id']}: span {span!r} (occurrence {nth}) not found after {pos}")
                pos = at + len(span)
                times.append({"start": base + at, "end": base + pos, "text": span, "kind": kind,
                              "value": value})
            base += len(s["text"]) + 1
        out.append({"doc": f"germeval-wiki:{n}", "split": "dev" if n % 2 == 0 else "heldout",
                    "sentences": [s["id"] for s in sents],
                    "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "times": times})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--worksheet", action="store_true", help="print the documents' sentences, write nothing")
    ap.add_argument("--split", choices=("dev", "heldout"), help="only this half")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.source.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = select(rows)
    if args.worksheet:
        for n, sents in enumerate(docs):
            split = "dev" if n % 2 == 0 else "heldout"
            if args.split and split != args.split:
                continue
            print(f"== doc {n} ({split})")
            for s in sents:
                print(f"{s['id']}\t{s['text']}")
        return 0
    built = build(docs, read_annotations(ANNOTATIONS), args.split)
    OUT.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in built), encoding="utf-8")
    print(f"wrote {OUT} ({len(built)} documents, {sum(len(d['times']) for d in built)} times)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
