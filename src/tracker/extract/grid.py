"""Tables whose cells are parted by bars or tabs ("序号 | 项目内容 | 年度任务 | 完成情况 |
责任单位 |", a spreadsheet's rows pasted with tabs): the header names a column of tasks and a
column of what was done, and every row after it has as many cells, so a cell's column is its
place counted from the header. Figures in the column of tasks are targets, those in the column
of what was done outcomes; a row's one task and one done figure in the same unit are one goal
and its outcome, with the rate of the rate column (完成率) as its stated rate. A number with no
measure word in its cell takes the row's unit (单位 column, or the header's "年度任务(所)").

The text is read as one line (``text.py``), so a row with no bar at its end runs into the next
row's number ("县教育局2", "9所2"): in a table numbered in a 序号 column, the number the count
expects is split off the cell's end."""

from __future__ import annotations

import bisect
import re

from tracker.extract.candidates import Candidate, read_value
from tracker.extract.tables import (
    BAR_HEADER,
    DONE_COLUMN,
    TASK_COLUMN,
    UNIT,
    new_cell,
)
from tracker.extract.text import Paragraph, paragraph_at

_CELL_LENGTH = 300  # a longer run without a bar is no longer the table

# The column of units (单位, 计量单位; not 责任单位 or 牵头单位), of completion rates, and a
# header cell naming its unit in brackets ("年度任务(所)", "完成数(万人)").
_UNIT_COLUMN = re.compile(r"(?:计量)?单位")
_RATE_COLUMN = re.compile(r"完成率|完成比例|完成进度|占年度(?:任务|目标|计划)")
_NAMED_UNIT = re.compile(rf"\((?P<unit>{UNIT}|%)\)$")
_BARE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CELL_UNIT = re.compile(rf"{UNIT}")

Cell = tuple[int, int]


def bar_columns(norm: str, paragraphs: list[Paragraph], cands: list[Candidate]) -> list[Candidate]:
    """The candidates with every bar or tab table read: figures in its column of tasks marked
    targets, in its column of what was done outcomes, a row's task and done tied."""
    grid = norm.replace("\t", "|")  # a tab parts cells as a bar does (one character for one)
    added: list[Candidate] = []
    table = _Table(grid, paragraphs, cands, added)
    # Cells of words have a header's shape too ("| 完成任务 | 市卫健局 |"): a header names a
    # column of tasks and one of what was done.
    headers = [
        (header, columns)
        for header in BAR_HEADER.finditer(grid)
        if (columns := _columns(grid, header)) is not None
    ]
    for k, (header, columns) in enumerate(headers):
        # A table runs up to the next header at most (a page of many tables is read once over).
        until = headers[k + 1][0].start() if k + 1 < len(headers) else len(grid)
        for row in _rows(grid, header.end(), until, columns.names):
            _read_row(table, row, columns)
    return sorted([*cands, *added], key=lambda c: c.start)


def _columns(grid: str, header: re.Match[str]) -> _Columns | None:
    """The columns a header names, when it names one of tasks and one of what was done and
    where its first row starts is known."""
    names = ["".join(cell.split()) for cell in header.group().split("|")]
    if not header.group().endswith("|"):  # the header's last cell ran into row 1's number
        names.append("")
    names = names[:-1]
    # The title's tail run into the header ("…进展情况表 | 序号", "…进展情况表序号"): the table
    # starts at 序号.
    first = next((i for i, name in enumerate(names) if name.endswith("序号")), 0)
    names = ["序号", *names[first + 1 :]] if names[first].endswith("序号") else names
    tasks = [i for i, name in enumerate(names) if _is_task(name)]
    done = [i for i, name in enumerate(names) if tasks and i > tasks[0] and _is_done(name)]
    done.sort(key=lambda i: DONE_COLUMN.search(names[i]) is None)  # "实际完成" first
    if len(tasks) != 1 or not done:
        return None
    if names[0] != "序号" and not grid.startswith("|", header.end()):
        # No 序号 column and no row's closing bar after the header: the first row's cells may
        # be the header's, a row's last cell run into the next's first (tabs, one line): where
        # a row starts is unknown.
        return None
    return _Columns(names, tasks[0], done[0])


# Columns the older readers' names miss: what was done in the months reported ("1-9月完成",
# "累计完成", "完成投资(万元)"), not its rate ("完成率"); the year's planned investment.
_DONE_MORE = re.compile(r"完成(?:投资|值|额|量)?(?:\(.*\))?$")
_TASK_MORE = re.compile(r"(?:年度|全年)(?:计划|目标)(?:投资|值|数)?(?:\(.*\))?$|计划投资")


def _is_task(name: str) -> bool:
    return bool(TASK_COLUMN.search(name) or _TASK_MORE.search(name)) and len(name) <= 12


def _is_done(name: str) -> bool:
    """A column of what was done, not of what was planned by now ("1-9月计划完成")."""
    plan = re.search(r"计划|目标|任务|应", name) and not DONE_COLUMN.search(name)
    return bool(DONE_COLUMN.search(name) or _DONE_MORE.search(name)) and not plan


class _Table:
    """The text read, the candidates found (their starts, for looking up a cell's), and the
    figures made of bare cells."""

    def __init__(
        self, grid: str, paragraphs: list[Paragraph], cands: list[Candidate], added: list[Candidate]
    ) -> None:
        self.grid, self.paragraphs, self.cands, self.added = grid, paragraphs, cands, added
        self.starts = [c.start for c in cands]
        self.by_start = {c.start: c for c in cands}

    def within(self, start: int, end: int) -> list[Candidate]:
        """The candidates starting in the cell (found before the tables were read)."""
        at = bisect.bisect_left(self.starts, start)
        out = []
        for cand in self.cands[at:]:
            if cand.start >= end:
                break
            out.append(cand)
        return out


class _Columns:
    """Which column holds what: tasks, what was done, units, rates; a unit the header names."""

    def __init__(self, names: list[str], task: int, done: int) -> None:
        self.names, self.task, self.done = names, task, done
        self.numbered = names[0] == "序号"
        self.unit = next((i for i, name in enumerate(names) if _UNIT_COLUMN.fullmatch(name)), None)
        self.rate = next((i for i, name in enumerate(names) if _RATE_COLUMN.search(name)), None)
        self.named = [m["unit"] if (m := _NAMED_UNIT.search(name)) else None for name in names]
        # What was planned by now ("1-9月计划完成", "序时进度"): a schedule's mark, not a figure.
        self.planned = {
            i for i, name in enumerate(names) if i not in (task, done) and _PLANNED.search(name)
        }


_PLANNED = re.compile(r"计划完成|应完成|序时")


def _rows(grid: str, at: int, until: int, names: list[str]) -> list[list[Cell]]:
    """The table's rows of as many cells as the header (the last row may be cut short)."""
    cells: list[Cell] = []
    while True:
        bar = grid.find("|", at, min(at + _CELL_LENGTH, until))
        if bar < 0:
            break
        cells.append((at, bar))
        at = bar + 1
    width = len(names)
    if (last := _last_cell(grid, at)) is not None:
        cells.append(last)
    if names[0] == "序号":
        rows = _numbered_rows(grid, cells, width)
    else:  # the cell after the header's closing bar and the next row's opening one opens row 1
        rows = [[]]
        for start, end in cells:
            blank = not grid[start:end].strip()
            if len(rows[-1]) in (0, width) and blank:
                continue  # "… | 9所 || 改造…": a row's closing bar, the next's opening one
            if len(rows[-1]) == width:
                if grid[start - 1 : start] != "|" or grid[start - 2 : start - 1] != "|":
                    break  # a row of more cells than the header's: where the next starts is lost
                rows.append([])
            rows[-1].append((start, end))
    # The last row may be cut short by the copy's end.
    return [row for i, row in enumerate(rows) if len(row) == width or (i == len(rows) - 1 and row)]


def _last_cell(grid: str, at: int) -> Cell | None:
    """The cell after the table's last bar, when it holds a figure and the text ends there or
    goes on in words ("… | 2.8 | 2.5", "… | 2.5下一步,…", "… | 增长6.5%")."""
    last = _LAST_CELL.match(grid, at)
    return (last.start(), last.end()) if last else None


# A few words may lead the figure ("增长6.5%", "已完成9所"): not a sentence's ("。", ",").
# Not a range of months or a date ("1-12月,全市…"): the copy's prose, not a cell.
_LAST_CELL = re.compile(
    rf"[ ]*[^|0-9。,;:]{{0,6}}[0-9]+(?:\.[0-9]+)?(?:{UNIT}|%)?(?![0-9.%|\-—~至年月日号])"
)


def _numbered_rows(grid: str, cells: list[Cell], width: int) -> list[list[Cell]]:
    """The cells in rows, each opened by its number (1, 2, 3 …) in the 序号 column; a row's
    last cell that ran into the next row's number ("县教育局2") is cut in two, and a row whose
    last cells were empty (a tab copy drops the tabs at a line's end) is filled with empty ones.
    What comes between a full row and the next number (a section's row "二、交通类", an item's
    sub-row) is no row of the table."""
    rows: list[list[Cell]] = [[]]
    numbered: list[bool] = [False]
    expected: int | None = None
    texts = [grid[start:end].strip() for start, end in cells]
    after = _next_texts(texts)
    for i, (start, end) in enumerate(cells):
        text, row = texts[i], rows[-1]
        if not text and len(row) in (0, width):
            continue  # "… | 9所 || 2 | …": a row's closing bar, the next's opening one
        number = _run_in(texts, after, i, len(row), width, expected)
        if number is not None:
            cut = grid.rindex(number, start, end)
            row.append((start, cut))
            row.extend([(cut, cut)] * (width - len(row)))
            rows.append([(cut, end)])
            numbered.append(True)
            expected = int(number) + 1
            continue
        opens = len(row) >= width - 1 or not row or (i > 0 and not texts[i - 1])
        # A section's row, then its items numbered from 1 again ("二、交通类 | 1 | …").
        restart = text == "1" and not numbered[-1] and bool(row) and _section_row(grid, row)
        if text.isdigit() and ((int(text) == (expected or int(text)) and opens) or restart):
            expected = int(text) + 1
            rows.append([])
            numbered.append(True)
        elif len(row) == width:  # not the next number after a full row: no row of the table
            rows.append([])
            numbered.append(False)
        rows[-1].append((start, end))
    return [row for row, number in zip(rows, numbered, strict=True) if number]


def _section_row(grid: str, row: list[Cell]) -> bool:
    return _SECTION.match(grid[row[0][0] : row[0][1]].strip()) is not None


def _next_texts(texts: list[str]) -> list[str | None]:
    """For each cell, the next cell's text that is not empty."""
    after: list[str | None] = [None] * len(texts)
    following: str | None = None
    for i in range(len(texts) - 1, -1, -1):
        after[i] = following
        if texts[i]:
            following = texts[i]
    return after


def _run_in(
    texts: list[str], after: list[str | None], i: int, filled: int, width: int, expected: int | None
) -> str | None:
    """The next row's number run into cell ``i``'s end: the one expected, or 1 after a
    section's name ("县教育局二、交通类1": the section's items numbered again)."""
    if expected is None:
        return None
    if _cut_here(texts, after, i, filled, width, str(expected)):
        return str(expected)
    if _SECTION.search(texts[i]) and _cut_here(texts, after, i, filled, width, "1"):
        return "1"
    return None


_SECTION = re.compile(r"[一二三四五六七八九十]{1,3}、|[(][一二三四五六七八九十]{1,3}[)]")


def _cut_here(
    texts: list[str], after: list[str | None], i: int, filled: int, width: int, number: str
) -> bool:
    """Whether cell ``i`` ends the row of ``filled`` cells, the next row's number run into its
    end: not when that number follows in a cell of its own, nor when a cell the row still has
    room for ends in it too ("已完成2 | 县住建局2": the row ends at the second)."""
    if filled < 2 or filled >= width or not _runs_into(texts[i], number):
        return False
    if after[i] == number:
        return False
    room = texts[i + 1 : i + width - filled]
    return not any(t == number or _runs_into(t, number) for t in room)


def _runs_into(text: str, number: str) -> bool:
    """Whether ``text`` is a cell with the next row's ``number`` run into its end: words, or a
    figure whole without it ("9所2", "245.63" for 245.6 and 3)."""
    head = text[: -len(number)]
    return (
        text.endswith(number)
        and bool(head)
        and (not head[-1].isdigit() or _BARE.fullmatch(head) is not None)
    )


def _read_row(table: _Table, row: list[Cell], columns: _Columns) -> None:
    """Mark the row's figures by column; tie its one task to its one done figure."""
    unit = _row_unit(table.grid, row, columns)
    for cand in table.within(row[0][0], row[-1][1]):
        # read (and quoted) in its row, not in the whole table the text gives as one clause
        cand.clause = (max(cand.clause[0], row[0][0]), min(cand.clause[1], row[-1][1]))
    found: dict[int, list[Candidate]] = {}
    for col, (start, end) in enumerate(row):
        inside = [c for c in table.within(start, end) if c.end <= end]
        if not inside and col in (columns.task, columns.done, columns.rate):
            # a bare done cell is counted in its task's measure word ("15所 | 12")
            tasks = found.get(columns.task, [])
            known = unit or (_written_unit(tasks[0]) if len(tasks) == 1 else None)
            bare = _bare_cell(table, (start, end), col, known, columns)
            inside = [bare] if bare is not None else []
        elif col in (columns.task, columns.done):
            _take_unit(inside, columns.named[col] or unit)
        inside = [c for c in inside if not c.consumed]
        found[col] = inside
        if col in columns.planned:
            for cand in inside:
                cand.consumed = True
        if col == 0 and columns.numbered and table.grid[start:end].strip().isdigit():
            for cand in inside:  # the row's number, not a figure ("| 1 |": not 1个)
                cand.consumed = True
        for cand in inside:
            if col == columns.task:
                cand.column = "target"
            elif col == columns.done:
                cand.column = "outcome"
    tasks, done = found.get(columns.task, []), found.get(columns.done, [])
    if len(tasks) != 1 or len(done) != 1:
        return
    task, outcome = tasks[0], done[0]
    if task.unit != outcome.unit or outcome.goal_target is not None or task.consumed:
        return
    outcome.goal_target = task
    outcome.related.append(task)
    task.consumed = True
    rates = found.get(columns.rate, []) if columns.rate is not None else []
    if len(rates) == 1 and rates[0].unit == "%" and outcome.rate is None:
        outcome.rate = rates[0]
        outcome.related.append(rates[0])
        rates[0].consumed = True


def _written_unit(cand: Candidate) -> str | None:
    return None if cand.unit_note else (cand.scale or "") + cand.unit


def _take_unit(inside: list[Candidate], unit: str | None) -> None:
    """A figure read with a unit guessed from the row's words takes the one the header or the
    unit column states ("年度任务(万人) | … | 2.8": 2.8万人, not 2.8人)."""
    if unit is None:
        return
    scale, base = _split_scale(unit)
    for cand in inside:
        if cand.unit_note is not None and cand.scale is None and cand.unit != "%":
            cand.unit, cand.scale = base, scale
            read_value(cand)


def _split_scale(unit: str) -> tuple[str | None, str]:
    """A column's unit as scale and measure word: "万人" → 万, 人; "所" → None, 所."""
    return (unit[0], unit[1:]) if unit[0] in "万亿" and len(unit) > 1 else (None, unit)


def _row_unit(grid: str, row: list[Cell], columns: _Columns) -> str | None:
    if columns.unit is None or columns.unit >= len(row):
        return None
    start, end = row[columns.unit]
    text = grid[start:end].strip()
    return text if _CELL_UNIT.fullmatch(text) else None


def _bare_cell(
    table: _Table, cell: Cell, col: int, unit: str | None, columns: _Columns
) -> Candidate | None:
    """A cell holding a bare number ("12"): a figure in the row's unit or the header's."""
    start, end = cell
    text = table.grid[start:end]
    number = _BARE.fullmatch(text.strip())
    unit = "%" if col == columns.rate else (columns.named[col] or unit)
    if number is None or unit is None:
        return None
    at = start + len(text) - len(text.lstrip())
    scale, base = _split_scale(unit)
    para = paragraph_at(table.paragraphs, at)
    cand = new_cell(para, table.by_start, table.added, at, number.group(), base, False)
    if cand is not None:
        cand.scale = scale  # the unit column's ("万人"), not written in the cell
    return cand if cand is not None and read_value(cand) else None
