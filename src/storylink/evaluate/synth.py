"""A synthetic article stream with gold story ids, for clustering quality (task b).

Stories are seeded from real SemEval-2022 Task 8 articles. Articles linked by
same-story pairs (Overall <= 1.5) form one gold story (this brings the data
set's cross-lingual pairs in as translations); each story gets extra members
made by copying (agency copy), trimming, reordering paragraphs and dropping
sentences; articles of different-story pairs (Overall >= 3) on related topics
are the distractors. Publication times: each story starts at a random time
within ``days`` and its members follow within ``spread_hours``.

It lives in the package so ``storylink eval clusters`` and ``train_cluster``
run from an installed copy too; ``bench/synth.py`` writes it out as JSONL.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Synthetic", "make_stream"]

_SENT = re.compile(r"(?<=[.!?])\s+")


@dataclass
class Synthetic:
    id: str
    story: str
    text: str
    language: str
    published: float
    kind: str  # original, copy, trim, reorder, drop


def _components(rows: list[dict]) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Gold story per article id (union-find over same-story pairs) and article texts."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    texts: dict[str, tuple[str, str]] = {}
    for row in rows:
        a, b = row["pair_id"].split("_")
        texts.setdefault(a, (row["lang1"], row["text1"]))
        texts.setdefault(b, (row["lang2"], row["text2"]))
        find(a), find(b)
        if row["scores"]["Overall"] <= 1.5:
            parent[find(a)] = find(b)
    return {a: find(a) for a in texts}, texts


def _variants(text: str, rng: random.Random) -> list[tuple[str, str]]:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sentences = [s for s in _SENT.split(text) if s.strip()]
    out = [("copy", text)]
    if len(sentences) >= 4:
        keep = max(2, int(len(sentences) * rng.uniform(0.5, 0.8)))
        out.append(("trim", " ".join(sentences[:keep])))
        dropped = [s for s in sentences if rng.random() > 0.25] or sentences
        out.append(("drop", " ".join(dropped)))
    if len(paragraphs) >= 3:
        body = paragraphs[1:]
        rng.shuffle(body)
        out.append(("reorder", "\n".join([paragraphs[0], *body])))
    return out


def make_stream(*, stories: int = 200, seed: int = 7, days: float = 30.0, spread_hours: float = 36.0,
                variants_per_story: int = 2, machine_translated: bool = False,
                splits: Sequence[str] = ("train", "dev"), data_dir: Path) -> list[Synthetic]:
    """A shuffled-in-time stream of real and derived articles with gold story ids.

    ``splits`` picks the SemEval files the stories are seeded from (``("train",)``
    for a stream to tune on without touching dev)."""
    rng = random.Random(seed)
    rows = []
    for name in splits:
        with (Path(data_dir) / f"{name}.jsonl").open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh]
    if not machine_translated:
        rows = [r for r in rows if not r["machine_translated"]]
    story_of, texts = _components(rows)
    members: dict[str, list[str]] = {}
    for aid, story in story_of.items():
        members.setdefault(story, []).append(aid)
    chosen = sorted(members)
    rng.shuffle(chosen)
    chosen = chosen[:stories]
    stream: list[Synthetic] = []
    for story in chosen:
        start = rng.uniform(0, days * 86400)
        for aid in sorted(members[story]):
            lang, text = texts[aid]
            t = start + rng.uniform(0, spread_hours * 3600)
            stream.append(Synthetic(aid, story, text, lang, t, "original"))
            options = _variants(text, rng)
            for n, (kind, variant) in enumerate(rng.sample(options, k=min(variants_per_story, len(options)))):
                if rng.random() < 0.6:
                    stream.append(Synthetic(f"{aid}-{kind}{n}", story, variant, lang,
                                            t + rng.uniform(60, spread_hours * 3600), kind))
    stream.sort(key=lambda s: (s.published, s.id))
    return stream
