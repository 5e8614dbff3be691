"""End to end on each backend (issue 17, item 3): the real CLI ingests the bundled demo corpus,
clusters it and shows its stories and the biggest story's view; then a real ``storylink serve`` on
that store must answer with the same stories, the same story view, find the flood story by a word
of it, and store and cluster an article posted to it.

Everything runs in subprocesses, as a newsroom would run it; the only thing shared with the code
under test is the ``--db`` value (a SQLite path or a PostgreSQL URL from the ``db_url`` fixture).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx

from service.conftest import KEY, Server

DEMO = Path(__file__).resolve().parents[1] / "src" / "storylink" / "data" / "demo"
AUTH = {"X-API-Key": KEY}


def _cli(*args: str, db: str) -> Any:
    """``storylink ARGS --db DB --json`` in a subprocess; its parsed JSON output."""
    env = os.environ | {"STORYLINK_STORY_PROFILES": "0"}
    env.pop("STORYLINK_DB", None)  # the --db given here, never a developer's own store
    done = subprocess.run([sys.executable, "-m", "storylink", *args, "--db", db, "--json"], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, f"storylink {' '.join(args)} exited {done.returncode}:\n{done.stderr[-3000:]}"
    return json.loads(done.stdout)


def _all_stories(c: httpx.Client) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    while True:
        page = c.get("/api/stories", params={"limit": 100, "offset": len(out)})
        assert page.status_code == 200, page.text
        body = page.json()
        out += body["stories"]
        if len(out) >= body["total"]:
            assert len(out) == body["total"]
            return out


def test_cli_pipeline_and_served_api_agree_on_both_backends(db_url: str, tmp_path: Path) -> None:
    meta = [json.loads(line) for line in (DEMO / "meta.jsonl").read_text(encoding="utf-8").splitlines() if line]

    # -- the CLI: ingest → cluster → stories → story view ---------------------------------------
    ingested = _cli("ingest", str(DEMO), db=db_url)
    assert (ingested["ingested"], ingested["failed"], ingested["analyzed"]) == (len(meta), 0, len(meta)), ingested
    ids = set(ingested["articles"])
    assert len(ids) == len(meta)

    clustered = _cli("cluster", "--no-profiles", db=db_url)
    stories = _cli("stories", db=db_url)
    assert stories == clustered  # the listing is what the clustering pass produced
    assert sorted(a for s in stories for a in s["articles"]) == sorted(ids)  # every article placed, once
    assert all(s["size"] == len(s["articles"]) for s in stories)
    # The demo holds four events (meta.jsonl's gold labels), so the clustering must group, not merely list.
    assert len({m["story"] for m in meta}) <= len(stories) < len(meta)

    biggest = max(stories, key=lambda s: s["size"])  # the first of the biggest, in the CLI's own order
    view = _cli("story", biggest["id"], db=db_url)
    assert (view["id"], view["size"], view["title"]) == (biggest["id"], biggest["size"], biggest["title"])
    assert (view["first_seen"], view["last_seen"]) == (biggest["first_seen"], biggest["last_seen"])
    by_member = _cli("story", biggest["articles"][-1], db=db_url)  # a member's id shows its story
    assert by_member["id"] == biggest["id"] and by_member["requested"] == biggest["articles"][-1]

    # The flood on the Moselle is the story the search below looks for: a word of its German reports.
    flood = next(s for s in stories if "Hochwasser" in s["title"])
    assert flood["size"] == sum(m["story"] == "mosel-hochwasser" for m in meta)

    # -- the service on the same store ----------------------------------------------------------
    server = Server(db_url, log=tmp_path / "serve.log").start()
    try:
        with server.client() as c:
            served = _all_stories(c)
            assert {s["id"]: s["size"] for s in served} == {s["id"]: s["size"] for s in stories}
            # The API lists newest first, the CLI in its own order; each entry is the same Story.to_dict().
            assert sorted(served, key=lambda s: s["id"]) == sorted(stories, key=lambda s: s["id"])

            got = c.get(f"/api/stories/{biggest['id']}")
            assert got.status_code == 200, got.text
            assert got.json() == view  # asked by the same id, so even ``requested`` is equal
            got = c.get(f"/api/stories/{biggest['articles'][-1]}")
            assert got.status_code == 200, got.text
            assert got.json() == by_member  # by a member's id: ``requested`` is that id on both sides

            # Search: every article holding the word is found, on SQLite's FTS5 and on PostgreSQL's
            # tsvector alike, and each hit is placed in the flood story. (PostgreSQL's German stemming
            # may find more inflections, so the hits are bounded by the story, not by the exact word.)
            texts = {}
            for article_id in ids:
                got = c.get(f"/api/articles/{article_id}")
                assert got.status_code == 200, got.text
                doc = got.json()
                assert doc["status"] == "clustered" and doc["story"] in {s["id"] for s in stories}, doc
                texts[article_id] = f"{doc['article'].get('title') or ''}\n{doc['article']['text']}"
            holding = {i for i, t in texts.items() if re.search(r"\bHochwasser\b", t, re.IGNORECASE)}
            assert len(holding) >= 2 and holding <= set(flood["articles"])
            found = c.get("/api/search", params={"q": "Hochwasser", "limit": 100})
            assert found.status_code == 200, found.text
            hits = found.json()["results"]
            assert holding <= {h["id"] for h in hits} <= set(flood["articles"]), hits
            assert {h["story"] for h in hits} == {flood["id"]}

            # A write through the API: refused without the key, stored with it, then clustered by the
            # server's background worker within a bounded wait. It is the agency's next-morning rewrite
            # of its summit report (demo file 07), so it must join that story. (A story stays open
            # ``story_window_days`` after its last article, counted from the newest article seen: a
            # rewrite of the flood reports, a week older than the summit, would open a story of its own.)
            title, _, text = (DEMO / "07_ostseegipfel_bilanz.txt").read_text(encoding="utf-8").partition("\n")
            text = text.strip()
            (source_id,) = [i for i, t in texts.items() if text in t]
            summit = next(s for s in stories if source_id in s["articles"])
            update = text.replace("Rostock, 21. März", "Rostock, 22. März").replace("am Freitag", "am Freitagabend")
            assert update != text
            article = {"title": "Nach dem Ostseegipfel: " + title, "text": update,
                       "published": "2025-03-22T09:00:00+01:00", "source": "End-to-End Kurier", "language": "de"}
            refused = c.post("/api/articles", json=article)
            assert refused.status_code == 401, refused.text
            posted = c.post("/api/articles", json=article, headers=AUTH)
            assert posted.status_code == 202, posted.text
            body = posted.json()
            assert (body["accepted"], body["inserted"], body["failed"]) == (1, 1, 0), body
            new_id = body["articles"][0]["id"]
            assert new_id not in ids

            def placed(client: httpx.Client) -> dict[str, Any] | None:
                doc = client.get(f"/api/articles/{new_id}").json()
                return doc if doc["status"] == "clustered" else None

            doc = server.wait_until(placed, timeout=45, what=f"article {new_id} clustered")
            assert doc["article"]["text"] == article["text"] and doc["story"] == summit["id"], doc
            after = _all_stories(c)
            assert sum(s["size"] for s in after) == len(ids) + 1
            assert any(new_id in s["articles"] and s["id"] == doc["story"] for s in after)
            # The old articles kept their places: the worker only added one.
            old = {a: s["id"] for s in stories for a in s["articles"]}
            assert {a: s["id"] for s in after for a in s["articles"] if a != new_id} == old
            # ... and the search index took the posted article in with the write.
            found = c.get("/api/search", params={"q": "Unterseekabel", "limit": 100}).json()["results"]
            assert {h["id"]: h["story"] for h in found if h["id"] == new_id} == {new_id: summit["id"]}, found

        # What the server stored is the store's, not the server's: the CLI sees it too.
        assert sorted(_cli("stories", db=db_url), key=lambda s: s["id"]) == sorted(after, key=lambda s: s["id"])
    finally:
        server.stop()
