"""The published pages in a real browser: headless Chromium (Debian's chromium and
chromium-driver packages, which `make test` installs) opens the seeds briefing and the
index at a desktop and a phone width. Every citation must jump to its source, no console
error may appear, and nothing may scroll sideways on the phone.

Screenshots go to pytest's temporary folder, never into the repository.
"""

import shutil
from pathlib import Path

import pytest

from summarize.config import load_config
from summarize.runs.run import run
from tests.conftest import ROOT, SEED_EVENT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SLUG = SEED_EVENT.name
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
PAGES = [f"{SLUG}.html", "index.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The seeds' site, written twice so that the page also shows "new" marks: first
    without the Reuters story, then with it."""
    root = tmp_path_factory.mktemp("site")
    late = "002_e6d29139e0651d57.txt"
    shutil.copytree(SEED_EVENT, root / "in" / SLUG, ignore=shutil.ignore_patterns(late))
    config = load_config(ROOT / "configs" / "default.yaml")
    run(config, root / "in", root / "out", now="2026-11-23T05:00:00Z")
    shutil.copy(SEED_EVENT / late, root / "in" / SLUG / late)
    run(config, root / "in", root / "out", now="2026-11-23T06:00:00Z")
    return root / "out"


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.skip("headless Chromium not found: install Debian's chromium and "
                    "chromium-driver packages (`make test` does on Debian)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.skip("selenium is not installed: pip install -e '.[dev]'")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    # No network: the flags stop Chromium's own background connections, which this
    # machine's closed network would refuse many times over.
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()  # ends chromedriver and every Chromium process it started


def open_page(driver, site: Path, page: str, width: int, height: int) -> None:
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get_log("browser")  # start with an empty console
    driver.get((site / page).as_uri())


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("screen", WIDTHS)
def test_page_reads_well_at_every_width(browser, site, tmp_path, page, screen):
    width, height = WIDTHS[screen]
    open_page(browser, site, page, width, height)
    browser.save_screenshot(str(tmp_path / f"{screen}-{page}.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    # nothing wider than the screen: no sideways scrolling
    assert browser.execute_script(
        "return document.documentElement.scrollWidth") <= width
    # every link goes somewhere: an anchor on the page, a page of the site, or the web
    links = browser.execute_script(
        "return [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))")
    assert links
    for href in links:
        if href.startswith("#"):
            assert browser.execute_script(
                "return document.getElementById(arguments[0]) !== null", href[1:]), href
        elif not href.startswith(("http://", "https://")):
            assert (site / href).is_file(), href


def test_a_citation_jumps_to_its_source_and_names_the_outlet(browser, site):
    from selenium.webdriver.common.by import By

    open_page(browser, site, f"{SLUG}.html", *WIDTHS["phone"])
    citations = browser.find_elements(By.CSS_SELECTOR, "a.cite")
    sources = browser.find_elements(By.CSS_SELECTOR, ".sources li")
    assert citations and len(sources) == len({c.get_attribute("href") for c in citations})
    last = citations[-1]
    target = last.get_attribute("href").split("#")[1]
    outlet = browser.find_element(By.ID, target).text.split(",")[0]
    assert last.get_attribute("title") == outlet  # shown on hover, read by screen readers
    last.click()
    assert browser.execute_script("return location.hash") == f"#{target}"
    top = browser.execute_script(
        "return document.getElementById(arguments[0]).getBoundingClientRect().top", target)
    assert 0 <= top < WIDTHS["phone"][1]  # the source is on screen
    highlighted = browser.execute_script(
        "return getComputedStyle(document.getElementById(arguments[0])).backgroundColor",
        target)
    assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")


def test_new_sentences_are_marked_on_the_page(browser, site):
    from selenium.webdriver.common.by import By

    open_page(browser, site, f"{SLUG}.html", *WIDTHS["desktop"])
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.new")
    note = browser.find_element(By.CSS_SELECTOR, ".note").text
    assert len(marks) >= 2 and "new since 2026-11-23 05:00 UTC" in note
    open_page(browser, site, "index.html", *WIDTHS["desktop"])
    assert browser.find_element(By.CSS_SELECTOR, ".events mark.new").text == "updated"


def test_hostile_text_runs_nothing_in_the_browser(browser, tmp_path):
    """The injection corpus of tests/test_site.py, opened for real: no script, no
    handler, no alert box, and the text shown as text."""
    from selenium.webdriver.common.by import By

    from tests.test_site import hostile_event

    hostile_event(tmp_path / "in")
    run(load_config(ROOT / "configs" / "default.yaml"), tmp_path / "in", tmp_path / "out",
        now="2026-11-23T05:00:00Z")
    for page in ("hostile.html", "index.html"):
        open_page(browser, tmp_path / "out", page, *WIDTHS["phone"])
        assert browser.execute_script("return document.scripts.length") == 0
        assert browser.execute_script(
            "return [...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
            ".filter(a => a.name.startsWith('on')).length") == 0
        assert "alert(1)" in browser.find_element(By.TAG_NAME, "body").text
        assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
