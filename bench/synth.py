"""Synthetic article streams with gold story ids, for clustering quality and scale.

Quality stream: ``storylink.evaluate.synth.make_stream`` (real SemEval articles
and derived copies, trims, reorderings; see there), written out as JSONL here;
``--hard``: the hard stream of ``storylink.evaluate.hardsynth`` instead (near-topic
stories generated from templates: police reports, council, football, politicians).

Scale stream (``make_vector_stream``): only vectors, entity keys and signatures,
drawn around random story centres, for 10k to 1M items without text.

    python bench/synth.py --stories 200 --out /tmp/stream.jsonl
    python bench/synth.py --hard --seed 11 --out /tmp/hard.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from _common import SEMEVAL
from storylink.evaluate.hardsynth import make_hard_stream
from storylink.evaluate.synth import make_stream


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
    parser.add_argument("--hard", action="store_true", help="the hard stream of near-topic stories (no data needed)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    stream = (make_hard_stream(seed=args.seed) if args.hard
              else make_stream(stories=args.stories, seed=args.seed, data_dir=SEMEVAL))
    with args.out.open("w", encoding="utf-8") as fh:
        for s in stream:
            fh.write(json.dumps({"id": s.id, "text": s.text, "language": s.language,
                                 "published": s.published, "story": s.story, "kind": s.kind},
                                ensure_ascii=False) + "\n")
    print(f"{len(stream)} articles in {len({s.story for s in stream})} stories -> {args.out}")


if __name__ == "__main__":
    main()
