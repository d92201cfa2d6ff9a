"""Writing a data file without ever losing it: a lock per file, atomic replacement, and a
refusal when someone else changed the file since it was read.

The sequence every writer follows (:func:`rewrite`)::

    lock the file → read it → compute the new bytes → write them to a temporary file in the
    same directory → fsync → check the file is still what was read → rename over it → fsync
    the directory → unlock

- **The lock** is ``flock`` on the data file itself, so no lock files litter the data
  directory. The rename replaces the file's inode, so a process that was waiting on the old
  inode notices (the path no longer points at the inode it locked) and locks the new one:
  every concurrent writer sees the previous writer's result.
- **The temporary file** is ``.<name>.<pid>.tracker-tmp``: a dot-file, so the loader never
  reads it. It is removed on any exception, on Ctrl-C and on SIGTERM. Only a SIGKILL (or a
  power cut) can leave one behind; since temporary files are written only under the lock, any
  found by the next writer holding the lock are stale, and it removes them.
- **Permissions** of the original are kept (mode, and owner/group when allowed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from tracker.errors import DataError, UsageError, os_reason

TEMP_SUFFIX = ".tracker-tmp"
DEFAULT_LOCK_TIMEOUT = 30.0  # seconds; a record takes well under one on a file of usual size
# A record holds the lock while it reads, edits and checks the file twice: about 2.5 s per MB
# (a 10 MiB file of 200,000 goals, the largest the loader reads: some 25 s). The default wait
# grows with the file so that a writer waiting for another on a large file does not give up.
LOCK_SECONDS_PER_MB = 6.0


def default_lock_timeout(path: Path) -> float:
    """How long to wait for the lock on ``path`` when --lock-timeout is not given."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return DEFAULT_LOCK_TIMEOUT + LOCK_SECONDS_PER_MB * size / 1_000_000


_POLL = 0.02


class LockTimeoutError(DataError):
    """Another process held the file's lock for longer than the timeout."""


class FileChangedError(DataError):
    """The file on disk is no longer what was read: writing would lose someone's change."""


def _no_hook(temp: Path) -> None:
    del temp


# Called with the finished, fsynced temporary file just before it replaces the original.
# Tests replace it to interrupt a write at its most delicate moment; it does nothing otherwise.
before_replace: Callable[[Path], None] = _no_hook


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file's bytes and the stat fields that change when anyone rewrites it."""

    raw: bytes
    digest: str
    size: int
    mtime_ns: int
    inode: int

    @classmethod
    def read(cls, path: Path) -> Snapshot:
        with path.open("rb") as handle:
            info = os.fstat(handle.fileno())
            raw = handle.read()
        return cls(
            raw, hashlib.sha256(raw).hexdigest(), info.st_size, info.st_mtime_ns, info.st_ino
        )

    def same_as(self, other: Snapshot) -> bool:
        return (self.digest, self.size, self.mtime_ns, self.inode) == (
            other.digest,
            other.size,
            other.mtime_ns,
            other.inode,
        )


def temp_files(path: Path) -> list[Path]:
    """Temporary files left next to ``path`` by writers of it."""
    return sorted(path.parent.glob(f".{path.name}.*{TEMP_SUFFIX}"))


@contextlib.contextmanager
def locked(path: Path, timeout: float = DEFAULT_LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (the file as it is *now*, see the module doc)."""
    import fcntl  # noqa: PLC0415  # POSIX only; imported where it is needed

    deadline = time.monotonic() + timeout
    while True:
        try:
            fd = os.open(path, os.O_RDONLY)
        except FileNotFoundError:
            raise DataError.of("edit.file_gone", path=path) from None
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        waited = f"{timeout:g}"
                        raise LockTimeoutError.of(
                            "edit.locked", path=path, seconds=waited
                        ) from None
                    time.sleep(_POLL)
            try:
                current = path.stat()
            except FileNotFoundError:
                raise DataError.of("edit.removed_while_waiting", path=path) from None
            mine = os.fstat(fd)
            if (current.st_ino, current.st_dev) == (mine.st_ino, mine.st_dev):
                yield
                return
            # Replaced while we waited: the lock we hold is on the old file. Lock the new one.
        finally:
            os.close(fd)  # also releases the lock


def remove_stale_temps(path: Path) -> list[Path]:
    """Remove temporary files of ``path`` left by a killed writer. Call with the lock held."""
    removed = []
    for temp in temp_files(path):
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
            removed.append(temp)
    return removed


def _raise_interrupt(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise KeyboardInterrupt


@contextlib.contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """Let SIGTERM and SIGHUP unwind like Ctrl-C, so the temporary file is cleaned up."""
    if threading.current_thread() is not threading.main_thread() or sys.platform == "win32":
        yield
        return
    previous = {
        sig: signal.signal(sig, _raise_interrupt) for sig in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _temp_for(path: Path) -> Path:
    """The temporary file a write of ``path`` goes through: hidden, beside it, per process."""
    return path.parent / f".{path.name}.{os.getpid()}{TEMP_SUFFIX}"


def _open_temp(temp: Path) -> int:
    """Create ``temp``, never opening an existing file, readable by its owner only."""
    return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def _fill(fd: int, data: bytes, mode: int, owner: os.stat_result | None = None) -> None:
    """Write ``data`` to the new file ``fd`` (and close it), give it ``mode`` (and ``owner``'s
    user and group where allowed), and flush it to disk."""
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fchmod(handle.fileno(), mode)
        if owner is not None:
            with contextlib.suppress(PermissionError):
                os.fchown(handle.fileno(), owner.st_uid, owner.st_gid)
        os.fsync(handle.fileno())


def replace_atomically(path: Path, data: bytes, expected: Snapshot) -> None:
    """Replace ``path`` with ``data`` if it is still ``expected``; all or nothing.

    Call with the lock held. Raises :class:`FileChangedError` (nothing written) when the file
    differs from ``expected``.
    """
    original = path.stat()
    temp = _temp_for(path)
    with _terminate_as_interrupt():
        fd = _open_temp(temp)
        try:
            _fill(fd, data, stat.S_IMODE(original.st_mode), original)
            if not Snapshot.read(path).same_as(expected):
                raise FileChangedError.of("edit.changed", path=path)
            before_replace(temp)
            temp.replace(path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
            raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def rewrite(
    path: Path,
    change: Callable[[Snapshot], bytes | None],
    *,
    timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> Snapshot:
    """Lock ``path``, read it, and replace it with ``change(snapshot)`` (unless that is None).

    ``change`` runs with the lock held on the file as it is at that moment, so concurrent
    writers each see the one before. Returns the snapshot ``change`` was given.
    """
    path = path.resolve()  # write the real file, never replace a symlink with a copy
    with locked(path, timeout):
        remove_stale_temps(path)
        snapshot = Snapshot.read(path)
        data = change(snapshot)
        if data is not None:
            replace_atomically(path, data, snapshot)
        return snapshot


def create_atomically(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Create ``path`` with ``data``, all or nothing; refuse if it already exists."""
    temp = _temp_for(path)
    with _terminate_as_interrupt():
        fd = _open_temp(temp)
        try:
            _fill(fd, data, mode & ~_umask())
            try:
                os.link(temp, path)  # unlike rename, never replaces an existing file
            except FileExistsError:
                raise FileChangedError.of("edit.created_meanwhile", path=path) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
    _fsync_directory(path.parent)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_output(path: Path, text: str) -> None:
    """Write a generated file (``--output``): atomically for a regular file, keeping its
    mode; through a symlink to its target; straight into a device or FIFO (``/dev/stdout``).

    Every failure is a :class:`UsageError` naming the path (the option's value is wrong).
    """

    data = text.encode("utf-8")
    try:
        info = path.stat()  # follows symlinks, and works for /dev/stdout on a pipe
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise UsageError.of("output.cannot_use", path=path, reason=os_reason(exc)) from None
    try:
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise UsageError.of("output.directory", path=path)
        if info is not None and not stat.S_ISREG(info.st_mode):
            with path.open("wb") as handle:  # a device or pipe: never replace it
                handle.write(data)
            return
        target = path.resolve()  # a symlink's target is replaced, never the link
        if not target.parent.is_dir():
            raise UsageError.of("output.no_directory", dir=target.parent)
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        temp = _temp_for(target)
        with _terminate_as_interrupt():
            try:
                # O_TRUNC, not O_EXCL: a generated file may take over a leftover temporary one
                _fill(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), data, mode)
                temp.replace(target)
            finally:
                with contextlib.suppress(FileNotFoundError):
                    temp.unlink()
    except OSError as exc:
        raise UsageError.of("output.cannot_write", path=path, reason=os_reason(exc)) from None
