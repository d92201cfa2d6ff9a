"""`tracker site`: the pages' structure (parsed with html.parser, no golden files), links that
all resolve, page names safe from hostile ids, paging, the output directory's rules
(refusal, --force, all-or-nothing, unwritable), hostile text inert, the git change history,
and the downloads. The browser half is tests/test_site_browser.py."""

from __future__ import annotations

import html.parser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner, Result

from tracker.cli.group import cli
from tracker.core.site import HASH_LENGTH, SLUG_MAX, GoalPage, page_names, slug
from tracker.core.views import GoalDetail
from tracker.render.site import downloads
from tracker.render.site.page import PAGE_ROWS

TESTS = Path(__file__).parent
HISTORY = TESTS / "data" / "history"
HOSTILE = TESTS / "hostile"
AS_OF = "2024-06-30"
MAX_PAGE_BYTES = 1024 * 1024
NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.html$")


def run(*args: str, lang: str = "en") -> Result:
    env = {"TRACKER_LANG": lang, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, list(args), env=env)


class Page(html.parser.HTMLParser):
    """Tags with their attributes, in order, the text, and where tables and SVG are."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.comments: list[str] = []
        self.stack: list[str] = []
        self.inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script" and data.strip():
            self.inline_script = True
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def build(data: Path, out: Path, *args: str) -> Result:
    result = run("--data", str(data), "site", str(out), "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    build(HISTORY, out, "--lang", "both")
    return out


def html_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.html"))


# --- every page ------------------------------------------------------------------------------


def test_layout_of_a_two_language_site(both: Path) -> None:
    assert (both / "index.html").is_file()
    assert (both / "assets" / "site.css").is_file()
    assert (both / "assets" / "site.js").is_file()
    for lang in ("zh", "en"):
        assert (both / lang / "index.html").is_file()
        for folder in ("regions", "goals", "lists"):
            assert any((both / lang / folder).iterdir())
    assert not list(both.glob(".tracker-site-*"))  # no staging left behind
    zh = {p.relative_to(both / "zh") for p in html_files(both / "zh")}
    en = {p.relative_to(both / "en") for p in html_files(both / "en")}
    assert zh == en


def test_every_page_is_safe_and_self_contained(both: Path) -> None:
    for path in html_files(both):
        page = parse(path)
        metas = page.all("meta")
        csp = [m for m in metas if m.get("http-equiv") == "Content-Security-Policy"]
        assert len(csp) == 1, path
        policy = csp[0]["content"] or ""
        assert "script-src 'self'" in policy
        assert "style-src 'self'" in policy
        assert "unsafe-inline" not in policy
        assert not page.inline_script, path
        assert page.all("style") == [], path
        assert page.comments == [], path
        for tag, attrs in page.tags:
            assert "style" not in attrs, (path, tag)
            assert not any(name.startswith("on") for name in attrs), (path, tag)
            if tag == "script":
                assert attrs.get("src", "").endswith("assets/site.js"), path  # type: ignore[union-attr]
            for name in ("href", "src"):
                value = attrs.get(name)
                if value is not None:
                    assert not value.lower().startswith(("javascript:", "data:", "//")), value
                    if "://" in value:
                        assert value.startswith(("http://", "https://")), value
        assert path.stat().st_size < MAX_PAGE_BYTES, path


def test_every_relative_link_resolves(both: Path) -> None:
    for path in html_files(both):
        for tag, attrs in parse(path).tags:
            target = attrs.get("href") if tag in ("a", "link") else attrs.get("src")
            if not target or "://" in target or target.startswith("#"):
                continue
            resolved = (path.parent / unquote(urlsplit(target).path)).resolve()
            assert resolved.is_file(), f"{path.relative_to(both)}: {target}"
            assert both.resolve() in resolved.parents, target


def test_page_names_are_safe(both: Path) -> None:
    for folder in ("regions", "goals", "lists"):
        for path in (both / "en" / folder).iterdir():
            assert NAME.match(path.name), path.name


def test_every_page_links_the_same_page_in_the_other_language(both: Path) -> None:
    for path in html_files(both / "en"):
        relative = path.relative_to(both / "en")
        page = parse(path)
        assert page.all("html")[0]["lang"] == "en"
        others = [a for a in page.all("a") if a.get("hreflang") == "zh-CN"]
        assert others, relative
        target = (path.parent / (others[0]["href"] or "")).resolve()
        assert target == (both / "zh" / relative).resolve()
        assert parse(target).all("html")[0]["lang"] == "zh-CN"


def test_tables_are_semantic(both: Path) -> None:
    tables = 0
    for path in html_files(both):
        text = path.read_text(encoding="utf-8")
        page = parse(path)
        for th in page.all("th"):
            assert th.get("scope") in ("col", "row"), path
        tables += text.count("<table")
        assert text.count("<table") == text.count("<caption"), path
    assert tables > 10


def test_the_index(both: Path) -> None:
    page = parse(both / "en" / "index.html")
    words = page.words()
    for heading in ("By status", "By region", "By category", "Status: overdue", "Behind schedule"):
        assert heading in words
    classes = " ".join(a.get("class") or "" for a in page.all("span"))
    assert "st s-" in classes  # statuses are labelled with text and a shape
    assert any(a.get("aria-hidden") == "true" for a in page.all("span"))


def test_a_goal_page(both: Path) -> None:
    pages = [p for p in (both / "en" / "goals").iterdir() if "urban-new-jobs" in p.name]
    page = parse(pages[0])
    words = page.words()
    assert "城镇新增就业" in words
    assert "≥ 52,000" in words  # the target with its direction
    assert "Stated rate 23.1%" in words  # the stated-rate check of an outcome
    assert "一季度城镇新增就业1.2万人" in words  # the outcome's quote
    svg = page.all("svg")
    assert any(a.get("role") == "img" for a in svg)
    assert page.all("circle")
    lines = " ".join(a.get("class") or "" for a in page.all("line"))
    assert "target" in lines
    assert "pace" in lines
    links = [a.get("href") for a in page.all("a")]
    assert "https://example.org/yc?q=1&t=%28%E5%AD%A3%E5%BA%A6%29" in links  # sanitised URL


def test_a_region_page_lists_its_sub_regions_goals(both: Path) -> None:
    province = next(
        p for p in (both / "zh" / "regions").iterdir() if "<h1>山西省</h1>" in p.read_text()
    )
    page = parse(province)
    words = page.words()
    assert "下级地区" in words
    assert "运城市" in words
    rows = [a for a in page.all("tr") if a.get("data-status")]
    assert len(rows) == len(list((both / "zh" / "goals").iterdir()))


def test_single_language_site_at_the_top(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = build(HISTORY, out, "--lang", "zh")
    assert "已生成网站" in result.stderr
    assert (out / "index.html").is_file()
    assert not (out / "zh").exists()
    page = parse(out / "index.html")
    assert page.all("html")[0]["lang"] == "zh-CN"
    assert not [a for a in page.all("a") if a.get("hreflang")]  # no language switch


# --- page names -------------------------------------------------------------------------------


HOSTILE_IDS = [
    "../../etc/passwd",
    "/absolute",
    "a/b\\c",
    "",
    ".",
    "..",
    "CON",
    "x" * 10_000,
    "Goal",
    "goal",
    "GOAL",
    "城镇新增就业",
    "bidi-\u202egoal",
    "nul\x00byte",
    "lone-\udc80-surrogate",
]


def test_page_names_of_hostile_ids() -> None:
    names = page_names(HOSTILE_IDS)
    assert len(set(names.values())) == len(HOSTILE_IDS)
    assert len({n.casefold() for n in names.values()}) == len(HOSTILE_IDS)
    for name in names.values():
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", name), name
        assert len(name) <= SLUG_MAX + 1 + HASH_LENGTH + 8


def test_page_names_are_stable_and_readable() -> None:
    assert page_names(["yuncheng-2022-urban-new-jobs"]) == page_names(
        ["yuncheng-2022-urban-new-jobs"]
    )
    assert page_names(["Yuncheng 2022/jobs"])["Yuncheng 2022/jobs"].startswith(
        "yuncheng-2022-jobs-"
    )
    assert slug("运城市") == ""
    assert page_names(["运城市"], {"运城市": ["运城", "Yuncheng"]})["运城市"].startswith(
        "yuncheng-"
    )


def test_page_names_grow_their_hash_on_a_collision(monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.core import site  # noqa: PLC0415

    monkeypatch.setattr(site, "_digest", lambda key: "0" * 60 + f"{len(key):04d}")
    names = page_names(["a", "a!"])  # the same slug, and (here) the same first hex digits
    assert names["a"] != names["a!"]


# --- paging ---------------------------------------------------------------------------------


def test_a_large_region_pages_its_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    goals = PAGE_ROWS * 2 + 7
    lines = ['[[region]]\nname = "甲市"\n']
    for i in range(goals):
        lines.append(
            f'[[goal]]\nid = "g{i:04d}"\ntitle = "指标{i}"\nregion = "甲市"\nunit = "人"\n'
            f"period = 2023\ntarget = {100 + i}\n"
            f"  [[goal.outcome]]\n  as_of = 2023-06-30\n  value = {i}\n"
        )
    (data / "goals.toml").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "site"
    build(data, out)
    region = sorted((out / "regions").iterdir())
    assert len(region) == 3
    assert sum(p.name.endswith(("-p2.html", "-p3.html")) for p in region) == 2
    total = 0
    for path in region:
        page = parse(path)
        total += len([a for a in page.all("tr") if a.get("data-status")])
        pager = [a for a in page.all("nav") if a.get("aria-label") == "Pages"]
        assert pager
        assert path.stat().st_size < MAX_PAGE_BYTES
    assert total == goals
    listed = list((out / "lists").glob("status-*-p2.html"))
    assert listed  # the status list is paged too


# --- the output directory -------------------------------------------------------------------


def test_a_non_empty_directory_needs_force(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "CNAME").write_text("tracker.example.org\n")
    refused = run("--data", str(HISTORY), "site", str(out), "--as-of", AS_OF)
    assert refused.exit_code == 2
    assert "not empty" in refused.stderr
    assert "--force" in refused.stderr
    assert sorted(p.name for p in out.iterdir()) == ["CNAME"]

    build(HISTORY, out, "--force")
    stale = out / "goals" / "gone-00000000.html"
    stale.write_text("old")
    build(HISTORY, out, "--force")
    assert (out / "CNAME").read_text() == "tracker.example.org\n"  # kept
    assert not stale.exists()  # the site's own folders are replaced whole
    assert (out / "index.html").is_file()
    assert not list(out.glob(".tracker-site-*"))


def test_an_unwritable_directory_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    for target, words in ((blocker, "not a directory"), (blocker / "sub", "cannot write")):
        result = run("--data", str(HISTORY), "site", str(target), "--as-of", AS_OF)
        assert result.exit_code == 2, result.output
        assert words in result.stderr
        assert "Traceback" not in result.output


def test_a_failed_write_leaves_the_previous_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build(HISTORY, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    from tracker.render.site import output  # noqa: PLC0415

    real = output._inside
    calls = {"n": 0}

    def failing(root: Path, relative: str) -> Path:
        calls["n"] += 1
        if calls["n"] == 20:
            raise OSError(28, "No space left on device")
        return real(root, relative)

    monkeypatch.setattr(output, "_inside", failing)
    result = run("--data", str(HISTORY), "site", str(out), "--force", "--as-of", "2025-01-01")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


# --- hostile data ----------------------------------------------------------------------------


def test_hostile_text_is_inert(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("titles.toml", "regions.toml", "bidi-id.toml"):
        shutil.copy(HOSTILE / name, data / name)
    out = tmp_path / "site"
    run("--data", str(data), "site", str(out), "--as-of", "2022-12-31", "--lang", "both")
    assert (out / "en" / "index.html").is_file()
    import tomli  # noqa: PLC0415

    titles = [g["title"] for g in tomli.loads((HOSTILE / "titles.toml").read_text())["goal"]]
    seen = ""
    for path in html_files(out):
        page = parse(path)
        assert not page.inline_script
        for tag, attrs in page.tags:
            assert tag not in ("iframe", "object", "embed", "img", "form"), (path, tag)
            assert not any(name.startswith("on") for name in attrs)
            href = attrs.get("href") or ""
            assert not href.lower().startswith(("javascript", "data:", "vbscript")), href
        seen += " " + page.words()
    from tracker.render.escape import safe  # noqa: PLC0415

    for title in titles:
        assert " ".join(safe(title).split()) in seen, title


# --- history and downloads ------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_goal_change_history_from_git(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    data = repo / "targets"
    data.mkdir(parents=True)
    goals = (HISTORY / "goals.toml").read_text(encoding="utf-8")
    (data / "goals.toml").write_text(goals, encoding="utf-8")

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    git("add", ".")
    git("commit", "-qm", "First <b>data</b>")
    (data / "goals.toml").write_text(goals.replace('target = "5.2万"', 'target = "5.5万"'))
    git("commit", "-qam", "Raise the jobs target")
    out = tmp_path / "site"
    build(data, out)
    page = next(p for p in (out / "goals").iterdir() if "urban-new-jobs" in p.name)
    words = parse(page).words()
    assert "Change history" in words
    assert "changed the target (5.2万 → 5.5万)" in words
    assert "Raise the jobs target" in words
    assert "First <b>data</b>" in words  # a commit subject is text
    assert "<b>data</b>" not in page.read_text()
    assert "goal added" in words
    build(data, tmp_path / "none", "--history", "0")
    nothing = next(p for p in (tmp_path / "none" / "goals").iterdir() if "urban-new-jobs" in p.name)
    assert "Change history" not in parse(nothing).words()


def test_downloads_come_from_the_export_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fake(dataset: object, report: object, selection: object, **_: object) -> dict[str, object]:
        del dataset, report, selection
        return {
            "goals.csv": lambda path: path.write_text("id\n"),
            "tracker.sqlite": lambda path: path.write_bytes(b"SQLite"),
        }

    monkeypatch.setattr(downloads, "export_files", fake)
    out = tmp_path / "site"
    build(HISTORY, out, "--lang", "both")
    assert (out / "downloads" / "goals.csv").read_text() == "id\n"
    assert (out / "downloads" / "tracker.sqlite").is_file()
    for lang in ("zh", "en"):
        page = parse(out / lang / "downloads.html")
        hrefs = [a.get("href") for a in page.all("a")]
        assert "../downloads/goals.csv" in hrefs
        index = parse(out / lang / "index.html")
        assert "downloads.html" in [a.get("href") for a in index.all("a")]


def test_downloads_use_the_export_command_when_it_is_there(tmp_path: Path) -> None:
    """The downloads are `tracker export`'s files of the same evaluation, byte for byte."""
    out = tmp_path / "site"
    build(HISTORY, out, "--region", "运城")
    exported = tmp_path / "export"
    result = run(
        "--data", str(HISTORY), "export", str(exported), "--as-of", AS_OF, "--region", "运城"
    )
    assert result.exit_code == 0, result.output
    names = {p.name for p in (out / "downloads").iterdir()}
    assert {"goals.csv", "outcomes.csv", "datapackage.json", "tracker.sqlite"} <= names
    assert names == {p.name for p in exported.iterdir()}
    for name in names - {"tracker.sqlite"}:
        assert (out / "downloads" / name).read_bytes() == (exported / name).read_bytes(), name


def test_site_is_in_the_command_list() -> None:
    result = run("--help")
    assert "site" in result.stdout
    help_text = run("site", "--help").stdout
    assert "--force" in help_text
    assert "both" in help_text


# --- the page cache -------------------------------------------------------------------------

CACHED = """\
[[region]]
name = "甲市"

[[source]]
id = "s1"
title = "报告"
url = "https://example.org/report"

[[goal]]
id = "jobs-2023"
title = "城镇新增就业"
region = "甲市"
unit = "人"
period = 2023
target = "5万"
source = "s1"

  [[goal.outcome]]
  as_of = 2023-06-30
  value = "{value}"

[[goal]]
id = "jobs-2024"
title = "城镇新增就业"
region = "甲市"
unit = "人"
period = 2024
target = {{ goal = "jobs-2023", change = "5%" }}

[[goal]]
id = "schools-2023"
title = "新建幼儿园"
region = "甲市"
unit = "所"
period = 2023
target = 12
"""


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_pages_from_the_cache_are_the_pages_rendered_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm build renders only what changed — here the goal whose figure changed and the
    goal whose relative target refers to it — and every file, cached or not, is byte for
    byte what a build without the cache writes."""
    from tracker.core.site import Site  # noqa: PLC0415

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    rendered: list[str] = []
    real = Site.detail

    def counting(self: Site, page: GoalPage) -> GoalDetail:
        rendered.append(page.name)
        return real(self, page)

    monkeypatch.setattr(Site, "detail", counting)
    for value, renders in (("2.6万", 6), ("2.6万", 0), ("3.1万", 4)):
        (data / "goals.toml").write_text(CACHED.format(value=value), encoding="utf-8")
        rendered.clear()
        build(data, out, "--lang", "both", "--force")
        assert len(rendered) == renders, rendered  # 3 goals, 2 languages
        changed = set(rendered)
        build(data, fresh, "--lang", "both", "--force", "--no-cache")
        assert _files(out) == _files(fresh)
    assert len(changed) == 2  # the last time: jobs-2023, and jobs-2024 whose target it is


def test_a_damaged_cache_only_costs_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of the site edited in place (it may share its file with the cache), a cache
    entry changed or gone, a broken index: the next build writes what a fresh one would."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(cache))
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build(HISTORY, out)
    build(HISTORY, fresh, "--no-cache")
    expected = _files(fresh)
    (folder,) = cache.glob("site/*")

    def edit_a_page() -> None:
        page = next(out.glob("goals/*.html"))
        with page.open("r+b") as f:  # in place: the same file
            f.write(b"<!-- edited -->")

    def change_an_entry() -> None:
        entry = next((folder / "entries").iterdir())
        entry.write_bytes(entry.read_bytes()[:-1] + b"!")

    def remove_an_entry() -> None:
        next((folder / "entries").iterdir()).unlink()

    def break_the_index() -> None:
        (folder / "index").write_bytes(b"\xff\x00 not an index")

    for damage in (edit_a_page, change_an_entry, remove_an_entry, break_the_index):
        damage()
        build(HISTORY, out, "--force")
        assert _files(out) == expected, damage.__name__


def _built_twice_as_without_cache(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site built twice through the page cache is the site built without it."""
    monkeypatch.setenv("TRACKER_CACHE_DIR", str(tmp_path / "cache"))
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    for _ in range(2):
        build(data, out, "--force")
    build(data, fresh, "--no-cache")
    assert _files(out) == _files(fresh)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any byte")
def test_the_cache_takes_file_names_that_are_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    name = Path(os.fsdecode(os.fsencode(data) + b"/goals\xfe.toml"))
    name.write_text(CACHED.format(value="2.6万"), encoding="utf-8")
    _built_twice_as_without_cache(data, tmp_path, monkeypatch)


def test_figures_beyond_64_bits_build_a_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A figure of 30 digits (within the limit) made the page cache's key fail with an
    internal error (msgpack's integers stop at 64 bits); every other command read it."""
    data = tmp_path / "data"
    data.mkdir()
    big = "1" + "0" * 29
    (data / "goals.toml").write_text(
        CACHED.format(value=f"{big}").replace('target = "5万"', f'target = "{big}"'),
        encoding="utf-8",
    )
    _built_twice_as_without_cache(data, tmp_path, monkeypatch)


@pytest.mark.parametrize("langs", ["en", "both"])
def test_the_page_count_is_the_pages_written(tmp_path: Path, langs: str) -> None:
    """`site` said "346 pages" and wrote 337 HTML files: it counted the stylesheet, script
    and downloads too (a tester's report)."""
    out = tmp_path / "out"
    result = build(HISTORY, out, "--lang", langs)
    said = re.search(r"(?:wrote the site: |已生成网站:)(\d+)", result.stderr)
    assert said is not None, result.stderr
    assert int(said[1]) == len(list(out.rglob("*.html")))
    assert any(not p.name.endswith(".html") for p in out.rglob("*") if p.is_file())
