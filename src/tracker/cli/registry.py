"""The commands: each one's module and function, and its one-line help.

A command's module is imported only when the command runs (or its own ``--help`` is asked
for): ``tracker --version`` and ``tracker --help`` import none of them, the list of commands
in ``--help`` being made from the help lines here. ``tests/test_cli.py`` checks that each
line is the one its command's docstring gives.
"""

from __future__ import annotations

from typing import NamedTuple


class Command(NamedTuple):
    target: str  # "module:function"
    help: str  # the one-line help ``tracker --help`` lists


COMMANDS: dict[str, Command] = {
    "add": Command("tracker.cli.add:add", "Add a goal to a data file."),
    "check": Command("tracker.cli.check:check", "Check data files: every problem at once."),
    "diff": Command("tracker.cli.diff:diff", "Compare the data at two git revisions."),
    "docs": Command(
        "tracker.cli.docs:docs",
        "Print a page of tracker's documentation (without TOPIC: the list of pages).",
    ),
    "export": Command(
        "tracker.cli.export:export",
        "Write the evaluated dataset to DIR for other tools: CSV tables with datapackage.json "
        "(Frictionless), tracker.sqlite (Datasette, DuckDB), optionally Parquet.",
    ),
    "extract": Command(
        "tracker.cli.extract:extract",
        "Propose goals and outcomes from the text of a Chinese report or news article.",
    ),
    "rank": Command(
        "tracker.cli.rank:rank",
        "Regions ranked on one indicator (its key, e.g. urban-new-jobs, or a goal title): rank, "
        "figure, target, completion, lag, status and the distance from the mean and median.",
    ),
    "record": Command(
        "tracker.cli.record:record", "Append an outcome (a reported figure) to the goal GOAL_ID."
    ),
    "regions": Command(
        "tracker.cli.regions:regions",
        "The region tree: goals per region (its own, and with its sub-regions) by status.",
    ),
    "report": Command(
        "tracker.cli.report:report",
        "A summary to share: counts by status, a table per region, what needs attention, "
        "stated rates that do not add up, and the sources.",
    ),
    "schema": Command("tracker.cli.schema:schema", "The JSON Schema of data files, for editors."),
    "show": Command(
        "tracker.cli.show:show",
        "One goal in full: definition, every outcome with its ratio and pace at that date, "
        "sources and quotes, and a chart of the history.",
    ),
    "site": Command(
        "tracker.cli.site:site",
        "Write a static website of the dataset to DIR: a page per region and per goal, charts, "
        "tables that sort and filter, and the export package as downloads.",
    ),
    "status": Command(
        "tracker.cli.status:status",
        "One row per goal: target, latest actual, ratio, pace, gap and status.",
    ),
}
