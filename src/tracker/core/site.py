"""What each page of the static site (`tracker site`) shows, computed once for every language.

Pure: takes the dataset, its evaluation and (when the data is in git) its earlier states,
returns frozen page models; rendering and file writing are :mod:`tracker.render.site`'s.
Every figure comes from :mod:`tracker.core.compute` through the views `show` and `report`
use (:func:`~tracker.core.views.detail_of`, :func:`~tracker.core.views.region_tree`).

Page names come from ids and region names, which are data: :func:`page_names` turns each
into a safe ASCII slug plus a hash of the whole key, so a name can neither leave the output
directory nor collide with another (not even on a case-insensitive file system).
"""

from __future__ import annotations

import enum
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.core.changes import changed_fields, outcome_changes
from tracker.core.compute import Evaluation, Status, Thresholds
from tracker.core.status import StatusReport, count_by_status
from tracker.core.views import GoalDetail, RegionRow, detail_of, region_tree
from tracker.load.git import Commit
from tracker.model import Dataset, Goal, Outcome

SLUG_MAX = 40  # characters of readable slug before the hash
HASH_LENGTH = 8  # hex digits of the hash; lengthened only where two names would collide
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """The ASCII letters and digits of ``text``, lower-case, runs of anything else as ``-``
    (``"Yuncheng 2022/jobs"`` → ``yuncheng-2022-jobs``); ``""`` when none."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")[:SLUG_MAX].strip("-")


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def page_names(
    keys: Iterable[str], hints: Mapping[str, Sequence[str]] | None = None
) -> dict[str, str]:
    """A file name (without extension) for each key: the slug of the key, else of its first
    hint with any ASCII (a region's pinyin alias, its code), else ``p``; then ``-`` and a
    hash of the key. Unique among ``keys``: where two would meet, the hashes grow longer."""
    names: dict[str, str] = {}
    taken: dict[str, str] = {}
    for key in dict.fromkeys(keys):
        candidates = [key, *(hints or {}).get(key, ())]
        base = next((s for s in map(slug, candidates) if s), "p")
        digest = _digest(key)
        length = HASH_LENGTH
        name = f"{base}-{digest[:length]}"
        while name in taken:  # a shared prefix of two sha256 digests: lengthen both ways
            length += 4
            name = f"{base}-{digest[:length]}"
        taken[name] = key
        names[key] = name
    return names


# --- the goal's change history --------------------------------------------------------------


class Change(enum.Enum):
    ADDED = "added"
    CHANGED = "changed"
    OUTCOME_ADDED = "outcome_added"
    OUTCOME_RESTATED = "outcome_restated"
    OUTCOME_REMOVED = "outcome_removed"


@dataclass(frozen=True, slots=True)
class GoalEvent:
    """One change to a goal in one commit of the data."""

    commit: Commit
    change: Change
    fields: tuple[str, ...] = ()  # CHANGED: what changed (core.changes.GOAL_FIELDS order)
    old: Goal | None = None  # CHANGED: the goal before
    before: Outcome | None = None  # OUTCOME_RESTATED / _REMOVED
    after: Outcome | None = None  # OUTCOME_ADDED / _RESTATED


def goal_events(states: Sequence[tuple[Commit, Dataset]]) -> dict[str, tuple[GoalEvent, ...]]:
    """Each goal's changes, newest first, from the data's states oldest first (as
    :func:`tracker.load.git.data_history` gives them; the first state is the starting point)."""
    found: dict[str, list[GoalEvent]] = {}
    for (_, previous), (commit, current) in itertools.pairwise(states):
        before = previous.by_id
        for goal in current.goals:
            was = before.get(goal.id)
            events = found.setdefault(goal.id, [])
            if was is None:
                events.append(GoalEvent(commit, Change.ADDED))
                continue
            fields = changed_fields(was, goal)
            if fields:
                events.append(GoalEvent(commit, Change.CHANGED, fields, old=was))
            for c in outcome_changes(was, goal):
                kind = (
                    Change.OUTCOME_ADDED
                    if c.old is None
                    else Change.OUTCOME_REMOVED
                    if c.new is None
                    else Change.OUTCOME_RESTATED
                )
                events.append(GoalEvent(commit, kind, before=c.old, after=c.new))
    return {goal: tuple(reversed(events)) for goal, events in found.items() if events}


# --- the pages ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoalPage:
    """A goal's page; what it shows in full is :meth:`Site.detail`, computed when the page
    is rendered (by whichever process renders it: the site's pages are shared out)."""

    name: str
    evaluation: Evaluation
    events: tuple[GoalEvent, ...]  # newest first; () when the data is not in git


@dataclass(frozen=True, slots=True)
class RegionPage:
    """A region: its sub-regions' counts, and the goals of the region and of all below it."""

    name: str  # the page's file name
    row: RegionRow  # its counts, own and with its sub-regions
    chain: tuple[str, ...]  # root first, itself last
    children: tuple[RegionRow, ...]
    rows: tuple[Evaluation, ...]  # region (tree) order


class ListKind(enum.Enum):
    STATUS = "status"
    CATEGORY = "category"
    LAGGING = "lagging"


@dataclass(frozen=True, slots=True)
class ListPage:
    """Goals sharing a status or a category, or the goals behind schedule."""

    name: str
    kind: ListKind
    key: str  # the status, the category; "" for the lagging list
    rows: tuple[Evaluation, ...]
    counts: dict[Status, int]


@dataclass(frozen=True, slots=True)
class Site:
    as_of: date
    thresholds: Thresholds
    total: int
    by_status: dict[Status, int]
    tree: tuple[RegionRow, ...]  # every region with goals in its subtree, depth first
    regions: tuple[RegionPage, ...]
    statuses: tuple[ListPage, ...]  # one per status that occurs, worst first
    categories: tuple[ListPage, ...]  # most goals first
    lagging: ListPage  # lag > 0, furthest behind first
    goals: tuple[GoalPage, ...]
    region_pages: Mapping[str, str]  # region name → page name
    goal_pages: Mapping[str, str]  # goal id → page name
    category_pages: Mapping[str, str]  # category ("" for none) → page name

    dataset: Dataset
    goals_by_id: Mapping[str, Goal]

    def detail(self, page: GoalPage) -> GoalDetail:
        """Everything the goal's page shows: the history of its outcomes, its sources."""
        return detail_of(self.dataset, page.evaluation, self.thresholds, self.goals_by_id)

    def status_list(self, status: Status) -> ListPage | None:
        return next((p for p in self.statuses if p.key == status.value), None)


UNCATEGORISED = ""


def build_site(
    dataset: Dataset,
    report: StatusReport,
    thresholds: Thresholds = Thresholds(),
    events: Mapping[str, tuple[GoalEvent, ...]] | None = None,
) -> Site:
    """The pages of the site of ``report``'s goals (region-sorted, as `status` sorts)."""
    rows = report.rows
    tree = tuple(r for r in region_tree(dataset, rows) if r.subtree)
    hints = {
        r.name: [
            *(dataset.regions[r.name].aliases if r.name in dataset.regions else ()),
            r.code or "",
        ]
        for r in tree
    }
    region_pages = page_names((r.name for r in tree), hints)
    goal_pages = page_names(e.goal.id for e in rows)
    regions = _region_pages(tree, rows, region_pages)
    by_category: dict[str, list[Evaluation]] = {}
    for e in rows:
        by_category.setdefault(e.goal.category or UNCATEGORISED, []).append(e)
    category_pages = page_names(f"category:{c}" for c in by_category)
    lag = [e for e in rows if e.lag is not None and e.lag > 0]
    lag.sort(key=lambda e: -(e.lag or 0))
    statuses = []
    for status in count_by_status(rows):
        chosen = tuple(e for e in rows if e.status is status)
        statuses.append(
            ListPage(
                f"status-{status.value.replace('_', '-')}",
                ListKind.STATUS,
                status.value,
                chosen,
                {status: len(chosen)},
            )
        )
    categories = [
        ListPage(
            category_pages[f"category:{c}"], ListKind.CATEGORY, c, tuple(g), count_by_status(g)
        )
        for c, g in sorted(by_category.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    found = events or {}
    goals = tuple(GoalPage(goal_pages[e.goal.id], e, found.get(e.goal.id, ())) for e in rows)
    return Site(
        as_of=report.as_of,
        thresholds=thresholds,
        total=len(rows),
        by_status=count_by_status(rows),
        tree=tree,
        regions=regions,
        statuses=tuple(statuses),
        categories=tuple(categories),
        lagging=ListPage("lagging", ListKind.LAGGING, "", tuple(lag), count_by_status(lag)),
        goals=goals,
        region_pages=region_pages,
        goal_pages=goal_pages,
        category_pages={c: category_pages[f"category:{c}"] for c in by_category},
        dataset=dataset,
        goals_by_id=dataset.by_id,
    )


def _region_pages(
    tree: Sequence[RegionRow], rows: Sequence[Evaluation], names: Mapping[str, str]
) -> tuple[RegionPage, ...]:
    """Each region's page; its rows are its goals and its descendants', in tree order."""
    own: dict[str, list[Evaluation]] = {}
    for e in rows:
        own.setdefault(e.goal.region, []).append(e)
    pages = []
    for index, row in enumerate(tree):
        chain = _chain(tree, index)
        children = []
        subtree = list(own.get(row.name, ()))
        for below in tree[index + 1 :]:  # depth first: the subtree follows the region
            if below.depth <= row.depth:
                break
            if below.depth == row.depth + 1:
                children.append(below)
            subtree += own.get(below.name, ())
        pages.append(RegionPage(names[row.name], row, chain, tuple(children), tuple(subtree)))
    return tuple(pages)


def _chain(tree: Sequence[RegionRow], index: int) -> tuple[str, ...]:
    """The region at ``index`` and its ancestors in the tree, root first."""
    chain = [tree[index].name]
    depth = tree[index].depth
    for row in reversed(tree[:index]):
        if row.depth < depth:
            chain.append(row.name)
            depth = row.depth
    return tuple(reversed(chain))
