"""A real headless Chromium walks the web UI: story list → paging → search → story → article → compare;
no console errors; screenshots (kept in ``$STORYLINK_SCREENSHOTS`` when set)."""

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


def _go(driver, element, url_part: str) -> None:
    """Click and wait for the next page to be the one whose address holds ``url_part``."""
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element("tag name", "html")
    element.click()
    WebDriverWait(driver, 20).until(lambda d: url_part in d.current_url and d.find_element("tag name", "html") != old)


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
    _go(d, d.find_element(By.ID, "next"), "offset=5")
    second = [r.get_attribute("data-id") for r in d.find_elements(By.CSS_SELECTOR, "#stories tr.story")]
    assert second == first_page[5:10]
    _go(d, d.find_element(By.ID, "prev"), "offset=0")
    assert [r.get_attribute("data-id") for r in d.find_elements(By.CSS_SELECTOR, "#stories tr.story")] == first_page[:5]

    box = d.find_element(By.CSS_SELECTOR, "#filters input[name=q]")
    box.send_keys("Trump Manchmal")
    _go(d, d.find_element(By.CSS_SELECTOR, "#filters button"), "q=Trump+Manchmal")
    rows = d.find_elements(By.CSS_SELECTOR, "#stories tr.story")
    assert len(rows) == 1 and "Gipfel in Hanoi" in rows[0].text

    _go(d, rows[0].find_element(By.CSS_SELECTOR, "a.story-link"), "/stories/s:hanoi-dpa")
    assert d.find_element(By.ID, "story-title").text == "Gipfel in Hanoi ohne Einigung"
    members = d.find_elements(By.CSS_SELECTOR, "#members tr.member")
    assert len(members) == 1
    d.switch_to.frame(d.find_element(By.ID, "story-view"))  # the story package's own page
    assert d.find_elements(By.CSS_SELECTOR, "#timeline")
    speakers = d.find_element(By.ID, "quotes").text
    assert "Trump" in speakers and "Manchmal muss man gehen" in speakers
    d.switch_to.default_content()
    assert d.find_element(By.ID, "json-twin").get_attribute("href").endswith(".json")

    # The biggest synthetic story: several sources, a reuse graph.
    d.get(site.url + "/stories?limit=100")
    biggest = max(d.find_elements(By.CSS_SELECTOR, "#stories tr.story"),
                  key=lambda r: int(r.find_element(By.CSS_SELECTOR, "td.num").text.split()[0]))
    size = int(biggest.find_element(By.CSS_SELECTOR, "td.num").text.split()[0])
    _go(d, biggest.find_element(By.CSS_SELECTOR, "a.story-link"), "/stories/s:")
    assert len(d.find_elements(By.CSS_SELECTOR, "#members tr.member")) == size > 1
    d.switch_to.frame(d.find_element(By.ID, "story-view"))
    assert d.find_elements(By.CSS_SELECTOR, "#reuse svg") and d.find_element(By.ID, "sources").text
    d.switch_to.default_content()
    if SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        d.save_screenshot(str(SCREENSHOTS / "story.png"))
    assert _errors(d) == []

    d.get(site.url + "/stories/s:hanoi-dpa")
    d.find_element(By.CSS_SELECTOR, "#members summary").click()
    _go(d, d.find_element(By.CSS_SELECTOR, "#members a.article-link"), "/articles/hanoi-dpa")
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

    _go(d, d.find_element(By.PARTIAL_LINK_TEXT, "compare with another article"), "/compare?a=")
    other = d.find_element(By.CSS_SELECTOR, "#compare-form textarea[name=b]")
    other.send_keys("Das Treffen von Trump und Kim in Hanoi endete ohne Abkommen. Trump sagte, manchmal "
                    "müsse man gehen. Kim Jong Un reiste am Freitag ab.")
    _go(d, d.find_element(By.CSS_SELECTOR, "#compare-form button"), "&b=")
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


def test_key_form_opens_the_pages_when_reads_need_a_key(browser, tmp_path):
    from selenium.webdriver.common.by import By

    d = browser
    srv = Server(tmp_path / "keyed.db", env={"STORYLINK_READ_KEY_REQUIRED": "1"}).start()
    try:
        import httpx

        records = synthetic_articles(6, stories=2)
        assert httpx.post(srv.url + "/api/articles", json=records, headers={"X-API-Key": KEY},
                          timeout=60).status_code == 202
        srv.wait_until(all_clustered(len(records)), what="the keyed site's articles clustered")
        d.delete_all_cookies()
        d.get(srv.url + "/stories?limit=5")
        assert "key_required" in d.find_element(By.TAG_NAME, "h1").text
        _go(d, d.find_element(By.ID, "key-link"), "/key?next=")
        d.find_element(By.ID, "key").send_keys("not-the-key")
        _go(d, d.find_element(By.CSS_SELECTOR, "#key-form button"), "/key")
        assert "not valid" in d.find_element(By.ID, "error-message").text
        d.find_element(By.ID, "key").send_keys(KEY)
        _go(d, d.find_element(By.CSS_SELECTOR, "#key-form button"), "/stories")
        rows = d.find_elements(By.CSS_SELECTOR, "#stories tr.story")
        assert len(rows) == int(d.find_element(By.ID, "story-count").text.split()[0]) >= 1
        assert d.find_element(By.ID, "nav-key")
        _go(d, rows[0].find_element(By.CSS_SELECTOR, "a.story-link"), "/stories/s:")
        assert d.find_elements(By.CSS_SELECTOR, "#members tr.member")
        assert [e for e in _errors(d) if "401" not in e and "403" not in e] == []
        d.get(srv.url + "/key")
        _go(d, d.find_element(By.ID, "forget-key"), "/stories")
        assert "key_required" in d.find_element(By.TAG_NAME, "h1").text
    finally:
        d.delete_all_cookies()
        srv.stop()
