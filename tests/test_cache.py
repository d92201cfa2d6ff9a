"""The parse cache (tracker.load.cache): what a warm run shows is what a cold run shows; a stale,
corrupt or foreign entry is never used; concurrent rebuilds leave a valid cache; the parallel
cold parse gives the same dataset as a sequential one. No test here measures a time."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.load import cache, dataset
from tracker.load.dataset import load
from tracker.load.discover import display_path, iter_data_files
from tracker.load.file import load_file
from tracker.model import FileData

HERE = Path(__file__).parent
BASIC = HERE / "data" / "basic"
CHECK_EXAMPLES = HERE / "check-examples"
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen  # noqa: E402  # benchmarks/ is not a package


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test are seconds old at most: let the cache take them anyway."""
    monkeypatch.setattr(cache, "RACY_SECONDS", 0)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the basic dataset, free to modify."""
    target = tmp_path / "data"
    shutil.copytree(BASIC, target)
    return target


@pytest.fixture
def synthetic(tmp_path: Path) -> Path:
    """A small generated dataset with the whole mix of kinds, wordings and flags."""
    target = tmp_path / "synthetic"
    gen.generate(target, regions=12, goals=15, outcomes=3)
    return target


def status(data: Path, *extra: str, fmt: str = "json") -> Result:
    args = ["--data", str(data), *extra, "status", "--format", fmt, "--as-of", "2025-06-30"]
    return CliRunner().invoke(cli, args, env={"TRACKER_LANG": "en", "NO_COLOR": "1"})


def entries(cache_dir: Path) -> list[Path]:
    folder = cache_dir / f"v{cache.FORMAT}"
    return sorted(folder.glob("*.bin")) if folder.exists() else []


class Counting:
    """Counts the files actually parsed (cache misses)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        real = load_file

        def counting(path: Path) -> FileData:
            self.parsed.append(path.name)
            return real(path)

        monkeypatch.setattr(dataset, "load_file", counting)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Counting:
    return Counting(monkeypatch)


# --- warm = cold ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "table", "csv", "markdown"])
def test_warm_output_is_the_cold_output(
    synthetic: Path, cache_dir: Path, parsed: Counting, fmt: str
) -> None:
    files = len(list(iter_data_files(synthetic)))
    uncached = status(synthetic, "--no-cache", fmt=fmt)
    cold = status(synthetic, fmt=fmt)
    assert len(parsed.parsed) == 2 * files  # --no-cache and cold parsed every file
    warm = status(synthetic, fmt=fmt)
    assert len(parsed.parsed) == 2 * files  # warm parsed none
    assert len(entries(cache_dir)) == files
    for result in (cold, warm):
        assert (result.exit_code, result.stdout, result.stderr) == (
            uncached.exit_code,
            uncached.stdout,
            uncached.stderr,
        )


def test_warm_dataset_equals_the_parsed_one(synthetic: Path, cache_dir: Path) -> None:
    fresh = load(synthetic)
    load(synthetic, cache_dir=cache_dir)
    warm = load(synthetic, cache_dir=cache_dir)
    assert warm.goals == fresh.goals
    assert warm.regions == fresh.regions
    assert warm.sources == fresh.sources
    assert warm.problems == fresh.problems


@pytest.mark.usefixtures("cache_dir")
def test_problems_are_cached_with_their_files(parsed: Counting) -> None:
    """A file's own problems come from the cache; cross-file checks run every time."""
    uncached = status(CHECK_EXAMPLES, "--no-cache")
    assert uncached.exit_code == 1
    status(CHECK_EXAMPLES)
    before = len(parsed.parsed)
    warm = status(CHECK_EXAMPLES)
    assert len(parsed.parsed) == before
    assert (warm.exit_code, warm.stdout, warm.stderr) == (1, uncached.stdout, uncached.stderr)


@pytest.mark.usefixtures("cache_dir")
def test_bundled_sample_is_cached(
    parsed: Counting, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no targets/ here: the bundled sample
    args = ["status", "--format", "json", "--as-of", "2025-06-30"]
    first = CliRunner().invoke(cli, args)
    count = len(parsed.parsed)
    second = CliRunner().invoke(cli, args)
    assert first.stdout == second.stdout
    assert count
    assert len(parsed.parsed) == count


# --- stale entries --------------------------------------------------------------------------


def _edit_same_size(path: Path, old: str, new: str) -> None:
    assert len(old.encode()) == len(new.encode())
    stat = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert path.stat().st_size == stat.st_size


@pytest.mark.usefixtures("cache_dir")
def test_stale_by_mtime(data: Path) -> None:
    goals = data / "goals.toml"
    assert "target = 60" in goals.read_text(encoding="utf-8")
    before = json.loads(status(data).stdout)
    stat = goals.stat()
    _edit_same_size(goals, "target = 60", "target = 90")
    os.utime(goals, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    after = json.loads(status(data).stdout)
    assert after == json.loads(status(data, "--no-cache").stdout)
    assert after != before
    assert [g["target"] for g in after["goals"]].count(90) == 1


@pytest.mark.usefixtures("cache_dir")
def test_stale_by_size(data: Path) -> None:
    goals = data / "goals.toml"
    status(data)
    text = goals.read_text(encoding="utf-8").replace("target = 60", "target = 600")
    goals.write_text(text, encoding="utf-8")
    after = json.loads(status(data).stdout)
    assert [g["target"] for g in after["goals"]].count(600) == 1


@pytest.mark.usefixtures("cache_dir")
def test_same_size_and_mtime_but_new_inode_is_stale(data: Path) -> None:
    """A file replaced (editors save by rename) with the old mtime restored: ctime and inode
    tell it apart."""
    goals = data / "goals.toml"
    status(data)
    stat = goals.stat()
    replacement = data / "goals.toml.new"
    replacement.write_text(
        goals.read_text(encoding="utf-8").replace("target = 60", "target = 70"),
        encoding="utf-8",
    )
    replacement.replace(goals)
    os.utime(goals, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert goals.stat().st_size == stat.st_size
    after = json.loads(status(data).stdout)
    assert [g["target"] for g in after["goals"]].count(70) == 1


def test_racy_files_are_read_but_not_cached(
    data: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "RACY_SECONDS", 3600)  # every file counts as just modified
    assert status(data).exit_code == 0
    assert entries(cache_dir) == []


@pytest.mark.usefixtures("cache_dir")
def test_another_working_directory_gets_its_own_entries(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Problems name files relative to the working directory: entries depend on it."""
    (data / "goals.toml").write_text(
        (data / "goals.toml").read_text(encoding="utf-8") + '\n[[goal]]\nid = "broken"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(data)
    inside = status(Path())
    monkeypatch.chdir(data.parent)
    outside = status(Path("data"))
    assert "goals.toml:" in inside.stderr
    assert "data/goals.toml:" in outside.stderr
    assert outside.stderr == status(Path("data"), "--no-cache").stderr


# --- entries that must not be trusted -------------------------------------------------------


CORRUPTIONS = {
    "empty": lambda _: b"",
    "truncated": lambda blob: blob[: len(blob) // 2],
    "garbage": lambda blob: os.urandom(len(blob)),
    "wrong magic": lambda blob: b"X" + blob[1:],
    "flipped byte": lambda blob: blob[:-10] + bytes([blob[-10] ^ 0x40]) + blob[-9:],
    "longer": lambda blob: blob + b"\x00",
    "header only": lambda blob: blob[:16],
}


@pytest.mark.parametrize("corrupt", sorted(CORRUPTIONS))
def test_corrupt_entries_are_rebuilt(
    synthetic: Path, cache_dir: Path, parsed: Counting, corrupt: str
) -> None:
    expected = status(synthetic, "--no-cache").stdout
    status(synthetic)
    damaged = entries(cache_dir)
    for entry in damaged:
        entry.write_bytes(CORRUPTIONS[corrupt](entry.read_bytes()))
    before = len(parsed.parsed)
    result = status(synthetic)
    assert result.exit_code == 0
    assert result.stdout == expected
    assert len(parsed.parsed) - before == len(damaged)  # every damaged entry was re-parsed
    again = len(parsed.parsed)
    assert status(synthetic).stdout == expected
    assert len(parsed.parsed) == again  # and rewritten: the next run reads them


def test_valid_frame_with_wrong_content_is_rejected(synthetic: Path, cache_dir: Path) -> None:
    """An entry whose checksum is right but whose payload does not decode into the model is
    ignored (here: another file's payload would pass the CRC only with its own key)."""
    status(synthetic)
    first, second = entries(cache_dir)[:2]
    blob = first.read_bytes()
    start = len(b"trkcache") + 8
    key_length = int.from_bytes(blob[12:16], "big")
    key = blob[start : start + key_length]
    payload = b"\x94\x90\x90\x91\xa3bad\x90"  # [[], [], ["bad"], []]: not a Goal
    second.write_bytes(cache._entry_bytes(key, payload))
    first.write_bytes(cache._entry_bytes(key, payload))
    assert status(synthetic).stdout == status(synthetic, "--no-cache").stdout


@pytest.mark.usefixtures("cache_dir")
def test_version_change_invalidates(
    synthetic: Path, parsed: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    status(synthetic)
    files = len(parsed.parsed)
    status(synthetic)
    assert len(parsed.parsed) == files
    monkeypatch.setattr(cache, "__version__", "999.0")
    monkeypatch.setattr(cache, "_fingerprint", None)
    status(synthetic)
    assert len(parsed.parsed) == 2 * files


@pytest.mark.usefixtures("cache_dir")
def test_code_change_invalidates(
    synthetic: Path, parsed: Counting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fingerprint covers the package's modules (a development checkout's edits)."""
    status(synthetic)
    files = len(parsed.parsed)
    first = cache.code_fingerprint()
    monkeypatch.setattr(cache, "_fingerprint", None)
    monkeypatch.setattr(cache.sys, "version", "3.99.0 (changed)")
    assert cache.code_fingerprint() != first
    status(synthetic)
    assert len(parsed.parsed) == 2 * files


# --- bypassing and failing ------------------------------------------------------------------


def test_no_cache_neither_reads_nor_writes(data: Path, cache_dir: Path) -> None:
    assert status(data, "--no-cache").exit_code == 0
    assert not cache_dir.exists()


def test_no_cache_after_the_command(data: Path, cache_dir: Path) -> None:
    args = ["--data", str(data), "status", "--no-cache", "--as-of", "2025-06-30"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert not cache_dir.exists()


def test_unusable_cache_directory_is_ignored(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(blocker / "cache"))
    result = status(data)
    assert result.exit_code == 0
    assert result.stdout == status(data, "--no-cache").stdout


def test_default_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TRACKER_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_dir() == tmp_path / "xdg" / "tracker"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.default_dir() == tmp_path / "home" / ".cache" / "tracker"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.default_dir() == tmp_path / "mine"


@pytest.mark.usefixtures("cache_dir")
def test_unreadable_file_is_reported_not_cached(data: Path) -> None:
    (data / "gone.toml").symlink_to(data / "missing.toml")
    result = status(data)
    assert result.exit_code == 1
    assert "gone.toml" in result.stderr
    assert status(data).stderr == result.stderr


# --- concurrency ----------------------------------------------------------------------------

RUN = """
import sys
from tracker.load import cache
cache.RACY_SECONDS = 0
from tracker.__main__ import main
main(sys.argv[1:])
"""


def _spawn(data: Path, cache_dir: Path, jobs: str) -> subprocess.Popen[str]:
    env = {**os.environ, "TRACKER_CACHE_DIR": str(cache_dir), "TRACKER_JOBS": jobs}
    args = ["--data", str(data), "status", "--format", "json", "--as-of", "2025-06-30"]
    return subprocess.Popen(
        [sys.executable, "-c", RUN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_concurrent_rebuild(synthetic: Path, tmp_path: Path, jobs: str) -> None:
    """Several processes filling the same empty cache at once: each prints the right
    report, and what they leave behind is complete and used by the next run."""
    shared = tmp_path / "shared-cache"
    expected = status(synthetic, "--no-cache").stdout
    processes = [_spawn(synthetic, shared, jobs) for _ in range(4)]
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        assert out == expected
    names = sorted(p.name for p in (shared / f"v{cache.FORMAT}").iterdir())
    assert not [n for n in names if n.endswith(".tmp")]
    files = list(iter_data_files(synthetic))
    assert len(names) == len(files)
    codec = cache._get_codec()
    assert codec is not None
    described = cache._describe(files, synthetic)
    for file in described:
        assert cache._read(shared / f"v{cache.FORMAT}", file, codec) is not None


# --- the parallel cold parse ----------------------------------------------------------------


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(cache, "cpu_count", lambda: 3)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
@pytest.mark.usefixtures("always_parallel")
@pytest.mark.parametrize("with_cache", [True, False])
def test_parallel_parse_equals_sequential(
    synthetic: Path, tmp_path: Path, with_cache: bool
) -> None:
    sequential = load(synthetic)
    cache_dir = tmp_path / "cache" if with_cache else None
    parallel = load(synthetic, cache_dir=cache_dir, parallel=True)
    assert parallel.goals == sequential.goals
    assert parallel.regions == sequential.regions
    assert parallel.problems == sequential.problems
    assert bool(cache_dir and entries(cache_dir)) == with_cache


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks only on Linux")
@pytest.mark.usefixtures("always_parallel")
def test_a_failing_worker_leaves_its_files_to_the_parent(
    synthetic: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    real = load_file

    def flaky(path: Path) -> FileData:
        if os.getpid() != parent:
            os._exit(7)  # a worker dies without a word
        return real(path)

    monkeypatch.setattr(dataset, "load_file", flaky)
    result = load(synthetic, parallel=True)
    assert result.goals == load(synthetic).goals


def test_split_balances_bytes() -> None:
    files = [
        cache._File(i, Path(f"{i}.toml"), size, None, None, racy=True)
        for i, size in enumerate([100, 90, 80, 70, 60, 50, 40, 30, 20, 10])
    ]
    shares = cache._split(files, 1)
    assert sorted(f.index for share in shares for f in share) == list(range(10))
    parent, worker = (sum(f.size for f in share) for share in shares)
    assert parent < worker  # the parent also decodes what the worker sends


# --- encoding details -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        Fraction(0),
        Fraction(-3, 4),
        Fraction(531, 10**4),
        Fraction(10**30, 7),
        Fraction(-(2**70), 3**50),
        Fraction(2**63 - 1),
        Fraction(-(2**63)),
    ],
)
def test_fractions_round_trip(value: Fraction) -> None:
    import msgspec  # noqa: PLC0415

    encoded = msgspec.msgpack.encode(value, enc_hook=cache._enc_hook)
    decoded = msgspec.msgpack.decode(encoded, type=Fraction, dec_hook=cache._dec_hook)
    assert decoded == value
    assert hash(decoded) == hash(value)
    assert (decoded.numerator, decoded.denominator) == (value.numerator, value.denominator)
    assert str(decoded) == str(value)
    assert decoded + 1 == value + 1


# --- the names problems show ----------------------------------------------------------------


def _layouts(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(working directory, root) pairs: inside, outside, relative, '.', linked."""
    data = tmp_path / "work" / "data"
    (data / "sub").mkdir(parents=True)
    (data / "a.toml").write_text("", encoding="utf-8")
    (data / "sub" / "b.toml").write_text("", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "c.toml").write_text("", encoding="utf-8")
    (data / "sub" / "linked.toml").symlink_to(elsewhere / "c.toml")
    (tmp_path / "work" / "link-to-data").symlink_to(data)
    yield tmp_path / "work", Path("data")
    yield tmp_path / "work", data
    yield data, Path()
    yield data / "sub", Path("..")
    yield elsewhere, data
    yield tmp_path / "work", Path("link-to-data")
    yield tmp_path / "work", data / "a.toml"


def test_names_match_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for cwd, root in _layouts(tmp_path):
        monkeypatch.chdir(cwd)
        paths = list(iter_data_files(root))
        assert paths
        for path, file in zip(paths, cache._describe(paths, root), strict=True):
            assert file.key is not None
            import msgspec  # noqa: PLC0415

            shown = msgspec.msgpack.decode(file.key)[2]
            assert shown == display_path(path), (cwd, root, path)
