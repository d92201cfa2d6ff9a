"""One completion figure everywhere (SPEC §2): the terminal table, the Markdown table, the HTML
report's completion chart and the JSON agree, goal for goal, on the shipped data, the test data
and every worked example of SPEC §2."""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli
from tracker.core.rounding import percent

ROOT = Path(__file__).parents[1]

SPEC_EXAMPLES = """
[[region]]
name = "全国"

[[region]]
name = "运城市"
parent = "全国"

[[region]]
name = "武陵源区"
parent = "全国"

[[source]]
id = "s"
title = "t"

[defaults]
source = "s"
quote = "q"

[[goal]]
id = "yuncheng-implied"
title = "城镇新增就业(推算)"
region = "运城市"
unit = "人"
period = 2022

  [[goal.outcome]]
  as_of = 2022-12-31
  value = "5.31万"
  stated_rate = "104.19%"

[[goal]]
id = "yuncheng-stated"
title = "城镇新增就业(目标5.1万)"
region = "运城市"
unit = "人"
period = 2022
target = "5.1万"

  [[goal.outcome]]
  as_of = 2022-12-31
  value = "5.31万"
  stated_rate = "104.19%"

[[goal]]
id = "national-2021"
title = "城镇新增就业(全国)"
region = "全国"
unit = "人"
period = 2021
target = "1100万以上"

  [[goal.outcome]]
  as_of = 2021-12-31
  value = "1269万"
  stated_rate = "115%"

[[goal]]
id = "wulingyuan-2024"
title = "对口升学"
region = "武陵源区"
unit = "%"
period = 2024
target = "60%"

  [[goal.outcome]]
  as_of = 2024-12-31
  numerator = 44
  denominator = 77
  value = "57.2%"
  acknowledge = ["W202"]

[[goal]]
id = "ceiling"
title = "登记失业率"
region = "全国"
unit = "%"
kind = "at_most"
period = 2024
target = "5.5%"

  [[goal.outcome]]
  as_of = 2024-10-31
  value = "5.8%"

[[goal]]
id = "coverage"
title = "普惠性幼儿园覆盖率"
region = "全国"
unit = "%"
period = 2024
target = "90%"
baseline = { value = "80%", as_of = 2023-12-31 }

  [[goal.outcome]]
  as_of = 2024-06-30
  value = "83%"
"""


@pytest.fixture(scope="module")
def spec_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("spec") / "targets"
    folder.mkdir()
    (folder / "examples.toml").write_text(textwrap.dedent(SPEC_EXAMPLES), encoding="utf-8")
    return folder


def run(data: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli,
        ["--data", str(data), "--color", "never", "--no-cache", *args],
        env={"COLUMNS": "400", "TRACKER_LANG": "en"},
    )
    assert result.exit_code in (0, 1), result.output
    return result.stdout


PERCENT = re.compile(r"-?\d+\.\d%")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(("which", "as_of"), [("targets", "2024-12-31"), ("basic", "2023-07-01")])
def test_every_format_shows_the_same_completion(which: str, as_of: str, lang: str) -> None:
    data = ROOT / "targets" if which == "targets" else ROOT / "tests" / "data" / which
    check_agreement(data, as_of, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_spec_examples_show_the_same_completion(spec_examples: Path, lang: str) -> None:
    check_agreement(spec_examples, "2025-06-30", lang)


def check_agreement(data: Path, as_of: str, lang: str) -> None:
    common = ("--as-of", as_of, "--lang", lang)
    goals = json.loads(run(data, "status", "--format", "json", *common))["goals"]
    expected = [
        percent(None if g["completion"] is None else Fraction(str(g["completion"]))) for g in goals
    ]
    assert goals

    # the Markdown table: one row per goal, in the JSON's order
    markdown = run(data, "status", "--format", "markdown", *common).splitlines()
    header = next(line for line in markdown if line.startswith("| "))
    columns = [cell.strip() for cell in header.strip("|").split("|")]
    index = columns.index("完成率" if lang == "zh" else "Ratio")
    rows = [line for line in markdown if line.startswith("| ")][1:]
    rows = [r for r in rows if not set(r) <= set("|-: ")]
    shown = [row.strip("|").split("|")[index].strip() for row in rows]
    assert shown == expected

    # the terminal table: the same order; the completion is the row's first one-decimal %
    # after the as-of date (targets and actuals come before it)
    table = iter(run(data, "status", "--format", "table", *common).splitlines()[3:])
    for want, goal in zip(expected, goals, strict=True):
        line = next(line for line in table if goal["title"] in line)  # rows keep the order
        after = line.split(goal["actual_as_of"][:7], 1)[1] if goal["actual_as_of"] else line
        found = PERCENT.search(after)
        if want == "—":
            assert found is None or not after.strip().startswith(found.group()), line
        else:
            assert found is not None, line
            assert found.group() == want, (line, want)

    # the HTML report's completion chart: a bar per goal with a completion, labelled with it
    page = run(data, "report", "--format", "html", *common)
    titles = Counter(
        html.unescape(t) for t in re.findall(r'rx="2" fill="[^"]+"><title>([^<]*)</title>', page)
    )
    wanted = Counter(
        f"{g['title']} · {status_label(g['status'], lang)} · {want}"
        for g, want in zip(goals, expected, strict=True)
        if want != "—"
    )
    assert titles == wanted


def status_label(key: str, lang: str) -> str:
    from tracker.render.i18n import t  # noqa: PLC0415  # the labels the report uses

    return t(key, lang)  # type: ignore[arg-type]
