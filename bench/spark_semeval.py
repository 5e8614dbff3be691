"""The Spark job against ``storylink cluster`` on SemEval-2022 Task 8 dev, one stream (issue 18, item 3).

    python bench/spark_semeval.py [--split dev] [--limit N] [--profiles] [--master local[2]] [--json FILE]

Both paths analyse and embed the same JSONL themselves (``storylink.spark.agreement``); printed:
BCubed P/R/F1 of the Spark stories against the single machine's, whether the near-duplicate sets
are identical, and pairwise P/R/F1 on the split's labelled pairs for each path, as
``storylink eval clusters`` prints them.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from pathlib import Path

SEMEVAL = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "semeval2022-task8"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SEMEVAL)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, help="the articles of the first N pairs only")
    parser.add_argument("--profiles", action="store_true", help="both stages (compare profiles, ~0.6 s/article)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--bucket-days", type=float, default=None)
    parser.add_argument("--json", help="also write the figures as JSON here")
    args = parser.parse_args()

    from storylink.evaluate.clusters import format_table
    from storylink.spark.agreement import semeval_agreement

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; SemEval {args.split}, "
          f"{'with' if args.profiles else 'without'} profiles, Spark {args.master}")
    r = semeval_agreement(args.data, Path(tempfile.mkdtemp(prefix="sl-spark-semeval-")), split=args.split,
                          limit=args.limit, profiles=args.profiles, master=args.master, bucket_days=args.bucket_days)
    a = r["agreement_bcubed"]
    print(f"{r['articles']} articles, {r['labelled_pairs']} labelled pairs, {r['buckets']} bucket(s), "
          f"{r['spark_errors']} Spark error rows")
    print(f"agreement (Spark vs single machine): BCubed P {a['precision']:.3f} R {a['recall']:.3f} "
          f"F1 {a['f1']:.3f}")
    d = r["duplicates"]
    print(f"near-duplicates identical: {r['duplicates_equal']} (single {d['single']}, Spark {d['spark']})")
    print(format_table([{"method": "storylink cluster (single machine)"} | r["single"],
                        {"method": "storylink spark"} | r["spark"]],
                       ["precision", "recall", "f1", "pairs", "stories"]))
    print(f"seconds: single {r['seconds']['single']}, Spark {r['seconds']['spark']} (session start included)")
    if args.json:
        Path(args.json).write_text(json.dumps(r, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
