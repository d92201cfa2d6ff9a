"""Reading the data directory as it was at a git revision (`tracker diff`).

Plain ``git`` subprocesses (no library): ``rev-parse`` to find the repository and the
revision, ``ls-tree`` to list the data files, one ``cat-file --batch`` to read them. Each
file then goes through the same loader as the working tree (:func:`loader.load_bytes`).
``log`` lists the commits that changed the data (the goal change history of `tracker site`).
"""

from __future__ import annotations

import datetime as dt
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


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that changed the data: its id, its committer date and its subject line."""

    id: str
    date: dt.date
    subject: str


def data_commits(repo: Repository, limit: int) -> list[Commit]:
    """The last ``limit`` commits of the current branch that changed the data, newest first
    (fewer when the history is shorter). The subject is data text: show it escaped."""
    pathspec = [repo.prefix] if repo.prefix else []
    done = _git(
        [
            "--literal-pathspecs",  # a data path is a path, never pathspec magic
            "log",
            f"--max-count={max(limit, 0)}",
            "-z",
            "--format=%H%x1f%cs%x1f%s",
            "HEAD",
            "--",
            *pathspec,
        ],
        repo.top,
    )
    if done.returncode != 0:  # e.g. a repository without a commit yet
        return []
    commits = []
    for record in done.stdout.split(b"\0"):
        fields = record.decode("utf-8", errors="replace").strip("\n").split("\x1f", 2)
        if len(fields) != 3:
            continue
        commit, day, subject = fields
        try:
            when = dt.date.fromisoformat(day)
        except ValueError:
            continue
        commits.append(Commit(commit, when, subject))
    return commits


def data_history(data: Path, limit: int) -> list[tuple[Commit, Dataset]]:
    """The data as it was after each of its last ``limit`` commits, oldest first, plus the
    state before the oldest (an empty dataset when that commit added the data): what the
    site's goal change history compares. Empty when the data is not in a git repository or
    git is not installed: the history is a bonus, never a reason to fail."""
    if limit <= 0:
        return []
    try:
        repo = locate(data)
        commits = data_commits(repo, limit + 1)
        states = [(c, load_revision(repo, c.id)) for c in reversed(commits)]
    except UsageError:
        return []
    if len(commits) <= limit:  # the whole history: it starts from nothing
        root = Commit("", commits[-1].date, "") if commits else None
        if root is not None:
            states.insert(0, (root, build_dataset(repo.top / repo.prefix, [])))
    return states
