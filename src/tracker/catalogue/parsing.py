"""Reasons a value cannot be read: quantities, units, dates and periods (inside a problem's
or an error's message, as a ``Localized`` parameter)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
    ),  # --- data-file schema (load/context.py: msgspec's validation messages) ---
    "schema.table": ("表", "table"),
    "schema.top_level": ("顶层", "the top level"),
    "schema.file": ("文件", "the file"),
    "schema.expected": ("应为 `{expected}`,实为 `{got}`", "expected `{expected}`, got `{got}`"),
    "schema.enum": ("无效的枚举值 {value}", "invalid enum value {value}"),
    "schema.date": ("不是 RFC 3339 格式的日期", "invalid RFC3339 encoded date"),
    "schema.hint.kind": (
        ":可选 at_least、at_most、range 或 milestone",
        ": use at_least, at_most, range or milestone",
    ),
    "schema.hint.measure": (":可选 flow 或 level", ": use flow or level"),
    "schema.hint.calendar_date": (
        ":请写不加引号的日历日期,如 {key} = 2022-12-31",
        ": write a calendar date without quotes, e.g. {key} = 2022-12-31",
    ),
    "schema.hint.str": (
        ':请用双引号写文本,如 {key} = "…"',
        ': write text in double quotes, e.g. {key} = "…"',
    ),
    "schema.hint.array": (':请写列表,如 {key} = ["…"]', ': write a list, e.g. {key} = ["…"]'),
    "schema.hint.bool": (":请写 true 或 false,不加引号", ": write true or false, without quotes"),
    "schema.hint.date": (
        ":请写不加引号的日期,如 {key} = 2022-12-31",
        ": write a date without quotes, e.g. {key} = 2022-12-31",
    ),
    "schema.hint.object": (
        ":请写表,如 {key} = {{ … }} 或一节 [{key}]",
        ": write a table, e.g. {key} = {{ … }} or a [{key}] section",
    ),  # --- dates and periods (parse/dates.py) ---
    "date.year_range": (
        "年份 {year} 超出范围:请写 {low} 到 {high} 之间的年份",
        "year {year} is out of range: write a year between {low} and {high}",
    ),
    "date.not_calendar": (
        "“{raw}”不是日历上的日期:{detail}",
        '"{raw}" is not a calendar date: {detail}',
    ),
    # (in English, Python's own words are shown instead: "day is out of range for month")
    "date.bad_month": ("月份 {month} 不在 1 到 12 之间", "month {month} is not from 1 to 12"),
    "date.bad_day": ("{year}年{month}月没有这一天", "{year}-{month} has no such day"),
    "date.fix": (
        "{reason}:请写存在的日子,如 2022-02-28,或把月份写作 2022-02",
        "{reason}: write a day that exists, e.g. 2022-02-28, or the month as 2022-02",
    ),
    "date.unreadable": (
        '无法把 {raw} 读作日期:请写 2022-12-31、年份(2022)或月份("2024-10")',
        'cannot read {raw} as a date: write 2022-12-31, a year (2022) or a month ("2024-10")',
    ),
    "date.period_backwards": (
        "期限“{raw}”前后颠倒:请先写较早的年份",
        'period "{raw}" runs backwards: write the earlier year first',
    ),
    "date.period_unreadable": (
        '无法读取期限 {raw}:请写年份(2022)或年份区间("2021-2025")',
        'cannot read period {raw}: write a year (2022) or a span ("2021-2025")',
    ),  # --- syntax (parse/readers.py; the hints: load/file.py) ---
    "syntax.toml": ("TOML 语法错误:“{detail}”", "TOML syntax error: {detail}"),
    "syntax.yaml": ("YAML 语法错误:“{detail}”", "YAML syntax error: {detail}"),
    "syntax.yaml_error": ("YAML 错误:“{detail}”", "YAML error: {detail}"),
    "syntax.yaml_value": ("YAML 取值错误:“{detail}”", "YAML value error: {detail}"),
    "syntax.yaml_character": (
        "YAML 语法错误:YAML 文本中不允许出现字符 {char}",
        "YAML syntax error: character {char} is not allowed in YAML text",
    ),
    "syntax.yaml_duplicate": (
        "YAML 重复的键“{key}”(第一次出现在第{first}行)",
        'YAML duplicate key "{key}" (first at line {first})',
    ),
    "syntax.hint.close_line": (
        '请在本行内闭合引号(多行文本:"""…""")',
        'close the quotes on this line (several lines: """…""")',
    ),
    "syntax.hint.close_quotes": ("请闭合引号", "close the quotes"),
    "syntax.hint.straight_quotes": (
        '文本和数量请用直引号:title = "…"、value = "5.31万"(不要用 “…”);日期写作 2022-12-31,'
        "开关写 true 或 false",
        'quote text and quantities with straight quotes: title = "…", value = "5.31万" '
        "(not “…”); dates are written 2022-12-31, flags true or false",
    ),
    "syntax.hint.key_value": ("请写成 key = value", "write key = value"),
    "syntax.hint.duplicate_key": (
        "此表中已设置过这个键:请只保留一个",
        "this key is already set in this table: keep one",
    ),
    "syntax.hint.escape": (
        '请删除它,或在双引号中写成转义:"\\x1b"',
        'remove it, or write it as an escape in double quotes: "\\x1b"',
    ),
    "syntax.hint.date": (
        "请写存在的日期,格式为 YYYY-MM-DD:如 2023-02-28",
        "write a date that exists, as YYYY-MM-DD: e.g. 2023-02-28",
    ),
    "syntax.hint.declared_twice": (
        "此表声明了两次:重复的条目请写作 [[goal]]",
        "this table is declared twice: write repeated entries as [[goal]]",
    ),
    "syntax.hint.one_per_line": (
        '每行写一个 key = value;数量加引号("5.31万");日期写作 2022-12-31,月和日都是两位数',
        'write one key = value per line; quote quantities ("5.31万"); '
        "dates are 2022-12-31, with two-digit month and day",
    ),
    "syntax.hint.close_list": ("请用 ] 闭合列表", "close the list with ]"),
    "syntax.hint.close_inline_table": (
        "请在同一行内用 }} 闭合内联表",
        "close the inline table with }} on the same line",
    ),
    "syntax.hint.array_header": (
        "表头两侧各写两个方括号:[[goal]]",
        "write the header with two brackets on each side: [[goal]]",
    ),
    "syntax.hint.indent_colon": (
        '请检查缩进;含有 ": " 的文本请加引号',
        'check the indentation; quote text containing ": "',
    ),
    "syntax.hint.tabs": ("请用空格缩进,不要用制表符", "indent with spaces, not tabs"),
    "syntax.hint.close_any": ("请闭合引号或括号", "close the quotes or brackets"),
    "syntax.hint.indent_keys": (
        "请检查缩进:同一个表的键应当对齐",
        "check the indentation: keys of one table line up",
    ),
    "syntax.hint.other": ("请修正此处的语法", "fix the syntax at this position"),
}
