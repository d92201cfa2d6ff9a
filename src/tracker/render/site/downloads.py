"""The export package (`tracker export`, SPEC §5.1) as the site's downloads, when the export
command is part of this tracker: its own code writes the files, with the site's evaluation."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from tracker.core.status import StatusReport
from tracker.model import Dataset

Writer = Callable[[Path], None]  # writes one file at the path it is given
EXPORT = "tracker.render.export"


def _export_module(name: str) -> Any:
    """A module of the export package, or None where tracker has no export command."""
    try:
        return importlib.import_module(f"{EXPORT}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name is not None and (exc.name == EXPORT or exc.name.startswith(f"{EXPORT}.")):
            return None
        raise


def available() -> bool:
    return _export_module("formats") is not None


def export_files(dataset: Dataset, report: StatusReport) -> Mapping[str, Writer]:
    """File name → writer of each file of the export package; empty without the export
    command."""
    formats = _export_module("formats")
    tables = _export_module("tables")
    provenance = _export_module("provenance")
    if formats is None or tables is None or provenance is None:
        return {}
    built = tables.build_tables(dataset, report)
    info = provenance.package_info(report.as_of, dataset.root, {})
    files: Mapping[str, Writer] = formats.files(built, info, bom=False, parquet=False)
    return dict(files)
