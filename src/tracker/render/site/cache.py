"""Rendered pages kept between builds, so that a rebuild renders only the pages whose inputs
changed (docs/site.md, speed) — the same trade the parse cache makes for ``status``.

A page is stored under a hash of everything it is made from: the code (the parse cache's
fingerprint), the evaluation date and thresholds, the language and the site's shape (one or
both languages, downloads or not), its path, and its own inputs — for a goal page the goal,
the goals its relative target refers to (and theirs), its sources, its region chain and the
page names it links to, and its change history; for a page that lists goals, the list and the
key of every goal row on it. A page from the cache is therefore the page a fresh rendering
would give, byte for byte (tests/test_site.py).

Each site directory has its cache, one file (``site/<hash of DIR>/pages.pack`` in the parse
cache's directory) holding the pages of its last build and the export files, each under its
key, with an index: a build maps it and takes the pages it finds; once the site is written,
a build that rendered anything writes the file anew with exactly the entries it used (the
new ones read back from the site), so the cache holds the last site and no more. One file,
not one a page: opening thousands of files is most of the time a warm build would take.
A cache that cannot be read or written only makes the build slower, never wrong.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import mmap
import os
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import msgspec

from tracker.core.site import GoalPage, ListPage, RegionPage, Site
from tracker.core.views import goal_sources, region_chain
from tracker.model import Goal

Writer = Callable[[Path], None]  # writes one file at the path it is given
PACK = "pages.pack"  # the entries one after the other, then their index, then its offset
TEMPORARY = ".tmp-"
_INDEX = msgspec.msgpack.Decoder(dict[str, tuple[int, int]])
_ENCODE_INDEX = msgspec.msgpack.Encoder().encode


def _hook(obj: Any) -> Any:
    if isinstance(obj, Fraction):
        return (obj.numerator, obj.denominator)
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
        self.pack = root / "site" / name / PACK
        self.index: dict[str, tuple[int, int]] = {}  # entry → (offset, length) in the pack
        self.data: mmap.mmap | bytes = b""
        self.made: dict[str, bytes] = {}  # entries made by this process, besides pages
        self.exported: dict[str, str] = {}  # the export's files: name → entry
        with (
            contextlib.suppress(OSError, ValueError, msgspec.DecodeError),
            self.pack.open("rb") as f,
        ):
            data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
            start = int.from_bytes(data[-8:], "big")
            self.index = _INDEX.decode(data[start:-8])
            self.data = data

    def _entry(self, name: str) -> bytes | None:
        found = self.index.get(name)
        if found is None:
            return None
        offset, length = found
        return self.data[offset : offset + length]

    def get(self, name: str, render: Callable[[], bytes]) -> bytes:
        """The page stored as ``name``, else ``render()``'s (stored by :meth:`update`)."""
        found = self._entry(name)
        return render() if found is None else found

    def downloads(self, key: bytes, make: Callable[[], Mapping[str, Writer]]) -> dict[str, Writer]:
        """The export package's writers: the files stored under ``key`` when all are, else
        ``make()``'s (called only then: building the tables is the export's work). Their
        entries are :attr:`exported` (file name → entry)."""
        manifest = digest(key, "manifest").hex()
        listed = self._entry(manifest)
        if listed is not None:
            names = listed.decode().split("\n")
            entries = {name: digest(key, name).hex() for name in names}
            if all(entry in self.index for entry in entries.values()):
                self.made[manifest] = listed
                self.exported = entries
                return {name: functools.partial(self._copy, e) for name, e in entries.items()}
        writers = dict(make())
        self.made[manifest] = "\n".join(writers).encode()
        self.exported = {name: digest(key, name).hex() for name in writers}
        return writers

    def _copy(self, entry: str, path: Path) -> None:
        path.write_bytes(self._entry(entry) or b"")

    def update(self, directory: Path, entries: Mapping[str, str]) -> None:
        """After a build written into ``directory``: the cache becomes the entries of this
        build (``entries``: path in the site → entry), the new ones read from the files just
        written. Nothing is written when nothing changed."""
        wanted = {**{e: p for p, e in entries.items()}, **dict.fromkeys(self.made, "")}
        if wanted.keys() == self.index.keys():
            return
        temporary = self.pack.with_name(f"{TEMPORARY}{os.getpid()}")
        try:
            self.pack.parent.mkdir(parents=True, exist_ok=True)
            index: dict[str, tuple[int, int]] = {}
            with temporary.open("wb") as out:
                for entry, path in wanted.items():
                    data = self.made.get(entry)
                    if data is None:
                        data = self._entry(entry)
                    if data is None:
                        data = (directory / path).read_bytes()
                    index[entry] = (out.tell(), len(data))
                    out.write(data)
                start = out.tell()
                out.write(_ENCODE_INDEX(index))
                out.write(start.to_bytes(8, "big"))
            temporary.replace(self.pack)
        except OSError:  # the cache stays as it was: only slower next time, never wrong
            with contextlib.suppress(OSError):
                temporary.unlink()
