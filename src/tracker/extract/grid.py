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
    reader = _Reader(grid, paragraphs, cands)
    # Cells of words match a header's shape too ("| 完成任务 | 市卫健局 |"): a header names a
    # column of tasks and one of what was done.
    headers = [(h, c) for h in BAR_HEADER.finditer(grid) if (c := _columns(h.group())) is not None]
    for k, (header, columns) in enumerate(headers):
        # A table runs up to the next header at most (a page of many tables is read once over).
        until = headers[k + 1][0].start() if k + 1 < len(headers) else len(grid)
        for row in _rows(grid, header.end(), until, columns):
            reader.read_row(row, columns)
    return sorted([*cands, *reader.added], key=lambda c: c.start)


def _columns(header: str) -> _Columns | None:
    """The columns a header names, when it names one of tasks and one of what was done."""
    names = ["".join(cell.split()) for cell in header.split("|")]
    if not header.endswith("|"):  # the header's last cell ran into row 1's number
        names.append("")
    names = names[:-1]
    # The title's tail run into the header ("…进展情况表 | 序号", "…进展情况表序号"): the table
    # starts at 序号.
    first = next((i for i, name in enumerate(names) if name.endswith("序号")), 0)
    names = ["序号", *names[first + 1 :]] if names[first].endswith("序号") else names
    tasks = [i for i, name in enumerate(names) if TASK_COLUMN.search(name)]
    done = [
        i for i, name in enumerate(names) if tasks and i > tasks[0] and DONE_COLUMN.search(name)
    ]
    if len(tasks) != 1 or not done:
        return None
    return _Columns(names, tasks[0], done[0])


class _Columns:
    """Which column holds what: tasks, what was done, units, rates; a unit the header names."""

    def __init__(self, names: list[str], task: int, done: int) -> None:
        self.task, self.done = task, done
        self.width, self.numbered = len(names), names[0] == "序号"
        self.unit = next((i for i, name in enumerate(names) if _UNIT_COLUMN.fullmatch(name)), None)
        self.rate = next((i for i, name in enumerate(names) if _RATE_COLUMN.search(name)), None)
        self.named = [m["unit"] if (m := _NAMED_UNIT.search(name)) else None for name in names]


def _rows(grid: str, at: int, until: int, columns: _Columns) -> list[list[Cell]]:
    """The table's rows of as many cells as the header (the last row may be cut short)."""
    cells: list[Cell] = []
    while True:
        bar = grid.find("|", at, min(at + _CELL_LENGTH, until))
        if bar < 0:
            break
        cells.append((at, bar))
        at = bar + 1
    width = columns.width
    if (last := _last_cell(grid, at)) is not None:
        cells.append(last)
    if columns.numbered:
        rows = _numbered_rows(grid, cells, width)
    else:  # the cell after the header's last bar opens the first row
        rows = [[]]
        for start, end in cells:
            if len(rows[-1]) in (0, width) and not grid[start:end].strip():
                continue  # "… | 9所 || 改造…": a row's closing bar, the next's opening one
            if len(rows[-1]) == width:
                rows.append([])
            rows[-1].append((start, end))
    # A row of more cells than the header's (an item told in sub-rows) leaves its columns
    # unknown; the last row may be cut short by the copy's end.
    return [row for i, row in enumerate(rows) if len(row) == width or (i == len(rows) - 1 and row)]


def _last_cell(grid: str, at: int) -> Cell | None:
    """The cell after the table's last bar, when it holds a figure and the text ends there or
    goes on in words ("… | 2.8 | 2.5", "… | 2.5下一步,…")."""
    last = _LAST_CELL.match(grid, at)
    return (last.start(), last.end()) if last else None


_LAST_CELL = re.compile(rf"[ ]*[0-9]+(?:\.[0-9]+)?(?:{UNIT}|%)?(?![0-9.%|\-—~至年月日号])")


def _numbered_rows(grid: str, cells: list[Cell], width: int) -> list[list[Cell]]:
    """The cells in rows, each opened by its number (1, 2, 3 …) in the 序号 column; a row's
    last cell that ran into the next row's number ("县教育局2") is cut in two."""
    rows: list[list[Cell]] = [[]]
    expected: int | None = None
    texts = [grid[start:end].strip() for start, end in cells]
    for i, (start, end) in enumerate(cells):
        text = texts[i]
        if not text and len(rows[-1]) in (0, width):
            continue  # "… | 9所 || 2 | …": a row's closing bar, the next's opening one
        if (
            expected is not None
            and len(rows[-1]) == width - 1
            and _runs_into(text, str(expected))
            and next((t for t in texts[i + 1 :] if t), None) != str(expected)  # it follows
        ):
            cut = grid.rindex(str(expected), start, end)
            rows[-1].append((start, cut))
            rows.append([(cut, end)])
            expected += 1
            continue
        if (
            text.isdigit()
            and int(text) == (expected or int(text))
            and (not rows[-1] or len(rows[-1]) > width // 2)
        ):
            expected = int(text) + 1
            if rows[-1]:
                rows.append([])
        rows[-1].append((start, end))
    return rows


def _runs_into(text: str, number: str) -> bool:
    """Whether ``text`` is a cell with the next row's ``number`` run into its end: words, or a
    figure whole without it ("9所2", "245.63" for 245.6 and 3)."""
    head = text[: -len(number)]
    return (
        text.endswith(number)
        and bool(head)
        and (not head[-1].isdigit() or _BARE.fullmatch(head) is not None)
    )


class _Reader:
    """Reads a page's table rows: its figures (by start), those made of bare cells."""

    def __init__(self, grid: str, paragraphs: list[Paragraph], cands: list[Candidate]) -> None:
        self.grid, self.paragraphs, self.cands = grid, paragraphs, cands
        self.starts = [c.start for c in cands]
        self.by_start = {c.start: c for c in cands}
        self.added: list[Candidate] = []

    def read_row(self, row: list[Cell], columns: _Columns) -> None:
        """Mark the row's figures by column; tie its one task to its one done figure."""
        unit = _row_unit(self.grid, row, columns)
        for cand in self.within(row[0][0], row[-1][1]):
            # read (and quoted) in its row, not in the whole table the text gives as one clause
            cand.clause = (max(cand.clause[0], row[0][0]), min(cand.clause[1], row[-1][1]))
        found: dict[int, list[Candidate]] = {}
        for col, cell in enumerate(row):
            inside = [c for c in self.within(*cell) if c.end <= cell[1]]
            if not inside and col in (columns.task, columns.done, columns.rate):
                # a bare done cell is counted in its task's measure word ("15所 | 12")
                tasks = found.get(columns.task, [])
                known = unit or (_written_unit(tasks[0]) if len(tasks) == 1 else None)
                bare = self.bare_cell(cell, col, known, columns)
                inside = [bare] if bare is not None else []
            elif col in (columns.task, columns.done):
                _take_unit(inside, columns.named[col] or unit)
            found[col] = [c for c in inside if not c.consumed]
            for cand in found[col]:
                if col == columns.task:
                    cand.column = "target"
                elif col == columns.done:
                    cand.column = "outcome"
        rates = found.get(columns.rate, []) if columns.rate is not None else []
        _tie(found.get(columns.task, []), found.get(columns.done, []), rates)

    def within(self, start: int, end: int) -> list[Candidate]:
        """The page's figures that start in ``start`` … ``end``."""
        return self.cands[
            bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)
        ]

    def bare_cell(
        self, cell: Cell, col: int, unit: str | None, columns: _Columns
    ) -> Candidate | None:
        """A cell holding a bare number ("12"): a figure in the row's unit or the header's."""
        start, end = cell
        text = self.grid[start:end]
        number = _BARE.fullmatch(text.strip())
        unit = "%" if col == columns.rate else (columns.named[col] or unit)
        if number is None or unit is None:
            return None
        at = start + len(text) - len(text.lstrip())
        scale = unit[0] if unit[0] in "万亿" and len(unit) > 1 else None
        para = paragraph_at(self.paragraphs, at)
        base = unit[len(scale or "") :]
        cand = new_cell(para, self.by_start, self.added, at, number.group(), base, False)
        if cand is not None:
            cand.scale = scale  # the unit column's ("万人"), not written in the cell
        return cand if cand is not None and read_value(cand) else None


def _tie(tasks: list[Candidate], done: list[Candidate], rates: list[Candidate]) -> None:
    """A row's one task and one result in the same unit: a goal and its outcome, with the rate
    column's rate."""
    if len(tasks) != 1 or len(done) != 1:
        return
    task, outcome = tasks[0], done[0]
    if task.unit != outcome.unit or outcome.goal_target is not None or task.consumed:
        return
    outcome.goal_target = task
    outcome.related.append(task)
    task.consumed = True
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
    scale = unit[0] if unit[0] in "万亿" and len(unit) > 1 else None
    for cand in inside:
        if cand.unit_note is not None and cand.scale is None and cand.unit != "%":
            cand.unit, cand.scale = unit[len(scale or "") :], scale
            read_value(cand)


def _row_unit(grid: str, row: list[Cell], columns: _Columns) -> str | None:
    if columns.unit is None or columns.unit >= len(row):
        return None
    start, end = row[columns.unit]
    text = grid[start:end].strip()
    return text if _CELL_UNIT.fullmatch(text) else None
