"""Hostile and broken input: every file of the gallery in tests/hostile/ gives its expected
finding, no command prints a traceback on the gallery, hostile text is inert in every output
format, the limits hold at their edges, and nothing takes super-linear time.

The manifest is the table in tests/hostile/README.md. The big, looping and dangerous files
are written at test time by the ``gallery`` fixture. docs/security.md has the threat model.
"""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
import tomli
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.core.compute import evaluate
from tracker.load.dataset import load
from tracker.load.file import MAX_FILE_BYTES, load_bytes, load_file, load_text
from tracker.load.merge import MAX_REGION_DEPTH, build_dataset
from tracker.load.screen import MAX_NAME, MAX_TEXT
from tracker.parse.readers import MAX_DEPTH
from tracker.render.csv import _TEXT_COLUMNS, cell
from tracker.render.escape import safe
from tracker.render.json import goal_record

HOSTILE = Path(__file__).parent / "hostile"
ROW = re.compile(r"^\| `([^`]+)` \| (—|[EW]\d{3}(?: [EW]\d{3})*) \|")
AS_OF = "2022-12-31"
# Characters no output meant for a terminal may carry from data: C0 controls but the line
# break (tab is expanded or kept as text), DEL, C1 controls, bidi overrides and isolates.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")
SGR = re.compile(r"\x1b\[[0-9;]*m")


def manifest() -> dict[str, set[str]]:
    """File name → the codes `tracker check` must report for it (empty: none)."""
    rows: dict[str, set[str]] = {}
    for line in (HOSTILE / "README.md").read_text(encoding="utf-8").splitlines():
        if m := ROW.match(line):
            rows[m[1]] = set() if m[2] == "—" else set(m[2].split())
    return rows


def titles() -> list[str]:
    """The hostile titles of titles.toml, as the data states them."""
    document = tomli.loads((HOSTILE / "titles.toml").read_text(encoding="utf-8"))
    return [g["title"] for g in document["goal"] if g["id"] != "hostile-sources"]


def billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        aliases = ", ".join([f"*lol{level - 1}"] * 9)
        lines.append(f"lol{level}: &lol{level} [{aliases}]")
    return "\n".join(lines) + "\n"


def goal_toml(goal_id: str, title: str) -> str:
    return (
        f'[[goal]]\nid = "{goal_id}"\ntitle = "{title}"\nregion = "甲市"\nunit = "人"\n'
        'period = 2022\ntarget = 100\nquote = "q"\nsource = "evil-source"\n'
    )


@pytest.fixture(scope="module")
def gallery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of tests/hostile/ with the generated files added, and a directory beside it
    holding what only a link could reach."""
    root = tmp_path_factory.mktemp("hostile")
    data = root / "data"
    shutil.copytree(HOSTILE, data, ignore=shutil.ignore_patterns("README.md"))
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.toml").write_text(goal_toml("secret-goal", "secret"), encoding="utf-8")

    with (data / "big.toml").open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL bytes, none written
    (data / "deep.toml").write_text("a = " + "[" * 10_000 + "]" * 10_000 + "\n")
    (data / "deep.yaml").write_text("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    (data / "billion-laughs.yaml").write_text(billion_laughs())
    (data / "long-id.toml").write_text(goal_toml("x" * 10_000, "long id"), encoding="utf-8")
    long_title = goal_toml("long-title", "长" * 10_001)
    (data / "long-title.toml").write_text(long_title, encoding="utf-8")
    (data / "loop.toml").symlink_to("loop.toml")
    (data / "outside.toml").symlink_to(outside / "secret.toml")
    (data / "outside-dir").symlink_to(outside, target_is_directory=True)
    (data / "cycle").symlink_to(".", target_is_directory=True)
    return data


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))


def run(data: Path, *args: str, width: int = 100) -> Result:
    environment = {"TRACKER_LANG": "en", "NO_COLOR": "1", "COLUMNS": str(width)}
    return CliRunner().invoke(cli, ["--data", str(data), *args], env=environment)


# --- every file, its finding ----------------------------------------------------------------


def test_manifest_lists_every_file(gallery: Path) -> None:
    committed = {p.name for p in HOSTILE.iterdir() if p.name != "README.md"}
    assert committed <= set(manifest())
    assert {p.name for p in gallery.iterdir()} == set(manifest())


def test_every_file_gives_its_expected_finding(gallery: Path) -> None:
    result = run(gallery, "check", "--format", "json")
    assert result.exit_code == 1
    found: dict[str, set[str]] = defaultdict(set)
    for problem in json.loads(result.stdout)["problems"]:
        found[Path(problem["file"]).name].add(problem["code"])
    assert dict(found) == {name: codes for name, codes in manifest().items() if codes}
    assert "secret-goal" not in result.stdout  # nothing behind a link out of it is read


def test_size_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.toml"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    reads: list[int] = []
    real_open = Path.open

    class Spy(io.BufferedReader):
        def read(self, size: int | None = -1, /) -> bytes:
            reads.append(size or -1)
            return super().read(size)

    def spying_open(self: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        stream = real_open(self, mode, *args, **kwargs)
        return Spy(stream.detach()) if isinstance(stream, io.BufferedReader) else stream

    monkeypatch.setattr(Path, "open", spying_open)
    part = load_file(big)
    assert [p.code for p in part.problems] == ["E005"]
    assert reads == []
    assert "split it" in part.problems[0].message
    # a git blob (tracker diff) is already in memory: the same limit, on its length
    blob = load_bytes(b" " * (MAX_FILE_BYTES + 1), "blob.toml", ".toml")
    assert [p.code for p in blob.problems] == ["E005"]


# --- no traceback, the rest still reported --------------------------------------------------

LOADED = {"bom-goal", "negative-zero", "thirty-digits"}  # besides the goals of titles.toml
JSON = {"json"}  # JSON is data: strings escaped as JSON requires, never altered

COMMANDS = [
    ["status", "--as-of", AS_OF],
    ["status", "--as-of", AS_OF, "--format", "markdown"],
    ["status", "--as-of", AS_OF, "--format", "json"],
    ["status", "--as-of", AS_OF, "--format", "csv"],
    ["--color", "always", "status", "--as-of", AS_OF],
    ["report", "--as-of", AS_OF],
    ["report", "--as-of", AS_OF, "--format", "html"],
    ["check"],
    ["check", "--format", "json"],
    ["check", "--format", "github"],
    ["regions"],
    ["show", "hostile-ansi", "--as-of", AS_OF],
    ["show", "hostile-ansi", "--as-of", AS_OF, "--format", "json"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_prints_a_traceback(gallery: Path, args: list[str]) -> None:
    result = run(gallery, *args)
    assert result.exit_code == 1, result.output  # findings; never 3 (an internal error)
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream
        assert "internal error" not in stream
    if "json" not in args:
        assert UNSAFE.search(SGR.sub("", result.stdout)) is None
    assert UNSAFE.search(result.stderr) is None


def test_the_rest_is_still_reported(gallery: Path) -> None:
    expected = {g["id"] for g in _goals()} | LOADED
    for _ in range(2):  # cold, then from the parse cache
        result = run(gallery, "status", "--as-of", AS_OF, "--format", "json")
        shown = {goal["id"] for goal in json.loads(result.stdout)["goals"]}
        assert shown == expected


def _goals() -> list[dict[str, Any]]:
    document = tomli.loads((HOSTILE / "titles.toml").read_text(encoding="utf-8"))
    goals: list[dict[str, Any]] = document["goal"]
    return goals


# --- hostile text is inert everywhere -------------------------------------------------------


def words(text: str) -> str:
    """Text as a reader sees it: control and bidi characters gone, whitespace runs as one."""
    return " ".join(safe(text).split())


class _Page(html.parser.HTMLParser):
    """The tags, attributes and text of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def assert_inert_html(document: str) -> str:
    """No script, no event handler, no comment, links only to the gallery's one http(s) URL;
    returns the page's text as a reader sees it."""
    page = _Page()
    page.feed(document)
    for tag, attrs in page.tags:
        assert tag not in ("script", "iframe", "object", "embed", "img"), tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "formaction"):
                assert value is not None
                assert value.startswith("https://example.org/"), value
    assert page.comments == []
    return " ".join(" ".join(page.text).split())


def test_terminal_table(gallery: Path) -> None:
    for color in ("never", "always"):
        result = run(gallery, "--color", color, "status", "--as-of", AS_OF, width=400)
        plain = SGR.sub("", result.stdout)
        assert "\x1b" not in plain  # every escape sequence left is one of our colours
        for title in titles():
            if "\t" not in title and "\n" not in title:
                assert words(title) in " ".join(plain.split()), title
    assert "[red]红色[/red]" in result.stdout  # rich markup is text, not style


def test_show_text(gallery: Path) -> None:
    for goal in _goals():
        result = run(gallery, "--color", "always", "show", goal["id"], "--as-of", AS_OF)
        plain = SGR.sub("", result.stdout)
        assert UNSAFE.search(plain) is None
        first = words(goal["title"].split("\n")[0])
        assert first[:20] in " ".join(plain.split())


def test_markdown_renders_as_text_on_github(gallery: Path) -> None:
    cmarkgfm = pytest.importorskip("cmarkgfm", reason="pip install cmarkgfm (the test extras)")
    from cmarkgfm.cmark import Options  # type: ignore[import-untyped]  # noqa: PLC0415

    for args in (["status", "--format", "markdown"], ["report"]):
        markdown = run(gallery, *args, "--as-of", AS_OF).stdout
        # as GitHub renders it, but with raw HTML let through: the escaping must hold alone
        rendered = cmarkgfm.github_flavored_markdown_to_html(
            markdown, options=Options.CMARK_OPT_UNSAFE
        )
        text = assert_inert_html(rendered)
        for title in titles():
            assert words(title) in text, title


def test_html_report(gallery: Path) -> None:
    document = run(gallery, "report", "--format", "html", "--as-of", AS_OF).stdout
    text = assert_inert_html(document)
    for title in titles():
        assert words(title) in text, title
    assert 'href="https://example.org/page?a=%3Cb%3E&amp;c=%22d%22' in document


FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_csv_cells_are_not_formulas(gallery: Path) -> None:
    result = run(gallery, "status", "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_id = {row["id"]: row for row in rows}
    for goal in _goals():
        row = by_id[goal["id"]]
        shown = safe(goal["title"])
        assert row["title"] == ("'" + shown if shown.startswith(FORMULA) else shown)
        for key in ("id", "region", "title", "category", "unit"):
            assert not row[key].startswith(FORMULA), (key, row[key])
    assert by_id["hostile-sources"]["gap"] == "-1.5"  # numbers stay numbers
    assert by_id["hostile-markup"]["region"] == "甲市"
    assert {row["region"] for row in rows} >= {"'=cmd|' /C calc'!A0"}


def test_csv_checks_every_column_that_can_hold_data_text(gallery: Path) -> None:
    """render/csv.py passes only its text columns through cell(); every other value must be
    one that cell() would leave as it is (a number, a date, a status, flags)."""
    dataset = load(gallery)
    assert dataset.goals
    for goal in dataset.goals:
        record = goal_record(evaluate(goal, dt.date.fromisoformat(AS_OF)))
        for key, value in record.items():
            if key in _TEXT_COLUMNS or key == "implied_target":
                continue
            written = ";".join(value) if isinstance(value, list) else str(value)
            assert cell(value) == ("" if value is None else written), (key, value)


def test_json_keeps_the_data_as_it_is(gallery: Path) -> None:
    result = run(gallery, "status", "--as-of", AS_OF, "--format", "json")
    shown = {g["id"]: g["title"] for g in json.loads(result.stdout)["goals"]}
    for goal in _goals():
        assert shown[goal["id"]] == goal["title"]  # JSON is data: escaped, never altered
    detail = json.loads(run(gallery, "show", "hostile-osc52", "--format", "json").stdout)
    assert detail["goal"]["title"] == titles()[4]


def test_check_messages_are_inert(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    # data text quoted in messages: an unknown key and an unknown region with escapes in them
    (bad / "a.toml").write_text(
        '"\\u001b[2Jkey" = 1\n[[goal]]\nid = "k"\ntitle = "t"\nunit = "人"\nperiod = 2022\n'
        'region = "\\u001b]8;;https://evil.example\\u0007r"\n',
        encoding="utf-8",
    )
    for fmt in ("text", "github"):
        result = run(bad, "--color", "always", "check", "--format", fmt)
        assert result.exit_code == 1
        assert "\x1b" not in SGR.sub("", result.stdout)
        assert "[2Jkey" in result.stdout
    status = run(bad, "status")
    assert UNSAFE.search(status.stderr) is None


# --- limits at their edges -----------------------------------------------------------------


def codes(text: str, suffix: str = ".toml") -> list[str]:
    return [p.code for p in load_text(text, f"x{suffix}", suffix).problems]


def test_nesting_limit() -> None:
    # the file is level 1, [[goal]] 2, the goal's table 3, the tags list 4 …
    for suffix, template in (
        (".toml", '[[goal]]\nid = "g"\ntags = {}\n'),
        (".yaml", "goal:\n  - id: g\n    tags: {}\n"),
    ):
        for depth, refused in ((MAX_DEPTH, False), (MAX_DEPTH + 1, True)):
            lists = depth - 3
            found = codes(template.format("[" * lists + "]" * lists), suffix)
            assert ("E006" in found) is refused, (suffix, depth, found)


def test_text_limits() -> None:
    def goal(goal_id: str, title: str) -> str:
        return goal_toml(goal_id, title).replace('source = "evil-source"\n', "")

    assert "E106" not in codes(goal("x" * MAX_NAME, "t"))
    assert "E106" in codes(goal("x" * (MAX_NAME + 1), "t"))
    assert "E106" not in codes(goal("g", "x" * MAX_TEXT))
    assert "E106" in codes(goal("g", "x" * (MAX_TEXT + 1)))
    assert codes('[[region]]\nname = "甲\\u200b市"\n') == ["E107"]  # zero-width space
    assert codes('[[region]]\nname = "甲市"\naliases = ["\\tJia"]\n') == ["E107"]


def test_region_depth_limit() -> None:
    def chain(levels: int) -> str:
        parts = ['[[region]]\nname = "r1"\n']
        parts += [f'[[region]]\nname = "r{i}"\nparent = "r{i - 1}"\n' for i in range(2, levels + 1)]
        return "".join(parts)

    limit = MAX_REGION_DEPTH
    assert build_dataset(Path(), [load_text(chain(limit), "r", ".toml")]).problems == []
    deeper = build_dataset(Path(), [load_text(chain(limit + 1), "r", ".toml")])
    assert [p.code for p in deeper.problems] == ["E136"]
    assert deeper.regions[f"r{limit + 1}"].parent is None


# --- no hang on pathological input -----------------------------------------------------------
# These inputs once took hours (a regular expression's backtracking, quadratic walks); now they
# take well under a second or two. The limit is a hang guard, far above any machine's load, not
# a speed measure: speed is measured in benchmarks/.
HANG = 120.0


def timed(call: Any, *args: Any) -> Any:
    start = time.perf_counter()
    result = call(*args)
    assert time.perf_counter() - start < HANG, f"{call} hangs"
    return result


def test_pathological_text_is_read_in_linear_time() -> None:
    spaces = " " * 2_000_000
    # a lazy name followed by \s* tried every split of a run of spaces: hours at this size
    toml = "a = [\n[[1," + spaces + '2]]\n]\nb = """\nx"""\nc = [\n2' + spaces + "]\n"
    assert "E102" in timed(codes, toml + "[[goal]]\nid = 5\n")
    # PyYAML scans in Python, ~20 µs an item: slow, but linear
    yaml = "a: [" + ", ".join(["x"] * 30_000) + "]\nb: '" + spaces + "'\n"
    assert timed(codes, yaml, ".yaml") == ["E106", "E101", "E101"]  # b: too long
    assert "E006" in timed(codes, "a = " + "{b=" * 399 + "1" + "}" * 399)


def test_many_names_and_deep_region_trees_in_linear_time(tmp_path: Path) -> None:
    lines = [f'[[region]]\nname = "region number {i}"\n' for i in range(2_000)]
    lines += [
        f'[[goal]]\nid = "g{i}"\ntitle = "t"\nregion = "unknown place {i}"\nunit = "人"\n'
        "period = 2022\n"
        for i in range(3_000)
    ]  # each unknown name looked up among 2,000: a did-you-mean for each took 40 s
    (tmp_path / "unknown").mkdir()
    (tmp_path / "unknown" / "u.toml").write_text("".join(lines), encoding="utf-8")
    result = timed(run, tmp_path / "unknown", "check", "--format", "json")
    assert len(json.loads(result.stdout)["problems"]) == 3_000
    regions = ['[[region]]\nname = "r0"\n']
    regions += [f'[[region]]\nname = "r{i}"\nparent = "r{i - 1}"\n' for i in range(1, 2_000)]
    goals = [
        f'[[goal]]\nid = "g{i}"\ntitle = "t"\nregion = "r{i}"\nunit = "人"\nperiod = 2022\n'
        f'target = 5\nquote = "q"\nsource = {{ id = "s{i}" }}\n'
        for i in range(0, 2_000, 10)
    ]  # a 2,000-deep tree: quadratic walks up it took minutes
    (tmp_path / "chain").mkdir()
    (tmp_path / "chain" / "c.toml").write_text("".join(regions + goals), encoding="utf-8")
    for args in (["check"], ["status"], ["report"], ["regions"]):
        result = timed(run, tmp_path / "chain", *args)
        assert result.exit_code == 1, result.output


# --- in a browser ---------------------------------------------------------------------------

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(BROWSER is None, reason="headless Chromium not found (CI installs it)")
def test_html_report_in_a_browser(gallery: Path, tmp_path: Path) -> None:
    """Chromium loads the report built from the gallery: nothing runs, nothing is logged."""
    assert BROWSER is not None
    page = tmp_path / "hostile.html"
    result = run(gallery, "report", "--format", "html", "--as-of", AS_OF, "--output", str(page))
    assert result.exit_code == 1
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
    flags += ["--disable-background-networking", "--disable-component-update", "--disable-sync"]
    flags += [f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0"]
    done = subprocess.run(
        [BROWSER, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert not re.search(r":CONSOLE[:(]", done.stderr)
    assert "<script" not in done.stdout.replace("&lt;script", "")
    assert words(titles()[9]) in " ".join(html.unescape(done.stdout).split())


# --- the fuzz targets -------------------------------------------------------------------------

FUZZ = Path(__file__).parent.parent / "fuzz"


@pytest.mark.parametrize("name", ["loader", "quantity"])
def test_fuzz_targets_run_over_their_seeds(tmp_path: Path, name: str) -> None:
    """The harness keeps working: the seeds, then some mutations (atheris when it is
    installed, else hypothesis). fuzz/README.md says how to fuzz for real."""
    python = sys.executable
    subprocess.run([python, str(FUZZ / "seed.py"), str(tmp_path)], check=True, timeout=120)
    seeds = tmp_path / name
    assert len(list(seeds.iterdir())) > 20
    try:
        import atheris  # type: ignore[import-untyped]  # noqa: F401, PLC0415
    except ImportError:
        args = ["--hypothesis", "--examples", "100", "--corpus", str(seeds)]
    else:
        args = [str(seeds), "-runs=100", "-timeout=10"]
    done = subprocess.run(
        [python, str(FUZZ / f"fuzz_{name}.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=tmp_path,  # where a crash file would go
    )
    assert done.returncode == 0, done.stderr[-3000:]
