"""What kind of text the article is, from its opening: a plan (a list of work to do, such as a
notice that hands out the year's 民生实事) or a report of what was done. A figure whose own
wording settles nothing takes its role from this, before weaker readings of its sentence."""

from __future__ import annotations

import re
from typing import Literal

Stance = Literal["plan", "report"]

# The opening read: up to the first full stop, at most this many characters (the headline, the
# date line and the first sentence; line breaks are gone from the normalised text, so a text
# copied as one line reads the same).
_OPENING = 200

# Documents that hold a review and a plan alike: their sentences decide.
_MIXED = re.compile(
    r"政府工作报告|工作报告|计划草案|计划执行|预算执行|预算草案|规划纲要|述职"
    r"|国民经济和社会发展(?:第[^。]{1,4}个五年)?(?:计划|规划)"
)

# A report of work done or under way.
_REPORT = re.compile(
    r"(?:完成|进展|执行|落实|推进|办理|实施)情况|进展顺利|总结|回顾|公报|成效|成绩单|答卷|盘点"
    r"|(?:全部|全面|圆满|超额|提前|基本|如期|按期|顺利)完成|已完成|完成率|进度|年终"
    r"|[0-9]{1,2}\s*[-—–~至]\s*[0-9]{1,2}月|前三季度|上半年|一季度|截至|截止"
)

# A plan handed out or announced: "关于印发2020年市级民生实事项目的通知", "下达2021年目标任务",
# "我市今年将办好十件民生实事", "2024年民生实事项目清单", "全面启动2019年惠民工程".
_PLAN = re.compile(
    r"印发[^。]{0,40}?(?:实事|项目|计划|方案|任务|清单|要点|安排)"
    r"|(?:下达|分解)[^。]{0,20}?(?:目标|任务|计划)"
    r"|(?:实事|项目)(?:的)?(?:安排|计划|清单|名单)"
    r"|(?:确定|票决|表决|明确|公布)[^。]{0,20}?(?:实事|项目)"
    r"|(?:将|拟|要)[^。,]{0,6}?(?:办好|办|实施|推进|推出|启动|新建|建设|投入)"
    # "区委、区政府全面启动2019年惠民工程": the year's programme launched (not "…工程启动以来")
    r"|启动[^。,]{0,12}?(?:实事|工程|项目)(?![^。,]{0,4}以来)"
)


def article_stance(norm: str) -> Stance | None:
    """ "plan" or "report" when the article's opening says which, else None."""
    stop = norm.find("。", 0, _OPENING)
    opening = norm[: stop if stop >= 0 else _OPENING]
    if _MIXED.search(opening):
        return None
    if _REPORT.search(opening):
        return "report"
    if _PLAN.search(opening):
        return "plan"
    return None
