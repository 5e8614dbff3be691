"""The commands of the ``storylink`` group (see ``cli.py``)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .cli import _db_option, _echo_json, _errors, _json_option, _settings, cli
from .config import SETTINGS, Settings
from .document import Analysis, Article
from .errors import InputError, MissingInput, StorylinkError


def _progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )


def ingest_and_analyze(
    items: Iterable[Article | StorylinkError], settings: Settings, console: Console
) -> dict[str, Any]:
    """Store articles, analyze what is new or analyzed by an older analyzer; returns the summary."""
    from .analyze import ANALYZER_VERSION, analyze
    from .store import open_store

    summary: dict[str, Any] = {"ingested": 0, "unchanged": 0, "failed": 0, "analyzed": 0, "errors": [], "articles": []}
    with open_store(settings) as store, _progress(console) as progress:
        task = progress.add_task("ingesting", total=None)
        for item in items:
            progress.advance(task)
            if isinstance(item, StorylinkError):
                summary["failed"] += 1
                summary["errors"].append(str(item))
                continue
            state = store.put_article(item)
            summary["ingested" if state != "unchanged" else "unchanged"] += 1
            summary["articles"].append(item.id)
            if state == "unchanged" and store.get_analysis(item.id, analyzer=ANALYZER_VERSION) is not None:
                continue
            try:
                store.put_analysis(analyze(item, settings=settings))
                summary["analyzed"] += 1
            except StorylinkError as exc:
                # The article stays stored (and is clustered by its text alone): say so, or "failed" reads as lost.
                summary["failed"] += 1
                summary["errors"].append(f"{exc} (stored without analysis)")
    return summary


def _print_summary(summary: dict[str, Any], console: Console) -> None:
    console.print(
        f"ingested {summary['ingested']}, unchanged {summary['unchanged']}, "
        f"analyzed {summary['analyzed']}, failed {summary['failed']}"
    )
    for line in summary["errors"]:
        console.print(f"  [red]failed[/red] {line}", markup=True, highlight=False, soft_wrap=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_json_option
def ingest(paths: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Ingest and analyze files, directories, JSONL or '-' (stdin) into the store."""
    from .ingest import read

    console = Console(stderr=as_json)
    with _errors():
        settings = _settings(db)
        summary = ingest_and_analyze(read(list(paths), settings=settings), settings, console)
    if as_json:
        _echo_json(summary)
    else:
        _print_summary(summary, console)
    if summary["failed"]:
        if not as_json:
            click.echo(f"{summary['failed']} input(s) failed", err=True)
        sys.exit(1)


def load_article(ref: str, settings: Settings) -> Article:
    """An article from a file path, '-' or a stored id (prefix)."""
    from .ingest import read
    from .store import open_store

    if ref == "-" or Path(ref).exists():
        items = list(read([ref], settings=settings))
        if not items:
            raise InputError("no article found", source=ref)
        if isinstance(items[0], StorylinkError):
            raise items[0]
        return items[0]
    try:
        store = open_store(settings, create=False)
    except MissingInput as exc:
        raise MissingInput("neither a file nor a stored article id (no database yet)", source=ref) from exc
    with store:
        try:
            return store.get_article(store.resolve_id(ref))
        except StorylinkError as exc:
            raise MissingInput(
                "neither a file nor a stored article id", source=ref
            ) from exc


def load_analysis(ref: str, settings: Settings) -> tuple[Article, Analysis]:
    """Article and analysis; stored analyses of the current analyzer are reused."""
    from .analyze import ANALYZER_VERSION, analyze
    from .store import open_store

    article = load_article(ref, settings)
    if not Path(ref).exists() and ref != "-":
        with open_store(settings) as store:
            cached = store.get_analysis(article.id, analyzer=ANALYZER_VERSION)
        if cached is not None:
            return article, cached
    return article, analyze(article, settings=settings)


@cli.command("analyze")
@click.argument("ref", metavar="FILE|ID")
@_db_option
@_json_option
def analyze_cmd(ref: str, db: str | None, as_json: bool) -> None:
    """Analyze one article: a file, '-' or a stored article id."""
    from .report import render_analysis_terminal

    with _errors():
        article, analysis = load_analysis(ref, _settings(db))
    if as_json:
        _echo_json(analysis.to_dict())
    else:
        render_analysis_terminal(analysis, article.text, Console())


@cli.command("settings")
@_json_option
def settings_cmd(as_json: bool) -> None:
    """Show the settings and where each can be changed."""
    current = _settings(None).to_dict()
    if as_json:
        _echo_json(current)
        return
    for s in SETTINGS:
        click.echo(f"{s.name:20} {current[s.name]!s:40} {s.help}")


def _require(path: str, what: str) -> None:
    if not Path(path).exists():
        raise MissingInput(f"{what} not found", source=path)


@cli.group("eval")
def eval_group() -> None:
    """Measure quality on labelled data."""


@eval_group.command("analysis")
@click.argument("gold", type=click.Path(dir_okay=False), default="tests/data/gold.jsonl")
@click.option("--news", "news", type=click.Path(file_okay=False), default="tests/data/news_gold", show_default=True,
              help="Folder of the German news gold (splits dev, dev2, dev3, dev4, dev5 and heldout2); skipped "
                   "when absent.")
@click.option("--history", "history", type=click.Path(file_okay=False), default="tests/data/time_gold",
              show_default=True,
              help="Folder of the German history time gold (GermEval Wikipedia sentences, dev and heldout halves); "
                   "skipped when absent.")
@_json_option
def eval_analysis(gold: str, news: str, history: str, as_json: bool) -> None:
    """Precision/recall of the analyzer against a gold file, with the news gold's and the history time gold's
    dev and heldout figures beside it."""
    from .evaluate.analysis import format_sets, format_table, format_time_sets, score_gold, score_news_gold, \
        score_time_gold

    with _errors():
        _require(gold, "gold file")
        scores = score_gold(gold)
        news_scores = score_news_gold(news) if Path(news).is_dir() else {}
        history_missing = f"history time gold {history} not found: its rows are left out"
        try:
            history_scores = score_time_gold(history) if Path(history).is_dir() else {}
        except MissingInput as exc:  # its texts live in ../shared, as the news gold's do: a note, not a failure
            history_scores, history_missing = {}, f"history time gold left out: {exc}"
    if as_json:
        _echo_json({**scores, "news": news_scores, "history": history_scores})
        return
    click.echo(format_table(scores))
    click.echo("")
    if not news_scores:
        click.echo(f"news gold {news} not found: only the gold file is scored")
    click.echo(format_sets({"gold": scores, **news_scores}))
    click.echo("")
    if not history_scores:
        click.echo(history_missing)
    click.echo(format_time_sets({"gold": scores, **history_scores}))


def _demo_items(paths: tuple[str, ...], settings: Settings, console: Console) -> Iterable[Article | StorylinkError]:
    from .ingest import demo_articles, read

    existing = [p for p in paths if Path(p).exists()]
    if existing:
        return read(existing, settings=settings)
    if paths:
        console.print(f"{', '.join(paths)} not found: using the bundled demo corpus")
    return demo_articles()


@cli.command()
@click.argument("paths", nargs=-1)
@_db_option
@_json_option
def demo(paths: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """The main job: ingest, analyze and cluster PATHS (the bundled demo corpus when none exists), then report."""
    from .report import render_analysis_summary
    from .store import open_store

    console = Console(stderr=as_json)
    settings = _settings(db)
    with _errors():
        summary = ingest_and_analyze(_demo_items(paths, settings, console), settings, console)
        _run_clustering(settings, console)
        with open_store(settings) as store:
            analyses = [a for a in (store.get_analysis(i) for i in summary["articles"]) if a is not None]
            ids = set(summary["articles"])
            stories = [s for s in _list_stories(store, console) if ids & set(s.articles)]
    if as_json:
        _echo_json(summary | {"analyses": [a.to_dict() for a in analyses], "stories": [s.to_dict() for s in stories]})
        return
    _print_summary(summary, console)
    for analysis in analyses:
        render_analysis_summary(analysis, console)
    console.print()
    _print_stories(stories, console)
    console.print(f"\nstore: {settings.db_display}  (try: storylink story ID, storylink analyze ID, storylink stories --json)")


def _article_and_analysis(ref: str, settings: Settings) -> tuple[Article, Analysis | None]:
    """Like ``load_analysis``, but an unrecognised language keeps the article (compare can still score it)."""
    from .errors import UnknownLanguage

    try:
        return load_analysis(ref, settings)
    except UnknownLanguage:
        return load_article(ref, settings), None


def _stored_profiles(sides: list[tuple[str, Article, Analysis | None]], settings: Settings) -> tuple[Any, Any]:
    """Profiles of the sides that are stored articles (kept in the store for next time); ``None`` for files."""
    from .compare import stored_profiles
    from .store import open_store

    stored = [(ref, article, analysis) for ref, article, analysis in sides if ref != "-" and not Path(ref).exists()]
    if not stored:
        return None, None
    with open_store(settings) as store:
        found = dict(zip([r for r, _, _ in stored], stored_profiles(store, [a for _, a, _ in stored],
                                                                   [an for _, _, an in stored])))
    return found.get(sides[0][0]), found.get(sides[1][0])


@cli.command("compare")
@click.argument("a", metavar="A")
@click.argument("b", metavar="B")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="also write a side-by-side HTML page")
@click.option("--no-evidence", is_flag=True, help="scores only (faster)")
@_db_option
@_json_option
def compare_cmd(a: str, b: str, html_out: str | None, no_evidence: bool, db: str | None, as_json: bool) -> None:
    """Compare two articles (files, '-' or stored ids): SemEval facets, same-story probability, evidence."""
    from .compare import compare

    settings = _settings(db)
    with _errors():
        art_a, an_a = _article_and_analysis(a, settings)
        art_b, an_b = _article_and_analysis(b, settings)
        profiles = _stored_profiles([(a, art_a, an_a), (b, art_b, an_b)], settings)
        result = compare(art_a, art_b, settings=settings, analyses=(an_a, an_b), profiles=profiles,
                         evidence=not no_evidence)
    data = result.to_dict()
    if html_out:
        from .views import render_comparison_html

        Path(html_out).write_text(
            render_comparison_html(data, art_a.text, art_b.text, a_title=art_a.title, b_title=art_b.title),
            encoding="utf-8",
        )
    if as_json:
        _echo_json(data)
    else:
        from .views import render_comparison_terminal

        render_comparison_terminal(data, art_a.text, art_b.text, Console())
        if html_out:
            click.echo(f"wrote {html_out}")


@eval_group.command("semeval")
@click.argument("data_dir", type=click.Path(file_okay=False), default="../shared/data/semeval2022-task8")
@_json_option
def eval_semeval(data_dir: str, as_json: bool) -> None:
    """Pearson per facet and language pair on SemEval-2022 Task 8 dev, beside TF-IDF cosine."""
    from .evaluate import semeval

    with _errors():
        _require(data_dir, "SemEval data directory")
        table = semeval.evaluate(data_dir)
    if as_json:
        _echo_json(table.to_dict())
    else:
        click.echo(semeval.format_table(table))


def _print_stories(stories: list[Any], console: Console) -> None:
    from rich.text import Text

    console.print(Text(f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}", style="bold"))
    for st in stories:
        span = f"{(st.first_seen or '?')[:16]} → {(st.last_seen or '?')[:16]}" if st.first_seen else "undated"
        dups = f", {st.duplicates} duplicate{'s' if st.duplicates != 1 else ''}" if st.duplicates else ""
        console.print(Text.assemble((st.id, "cyan"), f"  {st.size} article{'s' if st.size != 1 else ''}{dups}"
                                    f"  [{','.join(st.languages) or '?'}]  {span}"))
        console.print(f"    {st.title or '(no title)'}", highlight=False, soft_wrap=True)
        if st.sources:
            console.print(f"    sources: {', '.join(st.sources)}", highlight=False, soft_wrap=True)


def _run_clustering(settings: Settings, console: Console, *, create: bool = True) -> dict[str, int]:
    from .store import open_store
    from .stories import cluster_store

    with open_store(settings, create=create) as store, _progress(console) as progress:
        task = progress.add_task("clustering", total=store.count_articles())
        return cluster_store(
            store, settings=settings, profiles=settings.story_profiles,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )


@cli.command("cluster")
@click.option("--stream", "stream", type=click.Path(dir_okay=False, allow_dash=True),
              help="ingest this JSONL stream first ('-': standard input)")
@click.option("--window-days", type=float, help="days a story stays open (setting story_window_days)")
@click.option("--profiles/--no-profiles", default=None,
              help="confirm assignments with the compare model (default) or use vectors and entities only "
                   "(setting story_profiles)")
@_db_option
@_json_option
def cluster_cmd(stream: str | None, window_days: float | None, profiles: bool | None, db: str | None,
                as_json: bool) -> None:
    """Assign stored articles to stories online, in publication order (safe to interrupt and re-run)."""
    from .ingest import read
    from .store import open_store

    console = Console(stderr=True)
    settings = _settings(db, story_window_days=window_days, story_profiles=profiles)
    failed = 0
    with _errors():
        if stream:
            if stream != "-" and not Path(stream).exists():
                raise MissingInput("no such file", source=stream)
            summary = ingest_and_analyze(read([stream], settings=settings), settings, console)
            failed = summary["failed"]
            for line in summary["errors"]:
                console.print(f"failed {line}", highlight=False, soft_wrap=True, markup=False)
        counts = _run_clustering(settings, console, create=bool(stream))
        with open_store(settings) as store:
            stories = _list_stories(store, console)
    if as_json:
        _echo_json([s.to_dict() for s in stories])
    else:
        console.print(
            f"{counts['assigned']} assigned ({counts['new_stories']} new stories, {counts['duplicates']} duplicates), "
            f"{counts['replayed']} already assigned; {len(stories)} stories", highlight=False
        )
        _print_stories(stories, Console())
    if failed:
        sys.exit(1)


@cli.command("delete")
@click.argument("refs", nargs=-1, required=True, metavar="ID...")
@_db_option
@_json_option
def delete_cmd(refs: tuple[str, ...], db: str | None, as_json: bool) -> None:
    """Delete stored articles (ids or unique prefixes) with their analyses, vectors, signatures and story places."""
    from .store import open_store

    deleted: list[str] = []
    errors: list[str] = []
    with _errors(), open_store(_settings(db), create=False) as store:
        for ref in refs:
            try:
                article_id = store.resolve_id(ref)
                store.delete_article(article_id)
                deleted.append(article_id)
            except StorylinkError as exc:
                errors.append(str(exc))
    if as_json:
        _echo_json({"deleted": deleted, "errors": errors})
    else:
        for article_id in deleted:
            click.echo(f"deleted {article_id}")
        for line in errors:
            click.echo(line, err=True)
    if errors:
        raise SystemExit(1)


def _list_stories(store: Any, console: Console, *, min_size: int = 1) -> list[Any]:
    from .stories import list_stories

    with _progress(console) as progress:
        task = progress.add_task("listing stories", total=None)
        return list_stories(store, min_size=min_size,
                            progress=lambda done, total: progress.update(task, completed=done, total=total))


@cli.command("stories")
@click.option("--min-size", type=int, default=1, show_default=True, help="only stories with this many articles")
@_db_option
@_json_option
def stories_cmd(min_size: int, db: str | None, as_json: bool) -> None:
    """List stories: id, title, size, languages, sources, first and last seen (--json: with article ids)."""
    from .store import open_store

    with _errors(), open_store(_settings(db), create=False) as store:
        stories = _list_stories(store, Console(stderr=True), min_size=min_size)
    if as_json:
        _echo_json([s.to_dict() for s in stories])
    else:
        _print_stories(stories, Console())


@eval_group.command("clusters")
@click.argument("data_dir", type=click.Path(file_okay=False), default="../shared/data/semeval2022-task8")
@click.option("--stories", type=int, default=200, show_default=True, help="stories in the synthetic stream")
@click.option("--errors", "show_errors", is_flag=True, help="list the labelled pairs of (a) that storylink got wrong")
@_json_option
def eval_clusters(data_dir: str, stories: int, show_errors: bool, as_json: bool) -> None:
    """Story clustering quality: (a) SemEval dev as one stream, pairwise P/R/F1 with bootstrap intervals,
    beside the train out-of-fold figures the thresholds were chosen on; (b) a synthetic stream, BCubed
    P/R/F1 and ARI; (c) the seeds; (d) a hard stream of near-topic stories, pairwise and BCubed; each
    beside single-pass TF-IDF and MinHash-only."""
    from .evaluate import clusters

    with _errors():
        _require(data_dir, "SemEval data directory")
        semeval_rows = clusters.evaluate_semeval_stream(Path(data_dir))
        oof_rows = clusters.out_of_fold_rows()
        synthetic_rows = clusters.evaluate_synthetic(Path(data_dir), stories=stories)
        hard_rows = clusters.evaluate_hard_stream()
        seeds_dir = Path(data_dir).resolve().parents[1] / "seeds"
        seeds = clusters.seeds_together(sorted(seeds_dir.glob("*.txt"))) if seeds_dir.is_dir() else None
    if as_json:
        _echo_json({"semeval_stream": semeval_rows, "train_out_of_fold": oof_rows, "synthetic": synthetic_rows,
                    "hard_stream": hard_rows, "seeds": seeds})
        return
    click.echo("(a) SemEval dev as one stream: pairwise same-story P/R/F1 on labelled pairs "
               "[95% bootstrap interval over connected pairs]")
    click.echo(clusters.format_table([clusters.ci_cells(r) for r in semeval_rows],
                                     ["precision", "recall", "f1", "pairs", "stories"]))
    if oof_rows:
        click.echo("\n    SemEval train as one stream, out of fold (each article decided by models fitted without "
                   "its fold; recorded by train_cluster, thresholds chosen on these):")
        click.echo(clusters.format_table([clusters.ci_cells(r) for r in oof_rows],
                                         ["precision", "recall", "f1", "pairs"]))
    if show_errors:
        click.echo("\nwrong pairs (joined: different stories together; apart: one story split):")
        for e in semeval_rows[0]["errors"]:
            click.echo(f"  {e['error']:<6} {e['languages']:<6} Overall {e['overall']:.2f}  "
                       f"compare p {e['same_story']:.2f}  "
                       f"{e['a']} {e['headlines'][0][:50]!r} / {e['b']} {e['headlines'][1][:50]!r}")
    click.echo(f"\n(b) synthetic stream ({stories} stories): BCubed P/R/F1 and ARI")
    click.echo(clusters.format_table(synthetic_rows, ["precision", "recall", "f1", "ari", "stories"]))
    if seeds is not None:
        click.echo(f"\n(c) seeds: {seeds}")
    hard = hard_rows[0]
    click.echo(f"\n(d) hard stream: {hard['gold_stories']} near-topic stories, {hard['articles']} articles "
               "(police reports from one template, one council, one club, two politicians): pairwise over all "
               "pairs, near_p over pairs of one family, BCubed")
    click.echo(clusters.format_table(hard_rows, ["pair_p", "pair_r", "pair_f1", "near_p", "b3_p", "b3_r", "b3_f1",
                                                 "stories"]))


def _story_views(refs: tuple[str, ...], settings: Settings, console: Console, *, language: str | None,
                 offset: int, limit: int) -> tuple[list[Any], dict[str, str]]:
    """The views ``storylink story`` shows and the member texts they point into.

    Files (or '-') are clustered into a throwaway store first; anything else is a story
    or article id in the store."""
    import tempfile

    from .ingest import read
    from .store import open_store
    from .story import story

    files = [r for r in refs if r == "-" or Path(r).exists()]
    pathlike = [r for r in refs if r not in files and ("/" in r or Path(r).suffix)]
    if pathlike and (files or len(refs) > 1):
        raise MissingInput("no such file (give either files to cluster or one story/article id)", source=pathlike[0])
    if files and len(files) != len(refs):
        missing = next(r for r in refs if r not in files)
        raise MissingInput("no such file (give either files to cluster or one story/article id)", source=missing)
    if not files and len(refs) > 1:
        raise InputError("give one story or article id (or files to cluster)", source=" ".join(refs))
    with tempfile.TemporaryDirectory(prefix="storylink-story-") as tmp:
        if files:
            settings = settings.replace(db=str(Path(tmp) / "story.db"))
            summary = ingest_and_analyze(read(files, settings=settings), settings, console)
            for line in summary["errors"]:
                console.print(f"failed {line}", highlight=False, soft_wrap=True, markup=False)
            if not summary["articles"]:
                raise InputError("no article could be read", source=" ".join(files))
            _run_clustering(settings, console)
        with open_store(settings, create=False) as store:
            ids = [s.id for s in _list_stories(store, console)] if files else [refs[0]]
            views = [story(ref, store=store, settings=settings, language=language, offset=offset, limit=limit)
                     for ref in ids]
            members = [m.article_id for v in views for m in v.sources]
            texts = {i: a.text for i, a in store.get_articles(members).items()}
    return views, texts


@cli.command("story")
@click.argument("refs", nargs=-1, required=True, metavar="ID|FILE...")
@click.option("--html", "html_out", type=click.Path(dir_okay=False),
              help="also write the view as one self-contained HTML page (several stories: OUT-2.html, …)")
@click.option("--language", help="language of the summary (default: the story's dominant language)")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
              help="first member (in publication order) of a large story's page")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="members a view is built from (default 500; larger stories are paged)")
@_db_option
@_json_option
def story_cmd(refs: tuple[str, ...], html_out: str | None, language: str | None, offset: int, limit: int | None,
              db: str | None, as_json: bool) -> None:
    """Show a story: a story id, an old merged id or any member's article id; or files/JSONL,
    clustered on the fly (the story or stories they form). Title, summary, timeline, who
    said what, sources, reuse, entities, history."""
    from .story import DEFAULT_LIMIT

    console = Console(stderr=True)
    with _errors():
        views, texts = _story_views(refs, _settings(db), console, language=language, offset=offset,
                                    limit=limit or DEFAULT_LIMIT)
    docs = [v.to_dict() for v in views]
    if html_out:
        from .story.html import render_story_html

        out = Path(html_out)
        for n, doc in enumerate(docs, start=1):
            path = out if n == 1 else out.with_name(f"{out.stem}-{n}{out.suffix}")
            path.write_text(render_story_html(doc, texts), encoding="utf-8")
            console.print(f"wrote {path}", highlight=False)
    if as_json:
        _echo_json(docs[0] if len(docs) == 1 and not (refs[0] == "-" or Path(refs[0]).exists()) else docs)
        return
    from .story.terminal import render_story_terminal

    for doc in docs:
        render_story_terminal(doc, Console(), texts=texts)
