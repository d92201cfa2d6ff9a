"""--hide, --due-within (every reading command) and status --columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

NOTICE = Path(__file__).parent / "data" / "notice"


def run(*args: str) -> tuple[int, str, str]:
    base = ["--data", str(NOTICE), "--color", "never"]
    result = CliRunner().invoke(
        cli, [*base, *args, "--as-of", "2023-07-01"], env={"COLUMNS": "100"}
    )
    return result.exit_code, result.stdout, result.stderr


def statuses(*args: str) -> list[str]:
    code, out, err = run("status", "--format", "json", *args)
    assert code == 0, err
    return [g["status"] for g in json.loads(out)["goals"]]


@pytest.mark.parametrize("hide", ["no_target,no_data", "无目标,无数据", "no target", "No-Data"])
def test_hide_takes_keys_and_labels(hide: str) -> None:
    shown = statuses("--hide", hide)
    assert "no_target" not in shown or "no_data" not in shown
    assert len(shown) < len(statuses())


def test_hide_unknown_status_is_a_usage_error() -> None:
    code, _, err = run("status", "--hide", "nope")
    assert code == 2
    assert "--hide: unknown status nope" in err


def test_due_within_keeps_unfinished_goals_due_soon() -> None:
    _, out, _ = run("status", "--format", "json", "--due-within", "30")
    assert [g["id"] for g in json.loads(out)["goals"]] == ["beihe-2023-clinics"]
    _, out, _ = run("status", "--format", "json", "--due-within", "0")
    assert json.loads(out)["goals"] == []


@pytest.mark.parametrize("command", [["report"], ["rank", "村卫生室改造"]])
def test_due_within_filters_every_reading_command(command: list[str]) -> None:
    code, out, err = run(*command, "--due-within", "30", "--lang", "en")
    assert code == 0, err
    assert "北河乡" in out
    assert "南山镇" not in out


def test_columns_add_deadline_owner_lag_indicator() -> None:
    code, out, _ = run("--lang", "en", "status", "--columns", "indicator,deadline", "--format",
                       "markdown")  # fmt: skip
    assert code == 0
    header = out.splitlines()[4]
    assert header.index("Status") < header.index("Due") < header.index("Indicator")
    assert "urban-new-jobs" in out
    code, _, err = run("status", "--columns", "deadline,colour")
    assert code == 2
    assert "--columns: unknown column colour; choose from deadline, owner, lag, indicator" in err


def test_due_within_filters_the_region_tree() -> None:
    code, out, _ = run("regions", "--format", "json", "--due-within", "30")
    assert code == 0
    totals = {r["name"]: r["total"] for r in json.loads(out)["regions"]}
    assert totals["示范县"] == totals["北河乡"] == 1
    assert totals["南山镇"] == 0
