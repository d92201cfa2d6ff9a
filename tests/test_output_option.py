"""One ``--output FILE`` on every command that prints a report: the report goes to the file
(no colour), stdout stays empty, and a line on stderr says where it went."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

TARGETS = Path(__file__).parent.parent / "targets"
ENV = {"TRACKER_LANG": "en", "TRACKER_DATA": str(TARGETS)}

COMMANDS = [
    ["status"],
    ["status", "--format", "json"],
    ["show", "yuncheng-2022-urban-new-jobs"],
    ["report"],
    ["check"],
    ["rank", "城镇新增就业"],
    ["regions"],
    ["schema"],
]


@pytest.mark.parametrize("args", COMMANDS, ids="-".join)
def test_output_writes_the_report_to_the_file(tmp_path: Path, args: list[str]) -> None:
    runner = CliRunner()
    printed = runner.invoke(cli, ["--color", "never", *args], env=ENV)
    target = tmp_path / "out.txt"
    result = runner.invoke(cli, ["--color", "always", *args, "--output", str(target)], env=ENV)
    assert result.exit_code == printed.exit_code, result.output
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == printed.stdout  # no escape codes either


def test_output_dash_is_stdout() -> None:
    result = CliRunner().invoke(cli, ["status", "-o", "-"], env=ENV)
    assert result.exit_code == 0
    assert "yuncheng" in result.stdout or "运城" in result.stdout
    assert "wrote" not in result.stderr
