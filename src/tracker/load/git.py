"""Reading the data directory as it was at a git revision (`tracker diff`).

Plain ``git`` subprocesses (no library): ``rev-parse`` to find the repository and the
revision, ``ls-tree`` to list the data files with their sizes, one ``cat-file --batch`` to
read those within the size limit, by object id (docs/security.md: git history). Each
file then goes through the same loader as the working tree (:func:`loader.load_bytes`).
``log`` lists the commits that changed the data (the goal change history of `tracker site`).
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path, PurePosixPath

from tracker.errors import UsageError
from tracker.load.discover import DATA_SUFFIXES, display_path
from tracker.load.file import MAX_FILE_BYTES, load_bytes, too_large
from tracker.load.merge import build_dataset
from tracker.model import Dataset, FileData

_OID = re.compile(rb"[0-9a-f]{40}|[0-9a-f]{64}")  # SHA-1 or SHA-256


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
        raise UsageError.of("git.missing") from None


def locate(data: Path) -> Repository:
    """The repository holding ``data``; a usage error when there is none."""
    folder = data if data.is_dir() else data.parent
    done = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if done.returncode != 0:
        said = done.stderr.decode(errors="replace").strip().splitlines()
        detail = f" (git: {said[0]})" if said and "not a git repository" not in said[0] else ""
        raise UsageError.of("git.not_a_repository", path=display_path(data), detail=detail)
    top = Path(done.stdout.decode().strip()).resolve()
    try:
        prefix = data.resolve().relative_to(top).as_posix()
    except ValueError:  # e.g. the data directory is a symlink out of the repository
        raise UsageError.of("git.outside", path=display_path(data), top=top) from None
    return Repository(top, "" if prefix == "." else prefix)


def resolve(repo: Repository, rev: str) -> str:
    """The commit ``rev`` names; a usage error naming ``rev`` when it names none."""
    done = _git(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], repo.top
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise UsageError.of("git.unknown_revision", rev=rev)
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


def files_at(repo: Repository, commit: str) -> list[tuple[str, bytes | int]]:
    """(path inside the repository, contents) of every data file at ``commit``; a blob
    larger than :data:`MAX_FILE_BYTES` is given by its size instead, never read.

    File names are hostile input (a committed name may hold a newline): they only ever
    travel NUL-separated (``ls-tree -z``). Contents are requested by object id, 40 or 64
    hex digits, one per line, and read back length-checked: each answer must name the
    requested object and have the size ``ls-tree --long`` announced.
    """
    pathspec = [repo.prefix] if repo.prefix else []
    # --literal-pathspecs: the data directory's name is a path, never a pathspec pattern
    tree = ["--literal-pathspecs", "ls-tree", "-r", "-z", "--long", "--full-tree", commit]
    listed = _git([*tree, "--", *pathspec], repo.top)
    if listed.returncode != 0:
        said = listed.stderr.decode(errors="replace").strip()
        raise UsageError.of("git.failed", command="ls-tree", detail=said)
    found: list[tuple[str, bytes, int]] = []
    for entry in listed.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        fields = meta.split()
        if len(fields) != 4:  # mode, type, object, size
            continue
        mode, kind, oid, size = fields
        path = name.decode("utf-8", errors="surrogateescape")
        # regular files only: a symlink's blob is its target's name, a submodule has none
        if kind == b"blob" and mode in (b"100644", b"100755") and _is_data_file(path, repo.prefix):
            found.append((path, oid, int(size)))
    found.sort(key=lambda item: _order(item[0]))
    wanted = [(oid, size) for _, oid, size in found if size <= MAX_FILE_BYTES]
    contents = _read_blobs(repo, wanted)
    return [(path, contents[oid] if size <= MAX_FILE_BYTES else size) for path, oid, size in found]


def _read_blobs(repo: Repository, wanted: list[tuple[bytes, int]]) -> dict[bytes, bytes]:
    """The contents of the blobs ``wanted`` (object id, size), read with one
    ``cat-file --batch``; each answer is checked against the id and size asked for."""
    if not wanted:
        return {}
    unique = list(dict.fromkeys(wanted))
    if any(not _OID.fullmatch(oid) for oid, _ in unique):  # pragma: no cover  # git's own output
        raise UsageError.of("git.bad_oid")
    request = b"".join(oid + b"\n" for oid, _ in unique)
    batch = _git(["cat-file", "--batch"], repo.top, stdin=request)
    if batch.returncode != 0:
        said = batch.stderr.decode(errors="replace").strip()
        raise UsageError.of("git.failed", command="cat-file", detail=said)
    out, offset, contents = batch.stdout, 0, {}
    for oid, size in unique:
        header_end = out.find(b"\n", offset)
        header = out[offset:header_end].split() if header_end >= 0 else []
        start, end = header_end + 1, header_end + 1 + size
        if header != [oid, b"blob", str(size).encode()] or out[end : end + 1] != b"\n":
            raise UsageError.of("git.bad_answer", oid=oid.decode())
        contents[oid] = out[start:end]
        offset = end + 1
    return contents


def load_revision(repo: Repository, commit: str) -> Dataset:
    """The dataset as it was at ``commit``, loaded exactly as the working tree is."""
    parts: list[FileData] = []
    for path, raw in files_at(repo, commit):
        name = display_path(repo.top / path)
        if isinstance(raw, int):  # too large to read: its size is all that is known
            parts.append(FileData([], [], [], [too_large(name, raw)]))
        else:
            parts.append(load_bytes(raw, name, PurePosixPath(path).suffix))
    return build_dataset(repo.top / repo.prefix, parts)


@dataclass(frozen=True, slots=True)
class Commit:
    """A commit that changed the data: its id, its committer date and its subject line."""

    id: str
    date: date
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
            "--end-of-options",
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
            when = date.fromisoformat(day)
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


@dataclass(frozen=True, slots=True)
class DataVersion:
    """The commit that last changed the data: what a notice's heading and an export's
    package cite (a commit that does not touch the data does not change it)."""

    commit: str  # the full hash
    short: str  # abbreviated, as a heading cites it
    date: date  # the commit's date
    dirty: bool  # the data has changes not committed yet


def data_version(data: Path) -> DataVersion | None:
    """The last commit that touched ``data``, or None when the data is not in git (or git is
    missing, or nothing is committed yet). Never raises: a notice is made without it."""
    folder = data if data.is_dir() else data.parent
    try:
        log = _git(["log", "-1", "--format=%H%x00%h%x00%cs", "--", "."], folder.resolve())
    except (UsageError, OSError):
        return None
    fields = log.stdout.decode(errors="replace").strip().split("\0")
    if log.returncode != 0 or len(fields) != 3:  # hash, short hash and date
        return None
    try:
        day = date.fromisoformat(fields[2])
    except ValueError:
        return None
    status = _git(["status", "--porcelain", "--", "."], folder.resolve())
    return DataVersion(fields[0], fields[1], day, bool(status.stdout.strip()))
