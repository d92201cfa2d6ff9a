"""Files' contributions merged into one :class:`~tracker.model.Dataset`, and the checks that
span files: duplicate ids, unknown regions and sources, cycles and depth of the region tree."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import msgspec

from tracker import problems as codes
from tracker.messages import Localized, localized
from tracker.model import (
    Dataset,
    FileData,
    Goal,
    Region,
)
from tracker.problems import Problem
from tracker.suggest import did_you_mean, suggest

MAX_REGION_DEPTH = 16  # levels of the region tree (province → city → county → … is 3 to 6)


def build_dataset(root: Path, parts: Iterable[FileData], *, bundled: bool = False) -> Dataset:
    """Merge files' contributions, in order, and run the checks that span files."""
    dataset = Dataset(root=root, bundled=bundled)
    for part in parts:
        dataset.problems.extend(part.problems)
        _merge(dataset, part)
    _cross_check(dataset)
    return dataset


def _merge(dataset: Dataset, part: FileData) -> None:
    for region in part.regions:
        if region.name in dataset.regions:
            first = dataset.regions[region.name]
            dataset.problems.append(
                codes.problem_of(
                    codes.DUPLICATE_REGION,
                    region.file,
                    region.line,
                    None,
                    "problem.E133",
                    {"name": region.name, "where": f"{first.file}:{first.line}"},
                )
            )
            continue
        dataset.regions[region.name] = region
    for source in part.sources:
        if source.id in dataset.sources:
            first_source = dataset.sources[source.id]
            dataset.problems.append(
                codes.problem_of(
                    codes.DUPLICATE_SOURCE,
                    source.file,
                    source.line,
                    None,
                    "problem.E131",
                    {"id": source.id, "where": f"{first_source.file}:{first_source.line}"},
                )
            )
            continue
        dataset.sources[source.id] = source
    dataset.goals.extend(part.goals)


# Did-you-mean searches over the dataset's regions or sources, per load: each compares one name
# with all of them, so a file of thousands of unknown names would otherwise take minutes.
_SUGGESTIONS = 50


def _cross_check(dataset: Dataset) -> None:
    """Checks that need the whole dataset: unique goal ids, known regions and sources, cycles."""
    problems = dataset.problems
    budget = [_SUGGESTIONS]

    def hint(name: str, known: Iterable[str], exclude: str | None = None) -> Localized:
        if budget[0] <= 0:
            return Localized("", "")
        budget[0] -= 1
        close = suggest(name, (k for k in known if k != exclude))
        if not close:
            return Localized("", "")
        return localized("hint.close", name=close[0])

    for region in dataset.regions.values():
        if region.parent is not None and region.parent not in dataset.regions:
            problems.append(
                codes.problem_of(
                    codes.UNKNOWN_REGION,
                    region.file,
                    region.line,
                    None,
                    "problem.E134.parent",
                    {
                        "parent": region.parent,
                        "name": region.name,
                        "hint": hint(region.parent, dataset.regions, region.name),
                    },
                )
            )
    cycle = _cycle_members(dataset.regions)
    for name in cycle:
        region = dataset.regions[name]
        problems.append(
            codes.problem_of(
                codes.REGION_CYCLE, region.file, region.line, None, "problem.E135", {"name": name}
            )
        )
    for name in _too_deep(dataset.regions, set(cycle)):
        region = dataset.regions[name]
        problems.append(
            codes.problem_of(
                codes.REGION_TOO_DEEP,
                region.file,
                region.line,
                None,
                "problem.E136",
                {
                    "name": name,
                    "level": MAX_REGION_DEPTH + 1,
                    "most": MAX_REGION_DEPTH,
                    "parent": region.parent,
                },
            )
        )
        dataset.regions[name] = msgspec.structs.replace(region, parent=None)

    seen: dict[str, Goal] = {}
    kept: list[Goal] = []
    for goal in dataset.goals:
        if goal.id in seen:
            first = seen[goal.id]
            problems.append(
                codes.problem_of(
                    codes.DUPLICATE_GOAL,
                    goal.file,
                    goal.line,
                    goal.id,
                    "problem.E130",
                    {"id": goal.id, "where": f"{first.file}:{first.line}"},
                )
            )
            continue
        seen[goal.id] = goal
        if goal.region not in dataset.regions:
            problems.append(
                codes.problem_of(
                    codes.UNKNOWN_REGION,
                    goal.file,
                    goal.line,
                    goal.id,
                    "problem.E134",
                    {"name": goal.region, "hint": hint(goal.region, dataset.regions)},
                )
            )
            continue
        for ref, line in ((goal.source, goal.line), *((o.source, o.line) for o in goal.outcomes)):
            if ref is not None and ref not in dataset.sources:
                problems.append(
                    codes.problem_of(
                        codes.UNKNOWN_SOURCE,
                        goal.file,
                        line,
                        goal.id,
                        "problem.E132",
                        {"id": ref, "hint": hint(ref, dataset.sources)},
                    )
                )
        kept.append(goal)
    dataset.goals = _check_references(kept, problems)


def _check_references(goals: list[Goal], problems: list[Problem]) -> list[Goal]:
    """Relative targets (SPEC §1.4): the referenced goal exists (E140), has the same unit
    (E141), and no chain of references leads back (E142). A goal failing one is not loaded,
    like any goal with an error: its target would be a guess."""
    by_id = {goal.id: goal for goal in goals}
    bad: set[str] = set()

    def report(code: str, goal: Goal, params: Mapping[str, object]) -> None:
        found = codes.problem_of(code, goal.file, goal.line, goal.id, f"problem.{code}", params)
        problems.append(found)
        bad.add(goal.id)

    for goal in goals:
        ref = goal.target_ref
        if ref is None:
            continue
        other = by_id.get(ref.goal)
        if other is None:
            hint = did_you_mean(ref.goal, by_id)
            report(codes.UNKNOWN_TARGET_GOAL, goal, {"ref": ref.goal, "hint": hint})
        elif other.unit != goal.unit:
            said = {"ref": ref.goal, "other": other.unit, "unit": goal.unit}
            report(codes.TARGET_UNIT_MISMATCH, goal, said)
    for name in _reference_cycles(by_id):
        goal = by_id[name]
        report(codes.TARGET_CYCLE, goal, {"id": name})
    return [goal for goal in goals if goal.id not in bad] if bad else goals


def _reference_cycles(goals: dict[str, Goal]) -> list[str]:
    """The goals on a cycle of relative-target references, in the dataset's order."""

    def parent(name: str) -> str | None:
        ref = goals[name].target_ref
        return ref.goal if ref is not None else None

    return _on_cycles(list(goals), lambda name: parent(name) if name in goals else None)


def _too_deep(regions: dict[str, Region], cycle: set[str]) -> list[str]:
    """Regions whose parent link would put them below level :data:`MAX_REGION_DEPTH` (the
    top being level 1), in the dataset's order; the caller cuts those links, so the levels
    below each cut count from it. Linear: each region's level is worked out once."""
    level: dict[str, int] = {}
    cut: list[str] = []
    for name in regions:
        chain: list[str] = []  # from ``name`` up to the first region whose level is known
        current: str | None = name
        while current is not None and current not in level and current not in chain:
            if current not in regions or current in cycle:
                break
            chain.append(current)
            current = regions[current].parent
        above = level.get(current, 0) if current is not None else 0
        for member in reversed(chain):
            above += 1
            if above > MAX_REGION_DEPTH:
                cut.append(member)
                above = 1
            level[member] = above
    cut_set = set(cut)
    return [name for name in regions if name in cut_set]


def _cycle_members(regions: dict[str, Region]) -> list[str]:
    """The regions on a cycle of parent links, in the dataset's order."""
    return _on_cycles(list(regions), lambda name: regions[name].parent if name in regions else None)


def _on_cycles(names: list[str], parent: Callable[[str], str | None]) -> list[str]:
    """The names on a cycle of ``parent`` links, in ``names``' order. Each name is walked once
    (one link each): linear, however long the chains."""
    known = set(names)
    done: set[str] = set()
    on_cycle: set[str] = set()
    for name in names:
        path: dict[str, None] = {}  # the walk from ``name``, in order
        current: str | None = name
        while current is not None and current in known and current not in done:
            if current in path:
                cycle = list(path)
                on_cycle.update(cycle[cycle.index(current) :])
                break
            path[current] = None
            current = parent(current)
        done.update(path)
    return [name for name in names if name in on_cycle]
