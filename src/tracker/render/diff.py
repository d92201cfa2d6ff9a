"""`tracker diff` output: coloured text, Markdown for a pull-request comment, and JSON.

Each renderer takes the computed :class:`DataDiff` (and which revisions it compares) and
returns text; the formats are ``tracker.render.registry.DiffFormat``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import click

from tracker.core import rounding
from tracker.core.changes import DataDiff, GoalChange, OutcomeChange
from tracker.model import Goal, Outcome
from tracker.render import display, escape
from tracker.render.i18n import Lang, t
from tracker.render.json import encode
from tracker.render.options import RenderOptions


@dataclass(frozen=True, slots=True)
class Revisions:
    """What was compared: each side's revision as given and its commit; None = working tree."""

    old_rev: str
    old_commit: str
    new_rev: str | None
    new_commit: str | None
    data: str  # the data directory, as the user sees it


# --- shared wording ---------------------------------------------------------------------------


def target_text(goal: Goal, lang: Lang, deadlines: Mapping[str, date]) -> str:
    """The target as the report wrote it; a relative one in words (``不少于上年``, or the id
    of the goal it refers to: ``deadlines`` tells last year's goal)."""
    if goal.target is not None:
        return rounding.written(goal.target.text, goal)
    if goal.target_ref is not None:
        return display.relative_words(goal, deadlines.get(goal.target_ref.goal), lang)
    return "—"


def field_text(
    goal: Goal, field: str, lang: Lang, deadlines: Mapping[str, date] | None = None
) -> str:
    """One defining field of a goal, as data text (the target as the report wrote it)."""
    if field == "target":
        return target_text(goal, lang, deadlines or {})
    if field == "kind":
        return t(goal.kind.value, lang)
    if field == "measure":
        return t(goal.measure.value, lang)
    if field == "period":
        return display.period_text(goal)
    if field == "unit":
        return goal.unit or "—"
    if field == "baseline":
        base = goal.baseline
        if base is None:
            return "—"
        when = f" ({base.as_of})" if base.as_of else ""
        return rounding.written(base.value.text, goal) + when
    if field == "tolerance":
        return "—" if goal.tolerance is None else display.quantity(goal.tolerance, goal, lang)
    if field == "title":
        return goal.title
    if field == "region":
        return goal.region
    raise ValueError(field)


def outcome_text(goal: Goal, outcome: Outcome | None, lang: Lang) -> str:
    """A figure as written: ``5.31万人 (104.19%)``, ``44/77 = 57.2%``, ``done``."""
    if outcome is None:
        return "—"
    if outcome.done is not None:
        text = t("done" if outcome.done else "not_done", lang)
    elif outcome.numerator is not None and outcome.denominator is not None:
        text = f"{rounding.to_decimal(outcome.numerator, 4):f}/"
        text += f"{rounding.to_decimal(outcome.denominator, 4):f}"
        if outcome.value is not None:
            text += f" = {rounding.written(outcome.value.text, goal)}"
    elif outcome.value is not None:
        text = rounding.written(outcome.value.text, goal)
    else:
        text = "—"
    if outcome.stated_rate is not None:
        text += f" ({rounding.rate_written(outcome.stated_rate)})"
    return text


def move_text(change: GoalChange, lang: Lang) -> str:
    """`` (lowered by 3,000 人, -10.7%)`` / ``(下调3000人,-10.7%)`` after a moved goalpost's
    old → new; nothing when the move has no single size (a band, a relative target)."""
    move = change.target_move
    if move is None or move.direction == "same":
        return ""
    amount = display.difference(abs(move.amount), change.new, lang)
    said = t(f"diff.{move.direction}", lang, amount=amount)
    if move.share is None:
        return t("diff.move_plain", lang, move=said)
    sign = "+" if move.share > 0 else "-"
    return t("diff.move", lang, move=said, percent=sign + rounding.percent(abs(move.share)))


def field_label(field: str, lang: Lang) -> str:
    return t("diff.goalpost" if field == "target" else f"diff.field.{field}", lang)


def _to_label(revisions: Revisions, lang: Lang) -> str:
    return revisions.new_rev if revisions.new_rev is not None else t("diff.worktree", lang)


def _counts(diff: DataDiff, lang: Lang) -> list[str]:
    """``1 goalpost moved``, ``2 outcomes added`` …: every kind of change there is,
    goalposts first."""
    pairs = [
        ("goalposts", len(diff.goalposts_moved)),
        ("changed", len(diff.changed) - len(diff.goalposts_moved)),
        ("added", len(diff.added)),
        ("removed", len(diff.removed)),
        ("outcomes_added", len(diff.outcomes_added)),
        ("outcomes_restated", len(diff.outcomes_restated)),
        ("outcomes_removed", len(diff.outcomes_removed)),
        ("status", len(diff.status_changed)),
    ]
    return [
        t(f"diff.n.{key}_one" if n == 1 else f"diff.n.{key}", lang, n=n) for key, n in pairs if n
    ]


# --- text -------------------------------------------------------------------------------------


def render_text(diff: DataDiff, revisions: Revisions, options: RenderOptions) -> str:
    lang, color = options.lang, options.color

    def style(text: str, **how: Any) -> str:
        return click.style(text, **how) if color else text

    def goal_head(goal: Goal) -> str:
        region, title = escape.safe(goal.region), escape.safe(goal.title)
        return f"{style(escape.safe(goal.id), bold=True)} · {region} · {title}"

    lines = [
        style(
            t("diff.title", lang, old=revisions.old_rev, new=_to_label(revisions, lang)),
            bold=True,
        )
        + f"  ({revisions.data} · {t('diff.at', lang, date=diff.as_of)})",
        "",
    ]
    if diff.empty:
        return "\n".join([*lines, t("diff.none", lang), ""])

    def section(key: str, count: int) -> None:
        lines.append(style(f"{t(key, lang)} ({count})", bold=True, underline=True))

    if diff.changed:
        section("diff.changed_all", len(diff.changed))
        for change in diff.changed:
            lines.append(f"  {style('~', fg='yellow')} {goal_head(change.new)}")
            for field in change.fields:
                label = field_label(field, lang)
                if field == "target":
                    label = style(label, fg="yellow", bold=True)
                old = escape.safe(field_text(change.old, field, lang, diff.deadlines))
                new = escape.safe(field_text(change.new, field, lang, diff.deadlines))
                move = move_text(change, lang) if field == "target" else ""
                lines.append(f"      {label}: {old} → {new}{escape.safe(move)}")
        lines.append("")
    if diff.added:
        section("diff.added", len(diff.added))
        for e in diff.added:
            status = style(t(e.status.value, lang), bold=True)
            target = ""
            if e.goal.target is not None or e.goal.target_ref is not None:
                shown = escape.safe(target_text(e.goal, lang, diff.deadlines))
                target = f" · {t('diff.field.target', lang)} {shown}"
            lines.append(f"  {style('+', fg='green')} {goal_head(e.goal)}{target} · {status}")
        lines.append("")
    if diff.removed:
        section("diff.removed", len(diff.removed))
        lines.extend(f"  {style('-', fg='red')} {goal_head(g)}" for g in diff.removed)
        lines.append("")
    for key, mark, how, changes in (
        ("diff.outcomes_added", "+", {"fg": "green"}, diff.outcomes_added),
        ("diff.outcomes_restated", "!", {"fg": "magenta", "bold": True}, diff.outcomes_restated),
        ("diff.outcomes_removed", "-", {"fg": "red"}, diff.outcomes_removed),
    ):
        if not changes:
            continue
        section(key, len(changes))
        for c in changes:
            figure = _outcome_change_text(c, lang)
            lines.append(
                f"  {style(mark, **how)} {style(escape.safe(c.goal.id), bold=True)} · "
                f"{c.as_of} · {figure}"
            )
        lines.append("")
    if diff.status_changed:
        section("diff.status", len(diff.status_changed))
        for s in diff.status_changed:
            before, after = t(s.old.status.value, lang), t(s.new.status.value, lang)
            lines.append(f"  {goal_head(s.new.goal)}: {before} → {style(after, bold=True)}")
        lines.append("")
    lines.append(" · ".join(_counts(diff, lang)))
    return "\n".join(lines) + "\n"


def _outcome_change_text(change: OutcomeChange, lang: Lang) -> str:
    goal = change.goal
    if change.old is not None and change.new is not None:
        old = escape.safe(outcome_text(goal, change.old, lang))
        return f"{old} → {escape.safe(outcome_text(goal, change.new, lang))}"
    return escape.safe(outcome_text(goal, change.new or change.old, lang))


# --- Markdown ---------------------------------------------------------------------------------


def _table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = list(headers)
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out.extend("| " + " | ".join(row) + " |" for row in rows)
    return [*out, ""]


def _code(text: str) -> str:
    """A revision name as inline code (backticks removed: they would end it)."""
    return "`" + escape.safe(text).replace("`", "").replace("\n", " ") + "`"


# A pull-request comment: a hidden marker a CI job finds its earlier comment by (to update
# it), sections longer than MD_OPEN_ROWS folded, at most MD_MAX_ROWS rows a table (GitHub
# refuses comments over 65,536 characters).
MD_MARKER = "<!-- tracker diff -->"
MD_OPEN_ROWS = 10
MD_MAX_ROWS = 100


def render_markdown(diff: DataDiff, revisions: Revisions, options: RenderOptions) -> str:
    """Ready to paste as a pull-request comment: a title, the counts, one table per kind."""
    lang = options.lang
    md = escape.md
    to = _code(revisions.new_rev) if revisions.new_rev else md(_to_label(revisions, lang))
    lines = [
        MD_MARKER,
        f"### {t('diff.title', lang, old=_code(revisions.old_rev), new=to)}",
        "",
        f"{md(revisions.data)} · {t('diff.at', lang, date=diff.as_of)}",
        "",
    ]
    if diff.empty:
        return "\n".join([*lines, t("diff.none", lang), ""])
    counts = _counts(diff, lang)
    if diff.goalposts_moved:
        counts[0] = f"**{counts[0]}**"
    lines += [" · ".join(counts), ""]

    goal_col, region_col = t("col.goal", lang), t("col.region", lang)
    before, after = t("diff.col.before", lang), t("diff.col.after", lang)

    def goal_cell(goal: Goal) -> str:
        return f"{md(goal.title)}<br>{md(goal.id)}"

    def add(key: str, count: int, headers: list[str], rows: Iterable[list[str]]) -> None:
        shown = list(rows)
        title = f"{t(key, lang)} ({count})"
        folded = len(shown) > MD_OPEN_ROWS  # a long section folded: the comment stays short
        if folded:
            lines.extend(["<details>", f"<summary><b>{title}</b></summary>", ""])
        else:
            lines.extend([f"#### {title}", ""])
        lines.extend(_table(headers, shown[:MD_MAX_ROWS]))
        if len(shown) > MD_MAX_ROWS:
            lines.extend([t("diff.more_rows", lang, n=len(shown) - MD_MAX_ROWS), ""])
        if folded:
            lines.extend(["</details>", ""])

    if diff.changed:
        rows = []
        for change in diff.changed:
            for field in change.fields:
                label = md(field_label(field, lang))
                rows.append(
                    [
                        goal_cell(change.new),
                        md(change.new.region),
                        f"**{label}**" if field == "target" else label,
                        md(field_text(change.old, field, lang, diff.deadlines)),
                        md(field_text(change.new, field, lang, diff.deadlines))
                        + (md(move_text(change, lang)) if field == "target" else ""),
                    ]
                )
        headers = [goal_col, region_col, t("diff.col.change", lang), before, after]
        add("diff.changed_all", len(diff.changed), headers, rows)
    if diff.added:
        add(
            "diff.added",
            len(diff.added),
            [goal_col, region_col, t("col.target", lang), t("col.status", lang)],
            (
                [
                    goal_cell(e.goal),
                    md(e.goal.region),
                    md(target_text(e.goal, lang, diff.deadlines)),
                    t(e.status.value, lang),
                ]
                for e in diff.added
            ),
        )
    if diff.removed:
        add(
            "diff.removed",
            len(diff.removed),
            [goal_col, region_col, t("col.target", lang)],
            (
                [goal_cell(g), md(g.region), md(target_text(g, lang, diff.deadlines))]
                for g in diff.removed
            ),
        )
    date_col, figure_col = t("diff.col.date", lang), t("diff.col.figure", lang)
    for key, changes in (
        ("diff.outcomes_added", diff.outcomes_added),
        ("diff.outcomes_removed", diff.outcomes_removed),
    ):
        if changes:
            add(
                key,
                len(changes),
                [goal_col, date_col, figure_col],
                (
                    [
                        goal_cell(c.goal),
                        str(c.as_of),
                        md(outcome_text(c.goal, c.new or c.old, lang)),
                    ]
                    for c in changes
                ),
            )
    if diff.outcomes_restated:
        add(
            "diff.outcomes_restated",
            len(diff.outcomes_restated),
            [goal_col, date_col, before, after],
            (
                [
                    goal_cell(c.goal),
                    str(c.as_of),
                    md(outcome_text(c.goal, c.old, lang)),
                    md(outcome_text(c.goal, c.new, lang)),
                ]
                for c in diff.outcomes_restated
            ),
        )
    if diff.status_changed:
        add(
            "diff.status",
            len(diff.status_changed),
            [goal_col, region_col, before, after],
            (
                [
                    goal_cell(s.new.goal),
                    md(s.new.goal.region),
                    t(s.old.status.value, lang),
                    f"**{t(s.new.status.value, lang)}**",
                ]
                for s in diff.status_changed
            ),
        )
    return "\n".join(lines)


# --- JSON -------------------------------------------------------------------------------------


def _goal_ref(goal: Goal) -> dict[str, Any]:
    return {
        "id": goal.id,
        "region": goal.region,
        "title": goal.title,
        "file": goal.file,
        "line": goal.line,
    }


def _target_value(goal: Goal) -> Any:
    """The target in base units: a number, [low, high] for a band, or null."""
    target = goal.target
    if target is None:
        return None
    if target.low != target.high:
        return [rounding.json_number(target.low), rounding.json_number(target.high)]
    return rounding.json_number(target.nominal)


def _field_record(change: GoalChange, field: str, deadlines: Mapping[str, date]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "field": field,
        "old": field_text(change.old, field, "en", deadlines),
        "new": field_text(change.new, field, "en", deadlines),
    }
    if field == "target":
        record["old_value"] = _target_value(change.old)
        record["new_value"] = _target_value(change.new)
        move = change.target_move
        record["direction"] = None if move is None else move.direction
        record["change"] = None if move is None else rounding.json_number(move.amount)
        record["change_share"] = (
            None if move is None or move.share is None else rounding.json_number(move.share, 4)
        )
    return record


def _outcome_record(change: OutcomeChange) -> dict[str, Any]:
    def figure(outcome: Outcome | None) -> str | None:
        return None if outcome is None else outcome_text(change.goal, outcome, "en")

    return {
        "goal_id": change.goal.id,
        "as_of": change.as_of.isoformat(),
        "old": figure(change.old),
        "new": figure(change.new),
    }


def render_json(diff: DataDiff, revisions: Revisions, options: RenderOptions) -> str:
    del options  # JSON is language- and colour-neutral

    def side(rev: str | None, commit: str | None) -> dict[str, str | None]:
        return {"rev": rev, "commit": commit}  # null rev: the working tree

    def records(changes: Iterable[OutcomeChange]) -> list[dict[str, Any]]:
        return [_outcome_record(c) for c in changes]

    document = {
        "from": side(revisions.old_rev, revisions.old_commit),
        "to": side(revisions.new_rev, revisions.new_commit),
        "data": revisions.data,
        "as_of": diff.as_of.isoformat(),
        "goals_added": [
            {**_goal_ref(e.goal), "target": _target_value(e.goal), "status": e.status.value}
            for e in diff.added
        ],
        "goals_removed": [_goal_ref(g) for g in diff.removed],
        "goals_changed": [
            {
                **_goal_ref(c.new),
                "goalpost_moved": c.goalpost_moved,
                "changes": [_field_record(c, f, diff.deadlines) for f in c.fields],
            }
            for c in diff.changed
        ],
        "outcomes_added": records(diff.outcomes_added),
        "outcomes_removed": records(diff.outcomes_removed),
        "outcomes_restated": records(diff.outcomes_restated),
        "status_changed": [
            {**_goal_ref(s.new.goal), "old": s.old.status.value, "new": s.new.status.value}
            for s in diff.status_changed
        ],
        "summary": {
            "goals_added": len(diff.added),
            "goals_removed": len(diff.removed),
            "goals_changed": len(diff.changed),
            "goalposts_moved": len(diff.goalposts_moved),
            "outcomes_added": len(diff.outcomes_added),
            "outcomes_removed": len(diff.outcomes_removed),
            "outcomes_restated": len(diff.outcomes_restated),
            "status_changed": len(diff.status_changed),
        },
    }
    return encode(document)
