"""Tables written as text: a row's cells on one line, parted by blanks or bars. A progress
table gives the year's task in one cell, what was done in the next and the completion rate
after them ("城镇新增就业 万人 5.2 7.23 139.1%", "新增城镇就业 区人社局 8950人 6453人 72%"):
the done figure is the outcome, the task its target and the rate its stated rate, whenever
the rate is the one the two figures make (so that no run of numbers is read as a row by
chance)."""

from __future__ import annotations

import itertools
import re
from fractions import Fraction

from tracker.extract.candidates import MEASURE_WORDS, Candidate, read_value
from tracker.extract.text import Paragraph, alternation, containing, paragraph_at

_MEASURE = alternation(MEASURE_WORDS)
UNIT = rf"(?:万|亿)?(?:{_MEASURE})"
_NUM = r"[0-9]+(?:\.[0-9]+)?"
_GAP = r"[ \t|]+"  # cells parted by blanks (a full-width blank is a blank after NFKC) or bars

# Task, done, rate: three cells, the units of the first two written in them or not at all, or
# the task's scale only ("10000万 |7965 |80%": the done cell in the same 万).
_ROW = re.compile(
    rf"(?<![0-9.%/])(?P<task>{_NUM})(?P<task_unit>{UNIT}|万|亿)?{_GAP}"
    rf"(?P<done>{_NUM})(?P<done_unit>{UNIT})?{_GAP}(?P<rate>{_NUM})%"
)

# ... or the task at the end of a longer cell or inside it, a cell of who leads it between, what
# was done as a bare number ("城镇新增就业2450人 | 县人社局 | 2712 | 110.69%", "推进不少于5个公墓
# 新建… | 县民政局 | 4.26 | 85.2%").
_SPLIT_ROW = re.compile(
    rf"(?<![0-9.%/])(?P<pre>不少于|不低于|至少)?(?P<task>{_NUM})(?P<task_unit>{UNIT})"
    rf"[^|0-9。]{{0,40}}?{_GAP}(?:[^|0-9。 \t]{{1,12}}{_GAP})?"
    rf"(?P<done>{_NUM})(?P<done_unit>{UNIT})?{_GAP}(?P<rate>{_NUM})%"
)

# The unit in a column of its own, just before the task ("公里  1360 1361.92 100.1%",
# "元/月/人 …").
_UNIT_CELL = re.compile(rf"(?:^|[ \t|])(?P<unit>{UNIT}(?:/[\u4e00-\u9fff]{{1,2}})*){_GAP}$")

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
        para = paragraph_at(paragraphs, row.start())
        pre = row.groupdict().get("pre")
        if row["task_unit"] in ("万", "亿"):
            task, unit = _scaled_task(norm, para, by_start, added, row)
        else:
            unit = row["done_unit"] or row["task_unit"] or _row_unit(norm, row.start())
            if unit is None or (row["task_unit"] and row["done_unit"] and row["task_unit"] != unit):
                continue
            task = _cell(para, by_start, added, row, "task", unit, row["task_unit"], pre=pre)
        if unit is None:
            continue
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
    _lone_tasks(norm, paragraphs, by_start, added)
    cands = _glued_rows(norm, paragraphs, [*cands, *added])
    return sorted(cands, key=lambda c: c.start)


def _scaled_task(
    norm: str,
    para: Paragraph,
    by_start: dict[int, Candidate],
    added: list[Candidate],
    row: re.Match[str],
) -> tuple[Candidate | None, str | None]:
    """A task's cell with its scale and no measure word ("完成征缴基金10000万元 |区人社局 |10000万
    |7965 |80%"): money or people as the row's name tells, the done cell in the same scale."""
    name = norm[max(row.start() - 40, 0) : row.start()].rpartition("%")[2]
    base = "元" if _MONEY_NAME.search(name) else "人" if _PEOPLE_NAME.search(name) else None
    if base is None or row["done_unit"] or row.start("task") in by_start:
        return None, None
    scale = row["task_unit"]
    task = new_cell(para, by_start, added, row.start("task"), row["task"], base, False, scale)
    return task, scale + base


_MONEY_NAME = re.compile(r"资金|经费|投资|基金|补贴|补助|预算|收入|款|税|费|元")


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
        for h in BAR_HEADER.finditer(norm)
        if "序号" in h.group() or TASK_COLUMN.search(h.group()) or DONE_COLUMN.search(h.group())
    ]
    for row in _COUNT_CELL.finditer(norm):
        if row.start("done") in by_start or any(a <= row.start() < b for a, b in headers):
            continue  # a figure already, or a header's column name ("帮扶人数 |" then row 1)
        para = paragraph_at(paragraphs, row.start())
        _cell(para, by_start, added, row, "done", _COUNT_UNIT[row["name"]], None)


# A task's cell, then the progress cell as a bare percentage ("区商务粮食局 2家 98% 已经完成主体
# 工程"): the task is a target, the percentage the progress made on it.
_PROGRESS_CELL = re.compile(
    rf"(?<=[ \t|])(?P<task>{_NUM})(?P<task_unit>{UNIT}){_GAP}"
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


# Under a header naming the column of tasks ("序号 项目名称 责任单位 目标任务 …"), a task's cell
# with no done figure after it, only the remark ("区棚改办 5 因集体土地征收新政策出台滞后",
# "公安分局 4个 已完成人员配置", "数字化覆盖 8 11月底厂家开始安排发货"): the task, a target.
_TASK_HEADER = re.compile(
    r"序号[ \t|]+[^。]{0,40}?(?:目标任务|任务目标|工作目标|年度目标|年度任务)"
)
_TABLE_LENGTH = 3000  # how far after its header a table of this kind runs at most
_LONE_TASK = re.compile(
    rf"(?<=[\u4e00-\u9fff”)][ \t|])(?P<task>{_NUM})(?P<task_unit>{UNIT})?{_GAP}"
    rf"(?!{UNIT})(?=[\u4e00-\u9fff]|[0-9]{{1,2}}月)"
)


def _lone_tasks(
    norm: str, paragraphs: list[Paragraph], by_start: dict[int, Candidate], added: list[Candidate]
) -> None:
    header = _TASK_HEADER.search(norm)
    if header is None:
        return
    for row in _LONE_TASK.finditer(norm, header.end(), header.end() + _TABLE_LENGTH):
        known = by_start.get(row.start("task"))
        if known is not None:
            if row["task_unit"] and known.end == row.end("task_unit") and _alone(known):
                known.column = "target"
            continue
        unit = _row_unit(norm, row.start())
        if row["task_unit"] or unit is None:
            continue
        para = paragraph_at(paragraphs, row.start())
        task = new_cell(para, by_start, added, row.start("task"), row["task"], unit, False)
        if task is not None:
            task.column = "target"


def _alone(cand: Candidate) -> bool:
    """Whether no rule has tied the figure to another yet."""
    return not (cand.related or cand.consumed or cand.goal_target or cand.rate)


# A standard's row under a unit column ("提高农村低保标准 元/年/人 不低于3700元 3840 达到目标…"):
# the standard set, then the standard reached, a bare number in the unit of the column.
_STANDARD_ROW = re.compile(
    rf"(?:^|(?<=[ \t|]))(?P<unit>{UNIT}(?:/[\u4e00-\u9fff]{{1,2}}){{1,2}}){_GAP}"
    rf"(?P<pre>不低于|不少于|不高于|不超过)?(?P<task>{_NUM})(?P<task_unit>{UNIT})?{_GAP}"
    rf"(?P<done>{_NUM})(?=[ \t|])"
)


# ... or, with no unit column, the standard reached writes the unit the standard set leaves out
# ("城乡居民最低生活保障标准 不低于3700 3840元").
_BARE_STANDARD_ROW = re.compile(
    rf"(?:^|(?<=[ \t|]))(?P<pre>不低于|不少于|不高于|不超过)(?P<task>{_NUM}){_GAP}"
    rf"(?P<done>{_NUM})(?P<done_unit>{UNIT})(?=[ \t|\n]|$)"
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
# many cells, so a cell's column is its place counted from the header, lines lost or not. A
# header cell may name the months reported ("1-8月实际完成情况").
_HEADER_CELL = r"(?:[^|。0-9]|[0-9]{1,2} ?[-—至] ?[0-9]{1,2}月)"
# The header's last cell may run into the first row's number when the rows have no bar at their
# ends ("… | 责任单位1 | 新建…").
BAR_HEADER = re.compile(rf"{_HEADER_CELL}{{1,8}}(?:\|{_HEADER_CELL}{{1,12}}){{3,12}}(?:\||(?=1\|))")
TASK_COLUMN = re.compile(
    r"项目内容|建设内容|目标任务|任务目标|工作目标|年度目标|年度任务|实事内容"
    r"|内容(?:与|和|及)要求|目标要求"  # a 督查 table's "序号 | 内容与要求 | 完成情况 | 责任单位 |"
)
DONE_COLUMN = re.compile(r"完成情况|进展情况|实际完成|完成数|进度情况")


# A table whose cells stand one to a line, read with the line breaks dropped (as every copy of
# it reads): under a header naming the task and the rate ("目标任务 … 完成目标(%)"), a row's name
# ends in its unit in brackets and its cells' digits run together ("城镇新增就业(人)26000市人社局
# 32095123.4超额完成": the task, the department's cell, then done and rate in one run;
# "就业困难人员就业(人)20002519125.9": all three in one). A run is cut only where the arithmetic
# confirms it — done / task is the rate written, to its last digit — and only one cut does.
_GLUED_HEADER = re.compile(
    r"(?:目标任务|任务目标|年度目标|年度任务|工作目标|计划任务)[^。]{0,40}?(?:完成率|占比|之比|%)"
)
_GLUED_ROW = re.compile(
    rf"(?P<name>[^0-9]{{0,8}})\((?P<unit>{UNIT}|%)\)(?P<first>[0-9][0-9.]*)"
    r"(?:(?P<cell>[\u4e00-\u9fff、]{1,30}?)(?P<second>[0-9][0-9.]*))?"
)
_GLUED_NUMBER = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")
# A ceiling's rate is the task over what was done ("城镇登记失业率低于(%)4.34.17103.1": 4.3 over
# 4.17 is 103.1%).
_CEILING_NAME = re.compile(r"(?:低于|以下|以内|不高于|不超过|控制在)$")
# The remark after the rate says the task was exceeded: done is more than the task.
_EXCEEDED = re.compile(r"超额|超过")
# The rows' numbers (1, 2, 3 … before each row's name, "9*" marking a row of the city's own):
# not figures.
_ROW_NUMBER = re.compile(r"(?<![0-9.])[0-9]{1,2}(?=\*?[\u4e00-\u9fff])")
_PAST_LAST_ROW = 40  # the next row, whose figures the copy lost, still has its number


def _glued_rows(norm: str, paragraphs: list[Paragraph], cands: list[Candidate]) -> list[Candidate]:
    header = _GLUED_HEADER.search(norm)
    if header is None:
        return cands
    rows: list[tuple[re.Match[str], list[tuple[int, str]], bool]] = []
    for row in _GLUED_ROW.finditer(norm, header.end()):
        ceiling = _CEILING_NAME.search(row["name"]) is not None
        cut = _confirmed_cut(row, ceiling)
        if cut is not None:
            rows.append((row, cut, ceiling))
    if not rows:
        return cands
    taken = [(cells[0][0], cells[-1][0] + len(cells[-1][1])) for _, cells, _ in rows]
    kept = [c for c in cands if not any(start <= c.start < end for start, end in taken)]
    by_start = {c.start: c for c in kept}
    added: list[Candidate] = []
    for row, cells, ceiling in rows:
        para = paragraph_at(paragraphs, row.start())
        unit = row["unit"]
        made = [
            new_cell(para, by_start, added, at, number, "%" if i == 2 else unit, i == 2)
            for i, (at, number) in enumerate(cells)
        ]
        task, done, rate = made
        if task is None or done is None or rate is None:
            continue
        done.goal_target, done.rate, done.ceiling = task, rate, ceiling
        done.related.extend((task, rate))
        task.consumed = rate.consumed = True
    numbers = _row_numbers(norm, header.end(), taken[-1][1] + _PAST_LAST_ROW)
    return [c for c in [*kept, *added] if c.start not in numbers or c in added]


def _confirmed_cut(row: re.Match[str], ceiling: bool) -> list[tuple[int, str]] | None:
    """The one cut of the row's runs into task, done and rate (each with its place) that the
    rate confirms, or None."""
    first, at = row["first"], row.start("first")
    cuts = [
        [(at, task), (at + len(task), done), (at + len(task) + len(done), rate)]
        for task, done, rate in _pieces(first, 3)
        if _rate_holds(task, done, rate, ceiling)
    ]
    if row["second"] and _GLUED_NUMBER.fullmatch(first):
        second, at2 = row["second"], row.start("second")
        cuts += [
            [(at, first), (at2, done), (at2 + len(done), rate)]
            for done, rate in _pieces(second, 2)
            if _rate_holds(first, done, rate, ceiling)
        ]
    cuts = [cut for cut in cuts if not _exceeded(row.string, cut) or _beyond(cut, ceiling)]
    return cuts[0] if len(cuts) == 1 else None


def _exceeded(norm: str, cut: list[tuple[int, str]]) -> bool:
    at, rate = cut[-1]
    return _EXCEEDED.match(norm, at + len(rate)) is not None


def _beyond(cut: list[tuple[int, str]], ceiling: bool) -> bool:
    """Whether what was done goes beyond the task: more, or for a ceiling less."""
    task, done = Fraction(cut[0][1]), Fraction(cut[1][1])
    return done < task if ceiling else done > task


def _pieces(run: str, parts: int) -> list[tuple[str, ...]]:
    """Every cut of ``run`` into ``parts`` numbers as a table writes them (no leading zero, at
    most one point)."""
    out = []
    for cuts in itertools.combinations(range(1, len(run)), parts - 1):
        bounds = (0, *cuts, len(run))
        pieces = tuple(run[i:j] for i, j in itertools.pairwise(bounds))
        if all(_GLUED_NUMBER.fullmatch(p) for p in pieces):
            out.append(pieces)
    return out


def _rate_holds(task: str, done: str, rate: str, ceiling: bool) -> bool:
    """Whether ``rate`` is done over task (task over done for a ceiling) in percent, to the
    half of its last digit written."""
    t, d, r = Fraction(task), Fraction(done), Fraction(rate)
    if t <= 0 or d <= 0 or r <= 0:
        return False
    half = Fraction(1, 2 * 10 ** len(rate.partition(".")[2]))
    ratios = [d / t * 100] + ([t / d * 100] if ceiling else [])
    return any(abs(ratio - r) <= half for ratio in ratios)


def _row_numbers(norm: str, start: int, end: int) -> set[int]:
    """Where the rows' numbers stand: 1, 2, 3 … in order, one lost now and then (a row number
    run into the figure after it)."""
    places: set[int] = set()
    expected = 1
    for number in _ROW_NUMBER.finditer(norm, start, end):
        value = int(number.group())
        if value in (expected, expected + 1):
            places.add(number.start())
            expected = value + 1
    return places


def _row_unit(norm: str, start: int) -> str | None:
    before = norm[max(start - 40, 0) : start]
    cell = _UNIT_CELL.search(before) or _NAMED_UNIT.search(before)
    if cell:
        return cell["unit"]
    name = _BARE_NAME.search(before)
    if name is None:
        return None
    # No unit anywhere in the row ("新增城镇就业 人社局 8950 7356 82%", "基本消除“空白村” 21 21
    # 100.0%"): people when the name counts them, else a count of things.
    return "人" if _PEOPLE_NAME.search(name["name"]) else "个"


# The row's name (and its department's cell), in words, just before the task's cell.
_BARE_NAME = re.compile(r"(?P<name>[^0-9%]*[\u4e00-\u9fff”)])[ \t|]+$")
_PEOPLE_NAME = re.compile(r"就业|人员|人口|劳动力|群众|职工|农民工|学生|妇女|儿童|老人|居民|患者")


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
    unit = written or unit
    return new_cell(para, by_start, added, start, row[name], unit, bool(written), pre=pre)


def new_cell(
    para: Paragraph,
    by_start: dict[int, Candidate],
    added: list[Candidate],
    start: int,
    number: str,
    unit: str,
    written: bool,
    scale: str | None = None,
    pre: str | None = None,
) -> Candidate | None:
    """A figure made of a cell: ``number`` at ``start`` (after ``pre``, with ``scale``), in
    ``unit``, which the cell writes (``written``: its end is after the unit) or the row gives."""
    end = start + len(pre or "") + len(number) + len(scale or "") + (len(unit) if written else 0)
    cand = Candidate(
        start=start,
        end=end,
        number=number,
        pre=pre,
        yu=None,
        scale=scale,
        unit=unit,
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
