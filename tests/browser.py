"""A real headless Chromium for page tests (Debian ``chromium`` + ``chromium-driver``, via selenium).

``chromium()`` starts one browser with a fresh profile and nothing that phones home;
``load(driver, url, screenshot)`` opens a ``file://`` or ``http://127.0.0.1`` page, waits for it,
saves a PNG screenshot and returns the console's errors; ``png_colours`` decodes a PNG with the
standard library alone so a test can tell a drawn page from a blank one. Without the browser
the tests skip with the reason, except under CI (``CI`` set), where a missing browser fails.

    with chromium() as driver:
        errors = load(driver, page.as_uri(), tmp_path / "page.png")
"""

from __future__ import annotations

import contextlib
import os
import shutil
import struct
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMEDRIVER = "/usr/bin/chromedriver"
ARGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync")


def require_chromium() -> None:
    """Skip (fail under CI) unless selenium, chromium and chromedriver are all here."""
    missing = []
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    if not (shutil.which("chromium") or Path("/usr/bin/chromium").exists()):
        missing.append("chromium (apt-get install chromium)")
    if not Path(CHROMEDRIVER).exists():
        missing.append(f"{CHROMEDRIVER} (apt-get install chromium-driver)")
    if missing:
        reason = "browser test needs " + ", ".join(missing) + "; .ci/run installs them"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@contextlib.contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium (a selenium ``webdriver.Chrome``) with console logging on; quit on exit."""
    require_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="storylink-chromium-") as profile:
        options = webdriver.ChromeOptions()
        for arg in ARGS:
            options.add_argument(arg)
        options.add_argument(f"--user-data-dir={profile}")
        options.add_argument(f"--window-size={width},{height}")
        binary = shutil.which("chromium") or "/usr/bin/chromium"
        options.binary_location = binary
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.set_page_load_timeout(60)
            yield driver
        finally:
            driver.quit()


def load(driver: Any, url: str, screenshot: str | Path | None = None, *, timeout: float = 30.0) -> list[str]:
    """Open ``url`` (``file://`` or loopback only), wait until it has loaded, save a PNG screenshot
    of the viewport to ``screenshot``; returns the console messages of level SEVERE (errors)."""
    if not url.startswith(("file://", "http://127.0.0.1", "http://localhost")):
        raise ValueError(f"browser tests open local pages only, not {url!r}")
    driver.get_log("browser")  # drop what an earlier page left behind
    driver.get(url)
    deadline = time.monotonic() + timeout
    while driver.execute_script("return document.readyState") != "complete":
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not finish loading in {timeout:.0f} s")
        time.sleep(0.05)
    if screenshot is not None:
        if not driver.save_screenshot(str(screenshot)):
            raise RuntimeError(f"could not save a screenshot of {url} to {screenshot}")
    return [f"{e.get('level')}: {e.get('message')}" for e in driver.get_log("browser")
            if e.get("level") == "SEVERE"]


def full_page_screenshot(driver: Any, path: str | Path) -> None:
    """A screenshot of the whole page, not just the viewport (Chrome DevTools' own capture)."""
    import base64

    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def png_colours(path: str | Path, *, limit: int = 64) -> tuple[int, int, set[bytes]]:
    """(width, height, distinct pixel colours, at most ``limit``) of an 8-bit RGB/RGBA PNG,
    decoded with zlib and the five PNG row filters."""
    data = Path(path).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, header = 8, [], b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = chunk
        elif kind == b"IDAT":
            idat.append(chunk)
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour_type not in (2, 6) or interlace:
        raise ValueError(f"{path}: only 8-bit RGB/RGBA, non-interlaced PNGs are decoded here")
    bpp = 3 if colour_type == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                row[i] = (row[i] + row[i - bpp]) & 0xFF
        elif kind == 2:
            row = bytearray((a + b) & 0xFF for a, b in zip(row, prev))
        elif kind == 3:
            for i in range(stride):
                left = row[i - bpp] if i >= bpp else 0
                row[i] = (row[i] + ((left + prev[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = row[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        if len(colours) < limit:
            colours.update(bytes(row[i:i + 3]) for i in range(0, stride, bpp * 7))
        prev = row
    return width, height, set(list(colours)[:limit])
