"""Validity of an edit: the edited text goes through the loader (the path ``tracker check``
takes) and must bring no new error; the warnings it brings are reported."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Sequence

from tracker.core.checks import check_goals, sort_problems
from tracker.edit.plan import Edit, InvalidResultError
from tracker.load.file import load_text
from tracker.model import FileData
from tracker.problems import Problem, Severity


@functools.lru_cache(maxsize=4)
def _load_text(text: str, file: str, suffix: str) -> FileData:
    """The loader's reading of a text; remembered, since both the errors and the warnings
    of an edit compare the same two texts."""

    return load_text(text, file, suffix)


def _fresh(before: Sequence[Problem], after: Sequence[Problem]) -> list[Problem]:
    """The problems of ``after`` that ``before`` does not have (compared by code, goal and
    message: an edit moves the lines below it)."""
    fresh = Counter(_key(p) for p in after) - Counter(_key(p) for p in before)
    found = []
    for problem in after:
        if fresh[_key(problem)] > 0:
            fresh[_key(problem)] -= 1
            found.append(problem)
    return found


def _key(problem: Problem) -> tuple[str, str | None, str]:
    return (problem.code, problem.goal_id, problem.message)


def new_errors(edit: Edit, suffix: str) -> list[Problem]:
    """Errors the loader finds in the edited text that it did not find before."""

    def errors(text: str) -> list[Problem]:
        problems = _load_text(text, edit.file, suffix).problems
        return [p for p in problems if p.severity is Severity.ERROR]

    return _fresh(errors(edit.old), errors(edit.new))


def new_warnings(edit: Edit, suffix: str, goal_id: str) -> list[Problem]:
    """Warnings ``tracker check`` would report for goal ``goal_id`` in the edited text that
    it did not report before (a cumulative figure below an earlier one, W205, …); the
    goal's acknowledgements apply. Lines are those of the edited text."""

    def warnings(text: str) -> list[Problem]:
        part = _load_text(text, edit.file, suffix)
        reported, _ = check_goals((g for g in part.goals if g.id == goal_id), dt.date.today())
        found = [p for p in [*part.problems, *reported] if p.goal_id == goal_id]
        return [p for p in found if p.severity is Severity.WARNING]

    return sort_problems(_fresh(warnings(edit.old), warnings(edit.new)))


def check(edit: Edit, suffix: str) -> None:
    """Refuse an edit that would make the file fail ``tracker check``."""
    problems = new_errors(edit, suffix)
    if problems:
        raise InvalidResultError(problems)
