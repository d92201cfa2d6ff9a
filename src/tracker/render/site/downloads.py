"""The export package (`tracker export`, SPEC §5.1) as the site's downloads: the export's own
code makes the files, from the site's evaluation and filters (docs/export.md)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from tracker.core.status import StatusReport
from tracker.model import Dataset
from tracker.render.export import formats
from tracker.render.export.provenance import package_info
from tracker.render.export.tables import build_tables

Writer = Callable[[Path], None]  # writes one file at the path it is given


def export_files(
    dataset: Dataset, report: StatusReport, selection: Mapping[str, object]
) -> Mapping[str, Writer]:
    """File name → writer of each file of the export package (CSV tables,
    ``datapackage.json``, ``tracker.sqlite``), as ``tracker export`` writes them."""
    tables = build_tables(dataset, report)
    info = package_info(report.as_of, dataset.root, selection)
    return formats.files(tables, info)
