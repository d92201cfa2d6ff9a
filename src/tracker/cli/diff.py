"""``tracker diff REV [REV2]``: what changed in the data between two git revisions."""

from __future__ import annotations

import datetime as dt

import click

from tracker.cli.context import Context
from tracker.cli.options import (
    emit,
    format_option,
    global_options,
    output_option,
    report_errors,
    split_values,
)
from tracker.cli.params import DateParam
from tracker.core.changes import FailOn, diff_datasets
from tracker.errors import EXIT_FINDINGS, EXIT_OK, UsageError
from tracker.load.dataset import load
from tracker.load.discover import display_path, find_data_dir
from tracker.load.git import load_revision, locate, resolve
from tracker.render.diff import Revisions
from tracker.render.i18n import t
from tracker.render.options import RenderOptions
from tracker.render.registry import DiffFormat, renderer


@click.command()
@global_options
@click.argument("rev", metavar="REV")
@click.argument("rev2", metavar="[REV2]", required=False)
@format_option(
    DiffFormat,
    help="text for people, markdown for a pull-request comment, json for programs.",
)
@click.option(
    "--as-of",
    "as_of",
    type=DateParam(),
    default=None,
    help="Date statuses are evaluated at, on both sides (default: today).",
)
@click.option(
    "--fail-on",
    "fail_on",
    multiple=True,
    metavar="KINDS",
    help="Exit 1 when the change does any of: goalpost (a target changed), restated (an "
    "earlier figure changed), worse (a status got worse); comma-separated, for CI.",
)
@output_option
@click.pass_obj
def diff(
    obj: Context,
    rev: str,
    rev2: str | None,
    fmt: str,
    as_of: dt.date | None,
    fail_on: tuple[str, ...],
) -> None:
    """Compare the data at two git revisions.

    What changed from REV to REV2 (default: the working tree): goals added and removed,
    goalposts moved (targets changed) and other changes to a goal's definition, outcomes
    added, removed or restated, and goals whose status changed. Each revision is read from
    git and loaded exactly as the working tree is. Formats and exit codes: `tracker docs diff`.
    """

    wanted = fail_on_option(fail_on)
    data_dir, bundled = find_data_dir(obj.data)
    if bundled:
        raise UsageError.of("diff.no_data_dir")
    repo = locate(data_dir)
    old_commit = resolve(repo, rev)
    new_commit = resolve(repo, rev2) if rev2 is not None else None
    old = load_revision(repo, old_commit)
    new = load_revision(repo, new_commit) if new_commit is not None else load(data_dir)
    for label, dataset in ((rev, old), (rev2 or t("diff.worktree", obj.lang), new)):
        if not (dataset.goals or dataset.regions or dataset.sources or dataset.problems):
            notice = t("diff.no_data", obj.lang, rev=label, path=display_path(data_dir))
            click.echo(notice, err=True)
        report_errors(obj, dataset, label)
    changes = diff_datasets(old, new, as_of or dt.date.today())
    revisions = Revisions(rev, old_commit, rev2, new_commit, display_path(data_dir))
    text = fmt == "text"
    options = RenderOptions(lang=obj.lang, color=obj.color and text, width=obj.width)
    emit(obj, renderer(DiffFormat(fmt))(changes, revisions, options), color=text)
    found = changes.failures(wanted)
    if found:
        counts = [t(f"diff.fail_on.{kind.value}", obj.lang, n=n) for kind, n in found.items()]
        click.echo(t("diff.fail_on", obj.lang, found=", ".join(counts)), err=True)
    failed = found or old.errors or new.errors
    click.get_current_context().exit(EXIT_FINDINGS if failed else EXIT_OK)


def fail_on_option(values: tuple[str, ...]) -> list[FailOn]:
    """``--fail-on goalpost,restated,worse``; an unknown kind is a usage error."""
    names = split_values(values)
    known = {kind.value: kind for kind in FailOn}
    unknown = [name for name in names if name.casefold() not in known]
    if unknown:
        raise UsageError.of("diff.bad_fail_on", names=", ".join(unknown), choices=", ".join(known))
    return list(dict.fromkeys(known[name.casefold()] for name in names))
