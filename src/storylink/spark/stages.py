"""The per-partition work of the Spark job: plain Python over iterators, no Spark in here.

Each function wraps the package's own stage functions (``ingest.read``,
``analyze.analyze``, ``vectors.encode_use``, ``neardup.signatures``,
``features.build_profiles``, ``cluster.Clusterer``) so that the job computes
exactly what ``storylink cluster`` computes; only the scheduling is Spark's.
Rows are plain dicts (what ``createDataFrame`` takes); a failure becomes an
``error`` row naming the input and the job goes on.

    >>> rows = list(read_input((0, "/nonexistent/x.txt"), settings=None))
    >>> rows[0][0], rows[0][1]["stage"], rows[0][1]["error"]
    ('error', 'read', 'missing')
"""

from __future__ import annotations

import itertools
import json
import resource
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from ..config import Settings
from ..document import Analysis, Article
from ..errors import StorylinkError

__all__ = [
    "ARTICLE_FIELDS",
    "SEQ_SHIFT",
    "read_input",
    "enrich",
    "order_key",
    "near_duplicate_pairs",
    "assemble",
    "error_row",
]

#: ``Article`` fields, the columns of the ``articles`` table besides the job's own.
ARTICLE_FIELDS = ("id", "text", "title", "url", "source", "published", "language", "author", "origin")
#: Ingest sequence = input number << SEQ_SHIFT | record number: grows in input order, as the store's does.
SEQ_SHIFT = 40
_BATCH = 32  # what cluster_store hands the encoders at once


def error_row(stage: str, exc: BaseException, *, input_name: str | None, article_id: str | None = None
              ) -> dict[str, Any]:
    """One row of the ``errors`` table: where it happened, which input, and the one-line reason."""
    code = exc.code if isinstance(exc, StorylinkError) else type(exc).__name__
    return {"stage": stage, "input": input_name, "article_id": article_id, "error": code, "message": str(exc)}


def read_input(task: tuple[int, str], *, settings: Settings | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """Articles of one input path (a file, a folder, a JSONL file), read by ``ingest.read``.

    Yields ``("article", row)`` or ``("error", row)``; nothing raises for a bad record."""
    from ..ingest import read

    number, path = task
    record = 0
    for item in read([path], settings=settings or Settings()):
        if isinstance(item, StorylinkError):
            yield "error", error_row("read", item, input_name=item.source or path)
            continue
        yield "article", article_row(item, number << SEQ_SHIFT | record, path)
        record += 1


def article_row(article: Article, seq: int, input_name: str) -> dict[str, Any]:
    """An ``articles`` row: the article's fields, its ingest sequence and UTC sort key."""
    from ..store import published_key
    from ..stories import published_seconds

    row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    key = published_key(article.published)
    return row | {"seq": seq, "input": input_name, "published_utc": key,
                  "undated": key is None, "time": published_seconds(article.published) if key else None}


def _batches(rows: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def enrich(rows: Iterable[dict[str, Any]], *, settings: Settings | None, profiles: bool, analysis: bool = True
           ) -> Iterator[tuple[str, dict[str, Any]]]:
    """Analysis, whole-text vector, MinHash signature (and the compare profile) of each article row.

    ``analysis=False`` leaves the analysis out (items without entity keys, as for an article
    whose analysis failed): vectors and signatures only, what ``bench/spark.py`` times.

    One call per Spark partition: the models load once per Python worker (``vectors`` keeps them) and
    encoders see batches of ``_BATCH``, as in ``cluster_store``. An article whose analysis fails keeps
    going without one (clustered by its text, like ``cluster_store`` does) and gets an ``error`` row;
    one whose vector or signature fails is left out of clustering with an ``error`` row."""
    from ..analyze import ANALYZER_VERSION, analyze
    from ..cluster import item_from
    from ..compare import PROFILE_MODEL
    from ..neardup import signatures
    from ..store import _pack
    from ..stories import vector_text
    from ..vectors import encode_use

    settings = settings or Settings()
    profile_model = f"{PROFILE_MODEL}+{ANALYZER_VERSION}"
    for chunk in _batches(rows, _BATCH):
        articles = [Article(**{k: r[k] for k in ARTICLE_FIELDS}) for r in chunk]
        analyses: list[Analysis | None] = []
        for row, article in zip(chunk, articles):
            if not analysis:
                analyses.append(None)
                continue
            try:
                analyses.append(analyze(article, settings=settings))
            except StorylinkError as exc:
                analyses.append(None)
                yield "error", error_row("analyze", exc, input_name=row["input"], article_id=article.id)
        try:
            vectors = list(encode_use([vector_text(a) for a in articles]))
            sigs = signatures([a.text for a in articles])
        except Exception:  # noqa: BLE001 - one bad text must not lose its batch: retry one by one
            vectors, sigs = [], []
            for row, article in zip(chunk, articles):
                try:
                    vectors.append(encode_use([vector_text(article)])[0])
                    sigs.append(signatures([article.text])[0])
                except Exception as one:  # noqa: BLE001
                    vectors.append(None)
                    sigs.append(None)
                    yield "error", error_row("vectors", one, input_name=row["input"], article_id=article.id)
        built: list[Any] = [None] * len(articles)
        if profiles:
            built = yield from _profiles(chunk, articles, analyses, vectors)
        for row, article, found, vector, sig, profile in zip(chunk, articles, analyses, vectors, sigs, built):
            if vector is None or sig is None:
                yield "article", row | {"analysis": _analysis_json(found), "analyzer": _analyzer(found),
                                        "analysis_language": found.language if found else None,
                                        "clustered": False}
                continue
            item = item_from(article.id, 0.0, article.text, found, vector, sig=sig)
            yield "article", row | {
                "analysis": _analysis_json(found),
                "analyzer": _analyzer(found),
                "analysis_language": found.language if found else None,
                "clustered": True,
                "entities": sorted(item.entities),
                "item_language": item.language,
                "facts": sorted(f"{slot}\t{value}" for slot, value in item.facts),  # the fact and topic vetoes' input
                "use": np.asarray(item.vector, dtype="<f4").tobytes(),
                "minhash": np.asarray(sig.values, dtype="<u4").tobytes(),
                "shingles": int(sig.size),
                "bands": _signed(sig._bands) if sig.size else [],
                "profile_model": profile_model if profile is not None else None,
                "profile": _pack(profile.to_arrays()) if profile is not None else None,
            }


def _profiles(chunk: Sequence[dict[str, Any]], articles: list[Article], analyses: list[Analysis | None],
              vectors: list[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``build_profiles`` for the batch (a generator returning the profiles; errors are yielded)."""
    from ..features import build_profiles

    todo = [i for i, v in enumerate(vectors) if v is not None]
    out: list[Any] = [None] * len(articles)
    try:
        for i, p in zip(todo, build_profiles([articles[i] for i in todo], [analyses[i] for i in todo])):
            out[i] = p
    except Exception:  # noqa: BLE001 - find the article that fails, keep the others
        for i in todo:
            try:
                out[i] = build_profiles([articles[i]], [analyses[i]])[0]
            except Exception as exc:  # noqa: BLE001
                yield "error", error_row("profile", exc, input_name=chunk[i]["input"], article_id=articles[i].id)
    return out


def _signed(bands: Sequence[int] | None) -> list[int]:
    """uint64 band keys as Spark's (signed) longs, bit for bit."""
    return np.asarray(bands or (), dtype=np.uint64).view(np.int64).tolist()


def _analysis_json(analysis: Analysis | None) -> str | None:
    return json.dumps(analysis.to_dict(), ensure_ascii=False) if analysis is not None else None


def _analyzer(analysis: Analysis | None) -> str | None:
    return analysis.analyzer if analysis is not None else None


def order_key(row: Any) -> tuple[bool, str, int]:
    """The store's publication order: dated by UTC instant, undated last, ties by ingest sequence."""
    return bool(row["undated"]), row["published_utc"] or "", int(row["seq"])


def near_duplicate_pairs(pairs: Iterable[Any]) -> Iterator[dict[str, Any]]:
    """Candidate pairs of the band join checked on their full signatures (``neardup.is_near_duplicate``)."""
    from ..neardup import Signature, is_near_duplicate, jaccard

    for p in pairs:
        a = Signature(np.frombuffer(p["a_minhash"], dtype="<u4"), int(p["a_shingles"]))
        b = Signature(np.frombuffer(p["b_minhash"], dtype="<u4"), int(p["b_shingles"]))
        if is_near_duplicate(b, a):
            yield {"article_id": p["b_id"], "original_id": p["a_id"], "jaccard": jaccard(a, b)}


def _item(value: Any) -> Any:
    from ..cluster import ClusterItem
    from ..features import Profile
    from ..neardup import Signature
    from ..store import _unpack

    profile = Profile.from_arrays(_unpack(value["profile"])) if value["profile"] is not None else None
    sig = Signature(np.frombuffer(value["minhash"], dtype="<u4").astype(np.uint32), int(value["shingles"]))
    return ClusterItem(value["id"], float(value["time"]), np.frombuffer(value["use"], dtype="<f4").copy(), sig,
                       frozenset(value["entities"] or ()), value["item_language"], profile,
                       frozenset(tuple(f.split("\t", 1)) for f in value.get("facts") or ()))


def assemble(rows: Iterable[tuple[tuple[Any, ...], dict[str, Any]]], *, window_days: float, profiles: bool,
             clusterer_options: dict[str, Any] | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """The package's online ``Clusterer`` over each time bucket of one Spark partition.

    ``rows`` are ``((bucket, *order_key), item row)`` sorted by key; an item row with ``warm`` set
    belongs to the bucket before and only rebuilds the window state (its decision is not kept: the
    bucket that owns it decides it). Yields ``("assignment", row)`` for owned articles with the
    story each ends in within its bucket (``local_story``), ``("warm", row)`` for each warm-up
    article with the same (the stitch joins the two), and one ``("memory", row)`` per partition
    (the worker's peak RSS; seconds in the buckets' passes and in decoding rows into items)."""
    import time

    from ..cluster import Clusterer

    spent = {"bucket_s": 0.0, "decode_s": 0.0, "rows": 0}
    for bucket, group in itertools.groupby(rows, key=lambda kv: kv[0][0]):
        start = time.perf_counter()
        clusterer = Clusterer(window_days=window_days, second_stage=profiles, **(clusterer_options or {}))
        meta: dict[str, tuple[bool, tuple[Any, ...]]] = {}

        def items() -> Iterator[Any]:
            for key, value in group:
                began = time.perf_counter()
                meta[value["id"]] = (bool(value["warm"]), key[1:])
                item = _item(value)
                spent["decode_s"] += time.perf_counter() - began
                spent["rows"] += 1
                yield item

        done = []
        for n, assignment in enumerate(clusterer.run(items()), start=1):
            done.append(assignment)
            if n % 1024 == 0:
                clusterer.closed.clear()  # closed stories are persisted through their assignments
        spent["bucket_s"] += time.perf_counter() - start
        for a in done:
            warm, key = meta[a.article_id]
            local = clusterer.resolve(a.story_id)
            # the key of the article that opened the story: the stitch keeps the earliest story's id
            opener = [str(x) for x in meta.get(local[2:], (False, ()))[1]] if local.startswith("s:") else []
            if warm:
                yield "warm", {"article_id": a.article_id, "bucket": int(bucket), "local_story": local,
                               "local_opener": opener}
            else:
                yield "assignment", a.to_dict() | {
                    "merged": list(a.merged), "bucket": int(bucket), "local_story": local,
                    "undated": key[0], "published_utc": key[1] or None, "seq": key[2],
                    "local_opener": opener}
    # Per partition: the worker's peak memory, and where its time went (for bench/spark.py).
    yield "memory", {"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024} | spent
