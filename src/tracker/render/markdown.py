"""``--format markdown``: a GitHub-flavoured table (tabulate, CJK-aware through wcwidth)."""

from __future__ import annotations

from tabulate import tabulate

from tracker.core.compute import Status
from tracker.core.status import StatusReport
from tracker.render import display, escape
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.rows import cells

MARKERS: dict[Status, str] = {
    Status.ACHIEVED: "✅",
    Status.ON_TRACK: "🟢",
    Status.AT_RISK: "🟡",
    Status.BEHIND: "🔴",
    Status.MISSED: "❌",
    Status.OVERDUE: "⏰",
    Status.UNCLEAR: "❔",
    Status.NO_DATA: "⚪",
    Status.NO_TARGET: "➖",
}


def render_status(report: StatusReport, options: RenderOptions) -> str:
    lang = options.lang
    lines = [f"## {t('title.status', lang)}", "", f"{t('as_of', lang)}: {report.as_of}", ""]
    if not report.rows:
        return "\n".join([*lines, t("none", lang), ""])
    header = [
        t(f"col.{k}", lang)
        for k in (
            "region",
            "goal",
            "target",
            "actual",
            "as_of",
            "ratio",
            "progress",
            "pace",
            "gap",
            "status",
            *("due" if name == "deadline" else name for name in options.columns),
        )
    ]
    body = []
    for e in report.rows:
        c = cells(e, lang)
        body.append(
            [
                escape.md(c.region),
                escape.md(c.title),
                escape.md(c.target),
                escape.md(c.actual),
                c.as_of,
                c.ratio,
                f"`{c.bar}`" if c.bar else "",
                c.pace,
                escape.md(c.gap),
                f"{MARKERS[e.status]} {c.status}{(' ' + escape.md(c.marks)) if c.marks else ''}",
                *(escape.md(c.column(name)) for name in options.columns),
            ]
        )
    lines.append(tabulate(body, header, tablefmt="github", disable_numparse=True))
    counts = " · ".join(
        f"{MARKERS[s]} {t(s.value, lang)} {n}" for s, n in report.summary.by_status.items()
    )
    lines += ["", f"**{t('total', lang, n=report.summary.total)}** · {counts}", ""]
    legend = display.legend(report.rows, lang)
    if legend:
        lines += [" · ".join(escape.md(entry) for entry in legend), ""]
    return "\n".join(lines)
