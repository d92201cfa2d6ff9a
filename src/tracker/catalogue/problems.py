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
    # --- files (load/file.py, load/discover.py, parse/readers.py) ---
    "problem.E001": ("无法读取文件:{reason}", "cannot read file: {reason}"),
    "problem.E001.not_regular": (
        "不是普通文件:请删除,或改名使其不以 .toml/.yaml/.yml 结尾",
        "not a regular file: remove it, or rename it without .toml/.yaml/.yml",
    ),
    "problem.E002": (
        "文件不是 UTF-8 编码(字节偏移 {byte}):请转换,如 "
        "`iconv -f {encoding} -t UTF-8 {src} > {dst}`",
        "file is not UTF-8 (byte {byte}): convert it, e.g. "
        "`iconv -f {encoding} -t UTF-8 {src} > {dst}`",
    ),
    "problem.E002.utf16": (
        "文件是 UTF-16 文本:请转换:`iconv -f UTF-16 -t UTF-8 {src} > {dst}`",
        "file is UTF-16 text: convert it: `iconv -f UTF-16 -t UTF-8 {src} > {dst}`",
    ),
    "problem.E002.binary": (
        "文件是二进制数据(含 NUL 字节):请确认这是你要的数据文件,并另存为 UTF-8 文本",
        "file is binary data (it contains NUL bytes): check that it is the data file you meant "
        "and save it as UTF-8 text",
    ),
    "problem.E003": ("{error}:{hint}", "{error}: {hint}"),
    "problem.E004": (
        "顶层必须是表:请写 [[goal]]、[[region]]、[[source]] 和 [defaults] 各节",
        "the top level must be a table: write [[goal]], [[region]], [[source]] and [defaults] "
        "sections",
    ),
    "problem.E004.defaults": ("[defaults] 必须是表", "[defaults] must be a table"),
    "problem.E004.array": (
        "{key} 必须是表的数组:请写 [[{key}]]",
        "{key} must be an array of tables: write [[{key}]]",
    ),
    "problem.E004.entries": (
        "{key} 的每一项都必须是表:请把每项写成一节 [[{key}]]",
        "{key} entries must be tables: write each as a [[{key}]] section",
    ),
    "problem.E004.goal": (
        "goal 的每一项都必须是表:请写 [[goal]]",
        "goal entries must be tables: write [[goal]]",
    ),
    "problem.E005": (
        "文件有 {size} 字节,超过数据文件允许的 {most} 字节:未读取;"
        "请拆分成几个文件(每个地区或年份一个)",
        "file is {size} bytes, more than the {most} a data file may have: it is not read; "
        "split it into several files (one per region or year)",
    ),
    "problem.E006": (
        "{name} 嵌套超过 {most} 层:数据文件只需几层;请去掉多余的嵌套",
        "{name} is nested more than {most} levels deep: data files need a few levels; remove "
        "the extra nesting",
    ),
    "problem.E006.toml": (
        "TOML 嵌套过深:数据文件最多只需 {most} 层;请去掉多余的嵌套(TOML 解析器的原话:“{detail}”)",
        "TOML nested too deep: data files need at most {most} levels; remove the extra nesting "
        '(the TOML parser said: "{detail}")',
    ),
    "problem.E006.yaml": (
        "YAML 嵌套超过 {most} 层:请去掉多余的嵌套",
        "YAML nested more than {most} levels deep: remove the extra nesting",
    ),
    "problem.E006.yaml_recursion": (
        "YAML 嵌套过深:数据文件最多只需 {most} 层;请去掉多余的嵌套",
        "YAML nested too deep: data files need at most {most} levels; remove the extra nesting",
    ),
    "problem.E007": (
        'YAML 标签 {tag} 被拒绝:不接受标签;请删除它,写普通的值(文本加引号:"…")',
        "YAML tag {tag} refused: tags are not accepted; remove it and write plain values (quote "
        'text: "…")',
    ),
    "problem.E007.alias": (
        "YAML 别名 *{name} 被拒绝:不接受锚点和别名;请把值逐一写出(或使用 [defaults])",
        "YAML alias *{name} refused: anchors and aliases are not accepted; write the values out "
        "(or use [defaults])",
    ),
    "problem.E007.anchor": (
        "YAML 锚点 &{name} 被拒绝:不接受锚点和别名;请删除锚点并把值逐一写出",
        "YAML anchor &{name} refused: anchors and aliases are not accepted; remove the anchor "
        "and write the values out",
    ),
    "problem.E008": (
        "文件链接“{target}”指向数据目录之外:未读取;请把数据复制到数据目录中,或让链接指向目录之内",
        'file link to "{target}" leads outside the data directory: it is not read; copy the '
        "data into the data directory, or point the link inside it",
    ),
    "problem.E008.directory": (
        "目录链接“{target}”指向数据目录之外:未读取;请把数据复制到数据目录中,或让链接指向目录之内",
        'directory link to "{target}" leads outside the data directory: it is not read; copy '
        "the data into the data directory, or point the link inside it",
    ),
    # --- fields (load/context.py, load/screen.py, load/build.py, load/targets.py) ---
    "problem.E102": ("{where}:{detail}{hint}", "{where}: {detail}{hint}"),
    "problem.E104": ("{where}:{detail}{hint}", "{where}: {detail}{hint}"),
    "problem.E103.source_id": (
        '缺少必填字段“id”:请在此 [[source]] 中添加 id = "…"',
        'missing required field "id": add id = "…" to this [[source]]',
    ),
    "problem.E103.region": (
        '缺少必填字段“region”:请添加 region = "…"(或在 [defaults] 中统一设置)',
        'missing required field "region": add region = "…" (or set it once in [defaults])',
    ),
    "problem.E103.unit": (
        '缺少必填字段“unit”:请添加 unit = "人"(或 "%"、"所" …)',
        'missing required field "unit": add unit = "人" (or "%", "所" …)',
    ),
    "problem.E103.period": (
        '没有期限:请添加 period = 2023(或 "2021-2025"),或写 start = / deadline = 日期',
        'no period: add period = 2023 (or "2021-2025"), or start = / deadline = dates',
    ),
    "problem.E103.range": (
        '区间目标需要 target = [下限, 上限] 或容差:请添加 tolerance = "0.5%"',
        'a range goal needs target = [low, high] or a tolerance: add tolerance = "0.5%"',
    ),
    "problem.E103.done": (
        "节点任务的数据需要 done = true 或 done = false",
        "a milestone outcome needs done = true or done = false",
    ),
    "problem.E103.figure": (
        "数据需要一个数值:请添加 value = …(或 numerator = … 和 denominator = …)",
        "an outcome needs a figure: add value = … (or numerator = … and denominator = …)",
    ),
    "problem.E103.ratio": (
        "numerator 与 denominator 须同时给出:请两个都写",
        "numerator and denominator go together: give both",
    ),
    "problem.E105": (
        "acknowledge 列出了“{code}”,这是错误:错误不能确认,请修正数据(可确认的有:{codes})",
        'acknowledge lists "{code}", an error: errors cannot be acknowledged, fix the data '
        "instead (acknowledgeable: {codes})",
    ),
    "problem.E105.unused": (
        "acknowledge 列出了“{code}”,即“确认未被使用”的警告:"
        "请删除未被使用的代码(可确认的有:{codes})",
        'acknowledge lists "{code}", the unused-acknowledgement warning: remove the unused code '
        "instead (acknowledgeable: {codes})",
    ),
    "problem.E105.other": (
        "acknowledge 列出了“{code}”,它不是可确认的警告(可确认的有:{codes})",
        'acknowledge lists "{code}", not a warning that can be acknowledged (acknowledgeable: '
        "{codes})",
    ),
    "problem.E106": (
        "{name} 长 {length} 个字符,超过允许的 {most} 个:请把 {name} 写短一些",
        "{name} is {length} characters long, more than the {most} allowed: write a shorter {name}",
    ),
    "problem.E106.key": (
        '{where} 中有一个长 {length} 个字符的键:键是字段名,如 "title";请删除',
        'a key of {length} characters in {where}: keys are field names such as "title"; remove it',
    ),
    "problem.E107": (
        "{name} 含有不可见字符或控制字符 {char}:"
        "请删除(名称和编号按原样显示和匹配,不能含有这类字符)",
        "{name} contains the invisible or control character {char}: remove it (names and ids "
        "are shown and matched as written, so they may hold none)",
    ),
    "problem.E108": (
        "{text} 在 YAML 1.1 中是{what}({value}),与 YAML 1.2 的读法不同:请写普通的十进制数"
        '(如 {value}),作文本请加引号("{text}")',
        "{text} is {what} in YAML 1.1 ({value}), not what YAML 1.2 reads: write the number in "
        'plain decimals (e.g. {value}), or quote it ("{text}") for text',
    ),
    "problem.E108.bool": (
        "{text} 在 YAML 1.1 中是布尔值 {value},在 YAML 1.2 中是文本:作开关请写 {value},"
        '作文本请加引号("{text}")',
        "{text} is the boolean {value} in YAML 1.1 but text in YAML 1.2: write {value} for a "
        'flag, or quote it ("{text}") for text',
    ),
    "problem.E108.octal": (
        "{text} 在 YAML 1.1 中是 {value}(八进制),在 YAML 1.2 中是 {decimal}:请写不带前导 0 的数,"
        '作文本请加引号("{text}")',
        "{text} is {value} in YAML 1.1 (octal) but {decimal} in YAML 1.2: write the number you "
        'mean without the leading 0, or quote it ("{text}") for text',
    ),
    "problem.E108.infinite": (
        "{text} 不是有限的数:请写如 5.31 这样的数",
        "{text} is not a finite number: write a number such as 5.31",
    ),
    "yaml11.base60": ("六十进制数", "a base-60 number"),
    "yaml11.separators": ("带 _ 分隔符的数", "a number with _ separators"),
    "yaml11.hexadecimal": ("十六进制数", "a hexadecimal number"),
    "yaml11.binary": ("二进制数", "a binary number"),
    "yaml11.other": ("YAML 1.2 不读的数", "a number YAML 1.2 does not read"),
    # a quantity that cannot be read (its reason: parse/quantity.py), or in the wrong unit
    "problem.E110": ("{field}:{reason}", "{field}: {reason}"),
    "problem.E111": ("{field}:{reason}", "{field}: {reason}"),
    "problem.E110.band": (
        '区间目标需要恰好两个值:target = ["2%", "3%"]',
        'a range target needs exactly two values: target = ["2%", "3%"]',
    ),
    "problem.E110.backwards": (
        "区间 [{low}, {high}] 上下颠倒:请先写下限",
        "band [{low}, {high}] runs backwards: write the lower edge first",
    ),
    "problem.E110.denominator": (
        "denominator 必须为正数:请写该数值所占的那个总数",
        "denominator must be positive: write the total the figure is a share of",
    ),
    "problem.E112": (
        "节点任务没有目标值:请删除 target,数据用 done = true 记录",
        "a milestone has no target: remove target, record outcomes with done = true",
    ),
    "problem.E112.unit": (
        "节点任务没有单位:请删除 unit(数据写 done = true|false)",
        "a milestone has no unit: remove unit (outcomes say done = true|false)",
    ),
    "problem.E112.value": (
        "节点任务的数据没有数值:请用 done = true|false",
        "a milestone outcome has no value: use done = true|false",
    ),
    "problem.E112.done": (
        'done = … 只用于节点任务:请删除它,或在目标上设 kind = "milestone"',
        'done = … is for milestones: remove it, or set kind = "milestone" on the goal',
    ),
    "problem.E112.gap": (
        "节点任务没有差距:请删除 stated_gap(数据写 done = true|false)",
        "a milestone has no gap: remove stated_gap (outcomes say done = true|false)",
    ),
    "problem.E112.band": (
        'target 是区间 [下限, 上限],但 kind 不是 "range":请设 kind = "range"',
        'target is a band [low, high] but kind is not "range": set kind = "range"',
    ),
    "problem.E112.band_edge": (
        "“{text}”:区间端点不带 以上/不超过 这类限定词:请只写数",
        '"{text}": a band edge takes no qualifier like 以上/不超过: write the number',
    ),
    "problem.E112.direction": (
        'target:“{text}”表示“{qualifier}”,但 kind 是 "{kind}":请修改 kind 或措辞',
        'target: "{text}" says {qualifier} but kind is "{kind}": change kind or the wording',
    ),
    "problem.E113": (
        "value:{value} 是负数,而“{unit}”的数量不可能为负:请写来源给出的数(减少体现为更小的数)",
        'value: {value} is negative, and a number of "{unit}" cannot be: write the count the '
        "source gives (a decrease is a smaller figure)",
    ),
    "problem.E114": (
        "{field}:{value} 是负数,而{why}不可能为负:请写来源给出的数;"
        '减少的目标请写 kind = "at_most" 和更小的数,增减幅度请写 measure = "growth" 的增长率',
        "{field}: {value} is negative, and {why} cannot be: write the figure the source gives; "
        'a reduction is kind = "at_most" with a smaller figure, a rate of change is a '
        'measure = "growth" goal',
    ),
    "problem.E114.count": ("“{unit}”的数量", 'a number of "{unit}"'),
    "problem.E114.flow": (
        "流量目标(期内从零累计的数)",
        "the target of a flow (a total counted from zero within the period)",
    ),
    "problem.E120": ("{field}:{reason}", "{field}: {reason}"),
    "problem.E120.order": (
        "deadline {deadline} 早于 start {start}:请交换两者或修正期限",
        "deadline {deadline} is before start {start}: swap them or fix the period",
    ),
    # --- relative targets (load/targets.py, load/merge.py) ---
    "problem.E140": (
        'target = {{ goal = "{ref}" }} 指向的目标不在数据集中{hint}:请修正编号,'
        "或添加被引用的目标(它可以还没有数据)",
        'target = {{ goal = "{ref}" }} names no goal of the dataset{hint}: fix the id, or add '
        "the referenced goal (it may have no figure yet)",
    ),
    "problem.E141": (
        'target = {{ goal = "{ref}" }}:那个目标的单位是“{other}”,本目标是“{unit}”;相对目标只能'
        "同类相比:请改为引用单位相同的目标,或把目标写成数值",
        'target = {{ goal = "{ref}" }}: that goal counts "{other}", this one "{unit}"; a '
        "relative target compares like with like: change the reference to a goal with the same "
        "unit, or write the target as a number",
    ),
    "problem.E142": (
        "目标“{id}”的 target 经 target = {{ goal = … }} 引用又回到自身:"
        "请把其中一个目标写成数值以打破循环",
        'the target of "{id}" leads back to itself through target = {{ goal = … }} references: '
        "break the cycle by writing one of these targets as a number",
    ),
    "problem.E143": (
        '相对目标需要 kind 为 "at_least" 或 "at_most"(不少于上年、不高于上年),而不是 "{kind}":'
        "请修改 kind,或把目标写成数值",
        'a relative target needs kind "at_least" or "at_most" (不少于上年, 不高于上年), not '
        '"{kind}": change kind, or state the target as a number',
    ),
    "problem.E143.both": (
        '相对目标只取 change(比上年增长5%:change = "5%")或 plus(比上年增加2000人:plus = "2000")'
        "之一,不能两个都写:请保留来源所述的那个",
        'a relative target takes change (比上年增长5%: change = "5%") or plus (比上年增加2000人: '
        'plus = "2000"), not both: keep the one the source states',
    ),
    # --- region names and acknowledgements (core/checks.py) ---
    "problem.E137": (
        "地区“{name}”与地区“{first}”({where})规范化后是同一个名称(不区分简繁体、全角字母、大小写和空格):"
        "若是同一地区请只保留一项,否则改名其一(如加上上级:巴彦淖尔临河)",
        'region "{name}" and region "{first}" ({where}) are one name once normalised '
        "(simplified and traditional characters, full-width letters, case and spaces are not "
        "told apart): if they are one region keep one entry, else rename one (e.g. with its "
        "parent: 巴彦淖尔临河)",
    ),
    "problem.W207": (
        "地区“{name}”的别名“{alias}”是地区“{other}”({where})的名称:"
        "--region {alias} 会选中“{other}”;请删除此别名",
        'alias "{alias}" of region "{name}" is the name of region "{other}" ({where}): '
        '--region {alias} selects "{other}"; remove the alias',
    ),
    "problem.W206": (
        "acknowledge 列出了“{code}”,但此目标没有 {code} 问题({what}):请从 acknowledge 中删除",
        'acknowledge lists "{code}" but this goal has no {code} finding ({what}): remove it '
        "from acknowledge",
    ),
    "problem.W206.outcome": (
        "acknowledge 列出了“{code}”,但此数据没有 {code} 问题({what}):请从 acknowledge 中删除",
        'acknowledge lists "{code}" but this outcome has no {code} finding ({what}): remove '
        "it from acknowledge",
    ),
    "problem.W206.goal_level": (
        "acknowledge 列出了“{code}”,但 {code} 是报告在目标上而不是数据上的:"
        "请把它移到目标的 acknowledge 中,或删除",
        'acknowledge lists "{code}" but {code} is reported on the goal, not on an outcome: move '
        "it to the goal's acknowledge, or remove it",
    ),
    "finding.W201": (
        "自报完成率与 数值 ÷ 目标 不符",
        "a stated rate that value ÷ target does not give",
    ),
    "finding.W202": (
        "数值与 分子 ÷ 分母 不符",
        "a value that numerator ÷ denominator does not give",
    ),
    "finding.W203": ("目标没有来源", "a goal without a source"),
    "finding.W204": ("目标没有原文引述", "a goal without a quote"),
    "finding.W205": ("累计数下降", "a cumulative figure that falls"),
    "finding.W212": ("自报差距与数据不符", "a stated gap that the figures do not give"),
}
