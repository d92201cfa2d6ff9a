"""Errors with their fix: options, the data directory, git, edits."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    ),  # --- the operating system's reasons (errors.os_reason): its own words in English ---
    "os.ENOENT": ("文件或目录不存在", "No such file or directory"),
    "os.EACCES": ("没有权限", "Permission denied"),
    "os.EISDIR": ("这是一个目录", "Is a directory"),
    "os.ENOTDIR": ("路径中有一部分不是目录", "Not a directory"),
    "os.ENOSPC": ("磁盘空间不足", "No space left on device"),
    "os.EROFS": ("文件系统只读", "Read-only file system"),
    "os.ELOOP": ("符号链接层数过多", "Too many levels of symbolic links"),
    "os.ENAMETOOLONG": ("文件名过长", "File name too long"),
    "os.EEXIST": ("文件已存在", "File exists"),  # --- writing data files (edit/) ---
    "edit.cannot_write": (
        "无法写入 {file}:{reason};文件未改动",
        "cannot write {file}: {reason}; the file is unchanged",
    ),
    "edit.yaml": (
        "{file} 是 YAML 文件;tracker 只写 TOML 文件(YAML 读出再写回会改变文件的缩进):"
        "请手工添加条目,然后运行 tracker check",
        "{file} is a YAML file; tracker writes TOML files only (a YAML round-trip would "
        "re-indent the file): add the entry by hand, then run tracker check",
    ),
    "edit.invalid_result": (
        "未写入:结果将无法通过 tracker check:{where}:{code} {problem}{more}",
        "nothing written: the result would not pass tracker check: {where}: {code} {problem}{more}",
    ),
    "edit.invalid_result.more": ("(另有{n}个)", " (and {n} more)"),
    "edit.file_gone": (
        "{path} 已不存在:未写入任何内容",
        "{path} no longer exists: nothing was written",
    ),
    "edit.locked": (
        "{path} 被另一个 tracker 进程锁定(已等待 {seconds} 秒):未写入任何内容;请重试,"
        "或调大 --lock-timeout",
        "{path} is locked by another tracker process (waited {seconds} s): nothing was "
        "written; try again, or raise --lock-timeout",
    ),
    "edit.removed_while_waiting": (
        "{path} 在等待期间被删除:未写入任何内容",
        "{path} was removed while waiting: nothing was written",
    ),
    "edit.changed": (
        "{path} 在 tracker 写入时被改动了(另一个编辑器?):未写入任何内容;请重新运行命令",
        "{path} changed on disk while tracker was writing it (another editor?): nothing was "
        "written; run the command again",
    ),
    "edit.created_meanwhile": (
        "{path} 在此期间已被别人创建:未写入任何内容;请重新运行命令",
        "{path} was created by someone else meanwhile: nothing was written; run the command again",
    ),
    "edit.not_utf8": (
        "{file} 不是 UTF-8 编码:请先转换(如 iconv -f GBK -t UTF-8),再运行 tracker check",
        "{file} is not UTF-8: convert it first (e.g. iconv -f GBK -t UTF-8), then run "
        "tracker check",
    ),
    "edit.not_toml": (
        "{file} 不是有效的 TOML(“{detail}”):请先修正(运行 tracker check)",
        "{file} is not valid TOML ({detail}): fix it first (run tracker check)",
    ),
    "edit.no_goals": (
        "{file} 中没有 [[goal]] 表:目标“{id}”不在其中",
        '{file} has no [[goal]] tables: goal "{id}" is not in it',
    ),
    "edit.duplicate_id": (
        "目标编号“{id}”在 {file} 中用了{n}次:请先让编号唯一(运行 tracker check)",
        'goal id "{id}" is used {n} times in {file}: make the ids unique first (run tracker check)',
    ),
    "edit.layout": (
        "无法在 {file} 中向目标“{id}”追加数据:{why};tracker record 写的是 [[goal.outcome]] 表"
        "——请手工添加数据,或把该目标的数据改写为 [[goal.outcome]] 表",
        'cannot append to goal "{id}" in {file}: {why}; tracker record writes '
        "[[goal.outcome]] tables — add the outcome by hand, or rewrite the goal's outcomes as "
        "[[goal.outcome]] tables",
    ),
    "edit.layout.outcome_key": (
        "它的 outcome 键不是表的列表",
        "its outcome key is not a list of tables",
    ),
    "edit.layout.goals": (
        "它的目标并非都写作 [[goal]]",
        "its goals are not all written as [[goal]]",
    ),
    "edit.layout.inline": ("它的数据写成了内联数组", "its outcomes are written as an inline array"),
    "edit.goal_key": (
        "{file}:它的 goal 键不是 [[goal]] 表的列表;请先修正",
        "{file}: its goal key is not a list of [[goal]] tables; fix it first",
    ),
    # --- --output (edit/files.write_output) ---
    "output.cannot_use": (
        "--output:无法使用 {path}:{reason}",
        "--output: cannot use {path}: {reason}",
    ),
    "output.directory": (
        "--output:{path} 是目录:请指定文件",
        "--output: {path} is a directory: name a file",
    ),
    "output.no_directory": (
        "--output:目录 {dir} 不存在",
        "--output: directory {dir} does not exist",
    ),
    "output.cannot_write": (
        "--output:无法写入 {path}:{reason}",
        "--output: cannot write {path}: {reason}",
    ),
    "output.stdout_closed": (
        "标准输出已关闭,报告无处可写:请去掉 >&-,或用 --output 写入文件",
        "standard output is closed: the report has nowhere to go (remove >&-, or write it to a "
        "file with --output)",
    ),
    "output.stdout_failed": (
        "无法写入标准输出:{reason}(可用 --output 写入文件)",
        "cannot write to standard output: {reason} (--output writes to a file)",
    ),
    # --- git (load/git.py) ---
    "git.outside": (
        "{path} 解析到仓库 {top} 之外:请把 --data 设为仓库内的数据目录",
        "{path} resolves outside the repository at {top}: set --data to the data directory "
        "inside it",
    ),
    "git.failed": ("git {command} 失败:{detail}", "git {command} failed: {detail}"),
    "git.bad_oid": (
        "git ls-tree 输出了非十六进制的对象编号",
        "git ls-tree printed an object id that is not hexadecimal",
    ),
    "git.bad_answer": (
        "git cat-file 对对象 {oid} 的回答与预期不符:仓库可能已损坏(试试 `git fsck`)",
        "git cat-file gave an unexpected answer for object {oid}: the repository may be "
        "damaged (try `git fsck`)",
    ),
    # --- tracker extract (cli/extract.py) and rank ---
    "extract.year_range": (
        "--year {year} 超出范围:请给出 {low} 到 {high} 之间的年份",
        "--year {year} is out of range: give a year between {low} and {high}",
    ),
    "extract.unknown_encoding": (
        "--encoding {encoding}:未知的编码(试试 gbk 或 gb18030)",
        "--encoding {encoding}: unknown encoding (try gbk or gb18030)",
    ),
    "extract.no_stdin": (
        "-:没有可读取的标准输入:请用管道输入文本,或指定文件",
        "-: there is no standard input to read: pipe the text in or name a file",
    ),
    "extract.no_file": ("{file}:文件不存在", "{file}: no such file"),
    "extract.unreadable": ("{file}:无法读取:{reason}", "{file}: cannot read it: {reason}"),
    "extract.stdin": ("标准输入", "standard input"),
    "extract.too_long": (
        "{name} 超过 {most} 字节,这是 tracker extract 读取的上限(一篇长报告约 100 KB):"
        "请一次给一篇文章",
        "{name} is longer than {most} bytes, the most tracker extract reads (a long report is "
        "some 100 KB): give it one article at a time",
    ),
    "extract.empty": (
        "{name} 是空的:没有可提取的文字(请先把文章的文本保存进去)",
        "{name} is empty: there is no text to extract from (save the article's text in it first)",
    ),
    "extract.not_text": (
        "{name} 在任何编码下都不是文本(含有 NUL 或控制字节):请先保存文章的文本"
        "(如从 PDF 或 Word 文件中),再提取它",
        "{name} is not text in any encoding (it holds NUL or control bytes): save the "
        "article's text first (e.g. from a PDF or Word file), then extract that",
    ),
    "extract.utf16_no_bom": (
        "{name} 似乎是不带字节顺序标记(BOM)的 {encoding} 文本:请加 --encoding {encoding}",
        "{name} looks like {encoding} text without a byte-order mark: add --encoding {encoding}",
    ),
    "extract.bad_encoding": (
        "{name} 不是有效的 {encoding} 文本(字节偏移 {byte}):{hint}",
        "{name} is not valid {encoding} (byte {byte}): {hint}",
    ),
    "extract.hint.gbk": ("请加 --encoding gbk(或 gb18030)", "add --encoding gbk (or gb18030)"),
    "extract.hint.check": ("请检查 --encoding", "check --encoding"),
    "rank.top_bottom": (
        "--top 与 --bottom 不能同时使用:请选其一",
        "--top and --bottom exclude each other: choose one",
    ),  # --- option values (cli/params.py): the reason after "Invalid value for '--x': " ---
    "param.not_utf8": (
        "不是 UTF-8 文本(第 {at} 个字符处的字节 {byte}):请以 UTF-8 传入"
        "(设置 UTF-8 区域设置,或用 iconv 转换)",
        "is not UTF-8 text (byte {byte} at character {at}): pass it in UTF-8 (set a UTF-8 "
        "locale, or convert it with iconv)",
    ),
    "param.pace_not_number": ("{value} 不是数(如 0.95)", "{value} is not a number (e.g. 0.95)"),
    "param.pace_range": (
        "{value} 超出范围:请用 0 到 10 之间的进度",
        "{value} is out of range: use a pace between 0 and 10",
    ),
    "param.lag_bands": (
        "{value} 不是两个数:请写绿、黄两档的界限(落后于进度的百分点),如 10,30",
        "{value} is not two numbers: write the green and yellow limits in percentage points "
        "behind schedule, e.g. 10,30",
    ),
    "param.lag_bands_order": (
        "{value}:界限须满足 0 ≤ A ≤ B ≤ 100(百分点),如 10,30",
        "{value}: the limits must satisfy 0 ≤ A ≤ B ≤ 100 (percentage points), e.g. 10,30",
    ),
    "param.seconds": (
        "{value} 不是数:请给出 0 到 {most} 之间的秒数,如 30",
        "{value} is not a number: give a number of seconds from 0 to {most}, e.g. 30",
    ),
    "param.seconds_finite": (
        "{value} 不是秒数:请给出 0 到 {most} 之间的秒数,如 30",
        "{value} is not a number of seconds: give a number of seconds from 0 to {most}, e.g. 30",
    ),
    "param.seconds_range": (
        "{value} 超出范围:请给出 0 到 {most} 之间的秒数,如 30",
        "{value} is out of range: give a number of seconds from 0 to {most}, e.g. 30",
    ),
    # click's own types: English as click words it (shown instead in an en run)
    "param.choice": ("“{value}”不是可选值之一:{choices}", "{value!r} is not one of {choices}."),
    "param.integer": ("“{value}”不是有效的整数", "{value!r} is not a valid integer."),
    "param.range": (
        "{value} 不在 {low} 到 {high} 之间",
        "{value} is not in the range {low}<=x<={high}.",
    ),
    "param.at_least": ("{value} 小于 {low}", "{value} is not in the range x>={low}."),
    "param.at_most": ("{value} 大于 {high}", "{value} is not in the range x<={high}."),
    "param.path_missing": ("路径“{path}”不存在", "Path {path!r} does not exist."),
    "param.path_directory": ("“{path}”是目录:请指定文件", "File {path!r} is a directory."),
    "param.path_unusable": ("无法使用路径“{path}”", "Path {path!r} cannot be used."),
    # --- click's own errors (cli/usage.py: a zh run's; an en run shows click's) ---
    "click.usage": ("用法:{command} {pieces}", "Usage: {command} {pieces}"),
    "click.try_help": (
        "运行 '{command} {option}' 查看帮助。",
        "Try '{command} {option}' for help.",
    ),
    "click.error": ("错误:{message}", "Error: {message}"),
    "click.invalid": ("{name} 的值无效:{reason}", "Invalid value for {name}: {reason}"),
    "click.invalid_value": ("值无效:{reason}", "Invalid value: {reason}"),
    "click.missing_option": ("缺少选项 {name}。{choices}", "Missing option {name}.{choices}"),
    "click.missing_argument": ("缺少参数 {name}。{choices}", "Missing argument {name}.{choices}"),
    "click.missing_choices": ("可选:{choices}", " Choose from: {choices}."),
    "click.no_such_option": ("没有选项 {name}。{hint}", "No such option {name}.{hint}"),
    "click.negative_value": (
        "负数会被读作选项:请先写完所有选项,再写 -- 和各参数,如 {example}",
        "a negative number is read as an option: write all the options first, then -- and the "
        "arguments, e.g. {example}",
    ),
    "click.no_such_command": ("没有命令 {name}。{hint}", "No such command {name}.{hint}"),
    "click.did_you_mean": ("是否要找:{names}?", " (Did you mean one of: {names}?)"),
    "click.needs_value": ("选项 {name} 需要一个值。", "Option {name} requires an argument."),
    "click.needs_values": ("选项 {name} 需要 {n} 个值。", "Option {name} requires {n} arguments."),
    "click.takes_no_value": ("选项 {name} 不接受值。", "Option {name} does not take a value."),
    "click.extra_arguments": ("多余的参数:{args}", "Got unexpected extra arguments ({args})"),
    "click.other": ("命令行有误:“{message}”", "{message}"),
}
