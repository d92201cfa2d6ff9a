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
    "os.EEXIST": ("文件已存在", "File exists"),
}
