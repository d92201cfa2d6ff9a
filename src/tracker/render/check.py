"""`tracker check` output: text for people, JSON for programs, GitHub workflow commands,
a GitLab Code Quality report.

Each renderer takes the :class:`CheckReport` and the render options and returns text; the
formats are ``tracker.render.registry.CheckFormat``.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from itertools import groupby
from typing import Any

import click

from tracker.core.checks import CheckReport
from tracker.problems import Problem, Severity
from tracker.render.escape import inline, safe
from tracker.render.i18n import Lang, t
from tracker.render.json import encode
from tracker.render.options import RenderOptions

# --- text -----------------------------------------------------------------------------------

_STYLE: dict[Severity, dict[str, Any]] = {
    Severity.ERROR: {"fg": "red", "bold": True},
    Severity.WARNING: {"fg": "yellow"},
}


def _line(problem: Problem, label: str, style: dict[str, Any], color: bool) -> str:
    """``file:line:col: error E101 [goal-id] message``: the location first, so editors and
    terminals can jump to it."""
    location = inline(problem.location())  # a file name is data too (docs/security.md)
    goal = f" [{inline(problem.goal_id)}]" if problem.goal_id else ""
    message = inline(problem.message)
    if not color:
        return f"{location}: {label} {problem.code}{goal} {message}"
    return (
        f"{click.style(location, bold=True)}: {click.style(f'{label} {problem.code}', **style)}"
        f"{click.style(goal, dim=True) if goal else ''} {message}"
    )


def problem_line(problem: Problem, lang: Lang, *, color: bool = False) -> str:
    """One finding as ``tracker check`` prints it (``file:line: warning W205 [goal] …``),
    for other commands that report findings (``tracker record``)."""
    label = t(f"check.{problem.severity.value}", lang)
    return _line(problem, label, _STYLE[problem.severity], color)


def render_text(
    report: CheckReport, options: RenderOptions, *, show_acknowledged: bool = False
) -> str:
    """Grouped by file (a blank line between files), then the summary line."""
    lang, color = options.lang, options.color
    blocks: list[str] = []
    shown: list[tuple[Problem, str, dict[str, Any]]] = [
        (p, t(f"check.{p.severity.value}", lang), _STYLE[p.severity]) for p in report.problems
    ]
    if show_acknowledged:
        shown += [(p, t("check.acknowledged", lang), {"fg": "cyan"}) for p in report.acknowledged]
        shown.sort(key=lambda item: (item[0].file, item[0].line or 0, item[0].column or 0))
    for _, group in groupby(shown, key=lambda item: item[0].file):
        blocks.append("".join(_line(p, label, style, color) + "\n" for p, label, style in group))
    blocks.append(summary(report, lang, color=color, listed=show_acknowledged) + "\n")
    return "\n".join(blocks)


def _count(n: int, key: str, lang: Lang) -> str:
    return t(f"{key}_one" if n == 1 else key, lang, n=n)


def summary(report: CheckReport, lang: Lang, *, color: bool = False, listed: bool = False) -> str:
    """``6 files checked: 2 errors, 1 warning, 1 acknowledged``."""
    parts: list[str] = []
    if report.errors:
        errors = _count(report.errors, "check.n_errors", lang)
        if report.promoted:
            errors += t("check.promoted", lang, n=report.promoted)
        parts.append(click.style(errors, fg="red", bold=True) if color else errors)
    if report.warnings:
        warnings = _count(report.warnings, "check.n_warnings", lang)
        parts.append(click.style(warnings, fg="yellow") if color else warnings)
    if not parts:
        clean = t("check.clean", lang)
        parts.append(click.style(clean, fg="green", bold=True) if color else clean)
    if report.acknowledged:
        acknowledged = t("check.n_acknowledged", lang, n=len(report.acknowledged))
        if not listed:
            acknowledged += t("check.list_acknowledged", lang)
        parts.append(acknowledged)
    head = _count(len(report.files), "check.files", lang)
    return head + t("check.separator", lang).join(parts)


# --- JSON -----------------------------------------------------------------------------------


def _record(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "goal_id": problem.goal_id,
        "code": problem.code,
        "severity": problem.severity.value,
        "message": problem.message,
    }


def render_json(
    report: CheckReport, options: RenderOptions, *, show_acknowledged: bool = False
) -> str:
    del options, show_acknowledged  # the document lists everything, in no language

    return encode(
        {
            "files": list(report.files),
            "strict": report.strict,
            "problems": [_record(p) for p in report.problems],
            "acknowledged": [_record(p) for p in report.acknowledged],
            "summary": {
                "files": len(report.files),
                "errors": report.errors,
                "warnings": report.warnings,
                "acknowledged": len(report.acknowledged),
            },
        }
    )


# --- GitHub Actions workflow commands --------------------------------------------------------

# The runner unescapes these in property values (file, title) and, minus ":" and ",", in the
# message; escaping them is what makes any text safe inside a workflow command.
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})
_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})


def workflow_command(problem: Problem) -> str:
    """``::error file=…,line=…,col=…,title=CODE::[goal-id] message``."""
    command = "error" if problem.severity is Severity.ERROR else "warning"
    properties = [f"file={problem.file}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
        if problem.column is not None:
            properties.append(f"col={problem.column}")
    properties.append(f"title={problem.code}")
    escaped = ",".join(
        key + "=" + safe(value).translate(_PROPERTY_ESCAPES)
        for key, _, value in (p.partition("=") for p in properties)
    )
    goal = f"[{problem.goal_id}] " if problem.goal_id else ""
    message = safe(goal + problem.message).translate(_DATA_ESCAPES)
    return f"::{command} {escaped}::{message}"


def render_github(
    report: CheckReport, options: RenderOptions, *, show_acknowledged: bool = False
) -> str:
    del show_acknowledged  # annotations are for what needs fixing
    lines: Iterable[str] = (workflow_command(p) for p in report.problems)
    # the summary is an ordinary log line, not a command
    return "".join(f"{line}\n" for line in lines) + summary(report, options.lang) + "\n"


# --- GitLab Code Quality report ---------------------------------------------------------------

# GitLab's severities are info, minor, major, critical and blocker.
_GITLAB_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def code_quality_issue(problem: Problem, occurrence: int = 0) -> dict[str, Any]:
    """One finding as GitLab's Code Quality report has it (a subset of the Code Climate issue).

    The fingerprint identifies the finding across pipelines, so that a merge request shows
    what it fixes and what it brings: a hash of code, file, goal id and message — not of the
    line, which an edit above the finding moves. ``occurrence`` tells apart findings that
    are otherwise the same (GitLab keeps one issue per fingerprint)."""
    key = [problem.code, problem.file, problem.goal_id or "", problem.message]
    if occurrence:
        key.append(str(occurrence))
    goal = f"[{problem.goal_id}] " if problem.goal_id else ""
    return {
        "description": safe(goal + problem.message),
        "check_name": problem.code,
        "fingerprint": _fingerprint(key),
        "severity": _GITLAB_SEVERITY[problem.severity],
        "location": {"path": problem.file, "lines": {"begin": problem.line or 1}},
    }


def _fingerprint(parts: list[str]) -> str:

    # NUL cannot occur in a path, a code or an id, so the parts cannot run into each other
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def render_gitlab(
    report: CheckReport, options: RenderOptions, *, show_acknowledged: bool = False
) -> str:
    del options, show_acknowledged  # a Code Quality report: findings to fix, in no language
    """A JSON array of Code Quality issues (``artifacts:reports:codequality``); acknowledged
    findings are left out, as from the other formats."""

    seen: Counter[tuple[str, str, str | None, str]] = Counter()
    issues = []
    for problem in report.problems:
        key = (problem.code, problem.file, problem.goal_id, problem.message)
        issues.append(code_quality_issue(problem, seen[key]))
        seen[key] += 1
    return encode(issues)
