"""Tables written as text: a row's cells on one line, parted by blanks or bars. A progress
table gives the year's task in one cell, what was done in the next and the completion rate
after them ("城镇新增就业 万人 5.2 7.23 139.1%", "新增城镇就业 区人社局 8950人 6453人 72%"):
the done figure is the outcome, the task its target and the rate its stated rate, whenever
the rate is the one the two figures make (so that no run of numbers is read as a row by
chance)."""

from __future__ import annotations

import bisect
import itertools
import re
from fractions import Fraction

from tracker.extract.candidates import MEASURE_WORDS, Candidate, read_value
from tracker.extract.text import Paragraph, alternation, containing, paragraph_at

_MEASURE = alternation(MEASURE_WORDS)
_UNIT = rf"(?:万|亿)?(?:{_MEASURE})"
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_GAP = r"[ \t|]+"  # cells parted by blanks (a full-width blank is a blank after NFKC) or bars

# Task, done, rate: three cells, the units of the first two written in them or not at all.
_ROW = re.compile(
    rf"(?<![0-9.%/])(?P<task>{_NUM})(?P<task_unit>{_UNIT})?{_GAP}"
    rf"(?P<done>{_NUM})(?P<done_unit>{_UNIT})?{_GAP}(?P<rate>{_NUM})%"
)

# ... or the task at the end of a longer cell or inside it, a cell of who leads it between, what
# was done as a bare number ("城镇新增就业2450人 | 县人社局 | 2712 | 110.69%", "推进不少于5个公墓
# 新建… | 县民政局 | 4.26 | 85.2%").
_SPLIT_ROW = re.compile(
    rf"(?<![0-9.%/])(?P<pre>不少于|不低于|至少)?(?P<task>{_NUM})(?P<task_unit>{_UNIT})"
    rf"[^|0-9。]{{0,40}}?{_GAP}(?:[^|0-9。 \t]{{1,12}}{_GAP})?"
    rf"(?P<done>{_NUM})(?P<done_unit>{_UNIT})?{_GAP}(?P<rate>{_NUM})%"
)

# The unit in a column of its own, just before the task ("公里  1360 1361.92 100.1%",
# "元/月/人 …").
_UNIT_CELL = re.compile(rf"(?:^|[ \t|])(?P<unit>{_UNIT}(?:/[\u4e00-\u9fff]{{1,2}})*){_GAP}$")

# ... or the measure word of a figure in the row's name, the cell just before ("减少义务教育大
# 班额1.4万个以上 869 1022 117.6%", "新增15万户直播卫星用户 12800 7854 61.4%": the name carries
# the higher level's task, counted in the same measure word).
_NAMED_UNIT = re.compile(rf"[0-9](?:万|亿)?(?P<unit>{_MEASURE})[^ \t|]*?{_GAP}$")

# A completion rate is written to a tenth or to the whole percent, often cut rather than
# rounded ("51个 3个 5%"): within one point.
_SLACK = Fraction(1)


def table_rows(norm: str, paragraphs: list[Paragraph], cands: list[Candidate]) -> list[Candidate]:
    """The candidates with every task / done / rate row of a table read: the done figure
    carries its target and rate (both consumed), figures without a unit in the text take the
    row's (the task's, the unit column's, the name's)."""
    by_start = {c.start: c for c in cands}
    added: list[Candidate] = []
    for row in itertools.chain(_ROW.finditer(norm), _SPLIT_ROW.finditer(norm)):
        task_value, done_value = Fraction(row["task"]), Fraction(row["done"])
        rate_value = Fraction(row["rate"])
        if task_value <= 0 or abs(done_value / task_value * 100 - rate_value) > _SLACK:
            continue
        unit = row["done_unit"] or row["task_unit"] or _row_unit(norm, row.start())
        if unit is None or (row["task_unit"] and row["done_unit"] and row["task_unit"] != unit):
            continue
        para = paragraph_at(paragraphs, row.start())
        pre = row.groupdict().get("pre")
        task = _cell(para, by_start, added, row, "task", unit, row["task_unit"], pre=pre)
        done = _cell(para, by_start, added, row, "done", unit, row["done_unit"])
        rate = _cell(para, by_start, added, row, "rate", "%", "%")
        if task is None or done is None or rate is None or done.goal_target is not None:
            continue
        done.goal_target, done.rate = task, rate
        done.related.extend((task, rate))
        task.consumed = rate.consumed = True
    _standard_rows(norm, paragraphs, by_start, added)
    _count_cells(norm, paragraphs, by_start, added)
    _progress_cells(norm, by_start)
    return sorted([*cands, *added], key=lambda c: c.start)


# A bar table's cell naming a count ("城市保障人次 | 8584 | 持续推进中", "…办理人次 | 县人社局 |
# 921 |"), a cell of who leads it between or not: the bare number is that count.
_COUNT_CELL = re.compile(
    r"(?P<name>人次|人数|户数)[ \t]*\|[ \t]*(?:[^|0-9。 \t]{1,12}[ \t]*\|[ \t]*)?"
    rf"(?P<done>{_NUM})(?=[ \t]*\|)"
)
_COUNT_UNIT = {"人次": "人次", "人数": "人", "户数": "户"}


def _count_cells(
    norm: str, paragraphs: list[Paragraph], by_start: dict[int, Candidate], added: list[Candidate]
) -> None:
    headers = [
        (h.start(), h.end())
        for h in _BAR_HEADER.finditer(norm)
        if "序号" in h.group() or _TASK_COLUMN.search(h.group()) or _DONE_COLUMN.search(h.group())
    ]
    for row in _COUNT_CELL.finditer(norm):
        if row.start("done") in by_start or any(a <= row.start() < b for a, b in headers):
            continue  # a figure already, or a header's column name ("帮扶人数 |" then row 1)
        para = paragraph_at(paragraphs, row.start())
        _cell(para, by_start, added, row, "done", _COUNT_UNIT[row["name"]], None)


# A task's cell, then the progress cell as a bare percentage ("区商务粮食局 2家 98% 已经完成主体
# 工程"): the task is a target, the percentage the progress made on it.
_PROGRESS_CELL = re.compile(
    rf"(?<=[ \t|])(?P<task>{_NUM})(?P<task_unit>{_UNIT}){_GAP}"
    r"(?P<rate>[0-9]+(?:\.[0-9]+)?)%(?=[ \t|]|[\u4e00-\u9fff])"
)


def _progress_cells(norm: str, by_start: dict[int, Candidate]) -> None:
    for row in _PROGRESS_CELL.finditer(norm):
        task, rate = by_start.get(row.start("task")), by_start.get(row.start("rate"))
        if task is None or rate is None or task.consumed or rate.consumed:
            continue
        if task.goal_target is not None or task.rate is not None or task.column is not None:
            continue
        if rate.parsed > _WHOLE or not _PROGRESS_AFTER.match(norm, row.end()):
            continue  # "地区生产总值 1234.5亿元 6.5%": a value and its growth, not progress
        task.column, rate.column = "target", "outcome"


_WHOLE = 100
# What the cell after a progress percentage tells: the work done or under way.
_PROGRESS_AFTER = re.compile(r"[ \t|]*(?:已经|已|完成|正在|进度|开工|竣工|建成|施工|推进|主体)")


# A standard's row under a unit column ("提高农村低保标准 元/年/人 不低于3700元 3840 达到目标…"):
# the standard set, then the standard reached, a bare number in the unit of the column.
_STANDARD_ROW = re.compile(
    rf"(?:^|(?<=[ \t|]))(?P<unit>{_UNIT}(?:/[\u4e00-\u9fff]{{1,2}}){{1,2}}){_GAP}"
    rf"(?P<pre>不低于|不少于|不高于|不超过)?(?P<task>{_NUM})(?P<task_unit>{_UNIT})?{_GAP}"
    rf"(?P<done>{_NUM})(?=[ \t|])"
)


# ... or, with no unit column, the standard reached writes the unit the standard set leaves out
# ("城乡居民最低生活保障标准 不低于3700 3840元").
_BARE_STANDARD_ROW = re.compile(
    rf"(?:^|(?<=[ \t|]))(?P<pre>不低于|不少于|不高于|不超过)(?P<task>{_NUM}){_GAP}"
    rf"(?P<done>{_NUM})(?P<done_unit>{_UNIT})(?=[ \t|\n]|$)"
)


def _standard_rows(
    norm: str, paragraphs: list[Paragraph], by_start: dict[int, Candidate], added: list[Candidate]
) -> None:
    for row in _BARE_STANDARD_ROW.finditer(norm):
        done = by_start.get(row.start("done"))
        if row.start("pre") in by_start or row.start("task") in by_start:
            continue  # the standard set is a figure of its own
        if done is None or done.consumed or done.goal_target is not None:
            continue
        if done.end != row.end("done_unit"):
            continue
        para = paragraph_at(paragraphs, row.start())
        task = _cell(para, by_start, added, row, "task", done.unit, None, pre=row["pre"])
        if task is None:
            continue
        done.goal_target = task
        done.related.append(task)
        task.consumed = True
    for row in _STANDARD_ROW.finditer(norm):
        unit = row["unit"]
        if row["task_unit"] and not unit.startswith(row["task_unit"] + "/"):
            continue
        task = by_start.get(row.start("pre") if row["pre"] else row.start("task"))
        para = paragraph_at(paragraphs, row.start())
        if task is None and not row["task_unit"]:
            # a bare number ("不低于3700"): no figure of its own, the task in the column's unit
            task = _cell(para, by_start, added, row, "task", unit, None, pre=row["pre"])
        task_end = row.end("task_unit") if row["task_unit"] else row.end("task")
        if task is None or task.consumed or task.end != task_end:
            continue
        done = _cell(para, by_start, added, row, "done", unit, None)
        if done is None or done.goal_target is not None:
            continue
        task.unit = unit  # the column's: "60元" of 元/月/人
        done.goal_target = task
        done.related.append(task)
        task.consumed = True


# A table whose cells are parted by bars ("序号 | 项目内容 | 年度完成情况 | 完成成效 | 责任单位 |"):
# the header names a column of tasks and a column of what was done; every row after it has as
# many cells, so a cell's column is its place counted from the header, lines lost or not.
_BAR_HEADER = re.compile(r"[^|。0-9]{1,8}(?:\|[^|。0-9]{1,12}){3,12}\|")
_TASK_COLUMN = re.compile(
    r"项目内容|建设内容|目标任务|任务目标|工作目标|年度目标|年度任务|实事内容"
    r"|内容(?:与|和|及)要求|目标要求"  # a 督查 table's "序号 | 内容与要求 | 完成情况 | 责任单位 |"
)
_DONE_COLUMN = re.compile(r"完成情况|进展情况|实际完成|完成数|进度情况")
_CELL_LENGTH = 300  # a longer run without a bar is no longer the table


def bar_columns(norm: str, cands: list[Candidate]) -> None:
    """Mark the figures in a bar table's column of tasks as targets and those in its column of
    what was done as outcomes."""
    for header in _BAR_HEADER.finditer(norm):
        names = [re.sub(r"\s+", "", cell) for cell in header.group().split("|")[:-1]]
        tasks = [i for i, name in enumerate(names) if _TASK_COLUMN.search(name)]
        done = [
            i
            for i, name in enumerate(names)
            if tasks and i > tasks[0] and _DONE_COLUMN.search(name)
        ]
        if len(tasks) != 1 or not done:
            continue
        _mark(norm, cands, header.end(), len(names), tasks[0], done[0])


def _mark(norm: str, cands: list[Candidate], at: int, width: int, task: int, done: int) -> None:
    spans: list[tuple[int, int, int]] = []  # start, end, column
    column = 0  # the cell after the header's last bar opens the first row (its number)
    while True:
        bar = norm.find("|", at, at + _CELL_LENGTH)
        if bar < 0:
            break
        spans.append((at, bar, column))
        at, column = bar + 1, (column + 1) % width
    if not spans:
        return
    starts = [start for start, _, _ in spans]
    for cand in cands:
        if not spans[0][0] <= cand.start < spans[-1][1]:
            continue  # outside the table
        start, end, col = spans[bisect.bisect_right(starts, cand.start) - 1]
        if start <= cand.start < end:
            if col == task:
                cand.column = "target"
            elif col == done:
                cand.column = "outcome"


def _row_unit(norm: str, start: int) -> str | None:
    before = norm[max(start - 40, 0) : start]
    cell = _UNIT_CELL.search(before) or _NAMED_UNIT.search(before)
    return cell["unit"] if cell else None


def _cell(
    para: Paragraph,
    by_start: dict[int, Candidate],
    added: list[Candidate],
    row: re.Match[str],
    name: str,
    unit: str,
    written: str | None,
    pre: str | None = None,
) -> Candidate | None:
    """The figure in the cell ``name`` of ``row``: the candidate read there already, else one
    made here, in the unit the cell writes after its number (``written``) or else in the
    row's (``unit``, noted as the row's); ``pre`` is the word before the number (不低于)."""
    start = row.start(name) - len(pre or "")
    end = row.end(name) + len(written or "")
    known = by_start.get(start)
    if known is not None:
        return known if known.end == end and not known.consumed else None
    cand = Candidate(
        start=start,
        end=end,
        number=row[name],
        pre=pre,
        yu=None,
        scale=None,
        unit=written or unit,
        suf=None,
        unit_note=None if written else _UNIT_NOTE,
        paragraph=para,
        sentence=containing(para.sentences, start),
        clause=containing(para.clauses, start),
    )
    if not read_value(cand):
        return None
    added.append(cand)
    by_start[start] = cand
    return cand


_UNIT_NOTE = "unit: the table row's (no measure word in the cell)"
