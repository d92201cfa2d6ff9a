"""``tracker report --style notice``: the 红黄绿灯 grid by lag, the overdue, lagging and
due-soon lists, the rate issues, the data's commit, and both languages."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import cmarkgfm
import pytest
from click.testing import CliRunner

from tracker.cli.group import cli
from tracker.core.compute import Status, Thresholds
from tracker.core.notice import LIGHTS, NOTICE_BANDS, Light, build_notice, notice_thresholds
from tracker.core.status import Selection, build_status
from tracker.load.dataset import load

NOTICE = Path(__file__).parent / "data" / "notice"
AS_OF = date(2023, 7, 1)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The notice data outside the repository, so that no commit is cited."""
    copy = tmp_path / "data"
    shutil.copytree(NOTICE, copy)
    return copy


def run(data: Path, *args: str) -> tuple[int, str, str]:
    base = ["--data", str(data), "--color", "never"]
    result = CliRunner().invoke(cli, [*base, *args], env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def notice(thresholds: Thresholds = Thresholds(), due_days: int = 30):  # type: ignore[no-untyped-def]
    dataset = load(NOTICE)
    judged = notice_thresholds(thresholds)
    status = build_status(dataset, AS_OF, thresholds=judged)
    return build_notice(dataset, status, Selection(), judged, due_days)


def test_the_notice_judges_by_lag_10_30_unless_told_otherwise() -> None:
    assert notice_thresholds(Thresholds()).lag_bands == NOTICE_BANDS
    chosen = Thresholds(lag_bands=(0, 0))
    assert notice_thresholds(chosen) is chosen


def test_lights_follow_the_statuses() -> None:
    data = notice()
    lights = {e.goal.id: LIGHTS[e.status] for line in data.grid.cells for c in line for e in c}
    assert lights["dongcheng-2023-new-jobs"] is Light.GREEN  # 2.4 pp ahead
    assert lights["xicheng-2023-new-jobs"] is Light.YELLOW  # 12.1 pp behind
    assert lights["nanshan-2023-new-jobs"] is Light.RED  # 34.6 pp behind
    assert lights["nanshan-2022-roads"] is Light.RED  # overdue
    assert lights["xicheng-2023-toilets"] is Light.NONE  # no data yet
    assert "xicheng-2023-visitors" not in lights  # no target: counted, not listed
    assert data.figures_only == 1
    assert sum(data.lights.values()) == data.tasks == 10


def test_grid_puts_the_longer_list_down_the_page() -> None:
    grid = notice().grid
    assert not grid.rows_are_regions  # 6 indicators, 5 regions
    assert grid.column_labels == ("示范县", "东城镇", "西城镇", "南山镇", "北河乡")
    row = grid.row_labels.index("城镇新增就业")
    # the untagged 城鎮新增就業 of 北河乡 shares the row of urban-new-jobs
    assert [len(cell) for cell in grid.cells[row]] == [0, 1, 1, 1, 1]


def test_lists() -> None:
    data = notice()
    assert [(d.evaluation.goal.id, d.days) for d in data.overdue] == [("nanshan-2022-roads", 182)]
    lags = [e.lag for e in data.lagging]
    assert lags == sorted(lags, reverse=True)  # type: ignore[type-var]
    assert [e.goal.id for e in data.lagging][:2] == ["beihe-2023-clinics", "nanshan-2023-new-jobs"]
    assert {e.status for e in data.lagging} <= {Status.AT_RISK, Status.BEHIND}
    assert [(d.evaluation.goal.id, d.days) for d in data.due] == [("beihe-2023-clinics", 19)]
    assert [i.goal.id for i in data.rate_issues] == ["dongcheng-2023-training"]
    assert notice(due_days=10).due == ()


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_zh_reads_like_a_notice(data: Path, fmt: str) -> None:
    code, out, err = run(data, "--lang", "zh", "report", "--style", "notice", "--format", fmt,
                         "--as-of", "2023-07-01")  # fmt: skip
    assert code == 0, err
    for text in (
        "目标任务推进情况通报",
        "评估日期:2023年7月1日",
        "一、总体情况",
        "红灯",
        "逾期未报",
        "南山镇“农村道路硬化”:期限2022-12-31,已逾期182天",
        "落后时序进度34.6个百分点(红灯)",
        "2023-07-20到期(还有19天)",
        "自报完成率 108%",
        "责任单位:南山镇交通站",
    ):
        assert text in out, text
    assert "数据版本" not in out  # not in git
    assert out.index("落后时序进度34.6") < out.index("落后时序进度12.1")


def test_en_notice(data: Path) -> None:
    code, out, _ = run(data, "--lang", "en", "report", "--style", "notice", "--as-of", "2023-07-01")
    assert code == 0
    for text in ("Progress notice", "1. Overview", "182 days overdue", "34.6 pp behind schedule",
                 "due 2023-07-20 (in 19 days)", "owner: 南山镇交通站"):  # fmt: skip
        assert text in out, text


@pytest.mark.parametrize(("lang", "sentence"), [("en", "10 tasks: 4 green"), ("zh", "共10项")])
def test_markdown_overview_is_plain_text(data: Path, lang: str, sentence: str) -> None:
    """The overview is one string: joining it again letter-spaced every character."""
    _, out, _ = run(data, "--lang", lang, "report", "--style", "notice", "--as-of", "2023-07-01")
    overview = out.split("\n\n")[3]
    assert sentence in overview
    assert "t a s k s" not in overview


def test_markdown_renders_the_grid_as_a_table(data: Path) -> None:
    _, out, _ = run(data, "--lang", "zh", "report", "--style", "notice", "--as-of", "2023-07-01")
    html = cmarkgfm.github_flavored_markdown_to_html(out, options=cmarkgfm.Options.CMARK_OPT_UNSAFE)
    assert "<table>" in html
    assert html.count("<th") >= 6
    assert "🔴 <strong>红灯 · 滞后 (2023)</strong><br>" in html


def test_due_within_sets_the_horizon_without_filtering_the_grid(data: Path) -> None:
    args = ("--lang", "en", "report", "--style", "notice", "--as-of", "2023-07-01")
    _, out, _ = run(data, *args, "--due-within", "10")
    assert "Due within 10 days" in out
    assert "No unfinished task is due within 10 days." in out
    assert "农村户厕改造" in out  # the grid keeps every task


def test_lag_bands_can_be_chosen(data: Path) -> None:
    args = ("--lang", "en", "report", "--style", "notice", "--as-of", "2023-07-01")
    _, out, _ = run(data, *args, "--lag-bands", "50,60")
    assert "No task is more than 50 pp behind schedule." in out


def test_heading_cites_the_data_commit(data: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    env = {"GIT_AUTHOR_DATE": "2023-06-30T12:00:00", "GIT_COMMITTER_DATE": "2023-06-30T12:00:00"}
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=data, check=True)
    subprocess.run([*git, "add", "."], cwd=data, check=True)
    subprocess.run(
        [*git, "commit", "-qm", "data"], cwd=data, check=True, env={**env, "PATH": "/usr/bin:/bin"}
    )
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%h"], cwd=data, check=True, capture_output=True, text=True
    ).stdout.strip()
    args = ("report", "--style", "notice", "--as-of", "2023-07-01")
    _, out, _ = run(data, "--lang", "zh", *args)
    assert f"数据版本:{commit}(2023-06-30提交)" in out
    (data / "goals.toml").write_text(
        (data / "goals.toml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    _, out, _ = run(data, "--lang", "en", *args)
    assert f"data at commit {commit} (2023-06-30), with uncommitted changes" in out
