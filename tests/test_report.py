"""`tracker report`: Markdown and HTML summaries, golden files, escaping, --output.

To accept a deliberate change of output, regenerate the golden files and review the diff:

    TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report.py && git diff tests/golden
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from golden_files import check_golden
from tracker.cli.group import cli

DATA = Path(__file__).parent / "data"
BASIC = DATA / "basic"
HISTORY = DATA / "history"


def run(*args: str, lang: str = "en") -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1", "COLUMNS": "100"}
    return CliRunner().invoke(cli, list(args), env=env)


def report(data: Path, *args: str, lang: str = "en") -> str:
    result = run("--data", str(data), "report", *args, lang=lang)
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


GOLDEN_CASES = {
    "report_markdown_zh.md": (BASIC, "zh", ["--as-of", "2023-07-01"]),
    "report_markdown_en.md": (BASIC, "en", ["--as-of", "2023-07-01"]),
    "report_history_zh.md": (HISTORY, "zh", ["--as-of", "2024-06-30"]),
    "report_history_en.md": (HISTORY, "en", ["--as-of", "2024-06-30"]),
    "report_html_en.html": (HISTORY, "en", ["--as-of", "2024-06-30", "--format", "html"]),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name: str) -> None:
    data, lang, args = GOLDEN_CASES[name]
    text = report(data, *args, lang=lang)
    check_golden(name, text)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_same_data_same_bytes(fmt: str) -> None:
    args = ["--as-of", "2024-06-30", "--format", fmt]
    assert report(HISTORY, *args) == report(HISTORY, *args)


def test_markdown_sections() -> None:
    text = report(HISTORY, "--as-of", "2024-06-30")
    headings = re.findall(r"^#+ .*$", text, flags=re.MULTILINE)
    assert headings == [
        "# Target report",
        "## Overview",
        "## By region",
        "### 运城市",
        "### 盐湖区",
        "## Needs attention: behind, missed, unclear",
        "## Inconsistent stated rates",
        "## Sources",
        "## How to read this",
    ]
    # the headline counts add up
    assert "Goals tracked: 6; with a target or a deadline: 5 (1 missed, " in text
    assert "| **Total**" in text
    # GFM tables with alignment rows
    assert "|:--" in text
    assert "--:|" in text
    # the behind/missed/unclear section lists the missed goal with its gap
    attention = text.split("## Needs attention")[1].split("##")[0]
    assert "放心午餐学校" in attention
    assert "0 所" in attention
    # an inconsistent stated rate: 5.31万 / 5.2万 = 102.02%–102.21%, stated 104.19%
    rates = text.split("## Inconsistent stated rates")[1].split("##")[0]
    assert "104.19%" in rates
    assert "102.02%–102.21%" in rates
    assert "全年城镇新增就业5.31万人" in rates
    # only the judged outcome's check is inconsistent; the consistent ones are not listed
    assert "23.1%" not in rates
    # sources: an http(s) URL becomes a link, percent-encoded so parentheses cannot end it
    assert "[运城市季度民生数据](https://example.org/yc?q=1&t=%28%E5%AD%A3%E5%BA%A6%29)" in text


def test_region_filter_titles_the_report() -> None:
    text = report(HISTORY, "--region", "盐湖", "--as-of", "2024-06-30", lang="zh")
    assert text.startswith("# 盐湖区目标完成情况报告\n")
    assert "### 运城市" not in text
    text = report(HISTORY, "--region", "运城", "--as-of", "2024-06-30", lang="zh")
    assert text.startswith("# 运城市目标完成情况报告\n")
    assert "### 盐湖区" in text  # descendants included


def test_status_filter_is_stated() -> None:
    text = report(HISTORY, "--status", "missed", "--as-of", "2024-06-30")
    assert "status missed" in text.splitlines()[2]
    assert "1 goal" in text
    assert "普惠性幼儿园覆盖率" not in text


def test_nothing_selected() -> None:
    text = report(HISTORY, "--category", "nothing-like-this", "--as-of", "2024-06-30")
    assert "No goals match." in text
    html = report(HISTORY, "--category", "nothing", "--format", "html", "--as-of", "2024-06-30")
    assert "No goals match." in html
    assert html.rstrip().endswith("</html>")


def test_unknown_region_is_a_usage_error() -> None:
    result = run("--data", str(HISTORY), "report", "--region", "北京")
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr


def test_output_file_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    result = run("--data", str(HISTORY), "report", "--as-of", "2024-06-30", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "wrote" in result.stderr
    assert target.read_text(encoding="utf-8") == report(HISTORY, "--as-of", "2024-06-30")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]  # no temporary file left


def test_output_into_a_missing_directory(tmp_path: Path) -> None:
    result = run("--data", str(HISTORY), "report", "-o", str(tmp_path / "no" / "r.md"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_whole_shipped_dataset_renders() -> None:
    root = Path(__file__).parent.parent / "targets"
    for fmt in ("markdown", "html"):
        for lang in ("zh", "en"):
            text = report(root, "--as-of", "2025-06-30", "--format", fmt, lang=lang)
            assert "运城市" in text


# --- HTML -----------------------------------------------------------------------------------


def test_html_is_self_contained() -> None:
    html = report(HISTORY, "--as-of", "2024-06-30", "--format", "html")
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert '<meta name="viewport"' in html
    lowered = html.lower()
    for external in ("<script", "<link", "src=", "@import", "url(", "@font-face"):
        assert external not in lowered
    # the only URLs are the sources' links (and the SVG namespace)
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html))
    assert urls == {
        "http://www.w3.org/2000/svg",
        "https://example.org/yc?q=1&amp;t=%28%E5%AD%A3%E5%BA%A6%29",
    }


def test_html_has_the_charts() -> None:
    html = report(HISTORY, "--as-of", "2024-06-30", "--format", "html")
    svgs = re.findall(r"<svg[^>]*aria-label=\"([^\"]+)\"", html)
    # one status-by-region chart, one completion chart per region with a completion figure
    assert svgs == ["Goals by status and region", "Completion", "Completion"]
    # the 100 % line and the time-elapsed ticks
    assert "stroke-dasharray" in html
    assert "time elapsed" in html
    # every region section has its table; goals without a target are listed too
    assert html.count("<table>") == 4  # 2 regions + figures without a target + attention
    assert "基层诊疗人次" in html


def test_html_zh_lang() -> None:
    html = report(HISTORY, "--as-of", "2024-06-30", "--format", "html", lang="zh")
    assert '<html lang="zh-CN">' in html
    assert "各地区目标状态" in html


HOSTILE = """
[[region]]
name = "<b>Evil</b> & \\"Co\\""

[[source]]
id = "evil"
title = "<script>alert('title')</script>"
publisher = "[pub](javascript:alert(1))"
url = "javascript:alert(1)"

[[source]]
id = "quoted"
title = "Quoted"
url = "https://example.org/a\\"onmouseover=\\"alert(1)"

[defaults]
region = "<b>Evil</b> & \\"Co\\""
source = "evil"

[[goal]]
id = "evil-goal"
title = "<img src=x onerror=alert(1)> | pipe ` tick **bold** \\u001b[31m"
category = "<i>cat</i>"
unit = "人"
period = 2022
target = 100
quote = "</blockquote><script>alert('quote')</script>"

  [[goal.outcome]]
  as_of = 2022-12-31
  value = 90
  stated_rate = "95%"
  quote = "<svg onload=alert(1)>"
  source = "quoted"
"""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    (tmp_path / "evil.toml").write_text(HOSTILE, encoding="utf-8")
    return tmp_path


def test_html_escapes_every_data_string(hostile: Path) -> None:
    html = report(hostile, "--as-of", "2023-01-01", "--format", "html")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered
    assert "<b>" not in lowered
    assert "<svg onload" not in lowered
    assert "javascript:" not in lowered.replace("[pub](javascript:alert(1))", "")
    assert 'href="javascript' not in lowered
    assert "\x1b" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    # a URL cannot break out of its attribute
    assert 'href="https://example.org/a%22onmouseover=%22alert(1)"' not in html
    assert 'onmouseover="' not in html
    assert "%22onmouseover=%22alert%281%29" in html


def test_markdown_escapes_every_data_string(hostile: Path) -> None:
    text = report(hostile, "--as-of", "2023-01-01")
    body = re.sub(r"^\s*> ", "", text, flags=re.MULTILINE)  # our own blockquote markers
    assert re.search(r"(?<!\\)[<>]", body) is None  # every < and > of the data is escaped
    assert re.search(r"(?<!\\)\]\(javascript", text) is None  # no link to javascript:
    assert "\x1b" not in text
    assert r"\<img src=x onerror=alert(1)\> \| pipe \` tick \*\*bold\*\*" in text
    # each table row keeps its column count: a | in the data cannot add a cell
    for line in text.splitlines():
        if line.startswith("| ") and "img" in line:
            assert line.count(" | ") == 7  # eight columns in a region table (seven in attention)
            break
    # the inconsistent rate is listed with the hostile quote made inert
    assert r"\<svg onload=alert(1)\>" in text
