"""Empty results explain themselves: the filter that left no goal and what exists instead,
on stderr; no goal loaded at all is exit 1; the header states the filters in force."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli

TARGETS = Path(__file__).parent.parent / "targets"


def run(*args: str, lang: str = "en", data: Path = TARGETS) -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1", "TRACKER_DATA": str(data)}
    return CliRunner().invoke(cli, list(args), env=env)


@pytest.mark.parametrize(
    ("args", "lang", "hint"),
    [
        (["--year", "1999"], "en", "--year left no goal; the goals cover the years 2017–2025"),
        (["--year", "1999"], "zh", "--year 筛掉了全部目标;现有目标涉及的年份:2017–2025"),
        (["--category", "就業"], "en", "(did you mean 就业?)"),
        (["--category", "就業"], "zh", "现有类别:"),
        (["--region", "临河", "--status", "missed"], "en", "--status left no goal; the goals are"),
    ],
)
def test_which_filter_emptied_the_result(args: list[str], lang: str, hint: str) -> None:
    result = run("status", *args, lang=lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] in ("No goals match.", "没有符合条件的目标。")
    assert hint in result.stderr


def test_no_goals_at_all(tmp_path: Path) -> None:
    (tmp_path / "regions.toml").write_text('[[region]]\nname = "示例市"\n', encoding="utf-8")
    result = run("status", data=tmp_path)
    assert result.exit_code == 0
    assert "the data directory has no goals: add one with tracker add" in result.stderr


def test_every_file_failing_is_exit_1_with_the_problems(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text("x = = 1\n", encoding="utf-8")
    (tmp_path / "b.toml").write_bytes(b"\xff\xfe b\x00a\x00d\x00")
    for command in (["status"], ["report"]):
        result = run(*command, data=tmp_path)
        assert result.exit_code == 1
        assert "E003" in result.stderr
        assert "E002" in result.stderr
        assert "no goal could be loaded: 2 data files have errors" in result.stderr


def test_header_states_the_resolved_region_and_filters() -> None:
    result = run("status", "--region", "xinjiang", "--year", "2021")
    assert result.exit_code == 0, result.output
    first = result.stdout.splitlines()[0]
    assert "region 新绛县 ← xinjiang" in first
    assert "year 2021" in first
    zh = run("status", "--region", "新绛县", lang="zh", data=TARGETS)
    assert "地区 新绛县" in zh.stdout.splitlines()[0]
    assert "←" not in zh.stdout.splitlines()[0]  # the name itself: no arrow
    markdown = run("status", "--region", "xinjiang", "--format", "markdown")
    assert "region 新绛县 ← xinjiang" in markdown.stdout
    report = run("report", "--region", "xinjiang")
    assert "region 新绛县 ← xinjiang" in report.stdout
