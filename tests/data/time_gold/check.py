"""Check the time gold (``docs.jsonl``) against the GermEval sentences it names.

Rebuilds every document's text from its sentence ids, compares the sha256, and checks each annotation: the
span text at its offsets, the kind, the value's format for that kind, and (where the span spells it out) that
the value's year, month and day agree with the span. Exit status 1 and one line per problem otherwise.

    python tests/data/time_gold/check.py [--source ../shared/data/ner-de/dev.jsonl]

``tests/evaluate/test_time_gold_data.py`` runs the same checks under pytest.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs.jsonl"
DEFAULT_SOURCE = HERE.parents[2].parent / "shared" / "data" / "ner-de" / "dev.jsonl"

KINDS = ("date", "time", "weekday", "relative", "duration", "set")
MONTHS = {"Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7,
          "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12}

_DATE = re.compile(
    r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"  # year, month, day
    r"|\d{4}-(SP|SU|FA|WI)"       # season
    r"|\d{4}-Q[1-4]"              # quarter
    r"|\d{3}"                     # decade: 192 = the 1920s
    r"|\d{2}"                     # century: 18 = the 1800s ("19. Jahrhundert")
    r"|BC\d{2,4}")                # before Christ: BC06 = the 7th century BC
_TIME = re.compile(r"(\d{4}-\d{2}-\d{2})?T([01]\d|2[0-4])(:[0-5]\d)?")
_WEEKDAY = re.compile(r"XXXX-WXX-[1-7]")
_DURATION = re.compile(r"P((\d+(\.\d+)?|X)[YMWD])+(T((\d+(\.\d+)?|X)[HMS])+)?|PT((\d+(\.\d+)?|X)[HMS])+")
_SET_PATTERN = re.compile(r"XXXX-(SP|SU|FA|WI)|XXXX-WXX-(WE|[1-7])")
FORMATS = {
    "date": (_DATE,),
    "time": (_TIME,),
    "weekday": (_WEEKDAY,),
    "relative": (_DATE, _TIME),
    "duration": (_DURATION,),
    "set": (_DURATION, _SET_PATTERN),
}


def load_docs(path: Path = DOCS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_sentences(source: Path) -> dict[str, str]:
    rows = (json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip())
    return {r["id"]: r["text"] for r in rows}


def rebuild(doc: dict, sentences: dict[str, str]) -> str:
    """A document's text: its sentences joined with newlines, in the order listed."""
    return "\n".join(sentences[sid] for sid in doc["sentences"])


def value_problems(t: dict) -> list[str]:
    """Problems with one annotation's kind and value, independent of the text."""
    kind, value, span = t["kind"], t["value"], t["text"]
    if kind not in KINDS:
        return [f"kind {kind!r} is not one of {KINDS}"]
    if value is None:
        # A duration always has a value (PXY when vague); the others may be unresolved.
        return [f"{kind} {span!r} needs a value"] if kind == "duration" else []
    if not isinstance(value, str) or not any(f.fullmatch(value) for f in FORMATS[kind]):
        return [f"{kind} value {value!r} for {span!r} has the wrong format"]
    out = []
    if kind == "date" and re.fullmatch(r"\d{4}.*", value):
        years = re.findall(r"(?<!\d)\d{4}(?!\d)", span)
        if len(years) == 1 and years[0] != value[:4]:
            out.append(f"date {span!r}: value {value!r} does not carry the span's year {years[0]}")
        month = next((n for name, n in MONTHS.items() if re.search(rf"\b{name}\b", span)), None)
        if month is not None and len(value) >= 7 and value[4] == "-" and value[5:7].isdigit() \
                and int(value[5:7]) != month:
            out.append(f"date {span!r}: value {value!r} has the wrong month")
        if month is not None and len(value) == 4 and value.isdigit():
            out.append(f"date {span!r}: names a month but the value {value!r} is a year")
        day = re.match(r"(\d{1,2})\.\s?(?:" + "|".join(MONTHS) + r")\b", span)
        if day and (len(value) != 10 or int(value[8:10]) != int(day.group(1))):
            out.append(f"date {span!r}: value {value!r} does not carry the day {day.group(1)}")
    return out


def doc_problems(doc: dict, text: str) -> list[str]:
    """Every problem with one document, each line naming the document."""
    name = doc["doc"]
    out = []
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != doc["sha256"]:
        out.append(f"{name}: sha256 differs from the rebuilt text (has the source changed?)")
        return out
    prev_end = -1
    for t in doc["times"]:
        if not (0 <= t["start"] < t["end"] <= len(text)):
            out.append(f"{name}: offsets {t['start']}:{t['end']} out of range")
            continue
        if text[t["start"]:t["end"]] != t["text"]:
            out.append(f"{name}: text[{t['start']}:{t['end']}] = {text[t['start']:t['end']]!r}, not {t['text']!r}")
        if t["start"] < prev_end:
            out.append(f"{name}: {t['text']!r} at {t['start']} overlaps or precedes the previous annotation")
        if "\n" in t["text"] or t["text"] != t["text"].strip():
            out.append(f"{name}: span {t['text']!r} crosses a sentence or has outer spaces")
        prev_end = t["end"]
        out += [f"{name}: {p}" for p in value_problems(t)]
    return out


def structure_problems(docs: list[dict]) -> list[str]:
    out = []
    numbers = []
    for line, doc in enumerate(docs, 1):
        m = re.fullmatch(r"germeval-wiki:(\d+)", doc["doc"])
        if not m:
            out.append(f"line {line}: doc {doc['doc']!r} is not germeval-wiki:<n>")
            continue
        n = int(m.group(1))
        numbers.append(n)
        if doc["split"] != ("dev" if n % 2 == 0 else "heldout"):
            out.append(f"{doc['doc']}: split {doc['split']!r} breaks the even=dev / odd=heldout rule")
        if len(doc["sentences"]) != 8:
            out.append(f"{doc['doc']}: {len(doc['sentences'])} sentences, expected 8")
    if numbers != sorted(set(numbers)):
        out.append("document numbers are not unique and ascending")
    ids = [sid for doc in docs for sid in doc["sentences"]]
    if len(ids) != len(set(ids)):
        out.append("a sentence is used in more than one document")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--docs", type=Path, default=DOCS)
    args = ap.parse_args(argv)
    docs = load_docs(args.docs)
    sentences = load_sentences(args.source)
    problems = structure_problems(docs)
    for doc in docs:
        missing = [sid for sid in doc["sentences"] if sid not in sentences]
        if missing:
            problems.append(f"{doc['doc']}: sentences {missing} not in {args.source}")
            continue
        problems += doc_problems(doc, rebuild(doc, sentences))
    for p in problems:
        print(p)
    counts: dict[tuple[str, str], int] = {}
    for doc in docs:
        for t in doc["times"]:
            counts[doc["split"], t["kind"]] = counts.get((doc["split"], t["kind"]), 0) + 1
    for split in ("dev", "heldout"):
        n_docs = sum(d["split"] == split for d in docs)
        row = ", ".join(f"{k} {counts.get((split, k), 0)}" for k in KINDS)
        print(f"{split}: {n_docs} documents, {sum(counts.get((split, k), 0) for k in KINDS)} times ({row})",
              file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
