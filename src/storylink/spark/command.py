"""``storylink spark``: the batch job on the command line (registered on ``storylink.cli.cli``)."""

from __future__ import annotations

import sys

import click

from ..cli import _echo_json, _errors, _json_option, _settings, cli

__all__ = ["spark_cmd", "main"]


def _options(f):  # type: ignore[no-untyped-def]
    f = click.option("--partitions", type=int, help="Spark partitions for the per-article work "
                     "(default: twice the cores)")(f)
    f = click.option("--overlap-days", type=float, help="days of the bucket before that each bucket replays "
                     "first (default: two windows)")(f)
    f = click.option("--bucket-days", type=float, help="cut the stream into time buckets of this many days, "
                     "clustered in parallel and stitched (default: one bucket, the exact single pass)")(f)
    f = click.option("--window-days", type=float, help="days a story stays open (setting story_window_days)")(f)
    f = click.option("--profiles/--no-profiles", default=None,
                     help="confirm assignments with the compare model (default) or use vectors and "
                          "entities only (setting story_profiles)")(f)
    f = click.option("--master", help="Spark master (default: spark-submit's, else local[*])")(f)
    f = click.option("--out", "out", required=True, type=click.Path(file_okay=False),
                     help="folder for the Parquet tables (storylink stories --db DIR reads it)")(f)
    return click.argument("inputs", nargs=-1, required=True)(f)


def _run(inputs: tuple[str, ...], out: str, master: str | None, profiles: bool | None, window_days: float | None,
         bucket_days: float | None, overlap_days: float | None, partitions: int | None, as_json: bool) -> None:
    from rich.console import Console

    from .job import require_spark, run_job

    console = Console(stderr=True)
    with _errors():
        if bucket_days is not None and not 0 < bucket_days < float("inf"):
            raise click.BadParameter(f"--bucket-days must be a positive number of days, got {bucket_days}")
        settings = _settings(None, story_window_days=window_days, story_profiles=profiles)
        require_spark()
        result = run_job(list(inputs), out, master=master, settings=settings, bucket_days=bucket_days,
                         overlap_days=overlap_days, partitions=partitions, console=console)
    if as_json:
        _echo_json(result.to_dict())
    else:
        click.echo(f"{result.articles} articles ({result.analyzed} analyzed, {result.errors} errors), "
                   f"{result.stories} stories, {result.duplicates} near-duplicates "
                   f"({result.neardup_pairs} pairs), {result.buckets} bucket(s) -> {result.out}")
        click.echo(f"  list them: storylink stories --db {result.out}")
        if result.errors:
            click.echo(f"  errors: {result.out}/errors (stage, input, reason)")
    if result.errors:
        sys.exit(1)


@cli.command("spark")
@_options
@_json_option
def spark_cmd(**options: object) -> None:
    """Batch job on Apache Spark: analyze, embed, find copies and assemble stories, written as Parquet
    (needs the spark extra and Java 17). Exit 1 when some input or analysis failed (see DIR/errors)."""
    _run(**options)  # type: ignore[arg-type]


@click.command("storylink-spark")
@_options
@_json_option
def main(**options: object) -> None:
    """``python -m storylink.spark`` (and spark-submit): the same as ``storylink spark``."""
    _run(**options)  # type: ignore[arg-type]
