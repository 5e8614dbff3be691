"""A real headless Chromium walks the web UI: story list → search → article → compare; no console errors."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from .conftest import KEY, Server, all_clustered, synthetic_articles

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SCREENSHOTS = Path(os.environ.get("STORYLINK_SCREENSHOTS", "")) if os.environ.get("STORYLINK_SCREENSHOTS") else None

HANOI = ("Gipfel in Hanoi ohne Einigung\n\nUS-Präsident Donald Trump und Nordkoreas Machthaber Kim Jong Un haben "
         "ihr Treffen in Hanoi am Donnerstag vorzeitig beendet. \"Manchmal muss man gehen\", sagte Trump vor "
         "Journalisten. Das Weiße Haus teilte mit, man sei ohne Vereinbarung auseinandergegangen. "
         "Südkoreas Präsident Moon Jae In bedauerte das Ergebnis.")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not (CHROMIUM.exists() and DRIVER.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("chromium and chromium-driver are missing; .ci/run installs them")
        pytest.skip("chromium / chromium-driver not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service as ChromeService

    options = Options()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                 "--window-size=1400,1000", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=ChromeService(str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("ui") / "s.db").start()
    records = synthetic_articles(40, stories=8) + [
        {"id": "hanoi-dpa", "text": HANOI, "published": "2019-02-28T12:00:00+07:00", "source": "dpa"}]
    import httpx

    assert httpx.post(srv.url + "/api/articles", json=records, headers={"X-API-Key": KEY},
                      timeout=60).status_code == 202
    srv.wait_until(all_clustered(len(records)), what="the UI's articles clustered")
    yield srv
    srv.stop()


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def test_walk_stories_search_article_compare(browser, site, tmp_path):
    from selenium.webdriver.common.by import By

    d = browser
    d.get(site.url + "/")
    assert d.current_url.endswith("/stories")
    rows = d.find_elements(By.CSS_SELECTOR, "#stories tr.story")
    total = int(d.find_element(By.ID, "story-count").text.split()[0])
    assert 5 < total <= 41 and len(rows) == min(total, 20)
    first_page = [r.get_attribute("data-id") for r in rows]
    d.get(site.url + "/stories?limit=5")
    d.find_element(By.ID, "next").click()
    assert "offset=5" in d.current_url
    second = [r.get_attribute("data-id") for r in d.find_elements(By.CSS_SELECTOR, "#stories tr.story")]
    assert second == first_page[5:10]
    d.find_element(By.ID, "prev").click()
    assert [r.get_attribute("data-id") for r in d.find_elements(By.CSS_SELECTOR, "#stories tr.story")] == first_page[:5]

    box = d.find_element(By.CSS_SELECTOR, "#filters input[name=q]")
    box.send_keys("Trump Manchmal")
    d.find_element(By.CSS_SELECTOR, "#filters button").click()
    rows = d.find_elements(By.CSS_SELECTOR, "#stories tr.story")
    assert len(rows) == 1 and "Gipfel in Hanoi" in rows[0].text
    assert "q=Trump+Manchmal" in d.current_url

    rows[0].find_element(By.CSS_SELECTOR, "a.article-link").click()
    assert d.find_element(By.ID, "article-title").text == "Gipfel in Hanoi ohne Einigung"
    assert d.find_element(By.ID, "status").text == "clustered"
    persons = {m.text for m in d.find_elements(By.CSS_SELECTOR, "#article-text mark.ent-PER")}
    assert {"Donald Trump", "Trump"} & persons and any("Kim" in p for p in persons)
    quote = d.find_element(By.CSS_SELECTOR, "#article-text mark.quote")
    assert "Manchmal muss man gehen" in quote.text and "trump" in quote.get_attribute("title")
    assert d.find_element(By.CSS_SELECTOR, "#article-text mark.ent-LOC").text == "Hanoi"
    if SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        d.save_screenshot(str(SCREENSHOTS / "article.png"))
    # The legend switches a kind of mark off and on again.
    d.find_element(By.CSS_SELECTOR, "#legend input[data-mark=ent-PER]").click()
    assert "hide-ent-PER" in d.find_element(By.ID, "article-text").get_attribute("class")
    twin = d.find_element(By.ID, "json-twin").get_attribute("href")
    assert twin.endswith("/articles/hanoi-dpa.json")

    d.find_element(By.PARTIAL_LINK_TEXT, "compare with another article").click()
    other = d.find_element(By.CSS_SELECTOR, "#compare-form textarea[name=b]")
    other.send_keys("Das Treffen von Trump und Kim in Hanoi endete ohne Abkommen. Trump sagte, manchmal "
                    "müsse man gehen. Kim Jong Un reiste am Freitag ab.")
    d.find_element(By.CSS_SELECTOR, "#compare-form button").click()
    frame = d.find_element(By.ID, "comparison")
    d.switch_to.frame(frame)
    assert d.find_element(By.TAG_NAME, "h1").text == "storylink compare"
    assert d.find_elements(By.TAG_NAME, "svg")
    assert "Hanoi" in d.find_element(By.ID, "text-a").text and "Abkommen" in d.find_element(By.ID, "text-b").text
    d.switch_to.default_content()
    shot = tmp_path / "compare.png"
    d.save_screenshot(str(shot))
    assert shot.stat().st_size > 20_000
    if SCREENSHOTS:
        shutil.copy(shot, SCREENSHOTS / "compare.png")

    d.get(site.url + "/articles/no-such-article")
    assert "no such article" in d.find_element(By.ID, "error-message").text
    errors = [e for e in _errors(d) if "no-such-article" not in e]  # the 404 just asked for
    assert errors == []
