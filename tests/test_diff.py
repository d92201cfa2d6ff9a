"""`tracker diff` on a temporary git repository with scripted commits.

The data lives in a subdirectory (``project/targets``) of the repository, as it may in a
real project; each test commits edits and compares revisions (or the working tree).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from gitrepo import commit, git
from tracker.cli.group import cli

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

REGIONS = """
[[region]]
name = "示例市"

[[source]]
id = "src"
title = "示例市工作报告"
"""

GOALS = """
[defaults]
region = "示例市"
source = "src"

[[goal]]
id = "jobs-2023"
title = "城镇新增就业"
unit = "人"
period = 2023
target = "2.8万"
quote = "城镇新增就业2.8万人"

  [[goal.outcome]]
  as_of = 2023-06-30
  value = "1.5万"
  quote = "上半年城镇新增就业1.5万人"

[[goal]]
id = "kindergartens-2023"
title = "新建幼儿园"
unit = "所"
period = 2023
target = 13
quote = "新建幼儿园13所"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds project/targets/{regions,goals}.toml."""
    data = tmp_path / "project" / "targets"
    data.mkdir(parents=True)
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    (data / "goals.toml").write_text(GOALS, encoding="utf-8")
    (tmp_path / "README").write_text("not data\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "initial")
    return tmp_path


def edit(repo: Path, old: str, new: str, name: str = "goals.toml") -> None:
    path = repo / "project" / "targets" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def diff(repo: Path, *args: str) -> Result:
    data = repo / "project" / "targets"
    environment = {"TRACKER_LANG": "en", "NO_COLOR": "1", "TRACKER_DATA": ""}
    return CliRunner().invoke(
        cli, ["--data", str(data), "diff", "--as-of", "2023-12-31", *args], env=environment
    )


def diff_json(repo: Path, *args: str) -> dict[str, object]:
    result = diff(repo, "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_goalpost_moved_after_one_commit(repo: Path) -> None:
    edit(repo, 'target = "2.8万"', 'target = "3万"')
    commit(repo, "raise the jobs target")
    result = diff(repo, "HEAD~1")
    assert result.exit_code == 0, result.output
    assert "goalpost moved: 2.8万人 → 3万人 (raised by 2,000 人, +7.1%)" in result.stdout
    assert "jobs-2023 · 示例市 · 城镇新增就业" in result.stdout
    assert result.stdout.splitlines()[-1] == "1 goalpost moved"
    document = diff_json(repo, "HEAD~1")
    (changed,) = document["goals_changed"]  # type: ignore[misc]
    assert changed["id"] == "jobs-2023"
    assert changed["goalpost_moved"] is True
    assert changed["changes"] == [
        {
            "field": "target",
            "old": "2.8万人",
            "new": "3万人",
            "old_value": 28000,
            "new_value": 30000,
            "direction": "raised",
            "change": 2000,
            "change_share": 0.0714,
        }
    ]


def test_rewording_a_target_is_not_a_move(repo: Path) -> None:
    edit(repo, "target = 13", 'target = "13所以上"')  # same target in an at_least goal
    result = diff(repo, "HEAD")
    assert result.exit_code == 0
    assert "No changes to the data." in result.stdout


def test_working_tree_is_the_default(repo: Path) -> None:
    edit(repo, "period = 2023\ntarget = 13", 'period = "2023-2025"\ntarget = 13\nkind = "at_most"')
    document = diff_json(repo, "HEAD")
    assert document["to"] == {"rev": None, "commit": None}
    assert document["from"]["rev"] == "HEAD"  # type: ignore[index]
    (changed,) = document["goals_changed"]  # type: ignore[misc]
    assert [c["field"] for c in changed["changes"]] == ["kind", "period"]
    assert changed["changes"][1] == {"field": "period", "old": "2023", "new": "2023–2025"}
    assert changed["goalpost_moved"] is False
    # committed, the same change shows between two revisions
    commit(repo, "widen")
    assert diff_json(repo, "HEAD~1", "HEAD")["goals_changed"] == document["goals_changed"]
    assert diff_json(repo, "HEAD")["summary"]["goals_changed"] == 0  # type: ignore[index]


def test_goals_and_outcomes_added_removed_restated_and_status(repo: Path) -> None:
    goals = repo / "project" / "targets" / "goals.toml"
    text = goals.read_text(encoding="utf-8")
    # restate the June figure, add a December one (which achieves the target), drop a goal,
    # add a goal in a new file
    text = text.replace('value = "1.5万"', 'value = "1.6万"')
    text = text.replace(
        '  quote = "上半年城镇新增就业1.5万人"',
        '  quote = "上半年城镇新增就业1.6万人"\n\n  [[goal.outcome]]\n  as_of = 2023-12-31\n'
        '  value = "2.9万"\n  quote = "全年城镇新增就业2.9万人"',
    )
    text = text[: text.index('[[goal]]\nid = "kindergartens-2023"')]
    goals.write_text(text, encoding="utf-8")
    (goals.parent / "more").mkdir()
    (goals.parent / "more" / "new.toml").write_text(
        '[[goal]]\nid = "clinics-2023"\ntitle = "村卫生室"\nregion = "示例市"\nsource = "src"\n'
        'unit = "个"\nperiod = 2023\ntarget = 50\nquote = "新建村卫生室50个"\n',
        encoding="utf-8",
    )
    commit(repo, "year-end figures")

    document = diff_json(repo, "HEAD~1")
    assert [g["id"] for g in document["goals_added"]] == ["clinics-2023"]  # type: ignore[index]
    assert document["goals_added"][0]["status"] == "no_data"  # type: ignore[index]
    assert document["goals_added"][0]["file"].endswith("more/new.toml")  # type: ignore[index]
    assert [g["id"] for g in document["goals_removed"]] == ["kindergartens-2023"]  # type: ignore[index]
    assert document["outcomes_added"] == [
        {"goal_id": "jobs-2023", "as_of": "2023-12-31", "old": None, "new": "2.9万人"}
    ]
    assert document["outcomes_restated"] == [
        {"goal_id": "jobs-2023", "as_of": "2023-06-30", "old": "1.5万人", "new": "1.6万人"}
    ]
    assert document["outcomes_removed"] == []
    (status,) = document["status_changed"]  # type: ignore[misc]
    assert (status["id"], status["old"], status["new"]) == ("jobs-2023", "on_track", "achieved")

    text_out = diff(repo, "HEAD~1").stdout
    assert "! jobs-2023 · 2023-06-30 · 1.5万人 → 1.6万人" in text_out
    assert "+ jobs-2023 · 2023-12-31 · 2.9万人" in text_out
    assert "- kindergartens-2023 · 示例市 · 新建幼儿园" in text_out
    assert "+ clinics-2023 · 示例市 · 村卫生室 · target 50个 · no data" in text_out
    assert "jobs-2023 · 示例市 · 城镇新增就业: on track → achieved" in text_out

    # and back: what was added is now removed
    back = diff_json(repo, "HEAD", "HEAD~1")
    assert back["outcomes_removed"] == [
        {"goal_id": "jobs-2023", "as_of": "2023-12-31", "old": "2.9万人", "new": None}
    ]


def test_markdown_for_a_pull_request(repo: Path) -> None:
    edit(repo, 'target = "2.8万"', 'target = "3万"')
    edit(repo, 'title = "新建幼儿园"', 'title = "新建|幼儿园"')  # a pipe must not break the table
    result = diff(repo, "HEAD", "--format", "markdown", "--lang", "zh")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:2] == ["<!-- tracker diff -->", "### 数据变更:`HEAD` → 工作区"]
    assert "**1项目标值调整** · 1项其他定义变更" in result.stdout
    moved = (
        "| 城镇新增就业<br>jobs-2023 | 示例市 | **目标值调整** | 2.8万人 "
        "| 3万人(上调2000人,+7.1%) |"
    )
    assert moved in lines
    assert (
        "| 新建\\|幼儿园<br>kindergartens-2023 | 示例市 | 名称 | 新建幼儿园 | 新建\\|幼儿园 |"
        in lines
    )


def test_revision_errors_exit_2(repo: Path) -> None:
    for rev in ("no-such-branch", "--help", "HEAD~5"):
        result = diff(repo, "--", rev)  # after --, even "--help" is a revision name
        assert result.exit_code == 2, rev
        assert f'unknown revision "{rev}"' in result.stderr
        assert "Traceback" not in result.output


def test_not_a_git_repository(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    result = CliRunner().invoke(
        cli,
        ["--data", str(data), "diff", "HEAD"],
        env={"TRACKER_LANG": "en", "GIT_CEILING_DIRECTORIES": str(tmp_path)},
    )
    assert result.exit_code == 2
    assert "is not inside a git repository" in result.stderr


def test_a_broken_revision_still_diffs(repo: Path) -> None:
    edit(repo, 'title = "新建幼儿园"\n', 'title = "新建幼儿园\n')  # an unclosed string
    commit(repo, "broken")
    edit(repo, 'title = "新建幼儿园\n', 'title = "新建幼儿园"\n')
    result = diff(repo, "HEAD")
    assert result.exit_code == 1  # a data file could not be loaded (SPEC §6)
    assert "HEAD: " in result.stderr
    assert "E003" in result.stderr
    assert "kindergartens-2023" in result.stdout  # reported as added: HEAD could not load it


def test_revision_without_the_data_directory(repo: Path) -> None:
    (repo / "project" / "targets").rename(repo / "project" / "data")
    commit(repo, "rename")
    data = repo / "project" / "data"
    result = CliRunner().invoke(
        cli,
        ["--data", str(data), "diff", "HEAD~1", "--format", "json"],
        env={"TRACKER_LANG": "en", "TRACKER_DATA": ""},
    )
    assert result.exit_code == 0
    assert "HEAD~1: no data under" in result.stderr
    assert len(json.loads(result.stdout)["goals_added"]) == 2


def test_goalpost_lowered_in_chinese(repo: Path) -> None:
    edit(repo, 'target = "2.8万"', 'target = "2.5万"')
    data = repo / "project" / "targets"
    result = CliRunner().invoke(
        cli,
        ["--data", str(data), "--lang", "zh", "diff", "--as-of", "2023-12-31", "HEAD"],
        env={"NO_COLOR": "1"},
    )
    assert result.exit_code == 0, result.output
    assert "目标值调整: 2.8万人 → 2.5万人(下调3000人,-10.7%)" in result.stdout


@pytest.mark.parametrize(
    ("fail_on", "code", "said"),
    [
        ("goalpost", 1, "--fail-on: 1 goalpost moved"),
        ("restated", 0, ""),
        ("goalpost,restated,worse", 1, "1 goalpost moved"),
        ("worse", 1, "1 status worse"),
    ],
)
def test_fail_on(repo: Path, fail_on: str, code: int, said: str) -> None:
    edit(repo, 'target = "2.8万"', 'target = "5万"')  # 1.5万 by June: on track → behind
    result = diff(repo, "HEAD", "--as-of", "2023-06-30", "--fail-on", fail_on)
    assert result.exit_code == code, result.output
    assert said in result.stderr
    assert "goalpost moved" in result.stdout  # the whole report, then the verdict


def test_fail_on_unknown_kind(repo: Path) -> None:
    result = diff(repo, "HEAD", "--fail-on", "goalposts")
    assert result.exit_code == 2
    assert "unknown kind goalposts; choose from goalpost, restated, worse" in result.stderr


def test_markdown_folds_long_sections(repo: Path) -> None:
    goals = repo / "project" / "targets" / "goals.toml"
    more = "".join(
        f'\n  [[goal.outcome]]\n  as_of = 2023-{m:02d}-28\n  value = "{m}000"\n'
        for m in range(1, 13)
        if m != 6
    )
    text = goals.read_text(encoding="utf-8")
    goals.write_text(
        text.replace('上半年城镇新增就业1.5万人"\n', '上半年城镇新增就业1.5万人"\n' + more),
        encoding="utf-8",
    )
    result = diff(repo, "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "<!-- tracker diff -->"
    assert "<summary><b>Outcomes added (11)</b></summary>" in lines
    assert "</details>" in lines


LAST_YEAR = """
[[goal]]
id = "kindergartens-2022"
title = "新建幼儿园"
unit = "所"
period = 2022
quote = "新建幼儿园"

  [[goal.outcome]]
  as_of = 2022-12-31
  value = 12
"""


@pytest.mark.parametrize(
    ("lang", "shown"), [("en", "goalpost moved: 13所 → ≥ last year"), ("zh", "13所 → 不少于上年")]
)
def test_a_relative_target_is_shown_in_words(repo: Path, lang: str, shown: str) -> None:
    """A change to a relative target printed "— → —" (a tester's report)."""
    edit(repo, "target = 13", 'target = { goal = "kindergartens-2022" }')
    path = repo / "project" / "targets" / "goals.toml"
    path.write_text(path.read_text(encoding="utf-8") + LAST_YEAR, encoding="utf-8")
    commit(repo, "not less than last year")
    data = repo / "project" / "targets"
    result = CliRunner().invoke(
        cli,
        ["--data", str(data), "--lang", lang, "diff", "--as-of", "2023-12-31", "HEAD~1"],
        env={"NO_COLOR": "1", "TRACKER_DATA": ""},
    )
    assert result.exit_code == 0, result.output
    assert shown in result.stdout
    assert "— → —" not in result.stdout
    (changed,) = diff_json(repo, "HEAD~1")["goals_changed"]  # type: ignore[misc]
    assert changed["changes"][0]["new"] == "≥ last year"
