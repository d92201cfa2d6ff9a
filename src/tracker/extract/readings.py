"""What a number means by the words next to it, where the measure word alone does not tell:
a project's size named before the project ("总投资20亿元的光伏项目"), a count of the headings of
a list ("10个方面的72个项目"), meetings held and papers issued ("召开常务会议12次"), the one of
a definition ("至少有1家"), a measure word a list of numbers shares ("分别回落2.16和1.66个百分点"),
and the unit of a bare 万 read from the other end of a change ("由1.2万人减少到0.8万")."""

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
_HEADINGS = re.compile(r"(?:方面|领域|(?:行业)?大类|类别|门类|板块|维度|层面|类)")


def counts_headings(norm: str, end: int, unit: str) -> bool:
    return unit in ("个", "大") and _HEADINGS.match(norm, end) is not None


# The meetings held and the papers issued to do the work ("召开常务会议12次", "12次专题会议",
# "出台政策文件5个", "印发工作简报20期"): the administration's own business, not work done for the
# public (a 招聘会 or 培训班 held is).
_MEETING = r"(?:会议|座谈会|调度会|推进会|联席会|常务会|专题会|协调会|部署会|办公会)"
_PAPER = r"(?:文件|简报|纪要|通报)"
_MEETING_BEFORE = re.compile(
    rf"(?:召开|主持|组织|举行|参加|出席|列席)[^,;。0-9]{{0,8}}{_MEETING}[^,;。0-9]{{0,6}}$"
)
_PAPER_BEFORE = re.compile(
    rf"(?:出台|印发|制定|下发|编发|起草|编印|转发)[^,;。0-9]{{0,6}}{_PAPER}[^,;。0-9]{{0,2}}$"
)
_OWN_BUSINESS_AFTER = re.compile(rf"(?:[^,;。0-9]{{0,4}}{_MEETING}|{_PAPER})")


def own_business(norm: str, start: int, end: int, unit: str) -> bool:
    if unit not in ("次", "场", "期", "个", "份", "件", "篇", "项"):
        return False
    before = norm[max(start - 16, 0) : start]
    return (
        _MEETING_BEFORE.search(before) is not None
        or _PAPER_BEFORE.search(before) is not None
        or _OWN_BUSINESS_AFTER.match(norm, end) is not None
    )


# One of a definition: "每个县至少有1家定点医疗机构", "实现有1家以上…", "至少1名".
_AT_LEAST_ONE = re.compile(r"(?:至少|最少|不少于)有?$")


def definition_one(norm: str, start: int, number: str, suf: str | None) -> bool:
    if number != "1":
        return False
    before = norm[max(start - 4, 0) : start]
    return _AT_LEAST_ONE.search(before) is not None or (before.endswith("有") and bool(suf))


# A number whose measure word is the next number's: "分别回落2.16和1.66个百分点",
# "拉动0.15、1.34个百分点", "增长7.5和8.1%". Read for rates and points only (a list of bare
# integers may be item numbers: "1、2号线").
_SHARED_UNIT = re.compile(
    r"\s?(?:和|、|与|及)\s?(?:[0-9]+(?:\.[0-9]+)?\s?(?:和|、|与|及)\s?){0,4}"
    r"[0-9]+(?:\.[0-9]+)?(?P<unit>个百分点|百分点|%|‰)"
)


def shared_unit(masked: str, end: int) -> str | None:
    match = _SHARED_UNIT.match(masked, end)
    return match["unit"] if match else None


# A change told from one bare figure to another: "由1.2万减少到0.8万", "从3.5万人下降至2.1万".
_FROM = re.compile(
    r"(?:由|从)(?P<num>[0-9]+(?:\.[0-9]+)?(?:万|亿))(?P<unit>人|户|元|亩|吨|个|家)?"
    r"[^,;。,;0-9]{0,8}?(?:到|至|为)$"
)
_TO = re.compile(
    r"[^,;。,;0-9]{0,8}?(?:到|至|为)[0-9]+(?:\.[0-9]+)?(?:万|亿)(?P<unit>人|户|元|亩|吨|个|家)"
)


def change_unit(norm: str, start: int, end: int) -> tuple[str | None, int, int] | None:
    """The other end of a change a bare 万 figure is one end of: its unit if written, else
    the span of its number (to read its unit from the words next to it)."""
    before = norm[max(start - 24, 0) : start]
    if norm[start - 1 : start] in ("由", "从"):
        after = _TO.match(norm, end)
        return (after["unit"], 0, 0) if after else None
    match = _FROM.search(before)
    if match is None:
        return None
    offset = start - len(before)
    return match["unit"], offset + match.start("num"), offset + match.end("num")
