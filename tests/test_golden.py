"""Rendered output compared with golden files in tests/golden/.

To accept a deliberate change of output, regenerate them and review the diff:

    TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py && git diff tests/golden
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from golden_files import check_golden
from tracker.cli.group import cli

BASIC = Path(__file__).parent / "data" / "basic"

CASES = {
    "status_table_zh.txt": ["--lang", "zh", "status"],
    "status_table_en.txt": ["--lang", "en", "status"],
    "status_markdown_zh.md": ["--lang", "zh", "status", "--format", "markdown"],
    "status_markdown_en.md": ["--lang", "en", "status", "--format", "markdown"],
    "status_csv.csv": ["status", "--format", "csv"],
    "status_json.json": ["status", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    args = ["--data", str(BASIC), "--color", "never", *CASES[name], "--as-of", "2023-07-01"]
    result = CliRunner().invoke(cli, args, env={"COLUMNS": "100", "NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    check_golden(name, result.stdout)
