"""Output polish: no orphan characters when piped, plain help defaults, help pages that exist
after `pip install` (`tracker docs`), one name per format."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from wcwidth import wcswidth

from tracker.cli.group import cli
from tracker.cli.registry import COMMANDS

ROOT = Path(__file__).parent.parent
ENV = {"TRACKER_LANG": "zh", "NO_COLOR": "1", "TRACKER_DATA": str(ROOT / "targets")}


def test_piped_output_is_not_wrapped_into_orphans() -> None:
    """Without $COLUMNS, a pipe gets rows as wide as they are: no title broken in two."""
    env: dict[str, str | None] = {**ENV, "COLUMNS": None}
    result = CliRunner().invoke(cli, ["status"], env=env)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("─"))
    summary = next(i for i, line in enumerate(lines) if line.startswith("共"))
    rows = lines[rule + 1 : summary]
    goals = CliRunner().invoke(cli, ["status", "--format", "json"], env=env)
    # one line a goal: no title wrapped onto a line of its own
    assert len(rows) == len(json.loads(goals.stdout)["goals"])


def test_columns_still_sets_the_width() -> None:
    result = CliRunner().invoke(cli, ["status"], env={**ENV, "COLUMNS": "80"})
    assert max(wcswidth(line) for line in result.stdout.splitlines()) <= 80


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_defaults_are_plain_and_links_work(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"], env=ENV)
    assert result.exit_code == 0
    assert "[default: (" not in result.stdout
    for page in re.findall(r"tracker docs (\w+)", result.stdout):
        shown = CliRunner().invoke(cli, ["docs", page], env=ENV)
        assert shown.exit_code == 0, page
        assert shown.stdout.startswith("#")
    assert not re.search(r"\bdocs/\w+\.md", result.stdout)  # not shipped under that path


def test_docs_lists_and_suggests() -> None:
    listed = CliRunner().invoke(cli, ["docs"], env=ENV)
    assert "check" in listed.stdout.split()
    wrong = CliRunner().invoke(cli, ["docs", "chek"], env=ENV)
    assert wrong.exit_code == 2
    assert "没有名为“chek”的文档页;可选:check" in wrong.stderr


def test_docs_are_packaged() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"docs" = "tracker/docs"' in pyproject


@pytest.mark.parametrize(
    "args",
    [
        ["status"],
        ["rank", "城镇新增就业"],
        ["regions"],
        ["check"],
        ["show", "yuncheng-2022-urban-new-jobs"],
    ],
)
def test_one_name_for_the_human_format(args: list[str]) -> None:
    """`text` everywhere (help and default), `table` accepted as its alias."""
    runner = CliRunner()
    default = runner.invoke(cli, args, env=ENV)
    for name in ("text", "table", "TEXT"):
        result = runner.invoke(cli, [*args, "--format", name], env=ENV)
        assert result.exit_code == default.exit_code, result.output
        assert result.stdout == default.stdout
    helped = runner.invoke(cli, [args[0], "--help"], env=ENV)
    assert "[default: text]" in helped.stdout
    assert "table" not in helped.stdout.split("--format", 1)[1].split("\n", 1)[0]
