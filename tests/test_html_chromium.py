"""The HTML report in a real browser: headless Chromium loads it, the charts are in the page,
the console stays silent, and a screenshot is taken (desktop and phone widths).

Skipped with a message where Chromium is absent (`apt-get install chromium fonts-noto-cjk`);
`.ci/run` installs it, so CI runs these.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

ROOT = Path(__file__).parent.parent
HISTORY = Path(__file__).parent / "data" / "history"
SHIPPED = ROOT / "targets"

BROWSER = next(
    (
        path
        for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
        if (path := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    BROWSER is None,
    reason="headless Chromium not found: apt-get install chromium fonts-noto-cjk (CI installs it)",
)

# Isolated and offline: no first-run UI, no background traffic, no GPU.
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
CONSOLE = re.compile(r":CONSOLE[:(]")


def browse(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def render(tmp_path: Path, data: Path, lang: str, as_of: str) -> Path:
    page = tmp_path / f"report-{lang}.html"
    args = ["--data", str(data), "--lang", lang, "report", "--format", "html", "--as-of", as_of]
    result = CliRunner().invoke(cli, [*args, "--output", str(page)])
    assert result.exit_code == 0, result.output
    return page


def console_messages(page: Path, profile: Path) -> tuple[str, list[str]]:
    """The DOM after load, and every console message the page produced."""
    result = browse(page, profile, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, [line for line in result.stderr.splitlines() if CONSOLE.search(line)]


def test_console_messages_are_seen(tmp_path: Path) -> None:
    """The check below is not vacuous: a page that logs an error is caught."""
    page = tmp_path / "control.html"
    page.write_text('<script>console.error("tracker-control")</script>', encoding="utf-8")
    _, messages = console_messages(page, tmp_path / "profile")
    assert any("tracker-control" in m for m in messages)


@pytest.mark.parametrize(("data", "lang", "as_of"), [
    (HISTORY, "en", "2024-06-30"),
    (SHIPPED, "zh", "2025-06-30"),
])  # fmt: skip
def test_page_has_charts_and_no_console_errors(
    tmp_path: Path, data: Path, lang: str, as_of: str
) -> None:
    page = render(tmp_path, data, lang, as_of)
    dom, messages = console_messages(page, tmp_path / "profile")
    assert messages == []
    svgs = re.findall(r"<svg\b[^>]*>", dom)
    assert len(svgs) >= 2
    labels = re.findall(r'aria-label="([^"]+)"', dom)
    status_chart = "Goals by status and region" if lang == "en" else "各地区目标状态"
    completion = "Completion" if lang == "en" else "完成进度"
    assert status_chart in labels
    assert completion in labels
    assert "<rect" in dom
    assert "stroke-dasharray" in dom  # the 100 % line


@pytest.mark.parametrize(("lang", "width"), [("zh", 1200), ("en", 400)])
def test_screenshot(tmp_path: Path, lang: str, width: int) -> None:
    page = render(tmp_path, SHIPPED, lang, "2025-06-30")
    shot = tmp_path / "shot.png"
    result = browse(
        page, tmp_path / "profile", f"--screenshot={shot}", f"--window-size={width},2000"
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG")
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


NOTICE = Path(__file__).parent / "data" / "notice"
# Marks each grid cell with the colours the browser computed for it; added to a copy of the
# page for the test only (the page itself has no script).
PROBE = """<script>
for (const cell of document.querySelectorAll('.cell')) {
  const style = getComputedStyle(cell);
  cell.dataset.bg = style.backgroundColor;
  cell.dataset.edge = style.borderLeftColor;
}
</script>"""


def _rgb(hex_colour: str) -> str:
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def render_notice(tmp_path: Path, lang: str) -> Path:
    data = tmp_path / "notice"
    shutil.copytree(NOTICE, data)
    page = tmp_path / f"notice-{lang}.html"
    args = ["--data", str(data), "--lang", lang, "report", "--style", "notice"]
    result = CliRunner().invoke(
        cli, [*args, "--format", "html", "--as-of", "2023-07-01", "--output", str(page)]
    )
    assert result.exit_code == 0, result.output
    return page


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_notice_grid_cells_are_coloured_by_their_status(tmp_path: Path, lang: str) -> None:
    from tracker.core.compute import Status  # noqa: PLC0415
    from tracker.core.notice import LIGHTS, Light  # noqa: PLC0415
    from tracker.render.i18n import t  # noqa: PLC0415
    from tracker.render.notice_html import LIGHT_COLORS  # noqa: PLC0415

    page = render_notice(tmp_path, lang)
    probed = tmp_path / "probed.html"
    probed.write_text(
        page.read_text(encoding="utf-8").replace("</body>", PROBE + "</body>"), encoding="utf-8"
    )
    dom, messages = console_messages(probed, tmp_path / "profile")
    assert messages == []
    cells = re.findall(
        r'<div class="cell light-(\w+)" data-light="(\w+)" data-status="(\w+)"[^>]*'
        r'data-bg="([^"]+)" data-edge="([^"]+)"><b>([^<]+)</b>',
        dom,
    )
    assert len(cells) == 10  # every task of the county, once
    seen = set()
    for css_light, light, status, background, edge, label in cells:
        expected = LIGHTS[Status(status)]
        assert css_light == light == expected.value
        border, fill, _ = LIGHT_COLORS[expected]
        assert background == _rgb(fill), (status, background)
        assert edge == _rgb(border), (status, edge)
        # colour is never the only signal: the cell names its light and its status
        assert t(f"light.{light}", lang) in label
        assert t(status, lang) in label
        seen.add(expected)
    assert seen == set(Light)


def test_notice_screenshot(tmp_path: Path) -> None:
    page = render_notice(tmp_path, "zh")
    shot = tmp_path / "notice.png"
    result = browse(page, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,1800")
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert shot.stat().st_size > 20_000
