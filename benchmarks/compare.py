"""Two checkouts of tracker side by side: cold and warm ``tracker status --format json`` at
9,000 and 90,000 goals, and ``tracker --version``, each command of the two run alternately.

    python benchmarks/compare.py BEFORE_PYTHON AFTER_PYTHON [--repeat 5] [--workdir DIR]

BEFORE_PYTHON and AFTER_PYTHON are the interpreters of two environments with tracker
installed (e.g. a git worktree of an older commit with its own venv, and this one). Prints a
Markdown table of medians (min–max) of wall time, the after/before ratio of the wall-time
medians, and the same ratio of CPU time (user + system, the process and its workers): on a
shared machine whose load changes from minute to minute the wall time of the same command
varies by a factor of two, while its CPU time varies far less.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen  # noqa: E402  # benchmarks/ is not a package
from run import AS_OF, BIG, RACY_SECONDS, SMALL, Size  # noqa: E402

Setup = Callable[[Path], None]


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tracker(python: str, *args: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds one ``tracker ARGS`` takes (output discarded)."""
    start, start_cpu = time.perf_counter(), cpu()
    subprocess.run(
        [python, "-m", "tracker", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        check=True,
    )
    return time.perf_counter() - start, cpu() - start_cpu


def environment(cache: Path) -> dict[str, str]:
    return {**os.environ, "TRACKER_CACHE_DIR": str(cache), "NO_COLOR": "1", "TRACKER_LANG": "en"}


Times = dict[str, list[tuple[float, float]]]


def measure(
    pythons: dict[str, str], args: list[str], caches: dict[str, Path], cold: bool, repeat: int
) -> Times:
    """Each interpreter's times, alternating; a cold run starts from an empty cache, a warm one
    from the cache its own previous run left."""
    times: Times = {name: [] for name in pythons}
    for name, python in pythons.items():  # warm-up: .pyc files, and the cache of a warm run
        tracker(python, *args, env=environment(caches[name]))
    for _ in range(repeat):
        for name, python in pythons.items():
            if cold:
                shutil.rmtree(caches[name], ignore_errors=True)
            times[name].append(tracker(python, *args, env=environment(caches[name])))
    return times


def row(label: str, times: Times) -> str:
    def median(name: str, which: int) -> float:
        return statistics.median(t[which] for t in times[name])

    def cell(name: str) -> str:
        walls = [t[0] for t in times[name]]
        return f"{median(name, 0):.3f} ({min(walls):.3f}–{max(walls):.3f})"

    wall = median("after", 0) / median("before", 0)
    cpu_ratio = median("after", 1) / median("before", 1)
    return f"| {label} | {cell('before')} | {cell('after')} | {wall:.2f}× | {cpu_ratio:.2f}× |"


def dataset(work: Path, size: Size) -> Path:
    folder = work / size.name
    if not (folder / "regions.toml").exists():
        gen.generate(folder, regions=size.regions, goals=size.goals, outcomes=size.outcomes)
        time.sleep(RACY_SECONDS + 0.5)  # older than the racy window: cacheable
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", help="python of the environment to compare against")
    parser.add_argument("after", help="python of the environment under test")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--workdir", type=Path, help="keep datasets here between runs")
    args = parser.parse_args()
    pythons = {"before": args.before, "after": args.after}
    work = args.workdir or Path(tempfile.mkdtemp(prefix="tracker-compare-"))
    work.mkdir(parents=True, exist_ok=True)
    caches = {name: work / f"cache-{name}" for name in pythons}
    lines = [
        "| run | before: wall, median (min–max) s | after: wall, median (min–max) s "
        "| after / before, wall | after / before, CPU |",
        "|---|---|---|---|---|",
        row("`tracker --version`", measure(pythons, ["--version"], caches, False, args.repeat * 4)),
    ]
    for size in (SMALL, BIG):
        data = dataset(work, size)
        command = ["--data", str(data), "status", "--format", "json", "--as-of", AS_OF]
        for cold in (True, False):
            label = f"{'cold' if cold else 'warm'} `status --format json`, {size.label()}"
            lines.append(row(label, measure(pythons, command, caches, cold, args.repeat)))
            print(lines[-1], file=sys.stderr, flush=True)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
