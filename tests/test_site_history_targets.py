"""The site's change history shows a relative target in words (it printed "— → —")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.core.compute import evaluate
from tracker.core.site import goal_events
from tracker.load.dataset import load
from tracker.load.git import Commit
from tracker.render.site.goal import event_text

HEAD = """
[[region]]
name = "示例市"

[[source]]
id = "src"
title = "示例市工作报告"

[defaults]
region = "示例市"
source = "src"

[[goal]]
id = "work-2022"
title = "务工规模"
unit = "人"
measure = "level"
period = 2022
quote = "务工规模"

[[goal]]
id = "work-2023"
title = "务工规模"
unit = "人"
measure = "level"
period = 2023
quote = "务工规模不少于上年"
"""


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", "(— → 不少于上年)"), ("en", "(— → ≥ last year)")]
)
def test_relative_target_in_the_change_history(tmp_path: Path, lang: str, words: str) -> None:
    before, after = tmp_path / "before", tmp_path / "after"
    before.mkdir()
    after.mkdir()
    (before / "a.toml").write_text(HEAD, encoding="utf-8")
    relative = HEAD.replace("period = 2023\n", 'period = 2023\ntarget = { goal = "work-2022" }\n')
    (after / "a.toml").write_text(relative, encoding="utf-8")
    old, new = load(before), load(after)
    assert not old.errors
    assert not new.errors
    start = Commit("", dt.date(2023, 1, 1), "")
    change = Commit("abc", dt.date(2023, 2, 1), "relative")
    (event,) = goal_events([(start, old), (change, new)])["work-2023"]
    goal = new.by_id["work-2023"]
    evaluation = evaluate(goal, dt.date(2023, 12, 31), goals=new.by_id)
    text = event_text(event, goal, lang, evaluation.target_ref)  # type: ignore[arg-type]
    assert words in text
