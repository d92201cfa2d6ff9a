"""The row cache: rows already evaluated and rendered, per data file, in one packed file per
evaluation context.

A goal's row of ``tracker status --format json`` depends on the goal (so on its file's
bytes, which the file's parse-cache key stands for: :func:`tracker.load.cache.load_files`'s
``keys``), the evaluation date, the judgement options and the code; a goal with a relative
target also on the goal it refers to, so such goals are never stored. Everything but the file
is the *context*: one packed file holds, for every data file of one context, the rows of its
goals, so that a warm run reads one file instead of evaluating and rendering.

The same properties as the parse cache (docs/security.md: the cache folder): the file is
authenticated with the keyed BLAKE2b of :func:`tracker.load.cache.seal` (the key lives
outside the cache folder), names its context in full, and is replaced atomically (temporary
file, then rename); a file that fails any check is ignored. Only the last :data:`KEEP`
contexts are kept (a context is a day's ``--as-of`` and options).

Layout: the magic, the tag, then the body: the length of an index, the index (msgpack: the
context, and per file key each row's id, line, status, and where its record lies in the
records), then the records, concatenated. A record is handed out as a view of the file read,
not copied (90,000 rows are ~55 MB).
"""

from __future__ import annotations

import contextlib
import os
import struct
import zlib
from pathlib import Path

import msgspec

from tracker.load.cache import code_fingerprint, tagger, unseal, usable_dir

KEEP = 4
_MAGIC = b"trkrows2"
_TAG_BYTES = 32
_LENGTH = struct.Struct(">I")

Row = tuple[str, int, str, memoryview]
"""One goal's row: its id, its line (0: none), its status's value and its rendered record."""


class _Index(msgspec.Struct, array_like=True):
    context: bytes
    # a data file's cache key → its rows: id, line, status, record offset and length
    files: dict[bytes, list[tuple[str, int, str, int, int]]]


_decoder = msgspec.msgpack.Decoder(_Index)


def context_key(*parts: str) -> bytes:
    """What the rows depend on besides the files: the code and the caller's ``parts``."""
    return msgspec.msgpack.encode([code_fingerprint(), *parts])


def _name(context: bytes) -> str:
    return f"rows-{zlib.crc32(context):08x}{zlib.adler32(context):08x}.pack"


def read(cache_dir: Path, context: bytes) -> dict[bytes, list[Row]]:
    """The stored rows of ``context`` by file key; empty when there are none (or none valid)."""
    folder = usable_dir(cache_dir)
    if folder is None:
        return {}
    try:
        blob = (folder / _name(context)).read_bytes()
    except OSError:
        return {}
    body = unseal(_MAGIC, blob)
    if body is None or len(body) < _LENGTH.size:
        return {}
    (length,) = _LENGTH.unpack_from(body)
    records = body[_LENGTH.size + length :]
    try:
        index = _decoder.decode(body[_LENGTH.size : _LENGTH.size + length])
    except msgspec.DecodeError:
        return {}
    if index.context != context:
        return {}
    size = len(records)
    found = {}
    for key, rows in index.files.items():
        if any(start < 0 or start + count > size for _, _, _, start, count in rows):
            return {}
        found[key] = [
            (goal, line, status, records[start : start + count])
            for goal, line, status, start, count in rows
        ]
    return found


def write(cache_dir: Path, context: bytes, files: dict[bytes, list[Row]]) -> None:
    """Store ``files`` as the rows of ``context`` (atomically; failures are ignored), and
    remove the rows of all but the last :data:`KEEP` contexts."""
    folder = usable_dir(cache_dir)
    if folder is None:
        return
    offset = 0
    index: dict[bytes, list[tuple[str, int, str, int, int]]] = {}
    for key, rows in files.items():
        placed = index[key] = []
        for goal, line, status, record in rows:
            placed.append((goal, line, status, offset, len(record)))
            offset += len(record)
    head = msgspec.msgpack.encode(_Index(context, index))
    name = _name(context)
    temp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        with temp.open("wb") as stream:
            # the records are written one by one, the tag computed meanwhile and put in last
            stream.write(_MAGIC + bytes(_TAG_BYTES))
            tag = tagger()
            for part in (_LENGTH.pack(len(head)), head):
                tag.update(part)
                stream.write(part)
            for rows in files.values():
                for _, _, _, record in rows:
                    tag.update(record)
                    stream.write(record)
            stream.seek(len(_MAGIC))
            stream.write(tag.digest())
        temp.replace(folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            temp.unlink()
        return
    with contextlib.suppress(OSError):
        others = sorted(
            (p for p in folder.glob("rows-*.pack") if p.name != name),
            key=lambda p: p.stat().st_mtime_ns,
        )
        for old in others[: max(0, len(others) - (KEEP - 1))]:
            old.unlink()
