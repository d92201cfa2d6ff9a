"""The message catalogue (tracker/messages.py) and the labels (render/i18n.py): every message
in zh and en with the same fields, every key the code uses defined, and every problem code's
message translated."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from tracker import problems
from tracker.catalogue import commands, errors, parsing
from tracker.catalogue import problems as catalogue_problems
from tracker.messages import MESSAGES, Localized, message
from tracker.render.i18n import LABELS, t

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "tracker"
HAN = re.compile(r"[\u4e00-\u9fff]")
CODES = sorted(
    value
    for name, value in vars(problems).items()
    if name.isupper() and isinstance(value, str) and re.fullmatch(r"[EW]\d{3}", value)
)


def fields(text: str) -> set[str]:
    # "{n|figure|figures}" (an English plural, tracker.messages.plurals) fills the field n
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_in_both_languages(key: str) -> None:
    zh, en = MESSAGES[key]
    assert zh.strip() or not en.strip(), f"{key}: no Chinese text"
    assert en.strip() or not zh.strip(), f"{key}: no English text"
    assert fields(zh) == fields(en), f"{key}: the two languages fill different fields"
    if HAN.search(zh) is None and re.search(r"[a-z]{4,}", zh.replace("tracker", "")):
        assert zh == en or not re.search(r"\b(the|is|and|of)\b", zh), f"{key}: zh is English"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_in_both_languages(key: str) -> None:
    zh, en = LABELS[key]
    assert zh
    assert en
    assert fields(zh) == fields(en), key


@pytest.mark.parametrize("code", CODES)
def test_every_problem_code_is_translated(code: str) -> None:
    assert f"problem.{code}" in MESSAGES


def _used_keys() -> set[tuple[str, str]]:
    """(module, key) for every literal key passed to t(), message(), X.of() or problem_of()."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            position = 4 if name == "problem_of" else 0
            if name not in ("t", "message", "of", "problem_of") or len(node.args) <= position:
                continue
            arg = node.args[position]
            # (RegionLookupError.message("zh") takes a language, not a key)
            if isinstance(arg, ast.Constant) and arg.value not in ("zh", "en"):
                found.add((path.name, str(arg.value)))
    return found


def test_every_key_the_code_uses_is_defined() -> None:
    missing = {(m, k) for m, k in _used_keys() if k not in MESSAGES and k not in LABELS}
    assert not missing


def test_every_key_shaped_string_is_defined() -> None:
    """Keys passed on before they are looked up (``fail_key``, ``ctx.fail``, ``localized``, a
    reader's refusal) are caught too: any string of the code shaped like a key of one of the
    catalogue's topics (``problem.E112.unit``, ``number.minus``) must be defined."""
    topics = {key.split(".")[0] for key in MESSAGES}
    shaped = re.compile(r"[a-z_]+(?:\.[A-Za-z0-9_]+)+")
    undefined = {
        (path.name, node.value)
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and shaped.fullmatch(node.value)
        and node.value.split(".")[0] in topics
        and node.value not in MESSAGES
        and node.value not in LABELS
    }
    assert not undefined


def test_localized_parameters() -> None:
    reason = Localized("不是数字", "not a number")
    assert message("record.bad_rate", "zh", {"reason": reason}) == "--stated-rate:不是数字"
    assert message("record.bad_rate", "en", {"reason": reason}) == "--stated-rate: not a number"
    flat = problems.problem_of("W203", "a.toml", 1, "g", "problem.W203")
    assert flat.message.startswith("goal has no source")  # JSON keeps English
    assert flat.key == "problem.W203"


def test_check_speaks_the_run_language(tmp_path: Path) -> None:
    """`tracker check` in zh: the catalogued problems in Chinese, codes and JSON unchanged."""
    from click.testing import CliRunner  # noqa: PLC0415

    from tracker.cli.group import cli  # noqa: PLC0415

    (tmp_path / "a.toml").write_text(
        '[[region]]\nname = "运城市"\n\n[[goal]]\nid = "g"\ntitle = "t"\nregion = "运城"\n'
        'unit = "人"\nperiod = 2023\ntarget = "5万元"\nsoruce = "x"\n',
        encoding="utf-8",
    )
    env = {"NO_COLOR": "1", "TRACKER_DATA": str(tmp_path)}
    zh = CliRunner().invoke(cli, ["--lang", "zh", "check"], env=env)
    en = CliRunner().invoke(cli, ["--lang", "en", "check"], env=env)
    assert zh.exit_code == en.exit_code == 1
    assert '错误 E101 [g] goal "g" 中有未知的键“soruce”(是否要找“source”?)' in zh.stdout
    assert '"5万元" 中的单位“元”与目标的单位“人”不符' in zh.stdout
    assert 'unknown key "soruce" in goal "g" (did you mean "source"?)' in en.stdout
    as_json = CliRunner().invoke(cli, ["--lang", "zh", "check", "--format", "json"], env=env)
    assert "unknown key" in as_json.stdout  # JSON keeps the English message


def test_catalogue_topics_do_not_overlap() -> None:
    """tracker/messages.py merges the topics of tracker/catalogue/: a key defined twice would
    silently keep only one of its texts."""
    topics = [commands.MESSAGES, errors.MESSAGES, parsing.MESSAGES, catalogue_problems.MESSAGES]
    assert sum(map(len, topics)) == len(MESSAGES)


def test_every_problem_is_built_by_key() -> None:
    """Problems are made by problems.problem_of (a catalogue key), never from an English
    sentence alone, which a zh run would show in English."""
    built = {
        (path.name, node.func.id if isinstance(node.func, ast.Name) else node.func.attr)
        for path in PACKAGE.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("problem", "Problem")
    }
    assert built == {("problems.py", "Problem")}


def test_english_plurals_agree_with_the_count() -> None:
    """ "1 figures: 0 targets, 1 outcomes" and "problem(s)" (a tester's report)."""

    summary = t("extract.summary", "en", n=1, targets=0, outcomes=1)
    assert summary.startswith("extracted 1 figure: 0 targets, 1 outcome.")
    assert t("notice.figures_only", "en", n=1) == (
        "1 further figure reported without a target is not listed."
    )
    assert t("notice.figures_only", "en", n=2).startswith("2 further figures reported")
    assert t("diff.fail_on.goalpost", "en", n=1) == "1 goalpost moved"
    assert message("empty.load_failed", "en", {"n": 1}).startswith(
        "no goal could be loaded: 1 data file has errors"
    )
    assert t("notice.due_item", "zh", region="甲", title="乙", deadline="2023-07-02", days=1,
             target="1", state="—") == "甲“乙”:2023-07-02到期(还有1天),目标1,目前—。"  # fmt: skip


def test_no_english_text_hedges_a_plural() -> None:
    hedged = [key for key, (_, en) in {**MESSAGES, **LABELS}.items() if "(s)" in en]
    assert hedged == []


def test_one_term_for_the_time_elapsed_schedule() -> None:
    """SPEC §2 names the figure 时序进度; the notice also said 序时进度 (a tester's report)."""
    both = [key for key, (zh, _) in {**MESSAGES, **LABELS}.items() if "序时进度" in zh]
    assert both == []
