"""Dates at the edge of Python's calendar (9999-12-31 is ``date.max``): a deadline there is a
valid date, and every command must show and judge it, not fail on ``date + 1 day``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli

GOAL = """\
[[region]]
name = "V"

[[goal]]
id = "y"
region = "V"
title = "a"
unit = "个"
target = 5
start = 2020-01-01
deadline = {deadline}

  [[goal.outcome]]
  as_of = 2023-06-30
  value = 3
"""


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))


def run(data: Path, lang: str, *args: str) -> Result:
    environment = {"NO_COLOR": "1", "COLUMNS": "120"}
    return CliRunner().invoke(cli, ["--data", str(data), "--lang", lang, *args], env=environment)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "args",
    [
        ("status", "--columns", "deadline"),
        ("status", "--format", "markdown"),
        ("report",),
        ("report", "--format", "html"),
        ("show", "y"),
        ("status", "--grace", "3660"),
        ("report", "--grace", "3660"),
    ],
)
@pytest.mark.parametrize("deadline", ["9999-12-31", "9999-12-01"])
def test_deadline_at_the_end_of_the_calendar(
    tmp_path: Path, lang: str, args: tuple[str, ...], deadline: str
) -> None:
    """A deadline of 9999-12-31 made status and report fail with OverflowError (the
    month-end test added a day), and --grace past 9999-12-31 did the same in the status rule."""
    (tmp_path / "t.toml").write_text(GOAL.format(deadline=deadline), encoding="utf-8")
    result = run(tmp_path, lang, *args)
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    if "show" in args or "--columns" in args:  # the deadline is shown
        assert "9999" in result.output
