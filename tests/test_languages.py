"""One language per run (docs/i18n.md): a newcomer's mistakes — a missing or malformed option,
an unknown goal or command, a bad quantity, date or field in a data file, a file that cannot be
read at all — are told in Chinese in a zh run, without an English sentence, and in English in
an en run, without Chinese beyond the data's own text."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

GOOD = """\
[[region]]
name = "Testland"

[[source]]
id = "plan"
title = "The plan"

[[goal]]
id = "jobs"
title = "New jobs"
region = "Testland"
unit = "%"
period = 2023
target = "85%"
source = "plan"
quote = "85 percent"
"""

# one mistake per goal, each a problem of its own
FIELDS = """\
[[region]]
name = "Testland"

[[goal]]
id = "scale"
title = "Two scales"
region = "Testland"
unit = "%"
period = 2023
target = "5万万"

[[goal]]
id = "unit"
title = "Wrong unit"
region = "Testland"
unit = "people"
period = 2023
target = "5%"

[[goal]]
id = "day"
title = "No such day"
region = "Testland"
unit = "%"
period = 2023
target = "85%"
[[goal.outcome]]
as_of = "2023-02-30"
value = "80%"

[[goal]]
id = "kind"
title = "Bad kind"
region = "Testland"
unit = "%"
period = 2023
kind = "atleast"
target = "85%"

[[goal]]
id = "type"
title = 5
region = "Testland"
unit = "%"
period = 2023
target = "85%"

[[goal]]
id = "milestone"
title = "Milestone with a target"
region = "Testland"
kind = "milestone"
period = 2023
target = "5"

[[goal]]
id = "relative"
title = "Relative to nothing"
region = "Testland"
unit = "%"
period = 2023
target = { goal = "nothing", change = "5%" }

[[goal]]
id = "period"
title = "Backwards"
region = "Testland"
unit = "%"
period = "2025-2021"
target = "85%"
"""

# file name → bytes: each file is refused as a whole (E002–E007)
FILES = {
    "gbk.toml": 'title = "就业"\n'.encode("gbk"),
    "utf16.toml": '[[goal]]\nid = "x"\n'.encode("utf-16"),
    "syntax.toml": b'[[goal]]\nid = "x\n',
    "syntax.yaml": b"goal:\n  - id: [x\n",
    "structure.toml": b"goal = 5\n",
    "deep.yaml": b"goal:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 40)),
    "alias.yaml": b"a: &x 1\nb: *x\n",
    "yaml11.yaml": b"goal:\n  - id: x\n    title: yes\n",
}

MISTAKES = [
    ["record", "jobs", "80%"],  # missing --as-of
    ["record", "jobs", "80%", "--as-of", "2023-02-30"],  # no such day
    ["record", "jobs", "80%", "--as-of", "someday"],
    ["record", "job", "80%", "--as-of", "2023-06-30"],  # unknown goal id
    ["record", "jobs", "5万万", "--as-of", "2023-06-30"],  # bad quantity
    ["show", "job"],
    ["show", "jobs", "extra"],
    ["status", "--colr", "never"],  # unknown option
    ["status", "--sort", "nowhere"],  # not a choice
    ["status", "--as-of"],  # no value
    ["statu"],  # unknown command
    ["rank", "--top", "0", "jobs"],
    ["check", "does-not-exist"],
]

HAN = re.compile(r"[\u4e00-\u9fff]")
# data text, and the Chinese words the English messages cite on purpose (how a source writes a
# figure or a qualifier: "such as 万 or 亿", "(不少于上年, 不高于上年)")
CITED = re.compile(r"[万亿]|以上/不超过|不少于上年|不高于上年|比上年增长5%|比上年增加2000人|就业")
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”|\'[^\'\n]*\'|`[^`\n]*`')
PATH = re.compile(r"\S*[/\\]\S*|\S+\.(?:toml|yaml|yml)\b")
# a run of three English words: a sentence, not a code, an id or an option
SENTENCE = re.compile(r"\b[a-z]{2,}(?: [a-z]{2,}){2,}\b", re.IGNORECASE)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "targets"
    root.mkdir()
    (root / "good.toml").write_text(GOOD, encoding="utf-8")
    return root


def run(lang: str, data: Path, *args: str) -> str:
    env = {"NO_COLOR": "1", "TRACKER_DATA": str(data), "COLUMNS": "200"}
    result = CliRunner().invoke(cli, ["--lang", lang, *args], env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result.stdout + result.stderr


def english_in(text: str) -> list[str]:
    """The English sentences of a zh run's output, once data text and paths are set aside."""
    text = PATH.sub(" ", QUOTED.sub(" ", text))
    return SENTENCE.findall(text.replace("tracker", " "))


def chinese_in(text: str) -> list[str]:
    """The Chinese of an en run's output that is neither data text nor a cited example."""
    return HAN.findall(CITED.sub(" ", QUOTED.sub(" ", text)))


@pytest.mark.parametrize("args", MISTAKES, ids=" ".join)
def test_a_mistake_on_the_command_line(data: Path, args: list[str]) -> None:
    zh, en = run("zh", data, *args), run("en", data, *args)
    assert english_in(zh) == [], zh
    assert chinese_in(en) == [], en
    assert HAN.search(zh), zh


def test_mistakes_in_the_data(data: Path) -> None:
    (data / "fields.toml").write_text(FIELDS, encoding="utf-8")
    for name, raw in FILES.items():
        (data / name).write_bytes(raw)
    if hasattr(os, "mkfifo"):
        os.mkfifo(data / "fifo.toml")  # E001: not a regular file
    outside = data.parent / "outside.toml"
    outside.write_text(GOOD, encoding="utf-8")
    (data / "link.toml").symlink_to(outside)  # E008
    zh, en = run("zh", data, "check"), run("en", data, "check")
    codes = set(re.findall(r"\b[EW]\d{3}\b", en))
    assert codes >= {"E002", "E003", "E004", "E006", "E007", "E008", "E102", "E104", "E108"}
    assert codes >= {"E110", "E111", "E112", "E120", "E140"}
    assert set(re.findall(r"\b[EW]\d{3}\b", zh)) == codes
    assert english_in(zh) == [], zh
    assert chinese_in(en) == [], en


def test_the_same_problem_in_each_language(data: Path) -> None:
    (data / "fields.toml").write_text(FIELDS, encoding="utf-8")
    zh, en = run("zh", data, "check"), run("en", data, "check")
    assert 'target:"5万万" 有两个量级词:只写一个' in zh
    assert 'target: "5万万" has two scale words: write one' in en
    assert "as_of:“2023-02-30”不是日历上的日期:2023年2月没有这一天" in zh
    as_json = run("zh", data, "check", "--format", "json")
    assert '"5万万\\" has two scale words' in as_json  # JSON keeps the English message


def test_recording_to_a_goal_with_errors(data: Path) -> None:
    """`record` refuses a goal its errors kept out, naming the error in the run's language."""
    (data / "fields.toml").write_text(FIELDS, encoding="utf-8")
    args = ("record", "scale", "5", "--as-of", "2023-06-30")
    zh, en = run("zh", data, *args), run("en", data, *args)
    assert "目标“scale”有错误" in zh
    assert "有两个量级词" in zh
    assert english_in(zh) == [], zh
    assert chinese_in(en) == [], en


def test_too_deep_toml_in_chinese(data: Path) -> None:
    """E006 in a zh run: our words in Chinese with the fix, the parser's own English only
    quoted after them (a tester's report)."""
    (data / "deep.toml").write_text("a = " + "[" * 2000 + "]" * 2000 + "\n", encoding="utf-8")
    zh = run("zh", data, "check")
    (line,) = [x for x in zh.splitlines() if "E006" in x]
    ours, _, quoted = line.partition("(TOML 解析器的原话:“")
    assert "请去掉多余的嵌套" in ours
    assert english_in(ours.split("E006", 1)[1]) == []
    assert quoted.endswith("”)")


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("en_US.UTF-8", "TRACKER_LANG=fr is not a language tracker speaks (zh or en)"),
        ("zh_CN.UTF-8", "TRACKER_LANG=fr 不是 tracker 支持的语言"),
    ],
)
def test_an_unknown_tracker_lang_is_said(data: Path, locale: str, words: str) -> None:
    """TRACKER_LANG=fr was accepted silently (a tester's report): the run says so on stderr
    and speaks the locale's language; the report on stdout is unchanged."""
    env = {"NO_COLOR": "1", "TRACKER_DATA": str(data), "TRACKER_LANG": "fr", "LC_ALL": locale}
    result = CliRunner().invoke(cli, ["status", "--format", "json"], env=env)
    assert result.exit_code == 0, result.output
    assert words in result.stderr
    json.loads(result.stdout)
    quiet = CliRunner().invoke(cli, ["--lang", "en", "status"], env=env)
    assert "TRACKER_LANG" not in quiet.stderr  # --lang chose
    env["TRACKER_LANG"] = "zh_CN.UTF-8"
    assert "TRACKER_LANG" not in CliRunner().invoke(cli, ["status"], env=env).stderr
