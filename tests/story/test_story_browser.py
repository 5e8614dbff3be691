"""The seeds' story page in a real headless Chromium: it renders, its sections and drawings are
there and visible, the console stays clean, and the screenshot shows a drawn page.

The view is the real one: both seeds clustered into a temporary SQLite store
(``storylink.stories.cluster``), then ``storylink.story.story`` over it. One store, one page and one browser
serve the whole module (the clustering and the browser start are the slow parts).
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from browser import chromium, load, png_colours
from storylink.story.html import render_story_html

WINDOW = (1280, 900)


@pytest.fixture(scope="module")
def seeds_story(tmp_path_factory, seed_agency_text, seed_ticker_text) -> tuple[dict[str, Any], dict[str, str]]:
    from storylink.config import Settings
    from storylink.store import open_store
    from storylink.stories import cluster
    from storylink.story import story

    # The stage functions from their modules: ``storylink.cluster`` turns into the module
    # ``storylink.cluster`` once anything imports that module (cluster_store does).
    settings = Settings(db=os.fspath(tmp_path_factory.mktemp("story-store") / "story.db"))
    stories = cluster([seed_agency_text, seed_ticker_text], settings=settings)
    assert [s.size for s in stories] == [2], "the two seeds should form one story"
    view = story(stories[0].id, settings=settings)
    with open_store(settings, create=False) as store:
        texts = {aid: a.text for aid, a in store.get_articles([m.article_id for m in view.sources]).items()}
    return view.to_dict(), texts


@pytest.fixture(scope="module")
def loaded(tmp_path_factory, seeds_story):
    """The page opened once in Chromium: (driver, console errors, screenshot path, view)."""
    view, texts = seeds_story
    folder = tmp_path_factory.mktemp("story-page")
    page = folder / "story.html"
    page.write_text(render_story_html(view, texts), encoding="utf-8")
    with chromium(*WINDOW) as driver:
        errors = load(driver, page.as_uri(), folder / "story.png")
        yield driver, errors, folder / "story.png", view


def _visible(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_story_page_renders_its_sections_and_drawings(loaded):
    driver, _, _, view = loaded
    assert driver.title.startswith(view["title"])
    for selector in ("#summary", "#timeline svg", "#quotes", "#sources", "#reuse svg", "#entities", "#history",
                     "#texts mark"):
        assert _visible(driver, selector), f"{selector} missing or hidden"
    for selector in ("#timeline svg", "#reuse svg"):
        size = _visible(driver, selector)[0].size
        assert size["width"] > 600 and size["height"] > 100, (selector, size)
    on_axis = [i for i in view["timeline"] if i["time"] and not i["background"]]
    assert len(driver.find_elements("css selector", "#timeline svg g.item")) == len(on_axis) > 20
    assert len(driver.find_elements("css selector", "#reuse svg g.edge")) == len(view["reuse"]) >= 1
    assert len(driver.find_elements("css selector", "#reuse svg g.node")) == len(view["sources"]) == 2


def test_story_page_highlights_the_copied_paragraph_on_both_sides(loaded):
    driver, _, _, view = loaded
    edge = view["reuse"][0]
    for member in (edge["source"], edge["target"]):
        copied = driver.find_elements("css selector", f'[id="text-{member}"] mark.copied')
        assert copied and any("Der Verkehr in Vietnams Hauptstadt" in m.text for m in copied), member
    quotes = driver.find_elements("css selector", "#texts mark.quote")
    assert len(quotes) >= sum(len(st["quotes"]) for sp in view["quotes"] for st in sp["statements"]) // 2
    # the highlight colour really reaches the screen: the mark's background is not transparent
    colour = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", quotes[0])
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_story_page_shows_two_sources_of_one_statement_side_by_side(loaded):
    driver, _, _, _ = loaded
    grids = driver.find_elements("css selector", "#quotes table.statement")
    widest = max(len(g.find_elements("css selector", "tbody td")) for g in grids)
    assert widest == 2
    speed = [g for g in grids if "Geschwindigkeit" in g.text]
    assert speed and len(speed[0].find_elements("css selector", "tbody td")) == 2


def test_story_page_has_no_console_errors(loaded):
    _, errors, _, _ = loaded
    assert errors == []


def test_story_page_screenshot_is_not_blank(loaded):
    _, _, screenshot, _ = loaded
    width, height, colours = png_colours(screenshot)
    assert (width, height) == WINDOW or width >= 800
    assert len(colours) >= 8, f"screenshot looks blank: {len(colours)} colours"


def test_the_checks_catch_a_console_error_and_a_blank_page(loaded, tmp_path):
    # The same browser on a broken, empty page: the two checks above can fail.
    driver, _, _, _ = loaded
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><link rel="icon" href="data:,"></head>'
                    '<body style="background:#fff"><script>console.error("boom"); undefinedCall();</script>'
                    "</body></html>", encoding="utf-8")
    errors = load(driver, page.as_uri(), tmp_path / "blank.png")
    assert any("boom" in e for e in errors) and any("undefinedCall" in e for e in errors)
    _, _, colours = png_colours(tmp_path / "blank.png")
    assert colours == {b"\xff\xff\xff"}
