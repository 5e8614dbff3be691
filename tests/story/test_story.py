"""The story view over a real store: entry points, content pointing into the members, bad input."""

from __future__ import annotations

import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

import storylink
from storylink.analyze import ANALYZER_VERSION
from storylink.cli import cli
from storylink.config import Settings
from storylink.document import Article
from storylink.errors import NotFound
from storylink.store import open_store
from storylink.story import STORY_UNITS_MODEL

from conftest import SEED_AGENCY, SEED_TICKER, need


@pytest.fixture(scope="module")
def seeds_view(tmp_path_factory):
    """The seeds clustered on the fly by the CLI, as ``storylink story FILE… --json`` prints them."""
    need(SEED_AGENCY)
    db = tmp_path_factory.mktemp("story") / "unused.db"
    result = CliRunner().invoke(cli, ["story", str(SEED_AGENCY), str(SEED_TICKER), "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    views = json.loads(result.stdout)
    assert not db.exists()  # files are clustered in a throwaway store, not the user's
    return views, {storylink.Article.from_text(p.read_text(encoding="utf-8")).id: p.read_text(encoding="utf-8")
                   for p in (SEED_AGENCY, SEED_TICKER)}


def test_the_seeds_form_one_story_whose_items_point_into_their_texts(seeds_view):
    views, texts = seeds_view
    assert len(views) == 1
    view = views[0]
    assert view["size"] == 2 and set(texts) == {m["article_id"] for m in view["sources"]}
    spans = ([(s["article_id"], s) for s in view["summary"]] + [(t["article_id"], t) for t in view["timeline"]]
             + [(q["article_id"], q) for sp in view["quotes"] for st in sp["statements"] for q in st["quotes"]])
    for article_id, item in spans:
        assert texts[article_id][item["start"]:item["end"]] == item["text"]
    for edge in view["reuse"]:
        for p in edge["passages"]:
            assert texts[edge["source"]][p["source_start"]:p["source_end"]] == p["text"]


def test_the_ticker_entries_lie_on_26_to_28_february_in_the_tickers_order(seeds_view):
    (view,), texts = seeds_view
    entries = [t for t in view["timeline"] if t["kind"] == "entry"]
    assert len(entries) == 24
    assert {t["time"][:10] for t in entries} == {"2019-02-26", "2019-02-27", "2019-02-28"}
    # The ticker runs newest first: in the timeline its entries come out oldest first.
    assert [t["order"] for t in entries] == sorted((t["order"] for t in entries), reverse=True)
    last = entries[-1]
    assert last["time"] == "2019-02-28T13:25" and last["precision"] == "minute"
    assert all(t["anchor"] == "neighbours" for t in entries if t["inferred"])
    agency = next(t for t in view["timeline"] if t["kind"] == "publication" and t["article_id"] !=
                  entries[0]["article_id"])
    assert agency["inferred"] and agency["time"] == "2019-02-28"  # undated: placed by the story, and says so


def test_trumps_speed_statement_is_one_statement_with_both_sources(seeds_view):
    (view,), _ = seeds_view
    trump = next(s for s in view["quotes"] if s["key"] == "donald trump")
    assert trump["name"] == "Donald Trump" and trump["role"] == "US-Präsident"
    speed = [st for st in trump["statements"] if any("Geschwindigkeit" in q["text"] for q in st["quotes"])]
    assert len(speed) == 1 and speed[0]["sources"] == 2
    sanders = next(s for s in view["quotes"] if s["key"] == "sarah sanders")
    assert sanders["role"] == "Sprecherin des Weißen Hauses"
    unnamed = [s for s in view["quotes"] if not s["named"] and s["name"] != "(unattributed)"]
    assert unnamed and all(q["speaker_text"] for s in unnamed for st in s["statements"] for q in st["quotes"])


def test_one_reuse_edge_carries_the_traffic_paragraph_without_a_direction(seeds_view):
    (view,), texts = seeds_view
    assert len(view["reuse"]) == 1
    edge = view["reuse"][0]
    assert any("Verkehr in Vietnams Hauptstadt" in p["text"] for p in edge["passages"])
    assert edge["direction"] is None and "publication time unknown" in edge["direction_reason"]
    assert 0 < edge["share_target"] < edge["share_source"] < 1


def test_entities_show_base_forms(seeds_view):
    (view,), _ = seeds_view
    names = {e["name"] for e in view["entities"]}
    assert {"Nordkorea", "Vietnam", "Hanoi", "Donald Trump"} <= names
    assert not names & {"Nordkoreas", "Vietnams"}


@pytest.fixture()
def demo_store(tmp_path):
    """The bundled demo corpus ingested and clustered (vectors and entities only: quick)."""
    from storylink.ingest import demo_articles

    settings = Settings(db=str(tmp_path / "demo.db"), story_profiles=False)
    stories = storylink.cluster(demo_articles(), settings=settings)
    return settings, stories


def test_a_story_is_found_by_its_id_any_member_id_or_prefix_and_equals_the_cli_json(demo_store):
    settings, stories = demo_store
    biggest = stories[0]
    by_id = storylink.story(biggest.id, settings=settings)
    assert by_id.size == biggest.size and by_id.id == biggest.id
    for ref in (biggest.articles[-1], biggest.articles[-1][:6], biggest.id[2:]):
        found = storylink.story(ref, settings=settings).to_dict()
        assert found.pop("requested") == ref
        assert found == by_id.to_dict() | {"requested": found.get("requested")} or \
            found == {k: v for k, v in by_id.to_dict().items() if k != "requested"}
    result = CliRunner().invoke(cli, ["story", biggest.id, "--json", "--db", settings.db_path])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == by_id.to_dict()
    assert by_id.title and by_id.summary and 3 <= len(by_id.summary) <= 5 or len(by_id.summary) == by_id.size


def store_published(settings: Settings, ids) -> list[str]:
    with open_store(settings) as store:
        return [d for d in store.published(list(ids)).values() if d]


def test_a_story_is_named_alike_in_the_listing_and_in_its_view_on_every_page(demo_store):
    settings, stories = demo_store
    for listed in stories:
        view = storylink.story(listed.id, settings=settings)
        assert view.title == listed.title and view.title_article in listed.articles
        assert storylink.story(listed.id, settings=settings, offset=listed.size - 1).title == listed.title
    # The summit's live ticker opened it, but a ticker's title names a format: the story is named by the
    # report whose title the others share most.
    with open_store(settings) as store:
        ticker = next(a for a in store.articles() if a.origin == "demo:05_ostseegipfel_ticker.txt")
    summit = next(s for s in stories if ticker.id in s.articles)
    assert summit.size >= 3 and min(store_published(settings, summit.articles)) == ticker.published
    assert summit.title != ticker.title


def test_the_demo_copy_is_a_copy_of_the_agency_report_and_reuses_it_forwards(demo_store):
    settings, stories = demo_store
    flood = next(s for s in stories if any("hochwasser" in (a or "").lower() for a in [s.title]))
    view = storylink.story(flood.id, settings=settings)
    with open_store(settings) as store:
        origin = {a.id: a.origin for a in (store.get_article(m.article_id) for m in view.sources)}
    roles = {origin[m.article_id]: m for m in view.sources}
    copy = roles["demo:02_hochwasser_mosel_kopie.txt"]
    agency = roles["demo:01_hochwasser_mosel_agentur.txt"]
    assert copy.role == "copy" and copy.copy_of == agency.article_id and agency.role == "original"
    edge = next(e for e in view.reuse if {e.source, e.target} == {agency.article_id, copy.article_id})
    assert (edge.source, edge.target, edge.direction) == (agency.article_id, copy.article_id, "source→target")
    # The copied facts are told once in the summary.
    texts = [" ".join(s.text.split()) for s in view.summary]
    assert len(texts) == len(set(texts))


def test_a_merged_story_id_redirects_and_its_history_says_so(db_url):
    settings = Settings(db=db_url)  # on SQLite and on PostgreSQL
    a = Article.from_text("Trump traf Kim Jong Un am Mittwoch in Hanoi zu einem Gipfel.", published="2019-02-27")
    b = Article.from_text("Kim Jong Un und Donald Trump berieten in Hanoi über Abrüstung.", published="2019-02-27T10:00")
    c = Article.from_text("Der Gipfel von Trump und Kim in Hanoi endete ohne Einigung.", published="2019-02-28")
    with open_store(settings) as store:
        for art in (a, b, c):
            store.put_article(art)
        # Two stories, then a third article that merges them (as the clusterer records it).
        store.put_assignments([
            {"article_id": a.id, "story_id": f"s:{a.id}", "new_story": True, "probability": 1.0, "merged": []},
            {"article_id": b.id, "story_id": f"s:{b.id}", "new_story": True, "probability": 1.0, "merged": []},
            {"article_id": c.id, "story_id": f"s:{a.id}", "new_story": False, "probability": 0.9,
             "merged": [f"s:{b.id}"]},
        ])
        view = storylink.story(f"s:{b.id}", store=store, settings=settings)
    assert view.id == f"s:{a.id}" and view.size == 3
    kinds = [(h.kind, h.story) for h in view.history]
    assert ("merged", f"s:{b.id}") in kinds and ("redirected", f"s:{b.id}") in kinds
    # Those articles were never analysed: the view analysed them and says so.
    assert sum("analysed again and stored" in n for n in view.notes) == 3
    assert {m.analysis for m in view.sources} == {"reanalysed"}


def test_a_stored_analysis_is_read_not_redone_and_an_outdated_one_is_redone(demo_store):
    settings, stories = demo_store
    story_id = stories[0].id
    storylink.story(story_id, settings=settings)  # warm: units stored
    with open_store(settings) as store:
        member = stories[0].articles[0]
        assert store.get_arrays([member], f"{STORY_UNITS_MODEL}+{ANALYZER_VERSION}")
    db = sqlite3.connect(settings.db_path)
    with db:
        db.execute("UPDATE analyses SET analyzer = 'storylink-analyze/0', "
                   "data = json_set(data, '$.analyzer', 'storylink-analyze/0') WHERE article_id = ?", (member,))
    db.close()
    view = storylink.story(story_id, settings=settings)
    assert [n for n in view.notes if n.startswith(member)] == [
        f"{member}: analysis made by storylink-analyze/0, analysed again and stored"]
    assert storylink.story(story_id, settings=settings).notes == ()


def test_bad_references_are_one_line_errors_naming_them(demo_store, tmp_path):
    settings, stories = demo_store
    runner = CliRunner()
    for ref, message in (("s:nosuchstory", "no such story or article in the store"),
                         ("zzzzzz", "no such story or article in the store")):
        with pytest.raises(NotFound, match=re.escape(message)):
            storylink.story(ref, settings=settings)
        result = runner.invoke(cli, ["story", ref, "--db", settings.db_path])
        assert result.exit_code == 2
        assert result.stderr.strip() == f"error: {ref}: {message}"
    result = runner.invoke(cli, ["story", "x", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 2 and "no database here" in result.stderr and not (tmp_path / "absent.db").exists()
    result = runner.invoke(cli, ["story", str(tmp_path / "missing.txt"), stories[0].id, "--db", settings.db_path])
    assert result.exit_code == 2 and "missing.txt: no such file" in result.stderr
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = runner.invoke(cli, ["story", str(tmp_path / "empty.txt")])
    assert result.exit_code == 2 and "no article could be read" in result.stderr
    with pytest.raises(NotFound, match="offset 999 is past the story's"):
        storylink.story(stories[0].id, settings=settings, offset=999)


def test_a_story_whose_articles_were_deleted_is_an_error(demo_store):
    settings, stories = demo_store
    single = next(s for s in stories if s.size == 1)
    with open_store(settings) as store:
        store.delete_article(single.articles[0])
        with pytest.raises(NotFound, match="no such story or article"):
            storylink.story(single.id, store=store, settings=settings)


def test_a_story_of_5000_members_is_paged(tmp_path):
    import dataclasses

    from storylink.ingest import demo_articles

    settings = Settings(db=str(tmp_path / "big.db"))
    template = next(iter(demo_articles()))
    analysis = storylink.analyze(template, settings=settings)
    with open_store(settings) as store:
        store.put_article(template)
        store.put_analysis(analysis)
        store.put_assignments([{"article_id": template.id, "story_id": "s:big", "new_story": True,
                                "probability": 1.0, "merged": []}])
        storylink.story("s:big", store=store, settings=settings)
        units = store.get_arrays([template.id], f"{STORY_UNITS_MODEL}+{ANALYZER_VERSION}")[template.id]
        store.clear_assignments()
        ids = [f"m{k:05d}" for k in range(5000)]
        for k, article_id in enumerate(ids):
            store.put_article(dataclasses.replace(template, id=article_id, published=f"2025-03-{1 + k // 200:02d}"))
            store.put_analysis(dataclasses.replace(analysis, article_id=article_id))
            store.put_arrays(article_id, f"{STORY_UNITS_MODEL}+{ANALYZER_VERSION}", units)
        store.put_assignments([{"article_id": i, "story_id": "s:m00000", "new_story": i == ids[0],
                                "probability": 1.0, "merged": []} for i in ids])
        first = storylink.story("s:m00000", store=store, settings=settings)
        last = storylink.story(ids[-1], store=store, settings=settings, offset=4900)
    assert (first.size, len(first.sources), first.offset) == (5000, 500, 0)
    assert [m.article_id for m in first.sources] == ids[:500]
    assert first.notes[0] == "articles 1-500 of 5000 shown (offset, limit)"
    assert [m.article_id for m in last.sources] == ids[4900:]
    assert first.first_seen == "2025-03-01" and first.last_seen == "2025-03-25"
    result = CliRunner().invoke(cli, ["story", "s:m00000", "--offset", "4990", "--json", "--db", settings.db_path])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["sources"]) == 10


def test_the_summary_speaks_the_stories_language_unless_asked_otherwise(demo_store):
    settings, stories = demo_store
    mixed = next(s for s in stories if set(s.languages) == {"de", "en"})
    default = storylink.story(mixed.id, settings=settings)
    english = storylink.story(mixed.id, settings=settings, language="en")
    assert default.language == "de" and {s.language for s in default.summary} == {"de"}
    assert english.language == "en" and english.summary and {s.language for s in english.summary} == {"en"}
    titles = {m.title for m in default.sources}
    assert default.title in titles and not {s.text for s in default.summary} & titles


def test_the_title_rule_prefers_shared_words_then_the_earlier_report_and_news_over_formats() -> None:
    from storylink.stories import story_title

    # Nothing shared: the first report names the story.
    assert story_title([("a", "Brand in Köln", "de"), ("b", "Stau auf der A3", "de")]) == ("Brand in Köln", "a")
    # A later title the others agree with wins; "Rostock" meets "Rostocker".
    assert story_title([("a", "Großeinsatz am Hafen", "de"), ("b", "Rostocker Hafen: Feuer gelöscht", "de"),
                        ("c", "Feuer in Rostock", "de")])[1] == "b"
    # A format or opinion title only when nothing else is there; another language only when asked.
    ticker = ("a", "Feuer in Rostock: alles im Liveticker", "de")
    assert story_title([ticker, ("b", "Kommentar: Feuer in Rostock", "de"), ("c", "Löscharbeiten dauern", "de")])[1] == "c"
    assert story_title([ticker]) == (ticker[1], "a")
    assert story_title([ticker, ("d", "Fire in Rostock", "en")], "en") == ("Fire in Rostock", "d")
