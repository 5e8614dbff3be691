"""The Spark batch job: read, enrich, find copies, assemble stories, write Parquet (see the package docstring).

``run_job`` drives the stages; the work inside each runs the package's stage
functions through ``stages`` (no analysis, vector, signature or decision is
computed here). pyspark is imported inside the functions, so the package (and
``storylink --help``) loads without the ``spark`` extra.
"""

from __future__ import annotations

import json
import math
import os
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..document import Record
from ..errors import InputError, MissingInput, StorylinkError
from . import stages
from .parquet import FORMAT, MARKER, TABLES

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from rich.console import Console

__all__ = ["JobResult", "run_job", "spark_session", "assemble_items", "near_duplicates", "require_spark"]

DAY = 86400.0


def require_spark() -> None:
    """Raise a one-line ``StorylinkError`` when pyspark (the ``spark`` extra) or Java is missing."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise StorylinkError(f"the Spark job needs the spark extra ({exc.name} missing): "
                             "pip install 'storylink[spark]'", source="spark") from exc
    import shutil

    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise StorylinkError("the Spark job needs Java 17 (no java on PATH, JAVA_HOME unset)", source="spark")


def spark_session(master: str | None = None, *, shuffle_partitions: int | None = None, ui: bool = False,
                  conf: dict[str, str] | None = None) -> "SparkSession":
    """A session for the job. Without ``master``: ``spark-submit``'s, else ``local[*]``.

    Workers run this interpreter (so they import this storylink); a local session binds to
    127.0.0.1 and, unless ``ui``, starts no web UI."""
    require_spark()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit launched us and set the master
    builder = SparkSession.builder.appName("storylink")
    if master or not submitted:
        master = master or "local[*]"
        builder = builder.master(master)
    if master and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # loopback only, and no warning about it
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    settings = {
        "spark.ui.enabled": "true" if ui else "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.python.worker.reuse": "true",
        "spark.sql.session.timeZone": "UTC",
        "spark.pyspark.python": os.environ["PYSPARK_PYTHON"],
    }
    if shuffle_partitions:
        settings["spark.sql.shuffle.partitions"] = str(shuffle_partitions)
    for key, value in (settings | (conf or {})).items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


@dataclass(frozen=True, slots=True)
class JobResult(Record):
    """What one run wrote (``storylink spark --json`` prints ``to_dict()``)."""

    out: str
    articles: int
    analyzed: int
    errors: int
    clustered: int
    stories: int
    duplicates: int
    neardup_pairs: int
    buckets: int
    stitched: int
    seconds: dict[str, float] = field(default_factory=dict)
    python_peak_rss_mb: float = 0.0
    jvm_peak_rss_mb: float = 0.0


class _Progress:
    """A rich bar per stage, filled from Spark's status tracker (tasks done of the running stages)."""

    def __init__(self, spark: "SparkSession", console: "Console | None") -> None:
        self.tracker = spark.sparkContext.statusTracker()
        self.console = console
        self.seconds: dict[str, float] = {}
        self._bar: Any = None
        self._task: Any = None
        self._stop = threading.Event()
        self._seen: dict[int, tuple[int, int]] = {}

    def __enter__(self) -> "_Progress":
        if self.console is not None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(TextColumn("{task.description:<26}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("tasks"), TimeElapsedColumn(), console=self.console, transient=False,
                                 disable=not self.console.is_terminal)
            self._bar.__enter__()
            threading.Thread(target=self._poll, daemon=True).start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        if self._bar is not None:
            self._bar.__exit__(*exc)

    def _poll(self) -> None:
        while not self._stop.wait(0.25):
            try:
                for stage_id in self.tracker.getActiveStageIds():
                    info = self.tracker.getStageInfo(stage_id)
                    if info is not None:
                        self._seen[stage_id] = (info.numCompletedTasks, info.numTasks)
            except Exception:  # noqa: BLE001 - the gateway closes at the end; a bar must not fail the job
                return
            task = self._task
            if task is not None and self._seen:
                done = sum(d for d, _ in self._seen.values())
                total = sum(t for _, t in self._seen.values())
                self._bar.update(task, completed=done, total=max(total, 1))

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        if self._bar is not None:
            self._seen = {}
            self._task = self._bar.add_task(name, total=None)
        try:
            yield
        finally:
            self.seconds[name] = round(time.perf_counter() - start, 3)
            if self._bar is not None:
                task, self._task = self._task, None
                total = self._bar.tasks[-1].total or 1
                self._bar.update(task, completed=total, total=total)
            if self.console is not None and not self.console.is_terminal:
                self.console.print(f"{name}: {self.seconds[name]:.1f} s", highlight=False)


# -- schemas --------------------------------------------------------------------------------

def _schemas() -> dict[str, Any]:
    from pyspark.sql.types import (ArrayType, BinaryType, BooleanType, DoubleType, IntegerType, LongType,
                                   StringType, StructField, StructType)

    def s(*fields: tuple[str, Any, bool]) -> StructType:
        return StructType([StructField(n, t, nullable) for n, t, nullable in fields])

    string, long_, double, boolean, binary = StringType(), LongType(), DoubleType(), BooleanType(), BinaryType()
    article = [(n, string, n != "id" and n != "text") for n in stages.ARTICLE_FIELDS]
    base = [*article, ("seq", long_, False), ("input", string, True), ("published_utc", string, True),
            ("undated", boolean, False), ("time", double, True)]
    return {
        "article": s(*base),
        "enriched": s(*base, ("analysis", string, True), ("analyzer", string, True),
                      ("analysis_language", string, True), ("clustered", boolean, False),
                      ("entities", ArrayType(string), True), ("item_language", string, True),
                      ("facts", ArrayType(string), True),
                      ("use", binary, True), ("minhash", binary, True), ("shingles", IntegerType(), True),
                      ("bands", ArrayType(long_), True), ("profile_model", string, True),
                      ("profile", binary, True)),
        "error": s(("stage", string, False), ("input", string, True), ("article_id", string, True),
                   ("error", string, False), ("message", string, False)),
        "assignment": s(("article_id", string, False), ("story_id", string, False), ("new_story", boolean, False),
                        ("probability", double, False), ("duplicate_of", string, True),
                        ("merged", ArrayType(string), False), ("bucket", IntegerType(), False),
                        ("local_story", string, False), ("undated", boolean, False),
                        ("published_utc", string, True), ("seq", long_, False),
                        ("local_opener", ArrayType(string), True)),
        "warm": s(("article_id", string, False), ("bucket", IntegerType(), False), ("local_story", string, False),
                  ("local_opener", ArrayType(string), True)),
        "story": s(("id", string, False), ("title", string, True), ("size", long_, False),
                   ("duplicates", long_, False), ("languages", ArrayType(string), False),
                   ("sources", ArrayType(string), False), ("first_seen", string, True),
                   ("last_seen", string, True), ("articles", ArrayType(string), False)),
        "neardup": s(("article_id", string, False), ("original_id", string, False), ("jaccard", double, False)),
    }


def _frame(spark: "SparkSession", rdd: Any, schema: Any) -> "DataFrame":
    names = schema.fieldNames()
    return spark.createDataFrame(rdd.map(lambda row: tuple(row.get(n) for n in names)), schema)


# -- stages ---------------------------------------------------------------------------------

def _is_parquet(path: str) -> bool:
    p = Path(path)
    if p.is_file():
        return p.suffix.lower() == ".parquet"
    return p.is_dir() and not (p / MARKER).exists() and any(p.glob("*.parquet"))


def _read(spark: "SparkSession", inputs: Sequence[str], settings: Settings) -> Any:
    """Tagged rows (``("article"|"error", row)``) of every input: files and folders read by
    ``ingest.read`` one input per task, Parquet inputs (the ingest fields as columns) row by row."""
    sc = spark.sparkContext
    plain = [(i, p) for i, p in enumerate(inputs) if not _is_parquet(p)]
    parts = []
    if plain:
        parts.append(sc.parallelize(plain, len(plain)).flatMap(lambda t: stages.read_input(t, settings=settings)))
    for number, path in ((i, p) for i, p in enumerate(inputs) if _is_parquet(p)):
        rows = spark.read.parquet(path).rdd.zipWithIndex()
        parts.append(rows.map(lambda ri, n=number, p=path: _parquet_record(ri[0].asDict(), ri[1], n, p)))
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _parquet_record(record: dict[str, Any], index: int, number: int, path: str) -> tuple[str, dict[str, Any]]:
    from ..ingest import article_from_record

    where = f"{path}:row {index + 1}"
    try:
        # A Parquet date column arrives as a datetime: the ingest fields take ISO text.
        value = record.get("published")
        if hasattr(value, "isoformat"):
            record = record | {"published": value.isoformat()}
        article = article_from_record(record, source=where)
    except InputError as exc:
        return "error", stages.error_row("read", exc, input_name=where)
    return "article", stages.article_row(article, number << stages.SEQ_SHIFT | index, path)


def _dedupe(articles: Any) -> Any:
    """One row per id, as the store keeps it: the first sequence number, the last record's data."""
    repeated = set(articles.map(lambda r: (r["id"], 1)).reduceByKey(lambda a, b: a + b)
                   .filter(lambda kv: kv[1] > 1).keys().collect())
    if not repeated:
        return articles

    def merge(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
        first, last = (a, b) if a["seq"] < b["seq"] else (b, a)
        return last | {"seq": first["seq"]}

    once = articles.filter(lambda r: r["id"] not in repeated)
    again = articles.filter(lambda r: r["id"] in repeated).keyBy(lambda r: r["id"]).reduceByKey(merge).values()
    return once.union(again)


def near_duplicates(items: "DataFrame", *, window_days: float) -> "DataFrame":
    """Near-duplicate pairs by an LSH band join: articles sharing a MinHash band key, the later one
    within ``window_days`` of the earlier, checked on the full signature (``neardup``).

    One row per (copy, earlier article) pair; no all-pairs comparison: a pair meets only in the
    band buckets both fall into."""
    from pyspark.sql import functions as F

    order = lambda p: F.struct(F.col(f"{p}.undated"), F.coalesce(F.col(f"{p}.published_utc"), F.lit("")),  # noqa: E731
                               F.col(f"{p}.seq"))
    banded = items.where(F.col("shingles") > 0).select(
        "id", "time", "undated", "published_utc", "seq", "minhash", "shingles", F.explode("bands").alias("band"))
    a, b = banded.alias("a"), banded.alias("b")
    pairs = (a.join(b, on=F.col("a.band") == F.col("b.band"))
             .where((order("a") < order("b")) & (F.col("b.time") - F.col("a.time") <= window_days * DAY))
             .select(F.col("a.id").alias("a_id"), F.col("b.id").alias("b_id"),
                     F.col("a.minhash").alias("a_minhash"), F.col("a.shingles").alias("a_shingles"),
                     F.col("b.minhash").alias("b_minhash"), F.col("b.shingles").alias("b_shingles"))
             .dropDuplicates(["a_id", "b_id"]))
    spark = items.sparkSession
    checked = pairs.rdd.map(lambda r: r.asDict()).mapPartitions(stages.near_duplicate_pairs)
    return _frame(spark, checked, _schemas()["neardup"])


def assemble_items(items: "DataFrame", *, window_days: float, profiles: bool, bucket_days: float | None,
                   overlap_days: float | None = None, partitions: int | None = None,
                   clusterer_options: dict[str, Any] | None = None) -> tuple["DataFrame", dict[str, Any]]:
    """Stories of cluster items (columns of the ``enriched`` schema): the package's online
    ``Clusterer`` per time bucket, buckets stitched where a story crosses a cut.

    ``bucket_days=None``: one bucket, the single-machine pass itself (exact). Otherwise bucket
    ``b`` also replays the last ``overlap_days`` (default two windows) of bucket ``b-1`` first,
    so its window holds what the single pass would hold there; a story that contains a replayed
    article is joined with that article's story in ``b-1`` (union-find; the earliest story's id
    survives, as in an online merge). Returns the assignments (``story``: final id) and figures."""
    from pyspark.sql import functions as F

    spark = items.sparkSession
    sc = spark.sparkContext
    items = items.where("clustered")
    span = items.agg(F.min("time"), F.max("time")).first()
    t0, t1 = (span[0] or 0.0), (span[1] or 0.0)
    if bucket_days is None or bucket_days * DAY > t1 - t0:
        width, buckets = math.inf, 1
    else:
        width = bucket_days * DAY
        buckets = int((t1 - t0) // width) + 1
    overlap = min(width, (overlap_days if overlap_days is not None else 2 * window_days) * DAY)
    cols = ["id", "time", "undated", "published_utc", "seq", "entities", "item_language", "use", "minhash",
            "shingles", "profile", "facts"]

    def keyed(row: Any) -> Iterator[tuple[tuple[Any, ...], dict[str, Any]]]:
        value = row.asDict()
        offset = value["time"] - t0
        bucket = 0 if width == math.inf else int(offset // width)
        key = (bucket, bool(value["undated"]), value["published_utc"] or "", int(value["seq"]))
        yield key, value | {"warm": False}
        if bucket + 1 < buckets and offset - bucket * width >= width - overlap:
            yield (bucket + 1, *key[1:]), value | {"warm": True}

    n = min(buckets, partitions or max(sc.defaultParallelism, 1))
    options = clusterer_options or {}
    out = (items.select(*cols).rdd.flatMap(keyed)
           .repartitionAndSortWithinPartitions(numPartitions=n, partitionFunc=lambda k: k[0])
           .mapPartitions(lambda rows: stages.assemble(rows, window_days=window_days, profiles=profiles,
                                                       clusterer_options=options))
           .persist())
    schemas = _schemas()
    assigned = _frame(spark, out.filter(lambda kv: kv[0] == "assignment").values(), schemas["assignment"])
    warm = _frame(spark, out.filter(lambda kv: kv[0] == "warm").values(), schemas["warm"])
    memory = out.filter(lambda kv: kv[0] == "memory").values().collect()
    roots = _stitch(warm, assigned)
    if roots:
        mapping = spark.createDataFrame(list(roots.items()), "local_story string, root string")
        assigned = assigned.join(F.broadcast(mapping), on="local_story", how="left")
    else:
        assigned = assigned.withColumn("root", F.lit(None).cast("string"))
    assigned = assigned.withColumn("story", F.coalesce("root", "local_story")).drop("root", "local_opener")
    return assigned, {"buckets": buckets, "stitched": len(roots),
                      "python_peak_rss_mb": max((m["peak_rss_mb"] for m in memory), default=0.0),
                      "bucket_s": sum(m["bucket_s"] for m in memory), "decode_s": sum(m["decode_s"] for m in memory),
                      "rows": sum(m["rows"] for m in memory), "_rdd": out}


def _stitch(warm: "DataFrame", assigned: "DataFrame") -> dict[str, str]:
    """Story id -> surviving id for the stories joined across bucket cuts (small: only cut-crossers).

    Each replayed article links its story in the bucket that replayed it with its story in the
    bucket that owns it; linked stories become one, under the id of the story opened first."""
    from pyspark.sql import functions as F

    edges = (warm.alias("w").join(assigned.alias("o"), on="article_id")
             .select(F.col("w.local_story").alias("x"), F.col("w.local_opener").alias("kx"),
                     F.col("o.local_story").alias("y"), F.col("o.local_opener").alias("ky"))
             .where("x != y").distinct().collect())
    parent: dict[str, str] = {}
    rank: dict[str, tuple[Any, ...]] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def opener(key: Sequence[str] | None) -> tuple[Any, ...]:
        # (undated, published_utc, seq) travelled as strings; order them as the store does
        if not key:
            return (True, "\uffff", math.inf)
        return (key[0] in ("True", "true"), key[1], int(key[2]))

    for e in edges:
        rank.setdefault(e["x"], opener(e["kx"]))
        rank.setdefault(e["y"], opener(e["ky"]))
        rx, ry = find(e["x"]), find(e["y"])
        if rx != ry:
            keep, other = (rx, ry) if (rank[rx], rx) <= (rank[ry], ry) else (ry, rx)
            parent[other] = keep
    return {x: find(x) for x in parent if find(x) != x}


def _stories(assigned: "DataFrame", enriched: "DataFrame") -> "DataFrame":
    """One row per final story, described by ``stories.story_from`` (what ``list_stories`` lists)."""
    from pyspark.sql import functions as F

    from ..document import Article
    from ..stories import story_from

    heads = enriched.select(
        F.col("id").alias("article_id"), "title", "source", "published", "analysis_language",
        # the lead's first line is all the listing reads of a text
        F.expr("substring(text, 1, length(text) - length(ltrim(text)) + 400)").alias("head"))
    rows = assigned.select("article_id", "story", "duplicate_of", "undated", "published_utc", "seq").join(
        heads, on="article_id")

    def describe(group: tuple[str, Any]) -> dict[str, Any]:
        story_id, members = group
        members = sorted(members, key=stages.order_key)
        arts = [Article(id=m["article_id"], text=m["head"], title=m["title"], source=m["source"],
                        published=m["published"]) for m in members]
        langs = {m["article_id"]: m["analysis_language"] for m in members if m["analysis_language"]}
        return story_from(story_id, members, arts, langs).to_dict()

    grouped = rows.rdd.map(lambda r: (r["story"], r.asDict())).groupByKey().map(describe)
    return _frame(assigned.sparkSession, grouped, _schemas()["story"])


def _redirects(assigned: "DataFrame") -> "DataFrame":
    """Every story id an assignment names (its story at the time, the stories it merged) -> the final id."""
    from pyspark.sql import functions as F

    names = assigned.select(F.explode(F.concat(F.array("story_id"), F.col("merged"))).alias("old_id"),
                            F.col("story").alias("new_id"))
    return names.where("old_id != new_id").groupBy("old_id").agg(F.min("new_id").alias("new_id"))


def _check_out(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError("the output exists and is not a folder", source=str(out))
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise InputError("the output folder is not empty and holds no earlier storylink spark output; "
                         "give a new or empty folder", source=str(out))


def _jvm_peak_mb(spark: "SparkSession") -> float:
    """Peak RSS of the driver JVM (in local mode also the executors) from /proc, 0 when unknown."""
    try:
        pid = spark.sparkContext._jvm.java.lang.ProcessHandle.current().pid()  # type: ignore[union-attr]
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except Exception:  # noqa: BLE001 - a figure, not a result
        pass
    return 0.0


def run_job(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    spark: "SparkSession | None" = None,
    master: str | None = None,
    settings: Settings | None = None,
    profiles: bool | None = None,
    bucket_days: float | None = None,
    overlap_days: float | None = None,
    partitions: int | None = None,
    console: "Console | None" = None,
) -> JobResult:
    """Run the batch job over ``inputs`` and write the Parquet tables to ``out``.

    ``profiles`` (default: ``settings.story_profiles``) builds the compare profiles and turns on
    the clusterer's second stage, as ``storylink cluster`` does. ``bucket_days`` cuts the stream
    into time buckets clustered in parallel and stitched (``None``: one bucket, the exact single
    pass). Bad records and failed analyses go to the ``errors`` table; the job completes.

    Raises:
        MissingInput: an input path does not exist (nothing is started).
        InputError: ``out`` is a file, or a non-empty folder that is not an earlier output.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    settings = settings or Settings.from_env()
    profiles = settings.story_profiles if profiles is None else profiles
    names = [str(p) for p in inputs]
    for name in names:
        if not Path(name).exists():
            raise MissingInput("no such file or directory", source=name)
    out = Path(out)
    _check_out(out)
    own = spark is None
    spark = spark or spark_session(master)
    sc = spark.sparkContext
    schemas = _schemas()
    window = settings.story_window_days
    parallel = partitions or max(2, sc.defaultParallelism * 2)
    try:
        with _Progress(spark, console) as progress:
            with progress.stage("read"):
                tagged = _read(spark, names, settings).persist(StorageLevel.MEMORY_AND_DISK)
                articles = _dedupe(tagged.filter(lambda kv: kv[0] == "article").values())
                read_errors = tagged.filter(lambda kv: kv[0] == "error").values()
                n_read = articles.count()
            with progress.stage("analyze, vectors, signatures"):
                enriched_rdd = (articles.repartition(min(parallel, max(1, n_read)))
                                .mapPartitions(lambda rows: stages.enrich(rows, settings=settings, profiles=profiles))
                                .persist(StorageLevel.MEMORY_AND_DISK))
                enriched = _frame(spark, enriched_rdd.filter(lambda kv: kv[0] == "article").values(),
                                  schemas["enriched"])
                latest = enriched.agg(F.max("time")).first()[0]
                # Undated articles come last and take the latest time seen (``stories._timeline``).
                enriched = enriched.withColumn("time", F.coalesce("time", F.lit(float(latest or 0.0))))
                enriched = enriched.persist(StorageLevel.MEMORY_AND_DISK)
                counts = enriched.agg(F.count("*"), F.count("analysis"), F.sum(F.col("clustered").cast("int"))).first()
            with progress.stage("near-duplicates (LSH join)"):
                neardups = near_duplicates(enriched.where("clustered"), window_days=window).persist()
                n_pairs = neardups.count()
            with progress.stage("stories (online per bucket)"):
                assigned, figures = assemble_items(enriched, window_days=window, profiles=profiles,
                                                   bucket_days=bucket_days, overlap_days=overlap_days,
                                                   partitions=partitions)
                assigned = assigned.persist(StorageLevel.MEMORY_AND_DISK)
                n_dups = assigned.where(F.col("duplicate_of").isNotNull()).count()
                stories = _stories(assigned, enriched).persist()
                n_stories = stories.count()
            with progress.stage("write Parquet"):
                errors = _frame(spark, sc.union([read_errors, enriched_rdd.filter(lambda kv: kv[0] == "error")
                                                 .values()]), schemas["error"])
                n_errors = _write_tables(out, enriched, assigned, stories, neardups, errors)
                marker = {"format": FORMAT, "version": 1, "tables": list(TABLES),
                          "inputs": names, "window_days": window, "profiles": profiles, "bucket_days": bucket_days,
                          "written": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
                # Written last: a folder without it is no output (a run that died half-way).
                (out / MARKER).write_text(json.dumps(marker, indent=2), encoding="utf-8")
        result = JobResult(out=str(out), articles=int(counts[0]), analyzed=int(counts[1]), errors=n_errors,
                           clustered=int(counts[2] or 0), stories=n_stories, duplicates=n_dups,
                           neardup_pairs=n_pairs, buckets=figures["buckets"], stitched=figures["stitched"],
                           seconds=progress.seconds, python_peak_rss_mb=round(figures["python_peak_rss_mb"], 1),
                           jvm_peak_rss_mb=round(_jvm_peak_mb(spark), 1))
        for df in (enriched, neardups, assigned, stories):
            df.unpersist()
        for rdd in (tagged, enriched_rdd, figures["_rdd"]):
            rdd.unpersist()
        return result
    finally:
        if own:
            spark.stop()


def _write_tables(out: Path, enriched: "DataFrame", assigned: "DataFrame", stories: "DataFrame",
                  neardups: "DataFrame", errors: "DataFrame") -> int:
    """The output tables (see ``parquet.TABLES``); returns the number of error rows."""
    from pyspark.sql import functions as F

    from ..stories import DOC_VECTOR_MODEL

    marker = out / MARKER
    if marker.exists():
        marker.unlink()  # re-run into an earlier output: it is no output until the new marker is written
    article_cols = [*stages.ARTICLE_FIELDS, "seq", "input", "published_utc", "undated", "time"]
    tables: dict[str, DataFrame] = {
        "articles": enriched.select(*article_cols),
        "analyses": enriched.where(F.col("analysis").isNotNull()).select(
            F.col("id").alias("article_id"), "analyzer", F.col("analysis_language").alias("language"),
            F.col("analysis").alias("data")),
        "vectors": enriched.where("clustered").select(
            F.col("id").alias("article_id"), F.lit(DOC_VECTOR_MODEL).alias("model"), F.col("use").alias("vector")),
        "signatures": enriched.where("clustered").select(
            F.col("id").alias("article_id"), F.col("shingles").alias("size"), "minhash", "bands"),
        "profiles": enriched.where(F.col("profile").isNotNull()).select(
            F.col("id").alias("article_id"), F.col("profile_model").alias("model"), F.col("profile").alias("data")),
        "assignments": assigned.select("article_id", "story_id", "new_story", "probability", "duplicate_of",
                                       "merged", "story", "bucket", "undated", "published_utc", "seq"),
        "redirects": _redirects(assigned),
        "stories": stories,
        "neardups": neardups,
        "errors": errors.persist(),
    }
    assert set(tables) == set(TABLES)
    for name, df in tables.items():
        df.write.mode("overwrite").parquet(str(out / name))
    n = tables["errors"].count()
    tables["errors"].unpersist()
    return int(n)

