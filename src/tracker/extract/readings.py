"""What a number means by the words next to it, where the measure word alone does not tell:
a project's size named before the project ("总投资20亿元的光伏项目"), a count of the headings of
a list ("10个方面的72个项目"), the one of a definition ("至少有1家")."""

from __future__ import annotations

import re

# The size of a project named after it: "总投资20亿元的华能光伏项目", "投资84.6亿元的洪屏二期项目",
# "总投资约5亿元的产业园" (not "完成投资5亿元的…", work done, nor "…的目标").
_PROJECT_SIZE_BEFORE = re.compile(
    r"(?<!完成)(?<!累计)(?:总投资|计划投资|投资|总造价|总投入|投资总额)"
    r"(?:约|近|超|超过|逾|达)?$"
)
_PROJECT_SIZE_AFTER = re.compile(
    r"(?:以上|左右)?的(?![0-9]|预期|既定|年度|全年|考核|目标|任务|计划|要求|指标|比例|比重)"
)


def project_size(norm: str, start: int, end: int, unit: str) -> bool:
    """A project's total named before the project: its scope, not work done."""
    return (
        unit == "元"
        and _PROJECT_SIZE_BEFORE.search(norm, max(start - 8, 0), start) is not None
        and _PROJECT_SIZE_AFTER.match(norm, end) is not None
    )


# The headings a list of work falls under: "10个方面的72个具体项目", "3个领域共23个项目",
# "10大类50个事项", "涵盖5个板块".
_HEADINGS = re.compile(r"(?:方面|领域|大类|类别|门类|板块|维度|层面|类)")


def counts_headings(norm: str, end: int, unit: str) -> bool:
    return unit in ("个", "大") and _HEADINGS.match(norm, end) is not None


# One of a definition: "每个县至少有1家定点医疗机构", "实现有1家以上…", "至少1名".
_AT_LEAST_ONE = re.compile(r"(?:至少|最少|不少于)有?$")


def definition_one(norm: str, start: int, number: str, suf: str | None) -> bool:
    if number != "1":
        return False
    before = norm[max(start - 4, 0) : start]
    return _AT_LEAST_ONE.search(before) is not None or (before.endswith("有") and bool(suf))
