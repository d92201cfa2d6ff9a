"""What the commands say: record, diff, add, docs, export, and the notices of an empty result
or of a $TRACKER_LANG that names no language."""

from __future__ import annotations

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
    "diff.fail_on.goalpost": ("{n}项目标值调整", "{n} {n|goalpost|goalposts} moved"),
    "diff.fail_on.restated": ("修订{n}条数据", "{n} {n|outcome|outcomes} restated"),
    "diff.fail_on.worse": ("{n}项状态变差", "{n} {n|status|statuses} worse"),
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
        "{n} more {n|row|rows} not shown (the full list: --format json)",
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
    # --- tracker docs ---
    "docs.unknown": (
        "没有名为“{topic}”的文档页;可选:{pages}",
        'no documentation page "{topic}"; the pages: {pages}',
    ),
    # --- empty results, and the filters in force ---
    "report.filter.region": ("地区", "region"),
    "report.filter.hide": ("不含", "hiding"),
    "report.filter.due": ("{days}天内到期", "due within {days} {days|day|days}"),
    "empty.data": (
        "数据目录中没有目标:用 tracker add 添加一个,或用 --data 指定数据目录",
        "the data directory has no goals: add one with tracker add, or point --data at the data",
    ),
    "empty.region": (
        "所选地区(及其下级)没有目标;tracker regions 列出各地区的目标数",
        "--region left no goal (sub-regions included); tracker regions lists the goal counts",
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
        "no goal could be loaded: {n} data {n|file has|files have} errors (above); "
        "run tracker check to fix them",
    ),
    # --- $TRACKER_LANG naming no language (cli/group.py) ---
    "notice.unknown_lang": (
        "提示:TRACKER_LANG={value} 不是 tracker 支持的语言(zh 或 en),改用区域设置的语言:中文",
        "notice: TRACKER_LANG={value} is not a language tracker speaks (zh or en); using the "
        "locale's: English",
    ),
    # --- tracker export, status --bom ---
    "export.not_empty": (
        "{dir} 不是空目录:请换一个目录,或加 --force 替换导出写入的文件(目录中的其他文件保留)",
        "{dir} is not empty: choose another directory, or add --force to replace the files "
        "export writes (other files in it are kept)",
    ),
    "export.not_directory": (
        "{dir} 已存在且不是目录:请指定一个目录",
        "{dir} exists and is not a directory: name a directory",
    ),
    "export.unwritable": (
        "无法写入 {dir}:{reason}(请检查权限和磁盘空间,或换一个目录)",
        "cannot write to {dir}: {reason} (check its permissions and free space, or choose "
        "another directory)",
    ),
    "export.no_pyarrow": (
        "--parquet 需要 pyarrow,请安装:pip install 'tracker[parquet]'(或 pip install pyarrow)",
        "--parquet needs pyarrow; install it with: pip install 'tracker[parquet]' "
        "(or pip install pyarrow)",
    ),
    "export.done": (
        "已导出{goals}个目标、{outcomes}条实际值(评估日期 {as_of})到 {dir}:{files}",
        "exported {goals} {goals|goal|goals} and {outcomes} {outcomes|outcome|outcomes} "
        "(evaluated at {as_of}) to {dir}: {files}",
    ),
    "export.bom_csv_only": (
        "--bom 只适用于 --format csv",
        "--bom applies to --format csv only",
    ),
}
