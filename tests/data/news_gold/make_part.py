"""Write ``part_c.jsonl`` (dev2), ``part_d.jsonl`` (dev5) or ``part_e.jsonl`` (dev4) from ``part_?_spec.py``.

The annotations are written as strings, as in ``tests/data/make_gold.py``, so
that they can be read and checked by eye; this script turns them into
character offsets and refuses to write anything when a string is not found
where it should be. The texts are read from the shared SemEval train file and
never stored; ``sha256`` pins each one.

Placement rules:

- entities: every listed surface at every occurrence that stands alone (no
  letter, digit or hyphen on either side, so ``US-Präsident`` is no entity);
  longer surfaces win over shorter ones inside them; ``skip`` names single
  occurrences (surface, k: the k-th free occurrence, 1-based) that are no entity.
- quotes: the ``occ``-th occurrence of the quote text; the speaker is the
  occurrence of its surface (standing alone) nearest to the quote unless
  ``spk_occ`` names one. ``speaker_named`` defaults to whether the speaker
  mention (or, for a pronoun, the mention it refers to) is an entity (a person's,
  an organisation's or a country's name).

    python tests/data/news_gold/make_part.py c              # writes part_c.jsonl
    python tests/data/news_gold/make_part.py c --show 3     # prints document 3 with its annotations bracketed
    python tests/data/news_gold/make_part.py d --spec F.py  # checks (and shows) the documents one file annotates
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from select_docs import TRAIN, select  # noqa: E402

#: part -> (documents skipped, documents, split)
PARTS = {"c": (60, 30, "dev2"), "d": (90, 40, "dev5"), "e": (130, 40, "dev4"), "f": (170, 120, "ner"),
         "g": (290, 48, "heldout2")}
#: Parts with entities only (the German tagger's training text) live in a folder of their own, out of
#: the quote scoring's sight.
FOLDERS = {"f": HERE / "ner"}
_WORD = r"[\w-]"


def standalone(text: str, surface: str) -> list[int]:
    """Starts of ``surface`` in ``text`` with no letter, digit or hyphen on either side."""
    pattern = rf"(?<!{_WORD}){re.escape(surface)}(?!{_WORD})"
    return [m.start() for m in re.finditer(pattern, text)]


def place_entities(doc: str, text: str, spec: dict) -> list[dict]:
    taken: list[tuple[int, int]] = []
    out = []
    skips = dict.fromkeys(map(tuple, spec.get("skip", [])), True)
    pairs = [(s, t) for t, surfaces in spec.get("ents", {}).items() for s in surfaces]
    for surface, typ in sorted(pairs, key=lambda p: -len(p[0])):
        free = 0
        found = False
        for start in standalone(text, surface):
            end = start + len(surface)
            if any(start < e and s < end for s, e in taken):
                continue
            found = True
            free += 1
            if skips.pop((surface, free), None):
                continue
            taken.append((start, end))
            out.append({"start": start, "end": end, "text": surface, "type": typ})
        if not found:
            raise SystemExit(f"{doc}: entity {surface!r} not found standing alone")
    if skips:
        raise SystemExit(f"{doc}: skips not used {list(skips)}")
    return sorted(out, key=lambda e: e["start"])


def _nth(text: str, sub: str, occ: int, doc: str) -> int:
    pos = -1
    for _ in range(occ):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            raise SystemExit(f"{doc}: {sub!r} occurrence {occ} not found")
    return pos


def place_quotes(doc: str, text: str, spec: dict, entities: list[dict]) -> list[dict]:
    names = [(e["start"], e["end"]) for e in entities]
    out = []
    for q in spec.get("quotes", []):
        start = _nth(text, q["text"], q.get("occ", 1), doc)
        end = start + len(q["text"])
        row = {"start": start, "end": end, "text": q["text"], "kind": q["kind"],
               "speaker_start": None, "speaker_end": None, "speaker_text": None, "speaker_named": False}
        spk = q.get("spk")
        if spk:
            starts = standalone(text, spk)
            if not starts:
                raise SystemExit(f"{doc}: speaker {spk!r} not found standing alone")
            if "spk_occ" in q:
                s = starts[q["spk_occ"] - 1]
            else:
                s = min(starts, key=lambda p: max(start - (p + len(spk)), p - end, 0))
            row.update(speaker_start=s, speaker_end=s + len(spk), speaker_text=spk)
            ref = q.get("ref")
            if ref:
                row["speaker_refers_to"] = ref
                named = any(e["text"] == ref for e in entities)
            else:
                named = any(a < s + len(spk) and s < b for a, b in names)
            row["speaker_named"] = q.get("named", named)
        row["cue"] = q.get("cue")
        out.append(row)
    return out


def load_spec(path: Path) -> list[tuple[str, dict]]:
    module_spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module.SPEC


def build(part: str, spec: list[tuple[str, dict]]) -> list[dict]:
    """The part's rows for the documents ``spec`` annotates, which must come in the selection's order."""
    first, count, split = PARTS[part]
    chosen = select(TRAIN)[first:first + count]
    by_doc = dict(spec)
    order = [d for d, _ in chosen if d in by_doc]
    if order != [d for d, _ in spec]:
        stray = sorted(set(by_doc) - set(order))
        raise SystemExit(f"part {part}: the spec lists documents out of the selection's order or outside it {stray}")
    rows = []
    for doc, text in chosen:
        if doc not in by_doc:
            continue
        entities = place_entities(doc, text, by_doc[doc])
        rows.append({"doc": doc, "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(), "split": split,
                     "entities": entities, "quotes": place_quotes(doc, text, by_doc[doc], entities)})
    return rows


def show(row: dict, text: str) -> str:
    marks = []
    for e in row["entities"]:
        marks += [(e["start"], 1, "{"), (e["end"], 0, "}" + e["type"][0])]
    for i, q in enumerate(row["quotes"]):
        marks += [(q["start"], 1, f"[Q{i}{q['kind'][0]} "), (q["end"], 0, f" Q{i}]")]
        if q["speaker_start"] is not None:
            marks += [(q["speaker_start"], 1, f"<S{i}:"), (q["speaker_end"], 0, ">")]
    out, pos = [], 0
    for at, _, mark in sorted(marks, key=lambda m: (m[0], m[1])):
        out += [text[pos:at], mark]
        pos = at
    lines = [f"=== {row['doc']}", "".join(out) + text[pos:]]
    for i, q in enumerate(row["quotes"]):
        lines.append(f"  Q{i} {q['kind']} speaker={q['speaker_text']!r} named={q['speaker_named']} "
                     f"refers={q.get('speaker_refers_to')!r} cue={q['cue']!r}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=sorted(PARTS))
    parser.add_argument("--spec", type=Path, help="annotations to check and show (default: part_<part>_spec.py, written)")
    parser.add_argument("--show", type=int, nargs="*", help="print these documents (0-based) instead of writing")
    args = parser.parse_args()
    rows = build(args.part, load_spec(args.spec or HERE / f"part_{args.part}_spec.py"))
    if args.show is not None or args.spec:
        texts = dict(select(TRAIN))
        for i in args.show or range(len(rows)):
            print(show(rows[i], texts[rows[i]["doc"]]) + "\n")
        return
    out = FOLDERS.get(args.part, HERE) / f"part_{args.part}.jsonl"
    out.parent.mkdir(exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{out.name}: {len(rows)} documents")


if __name__ == "__main__":
    main()
