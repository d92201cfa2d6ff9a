"""`tracker show GOAL_ID`: definition, history evaluated outcome by outcome, chart, JSON.

Golden files: ``TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_show.py``, then review
``git diff tests/golden``.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from rich.cells import cell_len

from golden_files import check_golden
from tracker.cli.group import cli

DATA = Path(__file__).parent / "data"
BASIC = DATA / "basic"
HISTORY = DATA / "history"
JOBS = "yuncheng-2023-urban-new-jobs"
AS_OF = "2024-06-30"


def run(*args: str, lang: str = "en", columns: int = 80) -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1", "COLUMNS": str(columns)}
    return CliRunner().invoke(cli, list(args), env=env)


def show(
    goal_id: str, *args: str, data: Path = HISTORY, lang: str = "en", columns: int = 80
) -> str:
    result = run(
        "--data", str(data), "show", goal_id, "--as-of", AS_OF, *args, lang=lang, columns=columns
    )
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout


def show_json(goal_id: str, *args: str) -> dict[str, Any]:
    return json.loads(show(goal_id, "--format", "json", *args))  # type: ignore[no-any-return]


GOLDEN_CASES = {
    "show_text_zh.txt": (JOBS, "zh", []),
    "show_text_en.txt": (JOBS, "en", []),
    "show_level_en.txt": ("yuncheng-2021-2025-kindergarten-coverage", "en", []),
    "show_json.json": (JOBS, "en", ["--format", "json"]),
}


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_golden(name: str) -> None:
    goal_id, lang, args = GOLDEN_CASES[name]
    text = show(goal_id, *args, lang=lang)
    check_golden(name, text)


def test_text_has_every_part() -> None:
    text = show(JOBS, columns=120)  # wide enough that no line wraps
    assert text.startswith("城镇新增就业\nyuncheng-2023-urban-new-jobs · 山西省 › 运城市 · 就业\n")
    for heading in ("Definition", "Outcomes", "History"):
        assert f"\n{heading}\n" in text
    # the target with its qualifier, and what it means
    assert "5.2万人 (≥ 52,000 人)" in text
    # every outcome: date, value as written and as a number, ratio and pace then
    assert "2023-03-31  1.2万人  = 12,000 人 (11,500–12,500)" in text
    assert "Ratio 23.1% · Elapsed 24.7% · Pace 0.94" in text
    # stated rate and its check, with what the figures give
    assert "Stated rate 23.1% · the figures give 22.12%–24.04% · Rate check: consistent" in text
    assert (
        "Stated rate 104.19% · the figures give 102.02%–102.21% · Rate check: inconsistent" in text
    )
    # quotes and sources
    assert "“全年城镇新增就业5.31万人,完成目标任务的104.19%” — 运城市季度民生数据" in text
    assert "https://example.org/yc?q=1&t=%28%E5%AD%A3%E5%BA%A6%29" in text


def chart(text: str) -> list[str]:
    return text.split("\nHistory\n")[1].splitlines()


def test_chart_draws_every_outcome_the_target_and_the_elapsed_line() -> None:
    lines = chart(show(JOBS))
    plot = "\n".join(lines[:10])
    assert plot.count("●") == 4  # one mark per outcome
    assert "─" in plot  # the target line
    assert "·" in plot  # the time-elapsed line
    assert "52,000 人 ┤" in plot  # the target is labelled
    assert lines[11].split() == ["2023-01-01", "2023-12-31"]
    assert "● actual" in lines[12]
    assert "target" in lines[12]
    assert "on pace" in lines[12]


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_fits_the_terminal(columns: int) -> None:
    result = run("--data", str(HISTORY), "show", JOBS, "--as-of", AS_OF, columns=columns)
    assert result.exit_code == 0
    widest = max(cell_len(line) for line in result.stdout.splitlines())
    assert widest <= max(columns, 60)
    assert all(line == line.rstrip() for line in result.stdout.splitlines())


def test_history_is_judged_at_each_date() -> None:
    doc = show_json(JOBS)
    outcomes = doc["outcomes"]
    assert [o["as_of"] for o in outcomes] == [
        "2023-03-31",
        "2023-06-30",
        "2023-09-30",
        "2023-12-31",
    ]
    assert [o["status"] for o in outcomes] == ["at_risk", "at_risk", "on_track", "achieved"]
    assert [o["rate_check"] for o in outcomes] == ["consistent", None, "consistent", "inconsistent"]
    first = outcomes[0]
    assert first["value_text"] == "1.2万"
    assert (first["value"], first["value_low"], first["value_high"]) == (12000, 11500, 12500)
    assert first["ratio"] == 0.2308
    assert first["elapsed"] == 0.2466  # 90 / 365
    assert first["stated_rate"] == 0.231
    assert first["computed_rate"] == {"low": 0.2212, "high": 0.2404, "nominal": 0.2308}
    assert first["on_pace"] == 12821.9178  # 52000 × 90/365
    last = outcomes[-1]
    assert last["flags"] == ["rate_inconsistent"]
    # the goal itself, with the keys of `status --format json` and its definition
    goal = doc["goal"]
    assert goal["id"] == JOBS
    assert goal["status"] == "achieved"
    assert goal["region_path"] == ["山西省", "运城市"]
    assert goal["target"] == 52000
    assert goal["target_text"] == "5.2万"
    assert doc["as_of"] == AS_OF
    assert [s["id"] for s in doc["sources"]] == ["yc-plan", "yc-q"]


def test_as_of_hides_later_outcomes() -> None:
    doc = show_json(JOBS, "--as-of", "2023-07-01")
    assert [o["as_of"] for o in doc["outcomes"]] == ["2023-03-31", "2023-06-30"]
    assert doc["later_outcomes"] == 2
    assert doc["goal"]["status"] == "at_risk"
    text = show(JOBS, "--as-of", "2023-07-01")
    assert "2 later outcomes, dated after the evaluation date, not shown" in text
    assert "2023-09-30" not in text


def test_level_goal_with_baseline() -> None:
    text = show("yuncheng-2021-2025-kindergarten-coverage")
    assert "Baseline  80% (2020-12-31)" in text
    assert "80% ┤" in text  # the chart starts at the baseline, not at zero
    assert "Pace 0.68" in text


def test_milestone_has_no_chart() -> None:
    text = show("yanhu-2023-clinic")
    assert "2023-06-30  not done" in text
    assert "2023-12-31  done" in text
    assert "History" not in text


def test_goal_without_outcomes() -> None:
    text = show("jinzhong-2023-kindergarten-coverage", data=BASIC)
    assert "No outcomes yet." in text
    assert "History" not in text


def test_goal_without_target_charts_its_figures() -> None:
    text = show("yuncheng-2023-clinic-visits")
    assert "no target" in text
    plot = "\n".join(chart(text)[:10])
    assert plot.count("●") == 2
    assert "─" not in plot


def test_chinese_labels() -> None:
    text = show(JOBS, lang="zh", columns=120)
    assert "目标定义" in text
    assert "历史走势" in text
    assert "自报完成率 104.19% · 按数据计算为 102.02%–102.21% · 核对: 不一致" in text


def test_unknown_goal_id_suggests_the_closest() -> None:
    result = run("--data", str(HISTORY), "show", "yuncheng-2023-urban-jobs")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "unknown goal id: yuncheng-2023-urban-jobs" in result.stderr
    assert "closest ids: yuncheng-2023-urban-new-jobs" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_goal_id_substring() -> None:
    result = run("--data", str(HISTORY), "show", "yanhu")
    assert result.exit_code == 2
    assert "yanhu-2023-lunches" in result.stderr
    assert "yanhu-2023-clinic" in result.stderr


def test_unknown_goal_id_nothing_close() -> None:
    result = run("--data", str(HISTORY), "show", "zzzz", lang="zh")
    assert result.exit_code == 2
    assert "未知的目标编号:zzzz" in result.stderr
    assert "没有相近的编号" in result.stderr


def test_data_text_is_made_inert(tmp_path: Path) -> None:
    (tmp_path / "g.toml").write_text(
        '[[region]]\nname = "R"\n[[goal]]\nid = "g"\nregion = "R"\nunit = "人"\n'
        'title = "evil \\u001b]52;c;AAAA\\u0007 \\u202etitle"\nperiod = 2022\ntarget = 10\n'
        'quote = "q \\u001b[2J"\n[[goal.outcome]]\nas_of = 2022-06-30\nvalue = 3\n',
        encoding="utf-8",
    )
    result = run("--data", str(tmp_path), "show", "g", "--as-of", "2023-01-01")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "\x07" not in result.stdout


def test_help() -> None:
    result = run("show", "--help")
    assert result.exit_code == 0
    assert "GOAL_ID" in result.stdout


# --- through a real terminal ----------------------------------------------------------------


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (apt install tmux)")
def test_in_a_real_terminal(tmp_path: Path) -> None:
    """Runs `tracker show` in an 80-column tmux pane with colour, and reads the screen back."""
    socket = str(tmp_path / "tmux.sock")
    tracker = [sys.executable, "-m", "tracker"]
    args = ["--data", str(HISTORY), "--lang", "en", "--color", "always", "show", JOBS]
    command = shlex.join([*tracker, *args, "--as-of", AS_OF]) + "; sleep 30"
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    base = ["tmux", "-S", socket, "-f", "/dev/null"]
    subprocess.run(
        [*base, "new-session", "-d", "-x", "80", "-y", "70", "sh", "-c", command],
        check=True,
        env=env,
    )
    try:
        screen = ""
        for _ in range(100):
            time.sleep(0.1)
            screen = subprocess.run(
                [*base, "capture-pane", "-p", "-e", "-S", "0"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            if "on pace" in screen:
                break
        assert "on pace" in screen, screen
        assert "\x1b[" in screen  # coloured
        plain = subprocess.run(
            [*base, "capture-pane", "-p", "-S", "0"], check=True, capture_output=True, text=True
        ).stdout
        assert plain.count("●") >= 5  # four outcomes and the legend
        assert all(cell_len(line) <= 80 for line in plain.splitlines())
    finally:
        subprocess.run([*base, "kill-server"], check=False)
