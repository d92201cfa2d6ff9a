"""``tracker show``: one goal in full — definition, every outcome evaluated at its own date,
sources and quotes, and a small text chart of the history (terminal), or all of it as JSON."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from rich.cells import cell_len
from rich.console import Group
from rich.table import Table
from rich.text import Text

from tracker.core import rounding
from tracker.core.compute import Evaluation, Flag, RateCheck
from tracker.core.views import GoalDetail, Point, chart_extent, target_edges
from tracker.model import Kind, Source
from tracker.render import display, escape
from tracker.render.goal_text import (
    figures_line,
    flags_text,
    interval_text,
    rate_line,
    source_text,
    target_definition,
    written_text,
)
from tracker.render.i18n import Lang, t
from tracker.render.json import encode, goal_record
from tracker.render.options import RenderOptions
from tracker.render.rich_table import console
from tracker.render.terminal import STYLES

RATIO = rounding.RATIO_PLACES
CHART_HEIGHT = 10


# --- the chart ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Frame:
    """The chart's scales: dates across ``plot`` columns, values down ``CHART_HEIGHT`` rows."""

    start: date
    end: date
    low: Fraction
    high: Fraction
    plot: int

    def col(self, when: date) -> int:
        days = max((self.end - self.start).days, 1)
        return max(0, min(self.plot - 1, round((when - self.start).days / days * (self.plot - 1))))

    def row(self, value: Fraction) -> int:
        scaled = (self.high - value) / (self.high - self.low) * (CHART_HEIGHT - 1)
        return max(0, min(CHART_HEIGHT - 1, round(scaled)))


def _frame(detail: GoalDetail, plot: int) -> _Frame:
    extent = chart_extent(detail)
    assert extent is not None  # noqa: S101  # only charted with a figure
    low, high = extent.low, extent.high
    high += (high - low) / (CHART_HEIGHT - 2)  # the top row stays free: room for the label
    return _Frame(extent.start, extent.end, low, high, plot)


def _grid(detail: GoalDetail, points: list[Point], frame: _Frame) -> list[list[tuple[str, str]]]:
    """The plot area: time-elapsed line, then target line(s), then the outcomes on top."""
    grid = [[(" ", "")] * frame.plot for _ in range(CHART_HEIGHT)]
    if detail.pace_line is not None:
        (d0, v0), (d1, v1) = detail.pace_line
        c0, c1 = frame.col(d0), frame.col(d1)
        for c in range(c0, c1 + 1):
            share = Fraction(c - c0, c1 - c0) if c1 > c0 else Fraction(1)
            grid[frame.row(v0 + (v1 - v0) * share)][c] = ("·", "cyan")
    for edge in target_edges(detail):
        cells = grid[frame.row(edge)]
        for c in range(frame.plot):
            if cells[c][0] == " ":
                cells[c] = ("─", "yellow")
    for point in points:
        if point.evaluation.actual is not None:
            r = frame.row(point.evaluation.actual.nominal)
            grid[r][frame.col(point.outcome.as_of)] = ("●", STYLES[point.evaluation.status])
    return grid


def chart_lines(detail: GoalDetail, width: int, lang: Lang) -> list[Text]:
    """Outcomes over time (●, coloured by their status then) against the target line (─) and
    the time-elapsed line (·): where a goal exactly on pace would be. Fits ``width`` columns."""
    goal = detail.goal
    points = [p for p in detail.points if p.evaluation.actual is not None]
    if not points:
        return []
    frame = _frame(detail, 1)

    def label(value: Fraction) -> str:
        return escape.safe(display.quantity(value, goal, lang))

    # labelled rows: the bottom, the highest outcome, then the target line(s), which win
    top = max(p.evaluation.actual.nominal for p in points if p.evaluation.actual)
    rows = {CHART_HEIGHT - 1: frame.low, frame.row(top): top}
    if goal.baseline is not None:
        rows[frame.row(goal.baseline.value.nominal)] = goal.baseline.value.nominal
    rows.update({frame.row(edge): edge for edge in target_edges(detail)})
    labels = {r: label(v) for r, v in rows.items()}
    label_width = max(cell_len(text) for text in labels.values()) + 1
    plot = max(20, width - label_width - 4)
    frame = _frame(detail, plot)
    margin = " " * (label_width + 2)

    lines = []
    for r, cells in enumerate(_grid(detail, points, frame)):
        text = labels.get(r, "")
        line = Text()
        line.append(" " * (label_width - cell_len(text)) + text + " ", style="dim")
        line.append("┤" if r in labels else "│", style="dim")
        for char, style in cells:
            line.append(char, style=style)
        lines.append(line)
    lines.append(Text(margin[:-1] + "└" + "─" * plot, style="dim"))
    left, right = frame.start.isoformat(), frame.end.isoformat()
    gap = " " * max(1, plot - len(left) - len(right))
    lines.append(Text(margin + left + gap + right, style="dim"))
    legend = Text(margin)
    legend.append("●")
    legend.append(f" {t('chart.actual', lang)}   ")
    if target_edges(detail):
        legend.append("─", style="yellow")
        star = "*" if goal.target is None else ""
        legend.append(f" {t('chart.target', lang)}{star}   ")
    if detail.pace_line is not None:
        legend.append("·", style="cyan")
        legend.append(f" {t('chart.on_pace', lang)}")
    lines.append(legend)
    return lines


# --- terminal -------------------------------------------------------------------------------


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _fields(rows: list[tuple[str, str]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        grid.add_row(name, Text(escape.safe(value)))
    return grid


def _definition(detail: GoalDetail, lang: Lang) -> Table:
    e = detail.evaluation
    goal = e.goal
    milestone = goal.kind is Kind.MILESTONE
    kind = t(goal.kind.value, lang)
    rows = [
        (t("field.kind", lang), kind if milestone else f"{kind} · {t(goal.measure.value, lang)}"),
        (t("field.period", lang), f"{goal.start} – {goal.deadline}"),
    ]
    if not milestone:
        rows.append((t("col.target", lang), target_definition(e, lang)))
    if goal.baseline is not None:
        base = goal.baseline
        when = f" ({base.as_of})" if base.as_of else ""
        value = f"{rounding.written(base.value.text, goal)}{when}"
        rows.append((t("field.baseline", lang), value))
    if goal.tolerance is not None:
        rows.append((t("field.tolerance", lang), display.quantity(goal.tolerance, goal, lang)))
    if goal.owner:
        rows.append((t("field.owner", lang), goal.owner))
    if goal.tags:
        rows.append((t("field.tags", lang), ", ".join(goal.tags)))
    if goal.note:
        rows.append((t("field.note", lang), goal.note))
    if goal.quote:
        rows.append((t("field.quote", lang), f"“{goal.quote}”"))
    for entry in detail.sources:
        rows.append((t("field.source", lang), source_text(entry, lang)))
    return _fields(rows)


def _outcomes(detail: GoalDetail, lang: Lang) -> Table | Text:
    if not detail.points:
        return Text(t("show.no_outcomes", lang))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    titles = {s.id: s.source.title for s in detail.sources if s.source and s.source.title}
    for point in detail.points:
        e = point.evaluation
        outcome = point.outcome
        lines = Text()
        written = written_text(point, lang)
        lines.append(escape.safe(written), style="bold")
        if e.actual is not None and outcome.done is None:
            number = interval_text(e.actual, e.goal)
            if number.replace(" ", "") != written.replace(" ", ""):
                lines.append(f"  = {escape.safe(number)}")
        figures = figures_line(point, lang)
        lines.append("\n")
        if figures:
            lines.append(escape.safe(figures) + " · ")
        lines.append(t(e.status.value, lang), style=STYLES[e.status])
        rates = rate_line(point, lang)
        if rates:
            style = "bold red" if e.rate_check is RateCheck.INCONSISTENT else ""
            lines.append("\n" + escape.safe(rates), style=style)
        if outcome.quote:
            lines.append("\n“" + escape.safe(outcome.quote) + "”", style="italic")
        source = titles.get(outcome.source or "") if outcome.source else None
        if source:
            lines.append(" — " + escape.safe(source), style="dim")
        if outcome.note:
            lines.append("\n" + escape.safe(outcome.note), style="dim")
        grid.add_row(Text(outcome.as_of.isoformat()), lines)
    return grid


def status_line(e: Evaluation, lang: Lang) -> Text:
    """``Status at 2026-12-02: on track · Ratio 56.1% · Pace 1.02 · Gap …``: the one-line
    status of a goal, as ``show`` prints it under the title and ``record`` after writing."""
    status = Text(t("show.now", lang, date=e.as_of))
    status.append(t(e.status.value, lang), style=STYLES[e.status])
    if e.completion is not None:
        status.append(f" · {t('col.ratio', lang)} {rounding.percent(e.completion)}")
    if e.pace is not None:
        status.append(f" · {t('col.pace', lang)} {rounding.plain(e.pace)}")
    if e.lag is not None:
        status.append(f" · {display.lag_text(e.lag, lang)}")
    if e.gap is not None:
        gap = escape.safe(display.difference(e.gap, e.goal, lang))
        status.append(f" · {t('col.gap', lang)} {gap}")
    if e.flags:
        status.append(
            f" · {flags_text(e, lang)}", style="bold" if Flag.RATE_INCONSISTENT in e.flags else ""
        )
    return status


def render_status_line(e: Evaluation, options: RenderOptions) -> str:
    """:func:`status_line` as text (coloured when ``options.color``), wrapped as ``show``
    wraps it."""
    out, buffer = console(options)
    out.print(status_line(e, options.lang))
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def render_text(detail: GoalDetail, options: RenderOptions) -> str:
    lang = options.lang
    out, buffer = console(options)
    e = detail.evaluation
    goal = e.goal
    out.print(Text(escape.safe(goal.title), style="bold"))
    place = " › ".join(detail.chain)
    meta = [goal.id, place] + ([goal.category] if goal.category else [])
    out.print(Text(escape.safe(" · ".join(meta)), style="dim"))
    out.print(status_line(e, lang))
    out.print()
    out.print(_heading(t("show.definition", lang)))
    out.print(_definition(detail, lang))
    out.print()
    out.print(_heading(t("show.outcomes", lang)))
    out.print(_outcomes(detail, lang))
    if detail.later:
        out.print(Text(t("show.later", lang, n=detail.later), style="dim"))
    chart = chart_lines(detail, min(options.width, 100), lang)
    if chart:
        out.print()
        out.print(_heading(t("show.chart", lang)))
        out.print(Group(*chart), no_wrap=True, crop=True)
    text = buffer.getvalue()
    if options.color:
        return text
    return "".join(line.rstrip() + "\n" for line in text.splitlines())  # grids pad with spaces


# --- JSON -----------------------------------------------------------------------------------


def _source_record(source: Source | None, source_id: str) -> dict[str, Any]:
    return {
        "id": source_id,
        "title": source.title if source else None,
        "publisher": source.publisher if source else None,
        "date": source.date.isoformat() if source and source.date else None,
        "url": source.url if source else None,
    }


def _quantity(q: Any) -> dict[str, Any] | None:
    if q is None:
        return None
    return {
        "text": q.text,
        "value": rounding.json_number(q.nominal),
        "low": rounding.json_number(q.low),
        "high": rounding.json_number(q.high),
    }


def _outcome_record(point: Point) -> dict[str, Any]:
    outcome = point.outcome
    record = goal_record(point.evaluation)
    computed = point.computed_rate
    hundred = Fraction(100)
    return {
        "as_of": outcome.as_of.isoformat(),
        "value_text": outcome.value.text if outcome.value else None,
        "value": record["actual"],
        "value_low": record["actual_low"],
        "value_high": record["actual_high"],
        "numerator": rounding.json_number(outcome.numerator),
        "denominator": rounding.json_number(outcome.denominator),
        "done": outcome.done,
        "stated_rate_text": outcome.stated_rate.text if outcome.stated_rate else None,
        "stated_rate": record["stated_rate"],
        "computed_rate": None
        if computed is None
        else {
            "low": rounding.json_number(
                computed.low / hundred if computed.low is not None else None, RATIO
            ),
            "high": rounding.json_number(
                computed.high / hundred if computed.high is not None else None, RATIO
            ),
            "nominal": rounding.json_number(computed.nominal / hundred, RATIO),
        },
        "rate_check": record["rate_check"],
        "ratio": record["ratio"],
        "progress": record["progress"],
        "elapsed": record["elapsed"],
        "pace": record["pace"],
        "gap": record["gap"],
        "completion": record["completion"],
        "lag": record["lag"],
        "stated_gap_text": outcome.stated_gap.text if outcome.stated_gap else None,
        "stated_gap": record["stated_gap"],
        "on_pace": rounding.json_number(point.on_pace),
        "status": record["status"],
        "flags": record["flags"],
        "quote": outcome.quote,
        "source": outcome.source,
        "note": outcome.note,
    }


def render_json(detail: GoalDetail, options: RenderOptions) -> str:
    del options  # JSON is language-neutral
    e = detail.evaluation
    goal = e.goal
    target = goal.target
    baseline = goal.baseline
    document = {
        "as_of": e.as_of.isoformat(),
        "goal": {
            **goal_record(e),
            "region_path": list(detail.chain),
            "target_text": target.text if target else None,
            "target_low": rounding.json_number(target.low) if target else None,
            "target_high": rounding.json_number(target.high) if target else None,
            "approximate": bool(target and target.approximate),
            "baseline": None
            if baseline is None
            else {
                **(_quantity(baseline.value) or {}),
                "as_of": baseline.as_of.isoformat() if baseline.as_of else None,
            },
            "tolerance": rounding.json_number(goal.tolerance),
            "quote": goal.quote,
            "source": goal.source,
            "tags": list(goal.tags),
            "owner": goal.owner,
            "note": goal.note,
        },
        "outcomes": [_outcome_record(p) for p in detail.points],
        "later_outcomes": detail.later,
        "sources": [_source_record(s.source, s.id) for s in detail.sources],
    }
    return encode(document)
