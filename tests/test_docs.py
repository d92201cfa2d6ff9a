"""The README's commands are tested: the quick start is what CI runs, every example runs."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from tracker.cli.group import cli

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def code_blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


def test_quick_start_is_what_ci_runs() -> None:
    install, tests = (block.strip() for block in code_blocks("sh")[:2])
    assert install in CI.splitlines()
    assert tests in CI.splitlines()


def documented_examples() -> list[str]:
    lines = []
    for block in code_blocks("sh")[2:]:
        for line in block.splitlines():
            command = line.split("#", 1)[0].strip()
            if command.startswith("tracker "):
                lines.append(command)
    return lines


@pytest.mark.parametrize("command", documented_examples())
def test_documented_example_runs(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # files an example writes land here, not in the repo
    monkeypatch.setenv("TRACKER_DATA", str(ROOT / "targets"))
    args = shlex.split(command)[1:]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout or any(tmp_path.iterdir())
