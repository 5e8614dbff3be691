"""List the SemEval-2022 Task 8 train texts the news gold annotates, in the README's order.

The rule (README.md): German texts of original (not machine-translated) pairs,
at least 400 characters, in file order (``text1`` before ``text2`` of a pair),
each distinct text once. Documents 1-60 are ``part_a``/``part_b`` (dev and
dev3), 61-90 are ``part_c`` (dev2), 91-130 ``part_d`` (dev5, once heldout), 131-170
``part_e`` (dev4), 171-290 ``part_f`` (entities only: candidate training
text of the tagger). The rule is applied as it stands, without picking texts
for their quotes, so the choice cannot lean towards what the analyzer handles.

    python tests/data/news_gold/select_docs.py [--from 60] [--count 30] [--train PATH]

prints one ``<n> semeval-train:<pair_id>:<side> <sha256> <length>`` line per document.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[4] / "shared" / "data" / "semeval2022-task8" / "train.jsonl"
MIN_CHARS = 400


def select(train: Path) -> list[tuple[str, str]]:
    """``(doc id, text)`` of every German text the rule admits, in order."""
    seen: set[str] = set()
    out = []
    for line in train.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row["machine_translated"]:
            continue
        for side in (1, 2):
            text = row[f"text{side}"]
            if row[f"lang{side}"] != "de" or len(text) < MIN_CHARS or text in seen:
                continue
            seen.add(text)
            out.append((f"semeval-train:{row['pair_id']}:{side}", text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="start", type=int, default=0, help="documents to skip (60 for part_c)")
    parser.add_argument("--count", type=int, default=170)
    parser.add_argument("--train", type=Path, default=TRAIN)
    args = parser.parse_args()
    for n, (doc, text) in enumerate(select(args.train)[args.start:args.start + args.count], args.start + 1):
        print(n, doc, hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text))


if __name__ == "__main__":
    main()
