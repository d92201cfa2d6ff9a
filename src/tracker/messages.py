"""The message catalogue: the sentences tracker says to the user (errors with their fix,
notices, prompts, problem messages), in Chinese and English, by key.

The lowest layer of the package, so that every stage can raise an error or report a problem
by key and parameters; the English text stays the error's ``message`` (and a problem's JSON
``message``), and the renderers show the text of the run's language (``render/i18n.t``).
Labels of the views (columns, headings) live in ``render/i18n.LABELS``.
"""

from __future__ import annotations

from collections.abc import Mapping

ZH, EN = 0, 1

MESSAGES: dict[str, tuple[str, str]] = {
    # --- tracker record ---
    "record.future": (
        "--as-of {as_of} 晚于今天({today}):实际值是已经报告的数据;请检查日期,"
        "或对计划数加 --allow-future",
        "--as-of {as_of} is after today ({today}): an outcome is a figure already reported; "
        "check the date, or add --allow-future for a planned figure",
    ),
    "record.before_start": (
        "--as-of {as_of} 早于目标期限的开始({start}):实际值是期限内某日的数据;"
        "期初的数值请写作目标的 baseline = {{ value = …, as_of = {as_of} }},或检查日期和目标编号",
        "--as-of {as_of} is before the goal's start ({start}): an outcome is a figure for a "
        "date inside the period; a figure from before it is the goal's "
        "baseline = {{ value = …, as_of = {as_of} }}; else check the date or the goal id",
    ),
    "record.status": ("目前状态", "Status now"),
    "record.unknown_goal": (
        "未知的目标编号“{id}”;是否要找:{ids}?",
        'unknown goal id "{id}"; did you mean {ids}?',
    ),
    "record.unknown_goal_none": (
        "未知的目标编号“{id}”;用 tracker status 列出全部编号",
        'unknown goal id "{id}"; list the ids with tracker status',
    ),
    "record.goal_has_errors": (
        "目标“{id}”有错误({where}:{code} {problem}):请先修正(运行 tracker check)",
        'goal "{id}" has errors ({where}: {code} {problem}): fix them first (run tracker check)',
    ),
    "record.milestone_value": (
        "目标“{id}”是节点任务:VALUE 应为 done 或 not-done(true/false、完成/未完成),而不是 {value}",
        'goal "{id}" is a milestone: VALUE is done or not-done (true/false, 完成/未完成), '
        "not {value}",
    ),
    "record.milestone_rate": (
        "--stated-rate:节点任务没有完成率,请去掉此选项",
        "--stated-rate: a milestone has no completion rate; drop it",
    ),
    "record.bad_value": ("VALUE {value}:{reason}", "VALUE {value}: {reason}"),
    "record.bad_rate": ("--stated-rate:{reason}", "--stated-rate: {reason}"),
    "record.bad_denominator": (
        "VALUE {value}:分母必须为正数",
        "VALUE {value}: the denominator must be positive",
    ),
    "record.unknown_source": (
        "--source:没有编号为“{id}”的来源:请使用某个 [[source]] 表中的编号"
        "(或先在数据文件中添加来源)",
        '--source: no source with id "{id}": use an id from a [[source]] table '
        "(add the source to a data file first)",
    ),
    "record.unknown_source_close": (
        "--source:没有编号为“{id}”的来源(是否要找“{close}”?):请使用某个 [[source]] 表中的编号"
        "(或先在数据文件中添加来源)",
        '--source: no source with id "{id}" (did you mean "{close}"?): use an id from a '
        "[[source]] table (add the source to a data file first)",
    ),
    "record.file_gone": (
        "{file} 已不在数据目录中:请重新运行命令",
        "{file} is no longer in the data directory: run the command again",
    ),
    # --- tracker diff ---
    "diff.raised": ("上调{amount}", "raised by {amount}"),
    "diff.lowered": ("下调{amount}", "lowered by {amount}"),
    "diff.move": ("({move},{percent})", " ({move}, {percent})"),
    "diff.move_plain": ("({move})", " ({move})"),
    "diff.fail_on": (
        "--fail-on:{found}",
        "--fail-on: {found}",
    ),
    "diff.fail_on.goalpost": ("{n}项目标值调整", "{n} goalpost(s) moved"),
    "diff.fail_on.restated": ("修订{n}条数据", "{n} outcome(s) restated"),
    "diff.fail_on.worse": ("{n}项状态变差", "{n} status(es) worse"),
    "diff.bad_fail_on": (
        "--fail-on:未知的类别 {names};可选 {choices}(可用逗号分隔)",
        "--fail-on: unknown kind {names}; choose from {choices} (comma-separated)",
    ),
    "diff.no_data_dir": (
        "未找到数据目录(此处及上级都没有 targets/):请在存放数据的仓库中运行 tracker diff,"
        "或用 --data 指定",
        "no data directory found (no targets/ here or above): run tracker diff inside "
        "the repository that holds the data, or set --data",
    ),
    "diff.more_rows": (
        "另有{n}行未列出(完整内容见 --format json)",
        "{n} more row(s) not shown (the full list: --format json)",
    ),
    # --- tracker add ---
    "add.missing": (
        "缺少 {options}:请以选项给出,或经管道逐行输入答案(每行一个,按提问顺序)",
        "missing {options}: give them as options, or pipe the answers, one a line, in the "
        "order tracker add asks",
    ),
    "add.file_choice": (
        "缺少 --file:{region}的目标分布在 {files} 中,请选择一个",
        "missing --file: {region}'s goals are in {files}; choose one",
    ),
    "add.empty": ("不能为空", "cannot be empty"),
    "add.retry": ("无效:{reason};请重新输入", "not valid: {reason}; try again"),
    "add.not_choice": ("“{value}”不是可选项之一:{choices}", '"{value}" is not one of {choices}'),
    "add.bad_region": ("--region:{reason}", "--region: {reason}"),
    "add.not_toml": (
        "--file {file}:tracker add 只写 TOML 文件(文件名应为 *.toml)",
        "--file {file}: tracker add writes TOML files (name it *.toml)",
    ),
    "add.no_dir": (
        "--file {file}:目录 {dir} 不存在",
        "--file {file}: directory {dir} does not exist",
    ),
    "add.bad_unit": ("--unit:{reason}", "--unit: {reason}"),
    "add.bad_period": ("--period:{reason}", "--period: {reason}"),
    "add.bad_target": ("--target:{reason}", "--target: {reason}"),
    "add.milestone_target": (
        "--target:节点任务没有目标值,请去掉此选项",
        "--target: a milestone has no target; drop it",
    ),
    "add.milestone_unit": (
        "--unit:节点任务没有单位,请去掉此选项",
        "--unit: a milestone has no unit; drop it",
    ),
    "add.band": ('--target:区间是两个值,如 "2%,3%"', '--target: a band is two values, "2%,3%"'),
    "add.id_taken": (
        "--id:目标编号“{id}”已被使用,请另选一个",
        '--id: goal id "{id}" is already used: choose another',
    ),
    "add.piped_invalid": (
        "第{n}行的答案({field}):{reason}",
        "answer on line {n} ({field}): {reason}",
    ),
    "add.new_file": (
        "新建文件 {file}(含 [defaults] region = {region})",
        "new file {file} (with [defaults] region = {region})",
    ),
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
    # --- quantities (parse/quantity.py): reasons inside a problem's or an error's message ---
    "quantity.empty": (
        '{raw} 是空的:请写一个数,如 "5.31万" 或 85',
        '{raw} is empty: write a number such as "5.31万" or 85',
    ),
    "quantity.unreadable": (
        '无法把 {raw} 读作数量:请写成如 "5.31万人" 或 "85%以上"',
        'cannot read {raw} as a quantity: write e.g. "5.31万人" or "85%以上"',
    ),
    "quantity.not_percent": (
        '{raw} 中的单位“{written}”与目标的单位“{unit}”不符:请写以{unit}计的数,或把目标单位设为 "%"',
        'unit "{written}" in {raw} does not match the goal\'s unit "{unit}": write a number of '
        '{unit} or set the goal\'s unit to "%"',
    ),
    "quantity.unit_mismatch": (
        "{raw} 中的单位“{written}”与目标的单位“{unit}”不符:请写作 {fixed},或修改目标的单位",
        'unit "{written}" in {raw} does not match the goal\'s unit "{unit}": write {fixed} or '
        "change the goal's unit",
    ),
    "quantity.rate_not_percent": (
        '{raw} 不是百分数:完成率应带 "%" 或写成纯数字,如 "104.19%"',
        '{raw} is not a percentage: a completion rate is written with "%" or as a bare number, '
        'e.g. "104.19%"',
    ),
    "problem.quantity": ("{field}:{reason}", "{field}: {reason}"),
    # --- options, data directory, git, edits ---
    "option.at_risk_above": (
        "--at-risk({at_risk})不能高于 --on-track({on_track})",
        "--at-risk ({at_risk}) must not exceed --on-track ({on_track})",
    ),
    "option.unknown_status": (
        "{option}:未知的状态 {names};可选 {choices}(或其中文/英文名称,如 逾期未报)",
        "{option}: unknown status {names}; choose from {choices} (or their zh / en labels, "
        "e.g. 逾期未报)",
    ),
    "option.unknown_column": (
        "--columns:未知的列 {names};可选 {choices}",
        "--columns: unknown column {names}; choose from {choices}",
    ),
    "check.not_data": (
        "{path} 不是数据文件:tracker 读取 {suffixes}",
        "{path} is not a data file: tracker reads {suffixes}",
    ),
    "check.no_files": (
        "{paths} 下没有数据文件(*.toml、*.yaml、*.yml):请检查路径",
        "no data files (*.toml, *.yaml, *.yml) under {paths}: check the path",
    ),
    "data.empty_option": (
        "--data 为空:请指定数据目录或文件(或不用 --data)",
        "--data is empty: name a data directory or file (or leave --data out)",
    ),
    "data.missing": (
        "{where}:{path} 不存在:请指定数据目录或文件",
        "{where}: {path} does not exist: name a data directory or file",
    ),
    "data.not_file": (
        "{where}:{path} 既不是目录也不是普通文件:请指定数据目录或文件",
        "{where}: {path} is not a directory or a regular file: name a data directory or file",
    ),
    "data.not_data": (
        "{where}:{path} 不是数据文件:请指定目录或 {suffixes} 文件",
        "{where}: {path} is not a data file: name a directory or a {suffixes} file",
    ),
    "git.missing": (
        "未安装 git(或不在 PATH 中):tracker diff 需要它",
        "git is not installed (or not on PATH): tracker diff needs it",
    ),
    "git.not_a_repository": (
        "{path} 不在 git 仓库中{detail}:tracker diff 比较的是数据在 git 中的不同版本"
        "(请在仓库中运行,或设置 --data)",
        "{path} is not inside a git repository{detail}: tracker diff compares revisions of "
        "the data in git (run it in the repository, or set --data)",
    ),
    "git.unknown_revision": (
        "未知的版本“{rev}”:请给出提交、分支或标签(如 HEAD~1、main、origin/main;"
        "浅克隆可能需要先 `git fetch`)",
        'unknown revision "{rev}": give a commit, branch or tag (e.g. HEAD~1, main, '
        "origin/main; a shallow clone may need `git fetch`)",
    ),
    "edit.goal_not_in_file": ("目标“{id}”不在 {file} 中", 'goal "{id}" is not in {file}'),
    "edit.same_date": (
        "目标“{id}”已有截至 {as_of} 的数据(数值 {value},{where}):加 --replace 覆盖,或检查 --as-of",
        'goal "{id}" already has an outcome for {as_of} (value {value}, {where}): add '
        "--replace to overwrite it, or check --as-of",
    ),
    "edit.several_same_date": (
        "目标“{id}”有{n}条截至 {as_of} 的数据:无法判断替换哪一条;请手工编辑文件",
        'goal "{id}" has {n} outcomes for {as_of}: cannot tell which to replace; edit the file '
        "by hand",
    ),
    "edit.goal_exists": (
        "目标“{id}”已存在于 {file} 中:请另选 --id",
        'goal "{id}" already exists in {file}: choose another --id',
    ),
    # --- tracker docs ---
    "docs.unknown": (
        "没有名为“{topic}”的文档页;可选:{pages}",
        'no documentation page "{topic}"; the pages: {pages}',
    ),
    # --- empty results, and the filters in force ---
    "report.filter.region": ("地区", "region"),
    "report.filter.hide": ("不含", "hiding"),
    "report.filter.due": ("{days}天内到期", "due within {days} days"),
    "empty.data": (
        "数据目录中没有目标:用 tracker add 添加一个,或用 --data 指定数据目录",
        "the data directory has no goals: add one with tracker add, or point --data at the data",
    ),
    "empty.region": (
        "所选地区(及其下级)没有目标;tracker regions 列出各地区的目标数",
        "the region(s) chosen (and their sub-regions) have no goals; "
        "tracker regions lists the goal counts",
    ),
    "empty.year": (
        "--year 筛掉了全部目标;现有目标涉及的年份:{years}",
        "--year left no goal; the goals cover the years {years}",
    ),
    "empty.category": (
        "--category 筛掉了全部目标;现有类别:{categories}",
        "--category left no goal; the categories are {categories}",
    ),
    "empty.did_you_mean": ("(是否要找:{names}?)", " (did you mean {names}?)"),
    "empty.status": (
        "--status 筛掉了全部目标;现有状态:{statuses}",
        "--status left no goal; the goals are {statuses}",
    ),
    "empty.hide": (
        "--hide 隐藏了全部目标;现有状态:{statuses}",
        "--hide left no goal; the goals are {statuses}",
    ),
    "empty.due": (
        "--due-within 期限内没有未完成的目标;现有状态:{statuses}",
        "--due-within left no goal: none unfinished is due that soon (the goals are {statuses})",
    ),
    "empty.load_failed": (
        "没有加载到任何目标:{n}个数据文件有错误(见上),运行 tracker check 查看并修正",
        "no goal could be loaded: {n} data file(s) have errors (above); "
        "run tracker check to fix them",
    ),
}


class Localized:
    """A parameter that is itself a sentence in both languages (a region lookup's message,
    a nested error): filled in in the message's language."""

    __slots__ = ("en", "zh")

    def __init__(self, zh: str, en: str) -> None:
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"Localized({self.zh!r}, {self.en!r})"


def message(key: str, lang: str, params: Mapping[str, object] | None = None) -> str:
    """The text of ``key`` in ``lang`` ("zh" or "en"), its ``{name}`` fields filled in (a
    :class:`Localized` one in ``lang`` too); the key itself when it is not in the catalogue
    (tests/test_messages.py fails on that)."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[ZH if lang == "zh" else EN]
    if not params:
        return text
    filled: dict[str, object] = {}
    for name, value in params.items():
        if name.endswith(ZH_SUFFIX):
            continue
        if isinstance(value, Localized):
            filled[name] = value.zh if lang == "zh" else value.en
        elif lang == "zh" and name + ZH_SUFFIX in params:
            filled[name] = params[name + ZH_SUFFIX]
        else:
            filled[name] = value
    return text.format(**filled)


ZH_SUFFIX = "@zh"  # a flattened Localized parameter's Chinese text: reason, reason@zh


def message_params(params: Mapping[str, object]) -> tuple[tuple[str, str], ...]:
    """Parameters as strings, to keep with a problem (in the parse cache too): a
    :class:`Localized` one as two, ``name`` (English) and ``name@zh``."""
    flat: list[tuple[str, str]] = []
    for name, value in params.items():
        if isinstance(value, Localized):
            flat += [(name, value.en), (name + ZH_SUFFIX, value.zh)]
        else:
            flat.append((name, str(value)))
    return tuple(flat)
