"""The row cache (tracker.load.rows, tracker.render.status_rows): ``status --format json``
through it writes the bytes of the exact path (``--no-cache``: every goal evaluated with
Fractions and rendered), cold or warm, on random datasets, at other dates and options, after
an edit, with relative targets; a tampered or foreign row file is never used. No test here
measures a time."""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.load import cache, rows

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "benchmarks"))

import gen  # noqa: E402  # benchmarks/ is not a package


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by a test are seconds old at most: let the caches take them anyway."""
    monkeypatch.setattr(cache, "RACY_SECONDS", 0)


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(folder))
    return folder


def status(data: Path, *extra: str, cached: bool = True) -> Result:
    args = ["--data", str(data), *([] if cached else ["--no-cache"]), "status", "--format"]
    return CliRunner().invoke(cli, [*args, "json", *extra], env={"NO_COLOR": "1"})


def packs(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / f"v{cache.FORMAT}").glob("rows-*.pack"))


def same_as_exact(data: Path, *extra: str) -> Result:
    """Cold, then warm, through the row cache: both the exact path's bytes and exit code."""
    exact = status(data, *extra, cached=False)
    for _ in range(2):
        result = status(data, *extra)
        assert result.stdout == exact.stdout
        assert (result.exit_code, result.stderr) == (exact.exit_code, exact.stderr)
    return exact


OPTIONS = [
    ("--as-of", "2025-06-30"),
    ("--as-of", "2023-01-01"),
    ("--as-of", "2027-12-31", "--grace", "30"),
    ("--as-of", "2025-06-30", "--on-track", "0.9", "--at-risk", "0.5"),
    ("--as-of", "2025-06-30", "--lag-bands", "5,15"),
    ("--as-of", "2025-06-30", "--status", "behind,at_risk"),
    ("--as-of", "2025-06-30", "--hide", "achieved", "--due-within", "400"),
    ("--as-of", "2025-06-30", "--year", "2024", "--fail-on", "missed"),
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_datasets_through_the_cache_are_the_exact_bytes(
    tmp_path: Path, cache_dir: Path, seed: int
) -> None:
    data = tmp_path / "data"
    rng = random.Random(seed)  # noqa: S311  # reproducible sizes, not secrets
    gen.generate(data, regions=rng.randint(3, 9), goals=rng.randint(5, 20), outcomes=3, seed=seed)
    for extra in OPTIONS:
        same_as_exact(data, *extra)
    assert 1 <= len(packs(cache_dir)) <= rows.KEEP  # one a context, the oldest removed


def test_an_edited_file_is_evaluated_again(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "data"
    gen.generate(data, regions=4, goals=10, outcomes=3, seed=7)
    same_as_exact(data, "--as-of", "2025-06-30")
    edited = next(p for p in sorted(data.rglob("*.toml")) if "[[goal]]" in p.read_text("utf-8"))
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("[[goal.outcome]]", "[[goal.outcome]]\nnote = 'x'", 1), "utf-8")
    same_as_exact(data, "--as-of", "2025-06-30")
    assert cache_dir.exists()


RELATIVE = """
[[goal]]
id = "last"
region = "晋中市"
title = "务工规模"
unit = "人"
measure = "level"
period = 2022
target = "2万"
[[goal.outcome]]
as_of = 2022-12-31
value = "{last}"

[[goal]]
id = "this"
region = "晋中市"
title = "务工规模"
unit = "人"
measure = "level"
period = 2023
target = {{ goal = "last", change = "5%" }}
[[goal.outcome]]
as_of = 2023-12-31
value = "2.6万"
"""


def test_relative_targets_follow_the_goal_they_refer_to(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "regions.toml").write_text('[[region]]\nname = "晋中市"\n', "utf-8")
    other = data / "last.toml"
    this = data / "this.toml"
    body = RELATIVE.format(last="2.5万")
    split = body.index('[[goal]]\nid = "this"')
    other.write_text(body[:split], "utf-8")
    this.write_text(body[split:], "utf-8")
    before = same_as_exact(data, "--as-of", "2024-01-02")
    # the referenced goal's file changes; the relative goal's file does not
    other.write_text(RELATIVE.format(last="2.4万")[:split], "utf-8")
    after = same_as_exact(data, "--as-of", "2024-01-02")
    assert before.stdout != after.stdout
    assert cache_dir.exists()


def test_a_tampered_or_foreign_row_file_is_ignored(
    tmp_path: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    gen.generate(data, regions=3, goals=6, outcomes=2, seed=11)
    exact = same_as_exact(data, "--as-of", "2025-06-30")
    (pack,) = packs(cache_dir)
    body = cache.unseal(rows._MAGIC, pack.read_bytes())
    assert body is not None
    forged = bytearray(body)
    at = forged.find(b'"status":"') + len(b'"status":"')
    forged[at : at + 2] = b"zz"  # the same length: the entry still decodes
    # a rendered row changed, the tag left as it was
    pack.write_bytes(pack.read_bytes()[: -len(forged)] + bytes(forged))
    assert status(data, "--as-of", "2025-06-30").stdout == exact.stdout
    # the same change sealed with another key (another user's, machine's, CI job's)
    real = cache._secret
    monkeypatch.setattr(cache, "_secret", b"k" * 32)
    blob = cache.seal(rows._MAGIC, bytes(forged))
    monkeypatch.setattr(cache, "_secret", real)
    pack.write_bytes(blob)
    assert status(data, "--as-of", "2025-06-30").stdout == exact.stdout
    # sealed with the right key, it would be used: the key is what keeps it out
    pack.write_bytes(cache.seal(rows._MAGIC, bytes(forged)))
    assert status(data, "--as-of", "2025-06-30").stdout != exact.stdout


def test_the_rows_go_nowhere_without_a_cache(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HERE / "data" / "basic", data)
    status(data, "--as-of", "2025-06-30", cached=False)
    assert not packs(cache_dir)
    same_as_exact(data, "--as-of", "2025-06-30")
    assert len(packs(cache_dir)) == 1


def test_output_file_gets_the_same_bytes(tmp_path: Path, cache_dir: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(HERE / "data" / "basic", data)
    exact = same_as_exact(data, "--as-of", "2025-06-30")
    target = tmp_path / "out.json"
    written = status(data, "--as-of", "2025-06-30", "--output", str(target))
    assert written.exit_code == exact.exit_code
    assert target.read_text("utf-8") == exact.stdout
    assert cache_dir.exists()
