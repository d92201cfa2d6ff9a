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
outside the cache folder), names its context in full, and is replaced atomically (temporary file,
then rename); a file that fails any check is ignored. Only the last :data:`KEEP` contexts are
kept (a context is a day's ``--as-of`` and options).
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path

import msgspec

from tracker.load.cache import code_fingerprint, tag, unseal, usable_dir

KEEP = 4
_MAGIC = b"trkrows1"

Row = tuple[str, int, str, bytes]
"""One goal's row: its id, its line (0: none), its status's value and its rendered record."""


class _Packed(msgspec.Struct, array_like=True):
    context: bytes
    files: dict[bytes, list[Row]]  # a data file's cache key → the rows of its goals


_decoder = msgspec.msgpack.Decoder(_Packed)


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
    if body is None:
        return {}
    try:
        packed = _decoder.decode(body)
    except msgspec.DecodeError:
        return {}
    return packed.files if packed.context == context else {}


def write(cache_dir: Path, context: bytes, files: dict[bytes, list[Row]]) -> None:
    """Store ``files`` as the rows of ``context`` (atomically; failures are ignored), and
    remove the rows of all but the last :data:`KEEP` contexts."""
    folder = usable_dir(cache_dir)
    if folder is None:
        return
    name = _name(context)
    body = msgspec.msgpack.encode(_Packed(context, files))
    temp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        with temp.open("wb") as stream:  # what seal() makes, without another copy of the body
            stream.write(_MAGIC)
            stream.write(tag(body))
            stream.write(body)
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
