"""Every user-facing label, in Chinese and English."""

from __future__ import annotations

import os
from typing import Literal

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    # statuses (SPEC §2.1)
    "achieved": ("已完成", "achieved"),
    "on_track": ("进度正常", "on track"),
    "at_risk": ("需加快", "at risk"),
    "behind": ("滞后", "behind"),
    "missed": ("未完成", "missed"),
    "unclear": ("待核实", "unclear"),
    "no_data": ("无数据", "no data"),
    "no_target": ("无目标", "no target"),
    # flags
    "implied_target": ("推算目标", "implied target"),
    "approximate": ("约数", "approximate"),
    "stale": ("数据过期", "stale"),
    "rate_inconsistent": ("完成率不符", "rate inconsistent"),
    "early": ("提前完成", "early"),
    # kinds and measures
    "at_least": ("不低于", "at least"),
    "at_most": ("不超过", "at most"),
    "range": ("区间", "range"),
    "milestone": ("节点任务", "milestone"),
    "flow": ("累计量", "flow"),
    "level": ("水平值", "level"),
    "consistent": ("一致", "consistent"),
    "inconsistent": ("不一致", "inconsistent"),
    # table columns
    "col.region": ("地区", "Region"),
    "col.goal": ("目标", "Goal"),
    "col.id": ("编号", "ID"),
    "col.target": ("目标值", "Target"),
    "col.actual": ("实际", "Actual"),
    "col.as_of": ("截至", "As of"),
    "col.ratio": ("完成率", "Ratio"),
    "col.progress": ("进度条", "Progress"),
    "col.pace": ("进度比", "Pace"),
    "col.gap": ("差距", "Gap"),
    "col.status": ("状态", "Status"),
    "col.category": ("类别", "Category"),
    "col.deadline": ("期限", "Deadline"),
    # phrases
    "title.status": ("目标完成情况", "Target status"),
    "as_of": ("评估日期", "Evaluated at"),
    "total": ("共{n}项", "{n} goals"),
    "none": ("没有符合条件的目标。", "No goals match."),
    "done": ("已完成", "done"),
    "not_done": ("未完成", "not done"),
    "legend.implied": (
        "* 推算目标(由实际值÷自报完成率)",
        "* implied target (actual ÷ stated rate)",
    ),
    "legend.approximate": ("~ 约数", "~ approximate"),
    "legend.inconsistent": ("! 自报完成率与数据不符", "! stated rate does not match the figures"),
    "legend.stale": ("⌛ 期限已过但无最终数据", "⌛ past deadline, no final figure"),
    "notice.bundled": (
        "提示:未找到 targets/ 目录,正在使用内置示例数据(用 --data 指定数据目录)",
        "notice: no targets/ directory found; using the bundled sample data (set --data)",
    ),
    "notice.problems": (
        "数据文件有{n}个问题(运行 tracker check 查看详情)",
        "{n} problem(s) in the data files (run `tracker check` for details)",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The label for ``key`` in ``lang`` (the key itself when unknown, so nothing crashes)."""
    pair = LABELS.get(key)
    text = key if pair is None else pair[0 if lang == "zh" else 1]
    return text.format(**values) if values else text


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """$TRACKER_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    choice = env.get("TRACKER_LANG", "").strip().lower()
    if choice in LANGS:
        return choice  # type: ignore[return-value,unused-ignore]  # membership checked above
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
