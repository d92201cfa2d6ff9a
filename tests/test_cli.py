"""`tracker status` through click's CliRunner: stdout, stderr and exit code, every format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.cli.registry import COMMANDS

DATA = Path(__file__).parent / "data"
BASIC = DATA / "basic"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    runner = CliRunner()
    environment = {"TRACKER_LANG": "en", "NO_COLOR": "1", **(env or {})}
    return runner.invoke(cli, list(args), env=environment)


def status_json(*args: str) -> dict[str, object]:
    result = run("--data", str(BASIC), "status", "--format", "json", *args)
    assert result.exit_code == 0, result.output + result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


SPEC_KEYS = {
    "id",
    "region",
    "title",
    "category",
    "unit",
    "kind",
    "measure",
    "start",
    "deadline",
    "target",
    "implied_target",
    "actual",
    "actual_low",
    "actual_high",
    "actual_as_of",
    "ratio",
    "progress",
    "elapsed",
    "pace",
    "gap",
    "status",
    "stated_rate",
    "rate_check",
    "flags",
    # SPEC v2
    "completion",
    "lag",
    "stated_gap",
    "target_ref",
    "owner",
}


# a range target's band (docs/arithmetic.md); the indicator key of docs/data.md
ADDED_KEYS = {"target_low", "target_high", "indicator"}


def test_json_has_exactly_the_spec_keys() -> None:
    doc = status_json("--as-of", "2023-07-01")
    assert set(doc) == {"as_of", "goals", "summary"}
    assert doc["as_of"] == "2023-07-01"
    goals = doc["goals"]
    assert isinstance(goals, list)
    for goal in goals:
        # SPEC §5: keys may be added, never renamed or removed
        assert set(goal) == SPEC_KEYS | ADDED_KEYS
    summary = doc["summary"]
    assert isinstance(summary, dict)
    assert summary["total"] == len(goals)
    assert sum(summary["by_status"].values()) == len(goals)


def test_json_worked_example() -> None:
    doc = status_json("--as-of", "2023-07-01", "--region", "运城")
    goals = {g["id"]: g for g in doc["goals"]}  # type: ignore[attr-defined]
    jobs = goals["yuncheng-2022-urban-new-jobs"]
    assert jobs["target"] is None
    assert jobs["implied_target"] == {"low": 50914.1514, "high": 51015.0214, "nominal": 50964.5839}
    assert (jobs["actual"], jobs["actual_low"], jobs["actual_high"]) == (53100, 53050, 53150)
    assert jobs["actual_as_of"] == "2022-12-31"
    assert jobs["ratio"] == 1.0419
    assert jobs["stated_rate"] == 1.0419
    assert jobs["elapsed"] == 1
    assert jobs["status"] == "achieved"
    assert jobs["flags"] == ["implied_target"]
    share = goals["yuncheng-2022-private-compulsory-share"]
    assert share["target"] == 5
    assert share["status"] == "achieved"
    assert share["gap"] == -1.11
    # --region 运城 includes 盐湖区 (a descendant) but not 晋中市
    assert "yanhu-2022-lunches" in goals
    assert "jinzhong-2023-kindergarten-coverage" not in goals


@pytest.mark.parametrize("query", ["运城", "运城市", "yuncheng", "Yun Cheng", "河东", "運城"])
def test_region_queries(query: str) -> None:
    doc = status_json("--region", query, "--as-of", "2023-07-01")
    regions = {g["region"] for g in doc["goals"]}  # type: ignore[attr-defined]
    assert regions == {"运城市", "盐湖区"}


def test_traditional_region_and_union() -> None:
    doc = status_json("--region", "臨河", "--region", "晋中", "--as-of", "2025-01-01")
    regions = {g["region"] for g in doc["goals"]}  # type: ignore[attr-defined]
    assert regions == {"临河区", "晋中市"}


def test_unknown_region_exits_2_with_suggestion() -> None:
    result = run("--data", str(BASIC), "status", "--region", "运程")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "运城市" in result.stderr
    assert "Traceback" not in result.stderr


def test_filters_year_category_status() -> None:
    doc = status_json("--year", "2024", "--as-of", "2025-01-01")
    assert [g["id"] for g in doc["goals"]] == ["linhe-2024-urban-new-jobs"]  # type: ignore[attr-defined]
    doc = status_json("--category", "教育", "--as-of", "2023-07-01")
    assert {g["category"] for g in doc["goals"]} == {"教育"}  # type: ignore[attr-defined]
    doc = status_json("--status", "no_data", "--as-of", "2023-07-01")
    assert [g["id"] for g in doc["goals"]] == [  # type: ignore[attr-defined]
        "jinzhong-2023-kindergarten-coverage",
        "linhe-2024-urban-new-jobs",
    ]


def test_fail_on() -> None:
    args = ("--data", str(BASIC), "status", "--as-of", "2023-07-01", "--format", "json")
    assert run(*args, "--fail-on", "missed").exit_code == 0
    failed = run(*args, "--fail-on", "missed,no_data")
    assert failed.exit_code == 1
    assert json.loads(failed.stdout)["summary"]["total"] == 5  # the whole report still printed
    bad = run(*args, "--fail-on", "exploded")
    assert bad.exit_code == 2
    assert "unknown status" in bad.stderr


def test_table_en_and_zh() -> None:
    en = run("--data", str(BASIC), "status", "--as-of", "2023-07-01")
    assert en.exit_code == 0
    assert "achieved" in en.stdout
    assert "implied target" in en.stdout
    assert "\x1b[" not in en.stdout  # never colour when not a terminal
    zh = run("--data", str(BASIC), "--lang", "zh", "status", "--as-of", "2023-07-01")
    assert "已完成" in zh.stdout
    assert "无数据" in zh.stdout
    assert "5.31万" in zh.stdout


def test_color_always() -> None:
    result = run("--data", str(BASIC), "--color", "always", "status", "--as-of", "2023-07-01")
    assert "\x1b[" in result.stdout


def test_markdown_and_csv() -> None:
    md = run("--data", str(BASIC), "status", "--format", "markdown", "--as-of", "2023-07-01")
    assert md.exit_code == 0
    assert "| Region" in md.stdout
    assert "✅ achieved" in md.stdout
    out = run("--data", str(BASIC), "status", "--format", "csv", "--as-of", "2023-07-01")
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(rows) == 5
    assert rows[0]["id"] == "yuncheng-2022-urban-new-jobs"
    assert rows[0]["implied_target"] == "50964.5839"


@pytest.mark.parametrize("sort", ["gap", "ratio", "pace", "status", "region"])
def test_sorts(sort: str) -> None:
    doc = status_json("--sort", sort, "--as-of", "2023-07-01")
    assert len(doc["goals"]) == 5  # type: ignore[arg-type]


def test_sort_status_worst_first() -> None:
    doc = status_json("--sort", "status", "--as-of", "2023-07-01")
    statuses = [g["status"] for g in doc["goals"]]  # type: ignore[attr-defined]
    assert statuses == ["overdue", "achieved", "achieved", "no_data", "no_data"]


def test_bad_options_exit_2() -> None:
    for args in (
        ["status", "--as-of", "2023-02-30"],
        ["status", "--format", "xml"],
        ["--lang", "fr", "status"],
        ["status", "--on-track", "x"],
        ["status", "--year", "-1"],  # a year no period can have (1900–2200)
        ["rank", "urban-new-jobs", "--year", "99999"],
    ):
        result = run("--data", str(BASIC), *args)
        assert result.exit_code == 2, args
        assert "Traceback" not in result.output


def test_missing_data_dir() -> None:
    result = run("--data", "/nonexistent/xyz", "status")
    assert result.exit_code == 2  # a bad option value (SPEC §6)
    assert "does not exist" in result.stderr


def test_broken_file_still_reports_the_rest(tmp_path: Path) -> None:
    for item in BASIC.iterdir():
        (tmp_path / item.name).write_bytes(item.read_bytes())
    (tmp_path / "broken.toml").write_text('[[goal]]\nid = "x"\ntitle = \n', encoding="utf-8")
    result = run("--data", str(tmp_path), "status", "--format", "json", "--as-of", "2023-07-01")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["total"] == 5
    assert "broken.toml:3" in result.stderr
    assert "E003" in result.stderr


def test_every_command_has_help() -> None:
    for command in ([], *([name] for name in cli.commands)):
        result = run(*command, "--help")
        assert result.exit_code == 0, command
        assert "Usage:" in result.stdout


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "tracker" in result.stdout


def test_csv_header_even_without_rows() -> None:
    out = run("--data", str(BASIC), "status", "--format", "csv", "--status", "missed")
    assert out.exit_code == 0
    assert out.stdout.startswith("id,region,title,")


def test_json_record_keys_match_the_declared_order() -> None:
    from tracker.render.json import GOAL_KEYS  # noqa: PLC0415

    doc = status_json("--as-of", "2023-07-01")
    assert all(tuple(goal) == GOAL_KEYS for goal in doc["goals"])  # type: ignore[attr-defined]


def test_registry_help_is_each_command_s_own() -> None:
    """`tracker --help` lists the registry's help lines (no command is imported for it):
    each must be what the command's own docstring says."""
    group = cli
    context = click.Context(group)
    for name, entry in COMMANDS.items():
        command = group.get_command(context, name)
        assert command is not None
        assert command.get_short_help_str(200) == entry.help, name
