"""Rendered pages kept between builds, so that a rebuild renders only the pages whose inputs
changed (docs/site.md, speed) — the same trade the parse cache makes for ``status``.

A page is stored under a hash of everything it is made from: the code (the parse cache's
fingerprint), the evaluation date and thresholds, the language and the site's shape (one or
both languages, downloads or not), its path, and its own inputs — for a goal page the goal,
the goals its relative target refers to (and theirs), its sources, its region chain and the
page names it links to, and its change history; for a page that lists goals, the list and the
key of every goal row on it. A page from the cache is therefore the page a fresh rendering
would give, byte for byte (tests/test_site.py).

Each site directory has its cache (``site/<hash of DIR>/`` in the parse cache's directory):
one file an entry, named by its key, and an index of each entry's size, modification time
and inode. A page found there is hard-linked into the new site (copied across file systems);
the pages just rendered are linked back from the site into the cache; entries the build did
not use are removed, so the cache holds the last site and no more. Linking, rather than
writing 9,500 files, is most of what makes a warm build fast: creating a file, more than
rendering it, was what a build cost once the pages came from a cache. A cached file that
changed since it was stored — a page of the site edited in place, which is the same file —
no longer matches the index and is rendered afresh. A cache that cannot be read or written
only makes the build slower, never wrong.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import msgspec

from tracker.core.site import GoalPage, ListPage, RegionPage, Site
from tracker.core.views import goal_sources, region_chain
from tracker.model import Goal

Writer = Callable[[Path], None]  # writes one file at the path it is given
ENTRIES = "entries"  # one file an entry, named by its key
INDEX = "index"  # each entry's size, modification time and inode when it was stored
TEMPORARY = ".tmp-"
_INDEX = msgspec.msgpack.Decoder(dict[str, tuple[int, int, int]])
_ENCODE_INDEX = msgspec.msgpack.Encoder().encode


_INT64 = 1 << 63


def _hook(obj: Any) -> Any:
    if isinstance(obj, Fraction):
        n, d = obj.numerator, obj.denominator
        if -_INT64 <= n < _INT64 and d < _INT64:
            return (n, d)
        return (str(n), str(d))  # beyond msgpack's integers (a figure of 30 digits)
    raise NotImplementedError(type(obj))


_ENCODE = msgspec.msgpack.Encoder(enc_hook=_hook).encode


def digest(*parts: Any) -> bytes:
    """A 256-bit hash of ``parts`` (model values, dataclasses, dates, Fractions, bytes)."""
    try:
        encoded = _ENCODE(parts)
    except UnicodeEncodeError:  # a file name that is not UTF-8 (kept as lone surrogates)
        encoded = b"repr\0" + repr(parts).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(encoded, digest_size=32).digest()


def _references(goal: Goal, goals: Mapping[str, Goal]) -> list[Goal]:
    """The goals ``goal``'s relative target refers to, and theirs (each once)."""
    found: dict[str, Goal] = {}
    ref = goal.target_ref
    while ref is not None and ref.goal not in found and ref.goal != goal.id:
        referenced = goals.get(ref.goal)
        if referenced is None:
            break
        found[ref.goal] = referenced
        ref = referenced.target_ref
    return list(found.values())


class Keys:
    """The cache key of each page of one site, in every language: computed once, before the
    pages are shared out between processes."""

    def __init__(self, site: Site, fingerprint: str, downloads: bool) -> None:
        self.site = site
        self.common = digest(fingerprint, site.as_of, site.thresholds, downloads)
        goals = site.goals_by_id
        regions = site.region_pages
        self._lists: dict[tuple[str, str], bytes] = {}  # a paged list's key, for each page
        self.goal: dict[str, bytes] = {}  # what a goal's evaluation depends on
        self.row: dict[str, bytes] = {}  # what a goal's table row shows (its key and links)
        for page in site.goals:
            goal = page.evaluation.goal
            key = digest(goal, _references(goal, goals))
            self.goal[goal.id] = key
            region = regions.get(goal.region) or ""
            self.row[goal.id] = b"%s%s\0%s" % (key, page.name.encode(), region.encode())

    def _names(self, chain: Iterable[str]) -> list[str | None]:
        return [self.site.region_pages.get(name) for name in chain]

    def goal_page(self, page: GoalPage) -> bytes:
        site = self.site
        goal = page.evaluation.goal
        dataset = site.dataset
        chain = region_chain(dataset, goal.region)
        return digest(
            self.goal[goal.id],
            page.name,
            page.events,
            [dataset.sources.get(i) for i in goal_sources(goal)],
            [dataset.regions.get(name) for name in chain],
            chain,
            self._names(chain),
            site.category_pages.get(goal.category or ""),
        )

    def _rows(self, page: RegionPage | ListPage) -> list[bytes]:
        return [self.row[e.goal.id] for e in page.rows]

    def region_page(self, page: RegionPage) -> bytes:
        found = self._lists.get(("region", page.name))
        if found is not None:
            return found
        children = [c.name for c in page.children]
        found = self._lists["region", page.name] = digest(
            page.name,
            page.row,
            page.chain,
            self._names(page.chain),
            page.children,
            self._names(children),
            self._rows(page),
        )
        return found

    def list_page(self, page: ListPage) -> bytes:
        found = self._lists.get(("list", page.name))
        if found is None:
            rows = self._rows(page)
            found = self._lists["list", page.name] = digest(
                page.name, page.kind, page.key, page.counts, rows
            )
        return found

    def page(self, lang: str, both: bool, path: str, own: bytes) -> str:
        """The name of a page's entry."""
        where = f"{lang}\0{int(both)}\0{path}".encode("utf-8", "surrogateescape")
        return hashlib.blake2b(self.common + own + where, digest_size=32).hexdigest()


class PageCache:
    """The cache of one site directory's pages (see the module's docstring)."""

    def __init__(self, root: Path, site_directory: Path) -> None:
        name = hashlib.sha256(os.fsencode(site_directory.resolve())).hexdigest()[:16]
        self.folder = root / "site" / name
        self.entries = self.folder / ENTRIES
        self.index: dict[str, tuple[int, int, int]] = {}  # entry → (size, mtime, inode)
        self.made: dict[str, bytes] = {}  # entries made by this process, besides pages
        self.exported: dict[str, str] = {}  # the export's files: name → entry
        with contextlib.suppress(OSError, msgspec.DecodeError):
            self.index = _INDEX.decode((self.folder / INDEX).read_bytes())

    def _stat(self, path: Path) -> tuple[int, int, int]:
        info = path.stat()
        return (info.st_size, info.st_mtime_ns, info.st_ino)

    def has(self, name: str) -> bool:
        """Whether the entry ``name`` is there as it was stored: a file changed since (the
        same file as a page of the site, edited in place) is not."""
        known = self.index.get(name)
        if known is None:
            return False
        try:
            return self._stat(self.entries / name) == known
        except OSError:
            return False

    def link(self, name: str, render: Callable[[], bytes], path: Path) -> None:
        """Write the entry ``name`` at ``path``: a hard link, or a copy across file systems,
        or — if it went away meanwhile — ``render()``'s bytes."""
        entry = self.entries / name
        try:
            os.link(entry, path)
        except OSError:
            try:
                shutil.copyfile(entry, path)
            except OSError:
                path.write_bytes(render())

    def downloads(self, key: bytes, make: Callable[[], Mapping[str, Writer]]) -> dict[str, Writer]:
        """The export package's writers: the files stored under ``key`` when all are, else
        ``make()``'s (called only then: building the tables is the export's work). Their
        entries are :attr:`exported` (file name → entry)."""
        manifest = digest(key, "manifest").hex()
        with contextlib.suppress(OSError, UnicodeDecodeError):
            if self.has(manifest):
                listed = (self.entries / manifest).read_bytes()
                entries = {name: digest(key, name).hex() for name in listed.decode().split("\n")}
                if all(self.has(entry) for entry in entries.values()):
                    self.made[manifest] = listed
                    self.exported = entries
                    return {
                        name: functools.partial(self.link, entry, _missing)
                        for name, entry in entries.items()
                    }
        writers = dict(make())
        self.made[manifest] = "\n".join(writers).encode()
        self.exported = {name: digest(key, name).hex() for name in writers}
        return writers

    def update(self, directory: Path, entries: Mapping[str, str]) -> None:
        """After a build written into ``directory``: the cache becomes the entries of this
        build (``entries``: path in the site → entry), the new ones linked (or copied) from
        the files just written, the others removed. Nothing changes when nothing did."""
        wanted = {e: p for p, e in entries.items()}
        index: dict[str, tuple[int, int, int]] = {}
        try:
            self.entries.mkdir(parents=True, exist_ok=True)
            for entry, data in self.made.items():
                if not self.has(entry):
                    self._put(entry, functools.partial(Path.write_bytes, data=data))
                index[entry] = self._stat(self.entries / entry)
            for entry, path in wanted.items():
                if not self.has(entry):
                    self._put(entry, functools.partial(_link_or_copy, directory / path))
                index[entry] = self._stat(self.entries / entry)
            for entry in self.index.keys() - index.keys():
                with contextlib.suppress(OSError):
                    (self.entries / entry).unlink()
            if index != self.index:
                temporary = self.folder / f"{TEMPORARY}{os.getpid()}"
                temporary.write_bytes(_ENCODE_INDEX(index))
                temporary.replace(self.folder / INDEX)
        except OSError:  # the cache stays as it was, or partly updated: slower, never wrong
            return

    def _put(self, entry: str, write: Callable[[Path], object]) -> None:
        """Store an entry under a temporary name, then rename it into place."""
        temporary = self.entries / f"{TEMPORARY}{os.getpid()}"
        with contextlib.suppress(OSError):
            temporary.unlink()
        write(temporary)
        temporary.replace(self.entries / entry)


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _missing() -> bytes:
    raise FileNotFoundError("an export file left the cache during the build")
