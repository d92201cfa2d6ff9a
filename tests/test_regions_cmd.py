"""`tracker regions`: the region tree with goal counts and a status breakdown."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from tracker.cli.group import cli

DATA = Path(__file__).parent / "data"
BASIC = DATA / "basic"
HISTORY = DATA / "history"


def run(*args: str, lang: str = "en") -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1", "COLUMNS": "80"}
    return CliRunner().invoke(cli, list(args), env=env)


def regions_json(data: Path, *args: str) -> list[dict[str, Any]]:
    result = run("--data", str(data), "regions", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"as_of", "regions"}
    return doc["regions"]  # type: ignore[no-any-return]


def test_tree_with_counts() -> None:
    result = run("--data", str(HISTORY), "regions", "--as-of", "2024-06-30")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Regions  ·  Evaluated at 2024-06-30",
        "Region         Own   Total   missed   at risk   achieved   no target",
        "────────────────────────────────────────────────────────────────────",
        "山西省           ·       6        1         1          3           1",
        "└─ 运城市        4       6        1         1          3           1",
        "   └─ 盐湖区     2       2        1         ·          1           ·",
        "Total and the status columns include the goals of sub-regions.",
    ]


def test_every_region_in_tree_order() -> None:
    rows = regions_json(BASIC, "--as-of", "2023-07-01")
    assert [(r["name"], r["depth"]) for r in rows] == [
        ("山西省", 0),
        ("运城市", 1),
        ("盐湖区", 2),
        ("晋中市", 1),
        ("内蒙古自治区", 0),
        ("临河区", 1),
    ]
    by_name = {r["name"]: r for r in rows}
    assert by_name["山西省"]["goals"] == 0
    assert by_name["山西省"]["total"] == 4
    assert by_name["运城市"]["by_status"] == {"achieved": 2}
    assert by_name["运城市"]["total_by_status"] == {"at_risk": 1, "achieved": 2}
    assert by_name["临河区"]["aliases"] == ["臨河區"]
    # counts add up: every goal is counted once at the top of its tree
    assert sum(r["total"] for r in rows if r["depth"] == 0) == 5
    for row in rows:
        assert sum(row["total_by_status"].values()) == row["total"]


def test_region_filter_reroots_the_tree() -> None:
    rows = regions_json(BASIC, "--region", "运城", "--as-of", "2023-07-01")
    assert [(r["name"], r["depth"], r["parent"]) for r in rows] == [
        ("运城市", 0, None),
        ("盐湖区", 1, "运城市"),
    ]


def test_status_filter_counts_only_those() -> None:
    rows = regions_json(BASIC, "--status", "achieved", "--as-of", "2023-07-01")
    assert sum(r["goals"] for r in rows) == 2
    assert {r["name"] for r in rows} >= {"晋中市", "临河区"}  # the tree stays whole


def test_chinese_labels() -> None:
    result = run("--data", str(HISTORY), "regions", "--as-of", "2024-06-30", lang="zh")
    assert result.exit_code == 0
    assert "本级" in result.stdout
    assert "合计" in result.stdout
    assert "需加快" in result.stdout


def test_unknown_region() -> None:
    result = run("--data", str(BASIC), "regions", "--region", "北京")
    assert result.exit_code == 2
    assert "Traceback" not in result.output + result.stderr


def test_help() -> None:
    result = run("regions", "--help")
    assert result.exit_code == 0
    assert "--region" in result.stdout
