"""Run the performance scenarios of issues 7 and 17 and write ``benchmarks/RESULTS.md``.

    python benchmarks/run.py             # quick (~2 minutes): 9,000 goals stand in for 90,000
    python benchmarks/run.py --full      # the 90,000-goal scenarios (~10 minutes)
    python benchmarks/run.py --only startup,bundled --repeat 9

Every scenario runs its two commands alternately, ``--repeat`` times each, and reports the
median and spread (min–max) of each, the ratio of the medians (with the range of the ratios
of the pairs run back to back) and the peak RSS. The machines are shared and noisy: only
ratios measured in one run mean anything. Datasets come from ``benchmarks/gen.py`` in a
temporary directory (``--workdir`` keeps them for the next run); tracker's parse cache, the
``.pyc`` files and all output go there too. ``hledger`` (Debian's package) is optional: without
it that row is skipped with a message.

For a target that is not met, the run profiles the tracker command once (cProfile) and adds
where its time goes to RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import gen  # noqa: E402  # benchmarks/ is not a package

AS_OF = "2025-06-30"  # a fixed evaluation date: the same work on every run
RACY_SECONDS = 2.5  # tracker does not cache a file modified in the last 2 s


@dataclass(frozen=True, slots=True)
class Size:
    regions: int
    goals: int
    outcomes: int = 3

    @property
    def total(self) -> int:
        return self.regions * self.goals

    @property
    def name(self) -> str:
        return f"g{self.total}"

    def label(self) -> str:
        return f"{self.total:,} goals in {self.regions:,} files"


TEN_K = Size(250, 40)  # table vs json, and hledger
BIG = Size(3000, 30)  # "national scale"
SMALL = Size(300, 30)  # a tenth of it (and the quick run's stand-in for BIG)
TINY = Size(30, 30)  # the quick run's tenth


@dataclass(slots=True)
class Timing:
    label: str
    seconds: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    def spread(self) -> str:
        return f"{min(self.seconds):.3f}–{max(self.seconds):.3f}"


@dataclass(slots=True)
class Result:
    key: str
    scenario: str
    target: str
    a: Timing
    b: Timing | None
    ratio: float | None = None
    ratios: list[float] = field(default_factory=list)
    met: bool | None = None
    note: str = ""
    profile: str = ""


@dataclass(slots=True)
class Bench:
    work: Path
    repeat: int
    full: bool
    env: dict[str, str]
    tracker: list[str]
    results: list[Result] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)  # 1-minute load averages seen during the run

    # --- running commands -----------------------------------------------------------------

    def run(
        self,
        argv: Sequence[str],
        *,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
        output: Path | None = None,
        codes: tuple[int, ...] = (0,),
    ) -> tuple[float, int]:
        """Run once: (wall seconds, peak RSS of the process in KiB); an exit code not in
        ``codes`` stops the run."""
        target = output or Path(os.devnull)
        with target.open("wb") as stdout:
            start = time.perf_counter()
            process = subprocess.Popen(
                argv,
                stdout=stdout,
                stderr=subprocess.PIPE,
                cwd=cwd or self.work,
                env=env or self.env,
            )
            try:
                assert process.stderr is not None  # noqa: S101
                errors = process.stderr.read()
                _, status, usage = os.wait4(process.pid, 0)
            except BaseException:  # interrupted: do not leave the command running
                process.kill()
                process.wait()
                raise
            elapsed = time.perf_counter() - start
            process.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        process.returncode = code
        if code not in codes:
            message = errors.decode(errors="replace").strip()[-2000:]
            raise SystemExit(f"command failed ({code}): {' '.join(argv)}\n{message}")
        return elapsed, usage.ru_maxrss

    def pair(
        self,
        a: tuple[str, Callable[[], tuple[float, int]]],
        b: tuple[str, Callable[[], tuple[float, int]]] | None,
        repeat: int | None = None,
        warmup: int = 1,
    ) -> tuple[Timing, Timing | None, list[float]]:
        """Run ``a`` and ``b`` alternately; return both timings and the pairs' ratios."""
        count = repeat or self.repeat
        for _ in range(warmup):
            a[1]()
            if b:
                b[1]()
        ta, tb = Timing(a[0]), Timing(b[0]) if b else None
        ratios = []
        for _ in range(count):
            seconds, rss = a[1]()
            ta.seconds.append(seconds)
            ta.rss_kib.append(rss)
            if b and tb:
                other, other_rss = b[1]()
                tb.seconds.append(other)
                tb.rss_kib.append(other_rss)
                ratios.append(seconds / other)
            print(".", end="", flush=True)
        print()
        return ta, tb, ratios

    def record(
        self,
        key: str,
        scenario: str,
        target: str,
        a: Timing,
        b: Timing | None,
        ratios: list[float],
        *,
        at_most: float | None = None,
        at_least: float | None = None,
        note: str = "",
    ) -> Result:
        ratio = a.median / b.median if b else None
        met = None
        if ratio is not None and at_most is not None:
            met = ratio <= at_most
        if ratio is not None and at_least is not None:
            met = ratio >= at_least
        result = Result(key, scenario, target, a, b, ratio, ratios, met, note)
        self.results.append(result)
        shown = f"{ratio:.3f}×" if ratio is not None else "—"
        verdict = {True: "met", False: "NOT met", None: ""}[met]
        print(f"  {scenario}: {shown} (target {target}) {verdict}")
        return result

    # --- data ---------------------------------------------------------------------------------

    def dataset(self, size: Size, *, journal: bool = False) -> Path:
        folder = self.work / "data" / size.name
        marker = folder / ".complete"
        journal_path = self.work / "data" / f"{size.name}.journal"
        if not marker.exists() or (journal and not journal_path.exists()):
            print(f"generating {size.label()} …", flush=True)
            gen.generate(
                folder,
                regions=size.regions,
                goals=size.goals,
                outcomes=size.outcomes,
                hledger=journal_path if journal else None,
            )
            marker.touch()
            time.sleep(RACY_SECONDS)  # let the files age past tracker's racy window
        return folder

    def journal(self, size: Size) -> Path:
        self.dataset(size, journal=True)
        return self.work / "data" / f"{size.name}.journal"

    def with_cache(self, cache: Path) -> dict[str, str]:
        return {**self.env, "TRACKER_CACHE_DIR": str(cache)}

    def tracker_status(
        self, data: Path, fmt: str, cache: Path, output: Path | None = None
    ) -> Callable[[], tuple[float, int]]:
        """A run on the cache in ``cache`` (warm after the first run)."""
        argv = [*self.tracker, "--data", str(data), "status", "--format", fmt, "--as-of", AS_OF]
        env = self.with_cache(cache)
        return lambda: self.run(argv, env=env, output=output)

    def cold(
        self, data: Path, fmt: str, output: Path | None = None
    ) -> Callable[[], tuple[float, int]]:
        """A run on an empty cache (each run gets a new one: it also pays for writing it)."""
        argv = [*self.tracker, "--data", str(data), "status", "--format", fmt, "--as-of", AS_OF]
        return self.cold_run(argv, output)

    def cold_run(
        self, argv: list[str], output: Path | None = None
    ) -> Callable[[], tuple[float, int]]:
        """``argv`` run on an empty cache each time."""
        counter = iter(range(1_000_000))

        def run() -> tuple[float, int]:
            cache = self.work / "cache" / f"cold-{next(counter)}"
            try:
                return self.run(argv, env=self.with_cache(cache), output=output)
            finally:
                shutil.rmtree(cache, ignore_errors=True)

        return run


# --- scenarios ------------------------------------------------------------------------------


def startup(bench: Bench) -> None:
    print("startup: tracker --version vs python -c 'import click'")
    a, b, ratios = bench.pair(
        ("tracker --version", lambda: bench.run([*bench.tracker, "--version"])),
        ("python -c 'import click'", lambda: bench.run([sys.executable, "-c", "import click"])),
        repeat=bench.repeat * 4,
        warmup=3,
    )
    bench.record(
        "startup",
        '`tracker --version` vs `python -c "import click"`',
        "≤ 1.25×",
        a,
        b,
        ratios,
        at_most=1.25,
    )


def bundled(bench: Bench) -> None:
    print("bundled: tracker status on the bundled data vs importing its libraries")
    elsewhere = bench.work / "elsewhere"  # no targets/ here or above: the bundled sample
    elsewhere.mkdir(exist_ok=True)
    env = bench.with_cache(bench.work / "cache" / "bundled")
    libraries = "import click, rich.console, rich.table, tomli"
    a, b, ratios = bench.pair(
        (
            "tracker status (bundled)",
            lambda: bench.run([*bench.tracker, "status"], cwd=elsewhere, env=env),
        ),
        (f"python -c '{libraries}'", lambda: bench.run([sys.executable, "-c", libraries])),
        repeat=bench.repeat * 4,
        warmup=3,
    )
    bench.record(
        "bundled",
        f'`tracker status` on the bundled data (warm cache) vs `python -c "{libraries}"`',
        "≤ 1.6×",
        a,
        b,
        ratios,
        at_most=1.6,
    )


def cold_and_warm(bench: Bench) -> None:
    size = BIG if bench.full else SMALL
    data = bench.dataset(size)
    print(f"cold and warm: {size.label()}")
    cold = bench.cold(data, "json")
    bare = [sys.executable, str(HERE / "bare_tomli.py"), str(data)]
    a, b, ratios = bench.pair(
        ("cold `status --format json`", cold),
        ("bare tomli parse", lambda: bench.run(bare)),
        repeat=bench.repeat,
    )
    bench.record(
        "cold",
        f"cold `tracker status --format json`, {size.label()}, "
        "vs a bare tomli parse of the same files",
        "≤ 1.5×",
        a,
        b,
        ratios,
        at_most=1.5,
    )
    warm_cache = bench.work / "cache" / f"warm-{size.name}"
    warm = bench.tracker_status(data, "json", warm_cache)
    warm()  # fills the cache
    w, c, ratios = bench.pair(
        ("warm `status --format json`", warm), ("cold", cold), repeat=bench.repeat
    )
    bench.record(
        "warm",
        f"the same, warm cache, vs the cold run ({size.label()})",
        "≤ 0.2×",
        w,
        c,
        ratios,
        at_most=0.2,
    )
    w2, t2, ratios = bench.pair(
        ("warm `status --format json`", warm),
        ("bare tomli parse", lambda: bench.run(bare)),
        repeat=bench.repeat,
    )
    bench.record(
        "warm-bare",
        f"the same, warm cache, vs a bare tomli parse of the same files ({size.label()})",
        "≤ 0.6×",
        w2,
        t2,
        ratios,
        at_most=0.6,
    )
    rss = max(a.rss_kib + (c.rss_kib if c else [])) / 1024
    peak = Timing("peak RSS, cold", a.seconds, a.rss_kib)
    result = Result(
        "rss",
        f"peak RSS, cold run at {size.label()}",
        "≤ 400 MiB",
        peak,
        None,
        met=rss <= 400,
        note=f"{rss:,.0f} MiB (warm: {max(w.rss_kib) / 1024:,.0f} MiB)",
    )
    bench.results.append(result)
    print(f"  peak RSS: {rss:,.0f} MiB")


def check(bench: Bench) -> None:
    """Issue 17: `tracker check --strict` (it never reads the cache) against a bare tomli parse."""
    size = BIG if bench.full else SMALL
    data = bench.dataset(size)
    print(f"check: `tracker check --strict` vs a bare tomli parse, {size.label()}")
    argv = [*bench.tracker, "--data", str(data), "check", "--strict"]
    bare = [sys.executable, str(HERE / "bare_tomli.py"), str(data)]
    a, b, ratios = bench.pair(
        ("`check --strict`", lambda: bench.run(argv, codes=(0, 1))),
        ("bare tomli parse", lambda: bench.run(bare)),
        repeat=bench.repeat,
    )
    bench.record(
        "check",
        f"`tracker check --strict`, {size.label()}, vs a bare tomli parse of the same files",
        "≤ 1.5×",
        a,
        b,
        ratios,
        at_most=1.5,
    )


def linear(bench: Bench) -> None:
    big, small = (BIG, SMALL) if bench.full else (SMALL, TINY)
    print(f"linearity: cold at {big.total:,} vs {small.total:,} goals")
    a, b, ratios = bench.pair(
        (f"cold {big.total:,}", bench.cold(bench.dataset(big), "json")),
        (f"cold {small.total:,}", bench.cold(bench.dataset(small), "json")),
        repeat=bench.repeat,
    )
    bench.record(
        "linear",
        f"cold time at {big.total:,} goals vs at {small.total:,} goals",
        "≤ 11×",
        a,
        b,
        ratios,
        at_most=11,
    )


def table_vs_json(bench: Bench) -> None:
    data = bench.dataset(TEN_K, journal=True)  # the journal too: the hledger scenario uses it
    print(f"table vs json: {TEN_K.label()}, output to a file, warm cache")
    cache = bench.work / "cache" / "ten-k"
    table = bench.tracker_status(data, "table", cache, bench.work / "out-table.txt")
    json = bench.tracker_status(data, "json", cache, bench.work / "out.json")
    a, b, ratios = bench.pair(("--format table", table), ("--format json", json))
    bench.record(
        "table",
        f"`--format table` vs `--format json`, {TEN_K.label()}, output to a file",
        "≤ 1.5×",
        a,
        b,
        ratios,
        at_most=1.5,
    )


def hledger(bench: Bench) -> None:
    program = shutil.which("hledger")
    if program is None:
        print("hledger: not installed (apt-get install hledger): skipped")
        bench.results.append(
            Result(
                "hledger",
                "`hledger balance --budget` vs cold `tracker status`",
                "≥ 10×",
                Timing("hledger"),
                None,
                note="skipped: hledger is not installed (`apt-get install hledger`)",
            )
        )
        return
    journal = bench.journal(TEN_K)
    data = bench.dataset(TEN_K)
    print(f"hledger: balance --budget on {TEN_K.total:,} equivalent goals vs cold tracker status")
    argv = [program, "-f", str(journal), "balance", "--budget", "-Y"]
    a, b, ratios = bench.pair(
        (
            "hledger balance --budget -Y",
            lambda: bench.run(argv, output=bench.work / "out-hledger.txt"),
        ),
        ("cold `tracker status`", bench.cold(data, "table", bench.work / "out-table-cold.txt")),
        repeat=max(3, bench.repeat // 2 + 1),
        warmup=0,
    )
    bench.record(
        "hledger",
        f"`hledger balance --budget -Y` on {TEN_K.total:,} equivalent goals "
        "vs cold `tracker status` on them",
        "≥ 10×",
        a,
        b,
        ratios,
        at_least=10,
    )


def parallel(bench: Bench) -> None:
    """Not a target: whether the parallel cold parse pays on this machine (issue 7, item 6)."""
    size = BIG if bench.full else SMALL
    data = bench.dataset(size)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"parallel parse: cold with {cpus} processes vs 1, {size.label()}")
    one = Bench(
        bench.work, bench.repeat, bench.full, {**bench.env, "TRACKER_JOBS": "1"}, bench.tracker
    )
    a, b, ratios = bench.pair(
        (f"cold, {cpus} processes", bench.cold(data, "json")),
        ("cold, 1 process", one.cold(data, "json")),
        repeat=bench.repeat,
    )
    bench.record(
        "parallel",
        f"cold run parsing with {cpus} processes vs with 1 (`TRACKER_JOBS=1`), {size.label()}",
        "< 1× (informational)",
        a,
        b,
        ratios,
    )


def site(bench: Bench) -> None:
    """Issue 21: a warm `tracker site DIR` (parse cache and page cache filled by an earlier
    build of the same data) against a warm `tracker status` of it; each build writes a new
    directory (removing the previous one is not timed: it is the file system's work, not the
    site's). Also notes the page sizes and the first build's time (every page rendered)."""
    size = SMALL
    data = bench.dataset(size)
    cache = bench.work / "cache" / f"site-{size.name}"
    status = bench.tracker_status(data, "json", cache)
    out = bench.work / "site"
    argv = [*bench.tracker, "--data", str(data), "site", str(out), "--as-of", AS_OF]
    env = bench.with_cache(cache)

    def build() -> tuple[float, int]:
        shutil.rmtree(out, ignore_errors=True)
        return bench.run(argv, env=env)

    print(f"site: `tracker site` vs warm `status --format json`, {size.label()}")
    status()  # fills the parse cache
    shutil.rmtree(cache / "site", ignore_errors=True)  # no page rendered yet
    first, _ = build()
    a, b, ratios = bench.pair(("`tracker site DIR`", build), ("warm `status`", status))
    pages = list(out.rglob("*.html"))
    largest = max(p.stat().st_size for p in pages)
    bench.record(
        "site",
        f"`tracker site DIR` vs warm `tracker status --format json`, {size.label()}",
        "≤ 3×",
        a,
        b,
        ratios,
        at_most=3,
        note=f"{len(pages):,} pages, the largest {largest / 1024:,.0f} KB; "
        f"the first build, every page rendered: {first:.2f} s",
    )


def export(bench: Bench) -> None:
    """Issue 18: `tracker export` (CSV, datapackage.json, SQLite with full-text index) against
    a cold `status --format json` of the same data, both on an empty cache."""
    size = BIG if bench.full else SMALL
    data = bench.dataset(size)
    out = bench.work / "export"
    print(f"export: cold `tracker export` vs cold `status --format json`, {size.label()}")
    argv = [*bench.tracker, "--data", str(data), "export", str(out), "--force", "--as-of", AS_OF]
    a, b, ratios = bench.pair(
        ("cold `tracker export`", bench.cold_run(argv)),
        ("cold `status --format json`", bench.cold(data, "json")),
        repeat=bench.repeat,
    )
    bench.record(
        "export",
        f"cold `tracker export DIR` vs cold `tracker status --format json`, {size.label()}",
        "≤ 2×",
        a,
        b,
        ratios,
        at_most=2,
    )


SCENARIOS: dict[str, Callable[[Bench], None]] = {
    "startup": startup,
    "bundled": bundled,
    "cold": cold_and_warm,
    "check": check,
    "table": table_vs_json,
    "hledger": hledger,
    "linear": linear,
    "parallel": parallel,
    "site": site,
    "export": export,
}


# --- profiles of unmet targets --------------------------------------------------------------

# The functions whose cumulative time tells where a run goes, in pipeline order.
PHASES = (
    ("load the files (`cache.load_files`)", "cache.py:load_files"),
    ("  decode cached entries", "cache.py:decode"),
    ("  parse files (in this process)", "file.py:load_file"),
    ("    rtoml (files without floats)", "readers.py:_read_toml_fast"),
    ("    tomli (files with floats, or errors)", "tomli"),
    ("    locate line numbers", "readers.py:_locate_toml_tables"),
    ("    screen limits (`load.screen.screen`)", "screen.py:screen"),
    ("    validate and build goals", "build.py:_build_goal"),
    ("  encode cache entries", "cache.py:encode"),
    ("  write cache entries", "cache.py:_write"),
    ("cross-file checks", "merge.py:_cross_check"),
    ("row cache (`render.status_rows.status_json`)", "status_rows.py:status_json"),
    ("  read the rows", "rows.py:read"),
    ("  write the rows", "rows.py:write"),
    ("evaluate (`core.compute.evaluate`)", "compute.py:evaluate"),
    ("render", ".py:render_status"),  # the status renderer of the format that was run
)

# What an unmet target would take (the measurements behind it: docs/performance.md).
EXPLANATIONS = {
    "cold": (
        "What it would take: in one process the cold pipeline costs about 110 µs a goal against "
        "tomli's 46 (9,000 goals, docs/performance.md): reading the TOML 27 µs (rtoml 16, the "
        "float check 3, line numbers 10), screening, validating and building the model 46, "
        "encoding and writing the cache entry ~15, evaluating 14, rendering JSON 10, and now "
        "~2 for the row cache's pack. 1.5× would need about 70 µs a goal of wall time: with two "
        "processes, the model built by compiled code (validation and quantity parsing straight "
        "from the parser's output), and one packed parse cache instead of a file per data file."
    ),
    "warm": (
        "What it would take: evaluation and rendering are now read back from the row cache "
        "(docs/performance.md); what is left is start-up, decoding the model from the parse "
        "cache (~27 µs a goal, most of it rebuilding Fractions in `cache._dec_hook`) and the "
        "cross-file checks. Against a cold run that uses both CPUs, 0.2× needs the warm run not "
        "to decode the model: a pack of what the checks, filters and order need (ids, regions, "
        "references, deadlines; ~200 bytes a goal) beside the rows."
    ),
    "warm-bare": (
        "What it would take: as for the warm row: the model's decoding is ~2/3 of the warm run; "
        "without it the warm run would be ~0.3× the bare parse."
    ),
    "check": (
        "What it would take: `check` reads every file (never the cache: the gate trusts only the "
        "files), now with the parallel parse, and then runs the per-goal checks: it is a cold "
        "load without the rendering, so the cold row's compiled model building would bring it "
        "near 1.5×."
    ),
    "rss": (
        "What it would take: the model costs ~2.9 KB a goal resident (265 MiB at 90,000); the "
        "cold run also holds the workers' encoded parts and the cache entries being written. "
        "Under 400 MiB cold needs the parts decoded and dropped as they arrive, or a smaller "
        "model (quantities without their written text, Fractions shared across goals)."
    ),
    "hledger": (
        "What it would take: hledger 1.25 takes about 8 s here for 10,000 budget goals (the "
        "issue measured ~30 s on its machine, against which this run's tracker time would be "
        "~20×); tracker's cold run takes about 1.3–1.5 s. Ten times would need ~0.8 s: start-up "
        "plus ~70 µs a goal of wall time, about half of today's — the compiled model building "
        "of the cold row."
    ),
    "linear": (
        "Noise, most likely: the CPU time per goal is the same at both sizes when measured "
        "in one process (docs/performance.md); long runs on the shared machine overlap more "
        "of other jobs' bursts."
    ),
    "table": (
        "What it would take: the JSON now comes from the row cache on a warm run, the table "
        "does not: it evaluates every goal and lays out every row. The same cache for the "
        "table's cells (per language and columns; the widths are computed over all rows, so "
        "only the cells can be cached) would bring it back under 1.5×."
    ),
}


def profile(bench: Bench, result: Result) -> str:
    """cProfile the tracker side of ``result`` once; a table of where the time goes."""
    commands = {
        "bundled": (["status"], "bundled", bench.work / "elsewhere"),
        "cold": (None, "cold", None),
        "warm": (None, "warm", None),
        "warm-bare": (None, "warm", None),
        "check": (None, "check", None),
        "linear": (None, "cold", None),
        "table": (None, "table", None),
        "startup": (["--version"], "startup", None),
        "hledger": (None, "cold-table", None),
    }
    if result.key not in commands:
        return ""
    size = BIG if bench.full else SMALL
    args, kind, cwd = commands[result.key]
    if kind == "check":
        args = ["--data", str(bench.dataset(size)), "check", "--strict"]
    if args is None:
        data = bench.dataset(TEN_K if kind in ("table", "cold-table") else size)
        fmt = "table" if kind in ("table", "cold-table") else "json"
        args = ["--data", str(data), "status", "--format", fmt, "--as-of", AS_OF]
    cache = bench.work / "cache" / f"profile-{result.key}"
    if kind in ("cold", "cold-table"):
        shutil.rmtree(cache, ignore_errors=True)
    elif kind in ("warm", "table", "bundled"):
        bench.run([*bench.tracker, *args], env=bench.with_cache(cache), cwd=cwd)
    out = bench.work / f"profile-{result.key}.prof"
    code = (
        "import cProfile, sys\n"
        "from tracker.__main__ import main\n"
        f"sys.argv = ['tracker', *{args!r}]\n"
        f"cProfile.run('main()', {str(out)!r})\n"
    )
    env = {**bench.with_cache(cache), "TRACKER_JOBS": "1"}
    with contextlib.suppress(SystemExit):
        bench.run([sys.executable, "-c", code], env=env, cwd=cwd)
    if not out.exists():
        return ""
    stats = pstats.Stats(str(out))
    total = max(v[3] for v in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for label, pattern in PHASES:
        seconds = _cumulative(stats, pattern)
        if seconds:
            rows.append(f"| {label} | {seconds:.3f} | {100 * seconds / total:.0f} % |")
    top = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:8]  # type: ignore[attr-defined]
    hot = ", ".join(f"`{_name(k)}` {v[2]:.2f} s" for k, v in top)
    return (
        f"Profile of the tracker run (cProfile, one process, TRACKER_JOBS=1; profiling inflates "
        f"Python-heavy parts), {total:.2f} s in all:\n\n| phase | s | share |\n|---|---:|---:|\n"
        + "\n".join(rows)
        + f"\n\nMost time in (own time): {hot}.\n"
    )


def _name(key: tuple[str, int, str]) -> str:
    filename, _, function = key
    if filename == "~":
        return function
    return f"{Path(filename).name}:{function}"


def _cumulative(stats: pstats.Stats, pattern: str) -> float:
    """The cumulative time of the function ``pattern`` names (``file.py:function``)."""
    best = 0.0
    for (filename, _, function), value in stats.stats.items():  # type: ignore[attr-defined]
        where = f"{filename}:{function}"
        if pattern == "tomli":  # compiled: "~:<built-in method tomli._parser.loads>"
            found = "tomli" in where and "loads" in where
        else:
            found = where.endswith(pattern)
        if found:
            best = max(best, value[3])
    return best


# --- the report -------------------------------------------------------------------------------


def versions(bench: Bench) -> list[str]:
    lines = [f"- Python {platform.python_version()} ({platform.python_implementation()})"]
    for name in ("tracker", "click", "rich", "msgspec", "tomli", "rtoml"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            lines.append(f"- {name} {metadata.version(name)}")
    program = shutil.which("hledger")
    if program:
        out = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
        lines.append(f"- {out.stdout.strip()}")
    del bench
    return lines


def machine(loads: Sequence[float] = ()) -> list[str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"- {platform.system()} {platform.release()}, {cpu}, {cores} CPUs available{memory}",
        f"- load average at the end of the run: {load} (the machine is shared: other jobs run too)",
        *(
            [
                f"- 1-minute load average sampled between scenarios: {min(loads):.1f} to "
                f"{max(loads):.1f} (median {statistics.median(loads):.1f}) on {cores} CPUs: a "
                "load above the CPU count means other jobs competed for them throughout"
            ]
            if loads
            else []
        ),
    ]


def write_results(bench: Bench, started: dt.datetime, elapsed: float, path: Path) -> None:
    mode = (
        "full"
        if bench.full
        else "quick (9,000 goals stand in for 90,000; `--full` for the real thing)"
    )
    lines = [
        "# Benchmark results",
        "",
        f"Written by `python benchmarks/run.py{' --full' if bench.full else ''}` on "
        f"{started:%Y-%m-%d %H:%M} UTC ({elapsed / 60:.1f} minutes; mode: {mode}; "
        f"{bench.repeat} runs per command, more for the short ones).",
        "",
        "## Machine and versions",
        "",
        *machine(bench.loads),
        f"- tracker code: {revision()} (a snapshot taken at the start of the run)",
        *versions(bench),
        "",
        "## Results",
        "",
        "Medians of wall time; spread is min–max; the ratio is of the medians, with the range "
        "of the ratios of runs made back to back in brackets.",
        "",
        "| scenario | target | measured | met | A: median (spread) s | B: median (spread) s |",
        "|---|---|---|---|---|---|",
    ]
    for r in bench.results:
        if r.ratio is not None:
            measured = f"**{r.ratio:.2f}×** [{min(r.ratios):.2f}–{max(r.ratios):.2f}]"
        else:
            measured = f"**{r.note}**" if r.note else "—"
        met = {True: "yes", False: "**no**", None: "—"}[r.met]
        a = f"{r.a.label}: {r.a.median:.3f} ({r.a.spread()})" if r.a.seconds and r.b else ""
        b = f"{r.b.label}: {r.b.median:.3f} ({r.b.spread()})" if r.b else ""
        note = f" ({r.note})" if r.note and r.ratio is not None else ""
        lines.append(f"| {r.scenario}{note} | {r.target} | {measured} | {met} | {a} | {b} |")
    unmet = [r for r in bench.results if r.met is False]
    if unmet:
        lines += ["", "## Targets not met", ""]
        for r in unmet:
            lines += [f"### {r.scenario}", ""]
            if r.ratio is not None:
                lines += [f"Measured {r.ratio:.2f}× against a target of {r.target}.", ""]
            lines += [r.profile or "(no profile)", "", EXPLANATIONS.get(r.key, ""), ""]
        lines.append(
            "The measurements behind the design are in "
            "[docs/performance.md](../docs/performance.md)."
        )
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


LAUNCHER = """import sys
from tracker.__main__ import main
sys.exit(main())
"""


def snapshot(work: Path) -> tuple[list[str], Path]:
    """A copy of the tracker package as it is now, and a launcher like the console script.

    The benchmark measures this copy: a checkout being edited while it runs would otherwise
    change the code under test, and invalidate the parse cache (its key covers the code).
    Returns the command and the directory to put on ``PYTHONPATH`` (for the profiles).
    """
    spec = importlib.util.find_spec("tracker")
    if spec is None or spec.origin is None:
        raise SystemExit("tracker is not importable: install it first (see the README)")
    package = Path(spec.origin).parent
    root = work / "snapshot"
    shutil.rmtree(root, ignore_errors=True)
    source = root / "src"
    shutil.copytree(package, source / "tracker", ignore=shutil.ignore_patterns("__pycache__"))
    if not (source / "tracker" / "sample_data").is_dir():  # a checkout: the repository's data
        shutil.copytree(package.parents[1] / "targets", root / "targets")
    launcher = source / "tracker_launcher.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    return [sys.executable, str(launcher)], source


def revision() -> str:
    """The git commit of the checkout, and whether files differ from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{commit}{' with uncommitted changes in src/' if dirty else ''}"


def environment(work: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TRACKER_", "PYTHONDONTWRITEBYTECODE"))
    }
    env.update(
        {
            "PYTHONPYCACHEPREFIX": str(
                work / "pycache"
            ),  # compiled once, like an installed package
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "TRACKER_LANG": "zh",
        }
    )
    return env


@contextlib.contextmanager
def workdir(path: Path | None) -> Iterator[Path]:
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        yield path.resolve()
        return
    with tempfile.TemporaryDirectory(prefix="tracker-bench-") as temp:
        yield Path(temp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--full", action="store_true", help="the 90,000-goal scenarios")
    parser.add_argument("--repeat", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--only", help=f"comma-separated subset of: {', '.join(SCENARIOS)}")
    parser.add_argument("--workdir", type=Path, help="keep datasets here between runs")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md", help="where to write")
    parser.add_argument("--no-profile", action="store_true", help="skip profiling unmet targets")
    args = parser.parse_args()
    chosen = args.only.split(",") if args.only else list(SCENARIOS)
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    with workdir(args.workdir) as work:
        command, source = snapshot(work)
        env = {**environment(work), "PYTHONPATH": str(source)}
        bench = Bench(work, args.repeat, args.full, env, command)
        bench.loads.append(os.getloadavg()[0])
        for name in chosen:
            SCENARIOS[name](bench)
            bench.loads.append(os.getloadavg()[0])
        if not args.no_profile:
            for result in bench.results:
                if result.met is False:
                    print(f"profiling: {result.key}")
                    result.profile = profile(bench, result)
        write_results(bench, started, time.perf_counter() - clock, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
