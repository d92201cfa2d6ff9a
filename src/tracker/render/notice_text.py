"""The wording of ``tracker report --style notice``, shared by its Markdown and HTML
renderers: the heading, the overview sentences, each grid cell's lines and each list item's
sentence. Plain text throughout (each renderer escapes it for its format)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.core import rounding
from tracker.core.compute import Evaluation
from tracker.core.notice import LIGHTS, Dated, Light, NoticeData
from tracker.render import display
from tracker.render.i18n import Lang, t

MARKERS: dict[Light, str] = {
    Light.GREEN: "🟢",
    Light.YELLOW: "🟡",
    Light.RED: "🔴",
    Light.NONE: "⚪",
}


def title(data: NoticeData, lang: Lang) -> str:
    if data.scope:
        return t("notice.title", lang, scope="、".join(data.scope))
    return t("notice.title_all", lang)


def meta(data: NoticeData, lang: Lang) -> list[str]:
    """The evaluation date, the data's commit and the filters in force."""
    parts = [t("notice.as_of", lang, date=display.long_date(data.as_of, lang))]
    version = data.version
    if version is not None:
        key = "notice.version_dirty" if version.dirty else "notice.version"
        parts.append(t(key, lang, commit=version.short, date=version.date.isoformat()))
    if data.years:
        years = ", ".join(str(y) for y in data.years)
        parts.append(f"{t('report.filter.year', lang)} {years}")
    if data.categories:
        parts.append(f"{t('report.filter.category', lang)} {', '.join(data.categories)}")
    return parts


def light_label(light: Light, lang: Lang) -> str:
    return t(f"light.{light.value}", lang)


def overview(data: NoticeData, lang: Lang) -> str:
    """The overview's sentences: the lights, the statuses, the figures left out."""
    lights = data.lights
    lines = [
        t(
            "notice.lights",
            lang,
            tasks=data.tasks,
            green=lights[Light.GREEN],
            yellow=lights[Light.YELLOW],
            red=lights[Light.RED],
            none=lights[Light.NONE],
        )
    ]
    if data.by_status:
        sep = "、" if lang == "zh" else ", "
        counts = sep.join(
            t("report.lead_count", lang, label=t(s.value, lang), n=n)
            for s, n in data.by_status.items()
        )
        lines[0] += ("" if lang == "zh" else " ") + t("notice.breakdown", lang, counts=counts)
    if data.figures_only:
        lines.append(t("notice.figures_only", lang, n=data.figures_only))
    return ("" if lang == "zh" else " ").join(lines)


def bands(data: NoticeData) -> tuple[str, str]:
    """The lag bands in percentage points, as the legend writes them (``10``, ``30``)."""
    lag_bands = data.thresholds.lag_bands
    assert lag_bands is not None  # noqa: S101  # a notice always judges by lag bands
    return display.number(lag_bands[0] * 100, "en"), display.number(lag_bands[1] * 100, "en")


def legend(data: NoticeData, lang: Lang) -> str:
    green, yellow = bands(data)
    return t("notice.grid_legend", lang, green=green, yellow=yellow)


@dataclass(frozen=True, slots=True)
class CellText:
    """One goal in a grid cell: its light, the label naming it, and its figures."""

    light: Light
    label: str  # 绿灯 · 已完成 (2022)
    target: str
    progress: str
    completion: str


def mixed_periods(data: NoticeData) -> bool:
    """Whether the grid holds goals of more than one period (each cell then names its own)."""
    periods = {
        display.period_text(e.goal) for line in data.grid.cells for cell in line for e in cell
    }
    return len(periods) > 1


def cell_text(e: Evaluation, lang: Lang, *, period: bool) -> CellText:
    light = LIGHTS[e.status]
    label = f"{light_label(light, lang)} · {t(e.status.value, lang)}"
    marks = display.markers(e)
    if marks:
        label += f" {marks}"
    if period:
        label += f" ({display.period_text(e.goal)})"
    return CellText(
        light=light,
        label=label,
        target=f"{t('cell.target', lang)} {display.target_text(e, lang)}",
        progress=f"{t('cell.progress', lang)} {display.actual_text(e, lang)}",
        completion=f"{t('cell.completion', lang)} {rounding.percent(e.completion)}",
    )


def _place(e: Evaluation) -> dict[str, str]:
    return {"region": e.goal.region, "title": e.goal.title}


def _owner(e: Evaluation, lang: Lang) -> str:
    owner = e.goal.owner
    if not owner:
        return ""
    return ("," if lang == "zh" else "; ") + t("notice.owner", lang, owner=owner)


def overdue_item(item: Dated, lang: Lang) -> str:
    e = item.evaluation
    latest = ""
    if e.outcome is not None:
        latest = t("notice.latest", lang, date=e.outcome.as_of.isoformat())
    text = t(
        "notice.overdue_item",
        lang,
        **_place(e),
        deadline=e.goal.deadline.isoformat(),
        days=item.days,
        latest=latest,
    )
    return _with_owner(text, e, lang)


def _with_owner(text: str, e: Evaluation, lang: Lang) -> str:
    """The sentence with the responsible body before its full stop."""
    owner = _owner(e, lang)
    if not owner:
        return text
    stop = text[-1]
    return f"{text[:-1]}{owner}{stop}"


def lagging_item(e: Evaluation, lang: Lang) -> str:
    assert e.lag is not None  # noqa: S101  # the lagging list holds goals with a lag
    as_of = e.outcome.as_of.isoformat() if e.outcome is not None else ""
    text = t(
        "notice.lagging_item",
        lang,
        **_place(e),
        target=display.target_text(e, lang),
        date=as_of,
        actual=display.actual_text(e, lang),
        completion=rounding.percent(e.completion),
        lag=display.lag_points(e.lag),
        light=light_label(LIGHTS[e.status], lang),
    )
    return _with_owner(text, e, lang)


def due_item(item: Dated, lang: Lang) -> str:
    e = item.evaluation
    if e.outcome is None:
        state = t(e.status.value, lang)
    else:
        state = t(
            "notice.due_state",
            lang,
            actual=display.actual_text(e, lang),
            status=t(e.status.value, lang),
        )
    text = t(
        "notice.due_item",
        lang,
        **_place(e),
        deadline=e.goal.deadline.isoformat(),
        days=item.days,
        target=display.target_text(e, lang),
        state=state,
    )
    return _with_owner(text, e, lang)


def lagging_none(data: NoticeData, lang: Lang) -> str:
    return t("notice.lagging_none", lang, green=bands(data)[0])


def method_lines(data: NoticeData, lang: Lang, rows: Iterable[Evaluation]) -> list[str]:
    """How to read the notice: the lag bands, overdue, intervals, and the marks used."""
    green, yellow = bands(data)
    return [
        t("report.method_lag", lang, green=green, yellow=yellow),
        t("report.method_overdue", lang),
        t("report.method_interval", lang),
        *display.legend(list(rows), lang),
    ]


def grid_rows(data: NoticeData) -> list[Evaluation]:
    """Every goal of the grid, once."""
    return [e for line in data.grid.cells for cell in line for e in cell]
