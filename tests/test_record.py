"""`tracker record`: the exact bytes it writes, every refusal, and that no data is ever lost
(concurrent writers, a write killed midway, a file changed behind its back).

The expected files are golden files in tests/data/record/expected/. To accept a deliberate
change, regenerate them and review the diff:

    TRACKER_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_record.py && git diff tests/data/record
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.edit import apply, plan, validate
from tracker.edit import files as fileio
from tracker.load.dataset import load
from tracker.load.file import load_text

HERE = Path(__file__).parent
FIXTURE = HERE / "data" / "record"
EXPECTED = FIXTURE / "expected"
SHIPPED = HERE.parent / "targets"
UPDATE = os.environ.get("TRACKER_UPDATE_GOLDEN") == "1"
SRC = str(HERE.parent / "src")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A private copy of the fixture directory (without the golden files)."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("expected"))
    return target


def run(data_dir: Path, *args: str) -> Result:
    env = {"TRACKER_LANG": "en", "NO_COLOR": "1", "TRACKER_DATA": str(data_dir)}
    return CliRunner().invoke(cli, ["record", *args], env=env)


def errors_in(data_dir: Path) -> list[str]:
    return [f"{p.location()} {p.code} {p.message}" for p in load(data_dir).errors]


def no_temp_files(directory: Path) -> bool:
    return not [p for p in directory.rglob("*") if p.name.endswith(fileio.TEMP_SUFFIX)]


# --- byte-for-byte ------------------------------------------------------------------------

GOLDEN = {
    # after the goal's last outcome, before the comment that belongs to the next goal
    "after_last_outcome": [
        "yuncheng-2022-urban-new-jobs", "5.6万", "--as-of", "2023-12-31",
        "--stated-rate", "102.5%", "--source", "yc-2024",
        "--quote", "全市城镇新增就业5.6万人", "--note", 'a "quoted" note',
    ],
    # no outcome yet: after the multi-line array, right before the next [[goal]]
    "no_outcomes_after_array": [
        "yuncheng-2022-private-compulsory-share", "3.89%", "--as-of", "2022",
    ],
    # numerator/denominator
    "ratio": ["yuncheng-2022-private-compulsory-share", "18909/20037", "--as-of", "2022-12"],
    # after the outcome, before the [goal.baseline] sub-table that follows it
    "before_subtable": ["yanhu-2022-lunches", "60", "--as-of", "2022-12-31"],
    # a milestone: done = true, at the end of the file
    "milestone": ["yuncheng-2023-review", "完成", "--as-of", "2023-11-30"],
    # --replace: the outcome of that date rewritten in place
    "replace": [
        "yuncheng-2022-urban-new-jobs", "5.32万", "--as-of", "2022-12-31", "--replace",
    ],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_golden_edit(data: Path, name: str) -> None:
    before = (data / "goals.toml").read_bytes()
    result = run(data, *GOLDEN[name])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    after = (data / "goals.toml").read_bytes()
    golden = EXPECTED / f"{name}.toml"
    if UPDATE:
        golden.write_bytes(after)
    assert after == golden.read_bytes()
    assert errors_in(data) == []
    changes = [
        line
        for line in difflib.unified_diff(
            before.decode().splitlines(), after.decode().splitlines(), lineterm="", n=0
        )
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    if name == "replace":
        assert [c for c in changes if c.startswith("-")] == [
            '-  value = "5.31万"',
            '-  stated_rate = "104.19%"',
        ]
    else:  # only added lines, every one of them the new block
        assert all(c.startswith("+") for c in changes)
        # a blank line before the new table, and after it when the next line was not blank
        assert changes.count("+") == (2 if name in ("ratio", "no_outcomes_after_array") else 1)
        assert changes.count("+  [[goal.outcome]]") == 1


def test_no_newline_at_end_of_file(data: Path) -> None:
    result = run(data, "last-no-newline", "3", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    assert (data / "nonewline.toml").read_text(encoding="utf-8") == (
        '[[goal]]\nid = "last-no-newline"\ntitle = "x"\nregion = "运城市"\nunit = "人"\n'
        'period = 2023\nsource = "yc"\n\n  [[goal.outcome]]\n  as_of = 2023-12-31\n  value = 3\n'
    )


def test_crlf_and_bom_are_kept(data: Path) -> None:
    path = data / "goals.toml"
    original = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode())
    result = run(data, *GOLDEN["after_last_outcome"])
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    expected = (EXPECTED / "after_last_outcome.toml").read_text(encoding="utf-8")
    assert raw[3:].decode() == expected.replace("\n", "\r\n")


def test_dry_run_prints_the_diff_and_writes_nothing(data: Path) -> None:
    before = (data / "goals.toml").read_bytes()
    result = run(data, "yuncheng-2022-urban-new-jobs", "5.6万", "--as-of", "2023", "--dry-run")
    assert result.exit_code == 0, result.output
    assert (data / "goals.toml").read_bytes() == before
    assert result.stdout.startswith("--- a/")
    assert '+  value = "5.6万"' in result.stdout
    assert "dry run" in result.stderr


# --- warnings the new outcome brings ---------------------------------------------------------

FALLING = ["yuncheng-2022-urban-new-jobs", "2.5万", "--as-of", "2022-09-30"]
W205_FALLING = (
    "goals.toml:40: warning W205 [yuncheng-2022-urban-new-jobs] cumulative figure "
    '"2.5万人" at 2022-09-30 is below "2.9万人" at 2022-06-30'
)


def check_lines(data_dir: Path, code: str) -> list[str]:
    """`tracker check`'s lines for ``code``, as it prints them."""
    env = {"TRACKER_LANG": "en", "NO_COLOR": "1"}
    result = CliRunner().invoke(cli, ["--data", str(data_dir), "check"], env=env)
    return [line for line in result.stdout.splitlines() if f" {code} " in line]


@pytest.mark.parametrize("dry_run", [False, True], ids=["written", "dry-run"])
def test_a_falling_cumulative_figure_is_reported(data: Path, dry_run: bool) -> None:
    """W205, as `tracker check` reports it; recorded all the same (exit 0)."""
    before = (data / "goals.toml").read_bytes()
    result = run(data, *FALLING, *(["--dry-run"] if dry_run else []))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert W205_FALLING in warnings[0]
    assert "W205" not in result.stdout  # stdout: the confirmation, or the diff
    if dry_run:
        assert (data / "goals.toml").read_bytes() == before
        assert result.stderr.endswith("dry run: nothing written\n")
    else:
        assert result.stdout.startswith("recorded yuncheng-2022-urban-new-jobs")
        assert warnings == check_lines(data, "W205")  # exactly what `check` now says


def test_only_the_warnings_the_outcome_brings(data: Path) -> None:
    """Warnings the goal already had, and those of other goals, are not repeated."""
    assert run(data, *FALLING).exit_code == 0
    again = run(data, "yuncheng-2022-urban-new-jobs", "2.6万", "--as-of", "2022-11-30")
    assert again.exit_code == 0, again.output
    assert again.stderr == ""  # the W205 of 2022-09-30 and the other goals' W204 stay unsaid
    assert len(check_lines(data, "W205")) == 1


def test_a_warning_on_a_later_outcome_is_reported(data: Path) -> None:
    """A figure above the one after it: the later outcome now falls, and that is reported."""
    result = run(data, "yuncheng-2022-urban-new-jobs", "5.4万", "--as-of", "2022-11-30")
    assert result.exit_code == 0, result.output
    assert (
        'goals.toml:35: warning W205 [yuncheng-2022-urban-new-jobs] cumulative figure "5.31万人" '
        'at 2022-12-31 is below "5.4万人" at 2022-11-30'
    ) in result.stderr


def test_a_stated_rate_that_does_not_match_is_reported(data: Path) -> None:
    result = run(data, "yanhu-2022-lunches", "30", "--as-of", "2022-12-31", "--stated-rate", "90%")
    assert result.exit_code == 0, result.output
    assert "goals.toml:71: warning W201 [yanhu-2022-lunches] stated_rate" in result.stderr
    assert '"30所" ÷ target "60所" = 50.00%' in result.stderr


def test_an_acknowledged_finding_is_not_reported(data: Path) -> None:
    path = data / "goals.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            'id = "yuncheng-2022-urban-new-jobs"\n',
            'id = "yuncheng-2022-urban-new-jobs"\nacknowledge = ["W205"]\n',
        ),
        encoding="utf-8",
    )
    result = run(data, *FALLING)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""


def test_warnings_labels_follow_lang(data: Path) -> None:
    env = {"TRACKER_LANG": "zh", "NO_COLOR": "1", "TRACKER_DATA": str(data)}
    result = CliRunner().invoke(cli, ["record", *FALLING], env=env)
    assert result.exit_code == 0, result.output
    assert ": 警告 W205 [yuncheng-2022-urban-new-jobs] 累计数" in result.stderr


def test_permissions_and_symlinks_are_kept(data: Path, tmp_path: Path) -> None:
    # the link leads to a dot-directory inside the data directory, which the loader does not
    # walk (a link leading outside it is not read at all: docs/security.md)
    real = data / ".store" / "elsewhere.toml"
    real.parent.mkdir()
    (data / "goals.toml").rename(real)
    (data / "goals.toml").symlink_to(real)
    real.chmod(0o640)
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 0, result.output
    assert (data / "goals.toml").is_symlink()
    assert "as_of = 2022-12-31\n  value = 60" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o640
    assert no_temp_files(tmp_path)


def test_shipped_data_done_when(tmp_path: Path) -> None:
    """The issue's check: the shipped data gets exactly four new lines and status shows them."""
    data_dir = tmp_path / "targets"
    shutil.copytree(SHIPPED, data_dir)
    path = data_dir / "shanxi" / "yuncheng.toml"
    before = path.read_text(encoding="utf-8").splitlines()
    result = run(data_dir, "yuncheng-2022-urban-new-jobs", "5.6万", "--as-of", "2023-12-31")
    assert result.exit_code == 0, result.output
    assert "yuncheng.toml:" in result.stdout
    after = path.read_text(encoding="utf-8").splitlines()
    added = [ln for ln in difflib.ndiff(before, after) if ln[:2] in ("+ ", "- ")]
    assert sorted(added) == sorted(
        ["+ ", "+   [[goal.outcome]]", "+   as_of = 2023-12-31", '+   value = "5.6万"']
    )
    status = CliRunner().invoke(
        cli,
        ["--data", str(data_dir), "status", "--format", "json", "--as-of", "2024-01-01"],
    )
    goals = {g["id"]: g for g in json.loads(status.stdout)["goals"]}
    jobs = goals["yuncheng-2022-urban-new-jobs"]
    assert (jobs["actual"], jobs["actual_as_of"]) == (56000, "2023-12-31")


# --- refusals: a clear message, an exit code, the file untouched ----------------------------

JOB = "yuncheng-2022-urban-new-jobs"
JOBS = [JOB, "5.3万"]
REFUSALS = [
    # (arguments, exit code, words the message must contain)
    (
        ["yuncheng-2022-urban-new-job", "1", "--as-of", "2022"],
        2,
        "did you mean yuncheng-2022-urban-new-jobs",
    ),
    (["nothing-like-this", "1", "--as-of", "2022"], 2, 'unknown goal id "nothing-like-this"'),
    ([JOB, "5万元", "--as-of", "2022-07-31"], 2, "VALUE"),
    ([JOB, "lots", "--as-of", "2022-07-31"], 2, "VALUE"),
    ([JOB, "5万", "--as-of", "2022-13-01"], 2, "--as-of"),
    ([JOB, "5万"], 2, "--as-of"),
    ([*JOBS, "--as-of", "2022-12-31"], 2, "--replace"),
    ([*JOBS, "--as-of", "2022"], 2, "already has an outcome for 2022-12-31"),
    ([*JOBS, "--as-of", "2021-12-31"], 2, "before the goal's start"),
    ([*JOBS, "--as-of", "2022-09-30", "--source", "yc-2025"], 2, 'did you mean "yc-2024"'),
    ([*JOBS, "--as-of", "2022-09-30", "--stated-rate", "much"], 2, "--stated-rate"),
    (["yuncheng-2023-review", "5", "--as-of", "2023-12-31"], 2, "milestone"),
    (["yuncheng-2023-yaml-goal", "5", "--as-of", "2023-12-31"], 2, "YAML"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "-1"], 2, "--lock-timeout"),
    # NaN passes any range check (every comparison with it is false)
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "nan"], 2, "not a number of seconds"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "NaN"], 2, "'--lock-timeout'"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "inf"], 2, "from 0 to 3600"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "-inf"], 2, "--lock-timeout"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "1e400"], 2, "--lock-timeout"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "3601"], 2, "out of range"),
    ([*JOBS, "--as-of", "2022-09-30", "--lock-timeout", "soon"], 2, "'soon' is not a number"),
]


def test_a_huge_value_is_not_echoed_whole(data: Path) -> None:
    """The refusal quoted VALUE whole: 100,000 digits made a 100 KB message."""
    result = run(data, JOB, "9" * 100_000, "--as-of", "2022-07-31")
    assert result.exit_code == 2
    assert "is 100000 characters long" in result.stderr
    assert len(result.stderr) < 1_000


@pytest.mark.parametrize(("args", "code", "words"), REFUSALS)
def test_refusals(data: Path, args: list[str], code: int, words: str) -> None:
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = run(data, *args)
    assert result.exit_code == code, result.output
    assert words in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 4  # click's usage lines at most
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_goal_with_errors_is_refused(data: Path) -> None:
    path = data / "goals.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("target = 60", 'target = "sixty"'),
        encoding="utf-8",
    )
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 1
    assert 'goal "yanhu-2022-lunches" has errors' in result.stderr
    assert "tracker check" in result.stderr


def test_goal_id_used_twice_is_refused(data: Path) -> None:
    """Two files with one id (E130): recording into the first left the copy, which `check`
    reports, as it was; now nothing is written and the message names both places."""
    copy = '[[goal]]\nid = "yanhu-2022-lunches"\ntitle = "副本"\nregion = "盐湖区"\n'
    (data / "copy.toml").write_text(copy + 'unit = "所"\nperiod = 2022\ntarget = 60\n', "utf-8")
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    result = run(data, "yanhu-2022-lunches", "30", "--as-of", "2022-09-30")
    assert result.exit_code == 1, result.output
    assert 'goal "yanhu-2022-lunches" has errors' in result.stderr
    assert "E130" in result.stderr
    assert "goals.toml:" in result.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


def test_bundled_sample_is_never_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TRACKER_DATA", raising=False)
    result = CliRunner().invoke(
        cli,
        ["record", "yuncheng-2022-urban-new-jobs", "5.6万", "--as-of", "2023-12-31"],
        env={"TRACKER_LANG": "en", "TRACKER_DATA": None},
    )
    assert result.exit_code == 2
    assert "read-only" in result.stderr


def test_inline_outcome_array_is_refused(data: Path) -> None:
    (data / "inline.toml").write_text(
        '[[goal]]\nid = "inline-goal"\ntitle = "t"\nregion = "运城市"\nunit = "人"\n'
        'period = 2023\nsource = "yc"\noutcome = [{ as_of = 2023-06-30, value = 1 }]\n',
        encoding="utf-8",
    )
    result = run(data, "inline-goal", "2", "--as-of", "2023-12-31")
    assert result.exit_code == 2
    assert "inline array" in result.stderr


def test_lock_timeout(data: Path) -> None:
    path = data / "goals.toml"
    before = path.read_bytes()
    with path.open("rb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        started = time.monotonic()
        result = run(
            data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31", "--lock-timeout", "0.3"
        )
        assert time.monotonic() - started < 30  # gave up instead of waiting for the lock
    assert result.exit_code == 1
    assert "locked by another tracker process" in result.stderr
    assert path.read_bytes() == before


def test_file_changed_while_writing_is_refused(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone saves the file (outside tracker's lock) while the edit is being computed."""
    path = data / "goals.toml"
    theirs = path.read_text(encoding="utf-8") + "\n# an editor's change\n"
    original_check = apply.check

    def check_then_edit(edit: plan.Edit, suffix: str) -> None:
        original_check(edit, suffix)
        path.write_text(theirs, encoding="utf-8")

    monkeypatch.setattr(apply, "check", check_then_edit)
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 1
    assert "changed on disk" in result.stderr
    assert path.read_text(encoding="utf-8") == theirs  # their change survives
    assert no_temp_files(data)


def test_result_that_fails_check_is_refused() -> None:
    text = '[[goal]]\nid = "g"\ntitle = "t"\nregion = "r"\nunit = "人"\nperiod = 2023\n'
    edit = plan.plan_record(
        plan.Text(text, bom=False, newline="\n"),
        "g.toml",
        "g",
        plan.NewOutcome(dt.date(2023, 6, 30), value="a lot"),
    )
    assert [p.code for p in load_text(edit.new, "g.toml", ".toml").problems] == ["E110"]
    with pytest.raises(plan.InvalidResultError, match="would not pass tracker check"):
        validate.check(edit, ".toml")


def test_write_error_leaves_file_and_no_temp(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data / "goals.toml"
    before = path.read_bytes()

    def full_disk(*args: object) -> Path:
        del args
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert "unchanged" in result.stderr
    assert path.read_bytes() == before
    assert no_temp_files(data)


def test_ctrl_c_before_rename(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data / "goals.toml"
    before = path.read_bytes()

    def interrupt(temp: Path) -> None:
        assert temp.exists()
        raise KeyboardInterrupt

    monkeypatch.setattr(fileio, "before_replace", interrupt)
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 130
    assert path.read_bytes() == before
    assert no_temp_files(data)


# --- other processes ----------------------------------------------------------------------

PAUSED_RECORD = """
import sys, time
from pathlib import Path
from tracker.edit import files as fileio
from tracker.__main__ import main

def pause(temp):
    marker = Path(sys.argv[1])
    marker.with_suffix(".part").write_text(str(temp))
    marker.with_suffix(".part").rename(marker)  # the test never reads a half-written marker
    time.sleep(60)

fileio.before_replace = pause
main(sys.argv[2:])
"""


@pytest.fixture
def paused(data: Path, tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    """A `tracker record` process stopped with its temporary file written, just before the
    rename that would publish it."""
    marker = tmp_path / "paused"
    args = ["--data", str(data), "record", "yanhu-2022-lunches", "60", "--as-of", "2022-12-31"]
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_RECORD, str(marker), *args],
        env={**os.environ, "PYTHONPATH": SRC},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the record never reached the rename"
            time.sleep(0.02)
        yield process, Path(marker.read_text())
    finally:  # never left running, whatever the test did
        if process.poll() is None:
            process.kill()
        process.communicate()


def test_killed_midway_leaves_the_file_unchanged(
    data: Path, paused: tuple[subprocess.Popen[bytes], Path]
) -> None:
    process, temp = paused
    path = data / "goals.toml"
    before = (FIXTURE / "goals.toml").read_bytes()
    assert temp.exists()
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert path.read_bytes() == before
    assert errors_in(data) == []  # the stray temporary file is never read as data
    # The next writer, holding the lock, removes what the killed one left.
    result = run(data, "yanhu-2022-lunches", "60", "--as-of", "2022-12-31")
    assert result.exit_code == 0, result.output
    assert no_temp_files(data)


def test_terminated_midway_cleans_up(
    data: Path, paused: tuple[subprocess.Popen[bytes], Path]
) -> None:
    process, temp = paused
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert (data / "goals.toml").read_bytes() == (FIXTURE / "goals.toml").read_bytes()
    assert not temp.exists()
    assert no_temp_files(data)


def test_ctrl_c_midway_cleans_up(data: Path, paused: tuple[subprocess.Popen[bytes], Path]) -> None:
    process, temp = paused
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130, stderr
    assert stderr == b"interrupted\n"  # no traceback
    assert (data / "goals.toml").read_bytes() == (FIXTURE / "goals.toml").read_bytes()
    assert not temp.exists()
    assert no_temp_files(data)


def wait_until_it_holds(process: subprocess.Popen[bytes], path: Path) -> None:
    """Until ``process`` has had ``path`` open for a while (reading it takes an instant;
    waiting for its lock, as long as the lock is held). Linux: /proc."""
    if not Path("/proc/self/fd").is_dir():
        pytest.skip("needs /proc")
    target = path.resolve()

    def holds() -> bool:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{process.pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    if fd.resolve() == target:
                        return True
        return False

    deadline = time.monotonic() + 60
    while True:
        if holds():
            time.sleep(0.3)
            if holds():
                return
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the process never waited for the lock"
        time.sleep(0.05)


def second_record(data: Path) -> subprocess.Popen[bytes]:
    """Another `tracker record` on the same file, while the paused one holds its lock."""
    return subprocess.Popen(
        [sys.executable, "-m", "tracker", "--data", str(data), "record",
         "yanhu-2022-lunches", "45", "--as-of", "2022-09-30"],
        env={**os.environ, "PYTHONPATH": SRC, "TRACKER_LANG": "en"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def test_ctrl_c_while_waiting_for_the_lock(
    data: Path, paused: tuple[subprocess.Popen[bytes], Path]
) -> None:
    process, _ = paused
    second = second_record(data)
    wait_until_it_holds(second, data / "goals.toml")  # the file, to lock it: waiting
    second.send_signal(signal.SIGINT)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 130, err
    assert (out, err) == (b"", b"interrupted\n")
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert (data / "goals.toml").read_bytes() == (FIXTURE / "goals.toml").read_bytes()


def test_a_waiting_writer_builds_on_the_one_before(
    data: Path, paused: tuple[subprocess.Popen[bytes], Path]
) -> None:
    """A second record waits for the lock held by the paused one, then sees its result."""
    process, _ = paused
    second = second_record(data)
    time.sleep(0.5)
    assert second.poll() is None  # waiting for the lock
    process.send_signal(signal.SIGKILL)  # the first dies before publishing anything
    _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    text = (data / "goals.toml").read_text(encoding="utf-8")
    assert "value = 45" in text
    assert "as_of = 2022-12-31\n  value = 60" not in text
    assert no_temp_files(data)


def test_ten_parallel_records_all_land(data: Path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "TRACKER_LANG": "en"}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tracker",
                "--data",
                str(data),
                "record",
                "yuncheng-2022-urban-new-jobs",
                f"{3 + day / 10}万",
                "--as-of",
                f"2022-07-{day:02d}",
            ],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for day in range(1, 11)
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    dataset = load(data)
    assert dataset.errors == []
    goal = next(g for g in dataset.goals if g.id == "yuncheng-2022-urban-new-jobs")
    dates = {o.as_of.isoformat() for o in goal.outcomes}
    assert {f"2022-07-{day:02d}" for day in range(1, 11)} <= dates
    assert len(goal.outcomes) == 12
    assert no_temp_files(data)


# --- dates refused with the fix, and the status shown after writing ---------------------------


def test_future_date_is_refused_unless_allowed(data: Path) -> None:
    future = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    before = (data / "goals.toml").read_bytes()
    result = run(data, *JOBS, "--as-of", future)
    assert result.exit_code == 2
    assert f"--as-of {future} is after today" in result.stderr
    assert "--allow-future" in result.stderr
    assert result.stdout == ""
    assert (data / "goals.toml").read_bytes() == before
    allowed = run(data, *JOBS, "--as-of", future, "--allow-future")
    assert allowed.exit_code == 0, allowed.output
    assert f"as of {future}" in allowed.stdout


def test_date_before_the_period_points_at_baseline(data: Path) -> None:
    result = run(data, *JOBS, "--as-of", "2021-06-30")
    assert result.exit_code == 2
    assert "before the goal's start (2022-01-01)" in result.stderr
    assert "baseline = { value = …, as_of = 2021-06-30 }" in result.stderr


def test_refusals_in_chinese(data: Path) -> None:
    env = {"TRACKER_LANG": "zh", "NO_COLOR": "1", "TRACKER_DATA": str(data)}
    runner = CliRunner()
    early = runner.invoke(cli, ["record", *JOBS, "--as-of", "2021-06-30"], env=env)
    assert "早于目标期限的开始" in early.stderr
    assert "before" not in early.stderr
    unknown = runner.invoke(cli, ["record", "nothing-like-this", "1", "--as-of", "2022"], env=env)
    assert unknown.exit_code == 2
    assert "未知的目标编号" in unknown.stderr
    assert "unknown" not in unknown.stderr


def test_status_line_after_writing(data: Path) -> None:
    result = run(data, *JOBS, "--as-of", "2022-09-30")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("recorded yuncheng-2022-urban-new-jobs")
    assert lines[1].startswith(f"Status at {dt.date.today()}: ")
    shown = CliRunner().invoke(
        cli,
        ["show", JOB],
        env={"TRACKER_LANG": "en", "NO_COLOR": "1", "TRACKER_DATA": str(data)},
    )
    status = lines[1:]  # the same status line as `show` prints under the title
    assert shown.stdout.splitlines()[2 : 2 + len(status)] == status


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "write all the options first, then -- and the arguments"),
        ("zh", "请先写完所有选项,再写 -- 和各参数"),
    ],
)
def test_a_negative_value_hints_at_double_dash(data: Path, lang: str, words: str) -> None:
    """`record ID -5` failed with click's bare "No such option '-5'" (a tester's report)."""
    env = {"NO_COLOR": "1", "TRACKER_DATA": str(data)}
    args = ["--lang", lang, "record", "any-goal", "-5", "--as-of", "2023-06-30"]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 2
    assert "'-5'" in result.stderr
    assert words in result.stderr
    assert "record [OPTIONS] -- GOAL_ID VALUE" in result.stderr  # CliRunner names it cli
    other = CliRunner().invoke(cli, ["--lang", lang, "status", "-x"], env=env)
    assert "--" not in other.stderr.split("'-x'")[1]  # a mistyped option gets no such hint
