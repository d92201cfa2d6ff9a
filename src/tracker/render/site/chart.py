"""The goal page's history chart: inline SVG, drawn from what ``tracker show`` charts in the
terminal (:func:`tracker.core.views.chart_extent`, ``target_edges``, the time-elapsed line of
:class:`~tracker.core.views.GoalDetail`): every figure as a dot coloured and titled with its
status then, its rounding interval as a whisker, the target line(s) dashed, the line a goal
exactly on pace would follow dotted. Colours are classes (site.css); the outcomes listed under
the chart are its text alternative."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from tracker.core.views import ChartExtent, GoalDetail, chart_extent, target_edges
from tracker.render import display, web
from tracker.render.i18n import Lang, t
from tracker.render.site.page import phrase

esc = web.html_text

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 96, 20, 14, 34
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MIN_LABEL_GAP = 14  # px between two value labels on the axis


class _Scale:
    """Dates and values to pixels, in floats: positions on a screen need no exact arithmetic
    (and a site draws thousands of charts)."""

    def __init__(self, extent: ChartExtent) -> None:
        self.start = extent.start
        self.low = float(extent.low)
        high = float(extent.high)
        self.span = (high - self.low) * 1.05 or 1.0  # headroom for the top dot
        self.days = max((extent.end - extent.start).days, 1)

    def x(self, day: date) -> float:
        share = min(max((day - self.start).days / self.days, 0.0), 1.0)
        return round(LEFT + share * PLOT_W, 1)

    def y(self, value: Fraction) -> float:
        share = 1.0 - (float(value) - self.low) / self.span
        return round(TOP + min(max(share, 0.0), 1.0) * PLOT_H, 1)


def history_chart(detail: GoalDetail, lang: Lang) -> str:
    """The SVG, or ``""`` when no outcome has a figure (milestones, goals without data)."""
    extent = chart_extent(detail)
    if extent is None:
        return ""
    goal = detail.goal
    scale = _Scale(extent)
    points = [p for p in detail.points if p.evaluation.actual is not None]
    label = t("site.chart_label", lang, title=goal.title, n=len(points))
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">'
    ]

    said: dict[Fraction, str] = {}

    def quantity(value: Fraction) -> str:
        """The value as the page writes it, escaped (each once: labels repeat in tips)."""
        found = said.get(value)
        if found is None:
            found = said[value] = esc(display.quantity(value, goal, lang))
        return found

    # value labels: the bottom, the highest figure, the baseline, then the target line(s)
    top = max(p.evaluation.actual.nominal for p in points if p.evaluation.actual)
    labelled: dict[float, Fraction] = {scale.y(extent.low): extent.low, scale.y(top): top}
    if goal.baseline is not None:
        labelled[scale.y(goal.baseline.value.nominal)] = goal.baseline.value.nominal
    edges = target_edges(detail)
    shown: list[float] = []
    for y, value in [*((scale.y(e), e) for e in edges), *labelled.items()]:  # targets win
        if any(abs(y - other) < MIN_LABEL_GAP for other in shown):
            continue
        shown.append(y)
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{y}" y2="{y}"/>')
        parts.append(
            f'<text class="axis" x="{LEFT - 6}" y="{y + 4}" text-anchor="end">'
            f"{quantity(value)}</text>"
        )
    bottom = TOP + PLOT_H
    parts.append(
        f'<text class="axis" x="{LEFT}" y="{bottom + 20}">{extent.start.isoformat()}</text>'
        f'<text class="axis" x="{LEFT + PLOT_W}" y="{bottom + 20}" text-anchor="end">'
        f"{extent.end.isoformat()}</text>"
    )
    for edge in edges:
        y = scale.y(edge)
        parts.append(
            f'<line class="target" x1="{LEFT}" x2="{LEFT + PLOT_W}" y1="{y}" y2="{y}">'
            f"<title>{phrase('chart.target', lang)} {quantity(edge)}</title></line>"
        )
    if detail.pace_line is not None:
        (d0, v0), (d1, v1) = detail.pace_line
        parts.append(
            f'<line class="pace" x1="{scale.x(d0)}" y1="{scale.y(v0)}" '
            f'x2="{scale.x(d1)}" y2="{scale.y(v1)}"><title>{phrase("chart.on_pace", lang)}'
            "</title></line>"
        )
    drawn = [
        (p, scale.x(p.outcome.as_of), scale.y(p.evaluation.actual.nominal), p.evaluation.actual)
        for p in points
        if p.evaluation.actual
    ]
    if len(drawn) > 1:
        path = " ".join(f"{x},{y}" for _, x, y, _ in drawn)
        parts.append(f'<polyline class="path" points="{path}"/>')
    for point, x, y, actual in drawn:
        if actual.low is not None and actual.high is not None and actual.low != actual.high:
            parts.append(
                f'<line class="whisker" x1="{x}" x2="{x}" y1="{scale.y(actual.high)}" '
                f'y2="{scale.y(actual.low)}"/>'
            )
        status = point.evaluation.status.value
        parts.append(
            f'<circle class="dot s-{status}" cx="{x}" cy="{y}" r="5"><title>'
            f"{point.outcome.as_of.isoformat()} · {quantity(actual.nominal)} · "
            f"{phrase(status, lang)}</title></circle>"
        )
    parts.append("</svg>")
    return "".join(parts)


def chart_key(detail: GoalDetail, lang: Lang) -> str:
    """The legend of the lines that appear."""
    items = [f'<li class="k-actual">{phrase("chart.actual", lang)}</li>']
    if target_edges(detail):
        star = "*" if detail.goal.target is None else ""
        items.append(f'<li class="k-target">{phrase("chart.target", lang)}{star}</li>')
    if detail.pace_line is not None:
        items.append(f'<li class="k-pace">{phrase("chart.on_pace", lang)}</li>')
    return f'<ul class="key">{"".join(items)}</ul>'
