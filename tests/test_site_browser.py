"""`tracker site` in a real browser: Debian's chromium and chromium-driver, driven by Selenium
(headless, sandbox off, no GPU, no background traffic, a fresh profile). The site of the
shipped data is loaded from file://; a column is sorted by clicking its header (and by the
keyboard), the table filtered by typing and by a status chip, a goal page reached by its link
and its chart found, the language switched — with the console silent throughout (the
Content-Security-Policy would report any inline script there). Screenshots of the index, a
region page and a goal page in both languages go to $TRACKER_SCREENSHOTS when it is set.

Skipped with a message where chromium, chromedriver or selenium is missing
(`apt-get install chromium chromium-driver fonts-noto-cjk`, `pip install -e '.[test]'`);
`.ci/run` installs them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

ROOT = Path(__file__).parent.parent
SHIPPED = ROOT / "targets"
AS_OF = "2025-06-30"

BROWSER = next(
    (shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None
)
DRIVER = shutil.which("chromedriver")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed: pip install -e '.[test]'"
)
pytestmark = pytest.mark.skipif(
    BROWSER is None or DRIVER is None,
    reason="chromium and chromedriver not found: apt-get install chromium chromium-driver "
    "fonts-noto-cjk (CI installs them)",
)

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    result = CliRunner().invoke(
        cli,
        ["--data", str(SHIPPED), "site", str(out), "--lang", "both", "--as-of", AS_OF],
        env={"TRACKER_LANG": "en"},
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from selenium.webdriver.chrome.options import Options  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    options = Options()
    options.binary_location = str(BROWSER)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1200,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(DRIVER)), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def visible_rows(table: Any) -> list[Any]:
    return [r for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]


def sort_values(table: Any, column: int) -> list[str]:
    return [
        r.find_elements(By.TAG_NAME, "td")[column].get_attribute("data-sort") or ""
        for r in visible_rows(table)
    ]


def shoot(driver: Any, name: str) -> None:
    folder = os.environ.get("TRACKER_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(1200, min(max(int(height), 800), 4000))
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))
        driver.set_window_size(1200, 1600)


def test_sort_filter_follow_and_switch(site: Path, browser: Any) -> None:
    browser.get((site / "en" / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "h1").text == "Target tracker"
    assert "js" in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
    shoot(browser, "index-en")

    # a region with goals of its own and below it
    browser.find_element(By.LINK_TEXT, "运城市").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "运城市"
    table = browser.find_element(By.CSS_SELECTOR, "table.goals")
    shoot(browser, "region-en")

    # sort by completion: a click on the header's button, numbers as numbers, empties last
    ratio = table.find_elements(By.CSS_SELECTOR, "thead th")[6]
    button = ratio.find_element(By.TAG_NAME, "button")
    button.click()
    assert ratio.get_attribute("aria-sort") == "ascending"
    values = sort_values(table, 6)
    numbers = [float(v) for v in values if v]
    assert numbers == sorted(numbers)
    assert len(numbers) >= 2
    assert values[: len(numbers)] == [v for v in values if v]  # the empty ones last
    button.send_keys(Keys.ENTER)  # the keyboard sorts too: the header is a button
    assert ratio.get_attribute("aria-sort") == "descending"
    numbers = [float(v) for v in sort_values(table, 6) if v]
    assert numbers == sorted(numbers, reverse=True)

    # filter by typing
    controls = browser.find_element(By.CSS_SELECTOR, "div.controls")
    assert controls.is_displayed()  # shown by the script; hidden without it
    total = len(table.find_elements(By.CSS_SELECTOR, "tbody tr"))
    box = controls.find_element(By.CSS_SELECTOR, "input[type=search]")
    box.send_keys("就业")
    shown = visible_rows(table)
    assert 0 < len(shown) < total
    assert all("就业" in r.text for r in shown)
    count = controls.find_element(By.CLASS_NAME, "count").text
    assert count == f"{len(shown)} of {total} shown"
    box.clear()
    box.send_keys(" ")
    box.send_keys(Keys.BACK_SPACE)
    assert len(visible_rows(table)) == total

    # a status chip hides that status
    chip = controls.find_element(By.CSS_SELECTOR, "button[data-status=no_target]")
    chip.click()
    assert chip.get_attribute("aria-pressed") == "false"
    rows = visible_rows(table)
    assert rows
    assert all(r.get_attribute("data-status") != "no_target" for r in rows)
    chip.click()
    assert len(visible_rows(table)) == total

    # follow a goal's link; its page has the chart
    link = table.find_element(By.LINK_TEXT, "城镇新增就业")
    link.click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "城镇新增就业"
    chart = browser.find_element(By.CSS_SELECTOR, "figure.history svg")
    assert chart.get_attribute("role") == "img"
    assert chart.find_elements(By.TAG_NAME, "circle")
    assert chart.find_elements(By.CSS_SELECTOR, "line.target")
    goal_url = browser.current_url
    assert "/en/goals/" in goal_url
    shoot(browser, "goal-en")

    # the same page in the other language
    browser.find_element(By.LINK_TEXT, "中文").click()
    assert browser.current_url == goal_url.replace("/en/goals/", "/zh/goals/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert browser.find_element(By.TAG_NAME, "h1").text == "城镇新增就业"
    assert "历史走势" in browser.find_element(By.TAG_NAME, "main").text
    shoot(browser, "goal-zh")
    browser.find_element(By.LINK_TEXT, "运城市").click()
    shoot(browser, "region-zh")
    browser.find_element(By.LINK_TEXT, "首页").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "目标完成情况"
    shoot(browser, "index-zh")

    assert console_errors(browser) == []


def test_readable_without_javascript(site: Path, browser: Any) -> None:
    """With scripting off the tables are all there; the controls stay hidden."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.get((site / "zh" / "index.html").as_uri())
        assert browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
        assert not browser.find_elements(By.CSS_SELECTOR, "th button")
        region = browser.find_element(By.LINK_TEXT, "运城市")
        region.click()
        assert visible_rows(browser.find_element(By.CSS_SELECTOR, "table.goals"))
        assert not [
            c for c in browser.find_elements(By.CSS_SELECTOR, "div.controls") if c.is_displayed()
        ]
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def test_inline_script_would_be_refused(site: Path, browser: Any) -> None:
    """The policy works: a page of the site with an inline script added does not run it,
    and the browser reports the refusal (so the silent console above means something)."""
    page = site / "en" / "index.html"
    text = page.read_text(encoding="utf-8").replace(
        "</main>", "<script>document.title = 'ran';</script></main>"
    )
    probe = page.with_name("probe.html")
    probe.write_text(text, encoding="utf-8")
    try:
        browser.get(probe.as_uri())
        assert browser.title != "ran"
        assert any("Content Security Policy" in m for m in console_errors(browser))
    finally:
        probe.unlink()
