"""The Spark job's story assembly at scale, beside the single-machine pass in the same run.

    python bench/spark.py --sizes 10000 100000 --masters 'local[1]' 'local[2]' --svg bench/results/spark.svg

Given vectors (``synth.make_vector_stream``: 512-d vectors and entity keys around
random story centres over a year, as ``bench/cluster.py``), the stream is written
to Parquet once; then, each in a fresh process so that peak memory is its own:

- **single machine**: ``Clusterer.run`` over the items (what ``storylink cluster`` runs, given vectors);
- **Spark** per master: read the Parquet, ``job.assemble_items`` (one online pass per time bucket of
  ``--bucket-days``, stitched), the assignments written back to Parquet.

With vectors (``--with-vectors``): the stream is real texts, SemEval train+dev articles and their
derived copies over a year (``evaluate.synth.make_stream``, 4 variants per story, machine-translated
pairs included: ~10k articles at most), and the timed work starts from the texts: the whole-text USE
vector (``stories.vector_text``, ``vectors.encode_use``) and the MinHash signature
(``neardup.signatures``) in batches of 32, then the story assembly. The single machine calls those
functions in one process; Spark runs ``stages.enrich(analysis=False)`` per partition
(``mapPartitions``, models loaded once per Python worker), then ``job.assemble_items``. The analysis
is left out of both (the items carry no entity keys): at ~0.1-0.3 s per article here it would be
the whole figure.

Printed per size: docs/s (wall clock of the clustering alone; the session start is given apart),
peak RSS of the single process / of the Spark driver's Python, its JVM (in local mode the executors
too) and the largest Python worker, where the Spark time went (inside the buckets' passes, decoding
rows into items, the rest: shuffle, sort, (de)serialisation, scheduling), and the BCubed F1 of the
Spark stories against the single machine's (the agreement) and against the gold stories.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from _common import rss_mb
from synth import make_vector_stream

DAY = 86400.0


def write_stream(n: int, path: Path, *, dim: int, days: float) -> None:
    """The synthetic stream as the job's item columns (``job._schemas()['enriched']`` subset), in Parquet."""
    from storylink.store import published_key

    cols: dict[str, list] = {k: [] for k in ("id", "story", "time", "undated", "published_utc", "seq", "entities",
                                             "item_language", "use", "minhash", "shingles", "profile", "clustered")}
    empty = np.full(64, np.iinfo(np.uint32).max, dtype="<u4").tobytes()
    writer = None
    for i, d in enumerate(make_vector_stream(n, dim=dim, days=days)):
        when = 1.6e9 + d["time"]
        cols["id"].append(d["id"])
        cols["story"].append(d["story"])
        cols["time"].append(when)
        cols["undated"].append(False)
        cols["published_utc"].append(published_key(time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when))
                                                   + f".{int(when * 1000) % 1000:03d}"))
        cols["seq"].append(i)
        cols["entities"].append(sorted(d["entities"]))
        cols["item_language"].append(None)
        cols["use"].append(d["vector"].astype("<f4").tobytes())
        cols["minhash"].append(empty)
        cols["shingles"].append(0)
        cols["profile"].append(None)
        cols["clustered"].append(True)
        if len(cols["id"]) == 50_000:
            writer = _flush(cols, path, writer)
    writer = _flush(cols, path, writer)
    writer.close()


def _flush(cols: dict[str, list], path: Path, writer):  # type: ignore[no-untyped-def]
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("story", pa.string()), ("time", pa.float64()),
                        ("undated", pa.bool_()), ("published_utc", pa.string()), ("seq", pa.int64()),
                        ("entities", pa.list_(pa.string())), ("item_language", pa.string()),
                        ("use", pa.binary()), ("minhash", pa.binary()), ("shingles", pa.int32()),
                        ("profile", pa.binary()), ("clustered", pa.bool_())])
    table = pa.table({k: cols[k] for k in schema.names}, schema=schema)
    writer = writer or pq.ParquetWriter(path, schema)
    writer.write_table(table)
    for v in cols.values():
        v.clear()
    return writer


def write_text_stream(n: int, path: Path, *, days: float, data_dir: Path) -> int:
    """The first ``n`` articles of the text stream in publication order, as the job's article columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from storylink.evaluate.synth import make_stream
    from storylink.spark.stages import ARTICLE_FIELDS
    from storylink.store import published_key

    stream = sorted(make_stream(stories=10**6, seed=7, days=days, variants_per_story=4, machine_translated=True,
                                data_dir=data_dir), key=lambda s: s.published)[:n]
    cols: dict[str, list] = {k: [] for k in (*ARTICLE_FIELDS, "story", "seq", "input", "published_utc", "undated",
                                             "time")}
    for i, s in enumerate(stream):
        when = 1.6e9 + s.published
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(when)) + f".{int(when * 1000) % 1000:03d}+00:00"
        row = dict.fromkeys(ARTICLE_FIELDS) | {"id": f"{s.id}#{i}", "text": s.text, "language": s.language,
                                               "published": stamp}
        row |= {"story": s.story, "seq": i, "input": "synthetic", "published_utc": published_key(stamp),
                "undated": False, "time": when}
        for k, v in row.items():
            cols[k].append(v)
    pq.write_table(pa.table(cols), path)
    return len(stream)


def one_single_vectors(path: Path, labels_out: Path, window_days: float) -> dict[str, float]:
    """The single machine from texts: USE vectors and signatures in batches of 32, then ``Clusterer.run``."""
    import pyarrow.parquet as pq

    from storylink.cluster import Clusterer, item_from
    from storylink.document import Article
    from storylink.neardup import signatures
    from storylink.stories import vector_text
    from storylink.vectors import encode_use

    cols = pq.read_table(path, columns=["id", "text", "language", "time"]).to_pydict()
    encode_use(["warm the model up"])  # loading is not the pass; Spark's workers load theirs inside the job
    start = time.perf_counter()
    items = []
    for at in range(0, len(cols["id"]), 32):
        part = slice(at, at + 32)
        articles = [Article(id=i, text=t, language=lang)
                    for i, t, lang in zip(cols["id"][part], cols["text"][part], cols["language"][part])]
        vectors = encode_use([vector_text(a) for a in articles])
        sigs = signatures([a.text for a in articles])
        items += [item_from(a.id, t, a.text, None, v, sig=g)
                  for a, t, v, g in zip(articles, cols["time"][part], vectors, sigs)]
    embed_s = time.perf_counter() - start
    clusterer = Clusterer(window_days=window_days, second_stage=False)
    assigned = list(clusterer.run(items))
    seconds = time.perf_counter() - start
    story = {a.article_id: a.story_id for a in assigned}
    np.save(labels_out, np.array([clusterer.resolve(story[i]) for i in cols["id"]]))
    return {"docs_s": len(items) / seconds, "seconds": seconds, "embed_s": embed_s, "rss_mb": rss_mb()}


def one_spark_vectors(path: Path, labels_out: Path, master: str, window_days: float, bucket_days: float | None,
                      overlap_days: float | None) -> dict[str, float]:
    """Spark from texts: ``stages.enrich(analysis=False)`` per partition, then ``assemble_items``."""
    from pyspark.sql import functions as F  # noqa: F401

    from storylink.spark import stages
    from storylink.spark.job import _frame, _jvm_peak_mb, _schemas, assemble_items, spark_session

    started = time.perf_counter()
    cores = int(master[6:-1]) if master.startswith("local[") and master[6:-1].isdigit() else os.cpu_count() or 1
    spark = spark_session(master, shuffle_partitions=max(2, 2 * cores), conf={"spark.driver.memory": "6g"})
    session_s = time.perf_counter() - started
    out = Path(tempfile.mkdtemp(prefix="sl-bench-"))
    start = time.perf_counter()
    articles = spark.read.parquet(str(path)).drop("story").repartition(2 * cores)
    tagged = articles.rdd.map(lambda r: r.asDict()).mapPartitions(
        lambda rows: stages.enrich(rows, settings=None, profiles=False, analysis=False))
    enriched = _frame(spark, tagged.filter(lambda t: t[0] == "article").values(), _schemas()["enriched"]).cache()
    n = enriched.count()
    embed_s = time.perf_counter() - start
    assigned, figures = assemble_items(enriched, window_days=window_days, profiles=False, bucket_days=bucket_days,
                                       overlap_days=overlap_days, partitions=cores)
    assigned.select("article_id", "story").write.mode("overwrite").parquet(str(out / "assignments"))
    seconds = time.perf_counter() - start
    driver_mb = rss_mb()
    import pyarrow.parquet as pq

    got = pq.read_table(out / "assignments").to_pydict()
    story = dict(zip(got["article_id"], got["story"]))
    ids = pq.read_table(path, columns=["id"]).column("id").to_pylist()
    np.save(labels_out, np.array([story[i] for i in ids]))
    result = {"docs_s": n / seconds, "seconds": seconds, "embed_s": embed_s, "session_s": session_s,
              "driver_rss_mb": driver_mb, "jvm_rss_mb": _jvm_peak_mb(spark),
              "worker_rss_mb": figures["python_peak_rss_mb"], "bucket_s": figures["bucket_s"],
              "decode_s": figures["decode_s"], "buckets": figures["buckets"], "stitched": figures["stitched"],
              "cores": cores}
    spark.stop()
    return result


def one_single(path: Path, labels_out: Path, window_days: float) -> dict[str, float]:
    """The single-machine pass, items read from the Parquet in batches (as a store hands them over);
    only ``Clusterer.run`` is timed."""
    import pyarrow.parquet as pq

    from storylink.cluster import ClusterItem, Clusterer

    clusterer = Clusterer(window_days=window_days, second_stage=False)
    seconds = 0.0
    ids: list[str] = []
    story: dict[str, str] = {}
    for batch in pq.ParquetFile(path).iter_batches(batch_size=20_000, columns=["id", "time", "use", "entities"]):
        cols = batch.to_pydict()
        items = [ClusterItem(i, t, np.frombuffer(u, dtype="<f4"), None, frozenset(e))
                 for i, t, u, e in zip(cols["id"], cols["time"], cols["use"], cols["entities"])]
        del cols
        start = time.perf_counter()
        assigned = list(clusterer.run(items))
        seconds += time.perf_counter() - start
        clusterer.closed.clear()  # the store persists closed stories; here they are only dropped
        ids += [i.id for i in items]
        story.update((a.article_id, a.story_id) for a in assigned)
    np.save(labels_out, np.array([clusterer.resolve(story[i]) for i in ids]))
    return {"docs_s": len(ids) / seconds, "seconds": seconds, "rss_mb": rss_mb()}


def one_spark(path: Path, labels_out: Path, master: str, window_days: float, bucket_days: float | None,
              overlap_days: float | None) -> dict[str, float]:
    from pyspark.sql import functions as F

    from storylink.spark.job import _jvm_peak_mb, assemble_items, spark_session

    started = time.perf_counter()
    cores = int(master[6:-1]) if master.startswith("local[") and master[6:-1].isdigit() else os.cpu_count() or 1
    spark = spark_session(master, shuffle_partitions=max(2, 2 * cores), conf={"spark.driver.memory": "6g"})
    session_s = time.perf_counter() - started
    out = Path(tempfile.mkdtemp(prefix="sl-bench-"))
    start = time.perf_counter()
    items = spark.read.parquet(str(path))
    n = items.count()
    assigned, figures = assemble_items(items, window_days=window_days, profiles=False, bucket_days=bucket_days,
                                       overlap_days=overlap_days, partitions=cores)
    assigned.select("article_id", "story").write.mode("overwrite").parquet(str(out / "assignments"))
    seconds = time.perf_counter() - start
    driver_mb = rss_mb()  # before this script reads the labels back
    import pyarrow.parquet as pq

    got = pq.read_table(out / "assignments").to_pydict()
    story = dict(zip(got["article_id"], got["story"]))
    ids = pq.read_table(path, columns=["id"]).column("id").to_pylist()
    np.save(labels_out, np.array([story[i] for i in ids]))
    result = {"docs_s": n / seconds, "seconds": seconds, "session_s": session_s, "driver_rss_mb": driver_mb,
              "jvm_rss_mb": _jvm_peak_mb(spark), "worker_rss_mb": figures["python_peak_rss_mb"],
              "bucket_s": figures["bucket_s"], "decode_s": figures["decode_s"], "buckets": figures["buckets"],
              "stitched": figures["stitched"], "cores": cores}
    spark.stop()
    return result


def bcubed_f1(pred: np.ndarray, gold: np.ndarray) -> float:
    from storylink.evaluate.clusters import bcubed

    ids = [str(i) for i in range(len(pred))]
    return bcubed(dict(zip(ids, pred.tolist())), dict(zip(ids, gold.tolist())))["f1"]


def svg(rows: list[dict], sizes: list[int], methods: list[str], *, what: str = "story assembly, given vectors"
        ) -> str:
    """docs/s and peak memory against stream size, one line per method. Plain SVG."""
    width, height, pad = 380, 250, 52
    colours = ["#444", "#1f5fa8", "#d0701c", "#2a9d4b", "#8a3ea8"]
    lo, hi = math.log10(min(sizes)) - 0.2, math.log10(max(sizes)) + 0.2

    def panel(x0: int, title: str, key: str) -> list[str]:
        values = [r[key] for r in rows if key in r]
        top = max(values) * 1.2 if values else 1.0

        def xy(n: float, v: float) -> tuple[float, float]:
            return (x0 + pad + (math.log10(n) - lo) / (hi - lo) * (width - pad - 16),
                    height - pad + 8 - v / top * (height - pad - 24))

        left, right, base = x0 + pad, x0 + width - 16, height - pad + 8
        out = [f'<text x="{x0 + width / 2}" y="16" text-anchor="middle" font-weight="bold">{title}</text>',
               f'<line x1="{left}" y1="{base}" x2="{right}" y2="{base}" stroke="#444"/>',
               f'<line x1="{left}" y1="24" x2="{left}" y2="{base}" stroke="#444"/>']
        for frac in (0.0, 0.5, 1.0):
            _, y = xy(sizes[0], top / 1.2 * frac)
            out.append(f'<text x="{left - 4}" y="{y + 4:.0f}" text-anchor="end" font-size="10">'
                       f'{top / 1.2 * frac:,.0f}</text>')
        for n in sizes:
            x, _ = xy(n, 0)
            out.append(f'<text x="{x:.0f}" y="{base + 14}" text-anchor="middle" font-size="10">{n:,d}</text>')
        for k, method in enumerate(methods):
            pts = [xy(r["n"], r[key]) for r in rows if r["method"] == method and key in r]
            colour = colours[k % len(colours)]
            out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="'
                       + " ".join(f"{x:.1f},{y:.1f}" for x, y in pts) + '"/>')
            vals = [r[key] for r in rows if r["method"] == method and key in r]
            out += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/><text x="{x + 5:.1f}" '
                    f'y="{y - 5:.1f}" font-size="9" fill="{colour}">{v:,.0f}</text>' for (x, y), v in zip(pts, vals)]
            out.append(f'<text x="{left + 8}" y="{34 + 13 * k}" font-size="10" fill="{colour}">{method}</text>')
        out.append(f'<text x="{x0 + width / 2}" y="{height - 8}" text-anchor="middle" font-size="11">'
                   'articles in the stream (log scale)</text>')
        return out

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{2 * width}" height="{height}" '
             'font-family="sans-serif" font-size="12" role="img">',
             '<title>storylink on Spark: story assembly docs/s and peak memory against stream size</title>']
    parts += panel(0, f"{what} (docs/s)", "docs_s")
    parts += panel(width, "peak memory, largest process (MB)", "peak_mb")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--masters", nargs="*", default=["local[1]", "local[2]"])
    parser.add_argument("--dim", type=int, default=512)
    parser.add_argument("--days", type=float, default=365.0)
    parser.add_argument("--window-days", type=float, default=4.0)
    parser.add_argument("--bucket-days", type=float, default=30.0,
                        help="time buckets clustered in parallel (0: one bucket, the exact single pass)")
    parser.add_argument("--overlap-days", type=float, default=None)
    parser.add_argument("--svg", help="draw docs/s and peak memory against size into this SVG file")
    parser.add_argument("--json", help="also write the figures as JSON here")
    parser.add_argument("--with-vectors", action="store_true",
                        help="start from texts: USE vectors and signatures, then the assembly (sizes up to ~10k)")
    parser.add_argument("--data", type=Path,
                        default=Path(__file__).resolve().parents[2] / "shared" / "data" / "semeval2022-task8")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)  # kind path labels master, in a fresh process
    args = parser.parse_args()
    bucket_days = args.bucket_days or None
    if args.one:
        kind, path, labels, master = args.one
        if kind == "single":
            r = one_single(Path(path), Path(labels), args.window_days)
        elif kind == "single-vectors":
            r = one_single_vectors(Path(path), Path(labels), args.window_days)
        elif kind == "spark-vectors":
            r = one_spark_vectors(Path(path), Path(labels), master, args.window_days, bucket_days, args.overlap_days)
        else:
            r = one_spark(Path(path), Path(labels), master, args.window_days, bucket_days, args.overlap_days)
        print(json.dumps(r))
        return

    what = "from texts: USE vectors, signatures, assembly" if args.with_vectors else "story assembly, given vectors"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {what}; "
          f"{'texts' if args.with_vectors else f'{args.dim}-d vectors'} over {args.days:.0f} days, {args.window_days:g}-day window, buckets of {args.bucket_days:g} days")
    rows: list[dict] = []
    tmp = Path(tempfile.mkdtemp(prefix="sl-bench-spark-"))
    for n in args.sizes:
        path = tmp / f"stream-{n}.parquet"
        if args.with_vectors:
            got = write_text_stream(n, path, days=args.days, data_dir=args.data)
            if got < n:
                print(f"{n:,d}: the text stream has only {got:,d} articles; measuring those")
                n = got
        else:
            write_stream(n, path, dim=args.dim, days=args.days)
        import pyarrow.parquet as pq

        gold = np.array(pq.read_table(path, columns=["story"]).column("story").to_pylist())
        labels = {}
        for method in ["single machine", *args.masters]:
            kind = "single" if method == "single machine" else "spark"
            kind += "-vectors" if args.with_vectors else ""
            out = tmp / f"labels-{n}-{len(labels)}.npy"
            cmd = [sys.executable, __file__, "--one", kind, str(path), str(out),
                   method if kind.startswith("spark") else "-",
                   "--window-days", str(args.window_days), "--bucket-days", str(args.bucket_days)]
            if args.overlap_days is not None:
                cmd += ["--overlap-days", str(args.overlap_days)]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode:
                raise SystemExit(f"{method} at {n:,d} failed:\n{done.stderr[-3000:]}")
            r = json.loads(done.stdout.strip().splitlines()[-1])
            labels[method] = np.load(out)
            r |= {"n": n, "method": method}
            r["peak_mb"] = r["rss_mb"] if kind.startswith("single") else max(r["jvm_rss_mb"], r["worker_rss_mb"],
                                                                     r["driver_rss_mb"])
            r["gold_f1"] = bcubed_f1(labels[method], gold)
            if kind.startswith("spark"):
                r["agreement_f1"] = bcubed_f1(labels[method], labels["single machine"])
            rows.append(r)
        base = next(r for r in rows if r["n"] == n and r["method"] == "single machine")
        for r in (r for r in rows if r["n"] == n):
            if r["method"] == "single machine":
                embed = f", vectors+signatures {r['embed_s']:.1f} s" if "embed_s" in r else ""
                print(f"{n:>9,d}  single machine  {r['docs_s']:8.0f} docs/s  ({r['seconds']:6.1f} s{embed})  "
                      f"peak RSS {r['rss_mb']:6.0f} MB  BCubed F1 vs gold {r['gold_f1']:.3f}")
                continue
            other = r["seconds"] - r["bucket_s"] / r["cores"] if r["cores"] else r["seconds"]
            print(f"{n:>9,d}  spark {r['method']:<9} {r['docs_s']:8.0f} docs/s  ({r['seconds']:6.1f} s, "
                  f"x{r['docs_s'] / base['docs_s']:.2f} of single; session start {r['session_s']:.1f} s"
                  + (f"; vectors+signatures stage {r['embed_s']:.1f} s" if "embed_s" in r else "") + ")  "
                  f"peak RSS driver {r['driver_rss_mb']:.0f} MB, JVM {r['jvm_rss_mb']:.0f} MB, "
                  f"worker {r['worker_rss_mb']:.0f} MB  "
                  f"time: in buckets {r['bucket_s']:.1f} s (decoding rows {r['decode_s']:.1f} s) over "
                  f"{r['cores']} core(s), rest ~{max(other, 0):.1f} s wall  "
                  f"{r['buckets']} buckets, {r['stitched']} stitched  "
                  f"agreement F1 {r['agreement_f1']:.3f}, vs gold {r['gold_f1']:.3f}")
        sys.stdout.flush()
        # Written after each size: a long run that is stopped keeps what it measured.
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=1), encoding="utf-8")
        if args.svg:
            done_sizes = sorted({r["n"] for r in rows})
            Path(args.svg).write_text(svg(rows, done_sizes, ["single machine", *args.masters], what=what), encoding="utf-8")
    if args.svg:
        print(f"picture: {args.svg}")
    print(f"peak RSS of this process {rss_mb():.0f} MB; maxrss children "
          f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
