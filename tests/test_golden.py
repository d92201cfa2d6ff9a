"""Rendered output compared with golden files in tests/golden/.

To accept a deliberate change of output, regenerate them and review the diff:

    TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py && git diff tests/golden
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from golden_files import check_golden
from tracker.cli.group import cli

BASIC = Path(__file__).parent / "data" / "basic"
NOTICE = Path(__file__).parent / "data" / "notice"

CASES = {
    "status_table_zh.txt": ["--lang", "zh", "status"],
    "status_table_en.txt": ["--lang", "en", "status"],
    "status_markdown_zh.md": ["--lang", "zh", "status", "--format", "markdown"],
    "status_markdown_en.md": ["--lang", "en", "status", "--format", "markdown"],
    "status_csv.csv": ["status", "--format", "csv"],
    "status_json.json": ["status", "--format", "json"],
}


# The county of tests/data/notice: every light, a tie, overdue, due soon, a rate issue.
NOTICE_CASES = {
    "status_columns_zh.txt": [
        "--lang", "zh", "status", "--columns", "owner,lag", "--hide", "no_target",
    ],
    "status_columns_en.md": [
        "--lang", "en", "status", "--format", "markdown", "--columns", "lag,indicator",
        "--due-within", "30",
    ],
    "rank_table_zh.txt": ["--lang", "zh", "rank", "urban-new-jobs"],
    "rank_table_en.txt": ["--lang", "en", "rank", "urban-new-jobs", "--by", "lag"],
    "rank_markdown_zh.md": ["--lang", "zh", "rank", "城镇新增就业", "--format", "markdown"],
    "rank_json.json": ["rank", "urban-new-jobs", "--format", "json"],
    "rank_csv.csv": ["rank", "urban-new-jobs", "--by", "value", "--format", "csv"],
    "notice_markdown_zh.md": ["--lang", "zh", "report", "--style", "notice"],
    "notice_markdown_en.md": ["--lang", "en", "report", "--style", "notice"],
    "notice_html_zh.html": ["--lang", "zh", "report", "--style", "notice", "--format", "html"],
    "notice_html_en.html": ["--lang", "en", "report", "--style", "notice", "--format", "html"],
}  # fmt: skip


def _invoke(data: Path, args: list[str]) -> str:
    args = ["--data", str(data), "--color", "never", *args, "--as-of", "2023-07-01"]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    check_golden(name, _invoke(BASIC, CASES[name]))


@pytest.mark.parametrize("name", sorted(NOTICE_CASES))
def test_golden_notice_data(name: str, tmp_path: Path) -> None:
    # a copy outside the repository: a notice cites the data's commit when it is in git
    data = tmp_path / "notice"
    shutil.copytree(NOTICE, data)
    check_golden(name, _invoke(data, NOTICE_CASES[name]))
