"""The export package (`tracker export`, SPEC §5.1) as the site's downloads: the export's own
code makes the files, from the site's evaluation and filters (docs/export.md)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from tracker.core.compute import Thresholds
from tracker.core.status import StatusReport
from tracker.model import Dataset
from tracker.render.export import formats
from tracker.render.export.provenance import package_info
from tracker.render.export.tables import build_tables
from tracker.render.site.cache import PageCache, Writer, digest


def export_files(
    dataset: Dataset,
    report: StatusReport,
    selection: Mapping[str, object],
    *,
    thresholds: Thresholds,
    cache: PageCache | None = None,
    fingerprint: str = "",
    goals: Mapping[str, bytes] | None = None,
) -> Mapping[str, Writer]:
    """File name → writer of each file of the export package (CSV tables,
    ``datapackage.json``, ``tracker.sqlite``), as ``tracker export`` writes them; from
    ``cache`` when the same data was exported with the same code and options before
    (``goals``: each goal's key, :attr:`Keys.goal`)."""
    info = package_info(report.as_of, dataset.root, selection)

    def make() -> Mapping[str, Writer]:
        return formats.files(build_tables(dataset, report), info)

    if cache is None or goals is None:
        return make()
    key = digest(
        fingerprint,
        str(Path(dataset.root)),
        list(dataset.regions.values()),
        list(dataset.sources.values()),
        [goals[e.goal.id] for e in report.rows],  # the goals, and those they refer to
        thresholds,
        info,
    )
    return cache.downloads(key, make)
