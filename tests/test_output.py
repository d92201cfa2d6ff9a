"""``--output`` files: atomic for regular files, never replacing links, devices or pipes."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tracker.edit.files import write_output
from tracker.errors import UsageError


def test_regular_file_replaced_keeping_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "r.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_output(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temporary file left


def test_symlink_writes_its_target(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert fifo.is_fifo()


@pytest.mark.parametrize("name", ["missing-dir/r.md", "."])
def test_bad_paths_are_usage_errors(tmp_path: Path, name: str) -> None:
    with pytest.raises(UsageError, match="--output"):
        write_output(tmp_path / name, "x")
