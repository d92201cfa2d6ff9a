"""Where the data is (SPEC §1.1): the data directory, the data files below it, and the links
that would lead outside it."""

from __future__ import annotations

import os
import stat
import unicodedata
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
    if explicit is not None and not os.fspath(explicit):
        # --data "$DATA" with DATA unset in CI: the bundled sample would pass every check
        raise UsageError.of("data.empty_option")
    for given, where in ((explicit, "--data"), (os.environ.get("TRACKER_DATA"), "$TRACKER_DATA")):
        if given:  # an empty $TRACKER_DATA counts as unset, as for most variables
            return _checked_data_path(Path(given), where), False
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "targets"
        if candidate.is_dir():
            return candidate, False
    return bundled_data(), True


def _checked_data_path(path: Path, where: str) -> Path:
    """A data path the user named: it must exist and be a directory or a data file (a regular
    file: a FIFO would block, a device never end)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        raise UsageError.of("data.missing", where=where, path=repr(str(path))) from None
    if not stat.S_ISDIR(mode) and not stat.S_ISREG(mode):
        raise UsageError.of("data.not_file", where=where, path=repr(str(path)))
    if not stat.S_ISDIR(mode) and path.suffix.lower() not in DATA_SUFFIXES:
        raise UsageError.of(
            "data.not_data",
            where=where,
            path=repr(str(path)),
            suffixes=", ".join(sorted(DATA_SUFFIXES)),
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
    """The path as the user should see it: relative to the working directory when inside it,
    bytes that are not UTF-8 shown as ``\\xNN`` (:func:`shown_name`)."""
    try:
        return shown_name(str(real_path(path).relative_to(Path.cwd().resolve())))
    except ValueError:
        return shown_name(str(path))


def shown_name(name: str) -> str:
    """A file name (or link target) as text every output can carry: what a name may hold but
    no line of text should (a line break, ESC, BEL, U+202E, the bytes of a name that is not
    UTF-8, which Python keeps as lone surrogates) is written as an escape (``\\n``,
    ``\\x1b``, ``\\u202e``, ``\\xff`` as git shows it), so that the name stays recognisable
    and inert in every format (docs/security.md: file names)."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in name)


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if unicodedata.category(ch) == "Zs":  # a space of another width (U+3000): a space
        return ch
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch)
    return named or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def outside_links(
    paths: list[Path], dir_links: list[Path], root: Path
) -> tuple[list[Path], list[FileData]]:
    """``paths`` without the links that lead outside ``root``, and a finding (E008) for each
    of those and for each linked directory that does: data from outside the data directory is
    never read through a link. A link inside it is read as the file it names, once: one path
    per real file, so a link to a file that is listed anyway (or linked twice) is dropped and
    every command reads the same files (a linked directory is not followed: its files are
    read where they are)."""
    if root.is_file():
        return paths, []  # a file named on the command line is the user's choice
    base = os.path.realpath(root)
    prefix = base if base.endswith(os.sep) else base + os.sep

    def outside(real: str) -> bool:
        return real != base and not real.startswith(prefix)

    kept: list[Path] = []
    refused: list[FileData] = []
    inside: dict[int, str] = {}  # position in kept → the real path of a link kept
    for path in paths:
        if path.is_symlink():
            real = os.path.realpath(path)
            if outside(real):
                refused.append(_outside_link(path, "file"))
                continue
            inside[len(kept)] = real
        kept.append(path)
    refused += [
        _outside_link(link, "directory") for link in dir_links if outside(os.path.realpath(link))
    ]
    if inside:
        kept = _one_path_per_file(kept, inside, root, base)
    return kept, refused


def _one_path_per_file(
    paths: list[Path], links: dict[int, str], root: Path, base: str
) -> list[Path]:
    """``paths`` without the links (``links``: position → real path) to a file listed before
    or after them under its own name, or through an earlier link."""
    # Below root only a file itself can be a link (os.walk follows no linked directory): the
    # real path of any other file is the real root followed by its path below root.
    listed = {
        os.path.normpath(os.path.join(base, os.path.relpath(path, root)))  # noqa: PTH118
        for index, path in enumerate(paths)
        if index not in links
    }
    seen: set[str] = set()
    unique = []
    for index, path in enumerate(paths):
        real = links.get(index)
        if real is not None:
            if real in listed or real in seen:
                continue
            seen.add(real)
        unique.append(path)
    return unique


def _outside_link(path: Path, what: str) -> FileData:
    try:
        target = str(path.readlink())
    except OSError:
        target = os.path.realpath(path)
    target = shown_name(target)
    shown = target if len(target) <= 60 else f"…{target[-59:]}"
    problem = codes.problem_of(
        codes.OUTSIDE_LINK,
        str(Path(display_path(path.parent), shown_name(path.name))),
        None,
        None,
        "problem.E008" if what == "file" else "problem.E008.directory",
        {"target": shown},
    )
    return FileData([], [], [], [problem])
