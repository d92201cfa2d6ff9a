"""The status table (render/terminal.py): a table that fits is padded without rich's Table and
gives rich's bytes (the same text with colour); one that needs wrapping goes through rich's
Table, or, when very large, through the plain layout of render/table_layout.py."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tracker.cli.context import FIT_WIDTH
from tracker.core.compute import Thresholds
from tracker.core.status import build_status
from tracker.load.dataset import load
from tracker.load.discover import bundled_data
from tracker.model import Dataset, Goal, Kind, Measure, Outcome, Region, Target
from tracker.parse.quantity import parse_quantity, parse_unit
from tracker.render import rich_table, terminal
from tracker.render import table_layout as layout
from tracker.render.options import RenderOptions

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

import gen  # noqa: E402  # benchmarks/ is not a package

ANSI = re.compile(r"\x1b\[[0-9;]*m")
AS_OF = date(2025, 6, 30)


def same(report: object, options: RenderOptions) -> None:
    fast = terminal.render_status(report, options)  # type: ignore[arg-type]
    reference = terminal.render_status_rich(report, options)  # type: ignore[arg-type]
    if options.color:
        assert "\x1b[" in fast
        assert ANSI.sub("", fast) == ANSI.sub("", reference)
    else:
        assert fast == reference


@pytest.fixture(scope="module")
def synthetic_report(tmp_path_factory: pytest.TempPathFactory) -> object:
    data = tmp_path_factory.mktemp("synthetic")
    gen.generate(data, regions=4, goals=15, outcomes=3)
    return build_status(load(data), AS_OF)


@pytest.mark.parametrize("width", [60, 72, 80, 96, 100, 120, 160, 240])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("color", [False, True])
def test_generated_data_as_rich_lays_it_out(
    synthetic_report: object, width: int, lang: str, color: bool
) -> None:
    same(synthetic_report, RenderOptions(lang=lang, color=color, width=width))  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [60, 80, 100, 140])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_data_as_rich_lays_it_out(width: int, lang: str) -> None:
    report = build_status(load(bundled_data()), AS_OF)
    same(report, RenderOptions(lang=lang, width=width))  # type: ignore[arg-type]


@pytest.mark.parametrize("width", [60, 100, 140])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "columns", [("deadline", "owner"), ("lag",), ("deadline", "owner", "lag", "indicator")]
)
@pytest.mark.parametrize("color", [False, True])
def test_extra_columns_as_rich_lays_them_out(
    width: int, lang: str, columns: tuple[str, ...], color: bool
) -> None:
    """``--columns``: the fast layout still matches rich's, the extras after the status."""
    report = build_status(load(bundled_data()), AS_OF)
    options = RenderOptions(lang=lang, color=color, width=width, columns=columns)  # type: ignore[arg-type]
    same(report, options)


def refuse(*_: object) -> str:
    raise AssertionError("laid out by rich's Table")


def test_a_table_that_fits_needs_no_rich_table(
    synthetic_report: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Piped output gets a width that fits the content: widths without asking rich's Table."""
    monkeypatch.setattr(rich_table, "squeezed_widths", refuse)
    for lang in ("zh", "en"):
        same(synthetic_report, RenderOptions(lang=lang, width=FIT_WIDTH))  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="rich's Table"):
        terminal.render_status(synthetic_report, RenderOptions(width=80))  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("color", [False, True])
def test_the_table_is_not_drawn_through_rich_table(
    synthetic_report: object, monkeypatch: pytest.MonkeyPatch, lang: str, color: bool
) -> None:
    """rich decides the widths on a one-row table of stand-ins and wraps the cells that need
    it; the rows themselves are padded here, without rich's Table's cost per cell."""
    widths = (60, 100, 140, FIT_WIDTH)
    references = [
        terminal.render_status_rich(
            synthetic_report, RenderOptions(lang=lang, color=color, width=w)
        )  # type: ignore[arg-type]
        for w in widths
    ]
    monkeypatch.setattr(terminal, "render_status_rich", refuse)
    for width, reference in zip(widths, references, strict=True):
        options = RenderOptions(lang=lang, color=color, width=width)  # type: ignore[arg-type]
        fast = terminal.render_status(synthetic_report, options)  # type: ignore[arg-type]
        if color:
            assert ANSI.sub("", fast) == ANSI.sub("", reference)
        else:
            assert fast == reference


# --- the plain layout of very large tables ---------------------------------------------------


def plain(report: object, options: RenderOptions, monkeypatch: pytest.MonkeyPatch) -> str:
    """The table as the plain layout draws it (as if it had more than RICH_ROWS rows)."""
    with monkeypatch.context() as patch:
        patch.setattr(terminal, "RICH_ROWS", 0)
        patch.setattr(terminal, "render_status_rich", refuse)
        return terminal.render_status(report, options)  # type: ignore[arg-type]


def body(text: str) -> list[str]:
    """The table's lines: from the header to the line before the summary."""
    lines = text.splitlines()[1:]
    return lines[: next(n for n, line in enumerate(lines) if "  ·  " in line)]


@pytest.mark.parametrize("width", [60, 80, 100, 120])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_plain_layout_fits_the_terminal(
    synthetic_report: object, monkeypatch: pytest.MonkeyPatch, width: int, lang: str
) -> None:
    options = RenderOptions(lang=lang, width=width)  # type: ignore[arg-type]
    lines = body(plain(synthetic_report, options, monkeypatch))
    rule = next(line for line in lines if line.startswith("─"))
    assert len(lines) > len(synthetic_report.rows)  # type: ignore[attr-defined]
    assert all(cell_len(line) <= width for line in lines)
    # no line is wider than the rule, and the widest are as wide (padding ends no line)
    assert max(map(cell_len, lines)) == cell_len(rule)
    colored = plain(
        synthetic_report, RenderOptions(lang=lang, width=width, color=True), monkeypatch
    )  # type: ignore[arg-type]
    assert ANSI.sub("", colored) == plain(synthetic_report, options, monkeypatch)


def test_plain_layout_folds_titles_and_keeps_every_character(
    synthetic_report: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = body(plain(synthetic_report, RenderOptions(lang="zh", width=70), monkeypatch))  # type: ignore[arg-type]
    shown = "".join(lines)
    for e in synthetic_report.rows:  # type: ignore[attr-defined]
        title = e.goal.title
        position = 0
        for character in title.replace(" ", ""):
            position = shown.index(character, position) + 1


def test_plain_layout_when_it_matches_rich(
    synthetic_report: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table that fits is the same in both (the plain layout only decides wrapping)."""
    options = RenderOptions(lang="zh", width=FIT_WIDTH)  # type: ignore[arg-type]
    assert plain(synthetic_report, options, monkeypatch) == terminal.render_status_rich(  # type: ignore[arg-type]
        synthetic_report, options
    )


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(["城", "镇", "就", "业", "a", "b", " ", "🎉", "e\u0301", "Ⅻ"]), max_size=40
    ).map("".join),
    width=st.integers(1, 30),
)
def test_fold_keeps_every_character_within_the_width(text: str, width: int) -> None:
    pieces = layout.fold(text, width)
    assert "".join(text[a:b] for a, b in pieces).replace(" ", "") == text.replace(" ", "")
    for start, end in pieces:
        piece = text[start:end]
        assert cell_len(piece) <= width or len(piece) == 1
        assert piece == piece.strip(" ")


# --- any text, any width --------------------------------------------------------------------

PIECES = [
    "城镇新增就业",
    "普惠性幼儿园覆盖率",
    "义务教育优质均衡发展国家督导评估验收",
    "jobs",
    "new urban jobs",
    "a",
    " ",
    "  ",
    "\u3000",  # ideographic space
    "\u00a0",  # no-break space
    "（临时）",
    "e\u0301",  # a combining accent
    "🎉",
    "👨\u200d👩\u200d👧",  # one emoji from three
    "☀\ufe0f",
    "x" * 30,
    "Ⅻ",
    "\t",
    "\n",
]
text = st.lists(st.sampled_from(PIECES), min_size=0, max_size=6).map("".join)
UNITS = ["人", "%", "元", "所", "人次"]


@st.composite
def reports(draw: st.DrawFn) -> object:
    regions = draw(st.lists(text.filter(str.strip), min_size=1, max_size=3, unique=True))
    goals = []
    for number in range(draw(st.integers(1, 6))):
        unit_text = draw(st.sampled_from(UNITS))
        unit = parse_unit(unit_text)
        value = draw(st.integers(1, 10**9))
        target = draw(st.none() | st.integers(1, 10**9))
        figure = draw(
            st.sampled_from([str(value), f"{value}余", f"近{value}", f"{value / 10**4:.2f}万"])
        )
        outcome = Outcome(
            as_of=date(2024, 12, 31),
            value=parse_quantity(figure, unit=unit, role="outcome"),
        )
        stated = None
        if target is not None:
            nominal = Fraction(target)
            stated = Target(
                draw(st.sampled_from([str(target), f"{target}以上"])), nominal, nominal, nominal
            )
        goals.append(
            Goal(
                id=f"g{number}",
                title=draw(text),
                region=draw(st.sampled_from(regions)),
                kind=Kind.AT_LEAST,
                measure=draw(st.sampled_from([Measure.FLOW, Measure.LEVEL])),
                start=date(2024, 1, 1),
                deadline=date(2025, 12, 31),
                unit=unit.base,
                target=stated,
                outcomes=(outcome,) if draw(st.booleans()) else (),
            )
        )
    dataset = Dataset(
        root=Path(),
        regions={name: Region(name) for name in regions},
        goals=goals,
    )
    return build_status(dataset, AS_OF, thresholds=Thresholds())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=reports(),
    width=st.integers(20, 220),
    lang=st.sampled_from(["zh", "en"]),
    color=st.booleans(),
)
def test_any_text_at_any_width(report: object, width: int, lang: str, color: bool) -> None:
    same(report, RenderOptions(lang=lang, color=color, width=width))  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    runs=st.lists(
        st.tuples(text, st.sampled_from([None, "green", "bold red"])), min_size=1, max_size=5
    ),
    width=st.integers(10, 160),
    color=st.booleans(),
)
def test_summary_lines_wrap_as_rich_wraps_them(
    runs: list[tuple[str, str | None]], width: int, color: bool
) -> None:
    options = RenderOptions(width=width, color=color)
    fast = terminal._line(runs, "bold", options)
    reference = terminal._print_rich(runs, "bold", options)
    assert ANSI.sub("", fast) == ANSI.sub("", reference)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bars_are_whole(lang: str) -> None:
    """A wide terminal shows each bar whole (``display.BAR_CELLS`` cells), never a cut one."""
    from tracker.render import display  # noqa: PLC0415

    report = build_status(load(bundled_data()), AS_OF)
    text = terminal.render_status(report, RenderOptions(lang=lang, width=200))  # type: ignore[arg-type]
    bars = re.findall(r"[█░]+", text)
    assert bars
    assert {len(bar) for bar in bars} == {display.BAR_CELLS}


# --- what a narrow terminal keeps --------------------------------------------------------------


def column_lines(text: str, header: str, width: int | None = None) -> list[str]:
    """The lines of the column headed ``header`` (found on the header's last line), each cut
    to ``width`` cells (to the end of the line when None), blanks dropped."""
    lines = text.splitlines()
    rule = next(n for n, line in enumerate(lines) if line.startswith("─"))
    end = next(n for n, line in enumerate(lines) if n > rule and "  ·  " in line)
    head = lines[rule - 1]
    start = cell_len(head[: head.index(header)])
    shown = []
    for line in lines[rule + 1 : end]:
        piece = ""
        for number, character in enumerate(line):
            position = cell_len(line[:number])  # of the whole prefix: graphemes join
            if position >= start and (width is None or position < start + width):
                piece += character
        if piece.strip():
            shown.append(piece.strip())
    return shown


def status_cells(report: object, lang: str) -> list[str]:
    from tracker.render.rows import cells  # noqa: PLC0415

    shown = [cells(e, lang) for e in report.rows]  # type: ignore[attr-defined, arg-type]
    return [f"{c.status} {c.marks}".strip() for c in shown]


def assert_status_whole(report: object, options: RenderOptions) -> None:
    """Every row's status (and its marks) is shown whole in the status column."""
    from tracker.render.i18n import t  # noqa: PLC0415

    expected = status_cells(report, options.lang)
    text = terminal.render_status(report, options)  # type: ignore[arg-type]
    assert all(cell_len(line) <= options.width for line in text.splitlines())
    header = t("col.status", options.lang)
    size = max(map(cell_len, [*expected, header]))
    assert column_lines(text, header, size) == expected


@pytest.mark.parametrize("width", [60, 72, 80, 100, 110, 120, 160])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize(
    "columns", [(), ("deadline", "owner"), ("deadline", "owner", "lag", "indicator")]
)
def test_the_status_is_never_cut(width: int, lang: str, columns: tuple[str, ...]) -> None:
    """A narrow terminal: titles, figures and owners wrap, the bars give way, and the status
    is never cut (at 80 columns it was: "achiev", "no dat", "已完", "逾期")."""
    report = build_status(load(bundled_data()), AS_OF)
    for region in (None, "运城市"):
        rows = [e for e in report.rows if region in (None, e.goal.region)]
        shown = report if region is None else replace(report, rows=tuple(rows))
        options = RenderOptions(lang=lang, width=width, columns=columns)  # type: ignore[arg-type]
        assert_status_whole(shown, options)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports(), width=st.integers(60, 220), lang=st.sampled_from(["zh", "en"]))
def test_the_status_is_never_cut_whatever_the_text(report: object, width: int, lang: str) -> None:
    assert_status_whole(report, RenderOptions(lang=lang, width=width))  # type: ignore[arg-type]


@pytest.mark.parametrize(("width", "lang"), [(80, "zh"), (100, "zh"), (100, "en"), (160, "en")])
def test_owners_keep_every_character(width: int, lang: str) -> None:
    """``--columns deadline,owner`` at 100 columns showed 山西省文化和旅游厅 as 山西 / 化和 / 厅:
    the owner column was cut at the terminal's edge. A column that wraps keeps every
    character."""
    from tracker.render import escape  # noqa: PLC0415
    from tracker.render.i18n import t  # noqa: PLC0415
    from tracker.render.rows import cells  # noqa: PLC0415

    report = build_status(load(bundled_data()), AS_OF)
    options = RenderOptions(lang=lang, width=width, columns=("deadline", "owner"))  # type: ignore[arg-type]
    text = terminal.render_status(report, options)
    owners = "".join(escape.safe(cells(e, lang).column("owner")) for e in report.rows)
    header = t("col.owner", lang)  # at 80 columns, 责任单位 wraps: 单位 is on the last line
    shown = "".join(column_lines(text, header if width > 80 else header[-2:]))
    assert shown.replace(" ", "") == owners.replace(" ", "")


def test_the_bars_give_way_before_the_figures_wrap() -> None:
    """At 110 columns with every ``--columns``, keeping the bars would wrap 9998场* onto two
    lines of four cells: the bars give way; at 200 columns there is room for them."""
    report = build_status(load(bundled_data()), AS_OF)
    extra = ("deadline", "owner", "lag", "indicator")
    narrow = terminal.render_status(report, RenderOptions(lang="zh", width=110, columns=extra))  # type: ignore[arg-type]
    wide = terminal.render_status(report, RenderOptions(lang="zh", width=200, columns=extra))  # type: ignore[arg-type]
    assert "█" not in narrow
    assert "█" in wide


# --- no padding at the ends of lines ----------------------------------------------------------


@pytest.mark.parametrize("width", [60, 100, 160, FIT_WIDTH])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("columns", [(), ("owner", "lag")])
def test_no_line_ends_with_a_space(
    synthetic_report: object, width: int, lang: str, columns: tuple[str, ...]
) -> None:
    """Piped, every row ended with the status column's padding (``overdue ``): spaces that
    only make a saved table and its diff noisy. Both layouts drop them."""
    options = RenderOptions(lang=lang, width=width, columns=columns)  # type: ignore[arg-type]
    for render in (terminal.render_status, terminal.render_status_rich):
        text = render(synthetic_report, options)  # type: ignore[arg-type]
        assert [line for line in text.splitlines() if line != line.rstrip()] == []


def test_piped_status_has_no_line_ending_with_a_space() -> None:
    from click.testing import CliRunner  # noqa: PLC0415

    from tracker.cli.group import cli  # noqa: PLC0415

    for lang in ("zh", "en"):
        result = CliRunner().invoke(
            cli, ["--lang", lang, "--color", "never", "status", "--as-of", "2023-07-01"]
        )
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert len(lines) > 10
        assert [line for line in lines if line != line.rstrip()] == []


@pytest.mark.parametrize(("width", "tried"), [(110, [True, False]), (200, [True]), (100, [False])])
def test_both_layouts_fit_the_table_in_one_place(
    monkeypatch: pytest.MonkeyPatch, width: int, tried: list[bool]
) -> None:
    """The loop that lets the bars give way is one helper (``terminal._fit``) that both
    layouts use: they try the same layouts, in the same order, and agree."""
    report = build_status(load(bundled_data()), AS_OF)
    extra = ("deadline", "owner", "lag", "indicator")
    options = RenderOptions(lang="zh", width=width, columns=extra)  # type: ignore[arg-type]
    calls: list[list[bool]] = []
    fit = terminal._fit

    def spy(options: RenderOptions, build: object) -> object:
        seen: list[bool] = []
        calls.append(seen)

        def recording(with_bar: bool) -> object:
            seen.append(with_bar)
            return build(with_bar)  # type: ignore[operator]

        return fit(options, recording)  # type: ignore[arg-type]

    monkeypatch.setattr(terminal, "_fit", spy)
    fast = terminal.render_status(report, options)  # type: ignore[arg-type]
    reference = terminal.render_status_rich(report, options)  # type: ignore[arg-type]
    assert fast == reference
    assert calls == [tried, tried]
