"""Synthetic article streams with gold story ids, for clustering quality and scale.

Quality stream (``make_stream``): stories seeded from real SemEval-2022 Task 8
articles. Articles linked by same-story pairs (Overall <= 1.5) form one gold story
(this brings the data set's cross-lingual pairs in as translations); each story
gets extra members made by copying (agency copy), trimming, reordering
paragraphs and dropping sentences; articles of different-story pairs
(Overall >= 3) on related topics are the distractors. Publication times: each
story starts at a random time within ``days`` and its members follow within
``spread_hours``.

Scale stream (``make_vector_stream``): only vectors, entity keys and signatures,
drawn around random story centres, for 10k to 1M items without text.

    python bench/synth.py --stories 200 --out /tmp/stream.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from _common import SEMEVAL

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
                splits: Sequence[str] = ("train", "dev"), data_dir: Path | None = None) -> list[Synthetic]:
    """A shuffled-in-time stream of real and derived articles with gold story ids.

    ``splits`` picks the SemEval files the stories are seeded from (``("train",)``
    for a stream to tune on without touching dev)."""
    rng = random.Random(seed)
    rows = []
    for name in splits:
        with ((data_dir or SEMEVAL) / f"{name}.jsonl").open(encoding="utf-8") as fh:
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


def make_vector_stream(n: int, *, dim: int = 64, seed: int = 11, days: float = 365.0,
                       mean_story_size: float = 5.0, noise: float = 0.35) -> Iterator[dict]:
    """``n`` items as dicts (id, story, time, vector, entities) drawn around story centres."""
    rng = np.random.default_rng(seed)
    n_stories = max(1, int(n / mean_story_size))
    starts = np.sort(rng.uniform(0, days * 86400, n_stories))
    story_idx = np.sort(rng.integers(0, n_stories, n))
    times = starts[story_idx] + rng.exponential(6 * 3600, n)
    order = np.argsort(times, kind="stable")
    for i in order.tolist():
        s = int(story_idx[i])
        srng = np.random.default_rng(s)
        centre = srng.standard_normal(dim)
        vec = centre / np.linalg.norm(centre) + noise * rng.standard_normal(dim) / np.sqrt(dim)
        ents = {f"e{s}-{k}" for k in range(3)} | {f"common{int(rng.integers(0, 50))}"}
        yield {"id": f"a{i}", "story": f"s{s}", "time": float(times[i]),
               "vector": (vec / np.linalg.norm(vec)).astype(np.float32), "entities": frozenset(ents)}


def main() -> None:
    parser = argparse.ArgumentParser(description="write a synthetic JSONL stream with gold story ids")
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    stream = make_stream(stories=args.stories, seed=args.seed)
    with args.out.open("w", encoding="utf-8") as fh:
        for s in stream:
            fh.write(json.dumps({"id": s.id, "text": s.text, "language": s.language,
                                 "published": s.published, "story": s.story, "kind": s.kind},
                                ensure_ascii=False) + "\n")
    print(f"{len(stream)} articles in {len({s.story for s in stream})} stories -> {args.out}")


if __name__ == "__main__":
    main()
