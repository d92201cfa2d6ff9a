"""Writing an export into its directory: all or nothing.

Every file is first written into a hidden staging directory inside the target (the same file
system), then each is renamed over its final name — so a failure or Ctrl-C half-way leaves
the previous export as it was, and a reader never sees a half-written file. Only the files the
export writes are replaced; anything else in the directory stays.

The slowest file (the SQLite database) can be written by a forked child process while this
one writes the others (Linux only, as the parse cache's workers: docs/performance.md).
"""

from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from tracker.errors import UsageError, os_reason
from tracker.render.i18n import Lang, t

STAGING_PREFIX = ".tracker-export-"

# writes one file at the path it is given
Writer = Callable[[Path], None]


def check_target(directory: Path, *, force: bool, lang: Lang, command: str = "export") -> None:
    """Before any work: ``directory`` must be absent, empty, or replaced with ``force``.
    ``command``: whose messages (``export``, ``site``: both write a directory so)."""
    try:
        if directory.exists() and not directory.is_dir():
            raise UsageError(t(f"{command}.not_directory", lang, dir=directory))
        if directory.is_dir() and not force and any(directory.iterdir()):
            raise UsageError(t(f"{command}.not_empty", lang, dir=directory))
    except OSError as exc:
        raise unwritable(directory, exc, lang, command) from None


def unwritable(directory: Path, exc: OSError, lang: Lang, command: str = "export") -> UsageError:
    """The one-line error for a directory that cannot be written (exit 2)."""
    reason = os_reason(exc)
    said = reason.zh if lang == "zh" else reason.en
    return UsageError(t(f"{command}.unwritable", lang, dir=directory, reason=said))


def write_all(
    directory: Path,
    files: Mapping[str, Writer],
    *,
    lang: Lang,
    background: Collection[str] = (),
) -> None:
    """Write every file of ``files`` into ``directory`` (created if needed), replacing files
    of the same names; nothing is replaced unless every file was written. The files named in
    ``background`` are written by a child process meanwhile, where one can be forked."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=directory))
    except OSError as exc:
        raise unwritable(directory, exc, lang) from None
    children: list[_Child] = []
    try:
        children = [_Child.start(files[name], staging / name) for name in background]
        for name, write in files.items():
            if name not in background:
                write(staging / name)
        for child in children:
            child.finish()
        for name in files:
            (staging / name).replace(directory / name)
    except OSError as exc:
        raise unwritable(directory, exc, lang) from None
    finally:
        for child in children:
            child.stop()
        shutil.rmtree(staging, ignore_errors=True)


class _Child:
    """One file written by a forked process; without fork, written here when finished."""

    def __init__(self, write: Writer, path: Path, process: Any = None, receive: Any = None):
        self.write = write
        self.path = path
        self.process = process
        self.receive = receive

    @classmethod
    def start(cls, write: Writer, path: Path) -> _Child:
        if not sys.platform.startswith("linux"):
            return cls(write, path)
        import multiprocessing  # noqa: PLC0415  # only here

        context = multiprocessing.get_context("fork")
        sys.stdout.flush()
        sys.stderr.flush()
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(write, path, send), daemon=True)
        process.start()
        send.close()
        return cls(write, path, process, receive)

    def finish(self) -> None:
        """Wait for the file; an OSError in the child is raised here. A child that died
        without a word (killed, out of memory) leaves the file to this process."""
        if self.process is None:
            self.write(self.path)
            return
        try:
            report = self.receive.recv()
        except EOFError:
            report = None
        self.process.join()
        self.process = None
        if report is None or report[0] == "done":
            if report is None:
                self.write(self.path)
            return
        _, number, message = report
        raise OSError(number, message)

    def stop(self) -> None:
        """End the child if still running (an error or Ctrl-C in this process)."""
        if self.process is not None:
            self.process.kill()
            self.process.join()
            self.process = None
        if self.receive is not None:
            self.receive.close()


def _run(write: Writer, path: Path, send: Any) -> None:
    """In the forked child: write, then say how it went."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to report
    try:
        write(path)
    except OSError as exc:
        send.send(("error", exc.errno, exc.strerror or str(exc)))
    except Exception:  # noqa: BLE001  # the parent writes the file itself and reports
        send.send(None)
    else:
        send.send(("done",))
    finally:
        send.close()
