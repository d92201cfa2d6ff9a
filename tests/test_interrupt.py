"""Ctrl-C at any moment: exit 130 (SPEC §6), a short line or nothing on stderr, never a
traceback — while tracker's modules are still being imported, while it loads the data, and
at random moments of a whole run.

The `tracker` processes are real ones (the console script and ``python -m tracker``) sent a
real SIGINT. To interrupt at a known point of start-up, `click` — the first thing tracker
imports after installing its handler — is shadowed (through PYTHONPATH) by a module that
announces itself and waits; to interrupt in the middle of loading, the loader is made to
load the data again and again.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker
from tracker import __main__ as entry
from tracker import errors

HERE = Path(__file__).parent
BASIC = HERE / "data" / "basic"
SRC = str(HERE.parent / "src")
PACKAGE = str(Path(tracker.__file__).parent)
SCRIPT = Path(sys.executable).with_name("tracker")  # the console script of this environment
ARGS = ("--data", str(BASIC), "--no-cache", "status", "--as-of", "2023-07-01")

PAUSE = """
import os, pathlib, time
pathlib.Path(os.environ["TEST_MARKER"]).touch()
time.sleep(60)
"""


# Every process a test starts; any still running when the test ends (a failed assertion, a
# timeout) is killed then: a process in the endless loading loop would otherwise spin forever.
STARTED: list[subprocess.Popen[str]] = []


@pytest.fixture(autouse=True)
def _reap() -> Iterator[None]:
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            process.kill()
            process.communicate()


def popen(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    STARTED.append(process)
    return process


def commands() -> list[list[str]]:
    found = [[sys.executable, "-m", "tracker"]]
    if SCRIPT.exists():
        found.append([str(SCRIPT)])
    return found


def command_id(command: list[str]) -> str:
    return "python -m tracker" if "-m" in command else "console script"


def start(command: list[str], tmp_path: Path, pause_in: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "TRACKER_LANG": "en", "NO_COLOR": "1", "PYTHONPATH": SRC}
    if pause_in is not None:
        shadow = tmp_path / "shadow"
        shadow.mkdir()
        (shadow / f"{pause_in}.py").write_text(PAUSE, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join([str(shadow), SRC])
        env["TEST_MARKER"] = str(tmp_path / "reached")
    return popen([*command, *ARGS], env)


def interrupt_when_reached(
    process: subprocess.Popen[str], marker: Path, times: int = 1
) -> tuple[str, str]:
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the process never reached the point"
        time.sleep(0.01)
    for _ in range(times):
        time.sleep(0.1)
        process.send_signal(signal.SIGINT)
    return process.communicate(timeout=60)


@pytest.mark.parametrize("command", commands(), ids=command_id)
def test_ctrl_c_while_importing(command: list[str], tmp_path: Path) -> None:
    process = start(command, tmp_path, pause_in="click")
    out, err = interrupt_when_reached(process, tmp_path / "reached")
    assert process.returncode == 130, err
    assert (out, err) == ("", "")


ENDLESS_LOAD = """
import pathlib, sys
from tracker.load import dataset
from tracker.__main__ import main

once = dataset.load

def load(*args, **kwargs):
    pathlib.Path(sys.argv[1]).touch()
    while True:
        once(*args, **kwargs)

dataset.load = load
main(sys.argv[2:])
"""


def test_ctrl_c_while_loading(tmp_path: Path) -> None:
    # Without rtoml (as where it has no wheel): an interrupt that lands inside rtoml.loads
    # comes back as an rtoml parse error, which the reader takes for a file to read with
    # tomli, and the first Ctrl-C is lost.
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "rtoml.py").write_text("raise ImportError('not here')\n", encoding="utf-8")
    marker = tmp_path / "reached"
    process = popen(
        [sys.executable, "-c", ENDLESS_LOAD, str(marker), *ARGS],
        {**os.environ, "TRACKER_LANG": "en", "PYTHONPATH": os.pathsep.join([str(shadow), SRC])},
    )
    out, err = interrupt_when_reached(process, marker)  # somewhere in the loading loop
    assert process.returncode == 130, err
    assert out == ""
    assert err == "interrupted\n"


# The line of __main__.py that installs the handler when the module is imported.
HANDLER_LINE = next(
    number
    for number, line in enumerate(Path(entry.__file__).read_text(encoding="utf-8").splitlines(), 1)
    if "HANDLER_INSTALLED" in line
)
FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>-?\d+), in (?P<name>\S+)')


def frames_in_tracker_after_the_handler(stderr: str) -> list[str]:
    """Traceback frames in tracker's code from the moment its handler is in place. Before
    it (tracker/__init__.py, the first lines of __main__.py) a SIGINT is still Python's."""
    found = []
    for line in stderr.splitlines():
        m = FRAME.match(line)
        if not m or not m["file"].startswith(PACKAGE):
            continue
        file = Path(m["file"]).name
        before = file == "__init__.py" or (
            file == "__main__.py"
            and (m["name"] in ("_is_program", "_exit_now") or int(m["line"]) <= HANDLER_LINE)
        )
        if not before:
            found.append(line.strip())
    return found


@pytest.mark.skipif(not SCRIPT.exists(), reason="tracker is not installed in this environment")
def test_ctrl_c_at_any_moment(tmp_path: Path) -> None:
    """SIGINT at delays from the process's very start to the end of its run.

    tracker handles Ctrl-C from the first lines of its code on. Before that the interpreter
    is starting and looking for the package (~10-15 ms here, more on a busy machine): a
    SIGINT then ends the process by the signal (which the shell reports as 130 too) or gets
    Python's own KeyboardInterrupt or start-up message; checked there is only that it comes
    from before tracker's handler.
    """
    finished = start([str(SCRIPT)], tmp_path)
    complete, _ = finished.communicate(timeout=60)
    assert finished.returncode == 0
    outcomes = []
    for delay in (0, 0.005, 0.01, 0.02, 0.03, 0.04, 0.06, 0.08, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8):
        process = start([str(SCRIPT)], tmp_path)
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        code = process.returncode
        outcomes.append(code)
        assert frames_in_tracker_after_the_handler(err) == [], (delay, err)
        if code == 130:
            assert err in ("", "interrupted\n"), (delay, err)
        elif code == 0:  # finished before the signal came
            assert out == complete, (delay, out, err)
        elif code == -signal.SIGINT:
            # ended by the signal itself, before the interpreter installs its handler or
            # after it has removed it while shutting down (the output is then complete)
            assert out in ("", complete), (delay, out, err)
        else:
            # Python's own KeyboardInterrupt, which after tracker's handler is never raised:
            # the interpreter's start-up failed ("Fatal Python error: init_…", "failed to
            # set __main__.__loader__", a bare "KeyboardInterrupt" while compiling the
            # console script)
            assert (code, out) == (1, ""), (delay, code, out, err)
            assert "KeyboardInterrupt" in err or "Fatal Python error" in err, (delay, err)
    assert 130 in outcomes, outcomes


def test_importing_tracker_leaves_ctrl_c_alone() -> None:
    """The tests (and any program that imports tracker) keep Python's KeyboardInterrupt,
    also after running a command in-process through ``main``."""
    assert not entry._PROGRAM
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    with pytest.raises(SystemExit):
        entry.main(["--version"])
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


SWALLOWING_LOAD = """
import pathlib, sys, time
from tracker.load import dataset
from tracker.__main__ import main

def load(*args, **kwargs):
    pathlib.Path(sys.argv[1]).touch()
    while True:
        try:
            time.sleep(0.01)
        except BaseException:
            pass

dataset.load = load
main(sys.argv[2:])
"""


def test_a_second_ctrl_c_exits_at_once(tmp_path: Path) -> None:
    """Even when the first was swallowed (here: by code that catches everything)."""
    marker = tmp_path / "reached"
    process = popen(
        [sys.executable, "-c", SWALLOWING_LOAD, str(marker), *ARGS],
        {**os.environ, "TRACKER_LANG": "en", "PYTHONPATH": SRC},
    )
    out, err = interrupt_when_reached(process, marker, times=2)
    assert process.returncode == 130, err
    assert (out, err) == ("", "")


def test_interrupted_exit_code_is_the_one_of_spec() -> None:
    assert entry._EXIT_INTERRUPTED == errors.EXIT_INTERRUPTED == 130
    assert issubclass(errors.Interrupted, SystemExit)
