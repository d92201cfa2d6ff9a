"""Every user-facing label, in Chinese and English."""

from __future__ import annotations

import os
from typing import Literal

from tracker.messages import MESSAGES, plurals

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")

LABELS: dict[str, tuple[str, str]] = {
    # statuses (SPEC §2.1)
    "achieved": ("已完成", "achieved"),
    "on_track": ("进度正常", "on track"),
    "at_risk": ("需加快", "at risk"),
    "behind": ("滞后", "behind"),
    "missed": ("未完成", "missed"),
    "overdue": ("逾期未报", "overdue"),
    "unclear": ("待核实", "unclear"),
    "no_data": ("无数据", "no data"),
    "no_target": ("无目标", "no target"),
    # flags
    "implied_target": ("推算目标", "implied target"),
    "relative_target": ("相对目标", "relative target"),
    "approximate": ("约数", "approximate"),
    "stale": ("数据过期", "stale"),
    "rate_inconsistent": ("完成率不符", "rate inconsistent"),
    "early": ("提前完成", "early"),
    "late": ("未按期", "late"),
    # kinds and measures
    "at_least": ("不低于", "at least"),
    "at_most": ("不超过", "at most"),
    "range": ("区间", "range"),
    "milestone": ("节点任务", "milestone"),
    "flow": ("累计量", "flow"),
    "level": ("水平值", "level"),
    "growth": ("增长率", "growth"),
    "consistent": ("一致", "consistent"),
    "inconsistent": ("不一致", "inconsistent"),
    # table columns
    "col.region": ("地区", "Region"),
    "col.goal": ("目标", "Goal"),
    "col.id": ("编号", "ID"),
    "col.target": ("目标值", "Target"),
    "col.actual": ("实际", "Actual"),
    "col.as_of": ("截至", "As of"),
    "col.ratio": ("完成率", "Ratio"),
    "col.progress": ("进度条", "Progress"),
    "col.pace": ("进度比", "Pace"),
    "col.gap": ("差距", "Gap"),
    "col.status": ("状态", "Status"),
    "col.category": ("类别", "Category"),
    "col.deadline": ("期限", "Deadline"),
    # phrases
    "title.status": ("目标完成情况", "Target status"),
    "as_of": ("评估日期", "Evaluated at"),
    "total": ("共{n}项", "{n} goals"),
    "total.one": ("共{n}项", "{n} goal"),
    "none": ("没有符合条件的目标。", "No goals match."),
    "done": ("已完成", "done"),
    "not_done": ("未完成", "not done"),
    "legend.implied": (
        "* 推算目标(由实际值÷自报完成率)",
        "* implied target (actual ÷ stated rate)",
    ),
    "legend.approximate": ("~ 约数", "~ approximate"),
    "legend.inconsistent": ("! 自报完成率与数据不符", "! stated rate does not match the figures"),
    "legend.stale": ("# 期限已过但无最终数据", "# past deadline, no final figure"),
    "legend.late": (
        "» 期限过后才报告或完成(未按期)",
        "» reported or done after the deadline (late)",
    ),
    "notice.bundled": (
        "提示:未找到 targets/ 目录,正在使用内置示例数据(用 --data 指定数据目录)",
        "notice: no targets/ directory found; using the bundled sample data (set --data)",
    ),
    "notice.problems": (
        "数据文件有{n}个问题(运行 tracker check 查看详情)",
        "{n} {n|problem|problems} in the data files (run `tracker check` for details)",
    ),
    # --- tracker show, report, regions ---
    "col.elapsed": ("时序进度", "Elapsed"),
    "col.stated_rate": ("自报完成率", "Stated rate"),
    "col.rate_check": ("核对", "Rate check"),
    "col.written": ("报告值", "As written"),
    "col.value": ("数值", "Value"),
    "col.count": ("数量", "Goals"),
    "col.share": ("占比", "Share"),
    "col.indicator": ("指标", "Indicator"),
    "col.own": ("本级", "Own"),
    "col.subtree": ("合计", "Total"),
    "field.kind": ("类型", "Kind"),
    "field.period": ("期限", "Period"),
    "field.baseline": ("基线", "Baseline"),
    "field.tolerance": ("容差", "Tolerance"),
    "field.owner": ("责任单位", "Owner"),
    "field.tags": ("标签", "Tags"),
    "field.note": ("备注", "Note"),
    "field.quote": ("原文", "Quote"),
    "field.source": ("来源", "Source"),
    "field.flags": ("标记", "Flags"),
    "show.definition": ("目标定义", "Definition"),
    "show.outcomes": ("历史数据", "Outcomes"),
    "show.no_outcomes": ("尚无数据。", "No outcomes yet."),
    "show.later": (
        "另有{n}条数据晚于评估日期,未显示(见 --as-of)。",
        "{n} later {n|outcome|outcomes}, dated after the evaluation date, not shown (see --as-of).",
    ),
    "show.chart": ("历史走势", "History"),
    "show.now": ("评估日期 {date} 的状态:", "Status at {date}: "),
    "show.stated_vs_computed": ("按数据计算为 {computed}", "the figures give {computed}"),
    "show.fraction": ("{num}/{den} = {exact}", "{num}/{den} = {exact}"),
    "chart.actual": ("实际", "actual"),
    "chart.target": ("目标", "target"),
    "chart.on_pace": ("按时序进度应达", "on pace (time elapsed)"),
    "chart.completion": ("完成进度", "Completion"),
    "chart.completion_note": (
        "条形为完成进度(有基线时为从基线到目标的进度),虚线为 100%,黑色短竖线为时序进度。",
        "Bars show completion (from the baseline where there is one); the dashed line is "
        "100 %, the black tick the share of time elapsed.",
    ),
    "chart.status_by_region": ("各地区目标状态", "Goals by status and region"),
    "chart.elapsed": ("时序进度", "time elapsed"),
    "error.unknown_goal": ("未知的目标编号:{id}", "unknown goal id: {id}"),
    "error.closest": ("最接近的编号:{ids}", "closest ids: {ids}"),
    "error.no_close": (
        "没有相近的编号(用 tracker status --format json 列出全部)",
        "no close match (list them with `tracker status --format json`)",
    ),
    "report.title": ("目标完成情况报告", "Target report"),
    "report.title_scope": ("{scope}目标完成情况报告", "Target report: {scope}"),
    "report.goals": ("共{n}项目标", "{n} goals"),
    "report.goal_one": ("共{n}项目标", "{n} goal"),
    "report.filter.year": ("年份", "year"),
    "report.filter.category": ("类别", "category"),
    "report.filter.status": ("状态", "status"),
    "report.overview": ("概览", "Overview"),
    "report.lead": (
        "共跟踪{total}项,其中{targeted}项有明确目标值或节点任务:{counts}。",
        "Goals tracked: {total}; with a target or a deadline: {targeted} ({counts}).",
    ),
    "report.lead_count": ("{label}{n}项", "{n} {label}"),
    "report.total": ("合计", "Total"),
    "report.by_region": ("分地区情况", "By region"),
    "report.figures_only": ("其他报告数据(无量化目标)", "Other reported figures (no target)"),
    "report.attention": (
        "需要关注:未完成、逾期未报、滞后、待核实",
        "Needs attention: missed, overdue, behind, unclear",
    ),
    "report.attention_none": (
        "没有未完成、逾期未报、滞后或待核实的目标。",
        "No goal is missed, overdue, behind or unclear.",
    ),
    "report.inconsistent": ("自报完成率与数据不符", "Inconsistent stated rates"),
    "report.inconsistent_lead": (
        "以下各项按报道自身的数据计算不成立。",
        "The report's own arithmetic does not hold for these figures.",
    ),
    "report.inconsistent_none": (
        "未发现自报完成率与数据不符的情况。",
        "No stated rate contradicts its own figures.",
    ),
    "report.stated_vs_computed": (
        "自报完成率 {stated},按 {actual} ÷ {target} 计算为 {computed}",
        "stated rate {stated}, but {actual} ÷ {target} gives {computed}",
    ),
    "report.fraction_vs_value": (
        "{num}/{den} = {exact},报道写作 {written}",
        "{num}/{den} = {exact}, printed as {written}",
    ),
    "report.sources": ("数据来源", "Sources"),
    "report.source_goals": ("{n}项目标", "{n} {n|goal|goals}"),
    "report.source_unknown": ("(数据文件中未登记此来源)", "(not listed among the sources)"),
    "report.method": ("说明", "How to read this"),
    "report.method_ratio": (
        "完成率 = 完成进度:有基线时为从基线到目标已走过的比例,否则为实际值 ÷ 目标值"
        "(上限类目标无基线时不计);差距为距目标还差多少,负数表示已超出目标,"
        "百分比指标以百分点计。",
        "Ratio = completion: the share of the way from the baseline to the target where there "
        "is a baseline, else actual ÷ target (none for a ceiling without a baseline). Gap = how "
        "far short of the target, negative beyond it; in percentage points for % goals.",
    ),
    "report.method_lag": (
        "按落后时序进度的百分点判断(红黄绿灯):落后不超过{green}个百分点为进度正常,"
        "不超过{yellow}个百分点为需加快,超过为滞后。",
        "Judged by lag behind the time-elapsed schedule: at most {green} pp behind is on "
        "track, at most {yellow} pp at risk, more is behind.",
    ),
    "report.method_overdue": (
        "期限已过而没有期末数据的目标记为“逾期未报”;期末数据晚于期限的标注“未按期”。",
        "A goal past its deadline without a final figure is overdue; a final figure dated "
        "after the deadline is marked late.",
    ),
    "report.method_pace": (
        "进度比 = 完成进度 ÷ 时序进度(期限内已过时间的比例):不低于 {on} 为进度正常,"
        "不低于 {risk} 为需加快,低于 {risk} 为滞后。",
        "Pace = progress ÷ the share of the period elapsed: {on} or more is on track, "
        "{risk} or more at risk, below {risk} behind.",
    ),
    "report.method_interval": (
        "带小数或“万”等单位的数字代表其四舍五入的区间;区间跨越目标时记为“待核实”。",
        "A figure with decimals or a scale (万) stands for the interval its rounding covers; "
        "when that interval straddles the target the status is unclear.",
    ),
    "report.generated": (
        "由 tracker 根据数据文件生成。",
        "Generated by tracker from the data files.",
    ),
    "report.written": ("已写入 {path}", "wrote {path}"),
    "title.regions": ("地区", "Regions"),
    "regions.note": (
        "“合计”及各状态列含下级地区的目标。",
        "Total and the status columns include the goals of sub-regions.",
    ),
    # --- tracker record, add ---
    "record.done": (
        "已记录 {goal}:{value}(截至 {as_of})→ {where}",
        "recorded {goal}: {value} as of {as_of} → {where}",
    ),
    "record.replaced": (
        "已替换 {goal} 截至 {as_of} 的数据:{value} → {where}",
        "replaced {goal} as of {as_of} with {value} → {where}",
    ),
    "record.bundled": (
        "未找到数据目录(正在使用只读的内置示例数据):在含 targets/ 的目录中运行,或用 --data 指定",
        "no data directory found (the bundled sample is read-only): "
        "run inside a directory with targets/, or pass --data",
    ),
    "write.dry_run": ("试运行:未写入任何内容", "dry run: nothing written"),
    "add.done": ("已添加目标 {goal} → {where}", "added goal {goal} → {where}"),
    "add.outside": (
        "提示:{file} 不在数据目录 {root} 中,tracker 读取数据时不会包含它",
        "note: {file} is outside the data directory {root}; tracker will not read it there",
    ),
    "prompt.title": ("指标名称(按报告原文)", "Title (the indicator as the report names it)"),
    "prompt.file": ("写入文件", "File to write"),
    "prompt.region": ("地区", "Region"),
    "prompt.kind": ("类型", "Kind"),
    "prompt.unit": ("单位(人、%、所…)", "Unit (人, %, 所 …)"),
    "prompt.measure": ("计量方式(留空:按单位自动)", "Measure (empty: by unit)"),
    "prompt.period": ("期限(2023 或 2021-2025)", "Period (2023 or 2021-2025)"),
    "prompt.target": ("目标值(留空表示无)", "Target (empty: none stated)"),
    "prompt.category": ("类别(留空跳过)", "Category (empty: none)"),
    "prompt.source": ("来源编号(留空跳过)", "Source id (empty: none)"),
    "prompt.quote": ("原文引述(留空跳过)", "Quote (empty: none)"),
    "prompt.id": ("编号", "Id"),
    # --- tracker check ---
    "check.error": ("错误", "error"),
    "check.warning": ("警告", "warning"),
    "check.acknowledged": ("已确认", "acknowledged"),
    "check.files": ("检查了{n}个文件:", "{n} files checked: "),
    "check.files_one": ("检查了{n}个文件:", "{n} file checked: "),
    "check.n_errors": ("{n}个错误", "{n} errors"),
    "check.n_errors_one": ("{n}个错误", "{n} error"),
    "check.promoted": ("(其中{n}个是 --strict 视为错误的警告)", " ({n} from warnings, --strict)"),
    "check.n_warnings": ("{n}个警告", "{n} warnings"),
    "check.n_warnings_one": ("{n}个警告", "{n} warning"),
    "check.clean": ("没有问题", "no problems"),
    "check.n_acknowledged": ("{n}个已确认", "{n} acknowledged"),
    "check.list_acknowledged": ("(--show-acknowledged 列出)", " (--show-acknowledged lists them)"),
    "check.separator": (",", ", "),
    # --- tracker diff ---
    "diff.title": ("数据变更:{old} → {new}", "Changes from {old} to {new}"),
    "diff.worktree": ("工作区", "the working tree"),
    "diff.at": ("状态评估日期 {date}", "statuses at {date}"),
    "diff.none": ("数据没有变化。", "No changes to the data."),
    "diff.no_data": ("{rev}:{path} 下没有数据文件", "{rev}: no data under {path}"),
    "diff.goalpost": ("目标值调整", "goalpost moved"),
    "diff.n.goalposts": ("{n}项目标值调整", "{n} goalposts moved"),
    "diff.n.goalposts_one": ("{n}项目标值调整", "{n} goalpost moved"),
    "diff.n.changed": ("{n}项其他定义变更", "{n} other goal changes"),
    "diff.n.changed_one": ("{n}项其他定义变更", "{n} other goal change"),
    "diff.n.added": ("新增{n}项目标", "{n} goals added"),
    "diff.n.added_one": ("新增{n}项目标", "{n} goal added"),
    "diff.n.removed": ("删除{n}项目标", "{n} goals removed"),
    "diff.n.removed_one": ("删除{n}项目标", "{n} goal removed"),
    "diff.n.outcomes_added": ("新增{n}条数据", "{n} outcomes added"),
    "diff.n.outcomes_added_one": ("新增{n}条数据", "{n} outcome added"),
    "diff.n.outcomes_restated": ("修订{n}条数据", "{n} outcomes restated"),
    "diff.n.outcomes_restated_one": ("修订{n}条数据", "{n} outcome restated"),
    "diff.n.outcomes_removed": ("删除{n}条数据", "{n} outcomes removed"),
    "diff.n.outcomes_removed_one": ("删除{n}条数据", "{n} outcome removed"),
    "diff.n.status": ("{n}项状态变化", "{n} status changes"),
    "diff.n.status_one": ("{n}项状态变化", "{n} status change"),
    "diff.changed_all": ("目标定义变更", "Goals changed"),
    "diff.added": ("新增目标", "Goals added"),
    "diff.removed": ("删除目标", "Goals removed"),
    "diff.outcomes_added": ("新增数据", "Outcomes added"),
    "diff.outcomes_restated": ("数据修订", "Outcomes restated"),
    "diff.outcomes_removed": ("删除数据", "Outcomes removed"),
    "diff.status": ("状态变化", "Status changes"),
    "diff.col.before": ("原值", "Before"),
    "diff.col.after": ("新值", "After"),
    "diff.col.change": ("变更", "Change"),
    "diff.col.date": ("日期", "Date"),
    "diff.col.figure": ("数据", "Figure"),
    "diff.field.target": ("目标值", "target"),
    "diff.field.kind": ("类型", "kind"),
    "diff.field.period": ("期限", "period"),
    "diff.field.unit": ("单位", "unit"),
    "diff.field.measure": ("计量方式", "measure"),
    "diff.field.baseline": ("基线", "baseline"),
    "diff.field.tolerance": ("容差", "tolerance"),
    "diff.field.title": ("名称", "title"),
    "diff.field.region": ("地区", "region"),
    # --- tracker site ---
    "site.title": ("目标完成情况", "Target tracker"),
    "site.home": ("首页", "Home"),
    "site.skip": ("跳到正文", "Skip to content"),
    "site.downloads": ("数据下载", "Downloads"),
    "site.downloads_lead": (
        "完整的评估数据集(与本站同一评估日期),可用 Excel/WPS、DuckDB、Datasette 等工具打开:",
        "The whole evaluated dataset (same evaluation date as the site), for Excel/WPS, "
        "DuckDB, Datasette and other tools:",
    ),
    "site.file": ("文件", "File"),
    "site.size": ("大小", "Size"),
    "site.language": ("语言", "Language"),
    "site.by_status": ("按状态", "By status"),
    "site.by_region": ("按地区", "By region"),
    "site.by_category": ("按类别", "By category"),
    "site.regions_top": (
        "这里列出上两级地区;更下级的地区见各地区页面。",
        "The top two levels; the regions below them are on each region's page.",
    ),
    "site.lagging": ("落后于时序进度", "Behind schedule"),
    "site.lagging_lead": (
        "完成进度落后于时间进度的目标,落后最多的在前。",
        "Goals whose progress trails the share of time elapsed, furthest behind first.",
    ),
    "site.overdue_lead": (
        "期限已过而没有期末数据的目标。",
        "Goals past their deadline without a final figure.",
    ),
    "site.none": ("没有。", "None."),
    "site.all": ("全部{n}项 →", "All {n} →"),
    "site.filter": ("筛选", "Filter"),
    "site.filter_hint": ("输入关键词", "type to filter"),
    "site.chips": ("按状态显示或隐藏", "Show or hide by status"),
    "site.shown": ("显示 {shown} / {total} 项", "{shown} of {total} shown"),
    "site.pages": ("分页", "Pages"),
    "site.page": ("第{n}页", "page {n}"),
    "site.page_of": ("第{n}页,共{pages}页", "page {n} of {pages}"),
    "site.subregions": ("下级地区", "Sub-regions"),
    "site.region_goals": ("{region}及下级地区的目标", "Goals of {region} and its sub-regions"),
    "site.uncategorised": ("未分类", "Uncategorised"),
    "site.category": ("类别:{name}", "Category: {name}"),
    "site.status": ("状态:{name}", "Status: {name}"),
    "site.outcomes_lead": (
        "每条数据按其自身日期评估(当时的完成率、时序进度和状态)。",
        "Each figure is judged as of its own date (the completion, time elapsed and status then).",
    ),
    "site.history": ("变更记录", "Change history"),
    "site.history_lead": (
        "数据文件的 git 提交记录中该目标的变更,最近的在前。",
        "Changes to this goal in the data's git history, newest first.",
    ),
    "site.history_start": ("(记录起点)", "(start of the record)"),
    "site.event.added": ("新增目标", "goal added"),
    "site.event.changed": ("修改了{fields}", "changed the {fields}"),
    "site.event.outcome_added": (
        "新增 {date} 的数据:{value}",
        "added the figure for {date}: {value}",
    ),
    "site.event.outcome_restated": (
        "修订 {date} 的数据:{old} → {new}",
        "restated the figure for {date}: {old} → {new}",
    ),
    "site.event.outcome_removed": (
        "删除 {date} 的数据:{value}",
        "removed the figure for {date}: {value}",
    ),
    "site.chart_label": (
        "{title}:{n}个数据点的历史走势",
        "{title}: history of {n} {n|figure|figures}",
    ),
    "site.chart_note": (
        "圆点为各期数据(竖线为其四舍五入区间),虚线为目标,点线为按时序进度应达到的水平。",
        "Dots are the figures (whiskers: the interval their rounding covers); the dashed line "
        "is the target, the dotted line where a goal exactly on pace would be.",
    ),
    "site.source_link": ("原文", "source"),
    "site.generated": (
        "由 tracker 根据数据文件生成 · 评估日期 {date}",
        "Generated by tracker from the data files · evaluated at {date}",
    ),
    "site.done": ("已生成网站:{pages}个页面 → {dir}", "wrote the site: {pages} pages → {dir}"),
    "site.not_empty": (
        "{dir} 不是空目录:加 --force 将替换 tracker site 写入的内容(其他文件保留)",
        "{dir} is not empty: add --force to replace what tracker site writes there "
        "(other files are kept)",
    ),
    "site.not_directory": ("{dir} 已存在且不是目录", "{dir} exists and is not a directory"),
    "site.unwritable": ("无法写入 {dir}:{reason}", "cannot write to {dir}: {reason}"),
    # --- tracker status --columns ---
    "col.lag": ("落后", "Lag pp"),  # percentage points behind schedule (negative: ahead)
    "col.due": ("期限", "Due"),
    "col.lag_text": ("时序进度", "Lag"),
    "col.owner": ("责任单位", "Owner"),
    # --- tracker rank ---
    "col.rank": ("排名", "Rank"),
    "col.period": ("期限", "Period"),
    "col.from_mean": ("较均值", "vs mean"),
    "col.from_median": ("较中位数", "vs median"),
    "rank.title": ("“{label}”各地区排名", "Regions ranked on {label}"),
    "rank.by.completion": ("按完成率", "by completion"),
    "rank.by.lag": ("按落后时序进度(落后越少越靠前)", "by lag behind schedule (least first)"),
    "rank.by.value": ("按数值", "by value"),
    "rank.by.value_low": ("按数值(越低越靠前)", "by value (lowest first)"),
    "rank.indicator": ("指标 {name}", "indicator {name}"),
    "rank.average": (
        "{n}个地区 · 均值 {mean} · 中位数 {median}",
        "{n} {n|region|regions} · mean {mean} · median {median}",
    ),
    "rank.note.no_goals": (
        "没有符合筛选条件的“{label}”目标。",
        "No goal of {label} matches the filters.",
    ),
    "rank.note.single_region": (
        "只有{region}报告了这一指标,没有可比较的地区,无从排名。",
        "Only {region} reports this indicator: there is no other region to rank it against.",
    ),
    "rank.note.mixed_periods": (
        "参与排名的目标期限不同({periods}),可用 --year 限定年份。",
        "The ranked goals cover different periods ({periods}); narrow them with --year.",
    ),
    "rank.note.latest_period": (
        "有的地区有多个期限的目标,取其最近一期参与排名。",
        "Where a region has goals for several periods, its latest is ranked.",
    ),
    "rank.note.unranked": (
        "{n}个地区没有{what},列在排名之后、不计名次。",
        "{n} {n|region|regions} without {what} {n|is|are} listed after the ranking, unranked.",
    ),
    "rank.note.try_value": (
        "其中有的地区报告了数据但没有目标:--by value 按数据本身排名。",
        "Some of them report a figure without a target: --by value ranks the figures themselves.",
    ),
    "rank.note.mixed_units": (
        "各地区的计量单位不同,不能按数值排名;请改用 --by completion。",
        "The regions' units differ, so their figures cannot be ranked; use --by completion.",
    ),
    "rank.what.completion": ("完成率", "a completion figure"),
    "rank.what.lag": ("时序进度数据", "a lag"),
    "rank.what.value": ("数据", "a figure"),
    "error.unknown_indicator": ("未知的指标:{query}", "unknown indicator: {query}"),
    "error.closest_indicators": ("最接近的指标:{names}", "closest indicators: {names}"),
    "error.no_close_indicator": (
        "没有相近的指标(指标是目标的 indicator 字段,或目标名称)",
        "no close match (an indicator is a goal's indicator field, or its title)",
    ),
    # --- tracker report --style notice ---
    "notice.title": ("{scope}目标任务推进情况通报", "Progress notice: {scope}"),
    "notice.title_all": ("目标任务推进情况通报", "Progress notice"),
    "notice.as_of": ("评估日期:{date}", "Evaluated at {date}"),
    "notice.version": ("数据版本:{commit}({date}提交)", "data at commit {commit} ({date})"),
    "notice.version_dirty": (
        "数据版本:{commit}({date}提交,另有未提交的修改)",
        "data at commit {commit} ({date}), with uncommitted changes",
    ),
    "notice.overview": ("一、总体情况", "1. Overview"),
    "notice.lights": (
        "纳入本次通报的目标任务共{tasks}项,其中绿灯{green}项、黄灯{yellow}项、红灯{red}项、"
        "暂无评价{none}项。",
        "{tasks} {tasks|task|tasks}: {green} green, {yellow} yellow, {red} red, {none} not yet "
        "judged.",
    ),
    "notice.breakdown": ("按状态分:{counts}。", "By status: {counts}."),
    "notice.figures_only": (
        "另有{n}项只报告了数据、没有量化目标,不列入本通报。",
        "{n} further {n|figure|figures} reported without a target {n|is|are} not listed.",
    ),
    "notice.grid": ("二、任务进度一览", "2. Progress by region and task"),
    "notice.grid_legend": (
        "绿灯:已完成,或落后时序进度不超过{green}个百分点;黄灯:落后{green}至{yellow}个百分点"
        "(或尚未达到目标);红灯:落后超过{yellow}个百分点、未完成或逾期未报;“暂无评价”:尚无数据或"
        "数据待核实。每格依次为目标、进度(最新数据)和完成比例。",
        "Green: achieved, or at most {green} pp behind the time-elapsed schedule; yellow: "
        "{green} to {yellow} pp behind (or not yet at the target); red: more than {yellow} pp "
        "behind, missed or overdue; not judged: no data yet, or unclear. Each cell shows the "
        "target, the progress (latest figure) and the completion.",
    ),
    "col.task": ("任务", "Task"),
    "light.green": ("绿灯", "green"),
    "light.yellow": ("黄灯", "yellow"),
    "light.red": ("红灯", "red"),
    "light.none": ("暂无评价", "not judged"),
    "cell.target": ("目标", "target"),
    "cell.progress": ("进度", "progress"),
    "cell.completion": ("完成比例", "completion"),
    "notice.overdue": ("三、逾期未报", "3. Overdue"),
    "notice.overdue_none": ("没有逾期未报的目标任务。", "No task is overdue."),
    "notice.overdue_item": (
        "{region}“{title}”:期限{deadline},已逾期{days}天,未报送期末数据{latest}。",
        "{region}, {title}: due {deadline}, {days} {days|day|days} overdue without a final "
        "figure{latest}.",
    ),
    "notice.latest": ("(最近数据截至{date})", " (latest figure: {date})"),
    "notice.lagging": ("四、进度滞后", "4. Behind schedule"),
    "notice.lagging_none": (
        "没有落后时序进度超过{green}个百分点的目标任务。",
        "No task is more than {green} pp behind schedule.",
    ),
    "notice.lagging_item": (
        "{region}“{title}”:目标{target},截至{date}完成{actual},完成比例{completion},"
        "落后时序进度{lag}个百分点({light})。",
        "{region}, {title}: target {target}, {actual} by {date} ({completion} done), "
        "{lag} pp behind schedule ({light}).",
    ),
    "notice.due": ("五、{days}天内到期", "5. Due within {days} {days|day|days}"),
    "notice.due_none": (
        "{days}天内没有到期而未完成的目标任务。",
        "No unfinished task is due within {days} {days|day|days}.",
    ),
    "notice.due_item": (
        "{region}“{title}”:{deadline}到期(还有{days}天),目标{target},目前{state}。",
        "{region}, {title}: due {deadline} (in {days} {days|day|days}), target {target}, "
        "now {state}.",
    ),
    "notice.due_state": ("完成{actual}({status})", "{actual} ({status})"),
    "notice.owner": ("责任单位:{owner}", "owner: {owner}"),
    "notice.inconsistent": ("六、自报完成率与数据不符", "6. Stated rates that do not add up"),
    "notice.request": (
        "请亮红灯、黄灯和逾期未报任务的责任单位认真查找原因,加快推进,并及时报送最新进展数据。",
        "Owners of red, yellow and overdue tasks: please find the cause, speed up, and report "
        "the latest figures.",
    ),
    "notice.method": ("说明", "Notes"),
    "notice.generated": (
        "本通报由 tracker 根据数据文件生成。",
        "Generated by tracker from the data files.",
    ),
    # tracker extract
    "extract.summary": (
        "共提取{n}个数字:目标{targets}个,实际值{outcomes}个。"
        "请逐条对照引文核对,尤其是标有 guessed 的字段",
        "extracted {n} {n|figure|figures}: {targets} {targets|target|targets}, {outcomes} "
        "{outcomes|outcome|outcomes}. Check each against its quote, especially the fields "
        "marked guessed",
    ),
    "extract.data_errors": (
        "提示:数据目录 {root} 有{n}处错误(tracker check 列出),未能读取的目标不参与匹配",
        "notice: the data directory {root} has {n} {n|error|errors} (tracker check lists them); "
        "goals that could not be read are not matched, so their figures may come out as new "
        "goals",
    ),
    "extract.unknown_region": (
        "提示:数据中没有地区“{region}”,草稿按原样使用,并附一个待补全的 [[region]]",
        'notice: region "{region}" is not in the data; the draft uses it as given, '
        "with a [[region]] stub to complete",
    ),
}


def t(key: str, lang: Lang, **values: object) -> str:
    """The label for ``key`` in ``lang`` (the key itself when unknown, so nothing crashes)."""
    if values.get("n") == 1 and f"{key}.one" in LABELS:
        key = f"{key}.one"  # English singular; Chinese needs none
    pair = LABELS.get(key) or MESSAGES.get(key)
    text = key if pair is None else pair[0 if lang == "zh" else 1]
    return plurals(text, values).format(**values) if values else text


def unknown_lang(environ: dict[str, str] | None = None) -> str | None:
    """``$TRACKER_LANG`` when it is set but names no language tracker speaks (``fr``), else
    None: the run then speaks the locale's language, and says so."""
    env = os.environ if environ is None else environ
    value = env.get("TRACKER_LANG", "").strip()
    return value if value and value.lower()[:2] not in LANGS else None


def default_lang(environ: dict[str, str] | None = None) -> Lang:
    """$TRACKER_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    env = os.environ if environ is None else environ
    choice = env.get("TRACKER_LANG", "").strip().lower()[:2]  # zh_CN.UTF-8 → zh
    if choice in LANGS:
        return choice  # type: ignore[return-value,unused-ignore]  # membership checked above
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
