"""Reading the data directory as it was at a git revision (`tracker diff`).

Plain ``git`` subprocesses (no library): ``rev-parse`` to find the repository and the
revision, ``ls-tree`` to list the data files, one ``cat-file --batch`` to read them. Each
file then goes through the same loader as the working tree (:func:`loader.load_bytes`).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tracker.errors import UsageError
from tracker.load.discover import DATA_SUFFIXES, display_path
from tracker.load.file import load_bytes
from tracker.load.merge import build_dataset
from tracker.model import Dataset, FileData


@dataclass(frozen=True, slots=True)
class Repository:
    """Where the data lives in git: the work tree's top and the data path relative to it."""

    top: Path
    prefix: str  # POSIX path of the data directory (or file) inside the repository; "" = top


def _git(
    args: list[str], cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(  # noqa: S603  # fixed argv, no shell
            ["git", *args],  # noqa: S607  # git from PATH, as the user runs it
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        raise UsageError("git is not installed (or not on PATH): tracker diff needs it") from None


def locate(data: Path) -> Repository:
    """The repository holding ``data``; a usage error when there is none."""
    folder = data if data.is_dir() else data.parent
    done = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        detail = f" (git: {said[0]})" if said and "not a git repository" not in said[0] else ""
        raise UsageError(
            f"{display_path(data)} is not inside a git repository{detail}: tracker diff "
            "compares revisions of the data in git (run it in the repository, or set --data)"
        )
    top = Path(done.stdout.decode().strip()).resolve()
    try:
        prefix = data.resolve().relative_to(top).as_posix()
    except ValueError:  # e.g. the data directory is a symlink out of the repository
        raise UsageError(
            f"{display_path(data)} resolves outside the repository at {top}: "
            "set --data to the data directory inside it"
        ) from None
    return Repository(top, "" if prefix == "." else prefix)


def resolve(repo: Repository, rev: str) -> str:
    """The commit ``rev`` names; a usage error naming ``rev`` when it names none."""
    done = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo.top
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise UsageError(
            f'unknown revision "{rev}": give a commit, branch or tag '
            "(e.g. HEAD~1, main, origin/main; a shallow clone may need `git fetch`)"
        )
    return done.stdout.decode().strip()


def _order(path: str) -> tuple[tuple[int, str], ...]:
    """The order the working tree is read in (``iter_data_files``): a directory's files,
    sorted, before its subdirectories, sorted."""
    parts = PurePosixPath(path).parts
    return (*((1, d) for d in parts[:-1]), (0, parts[-1]))


def _is_data_file(path: str, prefix: str) -> bool:
    inside = PurePosixPath(path).relative_to(prefix) if prefix else PurePosixPath(path)
    if any(part.startswith(".") for part in inside.parts):
        return False  # dot-directories and dot-files are skipped, as on disk
    return PurePosixPath(path).suffix.lower() in DATA_SUFFIXES


def files_at(repo: Repository, commit: str) -> list[tuple[str, bytes]]:
    """(path inside the repository, contents) of every data file at ``commit``."""
    pathspec = [repo.prefix] if repo.prefix else []
    listed = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *pathspec], repo.top)
    if listed.returncode != 0:
        raise UsageError(f"git ls-tree failed: {listed.stderr.decode(errors='replace').strip()}")
    paths: list[str] = []
    for entry in listed.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind = meta.split()[:2]
        path = name.decode("utf-8", errors="surrogateescape")
        # regular files only: a symlink's blob is its target's name, a submodule has none
        if kind == b"blob" and mode in (b"100644", b"100755") and _is_data_file(path, repo.prefix):
            paths.append(path)
    paths.sort(key=_order)
    if not paths:
        return []
    request = b"".join(f"{commit}:{p}\n".encode("utf-8", errors="surrogateescape") for p in paths)
    batch = _git(["cat-file", "--batch"], repo.top, stdin=request)
    if batch.returncode != 0:
        raise UsageError(f"git cat-file failed: {batch.stderr.decode(errors='replace').strip()}")
    out, files, offset = batch.stdout, [], 0
    for path in paths:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        start = header_end + 1
        files.append((path, out[start : start + size]))
        offset = start + size + 1  # the content is followed by a newline
    return files


def load_revision(repo: Repository, commit: str) -> Dataset:
    """The dataset as it was at ``commit``, loaded exactly as the working tree is."""
    parts: list[FileData] = []
    for path, raw in files_at(repo, commit):
        name = display_path(repo.top / path)
        parts.append(load_bytes(raw, name, PurePosixPath(path).suffix))
    return build_dataset(repo.top / repo.prefix, parts)
