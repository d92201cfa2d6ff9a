"""The report when stdout cannot take it: a full disk, a closed stdout, a reader that stops
early. Each ends with a clear message or quietly — never an internal error, never exit 0
with the report lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = str(ROOT / "targets")
TRACKER = [sys.executable, "-m", "tracker", "--data", DATA, "--no-cache"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["status"], ["status", "--format", "json"], ["report"]])
def test_a_full_disk_is_named(args: list[str]) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [*TRACKER, "--lang", "en", *args], stdout=full, stderr=subprocess.PIPE, check=False
        )
    stderr = done.stderr.decode()
    assert done.returncode == 1, stderr
    assert "cannot write to standard output: No space left on device" in stderr
    assert "internal error" not in stderr


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "standard output is closed"), ("zh", "标准输出已关闭")]
)
def test_a_closed_stdout_is_not_success(lang: str, words: str) -> None:
    """`tracker status >&-` printed nothing and exited 0: the report was lost silently."""
    done = subprocess.run(
        [*TRACKER, "--lang", lang, "status", "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
        # close fd 1 in the child (what `>&-` does)
        preexec_fn=lambda: os.close(1),  # no threads here
    )
    assert done.returncode == 1
    assert words in done.stderr.decode()


def test_a_reader_that_stops_early_ends_it_quietly(tmp_path: Path) -> None:
    """`tracker status --format json | head -c 10` printed "internal error: BrokenPipeError"."""
    goals = "".join(
        f'[[goal]]\nid = "g{i}"\ntitle = "城镇新增就业{i}"\nunit = "人"\nperiod = 2023\n'
        f'target = {i + 1}\nquote = "{"引文" * 200}"\n\n'
        for i in range(2000)
    )  # some 2 MB of JSON: more than any pipe holds
    (tmp_path / "a.toml").write_text(
        f'[[region]]\nname = "甲市"\n\n[defaults]\nregion = "甲市"\n\n{goals}', encoding="utf-8"
    )
    args = ["--data", str(tmp_path), "status", "--format", "json"]
    env = {**os.environ, "TRACKER_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tracker", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.read(10)
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1, stderr
    assert b"internal error" not in stderr
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr
