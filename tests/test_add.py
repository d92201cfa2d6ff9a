"""`tracker add`: a new goal from options or prompts, appended to a file, checked."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli import add as add_command
from tracker.cli.group import cli
from tracker.edit.new_goal import generate_id
from tracker.load.dataset import load

FIXTURE = Path(__file__).parent / "data" / "record"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("expected"))
    return target


def run(data_dir: Path, *args: str, answers: str | None = None) -> Result:
    env = {"TRACKER_LANG": "en", "NO_COLOR": "1", "TRACKER_DATA": str(data_dir)}
    return CliRunner().invoke(cli, ["add", *args], env=env, input=answers)


def goal(data_dir: Path, goal_id: str) -> object:
    dataset = load(data_dir)
    assert dataset.errors == []
    return next(g for g in dataset.goals if g.id == goal_id)


def test_from_options_appends_one_block(data: Path) -> None:
    path = data / "goals.toml"
    before = path.read_text(encoding="utf-8")
    result = run(
        data,
        "--title", "城镇新增就业", "--region", "运城", "--unit", "人", "--period", "2023",
        "--target", "5.5万", "--category", "就业", "--quote", "城镇新增就业5.5万人",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("added goal yuncheng-2023-chengzhenxinzengjiuye")
    # region and source come from [defaults], so they are not repeated
    assert path.read_text(encoding="utf-8") == before + (
        "\n[[goal]]\n"
        'id = "yuncheng-2023-chengzhenxinzengjiuye"\n'
        'title = "城镇新增就业"\n'
        'category = "就业"\n'
        'unit = "人"\n'
        "period = 2023\n"
        'target = "5.5万"\n'
        'quote = "城镇新增就业5.5万人"\n'
    )
    goal(data, "yuncheng-2023-chengzhenxinzengjiuye")
    again = run(
        data, "--title", "城镇新增就业", "--region", "运城", "--unit", "人", "--period", "2023"
    )
    assert again.exit_code == 0, again.output
    assert "yuncheng-2023-chengzhenxinzengjiuye-2" in again.stdout


def test_region_other_than_default_and_band_target(data: Path) -> None:
    result = run(
        data,
        "--title", "Lunch share", "--region", "盐湖", "--unit", "%", "--kind", "range",
        "--period", "2021-2025", "--target", "2%,3%", "--source", "yc-2024",
        "--id", "yanhu-lunch-share",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (data / "goals.toml").read_text(encoding="utf-8")
    assert text.endswith(
        '[[goal]]\nid = "yanhu-lunch-share"\ntitle = "Lunch share"\nregion = "盐湖区"\n'
        'unit = "%"\nkind = "range"\nperiod = "2021-2025"\ntarget = ["2%", "3%"]\n'
        'source = "yc-2024"\n'
    )
    goal(data, "yanhu-lunch-share")


def test_new_file_is_created(data: Path) -> None:
    result = run(
        data, "--file", str(data / "new.toml"), "--title", "验收", "--region", "运城市",
        "--kind", "milestone", "--period", "2024", "--source", "yc",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert (data / "new.toml").read_text(encoding="utf-8") == (
        '[defaults]\nregion = "运城市"\n\n'
        '[[goal]]\nid = "yuncheng-2024-yanshou"\ntitle = "验收"\n'
        'kind = "milestone"\nperiod = 2024\nsource = "yc"\n'
    )
    goal(data, "yuncheng-2024-yanshou")


def test_dry_run(data: Path) -> None:
    before = (data / "goals.toml").read_bytes()
    result = run(
        data, "--title", "t", "--region", "运城", "--unit", "人", "--period", "2023", "--dry-run"
    )
    assert result.exit_code == 0, result.output
    assert '+title = "t"' in result.stdout
    assert (data / "goals.toml").read_bytes() == before


def test_warnings_the_new_goal_brings(data: Path) -> None:
    """A goal without a quote: `tracker check`'s W204 for it (not the other goals'), on stderr;
    the goal is added all the same."""
    result = run(data, "--title", "t", "--region", "运城", "--unit", "人", "--period", "2023")
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert "goals.toml:" in lines[0]
    assert ": warning W204 [yuncheng-2023-t] goal has no quote" in lines[0]
    quoted = run(
        data, "--title", "t", "--region", "运城", "--unit", "人", "--period", "2023",
        "--quote", "t", "--id", "quoted",
    )  # fmt: skip
    assert quoted.exit_code == 0, quoted.output
    assert quoted.stderr == ""


T = ["--title", "t"]
YC = ["--region", "运城"]
PEOPLE = ["--unit", "人"]
Y2023 = ["--period", "2023"]
OK = [*T, *YC, *PEOPLE, *Y2023]
MILESTONE = [*T, *YC, "--kind", "milestone", *Y2023]
REFUSALS = [
    ([*YC, *PEOPLE, *Y2023], "missing --title"),
    ([*T, *YC, *Y2023], "missing --unit"),
    (["--kind", "range"], "missing --region, --title, --unit"),
    ([*T, "--region", "运程", *PEOPLE, *Y2023], "运城市"),
    ([*T, *YC, *PEOPLE, "--period", "20x3"], "--period"),
    ([*OK, "--target", "lots"], "--target"),
    ([*OK, "--source", "nope"], "--source"),
    ([*OK, "--id", "yanhu-2022-lunches"], "already used"),
    ([*MILESTONE, *PEOPLE], "milestone has no unit"),
    ([*MILESTONE, "--target", "1"], "milestone has no target"),
    ([*OK, "--file", "other.yaml"], "TOML"),
    ([*OK, "--file", "nowhere/x.toml"], "does not exist"),
    ([*OK, "--lock-timeout", "nan"], "'--lock-timeout': nan is not a number of seconds"),
    ([*OK, "--lock-timeout", "inf"], "--lock-timeout"),
]


@pytest.mark.parametrize(("args", "words"), REFUSALS)
def test_refusals(data: Path, args: list[str], words: str) -> None:
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = run(data, *args)
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_interactive_prompts_with_defaults_and_validation(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(add_command, "interactive", lambda: True)
    answers = "\n".join(
        [
            "",  # file: the one file holding 运城市's goals (default)
            "普惠性幼儿园覆盖率",  # title
            "",  # kind: at_least (default)
            "%",  # unit
            "",  # measure: automatic
            "2023",  # period
            "lots",  # target: refused, asked again
            "90%",  # target
            "教育",  # category
            "",  # source: the file's default
            "",  # quote: none
            "",  # id: the generated one
        ]
    )
    result = run(data, "--region", "运城", answers=answers + "\n")
    assert result.exit_code == 0, result.output
    assert "not valid: --target" in result.stderr  # the refusal, then the question again
    assert "added goal yuncheng-2023-puhuixingyoueryuanfugailv" in result.stdout
    text = (data / "goals.toml").read_text(encoding="utf-8")
    assert text.endswith(
        '[[goal]]\nid = "yuncheng-2023-puhuixingyoueryuanfugailv"\ntitle = "普惠性幼儿园覆盖率"\n'
        'category = "教育"\nunit = "%"\nperiod = 2023\ntarget = "90%"\n'
    )
    goal(data, "yuncheng-2023-puhuixingyoueryuanfugailv")


def test_generate_id() -> None:
    assert (
        generate_id("运城市", "2022", "城镇新增就业", set())
        == "yuncheng-2022-chengzhenxinzengjiuye"
    )
    assert generate_id("临河区", "2021-2025", "5G基站", set()) == "linhe-2021-2025-5g-jizhan"
    taken = {"yuncheng-2022-x", "yuncheng-2022-x-2"}
    assert generate_id("运城市", "2022", "X", taken) == "yuncheng-2022-x-3"
    long_id = generate_id("运城市", "2023", "义务教育优质均衡发展国家督导评估验收" * 2, set())
    assert len(long_id) <= len("yuncheng-2023-") + 40


def _session(data: Path, answers: list[str], *args: str, lang: str = "en") -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1", "TRACKER_DATA": str(data)}
    text = "\n".join(answers) + "\n"
    return CliRunner().invoke(cli, ["add", *args], env=env, input=text)


ASKED = [
    "yuncheng",  # region, in pinyin
    "",  # file: proposed from the region
    "城镇新增就业",  # title
    "",  # kind
    "人",  # unit
    "",  # measure
    "",  # period: this year
    "5万",  # target
    "",  # category
    "",  # source
    "",  # quote
    "",  # id
]


def test_interactive_asks_region_first_and_re_asks(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(add_command, "interactive", lambda: True)
    answers = ["运程", *ASKED]  # a typo first: did-you-mean, asked again
    answers[4] = "atleast"  # kind: refused, then
    answers.insert(5, "不低于")  # its zh label accepted
    result = _session(data, answers, lang="zh")
    assert result.exit_code == 0, result.output
    prompts = result.stdout
    assert prompts.index("地区") < prompts.index("写入文件") < prompts.index("指标名称")
    assert "类型(at_least 不低于 · at_most 不超过 · range 区间 · milestone 节点任务)" in prompts
    assert "计量方式(留空:按单位自动)(flow 累计量 · level 水平值 · growth 增长率)" in prompts
    assert f"[{dt.date.today().year}]" in prompts  # the period's default
    assert "无效:--region:" in result.stderr
    assert "运城市" in result.stderr  # did you mean
    assert "无效:“atleast”不是可选项之一" in result.stderr
    assert "Error" not in result.output
    year = dt.date.today().year
    assert f"已添加目标 yuncheng-{year}-chengzhenxinzengjiuye" in result.stdout


def test_piped_answers_one_a_line(data: Path) -> None:
    result = _session(data, ASKED)
    assert result.exit_code == 0, result.output
    year = dt.date.today().year
    assert f"added goal yuncheng-{year}-chengzhenxinzengjiuye" in result.stdout
    added = goal(data, f"yuncheng-{year}-chengzhenxinzengjiuye")
    assert added.unit == "人"  # type: ignore[attr-defined]


def test_piped_wrong_answer_names_its_line(data: Path) -> None:
    answers = list(ASKED)
    answers[3] = "atleast"
    result = _session(data, answers)
    assert result.exit_code == 2
    assert 'answer on line 4 (kind): "atleast" is not one of at_least' in result.stderr


def test_nothing_piped_names_every_missing_option(data: Path) -> None:
    result = run(data, "--period", "2023")
    assert result.exit_code == 2
    assert "missing --region, --title, --unit" in result.stderr
    zh = _session(data, [], "--period", "2023", lang="zh")
    assert "缺少 --region, --title, --unit" in zh.stderr


def test_new_region_gets_a_new_file_with_defaults(data: Path) -> None:
    regions = data / "regions.toml"
    regions.write_text(
        regions.read_text(encoding="utf-8") + '\n[[region]]\nname = "永济市"\nparent = "运城市"\n',
        encoding="utf-8",
    )
    result = run(data, "--region", "永济", "--title", "t", "--unit", "人", "--period", "2024")
    assert result.exit_code == 0, result.output
    created = data / "yongji.toml"
    assert created.read_text(encoding="utf-8").startswith(
        '[defaults]\nregion = "永济市"\n\n[[goal]]\nid = "yongji-2024-t"\n'
    )
    assert goal(data, "yongji-2024-t").region == "永济市"  # type: ignore[attr-defined]


def test_piped_negative_count_target_is_refused(data: Path) -> None:
    """A tester's session wrote `target = -12` into a goal counting schools (SPEC §1.4)."""
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    answers = ["yuncheng", "", "新建学校2", "", "", "2023", "-12", ""]
    result = _session(data, answers, "--unit", "所")
    assert result.exit_code == 2, result.output
    assert "E114" in result.stderr
    assert "-12 is negative" in result.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
