"""Where the data is (SPEC §1.1): the data directory, the data files below it, and the links
that would lead outside it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tracker import problems as codes
from tracker.errors import UsageError
from tracker.model import (
    FileData,
)
from tracker.parse.readers import (
    READERS,
)

DATA_SUFFIXES = frozenset(READERS)


def bundled_data() -> Path:
    """The sample dataset shipped inside the package (or the repository's, in a dev checkout)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "sample_data"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "targets"


def find_data_dir(
    explicit: str | os.PathLike[str] | None, cwd: Path | None = None
) -> tuple[Path, bool]:
    """SPEC §1.1 order: --data, $TRACKER_DATA, ./targets, nearest parent targets/, bundled.

    Returns the path and whether it is the bundled sample.
    """
    for given, where in ((explicit, "--data"), (os.environ.get("TRACKER_DATA"), "$TRACKER_DATA")):
        if given:
            return _checked_data_path(Path(given), where), False
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "targets"
        if candidate.is_dir():
            return candidate, False
    return bundled_data(), True


def _checked_data_path(path: Path, where: str) -> Path:
    """A data path the user named: it must exist and be a directory or a data file."""
    if not path.exists():
        raise UsageError(f"{where}: {str(path)!r} does not exist: name a data directory or file")
    if not path.is_dir() and path.suffix.lower() not in DATA_SUFFIXES:
        raise UsageError(
            f"{where}: {str(path)!r} is not a data file: name a directory or a "
            f"{', '.join(sorted(DATA_SUFFIXES))} file"
        )
    return path


def iter_data_files(root: Path, links: list[Path] | None = None) -> Iterator[Path]:
    """Every data file below ``root`` (or ``root`` itself), sorted, skipping dot-directories.

    Linked directories are not followed (no loops; nothing outside ``root`` is reached through
    one); they are appended to ``links`` when it is given. Linked files are listed.
    """
    if root.is_file():
        yield root
        return
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if links is not None:
            links.extend(link for d in dirs if (link := Path(folder, d)).is_symlink())
        for name in sorted(files):
            if Path(name).suffix.lower() in DATA_SUFFIXES and not name.startswith("."):
                yield Path(folder, name)


def real_path(path: Path) -> Path:
    """``path.resolve()``, also for a link that loops (which ``resolve`` refuses to follow):
    it then stays where the loop was found, and reading it fails with a finding."""
    return Path(os.path.realpath(path))


def display_path(path: Path) -> str:
    """The path as the user should see it: relative to the working directory when inside it."""
    try:
        return str(real_path(path).relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def outside_links(
    paths: list[Path], dir_links: list[Path], root: Path
) -> tuple[list[Path], list[FileData]]:
    """``paths`` without the links that lead outside ``root``, and a finding (E008) for each
    of those and for each linked directory that does: data from outside the data directory is
    never read through a link. A link inside it is read as the file it names (a linked
    directory is not followed: its files are read where they are)."""
    if root.is_file():
        return paths, []  # a file named on the command line is the user's choice
    base = os.path.realpath(root)
    prefix = base if base.endswith(os.sep) else base + os.sep

    def outside(link: Path) -> bool:
        real = os.path.realpath(link)
        return real != base and not real.startswith(prefix)

    kept: list[Path] = []
    refused: list[FileData] = []
    for path in paths:
        if path.is_symlink() and outside(path):
            refused.append(_outside_link(path, "file"))
        else:
            kept.append(path)
    refused += [_outside_link(link, "directory") for link in dir_links if outside(link)]
    return kept, refused


def _outside_link(path: Path, what: str) -> FileData:
    try:
        target = str(path.readlink())
    except OSError:
        target = os.path.realpath(path)
    shown = target if len(target) <= 60 else f"…{target[-59:]}"
    problem = codes.problem(
        codes.OUTSIDE_LINK,
        str(Path(display_path(path.parent), path.name)),
        None,
        None,
        f'{what} link to "{shown}" leads outside the data directory: it is not read; '
        "copy the data into the data directory, or point the link inside it",
    )
    return FileData([], [], [], [problem])
