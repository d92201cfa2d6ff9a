"""The one entry for loading: :func:`load` reads a data directory (or file) into a
:class:`~tracker.model.Dataset` — every file through :mod:`tracker.load.file`, from the parse
cache where valid (:mod:`tracker.load.cache`), then merged and checked across files
(:mod:`tracker.load.merge`). ``tracker check PATH…`` loads a selection of files instead.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from tracker.load.cache import load_files
from tracker.load.discover import display_path, iter_data_files, outside_links, real_path
from tracker.load.file import load_file
from tracker.load.merge import build_dataset
from tracker.model import Dataset, FileData


def load(
    root: Path | None,
    *,
    select: Sequence[Path] | None = None,
    bundled: bool = False,
    cache_dir: Path | None = None,
    parallel: bool = False,
) -> Dataset:
    """Read every data file below ``root`` and check what spans files.

    With ``cache_dir``, a file's contribution comes from the parse cache while the file is
    unchanged; with ``parallel``, many files missing from it are parsed by several processes.
    The checks that span files always run.

    With ``select`` (`tracker check PATH…`), only the data files below those paths are
    loaded, and their names are in ``dataset.files``; ``root`` (``None``: none) is the data
    directory they belong to, whose other files give context (see :func:`_load_selection`).
    """
    if select is not None:
        return _load_selection(select, root)
    assert root is not None  # noqa: S101  # only a selection goes without a directory
    links: list[Path] = []
    paths, refused = outside_links(list(iter_data_files(root, links)), links, root)
    if cache_dir is not None or parallel:
        parts = load_files(paths, root, cache_dir, parse=load_file, jobs=None if parallel else 1)
        return build_dataset(root, [*refused, *parts], bundled=bundled)
    parts_read = (load_file(path) for path in paths)
    return build_dataset(root, itertools.chain(refused, parts_read), bundled=bundled)


def _load_selection(paths: Sequence[Path], data_dir: Path | None) -> Dataset:
    """The data files below ``paths`` as one dataset, their names in ``files``.

    When they lie inside ``data_dir``, the regions and sources of its other files are read
    too, as context only (their goals and problems are left out), so that checking one file
    does not report the regions and sources it shares with the rest as unknown. Files outside
    it see its regions the same way, except the regions they define themselves.
    """
    found: list[Path] = []
    refused: list[FileData] = []
    for path in paths:
        links: list[Path] = []
        kept, outside = outside_links(list(iter_data_files(path, links)), links, path)
        found += kept
        refused += outside
    selected = list(dict.fromkeys(real_path(f) for f in found))
    parts: list[FileData] = []
    own = [load_file(f) for f in selected]
    if data_dir is not None and data_dir.is_dir():
        root = data_dir.resolve()
        chosen = set(selected)
        inside = any(f.is_relative_to(root) for f in selected)
        # A file outside the data directory (a draft of `tracker extract` saved elsewhere)
        # sees its regions too, except those it defines itself; sources stay its own.
        defined = {r.name for part in own for r in part.regions}
        links = []
        context, _ = outside_links(list(iter_data_files(root, links)), links, root)
        for other in context:
            if real_path(other) not in chosen:
                part = load_file(other)
                if inside:
                    parts.append(FileData(part.regions, part.sources, [], []))
                else:
                    regions = [r for r in part.regions if r.name not in defined]
                    parts.append(FileData(regions, [], [], []))
    parts.extend(refused)
    parts.extend(own)
    names = [p.problems[0].file for p in refused] + [display_path(f) for f in selected]
    dataset = build_dataset(paths[0] if len(paths) == 1 else Path(), parts)
    # cross-file checks also see the context's regions: report only the selected files
    chosen_names = set(names)
    dataset.problems = [p for p in dataset.problems if p.file in chosen_names]
    dataset.files = names
    return dataset
