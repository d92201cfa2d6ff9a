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


# --- output shown in the README is real output --------------------------------------------

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _shown(lines: list[str], output: str) -> None:
    """Every line shown (``…`` skips) is a line of the output, in order; the evaluation date
    of `record`'s status line (today) is compared as a date."""
    actual = [line.rstrip() for line in output.splitlines()]
    position = 0
    for line in lines:
        if line == "…":
            continue
        pattern = re.escape(line)
        if line.startswith("Status at "):
            pattern = pattern.replace(re.escape(DATE.search(line)[0]), r"\d{4}-\d{2}-\d{2}")  # type: ignore[index]
        found = next(
            (i for i in range(position, len(actual)) if re.fullmatch(pattern, actual[i])), None
        )
        assert found is not None, f"README line not in the output: {line!r}\n{output}"
        position = found + 1


def test_quick_start_excerpt_is_real_output(monkeypatch: pytest.MonkeyPatch) -> None:
    block = code_blocks("text")[0].strip().splitlines()
    monkeypatch.delenv("COLUMNS", raising=False)
    result = CliRunner().invoke(
        cli,
        ["--lang", "zh", "status", "--region", "运城", "--as-of", "2023-07-01"],
        env={"TRACKER_DATA": str(ROOT / "targets"), "NO_COLOR": "1", "COLUMNS": None},
    )
    assert result.exit_code == 0
    _shown(block, result.stdout)
    rows = re.search(r"\((\d+) rows", README)
    assert rows is not None
    assert f"共{rows[1]}项" in result.stdout


def test_no_exact_test_count() -> None:
    assert not re.search(r"\d+ passed in", README)


def test_first_ten_minutes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The walk-through, run in order in a git repository holding a copy of the data."""
    import shutil  # noqa: PLC0415
    import subprocess  # noqa: PLC0415

    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copytree(ROOT / "targets", tmp_path / "targets")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *command],
            cwd=tmp_path,
            check=True,
        )
    monkeypatch.chdir(tmp_path)
    env = {"TRACKER_LANG": "en", "NO_COLOR": "1", "TRACKER_DATA": None, "COLUMNS": None}
    section = README.split("## The first ten minutes", 1)[1]
    block = re.search(r"```console\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    steps: list[tuple[str, list[str]]] = []
    for line in block[1].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    assert [command.split()[1] for command, _ in steps] == [
        "add", "record", "status", "check", "diff", "report",
    ]  # fmt: skip
    for command, shown in steps:
        result = CliRunner().invoke(cli, shlex.split(command)[1:], env=env)
        assert result.exit_code == 0, f"{command}\n{result.output}"
        _shown(shown, result.output)
    assert (tmp_path / "report.md").read_text(encoding="utf-8").startswith("# Target report")
