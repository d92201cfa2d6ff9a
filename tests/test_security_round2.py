"""Regressions of issue 15 (security and reliability, round 2): one test per item.

Every test drives the command line (``python -m tracker`` in a subprocess, or click's
CliRunner), so it does not depend on where a module lives. Hostile file names, git
histories, FIFOs and big inputs are made at test time in ``tmp_path``: nothing hostile is
committed to this repository as a file name.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gitrepo import commit, git

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


REGIONS = """
[[region]]
name = "示例市"

[[source]]
id = "src"
title = "示例市工作报告"
"""

GOAL = """
[defaults]
region = "示例市"
source = "src"

[[goal]]
id = "coverage-2023"
title = "覆盖率"
unit = "%"
period = 2023
target = "100%"
quote = "覆盖率达到100%"

  [[goal.outcome]]
  as_of = 2023-06-30
  value = "80%"
  quote = "覆盖率达到80%"
"""

JOBS = """
[[region]]
name = "示例市"

[[source]]
id = "src"
title = "示例市工作报告"

[[goal]]
id = "jobs-2022"
title = "城镇新增就业"
region = "示例市"
source = "src"
unit = "人"
period = 2022
quote = "全市城镇新增就业5.31万人,完成省定任务的104.19%"

  [[goal.outcome]]
  as_of = 2022-12-31
  value = "5.31万"
  stated_rate = "104.19%"
  quote = "全市城镇新增就业5.31万人,完成省定任务的104.19%"
"""

LANGS = ("zh", "en")


def tracker(
    *args: str | bytes,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """``python -m tracker ARGS`` in a subprocess (bytes arguments pass as they are)."""
    environment = {**os.environ, "NO_COLOR": "1", "TRACKER_DATA": "", **(env or {})}
    return subprocess.run(  # fixed argv
        [sys.executable, "-m", "tracker", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        errors="surrogateescape",
        timeout=timeout,
        check=False,
    )


def new_repo(tmp_path: Path) -> Path:
    """A repository whose first commit holds targets/{regions,goals}.toml."""
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    (data / "goals.toml").write_text(GOAL, encoding="utf-8")
    git(tmp_path, "init", "-q")
    commit(tmp_path, "initial")
    return tmp_path


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stderr, done.stderr
    assert "internal error" not in done.stderr, done.stderr
    assert done.returncode != 3, done.stderr


# --- 1. diff: file names cannot inject cat-file requests ----------------------------------


@needs_git
@pytest.mark.parametrize("lang", LANGS)
def test_1_a_name_with_a_newline_cannot_hide_a_moved_target(tmp_path: Path, lang: str) -> None:
    repo = new_repo(tmp_path)
    base = git(repo, "rev-parse", "HEAD").strip()
    # A blob holding the old goal file, and a tree whose o.toml is that blob: the name
    # "a\n<tree>:o.toml" would make `cat-file --batch` print the old contents once more.
    blob = git(repo, "hash-object", "-w", "--stdin", stdin=GOAL.encode()).strip()
    tree = git(repo, "mktree", stdin=f"100644 blob {blob}\to.toml\n".encode()).strip()
    (repo / "targets" / f"a\n{tree}:o.toml").write_text("", encoding="utf-8")
    (repo / "targets" / "a").write_text("", encoding="utf-8")  # what the first line names
    goals = repo / "targets" / "goals.toml"
    goals.write_text(GOAL.replace('target = "100%"', 'target = "50%"'), encoding="utf-8")
    commit(repo, "lower the target")
    done = tracker("--lang", lang, "--data", "targets", "diff", base, "HEAD", cwd=repo)
    no_traceback(done)
    document = tracker(
        "--data", "targets", "diff", "--format", "json", base, "HEAD", cwd=repo
    ).stdout
    changed = json.loads(document)["goals_changed"]
    assert [c["id"] for c in changed] == ["coverage-2023"], document
    assert changed[0]["goalpost_moved"] is True
    assert "coverage-2023" in done.stdout


@needs_git
@pytest.mark.parametrize("lang", LANGS)
def test_1_a_name_with_a_newline_is_read_not_a_crash(tmp_path: Path, lang: str) -> None:
    repo = new_repo(tmp_path)
    (repo / "targets" / "a\nb.toml").write_text("", encoding="utf-8")
    commit(repo, "odd name")
    done = tracker("--lang", lang, "--data", "targets", "diff", "HEAD~1", "HEAD", cwd=repo)
    no_traceback(done)
    assert done.returncode == 0, done.stderr


# --- 2. check's text format escapes file names ----------------------------------------------

HOSTILE_NAME = "x\n::error title=pwned::owned\x1b]8;;x\x07\u202e\x9b31m.toml"


@pytest.mark.parametrize("lang", LANGS)
def test_2_check_text_escapes_file_names(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / HOSTILE_NAME).write_text("bad = [", encoding="utf-8")
    for args in (("check",), ("status",), ("report",), ("regions",)):
        done = tracker("--lang", lang, "--data", str(data), *args, cwd=tmp_path)
        no_traceback(done)
        for stream in (done.stdout, done.stderr):
            assert not re.search(r"^::", stream, re.MULTILINE), (args, stream)
            for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
                assert bad not in stream, (args, bad, stream)
    done = tracker("--lang", lang, "--data", str(data), "check", cwd=tmp_path)
    assert done.returncode == 1
    assert "E003" in done.stdout


# --- 3. YAML 1.1 numbers and booleans are refused, not reinterpreted ------------------------

YAML_GOAL = """\
region: 示例市
goal:
  - id: g
    title: 覆盖率
    unit: "%"
    period: 2023
    target: {value}
"""


@pytest.mark.parametrize("value", ["017", "1:30", "0x1F", "0b101", "1_000", "yes", "off", ".inf"])
@pytest.mark.parametrize("lang", LANGS)
def test_3_yaml_1_1_forms_are_refused(tmp_path: Path, value: str, lang: str) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    text = "defaults:\n  region: 示例市\n  source: src\ngoal:\n" + YAML_GOAL.split("goal:\n")[1]
    (data / "goals.yaml").write_text(text.format(value=value), encoding="utf-8")
    done = tracker("--lang", lang, "--data", str(data), "check", "--format", "json")
    no_traceback(done)
    assert done.returncode == 1, done.stdout
    problems = json.loads(done.stdout)["problems"]
    errors = [p for p in problems if p["severity"] == "error"]
    assert errors, problems
    (error,) = errors
    assert error["file"].endswith("goals.yaml")
    assert error["line"] == 9  # the target's line
    assert error["goal_id"] == "g"
    assert value in error["message"]
    # and the text format says it too, in both languages
    text_done = tracker("--lang", lang, "--data", str(data), "check")
    assert "goals.yaml:9" in text_done.stdout


def test_3_yaml_plain_decimals_still_read(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    text = "defaults:\n  region: 示例市\n  source: src\ngoal:\n" + YAML_GOAL.split("goal:\n")[1]
    (data / "goals.yaml").write_text(text.format(value="85"), encoding="utf-8")
    done = tracker("--data", str(data), "status", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["goals"][0]["target"] == 85


# --- 4. diff reads no blob beyond the size limit ----------------------------------------------


@needs_git
def test_4_diff_does_not_read_a_huge_blob(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    huge = 120 * 1024 * 1024
    with (repo / "targets" / "huge.toml").open("wb") as stream:
        stream.truncate(huge)  # zeros: git compresses them to almost nothing
    commit(repo, "a huge file")
    (repo / "targets" / "huge.toml").unlink()
    # Peak memory of tracker and the git processes it runs, measured by a parent that runs
    # only this command.
    probe = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run([sys.executable, '-m', 'tracker', '--data', 'targets', "
        "'diff', 'HEAD~1', 'HEAD'], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(done.returncode)\n"
        "sys.stdout.write(done.stdout + done.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=repo,
        env={**os.environ, "NO_COLOR": "1", "TRACKER_LANG": "en", "TRACKER_DATA": ""},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    peak_kib, code, *output = done.stdout.split("\n")
    shown = "\n".join(output)
    assert "E005" in shown, shown
    assert code == "1", shown
    assert int(peak_kib) < 100 * 1024, f"peak {int(peak_kib) // 1024} MiB"


# --- 5. a FIFO named *.toml does not hang --------------------------------------------------


@posix_only
@pytest.mark.parametrize("lang", LANGS)
def test_5_a_fifo_in_the_data_directory_is_a_finding(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    os.mkfifo(data / "pipe.toml")
    for command in ("check", "status", "report", "regions"):
        done = tracker("--lang", lang, "--data", str(data), command, timeout=20)
        no_traceback(done)
        assert done.returncode == 1, (command, done.stdout, done.stderr)
        assert "E001" in done.stdout + done.stderr, (command, done.stdout, done.stderr)


# --- 6. extract: linear time, an input-size limit -------------------------------------------


def _sentences(total: int) -> list[str]:
    out, n, i = [], 0, 0
    while n < total:
        i += 1
        text = (
            f"2023年全市城镇新增就业{1000 + i * 7 % 90000}人,完成年度目标的"
            f"{50 + i % 80}.{i % 100}%,新建幼儿园{1 + i % 50}所。"
        )
        out.append(text)
        n += len(text.encode())
    return out


def test_6_extract_one_long_line_is_as_fast_as_lines(tmp_path: Path) -> None:
    sentences = _sentences(250_000)
    lines, one = tmp_path / "lines.txt", tmp_path / "one.txt"
    lines.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    one.write_text("".join(sentences) + "\n", encoding="utf-8")
    timings = []
    for path in (lines, one):
        started = time.perf_counter()
        done = tracker("extract", str(path), "--format", "json", timeout=300)
        timings.append(time.perf_counter() - started)
        assert done.returncode == 0, done.stderr
    assert timings[1] < 3 * timings[0] + 1, timings


def test_6_extract_refuses_endless_input() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    for lang in LANGS:
        started = time.perf_counter()
        done = tracker("--lang", lang, "extract", "/dev/zero", timeout=30)
        assert time.perf_counter() - started < 15
        no_traceback(done)
        assert done.returncode == 2, done.stderr


def test_6_extract_refuses_too_big_stdin() -> None:
    big = "增长" * (6 * 1024 * 1024)
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "extract", "-"],
        input=big,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr


# --- 7. a link inside the data directory is read once everywhere ------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_7_a_link_inside_is_read_once(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "targets"
    (data / "sub").mkdir(parents=True)
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    (data / "goals.toml").write_text(GOAL, encoding="utf-8")
    (data / "sub" / "again.toml").symlink_to(data / "goals.toml")
    (data / "same.toml").symlink_to("goals.toml")
    check = tracker("--lang", lang, "--data", str(data), "check")
    assert check.returncode == 0, check.stdout
    for command in ("status", "report", "regions"):
        for extra in ((), ("--no-cache",)):
            done = tracker("--lang", lang, "--data", str(data), *extra, command)
            no_traceback(done)
            assert done.returncode == 0, (command, done.stderr)
            assert "E130" not in done.stderr
    listed = tracker("--data", str(data), "status", "--format", "json")
    assert [g["id"] for g in json.loads(listed.stdout)["goals"]] == ["coverage-2023"]


# --- 8. regions that collide after normalisation, aliases that shadow names ------------------


def _regions(tmp_path: Path, body: str) -> Path:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(body, encoding="utf-8")
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_8_colliding_region_names_are_reported_and_selectable(tmp_path: Path, lang: str) -> None:
    data = _regions(
        tmp_path,
        '[[region]]\nname = "临河"\n[[region]]\nname = "臨河"\n'
        '[[goal]]\nid = "a"\ntitle = "甲"\nregion = "临河"\nunit = "人"\nperiod = 2023\n'
        'source = { title = "x" }\nquote = "q"\n'
        '[[goal]]\nid = "b"\ntitle = "乙"\nregion = "臨河"\nunit = "人"\nperiod = 2023\n'
        'source = { title = "x" }\nquote = "q"\n',
    )
    check = tracker("--lang", lang, "--data", str(data), "check", "--format", "json")
    codes = {p["code"] for p in json.loads(check.stdout)["problems"]}
    assert "E137" in codes, check.stdout
    for name, goal in (("临河", "a"), ("臨河", "b")):
        done = tracker("--lang", lang, "--data", str(data), "status", "--region", name, "--format",
                       "json")  # fmt: skip
        no_traceback(done)
        assert done.returncode in (0, 1), done.stderr
        assert [g["id"] for g in json.loads(done.stdout)["goals"]] == [goal], done.stderr


@pytest.mark.parametrize("lang", LANGS)
def test_8_an_alias_equal_to_another_name_is_reported(tmp_path: Path, lang: str) -> None:
    data = _regions(
        tmp_path,
        '[[region]]\nname = "运城市"\naliases = ["河东"]\n[[region]]\nname = "河东"\n',
    )
    check = tracker("--lang", lang, "--data", str(data), "check", "--format", "json")
    problems = json.loads(check.stdout)["problems"]
    assert any("河东" in p["message"] and p["code"] == "W207" for p in problems), problems
    text = tracker("--lang", lang, "--data", str(data), "check")
    assert "河东" in text.stdout


# --- 9. --data "" and --data FIFO are usage errors -------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_9_empty_data_option_is_a_usage_error(tmp_path: Path, lang: str) -> None:
    for command in ("status", "check", "report"):
        done = tracker("--lang", lang, "--data", "", command, cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert "--data" in done.stderr


@posix_only
@pytest.mark.parametrize("lang", LANGS)
def test_9_data_option_naming_a_fifo_is_a_usage_error(tmp_path: Path, lang: str) -> None:
    os.mkfifo(tmp_path / "pipe.toml")
    os.mkfifo(tmp_path / "pipe")
    for name in ("pipe.toml", "pipe"):
        for command in ("status", "check"):
            done = tracker("--lang", lang, "--data", str(tmp_path / name), command, timeout=20)
            no_traceback(done)
            assert done.returncode == 2, (name, command, done.stdout, done.stderr)


# --- 10. a forged cache entry is not used -----------------------------------------------------


def test_10_a_forged_cache_entry_is_not_used(tmp_path: Path) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    goals = data / "jobs.toml"
    goals.write_text(JOBS, encoding="utf-8")
    cache = tmp_path / "cache"
    env = {"TRACKER_CACHE_DIR": str(cache), "TRACKER_LANG": "en"}
    time.sleep(2.2)  # past the cache's window for just-modified files
    first = tracker("--data", str(data), "status", "--format", "json", env=env)
    assert json.loads(first.stdout)["goals"][0]["actual"] == 53100
    entries = [p for p in cache.rglob("*") if p.is_file() and not p.name.startswith(".")]
    assert entries, "the first run should have written a cache entry"
    for entry in entries:
        blob = entry.read_bytes()
        # 53100 in msgpack (uint16 0xcd 0xcf 0x6c) becomes 1000 (0xcd 0x03 0xe8); then the
        # checksum over everything after it is recomputed, as an attacker would.
        forged = blob.replace(b"\xcd\xcf\x6c", b"\xcd\x03\xe8")
        if forged != blob:
            import struct  # noqa: PLC0415
            import zlib  # noqa: PLC0415

            body = forged[12:]
            forged = forged[:8] + struct.pack(">I", zlib.crc32(body)) + body
            entry.write_bytes(forged)
    second = tracker("--data", str(data), "status", "--format", "json", env=env)
    assert json.loads(second.stdout)["goals"][0]["actual"] == 53100, second.stdout
    # The same forgery by someone who knows the format (magic, a 32-byte BLAKE2b tag, the
    # rest) but not the key, which lives outside the cache folder: a restored CI cache.
    import hashlib  # noqa: PLC0415

    for entry in entries:
        blob = entry.read_bytes()
        assert b"\xcd\xcf\x6c" in blob[40:]  # the figure is there to change
        body = blob[40:].replace(b"\xcd\xcf\x6c", b"\xcd\x03\xe8")
        tag = hashlib.blake2b(body, key=os.urandom(32), digest_size=32).digest()
        entry.write_bytes(blob[:8] + tag + body)
    third = tracker("--data", str(data), "status", "--format", "json", env=env)
    assert json.loads(third.stdout)["goals"][0]["actual"] == 53100, third.stdout


# --- 11. record: --note bytes, big files, negative counts -------------------------------------


def _record_data(tmp_path: Path) -> Path:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    (data / "goals.toml").write_text(
        GOAL.replace('unit = "%"', 'unit = "人"')
        .replace('target = "100%"', "target = 100")
        .replace('value = "80%"', "value = 80"),
        encoding="utf-8",
    )
    return data


@pytest.mark.parametrize("lang", LANGS)
def test_11_invalid_utf8_in_note_is_refused(tmp_path: Path, lang: str) -> None:
    data = _record_data(tmp_path)
    before = (data / "goals.toml").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "tracker", "--lang", lang, "--data", str(data), "record",
         "--as-of", "2023-09-30", "--note", b"caf\xe9", "coverage-2023", "90"],
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=60,
        check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    assert (data / "goals.toml").read_bytes() == before


@pytest.mark.parametrize("lang", LANGS)
def test_11_negative_count_is_refused(tmp_path: Path, lang: str) -> None:
    data = _record_data(tmp_path)
    before = (data / "goals.toml").read_bytes()
    done = tracker(
        "--lang", lang, "--data", str(data), "record", "--as-of", "2023-09-30",
        "coverage-2023", "--", "-3",
    )  # fmt: skip
    no_traceback(done)
    assert done.returncode in (1, 2), done.stdout + done.stderr
    assert (data / "goals.toml").read_bytes() == before


def test_11_record_on_a_big_file_is_linear(tmp_path: Path) -> None:
    def timed(goals: int) -> float:
        data = tmp_path / f"targets-{goals}"
        data.mkdir()
        chunks = ['[[region]]\nname = "示例市"\n[defaults]\nregion = "示例市"\nunit = "人"\n'
                  'period = 2023\nsource = { title = "x" }\nquote = "q"\n']  # fmt: skip
        chunks += [f'[[goal]]\nid = "g{i}"\ntitle = "t"\ntarget = 100\n' for i in range(goals)]
        (data / "goals.toml").write_text("\n".join(chunks), encoding="utf-8")
        started = time.perf_counter()
        done = tracker("--data", str(data), "--no-cache", "record", "--as-of", "2023-05-01",
                       "g1", "7", timeout=300)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return time.perf_counter() - started

    small, large = timed(4_000), timed(48_000)
    # 12 times the goals: linear is ~12 times the time (plus start-up); quadratic was ~40
    assert large < 16 * small, (small, large)


# --- found while looking further: names that are not UTF-8 ------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any byte")
@pytest.mark.parametrize("lang", LANGS)
def test_12_file_names_that_are_not_utf8(tmp_path: Path, lang: str) -> None:
    data = tmp_path / "targets"
    data.mkdir()
    (data / "regions.toml").write_text(REGIONS, encoding="utf-8")
    bad, ok = os.fsencode(data) + b"/\xffbad.toml", os.fsencode(data) + b"/ok\xfe.toml"
    Path(os.fsdecode(bad)).write_text("x = [", encoding="utf-8")
    Path(os.fsdecode(ok)).write_text(GOAL, encoding="utf-8")
    for args in (
        ("check",),
        ("check", "--format", "json"),
        ("check", "--format", "github"),
        ("status",),
        ("status", "--format", "json"),
        ("report",),
        ("regions",),
        ("show", "coverage-2023"),
    ):
        done = tracker("--lang", lang, "--data", str(data), *args, cwd=tmp_path)
        no_traceback(done)
        assert done.returncode == 1, (args, done.stderr)
        assert "\udcff" not in done.stdout + done.stderr, args
        if args[0] == "check":
            assert "\\xffbad.toml" in done.stdout, args  # the byte shown as an escape


@needs_git
def test_12_diff_of_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    repo = new_repo(tmp_path)
    Path(os.fsdecode(os.fsencode(repo / "targets") + b"/q\xff.toml")).write_text(
        "x = [", encoding="utf-8"
    )
    commit(repo, "a name that is not UTF-8")
    for lang in LANGS:
        done = tracker("--lang", lang, "--data", "targets", "diff", "HEAD~1", "HEAD", cwd=repo)
        no_traceback(done)
        assert done.returncode == 1, done.stderr
        assert "E003" in done.stderr
        assert "\udcff" not in done.stdout + done.stderr
        assert "q\\xff.toml" in done.stderr  # the byte shown as an escape, as git does
