"""Problem messages (`tracker check` and the loader): each code's `problem.<code>`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- tracker check: problems found on a goal as a whole (core/checks.py) ---
    "problem.W203": (
        '目标没有来源:添加 source = "<来源编号>"(由某个 [[source]] 定义),或在文件的 [defaults] '
        "中统一设置",
        'goal has no source: add source = "<source id>" (defined by a [[source]]), '
        "or set it once for the file in [defaults]",
    ),
    "problem.W204": (
        '目标没有原文引述:添加 quote = "…",写明来源中陈述该目标的原句(或在每条数据上引述),'
        "以便读者核对",
        'goal has no quote: add quote = "…" with the sentence of the source that states '
        "it (or a quote on each outcome), so a reader can verify it",
    ),
    "problem.E121": (
        "数据的 as_of {as_of} 早于目标期限的开始 {start}:请修正 as_of 或目标的期限;"
        "期限之前的数值应写作 baseline = {{ value = …, as_of = {as_of} }}",
        "outcome as_of {as_of} is before the goal's start {start}: "
        "fix as_of or the goal's period; a figure from before the period belongs in "
        "baseline = {{ value = …, as_of = {as_of} }}",
    ),
    "problem.W205": (
        "累计数 {figure}({as_of})低于 {before}({before_as_of}):累计量目标的数据是自期限开始"
        "({start})以来的累计总数,不会下降;请修正数据,或若目标统计的是状态而非累计,"
        '设 measure = "level"',
        "cumulative figure {figure} at {as_of} is below {before} at {before_as_of}: a flow "
        "goal's outcomes are running totals since the period start ({start}), so they cannot "
        'fall; fix the figure, or set measure = "level" if the goal counts a state, not a total',
    ),
    "problem.W210": (
        "有两条数据的日期都是 {as_of}(第{first}行和第{second}行):在删除或改期其中一条之前,"
        "目标将同时按两个数值评估;请保留最新来源所述的一条,另一条移入备注",
        "two outcomes are dated {as_of} (lines {first} and {second}): until one is removed or "
        "redated, the goal is judged on both figures at once; keep the one the latest source "
        "states and move the other to a note",
    ),
    "problem.W211": (
        "数据的 as_of {as_of} 晚于今天({today}):已报告的数据应指向已过去的日期;请修正 as_of"
        "(数据所指的日期,而非计划日期),或把计划写进目标的备注",
        "outcome as_of {as_of} is after today ({today}): a reported figure refers to a date "
        "that has passed; fix as_of (the date the figure refers to, not a planned date), or "
        "put a plan in the goal's note",
    ),
    "problem.W201": (
        "stated_rate“{stated}”与数据不符:{figure} ÷ 目标“{target}” = {span};请对照来源核对"
        '数值、目标和自报完成率;若来源本身就是这样印的,在此数据上添加 acknowledge = ["W201"]',
        'stated_rate "{stated}" does not match the figures: {figure} ÷ target "{target}" = '
        "{span}; check value, target and stated_rate against the source, and if the source "
        'itself prints these figures, add acknowledge = ["W201"] to this outcome',
    ),
    "problem.W212": (
        "stated_gap“{stated}”与数据不符:{figure} 距目标“{target}”的差距为 {span}{unit};"
        "差距的符号与差距列相同(正数为尚差,负数为已超出);请对照来源核对;若来源本身就是这样印的,"
        '在此数据上添加 acknowledge = ["W212"]',
        'stated_gap "{stated}" does not match the figures: the gap of {figure} to the target '
        '"{target}" is {span}{unit}; a gap is signed like the gap column (positive = still '
        "short, negative = beyond the target); check it against the source, and if the source "
        'itself prints it, add acknowledge = ["W212"] to this outcome',
    ),
    "problem.W202": (
        "value“{value}”{stands}与分子/分母不符:{numerator} / {denominator} = {exact}{unit};"
        '请对照来源核对这三个数;若来源本身就是这样印的,在此数据上添加 acknowledge = ["W202"]',
        'value "{value}"{stands} disagrees with numerator / denominator: {numerator} / '
        "{denominator} = {exact}{unit}; check the three figures against the source, and if "
        'the source itself prints them, add acknowledge = ["W202"] to this outcome',
    ),
    "problem.W202.stands": (
        "(四舍五入前为 {low}–{high}{unit})",
        " (that is {low}–{high}{unit} once rounded)",
    ),
    # --- tracker check: problems across files (load/merge.py) ---
    "hint.close": ("(是否要找“{name}”?)", ' (did you mean "{name}"?)'),
    "problem.E101": (
        "{where} 中有未知的键“{key}”{hint}:请修正拼写或删除",
        'unknown key "{key}" in {where}{hint}: fix the spelling or remove it',
    ),
    "problem.E103": (
        "缺少必填字段“{field}”:请在此表中添加 {field} = …",
        'missing required field "{field}": add {field} = … to this table',
    ),
    "problem.E130": (
        "目标编号“{id}”已在 {where} 使用:目标编号在整个数据集中必须唯一;请改名其一或删除重复项",
        'goal id "{id}" is already used at {where}: goal ids must be unique across the '
        "dataset; rename one or remove the copy",
    ),
    "problem.E131": (
        "来源编号“{id}”已在 {where} 使用:来源编号必须唯一;请改名其一(及引用它的目标)或删除重复项",
        'source id "{id}" is already used at {where}: source ids must be unique; rename one '
        "(and the goals that cite it) or remove the copy",
    ),
    "problem.E132": (
        "来源“{id}”未定义{hint}:请添加此编号的 [[source]],或修正编号",
        'source "{id}" is not defined{hint}: add a [[source]] with this id or fix the id',
    ),
    "problem.E133": (
        "地区“{name}”已在 {where} 定义:请只保留一处",
        'region "{name}" is already defined at {where}: keep one entry',
    ),
    "problem.E134": (
        "地区“{name}”不是已知地区{hint}:请用地区全称,或添加 [[region]]",
        'region "{name}" is not a known region{hint}: use a region\'s full name or add a '
        "[[region]]",
    ),
    "problem.E134.parent": (
        "地区“{name}”的上级“{parent}”不是已知地区{hint}:请将其添加为 [[region]],或修正名称",
        'parent "{parent}" of region "{name}" is not a known region{hint}: add it as a '
        "[[region]] or fix the name",
    ),
    "problem.E135": (
        "地区“{name}”经上级链接成为自己的上级:请修正其中一个 parent 以打破循环",
        'region "{name}" is its own ancestor through parent links: break the cycle by fixing '
        "one parent",
    ),
    "problem.E136": (
        "地区“{name}”将位于地区树的第{level}层,超过允许的{most}层:不再沿用其上级“{parent}”;"
        "请检查上级链接",
        'region "{name}" would be at level {level} of the region tree, below the {most} '
        'allowed: its parent "{parent}" is not followed; check the parent links',
    ),
    "problem.quantity": ("{field}:{reason}", "{field}: {reason}"),
}
