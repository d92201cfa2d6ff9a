"""Writing the site into its directory: all or nothing, and only what the site owns.

Every file is first written into a hidden staging directory inside the target (same file
system). Only when all are written does each top-level entry of the site (``index.html``,
``assets/``, ``goals/``, ``zh/`` …) replace its namesake by a rename — so an error or Ctrl-C
half-way leaves the previous site as it was, a reader never sees a half-written page, and
pages of goals that no longer exist go with the folder they were in. Anything else in the
directory (a ``CNAME`` for GitHub Pages, a README) stays.
"""

from __future__ import annotations

import os
import queue
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from tracker.errors import UsageError
from tracker.render.export import directory as export_directory
from tracker.render.i18n import Lang
from tracker.render.site.build import Content

STAGING_PREFIX = ".tracker-site-"


def check_target(directory: Path, *, force: bool, lang: Lang) -> None:
    """Before any work: ``directory`` is absent, empty, or ``force`` allows replacing the
    site in it (as ``tracker export`` checks its directory)."""
    export_directory.check_target(directory, force=force, lang=lang, command="site")


def _unwritable(directory: Path, exc: OSError, lang: Lang) -> UsageError:
    return export_directory.unwritable(directory, exc, lang, "site")


def _inside(root: Path, relative: str) -> Path:
    """``root / relative``, for the relative paths the site's builder makes (never absolute,
    never ``..``); anything else is a bug, refused rather than written."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"not a path inside the site: {relative!r}")
    return root.joinpath(*path.parts)


def _write(path: Path, data: bytes) -> None:
    """``path.write_bytes(data)`` for a new file, in a quarter less time (no file object):
    a site is thousands of them."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class _Writer:
    """Writes files in a thread of its own while the pages are rendered: opening and writing
    thousands of small files is system time, which then overlaps the rendering (the GIL is
    released during the system calls). The first error is raised by :meth:`close`."""

    def __init__(self) -> None:
        self.queue: queue.Queue[tuple[Path, bytes] | None] = queue.Queue(maxsize=256)
        self.error: OSError | None = None
        self.thread = threading.Thread(target=self._run, name="tracker-site-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    _write(item[0], item[1])
                except OSError as exc:
                    self.error = exc

    def put(self, path: Path, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((path, data))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            raise self.error


Files = Callable[[int, int], Iterable[tuple[str, Content]]]  # (share, shares) → its files
PARALLEL_MIN_FILES = 400  # below this, forking costs more than it saves


def _write_share(staging: Path, files: Iterable[tuple[str, Content]]) -> int:
    """Write one share of the files into ``staging``; how many of them are pages (HTML:
    the stylesheet, script and downloads are files, not pages)."""
    count = 0
    made: set[Path] = {staging}
    writer = _Writer()
    try:
        for relative, content in files:
            path = _inside(staging, relative)
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            if isinstance(content, bytes):
                writer.put(path, content)
            else:
                content(path)
            count += relative.endswith(".html")
    finally:
        writer.close()
    return count


def _child(staging: Path, files: Files, share: int, shares: int, send: Any) -> None:
    """In a forked process: write a share, then report how many files (or the error)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    try:
        send.send(("done", _write_share(staging, files(share, shares))))
    except OSError as exc:
        send.send(("error", exc.errno, exc.strerror or str(exc)))
    finally:
        send.close()


def _write_all(staging: Path, files: Files, jobs: int, total: int) -> int:
    """Write every share: ``jobs - 1`` forked processes and this one, or this one alone."""
    shares = (
        jobs if jobs > 1 and total >= PARALLEL_MIN_FILES and sys.platform.startswith("linux") else 1
    )
    if shares == 1:
        return _write_share(staging, files(0, 1))
    import multiprocessing  # noqa: PLC0415  # only for large sites

    context = multiprocessing.get_context("fork")
    sys.stdout.flush()
    sys.stderr.flush()
    running = []
    try:
        for share in range(1, shares):
            receive, send = context.Pipe(duplex=False)
            process = context.Process(
                target=_child, args=(staging, files, share, shares, send), daemon=True
            )
            process.start()
            send.close()
            running.append((process, receive, share))
        count = _write_share(staging, files(0, shares))
        for process, receive, share in running:
            try:
                report = receive.recv()
            except EOFError:  # the child died without a word: its share is written here
                report = ("done", _write_share(staging, files(share, shares)))
            process.join()
            if report[0] == "error":
                raise OSError(report[1], report[2])
            count += report[1]
    finally:
        for process, receive, _ in running:
            receive.close()
            if process.is_alive():
                process.kill()
                process.join()
    return count


def write_site(directory: Path, files: Files, *, lang: Lang, jobs: int = 1, total: int = 0) -> int:
    """Write ``files`` into ``directory`` (created if needed), replacing the site's earlier
    entries there, in ``jobs`` processes when the site has many (``total``) files; returns
    how many pages (HTML files) were written, as `tracker site` reports them."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=directory))
    except OSError as exc:
        raise _unwritable(directory, exc, lang) from None
    old = staging.with_name(staging.name + ".old")
    try:
        count = _write_all(staging, files, jobs, total)
        old.mkdir()
        for entry in sorted(staging.iterdir()):
            target = directory / entry.name
            if target.is_symlink() or target.exists():
                target.replace(old / entry.name)  # a link itself, never what it points to
            entry.replace(target)
    except OSError as exc:
        raise _unwritable(directory, exc, lang) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
    return count
