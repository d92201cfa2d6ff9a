"""Files' contributions merged into one :class:`~tracker.model.Dataset`, and the checks that
span files: duplicate ids, unknown regions and sources, cycles and depth of the region tree."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import msgspec

from tracker import problems as codes
from tracker.model import (
    Dataset,
    FileData,
    Goal,
    Region,
)
from tracker.suggest import did_you_mean

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
                codes.problem(
                    codes.DUPLICATE_REGION,
                    region.file,
                    region.line,
                    None,
                    f'region "{region.name}" is already defined at {first.file}:{first.line}: '
                    "keep one entry",
                )
            )
            continue
        dataset.regions[region.name] = region
    for source in part.sources:
        if source.id in dataset.sources:
            first_source = dataset.sources[source.id]
            dataset.problems.append(
                codes.problem(
                    codes.DUPLICATE_SOURCE,
                    source.file,
                    source.line,
                    None,
                    f'source id "{source.id}" is already used at {first_source.file}:'
                    f"{first_source.line}: source ids must be unique; rename one (and the "
                    "goals that cite it) or remove the copy",
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

    def hint(name: str, known: Iterable[str], exclude: str | None = None) -> str:
        if budget[0] <= 0:
            return ""
        budget[0] -= 1
        return did_you_mean(name, (k for k in known if k != exclude))

    for region in dataset.regions.values():
        if region.parent is not None and region.parent not in dataset.regions:
            problems.append(
                codes.problem(
                    codes.UNKNOWN_REGION,
                    region.file,
                    region.line,
                    None,
                    f'parent "{region.parent}" of region "{region.name}" is not a known region'
                    f"{hint(region.parent, dataset.regions, region.name)}: "
                    "add it as a [[region]] or fix the name",
                )
            )
    cycle = _cycle_members(dataset.regions)
    for name in cycle:
        region = dataset.regions[name]
        problems.append(
            codes.problem(
                codes.REGION_CYCLE,
                region.file,
                region.line,
                None,
                f'region "{name}" is its own ancestor through parent links: break the cycle by '
                "fixing one parent",
            )
        )
    for name in _too_deep(dataset.regions, set(cycle)):
        region = dataset.regions[name]
        problems.append(
            codes.problem(
                codes.REGION_TOO_DEEP,
                region.file,
                region.line,
                None,
                f'region "{name}" would be at level {MAX_REGION_DEPTH + 1} of the region tree, '
                f'below the {MAX_REGION_DEPTH} allowed: its parent "{region.parent}" is not '
                "followed; check the parent links",
            )
        )
        dataset.regions[name] = msgspec.structs.replace(region, parent=None)

    seen: dict[str, Goal] = {}
    kept: list[Goal] = []
    for goal in dataset.goals:
        if goal.id in seen:
            first = seen[goal.id]
            problems.append(
                codes.problem(
                    codes.DUPLICATE_GOAL,
                    goal.file,
                    goal.line,
                    goal.id,
                    f'goal id "{goal.id}" is already used at {first.file}:{first.line}: '
                    "goal ids must be unique across the dataset; rename one or remove the copy",
                )
            )
            continue
        seen[goal.id] = goal
        if goal.region not in dataset.regions:
            problems.append(
                codes.problem(
                    codes.UNKNOWN_REGION,
                    goal.file,
                    goal.line,
                    goal.id,
                    f'region "{goal.region}" is not a known region'
                    f"{hint(goal.region, dataset.regions)}: "
                    "use a region's full name or add a [[region]]",
                )
            )
            continue
        for ref, line in ((goal.source, goal.line), *((o.source, o.line) for o in goal.outcomes)):
            if ref is not None and ref not in dataset.sources:
                problems.append(
                    codes.problem(
                        codes.UNKNOWN_SOURCE,
                        goal.file,
                        line,
                        goal.id,
                        f'source "{ref}" is not defined{hint(ref, dataset.sources)}: '
                        "add a [[source]] with this id or fix the id",
                    )
                )
        kept.append(goal)
    dataset.goals = kept


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
    """The regions on a cycle of parent links, in the dataset's order. Each region is walked
    once (a region has one parent): linear, however long the chains."""
    done: set[str] = set()
    on_cycle: set[str] = set()
    for name in regions:
        path: dict[str, None] = {}  # the walk from ``name``, in order
        current: str | None = name
        while current is not None and current in regions and current not in done:
            if current in path:
                cycle = list(path)
                on_cycle.update(cycle[cycle.index(current) :])
                break
            path[current] = None
            current = regions[current].parent
        done.update(path)
    return [name for name in regions if name in on_cycle]
