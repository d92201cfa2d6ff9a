"""What rich's ``Table`` decides for the status table, asked of rich itself.

rich's Table measures, wraps and pads every cell through its renderable protocol: about a
millisecond a row. Most of that is spent on cells whose answer is known without asking: a
one-line cell that fits its column is padded. So :mod:`tracker.render.terminal` asks rich
only what it must:

- **The columns' widths**: a one-row Table with the status table's columns, whose cells are
  :class:`ColumnSize` stand-ins. Each reports the measurement of its whole column through
  rich's measurement protocol (``__rich_measure__``) and, when rich renders it, records the
  width rich gave it (``__rich_console__``). rich's own algorithm decides, on one row.
- **The lines of a cell wider than its column**: ``Console.render_lines`` with the options
  rich's Table gives a cell of that column (:class:`RichCells`).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from rich.cells import cell_len, set_cell_size

from tracker.render.options import RenderOptions
from tracker.render.table_layout import SPACE, Column, Line, padded

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions
    from rich.measure import Measurement


def console(options: RenderOptions) -> tuple[Console, io.StringIO]:
    """A console that renders to a string: fixed width, colour only when asked."""
    from rich.console import Console  # noqa: PLC0415  # rich's console costs ~30 ms to import

    buffer = io.StringIO()
    return Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        color_system="standard" if options.color else None,
        no_color=not options.color,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    ), buffer


def measure(texts: Sequence[str]) -> tuple[int, int]:
    """The (minimum, maximum) width of a column of one-line texts, as rich measures each
    ``Text`` in it (``Text.__rich_measure__``): its widest word, its whole width."""
    minimum = maximum = 0
    for text in texts:
        size = cell_len(text)
        maximum = max(maximum, size)
        words = text.split() if SPACE.search(text) else None
        minimum = max(
            minimum, max(map(cell_len, words), default=size) if words is not None else size
        )
    return minimum, maximum


class ColumnSize:
    """A stand-in cell: measures as its whole column, and keeps the width rich gives it."""

    def __init__(self, minimum: int, maximum: int) -> None:
        self.minimum, self.maximum = minimum, maximum
        self.width = 0

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement  # noqa: PLC0415

        return Measurement(self.minimum, self.maximum)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[str]:
        self.width = options.max_width
        return iter(())


def natural_widths(columns: Sequence[Column], extremes: Sequence[tuple[int, int]]) -> list[int]:
    """Each column as wide as its widest cell, within its ``min_width`` and ``max_width``,
    never 0: the widths rich's Table gives columns that fit side by side (only then)."""
    widths = []
    for column, (_, widest) in zip(columns, extremes, strict=True):
        width = widest
        if column.min_width is not None:
            width = max(width, column.min_width)
        if column.max_width is not None:
            width = min(width, column.max_width)
        widths.append(width or 1)
    return widths


def table_width(widths: Sequence[int]) -> int:
    """A table's width in cells: its columns and a space between each two."""
    return sum(widths) + len(widths) - 1


def column_widths(
    columns: Sequence[Column],
    extremes: Sequence[tuple[int, int]],
    options: RenderOptions,
    keep: int | None = None,
) -> list[int]:
    """These columns' widths, each with its (minimum, maximum): the natural ones when they
    fit in the terminal; else as rich's Table decides when that fits the terminal and cuts no
    column that may not wrap; else :func:`fitted_widths`. Column ``keep`` (the status) is
    never narrower than its natural width."""
    widths = natural_widths(columns, extremes)
    if table_width(widths) <= options.width:
        return widths
    squeezed = squeezed_widths(columns, extremes, options)
    if table_width(squeezed) <= options.width and not cut(columns, widths, squeezed):
        return squeezed
    return fitted_widths(columns, widths, options.width, keep)


# The narrowest a column that wraps becomes before the columns that may not wrap are cut:
# one wide (CJK) character.
WRAP_FLOOR = 2

# The narrowest a column that wraps becomes while the others can still give way: two wide
# characters, or a column's own ``min_width``.
WRAP_EASY = 4


# A column that wraps narrower than this (four wide characters), or than its ``min_width``,
# costs more than the progress bars are worth: they give way (:func:`cramped`).
ROOMY = 8


def cut(columns: Sequence[Column], natural: Sequence[int], widths: Sequence[int]) -> bool:
    """Whether these widths cut a column that may not wrap (it would end with "…"), or leave
    one that wraps too narrow for a wide character."""
    for column, whole, width in zip(columns, natural, widths, strict=True):
        if width < whole and (column.no_wrap or width < min(whole, WRAP_FLOOR)):
            return True
    return False


def cramped(
    columns: Sequence[Column],
    extremes: Sequence[tuple[int, int]],
    widths: Sequence[int],
    width: int,
) -> bool:
    """Whether these widths cost the table something: it is wider than ``width`` cells, a
    column that may not wrap is cut, or one that wraps is narrower than its ``min_width`` or
    :data:`ROOMY`. The progress bars give way first."""
    natural = natural_widths(columns, extremes)
    if table_width(widths) > width or cut(columns, natural, widths):
        return True
    return any(
        w < min(whole, max(column.min_width or 0, ROOMY))
        for column, whole, w in zip(columns, natural, widths, strict=True)
        if not column.no_wrap
    )


def fitted_widths(
    columns: Sequence[Column], natural: Sequence[int], width: int, keep: int | None
) -> list[int]:
    """Widths that fit ``width`` cells and keep every character: the columns that wrap
    (titles, owners, figures) give way first, the widest first, down to their ``min_width``
    or :data:`WRAP_EASY`, then down to :data:`WRAP_FLOOR`. Only when that is not enough are the
    columns that may not wrap before ``keep`` cut (with "…"), the widest first; column ``keep``
    (the status) never is. When even the narrowest columns are too wide for the terminal, only
    the columns up to ``keep`` are fitted: those after it (``--columns``) are cut at the edge."""
    end = len(natural) if keep is None else keep + 1
    wrapping = [n for n, column in enumerate(columns) if not column.no_wrap]
    easy = {n: min(natural[n], max(columns[n].min_width or 0, WRAP_EASY)) for n in wrapping}
    lowest = {n: min(natural[n], WRAP_FLOOR) for n in wrapping}
    narrowest = [lowest.get(n, whole) for n, whole in enumerate(natural)]
    span = len(natural) if table_width(narrowest) <= width else end  # the columns that must fit
    cuttable = {n: 1 for n in range(end) if columns[n].no_wrap and n != keep}
    widths = list(natural)
    for floor in (easy, lowest, cuttable):
        _shrink(
            widths, {n: w for n, w in floor.items() if n < span}, table_width(widths[:span]) - width
        )
        if table_width(widths[:span]) <= width:
            break
    return widths


def _shrink(widths: list[int], floor: dict[int, int], excess: int) -> None:
    """Narrow the columns in ``floor`` by ``excess`` cells in all, the widest first (the
    rightmost of equals), one cell at a time, none below its floor."""
    while excess > 0:
        narrowable = [n for n, lowest in floor.items() if widths[n] > lowest]
        if not narrowable:
            return
        widths[max(narrowable, key=lambda n: (widths[n], n))] -= 1
        excess -= 1


def squeezed_widths(
    columns: Sequence[Column], extremes: Sequence[tuple[int, int]], options: RenderOptions
) -> list[int]:
    """The widths rich's Table gives these columns when they do not fit: asked of a one-row
    Table of :class:`ColumnSize` stand-ins."""
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415

    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        show_header=False,
        expand=False,
        padding=(0, 0),
    )
    for column in columns:
        table.add_column(
            no_wrap=column.no_wrap, min_width=column.min_width, max_width=column.max_width
        )
    sizes = [ColumnSize(low, high) for low, high in extremes]
    table.add_row(*sizes)
    out, _ = console(options)
    out.print(table)
    return [size.width for size in sizes]


class RichCells:
    """The lines of a cell as rich's Table makes them: padded to its column when it fits (a
    one-line text), else wrapped or cut by rich with the column's justification and overflow."""

    def __init__(self, options: RenderOptions) -> None:
        self.options = options
        self.out: Console | None = None

    def __call__(self, text: str, n: int, width: int, column: Column) -> list[Line]:
        if n <= width:
            return [padded(text, n, width, column)]
        if width < 1:  # a column rich squeezed to nothing: no line of its own (render_lines)
            return [(0, 0, 0, "")]
        return [(0, 0, 0, line) for line in self.render(text, width, column)]

    def render(self, text: str, width: int, column: Column) -> list[str]:
        """What ``Console.render_lines`` gives a ``Text`` cell of this column: its wrapped
        lines (``Text.wrap``, as ``Text.__rich_console__`` calls it), each padded or cut to
        the width."""
        from rich.text import Text  # noqa: PLC0415

        if self.out is None:
            self.out, _ = console(self.options)
        lines = Text(text).wrap(
            self.out,
            width,
            justify=column.justify,
            overflow="fold" if column.fold else "ellipsis",
            no_wrap=column.no_wrap,
        )
        return [set_cell_size(line.plain, width) for line in lines]
