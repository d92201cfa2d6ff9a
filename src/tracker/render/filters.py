"""The filters in force, as a header states them (``地区 新绛县 ← xinjiang · 年份 2023``), and
why a selection came out empty (the hint under "No goals match", on stderr)."""

from __future__ import annotations

from tracker.core.status import Emptiness, Selection, StatusReport
from tracker.render import escape
from tracker.render.i18n import Lang, t


def _join(items: list[str], lang: Lang) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def years_text(years: tuple[int, ...], lang: Lang) -> str:
    """Runs of consecutive years shortened: ``2017–2020、2023``."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return _join([f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs], lang)


def region_text(query: str, name: str) -> str:
    """``新绛县 ← xinjiang`` when the query was not the name itself, else the name."""
    return name if query == name else f"{name} ← {query}"


def filter_parts(selection: Selection, lang: Lang) -> list[str]:
    """Each active filter as ``label value`` (plain text: each format escapes it)."""
    parts = []
    if selection.resolved:
        regions = [region_text(query, name) for query, name in selection.resolved]
        parts.append(f"{t('report.filter.region', lang)} {_join(regions, lang)}")
    if selection.years:
        years = [str(y) for y in sorted(selection.years)]
        parts.append(f"{t('report.filter.year', lang)} {_join(years, lang)}")
    if selection.categories:
        parts.append(
            f"{t('report.filter.category', lang)} {_join(sorted(selection.categories), lang)}"
        )
    if selection.statuses:
        statuses = [t(s.value, lang) for s in sorted(selection.statuses, key=lambda s: s.value)]
        parts.append(f"{t('report.filter.status', lang)} {_join(statuses, lang)}")
    if selection.hidden:
        hidden = [t(s.value, lang) for s in sorted(selection.hidden, key=lambda s: s.value)]
        parts.append(f"{t('report.filter.hide', lang)} {_join(hidden, lang)}")
    if selection.due_within is not None:
        parts.append(t("report.filter.due", lang, days=selection.due_within))
    return parts


def empty_hint(why: Emptiness, lang: Lang) -> str:
    """One line: which filter left nothing, and what there is instead."""
    if why.filter == "year":
        return t("empty.year", lang, years=years_text(why.years, lang))
    if why.filter == "category":
        hint = t("empty.category", lang, categories=_join(list(why.categories), lang) or "—")
        if why.close:
            hint += t("empty.did_you_mean", lang, names=_join(list(why.close), lang))
        return hint
    if why.filter in ("status", "hide", "due"):
        statuses = _join([t(s.value, lang) for s in why.statuses], lang)
        return t(f"empty.{why.filter}", lang, statuses=statuses)
    return t(f"empty.{why.filter}", lang)


def status_title(report: StatusReport, lang: Lang) -> str:
    """``Target status  ·  Evaluated at 2026-12-02  ·  region 新绛县 ← xinjiang``: the status
    table's heading, with the filters in force (data text made inert for a terminal)."""
    parts = [t("title.status", lang), f"{t('as_of', lang)} {report.as_of}"]
    parts += [escape.safe(part) for part in filter_parts(report.selection, lang)]
    return "  ·  ".join(parts)
