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
    "quantity.unit_no_fix": (
        "{raw} 中的单位“{written}”与目标的单位“{unit}”不符:请把它换算成以{unit}计的数,"
        "或修改目标的单位",
        'unit "{written}" in {raw} does not match the goal\'s unit "{unit}": convert the figure '
        "to {unit}, or change the goal's unit",
    ),
    "number.spelled": (
        "无法把 {raw} 读作一个数:中文数字没有被完整读出;请用阿拉伯数字写作 {fixed}",
        "cannot read {raw} as one number: the Chinese numeral is not read whole; write it "
        "with digits as {fixed}",
    ),
    "number.spelled_no_fix": (
        '无法把 {raw} 读作一个数:中文数字没有被完整读出;请用阿拉伯数字写,如 "4.5万人"',
        "cannot read {raw} as one number: the Chinese numeral is not read whole; write it "
        'with digits, e.g. "4.5万人"',
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
    "syntax.hint.other": (
        "请修正此处的语法",
        "fix the syntax at this position",
    ),  # --- units (parse/quantity.py) ---
    "unit.not_text": (
        '单位应为 "人"、"万元" 或 "%" 这样的文本,而不是 {what}',
        'a unit is text such as "人", "万元" or "%", not {what}',
    ),
    "unit.empty": (
        '单位是空的:请写目标的单位,如 "人"、"万元" 或 "%"',
        'the unit is empty: write the goal\'s unit, e.g. "人", "万元" or "%"',
    ),
    "unit.number": (
        '单位 {unit} 以数字开头:单位请单独写,如 "人" 或 "万人",数值写在 target 或 value 中',
        'unit {unit} starts with a number: write the unit alone, e.g. "人" or "万人", and the '
        "number in target or value",
    ),
    "unit.qualifier": (
        '单位 {unit} 含有限定词“{word}”:单位请单独写,限定词和数值写在一起,如 target = "5000{word}"',
        'unit {unit} contains the qualifier "{word}": write the unit alone and the qualifier '
        'with the number, e.g. target = "5000{word}"',
    ),
    "unit.only_scale": (
        '单位 {unit} 只有量级:请加上所计的对象,如 "{scale}人" 或 "{scale}元"',
        'unit {unit} is only a scale: add what it counts, e.g. "{scale}人" or "{scale}元"',
    ),
    "unit.two_scales": (
        '单位 {unit} 有两个量级词:只写一个,如写 "亿元" 而不是 "万万元"',
        'unit {unit} has two scale words: write one, e.g. "亿元" rather than "万万元"',
    ),
    "unit.scaled_percent": (
        '单位 {unit} 给百分比加了量级:请写 "%"(或 "‰")',
        'unit {unit} puts a scale on a percentage: write "%" (or "‰")',
    ),
    # --- what a qualifier word says (parse/grammar.py, load/targets.py) ---
    "qualifier.at_least": ("至少", "at least"),
    "qualifier.at_most": ("至多", "at most"),
    "qualifier.more_than": ("超过", "more than"),
    "qualifier.less_than": ("不到", "less than"),
    "qualifier.just_under": ("不到", "just under"),
    "qualifier.about": ("约", "about"),
    # --- values of the wrong type, named in TOML/YAML words (parse/grammar.described) ---
    "value.null": ("空值(null)", "an empty value (null)"),
    "value.list": ("列表", "a list"),
    "value.table": ("表", "a table"),
    "value.other": ("{type} 类型的值", "a value of type {type}"),
    # --- quantities (parse/quantity.py, parse/grammar.py) ---
    "quantity.unknown_role": (
        "未知的角色 {role}:可选 {roles}",
        "unknown role {role}: use one of {roles}",
    ),
    "quantity.wrong_type": (
        '无法把 {what} 读作数量:请写 5.31 这样的数,或 "5.31万" 这样的字符串',
        "cannot read {what} as a quantity: write a number such as 5.31 or a string such as "
        '"5.31万"',
    ),
    "quantity.wrong_type_one": (
        '无法把 {what} 读作数量:请写一个数,如 5.31,或 "5.31万" 这样的字符串',
        "cannot read {what} as a quantity: write one number such as 5.31 or a string such as "
        '"5.31万"',
    ),
    "quantity.too_long": (
        '{raw} 长 {length} 个字符:数量是 "5.31万人" 这样的短文本;句子请写在 quote 或 note 中',
        '{raw} is {length} characters long: a quantity is a short text such as "5.31万人"; put '
        "sentences in quote or note",
    ),
    "quantity.negative_yu": (
        '{raw}:负数后面不能跟“{yu}”;请写如 "-5000"',
        '{raw}: "{yu}" cannot follow a negative number; write e.g. "-5000"',
    ),
    "quantity.negative_rate": (
        '{raw} 是负数:完成率不可能为负;请写不带 "-" 的数',
        '{raw} is negative: a completion rate cannot be; write the amount without "-"',
    ),
    "quantity.two_scales": (
        '{raw} 有两个量级词:只写一个,如 "5.31万" 或 "2亿"(不要写 "2万万")',
        '{raw} has two scale words: write one, e.g. "5.31万" or "2亿" (not "2万万")',
    ),
    "quantity.two_yu": (
        '{raw} 有两个“余/多”:只写一个,如 "5000余" 或 "1.7万余"',
        '{raw} has two of 余/多: write one, e.g. "5000余" or "1.7万余"',
    ),
    "quantity.yu_qualifier": (
        '{raw} 同时用了“{word}”和“{yu}”:只写其一,如 "{digits}{yu}" 或 "超{digits}"',
        '{raw} combines "{word}" with "{yu}": write one of them, e.g. "{digits}{yu}" or '
        '"超{digits}"',
    ),
    "quantity.yu_zero": (
        '{raw}:“{yu}”前面需要一个非零的数,如 "5000{yu}"',
        '{raw}: "{yu}" needs a non-zero number before it, e.g. "5000{yu}"',
    ),
    "quantity.contradiction": (
        "{raw} 有两个相互矛盾的限定词:“{pre}”({first})和“{suf}”({second}):请保留一个",
        '{raw} has two qualifiers that contradict each other: "{pre}" ({first}) and "{suf}" '
        "({second}): keep one",
    ),
    "quantity.bad_unit": (
        "无法读取 {raw} 中的单位:{reason}",
        "cannot read the unit in {raw}: {reason}",
    ),
    "quantity.unit_without_goal_unit": (
        "{raw} 写了单位“{unit}”,但目标没有可对应的单位:请写纯数字或百分比",
        '{raw} names the unit "{unit}" but the goal has no unit to match: write a bare number '
        "or a percentage",
    ),
    "quantity.bad_tolerance": (
        '无法对 {raw} 应用容差:容差必须是不小于零的数,如 tolerance = "0.5%"',
        "cannot apply the tolerance to {raw}: it must be a number of at least zero, e.g. "
        'tolerance = "0.5%"',
    ),
    "points.no_unit": (
        "{raw} 以百分点计,但目标没有单位:百分点只用于两个百分比之差;请写以目标单位计的数",
        "{raw} is in percentage points, but the goal has no unit: percentage points only "
        "measure differences between two percentages; write a number in the goal's unit",
    ),
    "points.unit": (
        "{raw} 以百分点计,但目标的单位是“{unit}”:百分点只用于两个百分比之差;请写以目标单位计的数",
        '{raw} is in percentage points, but the goal has the unit "{unit}": percentage points '
        "only measure differences between two percentages; write a number in the goal's unit",
    ),
    "points.role": (
        "{raw} 以百分点计,百分点是两个百分比之差的单位(用于自报差距、容差、相对目标的 plus):"
        '请把数值本身写成百分比,如 "{number}%"',
        "{raw} is in percentage points, the unit of a difference between two percentages (a "
        "stated gap, a tolerance, a relative target's plus): write the figure itself as a "
        'percentage, e.g. "{number}%"',
    ),
    "points.gap_percent": (
        '{raw}:两个百分比之间的差距以百分点计,而不是 "%"(那可能被理解为目标的一个比例):'
        '请写 "{number}个百分点"',
        '{raw}: a gap between two percentages is in percentage points, not "%" (which could '
        'mean a share of the target): write "{number}个百分点"',
    ),
    # --- numbers (parse/grammar.py, parse/quantity.py) ---
    "number.two_points": (
        '无法把 {raw} 读作数:最多只能有一个小数点,如 "5.31万"',
        'cannot read {raw} as a number: write digits with at most one decimal point, e.g. "5.31万"',
    ),
    "number.thousands": (
        '无法把 {raw} 读作数:千位分隔符每三位一组(如 "15,000"),小数点是 "."(如 "1.5")',
        "cannot read {raw} as a number: thousands separators group three digits (e.g. "
        '"15,000"), and the decimal point is "." (e.g. "1.5")',
    ),
    "number.trailing_point": (
        '无法把 {raw} 读作数:小数点后请写数字,或者不写小数点:"{whole}"',
        'cannot read {raw} as a number: write digits after the decimal point, or none: "{whole}"',
    ),
    "number.too_many_digits": (
        "{raw} 的位数太多:小数点前后各最多写 {most} 位,大数请用 万 或 亿 等量级",
        "{raw} has too many digits: write at most {most} before and after the decimal point, "
        "with a scale such as 万 or 亿 for large numbers",
    ),
    "number.chinese": (
        '无法读取 {raw}:本工具读不了中文数字 {numeral};请用阿拉伯数字写,如 一千二百 写作 "1200"',
        "cannot read {raw}: {numeral} is not a Chinese numeral this tool reads; write it with "
        'digits, e.g. "1200" for 一千二百',
    ),
    "number.minus": (
        '无法把 {raw} 读作数:开头最多写一个 "-",如 "-5"',
        'cannot read {raw} as a number: write at most one leading "-", e.g. "-5"',
    ),
    "number.exponent": (
        '无法把 {raw} 读作数:不接受指数写法;请写出各位数字,大数用 万 或 亿 等量级,如 "5.31亿"',
        "cannot read {raw} as a number: exponents are not accepted; write the digits, with a "
        'scale such as 万 or 亿 for large numbers, e.g. "5.31亿"',
    ),
    "number.range": (
        '无法把 {raw} 读作一个数:区间请写成两个值,如 target = ["2%", "3%"]',
        'cannot read {raw} as one number: write a band as two values, e.g. target = ["2%", "3%"]',
    ),
    "number.leading_point": (
        '无法把 {raw} 读作数:小数点前请写数字,如 "0.5"',
        'cannot read {raw} as a number: write a digit before the decimal point, e.g. "0.5"',
    ),
    "number.malformed": (
        '无法把 {raw} 读作数:请写数字(最多一个小数点,开头最多一个 "-"),'
        '再写量级和单位,如 "5.31万人"',
        "cannot read {raw} as a number: write digits with at most one decimal point and at most "
        'one leading "-", then the scale and unit, e.g. "5.31万人"',
    ),
    "number.missing": (
        '{raw} 中没有数:请写数字,如 "5.31万"、"85%以上" 或 "5000余人"',
        '{raw} has no number: write digits, e.g. "5.31万", "85%以上" or "5000余人"',
    ),
    "number.int_too_large": (
        '超过 {most} 位的数太大:请写带量级的字符串,如 "5.31亿"',
        "a number of more than {most} digits is too large: write a string with a scale such as "
        '"5.31亿"',
    ),
    "number.not_finite": (
        "无法把 {raw} 读作数量:请写有限的数,如 5.31",
        "cannot read {raw} as a quantity: write a finite number such as 5.31",
    ),
    "number.too_large": (
        '{raw} 太大:小数点前最多写 {most} 位,或写带量级的字符串,如 "5.31亿"',
        "{raw} is too large: write at most {most} digits before the decimal point, or a string "
        'with a scale such as "5.31亿"',
    ),
    "number.too_many_places": (
        "{raw} 的小数位太多:最多写 {most} 位",
        "{raw} has too many decimal places: write at most {most}",
    ),
}
