"""``tracker rank``: indicators across regions (docs/indicators.md), the ranking's order,
ties, mean and median, --top/--bottom, the notes, and bad input."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli
from tracker.core.indicators import find_indicator, indicator_keys, title_key
from tracker.core.rank import RankBy, RankNote, build_ranking, median
from tracker.core.status import build_status
from tracker.load.dataset import load

NOTICE = Path(__file__).parent / "data" / "notice"
SHIPPED = Path(__file__).parent.parent / "targets"
AS_OF = date(2023, 7, 1)


def run(*args: str, data: Path = NOTICE) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--data", str(data), "--color", "never", *args], env={"COLUMNS": "100"}
    )
    return result.exit_code, result.stdout, result.stderr


def ranking(by: RankBy = RankBy.COMPLETION, **cut: int):  # type: ignore[no-untyped-def]
    dataset = load(NOTICE)
    found = find_indicator(dataset.goals, "urban-new-jobs")
    assert found is not None
    ids = {g.id for g in found.goals}
    rows = [e for e in build_status(dataset, AS_OF).rows if e.goal.id in ids]
    return build_ranking(dataset, found, rows, AS_OF, by, cut.get("top"), cut.get("bottom"))


def test_title_key_folds_width_script_case_and_punctuation() -> None:
    assert title_key("新、改(扩)建公办幼儿园") == title_key("新改扩建公办幼儿园")
    assert title_key("城鎮新增就業") == title_key("城镇新增就业")
    assert title_key("“放心午餐” Ａ") == title_key("放心午餐a")


def test_untagged_goal_of_the_same_title_joins_the_indicator() -> None:
    keys = indicator_keys(load(NOTICE).goals)
    assert keys["beihe-2023-new-jobs"] == "urban-new-jobs"  # 城鎮新增就業, no indicator field
    assert keys["xicheng-2023-toilets"] == title_key("农村户厕改造")


@pytest.mark.parametrize(
    "query", ["urban-new-jobs", "URBAN-NEW-JOBS", "城镇新增就业", "城鎮新增就業"]
)
def test_a_key_or_a_title_finds_the_indicator(query: str) -> None:
    found = find_indicator(load(NOTICE).goals, query)
    assert found is not None
    assert found.key == "urban-new-jobs"
    assert len(found.regions) == 4


def test_ties_share_a_rank_and_the_next_place_is_skipped() -> None:
    result = ranking()
    assert [(r.evaluation.goal.region, r.rank) for r in result.rows] == [
        ("东城镇", 1), ("北河乡", 1), ("西城镇", 3), ("南山镇", 4),
    ]  # fmt: skip
    assert result.mean == (Fraction(52, 100) * 2 + Fraction(375, 1000) + Fraction(15, 100)) / 4
    assert result.median == (Fraction(52, 100) + Fraction(375, 1000)) / 2
    first = result.rows[0]
    assert first.from_mean == first.metric - result.mean  # type: ignore[operator]
    assert first.better is True
    assert result.rows[-1].better is False


def test_median_of_odd_and_even_counts() -> None:
    assert median([Fraction(3), Fraction(1), Fraction(2)]) == 2
    assert median([Fraction(4), Fraction(1), Fraction(2), Fraction(3)]) == Fraction(5, 2)


def test_by_lag_puts_the_least_behind_first() -> None:
    result = ranking(RankBy.LAG)
    assert not result.higher_is_better
    assert [r.evaluation.goal.region for r in result.rows][-1] == "南山镇"


def test_by_value_ranks_the_figures() -> None:
    result = ranking(RankBy.VALUE)
    assert [r.metric for r in result.rows] == [520, 300, 260, 90]


def test_top_and_bottom_keep_ties_at_the_edge() -> None:
    assert [r.rank for r in ranking(top=1).rows] == [1, 1]
    assert [r.evaluation.goal.region for r in ranking(bottom=1).rows] == ["南山镇"]
    assert len(ranking(top=10).rows) == 4


def test_shipped_urban_new_jobs_ranks_the_regions_that_report_it() -> None:
    args = ("rank", "urban-new-jobs", "--by", "value")
    code, out, _ = run(*args, "--format", "json", data=SHIPPED)
    assert code == 0
    ranked = [(r["rank"], r["region"]) for r in json.loads(out)["regions"]]
    assert ranked == [(1, "运城市"), (2, "临河区"), (None, "晋中市")]  # 晋中: no figure
    code, out, _ = run("--lang", "en", *args, data=SHIPPED)
    assert "different periods (2022, 2024)" in out
    code, out, _ = run("--lang", "zh", "rank", "urban-new-jobs", data=SHIPPED)
    assert code == 0
    assert "2个地区没有完成率,列在排名之后、不计名次。" in out


def test_one_region_is_a_note_not_an_empty_ranking() -> None:
    code, out, _ = run("--lang", "en", "rank", "investment", "--as-of", "2023-07-01")
    assert code == 0
    assert "示范县" in out
    assert "Only 示范县 reports this indicator" in out
    code, out, _ = run("--lang", "zh", "rank", "investment", "--as-of", "2023-07-01")
    assert "只有示范县报告了这一指标" in out
    code, out, _ = run("rank", "investment", "--format", "json", "--as-of", "2023-07-01")
    assert json.loads(out)["notes"] == ["single_region"]


def test_filters_that_leave_nothing_say_so() -> None:
    code, out, _ = run("--lang", "en", "rank", "urban-new-jobs", "--year", "2019")
    assert code == 0
    assert "No goal of 城镇新增就业 matches the filters." in out


@pytest.mark.parametrize(("lang", "said"), [("en", "unknown indicator"), ("zh", "未知的指标")])
def test_unknown_indicator_exits_2_with_suggestions(lang: str, said: str) -> None:
    code, out, err = run("--lang", lang, "rank", "urban-jobs")
    assert code == 2
    assert out == ""
    assert said in err
    assert "urban-new-jobs" in err
    code, _, err = run("--lang", lang, "rank", "zzzz")
    assert code == 2
    assert "indicator" in err
    assert "Traceback" not in err


def test_top_with_bottom_is_a_usage_error() -> None:
    code, _, err = run("rank", "urban-new-jobs", "--top", "1", "--bottom", "1")
    assert code == 2
    assert "--top and --bottom" in err


def test_reading_filters_apply() -> None:
    _, out, _ = run(
        "--lang", "en", "rank", "urban-new-jobs", "--as-of", "2023-07-01", "--hide", "behind",
        "--format", "json",
    )  # fmt: skip
    regions = [r["region"] for r in json.loads(out)["regions"]]
    assert regions == ["东城镇", "北河乡", "西城镇"]
    _code, out, _ = run(
        "rank", "urban-new-jobs", "--as-of", "2023-07-01", "--lag-bands", "1,2", "--format", "json"
    )
    assert {r["status"] for r in json.loads(out)["regions"]} == {"on_track", "behind"}


def test_json_and_csv_carry_the_rank_and_the_goal_record() -> None:
    _, out, _ = run("rank", "urban-new-jobs", "--as-of", "2023-07-01", "--format", "json")
    document = json.loads(out)
    assert document["by"] == "completion"
    assert document["mean"] == 0.3912
    first = document["regions"][0]
    assert first["rank"] == 1
    assert first["metric"] == 0.52
    assert first["indicator"] == "urban-new-jobs"
    _code, out, _ = run("rank", "urban-new-jobs", "--as-of", "2023-07-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["rank"] for r in rows] == ["1", "1", "3", "4"]
    assert rows[0]["id"] == "dongcheng-2023-new-jobs"


def test_notes_are_values() -> None:
    assert RankNote.SINGLE_REGION.value == "single_region"
