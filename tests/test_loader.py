"""Loading data files (SPEC §1): formats, discovery, defaults, and problems as values."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from pathlib import Path

import msgspec
import pytest

from tracker.load.dataset import load
from tracker.load.discover import bundled_data, find_data_dir
from tracker.model import Goal, Kind, Measure, Outcome
from tracker.problems import Severity

REGIONS = '[[region]]\nname = "运城市"\naliases = ["运城"]\n'

GOAL_TOML = """\
[defaults]
region = "运城市"

[[goal]]
id = "g1"
title = "城镇新增就业"
unit = "万人"
period = "2021-2025"
target = "5.1"
baseline = { value = "0", as_of = 2020-12-31 }
quote = "q"

  [[goal.outcome]]
  as_of = "2024-10"
  value = "5.31万人"
  stated_rate = "104.19%"

  [[goal.outcome]]
  as_of = 2023
  value = 30000
"""

GOAL_YAML = """\
defaults:
  region: 运城市
goal:
  - id: g1
    title: 城镇新增就业
    unit: 万人
    period: 2021-2025
    target: "5.1"
    baseline: {value: "0", as_of: 2020-12-31}
    quote: q
    outcome:
      - as_of: "2024-10"
        value: 5.31万人
        stated_rate: 104.19%
      - as_of: 2023
        value: 30000
"""


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    write(tmp_path, "regions.toml", REGIONS)
    return tmp_path


@pytest.mark.parametrize(("name", "text"), [("g.toml", GOAL_TOML), ("g.yaml", GOAL_YAML)])
def test_toml_and_yaml_read_the_same(data: Path, name: str, text: str) -> None:
    write(data, name, text)
    dataset = load(data)
    assert dataset.problems == []
    (goal,) = dataset.goals
    assert goal.region == "运城市"  # from [defaults]
    assert goal.unit == "人"  # 万人 normalised to the base unit
    assert goal.target is not None
    assert goal.target.nominal == 51000  # a bare number in a 万人 goal
    assert (goal.start, goal.deadline) == (dt.date(2021, 1, 1), dt.date(2025, 12, 31))
    assert goal.kind is Kind.AT_LEAST
    assert goal.measure is Measure.FLOW
    # outcomes sorted by date; a year means Dec 31, a month its last day
    assert [o.as_of for o in goal.outcomes] == [dt.date(2023, 12, 31), dt.date(2024, 10, 31)]
    latest = goal.outcomes[-1]
    assert latest.value is not None
    assert (latest.value.low, latest.value.high) == (53050, 53150)
    assert latest.stated_rate is not None
    assert latest.stated_rate.low == Fraction("104.185")


def test_bom_is_accepted(data: Path) -> None:
    write(data, "g.toml", "\ufeff" + GOAL_TOML)
    assert load(data).problems == []


def test_gbk_file_is_reported_and_the_rest_still_loads(data: Path) -> None:
    write(data, "a.toml", GOAL_TOML)
    write(data, "b.toml", GOAL_TOML.replace('"g1"', '"g2"'), encoding="gbk")
    dataset = load(data)
    assert [g.id for g in dataset.goals] == ["g1"]
    (problem,) = dataset.problems
    assert problem.code == "E002"
    assert problem.file.endswith("b.toml")
    assert "iconv -f GBK -t UTF-8" in problem.message


def test_syntax_error_has_line_and_column(data: Path) -> None:
    write(data, "bad.toml", '[[goal]]\nid = "x"\ntitle = \n')
    (problem,) = load(data).problems
    assert (problem.code, problem.line, problem.column) == ("E003", 3, 9)
    assert "TOML syntax error" in problem.message


GOAL_WITH = """\
[[goal]]
id = "bad-goal"
title = "t"
region = "运城市"
unit = "人"
period = 2022
{field} = {value}
"""

BAD_QUANTITIES = [
    ("target", '"5.3.1万"', "E110"),
    ("target", '"abc"', "E110"),
    ("target", '"5万万"', "E110"),
    ("target", '"5元"', "E111"),
    ("target", '"unit match"', "E110"),  # the code follows the reason, not words in the data
    ("target", '"5 unit match"', "E111"),
    ("target", '"不超过5"', "E112"),
    ("target", "nan", "E110"),
    ("target", "inf", "E110"),
    ("target", "true", "E110"),
    ("target", '""', "E110"),
    ("tolerance", '"x"', "E110"),
]


@pytest.mark.parametrize(("field", "value", "code"), BAD_QUANTITIES)
def test_bad_quantity_names_file_line_goal_and_field(
    data: Path, field: str, value: str, code: str
) -> None:
    write(data, "bad.toml", GOAL_WITH.format(field=field, value=value))
    (problem,) = load(data).problems
    assert problem.code == code
    assert problem.file.endswith("bad.toml")
    assert problem.line == 7
    assert problem.goal_id == "bad-goal"
    assert problem.message.startswith(f"{field}:")
    assert "\n" not in problem.message


def test_bad_outcome_value_points_at_its_line(data: Path) -> None:
    text = GOAL_WITH.format(field="target", value="5") + (
        '\n  [[goal.outcome]]\n  as_of = 2022\n  value = "5..3"\n'
    )
    write(data, "bad.toml", text)
    (problem,) = load(data).problems
    assert (problem.code, problem.line, problem.goal_id) == ("E110", 11, "bad-goal")


def test_yaml_problem_lines(data: Path) -> None:
    text = GOAL_YAML.replace("value: 5.31万人", "value: 5.31万元")
    write(data, "g.yaml", text)
    (problem,) = load(data).problems
    assert (problem.code, problem.line) == ("E111", 13)


def test_unknown_key_suggests_the_right_one(data: Path) -> None:
    write(data, "g.toml", GOAL_TOML.replace("quote =", "qoute ="))
    (problem,) = load(data).problems
    assert problem.code == "E101"
    assert problem.line == 11
    assert 'did you mean "quote"' in problem.message


def test_missing_fields_and_kind_conflicts(data: Path) -> None:
    text = (
        '[[goal]]\nid = "a"\nregion = "运城市"\nunit = "人"\nperiod = 2022\n\n'
        '[[goal]]\nid = "b"\ntitle = "t"\nregion = "运城市"\nunit = "人"\n\n'
        '[[goal]]\nid = "c"\ntitle = "t"\nregion = "运城市"\nkind = "milestone"\nperiod = 2023\n'
        'target = "5"\n\n'
        '[[goal]]\nid = "d"\ntitle = "t"\nregion = "运城市"\nunit = "%"\nkind = "range"\n'
        'period = 2023\ntarget = ["3%", "2%"]\n'
    )
    write(data, "g.toml", text)
    found = {(p.goal_id, p.code) for p in load(data).problems}
    assert found == {("a", "E103"), ("b", "E103"), ("c", "E112"), ("d", "E110")}


def test_cross_file_checks(data: Path) -> None:
    write(data, "a.toml", GOAL_TOML)
    write(data, "b.toml", GOAL_TOML.replace('region = "运城市"', 'region = "运程市"'))
    write(data, "c.toml", GOAL_TOML.replace('"g1"', '"g3"') + 'source = "nope"\n')
    dataset = load(data)
    codes = sorted(p.code for p in dataset.problems)
    assert codes == ["E130", "E132"]
    write(data, "b.toml", GOAL_TOML.replace('"g1"', '"g2"').replace('"运城市"', '"运程市"'))
    problems = load(data).problems
    unknown = [p for p in problems if p.code == "E134"]
    assert unknown
    assert 'did you mean "运城市"' in unknown[0].message


def test_region_cycle_and_unknown_parent(tmp_path: Path) -> None:
    write(
        tmp_path,
        "r.toml",
        '[[region]]\nname = "甲"\nparent = "乙"\n\n[[region]]\nname = "乙"\nparent = "甲"\n\n'
        '[[region]]\nname = "丙"\nparent = "丁"\n',
    )
    codes = sorted(p.code for p in load(tmp_path).problems)
    assert codes == ["E134", "E135", "E135"]


def test_dot_directories_and_other_files_are_skipped(data: Path) -> None:
    write(data, ".git/x.toml", "not toml at all [[[")
    write(data, "notes.txt", "whatever")
    write(data, "sub/g.yml", GOAL_YAML)
    dataset = load(data)
    assert dataset.problems == []
    assert [g.id for g in dataset.goals] == ["g1"]


def test_warnings_are_not_errors(data: Path) -> None:
    dataset = load(data)
    assert dataset.errors == []
    assert all(p.severity in Severity for p in dataset.problems)


# --- where the data is (SPEC §1.1) --------------------------------------------------------------


def test_discovery_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    explicit = tmp_path / "explicit"
    explicit.mkdir()
    env = tmp_path / "env"
    env.mkdir()
    project = tmp_path / "project"
    (project / "targets").mkdir(parents=True)
    nested = project / "a" / "b"
    nested.mkdir(parents=True)

    monkeypatch.setenv("TRACKER_DATA", str(env))
    assert find_data_dir(explicit, cwd=nested) == (explicit, False)
    assert find_data_dir(None, cwd=nested) == (env, False)
    monkeypatch.delenv("TRACKER_DATA")
    assert find_data_dir(None, cwd=nested) == ((project / "targets").resolve(), False)
    lonely = tmp_path / "lonely"
    lonely.mkdir()
    path, bundled = find_data_dir(None, cwd=lonely)
    assert bundled
    assert path == bundled_data()


def test_bundled_sample_loads_cleanly() -> None:
    dataset = load(bundled_data(), bundled=True)
    assert dataset.errors == []
    assert len(dataset.goals) > 100
    assert "运城市" in dataset.regions


def test_goal_period_replaces_default_dates(data: Path) -> None:
    write(
        data,
        "g.toml",
        '[defaults]\nregion = "运城市"\nstart = 2021-01-01\ndeadline = 2025-12-31\n\n'
        '[[goal]]\nid = "annual"\ntitle = "t"\nunit = "人"\nperiod = 2022\n\n'
        '[[goal]]\nid = "plan"\ntitle = "t"\nunit = "人"\n',
    )
    dataset = load(data)
    spans = {g.id: (g.start, g.deadline) for g in dataset.goals}
    assert spans["annual"] == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert spans["plan"] == (dt.date(2021, 1, 1), dt.date(2025, 12, 31))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "g.toml",
            '[[goal]]\nid = "g"\ntitle = "t"\nregion = "运城市"\nunit = "%"\n'
            "period = 2022\n[[goal.outcome]]\nas_of = 2022\nvalue = 94.40\n",
        ),
        (
            "g.yaml",
            "goal:\n  - id: g\n    title: t\n    region: 运城市\n    unit: '%'\n"
            "    period: 2022\n    outcome:\n      - as_of: 2022\n        value: 94.40\n",
        ),
    ],
)
def test_float_keeps_its_written_decimals(data: Path, name: str, text: str) -> None:
    write(data, name, text)
    (goal,) = load(data).goals
    value = goal.outcomes[0].value
    assert value is not None
    assert (value.low, value.high) == (Fraction("94.395"), Fraction("94.405"))


def test_milestone_unit_and_done_on_figures_are_refused(data: Path) -> None:
    text = (
        '[[goal]]\nid = "m"\ntitle = "t"\nregion = "运城市"\nkind = "milestone"\nunit = "个"\n'
        "period = 2023\n\n"
        '[[goal]]\nid = "f"\ntitle = "t"\nregion = "运城市"\nunit = "人"\nperiod = 2023\n'
        "[[goal.outcome]]\nas_of = 2023\ndone = true\n"
    )
    write(data, "g.toml", text)
    found = {(p.goal_id, p.code, p.line) for p in load(data).problems}
    assert found == {("m", "E112", 6), ("f", "E112", 17)}


def test_goals_and_outcomes_are_frozen_values(data: Path) -> None:
    """The model's values are frozen structs: equal when their fields are, hashable, and
    never changed after they are built."""
    write(data, "g.toml", GOAL_TOML)
    (goal,) = load(data).goals
    for built in (goal, *goal.outcomes):
        assert type(built) in (Goal, Outcome)
        again = msgspec.structs.replace(built)  # through the constructor, with the same fields
        assert built == again
        assert hash(built) == hash(again)
        assert repr(built) == repr(again)
        with pytest.raises(AttributeError):
            built.line = 0  # type: ignore[misc]
