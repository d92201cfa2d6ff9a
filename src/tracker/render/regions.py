"""``tracker regions``: the region tree with goal counts and a status breakdown per region."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from tracker.core.compute import Status
from tracker.core.status import SEVERITY
from tracker.core.views import RegionRow
from tracker.render import escape
from tracker.render.i18n import t
from tracker.render.json import encode
from tracker.render.options import RenderOptions
from tracker.render.rich_table import console
from tracker.render.terminal import STYLES

# A whole column of white-on-red would shout: counts take the status colour as text only.
COUNT_STYLES = {**STYLES, Status.MISSED: "bold red"}


def guide(row: RegionRow) -> str:
    """Tree guides: ``│  ├─ `` from whether each ancestor was the last of its siblings."""
    if row.depth == 0:
        return ""
    prefix = "".join("   " if last else "│  " for last in row.last[1:-1])
    return prefix + ("└─ " if row.last[-1] else "├─ ")


def render_text(rows: tuple[RegionRow, ...], as_of: date, options: RenderOptions) -> str:
    lang = options.lang
    out, buffer = console(options)
    out.print(Text(f"{t('title.regions', lang)}  ·  {t('as_of', lang)} {as_of}", style="bold"))
    if not rows:
        out.print(t("none", lang))
        return buffer.getvalue()
    shown = [s for s in SEVERITY if any(r.subtree.get(s) for r in rows)]
    table = Table(
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
        padding=(0, 1),
    )
    table.add_column(t("col.region", lang), no_wrap=True)
    table.add_column(t("col.own", lang), justify="right")
    table.add_column(t("col.subtree", lang), justify="right")
    for status in shown:
        table.add_column(t(status.value, lang), justify="right")
    for row in rows:
        name = Text()
        name.append(guide(row), style="dim")
        name.append(escape.safe(row.name), style="bold" if row.depth == 0 else "")
        cells: list[Text | str] = [
            name,
            str(row.own_total) if row.own_total else Text("·", style="dim"),
            str(row.subtree_total) if row.subtree_total else Text("·", style="dim"),
        ]
        for status in shown:
            n = row.subtree.get(status, 0)
            cells.append(Text(str(n), style=COUNT_STYLES[status]) if n else Text("·", style="dim"))
        table.add_row(*cells)
    out.print(table)
    out.print(Text(t("regions.note", lang), style="dim"))
    text = buffer.getvalue()
    if options.color:
        return text
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def _counts(counts: dict[Status, int]) -> dict[str, int]:
    return {s.value: n for s, n in counts.items()}


def render_json(rows: tuple[RegionRow, ...], as_of: date, options: RenderOptions) -> str:
    del options
    records: list[dict[str, Any]] = [
        {
            "name": row.name,
            "parent": row.parent,
            "code": row.code,
            "aliases": list(row.aliases),
            "depth": row.depth,
            "goals": row.own_total,
            "by_status": _counts(row.own),
            "total": row.subtree_total,
            "total_by_status": _counts(row.subtree),
        }
        for row in rows
    ]
    return encode({"as_of": as_of.isoformat(), "regions": records})
